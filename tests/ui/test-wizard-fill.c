/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills every screen of the wizard through the real widgets, as an
 * applicant would, for a complete student (SMS) and staff (STT)
 * dossier: sees a live problem appear next to its field and go away,
 * saves the bundle, loads it back and compares it with what was typed.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-app-types.h"
#include "md-bundle.h"
#include "md-component-list.h"
#include "md-page-documents.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-window.h"

#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

typedef struct
{
  const char *path;
  const char *value;
} Typed;

static gboolean
window_is_idle (gpointer data)
{
  return !md_window_is_busy (data);
}

static gboolean
page_is_idle (gpointer data)
{
  return !md_page_documents_is_busy (data);
}

static void
add_component (MdWindow   *window,
               const char *list_path,
               guint       row,
               const char *code,
               const char *title,
               const char *ects)
{
  GtkWidget *list = md_test_find_field (GTK_WIDGET (window), list_path);
  g_autofree char *code_path = g_strdup_printf ("%s[%u].code", list_path, row);
  g_autofree char *title_path = g_strdup_printf ("%s[%u].title", list_path, row);
  g_autofree char *ects_path = g_strdup_printf ("%s[%u].ects", list_path, row);

  g_signal_emit_by_name (md_component_list_get_add_button (MD_COMPONENT_LIST (list)), "clicked");
  md_test_type_text (GTK_WIDGET (window), code_path, code);
  md_test_type_text (GTK_WIDGET (window), title_path, title);
  md_test_type_text (GTK_WIDGET (window), ects_path, ects);
}

static gboolean
has_error_style (MdWindow   *window,
                 const char *path)
{
  return gtk_widget_has_css_class (md_test_find_field (GTK_WIDGET (window), path), "error");
}

static char *
words (guint n)
{
  GString *text = g_string_new ("I");

  for (guint i = 1; i < n; i++)
    g_string_append (text, " learn");
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
attach (MdWindow   *window,
        const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-attach-XXXXXX", &error);
  g_autofree char *name = g_strconcat (kind, ".pdf", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *page = NULL;
  MdWizard *wizard = md_window_get_wizard (window);

  g_file_set_contents (path, "%PDF-1.4\n% a small document\n%%EOF\n", -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < md_wizard_get_n_pages (wizard); i++)
    if (MD_IS_PAGE_DOCUMENTS (md_wizard_get_page (wizard, i)))
      page = GTK_WIDGET (md_wizard_get_page (wizard, i));

  g_assert_nonnull (page);
  md_page_documents_attach_file (MD_PAGE_DOCUMENTS (page), file, kind);
  md_test_wait_until (page_is_idle, page, WAIT_LIMIT_US);
}

static MdWindow *
start_new_dossier (void)
{
  MdWindow *window = md_window_new (NULL);
  const char *size = g_getenv ("MD_SCREENSHOT_SIZE");

  if (size != NULL)
    gtk_window_set_default_size (GTK_WINDOW (window), atoi (size), atoi (strchr (size, 'x') + 1));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_nonnull (md_window_get_dossier (window));
  return window;
}

static void
check_live_problem (MdWindow *window)
{
  MdWizard *wizard = md_window_get_wizard (window);

  md_test_type_text (GTK_WIDGET (window), "applicant.email", "lotte@");
  md_wizard_validate_now (wizard);
  g_assert_true (has_error_style (window, "applicant.email"));
  g_assert_nonnull (md_report_find (md_wizard_get_report (wizard), "format.email"));

  md_test_type_text (GTK_WIDGET (window), "applicant.email", "lotte.janssens@example.org");
  md_wizard_validate_now (wizard);
  g_assert_false (has_error_style (window, "applicant.email"));
  g_assert_null (md_report_find (md_wizard_get_report (wizard), "format.email"));
}

static MdDossier *
save_and_reload (MdWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-fill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "filled.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MdDossier *loaded;

  md_window_save_to_file (window, file);
  md_test_wait_until (window_is_idle, window, WAIT_LIMIT_US);
  g_assert_false (md_dossier_get_modified_since_save (md_window_get_dossier (window)));

  loaded = md_bundle_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (loaded), ==, MD_INTEGRITY_INTACT);
  return loaded;
}

static void
assert_typed (MdDossier   *loaded,
              const Typed *typed,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = md_dossier_lookup (loaded, typed[i].path);
      g_autofree char *text = NULL;

      if (node == NULL)
        g_error ("%s was not saved", typed[i].path);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        text = g_strdup_printf ("%g", json_node_get_double (node));
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        text = g_strdup (json_node_get_boolean (node) ? "true" : "false");

      if (g_strcmp0 (text, typed[i].value) != 0)
        g_error ("%s: typed “%s”, loaded “%s”", typed[i].path, typed[i].value, text);
    }
}

