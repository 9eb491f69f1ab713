/* md-agreement-pdf-form.c
 *
 * The learning agreement laid out like the Commission's form for
 * studies (KA131, 2021 onwards), for partners that are not on the
 * Erasmus Without Paper network: the parties, the planned period,
 * Tables A, B and C with their totals, the language competence, the
 * commitment with the three signatures and, during the mobility, the
 * exceptional changes with their reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "md-agreement-pdf-private.h"
#include "md-bundle.h"

#define BOX_CHECKED   "☒"
#define BOX_UNCHECKED "☐"

static const double party_widths[] = { 0.13, 0.19, 0.12, 0.13, 0.13, 0.1, 0.2 };
static const double student_widths[] = { 0.13, 0.16, 0.16, 0.13, 0.13, 0.15, 0.14 };
static const double component_widths[] = { 0.14, 0.44, 0.21, 0.21 };
static const double signature_widths[] = { 0.17, 0.15, 0.22, 0.17, 0.12, 0.17 };
static const double change_widths[] = { 0.08, 0.11, 0.28, 0.1, 0.09, 0.22, 0.12 };

static const char * const cefr_levels[] = { "A1", "A2", "B1", "B2", "C1", "C2", "NS" };

/* ---- The parties -------------------------------------------------------- */

static void
add_student_table (MdPdfDocument *doc,
                   MdDossier     *dossier)
{
  MdPdfTable *table = md_pdf_document_add_table (doc, G_N_ELEMENTS (student_widths), student_widths);
  g_autofree char *family = md_pdf_dup_string (dossier, "applicant.family_name");
  g_autofree char *given = md_pdf_dup_string (dossier, "applicant.given_name");
  g_autofree char *born = md_pdf_format_date (md_dossier_get_string (dossier, "applicant.date_of_birth"));
  g_autofree char *nationality = md_pdf_format_country (md_dossier_get_string (dossier, "applicant.nationality"));
  g_autofree char *field = md_pdf_dup_string (dossier, "applicant.field_of_education");
  const char *cycle = md_pdf_format_study_cycle (md_dossier_get_int (dossier, "applicant.study_cycle", 0));

  md_pdf_table_set_small (table);
  md_pdf_table_set_label_column (table, 0);
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) {
    "", _("Last name(s)"), _("First name(s)"), _("Date of birth"), _("Nationality"),
    _("Study cycle"), _("Field of education (ISCED-F)") });
  md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
    _("Student"), family, given, born, nationality, cycle, field });
}

static void
add_institution_row (MdPdfTable *table,
                     const char *label,
                     const char *name,
                     const char *department,
                     const char *erasmus_code,
                     const char *address,
                     const char *country,
                     const char *contact)
{
  g_autofree char *country_name = md_pdf_format_country (country);

  md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
    label, name ? name : "", department ? department : "", erasmus_code ? erasmus_code : "",
    address ? address : "", country_name, contact ? contact : "" });
}

/* Name and e-mail of the receiving contact on two lines, as on paper. */
static char *
dup_receiving_contact (MdDossier *dossier)
{
  const char *name = md_dossier_get_string (dossier, "mobility.receiving_organisation.contact_name");
  const char *email = md_dossier_get_string (dossier, "mobility.receiving_organisation.contact_email");

  return g_strstrip (g_strdup_printf ("%s\n%s", name ? name : "", email ? email : ""));
}

