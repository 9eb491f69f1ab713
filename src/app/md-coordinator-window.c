/* md-coordinator-window.c
 *
 * The coordinator's workspace: a folder opened as an inbox, read in the
 * inbox's worker threads behind a progress bar that can be cancelled,
 * then followed as files arrive; the table of dossiers beside the
 * selected one (a leaflet: one pane at a time on a narrow screen);
 * allocating the grants; exporting and printing the result
 * (md-coordinator-window-export.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-coordinator-window-private.h"

G_DEFINE_FINAL_TYPE (MdCoordinatorWindow, md_coordinator_window, ADW_TYPE_APPLICATION_WINDOW)

void
md_coordinator_window_show_toast (MdCoordinatorWindow *self,
                                  const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static guint
count_items (MdCoordinatorWindow *self)
{
  return self->inbox ? g_list_model_get_n_items (G_LIST_MODEL (self->inbox)) : 0;
}

static void
update_actions (MdCoordinatorWindow *self)
{
  gboolean loading = md_coordinator_window_is_loading (self);
  gboolean has_items = count_items (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->inbox != NULL && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.allocate", has_items && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_items && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-summary", has_items && !loading);
}

static void
update_title (MdCoordinatorWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  guint n = count_items (self);

  if (self->inbox == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, "");
      return;
    }

  name = g_file_get_basename (md_inbox_get_folder (self->inbox));
  if (md_inbox_get_loading (self->inbox))
    subtitle = g_strdup (name);
  else
    /* Translators: a folder name, then how many dossiers it holds */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u dossier", "%s — %u dossiers", n), name, n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_content (MdCoordinatorWindow *self)
{
  const char *page = "empty";

  if (self->inbox != NULL && (md_inbox_get_loading (self->inbox) || count_items (self) > 0))
    page = "inbox";
  else if (self->inbox != NULL && md_inbox_get_monitoring (self->inbox))
    page = "no-dossiers";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  update_title (self);
  update_actions (self);
}

static void
on_inbox_items_changed (MdCoordinatorWindow *self)
{
  update_content (self);
}

/* ---- Loading a folder --------------------------------------------------- */

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MdCoordinatorWindow) self = user_data;
  MdInbox *inbox = MD_INBOX (source);
  g_autoptr(GError) error = NULL;

  md_inbox_load_finish (inbox, result, &error);
  if (inbox != self->inbox)
    return;

  g_clear_object (&self->load_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_content (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    md_coordinator_window_show_toast (self, _("Loading cancelled. Reload the folder to see its dossiers."));
  else if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The folder could not be read: %s"), error->message);

      md_coordinator_window_show_toast (self, message);
    }
}

static void
clear_inbox (MdCoordinatorWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->progress_binding);
  if (self->inbox != NULL)
    g_signal_handlers_disconnect_by_data (self->inbox, self);
  md_inbox_detail_set_item (self->detail, NULL);
  md_inbox_view_set_model (self->inbox_view, NULL);
  md_inbox_detail_set_inbox (self->detail, NULL);
  g_clear_object (&self->inbox);
}

/**
 * md_coordinator_window_open_folder:
 * @folder: a local folder of dossier bundles
 *
 * Shows @folder as an inbox: reads it in the background, with progress,
 * and follows it afterwards. A new allocation starts with it.
 */
void
md_coordinator_window_open_folder (MdCoordinatorWindow *self,
                                   GFile               *folder)
{
  g_return_if_fail (MD_IS_COORDINATOR_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  clear_inbox (self);
  g_clear_object (&self->allocation);
  self->allocation = md_allocation_new ();
  md_inbox_view_set_allocation (self->inbox_view, self->allocation);

  self->inbox = md_inbox_new (folder, self->registry);
  self->load_cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->inbox, "items-changed", G_CALLBACK (on_inbox_items_changed), self);
  g_signal_connect_swapped (self->inbox, "notify::monitoring", G_CALLBACK (update_content), self);
  self->progress_binding = g_object_ref (g_object_bind_property (self->inbox, "progress",
                                                                 self->progress_bar, "fraction",
                                                                 G_BINDING_SYNC_CREATE));
  md_inbox_view_set_model (self->inbox_view, G_LIST_MODEL (self->inbox));
  md_inbox_detail_set_inbox (self->detail, self->inbox);

  md_inbox_load_async (self->inbox, self->load_cancellable, load_cb, g_object_ref (self));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  update_content (self);
}

