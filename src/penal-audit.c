/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-audit.c: one recorded charge checked against the law on its
 * offense date.
 *
 * A record gives a date and what was recorded: a charge code, a class, or
 * both, and sometimes the facts.  What the law says on the date comes from
 * the best thing penal holds: the facts, evaluated as classify would (and,
 * when the code is an enhancement's, the enhancement's class and whether it
 * raises the exposure); else the rule of a statute penal holds that carries
 * the code's family in the version in force; else the Patrol's class of the
 * family's code in force on the date.  Each finding carries the citation
 * and the basis of what decided it.  A finding's words never name the
 * date, only "the offense date": the result is the same for every date of
 * a period in which neither the code's family nor a version changes, so
 * penal audit can reuse it (penal-audit-run.c).  Nothing here reads input
 * or writes output. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-audit.h"
#include "penal-date.h"
#include "penal-render.h"
#include "penal-tree.h"

static const char *const kind_codes[PENAL_AUDIT_N_KINDS] = {
  "ok",
  "code-not-in-force",
  "code-class-mismatch",
  "class-mismatch",
  "enhancement-cannot-raise",
  "cannot-check",
};

const char *
penal_audit_kind_to_code (PenalAuditKind kind)
{
  g_return_val_if_fail (kind < PENAL_AUDIT_N_KINDS, NULL);
  return kind_codes[kind];
}

static void
finding_free (PenalAuditFinding *finding)
{
  g_free (finding->message);
  g_free (finding->citation);
  g_free (finding);
}

void
penal_audit_result_free (PenalAuditResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->findings);
  g_clear_pointer (&result->in_force, g_ptr_array_unref);
  g_free (result->law_citation);
  g_free (result);
}

/* Adds a finding; citation may be NULL, message is taken. */
static void
add_finding (PenalAuditResult *result, PenalAuditKind kind, char *message,
             const char *citation, const PenalBasis *basis)
{
  PenalAuditFinding *finding = g_new0 (PenalAuditFinding, 1);

  finding->kind = kind;
  finding->message = message;
  finding->citation = g_strdup (citation);
  finding->has_basis = basis != NULL;
  if (basis != NULL)
    finding->basis = *basis;
  g_ptr_array_add (result->findings, finding);
}

static gint
by_kind (gconstpointer a, gconstpointer b)
{
  const PenalAuditFinding *x = *(const PenalAuditFinding *const *)a;
  const PenalAuditFinding *y = *(const PenalAuditFinding *const *)b;

  return (int)x->kind - (int)y->kind;
}

static void
set_law (PenalAuditResult *result, PenalClass klass, char *citation,
         PenalBasis basis)
{
  result->has_law_class = TRUE;
  result->law_class = klass;
  g_free (result->law_citation);
  result->law_citation = citation;
  result->law_basis = basis;
}

static char *
class_name (PenalClass klass)
{
  return penal_class_to_name_with_english (klass);
}

/* The code itself: in force on the date, and of the recorded class. */
static void
check_code (const PenalModel *model, const char *table,
            PenalAuditResult *result, const char *typed, gint64 date)
{
  const PenalChargeCode *row = penal_charges_find (model->charges, typed);
  PenalBasis official = PENAL_BASIS_OFFICIAL_RECORD;

  if (row == NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (typed);
      add_finding (result, PENAL_AUDIT_CANNOT_CHECK,
                   g_strdup_printf (_ ("The code “%s” is not in the Patrol's "
                                       "table."),
                                    shown),
                   table, &official);
      return;
    }
  result->code = row;
  result->in_force = penal_charges_in_force (model->charges, row->family, date);
  if (date < row->from || date > row->to)
    {
      g_autofree char *instead = NULL;

      if (result->in_force->len > 0)
        {
          const PenalChargeCode *now = g_ptr_array_index (result->in_force, 0);
          PenalClass now_class;
          g_autofree char *name = penal_charge_code_class (now, &now_class)
                                      ? class_name (now_class)
                                      : NULL;

          instead = name != NULL
                        ? g_strdup_printf (_ ("the code of %s in force then "
                                              "is %s (%s)"),
                                           row->family, now->code, name)
                        : g_strdup_printf (_ ("the code of %s in force then "
                                              "is %s"),
                                           row->family, now->code);
        }
      else
        instead = g_strdup_printf (_ ("no code of %s was in force then"),
                                   row->family);
      add_finding (result, PENAL_AUDIT_CODE_NOT_IN_FORCE,
                   /* TRANSLATORS: "The code <code> was not in force on
                      the offense date: <the code of … in force then is
                      …>." */
                   g_strdup_printf (_ ("The code %s was not in force on the "
                                       "offense date: %s."),
                                    row->code, instead),
                   table, &official);
    }
}

