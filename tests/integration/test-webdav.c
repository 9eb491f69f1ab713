/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Delivery into a real nginx WebDAV server on 127.0.0.1, started and
 * stopped by each test from a configuration written to a temporary
 * folder. Two drop folders:
 *
 *   /drop/   stock nginx DAV, readable with the credentials. nginx
 *            ignores "If-None-Match: *" on PUT and would overwrite; the
 *            client looks first.
 *   /inbox/  upload-only (reading is forbidden), like a Nextcloud "file
 *            drop" share, with the precondition enforced by the snippet
 *            docs/submission.md recommends: a second PUT gets 412.
 *
 * Skipped when nginx or its DAV extension module is not installed.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"

#define DAV_EXT_MODULE "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so"
#define USER           "alice"
#define PASSWORD       "correct horse"

typedef struct
{
  char                *root;
  char                *nginx;
  GSubprocess         *server;
  guint16              port;
  GFile               *outbox_dir;
  MdSubmitter         *submitter;
  MdMemorySecretStore *secrets;
  MdOutbox            *outbox;
  MdDossier           *dossier;
  GBytes              *bundle;
} Fixture;

static char *
find_nginx (void)
{
  char *path = g_find_program_in_path ("nginx");

  if (path == NULL && g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    path = g_strdup ("/usr/sbin/nginx");
  return path;
}

static guint16
pick_free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static char *
hash_password (const char *password)
{
  g_autofree char *out = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  const char *argv[] = { openssl, "passwd", "-apr1", password, NULL };
  int status = -1;

  if (openssl != NULL &&
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                    &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    return g_strdup (g_strstrip (out));

  /* nginx also reads its own plain-text scheme. */
  return g_strconcat ("{PLAIN}", password, NULL);
}

static void
write_config (Fixture *fixture)
{
  g_autofree char *config = NULL;
  g_autofree char *config_path = g_build_filename (fixture->root, "nginx.conf", NULL);
  g_autofree char *htpasswd_path = g_build_filename (fixture->root, "htpasswd", NULL);
  g_autofree char *hashed = hash_password (PASSWORD);
  g_autofree char *htpasswd = g_strdup_printf ("%s:%s\n", USER, hashed);
  const char *r = fixture->root;

  config = g_strdup_printf (
    "load_module " DAV_EXT_MODULE ";\n"
    "%s"
    "daemon off;\n"
    "worker_processes 1;\n"
    "pid %s/nginx.pid;\n"
    "error_log %s/error.log;\n"
    "events { worker_connections 64; }\n"
    "http {\n"
    "  access_log %s/access.log;\n"
    "  client_body_temp_path %s/tmp/body;\n"
    "  proxy_temp_path %s/tmp/proxy;\n"
    "  fastcgi_temp_path %s/tmp/fastcgi;\n"
    "  uwsgi_temp_path %s/tmp/uwsgi;\n"
    "  scgi_temp_path %s/tmp/scgi;\n"
    "  client_max_body_size 100m;\n"
    "  server {\n"
    "    listen 127.0.0.1:%u;\n"
    "    root %s/www;\n"
    "    auth_basic \"Dossier drop folder\";\n"
    "    auth_basic_user_file %s;\n"
    "    location /drop/ {\n"
    "      dav_methods PUT DELETE MKCOL COPY MOVE;\n"
    "      dav_ext_methods PROPFIND OPTIONS;\n"
    "      create_full_put_path on;\n"
    "      dav_access user:rw;\n"
    "    }\n"
    "    location /inbox/ {\n"
    "      dav_methods PUT;\n"
    "      create_full_put_path on;\n"
    "      dav_access user:rw;\n"
    "      limit_except PUT { deny all; }\n"
    "      set $md_put \"\";\n"
    "      if ($request_method = PUT) { set $md_put \"P\"; }\n"
    "      if (-e $request_filename) { set $md_put \"${md_put}E\"; }\n"
    "      if ($http_if_none_match = \"*\") { set $md_put \"${md_put}N\"; }\n"
    "      if ($md_put = \"PEN\") { return 412; }\n"
    "    }\n"
    "  }\n"
    "}\n",
    geteuid () == 0 ? "user root;\n" : "",
    r, r, r, r, r, r, r, r, fixture->port, r, htpasswd_path);

  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));
  g_assert_true (g_file_set_contents (htpasswd_path, htpasswd, -1, NULL));
}

