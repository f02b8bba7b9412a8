/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch-input.c: a caseload's rows as exports write them: CSV
 * through the RFC 4180 reader (penal-csv.c), whose header row names the
 * columns, or one JSON object per line (penal-json-line.c).
 *
 * Exports are not written for penal: Excel writes semicolons in many
 * locales and a byte order mark, case systems write tabs, extra columns,
 * headers such as "Victim Age", values with spaces around them and rows of
 * empty cells.  So the delimiter is found from the header line (or given),
 * a column is matched by its key (its name in lower case without spaces,
 * "-" or "_"), cells are trimmed, and a row whose cells are all empty is
 * skipped and counted.  Each row's cells are laid out by the caller's
 * column numbers (penal-rows.h) as the text given, not NUL-terminated, or
 * NULL; a row that cannot be read is handed over with its problems and
 * the line it starts on, and the next row is read as if nothing happened.
 * Only a bad header, or input that cannot be read at all, stops the
 * reading.  JSON Lines are read in penal-batch-jsonl.c. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-csv.h"
#include "penal-date.h"
#include "penal-rows-private.h"

/* ------------------------------------------------------------------ */
/* Setting up                                                           */

/* A column's key: its name in ASCII lower case without spaces, "-" or
 * "_", so "Victim Age", "victim-age" and "VICTIM_AGE" are one column. */
char *
penal_row_column_key (const char *name, gsize length)
{
  GString *key = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    if (name[i] != ' ' && name[i] != '-' && name[i] != '_' && name[i] != '\t')
      g_string_append_c (key, g_ascii_tolower (name[i]));
  return g_string_free (key, FALSE);
}

PenalRowReader *
penal_row_reader_new (PenalBatchFormat format, const char *input_name)
{
  PenalRowReader *reader = g_new0 (PenalRowReader, 1);

  reader->format = format;
  reader->input_name = g_strdup (input_name);
  reader->names = g_ptr_array_new_with_free_func (g_free);
  reader->name_keys
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->keep = g_ptr_array_new_with_free_func (g_free);
  reader->keep_keys
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->kept_names = g_ptr_array_new_with_free_func (g_free);
  reader->ignored = g_ptr_array_new_with_free_func (g_free);
  reader->ignored_keys
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->row.problems = g_ptr_array_new_with_free_func (g_free);
  reader->field_column = g_array_new (FALSE, FALSE, sizeof (gint));
  reader->field_kept = g_array_new (FALSE, FALSE, sizeof (gint));
  reader->field_named = g_array_new (FALSE, FALSE, sizeof (gboolean));
  reader->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return reader;
}

void
penal_row_reader_free (PenalRowReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->input_name);
  g_ptr_array_unref (reader->names);
  g_hash_table_unref (reader->name_keys);
  g_ptr_array_unref (reader->keep);
  g_hash_table_unref (reader->keep_keys);
  g_ptr_array_unref (reader->kept_names);
  g_ptr_array_unref (reader->ignored);
  g_hash_table_unref (reader->ignored_keys);
  g_ptr_array_unref (reader->row.problems);
  g_free (reader->row.cells);
  g_free (reader->row.lengths);
  g_free (reader->row.kept);
  g_free (reader->row.kept_lengths);
  g_array_unref (reader->field_column);
  g_array_unref (reader->field_kept);
  g_array_unref (reader->field_named);
  g_clear_error (&reader->header_error);
  g_clear_object (&reader->parser);
  g_hash_table_unref (reader->seen);
  if (reader->head != NULL)
    g_string_free (reader->head, TRUE);
  g_clear_pointer (&reader->csv, penal_csv_reader_free);
  if (reader->text != NULL)
    g_string_free (reader->text, TRUE);
  g_free (reader);
}

