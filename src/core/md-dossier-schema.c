/* md-dossier-schema.c
 *
 * The members this version knows, with their types. Checking a loaded
 * tree against this table lets the loader name the exact field path of
 * a wrong type, and lets setters refuse a value of the wrong kind.
 * Members not in the table are kept as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "md-bundle.h"
#include "md-dossier-schema.h"
#include "md-field-path.h"

typedef struct
{
  const char  *path;
  MdValueType  type;
} SchemaEntry;

#define COMPONENT_LIST(list) \
  { list, MD_VALUE_ARRAY }, \
  { list "[]", MD_VALUE_OBJECT }, \
  { list "[].code", MD_VALUE_STRING }, \
  { list "[].title", MD_VALUE_STRING }, \
  { list "[].term", MD_VALUE_STRING }, \
  { list "[].ects", MD_VALUE_NUMBER }, \
  { list "[].status", MD_VALUE_STRING }, \
  { list "[].reason_code", MD_VALUE_INTEGER }, \
  { list "[].reason_text", MD_VALUE_STRING }

#define SIGNATURE(role) \
  { "learning_agreement.signatures." role, MD_VALUE_OBJECT }, \
  { "learning_agreement.signatures." role ".name", MD_VALUE_STRING }, \
  { "learning_agreement.signatures." role ".position", MD_VALUE_STRING }, \
  { "learning_agreement.signatures." role ".email", MD_VALUE_STRING }, \
  { "learning_agreement.signatures." role ".timestamp", MD_VALUE_STRING }, \
  { "learning_agreement.signatures." role ".application", MD_VALUE_STRING }

/* A change set is signed on its own (EWP approved-changes, changes-proposal). */
#define CHANGE_SIGNATURE(role) \
  { "learning_agreement.changes[].signatures." role, MD_VALUE_OBJECT }, \
  { "learning_agreement.changes[].signatures." role ".name", MD_VALUE_STRING }, \
  { "learning_agreement.changes[].signatures." role ".position", MD_VALUE_STRING }, \
  { "learning_agreement.changes[].signatures." role ".email", MD_VALUE_STRING }, \
  { "learning_agreement.changes[].signatures." role ".timestamp", MD_VALUE_STRING }, \
  { "learning_agreement.changes[].signatures." role ".application", MD_VALUE_STRING }

#define CONTACT_PERSON(institution) \
  { institution ".contact_person", MD_VALUE_OBJECT }, \
  { institution ".contact_person.given_name", MD_VALUE_STRING }, \
  { institution ".contact_person.family_name", MD_VALUE_STRING }, \
  { institution ".contact_person.email", MD_VALUE_STRING }

