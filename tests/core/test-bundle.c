/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "md-bundle.h"

#define MINIMAL_HEAD \
  "{\"format\":\"mobility-dossier\",\"format_version\":1," \
  "\"id\":\"5f0b6f5e-2a43-4c4e-9a53-0d0b7c1f6e11\",\"created\":\"2026-01-01T00:00:00Z\"," \
  "\"modified\":\"2026-01-01T00:00:00Z\",\"programme\":\"erasmus-ka131-2024\""

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("md-bundle-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static MdDossier *
make_complete_dossier (void)
{
  MdDossier *dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GBytes) cv = g_bytes_new_static ("%PDF-1.4 fake cv \xc3\xa9\n", 20);
  g_autoptr(GError) error = NULL;
  guint row;

  md_dossier_set_string (dossier, "applicant.given_name", "Zoë", &error);
  md_dossier_set_string (dossier, "applicant.family_name", "Van den Broeck", &error);
  md_dossier_set_string (dossier, "applicant.email", "zoe@example.org", &error);
  md_dossier_set_int (dossier, "applicant.study_cycle", 7, &error);
  md_dossier_set_string (dossier, "mobility.activity", "sms", &error);
  md_dossier_set_string (dossier, "mobility.destination_country", "DE", &error);
  md_dossier_set_string (dossier, "mobility.start_date", "2026-09-01", &error);
  md_dossier_set_string (dossier, "mobility.end_date", "2027-01-31", &error);
  md_dossier_set_string (dossier, "motivation_letter.text", "I want to learn \"field\" epidemiology.\n\tTab, ünïcödé, 😀", &error);
  md_dossier_append_row (dossier, "learning_agreement.table_a", &row, &error);
  md_dossier_set_string (dossier, "learning_agreement.table_a[0].code", "EPI-101", &error);
  md_dossier_set_double (dossier, "learning_agreement.table_a[0].ects", 7.5, &error);
  md_dossier_set_double (dossier, "learning_agreement.table_a[0].ects", 6, &error);
  md_dossier_add_attachment (dossier, "cv.pdf", "application/pdf", cv, &error);
  g_assert_no_error (error);

  return dossier;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static MdDossier *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return md_bundle_load_bytes (bytes, error);
}

static void
assert_load_fails (const char *text,
                   gint        code,
                   const char *expected_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = load_text (text, &error);

  g_assert_null (dossier);
  g_assert_error (error, MD_BUNDLE_ERROR, code);
  if (expected_in_message != NULL && strstr (error->message, expected_in_message) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected_in_message);
}

