/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox without a network: delivery into a local folder, what is
 * kept on disk and how it is picked up again, receipts in the dossier,
 * and the in-memory secret store.
 */
#include <errno.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"
#include "md-test-core.h"

#define SECOND G_GINT64_CONSTANT (1000000)

typedef struct
{
  char        *root;
  GFile       *outbox_dir;
  GFile       *inbox_dir;
  MdEndpoint  *inbox;
  MdSubmitter *submitter;
  MdDossier   *dossier;
  GBytes      *bundle;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *inbox = NULL;

  fixture->root = g_dir_make_tmp ("md-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  outbox = g_build_filename (fixture->root, "data", "outbox", NULL);
  inbox = g_build_filename (fixture->root, "inbox", NULL);
  fixture->outbox_dir = g_file_new_for_path (outbox);
  fixture->inbox_dir = g_file_new_for_path (inbox);
  fixture->inbox = md_endpoint_new_for_folder (fixture->inbox_dir);
  fixture->submitter = md_submitter_new ();
  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  fixture->bundle = md_bundle_serialize (fixture->dossier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->root);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_clear_pointer (&fixture->root, g_free);
  g_clear_object (&fixture->outbox_dir);
  g_clear_object (&fixture->inbox_dir);
  g_clear_object (&fixture->inbox);
  g_clear_object (&fixture->submitter);
  g_clear_object (&fixture->dossier);
  g_clear_pointer (&fixture->bundle, g_bytes_unref);
}

static MdOutbox *
open_outbox (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  MdOutbox *outbox = md_outbox_new (fixture->outbox_dir, fixture->submitter, NULL);

  g_assert_true (md_outbox_load (outbox, NULL, &error));
  g_assert_no_error (error);
  return outbox;
}

static char *
entry_path (Fixture       *fixture,
            MdOutboxEntry *entry,
            const char    *name)
{
  return g_build_filename (g_file_peek_path (fixture->outbox_dir), md_outbox_entry_get_id (entry), name, NULL);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
on_delivered (MdOutbox      *outbox,
              MdOutboxEntry *entry,
              guint         *count)
{
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  (*count)++;
}

static void
test_folder_delivery (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delivered_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *state = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *digest = md_bundle_compute_digest (md_dossier_get_root (fixture->dossier));
  g_autofree char *key = g_strconcat (md_dossier_get_id (fixture->dossier), ":", digest, NULL);
  gsize length;
  guint delivered = 0;

  g_signal_connect (outbox, "delivered", G_CALLBACK (on_delivered), &delivered);
  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (md_outbox_entry_get_idempotency_key (entry), ==, key);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);

  /* Queued on disk, privately, before anything is sent. */
  state = entry_path (fixture, entry, "state.json");
  bundle = entry_path (fixture, entry, "bundle.json");
  assert_mode (g_file_peek_path (fixture->outbox_dir), 0700);
  assert_mode (state, 0600);
  assert_mode (bundle, 0600);

  g_assert_true (md_test_send_now (outbox, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_cmpuint (delivered, ==, 1);
  g_assert_cmpuint (md_outbox_entry_get_attempts (entry), ==, 1);
  g_assert_cmpfloat (md_outbox_entry_get_progress (entry), ==, 1.0);
  g_assert_false (md_outbox_entry_get_already_delivered (entry));
  g_assert_cmpstr (json_object_get_string_member (md_outbox_entry_get_receipt (entry), "idempotency_key"),
                   ==, key);

  delivered_path = g_strdup_printf ("%s/%s.json", g_file_peek_path (fixture->inbox_dir),
                                    md_dossier_get_id (fixture->dossier));
  g_assert_true (g_file_get_contents (delivered_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (fixture->bundle, NULL), g_bytes_get_size (fixture->bundle));
  assert_mode (delivered_path, 0600);

  /* The outbox copy goes once delivered; the state stays. */
  g_assert_false (g_file_test (bundle, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));
}

static void
test_same_bundle_once (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdOutboxEntry) first = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_autoptr(MdOutboxEntry) again = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_autoptr(MdEndpoint) elsewhere = md_endpoint_new ("https://intake.example.org/", MD_ENDPOINT_KIND_HTTP,
                                                     NULL, &error);
  g_autoptr(MdOutboxEntry) other = md_outbox_enqueue (outbox, fixture->bundle, elsewhere, NULL, &error);
  g_autoptr(GDir) dir = NULL;
  guint n_dirs = 0;

  g_assert_no_error (error);
  g_assert_true (first == again);
  g_assert_true (first != other);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 2);

  dir = g_dir_open (g_file_peek_path (fixture->outbox_dir), 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_dirs++;
  g_assert_cmpuint (n_dirs, ==, 2);
}

/* A folder that cannot be created: a file stands in its way. */
static void
block_inbox (Fixture  *fixture,
             gboolean  blocked)
{
  if (blocked)
    g_assert_true (g_file_set_contents (g_file_peek_path (fixture->inbox_dir), "x", 1, NULL));
  else
    g_assert_cmpint (g_unlink (g_file_peek_path (fixture->inbox_dir)), ==, 0);
}

static void
test_survives_restart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutbox) reopened = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(MdOutboxEntry) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdBackoff) backoff = md_backoff_new_full (60 * SECOND, 3600 * SECOND, 0.25,
                                                      g_rand_new_with_seed (3));
  gint64 before = g_get_real_time ();

  md_outbox_set_backoff (outbox, backoff);
  block_inbox (fixture, TRUE);
  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (md_test_send_now (outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_LOCAL);
  g_clear_error (&error);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), >=, before + 45 * SECOND);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), <=, g_get_real_time () + 60 * SECOND);

  /* Another process (or the next start) sees the same entry. */
  reopened = open_outbox (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 1);
  resumed = g_list_model_get_item (G_LIST_MODEL (reopened), 0);
  g_assert_cmpstr (md_outbox_entry_get_id (resumed), ==, md_outbox_entry_get_id (entry));
  g_assert_cmpint (md_outbox_entry_get_state (resumed), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (resumed), ==, md_outbox_entry_get_next_attempt (entry));
  g_assert_cmpuint (md_outbox_entry_get_attempts (resumed), ==, 1);
  g_assert_cmpstr (md_outbox_entry_get_idempotency_key (resumed), ==, md_outbox_entry_get_idempotency_key (entry));
  g_assert_error (md_outbox_entry_get_error (resumed), MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_LOCAL);
  g_assert_true (md_endpoint_equal (md_outbox_entry_get_endpoint (resumed), fixture->inbox));

  block_inbox (fixture, FALSE);
  g_assert_true (md_test_send_now (reopened, resumed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (md_outbox_entry_get_attempts (resumed), ==, 2);
  g_assert_null (md_outbox_entry_get_error (resumed));
}

static void
rewrite_state (const char *path,
               const char *from,
               const char *to)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  parts = g_strsplit (contents, from, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv (to, parts);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
}

static void
test_interrupted_send_resumes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutbox) reopened = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(MdOutboxEntry) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *contents = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * SECOND;

  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&outbox);

  /* As a crash in the middle of an attempt leaves it. */
  state = entry_path (fixture, entry, "state.json");
  rewrite_state (state, "\"queued\"", "\"sending\"");
  rewrite_state (state, "\"attempts\" : 0", "\"attempts\" : 1");

  reopened = open_outbox (fixture);
  resumed = g_list_model_get_item (G_LIST_MODEL (reopened), 0);
  g_assert_cmpint (md_outbox_entry_get_state (resumed), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (resumed), ==, 0);
  g_assert_true (g_file_get_contents (state, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"queued\""));

  /* Due now: the background sender picks it up by itself. */
  md_outbox_start (reopened);
  g_assert_true (md_outbox_is_running (reopened));
  while (md_outbox_entry_get_state (resumed) != MD_OUTBOX_STATE_SENT && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  md_outbox_stop (reopened);

  g_assert_cmpint (md_outbox_entry_get_state (resumed), ==, MD_OUTBOX_STATE_SENT);
  g_assert_cmpuint (md_outbox_entry_get_attempts (resumed), ==, 2);
}

