/* test-fuzz-regressions.c: the inputs the fuzz targets found (or that
 * were written after what they found), replayed with any compiler
 *
 * Every file of tests/fuzz/regressions/<target>/ and of the seed corpus
 * goes through the same checks as under libFuzzer (md-fuzz-checks.c);
 * the tests below then name what each reproducer must give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "md-bundle.h"
#include "md-fuzz.h"
#include "md-review.h"
#include "md-submitter-private.h"

typedef void (*CheckFunc) (GBytes *input);

static GBytes *
load_input (const char *folder,
            const char *target,
            const char *name)
{
  g_autofree char *path = g_build_filename (MD_FUZZ_SOURCE_ROOT, "tests", "fuzz", folder, target, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GBytes *
load_regression (const char *target,
                 const char *name)
{
  return load_input ("regressions", target, name);
}

static void
replay_folder (const char *folder,
               const char *target,
               CheckFunc   check)
{
  g_autofree char *path = g_build_filename (MD_FUZZ_SOURCE_ROOT, "tests", "fuzz", folder, target, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint count = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) input = load_input (folder, target, name);

      g_test_message ("%s/%s/%s", folder, target, name);
      check (input);
      count++;
    }

  g_assert_cmpuint (count, >, 0);
}

static void
test_replay (gconstpointer data)
{
  const char *target = data;
  CheckFunc check = g_str_equal (target, "bundle") ? md_fuzz_check_bundle
                  : g_str_equal (target, "programme") ? md_fuzz_check_programme
                  : g_str_equal (target, "review") ? md_fuzz_check_review
                  : md_fuzz_check_answer;

  replay_folder ("corpus", target, check);
  replay_folder ("regressions", target, check);
}

/* ---- Bundles ------------------------------------------------------------ */

