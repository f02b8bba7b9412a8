/* penal-rows-write.c: what every command that answers a caseload row by
 * row writes the same way (penal batch, penal audit): a CSV cell, a JSON
 * string, the kept columns' names, and a row's start: its kept cells and
 * the line its record starts on. */
#include "config.h"

#include <string.h>

#include "penal-json.h"
#include "penal-rows.h"

/* A CSV cell, quoted when it must be; a cell that a spreadsheet would
 * take for a formula is written with a ' before it. */
void
penal_row_append_csv_cell (GString *out, const char *text, gssize length)
{
  gsize n = length < 0 ? (text != NULL ? strlen (text) : 0) : (gsize)length;
  gboolean formula = n > 0 && strchr ("=+-@\t\r", text[0]) != NULL;
  gboolean quote = formula;

  for (gsize i = 0; i < n && !quote; i++)
    quote = text[i] == ',' || text[i] == '"' || text[i] == '\r'
            || text[i] == '\n';
  if (!quote)
    {
      g_string_append_len (out, text, (gssize)n);
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

void
penal_row_append_json_string (GString *out, const char *text, gssize length)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *value
      = length < 0 ? g_strdup (text) : g_strndup (text, (gsize)length);
  g_autofree char *quoted = NULL;

  json_node_set_string (node, value);
  quoted = penal_json_to_string (node, FALSE);
  g_string_append (out, quoted);
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
          g_string_append_c (out, ',');
        }
      g_string_append (out, p);
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
