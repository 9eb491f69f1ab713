/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The learning agreement and the application summary as PDF: what
 * pdftotext reads back from them (Tables A, B and C with their totals,
 * names, language level, signatures, changes and their reasons), page
 * breaks that repeat the table headings, translated labels, a failed
 * save that leaves nothing behind, and the window's export actions for
 * PDF and EWP XML.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "md-agreement-pdf.h"
#include "md-bundle.h"
#include "md-ewp.h"
#include "md-programme-registry.h"
#include "md-test-util.h"
#include "md-window.h"
#include "md-window-export.h"

#define SAMPLE        "erasmus-ka131-2024--sms.dossier.json"
#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)

/* ---- Helpers -------------------------------------------------------------- */

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "samples", SAMPLE, NULL);
}

static MdDossier *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdDossier *dossier = md_bundle_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dossier;
}

static MdProgramme *
lookup_programme (MdDossier *dossier)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(GError) error = NULL;
  MdProgramme *programme;

  md_programme_registry_load (registry, &error);
  g_assert_no_error (error);
  programme = md_programme_registry_lookup (registry, md_dossier_get_programme (dossier), &error);
  g_assert_no_error (error);
  return programme;
}

static void
set (MdDossier  *dossier,
     const char *path,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  md_dossier_set_string (dossier, path, value, &error);
  g_assert_no_error (error);
}

static void
set_number (MdDossier  *dossier,
            const char *path,
            double      value)
{
  g_autoptr(GError) error = NULL;

  md_dossier_set_double (dossier, path, value, &error);
  g_assert_no_error (error);
}

static void
add_row (MdDossier  *dossier,
         const char *list,
         const char *code,
         const char *title,
         double      ects)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code_path = NULL;
  g_autofree char *title_path = NULL;
  g_autofree char *ects_path = NULL;
  guint index;

  md_dossier_append_row (dossier, list, &index, &error);
  g_assert_no_error (error);
  code_path = g_strdup_printf ("%s[%u].code", list, index);
  title_path = g_strdup_printf ("%s[%u].title", list, index);
  ects_path = g_strdup_printf ("%s[%u].ects", list, index);
  set (dossier, code_path, code);
  set (dossier, title_path, title);
  set_number (dossier, ects_path, ects);
}

static void
sign (MdDossier  *dossier,
      const char *role,
      const char *name,
      const char *position,
      const char *email)
{
  g_autofree char *base = g_strconcat ("learning_agreement.signatures.", role, NULL);
  g_autofree char *name_path = g_strconcat (base, ".name", NULL);
  g_autofree char *position_path = g_strconcat (base, ".position", NULL);
  g_autofree char *email_path = g_strconcat (base, ".email", NULL);
  g_autofree char *stamp_path = g_strconcat (base, ".timestamp", NULL);
  g_autofree char *app_path = g_strconcat (base, ".application", NULL);

  set (dossier, name_path, name);
  if (position != NULL)
    set (dossier, position_path, position);
  set (dossier, email_path, email);
  set (dossier, stamp_path, "2026-03-02T09:10:00Z");
  set (dossier, app_path, "Mobility Dossier 0.1");
}

/* The sample with a virtual component, the three signatures and a
 * pending change that swaps a module for a seminar. */
