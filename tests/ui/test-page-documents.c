/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Documents screen in a wizard bound to a KA131 dossier: attaching
 * real files through the page, the refusals (too large, wrong type),
 * and removing with Undo.
 */
#include "config.h"

#include <locale.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-app-types.h"
#include "md-page-documents.h"
#include "md-test-screenshot.h"
#include "md-test-util.h"
#include "md-wizard.h"

#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

typedef struct
{
  GtkWindow       *window;
  GtkWidget       *overlay;
  MdWizard        *wizard;
  MdPageDocuments *page;
  MdDossier       *dossier;
  char            *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MdProgrammeRegistry) registry = md_programme_registry_new_default ();
  g_autoptr(GError) error = NULL;

  fixture->dossier = md_dossier_new ("erasmus-ka131-2024", "2024");
  md_dossier_set_string (fixture->dossier, "mobility.activity", "sms", &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 960, 720);
  fixture->overlay = adw_toast_overlay_new ();
  fixture->wizard = md_wizard_new ();
  fixture->page = MD_PAGE_DOCUMENTS (md_page_documents_new ());
  md_wizard_add_page (fixture->wizard, MD_WIZARD_PAGE (fixture->page));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->wizard));
  gtk_window_set_child (fixture->window, fixture->overlay);
  md_wizard_set_dossier (fixture->wizard, fixture->dossier, registry);
  gtk_window_present (fixture->window);

  fixture->folder = g_dir_make_tmp ("md-documents-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  md_test_iterate ();
  g_assert_finalize_object (fixture->dossier);
  g_free (fixture->folder);
}

static gboolean
page_is_idle (gpointer data)
{
  return !md_page_documents_is_busy (data);
}

static void
attach_and_wait (Fixture    *fixture,
                 GFile      *file,
                 const char *kind)
{
  md_page_documents_attach_file (fixture->page, file, kind);
  md_test_wait_until (page_is_idle, fixture->page, WAIT_LIMIT_US);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static const char *
attachment_string (MdDossier  *dossier,
                   guint       index,
                   const char *member)
{
  g_autofree char *path = g_strdup_printf ("attachments[%u].%s", index, member);

  return md_dossier_get_string (dossier, path);
}

/* The first widget of @type under @root whose text has @needle. */
static GtkWidget *
find_text (GtkWidget  *root,
           GType       type,
           const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;
      GtkWidget *found;

      if (GTK_IS_LABEL (child))
        text = gtk_label_get_label (GTK_LABEL (child));
      else if (GTK_IS_BUTTON (child))
        text = gtk_button_get_label (GTK_BUTTON (child));
      else if (ADW_IS_PREFERENCES_ROW (child))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && text != NULL && strstr (text, needle) != NULL)
        return child;
      found = find_text (child, type, needle);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      found = find_button_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
report_mentions (MdWizard   *wizard,
                 const char *needle)
{
  MdReport *report = md_wizard_get_report (wizard);

  for (guint i = 0; i < md_report_get_n_issues (report); i++)
    if (strstr (md_report_get_issue (report, i)->message, needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_attach (Fixture       *fixture,
             gconstpointer  data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  g_autoptr(GFile) file = write_file (fixture, "transcript.pdf", pdf, -1);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, pdf, -1);
  GtkWidget *required_row;

  md_wizard_validate_now (fixture->wizard);
  g_assert_true (report_mentions (fixture->wizard, "transcript"));
  required_row = find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Transcript of records");
  g_assert_nonnull (required_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (required_row)), ==, "Missing");

  attach_and_wait (fixture, file, "transcript");

  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 1);
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "name"), ==, "transcript.pdf");
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "kind"), ==, "transcript");
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "media_type"), ==, "application/pdf");
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "sha256"), ==, sha256);
  g_assert_cmpint (md_dossier_get_int (fixture->dossier, "attachments[0].size", -1), ==, strlen (pdf));

  /* The page shows it at once, and the validator no longer asks for it. */
  g_assert_nonnull (find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "transcript.pdf"));
  required_row = find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Transcript of records");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (required_row)), ==, "transcript.pdf");
  md_wizard_validate_now (fixture->wizard);
  g_assert_false (report_mentions (fixture->wizard, "transcript"));
  g_assert_true (report_mentions (fixture->wizard, "CV"));
}

/* The application form is the dossier itself, once it has a name. */
static void
test_written_here (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *row = find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Application form");

  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Not written yet"));
  g_assert_true (report_mentions (fixture->wizard, "application form"));

  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  md_wizard_validate_now (fixture->wizard);
  row = find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Application form");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Written in this application");
  g_assert_false (report_mentions (fixture->wizard, "application form"));
}

