/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule of the validator: the complete dossier passes them all,
 * and one change at a time makes each one fail.
 */
#include "md-bundle.h"
#include "md-programme-registry.h"
#include "md-validator.h"

static MdProgrammeRegistry *registry;
static GDate today;

typedef enum { SET_STRING, SET_INT, SET_DOUBLE, SET_BOOL, REMOVE_ROW, CUSTOM } Change;

typedef void (*CustomChange) (MdDossier *dossier);

typedef struct
{
  const char   *rule;
  const char   *path;
  Change        change;
  const char   *text;
  double        number;
  CustomChange  custom;
  const char   *expected_path;
  const char   *expected_in_message;
} RuleCase;

static void
set (MdDossier  *dossier,
     const char *path,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  md_dossier_set_string (dossier, path, value, &error);
  g_assert_no_error (error);
}

static char *
words (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, i ? " word" : "Word");

  return g_string_free (text, FALSE);
}

static void
add_component (MdDossier  *dossier,
               const char *table,
               const char *title,
               double      ects)
{
  g_autofree char *list = g_strconcat ("learning_agreement.", table, NULL);
  g_autofree char *title_path = NULL;
  g_autofree char *ects_path = NULL;
  guint row;

  md_dossier_append_row (dossier, list, &row, NULL);
  title_path = g_strdup_printf ("%s[%u].title", list, row);
  ects_path = g_strdup_printf ("%s[%u].ects", list, row);
  set (dossier, title_path, title);
  md_dossier_set_double (dossier, ects_path, ects, NULL);
}

static void
attach (MdDossier  *dossier,
        const char *kind)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("%PDF-1.4", 8);
  g_autofree char *kind_path = NULL;

  md_dossier_add_attachment (dossier, kind, "application/pdf", data, NULL);
  kind_path = g_strdup_printf ("attachments[%u].kind", md_dossier_get_length (dossier, "attachments") - 1);
  set (dossier, kind_path, kind);
}

static MdDossier *
make_valid_sms (void)
{
  MdDossier *dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autofree char *letter = words (250);
  g_autofree char *plan = words (60);

  set (dossier, "applicant.role", "student");
  set (dossier, "applicant.given_name", "Lotte");
  set (dossier, "applicant.family_name", "Janssens");
  set (dossier, "applicant.date_of_birth", "2000-01-31");
  set (dossier, "applicant.nationality", "NL");
  set (dossier, "applicant.email", "lotte.janssens@example.org");
  set (dossier, "applicant.home_institution.name", "Institute of Tropical Medicine");
  set (dossier, "applicant.home_institution.erasmus_code", "B  ANTWERP62");
  set (dossier, "applicant.home_institution.country", "BE");
  set (dossier, "applicant.degree_programme", "Master of Science in Public Health");
  md_dossier_set_int (dossier, "applicant.study_cycle", 7, NULL);
  set (dossier, "applicant.field_of_education", "0912");
  set (dossier, "applicant.iban", "BE71 0961 2345 6769");
  set (dossier, "mobility.activity", "sms");
  set (dossier, "mobility.destination_country", "DE");
  set (dossier, "mobility.receiving_organisation.name", "Charité – Universitätsmedizin Berlin");
  set (dossier, "mobility.receiving_organisation.erasmus_code", "D  BERLIN01");
  set (dossier, "mobility.receiving_organisation.type", "hei");
  set (dossier, "mobility.receiving_organisation.contact_email", "outgoing@example.de");
  set (dossier, "mobility.start_date", "2026-05-04");
  set (dossier, "mobility.end_date", "2026-07-31");
  set (dossier, "motivation_letter.text", letter);
  set (dossier, "study_plan.objectives", plan);
  set (dossier, "study_plan.activities", plan);
  set (dossier, "learning_agreement.language.code", "en");
  set (dossier, "learning_agreement.language.cefr", "B2");
  add_component (dossier, "table_a", "Field Epidemiology", 6);
  add_component (dossier, "table_a", "One Health", 6);
  add_component (dossier, "table_b", "Advanced Epidemiology", 6);
  add_component (dossier, "table_b", "Elective", 6);
  attach (dossier, "cv");
  attach (dossier, "transcript");

  return dossier;
}

