/* md-inbox.c
 *
 * A coordinator opens a folder where dossiers arrive (a drop folder, a
 * synced share, the local outbox) as an inbox: a list model of one
 * summary per file. Loading reads, checks, validates and estimates every
 * bundle in worker threads, one per core up to four, because that is
 * where the time goes; the list is filled in one step on the main
 * thread when all are done (reading one file: md-inbox-read.c).
 * Afterwards a file monitor keeps the list in step with the folder
 * (md-inbox-monitor.c).
 *
 * Files: "*.json" are read as bundles; review sidecars
 * ("<id>.review.json") are read as the review of their dossier; a
 * ".json" file that is not a readable bundle becomes an "unreadable"
 * item carrying the reason, so nothing dropped in the folder goes
 * unseen. Other files are ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-inbox-private.h"

#define MAX_WORKERS 4
#define PROGRESS_STEPS 100

static void md_inbox_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdInbox, md_inbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, md_inbox_list_model_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_REGISTRY,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_MONITORING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
md_inbox_get_item_type (GListModel *model)
{
  return MD_TYPE_INBOX_ITEM;
}

static guint
md_inbox_get_n_items (GListModel *model)
{
  return MD_INBOX (model)->items->len;
}

static gpointer
md_inbox_get_item (GListModel *model,
                   guint       position)
{
  MdInbox *self = MD_INBOX (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (self->items->pdata[position]);
}

static void
md_inbox_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = md_inbox_get_item_type;
  iface->get_n_items = md_inbox_get_n_items;
  iface->get_item = md_inbox_get_item;
}

static void
md_inbox_dispose (GObject *object)
{
  MdInbox *self = (MdInbox *)object;

  md_inbox_stop_monitor (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->programmes, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (md_inbox_parent_class)->dispose (object);
}

static void
md_inbox_finalize (GObject *object)
{
  MdInbox *self = (MdInbox *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (md_inbox_parent_class)->finalize (object);
}

static void
md_inbox_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MdInbox *self = MD_INBOX (object);

  switch (prop_id)
    {
    case PROP_FOLDER:     g_value_set_object (value, self->folder); break;
    case PROP_REGISTRY:   g_value_set_object (value, self->registry); break;
    case PROP_LOADING:    g_value_set_boolean (value, self->loading); break;
    case PROP_PROGRESS:   g_value_set_double (value, self->progress); break;
    case PROP_MONITORING: g_value_set_boolean (value, self->monitor != NULL); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_inbox_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MdInbox *self = MD_INBOX (object);

  switch (prop_id)
    {
    case PROP_FOLDER:   self->folder = g_value_dup_object (value); break;
    case PROP_REGISTRY: self->registry = g_value_dup_object (value); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_inbox_class_init (MdInboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_inbox_dispose;
  object_class->finalize = md_inbox_finalize;
  object_class->get_property = md_inbox_get_property;
  object_class->set_property = md_inbox_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, MD_TYPE_PROGRAMME_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MdInbox:progress:
   *
   * The share of files read during a load, from 0 to 1; updated on the
   * main context about a hundred times per load.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONITORING] =
    g_param_spec_boolean ("monitoring", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_inbox_init (MdInbox *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * md_inbox_new:
 * @folder: a local folder
 * @registry: the programme profiles to check dossiers against
 *
 * Returns: (transfer full): an empty inbox; call md_inbox_load_async()
 */
MdInbox *
md_inbox_new (GFile               *folder,
              MdProgrammeRegistry *registry)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (MD_IS_PROGRAMME_REGISTRY (registry), NULL);

  return g_object_new (MD_TYPE_INBOX, "folder", folder, "registry", registry, NULL);
}

GFile *
md_inbox_get_folder (MdInbox *self)
{
  g_return_val_if_fail (MD_IS_INBOX (self), NULL);

  return self->folder;
}

MdProgrammeRegistry *
md_inbox_get_registry (MdInbox *self)
{
  g_return_val_if_fail (MD_IS_INBOX (self), NULL);

  return self->registry;
}

/**
 * md_inbox_set_max_workers:
 * @max_workers: how many threads read files; 0 for one per core (at
 *   most four)
 */
void
md_inbox_set_max_workers (MdInbox *self,
                          guint    max_workers)
{
  g_return_if_fail (MD_IS_INBOX (self));

  self->max_workers = max_workers;
}

gboolean
md_inbox_get_loading (MdInbox *self)
{
  g_return_val_if_fail (MD_IS_INBOX (self), FALSE);

  return self->loading;
}

double
md_inbox_get_progress (MdInbox *self)
{
  g_return_val_if_fail (MD_IS_INBOX (self), 0);

  return self->progress;
}

/**
 * md_inbox_get_monitoring:
 *
 * Returns: whether changes in the folder are followed (after a load)
 */
gboolean
md_inbox_get_monitoring (MdInbox *self)
{
  g_return_val_if_fail (MD_IS_INBOX (self), FALSE);

  return self->monitor != NULL;
}

