/* SPDX-License-Identifier: GPL-3.0-or-later */
/* units.c: unit tests for the modules every command shares: the strict
 * and the fast date parsers and the dates of exports, the regions of a fact's
 * domain, and what "the outcome changed" means (penal_outcome_equal). */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>

#include "penal-class.h"
#include "penal-date.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-test-register.h"

/* Every day from 1900-01-01 to 2100-12-31, written out, is read the same
 * by both parsers, and back again. */
static void
test_dates_agree (void)
{
  GDate day, last;
  guint n = 0;

  g_date_clear (&day, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 1900);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 2100);
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1), n++)
    {
      char text[16];
      gint64 strict = -1, fast = -1;
      g_autofree char *iso = NULL;

      g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&day),
                  g_date_get_month (&day), g_date_get_day (&day));
      g_assert_true (penal_date_parse (text, &strict));
      g_assert_true (penal_date_parse_fast (text, strlen (text), &fast));
      g_assert_cmpint (strict, ==, fast);
      g_assert_cmpint (strict, ==, g_date_get_julian (&day));
      iso = penal_date_to_iso (strict);
      g_assert_cmpstr (iso, ==, text);
    }
  g_assert_cmpuint (n, ==, 73414);
}

/* Text that is not a calendar date is refused by both. */
static void
test_dates_refuse_alike (void)
{
  static const char *const bad[] = {
    "2016-02-30",  "2017-02-29", "1900-02-29", "2016-13-01", "2016-00-10",
    "2016-01-00",  "2016-1-01",  "16-01-01",   "2016/01/01", "2016-01-01T00",
    " 2016-01-01", "+016-01-01", "2016-01-3a", "",           "0000-01-01",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 day;

      g_assert_false (penal_date_parse (bad[i], &day));
      g_assert_false (penal_date_parse_fast (bad[i], strlen (bad[i]), &day));
    }
  {
    gint64 strict, fast;
    g_assert_true (penal_date_parse ("2000-02-29", &strict));
    g_assert_true (penal_date_parse_fast ("2000-02-29", 10, &fast));
    g_assert_cmpint (strict, ==, fast);
  }
}

/* Dates as exports write them: ISO, ISO at midnight, slashed only with an
 * order, and never a time of day or a time zone that may move the day. */
