/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real main window: new dossier, type into a bound row,
 * save, open it again in a second window, and the error paths.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "md-bundle.h"
#include "md-draft-store.h"
#include "md-path-entry-row.h"
#include "md-test-util.h"
#include "md-window.h"

#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

static gboolean
window_is_idle (gpointer data)
{
  return !md_window_is_busy (data);
}

static gboolean
window_has_dossier (gpointer data)
{
  return md_window_get_dossier (data) != NULL;
}

static GtkWidget *
find_path_row (GtkWidget  *root,
               const char *path)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (MD_IS_PATH_ENTRY_ROW (child) &&
          g_strcmp0 (md_path_entry_row_get_field_path (MD_PATH_ENTRY_ROW (child)), path) == 0)
        return child;
      found = find_path_row (child, path);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static MdWindow *
open_window (void)
{
  MdWindow *window = md_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (MdWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  md_test_iterate ();
}

static char *
make_tmp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return md_test_find_message_dialog () != NULL;
}

static void
test_title (void)
{
  const char *expected = g_getenv ("MD_EXPECTED_TITLE");
  MdWindow *window = open_window ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   expected ? expected : "Mobility Dossier");
  close_window (window);
}

static void
test_new_save_load (void)
{
  g_autofree char *path = make_tmp_path ("ana.dossier.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dossier_id = NULL;
  MdWindow *window = open_window ();
  MdWindow *second;
  GtkWidget *given_row, *email_row;
  MdDossier *dossier;
  GStatBuf st;

  g_assert_null (md_window_get_dossier (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL) &&
                  md_window_get_dossier (window) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  dossier = md_window_get_dossier (window);
  g_assert_nonnull (dossier);
  dossier_id = g_strdup (md_dossier_get_id (dossier));
  g_assert_cmpstr (md_dossier_get_programme (dossier), ==, "erasmus-ka131-2024");

  given_row = find_path_row (GTK_WIDGET (window), "applicant.given_name");
  email_row = find_path_row (GTK_WIDGET (window), "applicant.email");
  g_assert_nonnull (given_row);
  g_assert_nonnull (email_row);
  gtk_editable_set_text (GTK_EDITABLE (given_row), "Ana");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ana@example.org");
  g_assert_cmpstr (md_dossier_get_string (dossier, "applicant.given_name"), ==, "Ana");
  g_assert_true (md_dossier_get_modified_since_save (dossier));

  /* The model drives the view too. */
  md_dossier_set_string (dossier, "applicant.email", "ana.p@example.org", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, "ana.p@example.org");

  md_window_save_to_file (window, file);
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_false (md_dossier_get_modified_since_save (dossier));
  g_assert_true (g_file_equal (md_window_get_file (window), file));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Ctrl+S again goes to the same file without asking. */
  gtk_editable_set_text (GTK_EDITABLE (given_row), "Ana Sofia");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_false (md_dossier_get_modified_since_save (dossier));

  second = open_window ();
  md_window_open_file (second, file);
  md_test_wait_until (window_has_dossier, second, WAIT_LIMIT_US);
  dossier = md_window_get_dossier (second);
  g_assert_cmpstr (md_dossier_get_id (dossier), ==, dossier_id);
  g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_INTACT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (second), "applicant.given_name"))),
                   ==, "Ana Sofia");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (second), "applicant.email"))),
                   ==, "ana.p@example.org");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (md_test_find_descendant (GTK_WIDGET (second), GTK_TYPE_REVEALER))));

  close_window (second);
  close_window (window);
}

static void
test_changed_outside_warning (void)
{
  g_autofree char *path = make_tmp_path ("tampered.dossier.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MdWindow *window;
  GtkRevealer *revealer;
  char *name;

  md_dossier_set_string (dossier, "applicant.family_name", "Peeters", &error);
  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  g_file_get_contents (path, &text, NULL, &error);
  name = strstr (text, "Peeters");
  name[0] = 'B';
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  window = open_window ();
  md_window_open_file (window, file);
  md_test_wait_until (window_has_dossier, window, WAIT_LIMIT_US);
  revealer = GTK_REVEALER (md_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (md_test_find_descendant (GTK_WIDGET (revealer), GTK_TYPE_LABEL))),
                            "changed outside"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.family_name"))),
                   ==, "Beeters");
  close_window (window);
}

