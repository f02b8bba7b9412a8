/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-tree-order.c: the proof that a version's rule table keeps a
 * declared severity order: moving a fact one way never gives a milder
 * class.  It runs once the table is compiled (penal-tree.c), which has
 * already proved that every case is decided by exactly one rule. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-tree-private.h"
#include "penal-tree.h"

/* Where a rule holds, clipped to the declared domains: per fact, the
 * range. */
typedef struct
{
  gint64 *lo;
  gint64 *hi;
  const PenalRule *rule;
} Box;

static void
box_fill (const PenalModel *model, const PenalRule *rule, Box *box)
{
  for (guint f = 0; f < model->facts->len; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      gint64 lo = decl->min, hi = decl->max;

      penal_tree_rule_range (rule, f, &lo, &hi);
      box->lo[f] = MAX (lo, decl->min);
      box->hi[f] = MIN (hi, decl->max);
    }
  box->rule = rule;
}

/* One case where boxes a and b meet: "victim_age=14" next to
 * "victim_age=15", the other facts they read at a value both allow. */
static char *
describe_meeting (const PenalModel *model, const Box *a, const Box *b,
                  guint fact, gint64 value)
{
  GString *out = g_string_new (NULL);

  for (guint f = 0; f < model->facts->len; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      g_autofree char *shown = NULL;
      gint64 v = f == fact ? value : MAX (a->lo[f], b->lo[f]);

      if (f != fact && a->lo[f] == decl->min && a->hi[f] == decl->max
          && b->lo[f] == decl->min && b->hi[f] == decl->max)
        continue;
      shown = penal_tree_describe_value (decl, v);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " " : "",
                              decl->name, shown);
    }
  return g_string_free (out, FALSE);
}

/* Do the two rules hold together for some value of every fact but one?
 * Both lists of conditions are read in fact order, side by side. */
static gboolean
meet_beside (const PenalModel *model, const IndexedRule *a,
             const IndexedRule *b, guint fact)
{
  guint na = a->rule->conditions->len, nb = b->rule->conditions->len;
  guint i = 0, j = 0;

  while (i < na || j < nb)
    {
      const PenalCondition *x = i < na ? a->by_fact[i] : NULL;
      const PenalCondition *y = j < nb ? b->by_fact[j] : NULL;
      guint f
          = x != NULL && (y == NULL || x->fact <= y->fact) ? x->fact : y->fact;
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      gint64 lo = decl->min, hi = decl->max;

      if (x != NULL && x->fact == f)
        {
          lo = MAX (lo, x->lo), hi = MIN (hi, x->hi);
          i++;
        }
      if (y != NULL && y->fact == f)
        {
          lo = MAX (lo, y->lo), hi = MIN (hi, y->hi);
          j++;
        }
      if (f != fact && lo > hi)
        return FALSE;
    }
  return TRUE;
}

static gboolean
report_milder (const PenalModel *model, const PenalVersion *version, guint fact,
               gboolean decreasing, int declared_line,
               const PenalRule *below_rule, const PenalRule *above_rule,
               GError **error)
{
  const PenalFactDecl *decl = g_ptr_array_index (model->facts, fact);
  guint n = model->facts->len;
  g_autofree gint64 *bounds = g_new (gint64, 4 * n);
  Box below = { bounds, bounds + n, NULL };
  Box above = { bounds + 2 * n, bounds + 3 * n, NULL };
  const Box *milder_side, *other_side;
  g_autofree char *low_case = NULL;
  g_autofree char *high_case = NULL;
  g_autofree char *date = penal_tree_version_sample_date (version);

  box_fill (model, below_rule, &below);
  box_fill (model, above_rule, &above);
  /* Classes are ordered from most to least severe. */
  milder_side = below_rule->klass > above_rule->klass ? &below : &above;
  other_side = milder_side == &below ? &above : &below;
  low_case = describe_meeting (model, &below, &above, fact, below.hi[fact]);
  high_case = describe_meeting (model, &below, &above, fact, above.lo[fact]);
  g_set_error (
      error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
      decreasing ? _ ("%s:%d: %s gives %s (line %d) but %s gives the milder "
                      "%s (line %d), offense_date=%s; line %d declares that "
                      "a lower %s never gives a milder class")
                 : _ ("%s:%d: %s gives %s (line %d) but %s gives the milder "
                      "%s (line %d), offense_date=%s; line %d declares that "
                      "a higher %s never gives a milder class"),
      milder_side->rule->file, milder_side->rule->line,
      milder_side == &below ? high_case : low_case,
      penal_class_to_code (other_side->rule->klass), other_side->rule->line,
      milder_side == &below ? low_case : high_case,
      penal_class_to_code (milder_side->rule->klass), milder_side->rule->line,
      date, declared_line, decl->name);
  return FALSE;
}

