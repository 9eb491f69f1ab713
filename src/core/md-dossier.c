/* md-dossier.c
 *
 * The dossier keeps its content as the JSON tree of the bundle itself.
 * Every read and write goes through a field path, so members this
 * version does not know survive a round trip untouched, and the UI,
 * the validator and the CLI all name a value the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-bundle.h"
#include "md-checksum.h"
#include "md-dossier.h"
#include "md-dossier-schema.h"
#include "md-field-path.h"
#include "md-safe-files.h"

struct _MdDossier
{
  GObject      parent_instance;

  JsonNode    *root;
  MdIntegrity  integrity;
  gboolean     modified_since_save;
  guint64      generation;
};

G_DEFINE_FINAL_TYPE (MdDossier, md_dossier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INTEGRITY,
  PROP_MODIFIED_SINCE_SAVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const section_names[] = {
  "applicant", "mobility", "motivation_letter", "study_plan",
  "learning_agreement",
};

static const char * const list_names[] = {
  "attachments", "approvals", "submissions",
};

static void
md_dossier_finalize (GObject *object)
{
  MdDossier *self = (MdDossier *)object;

  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (md_dossier_parent_class)->finalize (object);
}

static void
md_dossier_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MdDossier *self = MD_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, md_dossier_get_id (self));
      break;
    case PROP_INTEGRITY:
      g_value_set_int (value, self->integrity);
      break;
    case PROP_MODIFIED_SINCE_SAVE:
      g_value_set_boolean (value, self->modified_since_save);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_dossier_class_init (MdDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = md_dossier_finalize;
  object_class->get_property = md_dossier_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTEGRITY] =
    g_param_spec_int ("integrity", NULL, NULL,
                      MD_INTEGRITY_UNCHECKED, MD_INTEGRITY_MISSING, MD_INTEGRITY_UNCHECKED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED_SINCE_SAVE] =
    g_param_spec_boolean ("modified-since-save", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MdDossier::changed:
   * @path: the field path that changed (for rows, the list's path)
   *
   * Emitted after a value changed; the detail is the top-level section,
   * so a view connects to "changed::applicant" for its own fields.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
md_dossier_init (MdDossier *self)
{
}

static char *
now_utc_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * md_dossier_new:
 * @programme: the programme profile id
 * @call: (nullable): the call year of the profile
 *
 * Creates an empty dossier with a fresh id. Members are created in the
 * order they appear in a saved bundle, so a new file reads naturally.
 */
MdDossier *
md_dossier_new (const char *programme,
                const char *call)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = now_utc_iso8601 ();
  const char * const *languages = g_get_language_names ();
  g_autofree char *language = g_strndup (languages[0], strcspn (languages[0], "_.@"));

  g_return_val_if_fail (programme != NULL, NULL);

  if (g_strcmp0 (language, "C") == 0 || g_strcmp0 (language, "POSIX") == 0)
    {
      g_free (language);
      language = g_strdup ("en");
    }

  json_object_set_string_member (object, "format", MD_BUNDLE_FORMAT);
  json_object_set_int_member (object, "format_version", MD_BUNDLE_FORMAT_VERSION);
  json_object_set_string_member (object, "id", uuid);
  json_object_set_string_member (object, "created", now);
  json_object_set_string_member (object, "modified", now);
  json_object_set_string_member (object, "programme", programme);
  json_object_set_string_member (object, "call", call ? call : "");
  json_object_set_string_member (object, "language", language);
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    json_object_set_object_member (object, section_names[i], json_object_new ());
  for (guint i = 0; i < G_N_ELEMENTS (list_names); i++)
    json_object_set_array_member (object, list_names[i], json_array_new ());

  return md_dossier_new_from_root (json_node_init_object (json_node_alloc (), object));
}

/**
 * md_dossier_new_from_root:
 * @root: (transfer full): a checked bundle tree (see md_bundle_load_bytes())
 */
MdDossier *
md_dossier_new_from_root (JsonNode *root)
{
  MdDossier *self;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (root), NULL);

  self = g_object_new (MD_TYPE_DOSSIER, NULL);
  self->root = root;
  return self;
}

/**
 * md_dossier_get_root:
 *
 * Returns: (transfer none): the bundle tree; only the bundle writer
 *   should look at it directly.
 */
JsonNode *
md_dossier_get_root (MdDossier *self)
{
  g_return_val_if_fail (MD_IS_DOSSIER (self), NULL);

  return self->root;
}

const char *
md_dossier_get_id (MdDossier *self)
{
  return md_dossier_get_string (self, "id");
}

const char *
md_dossier_get_programme (MdDossier *self)
{
  return md_dossier_get_string (self, "programme");
}

