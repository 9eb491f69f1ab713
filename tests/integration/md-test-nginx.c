/* md-test-nginx.c
 *
 * A real nginx WebDAV server on 127.0.0.1, started from a configuration
 * written to a temporary folder and stopped by the test. It serves two
 * drop folders, both behind basic authentication with one user:
 *
 *   /drop/   stock nginx DAV, readable with the credentials. nginx
 *            ignores "If-None-Match: *" on PUT and would overwrite; the
 *            client looks first.
 *   /inbox/  upload-only (reading is forbidden), like a Nextcloud "file
 *            drop" share, with the precondition enforced by the snippet
 *            docs/submission.md recommends: a second PUT gets 412.
 *
 * nginx and its DAV extension module (libnginx-mod-http-dav-ext) are
 * optional: without them md_test_nginx_start() says why, for the test
 * to skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif
#include <glib/gstdio.h>

#include "md-test-nginx.h"

#define DAV_EXT_MODULE "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so"
#define START_ATTEMPTS 5

struct _MdTestNginx
{
  char        *nginx;
  char        *dir;       /* configuration, logs and nginx's temporary files */
  char        *root;      /* dir/www: what is served */
  char        *user;
  char        *password;
  GSubprocess *server;
  guint16      port;
};

static char *
find_nginx (void)
{
  char *path = g_find_program_in_path ("nginx");

  if (path == NULL && g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    path = g_strdup ("/usr/sbin/nginx");
  return path;
}

/* Fails with G_IO_ERROR_NOT_FOUND, the reason to skip. */
static char *
find_nginx_with_dav (GError **error)
{
  g_autofree char *nginx = find_nginx ();

  if (nginx == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "nginx is not installed");
      return NULL;
    }

  if (!g_file_test (DAV_EXT_MODULE, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "the nginx DAV extension module (libnginx-mod-http-dav-ext) is not installed");
      return NULL;
    }

  return g_steal_pointer (&nginx);
}

static guint16
pick_free_port (GError **error)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (socket == NULL || !g_socket_bind (socket, address, TRUE, error))
    return 0;

  bound = g_socket_get_local_address (socket, error);
  return bound != NULL ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)) : 0;
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

static gboolean
fail_with_errno (const char  *what,
                 const char  *path,
                 GError     **error)
{
  int saved = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot %s %s: %s", what, path,
               g_strerror (saved));
  return FALSE;
}

static gboolean
make_folders (MdTestNginx  *self,
              GError      **error)
{
  g_autofree char *tmp = NULL;

  self->dir = g_dir_make_tmp ("md-nginx-XXXXXX", error);
  if (self->dir == NULL)
    return FALSE;

  tmp = g_build_filename (self->dir, "tmp", NULL);
  self->root = g_build_filename (self->dir, "www", NULL);
  if (g_mkdir (tmp, 0700) != 0)
    return fail_with_errno ("create", tmp, error);
  if (g_mkdir (self->root, 0700) != 0)
    return fail_with_errno ("create", self->root, error);
  /* nginx's workers must be able to reach the folders. */
  if (g_chmod (self->dir, 0755) != 0)
    return fail_with_errno ("open up", self->dir, error);

  return TRUE;
}

