/* md-application.c
 *
 * The application owns what all windows share: the outbox, which keeps
 * sending submissions in the background whichever window started them,
 * and the secret store that holds the endpoint's password or token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include "md-coordinator-window.h"
#include "md-language.h"
#include "md-preferences-window.h"
#include "md-window.h"

struct _MdApplication
{
  AdwApplication       parent_instance;

  GSettings           *settings;
  MdSecretStore       *secrets;
  MdOutbox            *outbox;
  MdPreferencesWindow *preferences;
  guint                resume_source;
  guint                rebuild_source;
};

G_DEFINE_FINAL_TYPE (MdApplication, md_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_OUTBOX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MdApplication *
md_application_new (void)
{
  return g_object_new (MD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/mobilitydossier/Dossier",
                       NULL);
}

static void
md_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (md_window_new (GTK_APPLICATION (app)));
      gtk_window_present (window);
      md_window_offer_draft (MD_WINDOW (window));
      return;
    }

  gtk_window_present (window);
}

static void
md_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MdWindow *window = md_window_new (GTK_APPLICATION (app));

      md_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Mobility Dossier developers", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Mobility Dossier"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Mobility Dossier developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare, check and review international learning mobility applications, offline and in your own language."),
                         "website", "https://github.com/mobilitydossier/mobility-dossier",
                         "issue-url", "https://github.com/mobilitydossier/mobility-dossier/issues",
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Mobility Dossier developers",
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autolist(GtkWindow) windows = NULL;

  /* A copy: closing a window takes it off the application's list. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));

  /* Closing each window lets it ask about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MdApplication *self = MD_APPLICATION (user_data);

  if (self->preferences == NULL)
    {
      self->preferences = md_preferences_window_new (self);
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }

  gtk_window_present (GTK_WINDOW (self->preferences));
}

/* ---- Changing the language while running ----------------------------- */

static GtkWindow *
rebuild_window (MdApplication *self,
                GtkWindow     *previous)
{
  if (MD_IS_WINDOW (previous))
    {
      MdWindow *window = md_window_new (GTK_APPLICATION (self));

      md_window_take_over (window, MD_WINDOW (previous));
      return GTK_WINDOW (window);
    }

  if (MD_IS_COORDINATOR_WINDOW (previous))
    {
      MdInbox *inbox = md_coordinator_window_get_inbox (MD_COORDINATOR_WINDOW (previous));
      MdCoordinatorWindow *window = md_coordinator_window_new (GTK_APPLICATION (self));

      /* Scores and decisions live in sidecar files, so reading the folder
       * again loses nothing. */
      if (inbox != NULL)
        md_coordinator_window_open_folder (window, md_inbox_get_folder (inbox));
      return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
any_window_busy (MdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if ((MD_IS_WINDOW (l->data) && md_window_is_busy (l->data))
        || (MD_IS_COORDINATOR_WINDOW (l->data) && md_coordinator_window_is_loading (l->data)))
      return TRUE;
  return FALSE;
}

/* Every text was looked up when its widget was built, so the windows are
 * built again around the same dossiers, files and folders. */
static gboolean
rebuild_windows_cb (gpointer user_data)
{
  MdApplication *self = MD_APPLICATION (user_data);
  g_autolist(GtkWindow) windows = NULL;
  g_autofree char *preferences_page = NULL;

  /* A save or a folder being read finishes first; it is quick. */
  if (any_window_busy (self))
    return G_SOURCE_CONTINUE;
  self->rebuild_source = 0;

  if (self->preferences != NULL)
    {
      preferences_page = g_strdup (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (self->preferences)));
      gtk_window_destroy (GTK_WINDOW (self->preferences));
    }

  /* Most recently used last, so that it ends up on top. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = rebuild_window (self, l->data);

      if (window == NULL)
        continue;
      gtk_window_present (window);
      gtk_window_destroy (l->data);
    }

  if (preferences_page != NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "preferences", NULL);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self->preferences), preferences_page);
    }
  return G_SOURCE_REMOVE;
}

static void
on_language_changed (MdApplication *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "language");

  md_language_apply (code);
  /* Not from inside the handler of the row that changed the setting:
   * its window is about to go. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add (100, rebuild_windows_cb, self);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

/* Submissions left from an earlier run go out again, after the first
 * window had its chance to draw. */
static gboolean
resume_outbox_cb (gpointer user_data)
{
  MdApplication *self = MD_APPLICATION (user_data);

  self->resume_source = 0;
  md_application_get_outbox (self);
  return G_SOURCE_REMOVE;
}

static void
md_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.open-folder", { "<Control><Shift>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  MdApplication *self = MD_APPLICATION (app);
  g_autofree char *language = NULL;

  G_APPLICATION_CLASS (md_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  language = g_settings_get_string (self->settings, "language");
  if (*language != '\0')
    md_language_apply (language);
  g_signal_connect_swapped (self->settings, "changed::language", G_CALLBACK (on_language_changed), self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  self->resume_source = g_idle_add_full (G_PRIORITY_LOW, resume_outbox_cb, app, NULL);
}

/* An upload cut short here stays queued and resumes on the next start,
 * with the same idempotency key. */
static void
md_application_shutdown (GApplication *app)
{
  MdApplication *self = MD_APPLICATION (app);

  g_clear_handle_id (&self->resume_source, g_source_remove);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->outbox != NULL)
    md_outbox_stop (self->outbox);

  G_APPLICATION_CLASS (md_application_parent_class)->shutdown (app);
}

static void
md_application_dispose (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);

  g_clear_handle_id (&self->resume_source, g_source_remove);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->preferences != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
  self->preferences = NULL;
  g_clear_object (&self->outbox);
  g_clear_object (&self->secrets);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_application_parent_class)->dispose (object);
}