static gboolean
server_answers (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port,
                                                                             NULL, NULL);

  return connection != NULL;
}

/* A test that fails aborts without tearing down: take nginx with it. */
static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static GSubprocess *
spawn_nginx (Fixture     *fixture,
             const char  *config,
             const char  *log,
             GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawn (launcher, error, fixture->nginx, "-p", fixture->root, "-c", config,
                                      "-e", log, NULL);
}

/* A port picked free may be taken before nginx binds it: try again. */
static gboolean
start_nginx (Fixture *fixture)
{
  g_autofree char *config = g_build_filename (fixture->root, "nginx.conf", NULL);
  g_autofree char *log = g_build_filename (fixture->root, "error.log", NULL);
  g_autoptr(GError) error = NULL;

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      fixture->port = pick_free_port ();
      write_config (fixture);
      fixture->server = spawn_nginx (fixture, config, log, &error);
      g_assert_no_error (error);

      while (g_get_monotonic_time () < deadline && !server_answers (fixture->port) &&
             g_subprocess_get_identifier (fixture->server) != NULL)
        g_usleep (20 * 1000);

      if (server_answers (fixture->port))
        return TRUE;

      g_subprocess_force_exit (fixture->server);
      g_subprocess_wait (fixture->server, NULL, NULL);
      g_clear_object (&fixture->server);
    }

  return FALSE;
}

/* GSubprocess reaps its child in a worker thread, so waiting here
 * needs no main loop. */
static gboolean
wait_for_exit (GSubprocess *process,
               gint64       timeout)
{
  gint64 deadline = g_get_monotonic_time () + timeout;

  while (g_subprocess_get_identifier (process) != NULL && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  return g_subprocess_get_identifier (process) == NULL;
}

static void
stop_nginx (Fixture *fixture)
{
  if (fixture->server == NULL)
    return;

  g_subprocess_send_signal (fixture->server, SIGQUIT);
  if (!wait_for_exit (fixture->server, 10 * G_USEC_PER_SEC))
    {
      g_subprocess_force_exit (fixture->server);
      g_subprocess_wait (fixture->server, NULL, NULL);
    }
  g_clear_object (&fixture->server);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *www = NULL;
  g_autofree char *outbox = NULL;

  fixture->nginx = find_nginx ();
  if (fixture->nginx == NULL || !g_file_test (DAV_EXT_MODULE, G_FILE_TEST_EXISTS))
    return;

  fixture->root = g_dir_make_tmp ("md-webdav-XXXXXX", &error);
  g_assert_no_error (error);
  tmp = g_build_filename (fixture->root, "tmp", NULL);
  www = g_build_filename (fixture->root, "www", NULL);
  outbox = g_build_filename (fixture->root, "outbox", NULL);
  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (www, 0700), ==, 0);
  /* nginx's workers must be able to reach the folders. */
  g_assert_cmpint (g_chmod (fixture->root, 0755), ==, 0);
  g_assert_true (start_nginx (fixture));

  fixture->outbox_dir = g_file_new_for_path (outbox);
  fixture->submitter = md_submitter_new ();
  md_submitter_set_timeout (fixture->submitter, 10);
  fixture->secrets = md_memory_secret_store_new ();
  fixture->outbox = md_outbox_new (fixture->outbox_dir, fixture->submitter, MD_SECRET_STORE (fixture->secrets));
  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  fixture->bundle = md_bundle_serialize (fixture->dossier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->outbox != NULL)
    md_outbox_stop (fixture->outbox);
  g_clear_object (&fixture->outbox);
  stop_nginx (fixture);

  if (fixture->root != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->root);

      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }

  g_clear_pointer (&fixture->root, g_free);
  g_clear_pointer (&fixture->nginx, g_free);
  g_clear_object (&fixture->outbox_dir);
  g_clear_object (&fixture->submitter);
  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->dossier);
  g_clear_pointer (&fixture->bundle, g_bytes_unref);
}

static gboolean
skip_without_nginx (Fixture *fixture)
{
  if (fixture->nginx == NULL)
    g_test_skip ("nginx is not installed");
  else if (!g_file_test (DAV_EXT_MODULE, G_FILE_TEST_EXISTS))
    g_test_skip ("the nginx DAV extension module (libnginx-mod-http-dav-ext) is not installed");
  return fixture->server == NULL;
}

