/* md-path-code-row.h: a country or language picker bound to one field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_CODE_ROW (md_path_code_row_get_type ())

G_DECLARE_FINAL_TYPE (MdPathCodeRow, md_path_code_row, MD, PATH_CODE_ROW, AdwActionRow)

GtkDropDown *md_path_code_row_get_drop_down (MdPathCodeRow *self);
const char  *md_path_code_row_get_code_at   (MdPathCodeRow *self,
                                             guint          position);

G_END_DECLS
