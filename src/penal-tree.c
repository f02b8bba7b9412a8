/* penal-tree.c: a statute version's rule table compiled to a decision tree.
 *
 * Each rule is a conjunction of conditions "fact in [lo, hi]".  Compiling
 * picks a fact some remaining rule tests, cuts that fact's current range at
 * every rule boundary, and recurses into each piece with the rules that still
 * match.  Because every piece lies wholly inside or wholly outside each
 * rule's range, a leaf's rules match all of it or none of it, so the tree
 * proves as it is built that the table leaves no gap (a leaf with no rule)
 * and no overlap (a leaf with two).  Both are load errors, located at the
 * rules involved and shown with a concrete case. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-regions.h"
#include "penal-tree.h"

static gboolean
rule_range (const PenalRule *rule, guint fact, gint64 *lo, gint64 *hi)
{
  for (guint i = 0; i < rule->conditions->len; i++)
    {
      const PenalCondition *c
          = &g_array_index (rule->conditions, PenalCondition, i);
      if (c->fact == fact)
        {
          *lo = c->lo;
          *hi = c->hi;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
describe_value (const PenalFactDecl *decl, gint64 value)
{
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup (value ? "yes" : "no");
    case PENAL_FACT_TYPE_ENUM:
      return g_strdup (decl->values[value]);
    case PENAL_FACT_TYPE_DATE:
      return penal_date_to_iso (value);
    case PENAL_FACT_TYPE_INTEGER:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

/* A concrete case inside the current path, e.g. "victim_age=0". */
static char *
describe_path (const PenalModel *model, const gint64 *path_lo,
               const gint64 *path_hi)
{
  GString *out = g_string_new (NULL);

  for (guint f = 0; f < model->facts->len; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      g_autofree char *value = NULL;

      if (path_lo[f] == decl->min && path_hi[f] == decl->max)
        continue;
      value = describe_value (decl, path_lo[f]);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " " : "",
                              decl->name, value);
    }
  if (out->len == 0)
    g_string_append (out, _ ("any facts"));
  return g_string_free (out, FALSE);
}

/* A day on which the version is certainly in force, for counterexamples. */
static char *
version_sample_date (const PenalVersion *version)
{
  gint64 day = version->effective.from_latest;

  if (day == PENAL_DATE_OPEN_START)
    day = version->effective.to_earliest;
  if (day == PENAL_DATE_OPEN_END)
    day = penal_date_today ();
  return penal_date_to_iso (day);
}

