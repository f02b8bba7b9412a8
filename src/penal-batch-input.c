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

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-batch-private.h"

/* ------------------------------------------------------------------ */
/* Either format                                                        */

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

/* Reading failed: says why (a directory, a closed standard input). */
static gboolean
reading_failed (int saved, const char *input_name, GError **error)
{
  g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
               _ ("%s: reading failed: %s"), input_name,
               g_strerror (saved != 0 ? saved : EIO));
  return FALSE;
}

/* Reads the next block; FALSE at the end of the input, or on an error,
 * which *out_failed then says. */
static gboolean
read_block (FILE *in, char *block, gsize *out_n, gboolean first,
            const char *input_name, gboolean *out_failed, GError **error)
{
  errno = 0;
  *out_n = fread (block, 1, READ_BLOCK, in);
  *out_failed = FALSE;
  if (*out_n == 0 && ferror (in))
    {
      *out_failed = TRUE;
      return reading_failed (errno, input_name, error);
    }
  if (first && *out_n > 0 && !refuse_utf16 (block, *out_n, input_name, error))
    {
      *out_failed = TRUE;
      return FALSE;
    }
  return *out_n > 0;
}

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
      /* A NUL would cut the name short, and "offense\0x" be read as
       * offense. */
      if (memchr (text, '\0', length) != NULL)
        {
          g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                       _ ("%s:%u: column %u of the header holds a NUL byte"),
                       input_name, line, i + 1);
          return FALSE;
        }
      name = g_strndup (text, length);
      if (penal_model_lookup_fact (batch->model, name, &fact) != NULL)
        {
          if (!g_hash_table_add (seen, GUINT_TO_POINTER (fact + 1)))
            {
              g_autofree char *shown = penal_quote_untrusted (name);

              g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                           _ ("%s:%u: column “%s” appears twice"), input_name,
                           line, shown);
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
  gboolean ok = TRUE, failed = FALSE, first = TRUE;
  gsize n;

  while (ok && read_block (in, block, &n, first, input_name, &failed, error))
    {
      first = FALSE;
      ok = penal_csv_reader_feed (reader, block, n, error)
           && !batch->write_failed;
    }
  if (failed)
    ok = FALSE;
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

/* The top-level members of a line json-glib has read as one object, read
 * again from its text: json-glib keeps only the last of two members of one
 * name, and has turned a number into a double or a 64-bit integer by the
 * time it hands it over ("17.9999999" is 18, "1e1" is 10, an overflow
 * saturates).  A caseload must see each member as written, so this small
 * scanner gives each name, decoded, and each value as text: a string
 * decoded, a number, object or array exactly as written, true and false as
 * yes and no, null as not given.  The text is well-formed JSON already; a
 * byte the scanner does not expect ends it with NULL. */
typedef struct
{
  char *name;
  char *value; /* NULL: null, not given */
} JsonMember;

static void
json_member_clear (JsonMember *member)
{
  g_free (member->name);
  g_free (member->value);
}

static void
skip_space (const char *text, gsize length, gsize *i)
{
  while (*i < length
         && (text[*i] == ' ' || text[*i] == '\t' || text[*i] == '\n'
             || text[*i] == '\r'))
    (*i)++;
}

static gboolean
read_hex4 (const char *text, gsize length, gsize at, gunichar *out)
{
  *out = 0;
  if (at + 4 > length)
    return FALSE;
  for (gsize k = at; k < at + 4; k++)
    {
      int digit = g_ascii_xdigit_value (text[k]);

      if (digit < 0)
        return FALSE;
      *out = *out * 16 + (gunichar)digit;
    }
  return TRUE;
}

/* A string at text[*i] == '"', decoded; *i moves past it. */
static char *
scan_string (const char *text, gsize length, gsize *i)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for ((*i)++; *i < length; (*i)++)
    {
      char c = text[*i];
      gunichar u, low;

      if (c == '"')
        {
          (*i)++;
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      if (++(*i) >= length)
        return NULL;
      switch (text[*i])
        {
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          if (!read_hex4 (text, length, *i + 1, &u))
            return NULL;
          *i += 4;
          /* A surrogate pair is one character. */
          if (u >= 0xD800 && u <= 0xDBFF && *i + 6 < length
              && text[*i + 1] == '\\' && text[*i + 2] == 'u'
              && read_hex4 (text, length, *i + 3, &low) && low >= 0xDC00
              && low <= 0xDFFF)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              *i += 6;
            }
          if (u >= 0xD800 && u <= 0xDFFF)
            u = 0xFFFD;
          g_string_append_unichar (out, u);
          break;
        default: /* " \ / */
          g_string_append_c (out, text[*i]);
          break;
        }
    }
  return NULL;
}

/* Moves *i past the value at it, whatever it is; FALSE if it cannot. */
static gboolean
skip_value (const char *text, gsize length, gsize *i)
{
  int depth = 0;

  do
    {
      if (*i >= length)
        return FALSE;
      if (text[*i] == '"')
        {
          g_autofree char *skipped = scan_string (text, length, i);

          if (skipped == NULL)
            return FALSE;
          continue;
        }
      if (text[*i] == '{' || text[*i] == '[')
        depth++;
      else if (text[*i] == '}' || text[*i] == ']')
        depth--;
      else if (depth == 0)
        {
          /* A number or a literal, as written. */
          while (*i < length && strchr (",}] \t\r\n", text[*i]) == NULL)
            (*i)++;
          return TRUE;
        }
      (*i)++;
    }
  while (depth > 0);
  return TRUE;
}

