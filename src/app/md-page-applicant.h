/* md-page-applicant.h: the "About you" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_APPLICANT (md_page_applicant_get_type ())

G_DECLARE_FINAL_TYPE (MdPageApplicant, md_page_applicant, MD, PAGE_APPLICANT, AdwBin)

GtkWidget *md_page_applicant_new (void);

G_END_DECLS
