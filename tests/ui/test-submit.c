/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submitting from the real application and window: Preferences set the
 * endpoint and keep the token, win.submit saves the bundle, queues it
 * in the application's outbox and records the receipt; the scripted
 * intake of tests/integration plays the server on 127.0.0.1. Also the
 * default local folder, an insecure address, a dossier with problems,
 * refused credentials mended in Preferences, a refusal, and a
 * transient failure retried from the outbox popover.
 *
 * WebDAV through the wizard is tested against a real nginx in
 * tests/ui/test-submit-webdav.c.
 *
 * No English text is compared, so that it runs in every language.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-application.h"
#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-outbox-button.h"
#include "md-preferences-window.h"
#include "md-test-intake.h"
#include "md-test-screenshot.h"
#include "md-test-submit.h"
#include "md-test-util.h"
#include "md-window.h"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)
#define TOKEN "s3cret-token"

static MdApplication *app;
static MdMemorySecretStore *secrets;

static GtkWidget *
find_submit_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.submit") == 0)
        return child;
      found = find_submit_button (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
close_message_dialog (void)
{
  AdwMessageDialog *dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  md_test_iterate_for (50);
}

static gboolean
window_is_ready (gpointer data)
{
  return md_window_get_dossier (data) != NULL && !md_window_is_busy (data);
}

static MdOutbox *
get_outbox (void)
{
  return md_application_get_outbox (app);
}

static void
set_endpoint (const char *type,
              const char *address)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "submission-type", type);
  g_settings_set_string (settings, "submission-endpoint", address);
  g_settings_set_string (settings, "submission-user", "");
}

/* A copy of the complete sample in a folder of its own, opened in a
 * window of the application, checked as if today were 2026-03-01:
 * the sample's call has closed since. */
static MdWindow *
open_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-submit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ana.dossier.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bench-sms.dossier.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GDate *date = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  gsize length;
  MdWindow *window;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  window = md_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  md_wizard_set_reference_date (md_window_get_wizard (window), date);
  g_date_free (date);
  gtk_window_present (GTK_WINDOW (window));
  md_window_open_file (window, file);
  md_test_wait_until (window_is_ready, window, WAIT_LIMIT_US);
  md_wizard_validate_now (md_window_get_wizard (window));
  return window;
}

static void
close_window (MdWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  md_test_iterate_for (50);
}

static gboolean
submit_is_enabled (MdWindow *window)
{
  GtkWidget *button = find_submit_button (GTK_WIDGET (window));

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ENTRY_ROW (child);
      found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Types the address and the token as a user would, and applies the
 * token; returns once it is kept. */
static void
configure_http (const char *url,
                const char *token)
{
  MdPreferencesWindow *preferences = md_test_open_preferences (app);
  AdwComboRow *type_row = md_test_find_submission_type_row (preferences);
  AdwEntryRow *address_row = find_entry_row (GTK_WIDGET (preferences), _("_Address"));
  AdwEntryRow *secret_row = find_entry_row (GTK_WIDGET (preferences), _("To_ken or Password"));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *type = NULL;

  g_assert_nonnull (type_row);
  g_assert_nonnull (address_row);
  g_assert_nonnull (secret_row);
  adw_combo_row_set_selected (type_row, 1);
  gtk_editable_set_text (GTK_EDITABLE (address_row), url);
  type = g_settings_get_string (settings, "submission-type");
  g_assert_cmpstr (type, ==, "http");
  g_assert_null (md_preferences_window_get_address_problem (preferences));

  gtk_editable_set_text (GTK_EDITABLE (secret_row), token);
  g_signal_emit_by_name (secret_row, "apply");
  while (g_strcmp0 (md_memory_secret_store_get (secrets, url, NULL), token) != 0)
    g_main_context_iteration (NULL, TRUE);

  /* The secret never reaches the settings. */
  for (guint i = 0; i < 3; i++)
    {
      const char *keys[] = { "submission-type", "submission-endpoint", "submission-user" };
      g_autofree char *value = g_settings_get_string (settings, keys[i]);

      g_assert_null (strstr (value, token));
    }
  md_test_save_screenshot (GTK_WIDGET (preferences), "preferences-http");
  gtk_window_destroy (GTK_WINDOW (preferences));
  md_test_iterate_for (50);
}

static void
show_outbox (MdWindow   *window,
             const char *screenshot)
{
  MdOutboxButton *button = MD_OUTBOX_BUTTON (md_test_find_descendant (GTK_WIDGET (window), MD_TYPE_OUTBOX_BUTTON));
  GtkWidget *list;
  guint rows = 0;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  list = md_outbox_button_get_list (button);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, g_list_model_get_n_items (G_LIST_MODEL (get_outbox ())));

  gtk_popover_popup (GTK_POPOVER (md_outbox_button_get_popover (button)));
  md_test_save_screenshot (md_outbox_button_get_popover (button), screenshot);
  gtk_popover_popdown (GTK_POPOVER (md_outbox_button_get_popover (button)));
}

