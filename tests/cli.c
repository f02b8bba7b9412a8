/* cli.c: the real penal binary: its text and JSON answers and every exit
 * code, with stdout, stderr and the status checked exactly. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-run.h"

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_node_type (json_parser_get_root (parser)), ==,
                   JSON_NODE_OBJECT);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_member_null (JsonObject *object, const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (json_object_get_null_member (object, member));
}

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
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify",      "--format=json",           "offense=patronizing",
          "victim_age=14", "offense_date=2016-06-01", NULL };
  JsonObject *root, *version, *imprisonment, *fine, *gain;
  JsonArray *trace, *sources;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_object (parser, run.out);

  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "decided");
  g_assert_cmpstr (json_object_get_string_member (root, "jurisdiction"), ==,
                   "US-MO");
  g_assert_cmpstr (json_object_get_string_member (root, "offense"), ==,
                   "patronizing");
  g_assert_cmpstr (json_object_get_string_member (root, "offense_date"), ==,
                   "2016-06-01");
  g_assert_cmpstr (json_object_get_string_member (root, "citation"), ==,
                   "RSMo 567.030.4");
  g_assert_cmpstr (json_object_get_string_member (root, "class"), ==,
                   "felony-D");

  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "basis"), ==,
                   "official-record");
  version = json_object_get_object_member (root, "version");
  g_assert_cmpstr (json_object_get_string_member (version, "from"), ==,
                   "2004-08-28");
  g_assert_cmpstr (json_object_get_string_member (version, "to"), ==,
                   "2016-12-31");
  g_assert_cmpstr (json_object_get_string_member (version, "basis"), ==,
                   "official-record");
  g_assert_true (json_object_get_boolean_member (root, "penalty_established"));
  assert_member_null (root, "penalty_reason");
  {
    JsonArray *codes = json_object_get_array_member (root, "charge_codes");
    JsonObject *code;

    g_assert_cmpuint (json_array_get_length (codes), ==, 1);
    code = json_array_get_object_element (codes, 0);
    g_assert_cmpstr (json_object_get_string_member (code, "code"), ==,
                     "567.030-001Y200440");
    g_assert_cmpstr (json_object_get_string_member (code, "legacy"), ==,
                     "21022");
    g_assert_cmpstr (json_object_get_string_member (code, "edition"), ==,
                     "2021-08-05");
    g_assert_false (json_object_get_boolean_member (code, "after_edition"));
    g_assert_true (json_object_get_boolean_member (code, "fingerprints"));
    assert_member_null (code, "sex_offender_registration");
  }

  imprisonment = json_object_get_object_member (root, "imprisonment");
  assert_member_null (imprisonment, "min");
  g_assert_cmpstr (json_object_get_string_member (imprisonment, "max"), ==,
                   "P4Y");
  g_assert_false (json_object_get_boolean_member (imprisonment, "life"));
  g_assert_cmpstr (
      json_object_get_string_member (imprisonment, "county_jail_alternative"),
      ==, "P1Y");
  g_assert_cmpstr (json_object_get_string_member (imprisonment, "basis"), ==,
                   "statute-text");

  fine = json_object_get_object_member (root, "fine");
  g_assert_cmpint (json_object_get_int_member (fine, "max_usd"), ==, 5000);
  g_assert_cmpstr (json_object_get_string_member (fine, "basis"), ==,
                   "secondary");
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
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify",     "--format=json",           "offense=prostitution",
          "knew_hiv=yes", "offense_date=2025-03-01", NULL };
  JsonObject *root, *imprisonment, *fine;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "class"), ==,
                   "felony-B");
  g_assert_cmpstr (json_object_get_string_member (root, "citation"), ==,
                   "RSMo 567.020.2");
  imprisonment = json_object_get_object_member (root, "imprisonment");
  g_assert_cmpstr (json_object_get_string_member (imprisonment, "min"), ==,
                   "P5Y");
  g_assert_cmpstr (json_object_get_string_member (imprisonment, "max"), ==,
                   "P15Y");
  assert_member_null (imprisonment, "county_jail_alternative");
  fine = json_object_get_object_member (root, "fine");
  assert_member_null (fine, "max_usd");
  assert_member_null (fine, "gain_alternative");
}

/* research/missouri-law.md, "RSMo 567.030", text in force by 2024. */
static void
test_json_needs_facts (void)
{
  g_auto (PenalTestRun) run = { 0 };
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
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "needs-facts");
  assert_member_null (root, "class");
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
  g_auto (PenalTestRun) run = { 0 };
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
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "ambiguous");
  assert_member_null (root, "class");
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
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "classify",      "--format=json",           "offense=patronizing",
          "victim_age=16", "offense_date=1890-05-01", NULL };
  JsonObject *root;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "no-version");
  assert_member_null (root, "class");
  assert_member_null (root, "version");
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
  date = json_object_get_string_member (parse_object (parser, run.out),
                                        "offense_date");
  /* Around midnight the run may straddle two days. */
  if (g_strcmp0 (date, today_after) != 0)
    g_assert_cmpstr (date, ==, today_before);
}

