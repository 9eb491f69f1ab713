/* md-dossier-schema.h: the typed shape of a dossier, by field path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Larger magnitudes are refused: no dossier value comes near them. */
#define MD_DOSSIER_MAX_NUMBER 1e15

typedef enum
{
  MD_VALUE_ANY,
  MD_VALUE_OBJECT,
  MD_VALUE_ARRAY,
  MD_VALUE_STRING,
  MD_VALUE_INTEGER,
  MD_VALUE_NUMBER,
  MD_VALUE_BOOLEAN,
} MdValueType;

MdValueType  md_dossier_schema_type_of        (const char  *path);
const char  *md_dossier_schema_label_of       (const char  *path);
const char  *md_value_type_describe           (MdValueType  type);
const char  *md_json_node_describe            (JsonNode    *node);
gboolean     md_dossier_schema_node_matches   (MdValueType  type,
                                               JsonNode    *node);
const char * const *md_dossier_schema_required_members (void);
gboolean     md_dossier_schema_check          (JsonNode    *root,
                                               GError     **error);

G_END_DECLS
