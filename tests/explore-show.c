/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore-show.c: penal list and penal show on the real binary: their
 * JSON checked value by value against the statute files
 * (statutes/mo-567-030.xml, mo-567-020.xml, mo-567-110.xml and
 * mo-penalties.xml), their text, and their usage errors (exit 64, nothing
 * on standard output). */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-explore.h"
#include "penal-test-register.h"
#include "penal-test-run.h"

static void
test_list_json (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "list", "--format=json", NULL };
  /* statutes/mo-567-030.xml */
  static const PenalTestString patronizing_strings[] = {
    { "kind", "offense" },
    { "statute", "RSMo 567.030" },
    { "title", "Patronizing prostitution" },
  };
  /* statutes/mo-penalties.xml */
  static const PenalTestString classes_strings[] = {
    { "kind", "penalties" },
    { "statute", NULL },
    { "title", "Missouri penalty classes" },
  };
  JsonObject *root, *patronizing, *classes;
  JsonArray *statutes, *versions, *eras;

  if (!penal_test_have_binary ())
    return;
  root = penal_test_run_json (parser, args);
  g_assert_cmpstr (penal_test_string_or_null (root, "jurisdiction"), ==,
                   "US-MO");
  statutes = json_object_get_array_member (root, "statutes");

  /* Every id is listed once. */
  for (guint i = 0; i < json_array_get_length (statutes); i++)
    for (guint j = i + 1; j < json_array_get_length (statutes); j++)
      g_assert_cmpstr (
          penal_test_string_or_null (penal_test_object_at (statutes, i), "id"),
          !=,
          penal_test_string_or_null (penal_test_object_at (statutes, j), "id"));

  patronizing = penal_test_find_by_id (statutes, "patronizing");
  penal_test_assert_strings (patronizing, patronizing_strings,
                             G_N_ELEMENTS (patronizing_strings));
  versions = json_object_get_array_member (patronizing, "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==,
                    G_N_ELEMENTS (patronizing_versions));
  for (guint v = 0; v < G_N_ELEMENTS (patronizing_versions); v++)
    assert_version (penal_test_object_at (versions, v),
                    &patronizing_versions[v]);
  /* The change of 2018 is dated now: no version declares an uncertain
   * boundary. */
  for (guint v = 0; v < G_N_ELEMENTS (patronizing_versions); v++)
    g_assert_null (penal_test_string_or_null (
        penal_test_object_at (versions, v), "uncertain"));

  /* The other statutes of the bundled files are there too, with their
   * kinds (mo-567-020.xml, mo-567-110.xml, kc-diversion.xml). */
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_find_by_id (statutes, "prostitution"), "statute"),
      ==, "RSMo 567.020");
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (
          penal_test_find_by_id (statutes, "prostitution"), "versions")),
      ==, 5);
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_find_by_id (statutes, "persistent-offender"), "kind"),
      ==, "enhancement");
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_find_by_id (statutes, "persistent-offender"), "statute"),
      ==, "RSMo 567.110");
  g_assert_cmpstr (penal_test_string_or_null (
                       penal_test_find_by_id (statutes, "kc-oar"), "kind"),
                   ==, "diversion");
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_find_by_id (statutes, "mo-567.020-treatment"), "kind"),
      ==, "court-discretion");

  /* statutes/mo-penalties.xml: two eras, split by SB 491 on 1 January
   * 2017; until then RSMo 558.011 with 560.011 and 560.016 (secondary for
   * the fines), held as in force by 28 August 2004 (the Missouri Bar cites
   * RSMo Supp. 2004) and possibly from 28 August 1996 (SB 700 of 1996 still
   * prints five years for a class D felony); from then RSMo 558.011 and
   * 558.002 (statute text). */
  classes = penal_test_find_by_id (statutes, "mo-classes");
  penal_test_assert_strings (classes, classes_strings,
                             G_N_ELEMENTS (classes_strings));
  eras = json_object_get_array_member (classes, "versions");
  g_assert_cmpuint (json_array_get_length (eras), ==, 2);
  {
    const ExpectedVersion expected[] = {
      { "mo-classes-pre2017", "1996-08-28", "2004-08-28", "2016-12-31",
        "2016-12-31", "secondary" },
      { "mo-classes-2017", "2017-01-01", "2017-01-01", NULL, NULL,
        "statute-text" },
    };
    for (guint e = 0; e < 2; e++)
      assert_version (penal_test_object_at (eras, e), &expected[e]);
    penal_test_assert_contains (
        penal_test_string_or_null (penal_test_object_at (eras, 0), "uncertain"),
        "in 1996 a class D felony carried up to five years");
    penal_test_assert_member_null (penal_test_object_at (eras, 1), "uncertain");
  }
  /* The penalty table is listed last, after every statute. */
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_object_at (statutes, json_array_get_length (statutes) - 1),
          "id"),
      ==, "mo-classes");
}

