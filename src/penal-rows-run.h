/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-rows-run.h: what the commands that answer a caseload row by row
 * (penal batch, penal audit) do alike around their own rows
 * (penal-rows-run.c).  Inside the library only. */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "penal-rows.h"

G_BEGIN_DECLS

G_GNUC_INTERNAL PenalRowReader *
penal_rows_reader_new (const PenalModel *model,
                       const PenalBatchOptions *options,
                       const char *input_name);
G_GNUC_INTERNAL void penal_rows_reader_counts (PenalRowReader *reader,
                                               guint64 *out_empty,
                                               char ***out_ignored);
G_GNUC_INTERNAL void penal_rows_append_header (GString *out,
                                               PenalRowReader *reader,
                                               const PenalBatchOptions *options,
                                               const char *const *columns,
                                               gsize n_columns);
G_GNUC_INTERNAL void
penal_rows_append_error_end (GString *out, const PenalRow *row, gboolean json);
G_GNUC_INTERNAL void penal_rows_end_row (FILE *out, GString *rows,
                                         gboolean *failed, int *failed_errno);
G_GNUC_INTERNAL gboolean penal_rows_flush (FILE *out, GString *rows,
                                           gboolean *failed, int *failed_errno);

/* penal-rows-write.c */
G_GNUC_INTERNAL void
penal_row_summary_start (GString *out, guint64 rows, const guint64 *by_kind,
                         guint n_kinds, const char *(*code_of) (guint kind));

G_END_DECLS