/* Does the rule carry a charge code of family? */
static gboolean
rule_carries (const PenalRule *rule, const char *family)
{
  for (guint c = 0; c < rule->charge_codes->len; c++)
    if (g_str_equal (
            g_array_index (rule->charge_codes, PenalChargeRef, c).family,
            family))
      return TRUE;
  return FALSE;
}

/* The rule of a statute penal holds that carries family, in the versions
 * that may be in force on the date (any version, when date is NULL);
 * FALSE when none does, or when the candidate versions disagree
 * (*out_ambiguous). */
static gboolean
rule_for_family (const PenalModel *model, const char *family,
                 const gint64 *date, const PenalRule **out_rule,
                 gboolean *out_ambiguous)
{
  GPtrArray *kinds[] = { model->offenses, model->enhancements };
  const PenalRule *found = NULL;

  *out_ambiguous = FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < kinds[k]->len; s++)
      {
        const PenalOffense *statute = g_ptr_array_index (kinds[k], s);

        for (guint v = 0; v < statute->versions->len; v++)
          {
            const PenalVersion *version
                = g_ptr_array_index (statute->versions, v);

            if (date != NULL
                && !penal_effective_may_cover (&version->dated.effective,
                                               *date))
              continue;
            for (guint r = 0; r < version->rules->len; r++)
              {
                const PenalRule *rule = g_ptr_array_index (version->rules, r);

                if (rule->kind == PENAL_RULE_CLASS
                    && rule_carries (rule, family))
                  {
                    if (found != NULL && found->klass != rule->klass)
                      *out_ambiguous = TRUE;
                    found = rule;
                  }
              }
          }
      }
  *out_rule = *out_ambiguous ? NULL : found;
  return *out_rule != NULL;
}

/* Does a rule of a statute penal holds, in any version, carry family?
 * When none does, the check of a code of the family does not depend on
 * the statutes' versions. */
gboolean
penal_audit_family_held (const PenalModel *model, const char *family)
{
  const PenalRule *rule;
  gboolean ambiguous;

  return rule_for_family (model, family, NULL, &rule, &ambiguous) || ambiguous;
}

static char *
labels_of (GPtrArray *facts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < facts->len; i++)
    g_string_append_printf (
        out, "%s%s", i > 0 ? "; " : "",
        penal_statute_text (
            ((PenalFactDecl *)g_ptr_array_index (facts, i))->label));
  return g_string_free (out, FALSE);
}

/* Why an outcome gives no class, as a cannot-check finding citing the
 * offense's statute. */
static void
cannot_check_outcome (PenalAuditResult *result, const PenalOutcome *outcome)
{
  const char *statute = outcome->offense->statute;
  char *why;

  switch (outcome->status)
    {
    case PENAL_STATUS_NEEDS_FACTS:
      {
        g_autofree char *labels = labels_of (outcome->missing);
        why = g_strdup_printf (_ ("The class depends on facts the "
                                  "record does not give: %s."),
                               labels);
      }
      break;
    case PENAL_STATUS_NO_VERSION:
      why = g_strdup_printf (_ ("penal holds no version of %s in force "
                                "on the offense date."),
                             statute);
      break;
    case PENAL_STATUS_AMBIGUOUS:
      why = g_strdup_printf (_ ("Which version of %s was in force on "
                                "the offense date is not established, "
                                "and they give different classes."),
                             statute);
      break;
    case PENAL_STATUS_DECIDED:
    default:
      why = g_strdup_printf (_ ("The class of %s on the offense date is "
                                "not established."),
                             statute);
      break;
    }
  add_finding (result, PENAL_AUDIT_CANNOT_CHECK, why, statute, NULL);
}

