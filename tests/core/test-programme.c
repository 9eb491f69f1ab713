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

#define PROFILE_HEAD \
  "{\"format\":\"mobility-dossier-programme\",\"format_version\":1,\"id\":\"bad\",\"call\":\"2024\"," \
  "\"title\":{\"en\":\"Bad\"},"

#define GOOD_ACTIVITY \
  "{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},\"duration\":{\"min\":2,\"max\":12,\"unit\":\"months\"}," \
  "\"destinations\":[\"eu\"],\"grant\":{\"individual\":{\"per\":\"month\",\"rates\":{\"1\":600}}}}"

typedef struct
{
  const char *text;
  const char *expected_path;
  const char *expected_problem;
} BadProfile;

static const BadProfile bad_profiles[] = {
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\",\"QQ\"]},\"activities\":[" GOOD_ACTIVITY "]}",
    "country_sets.eu[1]", "QQ" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},"
    "\"duration\":{\"min\":12,\"max\":2,\"unit\":\"months\"}}]}",
    "activities[0].duration.min", "larger than the maximum" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},"
    "\"duration\":{\"min\":2,\"max\":12,\"unit\":\"months\"},\"grant\":{\"individual\":{\"per\":\"month\"}}}]}",
    "activities[0].grant.individual", "rate" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},"
    "\"duration\":{\"min\":\"two\",\"max\":12,\"unit\":\"months\"}}]}",
    "activities[0].duration.min", "number" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":{\"id\":\"sms\"}}",
    "activities", "list" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[" GOOD_ACTIVITY "],"
    "\"country_groups\":{\"1\":[\"@nowhere\"]}}",
    "country_groups.1[0]", "nowhere" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},"
    "\"duration\":{\"min\":2,\"max\":12,\"unit\":\"months\"},\"destinations\":[\"asia\"]}]}",
    "activities[0].destinations[0]", "asia" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},"
    "\"duration\":{\"min\":2,\"max\":12,\"unit\":\"weeks\"}}]}",
    "activities[0].duration.unit", "months" },
  { PROFILE_HEAD "\"country_sets\":{\"eu\":[\"DE\"]},\"activities\":[{\"id\":\"sms\",\"title\":{\"en\":\"SMS\"},"
    "\"duration\":{\"min\":2,\"max\":12,\"unit\":\"months\"},\"grant\":{\"individual\":{\"per\":\"day\",\"rates\":{\"1\":\"lots\"}}}}]}",
    "activities[0].grant.individual.rates.1", "number" },
};

static void
test_bad_profile (gconstpointer data)
{
  const BadProfile *bad = data;
  g_autoptr(GFile) dir = write_profile_dir ("bad.json", bad->text);
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_programme_registry_load (registry, &error));
  g_assert_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_INVALID);
  if (strstr (error->message, "bad.json") == NULL ||
      strstr (error->message, bad->expected_path) == NULL ||
      strstr (error->message, bad->expected_problem) == NULL)
    g_error ("“%s” should name bad.json, %s and %s", error->message, bad->expected_path, bad->expected_problem);
}

static void
test_every_shipped_profile_has_translations (void)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  GListModel *programmes;

  g_assert_true (md_programme_registry_load (registry, NULL));
  programmes = md_programme_registry_get_programmes (registry);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(MdProgramme) programme = g_list_model_get_item (programmes, i);
      JsonObject *title = json_object_get_object_member (md_programme_get_definition (programme), "title");
      const char *languages[] = { "en", "nl", "fr", "de" };

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        if (!json_object_has_member (title, languages[l]))
          g_error ("%s has no %s title", md_programme_get_id (programme), languages[l]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/programme/shipped", test_shipped_profiles_load);
  g_test_add_func ("/programme/unknown", test_unknown_programme);
  g_test_add_func ("/programme/bad-profile", test_bad_profile_names_file);
  g_test_add_func ("/programme/not-json", test_not_json_profile);
  g_test_add_func ("/programme/translations", test_every_shipped_profile_has_translations);
  for (guint i = 0; i < G_N_ELEMENTS (bad_profiles); i++)
    {
      g_autofree char *name = g_strdup_printf ("/programme/bad/%u", i);
      g_test_add_data_func (name, &bad_profiles[i], test_bad_profile);
    }
  return g_test_run ();
}
