/* md-ewp-export.c
 *
 * Writes the learning agreement of a dossier as an EWP omobility-las
 * get-response, the document a sending institution serves to the
 * network. The dossier is the one source: every element comes from a
 * field path (docs/ewp.md has the table), nothing is made up, and a
 * value the schema needs but the dossier lacks stops the export with
 * the field path to fill. A value that would make the document invalid
 * stops it the same way, so what comes out always validates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-ewp-writer.h"

/* The EWP omobility-id is the sending institution's; the dossier's own
 * id stands in until the dossier records one. */
static gboolean
write_mobility_id (MdEwpWriter  *w,
                   GError      **error)
{
  if (md_dossier_lookup (w->dossier, "mobility.omobility_id") != NULL)
    return md_ewp_writer_required (w, "omobility-id", "mobility.omobility_id", MD_EWP_KIND_IDENTIFIER, error);

  return md_ewp_writer_required (w, "omobility-id", "id", MD_EWP_KIND_IDENTIFIER, error);
}

static gboolean
write_institution (MdEwpWriter  *w,
                   const char   *element,
                   const char   *base,
                   GError      **error)
{
  g_autofree char *contact = g_strconcat (base, ".contact_person", NULL);

  md_ewp_writer_open (w, element);
  if (!md_ewp_writer_required_member (w, "hei-id", base, "hei_id", MD_EWP_KIND_TEXT, error))
    return FALSE;

  md_ewp_writer_open (w, "contact-person");
  if (!md_ewp_writer_required_member (w, "given-names", contact, "given_name", MD_EWP_KIND_TEXT, error) ||
      !md_ewp_writer_required_member (w, "family-name", contact, "family_name", MD_EWP_KIND_TEXT, error) ||
      !md_ewp_writer_required_member (w, "email", contact, "email", MD_EWP_KIND_EMAIL, error))
    return FALSE;
  md_ewp_writer_close (w, "contact-person");

  md_ewp_writer_close (w, element);
  return TRUE;
}

static gboolean
write_academic_year (MdEwpWriter  *w,
                     GError      **error)
{
  const char *start = md_ewp_writer_require (w, "mobility.start_date", MD_EWP_KIND_DATE_OR_MONTH, error);
  g_autofree char *year = NULL;

  if (start == NULL)
    return FALSE;

  year = md_ewp_academic_year_for (start);
  md_ewp_writer_text (w, "receiving-academic-year-id", year);
  return TRUE;
}

static gboolean
write_student (MdEwpWriter  *w,
               GError      **error)
{
  md_ewp_writer_open (w, "student");
  if (!md_ewp_writer_required (w, "given-names", "applicant.given_name", MD_EWP_KIND_TEXT, error) ||
      !md_ewp_writer_required (w, "family-name", "applicant.family_name", MD_EWP_KIND_TEXT, error) ||
      !md_ewp_writer_required (w, "birth-date", "applicant.date_of_birth", MD_EWP_KIND_DATE, error) ||
      !md_ewp_writer_required (w, "citizenship", "applicant.nationality", MD_EWP_KIND_COUNTRY, error) ||
      !md_ewp_writer_required (w, "email", "applicant.email", MD_EWP_KIND_EMAIL, error))
    return FALSE;
  md_ewp_writer_close (w, "student");

  return TRUE;
}

/* A whole date, or only the month when that is all the dossier has
 * (as after importing a document that gave only the month). */
static gboolean
write_period_end (MdEwpWriter  *w,
                  const char   *path,
                  const char   *date_element,
                  const char   *month_element,
                  GError      **error)
{
  const char *value = md_ewp_writer_require (w, path, MD_EWP_KIND_DATE_OR_MONTH, error);

  if (value == NULL)
    return FALSE;

  md_ewp_writer_text (w, md_ewp_is_year_month (value) ? month_element : date_element, value);
  return TRUE;
}

static gboolean
write_eqf_level (MdEwpWriter  *w,
                 GError      **error)
{
  const char *path = "applicant.study_cycle";
  g_autofree char *text = NULL;
  gint64 level;

  if (md_dossier_lookup (w->dossier, path) == NULL)
    return md_ewp_set_missing (error, path);

  level = md_dossier_get_int (w->dossier, path, 0);
  if (level < 1 || level > 8)
    return md_ewp_set_invalid (error, path, _("an EQF level, a whole number from 1 to 8"));

  text = g_strdup_printf ("%" G_GINT64_FORMAT, level);
  md_ewp_writer_text (w, "eqf-level-studied-at-departure", text);
  return TRUE;
}

