/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-json-line.c: one line of JSON Lines as a caseload must read it:
 * its members as written, and what json-glib lets pass but a caseload
 * must not.
 *
 * The top-level members of a line json-glib has read as one object, read
 * again from its text: json-glib keeps only the last of two members of one
 * name, and has turned a number into a double or a 64-bit integer by the
 * time it hands it over ("17.9999999" is 18, "1e1" is 10, an overflow
 * saturates).  A caseload must see each member as written, so this small
 * scanner gives each name, decoded, and each value as text: a string
 * decoded, a number, object or array exactly as written, true and false as
 * yes and no, null as not given.  The text is well-formed JSON already; a
 * byte the scanner does not expect ends it with NULL. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-json-line.h"

void
penal_json_member_clear (PenalJsonMember *member)
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

GArray *
penal_json_line_members (const char *text, gsize length)
{
  g_autoptr (GArray) members
      = g_array_new (FALSE, TRUE, sizeof (PenalJsonMember));
  gsize i = 0;

  g_array_set_clear_func (members, (GDestroyNotify)penal_json_member_clear);
  skip_space (text, length, &i);
  if (i >= length || text[i++] != '{')
    return NULL;
  skip_space (text, length, &i);
  if (i < length && text[i] == '}')
    return g_steal_pointer (&members);
  for (;;)
    {
      PenalJsonMember member = { NULL, NULL };
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
      g_array_index (members, PenalJsonMember, members->len - 1).value
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
const char *
penal_json_line_problem (const char *text, gsize length)
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
