/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-case.c: evaluate one case against a loaded model, in tests,
 * and check the answer against Missouri's figures. */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "penal-class.h"
#include "penal-facts.h"
#include "penal-json.h"
#include "penal-model-private.h"
#include "penal-test-case.h"

PenalModel *penal_test_model;

/* The statutes the tests check: make check points PENAL_STATUTES at the
 * source statutes/; run by hand, a test uses those compiled into penal.
 * (transfer full) */
PenalModel *
penal_test_load_statutes (void)
{
  g_autoptr (GError) error = NULL;
  PenalModel *model = penal_model_load_with_charges (
      g_getenv ("PENAL_STATUTES"), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* The statutes compiled into penal, whatever make check names.
 * (transfer full) */
PenalModel *
penal_test_load_bundled (void)
{
  g_autoptr (GError) error = NULL;
  PenalModel *model = penal_model_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

gint64
penal_test_parse_date (const char *text)
{
  gint64 julian = 0;

  g_assert_true (penal_date_parse (text, &julian));
  return julian;
}

/* The facts of NAME=VALUE assignments (NULL-terminated), each valid. */
PenalFacts *
penal_test_facts_of (const PenalModel *model, const char *const *assignments)
{
  g_autoptr (GError) error = NULL;
  PenalFacts *facts = penal_facts_new (model);

  for (guint i = 0; assignments[i] != NULL; i++)
    {
      penal_facts_parse_assignment (facts, assignments[i], &error);
      g_assert_no_error (error);
    }
  return facts;
}

/* The outcome of a case given as NAME=VALUE assignments on offense_date;
 * the facts are not checked against the offense. */
PenalOutcome *
penal_test_evaluate_on (const PenalModel *model, const char *offense_date,
                        const char *const *assignments)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalFacts) facts = penal_test_facts_of (model, assignments);
  PenalOutcome *outcome = penal_evaluate (
      model, facts, penal_test_parse_date (offense_date), &error);

  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  return outcome;
}

/* The outcome's JSON answer, parsed: the object parser keeps. */
JsonObject *
penal_test_outcome_json (JsonParser *parser, const PenalModel *model,
                         const PenalOutcome *outcome)
{
  g_autofree char *text = penal_render_json_string (model, outcome, FALSE);
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Evaluates a case given as NAME, VALUE pairs ending with NULL; every fact
 * must be valid and read by the offense. */
PenalOutcome *
penal_test_evaluate_case (const PenalModel *model, const char *offense_date,
                          ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  PenalOutcome *outcome;
  const char *name;
  va_list args;

  va_start (args, offense_date);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      penal_facts_set (facts, name, value, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  penal_facts_check_applicable (facts, &error);
  g_assert_no_error (error);
  outcome = penal_evaluate (model, facts, penal_test_parse_date (offense_date),
                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  return outcome;
}

/* research/missouri-law.md, "Until 2016-12-31": terms from RSMo 558.011
 * (verbatim), county-jail alternative from 558.011.2, fines from RSMo
 * 560.011 / 560.016 (secondary; the first holds the felony fines, the second
 * those for misdemeanors and infractions), "Felony C/D alternative fine: up
 * to double the offender's gain, at most $20,000". */
const ExpectedPenalty pre2017_felony_a
    = { "P10Y", "P30Y", TRUE, NULL, -1, 0, -1, "RSMo 560.011" };
const ExpectedPenalty pre2017_felony_b
    = { "P5Y", "P15Y", FALSE, NULL, -1, 0, -1, "RSMo 560.011" };
const ExpectedPenalty pre2017_felony_c
    = { NULL, "P7Y", FALSE, "P1Y", 5000, 2, 20000, "RSMo 560.011" };
const ExpectedPenalty pre2017_felony_d
    = { NULL, "P4Y", FALSE, "P1Y", 5000, 2, 20000, "RSMo 560.011" };
const ExpectedPenalty pre2017_misdemeanor_a
    = { NULL, "P1Y", FALSE, NULL, 1000, 0, -1, "RSMo 560.016" };
const ExpectedPenalty pre2017_misdemeanor_b
    = { NULL, "P6M", FALSE, NULL, 500, 0, -1, "RSMo 560.016" };
const ExpectedPenalty pre2017_misdemeanor_c
    = { NULL, "P15D", FALSE, NULL, 300, 0, -1, "RSMo 560.016" };
const ExpectedPenalty pre2017_infraction
    = { NULL, NULL, FALSE, NULL, 200, 0, -1, "RSMo 560.016" };

/* research/missouri-law.md, "From 2017-01-01": terms from RSMo 558.011
 * (verbatim), county-jail alternative from 558.011.2, fines from RSMo 558.002
 * (verbatim), "Alternative fine for any class with a fine: up to double the
 * gain (no cap in the text)". */
const ExpectedPenalty from2017_felony_a
    = { "P10Y", "P30Y", TRUE, NULL, -1, 0, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_felony_b
    = { "P5Y", "P15Y", FALSE, NULL, -1, 0, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_felony_c
    = { "P3Y", "P10Y", FALSE, NULL, 10000, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_felony_d
    = { NULL, "P7Y", FALSE, "P1Y", 10000, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_felony_e
    = { NULL, "P4Y", FALSE, "P1Y", 10000, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_misdemeanor_a
    = { NULL, "P1Y", FALSE, NULL, 2000, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_misdemeanor_b
    = { NULL, "P6M", FALSE, NULL, 1000, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_misdemeanor_c
    = { NULL, "P15D", FALSE, NULL, 750, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_misdemeanor_d
    = { NULL, NULL, FALSE, NULL, 500, 2, -1, "RSMo 558.002" };
const ExpectedPenalty from2017_infraction
    = { NULL, NULL, FALSE, NULL, 400, 2, -1, "RSMo 558.002" };

/* Asserts that CITATION cites EXPECTED or a subdivision of it, so that
 * "RSMo 558.011.1(4)" cites "RSMo 558.011" but "RSMo 558.0111" does not. */
void
penal_test_assert_cites (const char *citation, const char *expected)
{
  gsize length = strlen (expected);
  g_autofree char *head = NULL;
  const char *rest;

  g_assert_nonnull (citation);
  head = g_strndup (citation, length);
  g_assert_cmpstr (head, ==, expected);
  rest = citation + strlen (head);
  if (*rest != '\0' && *rest != '(')
    g_assert_cmpint (*rest, ==, '.');
}

void
penal_test_assert_penalty (const PenalClassPenalty *penalty,
                           const ExpectedPenalty *expected)
{
  g_assert_nonnull (penalty);
  g_assert_cmpstr (penalty->imprisonment_min.iso, ==,
                   expected->imprisonment_min);
  g_assert_cmpstr (penalty->imprisonment_max.iso, ==,
                   expected->imprisonment_max);
  g_assert_cmpint (!!penalty->life, ==, !!expected->life);
  penal_test_assert_cites (penalty->imprisonment_citation, "RSMo 558.011");
  g_assert_cmpstr (penalty->county_jail_max.iso, ==, expected->county_jail_max);
  if (expected->county_jail_max != NULL)
    g_assert_cmpstr (penalty->county_jail_citation, ==, "RSMo 558.011.2");
  g_assert_cmpint (penalty->fine_max_usd, ==, expected->fine_max_usd);
  penal_test_assert_cites (penalty->fine_citation, expected->fine_section);
  g_assert_cmpuint (penalty->gain_multiple, ==, expected->gain_multiple);
  g_assert_cmpint (penalty->gain_cap_usd, ==, expected->gain_cap_usd);
  if (expected->gain_multiple > 0)
    penal_test_assert_cites (penalty->gain_citation, expected->fine_section);
}

/* A decided outcome: its class, a rule citing CITATION (or a subdivision
 * of it), the version certainly in force, the penalty state and the
 * penalty, where one is held (PENALTY NULL: none). */
void
penal_test_assert_decided (const PenalOutcome *outcome, const char *class_code,
                           const char *citation, const char *version_id,
                           PenalPenaltyState penalty_state,
                           const ExpectedPenalty *penalty)
{
  penal_test_assert_decided_class (outcome, class_code);
  penal_test_assert_cites (outcome->rule->citation, citation);
  g_assert_nonnull (outcome->version);
  g_assert_cmpstr (outcome->version->dated.id, ==, version_id);
  g_assert_false (outcome->version_uncertain);
  g_assert_cmpint (outcome->penalty_state, ==, penalty_state);
  if (penalty != NULL)
    penal_test_assert_penalty (outcome->penalty, penalty);
  else
    g_assert_null (outcome->penalty);
}

/* An outcome that needs one fact, FACT, before it can decide, and lists
 * N_POSSIBLE outcomes for its values. */
void
penal_test_assert_needs_fact (const PenalOutcome *outcome, const char *fact,
                              guint n_possible)
{
  g_assert_cmpstr (penal_status_to_code (outcome->status), ==, "needs-facts");
  g_assert_cmpuint (outcome->missing->len, ==, 1);
  g_assert_cmpstr (penal_test_missing_fact_name (outcome, 0), ==, fact);
  g_assert_cmpuint (outcome->possible->len, ==, n_possible);
}

const char *
penal_test_missing_fact_name (const PenalOutcome *outcome, guint index)
{
  const PenalFactDecl *fact = g_ptr_array_index (outcome->missing, index);

  return fact->name;
}

void
penal_test_assert_decided_class (const PenalOutcome *outcome,
                                 const char *class_code)
{
  g_assert_cmpstr (penal_status_to_code (outcome->status), ==, "decided");
  g_assert_nonnull (outcome->rule);
  g_assert_cmpint (outcome->rule->kind, ==, PENAL_RULE_CLASS);
  g_assert_cmpstr (penal_class_to_code (outcome->rule->klass), ==, class_code);
}
