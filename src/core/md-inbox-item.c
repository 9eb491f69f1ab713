/* md-inbox-item.c
 *
 * The summary of one file in an inbox folder. It is computed once, in
 * a worker thread, from the loaded dossier, which is then dropped: ten
 * thousand dossier trees would not fit the memory budget, and a list
 * only needs a few values of each. The detail view reloads the dossier
 * (md_inbox_item_load_dossier()).
 *
 * The summary is immutable. What changes on the coordinator's side,
 * the review, the duplicate flag and the allocation's rank and outcome,
 * is set on the main thread and notified, so list views can sort and
 * filter on every property.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "md-bundle.h"
#include "md-inbox-item-private.h"

G_DEFINE_FINAL_TYPE (MdInboxItem, md_inbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_TEXT + Text */
  PROP_TEXT,
  PROP_FILE = PROP_TEXT + N_TEXTS,
  PROP_READABLE,
  PROP_DURATION_DAYS,
  PROP_ECTS,
  PROP_ERRORS,
  PROP_WARNINGS,
  PROP_MESSAGES,
  PROP_INTEGRITY,
  PROP_ESTIMATE,
  PROP_DUPLICATE,
  PROP_SCORE,
  PROP_DECISION,
  PROP_REVIEW_STALE,
  PROP_RANK,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const text_names[N_TEXTS] = {
  [TEXT_LOAD_ERROR] = "load-error",
  [TEXT_ID] = "id",
  [TEXT_APPLICANT] = "applicant",
  [TEXT_EMAIL] = "email",
  [TEXT_DATE_OF_BIRTH] = "date-of-birth",
  [TEXT_PROGRAMME_ID] = "programme-id",
  [TEXT_PROGRAMME] = "programme",
  [TEXT_ACTIVITY_ID] = "activity-id",
  [TEXT_ACTIVITY] = "activity",
  [TEXT_DESTINATION_CODE] = "destination-code",
  [TEXT_DESTINATION] = "destination",
  [TEXT_START_DATE] = "start-date",
  [TEXT_END_DATE] = "end-date",
  [TEXT_DURATION] = "duration",
  [TEXT_SUBMITTED] = "submitted",
};

static void
md_inbox_item_finalize (GObject *object)
{
  MdInboxItem *self = (MdInboxItem *)object;

  g_clear_object (&self->file);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->email_key, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->messages, g_strfreev);
  g_clear_object (&self->review);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (md_inbox_item_parent_class)->finalize (object);
}

static void
md_inbox_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MdInboxItem *self = MD_INBOX_ITEM (object);

  if (prop_id >= PROP_TEXT && prop_id < PROP_TEXT + N_TEXTS)
    {
      g_value_set_string (value, self->texts[prop_id - PROP_TEXT]);
      return;
    }

  switch (prop_id)
    {
    case PROP_FILE:          g_value_set_object (value, self->file); break;
    case PROP_READABLE:      g_value_set_boolean (value, md_inbox_item_is_readable (self)); break;
    case PROP_DURATION_DAYS: g_value_set_uint (value, self->duration_days); break;
    case PROP_ECTS:          g_value_set_double (value, self->ects); break;
    case PROP_ERRORS:        g_value_set_uint (value, self->errors); break;
    case PROP_WARNINGS:      g_value_set_uint (value, self->warnings); break;
    case PROP_MESSAGES:      g_value_set_boxed (value, self->messages); break;
    case PROP_INTEGRITY:     g_value_set_int (value, self->integrity); break;
    case PROP_ESTIMATE:      g_value_set_double (value, self->estimate); break;
    case PROP_DUPLICATE:     g_value_set_boolean (value, self->duplicate); break;
    case PROP_SCORE:         g_value_set_double (value, self->score); break;
    case PROP_DECISION:      g_value_set_string (value, md_decision_to_string (self->decision)); break;
    case PROP_REVIEW_STALE:  g_value_set_boolean (value, self->review_stale); break;
    case PROP_RANK:          g_value_set_uint (value, self->rank); break;
    case PROP_OUTCOME:       g_value_set_string (value, self->outcome); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READABLE (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define NOTIFIED (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
install_properties (GObjectClass *object_class)
{
  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_TEXT + i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, READABLE);

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, READABLE);
  properties[PROP_READABLE] = g_param_spec_boolean ("readable", NULL, NULL, FALSE, READABLE);
  properties[PROP_DURATION_DAYS] = g_param_spec_uint ("duration-days", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_ECTS] = g_param_spec_double ("ects", NULL, NULL, 0, G_MAXDOUBLE, 0, READABLE);
  properties[PROP_ERRORS] = g_param_spec_uint ("errors", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_WARNINGS] = g_param_spec_uint ("warnings", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_MESSAGES] = g_param_spec_boxed ("messages", NULL, NULL, G_TYPE_STRV, READABLE);
  properties[PROP_INTEGRITY] = g_param_spec_int ("integrity", NULL, NULL, MD_INTEGRITY_UNCHECKED,
                                                 MD_INTEGRITY_MISSING, MD_INTEGRITY_UNCHECKED, READABLE);
  properties[PROP_ESTIMATE] = g_param_spec_double ("estimate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, READABLE);
  properties[PROP_DUPLICATE] = g_param_spec_boolean ("duplicate", NULL, NULL, FALSE, NOTIFIED);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, NOTIFIED);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, "", NOTIFIED);
  properties[PROP_REVIEW_STALE] = g_param_spec_boolean ("review-stale", NULL, NULL, FALSE, NOTIFIED);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, NOTIFIED);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, NOTIFIED);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_inbox_item_class_init (MdInboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = md_inbox_item_finalize;
  object_class->get_property = md_inbox_item_get_property;
  install_properties (object_class);
}

