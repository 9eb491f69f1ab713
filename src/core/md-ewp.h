/* md-ewp.h: the learning agreement as an EWP omobility-las get-response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-dossier.h"

G_BEGIN_DECLS

/* Documents larger than this are refused before they are parsed. */
#define MD_EWP_MAX_DOCUMENT_SIZE (4 * 1024 * 1024)

#define MD_EWP_ERROR (md_ewp_error_quark ())

typedef enum
{
  MD_EWP_ERROR_MISSING_VALUE,
  MD_EWP_ERROR_INVALID_DOCUMENT,
  MD_EWP_ERROR_UNSUPPORTED,
  MD_EWP_ERROR_INVALID_VALUE,
  MD_EWP_ERROR_TOO_LARGE,
} MdEwpError;

GQuark   md_ewp_error_quark        (void);
GBytes  *md_ewp_export_agreement   (MdDossier  *dossier,
                                    GError    **error);
gboolean md_ewp_import_agreement   (MdDossier  *dossier,
                                    GBytes     *xml,
                                    GError    **error);

G_END_DECLS