/* A column the caller reads; returns its number in PenalRow.cells. */
guint
penal_row_reader_add_column (PenalRowReader *reader, const char *name)
{
  char *key = penal_row_column_key (name, strlen (name));

  g_ptr_array_add (reader->names, g_strdup (name));
  if (!g_hash_table_contains (reader->name_keys, key))
    g_hash_table_insert (reader->name_keys, key,
                         GUINT_TO_POINTER (reader->names->len));
  else
    g_free (key);
  return reader->names->len - 1;
}

/* The columns copied to each output row (--keep), by name. */
void
penal_row_reader_set_keep (PenalRowReader *reader, const char *const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      char *key = penal_row_column_key (names[i], strlen (names[i]));

      if (key[0] == '\0' || g_hash_table_contains (reader->keep_keys, key))
        {
          g_free (key);
          continue;
        }
      g_ptr_array_add (reader->keep, g_strdup (names[i]));
      g_ptr_array_add (reader->kept_names, g_strdup (names[i]));
      g_hash_table_insert (reader->keep_keys, key,
                           GUINT_TO_POINTER (reader->keep->len));
    }
}

/* A comma, a semicolon or a tab; 0 to find it from the header line. */
void
penal_row_reader_set_delimiter (PenalRowReader *reader, char delimiter)
{
  reader->delimiter = delimiter;
}

void
penal_row_reader_set_ignore_unknown (PenalRowReader *reader, gboolean ignore)
{
  reader->ignore_unknown = ignore;
}

void
penal_row_reader_set_date_order (PenalRowReader *reader, PenalDateOrder order)
{
  reader->date_order = order;
}

guint
penal_row_reader_get_n_kept (PenalRowReader *reader)
{
  return reader->keep->len;
}

/* (transfer none) A kept column's name as the header writes it (as asked
 * for, in JSON Lines). */
const char *
penal_row_reader_get_kept_name (PenalRowReader *reader, guint i)
{
  return g_ptr_array_index (reader->kept_names, i);
}

/* Rows skipped because every cell was empty. */
guint64
penal_row_reader_get_n_empty (PenalRowReader *reader)
{
  return reader->empty;
}

/* (transfer none) char *: the columns (or JSON members) skipped as unknown
 * under ignore_unknown, as the input first wrote each. */
GPtrArray *
penal_row_reader_get_ignored (PenalRowReader *reader)
{
  return reader->ignored;
}

/* ------------------------------------------------------------------ */
/* Dates                                                                */

/* A cell of a date column as exports write it (penal_date_parse_export,
 * with the order --date-order gave); FALSE with *out_problem, the whole
 * message, when it is not a date. */
