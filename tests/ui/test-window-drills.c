/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window when things go wrong or someone looks over the
 * user's shoulder: a read-only bundle opens read-only and Save becomes
 * Save As; a full disk (RLIMIT_FSIZE) makes Save explain itself while
 * the file, the draft and the unsaved state stay; and a submission's
 * token never reaches the settings, the log, the outbox, the drafts or
 * the bundle. docs/security.md points here.
 *
 * No English text is compared, so that it runs in every language.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-application.h"
#include "md-bundle.h"
#include "md-draft-store.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"
#include "md-preferences-window.h"
#include "md-test-intake.h"
#include "md-test-submit.h"
#include "md-test-util.h"
#include "md-window.h"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)
#define KIB 1024
#define TOKEN "Tok3n-5ec2-never-logged"

static MdApplication *app;
static MdMemorySecretStore *secrets;
static GMutex log_mutex;
static GString *captured_log;

/* Everything logged is kept for the secrets test; debug output is not
 * printed, it would mix into the TAP stream. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_string_append_printf (captured_log, "%s=%s\n", fields[i].key, (const char *) fields[i].value);
  g_mutex_unlock (&log_mutex);

  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
window_is_ready (gpointer data)
{
  return md_window_get_dossier (data) != NULL && !md_window_is_busy (data);
}

static gboolean
window_is_idle (gpointer data)
{
  return !md_window_is_busy (data);
}

static MdWindow *
open_window (GFile *file)
{
  MdWindow *window = md_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  if (file != NULL)
    {
      md_window_open_file (window, file);
      md_test_wait_until (window_is_ready, window, WAIT_LIMIT_US);
    }
  return window;
}

static void
close_window (MdWindow *window)
{
  MdDossier *dossier = md_window_get_dossier (window);

  /* Leaving without the "discard changes?" question. */
  if (dossier != NULL)
    md_dossier_mark_saved (dossier);
  gtk_window_destroy (GTK_WINDOW (window));
  md_test_iterate_for (50);
}

static const char *
get_subtitle (MdWindow *window)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (md_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));

  g_assert_nonnull (title);
  return adw_window_title_get_subtitle (title);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static char *
save_new_bundle (const char *dir,
                 const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GError) error = NULL;

  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* ---- Read-only bundles ------------------------------------------------------ */

static GtkWindow *
find_file_chooser (void)
{
  return md_test_find_visible_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (md_window_save_finish (MD_WINDOW (source), result, error));
}

/* Opens @path read-only: the subtitle says so, Save asks where instead
 * of writing, and saving elsewhere makes the dossier writable again. */
