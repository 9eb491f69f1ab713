/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grading scales, mappings and grade conversion, against the shipped
 * files in data/grading and the worked example of the reference.
 */
#include "md-grade-conversion.h"

static JsonObject *
load_object (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "grading", name, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static MdGradeTable *
load_table (const char *name)
{
  g_autoptr(JsonObject) object = load_object (name);
  g_autoptr(GError) error = NULL;
  MdGradeTable *table = md_grade_table_new_from_json (object, &error);

  g_assert_no_error (error);
  return table;
}

static MdGradeMapping *
load_mapping (const char *name)
{
  g_autoptr(JsonObject) object = load_object (name);
  g_autoptr(GError) error = NULL;
  MdGradeMapping *mapping = md_grade_mapping_new_from_json (object, &error);

  g_assert_no_error (error);
  return mapping;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static MdGradeTable *
parse_table (const char *text)
{
  g_autoptr(JsonObject) object = parse_object (text);
  g_autoptr(GError) error = NULL;
  MdGradeTable *table = md_grade_table_new_from_json (object, &error);

  g_assert_no_error (error);
  return table;
}

static void
assert_converts (MdGradeTable *from,
                 MdGradeTable *to,
                 const char   *grade,
                 const char   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = md_grade_convert (from, to, grade, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (converted, ==, expected);
}

static void
assert_interval (MdGradeTable *table,
                 const char   *grade,
                 double        lo,
                 double        hi)
{
  double got_lo = -1, got_hi = -1;

  g_assert_true (md_grade_table_get_interval (table, grade, &got_lo, &got_hi));
  g_assert_cmpfloat_with_epsilon (got_lo, lo, 1e-9);
  g_assert_cmpfloat_with_epsilon (got_hi, hi, 1e-9);
}

static void
test_shipped_tables (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) host = load_table ("it-18-30.json");
  g_autoptr(MdGradeTable) pass_fail = load_table ("pass-fail.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");
  g_autoptr(MdGradeMapping) from_letters = load_mapping ("letters-a-f-to-be-0-20.json");
  g_autoptr(MdGradeMapping) from_pass_fail = load_mapping ("pass-fail-to-be-0-20.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (md_grade_table_get_id (home), ==, "be-0-20");
  g_assert_cmpstr (md_grade_table_get_title (home), ==, "Belgian 0–20 scale");
  g_assert_nonnull (md_grade_table_get_indicative (home));
  g_assert_cmpint (md_grade_table_get_kind (home), ==, MD_GRADE_TABLE_DISTRIBUTION);
  g_assert_cmpuint (g_strv_length ((GStrv) md_grade_table_get_grades (home)), ==, 11);
  g_assert_true (md_grade_table_has_grade (home, "10"));
  g_assert_true (md_grade_table_is_passing (home, "10"));
  g_assert_false (md_grade_table_has_grade (home, "9"));

  /* The cumulative ranges printed in the reference. */
  assert_interval (home, "20", 0, 1);
  assert_interval (home, "15", 27, 43);
  assert_interval (home, "10", 96, 100);
  assert_interval (host, "30L", 0, 5);
  assert_interval (host, "27", 33, 46);
  assert_interval (host, "18", 97, 100);

  g_assert_cmpint (md_grade_table_get_kind (pass_fail), ==, MD_GRADE_TABLE_ORDINAL);
  g_assert_cmpstr (md_grade_table_get_title (pass_fail), ==, "Pass/fail");
  g_assert_false (md_grade_table_get_interval (pass_fail, "P", NULL, NULL));
  g_assert_true (md_grade_table_is_passing (letters, "E"));
  g_assert_false (md_grade_table_is_passing (letters, "FX"));
  g_assert_false (md_grade_table_is_passing (letters, "F"));

  g_assert_true (md_grade_mapping_check (from_letters, letters, home, &error));
  g_assert_no_error (error);
  g_assert_true (md_grade_mapping_check (from_pass_fail, pass_fail, home, &error));
  g_assert_no_error (error);
}

static void
test_worked_example (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) host = load_table ("it-18-30.json");

  assert_converts (host, home, "27", "15");
  assert_converts (host, home, "24", "13");
  assert_converts (host, home, "30", "17");
}

/* The same written inline, independent of the shipped files. */
static void
test_worked_example_inline (void)
{
  g_autoptr(MdGradeTable) home = parse_table (
    "{\"id\": \"home\", \"kind\": \"distribution\", \"pass_mark\": \"10\", \"grades\": ["
    "{\"grade\": \"20\", \"percent\": 1}, {\"grade\": \"19\", \"percent\": 2},"
    "{\"grade\": \"18\", \"percent\": 4}, {\"grade\": \"17\", \"percent\": 8},"
    "{\"grade\": \"16\", \"percent\": 12}, {\"grade\": \"15\", \"percent\": 16},"
    "{\"grade\": \"14\", \"percent\": 18}, {\"grade\": \"13\", \"percent\": 16},"
    "{\"grade\": \"12\", \"percent\": 12}, {\"grade\": \"11\", \"percent\": 7},"
    "{\"grade\": \"10\", \"percent\": 4}]}");
  g_autoptr(MdGradeTable) host = parse_table (
    "{\"id\": \"host\", \"kind\": \"distribution\", \"pass_mark\": \"18\", \"grades\": ["
    "{\"grade\": \"30L\", \"percent\": 5}, {\"grade\": \"30\", \"percent\": 10},"
    "{\"grade\": \"29\", \"percent\": 6}, {\"grade\": \"28\", \"percent\": 12},"
    "{\"grade\": \"27\", \"percent\": 13}, {\"grade\": \"26\", \"percent\": 10},"
    "{\"grade\": \"25\", \"percent\": 9}, {\"grade\": \"24\", \"percent\": 8},"
    "{\"grade\": \"23\", \"percent\": 6}, {\"grade\": \"22\", \"percent\": 5},"
    "{\"grade\": \"21\", \"percent\": 5}, {\"grade\": \"20\", \"percent\": 4},"
    "{\"grade\": \"19\", \"percent\": 4}, {\"grade\": \"18\", \"percent\": 3}]}");

  assert_converts (host, home, "27", "15");
  assert_converts (host, home, "24", "13");
  assert_converts (host, home, "30", "17");
  /* 30L (0–5 %) overlaps 19 (1–3 %) and 18 (3–7 %) by 2 points each;
   * its midpoint, 2.5, lies in 19. */
  assert_converts (host, home, "30L", "19");
  assert_converts (host, home, "18", "10");
}

static void
test_same_scale (void)
{
  g_autoptr(MdGradeTable) host = load_table ("it-18-30.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");
  const char * const *grades = md_grade_table_get_grades (host);

  for (guint i = 0; grades[i] != NULL; i++)
    assert_converts (host, host, grades[i], grades[i]);
  assert_converts (letters, letters, "FX", "FX");
}

static void
test_tie_break (void)
{
  /* Host B covers [25, 75): 25 points of each home grade. Its midpoint,
   * 50, is where home Y starts. */
  g_autoptr(MdGradeTable) home = parse_table (
    "{\"id\": \"home\", \"kind\": \"distribution\", \"pass_mark\": \"Y\", \"grades\": ["
    "{\"grade\": \"X\", \"percent\": 50}, {\"grade\": \"Y\", \"percent\": 50}]}");
  g_autoptr(MdGradeTable) host = parse_table (
    "{\"id\": \"host\", \"kind\": \"distribution\", \"pass_mark\": \"C\", \"grades\": ["
    "{\"grade\": \"A\", \"percent\": 25}, {\"grade\": \"B\", \"percent\": 50},"
    "{\"grade\": \"C\", \"percent\": 25}]}");
  /* Host Q covers [0, 10): home K and M both overlap it by 4 and the
   * midpoint falls in the narrow L, so the closer one, then the better
   * one wins. */
  g_autoptr(MdGradeTable) narrow = parse_table (
    "{\"id\": \"narrow\", \"kind\": \"distribution\", \"pass_mark\": \"N\", \"grades\": ["
    "{\"grade\": \"K\", \"percent\": 4}, {\"grade\": \"L\", \"percent\": 2},"
    "{\"grade\": \"M\", \"percent\": 4}, {\"grade\": \"N\", \"percent\": 90}]}");
  g_autoptr(MdGradeTable) wide = parse_table (
    "{\"id\": \"wide\", \"kind\": \"distribution\", \"pass_mark\": \"R\", \"grades\": ["
    "{\"grade\": \"Q\", \"percent\": 10}, {\"grade\": \"R\", \"percent\": 90}]}");

  assert_converts (host, home, "B", "Y");
  assert_converts (host, home, "A", "X");
  assert_converts (wide, narrow, "Q", "K");
}

static void
test_rounded_sum_accepted (void)
{
  g_autoptr(MdGradeTable) table = parse_table (
    "{\"id\": \"rounded\", \"kind\": \"distribution\", \"pass_mark\": \"B\", \"grades\": ["
    "{\"grade\": \"A\", \"percent\": 33.3}, {\"grade\": \"B\", \"percent\": 66.4}]}");

  assert_interval (table, "B", 33.3 * 100 / 99.7, 100);
}

static void
test_pass_fail_mapping (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) pass_fail = load_table ("pass-fail.json");
  g_autoptr(MdGradeMapping) mapping = load_mapping ("pass-fail-to-be-0-20.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *passed = md_grade_mapping_convert (mapping, pass_fail, home, "P", &error);
  g_autofree char *failed = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (passed, ==, MD_GRADE_RECOGNISED_WITHOUT_GRADE);

  failed = md_grade_mapping_convert (mapping, pass_fail, home, "F", &error);
  g_assert_null (failed);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NOT_PASSING);
  g_assert_nonnull (strstr (error->message, "“F”"));
  g_assert_nonnull (strstr (error->message, "nothing is recognised"));
}

static void
test_letters_mapping (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");
  g_autoptr(MdGradeMapping) mapping = load_mapping ("letters-a-f-to-be-0-20.json");
  const char *expected[][2] = {
    { "A", "18" }, { "B", "16" }, { "C", "14" }, { "D", "12" }, { "E", "10" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *wrong = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *converted = md_grade_mapping_convert (mapping, letters, home, expected[i][0], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (converted, ==, expected[i][1]);
    }

  failed = md_grade_mapping_convert (mapping, letters, home, "FX", &error);
  g_assert_null (failed);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NOT_PASSING);
  g_clear_error (&error);

  /* Used the wrong way round. */
  wrong = md_grade_mapping_convert (mapping, home, letters, "18", &error);
  g_assert_null (wrong);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_WRONG_TABLE);
}

static void
test_ordinal_needs_mapping (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = md_grade_convert (letters, home, "A", &error);

  g_assert_null (converted);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NO_DISTRIBUTION);
  g_assert_nonnull (strstr (error->message, "letters-a-f"));
  g_assert_nonnull (strstr (error->message, "mapping"));
}

