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
#include "md-path-combo-row.h"
#include "md-path-country-row.h"
#include "md-path-entry-row.h"
#include "md-path-switch-row.h"
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
  fixture->page = md_page_applicant_new ();
  fixture->wizard = md_wizard_new ();
  md_wizard_add_page (fixture->wizard, MD_WIZARD_PAGE (fixture->page));
  md_dossier_set_string (fixture->dossier, "mobility.activity", "sms", NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 760, 2600);
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

static void
switch_on (Fixture    *fixture,
           const char *path)
{
  gtk_switch_set_active (md_path_switch_row_get_switch (MD_PATH_SWITCH_ROW (find_row (fixture, path))), TRUE);
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

static GtkWidget *
get_group (Fixture    *fixture,
           const char *path)
{
  return gtk_widget_get_ancestor (find_row (fixture, path), ADW_TYPE_PREFERENCES_GROUP);
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
  return gtk_widget_get_visible (find_row (fixture, path));
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
  choose (fixture, "applicant.role", "doctoral");
  type_into (fixture, "applicant.date_of_birth", "1998-05-17");
  choose_country (fixture, "applicant.nationality", "PT");
  type_into (fixture, "applicant.home_institution.name", "Institute of Tropical Medicine");
  choose_country (fixture, "applicant.home_institution.country", "BE");
  choose (fixture, "applicant.study_cycle", "8");
  type_into (fixture, "applicant.field_of_education", "0912");
  type_into (fixture, "applicant.year_of_study", "2");
  type_into (fixture, "applicant.previous_mobility_months", "3.5");
  switch_on (fixture, "applicant.one_cycle_programme");
  switch_on (fixture, "applicant.fewer_opportunities");
  type_into (fixture, "applicant.iban", "BE71 0961 2345 6769");

  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.role", G_TYPE_STRING)), ==, "doctoral");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.date_of_birth", G_TYPE_STRING)), ==, "1998-05-17");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.nationality", G_TYPE_STRING)), ==, "PT");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.home_institution.country", G_TYPE_STRING)), ==, "BE");
  g_assert_cmpint (json_node_get_int (lookup_value (fixture, "applicant.study_cycle", G_TYPE_INT64)), ==, 8);
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.field_of_education", G_TYPE_STRING)), ==, "0912");
  g_assert_cmpint (json_node_get_int (lookup_value (fixture, "applicant.year_of_study", G_TYPE_INT64)), ==, 2);
  g_assert_cmpfloat (json_node_get_double (lookup_value (fixture, "applicant.previous_mobility_months", G_TYPE_DOUBLE)), ==, 3.5);
  g_assert_true (json_node_get_boolean (lookup_value (fixture, "applicant.one_cycle_programme", G_TYPE_BOOLEAN)));
  g_assert_true (json_node_get_boolean (lookup_value (fixture, "applicant.fewer_opportunities", G_TYPE_BOOLEAN)));
  /* An unanswered question stays unanswered. */
  g_assert_null (md_dossier_lookup (fixture->dossier, "applicant.scholarship"));
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.iban", G_TYPE_STRING)), ==, "BE71 0961 2345 6769");

  /* The rows the main window's tests rely on are still entry rows. */
  g_assert_true (MD_IS_PATH_ENTRY_ROW (find_row (fixture, "applicant.given_name")));
  g_assert_true (MD_IS_PATH_ENTRY_ROW (find_row (fixture, "applicant.family_name")));
  g_assert_true (MD_IS_PATH_ENTRY_ROW (find_row (fixture, "applicant.email")));
  g_assert_true (MD_IS_PATH_ENTRY_ROW (find_row (fixture, "applicant.phone")));
}

static void
test_staff_group (Fixture       *fixture,
                  gconstpointer  data)
{
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (group_of_path_visible (fixture, "applicant.position"));
  g_assert_true (group_of_path_visible (fixture, "applicant.degree_programme"));

  choose (fixture, "applicant.role", "staff");
  md_wizard_validate_now (fixture->wizard);
  g_assert_true (group_of_path_visible (fixture, "applicant.position"));
  g_assert_false (group_of_path_visible (fixture, "applicant.degree_programme"));
  type_into (fixture, "applicant.position", "Lecturer");
  type_into (fixture, "applicant.department", "Public Health");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.position", G_TYPE_STRING)), ==, "Lecturer");
  g_assert_cmpstr (json_node_get_string (lookup_value (fixture, "applicant.department", G_TYPE_STRING)), ==, "Public Health");

  choose (fixture, "applicant.role", "student");
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
  type_into (fixture, "applicant.credits_obtained", "72");
  type_into (fixture, "applicant.gpa", "3,4");
  g_assert_cmpfloat (json_node_get_double (lookup_value (fixture, "applicant.credits_obtained", G_TYPE_DOUBLE)), ==, 72);
  g_assert_cmpfloat (json_node_get_double (lookup_value (fixture, "applicant.gpa", G_TYPE_DOUBLE)), ==, 3.4);

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
  choose (fixture, "applicant.role", "student");
  type_into (fixture, "applicant.given_name", "Ana");
  type_into (fixture, "applicant.family_name", "Peeters");
  type_into (fixture, "applicant.date_of_birth", "2001-03-09");
  choose_country (fixture, "applicant.nationality", "BE");
  type_into (fixture, "applicant.email", "ana.peeters@example.org");
  type_into (fixture, "applicant.home_institution.name", "Institute of Tropical Medicine");
  choose (fixture, "applicant.study_cycle", "7");
  type_into (fixture, "applicant.field_of_education", "0912");
  md_dossier_set_string (fixture->dossier, "programme", "flemish-twc-2024", NULL);
  md_dossier_set_string (fixture->dossier, "mobility.activity", "internship", NULL);
  md_wizard_validate_now (fixture->wizard);
  save_screenshot (GTK_WIDGET (fixture->window), "page-applicant");

  gtk_window_set_default_size (fixture->window, 360, 3000);
  iterate ();
  save_screenshot (GTK_WIDGET (fixture->window), "page-applicant-narrow");
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

  g_test_add ("/page-applicant/rows-fill-model", Fixture, NULL, fixture_set_up, test_rows_fill_model, fixture_tear_down);
  g_test_add ("/page-applicant/staff-group", Fixture, NULL, fixture_set_up, test_staff_group, fixture_tear_down);
  g_test_add ("/page-applicant/eligibility-group", Fixture, NULL, fixture_set_up, test_eligibility_group,
              fixture_tear_down);
  g_test_add ("/page-applicant/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