static void
md_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MdApplication *self = MD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_application_class_init (MdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = md_application_dispose;
  object_class->get_property = md_application_get_property;
  app_class->shutdown = md_application_shutdown;
  app_class->activate = md_application_activate;
  app_class->open = md_application_open;
  app_class->startup = md_application_startup;

  /**
   * MdApplication:outbox: (nullable)
   *
   * The outbox once it was loaded: shortly after start, or as soon as
   * a window submits. Windows follow it without loading it themselves,
   * so that opening a window never waits for the disk.
   */
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, MD_TYPE_OUTBOX,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_application_init (MdApplication *self)
{
}

/**
 * md_application_get_secret_store:
 *
 * Returns: (transfer none): where endpoint passwords and tokens are
 *   kept: the keyring when built with libsecret
 */
MdSecretStore *
md_application_get_secret_store (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  if (self->secrets == NULL)
    self->secrets = md_secret_store_new_default ();

  return self->secrets;
}

/**
 * md_application_set_secret_store:
 *
 * Replaces the keyring, e.g. by an in-memory store in tests. Call it
 * before the outbox is first used.
 */
void
md_application_set_secret_store (MdApplication *self,
                                 MdSecretStore *secrets)
{
  g_return_if_fail (MD_IS_APPLICATION (self));
  g_return_if_fail (MD_IS_SECRET_STORE (secrets));
  g_return_if_fail (self->outbox == NULL);

  g_set_object (&self->secrets, secrets);
}

/**
 * md_application_get_outbox:
 *
 * Creates the outbox in the default folder on first use, loads the
 * entries of earlier runs and starts sending.
 *
 * Returns: (transfer none): the outbox all windows submit to
 */
MdOutbox *
md_application_get_outbox (MdApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(MdSubmitter) submitter = NULL;

  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  if (self->outbox != NULL)
    return self->outbox;

  directory = md_outbox_get_default_directory ();
  submitter = md_submitter_new ();
  self->outbox = md_outbox_new (directory, submitter, md_application_get_secret_store (self));
  if (!md_outbox_load (self->outbox, NULL, &error))
    g_message ("Outbox: could not load %s: %s", g_file_peek_path (directory), error->message);
  md_outbox_start (self->outbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
  return self->outbox;
}

/**
 * md_application_dup_endpoint:
 * @error: %MD_ENDPOINT_ERROR when the configured address is not usable
 *
 * Returns: (transfer full) (nullable): the endpoint set in Preferences;
 *   the local "sent" folder when nothing is set
 */
MdEndpoint *
md_application_dup_endpoint (MdApplication  *self,
                             GError        **error)
{
  g_autofree char *type = NULL;
  g_autofree char *address = NULL;
  g_autofree char *user = NULL;
  MdEndpointKind kind;

  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  type = g_settings_get_string (self->settings, "submission-type");
  address = g_strstrip (g_settings_get_string (self->settings, "submission-endpoint"));
  user = g_strstrip (g_settings_get_string (self->settings, "submission-user"));
  if (!md_endpoint_kind_from_string (type, &kind, error))
    return NULL;

  if (kind == MD_ENDPOINT_KIND_FOLDER && address[0] == '\0')
    return md_endpoint_new_default ();

  return md_endpoint_new (address, kind, user[0] != '\0' ? user : NULL, error);
}
