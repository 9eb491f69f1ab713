/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox and the submitter against a real HTTP server on
 * 127.0.0.1 playing the intake API, including its failure modes, and a
 * sender killed in the middle of an upload.
 */
#include <signal.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"
#include "md-test-core.h"
#include "md-test-intake.h"

#define SECOND G_GINT64_CONSTANT (1000000)
#define TOKEN  "s3cret-t0ken"

typedef struct
{
  MdTestIntake        *intake;
  char                *root;
  GFile               *outbox_dir;
  MdEndpoint          *endpoint;
  MdSubmitter         *submitter;
  MdMemorySecretStore *secrets;
  MdBackoff           *backoff;
  MdOutbox            *outbox;
  MdDossier           *dossier;
  GBytes              *bundle;
  char                *key;
} Fixture;

static GBytes *
random_bytes (gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint32 *data = g_new (guint32, size / 4);

  for (gsize i = 0; i < size / 4; i++)
    data[i] = g_rand_int (rand);
  return g_bytes_new_take (data, size / 4 * 4);
}

static void
make_bundle (Fixture *fixture,
             gsize    attachment_size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;

  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  if (attachment_size > 0)
    {
      g_autoptr(GBytes) data = random_bytes (attachment_size);

      g_assert_true (md_dossier_add_attachment (fixture->dossier, "transcript.pdf", "application/pdf",
                                                data, &error));
      g_assert_no_error (error);
    }

  fixture->bundle = md_bundle_serialize (fixture->dossier);
  digest = md_bundle_compute_digest (md_dossier_get_root (fixture->dossier));
  fixture->key = g_strconcat (md_dossier_get_id (fixture->dossier), ":", digest, NULL);
}

static MdOutbox *
open_outbox (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  MdOutbox *outbox = md_outbox_new (fixture->outbox_dir, fixture->submitter, MD_SECRET_STORE (fixture->secrets));

  md_outbox_set_backoff (outbox, fixture->backoff);
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  g_assert_no_error (error);
  return outbox;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *outbox = NULL;

  fixture->intake = md_test_intake_new ();
  fixture->root = g_dir_make_tmp ("md-intake-XXXXXX", &error);
  g_assert_no_error (error);
  outbox = g_build_filename (fixture->root, "outbox", NULL);
  fixture->outbox_dir = g_file_new_for_path (outbox);

  url = md_test_intake_dup_url (fixture->intake);
  fixture->endpoint = md_endpoint_new (url, MD_ENDPOINT_KIND_HTTP, NULL, &error);
  g_assert_no_error (error);

  fixture->submitter = md_submitter_new ();
  md_submitter_set_timeout (fixture->submitter, 5);
  fixture->secrets = md_memory_secret_store_new ();
  fixture->backoff = md_backoff_new_full (SECOND / 20, SECOND, 0.25, g_rand_new_with_seed (11));
  fixture->outbox = open_outbox (fixture);
  make_bundle (fixture, GPOINTER_TO_SIZE (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->root);

  md_outbox_stop (fixture->outbox);
  g_clear_object (&fixture->outbox);
  g_clear_pointer (&fixture->intake, md_test_intake_free);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_clear_pointer (&fixture->root, g_free);
  g_clear_object (&fixture->outbox_dir);
  g_clear_object (&fixture->endpoint);
  g_clear_object (&fixture->submitter);
  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->backoff);
  g_clear_object (&fixture->dossier);
  g_clear_pointer (&fixture->bundle, g_bytes_unref);
  g_clear_pointer (&fixture->key, g_free);
}

