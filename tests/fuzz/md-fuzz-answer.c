/* md-fuzz-answer.c: one input for what the submission client makes of
 * an intake's answer: the JSON receipt or RFC 9457 problem document in
 * the body, the status line and the Retry-After header.
 *
 * An input is one byte choosing the status, one choosing the content
 * type, one giving the length of a Retry-After value that follows, and
 * the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#if defined(__SANITIZE_ADDRESS__)
# define HAVE_LSAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define HAVE_LSAN 1
# endif
#endif
#ifdef HAVE_LSAN
# include <sanitizer/lsan_interface.h>
#endif

#include "md-bundle.h"
#include "md-fuzz.h"
#include "md-submitter-private.h"

static const struct
{
  guint       status;
  const char *reason;
} answers[] = {
  { SOUP_STATUS_OK, "OK" },
  { SOUP_STATUS_CREATED, "Created" },
  { SOUP_STATUS_NO_CONTENT, "No Content" },
  { SOUP_STATUS_FOUND, "Found" },
  { SOUP_STATUS_BAD_REQUEST, "Bad Request" },
  { SOUP_STATUS_UNAUTHORIZED, "Unauthorized" },
  { SOUP_STATUS_FORBIDDEN, "Forbidden" },
  { SOUP_STATUS_CONFLICT, "Conflict" },
  { SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large" },
  { SOUP_STATUS_UNPROCESSABLE_ENTITY, "Unprocessable Entity" },
  { HTTP_TOO_MANY_REQUESTS, "Too Many Requests" },
  { SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal Server Error" },
  { SOUP_STATUS_SERVICE_UNAVAILABLE, "Service Unavailable" },
  { 299, "" },
  { 418, "\xe2\x98\x95 I\xe2\x80\x99m a teapot" },
  { 599, "Whatever" },
};

static const char * const content_types[] = {
  NULL,
  "application/json",
  "application/problem+json",
  "application/json; charset=utf-8",
  "text/html; charset=iso-8859-1",
};

static SoupMessage *messages[G_N_ELEMENTS (answers)];
static GBytes *bundle;

/* Kept for the whole run: libsoup finishes closing its connections
 * later, in a main loop this program no longer runs. */
static SoupServer *server;
static SoupSession *session;

/* libsoup 3 sets a client message's status only from a real exchange,
 * so each status is fetched once from a loopback server; the inputs
 * then only vary the headers and the body. */
static void
server_cb (SoupServer        *self,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  guint64 index = g_ascii_strtoull (path + 1, NULL, 10);

  g_assert_cmpuint (index, <, G_N_ELEMENTS (answers));
  soup_server_message_set_status (message, answers[index].status, answers[index].reason);
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint *pending = user_data;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  (*pending)--;
}

static void
fetch_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  guint pending = G_N_ELEMENTS (answers);

  server = soup_server_new (NULL, NULL);
  session = soup_session_new ();
  /* No proxy reaches the loopback interface. */
  soup_session_set_proxy_resolver (session, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/%u", i);
      g_autoptr(GUri) uri = soup_uri_copy (uris->data, SOUP_URI_PATH, path, SOUP_URI_NONE);

      messages[i] = soup_message_new_from_uri (SOUP_METHOD_POST, uri);
      soup_message_add_flags (messages[i], SOUP_MESSAGE_NO_REDIRECT);
      soup_session_send_and_read_async (session, messages[i], G_PRIORITY_DEFAULT, NULL,
                                        fetch_cb, &pending);
    }

  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  soup_session_abort (session);
  soup_server_disconnect (server);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_cmpuint (soup_message_get_status (messages[i]), ==, answers[i].status);
}

void
md_fuzz_prepare_answers (void)
{
  if (bundle != NULL)
    return;

  /* libsoup finishes tearing down the loopback connections in a main
   * loop that no longer runs: not the leaks the fuzzer looks for. */
#ifdef HAVE_LSAN
  __lsan_disable ();
#endif
  fetch_answers ();
#ifdef HAVE_LSAN
  __lsan_enable ();
#endif
  bundle = g_bytes_new_static ("{}", 2);
}

/* libsoup refuses (with a warning) header values holding line breaks;
 * a server cannot send those anyway. */
static gboolean
is_header_value (const uint8_t *data,
                 size_t         size)
{
  for (size_t i = 0; i < size; i++)
    if (data[i] < 0x20 || data[i] == 0x7f)
      return FALSE;

  return TRUE;
}

/* A receipt is recorded in the bundle as it came, as
 * md_outbox_entry_record_receipt_in_dossier() does: the bundle must
 * still save and open. */
static void
check_receipt_in_bundle (JsonObject *receipt)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MdDossier) reloaded = NULL;
  g_autofree char *path = NULL;
  guint index;

  g_assert_true (md_dossier_append_row (dossier, "submissions", &index, &error));
  path = g_strdup_printf ("submissions[%u].receipt", index);
  g_assert_true (md_dossier_set_value (dossier, path,
                                       json_node_init_object (json_node_alloc (), receipt), &error));
  g_assert_no_error (error);

  saved = md_bundle_serialize (dossier);
  reloaded = md_bundle_load_bytes (saved, &error);
  g_assert_no_error (error);
}

/**
 * md_fuzz_check_answer:
 * @input: one byte choosing the status, one choosing the content type,
 *   one giving the length of a Retry-After value that follows, and the
 *   body
 */
void
md_fuzz_check_answer (GBytes *input)
{
  gsize size;
  const uint8_t *data = g_bytes_get_data (input, &size);
  SoupMessage *message;
  SoupMessageHeaders *headers;
  const char *content_type;
  g_autofree char *retry_after = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  MdSubmission submission = { 0 };
  size_t retry_length;

  if (size < 3)
    return;

  md_fuzz_prepare_answers ();
  message = messages[data[0] % G_N_ELEMENTS (answers)];
  content_type = content_types[data[1] % G_N_ELEMENTS (content_types)];
  retry_length = MIN ((size_t) data[2], size - 3);
  retry_after = g_strndup ((const char *) data + 3, retry_length);
  data += 3 + retry_length;
  size -= 3 + retry_length;

  /* As md_submitter_exchange_async() cuts a longer answer. */
  body = g_bytes_new (data, MIN (size, MD_SUBMIT_MAX_RESPONSE));

  headers = soup_message_get_response_headers (message);
  soup_message_headers_clear (headers);
  if (content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", content_type);
  if (retry_length > 0 && is_header_value ((const uint8_t *) retry_after, retry_length))
    soup_message_headers_replace (headers, "Retry-After", retry_after);

  object = md_submission_parse_json_object (body, message);
  if (object != NULL)
    check_receipt_in_bundle (object);

  answer = md_submission_describe_answer (body, message);
  g_assert_nonnull (answer);
  g_assert_true (g_utf8_validate (answer, -1, NULL));

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      submission.bundle = bundle;
      md_submission_set_failure (&submission, message, body, &error);
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpint (submission.retry_at, >=, 0);
    }
}
