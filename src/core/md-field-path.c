/* md-field-path.c
 *
 * A field path names one value inside a dossier: dot-separated member
 * names, each optionally followed by one array index, for example
 * "learning_agreement.table_a[2].ects".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-field-path.h"

typedef struct
{
  char *name;
  gint  index; /* -1 when the step has no index */
} PathStep;

G_DEFINE_QUARK (md-field-path-error-quark, md_field_path_error)

static void
path_step_clear (gpointer data)
{
  PathStep *step = data;

  g_clear_pointer (&step->name, g_free);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '_';
}

static gboolean
parse_step (const char *text,
            PathStep   *step)
{
  const char *p = text;
  const char *bracket;

  while (is_name_char (*p))
    p++;
  if (p == text)
    return FALSE;

  step->name = g_strndup (text, p - text);
  step->index = -1;
  if (*p == '\0')
    return TRUE;
  if (*p != '[')
    return FALSE;

  bracket = ++p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == bracket || p - bracket > 6 || p[0] != ']' || p[1] != '\0')
    return FALSE;

  step->index = (gint) g_ascii_strtoll (bracket, NULL, 10);
  return TRUE;
}

/* Returns NULL when @path is not a well-formed field path. */
static GArray *
parse_path (const char *path)
{
  g_autoptr(GArray) steps = NULL;
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0')
    return NULL;

  steps = g_array_new (FALSE, TRUE, sizeof (PathStep));
  g_array_set_clear_func (steps, path_step_clear);
  parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      PathStep step = { NULL, -1 };

      if (!parse_step (parts[i], &step))
        {
          path_step_clear (&step);
          return NULL;
        }
      g_array_append_val (steps, step);
    }

  return g_steal_pointer (&steps);
}

gboolean
md_field_path_is_valid (const char *path)
{
  g_autoptr(GArray) steps = parse_path (path);

  return steps != NULL;
}

/**
 * md_field_path_section:
 * @path: a field path
 *
 * Returns: (transfer full) (nullable): the top-level member the path
 *   lives in ("applicant" for "applicant.email"), used as the signal
 *   detail of change notifications.
 */
char *
md_field_path_section (const char *path)
{
  g_autoptr(GArray) steps = parse_path (path);

  if (steps == NULL)
    return NULL;

  return g_strdup (g_array_index (steps, PathStep, 0).name);
}

/**
 * md_field_path_normalize:
 * @path: a field path
 *
 * Returns: (transfer full) (nullable): @path with every index replaced
 *   by "[]", the key rules and type checks are written against.
 */
char *
md_field_path_normalize (const char *path)
{
  g_autoptr(GArray) steps = parse_path (path);
  GString *normal;

  if (steps == NULL)
    return NULL;

  normal = g_string_new (NULL);
  for (guint i = 0; i < steps->len; i++)
    {
      PathStep *step = &g_array_index (steps, PathStep, i);

      if (i > 0)
        g_string_append_c (normal, '.');
      g_string_append (normal, step->name);
      if (step->index >= 0)
        g_string_append (normal, "[]");
    }

  return g_string_free (normal, FALSE);
}

char *
md_field_path_append_index (const char *path,
                            guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

char *
md_field_path_append_name (const char *path,
                           const char *name)
{
  if (path == NULL || *path == '\0')
    return g_strdup (name);

  return g_strconcat (path, ".", name, NULL);
}

static JsonNode *
step_into (JsonObject     *object,
           const PathStep *step)
{
  JsonNode *child = json_object_get_member (object, step->name);
  JsonArray *array;

  if (step->index < 0 || child == NULL)
    return child;

  if (!JSON_NODE_HOLDS_ARRAY (child))
    return NULL;

  array = json_node_get_array (child);
  if ((guint) step->index >= json_array_get_length (array))
    return NULL;

  return json_array_get_element (array, step->index);
}

/* Reads one step of @path at @p without allocating: lookups run for
 * every field on every validation, so they must be cheap. */
static const char *
scan_step (const char *p,
           char       *name,
           gsize       name_size,
           gint       *index)
{
  gsize length = 0;

  while (is_name_char (p[length]))
    length++;
  if (length == 0 || length >= name_size)
    return NULL;

  memcpy (name, p, length);
  name[length] = '\0';
  p += length;
  *index = -1;

  if (*p == '[')
    {
      const char *digits = ++p;
      gint value = 0;

      while (g_ascii_isdigit (*p) && p - digits < 6)
        value = value * 10 + (*p++ - '0');
      if (p == digits || *p != ']')
        return NULL;
      *index = value;
      p++;
    }

  if (*p == '.')
    return p[1] != '\0' ? p + 1 : NULL;

  return *p == '\0' ? p : NULL;
}

/**
 * md_field_path_lookup:
 * @root: the dossier's root object node
 * @path: a field path
 *
 * Returns: (transfer none) (nullable): the node at @path, or %NULL when
 *   the path is malformed or nothing is stored there.
 */
JsonNode *
md_field_path_lookup (JsonNode   *root,
                      const char *path)
{
  JsonNode *node = root;
  const char *p = path;
  char name[64];

  if (path == NULL || *path == '\0')
    return NULL;

  while (node != NULL && p != NULL && *p != '\0')
    {
      PathStep step = { name, -1 };

      p = scan_step (p, name, sizeof name, &step.index);
      if (p == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = step_into (json_node_get_object (node), &step);
    }

  return p != NULL ? node : NULL;
}

static JsonObject *
ensure_object_member (JsonObject *parent,
                      const char *name)
{
  JsonNode *child = json_object_get_member (parent, name);

  if (child == NULL)
    {
      json_object_set_object_member (parent, name, json_object_new ());
      child = json_object_get_member (parent, name);
    }

  if (!JSON_NODE_HOLDS_OBJECT (child))
    return NULL;

  return json_node_get_object (child);
}

/**
 * md_field_path_set:
 * @root: the dossier's root object node
 * @path: a field path whose last step has no index
 * @value: (transfer full): the new value
 * @error: return location for a #GError
 *
 * Stores @value at @path, creating missing intermediate objects. Array
 * elements must already exist: rows are added explicitly, never by
 * writing past the end.
 */
gboolean
md_field_path_set (JsonNode    *root,
                   const char  *path,
                   JsonNode    *value,
                   GError     **error)
{
  g_autoptr(JsonNode) owned_value = value;
  g_autoptr(GArray) steps = parse_path (path);
  JsonObject *object;
  PathStep *last;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (root), FALSE);

  if (steps == NULL || g_array_index (steps, PathStep, steps->len - 1).index >= 0)
    {
      g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_INVALID,
                   _("“%s” is not a field path that can be written"), path ? path : "");
      return FALSE;
    }

  object = json_node_get_object (root);
  for (guint i = 0; i + 1 < steps->len && object != NULL; i++)
    {
      PathStep *step = &g_array_index (steps, PathStep, i);
      JsonNode *row;

      if (step->index < 0)
        {
          object = ensure_object_member (object, step->name);
          continue;
        }

      row = step_into (object, step);
      if (row == NULL)
        {
          g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_FOUND,
                       _("There is no row at “%s”"), path);
          return FALSE;
        }
      object = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;
    }

  if (object == NULL)
    {
      g_set_error (error, MD_FIELD_PATH_ERROR, MD_FIELD_PATH_ERROR_NOT_A_CONTAINER,
                   _("Part of “%s” holds a value, not a group of fields"), path);
      return FALSE;
    }

  last = &g_array_index (steps, PathStep, steps->len - 1);
  json_object_set_member (object, last->name, g_steal_pointer (&owned_value));
  return TRUE;
}