static MdDossier *
create_signed_dossier_with_changes (void)
{
  MdDossier *dossier = load_sample ();
  g_autoptr(GError) error = NULL;
  guint index;

  add_row (dossier, "learning_agreement.table_c", "GH-VJC", "Virtual Journal Club", 1.5);
  sign (dossier, "student", "Lotte Peeters", NULL, "lotte.peeters@example.org");
  sign (dossier, "sending", "Prof. Jan Janssens", "Erasmus coordinator", "jan.janssens@example.org");
  sign (dossier, "receiving", "Dr. Anna Keller", "Academic coordinator", "incoming@example.de");

  md_dossier_append_row (dossier, "learning_agreement.changes", &index, &error);
  g_assert_no_error (error);
  set (dossier, "learning_agreement.changes[0].id", "c1");
  md_dossier_set_boolean (dossier, "learning_agreement.changes[0].approved", FALSE, &error);
  g_assert_no_error (error);
  add_row (dossier, "learning_agreement.changes[0].components", "GH-MOD", "Modelling Surveillance Data (practical)", 3);
  set (dossier, "learning_agreement.changes[0].components[0].status", "deleted");
  set (dossier, "learning_agreement.changes[0].components[0].table", "a");
  md_dossier_set_int (dossier, "learning_agreement.changes[0].components[0].reason_code", 3, &error);
  g_assert_no_error (error);
  add_row (dossier, "learning_agreement.changes[0].components", "GH-SEM", "Research Seminar in Global Health", 3);
  set (dossier, "learning_agreement.changes[0].components[1].status", "inserted");
  set (dossier, "learning_agreement.changes[0].components[1].table", "a");
  md_dossier_set_int (dossier, "learning_agreement.changes[0].components[1].reason_code", 4, &error);
  g_assert_no_error (error);
  return dossier;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
remove_dir (gpointer path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  remove_tree (dir);
  g_free (path);
}

/* A private folder, removed with everything in it when the test ends. */
static const char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("md-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_dir, dir);
  return dir;
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *found = g_find_program_in_path ("pdftotext");

  if (found == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return found != NULL;
}

/* The text of @path as pdftotext lays it out; pages end with \f. */
static char *
read_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  char *text = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &errors, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* With MD_SCREENSHOT_DIR set, the PDF is kept there with its page 1
 * as a PNG, for the docs. */
static void
keep_screenshot (const char *pdf,
                 const char *name)
{
  const char *dir = g_getenv ("MD_SCREENSHOT_DIR");
  g_autofree char *prefix = NULL;
  g_autofree char *copy = NULL;
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, NULL, NULL };
  g_autoptr(GFile) source = g_file_new_for_path (pdf);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  prefix = g_build_filename (dir, name, NULL);
  argv[10] = prefix;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  copy = g_strconcat (prefix, ".pdf", NULL);
  target = g_file_new_for_path (copy);
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
write_pdf (MdDossier          *dossier,
           MdAgreementPdfKind  kind,
           const char         *dir,
           const char         *name)
{
  g_autoptr(MdProgramme) programme = lookup_programme (dossier);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  md_agreement_pdf_write (dossier, programme, kind, file, NULL, &error);
  g_assert_no_error (error);
  return read_pdf_text (path);
}

static guint
count_pages (const char *text)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    n += *g_strstrip (pages[i]) != '\0';
  return n;
}

/* ---- The learning agreement ------------------------------------------------ */

static void
test_agreement (void)
{
  g_autoptr(MdDossier) dossier = create_signed_dossier_with_changes ();
  const char *dir = make_temp_dir ();
  g_autofree char *text = NULL;
  g_autofree char *pdf = g_build_filename (dir, "agreement.pdf", NULL);

  if (!have_pdftotext ())
    return;

  text = write_pdf (dossier, MD_AGREEMENT_PDF_LEARNING_AGREEMENT, dir, "agreement.pdf");
  keep_screenshot (pdf, "agreement-pdf");

  md_test_assert_text_contains (text, "Learning Agreement");
  md_test_assert_text_contains (text, "Peeters");
  md_test_assert_text_contains (text, "Lotte");
  md_test_assert_text_contains (text, "Academic year 2025/2026");
  /* pdftotext reads the two spaces of an Erasmus code as one */
  g_assert_true (g_regex_match_simple ("B +ANTWERP62", text, 0, 0));
  g_assert_true (g_regex_match_simple ("D +HEIDELB01", text, 0, 0));
  md_test_assert_text_contains (text, "Germany");
  md_test_assert_text_contains (text, "from 4 May 2026 to 24 July 2026");
  /* Tables A, B and C with their totals: 6 + 6 + 3, 9 + 6 and 1.5 */
  md_test_assert_text_contains (text, "Table A");
  md_test_assert_text_contains (text, "GH-CCH");
  md_test_assert_text_contains (text, "Climate Change and Health");
  md_test_assert_text_contains (text, "Epidemiology of Arboviral Infections");
  md_test_assert_text_contains (text, "Table B");
  md_test_assert_text_contains (text, "MTM-ELEC1");
  md_test_assert_text_contains (text, "Elective: Epidemiological Methods");
  md_test_assert_text_contains (text, "Table C");
  md_test_assert_text_contains (text, "Virtual Journal Club");
  g_assert_true (g_regex_match_simple ("Total +15\\n", text, 0, 0));
  g_assert_true (g_regex_match_simple ("Total +1\\.5\\n", text, 0, 0));
  /* The language and the level ticked */
  md_test_assert_text_contains (text, "English (en)");
  md_test_assert_text_contains (text, "☒ C1");
  md_test_assert_text_contains (text, "☐ B2");
  /* Signatures */
  md_test_assert_text_contains (text, "Commitment");
  md_test_assert_text_contains (text, "Prof. Jan Janssens");
  md_test_assert_text_contains (text, "Erasmus coordinator");
  md_test_assert_text_contains (text, "Dr. Anna Keller");
  md_test_assert_text_contains (text, "2 March 2026");
  /* Changes and their reasons */
  md_test_assert_text_contains (text, "During the Mobility");
  md_test_assert_text_contains (text, "GH-SEM");
  md_test_assert_text_contains (text, "Research Seminar in Global Health");
  md_test_assert_text_contains (text, "3 — Timetable conflict");
  md_test_assert_text_contains (text, "4 — Substituting a deleted");
  md_test_assert_text_contains (text, "proposed, not approved yet");
  md_test_assert_text_contains (text, "Page 1 of");
}

/* The sample as it is: nobody signed, nothing changed. */
static void
test_agreement_unsigned (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  const char *dir = make_temp_dir ();
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;

  text = write_pdf (dossier, MD_AGREEMENT_PDF_LEARNING_AGREEMENT, dir, "agreement.pdf");
  md_test_assert_text_contains (text, "GH-MOD");
  md_test_assert_text_contains (text, "No components");
  md_test_assert_text_contains (text, "Responsible person");
  md_test_assert_text_lacks (text, "During the Mobility");
  md_test_assert_text_lacks (text, "Signed electronically");
  g_assert_cmpuint (count_pages (text), ==, 2);
  md_test_assert_text_contains (text, "Page 2 of 2");
}

/* Sixty components: the table runs over several pages and each one
 * repeats its caption and column headings. */
static void
test_long_table (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  const char *dir = make_temp_dir ();
  g_autofree char *text = NULL;
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (!have_pdftotext ())
    return;

  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *code = g_strdup_printf ("LONG-%03u", i);
      g_autofree char *title = g_strdup_printf ("Component number %u of a long programme", i);

      add_row (dossier, "learning_agreement.table_a", code, title, 1);
    }

  text = write_pdf (dossier, MD_AGREEMENT_PDF_LEARNING_AGREEMENT, dir, "long.pdf");
  keep_screenshot (pdf, "agreement-pdf-long");
  n_pages = count_pages (text);
  g_assert_cmpuint (n_pages, >=, 3);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      md_test_assert_text_contains (pages[i], footer);
      /* Every page with rows of Table A names the columns again. */
      if (strstr (pages[i], "LONG-") != NULL)
        md_test_assert_text_contains (pages[i], "Semester or term");
      if (i > 0 && strstr (pages[i], "LONG-") != NULL)
        md_test_assert_text_contains (pages[i], "Studies at the receiving institution (continued)");
    }
  md_test_assert_text_contains (text, "LONG-060");
  /* 15 of the sample and 60 more */
  g_assert_true (g_regex_match_simple ("Total +75\\n", text, 0, 0));
}

