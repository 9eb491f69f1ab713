/* md-ewp-common.c
 *
 * The vocabulary the EWP export and import share: reason codes, how a
 * term written by a person becomes an EWP term id and back, dates,
 * timestamps and decimals in the forms the XML Schema types accept.
 * Both directions use the same tables, so what one writes the other
 * reads back to the same value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "md-dossier-schema.h"
#include "md-ewp-private.h"
#include "md-formats.h"

G_DEFINE_QUARK (md-ewp-error-quark, md_ewp_error)

const MdEwpTable md_ewp_tables[MD_EWP_N_TABLES] = {
  { "table_a", "a", "components-studied", TRUE },
  { "table_b", "b", "components-recognized", TRUE },
  { "table_c", "c", "virtual-components", FALSE },
};

const MdEwpSigner md_ewp_signers[MD_EWP_N_SIGNERS] = {
  { "student", "student-signature" },
  { "sending", "sending-hei-signature" },
  { "receiving", "receiving-hei-signature" },
};

typedef struct
{
  gint64      code;
  const char *name;
  const char *status;
} Reason;

/* Numbered as in docs/bundle-format.md; EWP allows each reason for
 * one kind of change only. */
static const Reason reasons[] = {
  { 1, "not-available", "deleted" },
  { 2, "language-mismatch", "deleted" },
  { 3, "timetable-conflict", "deleted" },
  { 4, "substituting-deleted", "inserted" },
  { 5, "extending-mobility", "inserted" },
  { 6, "adding-virtual-component", "inserted" },
};

/* Returns: (nullable): the EWP reason-code for @code, %NULL for
 *   "other" and for numbers that are no reason at all. */
const char *
md_ewp_reason_name (gint64 code)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].code == code)
      return reasons[i].name;

  return NULL;
}

/* Returns: the dossier's number for an EWP reason-code, or 0 for one
 *   this version does not know (EWP says to ignore those). */
gint64
md_ewp_reason_code (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].name, name))
      return reasons[i].code;

  return 0;
}

gboolean
md_ewp_reason_fits_status (gint64      code,
                           const char *status)
{
  if (code == MD_EWP_REASON_OTHER)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].code == code)
      return g_strcmp0 (reasons[i].status, status) == 0;

  return FALSE;
}

typedef struct
{
  const char *pattern;
  guint       number;  /* 0: the first capture */
  guint       total;   /* 0: the second capture */
} TermForm;

/* The ways people name a term that say unambiguously which term of how
 * many it is. A leading academic year ("2026/2027 ") is allowed and
 * dropped: an EWP term id has no year. */
#define YEAR_PREFIX "^(?:[0-9]{4}(?:[/-][0-9]{4})? )?"

static const TermForm term_forms[] = {
  { YEAR_PREFIX "(?:semester|semestre) ([12])$", 0, 2 },
  { YEAR_PREFIX "trimester ([1-3])$", 0, 3 },
  { YEAR_PREFIX "quarter ([1-4])$", 0, 4 },
  { YEAR_PREFIX "term ([1-9]) of ([1-9])$", 0, 0 },
  { YEAR_PREFIX "([1-9])/([1-9])$", 0, 0 },
  { YEAR_PREFIX "(?:full|whole) year$", 1, 1 },
  { YEAR_PREFIX "(?:winter|autumn|fall)(?: semester| term)?$", 1, 2 },
  { YEAR_PREFIX "(?:summer|spring)(?: semester| term)?$", 2, 2 },
};

static guint
capture_digit (GMatchInfo *match,
               guint       group)
{
  g_autofree char *digit = g_match_info_fetch (match, group);

  return (guint) (digit[0] - '0');
}

/* Lower case with runs of white space made one space, so that
 * "Semester  2" and "semester 2" read the same. */
