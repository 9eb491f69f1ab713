/* md-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-app-pages.h"
#include "md-bundle.h"
#include "md-coordinator-window.h"
#include "md-draft-store.h"
#include "md-outbox-button.h"
#include "md-programme-registry.h"
#include "md-safe-files.h"
#include "md-submit-flow.h"
#include "md-window.h"
#include "md-window-export.h"
#include "md-wizard.h"

#define AUTOSAVE_DELAY_MS 1000

typedef void (*AfterConfirm) (MdWindow *self);

struct _MdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkRevealer          *changed_outside_revealer;
  GtkLabel             *changed_outside_label;
  GtkStack             *stack;
  MdWizard             *wizard;
  GtkRevealer          *draft_revealer;
  GtkLabel             *draft_label;
  MdOutboxButton       *outbox_button;

  GSettings            *settings;
  MdProgrammeRegistry  *registry;
  MdDraftStore         *drafts;
  GFile                *offered_draft;
  guint                 autosave_source;
  GCancellable         *cancellable;
  MdDossier            *dossier;
  GFile                *file;
  gboolean              read_only; /* saving to file would be refused */
  GtkNativeDialog      *chooser;
  guint                 busy;
  MdSubmitFlow         *submit_flow;
};

G_DEFINE_FINAL_TYPE (MdWindow, md_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_toast (MdWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error_dialog (MdWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
dup_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
update_title (MdWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->dossier == NULL)
    subtitle = g_strdup ("");
  else if (self->file == NULL)
    subtitle = g_strdup (_("Not saved yet"));
  else if (self->read_only)
    {
      g_autofree char *name = dup_file_display_name (self->file);

      /* Translators: the window's subtitle; %s is a file name */
      subtitle = g_strdup_printf (_("%s (read-only)"), name);
    }
  else
    subtitle = dup_file_display_name (self->file);

  if (self->dossier != NULL && md_dossier_get_modified_since_save (self->dossier))
    {
      g_autofree char *marked = g_strconcat ("• ", subtitle, NULL);
      adw_window_title_set_subtitle (self->window_title, marked);
    }
  else
    adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (MdWindow *self)
{
  gboolean has_dossier = self->dossier != NULL;
  MdReport *report = md_wizard_get_report (self->wizard);
  gboolean complete = has_dossier && report != NULL && md_report_count (report, MD_SEVERITY_ERROR) == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_dossier && self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_dossier && self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-agreement", has_dossier);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-summary", has_dossier);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit",
                                 complete && self->busy == 0 && self->submit_flow != NULL &&
                                 md_submit_flow_can_submit (self->submit_flow));
}

static const char *
describe_integrity_warning (MdIntegrity integrity)
{
  switch (integrity)
    {
    case MD_INTEGRITY_CHANGED_OUTSIDE:
      return _("This bundle was changed outside Mobility Dossier after it was last saved: its content no longer matches its integrity checksum. Check it before you rely on it.");
    case MD_INTEGRITY_MISSING:
      return _("This bundle has no integrity checksum, so changes made outside Mobility Dossier cannot be detected. Check it before you rely on it.");
    case MD_INTEGRITY_UNCHECKED:
    case MD_INTEGRITY_INTACT:
    default:
      return NULL;
    }
}

static void
update_integrity_banner (MdWindow *self)
{
  const char *warning = NULL;

  if (self->dossier != NULL)
    warning = describe_integrity_warning (md_dossier_get_integrity (self->dossier));

  if (warning != NULL)
    gtk_label_set_label (self->changed_outside_label, warning);
  gtk_revealer_set_reveal_child (self->changed_outside_revealer, warning != NULL);
}

static void
on_dossier_state_notify (MdWindow *self)
{
  update_title (self);
  update_integrity_banner (self);
}

static MdProgrammeRegistry *
get_registry (MdWindow *self)
{
  if (self->registry == NULL)
    self->registry = md_programme_registry_new_default ();

  return self->registry;
}

static void
on_draft_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!md_draft_store_save_finish (MD_DRAFT_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not save the draft: %s", error->message);
}

static gboolean
autosave_cb (gpointer user_data)
{
  MdWindow *self = user_data;

  self->autosave_source = 0;
  if (self->dossier != NULL && md_dossier_get_modified_since_save (self->dossier))
    md_draft_store_save_async (self->drafts, self->dossier, self->cancellable, on_draft_saved, NULL);

  return G_SOURCE_REMOVE;
}

/* Every change is kept in a draft within a second, so a crash or a
 * killed session loses at most the last moment of typing. */
static void
on_dossier_changed (MdWindow *self)
{
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
set_dossier (MdWindow  *self,
             MdDossier *dossier,
             GFile     *file)
{
  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);

  g_set_object (&self->dossier, dossier);
  g_set_object (&self->file, file);
  /* Known now, so that Save asks for another file instead of failing. */
  self->read_only = file != NULL && md_safe_file_is_read_only (file);

  if (dossier != NULL)
    {
      g_signal_connect_swapped (dossier, "notify::modified-since-save",
                                G_CALLBACK (on_dossier_state_notify), self);
      g_signal_connect_swapped (dossier, "notify::integrity",
                                G_CALLBACK (on_dossier_state_notify), self);
      g_signal_connect_swapped (dossier, "changed", G_CALLBACK (on_dossier_changed), self);
      gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
    }

  /* The screens are built with the first dossier, not before the
   * first frame. */
  if (dossier != NULL && md_wizard_get_n_pages (self->wizard) == 0)
    md_add_wizard_pages (self->wizard);
  md_wizard_set_dossier (self->wizard, dossier, dossier ? get_registry (self) : NULL);
  gtk_stack_set_visible_child_name (self->stack, dossier ? "dossier" : "empty");
  update_title (self);
  update_integrity_banner (self);
  update_actions (self);
}

static void
set_busy (MdWindow *self,
          gboolean  busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  update_actions (self);
}

/* Unsaved work is never dropped without the user saying so. */
static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     MdWindow         *self)
{
  AfterConfirm next = g_object_get_data (G_OBJECT (dialog), "md-after-confirm");

  if (g_str_equal (response, "discard"))
    {
      if (self->dossier != NULL)
        md_draft_store_discard (self->drafts, self->dossier, NULL);
      next (self);
    }
}

