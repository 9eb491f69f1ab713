/* md-secret-store.c
 *
 * Secrets are looked up by the endpoint's address and user name, never
 * stored in settings or outbox files. The application uses the keyring
 * (libsecret) when it was built with it; tests and the command line use
 * the in-memory store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-memory-secret-store.h"
#include "md-secret-store.h"
#if HAVE_LIBSECRET
# include "md-libsecret-store.h"
#endif

G_DEFINE_INTERFACE (MdSecretStore, md_secret_store, G_TYPE_OBJECT)

static void
md_secret_store_default_init (MdSecretStoreInterface *iface)
{
}

/**
 * md_secret_store_lookup_async:
 * @uri: the endpoint's address (md_endpoint_get_uri())
 * @user: (nullable): the user name
 *
 * Finds the secret kept for @uri and @user.
 */
void
md_secret_store_lookup_async (MdSecretStore       *self,
                              const char          *uri,
                              const char          *user,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (MD_IS_SECRET_STORE (self));
  g_return_if_fail (uri != NULL);

  MD_SECRET_STORE_GET_IFACE (self)->lookup_async (self, uri, user, cancellable, callback, user_data);
}

/**
 * md_secret_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret, or %NULL without an
 *   error when none is kept
 */
char *
md_secret_store_lookup_finish (MdSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (MD_IS_SECRET_STORE (self), NULL);

  return MD_SECRET_STORE_GET_IFACE (self)->lookup_finish (self, result, error);
}

/**
 * md_secret_store_store_async:
 * @secret: (nullable): the secret, or %NULL to forget it
 *
 * Keeps @secret for @uri and @user, replacing an earlier one.
 */
void
md_secret_store_store_async (MdSecretStore       *self,
                             const char          *uri,
                             const char          *user,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (MD_IS_SECRET_STORE (self));
  g_return_if_fail (uri != NULL);

  MD_SECRET_STORE_GET_IFACE (self)->store_async (self, uri, user, secret, cancellable,
                                                 callback, user_data);
}

gboolean
md_secret_store_store_finish (MdSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (MD_IS_SECRET_STORE (self), FALSE);

  return MD_SECRET_STORE_GET_IFACE (self)->store_finish (self, result, error);
}

/**
 * md_secret_store_new_default:
 *
 * Returns: (transfer full): the keyring when available, otherwise a
 *   store that forgets its secrets when the application quits
 */
MdSecretStore *
md_secret_store_new_default (void)
{
#if HAVE_LIBSECRET
  return MD_SECRET_STORE (md_libsecret_store_new ());
#else
  return MD_SECRET_STORE (md_memory_secret_store_new ());
#endif
}
