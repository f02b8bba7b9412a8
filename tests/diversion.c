/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diversion.c: tests penal's diversion, court-discretion, protection and
 * referral answers against research/missouri-law.md and seed 004. */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>

#include "penal-diversion.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-test-case.h"
#include "penal-test-run.h"

/* Answers as words, so that a failing comparison says which answer it got. */
static const char *
answer_to_code (PenalAnswer answer)
{
  switch (answer)
    {
    case PENAL_ANSWER_NO:
      return "no";
    case PENAL_ANSWER_YES:
      return "yes";
    case PENAL_ANSWER_UNKNOWN:
      return "unknown";
    default:
      return "invalid";
    }
}

/* Patronizing on OFFENSE_DATE, with the age of the person patronized and
 * the prior findings of guilt as given, each left out where NULL. */
static PenalOutcome *
evaluate_patronizing (const char *offense_date, const char *victim_age,
                      const char *priors)
{
  if (victim_age == NULL)
    return evaluate_case (offense_date, "offense", "patronizing",
                          "prior_prostitution_offenses", priors, NULL);
  if (priors == NULL)
    return evaluate_case (offense_date, "offense", "patronizing", "victim_age",
                          victim_age, NULL);
  return evaluate_case (offense_date, "offense", "patronizing", "victim_age",
                        victim_age, "prior_prostitution_offenses", priors,
                        NULL);
}

/* OUTCOME's diversion answer, once checked that it is ELIGIBLE ("yes",
 * "no" or "unknown") with N_MISSING facts still to ask. (transfer full) */
static PenalDiversion *
diversion_of (const PenalOutcome *outcome, const char *eligible,
              guint n_missing)
{
  PenalDiversion *diversion = penal_diversion_new (outcome);

  g_assert_cmpstr (answer_to_code (diversion->eligible), ==, eligible);
  g_assert_cmpuint (diversion->missing->len, ==, n_missing);
  return diversion;
}

/* The outcome of the program PROGRAM_ID among OUTCOME's programs; fails the
 * test when the offense has no such program. */
static const PenalOutcome *
find_program (const PenalOutcome *outcome, const char *program_id)
{
  g_assert_nonnull (outcome->programs);
  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);

      g_assert_nonnull (screened->offense);
      if (g_strcmp0 (screened->offense->id, program_id) == 0)
        return screened;
    }
  g_test_message ("program %s is not among the offense's %u programs",
                  program_id, outcome->programs->len);
  g_assert_not_reached ();
  return NULL;
}

/* Checks one program's kind, answer, deciding rule and citation.  A program
 * that needs facts has no rule: pass RULE_KIND -1 and CITATION NULL. */
static const PenalOutcome *
assert_program (const PenalOutcome *outcome, const char *program_id,
                PenalProgramKind program_kind, PenalAnswer answer,
                int rule_kind, const char *citation)
{
  const PenalOutcome *screened = find_program (outcome, program_id);

  g_assert_true (screened->offense->is_program);
  g_assert_cmpint (screened->offense->program_kind, ==, program_kind);
  g_assert_cmpstr (answer_to_code (penal_program_answer (screened)), ==,
                   answer_to_code (answer));
  if (rule_kind < 0)
    {
      g_assert_cmpstr (penal_status_to_code (screened->status), ==,
                       "needs-facts");
      g_assert_null (screened->rule);
      return screened;
    }
  g_assert_cmpstr (penal_status_to_code (screened->status), ==, "decided");
  g_assert_nonnull (screened->rule);
  g_assert_cmpint (screened->rule->kind, ==, rule_kind);
  g_assert_cmpstr (screened->rule->citation, ==, citation);
  return screened;
}

static guint
count_programs_of_kind (const PenalOutcome *outcome,
                        PenalProgramKind program_kind)
{
  guint count = 0;

  for (guint p = 0; p < outcome->programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (outcome->programs, p);

      if (screened->offense->program_kind == program_kind)
        count++;
    }
  return count;
}

