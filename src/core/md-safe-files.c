/* md-safe-files.c
 *
 * Bundles come from other people: an attachment's name or a dossier's
 * id may be built to climb out of a folder ("../../.bashrc"), and a
 * file may be made huge to exhaust memory. Everything that turns
 * bundle content into a file name or reads a file it did not write
 * goes through here. The same file holds the private, atomic writer
 * used for bundles, drafts and reviews, so that a full disk or a
 * read-only folder is explained the same way everywhere.
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

#include "md-safe-files.h"

/* Extensions longer than this are not worth keeping when a name is
 * shortened: they are not extensions. */
#define EXTENSION_MAX 32

#define READ_CHUNK (64 * 1024)

/**
 * md_safe_is_dossier_id:
 *
 * Dossier ids name files (drafts, review sidecars, drop folder copies),
 * so only UUIDs are trusted to be harmless there.
 *
 * Returns: whether @id is a UUID
 */
gboolean
md_safe_is_dossier_id (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

/* Characters that change how the rest of a name is displayed: a
 * right-to-left override makes "cv\u202Efdp.exe" look like "cvexe.pdf". */
static gboolean
is_unsafe_char (gunichar c)
{
  if (g_unichar_iscntrl (c) || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
    return TRUE;

  return c == 0x061C || c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Cuts the part before the extension on a character boundary. */
static void
shorten_name (GString *name)
{
  const char *dot = strrchr (name->str, '.');
  gsize extension = dot != NULL && dot != name->str ? strlen (dot) : 0;
  const char *end;

  if (name->len <= MD_SAFE_NAME_MAX)
    return;
  if (extension > EXTENSION_MAX)
    extension = 0;

  end = name->str + MD_SAFE_NAME_MAX - extension;
  while (end > name->str && (*end & 0xC0) == 0x80)
    end--;
  g_string_erase (name, end - name->str, name->len - extension - (end - name->str));
}

/**
 * md_safe_file_name:
 * @untrusted: (nullable): a name taken from a bundle or a user
 *
 * Keeps only the last component of a path and replaces characters that
 * are unsafe in a file name on any platform (control and direction
 * characters, `/ \ : * ? " < > |`) by "_"; "", "." and ".." become
 * "attachment"; names longer than %MD_SAFE_NAME_MAX bytes are shortened,
 * keeping the extension. The result is always a single file name.
 *
 * Returns: (transfer full): the name to use
 */
char *
md_safe_file_name (const char *untrusted)
{
  g_autofree char *valid = g_utf8_make_valid (untrusted != NULL ? untrusted : "", -1);
  g_autofree char *base = g_path_get_basename (valid);
  GString *clean = g_string_new (NULL);

  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_unsafe_char (c))
        g_string_append_c (clean, '_');
      else
        g_string_append_unichar (clean, c);
    }

  if (clean->len == 0 || g_str_equal (clean->str, ".") || g_str_equal (clean->str, ".."))
    g_string_assign (clean, "attachment");

  shorten_name (clean);
  return g_string_free (clean, FALSE);
}

static GBytes *
set_too_large (GFile   *file,
               goffset  size,
               gsize    max_size,
               GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (max_size);

  /* Translators: “%s” is a file, then its size and the limit, e.g. "70.0 MB" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("“%s” is %s; files larger than %s are not read."), name, size_text, limit_text);
  return NULL;
}

/* Reads to the end, failing as soon as more than @max_size arrived:
 * the file may have grown after its size was checked. */
static GBytes *
read_capped (GFile         *file,
             GInputStream  *input,
             gsize          expected,
             gsize          max_size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (MIN (expected, max_size) + 1);

  for (;;)
    {
      guint length = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, length + READ_CHUNK);
      n = g_input_stream_read (input, buffer->data + length, READ_CHUNK, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, length + n);
      if (n == 0)
        break;
      if (buffer->len > max_size)
        return set_too_large (file, buffer->len, max_size, error);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * md_safe_load_file:
 * @max_size: the most bytes to accept
 *
 * Loads a regular file whose size is checked before anything is
 * allocated for it. Pipes and devices are refused: reading them could
 * block forever or never end.
 *
 * Returns: (transfer full) (nullable): the content, or %NULL with
 *   %G_IO_ERROR_NOT_REGULAR_FILE, %G_IO_ERROR_MESSAGE_TOO_LARGE or the
 *   error of reading
 */
GBytes *
md_safe_load_file (GFile         *file,
                   gsize          max_size,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("This is not a regular file."));
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size < 0 || (guint64) size > max_size)
    return set_too_large (file, size, max_size, error);

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return NULL;

  return read_capped (file, G_INPUT_STREAM (input), size, max_size, cancellable, error);
}

/**
 * md_safe_make_private_dir:
 *
 * Creates @path and its parents with mode 0700, and takes an existing
 * folder of ours back to 0700: drafts and the outbox hold personal
 * data, whoever created their folder first.
 */
gboolean
md_safe_make_private_dir (const char  *path,
                          GError     **error)
{
  GStatBuf st;
  int saved_errno;

  if (g_mkdir_with_parents (path, 0700) == 0 && g_stat (path, &st) == 0 &&
      ((st.st_mode & 0077) == 0 || st.st_uid != geteuid () || g_chmod (path, 0700) == 0))
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not create the private folder “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The disk is full (or your share of it is used up), so “%s” could not be written."), name);
      break;
    case EFBIG:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("“%s” could not be written: it would be larger than this disk or this account allows."), name);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to write “%s”: its folder is read-only for you."), name);
      break;
    case EROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("“%s” is on a read-only disk and cannot be written."), name);
      break;
    default:
      /* Translators: “%s” is a file, the second %s the reason */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      break;
    }

  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      data += written;
      length -= written;
    }

  return TRUE;
}