/* The same versions as test_list_json, in words. */
static void
test_list_text (void)
{
  const char *const args[] = { "list", NULL };
  const char *const text_args[] = { "list", "--format=text", NULL };
  const char *const extra[] = { "list", "patronizing", NULL };
  g_autofree char *out = NULL;
  g_autofree char *same = NULL;

  if (!penal_test_have_binary ())
    return;
  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (
      g_str_has_prefix (out, "Statutes of US-MO and their versions:\n"));
  penal_test_assert_contains (
      out, "RSMo 567.030: Patronizing prostitution (offense: patronizing)\n");
  penal_test_assert_contains (out, "    mo-567.030-1979: in force from 1 "
                                   "January 1979 to 27 August 2004; basis: "
                                   "official record\n");
  penal_test_assert_contains (out, "    mo-567.030-2017: in force from 1 "
                                   "January 2017 to 27 August 2018; basis: "
                                   "official record\n");
  penal_test_assert_contains (out, "    mo-567.030-2018: in force from 28 "
                                   "August 2018; basis: statute text\n");
  penal_test_assert_contains (
      out, "Missouri penalty classes (penalty table: mo-classes)\n");
  penal_test_assert_contains (
      out, "    mo-classes-pre2017: in force from 28 August 1996 to 31 "
           "December 2016 (its first day is between 28 August 1996 and 28 "
           "August 2004); basis: secondary source\n");
  penal_test_assert_contains (out, "    Open: penal holds these figures as in "
                                   "force by 2004");
  penal_test_assert_contains (out, "    mo-classes-2017: in force from 1 "
                                   "January 2017; basis: statute text\n");
  penal_test_assert_contains (out,
                              "RSMo 567.110: Persistent prostitution offender "
                              "(enhancement: persistent-offender)\n");
  /* --format=text is the default. */
  same = penal_test_run_text (NULL, "C", text_args);
  g_assert_cmpstr (out, ==, same);

  penal_test_assert_usage_error (extra,
                                 "list takes no arguments, but was given "
                                 "“patronizing” (try penal show patronizing)");
}

/* ------------------------------------------------------------------ */
/* show                                                                 */

/* The one version shown in ROOT, certainly in force, with its id. */
static JsonObject *
the_version_in_force (JsonObject *root, const char *id)
{
  JsonArray *versions = json_object_get_array_member (root, "versions");
  JsonObject *shown;

  g_assert_cmpuint (json_array_get_length (versions), ==, 1);
  shown = penal_test_object_at (versions, 0);
  assert_shown_version (shown, id, TRUE);
  return shown;
}

/* The same, the one version of RSMo 567.030 shown, as expected. */
static JsonObject *
the_patronizing_version (JsonObject *root, const ExpectedVersion *expected)
{
  JsonObject *shown = the_version_in_force (root, expected->id);

  assert_version (json_object_get_object_member (shown, "version"), expected);
  return shown;
}

