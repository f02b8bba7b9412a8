/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-batch.c: a libFuzzer harness for penal batch as a whole.  The
 * input's first byte chooses the input format (bit 0: JSON Lines), the
 * output format (bit 1: JSON Lines), --ignore-unknown (bit 2), --full
 * (bit 3, with JSON Lines out), --date-order (bits 4 and 5: none, mdy,
 * dmy) and --keep=id (bit 6, with JSON Lines out, where the kept cells
 * follow the line); the rest is the caseload, read through a FILE as
 * penal batch reads a file.
 * Whatever the bytes, the batch ends: with an answer, or refused with an
 * error of its own domain and nothing written.  And it writes exactly one
 * output row per input record it counted, each numbered by a line of the
 * input, in order, no row split over two lines.  Then the same input,
 * fed a piece at a time in sizes the input chooses (as penal serve feeds
 * a request's body, penal_batch_feed), gets the same answer to the byte,
 * or the same refusal.  Built with clang's
 * -fsanitize=fuzzer by tools/fuzz.sh; replayed over its corpus as an
 * ordinary test by fuzz-replay.c. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penal.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PenalModel *model;

/* The line number a row starts with: CSV "12,...", JSON
 * {"format_version":2,"line":12,...}. */
static guint64
row_line (const char *row, gboolean jsonl)
{
  const char *digits = row;
  guint64 line = 0;

  if (jsonl)
    {
      const char *start = "{\"format_version\":2,\"line\":";

      g_assert_true (g_str_has_prefix (row, start));
      digits = row + strlen (start);
    }
  g_assert_true (g_ascii_isdigit (*digits));
  while (g_ascii_isdigit (*digits))
    line = line * 10 + (guint64)(*digits++ - '0');
  g_assert_cmpint (*digits, ==, ',');
  return line;
}

/* The input pushed in pieces of 1 to 17 bytes, their sizes read from the
 * input itself: the answer penal_batch_run() gave, byte for byte. */
static void
assert_same_pushed (const PenalBatchOptions *options, const uint8_t *data,
                    size_t size, gboolean ok, const GError *error,
                    const char *output, size_t output_length,
                    const PenalBatchCounts *whole)
{
  g_autoptr (GError) pushed_error = NULL;
  PenalBatchCounts counts = { 0 };
  PenalBatch *batch;
  char *pushed = NULL;
  size_t pushed_length = 0, at = 0, step = 0;
  gboolean pushed_ok = TRUE;
  FILE *out = open_memstream (&pushed, &pushed_length);

  g_assert_nonnull (out);
  batch = penal_batch_new (model, options, "fuzz", out);
  while (pushed_ok && at < size)
    {
      size_t piece = 1 + (size_t)(data[step++ % size] % 17);

      piece = MIN (piece, size - at);

      pushed_ok = penal_batch_feed (batch, (const char *)data + at, piece,
                                    &pushed_error);
      at += piece;
    }
  if (pushed_ok)
    pushed_ok = penal_batch_finish (batch, &counts, &pushed_error);
  penal_batch_free (batch);
  fclose (out);

  g_assert_cmpint (pushed_ok, ==, ok);
  g_assert_cmpstr (pushed_error != NULL ? pushed_error->message : NULL, ==,
                   error != NULL ? error->message : NULL);
  g_assert_cmpuint (pushed_length, ==, output_length);
  if (output_length > 0)
    g_assert_true (memcmp (pushed, output, output_length) == 0);
  if (ok)
    {
      g_assert_cmpuint (counts.rows, ==, whole->rows);
      g_assert_cmpuint (counts.errors, ==, whole->errors);
      g_assert_cmpuint (counts.empty, ==, whole->empty);
    }
  penal_batch_counts_clear (&counts);
  free (pushed);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const keep[] = { "id", NULL };
  g_autoptr (GError) error = NULL;
  gboolean jsonl_in, jsonl_out, ok;
  PenalBatchOptions options = { 0 };
  PenalBatchCounts counts;
  char *output = NULL;
  size_t output_length = 0;
  guint64 input_lines = 1, last = 0;
  FILE *in, *out;

  if (size == 0)
    return 0;
  if (model == NULL)
    {
      model = penal_model_load_bundled (&error);
      g_assert_no_error (error);
    }
  jsonl_in = (data[0] & 1) != 0;
  jsonl_out = (data[0] & 2) != 0;
  options.input_format = jsonl_in ? PENAL_BATCH_JSONL : PENAL_BATCH_CSV;
  options.output_format = jsonl_out ? PENAL_BATCH_JSONL : PENAL_BATCH_CSV;
  options.ignore_unknown = (data[0] & 4) != 0;
  options.full = jsonl_out && (data[0] & 8) != 0;
  options.date_order = (data[0] >> 4) % 3 == 1   ? PENAL_DATE_ORDER_MDY
                       : (data[0] >> 4) % 3 == 2 ? PENAL_DATE_ORDER_DMY
                                                 : PENAL_DATE_ORDER_NONE;
  options.keep = jsonl_out && (data[0] & 64) != 0 ? keep : NULL;
  data++, size--;
  for (size_t i = 0; i < size; i++)
    input_lines
        += data[i] == '\n'
           || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));

  /* fmemopen refuses an empty buffer: an empty input is /dev/null. */
  in = size > 0 ? fmemopen ((void *)data, size, "rb")
                : fopen ("/dev/null", "rb");
  g_assert_nonnull (in);
  out = open_memstream (&output, &output_length);
  g_assert_nonnull (out);
  ok = penal_batch_run (model, &options, in, "fuzz", out, &counts, &error);
  penal_batch_counts_clear (&counts);
  fclose (in);
  fclose (out);

  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PENAL_BATCH_ERROR);
    }
  g_assert_cmpuint (counts.errors, <=, counts.rows);
  if (!ok && counts.rows == 0)
    /* Refused before any row: nothing but the error. */
    g_assert_cmpuint (output_length, ==, 0);
  else if (output_length == 0)
    /* No row, and no header to write: JSON Lines out. */
    g_assert_true (counts.rows == 0 && jsonl_out);
  else
    {
      g_auto (GStrv) rows = g_strsplit (output, "\n", -1);
      guint n = g_strv_length (rows);
      guint first = jsonl_out ? 0 : 1;

      /* Every row ends with its newline: the last piece is empty. */
      g_assert_cmpuint (n, >=, first + 1);
      g_assert_cmpstr (rows[n - 1], ==, "");
      g_assert_cmpuint (n - 1 - first, ==, counts.rows);
      for (guint i = first; i + 1 < n; i++)
        {
          guint64 line = row_line (rows[i], jsonl_out);

          g_assert_cmpuint (line, >=, MAX (last, 1));
          g_assert_cmpuint (line, <=, input_lines);
          /* One record, one row: no two rows for one line. */
          g_assert_cmpuint (line, >, last);
          last = line;
        }
    }
  assert_same_pushed (&options, data, size, ok, error, output, output_length,
                      &counts);
  g_free (output);
  return 0;
}
