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
#include "penal-render.h"

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

static const char *
answer_text (const PenalOffense *program,
             PenalAnswer         answer)
{
  if (answer == PENAL_ANSWER_UNKNOWN)
    return _("cannot tell yet");
  switch (program->program_kind)
    {
    case PENAL_PROGRAM_DIVERSION:
      return answer == PENAL_ANSWER_YES ? _("eligible") : _("not eligible");
    case PENAL_PROGRAM_COURT_DISCRETION:
      return answer == PENAL_ANSWER_YES ? _("the court may allow it")
                                        : _("not available");
    case PENAL_PROGRAM_PROTECTION:
    case PENAL_PROGRAM_REFERRAL:
    default:
      return answer == PENAL_ANSWER_YES ? _("applies") : _("does not apply");
    }
}

/* (transfer full): why the program gives its answer, in one paragraph. */
static char *
program_reason (const PenalOutcome *screened)
{
  GString *out = g_string_new (NULL);

  switch (screened->status)
    {
    case PENAL_STATUS_DECIDED:
      {
        char *explain = g_strdup (penal_statute_text (screened->rule->explain));
        g_autofree char *with = penal_with_standing (explain, screened->rule->standing);
        g_string_append (out, with);
      }
      break;
    case PENAL_STATUS_NEEDS_FACTS:
      for (guint m = 0; m < screened->missing->len; m++)
        {
          const PenalFactDecl *fact = g_ptr_array_index (screened->missing, m);
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_printf (out, _("It depends on %s (%s), which was not given."),
                                  fact->name, penal_statute_text (fact->label));
        }
      break;
    case PENAL_STATUS_AMBIGUOUS:
    default:
      g_string_append_printf (out, _("More than one version may have been in force on that date, and they give different answers: %s"),
                              penal_statute_text (screened->reason));
      break;
    }
  return g_string_free (out, FALSE);
}

static void
add_missing_fact (GPtrArray           *missing,
                  const PenalFactDecl *fact)
{
  if (!g_ptr_array_find (missing, fact, NULL))
    g_ptr_array_add (missing, (gpointer) fact);
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
          g_autofree char *reason = program_reason (screened);

          any_program = TRUE;
          any_yes |= answer == PENAL_ANSWER_YES;
          any_unknown |= answer == PENAL_ANSWER_UNKNOWN;
          g_ptr_array_add (diversion->reasons,
                           g_strdup_printf (_("%s: %s. %s"),
                                            penal_statute_text (program->title),
                                            answer_text (program, answer), reason));
          for (guint m = 0; m < screened->missing->len; m++)
            add_missing_fact (diversion->missing, g_ptr_array_index (screened->missing, m));
        }

      if (answer == PENAL_ANSWER_YES && program->next_step != NULL)
        g_ptr_array_add (diversion->next_steps,
                         g_strdup (penal_statute_text (program->next_step)));
      if (answer == PENAL_ANSWER_YES)
        for (guint r = 0; r < screened->rule->refer->len; r++)
          {
            PenalResource *resource = g_ptr_array_index (screened->rule->refer, r);
            if (g_ptr_array_find (diversion->resources, resource, NULL))
              continue;
            g_ptr_array_add (diversion->resources, resource);
            g_ptr_array_add (diversion->referred_by, (gpointer) screened->rule);
          }
    }

  if (!any_program && outcome->offense != NULL)
    g_ptr_array_add (diversion->reasons,
                     g_strdup_printf (_("No diversion program in the statute files applies to this offense (%s)."),
                                      outcome->offense->statute));
  diversion->eligible = any_yes ? PENAL_ANSWER_YES
                        : any_unknown ? PENAL_ANSWER_UNKNOWN : PENAL_ANSWER_NO;
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
      g_ptr_array_add (diversion->next_steps,
                       g_strdup_printf (_("Find out, to settle whether diversion is open: %s."),
                                        facts->str));
      g_string_free (facts, TRUE);
    }
  return diversion;
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */

