/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Delivery into a real nginx WebDAV server on 127.0.0.1 (md-test-nginx.c),
 * started and stopped by each test. Two drop folders:
 *
 *   /drop/   stock nginx DAV, readable with the credentials. nginx
 *            ignores "If-None-Match: *" on PUT and would overwrite; the
 *            client looks first.
 *   /inbox/  upload-only (reading is forbidden), like a Nextcloud "file
 *            drop" share, with the precondition enforced by the snippet
 *            docs/submission.md recommends: a second PUT gets 412.
 *
 * Skipped when nginx or its DAV extension module is not installed.
 */
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-memory-secret-store.h"
#include "md-outbox.h"
#include "md-test-core.h"
#include "md-test-nginx.h"

#define USER     "alice"
#define PASSWORD "correct horse"

typedef struct
{
  MdTestNginx         *nginx;
  char                *skip_reason;
  char                *tmp;
  GFile               *outbox_dir;
  MdSubmitter         *submitter;
  MdMemorySecretStore *secrets;
  MdOutbox            *outbox;
  MdDossier           *dossier;
  GBytes              *bundle;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox = NULL;

  fixture->nginx = md_test_nginx_start (USER, PASSWORD, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      fixture->skip_reason = g_strdup (error->message);
      return;
    }
  g_assert_no_error (error);

  fixture->tmp = g_dir_make_tmp ("md-webdav-XXXXXX", &error);
  g_assert_no_error (error);
  outbox = g_build_filename (fixture->tmp, "outbox", NULL);
  fixture->outbox_dir = g_file_new_for_path (outbox);
  fixture->submitter = md_submitter_new ();
  md_submitter_set_timeout (fixture->submitter, 10);
  fixture->secrets = md_memory_secret_store_new ();
  fixture->outbox = md_outbox_new (fixture->outbox_dir, fixture->submitter, MD_SECRET_STORE (fixture->secrets));
  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  fixture->bundle = md_bundle_serialize (fixture->dossier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->outbox != NULL)
    md_outbox_stop (fixture->outbox);
  g_clear_object (&fixture->outbox);
  g_clear_pointer (&fixture->nginx, md_test_nginx_free);

  if (fixture->tmp != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->tmp);

      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }

  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->skip_reason, g_free);
  g_clear_object (&fixture->outbox_dir);
  g_clear_object (&fixture->submitter);
  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->dossier);
  g_clear_pointer (&fixture->bundle, g_bytes_unref);
}

static gboolean
skip_without_nginx (Fixture *fixture)
{
  if (fixture->skip_reason != NULL)
    g_test_skip (fixture->skip_reason);
  return fixture->nginx == NULL;
}

static MdEndpoint *
make_endpoint (Fixture    *fixture,
               const char *folder,
               const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = md_test_nginx_dup_url (fixture->nginx, folder);
  MdEndpoint *endpoint = md_endpoint_new (url, MD_ENDPOINT_KIND_WEBDAV, USER, &error);

  g_assert_no_error (error);
  md_memory_secret_store_set (fixture->secrets, md_endpoint_get_uri (endpoint), USER, password);
  return endpoint;
}

static char *
stored_path (Fixture    *fixture,
             const char *folder)
{
  return g_strdup_printf ("%s/%s/%s.json", md_test_nginx_get_root (fixture->nginx), folder,
                          md_dossier_get_id (fixture->dossier));
}

static MdOutboxEntry *
submit (Fixture     *fixture,
        GBytes      *bundle,
        MdEndpoint  *endpoint,
        GError     **error)
{
  g_autoptr(MdOutboxEntry) entry = md_outbox_enqueue (fixture->outbox, bundle, endpoint, NULL, error);

  g_assert_nonnull (entry);
  md_test_send_now (fixture->outbox, entry, error);
  return g_steal_pointer (&entry);
}

/* Sends the same bundle again as a new entry, as after the outbox was
 * cleared or from another computer. */
static MdOutboxEntry *
submit_again (Fixture     *fixture,
              MdOutboxEntry *previous,
              GBytes      *bundle,
              MdEndpoint  *endpoint,
              GError     **error)
{
  g_assert_true (md_outbox_remove (fixture->outbox, previous, NULL));
  return submit (fixture, bundle, endpoint, error);
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static gint64
modification_time (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mtime;
}

static void
test_delivered (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, "drop", PASSWORD);
  entry = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_SENT);
  g_assert_false (md_outbox_entry_get_already_delivered (entry));
  g_assert_cmpint (json_object_get_int_member (md_outbox_entry_get_receipt (entry), "status"), ==, 201);

  path = stored_path (fixture, "drop");
  assert_file_holds (path, fixture->bundle);
}

static void
test_not_overwritten (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *folder = data;
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) first = NULL;
  g_autoptr(MdOutboxEntry) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 mtime;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, folder, PASSWORD);
  first = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);
  path = stored_path (fixture, folder);
  mtime = modification_time (path);
  g_usleep (1100 * 1000);

  second = submit_again (fixture, first, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);
  g_assert_cmpint (md_outbox_entry_get_state (second), ==, MD_OUTBOX_STATE_SENT);
  g_assert_true (md_outbox_entry_get_already_delivered (second));
  g_assert_cmpint (modification_time (path), ==, mtime);
  assert_file_holds (path, fixture->bundle);

  if (g_str_equal (folder, "inbox"))
    {
      /* Upload-only: the 412 is all there is to go by. */
      JsonObject *receipt = md_outbox_entry_get_receipt (second);

      g_assert_cmpint (json_object_get_int_member (receipt, "status"), ==, 412);
      g_assert_false (json_object_get_boolean_member (receipt, "verified"));
    }
}

static void
test_other_version_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) first = NULL;
  g_autoptr(MdOutboxEntry) changed_entry = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, "drop", PASSWORD);
  first = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_no_error (error);

  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Anna", NULL);
  changed = md_bundle_serialize (fixture->dossier);
  changed_entry = submit (fixture, changed, endpoint, &error);
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT);
  g_assert_cmpint (md_outbox_entry_get_state (changed_entry), ==, MD_OUTBOX_STATE_FAILED);

  path = stored_path (fixture, "drop");
  assert_file_holds (path, fixture->bundle);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *folder = data;
  g_autoptr(MdEndpoint) endpoint = NULL;
  g_autoptr(MdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_nginx (fixture))
    return;

  endpoint = make_endpoint (fixture, folder, "wrong password");
  entry = submit (fixture, fixture->bundle, endpoint, &error);
  g_assert_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "did not accept"));
  g_assert_cmpint (md_outbox_entry_get_state (entry), ==, MD_OUTBOX_STATE_FAILED);
  g_assert_true (md_outbox_entry_get_needs_credentials (entry));

  path = stored_path (fixture, folder);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/webdav/delivered", NULL, test_delivered);
  ADD ("/webdav/not-overwritten/readable", "drop", test_not_overwritten);
  ADD ("/webdav/not-overwritten/upload-only", "inbox", test_not_overwritten);
  ADD ("/webdav/other-version-kept", NULL, test_other_version_kept);
  ADD ("/webdav/wrong-password/readable", "drop", test_wrong_password);
  ADD ("/webdav/wrong-password/upload-only", "inbox", test_wrong_password);

  return g_test_run ();
}
