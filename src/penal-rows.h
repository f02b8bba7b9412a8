/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-rows.h: a caseload's rows as exports write them, read from CSV or
 * JSON Lines (penal-batch-input.c), for penal batch and any other command
 * that reads a caseload.
 *
 * The caller names the columns it reads; the reader matches them against
 * the header (or each JSON object's members) ignoring case, spaces, "-"
 * and "_", and hands over each record with its cells trimmed, by the
 * caller's column numbers, the line its record starts on, the cells of the
 * columns to keep (--keep), and every problem found reading it.  Rows with
 * every cell empty are skipped and counted.  Only a bad header, or input
 * that cannot be read at all, stops the reading. */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "penal.h"

G_BEGIN_DECLS

typedef struct _PenalRowReader PenalRowReader;

/* One record.  Cells are not NUL-terminated, and live until the callback
 * returns. */
typedef struct
{
  guint64 line; /* the line its record starts on */
  /* Per column the caller reads: the trimmed text, or NULL when the cell
   * is empty, null or absent. */
  const char **cells;
  gsize *lengths;
  /* Per column kept: the trimmed text, or NULL. */
  const char **kept;
  gsize *kept_lengths;
  /* char *, translated: every problem found reading the row. */
  GPtrArray *problems;
  /* The record itself could not be read: its cells mean nothing. */
  gboolean unreadable;
} PenalRow;

/* Called with each row that is not empty; returning FALSE stops the
 * reading (the caller knows why). */
typedef gboolean (*PenalRowFunc) (PenalRow *row, gpointer user_data);

G_GNUC_INTERNAL PenalRowReader *penal_row_reader_new (PenalBatchFormat format,
                                                      const char *input_name);
G_GNUC_INTERNAL void penal_row_reader_free (PenalRowReader *reader);
G_GNUC_INTERNAL guint penal_row_reader_add_column (PenalRowReader *reader,
                                                   const char *name);
G_GNUC_INTERNAL void penal_row_reader_set_keep (PenalRowReader *reader,
                                                const char *const *names);
G_GNUC_INTERNAL void penal_row_reader_set_delimiter (PenalRowReader *reader,
                                                     char delimiter);
G_GNUC_INTERNAL void
penal_row_reader_set_ignore_unknown (PenalRowReader *reader, gboolean ignore);
G_GNUC_INTERNAL void penal_row_reader_set_date_order (PenalRowReader *reader,
                                                      PenalDateOrder order);
G_GNUC_INTERNAL gboolean penal_row_reader_read (PenalRowReader *reader,
                                                FILE *in, PenalRowFunc func,
                                                gpointer user_data,
                                                GError **error);
G_GNUC_INTERNAL void penal_row_reader_begin (PenalRowReader *reader,
                                             PenalRowFunc func,
                                             gpointer user_data);
G_GNUC_INTERNAL gboolean penal_row_reader_feed (PenalRowReader *reader,
                                                const char *data, gsize n,
                                                GError **error);
G_GNUC_INTERNAL gboolean penal_row_reader_finish (PenalRowReader *reader,
                                                  GError **error);
G_GNUC_INTERNAL gboolean penal_row_reader_stopped (PenalRowReader *reader);

G_GNUC_INTERNAL guint penal_row_reader_get_n_kept (PenalRowReader *reader);
G_GNUC_INTERNAL const char *
penal_row_reader_get_kept_name (PenalRowReader *reader, guint i);
G_GNUC_INTERNAL guint64 penal_row_reader_get_n_empty (PenalRowReader *reader);
G_GNUC_INTERNAL GPtrArray *
penal_row_reader_get_ignored (PenalRowReader *reader);
G_GNUC_INTERNAL char *penal_row_column_key (const char *name, gsize length);
G_GNUC_INTERNAL gboolean penal_row_reader_parse_date (
    PenalRowReader *reader, const char *column, const char *text, gsize length,
    gint64 *out_day, char **out_problem);

/* Writing rows (penal-rows-write.c). */
G_GNUC_INTERNAL void penal_row_append_csv_cell (GString *out, const char *text,
                                                gssize length);
G_GNUC_INTERNAL void
penal_row_append_json_string (GString *out, const char *text, gssize length);
G_GNUC_INTERNAL void penal_row_append_kept_names (GString *out,
                                                  PenalRowReader *reader);
G_GNUC_INTERNAL void penal_row_append_start (GString *out,
                                             PenalRowReader *reader,
                                             const PenalRow *row,
                                             gboolean json);

G_GNUC_INTERNAL void penal_row_summary_end (GString *out, guint64 empty,
                                            char **ignored);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalRowReader, penal_row_reader_free)

G_END_DECLS
