/* md-inbox.h: a folder of received dossiers, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-inbox-item.h"
#include "md-programme-registry.h"

G_BEGIN_DECLS

#define MD_TYPE_INBOX (md_inbox_get_type ())

G_DECLARE_FINAL_TYPE (MdInbox, md_inbox, MD, INBOX, GObject)

MdInbox             *md_inbox_new             (GFile               *folder,
                                               MdProgrammeRegistry *registry);
GFile               *md_inbox_get_folder      (MdInbox             *self);
MdProgrammeRegistry *md_inbox_get_registry    (MdInbox             *self);
void                 md_inbox_set_max_workers (MdInbox             *self,
                                               guint                max_workers);
void                 md_inbox_load_async      (MdInbox             *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean             md_inbox_load_finish     (MdInbox             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean             md_inbox_get_loading     (MdInbox             *self);
double               md_inbox_get_progress    (MdInbox             *self);
gboolean             md_inbox_get_monitoring  (MdInbox             *self);
MdInboxItem         *md_inbox_find_by_id      (MdInbox             *self,
                                               const char          *id);
MdProgramme         *md_inbox_lookup_programme (MdInbox            *self,
                                                const char         *id);

G_END_DECLS
