/* md-grant-estimate.c
 *
 * The estimate follows the Programme Guide as the fact sheet records it:
 * long-term stays on the 30/360 convention (full months × monthly rate +
 * remaining days × rate / 30), daily rates in calendar days with tiers
 * or a reduction after day 14, funded travel days outside the duration
 * limits (2, or 6 with green travel), top-ups, and travel support by
 * distance band. Every amount comes from the profile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-countries.h"
#include "md-duration.h"
#include "md-formats.h"
#include "md-grant-estimate.h"

struct _MdGrantEstimate
{
  GObject   parent_instance;

  GArray   *lines;
  gboolean  indicative;
};

G_DEFINE_FINAL_TYPE (MdGrantEstimate, md_grant_estimate, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-grant-error-quark, md_grant_error)

typedef struct
{
  MdDossier       *dossier;
  MdProgramme     *programme;
  JsonObject      *activity;
  JsonObject      *grant;
  MdGrantEstimate *estimate;
  const char      *country;
  const char      *group;
  gboolean         green;
  gboolean         travel_eligible;
  guint            days_30_360;
  guint            calendar_days;
  guint            travel_days;
} Estimation;

static void
line_clear (gpointer data)
{
  MdGrantLine *line = data;

  g_clear_pointer (&line->id, g_free);
  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->detail, g_free);
}

static void
md_grant_estimate_finalize (GObject *object)
{
  MdGrantEstimate *self = (MdGrantEstimate *)object;

  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (md_grant_estimate_parent_class)->finalize (object);
}

static void
md_grant_estimate_class_init (MdGrantEstimateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_grant_estimate_finalize;
}

static void
md_grant_estimate_init (MdGrantEstimate *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (MdGrantLine));
  g_array_set_clear_func (self->lines, line_clear);
}

G_GNUC_PRINTF (5, 6)
static void
add_line (Estimation *e,
          const char *id,
          const char *label,
          double      amount,
          const char *detail_format,
          ...)
{
  MdGrantLine line;
  va_list args;

  va_start (args, detail_format);
  line.detail = g_strdup_vprintf (detail_format, args);
  va_end (args);
  line.id = g_strdup (id);
  line.label = g_strdup (label);
  line.amount = round (amount * 100) / 100;
  g_array_append_val (e->estimate->lines, line);
}

static double
number (JsonObject *object,
        const char *member,
        double      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE ? json_node_get_double (node) : fallback;
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The rate for the destination's group, or the single rate. */
static double
lookup_rate (Estimation *e,
             JsonObject *individual)
{
  JsonObject *rates = object_member (individual, "rates");

  if (rates == NULL)
    return number (individual, "rate", NAN);

  return number (rates, e->group ? e->group : "", NAN);
}

static double
day_rate_at (Estimation *e,
             JsonObject *individual,
             guint       day)
{
  JsonArray *tiers = array_member (individual, "tiers");
  double reduced_after = number (individual, "reduced_after_day", 0);
  double rate;

  if (tiers != NULL)
    {
      for (guint i = 0; i < json_array_get_length (tiers); i++)
        {
          JsonObject *tier = md_json_array_get_object (tiers, i);

          if (day <= number (tier, "until_day", 0) || i + 1 == json_array_get_length (tiers))
            return number (tier, "rate", 0);
        }
    }

  rate = lookup_rate (e, individual);
  if (reduced_after > 0 && day > reduced_after)
    rate *= number (individual, "reduced_factor", 1);

  return rate;
}

static gboolean
estimate_per_day (Estimation  *e,
                  JsonObject  *individual,
                  GError     **error)
{
  double stay = 0, travel = 0;

  if (isnan (day_rate_at (e, individual, 1)))
    {
      g_set_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_NO_RATES,
                   _("The programme has no daily rate for %s."), md_countries_get_name (e->country));
      return FALSE;
    }

  for (guint day = 1; day <= e->calendar_days; day++)
    stay += day_rate_at (e, individual, day);
  for (guint day = 1; day <= e->travel_days; day++)
    travel += day_rate_at (e, individual, e->calendar_days + day);

  add_line (e, "individual", _("Individual support"), stay,
            g_dngettext (GETTEXT_PACKAGE, "%u day of physical activity", "%u days of physical activity",
                         e->calendar_days), e->calendar_days);
  if (e->travel_days > 0)
    add_line (e, "travel_days", _("Travel days"), travel,
              g_dngettext (GETTEXT_PACKAGE, "%u travel day outside the activity", "%u travel days outside the activity",
                           e->travel_days), e->travel_days);
  return TRUE;
}

