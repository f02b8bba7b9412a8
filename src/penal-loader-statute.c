/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-loader-statute.c: <offense>, <enhancement> and <program>
 * elements, with their versions, rules and conditions, turned into the
 * model.
 *
 * A statute of any kind is a PenalOffense with versions by start date; each
 * version holds its rules in file order, and each rule at most one
 * condition per fact, as a closed range of the fact's integer values.  The
 * kinds of rule a statute may hold depend on what it is (a class for an
 * offense, eligible or not for a diversion program, ...), checked here,
 * since the schema cannot say it. */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <string.h>

#include "penal-facts.h"
#include "penal-loader-private.h"
#include "penal-model-private.h"
#include "penal-xml.h"

static gboolean
build_condition (PenalModel *model, const LoadedDoc *loaded, PenalRule *rule,
                 xmlNode *node, GError **error)
{
  g_autofree char *name = penal_loader_attr (node, "fact");
  g_autofree char *is = penal_loader_attr (node, "is");
  g_autofree char *min = penal_loader_attr (node, "min");
  g_autofree char *max = penal_loader_attr (node, "max");
  const PenalFactDecl *decl;
  PenalCondition condition;
  guint index;

  decl = penal_model_lookup_fact (model, name, &index);
  if (decl == NULL)
    return penal_loader_invalid (
        error, loaded->file, node,
        _ ("unknown fact “%s”; declare it with <fact name=\"%s\" …>"), name,
        name);
  if (index == PENAL_FACT_OFFENSE || index == PENAL_FACT_OFFENSE_DATE)
    return penal_loader_invalid (error, loaded->file, node,
                                 _ ("a rule cannot test %s: the offense and "
                                    "its versions' dates decide it"),
                                 name);
  for (guint i = 0; i < rule->conditions->len; i++)
    if (g_array_index (rule->conditions, PenalCondition, i).fact == index)
      return penal_loader_invalid (error, loaded->file, node,
                                   _ ("fact “%s” is tested twice in one rule; "
                                      "use one <when> with min and max"),
                                   name);

  condition.fact = index;
  condition.lo = decl->min;
  condition.hi = decl->max;

  if (decl->type == PENAL_FACT_TYPE_INTEGER)
    {
      if (is != NULL)
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("fact “%s” is a number: test it with min and max, not is"),
            name);
      if ((min != NULL
           && !g_ascii_string_to_signed (min, 10, decl->min, decl->max,
                                         &condition.lo, NULL))
          || (max != NULL
              && !g_ascii_string_to_signed (max, 10, decl->min, decl->max,
                                            &condition.hi, NULL)))
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("fact “%s”: min and max must lie in its domain %lld–%lld"), name,
            (long long)decl->min, (long long)decl->max);
      if (condition.lo > condition.hi)
        return penal_loader_invalid (error, loaded->file, node,
                                     _ ("fact “%s”: min is greater than max, "
                                        "so the rule can never apply"),
                                     name);
      if (min == NULL && max == NULL)
        return penal_loader_invalid (error, loaded->file, node,
                                     _ ("fact “%s”: give min, max or both"),
                                     name);
    }
  else
    {
      gboolean found = FALSE;

      if (is == NULL)
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("fact “%s” is not a number: test it with is=\"…\""), name);
      if (decl->type == PENAL_FACT_TYPE_BOOLEAN)
        {
          found = g_str_equal (is, "yes") || g_str_equal (is, "no");
          condition.lo = condition.hi = g_str_equal (is, "yes") ? 1 : 0;
        }
      else
        for (guint i = 0; decl->values[i] != NULL && !found; i++)
          if (g_str_equal (decl->values[i], is))
            {
              found = TRUE;
              condition.lo = condition.hi = i;
            }
      if (!found)
        return penal_loader_invalid (
            error, loaded->file, node,
            decl->type == PENAL_FACT_TYPE_BOOLEAN
                ? _ ("fact “%s” is yes or no, not “%s”")
                : _ ("fact “%s” has no value “%s”"),
            name, is);
    }

  g_array_append_val (rule->conditions, condition);
  return TRUE;
}

