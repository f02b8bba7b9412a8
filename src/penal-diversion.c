/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-diversion.c: whether diversion is open for a case, what the court
 * may allow, what the statute protects, and where to refer the person.
 *
 * Each <program> of the offense has been evaluated like a statute (see
 * penal-outcome.c), so each has its own decided / needs-facts / ambiguous
 * answer.  Only diversion programs decide "eligible": it is yes when any of
 * them is open, no when every one is closed (or there is none), and unknown
 * otherwise, with the facts that would settle it.  Court-discretion routes
 * and protections are shown beside it, never counted as eligibility, and a
 * referral rule that applies adds its resources once each. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-diversion.h"
#include "penal-text.h"

PenalAnswer
penal_program_answer (const PenalOutcome *screened)
{
  if (screened->status != PENAL_STATUS_DECIDED)
    return PENAL_ANSWER_UNKNOWN;
  switch (screened->rule->kind)
    {
    case PENAL_RULE_ELIGIBLE:
    case PENAL_RULE_APPLIES:
      return PENAL_ANSWER_YES;
    case PENAL_RULE_NOT_ELIGIBLE:
    case PENAL_RULE_NOT_APPLICABLE:
      return PENAL_ANSWER_NO;
    case PENAL_RULE_OPEN:
    case PENAL_RULE_CLASS:
    default:
      return PENAL_ANSWER_UNKNOWN;
    }
}

const char *
penal_program_answer_text (const PenalOffense *program, PenalAnswer answer)
{
  if (answer == PENAL_ANSWER_UNKNOWN)
    return _ ("cannot tell yet");
  switch (program->program_kind)
    {
    case PENAL_PROGRAM_DIVERSION:
      return answer == PENAL_ANSWER_YES ? _ ("eligible") : _ ("not eligible");
    case PENAL_PROGRAM_COURT_DISCRETION:
      return answer == PENAL_ANSWER_YES ? _ ("the court may allow it")
                                        : _ ("not available");
    case PENAL_PROGRAM_PROTECTION:
    case PENAL_PROGRAM_REFERRAL:
    default:
      return answer == PENAL_ANSWER_YES ? _ ("applies") : _ ("does not apply");
    }
}

/* (transfer full): why the program gives its answer, in one paragraph. */
char *
penal_program_reason (const PenalOutcome *screened)
{
  GString *out = g_string_new (NULL);

  switch (screened->status)
    {
    case PENAL_STATUS_DECIDED:
      {
        char *explain = g_strdup (penal_statute_text (screened->rule->explain));
        g_autofree char *with
            = penal_with_basis (explain, screened->rule->basis);
        g_string_append (out, with);
      }
      break;
    case PENAL_STATUS_NEEDS_FACTS:
      for (guint m = 0; m < screened->missing->len; m++)
        {
          const PenalFactDecl *fact = g_ptr_array_index (screened->missing, m);
          if (out->len > 0)
            g_string_append_c (out, ' ');
          if (screened->plain)
            g_string_append_printf (
                out, _ ("It depends on something not known: %s."),
                penal_statute_text (fact->label));
          else
            g_string_append_printf (
                out, _ ("It depends on %s (%s), which was not given."),
                fact->name, penal_statute_text (fact->label));
        }
      break;
    case PENAL_STATUS_NO_VERSION:
      g_string_append_printf (
          out, _ ("penal holds no version of %s in force on that date."),
          penal_statute_text (screened->offense->statute));
      break;
    case PENAL_STATUS_AMBIGUOUS:
    default:
      g_string_append_printf (
          out,
          _ ("More than one version may have been in force on that date, and "
             "they give different answers: %s"),
          penal_statute_text (screened->reason));
      break;
    }
  return g_string_free (out, FALSE);
}

static void
add_missing_fact (GPtrArray *missing, const PenalFactDecl *fact)
{
  if (!g_ptr_array_find (missing, fact, NULL))
    g_ptr_array_add (missing, (gpointer)fact);
}

