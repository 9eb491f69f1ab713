/* md-inbox-item.h: what a coordinator's list shows of one received file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-dossier.h"
#include "md-programme.h"
#include "md-review.h"

G_BEGIN_DECLS

#define MD_TYPE_INBOX_ITEM (md_inbox_item_get_type ())

G_DECLARE_FINAL_TYPE (MdInboxItem, md_inbox_item, MD, INBOX_ITEM, GObject)

/* How many validation messages an item keeps for the list. */
#define MD_INBOX_ITEM_MAX_MESSAGES 3

MdInboxItem        *md_inbox_item_new_for_dossier     (GFile        *file,
                                                       MdDossier    *dossier,
                                                       MdProgramme  *programme);
MdInboxItem        *md_inbox_item_new_unreadable      (GFile        *file,
                                                       const char   *message);

GFile              *md_inbox_item_get_file            (MdInboxItem  *self);
gboolean            md_inbox_item_is_readable         (MdInboxItem  *self);
const char         *md_inbox_item_get_load_error      (MdInboxItem  *self);
const char         *md_inbox_item_get_id              (MdInboxItem  *self);
const char         *md_inbox_item_get_digest          (MdInboxItem  *self);
const char         *md_inbox_item_get_applicant       (MdInboxItem  *self);
const char         *md_inbox_item_get_email           (MdInboxItem  *self);
const char         *md_inbox_item_get_date_of_birth   (MdInboxItem  *self);
const char         *md_inbox_item_get_programme_id    (MdInboxItem  *self);
const char         *md_inbox_item_get_programme       (MdInboxItem  *self);
const char         *md_inbox_item_get_activity_id     (MdInboxItem  *self);
const char         *md_inbox_item_get_activity        (MdInboxItem  *self);
const char         *md_inbox_item_get_destination_code (MdInboxItem *self);
const char         *md_inbox_item_get_destination     (MdInboxItem  *self);
const char         *md_inbox_item_get_start_date      (MdInboxItem  *self);
const char         *md_inbox_item_get_end_date        (MdInboxItem  *self);
guint               md_inbox_item_get_duration_days   (MdInboxItem  *self);
const char         *md_inbox_item_get_duration        (MdInboxItem  *self);
double              md_inbox_item_get_ects            (MdInboxItem  *self);
guint               md_inbox_item_get_errors          (MdInboxItem  *self);
guint               md_inbox_item_get_warnings        (MdInboxItem  *self);
const char * const *md_inbox_item_get_messages        (MdInboxItem  *self);
MdIntegrity         md_inbox_item_get_integrity       (MdInboxItem  *self);
const char         *md_inbox_item_get_submitted       (MdInboxItem  *self);
double              md_inbox_item_get_estimate        (MdInboxItem  *self);
const char         *md_inbox_item_get_email_key       (MdInboxItem  *self);
const char         *md_inbox_item_get_name_key        (MdInboxItem  *self);

/* The coordinator's side: set on the main thread by MdInbox (duplicate,
 * review) and MdAllocation (rank, outcome), and notified. */
gboolean            md_inbox_item_get_duplicate       (MdInboxItem  *self);
void                md_inbox_item_set_duplicate       (MdInboxItem  *self,
                                                       gboolean      duplicate);
MdReview           *md_inbox_item_get_review          (MdInboxItem  *self);
void                md_inbox_item_set_review          (MdInboxItem  *self,
                                                       MdReview     *review,
                                                       MdProgramme  *programme);
double              md_inbox_item_get_score           (MdInboxItem  *self);
MdDecision          md_inbox_item_get_decision        (MdInboxItem  *self);
gboolean            md_inbox_item_get_review_stale    (MdInboxItem  *self);
guint               md_inbox_item_get_rank            (MdInboxItem  *self);
void                md_inbox_item_set_rank            (MdInboxItem  *self,
                                                       guint         rank);
const char         *md_inbox_item_get_outcome         (MdInboxItem  *self);
void                md_inbox_item_set_outcome         (MdInboxItem  *self,
                                                       const char   *outcome);

MdDossier          *md_inbox_item_load_dossier        (MdInboxItem  *self,
                                                       GCancellable *cancellable,
                                                       GError      **error);
void                md_inbox_item_load_dossier_async  (MdInboxItem         *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
MdDossier          *md_inbox_item_load_dossier_finish (MdInboxItem  *self,
                                                       GAsyncResult *result,
                                                       GError      **error);

G_END_DECLS
