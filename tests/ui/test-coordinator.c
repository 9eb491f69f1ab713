/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coordinator's workspace, driven as a coordinator would: a folder
 * of every shipped sample plus an invalid dossier, a tampered one, the
 * same person twice and a file that is not a bundle is opened; the
 * table is sorted by a column header and filtered by programme and by
 * search text; two dossiers are scored through the scoring widgets and
 * saved; grants are allocated; the decisions are exported as CSV and
 * the summary printed as PDF.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-app-types.h"
#include "md-bundle.h"
#include "md-coordinator-window.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)
#define KA131 "erasmus-ka131-2024"
#define N_SAMPLES 24
#define N_ITEMS (N_SAMPLES + 4)
#define CSV_HEADER "file,id,applicant,email,programme,activity,destination,start_date,end_date,ects," \
                   "errors,warnings,integrity,duplicate,submitted,reviewers,review_stale,score," \
                   "decision,decision_reason,decision_by,outcome,quota,rank,ranked,reason,estimate"

static void
wait_until (MdTestCondition condition,
            gpointer        data)
{
  md_test_wait_until (condition, data, WAIT_LIMIT_US);
}

/* Lets late file events and redraws finish. */
static void
drain (void)
{
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* ---- The folder --------------------------------------------------------- */

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);
}

static MdDossier *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MdDossier *dossier = md_bundle_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dossier;
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
copy_samples (const char *dir)
{
  g_autofree char *samples = sample_path ("");
  g_autoptr(GDir) handle = g_dir_open (samples, 0, NULL);
  const char *name;
  guint copied = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *from_path = g_build_filename (samples, name, NULL);
      g_autofree char *to_path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".dossier.json"))
        continue;
      g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      copied++;
    }

  g_assert_cmpuint (copied, ==, N_SAMPLES);
}

static void
write_tampered (const char *dir)
{
  g_autofree char *path = sample_path (KA131 "--doctoral_short.dossier.json");
  g_autofree char *target = g_build_filename (dir, "tampered.dossier.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* One byte of the name, as a text editor would change it. */
  name = strstr (text, "\"Ngozi\"");
  g_assert_nonnull (name);
  name[5] = 'o';
  g_file_set_contents (target, text, -1, &error);
  g_assert_no_error (error);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDossier) invalid = load_sample (KA131 "--smt.dossier.json");
  g_autoptr(MdDossier) again = load_sample (KA131 "--sms.dossier.json");
  g_autofree char *invalid_id = g_uuid_string_random ();
  g_autofree char *again_id = g_uuid_string_random ();
  g_autofree char *notes = NULL;
  char *dir = g_dir_make_tmp ("md-coordinator-XXXXXX", &error);

  g_assert_no_error (error);
  copy_samples (dir);

  /* Belgium is excluded in KA131: an error. */
  md_dossier_set_string (invalid, "id", invalid_id, &error);
  g_assert_no_error (error);
  md_dossier_set_string (invalid, "applicant.email", "someone.else@example.org", &error);
  g_assert_no_error (error);
  md_dossier_set_string (invalid, "mobility.destination_country", "BE", &error);
  g_assert_no_error (error);
  save (invalid, dir, "invalid.dossier.json");

  /* The same person sends a second dossier of her own. */
  md_dossier_set_string (again, "id", again_id, &error);
  g_assert_no_error (error);
  save (again, dir, "lotte-again.dossier.json");

  write_tampered (dir);

  notes = g_build_filename (dir, "notes.json", NULL);
  g_file_set_contents (notes, "{\"hello\": \"world\"}", -1, &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
window_is_idle (gpointer data)
{
  return !md_coordinator_window_is_loading (data);
}

static gboolean
detail_is_ready (gpointer data)
{
  MdInboxDetail *detail = data;

  return !md_inbox_detail_is_loading (detail) && md_inbox_detail_get_dossier (detail) != NULL;
}

static gboolean
editor_is_idle (gpointer data)
{
  return !md_review_editor_is_busy (data);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} Count;

static gboolean
count_reached (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n_items;
}

static void
wait_for_count (GListModel *model,
                guint       n_items)
{
  Count count = { model, n_items };

  wait_until (count_reached, &count);
}

static MdInboxItem *
find_file (GListModel *model,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (model, i);
      g_autofree char *basename = g_file_get_basename (md_inbox_item_get_file (item));

      if (g_str_equal (basename, name))
        return item;
    }

  g_error ("%s is not in the list", name);
}

static MdCoordinatorWindow *
open_window (const char *dir,
             int         width,
             int         height)
{
  MdCoordinatorWindow *window = md_coordinator_window_new (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  md_coordinator_window_open_folder (window, folder);
  g_assert_true (md_coordinator_window_is_loading (window));
  wait_until (window_is_idle, window);
  return window;
}

static void
close_window (MdCoordinatorWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_null (window);
}

/* ---- Loading, sorting, filtering ---------------------------------------- */

static void
check_loaded (MdCoordinatorWindow *window)
{
  MdInbox *inbox = md_coordinator_window_get_inbox (window);
  GListModel *visible = md_inbox_view_get_visible_items (md_coordinator_window_get_view (window));
  MdInboxItem *tampered, *again, *notes, *invalid;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, N_ITEMS);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, N_ITEMS);
  g_assert_true (md_inbox_get_monitoring (inbox));

  tampered = find_file (visible, "tampered.dossier.json");
  g_assert_cmpint (md_inbox_item_get_integrity (tampered), ==, MD_INTEGRITY_CHANGED_OUTSIDE);
  again = find_file (visible, "lotte-again.dossier.json");
  g_assert_true (md_inbox_item_get_duplicate (again));
  invalid = find_file (visible, "invalid.dossier.json");
  g_assert_cmpstr (md_inbox_view_state_key (invalid), ==, "errors");
  notes = find_file (visible, "notes.json");
  g_assert_false (md_inbox_item_is_readable (notes));
}

