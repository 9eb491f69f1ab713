/* md-path-entry-row.h: an entry row bound to one dossier field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_ENTRY_ROW (md_path_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (MdPathEntryRow, md_path_entry_row, MD, PATH_ENTRY_ROW, AdwEntryRow)

const char *md_path_entry_row_get_field_path (MdPathEntryRow *self);

G_END_DECLS
