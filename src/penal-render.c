/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-render.c: an outcome as prose, in the reader's language.
 *
 * The text is built from the trace: a list of steps, each a sentence and
 * the citation that supports it (the JSON answer of penal-json.c carries
 * the same trace), then the enhancements, what the answer still depends
 * on, and the diversion paragraph computed by penal-diversion.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-charges.h"
#include "penal-date.h"
#include "penal-diversion.h"
#include "penal-render.h"

void
penal_trace_step_free (PenalTraceStep *step)
{
  g_free (step->citation);
  g_free (step->text);
  g_free (step);
}

/* Adds a step to a trace: its citation (copied, or NULL) and its text
 * (taken). */
void
penal_trace_add_step (GPtrArray *trace, const char *citation, char *text)
{
  PenalTraceStep *step = g_new0 (PenalTraceStep, 1);

  step->citation = g_strdup (citation);
  step->text = text;
  g_ptr_array_add (trace, step);
}

/* Adds a step whose text is format filled in with the arguments. */
void
penal_trace_add_stepf (GPtrArray *trace, const char *citation,
                       const char *format, ...)
{
  va_list args;

  va_start (args, format);
  penal_trace_add_step (trace, citation, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A step decided by a rule: its citation, and the source it cites. */
static void
add_rule_step (GPtrArray *trace, const PenalRule *rule, char *text)
{
  penal_trace_add_step (trace, rule->citation, text);
  ((PenalTraceStep *)g_ptr_array_index (trace, trace->len - 1))->cites
      = rule->cites;
}

/* A step whose figure is not the statute's own words says its basis. */
static void
add_step_with_basis (GPtrArray *trace, const char *citation, PenalBasis basis,
                     char *text)
{
  penal_trace_add_step (trace, citation, penal_with_basis (text, basis));
}

static void
add_decided_steps (GPtrArray *trace, const PenalOutcome *outcome)
{
  const PenalRule *rule = outcome->rule;

  switch (rule->kind)
    {
    case PENAL_RULE_CLASS:
      add_rule_step (trace, rule,
                     penal_with_basis (
                         /* TRANSLATORS: %s is an explanation sentence, then the
                            class name. */
                         g_strdup_printf (_ ("%s So the offense is a %s."),
                                          penal_statute_text (rule->explain),
                                          penal_class_to_name (rule->klass)),
                         rule->basis));
      break;
    case PENAL_RULE_NOT_APPLICABLE:
      add_rule_step (trace, rule,
                     g_strdup_printf (_ ("%s So this does not apply."),
                                      penal_statute_text (rule->explain)));
      return;
    case PENAL_RULE_OPEN:
    default:
      add_rule_step (
          trace, rule,
          g_strdup_printf (
              _ ("%s The class is not established, so penal cannot give one."),
              penal_statute_text (rule->explain)));
      return;
    }

  penal_trace_add_penalty (trace, outcome->penalty_state, outcome->era,
                           outcome->penalty, outcome->offense_date);
}

/* The steps that give a class's penalty for the date: its figures with
 * their citations and bases, or why penal gives none. */
void
penal_trace_add_penalty (GPtrArray *trace, PenalPenaltyState state,
                         const PenalEra *era, const PenalClassPenalty *p,
                         gint64 offense_date)
{
  if (state != PENAL_PENALTY_HELD)
    {
      g_autofree char *date = penal_date_to_display (offense_date);

      if (state == PENAL_PENALTY_UNCERTAIN)
        penal_trace_add_stepf (trace, NULL,
                               _ ("Imprisonment and fine: not established "
                                  "for an offense committed on %s: %s"),
                               date, penal_statute_text (era->dated.uncertain));
      else
        penal_trace_add_stepf (trace, NULL,
                               _ ("Imprisonment and fine: penal holds no "
                                  "penalty table for an offense committed "
                                  "on %s."),
                               date);
      return;
    }
  if (p == NULL)
    return;
  add_step_with_basis (trace, p->imprisonment_citation, p->imprisonment_basis,
                       penal_imprisonment_text (p));
  if (p->county_jail_max.iso != NULL)
    {
      g_autofree char *jail = penal_duration_to_text (&p->county_jail_max);
      add_step_with_basis (
          trace, p->county_jail_citation, p->county_jail_basis,
          g_strdup_printf (_ ("Instead, the court may imprison for a special "
                              "term of up to %s in the county jail."),
                           jail));
    }
  add_step_with_basis (trace, p->fine_citation, p->fine_basis,
                       penal_fine_text (p));
  if (p->gain_multiple > 0)
    add_step_with_basis (trace, p->gain_citation, p->gain_basis,
                         penal_gain_text (p));
  for (guint i = 0; i < p->notes->len; i++)
    {
      const PenalNote *note = g_ptr_array_index (p->notes, i);
      penal_trace_add_step (trace, note->citation,
                            g_strdup (penal_statute_text (note->text)));
    }
}

static const char *
case_type_text (const char *code)
{
  static const struct
  {
    const char *code;
    const char *text;
  } types[] = {
    { "C", N_ ("a conservation case") }, { "F", N_ ("a felony case") },
    { "J", N_ ("a juvenile case") },     { "M", N_ ("a misdemeanor case") },
    { "IN", N_ ("an infraction case") }, { "O", N_ ("an ordinance case") },
    { "T", N_ ("a traffic case") },      { "W", N_ ("a watercraft case") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].code, code))
      return _ (types[i].text);
  return NULL;
}

/* (transfer full): what the Patrol's table says of one code, in words. */
char *
penal_charge_code_text (const PenalChargeCode *row)
{
  GString *out = g_string_new (NULL);
  const char *case_type = case_type_text (row->case_type);

  if (row->legacy != NULL)
    /* TRANSLATORS: "<charge code> (legacy code <5 digits>), “<description>”".
     */
    g_string_append_printf (out, _ ("%s (legacy code %s), “%s”"), row->code,
                            row->legacy, row->description);
  else
    g_string_append_printf (out, "%s, “%s”", row->code, row->description);
  g_string_append (out, ": ");
  g_string_append (out, row->fingerprints ? _ ("fingerprints required")
                                          : _ ("fingerprints not required"));
  g_string_append (out, "; ");
  g_string_append (out, row->dna_at_arrest ? _ ("DNA taken at arrest")
                                           : _ ("no DNA at arrest"));
  g_string_append (out, "; ");
  g_string_append (
      out, row->registration == 'Y' ? _ ("sex-offender registration required")
           : row->registration == 'N'
               ? _ ("no sex-offender registration")
               : _ ("sex-offender registration not given in the table"));
  if (case_type != NULL)
    {
      g_string_append (out, "; ");
      g_string_append (out, case_type);
    }
  return g_string_free (out, FALSE);
}

/* (transfer full): the citation of the table, "Missouri State Highway
 * Patrol charge codes, edition of 5 August 2021". */
char *
penal_charges_citation (const PenalCharges *charges)
{
  g_autofree char *edition
      = penal_date_to_display (penal_charges_get_edition_day (charges));

  return g_strdup_printf (
      _ ("Missouri State Highway Patrol charge codes, edition of %s"), edition);
}

static void
add_charge_code_steps (GPtrArray *trace, const PenalModel *model,
                       const PenalOutcome *outcome)
{
  g_autofree char *citation = NULL;
  g_autofree char *date = NULL;

  if (outcome->charge_family == NULL || model->charges == NULL)
    return;
  citation = penal_charges_citation (model->charges);
  date = penal_date_to_display (outcome->offense_date);
  if (outcome->charge_codes->len == 0)
    penal_trace_add_step (
        trace, citation,
        penal_with_basis (
            g_strdup_printf (_ ("Charge code: the table has no code of "
                                "%s in force on %s."),
                             outcome->charge_family, date),
            PENAL_BASIS_OFFICIAL_RECORD));
  for (guint c = 0; c < outcome->charge_codes->len; c++)
    {
      g_autofree char *code = penal_charge_code_text (
          g_ptr_array_index (outcome->charge_codes, c));
      penal_trace_add_step (
          trace, citation,
          penal_with_basis (g_strdup_printf (_ ("Charge code: %s."), code),
                            PENAL_BASIS_OFFICIAL_RECORD));
    }
  if (outcome->offense_date > penal_charges_get_edition_day (model->charges))
    penal_trace_add_step (
        trace, citation,
        g_strdup (_ ("The offense date is after this edition of the "
                     "table: the code is as of the edition, and a later "
                     "edition may differ.")));
}

static void
add_notes (GPtrArray *trace, const char *citation, GPtrArray *notes)
{
  for (guint n = 0; notes != NULL && n < notes->len; n++)
    penal_trace_add_step (
        trace, citation,
        g_strdup (penal_statute_text (g_ptr_array_index (notes, n))));
}

static void
add_version_step (GPtrArray *trace, const PenalOutcome *outcome,
                  const PenalVersion *version)
{
  g_autofree char *date = penal_date_to_display (outcome->offense_date);

  penal_trace_add_step (
      trace, outcome->offense->statute,
      /* TRANSLATORS: "<version title> applies to an offense committed on
         <date> (basis: <statute text|official record|secondary
         source|inference|not established>)." */
      g_strdup_printf (
          _ ("%s applies to an offense committed on %s (basis: %s)."),
          penal_statute_text (version->dated.title), date,
          penal_basis_to_text (version->dated.basis)));
}

/* (transfer full): an array of PenalTraceStep. */
GPtrArray *
penal_outcome_trace (const PenalModel *model, const PenalOutcome *outcome)
{
  GPtrArray *trace
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_trace_step_free);

  g_return_val_if_fail (outcome != NULL, trace);

  if (outcome->offense == NULL)
    return trace;

  if (outcome->status == PENAL_STATUS_NO_VERSION)
    {
      g_autofree char *date = penal_date_to_display (outcome->offense_date);
      penal_trace_add_stepf (trace, outcome->offense->statute,
                             _ ("penal holds no version of %s in force on "
                                "%s, so it gives no answer for that "
                                "date."),
                             outcome->offense->statute, date);
    }
  else if (outcome->status == PENAL_STATUS_DECIDED)
    {
      add_version_step (trace, outcome, outcome->version);
      add_notes (trace, outcome->offense->statute,
                 outcome->version->dated.notes);
      if (outcome->version_uncertain)
        penal_trace_add_stepf (trace, outcome->offense->statute,
                               _ ("Which version was in force on that date "
                                  "is not established: %s Every candidate "
                                  "version gives the same answer here."),
                               penal_statute_text (outcome->reason));
      add_decided_steps (trace, outcome);
      if (outcome->era != NULL && outcome->penalty != NULL)
        {
          penal_trace_add_stepf (
              trace, NULL, _ ("Penalties from %s."),
              penal_statute_text (outcome->era->dated.title));
          add_notes (trace, NULL, outcome->era->dated.notes);
        }
      add_charge_code_steps (trace, model, outcome);
    }
  else if (outcome->status == PENAL_STATUS_AMBIGUOUS)
    penal_trace_add_stepf (
        trace, outcome->offense->statute,
        _ ("More than one version of %s may have been in force on "
           "that date, and they give different answers: %s"),
        outcome->offense->statute, penal_statute_text (outcome->reason));
  else
    for (guint i = 0; i < outcome->missing->len; i++)
      {
        const PenalFactDecl *fact = g_ptr_array_index (outcome->missing, i);
        penal_trace_add_step (
            trace, outcome->offense->statute,
            outcome->plain
                ? g_strdup_printf (
                    _ ("The answer depends on something not known: %s."),
                    penal_statute_text (fact->label))
                : g_strdup_printf (
                    _ ("The answer depends on %s (%s), which was not "
                       "given."),
                    fact->name, penal_statute_text (fact->label)));
      }
  return trace;
}

