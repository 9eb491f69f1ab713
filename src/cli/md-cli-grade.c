/* md-cli-grade.c: mobility-dossier-cli convert-grade
 *
 *   mobility-dossier-cli convert-grade --from TABLE --to TABLE GRADE…
 *   mobility-dossier-cli convert-grade --list
 *
 * TABLE is the id of a scale in the grading folder ($MD_GRADING_DIR,
 * else the installed one) or the path of a .json file. A mapping from
 * the one scale to the other found in the folder wins over conversion
 * by grading table, because it is the institution's explicit rule.
 *
 * Exit codes: 0 ok, 1 some grade could not be converted, 2 unusable
 * input or usage error. Results go to stdout, messages to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-cli-grade.h"
#include "md-grade-conversion.h"

#define GRADING_DIR PKGDATADIR G_DIR_SEPARATOR_S "grading"
#define GRADING_FILE_MAX_SIZE (1024 * 1024)

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNUSABLE = 2,
};

typedef struct
{
  GPtrArray *tables;
  GPtrArray *mappings;
} Catalogue;

static void
catalogue_init (Catalogue *catalogue)
{
  catalogue->tables = g_ptr_array_new_with_free_func (g_object_unref);
  catalogue->mappings = g_ptr_array_new_with_free_func ((GDestroyNotify) md_grade_mapping_unref);
}

static void
catalogue_clear (Catalogue *catalogue)
{
  g_clear_pointer (&catalogue->tables, g_ptr_array_unref);
  g_clear_pointer (&catalogue->mappings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Catalogue, catalogue_clear)

static GFile *
grading_directory (void)
{
  const char *override = g_getenv ("MD_GRADING_DIR");

  return g_file_new_for_path (override && *override ? override : GRADING_DIR);
}

/* Adds the scale or mapping in @file to @catalogue, depending on its
 * "kind". Errors are prefixed with the file so a broken file in the
 * folder can be found. */
static gboolean
catalogue_add_file (Catalogue  *catalogue,
                    GFile      *file,
                    GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  JsonObject *object;
  JsonNode *root;
  JsonNode *kind;
  const char *text;
  gsize length;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;

  text = g_bytes_get_data (bytes, &length);
  if (length > GRADING_FILE_MAX_SIZE || !json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                   _("%s: not a readable grading file: %s"), name,
                   local_error ? local_error->message : _("the file is too large"));
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                   _("%s: a grading file must be a JSON object."), name);
      return FALSE;
    }

  object = json_node_get_object (root);
  kind = json_object_get_member (object, "kind");
  if (kind != NULL && JSON_NODE_HOLDS_VALUE (kind) &&
      g_strcmp0 (json_node_get_string (kind), "mapping") == 0)
    {
      MdGradeMapping *mapping = md_grade_mapping_new_from_json (object, &local_error);

      if (mapping != NULL)
        g_ptr_array_add (catalogue->mappings, mapping);
    }
  else
    {
      MdGradeTable *table = md_grade_table_new_from_json (object, &local_error);

      if (table != NULL)
        g_ptr_array_add (catalogue->tables, table);
    }

  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Reads every "*.json" file of the folder, in name order. A broken file
 * is an error: a silently missing scale would give wrong conversions. */
static gboolean
catalogue_add_directory (Catalogue  *catalogue,
                         GFile      *directory,
                         GError    **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &local_error)) != NULL)
    {
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, names->pdata[i]);

      if (!catalogue_add_file (catalogue, file, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_path (const char *table)
{
  return g_str_has_suffix (table, ".json") || strchr (table, G_DIR_SEPARATOR) != NULL;
}

static MdGradeTable *
find_table (Catalogue  *catalogue,
            const char *id)
{
  for (guint i = 0; i < catalogue->tables->len; i++)
    {
      MdGradeTable *table = catalogue->tables->pdata[i];

      if (g_str_equal (md_grade_table_get_id (table), id))
        return table;
    }

  return NULL;
}

static MdGradeMapping *
find_mapping (Catalogue  *catalogue,
              const char *from_id,
              const char *to_id)
{
  for (guint i = 0; i < catalogue->mappings->len; i++)
    {
      MdGradeMapping *mapping = catalogue->mappings->pdata[i];

      if (g_str_equal (md_grade_mapping_get_from_id (mapping), from_id) &&
          g_str_equal (md_grade_mapping_get_to_id (mapping), to_id))
        return mapping;
    }

  return NULL;
}

static MdGradeTable *
resolve_table (Catalogue   *folder,
               GFile       *directory,
               const char  *table,
               GError     **error)
{
  g_auto(Catalogue) single = { NULL, NULL };
  g_autoptr(GFile) file = NULL;
  MdGradeTable *found;

  if (!is_path (table))
    {
      g_autofree char *where = g_file_get_parse_name (directory);

      found = find_table (folder, table);
      if (found == NULL)
        {
          g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                       _("There is no grading scale “%s” in %s. Try --list."), table, where);
          return NULL;
        }
      return g_object_ref (found);
    }

  catalogue_init (&single);
  file = g_file_new_for_commandline_arg (table);
  if (!catalogue_add_file (&single, file, error))
    return NULL;

  if (single.tables->len == 0)
    {
      g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_INVALID,
                   _("%s: a mapping, not a grading scale; name the two scales it maps instead."), table);
      return NULL;
    }

  return g_object_ref (single.tables->pdata[0]);
}

