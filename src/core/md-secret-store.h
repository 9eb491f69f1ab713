/* md-secret-store.h: where endpoint passwords and tokens are kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MD_TYPE_SECRET_STORE (md_secret_store_get_type ())

G_DECLARE_INTERFACE (MdSecretStore, md_secret_store, MD, SECRET_STORE, GObject)

struct _MdSecretStoreInterface
{
  GTypeInterface parent_iface;

  void      (*lookup_async)  (MdSecretStore        *self,
                              const char           *uri,
                              const char           *user,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  char     *(*lookup_finish) (MdSecretStore        *self,
                              GAsyncResult         *result,
                              GError              **error);
  void      (*store_async)   (MdSecretStore        *self,
                              const char           *uri,
                              const char           *user,
                              const char           *secret,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  gboolean  (*store_finish)  (MdSecretStore        *self,
                              GAsyncResult         *result,
                              GError              **error);
};

void           md_secret_store_lookup_async  (MdSecretStore        *self,
                                              const char           *uri,
                                              const char           *user,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
char          *md_secret_store_lookup_finish (MdSecretStore        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void           md_secret_store_store_async   (MdSecretStore        *self,
                                              const char           *uri,
                                              const char           *user,
                                              const char           *secret,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       md_secret_store_store_finish  (MdSecretStore        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
MdSecretStore *md_secret_store_new_default   (void);

G_END_DECLS
