/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash and fault drills: a process that saves, autosaves or sends is
 * killed with SIGKILL at random moments, many times, and at each step
 * of sending; a disk runs full (RLIMIT_FSIZE) or a folder is read-only.
 * What is on disk afterwards must always be whole: the old version or
 * the new one, never a broken file, and never a dossier sent twice.
 *
 * The children are this test binary again, started with MD_DRILL_CHILD
 * in the environment (random kills) or by g_test_trap_subprocess()
 * (kills at a chosen step).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-draft-store.h"
#include "md-outbox.h"
#include "md-safe-files.h"
#include "md-test-core.h"

#define KIB 1024
#define ROUNDS 20
#define WAIT_US (20 * G_USEC_PER_SEC)
#define LETTER_SIZE (512 * KIB)

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("md-drills-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* ---- Versions that tell whether they are whole ------------------------- */

/* The letter of version @version: large, so that a kill often lands in
 * the middle of writing it, and different for every version, so that a
 * file mixing two versions is caught. */
static char *
make_letter (guint64 version)
{
  g_autofree char *line = g_strdup_printf ("Version %" G_GUINT64_FORMAT " of the letter. ", version);
  GString *letter = g_string_sized_new (LETTER_SIZE + 64);

  while (letter->len < LETTER_SIZE)
    g_string_append (letter, line);
  return g_string_free (letter, FALSE);
}

static void
set_version (MdDossier *dossier,
             guint64    version)
{
  g_autofree char *name = g_strdup_printf ("v%" G_GUINT64_FORMAT, version);
  g_autofree char *letter = make_letter (version);

  md_dossier_set_string (dossier, "applicant.given_name", name, NULL);
  md_dossier_set_string (dossier, "motivation_letter.text", letter, NULL);
}

/* Loads @path, which must be an intact bundle holding one whole version. */
static guint64
assert_whole_version (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = md_bundle_load_file (file, NULL, &error);
  g_autofree char *letter = NULL;
  const char *name;
  guint64 version;

  g_assert_no_error (error);
  g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_INTACT);
  name = md_dossier_get_string (dossier, "applicant.given_name");
  g_assert_nonnull (name);
  g_assert_true (name[0] == 'v');
  version = g_ascii_strtoull (name + 1, NULL, 10);
  letter = make_letter (version);
  g_assert_cmpstr (md_dossier_get_string (dossier, "motivation_letter.text"), ==, letter);
  return version;
}

/* ---- Children killed at random moments ---------------------------------- */

static void
on_draft_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_draft_store_save_finish (MD_DRAFT_STORE (source), result, &error));
  *done = TRUE;
}

/* Tells the parent that the child is at work, so that kills land in
 * the middle of it rather than during start-up. */
static void
mark_started (void)
{
  const char *marker = g_getenv ("MD_DRILL_MARKER");

  if (!g_file_test (marker, G_FILE_TEST_EXISTS))
    g_assert_true (g_file_set_contents (marker, "", 0, NULL));
}

/* Saves versions 0, 1, 2… of one dossier until it is killed: to a
 * bundle as Save does, or as drafts as autosave does (in a worker). */
static int
run_save_child (const char *mode,
                const char *path)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MdDraftStore) store = md_draft_store_new (file);

  for (guint64 version = 0;; version++)
    {
      g_autoptr(GError) error = NULL;
      gboolean done = FALSE;

      set_version (dossier, version);
      if (g_str_equal (mode, "save"))
        {
          g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
          mark_started ();
          continue;
        }

      md_draft_store_save_async (store, dossier, NULL, on_draft_saved, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      mark_started ();
    }

  return 0;
}

/* Queues and sends one new dossier after another into a local folder. */
static int
run_outbox_child (const char *root)
{
  g_autofree char *inbox_path = g_build_filename (root, "inbox", NULL);
  g_autoptr(GFile) inbox_dir = g_file_new_for_path (inbox_path);
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new_for_folder (inbox_dir);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_test_open_outbox (root, submitter, NULL);

  for (guint i = 0;; i++)
    {
      g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
      g_autoptr(GBytes) bundle = NULL;
      g_autoptr(MdOutboxEntry) entry = NULL;
      g_autofree char *letter = make_letter (i);

      md_dossier_set_string (dossier, "motivation_letter.text", letter, NULL);
      bundle = md_bundle_serialize (dossier);
      entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, NULL);
      g_assert_nonnull (entry);
      md_test_send_now (outbox, entry, NULL);
      mark_started ();
    }

  return 0;
}

