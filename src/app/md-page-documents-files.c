/* md-page-documents-files.c
 *
 * Bringing files into the dossier and back out to a viewer. A file is
 * refused from its size and name before anything of it is read, and
 * from its content once read: a bundle carries its attachments inline
 * and must stay small and safe enough to mail to a coordinator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-page-documents-private.h"
#include "md-safe-files.h"

/* What coordinators can open on any office computer. */
static const char * const allowed_media_types[] = {
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

static gboolean
is_allowed_content_type (const char *content_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_media_types); i++)
    {
      g_autofree char *allowed = g_content_type_from_mime_type (allowed_media_types[i]);

      if (allowed != NULL && g_content_type_is_a (content_type, allowed))
        return TRUE;
    }

  return FALSE;
}

static char *
describe_refused_type (const char *name)
{
  /* Translators: %s is a file name */
  return g_strdup_printf (_("“%s” is not a PDF, PNG or JPEG image, or office document, so it cannot be attached."),
                          name);
}

/* Attaching */

typedef struct
{
  MdPageDocuments *self;      /* not owned: dispose cancels the request first */
  MdDossier       *dossier;
  GFile           *file;
  char            *kind;
  char            *name;
} AttachRequest;

static void
attach_request_free (AttachRequest *request)
{
  g_clear_object (&request->dossier);
  g_clear_object (&request->file);
  g_free (request->kind);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttachRequest, attach_request_free)

static void
finish_attach (AttachRequest *request,
               const char    *message)
{
  request->self->busy--;
  if (message != NULL)
    md_page_documents_show_message (request->self, message);
}

static void
store_attachment (AttachRequest *request,
                  GBytes        *bytes)
{
  g_autofree char *content_type = g_content_type_guess (request->name, g_bytes_get_data (bytes, NULL),
                                                        g_bytes_get_size (bytes), NULL);
  g_autofree char *media_type = g_content_type_get_mime_type (content_type);
  g_autofree char *message = NULL;
  g_autofree char *kind_path = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  /* A name without a telling extension was let through: only now can
   * the content say what the file is. */
  if (!is_allowed_content_type (content_type))
    message = describe_refused_type (request->name);
  else if (!md_dossier_add_attachment (request->dossier, request->name, media_type, bytes, &error))
    message = g_strdup (error->message);
  else
    {
      n = md_dossier_get_length (request->dossier, "attachments");
      kind_path = g_strdup_printf ("attachments[%u].kind", n - 1);
      md_dossier_set_string (request->dossier, kind_path, request->kind, NULL);
    }

  md_page_documents_refresh (request->self);
  finish_attach (request, message);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AttachRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not read “%s”: %s"), request->name, error->message);
      finish_attach (request, message);
      return;
    }

  store_attachment (request, bytes);
}

/* Refuses what cannot be attached from the file's size and name alone,
 * before a single byte of it is read. */
static char *
check_file_info (AttachRequest *request,
                 GFileInfo     *info)
{
  g_autofree char *guessed = NULL;
  gboolean uncertain = FALSE;
  goffset size = g_file_info_get_size (info);

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return g_strdup_printf (_("“%s” is not a file."), request->name);

  if (size > MD_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (MD_ATTACHMENT_MAX_SIZE);

      return g_strdup_printf (_("“%s” is %s; attachments can be at most %s."),
                              request->name, size_text, limit_text);
    }

  guessed = g_content_type_guess (request->name, NULL, 0, &uncertain);
  if (!uncertain && !is_allowed_content_type (guessed))
    return describe_refused_type (request->name);

  return NULL;
}

static void
on_file_info (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttachRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);
  g_autofree char *message = NULL;
  GCancellable *cancellable;
  GFile *file;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (info == NULL)
    message = g_strdup_printf (_("Could not read “%s”: %s"), request->name, error->message);
  else
    {
      g_free (request->name);
      request->name = g_strdup (g_file_info_get_display_name (info));
      message = check_file_info (request, info);
    }

  if (message != NULL)
    {
      finish_attach (request, message);
      return;
    }

  file = request->file;
  cancellable = request->self->cancellable;
  g_file_load_bytes_async (file, cancellable, on_file_loaded, g_steal_pointer (&request));
}

