/* SPDX-License-Identifier: GPL-3.0-or-later */
/* legal-prostitution.c: tests penal's answers for prostitution (RSMo
 * 567.020) and the persistent offender (RSMo 567.110) against
 * research/missouri-law.md, and the statements of seed 004 against the
 * statutes. */
#include "config.h"

#include <glib.h>

#include "penal-class.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-test-case.h"

/* RSMo 567.020, prostitution: research/missouri-law.md, "RSMo 567.020", and
 * ../shared/research/findings-2026-11-30.md, sections 2 and 4: a class B
 * misdemeanor (Patrol code 21010 / 567.020-001), a class B felony if the
 * person knew before the act of being infected with HIV (567.020.2,
 * statute text from 2022-08-28; code 21055 / 567.020-003 from 2002-08-28,
 * so no HIV tier before); versions from 2017-01-01 (SB 491), 2019-08-28
 * (HB 397; the Revisor's list) and 2022-08-28 (the Revisor's page). */

typedef struct
{
  const char *offense_date;
  const char *knew_hiv;
  const char *class_code;
  const char *citation;
  const char *version_id;
  PenalPenaltyState penalty_state;
  const ExpectedPenalty *penalty;
} ProstitutionCase;

static const ProstitutionCase prostitution_cases[] = {
  { "1979-01-01", "yes", "misdemeanor-B", "RSMo 567.020", "mo-567.020-1979",
    NOT_HELD, NULL },
  { "2002-08-27", "yes", "misdemeanor-B", "RSMo 567.020", "mo-567.020-1979",
    UNCERTAIN, NULL },
  { "2002-08-28", "yes", "felony-B", "RSMo 567.020", "mo-567.020-2002",
    UNCERTAIN, NULL },
  { "2002-08-28", "no", "misdemeanor-B", "RSMo 567.020", "mo-567.020-2002",
    UNCERTAIN, NULL },
  { "2004-08-28", "yes", "felony-B", "RSMo 567.020", "mo-567.020-2002", HELD,
    &pre2017_felony_b },
  { "2016-06-01", "no", "misdemeanor-B", "RSMo 567.020", "mo-567.020-2002",
    HELD, &pre2017_misdemeanor_b },
  { "2016-12-31", "yes", "felony-B", "RSMo 567.020", "mo-567.020-2002", HELD,
    &pre2017_felony_b },
  { "2017-01-01", "no", "misdemeanor-B", "RSMo 567.020", "mo-567.020-2017",
    HELD, &from2017_misdemeanor_b },
  { "2017-01-01", "yes", "felony-B", "RSMo 567.020", "mo-567.020-2017", HELD,
    &from2017_felony_b },
  { "2019-08-27", "yes", "felony-B", "RSMo 567.020", "mo-567.020-2017", HELD,
    &from2017_felony_b },
  { "2019-08-28", "yes", "felony-B", "RSMo 567.020", "mo-567.020-2019", HELD,
    &from2017_felony_b },
  { "2022-08-27", "no", "misdemeanor-B", "RSMo 567.020", "mo-567.020-2019",
    HELD, &from2017_misdemeanor_b },
  { "2022-08-28", "no", "misdemeanor-B", "RSMo 567.020.2", "mo-567.020-2022",
    HELD, &from2017_misdemeanor_b },
  { "2022-08-28", "yes", "felony-B", "RSMo 567.020.2", "mo-567.020-2022", HELD,
    &from2017_felony_b },
  { "2025-01-01", "no", "misdemeanor-B", "RSMo 567.020.2", "mo-567.020-2022",
    HELD, &from2017_misdemeanor_b },
  { "2025-01-01", "yes", "felony-B", "RSMo 567.020.2", "mo-567.020-2022", HELD,
    &from2017_felony_b },
};

static void
test_prostitution (gconstpointer data)
{
  const ProstitutionCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_case (c->offense_date, "offense", "prostitution", "knew_hiv",
                       c->knew_hiv, NULL);

  penal_test_assert_decided (outcome, c->class_code, c->citation, c->version_id,
                             c->penalty_state, c->penalty);
}

