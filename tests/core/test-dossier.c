/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-bundle.h"
#include "md-dossier.h"
#include "md-field-path.h"

typedef struct
{
  guint  count;
  char  *last_path;
} ChangeLog;

static void
on_changed (MdDossier  *dossier,
            const char *path,
            ChangeLog  *log)
{
  log->count++;
  g_free (log->last_path);
  log->last_path = g_strdup (path);
}

static void
test_new_has_sections (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  const char *sections[] = { "applicant", "mobility", "motivation_letter", "study_plan",
                             "learning_agreement" };

  g_assert_true (g_uuid_string_is_valid (md_dossier_get_id (dossier)));
  g_assert_cmpstr (md_dossier_get_programme (dossier), ==, "erasmus-ka131-2024");
  g_assert_cmpstr (md_dossier_get_string (dossier, "format"), ==, "mobility-dossier");
  g_assert_cmpint (md_dossier_get_int (dossier, "format_version", 0), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (md_dossier_lookup (dossier, sections[i])));
  g_assert_cmpuint (md_dossier_get_length (dossier, "attachments"), ==, 0);
  g_assert_false (md_dossier_get_modified_since_save (dossier));
}

static void
test_set_get_and_notify (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("p", "2024");
  g_autoptr(GError) error = NULL;
  ChangeLog applicant_log = { 0 }, mobility_log = { 0 };

  g_signal_connect (dossier, "changed::applicant", G_CALLBACK (on_changed), &applicant_log);
  g_signal_connect (dossier, "changed::mobility", G_CALLBACK (on_changed), &mobility_log);

  g_assert_true (md_dossier_set_string (dossier, "applicant.email", "ana@example.org", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_string (dossier, "applicant.email"), ==, "ana@example.org");
  g_assert_cmpuint (applicant_log.count, ==, 1);
  g_assert_cmpstr (applicant_log.last_path, ==, "applicant.email");
  g_assert_cmpuint (mobility_log.count, ==, 0);
  g_assert_true (md_dossier_get_modified_since_save (dossier));

  /* Same value again: no notification. */
  g_assert_true (md_dossier_set_string (dossier, "applicant.email", "ana@example.org", &error));
  g_assert_cmpuint (applicant_log.count, ==, 1);

  g_assert_true (md_dossier_set_int (dossier, "applicant.study_cycle", 7, &error));
  g_assert_cmpint (md_dossier_get_int (dossier, "applicant.study_cycle", 0), ==, 7);
  g_assert_true (md_dossier_set_boolean (dossier, "applicant.fewer_opportunities", TRUE, &error));
  g_assert_true (md_dossier_get_boolean (dossier, "applicant.fewer_opportunities"));
  g_assert_true (md_dossier_set_string (dossier, "mobility.start_date", "2026-09-01", &error));
  g_assert_cmpuint (mobility_log.count, ==, 1);

  /* Unknown members take any type. */
  g_assert_true (md_dossier_set_int (dossier, "applicant.x_custom", 3, &error));
  g_assert_cmpint (md_dossier_get_int (dossier, "applicant.x_custom", 0), ==, 3);

  g_free (applicant_log.last_path);
  g_free (mobility_log.last_path);
}

static void
test_wrong_type_refused (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("p", "2024");
  g_autoptr(GError) error = NULL;

  g_assert_false (md_dossier_set_string (dossier, "applicant.study_cycle", "seven", &error));
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "applicant.study_cycle"));
  g_assert_null (md_dossier_lookup (dossier, "applicant.study_cycle"));
  g_clear_error (&error);

  g_assert_false (md_dossier_set_double (dossier, "applicant.year_of_study", 2.5, &error));
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE);
  g_clear_error (&error);

  g_assert_false (md_dossier_set_double (dossier, "applicant.previous_mobility_months", 1e22, &error));
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE);
}

