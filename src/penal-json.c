/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-json.c: an outcome as JSON, with stable codes.
 *
 * Codes (status, class, durations, dates) never change with the language;
 * trace[].text and explanations are the same translated sentences as the
 * text answer.  Nulls mean "none authorized", never "unknown". */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-charges.h"
#include "penal-diversion.h"
#include "penal-render.h"

/* The flat penalty members of batch rows and the student commands:
 * imprisonment_min, imprisonment_max, life, county_jail_max, fine_max_usd,
 * all null when p is NULL. */
void
penal_json_add_penalty_fields (JsonBuilder *builder, const PenalClassPenalty *p)
{
  penal_json_add_string_or_null (builder, "imprisonment_min",
                                 p != NULL ? p->imprisonment_min.iso : NULL);
  penal_json_add_string_or_null (builder, "imprisonment_max",
                                 p != NULL ? p->imprisonment_max.iso : NULL);
  json_builder_set_member_name (builder, "life");
  if (p != NULL)
    json_builder_add_boolean_value (builder, p->life);
  else
    json_builder_add_null_value (builder);
  penal_json_add_string_or_null (builder, "county_jail_max",
                                 p != NULL ? p->county_jail_max.iso : NULL);
  json_builder_set_member_name (builder, "fine_max_usd");
  if (p != NULL && p->fine_max_usd >= 0)
    json_builder_add_int_value (builder, p->fine_max_usd);
  else
    json_builder_add_null_value (builder);
}

/* A date as ISO 8601, or null when it is open_value (an open end). */
void
penal_json_add_date_or_null (JsonBuilder *builder, const char *member,
                             gint64 julian, gint64 open_value)
{
  json_builder_set_member_name (builder, member);
  if (julian == open_value)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *iso = penal_date_to_iso (julian);
      json_builder_add_string_value (builder, iso);
    }
}

