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
/* page includes: keep in screen order */

void
md_add_wizard_pages (MdWizard *wizard)
{
  /* 1. programme and activity */
  /* 2. about you */
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_applicant_new ()));
  /* 3. the mobility */
  /* 4. motivation letter */
  /* 5. study or training plan */
  /* 6. learning agreement */
  /* 7. documents */
  /* 8. review */
}
