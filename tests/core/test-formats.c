/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-formats.h"

#include <locale.h>

static void
test_email (void)
{
  g_autofree char *long_local = g_strnfill (250, 'a');
  g_autofree char *too_long = NULL;

  g_assert_true (md_format_is_email ("a@b.eu"));
  g_assert_true (md_format_is_email ("first.last+tag@uni-antwerpen.ac.be"));
  g_assert_true (md_format_is_email ("jürgen@example.de"));
  g_assert_true (md_format_is_email ("x@a-b.example.com"));

  g_assert_false (md_format_is_email (NULL));
  g_assert_false (md_format_is_email (""));
  g_assert_false (md_format_is_email ("@b.eu"));
  g_assert_false (md_format_is_email ("a@"));
  g_assert_false (md_format_is_email ("a@b"));
  g_assert_false (md_format_is_email ("a@@b.eu"));
  g_assert_false (md_format_is_email ("a@b@c.eu"));
  g_assert_false (md_format_is_email ("a b@c.eu"));
  g_assert_false (md_format_is_email ("a\tb@c.eu"));
  g_assert_false (md_format_is_email ("a@b.e"));
  g_assert_false (md_format_is_email ("a@b.e1"));
  g_assert_false (md_format_is_email ("a@-b.eu"));
  g_assert_false (md_format_is_email ("a@b-.eu"));
  g_assert_false (md_format_is_email ("a@b..eu"));
  g_assert_false (md_format_is_email ("a@.b.eu"));
  g_assert_false (md_format_is_email ("a@b.eu."));
  g_assert_false (md_format_is_email ("a@b_c.eu"));
  g_assert_false (md_format_is_email ("a@bü.eu"));
  g_assert_false (md_format_is_email ("a\xff@b.eu"));

  too_long = g_strdup_printf ("%s@example.eu", long_local);
  g_assert_false (md_format_is_email (too_long));
}

