/* md-submitter-folder.c: delivery into a local folder
 *
 * The embedded default: with no endpoint configured, dossiers are placed
 * in a folder that a coordinator opens as an inbox (or that a sync
 * client carries further). Same layout and rules as a WebDAV drop
 * folder: "<id>.json", never replaced. The file appears complete or not
 * at all: it is written under a hidden temporary name, flushed, and
 * hard-linked into place, which fails instead of replacing a file that
 * is already there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "md-submitter-private.h"

typedef enum
{
  COPY_ABSENT,
  COPY_SAME,
  COPY_DIFFERENT,
} CopyState;

static gboolean
set_local_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_LOCAL,
               _("Could not place the dossier in %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
compare_file (const char  *path,
              GBytes      *bundle,
              CopyState   *state,
              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      *state = COPY_ABSENT;
      return errno == ENOENT || set_local_error (path, errno, error);
    }

  if ((gsize) st.st_size != g_bytes_get_size (bundle))
    {
      *state = COPY_DIFFERENT;
      return TRUE;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return set_local_error (path, EIO, error);

  *state = length == g_bytes_get_size (bundle) &&
           memcmp (contents, g_bytes_get_data (bundle, NULL), length) == 0 ? COPY_SAME
                                                                           : COPY_DIFFERENT;
  return TRUE;
}

static gboolean
write_all (int           fd,
           GBytes       *bundle)
{
  gsize length;
  const char *data = g_bytes_get_data (bundle, &length);

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }

  return fsync (fd) == 0;
}

/* Returns FALSE with errno EEXIST when @path is already there. Where
 * hard links are not supported (FAT, some network file systems), falls
 * back to a rename after a last look. */
static gboolean
link_into_place (const char *temp_path,
                 const char *path)
{
  if (link (temp_path, path) == 0)
    return TRUE;

  if (errno != EPERM && errno != ENOTSUP && errno != ENOSYS && errno != EOPNOTSUPP)
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return FALSE;
    }

  return g_rename (temp_path, path) == 0;
}

static gboolean
write_exclusive (const char    *folder,
                 const char    *path,
                 GBytes        *bundle,
                 gboolean      *exists,
                 GError       **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_path = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  int fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  int saved_errno;
  gboolean ok;

  if (fd < 0)
    return set_local_error (folder, errno, error);

  ok = write_all (fd, bundle);
  saved_errno = errno;
  close (fd);
  if (ok)
    {
      ok = link_into_place (temp_path, path);
      saved_errno = errno;
    }
  g_unlink (temp_path);

  *exists = !ok && saved_errno == EEXIST;
  return ok || *exists || set_local_error (folder, saved_errno, error);
}

static JsonObject *
deliver (MdSubmission  *submission,
         GError       **error)
{
  GFile *folder = md_endpoint_get_folder (submission->endpoint);
  g_autofree char *name = g_strconcat (submission->dossier_id, ".json", NULL);
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  const char *folder_path = g_file_peek_path (folder);
  const char *path = g_file_peek_path (file);
  CopyState state = COPY_ABSENT;
  gboolean exists = FALSE;

  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      set_local_error (folder_path, errno, error);
      return NULL;
    }

  if (!compare_file (path, submission->bundle, &state, error))
    return NULL;

  if (state == COPY_ABSENT &&
      (!write_exclusive (folder_path, path, submission->bundle, &exists, error) ||
       (exists && !compare_file (path, submission->bundle, &state, error))))
    return NULL;

  if (state == COPY_DIFFERENT)
    {
      g_set_error (error, MD_SUBMIT_ERROR, MD_SUBMIT_ERROR_CONFLICT,
                   _("A different version of this dossier is already in %s. It was not replaced: remove the old one, then submit again."),
                   folder_path);
      return NULL;
    }

  submission->already_delivered = state == COPY_SAME;
  return md_submission_new_local_receipt (submission, 0);
}

static void
folder_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  JsonObject *receipt = deliver (task_data, &error);

  if (receipt == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, receipt, (GDestroyNotify) json_object_unref);
}

/**
 * md_submitter_folder_submit: (skip)
 */
void
md_submitter_folder_submit (MdSubmitter *self,
                            GTask       *task)
{
  g_task_run_in_thread (task, folder_thread);
}