static void
test_show_current (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "show", "567.030", "--date=2024-01-01", NULL };
  static const PenalTestString root_strings[] = {
    { "date", "2024-01-01" },
    { "id", "patronizing" },
    { "kind", "offense" },
    { "statute", "RSMo 567.030" },
  };
  static const PenalTestString text_strings[] = {
    { "language", "en" },
    { "basis", "statute-text" },
    { "statute", "RSMo 567.030" },
  };
  g_autofree char *out = NULL;
  JsonObject *root, *shown;
  JsonArray *sources;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  penal_test_assert_strings (root, root_strings, G_N_ELEMENTS (root_strings));
  shown = the_patronizing_version (root, &patronizing_versions[3]);

  /* The statute text as HB 1706 (2024) prints it, by subsection: 2, then 3
   * and 4 with the rules each creates. */
  penal_test_assert_strings (json_object_get_object_member (shown, "text"),
                             text_strings, G_N_ELEMENTS (text_strings));
  {
    JsonArray *subsections
        = json_object_get_array_member (shown, "subsections");

    g_assert_cmpuint (json_array_get_length (subsections), ==, 3);
    g_assert_cmpstr (penal_test_string_or_null (
                         penal_test_object_at (subsections, 0), "label"),
                     ==, "2");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                          penal_test_object_at (subsections, 0), "rules")),
                      ==, 0);
    penal_test_assert_contains (
        penal_test_string_or_null (penal_test_object_at (subsections, 2),
                                   "text"),
        "class D felony if the individual who the person patronizes is "
        "fourteen years of age or younger");
    penal_test_assert_contains (
        penal_test_string_or_null (penal_test_object_at (subsections, 1),
                                   "text"),
        "less than eighteen years of age but older than fourteen years of "
        "age, in which case patronizing prostitution is a class E felony");
  }

  assert_subsections (shown, rules_2018, "mo-classes-2017");

  sources = json_object_get_array_member (shown, "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 5);
  g_assert_cmpstr (penal_test_string_or_null (
                       penal_test_find_by_id (sources, "hb1706-2024"), "basis"),
                   ==, "statute-text");
  g_assert_cmpstr (
      penal_test_string_or_null (
          penal_test_find_by_id (sources, "revisor-list-2021"), "basis"),
      ==, "official-record");
  g_assert_cmpstr (
      penal_test_string_or_null (penal_test_find_by_id (sources, "mnn-2023-03"),
                                 "citation"),
      ==, "Missouri News Network, 11 March 2023");
  penal_test_assert_contains (
      json_array_get_string_element (
          json_object_get_array_member (shown, "notes"), 0),
      "Which act of 2018 made this change is not established");
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (root, "open_questions")),
                    ==, 0);

  /* The same in words; figures as in rules_2018. */
  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (
      g_str_has_prefix (out, "RSMo 567.030: Patronizing prostitution\n"));
  penal_test_assert_contains (out, "\nIn force on 1 January 2024:\n");
  penal_test_assert_contains (
      out, "  Statute text of RSMo 567.030 (English only; basis: statute "
           "text), each subsection with what it decides:\n");
  penal_test_assert_contains (
      out, "    RSMo 567.030.4\n"
           "      “The offense of patronizing prostitution is a class D felony "
           "if the\n"
           "      individual who the person patronizes is fourteen years of "
           "age or\n"
           "      younger.”\n"
           "      victim_age 0–14 → class D felony, up to 7 years, fine up to "
           "$10,000\n");
  penal_test_assert_contains (out, "      victim_age 15–17 → class E felony, "
                                   "up to 4 years, fine up to $10,000\n");
  penal_test_assert_contains (out,
                              "      victim_age 18+ → class B misdemeanor, up "
                              "to 6 months, fine up to $1,000\n");
  penal_test_assert_contains (
      out,
      "HB 1706 (2024), printing RSMo 567.030 as existing law (statute text)\n");
  penal_test_assert_lacks (out, "\nOpen questions:\n");
  penal_test_assert_lacks (out, "not established; each candidate follows");
}

