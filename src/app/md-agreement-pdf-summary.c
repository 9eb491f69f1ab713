/* md-agreement-pdf-summary.c
 *
 * The application on a few pages, for a selection committee that reads
 * on paper or a partner that wants the gist: who applies, for which
 * programme and activity, where and when, the start of the motivation
 * letter, the documents that come with it and what the programme's
 * checks say about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "md-agreement-pdf-private.h"
#include "md-dossier-schema.h"
#include "md-formats.h"
#include "md-page-documents-private.h"

#define EXCERPT_WORDS 150

static const double form_widths[] = { 0.19, 0.31, 0.19, 0.31 };
static const double document_widths[] = { 0.3, 0.4, 0.18, 0.12 };
static const double issue_widths[] = { 0.12, 0.28, 0.6 };

/* ---- Label and value pairs ---------------------------------------------- */

typedef struct
{
  const char *label;
  char       *value;
} Pair;

static void
add_pair (GArray     *pairs,
          const char *label,
          char       *value)
{
  Pair pair = { label, value };

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  g_array_append_val (pairs, pair);
}

static void
add_field (GArray     *pairs,
           MdDossier  *dossier,
           const char *path)
{
  add_pair (pairs, md_dossier_schema_label_of (path), md_pdf_dup_string (dossier, path));
}

/* Two pairs a row, like the boxes of a paper form; empty fields are
 * left out, the validation section says what is missing. */
static void
add_form_table (MdPdfDocument *doc,
                GArray        *pairs)
{
  MdPdfTable *table = md_pdf_document_add_table (doc, G_N_ELEMENTS (form_widths), form_widths);

  md_pdf_table_set_label_column (table, 0);
  md_pdf_table_set_label_column (table, 2);
  for (guint i = 0; i < pairs->len; i += 2)
    {
      Pair *left = &g_array_index (pairs, Pair, i);
      Pair *right = i + 1 < pairs->len ? &g_array_index (pairs, Pair, i + 1) : NULL;

      md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
        left->label, left->value, right ? right->label : "", right ? right->value : "" });
    }
  for (guint i = 0; i < pairs->len; i++)
    g_free (g_array_index (pairs, Pair, i).value);
}

/* ---- Sections ----------------------------------------------------------- */

static void
add_applicant (MdPdfDocument *doc,
               MdDossier     *dossier)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  gint64 cycle = md_dossier_get_int (dossier, "applicant.study_cycle", 0);
  gint64 year = md_dossier_get_int (dossier, "applicant.year_of_study", 0);

  add_pair (pairs, _("Name"), md_pdf_dup_person_name (dossier));
  add_pair (pairs, md_dossier_schema_label_of ("applicant.role"),
            g_strdup (md_pdf_format_role (md_dossier_get_string (dossier, "applicant.role"))));
  add_pair (pairs, md_dossier_schema_label_of ("applicant.date_of_birth"),
            md_pdf_format_date (md_dossier_get_string (dossier, "applicant.date_of_birth")));
  add_pair (pairs, md_dossier_schema_label_of ("applicant.nationality"),
            md_pdf_format_country (md_dossier_get_string (dossier, "applicant.nationality")));
  add_field (pairs, dossier, "applicant.email");
  add_field (pairs, dossier, "applicant.phone");
  add_field (pairs, dossier, "applicant.home_institution.name");
  add_field (pairs, dossier, "applicant.home_institution.erasmus_code");
  add_field (pairs, dossier, "applicant.degree_programme");
  add_pair (pairs, md_dossier_schema_label_of ("applicant.study_cycle"), g_strdup (md_pdf_format_study_cycle (cycle)));
  add_field (pairs, dossier, "applicant.field_of_education");
  add_pair (pairs, md_dossier_schema_label_of ("applicant.year_of_study"),
            year > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, year) : NULL);
  add_field (pairs, dossier, "applicant.position");
  add_field (pairs, dossier, "applicant.department");

  md_pdf_document_add_heading (doc, _("Applicant"));
  add_form_table (doc, pairs);
}

static char *
dup_travel_mode (MdDossier *dossier)
{
  const char *mode = md_dossier_get_string (dossier, "mobility.travel_mode");

  if (g_strcmp0 (mode, "green") == 0)
    return g_strdup (_("Green travel: bus, train or car-sharing for most of the way"));
  if (g_strcmp0 (mode, "standard") == 0)
    return g_strdup (_("Standard travel, for example by plane"));
  return g_strdup (mode);
}

