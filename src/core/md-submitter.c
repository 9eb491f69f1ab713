/* md-submitter.c
 *
 * One attempt to deliver one bundle, over the transport the endpoint
 * asks for: the HTTP intake API (md-submitter-http.c), a WebDAV drop
 * folder (md-submitter-webdav.c) or a local folder
 * (md-submitter-folder.c); md-submitter-answer.c interprets what comes
 * back. This file holds the session and the request plumbing.
 * The submitter does not retry: it says whether a failure is worth
 * retrying and, when the server said so, when. Retrying, persistence
 * and scheduling belong to MdOutbox.
 *
 * Every attempt carries the same Idempotency-Key, "<id>:<digest>", so
 * that a retry after a lost answer cannot store the dossier twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-submitter-private.h"

#define USER_AGENT "mobility-dossier/" PACKAGE_VERSION " "

struct _MdSubmitter
{
  GObject      parent_instance;

  SoupSession *session;          /* for the network, through proxies */
  SoupSession *loopback_session; /* never through a proxy */
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (MdSubmitter, md_submitter, G_TYPE_OBJECT)

G_DEFINE_QUARK (md-submit-error-quark, md_submit_error)

enum {
  PROP_0,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
md_submitter_dispose (GObject *object)
{
  MdSubmitter *self = (MdSubmitter *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->loopback_session);

  G_OBJECT_CLASS (md_submitter_parent_class)->dispose (object);
}

static void
md_submitter_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MdSubmitter *self = MD_SUBMITTER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_submitter_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MdSubmitter *self = MD_SUBMITTER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      md_submitter_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_submitter_class_init (MdSubmitterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_submitter_dispose;
  object_class->get_property = md_submitter_get_property;
  object_class->set_property = md_submitter_set_property;

  /**
   * MdSubmitter:timeout:
   *
   * Seconds without progress after which an attempt is given up (and
   * retried later). It bounds each wait, not the whole upload, so a
   * large bundle on a slow line still gets through.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, MD_SUBMIT_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_submitter_init (MdSubmitter *self)
{
  self->timeout = MD_SUBMIT_DEFAULT_TIMEOUT;
}

MdSubmitter *
md_submitter_new (void)
{
  return g_object_new (MD_TYPE_SUBMITTER, NULL);
}

guint
md_submitter_get_timeout (MdSubmitter *self)
{
  g_return_val_if_fail (MD_IS_SUBMITTER (self), 0);

  return self->timeout;
}

void
md_submitter_set_timeout (MdSubmitter *self,
                          guint        seconds)
{
  g_return_if_fail (MD_IS_SUBMITTER (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  if (self->loopback_session != NULL)
    soup_session_set_timeout (self->loopback_session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/* A proxy cannot reach this computer's loopback interface, so loopback
 * endpoints get a session that never uses one. */
static SoupSession *
get_session (MdSubmitter *self,
             MdEndpoint  *endpoint)
{
  SoupSession **session = md_endpoint_is_loopback (endpoint) ? &self->loopback_session
                                                              : &self->session;

  if (*session == NULL)
    {
      *session = soup_session_new ();
      soup_session_set_user_agent (*session, USER_AGENT);
      soup_session_set_timeout (*session, self->timeout);
      if (md_endpoint_is_loopback (endpoint))
        soup_session_set_proxy_resolver (*session, NULL);
    }

  return *session;
}

/**
 * md_submit_error_is_transient:
 *
 * Returns: whether trying again later may succeed without the user
 *   changing anything
 */
gboolean
md_submit_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != MD_SUBMIT_ERROR)
    return FALSE;

  switch ((MdSubmitError) error->code)
    {
    case MD_SUBMIT_ERROR_RETRY_LATER:
    case MD_SUBMIT_ERROR_SERVER:
    case MD_SUBMIT_ERROR_TIMED_OUT:
    case MD_SUBMIT_ERROR_NETWORK:
    case MD_SUBMIT_ERROR_LOCAL:
      return TRUE;
    case MD_SUBMIT_ERROR_INVALID_BUNDLE:
    case MD_SUBMIT_ERROR_REJECTED:
    case MD_SUBMIT_ERROR_CREDENTIALS:
    case MD_SUBMIT_ERROR_TOO_LARGE:
    case MD_SUBMIT_ERROR_CONFLICT:
    case MD_SUBMIT_ERROR_PROTOCOL:
    default:
      return FALSE;
    }
}

/**
 * md_submit_make_idempotency_key:
 * @digest: the bundle's integrity digest (md_bundle_compute_digest())
 *
 * Returns: (transfer full): "<id>:<digest>"
 */
char *
md_submit_make_idempotency_key (const char *dossier_id,
                                const char *digest)
{
  return g_strconcat (dossier_id, ":", digest, NULL);
}

