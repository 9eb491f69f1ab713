/* md-submitter-answer.c: what an endpoint's answer means
 *
 * Shared by the transports: receipts, RFC 9457 problem documents, the
 * Retry-After header, and the status codes every transport treats
 * alike (credentials, size, busy or failing servers, redirects).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-dossier-schema.h"
#include "md-json-text.h"
#include "md-submitter-private.h"

#define MAX_PROBLEM_TEXT 1000

/* Receipts and problem documents are flat. A receipt is kept in the
 * bundle at submissions[].receipt, so a deep one would make the saved
 * bundle nest deeper than MD_BUNDLE_MAX_DEPTH and refuse to open. */
#define MAX_ANSWER_DEPTH 16

/**
 * md_submit_parse_retry_after:
 * @value: a Retry-After header: delay-seconds or an HTTP-date
 * @now: the current time, as g_get_real_time()
 * @retry_at: (out): when to try again, never before @now nor later than
 *   %MD_SUBMIT_MAX_RETRY_AFTER after it
 *
 * Returns: whether @value could be understood
 */
gboolean
md_submit_parse_retry_after (const char *value,
                             gint64      now,
                             gint64     *retry_at)
{
  g_autofree char *text = NULL;
  guint64 seconds;
  gint64 when;

  g_return_val_if_fail (retry_at != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  text = g_strstrip (g_strdup (value));
  if (g_ascii_isdigit (text[0]) &&
      g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &seconds, NULL))
    when = now + (gint64) MIN (seconds, (guint64) MD_SUBMIT_MAX_RETRY_AFTER / G_USEC_PER_SEC) * G_USEC_PER_SEC;
  else
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (text);

      if (date == NULL)
        return FALSE;
      when = g_date_time_to_unix (date) * G_USEC_PER_SEC;
    }

  *retry_at = CLAMP (when, now, now + MD_SUBMIT_MAX_RETRY_AFTER);
  return TRUE;
}

static char *
dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * md_submission_new_local_receipt: (skip)
 *
 * The receipt for an endpoint that has none of its own (WebDAV, a
 * folder, an intake that answered without a body): what was delivered,
 * where, and when.
 */
JsonObject *
md_submission_new_local_receipt (MdSubmission *submission,
                                 guint         status)
{
  JsonObject *receipt = json_object_new ();
  g_autofree char *now = dup_now_iso8601 ();

  json_object_set_string_member (receipt, "transport",
                                 md_endpoint_kind_to_string (md_endpoint_get_kind (submission->endpoint)));
  json_object_set_string_member (receipt, "location", submission->target);
  json_object_set_string_member (receipt, "dossier_id", submission->dossier_id);
  json_object_set_string_member (receipt, "digest", submission->digest);
  json_object_set_string_member (receipt, "idempotency_key", submission->key);
  json_object_set_string_member (receipt, "received", now);
  if (status != 0)
    json_object_set_int_member (receipt, "status", status);
  if (submission->already_delivered)
    json_object_set_boolean_member (receipt, "already_delivered", TRUE);
  return receipt;
}

/* A bundle refuses numbers that json-glib cannot write back (see
 * md-dossier-schema.c); a receipt recorded with one would leave the
 * applicant a bundle that no longer opens. */
static gboolean
numbers_fit_bundle (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &child))
        if (!numbers_fit_bundle (child))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!numbers_fit_bundle (json_array_get_element (array, i)))
          return FALSE;
    }
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      return isfinite (value) && fabs (value) < MD_DOSSIER_MAX_NUMBER;
    }

  return TRUE;
}

/**
 * md_submission_parse_json_object: (skip)
 *
 * Only an object that the bundle can hold as a receipt counts: flat
 * enough, without broken escapes, numbers in range.
 *
 * Returns: (transfer full) (nullable): the body as a JSON object, or
 *   %NULL when it is not one
 */
