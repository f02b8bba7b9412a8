/* SPDX-License-Identifier: GPL-3.0-or-later */
/* legal.c: tests penal's answers against research/missouri-law.md: the
 * penalty tables, patronizing (RSMo 567.030) by age and date, and an
 * uncertain window between two versions (legal-prostitution.c has the
 * rest). */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>

#include "penal-class.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-test-case.h"

/* The penalty tables, read directly: every row of both tables, checked on
 * two dates inside its era (one of them the era's boundary day). */

typedef struct
{
  const char *era;
  const char *first_date;
  const char *second_date;
  PenalClass klass;
  const ExpectedPenalty *penalty; /* NULL: the era has no such class */
} PenaltyRow;

/* Each era's name in test paths, then two dates inside it on which it is
 * certainly in force.  statutes/mo-penalties.xml holds the pre-2017 table as
 * in force by 28 August 2004 (the Missouri Bar, Criminal Practice 2012
 * Supp. §§ 27.16 and 27.18, cites RSMo 2000 and RSMo Supp. 2004); see
 * test_penalty_uncertain_before_2004 for earlier dates. */
#define UNTIL_2016 "until-2016-12-31", "2004-08-28", "2016-12-31"
#define FROM_2017 "from-2017-01-01", "2017-01-01", "2025-01-01"

static const PenaltyRow penalty_rows[] = {
  { UNTIL_2016, PENAL_CLASS_FELONY_A, &pre2017_felony_a },
  { UNTIL_2016, PENAL_CLASS_FELONY_B, &pre2017_felony_b },
  { UNTIL_2016, PENAL_CLASS_FELONY_C, &pre2017_felony_c },
  { UNTIL_2016, PENAL_CLASS_FELONY_D, &pre2017_felony_d },
  /* research/missouri-law.md, "Until 2016-12-31": the table has no class E
   * felony and no class D misdemeanor; RSMo 557.016's five felony and four
   * misdemeanor classes appear only in the table from 2017-01-01. */
  { UNTIL_2016, PENAL_CLASS_FELONY_E, NULL },
  { UNTIL_2016, PENAL_CLASS_MISDEMEANOR_A, &pre2017_misdemeanor_a },
  { UNTIL_2016, PENAL_CLASS_MISDEMEANOR_B, &pre2017_misdemeanor_b },
  { UNTIL_2016, PENAL_CLASS_MISDEMEANOR_C, &pre2017_misdemeanor_c },
  { UNTIL_2016, PENAL_CLASS_MISDEMEANOR_D, NULL },
  { UNTIL_2016, PENAL_CLASS_INFRACTION, &pre2017_infraction },
  { FROM_2017, PENAL_CLASS_FELONY_A, &from2017_felony_a },
  { FROM_2017, PENAL_CLASS_FELONY_B, &from2017_felony_b },
  { FROM_2017, PENAL_CLASS_FELONY_C, &from2017_felony_c },
  { FROM_2017, PENAL_CLASS_FELONY_D, &from2017_felony_d },
  { FROM_2017, PENAL_CLASS_FELONY_E, &from2017_felony_e },
  { FROM_2017, PENAL_CLASS_MISDEMEANOR_A, &from2017_misdemeanor_a },
  { FROM_2017, PENAL_CLASS_MISDEMEANOR_B, &from2017_misdemeanor_b },
  { FROM_2017, PENAL_CLASS_MISDEMEANOR_C, &from2017_misdemeanor_c },
  { FROM_2017, PENAL_CLASS_MISDEMEANOR_D, &from2017_misdemeanor_d },
  { FROM_2017, PENAL_CLASS_INFRACTION, &from2017_infraction },
};