/* The same figures as the JSON test, as prose. */
static void
test_text_answer (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[]
      = { "classify", "offense=patronizing", "victim_age=14",
          "offense_date=2016-06-01", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  penal_test_assert_contains (run.out,
                              "Patronizing prostitution (RSMo 567.030), "
                              "offense committed on 1 June 2016:");
  penal_test_assert_contains (run.out,
                              "Class: class D felony [RSMo 567.030.4]");
  penal_test_assert_contains (
      run.out, "Imprisonment: up to 4 years. [RSMo 558.011.1(4)]");
  penal_test_assert_contains (
      run.out, "up to 1 year in the county jail. [RSMo 558.011.2]");
  penal_test_assert_contains (run.out, "Fine: up to $5,000.");
  /* RSMo 560.011 (Missouri Bar § 27.16): "up to double the gain, at most
   * $20,000". */
  penal_test_assert_contains (run.out, "the court may fine up to double the "
                                       "offender's gain from the offense, "
                                       "at most $20,000.");
  penal_test_assert_contains (run.out,
                              "(basis: secondary source) [RSMo 560.011]");
}

/* The "diversion" part of the JSON answer: seed 004 and KCTV5 (2019) in
 * research/missouri-law.md, "Diversion (Kansas City)": Johnz School and
 * OAR are open to first-time offenders when no minor was involved. */
static void
assert_diversion (const char *const *args,
                  int eligible, /* 1, 0, or -1 for null */
                  guint n_programs,
                  const char *missing,  /* NULL: none missing */
                  const char *referral) /* NULL: no referral */
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *diversion;
  JsonArray *list;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  root = parse_object (parser, run.out);
  diversion = json_object_get_object_member (root, "diversion");
  g_assert_nonnull (diversion);
  if (eligible < 0)
    assert_member_null (diversion, "eligible");
  else
    g_assert_cmpint (json_object_get_boolean_member (diversion, "eligible"), ==,
                     eligible);
  list = json_object_get_array_member (diversion, "programs");
  g_assert_cmpuint (json_array_get_length (list), ==, n_programs);
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (diversion, "reasons")),
                    >=, 1);
  list = json_object_get_array_member (diversion, "missing");
  g_assert_cmpuint (json_array_get_length (list), ==, missing != NULL ? 1 : 0);
  if (missing != NULL)
    g_assert_cmpstr (json_array_get_string_element (list, 0), ==, missing);
  list = json_object_get_array_member (diversion, "referrals");
  if (referral == NULL)
    g_assert_cmpuint (json_array_get_length (list), ==, 0);
  else
    {
      g_assert_cmpuint (json_array_get_length (list), >=, 1);
      g_assert_cmpstr (json_object_get_string_member (
                           json_array_get_object_element (list, 0), "phone"),
                       ==, referral);
    }
}

/* Johnz School and OAR are supported by no statute but by a source each:
 * KCTV5 of 22 February 2019 and the 2016 article on OAR.  JSON keeps each
 * source's citation with its date as the statute file writes it (the text
 * names it by a label: test_text_diversion). */