/* No text is checked here, so that it runs in every language. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) transcript = write_file (fixture, "Transcript 2023-2024.pdf", "%PDF-1.4\n%%EOF\n", -1);
  g_autoptr(GFile) certificate = write_file (fixture, "B2 certificate & results.pdf", "%PDF-1.4\n%%EOF\n", -1);

  md_dossier_set_string (fixture->dossier, "applicant.given_name", "Ana", NULL);
  attach_and_wait (fixture, transcript, "transcript");
  attach_and_wait (fixture, certificate, "language_certificate");
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 2);
  md_wizard_validate_now (fixture->wizard);

  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-documents");
  gtk_window_set_default_size (fixture->window, 360, 720);
  md_test_save_screenshot (GTK_WIDGET (fixture->window), "page-documents-narrow");
}

static void
test_refuse_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "scan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  struct timespec times[2] = { { 1000000000, 0 }, { 0, UTIME_OMIT } };
  GStatBuf before, after;
  int fd;

  /* Sparse: 11 MB on paper, nothing on disk. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 11 * 1024 * 1024), ==, 0);
  close (fd);
  /* An access time older than the modification time: any read moves
   * it (relatime and strictatime), so it tells whether the file was read. */
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  attach_and_wait (fixture, file, "transcript");

  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 0);
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (find_text (fixture->overlay, GTK_TYPE_LABEL,
                               "“scan.pdf” is 11.5\u00a0MB; attachments can be at most 10.5\u00a0MB."));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_atime, ==, before.st_atime);
}

static void
test_refuse_type (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) script = write_file (fixture, "cv.sh", "#!/bin/sh\necho hello\n", -1);
  g_autoptr(GFile) unnamed = write_file (fixture, "cv", "#!/bin/sh\necho hello\n", -1);
  g_autoptr(GFile) program = write_file (fixture, "setup.exe", "MZ\x90\x00\x03", 5);

  attach_and_wait (fixture, script, "cv");
  g_assert_nonnull (find_text (fixture->overlay, GTK_TYPE_LABEL, "“cv.sh” is not a PDF"));

  /* Without an extension the content decides, once read. */
  attach_and_wait (fixture, unnamed, "cv");
  attach_and_wait (fixture, program, "cv");
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 0);
}

static void
test_remove_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GFile) first = write_file (fixture, "cv.pdf", "%PDF-1.4\n%%EOF\n", -1);
  g_autoptr(GFile) second = write_file (fixture, "certificate.png", png, sizeof png - 1);
  g_autofree char *sha256 = NULL;
  GtkWidget *row, *button;

  attach_and_wait (fixture, first, "cv");
  attach_and_wait (fixture, second, "language_certificate");
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 2);
  g_assert_cmpstr (attachment_string (fixture->dossier, 1, "media_type"), ==, "image/png");
  sha256 = g_strdup (attachment_string (fixture->dossier, 0, "sha256"));

  row = find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "cv.pdf");
  button = find_button_with_tooltip (row, "Remove");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 1);
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "name"), ==, "certificate.png");
  g_assert_null (find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "cv.pdf"));

  button = find_text (fixture->overlay, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (button);
  g_assert_nonnull (find_text (fixture->overlay, GTK_TYPE_LABEL, "“cv.pdf” removed"));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 2);
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "name"), ==, "cv.pdf");
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "kind"), ==, "cv");
  g_assert_cmpstr (attachment_string (fixture->dossier, 0, "sha256"), ==, sha256);
  g_assert_nonnull (find_text (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "cv.pdf"));
  g_assert_true (md_dossier_verify_attachments (fixture->dossier, NULL));
}

/* Closing the window while a file is read cancels the reading; the
 * late callbacks must not touch the page that is gone. */
static void
test_close_while_reading (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "cv.pdf", "%PDF-1.4\n%%EOF\n", -1);

  md_page_documents_attach_file (fixture->page, file, "cv");
  gtk_window_destroy (g_steal_pointer (&fixture->window));

  md_test_iterate_for (500);
  g_assert_cmpuint (md_dossier_get_length (fixture->dossier, "attachments"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache_home = g_dir_make_tmp ("md-ui-cache-XXXXXX", NULL);

  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  md_test_init_ui (&argc, &argv, "md-ui-data-XXXXXX");

  g_test_add ("/page-documents/attach", Fixture, NULL, fixture_set_up, test_attach, fixture_tear_down);
  g_test_add ("/page-documents/written-here", Fixture, NULL, fixture_set_up, test_written_here, fixture_tear_down);
  g_test_add ("/page-documents/refuse-too-large", Fixture, NULL, fixture_set_up, test_refuse_too_large, fixture_tear_down);
  g_test_add ("/page-documents/refuse-type", Fixture, NULL, fixture_set_up, test_refuse_type, fixture_tear_down);
  g_test_add ("/page-documents/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add ("/page-documents/remove-undo", Fixture, NULL, fixture_set_up, test_remove_undo, fixture_tear_down);
  g_test_add ("/page-documents/close-while-reading", Fixture, NULL, fixture_set_up, test_close_while_reading, fixture_tear_down);
  return g_test_run ();
}