static MdOutboxEntry *
enqueue (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  MdOutboxEntry *entry = md_outbox_enqueue (fixture->outbox, fixture->bundle, fixture->endpoint, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

/* Lets the background sender run for a while (bounded). */
static void
run_until_state (MdOutboxEntry *entry,
                 MdOutboxState  state,
                 gint64         timeout)
{
  gint64 deadline = g_get_monotonic_time () + timeout;

  while (md_outbox_entry_get_state (entry) != state && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_same_key_everywhere (Fixture *fixture)
{
  guint n = md_test_intake_get_n_requests (fixture->intake);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = md_test_intake_dup_header (fixture->intake, i, "Idempotency-Key");

      g_assert_cmpstr (key, ==, fixture->key);
    }
}

static void
test_created (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autofree char *type = NULL;
  g_autofree char *authorization = NULL;
  JsonObject *receipt;

  md_test_intake_require_token (fixture->intake, TOKEN);
  md_memory_secret_store_set (fixture->secrets, md_endpoint_get_uri (fixture->endpoint), NULL, TOKEN);

  g_assert_true (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_false (md_outbox_entry_get_already_delivered (entry));

  receipt = md_outbox_entry_get_receipt (entry);
  g_assert_cmpstr (json_object_get_string_member (receipt, "receipt_id"), ==, "R-1");
  g_assert_cmpstr (json_object_get_string_member (receipt, "idempotency_key"), ==, fixture->key);

  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
  copy = md_test_intake_dup_copy (fixture->intake, fixture->key);
  g_assert_true (g_bytes_equal (copy, fixture->bundle));
  type = md_test_intake_dup_header (fixture->intake, 0, "Content-Type");
  authorization = md_test_intake_dup_header (fixture->intake, 0, "Authorization");
  g_assert_cmpstr (type, ==, "application/json");
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);
  assert_same_key_everywhere (fixture);
}

static void
test_server_error_then_created (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time ();

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_FAIL, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_SERVER);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), >=, before + SECOND / 20 * 3 / 4);
  g_assert_error (md_outbox_entry_get_error (entry), MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_SERVER);

  /* The background sender retries it after the backoff. */
  md_outbox_start (fixture->outbox);
  run_until_state (entry, MD_OUTBOX_STATE_SENT, 10 * SECOND);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_cmpuint (md_outbox_entry_get_attempts (entry), ==, 2);
  g_assert_null (md_outbox_entry_get_error (entry));

  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 2);
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
  assert_same_key_everywhere (fixture);
}

static void
test_retry_after_seconds (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time ();
  gint64 after;

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_BUSY, "120");

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  after = g_get_real_time ();
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_RETRY_LATER);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  /* Not before the server's time, although our backoff is 50 ms. */
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), >=, before + 120 * SECOND);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), <=, after + 120 * SECOND);

  /* Nor does the background sender jump the gun. */
  md_outbox_start (fixture->outbox);
  run_for (300);
  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 1);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
}

static void
test_retry_after_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_BUSY, date);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_RETRY_LATER);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), >=, g_date_time_to_unix (later) * SECOND);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), <, (g_date_time_to_unix (later) + 1) * SECOND);
  g_clear_error (&error);

  /* The user can still insist. */
  g_assert_true (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
}

static void
test_already_received (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) first = enqueue (fixture);
  g_autoptr(MdOutboxEntry) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_test_send_now (fixture->outbox, first, &error));

  /* A fresh entry for the same bundle: the intake knows the key. */
  g_assert_true (md_outbox_remove (fixture->outbox, first, &error));
  again = enqueue (fixture);
  g_assert_true (again != first);
  g_assert_true (md_test_send_now (fixture->outbox, again, &error));
  g_assert_no_error (error);

  g_assert_cmpint (md_outbox_entry_get_state (again), ==, MD_OUTBOX_STATE_SENT);
  g_assert_true (md_outbox_entry_get_already_delivered (again));
  g_assert_cmpstr (json_object_get_string_member (md_outbox_entry_get_receipt (again), "receipt_id"), ==, "R-1");
  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 2);
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
}

static void
test_other_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_CONFLICT, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
}

static void
test_problem_not_retried (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_PROBLEM, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, MD_TEST_PROBLEM_TITLE));
  g_assert_nonnull (strstr (error->message, MD_TEST_PROBLEM_DETAIL));
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
  g_assert_cmpint (md_outbox_entry_get_next_attempt (entry), ==, 0);
  g_assert_cmpstr (md_outbox_entry_get_error (entry)->message, ==, error->message);

  md_outbox_start (fixture->outbox);
  run_for (300);
  g_assert_cmpuint (md_test_intake_get_n_requests (fixture->intake), ==, 1);
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 0);
}

static void
test_credentials (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;

  md_test_intake_require_token (fixture->intake, TOKEN);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
  g_assert_true (md_outbox_entry_get_needs_credentials (entry));
  g_clear_error (&error);

  /* A wrong token is told apart from none. */
  md_memory_secret_store_set (fixture->secrets, md_endpoint_get_uri (fixture->endpoint), NULL, "wrong");
  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "did not accept"));
  g_clear_error (&error);

  /* The user gives the right one and retries. */
  md_memory_secret_store_set (fixture->secrets, md_endpoint_get_uri (fixture->endpoint), NULL, TOKEN);
  g_assert_true (md_outbox_retry (fixture->outbox, entry, &error));
  md_outbox_start (fixture->outbox);
  run_until_state (entry, MD_OUTBOX_STATE_SENT, 10 * SECOND);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_false (md_outbox_entry_get_needs_credentials (entry));
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
}

