/* md-agreement-pdf.c
 *
 * Writes the learning agreement or the application summary as a PDF
 * (A4, drawn with cairo and Pango). The PDF is drawn in memory first and
 * then saved in one go through a temporary file that is renamed over
 * the target, so a failure at any point never leaves half a PDF behind
 * and never damages a file that was already there.
 *
 * The asynchronous variant copies what it needs of the dossier on the
 * calling thread and does everything else, translations included, in a
 * worker thread: the dossier may change meanwhile, the PDF shows it as
 * it was when the user asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "md-agreement-pdf-private.h"
#include "md-validator.h"

/* The forms carry personal data (date of birth, e-mail), like bundles. */
#define PDF_FILE_MODE 0600

typedef struct
{
  MdDossier          *dossier;
  MdProgramme        *programme;
  MdAgreementPdfKind  kind;
  GFile              *file;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->dossier);
  g_clear_object (&job->programme);
  g_clear_object (&job->file);
  g_free (job);
}

/* ---- Drawing ------------------------------------------------------------ */

static MdPdfDocument *
build_document (MdDossier          *dossier,
                MdProgramme        *programme,
                MdAgreementPdfKind  kind)
{
  g_autoptr(MdReport) report = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  if (kind == MD_AGREEMENT_PDF_LEARNING_AGREEMENT)
    return md_agreement_pdf_build_agreement (dossier, programme);

  if (programme != NULL)
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      report = md_validate_dossier (dossier, programme, &today);
    }
  return md_agreement_pdf_build_summary (dossier, programme, report);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
draw_pdf (MdPdfDocument  *doc,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, MD_PDF_PAGE_WIDTH,
                                                                  MD_PDF_PAGE_HEIGHT);
  gboolean drawn = md_pdf_document_render (doc, surface, cancellable, error);
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!drawn)
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* ---- Saving ------------------------------------------------------------- */

static const char *
explain_file_error (GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return error->message;

  switch (error->code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return _("its folder does not exist.");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      return _("you are not allowed to write in its folder.");
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full.");
    case G_FILE_ERROR_ISDIR:
      return _("it is a folder.");
    default:
      return error->message;
    }
}

static gboolean
replace_local_file (const char  *path,
                    GBytes      *contents,
                    GError     **error)
{
  return g_file_set_contents_full (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   PDF_FILE_MODE, error);
}

/**
 * md_agreement_pdf_replace_contents:
 * @file: where to save
 * @contents: the whole file
 *
 * Saves @contents as @file atomically: a local file goes through a
 * temporary file renamed over it, a remote one through GIO's own
 * replace. On failure, the error names the file and says why.
 */
gboolean
md_agreement_pdf_replace_contents (GFile         *file,
                                   GBytes        *contents,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean saved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (path != NULL)
    saved = replace_local_file (path, contents, &local_error);
  else
    saved = g_file_replace_contents (file, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                     NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                     &local_error);
  if (saved)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_file_get_parse_name (file);
  /* Translators: a file's name, then why it could not be written */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
               explain_file_error (local_error));
  return FALSE;
}

/**
 * md_agreement_pdf_write:
 * @programme: (nullable): the dossier's programme; without it, activity
 *   names stay codes and the summary says it was not validated
 * @file: the PDF file to write
 *
 * Draws the form and saves it as @file, replacing it atomically. Blocks:
 * the application calls md_agreement_pdf_write_async().
 */
gboolean
md_agreement_pdf_write (MdDossier           *dossier,
                        MdProgramme         *programme,
                        MdAgreementPdfKind   kind,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(MdPdfDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (MD_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (programme == NULL || MD_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  doc = build_document (dossier, programme, kind);
  pdf = draw_pdf (doc, cancellable, error);
  if (pdf == NULL)
    return FALSE;

  return md_agreement_pdf_replace_contents (file, pdf, cancellable, error);
}

/* ---- Asynchronously ----------------------------------------------------- */

/* json_node_copy() shares objects and arrays: the snapshot needs its
 * own, and leaves out what @skip names (an attachment's content, which
 * is not printed and may be megabytes). */
static JsonNode *
copy_deeply (JsonNode   *node,
             const char *skip)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (g_strcmp0 (name, skip) != 0)
          json_object_set_member (copy, name, copy_deeply (member, g_str_equal (name, "attachments") ? "data" : NULL));
      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (copy, copy_deeply (json_array_get_element (source, i), skip));
      return json_node_init_array (json_node_alloc (), copy);
    }

  return json_node_copy (node);
}

static MdDossier *
snapshot_dossier (MdDossier *dossier)
{
  MdDossier *snapshot = md_dossier_new_from_root (copy_deeply (md_dossier_get_root (dossier), NULL));

  md_dossier_set_integrity (snapshot, md_dossier_get_integrity (dossier));
  return snapshot;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (md_agreement_pdf_write (job->dossier, job->programme, job->kind, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * md_agreement_pdf_write_async:
 * @programme: (nullable): the dossier's programme
 *
 * Like md_agreement_pdf_write(), in a worker thread, for the dossier as
 * it is now.
 */
void
md_agreement_pdf_write_async (MdDossier           *dossier,
                              MdProgramme         *programme,
                              MdAgreementPdfKind   kind,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MD_IS_DOSSIER (dossier));
  g_return_if_fail (programme == NULL || MD_IS_PROGRAMME (programme));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->dossier = snapshot_dossier (dossier);
  job->programme = programme ? g_object_ref (programme) : NULL;
  job->kind = kind;
  job->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_agreement_pdf_write_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
md_agreement_pdf_write_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == md_agreement_pdf_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
