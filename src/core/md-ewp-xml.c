/* md-ewp-xml.c
 *
 * A small element tree built with GMarkupParser, which is all an EWP
 * document needs: elements, attributes and text. GMarkup knows no
 * namespaces, so prefixes are resolved here; the tree then names each
 * element by namespace and local name, whatever prefix the sender
 * chose. Documents come from other systems, so the tree refuses what a
 * learning agreement never holds: a DTD (and with it entity tricks),
 * another encoding than UTF-8, deep nesting, a flood of elements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-ewp-private.h"

struct _MdEwpNode
{
  char       *ns;
  char       *name;
  GPtrArray  *attributes;   /* name, value, name, value… */
  GString    *text;
  GPtrArray  *children;
};

typedef struct
{
  char  *prefix;            /* "" for the default namespace */
  char  *uri;
  guint  depth;
} Binding;

typedef struct
{
  GPtrArray *open;          /* the elements not yet closed, outermost first */
  GPtrArray *bindings;
  MdEwpNode *root;
  guint      n_elements;
} Builder;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_free (binding->prefix);
  g_free (binding->uri);
  g_free (binding);
}

void
md_ewp_node_free (MdEwpNode *node)
{
  if (node == NULL)
    return;

  g_free (node->ns);
  g_free (node->name);
  g_ptr_array_unref (node->attributes);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static MdEwpNode *
node_new (const char *ns,
          const char *name)
{
  MdEwpNode *node = g_new0 (MdEwpNode, 1);

  node->ns = g_strdup (ns);
  node->name = g_strdup (name);
  node->attributes = g_ptr_array_new_with_free_func (g_free);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) md_ewp_node_free);
  return node;
}

static void
bind_namespaces (Builder     *builder,
                 const char **names,
                 const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *prefix;
      Binding *binding;

      if (g_str_equal (names[i], "xmlns"))
        prefix = "";
      else if (g_str_has_prefix (names[i], "xmlns:"))
        prefix = names[i] + strlen ("xmlns:");
      else
        continue;

      binding = g_new0 (Binding, 1);
      binding->prefix = g_strdup (prefix);
      binding->uri = g_strdup (values[i]);
      binding->depth = builder->open->len;
      g_ptr_array_add (builder->bindings, binding);
    }
}

static void
unbind_namespaces (Builder *builder)
{
  while (builder->bindings->len > 0)
    {
      Binding *last = g_ptr_array_index (builder->bindings, builder->bindings->len - 1);

      if (last->depth < builder->open->len)
        break;
      g_ptr_array_remove_index (builder->bindings, builder->bindings->len - 1);
    }
}

/* Returns: (nullable): the namespace of @prefix where it is used, NULL
 *   when the prefix was never declared. Unprefixed elements without a
 *   default namespace have the empty one, "". */
static const char *
resolve_prefix (Builder    *builder,
                const char *prefix)
{
  for (guint i = builder->bindings->len; i > 0; i--)
    {
      Binding *binding = g_ptr_array_index (builder->bindings, i - 1);

      if (g_str_equal (binding->prefix, prefix))
        return binding->uri;
    }

  return prefix[0] == '\0' ? "" : NULL;
}

