/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Review sidecars: scores checked against the profile, the weighted
 * score computed by hand, the file format, and a review going stale
 * when the bundle changes after it was scored.
 */
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-inbox.h"
#include "md-review.h"
#include "md-test-core.h"

#define KA131 "erasmus-ka131-2024"
#define SMS_ID "6ba17aea-e149-4df0-bfca-9ca645070a88"
#define SMT_ID "0b9c2a57-1f3e-4d6a-9b8c-7e5f4a3d2c1b"

static MdProgrammeRegistry *registry;

static MdProgramme *
ka131 (void)
{
  g_autoptr(GError) error = NULL;
  MdProgramme *programme = md_programme_registry_lookup (registry, KA131, &error);

  g_assert_no_error (error);
  return programme;
}

static void
score_all (MdReview    *review,
           MdProgramme *programme,
           const char  *reviewer,
           const double scores[4])
{
  const char *criteria[] = { "academic_record", "motivation", "learning_objectives", "receiving_quality" };

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      g_autoptr(GError) error = NULL;

      md_review_set_score (review, reviewer, criteria[i], scores[i], programme, "sms", &error);
      g_assert_no_error (error);
    }
}

static void
test_review_score_checks (void)
{
  g_autoptr(MdProgramme) programme = ka131 ();
  g_autoptr(MdReview) review = md_review_new (SMS_ID, "abc");
  g_autoptr(GError) error = NULL;
  double score = -1;

  g_assert_false (md_review_set_score (review, "Ann", "academic_record", 11, programme, "sms", &error));
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "between 0 and 10"));
  g_clear_error (&error);

  g_assert_false (md_review_set_score (review, "Ann", "academic_record", -1, programme, "sms", &error));
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (md_review_set_score (review, "Ann", "academic_record", NAN, programme, "sms", &error));
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* A staff criterion does not apply to a student's study mobility. */
  g_assert_false (md_review_set_score (review, "Ann", "training_plan", 5, programme, "sms", &error));
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_UNKNOWN_CRITERION);
  g_clear_error (&error);

  /* Nothing was recorded by the refused calls. */
  g_assert_cmpuint (md_review_get_n_reviewers (review), ==, 0);

  g_assert_true (md_review_set_score (review, "Ann", "academic_record", 7.5, programme, "sms", &error));
  g_assert_no_error (error);
  g_assert_true (md_review_get_score (review, "Ann", "academic_record", &score));
  g_assert_cmpfloat (score, ==, 7.5);
  g_assert_false (md_review_get_score (review, "Ann", "motivation", NULL));
  g_assert_true (md_review_check (review, programme, "sms", &error));
  g_assert_no_error (error);

  /* Only one criterion scored: no total yet. */
  g_assert_true (isnan (md_review_weighted_score (review, programme, "sms")));
}

static void
test_review_weighted_equal (void)
{
  g_autoptr(MdProgramme) programme = ka131 ();
  g_autoptr(MdReview) review = md_review_new (SMS_ID, "abc");
  g_autoptr(GError) error = NULL;

  /* KA131 students: four criteria, weight 25 each, out of 10.
   * Ann: (8 + 6 + 7 + 9) / 40 = 75 %. Ben: 5 everywhere = 50 %.
   * Cleo scored one criterion only and does not count yet. */
  score_all (review, programme, "Ann", (double[]) { 8, 6, 7, 9 });
  score_all (review, programme, "Ben", (double[]) { 5, 5, 5, 5 });
  md_review_set_score (review, "Cleo", "motivation", 10, programme, "sms", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (md_review_get_n_reviewers (review), ==, 3);
  g_assert_cmpfloat_with_epsilon (md_review_reviewer_score (review, 0, programme, "sms"), 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (md_review_reviewer_score (review, 1, programme, "sms"), 50, 1e-9);
  g_assert_true (isnan (md_review_reviewer_score (review, 2, programme, "sms")));
  g_assert_cmpfloat_with_epsilon (md_review_weighted_score (review, programme, "sms"), 62.5, 1e-9);
}

/* The first criterion weighs 40 and is scored out of 20. */
static void
weight_first_criterion (JsonObject    *profile,
                        gconstpointer  data)
{
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (profile, "evaluation_criteria"), 0);

  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "academic_record");
  json_object_set_int_member (first, "weight", 40);
  json_object_set_int_member (first, "max_score", 20);
}