static void
confirm_discard_then (MdWindow     *self,
                      AfterConfirm  next)
{
  GtkWidget *dialog;

  if (self->dossier == NULL || !md_dossier_get_modified_since_save (self->dossier))
    {
      next (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Unsaved Changes?"),
                                   _("The open dossier has changes that are not saved in a bundle yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "md-after-confirm", next);
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static MdProgramme *
dup_default_programme (MdWindow  *self,
                       GError   **error)
{
  MdProgrammeRegistry *registry = get_registry (self);
  g_autofree char *preferred = g_settings_get_string (self->settings, "default-programme");
  GListModel *programmes;
  MdProgramme *programme;

  if (!md_programme_registry_load (registry, error))
    return NULL;

  programme = md_programme_registry_lookup (registry, preferred, NULL);
  if (programme != NULL)
    return programme;

  programmes = md_programme_registry_get_programmes (registry);
  if (g_list_model_get_n_items (programmes) == 0)
    {
      g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_UNKNOWN,
                   _("No programme profiles are installed."));
      return NULL;
    }

  return g_list_model_get_item (programmes, 0);
}

static void
create_new_dossier (MdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgramme) programme = dup_default_programme (self, &error);
  g_autoptr(MdDossier) dossier = NULL;

  if (programme == NULL)
    {
      show_error_dialog (self, _("Cannot Create a Dossier"), error->message);
      return;
    }

  dossier = md_dossier_new (md_programme_get_id (programme), md_programme_get_call (programme));
  set_dossier (self, dossier, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  confirm_discard_then (MD_WINDOW (widget), create_new_dossier);
}

static void
on_load_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_file_finish (result, &error);
  MdWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_get_data (G_OBJECT (file), "md-window");
  set_busy (self, FALSE);

  if (dossier == NULL)
    {
      g_autofree char *name = dup_file_display_name (file);
      g_autofree char *heading = g_strdup_printf (_("Cannot Open “%s”"), name);

      show_error_dialog (self, heading, error->message);
      return;
    }

  set_dossier (self, dossier, file);
}

/**
 * md_window_open_file:
 *
 * Loads @file in a worker thread and shows it, or explains why it
 * cannot be opened. The current dossier stays until the new one loaded.
 */
void
md_window_open_file (MdWindow *self,
                     GFile    *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The window outlives its cancellable's callbacks: it cancels them in
   * dispose, so the pointer on the file is safe to use in the callback. */
  g_object_set_data (G_OBJECT (file), "md-window", self);
  set_busy (self, TRUE);
  md_bundle_load_file_async (file, self->cancellable, on_load_finished, g_object_ref (file));
}

static void
remember_folder (MdWindow *self,
                 GFile    *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

  if (uri != NULL)
    g_settings_set_string (self->settings, "last-folder", uri);
}

static void
set_chooser_folder (MdWindow       *self,
                    GtkFileChooser *chooser)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");
  g_autoptr(GFile) folder = NULL;

  if (uri[0] == '\0')
    return;

  folder = g_file_new_for_uri (uri);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
add_bundle_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) bundles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (bundles, _("Dossier Bundles"));
  gtk_file_filter_add_mime_type (bundles, MD_BUNDLE_MEDIA_TYPE);
  gtk_file_filter_add_suffix (bundles, "dossier.json");
  gtk_file_chooser_add_filter (chooser, bundles);

  gtk_file_filter_set_name (json, _("All JSON Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);
  gtk_file_chooser_set_filter (chooser, bundles);
}

static void
on_open_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          MdWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  remember_folder (self, file);
  md_window_open_file (self, file);
}

static void
show_open_chooser (MdWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Dossier Bundle"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  add_bundle_filters (GTK_FILE_CHOOSER (chooser));
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chooser_response), self);
  g_set_object (&self->chooser, GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  confirm_discard_then (MD_WINDOW (widget), show_open_chooser);
}