/* One side of a step up the fact: a rule that ends just below the step
 * (below) or starts at it (above), with its range of the fact the pairs
 * are swept along. */
typedef struct
{
  guint rule;
  gboolean above;
  gint64 lo;
  gint64 hi;
} Interval;

static gint
compare_intervals (gconstpointer a, gconstpointer b)
{
  const Interval *x = a, *y = b;

  if (x->lo != y->lo)
    return (x->lo > y->lo) - (x->lo < y->lo);
  return (x->rule > y->rule) - (x->rule < y->rule);
}

typedef struct
{
  const PenalModel *model;
  const PenalVersion *version;
  IndexedRule *rules;
  guint fact;
  gboolean decreasing;
  int declared_line;
  PenalTreeBudget *budget;
  GError **error;
} MonotoneCheck;

/* Compares the rules that end just below a step with those that start at
 * it.  Rules on one side hold for disjoint sets of the other facts, so a
 * sweep along one other fact, the one they test most, meets each pair that
 * overlaps there once and no other. */
static gboolean
check_step (MonotoneCheck *m, GArray *below, GArray *above)
{
  const PenalModel *model = m->model;
  g_autofree guint *tested = g_new0 (guint, model->facts->len);
  g_autoptr (GArray) sweep = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr (GArray) open_below = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr (GArray) open_above = g_array_new (FALSE, FALSE, sizeof (Interval));
  gint along = -1;

  for (guint side = 0; side < 2; side++)
    {
      GArray *list = side == 0 ? below : above;

      for (guint i = 0; i < list->len; i++)
        {
          const PenalRule *rule = m->rules[g_array_index (list, guint, i)].rule;

          m->budget->steps += rule->conditions->len + 1;
          for (guint c = 0; c < rule->conditions->len; c++)
            {
              guint f
                  = g_array_index (rule->conditions, PenalCondition, c).fact;

              if (f != m->fact
                  && (++tested[f] > (along >= 0 ? tested[along] : 0)))
                along = (gint)f;
            }
        }
    }
  for (guint side = 0; side < 2; side++)
    {
      GArray *list = side == 0 ? below : above;

      for (guint i = 0; i < list->len; i++)
        {
          Interval interval = { g_array_index (list, guint, i), side == 1,
                                G_MININT64, G_MAXINT64 };
          const PenalCondition *cond
              = along >= 0 ? penal_tree_condition_on (&m->rules[interval.rule],
                                                      (guint)along)
                           : NULL;

          if (cond != NULL)
            interval.lo = cond->lo, interval.hi = cond->hi;
          g_array_append_val (sweep, interval);
        }
    }
  g_array_sort (sweep, compare_intervals);

  for (guint i = 0; i < sweep->len; i++)
    {
      const Interval *next = &g_array_index (sweep, Interval, i);
      GArray *others = next->above ? open_below : open_above;
      guint kept = 0;

      if (penal_tree_budget_spent (m->version, m->budget, m->error))
        return FALSE;
      for (guint j = 0; j < others->len; j++)
        {
          const Interval *other = &g_array_index (others, Interval, j);
          const IndexedRule *lower, *upper;

          /* Intervals start in order: one that ended before this one
           * starts meets nothing after it either. */
          if (other->hi < next->lo)
            continue;
          g_array_index (others, Interval, kept++) = *other;
          lower = &m->rules[next->above ? other->rule : next->rule];
          upper = &m->rules[next->above ? next->rule : other->rule];
          m->budget->steps += lower->rule->conditions->len
                              + upper->rule->conditions->len + 1;
          if ((m->decreasing ? lower->rule->klass > upper->rule->klass
                             : upper->rule->klass > lower->rule->klass)
              && meet_beside (model, lower, upper, m->fact))
            return report_milder (model, m->version, m->fact, m->decreasing,
                                  m->declared_line, lower->rule, upper->rule,
                                  m->error);
        }
      g_array_set_size (others, kept);
      g_array_append_val (next->above ? open_above : open_below, *next);
    }
  return TRUE;
}

