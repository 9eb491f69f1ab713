/* md-iso-codes.c
 *
 * Country and language names come from the iso-codes package rather than
 * from our own translations: it is maintained for every language we could
 * ever ship, and its names match what other desktop software shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "md-iso-codes.h"

#define ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
typedef struct
{
  const char *file;
  const char *member;   /* the list in the file */
  const char *code;     /* the member of an entry that is the code */
  const char *domain;   /* iso-codes' gettext domain for the names */
} IsoList;

static const IsoList iso_lists[] = {
  [MD_ISO_CODES_COUNTRIES] = { "iso_3166-1.json", "3166-1", "alpha_2", "iso_3166-1" },
  /* ISO 639-3 names languages as people do ("Dutch", not 639-2's
   * "Dutch; Flemish"); only those with a two-letter code are kept, as
   * BCP 47 tags such as "de" or "pt" start with them. */
  [MD_ISO_CODES_LANGUAGES] = { "iso_639-3.json", "639-3", "alpha_2", "iso_639-3" },
};

/* Kosovo has a user-assigned code that Erasmus+ uses but ISO (and so
 * iso-codes) does not list; its name is translated in our own domain.
 */
#define KOSOVO_CODE "XK"

/* Maps alpha-2 code to the untranslated name; both strings live as
 * long as the process, so callers may keep the returned pointers.
 */
static GHashTable *
load_table (const IsoList *list)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  JsonNode *root;
  JsonArray *entries = NULL;

  /* A translation of our own domain only; iso-codes cannot supply it. */
  if (list == &iso_lists[MD_ISO_CODES_COUNTRIES])
    g_hash_table_insert (table, g_strdup (KOSOVO_CODE), g_strdup (N_("Kosovo")));

  bind_textdomain_codeset (list->domain, "UTF-8");

  dir = g_getenv ("MD_ISO_CODES_DIR");
  if (dir == NULL || *dir == '\0')
    dir = ISO_CODES_JSON_DIR;
  path = g_build_filename (dir, list->file, NULL);

  /* iso-codes is a hard dependency, so a missing file is a packaging
   * problem the user cannot fix; unknown codes are then reported by
   * the validator, which is enough of a hint.
   */
  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Cannot read %s: %s", path, error->message);
      return g_steal_pointer (&table);
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), list->member);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        entries = json_node_get_array (node);
    }
  if (entries == NULL)
    {
      g_debug ("%s does not hold an ISO %s list", path, list->member);
      return g_steal_pointer (&table);
    }

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry;
      const char *code;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      code = json_object_get_string_member_with_default (entry, list->code, NULL);
      /* The common name ("Bolivia") is what people say; the plain name
       * ("Bolivia, Plurinational State of") reads like a registry entry.
       */
      name = json_object_get_string_member_with_default (entry, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (code == NULL || name == NULL)
        continue;

      g_hash_table_replace (table, g_strdup (code), g_strdup (name));
    }

  return g_steal_pointer (&table);
}

static gpointer
load_table_once (gpointer data)
{
  return load_table (data);
}

static GHashTable *
get_table (MdIsoCodes list)
{
  static GOnce once[G_N_ELEMENTS (iso_lists)] = { G_ONCE_INIT, G_ONCE_INIT };

  g_return_val_if_fail (list < G_N_ELEMENTS (iso_lists), NULL);

  return g_once (&once[list], load_table_once, (gpointer) &iso_lists[list]);
}

/* Looked up on every call, so that names follow a language chosen while
 * the application runs. */
static const char *
translate (MdIsoCodes  list,
           const char *code,
           const char *name)
{
  if (list == MD_ISO_CODES_COUNTRIES && g_str_equal (code, KOSOVO_CODE))
    return _(name);

  return dgettext (iso_lists[list].domain, name);
}

/**
 * md_iso_codes_is_known:
 * @list: countries or languages
 * @code: a code of @list: an ISO 3166-1 alpha-2 code such as "BE", or an
 *   ISO 639-1 code such as "nl"
 *
 * Returns: whether @code names an entry of @list; country codes are
 *   upper case, language codes lower case.
 */
gboolean
md_iso_codes_is_known (MdIsoCodes  list,
                       const char *code)
{
  if (code == NULL)
    return FALSE;

  return g_hash_table_contains (get_table (list), code);
}

/**
 * md_iso_codes_get_name:
 * @list: countries or languages
 * @code: a code of @list
 *
 * Returns: (nullable): the name in the current language, or %NULL when
 *   @code is not a known code.
 */
const char *
md_iso_codes_get_name (MdIsoCodes  list,
                       const char *code)
{
  const char *name;

  if (code == NULL)
    return NULL;

  name = g_hash_table_lookup (get_table (list), code);
  if (name == NULL)
    return NULL;

  return translate (list, code, name);
}

typedef struct
{
  const char *code;
  char       *key;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *entry_a = a;
  const SortEntry *entry_b = b;
  int result = strcmp (entry_a->key, entry_b->key);

  /* Keep the order stable for names that collate equal. */
  return result != 0 ? result : strcmp (entry_a->code, entry_b->code);
}

static void
sort_entry_clear (gpointer data)
{
  SortEntry *entry = data;

  g_clear_pointer (&entry->key, g_free);
}

/**
 * md_iso_codes_list:
 * @list: countries or languages
 *
 * Returns: (transfer container) (element-type utf8): every code of @list,
 *   sorted by the names in the current language; the codes live as long
 *   as the process
 */
GPtrArray *
md_iso_codes_list (MdIsoCodes list)
{
  GHashTable *table = get_table (list);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (SortEntry),
                                                 g_hash_table_size (table));
  GPtrArray *codes;
  GHashTableIter iter;
  gpointer code;
  gpointer name;

  g_array_set_clear_func (entries, sort_entry_clear);

  /* Collation keys are computed once per name instead of once per
   * comparison; the result is the same order g_utf8_collate() gives.
   */
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &code, &name))
    {
      SortEntry entry;

      entry.code = code;
      entry.key = g_utf8_collate_key (translate (list, code, name), -1);
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_sort_entries);

  codes = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (codes, (gpointer) g_array_index (entries, SortEntry, i).code);

  return codes;
}
