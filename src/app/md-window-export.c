/* md-window-export.c
 *
 * The learning agreement leaves the application in the form the
 * partner can use: as EWP omobility-las XML for partners on the Erasmus
 * Without Paper network, as a PDF laid out like the Commission's form
 * for the others. The application summary goes out as a PDF. The file
 * chooser only picks the file; md_window_export_to_file_async() does the
 * rest, so that tests run the user's path without the chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-agreement-pdf.h"
#include "md-ewp.h"
#include "md-window-export.h"

#define STATE_KEY  "md-window-export"
#define FORMAT_KEY "md-export-format"

typedef struct
{
  GCancellable    *cancellable;
  GtkNativeDialog *chooser;
} ExportState;

typedef struct
{
  MdExportFormat  format;
  GFile          *file;
  GBytes         *contents;
} Export;

static const struct
{
  const char *suffix;
  const char *mime_type;
} formats[] = {
  [MD_EXPORT_AGREEMENT_PDF] = { ".pdf", "application/pdf" },
  [MD_EXPORT_AGREEMENT_EWP] = { ".xml", "application/xml" },
  [MD_EXPORT_SUMMARY_PDF] = { ".pdf", "application/pdf" },
};

/* ---- Per-window state ----------------------------------------------------- */

static void
state_free (gpointer data)
{
  ExportState *state = data;

  g_clear_object (&state->cancellable);
  g_clear_object (&state->chooser);
  g_free (state);
}

/* Exports under way stop with the window, as its other work does. */
static void
on_window_destroy (GtkWidget   *window,
                   ExportState *state)
{
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&state->chooser);

  g_cancellable_cancel (state->cancellable);
  if (chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (chooser, window);
      gtk_native_dialog_destroy (chooser);
    }
}

static ExportState *
get_state (MdWindow *self)
{
  ExportState *state = g_object_get_data (G_OBJECT (self), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (ExportState, 1);
      state->cancellable = g_cancellable_new ();
      g_object_set_data_full (G_OBJECT (self), STATE_KEY, state, state_free);
      g_signal_connect (self, "destroy", G_CALLBACK (on_window_destroy), state);
    }
  return state;
}

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->file);
  g_clear_pointer (&export->contents, g_bytes_unref);
  g_free (export);
}

/* ---- Telling the user ------------------------------------------------------ */

static char *
describe_success (MdExportFormat  format,
                  GFile          *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);

  if (format == MD_EXPORT_SUMMARY_PDF)
    /* Translators: %s is a file name */
    return g_strdup_printf (_("Application summary exported to “%s”"), name);
  /* Translators: %s is a file name */
  return g_strdup_printf (_("Learning agreement exported to “%s”"), name);
}

static void
show_error (MdWindow       *self,
            MdExportFormat  format,
            const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              format == MD_EXPORT_SUMMARY_PDF
                                              ? _("Cannot Export the Application Summary")
                                              : _("Cannot Export the Learning Agreement"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Says how it went, then hands the outcome to whoever asked. */
static void
finish_export (GTask  *task,
               GError *error)
{
  MdWindow *self = g_task_get_source_object (task);
  Export *export = g_task_get_task_data (task);

  if (error == NULL)
    {
      g_autofree char *message = describe_success (export->format, export->file);

      md_window_add_toast (self, adw_toast_new (message));
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, export->format, error->message);
  g_task_return_error (task, error);
}

/* ---- Exporting ------------------------------------------------------------- */

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  md_agreement_pdf_write_finish (result, &error);
  finish_export (task, error);
}

static void
write_contents_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (md_agreement_pdf_replace_contents (export->file, export->contents, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_xml_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  finish_export (task, error);
}

/* The XML is small and quick to build; only saving it may block. */
static void
export_ewp (GTask     *task,
            MdDossier *dossier)
{
  Export *export = g_task_get_task_data (task);
  g_autoptr(GTask) writing = NULL;
  GError *error = NULL;

  export->contents = md_ewp_export_agreement (dossier, &error);
  if (export->contents == NULL)
    {
      finish_export (task, error);
      return;
    }

  writing = g_task_new (NULL, g_task_get_cancellable (task), on_xml_written, g_object_ref (task));
  g_task_set_source_tag (writing, export_ewp);
  g_task_set_task_data (writing, export, NULL);
  g_task_run_in_thread (writing, write_contents_thread);
}

/**
 * md_window_export_to_file_async:
 * @format: what to write
 * @file: where to write it, replaced atomically
 * @cancellable: (nullable): by default the window's own, cancelled when
 *   it closes
 *
 * Exports the open dossier and tells the user how it went, with a toast
 * or a dialog that explains the failure; then calls @callback.
 */
void
md_window_export_to_file_async (MdWindow            *self,
                                MdExportFormat       format,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  MdDossier *dossier;
  MdProgramme *programme;
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format <= MD_EXPORT_SUMMARY_PDF);

  task = g_task_new (self, cancellable ? cancellable : get_state (self)->cancellable, callback, user_data);
  g_task_set_source_tag (task, md_window_export_to_file_async);
  export = g_new0 (Export, 1);
  export->format = format;
  export->file = g_object_ref (file);
  g_task_set_task_data (task, export, export_free);

  dossier = md_window_get_dossier (self);
  if (dossier == NULL)
    {
      finish_export (task, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No dossier is open.")));
      return;
    }

  if (format == MD_EXPORT_AGREEMENT_EWP)
    {
      export_ewp (task, dossier);
      return;
    }

  programme = md_wizard_get_programme (md_window_get_wizard (self));
  cancellable = g_task_get_cancellable (task);
  md_agreement_pdf_write_async (dossier, programme,
                                format == MD_EXPORT_SUMMARY_PDF ? MD_AGREEMENT_PDF_APPLICATION_SUMMARY
                                                                : MD_AGREEMENT_PDF_LEARNING_AGREEMENT,
                                file, cancellable, on_pdf_written, g_steal_pointer (&task));
}

gboolean
md_window_export_to_file_finish (MdWindow      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Choosing the file ----------------------------------------------------- */

static void
add_filter (GtkFileChooser *chooser,
            MdExportFormat  format,
            const char     *name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", formats[format].suffix, NULL);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), FORMAT_KEY, GINT_TO_POINTER (format + 1));
  gtk_file_chooser_add_filter (chooser, filter);
}

/* The name's suffix decides, then the chosen filter: people type
 * "agreement.xml" and expect XML. */
static MdExportFormat
choose_format (GFile          *file,
               GtkFileFilter  *filter,
               MdExportFormat  fallback)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (basename, -1);
  int from_filter = filter ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), FORMAT_KEY)) : 0;

  if (fallback == MD_EXPORT_SUMMARY_PDF)
    return fallback;
  if (g_str_has_suffix (lower, ".xml"))
    return MD_EXPORT_AGREEMENT_EWP;
  if (g_str_has_suffix (lower, ".pdf"))
    return MD_EXPORT_AGREEMENT_PDF;
  return from_filter > 0 ? (MdExportFormat) (from_filter - 1) : fallback;
}

