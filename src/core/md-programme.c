/* md-programme.c
 *
 * A programme profile is data. Loading checks everything the validator
 * and the grant estimate rely on, so that a broken profile is refused
 * with the file and the path of the mistake instead of producing wrong
 * verdicts later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-countries.h"
#include "md-json-text.h"
#include "md-programme.h"
#include "md-safe-files.h"

#define PROFILE_FORMAT "mobility-dossier-programme"
#define INSTITUTION_FORMAT "mobility-dossier-institution"
#define PROFILE_MAX_SIZE (4 * 1024 * 1024)
#define PROFILE_MAX_DEPTH 64

struct _MdProgramme
{
  GObject     parent_instance;

  JsonObject *definition;
  JsonObject *institution;
  GHashTable *sets;          /* set name → GHashTable of country codes */
  GHashTable *groups;        /* country code → group name */
};

G_DEFINE_FINAL_TYPE (MdProgramme, md_programme, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-programme-error-quark, md_programme_error)

static void
md_programme_finalize (GObject *object)
{
  MdProgramme *self = (MdProgramme *)object;

  g_clear_pointer (&self->definition, json_object_unref);
  g_clear_pointer (&self->institution, json_object_unref);
  g_clear_pointer (&self->sets, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (md_programme_parent_class)->finalize (object);
}

static void
md_programme_class_init (MdProgrammeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_programme_finalize;
}

static void
md_programme_init (MdProgramme *self)
{
  self->sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_hash_table_unref);
  self->groups = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ---- Reading profile data ------------------------------------------------
 *
 * Unlike json-glib's typed getters, these neither warn about a member of
 * another type nor give NULL for it: profiles are data that anyone can
 * get wrong, and the loader does not check every member its readers
 * use. */

/**
 * md_json_get_string:
 * @object: (nullable): an object
 *
 * Returns: (nullable): @member if it is text, else @fallback
 */
const char *
md_json_get_string (JsonObject *object,
                    const char *member,
                    const char *fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;

  return json_node_get_string (node);
}

/**
 * md_json_get_boolean:
 * @object: (nullable): an object
 *
 * Returns: @member if it is true or false, else @fallback
 */
gboolean
md_json_get_boolean (JsonObject *object,
                     const char *member,
                     gboolean    fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

/**
 * md_json_array_get_object:
 * @array: (nullable): a list
 *
 * Returns: (nullable): element @index if it is an object
 */
JsonObject *
md_json_array_get_object (JsonArray *array,
                          guint      index)
{
  JsonNode *node = array && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * md_json_array_get_string:
 * @array: (nullable): a list
 *
 * Returns: (nullable): element @index if it is text
 */
const char *
md_json_array_get_string (JsonArray *array,
                          guint      index)
{
  JsonNode *node = array && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}


/**
 * md_json_pick_translation:
 * @texts: an object mapping language codes ("en", "nl", "fr", "de") to text
 *
 * Returns: (nullable): the text in the user's preferred language, falling
 *   back to English.
 */
const char *
md_json_pick_translation (JsonObject *texts)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (texts, languages[i]);

      if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
    }

  return md_json_get_string (texts, "en", NULL);
}

const char *
md_json_pick_member_translation (JsonObject *object,
                                 const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return md_json_pick_translation (json_node_get_object (node));
}

/* ---- Checking a profile ------------------------------------------------ */

typedef struct
{
  GFile   *file;
  GError **error;
} Check;

G_GNUC_PRINTF (3, 4)
static gboolean
check_fail (Check      *check,
            const char *path,
            const char *format,
            ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: file name, path inside the file, and the problem */
  g_set_error (check->error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
               _("%s: at “%s”: %s"), g_file_peek_path (check->file), path, detail);
  return FALSE;
}

static JsonNode *
member_of_type (Check       *check,
                JsonObject  *object,
                const char  *parent_path,
                const char  *member,
                JsonNodeType type,
                gboolean     required,
                gboolean    *ok)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = *parent_path ? g_strconcat (parent_path, ".", member, NULL)
                                       : g_strdup (member);

  *ok = TRUE;
  if (node == NULL)
    {
      if (required)
        *ok = check_fail (check, path, _("this member is required"));
      return NULL;
    }

  if (json_node_get_node_type (node) != type)
    {
      *ok = check_fail (check, path, type == JSON_NODE_OBJECT ? _("must be an object")
                                     : type == JSON_NODE_ARRAY ? _("must be a list")
                                     : _("must be a value"));
      return NULL;
    }

  return node;
}