MdIntegrity
md_dossier_get_integrity (MdDossier *self)
{
  g_return_val_if_fail (MD_IS_DOSSIER (self), MD_INTEGRITY_UNCHECKED);

  return self->integrity;
}

void
md_dossier_set_integrity (MdDossier   *self,
                          MdIntegrity  integrity)
{
  g_return_if_fail (MD_IS_DOSSIER (self));

  if (self->integrity == integrity)
    return;

  self->integrity = integrity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGRITY]);
}

gboolean
md_dossier_get_modified_since_save (MdDossier *self)
{
  g_return_val_if_fail (MD_IS_DOSSIER (self), FALSE);

  return self->modified_since_save;
}

static void
set_modified_since_save (MdDossier *self,
                         gboolean   modified)
{
  if (self->modified_since_save == modified)
    return;

  self->modified_since_save = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED_SINCE_SAVE]);
}

/**
 * md_dossier_mark_unsaved:
 *
 * For a dossier resumed from a draft: its content is not in any bundle.
 */
void
md_dossier_mark_unsaved (MdDossier *self)
{
  g_return_if_fail (MD_IS_DOSSIER (self));

  set_modified_since_save (self, TRUE);
}

void
md_dossier_mark_saved (MdDossier *self)
{
  g_return_if_fail (MD_IS_DOSSIER (self));

  set_modified_since_save (self, FALSE);
}

/**
 * md_dossier_dup_display_name:
 *
 * Returns: (transfer full): the applicant's name, or a placeholder
 *   while it is still empty.
 */
char *
md_dossier_dup_display_name (MdDossier *self)
{
  const char *given = md_dossier_get_string (self, "applicant.given_name");
  const char *family = md_dossier_get_string (self, "applicant.family_name");
  g_autofree char *name = g_strstrip (g_strjoin (" ", given ? given : "", family ? family : "", NULL));

  if (*name == '\0')
    return g_strdup (_("Unnamed applicant"));

  return g_steal_pointer (&name);
}

/**
 * md_dossier_get_generation:
 *
 * Returns: a counter that grows with every change, so an asynchronous
 *   save can tell whether what it wrote is still current.
 */
guint64
md_dossier_get_generation (MdDossier *self)
{
  g_return_val_if_fail (MD_IS_DOSSIER (self), 0);

  return self->generation;
}

JsonNode *
md_dossier_lookup (MdDossier  *self,
                   const char *path)
{
  g_return_val_if_fail (MD_IS_DOSSIER (self), NULL);

  return md_field_path_lookup (self->root, path);
}

/**
 * md_dossier_get_string:
 *
 * Returns: (nullable): the text at @path, or %NULL when there is none.
 */
const char *
md_dossier_get_string (MdDossier  *self,
                       const char *path)
{
  JsonNode *node = md_dossier_lookup (self, path);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
md_dossier_get_int (MdDossier  *self,
                    const char *path,
                    gint64      fallback)
{
  JsonNode *node = md_dossier_lookup (self, path);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

double
md_dossier_get_double (MdDossier  *self,
                       const char *path,
                       double      fallback)
{
  JsonNode *node = md_dossier_lookup (self, path);

  if (node == NULL || !md_dossier_schema_node_matches (MD_VALUE_NUMBER, node))
    return fallback;

  return json_node_get_double (node);
}

gboolean
md_dossier_get_boolean (MdDossier  *self,
                        const char *path)
{
  JsonNode *node = md_dossier_lookup (self, path);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  return json_node_get_boolean (node);
}

guint
md_dossier_get_length (MdDossier  *self,
                       const char *path)
{
  JsonNode *node = md_dossier_lookup (self, path);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;

  return json_array_get_length (json_node_get_array (node));
}

static void
emit_changed (MdDossier  *self,
              const char *path)
{
  g_autofree char *section = md_field_path_section (path);
  g_autofree char *now = now_utc_iso8601 ();

  json_object_set_string_member (json_node_get_object (self->root), "modified", now);
  self->generation++;
  set_modified_since_save (self, TRUE);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (section), path);
}

/**
 * md_dossier_set_value:
 * @value: (transfer full): the new value
 *
 * Stores @value at @path when it has the type the format expects there,
 * and emits #MdDossier::changed when the stored value differs.
 */
gboolean
md_dossier_set_value (MdDossier  *self,
                      const char *path,
                      JsonNode   *value,
                      GError    **error)
{
  g_autoptr(JsonNode) owned_value = value;
  MdValueType expected;
  JsonNode *current;

  g_return_val_if_fail (MD_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  expected = md_dossier_schema_type_of (path);
  if (!md_dossier_schema_node_matches (expected, value))
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE,
                   _("The field “%s” should be %s but is %s."),
                   path, md_value_type_describe (expected), md_json_node_describe (value));
      return FALSE;
    }

  current = md_dossier_lookup (self, path);
  if (current != NULL && json_node_equal (current, value))
    return TRUE;

  if (!md_field_path_set (self->root, path, g_steal_pointer (&owned_value), error))
    return FALSE;

  emit_changed (self, path);
  return TRUE;
}