/* ---- The application summary ----------------------------------------------- */

static void
test_summary (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  const char *dir = make_temp_dir ();
  g_autofree char *text = NULL;
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);

  if (!have_pdftotext ())
    return;

  text = write_pdf (dossier, MD_AGREEMENT_PDF_APPLICATION_SUMMARY, dir, "summary.pdf");
  keep_screenshot (pdf, "summary-pdf");
  md_test_assert_text_contains (text, "Application Summary");
  md_test_assert_text_contains (text, "Lotte Peeters");
  md_test_assert_text_contains (text, "12 March 1998");
  md_test_assert_text_contains (text, "Belgium");
  md_test_assert_text_contains (text, "Student mobility for studies (SMS)");
  md_test_assert_text_contains (text, "Universität Heidelberg");
  md_test_assert_text_contains (text, "4 May 2026");
  md_test_assert_text_contains (text, "During my first months in the master");
  g_assert_true (g_regex_match_simple ("it has [0-9]+ words in all", text, 0, 0));
  md_test_assert_text_lacks (text, "quickly.");
  md_test_assert_text_contains (text, "Transcript of records");
  md_test_assert_text_contains (text, "transcript.pdf");
  md_test_assert_text_contains (text, "cv.pdf");
  md_test_assert_text_contains (text, "Validation");
  md_test_assert_text_contains (text, "Integrity:");
  md_test_assert_text_contains (text, "intact");
  md_test_assert_text_contains (text, "Page 1 of");
}

