/* md-outbox.c
 *
 * Every submission is written to the outbox before it is sent, so that
 * nothing is lost when the computer is offline, the application quits
 * or crashes. Queued entries are sent one at a time when they are due;
 * a transient failure (network, time-out, busy or failing server) puts
 * the entry back in the queue with exponential backoff, or at the time
 * the server asked for with Retry-After; a failure only the user can
 * mend (refused, too large, credentials) stops it until they retry.
 *
 * "sending" is written to disk before a request starts. An entry found
 * in that state on load was interrupted by a crash: it is sent again,
 * with the same Idempotency-Key, so the server stores it once.
 *
 * The outbox is a GListModel of MdOutboxEntry, oldest first. The files
 * are in md-outbox-files.c, one attempt in md-outbox-send.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-outbox-entry-private.h"
#include "md-outbox-private.h"

/* Wake up at least this often: timers do not run while the computer
 * sleeps, and the wall clock may jump. */
#define MAX_TIMER_MS     (60 * 1000)

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdOutbox, md_outbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  DELIVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
md_outbox_dispose (GObject *object)
{
  MdOutbox *self = (MdOutbox *)object;

  md_outbox_stop (self);
  g_clear_object (&self->submitter);
  g_clear_object (&self->secrets);
  g_clear_object (&self->backoff);

  G_OBJECT_CLASS (md_outbox_parent_class)->dispose (object);
}

static void
md_outbox_finalize (GObject *object)
{
  MdOutbox *self = (MdOutbox *)object;

  g_clear_object (&self->directory);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->sending, g_hash_table_unref);

  G_OBJECT_CLASS (md_outbox_parent_class)->finalize (object);
}

static void
md_outbox_class_init (MdOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_outbox_dispose;
  object_class->finalize = md_outbox_finalize;

  /**
   * MdOutbox::delivered:
   * @entry: the entry that was delivered
   *
   * Emitted when an entry reached the "sent" state, before the callers
   * of md_outbox_send_now_async() hear of it; a handler typically
   * records the receipt with md_outbox_entry_record_receipt_in_dossier().
   */
  signals[DELIVERED] =
    g_signal_new ("delivered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MD_TYPE_OUTBOX_ENTRY);
}

static void
md_outbox_init (MdOutbox *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->sending = g_hash_table_new (NULL, NULL);
}

/**
 * md_outbox_emit_delivered: (skip)
 */
void
md_outbox_emit_delivered (MdOutbox      *self,
                          MdOutboxEntry *entry)
{
  g_signal_emit (self, signals[DELIVERED], 0, entry);
}

static GType
md_outbox_get_item_type (GListModel *model)
{
  return MD_TYPE_OUTBOX_ENTRY;
}

static guint
md_outbox_get_n_items (GListModel *model)
{
  return MD_OUTBOX (model)->entries->len;
}

static gpointer
md_outbox_get_item (GListModel *model,
                    guint       position)
{
  MdOutbox *self = MD_OUTBOX (model);

  return position < self->entries->len ? g_object_ref (self->entries->pdata[position]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = md_outbox_get_item_type;
  iface->get_n_items = md_outbox_get_n_items;
  iface->get_item = md_outbox_get_item;
}

/**
 * md_outbox_get_default_directory:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/io.github.mobilitydossier.Dossier/outbox
 */
GFile *
md_outbox_get_default_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "outbox", NULL);

  return g_file_new_for_path (path);
}

/**
 * md_outbox_new:
 * @directory: a local folder, created with mode 0700 when needed
 * @secrets: (nullable): where passwords and tokens are looked up
 *
 * Call md_outbox_load() to pick up entries from earlier runs, and
 * md_outbox_start() to send them in the background.
 */