static void
test_penalty_row (gconstpointer data)
{
  const PenaltyRow *row = data;
  const char *dates[] = { row->first_date, row->second_date };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      /* Both offenses share the one Missouri table. */
      const char *offenses[] = { "patronizing", "prostitution" };

      for (guint o = 0; o < G_N_ELEMENTS (offenses); o++)
        {
          const PenalOffense *offense
              = penal_model_lookup_offense (penal_test_model, offenses[o]);
          const PenalEra *era;

          g_assert_nonnull (offense);
          g_assert_nonnull (offense->penalties);
          era = penal_penalties_era_for (offense->penalties,
                                         penal_test_parse_date (dates[d]));
          g_assert_nonnull (era);
          if (row->penalty == NULL)
            g_assert_null (era->classes[row->klass]);
          else
            {
              g_assert_nonnull (era->classes[row->klass]);
              g_assert_cmpint (era->classes[row->klass]->klass, ==, row->klass);
              penal_test_assert_penalty (era->classes[row->klass],
                                         row->penalty);
            }
        }
    }
}

/* Before 28 August 2004 penal gives no figures: in 1996 a class D felony
 * carried up to five years (SB 700 of 1996, as introduced, printing RSMo
 * 558.011.1(4) as then in force), and when that became four is not
 * established.  From 28 August 1996 the era may have been in force (its
 * figures are "not established"); before, penal holds no table at all. */
static void
test_penalty_uncertain_before_2004 (void)
{
  const struct
  {
    const char *date;
    PenalPenaltyState state;
  } dates[] = {
    { "1995-01-01", PENAL_PENALTY_NOT_HELD },
    { "1996-08-27", PENAL_PENALTY_NOT_HELD },
    { "1996-08-28", PENAL_PENALTY_UNCERTAIN },
    { "2004-08-27", PENAL_PENALTY_UNCERTAIN },
    { "2004-08-28", PENAL_PENALTY_HELD },
  };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr (PenalOutcome) outcome = evaluate_case (
          dates[d].date, "offense", "patronizing", "victim_age", "30", NULL);

      penal_test_assert_decided_class (outcome, "misdemeanor-B");
      g_assert_cmpint (outcome->penalty_state, ==, dates[d].state);
      if (dates[d].state == PENAL_PENALTY_HELD)
        penal_test_assert_penalty (outcome->penalty, &pre2017_misdemeanor_b);
      else
        g_assert_null (outcome->penalty);
    }
}

/* research/missouri-law.md, "Until 2016-12-31": "A C/D felony term longer
 * than one year goes to the department of corrections with a 2-year minimum
 * (558.011.2)."  The table must carry that note for both classes. */
static void
test_penalty_doc_minimum (void)
{
  const PenalOffense *offense
      = penal_model_lookup_offense (penal_test_model, "patronizing");
  const PenalEra *era;
  const PenalClass classes[] = { PENAL_CLASS_FELONY_C, PENAL_CLASS_FELONY_D };

  g_assert_nonnull (offense);
  era = penal_penalties_era_for (offense->penalties,
                                 penal_test_parse_date ("2016-06-01"));
  g_assert_nonnull (era);
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      const PenalClassPenalty *penalty = era->classes[classes[c]];
      gboolean found = FALSE;

      g_assert_nonnull (penalty);
      g_assert_nonnull (penalty->notes);
      for (guint n = 0; n < penalty->notes->len; n++)
        {
          const PenalNote *note = g_ptr_array_index (penalty->notes, n);

          if (g_strcmp0 (note->citation, "RSMo 558.011.2") == 0)
            found = TRUE;
        }
      g_assert_true (found);
    }
}