gboolean
penal_row_reader_parse_date (PenalRowReader *reader, const char *column,
                             const char *text, gsize length, gint64 *out_day,
                             char **out_problem)
{
  g_autofree char *value = g_strndup (text, length);
  g_autofree char *shown = penal_quote_untrusted (value);

  *out_problem = NULL;
  switch (penal_date_parse_export (text, length, reader->date_order, out_day))
    {
    case PENAL_DATE_READ:
      return TRUE;
    case PENAL_DATE_SLASHED:
      *out_problem = g_strdup_printf (
          _ ("%s: “%s” is a slashed date, and penal does not guess whether "
             "the month or the day comes first; give --date-order=mdy "
             "(6/1/2016 is 1 June) or --date-order=dmy (6/1/2016 is "
             "6 January), or write it YYYY-MM-DD"),
          column, shown);
      return FALSE;
    case PENAL_DATE_TIME_SET:
      *out_problem = g_strdup_printf (
          _ ("%s: “%s” has a time of day or a time zone, which may put the "
             "offense on another day; give the date alone, YYYY-MM-DD"),
          column, shown);
      return FALSE;
    case PENAL_DATE_INVALID:
    default:
      /* As classify words it, with the forms batch reads besides. */
      *out_problem = g_strdup_printf (
          _ ("%s: “%s” is not valid; give %s"), column, shown,
          reader->date_order == PENAL_DATE_ORDER_NONE
              ? _ ("a calendar date written YYYY-MM-DD")
              : _ ("a calendar date written YYYY-MM-DD, or slashed in the "
                   "order --date-order gives, with the year in four "
                   "digits"));
      return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Either format                                                        */

void
penal_row_start (PenalRowReader *reader, guint64 line)
{
  reader->row.line = line;
  reader->row.unreadable = FALSE;
  g_ptr_array_set_size (reader->row.problems, 0);
  for (guint c = 0; c < reader->names->len; c++)
    reader->row.cells[c] = NULL;
  for (guint k = 0; k < reader->keep->len; k++)
    reader->row.kept[k] = NULL;
}

void
penal_row_problem (PenalRowReader *reader, char *problem)
{
  g_ptr_array_add (reader->row.problems, problem);
}

/* A record that cannot be read: its problem alone. */
void
penal_row_hand_over_unreadable (PenalRowReader *reader, guint64 line,
                                char *problem)
{
  penal_row_start (reader, line);
  reader->row.unreadable = TRUE;
  penal_row_problem (reader, problem);
  if (!reader->func (&reader->row, reader->user_data))
    reader->stopped = TRUE;
}

/* A cell of a column read or kept, NULs refused: "offense\0x" would be
 * read as offense. */
void
penal_row_set_cell (PenalRowReader *reader, gint column, gint kept,
                    const char *name, const char *text, gsize length)
{
  if (length == 0)
    return;
  if (memchr (text, '\0', length) != NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (name);

      penal_row_problem (
          reader,
          g_strdup_printf (_ ("%s: the value contains a NUL byte"), shown));
      return;
    }
  if (column >= 0)
    {
      reader->row.cells[column] = text;
      reader->row.lengths[column] = length;
    }
  if (kept >= 0)
    {
      reader->row.kept[kept] = text;
      reader->row.kept_lengths[kept] = length;
    }
}

void
penal_row_hand_over (PenalRowReader *reader)
{
  if (!reader->func (&reader->row, reader->user_data))
    reader->stopped = TRUE;
}

/* The columns the caller reads, for messages: "offense, victim_age". */
char *
penal_row_names_text (PenalRowReader *reader)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < reader->names->len; c++)
    g_string_append_printf (out, "%s%s", c > 0 ? ", " : "",
                            (char *)g_ptr_array_index (reader->names, c));
  return g_string_free (out, FALSE);
}

/* A column skipped under ignore_unknown, named once. */
void
penal_row_note_ignored (PenalRowReader *reader, const char *name,
                        const char *key)
{
  if (g_hash_table_contains (reader->ignored_keys, key))
    return;
  g_hash_table_add (reader->ignored_keys, g_strdup (key));
  g_ptr_array_add (reader->ignored, penal_escape_untrusted (name));
}

/* UTF-16, with its byte order mark or as ASCII with every other byte NUL,
 * would be read as nonsense: it is refused, saying what to do. */
static gboolean
refuse_utf16 (const char *data, gsize n, const char *input_name, GError **error)
{
  const guchar *b = (const guchar *)data;
  gboolean utf16
      = n >= 2
        && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));

  if (!utf16 && n >= 4)
    utf16 = (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)
            || (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0);
  if (utf16)
    g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_ENCODING,
                 _ ("%s: the input is UTF-16; save it as UTF-8"), input_name);
  return !utf16;
}

/* ------------------------------------------------------------------ */
/* CSV                                                                  */

static gboolean
header_error (PenalRowReader *reader, guint line, char *message)
{
  g_set_error (&reader->header_error, PENAL_BATCH_ERROR,
               PENAL_BATCH_ERROR_HEADER, "%s:%u: %s", reader->input_name, line,
               message);
  g_free (message);
  return FALSE;
}

/* Finds a column of the header in table (name_keys or keep_keys): its
 * number, or -1; a second column of the same key is refused. */
