/* md-validator.h: checking a dossier against its programme profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-dossier.h"
#include "md-programme.h"
#include "md-report.h"

G_BEGIN_DECLS

MdReport *md_validate_dossier (MdDossier   *dossier,
                               MdProgramme *programme,
                               const GDate *today);

G_END_DECLS