static void
add_institutions_table (MdPdfDocument *doc,
                        MdDossier     *dossier)
{
  MdPdfTable *table = md_pdf_document_add_table (doc, G_N_ELEMENTS (party_widths), party_widths);
  g_autofree char *contact = dup_receiving_contact (dossier);

  md_pdf_table_set_small (table);
  md_pdf_table_set_label_column (table, 0);
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) {
    "", _("Name"), _("Faculty or department"), _("Erasmus code"), _("Address"), _("Country"),
    _("Contact person") });
  add_institution_row (table, _("Sending institution"),
                       md_dossier_get_string (dossier, "applicant.home_institution.name"),
                       md_dossier_get_string (dossier, "applicant.department"),
                       md_dossier_get_string (dossier, "applicant.home_institution.erasmus_code"),
                       NULL,
                       md_dossier_get_string (dossier, "applicant.home_institution.country"),
                       NULL);
  add_institution_row (table, _("Receiving institution"),
                       md_dossier_get_string (dossier, "mobility.receiving_organisation.name"),
                       NULL,
                       md_dossier_get_string (dossier, "mobility.receiving_organisation.erasmus_code"),
                       md_dossier_get_string (dossier, "mobility.receiving_organisation.address"),
                       md_dossier_get_string (dossier, "mobility.destination_country"),
                       contact);
}

static void
add_period (MdPdfDocument *doc,
            MdDossier     *dossier,
            MdProgramme   *programme)
{
  g_autofree char *start = md_pdf_format_date (md_dossier_get_string (dossier, "mobility.start_date"));
  g_autofree char *end = md_pdf_format_date (md_dossier_get_string (dossier, "mobility.end_date"));
  g_autofree char *activity = md_pdf_dup_activity_title (dossier, programme);
  /* Translators: the first and the last day of the mobility */
  g_autofree char *period = g_strdup_printf (_("from %s to %s"), start, end);

  md_pdf_document_add_text (doc, _("Type of mobility:"), activity);
  md_pdf_document_add_text (doc, _("Planned period of the physical mobility:"), period);
}

/* ---- Tables A, B and C -------------------------------------------------- */

static void
add_component_table (MdPdfDocument *doc,
                     MdDossier     *dossier,
                     const char    *list_path,
                     const char    *caption,
                     const char    *title_heading,
                     const char    *credits_heading)
{
  MdPdfTable *table = md_pdf_document_add_table (doc, G_N_ELEMENTS (component_widths), component_widths);
  g_autofree char *total_text = NULL;
  double total;

  md_pdf_table_set_numeric_column (table, 3);
  md_pdf_table_add_row (table, MD_PDF_ROW_CAPTION, (const char *[]) { caption, NULL, NULL, NULL });
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) {
    _("Component code"), title_heading, _("Semester or term"), credits_heading });

  total = md_pdf_add_component_rows (table, dossier, list_path);
  if (md_dossier_get_length (dossier, list_path) == 0)
    md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) { _("No components"), NULL, NULL, NULL });

  total_text = md_pdf_format_ects (total);
  md_pdf_table_add_row (table, MD_PDF_ROW_TOTAL, (const char *[]) { _("Total"), NULL, NULL, total_text });
}

static char *
format_cefr_boxes (const char *level)
{
  GString *boxes = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cefr_levels); i++)
    {
      const char *name = g_str_equal (cefr_levels[i], "NS") ? _("Native speaker") : cefr_levels[i];

      g_string_append_printf (boxes, "%s%s %s", i ? "   " : "",
                              g_strcmp0 (level, cefr_levels[i]) == 0 ? BOX_CHECKED : BOX_UNCHECKED, name);
    }
  return g_string_free (boxes, FALSE);
}

static void
add_language (MdPdfDocument *doc,
              MdDossier     *dossier)
{
  g_autofree char *language = md_pdf_format_language (md_dossier_get_string (dossier, "learning_agreement.language.code"));
  g_autofree char *boxes = format_cefr_boxes (md_dossier_get_string (dossier, "learning_agreement.language.cefr"));
  /* Translators: the language of instruction, then the CEFR levels A1 to C2 with boxes */
  g_autofree char *text = g_strdup_printf (_("The level of competence in %s that the student already has or agrees to reach by the start of the mobility: %s"),
                                           *language ? language : "—", boxes);

  md_pdf_document_add_text (doc, _("Language competence."), text);
}

