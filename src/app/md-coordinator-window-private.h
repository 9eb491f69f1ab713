/* md-coordinator-window-private.h: shared by md-coordinator-window.c
 * (folder, list, detail, allocation) and md-coordinator-window-export.c
 * (CSV and the printed summary)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-coordinator-window.h"

G_BEGIN_DECLS

struct _MdCoordinatorWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  AdwWindowTitle       *window_title;
  GtkWidget            *allocate_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkStack             *content_stack;
  MdInboxView          *inbox_view;
  MdInboxDetail        *detail;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;

  MdProgrammeRegistry  *registry;
  MdInbox              *inbox;
  MdAllocation         *allocation;
  GCancellable         *cancellable;       /* the window's: cancelled when it closes */
  GCancellable         *load_cancellable;  /* the current load */
  GtkNativeDialog      *chooser;
  GBinding             *progress_binding;
};

void        md_coordinator_window_show_toast     (MdCoordinatorWindow *self,
                                                  const char          *text);
GListModel *md_coordinator_window_dup_all_sorted (MdCoordinatorWindow *self);
void        md_coordinator_window_export_action  (GtkWidget           *widget,
                                                  const char          *action_name,
                                                  GVariant            *parameter);
void        md_coordinator_window_print_action   (GtkWidget           *widget,
                                                  const char          *action_name,
                                                  GVariant            *parameter);

G_END_DECLS