static void
check_opens_read_only (const char *path,
                       const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *expected = g_strdup_printf (_("%s (read-only)"), name);
  g_autofree char *copy_path = g_build_filename (g_get_tmp_dir (), "md-read-only-copy.dossier.json", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  MdWindow *window = open_window (file);
  GtkWindow *chooser;

  g_assert_true (md_window_is_read_only (window));
  g_assert_cmpstr (get_subtitle (window), ==, expected);

  md_dossier_set_string (md_window_get_dossier (window), "applicant.family_name", "Peeters", NULL);
  g_assert_nonnull (strstr (get_subtitle (window), expected));

  /* Save asks for another file; nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  md_test_wait_until (file_chooser_shown, NULL, WAIT_LIMIT_US);
  g_assert_null (md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  chooser = find_file_chooser ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  md_test_iterate_for (100);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (md_dossier_get_modified_since_save (md_window_get_dossier (window)));

  /* Saving quietly, as submitting does, is refused up front too. */
  md_window_save_async (window, NULL, saved_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);

  /* Saved elsewhere, the dossier is an ordinary one again. */
  g_unlink (copy_path);
  md_window_save_to_file (window, copy);
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_false (md_window_is_read_only (window));
  g_assert_null (strstr (get_subtitle (window), expected));
  g_assert_false (md_dossier_get_modified_since_save (md_window_get_dossier (window)));
  g_unlink (copy_path);
  close_window (window);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-read-only-XXXXXX", NULL);
  g_autofree char *path = save_new_bundle (dir, "ana.dossier.json");
  g_autofree char *writable = save_new_bundle (dir, "writable.dossier.json");
  g_autoptr(GFile) writable_file = g_file_new_for_path (writable);
  MdWindow *window;

  /* The control: an ordinary bundle is not read-only. */
  window = open_window (writable_file);
  g_assert_false (md_window_is_read_only (window));
  g_assert_null (strstr (get_subtitle (window), "(read-only)"));
  close_window (window);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  check_opens_read_only (path, dir);
  remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-read-only-XXXXXX", NULL);
  g_autofree char *path = save_new_bundle (dir, "ana.dossier.json");

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  check_opens_read_only (path, dir);
  remove_tree (dir);
}

/* Submitting a read-only bundle sends what the window shows and keeps
 * the receipt in the open dossier, without touching the file. */
static void
test_read_only_submit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-read-only-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ana.dossier.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bench-sms.dossier.json", NULL);
  g_autofree char *sent = g_build_filename (g_get_user_data_dir (), APP_ID, "sent", NULL);
  g_autoptr(GFile) sent_dir = g_file_new_for_path (sent);
  g_autofree char *sent_uri = g_file_get_uri (sent_dir);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GDate *date = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  MdWindow *window;
  MdDossier *dossier;
  gsize length;

  g_settings_set_string (settings, "submission-type", "folder");
  g_settings_set_string (settings, "submission-endpoint", "");
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = read_bytes (path);

  window = open_window (NULL);
  md_wizard_set_reference_date (md_window_get_wizard (window), date);
  g_date_free (date);
  md_window_open_file (window, file);
  md_test_wait_until (window_is_ready, window, WAIT_LIMIT_US);
  md_wizard_validate_now (md_window_get_wizard (window));
  dossier = md_window_get_dossier (window);
  g_assert_true (md_window_is_read_only (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  md_test_wait_for_outbox_entry (app, md_dossier_get_id (dossier), sent_uri, MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  while (md_dossier_get_length (dossier, "submissions") == 0)
    g_main_context_iteration (NULL, TRUE);
  md_test_iterate_for (200);

  g_assert_null (md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (md_dossier_get_modified_since_save (dossier));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  close_window (window);
  remove_tree (dir);
}

/* ---- A full disk -------------------------------------------------------------- */

static gboolean
draft_holds_attachment (gpointer data)
{
  GStatBuf st;

  return g_stat (data, &st) == 0 && st.st_size > 256 * KIB;
}

static void
test_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("md-full-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ana.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdDraftStore) drafts = md_draft_store_new_default ();
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_draft = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GBytes) scan = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  MdWindow *window = open_window (NULL);
  MdDossier *dossier;
  struct rlimit limit, full;
  guint8 *noise;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  dossier = md_window_get_dossier (window);
  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  md_window_save_to_file (window, file);
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_false (md_dossier_get_modified_since_save (dossier));
  saved = read_bytes (path);

  /* A scan is attached and autosaved as a draft. */
  noise = g_malloc (256 * KIB);
  for (guint i = 0; i < 256 * KIB; i++)
    noise[i] = g_random_int ();
  scan = g_bytes_new_take (noise, 256 * KIB);
  g_assert_true (md_dossier_add_attachment (dossier, "scan.pdf", "application/pdf", scan, &error));
  draft = md_draft_store_get_draft_file (drafts, dossier);
  md_test_wait_until (draft_holds_attachment, (gpointer) g_file_peek_path (draft), WAIT_LIMIT_US);
  md_test_iterate_for (200);
  saved_draft = read_bytes (g_file_peek_path (draft));

  /* The disk is full now. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  full = limit;
  full.rlim_cur = 64 * KIB;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  md_test_wait_until (md_test_message_dialog_shown, NULL, WAIT_LIMIT_US);
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  /* The window says why, naming the file; nothing is lost. */
  dialog = md_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "ana.dossier.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (md_dossier_get_modified_since_save (dossier));
  g_assert_true (g_str_has_prefix (get_subtitle (window), "• "));
  now = read_bytes (path);
  g_assert_true (g_bytes_equal (now, saved));
  g_clear_pointer (&now, g_bytes_unref);
  now = read_bytes (g_file_peek_path (draft));
  g_assert_true (g_bytes_equal (now, saved_draft));

  /* With room again, Save works and the draft goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_false (md_dossier_get_modified_since_save (dossier));
  g_assert_false (g_file_query_exists (draft, NULL));
  close_window (window);
  remove_tree (dir);
}

/* ---- Secrets ------------------------------------------------------------------- */

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

static void
assert_lacks_token (const char *where,
                    const char *text,
                    gsize       length)
{
  if (g_strstr_len (text, length, TOKEN) != NULL || g_strstr_len (text, length, "Tok3n-5ec2") != NULL)
    g_error ("%s holds the token", where);
}

static void
assert_tree_lacks_token (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        assert_tree_lacks_token (child);
      else if (g_file_get_contents (child, &contents, &length, NULL))
        assert_lacks_token (child, contents, length);
    }
}

static void
assert_settings_lack_token (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 3);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      assert_lacks_token (keys[i], text, strlen (text));
    }
}

/* The token typed in Preferences reaches the intake, and nothing
 * else: not the settings, the log, the outbox, the drafts, the bundle. */
static void
test_token_stays_secret (void)
{
  g_autoptr(MdTestIntake) intake = md_test_intake_new ();
  g_autofree char *url = md_test_intake_dup_url (intake);
  g_autofree char *dir = g_dir_make_tmp ("md-secret-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ana.dossier.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bench-sms.dossier.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *log = NULL;
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  GDate *date = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  MdPreferencesWindow *preferences;
  AdwEntryRow *address_row, *secret_row;
  MdWindow *window;
  gsize length;

  md_test_intake_require_token (intake, TOKEN);
  g_settings_set_string (settings, "submission-type", "http");

  /* Typed as a user would. */
  preferences = md_test_open_preferences (app);
  address_row = find_entry_row (GTK_WIDGET (preferences), _("_Address"));
  secret_row = find_entry_row (GTK_WIDGET (preferences), _("To_ken or Password"));
  g_assert_nonnull (address_row);
  g_assert_nonnull (secret_row);
  gtk_editable_set_text (GTK_EDITABLE (address_row), url);
  gtk_editable_set_text (GTK_EDITABLE (secret_row), TOKEN);
  g_signal_emit_by_name (secret_row, "apply");
  while (g_strcmp0 (md_memory_secret_store_get (secrets, url, NULL), TOKEN) != 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (preferences));
  md_test_iterate_for (50);

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  window = open_window (NULL);
  md_wizard_set_reference_date (md_window_get_wizard (window), date);
  g_date_free (date);
  md_window_open_file (window, file);
  md_test_wait_until (window_is_ready, window, WAIT_LIMIT_US);
  md_wizard_validate_now (md_window_get_wizard (window));
  md_dossier_set_string (md_window_get_dossier (window), "applicant.phone", "+32 3 000 00 00", NULL);

  /* Saved, queued and sent with the token; failures are logged too
   * (tests/integration/test-tls.c tries those). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit", NULL));
  md_test_wait_for_outbox_entry (app, md_dossier_get_id (md_window_get_dossier (window)), url,
                                 MD_OUTBOX_STATE_SENT, WAIT_LIMIT_US);
  md_test_wait_until (md_test_receipt_saved, window, WAIT_LIMIT_US);
  authorization = md_test_intake_dup_header (intake, md_test_intake_get_n_requests (intake) - 1, "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);

  /* A draft of a later change, too. */
  md_dossier_set_string (md_window_get_dossier (window), "applicant.phone", "+32 3 111 11 11", NULL);
  md_test_iterate_for (1500);

  assert_settings_lack_token ();
  log = g_strdup (captured_log->str);
  g_assert_nonnull (strstr (log, "Outbox: sending"));
  assert_lacks_token ("the log", log, strlen (log));
  assert_tree_lacks_token (dir);
  assert_tree_lacks_token (data_dir);
  g_assert_true (g_file_test (data_dir, G_FILE_TEST_IS_DIR));
  close_window (window);
  remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Everything is logged, as when a user reports a problem. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  md_test_init_ui (&argc, &argv, "md-drills-data-XXXXXX");

  app = md_application_new ();
  secrets = md_memory_secret_store_new ();
  md_application_set_secret_store (app, MD_SECRET_STORE (secrets));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window-drills/read-only-file", test_read_only_file);
  g_test_add_func ("/window-drills/read-only-folder", test_read_only_folder);
  g_test_add_func ("/window-drills/read-only-submit", test_read_only_submit);
  g_test_add_func ("/window-drills/full-disk", test_full_disk);
  g_test_add_func ("/window-drills/token-stays-secret", test_token_stays_secret);
  status = g_test_run ();

  g_clear_object (&secrets);
  /* The private data folder md_test_init_ui() made, and only that. */
  if (strstr (g_get_user_data_dir (), "md-drills-data-") != NULL)
    remove_tree (g_get_user_data_dir ());
  return status;
}