static void
test_submit_http (void)
{
  g_autoptr(MdTestIntake) intake = md_test_intake_new ();
  g_autofree char *url = md_test_intake_dup_url (intake);
  g_autofree char *authorization = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(MdDossier) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dossier_id = NULL;
  MdOutboxEntry *entry;
  MdWindow *window;
  MdWizard *wizard;
  MdDossier *dossier;

  md_test_intake_require_token (intake, TOKEN);
  configure_http (url, TOKEN);

  window = open_sample ();
  dossier = md_window_get_dossier (window);
  dossier_id = g_strdup (md_dossier_get_id (dossier));
  g_assert_true (submit_is_enabled (window));
  g_assert_cmpuint (md_dossier_get_length (dossier, "submissions"), ==, 0);
  expected = md_bundle_serialize (dossier);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);

  /* One copy, byte for byte the bundle, sent with the kept token. */
  g_assert_cmpuint (md_test_intake_count_copies (intake, md_outbox_entry_get_idempotency_key (entry)), ==, 1);
  stored = md_test_intake_dup_copy (intake, md_outbox_entry_get_idempotency_key (entry));
  g_assert_true (g_bytes_equal (stored, expected));
  g_assert_cmpuint (md_test_intake_get_n_requests (intake), ==, 1);
  authorization = md_test_intake_dup_header (intake, 0, "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);

  /* The receipt is in the open dossier and in its file. */
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].endpoint"), ==, url);
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].receipt.receipt_id"), ==, "R-1");
  saved = md_bundle_load_file (md_window_get_file (window), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (md_dossier_get_length (saved, "submissions"), ==, 1);
  g_assert_cmpstr (md_dossier_get_string (saved, "submissions[0].receipt.receipt_id"), ==, "R-1");

  show_outbox (window, "outbox-sent");
  wizard = md_window_get_wizard (window);
  md_wizard_show_page (wizard, md_wizard_get_n_pages (wizard) - 1);
  md_test_save_screenshot (GTK_WIDGET (window), "window-submitted");
  close_window (window);
}

static void
test_submit_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), APP_ID, "sent", NULL);
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder_uri = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *dossier_id = NULL;
  MdPreferencesWindow *preferences;
  MdWindow *window;
  MdDossier *dossier;
  gsize length;

  set_endpoint ("folder", "");
  preferences = md_test_open_preferences (app);
  g_assert_null (md_preferences_window_get_address_problem (preferences));
  md_test_save_screenshot (GTK_WIDGET (preferences), "preferences-folder");
  gtk_window_destroy (GTK_WINDOW (preferences));

  window = open_sample ();
  dossier = md_window_get_dossier (window);
  dossier_id = g_strdup (md_dossier_get_id (dossier));
  expected = md_bundle_serialize (dossier);
  folder_uri = g_file_get_uri (folder_file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  md_test_wait_for_outbox_entry (app, dossier_id, folder_uri, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);

  target = g_strdup_printf ("%s/%s.json", folder, dossier_id);
  g_file_get_contents (target, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].endpoint"), ==, folder_uri);
  close_window (window);
}

