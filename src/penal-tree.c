/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "penal-tree-private.h"
#include "penal-tree.h"

gboolean
penal_tree_rule_range (const PenalRule *rule, guint fact, gint64 *lo,
                       gint64 *hi)
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

/* A value as the statute files and JSON write it, never translated: "yes",
 * an enum value's code, an ISO date or a number.  The range texts of
 * penal-text.c show values this way too. */
char *
penal_tree_describe_value (const PenalFactDecl *decl, gint64 value)
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
      value = penal_tree_describe_value (decl, path_lo[f]);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " " : "",
                              decl->name, value);
    }
  if (out->len == 0)
    g_string_append (out, _ ("any facts"));
  return g_string_free (out, FALSE);
}

/* A day on which the version is certainly in force, for counterexamples. */
char *
penal_tree_version_sample_date (const PenalVersion *version)
{
  gint64 day = version->dated.effective.from_latest;

  if (day == PENAL_DATE_OPEN_START)
    day = version->dated.effective.to_earliest;
  if (day == PENAL_DATE_OPEN_END)
    day = penal_date_today ();
  return penal_date_to_iso (day);
}

/* ------------------------------------------------------------------ */
/* Compiling                                                            */

static gint
compare_condition_facts (gconstpointer a, gconstpointer b)
{
  const PenalCondition *x = *(const PenalCondition *const *)a;
  const PenalCondition *y = *(const PenalCondition *const *)b;

  return (x->fact > y->fact) - (x->fact < y->fact);
}

IndexedRule *
penal_tree_index_rules (GPtrArray *rules)
{
  IndexedRule *indexed = g_new (IndexedRule, rules->len);

  for (guint r = 0; r < rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (rules, r);
      guint n = rule->conditions->len;

      indexed[r].rule = rule;
      indexed[r].by_fact = g_new (const PenalCondition *, n + 1);
      for (guint i = 0; i < n; i++)
        indexed[r].by_fact[i]
            = &g_array_index (rule->conditions, PenalCondition, i);
      qsort (indexed[r].by_fact, n, sizeof (const PenalCondition *),
             compare_condition_facts);
    }
  return indexed;
}

void
penal_tree_indexed_rules_free (IndexedRule *indexed, guint n)
{
  for (guint r = 0; r < n; r++)
    g_free (indexed[r].by_fact);
  g_free (indexed);
}

/* The rule's condition on fact, or NULL when it does not test it. */
const PenalCondition *
penal_tree_condition_on (const IndexedRule *indexed, guint fact)
{
  guint lo = 0, hi = indexed->rule->conditions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint at = indexed->by_fact[mid]->fact;

      if (at == fact)
        return indexed->by_fact[mid];
      if (at < fact)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* What one compile needs at hand.  Rules are named by their index in
 * version->rules; a set of rules is a GArray of those indexes, in rule
 * order, which is the order the messages name them in. */
typedef struct
{
  const PenalModel *model;
  const PenalVersion *version;
  IndexedRule *rules;
  PenalTreeBudget *budget;
  gint64 *path_lo; /* per fact: the range the current path has left */
  gint64 *path_hi;
  GArray *split_facts;    /* guint, ascending: the facts the path split on */
  GHashTable *memo;       /* GBytes key -> PenalTreeNode, not owned */
  GHashTable *shapes;     /* PenalTreeNode -> itself, by shape, not owned */
  PenalTreeNode **leaves; /* per rule: its one leaf, once reached */
  GError **error;
} Compiler;

static const PenalRule *
rule_at (const Compiler *c, guint index)
{
  return c->rules[index].rule;
}

gboolean
penal_tree_budget_spent (const PenalVersion *version, PenalTreeBudget *budget,
                         GError **error)
{
  if (budget->steps > PENAL_MODEL_MAX_PROOF_STEPS)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE,
                   _ ("%s:%d: version %s is too large to prove sound: its "
                      "rules take more than %d steps to check, penal's "
                      "limit; test fewer facts in each rule, or split the "
                      "table"),
                   version->dated.file, version->dated.line, version->dated.id,
                   PENAL_MODEL_MAX_PROOF_STEPS);
      return TRUE;
    }
  if (budget->nodes > PENAL_MODEL_MAX_TREE_NODES)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE,
                   _ ("%s:%d: version %s is too large to prove sound: its "
                      "decision tree needs more than %d nodes, penal's "
                      "limit; test fewer facts in each rule, or split the "
                      "table"),
                   version->dated.file, version->dated.line, version->dated.id,
                   PENAL_MODEL_MAX_TREE_NODES);
      return TRUE;
    }
  return FALSE;
}

