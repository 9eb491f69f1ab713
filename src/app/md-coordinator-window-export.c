/* md-coordinator-window-export.c
 *
 * The committee's result leaves the application in two forms: the
 * decisions as CSV for a spreadsheet (md-export writes it) and a
 * printed summary table, which GtkPrintOperation can also write as a
 * PDF. Both list every dossier of the inbox, whatever the filters hide,
 * in the order of the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "md-coordinator-window-private.h"
#include "md-export.h"

#define MARGIN_PT      0.0
#define CELL_PADDING   4.0
#define FONT           "Sans 9"
#define HEADING_FONT   "Sans Bold 14"

/**
 * md_coordinator_window_dup_all_sorted:
 *
 * Returns: (transfer full): every item of the inbox, in the order the
 *   user chose for the table
 */
GListModel *
md_coordinator_window_dup_all_sorted (MdCoordinatorWindow *self)
{
  GtkSorter *sorter = md_inbox_view_get_sorter (self->inbox_view);

  return G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->inbox)),
                                                g_object_ref (sorter)));
}

/* ---- CSV ---------------------------------------------------------------- */

/* A byte order mark, so that spreadsheets read names as UTF-8. */
static GBytes *
create_csv (MdCoordinatorWindow *self)
{
  g_autoptr(GListModel) items = md_coordinator_window_dup_all_sorted (self);

  return md_export_decisions_to_csv (items, self->allocation, MD_EXPORT_CSV_BOM);
}

/**
 * md_coordinator_window_export_csv:
 * @file: where to write
 *
 * Writes the decisions of every dossier in the inbox as CSV.
 */
gboolean
md_coordinator_window_export_csv (MdCoordinatorWindow  *self,
                                  GFile                *file,
                                  GError              **error)
{
  g_autoptr(GBytes) csv = NULL;

  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->inbox != NULL, FALSE);

  csv = create_csv (self);
  return g_file_replace_contents (file, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
csv_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MdCoordinatorWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Decisions exported to “%s”"), name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("The decisions could not be exported: %s"), error->message);

  if (message != NULL)
    md_coordinator_window_show_toast (self, message);
}

static void
on_csv_chooser_response (MdCoordinatorWindow *self,
                         int                  response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) csv = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->inbox == NULL)
    return;

  csv = create_csv (self);
  g_file_replace_contents_bytes_async (file, csv, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, csv_written_cb, g_object_ref (self));
}

void
md_coordinator_window_export_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Decisions as CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the exported decisions; keep ".csv" */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("decisions.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_csv_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* ---- Printed summary ---------------------------------------------------- */

enum {
  COLUMN_APPLICANT,
  COLUMN_ACTIVITY,
  COLUMN_SCORE,
  COLUMN_RANK,
  COLUMN_DECISION,
  COLUMN_OUTCOME,
  N_COLUMNS
};

/* The share of the page width each column gets. */
static const double column_widths[N_COLUMNS] = { 0.24, 0.34, 0.08, 0.07, 0.13, 0.14 };

typedef struct
{
  char      *title;
  char      *subtitle;
  GPtrArray *rows;             /* GStrv of N_COLUMNS texts; rows[0] is the header */
  double     row_height;
  double     heading_height;
  guint      rows_per_page;
} Summary;

static void
summary_free (gpointer data)
{
  Summary *summary = data;

  g_free (summary->title);
  g_free (summary->subtitle);
  g_ptr_array_unref (summary->rows);
  g_free (summary);
}

static char *
format_score (MdInboxItem *item)
{
  double score = md_inbox_item_get_score (item);

  return isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.1f", score);
}

static char *
format_outcome (MdCoordinatorWindow *self,
                MdInboxItem         *item)
{
  const MdAllocationResult *result = md_allocation_lookup (self->allocation, item);

  return g_strdup (result && result->outcome != MD_OUTCOME_NONE ? md_outcome_describe (result->outcome) : "—");
}

static char **
create_row (MdCoordinatorWindow *self,
            MdInboxItem         *item)
{
  char **row = g_new0 (char *, N_COLUMNS + 1);
  const char *activity = md_inbox_item_get_activity (item);
  const char *programme = md_inbox_item_get_programme (item);
  guint rank = md_inbox_item_get_rank (item);

  if (md_inbox_item_is_readable (item))
    row[COLUMN_APPLICANT] = g_strdup (md_inbox_item_get_applicant (item));
  else
    row[COLUMN_APPLICANT] = g_file_get_basename (md_inbox_item_get_file (item));
  row[COLUMN_ACTIVITY] = g_strdup_printf ("%s\n%s", activity ? activity : "—", programme ? programme : "");
  row[COLUMN_SCORE] = format_score (item);
  row[COLUMN_RANK] = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("—");
  row[COLUMN_DECISION] = g_strdup (md_inbox_item_get_decision (item) == MD_DECISION_NONE
                                   ? "—" : md_decision_describe (md_inbox_item_get_decision (item)));
  row[COLUMN_OUTCOME] = format_outcome (self, item);
  return row;
}

static Summary *
create_summary (MdCoordinatorWindow *self)
{
  g_autoptr(GListModel) items = md_coordinator_window_dup_all_sorted (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *folder = g_file_get_basename (md_inbox_get_folder (self->inbox));
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  Summary *summary = g_new0 (Summary, 1);
  char **header = g_new0 (char *, N_COLUMNS + 1);

  summary->title = g_strdup (_("Selection Summary"));
  /* Translators: the inbox folder's name, then the date and time of printing */
  summary->subtitle = g_strdup_printf (_("Folder “%s”, printed %s"), folder, date);
  summary->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  header[COLUMN_APPLICANT] = g_strdup (_("Applicant"));
  header[COLUMN_ACTIVITY] = g_strdup (_("Activity and programme"));
  header[COLUMN_SCORE] = g_strdup (_("Score"));
  header[COLUMN_RANK] = g_strdup (_("Rank"));
  header[COLUMN_DECISION] = g_strdup (_("Decision"));
  header[COLUMN_OUTCOME] = g_strdup (_("Allocation"));
  g_ptr_array_add (summary->rows, header);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (summary->rows, create_row (self, item));
    }

  return summary;
}

static PangoLayout *
create_layout (GtkPrintContext *context,
               const char      *font,
               const char      *text,
               double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static double
measure_height (GtkPrintContext *context,
                const char      *font,
                const char      *text)
{
  g_autoptr(PangoLayout) layout = create_layout (context, font, text, gtk_print_context_get_width (context));
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Summary           *summary)
{
  double page_height = gtk_print_context_get_height (context);
  guint n_rows = summary->rows->len - 1;

  /* Two lines per row: the activity's programme goes under it. */
  summary->row_height = measure_height (context, FONT, "Ag\nAg") + 2 * CELL_PADDING;
  summary->heading_height = measure_height (context, HEADING_FONT, "Ag") + measure_height (context, FONT, "Ag") + 12;
  summary->rows_per_page = MAX (1, (guint) ((page_height - summary->heading_height) / summary->row_height) - 1);
  gtk_print_operation_set_n_pages (operation, MAX (1, (n_rows + summary->rows_per_page - 1) / summary->rows_per_page));
}

static void
draw_row (GtkPrintContext *context,
          char           **row,
          double           y,
          double           row_height,
          gboolean         header)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double x = 0;

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      double column_width = column_widths[column] * width;
      g_autoptr(PangoLayout) layout = create_layout (context, header ? "Sans Bold 9" : FONT, row[column],
                                                     column_width - 2 * CELL_PADDING);

      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, layout);
      x += column_width;
    }

  cairo_set_line_width (cr, header ? 1.0 : 0.3);
  cairo_move_to (cr, 0, y + row_height);
  cairo_line_to (cr, width, y + row_height);
  cairo_stroke (cr);
}

