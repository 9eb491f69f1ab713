/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "md-programme-registry.h"

static GFile *
write_profile_dir (const char *name,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("md-profiles-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (dir);
}

static void
test_shipped_profiles_load (void)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgramme) ka131 = NULL;

  g_assert_true (md_programme_registry_load (registry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (md_programme_registry_get_programmes (registry)), >=, 1);

  ka131 = md_programme_registry_lookup (registry, "erasmus-ka131-2024", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_programme_get_call (ka131), ==, "2024");
  g_assert_nonnull (strstr (md_programme_get_title (ka131), "KA131"));
}

static void
test_unknown_programme (void)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgramme) missing = md_programme_registry_lookup (registry, "no-such-programme", &error);

  g_assert_null (missing);
  g_assert_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_UNKNOWN);
}

static void
test_bad_profile_names_file (void)
{
  g_autoptr(GFile) dir = write_profile_dir ("broken.json",
                                            "{\"format\":\"mobility-dossier-programme\",\"id\":\"x\",\"call\":\"2024\",\"title\":\"plain\"}");
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_programme_registry_load (registry, &error));
  g_assert_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_nonnull (strstr (error->message, "title"));
  g_assert_cmpuint (g_list_model_get_n_items (md_programme_registry_get_programmes (registry)), ==, 0);
}

static void
test_not_json_profile (void)
{
  g_autoptr(GFile) dir = write_profile_dir ("junk.json", "{\"format\": ");
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_programme_registry_load (registry, &error));
  g_assert_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "junk.json"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/programme/shipped", test_shipped_profiles_load);
  g_test_add_func ("/programme/unknown", test_unknown_programme);
  g_test_add_func ("/programme/bad-profile", test_bad_profile_names_file);
  g_test_add_func ("/programme/not-json", test_not_json_profile);
  return g_test_run ();
}
