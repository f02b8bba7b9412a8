/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore-what-if.c: penal what-if on the real binary: how the outcome
 * moves as one fact moves, each range checked against the statute files
 * and against `penal classify` at both of its ends, in JSON and in words;
 * tests headed "Regression" pin answers penal once got wrong. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-explore.h"
#include "penal-test-register.h"
#include "penal-test-run.h"

/* ------------------------------------------------------------------ */
/* what-if                                                              */

/* `penal what-if ARGS` in JSON, once it is checked that it varies VARY
 * and gives N_RANGES ranges. */
static JsonObject *
what_if_json (JsonParser *parser, const char *const *args, const char *vary,
              guint n_ranges)
{
  JsonObject *root = explore_json (parser, args);

  g_assert_cmpstr (penal_test_string_or_null (root, "vary"), ==, vary);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "ranges")), ==,
      n_ranges);
  return root;
}

/* The same, its ranges. */
static JsonArray *
what_if_ranges (JsonParser *parser, const char *const *args, const char *vary,
                guint n_ranges)
{
  return json_object_get_array_member (
      what_if_json (parser, args, vary, n_ranges), "ranges");
}

/* The ranges prior_prostitution_offenses should fall into: none, one, and
 * two or more, which make a persistent offender (RSMo 567.110 and
 * 567.010(2)); the domain is 0 to 999 (statutes/facts.xml). */
static const gint64 priors_bounds[][2] = { { 0, 0 }, { 1, 1 }, { 2, 999 } };

static void
assert_priors_ranges (JsonArray *ranges)
{
  for (guint r = 0; r < G_N_ELEMENTS (priors_bounds); r++)
    {
      JsonObject *range = penal_test_object_at (ranges, r);

      g_assert_cmpint (json_object_get_int_member (range, "min"), ==,
                       priors_bounds[r][0]);
      g_assert_cmpint (json_object_get_int_member (range, "max"), ==,
                       priors_bounds[r][1]);
    }
}

/* `penal classify` for an adult of 30 patronized on DATE by someone with
 * PRIORS prior findings of guilt. */
static JsonObject *
classify_adult_patronized (JsonParser *parser, const char *date, gint64 priors)
{
  g_autofree char *when = g_strdup_printf ("offense_date=%s", date);
  g_autofree char *prior_offenses = g_strdup_printf (
      "prior_prostitution_offenses=%" G_GINT64_FORMAT, priors);
  const char *const facts[]
      = { "offense=patronizing", "victim_age=30", when, prior_offenses, NULL };

  return classify_json (parser, facts);
}

/* `penal what-if` for an adult of 30 patronized on DATE, as the prior
 * findings of guilt vary. */
static GStrv
vary_priors (const char *date)
{
  g_autofree char *when = g_strdup_printf ("offense_date=%s", date);
  const char *const args[] = { "what-if",
                               "offense=patronizing",
                               "victim_age=30",
                               when,
                               "--vary",
                               "prior_prostitution_offenses",
                               NULL };

  return g_strdupv ((char **)args);
}

/* victim_age across 0-120 on 1 January 2024: rules_2018, and no
 * diversion for a minor (kc-diversion.xml: "not involving a minor",
 * KCTV5, 22 February 2019). */
