/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every wizard screen speaks the language of the run (LANGUAGE=nl, fr or
 * de): no label shows an English text the catalogue translates, and each
 * screen shows translated text. The interface language also changes while
 * the application runs, keeping the open dossier.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-application.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-window.h"

#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

/* A label whose text is an English message with a different translation
 * was set without gettext, or before the language was chosen. */
static void
collect_english_labels (GtkWidget *widget,
                        GPtrArray *english)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (text != NULL && *text != '\0' && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
        g_ptr_array_add (english, g_strdup (text));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_english_labels (child, english);
}

/* Texts of the screen that are translations: the catalogue is asked
 * backwards, by the English of each message the screen is built from. */
static gboolean
label_is_translation (GtkWidget     *widget,
                      gconstpointer  data)
{
  GHashTable *translations = (GHashTable *) data;

  return GTK_IS_LABEL (widget) && g_hash_table_contains (translations, gtk_label_get_label (GTK_LABEL (widget)));
}

static GHashTable *
load_translations (void)
{
  const char *localedir = g_getenv ("MD_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GHashTable *translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint32 count, translated_offset;

  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 28);
  /* A .mo file: magic, revision, count, then the offset of the table
   * of translations (length and offset of each). */
  memcpy (&count, contents + 8, sizeof count);
  memcpy (&translated_offset, contents + 16, sizeof translated_offset);
  for (guint32 i = 1; i < count; i++)
    {
      guint32 entry[2];

      memcpy (entry, contents + translated_offset + 8 * i, sizeof entry);
      g_assert_cmpuint ((gsize) entry[1] + entry[0], <, length);
      g_hash_table_add (translations, g_strndup (contents + entry[1], entry[0]));
    }
  return translations;
}

static void
test_every_screen_translated (void)
{
  g_autoptr(GHashTable) translations = load_translations ();
  MdWindow *window = md_window_new (NULL);
  MdWizard *wizard;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  md_test_iterate ();
  wizard = md_window_get_wizard (window);
  g_assert_cmpuint (md_wizard_get_n_pages (wizard), ==, 8);

  for (guint i = 0; i < md_wizard_get_n_pages (wizard); i++)
    {
      MdWizardPage *page = md_wizard_get_page (wizard, i);
      g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
      guint translated;

      md_wizard_show_page (wizard, i);
      md_test_iterate_for (50);
      collect_english_labels (GTK_WIDGET (page), english);
      translated = md_test_count_widgets (GTK_WIDGET (page), label_is_translation, translations);
      g_test_message ("screen %u “%s”: %u translated labels, %u left in English",
                      i + 1, md_wizard_page_get_title (page), translated, english->len);
      for (guint j = 0; j < english->len; j++)
        g_test_message ("  in English: “%s”", (char *) english->pdata[j]);

      g_assert_true (g_hash_table_contains (translations, md_wizard_page_get_title (page)));
      g_assert_cmpuint (english->len, ==, 0);
      g_assert_cmpuint (translated, >=, 3);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  md_test_iterate ();
}

/* ---- Changing the language while the application runs ----------------- */

static MdWindow *
find_dossier_window (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (MD_IS_WINDOW (l->data) && md_window_get_dossier (l->data) != NULL)
      return l->data;
  return NULL;
}

typedef struct
{
  GtkApplication *application;
  MdWindow       *replaced;
} Rebuild;

static gboolean
window_rebuilt (gpointer data)
{
  Rebuild *rebuild = data;
  MdWindow *window = find_dossier_window (rebuild->application);

  return window != NULL && window != rebuild->replaced;
}

static MdWindow *
choose_language (GtkApplication *application,
                 GSettings      *settings,
                 const char     *code)
{
  Rebuild rebuild = { application, find_dossier_window (application) };

  g_settings_set_string (settings, "language", code);
  md_test_wait_until (window_rebuilt, &rebuild, WAIT_LIMIT_US);
  return find_dossier_window (application);
}

static const char *
visible_page_title (MdWindow *window)
{
  return md_wizard_page_get_title (md_wizard_get_visible_page (md_window_get_wizard (window)));
}

static gboolean
preferences_shown (gpointer data)
{
  for (GList *l = gtk_application_get_windows (data); l != NULL; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;
  return FALSE;
}

/* The preferences show the choice, in the language chosen. */
static void
open_preferences (MdApplication *application)
{
  GtkWindow *preferences = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  md_test_wait_until (preferences_shown, application, WAIT_LIMIT_US);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;

  g_assert_cmpstr (gtk_window_get_title (preferences), ==, "Einstellungen");
  md_test_save_screenshot (GTK_WIDGET (preferences), "preferences-language");
  gtk_window_destroy (preferences);
}

static void
test_switch_at_run_time (void)
{
  g_autoptr(MdApplication) application = md_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MdDossier) dossier = NULL;
  MdWindow *window;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  g_application_activate (G_APPLICATION (application));
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  md_test_iterate ();
  dossier = g_object_ref (md_window_get_dossier (window));
  md_test_type_text (GTK_WIDGET (window), "applicant.family_name", "Peeters");
  md_wizard_show_page (md_window_get_wizard (window), 1);
  md_test_iterate ();
  g_assert_cmpstr (visible_page_title (window), ==, "About You");

  window = choose_language (GTK_APPLICATION (application), settings, "de");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "de");
  g_assert_cmpstr (visible_page_title (window), !=, "About You");
  g_assert_cmpstr (visible_page_title (window), ==, g_dgettext (GETTEXT_PACKAGE, "About You"));
  g_assert_true (md_window_get_dossier (window) == dossier);
  g_assert_true (md_dossier_get_modified_since_save (dossier));
  open_preferences (application);


  window = choose_language (GTK_APPLICATION (application), settings, "");
  g_assert_cmpstr (visible_page_title (window), ==, "About You");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  md_test_iterate ();
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("MD_LOCALEDIR");
  g_autofree char *data_home = g_dir_make_tmp ("md-ui-data-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() keeps the C locale; the translated runs need LANGUAGE. */
  setlocale (LC_ALL, "");
  adw_init ();

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "") > 0)
    g_test_add_func ("/languages/every-screen", test_every_screen_translated);
  else
    g_test_add_func ("/languages/switch-at-run-time", test_switch_at_run_time);
  return g_test_run ();
}
