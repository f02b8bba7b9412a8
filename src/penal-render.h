/* penal-render.h: an outcome as prose (penal-render.c), with the words
 * (penal-text.h) and the JSON view (penal-json.h) beside it. */
#pragma once

#include <glib.h>

#include "penal-json.h"
#include "penal-outcome.h"
#include "penal-text.h"

G_BEGIN_DECLS

/* One step of the explanation: what decided a part of the answer, and the
 * statute subsection it comes from. */
typedef struct
{
  char *citation;
  char *text;
} PenalTraceStep;

GPtrArray *penal_outcome_trace (const PenalOutcome *outcome);

G_END_DECLS
