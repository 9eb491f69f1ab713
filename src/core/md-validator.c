/* md-validator.c
 *
 * The one place where programme rules meet a dossier. Every issue names
 * the field path it belongs to, a stable rule id and a message with the
 * actual values, so the UI can put it next to the field and the CLI can
 * print it. Rules read the profile; no figure is written here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-countries.h"
#include "md-dossier-schema.h"
#include "md-formats.h"
#include "md-validator-private.h"

#define ERROR   MD_SEVERITY_ERROR
#define WARNING MD_SEVERITY_WARNING

/* ---- Small helpers shared by the rule files ---------------------------- */

/* Returns the trimmed text at @path, or NULL when it is empty. */
const char *
md_validation_text (MdValidation *v,
                    const char   *path)
{
  const char *text = md_dossier_get_string (v->dossier, path);

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;

  return *text != '\0' ? text : NULL;
}

double
md_json_get_number (JsonObject *object,
                    const char *member,
                    double      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fallback;

  return json_node_get_double (node);
}

JsonArray *
md_json_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
md_json_get_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
md_json_array_has_string (JsonArray  *array,
                          const char *value)
{
  for (guint i = 0; array != NULL && value != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (node), value))
        return TRUE;
    }

  return FALSE;
}

static gboolean
json_array_has_int (JsonArray *array,
                    gint64     value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) == value)
        return TRUE;
    }

  return FALSE;
}

static const char *
country_name (const char *code)
{
  const char *name = md_countries_get_name (code);

  return name ? name : code;
}

static gboolean
is_present (MdValidation *v,
            const char   *path)
{
  JsonNode *node = md_dossier_lookup (v->dossier, path);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return md_validation_text (v, path) != NULL;

  return TRUE;
}

/* ---- Required fields and formats --------------------------------------- */

static void
require_field (MdValidation *v,
               const char   *path)
{
  if (!is_present (v, path))
    md_report_add (v->report, ERROR, path, "required.missing",
                   _("“%s” is required for this activity."), md_dossier_schema_label_of (path));
}

static void
check_required_fields (MdValidation *v)
{
  JsonArray *fields = md_json_get_array (v->activity, "required_fields");
  JsonObject *eligibility = md_json_get_object (v->activity, "eligibility");

  if (md_json_get_array (v->activity, "roles") != NULL)
    require_field (v, "applicant.role");

  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      const char *path = md_json_array_get_string (fields, i);

      if (path != NULL)
        require_field (v, path);
    }

  if (md_json_get_boolean (eligibility, "pair", FALSE))
    {
      require_field (v, "mobility.pair_partner.name");
      require_field (v, "mobility.pair_partner.institution");
    }
}

typedef gboolean (*TextCheck) (const char *text);

typedef struct
{
  const char *path;
  TextCheck   check;
  const char *rule;
  const char *message;   /* one %s: the field's name */
} FormatRule;

static gboolean
is_date (const char *text)
{
  GDate date;

  return md_format_parse_date (text, &date);
}

static const FormatRule format_rules[] = {
  { "applicant.email", md_format_is_email, "format.email", N_("“%s” is not a valid e-mail address.") },
  { "mobility.receiving_organisation.contact_email", md_format_is_email, "format.email", N_("“%s” is not a valid e-mail address.") },
  { "mobility.pair_partner.email", md_format_is_email, "format.email", N_("“%s” is not a valid e-mail address.") },
  { "applicant.date_of_birth", is_date, "format.date", N_("“%s” is not a date; write it as YYYY-MM-DD.") },
  { "mobility.start_date", is_date, "format.date", N_("“%s” is not a date; write it as YYYY-MM-DD.") },
  { "mobility.end_date", is_date, "format.date", N_("“%s” is not a date; write it as YYYY-MM-DD.") },
  { "applicant.iban", md_format_is_iban, "format.iban", N_("“%s” is not a valid IBAN: check the digits.") },
  { "applicant.home_institution.erasmus_code", md_format_is_erasmus_code, "format.erasmus_code", N_("“%s” is not an Erasmus code such as “B  ANTWERP01”.") },
  { "mobility.receiving_organisation.erasmus_code", md_format_is_erasmus_code, "format.erasmus_code", N_("“%s” is not an Erasmus code such as “D  BERLIN01”.") },
  { "applicant.field_of_education", md_format_is_isced_f, "format.isced", N_("“%s” is not a four-digit ISCED-F 2013 code such as 0912.") },
  { "learning_agreement.language.cefr", md_format_is_cefr, "format.cefr", N_("“%s” is not a CEFR level (A1 to C2, or NS for a native speaker).") },
  { "learning_agreement.language.code", md_format_is_language_code, "format.language", N_("“%s” is not a language code such as “en” or “de”.") },
  { "applicant.nationality", md_countries_is_known, "format.country", N_("“%s” is not a known country code.") },
  { "applicant.home_institution.country", md_countries_is_known, "format.country", N_("“%s” is not a known country code.") },
  { "mobility.destination_country", md_countries_is_known, "format.country", N_("“%s” is not a known country code.") },
};

