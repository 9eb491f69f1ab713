/* md-submitter-http.c: delivery to the HTTP intake API
 *
 * POST the bundle with its Idempotency-Key; a JSON receipt comes back.
 * A 409 naming the same key means the intake stored this bundle
 * before (an earlier answer was lost): that is a delivery, not a
 * failure, and nothing is stored twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-submitter-private.h"

/* A 409 is "already received" only when the server names our key:
 * otherwise it is some other conflict, such as a different version of
 * the same dossier, which must not pass for a delivery. */
static gboolean
conflict_is_same_key (MdSubmission *submission,
                      SoupMessage  *message,
                      JsonObject   *body)
{
  const char *echoed =
    soup_message_headers_get_one (soup_message_get_response_headers (message), "Idempotency-Key");
  JsonNode *named = body ? json_object_get_member (body, "idempotency_key") : NULL;

  if (g_strcmp0 (echoed, submission->key) == 0)
    return TRUE;

  /* Not json_object_get_string_member_with_default(): it warns when the
   * server sends something other than a string. */
  return named != NULL && json_node_get_value_type (named) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (named), submission->key) == 0;
}

static gboolean
is_problem (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                            NULL);

  return g_strcmp0 (type, "application/problem+json") == 0;
}

/* A receipt is what the server sent if it is a JSON object, else one
 * made here: the delivery happened either way. */
static JsonObject *
take_receipt (MdSubmission *submission,
              SoupMessage  *message,
              JsonObject   *body)
{
  if (body != NULL && !is_problem (message))
    return json_object_ref (body);

  return md_submission_new_local_receipt (submission, soup_message_get_status (message));
}

static void
http_response_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MdSubmitter *self = MD_SUBMITTER (source);
  MdSubmission *submission = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_object_steal_data (G_OBJECT (task), "message");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  GError *error = NULL;
  guint status;

  body = md_submitter_exchange_finish (self, result, NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  status = soup_message_get_status (message);
  object = md_submission_parse_json_object (body, message);
  if (status == SOUP_STATUS_CONFLICT && conflict_is_same_key (submission, message, object))
    submission->already_delivered = TRUE;
  else if (status == SOUP_STATUS_CONFLICT)
    {
      g_autofree char *why = md_submission_describe_answer (body, message);

      g_task_return_new_error (task, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT,
                               _("The endpoint already holds something else under this dossier’s id: %s"),
                               why);
      return;
    }
  else if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      md_submission_set_failure (submission, message, body, &error);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, take_receipt (submission, message, object),
                         (GDestroyNotify) json_object_unref);
}

/**
 * md_submitter_http_submit: (skip)
 */
void
md_submitter_http_submit (MdSubmitter *self,
                          GTask       *task)
{
  MdSubmission *submission = g_task_get_task_data (task);
  SoupMessage *message = md_submitter_new_message (self, submission, SOUP_METHOD_POST);

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Idempotency-Key", submission->key);
  md_submitter_attach_body (self, submission, message);
  g_object_set_data_full (G_OBJECT (task), "message", message, g_object_unref);
  md_submitter_exchange_async (self, submission, message, MD_SUBMIT_MAX_RESPONSE,
                               g_task_get_cancellable (task), http_response_cb, g_object_ref (task));
}
