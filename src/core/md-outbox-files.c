/* md-outbox-files.c: the outbox on disk
 *
 *   <outbox>/                   0700
 *     <entry id>/               0700, one per submission
 *       bundle.json             0600, the bytes to send; removed once sent
 *       state.json              0600, MdOutboxEntry as JSON, no secrets
 *     .new-<entry id>/          an entry being written
 *
 * An entry is written completely under ".new-…" and then renamed into
 * place, so after a crash the outbox holds whole entries only; a
 * leftover ".new-…" folder is removed on load (the caller never heard
 * that it was queued). Files are replaced atomically and flushed to
 * disk before anything is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-outbox-entry-private.h"
#include "md-outbox-private.h"
#include "md-safe-files.h"

#define BUNDLE_NAME     "bundle.json"
#define STATE_NAME      "state.json"
#define NEW_PREFIX      ".new-"
#define STATE_MAX_SIZE  (1024 * 1024)

static gboolean
set_errno_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the outbox at %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
make_private_dir (const char  *path,
                  GError     **error)
{
  return md_safe_make_private_dir (path, error);
}

static gboolean
write_private_file (const char  *folder,
                    const char  *name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return md_safe_write_file (path, data, length, error);
}

static gboolean
write_state_in (const char     *folder,
                MdOutboxEntry  *entry,
                GError        **error)
{
  g_autoptr(JsonNode) node = md_outbox_entry_to_json (entry);
  g_autofree char *text = json_to_string (node, TRUE);

  return write_private_file (folder, STATE_NAME, text, strlen (text), error);
}

static char *
dup_entry_path (GFile         *directory,
                MdOutboxEntry *entry,
                const char    *prefix)
{
  g_autofree char *name = g_strconcat (prefix, md_outbox_entry_get_id (entry), NULL);

  return g_build_filename (g_file_peek_path (directory), name, NULL);
}

/* Removes an entry's folder and the files the outbox puts in it. */
static void
remove_entry_folder (const char *path)
{
  g_autofree char *bundle = g_build_filename (path, BUNDLE_NAME, NULL);
  g_autofree char *state = g_build_filename (path, STATE_NAME, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_unlink (bundle);
  g_unlink (state);

  /* Temporary files of an interrupted atomic write. */
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_str_has_prefix (name, BUNDLE_NAME ".") || g_str_has_prefix (name, STATE_NAME ".") ||
          g_str_has_prefix (name, "." BUNDLE_NAME ".") || g_str_has_prefix (name, "." STATE_NAME "."))
        g_unlink (child);
    }

  g_rmdir (path);
}

/**
 * md_outbox_files_prepare: (skip)
 *
 * Checks the bundle and writes a new entry under ".new-…". Safe to call
 * from a worker thread.
 *
 * Returns: (transfer full): the entry, not yet in the outbox
 */
MdOutboxEntry *
md_outbox_files_prepare (GFile         *directory,
                         GBytes        *bundle,
                         MdEndpoint    *endpoint,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(MdDossier) dossier = md_bundle_load_bytes (bundle, error);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *entry_id = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  if (dossier == NULL)
    return NULL;

  if (!g_uuid_string_is_valid (md_dossier_get_id (dossier)))
    {
      g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_INVALID_BUNDLE,
                   _("The bundle has no valid id, so it cannot be submitted. Open and save it in Mobility Dossier first."));
      return NULL;
    }

  digest = md_bundle_compute_digest (md_dossier_get_root (dossier));
  entry_id = g_uuid_string_random ();
  data = g_bytes_get_data (bundle, &length);
  entry = md_outbox_entry_new (entry_id, md_dossier_get_id (dossier), digest, endpoint, length);
  path = dup_entry_path (directory, entry, NEW_PREFIX);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !make_private_dir (g_file_peek_path (directory), error) ||
      !make_private_dir (path, error))
    return NULL;

  if (!write_private_file (path, BUNDLE_NAME, data, length, error) ||
      !write_state_in (path, entry, error))
    {
      remove_entry_folder (path);
      return NULL;
    }

  return g_steal_pointer (&entry);
}

