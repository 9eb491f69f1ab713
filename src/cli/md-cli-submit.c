/* md-cli-submit.c: mobility-dossier-cli submit
 *
 *   mobility-dossier-cli submit FILE [--endpoint URL] [--type http|webdav|folder]
 *                               [--token-file F | --user U [--password-file F]]
 *                               [--outbox DIR] [--timeout SECONDS]
 *
 * The bundle goes through the same outbox as in the application: it is
 * queued first, then sent once. Run the same command again to retry a
 * submission that stayed queued; it keeps its Idempotency-Key, so the
 * endpoint stores it once. Without --endpoint the bundle is placed in
 * the local folder a coordinator can open as an inbox.
 *
 * Secrets are never taken from the command line, where other users can
 * read them: only from a file or from MD_SUBMIT_TOKEN / MD_SUBMIT_PASSWORD.
 *
 * Exit codes: 0 delivered (the receipt is printed), 1 not delivered now
 * (queued for retry, or failed: the message says which and why), 2
 * unusable input (bad bundle, insecure endpoint, usage).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-cli-submit.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"
#include "md-safe-files.h"

#define SECRET_FILE_MAX_SIZE (64 * 1024)

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNUSABLE = 2,
};

typedef struct
{
  char     *endpoint;
  char     *type;
  char     *token_file;
  char     *user;
  char     *password_file;
  char     *outbox;
  int       timeout;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->endpoint, g_free);
  g_clear_pointer (&options->type, g_free);
  g_clear_pointer (&options->token_file, g_free);
  g_clear_pointer (&options->user, g_free);
  g_clear_pointer (&options->password_file, g_free);
  g_clear_pointer (&options->outbox, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

typedef struct
{
  GMainLoop *loop;
  gboolean   delivered;
  GError    *error;
} Wait;

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

static gboolean
parse_options (Options   *options,
               int       *argc,
               char    ***argv,
               GError   **error)
{
  GOptionEntry entries[] = {
    { "endpoint", 'e', 0, G_OPTION_ARG_STRING, &options->endpoint, N_("Where to send it: an https:// address or a folder (default: the local sent folder)"), N_("URL") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &options->type, N_("The kind of endpoint: http, webdav or folder (default: guessed from the address)"), N_("TYPE") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &options->token_file, N_("Read the bearer token from this file (or set MD_SUBMIT_TOKEN)"), N_("FILE") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &options->user, N_("User name for the endpoint, or the share token of a Nextcloud upload link"), N_("USER") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options->password_file, N_("Read the password from this file (or set MD_SUBMIT_PASSWORD)"), N_("FILE") },
    { "outbox", 0, 0, G_OPTION_ARG_FILENAME, &options->outbox, N_("The outbox folder (default: the application’s)"), N_("DIR") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options->timeout, N_("Give up an attempt after this many seconds without progress"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));

  g_option_context_set_summary (context, _("Send a dossier bundle to an intake endpoint, through the outbox."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc != 2 || options->timeout < 0 ||
      (options->token_file != NULL && (options->user != NULL || options->password_file != NULL)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                   _("Usage: mobility-dossier-cli submit FILE [--endpoint URL] [--type http|webdav|folder] [--token-file FILE | --user USER [--password-file FILE]] [--outbox DIR] [--timeout SECONDS]"));
      return FALSE;
    }

  return TRUE;
}

static MdEndpoint *
make_endpoint (Options  *options,
               GError  **error)
{
  MdEndpointKind kind;

  if (options->endpoint == NULL && options->type == NULL)
    return md_endpoint_new_default ();

  if (options->endpoint == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--type needs an --endpoint."));
      return NULL;
    }

  if (options->type != NULL)
    {
      if (!md_endpoint_kind_from_string (options->type, &kind, error))
        return NULL;
    }
  else
    kind = md_endpoint_guess_kind (options->endpoint);

  return md_endpoint_new (options->endpoint, kind, options->user, error);
}

/* One trailing line break is how editors and `echo` end a file; it is
 * not part of the secret. */