static void
test_bad_bundle_explained (void)
{
  g_autofree char *path = make_tmp_path ("future.dossier.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdWindow *window;
  AdwMessageDialog *dialog;

  g_file_set_contents (path, "{\"format\":\"mobility-dossier\",\"format_version\":99}", -1, &error);
  g_assert_no_error (error);

  window = open_window ();
  md_window_open_file (window, file);
  md_test_wait_until (message_dialog_shown, NULL, WAIT_LIMIT_US);
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  dialog = md_test_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "future.dossier.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "99"));
  g_assert_null (md_window_get_dossier (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_unsaved_changes_are_confirmed (void)
{
  MdWindow *window = open_window ();
  MdDossier *first;
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  first = md_window_get_dossier (window);
  gtk_editable_set_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.given_name")), "Kim");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  md_test_wait_until (message_dialog_shown, NULL, WAIT_LIMIT_US);
  g_assert_true (md_window_get_dossier (window) == first);

  dialog = md_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (md_window_get_dossier (window) == first);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  md_test_wait_until (message_dialog_shown, NULL, WAIT_LIMIT_US);
  dialog = md_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (md_window_get_dossier (window) != first);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.given_name"))), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static gboolean
window_offers_draft (gpointer data)
{
  return md_window_is_offering_draft (data);
}

static gboolean
draft_written (gpointer dossier)
{
  g_autoptr(MdDraftStore) drafts = md_draft_store_new_default ();
  g_autoptr(GFile) draft = md_draft_store_get_draft_file (drafts, dossier);

  return g_file_query_exists (draft, NULL);
}

static void
test_draft_survives_sigkill (void)
{
  MdWindow *window;
  MdDossier *dossier;

  if (g_test_subprocess ())
    {
      window = open_window ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
      gtk_editable_set_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.given_name")), "Kim");
      gtk_editable_set_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.family_name")), "Peeters");
      /* Once the draft is written, typing goes on and the process dies
       * hard; the parent checks that it got this far. */
      md_test_wait_until (draft_written, md_window_get_dossier (window), WAIT_LIMIT_US);
      gtk_editable_set_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.phone")), "+32");
      g_print ("draft written, killing\n");
      fflush (stdout);
      kill (getpid (), SIGKILL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*draft written, killing*");

  window = open_window ();
  md_window_offer_draft (window);
  md_test_wait_until (window_offers_draft, window, WAIT_LIMIT_US);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.resume-draft", NULL));
  md_test_wait_until (window_has_dossier, window, WAIT_LIMIT_US);
  dossier = md_window_get_dossier (window);
  g_assert_cmpstr (md_dossier_get_string (dossier, "applicant.given_name"), ==, "Kim");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_path_row (GTK_WIDGET (window), "applicant.family_name"))),
                   ==, "Peeters");
  g_assert_true (md_dossier_get_modified_since_save (dossier));
  g_assert_false (md_window_is_offering_draft (window));

  /* Discarding it on purpose removes the draft for good. */
  md_dossier_set_string (dossier, "applicant.phone", "+32 3", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  md_test_wait_until (message_dialog_shown, NULL, WAIT_LIMIT_US);
  adw_message_dialog_response (md_test_find_message_dialog (), "discard");
  gtk_window_destroy (GTK_WINDOW (md_test_find_message_dialog ()));
  close_window (window);

  window = open_window ();
  md_window_offer_draft (window);
  md_test_iterate_for (300);
  g_assert_false (md_window_is_offering_draft (window));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("MD_LOCALEDIR");
  g_autofree char *data_home = NULL;

  /* A private data folder for drafts, unless a parent test chose one. */
  if (g_getenv ("MD_TEST_DATA_HOME") == NULL)
    {
      data_home = g_dir_make_tmp ("md-ui-data-XXXXXX", NULL);
      g_setenv ("MD_TEST_DATA_HOME", data_home, TRUE);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() keeps the C locale; the translated run needs LANGUAGE. */
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add_func ("/window/title", test_title);
  g_test_add_func ("/window/new-save-load", test_new_save_load);
  g_test_add_func ("/window/changed-outside", test_changed_outside_warning);
  g_test_add_func ("/window/bad-bundle", test_bad_bundle_explained);
  g_test_add_func ("/window/unsaved-changes", test_unsaved_changes_are_confirmed);
  g_test_add_func ("/window/draft-survives-sigkill", test_draft_survives_sigkill);
  return g_test_run ();
}
