/* md-path-date-row.h: an ISO date entry row with a calendar picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_DATE_ROW (md_path_date_row_get_type ())

G_DECLARE_FINAL_TYPE (MdPathDateRow, md_path_date_row, MD, PATH_DATE_ROW, AdwEntryRow)

GtkCalendar   *md_path_date_row_get_calendar    (MdPathDateRow *self);
GtkMenuButton *md_path_date_row_get_menu_button (MdPathDateRow *self);

G_END_DECLS