static void
test_what_if_victim_age (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "what-if", "offense=patronizing", "offense_date=2024-01-01",
          "--vary",  "victim_age",          NULL };
  static const PenalTestString root_strings[] = {
    { "offense", "patronizing" },
    { "statute", "RSMo 567.030" },
    { "offense_date", "2024-01-01" },
  };
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonArray *ranges;

  if (!penal_test_have_binary ())
    return;
  root = what_if_json (parser, args, "victim_age", 3);
  penal_test_assert_strings (root, root_strings, G_N_ELEMENTS (root_strings));
  g_assert_cmpuint (
      json_object_get_size (json_object_get_object_member (root, "facts")), ==,
      0);
  ranges = json_object_get_array_member (root, "ranges");
  for (guint r = 0; r < 3; r++)
    {
      JsonObject *range = penal_test_object_at (ranges, r);
      const PenalTestString strings[] = {
        { "status", "decided" },
        { "class", rules_2018[r].klass },
        { "citation", rules_2018[r].tier->citation },
        { "version", "mo-567.030-2018" },
        { "imprisonment_max", rules_2018[r].imprisonment_max },
      };

      assert_tier (range, &rules_2018[r]);
      penal_test_assert_strings (range, strings, G_N_ELEMENTS (strings));
      g_assert_cmpint (json_object_get_int_member (range, "fine_max_usd"), ==,
                       rules_2018[r].fine_max_usd);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                            range, "candidate_versions")),
                        ==, 0);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                            range, "enhancements")),
                        ==, 0);
    }
  g_assert_false (json_object_get_boolean_member (
      penal_test_object_at (ranges, 0), "diversion_eligible"));
  g_assert_false (json_object_get_boolean_member (
      penal_test_object_at (ranges, 1), "diversion_eligible"));
  /* An adult patronized: diversion turns on prior offenses, not given. */
  penal_test_assert_member_null (penal_test_object_at (ranges, 2),
                                 "diversion_eligible");

  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (g_str_has_prefix (
      out, "Patronizing prostitution (RSMo 567.030), offense committed on "
           "1 January 2024, as victim_age (age in years of the individual "
           "patronized) varies:\n"));
  /* Under eighteen, the person patronized is referred (567.030's
   * referral rule). */
  penal_test_assert_contains (out, "  0–14 → class D felony, up to 7 years, "
                                   "fine up to $10,000 [RSMo 567.030.4]; "
                                   "no diversion; refer to: National Human "
                                   "Trafficking Hotline, Veronica's Voice, "
                                   "Kansas City\n");
  penal_test_assert_contains (out, "  15–17 → class E felony, up to 4 years, "
                                   "fine up to $10,000 [RSMo 567.030.3]; "
                                   "no diversion; refer to: National Human "
                                   "Trafficking Hotline, Veronica's Voice, "
                                   "Kansas City\n");
  penal_test_assert_contains (
      out, "  18+ → class B misdemeanor, up to 6 months, fine up to $1,000 "
           "[RSMo 567.030.3]\n");
}

/* defendant_age for prostitution on 1 March 2024: the class stays a class
 * B misdemeanor (RSMo 567.020.2), but under eighteen RSMo 567.020.5 (in
 * force from 28 August 2022) protects the person and calls for a referral,
 * and the treatment route of 567.020.4 is for adults (an inference from
 * 567.020.5): two ranges, split at 18, where the class alone would give
 * one. */
static void
test_what_if_defendant_age (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "what-if",
                               "offense=prostitution",
                               "knew_hiv=no",
                               "prior_prostitution_offenses=0",
                               "offense_date=2024-03-01",
                               "--vary",
                               "defendant_age",
                               NULL };
  g_autofree char *out = NULL;
  JsonArray *ranges, *protections, *routes;
  JsonObject *minor, *adult;

  if (!penal_test_have_binary ())
    return;
  ranges = what_if_ranges (parser, args, "defendant_age", 2);
  minor = penal_test_object_at (ranges, 0);
  adult = penal_test_object_at (ranges, 1);
  g_assert_cmpint (json_object_get_int_member (minor, "max"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (adult, "min"), ==, 18);
  g_assert_cmpstr (penal_test_string_or_null (minor, "class"), ==,
                   "misdemeanor-B");
  g_assert_cmpstr (penal_test_string_or_null (adult, "class"), ==,
                   "misdemeanor-B");
  protections = json_object_get_array_member (minor, "protections");
  g_assert_cmpuint (json_array_get_length (protections), ==, 1);
  g_assert_true (json_object_get_boolean_member (
      penal_test_object_at (protections, 0), "applies"));
  g_assert_cmpstr (penal_test_string_or_null (
                       penal_test_object_at (protections, 0), "citation"),
                   ==, "RSMo 567.020.5");
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (minor, "referrals")),
      >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        minor, "court_discretion")),
                    ==, 0);
  routes = json_object_get_array_member (adult, "court_discretion");
  g_assert_cmpuint (json_array_get_length (routes), ==, 1);
  g_assert_cmpstr (
      penal_test_string_or_null (penal_test_object_at (routes, 0), "citation"),
      ==, "RSMo 567.020.4");
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (adult, "protections")),
                    ==, 0);

  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (
      out, "  0–17 → class B misdemeanor, up to 6 months, fine up to $1,000 "
           "[RSMo 567.020.2]; no diversion; protection applies: Protection "
           "of a person under eighteen charged with prostitution "
           "[RSMo 567.020.5]; refer to: National Human Trafficking Hotline");
  penal_test_assert_contains (
      out, "  18+ → class B misdemeanor, up to 6 months, fine up to $1,000 "
           "[RSMo 567.020.2]; no diversion; the court may allow: Treatment "
           "program, then withdrawal of the plea [RSMo 567.020.4]\n");
}

