/* md-grade-private.h: JSON reading shared by grading tables and mappings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *md_grade_json_text           (JsonNode *node);
gboolean    md_grade_json_title_is_valid (JsonNode *node);

G_END_DECLS
