/* md-json-text.c
 *
 * JSON text as json-glib 1.6 reads and writes it, where that matters
 * for hostile files and for round trips:
 *
 * - Its parser recurses once per nesting level, without a limit, so a
 *   deeply nested file exhausts the stack. The depth is measured on the
 *   text first, with json-glib's own lexical rules: besides JSON strings
 *   it reads 'single-quoted strings' (without escapes) and comments
 *   between two slashes. A quote inside one of those must not hide the
 *   brackets that follow it, nor may a C comment that json-glib ends at
 *   its first slash.
 * - It reads on after the first value, and leaks what it finds there.
 * - It reads C's octal escapes and broken "\u" escapes into strings that
 *   are not UTF-8 ("\200", "\ud800"), swallowing what follows or
 *   leaking: a file with them is refused first.
 * - Its generator gives every double a fraction so that it reads back
 *   as a double, and so writes "1e+22.0" and "inf.0", which it then
 *   refuses to read: a file saved from such a tree would not open again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "md-json-text.h"

/* Returns the byte after the string that starts before @p, skipping
 * escaped characters; memchr() finds the quotes fast. */
static const char *
skip_double_quoted (const char *p,
                    const char *end)
{
  for (;;)
    {
      const char *quote = memchr (p, '"', end - p);
      const char *backslash;

      if (quote == NULL)
        return end;

      backslash = memchr (p, '\\', quote - p);
      if (backslash == NULL)
        return quote + 1;

      p = backslash + 2;
      if (p >= end)
        return end;
    }
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* @p is just after a backslash in a double-quoted string. Returns the
 * byte after the escape, or %NULL for one that JSON does not have:
 * json-glib also reads C's octal escapes, which give bytes that are not
 * UTF-8, and reads a broken or unpaired "\u" escape into bytes that
 * are not UTF-8, swallowing what follows or leaking. */
static const char *
skip_escape (const char *p,
             const char *end)
{
  int value;

  if (p == end)
    return end;
  if (*p != '\0' && strchr ("\"\\/bfnrt", *p) != NULL)
    return p + 1;
  if (*p != 'u' || end - p < 5 || (value = hex_value (p + 1)) < 0)
    return NULL;
  if (value >= 0xdc00 && value <= 0xdfff)
    return NULL;
  if (value < 0xd800 || value > 0xdbff)
    return p + 5;

  /* A high surrogate needs its low half right after it. */
  if (end - p < 11 || p[5] != '\\' || p[6] != 'u' ||
      (value = hex_value (p + 7)) < 0xdc00 || value > 0xdfff)
    return NULL;
  return p + 11;
}

/* Like skip_double_quoted(), but %NULL for a string with an escape
 * that JSON does not have (see skip_escape()). */
static const char *
check_double_quoted (const char *p,
                     const char *end)
{
  /* An unterminated string is checked too: json-glib reads it to the
   * end before it gives up. */
  for (;;)
    {
      const char *quote = memchr (p, '"', end - p);
      const char *backslash = memchr (p, '\\', (quote ? quote : end) - p);

      if (backslash == NULL)
        return quote ? quote + 1 : end;

      p = skip_escape (backslash + 1, end);
      if (p == NULL || p == end)
        return p;
    }
}

static const char *
skip_past (const char *p,
           const char *end,
           char        stop)
{
  const char *found = memchr (p, stop, end - p);

  return found ? found + 1 : end;
}

/* @p is just after a slash. json-glib 1.6's scanner knows no C
 * comments: it takes the pair "//" for the start and end of a comment,
 * so a comment runs to the next slash, "/\* a/" as much as "/x/". */
static const char *
skip_comment (const char *p,
              const char *end)
{
  return skip_past (p, end, '/');
}

static const char *
skip_space_and_comments (const char *p,
                         const char *end)
{
  while (p < end)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
      else if (*p == '/')
        p = skip_comment (p + 1, end);
      else
        break;
    }

  return p;
}

/* What json-glib reads as a value that is not an object or a list. */
static gboolean
starts_scalar (const char *p,
               const char *end)
{
  static const char * const words[] = { "true", "false", "null" };

  if (*p != '\0' && strchr ("\"'-.0123456789", *p) != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (end - p) >= strlen (words[i]) && strncmp (p, words[i], strlen (words[i])) == 0)
      return TRUE;

  return FALSE;
}