static gboolean
require_number (Check      *check,
                JsonObject *object,
                const char *parent_path,
                const char *member,
                double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strconcat (parent_path, ".", member, NULL);
  GType type = node ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return check_fail (check, path, _("must be a number"));

  *out = json_node_get_double (node);
  return TRUE;
}

static gboolean
check_translated (Check      *check,
                  JsonObject *object,
                  const char *parent_path,
                  const char *member,
                  gboolean    required)
{
  gboolean ok;
  JsonNode *node = member_of_type (check, object, parent_path, member, JSON_NODE_OBJECT, required, &ok);

  if (!ok || node == NULL)
    return ok;

  if (!json_object_has_member (json_node_get_object (node), "en"))
    {
      g_autofree char *path = *parent_path ? g_strconcat (parent_path, ".", member, NULL)
                                           : g_strdup (member);
      return check_fail (check, path, _("must map language codes to text, with at least “en”"));
    }

  return TRUE;
}

static gboolean
check_country_list (Check      *check,
                    JsonArray  *codes,
                    const char *path,
                    GHashTable *sets,
                    GHashTable *into)
{
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonNode *node = json_array_get_element (codes, i);
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      const char *code;

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return check_fail (check, item_path, _("must be a country code"));

      code = json_node_get_string (node);
      if (code[0] == '@' && sets != NULL)
        {
          GHashTable *set = g_hash_table_lookup (sets, code + 1);

          if (set == NULL)
            return check_fail (check, item_path, _("unknown country set “%s”"), code + 1);
          if (into != NULL)
            {
              GHashTableIter iter;
              gpointer key;

              g_hash_table_iter_init (&iter, set);
              while (g_hash_table_iter_next (&iter, &key, NULL))
                g_hash_table_add (into, key);
            }
          continue;
        }

      if (!md_countries_is_known (code))
        return check_fail (check, item_path, _("unknown country code “%s”"), code);
      if (into != NULL)
        g_hash_table_add (into, (gpointer) code);
    }

  return TRUE;
}