/* Counts work against the load's budget; FALSE, with the error set, once
 * the budget is spent. */
static gboolean
charge (Compiler *c, guint64 steps, guint nodes)
{
  c->budget->steps += steps;
  c->budget->nodes += nodes;
  return !penal_tree_budget_spent (c->version, c->budget, c->error);
}

/* What the subtree for a set of rules depends on: the rules, and which
 * facts the path has split.  A fact split on the path is never split
 * again below it (each rule left holds for the whole piece), and one not
 * split still has its whole domain, so where in its domain a split fact's
 * piece lies changes nothing below but the messages, and a message ends
 * the compile.  Two paths with the same key get the same subtree, which is
 * shared. */
static GBytes *
subtree_key (Compiler *c, GArray *rules)
{
  GByteArray *key = g_byte_array_sized_new (
      (rules->len + c->split_facts->len + 1) * sizeof (guint));
  guint n = rules->len;

  g_byte_array_append (key, (const guint8 *)&n, sizeof n);
  g_byte_array_append (key, (const guint8 *)rules->data,
                       rules->len * sizeof (guint));
  g_byte_array_append (key, (const guint8 *)c->split_facts->data,
                       c->split_facts->len * sizeof (guint));
  return g_byte_array_free_to_bytes (key);
}

static PenalTreeNode *
node_ref (PenalTreeNode *node)
{
  node->ref_count++;
  return node;
}

static guint
shape_hash (gconstpointer data)
{
  const PenalTreeNode *node = data;
  guint hash = (guint)node->fact * 31u + node->n_branches;

  for (guint i = 0; i < node->n_branches; i++)
    hash = hash * 31u + (guint)node->branches[i].lo
           + g_direct_hash (node->branches[i].child);
  return hash;
}

static gboolean
shape_equal (gconstpointer a, gconstpointer b)
{
  const PenalTreeNode *x = a, *y = b;

  if (x->fact != y->fact || x->n_branches != y->n_branches)
    return FALSE;
  for (guint i = 0; i < x->n_branches; i++)
    if (x->branches[i].lo != y->branches[i].lo
        || x->branches[i].hi != y->branches[i].hi
        || x->branches[i].child != y->branches[i].child)
      return FALSE;
  return TRUE;
}

/* The one leaf of a rule, made the first time a path reaches it. */
static PenalTreeNode *
leaf_for (Compiler *c, guint index)
{
  PenalTreeNode *leaf = c->leaves[index];

  if (leaf != NULL)
    return node_ref (leaf);
  if (!charge (c, 0, 1))
    return NULL;
  leaf = g_new0 (PenalTreeNode, 1);
  leaf->fact = -1;
  leaf->rule = rule_at (c, index);
  leaf->single_rule = leaf->rule;
  leaf->n_leaves = 1;
  leaf->ref_count = 1;
  c->leaves[index] = leaf;
  return node_ref (leaf);
}

/* Ends a leaf that has no rule or more than one: the table has a gap or an
 * overlap at the current path. */
static void
set_leaf_error (Compiler *c, GArray *rules)
{
  g_autofree char *example = describe_path (c->model, c->path_lo, c->path_hi);
  g_autofree char *date = penal_tree_version_sample_date (c->version);

  if (rules->len == 0)
    {
      g_set_error (c->error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
                   _ ("%s:%d: version %s has a gap: no rule decides %s, "
                      "offense_date=%s"),
                   c->version->dated.file, c->version->dated.line,
                   c->version->dated.id, example, date);
    }
  else
    {
      const PenalRule *a = rule_at (c, g_array_index (rules, guint, 0));
      const PenalRule *b = rule_at (c, g_array_index (rules, guint, 1));

      g_set_error (c->error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
                   _ ("%s:%d: rules at lines %d and %d overlap: both "
                      "decide %s, offense_date=%s"),
                   b->file, b->line, a->line, b->line, example, date);
    }
}

/* The first fact, in rule order, that some rule still narrows; -1 when
 * every rule holds for the whole of the path's ranges.  *out_read counts
 * the conditions read, for the budget. */