static gboolean
match_column (PenalRowReader *reader, GHashTable *table, GHashTable *taken,
              const char *key, const char *name, guint line, gint *out)
{
  gpointer found = g_hash_table_lookup (table, key);

  *out = -1;
  if (found == NULL)
    return TRUE;
  *out = GPOINTER_TO_INT (found) - 1;
  if (!g_hash_table_add (taken, GINT_TO_POINTER (*out + 1)))
    {
      g_autofree char *shown = penal_quote_untrusted (name);

      return header_error (
          reader, line,
          g_strdup_printf (_ ("column “%s” appears twice; give each column "
                              "once"),
                           shown));
    }
  return TRUE;
}

static gboolean
read_header (PenalRowReader *reader, const PenalCsvRecord *record)
{
  g_autoptr (GHashTable) read = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) kept = g_hash_table_new (NULL, NULL);
  guint line = (guint)penal_csv_record_get_line (record);

  if (penal_csv_record_get_problem (record) != NULL)
    return header_error (reader, line,
                         g_strdup (penal_csv_record_get_problem (record)));
  for (guint i = 0; i < penal_csv_record_get_n_fields (record); i++)
    {
      const char *text;
      gsize length;
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      gint column, keep;
      gboolean named;

      penal_csv_record_get_field (record, i, &text, &length);
      penal_row_trim (&text, &length);
      if (memchr (text, '\0', length) != NULL)
        return header_error (
            reader, line,
            g_strdup_printf (_ ("column %u of the header holds a NUL byte"),
                             i + 1));
      name = g_strndup (text, length);
      key = penal_row_column_key (text, length);
      named = key[0] != '\0';
      if (!match_column (reader, reader->name_keys, read, key, name, line,
                         &column)
          || !match_column (reader, reader->keep_keys, kept, key, name, line,
                            &keep))
        return FALSE;
      if (keep >= 0)
        {
          g_free (g_ptr_array_index (reader->kept_names, keep));
          g_ptr_array_index (reader->kept_names, keep)
              = penal_escape_untrusted (name);
        }
      /* An unnamed column (Excel ends a header with delimiters) is read
       * only to make sure no row has a value in it, unless unknown columns
       * are skipped. */
      if (!named && reader->ignore_unknown)
        {
          g_autofree char *unnamed
              = g_strdup_printf (_ ("column %u, which has no name"), i + 1);
          g_autofree char *unnamed_key = g_strdup_printf ("#%u", i + 1);

          penal_row_note_ignored (reader, unnamed, unnamed_key);
          named = TRUE;
        }
      else if (named && column < 0 && keep < 0)
        {
          g_autofree char *shown = NULL;
          g_autofree char *columns = NULL;

          if (reader->ignore_unknown)
            penal_row_note_ignored (reader, name, key);
          else
            {
              shown = penal_quote_untrusted (name);
              columns = penal_row_names_text (reader);
              return header_error (
                  reader, line,
                  g_strdup_printf (_ ("unknown column “%s”; the columns "
                                      "penal reads are %s (give "
                                      "--ignore-unknown to skip the others, "
                                      "or --keep to copy one to each row)"),
                                   shown, columns));
            }
        }
      g_array_append_val (reader->field_column, column);
      g_array_append_val (reader->field_kept, keep);
      g_array_append_val (reader->field_named, named);
    }
  for (guint k = 0; k < reader->keep->len; k++)
    if (!g_hash_table_contains (kept, GINT_TO_POINTER (k + 1)))
      {
        g_autofree char *shown
            = penal_quote_untrusted (g_ptr_array_index (reader->keep, k));

        return header_error (
            reader, line,
            g_strdup_printf (_ ("--keep: the header has no column “%s”"),
                             shown));
      }
  return TRUE;
}

/* Whether every field of the record is empty, or only spaces. */
static gboolean
record_is_empty (const PenalCsvRecord *record)
{
  for (guint i = 0; i < penal_csv_record_get_n_fields (record); i++)
    {
      const char *text;
      gsize length;

      penal_csv_record_get_field (record, i, &text, &length);
      penal_row_trim (&text, &length);
      if (length > 0)
        return FALSE;
    }
  return TRUE;
}