static gboolean
load_country_sets (MdProgramme *self,
                   Check       *check)
{
  gboolean ok;
  JsonNode *sets = member_of_type (check, self->definition, "", "country_sets", JSON_NODE_OBJECT, TRUE, &ok);
  JsonObjectIter iter;
  const char *name;
  JsonNode *codes;

  if (!ok)
    return FALSE;

  json_object_iter_init (&iter, json_node_get_object (sets));
  while (json_object_iter_next (&iter, &name, &codes))
    {
      g_autofree char *path = g_strconcat ("country_sets.", name, NULL);
      GHashTable *set;

      if (!JSON_NODE_HOLDS_ARRAY (codes))
        return check_fail (check, path, _("must be a list"));

      set = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (self->sets, (gpointer) name, set);
      if (!check_country_list (check, json_node_get_array (codes), path, NULL, set))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_country_groups (MdProgramme *self,
                     Check       *check)
{
  gboolean ok;
  JsonNode *groups = member_of_type (check, self->definition, "", "country_groups", JSON_NODE_OBJECT, FALSE, &ok);
  JsonObjectIter iter;
  const char *name;
  JsonNode *codes;

  if (!ok || groups == NULL)
    return ok;

  json_object_iter_init (&iter, json_node_get_object (groups));
  while (json_object_iter_next (&iter, &name, &codes))
    {
      g_autofree char *path = g_strconcat ("country_groups.", name, NULL);
      g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter members_iter;
      gpointer code;

      if (!JSON_NODE_HOLDS_ARRAY (codes))
        return check_fail (check, path, _("must be a list"));
      if (!check_country_list (check, json_node_get_array (codes), path, self->sets, members))
        return FALSE;

      g_hash_table_iter_init (&members_iter, members);
      while (g_hash_table_iter_next (&members_iter, &code, NULL))
        if (!g_hash_table_contains (self->groups, code))
          g_hash_table_insert (self->groups, code, (gpointer) name);
    }

  return TRUE;
}

static gboolean
check_set_names (MdProgramme *self,
                 Check       *check,
                 JsonObject  *activity,
                 const char  *activity_path,
                 const char  *member)
{
  gboolean ok;
  JsonNode *names = member_of_type (check, activity, activity_path, member, JSON_NODE_ARRAY, FALSE, &ok);
  JsonArray *array;

  if (!ok || names == NULL)
    return ok;

  array = json_node_get_array (names);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name = json_node_get_value_type (element) == G_TYPE_STRING
                         ? json_node_get_string (element) : NULL;

      if (name == NULL || !g_hash_table_contains (self->sets, name))
        {
          g_autofree char *path = g_strdup_printf ("%s.%s[%u]", activity_path, member, i);
          return check_fail (check, path, _("unknown country set “%s”"), name ? name : "");
        }
    }

  return TRUE;
}

static gboolean
check_duration (Check      *check,
                JsonObject *duration,
                const char *path)
{
  double min, max;
  const char *unit = md_json_get_string (duration, "unit", "");

  if (!require_number (check, duration, path, "min", &min) ||
      !require_number (check, duration, path, "max", &max))
    return FALSE;

  if (min < 0 || min > max)
    {
      g_autofree char *min_path = g_strconcat (path, ".min", NULL);
      return check_fail (check, min_path, _("the minimum (%g) is larger than the maximum (%g)"), min, max);
    }

  if (!g_str_equal (unit, "months") && !g_str_equal (unit, "days"))
    {
      g_autofree char *unit_path = g_strconcat (path, ".unit", NULL);
      return check_fail (check, unit_path, _("must be “months” or “days”"));
    }

  return TRUE;
}

static gboolean
check_rates (Check      *check,
             JsonObject *individual,
             const char *path)
{
  const char *per = md_json_get_string (individual, "per", "");
  double value;

  if (g_str_equal (per, "stay"))
    return require_number (check, individual, path, "amount", &value);

  if (!g_str_equal (per, "month") && !g_str_equal (per, "day"))
    {
      g_autofree char *per_path = g_strconcat (path, ".per", NULL);
      return check_fail (check, per_path, _("must be “month”, “day” or “stay”"));
    }

  if (json_object_has_member (individual, "rate"))
    return require_number (check, individual, path, "rate", &value);

  if (json_object_has_member (individual, "tiers"))
    {
      gboolean ok;
      JsonNode *node = member_of_type (check, individual, path, "tiers", JSON_NODE_ARRAY, TRUE, &ok);
      JsonArray *tiers = ok ? json_node_get_array (node) : NULL;

      if (!ok)
        return FALSE;

      for (guint i = 0; i < json_array_get_length (tiers); i++)
        {
          g_autofree char *tier_path = g_strdup_printf ("%s.tiers[%u]", path, i);
          JsonNode *element = json_array_get_element (tiers, i);
          JsonObject *tier = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;

          if (tier == NULL || !require_number (check, tier, tier_path, "until_day", &value) ||
              !require_number (check, tier, tier_path, "rate", &value))
            return tier == NULL ? check_fail (check, tier_path, _("must be an object")) : FALSE;
        }
      return TRUE;
    }

  if (json_object_has_member (individual, "rates") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (individual, "rates")))
    {
      JsonObjectIter iter;
      const char *group;
      JsonNode *rate;

      json_object_iter_init (&iter, json_object_get_object_member (individual, "rates"));
      while (json_object_iter_next (&iter, &group, &rate))
        {
          GType type = json_node_get_value_type (rate);

          if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
            {
              g_autofree char *rate_path = g_strconcat (path, ".rates.", group, NULL);
              return check_fail (check, rate_path, _("must be a number"));
            }
        }
      return TRUE;
    }

  return check_fail (check, path, _("needs “rate”, “rates” or “tiers”"));
}