static void
assert_bundle_refused (GBytes       *input,
                       gint          code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_bytes (input, &error);

  g_assert_null (dossier);
  g_assert_error (error, MD_BUNDLE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_bundle_empty (void)
{
  /* Empty bytes hold no data pointer: undefined behaviour, then a
   * critical from json-glib. */
  g_autoptr(GBytes) input = g_bytes_new (NULL, 0);

  assert_bundle_refused (input, MD_BUNDLE_ERROR_NOT_AN_OBJECT);
}

static void
test_bundle_hidden_depth (void)
{
  /* A quote inside a single-quoted string or a comment, which json-glib
   * reads, hid the brackets after it from the depth check. */
  const char * const names[] = {
    "single-quote-hides-depth.json",
    "comment-hides-depth.json",
    "slash-comment-hides-depth.json",
    /* json-glib ends "/\*" at the first slash, not at "*\/". */
    "c-comment-ends-at-slash.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) input = load_regression ("bundle", names[i]);

      assert_bundle_refused (input, MD_BUNDLE_ERROR_TOO_DEEP);
    }
}

static void
test_bundle_hidden_depth_overflow (void)
{
  /* The crash itself: deep enough to exhaust the stack in json-glib,
   * too large to keep as a file. */
  GString *text = g_string_new ("{'\"':");
  g_autoptr(GBytes) input = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 500000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  input = g_string_free_to_bytes (text);

  assert_bundle_refused (input, MD_BUNDLE_ERROR_TOO_DEEP);
}

static void
test_bundle_var_assignment (void)
{
  /* json-glib reads "var name = {…};" as the object, as deep as it is:
   * text that does not start like a JSON object is refused unparsed. */
  g_autoptr(GBytes) input = load_regression ("bundle", "var-assignment-hides-depth.json");
  GString *text = g_string_new ("var dossier = {\"a\":");
  g_autoptr(GBytes) deep = NULL;

  assert_bundle_refused (input, MD_BUNDLE_ERROR_SYNTAX);

  for (guint i = 0; i < 500000; i++)
    g_string_append_c (text, '[');
  deep = g_string_free_to_bytes (text);
  assert_bundle_refused (deep, MD_BUNDLE_ERROR_SYNTAX);
}

static void
test_bundle_bad_escapes (void)
{
  /* json-glib makes bytes that are not UTF-8 out of "\ud800" and "\200";
   * a dossier holding them did not save into a file that opens. */
  g_autoptr(GBytes) surrogate = load_regression ("bundle", "surrogate-escape-string.json");
  g_autoptr(GBytes) octal = load_regression ("bundle", "octal-escape-string.json");

  assert_bundle_refused (surrogate, MD_BUNDLE_ERROR_SYNTAX);
  assert_bundle_refused (octal, MD_BUNDLE_ERROR_SYNTAX);
}

static void
test_bundle_syntax_error_message (void)
{
  /* json-glib quotes the bad string, escape and all, in its message. */
  g_autoptr(GBytes) input = load_regression ("bundle", "surrogate-escape-in-syntax-error.json");

  assert_bundle_refused (input, MD_BUNDLE_ERROR_SYNTAX);
}

static void
test_bundle_trailing_values (void)
{
  /* json-glib reads on after the first value, leaks what follows and
   * even reports success. */
  g_autoptr(GBytes) scalar = load_regression ("bundle", "scalar-root-leak.json");
  g_autoptr(GBytes) second = load_regression ("bundle", "second-object-leak.json");
  g_autoptr(GBytes) commented = load_regression ("bundle", "comment-before-second-value-leak.json");

  assert_bundle_refused (scalar, MD_BUNDLE_ERROR_NOT_AN_OBJECT);
  assert_bundle_refused (second, MD_BUNDLE_ERROR_SYNTAX);
  assert_bundle_refused (commented, MD_BUNDLE_ERROR_SYNTAX);
}

static void
test_bundle_exponent_numbers (void)
{
  /* json-glib wrote 1e22 as "1e+22.0" and infinity as "inf.0": the
   * saved bundle did not open again. Refused, or saved so that it
   * opens: never a file that does not. */
  g_autoptr(GBytes) input = load_regression ("bundle", "exponent-numbers.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_bytes (input, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MdDossier) reloaded = NULL;

  if (dossier == NULL)
    {
      g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE);
      return;
    }

  saved = md_bundle_serialize (dossier);
  reloaded = md_bundle_load_bytes (saved, &error);
  g_assert_no_error (error);
}

/* ---- Programme profiles ------------------------------------------------- */

static void
assert_programme_refused (const char *name,
                          const char *path_in_message)
{
  g_autoptr(GBytes) input = load_regression ("programme", name);
  g_autoptr(GFile) dir = md_fuzz_programmes_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "fuzz.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgramme) programme = md_programme_new_from_bytes (input, file, &error);

  g_test_message ("%s: %s", name, error ? error->message : "(loaded)");
  g_assert_null (programme);
  g_assert_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (path_in_message != NULL)
    g_assert_nonnull (strstr (error->message, path_in_message));
}

static void
test_programme_wrong_types (void)
{
  /* Each was a crash (a NULL string compared) or a critical from
   * json-glib's typed getters. */
  assert_programme_refused ("empty", NULL);
  assert_programme_refused ("unit-not-text.json", "activities[0].duration.unit");
  assert_programme_refused ("destination-not-text.json", "activities[0].destinations[0]");
  assert_programme_refused ("per-not-text.json", "activities[0].grant.individual.per");
  assert_programme_refused ("tiers-not-list.json", "activities[0].grant.individual.tiers");
  assert_programme_refused ("tier-not-object.json", "activities[0].grant.individual.tiers[0]");
  assert_programme_refused ("travel-set-not-text.json", "activities[0].grant.travel.set");
  assert_programme_refused ("id-not-text.json", "id");
  assert_programme_refused ("deep.json", NULL);
  assert_programme_refused ("second-object-leak.json", NULL);
}

static void
test_programme_loose_members (void)
{
  /* Loaded, and then used by the validator, the grant estimate and the
   * review scores without a critical. */
  const char * const names[] = {
    "title-en-not-text.json",
    "criterion-id-not-text.json",
    "indicative-not-objects.json",
    "no-exclusions.json",
    "loose-activity-members.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) input = load_regression ("programme", names[i]);

      md_fuzz_check_programme (input);
    }
}

/* ---- Reviews ------------------------------------------------------------ */

static void
assert_review_refused (const char *name)
{
  g_autoptr(GBytes) input = load_regression ("review", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = md_review_load_bytes (input, &error);

  g_assert_null (review);
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_review_refused (void)
{
  assert_review_refused ("empty");
  assert_review_refused ("format-not-text.json");
  assert_review_refused ("scalar-root-leak.json");
  assert_review_refused ("deep.json");
  assert_review_refused ("surrogate-escape.json");
  /* json-glib leaked its scanner's buffer on a broken "\u" escape. */
  assert_review_refused ("broken-u-escape-leak.json");
  assert_review_refused ("unterminated-u-escape-leak.json");
  /* json-glib read on past "$C" and leaked the object after it. */
  assert_review_refused ("leading-garbage-leak.json");
}

static void
test_review_deep_overflow (void)
{
  GString *text = g_string_new ("{\"format\":\"mobility-dossier-review\",\"x\":");
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append_c (text, '[');
  input = g_string_free_to_bytes (text);

  review = md_review_load_bytes (input, &error);
  g_assert_null (review);
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_INVALID);
}

static void
test_review_round_trip (void)
{
  g_autoptr(GBytes) input = load_regression ("review", "exponent-score.json");
  g_autoptr(GBytes) null_digest = load_regression ("review", "null-digest.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = md_review_load_bytes (input, &error);
  g_autoptr(MdReview) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = md_review_serialize (review);
  reloaded = md_review_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_review_get_dossier_id (reloaded), ==, "x");

  g_clear_object (&review);
  review = md_review_load_bytes (null_digest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_review_get_bundle_digest (review), ==, "");
  g_assert_true (md_review_is_stale (review, "abc"));
}

/* ---- Intake answers ----------------------------------------------------- */

/* The 3-byte header of an answer input chooses the status; these
 * helpers only need the body. */
static GBytes *
load_answer_body (const char *name)
{
  g_autoptr(GBytes) input = load_regression ("answer", name);
  gsize size;
  const guint8 *data = g_bytes_get_data (input, &size);
  gsize skip = 3 + MIN ((gsize) data[2], size - 3);

  return g_bytes_new (data + skip, size - skip);
}

static void
test_answer_problem_text (void)
{
  const char * const names[] = {
    "title-not-text.bin",
    "surrogate-escape-title.bin",
    "octal-escape-title.bin",
  };
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, "https://intake.example.org/");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) body = load_answer_body (names[i]);
      g_autofree char *answer = md_submission_describe_answer (body, message);

      g_assert_true (g_utf8_validate (answer, -1, NULL));
    }
}

