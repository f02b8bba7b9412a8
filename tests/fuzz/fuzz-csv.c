/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: a libFuzzer harness for penal batch's RFC 4180 reader
 * (src/penal-csv.c), the bytes of a caseload from the outside world.  The
 * input is read twice: whole, and in pieces whose sizes come from its own
 * bytes; both readings must hand over the same records, with the same
 * lines, fields and problems, since a caseload may reach the reader in
 * blocks split anywhere.  Every record's line must be at least the last
 * one's.  The delimiter is the one penal_csv_sniff_delimiter finds in the
 * input's first line, as penal batch reads it.  Built with clang's
 * -fsanitize=fuzzer by tools/fuzz.sh; replayed over its corpus as an ordinary
 * test by fuzz-replay.c. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "penal-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Every record written out as "line|problem|field|field...\n"; a record
 * with a problem is answered by its problem alone, so its fields (what was
 * kept of an overlong row depends on where the pieces broke) are left
 * out. */
static gboolean
describe_record (const PenalCsvRecord *record, gpointer user_data,
                 GError **error)
{
  GString *out = user_data;
  const char *problem = penal_csv_record_get_problem (record);

  g_string_append_printf (out, "%" G_GUINT64_FORMAT "|%s",
                          penal_csv_record_get_line (record),
                          problem != NULL ? problem : "");
  for (guint i = 0;
       problem == NULL && i < penal_csv_record_get_n_fields (record); i++)
    {
      const char *text;
      gsize length;

      penal_csv_record_get_field (record, i, &text, &length);
      g_assert_cmpuint (length, <=, PENAL_CSV_MAX_RECORD_LENGTH + 1);
      g_string_append_c (out, '|');
      g_string_append_len (out, text, (gssize)length);
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

static char *
read_in_pieces (const uint8_t *data, size_t size, gboolean whole)
{
  GString *out = g_string_new (NULL);
  g_autoptr (PenalCsvReader) reader
      = penal_csv_reader_new (describe_record, out);
  size_t at = 0;
  guint step = 0;

  penal_csv_reader_set_delimiter (
      reader, penal_csv_sniff_delimiter ((const char *)data, size));

  while (at < size)
    {
      size_t piece = whole ? size - at : 1 + (size_t)(data[step++ % size] % 17);

      piece = MIN (piece, size - at);
      g_assert_true (
          penal_csv_reader_feed (reader, (const char *)data + at, piece, NULL));
      at += piece;
    }
  g_assert_true (penal_csv_reader_finish (reader, NULL));
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *whole = read_in_pieces (data, size, TRUE);
  g_autofree char *pieces = NULL;

  /* A byte order mark is looked for in the first piece only, as the
   * reader is documented to; keep the comparison to inputs without one. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return 0;
  pieces = read_in_pieces (data, size, FALSE);
  g_assert_cmpstr (whole, ==, pieces);
  return 0;
}