/* What-if's text for a person patronized under eighteen: no diversion,
 * and the referral 567.030's rules call for. */
#define REFERRED                                                               \
  "; no diversion; refer to: National Human Trafficking Hotline, "             \
  "Veronica's Voice, Kansas City\n"

/* offense_date across time for a person patronized aged 16: the ranges
 * end exactly at the version boundaries of mo-567-030.xml
 * (../shared/research/findings-2026-11-30.md, section 1) and the era
 * boundaries of mo-penalties.xml:
 * - until 31 December 1978: no version held (the code of 1977 took effect
 *   on 1 January 1979);
 * - 1979 to 27 August 2004: one class B misdemeanor, and no figures held
 *   before 2004 (mo-penalties.xml), split where other parts of the answer
 *   change: from 28 August 1996 the table of RSMo 558.011 before 2017 may
 *   have been in force (its start is uncertain: SB 700), and from 28
 *   August 1997 penal holds RSMo 567.110 (the Patrol's date);
 * - 28 August 2004 to 31 December 2016: class A misdemeanor, $1,000 (RSMo
 *   560.016);
 * - 1 January 2017 to 27 August 2018: class A misdemeanor, $2,000
 *   (558.002.1(2));
 * - from 28 August 2018: class E felony, up to 4 years (558.011.1(5)),
 *   $10,000 (558.002.1(1)). */
