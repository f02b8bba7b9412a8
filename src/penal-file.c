/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-file.c: reading a file penal did not write: a statute file, a
 * charge-code table.
 *
 * Whatever the path names is opened without blocking, so a FIFO with no
 * writer or a device cannot hang penal, then checked with fstat to be a
 * regular file before a byte is read; the buffer is allocated by the
 * file's real size, never by the cap, so a directory of many small files
 * costs what they hold.  The caller says what went wrong in its own
 * words, from the status and errno. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "penal-file.h"

/* Reads path whole into *out_data (NUL-terminated, *out_length bytes).
 * A file larger than max_size is refused before it is read, with its size
 * in *out_length.  A file that grows while it is read is read to the size
 * it had when opened. */
PenalFileStatus
penal_file_read (const char *path, gsize max_size, char **out_data,
                 gsize *out_length, int *out_errno)
{
  struct stat st;
  g_autofree char *data = NULL;
  gsize done = 0;
  int fd;

  *out_data = NULL;
  *out_length = 0;
  *out_errno = 0;
  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      *out_errno = errno;
      return PENAL_FILE_ERRNO;
    }
  if (fstat (fd, &st) != 0)
    {
      *out_errno = errno;
      close (fd);
      return PENAL_FILE_ERRNO;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return PENAL_FILE_NOT_REGULAR;
    }
  if (st.st_size < 0 || (guint64)st.st_size > max_size)
    {
      *out_length = (gsize)MAX (st.st_size, 0);
      close (fd);
      return PENAL_FILE_TOO_LARGE;
    }
  data = g_malloc ((gsize)st.st_size + 1);
  while (done < (gsize)st.st_size)
    {
      ssize_t n = read (fd, data + done, (gsize)st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *out_errno = errno;
          close (fd);
          return PENAL_FILE_ERRNO;
        }
      if (n == 0)
        break;
      done += (gsize)n;
    }
  close (fd);
  data[done] = '\0';
  *out_length = done;
  *out_data = g_steal_pointer (&data);
  return PENAL_FILE_OK;
}
