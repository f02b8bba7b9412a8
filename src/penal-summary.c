/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-summary.c: "In short": the answer in a few plain sentences, one for
 * each part that changes what happens to the person: what the offense date
 * was taken to be, a protection that applies, the class with its term and
 * fine, what charging an enhancement would do, diversion, a route the court
 * may allow, and where to refer the person.
 *
 * Every sentence is read off the answer penal_evaluate() computed; nothing
 * here decides.  classify's text, the interview's result (terminal and web)
 * and its one line per period all use these sentences. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-diversion.h"
#include "penal-render.h"

/* One line: the class, or why there is none yet. */
char *
penal_charge_summary (const PenalOutcome *outcome)
{
  const char *title = penal_statute_text (outcome->offense->title);

  switch (outcome->status)
    {
    case PENAL_STATUS_DECIDED:
      if (outcome->rule->kind == PENAL_RULE_CLASS)
        {
          /* Named as the charging papers name it too. */
          g_autofree char *klass
              = penal_class_to_name_with_english (outcome->rule->klass);
          g_autofree char *cited = penal_rule_citation_text (outcome->rule);

          return g_strdup_printf (_ ("%s: %s [%s]."), title, klass, cited);
        }
      return g_strdup_printf (_ ("%s: the class is not established."), title);
    case PENAL_STATUS_NEEDS_FACTS:
      return g_strdup_printf (
          _ ("%s: the class depends on facts that are not known."), title);
    case PENAL_STATUS_NO_VERSION:
      return g_strdup_printf (
          _ ("%s: penal holds no version of the statute in force then."),
          title);
    case PENAL_STATUS_AMBIGUOUS:
    default:
      return g_strdup_printf (_ ("%s: not settled, because which version of "
                                 "the statute was in force is not "
                                 "established."),
                              title);
    }
}

char *
penal_warning_text (const PenalOutcome *outcome, PenalWarning warning)
{
  g_autofree char *date = penal_date_to_display (outcome->offense_date);

  switch (warning)
    {
    case PENAL_WARNING_DATE_ASSUMED:
      return g_strdup_printf (_ ("No offense date was given, so today's "
                                 "date, %s, was used; give the date of the "
                                 "offense, since the law that applies "
                                 "depends on it."),
                              date);
    case PENAL_WARNING_DATE_FUTURE:
      return g_strdup_printf (_ ("The offense date, %s, is after today: the "
                                 "answer is the law as penal holds it now, "
                                 "and the law may change before then."),
                              date);
    case PENAL_WARNING_BEFORE_HELD:
      return g_strdup_printf (_ ("The offense date, %s, is before the "
                                 "earliest version of the statute penal "
                                 "holds."),
                              date);
    case PENAL_WARNING_VERSION_UNSURE:
    default:
      return g_strdup (_ ("Which version of the statute was in force on the "
                          "offense date is not established; every version "
                          "that may have been gives this same answer."));
    }
}

const char *
penal_not_advice_text (void)
{
  return _ ("penal is a checking aid, not legal advice: read the cited "
            "text.");
}

static char *
fact_labels (GPtrArray *facts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      const PenalFactDecl *fact = g_ptr_array_index (facts, i);
      g_string_append_printf (out, "%s%s", i > 0 ? "; " : "",
                              penal_statute_text (fact->label));
    }
  return g_string_free (out, FALSE);
}

/* The term and fine of a held penalty, in one sentence pair. */
static char *
penalty_summary (const PenalOutcome *outcome)
{
  if (outcome->penalty != NULL)
    {
      g_autofree char *term = penal_imprisonment_text (outcome->penalty);
      g_autofree char *fine = penal_fine_text (outcome->penalty);
      return g_strdup_printf ("%s %s", term, fine);
    }
  if (outcome->status == PENAL_STATUS_DECIDED
      && outcome->rule->kind == PENAL_RULE_CLASS)
    return g_strdup (
        _ ("The prison term and fine for that time are not established."));
  return NULL;
}

/* What charging the enhancement would do, or NULL when it cannot be
 * charged on these facts.  Each sentence opens with the enhancement's
 * title, as the details do. */