MdOutbox *
md_outbox_new (GFile         *directory,
               MdSubmitter   *submitter,
               MdSecretStore *secrets)
{
  MdOutbox *self;

  g_return_val_if_fail (G_IS_FILE (directory) && g_file_peek_path (directory) != NULL, NULL);
  g_return_val_if_fail (MD_IS_SUBMITTER (submitter), NULL);
  g_return_val_if_fail (secrets == NULL || MD_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (MD_TYPE_OUTBOX, NULL);
  self->directory = g_object_ref (directory);
  self->submitter = g_object_ref (submitter);
  self->secrets = secrets ? g_object_ref (secrets) : NULL;
  self->backoff = md_backoff_new ();
  return self;
}

/**
 * md_outbox_get_directory:
 *
 * Returns: (transfer none): the outbox folder
 */
GFile *
md_outbox_get_directory (MdOutbox *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX (self), NULL);

  return self->directory;
}

/**
 * md_outbox_get_backoff:
 *
 * Returns: (transfer none): the retry policy
 */
MdBackoff *
md_outbox_get_backoff (MdOutbox *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX (self), NULL);

  return self->backoff;
}

void
md_outbox_set_backoff (MdOutbox  *self,
                       MdBackoff *backoff)
{
  g_return_if_fail (MD_IS_OUTBOX (self));
  g_return_if_fail (MD_IS_BACKOFF (backoff));

  g_set_object (&self->backoff, backoff);
}

static MdOutboxEntry *
find_same (MdOutbox      *self,
           MdOutboxEntry *entry)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      MdOutboxEntry *other = self->entries->pdata[i];

      if (g_str_equal (md_outbox_entry_get_idempotency_key (other),
                       md_outbox_entry_get_idempotency_key (entry)) &&
          md_endpoint_equal (md_outbox_entry_get_endpoint (other), md_outbox_entry_get_endpoint (entry)))
        return other;
    }

  return NULL;
}

/**
 * md_outbox_lookup:
 *
 * Returns: (transfer none) (nullable): the entry with that id
 */
MdOutboxEntry *
md_outbox_lookup (MdOutbox   *self,
                  const char *entry_id)
{
  g_return_val_if_fail (MD_IS_OUTBOX (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (md_outbox_entry_get_id (self->entries->pdata[i]), entry_id))
      return self->entries->pdata[i];

  return NULL;
}

static void
add_entry (MdOutbox      *self,
           MdOutboxEntry *entry)
{
  g_ptr_array_add (self->entries, g_object_ref (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);
}

/**
 * md_outbox_save_state: (skip)
 *
 * Writes the entry's state file. A failure is logged: the entry goes
 * on in memory, and the disk catches up at its next change.
 */
void
md_outbox_save_state (MdOutbox      *self,
                      MdOutboxEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!md_outbox_files_write_state (self->directory, entry, &error))
    g_warning ("Outbox: could not save the state of %s: %s",
               md_outbox_entry_get_id (entry), error->message);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  MdOutboxEntry *first = *(MdOutboxEntry **) a;
  MdOutboxEntry *second = *(MdOutboxEntry **) b;
  int order = g_date_time_compare (md_outbox_entry_get_created (first),
                                   md_outbox_entry_get_created (second));

  return order != 0 ? order : strcmp (md_outbox_entry_get_id (first), md_outbox_entry_get_id (second));
}

/**
 * md_outbox_load:
 *
 * Picks up the entries on disk that are not in the model yet. An entry
 * that was being sent when the process ended is queued again, due now.
 */
gboolean
md_outbox_load (MdOutbox      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (MD_IS_OUTBOX (self), FALSE);

  entries = md_outbox_files_load (self->directory, cancellable, error);
  if (entries == NULL)
    return FALSE;

  g_ptr_array_sort (entries, compare_created);
  for (guint i = 0; i < entries->len; i++)
    {
      MdOutboxEntry *entry = entries->pdata[i];

      if (md_outbox_lookup (self, md_outbox_entry_get_id (entry)) != NULL)
        continue;

      if (md_outbox_entry_get_state (entry) == MD_OUTBOX_STATE_SENDING)
        {
          md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_QUEUED);
          md_outbox_entry_set_next_attempt (entry, 0);
          md_outbox_save_state (self, entry);
        }
      add_entry (self, entry);
    }

  md_outbox_reschedule (self);
  return TRUE;
}

/* A bundle already in the outbox for the same endpoint is not queued
 * twice: its entry is returned, whatever its state. */