static void
append_trace (GString *out, GPtrArray *trace)
{
  for (guint i = 0; i < trace->len; i++)
    {
      const PenalTraceStep *step = g_ptr_array_index (trace, i);
      if (step->cites != NULL && step->cites->label != NULL)
        {
          g_autofree char *cited
              = penal_source_label_text (step->cites->label, step->cites->date);
          g_string_append_printf (out, "  %s [%s]\n", step->text, cited);
        }
      else if (step->citation != NULL)
        g_string_append_printf (out, "  %s [%s]\n", step->text, step->citation);
      else
        g_string_append_printf (out, "  %s\n", step->text);
    }
}

static void
append_enhancements (GString *out, const PenalModel *model,
                     const PenalOutcome *outcome)
{
  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *enhanced
          = g_ptr_array_index (outcome->enhancements, e);
      const PenalOffense *statute = enhanced->offense;

      g_string_append_printf (
          out, _ ("%s (%s): %s\n"), penal_statute_text (statute->title),
          statute->statute, penal_statute_text (statute->condition));
      if (enhanced->status == PENAL_STATUS_DECIDED
          && enhanced->rule->kind == PENAL_RULE_NOT_APPLICABLE)
        {
          g_autofree char *cited = penal_rule_citation_text (enhanced->rule);
          g_string_append_printf (out, "  %s [%s]\n",
                                  penal_statute_text (enhanced->rule->explain),
                                  cited);
          continue;
        }
      {
        g_autoptr (GPtrArray) trace = penal_outcome_trace (model, enhanced);
        append_trace (out, trace);
      }
    }
}

