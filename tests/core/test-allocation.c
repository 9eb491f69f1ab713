/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranking and allocation against the KA131 quotas (8 grants for
 * students going to EU and associated countries, 2 for students going
 * to non-associated ones, 5 for staff), with every outcome computed by
 * hand beside the test.
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "md-allocation.h"
#include "md-bundle.h"
#include "md-programme-registry.h"
#include "md-test-core.h"

#define KA131 "erasmus-ka131-2024"
#define EU_QUOTA "students_eu_associated"

static MdProgrammeRegistry *registry;

typedef struct
{
  const char *name;        /* given name; also makes the id unique */
  const char *sample;      /* "sms" or "stt" */
  const char *country;
  const char *submitted;   /* date of the submission, February 2026 */
  double      score;       /* every criterion, out of 10; < 0: not scored */
  MdDecision  decision;
  const char *reason;
  gboolean    stale;
} Applicant;

static MdDossier *
load_sample (const char *activity)
{
  g_autofree char *name = g_strdup_printf (KA131 "--%s.dossier.json", activity);

  return md_test_load_sample (name);
}

static void
set_submission (JsonObject *root,
                const char *date)
{
  g_autoptr(JsonArray) submissions = json_array_new ();
  g_autoptr(JsonObject) submission = json_object_new ();
  g_autofree char *timestamp = g_strconcat (date, "T10:00:00Z", NULL);

  json_object_set_string_member (submission, "endpoint", "https://intake.example.org/");
  json_object_set_string_member (submission, "timestamp", timestamp);
  json_array_add_object_element (submissions, g_steal_pointer (&submission));
  json_object_set_array_member (root, "submissions", g_steal_pointer (&submissions));
}

static MdReview *
make_review (MdInboxItem       *item,
             MdProgramme       *programme,
             const Applicant   *applicant)
{
  g_autoptr(GPtrArray) criteria = md_review_list_criteria (programme, md_inbox_item_get_activity_id (item));
  MdReview *review = md_review_new (md_inbox_item_get_id (item),
                                    applicant->stale ? "an older version" : md_inbox_item_get_digest (item));

  for (guint i = 0; applicant->score >= 0 && i < criteria->len; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *id = json_object_get_string_member (criteria->pdata[i], "id");

      md_review_set_score (review, "Committee", id, applicant->score, programme,
                           md_inbox_item_get_activity_id (item), &error);
      g_assert_no_error (error);
    }
  if (applicant->decision != MD_DECISION_NONE)
    md_review_set_decision (review, applicant->decision, applicant->reason, "Chair");

  return review;
}

/* A sample with the applicant's own id, name, destination, submission
 * date and review; the file name is never read. */
static MdInboxItem *
make_item (MdProgramme     *programme,
           const Applicant *applicant)
{
  g_autoptr(MdDossier) dossier = load_sample (applicant->sample);
  g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_MD5, applicant->name, -1);
  g_autofree char *email = g_strdup_printf ("%s@example.org", applicant->name);
  g_autofree char *path = g_strdup_printf ("/nonexistent/%s.dossier.json", applicant->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdReview) review = NULL;
  JsonObject *root = json_node_get_object (md_dossier_get_root (dossier));
  MdInboxItem *item;

  json_object_set_string_member (root, "id", id);
  json_object_set_string_member (json_object_get_object_member (root, "applicant"), "given_name", applicant->name);
  json_object_set_string_member (json_object_get_object_member (root, "applicant"), "email", email);
  json_object_set_string_member (json_object_get_object_member (root, "mobility"), "destination_country",
                                 applicant->country);
  set_submission (root, applicant->submitted);

  item = md_inbox_item_new_for_dossier (file, dossier, programme);
  review = make_review (item, programme, applicant);
  md_inbox_item_set_review (item, review, programme);
  return item;
}

static GListStore *
make_items (MdProgramme     *programme,
            const Applicant *applicants,
            guint            n)
{
  GListStore *store = g_list_store_new (MD_TYPE_INBOX_ITEM);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdInboxItem) item = make_item (programme, &applicants[i]);

      g_list_store_append (store, item);
    }

  return store;
}

static MdInboxItem *
find (GListModel *items,
      const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (items, i);

      if (g_str_has_prefix (md_inbox_item_get_applicant (item), name) &&
          md_inbox_item_get_applicant (item)[strlen (name)] == ' ')
        return item;
    }

  g_assert_not_reached ();
}

