/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore-diff.c: penal diff on the real binary, and what the exploring
 * commands refuse to draw: the changes between two dates checked against
 * the statute files, in JSON and in words, with the regression tests
 * headed "Regression" pinning answers penal once got wrong; also the DMN
 * export's FEEL strings, and diff, show and what-if in Spanish. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-explore.h"
#include "penal-test-register.h"
#include "penal-test-run.h"

/* ------------------------------------------------------------------ */
/* diff                                                                 */

/* RSMo 567.110's persistent offender before 2017 in a diff's words: a
 * class D felony, 558.011.1(4) up to 4 years and $5,000 (560.011). */
#define PERSISTENT_BEFORE_2017                                                 \
  "prior_prostitution_offenses 2+: changed\n"                                  \
  "    before: class D felony, up to 4 years, fine up to $5,000 "              \
  "[RSMo 567.110; RSMo 558.011.1(4)]\n"

/* One side of a diff: its date, the one version in force then and the
 * penalty table. */
static void
assert_diff_side (JsonObject *side, const char *date,
                  const ExpectedVersion *version, const char *penalties)
{
  g_assert_cmpstr (penal_test_string_or_null (side, "date"), ==, date);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (side, "versions")),
      ==, 1);
  assert_version (penal_test_object_path (side, "versions/0"), version);
  g_assert_cmpstr (penal_test_string_or_null (
                       penal_test_object_path (side, "penalties"), "id"),
                   ==, penalties);
}

/* A diff's regions, once it is checked whether anything changed, that
 * there are N_REGIONS of them and N_WINDOWS open amendment windows. */
static JsonArray *
diff_regions (JsonObject *root, gboolean changed, guint n_regions,
              guint n_windows)
{
  JsonArray *regions = json_object_get_array_member (root, "regions");

  g_assert_cmpint (json_object_get_boolean_member (root, "changed"), ==,
                   changed);
  g_assert_cmpuint (json_array_get_length (regions), ==, n_regions);
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (root, "open_windows")),
                    ==, n_windows);
  return regions;
}

/* Region R of a diff, drawn by one condition on FACT, with one candidate
 * version on each side. */
static JsonObject *
diff_region (JsonArray *regions, guint r, const char *fact)
{
  JsonObject *region = penal_test_object_at (regions, r);
  const char *const lists[] = { "when", "before", "after" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    g_assert_cmpuint (
        json_array_get_length (json_object_get_array_member (region, lists[l])),
        ==, 1);
  g_assert_cmpstr (penal_test_string_or_null (
                       penal_test_object_path (region, "when/0"), "fact"),
                   ==, fact);
  return region;
}

/* 31 December 2016 (rules_2004) against 1 January 2025 (rules_2018):
 * every age tier changed, the 18+ tier by its fine alone ($500 under RSMo
 * 560.016 against $1,000 under 558.002.1(3)); no boundary between the
 * dates is uncertain, so no window is open. */
static void
test_diff_patronizing (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "diff", "patronizing", "--from", "2016-12-31",
                               "--to", "2025-01-01",  NULL };
  JsonObject *root;
  JsonArray *regions;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  g_assert_cmpstr (penal_test_string_or_null (root, "id"), ==, "patronizing");
  g_assert_cmpstr (penal_test_string_or_null (root, "statute"), ==,
                   "RSMo 567.030");
  /* SB 491's penalty table took effect on 1 January 2017
   * (mo-penalties.xml). */
  assert_diff_side (json_object_get_object_member (root, "before"),
                    "2016-12-31", &patronizing_versions[1],
                    "mo-classes-pre2017");
  assert_diff_side (json_object_get_object_member (root, "after"), "2025-01-01",
                    &patronizing_versions[3], "mo-classes-2017");

  regions = diff_regions (root, TRUE, 3, 0);
  for (guint r = 0; r < 3; r++)
    {
      JsonObject *region = diff_region (regions, r, "victim_age");

      assert_tier (penal_test_object_path (region, "when/0"), &rules_2018[r]);
      g_assert_cmpstr (
          penal_test_string_or_null (
              penal_test_object_path (region, "before/0"), "version"),
          ==, "mo-567.030-2004");
      g_assert_cmpstr (
          penal_test_string_or_null (penal_test_object_path (region, "after/0"),
                                     "version"),
          ==, "mo-567.030-2018");
      assert_outcome (penal_test_object_path (region, "before/0/outcome"),
                      &rules_2004[r], "mo-classes-pre2017");
      assert_outcome (penal_test_object_path (region, "after/0/outcome"),
                      &rules_2018[r], "mo-classes-2017");
      g_assert_true (json_object_get_boolean_member (region, "changed"));
    }
}

