/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-case.h: evaluate one case against a loaded model, in tests,
 * and check the answer against Missouri's figures. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-outcome.h"
#include "penal-test-register.h"

G_BEGIN_DECLS

/* What one class's row of a penalty table authorizes.  Durations are ISO 8601
 * as the statute files write them; NULL means the table gives none. */
typedef struct
{
  const char *imprisonment_min;
  const char *imprisonment_max;
  gboolean life;
  const char *county_jail_max;
  gint64 fine_max_usd;      /* -1: no fine authorized or listed */
  guint gain_multiple;      /* 0: no fine based on the offender's gain */
  gint64 gain_cap_usd;      /* -1: no cap */
  const char *fine_section; /* the statute the fine comes from */
} ExpectedPenalty;

/* The rows of Missouri's penalty tables, each with its sources in
 * penal-test-case.c. */
extern const ExpectedPenalty pre2017_felony_a;
extern const ExpectedPenalty pre2017_felony_b;
extern const ExpectedPenalty pre2017_felony_c;
extern const ExpectedPenalty pre2017_felony_d;
extern const ExpectedPenalty pre2017_misdemeanor_a;
extern const ExpectedPenalty pre2017_misdemeanor_b;
extern const ExpectedPenalty pre2017_misdemeanor_c;
extern const ExpectedPenalty pre2017_infraction;
extern const ExpectedPenalty from2017_felony_a;
extern const ExpectedPenalty from2017_felony_b;
extern const ExpectedPenalty from2017_felony_c;
extern const ExpectedPenalty from2017_felony_d;
extern const ExpectedPenalty from2017_felony_e;
extern const ExpectedPenalty from2017_misdemeanor_a;
extern const ExpectedPenalty from2017_misdemeanor_b;
extern const ExpectedPenalty from2017_misdemeanor_c;
extern const ExpectedPenalty from2017_misdemeanor_d;
extern const ExpectedPenalty from2017_infraction;

/* Shorthand for the penalty state in tables of cases. */
#define HELD PENAL_PENALTY_HELD
#define UNCERTAIN PENAL_PENALTY_UNCERTAIN
#define NOT_HELD PENAL_PENALTY_NOT_HELD

/* The statutes a test program loads once in main () and its tests share;
 * the tests only read them. */
extern PenalModel *penal_test_model;

/* Evaluates a case against penal_test_model, given as NAME, VALUE pairs
 * ending with NULL. */
#define evaluate_case(...)                                                     \
  penal_test_evaluate_case (penal_test_model, __VA_ARGS__)

void penal_test_assert_cites (const char *citation, const char *expected);
void penal_test_assert_penalty (const PenalClassPenalty *penalty,
                                const ExpectedPenalty *expected);
const char *penal_test_missing_fact_name (const PenalOutcome *outcome,
                                          guint index);
void penal_test_assert_decided_class (const PenalOutcome *outcome,
                                      const char *class_code);

void penal_test_assert_needs_fact (const PenalOutcome *outcome,
                                   const char *fact, guint n_possible);
void penal_test_assert_decided (const PenalOutcome *outcome,
                                const char *class_code, const char *citation,
                                const char *version_id,
                                PenalPenaltyState penalty_state,
                                const ExpectedPenalty *penalty);

PenalModel *penal_test_load_statutes (void);
PenalModel *penal_test_load_bundled (void);
gint64 penal_test_parse_date (const char *text);
PenalFacts *penal_test_facts_of (const PenalModel *model,
                                 const char *const *assignments);
PenalOutcome *penal_test_evaluate_on (const PenalModel *model,
                                      const char *offense_date,
                                      const char *const *assignments);
JsonObject *penal_test_outcome_json (JsonParser *parser,
                                     const PenalModel *model,
                                     const PenalOutcome *outcome);
PenalOutcome *penal_test_evaluate_case (const PenalModel *model,
                                        const char *offense_date,
                                        ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