static void
check_formats (MdValidation *v)
{
  gint64 cycle = md_dossier_get_int (v->dossier, "applicant.study_cycle", 0);

  for (guint i = 0; i < G_N_ELEMENTS (format_rules); i++)
    {
      const char *text = md_validation_text (v, format_rules[i].path);

      /* The messages come from the table above; msgfmt --check-format
       * guards their translations. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      if (text != NULL && !format_rules[i].check (text))
        md_report_add (v->report, ERROR, format_rules[i].path, format_rules[i].rule,
                       _(format_rules[i].message), text);
#pragma GCC diagnostic pop
    }

  if (md_dossier_lookup (v->dossier, "applicant.study_cycle") != NULL && (cycle < 1 || cycle > 8))
    md_report_add (v->report, ERROR, "applicant.study_cycle", "format.eqf",
                   _("The study cycle is an EQF level from 1 to 8 (6 bachelor, 7 master, 8 doctorate); %lld is not."),
                   (long long) cycle);
}

/* ---- Who may apply ----------------------------------------------------- */

static void
check_applicant (MdValidation *v)
{
  JsonArray *roles = md_json_get_array (v->activity, "roles");
  JsonArray *cycles = md_json_get_array (v->activity, "study_cycles");
  JsonObject *eligibility = md_json_get_object (v->activity, "eligibility");
  const char *role = md_validation_text (v, "applicant.role");
  JsonNode *cycle = md_dossier_lookup (v->dossier, "applicant.study_cycle");
  double min_credits = md_json_get_number (eligibility, "min_credits_obtained", -1);
  double min_gpa = md_json_get_number (eligibility, "min_gpa", -1);

  if (role != NULL && roles != NULL && !md_json_array_has_string (roles, role))
    md_report_add (v->report, ERROR, "applicant.role", "applicant.role_not_eligible",
                   _("This activity is not open to applicants of type “%s”."), role);

  if (cycles != NULL && cycle != NULL && json_node_get_value_type (cycle) == G_TYPE_INT64 &&
      !json_array_has_int (cycles, json_node_get_int (cycle)))
    md_report_add (v->report, ERROR, "applicant.study_cycle", "applicant.study_cycle_not_eligible",
                   _("This activity is not open to students at EQF level %lld."),
                   (long long) json_node_get_int (cycle));

  if (min_credits >= 0 &&
      md_dossier_get_double (v->dossier, "applicant.credits_obtained", -1) < min_credits)
    md_report_add (v->report, ERROR, "applicant.credits_obtained", "eligibility.credits",
                   _("This programme needs at least %g credits obtained; %g are declared."), min_credits,
                   MAX (0, md_dossier_get_double (v->dossier, "applicant.credits_obtained", 0)));

  if (min_gpa >= 0 && md_dossier_get_double (v->dossier, "applicant.gpa", -1) < min_gpa)
    md_report_add (v->report, ERROR, "applicant.gpa", "eligibility.gpa",
                   _("This programme needs a grade point average of at least %.1f; %.1f is declared."), min_gpa,
                   MAX (0, md_dossier_get_double (v->dossier, "applicant.gpa", 0)));
}

/* ---- Dates, durations, deadlines --------------------------------------- */

static gboolean
parse_date_member (JsonObject *object,
                   const char *member,
                   GDate      *date)
{
  const char *text = md_json_get_string (object, member, NULL);

  return text != NULL && md_format_parse_date (text, date);
}

static JsonObject *
effective_duration (MdValidation *v)
{
  JsonObject *by_country = md_json_get_object (v->activity, "duration_by_country");
  const char *destination = md_validation_text (v, "mobility.destination_country");
  JsonObject *specific = destination ? md_json_get_object (by_country, destination) : NULL;

  return specific ? specific : md_json_get_object (v->activity, "duration");
}

/* Durations in months are compared on 30-day months, as the
 * Beneficiary Module does. */
static double
bound_in_days (double      amount,
               const char *unit)
{
  return g_strcmp0 (unit, "months") == 0 ? amount * 30 : amount;
}

static void
check_duration (MdValidation *v)
{
  JsonObject *duration = effective_duration (v);
  const char *unit = md_json_get_string (duration, "unit", "days");
  double min = md_json_get_number (duration, "min", 0);
  double max = md_json_get_number (duration, "max", G_MAXDOUBLE);
  g_autofree char *actual = md_duration_describe_days (v->days, v->counting);
  g_autofree char *min_text = md_duration_describe_bound (min, unit);
  g_autofree char *max_text = md_duration_describe_bound (max, unit);

  if (v->days < bound_in_days (min, unit))
    md_report_add (v->report, ERROR, "mobility.end_date", "duration.too_short",
                   _("The stay lasts %s; this activity needs at least %s (travel days not counted)."),
                   actual, min_text);
  else if (v->days > bound_in_days (max, unit))
    md_report_add (v->report, ERROR, "mobility.end_date", "duration.too_long",
                   _("The stay lasts %s; this activity allows at most %s (travel days not counted)."),
                   actual, max_text);
}

static void
check_cumulative (MdValidation *v)
{
  JsonObject *cumulative = md_json_get_object (v->activity, "cumulative_months");
  gboolean one_cycle = md_dossier_get_boolean (v->dossier, "applicant.one_cycle_programme");
  double limit = md_json_get_number (cumulative, one_cycle ? "one_cycle" : "per_cycle", -1);
  double previous = md_dossier_get_double (v->dossier, "applicant.previous_mobility_months", 0);
  double months = v->days / 30.0;

  if (limit > 0 && previous + months > limit + 1e-9)
    md_report_add (v->report, ERROR, "applicant.previous_mobility_months", "duration.cumulative",
                   _("Together with the %.1f months already spent abroad in this study cycle, this stay of %.1f months exceeds the limit of %g months."),
                   previous, months, limit);
}

static void
check_calendar (MdValidation *v)
{
  JsonObject *application = md_json_get_object (md_programme_get_definition (v->programme), "application");
  JsonObject *window = md_json_get_object (application, "mobility_window");
  double lead_months = md_json_get_number (application, "lead_time_months", 0);
  GDate deadline, limit, latest;

  if (parse_date_member (application, "deadline", &deadline) && g_date_compare (&v->today, &deadline) > 0)
    {
      g_autofree char *text = md_format_display_date (&deadline);
      md_report_add (v->report, ERROR, "mobility.start_date", "deadline.passed",
                     _("The call closed on %s."), text);
    }

  if (lead_months > 0)
    {
      latest = v->start;
      g_date_subtract_months (&latest, (guint) lead_months);
      if (g_date_compare (&v->today, &latest) > 0)
        {
          g_autofree char *start_text = md_format_display_date (&v->start);
          g_autofree char *latest_text = md_format_display_date (&latest);
          md_report_add (v->report, ERROR, "mobility.start_date", "deadline.lead_time",
                         _("Applications must be submitted at least %g months before departure: for a stay starting on %s, submit by %s."),
                         lead_months, start_text, latest_text);
        }
    }

  if (parse_date_member (window, "end", &limit) && g_date_compare (&v->end, &limit) > 0)
    {
      g_autofree char *limit_text = md_format_display_date (&limit);
      g_autofree char *end_text = md_format_display_date (&v->end);
      md_report_add (v->report, ERROR, "mobility.end_date", "dates.outside_window",
                     _("The mobility must end by %s; this one ends on %s."), limit_text, end_text);
    }

  if (parse_date_member (window, "start", &limit) && g_date_compare (&v->start, &limit) < 0)
    {
      g_autofree char *limit_text = md_format_display_date (&limit);
      g_autofree char *start_text = md_format_display_date (&v->start);
      md_report_add (v->report, ERROR, "mobility.start_date", "dates.outside_window",
                     _("The mobility may start on %s at the earliest; this one starts on %s."),
                     limit_text, start_text);
    }
}

static void
check_dates (MdValidation *v)
{
  const char *start = md_validation_text (v, "mobility.start_date");
  const char *end = md_validation_text (v, "mobility.end_date");

  if (start == NULL || end == NULL ||
      !md_format_parse_date (start, &v->start) || !md_format_parse_date (end, &v->end))
    return;

  if (g_date_compare (&v->end, &v->start) < 0)
    {
      md_report_add (v->report, ERROR, "mobility.end_date", "dates.end_before_start",
                     _("The stay ends (%s) before it starts (%s)."), end, start);
      return;
    }

  v->has_period = TRUE;
  v->counting = md_counting_from_string (md_json_get_string (
                  md_json_get_object (v->activity, "duration"), "counting", "calendar"));
  v->days = md_duration_days (v->counting, &v->start, &v->end);
  v->calendar_days = md_duration_calendar_days (&v->start, &v->end);

  check_duration (v);
  check_cumulative (v);
  check_calendar (v);
}

/* ---- Where to ----------------------------------------------------------- */

static gboolean
in_any_set (MdValidation *v,
            JsonArray    *sets,
            const char   *country)
{
  for (guint i = 0; sets != NULL && i < json_array_get_length (sets); i++)
    if (md_programme_set_contains (v->programme, md_json_array_get_string (sets, i), country))
      return TRUE;

  return FALSE;
}

static gboolean
is_citizen_of (MdValidation *v,
               const char   *country)
{
  guint n = md_dossier_get_length (v->dossier, "applicant.citizenships");

  if (g_strcmp0 (md_validation_text (v, "applicant.nationality"), country) == 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("applicant.citizenships[%u]", i);

      if (g_strcmp0 (md_dossier_get_string (v->dossier, path), country) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
check_destination (MdValidation *v)
{
  const char *country = md_validation_text (v, "mobility.destination_country");
  const char *origin = md_validation_text (v, "applicant.home_institution.country");
  JsonObject *exclusions = md_json_get_object (md_programme_get_definition (v->programme), "exclusions");
  JsonArray *origins = md_json_get_array (v->activity, "origins");

  if (country == NULL || !md_countries_is_known (country))
    return;

  if (md_json_array_has_string (md_json_get_array (exclusions, "countries"), country))
    md_report_add (v->report, ERROR, "mobility.destination_country", "destination.excluded",
                   _("%s is not an eligible destination in this programme."), country_name (country));
  else if (!in_any_set (v, md_json_get_array (v->activity, "destinations"), country))
    md_report_add (v->report, ERROR, "mobility.destination_country", "destination.not_eligible",
                   _("%s is not an eligible destination for this activity."), country_name (country));

  if (md_json_get_boolean (exclusions, "home_country", FALSE) &&
      g_strcmp0 (origin, country) == 0)
    md_report_add (v->report, ERROR, "mobility.destination_country", "destination.home_country",
                   _("%s is the country of the home institution; the stay must be abroad."),
                   country_name (country));

  if (md_json_get_boolean (exclusions, "citizenship", FALSE) &&
      is_citizen_of (v, country))
    md_report_add (v->report, ERROR, "mobility.destination_country", "destination.citizenship",
                   _("You are a citizen of %s; the country of your citizenship is not eligible."),
                   country_name (country));

  if (origins != NULL && origin != NULL && !in_any_set (v, origins, origin))
    md_report_add (v->report, ERROR, "applicant.home_institution.country", "origin.not_eligible",
                   _("Applicants from institutions in %s are not eligible for this activity."),
                   country_name (origin));
}

static void
check_organisation (MdValidation *v)
{
  JsonObject *types = md_json_get_object (v->activity, "organisation_types");
  const char *type = md_validation_text (v, "mobility.receiving_organisation.type");

  if (type == NULL || types == NULL)
    return;

  if (md_json_array_has_string (md_json_get_array (types, "excluded"), type))
    md_report_add (v->report, ERROR, "mobility.receiving_organisation.type", "organisation.type_excluded",
                   _("Organisations of type “%s” cannot host this activity."), type);
  else if (md_json_get_array (types, "eligible") != NULL &&
           !md_json_array_has_string (md_json_get_array (types, "eligible"), type))
    md_report_add (v->report, ERROR, "mobility.receiving_organisation.type", "organisation.type_not_eligible",
                   _("Organisations of type “%s” are not listed as hosts for this activity."), type);

  /* An institution holding the ECHE has an Erasmus code; without one
   * the charter cannot be checked. */
  if (md_json_array_has_string (md_json_get_array (types, "eche_required"), type) &&
      md_validation_text (v, "mobility.receiving_organisation.erasmus_code") == NULL)
    md_report_add (v->report, ERROR, "mobility.receiving_organisation.erasmus_code", "organisation.eche_required",
                   _("A receiving higher education institution must hold the Erasmus Charter (ECHE): enter its Erasmus code."));
}

static void
check_teaching_hours (MdValidation *v)
{
  double per_week = md_json_get_number (v->activity, "teaching_hours_per_week", 0);
  double planned = md_dossier_get_double (v->dossier, "mobility.teaching_hours", 0);
  double needed;

  if (per_week <= 0 || !v->has_period)
    return;

  /* A shorter stay needs the weekly minimum; an incomplete extra week a
   * proportional share of it. */
  needed = ceil (per_week * MAX (1.0, v->calendar_days / 7.0) - 1e-9);
  if (planned < needed)
    md_report_add (v->report, ERROR, "mobility.teaching_hours", "teaching.too_few_hours",
                   _("A teaching stay of %u days needs at least %g teaching hours (%g per week); %g are planned."),
                   v->calendar_days, needed, per_week, planned);
}

/**
 * md_validate_dossier:
 * @programme: (nullable): the dossier's programme profile
 * @today: (nullable): the date of submission; %NULL for today
 *
 * Returns: (transfer full): every problem found, errors and warnings
 */
MdReport *
md_validate_dossier (MdDossier   *dossier,
                     MdProgramme *programme,
                     const GDate *today)
{
  MdValidation v = { 0 };
  const char *activity;

  g_return_val_if_fail (MD_IS_DOSSIER (dossier), NULL);

  v.dossier = dossier;
  v.programme = programme;
  v.report = md_report_new ();
  if (today != NULL)
    v.today = *today;
  else
    g_date_set_time_t (&v.today, time (NULL));

  if (programme == NULL)
    {
      md_report_add (v.report, ERROR, "programme", "programme.unknown",
                     _("The programme “%s” is not installed, so the dossier cannot be checked."),
                     md_dossier_get_programme (dossier));
      return v.report;
    }

  activity = md_validation_text (&v, "mobility.activity");
  v.activity = md_programme_get_activity (programme, activity);
  v.institution = md_programme_get_institution (programme);
  if (v.activity == NULL)
    {
      if (activity == NULL)
        md_report_add (v.report, ERROR, "mobility.activity", "required.missing",
                       _("Choose the activity you apply for."));
      else
        md_report_add (v.report, ERROR, "mobility.activity", "activity.unknown",
                       _("The programme has no activity “%s”."), activity);
      check_formats (&v);
      return v.report;
    }

  check_required_fields (&v);
  check_formats (&v);
  check_applicant (&v);
  check_dates (&v);
  check_destination (&v);
  check_organisation (&v);
  check_teaching_hours (&v);
  md_validate_texts (&v);
  md_validate_agreement (&v);
  md_validate_documents (&v);
  md_validate_approvals (&v);

  return v.report;
}