static const MdAllocationResult *
result_of (MdAllocation *allocation,
           GListModel   *items,
           const char   *name)
{
  const MdAllocationResult *result = md_allocation_lookup (allocation, find (items, name));

  g_assert_nonnull (result);
  return result;
}

static void
assert_outcome (MdAllocation *allocation,
                GListModel   *items,
                const char   *name,
                MdOutcome     outcome,
                guint         rank)
{
  const MdAllocationResult *result = result_of (allocation, items, name);

  if (result->outcome != outcome || result->rank != rank)
    g_error ("%s: %s rank %u (%s), expected %s rank %u", name, md_outcome_to_string (result->outcome),
             result->rank, result->reason, md_outcome_to_string (outcome), rank);
}

/* Scores are out of 10 on every criterion, so the weighted score is
 * ten times the number. */
static const Applicant ka131_applicants[] = {
  /* Students to the EU: 11 positively evaluated for 8 grants. Emma and
   * Finn tie at 80; Finn submitted first and ranks first of the two. */
  { "Anna", "sms", "DE", "2026-02-01", 9.5 },
  { "Bram", "sms", "FR", "2026-02-02", 9.0 },
  { "Cleo", "sms", "NL", "2026-02-03", 8.5 },
  { "Emma", "sms", "ES", "2026-02-10", 8.0 },
  { "Finn", "sms", "IT", "2026-02-05", 8.0 },
  { "Gaia", "sms", "PT", "2026-02-06", 7.5 },
  { "Hugo", "sms", "SE", "2026-02-07", 7.0 },
  { "Ines", "sms", "AT", "2026-02-08", 6.5 },
  { "Jens", "sms", "PL", "2026-02-09", 6.0 },
  { "Kato", "sms", "CZ", "2026-02-11", 5.5 },
  { "Lena", "sms", "DE", "2026-02-12", 5.0 },
  /* Out of the ranking, each for its own reason. */
  { "Mila", "sms", "DE", "2026-02-01", 4.0 },
  { "Nils", "sms", "DE", "2026-02-01", 9.9, MD_DECISION_REJECTED, "Plagiarised letter" },
  { "Olga", "sms", "BE", "2026-02-01", 9.0 },
  { "Piet", "sms", "DE", "2026-02-01", -1 },
  { "Rosa", "sms", "DE", "2026-02-01", 10, MD_DECISION_NONE, NULL, TRUE },
  { "Sara", "sms", "DE", "2026-02-01", 9.0, MD_DECISION_NEEDS_CHANGES, "Missing transcript" },
  /* Students to non-associated countries: 3 for 2 grants. */
  { "Tom", "sms", "US", "2026-02-01", 7.0 },
  { "Uma", "sms", "JP", "2026-02-01", 6.0 },
  { "Vic", "sms", "CA", "2026-02-01", 9.0 },
  /* Staff: 6 for 5 grants. */
  { "Wim", "stt", "FR", "2026-02-01", 9.0 },
  { "Xia", "stt", "DE", "2026-02-02", 8.0 },
  { "Yan", "stt", "NL", "2026-02-03", 7.0 },
  { "Zoe", "stt", "ES", "2026-02-04", 6.0 },
  { "Ada", "stt", "IT", "2026-02-05", 5.5 },
  { "Ben", "stt", "AT", "2026-02-06", 5.0 },
};

