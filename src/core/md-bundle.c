/* md-bundle.c
 *
 * Loading refuses anything it cannot trust to be a dossier before it
 * builds one: too large, not UTF-8, nested too deep, not JSON,
 * duplicate member names, a newer format, wrong types, corrupt
 * attachments. A digest mismatch is not refused: the dossier opens and
 * is marked as changed outside the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-dossier-schema.h"
#include "md-json-text.h"
#include "md-safe-files.h"

G_DEFINE_QUARK (md-bundle-error-quark, md_bundle_error)

/**
 * md_bundle_serialize:
 *
 * Stamps the integrity digest into @dossier and writes the bundle text.
 * The result is a pure function of the tree, so loading and saving an
 * unchanged bundle gives the same bytes.
 *
 * Returns: (transfer full): the bundle's bytes
 */
GBytes *
md_bundle_serialize (MdDossier *dossier)
{
  JsonNode *root = md_dossier_get_root (dossier);
  g_autofree char *digest = md_bundle_compute_digest (root);
  g_autoptr(JsonObject) integrity = json_object_new ();

  json_object_set_string_member (integrity, "algorithm", "sha256");
  json_object_set_string_member (integrity, "digest", digest);
  json_object_set_object_member (json_node_get_object (root), "integrity",
                                 g_steal_pointer (&integrity));

  return md_json_text_generate (root);
}

/* json-glib's parser recurses once per level; refusing deep nesting
 * before parsing keeps hostile input from exhausting the stack. The
 * same pass counts the colons outside strings: one per object member
 * in the text, duplicates included (see parse_json()). */
static gboolean
check_nesting (const char  *text,
               gsize        length,
               gsize       *colons,
               GError     **error)
{
  switch (md_json_text_check (text, length, MD_BUNDLE_MAX_DEPTH, colons))
    {
    case MD_JSON_TEXT_TOO_DEEP:
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_TOO_DEEP,
                   _("The file nests values more than %d levels deep; a dossier never does."),
                   MD_BUNDLE_MAX_DEPTH);
      return FALSE;
    case MD_JSON_TEXT_NOT_AN_OBJECT:
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_NOT_AN_OBJECT,
                   _("The file holds JSON but not a dossier: its top level is not an object."));
      return FALSE;
    case MD_JSON_TEXT_TRAILING:
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), _("more text follows the end of the top-level object"));
      return FALSE;
    case MD_JSON_TEXT_NOT_JSON:
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), _("it does not begin with “{”"));
      return FALSE;
    case MD_JSON_TEXT_BAD_ESCAPE:
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), _("a string holds an escape that JSON does not allow"));
      return FALSE;
    case MD_JSON_TEXT_OK:
    default:
      return TRUE;
    }
}

static gboolean
check_text (const char  *text,
            gsize        length,
            gsize       *colons,
            GError     **error)
{
  const char *end = NULL;

  if (length > MD_BUNDLE_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (length);
      g_autofree char *limit_text = g_format_size (MD_BUNDLE_MAX_SIZE);

      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_TOO_LARGE,
                   _("The file is %s; bundles larger than %s are refused."),
                   size_text, limit_text);
      return FALSE;
    }

  if (!g_utf8_validate_len (text, length, &end))
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_NOT_UTF8,
                   _("The file is not UTF-8 text (invalid byte at offset %lu)."),
                   (unsigned long) (end - text));
      return FALSE;
    }

  return check_nesting (text, length, colons, error);
}

/* json-glib keeps the last of two members with the same name and emits
 * "object-member" after storing each one, so a member whose arrival
 * does not grow its object was a duplicate. Objects nest, so the
 * counts live on a stack. */
typedef struct
{
  GArray *counts;    /* guint per open object, innermost last */
  char   *duplicate; /* first duplicated member name */
} DuplicateCheck;

static void
on_parser_object_start (JsonParser     *parser,
                        DuplicateCheck *check)
{
  guint zero = 0;

  g_array_append_val (check->counts, zero);
}