static void
test_json_diversion_eligible (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "classify",
                               "--format=json",
                               "offense=patronizing",
                               "victim_age=30",
                               "prior_prostitution_offenses=0",
                               "offense_date=2016-06-01",
                               NULL };
  JsonArray *programs;

  assert_diversion (args, 1, 2, NULL, NULL);
  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  programs = json_object_get_array_member (
      json_object_get_object_member (parse_object (parser, run.out),
                                     "diversion"),
      "programs");
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (programs, 0), "citation"),
                   ==,
                   "KCTV5, on Veronica's Voice and Johnz School, 2019-02-22");
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (programs, 1), "citation"),
      ==,
      "Article on Missouri prostitution law, project seed 004, on the OAR "
      "program, 2016");
}

static void
test_json_diversion_prior (void)
{
  const char *const args[] = { "classify",
                               "--format=json",
                               "offense=patronizing",
                               "victim_age=30",
                               "prior_prostitution_offenses=1",
                               "offense_date=2016-06-01",
                               NULL };
  assert_diversion (args, 0, 2, NULL, NULL);
}

/* A minor patronized: no diversion, and the National Human Trafficking
 * Hotline, 1-888-373-7888 (seed 001), is given. */
static void
test_json_diversion_minor (void)
{
  const char *const args[] = { "classify",
                               "--format=json",
                               "offense=patronizing",
                               "victim_age=16",
                               "prior_prostitution_offenses=0",
                               "offense_date=2016-06-01",
                               NULL };
  assert_diversion (args, 0, 2, NULL, "1-888-373-7888");
}

static void
test_json_diversion_unknown (void)
{
  const char *const args[]
      = { "classify",      "--format=json",           "offense=patronizing",
          "victim_age=30", "offense_date=2016-06-01", NULL };
  assert_diversion (args, -1, 2, "prior_prostitution_offenses", NULL);
}

/* Johnz School is described about 2016 and in February 2019, OAR about
 * 2016 only (KCTV5, 22 February 2019; seed 004): for an offense in 2024
 * whether either ran is not established, so eligibility is unknown with
 * nothing more to ask, never "eligible". */
static void
test_json_diversion_not_established (void)
{
  const char *const args[] = { "classify",
                               "--format=json",
                               "offense=patronizing",
                               "victim_age=30",
                               "prior_prostitution_offenses=0",
                               "offense_date=2024-06-01",
                               NULL };
  assert_diversion (args, -1, 2, NULL, NULL);
}

/* Prostitution has no diversion program; RSMo 567.020.4's treatment route
 * is the court's to allow, listed apart. */