static gboolean
estimate_per_month (Estimation  *e,
                    JsonObject  *individual,
                    GError     **error)
{
  double rate = lookup_rate (e, individual);
  double max = number (individual, "max_amount", G_MAXDOUBLE);
  guint months = e->days_30_360 / 30;
  guint rest = e->days_30_360 % 30;
  double amount;

  if (isnan (rate))
    {
      g_set_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_NO_RATES,
                   _("The programme has no monthly rate for %s."), md_countries_get_name (e->country));
      return FALSE;
    }

  amount = MIN (months * rate + rest * rate / 30.0, max);
  add_line (e, "individual", _("Individual support"), amount,
            _("%u full months × €%g + %u days × €%g / 30%s"), months, rate, rest, rate,
            amount >= max ? _(" (capped)") : "");

  /* Long-term students without a travel grant who travel green get
   * extra days of individual support. */
  if (e->green && !e->travel_eligible)
    {
      double extra = number (object_member (e->grant, "travel"), "green_extra_days", 0);

      if (extra > 0)
        add_line (e, "green_days", _("Green travel days"), extra * rate / 30.0,
                  _("%g extra days × €%g / 30"), extra, rate);
    }

  return TRUE;
}

static void
estimate_per_stay (Estimation *e,
                   JsonObject *individual)
{
  double amount = number (individual, "amount", 0);
  double pro_rata_months = number (individual, "pro_rata_below_months", 0);

  if (pro_rata_months > 0 && e->days_30_360 < pro_rata_months * 30)
    {
      double share = e->days_30_360 / (pro_rata_months * 30);

      add_line (e, "individual", _("Scholarship"), amount * share,
                _("€%g pro rata for %u of %g × 30 days"), amount, e->days_30_360, pro_rata_months);
      return;
    }

  add_line (e, "individual", _("Scholarship"), amount, _("lump sum for the stay"));
}

static gboolean
condition_holds (Estimation *e,
                 JsonObject *top_up)
{
  const char *condition = md_json_get_string (top_up, "condition", NULL);

  return condition == NULL || md_dossier_get_boolean (e->dossier, condition);
}

static char *
describe_top_up_basis (Estimation *e,
                       JsonObject *top_up)
{
  const char *per = md_json_get_string (top_up, "per", "stay");
  double amount = number (top_up, "amount", 0);

  if (array_member (top_up, "by_days") != NULL)
    return g_strdup_printf (_("one-off, for a stay of %u days"), e->calendar_days);
  if (g_str_equal (per, "month"))
    return g_strdup_printf (_("€%g a month × %.2f months"), amount, e->days_30_360 / 30.0);
  if (g_str_equal (per, "day"))
    return g_strdup_printf (_("€%g a day × %u days"), amount, e->calendar_days);
  return g_strdup (_("one-off"));
}

static double
top_up_amount (Estimation *e,
               JsonObject *top_up)
{
  const char *per = md_json_get_string (top_up, "per", "stay");
  JsonArray *by_days = array_member (top_up, "by_days");
  double amount = number (top_up, "amount", 0);

  if (by_days != NULL)
    {
      for (guint i = 0; i < json_array_get_length (by_days); i++)
        {
          JsonObject *band = md_json_array_get_object (by_days, i);

          if (e->calendar_days <= number (band, "max_days", 0) || i + 1 == json_array_get_length (by_days))
            return number (band, "amount", 0);
        }
    }

  if (g_str_equal (per, "month"))
    amount *= e->days_30_360 / 30.0;
  else if (g_str_equal (per, "day"))
    amount *= e->calendar_days;

  return MIN (amount, number (top_up, "max_amount", G_MAXDOUBLE));
}

static const char *
describe_top_up (const char *id)
{
  if (g_strcmp0 (id, "fewer_opportunities") == 0)
    return _("Top-up for fewer opportunities");
  if (g_strcmp0 (id, "traineeship") == 0)
    return _("Traineeship top-up");
  if (g_strcmp0 (id, "underrepresented") == 0)
    return _("Top-up for underrepresented groups");
  return _("Top-up");
}