static gint
choose_split (Compiler *c, GArray *rules, guint64 *out_read)
{
  *out_read = 0;
  for (guint r = 0; r < rules->len; r++)
    {
      const PenalRule *rule = rule_at (c, g_array_index (rules, guint, r));

      for (guint i = 0; i < rule->conditions->len; i++)
        {
          const PenalCondition *cond
              = &g_array_index (rule->conditions, PenalCondition, i);

          (*out_read)++;
          if (cond->lo > c->path_lo[cond->fact]
              || cond->hi < c->path_hi[cond->fact])
            return (gint)cond->fact;
        }
    }
  return -1;
}

static PenalTreeNode *compile_node (Compiler *c, GArray *rules);

/* Takes a finished inner node: the same shape made before is shared
 * instead. */
static PenalTreeNode *
intern_node (Compiler *c, PenalTreeNode *node)
{
  PenalTreeNode *same = g_hash_table_lookup (c->shapes, node);

  if (same != NULL)
    {
      penal_tree_free (node);
      return node_ref (same);
    }
  if (!charge (c, node->n_branches, 1))
    {
      penal_tree_free (node);
      return NULL;
    }
  g_hash_table_add (c->shapes, node);
  return node;
}

static PenalTreeNode *
inner_node (Compiler *c, guint fact, GArray *branches)
{
  PenalTreeNode *node = g_new0 (PenalTreeNode, 1);

  node->fact = (gint)fact;
  node->ref_count = 1;
  node->n_branches = branches->len;
  node->branches = (PenalTreeBranch *)(void *)g_array_free (branches, FALSE);
  node->single_rule = node->branches[0].child->single_rule;
  for (guint b = 0; b < node->n_branches; b++)
    {
      const PenalTreeNode *child = node->branches[b].child;

      if (child->single_rule != node->single_rule)
        node->single_rule = NULL;
      node->n_leaves = child->n_leaves > G_MAXUINT64 - node->n_leaves
                           ? G_MAXUINT64
                           : node->n_leaves + child->n_leaves;
    }
  return intern_node (c, node);
}

static void
split_facts_add (GArray *split_facts, guint fact, gboolean add)
{
  guint at = 0;

  while (at < split_facts->len && g_array_index (split_facts, guint, at) < fact)
    at++;
  if (add)
    g_array_insert_val (split_facts, at, fact);
  else
    g_array_remove_index (split_facts, at);
}

/* Splits on fact: its domain is cut at every bound of the rules, and each
 * piece gets the rules that hold for all of it (a rule that does not test
 * the fact holds everywhere).  The pieces are swept in order, keeping the
 * rules whose range covers the current one, so the work is what the
 * pieces' rule sets hold, not pieces times rules. */