static void
on_save_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_file_display_name (file);
  MdWindow *self;

  if (!md_bundle_save_file_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_get_data (G_OBJECT (file), "md-window");
  set_busy (self, FALSE);

  if (error != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Save “%s”"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe previous version of the file, if any, is unchanged."),
                                               error->message);

      show_error_dialog (self, heading, body);
      return;
    }

  if (source == G_OBJECT (self->dossier))
    {
      g_set_object (&self->file, file);
      self->read_only = FALSE;
      if (!md_dossier_get_modified_since_save (self->dossier))
        md_draft_store_discard (self->drafts, self->dossier, NULL);
    }
  update_title (self);
  {
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
    show_toast (self, message);
  }
}

/**
 * md_window_save_to_file:
 *
 * Saves the open dossier to @file (atomically, in a worker thread) and
 * makes @file the dossier's file once that succeeded.
 */
void
md_window_save_to_file (MdWindow *self,
                        GFile    *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (self->dossier != NULL);

  g_object_set_data (G_OBJECT (file), "md-window", self);
  set_busy (self, TRUE);
  md_bundle_save_file_async (self->dossier, file, self->cancellable,
                             on_save_finished, g_object_ref (file));
}

static GFile *
ensure_bundle_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (basename, MD_BUNDLE_SUFFIX))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  with_suffix = g_strconcat (basename, MD_BUNDLE_SUFFIX, NULL);
  return g_file_get_child (parent, with_suffix);
}

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          MdWindow        *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);
  if (chosen == NULL || self->dossier == NULL)
    return;

  file = ensure_bundle_suffix (chosen);
  remember_folder (self, file);
  md_window_save_to_file (self, file);
}

