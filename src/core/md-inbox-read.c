/* md-inbox-read.c
 *
 * Reading one file of an inbox folder into a summary, in whichever
 * thread asks: the load's workers and the monitor's refreshes. The
 * dossier is dropped as soon as it is summarised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-inbox-private.h"
#include "md-safe-files.h"

gboolean
md_inbox_is_review_name (const char *name)
{
  return g_str_has_suffix (name, MD_REVIEW_SUFFIX);
}

gboolean
md_inbox_is_bundle_name (const char *name)
{
  return g_str_has_suffix (name, ".json") && !md_inbox_is_review_name (name) && name[0] != '.';
}

static MdDossier *
read_bundle (const char  *path,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf info;
  char *contents = NULL;
  gsize length;
  gboolean known = g_stat (path, &info) == 0;

  /* A pipe or a device would block the reader or never end. */
  if (known && !S_ISREG (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("This is not a regular file."));
      return NULL;
    }

  /* Refuse huge files before reading them, as md_bundle_load_file()
   * does, but without its GFileInfo round trip: this runs per file. */
  if (known && info.st_size > MD_BUNDLE_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (info.st_size);
      g_autofree char *limit_text = g_format_size (MD_BUNDLE_MAX_SIZE);

      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_TOO_LARGE,
                   _("The file is %s; bundles larger than %s are refused."),
                   size_text, limit_text);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (contents, length);
  return md_bundle_load_bytes (bytes, error);
}

static MdReview *
read_review (const char  *folder_path,
             MdInboxItem *item)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = NULL;

  /* The id names the sidecar; "../x" would name a file elsewhere. */
  if (!md_safe_is_dossier_id (md_inbox_item_get_id (item)))
    return NULL;

  name = g_strconcat (md_inbox_item_get_id (item), MD_REVIEW_SUFFIX, NULL);
  path = g_build_filename (folder_path, name, NULL);
  file = g_file_new_for_path (path);
  review = md_review_load_file (file, NULL, &error);
  if (review == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("%s: %s", path, error->message);
      return NULL;
    }

  if (g_strcmp0 (md_review_get_dossier_id (review), md_inbox_item_get_id (item)) != 0)
    {
      g_debug ("%s: reviews another dossier", path);
      return NULL;
    }

  return g_steal_pointer (&review);
}

static gboolean
has_review_name (GHashTable  *review_names,
                 MdInboxItem *item)
{
  g_autofree char *name = NULL;

  if (!md_safe_is_dossier_id (md_inbox_item_get_id (item)) || g_hash_table_size (review_names) == 0)
    return FALSE;

  name = g_strconcat (md_inbox_item_get_id (item), MD_REVIEW_SUFFIX, NULL);
  return g_hash_table_contains (review_names, name);
}

/**
 * md_inbox_read_entry:
 * @review_names: (nullable): the sidecar names in the folder, or %NULL
 *   to look for the sidecar on disk
 *
 * Reads the file @name of the folder into @entry: an item for a bundle
 * (unreadable or not), a review for a sidecar. Runs in worker threads.
 */
void
md_inbox_read_entry (const char   *folder_path,
                     const char   *name,
                     GHashTable   *programmes,
                     GHashTable   *review_names,
                     MdInboxEntry *entry)
{
  g_autofree char *path = g_build_filename (folder_path, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  MdProgramme *programme;

  entry->name = g_strdup (name);
  if (md_inbox_is_review_name (name))
    {
      entry->review = md_review_load_file (file, NULL, NULL);
      return;
    }

  dossier = read_bundle (path, &error);
  if (dossier == NULL)
    {
      entry->item = md_inbox_item_new_unreadable (file, error->message);
      return;
    }

  programme = g_hash_table_lookup (programmes, md_dossier_get_programme (dossier));
  entry->item = md_inbox_item_new_for_dossier (file, dossier, programme);

  /* Nobody else sees the item yet, so the review goes on here. Whether
   * a sidecar exists is known from the listing during a load: most
   * dossiers have none, and probing costs a system call each. */
  if (review_names == NULL || has_review_name (review_names, entry->item))
    {
      g_autoptr(MdReview) review = read_review (folder_path, entry->item);

      if (review != NULL)
        md_inbox_item_set_review (entry->item, review, programme);
    }
}

void
md_inbox_entry_clear (MdInboxEntry *entry)
{
  g_clear_pointer (&entry->name, g_free);
  g_clear_object (&entry->item);
  g_clear_object (&entry->review);
}