static const SchemaEntry schema_entries[] = {
  { "format", MD_VALUE_STRING },
  { "format_version", MD_VALUE_INTEGER },
  { "id", MD_VALUE_STRING },
  { "created", MD_VALUE_STRING },
  { "modified", MD_VALUE_STRING },
  { "programme", MD_VALUE_STRING },
  { "call", MD_VALUE_STRING },
  { "language", MD_VALUE_STRING },

  { "applicant", MD_VALUE_OBJECT },
  { "applicant.role", MD_VALUE_STRING },
  { "applicant.given_name", MD_VALUE_STRING },
  { "applicant.family_name", MD_VALUE_STRING },
  { "applicant.date_of_birth", MD_VALUE_STRING },
  { "applicant.nationality", MD_VALUE_STRING },
  { "applicant.citizenships", MD_VALUE_ARRAY },
  { "applicant.citizenships[]", MD_VALUE_STRING },
  { "applicant.email", MD_VALUE_STRING },
  { "applicant.phone", MD_VALUE_STRING },
  { "applicant.home_institution", MD_VALUE_OBJECT },
  { "applicant.home_institution.name", MD_VALUE_STRING },
  { "applicant.home_institution.erasmus_code", MD_VALUE_STRING },
  { "applicant.home_institution.country", MD_VALUE_STRING },
  { "applicant.home_institution.hei_id", MD_VALUE_STRING },
  CONTACT_PERSON ("applicant.home_institution"),
  { "applicant.degree_programme", MD_VALUE_STRING },
  { "applicant.study_cycle", MD_VALUE_INTEGER },
  { "applicant.field_of_education", MD_VALUE_STRING },
  { "applicant.year_of_study", MD_VALUE_INTEGER },
  { "applicant.position", MD_VALUE_STRING },
  { "applicant.department", MD_VALUE_STRING },
  { "applicant.fewer_opportunities", MD_VALUE_BOOLEAN },
  { "applicant.scholarship", MD_VALUE_BOOLEAN },
  { "applicant.iban", MD_VALUE_STRING },
  { "applicant.previous_mobility_months", MD_VALUE_NUMBER },
  { "applicant.one_cycle_programme", MD_VALUE_BOOLEAN },
  { "applicant.credits_obtained", MD_VALUE_NUMBER },
  { "applicant.gpa", MD_VALUE_NUMBER },

  { "mobility", MD_VALUE_OBJECT },
  { "mobility.activity", MD_VALUE_STRING },
  { "mobility.destination_country", MD_VALUE_STRING },
  { "mobility.receiving_organisation", MD_VALUE_OBJECT },
  { "mobility.receiving_organisation.name", MD_VALUE_STRING },
  { "mobility.receiving_organisation.erasmus_code", MD_VALUE_STRING },
  { "mobility.receiving_organisation.address", MD_VALUE_STRING },
  { "mobility.receiving_organisation.contact_name", MD_VALUE_STRING },
  { "mobility.receiving_organisation.contact_email", MD_VALUE_STRING },
  { "mobility.receiving_organisation.type", MD_VALUE_STRING },
  { "mobility.receiving_organisation.hei_id", MD_VALUE_STRING },
  CONTACT_PERSON ("mobility.receiving_organisation"),
  { "mobility.omobility_id", MD_VALUE_STRING },
  { "mobility.start_date", MD_VALUE_STRING },
  { "mobility.end_date", MD_VALUE_STRING },
  { "mobility.travel_mode", MD_VALUE_STRING },
  { "mobility.distance_band", MD_VALUE_INTEGER },
  { "mobility.distance_km", MD_VALUE_NUMBER },
  { "mobility.direction", MD_VALUE_STRING },
  { "mobility.group", MD_VALUE_BOOLEAN },
  { "mobility.pair_partner", MD_VALUE_OBJECT },
  { "mobility.pair_partner.name", MD_VALUE_STRING },
  { "mobility.pair_partner.email", MD_VALUE_STRING },
  { "mobility.pair_partner.institution", MD_VALUE_STRING },
  { "mobility.teaching_hours", MD_VALUE_NUMBER },

  { "motivation_letter", MD_VALUE_OBJECT },
  { "motivation_letter.text", MD_VALUE_STRING },

  { "study_plan", MD_VALUE_OBJECT },
  { "study_plan.objectives", MD_VALUE_STRING },
  { "study_plan.activities", MD_VALUE_STRING },
  { "study_plan.learning_outcomes", MD_VALUE_STRING },
  { "study_plan.traineeship", MD_VALUE_OBJECT },
  { "study_plan.traineeship.programme", MD_VALUE_STRING },
  { "study_plan.traineeship.hours_per_week", MD_VALUE_NUMBER },
  { "study_plan.traineeship.monitoring", MD_VALUE_STRING },
  { "study_plan.traineeship.evaluation", MD_VALUE_STRING },
  { "study_plan.traineeship.mentor", MD_VALUE_STRING },

  { "learning_agreement", MD_VALUE_OBJECT },
  COMPONENT_LIST ("learning_agreement.table_a"),
  COMPONENT_LIST ("learning_agreement.table_b"),
  COMPONENT_LIST ("learning_agreement.table_c"),
  { "learning_agreement.language", MD_VALUE_OBJECT },
  { "learning_agreement.language.code", MD_VALUE_STRING },
  { "learning_agreement.language.cefr", MD_VALUE_STRING },
  { "learning_agreement.changes", MD_VALUE_ARRAY },
  { "learning_agreement.changes[]", MD_VALUE_OBJECT },
  { "learning_agreement.changes[].id", MD_VALUE_STRING },
  { "learning_agreement.changes[].approved", MD_VALUE_BOOLEAN },
  COMPONENT_LIST ("learning_agreement.changes[].components"),
  { "learning_agreement.changes[].components[].table", MD_VALUE_STRING },
  { "learning_agreement.changes[].signatures", MD_VALUE_OBJECT },
  CHANGE_SIGNATURE ("student"),
  CHANGE_SIGNATURE ("sending"),
  CHANGE_SIGNATURE ("receiving"),
  { "learning_agreement.signatures", MD_VALUE_OBJECT },
  SIGNATURE ("student"),
  SIGNATURE ("sending"),
  SIGNATURE ("receiving"),

  { "attachments", MD_VALUE_ARRAY },
  { "attachments[]", MD_VALUE_OBJECT },
  { "attachments[].name", MD_VALUE_STRING },
  { "attachments[].kind", MD_VALUE_STRING },
  { "attachments[].media_type", MD_VALUE_STRING },
  { "attachments[].size", MD_VALUE_INTEGER },
  { "attachments[].sha256", MD_VALUE_STRING },
  { "attachments[].data", MD_VALUE_STRING },

  { "approvals", MD_VALUE_ARRAY },
  { "approvals[]", MD_VALUE_OBJECT },
  { "approvals[].role", MD_VALUE_STRING },
  { "approvals[].name", MD_VALUE_STRING },
  { "approvals[].timestamp", MD_VALUE_STRING },
  { "approvals[].agreement_digest", MD_VALUE_STRING },

  { "submissions", MD_VALUE_ARRAY },
  { "submissions[]", MD_VALUE_OBJECT },
  { "submissions[].endpoint", MD_VALUE_STRING },
  { "submissions[].timestamp", MD_VALUE_STRING },
  { "submissions[].receipt", MD_VALUE_OBJECT },

  { "integrity", MD_VALUE_OBJECT },
  { "integrity.algorithm", MD_VALUE_STRING },
  { "integrity.digest", MD_VALUE_STRING },
};

