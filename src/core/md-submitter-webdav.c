/* md-submitter-webdav.c: delivery into a WebDAV drop folder
 *
 * The bundle is PUT as "<folder>/<id>.json" with "If-None-Match: *", so
 * a server that honours the precondition (Apache mod_dav, Nextcloud,
 * ownCloud) never replaces a file that is already there: it answers 412.
 * nginx's DAV module ignores that header on PUT and would overwrite, so
 * the file is looked for first; on an upload-only share, where it
 * cannot be read back, the precondition is all there is.
 *
 * A file that is already there is a delivery when it is this very
 * bundle (or cannot be read to tell). When it is another version of the
 * dossier, the submission fails with MD_SUBMIT_ERROR_CONFLICT instead
 * of passing for delivered: the coordinator would not have the changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-submitter-private.h"

typedef enum
{
  COPY_ABSENT,
  COPY_SAME,
  COPY_DIFFERENT,
  COPY_UNKNOWN,
} CopyState;

static void
start_lookup (MdSubmitter         *self,
              GTask               *task,
              GAsyncReadyCallback  callback)
{
  MdSubmission *submission = g_task_get_task_data (task);
  SoupMessage *message = md_submitter_new_message (self, submission, SOUP_METHOD_GET);

  g_object_set_data_full (G_OBJECT (task), "message", message, g_object_unref);
  md_submitter_exchange_async (self, submission, message, g_bytes_get_size (submission->bundle),
                               g_task_get_cancellable (task), callback, g_object_ref (task));
}

static CopyState
compare_copy (MdSubmission *submission,
              SoupMessage  *message,
              GBytes       *body,
              gboolean      truncated)
{
  guint status = soup_message_get_status (message);

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    return COPY_ABSENT;

  if (status != SOUP_STATUS_OK)
    return COPY_UNKNOWN;

  return !truncated && g_bytes_equal (body, submission->bundle) ? COPY_SAME : COPY_DIFFERENT;
}

static void
return_conflict (GTask *task)
{
  g_task_return_new_error (task, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT,
                           _("A different version of this dossier is already in the drop folder. It was not replaced: ask the coordinator to remove the old one, then submit again."));
}

static void
return_already_delivered (GTask    *task,
                          guint     status,
                          gboolean  verified)
{
  MdSubmission *submission = g_task_get_task_data (task);
  JsonObject *receipt;

  submission->already_delivered = TRUE;
  receipt = md_submission_new_local_receipt (submission, status);
  json_object_set_boolean_member (receipt, "verified", verified);
  g_task_return_pointer (task, receipt, (GDestroyNotify) json_object_unref);
}

/* Reads the existing file back after a 412. If it cannot be read (an
 * upload-only share), the server's word that it exists is taken. */
static void
recheck_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MdSubmission *submission = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_object_steal_data (G_OBJECT (task), "message");
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  gboolean truncated = FALSE;

  body = md_submitter_exchange_finish (MD_SUBMITTER (source), result, &truncated, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (compare_copy (submission, message, body, truncated))
    {
    case COPY_DIFFERENT:
      return_conflict (task);
      break;
    case COPY_SAME:
      return_already_delivered (task, SOUP_STATUS_PRECONDITION_FAILED, TRUE);
      break;
    case COPY_ABSENT:
    case COPY_UNKNOWN:
    default:
      return_already_delivered (task, SOUP_STATUS_PRECONDITION_FAILED, FALSE);
      break;
    }
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MdSubmitter *self = MD_SUBMITTER (source);
  MdSubmission *submission = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_object_steal_data (G_OBJECT (task), "message");
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status;

  body = md_submitter_exchange_finish (self, result, NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    start_lookup (self, task, recheck_cb);
  else if (SOUP_STATUS_IS_SUCCESSFUL (status))
    g_task_return_pointer (task, md_submission_new_local_receipt (submission, status),
                           (GDestroyNotify) json_object_unref);
  else if (status == SOUP_STATUS_CONFLICT)
    g_task_return_new_error (task, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_REJECTED,
                             _("The drop folder %s does not exist on the server."),
                             md_endpoint_get_uri (submission->endpoint));
  else
    {
      md_submission_set_failure (submission, message, body, &error);
      g_task_return_error (task, error);
    }
}

static void
start_put (MdSubmitter *self,
           GTask       *task)
{
  MdSubmission *submission = g_task_get_task_data (task);
  SoupMessage *message = md_submitter_new_message (self, submission, SOUP_METHOD_PUT);

  soup_message_headers_replace (soup_message_get_request_headers (message), "If-None-Match", "*");
  md_submitter_attach_body (self, submission, message);
  g_object_set_data_full (G_OBJECT (task), "message", message, g_object_unref);
  md_submitter_exchange_async (self, submission, message, MD_SUBMIT_MAX_RESPONSE,
                               g_task_get_cancellable (task), put_cb, g_object_ref (task));
}

static void
lookup_before_put_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MdSubmitter *self = MD_SUBMITTER (source);
  MdSubmission *submission = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_object_steal_data (G_OBJECT (task), "message");
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  gboolean truncated = FALSE;
  guint status;

  body = md_submitter_exchange_finish (self, result, &truncated, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Wrong credentials and an unwell server show already here; other
   * refusals to read (403, 405) are normal on upload-only shares. */
  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_UNAUTHORIZED || status >= 500 ||
      status == HTTP_TOO_MANY_REQUESTS)
    {
      md_submission_set_failure (submission, message, body, &error);
      g_task_return_error (task, error);
      return;
    }

  switch (compare_copy (submission, message, body, truncated))
    {
    case COPY_DIFFERENT:
      return_conflict (task);
      break;
    case COPY_SAME:
      return_already_delivered (task, status, TRUE);
      break;
    case COPY_ABSENT:
    case COPY_UNKNOWN:
    default:
      start_put (self, task);
      break;
    }
}

/**
 * md_submitter_webdav_submit: (skip)
 */
void
md_submitter_webdav_submit (MdSubmitter *self,
                            GTask       *task)
{
  start_lookup (self, task, lookup_before_put_cb);
}