static void
test_review_weighted_unequal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-review-XXXXXX", NULL);
  g_autoptr(MdProgramme) programme = md_test_write_ka131_profile (dir, weight_first_criterion, NULL);
  g_autoptr(MdReview) review = md_review_new (SMS_ID, "abc");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (programme);

  /* Ann: 15/20 × 40 + 8/10 × 25 + 6/10 × 25 + 10/10 × 25 = 90 of 115
   *      = 78.2608… %. Ben: 10/20 × 40 + 3 × 5/10 × 25 = 57.5 of 115
   *      = 50 %. The dossier: (78.2608… + 50) / 2 = 64.1304… %. */
  score_all (review, programme, "Ann", (double[]) { 15, 8, 6, 10 });
  score_all (review, programme, "Ben", (double[]) { 10, 5, 5, 5 });
  g_assert_cmpfloat_with_epsilon (md_review_reviewer_score (review, 0, programme, "sms"), 9000.0 / 115, 1e-9);
  g_assert_cmpfloat_with_epsilon (md_review_reviewer_score (review, 1, programme, "sms"), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (md_review_weighted_score (review, programme, "sms"),
                                  (9000.0 / 115 + 50) / 2, 1e-9);

  /* 20 is now allowed for the first criterion, 11 still not for the others. */
  g_assert_true (md_review_set_score (review, "Ann", "academic_record", 20, programme, "sms", &error));
  g_assert_false (md_review_set_score (review, "Ann", "motivation", 11, programme, "sms", &error));
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_OUT_OF_RANGE);

  md_test_remove_tree (dir);
}

static void
test_review_round_trip (void)
{
  g_autoptr(MdProgramme) programme = ka131 ();
  g_autoptr(MdReview) review = md_review_new (SMS_ID, "0123abcd");
  g_autoptr(MdReview) loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, SMS_ID MD_REVIEW_SUFFIX, NULL);
  g_autofree char *bundle_path = g_build_filename (dir, "x.dossier.json", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (bundle_path);
  g_autoptr(GFile) file = md_review_file_for_bundle (bundle, SMS_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *entry;
  GStatBuf info;

  g_assert_cmpstr (g_file_peek_path (file), ==, path);

  score_all (review, programme, "Ann", (double[]) { 8, 6, 7.5, 9 });
  md_review_set_comment (review, "Ann", "motivation", "Clear, “well argued”, with a plan.");
  md_review_set_comment (review, "Ann", NULL, "Strong candidate");
  md_review_set_decision (review, MD_DECISION_SELECTED, "Rank 1 of the committee", "Committee 2026-03-10");
  md_review_save_file (review, file, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* The documented members, as written. */
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "mobility-dossier-review");
  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "dossier_id"), ==, SMS_ID);
  g_assert_cmpstr (json_object_get_string_member (root, "bundle_digest"), ==, "0123abcd");
  entry = json_array_get_object_element (json_object_get_array_member (root, "reviews"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "reviewer"), ==, "Ann");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (entry, "scores"), "academic_record"), ==, 8);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (entry, "scores"), "learning_objectives"), ==, 7.5);
  g_assert_cmpstr (json_object_get_string_member (entry, "comment"), ==, "Strong candidate");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "timestamp"), "Z"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "decision"), "value"), ==, "selected");

  loaded = md_review_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_review_get_dossier_id (loaded), ==, SMS_ID);
  g_assert_cmpstr (md_review_get_comment (loaded, "Ann", "motivation"), ==, "Clear, “well argued”, with a plan.");
  g_assert_cmpstr (md_review_get_comment (loaded, "Ann", NULL), ==, "Strong candidate");
  g_assert_cmpint (md_review_get_decision (loaded), ==, MD_DECISION_SELECTED);
  g_assert_cmpstr (md_review_get_decision_reason (loaded), ==, "Rank 1 of the committee");
  g_assert_cmpstr (md_review_get_decision_by (loaded), ==, "Committee 2026-03-10");
  g_assert_nonnull (md_review_get_decision_timestamp (loaded));
  g_assert_cmpfloat_with_epsilon (md_review_weighted_score (loaded, programme, "sms"),
                                  md_review_weighted_score (review, programme, "sms"), 1e-12);
  g_assert_false (md_review_is_stale (loaded, "0123ABCD"));
  g_assert_true (md_review_is_stale (loaded, "ffff"));

  md_review_set_decision (loaded, MD_DECISION_NONE, NULL, NULL);
  g_assert_cmpint (md_review_get_decision (loaded), ==, MD_DECISION_NONE);

  md_test_remove_tree (dir);
}

