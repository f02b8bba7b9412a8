/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-rows-run.c: what the commands that answer a caseload row by row
 * (penal batch, penal audit) do alike around their own rows: the reader
 * set up as the options say, with a column for each fact; the CSV header;
 * an error row's message; the rows, built in a buffer, written out in
 * blocks; and what the reader counted, for the summary. */
#include "config.h"

#include <errno.h>

#include "penal-model-private.h"
#include "penal-rows-run.h"

/* How many bytes of rows are built before they are written. */
#define ROWS_BLOCK (64 * 1024)

/* (transfer full) A reader of the caseload as the options say to read it,
 * whose first columns are the model's facts, numbered as the facts are;
 * the caller adds its own columns after them. */
PenalRowReader *
penal_rows_reader_new (const PenalModel *model,
                       const PenalBatchOptions *options, const char *input_name)
{
  PenalRowReader *reader
      = penal_row_reader_new (options->input_format, input_name);

  for (guint f = 0; f < model->facts->len; f++)
    penal_row_reader_add_column (
        reader,
        ((const PenalFactDecl *)g_ptr_array_index (model->facts, f))->name);
  penal_row_reader_set_keep (reader, options->keep);
  penal_row_reader_set_delimiter (reader, options->delimiter);
  penal_row_reader_set_ignore_unknown (reader, options->ignore_unknown);
  penal_row_reader_set_date_order (reader, options->date_order);
  return reader;
}

/* What the summary says the reader did: the empty rows it skipped, and
 * the columns --ignore-unknown skipped (a new NULL-terminated array, or
 * NULL when there were none). */
void
penal_rows_reader_counts (PenalRowReader *reader, guint64 *out_empty,
                          char ***out_ignored)
{
  GPtrArray *ignored = penal_row_reader_get_ignored (reader);

  *out_empty = penal_row_reader_get_n_empty (reader);
  *out_ignored = NULL;
  if (ignored->len == 0)
    return;
  *out_ignored = g_new0 (char *, ignored->len + 1);
  for (guint i = 0; i < ignored->len; i++)
    (*out_ignored)[i] = g_strdup (g_ptr_array_index (ignored, i));
}

/* The CSV header: the byte-order mark (--bom), the kept columns' names,
 * then the command's own columns.  JSON Lines have none. */
void
penal_rows_append_header (GString *out, PenalRowReader *reader,
                          const PenalBatchOptions *options,
                          const char *const *columns, gsize n_columns)
{
  if (options->output_format != PENAL_BATCH_CSV)
    return;
  if (options->bom)
    g_string_append (out, "\xEF\xBB\xBF");
  penal_row_append_kept_names (out, reader);
  for (gsize c = 0; c < n_columns; c++)
    g_string_append_printf (out, "%s%s", c > 0 ? "," : "", columns[c]);
  g_string_append_c (out, '\n');
}

/* An error row's end, after the cells (or members) that say it is one:
 * its message, every problem of the row, and in JSON the problems one by
 * one; its notes are empty. */
void
penal_rows_append_error_end (GString *out, const PenalRow *row, gboolean json)
{
  g_autoptr (GString) message = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    g_string_append_printf (message, "%s%s", i > 0 ? " | " : "",
                            (char *)g_ptr_array_index (row->problems, i));
  if (!json)
    {
      penal_row_append_csv_cell (out, message->str, (gssize)message->len);
      g_string_append (out, ",\n");
      return;
    }
  penal_row_append_json_string (out, message->str, (gssize)message->len);
  g_string_append (out, ",\"problems\":[");
  for (guint i = 0; i < row->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      penal_row_append_json_string (out, g_ptr_array_index (row->problems, i),
                                    -1);
    }
  g_string_append (out, "]}\n");
}

/* Writes the rows built so far and empties the buffer.  Rows are written
 * in blocks: one fwrite per row costs more than the row.  Once a write
 * has failed (*failed, and *failed_errno says why), nothing more is. */
static void
penal_rows_write_block (FILE *out, GString *rows, gboolean *failed,
                        int *failed_errno)
{
  if (rows->len > 0 && !*failed)
    {
      errno = 0;
      if (fwrite (rows->str, 1, rows->len, out) != rows->len)
        {
          *failed = TRUE;
          *failed_errno = errno != 0 ? errno : EIO;
        }
    }
  g_string_truncate (rows, 0);
}

/* A row is done: the rows built are written once they fill a block. */
void
penal_rows_end_row (FILE *out, GString *rows, gboolean *failed,
                    int *failed_errno)
{
  if (rows->len >= ROWS_BLOCK)
    penal_rows_write_block (out, rows, failed, failed_errno);
}

/* The end of a run's output: the last rows written and the stream
 * flushed.  FALSE when any write failed. */
gboolean
penal_rows_flush (FILE *out, GString *rows, gboolean *failed, int *failed_errno)
{
  penal_rows_write_block (out, rows, failed, failed_errno);
  errno = 0;
  if (!*failed && fflush (out) != 0)
    {
      *failed = TRUE;
      *failed_errno = errno != 0 ? errno : EIO;
    }
  return !*failed;
}