static void
test_json_diversion_prostitution (void)
{
  const char *const args[]
      = { "classify",    "--format=json",    "offense=prostitution",
          "knew_hiv=no", "defendant_age=30", "offense_date=2024-06-01",
          NULL };
  assert_diversion (args, 0, 0, NULL, NULL);
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
  root = parse_object (parser, json.out);
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

typedef struct
{
  const char *name;
  const char *args[8];
  int exit_code;
  const char *message; /* part of the one-line error */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "unknown-fact",
    { "classify", "offense=patronizing", "victim_agee=3", NULL },
    64,
    "penal: unknown fact “victim_agee”" },
  { "malformed-number",
    { "classify", "offense=patronizing", "victim_age=abc", NULL },
    64,
    "penal: victim_age: “abc” is not valid; give a whole number from 0 to "
    "120" },
  { "negative-age",
    { "classify", "offense=patronizing", "victim_age=-3", NULL },
    64,
    "penal: victim_age: “-3” is out of range; give a whole number from 0 to "
    "120" },
  { "huge-number",
    { "classify", "offense=patronizing", "victim_age=99999999999999999999999",
      NULL },
    64,
    "penal: victim_age: “99999999999999999999999” is out of range" },
  { "impossible-date",
    { "classify", "offense=patronizing", "offense_date=2016-02-30", NULL },
    64,
    "penal: offense_date: “2016-02-30” is not valid; give a calendar date "
    "written YYYY-MM-DD" },
  { "bad-boolean",
    { "classify", "offense=prostitution", "knew_hiv=maybe", NULL },
    64,
    "penal: knew_hiv: “maybe” is not valid; give yes or no" },
  { "unknown-offense",
    { "classify", "offense=murder", NULL },
    64,
    "penal: offense: “murder” is not valid; give one of prostitution, "
    "patronizing" },
  { "not-applicable",
    { "classify", "offense=patronizing", "knew_hiv=yes", NULL },
    64,
    "penal: knew_hiv: does not apply to the offense patronizing" },
  { "given-twice",
    { "classify", "offense=patronizing", "victim_age=3", "victim_age=4", NULL },
    64,
    "penal: victim_age: given more than once" },
  { "not-an-assignment",
    { "classify", "offense=patronizing", "sixteen", NULL },
    64,
    "penal: “sixteen” is not a fact; write NAME=VALUE" },
  { "unknown-format",
    { "--format=xml", "classify", "offense=patronizing", NULL },
    64,
    "penal: --format: unknown format “xml”; use text or json" },
  { "unknown-command",
    { "judge", NULL },
    64,
    "penal: unknown command “judge”" },
  { "unknown-option",
    { "classify", "--frobnicate", NULL },
    64,
    "penal: classify: unknown option --frobnicate (try penal help classify)" },
  /* An option of another command is refused, never silently ignored. */
  { "foreign-option",
    { "classify", "offense=patronizing", "--vary", "victim_age", NULL },
    64,
    "penal: classify: unknown option --vary (try penal help classify)" },
  { "date-option",
    { "classify", "--date=2016-06-01", "offense=patronizing", NULL },
    64,
    "penal: classify: unknown option --date; give the offense date as "
    "offense_date=YYYY-MM-DD "
    "(try penal help classify)" },
  { "help-unknown-command",
    { "help", "judge", NULL },
    64,
    "penal: unknown command “judge” (try penal help)" },
  { "no-command", { NULL }, 64, "Usage:" },
  { "missing-statutes",
    { "classify", "--statutes", "/nonexistent/penal-statutes",
      "offense=patronizing", NULL },
    66,
    "penal: /nonexistent/penal-statutes: no such statute file or directory" },
  { "overlong-value",
    { "classify", "offense=patronizing",
      "victim_age="
      "111111111111111111111111111111111111111111111111111111111111111111111111"
      "1111",
      NULL },
    64,
    "penal: victim_age: “1111111111111111111111111111111111111111…” is not "
    "valid" },
  { "invalid-utf8-value",
    { "classify", "offense=pat\xff\xferonizing", NULL },
    64,
    "penal: offense: “pat" },
  { "invalid-utf8-name",
    { "classify", "offense=patronizing", "vict\xffim_age=3", NULL },
    64,
    "penal: unknown fact “vict" },
  { "control-characters",
    { "classify", "offense=patronizing", "victim_age=1\x1b[2J", NULL },
    64,
    "penal: victim_age: “1\\u001B[2J” is not valid" },
  { "screen-bad-prefill",
    { "screen", "victim_age=old", NULL },
    64,
    "penal: victim_age: “old” is not valid" },
  /* Echoed input never prints a character that acts on a terminal: a
   * bidi override (U+202E), a C1 control (U+009B, the CSI), a byte order
   * mark; each is shown escaped. */
  { "echo-unknown-command",
    { "\u202Enosuch", NULL },
    64,
    "penal: unknown command “\\u202Enosuch” (try penal help)\n" },
  { "echo-unknown-option",
    { "classify", "--fo\u202Eo", NULL },
    64,
    "penal: classify: unknown option --fo\\u202Eo (try penal help classify)" },
  { "echo-fact-value",
    { "classify", "offense=patronizing", "victim_age=\uFEFF3\u202E", NULL },
    64,
    "penal: victim_age: “\\uFEFF3\\u202E” is not valid" },
  { "echo-statutes-path",
    { "classify", "--statutes", "/nonexistent/\u202Ex.xml",
      "offense=patronizing", NULL },
    66,
    "penal: /nonexistent/\\u202Ex.xml: no such statute file or directory" },
  { "echo-batch-file",
    { "batch", "/nonexistent/\u202Ex.csv", NULL },
    66,
    "penal: /nonexistent/\\u202Ex.csv: cannot open: No such file" },
  { "verify-facts",
    { "verify", "offense=patronizing", NULL },
    64,
    "penal: verify takes statute files, not facts: “offense=patronizing”" },
  { "verify-missing-file",
    { "verify", "/nonexistent/penal.xml", NULL },
    66,
    "penal: /nonexistent/penal.xml: no such statute file or directory" },
};

