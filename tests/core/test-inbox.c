/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a folder as an inbox: a folder of shipped samples and
 * hand-made dossiers (an invalid one, a tampered one, the same person
 * twice, a file that is not a bundle), checked item by item; following
 * the folder after the load; cancelling a load.
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "md-bundle.h"
#include "md-inbox.h"
#include "md-test-core.h"

#define SMS_ID "6ba17aea-e149-4df0-bfca-9ca645070a88"
#define COPY_ID "0f5b6c3e-8d2a-4c1e-9b7a-3e2d1c0b9a81"
#define INVALID_ID "2a7e9c41-5b3d-4f60-8e1a-7c9d2b4f6e03"
#define NEW_ID "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
#define WAIT_US (10 * G_USEC_PER_SEC)

static void drain (void);

typedef struct
{
  char                *dir;
  MdProgrammeRegistry *registry;
  MdInbox             *inbox;
} Fixture;

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);
}

/* Edits the tree directly: the setters would stamp "modified" with
 * today, and the validation date follows it. */
static void
set_member (MdDossier  *dossier,
            const char *section,
            const char *member,
            const char *value)
{
  JsonObject *root = json_node_get_object (md_dossier_get_root (dossier));
  JsonObject *object = section ? json_object_get_object_member (root, section) : root;

  json_object_set_string_member (object, member, value);
}

static void
save (MdDossier  *dossier,
      const char *dir,
      const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  md_bundle_save_file (dossier, file, NULL, &error);
  g_assert_no_error (error);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
make_folder (const char *dir)
{
  g_autoptr(MdDossier) sms = md_test_load_sample ("erasmus-ka131-2024--sms.dossier.json");
  g_autoptr(MdDossier) stt = md_test_load_sample ("erasmus-ka131-2024--stt.dossier.json");
  g_autoptr(MdDossier) copy = md_test_load_sample ("erasmus-ka131-2024--sms.dossier.json");
  g_autoptr(MdDossier) invalid = md_test_load_sample ("erasmus-ka131-2024--smt.dossier.json");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) tampered = NULL;

  save (sms, dir, "lotte.dossier.json");
  save (stt, dir, "staff.dossier.json");

  /* The same person (same e-mail) in a second dossier of her own. */
  set_member (copy, NULL, "id", COPY_ID);
  set_member (copy, "applicant", "given_name", "Charlotte");
  set_member (copy, "mobility", "destination_country", "FR");
  save (copy, dir, "lotte-again.json");

  /* Belgium is excluded in KA131. */
  set_member (invalid, NULL, "id", INVALID_ID);
  set_member (invalid, "applicant", "email", "someone.else@example.org");
  set_member (invalid, "mobility", "destination_country", "BE");
  save (invalid, dir, "invalid.dossier.json");

  /* Changed with a text editor: the digest no longer matches. */
  path = sample_path ("erasmus-ka131-2024--doctoral_short.dossier.json");
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  tampered = g_string_new (text);
  g_assert_cmpuint (g_string_replace (tampered, "\"travel_mode\": \"standard\"",
                                      "\"travel_mode\": \"green\"", 1), ==, 1);
  write_text (dir, "tampered.dossier.json", tampered->str);

  write_text (dir, "notes.json", "{\"hello\": \"world\"}");
  write_text (dir, "broken.dossier.json", "{\"format\": ");
  write_text (dir, "readme.txt", "not a dossier, not JSON: ignored");
  write_text (dir, SMS_ID ".review.json",
              "{\"format\":\"mobility-dossier-review\",\"format_version\":1,"
              "\"dossier_id\":\"" SMS_ID "\",\"bundle_digest\":\"\",\"reviews\":[]}");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("md-inbox-XXXXXX", &error);
  g_assert_no_error (error);
  if (data != NULL)
    make_folder (fixture->dir);

  folder = g_file_new_for_path (fixture->dir);
  fixture->registry = md_programme_registry_new_default ();
  fixture->inbox = md_inbox_new (folder, fixture->registry);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  drain ();
  g_assert_finalize_object (fixture->inbox);
  g_clear_object (&fixture->registry);
  md_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Wait;

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = md_inbox_load_finish (MD_INBOX (source), result, &wait->error);
  wait->done = TRUE;
}