/* The law from the facts: the offense's class, or the enhancement's when
 * the recorded code is the enhancement's. */
static void
law_from_facts (const PenalModel *model, PenalAuditResult *result,
                const PenalFacts *facts, gint64 date)
{
  g_autoptr (PenalOutcome) outcome = penal_evaluate (model, facts, date, NULL);
  const PenalOutcome *enhanced = NULL;

  if (outcome->status != PENAL_STATUS_DECIDED
      || outcome->rule->kind != PENAL_RULE_CLASS)
    {
      cannot_check_outcome (result, outcome);
      return;
    }
  for (guint e = 0; result->code != NULL && e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *candidate
          = g_ptr_array_index (outcome->enhancements, e);

      for (guint v = 0; v < candidate->offense->versions->len; v++)
        {
          const PenalVersion *version
              = g_ptr_array_index (candidate->offense->versions, v);

          for (guint r = 0; r < version->rules->len; r++)
            {
              const PenalRule *rule = g_ptr_array_index (version->rules, r);

              if (rule_carries (rule, result->code->family))
                enhanced = candidate;
            }
        }
    }

  if (enhanced == NULL)
    {
      set_law (result, outcome->rule->klass,
               penal_rule_citation_text (outcome->rule), outcome->rule->basis);
      if (result->code != NULL && outcome->charge_family != NULL
          && !g_str_equal (outcome->charge_family, result->code->family))
        {
          g_autofree char *klass = class_name (outcome->rule->klass);
          add_finding (result, PENAL_AUDIT_CLASS_MISMATCH,
                       g_strdup_printf (
                           _ ("The facts make it a %s, coded under %s, "
                              "not under %s."),
                           klass, outcome->charge_family, result->code->family),
                       result->law_citation, &outcome->rule->basis);
        }
      return;
    }

  /* The record charges the enhancement. */
  if (enhanced->status != PENAL_STATUS_DECIDED
      || enhanced->rule->kind != PENAL_RULE_CLASS)
    {
      if (enhanced->status == PENAL_STATUS_DECIDED
          && enhanced->rule->kind == PENAL_RULE_NOT_APPLICABLE)
        {
          g_autofree char *cited = penal_rule_citation_text (enhanced->rule);
          add_finding (
              result, PENAL_AUDIT_CLASS_MISMATCH,
              g_strdup_printf (_ ("The record charges %s (%s), but the facts "
                                  "do not support it: %s"),
                               enhanced->offense->statute,
                               penal_statute_text (enhanced->offense->title),
                               penal_statute_text (enhanced->rule->explain)),
              cited, &enhanced->rule->basis);
          set_law (result, outcome->rule->klass,
                   penal_rule_citation_text (outcome->rule),
                   outcome->rule->basis);
        }
      else
        cannot_check_outcome (result, enhanced);
      return;
    }
  set_law (result, enhanced->rule->klass,
           penal_rule_citation_text (enhanced->rule), enhanced->rule->basis);
  if (enhanced->exposure == PENAL_EXPOSURE_SAME)
    {
      g_autofree char *base = class_name (outcome->rule->klass);
      g_autofree char *klass = class_name (enhanced->rule->klass);
      g_autofree char *base_cited = penal_rule_citation_text (outcome->rule);

      add_finding (
          result, PENAL_AUDIT_ENHANCEMENT_CANNOT_RAISE,
          /* TRANSLATORS: "The record charges <RSMo 567.110>
             (<Persistent prostitution offender>), a <class E
             felony>, but the offense itself is a <class D felony>
             [<RSMo 567.030.4>]: charging it does not raise the
             exposure." */
          g_strdup_printf (_ ("The record charges %s (%s), a %s, but "
                              "the offense itself is a %s [%s]: "
                              "charging it does not raise the "
                              "exposure."),
                           enhanced->offense->statute,
                           penal_statute_text (enhanced->offense->title), klass,
                           base, base_cited),
          result->law_citation, &enhanced->rule->basis);
    }
}

