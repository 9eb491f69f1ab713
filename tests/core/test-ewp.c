/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The EWP learning agreement export and import: every sample with a
 * learning agreement, and a study stay with an approved change and a
 * pending proposal, exports to XML that xmllint validates against the
 * network's own schema; export, import into a fresh dossier and export
 * again gives the same bytes and the same learning agreement; the
 * network's example imports; a value the schema needs but the dossier
 * lacks is refused by its field path; hostile documents are refused and
 * leave the dossier as it was; and the command line does the same.
 */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-ewp.h"
#include "md-ewp-private.h"
#include "md-field-path.h"
#include "md-test-core.h"

#define KA131_SMS "erasmus-ka131-2024--sms.dossier.json"

/* --- Fixtures ---------------------------------------------------------- */

static JsonNode *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ewp", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Sets each member of the fixture @name, a field path, to its value. */
static void
apply_fixture (MdDossier  *dossier,
               const char *name)
{
  g_autoptr(JsonNode) fields = load_fixture (name);
  JsonObjectIter iter;
  const char *path;
  JsonNode *value;

  json_object_iter_init (&iter, json_node_get_object (fields));
  while (json_object_iter_next (&iter, &path, &value))
    {
      g_autoptr(GError) error = NULL;

      md_dossier_set_value (dossier, path, json_node_copy (value), &error);
      g_assert_no_error (error);
    }
}

/* The KA131 study stay in Heidelberg, signed by all three, with one
 * approved change and one pending proposal touching Tables A, B and C. */
static MdDossier *
complete_dossier (void)
{
  MdDossier *dossier = md_test_load_sample (KA131_SMS);

  apply_fixture (dossier, "sms-complete.json");
  return dossier;
}

static MdDossier *
copy_dossier (MdDossier *dossier)
{
  g_autoptr(GBytes) bytes = md_bundle_serialize (dossier);
  g_autoptr(GError) error = NULL;
  MdDossier *copy = md_bundle_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return copy;
}

static MdDossier *
fresh_dossier_like (MdDossier *dossier)
{
  return md_dossier_new (md_dossier_get_programme (dossier), md_dossier_get_string (dossier, "call"));
}

static GBytes *
export_or_fail (MdDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  GBytes *xml = md_ewp_export_agreement (dossier, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

static void
import_or_fail (MdDossier *dossier,
                GBytes    *xml)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (md_ewp_import_agreement (dossier, xml, &error));
  g_assert_no_error (error);
}

static const char *
text_of (GBytes *xml)
{
  return g_bytes_get_data (xml, NULL);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* @text with the one occurrence of @old replaced; a fixture that no
 * longer contains @old fails here instead of testing nothing. */
static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  const char *at = strstr (text, old);
  GString *out;

  g_assert_nonnull (at);
  out = g_string_new_len (text, at - text);
  g_string_append (out, replacement);
  g_string_append (out, at + strlen (old));
  return g_string_free (out, FALSE);
}

/* The field path a message names, between “ and ”. */
static char *
path_in_message (const char *message)
{
  const char *open = strstr (message, "“");
  const char *close = open ? strstr (open, "”") : NULL;

  if (close == NULL)
    return NULL;

  open += strlen ("“");
  return g_strndup (open, close - open);
}

static char *
canonical_digest (JsonNode *node)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) wrapper = NULL;

  json_object_set_member (object, "value", json_node_copy (node));
  wrapper = json_node_init_object (json_node_alloc (), object);
  return md_bundle_compute_digest (wrapper);
}

/* Equal as JSON, and in the bundle's canonical form too, which tells
 * 6 from 6.0. */
static void
assert_same_json (JsonNode *expected,
                  JsonNode *actual)
{
  g_autofree char *expected_digest = canonical_digest (expected);
  g_autofree char *actual_digest = canonical_digest (actual);

  if (!json_node_equal (expected, actual) || g_strcmp0 (expected_digest, actual_digest) != 0)
    {
      g_autofree char *expected_text = json_to_string (expected, TRUE);
      g_autofree char *actual_text = json_to_string (actual, TRUE);

      g_test_message ("expected:\n%s\nactual:\n%s", expected_text, actual_text);
      g_test_fail ();
    }
}

/* --- Schema validation with xmllint --------------------------------------- */

