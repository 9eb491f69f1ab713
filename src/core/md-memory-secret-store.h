/* md-memory-secret-store.h: secrets kept in memory only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-secret-store.h"

G_BEGIN_DECLS

#define MD_TYPE_MEMORY_SECRET_STORE (md_memory_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (MdMemorySecretStore, md_memory_secret_store, MD, MEMORY_SECRET_STORE, GObject)

MdMemorySecretStore *md_memory_secret_store_new    (void);
void                 md_memory_secret_store_set    (MdMemorySecretStore *self,
                                                    const char          *uri,
                                                    const char          *user,
                                                    const char          *secret);
const char          *md_memory_secret_store_get    (MdMemorySecretStore *self,
                                                    const char          *uri,
                                                    const char          *user);

G_END_DECLS