static void
test_unauthorized_status (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_UNAUTHORIZED, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "asks for credentials"));
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;

  md_test_intake_push (fixture->intake, MD_TEST_ACTION_TOO_LARGE, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_TOO_LARGE);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
}

static void
test_no_answer (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;

  md_submitter_set_timeout (fixture->submitter, 1);
  md_test_intake_push (fixture->intake, MD_TEST_ACTION_STALL, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_TIMED_OUT);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_clear_error (&error);

  /* The server comes back. */
  g_assert_true (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (md_outbox_entry_get_attempts (entry), ==, 2);
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);
  assert_same_key_everywhere (fixture);
}

static void
on_progress_notify (MdOutboxEntry *entry,
                    GParamSpec    *pspec,
                    GArray        *values)
{
  double progress = md_outbox_entry_get_progress (entry);

  g_array_append_val (values, progress);
}

static void
test_reset_mid_upload (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MdOutboxEntry) entry = enqueue (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) copy = NULL;
  guint partial = 0;

  g_assert_cmpuint (g_bytes_get_size (fixture->bundle), >, 512 * 1024);
  md_test_intake_push (fixture->intake, MD_TEST_ACTION_RESET, NULL);

  g_assert_false (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_NETWORK);
  g_assert_cmpuint (md_test_intake_get_n_resets (fixture->intake), ==, 1);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_clear_error (&error);

  g_signal_connect (entry, "notify::progress", G_CALLBACK (on_progress_notify), progress);
  g_assert_true (md_test_send_now (fixture->outbox, entry, &error));
  g_assert_no_error (error);

  copy = md_test_intake_dup_copy (fixture->intake, fixture->key);
  g_assert_true (g_bytes_equal (copy, fixture->bundle));
  g_assert_cmpuint (md_test_intake_count_copies (fixture->intake, fixture->key), ==, 1);

  /* A large upload reports its progress as it goes. */
  for (guint i = 0; i < progress->len; i++)
    {
      double value = g_array_index (progress, double, i);

      partial += value > 0.0 && value < 1.0;
      if (i > 0 && value > 0.0)
        g_assert_cmpfloat (value, >=, g_array_index (progress, double, i - 1));
    }
  g_assert_cmpuint (partial, >=, 3);
  g_assert_cmpfloat (g_array_index (progress, double, progress->len - 1), ==, 1.0);
}

/* The child: starts sending, and dies by SIGKILL as soon as the server
 * has the request, before the answer comes. */
static gboolean
kill_when_marked_cb (gpointer user_data)
{
  if (g_file_test (user_data, G_FILE_TEST_EXISTS))
    raise (SIGKILL);
  return G_SOURCE_CONTINUE;
}

/* Where the parent and the child of the killed-while-sending test
 * meet, set in main() before any thread starts: setenv() is not
 * thread-safe. */
static char *
killed_path (const char *name)
{
  return g_build_filename (g_getenv ("MD_TEST_KILLED_ROOT"), name, NULL);
}

static void
send_and_die (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox_path = killed_path ("outbox");
  g_autofree char *url_path = killed_path ("url");
  g_autofree char *bundle_path = killed_path ("bundle.dossier.json");
  g_autoptr(GFile) directory = g_file_new_for_path (outbox_path);
  g_autoptr(MdSubmitter) submitter = md_submitter_new ();
  g_autoptr(MdOutbox) outbox = md_outbox_new (directory, submitter, NULL);
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autofree char *url = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (url_path, &url, NULL, &error));
  endpoint = md_endpoint_new (url, MD_ENDPOINT_KIND_HTTP, NULL, &error);
  g_assert_true (g_file_get_contents (bundle_path, &contents, &length, &error));
  bundle = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  entry = md_outbox_enqueue (outbox, bundle, endpoint, NULL, &error);
  g_assert_no_error (error);

  md_outbox_send_now_async (outbox, entry, NULL, NULL, NULL);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 5, kill_when_marked_cb, killed_path ("request-received"), g_free);
  run_for (20 * 1000);
  g_assert_not_reached ();
}

