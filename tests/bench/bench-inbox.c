/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long opening a folder as an inbox takes, against the floor of
 * reading and parsing the same files with json-glib alone.
 *
 *   bench-inbox GENERATOR OUTDIR [N…]      (default N: 1000 10000)
 *
 * For each N it generates N dossiers into OUTDIR/inbox-N (once; the
 * folder is reused when it already holds N bundles), then measures in
 * child processes, so each peak RSS (getrusage ru_maxrss) belongs to one
 * measurement, with the page cache warm (a first pass is not counted):
 *
 *   bare        list, read and parse every file with json-glib, 1 thread
 *   bare x2     the same on 2 threads
 *   inbox       md_inbox_load_async() until the list model is filled:
 *               read, check, digest, validate, estimate, summarise
 *
 * The CPU time per file (user + system, all threads) shows the work
 * itself, which neighbours on a shared machine disturb less than the
 * wall time. Each figure is the best of three runs. Prints figures;
 * never fails on time. Targets (issue #6): 10,000 dossiers in at most 1.5 s on 2 cores,
 * at most 1.5 × the bare single-thread parse, at most 150 MB peak.
 */
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "md-inbox.h"

#define RUNS 3

typedef struct
{
  double wall_ms;
  double cpu_ms;    /* user + system, all threads */
  double peak_mb;
} Figure;

/* ---- Children: one measurement each ------------------------------------ */

typedef struct
{
  const char *folder;
  GPtrArray  *names;
  gint        next;
} BareJob;

static gpointer
bare_worker (gpointer data)
{
  BareJob *job = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&job->next, 1)) < job->names->len)
    {
      g_autofree char *path = g_build_filename (job->folder, job->names->pdata[i], NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        json_parser_load_from_data (parser, contents, length, NULL);
    }

  return NULL;
}

static void
run_bare (const char *folder,
          guint       threads)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  BareJob job = { folder, names, 0 };
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  for (guint i = 1; i < threads; i++)
    g_ptr_array_add (workers, g_thread_new ("bare", bare_worker, &job));
  bare_worker (&job);
  for (guint i = 0; i < workers->len; i++)
    g_thread_join (workers->pdata[i]);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!md_inbox_load_finish (MD_INBOX (source), result, &error))
    g_printerr ("%s\n", error->message);
  g_main_loop_quit (user_data);
}

static void
run_inbox (const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdInbox) inbox = md_inbox_new (file, registry);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  md_inbox_load_async (inbox, NULL, load_cb, loop);
  g_main_loop_run (loop);
}

static int
run_child (const char *mode,
           const char *folder)
{
  gint64 begin = g_get_monotonic_time ();
  struct rusage usage;

  if (g_str_equal (mode, "--bare"))
    run_bare (folder, 1);
  else if (g_str_equal (mode, "--bare2"))
    run_bare (folder, 2);
  else
    run_inbox (folder);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%.1f %.1f %.1f\n", (g_get_monotonic_time () - begin) / 1000.0, usage.ru_maxrss / 1024.0,
           (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
  return 0;
}

/* ---- Parent: generate, measure, print ---------------------------------- */

static gboolean
measure (const char *self,
         const char *mode,
         const char *folder,
         Figure     *figure)
{
  const char *argv[] = { self, mode, folder, NULL };

  figure->wall_ms = G_MAXDOUBLE;
  figure->cpu_ms = G_MAXDOUBLE;
  figure->peak_mb = 0;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;
      double wall, peak, cpu;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %lf", &wall, &peak, &cpu) != 3)
        {
          g_printerr ("%s %s: %s\n", mode, folder, error ? error->message : "no figures");
          return FALSE;
        }
      figure->wall_ms = MIN (figure->wall_ms, wall);
      figure->cpu_ms = MIN (figure->cpu_ms, cpu);
      figure->peak_mb = MAX (figure->peak_mb, peak);
    }

  return TRUE;
}

static guint
count_bundles (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    count += g_str_has_suffix (name, ".dossier.json");

  return count;
}

static gboolean
ensure_folder (const char *generator,
               const char *folder,
               guint       n)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  const char *argv[] = { "/usr/bin/python3", generator, "--count", count, folder, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (count_bundles (folder) == n)
    return TRUE;

  g_printerr ("generating %u dossiers in %s…\n", n, folder);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", generator, error->message);
      return FALSE;
    }

  return count_bundles (folder) == n;
}

static void
print_row (guint         n,
           const Figure *bare,
           const Figure *bare2,
           const Figure *inbox)
{
  g_print ("  %6u  %9.0f ms %6.0f MB  %9.0f ms %6.0f MB  %9.0f ms %6.0f MB   %5.2f ×   %5.2f ×"
           "   %5.0f / %5.0f µs  %5.2f ×\n",
           n, bare->wall_ms, bare->peak_mb, bare2->wall_ms, bare2->peak_mb,
           inbox->wall_ms, inbox->peak_mb,
           inbox->wall_ms / bare->wall_ms, inbox->wall_ms / bare2->wall_ms,
           bare->cpu_ms * 1000 / n, inbox->cpu_ms * 1000 / n, inbox->cpu_ms / bare->cpu_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_has_prefix (argv[1], "--"))
    return run_child (argv[1], argv[2]);

  if (argc < 3)
    {
      g_printerr ("usage: bench-inbox GENERATOR OUTDIR [N…]\n");
      return 2;
    }

  for (int i = 3; i < argc; i++)
    {
      guint n = (guint) g_ascii_strtoull (argv[i], NULL, 10);
      g_array_append_val (counts, n);
    }
  if (counts->len == 0)
    g_array_append_vals (counts, (guint[]) { 1000, 10000 }, 2);

  g_print ("inbox load, %u cores (best of %d runs, warm page cache)\n", g_get_num_processors (), RUNS);
  g_print ("       N    bare json-glib (1 thread)  bare json-glib (2 threads)  inbox load into model   vs bare  vs bare×2"
           "   CPU per file bare / inbox\n");
  for (guint i = 0; i < counts->len; i++)
    {
      guint n = g_array_index (counts, guint, i);
      g_autofree char *name = g_strdup_printf ("inbox-%u", n);
      g_autofree char *folder = g_build_filename (argv[2], name, NULL);
      Figure warm, bare, bare2, inbox;

      if (!ensure_folder (argv[1], folder, n) ||
          !measure (argv[0], "--bare", folder, &warm) ||
          !measure (argv[0], "--bare", folder, &bare) ||
          !measure (argv[0], "--bare2", folder, &bare2) ||
          !measure (argv[0], "--inbox", folder, &inbox))
        return 1;
      print_row (n, &bare, &bare2, &inbox);
    }
  g_print ("targets for 10000: inbox ≤ 1500 ms, ≤ 1.5 × bare (1 thread), ≤ 150 MB\n");
  return 0;
}