static const char *const prostitution_missing_hiv_dates[] = {
  "2016-06-01",
  "2020-05-01",
  "2025-01-01",
};

static void
test_prostitution_missing_hiv (gconstpointer data)
{
  const char *offense_date = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_case (offense_date, "offense", "prostitution", NULL);
  gboolean saw_no = FALSE;
  gboolean saw_yes = FALSE;

  penal_test_assert_needs_fact (outcome, "knew_hiv", 2);
  for (guint p = 0; p < outcome->possible->len; p++)
    {
      const PenalPossibility *possibility
          = &g_array_index (outcome->possible, PenalPossibility, p);

      g_assert_cmpstr (possibility->fact->name, ==, "knew_hiv");
      g_assert_cmpint (possibility->lo, ==, possibility->hi);
      g_assert_nonnull (possibility->rule);
      g_assert_cmpint (possibility->rule->kind, ==, PENAL_RULE_CLASS);
      /* A boolean fact is 0 for no and 1 for yes. */
      if (possibility->lo == 0)
        {
          saw_no = TRUE;
          g_assert_cmpstr (penal_class_to_code (possibility->rule->klass), ==,
                           "misdemeanor-B");
        }
      else
        {
          g_assert_cmpint (possibility->lo, ==, 1);
          saw_yes = TRUE;
          g_assert_cmpstr (penal_class_to_code (possibility->rule->klass), ==,
                           "felony-B");
        }
    }
  g_assert_true (saw_no);
  g_assert_true (saw_yes);
}

/* RSMo 567.110, persistent prostitution offender, for a person found guilty
 * of two or more prostitution-related offenses (567.010(2)): a class D
 * felony from 1997-08-28 to 2016-12-31 (Patrol codes 21015 and 21025, whose
 * dates before 2004 are not reliable), a class E felony from 2017-01-01
 * (the 2024 text, statute text; ../shared/research/findings-2026-11-30.md,
 * section 1.1).  Before 1997-08-28 penal holds no version. */

typedef struct
{
  const char *offense;
  const char *offense_date;
  const char *priors;
  const char *status;
  PenalRuleKind kind;
  const char *class_code; /* NULL unless kind is a class */
  const char *citation;
  const ExpectedPenalty *penalty; /* NULL unless the figures are held */
} EnhancementCase;

static const EnhancementCase enhancement_cases[] = {
  { "patronizing", "2025-01-01", "2", "decided", PENAL_RULE_CLASS, "felony-E",
    "RSMo 567.110", &from2017_felony_e },
  { "patronizing", "2025-01-01", "999", "decided", PENAL_RULE_CLASS, "felony-E",
    "RSMo 567.110", &from2017_felony_e },
  { "patronizing", "2025-01-01", "1", "decided", PENAL_RULE_NOT_APPLICABLE,
    NULL, "RSMo 567.010(2)", NULL },
  { "patronizing", "2025-01-01", "0", "decided", PENAL_RULE_NOT_APPLICABLE,
    NULL, "RSMo 567.010(2)", NULL },
  { "patronizing", "2017-01-01", "2", "decided", PENAL_RULE_CLASS, "felony-E",
    "RSMo 567.110", &from2017_felony_e },
  { "patronizing", "2016-12-31", "2", "decided", PENAL_RULE_CLASS, "felony-D",
    "RSMo 567.110", &pre2017_felony_d },
  { "patronizing", "2016-06-01", "1", "decided", PENAL_RULE_NOT_APPLICABLE,
    NULL, "RSMo 567.110", NULL },
  { "patronizing", "2000-01-01", "2", "decided", PENAL_RULE_CLASS, "felony-D",
    "RSMo 567.110", NULL },
  { "patronizing", "1997-08-28", "2", "decided", PENAL_RULE_CLASS, "felony-D",
    "RSMo 567.110", NULL },
  { "patronizing", "1997-08-27", "2", "no-version", PENAL_RULE_CLASS, NULL,
    NULL, NULL },
  { "prostitution", "2025-01-01", "2", "decided", PENAL_RULE_CLASS, "felony-E",
    "RSMo 567.110", &from2017_felony_e },
  { "prostitution", "2025-01-01", "1", "decided", PENAL_RULE_NOT_APPLICABLE,
    NULL, "RSMo 567.010(2)", NULL },
  { "prostitution", "2016-06-01", "2", "decided", PENAL_RULE_CLASS, "felony-D",
    "RSMo 567.110", &pre2017_felony_d },
};