static gboolean
write_config (MdTestNginx  *self,
              GError      **error)
{
  g_autofree char *config = NULL;
  g_autofree char *config_path = g_build_filename (self->dir, "nginx.conf", NULL);
  g_autofree char *htpasswd_path = g_build_filename (self->dir, "htpasswd", NULL);
  g_autofree char *hashed = hash_password (self->password);
  g_autofree char *htpasswd = g_strdup_printf ("%s:%s\n", self->user, hashed);
  const char *d = self->dir;

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
    "    root %s;\n"
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
    d, d, d, d, d, d, d, d, self->port, self->root, htpasswd_path);

  return g_file_set_contents (config_path, config, -1, error) &&
         g_file_set_contents (htpasswd_path, htpasswd, -1, error);
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
spawn_nginx (MdTestNginx  *self,
             GError      **error)
{
  g_autofree char *config = g_build_filename (self->dir, "nginx.conf", NULL);
  g_autofree char *log = g_build_filename (self->dir, "error.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawn (launcher, error, self->nginx, "-p", self->dir, "-c", config,
                                      "-e", log, NULL);
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

static gboolean
wait_for_answer (MdTestNginx *self)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && !server_answers (self->port) &&
         g_subprocess_get_identifier (self->server) != NULL)
    g_usleep (20 * 1000);

  /* Not another program that took the port first. */
  return g_subprocess_get_identifier (self->server) != NULL && server_answers (self->port);
}

static void
kill_server (MdTestNginx *self)
{
  g_subprocess_force_exit (self->server);
  g_subprocess_wait (self->server, NULL, NULL);
  g_clear_object (&self->server);
}

/* A port picked free may be taken before nginx binds it: try again. */
static gboolean
start_server (MdTestNginx  *self,
              GError      **error)
{
  g_autofree char *log_path = g_build_filename (self->dir, "error.log", NULL);
  g_autofree char *log = NULL;

  for (guint attempt = 0; attempt < START_ATTEMPTS; attempt++)
    {
      self->port = pick_free_port (error);
      if (self->port == 0 || !write_config (self, error))
        return FALSE;

      self->server = spawn_nginx (self, error);
      if (self->server == NULL)
        return FALSE;

      if (wait_for_answer (self))
        return TRUE;

      kill_server (self);
    }

  g_file_get_contents (log_path, &log, NULL, NULL);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "nginx did not start: %s", log ? log : "no log");
  return FALSE;
}

/**
 * md_test_nginx_start:
 * @user: the user name the server accepts
 * @password: the password the server accepts for @user
 *
 * Returns: (transfer full) (nullable): nginx answering on 127.0.0.1,
 *   or %NULL with %G_IO_ERROR_NOT_FOUND when nginx or its DAV module is
 *   not installed (the message is the reason to skip), another error
 *   when it did not start
 */
MdTestNginx *
md_test_nginx_start (const char  *user,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(MdTestNginx) self = NULL;
  g_autofree char *nginx = NULL;

  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  nginx = find_nginx_with_dav (error);
  if (nginx == NULL)
    return NULL;

  self = g_new0 (MdTestNginx, 1);
  self->nginx = g_steal_pointer (&nginx);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  if (!make_folders (self, error) || !start_server (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Gracefully, so that nginx finishes what it is writing. */
void
md_test_nginx_stop (MdTestNginx *self)
{
  g_return_if_fail (self != NULL);

  if (self->server == NULL)
    return;

  g_subprocess_send_signal (self->server, SIGQUIT);
  if (wait_for_exit (self->server, 10 * G_USEC_PER_SEC))
    g_clear_object (&self->server);
  else
    kill_server (self);
}

/* Stops the server and removes its folder, served files included. */
void
md_test_nginx_free (MdTestNginx *self)
{
  if (self == NULL)
    return;

  md_test_nginx_stop (self);
  if (self->dir != NULL)
    {
      const char *argv[] = { "rm", "-rf", self->dir, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }

  g_free (self->nginx);
  g_free (self->dir);
  g_free (self->root);
  g_free (self->user);
  g_free (self->password);
  g_free (self);
}

/**
 * md_test_nginx_dup_url:
 * @location: a location of the configuration, "drop" or "inbox"
 *
 * Returns: (transfer full): its address, with a trailing slash
 */
char *
md_test_nginx_dup_url (MdTestNginx *self,
                       const char  *location)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u/%s/", self->port, location);
}

/**
 * md_test_nginx_get_root:
 *
 * Returns: the folder served: a file PUT to @location/name is stored
 *   as root/@location/name
 */
const char *
md_test_nginx_get_root (MdTestNginx *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}