/* "567.030", "RSMo 567.030" and "patronizing" name the same statute. */
static void
test_show_names (void)
{
  const char *names[]
      = { "567.030", "RSMo 567.030", "rsmo 567.030", "patronizing" };
  g_autofree char *first = NULL;

  if (!penal_test_have_binary ())
    return;
  for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
    {
      const char *const args[]
          = { "show", names[n], "--date=2024-01-01", "--format=json", NULL };
      g_autofree char *out = penal_test_run_text (NULL, "C", args);

      if (first == NULL)
        first = g_steal_pointer (&out);
      else
        g_assert_cmpstr (out, ==, first);
    }
  penal_test_assert_contains (first, "\"id\" : \"patronizing\"");
}

/* A date in an uncertain window (the fictional statute of
 * tests/data/valid-uncertain-window.xml, whose newer version took effect
 * some day from 14 February 2017 to 11 March 2023): both versions are
 * shown, neither as certainly in force. */
static void
test_show_window (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) args = window_args ("show", NULL);
  g_autofree char *out = NULL;
  JsonArray *versions;

  if (!penal_test_have_binary ())
    return;
  versions = window_versions (parser, (const char *const *)args);
  penal_test_assert_member_null (penal_test_object_at (versions, 0), "text");

  out = penal_test_run_text (NULL, "C", (const char *const *)args);
  penal_test_assert_contains (
      out, "\nWhich version was in force on 1 January 2020 is not established; "
           "each candidate follows.\n");
  g_assert_nonnull (
      strstr (strstr (out, "May have been in force on 1 January 2020:\n") + 1,
              "May have been in force on 1 January 2020:\n"));
  penal_test_assert_lacks (out, "\nIn force on 1 January 2020:");
  penal_test_assert_contains (out, "      person_age 0–14 → class E felony, up "
                                   "to 4 years, fine up to $10,000 (basis: "
                                   "secondary source)\n");
  penal_test_assert_contains (out, "      person_age 0–14 → class D felony, up "
                                   "to 7 years, fine up to $10,000\n");
  penal_test_assert_contains (out, "\nOpen questions:\n");
}

/* Before 2018, penal holds no statute text of 567.030 (mo-567-030.xml: the
 * classes of 2004 to 2016 are the Highway Patrol's); figures as in
 * rules_2004, and from 2017 as in sb491_rules. */
static void
test_show_textless (void)
{
  /* Each version before 2018, and a source it cites. */
  const struct
  {
    const char *date;
    const ExpectedVersion *version;
    const ExpectedRule *rules;
    const char *era;
    const char *source;
  } textless[] = {
    { "--date=2016-06-01", &patronizing_versions[1], rules_2004,
      "mo-classes-pre2017", "seed-004-030" },
    /* SB 491's version, from 1 January 2017 to 27 August 2018. */
    { "--date=2018-01-01", &patronizing_versions[2], sb491_rules,
      "mo-classes-2017", "missourian-sb341-2017" },
  };
  const char *const args[] = { "show", "567.030", "--date=2016-06-01", NULL };
  g_autofree char *out = NULL;

  if (!penal_test_have_binary ())
    return;
  for (gsize t = 0; t < G_N_ELEMENTS (textless); t++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      const char *const show[] = { "show", "567.030", textless[t].date, NULL };
      JsonObject *shown = the_patronizing_version (explore_json (parser, show),
                                                   textless[t].version);

      penal_test_assert_member_null (shown, "text");
      assert_subsections (shown, textless[t].rules, textless[t].era);
      penal_test_find_by_id (json_object_get_array_member (shown, "sources"),
                             textless[t].source);
    }

  /* The version of 2004 in words; figures as in rules_2004. */
  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (out, "\nIn force on 1 June 2016:\n");
  penal_test_assert_contains (
      out, "  penal holds no statute text for this version; the outcome each "
           "citation gives:\n");
  penal_test_assert_lacks (out, "Statute text (English only");
  penal_test_assert_contains (out, "      victim_age 0–14 → class D felony, up "
                                   "to 4 years, fine up to $5,000 (basis: "
                                   "official record)\n");
  penal_test_assert_contains (out,
                              "      victim_age 15–17 → class A misdemeanor, "
                              "up to 1 year, fine up to $1,000 (basis: "
                              "official record)\n");
  penal_test_assert_contains (out,
                              "      victim_age 18+ → class B misdemeanor, up "
                              "to 6 months, fine up to $500 (basis: "
                              "official record)\n");
}

