/* md-formats.c
 *
 * Checks for the formats dossier fields are written in. They only say
 * yes or no: the validator knows which field was checked and words the
 * message itself, so nothing here needs a GError.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "md-formats.h"

/* RFC 5321 limits a forward path to 256 octets, two of them the angle
 * brackets; counting octets rather than characters matches what mail
 * servers enforce.
 */
#define EMAIL_MAX_LENGTH 254
#define DNS_LABEL_MAX_LENGTH 63

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2200

#define IBAN_MIN_LENGTH 15
#define IBAN_MAX_LENGTH 34

#define ERASMUS_PREFIX_WIDTH 3

static gboolean
is_domain_label (const char *label,
                 gsize       length)
{
  if (length == 0 || length > DNS_LABEL_MAX_LENGTH)
    return FALSE;
  if (label[0] == '-' || label[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (label[i]) && label[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/**
 * md_format_is_email:
 * @text: (nullable): text to check
 *
 * A pragmatic check that catches typing mistakes without rejecting
 * real addresses: the local part may hold any UTF-8 except white space
 * and control characters, while the domain must be a plain DNS name
 * with a top-level domain of letters.
 *
 * Returns: whether @text looks like an e-mail address
 */
gboolean
md_format_is_email (const char *text)
{
  const char *at;
  const char *label;
  const char *dot;
  gsize length;

  if (text == NULL)
    return FALSE;

  length = strlen (text);
  if (length > EMAIL_MAX_LENGTH || !g_utf8_validate (text, length, NULL))
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = text; p < at; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  label = at + 1;
  if (strchr (label, '.') == NULL)
    return FALSE;

  while ((dot = strchr (label, '.')) != NULL)
    {
      if (!is_domain_label (label, dot - label))
        return FALSE;
      label = dot + 1;
    }

  /* What is left is the top-level domain. */
  length = strlen (label);
  if (length < 2 || length > DNS_LABEL_MAX_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalpha (label[i]))
        return FALSE;
    }

  return TRUE;
}

static guint
parse_digits (const char *text,
              guint       count)
{
  guint value = 0;

  for (guint i = 0; i < count; i++)
    value = value * 10 + (guint) (text[i] - '0');

  return value;
}

/**
 * md_format_parse_date:
 * @text: (nullable): text to parse
 * @out: (out caller-allocates) (optional): where to store the date
 *
 * Accepts only the ISO 8601 calendar form YYYY-MM-DD, the one the
 * bundle format stores, with a year between 1900 and 2200 so that
 * a mistyped year ("0224") is caught instead of silently accepted.
 * @out is left untouched when @text is not a valid date.
 *
 * Returns: whether @text is a valid date
 */
gboolean
md_format_parse_date (const char *text,
                      GDate      *out)
{
  guint year;
  guint month;
  guint day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);

  if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

typedef struct
{
  char  country[3];
  guint length;
} IbanLength;

/* Lengths for the countries taking part in Erasmus+, where a wrong
 * length is the most common typing mistake; other countries only get
 * the generic bounds and the checksum.
 */
static const IbanLength iban_lengths[] = {
  { "AT", 20 }, { "BE", 16 }, { "BG", 22 }, { "CH", 21 }, { "CY", 28 },
  { "CZ", 24 }, { "DE", 22 }, { "DK", 18 }, { "EE", 20 }, { "ES", 24 },
  { "FI", 18 }, { "FR", 27 }, { "GB", 22 }, { "GR", 27 }, { "HR", 21 },
  { "HU", 28 }, { "IE", 22 }, { "IS", 26 }, { "IT", 27 }, { "LI", 21 },
  { "LT", 20 }, { "LU", 20 }, { "LV", 21 }, { "MK", 19 }, { "MT", 31 },
  { "NL", 18 }, { "NO", 15 }, { "PL", 28 }, { "PT", 25 }, { "RO", 24 },
  { "RS", 22 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "TR", 26 },
};

static guint
iban_length_for_country (const char *iban)
{
  for (guint i = 0; i < G_N_ELEMENTS (iban_lengths); i++)
    {
      if (iban[0] == iban_lengths[i].country[0] &&
          iban[1] == iban_lengths[i].country[1])
        return iban_lengths[i].length;
    }

  return 0;
}

/**
 * md_format_is_iban:
 * @text: (nullable): text to check, in print form ("BE71 0961 2345 6769")
 *   or electronic form, in either case
 *
 * Returns: whether @text is an ISO 13616 IBAN with a correct checksum
 */
gboolean
md_format_is_iban (const char *text)
{
  char iban[IBAN_MAX_LENGTH + 1];
  gsize length = 0;
  guint expected;
  guint remainder = 0;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p) || length == IBAN_MAX_LENGTH)
        return FALSE;
      iban[length++] = g_ascii_toupper (*p);
    }
  iban[length] = '\0';

  if (length < IBAN_MIN_LENGTH)
    return FALSE;
  if (!g_ascii_isalpha (iban[0]) || !g_ascii_isalpha (iban[1]) ||
      !g_ascii_isdigit (iban[2]) || !g_ascii_isdigit (iban[3]))
    return FALSE;

  expected = iban_length_for_country (iban);
  if (expected != 0 && expected != length)
    return FALSE;

  /* The checksum is taken over the number formed by moving the first
   * four characters to the end and replacing letters by 10–35. That
   * number has up to 68 digits, so reduce it modulo 97 as we go.
   */
  for (gsize i = 0; i < length; i++)
    {
      char c = iban[(i + 4) % length];

      if (g_ascii_isdigit (c))
        remainder = (remainder * 10 + (guint) (c - '0')) % 97;
      else
        remainder = (remainder * 100 + (guint) (c - 'A' + 10)) % 97;
    }

  return remainder == 1;
}