static void
test_fill_student_dossier (void)
{
  static const Typed typed[] = {
    { "programme", "erasmus-ka131-2024" },
    { "mobility.activity", "sms" },
    { "applicant.role", "student" },
    { "applicant.given_name", "Lotte" },
    { "applicant.family_name", "Janssens" },
    { "applicant.date_of_birth", "2000-01-31" },
    { "applicant.nationality", "NL" },
    { "applicant.email", "lotte.janssens@example.org" },
    { "applicant.phone", "+32 3 247 66 66" },
    { "applicant.home_institution.name", "Institute of Tropical Medicine" },
    { "applicant.home_institution.erasmus_code", "B  ANTWERP62" },
    { "applicant.home_institution.country", "BE" },
    { "applicant.degree_programme", "Master of Science in Public Health" },
    { "applicant.study_cycle", "7" },
    { "applicant.field_of_education", "0912" },
    { "applicant.year_of_study", "1" },
    { "applicant.fewer_opportunities", "true" },
    { "mobility.destination_country", "DE" },
    { "mobility.receiving_organisation.name", "Charité – Universitätsmedizin Berlin" },
    { "mobility.receiving_organisation.erasmus_code", "D  BERLIN01" },
    { "mobility.receiving_organisation.type", "hei" },
    { "mobility.receiving_organisation.contact_email", "outgoing@example.de" },
    { "mobility.start_date", "2027-02-01" },
    { "mobility.end_date", "2027-06-30" },
    { "mobility.travel_mode", "green" },
    { "mobility.distance_km", "650" },
    { "study_plan.objectives", "Learn field epidemiology." },
    { "learning_agreement.language.code", "en" },
    { "learning_agreement.language.cefr", "B2" },
    { "learning_agreement.table_a[0].title", "Field Epidemiology" },
    { "learning_agreement.table_a[1].ects", "6" },
    { "learning_agreement.table_b[0].code", "MPH-EPI2" },
    { "attachments[0].kind", "cv" },
    { "attachments[1].kind", "transcript" },
  };
  g_autofree char *letter = words (260);
  g_autoptr(MdDossier) loaded = NULL;
  MdWindow *window = start_new_dossier ();

  /* 1. Programme and activity */
  md_test_choose (GTK_WIDGET (window), "programme", "erasmus-ka131-2024");
  md_test_choose (GTK_WIDGET (window), "mobility.activity", "sms");
  /* 2. About you */
  md_test_choose (GTK_WIDGET (window), "applicant.role", "student");
  md_test_type_text (GTK_WIDGET (window), "applicant.given_name", "Lotte");
  md_test_type_text (GTK_WIDGET (window), "applicant.family_name", "Janssens");
  md_test_type_text (GTK_WIDGET (window), "applicant.date_of_birth", "2000-01-31");
  md_test_choose (GTK_WIDGET (window), "applicant.nationality", "NL");
  md_test_type_text (GTK_WIDGET (window), "applicant.phone", "+32 3 247 66 66");
  check_live_problem (window);
  md_test_type_text (GTK_WIDGET (window), "applicant.home_institution.name", "Institute of Tropical Medicine");
  md_test_type_text (GTK_WIDGET (window), "applicant.home_institution.erasmus_code", "B  ANTWERP62");
  md_test_choose (GTK_WIDGET (window), "applicant.home_institution.country", "BE");
  md_test_type_text (GTK_WIDGET (window), "applicant.degree_programme", "Master of Science in Public Health");
  md_test_choose (GTK_WIDGET (window), "applicant.study_cycle", "7");
  md_test_type_text (GTK_WIDGET (window), "applicant.field_of_education", "0912");
  md_test_type_text (GTK_WIDGET (window), "applicant.year_of_study", "1");
  md_test_switch_on (GTK_WIDGET (window), "applicant.fewer_opportunities");
  /* 3. The mobility */
  md_test_choose (GTK_WIDGET (window), "mobility.destination_country", "DE");
  md_test_type_text (GTK_WIDGET (window), "mobility.receiving_organisation.name", "Charité – Universitätsmedizin Berlin");
  md_test_type_text (GTK_WIDGET (window), "mobility.receiving_organisation.erasmus_code", "D  BERLIN01");
  md_test_choose (GTK_WIDGET (window), "mobility.receiving_organisation.type", "hei");
  md_test_type_text (GTK_WIDGET (window), "mobility.receiving_organisation.contact_email", "outgoing@example.de");
  md_test_type_text (GTK_WIDGET (window), "mobility.start_date", "2027-02-01");
  md_test_type_text (GTK_WIDGET (window), "mobility.end_date", "2027-06-30");
  md_test_choose (GTK_WIDGET (window), "mobility.travel_mode", "green");
  md_test_type_text (GTK_WIDGET (window), "mobility.distance_km", "650");
  /* 4. Motivation letter, 5. plan */
  md_test_type_text (GTK_WIDGET (window), "motivation_letter.text", letter);
  md_test_type_text (GTK_WIDGET (window), "study_plan.objectives", "Learn field epidemiology.");
  md_test_type_text (GTK_WIDGET (window), "study_plan.activities", "Courses and a field exercise.");
  md_test_type_text (GTK_WIDGET (window), "study_plan.learning_outcomes", "Run an outbreak investigation.");
  /* 6. Learning agreement */
  md_test_choose (GTK_WIDGET (window), "learning_agreement.language.code", "en");
  md_test_choose (GTK_WIDGET (window), "learning_agreement.language.cefr", "B2");
  add_component (window, "learning_agreement.table_a", 0, "EPI-510", "Field Epidemiology", "6");
  add_component (window, "learning_agreement.table_a", 1, "OH-520", "One Health Approaches", "6");
  add_component (window, "learning_agreement.table_b", 0, "MPH-EPI2", "Advanced Epidemiology", "12");
  /* 7. Documents */
  attach (window, "cv");
  attach (window, "transcript");

  /* The letter passes its bounds; the validator sees every screen. */
  md_wizard_validate_now (md_window_get_wizard (window));
  g_assert_null (md_report_find (md_wizard_get_report (md_window_get_wizard (window)), "letter.too_short"));
  g_assert_null (md_report_find (md_wizard_get_report (md_window_get_wizard (window)), "documents.missing"));
  g_assert_null (md_report_find (md_wizard_get_report (md_window_get_wizard (window)), "required.missing"));

  for (guint i = 0; i < md_wizard_get_n_pages (md_window_get_wizard (window)); i++)
    {
      g_autofree char *name = g_strdup_printf ("wizard-%u", i + 1);

      md_wizard_show_page (md_window_get_wizard (window), i);
      md_test_save_screenshot (GTK_WIDGET (window), name);
    }

  loaded = save_and_reload (window);
  assert_typed (loaded, typed, G_N_ELEMENTS (typed));
  g_assert_cmpstr (md_dossier_get_string (loaded, "motivation_letter.text"), ==, letter);
  g_assert_cmpuint (md_dossier_get_length (loaded, "learning_agreement.table_a"), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fill_staff_dossier (void)
{
  static const Typed typed[] = {
    { "mobility.activity", "stt" },
    { "applicant.role", "staff" },
    { "applicant.given_name", "Pieter" },
    { "applicant.family_name", "De Smet" },
    { "applicant.position", "Postdoctoral researcher" },
    { "applicant.department", "Biomedical Sciences" },
    { "applicant.nationality", "BE" },
    { "mobility.destination_country", "ES" },
    { "mobility.receiving_organisation.type", "research" },
    { "mobility.start_date", "2027-03-01" },
    { "mobility.end_date", "2027-03-12" },
  };
  g_autofree char *letter = words (200);
  g_autofree char *plan = words (60);
  g_autoptr(MdDossier) loaded = NULL;
  MdWindow *window = start_new_dossier ();
  MdReport *report;

  md_test_choose (GTK_WIDGET (window), "mobility.activity", "stt");
  md_test_choose (GTK_WIDGET (window), "applicant.role", "staff");
  md_test_type_text (GTK_WIDGET (window), "applicant.given_name", "Pieter");
  md_test_type_text (GTK_WIDGET (window), "applicant.family_name", "De Smet");
  md_test_type_text (GTK_WIDGET (window), "applicant.email", "pieter.desmet@example.org");
  md_test_choose (GTK_WIDGET (window), "applicant.nationality", "BE");
  md_wizard_validate_now (md_window_get_wizard (window));
  /* The staff fields appear for staff; they are required for STT. */
  g_assert_true (gtk_widget_is_visible (md_test_find_field (GTK_WIDGET (window), "applicant.position")) ||
                 gtk_widget_get_visible (md_test_find_field (GTK_WIDGET (window), "applicant.position")));
  md_test_type_text (GTK_WIDGET (window), "applicant.position", "Postdoctoral researcher");
  md_test_type_text (GTK_WIDGET (window), "applicant.department", "Biomedical Sciences");
  md_test_choose (GTK_WIDGET (window), "mobility.destination_country", "ES");
  md_test_type_text (GTK_WIDGET (window), "mobility.receiving_organisation.name", "Instituto de Salud Carlos III");
  md_test_choose (GTK_WIDGET (window), "mobility.receiving_organisation.type", "research");
  md_test_type_text (GTK_WIDGET (window), "mobility.start_date", "2027-03-01");
  md_test_type_text (GTK_WIDGET (window), "mobility.end_date", "2027-03-12");
  md_test_type_text (GTK_WIDGET (window), "motivation_letter.text", letter);
  md_test_type_text (GTK_WIDGET (window), "study_plan.objectives", plan);
  md_test_type_text (GTK_WIDGET (window), "study_plan.activities", plan);

  md_wizard_validate_now (md_window_get_wizard (window));
  report = md_wizard_get_report (md_window_get_wizard (window));
  g_assert_null (md_report_find (report, "required.missing"));
  g_assert_null (md_report_find (report, "applicant.role_not_eligible"));

  /* A conference cannot host staff training: the problem shows at once. */
  md_test_choose (GTK_WIDGET (window), "mobility.receiving_organisation.type", "conference");
  md_wizard_validate_now (md_window_get_wizard (window));
  g_assert_true (has_error_style (window, "mobility.receiving_organisation.type"));
  md_test_choose (GTK_WIDGET (window), "mobility.receiving_organisation.type", "research");
  md_wizard_validate_now (md_window_get_wizard (window));
  g_assert_false (has_error_style (window, "mobility.receiving_organisation.type"));

  loaded = save_and_reload (window);
  assert_typed (loaded, typed, G_N_ELEMENTS (typed));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-fill-data-XXXXXX");

  g_test_add_func ("/wizard/fill-student", test_fill_student_dossier);
  g_test_add_func ("/wizard/fill-staff", test_fill_staff_dossier);
  return g_test_run ();
}