static MdReport *
validate (MdDossier *dossier)
{
  g_autoptr(MdProgramme) programme =
    md_programme_registry_lookup (registry, md_dossier_get_programme (dossier), NULL);

  return md_validate_dossier (dossier, programme, &today);
}

static void
print_report (MdReport *report)
{
  for (guint i = 0; i < md_report_get_n_issues (report); i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);
      g_test_message ("%s %s [%s] %s", issue->severity == MD_SEVERITY_ERROR ? "E" : "W",
                      issue->path, issue->rule, issue->message);
    }
}

static void
test_complete_dossier_passes (void)
{
  g_autoptr(MdDossier) dossier = make_valid_sms ();
  g_autoptr(MdReport) report = validate (dossier);

  print_report (report);
  g_assert_cmpuint (md_report_get_n_issues (report), ==, 0);
}

static void
clear_activity_texts (MdDossier *dossier)
{
  set (dossier, "mobility.activity", "");
}

static void
use_one_cycle_limit (MdDossier *dossier)
{
  md_dossier_set_double (dossier, "applicant.previous_mobility_months", 10, NULL);
}

static void
citizen_of_destination (MdDossier *dossier)
{
  set (dossier, "applicant.nationality", "DE");
}

static void
make_table_b_short (MdDossier *dossier)
{
  md_dossier_set_double (dossier, "learning_agreement.table_b[1].ects", 2, NULL);
  md_dossier_set_double (dossier, "learning_agreement.table_b[0].ects", 10, NULL);
}

static void
overload_table_a (MdDossier *dossier)
{
  add_component (dossier, "table_a", "Extra", 30);
  add_component (dossier, "table_b", "Extra", 30);
}

static void
empty_table_a (MdDossier *dossier)
{
  md_dossier_remove_row (dossier, "learning_agreement.table_a", 1, NULL);
  md_dossier_remove_row (dossier, "learning_agreement.table_a", 0, NULL);
}

static void
drop_ects (MdDossier *dossier)
{
  guint row;

  md_dossier_append_row (dossier, "learning_agreement.table_a", &row, NULL);
  set (dossier, "learning_agreement.table_a[2].title", "No credits yet");
}

static void
drop_attachments (MdDossier *dossier)
{
  md_dossier_remove_row (dossier, "attachments", 0, NULL);
}

static void
approve_then_change (MdDossier *dossier)
{
  g_autofree char *digest = md_bundle_compute_agreement_digest (dossier);
  guint row;

  md_dossier_append_row (dossier, "approvals", &row, NULL);
  set (dossier, "approvals[0].role", "sending");
  set (dossier, "approvals[0].agreement_digest", digest);
  md_dossier_set_double (dossier, "learning_agreement.table_a[0].ects", 5, NULL);
  md_dossier_set_double (dossier, "learning_agreement.table_b[0].ects", 5, NULL);
}

static void
add_virtual_to_stt (MdDossier *dossier)
{
  set (dossier, "applicant.role", "staff");
  set (dossier, "mobility.activity", "stt");
  add_component (dossier, "table_c", "Webinar", 3);
}

static void
blended_without_virtual (MdDossier *dossier)
{
  set (dossier, "mobility.activity", "sms_blended");
  set (dossier, "mobility.start_date", "2026-05-04");
  set (dossier, "mobility.end_date", "2026-05-15");
}

static void
blended_too_few_credits (MdDossier *dossier)
{
  blended_without_virtual (dossier);
  add_component (dossier, "table_c", "Online module", 1);
  md_dossier_set_double (dossier, "learning_agreement.table_a[0].ects", 1, NULL);
  md_dossier_set_double (dossier, "learning_agreement.table_a[1].ects", 1, NULL);
}

static void
doctoral_weekly_limit (MdDossier *dossier)
{
  set (dossier, "applicant.role", "doctoral");
  md_dossier_set_int (dossier, "applicant.study_cycle", 8, NULL);
  set (dossier, "mobility.activity", "doctoral_short");
  set (dossier, "mobility.start_date", "2026-05-04");
  set (dossier, "mobility.end_date", "2026-05-15");
}