static void
append_possibilities (GString *out, const PenalOutcome *outcome)
{
  for (guint i = 0; i < outcome->possible->len; i++)
    {
      const PenalPossibility *p
          = &g_array_index (outcome->possible, PenalPossibility, i);
      g_autofree char *range = penal_possibility_to_text (p, outcome->plain);
      g_autofree char *prefix
          = p->version != NULL ? g_strdup_printf (
                "%s: ", penal_statute_text (p->version->dated.title))
                               : g_strdup ("");

      if (p->rule != NULL && p->rule->kind == PENAL_RULE_CLASS)
        {
          g_autofree char *cited = penal_rule_citation_text (p->rule);
          g_string_append_printf (out, "  - %s%s → %s [%s]\n", prefix, range,
                                  penal_class_to_name (p->rule->klass), cited);
        }
      else
        /* TRANSLATORS: a range of a fact that leads to further questions. */
        g_string_append_printf (
            out, _ ("  - %s%s → depends on further facts\n"), prefix, range);
    }
}

static void
append_program (GString *out, const PenalOutcome *screened)
{
  const PenalOffense *program = screened->offense;
  PenalAnswer answer = penal_program_answer (screened);
  g_autofree char *reason = penal_program_reason (screened);
  g_autofree char *citation
      = screened->status == PENAL_STATUS_DECIDED
            ? penal_rule_citation_text (screened->rule)
            : g_strdup (penal_statute_text (program->statute));

  g_string_append_printf (out, "  %s", penal_statute_text (program->title));
  if (program->operator_name != NULL && program->jurisdiction != NULL)
    g_string_append_printf (out, " (%s; %s)", program->operator_name,
                            penal_statute_text (program->jurisdiction));
  else if (program->jurisdiction != NULL)
    g_string_append_printf (out, " (%s)",
                            penal_statute_text (program->jurisdiction));
  /* TRANSLATORS: ": <eligible|not eligible|…>. <why> [<citation>]". */
  g_string_append_printf (out, _ (": %s. %s [%s]\n"),
                          penal_program_answer_text (program, answer), reason,
                          citation);

  if (screened->status == PENAL_STATUS_NEEDS_FACTS)
    for (guint i = 0; i < screened->possible->len; i++)
      {
        const PenalPossibility *p
            = &g_array_index (screened->possible, PenalPossibility, i);
        g_autofree char *range = penal_possibility_to_text (p, screened->plain);
        PenalAnswer leads = PENAL_ANSWER_UNKNOWN;

        if (p->rule != NULL)
          leads = p->rule->kind == PENAL_RULE_ELIGIBLE
                          || p->rule->kind == PENAL_RULE_APPLIES
                      ? PENAL_ANSWER_YES
                  : p->rule->kind == PENAL_RULE_OPEN ? PENAL_ANSWER_UNKNOWN
                                                     : PENAL_ANSWER_NO;
        if (p->rule != NULL)
          {
            g_autofree char *cited = penal_rule_citation_text (p->rule);
            g_string_append_printf (out, "    - %s → %s [%s]\n", range,
                                    penal_program_answer_text (program, leads),
                                    cited);
          }
        else
          g_string_append_printf (
              out, _ ("    - %s → depends on further facts\n"), range);
      }

  g_string_append_printf (out, "    %s",
                          penal_statute_text (program->description));
  if (program->fees != NULL)
    g_string_append_printf (out, " %s", penal_statute_text (program->fees));
  g_string_append_c (out, '\n');
  if (program->caveat != NULL)
    g_string_append_printf (out, "    %s\n",
                            penal_statute_text (program->caveat));
}

