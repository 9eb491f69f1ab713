/* md-page-study-plan.h: the "Study or Training Plan" screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-wizard-page.h"

G_BEGIN_DECLS

#define MD_TYPE_PAGE_STUDY_PLAN (md_page_study_plan_get_type ())

G_DECLARE_FINAL_TYPE (MdPageStudyPlan, md_page_study_plan, MD, PAGE_STUDY_PLAN, AdwBin)

GtkWidget *md_page_study_plan_new (void);

G_END_DECLS
