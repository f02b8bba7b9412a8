/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c: the real penal binary's answers: classify in JSON and in text
 * (diversion included), verify, and statutes read from a directory, with
 * stdout, stderr and the status checked exactly (cli-exit.c has the
 * errors, help and version). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

/* research/missouri-law.md, "Until 2016-12-31" and "RSMo 567.030": a person
 * patronized aged 14 or younger gave a class D felony (567.030.4); up to 4
 * years (558.011.1(4)), up to 1 year in the county jail (558.011.2), fine up
 * to $5,000 or double the gain, at most $20,000 (560.011, secondary).  The
 * tiers date from 2004-08-28, and the Highway Patrol's code for this one
 * until 2016-12-31 is 567.030-001Y200440, legacy 21022 (its charge-code
 * table, edition of 5 August 2021). */
static void
test_json_patronizing_2016 (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify",      "--format=json",           "offense=patronizing",
          "victim_age=14", "offense_date=2016-06-01", NULL };
  static const PenalTestString strings[] = {
    { "status", "decided" },
    { "jurisdiction", "US-MO" },
    { "offense", "patronizing" },
    { "offense_date", "2016-06-01" },
    { "citation", "RSMo 567.030.4" },
    { "class", "felony-D" },
    { "basis", "official-record" },
    { "version/from", "2004-08-28" },
    { "version/to", "2016-12-31" },
    { "version/basis", "official-record" },
    { "penalty_reason", NULL },
    { "charge_codes/0/code", "567.030-001Y200440" },
    { "charge_codes/0/legacy", "21022" },
    { "charge_codes/0/edition", "2021-08-05" },
    { "charge_codes/0/sex_offender_registration", NULL },
    { "imprisonment/min", NULL },
    { "imprisonment/max", "P4Y" },
    { "imprisonment/county_jail_alternative", "P1Y" },
    { "imprisonment/basis", "statute-text" },
    { "fine/basis", "secondary" },
  };
  JsonObject *root, *code, *fine, *gain;
  JsonArray *trace, *sources;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  penal_test_assert_strings (root, strings, G_N_ELEMENTS (strings));
  g_assert_true (json_object_get_boolean_member (root, "penalty_established"));
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (root, "charge_codes")),
                    ==, 1);
  code = penal_test_object_path (root, "charge_codes/0");
  g_assert_false (json_object_get_boolean_member (code, "after_edition"));
  g_assert_true (json_object_get_boolean_member (code, "fingerprints"));
  g_assert_false (json_object_get_boolean_member (
      penal_test_object_path (root, "imprisonment"), "life"));

  fine = json_object_get_object_member (root, "fine");
  g_assert_cmpint (json_object_get_int_member (fine, "max_usd"), ==, 5000);
  gain = json_object_get_object_member (fine, "gain_alternative");
  g_assert_cmpint (json_object_get_int_member (gain, "multiple"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (gain, "cap_usd"), ==, 20000);

  trace = json_object_get_array_member (root, "trace");
  g_assert_cmpuint (json_array_get_length (trace), >=, 4);
  for (guint i = 0; i < json_array_get_length (trace); i++)
    {
      JsonObject *step = json_array_get_object_element (trace, i);
      g_assert_true (json_object_has_member (step, "citation"));
      g_assert_cmpstr (json_object_get_string_member (step, "text"), !=, "");
    }
  {
    gboolean cited = FALSE;

    for (guint i = 0; i < json_array_get_length (trace); i++)
      cited |= g_strcmp0 (
                   json_object_get_string_member (
                       json_array_get_object_element (trace, i), "citation"),
                   "RSMo 567.030.4")
               == 0;
    g_assert_true (cited);
  }

  sources = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (sources), >, 0);
  g_assert_true (json_object_has_member (
      json_array_get_object_element (sources, 0), "url"));
  g_assert_true (json_object_has_member (
      json_array_get_object_element (sources, 0), "citation"));
}

/* research/missouri-law.md, "RSMo 567.020" and "From 2017-01-01": with
 * knowledge of HIV a class B felony, 5 to 15 years, no fine listed. */
static void
test_json_prostitution_hiv (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify",     "--format=json",           "offense=prostitution",
          "knew_hiv=yes", "offense_date=2025-03-01", NULL };
  static const PenalTestString strings[] = {
    { "class", "felony-B" },
    { "citation", "RSMo 567.020.2" },
    { "imprisonment/min", "P5Y" },
    { "imprisonment/max", "P15Y" },
    { "imprisonment/county_jail_alternative", NULL },
  };
  JsonObject *root, *fine;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  penal_test_assert_strings (root, strings, G_N_ELEMENTS (strings));
  fine = penal_test_object_path (root, "fine");
  penal_test_assert_member_null (fine, "max_usd");
  penal_test_assert_member_null (fine, "gain_alternative");
}