static void
test_what_if_offense_date (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "what-if", "offense=patronizing", "victim_age=16",
          "--vary",  "offense_date",        NULL };
  const struct
  {
    const char *from, *to, *status, *klass, *version, *max;
    gint64 fine;
  } expected[] = {
    { NULL, "1978-12-31", "no-version", NULL, NULL, NULL, -1 },
    { "1979-01-01", "1996-08-27", "decided", "misdemeanor-B", "mo-567.030-1979",
      NULL, -1 },
    { "1996-08-28", "1997-08-27", "decided", "misdemeanor-B", "mo-567.030-1979",
      NULL, -1 },
    { "1997-08-28", "2004-08-27", "decided", "misdemeanor-B", "mo-567.030-1979",
      NULL, -1 },
    { "2004-08-28", "2016-12-31", "decided", "misdemeanor-A", "mo-567.030-2004",
      "P1Y", 1000 },
    { "2017-01-01", "2018-08-27", "decided", "misdemeanor-A", "mo-567.030-2017",
      "P1Y", 2000 },
    { "2018-08-28", NULL, "decided", "felony-E", "mo-567.030-2018", "P4Y",
      10000 },
  };
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonArray *ranges;

  if (!penal_test_have_binary ())
    return;
  root = what_if_json (parser, args, "offense_date", G_N_ELEMENTS (expected));
  penal_test_assert_member_null (root, "offense_date");
  g_assert_cmpstr (
      penal_test_string_or_null (json_object_get_object_member (root, "facts"),
                                 "victim_age"),
      ==, "16");
  ranges = json_object_get_array_member (root, "ranges");
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      JsonObject *range = penal_test_object_at (ranges, r);
      const PenalTestString strings[] = {
        { "from", expected[r].from },
        { "to", expected[r].to },
        { "status", expected[r].status },
        { "class", expected[r].klass },
        { "version", expected[r].version },
        { "imprisonment_max", expected[r].max },
      };

      penal_test_assert_strings (range, strings, G_N_ELEMENTS (strings));
      if (expected[r].fine < 0)
        penal_test_assert_member_null (range, "fine_max_usd");
      else
        g_assert_cmpint (json_object_get_int_member (range, "fine_max_usd"), ==,
                         expected[r].fine);
    }
  /* No figures before 2004: no table held before 28 August 1996, an
   * uncertain one from then; none to speak of before 1979. */
  g_assert_false (json_object_get_boolean_member (
      penal_test_object_at (ranges, 1), "penalty_established"));
  g_assert_cmpstr (penal_test_string_or_null (penal_test_object_at (ranges, 1),
                                              "penalty_state"),
                   ==, "not-held");
  g_assert_cmpstr (penal_test_string_or_null (penal_test_object_at (ranges, 2),
                                              "penalty_state"),
                   ==, "uncertain");
  g_assert_true (json_object_get_boolean_member (
      penal_test_object_at (ranges, 4), "penalty_established"));
  /* RSMo 567.110: no version held before 28 August 1997. */
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_object_at (
              json_object_get_array_member (penal_test_object_at (ranges, 2),
                                            "enhancements"),
              0),
          "status"),
      ==, "no-version");
  penal_test_assert_member_null (penal_test_object_at (ranges, 0),
                                 "diversion_eligible");

  /* Each range agrees with classify at both of its ends (an open end: a
   * date far beyond the nearest boundary). */
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      const char *ends[]
          = { expected[r].from != NULL ? expected[r].from : "1890-01-01",
              expected[r].to != NULL ? expected[r].to : "2100-01-01" };

      for (guint e = 0; e < 2; e++)
        {
          g_autoptr (JsonParser) one = json_parser_new ();
          JsonObject *answer = classify_patronizing (one, 16, ends[e]);

          g_assert_cmpstr (penal_test_string_or_null (answer, "status"), ==,
                           expected[r].status);
          g_assert_cmpstr (penal_test_string_or_null (answer, "class"), ==,
                           expected[r].klass);
          if (expected[r].version != NULL)
            g_assert_cmpstr (
                penal_test_string_or_null (
                    json_object_get_object_member (answer, "version"), "id"),
                ==, expected[r].version);
        }
    }

  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (g_str_has_prefix (
      out,
      "Patronizing prostitution (RSMo 567.030), as the offense date varies:\n"
      "  with victim_age=16\n"));
  penal_test_assert_contains (
      out, "  ..1978-12-31 → penal holds no version in force then\n");
  penal_test_assert_contains (
      out, "  1979-01-01..1996-08-27 → class B misdemeanor, term and fine not "
           "established [RSMo 567.030]; RSMo 567.110: penal holds no version "
           "in force then" REFERRED);
  penal_test_assert_contains (
      out, "  1996-08-28..1997-08-27 → class B misdemeanor, term and fine not "
           "established: which penalty table was in force is uncertain "
           "[RSMo 567.030]; RSMo 567.110: penal holds no version in force "
           "then" REFERRED);
  penal_test_assert_contains (
      out, "  1997-08-28..2004-08-27 → class B misdemeanor, term and fine not "
           "established: which penalty table was in force is uncertain "
           "[RSMo 567.030]" REFERRED);
  penal_test_assert_contains (
      out, "  2004-08-28..2016-12-31 → class A misdemeanor, up to 1 year, fine "
           "up to $1,000 [RSMo 567.030.3]" REFERRED);
  penal_test_assert_contains (out,
                              "  2017-01-01..2018-08-27 → class A misdemeanor, "
                              "up to 1 year, fine up to $2,000 "
                              "[RSMo 567.030.3]" REFERRED);
  penal_test_assert_contains (
      out, "  2018-08-28.. → class E felony, up to 4 years, fine up to $10,000 "
           "[RSMo 567.030.3]" REFERRED);
}

