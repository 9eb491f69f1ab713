/* md-countries.h: ISO 3166-1 country codes and their translated names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-iso-codes.h"

G_BEGIN_DECLS

static inline gboolean
md_countries_is_known (const char *alpha2)
{
  return md_iso_codes_is_known (MD_ISO_CODES_COUNTRIES, alpha2);
}

/* The country's name in the current language, or NULL for an unknown code. */
static inline const char *
md_countries_get_name (const char *alpha2)
{
  return md_iso_codes_get_name (MD_ISO_CODES_COUNTRIES, alpha2);
}

/* Every code, sorted by the names in the current language. */
static inline GPtrArray *
md_countries_list (void)
{
  return md_iso_codes_list (MD_ISO_CODES_COUNTRIES);
}

G_END_DECLS
