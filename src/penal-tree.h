/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-tree.h: a statute version's rule table compiled to a decision tree. */
#pragma once

#include <glib.h>

#include "penal-facts.h"
#include "penal-model-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 lo;
  gint64 hi;
  PenalTreeNode *child;
} PenalTreeBranch;

/* An inner node tests one fact and has one branch per range of its values;
 * a leaf (fact < 0) names the single rule that every case reaching it
 * matches.  Equal subtrees are shared, so the tree is a DAG: nodes are
 * counted references, and a walk that may visit a node twice remembers
 * the nodes it has seen. */
struct _PenalTreeNode
{
  gint fact;
  guint n_branches;
  PenalTreeBranch *branches;
  const PenalRule *rule;        /* leaves */
  const PenalRule *single_rule; /* the one rule every path below ends in */
  guint64 n_leaves;             /* paths below, G_MAXUINT64 if more */
  guint ref_count;
};

/* The work one load may spend on its decision trees and the proofs over
 * them, shared by every version it compiles; the limits are in penal.h. */
typedef struct
{
  guint64 steps;
  guint64 nodes;
} PenalTreeBudget;

PenalTreeNode *penal_tree_compile (const PenalModel *model,
                                   const PenalVersion *version,
                                   PenalTreeBudget *budget, GError **error);
void penal_tree_free (PenalTreeNode *node);

const PenalRule *penal_tree_evaluate (const PenalTreeNode *tree,
                                      const PenalFacts *facts,
                                      const PenalTreeNode **out_stuck);
const PenalRule *penal_tree_single_rule (const PenalTreeNode *node);
guint64 penal_tree_count_leaves (const PenalTreeNode *node);
gboolean penal_tree_check_monotone (const PenalModel *model,
                                    const PenalVersion *version, guint fact,
                                    gboolean decreasing, int declared_line,
                                    PenalTreeBudget *budget, GError **error);
gint penal_tree_next_fact (const PenalTreeNode *node, const PenalFacts *facts,
                           const gboolean *unknown);

G_END_DECLS