static GSubprocess *
spawn_child (const char *mode,
             const char *path,
             const char *marker)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_assert_nonnull (self);
  g_subprocess_launcher_setenv (launcher, "MD_DRILL_CHILD", mode, TRUE);
  g_subprocess_launcher_setenv (launcher, "MD_DRILL_PATH", path, TRUE);
  g_subprocess_launcher_setenv (launcher, "MD_DRILL_MARKER", marker, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self, NULL);
  g_assert_no_error (error);
  return child;
}

/* Starts a child, lets it get going, and kills it at a random moment
 * while it works. The marker lives outside the folder under test. */
static void
kill_at_random (GRand      *rand,
                const char *mode,
                const char *path,
                const char *marker)
{
  g_autoptr(GSubprocess) child = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  g_unlink (marker);
  child = spawn_child (mode, path, marker);
  while (!g_file_test (marker, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }

  g_usleep (g_rand_int_range (rand, 0, 60 * 1000));
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, NULL));
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

/* Whole files only; hidden leftovers of an interrupted write are the
 * only other thing allowed. Returns how many such leftovers there are. */
static guint
assert_folder_whole (const char *folder,
                     const char *bundle_name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint leftovers = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] == '.')
        {
          leftovers++;
          continue;
        }
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      if (bundle_name != NULL && !g_str_equal (name, bundle_name) &&
          !(g_str_has_prefix (name, bundle_name) && g_str_equal (name + strlen (bundle_name), "~")))
        g_error ("unexpected file %s", path);

      /* The backup is whole as well. */
      assert_whole_version (path);
    }

  return leftovers;
}

/* A folder to work in, and the marker beside it. */
static char *
make_work_dir (const char  *root,
               char       **marker)
{
  char *work = g_build_filename (root, "work", NULL);

  g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
  *marker = g_build_filename (root, "started", NULL);
  return work;
}

static void
test_save_killed (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *marker = NULL;
  g_autofree char *dir = make_work_dir (root, &marker);
  g_autofree char *path = g_build_filename (dir, "ana.dossier.json", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint interrupted = 0;
  guint leftovers = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      guint now;

      kill_at_random (rand, "save", path, marker);
      assert_whole_version (path);
      now = assert_folder_whole (dir, "ana.dossier.json");
      interrupted += now > leftovers;
      leftovers = now;
    }

  g_test_message ("%u of %u kills interrupted a write", interrupted, ROUNDS);
  md_test_remove_tree (root);
}

static void
test_autosave_killed (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *marker = NULL;
  g_autofree char *dir = make_work_dir (root, &marker);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (dir);
  g_autoptr(MdDraftStore) store = md_draft_store_new (drafts_dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint interrupted = 0;
  guint leftovers = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GFile) latest = NULL;
      guint now;

      kill_at_random (rand, "draft", dir, marker);
      now = assert_folder_whole (dir, NULL);
      interrupted += now > leftovers;
      leftovers = now;

      /* What the next start offers to resume is whole. */
      latest = md_draft_store_find_latest (store, NULL, NULL);
      g_assert_nonnull (latest);
      assert_whole_version (g_file_peek_path (latest));
    }

  g_test_message ("%u of %u kills interrupted a write", interrupted, ROUNDS);
  md_test_remove_tree (root);
}

/* ---- The outbox killed at random ----------------------------------------- */

static guint
count_entry_folders (const char *root)
{
  g_autofree char *outbox_path = g_build_filename (root, "outbox", NULL);
  g_autoptr(GDir) dir = g_dir_open (outbox_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".new-"));
      n++;
    }
  return n;
}

static MdOutboxEntry *
find_entry (MdOutbox   *outbox,
            const char *dossier_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (outbox)); i++)
    {
      g_autoptr(MdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (outbox), i);

      if (g_str_equal (md_outbox_entry_get_dossier_id (entry), dossier_id))
        return entry;
    }
  return NULL;
}

/* Every delivered file is a whole bundle of a queued entry, with the
 * digest the entry was queued with. */