static PenalTreeNode *
compile_node (const PenalModel *model, const PenalVersion *version,
              GPtrArray *rules, gint64 *path_lo, gint64 *path_hi,
              GError **error)
{
  PenalTreeNode *node;
  gint split = -1;
  g_autoptr (GArray) cuts = NULL;
  g_autoptr (GArray) branches = NULL;

  /* The first fact, in rule order, that some rule still narrows. */
  for (guint r = 0; r < rules->len && split < 0; r++)
    {
      const PenalRule *rule = g_ptr_array_index (rules, r);
      for (guint i = 0; i < rule->conditions->len && split < 0; i++)
        {
          const PenalCondition *c
              = &g_array_index (rule->conditions, PenalCondition, i);
          if (c->lo > path_lo[c->fact] || c->hi < path_hi[c->fact])
            split = (gint)c->fact;
        }
    }

  if (split < 0)
    {
      g_autofree char *example = describe_path (model, path_lo, path_hi);
      g_autofree char *date = version_sample_date (version);

      if (rules->len == 0)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
                       _ ("%s:%d: version %s has a gap: no rule decides %s, "
                          "offense_date=%s"),
                       version->file, version->line, version->id, example,
                       date);
          return NULL;
        }
      if (rules->len > 1)
        {
          const PenalRule *a = g_ptr_array_index (rules, 0);
          const PenalRule *b = g_ptr_array_index (rules, 1);
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
                       _ ("%s:%d: rules at lines %d and %d overlap: both "
                          "decide %s, offense_date=%s"),
                       b->file, b->line, a->line, b->line, example, date);
          return NULL;
        }
      node = g_new0 (PenalTreeNode, 1);
      node->fact = -1;
      node->rule = g_ptr_array_index (rules, 0);
      return node;
    }

  /* Cut the current range of the fact at every rule boundary inside it. */
  cuts = penal_regions_new (path_lo[split], path_hi[split]);
  penal_regions_add_rules (cuts, rules, (guint)split, path_lo[split],
                           path_hi[split]);
  penal_regions_finish (cuts);

  branches = g_array_new (FALSE, TRUE, sizeof (PenalTreeBranch));
  for (guint k = 0; k < cuts->len; k++)
    {
      gint64 lo = g_array_index (cuts, gint64, k);
      gint64 hi = penal_regions_last (cuts, k, path_hi[split]);
      gint64 saved_lo = path_lo[split];
      gint64 saved_hi = path_hi[split];
      g_autoptr (GPtrArray) matching = g_ptr_array_new ();
      PenalTreeBranch branch;

      for (guint r = 0; r < rules->len; r++)
        {
          const PenalRule *rule = g_ptr_array_index (rules, r);
          gint64 rlo, rhi;
          if (!rule_range (rule, (guint)split, &rlo, &rhi)
              || (rlo <= lo && hi <= rhi))
            g_ptr_array_add (matching, (gpointer)rule);
        }

      path_lo[split] = lo;
      path_hi[split] = hi;
      branch.lo = lo;
      branch.hi = hi;
      branch.child
          = compile_node (model, version, matching, path_lo, path_hi, error);
      path_lo[split] = saved_lo;
      path_hi[split] = saved_hi;
      if (branch.child == NULL)
        {
          for (guint b = 0; b < branches->len; b++)
            penal_tree_free (
                g_array_index (branches, PenalTreeBranch, b).child);
          return NULL;
        }

      /* Neighbouring ranges that end in the same rule read as one range. */
      if (branches->len > 0)
        {
          PenalTreeBranch *last
              = &g_array_index (branches, PenalTreeBranch, branches->len - 1);
          if (last->child->fact < 0 && branch.child->fact < 0
              && last->child->rule == branch.child->rule)
            {
              last->hi = branch.hi;
              penal_tree_free (branch.child);
              continue;
            }
        }
      g_array_append_val (branches, branch);
    }

  node = g_new0 (PenalTreeNode, 1);
  node->fact = split;
  node->n_branches = branches->len;
  node->branches = (PenalTreeBranch *)(void *)g_array_free (
      g_steal_pointer (&branches), FALSE);
  return node;
}

static void
collect_rules (const PenalTreeNode *node, GHashTable *reached)
{
  if (node->fact < 0)
    {
      g_hash_table_add (reached, (gpointer)node->rule);
      return;
    }
  for (guint b = 0; b < node->n_branches; b++)
    collect_rules (node->branches[b].child, reached);
}

PenalTreeNode *
penal_tree_compile (const PenalModel *model, const PenalVersion *version,
                    GError **error)
{
  guint n = model->facts->len;
  g_autofree gint64 *path_lo = g_new (gint64, n);
  g_autofree gint64 *path_hi = g_new (gint64, n);
  PenalTreeNode *tree;

  g_return_val_if_fail (model != NULL && version != NULL, NULL);

  for (guint f = 0; f < n; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      path_lo[f] = decl->min;
      path_hi[f] = decl->max;
    }
  tree = compile_node (model, version, version->rules, path_lo, path_hi, error);
  if (tree == NULL)
    return NULL;

  /* A rule no leaf reaches names no case at all: its conditions leave the
   * facts' declared domains.  (A rule that only repeats cases of others is
   * an overlap, caught above.) */
  {
    g_autoptr (GHashTable) reached = g_hash_table_new (NULL, NULL);

    collect_rules (tree, reached);
    for (guint r = 0; r < version->rules->len; r++)
      {
        const PenalRule *rule = g_ptr_array_index (version->rules, r);
        if (!g_hash_table_contains (reached, rule))
          {
            g_set_error (
                error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
                _ ("%s:%d: this rule can never apply: no case within the "
                   "declared fact domains meets all its conditions"),
                rule->file, rule->line);
            penal_tree_free (tree);
            return NULL;
          }
      }
  }
  return tree;
}

