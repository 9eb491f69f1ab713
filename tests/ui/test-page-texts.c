/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The motivation letter and the study or training plan screens, driven
 * through their real widgets inside a wizard: typing reaches the model,
 * the counts and bounds show, the criteria follow the activity, and the
 * traineeship part shows only for traineeships.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-page-motivation.h"
#include "md-page-study-plan.h"
#include "md-path-entry-row.h"
#include "md-path-text-view.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

typedef struct
{
  GtkWindow *window;
  MdWizard  *wizard;
  GtkWidget *motivation;
  GtkWidget *plan;
  MdDossier *dossier;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *activity = data;
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->wizard = md_wizard_new ();
  fixture->motivation = md_page_motivation_new ();
  fixture->plan = md_page_study_plan_new ();
  md_wizard_add_page (fixture->wizard, MD_WIZARD_PAGE (fixture->motivation));
  md_wizard_add_page (fixture->wizard, MD_WIZARD_PAGE (fixture->plan));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->wizard));
  gtk_window_set_default_size (fixture->window, 960, 1100);

  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "mobility.activity", activity, NULL);
  md_wizard_set_dossier (fixture->wizard, fixture->dossier, registry);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  md_test_iterate ();
  g_assert_finalize_object (fixture->dossier);
}

/* Widget lookups */

static void
collect_widgets (GtkWidget         *root,
                 MdTestWidgetMatch  match,
                 gconstpointer      data,
                 GPtrArray         *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (match (child, data))
        g_ptr_array_add (found, child);
      collect_widgets (child, match, data, found);
    }
}

static gboolean
is_row_with_subtitle (GtkWidget     *widget,
                      gconstpointer  subtitle)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static gboolean
is_row_with_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_label_starting_with (GtkWidget     *widget,
                        gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static const char *
find_label_text (GtkWidget  *root,
                 const char *prefix)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, is_label_starting_with, prefix, found);
  g_assert_cmpuint (found->len, >, 0);
  return gtk_label_get_label (found->pdata[0]);
}

static MdPathTextView *
find_text_view (GtkWidget  *page,
                const char *path)
{
  GtkWidget *widget = md_find_field_widget (page, path);

  g_assert_true (MD_IS_PATH_TEXT_VIEW (widget));
  return MD_PATH_TEXT_VIEW (widget);
}

static void
type_text (MdPathTextView *view,
           const char     *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (md_path_text_view_get_text_view (view));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static char *
make_words (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, i == 0 ? "word" : " word");

  return g_string_free (text, FALSE);
}

/* Tests */

static void
test_letter_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  MdPathTextView *letter = find_text_view (fixture->motivation, "motivation_letter.text");
  g_autofree char *long_text = make_words (250);

  /* The KA131 SMS letter has 200 to 1,000 words. */
  g_assert_cmpuint (md_path_text_view_get_min_words (letter), ==, 200);
  g_assert_cmpuint (md_path_text_view_get_max_words (letter), ==, 1000);

  type_text (letter, "I want to study in Ghent.");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "motivation_letter.text"), ==,
                   "I want to study in Ghent.");
  g_assert_nonnull (strstr (find_label_text (GTK_WIDGET (letter), "6 words"), "25 characters"));

  md_wizard_validate_now (fixture->wizard);
  g_assert_true (md_test_report_has (fixture->wizard, "motivation_letter.text", "letter.too_short"));
  g_assert_cmpuint (md_wizard_count_page_issues (fixture->wizard, MD_WIZARD_PAGE (fixture->motivation),
                                                 MD_SEVERITY_ERROR), >, 0);

  type_text (letter, long_text);
  g_assert_nonnull (find_label_text (GTK_WIDGET (letter), "250 words"));
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (md_test_report_has (fixture->wizard, "motivation_letter.text", "letter.too_short"));
}

