/* md-cli.c: mobility-dossier-cli, the command line over the core
 *
 * Exit codes: 0 ok, 1 problems found, 2 unusable input or usage error.
 * Results go to stdout, messages to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "md-bundle.h"
#include "md-cli-grade.h"
#include "md-cli-export.h"
#include "md-cli-ewp.h"
#include "md-cli-submit.h"
#include "md-formats.h"
#include "md-grant-estimate.h"
#include "md-programme-registry.h"
#include "md-validator.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNUSABLE = 2,
};

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

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
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static gboolean
parse_single_file (GOptionContext  *context,
                   int             *argc,
                   char          ***argv,
                   GError         **error)
{
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Expected exactly one FILE. Try --help."));
      return FALSE;
    }

  return TRUE;
}

static const char *
describe_integrity (MdIntegrity integrity)
{
  switch (integrity)
    {
    case MD_INTEGRITY_INTACT:
      return _("intact");
    case MD_INTEGRITY_CHANGED_OUTSIDE:
      return _("CHANGED OUTSIDE THE APPLICATION (the content does not match its integrity digest)");
    case MD_INTEGRITY_MISSING:
      return _("UNVERIFIED (the bundle has no integrity digest)");
    case MD_INTEGRITY_UNCHECKED:
    default:
      return _("not checked");
    }
}

static void
print_field (const char *label,
             const char *value)
{
  g_print ("%-14s %s\n", label, value && *value ? value : "—");
}

static int
run_inspect (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Show a summary of a dossier bundle and whether it is intact."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autofree char *name = NULL;
  g_autofree char *attachments = NULL;

  if (!parse_single_file (context, &argc, &argv, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  file = g_file_new_for_commandline_arg (argv[1]);
  dossier = md_bundle_load_file (file, NULL, &error);
  if (dossier == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  name = md_dossier_dup_display_name (dossier);
  attachments = g_strdup_printf ("%u", md_dossier_get_length (dossier, "attachments"));

  print_field (_("File:"), argv[1]);
  print_field (_("Id:"), md_dossier_get_id (dossier));
  print_field (_("Programme:"), md_dossier_get_programme (dossier));
  print_field (_("Call:"), md_dossier_get_string (dossier, "call"));
  print_field (_("Applicant:"), name);
  print_field (_("E-mail:"), md_dossier_get_string (dossier, "applicant.email"));
  print_field (_("Activity:"), md_dossier_get_string (dossier, "mobility.activity"));
  print_field (_("Destination:"), md_dossier_get_string (dossier, "mobility.destination_country"));
  print_field (_("Start:"), md_dossier_get_string (dossier, "mobility.start_date"));
  print_field (_("End:"), md_dossier_get_string (dossier, "mobility.end_date"));
  print_field (_("Created:"), md_dossier_get_string (dossier, "created"));
  print_field (_("Modified:"), md_dossier_get_string (dossier, "modified"));
  print_field (_("Attachments:"), attachments);
  print_field (_("Integrity:"), describe_integrity (md_dossier_get_integrity (dossier)));

  return md_dossier_get_integrity (dossier) == MD_INTEGRITY_INTACT ? EXIT_OK : EXIT_PROBLEMS;
}

static int
run_new (int    argc,
         char **argv)
{
  g_autofree char *programme_id = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "programme", 'p', 0, G_OPTION_ARG_STRING, &programme_id, N_("Programme profile id"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the new bundle"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (NULL, _("Create an empty dossier bundle for a programme."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  if (programme_id == NULL || output == NULL || argc != 1)
    {
      g_printerr ("%s\n", _("Usage: mobility-dossier-cli new --programme ID -o FILE"));
      return EXIT_UNUSABLE;
    }

  programme = md_programme_registry_lookup (registry, programme_id, &error);
  if (programme == NULL)
    return fail (EXIT_UNUSABLE, NULL, error);

  dossier = md_dossier_new (md_programme_get_id (programme), md_programme_get_call (programme));
  file = g_file_new_for_commandline_arg (output);
  if (!md_bundle_save_file (dossier, file, NULL, &error))
    return fail (EXIT_UNUSABLE, output, error);

  g_print ("%s\n", md_dossier_get_id (dossier));
  return EXIT_OK;
}

static gboolean
parse_reference_date (const char  *text,
                      GDate       *date,
                      GError     **error)
{
  if (text == NULL)
    {
      g_date_set_time_t (date, time (NULL));
      return TRUE;
    }

  if (md_format_parse_date (text, date))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a date; write it as YYYY-MM-DD."), text);
  return FALSE;
}

/* Checks what the bundle guarantees itself, then the programme rules. */
static MdReport *
validate_bundle (MdDossier   *dossier,
                 const GDate *today)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  MdReport *report;

  programme = md_programme_registry_lookup (registry, md_dossier_get_programme (dossier), &error);
  if (programme == NULL && !g_error_matches (error, MD_PROGRAMME_ERROR, MD_PROGRAMME_ERROR_UNKNOWN))
    g_printerr ("%s\n", error->message);

  report = md_validate_dossier (dossier, programme, today);
  if (md_dossier_get_integrity (dossier) != MD_INTEGRITY_INTACT)
    md_report_add (report, MD_SEVERITY_ERROR, "integrity", "bundle.changed_outside", "%s",
                   describe_integrity (md_dossier_get_integrity (dossier)));

  return report;
}

