/* md-outbox.h: submissions that survive quitting, crashing and rebooting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-backoff.h"
#include "md-endpoint.h"
#include "md-outbox-entry.h"
#include "md-secret-store.h"
#include "md-submitter.h"

G_BEGIN_DECLS

#define MD_TYPE_OUTBOX (md_outbox_get_type ())

G_DECLARE_FINAL_TYPE (MdOutbox, md_outbox, MD, OUTBOX, GObject)

GFile         *md_outbox_get_default_directory (void);

MdOutbox      *md_outbox_new                (GFile                *directory,
                                             MdSubmitter          *submitter,
                                             MdSecretStore        *secrets);
GFile         *md_outbox_get_directory      (MdOutbox             *self);
MdBackoff     *md_outbox_get_backoff        (MdOutbox             *self);
void           md_outbox_set_backoff        (MdOutbox             *self,
                                             MdBackoff            *backoff);
gboolean       md_outbox_load               (MdOutbox             *self,
                                             GCancellable         *cancellable,
                                             GError              **error);
MdOutboxEntry *md_outbox_enqueue            (MdOutbox             *self,
                                             GBytes               *bundle,
                                             MdEndpoint           *endpoint,
                                             GCancellable         *cancellable,
                                             GError              **error);
void           md_outbox_enqueue_async      (MdOutbox             *self,
                                             GBytes               *bundle,
                                             MdEndpoint           *endpoint,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
MdOutboxEntry *md_outbox_enqueue_finish     (MdOutbox             *self,
                                             GAsyncResult         *result,
                                             GError              **error);
MdOutboxEntry *md_outbox_lookup             (MdOutbox             *self,
                                             const char           *entry_id);
void           md_outbox_start              (MdOutbox             *self);
void           md_outbox_stop               (MdOutbox             *self);
gboolean       md_outbox_is_running         (MdOutbox             *self);
void           md_outbox_send_now_async     (MdOutbox             *self,
                                             MdOutboxEntry        *entry,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       md_outbox_send_now_finish    (MdOutbox             *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean       md_outbox_retry              (MdOutbox             *self,
                                             MdOutboxEntry        *entry,
                                             GError              **error);
gboolean       md_outbox_remove             (MdOutbox             *self,
                                             MdOutboxEntry        *entry,
                                             GError              **error);

G_END_DECLS