static void
test_persistent_offender (gconstpointer data)
{
  const EnhancementCase *c = data;
  gboolean patronizing = g_str_equal (c->offense, "patronizing");
  g_autoptr (PenalOutcome) outcome = evaluate_case (
      c->offense_date, "offense", c->offense,
      patronizing ? "victim_age" : "knew_hiv", patronizing ? "30" : "no",
      "prior_prostitution_offenses", c->priors, NULL);
  const PenalOutcome *enhanced;

  /* The base offense is decided on its own; the enhancement is separate. */
  penal_test_assert_decided_class (outcome, "misdemeanor-B");
  g_assert_cmpuint (outcome->enhancements->len, ==, 1);
  enhanced = g_ptr_array_index (outcome->enhancements, 0);
  g_assert_nonnull (enhanced->offense);
  penal_test_assert_cites (enhanced->offense->statute, "RSMo 567.110");
  g_assert_cmpstr (penal_status_to_code (enhanced->status), ==, c->status);
  if (enhanced->status == PENAL_STATUS_NO_VERSION)
    {
      g_assert_null (enhanced->rule);
      return;
    }
  g_assert_nonnull (enhanced->rule);
  g_assert_cmpint (enhanced->rule->kind, ==, c->kind);
  g_assert_cmpstr (enhanced->rule->citation, ==, c->citation);
  if (c->kind == PENAL_RULE_CLASS)
    {
      g_assert_cmpstr (penal_class_to_code (enhanced->rule->klass), ==,
                       c->class_code);
      if (c->penalty != NULL)
        penal_test_assert_penalty (enhanced->penalty, c->penalty);
      else
        g_assert_null (enhanced->penalty);
    }
  else
    g_assert_null (enhanced->penalty);
}

/* Seed 004 (about 2016) describes the law before 2017.  Its statements are
 * pinned here on an offense date of 2016-06-01, each with what it says;
 * where it disagrees with the statute, the statute wins, and the case says
 * what the seed got wrong (research/missouri-law.md, introduction). */
typedef struct
{
  const char *name;
  const char *offense;
  const char *fact; /* the fact that decides, and its value */
  const char *value;
  const char *klass;
  const char *imprisonment_min; /* NULL: the seed gives no figures */
  const char *imprisonment_max;
  const char *imprisonment_citation; /* NULL: not checked */
  const char *county_jail_max;       /* NULL: not checked */
  gint64 fine_max_usd;               /* -1: not checked */
  const char *seed_max;              /* what the seed wrongly says, or NULL */
  const char *seed_class;
} SeedCase;

static const SeedCase seed_cases[] = {
  /* "The prostituted person can receive a Class B misdemeanor resulting in
   * up to six months of jail, and up to a $500 fine." */
  { "prostitution", "prostitution", "knew_hiv", "no", "misdemeanor-B", NULL,
    "P6M", NULL, NULL, 500, NULL, NULL },
  /* "If the prostituted person knowingly has HIV, then they are charged with
   * a Class B Felony that can be anywhere from 5-15 years of prison." */
  { "prostitution-hiv", "prostitution", "knew_hiv", "yes", "felony-B", "P5Y",
    "P15Y", NULL, NULL, -1, NULL, NULL },
  /* "The Johns receive a Class B Misdemeanor for patronizing." */
  { "patronizing-adult", "patronizing", "victim_age", "30", "misdemeanor-B",
    NULL, NULL, NULL, NULL, -1, NULL, NULL },
  /* "If the prostituted person is 14-17 years of age the John receives a
   * Class A misdemeanor resulting in a penalty up to one year in jail, and
   * or a fine up to $1,000."  True for 15 to 17; for 14 see below. */
  { "patronizing-15-to-17", "patronizing", "victim_age", "16", "misdemeanor-A",
    NULL, "P1Y", NULL, NULL, 1000, NULL, NULL },
  /* "If the Prostituted Person is under 14 years of age then the crime
   * results in a Class D felony, which is up to 5 years in prison or they
   * can spend 1 year in jail and pay a fine up to $5,000."  The class, the
   * year in county jail and the fine hold.  The term does not: pre-2017
   * RSMo 558.011.1(4) says "a term of years not to exceed four years"
   * (research/missouri-law.md, introduction), so penal must say four. */
  { "class-D-felony-is-four-years-not-five", "patronizing", "victim_age", "13",
    "felony-D", NULL, "P4Y", "RSMo 558.011.1(4)", "P1Y", 5000, "P5Y", NULL },
  /* The seed's tiers are "14-17" and "under 14"; the statute's are "less
   * than eighteen years of age but older than fourteen" and "fourteen years
   * of age or younger" (research/missouri-law.md, introduction).  A
   * 14-year-old is in the felony tier, not the class A misdemeanor the seed
   * gives. */
  { "age-14-is-felony-tier", "patronizing", "victim_age", "14", "felony-D",
    NULL, NULL, NULL, NULL, -1, NULL, "misdemeanor-A" },
};