static void
doctoral_at_master_level (MdDossier *dossier)
{
  set (dossier, "applicant.role", "doctoral");
  set (dossier, "mobility.activity", "doctoral_short");
}

static const RuleCase rule_cases[] = {
  { "required.missing", "applicant.email", SET_STRING, "  ", 0, NULL, "applicant.email", "E-mail" },
  { "required.missing", NULL, CUSTOM, NULL, 0, clear_activity_texts, "mobility.activity", NULL },
  { "activity.unknown", "mobility.activity", SET_STRING, "bip", 0, NULL, "mobility.activity", "bip" },
  { "format.email", "applicant.email", SET_STRING, "lotte@", 0, NULL, "applicant.email", "lotte@" },
  { "format.email", "mobility.receiving_organisation.contact_email", SET_STRING, "a b@c.de", 0, NULL, "mobility.receiving_organisation.contact_email", NULL },
  { "format.date", "applicant.date_of_birth", SET_STRING, "31/01/2000", 0, NULL, "applicant.date_of_birth", "YYYY-MM-DD" },
  { "format.date", "mobility.start_date", SET_STRING, "2026-02-30", 0, NULL, "mobility.start_date", NULL },
  { "format.iban", "applicant.iban", SET_STRING, "BE71 0961 2345 6768", 0, NULL, "applicant.iban", NULL },
  { "format.erasmus_code", "mobility.receiving_organisation.erasmus_code", SET_STRING, "BERLIN", 0, NULL, "mobility.receiving_organisation.erasmus_code", NULL },
  { "format.isced", "applicant.field_of_education", SET_STRING, "912", 0, NULL, "applicant.field_of_education", "912" },
  { "format.cefr", "learning_agreement.language.cefr", SET_STRING, "B3", 0, NULL, "learning_agreement.language.cefr", NULL },
  { "format.language", "learning_agreement.language.code", SET_STRING, "English", 0, NULL, "learning_agreement.language.code", NULL },
  { "format.country", "applicant.nationality", SET_STRING, "XX", 0, NULL, "applicant.nationality", NULL },
  { "format.eqf", "applicant.study_cycle", SET_INT, NULL, 9, NULL, "applicant.study_cycle", "9" },
  { "applicant.role_not_eligible", "applicant.role", SET_STRING, "staff", 0, NULL, "applicant.role", "staff" },
  { "applicant.study_cycle_not_eligible", NULL, CUSTOM, NULL, 0, doctoral_at_master_level, NULL, NULL },
  { "dates.end_before_start", "mobility.end_date", SET_STRING, "2026-05-01", 0, NULL, "mobility.end_date", "2026-05-01" },
  { "duration.too_short", "mobility.end_date", SET_STRING, "2026-06-17", 0, NULL, "mobility.end_date", "1 month and 14 days" },
  { "duration.too_long", "mobility.start_date", SET_STRING, "2025-07-01", 0, NULL, "mobility.end_date", "12 months" },
  { "duration.cumulative", NULL, CUSTOM, NULL, 0, use_one_cycle_limit, "applicant.previous_mobility_months", "12" },
  { "deadline.lead_time", "mobility.start_date", SET_STRING, "2026-04-15", 0, NULL, "mobility.start_date", "15 February 2026" },
  { "dates.outside_window", "mobility.end_date", SET_STRING, "2026-08-31", 0, NULL, "mobility.end_date", "31 July 2026" },
  { "destination.excluded", "mobility.destination_country", SET_STRING, "BE", 0, NULL, "mobility.destination_country", "Belgium" },
  { "destination.not_eligible", "mobility.destination_country", SET_STRING, "RU", 0, NULL, "mobility.destination_country", NULL },
  { "destination.home_country", "applicant.home_institution.country", SET_STRING, "DE", 0, NULL, "mobility.destination_country", "Germany" },
  { "destination.citizenship", NULL, CUSTOM, NULL, 0, citizen_of_destination, "mobility.destination_country", "Germany" },
  { "organisation.type_not_eligible", "mobility.receiving_organisation.type", SET_STRING, "enterprise", 0, NULL, "mobility.receiving_organisation.type", NULL },
  { "organisation.eche_required", "mobility.receiving_organisation.erasmus_code", SET_STRING, "", 0, NULL, "mobility.receiving_organisation.erasmus_code", "ECHE" },
  { "letter.too_short", "motivation_letter.text", SET_STRING, "Too short.", 0, NULL, "motivation_letter.text", "2 words" },
  { "plan.too_short", "study_plan.objectives", SET_STRING, "Brief.", 0, NULL, "study_plan.objectives", NULL },
  { "ects.not_integer", "learning_agreement.table_a[0].ects", SET_DOUBLE, NULL, 5.5, NULL, "learning_agreement.table_a[0].ects", "5.5" },
  { "ects.not_positive", "learning_agreement.table_a[0].ects", SET_DOUBLE, NULL, 0, NULL, "learning_agreement.table_a[0].ects", NULL },
  { "ects.missing", NULL, CUSTOM, NULL, 0, drop_ects, "learning_agreement.table_a[2].ects", NULL },
  { "ects.component_minimum", NULL, CUSTOM, NULL, 0, make_table_b_short, "learning_agreement.table_b[1].ects", "3" },
  { "ects.tables_differ", "learning_agreement.table_b[1].ects", SET_DOUBLE, NULL, 9, NULL, "learning_agreement.table_b", "15" },
  { "ects.load_too_high", NULL, CUSTOM, NULL, 0, overload_table_a, "learning_agreement.table_a", "42" },
  { "ects.weekly_limit", NULL, CUSTOM, NULL, 0, doctoral_weekly_limit, "learning_agreement.table_a", "1.5" },
  { "ects.total_too_low", NULL, CUSTOM, NULL, 0, blended_too_few_credits, "learning_agreement.table_a", "3" },
  { "la.table_empty", NULL, CUSTOM, NULL, 0, empty_table_a, "learning_agreement.table_a", NULL },
  { "la.title_missing", "learning_agreement.table_b[0].title", SET_STRING, "", 0, NULL, "learning_agreement.table_b[0].title", NULL },
  { "la.virtual_required", NULL, CUSTOM, NULL, 0, blended_without_virtual, "learning_agreement.table_c", NULL },
  { "la.virtual_not_offered", NULL, CUSTOM, NULL, 0, add_virtual_to_stt, "learning_agreement.table_c", NULL },
  { "documents.missing", NULL, CUSTOM, NULL, 0, drop_attachments, "attachments", "CV" },
  { "approvals.stale", NULL, CUSTOM, NULL, 0, approve_then_change, "approvals[0]", "sending" },
};

