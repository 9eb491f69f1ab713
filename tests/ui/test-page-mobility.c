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
#include "md-path-combo-row.h"
#include "md-path-country-row.h"
#include "md-wizard.h"

typedef struct
{
  GtkWindow           *window;
  MdWizard            *wizard;
  GtkWidget           *page;
  MdDossier           *dossier;
  MdProgrammeRegistry *registry;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  fixture->registry = md_programme_registry_new_default ();
  fixture->page = md_page_mobility_new ();
  fixture->wizard = md_wizard_new ();
  md_wizard_add_page (fixture->wizard, MD_WIZARD_PAGE (fixture->page));

  /* The activity is chosen on another screen. */
  md_dossier_set_string (fixture->dossier, "mobility.activity", "sms", NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 760, 2200);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->wizard));
  md_wizard_set_dossier (fixture->wizard, fixture->dossier, fixture->registry);
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  g_assert_finalize_object (fixture->dossier);
  g_clear_object (&fixture->registry);
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *path)
{
  GtkWidget *row = md_find_field_widget (fixture->page, path);

  if (row == NULL)
    g_error ("No row for %s", path);
  return row;
}

static void
type_into (Fixture    *fixture,
           const char *path,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, path)), text);
}

static void
choose (Fixture    *fixture,
        const char *path,
        const char *value)
{
  MdPathComboRow *row = MD_PATH_COMBO_ROW (find_row (fixture, path));
  const char * const *values = md_path_combo_row_get_values (row);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }

  g_error ("No choice “%s” for %s", value, path);
}

static void
choose_country (Fixture    *fixture,
                const char *path,
                const char *code)
{
  MdPathCountryRow *row = MD_PATH_COUNTRY_ROW (find_row (fixture, path));
  GtkDropDown *drop_down = md_path_country_row_get_drop_down (row);
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (drop_down));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (md_path_country_row_get_code_at (row, i), code) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }

  g_error ("No country %s", code);
}

static JsonNode *
lookup_value (Fixture    *fixture,
              const char *path,
              GType       type)
{
  JsonNode *node = md_dossier_lookup (fixture->dossier, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, g_type_name (type));
  return node;
}

