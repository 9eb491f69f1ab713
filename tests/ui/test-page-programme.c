/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Programme and Activity" screen in a real wizard: choosing
 * through its rows writes the model, the activity is described from
 * the profile before anything is typed, and another programme brings
 * its own activities and call.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-app-types.h"
#include "md-page-programme.h"
#include "md-path-combo-row.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

typedef MdTestPageFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  md_test_page_fixture_set_up (fixture, md_page_programme_new (),
                               md_dossier_new ("erasmus-ka131-2024", "2024"), 760, 1400);
  md_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  md_test_page_fixture_tear_down (fixture);
}

static MdPathComboRow *
find_combo (Fixture    *fixture,
            const char *path)
{
  GtkWidget *row = md_find_field_widget (fixture->page, path);

  g_assert_true (MD_IS_PATH_COMBO_ROW (row));
  return MD_PATH_COMBO_ROW (row);
}

/* Picks the item that stands for @value, as a user would. */
static void
choose (MdPathComboRow *row,
        const char     *value)
{
  const char * const *values = md_path_combo_row_get_values (row);

  g_assert_nonnull (values);
  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }

  g_error ("No choice “%s” in %s", value, md_field_widget_get_field_path (MD_FIELD_WIDGET (row)));
}

static char *
dup_values (MdPathComboRow *row)
{
  return g_strjoinv (",", (char **) md_path_combo_row_get_values (row));
}

static char *
dup_selected_label (MdPathComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  return item ? g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item))) : NULL;
}

/* Every visible text under @widget, one per line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
dup_page_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  collect_text (fixture->page, text);
  return g_string_free (text, FALSE);
}

static void
assert_string_at (MdDossier  *dossier,
                  const char *path,
                  const char *expected)
{
  JsonNode *node = md_dossier_lookup (dossier, path);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static GtkLabel *
find_selectable_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_label_get_selectable (GTK_LABEL (child)))
        return GTK_LABEL (child);
      found = find_selectable_label (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ---- Tests ------------------------------------------------------------- */

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  MdPathComboRow *programme_row = find_combo (fixture, "programme");
  MdPathComboRow *activity_row = find_combo (fixture, "mobility.activity");
  g_autofree char *programme_label = dup_selected_label (programme_row);
  g_autofree char *activities = dup_values (activity_row);
  g_autofree char *activity_label = NULL;

  /* Every installed profile is offered, by its title. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (programme_row))), ==,
                    g_list_model_get_n_items (md_programme_registry_get_programmes (fixture->registry)));
  g_assert_cmpstr (programme_label, ==, "Erasmus+ KA131 outgoing mobility (call 2024)");

  /* Nothing is chosen for the applicant. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (activity_row)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (md_dossier_lookup (fixture->dossier, "mobility.activity"));
  g_assert_cmpstr (activities, ==, "sms,smt,sms_blended,doctoral_short,stt");

  choose (activity_row, "smt");
  assert_string_at (fixture->dossier, "mobility.activity", "smt");
  activity_label = dup_selected_label (activity_row);
  g_assert_cmpstr (activity_label, ==, "Student mobility for traineeships (SMT)");
}

static void
test_activity_described (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *before = dup_page_text (fixture);
  g_autofree char *sms = NULL;
  g_autofree char *blended = NULL;
  g_autofree char *staff = NULL;

  /* Until an activity is chosen the page says how to get its facts. */
  md_test_assert_text_contains (before, "Choose an activity to see who may apply");
  md_test_assert_text_lacks (before, "travel days not counted");
  md_test_assert_text_lacks (before, "Apply by");

  choose (find_combo (fixture, "mobility.activity"), "sms");
  md_wizard_validate_now (fixture->wizard);
  sms = dup_page_text (fixture);
  md_test_assert_text_lacks (sms, "Choose an activity to see");
  md_test_assert_text_contains (sms, "A study period of 2 to 12 months of physical mobility");
  md_test_assert_text_contains (sms, "Students, Doctoral candidates\n");
  md_test_assert_text_contains (sms, "2 to 12 months, travel days not counted");
  md_test_assert_text_contains (sms, "EU member states; Third countries associated to the programme; "
                             "Third countries not associated to the programme, except Belgium");
  md_test_assert_text_contains (sms, "Apply by 31 July 2026, at least 2 months before departure");
  md_test_assert_text_contains (sms, "Between 1 June 2024 and 31 July 2026");
  md_test_assert_text_contains (sms, "Application form, Curriculum vitae, Transcript of records\n");
  md_test_assert_text_contains (sms, "Indicative Figures");

  choose (find_combo (fixture, "mobility.activity"), "sms_blended");
  md_wizard_validate_now (fixture->wizard);
  blended = dup_page_text (fixture);
  md_test_assert_text_contains (blended, "5 to 30 days, travel days not counted");
  md_test_assert_text_contains (blended, "Students — Master (EQF 7)");
  md_test_assert_text_lacks (blended, "Transcript of records");

  choose (find_combo (fixture, "mobility.activity"), "stt");
  md_wizard_validate_now (fixture->wizard);
  staff = dup_page_text (fixture);
  md_test_assert_text_contains (staff, "2 to 60 days, travel days not counted");
  md_test_assert_text_contains (staff, "Staff members\n");
  md_test_assert_text_lacks (staff, "Third countries not associated");
}