/* How many times the resource RESOURCE_ID is listed; *OUT_INDEX is set to
 * its first position. */
static guint
count_resource (const PenalDiversion *diversion, const char *resource_id,
                guint *out_index)
{
  guint count = 0;

  for (guint r = 0; r < diversion->resources->len; r++)
    {
      const PenalResource *resource
          = g_ptr_array_index (diversion->resources, r);

      if (g_strcmp0 (resource->id, resource_id) == 0)
        {
          if (count == 0 && out_index != NULL)
            *out_index = r;
          count++;
        }
    }
  return count;
}

/* How many of strings are text or, containing, hold it. */
static guint
count_strings (GPtrArray *strings, const char *text, gboolean containing)
{
  guint count = 0;

  for (guint i = 0; i < strings->len; i++)
    {
      const char *string = g_ptr_array_index (strings, i);

      if (containing ? strstr (string, text) != NULL
                     : g_strcmp0 (string, text) == 0)
        count++;
    }
  return count;
}

static const char *
missing_fact_name (const PenalDiversion *diversion, guint position)
{
  const PenalFactDecl *fact = g_ptr_array_index (diversion->missing, position);

  return fact->name;
}

/* research/missouri-law.md, "Referral resources named in the seeds": the
 * National Human Trafficking Hotline, 1-888-373-7888,
 * humantraffickinghotline.org (seed 001), and Veronica's Voice, Kansas City
 * (seed 004).  Both are listed, each once, and each because of the rule
 * citing CITATION. */
static void
assert_trafficking_referrals (const PenalDiversion *diversion,
                              const char *citation)
{
  const PenalResource *hotline;
  const PenalRule *because;
  guint hotline_at = 0;
  guint voice_at = 0;

  g_assert_cmpuint (diversion->resources->len, ==, 2);
  g_assert_cmpuint (diversion->referred_by->len, ==, 2);
  g_assert_cmpuint (count_resource (diversion, "nhth", &hotline_at), ==, 1);
  g_assert_cmpuint (count_resource (diversion, "veronicas-voice", &voice_at),
                    ==, 1);

  hotline = g_ptr_array_index (diversion->resources, hotline_at);
  g_assert_cmpstr (hotline->phone, ==, "1-888-373-7888");
  g_assert_cmpstr (hotline->url, ==, "https://humantraffickinghotline.org");

  because = g_ptr_array_index (diversion->referred_by, hotline_at);
  g_assert_cmpint (because->kind, ==, PENAL_RULE_APPLIES);
  g_assert_cmpstr (because->citation, ==, citation);
  because = g_ptr_array_index (diversion->referred_by, voice_at);
  g_assert_cmpint (because->kind, ==, PENAL_RULE_APPLIES);
  g_assert_cmpstr (because->citation, ==, citation);
}

static void
assert_no_referrals (const PenalDiversion *diversion)
{
  g_assert_cmpuint (diversion->resources->len, ==, 0);
  g_assert_cmpuint (diversion->referred_by->len, ==, 0);
}

/* Kansas City's diversion for patronizing: seed 004, "There are also other
 * services offered to the first time offender Johns. There is the Johnz
 * School and The Oar (Offenders Accountability Re-Education) Program. This
 * form of diversion is an alternative to conviction, as long as there were
 * not minors involved."  research/missouri-law.md, "Diversion (Kansas City)":
 * KCTV5 (2019-02-22, secondary) on Johnz School, "a diversion program to
 * educate men who are arrested for patronizing prostitution not involving a
 * minor", attended by first-time offenders.  Each program's rules cite
 * their source, with its date: KCTV5 of 22 February 2019 for Johnz School,
 * the seed (about 2016) for OAR. */
#define JOHNZ_CITATION "KCTV5, on Veronica's Voice and Johnz School, 2019-02-22"
#define OAR_CITATION                                                           \
  "Article on Missouri prostitution law, project seed 004, on the OAR "        \
  "program, 2016"

/* Both Kansas City programs screen OUTCOME out, each saying why in words
 * that contain REASON. */
