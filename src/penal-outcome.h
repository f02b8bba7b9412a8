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
};

const char *penal_status_to_code (PenalStatus status);
GArray *penal_offense_period_starts (const PenalOffense *offense);

G_END_DECLS
