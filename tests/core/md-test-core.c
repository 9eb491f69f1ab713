/* md-test-core.c
 *
 * What the core and integration tests share: the sample dossiers,
 * throw-away folders, edited copies of a programme profile, and
 * sending one outbox entry while the test waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "md-test-core.h"

#include <glib/gstdio.h>

#include "md-bundle.h"

#define KA131 "erasmus-ka131-2024"

/* @file_name in tests/data/samples, which must load. */
MdDossier *
md_test_load_sample (const char *file_name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples", file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdDossier *dossier = md_bundle_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dossier;
}

void
md_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        md_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A copy of the KA131 profile as @edit leaves it, in @dir/programmes,
 * next to the institution file it refers to in @dir/institutions: a
 * profile is only found with its institution beside it. */
MdProgramme *
md_test_write_ka131_profile (const char        *dir,
                             MdTestProfileEdit  edit,
                             gconstpointer      data)
{
  g_autofree char *source = g_build_filename (g_getenv ("MD_PROGRAMMES_DIR"), KA131 ".json", NULL);
  g_autofree char *institution = g_build_filename (g_getenv ("MD_PROGRAMMES_DIR"), "..", "institutions", "itm.json", NULL);
  g_autofree char *programmes = g_build_filename (dir, "programmes", NULL);
  g_autofree char *institutions = g_build_filename (dir, "institutions", NULL);
  g_autofree char *target = g_build_filename (programmes, KA131 ".json", NULL);
  g_autofree char *target_institution = g_build_filename (institutions, "itm.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;

  g_mkdir_with_parents (programmes, 0700);
  g_mkdir_with_parents (institutions, 0700);
  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)), data);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  g_file_set_contents (target, text, -1, &error);
  g_assert_no_error (error);

  g_clear_pointer (&text, g_free);
  g_file_get_contents (institution, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (target_institution, text, -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (target);
  return md_programme_new_from_file (file, NULL);
}

typedef struct
{
  gboolean done;
  gboolean delivered;
  GError  *error;
} Outcome;

static void
send_now_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->delivered = md_outbox_send_now_finish (MD_OUTBOX (source), result, &outcome->error);
  outcome->done = TRUE;
}

/* The outbox kept in @root/outbox, loaded.
 *
 * Returns: (transfer full): the outbox */
MdOutbox *
md_test_open_outbox (const char    *root,
                     MdSubmitter   *submitter,
                     MdSecretStore *secrets)
{
  g_autofree char *path = g_build_filename (root, "outbox", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdOutbox *outbox = md_outbox_new (directory, submitter, secrets);

  gboolean loaded = md_outbox_load (outbox, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (loaded);
  return outbox;
}

/* Blocks in the main loop until the attempt is over, so that a test
 * reads as a sequence. */
gboolean
md_test_send_now (MdOutbox       *outbox,
                  MdOutboxEntry  *entry,
                  GError        **error)
{
  Outcome outcome = { FALSE, FALSE, NULL };

  md_outbox_send_now_async (outbox, entry, NULL, send_now_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.delivered;
}