static void
test_killed_while_sending (void)
{
  g_autoptr(MdTestIntake) intake = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox_path = killed_path ("outbox");
  g_autofree char *marker = killed_path ("request-received");
  g_autofree char *bundle_path = killed_path ("bundle.dossier.json");
  g_autofree char *url_path = killed_path ("url");
  g_autofree char *url = NULL;
  g_autoptr(GFile) outbox_dir = NULL;
  g_autoptr(MdSubmitter) submitter = NULL;
  g_autoptr(MdOutbox) outbox = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  Fixture bundle = { 0 };

  if (g_test_subprocess ())
    {
      send_and_die ();
      return;
    }

  intake = md_test_intake_new ();
  url = md_test_intake_dup_url (intake);
  make_bundle (&bundle, 0);
  g_assert_true (g_file_set_contents (bundle_path, g_bytes_get_data (bundle.bundle, NULL),
                                      g_bytes_get_size (bundle.bundle), NULL));
  g_assert_true (g_file_set_contents (url_path, url, -1, NULL));

  /* The intake stores the dossier but its answer never leaves. */
  md_test_intake_set_marker (intake, marker);
  md_test_intake_push (intake, MD_TEST_ACTION_STORE_AND_STALL, NULL);

  g_test_trap_subprocess (NULL, 30 * SECOND, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (md_test_intake_count_copies (intake, bundle.key), ==, 1);

  /* The next start finds the entry that was being sent... */
  outbox_dir = g_file_new_for_path (outbox_path);
  submitter = md_submitter_new ();
  outbox = md_outbox_new (outbox_dir, submitter, NULL);
  g_assert_true (md_outbox_load (outbox, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  entry = g_list_model_get_item (G_LIST_MODEL (outbox), 0);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_QUEUED);
  g_assert_cmpuint (md_outbox_entry_get_attempts (entry), ==, 1);
  g_assert_cmpstr (md_outbox_entry_get_idempotency_key (entry), ==, bundle.key);

  /* ...and delivers it, once. */
  md_outbox_start (outbox);
  run_until_state (entry, MD_OUTBOX_STATE_SENT, 10 * SECOND);
  md_outbox_stop (outbox);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_true (md_outbox_entry_get_already_delivered (entry));
  g_assert_cmpstr (json_object_get_string_member (md_outbox_entry_get_receipt (entry), "receipt_id"), ==, "R-1");
  g_assert_cmpuint (md_test_intake_get_n_requests (intake), ==, 2);
  g_assert_cmpuint (md_test_intake_count_copies (intake, bundle.key), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *key = md_test_intake_dup_header (intake, i, "Idempotency-Key");

      g_assert_cmpstr (key, ==, bundle.key);
    }

  g_clear_object (&bundle.dossier);
  g_clear_pointer (&bundle.bundle, g_bytes_unref);
  g_clear_pointer (&bundle.key, g_free);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *killed_root = NULL;
  int status;

  if (g_getenv ("MD_TEST_KILLED_ROOT") == NULL)
    {
      killed_root = g_dir_make_tmp ("md-killed-XXXXXX", NULL);
      g_assert_nonnull (killed_root);
      g_setenv ("MD_TEST_KILLED_ROOT", killed_root, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/intake/created", test_created);
  ADD ("/intake/server-error-then-created", test_server_error_then_created);
  ADD ("/intake/retry-after-seconds", test_retry_after_seconds);
  ADD ("/intake/retry-after-date", test_retry_after_date);
  ADD ("/intake/already-received", test_already_received);
  ADD ("/intake/other-conflict", test_other_conflict);
  ADD ("/intake/problem-not-retried", test_problem_not_retried);
  ADD ("/intake/credentials", test_credentials);
  ADD ("/intake/unauthorized", test_unauthorized_status);
  ADD ("/intake/too-large", test_too_large);
  ADD ("/intake/no-answer", test_no_answer);
  g_test_add ("/intake/reset-mid-upload", Fixture, GSIZE_TO_POINTER (768 * 1024),
              fixture_set_up, test_reset_mid_upload, fixture_tear_down);
  g_test_add_func ("/intake/killed-while-sending", test_killed_while_sending);

  status = g_test_run ();
  if (killed_root != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", killed_root);

      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
  return status;
}
