/* md-page-mobility.h: the "Mobility" screen with the live grant estimate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_MOBILITY (md_page_mobility_get_type ())

G_DECLARE_FINAL_TYPE (MdPageMobility, md_page_mobility, MD, PAGE_MOBILITY, AdwBin)

GtkWidget *md_page_mobility_new          (void);
char      *md_page_mobility_format_amount (double amount);

G_END_DECLS
