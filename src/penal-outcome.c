/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-outcome.c: evaluates one case against the model.
 *
 * The offense date picks the statute version.  Where it falls in a window in
 * which more than one version may have been in force (an uncertain effective
 * date), every candidate is evaluated: if they all give the same answer the
 * case is decided and says the version was uncertain; otherwise the answer is
 * "ambiguous" with each candidate and the reason, never a guess.  A missing
 * fact stops the walk down the decision tree and is an answer too: the facts
 * still needed and where each range of the next one leads. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-charges.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-tree.h"

const char *
penal_status_to_code (PenalStatus status)
{
  switch (status)
    {
    case PENAL_STATUS_DECIDED:
      return "decided";
    case PENAL_STATUS_NEEDS_FACTS:
      return "needs-facts";
    case PENAL_STATUS_AMBIGUOUS:
      return "ambiguous";
    case PENAL_STATUS_NO_VERSION:
      return "no-version";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The programs of one kind that the outcome screened, in the order of the
 * statute files: what each view lists under diversion, the court's
 * discretion or protections.  (transfer container) */
GPtrArray *
penal_outcome_programs_of (const PenalOutcome *outcome, PenalProgramKind kind)
{
  GPtrArray *programs = g_ptr_array_new ();

  for (guint p = 0; p < outcome->programs->len; p++)
    {
      PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);

      if (screened->offense->program_kind == kind)
        g_ptr_array_add (programs, screened);
    }
  return programs;
}

/* Whether an enhancement may be charged as the answer stands: it is
 * decided as a class, or as one no source establishes, or penal holds no
 * version of it on the date.  *rule: the rule decided, or NULL. */
gboolean
penal_enhancement_may_be_charged (const PenalOutcome *enhanced,
                                  const PenalRule **rule)
{
  *rule = enhanced->status == PENAL_STATUS_DECIDED ? enhanced->rule : NULL;
  if (enhanced->status == PENAL_STATUS_NO_VERSION)
    return TRUE;
  return *rule != NULL
         && ((*rule)->kind == PENAL_RULE_CLASS
             || (*rule)->kind == PENAL_RULE_OPEN);
}

const char *
penal_exposure_to_code (PenalExposure exposure)
{
  switch (exposure)
    {
    case PENAL_EXPOSURE_RAISES:
      return "raises";
    case PENAL_EXPOSURE_SAME:
      return "does-not-raise";
    case PENAL_EXPOSURE_UNKNOWN:
      return "unknown";
    case PENAL_EXPOSURE_NONE:
    default:
      return NULL;
    }
}

/* Marks the answer, and every part of it, as written for a volunteer or a
 * client: the renderers name facts by their labels. */
void
penal_outcome_set_plain (PenalOutcome *outcome)
{
  GPtrArray *parts[3];

  g_return_if_fail (outcome != NULL);

  outcome->plain = TRUE;
  parts[0] = outcome->candidates;
  parts[1] = outcome->enhancements;
  parts[2] = outcome->programs;
  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    for (guint i = 0; i < parts[k]->len; i++)
      penal_outcome_set_plain (g_ptr_array_index (parts[k], i));
}

const char *
penal_warning_to_code (PenalWarning warning)
{
  switch (warning)
    {
    case PENAL_WARNING_DATE_ASSUMED:
      return "offense-date-assumed";
    case PENAL_WARNING_DATE_FUTURE:
      return "offense-date-in-future";
    case PENAL_WARNING_BEFORE_HELD:
      return "before-earliest-version";
    case PENAL_WARNING_VERSION_UNSURE:
      return "version-uncertain";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
penal_outcome_free (PenalOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->missing, g_ptr_array_unref);
  g_clear_pointer (&outcome->possible, g_array_unref);
  g_clear_pointer (&outcome->candidates, g_ptr_array_unref);
  g_clear_pointer (&outcome->enhancements, g_ptr_array_unref);
  g_clear_pointer (&outcome->programs, g_ptr_array_unref);
  g_clear_pointer (&outcome->charge_codes, g_ptr_array_unref);
  g_clear_pointer (&outcome->given, penal_facts_free);
  g_clear_pointer (&outcome->warnings, g_array_unref);
  g_clear_pointer (&outcome->not_if_charged, g_ptr_array_unref);
  g_free (outcome->reason);
  g_free (outcome);
}

static PenalOutcome *
outcome_new (const PenalOffense *offense, gint64 offense_date)
{
  PenalOutcome *outcome = g_new0 (PenalOutcome, 1);

  outcome->offense = offense;
  outcome->offense_date = offense_date;
  outcome->missing = g_ptr_array_new ();
  outcome->possible = g_array_new (FALSE, TRUE, sizeof (PenalPossibility));
  outcome->candidates
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_outcome_free);
  outcome->enhancements
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_outcome_free);
  outcome->programs
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_outcome_free);
  return outcome;
}