/* prior_prostitution_offenses for an adult patronized on 1 June 2018:
 * Kansas City's programs take first-time offenders (kc-diversion.xml:
 * KCTV5, 22 February 2019, describes Johnz School then), so diversion is
 * open at 0 and closed from 1; two or more prior findings make a persistent
 * prostitution offender, a class E felony (RSMo 567.110 and 567.010(2),
 * text in force in 2024, mo-567-110.xml).  The offense itself stays a
 * class B misdemeanor, up to 6 months, $1,000 (rules_2018). */
static void
test_what_if_priors (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) args = vary_priors ("2018-06-01");
  const gboolean eligible[] = { TRUE, FALSE, FALSE };
  /* Each range: the offense itself (rules_2018). */
  static const PenalTestString range_strings[] = {
    { "status", "decided" },
    { "class", "misdemeanor-B" },
    { "citation", "RSMo 567.030.3" },
    { "imprisonment_max", "P6M" },
  };
  /* The enhancement from two prior findings (RSMo 567.110). */
  static const PenalTestString persistent_strings[] = {
    { "id", "persistent-offender" },
    { "class", "felony-E" },
    { "citation", "RSMo 567.110" },
  };
  g_autofree char *out = NULL;
  JsonArray *ranges, *enhancements;

  if (!penal_test_have_binary ())
    return;
  ranges = what_if_ranges (parser, (const char *const *)args,
                           "prior_prostitution_offenses", 3);
  assert_priors_ranges (ranges);
  for (guint r = 0; r < 3; r++)
    {
      JsonObject *range = penal_test_object_at (ranges, r);

      penal_test_assert_strings (range, range_strings,
                                 G_N_ELEMENTS (range_strings));
      g_assert_cmpint (json_object_get_int_member (range, "fine_max_usd"), ==,
                       1000);
      g_assert_true (
          json_object_get_boolean_member (range, "diversion_eligible")
          == eligible[r]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                            range, "enhancements")),
                        ==, r == 2 ? 1 : 0);
    }
  enhancements = json_object_get_array_member (penal_test_object_at (ranges, 2),
                                               "enhancements");
  penal_test_assert_strings (penal_test_object_at (enhancements, 0),
                             persistent_strings,
                             G_N_ELEMENTS (persistent_strings));

  /* classify agrees at both ends of each range. */
  for (guint r = 0; r < 3; r++)
    for (guint e = 0; e < 2; e++)
      {
        g_autoptr (JsonParser) one = json_parser_new ();
        JsonObject *answer = classify_adult_patronized (one, "2018-06-01",
                                                        priors_bounds[r][e]);
        JsonObject *persistent = penal_test_find_by_id (
            json_object_get_array_member (answer, "enhancements"),
            "persistent-offender");

        g_assert_cmpstr (penal_test_string_or_null (answer, "class"), ==,
                         "misdemeanor-B");
        g_assert_true (
            json_object_get_boolean_member (
                json_object_get_object_member (answer, "diversion"), "eligible")
            == eligible[r]);
        g_assert_true (json_object_get_boolean_member (persistent, "applies")
                       == (r == 2));
        g_assert_cmpstr (penal_test_string_or_null (persistent, "class"), ==,
                         r == 2 ? "felony-E" : NULL);
      }

  out = penal_test_run_text (NULL, "C", (const char *const *)args);
  penal_test_assert_contains (out, "  with victim_age=30\n");
  penal_test_assert_contains (out, "  0 → class B misdemeanor, up to 6 months, "
                                   "fine up to $1,000 [RSMo 567.030.3]; "
                                   "diversion open\n");
  penal_test_assert_contains (out, "  1 → class B misdemeanor, up to 6 months, "
                                   "fine up to $1,000 [RSMo 567.030.3]; "
                                   "no diversion\n");
  penal_test_assert_contains (
      out, "  2+ → class B misdemeanor, up to 6 months, fine up to $1,000 "
           "[RSMo 567.030.3]; "
           "may be charged as Persistent prostitution offender: class E felony "
           "[RSMo 567.110]; no diversion\n");
}