static void
estimate_top_ups (Estimation *e)
{
  JsonArray *top_ups = array_member (e->grant, "top_ups");

  for (guint i = 0; top_ups != NULL && i < json_array_get_length (top_ups); i++)
    {
      JsonObject *top_up = md_json_array_get_object (top_ups, i);
      const char *id = md_json_get_string (top_up, "id", "top_up");
      g_autofree char *line_id = g_strconcat ("top_up.", id, NULL);
      g_autofree char *basis = NULL;

      if (top_up == NULL || !condition_holds (e, top_up))
        continue;

      basis = describe_top_up_basis (e, top_up);
      add_line (e, line_id, describe_top_up (id), top_up_amount (e, top_up), "%s", basis);
    }
}

static JsonObject *
find_band (Estimation *e,
           double      km)
{
  JsonArray *bands = array_member (md_programme_get_definition (e->programme), "travel_bands");

  for (guint i = 0; bands != NULL && i < json_array_get_length (bands); i++)
    {
      JsonObject *band = md_json_array_get_object (bands, i);

      if (km >= number (band, "min_km", 0) && km <= number (band, "max_km", 0))
        return band;
    }

  return NULL;
}

static gboolean
is_travel_eligible (Estimation *e,
                    JsonObject *travel)
{
  const char *rule, *set;

  if (travel == NULL)
    return FALSE;

  rule = md_json_get_string (travel, "eligible", "never");
  set = md_json_get_string (travel, "set", NULL);
  if (g_str_equal (rule, "always"))
    return TRUE;
  if (g_str_equal (rule, "fewer_opportunities_or_set"))
    return md_dossier_get_boolean (e->dossier, "applicant.fewer_opportunities") ||
           (set != NULL && md_programme_set_contains (e->programme, set, e->country));
  return FALSE;
}

static void
estimate_travel (Estimation *e)
{
  JsonObject *travel = object_member (e->grant, "travel");
  JsonObject *by_country = object_member (travel, "by_country");
  double km = md_dossier_get_double (e->dossier, "mobility.distance_km", NAN);
  JsonObject *band;

  if (travel == NULL)
    return;

  if (!e->travel_eligible)
    {
      double green_top_up = number (travel, "green_top_up", 0);

      if (e->green && green_top_up > 0)
        add_line (e, "green_top_up", _("Green travel top-up"), green_top_up, _("one-off, instead of travel support"));
      return;
    }

  if (json_object_has_member (travel, "fixed"))
    {
      add_line (e, "travel", _("Travel support"), number (travel, "fixed", 0), _("fixed amount"));
      return;
    }

  if (by_country != NULL)
    {
      double amount = number (by_country, e->country, number (by_country, "*", 0));

      add_line (e, "travel", _("Travel support"), amount, _("amount for %s"), md_countries_get_name (e->country));
      return;
    }

  band = isnan (km) ? NULL : find_band (e, km);
  if (band == NULL)
    {
      add_line (e, "travel", _("Travel support"), 0,
                _("enter the one-way distance in km from the EC Distance Calculator"));
      return;
    }

  add_line (e, "travel", _("Travel support"), number (band, e->green ? "green" : "standard", 0),
            _("%g km one way: band %g–%g km, %s travel, return trip"), km,
            number (band, "min_km", 0), number (band, "max_km", 0),
            e->green ? _("green") : _("standard"));
}

static gboolean
prepare (Estimation  *e,
         GError     **error)
{
  const char *start_text = md_dossier_get_string (e->dossier, "mobility.start_date");
  const char *end_text = md_dossier_get_string (e->dossier, "mobility.end_date");
  JsonObject *travel_days;
  GDate start, end;

  e->activity = md_programme_get_activity (e->programme, md_dossier_get_string (e->dossier, "mobility.activity"));
  if (e->activity == NULL)
    return g_set_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_INCOMPLETE, _("Choose an activity first.")), FALSE;

  e->grant = object_member (e->activity, "grant");
  if (e->grant == NULL)
    return g_set_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_NO_RATES,
                        _("The programme profile publishes no grant amounts for this activity.")), FALSE;

  e->country = md_dossier_get_string (e->dossier, "mobility.destination_country");
  if (e->country == NULL || !md_countries_is_known (e->country))
    return g_set_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_INCOMPLETE, _("Choose the destination country first.")), FALSE;

  if (!md_format_parse_date (start_text, &start) || !md_format_parse_date (end_text, &end) ||
      g_date_compare (&end, &start) < 0)
    return g_set_error (error, MD_GRANT_ERROR, MD_GRANT_ERROR_INCOMPLETE, _("Enter valid start and end dates first.")), FALSE;

  e->group = md_programme_get_country_group (e->programme, e->country);
  e->green = g_strcmp0 (md_dossier_get_string (e->dossier, "mobility.travel_mode"), "green") == 0;
  e->days_30_360 = md_duration_days_30_360 (&start, &end);
  e->calendar_days = md_duration_calendar_days (&start, &end);
  travel_days = object_member (e->activity, "travel_days");
  e->travel_days = (guint) number (travel_days, e->green ? "green" : "standard", 0);
  e->travel_eligible = is_travel_eligible (e, object_member (e->grant, "travel"));
  return TRUE;
}

