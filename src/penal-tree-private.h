/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-tree-private.h: what the decision-tree compiler (penal-tree.c)
 * and the severity-order proof (penal-tree-order.c) share, and the text
 * of a fact's value (penal_tree_describe_value), which penal-text.c uses
 * too. */
#pragma once

#include <glib.h>

#include "penal-tree.h"

G_BEGIN_DECLS

/* A rule with its conditions also in fact order, to find the one on a
 * fact without reading them all. */
typedef struct
{
  const PenalRule *rule;
  const PenalCondition **by_fact;
} IndexedRule;

G_GNUC_INTERNAL IndexedRule *penal_tree_index_rules (GPtrArray *rules);
G_GNUC_INTERNAL void penal_tree_indexed_rules_free (IndexedRule *indexed,
                                                    guint n);
G_GNUC_INTERNAL const PenalCondition *
penal_tree_condition_on (const IndexedRule *indexed, guint fact);
G_GNUC_INTERNAL gboolean penal_tree_rule_range (const PenalRule *rule,
                                                guint fact, gint64 *lo,
                                                gint64 *hi);
G_GNUC_INTERNAL char *penal_tree_describe_value (const PenalFactDecl *decl,
                                                 gint64 value);
G_GNUC_INTERNAL char *
penal_tree_version_sample_date (const PenalVersion *version);
G_GNUC_INTERNAL gboolean penal_tree_budget_spent (const PenalVersion *version,
                                                  PenalTreeBudget *budget,
                                                  GError **error);

G_END_DECLS
