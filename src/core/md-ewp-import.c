/* md-ewp-import.c
 *
 * Reads an EWP omobility-las get-response back into a dossier: the
 * learning agreement replaces the dossier's, and the student, the two
 * institutions and the mobility period fill the fields the export
 * takes them from. The document comes from elsewhere, so it is read in
 * full and checked before anything changes: on any problem the dossier
 * stays as it was. What the export writes, this reads back to the same
 * values, so a round trip gives the same document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-ewp-private.h"
#include "md-formats.h"

/* The values to store, by field path, once the whole document is read. */
typedef struct
{
  GPtrArray *paths;
  GPtrArray *values;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->paths, g_ptr_array_unref);
  g_clear_pointer (&plan->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static void
plan_add (Plan       *plan,
          const char *path,
          JsonNode   *value)
{
  g_ptr_array_add (plan->paths, g_strdup (path));
  g_ptr_array_add (plan->values, value);
}

static void
plan_add_string (Plan       *plan,
                 const char *path,
                 const char *value)
{
  plan_add (plan, path, json_node_init_string (json_node_alloc (), value));
}

/* Copies the text of @name, when there is one, to @path. */
static void
plan_optional (Plan       *plan,
               MdEwpNode  *parent,
               const char *name,
               const char *path)
{
  const char *text = md_ewp_node_child_text (parent, MD_EWP_LA_NS, name);

  if (text != NULL)
    plan_add_string (plan, path, text);
}

static gboolean
plan_required (Plan        *plan,
               MdEwpNode   *parent,
               const char  *where,
               const char  *name,
               const char  *path,
               GError     **error)
{
  const char *text = md_ewp_node_require_text (parent, where, name, error);

  if (text == NULL)
    return FALSE;

  plan_add_string (plan, path, text);
  return TRUE;
}

static gboolean
plan_institution (Plan        *plan,
                  MdEwpNode   *la,
                  const char  *element,
                  const char  *base,
                  GError     **error)
{
  g_autofree char *where = g_strconcat ("la/", element, NULL);
  g_autofree char *contact_where = g_strconcat (where, "/contact-person", NULL);
  g_autofree char *hei_id = g_strconcat (base, ".hei_id", NULL);
  g_autofree char *given = g_strconcat (base, ".contact_person.given_name", NULL);
  g_autofree char *family = g_strconcat (base, ".contact_person.family_name", NULL);
  g_autofree char *email = g_strconcat (base, ".contact_person.email", NULL);
  MdEwpNode *institution = md_ewp_node_require_child (la, "la", element, error);
  MdEwpNode *contact;

  if (institution == NULL ||
      !plan_required (plan, institution, where, "hei-id", hei_id, error) ||
      (contact = md_ewp_node_require_child (institution, where, "contact-person", error)) == NULL)
    return FALSE;

  return plan_required (plan, contact, contact_where, "given-names", given, error) &&
         plan_required (plan, contact, contact_where, "family-name", family, error) &&
         plan_required (plan, contact, contact_where, "email", email, error);
}

static gboolean
plan_student (Plan       *plan,
              MdEwpNode  *la,
              GError    **error)
{
  MdEwpNode *student = md_ewp_node_require_child (la, "la", "student", error);
  const char *birth_date;
  const char *citizenship;

  if (student == NULL)
    return FALSE;

  birth_date = md_ewp_node_child_text (student, MD_EWP_LA_NS, "birth-date");
  if (birth_date != NULL && !md_format_parse_date (birth_date, NULL))
    return md_ewp_set_bad_element (error, "la/student/birth-date", _("a date written YYYY-MM-DD"));

  citizenship = md_ewp_node_child_text (student, MD_EWP_LA_NS, "citizenship");
  if (citizenship != NULL && !g_regex_match_simple ("^[A-Z]{2}$", citizenship, 0, 0))
    return md_ewp_set_bad_element (error, "la/student/citizenship", _("a two-letter country code"));

  plan_optional (plan, student, "given-names", "applicant.given_name");
  plan_optional (plan, student, "family-name", "applicant.family_name");
  plan_optional (plan, student, "birth-date", "applicant.date_of_birth");
  plan_optional (plan, student, "citizenship", "applicant.nationality");
  plan_optional (plan, student, "email", "applicant.email");
  return TRUE;
}

/* A day when the document gives one, otherwise only the month: the
 * dossier keeps what it was told rather than inventing a day. */
static gboolean
plan_period_end (Plan        *plan,
                 MdEwpNode   *la,
                 const char  *date_element,
                 const char  *month_element,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *where = g_strconcat ("la/", date_element, NULL);
  const char *date = md_ewp_node_child_text (la, MD_EWP_LA_NS, date_element);
  const char *month = md_ewp_node_child_text (la, MD_EWP_LA_NS, month_element);

  if (date != NULL && !md_format_parse_date (date, NULL))
    return md_ewp_set_bad_element (error, where, _("a date written YYYY-MM-DD"));
  if (date == NULL && month != NULL && !md_ewp_is_year_month (month))
    return md_ewp_set_bad_element (error, where, _("a month written YYYY-MM"));
  if (date == NULL && month == NULL)
    return md_ewp_set_missing_element (error, where);

  plan_add_string (plan, path, date ? date : month);
  return TRUE;
}

static gboolean
plan_study (Plan       *plan,
            MdEwpNode  *la,
            GError    **error)
{
  const char *eqf = md_ewp_node_require_text (la, "la", "eqf-level-studied-at-departure", error);
  guint64 level;

  if (eqf == NULL)
    return FALSE;
  if (!md_ewp_parse_whole_number (eqf, 1, 8, &level))
    return md_ewp_set_bad_element (error, "la/eqf-level-studied-at-departure", _("an EQF level from 1 to 8"));

  plan_add (plan, "applicant.study_cycle", json_node_init_int (json_node_alloc (), (gint64) level));
  return plan_required (plan, la, "la", "isced-f-code", "applicant.field_of_education", error);
}

static gboolean
plan_mobility (Plan       *plan,
               MdEwpNode  *la,
               GError    **error)
{
  return plan_required (plan, la, "la", "omobility-id", "mobility.omobility_id", error) &&
         plan_institution (plan, la, "sending-hei", "applicant.home_institution", error) &&
         plan_institution (plan, la, "receiving-hei", "mobility.receiving_organisation", error) &&
         plan_student (plan, la, error) &&
         plan_period_end (plan, la, "start-date", "start-year-month", "mobility.start_date", error) &&
         plan_period_end (plan, la, "end-date", "end-year-month", "mobility.end_date", error) &&
         plan_study (plan, la, error);
}

static MdEwpNode *
find_agreement (MdEwpNode  *root,
                GError    **error)
{
  guint n;

  if (!g_str_equal (md_ewp_node_get_name (root), "omobility-las-get-response"))
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                   _("The document is a “%s”, not an EWP omobility-las get-response."),
                   md_ewp_node_get_name (root));
      return NULL;
    }

  /* Another version of the API shares the name but not the meaning. */
  if (!g_str_equal (md_ewp_node_get_namespace (root), MD_EWP_LA_NS))
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                   _("The document is in the namespace “%s”, not in that of EWP omobility-las version 1."),
                   md_ewp_node_get_namespace (root));
      return NULL;
    }

  n = md_ewp_node_count_children (root, MD_EWP_LA_NS, "la");
  if (n == 0)
    {
      g_set_error_literal (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                           _("The document holds no learning agreement."));
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_UNSUPPORTED,
                   _("The document holds %u learning agreements; a dossier has one. Import a document with only its own."),
                   n);
      return NULL;
    }

  return md_ewp_node_find (root, "la");
}

