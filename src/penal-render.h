/* penal-render.h: an outcome as prose (translated) or as JSON (stable codes). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-outcome.h"

G_BEGIN_DECLS

/* One step of the explanation: what decided a part of the answer, and the
 * statute subsection it comes from. */
typedef struct
{
  char *citation;
  char *text;
} PenalTraceStep;

GPtrArray *penal_outcome_trace       (const PenalOutcome *outcome);
JsonNode  *penal_render_json         (const PenalModel   *model,
                                      const PenalOutcome *outcome);

char       *penal_json_to_string     (JsonNode           *root,
                                      gboolean            pretty);
void        penal_json_add_string_or_null (JsonBuilder *builder,
                                           const char  *member,
                                           const char  *value);
void        penal_json_add_penalty_fields (JsonBuilder             *builder,
                                           const PenalClassPenalty *p);

const char *penal_statute_text       (const char *english);
const char *penal_standing_to_text   (const char *standing);
char       *penal_possibility_to_text (const PenalPossibility *possibility);
char       *penal_range_to_text      (const PenalFactDecl *fact,
                                      gint64               lo,
                                      gint64               hi);
char       *penal_imprisonment_text  (const PenalClassPenalty *p);
char       *penal_fine_text          (const PenalClassPenalty *p);
char       *penal_with_standing      (char       *text,
                                      const char *standing);
char       *penal_duration_to_text   (const PenalDuration *duration);
char       *penal_usd_to_text        (gint64 usd);

G_END_DECLS
