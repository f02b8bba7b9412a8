/* penal-batch-input.c: the caseload as penal batch reads it: CSV through
 * the RFC 4180 reader (penal-csv.c), whose header row names the facts, or
 * one JSON object of facts per line.
 *
 * Either way each row's values are laid out per fact, as the text given
 * (not NUL-terminated) or none, and handed to penal_batch_process_row();
 * a row that cannot be read becomes an error row with the line it starts
 * on, and the next row is read as if nothing happened.  Only a bad header
 * stops the batch. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-batch-private.h"

/* ------------------------------------------------------------------ */
/* CSV                                                                  */

typedef struct
{
  Batch *batch;
  const char *input_name;
  gboolean have_header;
} CsvInput;

static gboolean
read_header (Batch *batch, const PenalCsvRecord *record, const char *input_name,
             GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint line = (guint)penal_csv_record_get_line (record);

  g_array_set_size (batch->columns, 0);
  for (guint i = 0; i < penal_csv_record_get_n_fields (record); i++)
    {
      const char *text;
      gsize length;
      g_autofree char *name = NULL;
      guint fact;
      gint column = -1;

      penal_csv_record_get_field (record, i, &text, &length);
      name = g_strndup (text, length);
      if (penal_model_lookup_fact (batch->model, name, &fact) != NULL)
        {
          if (!g_hash_table_add (seen, GUINT_TO_POINTER (fact + 1)))
            {
              g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                           _ ("%s:%u: column “%s” appears twice"), input_name,
                           line, name);
              return FALSE;
            }
          column = (gint)fact;
        }
      else if (!batch->ignore_unknown)
        {
          g_autofree char *shown = penal_quote_untrusted (name);
          g_autoptr (GString) known = g_string_new (NULL);

          for (guint f = 0; f < batch->model->facts->len; f++)
            g_string_append_printf (
                known, "%s%s", f > 0 ? ", " : "",
                ((PenalFactDecl *)g_ptr_array_index (batch->model->facts, f))
                    ->name);
          g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                       _ ("%s:%u: unknown column “%s”; the columns are facts: "
                          "%s (or give --ignore-unknown)"),
                       input_name, line, shown, known->str);
          return FALSE;
        }
      g_array_append_val (batch->columns, column);
    }
  return TRUE;
}

static void
process_csv_record (Batch *batch, const PenalCsvRecord *record)
{
  guint64 line = penal_csv_record_get_line (record);
  guint n_fields = penal_csv_record_get_n_fields (record);

  if (penal_csv_record_get_problem (record) != NULL)
    {
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line,
                                   penal_csv_record_get_problem (record));
      return;
    }
  if (n_fields != batch->columns->len)
    {
      g_autofree char *message
          = g_strdup_printf (_ ("the row has %u fields, but the header has %u"),
                             n_fields, batch->columns->len);
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line, message);
      return;
    }
  for (guint f = 0; f < batch->model->facts->len; f++)
    batch->values[f] = NULL;
  for (guint i = 0; i < n_fields; i++)
    {
      gint fact = g_array_index (batch->columns, gint, i);
      const char *text;
      gsize length;

      if (fact < 0)
        continue;
      penal_csv_record_get_field (record, i, &text, &length);
      /* An empty cell is a fact not given. */
      if (length == 0)
        continue;
      batch->values[fact] = text;
      batch->lengths[fact] = length;
    }
  penal_batch_process_row (batch, line);
}

/* Each record the reader hands over: the header, then the rows. */
static gboolean
take_csv_record (const PenalCsvRecord *record, gpointer user_data,
                 GError **error)
{
  CsvInput *input = user_data;

  if (input->have_header)
    {
      process_csv_record (input->batch, record);
      return TRUE;
    }
  if (penal_csv_record_get_problem (record) != NULL)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   "%s:%u: %s", input->input_name,
                   (guint)penal_csv_record_get_line (record),
                   penal_csv_record_get_problem (record));
      return FALSE;
    }
  if (!read_header (input->batch, record, input->input_name, error))
    return FALSE;
  input->have_header = TRUE;
  return TRUE;
}