void
penal_json_add_string_or_null (JsonBuilder *builder, const char *member,
                               const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* Begins member as an object and returns TRUE where there is one to
 * write; writes member as null and returns FALSE where there is not. */
gboolean
penal_json_begin_object_or_null (JsonBuilder *builder, const char *member,
                                 gboolean present)
{
  json_builder_set_member_name (builder, member);
  if (!present)
    {
      json_builder_add_null_value (builder);
      return FALSE;
    }
  json_builder_begin_object (builder);
  return TRUE;
}

static void
add_usd_or_null (JsonBuilder *builder, const char *member, gint64 usd)
{
  json_builder_set_member_name (builder, member);
  if (usd < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, usd);
}

static void
add_version (JsonBuilder *builder, const PenalVersion *version,
             gboolean uncertain)
{
  if (!penal_json_begin_object_or_null (builder, "version", version != NULL))
    return;
  penal_json_add_string_or_null (builder, "id", version->dated.id);
  penal_json_add_string_or_null (builder, "title",
                                 penal_statute_text (version->dated.title));
  penal_json_add_date_or_null (builder, "from", version->dated.effective.from,
                               PENAL_DATE_OPEN_START);
  penal_json_add_date_or_null (builder, "to", version->dated.effective.to,
                               PENAL_DATE_OPEN_END);
  if (version->dated.effective.from_latest != version->dated.effective.from)
    penal_json_add_date_or_null (builder, "from_latest",
                                 version->dated.effective.from_latest, -1);
  if (version->dated.effective.to_earliest != version->dated.effective.to)
    penal_json_add_date_or_null (builder, "to_earliest",
                                 version->dated.effective.to_earliest, -1);
  penal_json_add_string_or_null (builder, "basis",
                                 penal_basis_to_code (version->dated.basis));
  json_builder_set_member_name (builder, "uncertain");
  json_builder_add_boolean_value (builder, uncertain);
  json_builder_end_object (builder);
}

/* "imprisonment" and "fine" as classify writes them, null when p is. */
void
penal_json_add_penalty (JsonBuilder *builder, const PenalClassPenalty *p)
{
  if (penal_json_begin_object_or_null (builder, "imprisonment", p != NULL))
    {
      penal_json_add_string_or_null (builder, "min", p->imprisonment_min.iso);
      penal_json_add_string_or_null (builder, "max", p->imprisonment_max.iso);
      json_builder_set_member_name (builder, "life");
      json_builder_add_boolean_value (builder, p->life);
      penal_json_add_string_or_null (builder, "county_jail_alternative",
                                     p->county_jail_max.iso);
      penal_json_add_string_or_null (builder, "citation",
                                     p->imprisonment_citation);
      penal_json_add_string_or_null (
          builder, "basis", penal_basis_to_code (p->imprisonment_basis));
      penal_json_add_string_or_null (builder, "county_jail_citation",
                                     p->county_jail_citation);
      penal_json_add_string_or_null (
          builder, "county_jail_basis",
          p->county_jail_citation != NULL
              ? penal_basis_to_code (p->county_jail_basis)
              : NULL);
      json_builder_end_object (builder);
    }

  if (penal_json_begin_object_or_null (builder, "fine", p != NULL))
    {
      add_usd_or_null (builder, "max_usd", p->fine_max_usd);
      penal_json_add_string_or_null (builder, "citation", p->fine_citation);
      penal_json_add_string_or_null (builder, "basis",
                                     penal_basis_to_code (p->fine_basis));
      if (penal_json_begin_object_or_null (builder, "gain_alternative",
                                           p->gain_multiple != 0))
        {
          json_builder_set_member_name (builder, "multiple");
          json_builder_add_int_value (builder, p->gain_multiple);
          add_usd_or_null (builder, "cap_usd", p->gain_cap_usd);
          penal_json_add_string_or_null (builder, "citation", p->gain_citation);
          penal_json_add_string_or_null (builder, "basis",
                                         penal_basis_to_code (p->gain_basis));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
}

static void
add_flag (JsonBuilder *builder, const char *member, char flag)
{
  json_builder_set_member_name (builder, member);
  if (flag == 'Y' || flag == 'N')
    json_builder_add_boolean_value (builder, flag == 'Y');
  else
    json_builder_add_null_value (builder);
}

static void
add_letter (JsonBuilder *builder, const char *member, char letter)
{
  char text[2] = { letter, '\0' };

  penal_json_add_string_or_null (builder, member, letter != 0 ? text : NULL);
}

/* The Patrol's codes of the decided rule in force on the offense date:
 * null when the rule has none, an empty array when the table has none in
 * force then. */
static void
add_charge_codes (JsonBuilder *builder, const PenalModel *model,
                  const PenalOutcome *outcome)
{
  json_builder_set_member_name (builder, "charge_codes");
  if (outcome->charge_family == NULL || model->charges == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_array (builder);
  for (guint c = 0; c < outcome->charge_codes->len; c++)
    {
      const PenalChargeCode *row = g_ptr_array_index (outcome->charge_codes, c);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "code", row->code);
      penal_json_add_string_or_null (builder, "family", row->family);
      penal_json_add_string_or_null (builder, "legacy", row->legacy);
      add_letter (builder, "type", row->type);
      add_letter (builder, "class", row->klass);
      penal_json_add_charge_period (builder, row);
      add_flag (builder, "fingerprints", row->fingerprints ? 'Y' : 'N');
      add_flag (builder, "dna_at_arrest", row->dna_at_arrest ? 'Y' : 'N');
      add_flag (builder, "sex_offender_registration", row->registration);
      penal_json_add_string_or_null (builder, "case_type", row->case_type);
      penal_json_add_string_or_null (builder, "description", row->description);
      penal_json_add_string_or_null (
          builder, "edition", penal_charges_get_edition (model->charges));
      json_builder_set_member_name (builder, "after_edition");
      json_builder_add_boolean_value (
          builder, outcome->offense_date
                       > penal_charges_get_edition_day (model->charges));
      penal_json_add_string_or_null (
          builder, "basis", penal_basis_to_code (PENAL_BASIS_OFFICIAL_RECORD));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The member "penalty_established": whether the penalty figures are
 * established for the date (nulls in imprisonment and fine mean "none
 * authorized" only when they are), null unless a class is decided.
 * Returns whether one is. */
gboolean
penal_json_add_penalty_established (JsonBuilder *builder,
                                    const PenalOutcome *outcome)
{
  gboolean class_decided = outcome->status == PENAL_STATUS_DECIDED
                           && outcome->rule->kind == PENAL_RULE_CLASS;

  json_builder_set_member_name (builder, "penalty_established");
  if (!class_decided)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, outcome->penalty_state
                                                 == PENAL_PENALTY_HELD);
  return class_decided;
}

/* "penalty_established", and why the figures are not where they are not. */
static void
add_penalty_state (JsonBuilder *builder, const PenalOutcome *outcome)
{
  gboolean class_decided
      = penal_json_add_penalty_established (builder, outcome);

  penal_json_add_string_or_null (
      builder, "penalty_reason",
      !class_decided ? NULL
      : outcome->penalty_state == PENAL_PENALTY_UNCERTAIN
          ? penal_statute_text (outcome->era->dated.uncertain)
      : outcome->penalty_state == PENAL_PENALTY_NOT_HELD
          ? _ ("penal holds no penalty table for that date")
          : NULL);
}

/* The member "trace": each step of a trace (PenalTraceStep), with the
 * citation that decided it. */
void
penal_json_add_trace (JsonBuilder *builder, GPtrArray *trace)
{
  json_builder_set_member_name (builder, "trace");
  json_builder_begin_array (builder);
  for (guint i = 0; i < trace->len; i++)
    {
      const PenalTraceStep *step = g_ptr_array_index (trace, i);
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "citation", step->citation);
      penal_json_add_string_or_null (builder, "text", step->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sources_of (JsonBuilder *builder, GHashTable *seen, GPtrArray *sources)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PenalSource *source = g_ptr_array_index (sources, i);
      if (!g_hash_table_add (seen, (gpointer)source->id))
        continue;
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "citation", source->citation);
      penal_json_add_string_or_null (builder, "url", source->url);
      penal_json_add_string_or_null (builder, "basis",
                                     penal_basis_to_code (source->basis));
      json_builder_end_object (builder);
    }
}

static void
add_sources (JsonBuilder *builder, const PenalOutcome *outcome)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  if (outcome->version != NULL)
    add_sources_of (builder, seen, outcome->version->dated.sources);
  for (guint c = 0; c < outcome->candidates->len; c++)
    add_sources_of (builder, seen,
                    ((PenalOutcome *)g_ptr_array_index (outcome->candidates, c))
                        ->version->dated.sources);
  if (outcome->era != NULL)
    add_sources_of (builder, seen, outcome->era->dated.sources);
  json_builder_end_array (builder);
}

static void add_outcome_members (JsonBuilder *builder, const PenalModel *model,
                                 const PenalOutcome *outcome,
                                 gboolean top_level);

static void
add_possible (JsonBuilder *builder, const PenalOutcome *outcome)
{
  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->missing->len; i++)
    json_builder_add_string_value (
        builder,
        ((PenalFactDecl *)g_ptr_array_index (outcome->missing, i))->name);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "possible");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->possible->len; i++)
    {
      const PenalPossibility *p
          = &g_array_index (outcome->possible, PenalPossibility, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "when");
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "fact", p->fact->name);
      if (p->fact->type == PENAL_FACT_TYPE_INTEGER)
        {
          json_builder_set_member_name (builder, "min");
          json_builder_add_int_value (builder, p->lo);
          json_builder_set_member_name (builder, "max");
          json_builder_add_int_value (builder, p->hi);
        }
      else
        {
          g_autofree char *value = p->fact->type == PENAL_FACT_TYPE_BOOLEAN
                                       ? g_strdup (p->lo ? "yes" : "no")
                                   : p->fact->type == PENAL_FACT_TYPE_ENUM
                                       ? g_strdup (p->fact->values[p->lo])
                                       : penal_date_to_iso (p->lo);
          penal_json_add_string_or_null (builder, "value", value);
        }
      json_builder_end_object (builder);
      penal_json_add_string_or_null (builder, "class",
                                     penal_rule_class_code (p->rule));
      penal_json_add_string_or_null (
          builder, "citation", p->rule != NULL ? p->rule->citation : NULL);
      if (p->version != NULL)
        penal_json_add_string_or_null (builder, "version",
                                       p->version->dated.id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_answer (JsonBuilder *builder, const char *member, PenalAnswer answer)
{
  json_builder_set_member_name (builder, member);
  if (answer == PENAL_ANSWER_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, answer == PENAL_ANSWER_YES);
}

static void
add_fact_names (JsonBuilder *builder, const char *member, GPtrArray *facts)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < facts->len; i++)
    json_builder_add_string_value (
        builder, ((PenalFactDecl *)g_ptr_array_index (facts, i))->name);
  json_builder_end_array (builder);
}