static void
assert_programs_refuse (const PenalOutcome *outcome, const char *reason)
{
  const char *const programs[] = { "kc-johnz-school", "kc-oar" };
  const char *const citations[] = { JOHNZ_CITATION, OAR_CITATION };

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      const PenalOutcome *screened = assert_program (
          outcome, programs[p], PENAL_PROGRAM_DIVERSION, PENAL_ANSWER_NO,
          PENAL_RULE_NOT_ELIGIBLE, citations[p]);

      penal_test_assert_contains (screened->rule->explain, reason);
    }
}

/* RSMo 567.030.3 (verbatim, research/missouri-law.md, "RSMo 567.030"): the
 * minor tiers are "less than eighteen years of age"; the referral when a
 * minor was patronized cites it. */
#define MINOR_PATRONIZED_CITATION "RSMo 567.030.3"

/* The sources describe Johnz School about 2016 and on 22 February 2019, and
 * OAR about 2016 only: both are open to a first-time offender in 2016;
 * test_program_periods covers the other years. */

typedef struct
{
  const char *offense_date;
  int victim_age;
} EligibleCase;

/* research/missouri-law.md, "RSMo 567.030": eighteen and over is the adult
 * tier ("less than eighteen years of age" is the minor tier); 120 is the top
 * of victim_age's domain (statutes/facts.xml). */
static const EligibleCase eligible_cases[] = {
  { "2016-01-01", 18 },
  { "2016-06-01", 30 },
  { "2016-12-31", 120 },
};

/* A first-time offender ("first time offender Johns", seed 004) with no
 * minor involved is eligible for both programs. */
static void
test_eligible (gconstpointer data)
{
  const EligibleCase *c = data;
  g_autofree char *age = g_strdup_printf ("%d", c->victim_age);
  g_autoptr (PenalOutcome) outcome
      = evaluate_patronizing (c->offense_date, age, "0");
  g_autoptr (PenalDiversion) diversion = NULL;
  const PenalOutcome *johnz;
  const PenalOutcome *oar;
  const char *johnz_step;
  const char *oar_step;

  g_assert_cmpuint (count_programs_of_kind (outcome, PENAL_PROGRAM_DIVERSION),
                    ==, 2);
  johnz
      = assert_program (outcome, "kc-johnz-school", PENAL_PROGRAM_DIVERSION,
                        PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE, JOHNZ_CITATION);
  oar = assert_program (outcome, "kc-oar", PENAL_PROGRAM_DIVERSION,
                        PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE, OAR_CITATION);
  assert_program (outcome, "referral-minor-patronized", PENAL_PROGRAM_REFERRAL,
                  PENAL_ANSWER_NO, PENAL_RULE_NOT_APPLICABLE,
                  MINOR_PATRONIZED_CITATION);

  diversion = diversion_of (outcome, "yes", 0);
  g_assert_cmpuint (diversion->reasons->len, ==, 2);
  /* Each open program says what to do next, once. */
  g_assert_cmpuint (diversion->next_steps->len, ==, 2);
  g_assert_nonnull (johnz->offense->next_step);
  g_assert_nonnull (oar->offense->next_step);
  johnz_step = penal_statute_text (johnz->offense->next_step);
  oar_step = penal_statute_text (oar->offense->next_step);
  g_assert_cmpuint (count_strings (diversion->next_steps, johnz_step, FALSE),
                    ==, 1);
  g_assert_cmpuint (count_strings (diversion->next_steps, oar_step, FALSE), ==,
                    1);
  assert_no_referrals (diversion);
}

/* When each program is described: Johnz School from 2016 (the seed, about
 * 2016) to 22 February 2019 (KCTV5), OAR in 2016 only (the seed).  Outside
 * those years whether a program ran is not established: a first-time
 * offender's eligibility is unknown, with nothing more to ask, and never
 * "eligible". */
