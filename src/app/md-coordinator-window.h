/* md-coordinator-window.h: a folder of received dossiers, for the
 * coordinator who checks, scores and selects them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-inbox-detail.h"
#include "md-inbox-view.h"

G_BEGIN_DECLS

#define MD_TYPE_COORDINATOR_WINDOW (md_coordinator_window_get_type ())

G_DECLARE_FINAL_TYPE (MdCoordinatorWindow, md_coordinator_window, MD, COORDINATOR_WINDOW, AdwApplicationWindow)

MdCoordinatorWindow *md_coordinator_window_new          (GtkApplication       *application);
void                 md_coordinator_window_choose_folder (GtkWindow           *parent);
void                 md_coordinator_window_open_folder  (MdCoordinatorWindow  *self,
                                                         GFile                *folder);
gboolean             md_coordinator_window_is_loading   (MdCoordinatorWindow  *self);
MdInbox             *md_coordinator_window_get_inbox    (MdCoordinatorWindow  *self);
MdAllocation        *md_coordinator_window_get_allocation (MdCoordinatorWindow *self);
MdInboxView         *md_coordinator_window_get_view     (MdCoordinatorWindow  *self);
MdInboxDetail       *md_coordinator_window_get_detail   (MdCoordinatorWindow  *self);
void                 md_coordinator_window_allocate     (MdCoordinatorWindow  *self);
gboolean             md_coordinator_window_export_csv   (MdCoordinatorWindow  *self,
                                                         GFile                *file,
                                                         GError              **error);
gboolean             md_coordinator_window_print_pdf    (MdCoordinatorWindow  *self,
                                                         const char           *path,
                                                         GError              **error);

G_END_DECLS
