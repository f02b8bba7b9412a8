/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-facts.c: the facts of one case, parsed and checked against the
 * domains the statute files declare.
 *
 * A PenalFacts holds one 64-bit value and a "known" flag per fact of the
 * model (see penal-model-private.h for how each type maps to an integer).
 * Values typed by a person are never trusted: they are length-capped, checked
 * for UTF-8 and quoted back sanitised in error messages. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-facts.h"
#include "penal-model-private.h"

G_DEFINE_QUARK (penal - facts - error - quark, penal_facts_error)

/* Longer values cannot be meaningful and are refused before parsing. */
#define MAX_VALUE_LENGTH 64

struct _PenalFacts
{
  const PenalModel *model;
  guint n_facts;
  gint64 *values;
  gboolean *known;
};

PenalFacts *
penal_facts_new (const PenalModel *model)
{
  PenalFacts *facts;

  g_return_val_if_fail (model != NULL, NULL);

  facts = g_new0 (PenalFacts, 1);
  facts->model = model;
  facts->n_facts = model->facts->len;
  facts->values = g_new0 (gint64, facts->n_facts);
  facts->known = g_new0 (gboolean, facts->n_facts);
  return facts;
}

PenalFacts *
penal_facts_copy (const PenalFacts *facts)
{
  PenalFacts *copy;

  g_return_val_if_fail (facts != NULL, NULL);

  copy = penal_facts_new (facts->model);
  memcpy (copy->values, facts->values, sizeof (gint64) * facts->n_facts);
  memcpy (copy->known, facts->known, sizeof (gboolean) * facts->n_facts);
  return copy;
}

void
penal_facts_free (PenalFacts *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->values);
  g_free (facts->known);
  g_free (facts);
}

void
penal_facts_clear (PenalFacts *facts)
{
  g_return_if_fail (facts != NULL);
  memset (facts->known, 0, sizeof (gboolean) * facts->n_facts);
}

/* Does the character act on a terminal rather than show: a control
 * character (C0, DEL, C1: an escape sequence's start, U+009B), a format
 * character (a byte order mark, the bidi overrides and isolates such as
 * U+202E, the zero-width ones), a line or paragraph separator? */
static gboolean
acts_on_terminal (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Appends at most max_chars characters of text (all of them: -1) as
 * penal_escape_untrusted() shows them; returns how many it left out. */
static glong
append_escaped (GString *out, const char *text, glong max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong n = 0;
  const char *p = valid;

  for (; *p != '\0' && (max_chars < 0 || n < max_chars);
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!acts_on_terminal (c))
        g_string_append_unichar (out, c);
      else if (c <= 0xFFFF)
        g_string_append_printf (out, "\\u%04X", (guint)c);
      else
        g_string_append_printf (out, "\\U%08X", (guint)c);
    }
  return *p != '\0' ? g_utf8_strlen (p, -1) : 0;
}

/* (transfer full) Text from outside (a file name, an option, a statute
 * file's words) as it may be shown: invalid UTF-8 as U+FFFD, and every
 * character that would act on a terminal rather than show written as
 * \uXXXX, so that no text can reorder, recolour or clear what a reader
 * sees. */
char *
penal_escape_untrusted (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text, -1);
  return g_string_free (out, FALSE);
}

/* Returns a copy of untrusted text that is safe to print inside quotes:
 * as penal_escape_untrusted() shows it, at most a few dozen characters. */
