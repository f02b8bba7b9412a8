/* penal-csv.c: the RFC 4180 reader that penal batch reads a caseload with.
 *
 * A small state machine over bytes: quoted fields with "" escapes,
 * embedded commas and line ends, CRLF, LF or a lone CR as a line end, and a
 * UTF-8 byte order mark before the first byte.  Bytes may come in pieces of
 * any size; only the current record is held (its fields' bytes one after
 * another, and where each field starts), so memory stays flat.  Each record
 * carries the line it starts on, counting line ends inside quotes, so a
 * reader can be told where a record is.  A record that cannot be read (a
 * stray quote, text after a closing quote, an unterminated quote, more
 * than PENAL_CSV_MAX_RECORD_LENGTH bytes) is still handed over, with its
 * problem, so the caller can answer it with an error row and read on.
 * Blank lines are not records.  The reader never reads a file itself, so
 * it can be fuzzed alone (tests/fuzz/fuzz-csv.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-csv.h"

struct _PenalCsvRecord
{
  GString *record; /* the fields' bytes, one after another */
  GArray *starts;  /* gsize: where each field starts in record */
  guint64 line;    /* the line the record starts on */
  char *problem;   /* why the record cannot be read, if it cannot */
  gboolean quoted; /* a quote was read: the record is not blank */
};

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
} CsvState;

struct _PenalCsvReader
{
  PenalCsvRecordFunc func;
  gpointer user_data;
  PenalCsvRecord record;
  CsvState state;
  guint64 line;
  gboolean first_block;
  gboolean after_cr; /* the last byte was a CR that ended a record */
  gboolean in_record;
  gboolean quoted_cr; /* inside quotes, the last byte was a CR */
};

static void
record_reset (PenalCsvRecord *record, guint64 line)
{
  g_string_truncate (record->record, 0);
  g_array_set_size (record->starts, 0);
  g_clear_pointer (&record->problem, g_free);
  record->line = line;
  record->quoted = FALSE;
}

static void
record_new_field (PenalCsvRecord *record)
{
  gsize start = record->record->len;
  g_array_append_val (record->starts, start);
}

static void
record_set_problem (PenalCsvRecord *record, const char *problem)
{
  if (record->problem == NULL)
    record->problem = g_strdup (problem);
}

PenalCsvReader *
penal_csv_reader_new (PenalCsvRecordFunc func, gpointer user_data)
{
  PenalCsvReader *reader = g_new0 (PenalCsvReader, 1);

  reader->func = func;
  reader->user_data = user_data;
  reader->record.record = g_string_sized_new (256);
  reader->record.starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->line = 1;
  reader->first_block = TRUE;
  record_reset (&reader->record, 1);
  return reader;
}

void
penal_csv_reader_free (PenalCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_string_free (reader->record.record, TRUE);
  g_array_unref (reader->record.starts);
  g_free (reader->record.problem);
  g_free (reader);
}

/* Hands a complete record over; a blank line is not a record. */
static gboolean
end_record (PenalCsvReader *reader, GError **error)
{
  const PenalCsvRecord *record = &reader->record;
  gboolean blank = record->starts->len == 1 && record->record->len == 0
                   && record->problem == NULL && !record->quoted;

  reader->line++;
  reader->in_record = FALSE;
  return blank || reader->func (record, reader->user_data, error);
}

