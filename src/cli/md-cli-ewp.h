/* md-cli-ewp.h: the export-ewp and import-ewp commands of mobility-dossier-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int md_cli_export_ewp (int    argc,
                       char **argv);
int md_cli_import_ewp (int    argc,
                       char **argv);

G_END_DECLS