/* Every victim_age range agrees with classify at both of its ends, on a
 * date under each version and in the open window. */
static void
test_what_if_agrees_with_classify (void)
{
  const char *dates[] = { "2000-01-01", "2016-06-01", "2017-02-01",
                          "2018-08-27", "2020-01-01", "2024-01-01" };

  if (!penal_test_have_binary ())
    return;
  for (gsize d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autofree char *date = g_strdup_printf ("offense_date=%s", dates[d]);
      const char *const args[] = { "what-if", "offense=patronizing", date,
                                   "--vary",  "victim_age",          NULL };
      JsonArray *ranges = json_object_get_array_member (
          explore_json (parser, args), "ranges");
      gint64 next = 0;

      g_assert_cmpuint (json_array_get_length (ranges), >, 0);
      for (guint r = 0; r < json_array_get_length (ranges); r++)
        {
          JsonObject *range = penal_test_object_at (ranges, r);
          gint64 ends[] = { json_object_get_int_member (range, "min"),
                            json_object_get_int_member (range, "max") };

          /* The ranges tile 0-120 (statutes/facts.xml) in order. */
          g_assert_cmpint (ends[0], ==, next);
          g_assert_cmpint (ends[1], >=, ends[0]);
          next = ends[1] + 1;
          for (guint e = 0; e < 2; e++)
            {
              g_autoptr (JsonParser) one = json_parser_new ();
              JsonObject *answer
                  = classify_patronizing (one, ends[e], dates[d]);

              g_assert_cmpstr (penal_test_string_or_null (answer, "status"), ==,
                               penal_test_string_or_null (range, "status"));
              g_assert_cmpstr (penal_test_string_or_null (answer, "class"), ==,
                               penal_test_string_or_null (range, "class"));
              if (g_strcmp0 (penal_test_string_or_null (range, "status"),
                             "decided")
                  == 0)
                {
                  g_assert_cmpstr (
                      penal_test_string_or_null (answer, "citation"), ==,
                      penal_test_string_or_null (range, "citation"));
                  g_assert_cmpstr (
                      penal_test_string_or_null (
                          json_object_get_object_member (answer, "version"),
                          "id"),
                      ==, penal_test_string_or_null (range, "version"));
                  g_assert_cmpint (json_object_get_boolean_member (
                                       answer, "penalty_established"),
                                   ==,
                                   json_object_get_boolean_member (
                                       range, "penalty_established"));
                  if (json_object_get_boolean_member (range,
                                                      "penalty_established"))
                    {
                      g_assert_cmpstr (penal_test_string_or_null (
                                           json_object_get_object_member (
                                               answer, "imprisonment"),
                                           "max"),
                                       ==,
                                       penal_test_string_or_null (
                                           range, "imprisonment_max"));
                      g_assert_cmpint (
                          json_object_get_int_member (
                              json_object_get_object_member (answer, "fine"),
                              "max_usd"),
                          ==,
                          json_object_get_int_member (range, "fine_max_usd"));
                    }
                }
              else
                {
                  JsonArray *mine = json_object_get_array_member (
                      range, "candidate_versions");
                  JsonArray *theirs
                      = json_object_get_array_member (answer, "candidates");

                  g_assert_cmpuint (json_array_get_length (mine), ==,
                                    json_array_get_length (theirs));
                  for (guint c = 0; c < json_array_get_length (mine); c++)
                    {
                      g_assert_cmpstr (
                          penal_test_string_or_null (
                              penal_test_object_at (mine, c), "class"),
                          ==,
                          penal_test_string_or_null (
                              penal_test_object_at (theirs, c), "class"));
                      g_assert_cmpstr (
                          penal_test_string_or_null (
                              penal_test_object_at (mine, c), "version"),
                          ==,
                          penal_test_string_or_null (
                              json_object_get_object_member (
                                  penal_test_object_at (theirs, c), "version"),
                              "id"));
                    }
                }
            }
        }
      g_assert_cmpint (next, ==, 121);
    }
}