static void
test_summary_problems (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  const char *dir = make_temp_dir ();
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;

  set (dossier, "applicant.email", "lotte@");
  text = write_pdf (dossier, MD_AGREEMENT_PDF_APPLICATION_SUMMARY, dir, "summary.pdf");
  md_test_assert_text_contains (text, "not ready to submit");
  md_test_assert_text_contains (text, "Problem");
  md_test_assert_text_contains (text, "E-mail address");
}

/* ---- In French ---------------------------------------------------------------- */

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext looks at LANGUAGE again once the locale is set anew. */
  setlocale (LC_ALL, "");
}

static void
test_french (void)
{
  g_autoptr(MdDossier) dossier = create_signed_dossier_with_changes ();
  const char *dir = make_temp_dir ();
  g_autofree char *agreement = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *pdf = g_build_filename (dir, "contrat.pdf", NULL);

  if (!have_pdftotext ())
    return;

  use_language ("fr");
  agreement = write_pdf (dossier, MD_AGREEMENT_PDF_LEARNING_AGREEMENT, dir, "contrat.pdf");
  keep_screenshot (pdf, "agreement-pdf-fr");
  summary = write_pdf (dossier, MD_AGREEMENT_PDF_APPLICATION_SUMMARY, dir, "resume.pdf");
  use_language (saved_language ? saved_language : "");

  md_test_assert_text_contains (agreement, "Contrat d’études");
  md_test_assert_text_contains (agreement, "Tableau A");
  md_test_assert_text_contains (agreement, "Tableau B");
  md_test_assert_text_contains (agreement, "Tableau C");
  md_test_assert_text_contains (agreement, "Engagement");
  md_test_assert_text_contains (agreement, "Pendant la mobilité");
  md_test_assert_text_contains (agreement, "Conflit d’horaire");
  md_test_assert_text_contains (agreement, "Allemagne");
  md_test_assert_text_contains (agreement, "anglais (en)");
  md_test_assert_text_contains (agreement, "Page 1 sur");
  md_test_assert_text_contains (agreement, "GH-CCH");
  md_test_assert_text_lacks (agreement, "Table A");
  md_test_assert_text_lacks (agreement, "Commitment");

  md_test_assert_text_contains (summary, "Résumé de la candidature");
  md_test_assert_text_contains (summary, "Mobilité des étudiants à des fins d'études (SMS)");
  md_test_assert_text_contains (summary, "Belgique");
}

