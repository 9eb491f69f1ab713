/* md-cli-export.c: mobility-dossier-cli export
 *
 *   mobility-dossier-cli export FOLDER --csv OUT.csv [--summary OUT.md] [--bom]
 *
 * Opens FOLDER as an inbox (every bundle with its review sidecar),
 * allocates each programme's grants and writes the decisions and
 * scores as CSV, and optionally the printable summary as Markdown.
 * "-" writes to standard output. The files hold personal data, so they
 * are created readable by the owner only.
 *
 * Exit codes: 0 ok, 2 unusable input or usage error. Messages go to
 * stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "md-allocation.h"
#include "md-cli-export.h"
#include "md-export.h"
#include "md-inbox.h"

enum {
  EXIT_OK = 0,
  EXIT_UNUSABLE = 2,
};

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static int
fail (const char *file,
      GError     *error)
{
  if (file != NULL)
    g_printerr ("%s: %s\n", file, error->message);
  else
    g_printerr ("%s\n", error->message);
  return EXIT_UNUSABLE;
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = md_inbox_load_finish (MD_INBOX (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* The command line has no main loop of its own; run one until the
 * worker threads are done. */
static gboolean
load_inbox (MdInbox  *inbox,
            GError  **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, FALSE, NULL };

  md_inbox_load_async (inbox, NULL, load_cb, &wait);
  g_main_loop_run (loop);
  if (!wait.ok)
    g_propagate_error (error, wait.error);

  return wait.ok;
}

static MdAllocation *
allocate_all (MdInbox *inbox)
{
  MdAllocation *allocation = md_allocation_new ();
  GListModel *programmes = md_programme_registry_get_programmes (md_inbox_get_registry (inbox));

  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(MdProgramme) programme = g_list_model_get_item (programmes, i);

      md_allocation_run (allocation, programme, G_LIST_MODEL (inbox));
    }

  return allocation;
}

static gboolean
write_bytes (const char  *name,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_strcmp0 (name, "-") == 0)
    return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0;

  file = g_file_new_for_commandline_arg (name);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, error);
  return out != NULL &&
         g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static void
print_counts (MdInbox      *inbox,
              MdAllocation *allocation)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (inbox));
  guint counts[MD_OUTCOME_UNSCORED + 1] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (G_LIST_MODEL (inbox), i);
      const MdAllocationResult *result = md_allocation_lookup (allocation, item);

      counts[result ? result->outcome : MD_OUTCOME_NONE]++;
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u file exported", "%u files exported", n), n);
  for (MdOutcome o = MD_OUTCOME_SELECTED; o <= MD_OUTCOME_UNSCORED; o++)
    if (counts[o] > 0)
      g_printerr (", %s: %u", md_outcome_describe (o), counts[o]);
  g_printerr ("\n");
}

int
md_cli_export (int    argc,
               char **argv)
{
  g_autofree char *csv_name = NULL;
  g_autofree char *summary_name = NULL;
  gboolean bom = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_name, N_("Write decisions and scores as CSV to FILE (“-” for standard output)"), N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, &summary_name, N_("Write a printable summary as Markdown to FILE"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the CSV with a byte order mark, for Microsoft Excel"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FOLDER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdInbox) inbox = NULL;
  g_autoptr(MdAllocation) allocation = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GFile) folder = NULL;

  g_option_context_set_summary (context, _("Load a folder of dossiers with their reviews, allocate the grants and export the decisions."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (NULL, error);

  if (argc != 2 || (csv_name == NULL && summary_name == NULL))
    {
      g_printerr ("%s\n", _("Usage: mobility-dossier-cli export FOLDER --csv OUT.csv [--summary OUT.md]"));
      return EXIT_UNUSABLE;
    }

  folder = g_file_new_for_commandline_arg (argv[1]);
  inbox = md_inbox_new (folder, registry);
  if (!load_inbox (inbox, &error))
    return fail (argv[1], error);

  allocation = allocate_all (inbox);
  csv = md_export_decisions_to_csv (G_LIST_MODEL (inbox), allocation, bom ? MD_EXPORT_CSV_BOM : MD_EXPORT_NONE);
  if (csv_name != NULL && !write_bytes (csv_name, csv, &error))
    return fail (csv_name, error);

  if (summary_name != NULL)
    {
      char *text = md_export_summary_markdown (G_LIST_MODEL (inbox), allocation,
                                               md_programme_registry_get_programmes (registry));
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      if (!write_bytes (summary_name, bytes, &error))
        return fail (summary_name, error);
    }

  print_counts (inbox, allocation);
  return EXIT_OK;
}