static void
test_answer_not_a_receipt (void)
{
  /* Taken for a receipt, each would have gone into the outbox and the
   * bundle: leaked, not UTF-8, too deep or with a number too large for
   * the saved bundle to open again. */
  const char * const names[] = {
    "scalar-root-leak.bin",
    "surrogate-escape-title.bin",
    "octal-escape-title.bin",
    "deep-receipt.bin",
    "exponent-receipt.bin",
    "broken-u-escape.bin",
  };
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, "https://intake.example.org/");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) body = load_answer_body (names[i]);
      g_autoptr(JsonObject) receipt = md_submission_parse_json_object (body, message);

      g_assert_null (receipt);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char * const targets[] = { "bundle", "programme", "review", "answer" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fuzz/%s/replay", targets[i]);

      g_test_add_data_func (path, targets[i], test_replay);
    }

  g_test_add_func ("/fuzz/bundle/empty", test_bundle_empty);
  g_test_add_func ("/fuzz/bundle/hidden-depth", test_bundle_hidden_depth);
  g_test_add_func ("/fuzz/bundle/hidden-depth-overflow", test_bundle_hidden_depth_overflow);
  g_test_add_func ("/fuzz/bundle/var-assignment", test_bundle_var_assignment);
  g_test_add_func ("/fuzz/bundle/bad-escapes", test_bundle_bad_escapes);
  g_test_add_func ("/fuzz/bundle/syntax-error-message", test_bundle_syntax_error_message);
  g_test_add_func ("/fuzz/bundle/trailing-values", test_bundle_trailing_values);
  g_test_add_func ("/fuzz/bundle/exponent-numbers", test_bundle_exponent_numbers);
  g_test_add_func ("/fuzz/programme/wrong-types", test_programme_wrong_types);
  g_test_add_func ("/fuzz/programme/loose-members", test_programme_loose_members);
  g_test_add_func ("/fuzz/review/refused", test_review_refused);
  g_test_add_func ("/fuzz/review/deep-overflow", test_review_deep_overflow);
  g_test_add_func ("/fuzz/review/round-trip", test_review_round_trip);
  g_test_add_func ("/fuzz/answer/problem-text", test_answer_problem_text);
  g_test_add_func ("/fuzz/answer/not-a-receipt", test_answer_not_a_receipt);

  return g_test_run ();
}
