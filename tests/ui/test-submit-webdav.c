/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submitting from the real application and window into a WebDAV drop
 * folder: nginx on 127.0.0.1 (tests/integration/md-test-nginx.c) plays
 * the server. The address, user name and password are typed into
 * Preferences; win.submit uploads the bundle byte for byte and records
 * the receipt in the dossier. A wrong password is explained in a dialog
 * that offers Preferences and stores nothing; the right password
 * applied there sends the stopped entry.
 *
 * The HTTP intake and the local folder are covered by test-submit.c.
 * Skipped without nginx and its DAV module. No English text is
 * compared, so that it runs in every language.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "md-application.h"
#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-preferences-window.h"
#include "md-test-nginx.h"
#include "md-test-submit.h"
#include "md-test-util.h"
#include "md-window.h"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)
#define USER          "alice"
#define PASSWORD      "correct horse"

static MdApplication *app;
static MdMemorySecretStore *secrets;

/* NULL, and the test skipped, without nginx or its DAV module. */
static MdTestNginx *
start_nginx (void)
{
  g_autoptr(GError) error = NULL;
  MdTestNginx *nginx = md_test_nginx_start (USER, PASSWORD, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_test_skip (error->message);
  else
    g_assert_no_error (error);
  return nginx;
}

static gboolean
window_is_ready (gpointer data)
{
  return md_window_get_dossier (data) != NULL && !md_window_is_busy (data);
}

/* A copy of the complete sample in a folder of its own, opened in a
 * window of the application, checked as if today were 2026-03-01:
 * the sample's call has closed since. */
static MdWindow *
open_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-submit-webdav-XXXXXX", NULL);
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
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkEditable *
find_entry_row (MdPreferencesWindow *preferences,
                const char          *title)
{
  GtkWidget *row = md_test_find_widget (GTK_WIDGET (preferences), is_entry_row_titled, title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static gboolean
password_kept (gpointer data)
{
  g_autoptr(MdEndpoint) endpoint = md_application_dup_endpoint (app, NULL);

  return endpoint != NULL &&
         g_strcmp0 (md_memory_secret_store_get (secrets, md_endpoint_get_uri (endpoint), USER), data) == 0;
}

/* Types the password and applies it; returns once it is kept. */
static void
apply_password (MdPreferencesWindow *preferences,
                const char          *password)
{
  GtkEditable *secret_row = find_entry_row (preferences, _("To_ken or Password"));

  gtk_editable_set_text (secret_row, password);
  g_signal_emit_by_name (secret_row, "apply");
  md_test_wait_until (password_kept, (gpointer) password, WAIT_LIMIT_US);
}

/* Chooses WebDAV and types the address, user name and password as a
 * user would. */
static void
configure_webdav (const char *url,
                  const char *password)
{
  MdPreferencesWindow *preferences = md_test_open_preferences (app);
  AdwComboRow *type_row = md_test_find_submission_type_row (preferences);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "submission-type", "submission-endpoint", "submission-user" };
  const char *values[] = { "webdav", url, USER };

  g_assert_nonnull (type_row);
  adw_combo_row_set_selected (type_row, 2);
  gtk_editable_set_text (find_entry_row (preferences, _("_Address")), url);
  gtk_editable_set_text (find_entry_row (preferences, _("_User Name")), USER);
  g_assert_null (md_preferences_window_get_address_problem (preferences));
  apply_password (preferences, password);

  /* The endpoint is the address as typed, and the password never
   * reaches the settings. */
  endpoint = md_application_dup_endpoint (app, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_endpoint_get_kind (endpoint), ==, MD_ENDPOINT_KIND_WEBDAV);
  g_assert_cmpstr (md_endpoint_get_uri (endpoint), ==, url);
  g_assert_cmpstr (md_endpoint_get_user (endpoint), ==, USER);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = g_settings_get_string (settings, keys[i]);

      g_assert_cmpstr (value, ==, values[i]);
      g_assert_null (strstr (value, password));
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
  md_test_iterate_for (50);
}

static char *
dup_stored_path (MdTestNginx *nginx,
                 const char  *location,
                 const char  *dossier_id)
{
  return g_strdup_printf ("%s/%s/%s.json", md_test_nginx_get_root (nginx), location, dossier_id);
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
assert_receipt (MdDossier  *dossier,
                const char *url,
                const char *target)
{
  g_assert_cmpuint (md_dossier_get_length (dossier, "submissions"), ==, 1);
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].endpoint"), ==, url);
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].receipt.transport"), ==, "webdav");
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].receipt.location"), ==, target);
  g_assert_cmpstr (md_dossier_get_string (dossier, "submissions[0].receipt.dossier_id"), ==,
                   md_dossier_get_id (dossier));
  g_assert_cmpint (md_dossier_get_int (dossier, "submissions[0].receipt.status", 0), ==, 201);
}

