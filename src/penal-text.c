/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-text.c: the words for the parts of an answer: durations, amounts,
 * bases, fact values and ranges, and paragraphs wrapped to a width.
 *
 * Everything here is one small value turned into translated prose; the
 * whole answer is assembled in penal-render.c (text) and penal-json.c
 * (JSON).  Sentences written in the statute files are English and go
 * through gettext here, in the program's text domain, so translators see
 * them in po/ like any other message; quoted statute text is never
 * translated. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-date.h"
#include "penal-text.h"
#include "penal-tree-private.h"

/* Statute sentences are translated through the program's domain; an empty
 * string stays empty rather than returning the PO header. */
const char *
penal_statute_text (const char *english)
{
  if (english == NULL || english[0] == '\0')
    return english;
  return g_dgettext (GETTEXT_PACKAGE, english);
}

/* (transfer full): a source as a text answer names it in brackets: its
 * label (English in the statute file) in the reader's language, then its
 * date as the reader writes dates, or its year alone: "KCTV5, 22 February
 * 2019".  The citation of the source stays as written, for JSON. */
char *
penal_source_label_text (const char *label, const char *date)
{
  g_autofree char *shown = NULL;
  gint64 day;

  g_return_val_if_fail (label != NULL, NULL);

  if (date == NULL)
    return g_strdup (penal_statute_text (label));
  if (strlen (date) != 4 && penal_date_parse (date, &day))
    shown = penal_date_to_display (day);
  else
    shown = g_strdup (date);
  /* TRANSLATORS: a source named in brackets after a sentence of the answer:
     its label, then its date or year, e.g. "KCTV5, 22 February 2019". */
  return g_strdup_printf (C_ ("source label and date", "%s, %s"),
                          penal_statute_text (label), shown);
}

/* (transfer full): the citation of a rule as text answers show it: a
 * statute citation as written ("RSMo 567.030.4", never translated), or for
 * a rule that cites a source, that source's label and date. */
char *
penal_rule_citation_text (const PenalRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->cites != NULL && rule->cites->label != NULL)
    return penal_source_label_text (rule->cites->label, rule->cites->date);
  return g_strdup (rule->citation);
}

/* The translated name of a basis given by its code (as the exploring
 * commands carry it in their JSON). */
const char *
penal_basis_code_to_text (const char *code)
{
  PenalBasis basis = PENAL_BASIS_OPEN;

  if (code != NULL)
    penal_basis_from_code (code, &basis);
  return penal_basis_to_text (basis);
}

char *
penal_duration_to_text (const PenalDuration *duration)
{
  switch (duration->unit)
    {
    case 'Y':
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year",
                                           "%u years", duration->amount),
                              duration->amount);
    case 'M':
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month",
                                           "%u months", duration->amount),
                              duration->amount);
    case 'D':
    default:
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", duration->amount),
          duration->amount);
    }
}

/* (transfer full): a range of terms after "from": "5 to 15 years", the
 * unit written once when both ends share it (and its plural following the
 * larger number), else "6 months to 1 year". */
char *
penal_duration_range_to_text (const PenalDuration *min,
                              const PenalDuration *max)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (min->unit == max->unit)
    switch (max->unit)
      {
      case 'Y':
        /* TRANSLATORS: a range of years, after "from": "from 5 to 15
           years".  The plural follows the larger number. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to %u year",
                                             "%u to %u years", max->amount),
                                min->amount, max->amount);
      case 'M':
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to %u month",
                                             "%u to %u months", max->amount),
                                min->amount, max->amount);
      case 'D':
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to %u day",
                                             "%u to %u days", max->amount),
                                min->amount, max->amount);
      default:
        break;
      }
  low = penal_duration_to_text (min);
  high = penal_duration_to_text (max);
  /* TRANSLATORS: a range of terms in different units, after "from":
     "from 6 months to 1 year". */
  return g_strdup_printf (C_ ("range of terms", "%s to %s"), low, high);
}

char *
penal_usd_to_text (gint64 usd)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, usd);
  /* TRANSLATORS: the separator between groups of three digits in amounts of
     money, for example "," in English and "." in Spanish. */
  const char *separator = C_ ("thousands separator", ",");
  g_autoptr (GString) grouped = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (grouped, separator);
      g_string_append_c (grouped, digits[i]);
    }
  /* TRANSLATORS: an amount in US dollars; %s is the number. */
  return g_strdup_printf (_ ("$%s"), grouped->str);
}

/* (transfer full): text, followed by its basis unless it is the statute's
 * own words; takes text. */
char *
penal_with_basis (char *text, PenalBasis basis)
{
  char *with;

  if (basis == PENAL_BASIS_STATUTE_TEXT)
    return text;
  /* TRANSLATORS: a sentence of the answer, then how it is known, e.g.
     "Fine: up to $500. (basis: secondary source)". */
  with = g_strdup_printf (_ ("%s (basis: %s)"), text,
                          penal_basis_to_text (basis));
  g_free (text);
  return with;
}

char *
penal_imprisonment_text (const PenalClassPenalty *p)
{
  g_autofree char *range = NULL;
  g_autofree char *max = NULL;

  if (p->imprisonment_max.iso == NULL && !p->life)
    return g_strdup (_ ("Imprisonment: none is authorized."));
  if (p->imprisonment_max.iso != NULL)
    max = penal_duration_to_text (&p->imprisonment_max);
  if (p->imprisonment_min.iso != NULL && p->imprisonment_max.iso != NULL)
    {
      range = penal_duration_range_to_text (&p->imprisonment_min,
                                            &p->imprisonment_max);
      if (p->life)
        /* TRANSLATORS: %s is a range of terms, "10 to 30 years": "from 10
         * to 30 years, or life imprisonment". */
        return g_strdup_printf (
            _ ("Imprisonment: from %s, or life imprisonment."), range);
      /* TRANSLATORS: %s is a range of terms, "5 to 15 years". */
      return g_strdup_printf (_ ("Imprisonment: from %s."), range);
    }
  if (p->life)
    return g_strdup_printf (_ ("Imprisonment: up to %s, or life imprisonment."),
                            max);
  return g_strdup_printf (_ ("Imprisonment: up to %s."), max);
}

