/* md-dossier.h: one application dossier, addressed by field paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MD_TYPE_DOSSIER (md_dossier_get_type ())

G_DECLARE_FINAL_TYPE (MdDossier, md_dossier, MD, DOSSIER, GObject)

/* Attachments larger than this are refused when attached and when loaded. */
#define MD_ATTACHMENT_MAX_SIZE (10 * 1024 * 1024)

typedef enum
{
  MD_INTEGRITY_UNCHECKED,
  MD_INTEGRITY_INTACT,
  MD_INTEGRITY_CHANGED_OUTSIDE,
  MD_INTEGRITY_MISSING,
} MdIntegrity;

MdDossier   *md_dossier_new                 (const char   *programme,
                                             const char   *call);
MdDossier   *md_dossier_new_from_root       (JsonNode     *root);
JsonNode    *md_dossier_get_root            (MdDossier    *self);
const char  *md_dossier_get_id              (MdDossier    *self);
const char  *md_dossier_get_programme       (MdDossier    *self);
MdIntegrity  md_dossier_get_integrity       (MdDossier    *self);
void         md_dossier_set_integrity       (MdDossier    *self,
                                             MdIntegrity   integrity);
gboolean     md_dossier_get_modified_since_save (MdDossier *self);
guint64      md_dossier_get_generation      (MdDossier    *self);
void         md_dossier_mark_unsaved        (MdDossier    *self);
void         md_dossier_mark_saved          (MdDossier    *self);
char        *md_dossier_dup_display_name    (MdDossier    *self);

JsonNode    *md_dossier_lookup              (MdDossier    *self,
                                             const char   *path);
const char  *md_dossier_get_string          (MdDossier    *self,
                                             const char   *path);
gint64       md_dossier_get_int             (MdDossier    *self,
                                             const char   *path,
                                             gint64        fallback);
double       md_dossier_get_double          (MdDossier    *self,
                                             const char   *path,
                                             double        fallback);
gboolean     md_dossier_get_boolean         (MdDossier    *self,
                                             const char   *path);
guint        md_dossier_get_length          (MdDossier    *self,
                                             const char   *path);

gboolean     md_dossier_set_value           (MdDossier    *self,
                                             const char   *path,
                                             JsonNode     *value,
                                             GError      **error);
gboolean     md_dossier_set_string          (MdDossier    *self,
                                             const char   *path,
                                             const char   *value,
                                             GError      **error);
gboolean     md_dossier_set_int             (MdDossier    *self,
                                             const char   *path,
                                             gint64        value,
                                             GError      **error);
gboolean     md_dossier_set_double          (MdDossier    *self,
                                             const char   *path,
                                             double        value,
                                             GError      **error);
gboolean     md_dossier_set_boolean         (MdDossier    *self,
                                             const char   *path,
                                             gboolean      value,
                                             GError      **error);
gboolean     md_dossier_append_row          (MdDossier    *self,
                                             const char   *list_path,
                                             guint        *out_index,
                                             GError      **error);
gboolean     md_dossier_move_row            (MdDossier    *self,
                                             const char   *list_path,
                                             guint         from,
                                             guint         to,
                                             GError      **error);
gboolean     md_dossier_remove_row          (MdDossier    *self,
                                             const char   *list_path,
                                             guint         index,
                                             GError      **error);

gboolean     md_dossier_add_attachment      (MdDossier    *self,
                                             const char   *name,
                                             const char   *media_type,
                                             GBytes       *data,
                                             GError      **error);
gboolean     md_dossier_verify_attachments  (MdDossier    *self,
                                             GError      **error);
GBytes      *md_dossier_dup_attachment_data (MdDossier    *self,
                                             guint         index,
                                             GError      **error);

G_END_DECLS