gboolean
penal_batch_run_csv (Batch *batch, FILE *in, const char *input_name,
                     GError **error)
{
  g_autofree char *block = g_malloc (READ_BLOCK);
  CsvInput input = { batch, input_name, FALSE };
  g_autoptr (PenalCsvReader) reader
      = penal_csv_reader_new (take_csv_record, &input);
  gboolean ok = TRUE;
  gsize n;

  while (ok && (n = fread (block, 1, READ_BLOCK, in)) > 0)
    ok = penal_csv_reader_feed (reader, block, n, error)
         && !batch->write_failed;
  if (ok && ferror (in))
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _ ("%s: reading failed"), input_name);
      ok = FALSE;
    }
  if (ok)
    ok = penal_csv_reader_finish (reader, error);
  if (ok && !input.have_header)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   _ ("%s: no header row: the first row must name the facts, "
                      "for example offense,victim_age,offense_date"),
                   input_name);
      ok = FALSE;
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* JSON Lines                                                           */

static char *
json_value_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "yes" : "no");
    default:
      /* A fractional number is never a valid fact value. */
      return g_strdup_printf ("%g", json_node_get_double (node));
    }
}

/* What json-glib lets pass on one line but a caseload must not: a second
 * value after the object (json-glib reads the first and ignores the rest,
 * which would lose a case), and an escaped NUL in a string (the value
 * would be cut at it).  NULL if the line is sound. */
static const char *
json_line_problem (const char *text, gsize length)
{
  gsize i = 0;
  int depth = 0;
  gboolean in_string = FALSE;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  if (i == length || (text[i] != '{' && text[i] != '['))
    return NULL; /* the parser's own message is better */
  for (; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (text[i + 1] == 'u' && i + 5 < length
                  && memcmp (text + i + 2, "0000", 4) == 0)
                return _ ("a string holds an escaped NUL (\\u0000)");
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        {
          for (i++; i < length; i++)
            if (!g_ascii_isspace (text[i]))
              return _ ("more than one JSON value on the line; give one object "
                        "per line");
          return NULL;
        }
    }
  return NULL;
}

static void
process_json_line (Batch *batch, JsonParser *parser, const char *text,
                   gsize length, guint64 line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (memchr (text, '\0', length) != NULL)
    {
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line,
                                   _ ("the line contains a NUL byte"));
      return;
    }
  {
    gsize i = 0;

    /* A line of spaces is blank, like an empty one. */
    while (i < length && g_ascii_isspace (text[i]))
      i++;
    if (i == length)
      return;
  }
  if (json_line_problem (text, length) != NULL)
    {
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line,
                                   json_line_problem (text, length));
      return;
    }
  if (!json_parser_load_from_data (parser, text, (gssize)length, &error)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_autofree char *message
          = error != NULL
                ? g_strdup_printf (_ ("not a JSON object: %s"), error->message)
                : g_strdup (_ ("not a JSON object"));
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line, message);
      return;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint f = 0; f < batch->model->facts->len; f++)
    batch->values[f] = NULL;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      guint fact;
      char *value;

      if (penal_model_lookup_fact (batch->model, name, &fact) == NULL)
        {
          g_autofree char *shown = NULL;
          g_autofree char *message = NULL;

          if (batch->ignore_unknown)
            continue;
          shown = penal_quote_untrusted (name);
          message = g_strdup_printf (
              _ ("unknown fact “%s” (or give --ignore-unknown)"), shown);
          batch->counts->rows++;
          penal_batch_write_error_row (batch, line, message);
          return;
        }
      value = json_value_text (member);
      if (value == NULL)
        continue;
      g_ptr_array_add (owned, value);
      batch->values[fact] = value;
      batch->lengths[fact] = strlen (value);
    }
  penal_batch_process_row (batch, line);
}

gboolean
penal_batch_run_jsonl (Batch *batch, FILE *in, const char *input_name,
                       GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GString) text = g_string_new (NULL);
  guint64 line = 0;
  gboolean too_long = FALSE;
  int c;

  do
    {
      c = getc (in);
      if (c != EOF && c != '\n')
        {
          if (text->len <= PENAL_CSV_MAX_RECORD_LENGTH)
            g_string_append_c (text, (char)c);
          else
            too_long = TRUE;
          continue;
        }
      if (c == EOF && text->len == 0 && !too_long)
        break;
      line++;
      if (text->len > 0 && text->str[text->len - 1] == '\r')
        g_string_truncate (text, text->len - 1);
      if (too_long)
        {
          batch->counts->rows++;
          penal_batch_write_error_row (batch, line,
                                       _ ("the row is longer than 64 KiB"));
        }
      else if (text->len > 0)
        process_json_line (batch, parser, text->str, text->len, line);
      g_string_truncate (text, 0);
      too_long = FALSE;
    }
  while (c != EOF && !batch->write_failed);

  if (ferror (in))
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _ ("%s: reading failed"), input_name);
      return FALSE;
    }
  return TRUE;
}