typedef struct
{
  const char *path;
  const char *label;
} FieldLabel;

/* Names of fields as the applicant sees them, for messages. */
static const FieldLabel field_labels[] = {
  { "applicant.role", N_("Applicant type") },
  { "applicant.given_name", N_("Given name") },
  { "applicant.family_name", N_("Family name") },
  { "applicant.date_of_birth", N_("Date of birth") },
  { "applicant.nationality", N_("Nationality") },
  { "applicant.email", N_("E-mail address") },
  { "applicant.phone", N_("Phone") },
  { "applicant.home_institution.name", N_("Home institution") },
  { "applicant.home_institution.erasmus_code", N_("Erasmus code of the home institution") },
  { "applicant.home_institution.country", N_("Country of the home institution") },
  { "applicant.home_institution.hei_id", N_("EWP identifier of the home institution") },
  { "applicant.home_institution.contact_person.given_name", N_("Given name of the home institution’s contact person") },
  { "applicant.home_institution.contact_person.family_name", N_("Family name of the home institution’s contact person") },
  { "applicant.home_institution.contact_person.email", N_("E-mail address of the home institution’s contact person") },
  { "applicant.degree_programme", N_("Degree programme") },
  { "applicant.study_cycle", N_("Study cycle") },
  { "applicant.field_of_education", N_("Field of education") },
  { "applicant.year_of_study", N_("Year of study") },
  { "applicant.position", N_("Position") },
  { "applicant.department", N_("Department") },
  { "applicant.iban", N_("IBAN") },
  { "applicant.credits_obtained", N_("Credits obtained so far") },
  { "applicant.gpa", N_("Grade point average") },
  { "mobility.activity", N_("Activity") },
  { "mobility.destination_country", N_("Destination country") },
  { "mobility.receiving_organisation.name", N_("Receiving organisation") },
  { "mobility.receiving_organisation.erasmus_code", N_("Erasmus code of the receiving institution") },
  { "mobility.receiving_organisation.address", N_("Address of the receiving organisation") },
  { "mobility.receiving_organisation.contact_name", N_("Contact person") },
  { "mobility.receiving_organisation.contact_email", N_("Contact e-mail address") },
  { "mobility.receiving_organisation.type", N_("Organisation type") },
  { "mobility.receiving_organisation.hei_id", N_("EWP identifier of the receiving institution") },
  { "mobility.receiving_organisation.contact_person.given_name", N_("Given name of the receiving institution’s contact person") },
  { "mobility.receiving_organisation.contact_person.family_name", N_("Family name of the receiving institution’s contact person") },
  { "mobility.receiving_organisation.contact_person.email", N_("E-mail address of the receiving institution’s contact person") },
  { "mobility.start_date", N_("Start date") },
  { "mobility.end_date", N_("End date") },
  { "mobility.travel_mode", N_("Travel mode") },
  { "mobility.distance_km", N_("Travel distance") },
  { "mobility.teaching_hours", N_("Teaching hours") },
  { "mobility.pair_partner.name", N_("Name of the partner student") },
  { "mobility.pair_partner.institution", N_("Institution of the partner student") },
  { "motivation_letter.text", N_("Motivation letter") },
  { "study_plan.objectives", N_("Objectives") },
  { "study_plan.activities", N_("Planned activities") },
  { "study_plan.learning_outcomes", N_("Expected learning outcomes") },
  { "study_plan.traineeship.programme", N_("Traineeship programme") },
  { "study_plan.traineeship.hours_per_week", N_("Hours per week") },
  { "study_plan.traineeship.monitoring", N_("Monitoring plan") },
  { "study_plan.traineeship.evaluation", N_("Evaluation plan") },
  { "study_plan.traineeship.mentor", N_("Mentor") },
  { "learning_agreement.language.code", N_("Language of instruction") },
  { "learning_agreement.language.cefr", N_("Language level") },
  { "learning_agreement.table_a[].code", N_("Component code") },
  { "learning_agreement.table_a[].title", N_("Component title") },
  { "learning_agreement.table_a[].ects", N_("ECTS credits") },
  { "learning_agreement.table_b[].title", N_("Component title") },
  { "learning_agreement.table_b[].ects", N_("ECTS credits") },
  { "learning_agreement.table_c[].title", N_("Component title") },
  { "learning_agreement.table_c[].ects", N_("ECTS credits") },
};

