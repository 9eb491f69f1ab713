/* md-review-scores.c
 *
 * Scores and decisions of a review, and the weighted score: what a
 * reviewer may enter is checked against the programme's evaluation
 * criteria, so a review never holds a score the profile does not
 * allow. The formula is documented in docs/review-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-review-private.h"

static char *
now_utc_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- Criteria ----------------------------------------------------------- */

static gboolean
criterion_applies (JsonObject *criterion,
                   const char *activity)
{
  JsonNode *activities = json_object_get_member (criterion, "activities");
  JsonArray *array;

  if (activities == NULL || !JSON_NODE_HOLDS_ARRAY (activities))
    return TRUE;

  array = json_node_get_array (activities);
  if (json_array_get_length (array) == 0)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), activity) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Profiles are not checked for criteria: an id that is not text
 * names no criterion, quietly. */
static const char *
criterion_id (JsonObject *criterion)
{
  JsonNode *node = json_object_get_member (criterion, "id");

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

static double
criterion_number (JsonObject *criterion,
                  const char *member)
{
  JsonNode *node = json_object_get_member (criterion, member);
  GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return 0;

  return json_node_get_double (node);
}

/**
 * md_review_list_criteria:
 * @activity: (nullable): the dossier's activity id
 *
 * The profile's evaluation criteria that apply to @activity: those that
 * list it, or list no activities at all. Criteria without a positive
 * weight and maximum score cannot be scored and are left out.
 *
 * Returns: (transfer container) (element-type JsonObject): the criteria
 */
GPtrArray *
md_review_list_criteria (MdProgramme *programme,
                         const char  *activity)
{
  GPtrArray *criteria = g_ptr_array_new ();
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (MD_IS_PROGRAMME (programme), criteria);

  node = json_object_get_member (md_programme_get_definition (programme), "evaluation_criteria");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return criteria;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *criterion;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      criterion = json_node_get_object (element);
      if (criterion_applies (criterion, activity) &&
          criterion_number (criterion, "weight") > 0 &&
          criterion_number (criterion, "max_score") > 0)
        g_ptr_array_add (criteria, criterion);
    }

  return criteria;
}

static JsonObject *
find_criterion (MdProgramme *programme,
                const char  *activity,
                const char  *id)
{
  g_autoptr(GPtrArray) criteria = md_review_list_criteria (programme, activity);

  for (guint i = 0; i < criteria->len; i++)
    {
      JsonObject *criterion = criteria->pdata[i];

      if (g_strcmp0 (criterion_id (criterion), id) == 0)
        return criterion;
    }

  return NULL;
}
static JsonArray *
get_reviews (MdReview *self)
{
  return json_object_get_array_member (self->root, "reviews");
}

guint
md_review_get_n_reviewers (MdReview *self)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), 0);

  return json_array_get_length (get_reviews (self));
}

const char *
md_review_get_reviewer (MdReview *self,
                        guint     index)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);
  g_return_val_if_fail (index < md_review_get_n_reviewers (self), NULL);

  return json_object_get_string_member (json_array_get_object_element (get_reviews (self), index), "reviewer");
}

static JsonObject *
find_entry (MdReview   *self,
            const char *reviewer)
{
  JsonArray *reviews = get_reviews (self);

  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonObject *entry = json_array_get_object_element (reviews, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "reviewer"), reviewer) == 0)
        return entry;
    }

  return NULL;
}

static JsonObject *
ensure_entry (MdReview   *self,
              const char *reviewer)
{
  JsonObject *entry = find_entry (self, reviewer);
  g_autofree char *now = now_utc_iso8601 ();

  if (entry == NULL)
    {
      entry = json_object_new ();
      json_object_set_string_member (entry, "reviewer", reviewer);
      json_object_set_object_member (entry, "scores", json_object_new ());
      json_object_set_object_member (entry, "comments", json_object_new ());
      json_array_add_object_element (get_reviews (self), entry);
    }

  json_object_set_string_member (entry, "timestamp", now);
  return entry;
}

static JsonObject *
entry_object (JsonObject *entry,
              const char *member,
              gboolean    create)
{
  JsonNode *node = json_object_get_member (entry, member);

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && create)
    json_object_set_object_member (entry, member, json_object_new ());

  node = json_object_get_member (entry, member);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
md_review_get_score (MdReview   *self,
                     const char *reviewer,
                     const char *criterion,
                     double     *score)
{
  JsonObject *entry;
  JsonObject *scores;
  JsonNode *node;

  g_return_val_if_fail (MD_IS_REVIEW (self), FALSE);

  entry = find_entry (self, reviewer);
  scores = entry ? entry_object (entry, "scores", FALSE) : NULL;
  node = scores ? json_object_get_member (scores, criterion) : NULL;
  if (node == NULL)
    return FALSE;

  if (score != NULL)
    *score = json_node_get_double (node);
  return TRUE;
}