static void
test_delivered (void)
{
  g_autoptr(MdTestNginx) nginx = start_nginx ();
  g_autofree char *url = NULL;
  g_autofree char *dossier_id = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(MdDossier) saved = NULL;
  g_autoptr(GError) error = NULL;
  MdOutboxEntry *entry;
  MdDossier *dossier;
  MdWindow *window;

  if (nginx == NULL)
    return;

  url = md_test_nginx_dup_url (nginx, "drop");
  configure_webdav (url, PASSWORD);

  window = open_sample ();
  dossier = md_window_get_dossier (window);
  dossier_id = g_strdup (md_dossier_get_id (dossier));
  g_assert_cmpuint (md_dossier_get_length (dossier, "submissions"), ==, 0);
  expected = md_bundle_serialize (dossier);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);
  g_assert_false (md_outbox_entry_get_already_delivered (entry));
  g_assert_null (md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Under nginx's root, named by the dossier, byte for byte the bundle. */
  stored = dup_stored_path (nginx, "drop", dossier_id);
  assert_file_holds (stored, expected);

  /* The receipt is in the open dossier and in its file. */
  target = g_strconcat (url, dossier_id, ".json", NULL);
  assert_receipt (dossier, url, target);
  saved = md_bundle_load_file (md_window_get_file (window), NULL, &error);
  g_assert_no_error (error);
  assert_receipt (saved, url, target);
  close_window (window);
}

/* Into the upload-only folder, which cannot be looked into: only the
 * status of the PUT tells what happened. */
static void
test_wrong_password (void)
{
  g_autoptr(MdTestNginx) nginx = start_nginx ();
  g_autofree char *url = NULL;
  g_autofree char *dossier_id = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GBytes) expected = NULL;
  MdPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  MdOutboxEntry *entry;
  MdWindow *window;

  if (nginx == NULL)
    return;

  url = md_test_nginx_dup_url (nginx, "inbox");
  configure_webdav (url, "wrong password");
  window = open_sample ();
  dossier_id = g_strdup (md_dossier_get_id (md_window_get_dossier (window)));
  expected = md_bundle_serialize (md_window_get_dossier (window));
  stored = dup_stored_path (nginx, "inbox", dossier_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  entry = md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_FAILED, WAIT_LIMIT_US);
  g_assert_true (md_outbox_entry_get_needs_credentials (entry));
  g_assert_error ((GError *) md_outbox_entry_get_error (entry), MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  md_test_wait_until (md_test_message_dialog_shown, NULL, WAIT_LIMIT_US);
  dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, md_outbox_entry_get_error (entry)->message);
  g_assert_true (adw_message_dialog_has_response (dialog, "preferences"));

  /* Nothing stored, nothing recorded. */
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (md_dossier_get_length (md_window_get_dossier (window), "submissions"), ==, 0);

  /* The right password, applied in the Preferences the dialog opens. */
  adw_message_dialog_response (dialog, "preferences");
  md_test_iterate_for (50);
  dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  preferences = md_test_find_visible_toplevel (MD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  apply_password (preferences, PASSWORD);

  md_test_wait_for_outbox_entry (app, dossier_id, url, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);
  assert_file_holds (stored, expected);
  gtk_window_destroy (GTK_WINDOW (preferences));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  md_test_init_ui (&argc, &argv, "md-submit-webdav-data-XXXXXX");

  /* The application, registered as it is when run, but keeping
   * secrets in memory instead of the user's keyring. */
  app = md_application_new ();
  secrets = md_memory_secret_store_new ();
  md_application_set_secret_store (app, MD_SECRET_STORE (secrets));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/submit-webdav/delivered", test_delivered);
  g_test_add_func ("/submit-webdav/wrong-password", test_wrong_password);
  status = g_test_run ();

  g_clear_object (&secrets);
  return status;
}
