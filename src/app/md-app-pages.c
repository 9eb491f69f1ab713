/* md-app-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-app-pages.h"
#include "md-page-applicant.h"

void
md_add_wizard_pages (MdWizard *wizard)
{
  md_wizard_add_page (wizard, MD_WIZARD_PAGE (md_page_applicant_new ()));
}