/* The law from the code's family: a rule penal holds, or the Patrol's
 * class of the family's code in force. */
static void
law_from_code (const PenalModel *model, const char *table,
               PenalAuditResult *result, gint64 date)
{
  const PenalRule *rule = NULL;
  gboolean ambiguous = FALSE;

  if (rule_for_family (model, result->code->family, &date, &rule, &ambiguous))
    {
      set_law (result, rule->klass, penal_rule_citation_text (rule),
               rule->basis);
      return;
    }
  if (ambiguous)
    {
      add_finding (result, PENAL_AUDIT_CANNOT_CHECK,
                   g_strdup_printf (_ ("Which version of the statute was in "
                                       "force on the offense date is not "
                                       "established, and they give %s "
                                       "different classes."),
                                    result->code->family),
                   NULL, NULL);
      return;
    }
  for (guint i = 0; i < result->in_force->len; i++)
    {
      PenalClass klass;

      if (penal_charge_code_class (g_ptr_array_index (result->in_force, i),
                                   &klass))
        {
          set_law (result, klass, g_strdup (table),
                   PENAL_BASIS_OFFICIAL_RECORD);
          return;
        }
    }
  add_finding (result, PENAL_AUDIT_CANNOT_CHECK,
               g_strdup_printf (_ ("Neither penal's statutes nor the "
                                   "Patrol's table give a class for %s on "
                                   "the offense date."),
                                result->code->family),
               NULL, NULL);
}

/* (transfer full) A result that cannot check, for the reason given: a
 * code the audit cannot take as one charge (a family, a legacy code, an
 * attempt). */
PenalAuditResult *
penal_audit_result_cannot_check (const char *why)
{
  PenalAuditResult *result = g_new0 (PenalAuditResult, 1);

  result->findings
      = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  result->in_force = g_ptr_array_new ();
  add_finding (result, PENAL_AUDIT_CANNOT_CHECK, g_strdup (why), NULL, NULL);
  return result;
}

/* Checks one record: code (as typed, or NULL), recorded class (or NULL),
 * facts (or NULL; with an offense when given) on the offense date.
 * (transfer full) */
PenalAuditResult *
penal_audit_check (const PenalModel *model, const char *code,
                   const PenalClass *recorded, const PenalFacts *facts,
                   gint64 date)
{
  g_autofree char *table = NULL;

  g_return_val_if_fail (model != NULL && model->charges != NULL, NULL);
  table = penal_charges_citation (model->charges);
  return penal_audit_check_cited (model, table, code, recorded, facts, date);
}

/* As penal_audit_check, with the citation of the Patrol's table given
 * (penal_charges_citation): penal audit formats it once, not per check. */
PenalAuditResult *
penal_audit_check_cited (const PenalModel *model, const char *table,
                         const char *code, const PenalClass *recorded,
                         const PenalFacts *facts, gint64 date)
{
  PenalAuditResult *result = penal_audit_law (model, table, code, facts, date);

  penal_audit_judge (result, table, recorded);
  return result;
}

/* (transfer full) The part of a check that does not depend on the class
 * recorded: the code in force or not, and what the law says on the date;
 * penal_audit_judge() completes it for a recorded class. */
PenalAuditResult *
penal_audit_law (const PenalModel *model, const char *table, const char *code,
                 const PenalFacts *facts, gint64 date)
{
  PenalAuditResult *result = g_new0 (PenalAuditResult, 1);
  gint64 offense;

  g_return_val_if_fail (model != NULL && model->charges != NULL, result);

  result->findings
      = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  if (code != NULL)
    check_code (model, table, result, code, date);
  if (facts != NULL && penal_facts_get (facts, PENAL_FACT_OFFENSE, &offense))
    law_from_facts (model, result, facts, date);
  else if (result->code != NULL)
    law_from_code (model, table, result, date);
  else if (code == NULL)
    add_finding (result, PENAL_AUDIT_CANNOT_CHECK,
                 g_strdup (_ ("The record gives neither a charge code nor "
                              "the offense and its facts.")),
                 NULL, NULL);
  return result;
}