/* Uppercases @text, trims it and turns every run of white space into
 * one space, so that the parser below only has one spelling to handle.
 */
static char *
collapse_erasmus_code (const char *text)
{
  GString *collapsed = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = collapsed->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (collapsed, ' ');
      pending_space = FALSE;
      g_string_append_c (collapsed, g_ascii_toupper (*p));
    }

  return g_string_free (collapsed, FALSE);
}

static gboolean
is_ascii_upper_run (const char *text,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isupper (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Three-letter prefixes fill the whole prefix field, so their canonical
 * form has no space ("IRLDUBLIN01", "LUXLUX-VIL01"). Accepting them
 * unspaced keeps normalisation idempotent; any other unspaced code is
 * ambiguous ("BANTWERP01" could be "B" or "BA") and is rejected.
 */
static gboolean
has_full_width_prefix (const char *code)
{
  return g_str_has_prefix (code, "IRL") || g_str_has_prefix (code, "LUX");
}

/**
 * md_format_normalize_erasmus_code:
 * @text: (nullable): an Erasmus institution code as typed
 *
 * Erasmus codes are a country prefix of one to three letters,
 * left-aligned in a three-character field padded with spaces, a city
 * abbreviation of two to eight letters or '-', and two or three
 * digits. People type them with any number of spaces and in any case,
 * so match leniently and return the one canonical spelling.
 *
 * Returns: (transfer full) (nullable): the canonical form such as
 *   "B  ANTWERP01", or %NULL when @text is not an Erasmus code
 */
char *
md_format_normalize_erasmus_code (const char *text)
{
  g_autofree char *code = NULL;
  const char *space;
  const char *city;
  const char *p;
  gsize prefix_length;
  GString *normal;

  if (text == NULL)
    return NULL;

  code = collapse_erasmus_code (text);
  space = strchr (code, ' ');
  if (space != NULL)
    {
      prefix_length = space - code;
      city = space + 1;
    }
  else if (has_full_width_prefix (code))
    {
      prefix_length = ERASMUS_PREFIX_WIDTH;
      city = code + ERASMUS_PREFIX_WIDTH;
    }
  else
    return NULL;

  if (prefix_length < 1 || prefix_length > ERASMUS_PREFIX_WIDTH ||
      !is_ascii_upper_run (code, prefix_length))
    return NULL;

  p = city;
  while (g_ascii_isupper (*p) || *p == '-')
    p++;
  if (p - city < 2 || p - city > 8)
    return NULL;

  city = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p - city < 2 || p - city > 3 || *p != '\0')
    return NULL;

  normal = g_string_new_len (code, prefix_length);
  while (normal->len < ERASMUS_PREFIX_WIDTH)
    g_string_append_c (normal, ' ');
  g_string_append (normal, code + (space != NULL ? prefix_length + 1 : prefix_length));

  return g_string_free (normal, FALSE);
}

/**
 * md_format_is_erasmus_code:
 * @text: (nullable): text to check
 *
 * Returns: whether md_format_normalize_erasmus_code() accepts @text
 */
gboolean
md_format_is_erasmus_code (const char *text)
{
  g_autofree char *normal = md_format_normalize_erasmus_code (text);

  return normal != NULL;
}

/**
 * md_format_is_isced_f:
 * @text: (nullable): text to check
 *
 * Checks the shape of an ISCED-F 2013 detailed field code: four
 * digits, a broad field from 00 to 10 or 99 ("unknown"), and a last
 * digit that is not 0 because detailed fields are numbered from 1.
 *
 * Returns: whether @text is an ISCED-F detailed field code
 */
gboolean
md_format_is_isced_f (const char *text)
{
  guint broad;

  if (text == NULL || strlen (text) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  broad = parse_digits (text, 2);
  if (broad > 10 && broad != 99)
    return FALSE;

  return text[3] != '0';
}

/**
 * md_format_is_cefr:
 * @text: (nullable): text to check
 *
 * Returns: whether @text is a CEFR level (A1 to C2) or "NS" for a
 *   native speaker, exactly as the learning agreement forms spell them
 */
gboolean
md_format_is_cefr (const char *text)
{
  static const char * const levels[] = {
    "A1", "A2", "B1", "B2", "C1", "C2", "NS", NULL
  };

  if (text == NULL)
    return FALSE;

  return g_strv_contains (levels, text);
}

/**
 * md_format_is_language_code:
 * @text: (nullable): text to check
 *
 * A subset of BCP 47 that covers what people enter: a primary language
 * of two or three lower-case letters followed by any number of region,
 * script or variant subtags ("en", "pt-BR", "sr-Latn-RS").
 *
 * Returns: whether @text is a language tag
 */
gboolean
md_format_is_language_code (const char *text)
{
  const char *p = text;
  const char *start;

  if (text == NULL)
    return FALSE;

  while (g_ascii_islower (*p))
    p++;
  if (p - text < 2 || p - text > 3)
    return FALSE;

  while (*p == '-')
    {
      start = ++p;
      while (g_ascii_isalnum (*p))
        p++;
      if (p - start < 2 || p - start > 8)
        return FALSE;
    }

  return *p == '\0';
}

static gboolean
is_word_char (gunichar c)
{
  /* Letters are mostly ASCII; the Unicode tables cost ten times more. */
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Letters are mostly ASCII; decoding them as UTF-8 costs more than
 * counting. The text is valid UTF-8 (checked first). */
static inline gunichar
get_char (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
}

static inline const char *
next_char (const char *p)
{
  return (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

static gboolean
is_word_joiner (gunichar c)
{
  switch (c)
    {
    case '\'':
    case 0x2019: /* RIGHT SINGLE QUOTATION MARK, the typographic apostrophe */
    case '-':
    case 0x2010: /* HYPHEN */
    case 0x2011: /* NON-BREAKING HYPHEN */
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * md_format_count_words:
 * @text: (nullable): UTF-8 text
 *
 * Counts words the way word limits on motivation letters are meant:
 * a word is a run of letters, digits and combining marks, and an
 * apostrophe or hyphen between two such characters joins them, so
 * "l'été est-il" is two words.
 *
 * Returns: the number of words, or 0 for %NULL or invalid UTF-8
 */
guint
md_format_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;

  for (const char *p = text; *p != '\0'; p = next_char (p))
    {
      gunichar c = get_char (p);

      if (is_word_char (c))
        {
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else if (in_word && is_word_joiner (c) &&
               is_word_char (get_char (next_char (p))))
        {
          /* Still inside the same word. */
        }
      else
        in_word = FALSE;
    }

  return words;
}

/**
 * md_format_count_characters:
 * @text: (nullable): UTF-8 text
 *
 * Returns: the number of characters (code points), or 0 for %NULL or
 *   invalid UTF-8
 */
guint
md_format_count_characters (const char *text)
{
  glong length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;

  length = g_utf8_strlen (text, -1);

  /* glong is 32 bits on some platforms, so clamp to what both hold. */
  return (guint) MIN (length, (glong) G_MAXINT);
}

/* ---- Display formats ---------------------------------------------------- */

/**
 * md_format_display_number:
 * @value: a number
 * @max_decimals: how many decimals to show at most
 *
 * Writes @value with the locale's decimal sign and digit grouping
 * ("1 234,5" in French), without trailing zeros.
 *
 * Returns: (transfer full): the text
 */
char *
md_format_display_number (double value,
                          guint  max_decimals)
{
  const char *point = localeconv ()->decimal_point;
  char *text = g_strdup_printf ("%'.*f", (int) MIN (max_decimals, 6), value);
  char *decimals = point && *point ? strstr (text, point) : NULL;

  if (decimals != NULL)
    {
      char *end = decimals + strlen (decimals);

      while (end > decimals + strlen (point) && end[-1] == '0')
        *--end = '\0';
      if (end == decimals + strlen (point))
        *decimals = '\0';
    }
  return text;
}

/**
 * md_format_display_money:
 * @euros: an amount in euro
 *
 * Returns: (transfer full): @euros with cents, the locale's separators and
 *   the euro sign where the user's language writes it
 */
char *
md_format_display_money (double euros)
{
  g_autofree char *number = g_strdup_printf ("%'.2f", euros);

  /* TRANSLATORS: an amount in euro, the number already has its cents and
   * your separators; put the sign where your language writes it, e.g. "€ %s" */
  return g_strdup_printf (_("%s €"), number);
}

/**
 * md_format_display_date:
 * @date: a valid date
 *
 * Returns: (transfer full): @date written out, e.g. "31 July 2026", with
 *   the locale's month names
 */
char *
md_format_display_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  /* TRANSLATORS: a date such as "31 July 2026", see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/**
 * md_format_display_iso_date:
 * @iso_date: a date as YYYY-MM-DD
 *
 * Returns: (transfer full): the date written out, or @iso_date as it is
 *   when it is not a date
 */
char *
md_format_display_iso_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL || !md_format_parse_date (iso_date, &date))
    return g_strdup (iso_date ? iso_date : "");
  return md_format_display_date (&date);
}

/**
 * md_format_display_timestamp:
 * @iso8601: a timestamp such as "2026-03-01T10:00:00Z"
 *
 * Returns: (transfer full): the moment in local time, e.g.
 *   "1 March 2026, 11:00", or @iso8601 as it is when it is not a timestamp
 */
char *
md_format_display_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) moment = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (moment == NULL)
    return g_strdup (iso8601 ? iso8601 : "");

  local = g_date_time_to_local (moment);
  /* TRANSLATORS: a date and time such as "1 March 2026, 11:00", see
   * g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}
