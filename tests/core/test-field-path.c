/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-field-path.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_validity (void)
{
  g_assert_true (md_field_path_is_valid ("applicant.email"));
  g_assert_true (md_field_path_is_valid ("learning_agreement.table_a[2].ects"));
  g_assert_true (md_field_path_is_valid ("id"));
  g_assert_false (md_field_path_is_valid (""));
  g_assert_false (md_field_path_is_valid (NULL));
  g_assert_false (md_field_path_is_valid ("applicant..email"));
  g_assert_false (md_field_path_is_valid ("applicant.Email"));
  g_assert_false (md_field_path_is_valid ("table_a[]"));
  g_assert_false (md_field_path_is_valid ("table_a[x]"));
  g_assert_false (md_field_path_is_valid ("table_a[1]x"));
  g_assert_false (md_field_path_is_valid ("table_a[12345678]"));
  g_assert_false (md_field_path_is_valid ("a.b."));
}

static void
test_normalize_and_section (void)
{
  g_autofree char *normal = md_field_path_normalize ("learning_agreement.table_a[2].ects");
  g_autofree char *section = md_field_path_section ("learning_agreement.table_a[2].ects");
  g_autofree char *with_index = md_field_path_append_index ("learning_agreement.table_b", 3);
  g_autofree char *with_name = md_field_path_append_name (with_index, "title");

  g_assert_cmpstr (normal, ==, "learning_agreement.table_a[].ects");
  g_assert_cmpstr (section, ==, "learning_agreement");
  g_assert_cmpstr (with_name, ==, "learning_agreement.table_b[3].title");
  g_assert_null (md_field_path_normalize ("bad path"));
}

static void
test_lookup (void)
{
  g_autoptr(JsonNode) root = parse ("{\"applicant\":{\"email\":\"a@b.eu\"},"
                                    "\"learning_agreement\":{\"table_a\":[{\"ects\":5},{\"ects\":6}]}}");
  JsonNode *node;

  node = md_field_path_lookup (root, "applicant.email");
  g_assert_nonnull (node);
  g_assert_cmpstr (json_node_get_string (node), ==, "a@b.eu");

  node = md_field_path_lookup (root, "learning_agreement.table_a[1].ects");
  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_int (node), ==, 6);

  g_assert_null (md_field_path_lookup (root, "learning_agreement.table_a[2].ects"));
  g_assert_null (md_field_path_lookup (root, "applicant.email.more"));
  g_assert_null (md_field_path_lookup (root, "applicant[0]"));
  g_assert_null (md_field_path_lookup (root, "nothing"));
}

static void
test_set (void)
{
  g_autoptr(JsonNode) root = parse ("{\"learning_agreement\":{\"table_a\":[{}]},\"id\":\"x\"}");
  g_autoptr(GError) error = NULL;

  g_assert_true (md_field_path_set (root, "applicant.home_institution.name",
                                    json_node_init_string (json_node_alloc (), "ITM"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (md_field_path_lookup (root, "applicant.home_institution.name")), ==, "ITM");

  g_assert_true (md_field_path_set (root, "learning_agreement.table_a[0].ects",
                                    json_node_init_int (json_node_alloc (), 5), &error));
  g_assert_cmpint (json_node_get_int (md_field_path_lookup (root, "learning_agreement.table_a[0].ects")), ==, 5);

  g_assert_false (md_field_path_set (root, "learning_agreement.table_a[1].ects",
                                     json_node_init_int (json_node_alloc (), 5), &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (md_field_path_set (root, "id.part",
                                     json_node_init_int (json_node_alloc (), 5), &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_A_CONTAINER);
  g_clear_error (&error);

  g_assert_false (md_field_path_set (root, "learning_agreement.table_a[0]",
                                     json_node_init_int (json_node_alloc (), 5), &error));
  g_assert_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-path/validity", test_validity);
  g_test_add_func ("/field-path/normalize", test_normalize_and_section);
  g_test_add_func ("/field-path/lookup", test_lookup);
  g_test_add_func ("/field-path/set", test_set);
  return g_test_run ();
}