static GtkNativeDialog *
create_folder_chooser (GtkWindow *parent)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Folder as Inbox"), parent,
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return GTK_NATIVE_DIALOG (chooser);
}

static void
on_new_window_folder_chosen (GtkNativeDialog *chooser,
                             int              response,
                             GtkApplication  *application)
{
  g_autoptr(GtkNativeDialog) owned = chooser;
  g_autoptr(GFile) folder = NULL;
  MdCoordinatorWindow *window;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  window = md_coordinator_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  md_coordinator_window_open_folder (window, folder);
}

/**
 * md_coordinator_window_choose_folder:
 * @parent: the window asking
 *
 * Asks for a folder and opens it as an inbox in a new coordinator
 * window of @parent's application.
 */
void
md_coordinator_window_choose_folder (GtkWindow *parent)
{
  GtkNativeDialog *chooser;
  GtkApplication *application;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  /* The response handler owns the chooser; the application outlives it. */
  chooser = create_folder_chooser (parent);
  application = gtk_window_get_application (parent);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_window_folder_chosen), application);
  gtk_native_dialog_show (chooser);
}

static void
on_folder_chosen (MdCoordinatorWindow *self,
                  int                  response)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    md_coordinator_window_open_folder (self, folder);
}

/* ---- Actions ------------------------------------------------------------ */

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = create_folder_chooser (GTK_WINDOW (self));
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (self->chooser);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);
  g_autoptr(GFile) folder = g_object_ref (md_inbox_get_folder (self->inbox));

  md_coordinator_window_open_folder (self, folder);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
allocate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  md_coordinator_window_allocate (MD_COORDINATOR_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  md_coordinator_window_show_toast (MD_COORDINATOR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* ---- List and detail ---------------------------------------------------- */

static void
show_detail (MdCoordinatorWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

/* On a narrow screen a tap on a row opens its detail; moving through
 * the list with the keyboard does not, Enter does (on_row_activated). */
static void
on_selected_item_changed (MdCoordinatorWindow *self)
{
  MdInboxItem *item = md_inbox_view_get_selected_item (self->inbox_view);

  md_inbox_detail_set_item (self->detail, item);
  if (item != NULL && !gtk_window_get_focus_visible (GTK_WINDOW (self)))
    show_detail (self);
}

static void
on_row_activated (MdCoordinatorWindow *self,
                  guint                position)
{
  if (md_inbox_view_get_selected_item (self->inbox_view) != NULL)
    show_detail (self);
}

static void
on_review_saved (MdCoordinatorWindow *self,
                 MdInboxItem         *item)
{
  g_autofree char *message = NULL;

  md_inbox_view_refresh (self->inbox_view);
  /* Translators: %s is the applicant's name */
  message = g_strdup_printf (_("Review of %s saved"), md_inbox_item_get_applicant (item));
  md_coordinator_window_show_toast (self, message);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdCoordinatorWindow *self = MD_COORDINATOR_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (md_inbox_view_get_search_entry (self->inbox_view)));
}

/* On a phone the title needs the room ("Allocate Grants" stays in the
 * menu) and the table shows its essential columns only. */
static void
on_folded_changed (MdCoordinatorWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->allocate_button, !folded);
  md_inbox_view_set_compact (self->inbox_view, folded);
}

/* ---- GObject ------------------------------------------------------------ */

static void
md_coordinator_window_dispose (GObject *object)
{
  MdCoordinatorWindow *self = (MdCoordinatorWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->inbox_view != NULL)
    clear_inbox (self);
  g_clear_object (&self->allocation);
  g_clear_object (&self->registry);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
    }
  g_clear_object (&self->chooser);

  /* The switchers follow a stack that goes away with the detail. */
  if (self->switcher_title != NULL)
    {
      adw_view_switcher_title_set_stack (self->switcher_title, NULL);
      adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_COORDINATOR_WINDOW);

  G_OBJECT_CLASS (md_coordinator_window_parent_class)->dispose (object);
}

static void
md_coordinator_window_class_init (MdCoordinatorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_coordinator_window_dispose;

  g_type_ensure (MD_TYPE_INBOX_VIEW);
  g_type_ensure (MD_TYPE_INBOX_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mobilitydossier/Dossier/md-coordinator-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, allocate_button);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, inbox_view);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MdCoordinatorWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.allocate", NULL, allocate_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, md_coordinator_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print-summary", NULL, md_coordinator_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-load", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