/* The same diff in words: both citations of each side (the offense's
 * subsection; RSMo 558.011.1's paragraph for the term). */
static void
test_diff_text (void)
{
  const char *const args[] = { "diff", "patronizing", "--from", "2016-12-31",
                               "--to", "2025-01-01",  NULL };
  g_autofree char *out = NULL;

  if (!penal_test_have_binary ())
    return;
  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (g_str_has_prefix (
      out,
      "Patronizing prostitution (RSMo 567.030): 31 December 2016 compared with "
      "1 January 2025\n"));
  penal_test_assert_contains (
      out,
      "  penalties: RSMo 558.011 with 560.011 and 560.016, as in force until "
      "31 December 2016\n");
  penal_test_assert_contains (out, "  penalties: RSMo 558.011 and 558.002, as "
                                   "in force from 1 January 2017\n");
  penal_test_assert_contains (
      out, "victim_age 0–14: changed\n"
           "    before: class D felony, up to 4 years, fine up to $5,000 "
           "[RSMo 567.030.4; RSMo 558.011.1(4)]\n"
           "    after: class D felony, up to 7 years, fine up to $10,000 "
           "[RSMo 567.030.4; RSMo 558.011.1(4)]\n");
  penal_test_assert_contains (
      out, "victim_age 15–17: changed\n"
           "    before: class A misdemeanor, up to 1 year, fine up to $1,000 "
           "[RSMo 567.030.3; RSMo 558.011.1(5)]\n"
           "    after: class E felony, up to 4 years, fine up to $10,000 "
           "[RSMo 567.030.3; RSMo 558.011.1(5)]\n");
  penal_test_assert_contains (
      out, "victim_age 18+: changed\n"
           "    before: class B misdemeanor, up to 6 months, fine up to $500 "
           "[RSMo 567.030.3; RSMo 558.011.1(6)]\n"
           "    after: class B misdemeanor, up to 6 months, fine up to $1,000 "
           "[RSMo 567.030.3; RSMo 558.011.1(7)]\n");
  /* The offense's own regions all changed; its parts follow it. */
  {
    const char *part = strstr (out, "\nPersistent prostitution offender (RSMo "
                                    "567.110)");
    g_autofree char *own = NULL;

    g_assert_nonnull (part);
    own = g_strndup (out, part - out);
    penal_test_assert_lacks (own, "Open amendment window");
    penal_test_assert_lacks (own, "Nothing changed");
    penal_test_assert_lacks (own, "unchanged");
  }
  /* RSMo 567.110: class D felony before 2017, class E felony from then. */
  penal_test_assert_contains (out, PERSISTENT_BEFORE_2017);
}

/* Prostitution, 1 January 2023 against 1 January 2025: the same version
 * (RSMo 567.020 from 28 August 2022, revisor, verbatim) and the same table
 * (from 1 January 2017); nothing changed, and no window is open. */
static void
test_diff_unchanged (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "diff", "prostitution", "--from", "2023-01-01",
                               "--to", "2025-01-01",   NULL };
  /* The same statute by its number. */
  const char *const text_args[] = { "diff",       "567.020", "--from",
                                    "2023-01-01", "--to",    "2025-01-01",
                                    NULL };
  /* RSMo 567.020.2: class B misdemeanor, or class B felony with knowledge
   * of HIV (assert_hiv_felony). */
  const char *ranges[] = { "no", "yes" };
  const char *classes[] = { "misdemeanor-B", "felony-B" };
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonArray *regions;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  regions = diff_regions (root, FALSE, 2, 0);
  for (guint r = 0; r < 2; r++)
    {
      JsonObject *region = diff_region (regions, r, "knew_hiv");
      JsonObject *when = penal_test_object_path (region, "when/0");
      JsonObject *b = penal_test_object_path (region, "before/0/outcome");
      JsonObject *a = penal_test_object_path (region, "after/0/outcome");

      g_assert_false (json_object_get_boolean_member (region, "changed"));
      g_assert_cmpstr (penal_test_string_or_null (when, "range"), ==,
                       ranges[r]);
      g_assert_cmpstr (penal_test_string_or_null (b, "class"), ==, classes[r]);
      g_assert_cmpstr (penal_test_string_or_null (a, "class"), ==, classes[r]);
      g_assert_cmpstr (penal_test_string_or_null (a, "citation"), ==,
                       "RSMo 567.020.2");
    }
  assert_hiv_felony (
      penal_test_object_path (root, "regions/1/after/0/outcome"));

  out = penal_test_run_text (NULL, "C", text_args);
  penal_test_assert_contains (out, "Nothing changed between 1 January 2023 and "
                                   "1 January 2025: every case gets the "
                                   "same class, term and fine.\n");
  penal_test_assert_contains (out,
                              "knew_hiv yes: unchanged\n    before and after: "
                              "class B felony, from 5 to "
                              "15 years [RSMo 567.020.2; RSMo 558.011.1(2)]\n");
  penal_test_assert_lacks (out, ": changed");
  penal_test_assert_lacks (out, "Open amendment window");
}