static gboolean
write_language_skill (MdEwpWriter  *w,
                      GError      **error)
{
  md_ewp_writer_open (w, "student-language-skill");
  if (!md_ewp_writer_required (w, "language", "learning_agreement.language.code", MD_EWP_KIND_LANGUAGE, error) ||
      !md_ewp_writer_required (w, "cefr-level", "learning_agreement.language.cefr", MD_EWP_KIND_CEFR, error))
    return FALSE;
  md_ewp_writer_close (w, "student-language-skill");

  return TRUE;
}

/* Everything before the lists of components, in the schema's order. */
static gboolean
write_mobility (MdEwpWriter  *w,
                GError      **error)
{
  return write_mobility_id (w, error) &&
         write_institution (w, "sending-hei", "applicant.home_institution", error) &&
         write_institution (w, "receiving-hei", "mobility.receiving_organisation", error) &&
         write_academic_year (w, error) &&
         write_student (w, error) &&
         write_period_end (w, "mobility.start_date", "start-date", "start-year-month", error) &&
         write_period_end (w, "mobility.end_date", "end-date", "end-year-month", error) &&
         write_eqf_level (w, error) &&
         md_ewp_writer_required (w, "isced-f-code", "applicant.field_of_education", MD_EWP_KIND_TEXT, error) &&
         write_language_skill (w, error);
}

static void
collect_tables (MdEwpWriter *w,
                MdEwpLists  *lists)
{
  for (guint t = 0; t < MD_EWP_N_TABLES; t++)
    {
      g_autofree char *path = g_strconcat ("learning_agreement.", md_ewp_tables[t].member, NULL);
      guint n = md_dossier_get_length (w->dossier, path);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (lists->rows[t], g_strdup_printf ("%s[%u]", path, i));
    }
}

static gboolean
collect_change_rows (MdEwpWriter  *w,
                     const char   *change,
                     MdEwpLists   *lists,
                     GError      **error)
{
  g_autofree char *components = g_strconcat (change, ".components", NULL);
  guint n = md_dossier_get_length (w->dossier, components);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *row = g_strdup_printf ("%s[%u]", components, i);
      g_autofree char *table_path = g_strconcat (row, ".table", NULL);
      const char *letter = md_ewp_writer_require (w, table_path, MD_EWP_KIND_TEXT, error);
      guint t = 0;

      if (letter == NULL)
        return FALSE;
      while (t < MD_EWP_N_TABLES && !g_str_equal (md_ewp_tables[t].letter, letter))
        t++;
      if (t == MD_EWP_N_TABLES)
        return md_ewp_set_invalid (error, table_path, _("“a”, “b” or “c”, the table the row changes"));

      g_ptr_array_add (lists->rows[t], g_steal_pointer (&row));
    }

  return TRUE;
}

typedef struct
{
  MdEwpLists approved;
  MdEwpLists pending;
  int        last_approved;   /* index of the change set, -1 for none */
  int        pending_index;
} Changes;

static void
changes_clear (Changes *changes)
{
  md_ewp_lists_clear (&changes->approved);
  md_ewp_lists_clear (&changes->pending);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Changes, changes_clear)

/* EWP keeps one list of approved changes, signed at the last approval,
 * and at most one proposal; the dossier's change sets fold into those. */
static gboolean
sort_changes (MdEwpWriter  *w,
              Changes      *changes,
              GError      **error)
{
  guint n = md_dossier_get_length (w->dossier, "learning_agreement.changes");

  md_ewp_lists_init (&changes->approved);
  md_ewp_lists_init (&changes->pending);
  changes->last_approved = changes->pending_index = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *change = g_strdup_printf ("learning_agreement.changes[%u]", i);
      g_autofree char *approved_path = g_strconcat (change, ".approved", NULL);
      gboolean approved = md_dossier_get_boolean (w->dossier, approved_path);

      if (!approved && changes->pending_index >= 0)
        {
          g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_UNSUPPORTED,
                       _("“%s” is a second pending change; EWP carries one proposal at a time. Approve or remove one of them."),
                       change);
          return FALSE;
        }

      if (!collect_change_rows (w, change, approved ? &changes->approved : &changes->pending, error))
        return FALSE;
      if (approved)
        changes->last_approved = (int) i;
      else
        changes->pending_index = (int) i;
    }

  return TRUE;
}

/* EWP wants a proposal's id to change exactly when its content does,
 * which a digest of the content gives for free. */