static void
test_dates_from_exports (void)
{
  static const struct
  {
    const char *text;
    PenalDateOrder order;
    PenalDateReading reading;
    const char *iso; /* when read */
  } cases[] = {
    { "2016-06-01", PENAL_DATE_ORDER_NONE, PENAL_DATE_READ, "2016-06-01" },
    { "2016-06-01 00:00:00", PENAL_DATE_ORDER_NONE, PENAL_DATE_READ,
      "2016-06-01" },
    { "2016-06-01T00:00", PENAL_DATE_ORDER_NONE, PENAL_DATE_READ,
      "2016-06-01" },
    { "2016-06-01T00:00:00.000", PENAL_DATE_ORDER_DMY, PENAL_DATE_READ,
      "2016-06-01" },
    { "2016-06-01 14:30", PENAL_DATE_ORDER_NONE, PENAL_DATE_TIME_SET, NULL },
    { "2016-06-01T00:00:00Z", PENAL_DATE_ORDER_NONE, PENAL_DATE_TIME_SET,
      NULL },
    { "2016-06-01T00:00:00-05:00", PENAL_DATE_ORDER_NONE, PENAL_DATE_TIME_SET,
      NULL },
    { "2016-06-01T", PENAL_DATE_ORDER_NONE, PENAL_DATE_INVALID, NULL },
    { "2016-06-01 24:00", PENAL_DATE_ORDER_NONE, PENAL_DATE_INVALID, NULL },
    { "2016-06-0100", PENAL_DATE_ORDER_NONE, PENAL_DATE_INVALID, NULL },
    { "6/1/2016", PENAL_DATE_ORDER_NONE, PENAL_DATE_SLASHED, NULL },
    { "13/1/2016", PENAL_DATE_ORDER_NONE, PENAL_DATE_SLASHED, NULL },
    { "6/1/2016", PENAL_DATE_ORDER_MDY, PENAL_DATE_READ, "2016-06-01" },
    { "6/1/2016", PENAL_DATE_ORDER_DMY, PENAL_DATE_READ, "2016-01-06" },
    { "06/01/2016 0:00", PENAL_DATE_ORDER_MDY, PENAL_DATE_READ, "2016-06-01" },
    { "6/1/2016 9:15", PENAL_DATE_ORDER_MDY, PENAL_DATE_TIME_SET, NULL },
    { "13/1/2016", PENAL_DATE_ORDER_MDY, PENAL_DATE_INVALID, NULL },
    { "2/29/2017", PENAL_DATE_ORDER_MDY, PENAL_DATE_INVALID, NULL },
    { "6/1/16", PENAL_DATE_ORDER_MDY, PENAL_DATE_INVALID, NULL },
    { "6/1/02016", PENAL_DATE_ORDER_MDY, PENAL_DATE_INVALID, NULL },
    { "123/1/2016", PENAL_DATE_ORDER_DMY, PENAL_DATE_INVALID, NULL },
    { "6-1-2016", PENAL_DATE_ORDER_MDY, PENAL_DATE_INVALID, NULL },
    { "", PENAL_DATE_ORDER_MDY, PENAL_DATE_INVALID, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 day = -1;
      PenalDateReading reading = penal_date_parse_export (
          cases[i].text, strlen (cases[i].text), cases[i].order, &day);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (reading, ==, cases[i].reading);
      if (cases[i].iso != NULL)
        {
          g_autofree char *iso = penal_date_to_iso (day);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
}

static PenalRule *
rule_with (guint fact, gint64 lo, gint64 hi)
{
  PenalRule *rule = g_new0 (PenalRule, 1);
  PenalCondition condition = { fact, lo, hi };

  rule->conditions = g_array_new (FALSE, FALSE, sizeof (PenalCondition));
  g_array_append_val (rule->conditions, condition);
  return rule;
}

static void
rule_free (PenalRule *rule)
{
  g_array_unref (rule->conditions);
  g_free (rule);
}

/* RSMo 567.030's tiers (0-14, 15-17, 18-120) cut 0-120 into three
 * regions; a condition on another fact cuts nothing; bounds outside the
 * range, and repeats, are dropped. */
static void
test_regions_cut_at_rule_bounds (void)
{
  g_autoptr (GPtrArray) rules
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);
  g_autoptr (GArray) cuts = penal_regions_new (0, 120);
  g_autoptr (GArray) inner = penal_regions_new (10, 16);

  g_ptr_array_add (rules, rule_with (2, 0, 14));
  g_ptr_array_add (rules, rule_with (2, 15, 17));
  g_ptr_array_add (rules, rule_with (2, 18, 120));
  g_ptr_array_add (rules, rule_with (3, 0, 0));
  g_ptr_array_add (rules, rule_with (2, 15, 17));
  penal_regions_add_rules (cuts, rules, 2, 0, 120);
  penal_regions_finish (cuts);
  g_assert_cmpuint (cuts->len, ==, 3);
  g_assert_cmpint (g_array_index (cuts, gint64, 0), ==, 0);
  g_assert_cmpint (g_array_index (cuts, gint64, 1), ==, 15);
  g_assert_cmpint (g_array_index (cuts, gint64, 2), ==, 18);
  g_assert_cmpint (penal_regions_last (cuts, 0, 120), ==, 14);
  g_assert_cmpint (penal_regions_last (cuts, 1, 120), ==, 17);
  g_assert_cmpint (penal_regions_last (cuts, 2, 120), ==, 120);
  g_assert_cmpuint (penal_regions_find (cuts, 0), ==, 1);
  g_assert_cmpuint (penal_regions_find (cuts, 14), ==, 1);
  g_assert_cmpuint (penal_regions_find (cuts, 15), ==, 2);
  g_assert_cmpuint (penal_regions_find (cuts, 120), ==, 3);
  g_assert_cmpuint (penal_regions_find (cuts, -1), ==, 0);

  /* A narrower range keeps only the cuts inside it. */
  penal_regions_add_rules (inner, rules, 2, 10, 16);
  penal_regions_finish (inner);
  g_assert_cmpuint (inner->len, ==, 2);
  g_assert_cmpint (g_array_index (inner, gint64, 1), ==, 15);
  g_assert_cmpint (penal_regions_last (inner, 1, 16), ==, 16);
}

static PenalOutcome *
evaluate (const PenalModel *model, const char *date, ...)
{
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  g_autoptr (GError) error = NULL;
  const char *assignment;
  PenalOutcome *outcome;
  gint64 day;
  va_list args;

  va_start (args, date);
  while ((assignment = va_arg (args, const char *)) != NULL)
    {
      penal_facts_parse_assignment (facts, assignment, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  g_assert_true (penal_date_parse (date, &day));
  outcome = penal_evaluate (model, facts, day, &error);
  g_assert_no_error (error);
  return outcome;
}

/* The same case is the same outcome; another class, another penalty or a
 * diversion that opens is a change; another date under the same law is
 * not. */
static void
test_outcome_equal (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model
      = penal_model_load_directory (g_getenv ("PENAL_STATUTES"), &error);
  g_autoptr (PenalOutcome) adult = NULL, adult_again = NULL, adult_later = NULL;
  g_autoptr (PenalOutcome) minor = NULL, adult_prior = NULL, unknown_age = NULL;

  g_assert_no_error (error);
  /* research/missouri-law.md: from 2017 an adult patronized is a class B
   * misdemeanor (567.030.2), diversion open for a first-time offender. */
  adult = evaluate (model, "2024-01-01", "offense=patronizing", "victim_age=30",
                    "prior_prostitution_offenses=0", NULL);
  adult_again
      = evaluate (model, "2024-01-01", "offense=patronizing", "victim_age=30",
                  "prior_prostitution_offenses=0", NULL);
  adult_later
      = evaluate (model, "2025-06-01", "offense=patronizing", "victim_age=45",
                  "prior_prostitution_offenses=0", NULL);
  minor = evaluate (model, "2024-01-01", "offense=patronizing", "victim_age=16",
                    "prior_prostitution_offenses=0", NULL);
  adult_prior
      = evaluate (model, "2024-01-01", "offense=patronizing", "victim_age=30",
                  "prior_prostitution_offenses=1", NULL);
  unknown_age = evaluate (model, "2024-01-01", "offense=patronizing", NULL);

  g_assert_true (penal_outcome_equal (adult, adult_again));
  g_assert_true (penal_outcome_equal (adult, adult_later));
  g_assert_false (penal_outcome_equal (adult, minor));
  g_assert_false (penal_outcome_equal (adult, adult_prior));
  g_assert_false (penal_outcome_equal (adult, unknown_age));
  g_assert_true (penal_outcome_equal (unknown_age, unknown_age));
}

/* The classes a case record may hold, as people type them (issue 20's
 * examples among them), and the spellings that name no class for sure. */
static void
test_class_typed (void)
{
  static const struct
  {
    const char *typed;
    const char *code; /* NULL: refused */
  } cases[] = {
    { "felony-D", "felony-D" },
    { "misdemeanor-B", "misdemeanor-B" },
    { "Class D Felony", "felony-D" },
    { "class d felony", "felony-D" },
    { "D felony", "felony-D" },
    { "Felony D", "felony-D" },
    { "Felony Class D", "felony-D" },
    { "  Class   E   Felony ", "felony-E" },
    { "M-A", "misdemeanor-A" },
    { "m_b", "misdemeanor-B" },
    { "F-E", "felony-E" },
    { "FD", "felony-D" },
    { "MA", "misdemeanor-A" },
    { "misd. C", "misdemeanor-C" },
    { "Class A Misdemeanor", "misdemeanor-A" },
    { "Infraction", "infraction" },
    { "D", NULL },
    { "felony", NULL },
    { "Class E Misdemeanor", NULL },
    { "Felony F", NULL },
    { "felony D B", NULL },
    { "felony misdemeanor A", NULL },
    { "infraction A", NULL },
    { "DF", NULL },
    { "", NULL },
    { "felony-d ", "felony-D" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PenalClass klass = PENAL_N_CLASSES;
      gboolean parsed = penal_class_parse_typed (cases[i].typed, &klass);

      if (cases[i].code == NULL)
        {
          if (parsed)
            g_error ("“%s” was taken as %s", cases[i].typed,
                     penal_class_to_code (klass));
          continue;
        }
      if (!parsed)
        g_error ("“%s” was refused", cases[i].typed);
      g_assert_cmpstr (penal_class_to_code (klass), ==, cases[i].code);
    }
}

/* LANGUAGE as penal passes it on: only languages it ships (po/LINGUAS:
 * es), English ending the list as "C", anything else skipped. */
static void
test_language_filter (void)
{
  static const struct
  {
    const char *requested;
    const char *passed; /* NULL: nothing usable */
  } cases[] = {
    { "es", "es" },
    { "es_MX.UTF-8", "es" },
    { "es_MX.UTF-8@euro:es", "es" },
    { "fr:es", "es" },
    { "../x:es", "es" },
    { "es:en:fr", "es" },
    { "en:es", "C" },
    { "C", "C" },
    { "fr", NULL },
    { "../es", NULL },
    { "es/../es", NULL },
    { "", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *passed = penal_language_filter (cases[i].requested);

      g_assert_cmpstr (passed, ==, cases[i].passed);
    }
  g_assert_true (penal_language_is_shipped ("en"));
  g_assert_true (penal_language_is_shipped ("es"));
  g_assert_false (penal_language_is_shipped ("es_MX"));
  g_assert_false (penal_language_is_shipped (""));
}

static const PenalTestFunc tests[] = {
  { "/units/dates/agree-1900-2100", test_dates_agree },
  { "/units/class/typed", test_class_typed },
  { "/units/dates/refuse-alike", test_dates_refuse_alike },
  { "/units/dates/from-exports", test_dates_from_exports },
  { "/units/regions/cut-at-rule-bounds", test_regions_cut_at_rule_bounds },
  { "/units/outcome/equal", test_outcome_equal },
  { "/units/language/filter", test_language_filter },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
