/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore.h: the statutes made visible for students: the list of
 * statutes and their versions, one statute as in force on a date, its
 * decision tree, what changed between two dates, and how the outcome moves
 * as one fact does. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-facts.h"
#include "penal-model-private.h"

G_BEGIN_DECLS

/* A statute found by name: an offense, enhancement or program (by id or
 * statute number, "567.030" or "RSMo 567.030"), or a penalty table (by id,
 * or a statute number its eras name, "558.011"). */
typedef struct
{
  const PenalOffense *statute;
  const PenalPenalties *penalties;
} PenalFound;

gboolean penal_explore_find (const PenalModel *model, const char *name,
                             PenalFound *out_found);
char *penal_explore_names (const PenalModel *model);
char *penal_explore_names_of_statutes (const PenalModel *model);

JsonNode *penal_explore_list (const PenalModel *model);
char *penal_explore_list_text (JsonNode *list);

JsonNode *penal_explore_show (const PenalModel *model, const PenalFound *found,
                              gint64 date);
char *penal_explore_show_text (JsonNode *show);

JsonNode *penal_explore_tree (const PenalModel *model,
                              const PenalOffense *statute, gint64 date);
char *penal_explore_tree_text (JsonNode *tree);
char *penal_explore_tree_dot (JsonNode *tree);

JsonNode *penal_explore_diff (const PenalModel *model,
                              const PenalOffense *offense, gint64 from,
                              gint64 to, GError **error);
char *penal_explore_diff_text (JsonNode *diff);

JsonNode *penal_explore_what_if (const PenalModel *model,
                                 const PenalFacts *facts, gint64 offense_date,
                                 guint vary, GError **error);
char *penal_explore_what_if_text (JsonNode *what_if);

/* Shared by the exploring commands' files (penal-explore.c). */
G_GNUC_INTERNAL void penal_explore_add_date (JsonBuilder *builder,
                                             const char *member, gint64 day);
G_GNUC_INTERNAL void penal_explore_add_int (JsonBuilder *builder,
                                            const char *member, gint64 value);
G_GNUC_INTERNAL void penal_explore_add_bool (JsonBuilder *builder,
                                             const char *member,
                                             gboolean value);
G_GNUC_INTERNAL void
penal_explore_add_effective (JsonBuilder *builder,
                             const PenalEffective *effective);
G_GNUC_INTERNAL const char *
penal_explore_kind_code (const PenalOffense *statute);
G_GNUC_INTERNAL const char *penal_explore_kind_text (const char *code);
G_GNUC_INTERNAL void penal_explore_add_names (JsonBuilder *builder,
                                              const char *id, const char *kind,
                                              const char *statute,
                                              const char *title);
G_GNUC_INTERNAL void penal_explore_add_offense (JsonBuilder *builder,
                                                const char *id_member,
                                                const PenalOffense *offense);
G_GNUC_INTERNAL void penal_explore_add_dated_object (JsonBuilder *builder,
                                                     const PenalDated *dated);
G_GNUC_INTERNAL void penal_explore_add_versions (JsonBuilder *builder,
                                                 GPtrArray *versions);
G_GNUC_INTERNAL GPtrArray *
penal_explore_versions_on (const PenalOffense *statute, gint64 date);
G_GNUC_INTERNAL void
penal_explore_add_rule_outcome (JsonBuilder *builder,
                                const PenalOffense *statute,
                                const PenalRule *rule, gint64 date);
G_GNUC_INTERNAL void penal_explore_add_cites (JsonBuilder *builder,
                                              const PenalRule *rule);
G_GNUC_INTERNAL char *penal_explore_citation_text (JsonObject *object);
G_GNUC_INTERNAL const char *penal_explore_member_string (JsonObject *object,
                                                         const char *member);
G_GNUC_INTERNAL char *penal_explore_member_date (JsonObject *object,
                                                 const char *member);
G_GNUC_INTERNAL char *penal_explore_duration_text (const char *iso);
G_GNUC_INTERNAL char *penal_explore_duration_range_text (const char *min_iso,
                                                         const char *max_iso);
G_GNUC_INTERNAL char *penal_explore_outcome_object_text (JsonObject *outcome);
G_GNUC_INTERNAL char *penal_explore_effective_text (JsonObject *version);
G_GNUC_INTERNAL void penal_explore_append_version_line (GString *out,
                                                        JsonObject *version,
                                                        const char *indent,
                                                        gboolean with_open);

G_END_DECLS