static void
md_inbox_item_init (MdInboxItem *self)
{
  self->estimate = NAN;
  self->score = NAN;
}

/* ---- Getters ------------------------------------------------------------ */

GFile *
md_inbox_item_get_file (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return self->file;
}

gboolean
md_inbox_item_is_readable (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), FALSE);

  return self->texts[TEXT_LOAD_ERROR] == NULL;
}

#define TEXT_GETTER(function, field) \
  const char *                                               \
  function (MdInboxItem *self)                               \
  {                                                          \
    g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);    \
    return self->texts[field];                               \
  }

TEXT_GETTER (md_inbox_item_get_load_error, TEXT_LOAD_ERROR)
TEXT_GETTER (md_inbox_item_get_id, TEXT_ID)
TEXT_GETTER (md_inbox_item_get_applicant, TEXT_APPLICANT)
TEXT_GETTER (md_inbox_item_get_email, TEXT_EMAIL)
TEXT_GETTER (md_inbox_item_get_date_of_birth, TEXT_DATE_OF_BIRTH)
TEXT_GETTER (md_inbox_item_get_programme_id, TEXT_PROGRAMME_ID)
TEXT_GETTER (md_inbox_item_get_programme, TEXT_PROGRAMME)
TEXT_GETTER (md_inbox_item_get_activity_id, TEXT_ACTIVITY_ID)
TEXT_GETTER (md_inbox_item_get_activity, TEXT_ACTIVITY)
TEXT_GETTER (md_inbox_item_get_destination_code, TEXT_DESTINATION_CODE)
TEXT_GETTER (md_inbox_item_get_destination, TEXT_DESTINATION)
TEXT_GETTER (md_inbox_item_get_start_date, TEXT_START_DATE)
TEXT_GETTER (md_inbox_item_get_end_date, TEXT_END_DATE)
TEXT_GETTER (md_inbox_item_get_duration, TEXT_DURATION)
TEXT_GETTER (md_inbox_item_get_submitted, TEXT_SUBMITTED)

/**
 * md_inbox_item_get_digest:
 *
 * Returns: (nullable): the SHA-256 of the bundle's content as it is in
 *   the file, which a review records; %NULL for an unreadable file
 */
const char *
md_inbox_item_get_digest (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return self->digest;
}

guint
md_inbox_item_get_duration_days (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), 0);

  return self->duration_days;
}

/**
 * md_inbox_item_get_ects:
 *
 * Returns: the credits of Table A (components studied abroad)
 */
double
md_inbox_item_get_ects (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), 0);

  return self->ects;
}

guint
md_inbox_item_get_errors (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), 0);

  return self->errors;
}

guint
md_inbox_item_get_warnings (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), 0);

  return self->warnings;
}

/**
 * md_inbox_item_get_messages:
 *
 * Returns: (transfer none): the first validation messages, errors first
 */
const char * const *
md_inbox_item_get_messages (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return (const char * const *) self->messages;
}

MdIntegrity
md_inbox_item_get_integrity (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), MD_INTEGRITY_UNCHECKED);

  return self->integrity;
}

/**
 * md_inbox_item_get_estimate:
 *
 * Returns: the estimated grant in euro, or NAN when it cannot be estimated
 */
double
md_inbox_item_get_estimate (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NAN);

  return self->estimate;
}

/**
 * md_inbox_item_get_email_key:
 *
 * Returns: (nullable): the e-mail address folded for comparing people
 */
const char *
md_inbox_item_get_email_key (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return self->email_key;
}

/**
 * md_inbox_item_get_name_key:
 *
 * Returns: (nullable): the folded name and the date of birth, for
 *   comparing people; %NULL without a date of birth
 */