static gboolean
check_grant (MdProgramme *self,
             Check       *check,
             JsonObject  *grant,
             const char  *path)
{
  gboolean ok;
  g_autofree char *individual_path = g_strconcat (path, ".individual", NULL);
  JsonNode *individual = member_of_type (check, grant, path, "individual", JSON_NODE_OBJECT, TRUE, &ok);
  JsonNode *travel;

  if (!ok || !check_rates (check, json_node_get_object (individual), individual_path))
    return FALSE;

  travel = member_of_type (check, grant, path, "travel", JSON_NODE_OBJECT, FALSE, &ok);
  if (!ok)
    return FALSE;

  if (travel != NULL)
    {
      JsonObject *object = json_node_get_object (travel);
      const char *set = json_object_has_member (object, "set") ? md_json_get_string (object, "set", "") : NULL;

      if (set != NULL && !g_hash_table_contains (self->sets, set))
        {
          g_autofree char *set_path = g_strconcat (path, ".travel.set", NULL);
          return check_fail (check, set_path, _("unknown country set “%s”"), set);
        }
    }

  return TRUE;
}

static gboolean
check_activity (MdProgramme *self,
                Check       *check,
                JsonNode    *node,
                guint        index)
{
  g_autofree char *path = g_strdup_printf ("activities[%u]", index);
  g_autofree char *duration_path = g_strconcat (path, ".duration", NULL);
  g_autofree char *grant_path = g_strconcat (path, ".grant", NULL);
  JsonObject *activity;
  JsonNode *duration, *grant;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return check_fail (check, path, _("must be an object"));

  activity = json_node_get_object (node);
  if (md_json_get_string (activity, "id", NULL) == NULL)
    return check_fail (check, path, _("needs an “id”"));

  if (!check_translated (check, activity, path, "title", TRUE) ||
      !check_set_names (self, check, activity, path, "destinations") ||
      !check_set_names (self, check, activity, path, "origins"))
    return FALSE;

  duration = member_of_type (check, activity, path, "duration", JSON_NODE_OBJECT, TRUE, &ok);
  if (!ok || !check_duration (check, json_node_get_object (duration), duration_path))
    return FALSE;

  grant = member_of_type (check, activity, path, "grant", JSON_NODE_OBJECT, FALSE, &ok);
  if (!ok)
    return FALSE;

  return grant == NULL || check_grant (self, check, json_node_get_object (grant), grant_path);
}