static void
print_report_human (MdReport *report)
{
  guint n = md_report_get_n_issues (report);

  if (n == 0)
    {
      g_print ("%s\n", _("No problems found."));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const MdIssue *issue = md_report_get_issue (report, i);

      g_print ("%s %s: %s [%s]\n",
               issue->severity == MD_SEVERITY_ERROR ? _("error") : _("warning"),
               issue->path, issue->message, issue->rule);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", md_report_count (report, MD_SEVERITY_ERROR)),
           md_report_count (report, MD_SEVERITY_ERROR));
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", md_report_count (report, MD_SEVERITY_WARNING)),
           md_report_count (report, MD_SEVERITY_WARNING));
  g_print ("\n");
}

static int
run_validate (int    argc,
              char **argv)
{
  gboolean as_json = FALSE;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the report as JSON"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Check deadlines as if submitted on this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Check a dossier bundle against its programme rules."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(MdReport) report = NULL;
  GDate today;

  if (!parse_single_file (context, &argc, &argv, &error) ||
      !parse_reference_date (date_text, &today, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  file = g_file_new_for_commandline_arg (argv[1]);
  dossier = md_bundle_load_file (file, NULL, &error);
  if (dossier == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  report = validate_bundle (dossier, &today);
  if (as_json)
    {
      g_autoptr(JsonNode) json = md_report_to_json (report);
      g_autofree char *text = json_to_string (json, TRUE);
      g_print ("%s\n", text);
    }
  else
    print_report_human (report);

  return md_report_count (report, MD_SEVERITY_ERROR) == 0 ? EXIT_OK : EXIT_PROBLEMS;
}

static int
run_estimate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Estimate the grant of a dossier from its programme's rates."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(MdGrantEstimate) estimate = NULL;
  g_autofree char *text = NULL;

  if (!parse_single_file (context, &argc, &argv, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  file = g_file_new_for_commandline_arg (argv[1]);
  dossier = md_bundle_load_file (file, NULL, &error);
  if (dossier == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  programme = md_programme_registry_lookup (registry, md_dossier_get_programme (dossier), &error);
  if (programme == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  estimate = md_grant_estimate_compute (dossier, programme, &error);
  if (estimate == NULL)
    return fail (EXIT_PROBLEMS, argv[1], error);

  text = md_grant_estimate_to_text (estimate);
  g_print ("%s", text);
  return EXIT_OK;
}

static const Command commands[] = {
  { "inspect",  N_("Show a summary of a bundle and its integrity state"), run_inspect },
  { "new",      N_("Create an empty dossier for a programme"), run_new },
  { "validate", N_("Check a bundle and report its problems"), run_validate },
  { "estimate", N_("Estimate the grant of a dossier"), run_estimate },
  { "submit",   N_("Send a bundle to an intake endpoint"), md_cli_submit },
  { "export",   N_("Export the decisions on a folder of dossiers as CSV"), md_cli_export },
  { "convert-grade", N_("Convert grades obtained abroad to the home scale"), md_cli_convert_grade },
  { "export-ewp", N_("Export the learning agreement as EWP XML"), md_cli_export_ewp },
  { "import-ewp", N_("Import an EWP learning agreement into a bundle"), md_cli_import_ewp },
};

static void
print_usage (void)
{
  g_printerr ("%s\n\n%s\n", _("Usage: mobility-dossier-cli COMMAND [OPTIONS…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-14s %s\n", commands[i].name, _(commands[i].summary));
  g_printerr ("\n%s\n", _("Run “mobility-dossier-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return argc < 2 ? EXIT_UNUSABLE : EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].run (argc - 1, argv + 1);
    }

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  print_usage ();
  return EXIT_UNUSABLE;
}