static void
test_round_trip_byte_identical (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *first_path = g_build_filename (dir, "a.dossier.json", NULL);
  g_autofree char *second_path = g_build_filename (dir, "b.dossier.json", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(MdDossier) dossier = make_complete_dossier ();
  g_autoptr(MdDossier) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  GStatBuf st;

  g_assert_true (md_bundle_save_file (dossier, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (md_dossier_get_modified_since_save (dossier));

  loaded = md_bundle_load_file (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (loaded), ==, MD_INTEGRITY_INTACT);
  g_assert_cmpstr (md_dossier_get_string (loaded, "applicant.given_name"), ==, "Zoë");
  g_assert_cmpfloat (md_dossier_get_double (loaded, "learning_agreement.table_a[0].ects", 0), ==, 6);

  g_assert_true (md_bundle_save_file (loaded, second, NULL, &error));
  first_bytes = read_bytes (first_path);
  second_bytes = read_bytes (second_path);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  /* Starts with the format so the MIME magic finds it. */
  g_assert_true (g_str_has_prefix (g_bytes_get_data (first_bytes, NULL), "{\n  \"format\" : \"mobility-dossier\","));

  g_assert_cmpint (g_stat (first_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_unknown_members_preserved (void)
{
  const char *text = MINIMAL_HEAD ",\"x_future\":{\"list\":[1,2.5,\"three\",null]},"
                     "\"applicant\":{\"given_name\":\"Ana\",\"x_pronouns\":\"she/her\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = load_text (text, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MdDossier) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_MISSING);

  saved = md_bundle_serialize (dossier);
  again = md_bundle_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (again), ==, MD_INTEGRITY_INTACT);
  g_assert_cmpstr (md_dossier_get_string (again, "applicant.x_pronouns"), ==, "she/her");
  g_assert_cmpstr (md_dossier_get_string (again, "x_future.list[2]"), ==, "three");
  g_assert_true (JSON_NODE_HOLDS_NULL (md_dossier_lookup (again, "x_future.list[3]")));

  saved_again = md_bundle_serialize (again);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

/* Written by another implementation (Python's json module): the
 * canonical form is a contract, not a json-glib accident. */
static void
test_foreign_writer_verifies (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample-sms.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_INTACT);
  g_assert_cmpstr (md_dossier_get_string (dossier, "mobility.receiving_organisation.name"), ==,
                   "Charité – Universitätsmedizin Berlin");
  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.table_a"), ==, 3);
}

static void
test_changed_outside (void)
{
  g_autoptr(MdDossier) dossier = make_complete_dossier ();
  g_autoptr(GBytes) saved = md_bundle_serialize (dossier);
  g_autofree char *text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) tampered = NULL;
  char *name = strstr (text, "Van den Broeck");

  g_assert_nonnull (name);
  name[0] = 'W';
  tampered = load_text (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tampered);
  g_assert_cmpint (md_dossier_get_integrity (tampered), ==, MD_INTEGRITY_CHANGED_OUTSIDE);
  g_assert_cmpstr (md_dossier_get_string (tampered, "applicant.family_name"), ==, "Wan den Broeck");
}

static void
test_bad_truncated (void)
{
  assert_load_fails (MINIMAL_HEAD ",\"applicant\":{\"given", MD_BUNDLE_ERROR_SYNTAX, "JSON");
}

static void
test_bad_not_utf8 (void)
{
  assert_load_fails (MINIMAL_HEAD ",\"applicant\":{\"given_name\":\"Zo\xeb\"}}",
                     MD_BUNDLE_ERROR_NOT_UTF8, "UTF-8");
}

static void
test_bad_array_root (void)
{
  assert_load_fails ("[" MINIMAL_HEAD "}]", MD_BUNDLE_ERROR_NOT_AN_OBJECT, "not an object");
}

static void
test_bad_wrong_types (void)
{
  assert_load_fails (MINIMAL_HEAD ",\"applicant\":\"Ana\"}", MD_BUNDLE_ERROR_WRONG_TYPE, "“applicant”");
  assert_load_fails (MINIMAL_HEAD ",\"learning_agreement\":{\"table_a\":[{\"ects\":5},{\"ects\":\"five\"}]}}",
                     MD_BUNDLE_ERROR_WRONG_TYPE, "learning_agreement.table_a[1].ects");
  assert_load_fails ("{\"format\":\"mobility-dossier\",\"format_version\":\"1\"}",
                     MD_BUNDLE_ERROR_WRONG_TYPE, "format_version");
  assert_load_fails (MINIMAL_HEAD ",\"applicant\":{\"study_cycle\":7.5}}",
                     MD_BUNDLE_ERROR_WRONG_TYPE, "applicant.study_cycle");
}

static void
test_bad_missing_members (void)
{
  assert_load_fails ("{\"format\":\"mobility-dossier\",\"format_version\":1,\"id\":\"x\"}",
                     MD_BUNDLE_ERROR_MISSING_MEMBER, "“created”");
  assert_load_fails ("{\"format_version\":1}", MD_BUNDLE_ERROR_WRONG_FORMAT, "format");
  assert_load_fails ("{\"format\":\"something-else\",\"format_version\":1}", MD_BUNDLE_ERROR_WRONG_FORMAT, "format");
}

static void
test_bad_huge_file (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  /* A sparse 200 MB file: the loader must refuse it from its size. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);

  dossier = md_bundle_load_file (file, NULL, &error);
  g_assert_null (dossier);
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "209.7\u00a0MB"));
  g_unlink (path);
}

static void
test_bad_attachment_digest (void)
{
  g_autoptr(MdDossier) dossier = make_complete_dossier ();
  g_autoptr(GBytes) saved = md_bundle_serialize (dossier);
  g_autofree char *text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_autofree char *encoded = g_strdup (md_dossier_get_string (dossier, "attachments[0].data"));
  char *data = strstr (text, encoded);

  g_assert_nonnull (data);
  data[0] = data[0] == 'J' ? 'K' : 'J';
  assert_load_fails (text, MD_BUNDLE_ERROR_ATTACHMENT_CORRUPT, "attachments[0].data");
}

static void
test_bad_attachment_too_large (void)
{
  g_autofree char *text = g_strdup_printf (MINIMAL_HEAD ",\"attachments\":[{\"name\":\"x\",\"size\":%d,"
                                           "\"sha256\":\"00\",\"data\":\"\"}]}", 50 * 1024 * 1024);

  assert_load_fails (text, MD_BUNDLE_ERROR_ATTACHMENT_TOO_LARGE, "attachments[0]");
}

static void
test_bad_huge_number (void)
{
  assert_load_fails (MINIMAL_HEAD ",\"applicant\":{\"previous_mobility_months\":1e22}}",
                     MD_BUNDLE_ERROR_WRONG_TYPE, "applicant.previous_mobility_months");
  assert_load_fails (MINIMAL_HEAD ",\"x_future\":[1e300]}", MD_BUNDLE_ERROR_WRONG_TYPE, "x_future[0]");
}

static void
test_bad_attachment_negative_size (void)
{
  assert_load_fails (MINIMAL_HEAD ",\"attachments\":[{\"name\":\"x\",\"size\":-1,"
                     "\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"data\":\"\"}]}",
                     MD_BUNDLE_ERROR_ATTACHMENT_CORRUPT, "attachments[0].data");
}

static void
test_bad_newer_version (void)
{
  assert_load_fails ("{\"format\":\"mobility-dossier\",\"format_version\":99,\"id\":\"x\"}",
                     MD_BUNDLE_ERROR_NEWER_VERSION, "99");
}

static void
test_bad_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (MINIMAL_HEAD ",\"x_junk\":");

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, i % 2 ? "{\"a\":" : "[");
  for (guint i = 10000; i > 0; i--)
    g_string_append (text, (i - 1) % 2 ? "}" : "]");
  g_string_append (text, "}");

  assert_load_fails (text->str, MD_BUNDLE_ERROR_TOO_DEEP, "64");
}

static void
test_bad_duplicate_members (void)
{
  assert_load_fails (MINIMAL_HEAD ",\"programme\":\"other\"}", MD_BUNDLE_ERROR_DUPLICATE_MEMBER, "“programme”");
  assert_load_fails (MINIMAL_HEAD ",\"applicant\":{\"email\":\"a@b.eu\",\"email\":\"c@d.eu\"}}",
                     MD_BUNDLE_ERROR_DUPLICATE_MEMBER, "“email”");
  /* The same name written with an escape is the same name. */
  assert_load_fails (MINIMAL_HEAD ",\"x_a\":1,\"x_\\u0061\":2}", MD_BUNDLE_ERROR_DUPLICATE_MEMBER, "“x_a”");
}

/* The digest as version 0.1 computed it: sort a copy, let json-glib
 * write it. The direct writer must give the same bytes, forever. */
static JsonNode *
reference_sorted_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) sorted = json_object_new ();
      g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (sorted, l->data, reference_sorted_copy (json_object_get_member (object, l->data)));
      return json_node_init_object (json_node_alloc (), sorted);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, reference_sorted_copy (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), copy);
    }

  return json_node_copy (node);
}

