/* md-programme-registry.c
 *
 * Profiles are read from one folder: the installed data folder, or the
 * folder named by $MD_PROGRAMMES_DIR (used by tests and by running the
 * application from its build tree).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-programme-registry.h"

struct _MdProgrammeRegistry
{
  GObject     parent_instance;

  GFile      *directory;
  GListStore *programmes;
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (MdProgrammeRegistry, md_programme_registry, G_TYPE_OBJECT)

static void
md_programme_registry_dispose (GObject *object)
{
  MdProgrammeRegistry *self = (MdProgrammeRegistry *)object;

  g_clear_object (&self->directory);
  g_clear_object (&self->programmes);

  G_OBJECT_CLASS (md_programme_registry_parent_class)->dispose (object);
}

static void
md_programme_registry_class_init (MdProgrammeRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_programme_registry_dispose;
}

static void
md_programme_registry_init (MdProgrammeRegistry *self)
{
  self->programmes = g_list_store_new (MD_TYPE_PROGRAMME);
}

MdProgrammeRegistry *
md_programme_registry_new (GFile *directory)
{
  MdProgrammeRegistry *self = g_object_new (MD_TYPE_PROGRAMME_REGISTRY, NULL);

  self->directory = g_object_ref (directory);
  return self;
}

MdProgrammeRegistry *
md_programme_registry_new_default (void)
{
  const char *override = g_getenv ("MD_PROGRAMMES_DIR");
  g_autoptr(GFile) directory = g_file_new_for_path (override && *override ? override : PROGRAMMES_DIR);

  return md_programme_registry_new (directory);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * md_programme_registry_load:
 *
 * Reads every "*.json" profile of the folder, in name order. A broken
 * profile is an error naming the file: a silently missing programme
 * would be worse.
 */
gboolean
md_programme_registry_load (MdProgrammeRegistry  *self,
                            GError              **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  g_return_val_if_fail (MD_IS_PROGRAMME_REGISTRY (self), FALSE);

  if (self->loaded)
    return TRUE;

  enumerator = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, error)) != NULL)
    {
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (self->directory, names->pdata[i]);
      g_autoptr(MdProgramme) programme = md_programme_new_from_file (file, error);

      if (programme == NULL)
        {
          g_list_store_remove_all (self->programmes);
          return FALSE;
        }
      g_list_store_append (self->programmes, programme);
    }

  self->loaded = TRUE;
  return TRUE;
}

/**
 * md_programme_registry_get_programmes:
 *
 * Returns: (transfer none): the loaded #MdProgramme objects
 */
GListModel *
md_programme_registry_get_programmes (MdProgrammeRegistry *self)
{
  g_return_val_if_fail (MD_IS_PROGRAMME_REGISTRY (self), NULL);

  return G_LIST_MODEL (self->programmes);
}

/**
 * md_programme_registry_lookup:
 *
 * Returns: (transfer full) (nullable): the profile with @id
 */
MdProgramme *
md_programme_registry_lookup (MdProgrammeRegistry  *self,
                              const char           *id,
                              GError              **error)
{
  guint n;

  if (!md_programme_registry_load (self, error))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->programmes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdProgramme) programme = g_list_model_get_item (G_LIST_MODEL (self->programmes), i);

      if (g_strcmp0 (md_programme_get_id (programme), id) == 0)
        return g_steal_pointer (&programme);
    }

  g_set_error (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_UNKNOWN,
               _("There is no programme profile “%s”."), id);
  return NULL;
}
