/* md-safe-files.h: file names from untrusted content, reads with a
 * size cap, private folders and atomic private writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Longest file name most file systems accept, in bytes. */
#define MD_SAFE_NAME_MAX 255

gboolean  md_safe_is_dossier_id      (const char    *id);
char     *md_safe_file_name          (const char    *untrusted);
GBytes   *md_safe_load_file          (GFile         *file,
                                      gsize          max_size,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  md_safe_make_private_dir   (const char    *path,
                                      GError       **error);
gboolean  md_safe_write_file         (const char    *path,
                                      const char    *data,
                                      gsize          length,
                                      GError       **error);
gboolean  md_safe_keep_backup        (const char    *path,
                                      const char    *backup_path,
                                      GError       **error);
gboolean  md_safe_file_is_read_only  (GFile         *file);

G_END_DECLS
