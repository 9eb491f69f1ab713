/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a hostile bundle, a hostile file in a shared folder and a curious
 * co-user of the machine cannot do: climb out of a folder with an
 * attachment name or a dossier id, make the application allocate
 * without bound, read drafts or the outbox, or turn off certificate
 * checks. docs/security.md points here.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-draft-store.h"
#include "md-inbox.h"
#include "md-inbox-item.h"
#include "md-outbox.h"
#include "md-programme-registry.h"
#include "md-review.h"
#include "md-safe-files.h"
#include "md-test-core.h"

#define MIB (1024 * 1024)
#define HUGE_SIZE (200 * MIB)
#define WAIT_US (10 * G_USEC_PER_SEC)

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("md-security-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

/* ---- File names from bundle content ------------------------------------ */

static void
assert_single_name (const char *untrusted)
{
  g_autofree char *name = md_safe_file_name (untrusted);
  g_autofree char *path = g_build_filename ("/base", name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), >, 0);
  g_assert_cmpuint (strlen (name), <=, MD_SAFE_NAME_MAX);
  g_assert_null (strchr (name, '/'));
  g_assert_null (strchr (name, '\\'));
  g_assert_cmpstr (name, !=, ".");
  g_assert_cmpstr (name, !=, "..");
  g_assert_cmpstr (parent, ==, "/base");
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

static void
test_hostile_file_names (void)
{
  static const struct { const char *untrusted; const char *expected; } cases[] = {
    { "../../.bashrc", ".bashrc" },
    { "../../../etc/passwd", "passwd" },
    { "/home/ana/cv.pdf", "cv.pdf" },
    { "C:\\docs\\cv.pdf", "C__docs_cv.pdf" },
    { "..\\..\\autoexec.bat", ".._.._autoexec.bat" },
    { "..", "attachment" },
    { ".", "attachment" },
    { "", "attachment" },
    { "/", "_" },
    { "dir/..", "attachment" },
    { "cv\n.pdf", "cv_.pdf" },
    { "bell\a\x1b[31m.pdf", "bell__[31m.pdf" },
    { "del\x7f.pdf", "del_.pdf" },
    { "cv\u202Efdp.exe", "cv_fdp.exe" },
    { "a\u2066b\u2069.pdf", "a_b_.pdf" },
    { "what?*<>|\".pdf", "what______.pdf" },
    { "żurek.pdf", "żurek.pdf" },
    { "Zoë CV.pdf", "Zoë CV.pdf" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *shortened = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = md_safe_file_name (cases[i].untrusted);

      g_assert_cmpstr (name, ==, cases[i].expected);
      assert_single_name (cases[i].untrusted);
    }

  /* Too long for any file system: shortened on a character boundary,
   * extension kept. */
  for (guint i = 0; i < 300; i++)
    g_string_append (long_name, "é");
  g_string_append (long_name, ".pdf");
  shortened = md_safe_file_name (long_name->str);
  g_assert_true (g_str_has_suffix (shortened, "é.pdf"));
  g_assert_cmpuint (strlen (shortened), <=, MD_SAFE_NAME_MAX);
  assert_single_name (long_name->str);

  /* Whatever comes in, one plain file name comes out. */
  for (guint i = 0; i < 2000; i++)
    {
      static const char alphabet[] = "./\\:\n\t\x01\x7f a\xc3\xa9\xe2\x80\xae";
      char junk[64];
      guint length = g_rand_int_range (rand, 0, sizeof junk);

      for (guint j = 0; j < length; j++)
        junk[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      junk[length] = '\0';
      assert_single_name (junk);
    }
  assert_single_name (NULL);
  assert_single_name ("\xff\xfe../x");
}

static void
test_attachment_name_sanitised_on_attach (void)
{
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GBytes) data = g_bytes_new_static ("cv", 2);
  g_autoptr(GError) error = NULL;

  g_assert_true (md_dossier_add_attachment (dossier, "../../.config/autostart/x\n.desktop",
                                            "text/plain", data, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_string (dossier, "attachments[0].name"), ==, "x_.desktop");
}

/* ---- Dossier ids naming files ------------------------------------------ */

static void
test_dossier_ids (void)
{
  g_assert_true (md_safe_is_dossier_id ("382dd9e2-9886-43b2-8450-1114e25e3b64"));
  g_assert_false (md_safe_is_dossier_id (NULL));
  g_assert_false (md_safe_is_dossier_id (""));
  g_assert_false (md_safe_is_dossier_id ("../../x"));
  g_assert_false (md_safe_is_dossier_id ("382dd9e2-9886-43b2-8450-1114e25e3b64/../../x"));
  g_assert_false (md_safe_is_dossier_id ("/etc/passwd"));
}

/* A bundle made to write its draft outside the drafts folder. */
static void
test_draft_hostile_id (void)
{
  static const char * const ids[] = { "../../escaped", "/tmp/absolute-escape", "a/b", "..", "" };
  g_autofree char *root = make_tmpdir ();
  g_autofree char *drafts_path = g_build_filename (root, "data", "drafts", NULL);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts_path);
  g_autoptr(MdDraftStore) store = md_draft_store_new (drafts_dir);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
      g_autoptr(GFile) draft = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autoptr(GFile) latest = NULL;
      g_autoptr(MdDossier) resumed = NULL;
      g_autoptr(GError) error = NULL;

      json_object_set_string_member (json_node_get_object (md_dossier_get_root (dossier)), "id", ids[i]);
      md_dossier_set_string (dossier, "applicant.given_name", ids[i], NULL);

      draft = md_draft_store_get_draft_file (store, dossier);
      parent = g_file_get_parent (draft);
      g_assert_true (g_file_equal (parent, drafts_dir));

      g_assert_true (md_draft_store_save (store, dossier, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_entries (drafts_path), ==, 1);
      g_assert_cmpuint (count_entries (root), ==, 1);

      /* Still a draft that comes back and goes away. */
      latest = md_draft_store_find_latest (store, NULL, &error);
      g_assert_nonnull (latest);
      resumed = md_bundle_load_file (latest, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (md_dossier_get_string (resumed, "applicant.given_name"), ==, ids[i]);
      g_assert_true (md_draft_store_discard (store, dossier, &error));
      g_assert_cmpuint (count_entries (drafts_path), ==, 0);
    }

  g_assert_false (g_file_test ("/tmp/absolute-escape" MD_BUNDLE_SUFFIX, G_FILE_TEST_EXISTS));
  md_test_remove_tree (root);
}

/* Ids become file names on the drop folder too: such a bundle is not
 * even queued. */
static void
test_hostile_id_not_submitted (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *outbox_path = g_build_filename (root, "outbox", NULL);
  g_autofree char *sent_path = g_build_filename (root, "sent", NULL);
  g_autoptr(GFile) outbox_dir = g_file_new_for_path (outbox_path);
  g_autoptr(GFile) sent_dir = g_file_new_for_path (sent_path);
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new_for_folder (sent_dir);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_outbox_new (outbox_dir, submitter, NULL);
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (json_node_get_object (md_dossier_get_root (dossier)), "id", "../../escaped");
  bundle = md_bundle_serialize (dossier);
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, &error);
  g_assert_null (entry);
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_INVALID_BUNDLE);
  g_assert_cmpuint (count_entries (root), ==, 0);
  md_test_remove_tree (root);
}

static void
test_review_sidecar_hostile_id (void)
{
  g_autoptr(GFile) bundle = g_file_new_for_path ("/inbox/ana.dossier.json");
  g_autoptr(GFile) sidecar = md_review_file_for_bundle (bundle, "382dd9e2-9886-43b2-8450-1114e25e3b64");
  g_autoptr(GFile) hostile = md_review_file_for_bundle (bundle, "../../home/coordinator/.bashrc");
  g_autoptr(GFile) absolute = md_review_file_for_bundle (bundle, "/etc/cron.d/x");

  g_assert_cmpstr (g_file_peek_path (sidecar), ==, "/inbox/382dd9e2-9886-43b2-8450-1114e25e3b64.review.json");
  g_assert_null (hostile);
  g_assert_null (absolute);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_inbox_load_finish (MD_INBOX (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
iterate_for (gint64 microseconds)
{
  gint64 deadline = g_get_monotonic_time () + microseconds;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static MdInbox *
load_inbox (const char *folder_path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  MdInbox *inbox = md_inbox_new (folder, registry);
  gint64 deadline = g_get_monotonic_time () + WAIT_US;
  gboolean done = FALSE;

  md_inbox_load_async (inbox, NULL, load_cb, &done);
  while (!done && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (done);
  return inbox;
}

static void
write_bundle (MdDossier  *dossier,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (md_bundle_save_file (dossier, file, NULL, &error));
  g_assert_no_error (error);
}

/* A sidecar planted beside the inbox, named by a bundle's id "../x",
 * is not taken as that bundle's review when the bundle arrives (the
 * folder monitor looks for its sidecar on disk); a pipe does not hang
 * the load. */
static void
test_inbox_hostile_files (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *inbox_path = g_build_filename (root, "inbox", NULL);
  g_autofree char *bundle_path = g_build_filename (inbox_path, "ana.dossier.json", NULL);
  g_autofree char *planted = g_build_filename (root, "planted.review.json", NULL);
  g_autofree char *pipe_path = g_build_filename (inbox_path, "pipe.json", NULL);
  g_autoptr(MdDossier) dossier = md_test_load_sample ("erasmus-ka131-2024--sms.dossier.json");
  g_autoptr(MdReview) review = md_review_new ("../planted", NULL);
  g_autoptr(GBytes) review_bytes = md_review_serialize (review);
  g_autoptr(MdInbox) inbox = NULL;
  g_autoptr(MdInboxItem) unreadable = NULL;
  gint64 deadline;
  MdInboxItem *item = NULL;

  g_assert_cmpint (g_mkdir (inbox_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (planted, g_bytes_get_data (review_bytes, NULL),
                                      g_bytes_get_size (review_bytes), NULL));
  g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);

  inbox = load_inbox (inbox_path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, 1);
  unreadable = g_list_model_get_item (G_LIST_MODEL (inbox), 0);
  g_assert_false (md_inbox_item_is_readable (unreadable));

  json_object_set_string_member (json_node_get_object (md_dossier_get_root (dossier)), "id", "../planted");
  write_bundle (dossier, bundle_path);
  deadline = g_get_monotonic_time () + WAIT_US;
  while ((item = md_inbox_find_by_id (inbox, "../planted")) == NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_nonnull (item);
  iterate_for (G_USEC_PER_SEC / 4);
  item = md_inbox_find_by_id (inbox, "../planted");
  g_assert_null (md_inbox_item_get_review (item));

  iterate_for (G_USEC_PER_SEC / 4);
  g_clear_object (&inbox);
  md_test_remove_tree (root);
}

/* ---- Sizes capped before allocation ------------------------------------ */

static void
make_sparse_file (const char *path,
                  gsize       size)
{
  int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
}

static gsize
get_address_space (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmSize:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmSize:"), NULL, 10) * 1024;
}

/* From here on, an attempt to allocate a huge file's worth aborts the
 * process: the parent sees the test fail. */
static void
limit_address_space (void)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_AS, &limit), ==, 0);
  limit.rlim_cur = get_address_space () + 48 * MIB;
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
}

static void
run_capped (const char *name,
            void      (*body) (const char *dir))
{
  g_autofree char *dir = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = make_tmpdir ();
  body (dir);
  md_test_remove_tree (dir);
}

static void
huge_bundle (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "huge.dossier.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;

  make_sparse_file (path, HUGE_SIZE);
  g_file_query_exists (file, NULL);
  limit_address_space ();

  dossier = md_bundle_load_file (file, NULL, &error);
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* The command line's "submit" reads the file the same way. */
  bytes = md_safe_load_file (file, MD_BUNDLE_MAX_SIZE, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

static void
huge_review (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "382dd9e2-9886-43b2-8450-1114e25e3b64.review.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdReview) review = NULL;

  make_sparse_file (path, HUGE_SIZE);
  g_file_query_exists (file, NULL);
  limit_address_space ();

  review = md_review_load_file (file, NULL, &error);
  g_assert_null (review);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

static void
huge_profile (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdProgramme) programme = NULL;

  make_sparse_file (path, HUGE_SIZE);
  g_file_query_exists (file, NULL);
  limit_address_space ();

  programme = md_programme_new_from_file (file, &error);
  g_assert_null (programme);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

static void
huge_outbox_state (const char *dir)
{
  g_autofree char *entry = g_build_filename (dir, "outbox", "0f5b6c3e-8d2a-4c1e-9b7a-3e2d1c0b9a81", NULL);
  g_autofree char *state = g_build_filename (entry, "state.json", NULL);
  g_autofree char *outbox_path = g_build_filename (dir, "outbox", NULL);
  g_autoptr(GFile) outbox_dir = g_file_new_for_path (outbox_path);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_outbox_new (outbox_dir, submitter, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (entry, 0700), ==, 0);
  make_sparse_file (state, HUGE_SIZE);
  g_file_query_exists (outbox_dir, NULL);
  limit_address_space ();

  /* Skipped and left for a person to look at. */
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));
}

static void test_huge_bundle (void)        { run_capped ("bundle", huge_bundle); }
static void test_huge_review (void)        { run_capped ("review", huge_review); }
static void test_huge_profile (void)       { run_capped ("profile", huge_profile); }
static void test_huge_outbox_state (void)  { run_capped ("outbox", huge_outbox_state); }

/* The length of an attachment's base64 is checked before it is decoded,
 * also when the bundle records no size. */
static void
test_attachment_base64_length (void)
{
  gsize encoded_length = (11 * MIB) / 3 * 4;
  g_autoptr(GString) text = g_string_new ("{\"format\":\"mobility-dossier\",\"format_version\":1,"
                                          "\"id\":\"382dd9e2-9886-43b2-8450-1114e25e3b64\","
                                          "\"created\":\"2026-01-01T00:00:00Z\","
                                          "\"modified\":\"2026-01-01T00:00:00Z\","
                                          "\"programme\":\"erasmus-ka131-2024\","
                                          "\"attachments\":[{\"name\":\"x\",\"sha256\":\"00\",\"data\":\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) dossier = NULL;

  for (gsize i = 0; i < encoded_length; i++)
    g_string_append_c (text, 'A');
  g_string_append (text, "\"}]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  dossier = md_bundle_load_bytes (bytes, &error);
  g_assert_null (dossier);
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_ATTACHMENT_TOO_LARGE);
}

/* The limit is exact, and devices that never end are not read. */
static void
test_capped_read_of_growing_file (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char block[4096];

  memset (block, 'x', sizeof block);
  g_assert_true (g_file_set_contents (path, block, sizeof block, NULL));
  bytes = md_safe_load_file (file, sizeof block, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, sizeof block);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = md_safe_load_file (file, sizeof block - 1, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  /* /dev/zero never ends and reports no size: refused as not a file. */
  g_clear_object (&file);
  file = g_file_new_for_path ("/dev/zero");
  bytes = md_safe_load_file (file, MIB, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  md_test_remove_tree (dir);
}

/* ---- Private files ------------------------------------------------------ */

/* Folders made earlier, open to everyone, are taken back; modes do not
 * depend on the umask. */
static void
test_drafts_private (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *drafts_path = g_build_filename (root, "drafts", NULL);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts_path);
  g_autoptr(MdDraftStore) store = md_draft_store_new (drafts_dir);
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GFile) draft = md_draft_store_get_draft_file (store, dossier);
  g_autofree char *backup = g_strconcat (g_file_peek_path (draft), "~", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  g_assert_cmpint (g_mkdir (drafts_path, 0777), ==, 0);
  assert_mode (drafts_path, 0777);

  g_assert_true (md_draft_store_save (store, dossier, &error));
  md_dossier_set_string (dossier, "applicant.given_name", "Ana", NULL);
  g_assert_true (md_draft_store_save (store, dossier, &error));
  g_assert_no_error (error);
  umask (old_umask);

  assert_mode (drafts_path, 0700);
  assert_mode (g_file_peek_path (draft), 0600);
  assert_mode (backup, 0600);
  md_test_remove_tree (root);
}

static void
test_outbox_private (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *outbox_path = g_build_filename (root, "outbox", NULL);
  g_autofree char *inbox_path = g_build_filename (root, "sent", NULL);
  g_autoptr(GFile) outbox_dir = g_file_new_for_path (outbox_path);
  g_autoptr(GFile) inbox_dir = g_file_new_for_path (inbox_path);
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new_for_folder (inbox_dir);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_outbox_new (outbox_dir, submitter, NULL);
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GBytes) bundle = md_bundle_serialize (dossier);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entry_path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *delivered = NULL;
  mode_t old_umask = umask (0);

  g_assert_cmpint (g_mkdir (outbox_path, 0755), ==, 0);
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, &error);
  g_assert_no_error (error);

  entry_path = g_build_filename (outbox_path, md_outbox_entry_get_id (entry), NULL);
  state = g_build_filename (entry_path, "state.json", NULL);
  copy = g_build_filename (entry_path, "bundle.json", NULL);
  assert_mode (outbox_path, 0700);
  assert_mode (entry_path, 0700);
  assert_mode (state, 0600);
  assert_mode (copy, 0600);

  g_assert_true (md_test_send_now (outbox, entry, &error));
  g_assert_no_error (error);
  umask (old_umask);
  delivered = g_strdup_printf ("%s/%s.json", inbox_path, md_dossier_get_id (dossier));
  assert_mode (inbox_path, 0700);
  assert_mode (delivered, 0600);
  assert_mode (state, 0600);
  md_test_remove_tree (root);
}

/* ---- Transport ---------------------------------------------------------- */

/* An outbox state file cannot smuggle in a plain-HTTP address: the
 * endpoint is checked again when the entry is read. */
static void
test_plain_http_in_outbox_state (void)
{
  g_autofree char *root = make_tmpdir ();
  g_autofree char *outbox_path = g_build_filename (root, "outbox", NULL);
  g_autoptr(GFile) outbox_dir = g_file_new_for_path (outbox_path);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_outbox_new (outbox_dir, submitter, NULL);
  g_autoptr(MdOutbox) reopened = NULL;
  g_autoptr(MdDossier) dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GBytes) bundle = md_bundle_serialize (dossier);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEndpoint) endpoint = md_endpoint_new ("https://intake.example.org/dossiers",
                                                    MD_ENDPOINT_KIND_HTTP, NULL, &error);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autofree char *state = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;

  g_assert_no_error (error);
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, &error);
  g_assert_no_error (error);

  state = g_build_filename (outbox_path, md_outbox_entry_get_id (entry), "state.json", NULL);
  g_assert_true (g_file_get_contents (state, &text, NULL, NULL));
  parts = g_strsplit (text, "https://intake.example.org/", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("http://intake.example.org/", parts);
  g_assert_true (g_file_set_contents (state, changed, -1, NULL));

  reopened = md_outbox_new (outbox_dir, submitter, NULL);
  g_assert_true (md_outbox_load (reopened, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 0);
  md_test_remove_tree (root);
}

static void
test_plain_http_refused (void)
{
  static const char * const addresses[] = {
    "http://intake.example.org/",
    "HTTP://INTAKE.EXAMPLE.ORG/",
    "http://127.0.0.1.nip.io/",
    "http://localhost.localdomain.example/",
    "http://127.0.0.1%2f@intake.example.org/",
    "http://[::ffff:8.8.8.8]/",
    "http://0.0.0.0/",
    "http://2130706433/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    for (MdEndpointKind kind = MD_ENDPOINT_KIND_HTTP; kind <= MD_ENDPOINT_KIND_WEBDAV; kind++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(MdEndpoint) endpoint = md_endpoint_new (addresses[i], kind, NULL, &error);

        g_test_message ("%s", addresses[i]);
        g_assert_null (endpoint);
        g_assert_nonnull (error);
        g_assert_true (error->domain == MD_ENDPOINT_ERROR);
      }
}

/* Certificate checks cannot be turned off: nothing in the sources
 * connects to "accept-certificate" or swaps the TLS database. */
static void
scan_sources (const char *path,
              guint      *n_files)
{
  static const char * const forbidden[] = {
    "accept-certificate", "accept_certificate", "tls-database", "tls_database",
    "set_validation_flags", "validation-flags", "ssl-strict", "ssl_strict",
  };
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          scan_sources (child, n_files);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
        continue;

      g_assert_true (g_file_get_contents (child, &text, NULL, NULL));
      (*n_files)++;
      for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
        if (strstr (text, forbidden[i]) != NULL)
          g_error ("%s uses %s", child, forbidden[i]);
    }
}

static void
test_no_certificate_override (void)
{
  g_autofree char *sources = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  guint n_files = 0;

  scan_sources (sources, &n_files);
  g_assert_cmpuint (n_files, >, 50);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/security/names/hostile", test_hostile_file_names);
  g_test_add_func ("/security/names/on-attach", test_attachment_name_sanitised_on_attach);
  g_test_add_func ("/security/ids/uuid-only", test_dossier_ids);
  g_test_add_func ("/security/ids/draft", test_draft_hostile_id);
  g_test_add_func ("/security/ids/review-sidecar", test_review_sidecar_hostile_id);
  g_test_add_func ("/security/ids/not-submitted", test_hostile_id_not_submitted);
  g_test_add_func ("/security/ids/inbox", test_inbox_hostile_files);
  g_test_add_func ("/security/sizes/bundle-file", test_huge_bundle);
  g_test_add_func ("/security/sizes/review-sidecar", test_huge_review);
  g_test_add_func ("/security/sizes/profile", test_huge_profile);
  g_test_add_func ("/security/sizes/outbox-state", test_huge_outbox_state);
  g_test_add_func ("/security/sizes/attachment-base64", test_attachment_base64_length);
  g_test_add_func ("/security/sizes/limit-and-devices", test_capped_read_of_growing_file);
  g_test_add_func ("/security/private/drafts", test_drafts_private);
  g_test_add_func ("/security/private/outbox", test_outbox_private);
  g_test_add_func ("/security/transport/plain-http", test_plain_http_refused);
  g_test_add_func ("/security/transport/plain-http-in-outbox", test_plain_http_in_outbox_state);
  g_test_add_func ("/security/transport/no-certificate-override", test_no_certificate_override);

  return g_test_run ();
}
