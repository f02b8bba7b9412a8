/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch-parts.c: what a batch row says, read off the answer the
 * library computed (penal_evaluate): its status, class, penalty, the
 * enhancements that may be charged, the protections, the routes of the
 * court, the referrals, diversion, the charge codes, and the notes the
 * answer needs said.  Nothing here decides or writes: penal-batch-row.c
 * writes the parts as CSV or JSON Lines, the same for an answer by charge
 * code (penal-batch-code.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-batch-private.h"
#include "penal-outcome.h"
#include "penal-render.h"

BatchStatus
penal_batch_status_of (PenalStatus status)
{
  switch (status)
    {
    case PENAL_STATUS_DECIDED:
      return BATCH_DECIDED;
    case PENAL_STATUS_NEEDS_FACTS:
      return BATCH_NEEDS_FACTS;
    case PENAL_STATUS_AMBIGUOUS:
      return BATCH_AMBIGUOUS;
    case PENAL_STATUS_NO_VERSION:
    default:
      return BATCH_NO_VERSION;
    }
}

void
penal_batch_parts_init (RowParts *parts, BatchStatus status)
{
  memset (parts, 0, sizeof *parts);
  parts->status = status;
  parts->penalty_established = PENAL_ANSWER_UNKNOWN;
  parts->diversion = PENAL_ANSWER_UNKNOWN;
  parts->enhancements = g_array_new (FALSE, TRUE, sizeof (RowItem));
  parts->protections = g_array_new (FALSE, TRUE, sizeof (RowItem));
  parts->routes = g_array_new (FALSE, TRUE, sizeof (RowItem));
  parts->referrals = g_array_new (FALSE, TRUE, sizeof (RowItem));
  parts->charge_codes = g_ptr_array_new ();
  parts->notes = g_ptr_array_new_with_free_func (g_free);
}

void
penal_batch_parts_clear (RowParts *parts)
{
  for (guint i = 0; i < parts->routes->len; i++)
    g_clear_pointer (&g_array_index (parts->routes, RowItem, i).not_if,
                     g_ptr_array_unref);
  g_array_unref (parts->enhancements);
  g_array_unref (parts->protections);
  g_array_unref (parts->routes);
  g_array_unref (parts->referrals);
  g_ptr_array_unref (parts->charge_codes);
  g_ptr_array_unref (parts->notes);
  g_free (parts->statute);
  g_free (parts->citation);
  g_free (parts->message);
}

/* The needs-facts and ambiguous answers in a word or two, for the message
 * column: which facts are missing, or which classes the candidates give. */
static char *
outcome_message (const PenalOutcome *outcome)
{
  GString *text = g_string_new (NULL);

  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    {
      g_string_append (text, _ ("needs:"));
      for (guint i = 0; i < outcome->missing->len; i++)
        g_string_append_printf (
            text, " %s",
            ((PenalFactDecl *)g_ptr_array_index (outcome->missing, i))->name);
    }
  else if (outcome->status == PENAL_STATUS_AMBIGUOUS)
    {
      g_string_append (
          text, _ ("the version in force is not established; candidates:"));
      for (guint i = 0; i < outcome->candidates->len; i++)
        {
          const PenalOutcome *candidate
              = g_ptr_array_index (outcome->candidates, i);
          g_string_append_printf (
              text, " %s %s (%s)", candidate->version->dated.id,
              candidate->rule->kind == PENAL_RULE_CLASS
                  ? penal_class_to_code (candidate->rule->klass)
                  : "open",
              candidate->rule->citation);
        }
    }
  else if (outcome->status == PENAL_STATUS_NO_VERSION)
    g_string_append (text,
                     _ ("penal holds no version of the statute in force then"));
  if (text->len == 0)
    return g_string_free (text, TRUE), NULL;
  return g_string_free (text, FALSE);
}

static void
add_item (GArray *items, const char *id, const char *text, PenalAnswer answer)
{
  RowItem item = { id, text, answer, NULL };

  g_array_append_val (items, item);
}

/* The enhancements that may be charged, the protections that apply or
 * may, the routes the court may allow, as what-if lists them. */
static void
add_lists (const PenalOutcome *outcome, const PenalDiversion *diversion,
           RowParts *parts)
{
  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *enhanced
          = g_ptr_array_index (outcome->enhancements, e);
      const PenalRule *rule;

      if (!penal_enhancement_may_be_charged (enhanced, &rule))
        continue;
      add_item (parts->enhancements, enhanced->offense->id,
                penal_rule_class_code (rule),
                enhanced->exposure == PENAL_EXPOSURE_RAISES ? PENAL_ANSWER_YES
                : enhanced->exposure == PENAL_EXPOSURE_SAME
                    ? PENAL_ANSWER_NO
                    : PENAL_ANSWER_UNKNOWN);
    }
  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);
      PenalAnswer answer = penal_program_answer (screened);
      PenalProgramKind kind = screened->offense->program_kind;

      if (answer == PENAL_ANSWER_NO)
        continue;
      if (kind == PENAL_PROGRAM_PROTECTION)
        add_item (parts->protections, screened->offense->id, NULL, answer);
      else if (kind == PENAL_PROGRAM_COURT_DISCRETION)
        {
          RowItem item = { screened->offense->id, NULL, answer, NULL };

          if (screened->not_if_charged != NULL
              && screened->not_if_charged->len > 0)
            {
              item.not_if = g_ptr_array_new ();
              for (guint e = 0; e < screened->not_if_charged->len; e++)
                {
                  const PenalOutcome *charged
                      = g_ptr_array_index (screened->not_if_charged, e);

                  g_ptr_array_add (item.not_if, (gpointer)charged->offense->id);
                }
              if (answer == PENAL_ANSWER_YES)
                g_ptr_array_add (parts->notes,
                                 penal_program_summary (screened));
            }
          g_array_append_val (parts->routes, item);
        }
    }
  for (guint r = 0; r < diversion->resources->len; r++)
    {
      const PenalResource *resource
          = g_ptr_array_index (diversion->resources, r);

      add_item (parts->referrals, resource->id,
                penal_statute_text (resource->title), PENAL_ANSWER_UNKNOWN);
    }
}

