/* md-export.c
 *
 * The CSV is for spreadsheets and scripts: UTF-8 without a byte order
 * mark (LibreOffice recognises UTF-8 by itself, and scripts would see
 * the mark as part of the first column's name; MD_EXPORT_CSV_BOM adds
 * one for Excel), one header row of stable English column names, CRLF
 * line ends and quoting as in RFC 4180, numbers with a decimal point.
 * Text that a spreadsheet would run as a formula (starting with "=",
 * "+", "-", "@", a tab or a carriage return) gets a leading "'": the
 * names come from applicants, and a file from strangers must not run
 * anything on the coordinator's machine. docs/review-format.md lists
 * the columns.
 *
 * The Markdown summary is what the printed (PDF) summary lays out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-export.h"
#include "md-formats.h"

typedef struct
{
  MdInboxItem              *item;
  const MdAllocationResult *result;
  MdReview                 *review;
} Row;

typedef char *(*CellFunc) (const Row *row);

typedef struct
{
  const char *header;
  CellFunc    cell;
  gboolean    text;   /* may come from the applicant: guard formulas */
} Column;

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text ? text : "");
}

/* Amounts and scores with two decimals, credits as they are ("7.5"). */
static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");

  if (decimals < 0)
    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static const char *
integrity_name (MdInboxItem *item)
{
  if (!md_inbox_item_is_readable (item))
    return "unreadable";

  switch (md_inbox_item_get_integrity (item))
    {
    case MD_INTEGRITY_INTACT:          return "intact";
    case MD_INTEGRITY_CHANGED_OUTSIDE: return "changed_outside";
    case MD_INTEGRITY_MISSING:         return "missing";
    case MD_INTEGRITY_UNCHECKED:
    default:                           return "unchecked";
    }
}

static char *
cell_file (const Row *row)
{
  return g_file_get_basename (md_inbox_item_get_file (row->item));
}
static char *
cell_id (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_id (row->item));
}

static char *
cell_applicant (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_applicant (row->item));
}

static char *
cell_email (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_email (row->item));
}

static char *
cell_programme (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_programme_id (row->item));
}

static char *
cell_activity (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_activity_id (row->item));
}

static char *
cell_destination (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_destination_code (row->item));
}

static char *
cell_start (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_start_date (row->item));
}

static char *
cell_end (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_end_date (row->item));
}

static char *
cell_submitted (const Row *row)
{
  return dup_or_empty (md_inbox_item_get_submitted (row->item));
}

static char *
cell_integrity (const Row *row)
{
  return g_strdup (integrity_name (row->item));
}

static char *
cell_ects (const Row *row)
{
  return md_inbox_item_is_readable (row->item) ? format_number (md_inbox_item_get_ects (row->item), -1) : g_strdup ("");
}

static char *
cell_errors (const Row *row)
{
  return g_strdup_printf ("%u", md_inbox_item_get_errors (row->item));
}

static char *
cell_warnings (const Row *row)
{
  return g_strdup_printf ("%u", md_inbox_item_get_warnings (row->item));
}

static char *
cell_duplicate (const Row *row)
{
  return g_strdup (md_inbox_item_get_duplicate (row->item) ? "yes" : "no");
}

static char *
cell_score (const Row *row)
{
  return format_number (md_inbox_item_get_score (row->item), 2);
}

static char *
cell_reviewers (const Row *row)
{
  return g_strdup_printf ("%u", row->review ? md_review_get_n_reviewers (row->review) : 0);
}

static char *
cell_stale (const Row *row)
{
  return g_strdup (row->review == NULL ? "" : md_inbox_item_get_review_stale (row->item) ? "yes" : "no");
}

static char *
cell_decision (const Row *row)
{
  return g_strdup (md_decision_to_string (md_inbox_item_get_decision (row->item)));
}

static char *
cell_decision_reason (const Row *row)
{
  return dup_or_empty (row->review ? md_review_get_decision_reason (row->review) : NULL);
}