static void
test_error_exit (gconstpointer data)
{
  const ErrorCase *c = data;
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", c->args);
  g_assert_cmpint (run.exit_code, ==, c->exit_code);
  g_assert_cmpstr (run.out, ==, "");
  penal_test_assert_contains (run.err, c->message);
}

/* An unknown --format echoes the value escaped: here U+009B, the C1
 * control that starts a terminal's escape sequence.  GOption reads a value
 * in the locale's character set, so the locale is UTF-8. */
static void
test_echo_unknown_format (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[] = { "classify",
                               "--format=\xc2\x9b"
                               "31m",
                               "offense=patronizing", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C.UTF-8", args);
  g_assert_cmpint (run.exit_code, ==, 64);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "penal: --format: unknown format “\\u009B31m”; use text "
                   "or json\n");
}

/* Text from a statute file reaches every view escaped where it would act
 * on a terminal (tests/data/valid-bidi.xml: a bidi override, a C1 control
 * and a byte order mark in a rule's explanation and a title). */
static void
test_statute_text_escaped (void)
{
  g_autofree char *fixture
      = g_test_build_filename (G_TEST_DIST, "data", "valid-bidi.xml", NULL);
  const char *const formats[] = { "--format=text", "--format=json" };

  if (!penal_test_have_binary ())
    return;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto (PenalTestRun) run = { 0 };
      const char *const args[] = { "classify",
                                   "--statutes",
                                   fixture,
                                   formats[f],
                                   "offense=test-offense",
                                   "person_age=30",
                                   "offense_date=2024-01-01",
                                   NULL };

      penal_test_run (&run, NULL, "C.UTF-8", args);
      g_assert_cmpint (run.exit_code, ==, 0);
      penal_test_assert_lacks (run.out, "\u202E");
      penal_test_assert_lacks (run.out, "\xc2\x9b");
      penal_test_assert_lacks (run.out, "\uFEFF");
      /* JSON escapes the backslash once more. */
      penal_test_assert_contains (run.out, f == 0
                                               ? "eighteen\\u202E or older"
                                               : "eighteen\\\\u202E or older");
      penal_test_assert_contains (run.out, "u009B31m");
    }
}

/* A broken statute file: 65, located FILE:LINE, nothing on stdout. */
static void
test_broken_statutes (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-cli-XXXXXX", &error);
  g_autofree char *file = NULL;
  g_autofree char *expected = NULL;
  const char *args[]
      = { "classify", "--statutes", NULL, "offense=patronizing", NULL };

  g_assert_no_error (error);
  if (!penal_test_have_binary ())
    return;
  file = g_build_filename (dir, "broken.xml", NULL);
  g_file_set_contents (
      file, "<?xml version=\"1.0\"?>\n<statutes format=\"1\">\n<fact\n", -1,
      &error);
  g_assert_no_error (error);
  args[2] = dir;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("penal: %s:", file);
  g_assert_true (g_str_has_prefix (run.err, expected));
  penal_test_assert_contains (run.err, "not well-formed XML");
  g_remove (file);
  g_rmdir (dir);
}

