/* md-inbox-private.h: shared by md-inbox.c (the model, loading),
 * md-inbox-read.c (reading one file) and md-inbox-monitor.c
 * (following changes in the folder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-inbox.h"

G_BEGIN_DECLS

struct _MdInbox
{
  GObject              parent_instance;

  GFile               *folder;
  MdProgrammeRegistry *registry;
  GHashTable          *programmes;  /* id → MdProgramme, read by workers */
  GPtrArray           *items;       /* MdInboxItem, sorted by file name */
  GPtrArray           *names;       /* their file names, same order */
  guint                max_workers;
  double               progress;
  gboolean             loading;

  GFileMonitor        *monitor;
  GHashTable          *pending;     /* file names waiting to be read again */
  guint                refresh_source;
  GCancellable        *cancellable; /* refreshes; cancelled on dispose */
};

/* What reading one file gives: an item (with its review attached), or
 * for a review sidecar only the review. */
typedef struct
{
  char        *name;
  MdInboxItem *item;
  MdReview    *review;
} MdInboxEntry;

gboolean md_inbox_is_bundle_name    (const char   *name);
gboolean md_inbox_is_review_name    (const char   *name);
void     md_inbox_read_entry        (const char   *folder_path,
                                     const char   *name,
                                     GHashTable   *programmes,
                                     GHashTable   *review_names,
                                     MdInboxEntry *entry);
void     md_inbox_entry_clear       (MdInboxEntry *entry);
void     md_inbox_put_item          (MdInbox      *self,
                                     const char   *name,
                                     MdInboxItem  *item);
void     md_inbox_remove_name       (MdInbox      *self,
                                     const char   *name);
void     md_inbox_update_duplicates (MdInbox      *self);
void     md_inbox_start_monitor     (MdInbox      *self);
void     md_inbox_stop_monitor      (MdInbox      *self);

G_END_DECLS