static char *
schema_dir (void)
{
  const char *dir = g_getenv ("MD_EWP_SCHEMA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "reference", "ewp", NULL);
}

/* Returns: (nullable): why documents cannot be validated here. */
static char *
validation_unavailable (void)
{
  g_autofree char *dir = schema_dir ();
  g_autofree char *xsd = g_build_filename (dir, "omobility-las", "endpoints", "get-response.xsd", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (!g_file_test (xsd, G_FILE_TEST_IS_REGULAR))
    return g_strdup_printf ("the EWP schemas are not in %s (set MD_EWP_SCHEMA_DIR)", dir);
  if (xmllint == NULL)
    return g_strdup ("xmllint is not installed");

  return NULL;
}

/* Runs XML_CATALOG_FILES=DIR/catalog.xml xmllint --nonet --noout
 * --schema DIR/omobility-las/endpoints/get-response.xsd FILE. */
static gboolean
xmllint_accepts (GBytes  *xml,
                 char   **report)
{
  g_autofree char *dir = schema_dir ();
  g_autofree char *catalog = g_build_filename (dir, "catalog.xml", NULL);
  g_autofree char *xsd = g_build_filename (dir, "omobility-las", "endpoints", "get-response.xsd", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XML_CATALOG_FILES", catalog, TRUE);
  int fd = g_file_open_tmp ("test-ewp-XXXXXX.xml", &file, &error);
  gsize length;
  const char *data = g_bytes_get_data (xml, &length);
  const char *argv[] = { "xmllint", "--nonet", "--noout", "--schema", xsd, file, NULL };
  int wait_status = -1;

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (file, data, length, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, report, &wait_status, &error);
  g_assert_no_error (error);
  g_unlink (file);

  return WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0;
}

/* Marks the test skipped (once) when validation is not possible. */
static void
assert_schema_valid (GBytes *xml)
{
  g_autofree char *why = validation_unavailable ();
  g_autofree char *report = NULL;

  if (why != NULL)
    {
      g_test_skip (why);
      return;
    }

  if (!xmllint_accepts (xml, &report))
    {
      g_test_message ("xmllint refused the document:\n%s\n%s", report, text_of (xml));
      g_test_fail ();
    }
}

static GBytes *
load_network_example (void)
{
  g_autofree char *dir = schema_dir ();
  g_autofree char *path = g_build_filename (dir, "omobility-las", "examples", "get-response-example.xml", NULL);
  char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return NULL;

  return g_bytes_new_take (text, length);
}

/* The check itself must be able to fail: xmllint accepts the network's
 * example and refuses it with a required element taken out. */
static void
test_harness_can_fail (void)
{
  g_autofree char *why = validation_unavailable ();
  g_autoptr(GBytes) example = NULL;
  g_autoptr(GBytes) broken = NULL;
  g_autofree char *broken_text = NULL;

  if (why != NULL)
    {
      g_test_skip (why);
      return;
    }

  example = load_network_example ();
  g_assert_nonnull (example);
  g_assert_true (xmllint_accepts (example, NULL));

  broken_text = replace_once (text_of (example), "<title>Calculus</title>", "");
  broken = bytes_of (broken_text);
  g_assert_false (xmllint_accepts (broken, NULL));
}

/* --- Export ---------------------------------------------------------------- */

/* Export, import into a new dossier, export again: the same bytes. */
static MdDossier *
assert_round_trip (MdDossier *dossier,
                   GBytes    *xml)
{
  MdDossier *imported = fresh_dossier_like (dossier);
  g_autoptr(GBytes) again = NULL;

  import_or_fail (imported, xml);
  again = export_or_fail (imported);
  if (!g_bytes_equal (xml, again))
    {
      g_test_message ("first export:\n%s\nafter a round trip:\n%s", text_of (xml), text_of (again));
      g_test_fail ();
    }

  return imported;
}

/* Exports @dossier, filling from fill-values.json each field the export
 * names as missing or invalid, until it succeeds. Returns the paths it
 * had to fill, in order. */
static GPtrArray *
fill_until_exportable (MdDossier *dossier)
{
  g_autoptr(JsonNode) fill = load_fixture ("fill-values.json");
  GPtrArray *filled = g_ptr_array_new_with_free_func (g_free);

  for (guint attempt = 0; attempt < 64; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) set_error = NULL;
      g_autoptr(GBytes) xml = md_ewp_export_agreement (dossier, &error);
      g_autofree char *path = NULL;
      g_autofree char *normal = NULL;
      JsonNode *value;

      if (xml != NULL)
        return filled;

      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_error_matches (error, MD_EWP_ERROR, MD_EWP_ERROR_MISSING_VALUE) ||
                     g_error_matches (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_VALUE));
      path = path_in_message (error->message);
      g_assert_nonnull (path);
      g_assert_true (md_field_path_is_valid (path));
      /* Filling a named field must move the export on. */
      g_assert_false (g_ptr_array_find_with_equal_func (filled, path, g_str_equal, NULL));

      normal = md_field_path_normalize (path);
      value = json_object_get_member (json_node_get_object (fill), normal);
      if (value == NULL)
        g_error ("the export asks for “%s”, which fill-values.json does not have", path);

      md_dossier_set_value (dossier, path, json_node_copy (value), &set_error);
      g_assert_no_error (set_error);
      g_ptr_array_add (filled, g_steal_pointer (&path));
    }

  g_assert_not_reached ();
}

static gboolean
has_path (GPtrArray  *paths,
          const char *path)
{
  return g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL);
}

/* No sample carries the EWP identifiers, contacts or signatures, so
 * each is refused first by a field path; once those are filled, each
 * validates and survives a round trip. Unsigned by the receiving
 * institution, each goes out as a proposal of the first version. */
static void
test_export_samples (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint exported = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(MdDossier) dossier = NULL;
      g_autoptr(MdDossier) imported = NULL;
      g_autoptr(GPtrArray) filled = NULL;
      g_autoptr(GBytes) xml = NULL;

      if (!g_str_has_suffix (name, ".dossier.json"))
        continue;
      dossier = md_test_load_sample (name);
      if (md_dossier_get_length (dossier, "learning_agreement.table_a") == 0)
        continue;

      g_test_message ("sample %s", name);
      filled = fill_until_exportable (dossier);
      g_assert_cmpuint (filled->len, >, 0);
      g_assert_true (has_path (filled, "applicant.home_institution.hei_id"));
      g_assert_true (has_path (filled, "learning_agreement.signatures.student.timestamp"));
      g_assert_true (has_path (filled, "learning_agreement.signatures.sending.name"));

      xml = export_or_fail (dossier);
      g_assert_null (strstr (text_of (xml), "<first-version>"));
      g_assert_nonnull (strstr (text_of (xml), "<changes-proposal id=\""));
      assert_schema_valid (xml);
      imported = assert_round_trip (dossier, xml);
      exported++;
    }

  g_assert_cmpuint (exported, >=, 5);
}

