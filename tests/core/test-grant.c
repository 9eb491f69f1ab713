/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grant estimates against worked examples computed by hand from the
 * published rates (see the comments for each sum).
 */
#include <glib/gstdio.h>

#include "md-grant-estimate.h"
#include "md-programme-registry.h"

static MdProgrammeRegistry *registry;

static MdDossier *
make_stay (const char *programme,
           const char *activity,
           const char *country,
           const char *start,
           const char *end)
{
  MdDossier *dossier = md_dossier_new (programme, "2024");

  md_dossier_set_string (dossier, "mobility.activity", activity, NULL);
  md_dossier_set_string (dossier, "mobility.destination_country", country, NULL);
  md_dossier_set_string (dossier, "mobility.start_date", start, NULL);
  md_dossier_set_string (dossier, "mobility.end_date", end, NULL);
  md_dossier_set_string (dossier, "mobility.travel_mode", "standard", NULL);
  md_dossier_set_double (dossier, "mobility.distance_km", 650, NULL);
  return dossier;
}

static MdGrantEstimate *
estimate_with (MdProgramme *programme,
               MdDossier   *dossier)
{
  g_autoptr(GError) error = NULL;
  MdGrantEstimate *estimate = md_grant_estimate_compute (dossier, programme, &error);

  g_assert_no_error (error);
  return estimate;
}

static MdGrantEstimate *
estimate (MdDossier *dossier)
{
  g_autoptr(MdProgramme) programme =
    md_programme_registry_lookup (registry, md_dossier_get_programme (dossier), NULL);

  g_assert_nonnull (programme);
  return estimate_with (programme, dossier);
}

static double
line_amount (MdGrantEstimate *estimate,
             const char      *id)
{
  const MdGrantLine *line = md_grant_estimate_find_line (estimate, id);

  return line ? line->amount : -1;
}

static void
test_long_term_30_360 (void)
{
  /* 01/01 → 15/04: 0·360 + 3·30 + (15 − 1) + 1 = 105 days = 3 months
   * + 15 days; Germany is group 1 at €600: 3 × 600 + 15 × 600 / 30. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "DE", "2026-01-01", "2026-04-15");
  g_autoptr(MdGrantEstimate) result = estimate (dossier);

  g_assert_cmpfloat (line_amount (result, "individual"), ==, 2100);
  g_assert_null (md_grant_estimate_find_line (result, "travel"));
  g_assert_cmpfloat (md_grant_estimate_get_total (result), ==, 2100);
  g_assert_true (md_grant_estimate_is_indicative (result));
}

static void
test_long_term_reference_check (void)
{
  /* The fact sheet's own check: 15/09/2024 → 31/01/2025 = 136 days =
   * 4 months + 16 days; Spain is group 2 at €540: 4 × 540 + 16 × 18. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "ES", "2024-09-15", "2025-01-31");
  g_autoptr(MdGrantEstimate) result = estimate (dossier);

  g_assert_cmpfloat (line_amount (result, "individual"), ==, 2448);
}

static void
test_green_travel_without_travel_grant (void)
{
  /* Green: 4 extra days × 600 / 30 = 80, and the €50 top-up. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "DE", "2026-01-01", "2026-04-15");
  g_autoptr(MdGrantEstimate) result = NULL;

  md_dossier_set_string (dossier, "mobility.travel_mode", "green", NULL);
  result = estimate (dossier);
  g_assert_cmpfloat (line_amount (result, "green_days"), ==, 80);
  g_assert_cmpfloat (line_amount (result, "green_top_up"), ==, 50);
  g_assert_cmpfloat (md_grant_estimate_get_total (result), ==, 2230);
}

static void
test_fewer_opportunities (void)
{
  /* +€250 a month over 105/30 = 3.5 months = 875; travel support is
   * then due: 650 km is band 500–1999, €309 standard. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "DE", "2026-01-01", "2026-04-15");
  g_autoptr(MdGrantEstimate) result = NULL;

  md_dossier_set_boolean (dossier, "applicant.fewer_opportunities", TRUE, NULL);
  result = estimate (dossier);
  g_assert_cmpfloat (line_amount (result, "top_up.fewer_opportunities"), ==, 875);
  g_assert_cmpfloat (line_amount (result, "travel"), ==, 309);
  g_assert_cmpfloat (md_grant_estimate_get_total (result), ==, 3284);
}

static void
test_traineeship_top_up (void)
{
  /* 2100 + €150 × 3.5 months. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "smt", "DE", "2026-01-01", "2026-04-15");
  g_autoptr(MdGrantEstimate) result = estimate (dossier);

  g_assert_cmpfloat (line_amount (result, "top_up.traineeship"), ==, 525);
  g_assert_cmpfloat (md_grant_estimate_get_total (result), ==, 2625);
}

static void
test_non_associated_gets_travel (void)
{
  /* Brazil: "other" group at €700, 2 months; travel by band (9000 km:
   * ≥ 8000, €1,735). */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "BR", "2026-03-01", "2026-04-30");
  g_autoptr(MdGrantEstimate) result = NULL;

  md_dossier_set_double (dossier, "mobility.distance_km", 9000, NULL);
  result = estimate (dossier);
  g_assert_cmpfloat (line_amount (result, "individual"), ==, 1400);
  g_assert_cmpfloat (line_amount (result, "travel"), ==, 1735);
}