/**
 * md_grant_estimate_compute:
 *
 * Returns: (transfer full) (nullable): the estimate with its breakdown,
 *   or %NULL with @error saying what is still missing
 */
MdGrantEstimate *
md_grant_estimate_compute (MdDossier    *dossier,
                           MdProgramme  *programme,
                           GError      **error)
{
  g_autoptr(MdGrantEstimate) estimate = g_object_new (MD_TYPE_GRANT_ESTIMATE, NULL);
  Estimation e = { dossier, programme, NULL, NULL, estimate };
  JsonObject *individual;
  const char *per;
  gboolean ok = TRUE;

  g_return_val_if_fail (MD_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), NULL);

  if (!prepare (&e, error))
    return NULL;

  individual = object_member (e.grant, "individual");
  per = md_json_get_string (individual, "per", "stay");
  if (g_str_equal (per, "month"))
    ok = estimate_per_month (&e, individual, error);
  else if (g_str_equal (per, "day"))
    ok = estimate_per_day (&e, individual, error);
  else
    estimate_per_stay (&e, individual);

  if (!ok)
    return NULL;

  estimate_top_ups (&e);
  estimate_travel (&e);
  estimate->indicative = md_programme_is_indicative (programme, "activities[].grant") ||
                         md_programme_is_indicative (programme, "travel_bands") ||
                         md_programme_is_indicative (programme, "country_groups");
  return g_steal_pointer (&estimate);
}

guint
md_grant_estimate_get_n_lines (MdGrantEstimate *self)
{
  g_return_val_if_fail (MD_IS_GRANT_ESTIMATE (self), 0);

  return self->lines->len;
}

const MdGrantLine *
md_grant_estimate_get_line (MdGrantEstimate *self,
                            guint            index)
{
  g_return_val_if_fail (MD_IS_GRANT_ESTIMATE (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  return &g_array_index (self->lines, MdGrantLine, index);
}

const MdGrantLine *
md_grant_estimate_find_line (MdGrantEstimate *self,
                             const char      *id)
{
  for (guint i = 0; i < self->lines->len; i++)
    if (g_str_equal (g_array_index (self->lines, MdGrantLine, i).id, id))
      return &g_array_index (self->lines, MdGrantLine, i);

  return NULL;
}

double
md_grant_estimate_get_total (MdGrantEstimate *self)
{
  double total = 0;

  g_return_val_if_fail (MD_IS_GRANT_ESTIMATE (self), 0);

  for (guint i = 0; i < self->lines->len; i++)
    total += g_array_index (self->lines, MdGrantLine, i).amount;

  return total;
}

gboolean
md_grant_estimate_is_indicative (MdGrantEstimate *self)
{
  g_return_val_if_fail (MD_IS_GRANT_ESTIMATE (self), FALSE);

  return self->indicative;
}

/**
 * md_grant_estimate_to_text:
 *
 * Returns: (transfer full): the breakdown as plain text, labelled as an
 *   estimate
 */
char *
md_grant_estimate_to_text (MdGrantEstimate *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      MdGrantLine *line = &g_array_index (self->lines, MdGrantLine, i);

      g_string_append_printf (text, "%-34s %10.2f €   %s\n", line->label, line->amount, line->detail);
    }

  g_string_append_printf (text, "%-34s %10.2f €\n", _("Estimated total"), md_grant_estimate_get_total (self));
  g_string_append (text, self->indicative
                   ? _("This is an estimate from indicative rates: the final amount is set in the grant agreement.\n")
                   : _("This is an estimate: the final amount is set in the grant agreement.\n"));
  return g_string_free (text, FALSE);
}