/**
 * md_review_get_comment:
 * @criterion: (nullable): a criterion id, or %NULL for the reviewer's
 *   general comment
 *
 * Returns: (nullable): the comment
 */
const char *
md_review_get_comment (MdReview   *self,
                       const char *reviewer,
                       const char *criterion)
{
  JsonObject *entry;
  JsonObject *comments;

  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  entry = find_entry (self, reviewer);
  if (entry == NULL)
    return NULL;

  if (criterion == NULL)
    return json_object_get_string_member_with_default (entry, "comment", NULL);

  comments = entry_object (entry, "comments", FALSE);
  return comments ? json_object_get_string_member_with_default (comments, criterion, NULL) : NULL;
}

static gboolean
check_score (MdProgramme  *programme,
             const char   *activity,
             const char   *criterion_id,
             double        score,
             GError      **error)
{
  JsonObject *criterion = find_criterion (programme, activity, criterion_id);
  double max_score;

  if (criterion == NULL)
    {
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_UNKNOWN_CRITERION,
                   _("“%s” is not an evaluation criterion of %s for this activity."),
                   criterion_id, md_programme_get_title (programme));
      return FALSE;
    }

  max_score = criterion_number (criterion, "max_score");
  if (!isfinite (score) || score < 0 || score > max_score)
    {
      g_set_error (error, MD_REVIEW_ERROR, MD_REVIEW_ERROR_OUT_OF_RANGE,
                   _("The score for “%s” must be between 0 and %g; %g was given."),
                   md_json_pick_member_translation (criterion, "title"), max_score, score);
      return FALSE;
    }

  return TRUE;
}

/**
 * md_review_set_score:
 * @reviewer: who scores; a new reviewer is added
 * @criterion: the criterion id from the profile
 * @activity: the dossier's activity, which selects the criteria
 * @error: return location for a #GError in %MD_REVIEW_ERROR
 *
 * Refuses a criterion that does not apply and a score outside
 * 0…max_score, leaving the review as it was.
 */
gboolean
md_review_set_score (MdReview     *self,
                     const char   *reviewer,
                     const char   *criterion,
                     double        score,
                     MdProgramme  *programme,
                     const char   *activity,
                     GError      **error)
{
  JsonObject *scores;

  g_return_val_if_fail (MD_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (reviewer != NULL && *reviewer != '\0', FALSE);
  g_return_val_if_fail (criterion != NULL, FALSE);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), FALSE);

  if (!check_score (programme, activity, criterion, score, error))
    return FALSE;

  scores = entry_object (ensure_entry (self, reviewer), "scores", TRUE);
  /* Whole scores stay whole numbers in the file: "8", not "8.0". */
  if (score == floor (score))
    json_object_set_int_member (scores, criterion, (gint64) score);
  else
    json_object_set_double_member (scores, criterion, score);

  return TRUE;
}

/**
 * md_review_set_comment:
 * @criterion: (nullable): a criterion id, or %NULL for the general comment
 * @text: (nullable): the comment; %NULL or "" removes it
 */
void
md_review_set_comment (MdReview   *self,
                       const char *reviewer,
                       const char *criterion,
                       const char *text)
{
  JsonObject *entry;
  JsonObject *target;
  const char *member;

  g_return_if_fail (MD_IS_REVIEW (self));
  g_return_if_fail (reviewer != NULL && *reviewer != '\0');

  entry = ensure_entry (self, reviewer);
  target = criterion ? entry_object (entry, "comments", TRUE) : entry;
  member = criterion ? criterion : "comment";

  if (text == NULL || *text == '\0')
    json_object_remove_member (target, member);
  else
    json_object_set_string_member (target, member, text);
}

/**
 * md_review_check:
 *
 * Checks every recorded score against the profile: the criterion must
 * apply to @activity and the score lie within 0…max_score. Use it after
 * loading, before trusting a file that someone may have edited.
 */
gboolean
md_review_check (MdReview     *self,
                 MdProgramme  *programme,
                 const char   *activity,
                 GError      **error)
{
  JsonArray *reviews;

  g_return_val_if_fail (MD_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), FALSE);

  reviews = get_reviews (self);
  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonObject *scores = entry_object (json_array_get_object_element (reviews, i), "scores", FALSE);
      JsonObjectIter iter;
      const char *criterion;
      JsonNode *node;

      if (scores == NULL)
        continue;

      json_object_iter_init (&iter, scores);
      while (json_object_iter_next (&iter, &criterion, &node))
        if (!check_score (programme, activity, criterion, json_node_get_double (node), error))
          return FALSE;
    }

  return TRUE;
}