static void
apply_change (MdDossier      *dossier,
              const RuleCase *rule_case)
{
  g_autoptr(GError) error = NULL;

  switch (rule_case->change)
    {
    case SET_STRING:
      md_dossier_set_string (dossier, rule_case->path, rule_case->text, &error);
      break;
    case SET_INT:
      md_dossier_set_int (dossier, rule_case->path, (gint64) rule_case->number, &error);
      break;
    case SET_DOUBLE:
      md_dossier_set_double (dossier, rule_case->path, rule_case->number, &error);
      break;
    case SET_BOOL:
      md_dossier_set_boolean (dossier, rule_case->path, rule_case->number != 0, &error);
      break;
    case REMOVE_ROW:
    case CUSTOM:
      rule_case->custom (dossier);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule_case = data;
  g_autoptr(MdDossier) dossier = make_valid_sms ();
  g_autoptr(MdReport) before = validate (dossier);
  g_autoptr(MdReport) after = NULL;
  const MdIssue *issue;

  /* The passing case: the complete dossier does not raise it. */
  g_assert_null (md_report_find (before, rule_case->rule));

  apply_change (dossier, rule_case);
  after = validate (dossier);
  issue = md_report_find (after, rule_case->rule);
  if (issue == NULL)
    {
      print_report (after);
      g_error ("rule %s was not raised", rule_case->rule);
    }

  if (rule_case->expected_path != NULL)
    g_assert_cmpstr (issue->path, ==, rule_case->expected_path);
  if (rule_case->expected_in_message != NULL && strstr (issue->message, rule_case->expected_in_message) == NULL)
    g_error ("“%s” does not mention “%s”", issue->message, rule_case->expected_in_message);
}

static void
test_deadline_passed (void)
{
  g_autoptr(MdDossier) dossier = make_valid_sms ();
  g_autoptr(MdProgramme) programme = md_programme_registry_lookup (registry, "erasmus-ka131-2024", NULL);
  g_autoptr(MdReport) on_time = md_validate_dossier (dossier, programme, &today);
  g_autoptr(MdReport) late = NULL;
  GDate after_deadline;

  g_assert_null (md_report_find (on_time, "deadline.passed"));
  g_date_set_dmy (&after_deadline, 1, G_DATE_AUGUST, 2026);
  late = md_validate_dossier (dossier, programme, &after_deadline);
  g_assert_nonnull (md_report_find (late, "deadline.passed"));
  g_assert_nonnull (strstr (md_report_find (late, "deadline.passed")->message, "31 July 2026"));
}

static void
test_unknown_programme (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("no-such-programme", "2024");
  g_autoptr(MdReport) report = md_validate_dossier (dossier, NULL, &today);

  g_assert_nonnull (md_report_find (report, "programme.unknown"));
  g_assert_cmpuint (md_report_count (report, MD_SEVERITY_ERROR), ==, 1);
}

static void
test_staff_teaching_hours (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-sta-2024", "2024");
  g_autoptr(MdProgramme) programme = md_programme_registry_lookup (registry, "erasmus-ka131-sta-2024", NULL);
  g_autoptr(MdReport) few = NULL;
  g_autoptr(MdReport) enough = NULL;
  JsonArray *activities;
  const char *activity;

  if (programme == NULL)
    {
      g_test_skip ("the staff teaching profile is not installed");
      return;
    }

  activities = json_object_get_array_member (md_programme_get_definition (programme), "activities");
  activity = json_object_get_string_member (json_array_get_object_element (activities, 0), "id");
  set (dossier, "mobility.activity", activity);
  set (dossier, "mobility.start_date", "2026-05-04");
  set (dossier, "mobility.end_date", "2026-05-15");
  md_dossier_set_double (dossier, "mobility.teaching_hours", 10, NULL);
  few = md_validate_dossier (dossier, programme, &today);
  g_assert_nonnull (md_report_find (few, "teaching.too_few_hours"));
  /* 12 days: 8 hours for the first week, 8 × 5/7 for the rest. */
  g_assert_nonnull (strstr (md_report_find (few, "teaching.too_few_hours")->message, "14"));

  md_dossier_set_double (dossier, "mobility.teaching_hours", 14, NULL);
  enough = md_validate_dossier (dossier, programme, &today);
  g_assert_null (md_report_find (enough, "teaching.too_few_hours"));
}

static void
test_every_sample_is_valid (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(MdDossier) dossier = NULL;
      g_autoptr(MdReport) report = NULL;

      if (!g_str_has_suffix (name, ".dossier.json"))
        continue;

      dossier = md_bundle_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_INTACT);
      report = validate (dossier);
      if (md_report_count (report, MD_SEVERITY_ERROR) > 0)
        {
          print_report (report);
          g_error ("%s has errors", name);
        }
      checked++;
    }

  /* One sample per activity of every shipped profile. */
  g_assert_cmpuint (checked, >=, 20);
}