/* The rename is only durable once the folder itself reached the disk. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * md_safe_write_file:
 *
 * Replaces @path atomically with mode 0600: the content goes to a
 * hidden temporary file in the same folder, is flushed to disk and
 * renamed over @path, so that a crash, a kill or a full disk at any
 * moment leaves either the old file or the new one. Failures the user
 * can mend (a full disk, a read-only folder) say so in words.
 */
gboolean
md_safe_write_file (const char  *path,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  int saved_errno = 0;
  int fd;

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_write_error (path, errno, error);

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temp_path);
      return set_write_error (path, saved_errno, error);
    }

  sync_folder (folder);
  return TRUE;
}

static gboolean
copy_backup (const char  *path,
             const char  *backup_path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);

  if (!g_file_copy (file, backup, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;

  g_chmod (backup_path, 0600);
  return TRUE;
}

/**
 * md_safe_keep_backup:
 *
 * Makes @backup_path hold what @path holds now, with mode 0600. A hard
 * link under a temporary name, renamed into place, is atomic and needs
 * no space, so a full disk still lets the save after it explain
 * itself; where links are not supported (FAT, some network file
 * systems) the file is copied.
 */
gboolean
md_safe_keep_backup (const char  *path,
                     const char  *backup_path,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (backup_path);
  g_autofree char *base = g_path_get_basename (backup_path);
  g_autofree char *temp_path = NULL;
  int link_errno = EEXIST;
  int saved_errno;

  for (guint attempt = 0; attempt < 8 && link_errno == EEXIST; attempt++)
    {
      g_free (temp_path);
      temp_path = g_strdup_printf ("%s%c.%s.%08x", folder, G_DIR_SEPARATOR, base, g_random_int ());
      link_errno = link (path, temp_path) == 0 ? 0 : errno;
    }

  if (link_errno == 0)
    {
      g_chmod (temp_path, 0600);
      saved_errno = g_rename (temp_path, backup_path) == 0 ? 0 : errno;
      /* Renaming a link onto another link of the same file (the backup
       * of a save that failed) does nothing: the extra link stays. */
      g_unlink (temp_path);
      return saved_errno == 0 || set_write_error (backup_path, saved_errno, error);
    }

  if (link_errno == EPERM || link_errno == ENOTSUP ||
      link_errno == ENOSYS || link_errno == EXDEV || link_errno == EMLINK)
    return copy_backup (path, backup_path, error);

  return set_write_error (backup_path, link_errno, error);
}

/* Root may write anywhere; the owner's write bit still says whether a
 * file or folder was meant to be changed. */
static gboolean
is_writable (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & S_IWUSR) != 0 && g_access (path, W_OK) == 0;
}

/**
 * md_safe_file_is_read_only:
 *
 * An atomic save creates a file in the folder and renames it over the
 * old one, so a file can be saved only where both it and its folder may
 * be written. Files that are not local cannot be saved at all.
 *
 * Returns: whether saving to @file would be refused
 */
gboolean
md_safe_file_is_read_only (GFile *file)
{
  const char *path;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (G_IS_FILE (file), TRUE);

  path = g_file_peek_path (file);
  if (path == NULL)
    return TRUE;

  folder = g_path_get_dirname (path);
  if (!is_writable (folder))
    return TRUE;

  return g_file_test (path, G_FILE_TEST_EXISTS) && !is_writable (path);
}