/* Runs the main context until @flag is set, for at most WAIT_US. */
static gboolean
iterate_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (!*flag && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return *flag;
}

/* Lets late progress updates, file events and refreshes finish, so
 * that nothing else holds the inbox when it is finalized. */
static void
drain (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
load (Fixture *fixture)
{
  Wait wait = { FALSE, FALSE, NULL };

  md_inbox_load_async (fixture->inbox, NULL, load_cb, &wait);
  g_assert_true (md_inbox_get_loading (fixture->inbox));
  g_assert_true (iterate_until (&wait.done));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
}

static MdInboxItem *
find_file (MdInbox    *inbox,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (inbox)); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (G_LIST_MODEL (inbox), i);
      g_autofree char *basename = g_file_get_basename (md_inbox_item_get_file (item));

      if (g_str_equal (basename, name))
        return item;
    }

  return NULL;
}

static void
test_inbox_items (Fixture       *fixture,
                  gconstpointer  data)
{
  MdInboxItem *lotte, *again, *invalid, *tampered, *notes, *broken, *staff;
  g_autofree char *applicant = NULL;
  g_autofree char *destination = NULL;
  double ects, estimate;
  guint errors;

  load (fixture);
  g_assert_false (md_inbox_get_loading (fixture->inbox));
  g_assert_cmpfloat (md_inbox_get_progress (fixture->inbox), ==, 1.0);
  g_assert_true (md_inbox_get_monitoring (fixture->inbox));

  /* Seven .json files; the sidecar and readme.txt are not items. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox)), ==, 7);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->inbox)) == MD_TYPE_INBOX_ITEM);

  lotte = find_file (fixture->inbox, "lotte.dossier.json");
  g_assert_nonnull (lotte);
  g_assert_true (md_inbox_item_is_readable (lotte));
  g_assert_cmpstr (md_inbox_item_get_id (lotte), ==, SMS_ID);
  g_assert_cmpstr (md_inbox_item_get_email (lotte), ==, "lotte.peeters@example.org");
  g_assert_cmpstr (md_inbox_item_get_date_of_birth (lotte), ==, "1998-03-12");
  g_assert_cmpstr (md_inbox_item_get_programme_id (lotte), ==, "erasmus-ka131-2024");
  g_assert_cmpstr (md_inbox_item_get_activity_id (lotte), ==, "sms");
  g_assert_cmpstr (md_inbox_item_get_activity (lotte), ==, "Student mobility for studies (SMS)");
  g_assert_cmpstr (md_inbox_item_get_destination_code (lotte), ==, "DE");
  g_assert_cmpstr (md_inbox_item_get_start_date (lotte), ==, "2026-05-04");
  g_assert_cmpstr (md_inbox_item_get_end_date (lotte), ==, "2026-07-24");
  /* 30/360: (7 − 5) × 30 + (24 − 4) + 1 = 81 days. */
  g_assert_cmpuint (md_inbox_item_get_duration_days (lotte), ==, 81);
  g_assert_cmpstr (md_inbox_item_get_duration (lotte), ==, "2 months and 21 days");
  g_assert_cmpuint (md_inbox_item_get_errors (lotte), ==, 0);
  g_assert_cmpint (md_inbox_item_get_integrity (lotte), ==, MD_INTEGRITY_INTACT);
  g_assert_cmpstr (md_inbox_item_get_submitted (lotte), ==, "2026-02-20T16:45:30Z");
  g_assert_false (isnan (md_inbox_item_get_estimate (lotte)));
  g_assert_true (md_inbox_item_get_duplicate (lotte));
  /* The empty sidecar was read: a review without scores. */
  g_assert_nonnull (md_inbox_item_get_review (lotte));
  g_assert_true (isnan (md_inbox_item_get_score (lotte)));

  /* The same values as properties, for list views. */
  g_object_get (lotte, "applicant", &applicant, "destination", &destination,
                "ects", &ects, "errors", &errors, "estimate", &estimate, NULL);
  g_assert_cmpstr (applicant, ==, "Lotte Peeters");
  g_assert_cmpstr (destination, ==, "Germany");
  g_assert_cmpfloat (ects, ==, 15);
  g_assert_cmpuint (errors, ==, 0);
  g_assert_cmpfloat (estimate, ==, md_inbox_item_get_estimate (lotte));

  again = find_file (fixture->inbox, "lotte-again.json");
  g_assert_nonnull (again);
  g_assert_cmpstr (md_inbox_item_get_id (again), ==, COPY_ID);
  g_assert_true (md_inbox_item_get_duplicate (again));
  g_assert_null (md_inbox_item_get_review (again));

  staff = find_file (fixture->inbox, "staff.dossier.json");
  g_assert_false (md_inbox_item_get_duplicate (staff));
  g_assert_cmpuint (md_inbox_item_get_errors (staff), ==, 0);
  g_assert_cmpuint (md_inbox_item_get_duration_days (staff), ==, 12);

  invalid = find_file (fixture->inbox, "invalid.dossier.json");
  g_assert_cmpuint (md_inbox_item_get_errors (invalid), >, 0);
  g_assert_nonnull (md_inbox_item_get_messages (invalid)[0]);
  g_assert_false (md_inbox_item_get_duplicate (invalid));

  tampered = find_file (fixture->inbox, "tampered.dossier.json");
  g_assert_true (md_inbox_item_is_readable (tampered));
  g_assert_cmpint (md_inbox_item_get_integrity (tampered), ==, MD_INTEGRITY_CHANGED_OUTSIDE);
  /* The digest a review records is the content's, not the stale one. */
  g_assert_cmpstr (md_inbox_item_get_digest (tampered), !=, NULL);

  notes = find_file (fixture->inbox, "notes.json");
  g_assert_false (md_inbox_item_is_readable (notes));
  g_assert_nonnull (strstr (md_inbox_item_get_load_error (notes), "mobility-dossier"));
  g_assert_cmpuint (md_inbox_item_get_errors (notes), ==, 1);

  broken = find_file (fixture->inbox, "broken.dossier.json");
  g_assert_false (md_inbox_item_is_readable (broken));
  g_assert_nonnull (strstr (md_inbox_item_get_load_error (broken), "JSON"));

  g_assert_true (md_inbox_find_by_id (fixture->inbox, SMS_ID) == lotte);
  g_assert_nonnull (md_inbox_lookup_programme (fixture->inbox, "erasmus-ka131-2024"));
}

