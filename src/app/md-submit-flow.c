/* md-submit-flow.c
 *
 * What Submit does for one window: save the bundle (when it has a
 * file), put its bytes in the application's outbox for the endpoint set
 * in Preferences, and tell the user how it went. The outbox does the
 * sending and retrying, also after this window closed; the flow only
 * listens: a delivery of the open dossier is recorded in it and saved,
 * a failure of the submission this window started is explained, with
 * Preferences offered when the endpoint wants credentials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include "md-bundle.h"
#include "md-submit-flow.h"

struct _MdSubmitFlow
{
  GObject         parent_instance;

  MdWindow       *window;     /* weak: the window owns the flow */
  MdOutboxButton *button;     /* weak: in the window */
  MdOutbox       *outbox;
  MdOutboxEntry  *entry;      /* the last submission from this window */
  gboolean        told_retry;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (MdSubmitFlow, md_submit_flow, G_TYPE_OBJECT)

/* One press of Submit, until its bytes are in the outbox. */
typedef struct
{
  MdSubmitFlow *self;
  MdEndpoint   *endpoint;
  GBytes       *bundle;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->endpoint);
  g_clear_pointer (&job->bundle, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static MdApplication *
get_application (MdSubmitFlow *self)
{
  GtkApplication *application = self->window ? gtk_window_get_application (GTK_WINDOW (self->window)) : NULL;

  return MD_IS_APPLICATION (application) ? MD_APPLICATION (application) : NULL;
}

static void
show_toast (MdSubmitFlow *self,
            const char   *text)
{
  if (self->window != NULL)
    md_window_add_toast (self->window, adw_toast_new (text));
}

/* "Sending…" stays up briefly and is never dismissed by hand: in
 * libadwaita 1.2, dismissing a toast that is still queued can use it
 * after it was freed. The outcome follows it within two seconds. */
static void
show_sending (MdSubmitFlow *self)
{
  AdwToast *toast;

  if (self->window == NULL)
    return;

  toast = adw_toast_new (_("Sending…"));
  adw_toast_set_timeout (toast, 2);
  md_window_add_toast (self->window, toast);
}

static void
on_dialog_response (AdwMessageDialog *dialog,
                    const char       *response)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "preferences") && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "app.preferences", NULL);
}

