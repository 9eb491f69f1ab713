/* md-validator-agreement.c: the learning agreement, texts, documents
 * and approvals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-bundle.h"
#include "md-formats.h"
#include "md-validator-private.h"

#define ERROR   MD_SEVERITY_ERROR
#define WARNING MD_SEVERITY_WARNING

static const char * const table_names[] = { "table_a", "table_b", "table_c" };

static const char *
describe_table (const char *table)
{
  if (g_str_equal (table, "table_a"))
    return _("Table A (studies at the receiving institution)");
  if (g_str_equal (table, "table_b"))
    return _("Table B (recognition at home)");
  return _("Table C (virtual components)");
}

static void
check_component (MdValidation *v,
                 const char   *table,
                 guint         row,
                 double       *total)
{
  g_autofree char *ects_path = g_strdup_printf ("learning_agreement.%s[%u].ects", table, row);
  g_autofree char *title_path = g_strdup_printf ("learning_agreement.%s[%u].title", table, row);
  double min_component = md_json_get_number (md_json_get_object (v->institution, "credits"),
                                             "min_per_component", 0);
  double ects = md_dossier_get_double (v->dossier, ects_path, NAN);

  if (md_validation_text (v, title_path) == NULL)
    md_report_add (v->report, ERROR, title_path, "la.title_missing",
                   _("Component %u of %s has no title."), row + 1, describe_table (table));

  if (isnan (ects))
    {
      md_report_add (v->report, ERROR, ects_path, "ects.missing",
                     _("Component %u of %s has no ECTS credits."), row + 1, describe_table (table));
      return;
    }

  *total += ects;
  if (ects <= 0)
    md_report_add (v->report, ERROR, ects_path, "ects.not_positive",
                   _("ECTS credits must be positive; component %u of %s has %g."),
                   row + 1, describe_table (table), ects);
  else if (ects != floor (ects))
    md_report_add (v->report, ERROR, ects_path, "ects.not_integer",
                   _("ECTS credits are whole numbers; component %u of %s has %g."),
                   row + 1, describe_table (table), ects);
  else if (g_str_equal (table, "table_b") && ects < min_component)
    md_report_add (v->report, ERROR, ects_path, "ects.component_minimum",
                   _("Every course at the home institution is worth at least %g credits; component %u of Table B has %g."),
                   min_component, row + 1, ects);
}

static double
check_table (MdValidation *v,
             const char   *table,
             gboolean      required)
{
  g_autofree char *path = g_strconcat ("learning_agreement.", table, NULL);
  guint rows = md_dossier_get_length (v->dossier, path);
  double total = 0;

  if (rows == 0 && required)
    md_report_add (v->report, ERROR, path, "la.table_empty",
                   _("%s lists no components yet."), describe_table (table));

  for (guint i = 0; i < rows; i++)
    check_component (v, table, i, &total);

  return total;
}

/* 30 credits a semester, 60 a year: a stay may not carry more than the
 * semesters it touches. */
static void
check_semester_load (MdValidation *v,
                     double        total_a)
{
  JsonObject *credits = md_json_get_object (v->institution, "credits");
  double per_semester = md_json_get_number (credits, "per_semester", 30);
  double semesters;

  if (!v->has_period || total_a <= 0)
    return;

  semesters = MAX (1.0, ceil (md_duration_days_30_360 (&v->start, &v->end) / 180.0));
  if (total_a > per_semester * semesters)
    md_report_add (v->report, WARNING, "learning_agreement.table_a", "ects.load_too_high",
                   _("Table A totals %g credits for %g semester(s); a full-time load is %g credits a semester."),
                   total_a, semesters, per_semester);
}

/* The institution's own rule: a full-time week earns at most so many
 * credits (1 credit is 25 to 30 hours of study). */
static void
check_weekly_load (MdValidation *v,
                   double        total_a)
{
  double per_week = md_json_get_number (md_json_get_object (v->institution, "credits"),
                                        "max_per_full_time_week", 0);
  double weeks = v->calendar_days / 7.0;

  if (!v->has_period || total_a <= 0 || per_week <= 0)
    return;

  if (total_a > per_week * MAX (1.0, weeks) + 1e-9)
    md_report_add (v->report, WARNING, "learning_agreement.table_a", "ects.weekly_limit",
                   _("Table A totals %g credits for a stay of %.1f weeks; at most %g credits can be earned per full-time week (1 credit is 25 to 30 hours of study)."),
                   total_a, weeks, per_week);
}

void
md_validate_agreement (MdValidation *v)
{
  JsonObject *agreement = md_json_get_object (v->activity, "learning_agreement");
  JsonArray *tables = md_json_get_array (agreement, "tables");
  const char *virtual = md_json_get_string (agreement, "virtual_component", "optional");
  double min_total = md_json_get_number (agreement, "min_total_ects", 0);
  double totals[G_N_ELEMENTS (table_names)];

  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    totals[i] = check_table (v, table_names[i], md_json_array_has_string (tables, table_names[i]));

  if (g_strcmp0 (virtual, "required") == 0 && md_dossier_get_length (v->dossier, "learning_agreement.table_c") == 0)
    md_report_add (v->report, ERROR, "learning_agreement.table_c", "la.virtual_required",
                   _("This activity has a compulsory virtual component: describe it in Table C."));

  if (g_strcmp0 (virtual, "none") == 0 && md_dossier_get_length (v->dossier, "learning_agreement.table_c") > 0)
    md_report_add (v->report, WARNING, "learning_agreement.table_c", "la.virtual_not_offered",
                   _("This activity has no virtual component; Table C will be ignored."));

  if (min_total > 0 && totals[0] < min_total)
    md_report_add (v->report, ERROR, "learning_agreement.table_a", "ects.total_too_low",
                   _("This activity needs at least %g ECTS credits in Table A; it has %g."), min_total, totals[0]);

  if (md_json_get_boolean (agreement, "compare_a_b", FALSE) &&
      md_dossier_get_length (v->dossier, "learning_agreement.table_b") > 0 && totals[0] != totals[1])
    md_report_add (v->report, WARNING, "learning_agreement.table_b", "ects.tables_differ",
                   _("Table A totals %g credits but Table B recognises %g; check that the recognition covers the studies abroad."),
                   totals[0], totals[1]);

  if (md_json_get_boolean (agreement, "load_check", FALSE))
    check_semester_load (v, totals[0]);
  /* With a compulsory virtual part, credits are also earned online, so
   * the physical weeks do not bound them. */
  if (g_strcmp0 (virtual, "required") != 0)
    check_weekly_load (v, totals[0]);
}

