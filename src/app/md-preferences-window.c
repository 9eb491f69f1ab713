/* md-preferences-window.c
 *
 * Where submitted dossiers go. The address, its type and the user name
 * are settings; the token or password is not: it goes to the secret
 * store (the keyring), named by the normalised address and user name,
 * exactly as the outbox looks it up. The address is checked as it is
 * typed with the same rules the submission uses (md_endpoint_new), so
 * a refused address is explained here before a submission fails on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-field-widget.h"
#include "md-language.h"
#include "md-memory-secret-store.h"
#include "md-preferences-window.h"

/* Look the secret up once typing paused, not on every key. */
#define LOOKUP_DELAY_MS 300

struct _MdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *language_row;
  AdwComboRow          *type_row;
  AdwEntryRow          *address_row;
  GtkWidget            *choose_folder_button;
  GtkLabel             *address_problem;
  GtkLabel             *address_info;
  GtkWidget            *credentials_group;
  AdwEntryRow          *user_row;
  AdwEntryRow          *secret_row;
  GtkLabel             *secret_status;

  GSettings            *settings;
  GCancellable         *lookup;
  guint                 lookup_source;
  GtkNativeDialog      *chooser;
  char                 *problem;
};

G_DEFINE_FINAL_TYPE (MdPreferencesWindow, md_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Parallel to the type row's labels. */
static const char * const type_values[] = { "folder", "http", "webdav" };

static gboolean
type_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *type = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (type_values); i++)
    if (g_str_equal (type, type_values[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
selected_to_type (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (type_values))
    return NULL;

  return g_variant_new_string (type_values[selected]);
}

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, md_language_index_of (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_string (md_language_code_at (g_value_get_uint (value)));
}

/* libadwaita 1.2 leaves the search of a preferences window unnamed, and
 * screen readers read out "GtkSearchEntry" and "GtkListBox". Our groups
 * all have titles, which name their lists; the results are in the one
 * group without. */
static void
name_search_parts (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *group = gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_GROUP);
      const char *title = group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;

      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search Preferences"), -1);
      else if (GTK_IS_LIST_BOX (child) && (title == NULL || *title == '\0'))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search Results"), -1);
      name_search_parts (child);
    }
}

static void
setup_language_row (MdPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < md_language_count (); i++)
    {
      g_autofree char *name = md_language_dup_name (i);

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  g_settings_bind_with_mapping (self->settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_selected, selected_to_language, NULL, NULL);
}

static MdApplication *
get_application (MdPreferencesWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return MD_IS_APPLICATION (application) ? MD_APPLICATION (application) : NULL;
}

static gboolean
is_folder_type (MdPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected < G_N_ELEMENTS (type_values) && g_str_equal (type_values[selected], "folder");
}

static MdEndpoint *
dup_endpoint (MdPreferencesWindow  *self,
              GError              **error)
{
  MdApplication *application = get_application (self);

  if (application == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Preferences are not available without the application."));
      return NULL;
    }

  return md_application_dup_endpoint (application, error);
}

/* The problem goes under the field and to screen readers with it. */
static void
show_problem (MdPreferencesWindow *self,
              const char          *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);

  gtk_label_set_label (self->address_problem, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->address_problem), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");

  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->address_row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->address_row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_folder (MdPreferencesWindow *self,
             MdEndpoint          *endpoint)
{
  g_autofree char *folder = NULL;
  g_autofree char *info = NULL;

  if (endpoint == NULL || md_endpoint_get_kind (endpoint) != MD_ENDPOINT_KIND_FOLDER)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->address_info), FALSE);
      return;
    }

  folder = md_endpoint_dup_display_name (endpoint);
  info = g_strdup_printf (_("Submitted dossiers are placed in %s. Your coordinator opens this folder, or a sync client carries it further. Leave the address empty to use this folder."),
                          folder);
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->address_row)), ""))
    {
      g_free (info);
      info = g_strdup_printf (_("Submitted dossiers are placed in %s."), folder);
    }
  gtk_label_set_label (self->address_info, info);
  gtk_widget_set_visible (GTK_WIDGET (self->address_info), TRUE);
}

