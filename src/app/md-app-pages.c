/* md-app-pages.c
 *
 * The applicant wizard's screens, in the order the applicant meets
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-app-pages.h"
#include "md-page-applicant.h"
#include "md-page-mobility.h"
#include "md-page-programme.h"
#include "md-page-documents.h"
#include "md-page-review.h"
#include "md-page-motivation.h"
#include "md-page-study-plan.h"
#include "md-page-agreement.h"
/* page includes: keep in screen order */

void
md_add_wizard_pages (MdWizard *wizard)
{
  /* 1. programme and activity */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_programme_new ()));
  /* 2. about you */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_applicant_new ()));
  /* 3. the mobility */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_mobility_new ()));
  /* 4. motivation letter */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_motivation_new ()));
  /* 5. study or training plan */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_study_plan_new ()));
  /* 6. learning agreement */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_agreement_new ()));
  /* 7. documents */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_documents_new ()));
  /* 8. review */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_review_new ()));
}
