/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `mobility-dossier-cli submit` against the intake on 127.0.0.1: exit
 * code 0 delivered (receipt on stdout), 1 not delivered now (queued or
 * failed, and why), 2 unusable input. Secrets come from files or the
 * environment only.
 */
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-test-intake.h"

#define TOKEN "cli-t0ken"

typedef struct
{
  MdTestIntake *intake;
  char         *root;
  char         *url;
  char         *outbox;
  char         *bundle_path;
  char         *token_path;
  char         *key;
  GBytes       *bundle;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
run_cli_env (CliRun      *run,
             const char  *variable,
             const char  *value,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  va_list ap;
  int wait_status;

  g_ptr_array_add (args, (gpointer) g_getenv ("MD_CLI"));
  g_ptr_array_add (args, "submit");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "MD_SUBMIT_TOKEN");
  env = g_environ_unsetenv (env, "MD_SUBMIT_PASSWORD");
  if (variable != NULL)
    env = g_environ_setenv (env, variable, value, TRUE);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define run_cli(run, ...) run_cli_env (run, NULL, NULL, __VA_ARGS__)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autofree char *digest = NULL;

  fixture->intake = md_test_intake_new ();
  md_test_intake_require_token (fixture->intake, TOKEN);
  fixture->url = md_test_intake_dup_url (fixture->intake);
  fixture->root = g_dir_make_tmp ("md-submit-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->outbox = g_build_filename (fixture->root, "outbox", NULL);
  fixture->bundle_path = g_build_filename (fixture->root, "ana.dossier.json", NULL);
  fixture->token_path = g_build_filename (fixture->root, "token", NULL);

  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  fixture->bundle = md_bundle_serialize (dossier);
  digest = md_bundle_compute_digest (md_dossier_get_root (dossier));
  fixture->key = g_strconcat (md_dossier_get_id (dossier), ":", digest, NULL);
  g_assert_true (g_file_set_contents (fixture->bundle_path, g_bytes_get_data (fixture->bundle, NULL),
                                      g_bytes_get_size (fixture->bundle), NULL));
  g_assert_true (g_file_set_contents_full (fixture->token_path, TOKEN "\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->root);

  g_clear_pointer (&fixture->intake, md_test_intake_free);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_clear_pointer (&fixture->root, g_free);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_pointer (&fixture->outbox, g_free);
  g_clear_pointer (&fixture->bundle_path, g_free);
  g_clear_pointer (&fixture->token_path, g_free);
  g_clear_pointer (&fixture->key, g_free);
  g_clear_pointer (&fixture->bundle, g_bytes_unref);
}

static void
test_delivered (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) again = { 0 };
  g_autoptr(JsonNode) receipt = NULL;
  g_autoptr(GError) error = NULL;

  run_cli (&run, fixture->bundle_path, "--endpoint", fixture->url, "--token-file", fixture->token_path,
           "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (run.status, ==, 0);
  receipt = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (receipt), "receipt_id"), ==, "R-1");
  g_assert_nonnull (strstr (run.err, "Delivered"));
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);

  /* The outbox remembers: nothing is sent again. */
  run_cli (&again, fixture->bundle_path, "--endpoint", fixture->url, "--token-file", fixture->token_path,
           "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.err, "Already delivered"));
  g_assert_nonnull (strstr (again.out, "R-1"));
  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 1);
}