static void
test_unknown_grade (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) host = load_table ("it-18-30.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");
  g_autoptr(MdGradeMapping) mapping = load_mapping ("letters-a-f-to-be-0-20.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = md_grade_convert (host, home, "31", &error);
  g_autofree char *mapped = NULL;

  g_assert_null (converted);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_UNKNOWN_GRADE);
  g_assert_nonnull (strstr (error->message, "“31”"));
  g_assert_nonnull (strstr (error->message, "“it-18-30”"));
  g_clear_error (&error);

  mapped = md_grade_mapping_convert (mapping, letters, home, "a", &error);
  g_assert_null (mapped);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_UNKNOWN_GRADE);
  g_assert_nonnull (strstr (error->message, "“letters-a-f”"));
}

static void
test_failing_grade (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");
  /* A host scale that also lists its failing grades, without percent. */
  g_autoptr(MdGradeTable) host = parse_table (
    "{\"id\": \"host\", \"kind\": \"distribution\", \"pass_mark\": \"6\", \"grades\": ["
    "{\"grade\": \"10\", \"percent\": 10}, {\"grade\": \"8\", \"percent\": 40},"
    "{\"grade\": \"6\", \"percent\": 50}, {\"grade\": \"4\"}, {\"grade\": \"2\"}]}");
  g_autoptr(GError) error = NULL;
  g_autofree char *to_home = NULL;
  g_autofree char *to_letters = NULL;

  g_assert_true (md_grade_table_has_grade (host, "4"));
  g_assert_false (md_grade_table_is_passing (host, "4"));
  g_assert_false (md_grade_table_get_interval (host, "4", NULL, NULL));

  to_home = md_grade_convert (host, home, "4", &error);
  g_assert_null (to_home);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NOT_PASSING);
  g_assert_nonnull (strstr (error->message, "“4”"));
  g_assert_nonnull (strstr (error->message, "nothing is recognised"));
  g_clear_error (&error);

  /* A home scale with failing grades records its plain fail. */
  to_letters = md_grade_convert (host, letters, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (to_letters, ==, "F");
}

