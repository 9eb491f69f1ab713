/* md-app-types.h: makes the application's widgets known to GtkBuilder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void md_app_register_types (void);

G_END_DECLS