static void
test_token_from_environment (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *authorization = NULL;

  run_cli_env (&run, "MD_SUBMIT_TOKEN", TOKEN, fixture->bundle_path, "--endpoint", fixture->url,
               "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (run.status, ==, 0);
  authorization = md_test_intake_dup_header (fixture->intake, 0, "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);
}

static void
test_queued_then_delivered (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(CliRun) busy = { 0 };
  g_auto(CliRun) retried = { 0 };

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_BUSY, "30");
  run_cli (&busy, fixture->bundle_path, "--endpoint", fixture->url, "--token-file", fixture->token_path,
           "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (busy.status, ==, 1);
  g_assert_nonnull (strstr (busy.err, "queued for retry"));
  g_assert_nonnull (strstr (busy.err, fixture->outbox));
  g_assert_cmpstr (busy.out, ==, "");

  run_cli (&retried, fixture->bundle_path, "--endpoint", fixture->url, "--token-file", fixture->token_path,
           "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (retried.status, ==, 0);
  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 2);
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
}

static void
test_failed (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(CliRun) refused = { 0 };
  g_auto(CliRun) no_token = { 0 };

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_PROBLEM, NULL);
  run_cli (&refused, fixture->bundle_path, "--endpoint", fixture->url, "--token-file", fixture->token_path,
           "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "failed"));
  g_assert_nonnull (strstr (refused.err, MD_TEST_PROBLEM_TITLE));
  g_assert_nonnull (strstr (refused.err, MD_TEST_PROBLEM_DETAIL));

  run_cli (&no_token, fixture->bundle_path, "--endpoint", fixture->url, "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (no_token.status, ==, 1);
  g_assert_nonnull (strstr (no_token.err, "credentials"));
  g_assert_nonnull (strstr (no_token.err, "--token-file"));
}

static void
test_unusable (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (fixture->root, "garbage.json", NULL);
  g_autofree char *password = g_build_filename (fixture->root, "password", NULL);
  g_auto(CliRun) insecure = { 0 };
  g_auto(CliRun) secret_in_url = { 0 };
  g_auto(CliRun) bad_bundle = { 0 };
  g_auto(CliRun) no_file = { 0 };
  g_auto(CliRun) both = { 0 };
  g_auto(CliRun) bad_type = { 0 };
  g_auto(CliRun) password_on_command_line = { 0 };

  g_assert_true (g_file_set_contents (garbage, "{\"format\": 1}", -1, NULL));
  g_assert_true (g_file_set_contents (password, "pw", -1, NULL));

  run_cli (&insecure, fixture->bundle_path, "--endpoint", "http://intake.example.org/", "--outbox",
           fixture->outbox, NULL);
  g_assert_cmpint (insecure.status, ==, 2);
  g_assert_nonnull (strstr (insecure.err, "https://"));

  run_cli (&secret_in_url, fixture->bundle_path, "--endpoint", "https://alice:pw@dav.example.org/",
           "--type", "webdav", "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (secret_in_url.status, ==, 2);

  run_cli (&bad_bundle, garbage, "--endpoint", fixture->url, "--outbox", fixture->outbox, NULL);
  g_assert_cmpint (bad_bundle.status, ==, 2);

  run_cli (&no_file, "--endpoint", fixture->url, NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  run_cli (&both, fixture->bundle_path, "--endpoint", fixture->url, "--token-file", fixture->token_path,
           "--user", "alice", "--password-file", password, NULL);
  g_assert_cmpint (both.status, ==, 2);

  run_cli (&bad_type, fixture->bundle_path, "--endpoint", fixture->url, "--type", "ftp", NULL);
  g_assert_cmpint (bad_type.status, ==, 2);

  /* There is no option that takes a secret itself. */
  run_cli (&password_on_command_line, fixture->bundle_path, "--endpoint", fixture->url,
           "--password", "pw", NULL);
  g_assert_cmpint (password_on_command_line.status, ==, 2);

  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 0);
}

static void
test_default_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *data_home = g_build_filename (fixture->root, "data", NULL);
  g_autofree char *placed = NULL;
  g_auto(CliRun) run = { 0 };
  g_autofree char *id = g_strndup (fixture->key, strchr (fixture->key, ':') - fixture->key);
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  run_cli_env (&run, "XDG_DATA_HOME", data_home, fixture->bundle_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  placed = g_build_filename (data_home, "io.github.mobilitydossier.Dossier", "sent", name, NULL);
  g_assert_true (g_file_get_contents (placed, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (fixture->bundle, NULL), g_bytes_get_size (fixture->bundle));
  g_assert_nonnull (strstr (run.err, "inbox"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/submit-cli/delivered", test_delivered);
  ADD ("/submit-cli/token-from-environment", test_token_from_environment);
  ADD ("/submit-cli/queued-then-delivered", test_queued_then_delivered);
  ADD ("/submit-cli/failed", test_failed);
  ADD ("/submit-cli/unusable", test_unusable);
  ADD ("/submit-cli/default-folder", test_default_folder);

  return g_test_run ();
}
