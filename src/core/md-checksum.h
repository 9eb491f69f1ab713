/* md-checksum.h: SHA-256 for bundle digests and attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *md_checksum_sha256 (const void *data,
                          gsize       length);

G_END_DECLS
