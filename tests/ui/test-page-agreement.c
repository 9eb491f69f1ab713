/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The learning agreement screen, driven through its real widgets inside
 * a wizard: language, Tables A and B through their buttons and rows,
 * the A/B comparison, the tables an activity has, and approvals that go
 * stale when the agreement changes.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-bundle.h"
#include "md-component-list.h"
#include "md-page-agreement.h"
#include "md-path-combo-row.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

typedef MdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *activity = data;
  MdDossier *dossier = md_dossier_new ("erasmus-ka131-2024", "2024");

  md_dossier_set_string (dossier, "mobility.activity", activity, NULL);
  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  md_dossier_set_string (dossier, "applicant.family_name", "Peeters", NULL);
  md_test_page_fixture_set_up (fixture, md_page_agreement_new (), dossier, 960, 1600);
}

/* Approving asks in a message dialog; one a test left open would keep
 * the dossier alive. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = md_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  md_test_page_fixture_tear_down (fixture);
}

/* Widget lookups */

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  prefix)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

static const char *
get_comparison (Fixture *fixture)
{
  GtkWidget *row = md_test_find_widget (fixture->page, is_row_titled, "Table A:");

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static MdComponentList *
find_list (Fixture    *fixture,
           const char *path)
{
  GtkWidget *list = md_find_field_widget (fixture->page, path);

  g_assert_true (MD_IS_COMPONENT_LIST (list));
  return MD_COMPONENT_LIST (list);
}

static void
click_add (MdComponentList *list,
           guint            times)
{
  for (guint i = 0; i < times; i++)
    g_signal_emit_by_name (md_component_list_get_add_button (list), "clicked");
}

/* Pure */

static void
test_describe_totals (void)
{
  g_autofree char *match = md_page_agreement_describe_totals (30, 30);
  g_autofree char *differ = md_page_agreement_describe_totals (30, 27);
  g_autofree char *fractions = md_page_agreement_describe_totals (2.5, 1);

  g_assert_cmpstr (match, ==, "Table A: 30 credits · Table B: 30 credits — they match");
  g_assert_cmpstr (differ, ==, "Table A: 30 credits · Table B: 27 credits — they differ by 3 credits");
  g_assert_cmpstr (fractions, ==, "Table A: 2.5 credits · Table B: 1 credit — they differ by 1.5 credits");
}

/* Widgets */

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *level = md_find_field_widget (fixture->page, "learning_agreement.language.cefr");

  md_test_choose (fixture->page, "learning_agreement.language.code", "nl");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "learning_agreement.language.code"), ==, "nl");

  g_assert_true (MD_IS_PATH_COMBO_ROW (level));
  adw_combo_row_set_selected (ADW_COMBO_ROW (level), 3);
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "learning_agreement.language.cefr"), ==, "B2");
  adw_combo_row_set_selected (ADW_COMBO_ROW (level), 6);
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "learning_agreement.language.cefr"), ==, "NS");
}

