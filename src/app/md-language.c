/* md-language.c
 *
 * Choosing the interface language while the application runs. gettext
 * reads LANGUAGE on every lookup but caches translations until the
 * locale changes, so the choice goes into LANGUAGE and LC_MESSAGES is set
 * again; windows then have to be built anew to show the new texts.
 * Dates and numbers stay with the system's regional formats, as in the
 * rest of the desktop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-language.h"

const char * const md_language_codes[] = { "", "en", "nl", "fr", "de" };

/* Each language is named in itself, so that a user who picked one they
 * cannot read still finds their own. */
static const char * const endonyms[] = { NULL, "English", "Nederlands", "Français", "Deutsch" };

static gboolean system_language_saved;
static char *system_language;

guint
md_language_count (void)
{
  return G_N_ELEMENTS (md_language_codes);
}

const char *
md_language_code_at (guint index)
{
  return index < G_N_ELEMENTS (md_language_codes) ? md_language_codes[index] : "";
}

/**
 * md_language_index_of:
 * @code: (nullable): a language code, "" for the system's
 *
 * Returns: the index of @code, 0 (the system's) when it is not offered
 */
guint
md_language_index_of (const char *code)
{
  for (guint i = 1; code != NULL && i < G_N_ELEMENTS (md_language_codes); i++)
    if (g_str_equal (code, md_language_codes[i]))
      return i;
  return 0;
}

/**
 * md_language_dup_name:
 *
 * Returns: (transfer full): the name to show for the language at @index
 */
char *
md_language_dup_name (guint index)
{
  if (index == 0 || index >= G_N_ELEMENTS (endonyms))
    return g_strdup (_("System Default"));
  return g_strdup (endonyms[index]);
}

/**
 * md_language_apply:
 * @code: (nullable): a language code, or "" or %NULL for the system's
 *
 * Makes gettext answer in @code from now on. Call it from the main
 * thread before building the widgets that should show it.
 */
void
md_language_apply (const char *code)
{
  const char *messages;

  if (!system_language_saved)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      system_language_saved = TRUE;
    }

  if (code != NULL && *code != '\0')
    g_setenv ("LANGUAGE", code, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* glibc ignores LANGUAGE in the plain C locale; its UTF-8 twin keeps
   * English formats but lets a chosen translation through. */
  messages = setlocale (LC_MESSAGES, "");
  if (code != NULL && *code != '\0' && (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_MESSAGES, "C.UTF-8");
}