static void
add_missing (PenalOutcome *outcome, const PenalFactDecl *fact)
{
  for (guint i = 0; i < outcome->missing->len; i++)
    if (g_ptr_array_index (outcome->missing, i) == fact)
      return;
  g_ptr_array_add (outcome->missing, (gpointer)fact);
}

/* The era of a penalty table in force on date, or NULL (for no table
 * too), and in *out_state whether its figures are established for that
 * date. */
const PenalEra *
penal_penalties_era_on (const PenalPenalties *penalties, gint64 date,
                        PenalPenaltyState *out_state)
{
  const PenalEra *era = penal_penalties_era_for (penalties, date);

  *out_state = era == NULL ? PENAL_PENALTY_NOT_HELD
               : date >= era->dated.effective.from_latest
                   ? PENAL_PENALTY_HELD
                   : PENAL_PENALTY_UNCERTAIN;
  return era;
}

/* The era of the penalty table for the date, and whether its figures are
 * established for that date. */
static void
find_penalty (const PenalPenalties *penalties, const PenalRule *rule,
              PenalOutcome *outcome)
{
  outcome->era = penal_penalties_era_on (penalties, outcome->offense_date,
                                         &outcome->penalty_state);
  if (rule->kind == PENAL_RULE_CLASS
      && outcome->penalty_state == PENAL_PENALTY_HELD)
    outcome->penalty = outcome->era->classes[rule->klass];
}

/* The Patrol's codes of the rule's family in force on the date, for the
 * offense the statute is charged under (enhancements are coded under the
 * offense they enhance). */
static void
find_charge_codes (const PenalModel *model, const PenalOffense *charged,
                   const PenalRule *rule, PenalOutcome *outcome)
{
  for (guint c = 0; c < rule->charge_codes->len; c++)
    {
      const PenalChargeRef *ref
          = &g_array_index (rule->charge_codes, PenalChargeRef, c);

      if (ref->offense_id != NULL && charged != NULL
          && !g_str_equal (ref->offense_id, charged->id))
        continue;
      outcome->charge_family = ref->family;
      outcome->charge_codes = penal_charges_in_force (
          model->charges, ref->family, outcome->offense_date);
      return;
    }
}

/* Evaluates one version; fills outcome as decided or needs-facts. */
static void
evaluate_version (const PenalModel *model, const PenalOffense *statute,
                  const PenalOffense *charged, const PenalVersion *version,
                  const PenalFacts *facts, PenalOutcome *outcome)
{
  const PenalTreeNode *stuck = NULL;
  const PenalRule *rule;

  outcome->version = version;
  rule = penal_tree_evaluate (version->tree, facts, &stuck);
  if (rule == NULL)
    {
      const PenalFactDecl *fact = g_ptr_array_index (model->facts, stuck->fact);

      outcome->status = PENAL_STATUS_NEEDS_FACTS;
      add_missing (outcome, fact);
      for (guint b = 0; b < stuck->n_branches; b++)
        {
          PenalPossibility possibility = { 0 };
          possibility.fact = fact;
          possibility.lo = stuck->branches[b].lo;
          possibility.hi = stuck->branches[b].hi;
          /* Where this range leads given the facts that are known; where
           * it needs still more, the one rule all of that leads to, if any. */
          {
            const PenalTreeNode *below = NULL;
            possibility.rule
                = penal_tree_evaluate (stuck->branches[b].child, facts, &below);
            if (possibility.rule == NULL)
              possibility.rule = penal_tree_single_rule (below);
          }
          g_array_append_val (outcome->possible, possibility);
        }
      return;
    }

  outcome->status = PENAL_STATUS_DECIDED;
  outcome->rule = rule;
  find_penalty (statute->penalties, rule, outcome);
  find_charge_codes (model, charged, rule, outcome);
}