static const char *
describe_kept_secret (MdPreferencesWindow *self,
                      gboolean             kept)
{
  MdApplication *application = get_application (self);
  gboolean in_memory = application != NULL &&
                       MD_IS_MEMORY_SECRET_STORE (md_application_get_secret_store (application));

  if (!kept)
    return _("No token or password is kept for this address.");

  return in_memory ? _("A token or password for this address is kept until Mobility Dossier quits.")
                   : _("A token or password for this address is kept in the keyring.");
}

/* No reference is held while the keyring looks: a closed window must
 * go at once, while the window it is transient for still exists.
 * dispose cancels the lookup, so @self is only used when not cancelled. */
static void
on_secret_looked_up (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  MdPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = md_secret_store_lookup_finish (MD_SECRET_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The keyring cannot be read: %s"), error->message);

      gtk_label_set_label (self->secret_status, text);
      return;
    }

  gtk_label_set_label (self->secret_status, describe_kept_secret (self, secret != NULL));
}

static gboolean
look_up_secret_cb (gpointer user_data)
{
  MdPreferencesWindow *self = user_data;
  g_autoptr(MdEndpoint) endpoint = dup_endpoint (self, NULL);
  MdApplication *application = get_application (self);

  self->lookup_source = 0;
  if (endpoint == NULL || application == NULL || md_endpoint_get_kind (endpoint) == MD_ENDPOINT_KIND_FOLDER)
    {
      gtk_label_set_label (self->secret_status, "");
      return G_SOURCE_REMOVE;
    }

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  self->lookup = g_cancellable_new ();
  md_secret_store_lookup_async (md_application_get_secret_store (application),
                                md_endpoint_get_uri (endpoint), md_endpoint_get_user (endpoint),
                                self->lookup, on_secret_looked_up, self);
  return G_SOURCE_REMOVE;
}

static void
refresh (MdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = dup_endpoint (self, &error);
  gboolean folder = is_folder_type (self);

  show_problem (self, endpoint == NULL ? error->message : NULL);
  show_folder (self, endpoint);
  gtk_widget_set_visible (self->choose_folder_button, folder);
  gtk_widget_set_visible (self->credentials_group, !folder);
  gtk_widget_set_sensitive (GTK_WIDGET (self->secret_row), endpoint != NULL);

  g_clear_handle_id (&self->lookup_source, g_source_remove);
  self->lookup_source = g_timeout_add (LOOKUP_DELAY_MS, look_up_secret_cb, self);
}

static void
on_setting_changed (MdPreferencesWindow *self,
                    const char          *key)
{
  if (g_str_has_prefix (key, "submission-"))
    refresh (self);
}

static void
show_toast (MdPreferencesWindow *self,
            const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* Entries that stopped for want of credentials go again at once. */
static void
retry_waiting_for (MdPreferencesWindow *self,
                   MdEndpoint          *endpoint)
{
  MdApplication *application = get_application (self);
  MdOutbox *outbox;
  g_autoptr(GObject) outbox_object = NULL;

  if (application == NULL)
    return;

  g_object_get (application, "outbox", &outbox_object, NULL);
  if (outbox_object == NULL)
    return;

  outbox = MD_OUTBOX (outbox_object);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (outbox)); i++)
    {
      g_autoptr(MdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (outbox), i);
      g_autoptr(GError) error = NULL;

      if (md_outbox_entry_get_needs_credentials (entry) &&
          md_endpoint_equal (md_outbox_entry_get_endpoint (entry), endpoint) &&
          !md_outbox_retry (outbox, entry, &error))
        g_message ("Outbox: cannot retry %s: %s", md_outbox_entry_get_id (entry), error->message);
    }
}

