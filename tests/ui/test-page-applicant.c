/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "About You" screen in a real wizard: its rows write the model
 * with the right JSON types, and the staff and eligibility groups show
 * only for the applicants and programmes they concern.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-page-applicant.h"
#include "md-path-entry-row.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

typedef MdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  MdDossier *dossier = md_dossier_new ("erasmus-ka131-2024", "2024");

  md_dossier_set_string (dossier, "mobility.activity", "sms", NULL);
  md_test_page_fixture_set_up (fixture, md_page_applicant_new (), dossier, 760, 2600);
  md_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  md_test_page_fixture_tear_down (fixture);
}

static GtkWidget *
get_group (Fixture    *fixture,
           const char *path)
{
  return gtk_widget_get_ancestor (md_test_find_field (fixture->page, path), ADW_TYPE_PREFERENCES_GROUP);
}

static gboolean
group_of_path_visible (Fixture    *fixture,
                       const char *path)
{
  return gtk_widget_get_visible (get_group (fixture, path));
}

static gboolean
row_visible (Fixture    *fixture,
             const char *path)
{
  return gtk_widget_get_visible (md_test_find_field (fixture->page, path));
}

/* ---- Tests ------------------------------------------------------------- */

static void
test_rows_fill_model (Fixture       *fixture,
                      gconstpointer  data)
{
  md_test_choose (fixture->page, "applicant.role", "doctoral");
  md_test_type_text (fixture->page, "applicant.date_of_birth", "1998-05-17");
  md_test_choose (fixture->page, "applicant.nationality", "PT");
  md_test_type_text (fixture->page, "applicant.home_institution.name", "Institute of Tropical Medicine");
  md_test_choose (fixture->page, "applicant.home_institution.country", "BE");
  md_test_choose (fixture->page, "applicant.study_cycle", "8");
  md_test_type_text (fixture->page, "applicant.field_of_education", "0912");
  md_test_type_text (fixture->page, "applicant.year_of_study", "2");
  md_test_type_text (fixture->page, "applicant.previous_mobility_months", "3.5");
  md_test_switch_on (fixture->page, "applicant.one_cycle_programme");
  md_test_switch_on (fixture->page, "applicant.fewer_opportunities");
  md_test_type_text (fixture->page, "applicant.iban", "BE71 0961 2345 6769");

  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.role", G_TYPE_STRING)), ==, "doctoral");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.date_of_birth", G_TYPE_STRING)), ==, "1998-05-17");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.nationality", G_TYPE_STRING)), ==, "PT");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.home_institution.country", G_TYPE_STRING)), ==, "BE");
  g_assert_cmpint (json_node_get_int (md_test_lookup_value (fixture->dossier, "applicant.study_cycle", G_TYPE_INT64)), ==, 8);
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.field_of_education", G_TYPE_STRING)), ==, "0912");
  g_assert_cmpint (json_node_get_int (md_test_lookup_value (fixture->dossier, "applicant.year_of_study", G_TYPE_INT64)), ==, 2);
  g_assert_cmpfloat (json_node_get_double (md_test_lookup_value (fixture->dossier, "applicant.previous_mobility_months", G_TYPE_DOUBLE)), ==, 3.5);
  g_assert_true (json_node_get_boolean (md_test_lookup_value (fixture->dossier, "applicant.one_cycle_programme", G_TYPE_BOOLEAN)));
  g_assert_true (json_node_get_boolean (md_test_lookup_value (fixture->dossier, "applicant.fewer_opportunities", G_TYPE_BOOLEAN)));
  /* An unanswered question stays unanswered. */
  g_assert_null (md_dossier_lookup (fixture->dossier, "applicant.scholarship"));
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.iban", G_TYPE_STRING)), ==, "BE71 0961 2345 6769");

  /* The rows the main window's tests rely on are still entry rows. */
  g_assert_true (MD_IS_PATH_ENTRY_ROW (md_test_find_field (fixture->page, "applicant.given_name")));
  g_assert_true (MD_IS_PATH_ENTRY_ROW (md_test_find_field (fixture->page, "applicant.family_name")));
  g_assert_true (MD_IS_PATH_ENTRY_ROW (md_test_find_field (fixture->page, "applicant.email")));
  g_assert_true (MD_IS_PATH_ENTRY_ROW (md_test_find_field (fixture->page, "applicant.phone")));
}

