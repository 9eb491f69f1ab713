/* md-bundle-digest.c
 *
 * The integrity digest: SHA-256 over the bundle's canonical form (the
 * tree without "integrity", members sorted by name, no whitespace, as
 * json-glib writes it; docs/bundle-format.md). The canonical text is
 * written straight from the tree: sorting a copy and running the
 * generator over it cost as much as parsing the file, and every bundle
 * of an inbox is digested when it is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "md-bundle.h"
#include "md-checksum.h"

/* The bytes json-glib's generator escapes: '"', '\\', and the control
 * characters 0x01–0x1e and 0x7f (0x1f it leaves alone). Writing
 * strings as it does keeps the digest the one every earlier version
 * computed; all other bytes, UTF-8 included, are copied. */
static const gboolean escaped[256] = {
  [0x01 ... 0x1e] = TRUE, ['"'] = TRUE, ['\\'] = TRUE, [0x7f] = TRUE,
};

static void
append_canonical_string (GString    *out,
                         const char *string)
{
  const char *p = string;

  g_string_append_c (out, '"');
  for (;;)
    {
      const char *run = p;
      guchar c;

      while (*p != '\0' && !escaped[(guchar) *p])
        p++;
      g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = (guchar) *p++;
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_c (out, '"');
}

/* What printf ("%" G_GINT64_FORMAT) writes, without printf's cost. */
static void
append_canonical_int (GString *out,
                      gint64   value)
{
  char buffer[24];
  char *p = buffer + sizeof buffer;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

static void
append_canonical_value (GString  *out,
                        JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      append_canonical_string (out, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      append_canonical_int (out, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      /* Like json-glib: shortest round trip, and always a fraction so
       * the number reads back as a double. */
      g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node));
      g_string_append (out, buffer);
      if (strchr (buffer, '.') == NULL)
        g_string_append (out, ".0");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

typedef struct
{
  const char *name;
  JsonNode   *node;
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Member *) a)->name, ((const Member *) b)->name);
}

static void append_canonical (GString *out, JsonNode *node, const char *skip_member);

static void
append_canonical_object (GString    *out,
                         JsonObject *object,
                         const char *skip_member)
{
  g_autofree Member *members = g_new (Member, json_object_get_size (object) + 1);
  JsonObjectIter iter;
  guint count = 0;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &members[count].name, &members[count].node))
    if (skip_member == NULL || strcmp (members[count].name, skip_member) != 0)
      count++;
  qsort (members, count, sizeof (Member), compare_members);

  g_string_append_c (out, '{');
  for (guint i = 0; i < count; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_canonical_string (out, members[i].name);
      g_string_append_c (out, ':');
      append_canonical (out, members[i].node, NULL);
    }
  g_string_append_c (out, '}');
}

/* The canonical form, written straight from the tree: sorting a copy
 * and running the generator over it cost as much as parsing the file. */
static void
append_canonical (GString    *out,
                  JsonNode   *node,
                  const char *skip_member)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_canonical_object (out, json_node_get_object (node), skip_member);
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_canonical (out, json_array_get_element (array, i), NULL);
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      append_canonical_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
free_buffer (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Loading a folder digests thousands of bundles per thread; reusing
 * one buffer per thread saves allocating and freeing each time. */
static GString *
get_buffer (void)
{
  static GPrivate buffer = G_PRIVATE_INIT (free_buffer);
  GString *text = g_private_get (&buffer);

  if (text == NULL)
    {
      text = g_string_sized_new (16384);
      g_private_set (&buffer, text);
    }

  g_string_truncate (text, 0);
  return text;
}

static char *
digest_canonical (JsonNode   *node,
                  const char *skip_member)
{
  GString *text = get_buffer ();

  append_canonical (text, node, skip_member);
  return md_checksum_sha256 (text->str, text->len);
}

/**
 * md_bundle_compute_digest:
 * @root: a bundle tree
 *
 * The canonical form is the tree without its "integrity" member, with
 * object members sorted by name (byte order) and no whitespace, as
 * json-glib writes it. Its SHA-256 is the bundle's integrity digest.
 *
 * Returns: (transfer full): the digest in lowercase hexadecimal
 */
char *
md_bundle_compute_digest (JsonNode *root)
{
  return digest_canonical (root, "integrity");
}

/**
 * md_bundle_compute_agreement_digest:
 *
 * The digest of the learning agreement without its signatures: what an
 * approval records, so that any later change to the agreement makes the
 * approval stale.
 *
 * Returns: (transfer full): lowercase hexadecimal SHA-256
 */
char *
md_bundle_compute_agreement_digest (MdDossier *dossier)
{
  JsonNode *agreement = md_dossier_lookup (dossier, "learning_agreement");

  if (agreement == NULL || !JSON_NODE_HOLDS_OBJECT (agreement))
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, "{}", -1);

  return digest_canonical (agreement, "signatures");
}
