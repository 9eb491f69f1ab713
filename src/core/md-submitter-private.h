/* md-submitter-private.h: shared by the transports of MdSubmitter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "md-submitter.h"

G_BEGIN_DECLS

/* Receipts and problem documents are small; a longer answer is cut. */
#define MD_SUBMIT_MAX_RESPONSE (64 * 1024)

/* Not named by libsoup 3.2. */
#define HTTP_TOO_EARLY          425
#define HTTP_TOO_MANY_REQUESTS  429

typedef struct
{
  MdEndpoint           *endpoint;
  char                 *secret;
  char                 *dossier_id;
  char                 *digest;
  char                 *key;
  char                 *target;
  GBytes               *bundle;
  MdSubmitProgressFunc  progress;
  gpointer              progress_data;
  goffset               sent;
  gboolean              sent_credentials;
  gboolean              already_delivered;
  gint64                retry_at;
} MdSubmission;

SoupMessage *md_submitter_new_message        (MdSubmitter          *self,
                                              MdSubmission         *submission,
                                              const char           *method);
void         md_submitter_attach_body        (MdSubmitter          *self,
                                              MdSubmission         *submission,
                                              SoupMessage          *message);
void         md_submitter_exchange_async     (MdSubmitter          *self,
                                              MdSubmission         *submission,
                                              SoupMessage          *message,
                                              gsize                 limit,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GBytes      *md_submitter_exchange_finish    (MdSubmitter          *self,
                                              GAsyncResult         *result,
                                              gboolean             *truncated,
                                              GError              **error);
JsonObject  *md_submission_new_local_receipt (MdSubmission         *submission,
                                              guint                 status);
JsonObject  *md_submission_parse_json_object (GBytes               *body,
                                              SoupMessage          *message);
char        *md_submission_describe_problem  (GBytes               *body,
                                              SoupMessage          *message);
char        *md_submission_describe_answer   (GBytes               *body,
                                              SoupMessage          *message);
void         md_submission_set_failure       (MdSubmission         *submission,
                                              SoupMessage          *message,
                                              GBytes               *body,
                                              GError              **error);
void         md_submission_report_progress   (MdSubmission         *submission);

void         md_submitter_http_submit        (MdSubmitter          *self,
                                              GTask                *task);
void         md_submitter_webdav_submit      (MdSubmitter          *self,
                                              GTask                *task);
void         md_submitter_folder_submit      (MdSubmitter          *self,
                                              GTask                *task);

G_END_DECLS