static void
test_help (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[] = { "--help", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains (
      run.out, "  classify    the class, term, fine, diversion and citations");
  penal_test_assert_contains (run.out, "  what-if     how the outcome moves");
  penal_test_assert_contains (run.out, "--statutes");
  penal_test_assert_contains (run.out, "penal classify offense=patronizing "
                                       "victim_age=14 offense_date=2016-06-01");
  penal_test_assert_lacks (run.out, "--vary");
}

/* penal help, penal --help and penal help with no command are the same
 * general help; penal alone prints it on standard error, as a usage
 * error. */
static void
test_help_general (void)
{
  g_auto (PenalTestRun) help = { 0 };
  g_auto (PenalTestRun) option = { 0 };
  g_auto (PenalTestRun) alone = { 0 };
  const char *const help_args[] = { "help", NULL };
  const char *const option_args[] = { "--help", NULL };
  const char *const alone_args[] = { NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&help, NULL, "C", help_args);
  penal_test_run (&option, NULL, "C", option_args);
  penal_test_run (&alone, NULL, "C", alone_args);
  g_assert_cmpint (help.exit_code, ==, 0);
  g_assert_cmpstr (help.out, ==, option.out);
  g_assert_cmpint (alone.exit_code, ==, 64);
  g_assert_cmpstr (alone.out, ==, "");
  g_assert_cmpstr (alone.err, ==, help.out);
}

/* penal help classify and penal classify --help print classify's own help:
 * its options, formats, examples and the facts of the statutes loaded. */
static void
test_help_command (void)
{
  g_auto (PenalTestRun) help = { 0 };
  g_auto (PenalTestRun) option = { 0 };
  const char *const help_args[] = { "help", "classify", NULL };
  const char *const option_args[] = { "classify", "--help", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&help, NULL, "C", help_args);
  penal_test_run (&option, NULL, "C", option_args);
  g_assert_cmpint (help.exit_code, ==, 0);
  g_assert_cmpstr (help.out, ==, option.out);
  penal_test_assert_contains (help.out, "penal classify [OPTION…] FACT=VALUE…");
  penal_test_assert_contains (help.out, "--format=FORMAT");
  penal_test_assert_contains (help.out,
                              "Formats (--format): text (default), json.");
  penal_test_assert_contains (
      help.out,
      "  victim_age=0-120\n      age in years of the individual patronized\n");
  penal_test_assert_contains (help.out, "  offense=prostitution|patronizing\n");
  penal_test_assert_contains (
      help.out,
      "penal classify --format=json offense=prostitution knew_hiv=yes");
  penal_test_assert_lacks (help.out, "--vary");
  penal_test_assert_lacks (help.out, "--input-format");
}

/* The facts in help come from the statutes loaded, not from the program;
 * when they do not load, the help is given without them and says why. */
static void
test_help_facts_from_statutes (void)
{
  static const char *const files[]
      = { "facts.xml", "mo-penalties.xml", "mo-567-020.xml" };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) missing = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-cli-XXXXXX", &error);
  const char *args[] = { "help", "what-if", "--statutes", dir, NULL };
  const char *missing_args[] = { "screen", "--help", "--statutes",
                                 "/nonexistent/penal-statutes", NULL };

  g_assert_no_error (error);
  if (!penal_test_have_binary ())
    return;
  /* The facts, the penalty tables and RSMo 567.020 only: one offense. */
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from
          = g_build_filename (g_getenv ("PENAL_STATUTES"), files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *text = NULL;

      g_file_get_contents (from, &text, NULL, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, text, -1, &error);
      g_assert_no_error (error);
    }
  penal_test_run (&run, NULL, "C", args);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_remove (to);
    }
  g_rmdir (dir);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains (run.out, "  offense=prostitution\n");

  penal_test_run (&missing, NULL, "C", missing_args);
  g_assert_cmpint (missing.exit_code, ==, 0);
  penal_test_assert_contains (
      missing.out, "The facts cannot be listed: /nonexistent/penal-statutes:");
  penal_test_assert_contains (missing.out,
                              "penal screen [OPTION…] [FACT=VALUE…]");
}

/* The global options work before and after the command name. */
static void
test_global_options_anywhere (void)
{
  g_auto (PenalTestRun) before = { 0 };
  g_auto (PenalTestRun) after = { 0 };
  const char *const before_args[] = { "--statutes",
                                      g_getenv ("PENAL_STATUTES"),
                                      "classify",
                                      "offense=patronizing",
                                      "victim_age=30",
                                      "offense_date=2024-01-01",
                                      NULL };
  const char *const after_args[] = { "classify",
                                     "offense=patronizing",
                                     "victim_age=30",
                                     "offense_date=2024-01-01",
                                     "--statutes",
                                     g_getenv ("PENAL_STATUTES"),
                                     NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&before, NULL, "C", before_args);
  penal_test_run (&after, NULL, "C", after_args);
  g_assert_cmpint (before.exit_code, ==, 0);
  g_assert_cmpstr (before.out, ==, after.out);
  penal_test_assert_contains (before.out, "class B misdemeanor");
}