static char *
reference_digest (JsonNode *root)
{
  g_autoptr(JsonNode) canonical = reference_sorted_copy (root);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length;

  json_object_remove_member (json_node_get_object (canonical), "integrity");
  json_generator_set_root (generator, canonical);
  text = json_generator_to_data (generator, &length);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
}

static void
assert_digest_as_reference (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *digest = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  expected = reference_digest (json_parser_get_root (parser));
  digest = md_bundle_compute_digest (json_parser_get_root (parser));
  g_assert_cmpstr (digest, ==, expected);
}

static void
test_digest_matches_generator (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint checked = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      assert_digest_as_reference (text);
      checked++;
    }
  g_assert_cmpuint (checked, >, 10);

  /* Every escape json-glib makes (and the one it does not: 0x1f),
   * UTF-8, integers to the extremes, doubles, empty containers, names
   * that sort by bytes, and a nested "integrity" that stays. */
  assert_digest_as_reference ("{\"b\":\"q\\\"b\\\\s\\/\\n\\t\\b\\f\\r\\u0001\\u001f\\u007f é 😀\","
                              "\"a\":[0,-1,9223372036854775807,-9223372036854775808,7.5,3.0,-0.0,1e-7,0.1,123456.789,"
                              "true,false,null,{},[],\"\"],\"Z\":{\"é\":1,\"e\":2,\"_\":3,\"aa\":4,\"a\":5},"
                              "\"x\":{\"integrity\":1},\"integrity\":{\"digest\":\"x\"},\"k\\\"ey\":\"\"}");
}