static void
add_tables (MdPdfDocument *doc,
            MdDossier     *dossier)
{
  md_pdf_document_add_heading (doc, _("Before the Mobility"));
  add_component_table (doc, dossier, "learning_agreement.table_a",
                       _("Table A — Studies at the receiving institution"),
                       _("Component title at the receiving institution (as in the course catalogue)"),
                       _("ECTS credits awarded by the receiving institution on success"));
  add_language (doc, dossier);
  add_component_table (doc, dossier, "learning_agreement.table_b",
                       _("Table B — Recognition at the home institution"),
                       _("Component title at the sending institution"),
                       _("ECTS credits to be recognised by the sending institution"));
  add_component_table (doc, dossier, "learning_agreement.table_c",
                       _("Table C — Virtual components"),
                       _("Component title or description of the virtual component"),
                       _("ECTS credits awarded by the receiving institution on success"));
}

/* ---- Commitment and signatures ------------------------------------------ */

typedef struct
{
  const char *role;
  const char *label;
} Signer;

static const char *
get_member (MdDossier  *dossier,
            const char *prefix,
            const char *member)
{
  g_autofree char *path = g_strconcat (prefix, ".", member, NULL);

  return md_dossier_get_string (dossier, path);
}

/* The latest approval of @role, or -1. */
static int
find_approval (MdDossier  *dossier,
               const char *role)
{
  int found = -1;

  for (guint i = 0; i < md_dossier_get_length (dossier, "approvals"); i++)
    {
      g_autofree char *path = g_strdup_printf ("approvals[%u].role", i);

      if (g_strcmp0 (md_dossier_get_string (dossier, path), role) == 0)
        found = i;
    }
  return found;
}

static gboolean
approval_is_stale (MdDossier  *dossier,
                   const char *approval)
{
  const char *approved = get_member (dossier, approval, "agreement_digest");
  g_autofree char *current = NULL;

  if (approved == NULL)
    return FALSE;
  current = md_bundle_compute_agreement_digest (dossier);
  return g_ascii_strcasecmp (approved, current) != 0;
}

static char *
describe_signature (MdDossier  *dossier,
                    const char *signature,
                    const char *approval)
{
  const char *application = get_member (dossier, signature, "application");

  if (get_member (dossier, signature, "timestamp") != NULL)
    return application ? g_strdup_printf (_("Signed electronically with %s"), application)
                       : g_strdup (_("Signed electronically"));
  if (approval == NULL)
    return g_strdup ("");
  if (approval_is_stale (dossier, approval))
    return g_strdup (_("Stale: the agreement changed after this approval"));
  return g_strdup (_("Approved in Mobility Dossier"));
}

static const char *
first_of (const char *a,
          const char *b)
{
  return a && *a ? a : b ? b : "";
}

static void
add_signature_row (MdPdfTable   *table,
                   MdDossier    *dossier,
                   const Signer *signer)
{
  g_autofree char *signature = g_strconcat ("learning_agreement.signatures.", signer->role, NULL);
  int index = find_approval (dossier, signer->role);
  g_autofree char *approval = index >= 0 ? g_strdup_printf ("approvals[%d]", index) : NULL;
  gboolean student = g_str_equal (signer->role, "student");
  g_autofree char *applicant = student ? md_pdf_dup_person_name (dossier) : NULL;
  const char *name = first_of (get_member (dossier, signature, "name"),
                               approval ? get_member (dossier, approval, "name") : applicant);
  const char *email = first_of (get_member (dossier, signature, "email"),
                                student ? md_dossier_get_string (dossier, "applicant.email") : NULL);
  const char *stamp = get_member (dossier, signature, "timestamp");
  g_autofree char *date = md_pdf_format_timestamp_date (stamp ? stamp : approval ? get_member (dossier, approval, "timestamp") : NULL);
  g_autofree char *how = describe_signature (dossier, signature, approval);

  md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
    signer->label, name, email, first_of (get_member (dossier, signature, "position"), NULL), date, how });
}

