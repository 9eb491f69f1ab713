/* md-outbox-send.c: one attempt to send an outbox entry, start to end
 *
 * begin_send() marks the entry "sending" on disk, then the bundle is
 * read, the secret looked up and the submitter called; the outcome
 * moves the entry to "sent", back to "queued" (transient failures, with
 * the next attempt scheduled) or to "failed". Callers of
 * md_outbox_send_now_async() wait on the attempt as "waiters"; several
 * can wait on one attempt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-outbox-entry-private.h"
#include "md-outbox-private.h"

/* Never retry sooner than this, whatever the server said. */
#define MIN_RETRY_DELAY  G_USEC_PER_SEC

typedef struct
{
  GTask  *task;
  gulong  handler;
} Waiter;

typedef struct
{
  MdOutbox      *outbox;
  MdOutboxEntry *entry;
  GCancellable  *cancellable;
  GArray        *waiters;
  GBytes        *bundle;
} Send;

static void
on_waiter_cancelled (GCancellable *cancellable,
                     Send         *send)
{
  g_cancellable_cancel (send->cancellable);
}

static void
add_waiter (Send  *send,
            GTask *task)
{
  Waiter waiter = { g_object_ref (task), 0 };
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    waiter.handler = g_cancellable_connect (cancellable, G_CALLBACK (on_waiter_cancelled), send, NULL);
  g_array_append_val (send->waiters, waiter);
}

static void
complete_waiters (Send         *send,
                  const GError *error)
{
  for (guint i = 0; i < send->waiters->len; i++)
    {
      Waiter *waiter = &g_array_index (send->waiters, Waiter, i);

      g_cancellable_disconnect (g_task_get_cancellable (waiter->task), waiter->handler);
      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_boolean (waiter->task, TRUE);
      g_object_unref (waiter->task);
    }
}

static void
finish_send (Send         *send,
             const GError *error)
{
  g_autoptr(MdOutbox) self = send->outbox;
  g_autoptr(MdOutboxEntry) entry = send->entry;

  g_hash_table_remove (self->sending, entry);
  if (error == NULL)
    md_outbox_emit_delivered (self, entry);

  complete_waiters (send, error);
  g_clear_object (&send->cancellable);
  g_clear_pointer (&send->waiters, g_array_unref);
  g_clear_pointer (&send->bundle, g_bytes_unref);
  g_free (send);

  md_outbox_reschedule (self);
}

static gint64
compute_next_attempt (MdOutbox *self,
                      guint     attempts,
                      gint64    retry_at)
{
  gint64 now = g_get_real_time ();

  if (retry_at > 0)
    return MAX (retry_at, now + MIN_RETRY_DELAY);

  return now + md_backoff_get_delay (self->backoff, MAX (attempts, 1));
}

static void
conclude_delivered (Send       *send,
                    JsonObject *receipt,
                    gboolean    already_delivered)
{
  MdOutbox *self = send->outbox;
  MdOutboxEntry *entry = send->entry;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GFile) bundle = md_outbox_files_get_bundle (self->directory, entry);

  md_outbox_entry_set_receipt (entry, receipt, now, already_delivered);
  md_outbox_entry_set_error (entry, NULL);
  md_outbox_entry_set_progress (entry, 1.0);
  md_outbox_entry_set_next_attempt (entry, 0);
  md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_SENT);
  md_outbox_save_state (self, entry);

  /* The outbox copy is no longer needed; the user has the original. */
  g_file_delete (bundle, NULL, NULL);
  finish_send (send, NULL);
}

static void
conclude_failed (Send   *send,
                 GError *error,
                 gint64  retry_at)
{
  MdOutbox *self = send->outbox;
  MdOutboxEntry *entry = send->entry;
  guint attempts = md_outbox_entry_get_attempts (entry);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopping is not the endpoint's fault: it does not count. */
      md_outbox_entry_set_attempts (entry, attempts > 0 ? attempts - 1 : 0);
      md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_QUEUED);
    }
  else if (md_submit_error_is_transient (error))
    {
      md_outbox_entry_set_error (entry, error);
      md_outbox_entry_set_next_attempt (entry, compute_next_attempt (self, attempts, retry_at));
      md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_QUEUED);
    }
  else
    {
      md_outbox_entry_set_error (entry, error);
      md_outbox_entry_set_next_attempt (entry, 0);
      md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_FAILED);
    }

  md_outbox_entry_set_progress (entry, 0.0);
  md_outbox_save_state (self, entry);
  g_debug ("Outbox: attempt %u for %s failed: %s", attempts, md_outbox_entry_get_id (entry), error->message);
  finish_send (send, error);
  g_error_free (error);
}

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Send *send = user_data;
  g_autoptr(JsonObject) receipt = NULL;
  GError *error = NULL;
  gboolean already_delivered = FALSE;
  gint64 retry_at = 0;

  receipt = md_submitter_submit_finish (MD_SUBMITTER (source), result, &already_delivered,
                                        &retry_at, &error);
  if (receipt != NULL)
    conclude_delivered (send, receipt, already_delivered);
  else
    conclude_failed (send, error, retry_at);
}