/**
 * md_dossier_schema_label_of:
 * @path: a field path
 *
 * Returns: the translated name of the field, or @path itself when the
 *   field has no name of its own.
 */
const char *
md_dossier_schema_label_of (const char *path)
{
  g_autofree char *normal = md_field_path_normalize (path);

  for (guint i = 0; normal != NULL && i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].path, normal))
      return _(field_labels[i].label);

  return path;
}

static const char * const required_members[] = {
  "format", "format_version", "id", "created", "modified", "programme", NULL
};

static GHashTable *
schema_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *built = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (schema_entries); i++)
        g_hash_table_insert (built, (gpointer) schema_entries[i].path,
                             GINT_TO_POINTER (schema_entries[i].type));
      g_once_init_leave (&table, built);
    }

  return table;
}

/**
 * md_dossier_schema_type_of:
 * @path: a field path, with or without indices
 *
 * Returns: the type this version expects at @path, or %MD_VALUE_ANY for
 *   a member it does not know.
 */
MdValueType
md_dossier_schema_type_of (const char *path)
{
  g_autofree char *normal = md_field_path_normalize (path);

  if (normal == NULL)
    return MD_VALUE_ANY;

  return GPOINTER_TO_INT (g_hash_table_lookup (schema_table (), normal));
}

const char * const *
md_dossier_schema_required_members (void)
{
  return required_members;
}

const char *
md_value_type_describe (MdValueType type)
{
  switch (type)
    {
    case MD_VALUE_OBJECT:  return _("a group of fields");
    case MD_VALUE_ARRAY:   return _("a list");
    case MD_VALUE_STRING:  return _("text");
    case MD_VALUE_INTEGER: return _("a whole number");
    case MD_VALUE_NUMBER:  return _("a number");
    case MD_VALUE_BOOLEAN: return _("yes or no");
    case MD_VALUE_ANY:
    default:               return _("any value");
    }
}

const char *
md_json_node_describe (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return md_value_type_describe (MD_VALUE_OBJECT);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return md_value_type_describe (MD_VALUE_ARRAY);

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:  return md_value_type_describe (MD_VALUE_STRING);
    case G_TYPE_INT64:   return md_value_type_describe (MD_VALUE_INTEGER);
    case G_TYPE_DOUBLE:  return md_value_type_describe (MD_VALUE_NUMBER);
    case G_TYPE_BOOLEAN: return md_value_type_describe (MD_VALUE_BOOLEAN);
    default:             return md_value_type_describe (MD_VALUE_ANY);
    }
}