static void
test_strings_with_brackets_are_not_nesting (void)
{
  g_autoptr(GString) text = g_string_new (MINIMAL_HEAD ",\"motivation_letter\":{\"text\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "[{\\\"");
  g_string_append (text, "\"}}");

  dossier = load_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
}

static void
test_atomic_save_keeps_old_file (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("MD_TEST_TARGET");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MdDossier) dossier = make_complete_dossier ();
      g_autoptr(GBytes) big = g_bytes_new_take (g_malloc0 (256 * 1024), 256 * 1024);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      /* Any write past 64 KiB fails with EFBIG, as on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      md_dossier_add_attachment (dossier, "big.bin", NULL, big, &error);
      g_assert_no_error (error);

      g_assert_false (md_bundle_save_file (dossier, file, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (md_dossier_get_modified_since_save (dossier));
      return;
    }

  {
    g_autofree char *dir = make_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "keep.dossier.json", NULL);
    g_autofree char *backup_path = g_strconcat (path, "~", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(MdDossier) dossier = make_complete_dossier ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) before = NULL;
    g_autoptr(GBytes) after = NULL;
    g_autoptr(MdDossier) reloaded = NULL;
    g_autoptr(GDir) listing = NULL;
    guint entries = 0;

    g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
    before = read_bytes (path);

    g_setenv ("MD_TEST_TARGET", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();

    after = read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
    reloaded = md_bundle_load_file (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (md_dossier_get_integrity (reloaded), ==, MD_INTEGRITY_INTACT);

    /* The backup is the previous version; no temporary file is left. */
    g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
    listing = g_dir_open (dir, 0, NULL);
    while (g_dir_read_name (listing) != NULL)
      entries++;
    g_assert_cmpuint (entries, ==, 2);
  }
}

static void
test_backup_holds_previous_version (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "b.dossier.json", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(MdDossier) dossier = make_complete_dossier ();
  g_autoptr(MdDossier) previous = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  md_dossier_set_string (dossier, "applicant.given_name", "Zoe", &error);
  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));

  previous = md_bundle_load_file (backup, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_string (previous, "applicant.given_name"), ==, "Zoë");
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_save_and_load (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "async.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdDossier) dossier = make_complete_dossier ();
  g_autoptr(MdDossier) loaded = NULL;
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GError) error = NULL;

  md_bundle_save_file_async (dossier, file, NULL, on_async_done, &save_result);
  while (save_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (md_bundle_save_file_finish (save_result, &error));
  g_assert_no_error (error);
  g_assert_false (md_dossier_get_modified_since_save (dossier));

  md_bundle_load_file_async (file, NULL, on_async_done, &load_result);
  while (load_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = md_bundle_load_file_finish (load_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_id (loaded), ==, md_dossier_get_id (dossier));
}

static void
test_async_save_of_changing_dossier_stays_modified (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "race.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdDossier) dossier = make_complete_dossier ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  md_bundle_save_file_async (dossier, file, NULL, on_async_done, &result);
  md_dossier_set_string (dossier, "applicant.phone", "+32 3 000 00 00", &error);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (md_bundle_save_file_finish (result, &error));
  g_assert_true (md_dossier_get_modified_since_save (dossier));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundle/round-trip", test_round_trip_byte_identical);
  g_test_add_func ("/bundle/unknown-members", test_unknown_members_preserved);
  g_test_add_func ("/bundle/changed-outside", test_changed_outside);
  g_test_add_func ("/bundle/foreign-writer", test_foreign_writer_verifies);
  g_test_add_func ("/bundle/bad/truncated", test_bad_truncated);
  g_test_add_func ("/bundle/bad/not-utf8", test_bad_not_utf8);
  g_test_add_func ("/bundle/bad/array-root", test_bad_array_root);
  g_test_add_func ("/bundle/bad/wrong-types", test_bad_wrong_types);
  g_test_add_func ("/bundle/bad/missing-members", test_bad_missing_members);
  g_test_add_func ("/bundle/bad/huge-file", test_bad_huge_file);
  g_test_add_func ("/bundle/bad/attachment-digest", test_bad_attachment_digest);
  g_test_add_func ("/bundle/bad/attachment-too-large", test_bad_attachment_too_large);
  g_test_add_func ("/bundle/bad/newer-version", test_bad_newer_version);
  g_test_add_func ("/bundle/bad/huge-number", test_bad_huge_number);
  g_test_add_func ("/bundle/bad/attachment-negative-size", test_bad_attachment_negative_size);
  g_test_add_func ("/bundle/bad/deep-nesting", test_bad_deep_nesting);
  g_test_add_func ("/bundle/bad/duplicate-members", test_bad_duplicate_members);
  g_test_add_func ("/bundle/digest-matches-generator", test_digest_matches_generator);
  g_test_add_func ("/bundle/brackets-in-strings", test_strings_with_brackets_are_not_nesting);
  g_test_add_func ("/bundle/atomic-save", test_atomic_save_keeps_old_file);
  g_test_add_func ("/bundle/backup", test_backup_holds_previous_version);
  g_test_add_func ("/bundle/async", test_async_save_and_load);
  g_test_add_func ("/bundle/async-race", test_async_save_of_changing_dossier_stays_modified);
  return g_test_run ();
}