/* The programs of one kind, each in full: what it is, who runs it, its
 * answer (under answer_member), why, and what it still needs. */
static void
add_programs (JsonBuilder *builder, const PenalOutcome *outcome,
              PenalProgramKind kind, const char *member,
              const char *answer_member)
{
  g_autoptr (GPtrArray) programs = penal_outcome_programs_of (outcome, kind);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint p = 0; p < programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (programs, p);
      const PenalOffense *program = screened->offense;
      gboolean decided = screened->status == PENAL_STATUS_DECIDED;
      g_autofree char *reason = penal_program_reason (screened);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", program->id);
      penal_json_add_string_or_null (builder, "title",
                                     penal_statute_text (program->title));
      penal_json_add_string_or_null (builder, "statute", program->statute);
      if (kind == PENAL_PROGRAM_DIVERSION)
        {
          penal_json_add_string_or_null (builder, "operator",
                                         program->operator_name);
          penal_json_add_string_or_null (
              builder, "jurisdiction",
              penal_statute_text (program->jurisdiction));
          penal_json_add_string_or_null (builder, "fees",
                                         penal_statute_text (program->fees));
        }
      penal_json_add_string_or_null (builder, "description",
                                     penal_statute_text (program->description));
      penal_json_add_string_or_null (builder, "caveat",
                                     penal_statute_text (program->caveat));
      add_answer (builder, answer_member, penal_program_answer (screened));
      penal_json_add_string_or_null (builder, "citation",
                                     decided ? screened->rule->citation : NULL);
      penal_json_add_string_or_null (
          builder, "basis",
          decided ? penal_basis_to_code (screened->rule->basis) : NULL);
      penal_json_add_string_or_null (builder, "version",
                                     screened->version != NULL
                                             && screened->candidates->len == 0
                                         ? screened->version->dated.id
                                         : NULL);
      penal_json_add_string_or_null (builder, "reason", reason);
      add_fact_names (builder, "missing", screened->missing);
      if (kind == PENAL_PROGRAM_COURT_DISCRETION)
        {
          penal_json_add_string_or_null (
              builder, "limited_to",
              program->limited ? penal_class_to_code (program->limited_to)
                               : NULL);
          penal_json_add_not_if_charged (builder, screened);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_strings (JsonBuilder *builder, const char *member, GPtrArray *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
add_diversion_json (JsonBuilder *builder, const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);

  json_builder_begin_object (builder);
  add_answer (builder, "eligible", diversion->eligible);
  add_programs (builder, outcome, PENAL_PROGRAM_DIVERSION, "programs",
                "eligible");
  add_strings (builder, "reasons", diversion->reasons);
  add_fact_names (builder, "missing", diversion->missing);
  add_programs (builder, outcome, PENAL_PROGRAM_COURT_DISCRETION,
                "court_discretion", "available");
  add_programs (builder, outcome, PENAL_PROGRAM_PROTECTION, "protections",
                "applies");
  add_strings (builder, "next_steps", diversion->next_steps);

  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diversion->resources->len; i++)
    {
      const PenalResource *resource
          = g_ptr_array_index (diversion->resources, i);
      const PenalRule *because = g_ptr_array_index (diversion->referred_by, i);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", resource->id);
      penal_json_add_string_or_null (builder, "title",
                                     penal_statute_text (resource->title));
      penal_json_add_string_or_null (builder, "phone", resource->phone);
      penal_json_add_string_or_null (builder, "url", resource->url);
      penal_json_add_string_or_null (
          builder, "description", penal_statute_text (resource->description));
      penal_json_add_string_or_null (builder, "because",
                                     penal_statute_text (because->explain));
      penal_json_add_string_or_null (builder, "citation", because->citation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_outcome_members (JsonBuilder *builder, const PenalModel *model,
                     const PenalOutcome *outcome, gboolean top_level)
{
  gboolean decided = outcome->status == PENAL_STATUS_DECIDED;
  const PenalRule *rule = decided ? outcome->rule : NULL;
  g_autoptr (GPtrArray) trace = penal_outcome_trace (model, outcome);

  penal_json_add_string_or_null (builder, "status",
                                 penal_status_to_code (outcome->status));
  if (top_level)
    {
      penal_json_add_string_or_null (builder, "jurisdiction",
                                     model->jurisdiction);
      penal_json_add_string_or_null (
          builder, "offense",
          outcome->offense != NULL ? outcome->offense->id : NULL);
      penal_json_add_date_or_null (builder, "offense_date",
                                   outcome->offense_date, -1);
    }
  penal_json_add_string_or_null (
      builder, "statute",
      outcome->offense != NULL ? outcome->offense->statute : NULL);
  penal_json_add_string_or_null (builder, "citation",
                                 rule != NULL ? rule->citation : NULL);
  add_version (builder,
               outcome->candidates->len > 0 && !decided ? NULL
                                                        : outcome->version,
               outcome->version_uncertain);
  penal_json_add_string_or_null (builder, "class",
                                 penal_rule_class_code (rule));
  penal_json_add_string_or_null (
      builder, "basis",
      rule != NULL ? penal_basis_to_code (rule->basis) : NULL);
  penal_json_add_penalty (builder, outcome->penalty);
  add_penalty_state (builder, outcome);
  add_charge_codes (builder, model, outcome);
  penal_json_add_trace (builder, trace);
  add_sources (builder, outcome);

  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    add_possible (builder, outcome);
  if (outcome->candidates->len > 0)
    {
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      for (guint c = 0; c < outcome->candidates->len; c++)
        {
          json_builder_begin_object (builder);
          add_outcome_members (builder, model,
                               g_ptr_array_index (outcome->candidates, c),
                               FALSE);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      penal_json_add_string_or_null (builder, "reason",
                                     penal_statute_text (outcome->reason));
    }
}

/* "not_if_charged": the enhancements that, charged, take the case out of
 * the one class a court's route is limited to. */
void
penal_json_add_not_if_charged (JsonBuilder *builder,
                               const PenalOutcome *screened)
{
  json_builder_set_member_name (builder, "not_if_charged");
  json_builder_begin_array (builder);
  for (guint e = 0;
       screened->not_if_charged != NULL && e < screened->not_if_charged->len;
       e++)
    json_builder_add_string_value (
        builder,
        ((const PenalOutcome *)g_ptr_array_index (screened->not_if_charged, e))
            ->offense->id);
  json_builder_end_array (builder);
}

/* "raises_exposure": whether charging the enhancement would raise the
 * class or the term above the offense's own; null when either is not
 * decided. */
void
penal_json_add_raises_exposure (JsonBuilder *builder,
                                const PenalOutcome *enhanced)
{
  json_builder_set_member_name (builder, "raises_exposure");
  if (enhanced->exposure == PENAL_EXPOSURE_RAISES
      || enhanced->exposure == PENAL_EXPOSURE_SAME)
    json_builder_add_boolean_value (builder, enhanced->exposure
                                                 == PENAL_EXPOSURE_RAISES);
  else
    json_builder_add_null_value (builder);
}

/* A fact's value as JSON: a number, true or false, the enum value's name,
 * or an ISO date. */
void
penal_json_add_fact_value (JsonBuilder *builder, const PenalFactDecl *fact,
                           gint64 value)
{
  switch (fact->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      json_builder_add_boolean_value (builder, value != 0);
      break;
    case PENAL_FACT_TYPE_ENUM:
      json_builder_add_string_value (builder, fact->values[value]);
      break;
    case PENAL_FACT_TYPE_DATE:
      {
        g_autofree char *iso = penal_date_to_iso (value);
        json_builder_add_string_value (builder, iso);
      }
      break;
    case PENAL_FACT_TYPE_INTEGER:
    default:
      json_builder_add_int_value (builder, value);
      break;
    }
}

/* "inputs": the facts as given, and what penal assumed for the rest. */
static void
add_inputs (JsonBuilder *builder, const PenalModel *model,
            const PenalOutcome *outcome)
{
  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "given");
  json_builder_begin_object (builder);
  for (guint f = 0; outcome->given != NULL && f < model->facts->len; f++)
    {
      const PenalFactDecl *fact = g_ptr_array_index (model->facts, f);
      gint64 value;

      if (!penal_facts_get (outcome->given, f, &value))
        continue;
      json_builder_set_member_name (builder, fact->name);
      penal_json_add_fact_value (builder, fact, value);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "assumed");
  json_builder_begin_object (builder);
  if (!outcome->date_given)
    penal_json_add_date_or_null (builder, "offense_date", outcome->offense_date,
                                 -1);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_warnings (JsonBuilder *builder, const PenalOutcome *outcome)
{
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint w = 0; outcome->warnings != NULL && w < outcome->warnings->len;
       w++)
    {
      PenalWarning warning = g_array_index (outcome->warnings, PenalWarning, w);
      g_autofree char *message = penal_warning_text (outcome, warning);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "code",
                                     penal_warning_to_code (warning));
      penal_json_add_string_or_null (builder, "message", message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
penal_render_json (const PenalModel *model, const PenalOutcome *outcome)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *explanation = penal_render_text (model, outcome);

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_json_add_string_or_null (builder, "penal_version", PACKAGE_VERSION);
  add_outcome_members (builder, model, outcome, TRUE);
  add_inputs (builder, model, outcome);
  add_warnings (builder, outcome);
  {
    g_autoptr (GPtrArray) summary = penal_outcome_summary (outcome, TRUE);
    add_strings (builder, "in_short", summary);
  }

  json_builder_set_member_name (builder, "enhancements");
  json_builder_begin_array (builder);
  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *enhanced
          = g_ptr_array_index (outcome->enhancements, e);
      const PenalRule *rule
          = enhanced->status == PENAL_STATUS_DECIDED ? enhanced->rule : NULL;

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", enhanced->offense->id);
      penal_json_add_string_or_null (
          builder, "title", penal_statute_text (enhanced->offense->title));
      penal_json_add_string_or_null (
          builder, "condition",
          penal_statute_text (enhanced->offense->condition));
      json_builder_set_member_name (builder, "applies");
      if (rule == NULL || rule->kind == PENAL_RULE_OPEN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder,
                                        rule->kind == PENAL_RULE_CLASS);
      penal_json_add_raises_exposure (builder, enhanced);
      add_outcome_members (builder, model, enhanced, FALSE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "diversion");
  if (outcome->offense == NULL)
    json_builder_add_null_value (builder);
  else
    add_diversion_json (builder, outcome);

  penal_json_add_string_or_null (builder, "explanation", explanation);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* "format_version", the first member of every top-level object penal
 * writes as JSON, so a reader can tell which shape it holds. */
void
penal_json_add_format_version (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, PENAL_JSON_FORMAT_VERSION);
}

/* A charge code's kind as the Patrol's table gives it: "type" (felony,
 * misdemeanor, ...) and "class_letter", null where the table has none. */
void
penal_json_add_charge_type (JsonBuilder *builder, const PenalChargeCode *row)
{
  penal_json_add_string_or_null (builder, "type",
                                 penal_charge_type_code (row->type));
  add_letter (builder, "class_letter", row->klass);
}

/* The dates a charge code was in force: "from" and "to", null where open. */
void
penal_json_add_charge_period (JsonBuilder *builder, const PenalChargeCode *row)
{
  penal_json_add_date_or_null (builder, "from", row->from,
                               PENAL_DATE_OPEN_START);
  penal_json_add_date_or_null (builder, "to", row->to, PENAL_DATE_OPEN_END);
}

char *
penal_render_json_string (const PenalModel *model, const PenalOutcome *outcome,
                          gboolean pretty)
{
  g_autoptr (JsonNode) root = penal_render_json (model, outcome);

  return penal_json_to_string (root, pretty);
}