gboolean
penal_csv_reader_feed (PenalCsvReader *reader, const char *block, gsize n,
                       GError **error)
{
  PenalCsvRecord *record = &reader->record;
  gsize i = 0;

  if (reader->first_block && n >= 3 && memcmp (block, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  reader->first_block = FALSE;
  for (; i < n; i++)
    {
      char c = block[i];

      /* A CR ends a record by itself; an LF right after it belongs to the
       * same line end. */
      if (reader->after_cr)
        {
          reader->after_cr = FALSE;
          if (c == '\n')
            continue;
        }
      if (!reader->in_record)
        {
          record_reset (record, reader->line);
          record_new_field (record);
          reader->in_record = TRUE;
          reader->state = FIELD_START;
        }
      if (record->record->len > PENAL_CSV_MAX_RECORD_LENGTH)
        {
          record_set_problem (record, _ ("the row is longer than 64 KiB"));
          g_string_truncate (record->record, 0);
          g_array_set_size (record->starts, 1);
          g_array_index (record->starts, gsize, 0) = 0;
        }

      switch (reader->state)
        {
        case FIELD_START:
        case UNQUOTED:
          if (c != ',' && c != '\n' && c != '\r' && c != '"')
            {
              /* The common case: a run of plain bytes. */
              gsize end = i + 1;
              while (end < n && block[end] != ',' && block[end] != '\n'
                     && block[end] != '\r' && block[end] != '"')
                end++;
              g_string_append_len (record->record, block + i,
                                   (gssize)(end - i));
              reader->state = UNQUOTED;
              i = end - 1;
            }
          else if (c == ',')
            {
              record_new_field (record);
              reader->state = FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              reader->after_cr = c == '\r';
              if (!end_record (reader, error))
                return FALSE;
            }
          else if (c == '"' && reader->state == FIELD_START)
            {
              reader->state = QUOTED;
              record->quoted = TRUE;
              reader->quoted_cr = FALSE;
            }
          else
            {
              if (c == '"')
                record_set_problem (
                    record, _ ("a quote inside an unquoted field; quote the "
                               "whole field and double the quote"));
              g_string_append_c (record->record, c);
              reader->state = UNQUOTED;
            }
          break;
        case QUOTED:
          if (c == '"')
            reader->state = QUOTE_IN_QUOTED;
          else
            {
              /* Line ends inside quotes count as between records: CRLF, LF
               * or a lone CR is one line end. */
              if (c == '\r' || (c == '\n' && !reader->quoted_cr))
                reader->line++;
              reader->quoted_cr = c == '\r';
              g_string_append_c (record->record, c);
            }
          break;
        case QUOTE_IN_QUOTED:
        default:
          if (c == '"')
            {
              g_string_append_c (record->record, '"');
              reader->state = QUOTED;
              reader->quoted_cr = FALSE;
            }
          else if (c == ',')
            {
              record_new_field (record);
              reader->state = FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              reader->after_cr = c == '\r';
              if (!end_record (reader, error))
                return FALSE;
            }
          else
            {
              record_set_problem (
                  record, _ ("text after the closing quote of a field"));
              g_string_append_c (record->record, c);
              reader->state = UNQUOTED;
            }
          break;
        }
    }
  return TRUE;
}

/* The input has ended: hands over the last record, if it did not end with
 * a line end. */
gboolean
penal_csv_reader_finish (PenalCsvReader *reader, GError **error)
{
  PenalCsvRecord *record = &reader->record;

  if (!reader->in_record)
    return TRUE;
  if (record->record->len > PENAL_CSV_MAX_RECORD_LENGTH)
    record_set_problem (record, _ ("the row is longer than 64 KiB"));
  if (reader->state == QUOTED)
    record_set_problem (record, _ ("the input ends inside a quoted field"));
  return end_record (reader, error);
}

guint64
penal_csv_record_get_line (const PenalCsvRecord *record)
{
  return record->line;
}

/* (transfer none) Why the record cannot be read, or NULL. */
const char *
penal_csv_record_get_problem (const PenalCsvRecord *record)
{
  return record->problem;
}

guint
penal_csv_record_get_n_fields (const PenalCsvRecord *record)
{
  return record->starts->len;
}

/* (transfer none) Field i's bytes, not NUL-terminated. */
void
penal_csv_record_get_field (const PenalCsvRecord *record, guint i,
                            const char **out_text, gsize *out_length)
{
  gsize start = g_array_index (record->starts, gsize, i);
  gsize end = i + 1 < record->starts->len
                  ? g_array_index (record->starts, gsize, i + 1)
                  : record->record->len;

  *out_text = record->record->str + start;
  *out_length = end - start;
}