static void
add_commitment (MdPdfDocument *doc,
                MdDossier     *dossier)
{
  const Signer signers[] = {
    { "student", _("Student") },
    { "sending", _("Responsible person at the sending institution") },
    { "receiving", _("Responsible person at the receiving institution") },
  };
  MdPdfTable *table;

  /* The commitment and the signatures under it belong on one page. */
  md_pdf_document_add_keep (doc, 240);
  md_pdf_document_add_heading (doc, _("Commitment"));
  md_pdf_document_add_text (doc, NULL,
                            _("By signing this document, the student, the sending institution and the receiving institution confirm that they approve the learning agreement and will comply with all the arrangements agreed by all parties. The sending institution will recognise all the credits gained at the receiving institution for the components of Table A completed successfully and count them towards the student’s degree as described in Table B. The receiving institution confirms that the components of Table A are in line with its course catalogue and should be available to the student."));

  table = md_pdf_document_add_table (doc, G_N_ELEMENTS (signature_widths), signature_widths);
  md_pdf_table_set_small (table);
  md_pdf_table_set_label_column (table, 0);
  md_pdf_table_set_min_row_height (table, 34);
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) {
    _("Commitment"), _("Name"), _("E-mail address"), _("Position"), _("Date"), _("Signature") });
  for (guint i = 0; i < G_N_ELEMENTS (signers); i++)
    add_signature_row (table, dossier, &signers[i]);
}

/* ---- Changes ------------------------------------------------------------ */

static char *
describe_reason (MdDossier  *dossier,
                 const char *row)
{
  g_autofree char *code_path = g_strconcat (row, ".reason_code", NULL);
  gint64 code = md_dossier_get_int (dossier, code_path, 0);
  const char *reason = md_pdf_format_reason (code);
  const char *text = get_member (dossier, row, "reason_text");
  g_autoptr(GString) description = g_string_new (NULL);

  if (code > 0)
    g_string_append_printf (description, "%" G_GINT64_FORMAT " — %s", code, reason);
  /* The standard wording says it already; any other text explains. */
  if (text != NULL && *text != '\0' && g_strcmp0 (text, reason) != 0)
    g_string_append_printf (description, "%s%s", description->len ? "\n" : "", text);
  return g_string_free (g_steal_pointer (&description), FALSE);
}

static void
add_change_row (MdPdfTable *table,
                MdDossier  *dossier,
                const char *row)
{
  const char *status = get_member (dossier, row, "status");
  g_autofree char *code_path = g_strconcat (row, ".code", NULL);
  g_autofree char *title_path = g_strconcat (row, ".title", NULL);
  g_autofree char *code = md_pdf_dup_string (dossier, code_path);
  g_autofree char *title = md_pdf_dup_string (dossier, title_path);
  g_autofree char *ects_path = g_strconcat (row, ".ects", NULL);
  g_autofree char *ects = md_pdf_format_ects (md_dossier_get_double (dossier, ects_path, 0));
  g_autofree char *reason = describe_reason (dossier, row);
  g_autofree char *letter = g_ascii_strup (first_of (get_member (dossier, row, "table"), ""), -1);

  md_pdf_table_add_row (table, MD_PDF_ROW_BODY, (const char *[]) {
    letter, code, title,
    g_strcmp0 (status, "deleted") == 0 ? BOX_CHECKED : BOX_UNCHECKED,
    g_strcmp0 (status, "inserted") == 0 ? BOX_CHECKED : BOX_UNCHECKED,
    reason, ects });
}