static void
assert_inbox_whole (const char *root,
                    MdOutbox   *outbox)
{
  g_autofree char *inbox_path = g_build_filename (root, "inbox", NULL);
  g_autoptr(GDir) dir = g_dir_open (inbox_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (inbox_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(MdDossier) dossier = NULL;
      g_autofree char *digest = NULL;
      MdOutboxEntry *entry;

      if (name[0] == '.')
        continue;
      dossier = md_bundle_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_INTACT);
      entry = find_entry (outbox, md_dossier_get_id (dossier));
      g_assert_nonnull (entry);
      digest = md_bundle_compute_digest (md_dossier_get_root (dossier));
      g_assert_cmpstr (md_outbox_entry_get_digest (entry), ==, digest);
    }
}

static guint
count_delivered (const char *root)
{
  g_autofree char *inbox_path = g_build_filename (root, "inbox", NULL);
  g_autoptr(GDir) dir = g_dir_open (inbox_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += name[0] != '.';
  return n;
}

static void
test_outbox_killed (void)
{
  g_autofree char *top = make_tmpdir ();
  g_autofree char *marker = NULL;
  g_autofree char *root = make_work_dir (top, &marker);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(MdOutbox) outbox = NULL;
  guint n;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(MdOutbox) reopened = NULL;

      kill_at_random (rand, "outbox", root, marker);
      reopened = md_test_open_outbox (root, submitter, NULL);

      /* Whole entries only, none lost to damage, none failed. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, count_entry_folders (root));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reopened)); i++)
        {
          g_autoptr(MdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (reopened), i);

          g_assert_cmpint (md_outbox_entry_get_state (entry), !=, MD_OUTBOX_STATE_FAILED);
          g_assert_cmpint (md_outbox_entry_get_state (entry), !=, MD_OUTBOX_STATE_SENDING);
        }
      assert_inbox_whole (root, reopened);
    }

  /* The next start delivers everything that was queued, once each. */
  outbox = md_test_open_outbox (root, submitter, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (outbox));
  g_assert_cmpuint (n, >=, ROUNDS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (outbox), i);
      g_autoptr(GError) error = NULL;

      if (md_outbox_entry_get_state (entry) != MD_OUTBOX_STATE_SENT)
        g_assert_true (md_test_send_now (outbox, entry, &error));
      g_assert_no_error (error);
      g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
    }
  g_assert_cmpuint (count_delivered (root), ==, n);
  assert_inbox_whole (root, outbox);
  g_clear_object (&outbox);
  md_test_remove_tree (top);
}

/* ---- The outbox killed at each step of sending --------------------------- */

typedef enum
{
  STEP_QUEUED,     /* the attempt starts; "sending" not yet on disk */
  STEP_SENDING,    /* "sending" on disk, nothing delivered yet */
  STEP_ANSWERED,   /* delivered, but "sent" not yet on disk */
  STEP_RECORDED,   /* "sent" and the receipt on disk */
} Step;

static gboolean
die_cb (gpointer data)
{
  kill (getpid (), SIGKILL);
  return G_SOURCE_REMOVE;
}

static void
on_state_changed (MdOutboxEntry *entry,
                  GParamSpec    *pspec,
                  gpointer       data)
{
  Step step = GPOINTER_TO_INT (data);
  MdOutboxState state = md_outbox_entry_get_state (entry);

  if (step == STEP_QUEUED && state == MD_OUTBOX_STATE_SENDING)
    die_cb (NULL);
  else if (step == STEP_SENDING && state == MD_OUTBOX_STATE_SENDING)
    /* Runs as soon as the state is written, before the delivery,
     * which waits for the bundle to be read in a worker. */
    g_idle_add_full (G_PRIORITY_HIGH, die_cb, NULL, NULL);
  else if (step == STEP_ANSWERED && state == MD_OUTBOX_STATE_SENT)
    die_cb (NULL);
}

static void
send_and_die (const char *root,
              GBytes     *bundle,
              Step        step)
{
  g_autofree char *inbox_path = g_build_filename (root, "inbox", NULL);
  g_autoptr(GFile) inbox_dir = g_file_new_for_path (inbox_path);
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new_for_folder (inbox_dir);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_test_open_outbox (root, submitter, NULL);
  g_autoptr(MdOutboxEntry) entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, NULL);

  g_assert_nonnull (entry);
  g_signal_connect (entry, "notify::state", G_CALLBACK (on_state_changed), GINT_TO_POINTER (step));
  if (step == STEP_RECORDED)
    g_signal_connect_swapped (outbox, "delivered", G_CALLBACK (die_cb), NULL);
  md_test_send_now (outbox, entry, NULL);
  g_assert_not_reached ();
}