/**
 * md_review_reviewer_score:
 * @index: the reviewer
 *
 * One reviewer's weighted score on a 0–100 scale:
 * Σ (score / max_score × weight) / Σ weight × 100 over the criteria that
 * apply to @activity. A reviewer who has not scored every such
 * criterion has no total yet.
 *
 * Returns: the score, or NAN when incomplete or nothing applies
 */
double
md_review_reviewer_score (MdReview    *self,
                          guint        index,
                          MdProgramme *programme,
                          const char  *activity)
{
  g_autoptr(GPtrArray) criteria = NULL;
  JsonObject *scores;
  double weighted = 0, weights = 0;

  g_return_val_if_fail (MD_IS_REVIEW (self), NAN);
  g_return_val_if_fail (index < md_review_get_n_reviewers (self), NAN);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), NAN);

  scores = entry_object (json_array_get_object_element (get_reviews (self), index), "scores", FALSE);
  criteria = md_review_list_criteria (programme, activity);
  if (scores == NULL || criteria->len == 0)
    return NAN;

  for (guint i = 0; i < criteria->len; i++)
    {
      JsonObject *criterion = criteria->pdata[i];
      const char *id = criterion_id (criterion);
      JsonNode *node = json_object_get_member (scores, id);
      double weight = criterion_number (criterion, "weight");

      if (node == NULL)
        return NAN;

      weighted += CLAMP (json_node_get_double (node), 0, criterion_number (criterion, "max_score"))
                  / criterion_number (criterion, "max_score") * weight;
      weights += weight;
    }

  return weighted / weights * 100;
}

/**
 * md_review_weighted_score:
 *
 * The dossier's score on a 0–100 scale: the average of the complete
 * reviewers' scores (see md_review_reviewer_score()). Reviewers who
 * are still scoring do not count yet.
 *
 * Returns: the score, or NAN when no reviewer has finished
 */
double
md_review_weighted_score (MdReview    *self,
                          MdProgramme *programme,
                          const char  *activity)
{
  double sum = 0;
  guint complete = 0;

  g_return_val_if_fail (MD_IS_REVIEW (self), NAN);
  g_return_val_if_fail (MD_IS_PROGRAMME (programme), NAN);

  for (guint i = 0; i < md_review_get_n_reviewers (self); i++)
    {
      double score = md_review_reviewer_score (self, i, programme, activity);

      if (isnan (score))
        continue;
      sum += score;
      complete++;
    }

  return complete > 0 ? sum / complete : NAN;
}

/**
 * md_review_set_decision:
 * @decision: the decision; %MD_DECISION_NONE removes it
 * @reason: (nullable): why, in words the applicant may read
 * @by: (nullable): who decided
 */
void
md_review_set_decision (MdReview   *self,
                        MdDecision  decision,
                        const char *reason,
                        const char *by)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *now = NULL;

  g_return_if_fail (MD_IS_REVIEW (self));
  g_return_if_fail (decision <= MD_DECISION_NEEDS_CHANGES);

  if (decision == MD_DECISION_NONE)
    {
      json_object_remove_member (self->root, "decision");
      return;
    }

  now = now_utc_iso8601 ();
  object = json_object_new ();
  json_object_set_string_member (object, "value", md_decision_to_string (decision));
  json_object_set_string_member (object, "reason", reason ? reason : "");
  json_object_set_string_member (object, "by", by ? by : "");
  json_object_set_string_member (object, "timestamp", now);
  json_object_set_object_member (self->root, "decision", g_steal_pointer (&object));
}

static JsonObject *
get_decision_object (MdReview *self)
{
  JsonNode *node = json_object_get_member (self->root, "decision");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

MdDecision
md_review_get_decision (MdReview *self)
{
  JsonObject *decision;
  MdDecision value = MD_DECISION_NONE;

  g_return_val_if_fail (MD_IS_REVIEW (self), MD_DECISION_NONE);

  decision = get_decision_object (self);
  if (decision != NULL)
    md_decision_from_string (json_object_get_string_member_with_default (decision, "value", NULL), &value);

  return value;
}

static const char *
get_decision_member (MdReview   *self,
                     const char *member)
{
  JsonObject *decision = get_decision_object (self);

  return decision ? json_object_get_string_member_with_default (decision, member, NULL) : NULL;
}

const char *
md_review_get_decision_reason (MdReview *self)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  return get_decision_member (self, "reason");
}

const char *
md_review_get_decision_by (MdReview *self)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  return get_decision_member (self, "by");
}

const char *
md_review_get_decision_timestamp (MdReview *self)
{
  g_return_val_if_fail (MD_IS_REVIEW (self), NULL);

  return get_decision_member (self, "timestamp");
}