static gboolean
write_proposal (MdEwpWriter       *w,
                const MdEwpLists  *lists,
                const char        *change,
                const char        *signatures,
                GError           **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  MdEwpWriter inner = { w->dossier, body, w->depth + 1 };
  g_autofree char *id_path = change ? g_strconcat (change, ".id", NULL) : NULL;
  g_autofree char *digest = NULL;
  const char *id = NULL;

  if (!md_ewp_write_lists (&inner, lists, change != NULL, signatures, FALSE, error))
    return FALSE;
  if (id_path != NULL && !md_ewp_writer_get_optional (w, id_path, &id, error))
    return FALSE;
  if (id == NULL)
    id = digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body->str, body->len);

  md_ewp_writer_indent (w);
  g_string_append (w->out, "<changes-proposal id=\"");
  md_ewp_append_escaped (w->out, id, TRUE);
  g_string_append (w->out, "\">\n");
  g_string_append_len (w->out, body->str, body->len);
  md_ewp_writer_indent (w);
  g_string_append (w->out, "</changes-proposal>\n");
  return TRUE;
}

/* Until the receiving institution signs, there is no first version in
 * EWP's sense: the tables are a proposal of it. */
static gboolean
write_unsigned_agreement (MdEwpWriter  *w,
                          GError      **error)
{
  g_auto(MdEwpLists) tables = { { NULL } };

  if (md_dossier_get_length (w->dossier, "learning_agreement.changes") > 0)
    return md_ewp_set_missing (error, "learning_agreement.signatures.receiving.timestamp");

  md_ewp_lists_init (&tables);
  collect_tables (w, &tables);
  return write_proposal (w, &tables, NULL, "learning_agreement.signatures", error);
}

static gboolean
write_signed_agreement (MdEwpWriter  *w,
                        GError      **error)
{
  g_auto(MdEwpLists) tables = { { NULL } };
  g_auto(Changes) changes = { { { NULL } }, { { NULL } }, -1, -1 };

  md_ewp_lists_init (&tables);
  collect_tables (w, &tables);
  md_ewp_writer_open (w, "first-version");
  if (!md_ewp_write_lists (w, &tables, FALSE, "learning_agreement.signatures", TRUE, error))
    return FALSE;
  md_ewp_writer_close (w, "first-version");

  if (!sort_changes (w, &changes, error))
    return FALSE;

  if (changes.last_approved >= 0)
    {
      g_autofree char *signatures =
        g_strdup_printf ("learning_agreement.changes[%d].signatures", changes.last_approved);

      md_ewp_writer_open (w, "approved-changes");
      if (!md_ewp_write_lists (w, &changes.approved, TRUE, signatures, TRUE, error))
        return FALSE;
      md_ewp_writer_close (w, "approved-changes");
    }

  if (changes.pending_index >= 0)
    {
      g_autofree char *change = g_strdup_printf ("learning_agreement.changes[%d]", changes.pending_index);
      g_autofree char *signatures = g_strconcat (change, ".signatures", NULL);

      return write_proposal (w, &changes.pending, change, signatures, error);
    }

  return TRUE;
}

/**
 * md_ewp_export_agreement:
 * @dossier: a dossier
 * @error: return location for a #GError
 *
 * Writes the learning agreement of @dossier, with the mobility and
 * student data EWP requires, as an omobility-las get-response holding
 * one learning agreement. Fails with %MD_EWP_ERROR_MISSING_VALUE or
 * %MD_EWP_ERROR_INVALID_VALUE naming the field path to fill or correct,
 * or %MD_EWP_ERROR_UNSUPPORTED when EWP cannot express the agreement.
 *
 * Returns: (transfer full) (nullable): the document in UTF-8
 */
GBytes *
md_ewp_export_agreement (MdDossier  *dossier,
                         GError    **error)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  MdEwpWriter w = { dossier, out, 1 };
  gboolean signed_by_receiving;

  g_return_val_if_fail (MD_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_string_append (out, "<omobility-las-get-response xmlns=\"" MD_EWP_LA_NS "\" xmlns:trm=\"" MD_EWP_TERM_NS "\">\n");
  md_ewp_writer_open (&w, "la");
  if (!write_mobility (&w, error))
    return NULL;

  signed_by_receiving = md_dossier_lookup (dossier, "learning_agreement.signatures.receiving") != NULL;
  if (signed_by_receiving ? !write_signed_agreement (&w, error) : !write_unsigned_agreement (&w, error))
    return NULL;

  md_ewp_writer_close (&w, "la");
  g_string_append (out, "</omobility-las-get-response>\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