/**
 * md_page_documents_attach_file:
 * @file: the file to attach
 * @kind: its document kind, such as "cv"
 *
 * Checks @file and, when it is small enough and of an accepted type,
 * stores it in the dossier as a document of @kind. Problems are shown
 * to the user; md_page_documents_is_busy() tells when it is done.
 */
void
md_page_documents_attach_file (MdPageDocuments *self,
                               GFile           *file,
                               const char      *kind)
{
  AttachRequest *request;

  g_return_if_fail (MD_IS_PAGE_DOCUMENTS (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kind != NULL);

  if (self->dossier == NULL)
    {
      md_page_documents_show_message (self, _("Create or open a dossier before attaching files."));
      return;
    }

  request = g_new0 (AttachRequest, 1);
  request->self = self;
  request->dossier = g_object_ref (self->dossier);
  request->file = g_object_ref (file);
  request->kind = g_strdup (kind);
  request->name = g_file_get_basename (file);
  self->busy++;
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                           G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           self->cancellable, on_file_info, request);
}

/**
 * md_page_documents_is_busy:
 *
 * Returns: whether a file is still being checked or read
 */
gboolean
md_page_documents_is_busy (MdPageDocuments *self)
{
  g_return_val_if_fail (MD_IS_PAGE_DOCUMENTS (self), FALSE);

  return self->busy > 0;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MdPageDocuments *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    md_page_documents_attach_file (self, file, self->chooser_kind);

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
create_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Documents and Images"));
  for (guint i = 0; i < G_N_ELEMENTS (allowed_media_types); i++)
    gtk_file_filter_add_mime_type (filter, allowed_media_types[i]);
  return filter;
}

void
md_page_documents_choose_file (MdPageDocuments *self,
                               const char      *kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = create_file_filter ();
  /* Translators: title of the file chooser; %s is a kind of document, e.g. "CV" */
  g_autofree char *title = g_strdup_printf (_("Attach %s"), md_document_kind_label (kind));
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_free (self->chooser_kind);
  self->chooser_kind = g_strdup (kind);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* Opening */

/* The name may come from a bundle someone else made: md_safe_file_name()
 * keeps it a single file name, and a leading dot would hide the file. */
static char *
sanitize_file_name (const char *name)
{
  char *safe = md_safe_file_name (name);

  if (safe[0] == '.')
    safe[0] = '_';
  return safe;
}

typedef struct
{
  MdPageDocuments *self;      /* not owned: dispose cancels the request first */
  GFile           *file;
} OpenRequest;

static char *
describe_open_error (GFile      *file,
                     const char *reason)
{
  g_autofree char *name = g_file_get_basename (file);

  /* Translators: the first %s is a file name, the second the reason */
  return g_strdup_printf (_("Could not open “%s”: %s"), name, reason);
}

static void
on_copy_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree OpenRequest *request = user_data;
  g_autoptr(GFile) file = request->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = describe_open_error (file, error->message);
      md_page_documents_show_message (request->self, message);
      return;
    }

  uri = g_file_get_uri (file);
  root = gtk_widget_get_root (GTK_WIDGET (request->self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* Viewers need a file: a private copy goes under the cache, in a folder
 * named after the content, so that opening it twice reuses it and two
 * files of the same name do not collide. */
void
md_page_documents_open_attachment (MdPageDocuments *self,
                                   guint            index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = md_dossier_dup_attachment_data (self->dossier, index, &error);
  g_autofree char *name_path = g_strdup_printf ("attachments[%u].name", index);
  g_autofree char *name = sanitize_file_name (md_dossier_get_string (self->dossier, name_path));
  g_autofree char *digest = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  OpenRequest *request;

  if (bytes == NULL)
    {
      md_page_documents_show_message (self, error->message);
      return;
    }

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  digest[16] = '\0';
  folder = g_build_filename (g_get_user_cache_dir (), APP_ID, "open", digest, NULL);
  file = g_file_new_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *message = describe_open_error (file, g_strerror (errno));

      md_page_documents_show_message (self, message);
      return;
    }

  request = g_new0 (OpenRequest, 1);
  request->self = self;
  request->file = g_steal_pointer (&file);
  g_file_replace_contents_bytes_async (request->file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, on_copy_written, request);
}