const char *
md_inbox_item_get_name_key (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return self->name_key;
}

/* ---- Coordinator state (main thread) ------------------------------------ */

gboolean
md_inbox_item_get_duplicate (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), FALSE);

  return self->duplicate;
}

void
md_inbox_item_set_duplicate (MdInboxItem *self,
                             gboolean     duplicate)
{
  g_return_if_fail (MD_IS_INBOX_ITEM (self));

  duplicate = !!duplicate;
  if (self->duplicate == duplicate)
    return;

  self->duplicate = duplicate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATE]);
}

/**
 * md_inbox_item_get_review:
 *
 * Returns: (transfer none) (nullable): the review from the sidecar
 */
MdReview *
md_inbox_item_get_review (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return self->review;
}

static void
set_score (MdInboxItem *self,
           double       score)
{
  /* NAN != NAN, so "unchanged" needs its own test. */
  if (score == self->score || (isnan (score) && isnan (self->score)))
    return;

  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

/**
 * md_inbox_item_set_review:
 * @review: (nullable): the review, or %NULL when there is none
 * @programme: (nullable): the dossier's profile, for the weighted score
 *
 * Updates "score", "decision" and "review-stale" from @review.
 */
void
md_inbox_item_set_review (MdInboxItem *self,
                          MdReview    *review,
                          MdProgramme *programme)
{
  MdDecision decision = review ? md_review_get_decision (review) : MD_DECISION_NONE;
  gboolean stale = review ? md_review_is_stale (review, self->digest) : FALSE;
  double score = NAN;

  g_return_if_fail (MD_IS_INBOX_ITEM (self));
  g_return_if_fail (review == NULL || MD_IS_REVIEW (review));

  g_set_object (&self->review, review);
  if (review != NULL && programme != NULL)
    score = md_review_weighted_score (review, programme, self->texts[TEXT_ACTIVITY_ID]);

  g_object_freeze_notify (G_OBJECT (self));
  set_score (self, score);
  if (self->decision != decision)
    {
      self->decision = decision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
    }
  if (self->review_stale != stale)
    {
      self->review_stale = stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STALE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * md_inbox_item_get_score:
 *
 * Returns: the weighted score (0–100) of the review, or NAN when no
 *   reviewer has finished scoring
 */
double
md_inbox_item_get_score (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NAN);

  return self->score;
}

MdDecision
md_inbox_item_get_decision (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), MD_DECISION_NONE);

  return self->decision;
}

/**
 * md_inbox_item_get_review_stale:
 *
 * Returns: whether the bundle changed after it was reviewed
 */
gboolean
md_inbox_item_get_review_stale (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), FALSE);

  return self->review_stale;
}

/**
 * md_inbox_item_get_rank:
 *
 * Returns: the position in the allocation's ranking, from 1; 0 when
 *   not ranked
 */
guint
md_inbox_item_get_rank (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), 0);

  return self->rank;
}

void
md_inbox_item_set_rank (MdInboxItem *self,
                        guint        rank)
{
  g_return_if_fail (MD_IS_INBOX_ITEM (self));

  if (self->rank == rank)
    return;

  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}

/**
 * md_inbox_item_get_outcome:
 *
 * Returns: (nullable): the allocation's outcome ("selected", "reserve"…,
 *   see md_allocation_outcome_to_string()), %NULL before allocating
 */
const char *
md_inbox_item_get_outcome (MdInboxItem *self)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return self->outcome;
}

void
md_inbox_item_set_outcome (MdInboxItem *self,
                           const char  *outcome)
{
  g_return_if_fail (MD_IS_INBOX_ITEM (self));

  if (g_strcmp0 (self->outcome, outcome) == 0)
    return;

  g_free (self->outcome);
  self->outcome = g_strdup (outcome);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

/* ---- Detail view -------------------------------------------------------- */

/**
 * md_inbox_item_load_dossier:
 *
 * Reads the bundle again: the item keeps only its summary.
 *
 * Returns: (transfer full) (nullable): the dossier
 */
MdDossier *
md_inbox_item_load_dossier (MdInboxItem   *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (MD_IS_INBOX_ITEM (self), NULL);

  return md_bundle_load_file (self->file, cancellable, error);
}

static void
load_dossier_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  MdDossier *dossier = md_bundle_load_file_finish (result, &error);

  if (dossier == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dossier, g_object_unref);
}

void
md_inbox_item_load_dossier_async (MdInboxItem         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MD_IS_INBOX_ITEM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_inbox_item_load_dossier_async);
  md_bundle_load_file_async (self->file, cancellable, load_dossier_cb, g_steal_pointer (&task));
}

MdDossier *
md_inbox_item_load_dossier_finish (MdInboxItem   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