/* Which outcomes each kind of rule table may give. */
static gboolean
rule_kind_fits (const PenalOffense *statute, PenalRuleKind kind)
{
  if (kind == PENAL_RULE_OPEN)
    return TRUE;
  if (!statute->is_program)
    return kind == PENAL_RULE_CLASS
           || (statute->is_enhancement && kind == PENAL_RULE_NOT_APPLICABLE);
  switch (statute->program_kind)
    {
    case PENAL_PROGRAM_DIVERSION:
    case PENAL_PROGRAM_COURT_DISCRETION:
      return kind == PENAL_RULE_ELIGIBLE || kind == PENAL_RULE_NOT_ELIGIBLE;
    case PENAL_PROGRAM_PROTECTION:
    case PENAL_PROGRAM_REFERRAL:
    default:
      return kind == PENAL_RULE_APPLIES || kind == PENAL_RULE_NOT_APPLICABLE;
    }
}

static gboolean
build_rule (PenalModel *model, const LoadedDoc *loaded, PenalOffense *offense,
            PenalVersion *version, xmlNode *node, GError **error)
{
  g_autofree char *code = penal_loader_attr (node, "class");
  g_autofree char *outcome = penal_loader_attr (node, "outcome");
  PenalRule *rule = g_new0 (PenalRule, 1);

  rule->conditions = g_array_new (FALSE, FALSE, sizeof (PenalCondition));
  rule->charge_codes = g_array_new (FALSE, TRUE, sizeof (PenalChargeRef));
  rule->citation = penal_loader_keep_attr (loaded, node, "citation");
  rule->basis = penal_loader_basis (node);
  rule->explain = penal_loader_keep_child_text (loaded, node, "explain");
  rule->file = loaded->file;
  rule->line = penal_loader_line_of (node);
  g_ptr_array_add (version->rules, rule);

  if (code != NULL)
    {
      rule->kind = PENAL_RULE_CLASS;
      penal_class_from_code (code, &rule->klass);
    }
  else
    /* The schema lists the outcomes; "class" is not one of them. */
    penal_rule_kind_from_code (outcome, &rule->kind);

  {
    g_autofree char *cites = penal_loader_attr (node, "cites");

    /* A rule no statute supports cites its source: the citation (JSON,
     * batch) is the source's, with its date as written; text answers show
     * the source's label in the reader's language with the date as the
     * reader writes dates, so the source must have a label. */
    if (cites != NULL)
      {
        rule->cites = g_hash_table_lookup (model->sources, cites);
        if (rule->cites == NULL)
          return penal_loader_invalid (
              error, loaded->file, node,
              _ ("unknown source “%s”; declare it with <source id=\"%s\" …>"),
              cites, cites);
        if (rule->cites->label == NULL)
          return penal_loader_invalid (
              error, loaded->file, node,
              _ ("source “%s” is cited by a rule, so it needs a short "
                 "label=\"…\" for answers to show (for example "
                 "label=\"KCTV5\")"),
              cites);
        rule->citation
            = rule->cites->date != NULL ? penal_loader_keep (
                  loaded, g_strdup_printf ("%s, %s", rule->cites->citation,
                                           rule->cites->date))
                                        : rule->cites->citation;
      }
  }

  if (!rule_kind_fits (offense, rule->kind))
    {
      if (!offense->is_program && !offense->is_enhancement)
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("outcome=\"%s\" is not for offenses; an offense rule gives a "
               "class, or outcome=\"open\""),
            outcome);
      if (!offense->is_program)
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("outcome=\"%s\" is not for enhancements; an enhancement rule "
               "gives a class, outcome=\"not-applicable\" or outcome=\"open\""),
            outcome);
      if (offense->program_kind == PENAL_PROGRAM_DIVERSION
          || offense->program_kind == PENAL_PROGRAM_COURT_DISCRETION)
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("a rule of this program gives outcome=\"eligible\", "
               "\"not-eligible\" or \"open\", not “%s”"),
            code != NULL ? code : outcome);
      return penal_loader_invalid (
          error, loaded->file, node,
          _ ("a rule of this program gives outcome=\"applies\", "
             "\"not-applicable\" or \"open\", not “%s”"),
          code != NULL ? code : outcome);
    }

  {
    g_autofree char *refer = penal_loader_attr (node, "refer");
    g_auto (GStrv) ids = refer != NULL ? g_strsplit (refer, " ", -1) : NULL;

    rule->refer = g_ptr_array_new ();
    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      {
        PenalResource *resource = penal_model_named (model, "resource", ids[i]);

        if (resource == NULL)
          return penal_loader_invalid (error, loaded->file, node,
                                       _ ("unknown resource “%s”; declare it "
                                          "with <resource id=\"%s\" …>"),
                                       ids[i], ids[i]);
        g_ptr_array_add (rule->refer, resource);
      }
  }

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (penal_loader_is_element (c, "when")
        && !build_condition (model, loaded, rule, c, error))
      return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      PenalChargeRef ref = { 0 };

      if (!penal_loader_is_element (c, "charge-code"))
        continue;
      if (rule->kind != PENAL_RULE_CLASS)
        return penal_loader_invalid (
            error, loaded->file, c,
            _ ("only a rule that gives a class has a charge code"));
      ref.family = penal_loader_keep_text (loaded, c);
      ref.offense_id = penal_loader_keep_attr (loaded, c, "offense");
      g_array_append_val (rule->charge_codes, ref);
      if (ref.offense_id != NULL && !offense->is_enhancement)
        return penal_loader_invalid (
            error, loaded->file, c,
            _ ("offense=\"…\" is for an enhancement's charge codes, which "
               "the Patrol files under each offense enhanced"));
      if (ref.offense_id != NULL
          && !g_strv_contains ((const char *const *)offense->applies_to,
                               ref.offense_id))
        return penal_loader_invalid (
            error, loaded->file, c,
            _ ("offense=\"%s\": this statute does not apply to that "
               "offense"),
            ref.offense_id);
    }
  return TRUE;
}

