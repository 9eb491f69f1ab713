/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hostile or broken server on 127.0.0.1: HTTPS with a self-signed
 * certificate made at test time (openssl), answers far larger than any
 * receipt, redirects to elsewhere. And the secret a submission carries:
 * it reaches the server, and nothing else — not the log (with
 * G_MESSAGES_DEBUG=all), not the outbox files, not the bundle.
 * docs/security.md points here.
 */
#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"
#include "md-test-core.h"
#include "md-test-intake.h"

#define MIB (1024 * 1024)
#define TOKEN "Tok3n-9f1c-never-logged"
#define PASSWORD "Pa55-w0rd-never-logged"

/* ---- Everything logged, kept ---------------------------------------------- */

static GMutex log_mutex;
static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_string_append_printf (captured_log, "%s=%s\n", fields[i].key, (const char *) fields[i].value);
  g_mutex_unlock (&log_mutex);

  /* Debug output would mix into the TAP stream; the rest is shown. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static char *
dup_captured_log (void)
{
  char *text;

  g_mutex_lock (&log_mutex);
  text = g_strdup (captured_log->str);
  g_mutex_unlock (&log_mutex);
  return text;
}

/* ---- A server of our own ---------------------------------------------------- */

typedef struct
{
  SoupServer *server;
  guint       n_requests;
  guint       status;
  GBytes     *body;
  const char *content_type;
  const char *location;
} Server;

static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;

  server->n_requests++;
  if (server->location != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (message), "Location",
                                  server->location);
  soup_server_message_set_status (message, server->status, NULL);
  if (server->body != NULL)
    soup_server_message_set_response (message, server->content_type, SOUP_MEMORY_COPY,
                                      g_bytes_get_data (server->body, NULL), g_bytes_get_size (server->body));
}

static void
server_start (Server          *server,
              GTlsCertificate *certificate)
{
  g_autoptr(GError) error = NULL;

  server->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server->server, NULL, handle_cb, server, NULL);
  soup_server_listen_local (server->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | (certificate ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);
}

static char *
server_dup_url (Server     *server,
                const char *path)
{
  GSList *uris = soup_server_get_uris (server->server);
  g_autofree char *base = g_uri_to_string (uris->data);
  char *url = g_strconcat (base, path + (g_str_has_suffix (base, "/") && path[0] == '/'), NULL);

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

static void
server_stop (Server *server)
{
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_clear_pointer (&server->body, g_bytes_unref);
}

/* ---- Fixture ---------------------------------------------------------------- */

typedef struct
{
  char                *root;
  MdSubmitter         *submitter;
  MdMemorySecretStore *secrets;
  MdOutbox            *outbox;
  MdDossier           *dossier;
  GBytes              *bundle;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("md-tls-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->submitter = md_submitter_new ();
  md_submitter_set_timeout (fixture->submitter, 10);
  fixture->secrets = md_memory_secret_store_new ();
  fixture->outbox = md_test_open_outbox (fixture->root, fixture->submitter, MD_SECRET_STORE (fixture->secrets));
  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  fixture->bundle = md_bundle_serialize (fixture->dossier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  md_outbox_stop (fixture->outbox);
  g_clear_object (&fixture->outbox);
  md_test_remove_tree (fixture->root);
  g_clear_pointer (&fixture->root, g_free);
  g_clear_object (&fixture->submitter);
  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->dossier);
  g_clear_pointer (&fixture->bundle, g_bytes_unref);
}

/* Queues the bundle for @url, keeping @secret for it if given. */
static MdOutboxEntry *
enqueue (Fixture        *fixture,
         const char     *url,
         MdEndpointKind  kind,
         const char     *user,
         const char     *secret)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new (url, kind, user, &error);
  MdOutboxEntry *entry;

  g_assert_no_error (error);
  if (secret != NULL)
    md_memory_secret_store_set (fixture->secrets, md_endpoint_get_uri (endpoint), user, secret);
  entry = md_outbox_enqueue (fixture->outbox, fixture->bundle, endpoint, NULL, &error);
  g_assert_no_error (error);
  return entry;
}

/* ---- Certificates ------------------------------------------------------------- */

/* A certificate for 127.0.0.1 that no authority signed, made now, so
 * that no key is kept in the source tree. */
static GTlsCertificate *
make_self_signed (const char *dir)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  GTlsCertificate *certificate;
  int status;
  const char *argv[] = {
    NULL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1", NULL,
  };

  if (openssl == NULL)
    return NULL;

  argv[0] = openssl;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openssl failed: %s", err);

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  return certificate;
}