static void
assert_table_refused (const char *text,
                      const char *problem)
{
  g_autoptr(JsonObject) object = parse_object (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdGradeTable) table = md_grade_table_new_from_json (object, &error);

  g_assert_null (table);
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID);
  if (strstr (error->message, problem) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, problem);
}

static void
test_bad_tables (void)
{
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"B\", \"grades\": ["
                        "{\"grade\": \"A\", \"percent\": 40}, {\"grade\": \"B\", \"percent\": 50}]}",
                        "add up to 90, not 100");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"B\", \"grades\": ["
                        "{\"grade\": \"A\", \"percent\": 110}, {\"grade\": \"B\", \"percent\": -10}]}",
                        "grades[1].percent must not be negative");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"B\", \"grades\": ["
                        "{\"grade\": \"A\", \"percent\": 50}, {\"grade\": \"A\", \"percent\": 25},"
                        "{\"grade\": \"B\", \"percent\": 25}]}",
                        "grades[1].grade “A” is listed twice");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"ordinal\", \"pass_mark\": \"P\", \"grades\": [\"P\", \"F\", \"P\"]}",
                        "grades[2] “P” is listed twice");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"B\"}",
                        "grades must be a non-empty list");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"ordinal\", \"pass_mark\": \"B\", \"grades\": []}",
                        "grades must be a non-empty list");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"D\", \"grades\": ["
                        "{\"grade\": \"A\", \"percent\": 25}, {\"grade\": \"B\", \"percent\": 25},"
                        "{\"grade\": \"C\", \"percent\": 25}, {\"grade\": \"D\", \"percent\": \"25\"}]}",
                        "grades[3].percent must be a number");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"B\", \"grades\": ["
                        "{\"grade\": \"A\", \"percent\": 100}, {\"grade\": \"B\"}]}",
                        "grades[1].percent must be a number");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"A\", \"grades\": ["
                        "{\"grade\": \"A\", \"percent\": 100}, {\"grade\": \"F\", \"percent\": 0}]}",
                        "grades[1].percent");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"distribution\", \"pass_mark\": \"B\", \"grades\": ["
                        "{\"grade\": 20, \"percent\": 100}]}",
                        "grades[0].grade must be non-empty text");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"ordinal\", \"pass_mark\": \"C\", \"grades\": [\"A\", \"B\"]}",
                        "pass_mark “C” is not one of the grades");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"ordinal\", \"grades\": [\"A\", \"B\"]}",
                        "pass_mark must be non-empty text");
  assert_table_refused ("{\"id\": \"t\", \"kind\": \"ranked\", \"pass_mark\": \"A\", \"grades\": [\"A\"]}",
                        "kind must be");
  assert_table_refused ("{\"kind\": \"ordinal\", \"pass_mark\": \"A\", \"grades\": [\"A\"]}",
                        "id must be non-empty text");
  assert_table_refused ("{\"id\": \"t\", \"title\": {\"nl\": \"x\"}, \"kind\": \"ordinal\", \"pass_mark\": \"A\", \"grades\": [\"A\"]}",
                        "title must map language codes");
  assert_table_refused ("{\"id\": \"t\", \"title\": {\"en\": \"x\", \"nl\": 3}, \"kind\": \"ordinal\", \"pass_mark\": \"A\", \"grades\": [\"A\"]}",
                        "title must map language codes");
  assert_table_refused ("{\"id\": \"m\", \"kind\": \"mapping\", \"from\": \"a\", \"to\": \"b\", \"map\": {\"A\": \"B\"}}",
                        "“m”: its kind is “mapping”");
}