static char *
simplify_term (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (lower), " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * md_ewp_parse_term:
 * @text: a term as the dossier holds it
 * @number: (out): which term of the year
 * @total: (out): how many such terms the year has
 *
 * Returns: whether @text names a term in one of the forms above.
 */
gboolean
md_ewp_parse_term (const char *text,
                   guint      *number,
                   guint      *total)
{
  g_autofree char *simple = simplify_term (text);

  for (guint i = 0; i < G_N_ELEMENTS (term_forms); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (term_forms[i].pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert (regex != NULL);
      if (!g_regex_match (regex, simple, 0, &match))
        continue;

      *number = term_forms[i].number ? term_forms[i].number : capture_digit (match, 1);
      if (term_forms[i].total != 0)
        *total = term_forms[i].total;
      else
        *total = capture_digit (match, 2);

      return *number <= *total;
    }

  return FALSE;
}

/* The one spelling the import writes; md_ewp_parse_term() reads each
 * back to the same term. */
char *
md_ewp_format_term (guint number,
                    guint total)
{
  switch (total)
    {
    case 1:
      return g_strdup ("full year");
    case 2:
      return g_strdup_printf ("semester %u", number);
    case 3:
      return g_strdup_printf ("trimester %u", number);
    case 4:
      return g_strdup_printf ("quarter %u", number);
    default:
      return g_strdup_printf ("term %u of %u", number, total);
    }
}

gboolean
md_ewp_is_year_month (const char *text)
{
  g_autofree char *as_date = NULL;

  if (text == NULL || strlen (text) != 7)
    return FALSE;

  as_date = g_strconcat (text, "-01", NULL);
  return md_format_parse_date (as_date, NULL);
}

/* The academic year a stay starting on @start (YYYY-MM-DD or YYYY-MM)
 * belongs to, in the northern form EWP expects by default: years start
 * in August or later, so a stay from February 2019 is in 2018/2019. */
char *
md_ewp_academic_year_for (const char *start)
{
  guint year;
  guint month;

  if (!md_format_parse_date (start, NULL) && !md_ewp_is_year_month (start))
    return NULL;

  year = (guint) g_ascii_strtoull (start, NULL, 10);
  month = (guint) g_ascii_strtoull (start + 5, NULL, 10);
  if (month < 8)
    year--;

  return g_strdup_printf ("%04u/%04u", year, year + 1);
}

/* xs:dateTime with the offset the dossier always records. */
gboolean
md_ewp_is_timestamp (const char *text)
{
  static const char *pattern =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL || !g_regex_match_simple (pattern, text, 0, 0))
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/* Returns: (nullable): @text in UTC, the form the dossier records. */
char *
md_ewp_utc_timestamp (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (!md_ewp_is_timestamp (text))
    return NULL;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  utc = g_date_time_to_utc (parsed);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* XML 1.0 cannot carry most control characters, not even escaped. */
gboolean
md_ewp_is_xml_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_xml_char (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
md_ewp_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* An xs:decimal, which has no exponent. A fraction keeps at least one
 * decimal so that 6.0 reads back as a fraction and 6 as a whole number,
 * and gets the fewest digits that read back to the same double. */
char *
md_ewp_format_decimal (JsonNode *number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  double value;

  if (json_node_get_value_type (number) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number));

  value = json_node_get_double (number);
  for (guint digits = 1; digits <= 20; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%uf", digits);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

/* Returns: (nullable): an integer node for "6", a double node for
 *   "7.5" or "6.0", %NULL for anything that is not an xs:decimal in the
 *   range a dossier holds. */
JsonNode *
md_ewp_parse_decimal (const char *text)
{
  const char *digits = text;
  double value;

  if (text == NULL || !g_regex_match_simple ("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$", text, 0, 0))
    return NULL;

  if (strchr (text, '.') == NULL)
    {
      gint64 whole;

      if (*digits == '+')
        digits++;
      if (!g_ascii_string_to_signed (digits, 10, 1 - (gint64) MD_DOSSIER_MAX_NUMBER,
                                     (gint64) MD_DOSSIER_MAX_NUMBER - 1, &whole, NULL))
        return NULL;
      return json_node_init_int (json_node_alloc (), whole);
    }

  value = g_ascii_strtod (text, NULL);
  if (!isfinite (value) || fabs (value) >= MD_DOSSIER_MAX_NUMBER)
    return NULL;

  return json_node_init_double (json_node_alloc (), value);
}