static MdEndpoint *
make_endpoint (Fixture    *fixture,
               const char *folder,
               const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/%s/", fixture->port, folder);
  MdEndpoint *endpoint = md_endpoint_new (url, MD_ENDPOINT_KIND_WEBDAV, USER, &error);

  g_assert_no_error (error);
  md_memory_secret_store_set (fixture->secrets, md_endpoint_get_uri (endpoint), USER, password);
  return endpoint;
}

static char *
stored_path (Fixture    *fixture,
             const char *folder)
{
  return g_strdup_printf ("%s/www/%s/%s.json", fixture->root, folder, md_dossier_get_id (fixture->dossier));
}

typedef struct
{
  gboolean done;
  gboolean delivered;
  GError  *error;
} Outcome;

static void
send_now_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->delivered = md_outbox_send_now_finish (MD_OUTBOX (source), result, &outcome->error);
  outcome->done = TRUE;
}

static MdOutboxEntry *
submit (Fixture     *fixture,
        GBytes      *bundle,
        MdEndpoint  *endpoint,
        GError     **error)
{
  g_autoptr(MdOutboxEntry) entry = md_outbox_enqueue (fixture->outbox, bundle, endpoint, NULL, error);
  Outcome outcome = { FALSE, FALSE, NULL };

  g_assert_nonnull (entry);
  md_outbox_send_now_async (fixture->outbox, entry, NULL, send_now_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return g_steal_pointer (&entry);
}

/* Sends the same bundle again as a new entry, as after the outbox was
 * cleared or from another computer. */
static MdOutboxEntry *
submit_again (Fixture     *fixture,
              MdOutboxEntry *previous,
              GBytes      *bundle,
              MdEndpoint  *endpoint,
              GError     **error)
{
  g_assert_true (md_outbox_remove (fixture->outbox, previous, NULL));
  return submit (fixture, bundle, endpoint, error);
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static gint64
modification_time (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mtime;
}

static void
test_delivered (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, "drop", PASSWORD);
  entry = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_false (md_outbox_entry_get_already_delivered (entry));
  g_assert_cmpint (json_object_get_int_member (md_outbox_entry_get_receipt (entry), "status"), ==, 201);

  path = stored_path (fixture, "drop");
  assert_file_holds (path, fixture->bundle);
}

static void
test_not_overwritten (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *folder = data;
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) first = NULL;
  g_autoptr(MdOutboxEntry) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 mtime;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, folder, PASSWORD);
  first = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);
  path = stored_path (fixture, folder);
  mtime = modification_time (path);
  g_usleep (1100 * 1000);

  second = submit_again (fixture, first, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (second), ==, MD_OUTBOX_STATE_SENT);
  g_assert_true (md_outbox_entry_get_already_delivered (second));
  g_assert_cmpint (modification_time (path), ==, mtime);
  assert_file_holds (path, fixture->bundle);

  if (g_str_equal (folder, "inbox"))
    {
      /* Upload-only: the 412 is all there is to go by. */
      JsonObject *receipt = md_outbox_entry_get_receipt (second);

      g_assert_cmpint (json_object_get_int_member (receipt, "status"), ==, 412);
      g_assert_false (json_object_get_boolean_member (receipt, "verified"));
    }
}

static void
test_other_version_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) first = NULL;
  g_autoptr(MdOutboxEntry) changed_entry = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, "drop", PASSWORD);
  first = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);

  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Anna", NULL);
  changed = md_bundle_serialize (fixture->dossier);
  changed_entry = submit (fixture, changed, endpoint, &error);
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT);
  g_assert_cmpint (md_outbox_entry_get_state (changed_entry), ==, MD_OUTBOX_STATE_FAILED);

  path = stored_path (fixture, "drop");
  assert_file_holds (path, fixture->bundle);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *folder = data;
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, folder, "wrong password");
  entry = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "did not accept"));
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
  g_assert_true (md_outbox_entry_get_needs_credentials (entry));

  path = stored_path (fixture, folder);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/webdav/delivered", NULL, test_delivered);
  ADD ("/webdav/not-overwritten/readable", "drop", test_not_overwritten);
  ADD ("/webdav/not-overwritten/upload-only", "inbox", test_not_overwritten);
  ADD ("/webdav/other-version-kept", NULL, test_other_version_kept);
  ADD ("/webdav/wrong-password/readable", "drop", test_wrong_password);
  ADD ("/webdav/wrong-password/upload-only", "inbox", test_wrong_password);

  return g_test_run ();
}