static void
draw_heading (GtkPrintContext *context,
              Summary         *summary,
              int              page,
              int              n_pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  g_autofree char *subtitle = NULL;
  g_autoptr(PangoLayout) title = create_layout (context, HEADING_FONT, summary->title, width);
  g_autoptr(PangoLayout) details = NULL;
  int title_height;

  /* Translators: the summary's subtitle, then "page 1 of 3" */
  subtitle = g_strdup_printf (_("%s — page %d of %d"), summary->subtitle, page + 1, n_pages);
  details = create_layout (context, FONT, subtitle, width);
  pango_layout_get_size (title, NULL, &title_height);
  cairo_move_to (cr, 0, MARGIN_PT);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, 0, MARGIN_PT + pango_units_to_double (title_height) + 4);
  pango_cairo_show_layout (cr, details);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Summary           *summary)
{
  guint first = 1 + page * summary->rows_per_page;
  guint last = MIN (summary->rows->len, first + summary->rows_per_page);
  double y = summary->heading_height;
  int n_pages;

  g_object_get (operation, "n-pages", &n_pages, NULL);
  cairo_set_source_rgb (gtk_print_context_get_cairo_context (context), 0, 0, 0);
  draw_heading (context, summary, page, n_pages);
  draw_row (context, summary->rows->pdata[0], y, summary->row_height, TRUE);
  for (guint i = first; i < last; i++)
    {
      y += summary->row_height;
      draw_row (context, summary->rows->pdata[i], y, summary->row_height, FALSE);
    }
}

static GtkPrintOperation *
create_print_operation (MdCoordinatorWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  Summary *summary = create_summary (self);

  /* Translators: the name of the print job */
  gtk_print_operation_set_job_name (operation, _("Selection Summary"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "md-summary", summary, summary_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), summary);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), summary);
  return operation;
}

/**
 * md_coordinator_window_print_pdf:
 * @path: the PDF file to write
 *
 * Writes the printed summary (applicant, activity and programme, score,
 * rank, decision, allocation) of every dossier as a PDF.
 */
gboolean
md_coordinator_window_print_pdf (MdCoordinatorWindow  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->inbox != NULL, FALSE);

  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MdCoordinatorWindow     *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The summary could not be printed: %s"), error->message);

      md_coordinator_window_show_toast (self, message);
    }
}

void
md_coordinator_window_print_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = create_print_operation (self);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The summary could not be printed: %s"), error->message);

      md_coordinator_window_show_toast (self, message);
    }
}