static void
test_short_term_blended (void)
{
  /* 10 days × €79, 2 travel days (days 11–12) × €79, fewer
   * opportunities: €100 for a stay up to 14 days, travel €309. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms_blended", "DE", "2026-05-04", "2026-05-13");
  g_autoptr(MdGrantEstimate) result = NULL;

  md_dossier_set_boolean (dossier, "applicant.fewer_opportunities", TRUE, NULL);
  result = estimate (dossier);
  g_assert_cmpfloat (line_amount (result, "individual"), ==, 790);
  g_assert_cmpfloat (line_amount (result, "travel_days"), ==, 158);
  g_assert_cmpfloat (line_amount (result, "top_up.fewer_opportunities"), ==, 100);
  g_assert_cmpfloat (line_amount (result, "travel"), ==, 309);
  g_assert_cmpfloat (md_grant_estimate_get_total (result), ==, 1357);
}

static void
test_short_term_tiers (void)
{
  /* 20 days: 14 × 79 + 6 × 56 = 1442; travel days 21–22 at 56. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "doctoral_short", "DE", "2026-05-01", "2026-05-20");
  g_autoptr(MdGrantEstimate) result = estimate (dossier);

  g_assert_cmpfloat (line_amount (result, "individual"), ==, 1442);
  g_assert_cmpfloat (line_amount (result, "travel_days"), ==, 112);
}

static void
test_staff_reduction_after_day_14 (void)
{
  /* STT 20 days in Spain (group 2, €110): 14 × 110 + 6 × 77 = 2002;
   * travel days 21–22 at 77; travel always due: €309. */
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "stt", "ES", "2026-05-01", "2026-05-20");
  g_autoptr(MdGrantEstimate) result = estimate (dossier);

  g_assert_cmpfloat (line_amount (result, "individual"), ==, 2002);
  g_assert_cmpfloat (line_amount (result, "travel_days"), ==, 154);
  g_assert_cmpfloat (line_amount (result, "travel"), ==, 309);
}

