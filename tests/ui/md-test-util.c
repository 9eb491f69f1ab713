/* md-test-util.c
 *
 * What the UI tests share: running the main loop while widgets settle,
 * finding widgets and dialogs, filling field widgets by their path, and
 * a wizard screen shown in a window of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include "md-test-util.h"

#include <locale.h>
#include <glib/gi18n.h>

#include <string.h>

#include "md-app-types.h"
#include "md-field-widget.h"
#include "md-path-combo-row.h"
#include "md-path-code-row.h"
#include "md-path-switch-row.h"
#include "md-path-text-view.h"

/* For main(): translations from the build tree, and with @data_template
 * (a g_dir_make_tmp() template) a private data folder, so that nothing
 * of the user's is read or written. Must run before anything reads the
 * user's folders: GLib looks them up once. */
static void
on_crash (int signal_number)
{
  g_printerr ("crashed with signal %d\n", signal_number);
  if (g_getenv ("MD_TEST_CRASH_TRACE") != NULL)
    g_on_error_stack_trace (g_get_prgname ());
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

void
md_test_init_ui (int          *argc,
                 char       ***argv,
                 const char   *data_template)
{
  if (data_template != NULL)
    {
      g_autofree char *data_home = g_dir_make_tmp (data_template, NULL);

      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() keeps the C locale; the translated run needs LANGUAGE. */
  setlocale (LC_ALL, "");
  adw_init ();
  md_app_register_types ();
  signal (SIGSEGV, on_crash);
}

/* Until nothing is pending: enough for work already queued. */
void
md_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* $MD_TEST_TIMEOUT_MULTIPLIER: how much slower than usual this build
 * runs, such as build-aux/sanitize's; waits stretch by as much. */
static gint64
get_time_multiplier (void)
{
  const char *multiplier = g_getenv ("MD_TEST_TIMEOUT_MULTIPLIER");

  return multiplier ? CLAMP (g_ascii_strtoll (multiplier, NULL, 10), 1, 100) : 1;
}

/* For a while: animations, popovers and timers need time, not just
 * the queued work. */
void
md_test_iterate_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000 * get_time_multiplier ();

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Fails the test rather than hang it when @condition never holds. */
void
md_test_wait_until_at (const char      *where,
                       const char      *condition_name,
                       MdTestCondition  condition,
                       gpointer         data,
                       gint64           limit_us)
{
  gint64 limit = limit_us * get_time_multiplier ();
  gint64 deadline = g_get_monotonic_time () + limit;

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= deadline)
        g_error ("%s: %s did not hold within %.1f s", where, condition_name, (double) limit / G_USEC_PER_SEC);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

GtkWidget *
md_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = md_test_find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first descendant of @root, depth first, that @match accepts. */
GtkWidget *
md_test_find_widget (GtkWidget         *root,
                     MdTestWidgetMatch  match,
                     gconstpointer      data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = md_test_find_widget (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
md_test_count_widgets (GtkWidget         *root,
                       MdTestWidgetMatch  match,
                       gconstpointer      data)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += match (child, data) + md_test_count_widgets (child, match, data);

  return count;
}

/* Message dialogs are toplevels of their own, not descendants of the
 * window that asks. */
AdwMessageDialog *
md_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* A missing field is a broken test, not a failed check: stop at once,
 * naming the path. */
GtkWidget *
md_test_find_field (GtkWidget  *root,
                    const char *path)
{
  GtkWidget *widget = md_find_field_widget (root, path);

  if (widget == NULL)
    g_error ("No widget is bound to %s", path);
  return widget;
}

void
md_test_type_text (GtkWidget  *root,
                   const char *path,
                   const char *text)
{
  GtkWidget *widget = md_test_find_field (root, path);

  if (MD_IS_PATH_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (md_path_text_view_get_text_view (MD_PATH_TEXT_VIEW (widget))),
                              text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
choose_code (MdPathCodeRow *row,
                const char       *code)
{
  GtkDropDown *drop_down = md_path_code_row_get_drop_down (row);
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (drop_down));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (md_path_code_row_get_code_at (row, i), code) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
choose_value (MdPathComboRow *row,
              const char     *value)
{
  const char * const *values = md_path_combo_row_get_values (row);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return TRUE;
      }

  return FALSE;
}

/* Picks by the stored value (a country or language code for code rows), as the
 * model will hold it, not by the translated label. */
void
md_test_choose (GtkWidget  *root,
                const char *path,
                const char *value)
{
  GtkWidget *widget = md_test_find_field (root, path);
  gboolean chosen;

  if (MD_IS_PATH_CODE_ROW (widget))
    chosen = choose_code (MD_PATH_CODE_ROW (widget), value);
  else
    chosen = choose_value (MD_PATH_COMBO_ROW (widget), value);

  if (!chosen)
    g_error ("%s offers no choice “%s”", path, value);
}

void
md_test_switch_on (GtkWidget  *root,
                   const char *path)
{
  GtkWidget *row = md_test_find_field (root, path);

  gtk_switch_set_active (md_path_switch_row_get_switch (MD_PATH_SWITCH_ROW (row)), TRUE);
}

/* The whole text in the message: a screen's text is what a failure
 * needs to be understood. */
void
md_test_assert_text_contains (const char *text,
                              const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not shown in:\n%s", expected, text);
}

void
md_test_assert_text_lacks (const char *text,
                           const char *unexpected)
{
  if (strstr (text, unexpected) != NULL)
    g_error ("“%s” shown in:\n%s", unexpected, text);
}

/* The rows must write JSON of the right type, not just the right text. */
JsonNode *
md_test_lookup_value (MdDossier  *dossier,
                      const char *path,
                      GType       type)
{
  JsonNode *node = md_dossier_lookup (dossier, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, g_type_name (type));
  return node;
}

/* Whether the wizard reports @rule broken at @path: the rule, not the
 * translated message, so that the tests run in every language. */
gboolean
md_test_report_has (MdWizard   *wizard,
                    const char *path,
                    const char *rule)
{
  MdReport *report = md_wizard_get_report (wizard);

  for (guint i = 0; i < md_report_get_n_issues (report); i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);

      if (g_strcmp0 (issue->path, path) == 0 && g_strcmp0 (issue->rule, rule) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Takes @page and @dossier; the caller sets whatever the screen reads
 * from other screens on @dossier first. Does not run the main loop. */
void
md_test_page_fixture_set_up (MdTestPageFixture *fixture,
                             GtkWidget         *page,
                             MdDossier         *dossier,
                             int                width,
                             int                height)
{
  fixture->dossier = dossier;
  fixture->registry = md_programme_registry_new_default ();
  fixture->page = page;
  fixture->wizard = md_wizard_new ();
  md_wizard_add_page (fixture->wizard, MD_WIZARD_PAGE (fixture->page));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->wizard));
  md_wizard_set_dossier (fixture->wizard, fixture->dossier, fixture->registry);
  gtk_window_present (fixture->window);
}

/* The window must let go of the dossier: a leak fails here. */
void
md_test_page_fixture_tear_down (MdTestPageFixture *fixture)
{
  gtk_window_destroy (fixture->window);
  md_test_iterate ();
  g_assert_finalize_object (fixture->dossier);
  g_clear_object (&fixture->registry);
}