typedef struct
{
  const char *offense_date;
  PenalRuleKind johnz;
  PenalRuleKind oar;
  const char *diversion; /* over both */
} PeriodCase;

static const PeriodCase period_cases[] = {
  { "2015-12-31", PENAL_RULE_OPEN, PENAL_RULE_OPEN, "unknown" },
  { "2016-01-01", PENAL_RULE_ELIGIBLE, PENAL_RULE_ELIGIBLE, "yes" },
  { "2016-12-31", PENAL_RULE_ELIGIBLE, PENAL_RULE_ELIGIBLE, "yes" },
  { "2017-01-01", PENAL_RULE_ELIGIBLE, PENAL_RULE_OPEN, "yes" },
  { "2019-02-22", PENAL_RULE_ELIGIBLE, PENAL_RULE_OPEN, "yes" },
  { "2019-02-23", PENAL_RULE_OPEN, PENAL_RULE_OPEN, "unknown" },
  { "2024-06-01", PENAL_RULE_OPEN, PENAL_RULE_OPEN, "unknown" },
};

static PenalAnswer
answer_of (PenalRuleKind kind)
{
  return kind == PENAL_RULE_ELIGIBLE ? PENAL_ANSWER_YES
         : kind == PENAL_RULE_OPEN   ? PENAL_ANSWER_UNKNOWN
                                     : PENAL_ANSWER_NO;
}

static void
test_program_periods (gconstpointer data)
{
  const PeriodCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_patronizing (c->offense_date, "30", "0");
  g_autoptr (PenalDiversion) diversion = NULL;
  const PenalOutcome *johnz, *oar;

  johnz = assert_program (outcome, "kc-johnz-school", PENAL_PROGRAM_DIVERSION,
                          answer_of (c->johnz), c->johnz, JOHNZ_CITATION);
  oar = assert_program (outcome, "kc-oar", PENAL_PROGRAM_DIVERSION,
                        answer_of (c->oar), c->oar, OAR_CITATION);
  if (c->johnz == PENAL_RULE_OPEN)
    penal_test_assert_contains (
        johnz->rule->explain,
        "Not established that Johnz School ran at the time");
  if (c->oar == PENAL_RULE_OPEN)
    penal_test_assert_contains (
        oar->rule->explain,
        "Not established that the OAR program ran at the time");
  diversion = diversion_of (outcome, c->diversion, 0);
}

typedef struct
{
  const char *offense_date;
  const char *priors;
} PriorCase;

/* One prior finding of guilt is enough to end "first time offender" (seed
 * 004); 999 is the top of the fact's domain (statutes/facts.xml). */
static const PriorCase prior_cases[] = {
  { "2016-06-01", "1" }, { "2016-06-01", "2" }, { "2016-06-01", "999" },
  { "2024-06-01", "1" }, { "2024-06-01", "2" }, { "2024-06-01", "999" },
};

/* Seed 004 offers the programs to "first time offender Johns" only. */
static void
test_not_first_time (gconstpointer data)
{
  const PriorCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_patronizing (c->offense_date, "30", c->priors);
  g_autoptr (PenalDiversion) diversion = NULL;

  assert_programs_refuse (outcome, "not a first-time offender");

  diversion = diversion_of (outcome, "no", 0);
  g_assert_cmpuint (diversion->reasons->len, ==, 2);
  g_assert_cmpuint (
      count_strings (diversion->reasons, "not a first-time offender", TRUE), ==,
      2);
  g_assert_cmpuint (diversion->next_steps->len, ==, 0);
  assert_no_referrals (diversion);
}

typedef struct
{
  const char *offense_date;
  int victim_age;
  const char *priors; /* NULL: not given */
} MinorCase;

/* Every age tier of RSMo 567.030 under eighteen (research/missouri-law.md,
 * "RSMo 567.030", table "Versions"): 0 and 14 are "fourteen years of age or
 * younger", 15 and 17 "less than eighteen years of age but older than
 * fourteen", before 2017 and in force by 2024. */