void
penal_tree_free (PenalTreeNode *node)
{
  if (node == NULL)
    return;
  for (guint b = 0; b < node->n_branches; b++)
    penal_tree_free (node->branches[b].child);
  g_free (node->branches);
  g_free (node);
}

/* Walks the tree with the known facts.  Returns the deciding rule, or NULL
 * with *out_stuck set to the node whose fact is missing. */
const PenalRule *
penal_tree_evaluate (const PenalTreeNode *tree, const PenalFacts *facts,
                     const PenalTreeNode **out_stuck)
{
  const PenalTreeNode *node = tree;

  g_return_val_if_fail (tree != NULL && facts != NULL, NULL);

  while (node->fact >= 0)
    {
      gint64 value;
      const PenalTreeNode *next = NULL;

      if (!penal_facts_get (facts, (guint)node->fact, &value))
        {
          if (out_stuck != NULL)
            *out_stuck = node;
          return NULL;
        }
      for (guint b = 0; b < node->n_branches && next == NULL; b++)
        if (value >= node->branches[b].lo && value <= node->branches[b].hi)
          next = node->branches[b].child;
      /* Facts are checked against their domain before they get here, and
       * the branches cover the whole domain, so there is always one. */
      g_return_val_if_fail (next != NULL, NULL);
      node = next;
    }
  return node->rule;
}

/* The one rule every path below this node ends in, or NULL if they differ. */
const PenalRule *
penal_tree_single_rule (const PenalTreeNode *node)
{
  const PenalRule *rule = NULL;

  if (node->fact < 0)
    return node->rule;
  for (guint b = 0; b < node->n_branches; b++)
    {
      const PenalRule *r = penal_tree_single_rule (node->branches[b].child);
      if (r == NULL || (rule != NULL && r != rule))
        return NULL;
      rule = r;
    }
  return rule;
}

/* The first fact, in the tree's order, that is neither known nor declared
 * unknown and on which the answer still depends; -1 if there is none.
 * Where a fact is declared unknown every branch below it is explored, so a
 * later fact that matters for some of its values is still found. */
gint
penal_tree_next_fact (const PenalTreeNode *node, const PenalFacts *facts,
                      const gboolean *unknown)
{
  gint64 value;

  g_return_val_if_fail (node != NULL && facts != NULL, -1);

  if (node->fact < 0)
    return -1;
  if (penal_facts_get (facts, (guint)node->fact, &value))
    {
      for (guint b = 0; b < node->n_branches; b++)
        if (value >= node->branches[b].lo && value <= node->branches[b].hi)
          return penal_tree_next_fact (node->branches[b].child, facts, unknown);
      return -1;
    }
  if (unknown == NULL || !unknown[node->fact])
    return node->fact;
  for (guint b = 0; b < node->n_branches; b++)
    {
      gint next
          = penal_tree_next_fact (node->branches[b].child, facts, unknown);
      if (next >= 0)
        return next;
    }
  return -1;
}

/* Every leaf of the tree with the box of fact values that reaches it. */
typedef struct
{
  gint64 *lo;
  gint64 *hi;
  const PenalRule *rule;
} Box;

static void
box_clear (Box *box)
{
  g_free (box->lo);
  g_free (box->hi);
}

