/* md-checksum.c
 *
 * Every bundle is hashed when it is loaded (its integrity digest, and
 * each attachment), so opening a folder of ten thousand hashes some
 * hundred megabytes. GLib's SHA-256 is portable C; Nettle's uses the
 * processor's SHA instructions where there are any and is several
 * times faster. Nettle comes with GnuTLS on every desktop; without it
 * the build falls back to GChecksum, with the same results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef MD_HAVE_NETTLE
#include <nettle/sha2.h>
#endif

#include "md-checksum.h"

/**
 * md_checksum_sha256:
 *
 * Returns: (transfer full): the SHA-256 of @data in lowercase hexadecimal
 */
char *
md_checksum_sha256 (const void *data,
                    gsize       length)
{
#ifdef MD_HAVE_NETTLE
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *text = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&context);
  sha256_update (&context, length, data);
  sha256_digest (&context, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      text[2 * i] = hex[digest[i] >> 4];
      text[2 * i + 1] = hex[digest[i] & 0xf];
    }
  text[2 * SHA256_DIGEST_SIZE] = '\0';

  return text;
#else
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
#endif
}
