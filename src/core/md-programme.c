/* md-programme.c
 *
 * A programme profile is data: this class only reads and checks the
 * parts every consumer relies on (id, call, title); the validator and
 * grant estimate read the rest from md_programme_get_definition().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-programme.h"

#define PROFILE_FORMAT "mobility-dossier-programme"
#define PROFILE_MAX_SIZE (4 * 1024 * 1024)

struct _MdProgramme
{
  GObject     parent_instance;

  JsonObject *definition;
};

G_DEFINE_FINAL_TYPE (MdProgramme, md_programme, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-programme-error-quark, md_programme_error)

static void
md_programme_finalize (GObject *object)
{
  MdProgramme *self = (MdProgramme *)object;

  g_clear_pointer (&self->definition, json_object_unref);

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
      if (json_object_has_member (texts, languages[i]))
        return json_object_get_string_member_with_default (texts, languages[i], NULL);
    }

  return json_object_get_string_member_with_default (texts, "en", NULL);
}

static gboolean
require_string (JsonObject  *object,
                const char  *member,
                GFile       *file,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node) != '\0')
    return TRUE;

  g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
               _("%s: the field “%s” must be non-empty text."),
               g_file_peek_path (file), member);
  return FALSE;
}

static gboolean
check_definition (JsonObject  *object,
                  GFile       *file,
                  GError     **error)
{
  JsonNode *title;

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), PROFILE_FORMAT) != 0)
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: not a programme profile (its “format” is not “%s”)."),
                   g_file_peek_path (file), PROFILE_FORMAT);
      return FALSE;
    }

  if (!require_string (object, "id", file, error) ||
      !require_string (object, "call", file, error))
    return FALSE;

  title = json_object_get_member (object, "title");
  if (title == NULL || !JSON_NODE_HOLDS_OBJECT (title) ||
      md_json_pick_translation (json_node_get_object (title)) == NULL)
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: the field “%s” must map language codes to text, with at least “en”."),
                   g_file_peek_path (file), "title");
      return FALSE;
    }

  return TRUE;
}

MdProgramme *
md_programme_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  MdProgramme *self;
  JsonNode *root;
  gsize length;
  const char *text;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  if (length > PROFILE_MAX_SIZE || !json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: not a readable programme profile: %s"), g_file_peek_path (file),
                   local_error ? local_error->message : _("the file is too large"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID,
                   _("%s: a programme profile must be a JSON object."), g_file_peek_path (file));
      return NULL;
    }

  if (!check_definition (json_node_get_object (root), file, error))
    return NULL;

  self = g_object_new (MD_TYPE_PROGRAMME, NULL);
  self->definition = json_object_ref (json_node_get_object (root));
  return self;
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

  return md_json_pick_translation (json_object_get_object_member (self->definition, "title"));
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