char *
penal_quote_untrusted (const char *text)
{
  GString *out = g_string_new (NULL);

  if (append_escaped (out, text, 40) > 0)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static char *
describe_allowed (const PenalFactDecl *decl)
{
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_INTEGER:
      return g_strdup_printf (_ ("a whole number from %lld to %lld"),
                              (long long)decl->min, (long long)decl->max);
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup (_ ("yes or no (also true/false, 1/0)"));
    case PENAL_FACT_TYPE_ENUM:
      {
        g_autofree char *list = g_strjoinv (", ", decl->values);
        return g_strdup_printf (_ ("one of %s"), list);
      }
    case PENAL_FACT_TYPE_DATE:
      return g_strdup (_ ("a calendar date written YYYY-MM-DD"));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_boolean (const char *text, gint64 *out_value)
{
  static const char *const yes[] = { "yes", "true", "1", "y", NULL };
  static const char *const no[] = { "no", "false", "0", "n", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out_value = 1;
        return TRUE;
      }
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out_value = 0;
        return TRUE;
      }
  return FALSE;
}

gboolean
penal_facts_set (PenalFacts *facts, const char *name, const char *value,
                 GError **error)
{
  const PenalFactDecl *decl;
  g_autofree char *allowed = NULL;
  g_autofree char *shown = NULL;
  guint index;
  gint64 parsed = 0;
  gboolean well_formed = FALSE;
  gboolean in_domain = FALSE;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (name != NULL && value != NULL, FALSE);

  decl = penal_model_lookup_fact (facts->model, name, &index);
  if (decl == NULL)
    {
      g_autofree char *shown_name = penal_quote_untrusted (name);
      g_autoptr (GString) known = g_string_new (NULL);

      for (guint i = 0; i < facts->model->facts->len; i++)
        {
          const PenalFactDecl *d = g_ptr_array_index (facts->model->facts, i);
          g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", d->name);
        }
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_UNKNOWN_FACT,
                   _ ("unknown fact “%s”; the facts are: %s"), shown_name,
                   known->str);
      return FALSE;
    }

  allowed = describe_allowed (decl);
  shown = penal_quote_untrusted (value);

  if (facts->known[index])
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_DUPLICATE,
                   _ ("%s: given more than once; give each fact once"),
                   decl->name);
      return FALSE;
    }

  if (strlen (value) <= MAX_VALUE_LENGTH && g_utf8_validate (value, -1, NULL))
    switch (decl->type)
      {
      case PENAL_FACT_TYPE_INTEGER:
        {
          g_autoptr (GError) number_error = NULL;

          /* Parse over the widest range first, so a number outside the
           * domain is told apart from something that is not a number. */
          well_formed = g_ascii_string_to_signed (
              value, 10, G_MININT64, G_MAXINT64, &parsed, &number_error);
          if (!well_formed
              && g_error_matches (number_error, G_NUMBER_PARSER_ERROR,
                                  G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
            well_formed = TRUE, parsed = decl->max + 1;
          in_domain = well_formed && parsed >= decl->min && parsed <= decl->max;
          break;
        }
      case PENAL_FACT_TYPE_BOOLEAN:
        well_formed = in_domain = parse_boolean (value, &parsed);
        break;
      case PENAL_FACT_TYPE_ENUM:
        for (guint i = 0; decl->values[i] != NULL; i++)
          if (g_str_equal (value, decl->values[i]))
            {
              parsed = i;
              well_formed = in_domain = TRUE;
            }
        break;
      case PENAL_FACT_TYPE_DATE:
        well_formed = in_domain = penal_date_parse (value, &parsed);
        break;
      default:
        g_assert_not_reached ();
      }

  if (!well_formed)
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_INVALID_VALUE,
                   _ ("%s: “%s” is not valid; give %s"), decl->name, shown,
                   allowed);
      return FALSE;
    }
  if (!in_domain)
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_OUT_OF_DOMAIN,
                   _ ("%s: “%s” is out of range; give %s"), decl->name, shown,
                   allowed);
      return FALSE;
    }

  facts->values[index] = parsed;
  facts->known[index] = TRUE;
  return TRUE;
}

gboolean
penal_facts_parse_assignment (PenalFacts *facts, const char *assignment,
                              GError **error)
{
  const char *equals;
  g_autofree char *name = NULL;

  g_return_val_if_fail (assignment != NULL, FALSE);

  equals = strchr (assignment, '=');
  if (equals == NULL || equals == assignment)
    {
      g_autofree char *shown = penal_quote_untrusted (assignment);
      g_set_error (
          error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_SYNTAX,
          _ ("“%s” is not a fact; write NAME=VALUE, for example victim_age=16"),
          shown);
      return FALSE;
    }
  name = g_strndup (assignment, equals - assignment);
  return penal_facts_set (facts, name, equals + 1, error);
}

/* A fact the chosen offense never reads is almost always a mistake (a fact
 * meant for another offense, or a misunderstanding), so it is refused rather
 * than silently ignored. */
gboolean
penal_facts_check_applicable (const PenalFacts *facts, GError **error)
{
  const PenalOffense *offense;

  g_return_val_if_fail (facts != NULL, FALSE);

  if (!facts->known[PENAL_FACT_OFFENSE])
    return TRUE;
  offense = g_ptr_array_index (facts->model->offenses,
                               facts->values[PENAL_FACT_OFFENSE]);

  for (guint i = PENAL_FACT_OFFENSE_DATE + 1; i < facts->n_facts; i++)
    {
      gboolean read = FALSE;

      if (!facts->known[i])
        continue;
      for (guint j = 0; j < offense->facts_read->len && !read; j++)
        read = g_array_index (offense->facts_read, guint, j) == i;
      if (!read)
        {
          const PenalFactDecl *decl
              = g_ptr_array_index (facts->model->facts, i);
          g_autoptr (GString) list = g_string_new (NULL);

          for (guint j = 0; j < offense->facts_read->len; j++)
            {
              guint k = g_array_index (offense->facts_read, guint, j);
              const PenalFactDecl *d
                  = g_ptr_array_index (facts->model->facts, k);
              g_string_append_printf (list, "%s%s", j > 0 ? ", " : "", d->name);
            }
          g_set_error (
              error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_NOT_APPLICABLE,
              _ ("%s: does not apply to the offense %s; its facts are: %s"),
              decl->name, offense->id, list->str);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
penal_facts_get (const PenalFacts *facts, guint index, gint64 *out_value)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (index < facts->n_facts, FALSE);

  if (!facts->known[index])
    return FALSE;
  if (out_value != NULL)
    *out_value = facts->values[index];
  return TRUE;
}

void
penal_facts_set_value (PenalFacts *facts, guint index, gint64 value)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail (index < facts->n_facts);

  facts->values[index] = value;
  facts->known[index] = TRUE;
}

void
penal_facts_unset (PenalFacts *facts, guint index)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail (index < facts->n_facts);

  facts->known[index] = FALSE;
}
