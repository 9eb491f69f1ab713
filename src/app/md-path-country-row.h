/* md-path-country-row.h: a country picker bound to one field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_COUNTRY_ROW (md_path_country_row_get_type ())

G_DECLARE_FINAL_TYPE (MdPathCountryRow, md_path_country_row, MD, PATH_COUNTRY_ROW, AdwActionRow)

GtkDropDown *md_path_country_row_get_drop_down (MdPathCountryRow *self);
const char  *md_path_country_row_get_code_at   (MdPathCountryRow *self,
                                                guint             position);

G_END_DECLS
