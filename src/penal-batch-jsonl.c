/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch-jsonl.c: a caseload as JSON Lines, one object of facts per
 * line, as an API sends it: the row reader's other format
 * (penal-batch-input.c reads CSV).  Each line's members are read as
 * written (penal-json-line.c) and matched to the columns by key, as a CSV
 * header's names are; a member given twice, or naming nothing penal
 * reads, is a problem of its row. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-json-line.h"
#include "penal-rows-private.h"

static void
read_json_line (PenalRowReader *reader, const char *text, gsize length,
                guint64 line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) members = NULL;
  const char *problem;
  gboolean empty = TRUE;

  if (memchr (text, '\0', length) != NULL)
    {
      penal_row_hand_over_unreadable (
          reader, line, g_strdup (_ ("the line contains a NUL byte")));
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
  problem = penal_json_line_problem (text, length);
  if (problem != NULL)
    {
      penal_row_hand_over_unreadable (reader, line, g_strdup (problem));
      return;
    }
  if (reader->parser == NULL)
    reader->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (reader->parser, text, (gssize)length, &error)
      || json_parser_get_root (reader->parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (reader->parser)))
    {
      /* json-glib's message quotes the line, its escapes decoded: shown
       * escaped, so a message stays on one line of the output. */
      g_autofree char *shown
          = error != NULL ? penal_escape_untrusted (error->message) : NULL;

      penal_row_hand_over_unreadable (
          reader, line,
          shown != NULL ? g_strdup_printf (_ ("not a JSON object: %s"), shown)
                        : g_strdup (_ ("not a JSON object")));
      return;
    }
  members = penal_json_line_members (text, length);
  if (members == NULL)
    {
      penal_row_hand_over_unreadable (reader, line,
                                      g_strdup (_ ("not a JSON object")));
      return;
    }
  for (guint m = 0; m < members->len && empty; m++)
    {
      PenalJsonMember *member = &g_array_index (members, PenalJsonMember, m);

      if (member->value != NULL)
        {
          const char *value = member->value;
          gsize value_length = strlen (value);

          penal_row_trim (&value, &value_length);
          empty = value_length == 0;
        }
    }
  if (empty)
    {
      reader->empty++;
      return;
    }

  penal_row_start (reader, line);
  g_hash_table_remove_all (reader->seen);
  for (guint m = 0; m < members->len; m++)
    {
      PenalJsonMember *member = &g_array_index (members, PenalJsonMember, m);
      char *key = penal_row_column_key (member->name, strlen (member->name));
      gint column
          = GPOINTER_TO_INT (g_hash_table_lookup (reader->name_keys, key)) - 1;
      gint keep
          = GPOINTER_TO_INT (g_hash_table_lookup (reader->keep_keys, key)) - 1;
      const char *value = member->value;
      gsize value_length = value != NULL ? strlen (value) : 0;

      if (column < 0 && keep < 0)
        {
          g_autofree char *shown = NULL;
          g_autofree char *columns = NULL;

          if (reader->ignore_unknown)
            penal_row_note_ignored (reader, member->name, key);
          else
            {
              shown = penal_quote_untrusted (member->name);
              columns = penal_row_names_text (reader);
              penal_row_problem (
                  reader,
                  g_strdup_printf (_ ("unknown member “%s”; the members "
                                      "penal reads are %s (or give "
                                      "--ignore-unknown)"),
                                   shown, columns));
            }
          g_free (key);
          continue;
        }
      /* A repeated member is refused, as a repeated column or a fact given
       * twice on the command line is: taking either would be a guess. */
      if (!g_hash_table_add (reader->seen, key))
        {
          g_autofree char *shown = penal_quote_untrusted (member->name);

          penal_row_problem (reader, g_strdup_printf (_ ("%s: given more than "
                                                         "once; give each fact "
                                                         "once"),
                                                      shown));
          continue;
        }
      if (value == NULL)
        continue;
      penal_row_trim (&value, &value_length);
      penal_row_set_cell (reader, column, keep, member->name, value,
                          value_length);
    }
  penal_row_hand_over (reader);
}

/* One line of JSON Lines, without its line end; a line longer than the
 * cap is answered with an error row, its bytes not kept. */
static void
end_json_line (PenalRowReader *reader, GString *text, gboolean too_long,
               guint64 line)
{
  if (text->len > 0 && text->str[text->len - 1] == '\r')
    g_string_truncate (text, text->len - 1);
  if (too_long)
    penal_row_hand_over_unreadable (
        reader, line, g_strdup (_ ("the row is longer than 64 KiB")));
  else if (text->len > 0)
    read_json_line (reader, text->str, text->len, line);
}

/* A piece of the input: each line ended in it is read. */
void
penal_row_jsonl_feed (PenalRowReader *reader, const char *data, gsize n)
{
  gsize i = 0;

  while (i < n && !reader->stopped)
    {
      const char *newline = memchr (data + i, '\n', n - i);
      gsize end = newline != NULL ? (gsize)(newline - data) : n;

      if (!reader->too_long
          && reader->text->len + (end - i) > PENAL_BATCH_MAX_RECORD_LENGTH)
        {
          reader->too_long = TRUE;
          g_string_truncate (reader->text, 0);
        }
      if (!reader->too_long)
        g_string_append_len (reader->text, data + i, (gssize)(end - i));
      if (newline == NULL)
        break;
      i = end + 1;
      end_json_line (reader, reader->text, reader->too_long, ++reader->line);
      g_string_truncate (reader->text, 0);
      reader->too_long = FALSE;
    }
}

/* The input has ended: its last line, if it had no line end. */
gboolean
penal_row_jsonl_finish (PenalRowReader *reader, GError **error)
{
  if (!reader->stopped && reader->text != NULL
      && (reader->text->len > 0 || reader->too_long))
    end_json_line (reader, reader->text, reader->too_long, ++reader->line);
  if (reader->bytes == 0)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   _ ("%s: the input is empty; give one JSON object of facts "
                      "per line"),
                   reader->input_name);
      return FALSE;
    }
  return TRUE;
}
