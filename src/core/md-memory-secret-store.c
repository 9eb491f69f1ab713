/* md-memory-secret-store.c
 *
 * For tests and the command line, which reads its secret from a file or
 * the environment for one run. Secrets are wiped from memory when they
 * are replaced or the store goes away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "md-memory-secret-store.h"

struct _MdMemorySecretStore
{
  GObject     parent_instance;

  GHashTable *secrets; /* "uri\nuser" → secret */
};

static void secret_store_iface_init (MdSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdMemorySecretStore, md_memory_secret_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_SECRET_STORE, secret_store_iface_init))

static void
wipe_secret (gpointer data)
{
  char *secret = data;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static char *
make_key (const char *uri,
          const char *user)
{
  return g_strconcat (uri, "\n", user ? user : "", NULL);
}

static void
md_memory_secret_store_finalize (GObject *object)
{
  MdMemorySecretStore *self = (MdMemorySecretStore *)object;

  g_clear_pointer (&self->secrets, g_hash_table_unref);

  G_OBJECT_CLASS (md_memory_secret_store_parent_class)->finalize (object);
}

static void
md_memory_secret_store_class_init (MdMemorySecretStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_memory_secret_store_finalize;
}

static void
md_memory_secret_store_init (MdMemorySecretStore *self)
{
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_secret);
}

MdMemorySecretStore *
md_memory_secret_store_new (void)
{
  return g_object_new (MD_TYPE_MEMORY_SECRET_STORE, NULL);
}

/**
 * md_memory_secret_store_set:
 * @secret: (nullable): the secret, or %NULL to forget it
 */
void
md_memory_secret_store_set (MdMemorySecretStore *self,
                            const char          *uri,
                            const char          *user,
                            const char          *secret)
{
  g_autofree char *key = NULL;

  g_return_if_fail (MD_IS_MEMORY_SECRET_STORE (self));
  g_return_if_fail (uri != NULL);

  key = make_key (uri, user);
  if (secret == NULL)
    g_hash_table_remove (self->secrets, key);
  else
    g_hash_table_replace (self->secrets, make_key (uri, user), g_strdup (secret));
}

/**
 * md_memory_secret_store_get:
 *
 * Returns: (nullable): the secret kept for @uri and @user
 */
const char *
md_memory_secret_store_get (MdMemorySecretStore *self,
                            const char          *uri,
                            const char          *user)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (MD_IS_MEMORY_SECRET_STORE (self), NULL);

  key = make_key (uri, user);
  return g_hash_table_lookup (self->secrets, key);
}

static void
memory_lookup_async (MdSecretStore       *store,
                     const char          *uri,
                     const char          *user,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  MdMemorySecretStore *self = MD_MEMORY_SECRET_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, memory_lookup_async);
  g_task_return_pointer (task, g_strdup (md_memory_secret_store_get (self, uri, user)), wipe_secret);
}

static char *
memory_lookup_finish (MdSecretStore  *store,
                      GAsyncResult   *result,
                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
memory_store_async (MdSecretStore       *store,
                    const char          *uri,
                    const char          *user,
                    const char          *secret,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  MdMemorySecretStore *self = MD_MEMORY_SECRET_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, memory_store_async);
  md_memory_secret_store_set (self, uri, user, secret);
  g_task_return_boolean (task, TRUE);
}

static gboolean
memory_store_finish (MdSecretStore  *store,
                     GAsyncResult   *result,
                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
secret_store_iface_init (MdSecretStoreInterface *iface)
{
  iface->lookup_async = memory_lookup_async;
  iface->lookup_finish = memory_lookup_finish;
  iface->store_async = memory_store_async;
  iface->store_finish = memory_store_finish;
}
