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
 * matches. */
struct _PenalTreeNode
{
  gint fact;
  guint n_branches;
  PenalTreeBranch *branches;
  const PenalRule *rule;
};

PenalTreeNode *penal_tree_compile (const PenalModel *model,
                                   const PenalVersion *version, GError **error);
void penal_tree_free (PenalTreeNode *node);

const PenalRule *penal_tree_evaluate (const PenalTreeNode *tree,
                                      const PenalFacts *facts,
                                      const PenalTreeNode **out_stuck);
const PenalRule *penal_tree_single_rule (const PenalTreeNode *node);
gboolean penal_tree_check_monotone (const PenalModel *model,
                                    const PenalVersion *version, guint fact,
                                    gboolean decreasing, int declared_line,
                                    GError **error);
gint penal_tree_next_fact (const PenalTreeNode *node, const PenalFacts *facts,
                           const gboolean *unknown);

G_END_DECLS