static gboolean
same_answer (const PenalOutcome *a, const PenalOutcome *b)
{
  return a->status == PENAL_STATUS_DECIDED && b->status == PENAL_STATUS_DECIDED
         && a->rule->kind == b->rule->kind
         && (a->rule->kind != PENAL_RULE_CLASS
             || a->rule->klass == b->rule->klass)
         && g_strcmp0 (a->rule->citation, b->rule->citation) == 0
         && a->rule->cites == b->rule->cites && a->era == b->era
         && a->penalty_state == b->penalty_state
         && g_strcmp0 (a->charge_family, b->charge_family) == 0;
}

/* Evaluates statute (an offense, an enhancement or a program) for the
 * offense charged. */
static PenalOutcome *
evaluate_statute (const PenalModel *model, const PenalOffense *statute,
                  const PenalOffense *charged, const PenalPenalties *penalties,
                  const PenalFacts *facts, gint64 offense_date)
{
  g_autoptr (PenalOutcome) outcome = outcome_new (statute, offense_date);
  g_autoptr (GPtrArray) versions = g_ptr_array_new ();
  PenalOffense with_penalties = *statute;

  /* Enhancements are punished by the table of the offense they enhance. */
  with_penalties.penalties = (PenalPenalties *)penalties;

  for (guint v = 0; v < statute->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (statute->versions, v);
      if (penal_effective_may_cover (&version->dated.effective, offense_date))
        g_ptr_array_add (versions, (gpointer)version);
    }

  /* Never the nearest version: a date penal holds no version for is an
   * answer of its own. */
  if (versions->len == 0)
    {
      outcome->status = PENAL_STATUS_NO_VERSION;
      return g_steal_pointer (&outcome);
    }

  if (versions->len == 1)
    {
      evaluate_version (model, &with_penalties, charged,
                        g_ptr_array_index (versions, 0), facts, outcome);
      return g_steal_pointer (&outcome);
    }

  /* Several versions may have been in force on this date. */
  for (guint v = 0; v < versions->len; v++)
    {
      PenalOutcome *candidate = outcome_new (statute, offense_date);
      evaluate_version (model, &with_penalties, charged,
                        g_ptr_array_index (versions, v), facts, candidate);
      g_ptr_array_add (outcome->candidates, candidate);
    }
  {
    const PenalVersion *last = g_ptr_array_index (versions, versions->len - 1);
    outcome->reason = g_strdup (last->dated.uncertain);
  }

  for (guint v = 0; v < outcome->candidates->len; v++)
    {
      PenalOutcome *candidate = g_ptr_array_index (outcome->candidates, v);
      if (candidate->status == PENAL_STATUS_NEEDS_FACTS)
        {
          outcome->status = PENAL_STATUS_NEEDS_FACTS;
          for (guint m = 0; m < candidate->missing->len; m++)
            add_missing (outcome, g_ptr_array_index (candidate->missing, m));
          for (guint p = 0; p < candidate->possible->len; p++)
            {
              PenalPossibility possibility
                  = g_array_index (candidate->possible, PenalPossibility, p);
              possibility.version = candidate->version;
              g_array_append_val (outcome->possible, possibility);
            }
        }
    }
  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    return g_steal_pointer (&outcome);

  {
    PenalOutcome *first = g_ptr_array_index (outcome->candidates, 0);
    gboolean agree = TRUE;

    for (guint v = 1; v < outcome->candidates->len && agree; v++)
      agree = same_answer (first, g_ptr_array_index (outcome->candidates, v));
    if (agree)
      {
        /* Every candidate gives the same answer, so the uncertainty does not
         * matter for this case; the answer still says it was there. */
        outcome->status = PENAL_STATUS_DECIDED;
        outcome->version_uncertain = TRUE;
        outcome->version = first->version;
        outcome->rule = first->rule;
        outcome->era = first->era;
        outcome->penalty_state = first->penalty_state;
        outcome->penalty = first->penalty;
        outcome->charge_family = first->charge_family;
        if (first->charge_codes != NULL)
          outcome->charge_codes = g_ptr_array_ref (first->charge_codes);
      }
    else
      outcome->status = PENAL_STATUS_AMBIGUOUS;
  }
  return g_steal_pointer (&outcome);
}

