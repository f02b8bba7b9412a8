/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-csv.c: the RFC 4180 reader that penal batch reads a caseload with.
 *
 * Quoted fields with "" escapes, embedded delimiters and line ends, CRLF,
 * LF or a lone CR as a line end, and a UTF-8 byte order mark before the
 * first byte.  Fields are separated by commas, or by the semicolons or tabs
 * spreadsheets write in many locales (penal_csv_sniff_delimiter tells which
 * from the header line).  Bytes may come in pieces of any size.  Each record
 * carries the line it starts on, counting line ends inside quotes; blank lines
 * are not records.  The reader never reads a file itself, so it can be fuzzed
 * alone (tests/fuzz/fuzz-csv.c).
 *
 * The input is taken a physical line at a time (a line ends at CR, LF or
 * CRLF wherever it is), and each line is scanned once by the state machine
 * twice over: as the start of a record, and as the continuation of a
 * quoted field left open by the line before.  That is all it takes to know
 * where a record ends: a record that starts on a line left open runs to
 * the first later line that, continuing it, closes.  Only the lines of the
 * records not yet handed over are held, with at most
 * PENAL_BATCH_MAX_RECORD_LENGTH bytes of any line, so memory stays flat
 * whatever the input.
 *
 * A record that cannot be read is still handed over, with its problem, so
 * the caller can answer it with an error row and read on: a stray quote,
 * text after a closing quote, more than PENAL_BATCH_MAX_FIELDS fields, more
 * than PENAL_BATCH_MAX_RECORD_LENGTH bytes.  A quote left open is the worst
 * case: read as RFC 4180 says, it would swallow every later row.  So when a
 * quoted field reaches the size cap or the end of the input, the record is
 * handed over as one error naming the line the quote opened on, and reading
 * starts again at the line after the one the record began on, so that
 * every later line is read as if the quote had never been.  Knowing each
 * line's two scans, that costs no second reading of the bytes. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-csv.h"
#include "penal-string.h"

struct _PenalCsvRecord
{
  GString *record; /* the fields' bytes, one after another */
  gsize *starts;   /* where each field starts in record: an array of
                      PENAL_BATCH_MAX_FIELDS, filled a record at a time */
  guint n_fields;
  guint64 line;  /* the line the record starts on */
  char *problem; /* why the record cannot be read, if it cannot */
};

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
} CsvState;

/* One physical line, and what its two scans found. */
typedef struct
{
  guint64 number;
  guint64 before;         /* the bytes of every line before it */
  guint64 size;           /* its bytes with its line end, however many */
  gsize offset;           /* where its kept bytes start in the window */
  gsize kept;             /* bytes kept: the line and its line end */
  gboolean overlong;      /* longer than the cap: its bytes are not kept */
  gboolean blank;         /* nothing before the line end */
  gboolean open_as_start; /* read as a record's start, a quote is open at
                             its end */
  gboolean open_as_continuation; /* read inside a quoted field, a quote is
                                    open at its end */
  gboolean reopens; /* read so, the quote open at its end opened on it */
} CsvLine;

struct _PenalCsvReader
{
  PenalCsvRecordFunc func;
  gpointer user_data;
  PenalCsvRecord record;
  gboolean first_block;
  char delimiter; /* between fields: a comma unless set otherwise */

  /* The line being read. */
  CsvLine current;
  CsvState as_start;
  CsvState as_continuation;
  gboolean pending_cr;        /* the last byte was a CR: is an LF next? */
  gboolean in_line;           /* some byte of the current line was read */
  gboolean scan_continuation; /* the line is read inside a quote too */

  /* The window: the complete lines not yet handed over, from head on. */
  GByteArray *bytes;
  gsize bytes_head; /* bytes before it belong to lines handed over */
  GArray *lines;    /* CsvLine */
  guint head;
  guint64 next_number;
  guint64 total; /* the bytes of every complete line */

  /* Lines run_start to run_end, read inside a quoted field, all leave it
   * open and are not overlong; the last of them that opened the quote open
   * at its end is run_reopen (0: none).  A record that starts on the line
   * before, or in, the run runs through it, so it is read once however
   * many records start there. */
  guint64 run_start;
  guint64 run_end;
  guint64 run_reopen;
};