static const MinorCase minor_cases[] = {
  { "2016-06-01", 0, "0" },
  { "2016-06-01", 14, "0" },
  { "2016-06-01", 15, "0" },
  { "2016-06-01", 17, "0" },
  { "2024-06-01", 0, "0" },
  { "2024-06-01", 14, "0" },
  { "2024-06-01", 15, "0" },
  { "2024-06-01", 17, "0" },
  /* "As long as there were not minors involved" (seed 004) decides without
   * the person's record. */
  { "2016-06-01", 14, NULL },
  { "2024-06-01", 17, NULL },
};

static void
test_minor (gconstpointer data)
{
  const MinorCase *c = data;
  g_autofree char *age = g_strdup_printf ("%d", c->victim_age);
  g_autoptr (PenalOutcome) outcome
      = evaluate_patronizing (c->offense_date, age, c->priors);
  g_autoptr (PenalDiversion) diversion = NULL;
  const PenalOutcome *referral;

  assert_programs_refuse (outcome, "A minor was involved");
  referral = assert_program (outcome, "referral-minor-patronized",
                             PENAL_PROGRAM_REFERRAL, PENAL_ANSWER_YES,
                             PENAL_RULE_APPLIES, MINOR_PATRONIZED_CITATION);

  diversion = diversion_of (outcome, "no", 0);
  assert_trafficking_referrals (diversion, MINOR_PATRONIZED_CITATION);
  /* Only the referral is open, so its step is the only one. */
  g_assert_nonnull (referral->offense->next_step);
  g_assert_cmpuint (diversion->next_steps->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (diversion->next_steps, 0), ==,
                   penal_statute_text (referral->offense->next_step));
}

/* The Kansas City programs are for "first time offender Johns" (seed 004),
 * "men who are arrested for patronizing prostitution" (KCTV5, 2019):
 * research/missouri-law.md, "Diversion (Kansas City)", names no diversion
 * for prostitution (RSMo 567.020). */
static const char *const prostitution_dates[] = {
  "2016-06-01",
  "2024-06-01",
};

static void
test_prostitution_no_program (gconstpointer data)
{
  const char *offense_date = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_case (offense_date, "offense", "prostitution", "knew_hiv",
                       "no", "defendant_age", "30", NULL);
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);

  g_assert_cmpuint (count_programs_of_kind (outcome, PENAL_PROGRAM_DIVERSION),
                    ==, 0);
  g_assert_cmpstr (answer_to_code (diversion->eligible), ==, "no");
  g_assert_cmpuint (diversion->missing->len, ==, 0);
  g_assert_cmpuint (diversion->reasons->len, ==, 1);
  g_assert_cmpuint (count_strings (diversion->reasons, "RSMo 567.020", TRUE),
                    ==, 1);
  g_assert_cmpstr (g_ptr_array_index (diversion->reasons, 0), ==,
                   "No diversion program in the statute files applies to "
                   "this offense (RSMo 567.020).");
}

typedef struct
{
  const char *offense_date;
  const char *victim_age; /* NULL: not given */
  const char *priors;     /* NULL: not given */
  const char *missing;    /* the one fact that would settle it */
} UnknownCase;

/* With no minor involved, whether the person is a first-time offender
 * (seed 004) decides; with no record, whether a minor was involved does. */
static const UnknownCase unknown_cases[] = {
  { "2016-06-01", "30", NULL, "prior_prostitution_offenses" },
  { "2024-06-01", "30", NULL, "prior_prostitution_offenses" },
  { "2016-06-01", NULL, "0", "victim_age" },
  { "2024-06-01", NULL, "0", "victim_age" },
};