/* Prostitution across SB 491 (31 December 2016 against 1 January 2017):
 * the class B misdemeanor's fine rose from $500 (RSMo 560.016) to $1,000
 * (558.002.1(3)); the class B felony stayed 5 to 15 years with no fine
 * (558.011.1(2) in both tables). */
static void
test_diff_partly_changed (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "diff", "prostitution", "--from", "2016-12-31",
                               "--to", "2017-01-01",   NULL };
  JsonObject *root, *no, *yes;
  JsonArray *regions;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  regions = diff_regions (root, TRUE, 2, 0);
  no = penal_test_object_at (regions, 0);
  yes = penal_test_object_at (regions, 1);
  g_assert_true (json_object_get_boolean_member (no, "changed"));
  g_assert_cmpint (
      json_object_get_int_member (
          penal_test_object_path (no, "before/0/outcome"), "fine_max_usd"),
      ==, 500);
  g_assert_cmpint (
      json_object_get_int_member (
          penal_test_object_path (no, "after/0/outcome"), "fine_max_usd"),
      ==, 1000);
  g_assert_false (json_object_get_boolean_member (yes, "changed"));
}

static void
test_diff_errors (void)
{
  const char *const no_to[]
      = { "diff", "patronizing", "--from", "2016-12-31", NULL };
  const char *const no_from[]
      = { "diff", "patronizing", "--to", "2025-01-01", NULL };
  const char *const bad_from[]
      = { "diff", "patronizing", "--from", "2016-13-01",
          "--to", "2025-01-01",  NULL };
  const char *const bad_to[] = { "diff", "patronizing", "--from", "2016-12-31",
                                 "--to", "2025-02-30",  NULL };
  const char *const table[] = { "diff", "558.011",    "--from", "2016-01-01",
                                "--to", "2025-01-01", NULL };
  const char *const none[]
      = { "diff", "--from", "2016-01-01", "--to", "2025-01-01", NULL };
  const char *const dot[]
      = { "diff", "patronizing", "--from",       "2016-01-01",
          "--to", "2025-01-01",  "--format=dot", NULL };
  /* Reversed dates would be shown as "before" the later one. */
  const char *const reversed[]
      = { "diff", "patronizing", "--from", "2025-01-01",
          "--to", "2016-01-01",  NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_assert_usage_error (
      no_to, "diff: give both dates, for example: penal diff "
             "patronizing --from 2016-12-31 "
             "--to 2025-01-01");
  penal_test_assert_usage_error (no_from, "diff: give both dates");
  penal_test_assert_usage_error (bad_from,
                                 "--from: “2016-13-01” is not valid; give a "
                                 "calendar date written YYYY-MM-DD");
  penal_test_assert_usage_error (bad_to, "--to: “2025-02-30” is not valid");
  penal_test_assert_usage_error (
      table, "diff: “558.011” is a penalty table; diff "
             "compares an offense, an enhancement or a "
             "program: give one of prostitution, patronizing, "
             "persistent-offender, ");
  penal_test_assert_usage_error (
      none, "diff: name one statute, for example: penal diff patronizing");
  penal_test_assert_usage_error (
      dot, "--format: unknown format “dot”; use text or json");
  penal_test_assert_usage_error (reversed,
                                 "diff: --from 2025-01-01 is later than --to "
                                 "2016-01-01; give the earlier date as --from");
}

/* A citation is a FEEL string in the DMN table: a quote or a backslash in
 * it is escaped (tests/data/valid-citation-quotes.xml), or the string ends
 * early and a DMN engine refuses the table or reads another citation. */
static void
test_export_feel_string (void)
{
  g_autofree char *fixture = g_test_build_filename (
      G_TEST_DIST, "data", "valid-citation-quotes.xml", NULL);
  const char *const args[]
      = { "export",     "--format=dmn", "--date=2010-01-01",
          "--statutes", fixture,        "test-offense",
          NULL };
  g_autofree char *dmn = NULL;

  if (!penal_test_have_binary ())
    return;
  dmn = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (
      dmn, "<outputEntry id=\"rule_1_citation\"><text>\"Test Code 900.010.2 "
           "\\\"a\\\" \\\\ b\"</text></outputEntry>");
  penal_test_assert_contains (
      dmn, "<outputEntry id=\"rule_2_citation\"><text>\"Test Code "
           "900.010.3\"</text></outputEntry>");
}

/* ARGS are refused as data too large to report: exit 65 (EX_DATAERR),
 * nothing on standard output, MESSAGE on standard error. */
static void
assert_too_large (const char *const *args, const char *message)
{
  g_auto (PenalTestRun) run = { 0 };

  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, message);
}

