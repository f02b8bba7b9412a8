/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-file.h: reading a file penal did not write (penal-file.c), inside
 * the library only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a file could not be read; each caller says it in its own words. */
typedef enum
{
  PENAL_FILE_OK,
  PENAL_FILE_ERRNO,       /* open, fstat or read failed: see *out_errno */
  PENAL_FILE_NOT_REGULAR, /* a directory, FIFO, socket or device */
  PENAL_FILE_TOO_LARGE,   /* larger than max_size: see *out_length */
} PenalFileStatus;

G_GNUC_INTERNAL PenalFileStatus penal_file_read (const char *path,
                                                 gsize max_size,
                                                 char **out_data,
                                                 gsize *out_length,
                                                 int *out_errno);

G_END_DECLS