static char *
enhancement_summary (const PenalOutcome *enhanced)
{
  const PenalOffense *statute = enhanced->offense;
  const char *title = penal_statute_text (statute->title);

  if (enhanced->status == PENAL_STATUS_NEEDS_FACTS)
    {
      g_autofree char *labels = fact_labels (enhanced->missing);
      /* TRANSLATORS: "<Persistent prostitution offender> (<RSMo 567.110>):
         whether it can also be charged depends on: <facts>." */
      return g_strdup_printf (
          _ ("%s (%s): whether it can also be charged depends on: %s."), title,
          statute->statute, labels);
    }
  /* No version held on the date: the details say so. */
  if (enhanced->status == PENAL_STATUS_NO_VERSION)
    return NULL;
  if (enhanced->status != PENAL_STATUS_DECIDED)
    return g_strdup_printf (
        _ ("%s (%s): whether it can also be charged is not settled."), title,
        statute->statute);
  if (enhanced->rule->kind == PENAL_RULE_OPEN)
    return g_strdup_printf (
        _ ("%s (%s): what charging it would do is not established."), title,
        statute->statute);
  if (enhanced->rule->kind != PENAL_RULE_CLASS)
    return NULL;
  {
    g_autofree char *klass
        = penal_class_to_name_with_english (enhanced->rule->klass);
    g_autofree char *cited = penal_rule_citation_text (enhanced->rule);
    g_autofree char *term = enhanced->penalty != NULL
                                ? penal_imprisonment_text (enhanced->penalty)
                                : g_strdup ("");

    switch (enhanced->exposure)
      {
      case PENAL_EXPOSURE_RAISES:
        /* TRANSLATORS: "<Persistent prostitution offender> (<RSMo
           567.110>): if charged, a <class E felony> [<citation>], more
           serious than the offense's own class. <Imprisonment: up to 4
           years.>" */
        return g_strdup_printf (_ ("%s (%s): if charged, a %s [%s], more "
                                   "serious than the offense's own class. "
                                   "%s"),
                                title, statute->statute, klass, cited, term);
      case PENAL_EXPOSURE_SAME:
        return g_strdup_printf (_ ("%s (%s): if charged, a %s [%s], no more "
                                   "serious than the offense's own class, so "
                                   "charging it would not raise the "
                                   "penalty."),
                                title, statute->statute, klass, cited);
      case PENAL_EXPOSURE_UNKNOWN:
      case PENAL_EXPOSURE_NONE:
      default:
        return g_strdup_printf (_ ("%s (%s): if charged, a %s [%s]. %s"), title,
                                statute->statute, klass, cited, term);
      }
  }
}

/* A protection or a route of the court, when it may matter. */
char *
penal_program_summary (const PenalOutcome *screened)
{
  const PenalOffense *program = screened->offense;
  const char *title = penal_statute_text (program->title);
  PenalAnswer answer = penal_program_answer (screened);

  if (screened->status == PENAL_STATUS_NEEDS_FACTS)
    {
      g_autofree char *labels = fact_labels (screened->missing);
      /* TRANSLATORS: "<Protection of …>: whether it applies depends on:
         <facts>." */
      return g_strdup_printf (_ ("%s: whether it applies depends on: %s."),
                              title, labels);
    }
  if (answer == PENAL_ANSWER_UNKNOWN)
    {
      g_autofree char *reason = NULL;

      /* A protection that may exist matters; an unknown route of the court
       * is left to the details. */
      if (program->program_kind != PENAL_PROGRAM_PROTECTION)
        return NULL;
      reason = penal_program_reason (screened);
      return g_strdup_printf (_ ("%s: not established. %s"), title, reason);
    }
  if (answer != PENAL_ANSWER_YES)
    return NULL;
  {
    g_autofree char *cited = penal_rule_citation_text (screened->rule);

    if (program->program_kind == PENAL_PROGRAM_PROTECTION)
      /* TRANSLATORS: "<protection>: applies. <why> [<citation>]" */
      return g_strdup_printf (_ ("%s: applies. %s [%s]"), title,
                              penal_statute_text (screened->rule->explain),
                              cited);
    if (screened->not_if_charged != NULL && screened->not_if_charged->len > 0)
      {
        const PenalOffense *enhancement
            = ((const PenalOutcome *)g_ptr_array_index (
                   screened->not_if_charged, 0))
                  ->offense;
        /* TRANSLATORS: "The court may allow: <treatment program> [<RSMo
           567.020.4>], but only for the <class B misdemeanor>: not if the
           charge is brought under <RSMo 567.110> (<Persistent prostitution
           offender>)." */
        return g_strdup_printf (
            _ ("The court may allow: %s [%s], but only for the %s: not if "
               "the charge is brought under %s (%s)."),
            title, cited, penal_class_to_name (program->limited_to),
            enhancement->statute, penal_statute_text (enhancement->title));
      }
    return g_strdup_printf (_ ("The court may allow: %s [%s]."), title, cited);
  }
}