static PenalTreeNode *
compile_split (Compiler *c, GArray *rules, guint fact)
{
  gint64 saved_lo = c->path_lo[fact], saved_hi = c->path_hi[fact];
  g_autoptr (GArray) cuts = penal_regions_new (saved_lo, saved_hi);
  GArray *branches = g_array_new (FALSE, TRUE, sizeof (PenalTreeBranch));
  g_autofree guint *first = g_new (guint, rules->len);
  g_autofree guint *last = g_new (guint, rules->len);
  g_autofree guint *by_start = g_new (guint, rules->len);
  g_autofree guint *start_at = NULL;
  g_autoptr (GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) piece_rules = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean ok = TRUE;

  for (guint r = 0; r < rules->len; r++)
    {
      const PenalCondition *cond = penal_tree_condition_on (
          &c->rules[g_array_index (rules, guint, r)], fact);

      if (cond != NULL)
        penal_regions_add_condition (cuts, cond, saved_lo, saved_hi);
    }
  penal_regions_finish (cuts);
  if (!charge (c, rules->len + cuts->len, 0))
    {
      g_array_free (branches, TRUE);
      return NULL;
    }

  /* The pieces each rule holds for, first to last; the rules by the piece
   * they start at, each group in rule order. */
  start_at = g_new0 (guint, cuts->len + 1);
  for (guint r = 0; r < rules->len; r++)
    {
      const PenalCondition *cond = penal_tree_condition_on (
          &c->rules[g_array_index (rules, guint, r)], fact);

      first[r] = 0;
      last[r] = cuts->len - 1;
      if (cond != NULL && (cond->lo > saved_hi || cond->hi < saved_lo))
        continue; /* holds for no piece */
      if (cond != NULL)
        {
          first[r] = penal_regions_find (cuts, MAX (cond->lo, saved_lo)) - 1;
          last[r] = penal_regions_find (cuts, MIN (cond->hi, saved_hi)) - 1;
        }
      start_at[first[r] + 1]++;
    }
  for (guint k = 0; k < cuts->len; k++)
    start_at[k + 1] += start_at[k];
  {
    g_autofree guint *next = g_memdup2 (start_at, cuts->len * sizeof (guint));

    for (guint r = 0; r < rules->len; r++)
      {
        const PenalCondition *cond = penal_tree_condition_on (
            &c->rules[g_array_index (rules, guint, r)], fact);

        if (cond == NULL || (cond->lo <= saved_hi && cond->hi >= saved_lo))
          by_start[next[first[r]]++] = r;
      }
  }

  split_facts_add (c->split_facts, fact, TRUE);
  for (guint k = 0; k < cuts->len && ok; k++)
    {
      PenalTreeBranch branch;
      guint kept = 0, a = 0, s = start_at[k], s_end = start_at[k + 1];

      /* The rules still holding, merged in rule order with those that
       * start at this piece. */
      for (guint i = 0; i < active->len; i++)
        if (last[g_array_index (active, guint, i)] >= k)
          g_array_index (active, guint, kept++)
              = g_array_index (active, guint, i);
      g_array_set_size (active, kept);
      g_array_set_size (piece_rules, 0);
      while (a < active->len || s < s_end)
        {
          guint r;

          if (s == s_end
              || (a < active->len
                  && g_array_index (active, guint, a) < by_start[s]))
            r = g_array_index (active, guint, a++);
          else
            r = by_start[s++];
          g_array_append_val (piece_rules, r);
        }
      g_array_set_size (active, 0);
      g_array_append_vals (active, piece_rules->data, piece_rules->len);
      for (guint i = 0; i < piece_rules->len; i++)
        g_array_index (piece_rules, guint, i) = g_array_index (
            rules, guint, g_array_index (piece_rules, guint, i));

      branch.lo = g_array_index (cuts, gint64, k);
      branch.hi = penal_regions_last (cuts, k, saved_hi);
      c->path_lo[fact] = branch.lo;
      c->path_hi[fact] = branch.hi;
      branch.child = compile_node (c, piece_rules);
      c->path_lo[fact] = saved_lo;
      c->path_hi[fact] = saved_hi;
      if (branch.child == NULL)
        {
          ok = FALSE;
          break;
        }

      /* Neighbouring ranges that end in the same rule read as one range. */
      if (branches->len > 0)
        {
          PenalTreeBranch *previous
              = &g_array_index (branches, PenalTreeBranch, branches->len - 1);
          if (previous->child->fact < 0 && previous->child == branch.child)
            {
              previous->hi = branch.hi;
              penal_tree_free (branch.child);
              continue;
            }
        }
      g_array_append_val (branches, branch);
    }
  split_facts_add (c->split_facts, fact, FALSE);

  if (!ok)
    {
      for (guint b = 0; b < branches->len; b++)
        penal_tree_free (g_array_index (branches, PenalTreeBranch, b).child);
      g_array_free (branches, TRUE);
      return NULL;
    }
  return inner_node (c, fact, branches);
}

/* The subtree for the rules that hold for the whole of the current path.
 * Returns a new reference, or NULL with the error set. */
static PenalTreeNode *
compile_node (Compiler *c, GArray *rules)
{
  g_autoptr (GBytes) key = NULL;
  PenalTreeNode *node;
  guint64 read;
  gint split;

  if (!charge (c, rules->len + c->split_facts->len, 0))
    return NULL;
  key = subtree_key (c, rules);
  node = g_hash_table_lookup (c->memo, key);
  if (node != NULL)
    return node_ref (node);

  split = choose_split (c, rules, &read);
  if (!charge (c, read, 0))
    return NULL;
  if (split < 0 && rules->len == 1)
    node = leaf_for (c, g_array_index (rules, guint, 0));
  else if (split < 0)
    {
      set_leaf_error (c, rules);
      return NULL;
    }
  else
    node = compile_split (c, rules, (guint)split);
  if (node != NULL)
    g_hash_table_insert (c->memo, g_steal_pointer (&key), node);
  return node;
}

/* Compiles a version's rules into a decision tree in which equal subtrees
 * are shared, proving on the way that they leave no gap, overlap nowhere
 * and each decide some case.  The work is counted against budget, shared
 * by every version of one load, so no statute file can make loading
 * run away. */
