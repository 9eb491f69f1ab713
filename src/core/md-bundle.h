/* md-bundle.h: reading and writing the JSON bundle (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-dossier.h"

G_BEGIN_DECLS

#define MD_BUNDLE_FORMAT          "mobility-dossier"
#define MD_BUNDLE_FORMAT_VERSION  1
#define MD_BUNDLE_MAX_SIZE        (64 * 1024 * 1024)
#define MD_BUNDLE_MAX_DEPTH       64
#define MD_BUNDLE_SUFFIX          ".dossier.json"
#define MD_BUNDLE_MEDIA_TYPE      "application/x-mobility-dossier"

#define MD_BUNDLE_ERROR (md_bundle_error_quark ())

typedef enum
{
  MD_BUNDLE_ERROR_TOO_LARGE,
  MD_BUNDLE_ERROR_NOT_UTF8,
  MD_BUNDLE_ERROR_TOO_DEEP,
  MD_BUNDLE_ERROR_SYNTAX,
  MD_BUNDLE_ERROR_DUPLICATE_MEMBER,
  MD_BUNDLE_ERROR_NOT_AN_OBJECT,
  MD_BUNDLE_ERROR_WRONG_FORMAT,
  MD_BUNDLE_ERROR_NEWER_VERSION,
  MD_BUNDLE_ERROR_MISSING_MEMBER,
  MD_BUNDLE_ERROR_WRONG_TYPE,
  MD_BUNDLE_ERROR_ATTACHMENT_CORRUPT,
  MD_BUNDLE_ERROR_ATTACHMENT_TOO_LARGE,
} MdBundleError;

GQuark      md_bundle_error_quark     (void);

char       *md_bundle_compute_digest  (JsonNode             *root);
char       *md_bundle_compute_agreement_digest (MdDossier   *dossier);
GBytes     *md_bundle_serialize       (MdDossier            *dossier);
MdDossier  *md_bundle_load_bytes      (GBytes               *bytes,
                                       GError              **error);
MdDossier  *md_bundle_load_file       (GFile                *file,
                                       GCancellable         *cancellable,
                                       GError              **error);
void        md_bundle_load_file_async (GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
MdDossier  *md_bundle_load_file_finish (GAsyncResult        *result,
                                        GError             **error);
gboolean    md_bundle_write_file      (GBytes               *contents,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean    md_bundle_save_file       (MdDossier            *dossier,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GError              **error);
void        md_bundle_save_file_async (MdDossier            *dossier,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean    md_bundle_save_file_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
