/* md-duration.c
 *
 * Long-term student stays count on the 30/360 convention of the
 * Beneficiary Module: every month has 30 days, a 31st counts as the
 * 30th, and the end day is included. Short-term and staff stays count
 * real calendar days, both ends included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-duration.h"

MdCounting
md_counting_from_string (const char *text)
{
  return g_strcmp0 (text, "30/360") == 0 ? MD_COUNTING_30_360 : MD_COUNTING_CALENDAR;
}

guint
md_duration_calendar_days (const GDate *start,
                           const GDate *end)
{
  gint days = g_date_days_between (start, end) + 1;

  return days > 0 ? (guint) days : 0;
}

guint
md_duration_days_30_360 (const GDate *start,
                         const GDate *end)
{
  gint days = (g_date_get_year (end) - g_date_get_year (start)) * 360
              + ((gint) g_date_get_month (end) - (gint) g_date_get_month (start)) * 30
              + (MIN (g_date_get_day (end), 30) - MIN (g_date_get_day (start), 30))
              + 1;

  return days > 0 ? (guint) days : 0;
}

guint
md_duration_days (MdCounting   counting,
                  const GDate *start,
                  const GDate *end)
{
  if (counting == MD_COUNTING_30_360)
    return md_duration_days_30_360 (start, end);

  return md_duration_calendar_days (start, end);
}

/**
 * md_duration_describe_days:
 *
 * Returns: (transfer full): "45 days", or on the 30/360 convention
 *   "3 months and 15 days" where that reads better.
 */
char *
md_duration_describe_days (guint      days,
                           MdCounting counting)
{
  guint months = days / 30;
  guint rest = days % 30;
  g_autofree char *months_text = NULL;
  g_autofree char *days_text = NULL;

  if (counting != MD_COUNTING_30_360 || months == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);

  months_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months), months);
  if (rest == 0)
    return g_steal_pointer (&months_text);

  days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", rest), rest);
  /* TRANSLATORS: a duration, for example "3 months and 15 days" */
  return g_strdup_printf (_("%s and %s"), months_text, days_text);
}

char *
md_duration_describe_bound (double      amount,
                            const char *unit)
{
  guint whole = (guint) amount;

  if (g_strcmp0 (unit, "months") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", whole), whole);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", whole), whole);
}
