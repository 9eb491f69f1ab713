/* md-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-report.h"

struct _MdReport
{
  GObject  parent_instance;

  GArray  *issues;
};

G_DEFINE_FINAL_TYPE (MdReport, md_report, G_TYPE_OBJECT)

static void
issue_clear (gpointer data)
{
  MdIssue *issue = data;

  g_clear_pointer (&issue->path, g_free);
  g_clear_pointer (&issue->rule, g_free);
  g_clear_pointer (&issue->message, g_free);
}

static void
md_report_finalize (GObject *object)
{
  MdReport *self = (MdReport *)object;

  g_clear_pointer (&self->issues, g_array_unref);

  G_OBJECT_CLASS (md_report_parent_class)->finalize (object);
}

static void
md_report_class_init (MdReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_report_finalize;
}

static void
md_report_init (MdReport *self)
{
  self->issues = g_array_new (FALSE, TRUE, sizeof (MdIssue));
  g_array_set_clear_func (self->issues, issue_clear);
}

MdReport *
md_report_new (void)
{
  return g_object_new (MD_TYPE_REPORT, NULL);
}

void
md_report_add (MdReport   *self,
               MdSeverity  severity,
               const char *path,
               const char *rule,
               const char *format,
               ...)
{
  MdIssue issue;
  va_list args;

  g_return_if_fail (MD_IS_REPORT (self));

  va_start (args, format);
  issue.message = g_strdup_vprintf (format, args);
  va_end (args);
  issue.path = g_strdup (path);
  issue.rule = g_strdup (rule);
  issue.severity = severity;
  g_array_append_val (self->issues, issue);
}

guint
md_report_get_n_issues (MdReport *self)
{
  g_return_val_if_fail (MD_IS_REPORT (self), 0);

  return self->issues->len;
}

const MdIssue *
md_report_get_issue (MdReport *self,
                     guint     index)
{
  g_return_val_if_fail (MD_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->issues->len, NULL);

  return &g_array_index (self->issues, MdIssue, index);
}

guint
md_report_count (MdReport   *self,
                 MdSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (MD_IS_REPORT (self), 0);

  for (guint i = 0; i < self->issues->len; i++)
    count += g_array_index (self->issues, MdIssue, i).severity == severity;

  return count;
}

/**
 * md_report_find:
 *
 * Returns: (nullable): the first issue raised by @rule
 */
const MdIssue *
md_report_find (MdReport   *self,
                const char *rule)
{
  g_return_val_if_fail (MD_IS_REPORT (self), NULL);

  for (guint i = 0; i < self->issues->len; i++)
    {
      const MdIssue *issue = &g_array_index (self->issues, MdIssue, i);

      if (g_str_equal (issue->rule, rule))
        return issue;
    }

  return NULL;
}

/**
 * md_report_issues_for_path:
 *
 * Returns: (transfer container): the issues attached to @path, for the
 *   widget bound to that path.
 */
GPtrArray *
md_report_issues_for_path (MdReport   *self,
                           const char *path)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < self->issues->len; i++)
    {
      MdIssue *issue = &g_array_index (self->issues, MdIssue, i);

      if (g_strcmp0 (issue->path, path) == 0)
        g_ptr_array_add (found, issue);
    }

  return found;
}

JsonNode *
md_report_to_json (MdReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->issues->len; i++)
    {
      MdIssue *issue = &g_array_index (self->issues, MdIssue, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, issue->path);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, issue->severity == MD_SEVERITY_ERROR ? "error" : "warning");
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, issue->rule);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
