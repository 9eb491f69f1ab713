/* md-libsecret-store.h: secrets kept in the desktop keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-secret-store.h"

G_BEGIN_DECLS

#define MD_TYPE_LIBSECRET_STORE (md_libsecret_store_get_type ())

G_DECLARE_FINAL_TYPE (MdLibsecretStore, md_libsecret_store, MD, LIBSECRET_STORE, GObject)

MdLibsecretStore *md_libsecret_store_new (void);

G_END_DECLS