/* A term in days, roughly, to compare two terms: a life term is longest. */
static gint64
term_days (const PenalClassPenalty *p)
{
  const PenalDuration *d = &p->imprisonment_max;

  if (p->life)
    return G_MAXINT64;
  if (d->iso == NULL)
    return 0;
  return d->unit == 'Y'   ? d->amount * 365
         : d->unit == 'M' ? d->amount * 30
                          : d->amount;
}

/* Whether charging the enhancement would raise the exposure above the base
 * offense's: its class more severe, or its maximum term longer. */
static PenalExposure
exposure_of (const PenalOutcome *base, const PenalOutcome *enhanced)
{
  if (enhanced->status != PENAL_STATUS_DECIDED
      || enhanced->rule->kind != PENAL_RULE_CLASS)
    return PENAL_EXPOSURE_NONE;
  if (base->status != PENAL_STATUS_DECIDED
      || base->rule->kind != PENAL_RULE_CLASS)
    return PENAL_EXPOSURE_UNKNOWN;
  if (enhanced->rule->klass < base->rule->klass)
    return PENAL_EXPOSURE_RAISES;
  if (enhanced->penalty != NULL && base->penalty != NULL
      && term_days (enhanced->penalty) > term_days (base->penalty))
    return PENAL_EXPOSURE_RAISES;
  return PENAL_EXPOSURE_SAME;
}

static void
add_warning (PenalOutcome *outcome, PenalWarning warning)
{
  if (outcome->warnings == NULL)
    outcome->warnings = g_array_new (FALSE, FALSE, sizeof (PenalWarning));
  g_array_append_val (outcome->warnings, warning);
}

/* The earliest day any version of the statute may have been in force. */
static gint64
earliest_start (const PenalOffense *statute)
{
  gint64 earliest = PENAL_DATE_OPEN_END;

  for (guint v = 0; v < statute->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (statute->versions, v);
      earliest = MIN (earliest, version->dated.effective.from);
    }
  return earliest;
}

/* The complete answer for the case on offense_date, with the warnings that
 * hold against today.  The date counts as given; penal_answer() says when
 * it was assumed. */
PenalOutcome *
penal_evaluate_on (const PenalModel *model, const PenalFacts *facts,
                   gint64 offense_date, gint64 today)
{
  g_autoptr (PenalOutcome) outcome = NULL;
  const PenalOffense *offense = NULL;
  gint64 index;

  g_return_val_if_fail (model != NULL && facts != NULL, NULL);

  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE, &index))
    {
      const PenalFactDecl *fact
          = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE);

      outcome = outcome_new (NULL, offense_date);
      outcome->status = PENAL_STATUS_NEEDS_FACTS;
      add_missing (outcome, fact);
      for (guint i = 0; i < model->offenses->len; i++)
        {
          PenalPossibility possibility = { 0 };
          possibility.fact = fact;
          possibility.lo = possibility.hi = i;
          g_array_append_val (outcome->possible, possibility);
        }
    }
  else
    {
      offense = g_ptr_array_index (model->offenses, index);
      outcome = evaluate_statute (model, offense, offense, offense->penalties,
                                  facts, offense_date);
    }
  outcome->given = penal_facts_copy (facts);
  outcome->date_given = TRUE;
  if (offense_date > today)
    add_warning (outcome, PENAL_WARNING_DATE_FUTURE);
  if (outcome->version_uncertain)
    add_warning (outcome, PENAL_WARNING_VERSION_UNSURE);
  if (outcome->offense == NULL)
    return g_steal_pointer (&outcome);
  /* Nothing else is answered for a date no version covers. */
  if (outcome->status == PENAL_STATUS_NO_VERSION)
    {
      if (offense_date < earliest_start (offense))
        add_warning (outcome, PENAL_WARNING_BEFORE_HELD);
      return g_steal_pointer (&outcome);
    }

  for (guint e = 0; e < offense->enhancements->len; e++)
    {
      const PenalOffense *enhancement
          = g_ptr_array_index (offense->enhancements, e);
      PenalOutcome *enhanced = evaluate_statute (
          model, enhancement, offense, offense->penalties, facts, offense_date);

      enhanced->exposure = exposure_of (outcome, enhanced);
      g_ptr_array_add (outcome->enhancements, enhanced);
    }

  /* Programs have no penalties of their own: their rules decide
   * eligibility, protection or referral, never a class.  A route the
   * statute limits to one class is not open once an enhancement of
   * another class is charged. */
  for (guint p = 0; p < offense->programs->len; p++)
    {
      const PenalOffense *program = g_ptr_array_index (offense->programs, p);
      PenalOutcome *screened = evaluate_statute (model, program, offense, NULL,
                                                 facts, offense_date);

      for (guint e = 0; program->limited && e < outcome->enhancements->len; e++)
        {
          PenalOutcome *enhanced = g_ptr_array_index (outcome->enhancements, e);

          if (enhanced->exposure == PENAL_EXPOSURE_NONE
              || enhanced->rule->klass == program->limited_to)
            continue;
          if (screened->not_if_charged == NULL)
            screened->not_if_charged = g_ptr_array_new ();
          g_ptr_array_add (screened->not_if_charged, enhanced);
        }
      g_ptr_array_add (outcome->programs, screened);
    }
  return g_steal_pointer (&outcome);
}

