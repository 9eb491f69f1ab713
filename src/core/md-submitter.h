/* md-submitter.h: one attempt to deliver a bundle to an endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "md-endpoint.h"

G_BEGIN_DECLS

#define MD_TYPE_SUBMITTER (md_submitter_get_type ())

G_DECLARE_FINAL_TYPE (MdSubmitter, md_submitter, MD, SUBMITTER, GObject)

#define MD_SUBMIT_ERROR (md_submit_error_quark ())

typedef enum
{
  MD_SUBMIT_ERROR_INVALID_BUNDLE,
  MD_SUBMIT_ERROR_REJECTED,
  MD_SUBMIT_ERROR_CREDENTIALS,
  MD_SUBMIT_ERROR_TOO_LARGE,
  MD_SUBMIT_ERROR_CONFLICT,
  MD_SUBMIT_ERROR_RETRY_LATER,
  MD_SUBMIT_ERROR_SERVER,
  MD_SUBMIT_ERROR_TIMED_OUT,
  MD_SUBMIT_ERROR_NETWORK,
  MD_SUBMIT_ERROR_PROTOCOL,
  MD_SUBMIT_ERROR_LOCAL,
} MdSubmitError;

/* The longest Retry-After honoured; a later time is brought forward. */
#define MD_SUBMIT_MAX_RETRY_AFTER (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define MD_SUBMIT_DEFAULT_TIMEOUT 60

/**
 * MdSubmitProgressFunc:
 * @sent: bytes of the bundle sent so far
 * @total: the size of the bundle
 */
typedef void (*MdSubmitProgressFunc) (goffset  sent,
                                      goffset  total,
                                      gpointer user_data);

GQuark       md_submit_error_quark             (void);
gboolean     md_submit_error_is_transient      (const GError         *error);
char        *md_submit_make_idempotency_key    (const char           *dossier_id,
                                                const char           *digest);
gboolean     md_submit_parse_retry_after       (const char           *value,
                                                gint64                now,
                                                gint64               *retry_at);

MdSubmitter *md_submitter_new                  (void);
guint        md_submitter_get_timeout          (MdSubmitter          *self);
void         md_submitter_set_timeout          (MdSubmitter          *self,
                                                guint                 seconds);
void         md_submitter_submit_async         (MdSubmitter          *self,
                                                MdEndpoint           *endpoint,
                                                const char           *secret,
                                                const char           *dossier_id,
                                                const char           *digest,
                                                GBytes               *bundle,
                                                MdSubmitProgressFunc  progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
JsonObject  *md_submitter_submit_finish        (MdSubmitter          *self,
                                                GAsyncResult         *result,
                                                gboolean             *already_delivered,
                                                gint64               *retry_at,
                                                GError              **error);

G_END_DECLS
