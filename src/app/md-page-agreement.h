/* md-page-agreement.h: the "Learning Agreement" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_AGREEMENT (md_page_agreement_get_type ())

G_DECLARE_FINAL_TYPE (MdPageAgreement, md_page_agreement, MD, PAGE_AGREEMENT, AdwBin)

GtkWidget *md_page_agreement_new             (void);
char      *md_page_agreement_describe_totals (double table_a,
                                              double table_b);

G_END_DECLS
