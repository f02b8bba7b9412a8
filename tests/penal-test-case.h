/* penal-test-case.h: evaluate one case against a loaded model, in tests. */
#pragma once

#include <glib.h>

#include "penal-outcome.h"

G_BEGIN_DECLS

gint64 penal_test_parse_date (const char *text);
PenalOutcome *penal_test_evaluate_case (const PenalModel *model,
                                        const char *offense_date,
                                        ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