/* The window may be closed before the keyring answers. */
typedef struct
{
  MdPreferencesWindow *self;
  MdEndpoint          *endpoint;
  gboolean             forget;
} StoreJob;

static void
store_job_free (StoreJob *job)
{
  if (job->self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->self), (gpointer *) &job->self);
  g_clear_object (&job->endpoint);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreJob, store_job_free)

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StoreJob) job = user_data;
  g_autoptr(GError) error = NULL;
  MdPreferencesWindow *self = job->self;

  if (!md_secret_store_store_finish (MD_SECRET_STORE (source), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The token or password could not be kept: %s"), error->message);

      if (self != NULL)
        show_toast (self, text);
      return;
    }

  if (self == NULL)
    return;

  show_toast (self, job->forget ? _("Token or password forgotten") : _("Token or password saved"));
  gtk_label_set_label (self->secret_status, describe_kept_secret (self, !job->forget));
  if (!job->forget)
    retry_waiting_for (self, job->endpoint);
}

static void
on_secret_apply (MdPreferencesWindow *self)
{
  MdApplication *application = get_application (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = dup_endpoint (self, &error);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  StoreJob *job;

  if (endpoint == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  job = g_new0 (StoreJob, 1);
  job->self = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &job->self);
  job->endpoint = g_steal_pointer (&endpoint);
  job->forget = secret[0] == '\0';
  md_secret_store_store_async (md_application_get_secret_store (application),
                               md_endpoint_get_uri (job->endpoint), md_endpoint_get_user (job->endpoint),
                               job->forget ? NULL : secret, NULL, on_secret_stored, job);
}

static void
on_folder_chosen (GtkNativeDialog     *chooser,
                  int                  response,
                  MdPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (folder != NULL && g_file_peek_path (folder) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->address_row), g_file_peek_path (folder));
}

static void
on_choose_folder_clicked (MdPreferencesWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose Where to Place Submitted Dossiers"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  g_set_object (&self->chooser, GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
md_preferences_window_constructed (GObject *object)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (md_preferences_window_parent_class)->constructed (object);

  refresh (self);
}

static void
md_preferences_window_dispose (GObject *object)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  g_clear_handle_id (&self->lookup_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->problem, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (md_preferences_window_parent_class)->dispose (object);
}

static void
md_preferences_window_class_init (MdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = md_preferences_window_constructed;
  object_class->dispose = md_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mobilitydossier/Dossier/md-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, type_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, choose_folder_button);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, address_problem);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, address_info);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, secret_status);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_apply);
}

static void
md_preferences_window_init (MdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  setup_language_row (self);
  md_field_name_row_parts (GTK_WIDGET (self->language_row));
  md_field_name_row_parts (GTK_WIDGET (self->type_row));
  name_search_parts (GTK_WIDGET (self));
  g_settings_bind_with_mapping (self->settings, "submission-type", self->type_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, type_to_selected, selected_to_type, NULL, NULL);
  g_settings_bind (self->settings, "submission-endpoint", self->address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "submission-user", self->user_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (on_setting_changed), self);
  /* The endpoint and the keyring come with the application, which is
   * set after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (refresh), NULL);
}

/**
 * md_preferences_window_new:
 *
 * Returns: (transfer full): the preferences, transient for the active
 *   window of @application
 */
MdPreferencesWindow *
md_preferences_window_new (MdApplication *application)
{
  g_return_val_if_fail (MD_IS_APPLICATION (application), NULL);

  return g_object_new (MD_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       "transient-for", gtk_application_get_active_window (GTK_APPLICATION (application)),
                       NULL);
}

/**
 * md_preferences_window_get_address_problem:
 *
 * Returns: (nullable): why the address cannot be used, as shown under it
 */
const char *
md_preferences_window_get_address_problem (MdPreferencesWindow *self)
{
  g_return_val_if_fail (MD_IS_PREFERENCES_WINDOW (self), NULL);

  return self->problem;
}
