/* md-path-combo-row.h: a combo row bound to one dossier field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-field-widget.h"

G_BEGIN_DECLS

#define MD_TYPE_PATH_COMBO_ROW (md_path_combo_row_get_type ())

G_DECLARE_FINAL_TYPE (MdPathComboRow, md_path_combo_row, MD, PATH_COMBO_ROW, AdwComboRow)

void                md_path_combo_row_set_choices (MdPathComboRow     *self,
                                                   const char * const *values,
                                                   const char * const *labels);
const char * const *md_path_combo_row_get_values  (MdPathComboRow     *self);
void                md_path_combo_row_set_values  (MdPathComboRow     *self,
                                                   const char * const *values);

G_END_DECLS