/* ---- Failures ------------------------------------------------------------------ */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_unwritable (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  const char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "agreement.pdf", NULL);
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "agreement.pdf", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) under_file_file = g_file_new_for_path (under_file);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_agreement_pdf_write (dossier, NULL, MD_AGREEMENT_PDF_LEARNING_AGREEMENT,
                                          missing_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  md_test_assert_text_contains (error->message, "agreement.pdf");
  md_test_assert_text_contains (error->message, "its folder does not exist");
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);
  g_assert_false (md_agreement_pdf_write (dossier, NULL, MD_AGREEMENT_PDF_APPLICATION_SUMMARY,
                                          under_file_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* Stopped half-way, the old file stays as it was and nothing is left
 * beside it. */
static void
test_cancelled_keeps_old_file (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  const char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "agreement.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (path, "the previous version", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (md_agreement_pdf_write (dossier, NULL, MD_AGREEMENT_PDF_LEARNING_AGREEMENT,
                                          file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "the previous version");
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* ---- Asynchronously, and through the window --------------------------------------- */

typedef struct
{
  gboolean  done;
  GError   *error;
} Outcome;

static gboolean
outcome_is_done (gpointer data)
{
  return ((Outcome *) data)->done;
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Outcome *outcome = user_data;

  md_agreement_pdf_write_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(MdDossier) dossier = load_sample ();
  g_autoptr(MdProgramme) programme = lookup_programme (dossier);
  const char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "agreement.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  Outcome outcome = { FALSE, NULL };

  if (!have_pdftotext ())
    return;

  md_agreement_pdf_write_async (dossier, programme, MD_AGREEMENT_PDF_LEARNING_AGREEMENT, file, NULL,
                                on_pdf_written, &outcome);
  /* The PDF shows the dossier as it was when asked. */
  set (dossier, "applicant.family_name", "Changed-Meanwhile");
  md_test_wait_until (outcome_is_done, &outcome, WAIT_LIMIT_US);
  g_assert_no_error (outcome.error);

  text = read_pdf_text (path);
  md_test_assert_text_contains (text, "Peeters");
  md_test_assert_text_lacks (text, "Changed-Meanwhile");
}

static gboolean
window_has_dossier (gpointer data)
{
  return md_window_get_dossier (data) != NULL && !md_window_is_busy (data);
}

static MdWindow *
open_sample_window (void)
{
  MdWindow *window = md_window_new (NULL);
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  md_window_open_file (window, file);
  md_test_wait_until (window_has_dossier, window, WAIT_LIMIT_US);
  return window;
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  md_window_export_to_file_finish (MD_WINDOW (source), result, &outcome->error);
  outcome->done = TRUE;
}

/* Nothing of an export may keep the window alive. */
static void
close_window (MdWindow *window)
{
  AdwMessageDialog *dialog;

  while ((dialog = md_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  md_test_iterate ();
  g_assert_null (window);
}

static void
test_window_pdf (void)
{
  MdWindow *window = open_sample_window ();
  const char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  Outcome outcome = { FALSE, NULL };
  AdwMessageDialog *dialog;

  md_window_export_to_file_async (window, MD_EXPORT_SUMMARY_PDF, file, NULL, on_exported, &outcome);
  md_test_wait_until (outcome_is_done, &outcome, WAIT_LIMIT_US);
  g_assert_no_error (outcome.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (md_test_find_message_dialog ());

  /* A failure is explained in a dialog. */
  outcome.done = FALSE;
  md_window_export_to_file_async (window, MD_EXPORT_AGREEMENT_PDF, missing_file, NULL, on_exported, &outcome);
  md_test_wait_until (outcome_is_done, &outcome, WAIT_LIMIT_US);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&outcome.error);
  dialog = md_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Export the Learning Agreement");
  md_test_assert_text_contains (adw_message_dialog_get_body (dialog), "its folder does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  close_window (window);
}

static gboolean
find_chooser_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          *(GtkWidget **) data = GTK_WIDGET (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

/* Done when the file is there, or when a dialog explains why not. */
static gboolean
file_exists_or_dialog (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR) || md_test_find_message_dialog () != NULL;
}

/* Picks the EWP filter and a name in the save dialog, as a user would. */
static void
choose_ewp_file (GtkWidget  *dialog,
                 const char *dir,
                 const char *name)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  g_autofree char *typed = g_build_filename (dir, name, NULL);
  g_autoptr(GtkFileFilter) ewp = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  ewp = g_list_model_get_item (filters, 1);
  g_assert_cmpstr (gtk_file_filter_get_name (ewp), ==, "EWP XML (omobility-las)");
  gtk_file_chooser_set_filter (chooser, ewp);
  /* Typed as a whole path: the folder the chooser opens in is its own
   * choice (recently used files, or home). */
  gtk_file_chooser_set_current_name (chooser, typed);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
}

/* What EWP needs beyond the sample: institution ids and contacts. */
static void
complete_for_ewp (MdDossier *dossier)
{
  set (dossier, "applicant.home_institution.hei_id", "itg.be");
  set (dossier, "applicant.home_institution.contact_person.given_name", "Jan");
  set (dossier, "applicant.home_institution.contact_person.family_name", "Janssens");
  set (dossier, "applicant.home_institution.contact_person.email", "jan.janssens@example.org");
  set (dossier, "mobility.receiving_organisation.hei_id", "uni-heidelberg.de");
  set (dossier, "mobility.receiving_organisation.contact_person.given_name", "Anna");
  set (dossier, "mobility.receiving_organisation.contact_person.family_name", "Keller");
  set (dossier, "mobility.receiving_organisation.contact_person.email", "incoming@example.de");
  sign (dossier, "student", "Lotte Peeters", NULL, "lotte.peeters@example.org");
  sign (dossier, "sending", "Prof. Jan Janssens", "Erasmus coordinator", "jan.janssens@example.org");
}

static void
test_window_ewp (void)
{
  MdWindow *window = open_sample_window ();
  const char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "agreement.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *xml = NULL;
  GtkWidget *dialog = NULL;
  Outcome outcome = { FALSE, NULL };
  g_autoptr(GError) error = NULL;

  /* EWP needs more than the sample has: the dialog names what. */
  md_window_export_to_file_async (window, MD_EXPORT_AGREEMENT_EWP, file, NULL, on_exported, &outcome);
  md_test_wait_until (outcome_is_done, &outcome, WAIT_LIMIT_US);
  g_assert_error (outcome.error, MD_EWP_ERROR, MD_EWP_ERROR_MISSING_VALUE);
  g_clear_error (&outcome.error);
  g_assert_nonnull (md_test_find_message_dialog ());
  md_test_assert_text_contains (adw_message_dialog_get_body (md_test_find_message_dialog ()), "hei_id");
  gtk_window_destroy (GTK_WINDOW (md_test_find_message_dialog ()));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  complete_for_ewp (md_window_get_dossier (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-agreement", NULL));
  md_test_wait_until (find_chooser_dialog, &dialog, WAIT_LIMIT_US);
  choose_ewp_file (dialog, dir, "agreement");
  md_test_wait_until (file_exists_or_dialog, path, WAIT_LIMIT_US);
  if (md_test_find_message_dialog () != NULL)
    g_error ("The export failed: %s", adw_message_dialog_get_body (md_test_find_message_dialog ()));

  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (xml, "<?xml"));
  md_test_assert_text_contains (xml, "omobility-las");
  md_test_assert_text_contains (xml, "GH-CCH");
  md_test_assert_text_contains (xml, "GH-ARB");
  md_test_assert_text_contains (xml, "MTM-ELEC1");
  g_assert_null (md_test_find_message_dialog ());

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_ui (&argc, &argv, "md-test-pdf-XXXXXX");

  g_test_add_func ("/agreement-pdf/agreement", test_agreement);
  g_test_add_func ("/agreement-pdf/agreement-unsigned", test_agreement_unsigned);
  g_test_add_func ("/agreement-pdf/long-table", test_long_table);
  g_test_add_func ("/agreement-pdf/summary", test_summary);
  g_test_add_func ("/agreement-pdf/summary-problems", test_summary_problems);
  g_test_add_func ("/agreement-pdf/french", test_french);
  g_test_add_func ("/agreement-pdf/unwritable", test_unwritable);
  g_test_add_func ("/agreement-pdf/cancelled", test_cancelled_keeps_old_file);
  g_test_add_func ("/agreement-pdf/async", test_async);
  g_test_add_func ("/agreement-pdf/window-pdf", test_window_pdf);
  g_test_add_func ("/agreement-pdf/window-ewp", test_window_ewp);

  return g_test_run ();
}
