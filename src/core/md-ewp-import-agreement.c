/* md-ewp-import-agreement.c
 *
 * Reads the learning agreement of an EWP document into the JSON the
 * dossier keeps: the first version (or the proposal of it) becomes
 * Tables A, B and C, approved changes and the pending proposal become
 * change sets, each list with its signatures. The spellings are those
 * the export reads back to the same document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-ewp-private.h"
#include "md-formats.h"

static gboolean
read_term (JsonObject  *component,
           MdEwpNode   *node,
           const char  *where,
           GError     **error)
{
  g_autofree char *term_where = g_strconcat (where, "/term-id", NULL);
  MdEwpNode *term_id = md_ewp_node_find (node, "term-id");
  const char *number_text;
  const char *total_text;
  g_autofree char *term = NULL;
  guint64 number;
  guint64 total;

  if (term_id == NULL)
    return TRUE;

  number_text = md_ewp_node_child_text (term_id, MD_EWP_TERM_NS, "term-number");
  total_text = md_ewp_node_child_text (term_id, MD_EWP_TERM_NS, "total-terms");
  if (!md_ewp_parse_whole_number (total_text, 1, 9, &total) ||
      !md_ewp_parse_whole_number (number_text, 1, total, &number))
    return md_ewp_set_bad_element (error, term_where, _("a term number and a total number of terms from 1 to 9"));

  term = md_ewp_format_term ((guint) number, (guint) total);
  json_object_set_string_member (component, "term", term);
  return TRUE;
}

/* Other credit schemes have no place in the dossier; ECTS does. */
static gboolean
read_credit (JsonObject  *component,
             MdEwpNode   *node,
             const char  *where,
             GError     **error)
{
  for (guint i = 0; i < md_ewp_node_get_n_children (node); i++)
    {
      MdEwpNode *credit = md_ewp_node_get_child_at (node, i);
      g_autofree char *value_where = g_strconcat (where, "/credit/value", NULL);
      JsonNode *value;

      if (!md_ewp_node_is (credit, "credit") ||
          g_strcmp0 (md_ewp_node_child_text (credit, MD_EWP_LA_NS, "scheme"), "ects") != 0)
        continue;

      value = md_ewp_parse_decimal (md_ewp_node_child_text (credit, MD_EWP_LA_NS, "value"));
      if (value == NULL)
        return md_ewp_set_bad_element (error, value_where, _("a decimal number of credits"));

      json_object_set_member (component, "ects", value);
      return TRUE;
    }

  return TRUE;
}

static gboolean
read_change_mark (JsonObject  *component,
                  MdEwpNode   *node,
                  const char  *where,
                  gboolean     is_change,
                  GError     **error)
{
  const char *status = md_ewp_node_get_attribute (node, "status");
  const char *reason_text = md_ewp_node_get_attribute (node, "reason-text");
  gint64 reason;

  if (!is_change)
    return status == NULL ? TRUE : md_ewp_set_bad_element (error, where, _("a component without a status, outside a change"));

  if (g_strcmp0 (status, "inserted") != 0 && g_strcmp0 (status, "deleted") != 0)
    return md_ewp_set_bad_element (error, where, _("a change with the status “inserted” or “deleted”"));

  /* EWP says to read a reason-code it does not know as none; a reason
   * in words alone is the dossier's "other". */
  reason = md_ewp_reason_code (md_ewp_node_get_attribute (node, "reason-code"));
  if (reason == 0 && reason_text != NULL)
    reason = MD_EWP_REASON_OTHER;

  json_object_set_string_member (component, "status", status);
  if (reason != 0)
    json_object_set_int_member (component, "reason_code", reason);
  if (reason_text != NULL)
    json_object_set_string_member (component, "reason_text", reason_text);

  return TRUE;
}

static JsonObject *
read_component (MdEwpNode         *node,
                const char        *where,
                const MdEwpTable  *table,
                gboolean           is_change,
                GError           **error)
{
  g_autoptr(JsonObject) component = json_object_new ();
  const char *code = md_ewp_node_child_text (node, MD_EWP_LA_NS, "los-code");
  const char *title = md_ewp_node_require_text (node, where, "title", error);

  if (title == NULL)
    return NULL;

  if (code != NULL)
    json_object_set_string_member (component, "code", code);
  json_object_set_string_member (component, "title", title);
  if (!read_term (component, node, where, error) ||
      !read_credit (component, node, where, error) ||
      !read_change_mark (component, node, where, is_change, error))
    return NULL;
  if (is_change)
    json_object_set_string_member (component, "table", table->letter);

  return g_steal_pointer (&component);
}