static void
test_unknown (gconstpointer data)
{
  const UnknownCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_patronizing (c->offense_date, c->victim_age, c->priors);
  g_autoptr (PenalDiversion) diversion = NULL;
  const char *const programs[] = { "kc-johnz-school", "kc-oar" };
  const PenalFactDecl *fact;
  g_autofree char *find_out = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      const PenalOutcome *screened
          = assert_program (outcome, programs[p], PENAL_PROGRAM_DIVERSION,
                            PENAL_ANSWER_UNKNOWN, -1, NULL);

      g_assert_cmpuint (screened->missing->len, ==, 1);
      fact = g_ptr_array_index (screened->missing, 0);
      g_assert_cmpstr (fact->name, ==, c->missing);
    }

  /* Both programs need the same fact; it is listed once. */
  diversion = diversion_of (outcome, "unknown", 1);
  g_assert_cmpstr (missing_fact_name (diversion, 0), ==, c->missing);
  fact = g_ptr_array_index (diversion->missing, 0);
  find_out = g_strdup_printf ("Find out, to settle whether diversion is "
                              "open: %s.",
                              penal_statute_text (fact->label));
  g_assert_cmpuint (count_strings (diversion->next_steps, find_out, FALSE), ==,
                    1);
  assert_no_referrals (diversion);
}

typedef struct
{
  const char *offense_date;
  const char *knew_hiv;
  const char *defendant_age;
  const char *priors;
  PenalAnswer answer;
  PenalRuleKind rule_kind;
  const char *citation;
  const char *not_if_charged; /* an enhancement id, or NULL */
} TreatmentCase;

/* RSMo 567.020.4 (research/missouri-law.md, "RSMo 567.020"): the judge may
 * order drug and alcohol treatment; for the class B misdemeanor completion
 * may let the plea be withdrawn or the verdict reversed, not for the class
 * B felony (knew_hiv, 567.020.2).  penal's sources hold only the text in
 * force from 2022-08-28 ("Effective 28 Aug 2022"), so before that date the
 * route is open.  From that date RSMo 567.020.5 bars certifying a person
 * under eighteen as an adult or adjudicating a delinquent for prostitution,
 * so the route has no finding of guilt to follow (an inference).  Two prior
 * findings of guilt make a persistent offender (RSMo 567.010, 567.110), a
 * class E felony, which the route's class B misdemeanor does not cover. */
static const TreatmentCase treatment_cases[] = {
  { "2024-06-01", "no", "30", "0", PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE,
    "RSMo 567.020.4", NULL },
  { "2024-06-01", "yes", "30", "0", PENAL_ANSWER_NO, PENAL_RULE_NOT_ELIGIBLE,
    "RSMo 567.020.4", NULL },
  { "2022-08-28", "no", "30", "0", PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE,
    "RSMo 567.020.4", NULL },
  { "2024-06-01", "no", "16", "0", PENAL_ANSWER_NO, PENAL_RULE_NOT_ELIGIBLE,
    "RSMo 567.020.5", NULL },
  { "2024-06-01", "no", "17", "0", PENAL_ANSWER_NO, PENAL_RULE_NOT_ELIGIBLE,
    "RSMo 567.020.5", NULL },
  { "2024-06-01", "no", "18", "0", PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE,
    "RSMo 567.020.4", NULL },
  { "2024-06-01", "no", "30", "2", PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE,
    "RSMo 567.020.4", "persistent-offender" },
  { "2024-06-01", "no", "30", "1", PENAL_ANSWER_YES, PENAL_RULE_ELIGIBLE,
    "RSMo 567.020.4", NULL },
  { "2022-08-27", "no", "30", "0", PENAL_ANSWER_UNKNOWN, PENAL_RULE_OPEN,
    "RSMo 567.020.4", NULL },
  { "2020-06-01", "no", "30", "0", PENAL_ANSWER_UNKNOWN, PENAL_RULE_OPEN,
    "RSMo 567.020.4", NULL },
  { "2020-06-01", "yes", "30", "0", PENAL_ANSWER_UNKNOWN, PENAL_RULE_OPEN,
    "RSMo 567.020.4", NULL },
};

