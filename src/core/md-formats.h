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

/* Display formats: the user's locale (digits, grouping, month names) and
 * the translation's word order. */
char     *md_format_display_number          (double      value,
                                             guint       max_decimals);
char     *md_format_display_money           (double      euros);
char     *md_format_display_date            (const GDate *date);
char     *md_format_display_iso_date        (const char *iso_date);
char     *md_format_display_timestamp       (const char *iso8601);

G_END_DECLS