static void
test_inbox_load_dossier (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  MdInboxItem *lotte;

  load (fixture);
  lotte = find_file (fixture->inbox, "lotte.dossier.json");
  dossier = md_inbox_item_load_dossier (lotte, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_id (dossier), ==, SMS_ID);
  g_assert_cmpint (md_dossier_get_integrity (dossier), ==, MD_INTEGRITY_INTACT);
}

typedef struct
{
  MdInbox    *inbox;
  const char *id;
  gboolean    present;
  gboolean    absent;
} Presence;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Presence   *presence)
{
  presence->present = md_inbox_find_by_id (presence->inbox, presence->id) != NULL;
  presence->absent = !presence->present;
}

static void
on_score_notify (MdInboxItem *item,
                 GParamSpec  *pspec,
                 gboolean    *scored)
{
  *scored = !isnan (md_inbox_item_get_score (item));
}

static void
test_inbox_monitor (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MdDossier) dossier = md_test_load_sample ("erasmus-ka131-2024--smt.dossier.json");
  g_autoptr(MdProgramme) programme = md_programme_registry_lookup (fixture->registry, "erasmus-ka131-2024", NULL);
  g_autoptr(MdReview) review = NULL;
  g_autofree char *path = NULL;
  g_autofree char *review_path = NULL;
  g_autoptr(GFile) review_file = NULL;
  g_autoptr(GError) error = NULL;
  Presence presence = { fixture->inbox, NEW_ID, FALSE, FALSE };
  gboolean scored = FALSE;
  MdInboxItem *item;
  guint before;

  load (fixture);
  before = g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox));
  g_signal_connect (fixture->inbox, "items-changed", G_CALLBACK (on_items_changed), &presence);

  /* A bundle arrives after the load. */
  set_member (dossier, NULL, "id", NEW_ID);
  set_member (dossier, "applicant", "email", "new.applicant@example.org");
  save (dossier, fixture->dir, "arrived.dossier.json");
  g_assert_true (iterate_until (&presence.present));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox)), ==, before + 1);
  item = md_inbox_find_by_id (fixture->inbox, NEW_ID);
  g_assert_cmpuint (md_inbox_item_get_errors (item), ==, 0);

  /* Another coordinator scores it: the sidecar is picked up. */
  review = md_review_new (NEW_ID, md_inbox_item_get_digest (item));
  for (guint i = 0; i < 4; i++)
    {
      const char *criteria[] = { "academic_record", "motivation", "learning_objectives", "receiving_quality" };

      md_review_set_score (review, "A. Reviewer", criteria[i], 8, programme, "smt", &error);
      g_assert_no_error (error);
    }
  g_signal_connect (item, "notify::score", G_CALLBACK (on_score_notify), &scored);
  review_path = g_build_filename (fixture->dir, NEW_ID ".review.json", NULL);
  review_file = g_file_new_for_path (review_path);
  md_review_save_file (review, review_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (iterate_until (&scored));
  g_assert_cmpfloat_with_epsilon (md_inbox_item_get_score (item), 80, 1e-9);
  g_assert_false (md_inbox_item_get_review_stale (item));
  g_signal_handlers_disconnect_by_data (item, &scored);

  /* And goes away again. */
  path = g_build_filename (fixture->dir, "arrived.dossier.json", NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
  presence.absent = FALSE;
  g_assert_true (iterate_until (&presence.absent));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox)), ==, before);

  g_signal_handlers_disconnect_by_data (fixture->inbox, &presence);
}