static void
append_section (GString *out, const PenalOutcome *outcome,
                PenalProgramKind kind, const char *heading)
{
  g_autoptr (GPtrArray) programs = penal_outcome_programs_of (outcome, kind);

  if (programs->len == 0)
    return;
  g_string_append_printf (out, "%s\n", heading);
  for (guint p = 0; p < programs->len; p++)
    append_program (out, g_ptr_array_index (programs, p));
}

static void
append_diversion_text (GString *out, const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);
  g_autoptr (GPtrArray) programs
      = penal_outcome_programs_of (outcome, PENAL_PROGRAM_DIVERSION);

  g_string_append_printf (out, "%s\n",
                          diversion->eligible == PENAL_ANSWER_YES
                              ? _ ("Diversion: open.")
                          : diversion->eligible == PENAL_ANSWER_NO
                              ? _ ("Diversion: not open.")
                              : _ ("Diversion: cannot tell yet."));
  for (guint p = 0; p < programs->len; p++)
    append_program (out, g_ptr_array_index (programs, p));
  if (programs->len == 0)
    g_string_append_printf (out, "  %s\n",
                            (char *)g_ptr_array_index (diversion->reasons, 0));
  append_section (out, outcome, PENAL_PROGRAM_COURT_DISCRETION,
                  _ ("At the court's discretion:"));
  append_section (out, outcome, PENAL_PROGRAM_PROTECTION,
                  _ ("Protection in the statute:"));

  if (diversion->next_steps->len > 0)
    {
      g_string_append (out, _ ("Next steps:\n"));
      for (guint i = 0; i < diversion->next_steps->len; i++)
        g_string_append_printf (
            out, "  - %s\n",
            (char *)g_ptr_array_index (diversion->next_steps, i));
    }
  if (diversion->resources->len > 0)
    {
      g_string_append (out, _ ("Where to refer the person:\n"));
      for (guint i = 0; i < diversion->resources->len; i++)
        {
          const PenalResource *resource
              = g_ptr_array_index (diversion->resources, i);
          const PenalRule *because
              = g_ptr_array_index (diversion->referred_by, i);
          g_autofree char *cited = penal_rule_citation_text (because);

          g_string_append_printf (out, "  - %s",
                                  penal_statute_text (resource->title));
          if (resource->phone != NULL)
            g_string_append_printf (out, ", %s", resource->phone);
          if (resource->url != NULL)
            g_string_append_printf (out, ", %s", resource->url);
          g_string_append_printf (out, ": %s\n",
                                  penal_statute_text (resource->description));
          /* TRANSLATORS: why a resource is shown: the sentence of the rule
             that called for it, then its citation. */
          g_string_append_printf (out, _ ("    Because: %s [%s]\n"),
                                  penal_statute_text (because->explain), cited);
        }
    }
}