void
penal_diversion_free (PenalDiversion *diversion)
{
  if (diversion == NULL)
    return;
  g_ptr_array_unref (diversion->reasons);
  g_ptr_array_unref (diversion->missing);
  g_ptr_array_unref (diversion->next_steps);
  g_ptr_array_unref (diversion->resources);
  g_ptr_array_unref (diversion->referred_by);
  g_free (diversion);
}

PenalDiversion *
penal_diversion_new (const PenalOutcome *outcome)
{
  PenalDiversion *diversion = g_new0 (PenalDiversion, 1);
  gboolean any_yes = FALSE, any_unknown = FALSE, any_program = FALSE;

  g_return_val_if_fail (outcome != NULL, diversion);

  diversion->reasons = g_ptr_array_new_with_free_func (g_free);
  diversion->missing = g_ptr_array_new ();
  diversion->next_steps = g_ptr_array_new_with_free_func (g_free);
  diversion->resources = g_ptr_array_new ();
  diversion->referred_by = g_ptr_array_new ();

  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);
      const PenalOffense *program = screened->offense;
      PenalAnswer answer = penal_program_answer (screened);

      if (program->program_kind == PENAL_PROGRAM_DIVERSION)
        {
          g_autofree char *reason = penal_program_reason (screened);

          any_program = TRUE;
          any_yes |= answer == PENAL_ANSWER_YES;
          any_unknown |= answer == PENAL_ANSWER_UNKNOWN;
          g_ptr_array_add (
              diversion->reasons,
              g_strdup_printf (
                  _ ("%s: %s. %s"), penal_statute_text (program->title),
                  penal_program_answer_text (program, answer), reason));
          for (guint m = 0; m < screened->missing->len; m++)
            add_missing_fact (diversion->missing,
                              g_ptr_array_index (screened->missing, m));
        }

      if (answer == PENAL_ANSWER_YES && program->next_step != NULL)
        g_ptr_array_add (diversion->next_steps,
                         g_strdup (penal_statute_text (program->next_step)));
      if (answer == PENAL_ANSWER_YES)
        for (guint r = 0; r < screened->rule->refer->len; r++)
          {
            PenalResource *resource
                = g_ptr_array_index (screened->rule->refer, r);
            if (g_ptr_array_find (diversion->resources, resource, NULL))
              continue;
            g_ptr_array_add (diversion->resources, resource);
            g_ptr_array_add (diversion->referred_by, (gpointer)screened->rule);
          }
    }

  if (outcome->status == PENAL_STATUS_NO_VERSION)
    {
      /* No case to speak of: nothing is said about diversion either. */
      g_ptr_array_add (diversion->reasons,
                       g_strdup_printf (_ ("penal holds no version of %s in "
                                           "force on that date."),
                                        outcome->offense->statute));
      diversion->eligible = PENAL_ANSWER_UNKNOWN;
      return diversion;
    }
  if (!any_program && outcome->offense != NULL)
    g_ptr_array_add (diversion->reasons,
                     g_strdup_printf (_ ("No diversion program in the statute "
                                         "files applies to this offense (%s)."),
                                      outcome->offense->statute));
  diversion->eligible = any_yes       ? PENAL_ANSWER_YES
                        : any_unknown ? PENAL_ANSWER_UNKNOWN
                                      : PENAL_ANSWER_NO;
  /* Once one program is open, what the others still need no longer
   * changes the answer. */
  if (diversion->eligible == PENAL_ANSWER_YES)
    g_ptr_array_set_size (diversion->missing, 0);
  if (diversion->missing->len > 0)
    {
      GString *facts = g_string_new (NULL);
      for (guint m = 0; m < diversion->missing->len; m++)
        {
          const PenalFactDecl *fact = g_ptr_array_index (diversion->missing, m);
          if (m > 0)
            g_string_append (facts, "; ");
          g_string_append (facts, penal_statute_text (fact->label));
        }
      g_ptr_array_add (
          diversion->next_steps,
          g_strdup_printf (
              _ ("Find out, to settle whether diversion is open: %s."),
              facts->str));
      g_string_free (facts, TRUE);
    }
  return diversion;
}