/* Setting a value can only fail where part of its path holds a value
 * rather than a group of fields; checking first keeps the import all or
 * nothing. */
static gboolean
can_store (MdDossier   *dossier,
           const char  *path,
           GError     **error)
{
  const char *dot = path;

  while ((dot = strchr (dot + 1, '.')) != NULL)
    {
      g_autofree char *parent = g_strndup (path, dot - path);
      JsonNode *node = md_dossier_lookup (dossier, parent);

      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_UNSUPPORTED,
                       _("The dossier holds a value at “%s” where a group of fields belongs; the document cannot be imported into it."),
                       parent);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_plan (MdDossier  *dossier,
            Plan       *plan,
            GError    **error)
{
  for (guint i = 0; i < plan->paths->len; i++)
    if (!can_store (dossier, plan->paths->pdata[i], error))
      return FALSE;

  for (guint i = 0; i < plan->paths->len; i++)
    {
      JsonNode *value = g_steal_pointer (&plan->values->pdata[i]);

      if (!md_dossier_set_value (dossier, plan->paths->pdata[i], value, error))
        return FALSE;
    }

  return TRUE;
}

static void
free_node (gpointer node)
{
  if (node != NULL)
    json_node_unref (node);
}

/**
 * md_ewp_import_agreement:
 * @dossier: the dossier to fill
 * @xml: an EWP omobility-las get-response holding one learning agreement
 * @error: return location for a #GError
 *
 * Replaces the learning agreement of @dossier with the one in @xml and
 * sets the student, institution and mobility fields the document
 * carries. On failure @dossier is left as it was.
 *
 * Returns: whether the document was imported
 */
gboolean
md_ewp_import_agreement (MdDossier  *dossier,
                         GBytes     *xml,
                         GError    **error)
{
  g_auto(Plan) plan = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (free_node) };
  g_autoptr(MdEwpNode) root = NULL;
  MdEwpNode *la;
  JsonNode *agreement;
  gsize size;
  const char *text;

  g_return_val_if_fail (MD_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = g_bytes_get_data (xml, &size);
  if (size > MD_EWP_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *limit = g_format_size (MD_EWP_MAX_DOCUMENT_SIZE);

      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_TOO_LARGE,
                   _("The document is larger than %s, the most an EWP learning agreement may take."), limit);
      return FALSE;
    }

  root = md_ewp_xml_parse (text ? text : "", size, error);
  if (root == NULL || (la = find_agreement (root, error)) == NULL || !plan_mobility (&plan, la, error))
    return FALSE;

  agreement = md_ewp_read_agreement (la, error);
  if (agreement == NULL)
    return FALSE;
  plan_add (&plan, "learning_agreement", agreement);

  return apply_plan (dossier, &plan, error);
}