static void
record_reset (PenalCsvRecord *record, guint64 line)
{
  g_string_truncate (record->record, 0);
  record->n_fields = 0;
  g_clear_pointer (&record->problem, g_free);
  record->line = line;
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
  reader->record.starts = g_new (gsize, PENAL_BATCH_MAX_FIELDS);
  reader->first_block = TRUE;
  reader->delimiter = ',';
  reader->bytes = g_byte_array_new ();
  reader->lines = g_array_new (FALSE, FALSE, sizeof (CsvLine));
  reader->next_number = 1;
  reader->as_start = FIELD_START;
  reader->as_continuation = QUOTED;
  return reader;
}

/* The byte between fields: a comma, a semicolon or a tab.  Set before the
 * first byte is fed. */
void
penal_csv_reader_set_delimiter (PenalCsvReader *reader, char delimiter)
{
  g_return_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t');
  reader->delimiter = delimiter;
}

void
penal_csv_reader_free (PenalCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_string_free (reader->record.record, TRUE);
  g_free (reader->record.starts);
  g_free (reader->record.problem);
  g_byte_array_unref (reader->bytes);
  g_array_unref (reader->lines);
  g_free (reader);
}

/* The state machine over one byte that is not a line end; *opened is set
 * when a quoted field opens. */
static CsvState
step (CsvState state, char c, char delimiter, gboolean *opened)
{
  switch (state)
    {
    case FIELD_START:
      if (c == '"')
        {
          *opened = TRUE;
          return QUOTED;
        }
      return c == delimiter ? FIELD_START : UNQUOTED;
    case UNQUOTED:
      return c == delimiter ? FIELD_START : UNQUOTED;
    case QUOTED:
      return c == '"' ? QUOTE_IN_QUOTED : QUOTED;
    case QUOTE_IN_QUOTED:
    default:
      if (c == '"')
        return QUOTED;
      return c == delimiter ? FIELD_START : UNQUOTED;
    }
}

static CsvLine *
window_line (PenalCsvReader *reader, guint i)
{
  return &g_array_index (reader->lines, CsvLine, reader->head + i);
}

static guint
window_length (PenalCsvReader *reader)
{
  return reader->lines->len - reader->head;
}

/* Drops the first n lines of the window. */
static void
window_drop (PenalCsvReader *reader, guint n)
{
  reader->head += n;
  if (window_length (reader) > 0)
    reader->bytes_head = window_line (reader, 0)->offset;
  else
    reader->bytes_head = reader->bytes->len;
  /* Compacted once the dropped part is the larger one, so the window
   * never holds much more than its lines. */
  if (reader->bytes_head > 4096 && reader->bytes_head * 2 > reader->bytes->len)
    {
      gsize shift = reader->bytes_head;

      g_byte_array_remove_range (reader->bytes, 0, (guint)shift);
      for (guint i = reader->head; i < reader->lines->len; i++)
        g_array_index (reader->lines, CsvLine, i).offset -= shift;
      reader->current.offset -= shift;
      reader->bytes_head = 0;
    }
  if (reader->head > 256 && reader->head * 2 > reader->lines->len)
    {
      g_array_remove_range (reader->lines, 0, reader->head);
      reader->head = 0;
    }
}

/* Reads the n lines of the window from the first as one record, as
 * RFC 4180 says; the record's problems are set, not its quotes' end, which
 * the lines' scans have found already. */