static void
test_self_signed_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  MdEndpointKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GTlsCertificate) certificate = make_self_signed (fixture->root);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Server server = { NULL, 0, SOUP_STATUS_CREATED, NULL, "application/json", NULL };

  if (certificate == NULL)
    {
      g_test_skip ("openssl is not installed (build-aux/deps installs it)");
      return;
    }

  server.body = g_bytes_new_static ("{\"receipt_id\":\"R-1\"}", 20);
  server_start (&server, certificate);
  url = server_dup_url (&server, "/dossiers/");
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));

  entry = enqueue (fixture, url, kind, NULL, TOKEN);
  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));

  /* A clear reason, nothing sent, and tried again later (the
   * certificate may be mended) rather than given up. */
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_test_message ("%s", error->message);
  g_assert_cmpuint (server.n_requests, ==, 0);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_null (md_outbox_entry_get_receipt (entry));
  server_stop (&server);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GBytes **body = user_data;
  g_autoptr(GError) error = NULL;

  *body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* The control: a client told to trust this very certificate reaches
 * the same server, so the refusal above was the certificate's. */
static void
test_trusted_certificate_reached (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GTlsCertificate) certificate = make_self_signed (fixture->root);
  g_autofree char *cert_path = g_build_filename (fixture->root, "cert.pem", NULL);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Server server = { NULL, 0, SOUP_STATUS_CREATED, NULL, "application/json", NULL };

  if (certificate == NULL)
    {
      g_test_skip ("openssl is not installed (build-aux/deps installs it)");
      return;
    }

  server.body = g_bytes_new_static ("{}", 2);
  server_start (&server, certificate);
  url = server_dup_url (&server, "/");
  database = g_tls_file_database_new (cert_path, &error);
  g_assert_no_error (error);
  session = soup_session_new_with_options ("tls-database", database, NULL);
  message = soup_message_new ("GET", url);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, fetched_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_CREATED);
  g_assert_cmpuint (server.n_requests, ==, 1);
  server_stop (&server);
}

/* ---- Answers no receipt is ever that large ------------------------------------ */

static GBytes *
make_huge_json (gsize size,
                const char *head)
{
  GString *text = g_string_sized_new (size + 64);

  g_string_append (text, head);
  while (text->len < size)
    g_string_append (text, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (text, "\"}");
  return g_string_free_to_bytes (text);
}

static void
test_huge_receipt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *receipt = NULL;
  g_autoptr(JsonNode) receipt_node = NULL;
  Server server = { NULL, 0, SOUP_STATUS_CREATED, NULL, "application/json", NULL };

  server.body = make_huge_json (32 * MIB, "{\"receipt_id\":\"R-huge\",\"padding\":\"");
  server_start (&server, NULL);
  url = server_dup_url (&server, "/dossiers");

  entry = enqueue (fixture, url, MD_ENDPOINT_KIND_HTTP, NULL, NULL);
  g_assert_true (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_no_error (error);

  /* Only the first 64 KiB were read: not a receipt, so the client made
   * its own; the padding is nowhere. */
  receipt_node = json_node_init_object (json_node_alloc (), md_outbox_entry_get_receipt (entry));
  receipt = json_to_string (receipt_node, FALSE);
  g_assert_null (strstr (receipt, "padding"));
  g_assert_cmpstr (json_object_get_string_member (md_outbox_entry_get_receipt (entry), "transport"), ==, "http");
  server_stop (&server);
}

static void
test_huge_problem (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Server server = { NULL, 0, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL, "application/problem+json", NULL };

  server.body = make_huge_json (8 * MIB, "{\"title\":\"Refused\",\"detail\":\"\x1b[2J");
  server_start (&server, NULL);
  url = server_dup_url (&server, "/dossiers");

  entry = enqueue (fixture, url, MD_ENDPOINT_KIND_HTTP, NULL, NULL);
  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), <, 4096);
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
  server_stop (&server);
}

/* A redirect could carry the dossier elsewhere, or to plain HTTP. */
static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *elsewhere_url = NULL;
  Server server = { NULL, 0, SOUP_STATUS_TEMPORARY_REDIRECT, NULL, NULL, NULL };
  Server elsewhere = { NULL, 0, SOUP_STATUS_CREATED, NULL, "application/json", NULL };

  server_start (&elsewhere, NULL);
  elsewhere_url = server_dup_url (&elsewhere, "/stolen");
  server.location = elsewhere_url;
  server_start (&server, NULL);
  url = server_dup_url (&server, "/dossiers");

  entry = enqueue (fixture, url, MD_ENDPOINT_KIND_HTTP, NULL, NULL);
  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_PROTOCOL);
  g_assert_cmpuint (server.n_requests, ==, 1);
  g_assert_cmpuint (elsewhere.n_requests, ==, 0);
  server_stop (&server);
  server_stop (&elsewhere);
}

