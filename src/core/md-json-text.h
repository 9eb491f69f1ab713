/* md-json-text.h: JSON text as json-glib reads and writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  MD_JSON_TEXT_OK,
  MD_JSON_TEXT_TOO_DEEP,
  MD_JSON_TEXT_NOT_AN_OBJECT,
  MD_JSON_TEXT_NOT_JSON,
  MD_JSON_TEXT_TRAILING,
  MD_JSON_TEXT_BAD_ESCAPE,
} MdJsonTextProblem;

MdJsonTextProblem  md_json_text_check    (const char *text,
                                          gsize       length,
                                          guint       max_depth,
                                          gsize      *colons);
GBytes            *md_json_text_generate (JsonNode   *root);

G_END_DECLS