static void
assert_mapping_refused (const char   *text,
                        MdGradeTable *from,
                        MdGradeTable *to,
                        const char   *problem)
{
  g_autoptr(JsonObject) object = parse_object (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdGradeMapping) mapping = md_grade_mapping_new_from_json (object, &error);

  if (mapping != NULL)
    {
      g_autofree char *converted = md_grade_mapping_convert (mapping, from, to, "A", &error);

      g_assert_false (md_grade_mapping_check (mapping, from, to, NULL));
      g_assert_null (converted);
    }
  g_assert_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID);
  if (strstr (error->message, problem) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, problem);
}

static void
test_bad_mappings (void)
{
  g_autoptr(MdGradeTable) home = load_table ("be-0-20.json");
  g_autoptr(MdGradeTable) letters = load_table ("letters-a-f.json");

#define MAPPING(map) \
  "{\"id\": \"m\", \"kind\": \"mapping\", \"from\": \"letters-a-f\", \"to\": \"be-0-20\", \"map\": " map "}"

  assert_mapping_refused (MAPPING ("{\"A\": \"18\", \"B\": \"16\", \"C\": \"14\", \"D\": \"12\", \"E\": \"10\", \"FX\": \"fail\"}"),
                          letters, home, "map has no entry for “F”");
  assert_mapping_refused (MAPPING ("{\"A\": \"21\", \"B\": \"16\", \"C\": \"14\", \"D\": \"12\", \"E\": \"10\", \"FX\": \"fail\", \"F\": \"fail\"}"),
                          letters, home, "map.A: “21” is not a grade of “be-0-20”");
  assert_mapping_refused (MAPPING ("{\"A\": \"18\", \"B\": \"16\", \"C\": \"14\", \"D\": \"12\", \"E\": \"fail\", \"FX\": \"fail\", \"F\": \"fail\"}"),
                          letters, home, "map.E: a passing grade cannot map to “fail”");
  assert_mapping_refused (MAPPING ("{\"A\": \"18\", \"B\": \"16\", \"C\": \"14\", \"D\": \"12\", \"E\": \"10\", \"FX\": \"10\", \"F\": \"fail\"}"),
                          letters, home, "map.FX: a failing grade cannot become the passing grade “10”");
  assert_mapping_refused (MAPPING ("{\"A\": \"18\", \"B\": \"16\", \"C\": \"14\", \"D\": \"12\", \"E\": \"10\", \"FX\": \"fail\", \"F\": \"fail\", \"G\": \"fail\"}"),
                          letters, home, "map.G: “G” is not a grade of “letters-a-f”");
  assert_mapping_refused (MAPPING ("{\"A\": 18}"), letters, home, "map.A must be non-empty text");
  assert_mapping_refused (MAPPING ("{}"), letters, home, "map must be a non-empty object");
  assert_mapping_refused ("{\"id\": \"m\", \"kind\": \"mapping\", \"to\": \"be-0-20\", \"map\": {\"A\": \"18\"}}",
                          letters, home, "from must be non-empty text");
  assert_mapping_refused ("{\"id\": \"m\", \"kind\": \"ordinal\", \"from\": \"a\", \"to\": \"b\", \"map\": {\"A\": \"18\"}}",
                          letters, home, "kind must be “mapping”");

#undef MAPPING
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grades/shipped", test_shipped_tables);
  g_test_add_func ("/grades/worked-example", test_worked_example);
  g_test_add_func ("/grades/worked-example-inline", test_worked_example_inline);
  g_test_add_func ("/grades/same-scale", test_same_scale);
  g_test_add_func ("/grades/tie-break", test_tie_break);
  g_test_add_func ("/grades/rounded-sum", test_rounded_sum_accepted);
  g_test_add_func ("/grades/mapping/pass-fail", test_pass_fail_mapping);
  g_test_add_func ("/grades/mapping/letters", test_letters_mapping);
  g_test_add_func ("/grades/ordinal-needs-mapping", test_ordinal_needs_mapping);
  g_test_add_func ("/grades/unknown-grade", test_unknown_grade);
  g_test_add_func ("/grades/failing-grade", test_failing_grade);
  g_test_add_func ("/grades/bad-tables", test_bad_tables);
  g_test_add_func ("/grades/bad-mappings", test_bad_mappings);
  return g_test_run ();
}