/* research/missouri-law.md, "RSMo 567.030", text in force by 2024. */
static void
test_json_needs_facts (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify", "--format=json", "offense=patronizing",
          "offense_date=2025-01-01", NULL };
  static const struct
  {
    gint64 min, max;
    const char *klass;
  } expected[] = {
    { 0, 14, "felony-D" },
    { 15, 17, "felony-E" },
    { 18, 120, "misdemeanor-B" },
  };
  JsonObject *root;
  JsonArray *missing, *possible;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "needs-facts");
  penal_test_assert_member_null (root, "class");
  missing = json_object_get_array_member (root, "missing");
  g_assert_cmpuint (json_array_get_length (missing), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (missing, 0), ==,
                   "victim_age");
  possible = json_object_get_array_member (root, "possible");
  g_assert_cmpuint (json_array_get_length (possible), ==,
                    G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *entry = json_array_get_object_element (possible, i);
      JsonObject *when = json_object_get_object_member (entry, "when");
      g_assert_cmpstr (json_object_get_string_member (when, "fact"), ==,
                       "victim_age");
      g_assert_cmpint (json_object_get_int_member (when, "min"), ==,
                       expected[i].min);
      g_assert_cmpint (json_object_get_int_member (when, "max"), ==,
                       expected[i].max);
      g_assert_cmpstr (json_object_get_string_member (entry, "class"), ==,
                       expected[i].klass);
    }
}

/* A version whose start no source establishes (the fictional statute of
 * tests/data/valid-uncertain-window.xml): inside the window, where the
 * candidates disagree, both are shown. */
static void
test_json_ambiguous (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *fixture = g_test_build_filename (
      G_TEST_DIST, "data", "valid-uncertain-window.xml", NULL);
  const char *const args[] = { "classify",
                               "--format=json",
                               "--statutes",
                               fixture,
                               "offense=test-offense",
                               "person_age=16",
                               "offense_date=2020-05-01",
                               NULL };
  JsonObject *root;
  JsonArray *candidates;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "ambiguous");
  penal_test_assert_member_null (root, "class");
  g_assert_cmpstr (json_object_get_string_member (root, "reason"), !=, "");
  candidates = json_object_get_array_member (root, "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (candidates, 0), "class"),
                   ==, "misdemeanor-A");
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (candidates, 1), "class"),
                   ==, "felony-E");
}

/* Before the criminal code of 1977 took effect (1 January 1979; RSMo
 * 560.021, L. 1977 S.B. 60) penal holds no version of RSMo 567.030, and says
 * so rather than answering from the nearest version. */
static void
test_json_no_version (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify",      "--format=json",           "offense=patronizing",
          "victim_age=16", "offense_date=1890-05-01", NULL };
  JsonObject *root;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "no-version");
  penal_test_assert_member_null (root, "class");
  penal_test_assert_member_null (root, "version");
  penal_test_assert_contains (
      json_object_get_string_member (root, "explanation"),
      "penal holds no version of RSMo 567.030 in force on 1 May 1890");
}

static void
test_json_default_date_is_today (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) before = g_date_time_new_now_local ();
  g_autoptr (GDateTime) after = NULL;
  g_autofree char *today_before = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *today_after = NULL;
  const char *const args[] = { "classify", "--format=json",
                               "offense=patronizing", "victim_age=30", NULL };
  const char *date;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  after = g_date_time_new_now_local ();
  today_after = g_date_time_format (after, "%Y-%m-%d");
  g_assert_cmpint (run.exit_code, ==, 0);
  date = json_object_get_string_member (
      penal_test_parse_object (parser, run.out), "offense_date");
  /* Around midnight the run may straddle two days. */
  if (g_strcmp0 (date, today_after) != 0)
    g_assert_cmpstr (date, ==, today_before);
}

/* The same figures as the JSON test, as prose. */
static void
test_text_answer (void)
{
  g_autofree char *out = NULL;
  const char *const args[]
      = { "classify", "offense=patronizing", "victim_age=14",
          "offense_date=2016-06-01", NULL };

  if (!penal_test_have_binary ())
    return;
  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains_each (
      out,
      "Patronizing prostitution (RSMo 567.030), offense committed on 1 June "
      "2016:",
      "Class: class D felony [RSMo 567.030.4]",
      "Imprisonment: up to 4 years. [RSMo 558.011.1(4)]",
      "up to 1 year in the county jail. [RSMo 558.011.2]",
      "Fine: up to $5,000.",
      /* RSMo 560.011 (Missouri Bar § 27.16): "up to double the gain, at
       * most $20,000". */
      "the court may fine up to double the offender's gain from the "
      "offense, at most $20,000.",
      "(basis: secondary source) [RSMo 560.011]", NULL);
}