static void
check_sorting (MdCoordinatorWindow *window)
{
  MdInboxView *view = md_coordinator_window_get_view (window);
  GtkColumnView *column_view = md_inbox_view_get_column_view (view);
  GListModel *visible = md_inbox_view_get_visible_items (view);
  g_autofree char *previous = NULL;

  gtk_column_view_sort_by_column (column_view, md_inbox_view_get_column (view, "applicant"), GTK_SORT_ASCENDING);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (visible, i);
      const char *name = md_inbox_item_get_applicant (item);
      g_autofree char *key = NULL;

      if (name == NULL)
        continue;
      key = g_utf8_casefold (name, -1);
      if (previous != NULL)
        g_assert_cmpint (g_utf8_collate (previous, key), <=, 0);
      g_free (previous);
      previous = g_steal_pointer (&key);
    }

  /* Most ECTS credits first. */
  gtk_column_view_sort_by_column (column_view, md_inbox_view_get_column (view, "ects"), GTK_SORT_DESCENDING);
  for (guint i = 1; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(MdInboxItem) before = g_list_model_get_item (visible, i - 1);
      g_autoptr(MdInboxItem) item = g_list_model_get_item (visible, i);

      g_assert_cmpfloat (md_inbox_item_get_ects (before), >=, md_inbox_item_get_ects (item));
    }

  gtk_column_view_sort_by_column (column_view, md_inbox_view_get_column (view, "applicant"), GTK_SORT_ASCENDING);
}

static guint
count_programme (MdInbox    *inbox,
                 const char *programme_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (inbox)); i++)
    {
      g_autoptr(MdInboxItem) item = g_list_model_get_item (G_LIST_MODEL (inbox), i);

      n += g_strcmp0 (md_inbox_item_get_programme_id (item), programme_id) == 0;
    }

  return n;
}

