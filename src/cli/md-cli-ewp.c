/* md-cli-ewp.c: mobility-dossier-cli export-ewp and import-ewp
 *
 *   mobility-dossier-cli export-ewp BUNDLE [-o OUT.xml]
 *   mobility-dossier-cli import-ewp BUNDLE XML [-o OUT_BUNDLE]
 *
 * export-ewp writes the learning agreement as an EWP omobility-las
 * get-response, to standard output unless -o names a file. import-ewp
 * reads one back into the bundle, saved over BUNDLE (the old one kept
 * as BUNDLE~) unless -o names another file. Both files hold personal
 * data, so they are written readable by the owner only.
 *
 * Exit codes: 0 ok, 1 the dossier lacks what EWP needs, 2 unusable
 * input or usage error. Messages go to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "md-bundle.h"
#include "md-cli-ewp.h"
#include "md-ewp.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNUSABLE = 2,
};

static int
fail (int         code,
      const char *file,
      GError     *error)
{
  if (file != NULL)
    g_printerr ("%s: %s\n", file, error->message);
  else
    g_printerr ("%s\n", error->message);
  return code;
}

static GOptionContext *
command_context (const char   *parameters,
                 const char   *summary,
                 GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static MdDossier *
load_bundle (const char  *name,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);

  return md_bundle_load_file (file, NULL, error);
}

static gboolean
write_document (const char  *name,
                GBytes      *xml,
                GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (xml, &length);

  if (name == NULL || g_str_equal (name, "-"))
    {
      if (fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0)
        return TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output."));
      return FALSE;
    }

  return g_file_set_contents_full (name, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

int
md_cli_export_ewp (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the XML to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("BUNDLE"), _("Export the learning agreement as an EWP omobility-las get-response."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GBytes) xml = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: mobility-dossier-cli export-ewp BUNDLE [-o OUT.xml]"));
      return EXIT_UNUSABLE;
    }

  dossier = load_bundle (argv[1], &error);
  if (dossier == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  xml = md_ewp_export_agreement (dossier, &error);
  if (xml == NULL)
    return fail (EXIT_PROBLEMS, argv[1], error);

  if (!write_document (output, xml, &error))
    return fail (EXIT_UNUSABLE, output, error);

  return EXIT_OK;
}

/* The size is checked before reading, so a huge file is not loaded
 * only to be refused. */
static GBytes *
read_document (const char  *name,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("This is not a regular file."));
      return NULL;
    }

  if (g_file_info_get_size (info) > MD_EWP_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *limit = g_format_size (MD_EWP_MAX_DOCUMENT_SIZE);

      g_set_error (error, MD_EWP_ERROR, MD_EWP_ERROR_TOO_LARGE,
                   _("The document is larger than %s, the most an EWP learning agreement may take."), limit);
      return NULL;
    }

  return g_file_load_bytes (file, NULL, NULL, error);
}

int
md_cli_import_ewp (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Save the bundle as FILE instead of over BUNDLE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("BUNDLE XML"), _("Import an EWP omobility-las get-response into a dossier’s learning agreement."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GFile) target = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  if (argc != 3)
    {
      g_printerr ("%s\n", _("Usage: mobility-dossier-cli import-ewp BUNDLE XML [-o OUT_BUNDLE]"));
      return EXIT_UNUSABLE;
    }

  dossier = load_bundle (argv[1], &error);
  if (dossier == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  xml = read_document (argv[2], &error);
  if (xml == NULL || !md_ewp_import_agreement (dossier, xml, &error))
    return fail (EXIT_UNUSABLE, argv[2], error);

  target = g_file_new_for_commandline_arg (output ? output : argv[1]);
  if (!md_bundle_save_file (dossier, target, NULL, &error))
    return fail (EXIT_UNUSABLE, output ? output : argv[1], error);

  return EXIT_OK;
}
