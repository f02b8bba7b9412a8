/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-explore.c: the figures of RSMo 567.030 that the tests of the
 * exploring commands check, with their sources, and the checks they share
 * (penal-test-explore.h). */
#include "config.h"

#include "penal-test-explore.h"
#include "penal-test-run.h"

/* The command ARGS (NULL-terminated, no --format) in JSON: ARGS with
 * --format=json added, so that a test can run the same ARGS in words. */
JsonObject *
explore_json (JsonParser *parser, const char *const *args)
{
  g_autoptr (GPtrArray) with_format = g_ptr_array_new ();

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (with_format, (gpointer)args[i]);
  g_ptr_array_add (with_format, (gpointer) "--format=json");
  g_ptr_array_add (with_format, NULL);
  return penal_test_run_json (parser, (const char *const *)with_format->pdata);
}

/* `penal classify --format=json` with the facts given (NULL-terminated). */
JsonObject *
classify_json (JsonParser *parser, const char *const *facts)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "classify");
  for (guint i = 0; facts[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)facts[i]);
  g_ptr_array_add (args, NULL);
  return explore_json (parser, (const char *const *)args->pdata);
}

/* `penal COMMAND test-offense` on 1 January 2020, in the uncertain window
 * of the fictional statute of tests/data/valid-uncertain-window.xml (its
 * newer version took effect some day from 14 February 2017 to 11 March
 * 2023), with FORMAT (--format=…) unless NULL. */
GStrv
window_args (const char *command, const char *format)
{
  g_autofree char *fixture = g_test_build_filename (
      G_TEST_DIST, "data", "valid-uncertain-window.xml", NULL);
  const char *const args[] = { command, "test-offense",      "--statutes",
                               fixture, "--date=2020-01-01", format,
                               NULL };

  return g_strdupv ((char **)args);
}

/* The versions that show or tree ARGS (window_args) give in JSON: both
 * candidates, the older first, neither certainly in force. */
JsonArray *
window_versions (JsonParser *parser, const char *const *args)
{
  JsonArray *versions
      = json_object_get_array_member (explore_json (parser, args), "versions");

  g_assert_cmpuint (json_array_get_length (versions), ==, 2);
  assert_shown_version (penal_test_object_at (versions, 0), "zz-900.030-old",
                        FALSE);
  assert_shown_version (penal_test_object_at (versions, 1), "zz-900.030-new",
                        FALSE);
  return versions;
}

/* The class `penal classify` gives for patronizing at one age and date,
 * with its citation, version, maximum term and maximum fine. */
JsonObject *
classify_patronizing (JsonParser *parser, gint64 victim_age, const char *date)
{
  g_autofree char *age
      = g_strdup_printf ("victim_age=%" G_GINT64_FORMAT, victim_age);
  g_autofree char *when = g_strdup_printf ("offense_date=%s", date);
  const char *const facts[] = { "offense=patronizing", age, when, NULL };

  return classify_json (parser, facts);
}

/* The age tiers of RSMo 567.030 from 28 August 2004 on, in every version
 * since (the Highway Patrol's codes; HB 1706 (2024) prints the text of
 * 2018): 567.030.4 for 14 or younger, 567.030.3 for 15 to 17 ("less than
 * eighteen ... but older than fourteen") and for 18 or older; the ages
 * run to 120 (statutes/facts.xml). */
const ExpectedTier age_tiers[3] = {
  { "RSMo 567.030.4", 0, 14, "0–14" },
  { "RSMo 567.030.3", 15, 17, "15–17" },
  { "RSMo 567.030.3", 18, 120, "18+" },
};

/* RSMo 567.030 with the age tiers of 28 August 2004, until 31 December 2016
 * (mo-567-030.xml, basis official record: the Highway Patrol's charge codes
 * 21022, 21027 and 21029, edition of 5 August 2021), under the table until
 * 31 December 2016 (mo-penalties.xml: RSMo 558.011
 * until 31 December 2016, verbatim; fines by RSMo 560.011 and 560.016,
 * Missouri Bar, Criminal Practice 2012 Supp. § 27.16, secondary):
 * - 567.030.4, 14 or younger: class D felony; 558.011.1(4) up to 4 years,
 *   558.011.2 county jail up to 1 year, 560.011 fine up to $5,000;
 * - 567.030.3, 15 to 17: class A misdemeanor; 558.011.1(5) up to 1 year,
 *   560.016 fine up to $1,000;
 * - 567.030.3, 18 or older: class B misdemeanor; 558.011.1(6) up to 6
 *   months, 560.016 fine up to $500. */