static void
parse_record (PenalCsvReader *reader, guint n)
{
  PenalCsvRecord *record = &reader->record;
  const CsvLine *first = window_line (reader, 0);
  const CsvLine *last = window_line (reader, n - 1);
  const char *p = (const char *)reader->bytes->data + first->offset;
  const char *end
      = (const char *)reader->bytes->data + last->offset + last->kept;
  CsvState state = FIELD_START;
  char delimiter = reader->delimiter;

  record_reset (record, first->number);
  record->starts[record->n_fields++] = 0;
  for (; p < end; p++)
    {
      char c = *p;
      gboolean opened = FALSE;

      /* The common case: a run of bytes that are only the field's. */
      if (state == QUOTED || state == UNQUOTED || state == FIELD_START)
        {
          const char *run = p;

          if (state == QUOTED)
            while (run < end && *run != '"')
              run++;
          else
            while (run < end && *run != delimiter && *run != '"' && *run != '\r'
                   && *run != '\n')
              run++;
          if (run > p)
            {
              penal_string_append (record->record, p, (gsize)(run - p));
              if (state == FIELD_START)
                state = UNQUOTED;
              p = run - 1;
              continue;
            }
        }
      if (c == '\r' || c == '\n')
        {
          /* Inside quotes a line end is part of the field; otherwise it
           * is the record's own, the last bytes read. */
          if (state == QUOTED)
            g_string_append_c (record->record, c);
          continue;
        }
      if (c == delimiter && state != QUOTED)
        {
          if (record->n_fields == PENAL_BATCH_MAX_FIELDS)
            {
              g_autofree char *problem
                  = g_strdup_printf (_ ("the row has more than %d fields"),
                                     PENAL_BATCH_MAX_FIELDS);
              record_set_problem (record, problem);
              return;
            }
          record->starts[record->n_fields++] = record->record->len;
          state = FIELD_START;
          continue;
        }
      if (c == '"' && state == UNQUOTED)
        record_set_problem (record,
                            _ ("a quote inside an unquoted field; quote the "
                               "whole field and double the quote"));
      else if (c != '"' && state == QUOTE_IN_QUOTED)
        record_set_problem (record,
                            _ ("text after the closing quote of a field"));
      /* The quotes that open, close or escape are not part of the field;
       * a stray one is, as it was written. */
      if (c != '"' || state == UNQUOTED
          || (state == QUOTE_IN_QUOTED && c == '"'))
        g_string_append_c (record->record, c);
      state = step (state, c, delimiter, &opened);
    }
}

static gboolean
hand_over (PenalCsvReader *reader, GError **error)
{
  return reader->func (&reader->record, reader->user_data, error);
}

/* A record that cannot be read, handed over with its problem alone. */
static gboolean
hand_over_problem (PenalCsvReader *reader, guint64 line, const char *problem)
{
  record_reset (&reader->record, line);
  reader->record.starts[reader->record.n_fields++] = 0;
  record_set_problem (&reader->record, problem);
  return TRUE;
}

/* A quote left open: the record is one error naming the line it opened on,
 * and only the record's first line is dropped. */
static gboolean
hand_over_open_quote (PenalCsvReader *reader, guint64 opened_on,
                      gboolean at_end, GError **error)
{
  g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, opened_on);
  g_autofree char *problem
      = at_end ? g_strdup_printf (_ ("the quote opened on line %s is never "
                                     "closed: the input ends inside it"),
                                  line)
               : g_strdup_printf (_ ("the quote opened on line %s is not "
                                     "closed within %d KiB"),
                                  line, PENAL_BATCH_MAX_RECORD_LENGTH / 1024);

  hand_over_problem (reader, window_line (reader, 0)->number, problem);
  window_drop (reader, 1);
  return hand_over (reader, error);
}

/* The line numbered number, which must be in the window. */
static const CsvLine *
line_numbered (PenalCsvReader *reader, guint64 number)
{
  return window_line (reader,
                      (guint)(number - window_line (reader, 0)->number));
}

/* Hands over every record the window holds whole.  At the end of the
 * input (at_end), a record still open is handed over as an error. */
