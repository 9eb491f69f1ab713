/* md-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-endpoint.h"
#include "md-outbox.h"
#include "md-secret-store.h"

G_BEGIN_DECLS

#define MD_TYPE_APPLICATION (md_application_get_type ())

G_DECLARE_FINAL_TYPE (MdApplication, md_application, MD, APPLICATION, AdwApplication)

MdApplication *md_application_new              (void);
MdSecretStore *md_application_get_secret_store (MdApplication  *self);
void           md_application_set_secret_store (MdApplication  *self,
                                                MdSecretStore  *secrets);
MdOutbox      *md_application_get_outbox       (MdApplication  *self);
MdEndpoint    *md_application_dup_endpoint     (MdApplication  *self,
                                                GError        **error);

G_END_DECLS
