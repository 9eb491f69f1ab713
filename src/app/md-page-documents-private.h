/* md-page-documents-private.h: what the parts of MdPageDocuments share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-page-documents.h"

G_BEGIN_DECLS

struct _MdPageDocuments
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *required_group;
  AdwPreferencesGroup  *attached_group;
  GtkListBox           *attached_list;
  AdwComboRow          *kind_row;

  GPtrArray            *required_rows;
  MdDossier            *dossier;
  MdProgramme          *programme;
  char                 *signature;
  GCancellable         *cancellable;
  guint                 busy;
  GtkNativeDialog      *chooser;
  char                 *chooser_kind;
};

const char *md_document_kind_label            (const char      *kind);
void        md_page_documents_show_message    (MdPageDocuments *self,
                                               const char      *message);
void        md_page_documents_refresh         (MdPageDocuments *self);
void        md_page_documents_choose_file     (MdPageDocuments *self,
                                               const char      *kind);
void        md_page_documents_open_attachment (MdPageDocuments *self,
                                               guint            index);

G_END_DECLS