gboolean
md_dossier_set_string (MdDossier   *self,
                       const char  *path,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return md_dossier_set_value (self, path,
                               json_node_init_string (json_node_alloc (), value),
                               error);
}

gboolean
md_dossier_set_int (MdDossier   *self,
                    const char  *path,
                    gint64       value,
                    GError     **error)
{
  return md_dossier_set_value (self, path,
                               json_node_init_int (json_node_alloc (), value),
                               error);
}

gboolean
md_dossier_set_double (MdDossier   *self,
                       const char  *path,
                       double       value,
                       GError     **error)
{
  if (!isfinite (value) || fabs (value) >= MD_DOSSIER_MAX_NUMBER)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE,
                   _("The number at “%s” is out of range."), path);
      return FALSE;
    }

  return md_dossier_set_value (self, path,
                               json_node_init_double (json_node_alloc (), value),
                               error);
}

gboolean
md_dossier_set_boolean (MdDossier   *self,
                        const char  *path,
                        gboolean     value,
                        GError     **error)
{
  return md_dossier_set_value (self, path,
                               json_node_init_boolean (json_node_alloc (), value),
                               error);
}

static JsonArray *
ensure_list (MdDossier   *self,
             const char  *list_path,
             GError     **error)
{
  JsonNode *node = md_dossier_lookup (self, list_path);

  if (node == NULL)
    {
      /* json_node_init_array() takes its own reference. */
      g_autoptr(JsonArray) empty = json_array_new ();

      if (md_dossier_schema_type_of (list_path) != MD_VALUE_ARRAY ||
          !md_field_path_set (self->root, list_path,
                              json_node_init_array (json_node_alloc (), empty),
                              error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_A_CONTAINER,
                         _("“%s” is not a list"), list_path);
          return NULL;
        }
      node = md_dossier_lookup (self, list_path);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_A_CONTAINER,
                   _("“%s” is not a list"), list_path);
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * md_dossier_append_row:
 * @list_path: the path of a list of rows, such as "learning_agreement.table_a"
 * @out_index: (out) (optional): the index of the new, empty row
 */
gboolean
md_dossier_append_row (MdDossier   *self,
                       const char  *list_path,
                       guint       *out_index,
                       GError     **error)
{
  JsonArray *array;

  g_return_val_if_fail (MD_IS_DOSSIER (self), FALSE);

  array = ensure_list (self, list_path, error);
  if (array == NULL)
    return FALSE;

  json_array_add_object_element (array, json_object_new ());
  if (out_index != NULL)
    *out_index = json_array_get_length (array) - 1;

  emit_changed (self, list_path);
  return TRUE;
}

gboolean
md_dossier_remove_row (MdDossier   *self,
                       const char  *list_path,
                       guint        index,
                       GError     **error)
{
  JsonArray *array;

  g_return_val_if_fail (MD_IS_DOSSIER (self), FALSE);

  array = ensure_list (self, list_path, error);
  if (array == NULL)
    return FALSE;

  if (index >= json_array_get_length (array))
    {
      g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND,
                   _("There is no row %u in “%s”"), index + 1, list_path);
      return FALSE;
    }

  json_array_remove_element (array, index);
  emit_changed (self, list_path);
  return TRUE;
}

/**
 * md_dossier_move_row:
 * @from: the index of the row to move
 * @to: its new index
 *
 * Reorders a list, for example the components of Table A.
 */
gboolean
md_dossier_move_row (MdDossier   *self,
                     const char  *list_path,
                     guint        from,
                     guint        to,
                     GError     **error)
{
  g_autoptr(JsonArray) reordered = NULL;
  g_autoptr(JsonNode) moved = NULL;
  JsonArray *array;
  guint length;

  g_return_val_if_fail (MD_IS_DOSSIER (self), FALSE);

  array = ensure_list (self, list_path, error);
  if (array == NULL)
    return FALSE;

  length = json_array_get_length (array);
  if (from >= length || to >= length)
    {
      g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND,
                   _("There is no row %u in “%s”"), MAX (from, to) + 1, list_path);
      return FALSE;
    }

  if (from == to)
    return TRUE;

  /* JsonArray cannot insert at an index, so the list is rebuilt. */
  moved = json_node_ref (json_array_get_element (array, from));
  reordered = json_array_sized_new (length);
  for (guint i = 0, source = 0; i < length; i++)
    {
      if (i == to)
        {
          json_array_add_element (reordered, json_node_ref (moved));
          continue;
        }
      if (source == from)
        source++;
      json_array_add_element (reordered, json_node_ref (json_array_get_element (array, source++)));
    }

  md_field_path_set (self->root, list_path,
                     json_node_init_array (json_node_alloc (), reordered), NULL);
  emit_changed (self, list_path);
  return TRUE;
}