/* Every command writes through a checked writer: with standard output on
 * a full device, closed, or a pipe nobody reads (SIGPIPE ignored), penal
 * exits 74 with one line saying why, never a crash or a silent 0.  Batch
 * writes more than its 64 KiB output buffer, so a failure in the middle of
 * the rows is seen as well as one at the end.  "@CSV" and "@JSONL" stand
 * for the caseload files made in main(). */
typedef struct
{
  const char *name;
  const char *args[8];
} FullCase;

static const FullCase full_cases[] = {
  { "classify",
    { "classify", "offense=patronizing", "victim_age=30",
      "offense_date=2024-01-01", NULL } },
  { "screen",
    { "screen", "offense=patronizing", "offense_date=2024-01-01",
      "victim_age=30", "prior_prostitution_offenses=0", NULL } },
  { "batch-csv", { "batch", "@CSV", NULL } },
  { "batch-csv-to-jsonl", { "batch", "--format=jsonl", "@CSV", NULL } },
  { "batch-jsonl", { "batch", "--input-format=jsonl", "@JSONL", NULL } },
  { "batch-jsonl-to-jsonl",
    { "batch", "--input-format=jsonl", "--format=jsonl", "@JSONL", NULL } },
  { "verify", { "verify", NULL } },
  { "list", { "list", NULL } },
  { "show", { "show", "567.030", "--date=2016-06-01", NULL } },
  { "tree", { "tree", "patronizing", "--date=2024-01-01", NULL } },
  { "diff",
    { "diff", "patronizing", "--from=2016-06-01", "--to=2024-01-01", NULL } },
  { "what-if",
    { "what-if", "offense=patronizing", "offense_date=2024-01-01", "--vary",
      "victim_age", NULL } },
  { "export",
    { "export", "--format=dmn", "--date=2024-01-01", "patronizing", NULL } },
  { "help", { "--help", NULL } },
  { "help-command", { "help", "classify", NULL } },
  { "command-help", { "tree", "--help", NULL } },
  { "version", { "--version", NULL } },
};

typedef struct
{
  PenalTestStdout how;
  const char *name;
  const char *reason; /* strerror in the C locale */
} FullWay;

static const FullWay full_ways[] = {
  { PENAL_TEST_STDOUT_FULL, "full", "No space left on device" },
  { PENAL_TEST_STDOUT_CLOSED, "closed", "Bad file descriptor" },
  { PENAL_TEST_STDOUT_BROKEN_PIPE, "broken-pipe", "Broken pipe" },
};

typedef struct
{
  const FullCase *command;
  const FullWay *way;
} FullTest;

static char *caseload_csv;
static char *caseload_jsonl;

static void
test_full_stdout (gconstpointer data)
{
  const FullTest *t = data;
  g_auto (PenalTestRun) run = { 0 };
  const char *args[G_N_ELEMENTS (t->command->args)] = { NULL };
  g_autofree char *expected = NULL;

  if (!penal_test_have_binary ()
      || (t->way->how == PENAL_TEST_STDOUT_FULL
          && !g_file_test ("/dev/full", G_FILE_TEST_EXISTS)))
    return;
  /* Under tools/memcheck.sh penal runs inside valgrind, which opens its
   * log first: the log would take the closed descriptor. */
  if (t->way->how == PENAL_TEST_STDOUT_CLOSED
      && g_getenv ("PENAL_MEMCHECK") != NULL)
    {
      g_test_skip ("valgrind's log takes a closed standard output");
      return;
    }
  for (guint i = 0; t->command->args[i] != NULL; i++)
    args[i] = g_str_equal (t->command->args[i], "@CSV") ? caseload_csv
              : g_str_equal (t->command->args[i], "@JSONL")
                  ? caseload_jsonl
                  : t->command->args[i];
  penal_test_run_to (&run, args, t->way->how);
  g_assert_cmpint (run.exit_code, ==, 74);
  expected = g_strdup_printf (
      "penal: cannot write the %s to standard output: %s\n",
      g_str_equal (t->command->args[0], "batch") ? "answers" : "answer",
      t->way->reason);
  g_assert_cmpstr (run.err, ==, expected);
}

