/* md-outbox-entry-private.h: what only MdOutbox changes in an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-outbox-entry.h"

G_BEGIN_DECLS

MdOutboxEntry *md_outbox_entry_new            (const char     *id,
                                               const char     *dossier_id,
                                               const char     *digest,
                                               MdEndpoint     *endpoint,
                                               guint64         size);
MdOutboxEntry *md_outbox_entry_new_from_json  (const char     *id,
                                               JsonNode       *node,
                                               GError        **error);
JsonNode      *md_outbox_entry_to_json        (MdOutboxEntry  *self);
void           md_outbox_entry_set_state      (MdOutboxEntry  *self,
                                               MdOutboxState   state);
void           md_outbox_entry_set_attempts   (MdOutboxEntry  *self,
                                               guint           attempts);
void           md_outbox_entry_set_next_attempt (MdOutboxEntry *self,
                                                 gint64         next_attempt);
void           md_outbox_entry_set_progress   (MdOutboxEntry  *self,
                                               double          progress);
void           md_outbox_entry_set_error      (MdOutboxEntry  *self,
                                               const GError   *error);
void           md_outbox_entry_set_receipt    (MdOutboxEntry  *self,
                                               JsonObject     *receipt,
                                               GDateTime      *delivered,
                                               gboolean        already_delivered);

G_END_DECLS