static void
assert_load_fails (const char *text,
                   gint        code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = md_review_load_bytes (bytes, &error);

  g_assert_null (review);
  g_assert_error (error, MD_REVIEW_ERROR, code);
}

#define HEAD "{\"format\":\"mobility-dossier-review\",\"format_version\":1,\"dossier_id\":\"x\""

static void
test_review_load_errors (void)
{
  g_autoptr(MdProgramme) programme = ka131 ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MdReview) review = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  MdDecision decision;

  assert_load_fails ("not json", MD_REVIEW_ERROR_INVALID);
  assert_load_fails ("[]", MD_REVIEW_ERROR_INVALID);
  assert_load_fails ("{\"format\":\"mobility-dossier\",\"format_version\":1}", MD_REVIEW_ERROR_INVALID);
  assert_load_fails ("{\"format\":\"mobility-dossier-review\",\"format_version\":2,\"dossier_id\":\"x\"}",
                     MD_REVIEW_ERROR_NEWER_VERSION);
  assert_load_fails (HEAD ",\"decision\":{\"value\":\"maybe\"}}", MD_REVIEW_ERROR_INVALID);
  assert_load_fails (HEAD ",\"reviews\":[{\"reviewer\":\"A\"},{\"reviewer\":\"A\"}]}", MD_REVIEW_ERROR_INVALID);
  assert_load_fails (HEAD ",\"reviews\":[{\"reviewer\":\"A\",\"scores\":{\"motivation\":\"high\"}}]}",
                     MD_REVIEW_ERROR_INVALID);
  assert_load_fails (HEAD ",\"reviews\":[{\"scores\":{}}]}", MD_REVIEW_ERROR_INVALID);

  /* Readable, but a score someone typed in by hand is out of range. */
  text = HEAD ",\"reviews\":[{\"reviewer\":\"A\",\"scores\":{\"motivation\":12}}],\"extra\":true}";
  bytes = g_bytes_new_static (text, strlen (text));
  review = md_review_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_false (md_review_check (review, programme, "sms", &error));
  g_assert_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_OUT_OF_RANGE);

  g_assert_true (md_decision_from_string ("needs_changes", &decision));
  g_assert_cmpint (decision, ==, MD_DECISION_NEEDS_CHANGES);
  g_assert_false (md_decision_from_string ("later", &decision));
  g_assert_cmpstr (md_decision_to_string (MD_DECISION_RESERVE), ==, "reserve");
}

/* ---- Sidecars in an inbox ----------------------------------------------- */

typedef struct
{
  gboolean done;
} Done;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  md_inbox_load_finish (MD_INBOX (source), result, &error);
  g_assert_no_error (error);
  ((Done *) user_data)->done = TRUE;
}

static MdInbox *
open_inbox (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  MdInbox *inbox = md_inbox_new (folder, registry);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  Done done = { FALSE };

  md_inbox_load_async (inbox, NULL, loaded_cb, &done);
  while (!done.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done.done);
  return inbox;
}