/* A statute whose decision tree is small in memory, its equal subtrees
 * shared, but has 4^12 paths (tests/data/valid-rule-product.xml): tree and
 * diff refuse at once to draw more than a report can show (65, before
 * running out of memory), while what-if, which moves one fact, and
 * classify answer. */
static void
test_reports_too_large (void)
{
  g_autofree char *fixture = g_test_build_filename (
      G_TEST_DIST, "data", "valid-rule-product.xml", NULL);
  const char *const tree[] = { "tree", "o", "--statutes", fixture, NULL };
  const char *const diff[]
      = { "diff",       "o",          "--from", "2016-01-01", "--to",
          "2024-01-01", "--statutes", fixture,  NULL };
  const char *const what_if[] = { "what-if", "offense=o",  "f12=0", "--vary",
                                  "f1",      "--statutes", fixture, NULL };
  const char *const classify[]
      = { "classify", "offense=o", "f1=0",       "f2=0",  "f3=2", "f4=0",
          "f5=0",     "f6=0",      "f7=0",       "f8=0",  "f9=0", "f10=0",
          "f11=0",    "f12=0",     "--statutes", fixture, NULL };
  g_autofree char *moved = NULL;
  g_autofree char *answer = NULL;

  if (!penal_test_have_binary ())
    return;
  assert_too_large (tree,
                    "penal: tree: the decision tree of o has more than 10000 "
                    "leaves, more than a report can show; try penal what-if, "
                    "which moves one fact at a time\n");
  assert_too_large (diff,
                    "penal: diff: the rules of o cut its facts into more than "
                    "10000 combinations, more than a report can show; try "
                    "penal what-if, which moves one fact at a time\n");
  moved = penal_test_run_text (NULL, "C", what_if);
  penal_test_assert_contains (moved, "f1");
  /* The rule for f3 = 2 with the later facts 0: classes[(3 + 2) % 6]. */
  answer = penal_test_run_text (NULL, "C", classify);
  penal_test_assert_contains (answer, "class A misdemeanor");
}

/* An enhancement compared on its own: RSMo 567.110 was a class D felony
 * from 28 August 1997 to 31 December 2016 and a class E felony from 1
 * January 2017 (the Patrol's codes 567.020-002 and 567.030-002; the text
 * in force in 2024), punished by the table of the offense it enhances:
 * 558.011.1(4) up to 4 years and $5,000 (560.011) before 2017, 558.011.1(5)
 * up to 4 years and $10,000 (558.002.1(1)) from 2017.  Fewer than two prior
 * findings of guilt: no persistent offender (567.010(2)). */
