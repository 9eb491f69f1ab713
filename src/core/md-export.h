/* md-export.h: decisions and scores for spreadsheets and for print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-allocation.h"

G_BEGIN_DECLS

typedef enum
{
  MD_EXPORT_NONE = 0,
  /* Start the CSV with a UTF-8 byte order mark, for Microsoft Excel. */
  MD_EXPORT_CSV_BOM = 1 << 0,
} MdExportFlags;

GBytes   *md_export_decisions_to_csv (GListModel     *items,
                                      MdAllocation   *allocation,
                                      MdExportFlags   flags);
gboolean  md_export_decisions_csv    (GListModel     *items,
                                      MdAllocation   *allocation,
                                      MdExportFlags   flags,
                                      GOutputStream  *out,
                                      GCancellable   *cancellable,
                                      GError        **error);
char     *md_export_summary_markdown (GListModel     *items,
                                      MdAllocation   *allocation,
                                      GListModel     *programmes);

G_END_DECLS