static GArray *
json_members (const char *text, gsize length)
{
  g_autoptr (GArray) members = g_array_new (FALSE, TRUE, sizeof (JsonMember));
  gsize i = 0;

  g_array_set_clear_func (members, (GDestroyNotify)json_member_clear);
  skip_space (text, length, &i);
  if (i >= length || text[i++] != '{')
    return NULL;
  skip_space (text, length, &i);
  if (i < length && text[i] == '}')
    return g_steal_pointer (&members);
  for (;;)
    {
      JsonMember member = { NULL, NULL };
      gsize start;

      skip_space (text, length, &i);
      if (i >= length || text[i] != '"'
          || (member.name = scan_string (text, length, &i)) == NULL)
        return NULL;
      g_array_append_val (members, member);
      skip_space (text, length, &i);
      if (i >= length || text[i++] != ':')
        return NULL;
      skip_space (text, length, &i);
      start = i;
      if (i < length && text[i] == '"')
        {
          member.value = scan_string (text, length, &i);
          if (member.value == NULL)
            return NULL;
        }
      else if (skip_value (text, length, &i))
        {
          g_autofree char *written = g_strndup (text + start, i - start);

          if (g_str_equal (written, "true") || g_str_equal (written, "false"))
            member.value = g_strdup (written[0] == 't' ? "yes" : "no");
          else if (!g_str_equal (written, "null"))
            member.value = g_steal_pointer (&written);
        }
      else
        return NULL;
      g_array_index (members, JsonMember, members->len - 1).value
          = member.value;
      skip_space (text, length, &i);
      if (i < length && text[i] == ',')
        {
          i++;
          continue;
        }
      if (i < length && text[i] == '}')
        return g_steal_pointer (&members);
      return NULL;
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
  g_autoptr (GArray) members = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

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
      /* json-glib's message quotes the line, its escapes decoded: shown
       * escaped, so a message stays on one line of the output. */
      g_autofree char *shown
          = error != NULL ? penal_escape_untrusted (error->message) : NULL;
      g_autofree char *message
          = shown != NULL ? g_strdup_printf (_ ("not a JSON object: %s"), shown)
                          : g_strdup (_ ("not a JSON object"));
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line, message);
      return;
    }
  members = json_members (text, length);
  if (members == NULL)
    {
      batch->counts->rows++;
      penal_batch_write_error_row (batch, line, _ ("not a JSON object"));
      return;
    }
  for (guint f = 0; f < batch->model->facts->len; f++)
    batch->values[f] = NULL;
  for (guint m = 0; m < members->len; m++)
    {
      const JsonMember *member = &g_array_index (members, JsonMember, m);
      const PenalFactDecl *decl;
      guint fact;

      decl = penal_model_lookup_fact (batch->model, member->name, &fact);
      if (decl == NULL)
        {
          g_autofree char *shown = NULL;
          g_autofree char *message = NULL;

          if (batch->ignore_unknown)
            continue;
          shown = penal_quote_untrusted (member->name);
          message = g_strdup_printf (
              _ ("unknown fact “%s” (or give --ignore-unknown)"), shown);
          batch->counts->rows++;
          penal_batch_write_error_row (batch, line, message);
          return;
        }
      /* A repeated member is refused, as a repeated column or a fact given
       * twice on the command line is: taking either would be a guess. */
      if (!g_hash_table_add (seen, GUINT_TO_POINTER (fact + 1)))
        {
          g_autofree char *message = g_strdup_printf (
              _ ("%s: given more than once; give each fact once"), decl->name);
          batch->counts->rows++;
          penal_batch_write_error_row (batch, line, message);
          return;
        }
      if (member->value == NULL)
        continue;
      batch->values[fact] = member->value;
      batch->lengths[fact] = strlen (member->value);
    }
  penal_batch_process_row (batch, line);
}

/* One line of JSON Lines, without its line end; a line longer than the
 * cap is answered with an error row, its bytes not kept. */
static void
end_json_line (Batch *batch, JsonParser *parser, GString *text,
               gboolean too_long, guint64 line)
{
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
}

gboolean
penal_batch_run_jsonl (Batch *batch, FILE *in, const char *input_name,
                       GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *block = g_malloc (READ_BLOCK);
  guint64 line = 0, bytes = 0;
  gboolean too_long = FALSE, failed = FALSE, first = TRUE;
  gsize n;

  while (!batch->write_failed
         && read_block (in, block, &n, first, input_name, &failed, error))
    {
      gsize i = 0;

      /* A UTF-8 byte order mark is not part of the first object. */
      if (first && n >= 3 && memcmp (block, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
      first = FALSE;
      bytes += n;
      while (i < n && !batch->write_failed)
        {
          const char *newline = memchr (block + i, '\n', n - i);
          gsize end = newline != NULL ? (gsize)(newline - block) : n;

          if (!too_long
              && text->len + (end - i) > PENAL_BATCH_MAX_RECORD_LENGTH)
            {
              too_long = TRUE;
              g_string_truncate (text, 0);
            }
          if (!too_long)
            g_string_append_len (text, block + i, (gssize)(end - i));
          i = end;
          if (newline == NULL)
            break;
          i++;
          end_json_line (batch, parser, text, too_long, ++line);
          g_string_truncate (text, 0);
          too_long = FALSE;
        }
    }
  if (failed)
    return FALSE;
  if (!batch->write_failed && (text->len > 0 || too_long))
    end_json_line (batch, parser, text, too_long, ++line);
  if (bytes == 0)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   _ ("%s: the input is empty; give one JSON object of facts "
                      "per line"),
                   input_name);
      return FALSE;
    }
  return TRUE;
}