static void
test_leftovers_and_damage (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(MdOutbox) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leftover = g_build_filename (g_file_peek_path (fixture->outbox_dir), ".new-abc", NULL);
  g_autofree char *leftover_file = g_build_filename (leftover, "bundle.json", NULL);
  g_autofree char *damaged = g_build_filename (g_file_peek_path (fixture->outbox_dir), "damaged", NULL);
  g_autofree char *damaged_state = g_build_filename (damaged, "state.json", NULL);

  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (leftover, 0700), ==, 0);
  g_assert_true (g_file_set_contents (leftover_file, "{", -1, NULL));
  g_assert_cmpint (g_mkdir (damaged, 0700), ==, 0);
  g_assert_true (g_file_set_contents (damaged_state, "{ not json", -1, NULL));

  reopened = open_outbox (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 1);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  /* Kept for a person to look at. */
  g_assert_true (g_file_test (damaged_state, G_FILE_TEST_EXISTS));
}

static void
test_never_replaced (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(MdOutboxEntry) changed_entry = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.json", g_file_peek_path (fixture->inbox_dir),
                                           md_dossier_get_id (fixture->dossier));
  g_autofree char *contents = NULL;
  gsize length;

  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_true (md_test_send_now (outbox, entry, &error));

  /* The same bundle again, as a fresh entry: already there. */
  g_assert_true (md_outbox_remove (outbox, entry, &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_true (md_test_send_now (outbox, entry, &error));
  g_assert_true (md_outbox_entry_get_already_delivered (entry));

  /* Another version of the same dossier is not passed off as sent. */
  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Anna", NULL);
  changed = md_bundle_serialize (fixture->dossier);
  changed_entry = md_outbox_enqueue (outbox, changed, fixture->inbox, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (md_test_send_now (outbox, changed_entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT);
  g_assert_cmpint (md_outbox_entry_get_state (changed_entry), ==, MD_OUTBOX_STATE_FAILED);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (fixture->bundle, NULL), g_bytes_get_size (fixture->bundle));
}

static void
test_record_receipt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(MdDossier) other = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MdDossier) reloaded = NULL;
  JsonNode *receipt;

  entry = md_outbox_enqueue (outbox, fixture->bundle, fixture->inbox, NULL, &error);
  g_assert_true (md_test_send_now (outbox, entry, &error));

  g_assert_true (md_outbox_entry_record_receipt_in_dossier (entry, fixture->dossier, &error));
  g_assert_no_error (error);
  g_assert_true (md_outbox_entry_record_receipt_in_dossier (entry, fixture->dossier, &error));
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "submissions"), ==, 1);
  g_assert_cmpstr (md_dossier_get_string (fixture->dossier, "submissions[0].endpoint"), ==,
                   md_endpoint_get_uri (fixture->inbox));
  g_assert_true (g_str_has_suffix (md_dossier_get_string (fixture->dossier, "submissions[0].timestamp"), "Z"));
  receipt = md_dossier_lookup (fixture->dossier, "submissions[0].receipt");
  g_assert_nonnull (receipt);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (receipt), "idempotency_key"), ==,
                   md_outbox_entry_get_idempotency_key (entry));

  /* The recorded submission is part of the bundle from now on. */
  saved = md_bundle_serialize (fixture->dossier);
  reloaded = md_bundle_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (md_dossier_get_length (reloaded, "submissions"), ==, 1);

  g_assert_false (md_outbox_entry_record_receipt_in_dossier (entry, other, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_INVALID_BUNDLE);
}

