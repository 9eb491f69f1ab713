/* md-endpoint.h: where a dossier is submitted to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MD_TYPE_ENDPOINT (md_endpoint_get_type ())

G_DECLARE_FINAL_TYPE (MdEndpoint, md_endpoint, MD, ENDPOINT, GObject)

#define MD_ENDPOINT_ERROR (md_endpoint_error_quark ())

typedef enum
{
  MD_ENDPOINT_ERROR_INVALID,
  MD_ENDPOINT_ERROR_INSECURE,
  MD_ENDPOINT_ERROR_SECRET_IN_ADDRESS,
  MD_ENDPOINT_ERROR_UNKNOWN_KIND,
} MdEndpointError;

typedef enum
{
  MD_ENDPOINT_KIND_HTTP,
  MD_ENDPOINT_KIND_WEBDAV,
  MD_ENDPOINT_KIND_FOLDER,
} MdEndpointKind;

#define MD_TYPE_ENDPOINT_KIND (md_endpoint_kind_get_type ())

GType           md_endpoint_kind_get_type         (void);
GQuark          md_endpoint_error_quark           (void);

gboolean        md_endpoint_kind_from_string      (const char      *text,
                                                   MdEndpointKind  *kind,
                                                   GError         **error);
const char     *md_endpoint_kind_to_string        (MdEndpointKind   kind);
MdEndpointKind  md_endpoint_guess_kind            (const char      *address);
gboolean        md_endpoint_host_is_loopback      (const char      *host);

MdEndpoint     *md_endpoint_new                   (const char      *address,
                                                   MdEndpointKind   kind,
                                                   const char      *user,
                                                   GError         **error);
MdEndpoint     *md_endpoint_new_for_folder        (GFile           *folder);
MdEndpoint     *md_endpoint_new_default           (void);
GFile          *md_endpoint_get_default_folder    (void);

MdEndpointKind  md_endpoint_get_kind              (MdEndpoint      *self);
const char     *md_endpoint_get_uri               (MdEndpoint      *self);
const char     *md_endpoint_get_user              (MdEndpoint      *self);
GFile          *md_endpoint_get_folder            (MdEndpoint      *self);
gboolean        md_endpoint_is_loopback           (MdEndpoint      *self);
char           *md_endpoint_dup_target_uri        (MdEndpoint      *self,
                                                   const char      *dossier_id);
char           *md_endpoint_dup_display_name      (MdEndpoint      *self);
gboolean        md_endpoint_equal                 (MdEndpoint      *self,
                                                   MdEndpoint      *other);

G_END_DECLS