/**
 * md_inbox_find_by_id:
 *
 * Returns: (transfer none) (nullable): the first item of dossier @id
 */
MdInboxItem *
md_inbox_find_by_id (MdInbox    *self,
                     const char *id)
{
  g_return_val_if_fail (MD_IS_INBOX (self), NULL);

  for (guint i = 0; id != NULL && i < self->items->len; i++)
    if (g_strcmp0 (md_inbox_item_get_id (self->items->pdata[i]), id) == 0)
      return self->items->pdata[i];

  return NULL;
}

/**
 * md_inbox_lookup_programme:
 *
 * Returns: (transfer none) (nullable): the profile with @id, as the
 *   inbox used it for validating
 */
MdProgramme *
md_inbox_lookup_programme (MdInbox    *self,
                           const char *id)
{
  g_return_val_if_fail (MD_IS_INBOX (self), NULL);

  return self->programmes && id ? g_hash_table_lookup (self->programmes, id) : NULL;
}

static void
set_progress (MdInbox *self,
              double   progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_loading (MdInbox  *self,
             gboolean  loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* ---- Loading the folder (worker threads) -------------------------------- */

typedef struct
{
  char          *folder_path;
  GHashTable    *programmes;
  GPtrArray     *names;      /* bundle file names, sorted */
  GHashTable    *reviews;    /* sidecar file names */
  MdInboxEntry  *entries;    /* one per name */
  guint          n_workers;
  gint           next;       /* atomic: next name to read */
  gint           done;       /* atomic: names read */
  GCancellable  *cancellable;
  GMainContext  *context;
  MdInbox       *inbox;      /* for progress; a reference is held by the task */
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  for (guint i = 0; job->entries != NULL && i < job->names->len; i++)
    md_inbox_entry_clear (&job->entries[i]);
  g_free (job->entries);
  g_free (job->folder_path);
  g_clear_pointer (&job->programmes, g_hash_table_unref);
  g_clear_pointer (&job->names, g_ptr_array_unref);
  g_clear_pointer (&job->reviews, g_hash_table_unref);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

typedef struct
{
  MdInbox *inbox;
  double   progress;
} ProgressUpdate;

static gboolean
report_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  if (update->inbox->loading)
    set_progress (update->inbox, update->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->inbox);
  g_free (update);
}

static void
report_progress (LoadJob *job,
                 guint    done)
{
  guint total = job->names->len;
  guint step = MAX (1, total / PROGRESS_STEPS);
  ProgressUpdate *update;

  if (done % step != 0 && done != total)
    return;

  update = g_new (ProgressUpdate, 1);
  update->inbox = g_object_ref (job->inbox);
  update->progress = (double) done / total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb,
                              update, progress_update_free);
}

static gpointer
load_worker (gpointer data)
{
  LoadJob *job = data;
  guint total = job->names->len;

  while (!g_cancellable_is_cancelled (job->cancellable))
    {
      guint i = (guint) g_atomic_int_add (&job->next, 1);

      if (i >= total)
        break;

      md_inbox_read_entry (job->folder_path, job->names->pdata[i], job->programmes,
                           job->reviews, &job->entries[i]);
      report_progress (job, (guint) g_atomic_int_add (&job->done, 1) + 1);
    }

  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
list_folder (LoadJob  *job,
             GError  **error)
{
  g_autoptr(GDir) dir = g_dir_open (job->folder_path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (md_inbox_is_review_name (name))
        g_hash_table_add (job->reviews, g_strdup (name));
      else if (md_inbox_is_bundle_name (name))
        g_ptr_array_add (job->names, g_strdup (name));
    }

  g_ptr_array_sort (job->names, compare_names);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  GError *error = NULL;

  if (!list_folder (job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job->entries = g_new0 (MdInboxEntry, job->names->len);
  for (guint i = 1; i < MIN (job->n_workers, job->names->len); i++)
    g_ptr_array_add (threads, g_thread_new ("md-inbox-load", load_worker, job));
  load_worker (job);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/* ---- Loading the folder (main thread) ----------------------------------- */

/* The registry loads lazily and is not meant for threads; the workers
 * get a read-only table of the profiles instead. */
static GHashTable *
snapshot_programmes (MdProgrammeRegistry  *registry,
                     GError              **error)
{
  g_autoptr(GHashTable) programmes = NULL;
  GListModel *list;

  if (!md_programme_registry_load (registry, error))
    return NULL;

  programmes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  list = md_programme_registry_get_programmes (registry);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      MdProgramme *programme = g_list_model_get_item (list, i);

      g_hash_table_replace (programmes, (gpointer) md_programme_get_id (programme), programme);
    }

  return g_steal_pointer (&programmes);
}

static void
replace_items (MdInbox *self,
               LoadJob *job)
{
  guint removed = self->items->len;

  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < job->names->len; i++)
    {
      if (job->entries[i].item == NULL)
        continue;
      g_ptr_array_add (self->items, g_steal_pointer (&job->entries[i].item));
      g_ptr_array_add (self->names, g_strdup (job->names->pdata[i]));
    }

  md_inbox_update_duplicates (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  MdInbox *self = MD_INBOX (source);
  g_autoptr(GTask) task = user_data;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_loading (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_progress (self, 0);
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->programmes, g_hash_table_unref);
  self->programmes = g_hash_table_ref (job->programmes);
  replace_items (self, job);
  set_progress (self, 1);
  md_inbox_start_monitor (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * md_inbox_load_async:
 * @cancellable: (nullable): cancels the load; the list then stays as it was
 *
 * Reads every bundle of the folder in worker threads and replaces the
 * list with their summaries in one step. "progress" is updated on the
 * calling thread's main context meanwhile. When the load succeeded,
 * the folder is monitored, so files added or changed later appear
 * without loading again.
 */
void
md_inbox_load_async (MdInbox             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  LoadJob *job;

  g_return_if_fail (MD_IS_INBOX (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_inbox_load_async);

  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The folder is already being loaded."));
      return;
    }

  if (g_file_peek_path (self->folder) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only a folder on this computer can be opened as an inbox."));
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->folder_path = g_file_get_path (self->folder);
  job->names = g_ptr_array_new_with_free_func (g_free);
  job->reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->n_workers = self->max_workers ? self->max_workers : MIN (g_get_num_processors (), MAX_WORKERS);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->context = g_main_context_ref_thread_default ();
  job->inbox = self;

  worker = g_task_new (self, cancellable, load_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, md_inbox_load_async);
  g_task_set_task_data (worker, job, load_job_free);

  job->programmes = snapshot_programmes (self->registry, &error);
  if (job->programmes == NULL)
    {
      g_task_return_error (worker, g_steal_pointer (&error));
      return;
    }

  set_progress (self, 0);
  set_loading (self, TRUE);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * md_inbox_load_finish:
 *
 * Returns: %TRUE when the folder was read; files that are not readable
 *   bundles are items too, so only an unreadable folder or a
 *   cancellation is an error
 */
gboolean
md_inbox_load_finish (MdInbox       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Keeping the list ---------------------------------------------------- */

static gboolean
find_name (MdInbox    *self,
           const char *name,
           guint      *position)
{
  guint lo = 0, hi = self->names->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = strcmp (self->names->pdata[mid], name);

      if (order == 0)
        {
          *position = mid;
          return TRUE;
        }
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

/**
 * md_inbox_put_item:
 * @item: (transfer none): the new summary of the file @name
 *
 * Replaces the item of @name or inserts it in name order.
 */
void
md_inbox_put_item (MdInbox     *self,
                   const char  *name,
                   MdInboxItem *item)
{
  guint position;

  if (find_name (self, name, &position))
    {
      MdInboxItem *old = self->items->pdata[position];

      self->items->pdata[position] = g_object_ref (item);
      g_object_unref (old);
      md_inbox_update_duplicates (self);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  g_ptr_array_insert (self->items, position, g_object_ref (item));
  g_ptr_array_insert (self->names, position, g_strdup (name));
  md_inbox_update_duplicates (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
md_inbox_remove_name (MdInbox    *self,
                      const char *name)
{
  guint position;

  if (!find_name (self, name, &position))
    return;

  g_ptr_array_remove_index (self->items, position);
  g_ptr_array_remove_index (self->names, position);
  md_inbox_update_duplicates (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

typedef struct
{
  const char *first_id;
  gboolean    shared;   /* another dossier id has the same key */
} PersonKey;

static void
count_key (GHashTable *keys,
           const char *key,
           const char *id)
{
  PersonKey *entry;

  if (key == NULL)
    return;

  entry = g_hash_table_lookup (keys, key);
  if (entry == NULL)
    {
      entry = g_new0 (PersonKey, 1);
      entry->first_id = id;
      g_hash_table_insert (keys, (gpointer) key, entry);
    }
  else if (g_strcmp0 (entry->first_id, id) != 0)
    entry->shared = TRUE;
}

static gboolean
key_is_shared (GHashTable *keys,
               const char *key)
{
  PersonKey *entry = key ? g_hash_table_lookup (keys, key) : NULL;

  return entry != NULL && entry->shared;
}

/**
 * md_inbox_update_duplicates:
 *
 * Flags items whose applicant also applied in a dossier with another
 * id: the same e-mail address, or the same name and date of birth
 * (both folded, see md_inbox_item_get_email_key()). Two files with the
 * same id are versions of one dossier, not a duplicate person. One
 * pass to count, one to flag: linear in the number of items.
 */
void
md_inbox_update_duplicates (MdInbox *self)
{
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->items->len; i++)
    {
      MdInboxItem *item = self->items->pdata[i];

      count_key (emails, md_inbox_item_get_email_key (item), md_inbox_item_get_id (item));
      count_key (names, md_inbox_item_get_name_key (item), md_inbox_item_get_id (item));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      MdInboxItem *item = self->items->pdata[i];

      md_inbox_item_set_duplicate (item, key_is_shared (emails, md_inbox_item_get_email_key (item)) ||
                                         key_is_shared (names, md_inbox_item_get_name_key (item)));
    }
}