static void
read_csv_record (PenalRowReader *reader, const PenalCsvRecord *record)
{
  guint64 line = penal_csv_record_get_line (record);
  guint n_fields = penal_csv_record_get_n_fields (record);

  if (penal_csv_record_get_problem (record) != NULL)
    {
      penal_row_hand_over_unreadable (
          reader, line, g_strdup (penal_csv_record_get_problem (record)));
      return;
    }
  if (record_is_empty (record))
    {
      reader->empty++;
      return;
    }
  if (n_fields != reader->field_column->len)
    {
      penal_row_hand_over_unreadable (
          reader, line,
          g_strdup_printf (_ ("the row has %u fields, but the header has %u"),
                           n_fields, reader->field_column->len));
      return;
    }
  penal_row_start (reader, line);
  for (guint i = 0; i < n_fields; i++)
    {
      gint column = g_array_index (reader->field_column, gint, i);
      gint keep = g_array_index (reader->field_kept, gint, i);
      const char *text;
      gsize length;

      penal_csv_record_get_field (record, i, &text, &length);
      penal_row_trim (&text, &length);
      if (length > 0 && !g_array_index (reader->field_named, gboolean, i))
        penal_row_problem (
            reader, g_strdup_printf (_ ("column %u has no name in the "
                                        "header, but the row has a value in "
                                        "it"),
                                     i + 1));
      else if (column >= 0 || keep >= 0)
        penal_row_set_cell (reader, column, keep,
                            column >= 0
                                ? g_ptr_array_index (reader->names, column)
                                : g_ptr_array_index (reader->kept_names, keep),
                            text, length);
    }
  penal_row_hand_over (reader);
}

/* Each record the CSV reader hands over: the header, then the rows. */
static gboolean
take_csv_record (const PenalCsvRecord *record, gpointer user_data,
                 GError **error)
{
  PenalRowReader *reader = user_data;

  if (reader->have_header)
    {
      read_csv_record (reader, record);
      return !reader->stopped;
    }
  if (!read_header (reader, record))
    {
      g_propagate_error (error, g_steal_pointer (&reader->header_error));
      return FALSE;
    }
  reader->have_header = TRUE;
  return TRUE;
}

/* The CSV reader's end: the last record, and a header row there must be. */
static gboolean
finish_csv (PenalRowReader *reader, GError **error)
{
  if (!reader->stopped && !penal_csv_reader_finish (reader->csv, error))
    return FALSE;
  if (!reader->have_header && !reader->stopped)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   _ ("%s: no header row: the first row must name the "
                      "columns, for example offense,victim_age,offense_date"),
                   reader->input_name);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Pushed or read: the input in pieces of any size                      */

void
penal_row_reader_begin (PenalRowReader *reader, PenalRowFunc func,
                        gpointer user_data)
{
  g_return_if_fail (reader != NULL && func != NULL && reader->func == NULL);

  reader->func = func;
  reader->user_data = user_data;
  reader->row.cells = g_new0 (const char *, reader->names->len);
  reader->row.lengths = g_new0 (gsize, reader->names->len);
  reader->row.kept = g_new0 (const char *, reader->keep->len);
  reader->row.kept_lengths = g_new0 (gsize, reader->keep->len);
  reader->head = g_string_new (NULL);
}

static gboolean
feed_block (PenalRowReader *reader, const char *data, gsize n, GError **error)
{
  reader->bytes += n;
  if (reader->format == PENAL_BATCH_JSONL)
    {
      penal_row_jsonl_feed (reader, data, n);
      return TRUE;
    }
  return penal_csv_reader_feed (reader->csv, data, n, error);
}

/* The input's first bytes are in: refuse UTF-16, find the delimiter, and
 * read them. */