static void
check_filters (MdCoordinatorWindow *window)
{
  MdInboxView *view = md_coordinator_window_get_view (window);
  MdInbox *inbox = md_coordinator_window_get_inbox (window);
  GListModel *visible = md_inbox_view_get_visible_items (view);
  MdInboxItem *lotte = find_file (visible, KA131 "--sms.dossier.json");
  const char *ka131 = md_inbox_item_get_programme (lotte);
  guint n_ka131 = count_programme (inbox, KA131);

  /* KA131: five samples, the invalid one, the duplicate, the tampered one. */
  g_assert_cmpuint (n_ka131, ==, 8);
  g_assert_true (md_inbox_view_choose_filter (view, MD_INBOX_FILTER_PROGRAMME, ka131));
  g_assert_cmpuint (gtk_drop_down_get_selected (md_inbox_view_get_filter (view, MD_INBOX_FILTER_PROGRAMME)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_ka131);

  /* With errors, within KA131: at least the invalid one. */
  g_assert_true (md_inbox_view_choose_filter (view, MD_INBOX_FILTER_STATE, "errors"));
  g_assert_cmpuint (g_list_model_get_n_items (visible), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (visible), <, n_ka131);
  g_assert_true (md_inbox_view_choose_filter (view, MD_INBOX_FILTER_STATE, NULL));
  g_assert_true (md_inbox_view_choose_filter (view, MD_INBOX_FILTER_PROGRAMME, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, N_ITEMS);

  /* The search entry, typed into: by name (Lotte Peeters twice), then by e-mail. */
  gtk_editable_set_text (md_inbox_view_get_search_entry (view), "peeters");
  wait_for_count (visible, 2);
  gtk_editable_set_text (md_inbox_view_get_search_entry (view), "NGOZI.okafor@");
  wait_for_count (visible, 2);
  gtk_editable_set_text (md_inbox_view_get_search_entry (view), "");
  wait_for_count (visible, N_ITEMS);
}

/* ---- Scoring ------------------------------------------------------------ */

static void
score_dossier (MdCoordinatorWindow *window,
               const char          *file_name,
               double               score,
               MdDecision           decision,
               const char          *reason)
{
  MdInboxView *view = md_coordinator_window_get_view (window);
  MdInboxDetail *detail = md_coordinator_window_get_detail (window);
  MdReviewEditor *editor = md_inbox_detail_get_review_editor (detail);
  MdInboxItem *item = find_file (md_inbox_view_get_visible_items (view), file_name);
  g_autoptr(MdProgramme) programme = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(MdReview) review = NULL;
  g_autoptr(GFile) sidecar = NULL;
  g_autoptr(GError) error = NULL;

  md_inbox_view_select_item (view, item);
  g_assert_true (md_inbox_view_get_selected_item (view) == item);
  wait_until (detail_is_ready, detail);
  g_assert_true (md_review_editor_get_item (editor) == item);

  programme = g_object_ref (md_inbox_lookup_programme (md_coordinator_window_get_inbox (window), KA131));
  criteria = md_review_list_criteria (programme, md_inbox_item_get_activity_id (item));
  g_assert_cmpuint (criteria->len, ==, 4);
  gtk_editable_set_text (md_review_editor_get_reviewer (editor), "Test Reviewer");
  for (guint i = 0; i < criteria->len; i++)
    {
      const char *id = json_object_get_string_member (criteria->pdata[i], "id");
      GtkSpinButton *spin = md_review_editor_get_score_button (editor, id);

      g_assert_nonnull (spin);
      gtk_spin_button_set_value (spin, score);
    }
  adw_combo_row_set_selected (md_review_editor_get_decision_row (editor), decision);
  gtk_editable_set_text (md_review_editor_get_reason (editor), reason);
  gtk_editable_set_text (md_review_editor_get_comment (editor), "Read in full.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "review.save", NULL));
  wait_until (editor_is_idle, editor);

  sidecar = md_review_file_for_bundle (md_inbox_item_get_file (item), md_inbox_item_get_id (item));
  review = md_review_load_file (sidecar, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (md_review_get_n_reviewers (review), ==, 1);
  g_assert_cmpstr (md_review_get_reviewer (review, 0), ==, "Test Reviewer");
  g_assert_cmpfloat_with_epsilon (md_review_weighted_score (review, programme, md_inbox_item_get_activity_id (item)),
                                  score * 10, 1e-9);
  g_assert_cmpint (md_review_get_decision (review), ==, decision);
  g_assert_cmpstr (md_review_get_decision_reason (review), ==, reason);
  g_assert_cmpstr (md_review_get_comment (review, "Test Reviewer", NULL), ==, "Read in full.");
  g_assert_cmpfloat_with_epsilon (md_inbox_item_get_score (item), score * 10, 1e-9);
  g_assert_false (md_inbox_item_get_review_stale (item));
}

static void
check_allocation (MdCoordinatorWindow *window)
{
  GListModel *visible = md_inbox_view_get_visible_items (md_coordinator_window_get_view (window));
  MdInboxItem *lotte = find_file (visible, KA131 "--sms.dossier.json");
  MdInboxItem *amina = find_file (visible, KA131 "--smt.dossier.json");
  MdInboxItem *invalid = find_file (visible, "invalid.dossier.json");
  const MdAllocationResult *result;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.allocate", NULL));

  g_assert_cmpstr (md_inbox_item_get_outcome (lotte), ==, "selected");
  g_assert_cmpstr (md_inbox_item_get_outcome (amina), ==, "selected");
  g_assert_cmpuint (md_inbox_item_get_rank (lotte), ==, 1);
  g_assert_cmpuint (md_inbox_item_get_rank (amina), ==, 2);
  g_assert_cmpstr (md_inbox_item_get_outcome (invalid), ==, "not_eligible");
  result = md_allocation_lookup (md_coordinator_window_get_allocation (window), lotte);
  g_assert_nonnull (result);
  g_assert_nonnull (result->reason);

  /* The rank column sorts the ranked ones first. */
  gtk_column_view_sort_by_column (md_inbox_view_get_column_view (md_coordinator_window_get_view (window)),
                                  md_inbox_view_get_column (md_coordinator_window_get_view (window), "rank"),
                                  GTK_SORT_ASCENDING);
  {
    g_autoptr(MdInboxItem) first = g_list_model_get_item (visible, 0);
    g_autoptr(MdInboxItem) second = g_list_model_get_item (visible, 1);

    g_assert_true (first == lotte);
    g_assert_true (second == amina);
  }
}

/* ---- Export and print --------------------------------------------------- */

static const char *
find_line (char       **lines,
           const char  *needle)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return lines[i];

  return NULL;
}

static void
check_csv (MdCoordinatorWindow *window,
           const char          *dir)
{
  g_autofree char *path = g_build_filename (dir, "decisions.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *lotte, *amina;

  g_assert_true (md_coordinator_window_export_csv (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  lines = g_strsplit (text + 3, "\r\n", -1);

  /* Header, a row per item, and the empty rest after the last CRLF. */
  g_assert_cmpstr (lines[0], ==, CSV_HEADER);
  g_assert_cmpuint (g_strv_length (lines), ==, N_ITEMS + 2);

  lotte = find_line (lines, KA131 "--sms.dossier.json,");
  g_assert_nonnull (lotte);
  g_assert_nonnull (strstr (lotte, ",Lotte Peeters,"));
  g_assert_nonnull (strstr (lotte, ",80.00,selected,Strong study plan,Test Reviewer,selected,"));
  amina = find_line (lines, KA131 "--smt.dossier.json,");
  g_assert_nonnull (amina);
  g_assert_nonnull (strstr (amina, ",60.00,reserve,Good but later,Test Reviewer,selected,"));
  g_unlink (path);
}

static void
check_pdf (MdCoordinatorWindow *window,
           const char          *dir)
{
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (md_coordinator_window_print_pdf (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (data, 4, "%PDF", 4);

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
      g_autofree char *out = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "Lotte Peeters"));
      g_assert_nonnull (strstr (out, "Amina Mwangi"));
      g_assert_nonnull (strstr (out, "80.0"));
    }
  else
    g_test_message ("pdftotext not found: the PDF's text is not checked");
  g_unlink (path);
}

/* ---- Following the folder ----------------------------------------------- */

static gboolean
lotte_is_stale (gpointer data)
{
  MdInboxItem *lotte = find_file (data, KA131 "--sms.dossier.json");

  return md_inbox_item_get_review_stale (lotte);
}

static void
check_monitoring (MdCoordinatorWindow *window,
                  const char          *dir)
{
  GListModel *inbox = G_LIST_MODEL (md_coordinator_window_get_inbox (window));
  GListModel *visible = md_inbox_view_get_visible_items (md_coordinator_window_get_view (window));
  g_autoptr(MdDossier) staff = load_sample (KA131 "--stt.dossier.json");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *path = g_build_filename (dir, KA131 "--sms.dossier.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  char *given;

  /* A dossier arrives after the load. */
  md_dossier_set_string (staff, "id", id, &error);
  g_assert_no_error (error);
  md_dossier_set_string (staff, "applicant.email", "new.arrival@example.org", &error);
  g_assert_no_error (error);
  save (staff, dir, "arrived.dossier.json");
  wait_for_count (inbox, N_ITEMS + 1);
  wait_for_count (visible, N_ITEMS + 1);

  /* Lotte's bundle changes after she was scored: the review is stale. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  given = strstr (text, "\"Lotte\"");
  g_assert_nonnull (given);
  given[5] = 'a';
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  wait_until (lotte_is_stale, inbox);
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_coordinator_workflow (void)
{
  g_autofree char *dir = make_folder ();
  MdCoordinatorWindow *window = open_window (dir, 1280, 800);

  check_loaded (window);
  md_test_save_screenshot (GTK_WIDGET (window), "coordinator-loaded");
  check_sorting (window);
  check_filters (window);

  score_dossier (window, KA131 "--sms.dossier.json", 8, MD_DECISION_SELECTED, "Strong study plan");
  score_dossier (window, KA131 "--smt.dossier.json", 6, MD_DECISION_RESERVE, "Good but later");
  check_allocation (window);
  adw_view_stack_set_visible_child_name (md_inbox_detail_get_view_stack (md_coordinator_window_get_detail (window)),
                                         "review");
  md_test_save_screenshot (GTK_WIDGET (window), "coordinator-review");
  md_test_save_screenshot (GTK_WIDGET (window), "coordinator-allocated");
  check_csv (window, dir);
  check_pdf (window, dir);
  check_monitoring (window, dir);

  close_window (window);
  remove_tree (dir);
}

static void
test_coordinator_narrow (void)
{
  g_autofree char *dir = make_folder ();
  MdCoordinatorWindow *window = open_window (dir, 360, 720);
  MdInboxView *view = md_coordinator_window_get_view (window);
  MdInboxDetail *detail = md_coordinator_window_get_detail (window);
  MdInboxItem *lotte = find_file (md_inbox_view_get_visible_items (view), KA131 "--sms.dossier.json");
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_LEAFLET));

  md_test_save_screenshot (GTK_WIDGET (window), "coordinator-narrow-list");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Moving to a row with the keyboard keeps the list; Enter opens it. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  md_inbox_view_select_item (view, lotte);
  wait_until (detail_is_ready, detail);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_signal_emit_by_name (md_inbox_view_get_column_view (view), "activate",
                         gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
                           gtk_column_view_get_model (md_inbox_view_get_column_view (view)))));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  md_test_save_screenshot (GTK_WIDGET (window), "coordinator-narrow-detail");
  adw_view_stack_set_visible_child_name (md_inbox_detail_get_view_stack (detail), "review");
  md_test_save_screenshot (GTK_WIDGET (window), "coordinator-narrow-review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  close_window (window);
  remove_tree (dir);
}

static void
test_coordinator_cancel (void)
{
  g_autofree char *dir = make_folder ();
  MdCoordinatorWindow *window = md_coordinator_window_new (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  gtk_window_present (GTK_WINDOW (window));
  md_coordinator_window_open_folder (window, folder);
  g_assert_true (md_coordinator_window_is_loading (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  wait_until (window_is_idle, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (md_coordinator_window_get_inbox (window))), ==, 0);

  /* Reloading reads everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until (window_is_idle, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (md_coordinator_window_get_inbox (window))), ==, N_ITEMS);

  close_window (window);
  remove_tree (dir);
}

/* The keys the filters and the outcome column work with. */
static void
test_coordinator_keys (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(MdInbox) inbox = md_inbox_new (folder, registry);
  MdProgramme *programme;
  g_autoptr(MdReview) review = NULL;
  MdInboxItem *lotte, *invalid, *notes;

  md_inbox_load_async (inbox, NULL, NULL, NULL);
  wait_for_count (G_LIST_MODEL (inbox), N_ITEMS);
  lotte = find_file (G_LIST_MODEL (inbox), KA131 "--sms.dossier.json");
  invalid = find_file (G_LIST_MODEL (inbox), "invalid.dossier.json");
  notes = find_file (G_LIST_MODEL (inbox), "notes.json");
  programme = md_inbox_lookup_programme (inbox, KA131);

  g_assert_cmpstr (md_inbox_view_state_key (lotte), ==, "clean");
  g_assert_cmpstr (md_inbox_view_state_key (invalid), ==, "errors");
  g_assert_cmpstr (md_inbox_view_state_key (notes), ==, "errors");

  g_assert_cmpstr (md_inbox_view_decision_key (lotte), ==, "none");
  review = md_review_new (md_inbox_item_get_id (lotte), md_inbox_item_get_digest (lotte));
  md_review_set_decision (review, MD_DECISION_NEEDS_CHANGES, "Transcript", "Chair");
  md_inbox_item_set_review (lotte, review, programme);
  g_assert_cmpstr (md_inbox_view_decision_key (lotte), ==, "needs_changes");

  drain ();
  g_object_run_dispose (G_OBJECT (inbox));
  remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("MD_LOCALEDIR");
  g_autofree char *data_home = g_dir_make_tmp ("md-coordinator-data-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
  md_app_register_types ();

  g_test_add_func ("/coordinator/keys", test_coordinator_keys);
  g_test_add_func ("/coordinator/workflow", test_coordinator_workflow);
  g_test_add_func ("/coordinator/narrow", test_coordinator_narrow);
  g_test_add_func ("/coordinator/cancel", test_coordinator_cancel);
  return g_test_run ();
}