static void
on_parser_object_member (JsonParser     *parser,
                         JsonObject     *object,
                         const char     *member_name,
                         DuplicateCheck *check)
{
  guint *count = &g_array_index (check->counts, guint, check->counts->len - 1);
  guint size = json_object_get_size (object);

  if (++*count != size && check->duplicate == NULL)
    check->duplicate = g_strdup (member_name);
  *count = size;
}

static void
on_parser_object_end (JsonParser     *parser,
                      JsonObject     *object,
                      DuplicateCheck *check)
{
  g_array_set_size (check->counts, check->counts->len - 1);
}

static JsonNode *
parse_json_watching (const char  *text,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  DuplicateCheck check = { NULL, NULL };

  check.counts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);
  g_signal_connect (parser, "object-start", G_CALLBACK (on_parser_object_start), &check);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_parser_object_member), &check);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_parser_object_end), &check);

  json_parser_load_from_data (parser, text, length, &local_error);
  g_clear_pointer (&check.counts, g_array_unref);

  if (local_error != NULL)
    {
      g_free (check.duplicate);
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (check.duplicate != NULL)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_DUPLICATE_MEMBER,
                   _("The member “%s” appears twice in the same object; the file is ambiguous."),
                   check.duplicate);
      g_free (check.duplicate);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static gsize
count_members (JsonNode *node)
{
  gsize count = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &child))
        count += 1 + count_members (child);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        count += count_members (json_array_get_element (array, i));
    }

  return count;
}

/* json-glib keeps the last of two members with the same name, so a
 * duplicate leaves the tree with fewer members than the text has
 * colons. Only then is the file parsed again, watching every member
 * to name the duplicate: that costs half as much again as the parse
 * itself, and valid bundles never need it. (Colons can also stand in
 * comments, which json-glib skips; the second parse then finds none.) */
static JsonNode *
parse_json (const char  *text,
            gsize        length,
            gsize        colons,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* json-glib quotes the bad token, which an escape such as
       * "\ud800" can make invalid UTF-8. */
      g_autofree char *detail = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), detail);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root != NULL && count_members (root) != colons)
    {
      g_clear_pointer (&root, json_node_unref);
      root = parse_json_watching (text, length, error);
      if (root == NULL)
        return NULL;
    }

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_NOT_AN_OBJECT,
                   _("The file holds JSON but not a dossier: its top level is not an object."));
      return NULL;
    }

  return root;
}

static gboolean
check_format (JsonObject  *object,
              GError     **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "format_version");

  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), MD_BUNDLE_FORMAT) != 0)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_FORMAT,
                   _("The file is not a mobility dossier bundle (its “format” is not “%s”)."),
                   MD_BUNDLE_FORMAT);
      return FALSE;
    }

  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE,
                   _("The field “%s” should be %s but is %s."), "format_version",
                   md_value_type_describe (MD_VALUE_INTEGER),
                   version ? md_json_node_describe (version) : _("missing"));
      return FALSE;
    }

  if (json_node_get_int (version) > MD_BUNDLE_FORMAT_VERSION)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_NEWER_VERSION,
                   _("The bundle uses format version %lld, but this version of Mobility Dossier reads only up to version %d. Update the application to open it."),
                   (long long) json_node_get_int (version), MD_BUNDLE_FORMAT_VERSION);
      return FALSE;
    }

  if (json_node_get_int (version) < 1)
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_FORMAT,
                   _("The bundle declares format version %lld, which never existed."),
                   (long long) json_node_get_int (version));
      return FALSE;
    }

  return TRUE;
}

static MdIntegrity
check_integrity (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonObject *integrity;
  const char *recorded;
  g_autofree char *digest = NULL;

  if (!json_object_has_member (object, "integrity"))
    return MD_INTEGRITY_MISSING;

  integrity = json_object_get_object_member (object, "integrity");
  recorded = json_object_get_string_member_with_default (integrity, "digest", "");
  if (g_strcmp0 (json_object_get_string_member_with_default (integrity, "algorithm", ""), "sha256") != 0)
    return MD_INTEGRITY_CHANGED_OUTSIDE;

  digest = md_bundle_compute_digest (root);
  return g_ascii_strcasecmp (digest, recorded) == 0 ? MD_INTEGRITY_INTACT
                                                    : MD_INTEGRITY_CHANGED_OUTSIDE;
}