const ExpectedRule rules_2004[3] = {
  { &age_tiers[0], "felony-D", "P4Y", "P1Y", 5000, "RSMo 558.011.1(4)" },
  { &age_tiers[1], "misdemeanor-A", "P1Y", NULL, 1000, "RSMo 558.011.1(5)" },
  { &age_tiers[2], "misdemeanor-B", "P6M", NULL, 500, "RSMo 558.011.1(6)" },
};

/* RSMo 567.030 as revised by SB 491, from 1 January 2017 to 27 August 2018
 * (the Patrol's codes 567.030-001Y201740 and 21027; Columbia Missourian, 13
 * February 2017, on SB 341, secondary: class E felony for 14 or younger,
 * class A misdemeanor for 15 to 17), under the table from
 * 1 January 2017 (RSMo 558.011 effective 1 January 2017, revisor, and RSMo
 * 558.002, verbatim):
 * - 567.030.4: class E felony; 558.011.1(5) up to 4 years, 558.011.2 county
 *   jail up to 1 year, 558.002.1(1) fine up to $10,000;
 * - 567.030.3, 15 to 17: class A misdemeanor; 558.011.1(6) up to 1 year,
 *   558.002.1(2) fine up to $2,000;
 * - 567.030.3, 18 or older: class B misdemeanor; 558.011.1(7) up to 6
 *   months, 558.002.1(3) fine up to $1,000. */
const ExpectedRule sb491_rules[3] = {
  { &age_tiers[0], "felony-E", "P4Y", "P1Y", 10000, "RSMo 558.011.1(5)" },
  { &age_tiers[1], "misdemeanor-A", "P1Y", NULL, 2000, "RSMo 558.011.1(6)" },
  { &age_tiers[2], "misdemeanor-B", "P6M", NULL, 1000, "RSMo 558.011.1(7)" },
};

/* RSMo 567.030 from 28 August 2018 (HB 1706 (2024) prints the text, statute
 * text; the date from the Revisor's list of 16 September 2021 and the
 * Patrol's codes), under the table from 1 January 2017 (RSMo 558.011 and
 * 558.002, statute text):
 * - 567.030.4, 14 or younger: class D felony; 558.011.1(4) up to 7 years,
 *   558.011.2 county jail up to 1 year, 558.002.1(1) fine up to $10,000;
 * - 567.030.3, 15 to 17 ("less than eighteen ... but older than
 *   fourteen"): class E felony; 558.011.1(5) up to 4 years, 558.011.2 up to
 *   1 year, 558.002.1(1) up to $10,000;
 * - 567.030.3, 18 or older: class B misdemeanor; 558.011.1(7) up to 6
 *   months, 558.002.1(3) up to $1,000. */
const ExpectedRule rules_2018[3] = {
  { &age_tiers[0], "felony-D", "P7Y", "P1Y", 10000, "RSMo 558.011.1(4)" },
  { &age_tiers[1], "felony-E", "P4Y", "P1Y", 10000, "RSMo 558.011.1(5)" },
  { &age_tiers[2], "misdemeanor-B", "P6M", NULL, 1000, "RSMo 558.011.1(7)" },
};

/* A condition, branch or range on victim_age against the age tier of the
 * expected rule. */
void
assert_tier (JsonObject *object, const ExpectedRule *expected)
{
  g_assert_cmpint (json_object_get_int_member (object, "min"), ==,
                   expected->tier->min);
  g_assert_cmpint (json_object_get_int_member (object, "max"), ==,
                   expected->tier->max);
  g_assert_cmpstr (penal_test_string_or_null (object, "range"), ==,
                   expected->tier->range);
}

/* An entry of the versions show and tree give: the version's id, and
 * whether it was certainly in force on the date asked. */
void
assert_shown_version (JsonObject *entry, const char *id,
                      gboolean certainly_in_force)
{
  g_assert_cmpstr (penal_test_string_or_null (
                       json_object_get_object_member (entry, "version"), "id"),
                   ==, id);
  g_assert_cmpint (json_object_get_boolean_member (entry, "certainly_in_force"),
                   ==, certainly_in_force);
}

/* A rule outcome object (show, tree, diff) against the expected rule. */
void
assert_outcome (JsonObject *outcome, const ExpectedRule *expected,
                const char *era)
{
  const PenalTestString strings[] = {
    { "kind", "class" },
    { "class", expected->klass },
    { "citation", expected->tier->citation },
    { "imprisonment_min", NULL },
    { "imprisonment_max", expected->imprisonment_max },
    { "county_jail_max", expected->county_jail_max },
    { "penalty_citation", expected->penalty_citation },
    { "era", era },
  };

  penal_test_assert_strings (outcome, strings, G_N_ELEMENTS (strings));
  g_assert_false (json_object_get_boolean_member (outcome, "life"));
  g_assert_cmpint (json_object_get_int_member (outcome, "fine_max_usd"), ==,
                   expected->fine_max_usd);
}