static void
keep_attributes (MdEwpNode   *node,
                 const char **names,
                 const char **values)
{
  /* Only unprefixed attributes belong to an EWP element. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strchr (names[i], ':') != NULL || g_str_equal (names[i], "xmlns"))
        continue;
      g_ptr_array_add (node->attributes, g_strdup (names[i]));
      g_ptr_array_add (node->attributes, g_strdup (values[i]));
    }
}

/* GMarkup decodes "&#1;" without a word, but XML 1.0 forbids it, and
 * no dossier field should hold it. */
static gboolean
check_characters (const char  *text,
                  GError     **error)
{
  if (md_ewp_is_xml_text (text))
    return TRUE;

  g_set_error_literal (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                       _("The document holds a control character that XML does not allow."));
  return FALSE;
}

static gboolean
check_limits (Builder  *builder,
              GError  **error)
{
  if (builder->open->len >= MD_EWP_MAX_DEPTH)
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                   _("The document nests elements more than %d levels deep; a learning agreement never does."),
                   MD_EWP_MAX_DEPTH);
      return FALSE;
    }

  if (++builder->n_elements > MD_EWP_MAX_ELEMENTS)
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_TOO_LARGE,
                   _("The document has more than %d elements; a learning agreement never does."),
                   MD_EWP_MAX_ELEMENTS);
      return FALSE;
    }

  if (builder->open->len == 0 && builder->root != NULL)
    {
      g_set_error_literal (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                           _("The document has more than one top-level element."));
      return FALSE;
    }

  return TRUE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Builder *builder = user_data;
  const char *colon = strchr (element_name, ':');
  g_autofree char *prefix = colon ? g_strndup (element_name, colon - element_name) : g_strdup ("");
  const char *ns;
  MdEwpNode *node;

  if (!check_limits (builder, error))
    return;

  for (guint i = 0; attribute_values[i] != NULL; i++)
    if (!check_characters (attribute_values[i], error))
      return;

  bind_namespaces (builder, attribute_names, attribute_values);
  ns = resolve_prefix (builder, prefix);
  if (ns == NULL)
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                   _("The element “%s” uses a namespace prefix that is not declared."), element_name);
      return;
    }

  node = node_new (ns, colon ? colon + 1 : element_name);
  keep_attributes (node, attribute_names, attribute_values);
  if (builder->open->len > 0)
    g_ptr_array_add (((MdEwpNode *) g_ptr_array_index (builder->open, builder->open->len - 1))->children, node);
  else
    builder->root = node;
  g_ptr_array_add (builder->open, node);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Builder *builder = user_data;

  g_ptr_array_remove_index (builder->open, builder->open->len - 1);
  unbind_namespaces (builder);
}

static gboolean
append_text (Builder     *builder,
             const char  *text,
             gsize        length,
             GError     **error)
{
  MdEwpNode *current;
  gsize start;

  if (builder->open->len == 0)
    return TRUE;

  current = g_ptr_array_index (builder->open, builder->open->len - 1);
  start = current->text->len;
  g_string_append_len (current->text, text, length);
  return check_characters (current->text->str + start, error);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  append_text (user_data, text, length, error);
}

static gboolean
declares_utf8 (const char *declaration)
{
  g_autoptr(GRegex) regex = g_regex_new ("encoding\\s*=\\s*[\"']([^\"']*)[\"']", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *encoding = NULL;

  if (!g_regex_match (regex, declaration, 0, &match))
    return TRUE;

  encoding = g_match_info_fetch (match, 1);
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

/* GMarkup hands over the XML declaration, comments, CDATA sections and
 * DTDs untouched; CDATA is text like any other. */
static void
passthrough_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  g_autofree char *passed = g_strndup (text, length);

  if (g_str_has_prefix (passed, "<![CDATA[") && g_str_has_suffix (passed, "]]>") && length >= 12)
    append_text (user_data, passed + 9, length - 12, error);
  else if (g_str_has_prefix (passed, "<!DOCTYPE"))
    g_set_error_literal (error, MD_EWP_ERROR, MD_EWP_ERROR_UNSUPPORTED,
                         _("The document declares a document type (DTD); EWP documents never do, and it is not read."));
  else if (g_str_has_prefix (passed, "<?xml ") && !declares_utf8 (passed))
    g_set_error_literal (error, MD_EWP_ERROR, MD_EWP_ERROR_UNSUPPORTED,
                         _("The document is not in the UTF-8 encoding; EWP documents are."));
}

static const GMarkupParser parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  passthrough_cb,
  NULL,
};

static gboolean
parse_into (Builder     *builder,
            const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, builder, NULL);
  g_autoptr(GError) markup_error = NULL;

  if (g_markup_parse_context_parse (context, text, length, &markup_error) &&
      g_markup_parse_context_end_parse (context, &markup_error))
    return TRUE;

  if (markup_error->domain == MD_EWP_ERROR)
    g_propagate_error (error, g_steal_pointer (&markup_error));
  else
    g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                 _("The document is not well-formed XML: %s"), markup_error->message);
  return FALSE;
}

/**
 * md_ewp_xml_parse:
 * @text: the document
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document element
 */