static void
save_bundle (MdDossier  *dossier,
             const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  md_bundle_save_file (dossier, file, NULL, &error);
  g_assert_no_error (error);
}

static void
write_review (MdInboxItem *item,
              MdProgramme *programme,
              const double scores[4])
{
  g_autoptr(MdReview) review = md_review_new (md_inbox_item_get_id (item), md_inbox_item_get_digest (item));
  g_autoptr(GFile) file = md_review_file_for_bundle (md_inbox_item_get_file (item), md_inbox_item_get_id (item));
  g_autoptr(GError) error = NULL;
  const char *criteria[] = { "academic_record", "motivation", "learning_objectives", "receiving_quality" };

  for (guint i = 0; i < 4; i++)
    {
      md_review_set_score (review, "Ann", criteria[i], scores[i], programme,
                           md_inbox_item_get_activity_id (item), &error);
      g_assert_no_error (error);
    }
  md_review_save_file (review, file, NULL, &error);
  g_assert_no_error (error);
}

static void
test_review_sidecars (void)
{
  g_autoptr(MdProgramme) programme = ka131 ();
  g_autofree char *dir = g_dir_make_tmp ("md-review-XXXXXX", NULL);
  g_autoptr(MdDossier) sms = md_test_load_sample ("erasmus-ka131-2024--sms.dossier.json");
  g_autoptr(MdDossier) smt = md_test_load_sample ("erasmus-ka131-2024--smt.dossier.json");
  g_autoptr(MdInbox) first = NULL;
  g_autoptr(MdInbox) second = NULL;
  g_autoptr(GError) error = NULL;
  MdInboxItem *item;

  json_object_set_string_member (json_node_get_object (md_dossier_get_root (smt)), "id", SMT_ID);
  save_bundle (sms, dir, "sms.dossier.json");
  save_bundle (smt, dir, "smt.dossier.json");

  /* Score both through their sidecars, as a coordinator would. */
  first = open_inbox (dir);
  write_review (md_inbox_find_by_id (first, SMS_ID), programme, (double[]) { 8, 6, 7, 9 });
  write_review (md_inbox_find_by_id (first, SMT_ID), programme, (double[]) { 10, 10, 5, 5 });
  g_clear_object (&first);

  second = open_inbox (dir);
  item = md_inbox_find_by_id (second, SMS_ID);
  g_assert_cmpfloat_with_epsilon (md_inbox_item_get_score (item), 75, 1e-9);
  g_assert_false (md_inbox_item_get_review_stale (item));
  item = md_inbox_find_by_id (second, SMT_ID);
  g_assert_cmpfloat_with_epsilon (md_inbox_item_get_score (item), 75, 1e-9);
  g_assert_false (md_inbox_item_get_review_stale (item));
  g_clear_object (&second);

  /* The applicant sends a new version of one bundle: its review no
   * longer judges what is in the folder. */
  md_dossier_set_string (sms, "motivation_letter.text",
                         md_dossier_get_string (sms, "motivation_letter.text"), &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (md_dossier_get_root (sms)), "language", "en");
  save_bundle (sms, dir, "sms.dossier.json");

  second = open_inbox (dir);
  g_assert_true (md_inbox_item_get_review_stale (md_inbox_find_by_id (second, SMS_ID)));
  g_assert_false (md_inbox_item_get_review_stale (md_inbox_find_by_id (second, SMT_ID)));
  g_clear_object (&second);

  md_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  registry = md_programme_registry_new_default ();

  g_test_add_func ("/review/score-checks", test_review_score_checks);
  g_test_add_func ("/review/weighted/equal", test_review_weighted_equal);
  g_test_add_func ("/review/weighted/unequal", test_review_weighted_unequal);
  g_test_add_func ("/review/round-trip", test_review_round_trip);
  g_test_add_func ("/review/load-errors", test_review_load_errors);
  g_test_add_func ("/review/sidecars", test_review_sidecars);

  status = g_test_run ();
  g_clear_object (&registry);
  return status;
}
