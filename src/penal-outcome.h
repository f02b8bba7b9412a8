/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-outcome.h: the answer for one case: class, term, fine, citations. */
#pragma once

#include <glib.h>

#include "penal-facts.h"
#include "penal-model-private.h"

G_BEGIN_DECLS

typedef enum
{
  PENAL_STATUS_DECIDED,
  PENAL_STATUS_NEEDS_FACTS,
  PENAL_STATUS_AMBIGUOUS,
  PENAL_STATUS_NO_VERSION, /* penal holds no version in force on the date */
} PenalStatus;

/* Whether penal holds the penalty figures of a decided class for the
 * offense date. */
typedef enum
{
  PENAL_PENALTY_HELD,      /* an era certainly in force: outcome->penalty */
  PENAL_PENALTY_UNCERTAIN, /* the date is before the era is established:
                              outcome->era->uncertain says why */
  PENAL_PENALTY_NOT_HELD,  /* no era covers the date */
} PenalPenaltyState;

/* Whether charging an enhancement would raise the exposure above the
 * base offense's: a more severe class, or a longer maximum term. */
typedef enum
{
  PENAL_EXPOSURE_NONE,    /* the enhancement gives no class here */
  PENAL_EXPOSURE_RAISES,  /* charging it raises the class or the term */
  PENAL_EXPOSURE_SAME,    /* it would not raise them: the base class is as
                             severe or more */
  PENAL_EXPOSURE_UNKNOWN, /* the base class is not decided */
} PenalExposure;

/* What the reader must know about the answer as a whole. */
typedef enum
{
  PENAL_WARNING_DATE_ASSUMED,   /* no offense date was given: today used */
  PENAL_WARNING_DATE_FUTURE,    /* the offense date is after today */
  PENAL_WARNING_BEFORE_HELD,    /* before the earliest version penal holds */
  PENAL_WARNING_VERSION_UNSURE, /* which version was in force is not
                                   established, though every candidate
                                   agrees */
} PenalWarning;

/* One range of the next fact that matters, and where it leads. */
typedef struct
{
  const PenalFactDecl *fact;
  gint64 lo;
  gint64 hi;
  const PenalRule *rule;       /* NULL when more facts are needed below */
  const PenalVersion *version; /* set when candidate versions disagree */
} PenalPossibility;

/* (transfer none) pointers point into the model, which must outlive the
 * outcome. */
struct _PenalOutcome
{
  PenalStatus status;
  const PenalOffense *offense; /* NULL if the offense is missing */
  gint64 offense_date;
  const PenalVersion *version;      /* decided: the version used */
  const PenalRule *rule;            /* decided: the deciding rule */
  const PenalEra *era;              /* decided: the penalty era, when
                                       one may cover the date */
  PenalPenaltyState penalty_state;  /* decided, class rules only */
  const PenalClassPenalty *penalty; /* decided, class rules only, held */
  const char *charge_family;        /* decided: the rule's charge-code
                                       family, or NULL */
  GPtrArray *charge_codes;          /* PenalChargeCode of that family in
                                       force on the date, not owned */
  gboolean version_uncertain;       /* decided although the
                                       version is uncertain */
  GPtrArray *missing;               /* PenalFactDecl, not owned */
  GArray *possible;                 /* PenalPossibility */
  GPtrArray *candidates;            /* PenalOutcome, owned */
  char *reason;
  GPtrArray *enhancements; /* PenalOutcome, owned */
  GPtrArray *programs;     /* PenalOutcome, owned: one per
                              program of the offense */

  /* The answer as a whole (the top outcome only). */
  PenalFacts *given;   /* the facts as given, a copy */
  gboolean date_given; /* FALSE: offense_date is assumed (today) */
  GArray *warnings;    /* PenalWarning */

  /* Written for a volunteer or a client (the interview): facts named by
   * their labels, never by their ids. */
  gboolean plain;

  /* An enhancement's relation to the base offense. */
  PenalExposure exposure;
  /* A court-discretion route limited to one class: the enhancements which,
   * if charged, would take the case out of that class. */
  GPtrArray *not_if_charged; /* PenalOutcome, not owned */
};

const char *penal_status_to_code (PenalStatus status);
const char *penal_exposure_to_code (PenalExposure exposure);
void penal_outcome_set_plain (PenalOutcome *outcome);
const char *penal_warning_to_code (PenalWarning warning);
PenalOutcome *penal_evaluate_on (const PenalModel *model,
                                 const PenalFacts *facts, gint64 offense_date,
                                 gint64 today);
GArray *penal_offense_period_starts (const PenalOffense *offense);
GArray *penal_model_period_starts (const PenalModel *model);
const PenalEra *penal_penalties_era_on (const PenalPenalties *penalties,
                                        gint64 date,
                                        PenalPenaltyState *out_state);
gboolean penal_enhancement_may_be_charged (const PenalOutcome *enhanced,
                                           const PenalRule **rule);
GPtrArray *penal_outcome_programs_of (const PenalOutcome *outcome,
                                      PenalProgramKind kind);

G_END_DECLS