static void
submission_free (gpointer data)
{
  MdSubmission *submission = data;

  g_clear_object (&submission->endpoint);
  if (submission->secret != NULL)
    memset (submission->secret, 0, strlen (submission->secret));
  g_clear_pointer (&submission->secret, g_free);
  g_clear_pointer (&submission->dossier_id, g_free);
  g_clear_pointer (&submission->digest, g_free);
  g_clear_pointer (&submission->key, g_free);
  g_clear_pointer (&submission->target, g_free);
  g_clear_pointer (&submission->bundle, g_bytes_unref);
  g_free (submission);
}

void
md_submission_report_progress (MdSubmission *submission)
{
  if (submission->progress != NULL)
    submission->progress (submission->sent, g_bytes_get_size (submission->bundle),
                          submission->progress_data);
}

static void
add_credentials (MdSubmission       *submission,
                 SoupMessageHeaders *headers)
{
  const char *user = md_endpoint_get_user (submission->endpoint);
  const char *secret = submission->secret;
  g_autofree char *value = NULL;

  if (user != NULL)
    {
      g_autofree char *pair = g_strconcat (user, ":", secret ? secret : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      value = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
    }
  else if (secret != NULL)
    value = g_strconcat ("Bearer ", secret, NULL);
  else
    return;

  soup_message_headers_replace (headers, "Authorization", value);
  memset (value, 0, strlen (value));
  submission->sent_credentials = TRUE;
}

/**
 * md_submitter_new_message: (skip)
 *
 * A request to the submission's target with its credentials. Redirects
 * are not followed: they could lead the bundle somewhere the user did
 * not choose, or from https to http.
 */
SoupMessage *
md_submitter_new_message (MdSubmitter  *self,
                          MdSubmission *submission,
                          const char   *method)
{
  SoupMessage *message = soup_message_new (method, submission->target);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (headers, "Accept", "application/json, application/problem+json");
  add_credentials (submission, headers);
  return message;
}

static void
on_message_wrote_body_data (SoupMessage  *message,
                            guint         chunk_size,
                            MdSubmission *submission)
{
  submission->sent += chunk_size;
  md_submission_report_progress (submission);
}

static void
on_message_restarted (SoupMessage  *message,
                      MdSubmission *submission)
{
  submission->sent = 0;
  md_submission_report_progress (submission);
}

/**
 * md_submitter_attach_body: (skip)
 *
 * Sends the bundle as the request body and reports upload progress.
 */
void
md_submitter_attach_body (MdSubmitter  *self,
                          MdSubmission *submission,
                          SoupMessage  *message)
{
  soup_message_set_request_body_from_bytes (message, "application/json", submission->bundle);
  submission->sent = 0;
  g_signal_connect (message, "wrote-body-data", G_CALLBACK (on_message_wrote_body_data), submission);
  g_signal_connect (message, "restarted", G_CALLBACK (on_message_restarted), submission);
}

/* Failures below HTTP: the server could not be reached, the
 * connection broke, or it took too long. All are worth retrying. */
static GError *
wrap_transfer_error (GError *error)
{
  GError *wrapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    wrapped = g_error_new (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_TIMED_OUT,
                           _("The endpoint did not answer in time."));
  /* Never accepted anyway: the dossier must not go to an impostor. */
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    wrapped = g_error_new (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_NETWORK,
                           _("The endpoint’s security certificate is not valid or not trusted (%s), so the dossier was not sent. Check the address, or ask the institution to fix its certificate."),
                           error->message);
  else
    wrapped = g_error_new (MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_NETWORK,
                           _("Could not reach the endpoint: %s"), error->message);

  g_error_free (error);
  return wrapped;
}

typedef struct
{
  SoupMessage  *message;
  guint8       *buffer;
  gsize         limit;
  gboolean      truncated;
} Exchange;

static void
exchange_free (gpointer data)
{
  Exchange *exchange = data;

  g_clear_object (&exchange->message);
  g_clear_pointer (&exchange->buffer, g_free);
  g_free (exchange);
}

static void
exchange_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  GError *error = NULL;
  gsize n_read = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &n_read, &error))
    {
      g_task_return_error (task, wrap_transfer_error (error));
      return;
    }

  exchange->truncated = n_read > exchange->limit;
  g_task_return_pointer (task, g_bytes_new (exchange->buffer, MIN (n_read, exchange->limit)),
                         (GDestroyNotify) g_bytes_unref);
}

static void
exchange_sent_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  GError *error = NULL;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, wrap_transfer_error (error));
      return;
    }

  /* Only a successful answer may be as large as the bundle (a copy
   * read back from a drop folder); anything else is a short document. */
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (exchange->message)))
    exchange->limit = MIN (exchange->limit, MD_SUBMIT_MAX_RESPONSE);

  exchange->buffer = g_malloc (exchange->limit + 1);
  g_input_stream_read_all_async (stream, exchange->buffer, exchange->limit + 1, G_PRIORITY_DEFAULT,
                                 g_task_get_cancellable (task), exchange_read_cb,
                                 g_object_ref (task));
}

/**
 * md_submitter_exchange_async: (skip)
 * @limit: the most bytes of the answer's body to keep
 *
 * Sends @message and reads at most @limit bytes of its answer.
 */