static void
test_allocation_ka131 (void)
{
  g_autoptr(MdProgramme) programme = md_programme_registry_lookup (registry, KA131, NULL);
  g_autoptr(GListStore) store = make_items (programme, ka131_applicants, G_N_ELEMENTS (ka131_applicants));
  g_autoptr(MdAllocation) allocation = md_allocation_new ();
  GListModel *items = G_LIST_MODEL (store);
  const MdAllocationResult *result;
  const char *eu_order[] = { "Anna", "Bram", "Cleo", "Finn", "Emma", "Gaia", "Hugo", "Ines" };

  md_allocation_run (allocation, programme, items);

  /* Ranks 1–8 of 11 are selected, in score order, Finn before Emma. */
  for (guint i = 0; i < G_N_ELEMENTS (eu_order); i++)
    assert_outcome (allocation, items, eu_order[i], MD_OUTCOME_SELECTED, i + 1);
  assert_outcome (allocation, items, "Jens", MD_OUTCOME_RESERVE, 9);
  assert_outcome (allocation, items, "Kato", MD_OUTCOME_RESERVE, 10);
  assert_outcome (allocation, items, "Lena", MD_OUTCOME_RESERVE, 11);

  result = result_of (allocation, items, "Cleo");
  g_assert_cmpstr (result->reason, ==, "Selected: rank 3 of 11 in “Students: EU and associated countries” (8 grants)");
  g_assert_cmpstr (result->quota_id, ==, EU_QUOTA);
  g_assert_cmpuint (result->ranked, ==, 11);
  g_assert_cmpfloat_with_epsilon (result->score, 85, 1e-9);
  result = result_of (allocation, items, "Jens");
  g_assert_cmpstr (result->reason, ==,
                   "Reserve: rank 9 of 11 in “Students: EU and associated countries” (8 grants), all allocated");

  assert_outcome (allocation, items, "Mila", MD_OUTCOME_REJECTED, 0);
  g_assert_cmpstr (result_of (allocation, items, "Mila")->reason, ==,
                   "Rejected: a score of 40.0 is below the 50 needed for a positive evaluation");
  assert_outcome (allocation, items, "Nils", MD_OUTCOME_REJECTED, 0);
  g_assert_cmpstr (result_of (allocation, items, "Nils")->reason, ==, "Rejected by the committee: Plagiarised letter");
  assert_outcome (allocation, items, "Olga", MD_OUTCOME_NOT_ELIGIBLE, 0);
  g_assert_true (g_str_has_prefix (result_of (allocation, items, "Olga")->reason, "Not eligible: "));
  assert_outcome (allocation, items, "Piet", MD_OUTCOME_UNSCORED, 0);
  g_assert_cmpstr (result_of (allocation, items, "Piet")->reason, ==, "Not scored yet");
  assert_outcome (allocation, items, "Rosa", MD_OUTCOME_UNSCORED, 0);
  g_assert_cmpstr (result_of (allocation, items, "Rosa")->reason, ==,
                   "Not scored: the dossier changed after it was reviewed");
  assert_outcome (allocation, items, "Sara", MD_OUTCOME_NOT_ELIGIBLE, 0);
  g_assert_cmpstr (result_of (allocation, items, "Sara")->reason, ==, "Not eligible until changed: Missing transcript");

  assert_outcome (allocation, items, "Vic", MD_OUTCOME_SELECTED, 1);
  assert_outcome (allocation, items, "Tom", MD_OUTCOME_SELECTED, 2);
  assert_outcome (allocation, items, "Uma", MD_OUTCOME_RESERVE, 3);
  g_assert_cmpstr (result_of (allocation, items, "Uma")->quota_id, ==, "students_non_associated");

  assert_outcome (allocation, items, "Wim", MD_OUTCOME_SELECTED, 1);
  assert_outcome (allocation, items, "Ada", MD_OUTCOME_SELECTED, 5);
  assert_outcome (allocation, items, "Ben", MD_OUTCOME_RESERVE, 6);
  g_assert_cmpstr (result_of (allocation, items, "Ben")->reason, ==,
                   "Reserve: rank 6 of 6 in “Staff training” (5 grants), all allocated");

  g_assert_cmpuint (md_allocation_count (allocation, programme, EU_QUOTA, MD_OUTCOME_SELECTED), ==, 8);
  g_assert_cmpuint (md_allocation_count (allocation, programme, "students_non_associated", MD_OUTCOME_SELECTED), ==, 2);
  g_assert_cmpuint (md_allocation_count (allocation, programme, "staff", MD_OUTCOME_SELECTED), ==, 5);
  g_assert_cmpuint (md_allocation_count (allocation, programme, NULL, MD_OUTCOME_SELECTED), ==, 15);
  g_assert_cmpfloat (md_allocation_get_budget_used (allocation, programme), ==, 0);

  /* The items show it too, for list views. */
  g_assert_cmpuint (md_inbox_item_get_rank (find (items, "Emma")), ==, 5);
  g_assert_cmpstr (md_inbox_item_get_outcome (find (items, "Emma")), ==, "selected");
  g_assert_cmpstr (md_inbox_item_get_outcome (find (items, "Jens")), ==, "reserve");
  g_assert_cmpuint (md_inbox_item_get_rank (find (items, "Piet")), ==, 0);
}