static void
add_mobility (MdPdfDocument *doc,
              MdDossier     *dossier,
              MdProgramme   *programme)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  add_pair (pairs, _("Programme"), md_pdf_dup_programme_title (dossier, programme));
  add_pair (pairs, md_dossier_schema_label_of ("mobility.activity"), md_pdf_dup_activity_title (dossier, programme));
  add_pair (pairs, md_dossier_schema_label_of ("mobility.destination_country"),
            md_pdf_format_country (md_dossier_get_string (dossier, "mobility.destination_country")));
  add_field (pairs, dossier, "mobility.receiving_organisation.name");
  add_field (pairs, dossier, "mobility.receiving_organisation.erasmus_code");
  add_field (pairs, dossier, "mobility.receiving_organisation.contact_name");
  add_pair (pairs, md_dossier_schema_label_of ("mobility.start_date"),
            md_pdf_format_date (md_dossier_get_string (dossier, "mobility.start_date")));
  add_pair (pairs, md_dossier_schema_label_of ("mobility.end_date"),
            md_pdf_format_date (md_dossier_get_string (dossier, "mobility.end_date")));
  add_pair (pairs, md_dossier_schema_label_of ("mobility.travel_mode"), dup_travel_mode (dossier));

  md_pdf_document_add_heading (doc, _("Mobility"));
  add_form_table (doc, pairs);
}

/* The first words, cut at a word, so the committee reads real sentences. */
static char *
dup_excerpt (const char *text,
             guint       max_words)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (space && in_word && ++words == max_words)
        {
          g_autofree char *start = g_strndup (text, p - text);

          return g_strconcat (start, " …", NULL);
        }
      in_word = !space;
    }
  return g_strdup (text);
}

static void
add_motivation (MdPdfDocument *doc,
                MdDossier     *dossier)
{
  const char *letter = md_dossier_get_string (dossier, "motivation_letter.text");
  guint words = letter ? md_format_count_words (letter) : 0;
  g_autofree char *excerpt = NULL;
  g_autofree char *count = NULL;
  g_autofree char *note = NULL;

  md_pdf_document_add_heading (doc, _("Motivation Letter"));
  if (words == 0)
    {
      md_pdf_document_add_text (doc, NULL, _("Not written yet."));
      return;
    }

  excerpt = dup_excerpt (letter, EXCERPT_WORDS);
  md_pdf_document_add_text (doc, NULL, excerpt);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  if (words > EXCERPT_WORDS)
    /* Translators: the length of the whole letter, such as "420 words" */
    note = g_strdup_printf (_("The first words of the letter; it has %s in all."), count);
  else
    /* Translators: the length of the whole letter, such as "120 words" */
    note = g_strdup_printf (_("The whole letter: %s."), count);
  md_pdf_document_add_note (doc, note);
}

static void
add_documents (MdPdfDocument *doc,
               MdDossier     *dossier)
{
  guint n = md_dossier_get_length (dossier, "attachments");
  MdPdfTable *table;

  md_pdf_document_add_heading (doc, _("Documents"));
  table = md_pdf_document_add_table (doc, G_N_ELEMENTS (document_widths), document_widths);
  md_pdf_table_set_numeric_column (table, 3);
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) {
    _("Document"), _("File name"), _("Type"), _("Size") });
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *kind_path = g_strdup_printf ("attachments[%u].kind", i);
      g_autofree char *name_path = g_strdup_printf ("attachments[%u].name", i);
      g_autofree char *type_path = g_strdup_printf ("attachments[%u].media_type", i);
      g_autofree char *size_path = g_strdup_printf ("attachments[%u].size", i);
      g_autofree char *name = md_pdf_dup_string (dossier, name_path);
      g_autofree char *type = md_pdf_dup_string (dossier, type_path);
      g_autofree char *size = g_format_size (md_dossier_get_int (dossier, size_path, 0));

      md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
        md_document_kind_label (md_dossier_get_string (dossier, kind_path)), name, type, size });
    }
  if (n == 0)
    md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) { _("No attachments"), NULL, NULL, NULL });
}

