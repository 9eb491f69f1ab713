/* md-page-programme.h: the "Programme and Activity" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_PROGRAMME (md_page_programme_get_type ())

G_DECLARE_FINAL_TYPE (MdPageProgramme, md_page_programme, MD, PAGE_PROGRAMME, AdwBin)

GtkWidget *md_page_programme_new (void);

G_END_DECLS