static void
test_diff_enhancement (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "diff", "persistent-offender", "--from", "2016-01-01",
          "--to", "2025-01-01",          NULL };
  /* The same enhancement by its number. */
  const char *const text_args[] = { "diff",       "567.110", "--from",
                                    "2016-01-01", "--to",    "2025-01-01",
                                    NULL };
  g_autofree char *out = NULL;
  JsonObject *root, *fewer, *persistent, *b, *a;
  JsonArray *regions;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  g_assert_cmpstr (penal_test_string_or_null (root, "kind"), ==, "enhancement");
  g_assert_false (json_object_has_member (root, "parts"));
  regions = diff_regions (root, TRUE, 2, 0);
  fewer = penal_test_object_at (regions, 0);
  persistent = penal_test_object_at (regions, 1);
  g_assert_false (json_object_get_boolean_member (fewer, "changed"));
  g_assert_true (json_object_get_boolean_member (persistent, "changed"));
  b = penal_test_object_path (persistent, "before/0/outcome");
  a = penal_test_object_path (persistent, "after/0/outcome");
  g_assert_cmpstr (penal_test_string_or_null (b, "class"), ==, "felony-D");
  g_assert_cmpstr (penal_test_string_or_null (a, "class"), ==, "felony-E");
  g_assert_cmpstr (penal_test_string_or_null (b, "imprisonment_max"), ==,
                   "P4Y");
  g_assert_cmpstr (penal_test_string_or_null (a, "imprisonment_max"), ==,
                   "P4Y");
  g_assert_cmpint (json_object_get_int_member (b, "fine_max_usd"), ==, 5000);
  g_assert_cmpint (json_object_get_int_member (a, "fine_max_usd"), ==, 10000);

  out = penal_test_run_text (NULL, "C", text_args);
  penal_test_assert_contains (
      out, PERSISTENT_BEFORE_2017
      "    after: class E felony, up to 4 years, fine up to $10,000 "
      "[RSMo 567.110; RSMo 558.011.1(5)]\n");
  penal_test_assert_contains (out, "prior_prostitution_offenses 0–1: "
                                   "unchanged\n");
}

/* Prostitution from 1 June 2017 to 1 January 2023: the class, term and
 * fine are the same (RSMo 567.020.2, the table from 2017), but the answer
 * changed in its parts: the protection of a person under eighteen, not
 * established before 28 August 2018 (ap-2018-08-28-020), applies under
 * 567.020.5 from 28 August 2022; the treatment route of 567.020.4, not
 * established before then, opens to an adult who did not know of HIV.
 * The persistent offender of 567.110 did not change. */
static void
test_diff_parts (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "diff", "prostitution", "--from", "2017-06-01",
                               "--to", "2023-01-01",   NULL };
  g_autofree char *out = NULL;
  JsonObject *root, *protection = NULL, *enhancement = NULL;
  JsonArray *parts;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  g_assert_false (json_object_get_boolean_member (root, "changed"));
  g_assert_true (json_object_get_boolean_member (root, "answer_changed"));
  parts = json_object_get_array_member (root, "parts");
  for (guint p = 0; p < json_array_get_length (parts); p++)
    {
      JsonObject *part = penal_test_object_at (parts, p);

      if (g_strcmp0 (penal_test_string_or_null (part, "id"), "mo-567.020-minor")
          == 0)
        protection = part;
      if (g_strcmp0 (penal_test_string_or_null (part, "id"),
                     "persistent-offender")
          == 0)
        enhancement = part;
    }
  g_assert_nonnull (protection);
  g_assert_nonnull (enhancement);
  g_assert_cmpstr (penal_test_string_or_null (protection, "kind"), ==,
                   "protection");
  g_assert_true (json_object_get_boolean_member (protection, "changed"));
  g_assert_false (json_object_get_boolean_member (enhancement, "changed"));

  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (out, "The class, term and fine did not change "
                                   "between 1 June 2017 and 1 January 2023; "
                                   "what else changed is below.\n");
  penal_test_assert_contains (out, "Persistent prostitution offender (RSMo "
                                   "567.110): nothing changed.\n");
  penal_test_assert_contains (out, "defendant_age 0–17: changed\n"
                                   "    before: not established [RSMo "
                                   "567.020]\n"
                                   "    after: applies [RSMo 567.020.5]\n");
}

/* Regression: a region in which every candidate version on one side gives
 * the same class, term and fine as the other side was reported as changed,
 * because the list of candidates was compared as a string.  On 1 January
 * 2020 either version of the fictional statute of
 * tests/data/valid-uncertain-window.xml may apply; for 18 or older both give
 * a class B misdemeanor, as the newer one does on 1 January 2025, so that
 * region is unchanged, while the younger tiers changed under one candidate.
 */