/* The answer in full, without "In short" and the closing line: the
 * heading, the class and its reasons, enhancements, diversion, the
 * court's routes, protections, next steps and referrals. */
char *
penal_render_details (const PenalModel *model, const PenalOutcome *outcome)
{
  GString *out = g_string_new (NULL);
  g_autofree char *date = penal_date_to_display (outcome->offense_date);
  g_autoptr (GPtrArray) trace = penal_outcome_trace (model, outcome);

  if (outcome->offense == NULL)
    {
      g_string_append (out, _ ("Which offense? Give offense=… with one of:\n"));
      for (guint i = 0; i < model->offenses->len; i++)
        {
          const PenalOffense *offense = g_ptr_array_index (model->offenses, i);
          g_string_append_printf (out, "  - offense=%s: %s (%s)\n", offense->id,
                                  penal_statute_text (offense->title),
                                  offense->statute);
        }
      return g_string_free (out, FALSE);
    }

  /* TRANSLATORS: "<offense title> (<statute>), offense committed on <date>". */
  g_string_append_printf (out, _ ("%s (%s), offense committed on %s:\n"),
                          penal_statute_text (outcome->offense->title),
                          outcome->offense->statute, date);

  switch (outcome->status)
    {
    case PENAL_STATUS_DECIDED:
      {
        /* The class line names the class as the charging papers do too. */
        g_autofree char *klass
            = penal_class_to_name_with_english (outcome->rule->klass);
        g_autofree char *cited = penal_rule_citation_text (outcome->rule);

        g_string_append_printf (out, _ ("Class: %s [%s]\n"), klass, cited);
        append_trace (out, trace);
      }
      break;
    case PENAL_STATUS_NEEDS_FACTS:
      g_string_append (out, _ ("More facts are needed.\n"));
      append_trace (out, trace);
      g_string_append (out, _ ("Where each answer leads:\n"));
      append_possibilities (out, outcome);
      break;
    case PENAL_STATUS_AMBIGUOUS:
      g_string_append (out, _ ("Ambiguous: the answer depends on a date no "
                               "source has established.\n"));
      append_trace (out, trace);
      for (guint c = 0; c < outcome->candidates->len; c++)
        {
          const PenalOutcome *candidate
              = g_ptr_array_index (outcome->candidates, c);
          g_autoptr (GPtrArray) candidate_trace
              = penal_outcome_trace (model, candidate);
          g_autofree char *klass
              = penal_class_to_name_with_english (candidate->rule->klass);
          g_autofree char *cited = penal_rule_citation_text (candidate->rule);

          g_string_append_printf (
              out, _ ("If %s applies — %s [%s]:\n"),
              penal_statute_text (candidate->version->dated.title), klass,
              cited);
          append_trace (out, candidate_trace);
        }
      break;
    case PENAL_STATUS_NO_VERSION:
      g_string_append (out, _ ("No answer: no version held for that date.\n"));
      append_trace (out, trace);
      return g_string_free (out, FALSE);
    default:
      g_assert_not_reached ();
    }

  append_enhancements (out, model, outcome);
  append_diversion_text (out, outcome);
  return g_string_free (out, FALSE);
}

/* The answer as classify prints it: the heading, "In short", the details,
 * and that penal is not legal advice. */
char *
penal_render_text (const PenalModel *model, const PenalOutcome *outcome)
{
  g_autofree char *details = penal_render_details (model, outcome);
  g_autoptr (GPtrArray) summary = NULL;
  GString *out;
  const char *body;

  if (outcome->offense == NULL)
    return g_steal_pointer (&details);
  summary = penal_outcome_summary (outcome, TRUE);
  /* The details' first line is the heading: "In short" follows it. */
  body = strchr (details, '\n');
  body = body != NULL ? body + 1 : details + strlen (details);
  out = g_string_new_len (details, body - details);
  g_string_append (out, _ ("In short:\n"));
  for (guint i = 0; i < summary->len; i++)
    g_string_append_printf (out, "  %s\n",
                            (char *)g_ptr_array_index (summary, i));
  g_string_append (out, body);
  g_string_append_printf (out, "%s\n", penal_not_advice_text ());
  return g_string_free (out, FALSE);
}