/**
 * md_bundle_load_bytes:
 * @bytes: the content of a bundle file
 * @error: return location for a #GError in %MD_BUNDLE_ERROR
 *
 * Returns: (transfer full) (nullable): the dossier, with its integrity
 *   state set, or %NULL with @error naming the problem.
 */
MdDossier *
md_bundle_load_bytes (GBytes  *bytes,
                      GError **error)
{
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  MdIntegrity integrity;
  gsize colons;

  /* Empty bytes may have no data at all; json-glib wants a pointer. */
  if (text == NULL)
    text = "";

  if (!check_text (text, length, &colons, error))
    return NULL;

  root = parse_json (text, length, colons, error);
  if (root == NULL)
    return NULL;

  if (!check_format (json_node_get_object (root), error) ||
      !md_dossier_schema_check (root, error))
    return NULL;

  integrity = check_integrity (root);
  dossier = md_dossier_new_from_root (g_steal_pointer (&root));
  if (!md_dossier_verify_attachments (dossier, error))
    return NULL;

  md_dossier_set_integrity (dossier, integrity);
  return g_steal_pointer (&dossier);
}

MdDossier *
md_bundle_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("This is not a regular file."));
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > MD_BUNDLE_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (MD_BUNDLE_MAX_SIZE);

      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_TOO_LARGE,
                   _("The file is %s; bundles larger than %s are refused."),
                   size_text, limit_text);
      return NULL;
    }

  bytes = md_safe_load_file (file, MD_BUNDLE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return md_bundle_load_bytes (bytes, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  MdDossier *dossier = md_bundle_load_file (task_data, cancellable, &error);

  if (dossier == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dossier, g_object_unref);
}

void
md_bundle_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, md_bundle_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

MdDossier *
md_bundle_load_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * md_bundle_write_file:
 * @contents: the bytes to store
 * @file: a local file
 *
 * Writes atomically: the new content goes to a temporary file in the
 * same folder, is flushed to disk and renamed over @file, so a failure
 * at any point leaves the previous file as it was. The previous file is
 * kept as "@file~". Both are readable by the owner only.
 */
gboolean
md_bundle_write_file (GBytes        *contents,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup_path = NULL;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Bundles can only be saved to a local folder."));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  backup_path = g_strconcat (path, "~", NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !md_safe_keep_backup (path, backup_path, error))
    return FALSE;

  return md_safe_write_file (path, data, length, error);
}

gboolean
md_bundle_save_file (MdDossier     *dossier,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) contents = md_bundle_serialize (dossier);

  if (!md_bundle_write_file (contents, file, cancellable, error))
    return FALSE;

  md_dossier_set_integrity (dossier, MD_INTEGRITY_INTACT);
  md_dossier_mark_saved (dossier);
  return TRUE;
}

typedef struct
{
  GBytes  *contents;
  GFile   *file;
  guint64  generation;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_pointer (&save->contents, g_bytes_unref);
  g_clear_object (&save->file);
  g_free (save);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (md_bundle_write_file (save->contents, save->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * md_bundle_save_file_async:
 *
 * Serialises on the calling thread, where the dossier lives, and writes
 * in a worker thread. The dossier is marked saved when the write
 * succeeded and it was not changed in the meantime.
 */
void
md_bundle_save_file_async (MdDossier           *dossier,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (dossier, cancellable, callback, user_data);
  SaveData *save = g_new0 (SaveData, 1);

  save->contents = md_bundle_serialize (dossier);
  save->file = g_object_ref (file);
  save->generation = md_dossier_get_generation (dossier);
  g_task_set_source_tag (task, md_bundle_save_file_async);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_file_thread);
}

gboolean
md_bundle_save_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  GTask *task = G_TASK (result);
  MdDossier *dossier = g_task_get_source_object (task);
  SaveData *save = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  /* Only claim "saved" if what is on disk is still what we hold. */
  if (save->generation == md_dossier_get_generation (dossier))
    {
      md_dossier_set_integrity (dossier, MD_INTEGRITY_INTACT);
      md_dossier_mark_saved (dossier);
    }

  return TRUE;
}
