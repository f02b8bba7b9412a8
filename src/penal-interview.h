/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-interview.h: the interview's words that are data
 * (data/interview.xml): the answers that mean "I don't know", "yes",
 * "no" and "back" (penal-interview.c).  A fact's help text is the fact's
 * own (PenalFactDecl.help). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PENAL_INTERVIEW_DONT_KNOW,
  PENAL_INTERVIEW_YES,
  PENAL_INTERVIEW_NO,
  PENAL_INTERVIEW_BACK,
} PenalInterviewMeaning;

char *penal_interview_normalize (const char *answer);
gboolean penal_interview_means (const char *normalized,
                                PenalInterviewMeaning meaning);

G_END_DECLS
