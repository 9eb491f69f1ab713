/* md-draft-store.h: drafts that survive quitting and crashing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-dossier.h"

G_BEGIN_DECLS

#define MD_TYPE_DRAFT_STORE (md_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (MdDraftStore, md_draft_store, MD, DRAFT_STORE, GObject)

MdDraftStore *md_draft_store_new             (GFile          *directory);
MdDraftStore *md_draft_store_new_default     (void);
GFile        *md_draft_store_get_directory   (MdDraftStore   *self);
GFile        *md_draft_store_get_draft_file  (MdDraftStore   *self,
                                              MdDossier      *dossier);
void          md_draft_store_save_async      (MdDraftStore   *self,
                                              MdDossier      *dossier,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
gboolean      md_draft_store_save_finish     (MdDraftStore   *self,
                                              GAsyncResult   *result,
                                              GError        **error);
gboolean      md_draft_store_save            (MdDraftStore   *self,
                                              MdDossier      *dossier,
                                              GError        **error);
GFile        *md_draft_store_find_latest     (MdDraftStore   *self,
                                              GCancellable   *cancellable,
                                              GError        **error);
gboolean      md_draft_store_discard         (MdDraftStore   *self,
                                              MdDossier      *dossier,
                                              GError        **error);

G_END_DECLS
