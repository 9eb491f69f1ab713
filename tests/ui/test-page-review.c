/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review screen in a wizard with the "About You" screen: issues
 * grouped by the screen that owns them, jumping to a field, rows kept
 * while the report stays the same, the summary and the Submit button.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-bundle.h"
#include "md-dossier-schema.h"
#include "md-field-widget.h"
#include "md-page-applicant.h"
#include "md-page-review.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

typedef struct
{
  GtkWindow    *window;
  MdWizard     *wizard;
  MdWizardPage *applicant;
  MdWizardPage *review;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 960, 720);
  fixture->wizard = md_wizard_new ();
  fixture->applicant = MD_WIZARD_PAGE (md_page_applicant_new ());
  fixture->review = MD_WIZARD_PAGE (md_page_review_new ());
  md_wizard_add_page (fixture->wizard, fixture->applicant);
  md_wizard_add_page (fixture->wizard, fixture->review);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->wizard));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  md_test_iterate ();
}

/* An empty KA131 dossier with only its activity chosen, so that the
 * activity's required fields are all reported. */
static MdDossier *
bind_empty_dossier (Fixture *fixture)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  MdDossier *dossier = md_dossier_new ("erasmus-ka131-2024", "2024");

  md_dossier_set_string (dossier, "mobility.activity", "sms", NULL);
  md_wizard_set_dossier (fixture->wizard, dossier, registry);
  md_wizard_validate_now (fixture->wizard);
  return dossier;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_GROUP (child) &&
          g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), title) == 0)
        return child;
      found = find_group (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The issue row whose subtitle names the field at @path. */
static GtkWidget *
find_issue_row (GtkWidget  *root,
                const char *path)
{
  const char *label = md_dossier_schema_label_of (path);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), label) == 0)
        return child;
      found = find_issue_row (child, path);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), needle) != NULL)
        return TRUE;
      if (has_label (child, needle))
        return TRUE;
    }

  return FALSE;
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = bind_empty_dossier (fixture);
  GtkWidget *about = find_group (GTK_WIDGET (fixture->review), "About You");
  GtkWidget *other = find_group (GTK_WIDGET (fixture->review), "Other");
  GtkWidget *row;

  g_assert_nonnull (about);
  g_assert_nonnull (other);
  row = find_issue_row (about, "applicant.email");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "“E-mail address” is required for this activity.");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_nonnull (find_issue_row (about, "applicant.family_name"));
  g_assert_null (find_issue_row (about, "mobility.start_date"));

  /* No screen here owns the mobility or the texts. */
  g_assert_nonnull (find_issue_row (other, "mobility.start_date"));
  g_assert_nonnull (find_issue_row (other, "motivation_letter.text"));
  g_assert_null (find_issue_row (other, "applicant.email"));

  g_assert_true (has_label (GTK_WIDGET (fixture->review), "problems must be fixed before submitting"));
}

static void
test_jump_to_field (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = bind_empty_dossier (fixture);
  GtkWidget *email = md_find_field_widget (GTK_WIDGET (fixture->applicant), "applicant.email");
  GtkWidget *row = find_issue_row (GTK_WIDGET (fixture->review), "applicant.email");
  GtkWidget *focus;

  md_wizard_show_page (fixture->wizard, 1);
  g_assert_true (md_wizard_get_visible_page (fixture->wizard) == fixture->review);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_signal_emit_by_name (row, "activated");

  g_assert_true (md_wizard_get_visible_page (fixture->wizard) == fixture->applicant);
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_true (focus == email || gtk_widget_is_ancestor (focus, email));
}

static void
test_rows_kept (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = bind_empty_dossier (fixture);
  GtkWidget *row = find_issue_row (GTK_WIDGET (fixture->review), "applicant.email");

  /* Same report, same rows: the focus is not pulled from under the user. */
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (find_issue_row (GTK_WIDGET (fixture->review), "applicant.email") == row);

  md_dossier_set_string (dossier, "applicant.email", "ana@example.org", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_null (find_issue_row (GTK_WIDGET (fixture->review), "applicant.email"));
  g_assert_nonnull (find_issue_row (GTK_WIDGET (fixture->review), "applicant.given_name"));
}

/* A complete sample dossier: the validator finds nothing in it. */
static MdDossier *
bind_complete_dossier (Fixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples",
                                                 "erasmus-belgica-2024--study.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(GError) error = NULL;
  MdDossier *dossier = md_bundle_load_file (file, NULL, &error);

  g_assert_no_error (error);
  md_wizard_set_dossier (fixture->wizard, dossier, registry);
  md_wizard_validate_now (fixture->wizard);
  return dossier;
}

static void
test_ready (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = bind_complete_dossier (fixture);

  g_assert_cmpuint (md_report_get_n_issues (md_wizard_get_report (fixture->wizard)), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (fixture->review), "Ready to Submit"));
  g_assert_null (find_group (GTK_WIDGET (fixture->review), "About You"));
  g_assert_null (find_group (GTK_WIDGET (fixture->review), "Other"));
}

static void
test_buttons (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *submit = find_button (GTK_WIDGET (fixture->review), "S_ubmit");
  GtkWidget *save = find_button (GTK_WIDGET (fixture->review), "Save _Bundle");

  g_assert_nonnull (submit);
  /* Outside a main window there is no win.submit to enable it. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (submit)), ==, "win.submit");
  g_assert_false (gtk_widget_get_sensitive (submit));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (submit), ==, "Create or open a dossier first.");
  g_assert_nonnull (save);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (save)), ==, "win.save");
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
}

/* No text is checked here, so that it runs in every language. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = bind_empty_dossier (fixture);

  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  md_wizard_validate_now (fixture->wizard);
  md_wizard_show_page (fixture->wizard, 1);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-review");
  gtk_window_set_default_size (fixture->window, 360, 720);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-review-narrow");
}

static void
test_screenshot_ready (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = bind_complete_dossier (fixture);

  md_wizard_show_page (fixture->wizard, 1);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-review-ready");
  gtk_window_set_default_size (fixture->window, 360, 720);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-review-ready-narrow");
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add ("/page-review/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/page-review/jump-to-field", Fixture, NULL, fixture_set_up, test_jump_to_field, fixture_tear_down);
  g_test_add ("/page-review/rows-kept", Fixture, NULL, fixture_set_up, test_rows_kept, fixture_tear_down);
  g_test_add ("/page-review/ready", Fixture, NULL, fixture_set_up, test_ready, fixture_tear_down);
  g_test_add ("/page-review/buttons", Fixture, NULL, fixture_set_up, test_buttons, fixture_tear_down);
  g_test_add ("/page-review/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add ("/page-review/screenshot-ready", Fixture, NULL, fixture_set_up, test_screenshot_ready, fixture_tear_down);
  return g_test_run ();
}