static MdOutboxEntry *
adopt_prepared (MdOutbox       *self,
                MdOutboxEntry  *prepared,
                GError        **error)
{
  MdOutboxEntry *existing = find_same (self, prepared);

  if (existing != NULL)
    {
      md_outbox_files_discard (self->directory, prepared);
      return g_object_ref (existing);
    }

  if (!md_outbox_files_commit (self->directory, prepared, error))
    return NULL;

  add_entry (self, prepared);
  md_outbox_reschedule (self);
  return g_object_ref (prepared);
}

/**
 * md_outbox_enqueue:
 * @bundle: the bundle's bytes, sent as they are
 * @error: %MD_BUNDLE_ERROR or %MD_SUBMIT_ERROR_INVALID_BUNDLE when the
 *   bundle is unusable, or a #GIOError when it cannot be stored
 *
 * Stores @bundle in the outbox for @endpoint. Blocks on disk I/O; see
 * md_outbox_enqueue_async().
 *
 * Returns: (transfer full) (nullable): the entry
 */
MdOutboxEntry *
md_outbox_enqueue (MdOutbox      *self,
                   GBytes        *bundle,
                   MdEndpoint    *endpoint,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(MdOutboxEntry) prepared = NULL;

  g_return_val_if_fail (MD_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (bundle != NULL, NULL);
  g_return_val_if_fail (MD_IS_ENDPOINT (endpoint), NULL);

  prepared = md_outbox_files_prepare (self->directory, bundle, endpoint, cancellable, error);
  if (prepared == NULL)
    return NULL;

  return adopt_prepared (self, prepared, error);
}

typedef struct
{
  GFile      *directory;
  GBytes     *bundle;
  MdEndpoint *endpoint;
} EnqueueJob;

static void
enqueue_job_free (gpointer data)
{
  EnqueueJob *job = data;

  g_clear_object (&job->directory);
  g_clear_pointer (&job->bundle, g_bytes_unref);
  g_clear_object (&job->endpoint);
  g_free (job);
}

static void
enqueue_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EnqueueJob *job = task_data;
  GError *error = NULL;
  MdOutboxEntry *entry = md_outbox_files_prepare (job->directory, job->bundle, job->endpoint,
                                                  cancellable, &error);

  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, g_object_unref);
}

/**
 * md_outbox_enqueue_async:
 *
 * Checks and writes the bundle in a worker thread; see
 * md_outbox_enqueue().
 */
void
md_outbox_enqueue_async (MdOutbox            *self,
                         GBytes              *bundle,
                         MdEndpoint          *endpoint,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EnqueueJob *job;

  g_return_if_fail (MD_IS_OUTBOX (self));
  g_return_if_fail (bundle != NULL);
  g_return_if_fail (MD_IS_ENDPOINT (endpoint));

  job = g_new0 (EnqueueJob, 1);
  job->directory = g_object_ref (self->directory);
  job->bundle = g_bytes_ref (bundle);
  job->endpoint = g_object_ref (endpoint);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_outbox_enqueue_async);
  g_task_set_task_data (task, job, enqueue_job_free);
  g_task_run_in_thread (task, enqueue_thread);
}

/**
 * md_outbox_enqueue_finish:
 *
 * Returns: (transfer full) (nullable): the entry
 */
MdOutboxEntry *
md_outbox_enqueue_finish (MdOutbox      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(MdOutboxEntry) prepared = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  prepared = g_task_propagate_pointer (G_TASK (result), error);
  if (prepared == NULL)
    return NULL;

  return adopt_prepared (self, prepared, error);
}

static gboolean
wake_up_cb (gpointer user_data)
{
  MdOutbox *self = user_data;

  self->timer_id = 0;
  md_outbox_reschedule (self);
  return G_SOURCE_REMOVE;
}

/**
 * md_outbox_reschedule: (skip)
 *
 * Sends the first due entry, or sleeps until the next one is due. One
 * entry at a time: a struggling server gets no burst from us.
 */