/* RSMo 567.030, patronizing prostitution, by the age of the individual
 * patronized.  ../shared/research/findings-2026-11-30.md, sections 1.1 to
 * 1.7, from the Highway Patrol's charge codes (edition of 5 August 2021) and
 * the Revisor's list of sections of 16 September 2021:
 *   until 2004-08-27 (from the 1977 code, 1 January 1979): one class B
 *     misdemeanor (code 21020), whatever the age;
 *   2004-08-28 to 2016-12-31: 14- felony D (21022), 15-17 misdemeanor A
 *     (21027), 18+ misdemeanor B (21029);
 *   2017-01-01 to 2018-08-27 (SB 491): 14- felony E (567.030-001Y201740),
 *     15-17 misdemeanor A, 18+ misdemeanor B;
 *   from 2018-08-28: 14- felony D, 15-17 felony E (567.030-001Y201840,
 *     -003Y201840), 18+ misdemeanor B; 567.030.3 and .4 as printed in 2024
 *     bills (statute text).
 * The subsection numbers before 2018 are taken from the later text, so
 * those rows only require a citation of RSMo 567.030. */

typedef struct
{
  const char *offense_date;
  int victim_age;
  const char *class_code;
  const char *citation;
  const char *version_id;
  PenalPenaltyState penalty_state;
  const ExpectedPenalty *penalty; /* NULL unless the state is held */
} PatronizingCase;

static const PatronizingCase patronizing_cases[] = {
  /* The single tier, from the code of 1977 to 2004-08-27. */
  { "1979-01-01", 10, "misdemeanor-B", "RSMo 567.030", "mo-567.030-1979",
    NOT_HELD, NULL },
  { "1999-06-01", 14, "misdemeanor-B", "RSMo 567.030", "mo-567.030-1979",
    UNCERTAIN, NULL },
  { "2004-08-27", 0, "misdemeanor-B", "RSMo 567.030", "mo-567.030-1979",
    UNCERTAIN, NULL },
  { "2004-08-27", 16, "misdemeanor-B", "RSMo 567.030", "mo-567.030-1979",
    UNCERTAIN, NULL },
  { "2004-08-27", 30, "misdemeanor-B", "RSMo 567.030", "mo-567.030-1979",
    UNCERTAIN, NULL },
  /* The age tiers of 28 August 2004, until SB 491. */
  { "2004-08-28", 0, "felony-D", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_felony_d },
  { "2004-08-28", 14, "felony-D", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_felony_d },
  { "2004-08-28", 15, "misdemeanor-A", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_misdemeanor_a },
  { "2016-06-01", 13, "felony-D", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_felony_d },
  { "2016-06-01", 17, "misdemeanor-A", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_misdemeanor_a },
  { "2016-06-01", 18, "misdemeanor-B", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_misdemeanor_b },
  { "2016-06-01", 120, "misdemeanor-B", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_misdemeanor_b },
  { "2016-12-31", 14, "felony-D", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_felony_d },
  { "2016-12-31", 16, "misdemeanor-A", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_misdemeanor_a },
  { "2016-12-31", 18, "misdemeanor-B", "RSMo 567.030", "mo-567.030-2004", HELD,
    &pre2017_misdemeanor_b },
  /* SB 491, 2017-01-01 to 2018-08-27. */
  { "2017-01-01", 13, "felony-E", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_felony_e },
  { "2017-01-01", 14, "felony-E", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_felony_e },
  { "2017-01-01", 15, "misdemeanor-A", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_misdemeanor_a },
  { "2017-01-01", 17, "misdemeanor-A", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_misdemeanor_a },
  { "2017-01-01", 18, "misdemeanor-B", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_misdemeanor_b },
  { "2018-08-27", 14, "felony-E", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_felony_e },
  { "2018-08-27", 16, "misdemeanor-A", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_misdemeanor_a },
  { "2018-08-27", 18, "misdemeanor-B", "RSMo 567.030", "mo-567.030-2017", HELD,
    &from2017_misdemeanor_b },
  /* The tiers raised on 28 August 2018 (statute text). */
  { "2018-08-28", 14, "felony-D", "RSMo 567.030.4", "mo-567.030-2018", HELD,
    &from2017_felony_d },
  { "2018-08-28", 15, "felony-E", "RSMo 567.030.3", "mo-567.030-2018", HELD,
    &from2017_felony_e },
  { "2018-08-28", 17, "felony-E", "RSMo 567.030.3", "mo-567.030-2018", HELD,
    &from2017_felony_e },
  { "2018-08-28", 18, "misdemeanor-B", "RSMo 567.030.3", "mo-567.030-2018",
    HELD, &from2017_misdemeanor_b },
  { "2020-05-01", 16, "felony-E", "RSMo 567.030.3", "mo-567.030-2018", HELD,
    &from2017_felony_e },
  { "2025-01-01", 0, "felony-D", "RSMo 567.030.4", "mo-567.030-2018", HELD,
    &from2017_felony_d },
  { "2025-01-01", 13, "felony-D", "RSMo 567.030.4", "mo-567.030-2018", HELD,
    &from2017_felony_d },
  { "2025-01-01", 15, "felony-E", "RSMo 567.030.3", "mo-567.030-2018", HELD,
    &from2017_felony_e },
  { "2025-01-01", 18, "misdemeanor-B", "RSMo 567.030.3", "mo-567.030-2018",
    HELD, &from2017_misdemeanor_b },
  { "2025-01-01", 120, "misdemeanor-B", "RSMo 567.030.3", "mo-567.030-2018",
    HELD, &from2017_misdemeanor_b },
};