static void
md_coordinator_window_init (MdCoordinatorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->registry = md_programme_registry_new_default ();
  self->cancellable = g_cancellable_new ();
  self->allocation = md_allocation_new ();
  md_inbox_view_set_allocation (self->inbox_view, self->allocation);
  adw_view_switcher_title_set_stack (self->switcher_title, md_inbox_detail_get_view_stack (self->detail));
  adw_view_switcher_bar_set_stack (self->switcher_bar, md_inbox_detail_get_view_stack (self->detail));

  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  on_folded_changed (self);
  g_signal_connect_swapped (self->inbox_view, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed), self);
  g_signal_connect_swapped (md_inbox_view_get_column_view (self->inbox_view), "activate",
                            G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (md_inbox_detail_get_review_editor (self->detail), "saved",
                            G_CALLBACK (on_review_saved), self);
  update_content (self);
}

MdCoordinatorWindow *
md_coordinator_window_new (GtkApplication *application)
{
  return g_object_new (MD_TYPE_COORDINATOR_WINDOW, "application", application, NULL);
}

gboolean
md_coordinator_window_is_loading (MdCoordinatorWindow *self)
{
  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

/**
 * md_coordinator_window_get_inbox:
 *
 * Returns: (transfer none) (nullable): the open inbox
 */
MdInbox *
md_coordinator_window_get_inbox (MdCoordinatorWindow *self)
{
  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), NULL);

  return self->inbox;
}

/**
 * md_coordinator_window_get_allocation:
 *
 * Returns: (transfer none): the last allocation (empty before one ran)
 */
MdAllocation *
md_coordinator_window_get_allocation (MdCoordinatorWindow *self)
{
  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), NULL);

  return self->allocation;
}

MdInboxView *
md_coordinator_window_get_view (MdCoordinatorWindow *self)
{
  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), NULL);

  return self->inbox_view;
}

MdInboxDetail *
md_coordinator_window_get_detail (MdCoordinatorWindow *self)
{
  g_return_val_if_fail (MD_IS_COORDINATOR_WINDOW (self), NULL);

  return self->detail;
}

/* The distinct programmes of the inbox's readable dossiers. */
static GPtrArray *
collect_programmes (MdCoordinatorWindow *self)
{
  GPtrArray *programmes = g_ptr_array_new ();

  for (guint i = 0; i < count_items (self); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->inbox), i);
      MdProgramme *programme = md_inbox_lookup_programme (self->inbox, md_inbox_item_get_programme_id (item));

      if (programme != NULL && !g_ptr_array_find (programmes, programme, NULL))
        g_ptr_array_add (programmes, programme);
    }

  return programmes;
}

static guint
count_outcome (MdCoordinatorWindow *self,
               GPtrArray           *programmes,
               MdOutcome            outcome)
{
  guint n = 0;

  for (guint i = 0; i < programmes->len; i++)
    n += md_allocation_count (self->allocation, programmes->pdata[i], NULL, outcome);

  return n;
}

/**
 * md_coordinator_window_allocate:
 *
 * Ranks the dossiers of every programme in the inbox and shares out
 * each programme's grants by its quotas; each row then shows its
 * outcome and why.
 */
void
md_coordinator_window_allocate (MdCoordinatorWindow *self)
{
  g_autoptr(GPtrArray) programmes = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *message = NULL;
  guint n_selected, n_reserve;

  g_return_if_fail (MD_IS_COORDINATOR_WINDOW (self));

  if (self->inbox == NULL)
    return;

  programmes = collect_programmes (self);
  for (guint i = 0; i < programmes->len; i++)
    md_allocation_run (self->allocation, programmes->pdata[i], G_LIST_MODEL (self->inbox));
  md_inbox_view_refresh (self->inbox_view);

  n_selected = count_outcome (self, programmes, MD_OUTCOME_SELECTED);
  n_reserve = count_outcome (self, programmes, MD_OUTCOME_RESERVE);
  selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n_selected), n_selected);
  /* Translators: "Grants allocated: 3 selected, 2 on the reserve list" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Grants allocated: %s, %u on the reserve list",
                                          "Grants allocated: %s, %u on the reserve list", n_reserve),
                             selected, n_reserve);
  md_coordinator_window_show_toast (self, message);
}