gboolean
md_dossier_schema_node_matches (MdValueType  type,
                                JsonNode    *node)
{
  GType value_type;

  switch (type)
    {
    case MD_VALUE_ANY:    return TRUE;
    case MD_VALUE_OBJECT: return JSON_NODE_HOLDS_OBJECT (node);
    case MD_VALUE_ARRAY:  return JSON_NODE_HOLDS_ARRAY (node);
    default:              break;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  value_type = json_node_get_value_type (node);
  switch (type)
    {
    case MD_VALUE_STRING:  return value_type == G_TYPE_STRING;
    case MD_VALUE_INTEGER: return value_type == G_TYPE_INT64;
    case MD_VALUE_NUMBER:  return value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
    case MD_VALUE_BOOLEAN: return value_type == G_TYPE_BOOLEAN;
    default:               return FALSE;
    }
}

/* The walk keeps the path with indices, for messages, and the same
 * path with "[]" for the table lookup, so no node costs a parse. The
 * normalised path is dropped (NULL) below a member name that is not a
 * plain field path step; those nodes take the slow, exact way. */
static gboolean check_node (JsonNode *node, GString *path, GString *normal, GError **error);

static gboolean
is_plain_name (const char *name)
{
  const char *p = name;

  while (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_')
    p++;

  return p != name && *p == '\0';
}

static gboolean
check_members (JsonObject  *object,
               GString     *path,
               GString     *normal,
               GError     **error)
{
  gsize path_len = path->len;
  gsize normal_len = normal ? normal->len : 0;
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &child))
    {
      gboolean plain = normal != NULL && is_plain_name (name);

      if (path_len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
      if (plain)
        {
          if (normal_len > 0)
            g_string_append_c (normal, '.');
          g_string_append (normal, name);
        }
      if (!check_node (child, path, plain ? normal : NULL, error))
        return FALSE;
      g_string_truncate (path, path_len);
      if (normal != NULL)
        g_string_truncate (normal, normal_len);
    }

  return TRUE;
}

static gboolean
check_elements (JsonArray  *array,
                GString    *path,
                GString    *normal,
                GError    **error)
{
  gsize path_len = path->len;
  guint n = json_array_get_length (array);

  /* "a[1][2]" and indices past six digits are not field paths. */
  if (normal != NULL && (path->str[path_len - 1] == ']' || n > 1000000))
    normal = NULL;
  if (normal != NULL)
    g_string_append (normal, "[]");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (path, "[%u]", i);
      if (!check_node (json_array_get_element (array, i), path, normal, error))
        return FALSE;
      g_string_truncate (path, path_len);
    }

  if (normal != NULL)
    g_string_truncate (normal, normal->len - 2);

  return TRUE;
}

static gboolean
check_children (JsonNode  *node,
                GString   *path,
                GString   *normal,
                GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return check_members (json_node_get_object (node), path, normal, error);

  if (JSON_NODE_HOLDS_ARRAY (node))
    return check_elements (json_node_get_array (node), path, normal, error);

  return TRUE;
}

/* json-glib 1.6 writes very large doubles in a form it cannot read
 * back ("1e+22.0"); refusing them keeps every loaded bundle savable. */
static gboolean
number_is_representable (JsonNode *node)
{
  double value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return TRUE;

  value = json_node_get_double (node);
  return isfinite (value) && fabs (value) < MD_DOSSIER_MAX_NUMBER;
}

static gboolean
check_node (JsonNode  *node,
            GString   *path,
            GString   *normal,
            GError   **error)
{
  MdValueType expected;

  if (normal != NULL)
    expected = GPOINTER_TO_INT (g_hash_table_lookup (schema_table (), normal->str));
  else
    expected = md_dossier_schema_type_of (path->str);

  if (!number_is_representable (node))
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE,
                   _("The number at “%s” is out of range."), path->str);
      return FALSE;
    }

  if (!md_dossier_schema_node_matches (expected, node))
    {
      g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_TYPE,
                   _("The field “%s” should be %s but is %s."),
                   path->str, md_value_type_describe (expected),
                   md_json_node_describe (node));
      return FALSE;
    }

  /* Unknown members are not type-checked (nothing in them is in the
   * table), but their numbers must still survive a save. */
  return check_children (node, path, normal, error);
}

/**
 * md_dossier_schema_check:
 * @root: a parsed bundle
 * @error: return location for a #GError
 *
 * Checks that every required member is present and that every known
 * member has its expected type.
 */
gboolean
md_dossier_schema_check (JsonNode  *root,
                         GError   **error)
{
  g_autoptr(GString) path = g_string_sized_new (128);
  g_autoptr(GString) normal = g_string_sized_new (128);
  JsonObject *object = json_node_get_object (root);

  for (guint i = 0; required_members[i] != NULL; i++)
    {
      if (!json_object_has_member (object, required_members[i]))
        {
          g_set_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_MISSING_MEMBER,
                       _("The required field “%s” is missing."), required_members[i]);
          return FALSE;
        }
    }

  return check_children (root, path, normal, error);
}