JsonObject *
md_submission_parse_json_object (GBytes      *body,
                                 SoupMessage *message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  JsonNode *root;

  if (length == 0 ||
      md_json_text_check (data, length, MAX_ANSWER_DEPTH, NULL) != MD_JSON_TEXT_OK ||
      !json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || !numbers_fit_bundle (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

/* Unlike json_object_get_string_member_with_default(), quiet about a
 * member of another type: the server's JSON is not ours to trust. */
static const char *
get_text_member (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* Server text ends up in a dialog: keep it short and printable. */
static void
append_clean (GString    *text,
              const char *value)
{
  for (const char *c = value; *c != '\0' && text->len < MAX_PROBLEM_TEXT; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      g_string_append_unichar (text, g_unichar_iscntrl (ch) ? ' ' : ch);
    }
}

/**
 * md_submission_describe_problem: (skip)
 *
 * Returns: (transfer full) (nullable): "title: detail" from an RFC 9457
 *   problem document, or %NULL when the body is not one
 */
char *
md_submission_describe_problem (GBytes      *body,
                                SoupMessage *message)
{
  g_autoptr(JsonObject) problem = NULL;
  const char *title;
  const char *detail;
  GString *text;

  if (!g_utf8_validate (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return NULL;

  problem = md_submission_parse_json_object (body, message);
  if (problem == NULL)
    return NULL;

  title = get_text_member (problem, "title");
  detail = get_text_member (problem, "detail");
  if (title == NULL && detail == NULL)
    return NULL;

  text = g_string_new (NULL);
  if (title != NULL)
    append_clean (text, title);
  if (title != NULL && detail != NULL)
    g_string_append (text, ": ");
  if (detail != NULL)
    append_clean (text, detail);
  return g_string_free (text, FALSE);
}

static char *
describe_status (SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  return g_strdup_printf ("HTTP %u %s", status,
                          reason && *reason ? reason : soup_status_get_phrase (status));
}

static void
set_credentials_error (MdSubmission  *submission,
                       const char    *why,
                       GError       **error)
{
  const char *message = submission->sent_credentials
    ? _("The endpoint did not accept the credentials. Check the user name and password or token.")
    : _("The endpoint asks for credentials. Enter a user name and password or a token.");

  g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS, "%s (%s)", message, why);
}

static void
set_transient_error (MdSubmission  *submission,
                     SoupMessage   *message,
                     const char    *why,
                     GError       **error)
{
  guint status = soup_message_get_status (message);
  const char *retry_after =
    soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");

  md_submit_parse_retry_after (retry_after, g_get_real_time (), &submission->retry_at);

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE || status == HTTP_TOO_MANY_REQUESTS)
    g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_RETRY_LATER,
                 _("The endpoint is busy and asks to try again later (%s)."), why);
  else
    g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_SERVER,
                 _("The endpoint had a problem and will be tried again (%s)."), why);
}

/**
 * md_submission_set_failure: (skip)
 *
 * Sets @error for an answer that is neither a delivery nor something
 * the transport treats on its own, and notes a Retry-After.
 */
void
md_submission_set_failure (MdSubmission  *submission,
                           SoupMessage   *message,
                           GBytes        *body,
                           GError       **error)
{
  guint status = soup_message_get_status (message);
  g_autofree char *problem = md_submission_describe_problem (body, message);
  g_autofree char *why = problem ? g_steal_pointer (&problem) : describe_status (message);

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    set_credentials_error (submission, why, error);
  else if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (submission->bundle));

      g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_TOO_LARGE,
                   _("The endpoint does not accept a dossier of this size (%s). Remove or shrink attachments and submit again (%s)."),
                   size, why);
    }
  else if (status >= 500 || status == HTTP_TOO_MANY_REQUESTS ||
           status == SOUP_STATUS_REQUEST_TIMEOUT || status == HTTP_TOO_EARLY || status == SOUP_STATUS_LOCKED)
    set_transient_error (submission, message, why, error);
  else if (SOUP_STATUS_IS_REDIRECTION (status))
    g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_PROTOCOL,
                 _("The endpoint moved to %s. Check the address and change it if you trust the new one (%s)."),
                 soup_message_headers_get_one (soup_message_get_response_headers (message), "Location"),
                 why);
  else if (SOUP_STATUS_IS_CLIENT_ERROR (status))
    g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_REJECTED,
                 _("The endpoint refused the dossier: %s"), why);
  else
    g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_PROTOCOL,
                 _("The endpoint gave an answer that is not understood (%s)."), why);
}

/**
 * md_submission_describe_answer: (skip)
 *
 * Returns: (transfer full): the problem document's title and detail,
 *   or else the status line
 */
char *
md_submission_describe_answer (GBytes      *body,
                               SoupMessage *message)
{
  char *problem = md_submission_describe_problem (body, message);

  return problem ? problem : describe_status (message);
}
