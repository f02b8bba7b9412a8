/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-render.h: an outcome as prose (penal-render.c), with the words
 * (penal-text.h) and the JSON view (penal-json.h) beside it. */
#pragma once

#include <glib.h>

#include "penal-charges.h"
#include "penal-json.h"
#include "penal-outcome.h"
#include "penal-text.h"

G_BEGIN_DECLS

/* One step of the explanation: what decided a part of the answer, and the
 * statute subsection it comes from; for a rule no statute supports, the
 * source it cites, which text answers name by its translated label. */
typedef struct
{
  char *citation;
  char *text;
  const PenalSource *cites; /* (transfer none) or NULL */
} PenalTraceStep;

GPtrArray *penal_outcome_trace (const PenalModel *model,
                                const PenalOutcome *outcome);
char *penal_charge_code_text (const PenalChargeCode *row);
void penal_trace_add_penalty (GPtrArray *trace, PenalPenaltyState state,
                              const PenalEra *era, const PenalClassPenalty *p,
                              gint64 offense_date);
void penal_trace_add_step (GPtrArray *trace, const char *citation, char *text);
void penal_trace_add_stepf (GPtrArray *trace, const char *citation,
                            const char *format, ...) G_GNUC_PRINTF (3, 4);
void penal_trace_step_free (PenalTraceStep *step);
char *penal_charges_citation (const PenalCharges *charges);
char *penal_render_details (const PenalModel *model,
                            const PenalOutcome *outcome);

/* penal-summary.c: "In short". */
GPtrArray *penal_outcome_summary (const PenalOutcome *outcome,
                                  gboolean with_warnings);
char *penal_charge_summary (const PenalOutcome *outcome);
char *penal_program_summary (const PenalOutcome *screened);
char *penal_warning_text (const PenalOutcome *outcome, PenalWarning warning);
const char *penal_not_advice_text (void);

G_END_DECLS