static gboolean
read_table (MdEwpNode         *list,
            const char        *where,
            const MdEwpTable  *table,
            gboolean           is_change,
            JsonArray         *rows,
            GError           **error)
{
  guint n = 0;

  for (guint i = 0; i < md_ewp_node_get_n_children (list); i++)
    {
      MdEwpNode *child = md_ewp_node_get_child_at (list, i);
      g_autofree char *component_where = NULL;
      JsonObject *component;

      if (!md_ewp_node_is (child, "component"))
        continue;

      component_where = g_strdup_printf ("%s/%s/component[%u]", where, table->element, ++n);
      component = read_component (child, component_where, table, is_change, error);
      if (component == NULL)
        return FALSE;
      json_array_add_object_element (rows, component);
    }

  return TRUE;
}

/* Blended and doctoral components have no table of their own in the
 * dossier; dropping them would lose part of the agreement. */
static gboolean
refuse_other_lists (MdEwpNode   *node,
                    const char  *where,
                    GError     **error)
{
  static const char * const others[] = {
    "blended-mobility-components", "short-term-doctoral-components",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      MdEwpNode *list = md_ewp_node_find (node, others[i]);

      if (list != NULL && md_ewp_node_get_n_children (list) > 0)
        {
          g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_UNSUPPORTED,
                       _("The document’s “%s/%s” has no counterpart in a dossier, which holds Tables A, B and C only."),
                       where, others[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* @rows[t] receives table t, or all into @rows[0] for a change. */
static gboolean
read_lists (MdEwpNode   *node,
            const char  *where,
            gboolean     is_change,
            JsonArray  **rows,
            GError     **error)
{
  if (!refuse_other_lists (node, where, error))
    return FALSE;

  for (guint t = 0; t < MD_EWP_N_TABLES; t++)
    {
      MdEwpNode *list = md_ewp_node_find (node, md_ewp_tables[t].element);

      if (list != NULL &&
          !read_table (list, where, &md_ewp_tables[t], is_change, rows[is_change ? 0 : t], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_signature (JsonObject         *signatures,
                MdEwpNode          *node,
                const char         *where,
                const MdEwpSigner  *signer,
                gboolean            required,
                GError            **error)
{
  g_autofree char *signer_where = g_strconcat (where, "/", signer->element, NULL);
  g_autofree char *timestamp = NULL;
  g_autoptr(JsonObject) signature = json_object_new ();
  MdEwpNode *element = md_ewp_node_find (node, signer->element);
  static const char * const members[][2] = {
    { "signer-name", "name" }, { "signer-position", "position" }, { "signer-email", "email" },
  };

  if (element == NULL)
    return required ? md_ewp_set_missing_element (error, signer_where) : TRUE;

  timestamp = md_ewp_utc_timestamp (md_ewp_node_child_text (element, MD_EWP_LA_NS, "timestamp"));
  if (timestamp == NULL)
    {
      g_autofree char *timestamp_where = g_strconcat (signer_where, "/timestamp", NULL);

      return md_ewp_set_bad_element (error, timestamp_where, _("a date and time with its time zone"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *text = md_ewp_node_child_text (element, MD_EWP_LA_NS, members[i][0]);

      if (text != NULL)
        json_object_set_string_member (signature, members[i][1], text);
    }
  json_object_set_string_member (signature, "timestamp", timestamp);
  if (md_ewp_node_child_text (element, MD_EWP_LA_NS, "signer-app") != NULL)
    json_object_set_string_member (signature, "application", md_ewp_node_child_text (element, MD_EWP_LA_NS, "signer-app"));

  json_object_set_object_member (signatures, signer->member, g_steal_pointer (&signature));
  return TRUE;
}

/* The student and the sending institution sign every list; the
 * receiving institution everything but a proposal. */
static JsonObject *
read_signatures (MdEwpNode   *node,
                 const char  *where,
                 gboolean     is_proposal,
                 GError     **error)
{
  g_autoptr(JsonObject) signatures = json_object_new ();

  for (guint s = 0; s < MD_EWP_N_SIGNERS; s++)
    {
      gboolean required = !is_proposal || !g_str_equal (md_ewp_signers[s].member, "receiving");

      if (!read_signature (signatures, node, where, &md_ewp_signers[s], required, error))
        return NULL;
    }

  return g_steal_pointer (&signatures);
}

static JsonObject *
read_change (MdEwpNode   *node,
             const char  *where,
             gboolean     approved,
             GError     **error)
{
  g_autoptr(JsonObject) change = json_object_new ();
  g_autoptr(JsonArray) components = json_array_new ();
  JsonObject *signatures;
  const char *id = md_ewp_node_get_attribute (node, "id");

  /* Approved changes have no id in EWP. */
  if (!approved && id == NULL)
    {
      md_ewp_set_bad_element (error, where, _("an “id” attribute"));
      return NULL;
    }

  if (!read_lists (node, where, TRUE, &components, error) ||
      (signatures = read_signatures (node, where, !approved, error)) == NULL)
    return NULL;

  if (!approved)
    json_object_set_string_member (change, "id", id);
  json_object_set_boolean_member (change, "approved", approved);
  json_object_set_array_member (change, "components", g_steal_pointer (&components));
  json_object_set_object_member (change, "signatures", signatures);
  return g_steal_pointer (&change);
}

static gboolean
read_language (JsonObject  *agreement,
               MdEwpNode   *la,
               GError     **error)
{
  const char *where = "la/student-language-skill";
  MdEwpNode *skill = md_ewp_node_require_child (la, "la", "student-language-skill", error);
  const char *code;
  const char *level;
  JsonObject *language;

  if (skill == NULL ||
      (code = md_ewp_node_require_text (skill, where, "language", error)) == NULL ||
      (level = md_ewp_node_require_text (skill, where, "cefr-level", error)) == NULL)
    return FALSE;

  if (!md_format_is_cefr (level))
    return md_ewp_set_bad_element (error, "la/student-language-skill/cefr-level", _("a CEFR level"));

  language = json_object_new ();
  json_object_set_string_member (language, "code", code);
  json_object_set_string_member (language, "cefr", level);
  json_object_set_object_member (agreement, "language", language);
  return TRUE;
}

/* The tables come from the first version or, before the receiving
 * institution signed one, from the proposal of it. */
static gboolean
read_version (JsonObject  *agreement,
              MdEwpNode   *version,
              const char  *where,
              gboolean     is_proposal,
              GError     **error)
{
  g_autoptr(JsonArray) table_a = json_array_new ();
  g_autoptr(JsonArray) table_b = json_array_new ();
  g_autoptr(JsonArray) table_c = json_array_new ();
  JsonArray *tables[MD_EWP_N_TABLES] = { table_a, table_b, table_c };
  JsonObject *signatures;

  if (!read_lists (version, where, FALSE, tables, error) ||
      (signatures = read_signatures (version, where, is_proposal, error)) == NULL)
    return FALSE;

  json_object_set_array_member (agreement, "table_a", g_steal_pointer (&table_a));
  json_object_set_array_member (agreement, "table_b", g_steal_pointer (&table_b));
  json_object_set_array_member (agreement, "table_c", g_steal_pointer (&table_c));
  json_object_set_object_member (agreement, "signatures", signatures);
  return TRUE;
}

static gboolean
read_changes (JsonObject  *agreement,
              MdEwpNode   *la,
              GError     **error)
{
  g_autoptr(JsonArray) changes = json_array_new ();
  MdEwpNode *approved = md_ewp_node_find (la, "approved-changes");
  MdEwpNode *proposal = md_ewp_node_find (la, "changes-proposal");
  JsonObject *change;

  if (approved != NULL)
    {
      if ((change = read_change (approved, "la/approved-changes", TRUE, error)) == NULL)
        return FALSE;
      json_array_add_object_element (changes, change);
    }

  if (proposal != NULL)
    {
      if ((change = read_change (proposal, "la/changes-proposal", FALSE, error)) == NULL)
        return FALSE;
      json_array_add_object_element (changes, change);
    }

  if (json_array_get_length (changes) > 0)
    json_object_set_array_member (agreement, "changes", g_steal_pointer (&changes));

  return TRUE;
}

/* Members in the order the bundle format lists them; signatures last. */
static void
move_signatures_last (JsonObject *agreement)
{
  JsonNode *signatures = json_object_dup_member (agreement, "signatures");

  json_object_remove_member (agreement, "signatures");
  json_object_set_member (agreement, "signatures", signatures);
}

JsonNode *
md_ewp_read_agreement (MdEwpNode  *la,
                       GError    **error)
{
  g_autoptr(JsonObject) agreement = json_object_new ();
  MdEwpNode *first = md_ewp_node_find (la, "first-version");
  MdEwpNode *proposal = md_ewp_node_find (la, "changes-proposal");

  if (!read_language (agreement, la, error))
    return NULL;

  if (first != NULL)
    {
      if (!read_version (agreement, first, "la/first-version", FALSE, error) ||
          !read_changes (agreement, la, error))
        return NULL;
      move_signatures_last (agreement);
    }
  else if (proposal != NULL && md_ewp_node_find (la, "approved-changes") == NULL)
    {
      if (!read_version (agreement, proposal, "la/changes-proposal", TRUE, error))
        return NULL;
    }
  else
    {
      md_ewp_set_missing_element (error, "la/first-version");
      return NULL;
    }

  return json_node_init_object (json_node_alloc (), agreement);
}