char *
penal_fine_text (const PenalClassPenalty *p)
{
  g_autofree char *max = NULL;

  if (p->fine_max_usd < 0)
    return g_strdup (_ ("Fine: none is authorized for this class."));
  max = penal_usd_to_text (p->fine_max_usd);
  return g_strdup_printf (_ ("Fine: up to %s."), max);
}

char *
penal_gain_text (const PenalClassPenalty *p)
{
  /* Twice the gain, in the word of RSMo 558.002 and of the Missouri Bar
   * on 560.011: "up to double the gain" (research/missouri-law.md). */
  if (p->gain_multiple == 2 && p->gain_cap_usd >= 0)
    {
      g_autofree char *cap = penal_usd_to_text (p->gain_cap_usd);
      return g_strdup_printf (_ ("Instead of that fine, the court may fine up "
                                 "to double the offender's gain from the "
                                 "offense, at most %s."),
                              cap);
    }
  if (p->gain_multiple == 2)
    return g_strdup (_ ("Instead of that fine, the court may fine up to "
                        "double the offender's gain from the offense."));
  if (p->gain_cap_usd >= 0)
    {
      g_autofree char *cap = penal_usd_to_text (p->gain_cap_usd);
      return g_strdup_printf (
          g_dngettext (
              GETTEXT_PACKAGE,
              "Instead of that fine, the court may fine up to %u time the "
              "offender's gain from the offense, at most %s.",
              "Instead of that fine, the court may fine up to %u times the "
              "offender's gain from the offense, at most %s.",
              p->gain_multiple),
          p->gain_multiple, cap);
    }
  return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "Instead of that fine, the court may fine up to %u time the "
                   "offender's gain from the offense.",
                   "Instead of that fine, the court may fine up to %u times "
                   "the offender's gain from the offense.",
                   p->gain_multiple),
      p->gain_multiple);
}

/* A range of a fact's values in a few characters: "15", "15–17", "18+"
 * (up to the top of the domain), "yes"; for dates, ISO dates. */
char *
penal_range_to_text (const PenalFactDecl *fact, gint64 lo, gint64 hi)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (fact->type == PENAL_FACT_TYPE_DATE)
    {
      /* ISO 8601 intervals, ".." for an open end. */
      if (lo <= PENAL_DATE_OPEN_START && hi >= PENAL_DATE_OPEN_END)
        return g_strdup ("..");
      if (lo <= PENAL_DATE_OPEN_START)
        return g_strconcat ("..", high = penal_date_to_iso (hi), NULL);
      if (hi >= PENAL_DATE_OPEN_END)
        return g_strconcat (low = penal_date_to_iso (lo), "..", NULL);
      if (lo != hi)
        {
          low = penal_date_to_iso (lo);
          high = penal_date_to_iso (hi);
          return g_strconcat (low, "..", high, NULL);
        }
    }
  low = penal_tree_describe_value (fact, lo);
  if (lo == hi)
    return g_steal_pointer (&low);
  if (fact->type == PENAL_FACT_TYPE_INTEGER && hi == fact->max
      && lo > fact->min)
    return g_strconcat (low, "+", NULL);
  high = penal_tree_describe_value (fact, hi);
  return g_strdup_printf ("%s–%s", low, high);
}

/* A range of the next fact that matters: "victim_age=0–14", or, plain,
 * "age in years of the individual patronized: 0–14". */
char *
penal_possibility_to_text (const PenalPossibility *possibility, gboolean plain)
{
  g_autofree char *lo
      = penal_tree_describe_value (possibility->fact, possibility->lo);
  g_autofree char *hi = NULL;

  if (plain)
    {
      g_autofree char *range = penal_range_to_text (
          possibility->fact, possibility->lo, possibility->hi);
      /* TRANSLATORS: "<what a fact means>: <its range>", as the interview
         shows where each answer leads. */
      return g_strdup_printf (
          _ ("%s: %s"), penal_statute_text (possibility->fact->label), range);
    }

  if (possibility->lo == possibility->hi)
    return g_strdup_printf ("%s=%s", possibility->fact->name, lo);
  hi = penal_tree_describe_value (possibility->fact, possibility->hi);
  return g_strdup_printf ("%s=%s–%s", possibility->fact->name, lo, hi);
}

/* Appends text wrapped into lines of at most width columns, every line
 * after the first indented by indent columns (the first continues from
 * column first_column). */
void
penal_append_wrapped (GString *out, const char *text, guint first_column,
                      guint indent, guint width)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint column = first_column;
  gboolean line_empty = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = (guint)g_utf8_strlen (words[i], -1);

      if (words[i][0] == '\0')
        continue;
      if (!line_empty && column + 1 + length > width)
        {
          g_string_append_c (out, '\n');
          for (guint c = 0; c < indent; c++)
            g_string_append_c (out, ' ');
          column = indent;
          line_empty = TRUE;
        }
      else if (!line_empty)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += length;
      line_empty = FALSE;
    }
  g_string_append_c (out, '\n');
}