static void
append_program (GString            *out,
                const PenalOutcome *screened)
{
  const PenalOffense *program = screened->offense;
  PenalAnswer answer = penal_program_answer (screened);
  g_autofree char *reason = program_reason (screened);
  const char *citation = screened->status == PENAL_STATUS_DECIDED
                           ? screened->rule->citation : program->statute;

  g_string_append_printf (out, "  %s", penal_statute_text (program->title));
  if (program->operator_name != NULL && program->jurisdiction != NULL)
    g_string_append_printf (out, " (%s; %s)", program->operator_name,
                            penal_statute_text (program->jurisdiction));
  else if (program->jurisdiction != NULL)
    g_string_append_printf (out, " (%s)", penal_statute_text (program->jurisdiction));
  /* TRANSLATORS: ": <eligible|not eligible|…>. <why> [<citation>]". */
  g_string_append_printf (out, _(": %s. %s [%s]\n"), answer_text (program, answer),
                          reason, citation);

  if (screened->status == PENAL_STATUS_NEEDS_FACTS)
    for (guint i = 0; i < screened->possible->len; i++)
      {
        const PenalPossibility *p = &g_array_index (screened->possible, PenalPossibility, i);
        g_autofree char *range = penal_possibility_to_text (p);
        PenalAnswer leads = PENAL_ANSWER_UNKNOWN;

        if (p->rule != NULL)
          leads = p->rule->kind == PENAL_RULE_ELIGIBLE || p->rule->kind == PENAL_RULE_APPLIES
                    ? PENAL_ANSWER_YES
                    : p->rule->kind == PENAL_RULE_OPEN ? PENAL_ANSWER_UNKNOWN : PENAL_ANSWER_NO;
        if (p->rule != NULL)
          g_string_append_printf (out, "    - %s → %s [%s]\n", range,
                                  answer_text (program, leads), p->rule->citation);
        else
          g_string_append_printf (out, _("    - %s → depends on further facts\n"), range);
      }

  g_string_append_printf (out, "    %s", penal_statute_text (program->description));
  if (program->fees != NULL)
    g_string_append_printf (out, " %s", penal_statute_text (program->fees));
  g_string_append_c (out, '\n');
  if (program->caveat != NULL)
    g_string_append_printf (out, "    %s\n", penal_statute_text (program->caveat));
}

static gboolean
has_program_kind (const PenalOutcome *outcome,
                  PenalProgramKind    kind)
{
  for (guint p = 0; p < outcome->programs->len; p++)
    if (((PenalOutcome *) g_ptr_array_index (outcome->programs, p))->offense->program_kind == kind)
      return TRUE;
  return FALSE;
}

static void
append_section (GString            *out,
                const PenalOutcome *outcome,
                PenalProgramKind    kind,
                const char         *heading)
{
  if (!has_program_kind (outcome, kind))
    return;
  g_string_append_printf (out, "%s\n", heading);
  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);
      if (screened->offense->program_kind == kind)
        append_program (out, screened);
    }
}

void
penal_diversion_append_text (GString            *out,
                             const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);

  g_string_append_printf (out, "%s\n",
                          diversion->eligible == PENAL_ANSWER_YES ? _("Diversion: open.")
                          : diversion->eligible == PENAL_ANSWER_NO ? _("Diversion: not open.")
                          : _("Diversion: cannot tell yet."));
  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);
      if (screened->offense->program_kind == PENAL_PROGRAM_DIVERSION)
        append_program (out, screened);
    }
  if (!has_program_kind (outcome, PENAL_PROGRAM_DIVERSION))
    g_string_append_printf (out, "  %s\n", (char *) g_ptr_array_index (diversion->reasons, 0));
  append_section (out, outcome, PENAL_PROGRAM_COURT_DISCRETION, _("At the court's discretion:"));
  append_section (out, outcome, PENAL_PROGRAM_PROTECTION, _("Protection in the statute:"));

  if (diversion->next_steps->len > 0)
    {
      g_string_append (out, _("Next steps:\n"));
      for (guint i = 0; i < diversion->next_steps->len; i++)
        g_string_append_printf (out, "  - %s\n", (char *) g_ptr_array_index (diversion->next_steps, i));
    }
  if (diversion->resources->len > 0)
    {
      g_string_append (out, _("Where to refer the person:\n"));
      for (guint i = 0; i < diversion->resources->len; i++)
        {
          const PenalResource *resource = g_ptr_array_index (diversion->resources, i);
          const PenalRule *because = g_ptr_array_index (diversion->referred_by, i);

          g_string_append_printf (out, "  - %s", resource->title);
          if (resource->phone != NULL)
            g_string_append_printf (out, ", %s", resource->phone);
          if (resource->url != NULL)
            g_string_append_printf (out, ", %s", resource->url);
          g_string_append_printf (out, ": %s\n", penal_statute_text (resource->description));
          /* TRANSLATORS: why a resource is shown: the sentence of the rule
             that called for it, then its citation. */
          g_string_append_printf (out, _("    Because: %s [%s]\n"),
                                  penal_statute_text (because->explain), because->citation);
        }
    }
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static void
add_answer (JsonBuilder *builder,
            const char  *member,
            PenalAnswer  answer)
{
  json_builder_set_member_name (builder, member);
  if (answer == PENAL_ANSWER_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, answer == PENAL_ANSWER_YES);
}

