/* md-ewp-writer.c
 *
 * The small XML writer the EWP export uses, and the checks that keep a
 * dossier value from making the document invalid: each value is read
 * by its field path and either fits the XML Schema type it goes to or
 * stops the export with that path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-ewp-writer.h"
#include "md-formats.h"

void
md_ewp_lists_init (MdEwpLists *lists)
{
  for (guint t = 0; t < MD_EWP_N_TABLES; t++)
    lists->rows[t] = g_ptr_array_new_with_free_func (g_free);
}

void
md_ewp_lists_clear (MdEwpLists *lists)
{
  for (guint t = 0; t < MD_EWP_N_TABLES; t++)
    g_clear_pointer (&lists->rows[t], g_ptr_array_unref);
}

gboolean
md_ewp_set_missing (GError     **error,
                    const char  *path)
{
  g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_MISSING_VALUE,
               _("The field “%s” must be filled in for an EWP learning agreement."), path);
  return FALSE;
}

gboolean
md_ewp_set_invalid (GError     **error,
                    const char  *path,
                    const char  *expected)
{
  g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_VALUE,
               _("The field “%s” must hold %s for an EWP learning agreement."), path, expected);
  return FALSE;
}

static gboolean
is_identifier (const char *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i < length; i++)
    if (text[i] < '!' || text[i] > '~')
      return FALSE;

  return length <= 64;
}

static gboolean
is_country (const char *text)
{
  return strlen (text) == 2 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]);
}

static gboolean
kind_accepts (MdEwpKind   kind,
              const char *value)
{
  switch (kind)
    {
    case MD_EWP_KIND_IDENTIFIER:    return is_identifier (value);
    case MD_EWP_KIND_EMAIL:         return md_format_is_email (value);
    case MD_EWP_KIND_DATE:          return md_format_parse_date (value, NULL);
    case MD_EWP_KIND_DATE_OR_MONTH: return md_format_parse_date (value, NULL) || md_ewp_is_year_month (value);
    case MD_EWP_KIND_COUNTRY:       return is_country (value);
    case MD_EWP_KIND_LANGUAGE:      return md_format_is_language_code (value);
    case MD_EWP_KIND_CEFR:          return md_format_is_cefr (value);
    case MD_EWP_KIND_TIMESTAMP:     return md_ewp_is_timestamp (value);
    case MD_EWP_KIND_TEXT:
    default:                 return TRUE;
    }
}

const char *
md_ewp_kind_describe (MdEwpKind kind)
{
  switch (kind)
    {
    case MD_EWP_KIND_IDENTIFIER:    return _("an identifier of at most 64 printable ASCII characters");
    case MD_EWP_KIND_EMAIL:         return _("an e-mail address");
    case MD_EWP_KIND_DATE:          return _("a date written YYYY-MM-DD");
    case MD_EWP_KIND_DATE_OR_MONTH: return _("a date written YYYY-MM-DD (or a month, YYYY-MM)");
    case MD_EWP_KIND_COUNTRY:       return _("a two-letter country code in capitals, such as BE");
    case MD_EWP_KIND_LANGUAGE:      return _("a language code such as “de” or “pt-BR”");
    case MD_EWP_KIND_CEFR:          return _("a CEFR level: A1, A2, B1, B2, C1, C2 or NS");
    case MD_EWP_KIND_TIMESTAMP:     return _("a date and time such as 2026-03-02T09:10:00Z");
    case MD_EWP_KIND_TEXT:
    default:                 return _("text without control characters");
    }
}

/* Returns: (nullable): the value at @path, or %NULL with @error set
 *   when it is missing or does not fit @kind. */
const char *
md_ewp_writer_require (MdEwpWriter  *w,
                       const char   *path,
                       MdEwpKind     kind,
                       GError      **error)
{
  const char *value = md_dossier_get_string (w->dossier, path);

  if (md_ewp_is_blank (value))
    {
      md_ewp_set_missing (error, path);
      return NULL;
    }

  if (!md_ewp_is_xml_text (value) || !kind_accepts (kind, value))
    {
      md_ewp_set_invalid (error, path, md_ewp_kind_describe (kind));
      return NULL;
    }

  return value;
}

/* Like md_ewp_writer_require(), but a missing value is no error: *@out is
 * then %NULL. */
gboolean
md_ewp_writer_get_optional (MdEwpWriter  *w,
                            const char   *path,
                            const char  **out,
                            GError      **error)
{
  const char *value = md_dossier_get_string (w->dossier, path);

  *out = NULL;
  if (md_ewp_is_blank (value))
    return TRUE;
  if (!md_ewp_is_xml_text (value))
    return md_ewp_set_invalid (error, path, md_ewp_kind_describe (MD_EWP_KIND_TEXT));

  *out = value;
  return TRUE;
}

/* XML parsers turn a raw carriage return into a line feed, and line
 * breaks and tabs in attributes into spaces; as references they
 * survive, so the text reads back exactly as it was. */
void
md_ewp_append_escaped (GString    *out,
                       const char *text,
                       gboolean    in_attribute)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\r')
        g_string_append (out, "&#13;");
      else if (in_attribute && *p == '\n')
        g_string_append (out, "&#10;");
      else if (in_attribute && *p == '\t')
        g_string_append (out, "&#9;");
      else
        g_string_append_c (out, *p);
    }
}

void
md_ewp_writer_indent (MdEwpWriter *w)
{
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

void
md_ewp_writer_open (MdEwpWriter *w,
                    const char  *name)
{
  md_ewp_writer_indent (w);
  g_string_append_printf (w->out, "<%s>\n", name);
  w->depth++;
}

void
md_ewp_writer_close (MdEwpWriter *w,
                     const char  *name)
{
  w->depth--;
  md_ewp_writer_indent (w);
  g_string_append_printf (w->out, "</%s>\n", name);
}

void
md_ewp_writer_text (MdEwpWriter *w,
                    const char  *name,
                    const char  *text)
{
  md_ewp_writer_indent (w);
  g_string_append_printf (w->out, "<%s>", name);
  md_ewp_append_escaped (w->out, text, FALSE);
  g_string_append_printf (w->out, "</%s>\n", name);
}

gboolean
md_ewp_writer_required (MdEwpWriter  *w,
                        const char   *element,
                        const char   *path,
                        MdEwpKind     kind,
                        GError      **error)
{
  const char *value = md_ewp_writer_require (w, path, kind, error);

  if (value == NULL)
    return FALSE;

  md_ewp_writer_text (w, element, value);
  return TRUE;
}

gboolean
md_ewp_writer_required_member (MdEwpWriter  *w,
                               const char   *element,
                               const char   *base,
                               const char   *member,
                               MdEwpKind     kind,
                               GError      **error)
{
  g_autofree char *path = g_strconcat (base, ".", member, NULL);

  return md_ewp_writer_required (w, element, path, kind, error);
}

gboolean
md_ewp_writer_optional_member (MdEwpWriter  *w,
                               const char   *element,
                               const char   *base,
                               const char   *member,
                               GError      **error)
{
  g_autofree char *path = g_strconcat (base, ".", member, NULL);
  const char *value;

  if (!md_ewp_writer_get_optional (w, path, &value, error))
    return FALSE;
  if (value != NULL)
    md_ewp_writer_text (w, element, value);

  return TRUE;
}