/* Each of @snippets occurs in @text, in this order. */
static void
assert_in_order (const char         *text,
                 const char * const *snippets)
{
  const char *at = text;

  for (guint i = 0; snippets[i] != NULL; i++)
    {
      const char *found = strstr (at, snippets[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order in:\n%s", snippets[i], text);
      at = found + strlen (snippets[i]);
    }
}

static void
test_export_agreed_with_changes (void)
{
  g_autoptr(MdDossier) dossier = complete_dossier ();
  g_autoptr(MdDossier) imported = NULL;
  g_autoptr(GBytes) xml = export_or_fail (dossier);
  const char * const expected[] = {
    "<omobility-id>6ba17aea-e149-4df0-bfca-9ca645070a88</omobility-id>",
    "<sending-hei>", "<hei-id>itg.be</hei-id>", "<family-name>Van den Broeck</family-name>",
    "<receiving-hei>", "<hei-id>uni-heidelberg.de</hei-id>",
    "<receiving-academic-year-id>2025/2026</receiving-academic-year-id>",
    "<given-names>Lotte</given-names>", "<birth-date>1998-03-12</birth-date>", "<citizenship>BE</citizenship>",
    "<start-date>2026-05-04</start-date>", "<end-date>2026-07-24</end-date>",
    "<eqf-level-studied-at-departure>7</eqf-level-studied-at-departure>", "<isced-f-code>0912</isced-f-code>",
    "<language>en</language>", "<cefr-level>C1</cefr-level>",
    "<first-version>", "<components-studied>", "<los-code>GH-CCH</los-code>",
    "<trm:term-number>2</trm:term-number>", "<trm:total-terms>2</trm:total-terms>",
    "<scheme>ects</scheme>", "<value>6</value>",
    "<components-recognized>", "<value>6.0</value>",
    "<virtual-components>", "<value>1.5</value>",
    "<student-signature>", "<timestamp>2026-02-20T16:00:00Z</timestamp>",
    "<sending-hei-signature>", "<signer-name>Els Van den Broeck</signer-name>",
    "<receiving-hei-signature>", "<signer-app>Heidelberg Mobility Online</signer-app>", "</first-version>",
    "<approved-changes>", "<component status=\"inserted\" reason-code=\"extending-mobility\">",
    "<los-code>GH-SPA</los-code>", "<components-recognized>", "<los-code>MTM-ELEC3</los-code>",
    "<receiving-hei-signature>", "</approved-changes>",
    "<changes-proposal id=\"c2\">",
    "<component status=\"deleted\" reason-code=\"timetable-conflict\">",
    "<component status=\"inserted\" reason-code=\"substituting-deleted\">",
    "<title>Vector Ecology &amp; Control</title>",
    "<component status=\"inserted\" reason-text=\"Offered &quot;online&quot; &lt;only&gt; this year &amp; next&#10;second line&#9;tab\">",
    "<sending-hei-signature>", "</changes-proposal>",
    NULL
  };

  assert_in_order (text_of (xml), expected);
  /* The student signs without name or position; a proposal need not be
   * signed by the receiving institution. */
  g_assert_null (strstr (text_of (xml), "<signer-name>Lotte"));
  g_assert_null (strstr (strstr (text_of (xml), "<changes-proposal"), "<receiving-hei-signature>"));
  assert_schema_valid (xml);

  imported = assert_round_trip (dossier, xml);
  assert_same_json (md_dossier_lookup (dossier, "learning_agreement"),
                    md_dossier_lookup (imported, "learning_agreement"));
  g_assert_cmpint (json_node_get_value_type (md_dossier_lookup (imported, "learning_agreement.table_b[1].ects")),
                   ==, G_TYPE_DOUBLE);
  g_assert_cmpint (json_node_get_value_type (md_dossier_lookup (imported, "learning_agreement.table_a[0].ects")),
                   ==, G_TYPE_INT64);
  g_assert_cmpstr (md_dossier_get_string (imported, "applicant.given_name"), ==, "Lotte");
  g_assert_cmpstr (md_dossier_get_string (imported, "mobility.start_date"), ==, "2026-05-04");
  g_assert_cmpint (md_dossier_get_int (imported, "applicant.study_cycle", 0), ==, 7);
}

static gboolean
is_sha256 (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;

  return length == 64;
}

static char *
proposal_id (GBytes *xml)
{
  const char *start = strstr (text_of (xml), "<changes-proposal id=\"");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("<changes-proposal id=\"");
  end = strchr (start, '"');
  return g_strndup (start, end - start);
}

/* Before the receiving institution signs, the tables go out as the
 * proposal of a first version, whose id follows its content. */
static void
test_export_unsigned_proposal (void)
{
  g_autoptr(MdDossier) dossier = complete_dossier ();
  g_autoptr(MdDossier) imported = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *edited_id = NULL;
  JsonObject *agreement = json_node_get_object (md_dossier_lookup (dossier, "learning_agreement"));

  json_object_remove_member (json_node_get_object (md_dossier_lookup (dossier, "learning_agreement.signatures")),
                             "receiving");
  g_assert_null (md_ewp_export_agreement (dossier, &error));
  g_assert_error (error, MD_EWP_ERROR, MD_EWP_ERROR_MISSING_VALUE);
  g_assert_nonnull (strstr (error->message, "“learning_agreement.signatures.receiving.timestamp”"));

  json_object_remove_member (agreement, "changes");
  xml = export_or_fail (dossier);
  g_assert_null (strstr (text_of (xml), "<first-version>"));
  id = proposal_id (xml);
  g_assert_true (is_sha256 (id, strlen (id)));
  assert_schema_valid (xml);

  same = export_or_fail (dossier);
  g_assert_true (g_bytes_equal (xml, same));
  md_dossier_set_string (dossier, "learning_agreement.table_a[0].title", "Climate and Health", NULL);
  edited = export_or_fail (dossier);
  edited_id = proposal_id (edited);
  g_assert_cmpstr (id, !=, edited_id);

  imported = assert_round_trip (dossier, edited);
  assert_same_json (md_dossier_lookup (dossier, "learning_agreement"),
                    md_dossier_lookup (imported, "learning_agreement"));
}

/* A pending change without an id gets one from its content. */
static void
test_export_pending_without_id (void)
{
  g_autoptr(MdDossier) dossier = complete_dossier ();
  g_autoptr(MdDossier) imported = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *id = NULL;

  json_object_remove_member (json_node_get_object (md_dossier_lookup (dossier, "learning_agreement.changes[1]")), "id");
  xml = export_or_fail (dossier);
  id = proposal_id (xml);
  g_assert_true (is_sha256 (id, strlen (id)));
  assert_schema_valid (xml);

  imported = assert_round_trip (dossier, xml);
  g_assert_cmpstr (md_dossier_get_string (imported, "learning_agreement.changes[1].id"), ==, id);
}

static void
remove_value (MdDossier  *dossier,
              const char *path)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *parent = g_strndup (path, dot - path);
  JsonNode *node = md_dossier_lookup (dossier, parent);

  g_assert_nonnull (node);
  g_assert_true (json_object_has_member (json_node_get_object (node), dot + 1));
  json_object_remove_member (json_node_get_object (node), dot + 1);
}

/* Every value EWP requires, taken out of a dossier that exports, is
 * refused by its own field path; blank text counts as missing. */
static void
test_export_missing_values (void)
{
  static const char * const paths[] = {
    "applicant.home_institution.hei_id",
    "applicant.home_institution.contact_person.given_name",
    "applicant.home_institution.contact_person.email",
    "mobility.receiving_organisation.hei_id",
    "mobility.receiving_organisation.contact_person.family_name",
    "applicant.given_name",
    "applicant.family_name",
    "applicant.date_of_birth",
    "applicant.nationality",
    "applicant.email",
    "mobility.start_date",
    "mobility.end_date",
    "applicant.study_cycle",
    "applicant.field_of_education",
    "learning_agreement.language.code",
    "learning_agreement.language.cefr",
    "learning_agreement.table_a[0].title",
    "learning_agreement.table_b[1].term",
    "learning_agreement.signatures.student.timestamp",
    "learning_agreement.signatures.sending.name",
    "learning_agreement.signatures.sending.position",
    "learning_agreement.signatures.receiving.email",
    "learning_agreement.changes[0].components[1].table",
    "learning_agreement.changes[0].signatures.receiving.timestamp",
    "learning_agreement.changes[1].components[0].status",
    "learning_agreement.changes[1].signatures.sending.email",
  };
  g_autoptr(MdDossier) complete = complete_dossier ();
  g_autoptr(GBytes) control = export_or_fail (complete);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(MdDossier) dossier = copy_dossier (complete);
      g_autoptr(GError) error = NULL;
      g_autofree char *named = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_test_message ("without %s", paths[i]);
      remove_value (dossier, paths[i]);
      before = md_bundle_compute_digest (md_dossier_get_root (dossier));
      g_assert_null (md_ewp_export_agreement (dossier, &error));
      g_assert_error (error, MD_EWP_ERROR, MD_EWP_ERROR_MISSING_VALUE);
      named = path_in_message (error->message);
      g_assert_cmpstr (named, ==, paths[i]);
      /* Exporting only reads. */
      after = md_bundle_compute_digest (md_dossier_get_root (dossier));
      g_assert_cmpstr (before, ==, after);
    }

  /* Blank is as good as missing. */
  {
    g_autoptr(MdDossier) dossier = copy_dossier (complete);
    g_autoptr(GError) error = NULL;

    md_dossier_set_string (dossier, "applicant.email", "  ", NULL);
    g_assert_null (md_ewp_export_agreement (dossier, &error));
    g_assert_error (error, MD_EWP_ERROR, MD_EWP_ERROR_MISSING_VALUE);
    g_assert_nonnull (strstr (error->message, "“applicant.email”"));
  }
}