/* The "diversion" part of the JSON answer: seed 004 and KCTV5 (2019) in
 * research/missouri-law.md, "Diversion (Kansas City)": Johnz School and
 * OAR are open to first-time offenders when no minor was involved. */

/* What classify's JSON says of diversion for one case: whether it is open
 * (1, 0, or -1 for null), how many programs it lists and what each cites,
 * the fact it still needs and the first referral's phone (NULL: none). */
typedef struct
{
  const char *name;
  const char *facts[5];
  int eligible;
  guint n_programs;
  const char *citations[2]; /* NULL: not checked */
  const char *missing;
  const char *referral;
} DiversionCase;

static const DiversionCase diversion_cases[] = {
  /* Johnz School and OAR are supported by no statute but by a source each:
   * KCTV5 of 22 February 2019 and the 2016 article on OAR.  JSON keeps each
   * source's citation with its date as the statute file writes it (the
   * text names it by a label: test_text_diversion). */
  { "eligible",
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=0",
      "offense_date=2016-06-01" },
    1,
    2,
    { "KCTV5, on Veronica's Voice and Johnz School, 2019-02-22",
      "Article on Missouri prostitution law, project seed 004, on the OAR "
      "program, 2016" },
    NULL,
    NULL },
  /* Johnz School is described about 2016 and in February 2019, OAR about
   * 2016 only (KCTV5, 22 February 2019; seed 004): for an offense in 2024
   * whether either ran is not established, so eligibility is unknown with
   * nothing more to ask, never "eligible". */
  { "not-established",
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=0",
      "offense_date=2024-06-01" },
    -1,
    2,
    { NULL },
    NULL,
    NULL },
  { "prior-offense",
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=1",
      "offense_date=2016-06-01" },
    0,
    2,
    { NULL },
    NULL,
    NULL },
  /* A minor patronized: no diversion, and the National Human Trafficking
   * Hotline, 1-888-373-7888 (seed 001), is given. */
  { "minor",
    { "offense=patronizing", "victim_age=16", "prior_prostitution_offenses=0",
      "offense_date=2016-06-01" },
    0,
    2,
    { NULL },
    NULL,
    "1-888-373-7888" },
  { "unknown",
    { "offense=patronizing", "victim_age=30", "offense_date=2016-06-01" },
    -1,
    2,
    { NULL },
    "prior_prostitution_offenses",
    NULL },
  /* Prostitution has no diversion program; RSMo 567.020.4's treatment
   * route is the court's to allow, listed apart. */
  { "prostitution",
    { "offense=prostitution", "knew_hiv=no", "defendant_age=30",
      "offense_date=2024-06-01" },
    0,
    0,
    { NULL },
    NULL,
    NULL },
};

static void
test_json_diversion (gconstpointer data)
{
  const DiversionCase *c = data;
  const char *args[G_N_ELEMENTS (c->facts) + 3]
      = { "classify", "--format=json" };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *diversion;
  JsonArray *list;

  if (!penal_test_have_binary ())
    return;
  for (guint f = 0; c->facts[f] != NULL; f++)
    args[2 + f] = c->facts[f];
  diversion = json_object_get_object_member (
      penal_test_run_json (parser, (const char *const *)args), "diversion");
  g_assert_nonnull (diversion);
  if (c->eligible < 0)
    penal_test_assert_member_null (diversion, "eligible");
  else
    g_assert_cmpint (json_object_get_boolean_member (diversion, "eligible"), ==,
                     c->eligible);
  list = json_object_get_array_member (diversion, "programs");
  g_assert_cmpuint (json_array_get_length (list), ==, c->n_programs);
  for (guint p = 0; p < G_N_ELEMENTS (c->citations); p++)
    if (c->citations[p] != NULL)
      g_assert_cmpstr (penal_test_string_or_null (
                           penal_test_object_at (list, p), "citation"),
                       ==, c->citations[p]);
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (diversion, "reasons")),
                    >=, 1);
  list = json_object_get_array_member (diversion, "missing");
  g_assert_cmpuint (json_array_get_length (list), ==,
                    c->missing != NULL ? 1 : 0);
  if (c->missing != NULL)
    g_assert_cmpstr (json_array_get_string_element (list, 0), ==, c->missing);
  list = json_object_get_array_member (diversion, "referrals");
  if (c->referral == NULL)
    g_assert_cmpuint (json_array_get_length (list), ==, 0);
  else
    {
      g_assert_cmpuint (json_array_get_length (list), >=, 1);
      g_assert_cmpstr (json_object_get_string_member (
                           json_array_get_object_element (list, 0), "phone"),
                       ==, c->referral);
    }
}