PenalOutcome *
penal_evaluate (const PenalModel *model, const PenalFacts *facts,
                gint64 offense_date, GError **error)
{
  (void)error; /* every case has an answer, if only "no version" */
  return penal_evaluate_on (model, facts, offense_date, penal_date_today ());
}

/* The answer for the case as given: on its offense date, or, when none is
 * given, on today's, with a warning that it was assumed. */
PenalOutcome *
penal_answer (const PenalModel *model, const PenalFacts *facts, GError **error)
{
  gint64 today = penal_date_today ();
  gint64 date;
  PenalOutcome *outcome;
  gboolean given;

  g_return_val_if_fail (model != NULL && facts != NULL, NULL);
  (void)error;

  given = penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &date);
  outcome = penal_evaluate_on (model, facts, given ? date : today, today);
  if (!given)
    {
      PenalWarning assumed = PENAL_WARNING_DATE_ASSUMED;

      outcome->date_given = FALSE;
      if (outcome->warnings == NULL)
        outcome->warnings = g_array_new (FALSE, FALSE, sizeof (PenalWarning));
      g_array_prepend_val (outcome->warnings, assumed);
    }
  return outcome;
}

static void
add_boundary (GArray *starts, gint64 day)
{
  if (day > PENAL_DATE_OPEN_START && day < PENAL_DATE_OPEN_END)
    g_array_append_val (starts, day);
}

/* Every day on which whether a version or era is in force, or certainly
 * in force, may change.  An era's end is certain, so its to_earliest + 1
 * is its to + 1, and the duplicate goes in penal_regions_finish. */
static void
add_dated_boundaries (GArray *starts, const PenalDated *dated)
{
  add_boundary (starts, dated->effective.from);
  add_boundary (starts, dated->effective.from_latest);
  add_boundary (starts, dated->effective.to_earliest + 1);
  add_boundary (starts, dated->effective.to + 1);
}

static void
add_statute_boundaries (GArray *starts, const PenalOffense *statute)
{
  for (guint v = 0; v < statute->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (statute->versions, v);
      add_dated_boundaries (starts, &version->dated);
    }
}

/* The first day of every period in which the offense's versions, its
 * enhancements', its programs' and its penalty eras stay the same; the
 * first period starts at PENAL_DATE_OPEN_START. */
GArray *
penal_offense_period_starts (const PenalOffense *offense)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 open = PENAL_DATE_OPEN_START;

  g_array_append_val (starts, open);
  add_statute_boundaries (starts, offense);
  for (guint e = 0; e < offense->enhancements->len; e++)
    add_statute_boundaries (starts,
                            g_ptr_array_index (offense->enhancements, e));
  for (guint p = 0; p < offense->programs->len; p++)
    add_statute_boundaries (starts, g_ptr_array_index (offense->programs, p));
  for (guint e = 0;
       offense->penalties != NULL && e < offense->penalties->eras->len; e++)
    {
      const PenalEra *era = g_ptr_array_index (offense->penalties->eras, e);
      add_dated_boundaries (starts, &era->dated);
    }
  penal_regions_finish (starts);
  return starts;
}