static void
test_diff_window_unchanged_region (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *fixture = g_test_build_filename (
      G_TEST_DIST, "data", "valid-uncertain-window.xml", NULL);
  const char *const args[]
      = { "diff",       "test-offense", "--statutes", fixture, "--from",
          "2020-01-01", "--to",         "2025-01-01", NULL };
  /* Two candidates before in every region; the 18+ region unchanged. */
  const gboolean changed[] = { TRUE, TRUE, FALSE };
  g_autofree char *out = NULL;
  JsonArray *regions;

  if (!penal_test_have_binary ())
    return;
  regions = diff_regions (explore_json (parser, args), TRUE, 3, 2);
  for (guint r = 0; r < 3; r++)
    {
      JsonObject *region = penal_test_object_at (regions, r);

      g_assert_cmpuint (json_array_get_length (
                            json_object_get_array_member (region, "before")),
                        ==, 2);
      g_assert_cmpint (json_object_get_boolean_member (region, "changed"), ==,
                       changed[r]);
    }

  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (out, "person_age 18+: unchanged\n");
  penal_test_assert_contains (
      out, "Open amendment window: the day zz-900.030-new took effect is not "
           "established;\n");
}

/* ------------------------------------------------------------------ */
/* Spanish for diff, show and what-if                                   */

/* po/es.po: "Nothing changed between %s and %s: ..." → "Nada cambió entre
 * el %s y el %s..."; "Which version was in force on %s is not
 * established..." → "No está establecido qué versión estaba vigente el
 * %s..."; "penal holds no statute text for this version." → "penal no
 * tiene el texto de la ley de esta versión."; class names as in
 * test_tree_spanish. */
static void
test_spanish_other_commands (void)
{
  const char *const diff[] = { "diff", "prostitution", "--from", "2023-01-01",
                               "--to", "2025-01-01",   NULL };
  const char *const show[] = { "show", "567.030", "--date=2018-01-01", NULL };
  const char *const show_text[]
      = { "show", "567.030", "--date=2024-01-01", NULL };
  const char *const what_if[] = {
    "--lang=es",    "what-if", "offense=patronizing", "victim_age=16", "--vary",
    "offense_date", NULL
  };
  g_autofree char *out_diff = NULL;
  g_autofree char *out_show = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *out_what_if = NULL;

  if (!penal_test_have_catalogs ())
    return;
  out_diff = penal_test_run_text ("es", "C.UTF-8", diff);
  penal_test_assert_contains (
      out_diff,
      "Nada cambió entre el 1 de enero de 2023 y el 1 de enero de 2025");
  penal_test_assert_lacks (out_diff, "Nothing changed");

  out_show = penal_test_run_text ("es", "C.UTF-8", show);
  penal_test_assert_contains (out_show, "Vigente el 1 de enero de 2018:\n");
  penal_test_assert_contains (
      out_show,
      "  penal no tiene el texto de la ley de esta versión; lo que da "
      "cada referencia a la ley:\n");
  /* SB 491's tier as in sb491_rules. */
  penal_test_assert_contains (
      out_show,
      "      victim_age 0–14 → delito mayor de clase E, hasta 4 años");
  penal_test_assert_contains (out_show, "(fundamento: registro oficial)");

  /* The statute text itself is English only. */
  out_text = penal_test_run_text ("es", "C.UTF-8", show_text);
  penal_test_assert_contains (out_text,
                              "      “It shall not be a defense that the "
                              "person believed that the individual\n");

  out_what_if = penal_test_run_text (NULL, "C", what_if);
  penal_test_assert_contains (out_what_if,
                              "Pagar por prostitución (RSMo 567.030), según "
                              "varía la fecha del delito:\n");
  penal_test_assert_contains (
      out_what_if, "  2018-08-28.. → delito mayor de clase E, hasta 4 años");
  penal_test_assert_lacks (out_what_if, "not established");
}

static const PenalTestFunc tests[] = {
  { "/explore/diff/patronizing", test_diff_patronizing },
  { "/explore/diff/text", test_diff_text },
  { "/explore/diff/unchanged", test_diff_unchanged },
  { "/explore/diff/partly-changed", test_diff_partly_changed },
  { "/explore/diff/errors", test_diff_errors },
  { "/explore/diff/enhancement", test_diff_enhancement },
  { "/explore/diff/parts", test_diff_parts },
  { "/explore/reports-too-large", test_reports_too_large },
  { "/explore/export/feel-string-escaped", test_export_feel_string },
  { "/explore/diff/window-unchanged-region",
    test_diff_window_unchanged_region },
  { "/explore/spanish/diff-show-what-if", test_spanish_other_commands },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