static void
test_seed (gconstpointer data)
{
  const SeedCase *c = data;
  g_autoptr (PenalOutcome) outcome = evaluate_case (
      "2016-06-01", "offense", c->offense, c->fact, c->value, NULL);

  penal_test_assert_decided_class (outcome, c->klass);
  if (c->seed_class != NULL)
    {
      penal_test_assert_cites (outcome->rule->citation, "RSMo 567.030");
      g_assert_cmpstr (penal_class_to_code (outcome->rule->klass), !=,
                       c->seed_class);
    }
  if (c->imprisonment_max == NULL && c->fine_max_usd < 0)
    return;
  g_assert_nonnull (outcome->penalty);
  if (c->imprisonment_min != NULL)
    g_assert_cmpstr (outcome->penalty->imprisonment_min.iso, ==,
                     c->imprisonment_min);
  if (c->imprisonment_max != NULL)
    g_assert_cmpstr (outcome->penalty->imprisonment_max.iso, ==,
                     c->imprisonment_max);
  if (c->seed_max != NULL)
    g_assert_cmpstr (outcome->penalty->imprisonment_max.iso, !=, c->seed_max);
  if (c->imprisonment_citation != NULL)
    g_assert_cmpstr (outcome->penalty->imprisonment_citation, ==,
                     c->imprisonment_citation);
  if (c->county_jail_max != NULL)
    g_assert_cmpstr (outcome->penalty->county_jail_max.iso, ==,
                     c->county_jail_max);
  if (c->fine_max_usd >= 0)
    g_assert_cmpint (outcome->penalty->fine_max_usd, ==, c->fine_max_usd);
}

int
main (int argc, char *argv[])
{
  g_autoptr (PenalModel) loaded = NULL;

  g_test_init (&argc, &argv, NULL);
  penal_test_model = loaded = penal_test_load_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (prostitution_cases); i++)
    penal_test_add_case (&prostitution_cases[i], test_prostitution,
                         "/legal/prostitution/%s/knew-hiv-%s",
                         prostitution_cases[i].offense_date,
                         prostitution_cases[i].knew_hiv);
  for (guint i = 0; i < G_N_ELEMENTS (prostitution_missing_hiv_dates); i++)
    penal_test_add_case (prostitution_missing_hiv_dates[i],
                         test_prostitution_missing_hiv,
                         "/legal/prostitution/%s/knew-hiv-missing",
                         prostitution_missing_hiv_dates[i]);

  for (guint i = 0; i < G_N_ELEMENTS (enhancement_cases); i++)
    penal_test_add_case (&enhancement_cases[i], test_persistent_offender,
                         "/legal/persistent-offender/%s/%s/priors-%s",
                         enhancement_cases[i].offense,
                         enhancement_cases[i].offense_date,
                         enhancement_cases[i].priors);

  PENAL_TEST_ADD_CASES ("/legal/seed-004", seed_cases, test_seed);

  return g_test_run ();
}