static void
report_progress_cb (goffset  sent,
                    goffset  total,
                    gpointer user_data)
{
  Send *send = user_data;

  md_outbox_entry_set_progress (send->entry, total > 0 ? (double) sent / total : 1.0);
}

static void
submit (Send       *send,
        const char *secret)
{
  MdOutboxEntry *entry = send->entry;

  md_submitter_submit_async (send->outbox->submitter, md_outbox_entry_get_endpoint (entry), secret,
                             md_outbox_entry_get_dossier_id (entry), md_outbox_entry_get_digest (entry),
                             send->bundle, report_progress_cb, send, send->cancellable, submitted_cb, send);
}

/* A keyring that cannot be read is not fatal: the endpoint may not
 * need credentials, and if it does, it says so. */
static void
secret_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Send *send = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  secret = md_secret_store_lookup_finish (MD_SECRET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      conclude_failed (send, g_steal_pointer (&error), 0);
      return;
    }
  if (error != NULL)
    g_debug ("Outbox: no secret for %s: %s",
             md_endpoint_get_uri (md_outbox_entry_get_endpoint (send->entry)), error->message);

  submit (send, secret);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
}

static void
bundle_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Send *send = user_data;
  MdEndpoint *endpoint = md_outbox_entry_get_endpoint (send->entry);
  GError *error = NULL;

  send->bundle = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (send->bundle == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GError *missing = g_error_new (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_INVALID_BUNDLE,
                                     _("The outbox copy of the dossier cannot be read: %s"),
                                     error->message);

      g_error_free (error);
      error = missing;
    }

  if (send->bundle == NULL)
    conclude_failed (send, error, 0);
  else if (md_endpoint_get_kind (endpoint) == MD_ENDPOINT_KIND_FOLDER ||
           send->outbox->secrets == NULL)
    submit (send, NULL);
  else
    md_secret_store_lookup_async (send->outbox->secrets, md_endpoint_get_uri (endpoint),
                                  md_endpoint_get_user (endpoint), send->cancellable,
                                  secret_cb, send);
}

/* "sending" reaches the disk before the request starts; see the top
 * of this file. */
static void
begin_send (Send *send)
{
  MdOutbox *self = send->outbox;
  MdOutboxEntry *entry = send->entry;
  g_autoptr(GFile) bundle = md_outbox_files_get_bundle (self->directory, entry);
  GError *error = NULL;

  md_outbox_entry_set_attempts (entry, md_outbox_entry_get_attempts (entry) + 1);
  /* Addresses and ids only: secrets are looked up later and never logged. */
  g_debug ("Outbox: sending %s to %s, attempt %u", md_outbox_entry_get_id (entry),
           md_endpoint_get_uri (md_outbox_entry_get_endpoint (entry)), md_outbox_entry_get_attempts (entry));
  md_outbox_entry_set_progress (entry, 0.0);
  md_outbox_entry_set_state (entry, MD_OUTBOX_STATE_SENDING);
  if (!md_outbox_files_write_state (self->directory, entry, &error))
    {
      GError *local = g_error_new (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_LOCAL, "%s", error->message);

      g_error_free (error);
      conclude_failed (send, local, 0);
      return;
    }

  g_file_load_bytes_async (bundle, send->cancellable, bundle_loaded_cb, send);
}

/**
 * md_outbox_send_entry: (skip)
 * @waiter: (nullable): a task to complete when the attempt is over
 *
 * Starts an attempt for @entry, or joins the one in progress.
 */
void
md_outbox_send_entry (MdOutbox      *self,
                      MdOutboxEntry *entry,
                      GTask         *waiter)
{
  Send *send = g_hash_table_lookup (self->sending, entry);
  gboolean start = send == NULL;

  if (start)
    {
      send = g_new0 (Send, 1);
      send->outbox = g_object_ref (self);
      send->entry = g_object_ref (entry);
      send->cancellable = g_cancellable_new ();
      send->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));
      g_hash_table_insert (self->sending, entry, send);
    }

  if (waiter != NULL)
    add_waiter (send, waiter);
  if (start)
    begin_send (send);
}

/**
 * md_outbox_cancel_sends: (skip)
 *
 * Cancels every attempt in progress; they end as queued.
 */
void
md_outbox_cancel_sends (MdOutbox *self)
{
  GHashTableIter iter;
  Send *send;

  g_hash_table_iter_init (&iter, self->sending);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &send))
    g_cancellable_cancel (send->cancellable);
}
