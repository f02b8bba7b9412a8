/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lookup.c: penal lookup and penal diff --charge-codes on the real binary.
 *
 * Codes and their dates are the Missouri State Highway Patrol's charge-code
 * table, edition of 5 August 2021 (statutes/mshp-charge-codes.tsv, as
 * tools/mshp-charge-codes converts ChargeCodeCSV2021-8-5.csv); penalty
 * figures are those of statutes/mo-penalties.xml (RSMo 558.011 and 558.002
 * from 1 January 2017, research/missouri-law.md). */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

/* What penal lookup --format=json says of code on offense_date, read by
 * parser. */
static JsonObject *
lookup_json (JsonParser *parser, const char *code, const char *offense_date)
{
  g_autofree char *date = g_strconcat ("offense_date=", offense_date, NULL);
  const char *const args[] = { "lookup", code, date, "--format=json", NULL };

  return penal_test_run_json (parser, args);
}

static JsonObject *
first_code (JsonObject *root)
{
  JsonArray *codes = json_object_get_array_member (root, "codes");

  g_assert_cmpuint (json_array_get_length (codes), >=, 1);
  return json_array_get_object_element (codes, 0);
}

/* 567.030-003Y201840 (table: F/E, 2018-08-28 to 2020-08-27) on 1 May 2019:
 * a class E felony, up to 4 years (RSMo 558.011.1(5)), up to 1 year in the
 * county jail (558.011.2), fine up to $10,000 (558.002.1(1)).  penal holds
 * RSMo 567.030, so the answer points to classify and its facts. */
static void
test_code (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  static const PenalTestString strings[] = {
    { "code", "567.030-003Y201840" },
    { "statute", "RSMo 567.030" },
    { "status", "decided" },
    { "class", "felony-E" },
    { "imprisonment/max", "P4Y" },
    { "imprisonment/county_jail_alternative", "P1Y" },
    { "penalty_scope", "statute" },
    { "caveat", NULL },
    { "held_statute/offense", "patronizing" },
  };
  JsonObject *root, *code;

  if (!penal_test_have_binary ())
    return;
  root = lookup_json (parser, "567.030-003Y201840", "2019-05-01");
  g_assert_cmpstr (penal_test_string_or_null (root, "edition"), ==,
                   "2021-08-05");
  code = first_code (root);
  penal_test_assert_strings (code, strings, G_N_ELEMENTS (strings));
  g_assert_true (json_object_get_boolean_member (code, "in_force"));
  g_assert_cmpint (json_object_get_int_member (
                       json_object_get_object_member (code, "fine"), "max_usd"),
                   ==, 10000);
  g_assert_true (json_object_get_boolean_member (
      json_object_get_object_member (code, "flags"), "dna_at_arrest"));
}

/* The same code with its modifier digits ("05.1": an attempt) is found, and
 * penal, which does not hold the law on attempts, gives no penalty. */
static void
test_modifier (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  static const PenalTestString strings[] = {
    { "code", "567.030-003Y201840" },
    { "modifier", "attempt" },
    { "status", "modified" },
    { "imprisonment", NULL },
  };

  if (!penal_test_have_binary ())
    return;
  penal_test_assert_strings (
      first_code (lookup_json (parser, "567.030-003Y20184005.1", "2019-05-01")),
      strings, G_N_ELEMENTS (strings));
}

/* Legacy 21027 is 567.030-003Y200440 (M/A, 2004-08-28 to 2018-08-27): on 1
 * May 2010 a class A misdemeanor, up to 1 year (RSMo 558.011.1(5) as in
 * force before 2017) and $1,000 (560.016, secondary); on 1 May 2019 it is
 * retired, and the code in force for its family is 567.030-003Y201840. */
static void
test_legacy_and_retired (void)
{
  g_autoptr (JsonParser) in_force = json_parser_new ();
  g_autoptr (JsonParser) retired = json_parser_new ();
  static const PenalTestString in_force_strings[] = {
    { "code", "567.030-003Y200440" },
    { "legacy", "21027" },
    { "class", "misdemeanor-A" },
    { "imprisonment/max", "P1Y" },
  };
  static const PenalTestString retired_strings[] = {
    { "status", "not-in-force" },
    { "imprisonment", NULL },
    { "in_force_instead/0", "567.030-003Y201840" },
  };
  JsonObject *code;

  if (!penal_test_have_binary ())
    return;
  code = first_code (lookup_json (in_force, "21027", "2010-05-01"));
  penal_test_assert_strings (code, in_force_strings,
                             G_N_ELEMENTS (in_force_strings));
  g_assert_cmpint (json_object_get_int_member (
                       json_object_get_object_member (code, "fine"), "max_usd"),
                   ==, 1000);

  code = first_code (lookup_json (retired, "21027", "2019-05-01"));
  g_assert_false (json_object_get_boolean_member (code, "in_force"));
  penal_test_assert_strings (code, retired_strings,
                             G_N_ELEMENTS (retired_strings));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        code, "in_force_instead")),
                    ==, 1);
}