/* A row's parts, read off the answer penal_evaluate computed. */
void
penal_batch_parts_from_outcome (Batch *batch, const PenalOutcome *outcome,
                                RowParts *parts)
{
  gboolean decided = outcome->status == PENAL_STATUS_DECIDED;
  const PenalRule *rule = decided ? outcome->rule : NULL;
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);

  (void)batch;
  penal_batch_parts_init (parts, penal_batch_status_of (outcome->status));
  parts->offense = outcome->offense->id;
  parts->statute = g_strdup (outcome->offense->statute);
  parts->version
      = outcome->version != NULL && (decided || outcome->candidates->len == 0)
            ? outcome->version->dated.id
            : NULL;
  if (rule != NULL && rule->kind == PENAL_RULE_CLASS)
    {
      parts->klass = penal_class_to_code (rule->klass);
      parts->penalty = outcome->penalty;
      parts->penalty_established = outcome->penalty_state == PENAL_PENALTY_HELD
                                       ? PENAL_ANSWER_YES
                                       : PENAL_ANSWER_NO;
    }
  parts->citation = rule != NULL ? g_strdup (rule->citation) : NULL;
  parts->diversion = diversion->eligible;
  for (guint c = 0;
       outcome->charge_codes != NULL && c < outcome->charge_codes->len; c++)
    g_ptr_array_add (parts->charge_codes,
                     (gpointer)((const PenalChargeCode *)g_ptr_array_index (
                                    outcome->charge_codes, c))
                         ->code);
  parts->family = decided ? outcome->charge_family : NULL;
  parts->message = outcome_message (outcome);

  for (guint w = 0; outcome->warnings != NULL && w < outcome->warnings->len;
       w++)
    g_ptr_array_add (
        parts->notes,
        penal_warning_text (
            outcome, g_array_index (outcome->warnings, PenalWarning, w)));
  if (parts->penalty_established == PENAL_ANSWER_NO)
    g_ptr_array_add (
        parts->notes,
        g_strdup (outcome->penalty_state == PENAL_PENALTY_UNCERTAIN
                      ? penal_statute_text (outcome->era->dated.uncertain)
                      : _ ("penal holds no penalty table for that date")));
  if (outcome->status != PENAL_STATUS_NO_VERSION)
    add_lists (outcome, diversion, parts);
}