static void
test_unusable_bundle (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{ \"format\": \"something else\" }", 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdOutboxEntry) entry = md_outbox_enqueue (outbox, garbage, fixture->inbox, NULL, &error);

  g_assert_null (entry);
  g_assert_error (error, MD_BUNDLE_ERROR, MD_BUNDLE_ERROR_WRONG_FORMAT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
}

static void
enqueued_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MdOutboxEntry **entry = user_data;
  g_autoptr(GError) error = NULL;

  *entry = md_outbox_enqueue_finish (MD_OUTBOX (source), result, &error);
  g_assert_no_error (error);
}

static void
test_enqueue_async (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MdOutbox) outbox = open_outbox (fixture);
  g_autoptr(MdOutboxEntry) entry = NULL;

  md_outbox_enqueue_async (outbox, fixture->bundle, fixture->inbox, NULL, enqueued_cb, &entry);
  while (entry == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (md_outbox_entry_get_dossier_id (entry), ==, md_dossier_get_id (fixture->dossier));
  g_assert_cmpuint (md_outbox_entry_get_size (entry), ==, g_bytes_get_size (fixture->bundle));
  g_assert_true (md_outbox_lookup (outbox, md_outbox_entry_get_id (entry)) == entry);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **secret = user_data;
  g_autoptr(GError) error = NULL;

  *secret = md_secret_store_lookup_finish (MD_SECRET_STORE (source), result, &error);
  g_assert_no_error (error);
  if (*secret == NULL)
    *secret = g_strdup ("(none)");
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *stored = user_data;

  *stored = md_secret_store_store_finish (MD_SECRET_STORE (source), result, NULL);
}

