/* md-ewp-export-lists.c
 *
 * The lists of components of an EWP learning agreement: the rows of
 * Tables A, B and C, each with its term and credits and, in a change,
 * its status and reason, followed by the signatures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-ewp-writer.h"

typedef struct
{
  const char *status;
  const char *reason_name;
  const char *reason_text;
} ChangeMark;

static gboolean
read_change_mark (MdEwpWriter  *w,
                  const char   *row,
                  ChangeMark   *mark,
                  GError      **error)
{
  g_autofree char *status_path = g_strconcat (row, ".status", NULL);
  g_autofree char *code_path = g_strconcat (row, ".reason_code", NULL);
  g_autofree char *text_path = g_strconcat (row, ".reason_text", NULL);
  gint64 code;

  mark->status = md_ewp_writer_require (w, status_path, MD_EWP_KIND_TEXT, error);
  if (mark->status == NULL)
    return FALSE;
  if (!g_str_equal (mark->status, "inserted") && !g_str_equal (mark->status, "deleted"))
    return md_ewp_set_invalid (error, status_path, _("“inserted” or “deleted”"));

  mark->reason_name = NULL;
  if (md_dossier_lookup (w->dossier, code_path) != NULL)
    {
      code = md_dossier_get_int (w->dossier, code_path, 0);
      if (!md_ewp_reason_fits_status (code, mark->status))
        return md_ewp_set_invalid (error, code_path,
                            _("a reason for this kind of change: 1 to 3 for a deleted row, 4 to 6 for an inserted one, 7 for either"));
      mark->reason_name = md_ewp_reason_name (code);
    }

  return md_ewp_writer_get_optional (w, text_path, &mark->reason_text, error);
}

static void
open_component (MdEwpWriter      *w,
                const ChangeMark *mark)
{
  md_ewp_writer_indent (w);
  g_string_append (w->out, "<component");
  if (mark != NULL)
    {
      g_string_append_printf (w->out, " status=\"%s\"", mark->status);
      if (mark->reason_name != NULL)
        g_string_append_printf (w->out, " reason-code=\"%s\"", mark->reason_name);
      if (mark->reason_text != NULL)
        {
          g_string_append (w->out, " reason-text=\"");
          md_ewp_append_escaped (w->out, mark->reason_text, TRUE);
          g_string_append_c (w->out, '"');
        }
    }
  g_string_append (w->out, ">\n");
  w->depth++;
}

static gboolean
write_term (MdEwpWriter       *w,
            const char        *row,
            const MdEwpTable  *table,
            GError           **error)
{
  g_autofree char *path = g_strconcat (row, ".term", NULL);
  g_autofree char *number_text = NULL;
  g_autofree char *total_text = NULL;
  const char *term = md_dossier_get_string (w->dossier, path);
  guint number;
  guint total;

  if (md_ewp_is_blank (term))
    return table->needs_term ? md_ewp_set_missing (error, path) : TRUE;

  if (!md_ewp_parse_term (term, &number, &total))
    return md_ewp_set_invalid (error, path,
                        _("a term such as “semester 1”, “trimester 2”, “quarter 3”, “term 1 of 5”, “full year”, “winter” or “summer”"));

  number_text = g_strdup_printf ("%u", number);
  total_text = g_strdup_printf ("%u", total);
  md_ewp_writer_open (w, "term-id");
  md_ewp_writer_text (w, "trm:term-number", number_text);
  md_ewp_writer_text (w, "trm:total-terms", total_text);
  md_ewp_writer_close (w, "term-id");
  return TRUE;
}

static void
write_credit (MdEwpWriter *w,
              const char  *row)
{
  g_autofree char *path = g_strconcat (row, ".ects", NULL);
  g_autofree char *value = NULL;
  JsonNode *ects = md_dossier_lookup (w->dossier, path);

  if (ects == NULL)
    return;

  value = md_ewp_format_decimal (ects);
  md_ewp_writer_open (w, "credit");
  md_ewp_writer_text (w, "scheme", "ects");
  md_ewp_writer_text (w, "value", value);
  md_ewp_writer_close (w, "credit");
}

static gboolean
write_component (MdEwpWriter       *w,
                 const char        *row,
                 const MdEwpTable  *table,
                 gboolean           is_change,
                 GError           **error)
{
  ChangeMark mark;

  if (is_change && !read_change_mark (w, row, &mark, error))
    return FALSE;

  open_component (w, is_change ? &mark : NULL);
  if (!md_ewp_writer_optional_member (w, "los-code", row, "code", error) ||
      !md_ewp_writer_required_member (w, "title", row, "title", MD_EWP_KIND_TEXT, error) ||
      !write_term (w, row, table, error))
    return FALSE;
  write_credit (w, row);
  md_ewp_writer_close (w, "component");

  return TRUE;
}

static gboolean
write_signature (MdEwpWriter        *w,
                 const char         *base,
                 const MdEwpSigner  *signer,
                 GError            **error)
{
  g_autofree char *path = g_strconcat (base, ".", signer->member, NULL);
  gboolean is_student = g_str_equal (signer->member, "student");

  md_ewp_writer_open (w, signer->element);
  /* EWP leaves the student's name, position and e-mail out. */
  if (!is_student &&
      (!md_ewp_writer_required_member (w, "signer-name", path, "name", MD_EWP_KIND_TEXT, error) ||
       !md_ewp_writer_required_member (w, "signer-position", path, "position", MD_EWP_KIND_TEXT, error) ||
       !md_ewp_writer_required_member (w, "signer-email", path, "email", MD_EWP_KIND_TEXT, error)))
    return FALSE;
  if (!md_ewp_writer_required_member (w, "timestamp", path, "timestamp", MD_EWP_KIND_TIMESTAMP, error) ||
      !md_ewp_writer_optional_member (w, "signer-app", path, "application", error))
    return FALSE;
  md_ewp_writer_close (w, signer->element);

  return TRUE;
}