/* The penalty table, found by a statute number its eras cite (558.011) or
 * by its id; every class with its term, county-jail term and fine. */
static void
test_show_penalties (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) later = json_parser_new ();
  const char *const args[] = { "show", "558.011", "--date=2016-06-01", NULL };
  const char *const by_id[]
      = { "show", "mo-classes", "--date=2016-06-01", NULL };
  const char *const later_args[]
      = { "show", "RSMo 558.011", "--date=2024-01-01", NULL };
  const char *const later_text[]
      = { "show", "558.011", "--date=2024-01-01", NULL };
  /* mo-penalties.xml, era until 31 December 2016: RSMo 558.011.1 (verbatim)
   * and 558.011.2; fines RSMo 560.011 and 560.016 (Missouri Bar § 27.16,
   * secondary).  No class E felony and no class D misdemeanor before SB
   * 491 (RSMo 557.016 from 2017 adds them). */
  const struct
  {
    const char *klass, *min, *max, *jail;
    gint64 fine;
    const char *citation;
  } before[] = {
    { "felony-A", "P10Y", "P30Y", NULL, -1, "RSMo 558.011.1(1)" },
    { "felony-B", "P5Y", "P15Y", NULL, -1, "RSMo 558.011.1(2)" },
    { "felony-C", NULL, "P7Y", "P1Y", 5000, "RSMo 558.011.1(3)" },
    { "felony-D", NULL, "P4Y", "P1Y", 5000, "RSMo 558.011.1(4)" },
    { "misdemeanor-A", NULL, "P1Y", NULL, 1000, "RSMo 558.011.1(5)" },
    { "misdemeanor-B", NULL, "P6M", NULL, 500, "RSMo 558.011.1(6)" },
    { "misdemeanor-C", NULL, "P15D", NULL, 300, "RSMo 558.011.1(7)" },
    { "infraction", NULL, NULL, NULL, 200, "RSMo 558.011.1" },
  };
  static const PenalTestString root_strings[] = {
    { "id", "mo-classes" },
    { "kind", "penalties" },
  };
  g_autofree char *out = NULL;
  g_autofree char *out_later = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_by_id = NULL;
  JsonObject *root, *shown;
  JsonArray *classes;

  if (!penal_test_have_binary ())
    return;
  root = explore_json (parser, args);
  penal_test_assert_strings (root, root_strings, G_N_ELEMENTS (root_strings));
  shown = the_version_in_force (root, "mo-classes-pre2017");
  classes = json_object_get_array_member (shown, "classes");
  g_assert_cmpuint (json_array_get_length (classes), ==, G_N_ELEMENTS (before));
  for (guint k = 0; k < G_N_ELEMENTS (before); k++)
    {
      JsonObject *entry = penal_test_object_at (classes, k);
      const PenalTestString strings[] = {
        { "class", before[k].klass },
        { "imprisonment_min", before[k].min },
        { "imprisonment_max", before[k].max },
        { "county_jail_max", before[k].jail },
        { "imprisonment_citation", before[k].citation },
      };

      penal_test_assert_strings (entry, strings, G_N_ELEMENTS (strings));
      /* 558.011.1(1): class A felony, 10 to 30 years, or life. */
      g_assert_true (json_object_get_boolean_member (entry, "life")
                     == (k == 0));
      if (before[k].fine < 0)
        penal_test_assert_member_null (entry, "fine_max_usd");
      else
        g_assert_cmpint (json_object_get_int_member (entry, "fine_max_usd"), ==,
                         before[k].fine);
    }
  json = json_to_string (json_parser_get_root (parser), FALSE);
  {
    g_autoptr (JsonParser) again = json_parser_new ();
    explore_json (again, by_id);
    json_by_id = json_to_string (json_parser_get_root (again), FALSE);
  }
  g_assert_cmpstr (json, ==, json_by_id);

  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (g_str_has_prefix (out, "Missouri penalty classes\n"));
  penal_test_assert_contains (out, "  Classes:\n");
  penal_test_assert_contains (out,
                              "    class A felony, from 10 to 30 years, "
                              "or life imprisonment [RSMo 558.011.1(1)]\n");
  penal_test_assert_contains (out, "    class D felony, up to 4 years, fine up "
                                   "to $5,000 [RSMo 558.011.1(4)]\n");
  penal_test_assert_contains (out, "    class C misdemeanor, up to 15 days, "
                                   "fine up to $300 [RSMo 558.011.1(7)]\n");
  penal_test_assert_contains (
      out, "    infraction, fine up to $200 [RSMo 558.011.1]\n");
  penal_test_assert_lacks (out, "class E felony");

  /* From 1 January 2017 (RSMo 558.011, revisor, and 558.002, verbatim):
   * class E felony up to 4 years (558.011.1(5)), $10,000 (558.002.1(1));
   * class C misdemeanor $750, not $700 (558.002.1(4);
   * research/missouri-law.md). */
  shown = the_version_in_force (explore_json (later, later_args),
                                "mo-classes-2017");
  classes = json_object_get_array_member (shown, "classes");
  g_assert_cmpuint (json_array_get_length (classes), ==, 10);
  g_assert_cmpstr (
      penal_test_string_or_null (penal_test_object_at (classes, 4), "class"),
      ==, "felony-E");
  g_assert_cmpstr (penal_test_string_or_null (penal_test_object_at (classes, 4),
                                              "imprisonment_max"),
                   ==, "P4Y");
  g_assert_cmpint (json_object_get_int_member (
                       penal_test_object_at (classes, 4), "fine_max_usd"),
                   ==, 10000);
  g_assert_cmpstr (
      penal_test_string_or_null (penal_test_object_at (classes, 7), "class"),
      ==, "misdemeanor-C");
  g_assert_cmpint (json_object_get_int_member (
                       penal_test_object_at (classes, 7), "fine_max_usd"),
                   ==, 750);
  out_later = penal_test_run_text (NULL, "C", later_text);
  penal_test_assert_contains (out_later,
                              "    class E felony, up to 4 years, fine up to "
                              "$10,000 [RSMo 558.011.1(5)]\n");
  penal_test_assert_contains (
      out_later, "    class D misdemeanor, fine up to $500 [RSMo 558.011.1]\n");
}