typedef struct
{
  const char *sample;
  const char *path;
  const char *value;   /* text, or a number when it parses as one */
  const char *rule;
  const char *expected_path;
} SampleCase;

/* Rules that only some programmes have, checked on their own samples:
 * the sample passes, one change makes the rule fail. */
static const SampleCase sample_cases[] = {
  { "flemish-twc-2024--internship", "applicant.credits_obtained", "40", "eligibility.credits", "applicant.credits_obtained" },
  { "flemish-twc-2024--internship", "applicant.gpa", "2.5", "eligibility.gpa", "applicant.gpa" },
  { "erasmus-ka171-2024--sms_incoming", "applicant.home_institution.country", "DE", "origin.not_eligible", "applicant.home_institution.country" },
  { "erasmus-ka131-2024--smt", "mobility.receiving_organisation.type", "eu_institution", "organisation.type_excluded", "mobility.receiving_organisation.type" },
  { "flemish-asem-duo-2024--duo_outgoing", "mobility.pair_partner.name", "", "required.missing", "mobility.pair_partner.name" },
  { "erasmus-ka131-2024--sms_blended", "learning_agreement.table_c", NULL, "la.virtual_required", "learning_agreement.table_c" },
};

static MdDossier *
load_sample (const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".dossier.json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples", file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdDossier *dossier = md_bundle_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dossier;
}