typedef struct
{
  const char *path;
  const char *json;
  int         code;
  const char *named;   /* the field path the message names */
} BadValue;

/* Values that would make the document invalid, or that EWP cannot
 * express, are refused by the field path to correct. */
static void
test_export_invalid_values (void)
{
  static const BadValue cases[] = {
    { "applicant.date_of_birth", "\"12/03/1998\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "applicant.nationality", "\"be\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "applicant.email", "\"lotte at example.org\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "applicant.home_institution.contact_person.email", "\"els\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "mobility.start_date", "\"spring 2026\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "mobility.end_date", "\"2026-02-30\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "mobility.omobility_id", "\"has a space\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "applicant.study_cycle", "9", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.language.code", "\"German\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.language.cefr", "\"B3\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.table_a[0].term", "\"segundo semestre\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.table_a[1].title", "\"Bell\\u0007\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.signatures.sending.timestamp", "\"yesterday\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.signatures.student.timestamp", "\"2026-02-20 16:00:00\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.changes[1].components[0].status", "\"moved\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.changes[1].components[0].reason_code", "4", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.changes[1].components[1].reason_code", "2", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.changes[1].components[0].reason_code", "12", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.changes[0].components[0].table", "\"d\"", MD_EWP_ERROR_INVALID_VALUE, NULL },
    { "learning_agreement.changes[0].approved", "false", MD_EWP_ERROR_UNSUPPORTED, "learning_agreement.changes[1]" },
  };
  g_autoptr(MdDossier) complete = complete_dossier ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MdDossier) dossier = copy_dossier (complete);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) set_error = NULL;
      g_autofree char *named = NULL;

      g_test_message ("%s = %s", cases[i].path, cases[i].json);
      md_dossier_set_value (dossier, cases[i].path, json_from_string (cases[i].json, NULL), &set_error);
      g_assert_no_error (set_error);
      g_assert_null (md_ewp_export_agreement (dossier, &error));
      g_assert_error (error, MD_EWP_ERROR, cases[i].code);
      named = path_in_message (error->message);
      g_assert_cmpstr (named, ==, cases[i].named ? cases[i].named : cases[i].path);
    }
}