/**
 * md_json_text_check:
 * @text: JSON text, not necessarily valid
 * @max_depth: how deep objects and lists may nest
 * @colons: (out) (optional): the colons outside strings and comments:
 *   one per object member in the text, duplicates included
 *
 * Checks what json-glib 1.6 would mishandle before it parses @text:
 *
 * - nesting deeper than @max_depth, which would exhaust the stack;
 * - a top level that is not an object, and anything after the top-level
 *   object: json-glib parses the values that follow the first one, keeps
 *   none of them and leaks them, and even reports success;
 * - escapes that JSON does not have, or "\u" escapes that are not a
 *   whole character (see skip_escape()).
 *
 * Text that is not JSON may pass, for json-glib to refuse, once it
 * starts like an object; it may count deeper than json-glib would parse
 * it, never less deep.
 *
 * Returns: %MD_JSON_TEXT_OK, or the problem
 */
MdJsonTextProblem
md_json_text_check (const char *text,
                    gsize       length,
                    guint       max_depth,
                    gsize      *colons)
{
  const char *end = text + length;
  const char *p;
  guint depth = 0;
  gsize n_colons = 0;

  g_return_val_if_fail (text != NULL || length == 0, MD_JSON_TEXT_NOT_AN_OBJECT);

  if (colons != NULL)
    *colons = 0;

  p = skip_space_and_comments (text, end);
  if (p == end || *p == '[' || starts_scalar (p, end))
    return MD_JSON_TEXT_NOT_AN_OBJECT;
  /* Not even JSON, though json-glib would read on: it takes
   * "var name = {…}" for an object, nested as deep as it comes. */
  if (*p != '{')
    return MD_JSON_TEXT_NOT_JSON;

  while (p < end)
    {
      switch (*p++)
        {
        case '"':
          p = check_double_quoted (p, end);
          if (p == NULL)
            return MD_JSON_TEXT_BAD_ESCAPE;
          break;
        case '\'':
          p = skip_past (p, end, '\'');
          break;
        case '/':
          p = skip_comment (p, end);
          break;
        case ':':
          n_colons++;
          break;
        case '{':
        case '[':
          if (++depth > max_depth)
            return MD_JSON_TEXT_TOO_DEEP;
          break;
        case '}':
        case ']':
          if (depth > 0 && --depth == 0 && skip_space_and_comments (p, end) != end)
            return MD_JSON_TEXT_TRAILING;
          break;
        default:
          break;
        }
    }

  if (colons != NULL)
    *colons = n_colons;
  return MD_JSON_TEXT_OK;
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

/* What to write instead of a value json-glib cannot read back: an
 * exponent alone already makes a double; 1e999 reads back as infinity,
 * as a number too large for a double became "inf" in the first place;
 * NaN has no JSON form. */
static const char *
repair_token (const char *token,
              gsize       length,
              gsize      *repaired_length)
{
  g_autofree char *number = NULL;

  if (length < 3 || token[length - 2] != '.' || token[length - 1] != '0')
    return NULL;

  number = g_strndup (token, length - 2);
  if (strpbrk (number, "eE") != NULL && (g_ascii_isdigit (number[0]) || number[0] == '-'))
    {
      *repaired_length = length - 2;
      return token;
    }

  if (g_str_equal (number, "inf") || g_str_equal (number, "-inf"))
    {
      *repaired_length = strlen (number[0] == '-' ? "-1e999" : "1e999");
      return number[0] == '-' ? "-1e999" : "1e999";
    }

  if (g_str_equal (number, "nan") || g_str_equal (number, "-nan"))
    {
      *repaired_length = strlen ("null");
      return "null";
    }

  return NULL;
}

static GString *
repair_numbers (GString *text)
{
  const char *p = text->str;
  const char *end = text->str + text->len;
  const char *copied = p;
  GString *repaired = NULL;

  while (p < end)
    {
      const char *token = p;
      const char *replacement;
      gsize length;

      if (*p == '"')
        {
          p = skip_double_quoted (p + 1, end);
          continue;
        }
      if (!is_token_char (*p))
        {
          p++;
          continue;
        }

      while (p < end && is_token_char (*p))
        p++;
      replacement = repair_token (token, p - token, &length);
      if (replacement == NULL)
        continue;

      if (repaired == NULL)
        repaired = g_string_sized_new (text->len);
      g_string_append_len (repaired, copied, token - copied);
      g_string_append_len (repaired, replacement, length);
      copied = p;
    }

  if (repaired == NULL)
    return text;

  g_string_append_len (repaired, copied, end - copied);
  g_string_free (text, TRUE);
  return repaired;
}

/**
 * md_json_text_generate:
 *
 * Writes @root as bundles and reviews are stored: indented by two
 * spaces, with a final newline, and with every number in a form
 * json-glib reads back as the same number.
 *
 * Returns: (transfer full): the text
 */
GBytes *
md_json_text_generate (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = repair_numbers (json_generator_to_gstring (generator, g_string_new (NULL)));
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (text);
}
