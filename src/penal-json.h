/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-json.h: an outcome, and the pieces of other answers, as JSON
 * (penal-json.c). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-charges.h"
#include "penal-outcome.h"

G_BEGIN_DECLS

JsonNode *penal_render_json (const PenalModel *model,
                             const PenalOutcome *outcome);
JsonNode *penal_render_json_undated (const PenalModel *model,
                                     const PenalFacts *facts,
                                     const PenalOffense *offense,
                                     GPtrArray *unknown, GError **error);
char *penal_json_to_string (JsonNode *root, gboolean pretty);
char *penal_json_report (JsonNode *root);
void penal_json_add_charge_type (JsonBuilder *builder,
                                 const PenalChargeCode *row);
void penal_json_add_charge_period (JsonBuilder *builder,
                                   const PenalChargeCode *row);
char *penal_json_report_or_text (JsonBuilder *builder, GString *text,
                                 PenalFormat format);
void penal_json_add_format_version (JsonBuilder *builder);
void penal_json_add_date_or_null (JsonBuilder *builder, const char *member,
                                  gint64 julian, gint64 open_value);
void penal_json_add_string_or_null (JsonBuilder *builder, const char *member,
                                    const char *value);
gboolean penal_json_begin_object_or_null (JsonBuilder *builder,
                                          const char *member, gboolean present);
void penal_json_add_penalty (JsonBuilder *builder, const PenalClassPenalty *p);
void penal_json_add_not_if_charged (JsonBuilder *builder,
                                    const PenalOutcome *screened);
void penal_json_add_raises_exposure (JsonBuilder *builder,
                                     const PenalOutcome *enhanced);
void penal_json_add_fact_value (JsonBuilder *builder, const PenalFactDecl *fact,
                                gint64 value);
void penal_json_add_penalty_fields (JsonBuilder *builder,
                                    const PenalClassPenalty *p);
gboolean penal_json_add_penalty_established (JsonBuilder *builder,
                                             const PenalOutcome *outcome);
void penal_json_add_trace (JsonBuilder *builder, GPtrArray *trace);

G_END_DECLS