static gboolean
emit_records (PenalCsvReader *reader, gboolean at_end, GError **error)
{
  while (window_length (reader) > 0)
    {
      const CsvLine *first = window_line (reader, 0);
      const CsvLine *last_line
          = window_line (reader, window_length (reader) - 1);
      guint64 end, size;

      if (first->blank)
        {
          window_drop (reader, 1);
          continue;
        }
      if (first->overlong)
        {
          if (first->open_as_start)
            {
              if (!hand_over_open_quote (reader, first->number, FALSE, error))
                return FALSE;
              continue;
            }
          hand_over_problem (reader, first->number,
                             _ ("the row is longer than 64 KiB"));
          window_drop (reader, 1);
          if (!hand_over (reader, error))
            return FALSE;
          continue;
        }

      /* A record left open runs to the first later line that closes it;
       * the lines known to leave it open are not read again. */
      end = first->number;
      if (first->open_as_start)
        {
          const CsvLine *line;

          if (reader->run_start > first->number + 1
              || reader->run_end + 1 < first->number + 1)
            {
              reader->run_start = first->number + 1;
              reader->run_end = first->number;
              reader->run_reopen = 0;
            }
          while (reader->run_end < last_line->number)
            {
              line = line_numbered (reader, reader->run_end + 1);
              if (line->overlong || !line->open_as_continuation)
                break;
              reader->run_end++;
              if (line->reopens)
                reader->run_reopen = line->number;
            }
          end = reader->run_end + 1;
          size = (end <= last_line->number
                      ? line_numbered (reader, end)->before
                            + line_numbered (reader, end)->size
                      : reader->total)
                 - first->before;
          if (end > last_line->number || size > PENAL_BATCH_MAX_RECORD_LENGTH)
            {
              guint64 opened_on = MAX (first->number, reader->run_reopen);
              gboolean cut = size > PENAL_BATCH_MAX_RECORD_LENGTH;

              if (!cut && !at_end)
                return TRUE; /* more lines are needed */
              if (!cut)
                {
                  /* The lines through run_end are all the input. */
                  if (!hand_over_open_quote (reader, opened_on, TRUE, error))
                    return FALSE;
                  continue;
                }
              /* Where the cap falls: the quote open there. */
              if (!hand_over_open_quote (reader, opened_on, FALSE, error))
                return FALSE;
              continue;
            }
        }

      size = line_numbered (reader, end)->before
             + line_numbered (reader, end)->size - first->before;
      if (size > PENAL_BATCH_MAX_RECORD_LENGTH)
        hand_over_problem (reader, first->number,
                           _ ("the row is longer than 64 KiB"));
      else
        parse_record (reader, (guint)(end - first->number + 1));
      window_drop (reader, (guint)(end - first->number + 1));
      if (!hand_over (reader, error))
        return FALSE;
    }
  return TRUE;
}

/* The current line is complete: it joins the window. */
static gboolean
end_line (PenalCsvReader *reader, GError **error)
{
  CsvLine *line = &reader->current;

  line->number = reader->next_number++;
  line->before = reader->total;
  reader->total += line->size;
  line->open_as_start = reader->as_start == QUOTED;
  /* Not read inside a quote: it never will be (see begin_line). */
  line->open_as_continuation
      = !reader->scan_continuation || reader->as_continuation == QUOTED;
  line->reopens = line->reopens && line->open_as_continuation;
  g_array_append_val (reader->lines, *line);

  memset (line, 0, sizeof *line);
  line->offset = reader->bytes->len;
  line->blank = TRUE;
  reader->as_start = FIELD_START;
  reader->as_continuation = QUOTED;
  reader->in_line = FALSE;
  return emit_records (reader, FALSE, error);
}

/* Starts the current line if it has not started: its bytes go at the end
 * of the window.  Its scan as a continuation is needed only while a record
 * left open waits in the window: lines read when none does are never read
 * inside a quote (a record that opens later starts at or after them). */
static void
begin_line (PenalCsvReader *reader)
{
  CsvLine *line = &reader->current;

  if (reader->in_line)
    return;
  line->offset = reader->bytes->len;
  line->blank = TRUE;
  reader->in_line = TRUE;
  reader->scan_continuation = window_length (reader) > 0;
}

/* Bytes of the current line, its line end included or not. */
static void
add_bytes (PenalCsvReader *reader, const char *bytes, gsize n,
           gboolean line_end)
{
  CsvLine *line = &reader->current;

  begin_line (reader);
  line->size += n;
  if (line->size > PENAL_BATCH_MAX_RECORD_LENGTH + 2 && !line->overlong)
    {
      /* Its bytes are never read again: let them go. */
      line->overlong = TRUE;
      g_byte_array_set_size (reader->bytes, (guint)line->offset);
      line->kept = 0;
    }
  if (!line->overlong)
    {
      g_byte_array_append (reader->bytes, (const guint8 *)bytes, (guint)n);
      line->kept += n;
    }
  if (line_end)
    return;
  line->blank = FALSE;
  /* Without a quote in the run the state follows from its last byte:
   * inside quotes nothing changes, outside only a delimiter does. */
  if (memchr (bytes, '"', n) == NULL)
    {
      CsvState after
          = bytes[n - 1] == reader->delimiter ? FIELD_START : UNQUOTED;

      if (reader->as_start != QUOTED)
        reader->as_start = after;
      if (reader->as_continuation != QUOTED)
        reader->as_continuation = after;
      return;
    }
  for (gsize k = 0; k < n; k++)
    {
      gboolean ignored = FALSE;

      reader->as_start
          = step (reader->as_start, bytes[k], reader->delimiter, &ignored);
    }
  if (reader->scan_continuation)
    for (gsize k = 0; k < n; k++)
      {
        gboolean opened = FALSE;

        reader->as_continuation = step (reader->as_continuation, bytes[k],
                                        reader->delimiter, &opened);
        if (opened)
          line->reopens = TRUE;
      }
}