static void
test_sample_rule (gconstpointer data)
{
  const SampleCase *sample_case = data;
  g_autoptr(MdDossier) dossier = load_sample (sample_case->sample);
  g_autoptr(MdReport) before = validate (dossier);
  g_autoptr(MdReport) after = NULL;
  g_autoptr(GError) error = NULL;
  const MdIssue *issue;
  char *end = NULL;
  double number;

  g_assert_null (md_report_find (before, sample_case->rule));

  if (sample_case->value == NULL)
    {
      while (md_dossier_get_length (dossier, sample_case->path) > 0)
        md_dossier_remove_row (dossier, sample_case->path, 0, &error);
    }
  else
    {
      number = g_ascii_strtod (sample_case->value, &end);
      if (*sample_case->value != '\0' && *end == '\0')
        md_dossier_set_double (dossier, sample_case->path, number, &error);
      else
        md_dossier_set_string (dossier, sample_case->path, sample_case->value, &error);
    }
  g_assert_no_error (error);

  after = validate (dossier);
  issue = md_report_find (after, sample_case->rule);
  if (issue == NULL)
    {
      print_report (after);
      g_error ("%s: rule %s was not raised", sample_case->sample, sample_case->rule);
    }
  g_assert_cmpstr (issue->path, ==, sample_case->expected_path);
}

static void
test_duration_by_country (void)
{
  /* The Priority Country Programme allows only one month in Türkiye. */
  g_autoptr(MdDossier) dossier = load_sample ("flemish-pcp-2024--study");
  g_autoptr(MdReport) report = NULL;
  const MdIssue *issue;

  md_dossier_set_string (dossier, "mobility.destination_country", "TR", NULL);
  md_dossier_set_string (dossier, "mobility.start_date", "2026-09-01", NULL);
  md_dossier_set_string (dossier, "mobility.end_date", "2026-11-30", NULL);
  report = validate (dossier);
  issue = md_report_find (report, "duration.too_long");
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->message, "1 month"));
}

static void
test_report_json (void)
{
  g_autoptr(MdDossier) dossier = make_valid_sms ();
  g_autoptr(MdReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *first;

  set (dossier, "applicant.email", "broken");
  report = validate (dossier);
  json = md_report_to_json (report);
  first = json_array_get_object_element (json_node_get_array (json), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "format.email");
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (first, "path"), ==, "applicant.email");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  registry = md_programme_registry_new_default ();
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2026);

  g_test_add_func ("/validator/complete-dossier", test_complete_dossier_passes);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/validator/rule/%s/%u", rule_cases[i].rule, i);
      g_test_add_data_func (name, &rule_cases[i], test_rule);
    }
  g_test_add_func ("/validator/deadline-passed", test_deadline_passed);
  g_test_add_func ("/validator/unknown-programme", test_unknown_programme);
  g_test_add_func ("/validator/teaching-hours", test_staff_teaching_hours);
  g_test_add_func ("/validator/report-json", test_report_json);
  g_test_add_func ("/validator/samples", test_every_sample_is_valid);
  g_test_add_func ("/validator/duration-by-country", test_duration_by_country);
  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/validator/sample-rule/%s/%u", sample_cases[i].rule, i);
      g_test_add_data_func (name, &sample_cases[i], test_sample_rule);
    }

  status = g_test_run ();
  g_clear_object (&registry);
  return status;
}
