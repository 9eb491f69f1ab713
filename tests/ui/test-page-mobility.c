/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Mobility" screen in a real wizard: its rows write the model with
 * the right JSON types, the groups that depend on the activity come and
 * go, and the grant estimate follows the answers line by line.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-page-mobility.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

typedef MdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  MdDossier *dossier = md_dossier_new ("erasmus-ka131-2024", "2024");

  /* The activity is chosen on another screen. */
  md_dossier_set_string (dossier, "mobility.activity", "sms", NULL);
  md_test_page_fixture_set_up (fixture, md_page_mobility_new (), dossier, 760, 2200);
  md_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  md_test_page_fixture_tear_down (fixture);
}

static gboolean
group_of_path_visible (Fixture    *fixture,
                       const char *path)
{
  return gtk_widget_get_visible (gtk_widget_get_ancestor (md_test_find_field (fixture->page, path), ADW_TYPE_PREFERENCES_GROUP));
}

static GtkWidget *
find_estimate_group (Fixture *fixture)
{
  GtkWidget *child = gtk_widget_get_first_child (fixture->page);

  /* The estimate is the last group of the page. */
  for (; child != NULL && !ADW_IS_PREFERENCES_GROUP (child); child = gtk_widget_get_first_child (child))
    ;
  g_assert_nonnull (child);
  child = gtk_widget_get_parent (child);
  g_assert_nonnull (gtk_widget_get_last_child (child));
  return gtk_widget_get_last_child (child);
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_string_append_printf (text, "%s%s", gtk_label_get_text (GTK_LABEL (widget)),
                            ADW_IS_ACTION_ROW (gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW)) ? " | " : "\n");
  if (ADW_IS_ACTION_ROW (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        collect_labels (child, text);
      g_string_append_c (text, '\n');
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The estimate as shown: one line per row, its labels joined by " | ". */
static char *
dup_estimate_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  md_wizard_validate_now (fixture->wizard);
  collect_labels (find_estimate_group (fixture), text);
  return g_string_free (text, FALSE);
}

/* ---- Tests ------------------------------------------------------------- */

static void
test_rows_fill_model (Fixture       *fixture,
                      gconstpointer  data)
{
  md_test_choose (fixture->page, "mobility.destination_country", "DE");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.destination_country", G_TYPE_STRING)), ==, "DE");

  md_test_type_text (fixture->page, "mobility.receiving_organisation.name", "Universität Heidelberg");
  md_test_type_text (fixture->page, "mobility.receiving_organisation.erasmus_code", "D  HEIDELB01");
  md_test_type_text (fixture->page, "mobility.receiving_organisation.contact_email", "erasmus@uni-heidelberg.de");
  md_test_choose (fixture->page, "mobility.receiving_organisation.type", "research");
  md_test_type_text (fixture->page, "mobility.start_date", "2026-01-01");
  md_test_choose (fixture->page, "mobility.travel_mode", "green");
  md_test_type_text (fixture->page, "mobility.distance_km", "412,5");

  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.receiving_organisation.name", G_TYPE_STRING)),
                   ==, "Universität Heidelberg");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.receiving_organisation.type", G_TYPE_STRING)),
                   ==, "research");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.start_date", G_TYPE_STRING)), ==, "2026-01-01");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.travel_mode", G_TYPE_STRING)), ==, "green");
  g_assert_cmpfloat (json_node_get_double (md_test_lookup_value (fixture->dossier, "mobility.distance_km", G_TYPE_DOUBLE)), ==, 412.5);

  /* The validator's word reaches the row: SMS goes to a university. */
  md_wizard_validate_now (fixture->wizard);
  g_assert_nonnull (md_wizard_get_report (fixture->wizard));
  g_assert_cmpuint (md_wizard_count_page_issues (fixture->wizard, MD_WIZARD_PAGE (fixture->page), MD_SEVERITY_ERROR), >, 0);
}