/* (transfer full) A copy of a result, to judge another class by. */
PenalAuditResult *
penal_audit_result_copy (const PenalAuditResult *law)
{
  PenalAuditResult *copy = g_new0 (PenalAuditResult, 1);

  *copy = *law;
  copy->findings
      = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  for (guint i = 0; i < law->findings->len; i++)
    {
      const PenalAuditFinding *finding = g_ptr_array_index (law->findings, i);

      add_finding (copy, finding->kind, g_strdup (finding->message),
                   finding->citation,
                   finding->has_basis ? &finding->basis : NULL);
    }
  copy->in_force
      = law->in_force != NULL ? g_ptr_array_ref (law->in_force) : NULL;
  copy->law_citation = g_strdup (law->law_citation);
  return copy;
}

/* Completes the law's part of a check for the class recorded (or none):
 * the code's own class against it, the law's class against it, or "ok";
 * most serious first. */
void
penal_audit_judge (PenalAuditResult *result, const char *table,
                   const PenalClass *recorded)
{
  penal_audit_judge_named (result, table, recorded, NULL);
}

/* As penal_audit_judge, with each class's name as class_name() gives it
 * (names[PENAL_N_CLASSES], or NULL to make them): penal audit makes them
 * once a run. */
void
penal_audit_judge_named (PenalAuditResult *result, const char *table,
                         const PenalClass *recorded, char *const *names)
{
  PenalBasis official = PENAL_BASIS_OFFICIAL_RECORD;
  PenalClass code_class;

  result->has_recorded = recorded != NULL;
  if (recorded != NULL)
    result->recorded = *recorded;
  if (result->has_recorded && result->code != NULL
      && penal_charge_code_class (result->code, &code_class)
      && code_class != result->recorded)
    {
      g_autofree char *coded = names != NULL ? g_strdup (names[code_class])
                                             : class_name (code_class);
      g_autofree char *said = names != NULL ? g_strdup (names[result->recorded])
                                            : class_name (result->recorded);

      add_finding (result, PENAL_AUDIT_CODE_CLASS_MISMATCH,
                   g_strdup_printf (_ ("The code %s is a %s in the Patrol's "
                                       "table, but the record says %s."),
                                    result->code->code, coded, said),
                   table, &official);
    }
  if (result->has_recorded && result->has_law_class
      && result->recorded != result->law_class)
    {
      g_autofree char *said = names != NULL ? g_strdup (names[result->recorded])
                                            : class_name (result->recorded);
      g_autofree char *law = names != NULL ? g_strdup (names[result->law_class])
                                           : class_name (result->law_class);

      add_finding (result, PENAL_AUDIT_CLASS_MISMATCH,
                   /* TRANSLATORS: "The record says <class>; on the offense
                      date the law makes it a <class>." */
                   g_strdup_printf (_ ("The record says %s; on the offense "
                                       "date the law makes it a %s."),
                                    said, law),
                   result->law_citation, &result->law_basis);
    }
  if (result->findings->len == 0 && !result->has_recorded
      && result->code == NULL && result->has_law_class)
    {
      /* Facts alone: the law is known, but nothing was recorded to hold
       * it against. */
      g_autofree char *law = names != NULL ? g_strdup (names[result->law_class])
                                           : class_name (result->law_class);

      add_finding (result, PENAL_AUDIT_CANNOT_CHECK,
                   g_strdup_printf (_ ("The record gives neither a charge "
                                       "code nor a class to check; the law "
                                       "makes it a %s."),
                                    law),
                   result->law_citation, &result->law_basis);
    }
  if (result->findings->len == 0)
    add_finding (result, PENAL_AUDIT_OK,
                 g_strdup (_ ("The record agrees with the law on the offense "
                              "date.")),
                 result->law_citation,
                 result->has_law_class ? &result->law_basis : NULL);
  g_ptr_array_sort (result->findings, by_kind);
}