/* TRUE if no offense, enhancement or program has the id yet; FALSE, with
 * error set, if one has. */
static gboolean
id_is_new (PenalModel *model, const LoadedDoc *loaded, xmlNode *node,
           const char *id, gboolean is_offense, GError **error)
{
  if (penal_model_lookup_offense (model, id) != NULL)
    {
      if (is_offense)
        return penal_loader_invalid (error, loaded->file, node,
                                     _ ("offense “%s” is declared twice"), id);
      return penal_loader_invalid (error, loaded->file, node,
                                   _ ("“%s” is already the id of an offense; "
                                      "give this one its own id"),
                                   id);
    }
  if (penal_model_named (model, "enhancement", id) != NULL)
    return penal_loader_invalid (error, loaded->file, node,
                                 _ ("enhancement “%s” is declared twice"), id);
  if (penal_model_named (model, "program", id) != NULL)
    return penal_loader_invalid (error, loaded->file, node,
                                 _ ("program “%s” is declared twice"), id);
  return TRUE;
}

gboolean
penal_loader_build_offense (PenalModel *model, const LoadedDoc *loaded,
                            xmlNode *node, GError **error)
{
  PenalOffense *offense = g_new0 (PenalOffense, 1);
  gboolean is_enhancement = penal_loader_is_element (node, "enhancement");
  gboolean is_program = penal_loader_is_element (node, "program");
  GPtrArray *list = is_enhancement ? model->enhancements
                    : is_program   ? model->programs
                                   : model->offenses;

  offense->id = penal_loader_keep_attr (loaded, node, "id");
  offense->title = penal_loader_keep_child_text (loaded, node, "title");
  offense->statute = penal_loader_keep_attr (loaded, node, "statute");
  offense->is_enhancement = is_enhancement;
  offense->is_program = is_program;
  offense->operator_name
      = penal_loader_keep_child_text (loaded, node, "operator");
  offense->jurisdiction
      = penal_loader_keep_child_text (loaded, node, "jurisdiction");
  offense->description
      = penal_loader_keep_child_text (loaded, node, "description");
  offense->fees = penal_loader_keep_child_text (loaded, node, "fees");
  offense->caveat = penal_loader_keep_child_text (loaded, node, "caveat");
  offense->next_step = penal_loader_keep_child_text (loaded, node, "next-step");
  offense->condition = penal_loader_keep_child_text (loaded, node, "condition");
  offense->penalties_id = penal_loader_keep_attr (loaded, node, "penalties");
  offense->versions
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_version_free);
  offense->enhancements = g_ptr_array_new ();
  offense->programs = g_ptr_array_new ();
  offense->facts_read = g_array_new (FALSE, FALSE, sizeof (guint));
  offense->monotone = g_array_new (FALSE, FALSE, sizeof (PenalMonotone));
  offense->file = loaded->file;
  offense->line = penal_loader_line_of (node);
  if (is_enhancement || is_program)
    {
      g_autofree char *applies = penal_loader_attr (node, "applies-to");
      offense->applies_to = g_strsplit (applies, " ", -1);
    }
  if (is_program)
    {
      g_autofree char *kind = penal_loader_attr (node, "kind");
      g_autofree char *limited = penal_loader_attr (node, "limited-to");

      /* The schema lists the kinds and the class codes. */
      penal_program_kind_from_code (kind, &offense->program_kind);
      if (limited != NULL)
        offense->limited
            = penal_class_from_code (limited, &offense->limited_to);
    }

  if (!id_is_new (model, loaded, node, offense->id,
                  !is_enhancement && !is_program, error))
    {
      penal_offense_free (offense);
      return FALSE;
    }
  g_ptr_array_add (list, offense);
  penal_model_name (model,
                    is_enhancement ? "enhancement"
                    : is_program   ? "program"
                                   : "offense",
                    offense->id, offense);

  for (xmlNode *m = node->children; m != NULL; m = m->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *direction = NULL;
      const PenalFactDecl *decl;
      PenalMonotone monotone = { 0 };

      if (!penal_loader_is_element (m, "monotone"))
        continue;
      name = penal_loader_attr (m, "fact");
      direction = penal_loader_attr (m, "direction");
      decl = penal_model_lookup_fact (model, name, &monotone.fact);
      if (decl == NULL)
        return penal_loader_invalid (
            error, loaded->file, m,
            _ ("unknown fact “%s”; declare it with <fact name=\"%s\" …>"), name,
            name);
      if (decl->type != PENAL_FACT_TYPE_INTEGER
          && decl->type != PENAL_FACT_TYPE_DATE)
        return penal_loader_invalid (error, loaded->file, m,
                                     _ ("fact “%s” has no order: <monotone> "
                                        "needs an integer or date fact"),
                                     name);
      monotone.decreasing = g_str_equal (direction, "decreasing");
      monotone.line = penal_loader_line_of (m);
      g_array_append_val (offense->monotone, monotone);
    }

  for (xmlNode *v = node->children; v != NULL; v = v->next)
    {
      PenalVersion *version;

      if (!penal_loader_is_element (v, "version"))
        continue;
      version = g_new0 (PenalVersion, 1);
      g_ptr_array_add (offense->versions, version);
      version->rules
          = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_rule_free);
      if (!penal_loader_read_dated (model, loaded, v, &version->dated, error))
        return FALSE;
      for (xmlNode *r = v->children; r != NULL; r = r->next)
        if (penal_loader_is_element (r, "rule")
            && !build_rule (model, loaded, offense, version, r, error))
          return FALSE;
    }

  for (guint i = 0; i < offense->versions->len; i++)
    {
      const PenalVersion *dup = g_ptr_array_index (offense->versions, i);

      for (guint j = 0; j < i; j++)
        {
          const PenalVersion *first = g_ptr_array_index (offense->versions, j);

          if (g_str_equal (dup->dated.id, first->dated.id))
            {
              g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                           _ ("%s:%d: version id “%s” is used twice"),
                           dup->dated.file, dup->dated.line, dup->dated.id);
              return FALSE;
            }
        }
    }
  penal_loader_sort_by_start (offense->versions);
  return penal_link_check_versions (offense, error);
}