static void
test_rows (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("p", "2024");
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };
  guint index = 99;

  g_signal_connect (dossier, "changed::learning_agreement", G_CALLBACK (on_changed), &log);

  g_assert_true (md_dossier_append_row (dossier, "learning_agreement.table_a", &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (md_dossier_append_row (dossier, "learning_agreement.table_a", &index, &error));
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (log.last_path, ==, "learning_agreement.table_a");

  g_assert_true (md_dossier_set_double (dossier, "learning_agreement.table_a[1].ects", 5, &error));
  g_assert_true (md_dossier_set_string (dossier, "learning_agreement.table_a[1].title", "Epidemiology", &error));
  g_assert_cmpfloat (md_dossier_get_double (dossier, "learning_agreement.table_a[1].ects", 0), ==, 5);
  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.table_a"), ==, 2);

  g_assert_true (md_dossier_remove_row (dossier, "learning_agreement.table_a", 0, &error));
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[0].title"), ==, "Epidemiology");

  g_assert_false (md_dossier_remove_row (dossier, "learning_agreement.table_a", 5, &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (md_dossier_set_string (dossier, "learning_agreement.table_a[4].title", "x", &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  md_dossier_append_row (dossier, "learning_agreement.table_a", &index, &error);
  md_dossier_set_string (dossier, "learning_agreement.table_a[1].title", "Statistics", &error);
  md_dossier_append_row (dossier, "learning_agreement.table_a", &index, &error);
  md_dossier_set_string (dossier, "learning_agreement.table_a[2].title", "Ethics", &error);
  g_assert_true (md_dossier_move_row (dossier, "learning_agreement.table_a", 2, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[0].title"), ==, "Ethics");
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[1].title"), ==, "Epidemiology");
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[2].title"), ==, "Statistics");
  g_assert_true (md_dossier_move_row (dossier, "learning_agreement.table_a", 0, 2, &error));
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[0].title"), ==, "Epidemiology");
  g_assert_cmpstr (md_dossier_get_string (dossier, "learning_agreement.table_a[2].title"), ==, "Ethics");
  g_assert_false (md_dossier_move_row (dossier, "learning_agreement.table_a", 0, 3, &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (md_dossier_append_row (dossier, "applicant.email", NULL, &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_A_CONTAINER);
  g_free (log.last_path);
}

static void
test_attachments (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("p", "2024");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cv = g_bytes_new_static ("%PDF-1.4 curriculum", 19);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) huge = NULL;

  g_assert_true (md_dossier_add_attachment (dossier, "../../etc/My CV?.pdf", "application/pdf", cv, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_string (dossier, "attachments[0].name"), ==, "My CV_.pdf");
  g_assert_true (md_dossier_add_attachment (dossier, "żurek ľudia Ŝ.pdf", NULL, cv, &error));
  g_assert_cmpstr (md_dossier_get_string (dossier, "attachments[1].name"), ==, "żurek ľudia Ŝ.pdf");
  md_dossier_remove_row (dossier, "attachments", 1, &error);
  g_assert_cmpint (md_dossier_get_int (dossier, "attachments[0].size", 0), ==, 19);
  g_assert_cmpstr (md_dossier_get_string (dossier, "attachments[0].sha256"), ==,
                   "9ddb38ea3606326f77a978a63a72cb81742249fa894fc832458b6e8248f56ea6");

  back = md_dossier_dup_attachment_data (dossier, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, cv));

  huge = g_bytes_new_take (g_malloc0 (MD_ATTACHMENT_MAX_SIZE + 1), MD_ATTACHMENT_MAX_SIZE + 1);
  g_assert_false (md_dossier_add_attachment (dossier, "big.bin", NULL, huge, &error));
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_ATTACHMENT_TOO_LARGE);
  g_assert_cmpuint (md_dossier_get_length (dossier, "attachments"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/new", test_new_has_sections);
  g_test_add_func ("/dossier/set-get-notify", test_set_get_and_notify);
  g_test_add_func ("/dossier/wrong-type", test_wrong_type_refused);
  g_test_add_func ("/dossier/rows", test_rows);
  g_test_add_func ("/dossier/attachments", test_attachments);
  return g_test_run ();
}