static char *
cell_decision_by (const Row *row)
{
  return dup_or_empty (row->review ? md_review_get_decision_by (row->review) : NULL);
}

static char *
cell_outcome (const Row *row)
{
  return g_strdup (row->result ? md_outcome_to_string (row->result->outcome) : "");
}

static char *
cell_quota (const Row *row)
{
  return dup_or_empty (row->result ? row->result->quota_id : NULL);
}

static char *
cell_rank (const Row *row)
{
  return row->result && row->result->rank > 0 ? g_strdup_printf ("%u", row->result->rank) : g_strdup ("");
}

static char *
cell_ranked (const Row *row)
{
  return row->result && row->result->rank > 0 ? g_strdup_printf ("%u", row->result->ranked) : g_strdup ("");
}

static char *
cell_reason (const Row *row)
{
  if (!md_inbox_item_is_readable (row->item))
    return g_strdup (md_inbox_item_get_load_error (row->item));

  return dup_or_empty (row->result ? row->result->reason : NULL);
}

static char *
cell_estimate (const Row *row)
{
  return format_number (md_inbox_item_get_estimate (row->item), 2);
}

static const Column columns[] = {
  { "file", cell_file, TRUE },
  { "id", cell_id, TRUE },
  { "applicant", cell_applicant, TRUE },
  { "email", cell_email, TRUE },
  { "programme", cell_programme, TRUE },
  { "activity", cell_activity, TRUE },
  { "destination", cell_destination, TRUE },
  { "start_date", cell_start, TRUE },
  { "end_date", cell_end, TRUE },
  { "ects", cell_ects, FALSE },
  { "errors", cell_errors, FALSE },
  { "warnings", cell_warnings, FALSE },
  { "integrity", cell_integrity, FALSE },
  { "duplicate", cell_duplicate, FALSE },
  { "submitted", cell_submitted, TRUE },
  { "reviewers", cell_reviewers, FALSE },
  { "review_stale", cell_stale, FALSE },
  { "score", cell_score, FALSE },
  { "decision", cell_decision, FALSE },
  { "decision_reason", cell_decision_reason, TRUE },
  { "decision_by", cell_decision_by, TRUE },
  { "outcome", cell_outcome, FALSE },
  { "quota", cell_quota, FALSE },
  { "rank", cell_rank, FALSE },
  { "ranked", cell_ranked, FALSE },
  { "reason", cell_reason, TRUE },
  { "estimate", cell_estimate, FALSE },
};

/* ---- CSV ----------------------------------------------------------------- */

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    text)
{
  gboolean formula = text && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
  gboolean quote = formula || strpbrk (value, ",\"\r\n") != NULL;

  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString   *out,
                const Row *row)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autofree char *value = row ? columns[c].cell (row) : g_strdup (columns[c].header);

      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, value ? value : "", row != NULL && columns[c].text);
    }
  g_string_append (out, "\r\n");
}

/**
 * md_export_decisions_to_csv:
 * @items: a #GListModel of #MdInboxItem, exported in its order
 * @allocation: (nullable): the allocation whose outcomes to include
 *
 * Returns: (transfer full): the CSV text (see the top of this file)
 */
GBytes *
md_export_decisions_to_csv (GListModel    *items,
                            MdAllocation  *allocation,
                            MdExportFlags  flags)
{
  GString *out = g_string_sized_new (4096);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (allocation == NULL || MD_IS_ALLOCATION (allocation), NULL);

  if (flags & MD_EXPORT_CSV_BOM)
    g_string_append (out, "\xef\xbb\xbf");

  append_csv_row (out, NULL);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (items, i);
      Row row = { item, allocation ? md_allocation_lookup (allocation, item) : NULL,
                  md_inbox_item_get_review (item) };

      append_csv_row (out, &row);
    }

  return g_string_free_to_bytes (out);
}

/**
 * md_export_decisions_csv:
 * @out: where to write; it is not closed
 *
 * Writes md_export_decisions_to_csv() to @out (blocking).
 */