/* Proves that, within this version, moving the fact one way never gives a
 * milder class: decreasing means a lower value is never milder.  Only cases
 * where both sides give a class are compared.
 *
 * The table is already proved to decide each case by exactly one rule, so
 * a case and its neighbour one step up the fact are decided by a rule that
 * ends just below the step and one that starts at it, and the two hold
 * together for the other facts.  So the proof takes each step at which
 * some rule ends and another starts, and compares the neighbouring
 * intervals of the fact there: work that grows with the rules, not with
 * the decision tree's paths. */
gboolean
penal_tree_check_monotone (const PenalModel *model, const PenalVersion *version,
                           guint fact, gboolean decreasing, int declared_line,
                           PenalTreeBudget *budget, GError **error)
{
  const PenalFactDecl *decl = g_ptr_array_index (model->facts, fact);
  guint n_rules = version->rules->len;
  MonotoneCheck m = { model,      version,       NULL,   fact,
                      decreasing, declared_line, budget, error };
  g_autoptr (GHashTable) ending = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
  g_autoptr (GHashTable) starting = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
  g_autoptr (GArray) steps = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;

  g_return_val_if_fail (version->tree != NULL, FALSE);

  /* The rules that give a class, by the step they end below or start at,
   * and the steps in the order the rules first name them. */
  m.rules = penal_tree_index_rules (version->rules);
  budget->steps += n_rules;
  for (guint r = 0; r < n_rules; r++)
    {
      const PenalCondition *cond = penal_tree_condition_on (&m.rules[r], fact);
      gint64 lo = cond != NULL ? MAX (cond->lo, decl->min) : decl->min;
      gint64 hi = cond != NULL ? MIN (cond->hi, decl->max) : decl->max;

      if (m.rules[r].rule->kind != PENAL_RULE_CLASS)
        continue;
      for (guint side = 0; side < 2; side++)
        {
          GHashTable *table = side == 0 ? ending : starting;
          gint64 step = side == 0 ? hi + 1 : lo;
          GArray *list;

          if (side == 0 ? hi >= decl->max : lo <= decl->min)
            continue;
          list = g_hash_table_lookup (table, &step);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (table, g_memdup2 (&step, sizeof step), list);
              if (side == 0)
                g_array_append_val (steps, step);
            }
          g_array_append_val (list, r);
        }
    }

  for (guint i = 0; i < steps->len && ok; i++)
    {
      gint64 step = g_array_index (steps, gint64, i);
      GArray *above = g_hash_table_lookup (starting, &step);

      if (above != NULL)
        ok = check_step (&m, g_hash_table_lookup (ending, &step), above);
    }
  penal_tree_indexed_rules_free (m.rules, n_rules);
  if (ok && penal_tree_budget_spent (version, budget, error))
    ok = FALSE;
  return ok;
}
