/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-diversion.h: whether diversion is open for a case, what the court
 * may allow, what the statute protects, and where to refer the person. */
#pragma once

#include <glib.h>

#include "penal-outcome.h"

G_BEGIN_DECLS

/* A yes / no / cannot-tell answer. */
typedef enum
{
  PENAL_ANSWER_NO,
  PENAL_ANSWER_YES,
  PENAL_ANSWER_UNKNOWN,
} PenalAnswer;

typedef struct
{
  PenalAnswer eligible;   /* over the diversion programs */
  GPtrArray *reasons;     /* char *, translated sentences */
  GPtrArray *missing;     /* PenalFactDecl, not owned: what would decide
                             eligibility */
  GPtrArray *next_steps;  /* char *, translated sentences */
  GPtrArray *resources;   /* PenalResource, not owned, each once */
  GPtrArray *referred_by; /* PenalRule, not owned: why each resource */
} PenalDiversion;

PenalAnswer penal_program_answer (const PenalOutcome *screened);
PenalDiversion *penal_diversion_new (const PenalOutcome *outcome);
void penal_diversion_free (PenalDiversion *diversion);

const char *penal_program_answer_text (const PenalOffense *program,
                                       PenalAnswer answer);
char *penal_program_reason (const PenalOutcome *screened);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalDiversion, penal_diversion_free)

G_END_DECLS