/* The first day of every period in which no statute penal holds changes
 * version (offenses, enhancements and programs alike); the first period
 * starts at PENAL_DATE_OPEN_START. */
GArray *
penal_model_period_starts (const PenalModel *model)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *kinds[]
      = { model->offenses, model->enhancements, model->programs };
  gint64 open = PENAL_DATE_OPEN_START;

  g_array_append_val (starts, open);
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < kinds[k]->len; s++)
      add_statute_boundaries (starts, g_ptr_array_index (kinds[k], s));
  penal_regions_finish (starts);
  return starts;
}

static gboolean
same_duration (const PenalDuration *a, const PenalDuration *b)
{
  return g_strcmp0 (a->iso, b->iso) == 0;
}

/* Do two penalties give the same figures: terms, county jail, fine? */
static gboolean
same_penalty (const PenalClassPenalty *a, const PenalClassPenalty *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->klass == b->klass && a->life == b->life
         && same_duration (&a->imprisonment_min, &b->imprisonment_min)
         && same_duration (&a->imprisonment_max, &b->imprisonment_max)
         && same_duration (&a->county_jail_max, &b->county_jail_max)
         && a->fine_max_usd == b->fine_max_usd
         && a->gain_multiple == b->gain_multiple
         && a->gain_cap_usd == b->gain_cap_usd;
}

static gboolean
same_list (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!penal_outcome_equal (g_ptr_array_index (a, i),
                              g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* The same pointers in the same order; NULL is empty. */
static gboolean
same_rows (GPtrArray *a, GPtrArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

/* "Did the outcome change": the same status and offense; when decided,
 * the same rule outcome (kind, class, citation) and the same penalty
 * figures; when facts are missing, the same ones; when ambiguous, the same
 * candidates; and, in every case, the same answer from each enhancement
 * and program (so a citation, a protection's words, a referral or a
 * diversion that changes is a change), and the same charge codes.
 * The version and the date are not compared: two versions that give the
 * same answer give the same outcome. */
gboolean
penal_outcome_equal (const PenalOutcome *a, const PenalOutcome *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->status != b->status || a->offense != b->offense)
    return FALSE;
  switch (a->status)
    {
    case PENAL_STATUS_DECIDED:
      if (a->rule->kind != b->rule->kind
          || (a->rule->kind == PENAL_RULE_CLASS
              && a->rule->klass != b->rule->klass)
          || g_strcmp0 (a->rule->citation, b->rule->citation) != 0
          || a->rule->cites != b->rule->cites
          || a->penalty_state != b->penalty_state
          || !same_penalty (a->penalty, b->penalty)
          || g_strcmp0 (a->charge_family, b->charge_family) != 0
          || !same_rows (a->charge_codes, b->charge_codes))
        return FALSE;
      /* Where a program applies, is open or is not established, its
       * answer is its words: an affirmative defense and a bar to
       * prosecution both "apply".  Two closed programs are the same
       * answer, whatever the reason. */
      if (a->rule->kind != PENAL_RULE_CLASS
          && a->rule->kind != PENAL_RULE_NOT_ELIGIBLE
          && a->rule->kind != PENAL_RULE_NOT_APPLICABLE
          && (g_strcmp0 (a->rule->explain, b->rule->explain) != 0
              || !same_rows (a->rule->refer, b->rule->refer)))
        return FALSE;
      break;
    case PENAL_STATUS_NO_VERSION:
      break;
    case PENAL_STATUS_NEEDS_FACTS:
      if (a->missing->len != b->missing->len)
        return FALSE;
      for (guint i = 0; i < a->missing->len; i++)
        if (g_ptr_array_index (a->missing, i)
            != g_ptr_array_index (b->missing, i))
          return FALSE;
      break;
    case PENAL_STATUS_AMBIGUOUS:
    default:
      if (!same_list (a->candidates, b->candidates))
        return FALSE;
      break;
    }
  return a->exposure == b->exposure
         && (a->not_if_charged != NULL ? a->not_if_charged->len : 0)
                == (b->not_if_charged != NULL ? b->not_if_charged->len : 0)
         && same_list (a->enhancements, b->enhancements)
         && same_list (a->programs, b->programs);
}
