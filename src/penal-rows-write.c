/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-rows-write.c: what every command that answers a caseload row by
 * row writes the same way (penal batch, penal audit): a CSV cell, a JSON
 * string, the kept columns' names, and a row's start: its kept cells and
 * the line its record starts on. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-rows-run.h"
#include "penal-string.h"

/* A CSV cell, quoted when it must be; a cell that a spreadsheet would
 * take for a formula is written with a ' before it. */
void
penal_row_append_csv_cell (GString *out, const char *text, gssize length)
{
  gsize n = length < 0 ? (text != NULL ? strlen (text) : 0) : (gsize)length;
  gboolean formula, quote;

  /* An empty cell, or none (NULL), is written as nothing. */
  if (n == 0)
    return;
  formula = strchr ("=+-@\t\r", text[0]) != NULL;
  quote = formula;

  for (gsize i = 0; i < n && !quote; i++)
    quote = text[i] == ',' || text[i] == '"' || text[i] == '\r'
            || text[i] == '\n';
  if (!quote)
    {
      penal_string_append (out, text, n);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (gsize i = 0; i < n; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

/* A JSON string, escaped as json-glib escapes one: ", \\, the C0 controls
 * (\b \f \n \r \t by name) and DEL; the rest, valid UTF-8 already, as it
 * is.  Written here rather than by a JsonGenerator, which costs more than
 * the rest of a row. */
void
penal_row_append_json_string (GString *out, const char *text, gssize length)
{
  gsize n = length < 0 ? strlen (text) : (gsize)length;
  gsize start = 0;

  g_string_append_c (out, '"');
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)text[i];

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, text + start, (gssize)(i - start));
      start = i + 1;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }
  g_string_append_len (out, text + start, (gssize)(n - start));
  g_string_append_c (out, '"');
}

/* How every JSON Lines row begins, an answer or an error: its format,
 * then the line its record starts on. */
#define JSONL_ROW_START                                                        \
  "{\"format_version\":" G_STRINGIFY (PENAL_JSON_FORMAT_VERSION) ",\"line\":"

/* The CSV header's first cells: the kept columns, as the input names
 * them, each with its comma. */
void
penal_row_append_kept_names (GString *out, PenalRowReader *reader)
{
  guint n_kept = penal_row_reader_get_n_kept (reader);

  for (guint k = 0; k < n_kept; k++)
    {
      penal_row_append_csv_cell (
          out, penal_row_reader_get_kept_name (reader, k), -1);
      g_string_append_c (out, ',');
    }
}

/* A row's start: the kept cells and the line (CSV), or the object's
 * first members (JSON), with no comma after them. */
void
penal_row_append_start (GString *out, PenalRowReader *reader,
                        const PenalRow *row, gboolean json)
{
  guint n_kept = penal_row_reader_get_n_kept (reader);
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 line = row->line;

  *--p = '\0';
  do
    *--p = (char)('0' + line % 10);
  while ((line /= 10) > 0);
  if (!json)
    {
      for (guint k = 0; k < n_kept; k++)
        {
          if (row->kept[k] != NULL)
            penal_row_append_csv_cell (out, row->kept[k],
                                       (gssize)row->kept_lengths[k]);
          penal_string_append (out, ",", 1);
        }
      penal_string_append (out, p, (gsize)(digits + sizeof digits - 1 - p));
      return;
    }
  g_string_append (out, JSONL_ROW_START);
  g_string_append (out, p);
  if (n_kept == 0)
    return;
  g_string_append (out, ",\"kept\":{");
  for (guint k = 0; k < n_kept; k++)
    {
      if (k > 0)
        g_string_append_c (out, ',');
      penal_row_append_json_string (
          out, penal_row_reader_get_kept_name (reader, k), -1);
      g_string_append_c (out, ':');
      if (row->kept[k] != NULL)
        penal_row_append_json_string (out, row->kept[k],
                                      (gssize)row->kept_lengths[k]);
      else
        g_string_append (out, "null");
    }
  g_string_append_c (out, '}');
}

/* The start of a caseload's summary line: how many rows, then how many
 * of each kind (by_kind[n_kinds]) that has any, named by code_of as the
 * rows write it; "-" when none has. */
void
penal_row_summary_start (GString *out, guint64 rows, const guint64 *by_kind,
                         guint n_kinds, const char *(*code_of) (guint kind))
{
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, rows);
  g_autoptr (GString) kinds = g_string_new (NULL);

  for (guint k = 0; k < n_kinds; k++)
    if (by_kind[k] > 0)
      g_string_append_printf (kinds, "%s%" G_GUINT64_FORMAT " %s",
                              kinds->len > 0 ? ", " : "", by_kind[k],
                              code_of (k));
  /* TRANSLATORS: "6 rows: 3 decided, 2 needs-facts, 1 error"; the words
     after the colon are codes, as the rows write them. */
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%s row: %s",
                                       "%s rows: %s",
                                       (gulong)MIN (rows, G_MAXULONG)),
                          count, kinds->len > 0 ? kinds->str : "-");
}

/* The end of a caseload's summary line, and the line after it: how many
 * rows of empty cells were skipped, and which columns --ignore-unknown
 * skipped (NULL: none). */
void
penal_row_summary_end (GString *out, guint64 empty, char **ignored)
{
  if (empty > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, empty);

      g_string_append (out, "; ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s empty row skipped",
                                           "%s empty rows skipped",
                                           (gulong)MIN (empty, G_MAXULONG)),
                              count);
    }
  g_string_append_c (out, '\n');
  if (ignored != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", ignored);

      /* TRANSLATORS: the columns (or JSON members) --ignore-unknown
         skipped, as the input names them. */
      g_string_append_printf (out, _ ("columns ignored: %s"), names);
      g_string_append_c (out, '\n');
    }
}
