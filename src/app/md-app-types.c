/* md-app-types.c
 *
 * GtkBuilder finds a class by name only once its type exists, so every
 * widget class used in a template is ensured here, before the first
 * template is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-app-types.h"
#include "md-path-entry-row.h"
#include "md-wizard.h"

void
md_app_register_types (void)
{
  g_type_ensure (MD_TYPE_PATH_ENTRY_ROW);
  g_type_ensure (MD_TYPE_WIZARD);
}
