/* md-review.h: a selection committee's scores and decision for one dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-programme.h"

G_BEGIN_DECLS

#define MD_REVIEW_FORMAT          "mobility-dossier-review"
#define MD_REVIEW_FORMAT_VERSION  1
#define MD_REVIEW_SUFFIX          ".review.json"
#define MD_REVIEW_MAX_SIZE        (1024 * 1024)

/* A dossier is positively evaluated from this weighted score on. */
#define MD_REVIEW_POSITIVE_SCORE  50.0

#define MD_REVIEW_ERROR (md_review_error_quark ())

typedef enum
{
  MD_REVIEW_ERROR_INVALID,
  MD_REVIEW_ERROR_NEWER_VERSION,
  MD_REVIEW_ERROR_UNKNOWN_CRITERION,
  MD_REVIEW_ERROR_OUT_OF_RANGE,
} MdReviewError;

typedef enum
{
  MD_DECISION_NONE,
  MD_DECISION_SELECTED,
  MD_DECISION_RESERVE,
  MD_DECISION_REJECTED,
  MD_DECISION_NEEDS_CHANGES,
} MdDecision;

#define MD_TYPE_REVIEW (md_review_get_type ())

G_DECLARE_FINAL_TYPE (MdReview, md_review, MD, REVIEW, GObject)

GQuark       md_review_error_quark          (void);

const char  *md_decision_to_string          (MdDecision    decision);
gboolean     md_decision_from_string        (const char   *text,
                                             MdDecision   *decision);
const char  *md_decision_describe           (MdDecision    decision);

MdReview    *md_review_new                  (const char   *dossier_id,
                                             const char   *bundle_digest);
MdReview    *md_review_load_bytes           (GBytes       *bytes,
                                             GError      **error);
MdReview    *md_review_load_file            (GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);
GBytes      *md_review_serialize            (MdReview     *self);
gboolean     md_review_save_file            (MdReview     *self,
                                             GFile        *file,
                                             GCancellable *cancellable,
                                             GError      **error);
void         md_review_save_file_async      (MdReview            *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     md_review_save_file_finish     (MdReview     *self,
                                             GAsyncResult *result,
                                             GError      **error);
GFile       *md_review_file_for_bundle      (GFile        *bundle_file,
                                             const char   *dossier_id);

const char  *md_review_get_dossier_id       (MdReview     *self);
const char  *md_review_get_bundle_digest    (MdReview     *self);
void         md_review_set_bundle_digest    (MdReview     *self,
                                             const char   *bundle_digest);
gboolean     md_review_is_stale             (MdReview     *self,
                                             const char   *bundle_digest);

guint        md_review_get_n_reviewers      (MdReview     *self);
const char  *md_review_get_reviewer         (MdReview     *self,
                                             guint         index);
gboolean     md_review_get_score            (MdReview     *self,
                                             const char   *reviewer,
                                             const char   *criterion,
                                             double       *score);
const char  *md_review_get_comment          (MdReview     *self,
                                             const char   *reviewer,
                                             const char   *criterion);
gboolean     md_review_set_score            (MdReview     *self,
                                             const char   *reviewer,
                                             const char   *criterion,
                                             double        score,
                                             MdProgramme  *programme,
                                             const char   *activity,
                                             GError      **error);
void         md_review_set_comment          (MdReview     *self,
                                             const char   *reviewer,
                                             const char   *criterion,
                                             const char   *text);
gboolean     md_review_check                (MdReview     *self,
                                             MdProgramme  *programme,
                                             const char   *activity,
                                             GError      **error);
double       md_review_reviewer_score       (MdReview     *self,
                                             guint         index,
                                             MdProgramme  *programme,
                                             const char   *activity);
double       md_review_weighted_score       (MdReview     *self,
                                             MdProgramme  *programme,
                                             const char   *activity);

void         md_review_set_decision         (MdReview     *self,
                                             MdDecision    decision,
                                             const char   *reason,
                                             const char   *by);
MdDecision   md_review_get_decision         (MdReview     *self);
const char  *md_review_get_decision_reason  (MdReview     *self);
const char  *md_review_get_decision_by      (MdReview     *self);
const char  *md_review_get_decision_timestamp (MdReview   *self);

GPtrArray   *md_review_list_criteria        (MdProgramme  *programme,
                                             const char   *activity);

G_END_DECLS