static guint
count_words (MdValidation *v,
             const char   *path)
{
  const char *text = md_dossier_get_string (v->dossier, path);

  return text ? md_format_count_words (text) : 0;
}

static void
check_length (MdValidation *v,
              const char   *bounds_member,
              const char   *path,
              guint         words,
              const char   *rule_prefix,
              const char   *what)
{
  JsonObject *bounds = md_json_get_object (v->activity, bounds_member);
  double min = md_json_get_number (bounds, "min_words", 0);
  double max = md_json_get_number (bounds, "max_words", G_MAXDOUBLE);
  g_autofree char *short_rule = g_strconcat (rule_prefix, ".too_short", NULL);
  g_autofree char *long_rule = g_strconcat (rule_prefix, ".too_long", NULL);

  if (bounds == NULL)
    return;

  if (words < min)
    md_report_add (v->report, ERROR, path, short_rule,
                   _("The %s has %u words; it needs at least %g."), what, words, min);
  else if (words > max)
    md_report_add (v->report, ERROR, path, long_rule,
                   _("The %s has %u words; it may have at most %g."), what, words, max);
}

void
md_validate_texts (MdValidation *v)
{
  guint plan_words = count_words (v, "study_plan.objectives") +
                     count_words (v, "study_plan.activities") +
                     count_words (v, "study_plan.learning_outcomes");

  check_length (v, "motivation_letter", "motivation_letter.text",
                count_words (v, "motivation_letter.text"), "letter", _("motivation letter"));
  check_length (v, "study_plan", "study_plan.objectives", plan_words, "plan", _("study or training plan"));
}

typedef struct
{
  const char *kind;
  const char *label;
  const char *text_path;   /* a text in the dossier that stands for it */
} DocumentKind;

static const DocumentKind document_kinds[] = {
  { "application_form", N_("application form"), "applicant.given_name" },
  { "cv", N_("CV"), NULL },
  { "transcript", N_("transcript of records"), NULL },
  { "language_certificate", N_("language certificate"), NULL },
  { "motivation_letter", N_("motivation letter"), "motivation_letter.text" },
  { "study_plan", N_("study or training plan"), "study_plan.objectives" },
  { "recommendation_letter", N_("recommendation letter"), NULL },
  { "cooperation_agreement", N_("cooperation agreement"), NULL },
  { "traineeship_agreement", N_("traineeship agreement"), NULL },
  { "learning_agreement", N_("learning agreement"), "learning_agreement.table_a[0].title" },
  { "letter_of_acceptance", N_("letter of acceptance"), NULL },
};

static gboolean
has_attachment_of_kind (MdValidation *v,
                        const char   *kind)
{
  guint n = md_dossier_get_length (v->dossier, "attachments");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("attachments[%u].kind", i);

      if (g_strcmp0 (md_dossier_get_string (v->dossier, path), kind) == 0)
        return TRUE;
    }

  return FALSE;
}

void
md_validate_documents (MdValidation *v)
{
  JsonArray *required = md_json_get_array (v->activity, "required_documents");

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *kind = md_json_array_get_string (required, i);
      const DocumentKind *known = NULL;

      for (guint k = 0; kind != NULL && k < G_N_ELEMENTS (document_kinds); k++)
        if (g_str_equal (document_kinds[k].kind, kind))
          known = &document_kinds[k];

      if (kind == NULL || has_attachment_of_kind (v, kind) ||
          (known != NULL && known->text_path != NULL && md_validation_text (v, known->text_path) != NULL))
        continue;

      md_report_add (v->report, ERROR, "attachments", "documents.missing",
                     _("The %s is missing: attach it to the dossier."),
                     known ? _(known->label) : kind);
    }
}

void
md_validate_approvals (MdValidation *v)
{
  guint n = md_dossier_get_length (v->dossier, "approvals");
  g_autofree char *digest = NULL;

  if (n == 0)
    return;

  digest = md_bundle_compute_agreement_digest (v->dossier);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("approvals[%u]", i);
      g_autofree char *digest_path = g_strconcat (path, ".agreement_digest", NULL);
      g_autofree char *role_path = g_strconcat (path, ".role", NULL);
      const char *approved = md_dossier_get_string (v->dossier, digest_path);
      const char *role = md_dossier_get_string (v->dossier, role_path);

      if (g_strcmp0 (approved, digest) != 0)
        md_report_add (v->report, WARNING, path, "approvals.stale",
                       _("The learning agreement changed after the %s approval; it must be approved again."),
                       role ? role : "?");
    }
}