static void
test_insecure_endpoint (void)
{
  g_autoptr(GError) expected = NULL;
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new ("http://example.org", MD_ENDPOINT_KIND_HTTP, NULL, &expected);
  MdPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (get_outbox ()));
  MdWindow *window;

  g_assert_null (endpoint);
  g_assert_error (expected, MD_ENDPOINT_ERROR, MD_ENDPOINT_ERROR_INSECURE);

  set_endpoint ("http", "http://example.org");
  preferences = md_test_open_preferences (app);
  g_assert_cmpstr (md_preferences_window_get_address_problem (preferences), ==, expected->message);
  md_test_save_screenshot (GTK_WIDGET (preferences), "preferences-insecure");
  gtk_window_destroy (GTK_WINDOW (preferences));

  window = open_sample ();
  g_assert_true (submit_is_enabled (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  md_test_wait_until (md_test_message_dialog_shown, NULL, WAIT_LIMIT_US);
  dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  g_assert_true (adw_message_dialog_has_response (dialog, "preferences"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_outbox ())), ==, before);
  close_message_dialog ();
  close_window (window);
}

static void
test_disabled_with_problems (void)
{
  MdWindow *window = open_sample ();
  GtkWidget *button = find_submit_button (GTK_WIDGET (window));
  guint before = g_list_model_get_n_items (G_LIST_MODEL (get_outbox ()));

  set_endpoint ("folder", "");
  g_assert_true (submit_is_enabled (window));
  md_dossier_set_string (md_window_get_dossier (window), "applicant.email", "not an address", NULL);
  md_wizard_validate_now (md_window_get_wizard (window));
  g_assert_false (submit_is_enabled (window));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, _("Fix the problems listed above first."));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL);
  md_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_outbox ())), ==, before);

  md_dossier_set_string (md_window_get_dossier (window), "applicant.email", "ana@example.org", NULL);
  md_wizard_validate_now (md_window_get_wizard (window));
  g_assert_true (submit_is_enabled (window));
  close_window (window);
}

/* The endpoint refuses: the dialog offers Preferences, and a token
 * applied there sends the stopped entry again. */