static char *
suggest_file_name (MdDossier *dossier)
{
  g_autofree char *name = md_dossier_dup_display_name (dossier);

  if (md_dossier_get_string (dossier, "applicant.family_name") == NULL)
    return g_strconcat (_("application"), MD_BUNDLE_SUFFIX, NULL);

  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (name, MD_BUNDLE_SUFFIX, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->dossier == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the Dossier Bundle"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_bundle_filters (GTK_FILE_CHOOSER (chooser));
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  suggested = suggest_file_name (self->dossier);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chooser_response), self);
  g_set_object (&self->chooser, GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  if (self->dossier == NULL)
    return;

  if (self->file == NULL || self->read_only)
    save_as_action (widget, "win.save-as", NULL);
  else
    md_window_save_to_file (self, self->file);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  md_submit_flow_submit (self->submit_flow);
}

static void
on_quiet_save_finished (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MdWindow *self = g_task_get_source_object (task);
  GError *error = NULL;
  gboolean saved = md_bundle_save_file_finish (result, &error);

  /* Disposed meanwhile: nothing left to update. */
  if (self->cancellable == NULL)
    {
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      return;
    }

  set_busy (self, FALSE);
  if (!saved)
    {
      g_task_return_error (task, error);
      return;
    }

  if (source == G_OBJECT (self->dossier) && !md_dossier_get_modified_since_save (self->dossier))
    md_draft_store_discard (self->drafts, self->dossier, NULL);
  update_title (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * md_window_save_async:
 *
 * Saves the open dossier to its file without asking or announcing it,
 * as part of something larger such as submitting it.
 */
void
md_window_save_async (MdWindow            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MD_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_window_save_async);
  if (self->dossier == NULL || self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The dossier has not been saved to a file yet."));
      return;
    }
  if (self->read_only)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                               _("The dossier’s file is read-only. Save it under another name first."));
      return;
    }

  set_busy (self, TRUE);
  md_bundle_save_file_async (self->dossier, self->file, self->cancellable,
                             on_quiet_save_finished, g_steal_pointer (&task));
}

gboolean
md_window_save_finish (MdWindow      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * md_window_add_toast:
 * @toast: (transfer full): the toast
 */
void
md_window_add_toast (MdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_draft_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  MdWindow *self = MD_WINDOW (source);
  g_autoptr(GFile) draft = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *message = NULL;

  if (draft == NULL || self->dossier != NULL)
    return;

  info = g_file_query_info (draft, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  when = info ? g_file_info_get_modification_date_time (info) : NULL;
  when_text = when ? g_date_time_format (when, "%x %X") : g_strdup ("");
  message = g_strdup_printf (_("An application you were editing was not saved in a bundle (last change %s). Resume it?"),
                             when_text);
  gtk_label_set_label (self->draft_label, message);
  g_set_object (&self->offered_draft, draft);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
}

static void
find_draft_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *draft = md_draft_store_find_latest (task_data, cancellable, NULL);

  g_task_return_pointer (task, draft, g_object_unref);
}

/**
 * md_window_offer_draft:
 *
 * Looks for an unsaved draft in a worker thread and, if there is one,
 * offers to resume it. Nothing of this delays the first frame.
 */
void
md_window_offer_draft (MdWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_draft_found, NULL);

  g_task_set_source_tag (task, md_window_offer_draft);
  g_task_set_task_data (task, g_object_ref (self->drafts), g_object_unref);
  g_task_run_in_thread (task, find_draft_thread);
}

gboolean
md_window_is_offering_draft (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->draft_revealer);
}

static void
on_draft_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_file_finish (result, &error);

  set_busy (self, FALSE);
  if (dossier == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Cannot Resume the Draft"), error->message);
      return;
    }

  /* A draft is not the user's bundle: saving asks where to put it. */
  set_dossier (self, dossier, NULL);
  md_dossier_set_integrity (dossier, MD_INTEGRITY_INTACT);
  md_dossier_mark_unsaved (dossier);
}

