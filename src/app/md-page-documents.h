/* md-page-documents.h: the "Documents" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_DOCUMENTS (md_page_documents_get_type ())

G_DECLARE_FINAL_TYPE (MdPageDocuments, md_page_documents, MD, PAGE_DOCUMENTS, AdwBin)

GtkWidget *md_page_documents_new         (void);
void       md_page_documents_attach_file (MdPageDocuments *self,
                                          GFile           *file,
                                          const char      *kind);
gboolean   md_page_documents_is_busy     (MdPageDocuments *self);

G_END_DECLS
