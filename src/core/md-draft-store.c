/* md-draft-store.c
 *
 * Drafts are ordinary bundles named after the dossier's id, under
 * $XDG_DATA_HOME/<app-id>/drafts, written atomically with mode 0600 by
 * the same writer as bundles. A draft is discarded only once the
 * dossier is safely saved somewhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-draft-store.h"
#include "md-safe-files.h"

struct _MdDraftStore
{
  GObject  parent_instance;

  GFile   *directory;
};

G_DEFINE_FINAL_TYPE (MdDraftStore, md_draft_store, G_TYPE_OBJECT)

static void
md_draft_store_dispose (GObject *object)
{
  MdDraftStore *self = (MdDraftStore *)object;

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (md_draft_store_parent_class)->dispose (object);
}

static void
md_draft_store_class_init (MdDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_draft_store_dispose;
}

static void
md_draft_store_init (MdDraftStore *self)
{
}

MdDraftStore *
md_draft_store_new (GFile *directory)
{
  MdDraftStore *self = g_object_new (MD_TYPE_DRAFT_STORE, NULL);

  self->directory = g_object_ref (directory);
  return self;
}

MdDraftStore *
md_draft_store_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);

  return md_draft_store_new (directory);
}

/**
 * md_draft_store_get_directory:
 *
 * Returns: (transfer none): where drafts are kept
 */
GFile *
md_draft_store_get_directory (MdDraftStore *self)
{
  g_return_val_if_fail (MD_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

/**
 * md_draft_store_get_draft_file:
 *
 * Returns: (transfer full): the draft file of @dossier
 */
GFile *
md_draft_store_get_draft_file (MdDraftStore *self,
                               MdDossier    *dossier)
{
  const char *id = md_dossier_get_id (dossier);
  g_autofree char *hashed = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MD_IS_DRAFT_STORE (self), NULL);

  /* A bundle from elsewhere may carry any id, "../../x" included; it
   * still gets a draft, under a name that cannot leave the folder. */
  if (!md_safe_is_dossier_id (id))
    id = hashed = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id ? id : "", -1);

  name = g_strconcat (id, MD_BUNDLE_SUFFIX, NULL);
  return g_file_get_child (self->directory, name);
}

static gboolean
write_draft (GFile         *directory,
             GFile         *file,
             GBytes        *contents,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = g_file_get_path (directory);

  if (!md_safe_make_private_dir (path, error))
    return FALSE;

  return md_bundle_write_file (contents, file, cancellable, error);
}

gboolean
md_draft_store_save (MdDraftStore  *self,
                     MdDossier     *dossier,
                     GError       **error)
{
  g_autoptr(GFile) file = md_draft_store_get_draft_file (self, dossier);
  g_autoptr(GBytes) contents = md_bundle_serialize (dossier);

  return write_draft (self->directory, file, contents, NULL, error);
}

typedef struct
{
  GFile  *directory;
  GFile  *file;
  GBytes *contents;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->directory);
  g_clear_object (&job->file);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (write_draft (job->directory, job->file, job->contents, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * md_draft_store_save_async:
 *
 * Serialises @dossier now, on the calling thread, and writes the draft
 * in a worker thread.
 */
void
md_draft_store_save_async (MdDraftStore        *self,
                           MdDossier           *dossier,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->directory = g_object_ref (self->directory);
  job->file = md_draft_store_get_draft_file (self, dossier);
  job->contents = md_bundle_serialize (dossier);
  g_task_set_source_tag (task, md_draft_store_save_async);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
md_draft_store_save_finish (MdDraftStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * md_draft_store_find_latest:
 *
 * Returns: (transfer full) (nullable): the most recently written draft,
 *   or %NULL when there is none
 */
GFile *
md_draft_store_find_latest (MdDraftStore  *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) latest = NULL;
  guint64 latest_time = 0;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (self->directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, NULL)) != NULL)
    {
      /* Drafts written within the same second still have an order. */
      guint64 modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                         + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

      if (g_str_has_suffix (g_file_info_get_name (info), MD_BUNDLE_SUFFIX) && modified >= latest_time)
        {
          latest_time = modified;
          g_clear_object (&latest);
          latest = g_file_get_child (self->directory, g_file_info_get_name (info));
        }
      g_object_unref (info);
    }

  return g_steal_pointer (&latest);
}

/**
 * md_draft_store_discard:
 *
 * Removes the draft of @dossier and its backup; a missing draft is fine.
 */
gboolean
md_draft_store_discard (MdDraftStore  *self,
                        MdDossier     *dossier,
                        GError       **error)
{
  g_autoptr(GFile) file = md_draft_store_get_draft_file (self, dossier);
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autoptr(GError) local_error = NULL;

  g_unlink (backup_path);
  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
