/* md-libsecret-store.c
 *
 * One keyring item per endpoint address and user name, under the
 * application's own schema so that the keyring shows what it is for.
 * Built only when libsecret-1 is available.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "md-libsecret-store.h"

struct _MdLibsecretStore
{
  GObject parent_instance;
};

static void secret_store_iface_init (MdSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MdLibsecretStore, md_libsecret_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MD_TYPE_SECRET_STORE, secret_store_iface_init))

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Endpoint", SECRET_SCHEMA_NONE,
    {
      { "uri", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static void
md_libsecret_store_class_init (MdLibsecretStoreClass *klass)
{
}

static void
md_libsecret_store_init (MdLibsecretStore *self)
{
}

MdLibsecretStore *
md_libsecret_store_new (void)
{
  return g_object_new (MD_TYPE_LIBSECRET_STORE, NULL);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

static void
libsecret_lookup_async (MdSecretStore       *store,
                        const char          *uri,
                        const char          *user,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, libsecret_lookup_async);
  secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "uri", uri, "user", user ? user : "", NULL);
}

/* Secrets from the keyring live in non-pageable memory and must be
 * freed with secret_password_free(); callers use g_free(), so the
 * secret is copied here. */
static char *
libsecret_lookup_finish (MdSecretStore  *store,
                         GAsyncResult   *result,
                         GError        **error)
{
  char *secret;
  char *copy;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  secret = g_task_propagate_pointer (G_TASK (result), error);
  copy = g_strdup (secret);
  if (secret != NULL)
    secret_password_free (secret);
  return copy;
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean clearing = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (clearing)
    secret_password_clear_finish (result, &error);
  else
    secret_password_store_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
libsecret_store_async (MdSecretStore       *store,
                       const char          *uri,
                       const char          *user,
                       const char          *secret,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *label = NULL;

  g_task_set_source_tag (task, libsecret_store_async);
  g_task_set_task_data (task, GINT_TO_POINTER (secret == NULL), NULL);

  if (secret == NULL)
    {
      secret_password_clear (get_schema (), cancellable, store_cb, g_steal_pointer (&task),
                             "uri", uri, "user", user ? user : "", NULL);
      return;
    }

  /* Translators: the name of a keyring item; %s is a web address. */
  label = g_strdup_printf (_("Mobility Dossier submission to %s"), uri);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "uri", uri, "user", user ? user : "", NULL);
}

static gboolean
libsecret_store_finish (MdSecretStore  *store,
                        GAsyncResult   *result,
                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
secret_store_iface_init (MdSecretStoreInterface *iface)
{
  iface->lookup_async = libsecret_lookup_async;
  iface->lookup_finish = libsecret_lookup_finish;
  iface->store_async = libsecret_store_async;
  iface->store_finish = libsecret_store_finish;
}
