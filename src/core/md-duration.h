/* md-duration.h: counting the days of a stay as the Beneficiary Module does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MD_COUNTING_CALENDAR,
  MD_COUNTING_30_360,
} MdCounting;

MdCounting md_counting_from_string      (const char  *text);
guint      md_duration_calendar_days    (const GDate *start,
                                         const GDate *end);
guint      md_duration_days_30_360      (const GDate *start,
                                         const GDate *end);
guint      md_duration_days             (MdCounting   counting,
                                         const GDate *start,
                                         const GDate *end);
char      *md_duration_describe_days    (guint        days,
                                         MdCounting   counting);
char      *md_duration_describe_bound   (double       amount,
                                         const char  *unit);

G_END_DECLS