static void
collect_boxes (const PenalTreeNode *node, gint64 *lo, gint64 *hi, guint n,
               GArray *boxes)
{
  if (node->fact < 0)
    {
      Box box = { g_memdup2 (lo, n * sizeof *lo),
                  g_memdup2 (hi, n * sizeof *hi), node->rule };
      g_array_append_val (boxes, box);
      return;
    }
  for (guint b = 0; b < node->n_branches; b++)
    {
      gint64 saved_lo = lo[node->fact], saved_hi = hi[node->fact];

      lo[node->fact] = node->branches[b].lo;
      hi[node->fact] = node->branches[b].hi;
      collect_boxes (node->branches[b].child, lo, hi, n, boxes);
      lo[node->fact] = saved_lo;
      hi[node->fact] = saved_hi;
    }
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
      shown = describe_value (decl, v);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " " : "",
                              decl->name, shown);
    }
  return g_string_free (out, FALSE);
}

/* Proves that, within this version, moving the fact one way never gives a
 * milder class: decreasing means a lower value is never milder.  Only cases
 * where both sides give a class are compared. */
gboolean
penal_tree_check_monotone (const PenalModel *model, const PenalVersion *version,
                           guint fact, gboolean decreasing, int declared_line,
                           GError **error)
{
  guint n = model->facts->len;
  g_autofree gint64 *lo = g_new (gint64, n);
  g_autofree gint64 *hi = g_new (gint64, n);
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));

  g_return_val_if_fail (version->tree != NULL, FALSE);

  g_array_set_clear_func (boxes, (GDestroyNotify)box_clear);
  for (guint f = 0; f < n; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      lo[f] = decl->min;
      hi[f] = decl->max;
    }
  collect_boxes (version->tree, lo, hi, n, boxes);

  for (guint i = 0; i < boxes->len; i++)
    for (guint j = 0; j < boxes->len; j++)
      {
        const Box *below = &g_array_index (boxes, Box, i);
        const Box *above = &g_array_index (boxes, Box, j);
        const Box *milder_side;
        gboolean meet = below->hi[fact] + 1 == above->lo[fact];

        for (guint f = 0; f < n && meet; f++)
          if (f != fact)
            meet = MAX (below->lo[f], above->lo[f])
                   <= MIN (below->hi[f], above->hi[f]);
        if (!meet || below->rule->kind != PENAL_RULE_CLASS
            || above->rule->kind != PENAL_RULE_CLASS)
          continue;
        /* Classes are ordered from most to least severe. */
        if (decreasing && below->rule->klass > above->rule->klass)
          milder_side = below;
        else if (!decreasing && above->rule->klass > below->rule->klass)
          milder_side = above;
        else
          continue;

        {
          g_autofree char *low_case
              = describe_meeting (model, below, above, fact, below->hi[fact]);
          g_autofree char *high_case
              = describe_meeting (model, below, above, fact, above->lo[fact]);
          g_autofree char *date = version_sample_date (version);
          const PenalFactDecl *decl = g_ptr_array_index (model->facts, fact);

          g_set_error (
              error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
              decreasing
                  ? _ ("%s:%d: %s gives %s (line %d) but %s gives the milder "
                       "%s (line %d), offense_date=%s; line %d declares that a "
                       "lower %s never gives a milder class")
                  : _ ("%s:%d: %s gives %s (line %d) but %s gives the milder "
                       "%s (line %d), offense_date=%s; line %d declares that a "
                       "higher %s never gives a milder class"),
              milder_side->rule->file, milder_side->rule->line,
              milder_side == below ? high_case : low_case,
              penal_class_to_code (
                  (milder_side == below ? above : below)->rule->klass),
              (milder_side == below ? above : below)->rule->line,
              milder_side == below ? low_case : high_case,
              penal_class_to_code (milder_side->rule->klass),
              milder_side->rule->line, date, declared_line, decl->name);
          return FALSE;
        }
      }
  return TRUE;
}