void
md_submitter_exchange_async (MdSubmitter         *self,
                             MdSubmission        *submission,
                             SoupMessage         *message,
                             gsize                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Exchange *exchange = g_new0 (Exchange, 1);

  exchange->message = g_object_ref (message);
  exchange->limit = limit;
  g_task_set_source_tag (task, md_submitter_exchange_async);
  g_task_set_task_data (task, exchange, exchange_free);

  soup_session_send_async (get_session (self, submission->endpoint), message, G_PRIORITY_DEFAULT,
                           cancellable, exchange_sent_cb, g_steal_pointer (&task));
}

/**
 * md_submitter_exchange_finish: (skip)
 * @truncated: (out): whether the body was longer than the limit
 *
 * Returns: (transfer full): the body of the answer
 */
GBytes *
md_submitter_exchange_finish (MdSubmitter   *self,
                              GAsyncResult  *result,
                              gboolean      *truncated,
                              GError       **error)
{
  Exchange *exchange = g_task_get_task_data (G_TASK (result));

  if (truncated != NULL)
    *truncated = exchange->truncated;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
is_digest (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c))
      return FALSE;

  return TRUE;
}

/* Ids become file names on the server, and secrets become headers:
 * neither may smuggle anything else in. */
static gboolean
check_submission (MdSubmission  *submission,
                  GError       **error)
{
  if (!g_uuid_string_is_valid (submission->dossier_id) || !is_digest (submission->digest))
    {
      g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_INVALID_BUNDLE,
                   _("The bundle has no valid id or digest, so it cannot be submitted. Open and save it in Mobility Dossier first."));
      return FALSE;
    }

  for (const char *c = submission->secret; c != NULL && *c != '\0'; c++)
    if (g_ascii_iscntrl (*c))
      {
        g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS,
                     _("The password or token contains a line break or another control character."));
        return FALSE;
      }

  return TRUE;
}

/**
 * md_submitter_submit_async:
 * @endpoint: where to
 * @secret: (nullable): the password (with the endpoint's user) or the
 *   bearer token (without one)
 * @dossier_id: the bundle's id, a UUID
 * @digest: its integrity digest, 64 hexadecimal digits
 * @bundle: the bundle's bytes, sent unchanged
 * @progress: (nullable) (scope call): told how much of @bundle was sent
 *
 * Makes one attempt to deliver @bundle.
 */
void
md_submitter_submit_async (MdSubmitter          *self,
                           MdEndpoint           *endpoint,
                           const char           *secret,
                           const char           *dossier_id,
                           const char           *digest,
                           GBytes               *bundle,
                           MdSubmitProgressFunc  progress,
                           gpointer              progress_data,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  MdSubmission *submission;

  g_return_if_fail (MD_IS_SUBMITTER (self));
  g_return_if_fail (MD_IS_ENDPOINT (endpoint));
  g_return_if_fail (dossier_id != NULL && digest != NULL && bundle != NULL);

  submission = g_new0 (MdSubmission, 1);
  submission->endpoint = g_object_ref (endpoint);
  submission->secret = g_strdup (secret);
  submission->dossier_id = g_strdup (dossier_id);
  submission->digest = g_strdup (digest);
  submission->key = md_submit_make_idempotency_key (dossier_id, digest);
  submission->bundle = g_bytes_ref (bundle);
  submission->progress = progress;
  submission->progress_data = progress_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_submitter_submit_async);
  g_task_set_task_data (task, submission, submission_free);

  if (!check_submission (submission, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  submission->target = md_endpoint_dup_target_uri (endpoint, dossier_id);
  switch (md_endpoint_get_kind (endpoint))
    {
    case MD_ENDPOINT_KIND_WEBDAV:
      md_submitter_webdav_submit (self, task);
      break;
    case MD_ENDPOINT_KIND_FOLDER:
      md_submitter_folder_submit (self, task);
      break;
    case MD_ENDPOINT_KIND_HTTP:
    default:
      md_submitter_http_submit (self, task);
      break;
    }
}

/**
 * md_submitter_submit_finish:
 * @already_delivered: (out) (optional): whether the endpoint already
 *   had this very bundle, so nothing new was stored
 * @retry_at: (out) (optional): on a failure, when the server asked to
 *   be tried again (g_get_real_time() units), or 0
 * @error: %MD_SUBMIT_ERROR; md_submit_error_is_transient() tells
 *   whether to retry
 *
 * Returns: (transfer full) (nullable): the receipt, or %NULL on failure
 */
JsonObject *
md_submitter_submit_finish (MdSubmitter   *self,
                            GAsyncResult  *result,
                            gboolean      *already_delivered,
                            gint64        *retry_at,
                            GError       **error)
{
  MdSubmission *submission;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  submission = g_task_get_task_data (G_TASK (result));
  if (already_delivered != NULL)
    *already_delivered = submission->already_delivered;
  if (retry_at != NULL)
    *retry_at = submission->retry_at;

  return g_task_propagate_pointer (G_TASK (result), error);
}