static void
test_inbox_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { FALSE, FALSE, NULL };

  md_inbox_load_async (fixture->inbox, cancellable, load_cb, &wait);
  g_cancellable_cancel (cancellable);
  g_assert_true (iterate_until (&wait.done));
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox)), ==, 0);
  g_assert_false (md_inbox_get_loading (fixture->inbox));
  g_assert_false (md_inbox_get_monitoring (fixture->inbox));

  /* A later load works. */
  load (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox)), ==, 7);
}

static void
test_inbox_missing_folder (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/inbox");
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdInbox) inbox = md_inbox_new (folder, registry);
  Wait wait = { FALSE, FALSE, NULL };

  md_inbox_load_async (inbox, NULL, load_cb, &wait);
  g_assert_true (iterate_until (&wait.done));
  g_assert_false (wait.ok);
  g_assert_nonnull (wait.error);
  g_clear_error (&wait.error);
  g_assert_false (md_inbox_get_monitoring (inbox));
}

static void
test_inbox_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  load (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->inbox)), ==, 0);
  g_assert_cmpfloat (md_inbox_get_progress (fixture->inbox), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/inbox/items", Fixture, "folder", fixture_set_up, test_inbox_items, fixture_tear_down);
  g_test_add ("/inbox/load-dossier", Fixture, "folder", fixture_set_up, test_inbox_load_dossier, fixture_tear_down);
  g_test_add ("/inbox/monitor", Fixture, "folder", fixture_set_up, test_inbox_monitor, fixture_tear_down);
  g_test_add ("/inbox/cancel", Fixture, "folder", fixture_set_up, test_inbox_cancel, fixture_tear_down);
  g_test_add ("/inbox/empty", Fixture, NULL, fixture_set_up, test_inbox_empty, fixture_tear_down);
  g_test_add_func ("/inbox/missing-folder", test_inbox_missing_folder);

  return g_test_run ();
}