static void
test_allocation_rerun (void)
{
  g_autoptr(MdProgramme) programme = md_programme_registry_lookup (registry, KA131, NULL);
  g_autoptr(GListStore) store = make_items (programme, ka131_applicants, 11);
  g_autoptr(MdAllocation) allocation = md_allocation_new ();
  g_autoptr(MdReview) review = NULL;
  MdInboxItem *lena;

  md_allocation_run (allocation, programme, G_LIST_MODEL (store));
  assert_outcome (allocation, G_LIST_MODEL (store), "Lena", MD_OUTCOME_RESERVE, 11);

  /* Lena is rescored 10 on everything and moves to the top. */
  lena = find (G_LIST_MODEL (store), "Lena");
  review = make_review (lena, programme, &(Applicant) { "Lena", "sms", "DE", "2026-02-12", 10 });
  md_inbox_item_set_review (lena, review, programme);
  md_allocation_run (allocation, programme, G_LIST_MODEL (store));
  assert_outcome (allocation, G_LIST_MODEL (store), "Lena", MD_OUTCOME_SELECTED, 1);
  assert_outcome (allocation, G_LIST_MODEL (store), "Ines", MD_OUTCOME_RESERVE, 9);
}

/* ---- Budget ------------------------------------------------------------- */

static void
set_budget (JsonObject    *profile,
            gconstpointer  data)
{
  g_autoptr(JsonObject) budget = json_object_new ();

  json_object_set_double_member (budget, "amount", *(const double *) data);
  json_object_set_string_member (budget, "currency", "EUR");
  json_object_set_object_member (profile, "budget", g_steal_pointer (&budget));
}

static void
test_allocation_budget (void)
{
  static const Applicant applicants[] = {
    { "Anna", "sms", "DE", "2026-02-01", 9.0 },
    { "Bram", "sms", "DE", "2026-02-02", 8.0 },
    { "Cleo", "sms", "DE", "2026-02-03", 7.0 },
  };
  g_autoptr(MdProgramme) ka131 = md_programme_registry_lookup (registry, KA131, NULL);
  g_autoptr(MdInboxItem) probe = make_item (ka131, &applicants[0]);
  double grant = md_inbox_item_get_estimate (probe);
  double amount = 2.5 * grant;
  g_autofree char *dir = g_dir_make_tmp ("md-allocation-XXXXXX", NULL);
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(MdAllocation) allocation = md_allocation_new ();
  g_autofree char *expected = NULL;

  /* Three identical stays, money for two and a half. */
  g_assert_false (isnan (grant));
  programme = md_test_write_ka131_profile (dir, set_budget, &amount);
  g_assert_nonnull (programme);
  store = make_items (programme, applicants, G_N_ELEMENTS (applicants));
  md_allocation_run (allocation, programme, G_LIST_MODEL (store));

  assert_outcome (allocation, G_LIST_MODEL (store), "Anna", MD_OUTCOME_SELECTED, 1);
  assert_outcome (allocation, G_LIST_MODEL (store), "Bram", MD_OUTCOME_SELECTED, 2);
  assert_outcome (allocation, G_LIST_MODEL (store), "Cleo", MD_OUTCOME_OVER_BUDGET, 3);
  expected = g_strdup_printf ("Over budget: the estimated grant of €%.2f is more than the €%.2f left",
                              grant, 0.5 * grant);
  g_assert_cmpstr (result_of (allocation, G_LIST_MODEL (store), "Cleo")->reason, ==, expected);
  g_assert_cmpfloat_with_epsilon (md_allocation_get_budget_used (allocation, programme), 2 * grant, 1e-6);

  md_test_remove_tree (dir);
}

static void
test_allocation_other_programmes (void)
{
  g_autoptr(MdProgramme) ka131 = md_programme_registry_lookup (registry, KA131, NULL);
  g_autoptr(MdProgramme) belgica = md_programme_registry_lookup (registry, "erasmus-belgica-2024", NULL);
  g_autoptr(GListStore) store = make_items (ka131, ka131_applicants, 3);
  g_autoptr(MdAllocation) allocation = md_allocation_new ();

  md_allocation_run (allocation, belgica, G_LIST_MODEL (store));
  g_assert_null (md_allocation_lookup (allocation, find (G_LIST_MODEL (store), "Anna")));
  g_assert_null (md_inbox_item_get_outcome (find (G_LIST_MODEL (store), "Anna")));
  g_assert_cmpstr (md_outcome_to_string (MD_OUTCOME_OVER_BUDGET), ==, "over_budget");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  registry = md_programme_registry_new_default ();

  g_test_add_func ("/allocation/ka131", test_allocation_ka131);
  g_test_add_func ("/allocation/rerun", test_allocation_rerun);
  g_test_add_func ("/allocation/budget", test_allocation_budget);
  g_test_add_func ("/allocation/other-programmes", test_allocation_other_programmes);

  status = g_test_run ();
  g_clear_object (&registry);
  return status;
}
