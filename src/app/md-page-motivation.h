/* md-page-motivation.h: the "Motivation Letter" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_MOTIVATION (md_page_motivation_get_type ())

G_DECLARE_FINAL_TYPE (MdPageMotivation, md_page_motivation, MD, PAGE_MOTIVATION, AdwBin)

GtkWidget *md_page_motivation_new (void);

G_END_DECLS