static void
resume_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  if (self->offered_draft == NULL)
    return;

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  set_busy (self, TRUE);
  md_bundle_load_file_async (self->offered_draft, self->cancellable, on_draft_loaded, g_object_ref (self));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MdWindow *self = MD_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (self->offered_draft != NULL)
    g_file_delete (self->offered_draft, NULL, NULL);
  g_clear_object (&self->offered_draft);
}

static void
close_now (MdWindow *self)
{
  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);
  g_clear_object (&self->dossier);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
md_window_close_request (GtkWindow *window)
{
  MdWindow *self = MD_WINDOW (window);

  if (self->dossier != NULL && md_dossier_get_modified_since_save (self->dossier))
    {
      confirm_discard_then (self, close_now);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (md_window_parent_class)->close_request (window);
}

static void
md_window_dispose (GObject *object)
{
  MdWindow *self = (MdWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->dossier != NULL)
    g_signal_handlers_disconnect_by_data (self->dossier, self);
  /* Submissions under way outlive the window in the outbox; the flow
   * stops talking to the window now. */
  if (self->submit_flow != NULL)
    g_object_run_dispose (G_OBJECT (self->submit_flow));
  g_clear_object (&self->submit_flow);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->dossier);
  g_clear_object (&self->file);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->registry);
  g_clear_object (&self->drafts);
  g_clear_object (&self->offered_draft);
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

/* A coordinator's inbox opens in a window of its own. */
static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  md_coordinator_window_choose_folder (GTK_WINDOW (widget));
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = md_window_dispose;
  window_class->close_request = md_window_close_request;

  md_app_register_types ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, changed_outside_revealer);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, changed_outside_label);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, wizard);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, outbox_button);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.resume-draft", NULL, resume_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "win.submit", NULL, submit_action);
  md_window_export_install_actions (widget_class);
}

static void
md_window_init (MdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  self->drafts = md_draft_store_new_default ();

  self->submit_flow = md_submit_flow_new (self, self->outbox_button);
  g_signal_connect_object (self->wizard, "notify::report", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (update_actions), NULL);
  update_actions (self);
}

MdWindow *
md_window_new (GtkApplication *application)
{
  return g_object_new (MD_TYPE_WINDOW, "application", application, NULL);
}

/**
 * md_window_get_dossier:
 *
 * Returns: (transfer none) (nullable): the open dossier
 */
MdDossier *
md_window_get_dossier (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return self->dossier;
}

/**
 * md_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the open dossier is saved
 */
GFile *
md_window_get_file (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * md_window_is_read_only:
 *
 * Returns: whether the open dossier's file cannot be saved in place, so
 *   that Save asks where to save it instead
 */
gboolean
md_window_is_read_only (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), FALSE);

  return self->read_only;
}

gboolean
md_window_is_busy (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}

/**
 * md_window_get_wizard:
 *
 * Returns: (transfer none): the wizard showing the open dossier
 */
MdWizard *
md_window_get_wizard (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);

  return self->wizard;
}

/**
 * md_window_take_over:
 * @self: a new window
 * @previous: the window it replaces
 *
 * Shows what @previous shows — the dossier with its unsaved changes, its
 * file, the screen and an offered draft — so that @previous can be
 * destroyed, e.g. to build the interface again in another language.
 */
void
md_window_take_over (MdWindow *self,
                     MdWindow *previous)
{
  MdWizardPage *visible;

  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (MD_IS_WINDOW (previous));

  if (previous->dossier == NULL)
    {
      if (md_window_is_offering_draft (previous))
        md_window_offer_draft (self);
      return;
    }

  visible = md_wizard_get_visible_page (previous->wizard);
  set_dossier (self, previous->dossier, previous->file);
  for (guint i = 0; i < md_wizard_get_n_pages (previous->wizard); i++)
    if (md_wizard_get_page (previous->wizard, i) == visible)
      md_wizard_show_page (self->wizard, i);

  /* A change not yet autosaved must not be lost with @previous. */
  if (previous->autosave_source != 0)
    on_dossier_changed (self);
}