static void
test_credentials_then_preferences (void)
{
  g_autoptr(MdTestIntake) intake = md_test_intake_new ();
  g_autofree char *url = md_test_intake_dup_url (intake);
  g_autofree char *dossier_id = NULL;
  MdPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  AdwEntryRow *secret_row;
  MdOutboxEntry *entry;
  MdWindow *window;

  md_test_intake_require_token (intake, "other-token");
  set_endpoint ("http", url);
  window = open_sample ();
  dossier_id = g_strdup (md_dossier_get_id (md_window_get_dossier (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_FAILED, WAIT_LIMIT_US);
  g_assert_true (md_outbox_entry_get_needs_credentials (entry));
  md_test_wait_until (md_test_message_dialog_shown, NULL, WAIT_LIMIT_US);
  dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, md_outbox_entry_get_error (entry)->message);
  g_assert_true (adw_message_dialog_has_response (dialog, "preferences"));
  show_outbox (window, "outbox-failed");

  adw_message_dialog_response (dialog, "preferences");
  md_test_iterate_for (50);
  if (md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    close_message_dialog ();
  preferences = md_test_find_visible_toplevel (MD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  secret_row = find_entry_row (GTK_WIDGET (preferences), _("To_ken or Password"));
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "other-token");
  g_signal_emit_by_name (secret_row, "apply");

  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);
  g_assert_cmpuint (md_test_intake_count_copies (intake, md_outbox_entry_get_idempotency_key (entry)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (preferences));
  close_window (window);
}

static void
test_refused (void)
{
  g_autoptr(MdTestIntake) intake = md_test_intake_new ();
  g_autofree char *url = md_test_intake_dup_url (intake);
  g_autofree char *dossier_id = NULL;
  AdwMessageDialog *dialog;
  MdWindow *window;

  md_test_intake_push (intake, MD_TEST_ACTION_PROBLEM, NULL);
  set_endpoint ("http", url);
  window = open_sample ();
  dossier_id = g_strdup (md_dossier_get_id (md_window_get_dossier (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_FAILED, WAIT_LIMIT_US);
  md_test_wait_until (md_test_message_dialog_shown, NULL, WAIT_LIMIT_US);
  dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* The server's own words reach the user. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), MD_TEST_PROBLEM_TITLE));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), MD_TEST_PROBLEM_DETAIL));
  g_assert_false (adw_message_dialog_has_response (dialog, "preferences"));
  close_message_dialog ();
  close_window (window);
}

static GtkWidget *
find_row_button (GtkWidget  *root,
                 const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      found = find_row_button (child, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_row (MdOutboxButton *button,
          MdOutboxEntry  *entry)
{
  GListModel *outbox = G_LIST_MODEL (get_outbox ());

  for (guint i = 0; i < g_list_model_get_n_items (outbox); i++)
    {
      g_autoptr(MdOutboxEntry) item = g_list_model_get_item (outbox, i);

      if (item == entry)
        return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (md_outbox_button_get_list (button)), i));
    }

  return NULL;
}

/* A server error keeps the entry queued for later; Retry in the outbox
 * sends it at once, and Remove takes it out. */
static void
test_transient_then_retry (void)
{
  g_autoptr(MdTestIntake) intake = md_test_intake_new ();
  g_autofree char *url = md_test_intake_dup_url (intake);
  g_autofree char *dossier_id = NULL;
  MdOutboxButton *button;
  MdOutboxEntry *entry;
  GtkWidget *retry;
  GtkWidget *remove;
  MdWindow *window;
  guint before;

  md_test_intake_push (intake, MD_TEST_ACTION_FAIL, NULL);
  set_endpoint ("http", url);
  window = open_sample ();
  dossier_id = g_strdup (md_dossier_get_id (md_window_get_dossier (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  md_test_iterate_for (100);
  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_QUEUED, WAIT_LIMIT_US);
  while (md_outbox_entry_get_error (entry) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (md_outbox_entry_get_next_attempt (entry) > g_get_real_time ());
  g_assert_null (md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  show_outbox (window, "outbox-queued");

  button = MD_OUTBOX_BUTTON (md_test_find_descendant (GTK_WIDGET (window), MD_TYPE_OUTBOX_BUTTON));
  retry = find_row_button (find_row (button, entry), _("Send Again Now"));
  g_assert_nonnull (retry);
  g_signal_emit_by_name (retry, "clicked");
  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);

  before = g_list_model_get_n_items (G_LIST_MODEL (get_outbox ()));
  remove = find_row_button (find_row (button, entry), _("Remove From the Outbox"));
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_outbox ())), ==, before - 1);
  g_assert_null (md_test_find_outbox_entry (app, dossier_id, url));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  md_test_init_ui (&argc, &argv, "md-submit-data-XXXXXX");

  /* The application, registered as it is when run, but keeping
   * secrets in memory instead of the user's keyring. */
  app = md_application_new ();
  secrets = md_memory_secret_store_new ();
  md_application_set_secret_store (app, MD_SECRET_STORE (secrets));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/submit/http", test_submit_http);
  g_test_add_func ("/submit/folder", test_submit_folder);
  g_test_add_func ("/submit/insecure-endpoint", test_insecure_endpoint);
  g_test_add_func ("/submit/disabled-with-problems", test_disabled_with_problems);
  g_test_add_func ("/submit/credentials", test_credentials_then_preferences);
  g_test_add_func ("/submit/refused", test_refused);
  g_test_add_func ("/submit/transient-then-retry", test_transient_then_retry);
  status = g_test_run ();

  g_clear_object (&secrets);
  return status;
}