static void
test_show_errors (void)
{
  const char *const unknown[] = { "show", "999.999", NULL };
  const char *const none[] = { "show", NULL };
  const char *const two[] = { "show", "patronizing", "prostitution", NULL };
  const char *const bad_date[]
      = { "show", "patronizing", "--date=2024-02-30", NULL };
  const char *const dot[] = { "show", "patronizing", "--format=dot", NULL };

  if (!penal_test_have_binary ())
    return;
  /* An unknown name: every name that may be given is listed. */
  penal_test_assert_usage_error (
      unknown, "show: no statute “999.999”; give a statute number such "
               "as 567.030, or one of "
               "prostitution, patronizing, persistent-offender, "
               "kc-johnz-school, kc-oar, ");
  penal_test_assert_usage_error (unknown, ", mo-classes");
  penal_test_assert_usage_error (
      none, "show: name one statute, for example: penal show patronizing");
  penal_test_assert_usage_error (two, "show: name one statute");
  penal_test_assert_usage_error (bad_date,
                                 "--date: “2024-02-30” is not valid; give a "
                                 "calendar date written YYYY-MM-DD");
  penal_test_assert_usage_error (
      dot, "--format: unknown format “dot”; use text or json");
}

static const PenalTestFunc tests[] = {
  { "/explore/list/json", test_list_json },
  { "/explore/list/text", test_list_text },
  { "/explore/show/current", test_show_current },
  { "/explore/show/names", test_show_names },
  { "/explore/show/window", test_show_window },
  { "/explore/show/textless", test_show_textless },
  { "/explore/show/penalties", test_show_penalties },
  { "/explore/show/errors", test_show_errors },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