static void
test_letter_criteria (Fixture       *fixture,
                      gconstpointer  data)
{
  MdPathTextView *letter = find_text_view (fixture->motivation, "motivation_letter.text");

  /* KA131 students: four criteria of equal weight. */
  g_assert_cmpuint (md_test_count_widgets (fixture->motivation, is_row_with_subtitle, "25 % · scored out of 10"), ==, 4);
  g_assert_cmpuint (md_test_count_widgets (fixture->motivation, is_row_with_title, "Academic record"), ==, 1);

  /* Staff training: five other criteria, other word bounds. */
  md_dossier_set_string (fixture->dossier, "mobility.activity", "stt", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_cmpuint (md_test_count_widgets (fixture->motivation, is_row_with_subtitle, "25 % · scored out of 10"), ==, 0);
  g_assert_cmpuint (md_test_count_widgets (fixture->motivation, is_row_with_subtitle, "20 % · scored out of 10"), ==, 5);
  g_assert_cmpuint (md_test_count_widgets (fixture->motivation, is_row_with_title, "The candidate's training plan"), ==, 1);
  g_assert_cmpuint (md_path_text_view_get_min_words (letter), ==, 150);
}

static void
test_plan_texts (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *objectives = make_words (100);
  AdwPreferencesGroup *group;

  type_text (find_text_view (fixture->plan, "study_plan.objectives"), "Learn Dutch.");
  type_text (find_text_view (fixture->plan, "study_plan.activities"), "Courses in law.");
  type_text (find_text_view (fixture->plan, "study_plan.learning_outcomes"), "Comparative law.");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.objectives"), ==, "Learn Dutch.");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.activities"), ==, "Courses in law.");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.learning_outcomes"), ==, "Comparative law.");

  /* The three parts count together against 100 to 2,000 words. */
  md_wizard_validate_now (fixture->wizard);
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (md_find_field_widget (fixture->plan, "study_plan.objectives"),
                                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "100 to 2000 words"));
  g_assert_cmpstr (find_label_text (fixture->plan, "The plan has"), ==, "The plan has 7 words in all.");
  g_assert_true (md_test_report_has (fixture->wizard, "study_plan.objectives", "plan.too_short"));

  type_text (find_text_view (fixture->plan, "study_plan.objectives"), objectives);
  md_wizard_validate_now (fixture->wizard);
  g_assert_cmpstr (find_label_text (fixture->plan, "The plan has"), ==, "The plan has 105 words in all.");
  g_assert_false (md_test_report_has (fixture->wizard, "study_plan.objectives", "plan.too_short"));
  g_assert_false (md_test_report_has (fixture->wizard, "study_plan.objectives", "plan.too_long"));

  /* Studies have no traineeship part. */
  g_assert_false (gtk_widget_is_visible (md_find_field_widget (fixture->plan, "study_plan.traineeship.mentor")));
}

static void
test_plan_traineeship (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *hours = md_find_field_widget (fixture->plan, "study_plan.traineeship.hours_per_week");
  GtkWidget *mentor = md_find_field_widget (fixture->plan, "study_plan.traineeship.mentor");

  g_assert_true (gtk_widget_is_visible (hours));
  gtk_editable_set_text (GTK_EDITABLE (hours), "38");
  gtk_editable_set_text (GTK_EDITABLE (mentor), "Els Peeters, lab manager");
  type_text (find_text_view (fixture->plan, "study_plan.traineeship.programme"), "Week 1: onboarding.");
  type_text (find_text_view (fixture->plan, "study_plan.traineeship.monitoring"), "Weekly meeting.");
  type_text (find_text_view (fixture->plan, "study_plan.traineeship.evaluation"), "Final report.");

  g_assert_cmpfloat (md_dossier_get_double (fixture->dossier, "study_plan.traineeship.hours_per_week", 0), ==, 38);
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.traineeship.mentor"), ==,
                   "Els Peeters, lab manager");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.traineeship.programme"), ==,
                   "Week 1: onboarding.");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.traineeship.monitoring"), ==,
                   "Weekly meeting.");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "study_plan.traineeship.evaluation"), ==,
                   "Final report.");

  /* Another activity hides the part again. */
  md_dossier_set_string (fixture->dossier, "mobility.activity", "stt", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (gtk_widget_is_visible (hours));
}

static void
fill_for_screenshot (Fixture *fixture)
{
  type_text (find_text_view (fixture->motivation, "motivation_letter.text"),
             "Studying comparative law at Ghent University would let me follow courses that my home "
             "university does not offer, and improve my Dutch before my master's thesis.");
  type_text (find_text_view (fixture->plan, "study_plan.objectives"),
             "Follow the European private law track and write a paper on consumer protection.");
  md_wizard_validate_now (fixture->wizard);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *activity = data;
  g_autofree char *letter_name = g_strdup_printf ("page-motivation-%s", activity);
  g_autofree char *plan_name = g_strdup_printf ("page-study-plan-%s", activity);

  fill_for_screenshot (fixture);
  /* Tall enough for the whole page when the screen allows it. */
  gtk_window_set_default_size (fixture->window, 960, 2000);
  md_wizard_show_page (fixture->wizard, 0);
  md_test_iterate_for (300);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), letter_name);
  md_wizard_show_page (fixture->wizard, 1);
  md_test_iterate_for (300);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), plan_name);

  /* A phone: the sidebar folds away and the page must still fit. */
  gtk_window_set_default_size (fixture->window, 360, 2000);
  md_test_iterate_for (500);
  g_free (plan_name);
  plan_name = g_strdup_printf ("page-study-plan-%s-narrow", activity);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), plan_name);
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add ("/page-texts/letter-counts", Fixture, "sms", fixture_set_up, test_letter_counts, fixture_tear_down);
  g_test_add ("/page-texts/letter-criteria", Fixture, "sms", fixture_set_up, test_letter_criteria, fixture_tear_down);
  g_test_add ("/page-texts/plan-texts", Fixture, "sms", fixture_set_up, test_plan_texts, fixture_tear_down);
  g_test_add ("/page-texts/plan-traineeship", Fixture, "smt", fixture_set_up, test_plan_traineeship, fixture_tear_down);
  g_test_add ("/page-texts/screenshots/sms", Fixture, "sms", fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/page-texts/screenshots/smt", Fixture, "smt", fixture_set_up, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