static void
test_court_discretion (gconstpointer data)
{
  const TreatmentCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_case (c->offense_date, "offense", "prostitution", "knew_hiv",
                       c->knew_hiv, "defendant_age", c->defendant_age,
                       "prior_prostitution_offenses", c->priors, NULL);
  g_autoptr (PenalDiversion) diversion = NULL;
  const PenalOutcome *treatment = assert_program (
      outcome, "mo-567.020-treatment", PENAL_PROGRAM_COURT_DISCRETION,
      c->answer, c->rule_kind, c->citation);
  const char *step;

  /* The route names the enhancement that would take the case out of the
   * class it covers. */
  g_assert_true (treatment->offense->limited);
  if (c->not_if_charged != NULL)
    {
      const PenalOutcome *enhanced;

      g_assert_nonnull (treatment->not_if_charged);
      g_assert_cmpuint (treatment->not_if_charged->len, ==, 1);
      enhanced = g_ptr_array_index (treatment->not_if_charged, 0);
      g_assert_cmpstr (enhanced->offense->id, ==, c->not_if_charged);
    }
  else
    g_assert_true (treatment->not_if_charged == NULL
                   || treatment->not_if_charged->len == 0);

  /* What the court may allow is shown beside diversion, never counted as
   * diversion. */
  diversion = diversion_of (outcome, "no", 0);
  g_assert_cmpuint (diversion->reasons->len, ==, 1);
  g_assert_nonnull (treatment->offense->next_step);
  step = penal_statute_text (treatment->offense->next_step);
  g_assert_cmpuint (count_strings (diversion->next_steps, step, FALSE), ==,
                    c->answer == PENAL_ANSWER_YES ? 1 : 0);
  /* A person under eighteen is referred under the protection. */
  if (g_ascii_strtoll (c->defendant_age, NULL, 10) >= 18)
    assert_no_referrals (diversion);
}

typedef struct
{
  const char *offense_date;
  const char *defendant_age;
  PenalAnswer protection;
  PenalRuleKind protection_rule;
  const char *protection_citation;
  PenalAnswer referral;
  PenalRuleKind referral_rule;
} ProtectionCase;

/* RSMo 567.020.5 (research/missouri-law.md, "RSMo 567.020"): a person under
 * eighteen at the time "shall not be certified as an adult or adjudicated as
 * a delinquent" for prostitution and is a victim of abuse, in the version of
 * 2022-08-28 and not the version of 2019 (findings-2026-11-30.md, section
 * 2).  Before it, HB 397's House summary (2019): "Currently, it is an
 * affirmative defense ... that the defendant was under the age of 18 and
 * was acting under the coercion of an agent ... This bill changes the
 * affirmative defense to that the defendant was under the age of 18" (in
 * force 2019-08-28); the coercion defense came on 2018-08-28 (AP, 28 August
 * 2018), and penal does not ask about coercion, so from 2018-08-28 to
 * 2019-08-27 the protection is open; before 2018 no source describes one.
 * The referral to the resources of "Referral resources named in the seeds"
 * does not depend on these dates. */
#define HB397 "HB 397 (2019), House bill summary"
static const ProtectionCase protection_cases[] = {
  { "2022-08-28", "17", PENAL_ANSWER_YES, PENAL_RULE_APPLIES, "RSMo 567.020.5",
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2024-06-01", "17", PENAL_ANSWER_YES, PENAL_RULE_APPLIES, "RSMo 567.020.5",
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2022-08-27", "17", PENAL_ANSWER_YES, PENAL_RULE_APPLIES, HB397,
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2019-08-28", "17", PENAL_ANSWER_YES, PENAL_RULE_APPLIES, HB397,
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2019-08-27", "17", PENAL_ANSWER_UNKNOWN, PENAL_RULE_OPEN, HB397,
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2018-08-28", "17", PENAL_ANSWER_UNKNOWN, PENAL_RULE_OPEN, HB397,
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2016-06-01", "17", PENAL_ANSWER_UNKNOWN, PENAL_RULE_OPEN, "RSMo 567.020",
    PENAL_ANSWER_YES, PENAL_RULE_APPLIES },
  { "2024-06-01", "18", PENAL_ANSWER_NO, PENAL_RULE_NOT_APPLICABLE,
    "RSMo 567.020.5", PENAL_ANSWER_NO, PENAL_RULE_NOT_APPLICABLE },
  { "2022-08-27", "18", PENAL_ANSWER_NO, PENAL_RULE_NOT_APPLICABLE, HB397,
    PENAL_ANSWER_NO, PENAL_RULE_NOT_APPLICABLE },
};

