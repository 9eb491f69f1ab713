/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "md-bundle.h"
#include "md-draft-store.h"

static GFile *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("md-drafts-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (path, "not-yet", "drafts", NULL);

  g_assert_no_error (error);
  return g_file_new_for_path (drafts);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (md_draft_store_save_finish (MD_DRAFT_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_save_find_discard (void)
{
  g_autoptr(GFile) dir = make_dir ();
  g_autoptr(MdDraftStore) store = md_draft_store_new (dir);
  g_autoptr(MdDossier) first = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(MdDossier) second = md_dossier_new ("erasmus-ka131-2024", "2024");
  g_autoptr(GFile) latest = NULL;
  g_autoptr(MdDossier) resumed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GStatBuf st;

  g_assert_null (md_draft_store_find_latest (store, NULL, &error));
  g_assert_no_error (error);

  md_dossier_set_string (first, "motivation_letter.text", "Half-written letter", NULL);
  g_assert_true (md_draft_store_save (store, first, &error));
  g_usleep (20000);
  md_dossier_set_string (second, "applicant.given_name", "Jonas", NULL);
  md_draft_store_save_async (store, second, NULL, on_saved, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (g_stat (g_file_peek_path (dir), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  latest = md_draft_store_find_latest (store, NULL, &error);
  g_assert_nonnull (latest);
  resumed = md_bundle_load_file (latest, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_dossier_get_string (resumed, "applicant.given_name"), ==, "Jonas");
  g_assert_cmpint (g_stat (g_file_peek_path (latest), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (md_draft_store_discard (store, second, &error));
  g_clear_object (&latest);
  latest = md_draft_store_find_latest (store, NULL, &error);
  g_clear_object (&resumed);
  resumed = md_bundle_load_file (latest, NULL, &error);
  g_assert_cmpstr (md_dossier_get_string (resumed, "motivation_letter.text"), ==, "Half-written letter");

  g_assert_true (md_draft_store_discard (store, first, &error));
  g_assert_true (md_draft_store_discard (store, first, &error));
  g_clear_object (&latest);
  g_assert_null (md_draft_store_find_latest (store, NULL, &error));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drafts/save-find-discard", test_save_find_discard);
  return g_test_run ();
}
