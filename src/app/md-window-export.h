/* md-window-export.h: the window's exports of the learning agreement and the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-window.h"

G_BEGIN_DECLS

typedef enum
{
  MD_EXPORT_AGREEMENT_PDF,
  MD_EXPORT_AGREEMENT_EWP,
  MD_EXPORT_SUMMARY_PDF,
} MdExportFormat;

void     md_window_export_install_actions (GtkWidgetClass      *widget_class);
void     md_window_export_to_file_async   (MdWindow            *self,
                                           MdExportFormat       format,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean md_window_export_to_file_finish  (MdWindow            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
