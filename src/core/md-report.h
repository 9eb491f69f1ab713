/* md-report.h: the result of validating a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  MD_SEVERITY_WARNING,
  MD_SEVERITY_ERROR,
} MdSeverity;

typedef struct
{
  char       *path;
  char       *rule;
  char       *message;
  MdSeverity  severity;
} MdIssue;

#define MD_TYPE_REPORT (md_report_get_type ())

G_DECLARE_FINAL_TYPE (MdReport, md_report, MD, REPORT, GObject)

MdReport      *md_report_new            (void);
void           md_report_add            (MdReport    *self,
                                         MdSeverity   severity,
                                         const char  *path,
                                         const char  *rule,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (5, 6);
guint          md_report_get_n_issues   (MdReport    *self);
const MdIssue *md_report_get_issue      (MdReport    *self,
                                         guint        index);
guint          md_report_count          (MdReport    *self,
                                         MdSeverity   severity);
const MdIssue *md_report_find           (MdReport    *self,
                                         const char  *rule);
GPtrArray     *md_report_issues_for_path (MdReport   *self,
                                          const char *path);
JsonNode      *md_report_to_json        (MdReport    *self);

G_END_DECLS