/* --- Import ---------------------------------------------------------------- */

static void
assert_string_at (MdDossier  *dossier,
                  const char *path,
                  const char *expected)
{
  g_assert_cmpstr (md_dossier_get_string (dossier, path), ==, expected);
}

/* The network's own example fills the dossier and exports again. */
static void
test_import_network_example (void)
{
  g_autoptr(GBytes) example = load_network_example ();
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(MdDossier) again = NULL;
  g_autoptr(GBytes) xml = NULL;

  if (example == NULL)
    {
      g_autofree char *dir = schema_dir ();

      g_autofree char *why = g_strdup_printf ("the network's example is not in %s (set MD_EWP_SCHEMA_DIR)", dir);

      g_test_skip (why);
      return;
    }

  import_or_fail (dossier, example);
  assert_string_at (dossier, "mobility.omobility_id", "c442c289-5541-4cae-9edb-8ad83e133613");
  assert_string_at (dossier, "applicant.home_institution.hei_id", "uio.no");
  assert_string_at (dossier, "applicant.home_institution.contact_person.family_name", "Bardal");
  assert_string_at (dossier, "mobility.receiving_organisation.hei_id", "uw.edu.pl");
  assert_string_at (dossier, "mobility.receiving_organisation.contact_person.given_name", "Paweł Tomasz");
  assert_string_at (dossier, "applicant.given_name", "Ivan Petrovich");
  assert_string_at (dossier, "applicant.family_name", "Sidorov");
  assert_string_at (dossier, "applicant.date_of_birth", "1997-05-05");
  assert_string_at (dossier, "applicant.nationality", "NO");
  assert_string_at (dossier, "applicant.email", "ivan@example.com");
  assert_string_at (dossier, "mobility.start_date", "2019-02");
  assert_string_at (dossier, "mobility.end_date", "2019-06");
  g_assert_cmpint (md_dossier_get_int (dossier, "applicant.study_cycle", 0), ==, 8);
  assert_string_at (dossier, "applicant.field_of_education", "0541");

  assert_string_at (dossier, "learning_agreement.language.code", "en");
  assert_string_at (dossier, "learning_agreement.language.cefr", "B2");
  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.table_a"), ==, 1);
  assert_string_at (dossier, "learning_agreement.table_a[0].title", "Introductory calculus");
  assert_string_at (dossier, "learning_agreement.table_a[0].term", "semester 2");
  g_assert_cmpint (md_dossier_get_int (dossier, "learning_agreement.table_a[0].ects", 0), ==, 9);
  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.table_b"), ==, 2);
  assert_string_at (dossier, "learning_agreement.table_b[1].title", "Algebra with Geometry");
  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.table_c"), ==, 0);
  assert_string_at (dossier, "learning_agreement.signatures.student.timestamp", "2018-11-12T11:13:45Z");
  assert_string_at (dossier, "learning_agreement.signatures.student.application", "Dashboard");
  assert_string_at (dossier, "learning_agreement.signatures.receiving.name", "Paweł Tomasz Kowalski");

  g_assert_cmpuint (md_dossier_get_length (dossier, "learning_agreement.changes"), ==, 2);
  g_assert_true (md_dossier_get_boolean (dossier, "learning_agreement.changes[0].approved"));
  assert_string_at (dossier, "learning_agreement.changes[0].components[0].code", "KR502B");
  assert_string_at (dossier, "learning_agreement.changes[0].components[0].table", "a");
  g_assert_cmpint (md_dossier_get_int (dossier, "learning_agreement.changes[0].components[0].reason_code", 0), ==, 5);
  assert_string_at (dossier, "learning_agreement.changes[0].signatures.receiving.timestamp", "2019-03-03T10:54:00Z");
  g_assert_false (md_dossier_get_boolean (dossier, "learning_agreement.changes[1].approved"));
  assert_string_at (dossier, "learning_agreement.changes[1].id", "59B15BAF222F868493C167125FA32452E946");
  assert_string_at (dossier, "learning_agreement.changes[1].components[1].status", "deleted");
  g_assert_cmpint (md_dossier_get_int (dossier, "learning_agreement.changes[1].components[1].reason_code", 0), ==, 2);
  g_assert_null (md_dossier_lookup (dossier, "learning_agreement.changes[1].signatures.receiving"));

  xml = export_or_fail (dossier);
  g_assert_nonnull (strstr (text_of (xml), "<changes-proposal id=\"59B15BAF222F868493C167125FA32452E946\">"));
  g_assert_nonnull (strstr (text_of (xml), "<start-year-month>2019-02</start-year-month>"));
  g_assert_nonnull (strstr (text_of (xml), "<receiving-academic-year-id>2018/2019</receiving-academic-year-id>"));
  assert_schema_valid (xml);
  again = assert_round_trip (dossier, xml);
  assert_same_json (md_dossier_lookup (dossier, "learning_agreement"),
                    md_dossier_lookup (again, "learning_agreement"));
}

