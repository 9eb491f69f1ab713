/* md-cli-submit.h: the submit command of mobility-dossier-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int md_cli_submit (int    argc,
                   char **argv);

G_END_DECLS