/**
 * md_outbox_files_commit: (skip)
 *
 * Moves a prepared entry into the outbox.
 */
gboolean
md_outbox_files_commit (GFile          *directory,
                        MdOutboxEntry  *entry,
                        GError        **error)
{
  g_autofree char *new_path = dup_entry_path (directory, entry, NEW_PREFIX);
  g_autofree char *path = dup_entry_path (directory, entry, "");

  if (g_rename (new_path, path) != 0)
    {
      int saved_errno = errno;

      remove_entry_folder (new_path);
      return set_errno_error (path, saved_errno, error);
    }

  return TRUE;
}

/**
 * md_outbox_files_discard: (skip)
 *
 * Removes a prepared entry that is not wanted after all.
 */
void
md_outbox_files_discard (GFile         *directory,
                         MdOutboxEntry *entry)
{
  g_autofree char *path = dup_entry_path (directory, entry, NEW_PREFIX);

  remove_entry_folder (path);
}

static MdOutboxEntry *
load_entry (GFile       *directory,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (directory), name, STATE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = md_safe_load_file (file, STATE_MAX_SIZE, NULL, error);
  const char *text;
  gsize length;

  if (bytes == NULL)
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  if (!json_parser_load_from_data (parser, text, length, error))
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The outbox entry “%s” is damaged."), name);
      return NULL;
    }

  return md_outbox_entry_new_from_json (name, json_parser_get_root (parser), error);
}

/**
 * md_outbox_files_load: (skip)
 *
 * Reads every entry. A damaged entry is reported in the log and left
 * on disk for a person to look at; it does not stop the others.
 *
 * Returns: (transfer full) (element-type MdOutboxEntry): the entries
 */
GPtrArray *
md_outbox_files_load (GFile         *directory,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (directory), 0, &local_error);
  const char *name;

  if (dir == NULL && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return g_steal_pointer (&entries);

  if (dir == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (g_file_peek_path (directory), name, NULL);
      MdOutboxEntry *entry;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (g_str_has_prefix (name, NEW_PREFIX))
        remove_entry_folder (path);
      if (name[0] == '.' || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      entry = load_entry (directory, name, &local_error);
      if (entry == NULL)
        {
          g_message ("Outbox: skipping %s: %s", path, local_error->message);
          g_clear_error (&local_error);
          continue;
        }
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * md_outbox_files_write_state: (skip)
 */
gboolean
md_outbox_files_write_state (GFile          *directory,
                             MdOutboxEntry  *entry,
                             GError        **error)
{
  g_autofree char *path = dup_entry_path (directory, entry, "");

  return write_state_in (path, entry, error);
}

/**
 * md_outbox_files_get_bundle: (skip)
 *
 * Returns: (transfer full): the entry's copy of the bundle
 */
GFile *
md_outbox_files_get_bundle (GFile         *directory,
                            MdOutboxEntry *entry)
{
  g_autofree char *path = dup_entry_path (directory, entry, "");
  g_autofree char *bundle = g_build_filename (path, BUNDLE_NAME, NULL);

  return g_file_new_for_path (bundle);
}

/**
 * md_outbox_files_remove: (skip)
 *
 * Removes the entry's files. The state goes last, so that an
 * interrupted removal leaves an entry that still loads.
 */
gboolean
md_outbox_files_remove (GFile          *directory,
                        MdOutboxEntry  *entry,
                        GError        **error)
{
  g_autofree char *path = dup_entry_path (directory, entry, "");
  g_autoptr(GFile) bundle = md_outbox_files_get_bundle (directory, entry);

  if (g_unlink (g_file_peek_path (bundle)) != 0 && errno != ENOENT)
    return set_errno_error (g_file_peek_path (bundle), errno, error);

  remove_entry_folder (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return set_errno_error (path, ENOTEMPTY, error);

  return TRUE;
}