static gboolean
write_signatures (MdEwpWriter  *w,
                  const char   *base,
                  gboolean      receiving_required,
                  GError      **error)
{
  g_autofree char *receiving = g_strconcat (base, ".receiving", NULL);

  for (guint s = 0; s < MD_EWP_N_SIGNERS; s++)
    {
      gboolean is_receiving = g_str_equal (md_ewp_signers[s].member, "receiving");

      if (is_receiving && !receiving_required && md_dossier_lookup (w->dossier, receiving) == NULL)
        continue;
      if (!write_signature (w, base, &md_ewp_signers[s], error))
        return FALSE;
    }

  return TRUE;
}

/* The body of a ListOf_Components: the tables, then the signatures.
 * Tables A and B of a version are written even when empty, since EWP
 * expects them for study stays; a change lists only what it touches. */
gboolean
md_ewp_write_lists (MdEwpWriter       *w,
                    const MdEwpLists  *lists,
                    gboolean           is_change,
                    const char        *signatures,
                    gboolean           receiving_required,
                    GError           **error)
{
  for (guint t = 0; t < MD_EWP_N_TABLES; t++)
    {
      const MdEwpTable *table = &md_ewp_tables[t];
      GPtrArray *rows = lists->rows[t];

      if (rows->len == 0)
        {
          if (!is_change && table->needs_term)
            {
              md_ewp_writer_indent (w);
              g_string_append_printf (w->out, "<%s/>\n", table->element);
            }
          continue;
        }

      md_ewp_writer_open (w, table->element);
      for (guint i = 0; i < rows->len; i++)
        if (!write_component (w, rows->pdata[i], table, is_change, error))
          return FALSE;
      md_ewp_writer_close (w, table->element);
    }

  return write_signatures (w, signatures, receiving_required, error);
}
