/* md-formats.h: pure checks for the text formats a dossier uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  md_format_is_email                (const char *text);
gboolean  md_format_parse_date              (const char *text,
                                             GDate      *out);
gboolean  md_format_is_iban                 (const char *text);
char     *md_format_normalize_erasmus_code  (const char *text);
gboolean  md_format_is_erasmus_code         (const char *text);
gboolean  md_format_is_isced_f              (const char *text);
gboolean  md_format_is_cefr                 (const char *text);
gboolean  md_format_is_language_code        (const char *text);
guint     md_format_count_words             (const char *text);
guint     md_format_count_characters        (const char *text);

G_END_DECLS
