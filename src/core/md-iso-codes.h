/* md-iso-codes.h: country and language codes and their translated names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MD_ISO_CODES_COUNTRIES,   /* ISO 3166-1 alpha-2, "BE" */
  MD_ISO_CODES_LANGUAGES,   /* ISO 639-1, "nl" */
} MdIsoCodes;

gboolean    md_iso_codes_is_known (MdIsoCodes  list,
                                   const char *code);
const char *md_iso_codes_get_name (MdIsoCodes  list,
                                   const char *code);
GPtrArray  *md_iso_codes_list     (MdIsoCodes  list);

G_END_DECLS