MdEwpNode *
md_ewp_xml_parse (const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GPtrArray) bindings = g_ptr_array_new_with_free_func (binding_free);
  Builder builder = { open, bindings, NULL, 0 };
  const char *end = NULL;

  /* XML allows a byte order mark; GMarkup does not. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (!g_utf8_validate (text, length, &end))
    {
      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                   _("The document is not UTF-8 text (invalid byte at offset %lu)."),
                   (gulong) (end - text));
      return NULL;
    }

  if (!parse_into (&builder, text, length, error))
    {
      md_ewp_node_free (builder.root);
      return NULL;
    }

  if (builder.root == NULL)
    {
      g_set_error_literal (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
                           _("The document is empty."));
      return NULL;
    }

  return builder.root;
}

const char *
md_ewp_node_get_namespace (MdEwpNode *node)
{
  return node->ns;
}

const char *
md_ewp_node_get_name (MdEwpNode *node)
{
  return node->name;
}

const char *
md_ewp_node_get_text (MdEwpNode *node)
{
  return node->text->str;
}

const char *
md_ewp_node_get_attribute (MdEwpNode  *node,
                           const char *name)
{
  for (guint i = 0; i + 1 < node->attributes->len; i += 2)
    if (g_str_equal (g_ptr_array_index (node->attributes, i), name))
      return g_ptr_array_index (node->attributes, i + 1);

  return NULL;
}

guint
md_ewp_node_get_n_children (MdEwpNode *node)
{
  return node->children->len;
}

MdEwpNode *
md_ewp_node_get_child_at (MdEwpNode *node,
                          guint      index)
{
  return g_ptr_array_index (node->children, index);
}

static gboolean
node_is (MdEwpNode  *node,
         const char *ns,
         const char *name)
{
  return g_str_equal (node->ns, ns) && g_str_equal (node->name, name);
}

/* Returns: (nullable): the first child called @name in @ns. */
MdEwpNode *
md_ewp_node_get_child (MdEwpNode  *node,
                       const char *ns,
                       const char *name)
{
  for (guint i = 0; i < node->children->len; i++)
    if (node_is (g_ptr_array_index (node->children, i), ns, name))
      return g_ptr_array_index (node->children, i);

  return NULL;
}

guint
md_ewp_node_count_children (MdEwpNode  *node,
                            const char *ns,
                            const char *name)
{
  guint count = 0;

  for (guint i = 0; i < node->children->len; i++)
    if (node_is (g_ptr_array_index (node->children, i), ns, name))
      count++;

  return count;
}

gboolean
md_ewp_set_missing_element (GError     **error,
                            const char  *where)
{
  g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
               _("The document has no “%s”; an EWP learning agreement needs it."), where);
  return FALSE;
}

gboolean
md_ewp_set_bad_element (GError     **error,
                        const char  *where,
                        const char  *expected)
{
  g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_INVALID_DOCUMENT,
               _("The document’s “%s” must hold %s."), where, expected);
  return FALSE;
}

MdEwpNode *
md_ewp_node_find (MdEwpNode  *parent,
                  const char *name)
{
  return md_ewp_node_get_child (parent, MD_EWP_LA_NS, name);
}

gboolean
md_ewp_node_is (MdEwpNode  *node,
                const char *name)
{
  return g_str_equal (md_ewp_node_get_namespace (node), MD_EWP_LA_NS) &&
         g_str_equal (md_ewp_node_get_name (node), name);
}

/* XML Schema integers may have white space around them. */
gboolean
md_ewp_parse_whole_number (const char *text,
                           guint64     min,
                           guint64     max,
                           guint64    *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return g_ascii_string_to_unsigned (stripped, 10, min, max, out, NULL);
}

/* Returns: (nullable): the text of the child @name of @parent, %NULL
 *   when there is no such child or it holds only white space. */
const char *
md_ewp_node_child_text (MdEwpNode  *parent,
                        const char *ns,
                        const char *name)
{
  MdEwpNode *child = md_ewp_node_get_child (parent, ns, name);

  if (child == NULL || md_ewp_is_blank (md_ewp_node_get_text (child)))
    return NULL;

  return md_ewp_node_get_text (child);
}

const char *
md_ewp_node_require_text (MdEwpNode   *parent,
                          const char  *where,
                          const char  *name,
                          GError     **error)
{
  const char *text = md_ewp_node_child_text (parent, MD_EWP_LA_NS, name);

  if (text == NULL)
    {
      g_autofree char *child_where = g_strconcat (where, "/", name, NULL);

      md_ewp_set_missing_element (error, child_where);
    }

  return text;
}

MdEwpNode *
md_ewp_node_require_child (MdEwpNode   *parent,
                           const char  *where,
                           const char  *name,
                           GError     **error)
{
  MdEwpNode *child = md_ewp_node_find (parent, name);

  if (child == NULL)
    {
      g_autofree char *child_where = g_strconcat (where, "/", name, NULL);

      md_ewp_set_missing_element (error, child_where);
    }

  return child;
}