static void
test_patronizing (gconstpointer data)
{
  const PatronizingCase *c = data;
  g_autofree char *age = g_strdup_printf ("%d", c->victim_age);
  g_autoptr (PenalOutcome) outcome = evaluate_case (
      c->offense_date, "offense", "patronizing", "victim_age", age, NULL);

  penal_test_assert_decided (outcome, c->class_code, c->citation, c->version_id,
                             c->penalty_state, c->penalty);
}

/* No version before the criminal code of 1977 took effect on 1 January 1979
 * (RSMo 560.021, L. 1977 S.B. 60, "Effective 1-01-79"): never the nearest
 * version's answer. */
static void
test_patronizing_no_version (void)
{
  const char *dates[] = { "1890-05-01", "1978-12-31" };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr (PenalOutcome) outcome = evaluate_case (
          dates[d], "offense", "patronizing", "victim_age", "16", NULL);

      g_assert_cmpstr (penal_status_to_code (outcome->status), ==,
                       "no-version");
      g_assert_null (outcome->rule);
      g_assert_null (outcome->version);
      g_assert_cmpuint (outcome->enhancements->len, ==, 0);
      g_assert_cmpuint (outcome->programs->len, ==, 0);
    }
}

/* The uncertain change of version, on a fictional statute
 * (tests/data/valid-uncertain-window.xml): the newer version took effect on
 * a day from 2017-02-14 to 2023-03-11 that no source establishes.  Inside
 * the window, where the candidates disagree the answer is ambiguous and
 * shows both, older first; where they agree it is decided and says the
 * version was uncertain. */

static PenalModel *window_model;

typedef struct
{
  const char *offense_date;
  int age;
  const char *older_class; /* NULL: certain, only later_class applies */
  const char *later_class;
} WindowCase;

static const WindowCase window_cases[] = {
  { "2017-02-13", 16, NULL, "misdemeanor-A" }, /* only the older version */
  { "2017-02-14", 13, "felony-E", "felony-D" },
  { "2017-02-14", 16, "misdemeanor-A", "felony-E" },
  { "2020-05-01", 14, "felony-E", "felony-D" },
  { "2020-05-01", 17, "misdemeanor-A", "felony-E" },
  { "2023-03-10", 14, "felony-E", "felony-D" },
  { "2023-03-11", 16, NULL, "felony-E" }, /* only the newer version */
};