static void
test_text_diversion (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[] = { "classify",
                               "offense=patronizing",
                               "victim_age=30",
                               "prior_prostitution_offenses=0",
                               "offense_date=2016-06-01",
                               NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains (run.out, "Diversion: open.\n");
  penal_test_assert_contains (
      run.out, "  Johnz School (Veronica's Voice; Kansas City, Missouri: "
               "charges prosecuted in its municipal court): eligible.");
  penal_test_assert_contains (run.out, "Next steps:\n");
  /* A source a rule cites is named by its label and its date, written as
   * every other date (KCTV5, 22 February 2019; the 2016 article on OAR). */
  penal_test_assert_contains (
      run.out, "(basis: secondary source) [KCTV5, 22 February 2019]\n");
  penal_test_assert_contains (
      run.out,
      "(basis: secondary source) [Article on the OAR program, 2016]\n");
  penal_test_assert_lacks (run.out, "2019-02-22");
  penal_test_assert_lacks (run.out, "project seed 004");
}

/* penal verify proves the bundled statutes sound and says what it proved. */
static void
test_verify_bundled (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) json = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "verify", NULL };
  const char *const json_args[] = { "verify", "--format=json", NULL };
  JsonObject *root;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  penal_test_assert_contains (
      run.out, "Sound: 2 offenses, 1 enhancement and 6 programs;");
  penal_test_assert_contains (
      run.out, "  no overlap: no two rules decide the same case\n");
  penal_test_assert_contains (run.out,
                              "  monotone severity: 1 declared order, holding "
                              "in every version it covers (4 versions)\n");

  penal_test_run (&json, NULL, "C", json_args);
  g_assert_cmpint (json.exit_code, ==, 0);
  root = penal_test_parse_object (parser, json.out);
  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "sound");
  g_assert_cmpint (json_object_get_int_member (root, "offenses"), ==, 2);
  /* RSMo 567.030's change of 2018 is dated (the Revisor's list and the
   * Highway Patrol's codes agree on 28 August 2018), so no bundled change
   * of version is uncertain any more. */
  g_assert_cmpint (json_object_get_int_member (root, "uncertain_changes"), ==,
                   0);
}

/* An unsound file is refused with FILE:LINE and a concrete case, exit 65,
 * nothing on standard output. */
static void
test_verify_unsound (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "data", "fail-rule-gap.xml", NULL);
  const char *const args[] = { "verify", file, NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  penal_test_assert_contains (
      run.err, "fail-rule-gap.xml:36: version zz-900.010-new has a gap: no "
               "rule decides person_age=18, offense_date=2016-01-01\n");
}

/* --statutes with a copy of the bundled statutes answers the same. */
static void
test_statutes_directory (void)
{
  g_auto (PenalTestRun) bundled = { 0 };
  g_auto (PenalTestRun) directory = { 0 };
  const char *dir = g_getenv ("PENAL_STATUTES");
  const char *const bundled_args[]
      = { "classify",      "--format=json",           "offense=patronizing",
          "victim_age=30", "offense_date=2025-01-01", NULL };
  const char *const directory_args[] = { "classify",
                                         "--format=json",
                                         "--statutes",
                                         dir,
                                         "offense=patronizing",
                                         "victim_age=30",
                                         "offense_date=2025-01-01",
                                         NULL };

  if (!penal_test_have_binary ())
    return;
  if (dir == NULL)
    {
      g_test_skip ("PENAL_STATUTES is set by make check");
      return;
    }
  penal_test_run (&bundled, NULL, "C", bundled_args);
  penal_test_run (&directory, NULL, "C", directory_args);
  g_assert_cmpint (directory.exit_code, ==, 0);
  g_assert_cmpstr (directory.err, ==, "");
  /* Only the file names in the sources could differ, and they are not
   * part of the answer. */
  g_assert_cmpstr (directory.out, ==, bundled.out);
}

static const PenalTestFunc tests[] = {
  { "/cli/json/patronizing-2016", test_json_patronizing_2016 },
  { "/cli/json/prostitution-hiv", test_json_prostitution_hiv },
  { "/cli/json/needs-facts", test_json_needs_facts },
  { "/cli/json/ambiguous", test_json_ambiguous },
  { "/cli/json/no-version", test_json_no_version },
  { "/cli/json/default-date-is-today", test_json_default_date_is_today },
  { "/cli/text/answer", test_text_answer },
  { "/cli/verify/bundled", test_verify_bundled },
  { "/cli/verify/unsound", test_verify_unsound },
  { "/cli/text/diversion", test_text_diversion },
  { "/cli/statutes-directory", test_statutes_directory },
};

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  PENAL_TEST_ADD_FUNCS (tests);
  PENAL_TEST_ADD_CASES ("/cli/json/diversion", diversion_cases,
                        test_json_diversion);
  return g_test_run ();
}