/* ---- Secrets ------------------------------------------------------------------- */

static void
assert_lacks_secrets (const char *where,
                      const char *text,
                      gsize       length)
{
  static const char * const secrets[] = { TOKEN, PASSWORD, "Tok3n-9f1c", "Pa55-w0rd" };
  g_autofree char *basic = g_base64_encode ((const guchar *) "alice:" PASSWORD, strlen ("alice:" PASSWORD));

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (g_strstr_len (text, length, secrets[i]) != NULL)
      g_error ("%s holds the secret %s", where, secrets[i]);
  if (g_strstr_len (text, length, basic) != NULL)
    g_error ("%s holds the basic credentials", where);
}

static void
assert_tree_lacks_secrets (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        assert_tree_lacks_secrets (child);
      else if (g_file_get_contents (child, &contents, &length, NULL))
        assert_lacks_secrets (child, contents, length);
    }
}

/* A token that works, a password that is refused, a busy server: every
 * path that logs, with everything logged. */
static void
test_secrets_stay_secret (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MdTestIntake) intake = md_test_intake_new ();
  g_autofree char *url = md_test_intake_dup_url (intake);
  g_autofree char *basic_url = g_strconcat (url, "?basic", NULL);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(MdOutboxEntry) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *path = g_build_filename (fixture->root, "ana.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(MdBackoff) backoff = md_backoff_new_full (G_USEC_PER_SEC / 20, G_USEC_PER_SEC, 0.25,
                                                      g_rand_new_with_seed (3));

  md_test_intake_require_token (intake, TOKEN);
  md_test_intake_push (intake, MD_TEST_ACTION_BUSY, "0");
  md_outbox_set_backoff (fixture->outbox, backoff);

  entry = enqueue (fixture, url, MD_ENDPOINT_KIND_HTTP, NULL, TOKEN);
  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_RETRY_LATER);
  g_clear_error (&error);
  md_outbox_start (fixture->outbox);
  while (md_outbox_entry_get_state (entry) != MD_OUTBOX_STATE_SENT && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  md_outbox_stop (fixture->outbox);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  authorization = md_test_intake_dup_header (intake, 1, "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);

  refused = enqueue (fixture, basic_url, MD_ENDPOINT_KIND_HTTP, "alice", PASSWORD);
  g_assert_false (md_test_send_now (fixture->outbox, refused, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  g_clear_error (&error);

  /* The receipt goes into the bundle, which is saved. */
  g_assert_true (md_outbox_entry_record_receipt_in_dossier (entry, fixture->dossier, &error));
  g_assert_true (md_bundle_save_file (fixture->dossier, file, NULL, &error));
  g_assert_no_error (error);

  /* The log is not empty: every attempt and failure is in it. */
  log = dup_captured_log ();
  g_assert_nonnull (strstr (log, "Outbox: sending"));
  g_assert_nonnull (strstr (log, "failed"));
  assert_lacks_secrets ("the log", log, strlen (log));
  assert_tree_lacks_secrets (fixture->root);
  saved = md_bundle_serialize (fixture->dossier);
  assert_lacks_secrets ("the bundle", g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
}

int
main (int    argc,
      char **argv)
{
  /* Everything is logged, as when a user runs with G_MESSAGES_DEBUG=all
   * to report a problem. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/tls/self-signed-refused/http", GINT_TO_POINTER (MD_ENDPOINT_KIND_HTTP), test_self_signed_refused);
  ADD ("/tls/self-signed-refused/webdav", GINT_TO_POINTER (MD_ENDPOINT_KIND_WEBDAV), test_self_signed_refused);
  ADD ("/tls/trusted-certificate-reached", NULL, test_trusted_certificate_reached);
  ADD ("/hostile-server/huge-receipt", NULL, test_huge_receipt);
  ADD ("/hostile-server/huge-problem", NULL, test_huge_problem);
  ADD ("/hostile-server/redirect", NULL, test_redirect_not_followed);
  ADD ("/secrets/not-in-log-outbox-or-bundle", NULL, test_secrets_stay_secret);

  return g_test_run ();
}