static void
test_window (gconstpointer data)
{
  const WindowCase *c = data;
  g_autofree char *age = g_strdup_printf ("%d", c->age);
  g_autoptr (PenalOutcome) outcome
      = penal_test_evaluate_case (window_model, c->offense_date, "offense",
                                  "test-offense", "person_age", age, NULL);
  const PenalOutcome *older;
  const PenalOutcome *later;

  if (c->older_class == NULL)
    {
      penal_test_assert_decided_class (outcome, c->later_class);
      g_assert_false (outcome->version_uncertain);
      return;
    }
  g_assert_cmpstr (penal_status_to_code (outcome->status), ==, "ambiguous");
  g_assert_null (outcome->rule);
  g_assert_cmpstr (outcome->reason, ==,
                   "When the newer version took effect is not established.");
  g_assert_cmpuint (outcome->candidates->len, ==, 2);
  older = g_ptr_array_index (outcome->candidates, 0);
  penal_test_assert_decided_class (older, c->older_class);
  g_assert_cmpstr (older->version->dated.id, ==, "zz-900.030-old");
  later = g_ptr_array_index (outcome->candidates, 1);
  penal_test_assert_decided_class (later, c->later_class);
  g_assert_cmpstr (later->version->dated.id, ==, "zz-900.030-new");
}

/* Eighteen and over is a class B misdemeanor in both candidates. */
static void
test_window_agreeing (void)
{
  const char *dates[] = { "2017-02-14", "2020-05-01", "2023-03-10" };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr (PenalOutcome) outcome
          = penal_test_evaluate_case (window_model, dates[d], "offense",
                                      "test-offense", "person_age", "30", NULL);

      penal_test_assert_decided_class (outcome, "misdemeanor-B");
      g_assert_true (outcome->version_uncertain);
      g_assert_nonnull (outcome->penalty);
      g_assert_cmpstr (outcome->penalty->imprisonment_max.iso, ==, "P6M");
    }
}

/* A missing age inside the window leads to each tier of both candidates,
 * each possibility naming its version. */
static void
test_window_missing_age (void)
{
  g_autoptr (PenalOutcome) outcome = penal_test_evaluate_case (
      window_model, "2020-05-01", "offense", "test-offense", NULL);
  guint older = 0, later = 0;

  penal_test_assert_needs_fact (outcome, "person_age", 6);
  for (guint p = 0; p < outcome->possible->len; p++)
    {
      const PenalPossibility *possibility
          = &g_array_index (outcome->possible, PenalPossibility, p);
      gboolean is_older;
      const char *expected;

      g_assert_nonnull (possibility->version);
      g_assert_nonnull (possibility->rule);
      is_older = g_str_equal (possibility->version->dated.id, "zz-900.030-old");
      older += is_older;
      later += !is_older;
      expected = possibility->hi <= 14 ? (is_older ? "felony-E" : "felony-D")
                 : possibility->hi <= 17
                     ? (is_older ? "misdemeanor-A" : "felony-E")
                     : "misdemeanor-B";
      g_assert_cmpstr (penal_class_to_code (possibility->rule->klass), ==,
                       expected);
    }
  g_assert_cmpuint (older, ==, 3);
  g_assert_cmpuint (later, ==, 3);
}

/* Without the victim's age the answer names the fact and the three statutory
 * tiers with their classes (research/missouri-law.md, "RSMo 567.030",
 * "Versions"). */

typedef struct
{
  const char *offense_date;
  const char *class_14_or_younger;
  const char *class_15_to_17;
  const char *class_18_or_older;
} PatronizingMissingAgeCase;

static const PatronizingMissingAgeCase patronizing_missing_age_cases[] = {
  { "2016-06-01", "felony-D", "misdemeanor-A", "misdemeanor-B" },
  { "2017-01-01", "felony-E", "misdemeanor-A", "misdemeanor-B" },
  { "2018-08-27", "felony-E", "misdemeanor-A", "misdemeanor-B" },
  { "2018-08-28", "felony-D", "felony-E", "misdemeanor-B" },
  { "2025-01-01", "felony-D", "felony-E", "misdemeanor-B" },
};

/* Before the age tiers of 28 August 2004 the age does not matter, so it is
 * not asked for. */