static gboolean
check_definition (MdProgramme *self,
                  Check       *check)
{
  JsonObject *object = self->definition;
  JsonNode *activities;
  JsonArray *array;
  gboolean ok;

  if (g_strcmp0 (md_json_get_string (object, "format", ""), PROFILE_FORMAT) != 0)
    return check_fail (check, "format", _("not a programme profile (expected “%s”)"), PROFILE_FORMAT);

  if (md_json_get_string (object, "id", NULL) == NULL || *md_json_get_string (object, "id", NULL) == '\0')
    return check_fail (check, "id", _("must be non-empty text"));

  if (md_json_get_string (object, "call", NULL) == NULL)
    return check_fail (check, "call", _("must be non-empty text"));

  if (!check_translated (check, object, "", "title", TRUE) ||
      !check_translated (check, object, "", "description", FALSE) ||
      !load_country_sets (self, check) ||
      !load_country_groups (self, check))
    return FALSE;

  activities = member_of_type (check, object, "", "activities", JSON_NODE_ARRAY, TRUE, &ok);
  if (!ok)
    return FALSE;

  array = json_node_get_array (activities);
  if (json_array_get_length (array) == 0)
    return check_fail (check, "activities", _("must list at least one activity"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!check_activity (self, check, json_array_get_element (array, i), i))
      return FALSE;

  return TRUE;
}

/* @file only names the source in messages. */
static JsonObject *
parse_json_object (GBytes  *bytes,
                   GFile   *file,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  /* Empty bytes may have no data at all; json-glib wants a pointer. */
  if (text == NULL)
    text = "";

  /* What json-glib would overflow its stack on, or leak, is refused
   * before it parses (see md-json-text.c). */
  switch (length > PROFILE_MAX_SIZE ? MD_JSON_TEXT_OK
                                    : md_json_text_check (text, length, PROFILE_MAX_DEPTH, NULL))
    {
    case MD_JSON_TEXT_TOO_DEEP:
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: values nest more than %d levels deep."), g_file_peek_path (file),
                   PROFILE_MAX_DEPTH);
      return NULL;
    case MD_JSON_TEXT_NOT_AN_OBJECT:
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: must be a JSON object."), g_file_peek_path (file));
      return NULL;
    case MD_JSON_TEXT_TRAILING:
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: not readable JSON: %s"), g_file_peek_path (file),
                   _("more text follows the end of the top-level object"));
      return NULL;
    case MD_JSON_TEXT_NOT_JSON:
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: not readable JSON: %s"), g_file_peek_path (file),
                   _("it does not begin with “{”"));
      return NULL;
    case MD_JSON_TEXT_BAD_ESCAPE:
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: not readable JSON: %s"), g_file_peek_path (file),
                   _("a string holds an escape that JSON does not allow"));
      return NULL;
    case MD_JSON_TEXT_OK:
    default:
      break;
    }

  if (length > PROFILE_MAX_SIZE || !json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* json-glib quotes the bad token, which may not be UTF-8. */
      g_autofree char *detail = local_error ? g_utf8_make_valid (local_error->message, -1) : NULL;

      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: not readable JSON: %s"), g_file_peek_path (file),
                   detail ? detail : _("the file is too large"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: must be a JSON object."), g_file_peek_path (file));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
load_json_object (GFile   *file,
                  GError **error)
{
  /* Capped before reading: a profile is a few kilobytes. */
  g_autoptr(GBytes) bytes = md_safe_load_file (file, PROFILE_MAX_SIZE, NULL, error);

  return bytes ? parse_json_object (bytes, file, error) : NULL;
}

/* Institutions live beside the programmes folder, in "institutions/". */
static gboolean
load_institution (MdProgramme  *self,
                  GFile        *file,
                  GError      **error)
{
  const char *id = md_json_get_string (self->definition, "institution", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) institutions = NULL;
  g_autoptr(GFile) institution_file = NULL;
  g_autofree char *name = NULL;

  if (id == NULL)
    return TRUE;

  folder = g_file_get_parent (file);
  name = g_strconcat (id, ".json", NULL);
  institutions = g_file_resolve_relative_path (folder, "../institutions");
  institution_file = g_file_get_child (institutions, name);

  self->institution = load_json_object (institution_file, error);
  if (self->institution == NULL)
    return FALSE;

  if (g_strcmp0 (md_json_get_string (self->institution, "format", ""),
                 INSTITUTION_FORMAT) != 0)
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: at “%s”: %s"), g_file_peek_path (institution_file), "format",
                   _("not an institution profile"));
      return FALSE;
    }

  return TRUE;
}

/**
 * md_programme_new_from_bytes:
 * @bytes: the content of a profile
 * @file: where @bytes come from: named in messages, and the institution
 *   the profile refers to is looked up beside its folder
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error
 *   naming the file and the path of the mistake
 */