static void
show_dialog (MdSubmitFlow *self,
             const char   *heading,
             const char   *body,
             gboolean      offer_preferences)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (offer_preferences)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "preferences", _("Open _Preferences"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preferences");
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
get_receipt_id (MdOutboxEntry *entry)
{
  JsonObject *receipt = md_outbox_entry_get_receipt (entry);
  JsonNode *member = receipt != NULL ? json_object_get_member (receipt, "receipt_id") : NULL;

  /* The receipt is the server's: its members may have any type. */
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

static void
announce_delivery (MdSubmitFlow  *self,
                   MdOutboxEntry *entry)
{
  MdEndpoint *endpoint = md_outbox_entry_get_endpoint (entry);
  g_autofree char *where = md_endpoint_dup_display_name (endpoint);
  const char *receipt_id = get_receipt_id (entry);
  g_autofree char *text = NULL;

  if (md_endpoint_get_kind (endpoint) == MD_ENDPOINT_KIND_FOLDER)
    text = g_strdup_printf (_("Placed in %s for your coordinator"), where);
  else if (receipt_id != NULL)
    text = g_strdup_printf (_("Submitted — receipt %s"), receipt_id);
  else
    text = g_strdup_printf (_("Submitted to %s"), where);

  show_toast (self, text);
}

static void
on_saved_after_delivery (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(MdSubmitFlow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (md_window_save_finish (MD_WINDOW (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  body = g_strdup_printf (_("The receipt is recorded in the open dossier, but the bundle could not be saved: %s"),
                          error->message);
  show_dialog (self, _("Receipt Not Saved"), body, FALSE);
}

/* Any delivery of the open dossier is recorded, also one resumed from
 * an earlier run: the bundle keeps the proof that it was submitted. */
static void
record_delivery (MdSubmitFlow  *self,
                 MdOutboxEntry *entry,
                 MdDossier     *dossier)
{
  g_autoptr(GError) error = NULL;

  if (!md_outbox_entry_record_receipt_in_dossier (entry, dossier, &error))
    {
      show_dialog (self, _("Receipt Not Recorded"), error->message, FALSE);
      return;
    }

  announce_delivery (self, entry);
  /* A read-only file keeps the receipt in the open dossier, unsaved,
   * until the user saves it elsewhere. */
  if (md_window_get_file (self->window) != NULL && !md_window_is_read_only (self->window) &&
      md_dossier_get_modified_since_save (dossier))
    md_window_save_async (self->window, self->cancellable, on_saved_after_delivery, g_object_ref (self));
}

static void
stop_watching (MdSubmitFlow *self)
{
  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
}

static void
on_delivered (MdOutbox      *outbox,
              MdOutboxEntry *entry,
              MdSubmitFlow  *self)
{
  MdDossier *dossier = self->window ? md_window_get_dossier (self->window) : NULL;

  if (entry == self->entry)
    stop_watching (self);

  if (dossier != NULL && g_strcmp0 (md_dossier_get_id (dossier), md_outbox_entry_get_dossier_id (entry)) == 0)
    record_delivery (self, entry, dossier);
}

static const char *
describe_failure (const GError *error)
{
  if (error == NULL || error->domain != MD_SUBMIT_ERROR)
    return _("The Dossier Was Not Submitted");

  switch (error->code)
    {
    case MD_SUBMIT_ERROR_REJECTED:
      return _("The Dossier Was Refused");
    case MD_SUBMIT_ERROR_CREDENTIALS:
      return _("Credentials Needed");
    case MD_SUBMIT_ERROR_TOO_LARGE:
      return _("The Dossier Is Too Large");
    case MD_SUBMIT_ERROR_CONFLICT:
      return _("Another Version Is Already There");
    default:
      return _("The Dossier Was Not Submitted");
    }
}

static char *
format_retry_time (gint64 usec)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return when ? g_date_time_format (when, "%H:%M") : g_strdup ("");
}

/* Only the submission started here is explained here; others are in
 * the outbox popover. A transient failure is told once: the outbox
 * retries on its own. */
static void
on_entry_state (MdSubmitFlow *self)
{
  MdOutboxEntry *entry = self->entry;
  const GError *error = md_outbox_entry_get_error (entry);

  switch (md_outbox_entry_get_state (entry))
    {
    case MD_OUTBOX_STATE_FAILED:
      stop_watching (self);
      show_dialog (self, describe_failure (error), error ? error->message : "",
                   md_outbox_entry_get_needs_credentials (entry));
      break;
    case MD_OUTBOX_STATE_QUEUED:
      if (error != NULL && md_outbox_entry_get_next_attempt (entry) > 0 && !self->told_retry)
        {
          g_autofree char *when = format_retry_time (md_outbox_entry_get_next_attempt (entry));
          g_autofree char *text = g_strdup_printf (_("Queued: will retry at %s"), when);

          self->told_retry = TRUE;
          show_toast (self, text);
        }
      break;
    case MD_OUTBOX_STATE_SENDING:
    case MD_OUTBOX_STATE_SENT:
    default:
      break;
    }
}

static void
watch_entry (MdSubmitFlow  *self,
             MdOutboxEntry *entry)
{
  stop_watching (self);
  g_set_object (&self->entry, entry);
  self->told_retry = FALSE;
  g_signal_connect_swapped (entry, "notify::state", G_CALLBACK (on_entry_state), self);
}

static void
set_outbox (MdSubmitFlow *self,
            MdOutbox     *outbox)
{
  if (self->outbox == outbox)
    return;

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered), self);
  if (self->button != NULL)
    md_outbox_button_set_outbox (self->button, outbox);
}

static void
follow_outbox (MdSubmitFlow *self)
{
  MdApplication *application = get_application (self);
  g_autoptr(MdOutbox) outbox = NULL;

  if (application != NULL)
    g_object_get (application, "outbox", &outbox, NULL);
  set_outbox (self, outbox);
}

static void
on_application_changed (MdSubmitFlow *self)
{
  MdApplication *application = get_application (self);

  if (application != NULL)
    g_signal_connect_object (application, "notify::outbox", G_CALLBACK (follow_outbox), self, G_CONNECT_SWAPPED);
  follow_outbox (self);
}

/* Submitting again brings a waiting or stopped entry forward. */
static void
send_soon (MdSubmitFlow  *self,
           MdOutboxEntry *entry)
{
  MdOutboxState state = md_outbox_entry_get_state (entry);
  g_autoptr(GError) error = NULL;

  if ((state == MD_OUTBOX_STATE_FAILED ||
       (state == MD_OUTBOX_STATE_QUEUED && md_outbox_entry_get_next_attempt (entry) > g_get_real_time ())) &&
      !md_outbox_retry (self->outbox, entry, &error))
    g_message ("Outbox: cannot send %s now: %s", md_outbox_entry_get_id (entry), error->message);
}

static void
on_enqueued (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  MdSubmitFlow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdOutboxEntry) entry = md_outbox_enqueue_finish (MD_OUTBOX (source), result, &error);

  if (entry == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_dialog (self, _("Cannot Submit"), error->message, FALSE);
      return;
    }

  /* The window closed meanwhile: the outbox sends it all the same. */
  if (self->window == NULL)
    return;

  watch_entry (self, entry);
  if (md_outbox_entry_get_state (entry) == MD_OUTBOX_STATE_SENT)
    {
      /* This very bundle went there before: nothing to send. */
      on_delivered (MD_OUTBOX (source), entry, self);
      return;
    }

  show_sending (self);
  send_soon (self, entry);
  md_outbox_start (MD_OUTBOX (source));
}

static void
enqueue (Job *job)
{
  MdSubmitFlow *self = job->self;

  if (self->outbox == NULL)
    {
      job_free (job);
      return;
    }

  md_outbox_enqueue_async (self->outbox, job->bundle, job->endpoint, self->cancellable, on_enqueued, job);
}

static void
on_saved_before_submit (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (md_window_save_finish (MD_WINDOW (source), result, &error))
    {
      enqueue (g_steal_pointer (&job));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  body = g_strdup_printf (_("The bundle could not be saved, so it was not submitted: %s"), error->message);
  show_dialog (job->self, _("Cannot Submit"), body, FALSE);
}

static void
md_submit_flow_dispose (GObject *object)
{
  MdSubmitFlow *self = MD_SUBMIT_FLOW (object);

  g_cancellable_cancel (self->cancellable);
  stop_watching (self);
  set_outbox (self, NULL);
  g_clear_object (&self->entry);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->button);

  G_OBJECT_CLASS (md_submit_flow_parent_class)->dispose (object);
}

static void
md_submit_flow_finalize (GObject *object)
{
  MdSubmitFlow *self = MD_SUBMIT_FLOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (md_submit_flow_parent_class)->finalize (object);
}

static void
md_submit_flow_class_init (MdSubmitFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_submit_flow_dispose;
  object_class->finalize = md_submit_flow_finalize;
}

static void
md_submit_flow_init (MdSubmitFlow *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * md_submit_flow_new:
 * @button: the window's outbox button, kept showing the outbox
 *
 * Returns: (transfer full): the flow; the window owns it and disposes
 *   it when it goes
 */
MdSubmitFlow *
md_submit_flow_new (MdWindow       *window,
                    MdOutboxButton *button)
{
  MdSubmitFlow *self;

  g_return_val_if_fail (MD_IS_WINDOW (window), NULL);
  g_return_val_if_fail (MD_IS_OUTBOX_BUTTON (button), NULL);

  self = g_object_new (MD_TYPE_SUBMIT_FLOW, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->button, button);
  g_signal_connect_object (window, "notify::application", G_CALLBACK (on_application_changed),
                           self, G_CONNECT_SWAPPED);
  on_application_changed (self);
  return self;
}

/**
 * md_submit_flow_can_submit:
 *
 * Returns: whether the window belongs to the application, whose outbox
 *   submissions go through
 */
gboolean
md_submit_flow_can_submit (MdSubmitFlow *self)
{
  g_return_val_if_fail (MD_IS_SUBMIT_FLOW (self), FALSE);

  return get_application (self) != NULL;
}

/**
 * md_submit_flow_submit:
 *
 * Saves the open dossier if it has a file, then queues its bundle for
 * the endpoint set in Preferences and starts sending. Explains in a
 * dialog why it cannot, e.g. when the address is refused.
 */
void
md_submit_flow_submit (MdSubmitFlow *self)
{
  MdApplication *application;
  MdDossier *dossier;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = NULL;
  Job *job;

  g_return_if_fail (MD_IS_SUBMIT_FLOW (self));

  application = get_application (self);
  dossier = self->window ? md_window_get_dossier (self->window) : NULL;
  if (application == NULL || dossier == NULL)
    return;

  endpoint = md_application_dup_endpoint (application, &error);
  if (endpoint == NULL)
    {
      show_dialog (self, _("Cannot Submit"), error->message, TRUE);
      return;
    }

  set_outbox (self, md_application_get_outbox (application));
  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->endpoint = g_steal_pointer (&endpoint);
  job->bundle = md_bundle_serialize (dossier);

  /* What is sent is what the window shows; a read-only file is sent as
   * it is open, like a dossier never saved. */
  if (md_window_get_file (self->window) != NULL && !md_window_is_read_only (self->window))
    md_window_save_async (self->window, self->cancellable, on_saved_before_submit, job);
  else
    enqueue (job);
}

/**
 * md_submit_flow_get_entry:
 *
 * Returns: (transfer none) (nullable): the outbox entry of the last
 *   submission from this window
 */
MdOutboxEntry *
md_submit_flow_get_entry (MdSubmitFlow *self)
{
  g_return_val_if_fail (MD_IS_SUBMIT_FLOW (self), NULL);

  return self->entry;
}