/* 565.020-001Y202009 (murder in the first degree, F/A) begins on
 * 2020-08-28; on 1 May 2019 the code of its family in force is
 * 565.020-001Y198409.  A code of a statute penal does not hold gets its
 * class's range, labelled as only that. */
static void
test_not_yet_in_force (void)
{
  g_autoptr (JsonParser) early = json_parser_new ();
  g_autoptr (JsonParser) family = json_parser_new ();
  static const PenalTestString early_strings[] = {
    { "status", "not-in-force" },
    { "in_force_instead/0", "565.020-001Y198409" },
  };
  static const PenalTestString family_strings[] = {
    { "code", "565.020-001Y198409" },
    { "class", "felony-A" },
    { "penalty_scope", "class" },
    { "held_statute", NULL },
  };
  JsonObject *code;

  if (!penal_test_have_binary ())
    return;
  code = first_code (lookup_json (early, "565.020-001Y202009", "2019-05-01"));
  penal_test_assert_strings (code, early_strings, G_N_ELEMENTS (early_strings));

  code = first_code (lookup_json (family, "565.020-001", "2019-05-01"));
  penal_test_assert_strings (code, family_strings,
                             G_N_ELEMENTS (family_strings));
  penal_test_assert_contains (penal_test_string_or_null (code, "caveat"),
                              "The statute that defines the offense may set "
                              "its own");
}

/* Every type and class combination in the bundled table, each through
 * the first code that has it, on a day it was in force: what penal says
 * follows from the combination alone. */
static void
test_every_combination (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PENAL_STATUTES"),
                                            "mshp-charge-codes.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) lines = NULL;
  guint combinations = 0;

  if (!penal_test_have_binary ())
    return;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autofree char *key = NULL;
      const char *date;
      const char *expected_status, *expected_class = NULL;
      JsonObject *code;

      if (g_strv_length (f) != 14 || g_str_equal (f[0], "columns"))
        continue;
      key = g_strdup_printf ("%s/%s", f[2], f[3]);
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_strdup (key));
      combinations++;
      /* A day the code was in force: its first, or 1 January 2000. */
      date = g_str_equal (f[4], "-") ? "2000-01-01" : f[4];
      code = first_code (lookup_json (parser, f[0], date));
      /* Layout: F felony, M misdemeanor, I infraction, L local ordinance;
       * class U "unclassified", A to E the classes. */
      if (g_str_equal (f[2], "L"))
        expected_status = "ordinance";
      else if (g_str_equal (f[3], "U"))
        expected_status = "unclassified";
      else if (g_str_equal (f[2], "I"))
        {
          expected_status = "decided";
          expected_class = "infraction";
        }
      else if ((g_str_equal (f[2], "F") && strchr ("ABCDE", f[3][0]) != NULL)
               || (g_str_equal (f[2], "M") && strchr ("ABCD", f[3][0]) != NULL))
        {
          expected_status = "decided";
          expected_class = key; /* checked below */
        }
      else
        expected_status = "no-class";
      g_assert_cmpstr (penal_test_string_or_null (code, "status"), ==,
                       expected_status);
      if (expected_class == key)
        {
          g_autofree char *want = g_strdup_printf (
              "%s-%s", g_str_equal (f[2], "F") ? "felony" : "misdemeanor",
              f[3]);
          g_assert_cmpstr (penal_test_string_or_null (code, "class"), ==, want);
        }
      else
        g_assert_cmpstr (penal_test_string_or_null (code, "class"), ==,
                         expected_class);
    }
  /* The edition of 5 August 2021 has 18 type and class combinations. */
  g_assert_cmpuint (combinations, ==, 18);
}

