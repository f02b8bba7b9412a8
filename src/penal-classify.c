/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-classify.c: one case from facts to its written answer, as
 * `penal classify` and the server's /api/v1/classify give it, and the
 * facts of a case read from a JSON object.
 *
 * Both front ends call the same function, so the server's answer is the
 * command line's, byte for byte. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-facts.h"
#include "penal-render.h"
#include "penal.h"

/* Checks that each fact applies, answers on the offense date (today when
 * not given, and the answer says so), and renders the answer as text or JSON
 * (ending with a new line).  (transfer full) */
char *
penal_classify (const PenalModel *model, const PenalFacts *facts,
                PenalFormat format, GError **error)
{
  g_autoptr (PenalOutcome) outcome = NULL;

  g_return_val_if_fail (model != NULL && facts != NULL, NULL);

  if (!penal_facts_check_applicable (facts, error))
    return NULL;
  outcome = penal_answer (model, facts, error);
  if (outcome == NULL)
    return NULL;
  if (format == PENAL_FORMAT_JSON)
    {
      g_autofree char *json = penal_render_json_string (model, outcome, TRUE);
      return g_strconcat (json, "\n", NULL);
    }
  return penal_render_text (model, outcome);
}

/* A JSON member's value as a fact's text: strings as they are, whole
 * numbers in digits, true and false as yes and no; NULL for null.  Any
 * other value is kept as text no fact accepts, so the fact's own message
 * says what it takes. */
static char *
member_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (JSON_NODE_HOLDS_ARRAY (node) ? "[…]" : "{…}");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "yes" : "no");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup_printf ("%g", json_node_get_double (node));
}

/* Where the first JSON value in text ends, or length if it does not:
 * json-glib reads the first value and ignores whatever follows, and a
 * request with two objects must not be answered as if it had one. */
static gsize
first_value_end (const char *text, gsize length)
{
  gsize depth = 0;
  gboolean quoted = FALSE;

  for (gsize at = 0; at < length; at++)
    {
      if (quoted)
        {
          if (text[at] == '\\')
            at++;
          else if (text[at] == '"')
            quoted = FALSE;
          continue;
        }
      switch (text[at])
        {
        case '"':
          quoted = TRUE;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth > 0 && --depth == 0)
            return at + 1;
          break;
        default:
          break;
        }
    }
  return length;
}

static gboolean
only_spaces (const char *text, gsize length)
{
  for (gsize at = 0; at < length; at++)
    if (!g_ascii_isspace (text[at]))
      return FALSE;
  return TRUE;
}

/* The facts in a JSON object, {"offense": "patronizing", "victim_age": 30},
 * each checked as on the command line, with the same messages.
 * (transfer full) */
PenalFacts *
penal_facts_new_from_json (const PenalModel *model, const char *json,
                           gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (PenalFacts) facts = NULL;
  g_autoptr (GError) parse_error = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gsize end;

  g_return_val_if_fail (model != NULL && json != NULL, NULL);

  end = first_value_end (json, length);
  if (memchr (json, '\0', length) != NULL
      || !only_spaces (json + end, length - end)
      || !json_parser_load_from_data (parser, json, (gssize)length,
                                      &parse_error)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_SYNTAX,
                   _ ("the facts must be one JSON object, for example "
                      "{\"offense\": \"patronizing\", \"victim_age\": 30}"));
      return NULL;
    }
  facts = penal_facts_new (model);
  json_object_iter_init (&iter,
                         json_node_get_object (json_parser_get_root (parser)));
  while (json_object_iter_next (&iter, &name, &member))
    {
      g_autofree char *value = member_text (member);

      if (value != NULL && !penal_facts_set (facts, name, value, error))
        return NULL;
    }
  return g_steal_pointer (&facts);
}