static void
add_change_set (MdPdfDocument *doc,
                MdDossier     *dossier,
                guint          index)
{
  g_autofree char *prefix = g_strdup_printf ("learning_agreement.changes[%u]", index);
  g_autofree char *approved_path = g_strconcat (prefix, ".approved", NULL);
  g_autofree char *rows_path = g_strconcat (prefix, ".components", NULL);
  const char *id = first_of (get_member (dossier, prefix, "id"), "");
  MdPdfTable *table = md_pdf_document_add_table (doc, G_N_ELEMENTS (change_widths), change_widths);
  g_autofree char *caption = md_dossier_get_boolean (dossier, approved_path)
    /* Translators: the identifier of a set of changes to the learning agreement */
    ? g_strdup_printf (_("Exceptional changes “%s” — approved"), id)
    : g_strdup_printf (_("Exceptional changes “%s” — proposed, not approved yet"), id);

  md_pdf_table_set_small (table);
  md_pdf_table_set_numeric_column (table, 6);
  md_pdf_table_set_centered_column (table, 0);
  md_pdf_table_set_centered_column (table, 3);
  md_pdf_table_set_centered_column (table, 4);
  md_pdf_table_add_row (table, MD_PDF_ROW_CAPTION, (const char *[]) { caption, NULL, NULL, NULL, NULL, NULL, NULL });
  md_pdf_table_add_row (table, MD_PDF_ROW_HEADER, (const char *[]) {
    /* Translators: the column saying which table (A, B or C) a changed component belongs to */
    C_("learning agreement", "Table"), _("Component code"), _("Component title"), _("Deleted"), _("Added"), _("Reason for the change"),
    _("ECTS credits") });
  for (guint i = 0; i < md_dossier_get_length (dossier, rows_path); i++)
    {
      g_autofree char *row = g_strdup_printf ("%s[%u]", rows_path, i);

      add_change_row (table, dossier, row);
    }
}

static char *
describe_reasons (void)
{
  /* Translators: the numbered reasons for deleting a component, then for adding one */
  return g_strdup_printf (_("Reasons for deleting a component: 1 — %s; 2 — %s; 3 — %s; 7 — %s. Reasons for adding a component: 4 — %s; 5 — %s; 6 — %s; 7 — %s."),
                          md_pdf_format_reason (1), md_pdf_format_reason (2), md_pdf_format_reason (3),
                          md_pdf_format_reason (7), md_pdf_format_reason (4), md_pdf_format_reason (5),
                          md_pdf_format_reason (6), md_pdf_format_reason (7));
}

static void
add_changes (MdPdfDocument *doc,
             MdDossier     *dossier)
{
  guint n = md_dossier_get_length (dossier, "learning_agreement.changes");
  g_autofree char *reasons = NULL;

  if (n == 0)
    return;

  md_pdf_document_add_heading (doc, _("During the Mobility"));
  for (guint i = 0; i < n; i++)
    add_change_set (doc, dossier, i);
  reasons = describe_reasons ();
  md_pdf_document_add_note (doc, reasons);
}

/* ---- The form ------------------------------------------------------------ */

static MdPdfDocument *
create_document (MdDossier   *dossier,
                 MdProgramme *programme)
{
  g_autofree char *name = md_pdf_dup_person_name (dossier);
  g_autofree char *year = md_pdf_format_academic_year (md_dossier_get_string (dossier, "mobility.start_date"));
  g_autofree char *programme_title = md_pdf_dup_programme_title (dossier, programme);
  g_autofree char *detail = *year
    /* Translators: the student's name, then an academic year such as 2025/2026 */
    ? g_strdup_printf (_("%s · Academic year %s"), name, year)
    : g_strdup (name);
  g_autofree char *running = g_strdup_printf ("%s · %s", _("Learning Agreement"), programme_title);
  MdPdfDocument *doc = md_pdf_document_new (running, detail);

  md_pdf_document_set_metadata (doc, _("Learning Agreement"), name);
  return doc;
}

MdPdfDocument *
md_agreement_pdf_build_agreement (MdDossier   *dossier,
                                  MdProgramme *programme)
{
  MdPdfDocument *doc = create_document (dossier, programme);
  g_autofree char *programme_title = md_pdf_dup_programme_title (dossier, programme);
  const char *call = md_dossier_get_string (dossier, "call");
  g_autofree char *subtitle = call && *call && !strstr (programme_title, call)
    /* Translators: a programme's name, then its call year */
    ? g_strdup_printf (_("%s, call %s"), programme_title, call)
    : g_strdup (programme_title);

  md_pdf_document_add_title (doc, _("Learning Agreement"), subtitle);
  add_student_table (doc, dossier);
  add_institutions_table (doc, dossier);
  add_period (doc, dossier, programme);
  add_tables (doc, dossier);
  add_commitment (doc, dossier);
  add_changes (doc, dossier);
  md_pdf_add_origin (doc, dossier);
  return doc;
}
