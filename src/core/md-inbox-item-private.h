/* md-inbox-item-private.h: shared by md-inbox-item.c (the object) and
 * md-inbox-item-summary.c (computing the summary from a dossier)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-inbox-item.h"

G_BEGIN_DECLS

/* The text values, in the order of their properties. */
typedef enum
{
  TEXT_LOAD_ERROR,
  TEXT_ID,
  TEXT_APPLICANT,
  TEXT_EMAIL,
  TEXT_DATE_OF_BIRTH,
  TEXT_PROGRAMME_ID,
  TEXT_PROGRAMME,
  TEXT_ACTIVITY_ID,
  TEXT_ACTIVITY,
  TEXT_DESTINATION_CODE,
  TEXT_DESTINATION,
  TEXT_START_DATE,
  TEXT_END_DATE,
  TEXT_DURATION,
  TEXT_SUBMITTED,
  N_TEXTS
} Text;

struct _MdInboxItem
{
  GObject      parent_instance;

  GFile       *file;
  char        *texts[N_TEXTS];
  char        *digest;
  char        *email_key;
  char        *name_key;
  char       **messages;
  guint        duration_days;
  double       ects;
  guint        errors;
  guint        warnings;
  MdIntegrity  integrity;
  double       estimate;

  /* Set on the main thread after loading. */
  gboolean     duplicate;
  MdReview    *review;
  double       score;
  MdDecision   decision;
  gboolean     review_stale;
  guint        rank;
  char        *outcome;
};

G_END_DECLS