static void
test_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (md_format_parse_date ("2024-02-29", &date));
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  g_assert_true (md_format_parse_date ("1900-01-01", NULL));
  g_assert_true (md_format_parse_date ("2200-12-31", NULL));

  g_date_clear (&date, 1);
  g_assert_false (md_format_parse_date ("2023-02-29", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (md_format_parse_date (NULL, NULL));
  g_assert_false (md_format_parse_date ("", NULL));
  g_assert_false (md_format_parse_date ("2024-2-9", NULL));
  g_assert_false (md_format_parse_date ("2024-13-01", NULL));
  g_assert_false (md_format_parse_date ("2024-00-10", NULL));
  g_assert_false (md_format_parse_date ("2024-04-31", NULL));
  g_assert_false (md_format_parse_date ("2024-04-00", NULL));
  g_assert_false (md_format_parse_date ("1899-12-31", NULL));
  g_assert_false (md_format_parse_date ("2201-01-01", NULL));
  g_assert_false (md_format_parse_date ("2024/02/29", NULL));
  g_assert_false (md_format_parse_date ("2024-02-29T00:00:00Z", NULL));
  g_assert_false (md_format_parse_date (" 2024-02-2", NULL));
  g_assert_false (md_format_parse_date ("+024-02-29", NULL));
}

static void
test_iban (void)
{
  g_assert_true (md_format_is_iban ("GB82 WEST 1234 5698 7654 32"));
  g_assert_true (md_format_is_iban ("GB82WEST12345698765432"));
  g_assert_true (md_format_is_iban ("gb82 west 1234 5698 7654 32"));
  g_assert_true (md_format_is_iban ("BE71 0961 2345 6769"));

  /* One digit changed. */
  g_assert_false (md_format_is_iban ("GB82 WEST 1234 5698 7654 33"));
  g_assert_false (md_format_is_iban ("BE71 0961 2345 6768"));
  g_assert_false (md_format_is_iban ("BE72 0961 2345 6769"));

  /* Wrong length for the country, even with a matching checksum. */
  g_assert_false (md_format_is_iban ("BE710961234567690"));
  g_assert_false (md_format_is_iban ("GB82 WEST 1234 5698 7654 3"));

  g_assert_false (md_format_is_iban (NULL));
  g_assert_false (md_format_is_iban (""));
  g_assert_false (md_format_is_iban ("BE71"));
  g_assert_false (md_format_is_iban ("1E71 0961 2345 6769"));
  g_assert_false (md_format_is_iban ("BEX1 0961 2345 6769"));
  g_assert_false (md_format_is_iban ("BE71-0961-2345-6769"));
  g_assert_false (md_format_is_iban ("BE71 0961 2345 676é"));
  /* Longer than any IBAN may be. */
  g_assert_false (md_format_is_iban ("XX00 1234 5678 9012 3456 7890 1234 5678 901"));
}

static void
check_erasmus (const char *text,
               const char *expected)
{
  g_autofree char *normal = md_format_normalize_erasmus_code (text);

  g_assert_cmpstr (normal, ==, expected);
  g_assert_true (md_format_is_erasmus_code (text) == (expected != NULL));
}

static void
test_erasmus_code (void)
{
  check_erasmus ("b antwerp01", "B  ANTWERP01");
  check_erasmus ("B  ANTWERP01", "B  ANTWERP01");
  check_erasmus ("  B \t ANTWERP01 ", "B  ANTWERP01");
  check_erasmus ("PL WARSZAW01", "PL WARSZAW01");
  check_erasmus ("pl   warszaw01", "PL WARSZAW01");
  check_erasmus ("I BOLOGNA01", "I  BOLOGNA01");
  check_erasmus ("SF HELSINK01", "SF HELSINK01");
  check_erasmus ("F PARIS001", "F  PARIS001");
  /* Three-letter prefixes fill the field, so their canonical form has
   * no space; it must still be accepted as typed.
   */
  check_erasmus ("IRLDUBLIN01", "IRLDUBLIN01");
  check_erasmus ("irl dublin01", "IRLDUBLIN01");
  check_erasmus ("LUXLUX-VIL01", "LUXLUX-VIL01");

  check_erasmus (NULL, NULL);
  check_erasmus ("", NULL);
  check_erasmus ("   ", NULL);
  check_erasmus ("B", NULL);
  check_erasmus ("B  ANTWERP", NULL);
  check_erasmus ("12 ANTWERP01", NULL);
  check_erasmus ("B  ANTWERP0123", NULL);
  check_erasmus ("B  ANTWERP1", NULL);
  check_erasmus ("BANTWERP01", NULL);
  check_erasmus ("ABCD ANTWERP01", NULL);
  check_erasmus ("B A01", NULL);
  check_erasmus ("B ANTWERPEN01", NULL);
  check_erasmus ("B ANT WERP01", NULL);
  check_erasmus ("B ANTWERP01X", NULL);
  check_erasmus ("B ANTWÉRP01", NULL);
}

static void
test_isced_f (void)
{
  g_assert_true (md_format_is_isced_f ("0912"));
  g_assert_true (md_format_is_isced_f ("0011"));
  g_assert_true (md_format_is_isced_f ("1041"));
  g_assert_true (md_format_is_isced_f ("0588"));
  g_assert_true (md_format_is_isced_f ("9999"));

  g_assert_false (md_format_is_isced_f (NULL));
  g_assert_false (md_format_is_isced_f (""));
  g_assert_false (md_format_is_isced_f ("912"));
  g_assert_false (md_format_is_isced_f ("09121"));
  g_assert_false (md_format_is_isced_f ("1100"));
  g_assert_false (md_format_is_isced_f ("1111"));
  g_assert_false (md_format_is_isced_f ("5011"));
  g_assert_false (md_format_is_isced_f ("0000"));
  g_assert_false (md_format_is_isced_f ("0910"));
  g_assert_false (md_format_is_isced_f ("09a2"));
  g_assert_false (md_format_is_isced_f ("-912"));
}

static void
test_cefr (void)
{
  const char *valid[] = { "A1", "A2", "B1", "B2", "C1", "C2", "NS" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (md_format_is_cefr (valid[i]));

  g_assert_false (md_format_is_cefr (NULL));
  g_assert_false (md_format_is_cefr (""));
  g_assert_false (md_format_is_cefr ("b2"));
  g_assert_false (md_format_is_cefr ("C3"));
  g_assert_false (md_format_is_cefr ("B2 "));
  g_assert_false (md_format_is_cefr ("A"));
}

static void
test_language_code (void)
{
  g_assert_true (md_format_is_language_code ("en"));
  g_assert_true (md_format_is_language_code ("fil"));
  g_assert_true (md_format_is_language_code ("pt-BR"));
  g_assert_true (md_format_is_language_code ("sr-Latn"));
  g_assert_true (md_format_is_language_code ("sr-Latn-RS"));
  g_assert_true (md_format_is_language_code ("es-419"));

  g_assert_false (md_format_is_language_code (NULL));
  g_assert_false (md_format_is_language_code (""));
  g_assert_false (md_format_is_language_code ("e"));
  g_assert_false (md_format_is_language_code ("engl"));
  g_assert_false (md_format_is_language_code ("EN"));
  g_assert_false (md_format_is_language_code ("en-"));
  g_assert_false (md_format_is_language_code ("en-B"));
  g_assert_false (md_format_is_language_code ("en--GB"));
  g_assert_false (md_format_is_language_code ("en_GB"));
  g_assert_false (md_format_is_language_code ("en-abcdefghi"));
  g_assert_false (md_format_is_language_code ("en GB"));
}

static void
test_count_words (void)
{
  g_assert_cmpuint (md_format_count_words ("Hello, world!"), ==, 2);
  /* An apostrophe or hyphen inside a word joins it. */
  g_assert_cmpuint (md_format_count_words ("l'été est-il"), ==, 2);
  g_assert_cmpuint (md_format_count_words ("l’été"), ==, 1);
  g_assert_cmpuint (md_format_count_words ("don't stop"), ==, 2);
  /* Between spaces or at the edges they separate nothing. */
  g_assert_cmpuint (md_format_count_words ("a - b"), ==, 2);
  g_assert_cmpuint (md_format_count_words ("'quoted' -dash-"), ==, 2);
  g_assert_cmpuint (md_format_count_words ("Erasmus+ 2024"), ==, 2);
  g_assert_cmpuint (md_format_count_words ("e\xcc\x81t\xc3\xa9"), ==, 1);
  g_assert_cmpuint (md_format_count_words ("Ελληνικά και русский"), ==, 3);
  g_assert_cmpuint (md_format_count_words ("  \n\t "), ==, 0);
  g_assert_cmpuint (md_format_count_words ("--"), ==, 0);
  g_assert_cmpuint (md_format_count_words (""), ==, 0);
  g_assert_cmpuint (md_format_count_words (NULL), ==, 0);
  g_assert_cmpuint (md_format_count_words ("bad \xff utf8"), ==, 0);
}

static void
test_count_characters (void)
{
  g_assert_cmpuint (md_format_count_characters ("Hello"), ==, 5);
  g_assert_cmpuint (md_format_count_characters ("l'été"), ==, 5);
  g_assert_cmpuint (md_format_count_characters (""), ==, 0);
  g_assert_cmpuint (md_format_count_characters (NULL), ==, 0);
  g_assert_cmpuint (md_format_count_characters ("bad \xff"), ==, 0);
}

static void
test_display_in_c_locale (void)
{
  g_autofree char *money = md_format_display_money (1234.5);
  g_autofree char *number = md_format_display_number (7.50, 2);
  g_autofree char *whole = md_format_display_number (30.0, 1);
  g_autofree char *date = md_format_display_iso_date ("2026-07-31");
  g_autofree char *not_a_date = md_format_display_iso_date ("soon");
  g_autofree char *moment = md_format_display_timestamp ("2026-03-01T10:00:00Z");

  g_assert_cmpstr (money, ==, "1234.50 €");
  g_assert_cmpstr (number, ==, "7.5");
  g_assert_cmpstr (whole, ==, "30");
  g_assert_cmpstr (date, ==, "31 July 2026");
  g_assert_cmpstr (not_a_date, ==, "soon");
  g_assert_true (g_str_has_prefix (moment, "1 March 2026, "));
}

/* The machine may have no locale but C: compile the one the test needs
 * into the build directory, which glibc reads through LOCPATH. */
static gboolean
use_locale (const char *name,
            const char *source)
{
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "md-test-locales", NULL);
  g_autofree char *compiled = g_build_filename (folder, name, NULL);

  if (!g_file_test (compiled, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *command = g_strdup_printf ("localedef -i %s -f UTF-8 %s", source, compiled);
      int status = -1;

      g_mkdir_with_parents (folder, 0700);
      if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL))
        return FALSE;
    }
  g_setenv ("LOCPATH", folder, TRUE);
  return setlocale (LC_ALL, name) != NULL;
}