/* ---- Validation --------------------------------------------------------- */

static const char *
describe_integrity (MdIntegrity integrity)
{
  switch (integrity)
    {
    case MD_INTEGRITY_INTACT:
      return _("intact: unchanged since Mobility Dossier last saved it.");
    case MD_INTEGRITY_CHANGED_OUTSIDE:
      return _("changed outside Mobility Dossier after it was last saved.");
    case MD_INTEGRITY_MISSING:
      return _("no checksum: changes made outside Mobility Dossier cannot be detected.");
    case MD_INTEGRITY_UNCHECKED:
    default:
      return _("not saved in a bundle yet.");
    }
}

static char *
describe_report (MdReport *report)
{
  guint errors = md_report_count (report, MD_SEVERITY_ERROR);
  guint warnings = md_report_count (report, MD_SEVERITY_WARNING);
  g_autofree char *problems = NULL;
  g_autofree char *remarks = NULL;

  if (errors == 0 && warnings == 0)
    return g_strdup (_("complete: the checks of the programme found no problems."));

  problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to fix", "%u problems to fix", errors), errors);
  remarks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  /* Translators: the number of problems, then of warnings */
  return g_strdup_printf (errors ? _("not ready to submit: %s, %s.") : _("ready to submit: %s, %s."),
                          problems, remarks);
}

static void
add_issues (MdPdfDocument *doc,
            MdReport      *report)
{
  MdPdfTable *table = md_pdf_document_add_table (doc, G_N_ELEMENTS (issue_widths), issue_widths);

  md_pdf_table_set_small (table);
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) { _("Severity"), _("Field"), _("Message") });
  for (guint i = 0; i < md_report_get_n_issues (report); i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);

      md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
        issue->severity == MD_SEVERITY_ERROR ? _("Problem") : _("Warning"),
        issue->path ? md_dossier_schema_label_of (issue->path) : "",
        issue->message ? issue->message : "" });
    }
}

static void
add_submissions (MdPdfDocument *doc,
                 MdDossier     *dossier)
{
  guint n = md_dossier_get_length (dossier, "submissions");
  g_autofree char *path = NULL;
  g_autofree char *date = NULL;

  if (n == 0)
    return;
  path = g_strdup_printf ("submissions[%u].timestamp", n - 1);
  date = md_pdf_format_timestamp_date (md_dossier_get_string (dossier, path));
  md_pdf_document_add_text (doc, _("Submitted:"), date);
}

static void
add_validation (MdPdfDocument *doc,
                MdDossier     *dossier,
                MdReport      *report)
{
  md_pdf_document_add_heading (doc, _("Validation"));
  if (report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("not checked: the programme profile “%s” is not installed."),
                                               md_dossier_get_programme (dossier));

      md_pdf_document_add_text (doc, _("State:"), text);
    }
  else
    {
      g_autofree char *text = describe_report (report);

      md_pdf_document_add_text (doc, _("State:"), text);
    }
  md_pdf_document_add_text (doc, _("Integrity:"), describe_integrity (md_dossier_get_integrity (dossier)));
  add_submissions (doc, dossier);
  if (report != NULL && md_report_get_n_issues (report) > 0)
    add_issues (doc, report);
}

/* ---- The summary -------------------------------------------------------- */

MdPdfDocument *
md_agreement_pdf_build_summary (MdDossier   *dossier,
                                MdProgramme *programme,
                                MdReport    *report)
{
  g_autofree char *name = md_pdf_dup_person_name (dossier);
  g_autofree char *programme_title = md_pdf_dup_programme_title (dossier, programme);
  g_autofree char *activity = md_pdf_dup_activity_title (dossier, programme);
  g_autofree char *running = g_strdup_printf ("%s · %s", _("Application Summary"), programme_title);
  MdPdfDocument *doc = md_pdf_document_new (running, name);

  md_pdf_document_set_metadata (doc, _("Application Summary"), name);
  md_pdf_document_add_title (doc, _("Application Summary"), *activity ? activity : programme_title);
  add_applicant (doc, dossier);
  add_mobility (doc, dossier, programme);
  add_motivation (doc, dossier);
  add_documents (doc, dossier);
  add_validation (doc, dossier, report);
  md_pdf_add_origin (doc, dossier);
  return doc;
}
