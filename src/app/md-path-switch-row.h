/* md-path-switch-row.h: a switch row bound to one boolean field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_SWITCH_ROW (md_path_switch_row_get_type ())

G_DECLARE_FINAL_TYPE (MdPathSwitchRow, md_path_switch_row, MD, PATH_SWITCH_ROW, AdwActionRow)

GtkSwitch *md_path_switch_row_get_switch (MdPathSwitchRow *self);

G_END_DECLS
