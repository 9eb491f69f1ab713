/* md-programme-registry.h: the programme profiles installed on this machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-programme.h"

G_BEGIN_DECLS

#define MD_TYPE_PROGRAMME_REGISTRY (md_programme_registry_get_type ())

G_DECLARE_FINAL_TYPE (MdProgrammeRegistry, md_programme_registry, MD, PROGRAMME_REGISTRY, GObject)

MdProgrammeRegistry *md_programme_registry_new         (GFile               *directory);
MdProgrammeRegistry *md_programme_registry_new_default (void);
gboolean             md_programme_registry_load        (MdProgrammeRegistry *self,
                                                        GError             **error);
GListModel          *md_programme_registry_get_programmes (MdProgrammeRegistry *self);
MdProgramme         *md_programme_registry_lookup      (MdProgrammeRegistry *self,
                                                        const char          *id,
                                                        GError             **error);

G_END_DECLS