gboolean
md_dossier_add_attachment (MdDossier   *self,
                           const char  *name,
                           const char  *media_type,
                           GBytes      *data,
                           GError     **error)
{
  g_autoptr(JsonObject) attachment = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *encoded = NULL;
  JsonArray *array;
  gsize size;

  g_return_val_if_fail (MD_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (name != NULL && data != NULL, FALSE);

  size = g_bytes_get_size (data);
  if (size > MD_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (MD_ATTACHMENT_MAX_SIZE);

      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_ATTACHMENT_TOO_LARGE,
                   _("“%s” is %s; attachments can be at most %s."),
                   name, size_text, limit_text);
      return FALSE;
    }

  array = ensure_list (self, "attachments", error);
  if (array == NULL)
    return FALSE;

  /* Only a label, but one that other software may use as a file name. */
  clean_name = md_safe_file_name (name);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  encoded = g_base64_encode (g_bytes_get_data (data, NULL), size);

  attachment = json_object_new ();
  json_object_set_string_member (attachment, "name", clean_name);
  json_object_set_string_member (attachment, "media_type",
                                 media_type ? media_type : "application/octet-stream");
  json_object_set_int_member (attachment, "size", size);
  json_object_set_string_member (attachment, "sha256", digest);
  json_object_set_string_member (attachment, "data", encoded);
  json_array_add_object_element (array, g_steal_pointer (&attachment));

  emit_changed (self, "attachments");
  return TRUE;
}

static GBytes *
decode_attachment (JsonObject  *attachment,
                   guint        index,
                   GError     **error)
{
  g_autofree char *path = g_strdup_printf ("attachments[%u].data", index);
  const char *encoded = json_object_get_string_member_with_default (attachment, "data", NULL);
  const char *expected = json_object_get_string_member_with_default (attachment, "sha256", "");
  gboolean has_size = json_object_has_member (attachment, "size");
  gint64 declared = json_object_get_int_member_with_default (attachment, "size", 0);
  g_autofree char *digest = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guchar *raw;
  gsize size;

  if (encoded == NULL)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_MISSING_MEMBER,
                   _("The required field “%s” is missing."), path);
      return NULL;
    }

  /* Base64 inflates by 4/3: reject before decoding so a hostile bundle
   * cannot make us allocate more than the cap. */
  if (declared > MD_ATTACHMENT_MAX_SIZE || strlen (encoded) / 4 * 3 > MD_ATTACHMENT_MAX_SIZE + 3)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_ATTACHMENT_TOO_LARGE,
                   _("The attachment “%s” is larger than the limit of %d MB."),
                   path, MD_ATTACHMENT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  raw = g_base64_decode (encoded, &size);
  bytes = g_bytes_new_take (raw, size);
  digest = md_checksum_sha256 (raw, size);

  if ((has_size && (declared < 0 || (gsize) declared != size)) ||
      g_ascii_strcasecmp (digest, expected) != 0)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_ATTACHMENT_CORRUPT,
                   _("The content of the attachment at “%s” does not match its recorded size and SHA-256 checksum."),
                   path);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * md_dossier_verify_attachments:
 *
 * Checks every attachment's size cap, decoded size and SHA-256.
 */
gboolean
md_dossier_verify_attachments (MdDossier  *self,
                               GError    **error)
{
  guint n = md_dossier_get_length (self, "attachments");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("attachments[%u]", i);
      JsonObject *attachment = json_node_get_object (md_dossier_lookup (self, path));
      g_autoptr(GBytes) bytes = decode_attachment (attachment, i, error);

      if (bytes == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * md_dossier_dup_attachment_data:
 *
 * Returns: (transfer full) (nullable): the decoded, verified content of
 *   attachment @index.
 */
GBytes *
md_dossier_dup_attachment_data (MdDossier  *self,
                                guint       index,
                                GError    **error)
{
  g_autofree char *path = g_strdup_printf ("attachments[%u]", index);
  JsonNode *node = md_dossier_lookup (self, path);

  g_return_val_if_fail (MD_IS_DOSSIER (self), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND,
                   _("There is no attachment %u"), index + 1);
      return NULL;
    }

  return decode_attachment (json_node_get_object (node), index, error);
}
