/* md-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-dossier.h"
#include "md-wizard.h"

G_BEGIN_DECLS

#define MD_TYPE_WINDOW (md_window_get_type ())

G_DECLARE_FINAL_TYPE (MdWindow, md_window, MD, WINDOW, AdwApplicationWindow)

MdWindow  *md_window_new          (GtkApplication *application);
MdDossier *md_window_get_dossier  (MdWindow       *self);
GFile     *md_window_get_file     (MdWindow       *self);
void       md_window_open_file    (MdWindow       *self,
                                   GFile          *file);
void       md_window_save_to_file (MdWindow       *self,
                                   GFile          *file);
gboolean   md_window_is_busy      (MdWindow       *self);
gboolean   md_window_is_read_only (MdWindow       *self);
void       md_window_offer_draft  (MdWindow       *self);
gboolean   md_window_is_offering_draft (MdWindow  *self);
MdWizard  *md_window_get_wizard   (MdWindow       *self);
void       md_window_add_toast    (MdWindow       *self,
                                   AdwToast       *toast);
void       md_window_save_async   (MdWindow       *self,
                                   GCancellable   *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer        user_data);
gboolean   md_window_save_finish  (MdWindow       *self,
                                   GAsyncResult   *result,
                                   GError        **error);
void       md_window_take_over    (MdWindow       *self,
                                   MdWindow       *previous);

G_END_DECLS
