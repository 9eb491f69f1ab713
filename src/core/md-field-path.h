/* md-field-path.h: the one key shared by model, validator, UI and CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MD_FIELD_PATH_ERROR (md_field_path_error_quark ())

typedef enum
{
  MD_FIELD_PATH_ERROR_INVALID,
  MD_FIELD_PATH_ERROR_NOT_FOUND,
  MD_FIELD_PATH_ERROR_NOT_A_CONTAINER,
} MdFieldPathError;

GQuark    md_field_path_error_quark  (void);

gboolean  md_field_path_is_valid     (const char  *path);
char     *md_field_path_section      (const char  *path);
char     *md_field_path_normalize    (const char  *path);
char     *md_field_path_append_index (const char  *path,
                                      guint        index);
char     *md_field_path_append_name  (const char  *path,
                                      const char  *name);
JsonNode *md_field_path_lookup       (JsonNode    *root,
                                      const char  *path);
gboolean  md_field_path_set          (JsonNode    *root,
                                      const char  *path,
                                      JsonNode    *value,
                                      GError     **error);

G_END_DECLS
