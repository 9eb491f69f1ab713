/* md-inbox-monitor.c
 *
 * After a load the inbox follows its folder: a bundle that arrives,
 * changes or goes away, and a review sidecar written by another
 * coordinator, show in the list without loading again. Events for one
 * file come in bursts while it is written, so names are collected for
 * a short moment and then read again in a worker thread; whatever the
 * event was, the file's state on disk decides (there: read it; gone:
 * drop it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "md-inbox-private.h"

#define REFRESH_DELAY_MS 150

typedef struct
{
  char         *folder_path;
  GHashTable   *programmes;
  GPtrArray    *names;
  MdInboxEntry *entries;
} Refresh;

static void
refresh_free (gpointer data)
{
  Refresh *refresh = data;

  for (guint i = 0; refresh->entries != NULL && i < refresh->names->len; i++)
    md_inbox_entry_clear (&refresh->entries[i]);
  g_free (refresh->entries);
  g_free (refresh->folder_path);
  g_clear_pointer (&refresh->programmes, g_hash_table_unref);
  g_clear_pointer (&refresh->names, g_ptr_array_unref);
  g_free (refresh);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Refresh *refresh = task_data;

  refresh->entries = g_new0 (MdInboxEntry, refresh->names->len);
  for (guint i = 0; i < refresh->names->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *name = refresh->names->pdata[i];
      g_autofree char *path = g_build_filename (refresh->folder_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        md_inbox_read_entry (refresh->folder_path, name, refresh->programmes, NULL,
                             &refresh->entries[i]);
      else
        refresh->entries[i].name = g_strdup (name);
    }

  g_task_return_boolean (task, TRUE);
}

/* A review changed or went away: every item of its dossier follows. */
static void
apply_review (MdInbox      *self,
              MdInboxEntry *entry)
{
  g_autofree char *id = g_strndup (entry->name, strlen (entry->name) - strlen (MD_REVIEW_SUFFIX));
  MdReview *review = entry->review;

  if (review != NULL && g_strcmp0 (md_review_get_dossier_id (review), id) != 0)
    review = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      MdInboxItem *item = self->items->pdata[i];

      if (g_strcmp0 (md_inbox_item_get_id (item), id) == 0)
        md_inbox_item_set_review (item, review,
                                  md_inbox_lookup_programme (self, md_inbox_item_get_programme_id (item)));
    }
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  MdInbox *self = MD_INBOX (source);
  Refresh *refresh = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->monitor == NULL)
    return;

  for (guint i = 0; i < refresh->names->len; i++)
    {
      MdInboxEntry *entry = &refresh->entries[i];

      if (entry->name == NULL)
        continue;
      if (md_inbox_is_review_name (entry->name))
        apply_review (self, entry);
      else if (entry->item != NULL)
        md_inbox_put_item (self, entry->name, entry->item);
      else
        md_inbox_remove_name (self, entry->name);
    }
}

static gboolean
refresh_pending_cb (gpointer user_data)
{
  MdInbox *self = user_data;
  g_autoptr(GTask) task = NULL;
  Refresh *refresh = g_new0 (Refresh, 1);
  GHashTableIter iter;
  gpointer name;

  self->refresh_source = 0;
  refresh->folder_path = g_file_get_path (self->folder);
  refresh->programmes = g_hash_table_ref (self->programmes);
  refresh->names = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_ptr_array_add (refresh->names, name);
      g_hash_table_iter_steal (&iter);
    }

  task = g_task_new (self, self->cancellable, refresh_cb, NULL);
  g_task_set_source_tag (task, refresh_pending_cb);
  g_task_set_task_data (task, refresh, refresh_free);
  g_task_run_in_thread (task, refresh_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (MdInbox *self,
                  GFile   *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  if (name == NULL || !(md_inbox_is_bundle_name (name) || md_inbox_is_review_name (name)))
    return;

  g_hash_table_add (self->pending, g_steal_pointer (&name));
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_pending_cb, self);
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    MdInbox           *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      schedule_refresh (self, file);
      break;

    /* Saving with a temporary file renames it over the old one. */
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED:
      schedule_refresh (self, file);
      schedule_refresh (self, other_file);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      break;
    }
}

void
md_inbox_start_monitor (MdInbox *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    return;

  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES,
                                            NULL, &error);
  if (self->monitor == NULL)
    {
      /* The list is still right, it just does not follow the folder. */
      g_debug ("Cannot monitor %s: %s", g_file_peek_path (self->folder), error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self, 0);
  g_object_notify (G_OBJECT (self), "monitoring");
}

void
md_inbox_stop_monitor (MdInbox *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->pending != NULL)
    g_hash_table_remove_all (self->pending);

  if (self->monitor == NULL)
    return;

  g_file_monitor_cancel (self->monitor);
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_object_notify (G_OBJECT (self), "monitoring");
}