static gboolean
group_of_path_visible (Fixture    *fixture,
                       const char *path)
{
  return gtk_widget_get_visible (gtk_widget_get_ancestor (find_row (fixture, path), ADW_TYPE_PREFERENCES_GROUP));
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

static void
assert_text_contains (const char *text,
                      const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not shown in:\n%s", expected, text);
}

static void
assert_text_lacks (const char *text,
                   const char *unexpected)
{
  if (strstr (text, unexpected) != NULL)
    g_error ("“%s” shown in:\n%s", unexpected, text);
}

/* ---- Screenshots, when MD_SCREENSHOT_DIR asks for them ----------------- */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("MD_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  /* Let the entry rows' title animations finish. */
  for (gint64 end = g_get_monotonic_time () + 500 * 1000; g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strdup_printf ("%s-%s.png", name, language && *language ? language : "en");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* ---- Tests ------------------------------------------------------------- */

static void
test_rows_fill_model (Fixture       *fixture,
                      gconstpointer  data)
{
  choose_country (fixture, "mobility.destination_country", "DE");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.destination_country", G_TYPE_STRING)), ==, "DE");

  type_into (fixture, "mobility.receiving_organisation.name", "Universität Heidelberg");
  type_into (fixture, "mobility.receiving_organisation.erasmus_code", "D  HEIDELB01");
  type_into (fixture, "mobility.receiving_organisation.contact_email", "erasmus@uni-heidelberg.de");
  choose (fixture, "mobility.receiving_organisation.type", "research");
  type_into (fixture, "mobility.start_date", "2026-01-01");
  choose (fixture, "mobility.travel_mode", "green");
  type_into (fixture, "mobility.distance_km", "412,5");

  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.receiving_organisation.name", G_TYPE_STRING)),
                   ==, "Universität Heidelberg");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.receiving_organisation.type", G_TYPE_STRING)),
                   ==, "research");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.start_date", G_TYPE_STRING)), ==, "2026-01-01");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.travel_mode", G_TYPE_STRING)), ==, "green");
  g_assert_cmpfloat (json_node_get_double (lookup_value (fixture, "mobility.distance_km", G_TYPE_DOUBLE)), ==, 412.5);

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

  assert_text_contains (no_country, "Choose the destination country first.");
  assert_text_lacks (no_country, "Estimated total");

  choose_country (fixture, "mobility.destination_country", "DE");
  no_dates = dup_estimate_text (fixture);
  assert_text_contains (no_dates, "Enter valid start and end dates first.");

  type_into (fixture, "mobility.start_date", "2026-01-01");
  type_into (fixture, "mobility.end_date", "2026-04-15");
  choose (fixture, "mobility.travel_mode", "standard");
  standard = dup_estimate_text (fixture);
  assert_text_contains (standard, "Individual support | 3 full months × €600 + 15 days × €600 / 30 | 2100.00 € | \n");
  assert_text_contains (standard, "Estimated total | 2100.00 € | \n");
  assert_text_contains (standard, "Estimate only — indicative rates");
  assert_text_lacks (standard, "Enter valid start");

  /* Green travel without travel support: extra days and a top-up. */
  choose (fixture, "mobility.travel_mode", "green");
  green = dup_estimate_text (fixture);
  assert_text_contains (green, "Green travel days | 4 extra days × €600 / 30 | 80.00 € | \n");
  assert_text_contains (green, "Estimated total | 2230.00 € | \n");

  type_into (fixture, "mobility.end_date", "2025-12-01");
  reversed = dup_estimate_text (fixture);
  assert_text_contains (reversed, "Enter valid start and end dates first.");
  assert_text_lacks (reversed, "Estimated total");
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
  type_into (fixture, "mobility.teaching_hours", "8");
  g_assert_cmpint (json_node_get_double (lookup_value (fixture, "mobility.teaching_hours", G_TYPE_DOUBLE)), ==, 8);

  /* ASEM-DUO students always travel as a pair. */
  md_dossier_set_string (fixture->dossier, "programme", "flemish-asem-duo-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "duo_outgoing", NULL);
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "mobility.teaching_hours"));
  g_assert_true (group_of_path_visible (fixture, "mobility.pair_partner.name"));
  type_into (fixture, "mobility.pair_partner.name", "Nguyen Van An");
  type_into (fixture, "mobility.pair_partner.institution", "Hanoi University of Public Health");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.pair_partner.name", G_TYPE_STRING)),
                   ==, "Nguyen Van An");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "mobility.pair_partner.institution", G_TYPE_STRING)),
                   ==, "Hanoi University of Public Health");
}

/* Fills the page as an applicant would and saves how it looks; no
 * text is checked, so it runs in every language. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  choose_country (fixture, "mobility.destination_country", "DE");
  type_into (fixture, "mobility.receiving_organisation.name", "Universität Heidelberg");
  type_into (fixture, "mobility.receiving_organisation.erasmus_code", "D  HEIDELB01");
  choose (fixture, "mobility.receiving_organisation.type", "hei");
  type_into (fixture, "mobility.start_date", "2026-01-01");
  type_into (fixture, "mobility.end_date", "2026-04-15");
  choose (fixture, "mobility.travel_mode", "green");
  type_into (fixture, "mobility.distance_km", "412");
  md_wizard_validate_now (fixture->wizard);
  save_screenshot (GTK_WIDGET (fixture->window), "page-mobility");

  gtk_window_set_default_size (fixture->window, 360, 2200);
  iterate ();
  save_screenshot (GTK_WIDGET (fixture->window), "page-mobility-narrow");
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
  const char *localedir = g_getenv ("MD_LOCALEDIR");
  g_autofree char *data_home = g_dir_make_tmp ("md-ui-data-XXXXXX", NULL);

  /* A private data folder: nothing of the user's is read or written. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
  md_app_register_types ();

  g_test_add_func ("/page-mobility/format-amount", test_format_amount);
  g_test_add ("/page-mobility/rows-fill-model", Fixture, NULL, fixture_set_up, test_rows_fill_model, fixture_tear_down);
  g_test_add ("/page-mobility/estimate", Fixture, NULL, fixture_set_up, test_estimate, fixture_tear_down);
  g_test_add ("/page-mobility/activity-groups", Fixture, NULL, fixture_set_up, test_activity_groups, fixture_tear_down);
  g_test_add ("/page-mobility/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
