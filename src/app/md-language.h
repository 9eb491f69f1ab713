/* md-language.h: the language the interface speaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The languages with a complete translation, "" first for the system's. */
extern const char * const md_language_codes[];

guint        md_language_count      (void);
const char  *md_language_code_at    (guint       index);
guint        md_language_index_of   (const char *code);
char        *md_language_dup_name   (guint       index);
void         md_language_apply      (const char *code);

G_END_DECLS