static void
test_what_if_errors (void)
{
  const char *const no_vary[]
      = { "what-if", "offense=patronizing", "offense_date=2024-01-01", NULL };
  const char *const unknown[]
      = { "what-if", "offense=patronizing", "--vary", "colour", NULL };
  const char *const offense[]
      = { "what-if", "offense=patronizing", "--vary", "offense", NULL };
  const char *const both[]
      = { "what-if", "offense=patronizing", "victim_age=16",
          "--vary",  "victim_age",          NULL };
  const char *const both_date[]
      = { "what-if", "offense=patronizing", "offense_date=2024-01-01",
          "--vary",  "offense_date",        NULL };
  const char *const hiv[]
      = { "what-if", "offense=patronizing", "--vary", "knew_hiv", NULL };
  const char *const age[]
      = { "what-if", "offense=prostitution", "--vary", "victim_age", NULL };
  const char *const no_offense[]
      = { "what-if", "offense_date=2024-01-01", "--vary", "victim_age", NULL };
  const char *const bad_value[]
      = { "what-if", "offense=patronizing", "victim_age=abc",
          "--vary",  "offense_date",        NULL };
  const char *const csv[] = { "what-if",    "offense=patronizing", "--vary",
                              "victim_age", "--format=csv",        NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_assert_usage_error (
      no_vary, "what-if: say which fact to vary, for example: "
               "penal what-if offense=patronizing "
               "--vary victim_age");
  penal_test_assert_usage_error (
      unknown, "--vary: “colour” is not a fact that can vary; give one "
               "of offense_date, victim_age, "
               "knew_hiv, prior_prostitution_offenses, defendant_age");
  penal_test_assert_usage_error (
      offense, "--vary: “offense” is not a fact that can vary");
  penal_test_assert_usage_error (
      both,
      "what-if: victim_age is given and also varied; leave out victim_age=…");
  penal_test_assert_usage_error (
      both_date, "what-if: offense_date is given and also varied");
  /* RSMo 567.030 turns on the age of the person patronized, never on HIV
   * (mo-567-030.xml); 567.020 never on that age (mo-567-020.xml). */
  penal_test_assert_usage_error (
      hiv, "what-if: RSMo 567.030 does not depend on knew_hiv, "
           "so varying it changes nothing");
  penal_test_assert_usage_error (
      age, "what-if: RSMo 567.020 does not depend on victim_age");
  penal_test_assert_usage_error (
      no_offense, "what-if: name the offense, for example offense=patronizing");
  penal_test_assert_usage_error (bad_value, "victim_age: “abc” is not valid");
  penal_test_assert_usage_error (
      csv, "--format: unknown format “csv”; use text or json");
}

/* Regression: what-if drops the minimum term.  RSMo 558.011.1(2) (both
 * tables of mo-penalties.xml): a class B felony is 5 to 15 years.  penal
 * what-if offense=prostitution offense_date=2024-01-01 --vary knew_hiv says
 * "yes → class B felony, up to 15 years [RSMo 567.020.2]", and its JSON has
 * no imprisonment_min; show and diff say "from 5 to 15 years".
 * Skipped while the bug is present. */
static void
test_what_if_minimum_term (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "what-if",
                               "offense=prostitution",
                               "offense_date=2024-01-01",
                               "--vary",
                               "knew_hiv",
                               NULL };
  g_autofree char *out = NULL;
  JsonArray *ranges;
  JsonObject *felony;

  if (!penal_test_have_binary ())
    return;
  ranges = what_if_ranges (parser, args, "knew_hiv", 2);
  /* RSMo 567.020.2 (revisor, from 28 August 2022): class B misdemeanor,
   * 558.011.1(7) 6 months, 558.002.1(3) $1,000; or class B felony with
   * knowledge of HIV (assert_hiv_felony). */
  g_assert_cmpstr (
      penal_test_string_or_null (penal_test_object_at (ranges, 0), "range"), ==,
      "no");
  g_assert_cmpstr (
      penal_test_string_or_null (penal_test_object_at (ranges, 0), "class"), ==,
      "misdemeanor-B");
  g_assert_cmpint (json_object_get_int_member (penal_test_object_at (ranges, 0),
                                               "fine_max_usd"),
                   ==, 1000);
  felony = penal_test_object_at (ranges, 1);
  g_assert_cmpstr (penal_test_string_or_null (felony, "range"), ==, "yes");
  assert_hiv_felony (felony);

  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (
      out, "  yes → class B felony, from 5 to 15 years [RSMo 567.020.2]");
}