gboolean
penal_csv_reader_feed (PenalCsvReader *reader, const char *block, gsize n,
                       GError **error)
{
  gsize i = 0;

  if (reader->first_block && n >= 3 && memcmp (block, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  reader->first_block = FALSE;
  while (i < n)
    {
      char c = block[i];
      gsize end = i;

      /* A CR ends a line by itself; an LF right after it belongs to the
       * same line end. */
      if (reader->pending_cr)
        {
          reader->pending_cr = FALSE;
          if (c == '\n')
            {
              add_bytes (reader, block + i++, 1, TRUE);
              if (!end_line (reader, error))
                return FALSE;
              continue;
            }
          if (!end_line (reader, error))
            return FALSE;
        }
      if (c == '\r')
        {
          add_bytes (reader, block + i++, 1, TRUE);
          reader->pending_cr = TRUE;
          continue;
        }
      if (c == '\n')
        {
          add_bytes (reader, block + i++, 1, TRUE);
          if (!end_line (reader, error))
            return FALSE;
          continue;
        }
      /* The common case: a run of bytes up to the next line end. */
      while (end < n && block[end] != '\n' && block[end] != '\r')
        end++;
      add_bytes (reader, block + i, end - i, FALSE);
      i = end;
    }
  return TRUE;
}

/* The input has ended: hands over the last records, the last line even
 * without a line end. */
gboolean
penal_csv_reader_finish (PenalCsvReader *reader, GError **error)
{
  if (reader->pending_cr || reader->in_line)
    {
      reader->pending_cr = FALSE;
      if (!end_line (reader, error))
        return FALSE;
    }
  return emit_records (reader, TRUE, error);
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
  return record->n_fields;
}

/* (transfer none) Field i's bytes, not NUL-terminated. */
void
penal_csv_record_get_field (const PenalCsvRecord *record, guint i,
                            const char **out_text, gsize *out_length)
{
  gsize start = record->starts[i];
  gsize end
      = i + 1 < record->n_fields ? record->starts[i + 1] : record->record->len;

  *out_text = record->record->str + start;
  *out_length = end - start;
}

/* The delimiters a header line may use. */
static const char delimiters[] = { ',', ';', '\t' };

/* Where the first line of data ends (length when it does not within
 * data): at the first CR or LF outside quotes, after a UTF-8 byte order
 * mark.  Counts each of the delimiters outside quotes on the way, when
 * asked. */
static gsize
header_line_end (const char *data, gsize length,
                 guint counts[G_N_ELEMENTS (delimiters)])
{
  gboolean quoted = FALSE;
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        return i;
      else if (!quoted && counts != NULL)
        for (guint c = 0; c < G_N_ELEMENTS (delimiters); c++)
          counts[c] += data[i] == delimiters[c];
    }
  return length;
}

/* The delimiter a header line uses: of comma, semicolon and tab, the one
 * that appears most often outside quotes in the first line of data (as
 * much of it as there is), a comma on a tie or when none does.  A header
 * names columns, so the delimiter is the byte that separates them; a
 * value never needs to be guessed from it. */
char
penal_csv_sniff_delimiter (const char *data, gsize length)
{
  guint counts[G_N_ELEMENTS (delimiters)] = { 0 };
  char best = ',';
  guint most = 0;

  header_line_end (data, length, counts);
  for (guint c = 0; c < G_N_ELEMENTS (delimiters); c++)
    if (counts[c] > most)
      {
        most = counts[c];
        best = delimiters[c];
      }
  return best;
}

/* Whether data holds the whole of the line penal_csv_sniff_delimiter()
 * reads: a reader given its input in pieces waits for this before it
 * chooses, so that it chooses as it would from the whole input. */
gboolean
penal_csv_header_line_complete (const char *data, gsize length)
{
  return header_line_end (data, length, NULL) < length;
}