static GOptionContext *
command_context (const char   *parameters,
                 const char   *summary,
                 GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static int
fail (int     code,
      GError *error)
{
  g_printerr ("%s\n", error->message);
  return code;
}

static int
list_catalogue (Catalogue *catalogue)
{
  for (guint i = 0; i < catalogue->tables->len; i++)
    {
      MdGradeTable *table = catalogue->tables->pdata[i];
      gboolean distribution = md_grade_table_get_kind (table) == MD_GRADE_TABLE_DISTRIBUTION;

      g_print ("%-24s %-12s %s%s%s\n", md_grade_table_get_id (table),
               distribution ? "distribution" : "ordinal",
               md_grade_table_get_title (table),
               md_grade_table_get_indicative (table) ? " " : "",
               md_grade_table_get_indicative (table) ? _("(indicative example)") : "");
    }

  for (guint i = 0; i < catalogue->mappings->len; i++)
    {
      MdGradeMapping *mapping = catalogue->mappings->pdata[i];

      g_print ("%-24s %-12s %s → %s: %s%s%s\n", md_grade_mapping_get_id (mapping), "mapping",
               md_grade_mapping_get_from_id (mapping), md_grade_mapping_get_to_id (mapping),
               md_grade_mapping_get_title (mapping),
               md_grade_mapping_get_indicative (mapping) ? " " : "",
               md_grade_mapping_get_indicative (mapping) ? _("(indicative example)") : "");
    }

  return EXIT_OK;
}

/* Checked before any grade so that an unusable pair of scales is
 * reported once, as unusable input, rather than once per grade. */
static gboolean
check_convertible (MdGradeTable    *from,
                   MdGradeTable    *to,
                   MdGradeMapping  *mapping,
                   GFile           *directory,
                   GError         **error)
{
  g_autofree char *where = NULL;

  if (mapping != NULL)
    return md_grade_mapping_check (mapping, from, to, error);

  if (g_str_equal (md_grade_table_get_id (from), md_grade_table_get_id (to)) ||
      (md_grade_table_get_kind (from) == MD_GRADE_TABLE_DISTRIBUTION &&
       md_grade_table_get_kind (to) == MD_GRADE_TABLE_DISTRIBUTION))
    return TRUE;

  where = g_file_get_parse_name (directory);
  g_set_error (error, MD_GRADE_ERROR, MD_GRADE_ERROR_NO_DISTRIBUTION,
               _("There is no mapping from “%s” to “%s” in %s, and “%s” has no grading table to "
                 "convert by position."),
               md_grade_table_get_id (from), md_grade_table_get_id (to), where,
               md_grade_table_get_id (md_grade_table_get_kind (from) == MD_GRADE_TABLE_DISTRIBUTION ? to : from));
  return FALSE;
}

int
md_cli_convert_grade (int    argc,
                      char **argv)
{
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_name, N_("The host institution’s scale: an id or a .json file"), N_("TABLE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_name, N_("The home scale: an id or a .json file"), N_("TABLE") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the grading scales and mappings"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("GRADE…"), _("Convert grades obtained abroad to the home grading scale."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) directory = grading_directory ();
  g_autoptr(MdGradeTable) from = NULL;
  g_autoptr(MdGradeTable) to = NULL;
  g_auto(Catalogue) folder = { NULL, NULL };
  MdGradeMapping *mapping;
  int status = EXIT_OK;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_UNUSABLE, error);

  if (list ? (from_name != NULL || to_name != NULL || argc != 1)
           : (from_name == NULL || to_name == NULL || argc < 2))
    {
      g_printerr ("%s\n%s\n", _("Usage: mobility-dossier-cli convert-grade --from TABLE --to TABLE GRADE…"),
                  _("       mobility-dossier-cli convert-grade --list"));
      return EXIT_UNUSABLE;
    }

  /* With two files the folder is only searched for a mapping, so it
   * need not exist. */
  catalogue_init (&folder);
  if (!catalogue_add_directory (&folder, directory, &error) &&
      (list || !is_path (from_name) || !is_path (to_name) ||
       !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)))
    return fail (EXIT_UNUSABLE, error);
  g_clear_error (&error);

  if (list)
    return list_catalogue (&folder);

  from = resolve_table (&folder, directory, from_name, &error);
  if (from == NULL)
    return fail (EXIT_UNUSABLE, error);
  to = resolve_table (&folder, directory, to_name, &error);
  if (to == NULL)
    return fail (EXIT_UNUSABLE, error);

  mapping = find_mapping (&folder, md_grade_table_get_id (from), md_grade_table_get_id (to));
  if (!check_convertible (from, to, mapping, directory, &error))
    return fail (EXIT_UNUSABLE, error);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *converted = NULL;

      if (mapping != NULL)
        converted = md_grade_mapping_convert (mapping, from, to, argv[i], &error);
      else
        converted = md_grade_convert (from, to, argv[i], &error);

      if (converted == NULL)
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          status = EXIT_PROBLEMS;
          continue;
        }

      g_print ("%s → %s\n", argv[i], converted);
    }

  return status;
}