PenalTreeNode *
penal_tree_compile (const PenalModel *model, const PenalVersion *version,
                    PenalTreeBudget *budget, GError **error)
{
  guint n = model->facts->len;
  g_autofree gint64 *path_lo = g_new (gint64, n);
  g_autofree gint64 *path_hi = g_new (gint64, n);
  g_autofree PenalTreeNode **leaves
      = g_new0 (PenalTreeNode *, version->rules->len);
  g_autoptr (GArray) all
      = g_array_sized_new (FALSE, FALSE, sizeof (guint), version->rules->len);
  g_autoptr (GArray) split_facts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) memo = g_hash_table_new_full (
      g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  g_autoptr (GHashTable) shapes = g_hash_table_new (shape_hash, shape_equal);
  Compiler c = { 0 };
  PenalTreeNode *tree;

  g_return_val_if_fail (model != NULL && version != NULL && budget != NULL,
                        NULL);

  c.model = model;
  c.version = version;
  c.rules = penal_tree_index_rules (version->rules);
  c.budget = budget;
  c.path_lo = path_lo;
  c.path_hi = path_hi;
  c.split_facts = split_facts;
  c.memo = memo;
  c.shapes = shapes;
  c.leaves = leaves;
  c.error = error;
  for (guint f = 0; f < n; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      path_lo[f] = decl->min;
      path_hi[f] = decl->max;
    }
  for (guint r = 0; r < version->rules->len; r++)
    g_array_append_val (all, r);
  tree = charge (&c, version->rules->len, 0) ? compile_node (&c, all) : NULL;
  penal_tree_indexed_rules_free (c.rules, version->rules->len);

  /* The compiler's own references to the leaves it made. */
  for (guint r = 0; r < version->rules->len; r++)
    if (leaves[r] != NULL)
      penal_tree_free (leaves[r]);
  if (tree == NULL)
    return NULL;

  /* A rule no leaf reaches names no case at all: its conditions leave the
   * facts' declared domains.  (A rule that only repeats cases of others is
   * an overlap, caught above.) */
  for (guint r = 0; r < version->rules->len; r++)
    if (leaves[r] == NULL)
      {
        const PenalRule *rule = g_ptr_array_index (version->rules, r);

        g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND,
                     _ ("%s:%d: this rule can never apply: no case within "
                        "the declared fact domains meets all its conditions"),
                     rule->file, rule->line);
        penal_tree_free (tree);
        return NULL;
      }
  return tree;
}

/* Drops one reference; subtrees are shared, so a node goes with its
 * last. */
void
penal_tree_free (PenalTreeNode *node)
{
  if (node == NULL || --node->ref_count > 0)
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

/* The one rule every path below this node ends in, or NULL if they differ
 * (found once, when the tree was compiled). */
const PenalRule *
penal_tree_single_rule (const PenalTreeNode *node)
{
  return node->single_rule;
}

/* How many paths lead from node to a leaf: the leaves the tree would have
 * if no subtree were shared (G_MAXUINT64 when there are more). */
guint64
penal_tree_count_leaves (const PenalTreeNode *node)
{
  return node->n_leaves;
}

static gint
next_fact (const PenalTreeNode *node, const PenalFacts *facts,
           const gboolean *unknown, GHashTable *settled)
{
  gint64 value;
  gint next = -1;

  if (node->fact < 0 || g_hash_table_contains (settled, node))
    return -1;
  if (penal_facts_get (facts, (guint)node->fact, &value))
    {
      for (guint b = 0; b < node->n_branches; b++)
        if (value >= node->branches[b].lo && value <= node->branches[b].hi)
          next = next_fact (node->branches[b].child, facts, unknown, settled);
    }
  else if (unknown == NULL || !unknown[node->fact])
    return node->fact;
  else
    for (guint b = 0; b < node->n_branches && next < 0; b++)
      next = next_fact (node->branches[b].child, facts, unknown, settled);
  /* Subtrees are shared: one found to need nothing more is not walked
   * again, so the walk is as long as the tree is big, not as its paths are
   * many. */
  if (next < 0)
    g_hash_table_add (settled, (gpointer)node);
  return next;
}

/* The first fact, in the tree's order, that is neither known nor declared
 * unknown and on which the answer still depends; -1 if there is none.
 * Where a fact is declared unknown every branch below it is explored, so a
 * later fact that matters for some of its values is still found. */
gint
penal_tree_next_fact (const PenalTreeNode *node, const PenalFacts *facts,
                      const gboolean *unknown)
{
  g_autoptr (GHashTable) settled = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (node != NULL && facts != NULL, -1);

  return next_fact (node, facts, unknown, settled);
}