/* The subsections of a shown version of RSMo 567.030 that cite 567.030.4
 * (one rule) and 567.030.3 (two rules), each rule's condition and outcome;
 * where the text is held, those subsections carry its words. */
void
assert_subsections (JsonObject *shown, const ExpectedRule expected[3],
                    const char *era)
{
  JsonArray *subsections = json_object_get_array_member (shown, "subsections");
  const char *citations[] = { "RSMo 567.030.4", "RSMo 567.030.3" };
  const guint first[] = { 0, 1 };
  const guint rules_in[] = { 1, 2 };
  gboolean text_held
      = !JSON_NODE_HOLDS_NULL (json_object_get_member (shown, "text"));

  for (guint c = 0; c < 2; c++)
    {
      JsonObject *subsection = NULL;
      JsonArray *rules;

      for (guint s = 0; s < json_array_get_length (subsections); s++)
        if (g_strcmp0 (penal_test_string_or_null (
                           penal_test_object_at (subsections, s), "citation"),
                       citations[c])
            == 0)
          subsection = penal_test_object_at (subsections, s);
      g_assert_nonnull (subsection);
      g_assert_cmpint (penal_test_string_or_null (subsection, "text") != NULL,
                       ==, text_held);
      rules = json_object_get_array_member (subsection, "rules");
      g_assert_cmpuint (json_array_get_length (rules), ==, rules_in[c]);
      for (guint r = 0; r < rules_in[c]; r++)
        {
          const ExpectedRule *want = &expected[first[c] + r];
          JsonObject *rule = penal_test_object_at (rules, r);
          JsonArray *when = json_object_get_array_member (rule, "when");
          JsonObject *condition = penal_test_object_at (when, 0);

          g_assert_cmpstr (want->tier->citation, ==, citations[c]);
          g_assert_cmpuint (json_array_get_length (when), ==, 1);
          g_assert_cmpstr (penal_test_string_or_null (condition, "fact"), ==,
                           "victim_age");
          assert_tier (condition, want);
          g_assert_nonnull (penal_test_string_or_null (rule, "explain"));
          assert_outcome (json_object_get_object_member (rule, "outcome"), want,
                          era);
        }
    }
}

/* statutes/mo-567-030.xml (../shared/research/findings-2026-11-30.md,
 * sections 1 and 4): one class B misdemeanor from the code of 1977 (in
 * force 1 January 1979) to 27 August 2004; the age tiers of 28 August 2004
 * to 31 December 2016 (the Highway Patrol's codes); SB 491's tiers from
 * 1 January 2017 to 27 August 2018; the tiers of 28 August 2018 (the
 * Revisor's list and the Patrol's codes), whose text HB 1706 (2024) prints.
 * No boundary is uncertain: to-earliest equals to, from-latest equals
 * from. */
const ExpectedVersion patronizing_versions[4] = {
  { "mo-567.030-1979", "1979-01-01", "1979-01-01", "2004-08-27", "2004-08-27",
    "official-record" },
  { "mo-567.030-2004", "2004-08-28", "2004-08-28", "2016-12-31", "2016-12-31",
    "official-record" },
  { "mo-567.030-2017", "2017-01-01", "2017-01-01", "2018-08-27", "2018-08-27",
    "official-record" },
  { "mo-567.030-2018", "2018-08-28", "2018-08-28", NULL, NULL, "statute-text" },
};

void
assert_version (JsonObject *version, const ExpectedVersion *expected)
{
  const PenalTestString strings[] = {
    { "id", expected->id },
    { "from", expected->from },
    { "from_latest", expected->from_latest },
    { "to_earliest", expected->to_earliest },
    { "to", expected->to },
    { "basis", expected->basis },
  };

  penal_test_assert_strings (version, strings, G_N_ELEMENTS (strings));
  g_assert_nonnull (penal_test_string_or_null (version, "title"));
}

/* RSMo 567.020.2 (revisor, from 28 August 2022) with knowledge of HIV: a
 * class B felony, 558.011.1(2) 5 to 15 years (in both tables of
 * mo-penalties.xml), no fine listed (558.002.1); an outcome or a what-if
 * range against it. */
void
assert_hiv_felony (JsonObject *outcome)
{
  static const PenalTestString strings[] = {
    { "class", "felony-B" },
    { "citation", "RSMo 567.020.2" },
    { "imprisonment_min", "P5Y" },
    { "imprisonment_max", "P15Y" },
  };

  penal_test_assert_strings (outcome, strings, G_N_ELEMENTS (strings));
  penal_test_assert_member_null (outcome, "fine_max_usd");
}
