/* md-fuzz-checks.c: one input for the bundle, programme-profile and
 * review loaders, and what the application then does with what they
 * accept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-bundle.h"
#include "md-fuzz.h"
#include "md-grant-estimate.h"
#include "md-inbox-item.h"
#include "md-review.h"
#include "md-validator.h"

#define REVIEW_ACTIVITY "sms"

/* One dossier per kind of counting: months, calendar days, staff. */
static const char * const sample_names[] = {
  "erasmus-ka131-2024--sms.dossier.json",
  "erasmus-ka131-2024--doctoral_short.dossier.json",
  "erasmus-ka131-sta-2024--sta.dossier.json",
};

static void
assert_clean_error (const GError *error,
                    GQuark        domain)
{
  g_assert_nonnull (error);
  if (domain != 0)
    g_assert_true (error->domain == domain);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* ---- Bundles ------------------------------------------------------------ */

/* What is saved must open again, unchanged and intact. */
static void
check_bundle_round_trip (MdDossier *dossier)
{
  g_autoptr(GBytes) saved = md_bundle_serialize (dossier);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) reloaded = md_bundle_load_bytes (saved, &error);
  g_autoptr(GBytes) saved_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (reloaded), ==, MD_INTEGRITY_INTACT);

  saved_again = md_bundle_serialize (reloaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

/**
 * md_fuzz_check_bundle:
 *
 * The loader, then what the coordinator's inbox does with every bundle
 * it could read from a shared folder: validate, estimate, summarise,
 * and save it again.
 */
void
md_fuzz_check_bundle (GBytes *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_bytes (input, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(MdReport) report = NULL;
  g_autoptr(MdGrantEstimate) estimate = NULL;
  g_autoptr(MdInboxItem) item = NULL;

  if (dossier == NULL)
    {
      assert_clean_error (error, MD_BUNDLE_ERROR);
      return;
    }

  g_assert_no_error (error);
  programme = md_programme_registry_lookup (md_fuzz_get_registry (),
                                            md_dossier_get_programme (dossier), NULL);

  report = md_validate_dossier (dossier, programme, NULL);
  g_assert_nonnull (report);
  if (programme != NULL)
    estimate = md_grant_estimate_compute (dossier, programme, NULL);
  if (estimate != NULL)
    g_free (md_grant_estimate_to_text (estimate));

  file = g_file_new_for_path ("/nonexistent/fuzz.dossier.json");
  item = md_inbox_item_new_for_dossier (file, dossier, programme);

  check_bundle_round_trip (dossier);
}

/* ---- Programme profiles ------------------------------------------------- */

static MdDossier *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (MD_FUZZ_SOURCE_ROOT, "tests", "data", "samples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdDossier *dossier = md_bundle_load_file (file, NULL, &error);

  if (dossier == NULL)
    g_error ("fuzz: cannot load %s: %s", path, error->message);
  return dossier;
}

static MdDossier *
get_sample (guint index)
{
  static MdDossier *samples[G_N_ELEMENTS (sample_names)];

  if (samples[index] == NULL)
    samples[index] = load_sample (sample_names[index]);
  return samples[index];
}

/* What the scoring form does: every criterion at its maximum. */
static void
score_review (MdProgramme *programme,
              const char  *activity,
              GPtrArray   *criteria)
{
  g_autoptr(MdReview) review = md_review_new ("fuzz", NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      JsonNode *id = json_object_get_member (criteria->pdata[i], "id");
      JsonNode *max_score = json_object_get_member (criteria->pdata[i], "max_score");

      if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
        continue;
      md_review_set_score (review, "fuzz", json_node_get_string (id),
                           json_node_get_double (max_score), programme, activity, NULL);
    }

  md_review_check (review, programme, activity, NULL);
  md_review_weighted_score (review, programme, activity);
}

static void
use_programme (MdProgramme *programme)
{
  md_programme_get_id (programme);
  md_programme_get_call (programme);
  md_programme_get_title (programme);
  md_programme_get_description (programme);
  md_programme_is_indicative (programme, "travel_bands");
  md_programme_set_contains (programme, "eu", "FR");
  md_programme_get_country_group (programme, "FR");

  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      MdDossier *sample = get_sample (i);
      const char *activity = md_dossier_get_string (sample, "mobility.activity");
      g_autoptr(MdReport) report = md_validate_dossier (sample, programme, NULL);
      g_autoptr(MdGrantEstimate) estimate = md_grant_estimate_compute (sample, programme, NULL);
      g_autoptr(GPtrArray) criteria = md_review_list_criteria (programme, activity);

      g_assert_nonnull (report);
      md_programme_get_activity (programme, activity);
      score_review (programme, activity, criteria);
      if (estimate != NULL)
        g_free (md_grant_estimate_to_text (estimate));
    }
}

/**
 * md_fuzz_check_programme:
 *
 * The profile loader. A profile it accepts must then be safe for
 * everything that trusts it: the validator, the grant estimate and the
 * review criteria.
 */
void
md_fuzz_check_programme (GBytes *input)
{
  g_autoptr(GFile) dir = md_fuzz_programmes_dir ();
  /* Beside the real profiles, so that "institution" finds
   * ../institutions/itm.json as an installed profile would. */
  g_autoptr(GFile) file = g_file_get_child (dir, "fuzz.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgramme) programme = md_programme_new_from_bytes (input, file, &error);

  if (programme == NULL)
    {
      /* A missing institution file is a GIOError. */
      assert_clean_error (error, 0);
      return;
    }

  g_assert_no_error (error);
  use_programme (programme);
}

/* ---- Reviews ------------------------------------------------------------ */

static MdProgramme *
get_review_programme (void)
{
  static MdProgramme *programme;

  if (programme == NULL)
    {
      g_autoptr(GError) error = NULL;

      programme = md_programme_registry_lookup (md_fuzz_get_registry (), "erasmus-ka131-2024", &error);
      g_assert_no_error (error);
    }

  return programme;
}

/* What the inbox and the scoring form read. */
static void
use_review (MdReview    *review,
            MdProgramme *programme)
{
  g_autoptr(GPtrArray) criteria = md_review_list_criteria (programme, REVIEW_ACTIVITY);

  md_review_get_dossier_id (review);
  md_review_is_stale (review, md_review_get_bundle_digest (review));
  md_review_check (review, programme, REVIEW_ACTIVITY, NULL);
  md_review_weighted_score (review, programme, REVIEW_ACTIVITY);
  md_decision_describe (md_review_get_decision (review));
  md_review_get_decision_reason (review);
  md_review_get_decision_by (review);
  md_review_get_decision_timestamp (review);

  for (guint i = 0; i < md_review_get_n_reviewers (review); i++)
    {
      const char *reviewer = md_review_get_reviewer (review, i);

      md_review_reviewer_score (review, i, programme, REVIEW_ACTIVITY);
      md_review_get_comment (review, reviewer, NULL);
      for (guint j = 0; j < criteria->len; j++)
        {
          const char *id = json_object_get_string_member (criteria->pdata[j], "id");
          double score;

          md_review_get_score (review, reviewer, id, &score);
          md_review_get_comment (review, reviewer, id);
        }
    }
}

/* A review that was read, scored further and saved must read again. */
static void
check_review_round_trip (MdReview    *review,
                         MdProgramme *programme)
{
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MdReview) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  md_review_set_score (review, "fuzz", "motivation", 1, programme, REVIEW_ACTIVITY, NULL);
  md_review_set_comment (review, "fuzz", "motivation", "ok");
  if (md_review_get_decision (review) == MD_DECISION_NONE)
    md_review_set_decision (review, MD_DECISION_RESERVE, "fuzz", "fuzz");

  saved = md_review_serialize (review);
  reloaded = md_review_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_review_get_dossier_id (reloaded), ==, md_review_get_dossier_id (review));
  g_assert_cmpuint (md_review_get_n_reviewers (reloaded), ==, md_review_get_n_reviewers (review));
  g_assert_cmpint (md_review_get_decision (reloaded), ==, md_review_get_decision (review));
}

void
md_fuzz_prepare_checks (void)
{
  md_fuzz_get_registry ();
  get_review_programme ();
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    get_sample (i);
}

/**
 * md_fuzz_check_review:
 *
 * The review sidecar loader. Sidecars sit in a shared folder beside the
 * bundles, so anyone with write access to the folder writes input for
 * the coordinator's inbox.
 */
void
md_fuzz_check_review (GBytes *input)
{
  MdProgramme *programme = get_review_programme ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = md_review_load_bytes (input, &error);

  if (review == NULL)
    {
      assert_clean_error (error, MD_REVIEW_ERROR);
      return;
    }

  g_assert_no_error (error);
  use_review (review, programme);
  check_review_round_trip (review, programme);
}