static gboolean
start (PenalRowReader *reader, GError **error)
{
  g_autoptr (GString) head = g_steal_pointer (&reader->head);
  gsize skip = 0;

  reader->started = TRUE;
  if (!refuse_utf16 (head->str, head->len, reader->input_name, error))
    return FALSE;
  if (reader->format == PENAL_BATCH_CSV)
    {
      reader->csv = penal_csv_reader_new (take_csv_record, reader);
      penal_csv_reader_set_delimiter (
          reader->csv, reader->delimiter != 0
                           ? reader->delimiter
                           : penal_csv_sniff_delimiter (
                               head->str, MIN (head->len, READ_BLOCK)));
    }
  else
    {
      reader->text = g_string_new (NULL);
      /* A UTF-8 byte order mark is not part of the first object. */
      if (head->len >= 3 && memcmp (head->str, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    }
  reader->bytes += skip;
  return feed_block (reader, head->str + skip, head->len - skip, error);
}

/* Whether the input's first bytes tell all the whole input would: its
 * encoding (4 bytes) and, for CSV, its delimiter (the first line, which
 * may run over line ends inside quotes).  At most a block is waited
 * for, as much as penal_row_reader_read() reads at once. */
static gboolean
head_is_enough (PenalRowReader *reader)
{
  const GString *head = reader->head;

  if (head->len >= READ_BLOCK)
    return TRUE;
  if (head->len < 4)
    return FALSE;
  return reader->format != PENAL_BATCH_CSV
         || penal_csv_header_line_complete (head->str, head->len);
}

/* Reads the next piece of the input, handing each row that is not empty
 * to the function penal_row_reader_begin() was given.  FALSE with an
 * error when the input is refused (its header, its encoding); then, or
 * once the function has stopped the reading, what comes later is
 * dropped. */
gboolean
penal_row_reader_feed (PenalRowReader *reader, const char *data, gsize n,
                       GError **error)
{
  g_return_val_if_fail (reader != NULL && reader->func != NULL, FALSE);

  if (reader->failed || reader->stopped || n == 0)
    return !reader->failed;
  if (reader->started)
    reader->failed = !feed_block (reader, data, n, error);
  else
    {
      g_string_append_len (reader->head, data, (gssize)n);
      if (head_is_enough (reader))
        reader->failed = !start (reader, error);
    }
  return !reader->failed;
}

/* The input has ended: reads what is left (a last line without its line
 * end) and says whether the input as a whole was read. */
gboolean
penal_row_reader_finish (PenalRowReader *reader, GError **error)
{
  g_return_val_if_fail (reader != NULL && reader->func != NULL, FALSE);

  if (reader->failed)
    return FALSE;
  if (!reader->started && !reader->stopped && reader->head->len > 0
      && !start (reader, error))
    return FALSE;
  if (reader->format == PENAL_BATCH_JSONL)
    return penal_row_jsonl_finish (reader, error);
  if (reader->csv == NULL)
    reader->csv = penal_csv_reader_new (take_csv_record, reader);
  return finish_csv (reader, error);
}

/* Whether the function given to penal_row_reader_begin() stopped the
 * reading. */
gboolean
penal_row_reader_stopped (PenalRowReader *reader)
{
  return reader->stopped;
}

/* Reads the whole input, handing each row that is not empty to func.
 * FALSE with an error when the header is refused or the input cannot be
 * read; TRUE, and nothing more read, when func stops it. */
gboolean
penal_row_reader_read (PenalRowReader *reader, FILE *in, PenalRowFunc func,
                       gpointer user_data, GError **error)
{
  g_autofree char *block = NULL;
  gsize n;

  g_return_val_if_fail (reader != NULL && in != NULL && func != NULL, FALSE);

  penal_row_reader_begin (reader, func, user_data);
  block = g_malloc (READ_BLOCK);
  while (!reader->stopped)
    {
      errno = 0;
      n = fread (block, 1, READ_BLOCK, in);
      if (n == 0 && ferror (in))
        {
          int saved = errno;

          g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                       _ ("%s: reading failed: %s"), reader->input_name,
                       g_strerror (saved != 0 ? saved : EIO));
          return FALSE;
        }
      if (n == 0)
        break;
      if (!penal_row_reader_feed (reader, block, n, error))
        return FALSE;
    }
  return reader->stopped || penal_row_reader_finish (reader, error);
}