static GFile *
ensure_suffix (GFile      *file,
               const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (basename, -1);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_suffix = NULL;

  if (g_str_has_suffix (lower, suffix))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  with_suffix = g_strconcat (basename, suffix, NULL);
  return g_file_get_child (parent, with_suffix);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MdWindow        *self)
{
  MdExportFormat fallback = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), FORMAT_KEY)) - 1;
  ExportState *state = get_state (self);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  MdExportFormat format = fallback;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen != NULL)
    format = choose_format (chosen, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)), fallback);

  g_clear_object (&state->chooser);
  if (chosen == NULL || md_window_get_dossier (self) == NULL)
    return;

  file = ensure_suffix (chosen, formats[format].suffix);
  md_window_export_to_file_async (self, format, file, NULL, NULL, NULL);
}

static char *
suggest_name (MdDossier      *dossier,
              MdExportFormat  format)
{
  g_autofree char *who = md_dossier_get_string (dossier, "applicant.family_name")
                         ? md_dossier_dup_display_name (dossier) : g_strdup (_("application"));
  g_autofree char *name = NULL;

  g_strdelimit (who, "/\\:", '-');
  if (format == MD_EXPORT_SUMMARY_PDF)
    /* Translators: a suggested file name; %s is the applicant's name */
    name = g_strdup_printf (_("%s - application summary"), who);
  else
    /* Translators: a suggested file name; %s is the applicant's name */
    name = g_strdup_printf (_("%s - learning agreement"), who);
  return g_strconcat (name, formats[format].suffix, NULL);
}

static void
set_last_folder (GtkFileChooser *chooser)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = g_settings_get_string (settings, "last-folder");
  g_autoptr(GFile) folder = NULL;

  if (uri[0] == '\0')
    return;
  folder = g_file_new_for_uri (uri);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
show_chooser (MdWindow       *self,
              MdExportFormat  format)
{
  ExportState *state = get_state (self);
  MdDossier *dossier = md_window_get_dossier (self);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  gboolean agreement = format != MD_EXPORT_SUMMARY_PDF;

  if (state->chooser != NULL || dossier == NULL)
    return;

  chooser = gtk_file_chooser_native_new (agreement ? _("Export the Learning Agreement")
                                                   : _("Export the Application Summary"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), format, _("PDF document"));
  if (agreement)
    add_filter (GTK_FILE_CHOOSER (chooser), MD_EXPORT_AGREEMENT_EWP, _("EWP XML (omobility-las)"));
  set_last_folder (GTK_FILE_CHOOSER (chooser));
  suggested = suggest_name (dossier, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data (G_OBJECT (chooser), FORMAT_KEY, GINT_TO_POINTER (format + 1));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  state->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (state->chooser);
}

static void
export_agreement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  show_chooser (MD_WINDOW (widget), MD_EXPORT_AGREEMENT_PDF);
}

static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_chooser (MD_WINDOW (widget), MD_EXPORT_SUMMARY_PDF);
}

/* For MdWindow's class_init; the window enables them with a dossier. */
void
md_window_export_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-agreement", NULL, export_agreement_action);
  gtk_widget_class_install_action (widget_class, "win.export-summary", NULL, export_summary_action);
}
