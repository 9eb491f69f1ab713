/* md-outbox-private.h: shared by md-outbox.c, md-outbox-send.c and
 * md-outbox-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-outbox.h"

G_BEGIN_DECLS

struct _MdOutbox
{
  GObject        parent_instance;

  GFile         *directory;
  MdSubmitter   *submitter;
  MdSecretStore *secrets;
  MdBackoff     *backoff;
  GPtrArray     *entries;
  GHashTable    *sending;   /* MdOutboxEntry* → Send* (md-outbox-send.c) */
  guint          timer_id;
  gboolean       running;
};

/* md-outbox.c */
void           md_outbox_reschedule         (MdOutbox       *self);
void           md_outbox_save_state         (MdOutbox       *self,
                                             MdOutboxEntry  *entry);
void           md_outbox_emit_delivered     (MdOutbox       *self,
                                             MdOutboxEntry  *entry);

/* md-outbox-send.c */
void           md_outbox_send_entry         (MdOutbox       *self,
                                             MdOutboxEntry  *entry,
                                             GTask          *waiter);
void           md_outbox_cancel_sends       (MdOutbox       *self);

/* md-outbox-files.c */
MdOutboxEntry *md_outbox_files_prepare      (GFile          *directory,
                                             GBytes         *bundle,
                                             MdEndpoint     *endpoint,
                                             GCancellable   *cancellable,
                                             GError        **error);
gboolean       md_outbox_files_commit       (GFile          *directory,
                                             MdOutboxEntry  *entry,
                                             GError        **error);
void           md_outbox_files_discard      (GFile          *directory,
                                             MdOutboxEntry  *entry);
GPtrArray     *md_outbox_files_load         (GFile          *directory,
                                             GCancellable   *cancellable,
                                             GError        **error);
gboolean       md_outbox_files_write_state  (GFile          *directory,
                                             MdOutboxEntry  *entry,
                                             GError        **error);
GFile         *md_outbox_files_get_bundle   (GFile          *directory,
                                             MdOutboxEntry  *entry);
gboolean       md_outbox_files_remove       (GFile          *directory,
                                             MdOutboxEntry  *entry,
                                             GError        **error);

G_END_DECLS
