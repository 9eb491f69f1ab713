/* md-countries.h: ISO 3166-1 country codes and their translated names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    md_countries_is_known (const char *alpha2);
const char *md_countries_get_name (const char *alpha2);
GPtrArray  *md_countries_list     (void);

G_END_DECLS