static char *
lookup (MdSecretStore *store,
        const char    *uri,
        const char    *user)
{
  char *secret = NULL;

  md_secret_store_lookup_async (store, uri, user, NULL, lookup_cb, &secret);
  while (secret == NULL)
    g_main_context_iteration (NULL, TRUE);
  return secret;
}

static void
store (MdSecretStore *secrets,
       const char    *uri,
       const char    *user,
       const char    *secret)
{
  gboolean stored = FALSE;

  md_secret_store_store_async (secrets, uri, user, secret, NULL, store_cb, &stored);
  while (!stored)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_memory_secrets (void)
{
  g_autoptr(MdSecretStore) secrets = MD_SECRET_STORE (md_memory_secret_store_new ());
  g_autofree char *none = lookup (secrets, "https://a.example/", NULL);
  g_autofree char *token = NULL;
  g_autofree char *password = NULL;
  g_autofree char *forgotten = NULL;

  g_assert_cmpstr (none, ==, "(none)");
  store (secrets, "https://a.example/", NULL, "t0ken");
  store (secrets, "https://a.example/", "alice", "pa55");
  token = lookup (secrets, "https://a.example/", NULL);
  password = lookup (secrets, "https://a.example/", "alice");
  g_assert_cmpstr (token, ==, "t0ken");
  g_assert_cmpstr (password, ==, "pa55");

  store (secrets, "https://a.example/", "alice", NULL);
  forgotten = lookup (secrets, "https://a.example/", "alice");
  g_assert_cmpstr (forgotten, ==, "(none)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/outbox/folder-delivery", test_folder_delivery);
  ADD ("/outbox/same-bundle-once", test_same_bundle_once);
  ADD ("/outbox/survives-restart", test_survives_restart);
  ADD ("/outbox/interrupted-send-resumes", test_interrupted_send_resumes);
  ADD ("/outbox/leftovers-and-damage", test_leftovers_and_damage);
  ADD ("/outbox/never-replaced", test_never_replaced);
  ADD ("/outbox/record-receipt", test_record_receipt);
  ADD ("/outbox/unusable-bundle", test_unusable_bundle);
  ADD ("/outbox/enqueue-async", test_enqueue_async);
  g_test_add_func ("/secret-store/memory", test_memory_secrets);

  return g_test_run ();
}
