/* md-test-core.h: helpers shared by the core and integration tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "md-dossier.h"
#include "md-outbox.h"
#include "md-programme.h"

G_BEGIN_DECLS

typedef void (*MdTestProfileEdit) (JsonObject    *profile,
                                   gconstpointer  data);

MdDossier   *md_test_load_sample          (const char         *file_name);
void         md_test_remove_tree          (const char         *path);
MdProgramme *md_test_write_ka131_profile  (const char         *dir,
                                           MdTestProfileEdit   edit,
                                           gconstpointer       data);
MdOutbox    *md_test_open_outbox          (const char         *root,
                                           MdSubmitter        *submitter,
                                           MdSecretStore      *secrets);
gboolean     md_test_send_now             (MdOutbox           *outbox,
                                           MdOutboxEntry      *entry,
                                           GError            **error);

G_END_DECLS