static MdProgramme *
load_test_profile (const char *activity_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-grant-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.json", NULL);
  g_autofree char *text = g_strdup_printf (
    "{\"format\":\"mobility-dossier-programme\",\"format_version\":1,\"id\":\"test\",\"call\":\"2024\","
    "\"title\":{\"en\":\"Test\"},\"country_sets\":{\"all\":[\"ES\",\"JP\"]},"
    "\"country_groups\":{\"2\":[\"ES\"]},\"activities\":[%s]}", activity_json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MdProgramme *programme;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  programme = md_programme_new_from_file (file, &error);
  g_assert_no_error (error);
  return programme;
}

static void
test_reference_staff_example (void)
{
  /* The fact sheet's worked example: STT 20 days in a group 2 country at
   * €160 a day: 14 × 160 + 6 × 112 = €2,912. */
  g_autoptr(MdProgramme) programme = load_test_profile (
    "{\"id\":\"stt\",\"title\":{\"en\":\"STT\"},\"duration\":{\"min\":2,\"max\":60,\"unit\":\"days\"},"
    "\"destinations\":[\"all\"],\"grant\":{\"individual\":{\"per\":\"day\",\"rates\":{\"2\":160},"
    "\"reduced_after_day\":14,\"reduced_factor\":0.7}}}");
  g_autoptr(MdDossier) dossier = make_stay ("test", "stt", "ES", "2026-05-01", "2026-05-20");
  g_autoptr(MdGrantEstimate) result = estimate_with (programme, dossier);

  g_assert_cmpfloat (md_grant_estimate_get_total (result), ==, 2912);
  g_assert_false (md_grant_estimate_is_indicative (result));
}

static void
test_monthly_cap_and_underrepresented (void)
{
  /* PCP-like: €700 a month capped at €2,800 for 5 months; +€200 a month
   * for underrepresented groups capped at €800; fixed travel. */
  g_autoptr(MdProgramme) programme = load_test_profile (
    "{\"id\":\"out\",\"title\":{\"en\":\"Out\"},\"duration\":{\"min\":1,\"max\":12,\"unit\":\"months\"},"
    "\"destinations\":[\"all\"],\"grant\":{\"individual\":{\"per\":\"month\",\"rate\":700,\"max_amount\":2800},"
    "\"top_ups\":[{\"id\":\"underrepresented\",\"condition\":\"applicant.fewer_opportunities\",\"per\":\"month\",\"amount\":200,\"max_amount\":800}],"
    "\"travel\":{\"eligible\":\"always\",\"by_country\":{\"TR\":360,\"*\":1500}}}}");
  g_autoptr(MdDossier) dossier = make_stay ("test", "out", "JP", "2026-02-01", "2026-06-30");
  g_autoptr(MdGrantEstimate) result = NULL;

  md_dossier_set_boolean (dossier, "applicant.fewer_opportunities", TRUE, NULL);
  result = estimate_with (programme, dossier);
  g_assert_cmpfloat (line_amount (result, "individual"), ==, 2800);
  g_assert_cmpfloat (line_amount (result, "top_up.underrepresented"), ==, 800);
  g_assert_cmpfloat (line_amount (result, "travel"), ==, 1500);
}

static void
test_lump_sum_pro_rata (void)
{
  /* ASEM-DUO-like: €2,600 for a 4-month semester, 3 months → 3/4. */
  g_autoptr(MdProgramme) programme = load_test_profile (
    "{\"id\":\"duo\",\"title\":{\"en\":\"Duo\"},\"duration\":{\"min\":3,\"max\":4,\"unit\":\"months\"},"
    "\"destinations\":[\"all\"],\"grant\":{\"individual\":{\"per\":\"stay\",\"amount\":2600,\"pro_rata_below_months\":4},"
    "\"travel\":{\"eligible\":\"always\",\"fixed\":1100}}}");
  g_autoptr(MdDossier) dossier = make_stay ("test", "duo", "JP", "2026-02-01", "2026-04-30");
  g_autoptr(MdGrantEstimate) result = estimate_with (programme, dossier);

  g_assert_cmpfloat (line_amount (result, "individual"), ==, 1950);
  g_assert_cmpfloat (line_amount (result, "travel"), ==, 1100);
}

static void
test_incomplete_dossier (void)
{
  g_autoptr(MdProgramme) programme = md_programme_registry_lookup (registry, "erasmus-ka131-2024", NULL);
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "DE", "2026-05-01", "not a date");
  g_autoptr(GError) error = NULL;
  g_autoptr(MdGrantEstimate) result = md_grant_estimate_compute (dossier, programme, &error);
  g_autofree char *text = NULL;

  g_assert_null (result);
  g_assert_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "dates"));
}

static void
test_text_labels_estimate (void)
{
  g_autoptr(MdDossier) dossier = make_stay ("erasmus-ka131-2024", "sms", "DE", "2026-01-01", "2026-04-15");
  g_autoptr(MdGrantEstimate) result = estimate (dossier);
  g_autofree char *text = md_grant_estimate_to_text (result);

  g_assert_nonnull (strstr (text, "2100.00"));
  g_assert_nonnull (strstr (text, "estimate"));
  g_assert_nonnull (strstr (text, "indicative"));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  registry = md_programme_registry_new_default ();

  g_test_add_func ("/grant/long-term-30-360", test_long_term_30_360);
  g_test_add_func ("/grant/long-term-reference-check", test_long_term_reference_check);
  g_test_add_func ("/grant/green-travel", test_green_travel_without_travel_grant);
  g_test_add_func ("/grant/fewer-opportunities", test_fewer_opportunities);
  g_test_add_func ("/grant/traineeship", test_traineeship_top_up);
  g_test_add_func ("/grant/non-associated", test_non_associated_gets_travel);
  g_test_add_func ("/grant/short-term-blended", test_short_term_blended);
  g_test_add_func ("/grant/short-term-tiers", test_short_term_tiers);
  g_test_add_func ("/grant/staff-reduction", test_staff_reduction_after_day_14);
  g_test_add_func ("/grant/reference-staff-example", test_reference_staff_example);
  g_test_add_func ("/grant/monthly-cap", test_monthly_cap_and_underrepresented);
  g_test_add_func ("/grant/lump-sum-pro-rata", test_lump_sum_pro_rata);
  g_test_add_func ("/grant/incomplete", test_incomplete_dossier);
  g_test_add_func ("/grant/text", test_text_labels_estimate);

  status = g_test_run ();
  g_clear_object (&registry);
  return status;
}