/* A caseload whose answers are well over 64 KiB, in both input formats. */
static void
make_caseloads (void)
{
  g_autoptr (GString) csv = g_string_new ("offense,victim_age,offense_date\n");
  g_autoptr (GString) jsonl = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_string_append_printf (csv, "patronizing,%u,2024-01-01\n", i % 121);
      g_string_append_printf (jsonl,
                              "{\"offense\":\"patronizing\",\"victim_age\":%u,"
                              "\"offense_date\":\"2024-01-01\"}\n",
                              i % 121);
    }
  caseload_csv = penal_test_write_temporary (csv->str, csv->len);
  caseload_jsonl = penal_test_write_temporary (jsonl->str, jsonl->len);
}

/* --version in the GNU form (GNU coding standards, "--version"): the name
 * and version, the copyright, the licence (COPYING) and no warranty. */
static void
test_version (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[] = { "--version", NULL };
  g_autofree char *expected = g_strdup_printf (
      "penal %s\n"
      "Copyright (C) 2026 the penal authors\n"
      "License GPLv3+: GNU GPL version 3 or later "
      "<https://gnu.org/licenses/gpl.html>.\n"
      "This is free software: you are free to change and redistribute it.\n"
      "There is NO WARRANTY, to the extent permitted by law.\n",
      PACKAGE_VERSION);

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json/patronizing-2016", test_json_patronizing_2016);
  g_test_add_func ("/cli/json/prostitution-hiv", test_json_prostitution_hiv);
  g_test_add_func ("/cli/json/needs-facts", test_json_needs_facts);
  g_test_add_func ("/cli/json/ambiguous", test_json_ambiguous);
  g_test_add_func ("/cli/json/no-version", test_json_no_version);
  g_test_add_func ("/cli/json/default-date-is-today",
                   test_json_default_date_is_today);
  g_test_add_func ("/cli/text/answer", test_text_answer);
  g_test_add_func ("/cli/verify/bundled", test_verify_bundled);
  g_test_add_func ("/cli/verify/unsound", test_verify_unsound);
  g_test_add_func ("/cli/json/diversion/eligible",
                   test_json_diversion_eligible);
  g_test_add_func ("/cli/json/diversion/not-established",
                   test_json_diversion_not_established);
  g_test_add_func ("/cli/json/diversion/prior-offense",
                   test_json_diversion_prior);
  g_test_add_func ("/cli/json/diversion/minor", test_json_diversion_minor);
  g_test_add_func ("/cli/json/diversion/unknown", test_json_diversion_unknown);
  g_test_add_func ("/cli/json/diversion/prostitution",
                   test_json_diversion_prostitution);
  g_test_add_func ("/cli/text/diversion", test_text_diversion);
  g_test_add_func ("/cli/statutes-directory", test_statutes_directory);
  g_test_add_func ("/cli/exit/broken-statutes", test_broken_statutes);
  g_test_add_func ("/cli/exit/echo-unknown-format", test_echo_unknown_format);
  g_test_add_func ("/cli/statute-text-escaped", test_statute_text_escaped);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/cli/exit/%s", error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_error_exit);
    }
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help/general", test_help_general);
  g_test_add_func ("/cli/help/command", test_help_command);
  g_test_add_func ("/cli/help/facts-from-statutes",
                   test_help_facts_from_statutes);
  g_test_add_func ("/cli/global-options-anywhere",
                   test_global_options_anywhere);
  make_caseloads ();
  for (guint w = 0; w < G_N_ELEMENTS (full_ways); w++)
    for (guint i = 0; i < G_N_ELEMENTS (full_cases); i++)
      {
        g_autofree char *path
            = g_strdup_printf ("/cli/exit/stdout-fails/%s/%s",
                               full_ways[w].name, full_cases[i].name);
        FullTest *t = g_new (FullTest, 1);

        t->command = &full_cases[i];
        t->way = &full_ways[w];
        g_test_add_data_func_full (path, t, test_full_stdout, g_free);
      }
  g_test_add_func ("/cli/version", test_version);
  status = g_test_run ();
  g_unlink (caseload_csv);
  g_unlink (caseload_jsonl);
  g_free (caseload_csv);
  g_free (caseload_jsonl);
  return status;
}