static void
add_fact_names (JsonBuilder *builder,
                const char  *member,
                GPtrArray   *facts)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < facts->len; i++)
    json_builder_add_string_value (builder, ((PenalFactDecl *) g_ptr_array_index (facts, i))->name);
  json_builder_end_array (builder);
}

static void
add_programs (JsonBuilder        *builder,
              const PenalOutcome *outcome,
              PenalProgramKind    kind,
              const char         *member,
              const char         *answer_member)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);
      const PenalOffense *program = screened->offense;
      gboolean decided = screened->status == PENAL_STATUS_DECIDED;
      g_autofree char *reason = NULL;

      if (program->program_kind != kind)
        continue;
      reason = program_reason (screened);
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", program->id);
      penal_json_add_string_or_null (builder, "title", penal_statute_text (program->title));
      penal_json_add_string_or_null (builder, "statute", program->statute);
      if (kind == PENAL_PROGRAM_DIVERSION)
        {
          penal_json_add_string_or_null (builder, "operator", program->operator_name);
          penal_json_add_string_or_null (builder, "jurisdiction", penal_statute_text (program->jurisdiction));
          penal_json_add_string_or_null (builder, "fees", penal_statute_text (program->fees));
        }
      penal_json_add_string_or_null (builder, "description", penal_statute_text (program->description));
      penal_json_add_string_or_null (builder, "caveat", penal_statute_text (program->caveat));
      add_answer (builder, answer_member, penal_program_answer (screened));
      penal_json_add_string_or_null (builder, "citation", decided ? screened->rule->citation : NULL);
      penal_json_add_string_or_null (builder, "standing", decided ? screened->rule->standing : NULL);
      penal_json_add_string_or_null (builder, "version",
                          screened->version != NULL && screened->candidates->len == 0
                            ? screened->version->id : NULL);
      penal_json_add_string_or_null (builder, "reason", reason);
      add_fact_names (builder, "missing", screened->missing);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

void
penal_diversion_add_json (JsonBuilder        *builder,
                          const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);

  json_builder_begin_object (builder);
  add_answer (builder, "eligible", diversion->eligible);
  add_programs (builder, outcome, PENAL_PROGRAM_DIVERSION, "programs", "eligible");
  add_strings (builder, "reasons", diversion->reasons);
  add_fact_names (builder, "missing", diversion->missing);
  add_programs (builder, outcome, PENAL_PROGRAM_COURT_DISCRETION, "court_discretion", "available");
  add_programs (builder, outcome, PENAL_PROGRAM_PROTECTION, "protections", "applies");
  add_strings (builder, "next_steps", diversion->next_steps);

  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diversion->resources->len; i++)
    {
      const PenalResource *resource = g_ptr_array_index (diversion->resources, i);
      const PenalRule *because = g_ptr_array_index (diversion->referred_by, i);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", resource->id);
      penal_json_add_string_or_null (builder, "title", resource->title);
      penal_json_add_string_or_null (builder, "phone", resource->phone);
      penal_json_add_string_or_null (builder, "url", resource->url);
      penal_json_add_string_or_null (builder, "description", penal_statute_text (resource->description));
      penal_json_add_string_or_null (builder, "because", penal_statute_text (because->explain));
      penal_json_add_string_or_null (builder, "citation", because->citation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