MdProgramme *
md_programme_new_from_bytes (GBytes  *bytes,
                             GFile   *file,
                             GError **error)
{
  g_autoptr(MdProgramme) self = NULL;
  Check check = { file, error };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MD_TYPE_PROGRAMME, NULL);
  self->definition = parse_json_object (bytes, file, error);
  if (self->definition == NULL)
    return NULL;

  if (!check_definition (self, &check) || !load_institution (self, file, error))
    return NULL;

  return g_steal_pointer (&self);
}

MdProgramme *
md_programme_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = md_safe_load_file (file, PROFILE_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  return md_programme_new_from_bytes (bytes, file, error);
}

const char *
md_programme_get_id (MdProgramme *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return json_object_get_string_member (self->definition, "id");
}

const char *
md_programme_get_call (MdProgramme *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return json_object_get_string_member (self->definition, "call");
}

const char *
md_programme_get_title (MdProgramme *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return md_json_pick_member_translation (self->definition, "title");
}

const char *
md_programme_get_description (MdProgramme *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return md_json_pick_member_translation (self->definition, "description");
}

/**
 * md_programme_get_definition:
 *
 * Returns: (transfer none): the whole profile as loaded
 */
JsonObject *
md_programme_get_definition (MdProgramme *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return self->definition;
}

/**
 * md_programme_get_institution:
 *
 * Returns: (transfer none) (nullable): the institution's credit and
 *   grading rules the profile refers to
 */
JsonObject *
md_programme_get_institution (MdProgramme *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return self->institution;
}

/**
 * md_programme_get_activity:
 *
 * Returns: (transfer none) (nullable): the activity with @activity_id
 */
JsonObject *
md_programme_get_activity (MdProgramme *self,
                           const char  *activity_id)
{
  JsonArray *activities;

  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  if (activity_id == NULL)
    return NULL;

  activities = json_object_get_array_member (self->definition, "activities");
  for (guint i = 0; i < json_array_get_length (activities); i++)
    {
      JsonObject *activity = json_array_get_object_element (activities, i);

      if (g_strcmp0 (json_object_get_string_member (activity, "id"), activity_id) == 0)
        return activity;
    }

  return NULL;
}

gboolean
md_programme_set_contains (MdProgramme *self,
                           const char  *set_name,
                           const char  *country)
{
  GHashTable *set;

  g_return_val_if_fail (MD_IS_PROGRAMME (self), FALSE);

  /* A set name read from a list of the profile may be missing. */
  set = set_name != NULL ? g_hash_table_lookup (self->sets, set_name) : NULL;
  return set != NULL && country != NULL && g_hash_table_contains (set, country);
}

/**
 * md_programme_get_country_group:
 *
 * Returns: (nullable): the rate group of @country ("1", "2", "other"…)
 */
const char *
md_programme_get_country_group (MdProgramme *self,
                                const char  *country)
{
  g_return_val_if_fail (MD_IS_PROGRAMME (self), NULL);

  return country ? g_hash_table_lookup (self->groups, country) : NULL;
}

/**
 * md_programme_is_indicative:
 * @path_prefix: a profile path such as "travel_bands"
 *
 * Returns: whether the profile marks figures at or under @path_prefix
 *   as uncertain, so the UI labels amounts as indicative.
 */
gboolean
md_programme_is_indicative (MdProgramme *self,
                            const char  *path_prefix)
{
  JsonNode *node = json_object_get_member (self->definition, "indicative");
  JsonArray *notes;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  notes = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonNode *element = json_array_get_element (notes, i);
      const char *path = JSON_NODE_HOLDS_OBJECT (element)
                         ? md_json_get_string (json_node_get_object (element), "path", "") : "";

      if (g_str_has_prefix (path, path_prefix) || g_str_has_prefix (path_prefix, path))
        return TRUE;
    }

  return FALSE;
}