static void
test_protection (gconstpointer data)
{
  const ProtectionCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_case (c->offense_date, "offense", "prostitution", "knew_hiv",
                       "no", "defendant_age", c->defendant_age, NULL);
  g_autoptr (PenalDiversion) diversion = NULL;
  const PenalOutcome *protection;

  protection = assert_program (outcome, "mo-567.020-minor",
                               PENAL_PROGRAM_PROTECTION, c->protection,
                               c->protection_rule, c->protection_citation);
  assert_program (outcome, "referral-minor-charged", PENAL_PROGRAM_REFERRAL,
                  c->referral, c->referral_rule, "RSMo 567.020.5");
  /* The protection itself names no resource; the referral does. */
  g_assert_cmpuint (protection->rule->refer->len, ==, 0);

  diversion = diversion_of (outcome, "no", 0);
  if (c->referral == PENAL_ANSWER_YES)
    assert_trafficking_referrals (diversion, "RSMo 567.020.5");
  else
    assert_no_referrals (diversion);
}

int
main (int argc, char *argv[])
{
  g_autoptr (PenalModel) loaded = NULL;

  g_test_init (&argc, &argv, NULL);
  penal_test_model = loaded = penal_test_load_statutes ();

  for (guint i = 0; i < G_N_ELEMENTS (eligible_cases); i++)
    penal_test_add_case (
        &eligible_cases[i], test_eligible, "/diversion/eligible/%s/age-%d",
        eligible_cases[i].offense_date, eligible_cases[i].victim_age);
  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    penal_test_add_case (&period_cases[i], test_program_periods,
                         "/diversion/periods/%s", period_cases[i].offense_date);
  for (guint i = 0; i < G_N_ELEMENTS (prior_cases); i++)
    penal_test_add_case (&prior_cases[i], test_not_first_time,
                         "/diversion/not-first-time/%s/priors-%s",
                         prior_cases[i].offense_date, prior_cases[i].priors);
  for (guint i = 0; i < G_N_ELEMENTS (minor_cases); i++)
    penal_test_add_case (
        &minor_cases[i], test_minor, "/diversion/minor/%s/age-%d/priors-%s",
        minor_cases[i].offense_date, minor_cases[i].victim_age,
        minor_cases[i].priors != NULL ? minor_cases[i].priors : "missing");
  for (guint i = 0; i < G_N_ELEMENTS (prostitution_dates); i++)
    penal_test_add_case (prostitution_dates[i], test_prostitution_no_program,
                         "/diversion/prostitution/%s/no-program",
                         prostitution_dates[i]);
  for (guint i = 0; i < G_N_ELEMENTS (unknown_cases); i++)
    penal_test_add_case (
        &unknown_cases[i], test_unknown, "/diversion/unknown/%s/%s-missing",
        unknown_cases[i].offense_date, unknown_cases[i].missing);
  for (guint i = 0; i < G_N_ELEMENTS (treatment_cases); i++)
    penal_test_add_case (
        &treatment_cases[i], test_court_discretion,
        "/diversion/court-discretion/%s/knew-hiv-%s/age-%s/priors-%s",
        treatment_cases[i].offense_date, treatment_cases[i].knew_hiv,
        treatment_cases[i].defendant_age, treatment_cases[i].priors);
  for (guint i = 0; i < G_N_ELEMENTS (protection_cases); i++)
    penal_test_add_case (&protection_cases[i], test_protection,
                         "/diversion/protection/%s/defendant-age-%s",
                         protection_cases[i].offense_date,
                         protection_cases[i].defendant_age);

  return g_test_run ();
}