static void
test_estimate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *no_country = dup_estimate_text (fixture);
  g_autofree char *no_dates = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *green = NULL;
  g_autofree char *reversed = NULL;

  md_test_assert_text_contains (no_country, "Choose the destination country first.");
  md_test_assert_text_lacks (no_country, "Estimated total");

  md_test_choose (fixture->page, "mobility.destination_country", "DE");
  no_dates = dup_estimate_text (fixture);
  md_test_assert_text_contains (no_dates, "Enter valid start and end dates first.");

  md_test_type_text (fixture->page, "mobility.start_date", "2026-01-01");
  md_test_type_text (fixture->page, "mobility.end_date", "2026-04-15");
  md_test_choose (fixture->page, "mobility.travel_mode", "standard");
  standard = dup_estimate_text (fixture);
  md_test_assert_text_contains (standard, "Individual support | 3 full months × €600 + 15 days × €600 / 30 | 2100.00 € | \n");
  md_test_assert_text_contains (standard, "Estimated total | 2100.00 € | \n");
  md_test_assert_text_contains (standard, "Estimate only — indicative rates");
  md_test_assert_text_lacks (standard, "Enter valid start");

  /* Green travel without travel support: extra days and a top-up. */
  md_test_choose (fixture->page, "mobility.travel_mode", "green");
  green = dup_estimate_text (fixture);
  md_test_assert_text_contains (green, "Green travel days | 4 extra days × €600 / 30 | 80.00 € | \n");
  md_test_assert_text_contains (green, "Estimated total | 2230.00 € | \n");

  md_test_type_text (fixture->page, "mobility.end_date", "2025-12-01");
  reversed = dup_estimate_text (fixture);
  md_test_assert_text_contains (reversed, "Enter valid start and end dates first.");
  md_test_assert_text_lacks (reversed, "Estimated total");
}

static void
test_activity_groups (Fixture       *fixture,
                      gconstpointer  data)
{
  /* KA131 studies: no teaching, no partner student. */
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "mobility.teaching_hours"));
  g_assert_false (group_of_path_visible (fixture, "mobility.pair_partner.name"));

  /* Teaching staff must teach a number of hours a week. */
  md_dossier_set_string (fixture->dossier, "programme", "erasmus-ka131-sta-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "sta", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (group_of_path_visible (fixture, "mobility.teaching_hours"));
  g_assert_false (group_of_path_visible (fixture, "mobility.pair_partner.name"));
  md_test_type_text (fixture->page, "mobility.teaching_hours", "8");
  g_assert_cmpint (json_node_get_double (md_test_lookup_value (fixture->dossier, "mobility.teaching_hours", G_TYPE_DOUBLE)), ==, 8);

  /* ASEM-DUO students always travel as a pair. */
  md_dossier_set_string (fixture->dossier, "programme", "flemish-asem-duo-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "duo_outgoing", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "mobility.teaching_hours"));
  g_assert_true (group_of_path_visible (fixture, "mobility.pair_partner.name"));
  md_test_type_text (fixture->page, "mobility.pair_partner.name", "Nguyen Van An");
  md_test_type_text (fixture->page, "mobility.pair_partner.institution", "Hanoi University of Public Health");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.pair_partner.name", G_TYPE_STRING)),
                   ==, "Nguyen Van An");
  g_assert_cmpstr (json_node_get_string (md_test_lookup_value (fixture->dossier, "mobility.pair_partner.institution", G_TYPE_STRING)),
                   ==, "Hanoi University of Public Health");
}

/* Fills the page as an applicant would and saves how it looks; no
 * text is checked, so it runs in every language. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  md_test_choose (fixture->page, "mobility.destination_country", "DE");
  md_test_type_text (fixture->page, "mobility.receiving_organisation.name", "Universität Heidelberg");
  md_test_type_text (fixture->page, "mobility.receiving_organisation.erasmus_code", "D  HEIDELB01");
  md_test_choose (fixture->page, "mobility.receiving_organisation.type", "hei");
  md_test_type_text (fixture->page, "mobility.start_date", "2026-01-01");
  md_test_type_text (fixture->page, "mobility.end_date", "2026-04-15");
  md_test_choose (fixture->page, "mobility.travel_mode", "green");
  md_test_type_text (fixture->page, "mobility.distance_km", "412");
  md_wizard_validate_now (fixture->wizard);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-mobility");

  gtk_window_set_default_size (fixture->window, 360, 2200);
  md_test_iterate ();
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-mobility-narrow");
}

static void
test_format_amount (void)
{
  g_autofree char *small = md_page_mobility_format_amount (80);
  g_autofree char *cents = md_page_mobility_format_amount (1234.5);

  g_assert_cmpstr (small, ==, "80.00 €");
  g_assert_cmpstr (cents, ==, "1234.50 €");
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add_func ("/page-mobility/format-amount", test_format_amount);
  g_test_add ("/page-mobility/rows-fill-model", Fixture, NULL, fixture_set_up, test_rows_fill_model, fixture_tear_down);
  g_test_add ("/page-mobility/estimate", Fixture, NULL, fixture_set_up, test_estimate, fixture_tear_down);
  g_test_add ("/page-mobility/activity-groups", Fixture, NULL, fixture_set_up, test_activity_groups, fixture_tear_down);
  g_test_add ("/page-mobility/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
