/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-text.h: the words for the parts of an answer (penal-text.c). */
#pragma once

#include <glib.h>

#include "penal-outcome.h"

G_BEGIN_DECLS

const char *penal_statute_text (const char *english);
char *penal_source_label_text (const char *label, const char *date);
char *penal_rule_citation_text (const PenalRule *rule);
const char *penal_basis_code_to_text (const char *code);
char *penal_duration_to_text (const PenalDuration *duration);
char *penal_duration_range_to_text (const PenalDuration *min,
                                    const PenalDuration *max);
char *penal_usd_to_text (gint64 usd);
char *penal_with_basis (char *text, PenalBasis basis);
char *penal_imprisonment_text (const PenalClassPenalty *p);
char *penal_fine_text (const PenalClassPenalty *p);
G_GNUC_INTERNAL char *penal_gain_text (const PenalClassPenalty *p);
char *penal_range_to_text (const PenalFactDecl *fact, gint64 lo, gint64 hi);
char *penal_possibility_to_text (const PenalPossibility *possibility,
                                 gboolean plain);

G_END_DECLS