typedef struct
{
  const char *name;
  char       *text;
  gsize       length;
  int         code;
  const char *mentions;   /* a part of the message, or NULL */
} Hostile;

static Hostile
hostile (const char *name,
         char       *text,
         int         code,
         const char *mentions)
{
  Hostile h = { name, text, strlen (text), code, mentions };

  return h;
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_sized_new (strlen (unit) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

#define ROOT_OPEN "<omobility-las-get-response xmlns=\"" MD_EWP_LA_NS "\" xmlns:trm=\"" MD_EWP_TERM_NS "\">"
#define ROOT_CLOSE "</omobility-las-get-response>"

/* The <la> element of @valid, with its indentation. */
static char *
agreement_element (const char *valid)
{
  const char *start = strstr (valid, "  <la>");
  const char *end = strstr (valid, "</la>\n");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end + strlen ("</la>\n") - start);
}

static GPtrArray *
make_hostile_documents (const char *valid)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *deep = repeat ("<la>", 10000);
  g_autofree char *many = repeat ("<x/>", 200000);
  g_autofree char *padding = repeat ("          ", MD_EWP_MAX_DOCUMENT_SIZE / 10 + 100);
  g_autofree char *la = agreement_element (valid);
  g_autofree char *late = replace_once (valid, "<changes-proposal id=\"c2\">", "<changes-proposal>");
  Hostile all[] = {
    hostile ("empty", g_strdup (""), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("not XML", g_strdup ("Dear coordinator, here is my agreement."), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("truncated", g_strndup (valid, strlen (valid) / 2), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("two top-level elements", g_strconcat (valid, "<extra/>", NULL), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("wrong root", g_strdup ("<learning-agreement xmlns=\"" MD_EWP_LA_NS "\"/>"), MD_EWP_ERROR_INVALID_DOCUMENT, "learning-agreement"),
    hostile ("wrong namespace", replace_once (valid, "xmlns=\"" MD_EWP_LA_NS "\"", "xmlns=\"urn:example\""), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("undeclared prefix", g_strdup ("<la:omobility-las-get-response/>"), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("entity expansion",
             g_strdup ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                       "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n" ROOT_OPEN "<la><omobility-id>&c;</omobility-id></la>" ROOT_CLOSE),
             MD_EWP_ERROR_UNSUPPORTED, "DTD"),
    hostile ("unknown entity", replace_once (valid, "<given-names>Lotte</given-names>", "<given-names>&lotte;</given-names>"),
             MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("control character", replace_once (valid, "<given-names>Lotte</given-names>", "<given-names>Lo&#1;tte</given-names>"),
             MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("not UTF-8", replace_once (valid, "<given-names>Lotte</given-names>", "<given-names>Lott\xe9</given-names>"),
             MD_EWP_ERROR_INVALID_DOCUMENT, "UTF-8"),
    hostile ("another encoding", replace_once (valid, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""),
             MD_EWP_ERROR_UNSUPPORTED, "UTF-8"),
    hostile ("too large", replace_once (valid, "<la>", padding), MD_EWP_ERROR_TOO_LARGE, NULL),
    hostile ("deep", g_strconcat (ROOT_OPEN, deep, NULL), MD_EWP_ERROR_INVALID_DOCUMENT, "deep"),
    hostile ("many elements", g_strconcat (ROOT_OPEN, many, ROOT_CLOSE, NULL), MD_EWP_ERROR_TOO_LARGE, NULL),
    hostile ("no agreement", g_strdup (ROOT_OPEN ROOT_CLOSE), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("two agreements", g_strconcat (ROOT_OPEN, la, la, ROOT_CLOSE, NULL), MD_EWP_ERROR_UNSUPPORTED, NULL),
    hostile ("no omobility-id", replace_once (valid, "<omobility-id>6ba17aea-e149-4df0-bfca-9ca645070a88</omobility-id>", ""),
             MD_EWP_ERROR_INVALID_DOCUMENT, "la/omobility-id"),
    hostile ("no title", replace_once (valid, "<title>Climate Change and Health</title>", ""),
             MD_EWP_ERROR_INVALID_DOCUMENT, "la/first-version/components-studied/component[1]/title"),
    hostile ("bad birth date", replace_once (valid, "<birth-date>1998-03-12</birth-date>", "<birth-date>12/03/1998</birth-date>"),
             MD_EWP_ERROR_INVALID_DOCUMENT, "la/student/birth-date"),
    hostile ("bad credits", replace_once (valid, "<value>6</value>", "<value>six</value>"), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("huge credits", replace_once (valid, "<value>6</value>", "<value>99999999999999999999</value>"), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("bad term", replace_once (valid, "<trm:total-terms>2</trm:total-terms>", "<trm:total-terms>0</trm:total-terms>"),
             MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("bad status", replace_once (valid, "status=\"deleted\"", "status=\"moved\""), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("bad timestamp", replace_once (valid, "2026-02-20T16:00:00Z", "yesterday"), MD_EWP_ERROR_INVALID_DOCUMENT, NULL),
    hostile ("blended components",
             replace_once (valid, "<student-signature>",
                           "<blended-mobility-components><component><title>Summer school</title></component></blended-mobility-components>\n<student-signature>"),
             MD_EWP_ERROR_UNSUPPORTED, NULL),
    /* Everything before the proposal reads well; nothing of it may stick. */
    hostile ("late problem", replace_once (late, "<given-names>Lotte</given-names>", "<given-names>Mallory</given-names>"),
             MD_EWP_ERROR_INVALID_DOCUMENT, "la/changes-proposal"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_ptr_array_add (cases, g_memdup2 (&all[i], sizeof all[i]));

  return cases;
}

static void
test_import_hostile (void)
{
  g_autoptr(MdDossier) dossier = complete_dossier ();
  g_autoptr(GBytes) valid = export_or_fail (dossier);
  g_autoptr(GPtrArray) cases = make_hostile_documents (text_of (valid));
  g_autofree char *digest = md_bundle_compute_digest (md_dossier_get_root (dossier));
  guint64 generation = md_dossier_get_generation (dossier);

  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *h = cases->pdata[i];
      g_autoptr(GBytes) xml = g_bytes_new_take (h->text, h->length);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", h->name);
      g_assert_false (md_ewp_import_agreement (dossier, xml, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_error (error, MD_EWP_ERROR, h->code);
      if (h->mentions != NULL)
        g_assert_nonnull (strstr (error->message, h->mentions));

      after = md_bundle_compute_digest (md_dossier_get_root (dossier));
      g_assert_cmpstr (digest, ==, after);
      g_assert_cmpuint (md_dossier_get_generation (dossier), ==, generation);
    }

  /* The dossier still imports a good document. */
  import_or_fail (dossier, valid);
}

/* --- Helpers shared by both directions -------------------------------------- */

static void
test_terms (void)
{
  static const struct { const char *text; guint number; guint total; } good[] = {
    { "semester 1", 1, 2 }, { "2026/2027 Semester 2", 2, 2 }, { "2026-2027  semestre 1", 1, 2 },
    { "2026 summer term", 2, 2 }, { "2026/2027 winter", 1, 2 }, { "Fall semester", 1, 2 },
    { "spring", 2, 2 }, { "trimester 3", 3, 3 }, { "quarter 4", 4, 4 }, { "term 3 of 5", 3, 5 },
    { "2/3", 2, 3 }, { "full year", 1, 1 }, { "2026 whole year", 1, 1 },
  };
  static const char * const bad[] = {
    "", "segundo semestre", "semester 3", "term 5 of 4", "quadrimestre 1", "summer school",
    "trimester 0", "1/10", "2026/2027", "semester 1 and 2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint number = 0;
      guint total = 0;

      g_test_message ("%s", good[i].text);
      g_assert_true (md_ewp_parse_term (good[i].text, &number, &total));
      g_assert_cmpuint (number, ==, good[i].number);
      g_assert_cmpuint (total, ==, good[i].total);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint number;
      guint total;

      g_test_message ("%s", bad[i]);
      g_assert_false (md_ewp_parse_term (bad[i], &number, &total));
    }

  /* What the import writes, the export reads back to the same term. */
  for (guint total = 1; total <= 9; total++)
    for (guint number = 1; number <= total; number++)
      {
        g_autofree char *text = md_ewp_format_term (number, total);
        guint n = 0;
        guint t = 0;

        g_assert_true (md_ewp_parse_term (text, &n, &t));
        g_assert_cmpuint (n, ==, number);
        g_assert_cmpuint (t, ==, total);
      }
}

static void
assert_decimal (JsonNode   *node,
                const char *expected)
{
  g_autofree char *text = md_ewp_format_decimal (node);
  g_autoptr(JsonNode) back = md_ewp_parse_decimal (text);

  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (back);
  g_assert_true (json_node_get_value_type (back) == json_node_get_value_type (node));
  g_assert_true (json_node_equal (back, node));
  json_node_unref (node);
}

static void
test_values (void)
{
  static const char * const not_decimal[] = { "", ".", "1e3", "six", "1,5", "--1", "0x10", "1000000000000000" };
  g_autofree char *year_autumn = md_ewp_academic_year_for ("2026-09-01");
  g_autofree char *year_spring = md_ewp_academic_year_for ("2026-05-04");
  g_autofree char *year_month = md_ewp_academic_year_for ("2019-02");
  g_autofree char *no_year = md_ewp_academic_year_for ("May 2026");
  g_autofree char *utc = md_ewp_utc_timestamp ("2018-11-12T13:13:45+02:00");

  assert_decimal (json_node_init_int (json_node_alloc (), 6), "6");
  assert_decimal (json_node_init_double (json_node_alloc (), 6.0), "6.0");
  assert_decimal (json_node_init_double (json_node_alloc (), 7.5), "7.5");
  assert_decimal (json_node_init_double (json_node_alloc (), 0.1), "0.1");
  assert_decimal (json_node_init_double (json_node_alloc (), 1.0 / 3.0), "0.3333333333333333");
  assert_decimal (json_node_init_double (json_node_alloc (), -2.25), "-2.25");
  for (guint i = 0; i < G_N_ELEMENTS (not_decimal); i++)
    g_assert_null (md_ewp_parse_decimal (not_decimal[i]));

  g_assert_cmpstr (year_autumn, ==, "2026/2027");
  g_assert_cmpstr (year_spring, ==, "2025/2026");
  g_assert_cmpstr (year_month, ==, "2018/2019");
  g_assert_null (no_year);
  g_assert_cmpstr (utc, ==, "2018-11-12T11:13:45Z");
  g_assert_false (md_ewp_is_timestamp ("2026-02-20T16:00:00"));
  g_assert_false (md_ewp_is_timestamp ("2026-02-30T16:00:00Z"));
  g_assert_cmpstr (md_ewp_reason_name (3), ==, "timetable-conflict");
  g_assert_null (md_ewp_reason_name (MD_EWP_REASON_OTHER));
  g_assert_cmpint (md_ewp_reason_code ("adding-virtual-component"), ==, 6);
  g_assert_cmpint (md_ewp_reason_code ("lost-in-the-mail"), ==, 0);
  g_assert_true (md_ewp_reason_fits_status (1, "deleted"));
  g_assert_false (md_ewp_reason_fits_status (1, "inserted"));
  g_assert_false (md_ewp_reason_fits_status (0, "inserted"));
}

/* --- Command line ---------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("MD_CLI");
  int wait_status;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
save_bundle (MdDossier  *dossier,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  md_bundle_save_file (dossier, file, NULL, &error);
  g_assert_no_error (error);
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-ewp-XXXXXX", NULL);
  g_autofree char *complete_path = g_build_filename (dir, "complete.dossier.json", NULL);
  g_autofree char *sample_path = g_build_filename (dir, "sample.dossier.json", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.dossier.json", NULL);
  g_autofree char *imported_path = g_build_filename (dir, "imported.dossier.json", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "agreement.xml", NULL);
  g_autofree char *junk_path = g_build_filename (dir, "junk.xml", NULL);
  g_autofree char *written = NULL;
  g_autofree char *empty_before = NULL;
  g_autofree char *empty_after = NULL;
  g_autoptr(MdDossier) complete = complete_dossier ();
  g_autoptr(MdDossier) sample = md_test_load_sample (KA131_SMS);
  g_autoptr(MdDossier) empty = fresh_dossier_like (complete);
  g_autoptr(MdDossier) imported = NULL;
  g_autoptr(GBytes) expected = export_or_fail (complete);
  g_autoptr(GFile) imported_file = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_nonnull (dir);
  save_bundle (complete, complete_path);
  save_bundle (sample, sample_path);
  save_bundle (empty, empty_path);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export-ewp", complete_path, "-o", xml_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (xml_path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, text_of (expected));
    g_assert_cmpint (g_stat (xml_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export-ewp", complete_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, text_of (expected));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export-ewp", sample_path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "applicant.home_institution.hei_id"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import-ewp", empty_path, xml_path, "-o", imported_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    imported_file = g_file_new_for_path (imported_path);
    imported = md_bundle_load_file (imported_file, NULL, &error);
    g_assert_no_error (error);
    assert_same_json (md_dossier_lookup (complete, "learning_agreement"),
                      md_dossier_lookup (imported, "learning_agreement"));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (junk_path, "<not-an-agreement/>", -1, NULL));
    g_assert_true (g_file_get_contents (empty_path, &empty_before, NULL, NULL));
    run_cli (&run, "import-ewp", empty_path, junk_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "junk.xml"));
    g_assert_true (g_file_get_contents (empty_path, &empty_after, NULL, NULL));
    g_assert_cmpstr (empty_before, ==, empty_after);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "import-ewp", empty_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  md_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ewp/schema/harness-can-fail", test_harness_can_fail);
  g_test_add_func ("/ewp/values/terms", test_terms);
  g_test_add_func ("/ewp/values/decimals-years-reasons", test_values);
  g_test_add_func ("/ewp/export/samples", test_export_samples);
  g_test_add_func ("/ewp/export/agreed-with-changes", test_export_agreed_with_changes);
  g_test_add_func ("/ewp/export/unsigned-proposal", test_export_unsigned_proposal);
  g_test_add_func ("/ewp/export/pending-without-id", test_export_pending_without_id);
  g_test_add_func ("/ewp/export/missing-values", test_export_missing_values);
  g_test_add_func ("/ewp/export/invalid-values", test_export_invalid_values);
  g_test_add_func ("/ewp/import/network-example", test_import_network_example);
  g_test_add_func ("/ewp/import/hostile", test_import_hostile);
  g_test_add_func ("/ewp/cli", test_cli);

  return g_test_run ();
}
