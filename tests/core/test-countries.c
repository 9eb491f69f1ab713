/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include <glib/gstdio.h>

#include "md-countries.h"

#define FRENCH_CATALOG "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"

static void
test_known (void)
{
  g_assert_true (md_countries_is_known ("BE"));
  g_assert_true (md_countries_is_known ("DE"));
  g_assert_true (md_countries_is_known ("PL"));
  g_assert_true (md_countries_is_known ("XK"));

  g_assert_false (md_countries_is_known ("ZZ"));
  g_assert_false (md_countries_is_known ("be"));
  g_assert_false (md_countries_is_known ("BEL"));
  g_assert_false (md_countries_is_known (""));
  g_assert_false (md_countries_is_known (NULL));
}

static void
test_names (void)
{
  /* The test runs in the C locale: names are iso-codes' English ones. */
  g_assert_cmpstr (md_countries_get_name ("DE"), ==, "Germany");
  g_assert_cmpstr (md_countries_get_name ("BE"), ==, "Belgium");
  /* The common name is preferred over the formal one. */
  g_assert_cmpstr (md_countries_get_name ("BO"), ==, "Bolivia");
  g_assert_cmpstr (md_countries_get_name ("XK"), ==, "Kosovo");

  g_assert_null (md_countries_get_name ("ZZ"));
  g_assert_null (md_countries_get_name (""));
  g_assert_null (md_countries_get_name (NULL));
}

static void
test_names_french (void)
{
  if (!g_file_test (FRENCH_CATALOG, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The French translation of iso-codes is not installed");
      return;
    }

  /* Changing the locale is process-wide, so keep it out of the other
   * tests by running it in a child.
   */
  if (g_test_subprocess ())
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_setenv ("LANG", "C.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "fr", TRUE);
      setlocale (LC_ALL, "");

      g_assert_cmpstr (md_countries_get_name ("DE"), ==, "Allemagne");
      g_assert_cmpstr (md_countries_get_name ("BE"), ==, "Belgique");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) codes = md_countries_list ();
  gboolean has_kosovo = FALSE;

  g_assert_nonnull (codes);
  /* iso-codes lists 249 countries; leave room for future additions. */
  g_assert_cmpuint (codes->len, >=, 240);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      g_assert_true (md_countries_is_known (code));
      if (g_str_equal (code, "XK"))
        has_kosovo = TRUE;

      if (i > 0)
        {
          const char *previous = md_countries_get_name (g_ptr_array_index (codes, i - 1));
          const char *current = md_countries_get_name (code);

          g_assert_cmpint (g_utf8_collate (previous, current), <=, 0);
        }
    }

  g_assert_true (has_kosovo);
}

static void
test_missing_file (void)
{
  /* The table is loaded once per process, so point it elsewhere in a
   * fresh child.
   */
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) codes = NULL;

      g_setenv ("MD_ISO_CODES_DIR", "/nonexistent/iso-codes", TRUE);

      g_assert_false (md_countries_is_known ("DE"));
      g_assert_null (md_countries_get_name ("DE"));
      g_assert_true (md_countries_is_known ("XK"));

      codes = md_countries_list ();
      g_assert_cmpuint (codes->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "XK");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* A missing file is not worth a warning: iso-codes is a dependency. */
  g_test_trap_assert_stdout_unmatched ("*WARNING*");
}

static void
test_override_dir (void)
{
  if (g_test_subprocess ())
    {
      const char *json =
        "{ \"3166-1\": ["
        "  { \"alpha_2\": \"AA\", \"name\": \"Formal Name\", \"common_name\": \"Common Name\" },"
        "  { \"alpha_2\": \"AB\", \"name\": \"Plain Name\" },"
        "  { \"alpha_3\": \"ACC\", \"name\": \"No Alpha-2\" },"
        "  \"not an object\""
        "] }";
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("md-countries-XXXXXX", &error);
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) codes = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "iso_3166-1.json", NULL);
      g_file_set_contents (path, json, -1, &error);
      g_assert_no_error (error);
      g_setenv ("MD_ISO_CODES_DIR", dir, TRUE);

      g_assert_true (md_countries_is_known ("AA"));
      g_assert_cmpstr (md_countries_get_name ("AA"), ==, "Common Name");
      g_assert_true (md_countries_is_known ("AB"));
      g_assert_cmpstr (md_countries_get_name ("AB"), ==, "Plain Name");
      g_assert_false (md_countries_is_known ("DE"));

      codes = md_countries_list ();
      g_assert_cmpuint (codes->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "AA");
      g_assert_cmpstr (g_ptr_array_index (codes, 1), ==, "XK");
      g_assert_cmpstr (g_ptr_array_index (codes, 2), ==, "AB");

      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_languages (void)
{
  g_autoptr(GPtrArray) codes = md_iso_codes_list (MD_ISO_CODES_LANGUAGES);
  guint english, german;

  g_assert_true (md_iso_codes_is_known (MD_ISO_CODES_LANGUAGES, "nl"));
  g_assert_false (md_iso_codes_is_known (MD_ISO_CODES_LANGUAGES, "NL"));
  g_assert_false (md_iso_codes_is_known (MD_ISO_CODES_LANGUAGES, "nld"));
  g_assert_cmpstr (md_iso_codes_get_name (MD_ISO_CODES_LANGUAGES, "nl"), ==, "Dutch");
  g_assert_cmpstr (md_iso_codes_get_name (MD_ISO_CODES_LANGUAGES, "es"), ==, "Spanish");
  g_assert_null (md_iso_codes_get_name (MD_ISO_CODES_LANGUAGES, "xx"));
  /* Languages and countries are separate lists. */
  g_assert_false (md_iso_codes_is_known (MD_ISO_CODES_COUNTRIES, "nl"));

  g_assert_cmpuint (codes->len, >, 150);
  g_assert_true (g_ptr_array_find_with_equal_func (codes, "en", g_str_equal, &english));
  g_assert_true (g_ptr_array_find_with_equal_func (codes, "de", g_str_equal, &german));
  g_assert_cmpuint (english, <, german);
}

static void
test_languages_german (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "");

      g_assert_cmpstr (md_iso_codes_get_name (MD_ISO_CODES_LANGUAGES, "nl"), ==, "Niederländisch");
      g_assert_cmpstr (md_iso_codes_get_name (MD_ISO_CODES_LANGUAGES, "fr"), ==, "Französisch");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countries/known", test_known);
  g_test_add_func ("/countries/names", test_names);
  g_test_add_func ("/countries/names-french", test_names_french);
  g_test_add_func ("/countries/list", test_list);
  g_test_add_func ("/countries/missing-file", test_missing_file);
  g_test_add_func ("/countries/override-dir", test_override_dir);
  g_test_add_func ("/languages/names", test_languages);
  g_test_add_func ("/languages/names-german", test_languages_german);

  return g_test_run ();
}