static void
test_patronizing_age_not_needed_before_2004 (void)
{
  g_autoptr (PenalOutcome) outcome
      = evaluate_case ("2000-01-01", "offense", "patronizing", NULL);

  penal_test_assert_decided_class (outcome, "misdemeanor-B");
  g_assert_cmpuint (outcome->missing->len, ==, 0);
}

static void
test_patronizing_missing_age (gconstpointer data)
{
  const PatronizingMissingAgeCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = evaluate_case (c->offense_date, "offense", "patronizing", NULL);
  const struct
  {
    gint64 lo;
    gint64 hi;
    const char *class_code;
  } tiers[] = {
    { 0, 14, c->class_14_or_younger },
    { 15, 17, c->class_15_to_17 },
    { 18, 120, c->class_18_or_older },
  };

  penal_test_assert_needs_fact (outcome, "victim_age", G_N_ELEMENTS (tiers));
  for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
    {
      const PenalPossibility *possibility
          = &g_array_index (outcome->possible, PenalPossibility, t);

      g_assert_cmpstr (possibility->fact->name, ==, "victim_age");
      g_assert_cmpint (possibility->lo, ==, tiers[t].lo);
      g_assert_cmpint (possibility->hi, ==, tiers[t].hi);
      g_assert_nonnull (possibility->rule);
      g_assert_cmpint (possibility->rule->kind, ==, PENAL_RULE_CLASS);
      g_assert_cmpstr (penal_class_to_code (possibility->rule->klass), ==,
                       tiers[t].class_code);
      g_assert_null (possibility->version);
    }
}

static const PenalTestFunc tests[] = {
  { "/legal/penalties/until-2016-12-31/doc-minimum-note",
    test_penalty_doc_minimum },
  { "/legal/penalties/until-2016-12-31/uncertain-before-2004",
    test_penalty_uncertain_before_2004 },
  { "/legal/patronizing/no-version", test_patronizing_no_version },
  { "/legal/uncertain-window/candidates-agree", test_window_agreeing },
  { "/legal/uncertain-window/age-missing", test_window_missing_age },
  { "/legal/patronizing/2000-01-01/age-not-needed",
    test_patronizing_age_not_needed_before_2004 },
};

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) loaded = NULL;
  g_autoptr (PenalModel) window = NULL;

  g_test_init (&argc, &argv, NULL);

  penal_test_model = loaded = penal_test_load_bundled ();
  {
    g_autofree char *path = g_test_build_filename (
        G_TEST_DIST, "data", "valid-uncertain-window.xml", NULL);
    const char *paths[] = { path, NULL };

    window = penal_model_load_files (paths, &error);
    g_assert_no_error (error);
    window_model = window;
  }

  for (guint i = 0; i < G_N_ELEMENTS (penalty_rows); i++)
    penal_test_add_case (&penalty_rows[i], test_penalty_row,
                         "/legal/penalties/%s/%s%s", penalty_rows[i].era,
                         penal_class_to_code (penalty_rows[i].klass),
                         penalty_rows[i].penalty == NULL ? "-absent" : "");

  for (guint i = 0; i < G_N_ELEMENTS (patronizing_cases); i++)
    penal_test_add_case (
        &patronizing_cases[i], test_patronizing, "/legal/patronizing/%s/age-%d",
        patronizing_cases[i].offense_date, patronizing_cases[i].victim_age);
  for (guint i = 0; i < G_N_ELEMENTS (window_cases); i++)
    penal_test_add_case (&window_cases[i], test_window,
                         "/legal/uncertain-window/%s/age-%d",
                         window_cases[i].offense_date, window_cases[i].age);
  for (guint i = 0; i < G_N_ELEMENTS (patronizing_missing_age_cases); i++)
    penal_test_add_case (&patronizing_missing_age_cases[i],
                         test_patronizing_missing_age,
                         "/legal/patronizing/%s/age-missing",
                         patronizing_missing_age_cases[i].offense_date);
  PENAL_TEST_ADD_FUNCS (tests);

  return g_test_run ();
}
