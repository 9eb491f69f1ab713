/* md-programme.h: one programme profile loaded from data/programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MD_TYPE_PROGRAMME (md_programme_get_type ())

G_DECLARE_FINAL_TYPE (MdProgramme, md_programme, MD, PROGRAMME, GObject)

#define MD_PROGRAMME_ERROR (md_programme_error_quark ())

typedef enum
{
  MD_PROGRAMME_ERROR_INVALID,
  MD_PROGRAMME_ERROR_UNKNOWN,
} MdProgrammeError;

GQuark       md_programme_error_quark        (void);

MdProgramme *md_programme_new_from_file      (GFile        *file,
                                              GError      **error);
MdProgramme *md_programme_new_from_bytes     (GBytes       *bytes,
                                              GFile        *file,
                                              GError      **error);
const char  *md_programme_get_id             (MdProgramme  *self);
const char  *md_programme_get_call           (MdProgramme  *self);
const char  *md_programme_get_title          (MdProgramme  *self);
const char  *md_programme_get_description    (MdProgramme  *self);
JsonObject  *md_programme_get_definition     (MdProgramme  *self);
JsonObject  *md_programme_get_institution    (MdProgramme  *self);
JsonObject  *md_programme_get_activity       (MdProgramme  *self,
                                              const char   *activity_id);
gboolean     md_programme_set_contains       (MdProgramme  *self,
                                              const char   *set_name,
                                              const char   *country);
const char  *md_programme_get_country_group  (MdProgramme  *self,
                                              const char   *country);
gboolean     md_programme_is_indicative      (MdProgramme  *self,
                                              const char   *path_prefix);

const char  *md_json_pick_translation        (JsonObject   *texts);
const char  *md_json_pick_member_translation (JsonObject   *object,
                                              const char   *member);
const char  *md_json_get_string              (JsonObject   *object,
                                              const char   *member,
                                              const char   *fallback);
gboolean     md_json_get_boolean             (JsonObject   *object,
                                              const char   *member,
                                              gboolean      fallback);
JsonObject  *md_json_array_get_object        (JsonArray    *array,
                                              guint         index);
const char  *md_json_array_get_string        (JsonArray    *array,
                                              guint         index);

G_END_DECLS