static void
test_tables (Fixture       *fixture,
             gconstpointer  data)
{
  MdComponentList *table_a = find_list (fixture, "learning_agreement.table_a");
  MdComponentList *table_b = find_list (fixture, "learning_agreement.table_b");
  MdComponentList *table_c = find_list (fixture, "learning_agreement.table_c");

  /* KA131 studies: A and B, and an optional virtual part. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (table_a)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (table_b)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (table_c)));
  g_assert_null (md_test_find_widget (fixture->page, is_label, "No Course Tables"));

  click_add (table_a, 3);
  click_add (table_b, 2);
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "learning_agreement.table_a"), ==, 3);
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "learning_agreement.table_b"), ==, 2);

  md_test_type_text (fixture->page, "learning_agreement.table_a[0].title", "Comparative Law");
  md_test_type_text (fixture->page, "learning_agreement.table_a[0].ects", "10");
  md_test_type_text (fixture->page, "learning_agreement.table_a[1].ects", "10");
  md_test_type_text (fixture->page, "learning_agreement.table_a[2].ects", "10");
  md_test_type_text (fixture->page, "learning_agreement.table_b[0].ects", "15");
  md_test_type_text (fixture->page, "learning_agreement.table_b[1].ects", "12");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "learning_agreement.table_a[0].title"), ==, "Comparative Law");
  g_assert_cmpfloat (md_dossier_get_double (fixture->dossier, "learning_agreement.table_a[2].ects", 0), ==, 10);
  g_assert_cmpfloat (md_component_list_get_total (table_a), ==, 30);
  g_assert_cmpfloat (md_component_list_get_total (table_b), ==, 27);
  g_assert_cmpstr (get_comparison (fixture), ==, "Table A: 30 credits · Table B: 27 credits — they differ by 3 credits");

  md_test_type_text (fixture->page, "learning_agreement.table_b[1].ects", "15");
  g_assert_cmpstr (get_comparison (fixture), ==, "Table A: 30 credits · Table B: 30 credits — they match");

  /* Staff training has no course tables: a note stands in for them. */
  md_dossier_set_string (fixture->dossier, "mobility.activity", "stt", NULL);
  md_dossier_remove_row (fixture->dossier, "learning_agreement.table_b", 1, NULL);
  md_dossier_remove_row (fixture->dossier, "learning_agreement.table_b", 0, NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_nonnull (md_test_find_widget (fixture->page, is_label, "No Course Tables"));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (table_b)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (table_c)));
  /* Rows kept from the earlier activity stay in sight, to be removed. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (table_a)));
}

static void
approve (Fixture    *fixture,
         const char *button_label,
         const char *name)
{
  GtkWidget *label = md_test_find_widget (fixture->page, is_label, button_label);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_nonnull (label);
  g_signal_emit_by_name (gtk_widget_get_parent (label), "clicked");
  dialog = md_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = md_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL);
  g_assert_nonnull (entry);
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "approve"));
  adw_message_dialog_response (dialog, "approve");
  if (md_test_find_message_dialog () == dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_approvals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *digest = NULL;
  const char *stale = "Stale: the agreement changed after this approval";

  click_add (find_list (fixture, "learning_agreement.table_a"), 1);
  md_test_type_text (fixture->page, "learning_agreement.table_a[0].ects", "30");
  g_assert_nonnull (md_test_find_widget (fixture->page, is_row_titled, "Nobody has approved"));

  /* The student's own name is offered. */
  approve (fixture, "Approve as _Student", NULL);
  approve (fixture, "Record _Sending Approval", "Dr. Jan Smet");
  digest = md_bundle_compute_agreement_digest (fixture->dossier);
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "approvals"), ==, 2);
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "approvals[0].role"), ==, "student");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "approvals[0].name"), ==, "Ana Peeters");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "approvals[0].agreement_digest"), ==, digest);
  g_assert_true (g_str_has_suffix (md_dossier_get_string (fixture->dossier, "approvals[0].timestamp"), "Z"));
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "approvals[1].role"), ==, "sending");
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "approvals[1].name"), ==, "Dr. Jan Smet");

  md_wizard_validate_now (fixture->wizard);
  g_assert_false (md_test_report_has (fixture->wizard, "approvals[0]", "approvals.stale"));
  g_assert_cmpuint (md_test_count_widgets (fixture->page, is_label, "Approved"), ==, 2);
  g_assert_null (md_test_find_widget (fixture->page, is_row_titled, "Nobody has approved"));
  g_assert_nonnull (md_test_find_widget (fixture->page, is_row_titled, "Dr. Jan Smet"));

  /* Any change to the agreement makes both approvals stale. */
  md_test_type_text (fixture->page, "learning_agreement.table_a[0].ects", "27");
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (md_test_report_has (fixture->wizard, "approvals[0]", "approvals.stale"));
  g_assert_cmpuint (md_test_count_widgets (fixture->page, is_label, stale), ==, 2);
  g_assert_cmpuint (md_test_count_widgets (fixture->page, is_label, "Approved"), ==, 0);

  /* Approving again gives one fresh approval next to the stale ones. */
  approve (fixture, "Record _Receiving Approval", "Prof. Marie Dubois");
  md_wizard_validate_now (fixture->wizard);
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "approvals[2].role"), ==, "receiving");
  g_assert_cmpuint (md_test_count_widgets (fixture->page, is_label, stale), ==, 2);
  g_assert_cmpuint (md_test_count_widgets (fixture->page, is_label, "Approved"), ==, 1);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *activity = data;
  g_autofree char *name = g_strdup_printf ("page-agreement-%s", activity);
  g_autofree char *narrow = g_strdup_printf ("page-agreement-%s-narrow", activity);

  if (g_str_equal (activity, "sms"))
    {
      md_test_choose (fixture->page, "learning_agreement.language.code", "nl");
      click_add (find_list (fixture, "learning_agreement.table_a"), 2);
      click_add (find_list (fixture, "learning_agreement.table_b"), 1);
      md_test_type_text (fixture->page, "learning_agreement.table_a[0].title", "Comparative Law");
      md_test_type_text (fixture->page, "learning_agreement.table_a[0].ects", "6");
      md_test_type_text (fixture->page, "learning_agreement.table_a[1].title", "Dutch for Exchange Students");
      md_test_type_text (fixture->page, "learning_agreement.table_a[1].ects", "3");
      md_test_type_text (fixture->page, "learning_agreement.table_b[0].title", "Elective Abroad");
      md_test_type_text (fixture->page, "learning_agreement.table_b[0].ects", "6");
      approve (fixture, "Approve as _Student", NULL);
      md_test_type_text (fixture->page, "learning_agreement.table_a[1].ects", "4");
      approve (fixture, "Record _Sending Approval", "Dr. Jan Smet");
    }
  md_wizard_validate_now (fixture->wizard);
  /* Tall enough for the whole page when the screen allows it. */
  gtk_window_set_default_size (fixture->window, 960, 2800);
  md_test_iterate_for (500);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), name);

  gtk_window_set_default_size (fixture->window, 360, 2800);
  md_test_iterate_for (500);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), narrow);
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add_func ("/page-agreement/describe-totals", test_describe_totals);
  g_test_add ("/page-agreement/language", Fixture, "sms", fixture_set_up, test_language, fixture_tear_down);
  g_test_add ("/page-agreement/tables", Fixture, "sms", fixture_set_up, test_tables, fixture_tear_down);
  g_test_add ("/page-agreement/approvals", Fixture, "sms", fixture_set_up, test_approvals, fixture_tear_down);
  g_test_add ("/page-agreement/screenshots/sms", Fixture, "sms", fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/page-agreement/screenshots/stt", Fixture, "stt", fixture_set_up, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