static char *
read_state (const char    *root,
            MdOutboxEntry *entry)
{
  g_autofree char *path = g_build_filename (root, "outbox", md_outbox_entry_get_id (entry), "state.json", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_outbox_killed_at_step (gconstpointer data)
{
  Step step = GPOINTER_TO_INT (data);
  g_autofree char *root = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle_path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *delivered = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  static const char * const expected_on_disk[] = {
    [STEP_QUEUED] = "\"queued\"", [STEP_SENDING] = "\"sending\"",
    [STEP_ANSWERED] = "\"sending\"", [STEP_RECORDED] = "\"sent\"",
  };

  /* Named after the parent, which the child knows without being told. */
  root = g_strdup_printf ("%s/md-drills-step-%d", g_get_tmp_dir (), g_test_subprocess () ? getppid () : getpid ());
  if (g_test_subprocess ())
    {
      g_autofree char *text = NULL;
      gsize text_length;

      bundle_path = g_build_filename (root, "bundle.dossier.json", NULL);
      g_assert_true (g_file_get_contents (bundle_path, &text, &text_length, NULL));
      bundle = g_bytes_new_take (g_steal_pointer (&text), text_length);
      send_and_die (root, bundle, step);
      return;
    }

  md_test_remove_tree (root);
  g_assert_cmpint (g_mkdir (root, 0700), ==, 0);
  dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  bundle = md_bundle_serialize (dossier);
  bundle_path = g_build_filename (root, "bundle.dossier.json", NULL);
  g_assert_true (g_file_set_contents (bundle_path, g_bytes_get_data (bundle, NULL), g_bytes_get_size (bundle), NULL));

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  /* The next start finds one whole entry, in the state it died in. */
  outbox = md_test_open_outbox (root, submitter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  entry = g_list_model_get_item (G_LIST_MODEL (outbox), 0);
  state = read_state (root, entry);
  if (step == STEP_RECORDED)
    g_assert_nonnull (strstr (state, expected_on_disk[step]));
  else
    /* An interrupted "sending" is queued again on load, at once. */
    g_assert_nonnull (strstr (state, "\"queued\""));
  delivered = g_strdup_printf ("%s/inbox/%s.json", root, md_dossier_get_id (dossier));
  g_assert_cmpint (g_file_test (delivered, G_FILE_TEST_EXISTS), ==, step >= STEP_ANSWERED);
  g_assert_cmpuint (md_outbox_entry_get_attempts (entry), ==, step == STEP_QUEUED ? 0 : 1);

  /* It is delivered exactly once, and knows when it already was. */
  if (step != STEP_RECORDED)
    {
      g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
      g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), ==, 0);
      g_assert_true (md_test_send_now (outbox, entry, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_cmpint (md_outbox_entry_get_already_delivered (entry), ==, step == STEP_ANSWERED);
  g_assert_true (g_file_get_contents (delivered, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bundle, NULL), g_bytes_get_size (bundle));
  g_assert_cmpuint (count_delivered (root), ==, 1);

  /* The receipt survives too, and goes into the dossier. */
  g_assert_nonnull (md_outbox_entry_get_receipt (entry));
  g_assert_true (md_outbox_entry_record_receipt_in_dossier (entry, dossier, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (md_dossier_get_length (dossier, "submissions"), ==, 1);

  g_clear_object (&outbox);
  md_test_remove_tree (root);
}

/* ---- A full disk, a read-only folder ------------------------------------- */

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static guint
count_hidden (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      {
        g_test_message ("left behind: %s/%s", folder, name);
        n++;
      }
  return n;
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) now = read_bytes (path);

  g_assert_true (g_bytes_equal (now, before));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (md_bundle_save_file_finish (result, error));
}

/* A disk that fills up, as RLIMIT_FSIZE makes it look to this process:
 * Save and autosave fail with a clear message and leave the previous
 * bundle and draft as they were. */
static void
test_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *drafts_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) drafts_dir = NULL;
  g_autoptr(MdDraftStore) store = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_draft = NULL;
  g_autoptr(GBytes) scan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) reloaded = NULL;
  struct rlimit limit, full;
  guint8 *noise;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = make_tmpdir ();
  path = g_build_filename (dir, "ana.dossier.json", NULL);
  drafts_path = g_build_filename (dir, "drafts", NULL);
  file = g_file_new_for_path (path);
  drafts_dir = g_file_new_for_path (drafts_path);
  store = md_draft_store_new (drafts_dir);
  dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  g_assert_true (md_draft_store_save (store, dossier, &error));
  g_assert_no_error (error);
  draft = md_draft_store_get_draft_file (store, dossier);
  saved = read_bytes (path);
  saved_draft = read_bytes (g_file_peek_path (draft));

  /* A scanned document that no longer fits. */
  noise = g_malloc (256 * KIB);
  for (guint i = 0; i < 256 * KIB; i++)
    noise[i] = g_random_int ();
  scan = g_bytes_new_take (noise, 256 * KIB);
  g_assert_true (md_dossier_add_attachment (dossier, "scan.pdf", "application/pdf", scan, &error));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  full = limit;
  full.rlim_cur = 64 * KIB;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);

  g_assert_false (md_bundle_save_file (dossier, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "ana.dossier.json"));
  g_test_message ("Save: %s", error->message);
  g_clear_error (&error);
  g_assert_true (md_dossier_get_modified_since_save (dossier));
  assert_unchanged (path, saved);

  /* The application saves in a worker: the same answer. */
  md_bundle_save_file_async (dossier, file, NULL, on_saved, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_true (md_dossier_get_modified_since_save (dossier));

  g_assert_false (md_draft_store_save (store, dossier, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_unchanged (g_file_peek_path (draft), saved_draft);

  /* Nothing half-written stays behind. */
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  g_assert_cmpuint (count_hidden (drafts_path), ==, 0);

  /* Once there is room again, the same dossier saves. */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = md_bundle_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (md_dossier_get_length (reloaded, "attachments"), ==, 1);
  md_test_remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ana.dossier.json", NULL);
  g_autofree char *absent = g_build_filename (dir, "new.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) absent_file = g_file_new_for_path (absent);
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  saved = read_bytes (path);
  g_assert_false (md_safe_file_is_read_only (file));
  g_assert_false (md_safe_file_is_read_only (absent_file));

  /* Read-only files and read-only folders are known as such, even to
   * root, who could write them anyway. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (md_safe_file_is_read_only (file));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_true (md_safe_file_is_read_only (file));
  g_assert_true (md_safe_file_is_read_only (absent_file));

  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  if (geteuid () != 0)
    {
      g_assert_false (md_bundle_save_file (dossier, file, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "ana.dossier.json"));
      assert_unchanged (path, saved);
    }
  else
    g_test_message ("root writes into read-only folders: the refused write is not tried");

  g_chmod (dir, 0700);
  md_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *child = g_getenv ("MD_DRILL_CHILD");

  /* A child never outlives a test that failed. */
  if (child != NULL)
    prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (child != NULL && g_str_equal (child, "outbox"))
    return run_outbox_child (g_getenv ("MD_DRILL_PATH"));
  if (child != NULL)
    return run_save_child (child, g_getenv ("MD_DRILL_PATH"));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drills/save-killed", test_save_killed);
  g_test_add_func ("/drills/autosave-killed", test_autosave_killed);
  g_test_add_func ("/drills/outbox-killed", test_outbox_killed);
  g_test_add_data_func ("/drills/outbox-step/queued", GINT_TO_POINTER (STEP_QUEUED), test_outbox_killed_at_step);
  g_test_add_data_func ("/drills/outbox-step/sending", GINT_TO_POINTER (STEP_SENDING), test_outbox_killed_at_step);
  g_test_add_data_func ("/drills/outbox-step/answered", GINT_TO_POINTER (STEP_ANSWERED), test_outbox_killed_at_step);
  g_test_add_data_func ("/drills/outbox-step/recorded", GINT_TO_POINTER (STEP_RECORDED), test_outbox_killed_at_step);
  g_test_add_func ("/drills/full-disk", test_full_disk);
  g_test_add_func ("/drills/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
