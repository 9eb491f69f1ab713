/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real mobility-dossier-cli binary and checks its output and
 * exit codes (0 ok, 1 problems found, 2 unusable input).
 */
#include <glib/gstdio.h>

#include "md-bundle.h"

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
run_cli (CliRun     *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("MD_CLI");
  va_list ap;
  int wait_status;

  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
make_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
test_new_then_inspect (void)
{
  g_autofree char *path = make_path ("new.dossier.json");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) inspect = { 0 };

  run_cli (&run, "new", "--programme", "erasmus-ka131-2024", "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (run.out)));

  run_cli (&inspect, "inspect", path, NULL);
  g_assert_cmpint (inspect.status, ==, 0);
  g_assert_nonnull (strstr (inspect.out, "erasmus-ka131-2024"));
  g_assert_nonnull (strstr (inspect.out, run.out));
  g_assert_nonnull (strstr (inspect.out, "intact"));
}

static void
test_inspect_tampered (void)
{
  g_autofree char *path = make_path ("t.dossier.json");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) inspect = { 0 };
  char *programme;

  run_cli (&run, "new", "--programme", "erasmus-ka131-2024", "-o", path, NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  programme = strstr (text, "erasmus-ka131-2024");
  g_assert_nonnull (programme);
  programme[0] = 'E';
  g_file_set_contents (path, text, -1, &error);

  run_cli (&inspect, "inspect", path, NULL);
  g_assert_cmpint (inspect.status, ==, 1);
  g_assert_nonnull (strstr (inspect.out, "CHANGED OUTSIDE"));
}

static void
test_unusable_input (void)
{
  g_autofree char *path = make_path ("bad.dossier.json");
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) inspect = { 0 };
  g_auto(CliRun) validate = { 0 };
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) missing = { 0 };

  g_file_set_contents (path, "{\"format\":\"mobility-dossier\",\"format_version\":99}", -1, &error);
  g_assert_no_error (error);

  run_cli (&inspect, "inspect", path, NULL);
  g_assert_cmpint (inspect.status, ==, 2);
  g_assert_nonnull (strstr (inspect.err, "format version 99"));
  g_assert_cmpstr (inspect.out, ==, "");

  run_cli (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 2);

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_cli (&missing, "new", "--programme", "no-such", "-o", path, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "no-such"));
}

static void
test_validate_json (void)
{
  g_autofree char *path = make_path ("v.dossier.json");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) validate = { 0 };
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GError) error = NULL;

  run_cli (&run, "new", "--programme", "erasmus-ka131-2024", "-o", path, NULL);
  run_cli (&validate, "validate", "--json", path, NULL);
  /* An empty dossier has not chosen its activity yet. */
  g_assert_cmpint (validate.status, ==, 1);
  report = json_from_string (validate.out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (report));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (report), 0), "path"),
                   ==, "mobility.activity");
}

static void
test_validate_bad_date_option (void)
{
  g_autofree char *path = make_path ("d.dossier.json");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) validate = { 0 };

  run_cli (&run, "new", "--programme", "erasmus-ka131-2024", "-o", path, NULL);
  run_cli (&validate, "validate", "--date", "01/03/2026", path, NULL);
  g_assert_cmpint (validate.status, ==, 2);
  g_assert_nonnull (strstr (validate.err, "01/03/2026"));
}

static void
test_validate_and_estimate_complete_dossier (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bench-sms.dossier.json", NULL);
  g_auto(CliRun) validate = { 0 };
  g_auto(CliRun) late = { 0 };
  g_auto(CliRun) estimate = { 0 };

  run_cli (&validate, "validate", "--date", "2026-03-01", path, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_nonnull (strstr (validate.out, "No problems found"));

  run_cli (&late, "validate", "--date", "2026-08-01", path, NULL);
  g_assert_cmpint (late.status, ==, 1);
  g_assert_nonnull (strstr (late.out, "deadline.passed"));

  run_cli (&estimate, "estimate", path, NULL);
  g_assert_cmpint (estimate.status, ==, 0);
  g_assert_nonnull (strstr (estimate.out, "1870.00"));
  g_assert_nonnull (strstr (estimate.out, "estimate"));
}

static void
test_convert_grade (void)
{
  g_auto(CliRun) convert = { 0 };
  g_auto(CliRun) failing = { 0 };
  g_auto(CliRun) unknown = { 0 };

  run_cli (&convert, "convert-grade", "--from", "it-18-30", "--to", "be-0-20", "27", "24", "30", NULL);
  g_assert_cmpint (convert.status, ==, 0);
  g_assert_nonnull (strstr (convert.out, "27 → 15"));
  g_assert_nonnull (strstr (convert.out, "24 → 13"));
  g_assert_nonnull (strstr (convert.out, "30 → 17"));

  run_cli (&failing, "convert-grade", "--from", "it-18-30", "--to", "be-0-20", "27", "17", NULL);
  g_assert_cmpint (failing.status, ==, 1);
  g_assert_nonnull (strstr (failing.out, "27 → 15"));

  run_cli (&unknown, "convert-grade", "--from", "no-such-table", "--to", "be-0-20", "27", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
}

static void
test_french_messages (void)
{
  g_autofree char *path = make_path ("fr.dossier.json");
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) inspect = { 0 };

  g_file_set_contents (path, "[]", -1, &error);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  run_cli (&inspect, "inspect", path, NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (inspect.status, ==, 2);
  g_assert_nonnull (strstr (inspect.err, "objet"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/new-inspect", test_new_then_inspect);
  g_test_add_func ("/cli/tampered", test_inspect_tampered);
  g_test_add_func ("/cli/unusable", test_unusable_input);
  g_test_add_func ("/cli/validate-json", test_validate_json);
  g_test_add_func ("/cli/validate-bad-date", test_validate_bad_date_option);
  g_test_add_func ("/cli/convert-grade", test_convert_grade);
  g_test_add_func ("/cli/validate-estimate", test_validate_and_estimate_complete_dossier);
  g_test_add_func ("/cli/french", test_french_messages);
  return g_test_run ();
}