gboolean
md_export_decisions_csv (GListModel     *items,
                         MdAllocation   *allocation,
                         MdExportFlags   flags,
                         GOutputStream  *out,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GBytes) csv = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  csv = md_export_decisions_to_csv (items, allocation, flags);
  data = g_bytes_get_data (csv, &length);
  return g_output_stream_write_all (out, data, length, NULL, cancellable, error);
}

/* ---- Markdown summary ---------------------------------------------------- */

/* Table cells are one line without "|". */
static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append (out, " ");
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

static char *
format_score (MdInboxItem *item)
{
  double score = md_inbox_item_get_score (item);

  return isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.1f", score);
}

static void
append_table_head (GString *out)
{
  g_string_append (out, "|");
  append_cell (out, _("Rank"));
  append_cell (out, _("Applicant"));
  append_cell (out, _("Activity"));
  append_cell (out, _("Destination"));
  append_cell (out, _("Score"));
  append_cell (out, _("Outcome"));
  append_cell (out, _("Why"));
  g_string_append (out, "\n|---|---|---|---|---|---|---|\n");
}

static void
append_table_row (GString                  *out,
                  MdInboxItem              *item,
                  const MdAllocationResult *result)
{
  g_autofree char *rank = result->rank > 0 ? g_strdup_printf ("%u", result->rank) : g_strdup ("—");
  g_autofree char *score = format_score (item);

  g_string_append (out, "|");
  append_cell (out, rank);
  append_cell (out, md_inbox_item_get_applicant (item));
  append_cell (out, md_inbox_item_get_activity (item));
  append_cell (out, md_inbox_item_get_destination (item));
  append_cell (out, score);
  append_cell (out, md_outcome_describe (result->outcome));
  append_cell (out, result->reason);
  g_string_append_c (out, '\n');
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a;
  const Row *y = b;
  guint rank_x = x->result->rank ? x->result->rank : G_MAXUINT;
  guint rank_y = y->result->rank ? y->result->rank : G_MAXUINT;

  if (rank_x != rank_y)
    return rank_x < rank_y ? -1 : 1;
  if (x->result->outcome != y->result->outcome)
    return x->result->outcome < y->result->outcome ? -1 : 1;

  return g_strcmp0 (md_inbox_item_get_applicant (x->item), md_inbox_item_get_applicant (y->item));
}

/* The programme's rows of one quota (or, with @quota_id NULL, the
 * rows without a quota), ranked first. */
static GArray *
collect_rows (GListModel   *items,
              MdAllocation *allocation,
              MdProgramme  *programme,
              const char   *quota_id)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (items, i);
      const MdAllocationResult *result = md_allocation_lookup (allocation, item);
      Row row = { item, result, NULL };

      if (result == NULL ||
          g_strcmp0 (md_inbox_item_get_programme_id (item), md_programme_get_id (programme)) != 0 ||
          g_strcmp0 (result->quota_id, quota_id) != 0)
        continue;
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_rows);
  return rows;
}

static void
append_section (GString      *out,
                GListModel   *items,
                MdAllocation *allocation,
                MdProgramme  *programme,
                const char   *quota_id,
                const char   *heading)
{
  g_autoptr(GArray) rows = collect_rows (items, allocation, programme, quota_id);

  if (rows->len == 0)
    return;

  g_string_append_printf (out, "### %s\n\n", heading);
  append_table_head (out);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      append_table_row (out, row->item, row->result);
    }
  g_string_append_c (out, '\n');
}

