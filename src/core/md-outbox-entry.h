/* md-outbox-entry.h: one submission waiting in, or delivered from, the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "md-dossier.h"
#include "md-endpoint.h"

G_BEGIN_DECLS

#define MD_TYPE_OUTBOX_ENTRY (md_outbox_entry_get_type ())

G_DECLARE_FINAL_TYPE (MdOutboxEntry, md_outbox_entry, MD, OUTBOX_ENTRY, GObject)

typedef enum
{
  MD_OUTBOX_STATE_QUEUED,
  MD_OUTBOX_STATE_SENDING,
  MD_OUTBOX_STATE_SENT,
  MD_OUTBOX_STATE_FAILED,
} MdOutboxState;

#define MD_TYPE_OUTBOX_STATE (md_outbox_state_get_type ())

GType          md_outbox_state_get_type                   (void);
const char    *md_outbox_state_to_string                  (MdOutboxState  state);

const char    *md_outbox_entry_get_id                     (MdOutboxEntry *self);
const char    *md_outbox_entry_get_dossier_id             (MdOutboxEntry *self);
const char    *md_outbox_entry_get_digest                 (MdOutboxEntry *self);
const char    *md_outbox_entry_get_idempotency_key        (MdOutboxEntry *self);
MdEndpoint    *md_outbox_entry_get_endpoint               (MdOutboxEntry *self);
guint64        md_outbox_entry_get_size                   (MdOutboxEntry *self);
GDateTime     *md_outbox_entry_get_created                (MdOutboxEntry *self);
MdOutboxState  md_outbox_entry_get_state                  (MdOutboxEntry *self);
guint          md_outbox_entry_get_attempts               (MdOutboxEntry *self);
gint64         md_outbox_entry_get_next_attempt           (MdOutboxEntry *self);
double         md_outbox_entry_get_progress               (MdOutboxEntry *self);
const GError  *md_outbox_entry_get_error                  (MdOutboxEntry *self);
gboolean       md_outbox_entry_get_needs_credentials      (MdOutboxEntry *self);
JsonObject    *md_outbox_entry_get_receipt                (MdOutboxEntry *self);
GDateTime     *md_outbox_entry_get_delivered              (MdOutboxEntry *self);
gboolean       md_outbox_entry_get_already_delivered      (MdOutboxEntry *self);
gboolean       md_outbox_entry_record_receipt_in_dossier  (MdOutboxEntry *self,
                                                           MdDossier     *dossier,
                                                           GError       **error);

G_END_DECLS