void
md_outbox_reschedule (MdOutbox *self)
{
  gint64 now = g_get_real_time ();
  gint64 next = G_MAXINT64;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (!self->running || g_hash_table_size (self->sending) > 0)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      MdOutboxEntry *entry = self->entries->pdata[i];

      if (md_outbox_entry_get_state (entry) != MD_OUTBOX_STATE_QUEUED)
        continue;

      if (md_outbox_entry_get_next_attempt (entry) <= now)
        {
          md_outbox_send_entry (self, entry, NULL);
          return;
        }
      next = MIN (next, md_outbox_entry_get_next_attempt (entry));
    }

  if (next != G_MAXINT64)
    self->timer_id = g_timeout_add (CLAMP ((next - now) / 1000 + 1, 1, MAX_TIMER_MS), wake_up_cb, self);
}

/**
 * md_outbox_start:
 *
 * Sends queued entries as they become due, until md_outbox_stop().
 */
void
md_outbox_start (MdOutbox *self)
{
  g_return_if_fail (MD_IS_OUTBOX (self));

  self->running = TRUE;
  md_outbox_reschedule (self);
}

/**
 * md_outbox_stop:
 *
 * Stops sending in the background and cancels what is being sent; the
 * interrupted entries stay queued.
 */
void
md_outbox_stop (MdOutbox *self)
{
  g_return_if_fail (MD_IS_OUTBOX (self));

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  md_outbox_cancel_sends (self);
}

gboolean
md_outbox_is_running (MdOutbox *self)
{
  g_return_val_if_fail (MD_IS_OUTBOX (self), FALSE);

  return self->running;
}

/**
 * md_outbox_send_now_async:
 * @entry: an entry of this outbox
 *
 * Sends @entry now, whether it is due, queued or failed. Completes when
 * the attempt is over; an entry already being sent is waited for.
 * Cancelling stops the attempt and leaves the entry queued.
 */
void
md_outbox_send_now_async (MdOutbox            *self,
                          MdOutboxEntry       *entry,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MD_IS_OUTBOX (self));
  g_return_if_fail (MD_IS_OUTBOX_ENTRY (entry));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_outbox_send_now_async);

  if (md_outbox_entry_get_state (entry) == MD_OUTBOX_STATE_SENT)
    g_task_return_boolean (task, TRUE);
  else if (!g_task_return_error_if_cancelled (task))
    md_outbox_send_entry (self, entry, task);
}

/**
 * md_outbox_send_now_finish:
 * @error: why the entry was not delivered; the entry tells whether it
 *   stays queued or failed
 *
 * Returns: whether the entry is delivered
 */
gboolean
md_outbox_send_now_finish (MdOutbox      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
check_not_sending (MdOutbox       *self,
                   MdOutboxEntry  *entry,
                   GError        **error)
{
  if (g_hash_table_contains (self->sending, entry))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The dossier is being sent right now."));
      return FALSE;
    }

  return TRUE;
}

/**
 * md_outbox_retry:
 *
 * Queues a failed entry again, due now: after the user gave
 * credentials, or when they want to try again without waiting.
 */
gboolean
md_outbox_retry (MdOutbox       *self,
                 MdOutboxEntry  *entry,
                 GError        **error)
{
  g_return_val_if_fail (MD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (entry), FALSE);

  if (md_outbox_entry_get_state (entry) == MD_OUTBOX_STATE_SENT)
    return TRUE;

  if (!check_not_sending (self, entry, error))
    return FALSE;

  md_outbox_entry_set_next_attempt (entry, 0);
  md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_QUEUED);
  if (!md_outbox_files_write_state (self->directory, entry, error))
    return FALSE;

  md_outbox_reschedule (self);
  return TRUE;
}

/**
 * md_outbox_remove:
 *
 * Removes @entry and its files: a sent entry the user has seen, or a
 * queued one they gave up on. An entry being sent cannot be removed.
 */
gboolean
md_outbox_remove (MdOutbox       *self,
                  MdOutboxEntry  *entry,
                  GError        **error)
{
  guint position;

  g_return_val_if_fail (MD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (MD_IS_OUTBOX_ENTRY (entry), FALSE);

  if (!g_ptr_array_find (self->entries, entry, &position))
    return TRUE;

  if (!check_not_sending (self, entry, error) ||
      !md_outbox_files_remove (self->directory, entry, error))
    return FALSE;

  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}
