/* md-app-pages.h: the applicant wizard's screens, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-app-types.h"
#include "md-wizard.h"

G_BEGIN_DECLS

void md_add_wizard_pages (MdWizard *wizard);

G_END_DECLS