static void
append_budget (GString      *out,
               MdAllocation *allocation,
               MdProgramme  *programme)
{
  JsonNode *node = json_object_get_member (md_programme_get_definition (programme), "budget");
  JsonObject *budget = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *used = NULL;
  g_autofree char *total = NULL;

  if (budget == NULL || !json_object_has_member (budget, "amount"))
    return;

  used = md_format_display_number (md_allocation_get_budget_used (allocation, programme), 2);
  total = md_format_display_number (json_object_get_double_member_with_default (budget, "amount", 0), 2);
  /* TRANSLATORS: "Budget: 12 000 of 40 000 EUR allocated (estimated grants)." */
  g_string_append_printf (out, _("Budget: %s of %s %s allocated (estimated grants)."), used, total,
                          json_object_get_string_member_with_default (budget, "currency", "EUR"));
  g_string_append (out, "\n\n");
}

static void
append_programme (GString      *out,
                  GListModel   *items,
                  MdAllocation *allocation,
                  MdProgramme  *programme)
{
  JsonNode *node = json_object_get_member (md_programme_get_definition (programme), "quotas");
  JsonArray *quotas = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint selected = md_allocation_count (allocation, programme, NULL, MD_OUTCOME_SELECTED);

  g_string_append_printf (out, "## %s\n\n", md_programme_get_title (programme));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u dossier selected.",
                                            "%u dossiers selected.", selected), selected);
  g_string_append (out, "\n\n");
  append_budget (out, allocation, programme);

  for (guint q = 0; quotas != NULL && q < json_array_get_length (quotas); q++)
    {
      JsonObject *quota = json_array_get_object_element (quotas, q);
      const char *id = quota ? json_object_get_string_member_with_default (quota, "id", NULL) : NULL;
      g_autofree char *heading = NULL;

      if (id == NULL)
        continue;
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u grant)", "%s (%u grants)",
                                              (gulong) json_object_get_int_member_with_default (quota, "grants", 0)),
                                 md_json_pick_member_translation (quota, "title"),
                                 (guint) json_object_get_int_member_with_default (quota, "grants", 0));
      append_section (out, items, allocation, programme, id, heading);
    }

  append_section (out, items, allocation, programme, NULL,
                  quotas && json_array_get_length (quotas) > 0 ? _("Outside the quotas") : _("All dossiers"));
}

static void
append_overview (GString    *out,
                 GListModel *items)
{
  guint n = g_list_model_get_n_items (items);
  guint unreadable = 0, duplicates = 0, changed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (items, i);

      unreadable += !md_inbox_item_is_readable (item);
      duplicates += md_inbox_item_get_duplicate (item);
      changed += md_inbox_item_is_readable (item) &&
                 md_inbox_item_get_integrity (item) != MD_INTEGRITY_INTACT;
    }

  g_string_append_printf (out, "# %s\n\n", _("Selection summary"));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n), n);
  g_string_append (out, ": ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u unreadable", "%u unreadable", unreadable), unreadable);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u changed outside the application",
                                            "%u changed outside the application", changed), changed);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u possible duplicate applicant",
                                            "%u possible duplicate applicants", duplicates), duplicates);
  g_string_append (out, ".\n\n");
}

/**
 * md_export_summary_markdown:
 * @items: a #GListModel of #MdInboxItem
 * @allocation: the allocation to summarise
 * @programmes: a #GListModel of #MdProgramme: the profiles to report on
 *
 * A printable summary: per programme the number selected, the budget,
 * and per quota a table of the ranked dossiers with outcome and reason.
 * Programmes without allocated dossiers are left out.
 *
 * Returns: (transfer full): Markdown text, translated
 */
char *
md_export_summary_markdown (GListModel   *items,
                            MdAllocation *allocation,
                            GListModel   *programmes)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (MD_IS_ALLOCATION (allocation), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (programmes), NULL);

  append_overview (out, items);
  n = g_list_model_get_n_items (programmes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdProgramme) programme = g_list_model_get_item (programmes, i);
      guint allocated = 0;

      for (MdOutcome o = MD_OUTCOME_SELECTED; o <= MD_OUTCOME_UNSCORED; o++)
        allocated += md_allocation_count (allocation, programme, NULL, o);
      if (allocated > 0)
        append_programme (out, items, allocation, programme);
    }

  return g_string_free (out, FALSE);
}