static void
test_dossier_identifier (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkLabel *label = find_selectable_label (fixture->page);

  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (label), ==, md_dossier_get_id (fixture->dossier));
  g_assert_cmpuint (strlen (gtk_label_get_label (label)), >, 0);
}

static void
test_programme_change (Fixture       *fixture,
                       gconstpointer  data)
{
  MdPathComboRow *activity_row = find_combo (fixture, "mobility.activity");
  g_autoptr(MdProgramme) twc = md_programme_registry_lookup (fixture->registry, "flemish-twc-2024", NULL);
  g_autoptr(MdProgramme) duo = md_programme_registry_lookup (fixture->registry, "flemish-asem-duo-2024", NULL);
  g_autofree char *twc_text = NULL;
  g_autofree char *twc_label = NULL;
  g_autofree char *twc_activities = NULL;
  g_autofree char *duo_activities = NULL;

  choose (activity_row, "sms");
  g_assert_nonnull (twc);
  g_assert_nonnull (duo);

  choose (find_combo (fixture, "programme"), "flemish-twc-2024");
  assert_string_at (fixture->dossier, "programme", "flemish-twc-2024");
  assert_string_at (fixture->dossier, "call", md_programme_get_call (twc));
  md_wizard_validate_now (fixture->wizard);

  /* The activities are the new programme's; the old choice is not one. */
  twc_activities = dup_values (activity_row);
  g_assert_cmpstr (twc_activities, ==, "internship");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (activity_row)), ==, GTK_INVALID_LIST_POSITION);
  choose (activity_row, "internship");
  md_wizard_validate_now (fixture->wizard);
  twc_label = dup_selected_label (activity_row);
  g_assert_cmpstr (twc_label, ==, md_json_pick_member_translation (md_programme_get_activity (twc, "internship"), "title"));
  twc_text = dup_page_text (fixture);
  md_test_assert_text_contains (twc_text, "United States");
  /* The Flemish calls publish no calendar: no deadline is made up. */
  md_test_assert_text_lacks (twc_text, "Apply by");

  choose (find_combo (fixture, "programme"), "flemish-asem-duo-2024");
  md_wizard_validate_now (fixture->wizard);
  duo_activities = dup_values (activity_row);
  g_assert_cmpstr (duo_activities, ==, "duo_outgoing,duo_incoming");
  assert_string_at (fixture->dossier, "call", md_programme_get_call (duo));
}

/* Saves how the page looks with an activity chosen; no text is
 * checked, so it runs in every language. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  choose (find_combo (fixture, "mobility.activity"), "sms");
  md_wizard_validate_now (fixture->wizard);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-programme");

  gtk_window_set_default_size (fixture->window, 360, 1600);
  md_test_iterate ();
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-programme-narrow");
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add ("/page-programme/choices", Fixture, NULL, fixture_set_up, test_choices, fixture_tear_down);
  g_test_add ("/page-programme/activity-described", Fixture, NULL, fixture_set_up, test_activity_described,
              fixture_tear_down);
  g_test_add ("/page-programme/dossier-identifier", Fixture, NULL, fixture_set_up, test_dossier_identifier,
              fixture_tear_down);
  g_test_add ("/page-programme/programme-change", Fixture, NULL, fixture_set_up, test_programme_change,
              fixture_tear_down);
  g_test_add ("/page-programme/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