static void
test_display_in_locale (gconstpointer data)
{
  const char *const *expected = data;
  g_autofree char *money = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;

  if (!use_locale (expected[0], expected[1]))
    {
      g_test_skip ("localedef cannot build the locale here");
      return;
    }

  money = md_format_display_money (1234567.5);
  number = md_format_display_number (7.5, 2);
  date = md_format_display_iso_date ("2026-07-31");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (money, ==, expected[2]);
  g_assert_cmpstr (number, ==, expected[3]);
  g_assert_cmpstr (date, ==, expected[4]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/email", test_email);
  g_test_add_func ("/formats/date", test_date);
  g_test_add_func ("/formats/iban", test_iban);
  g_test_add_func ("/formats/erasmus-code", test_erasmus_code);
  g_test_add_func ("/formats/isced-f", test_isced_f);
  g_test_add_func ("/formats/cefr", test_cefr);
  g_test_add_func ("/formats/language-code", test_language_code);
  g_test_add_func ("/formats/count-words", test_count_words);
  g_test_add_func ("/formats/count-characters", test_count_characters);
  g_test_add_func ("/formats/display/c", test_display_in_c_locale);
  /* French groups with a narrow no-break space (U+202F), German with a dot. */
  g_test_add_data_func ("/formats/display/fr", (const char *[]) { "fr_FR.UTF-8", "fr_FR", "1\u202f234\u202f567,50 €", "7,5", "31 juillet 2026" },
                        test_display_in_locale);
  g_test_add_data_func ("/formats/display/de", (const char *[]) { "de_DE.UTF-8", "de_DE", "1.234.567,50 €", "7,5", "31 Juli 2026" },
                        test_display_in_locale);

  return g_test_run ();
}