static void
test_search (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "lookup", "--search", "patronizing prostitution",
                               "--format=json", NULL };
  JsonArray *codes;
  gboolean found = FALSE;

  if (!penal_test_have_binary ())
    return;
  codes = json_object_get_array_member (penal_test_run_json (parser, args),
                                        "codes");
  /* RSMo 567.030's 13 codes and 3 municipal ones (edition of 2021). */
  g_assert_cmpuint (json_array_get_length (codes), ==, 16);
  for (guint i = 0; i < json_array_get_length (codes); i++)
    found |= g_strcmp0 (penal_test_string_or_null (
                            json_array_get_object_element (codes, i), "code"),
                        "567.030-003Y201840")
             == 0;
  g_assert_true (found);
}

/* A malformed table is refused with FILE:LINE and what is wrong, exit 65,
 * nothing on standard output. */
static void
test_malformed_tables (void)
{
  const struct
  {
    const char *file;
    const char *message;
  } cases[] = {
    { "charges-bad-fields.tsv", ":5: 8 fields; a row has 14" },
    { "charges-bad-date.tsv", ":5: the dates “2010-02-30” and “-”" },
    { "charges-bad-order.tsv", ":6: charge code 900.010-001Y201000 is out of "
                               "order or repeated" },
    { "charges-bad-header.tsv", ":1: not a charge-code table" },
  };

  if (!penal_test_have_binary ())
    return;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto (PenalTestRun) run = { 0 };
      g_autofree char *path
          = g_test_build_filename (G_TEST_DIST, "data", cases[c].file, NULL);
      const char *const args[]
          = { "lookup", "--charge-codes", path, "567.030-003", NULL };

      penal_test_run (&run, NULL, "C", args);
      g_assert_cmpint (run.exit_code, ==, 65);
      g_assert_cmpstr (run.out, ==, "");
      penal_test_assert_contains (run.err, cases[c].message);
    }
}

static void
test_usage_errors (void)
{
  const struct
  {
    const char *const args[5];
    const char *message;
  } cases[] = {
    { { "lookup", NULL }, "give one charge code, or --search WORDS" },
    { { "lookup", "not-a-code", NULL }, "is not a charge code" },
    { { "lookup", "999.999-001Y202099", NULL },
      "has no charge code “999.999-001Y202099”" },
    { { "lookup", "567.030-003", "victim_age=16", NULL },
      "for the facts of a case use penal classify" },
  };

  if (!penal_test_have_binary ())
    return;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto (PenalTestRun) run = { 0 };

      penal_test_run (&run, NULL, "C", cases[c].args);
      g_assert_cmpint (run.exit_code, ==, 64);
      g_assert_cmpstr (run.out, ==, "");
      penal_test_assert_contains (run.err, cases[c].message);
    }
}

/* Two editions of a fictional table (tests/data/charges-older.tsv and
 * charges-newer.tsv): one code added, one dropped, one retired, one
 * reclassified, one unchanged. */
static void
test_editions (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *older
      = g_test_build_filename (G_TEST_DIST, "data", "charges-older.tsv", NULL);
  g_autofree char *newer
      = g_test_build_filename (G_TEST_DIST, "data", "charges-newer.tsv", NULL);
  const char *const args[]
      = { "diff", "--charge-codes", older, newer, "--format=json", NULL };
  const char *kinds[] = { "added", "dropped", "retired", "reclassified" };
  const char *codes[] = { "900.010-005Y202100", "900.010-004Y201000",
                          "900.010-002Y201000", "900.010-003Y201000" };
  JsonObject *root;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  g_assert_cmpstr (penal_test_string_or_null (root, "older"), ==, "2020-08-05");
  g_assert_cmpstr (penal_test_string_or_null (root, "newer"), ==, "2021-08-05");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *list = json_object_get_array_member (root, kinds[k]);

      g_assert_cmpuint (json_array_get_length (list), ==, 1);
      g_assert_cmpstr (penal_test_string_or_null (
                           json_array_get_object_element (list, 0), "code"),
                       ==, codes[k]);
    }
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "redated")),
      ==, 0);
}

static const PenalTestFunc tests[] = {
  { "/lookup/code", test_code },
  { "/lookup/modifier", test_modifier },
  { "/lookup/legacy-and-retired", test_legacy_and_retired },
  { "/lookup/not-yet-in-force", test_not_yet_in_force },
  { "/lookup/every-combination", test_every_combination },
  { "/lookup/search", test_search },
  { "/lookup/malformed-tables", test_malformed_tables },
  { "/lookup/usage-errors", test_usage_errors },
  { "/lookup/editions", test_editions },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