/* Regression: before 2017, what-if merges one prior finding with two or
 * more, though the answers differ there: RSMo 567.110 (mo-567-110.xml,
 * version until 31 December 2016) makes a person with two or more prior
 * findings a persistent prostitution offender, its class before 2017 not
 * established (research/missouri-law.md, "RSMo 567.110": open), and does
 * not apply with one (567.010(2)).  classify says so ("applies": false at 1,
 * null at 2), but penal what-if offense=patronizing victim_age=30
 * offense_date=2016-06-01 --vary prior_prostitution_offenses gives one
 * range "1+", because an enhancement with no class is left out of the
 * comparison.  Expected: 0, 1 and 2+.  Skipped while the bug is present. */
static void
test_what_if_priors_before_2017 (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) args = vary_priors ("2016-06-01");
  JsonArray *ranges;

  if (!penal_test_have_binary ())
    return;
  /* The answers differ between 1 and 2. */
  for (gint64 priors = 1; priors <= 2; priors++)
    {
      g_autoptr (JsonParser) one = json_parser_new ();
      JsonObject *persistent = penal_test_find_by_id (
          json_object_get_array_member (
              classify_adult_patronized (one, "2016-06-01", priors),
              "enhancements"),
          "persistent-offender");

      /* A persistent offender was a class D felony until 2016 (the Highway
       * Patrol's codes 21025 and 567.030-002Y199740, 1997-08-28 to
       * 2016-12-31). */
      if (priors == 1)
        {
          g_assert_false (
              json_object_get_boolean_member (persistent, "applies"));
          penal_test_assert_member_null (persistent, "class");
        }
      else
        {
          g_assert_true (
              json_object_get_boolean_member (persistent, "applies"));
          g_assert_cmpstr (penal_test_string_or_null (persistent, "class"), ==,
                           "felony-D");
        }
    }

  ranges = json_object_get_array_member (
      explore_json (parser, (const char *const *)args), "ranges");
  /* Class B misdemeanor, $500 under the table until 2016 (RSMo 560.016),
   * whatever the priors. */
  for (guint r = 0; r < json_array_get_length (ranges); r++)
    {
      g_assert_cmpstr (
          penal_test_string_or_null (penal_test_object_at (ranges, r), "class"),
          ==, "misdemeanor-B");
      g_assert_cmpint (json_object_get_int_member (
                           penal_test_object_at (ranges, r), "fine_max_usd"),
                       ==, 500);
    }
  g_assert_true (json_object_get_boolean_member (
      penal_test_object_at (ranges, 0), "diversion_eligible"));
  g_assert_cmpuint (json_array_get_length (ranges), ==, 3);
  assert_priors_ranges (ranges);
}

static const PenalTestFunc tests[] = {
  { "/explore/what-if/defendant-age", test_what_if_defendant_age },
  { "/explore/what-if/victim-age", test_what_if_victim_age },
  { "/explore/what-if/offense-date", test_what_if_offense_date },
  { "/explore/what-if/priors", test_what_if_priors },
  { "/explore/what-if/agrees-with-classify",
    test_what_if_agrees_with_classify },
  { "/explore/what-if/errors", test_what_if_errors },
  { "/explore/what-if/minimum-term", test_what_if_minimum_term },
  { "/explore/what-if/priors-before-2017", test_what_if_priors_before_2017 },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
