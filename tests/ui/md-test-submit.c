/* md-test-submit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-outbox.h"
#include "md-test-submit.h"
#include "md-test-util.h"
#include "md-window.h"

/* The first visible toplevel of @type: closed dialogs linger a moment. */
gpointer
md_test_find_visible_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

gboolean
md_test_message_dialog_shown (gpointer data)
{
  return md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The entry of this dossier for this endpoint, if any. */
MdOutboxEntry *
md_test_find_outbox_entry (MdApplication *app,
                           const char    *dossier_id,
                           const char    *uri)
{
  GListModel *outbox = G_LIST_MODEL (md_application_get_outbox (app));

  for (guint i = 0; i < g_list_model_get_n_items (outbox); i++)
    {
      g_autoptr(MdOutboxEntry) entry = g_list_model_get_item (outbox, i);

      if (g_str_equal (md_outbox_entry_get_dossier_id (entry), dossier_id) &&
          g_str_equal (md_endpoint_get_uri (md_outbox_entry_get_endpoint (entry)), uri))
        return entry;
    }

  return NULL;
}

typedef struct
{
  MdApplication *app;
  const char    *dossier_id;
  const char    *uri;
  MdOutboxState  state;
} Awaited;

static gboolean
entry_reached (gpointer data)
{
  Awaited *awaited = data;
  MdOutboxEntry *entry = md_test_find_outbox_entry (awaited->app, awaited->dossier_id, awaited->uri);

  return entry != NULL && md_outbox_entry_get_state (entry) == awaited->state;
}

MdOutboxEntry *
md_test_wait_for_outbox_entry (MdApplication *app,
                               const char    *dossier_id,
                               const char    *uri,
                               MdOutboxState  state,
                               gint64         limit_us)
{
  Awaited awaited = { app, dossier_id, uri, state };

  md_test_wait_until (entry_reached, &awaited, limit_us);
  return md_test_find_outbox_entry (app, dossier_id, uri);
}

gboolean
md_test_receipt_saved (gpointer data)
{
  MdWindow *window = data;
  MdDossier *dossier = md_window_get_dossier (window);

  return md_dossier_get_length (dossier, "submissions") == 1 &&
         !md_dossier_get_modified_since_save (dossier) && !md_window_is_busy (window);
}

static gboolean
is_type_row (GtkWidget     *widget,
             gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), _("_Type")) == 0;
}

/* The submission type, not the first combo row: that is the language. */
AdwComboRow *
md_test_find_submission_type_row (MdPreferencesWindow *preferences)
{
  GtkWidget *row = md_test_find_widget (GTK_WIDGET (preferences), is_type_row, NULL);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

MdPreferencesWindow *
md_test_open_preferences (MdApplication *app)
{
  MdPreferencesWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = md_test_find_visible_toplevel (MD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  return preferences;
}