static void
test_staff_group (Fixture       *fixture,
                  gconstpointer  data)
{
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "applicant.position"));
  g_assert_true (group_of_path_visible (fixture, "applicant.degree_programme"));

  md_test_choose (fixture->page, "applicant.role", "staff");
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (group_of_path_visible (fixture, "applicant.position"));
  g_assert_false (group_of_path_visible (fixture, "applicant.degree_programme"));
  md_test_type_text (fixture->page, "applicant.position", "Lecturer");
  md_test_type_text (fixture->page, "applicant.department", "Public Health");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.position", G_TYPE_STRING)), ==, "Lecturer");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "applicant.department", G_TYPE_STRING)), ==, "Public Health");

  md_test_choose (fixture->page, "applicant.role", "student");
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "applicant.position"));
  g_assert_true (group_of_path_visible (fixture, "applicant.degree_programme"));
}

static void
test_eligibility_group (Fixture       *fixture,
                        gconstpointer  data)
{
  /* KA131 does not select on study results. */
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "applicant.credits_obtained"));

  /* The TWC internship asks for both, and says how much. */
  md_dossier_set_string (fixture->dossier, "programme", "flemish-twc-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "internship", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (group_of_path_visible (fixture, "applicant.credits_obtained"));
  g_assert_true (row_visible (fixture, "applicant.credits_obtained"));
  g_assert_true (row_visible (fixture, "applicant.gpa"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (get_group (fixture, "applicant.gpa"))),
                            "at least 60 credits"));
  md_test_type_text (fixture->page, "applicant.credits_obtained", "72");
  md_test_type_text (fixture->page, "applicant.gpa", "3,4");
  g_assert_cmpfloat (json_node_get_double (md_test_lookup_value (fixture->dossier, "applicant.credits_obtained", G_TYPE_DOUBLE)), ==, 72);
  g_assert_cmpfloat (json_node_get_double (md_test_lookup_value (fixture->dossier, "applicant.gpa", G_TYPE_DOUBLE)), ==, 3.4);

  /* Erasmus Belgica: credits only. */
  md_dossier_set_string (fixture->dossier, "programme", "erasmus-belgica-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "study", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (row_visible (fixture, "applicant.credits_obtained"));
  g_assert_false (row_visible (fixture, "applicant.gpa"));
}

/* Fills the page as an applicant would and saves how it looks; no
 * text is checked, so it runs in every language. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  md_test_choose (fixture->page, "applicant.role", "student");
  md_test_type_text (fixture->page, "applicant.given_name", "Ana");
  md_test_type_text (fixture->page, "applicant.family_name", "Peeters");
  md_test_type_text (fixture->page, "applicant.date_of_birth", "2001-03-09");
  md_test_choose (fixture->page, "applicant.nationality", "BE");
  md_test_type_text (fixture->page, "applicant.email", "ana.peeters@example.org");
  md_test_type_text (fixture->page, "applicant.home_institution.name", "Institute of Tropical Medicine");
  md_test_choose (fixture->page, "applicant.study_cycle", "7");
  md_test_type_text (fixture->page, "applicant.field_of_education", "0912");
  md_dossier_set_string (fixture->dossier, "programme", "flemish-twc-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "internship", NULL);
  md_wizard_validate_now (fixture->wizard);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-applicant");

  gtk_window_set_default_size (fixture->window, 360, 3000);
  md_test_iterate ();
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-applicant-narrow");
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add ("/page-applicant/rows-fill-model", Fixture, NULL, fixture_set_up, test_rows_fill_model, fixture_tear_down);
  g_test_add ("/page-applicant/staff-group", Fixture, NULL, fixture_set_up, test_staff_group, fixture_tear_down);
  g_test_add ("/page-applicant/eligibility-group", Fixture, NULL, fixture_set_up, test_eligibility_group,
              fixture_tear_down);
  g_test_add ("/page-applicant/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