static char *
read_secret_file (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st = { 0 };

  if (g_stat (path, &st) == 0 && st.st_size > SECRET_FILE_MAX_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is too large to hold a password or token."), path);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if ((st.st_mode & 0077) != 0)
    g_printerr (_("Warning: %s can be read by other users; keep secrets in a file only you can read (chmod 600).\n"), path);

  if (length > 0 && contents[length - 1] == '\n')
    contents[--length] = '\0';
  if (length > 0 && contents[length - 1] == '\r')
    contents[--length] = '\0';

  return g_steal_pointer (&contents);
}

static gboolean
read_secret (Options     *options,
             MdEndpoint  *endpoint,
             char       **secret,
             GError     **error)
{
  const char *file = options->token_file ? options->token_file : options->password_file;
  const char *variable = md_endpoint_get_user (endpoint) ? "MD_SUBMIT_PASSWORD" : "MD_SUBMIT_TOKEN";

  if (options->password_file != NULL && md_endpoint_get_user (endpoint) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--password-file needs a --user."));
      return FALSE;
    }

  if (file != NULL)
    *secret = read_secret_file (file, error);
  else
    *secret = g_strdup (g_getenv (variable));

  if (file != NULL && *secret == NULL)
    return FALSE;

  if (options->token_file != NULL && **secret == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s is empty; it should hold the token."), options->token_file);
      return FALSE;
    }

  return TRUE;
}

static GFile *
outbox_directory (Options *options)
{
  if (options->outbox != NULL)
    return g_file_new_for_commandline_arg (options->outbox);

  return md_outbox_get_default_directory ();
}

static void
send_now_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->delivered = md_outbox_send_now_finish (MD_OUTBOX (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static int
report_delivered (MdOutboxEntry *entry,
                  gboolean       earlier)
{
  MdEndpoint *endpoint = md_outbox_entry_get_endpoint (entry);
  g_autofree char *where = md_endpoint_dup_display_name (endpoint);
  g_autoptr(JsonNode) receipt = json_node_init_object (json_node_alloc (),
                                                       md_outbox_entry_get_receipt (entry));
  g_autofree char *text = json_to_string (receipt, TRUE);

  if (earlier || md_outbox_entry_get_already_delivered (entry))
    g_printerr (_("Already delivered to %s earlier; nothing was stored twice.\n"), where);
  else if (md_endpoint_get_kind (endpoint) == MD_ENDPOINT_KIND_FOLDER)
    g_printerr (_("Placed in %s, a folder a coordinator can open as an inbox.\n"), where);
  else
    g_printerr (_("Delivered to %s.\n"), where);

  g_print ("%s\n", text);
  return EXIT_OK;
}

static int
report_not_delivered (MdOutbox      *outbox,
                      MdOutboxEntry *entry,
                      const GError  *error)
{
  g_autofree char *where = g_file_get_parse_name (md_outbox_get_directory (outbox));

  if (md_outbox_entry_get_state (entry) == MD_OUTBOX_STATE_QUEUED)
    {
      g_autoptr(GDateTime) next = g_date_time_new_from_unix_local (md_outbox_entry_get_next_attempt (entry) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (next, "%Y-%m-%d %H:%M:%S");

      g_printerr (_("Not delivered now, queued for retry: %s\n"), error->message);
      g_printerr (_("It stays in the outbox %s. Run the same command again to retry; the application retries it from %s on.\n"),
                  where, when);
      return EXIT_PROBLEMS;
    }

  g_printerr (_("Not delivered, failed: %s\n"), error->message);
  if (g_error_matches (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS))
    g_printerr ("%s\n", _("Give credentials with --token-file, or --user and --password-file (or MD_SUBMIT_TOKEN / MD_SUBMIT_PASSWORD)."));
  return EXIT_PROBLEMS;
}

static int
send_entry (MdOutbox      *outbox,
            MdOutboxEntry *entry)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, FALSE, NULL };
  int status;

  /* An earlier run delivered it; the outbox remembers. */
  if (md_outbox_entry_get_state (entry) == MD_OUTBOX_STATE_SENT)
    return report_delivered (entry, TRUE);

  md_outbox_send_now_async (outbox, entry, NULL, send_now_cb, &wait);
  g_main_loop_run (loop);

  status = wait.delivered ? report_delivered (entry, FALSE) : report_not_delivered (outbox, entry, wait.error);
  g_clear_error (&wait.error);
  return status;
}

static void
warn_if_not_intact (const char *file,
                    MdDossier  *dossier)
{
  if (md_dossier_get_integrity (dossier) != MD_INTEGRITY_INTACT)
    g_printerr (_("Warning: %s was changed outside the application or has no integrity digest; the coordinator will see that.\n"),
                file);
}

int
md_cli_submit (int    argc,
               char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdMemorySecretStore) secrets = md_memory_secret_store_new ();
  g_autoptr(GFile) directory = NULL;
  g_autoptr(MdOutbox) outbox = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autofree char *secret = NULL;

  if (!parse_options (&options, &argc, &argv, &error) ||
      (endpoint = make_endpoint (&options, &error)) == NULL ||
      !read_secret (&options, endpoint, &secret, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  file = g_file_new_for_commandline_arg (argv[1]);
  bundle = md_safe_load_file (file, MD_BUNDLE_MAX_SIZE, NULL, &error);
  dossier = bundle ? md_bundle_load_bytes (bundle, &error) : NULL;
  if (dossier == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);
  warn_if_not_intact (argv[1], dossier);

  if (secret != NULL)
    md_memory_secret_store_set (secrets, md_endpoint_get_uri (endpoint), md_endpoint_get_user (endpoint), secret);
  if (options.timeout > 0)
    md_submitter_set_timeout (submitter, options.timeout);

  directory = outbox_directory (&options);
  outbox = md_outbox_new (directory, submitter, MD_SECRET_STORE (secrets));
  if (!md_outbox_load (outbox, NULL, &error))
    return fail (EXIT_UNUSABLE, NULL, error);

  entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, &error);
  if (entry == NULL)
    return fail (EXIT_UNUSABLE, argv[1], error);

  return send_entry (outbox, entry);
}