static void
add_programs (GPtrArray *lines, const PenalOutcome *outcome,
              PenalProgramKind kind)
{
  g_autoptr (GPtrArray) programs = penal_outcome_programs_of (outcome, kind);

  for (guint p = 0; p < programs->len; p++)
    {
      char *line = penal_program_summary (g_ptr_array_index (programs, p));

      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
}

static char *
diversion_summary (const PenalDiversion *diversion)
{
  switch (diversion->eligible)
    {
    case PENAL_ANSWER_YES:
      return g_strdup (_ ("Diversion: open."));
    case PENAL_ANSWER_NO:
      return g_strdup (_ ("Diversion: not open."));
    case PENAL_ANSWER_UNKNOWN:
    default:
      return g_strdup (_ ("Diversion: cannot tell yet."));
    }
}

static char *
referral_summary (const PenalDiversion *diversion)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < diversion->resources->len; i++)
    {
      const PenalResource *resource
          = g_ptr_array_index (diversion->resources, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "",
                              penal_statute_text (resource->title));
      if (resource->phone != NULL)
        g_string_append_printf (names, ", %s", resource->phone);
    }
  {
    g_autofree char *list = g_string_free (names, FALSE);
    return g_strdup_printf (_ ("Refer the person to: %s."), list);
  }
}

/* "In short": (transfer full) an array of translated sentences.  With
 * with_warnings FALSE the answer's warnings are left to the caller (the
 * interview's periods, where the date is what varies). */
GPtrArray *
penal_outcome_summary (const PenalOutcome *outcome, gboolean with_warnings)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PenalDiversion) diversion = NULL;
  char *line;

  g_return_val_if_fail (outcome != NULL, lines);

  for (guint w = 0;
       with_warnings && outcome->warnings != NULL && w < outcome->warnings->len;
       w++)
    g_ptr_array_add (
        lines, penal_warning_text (outcome, g_array_index (outcome->warnings,
                                                           PenalWarning, w)));
  if (outcome->offense == NULL)
    return lines;

  /* A protection comes first: it can mean the class below never applies
   * to this person. */
  add_programs (lines, outcome, PENAL_PROGRAM_PROTECTION);
  g_ptr_array_add (lines, penal_charge_summary (outcome));
  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    {
      g_autofree char *labels = fact_labels (outcome->missing);
      g_ptr_array_add (lines,
                       g_strdup_printf (_ ("It depends on: %s."), labels));
    }
  line = penalty_summary (outcome);
  if (line != NULL)
    g_ptr_array_add (lines, line);
  if (outcome->status == PENAL_STATUS_NO_VERSION)
    return lines;

  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      line = enhancement_summary (g_ptr_array_index (outcome->enhancements, e));
      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  diversion = penal_diversion_new (outcome);
  g_ptr_array_add (lines, diversion_summary (diversion));
  add_programs (lines, outcome, PENAL_PROGRAM_COURT_DISCRETION);
  if (diversion->resources->len > 0)
    g_ptr_array_add (lines, referral_summary (diversion));
  return lines;
}
