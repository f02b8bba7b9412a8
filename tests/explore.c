/* explore.c: the student commands on the real binary: list, show, tree,
 * diff and what-if, their JSON checked against the statute files and
 * against `penal classify`, their text and DOT forms, Spanish, and their
 * usage errors. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-run.h"

static gboolean
have_binary (void)
{
  if (g_getenv ("PENAL_BINARY") == NULL)
    {
      g_test_skip ("PENAL_BINARY is set by make check");
      return FALSE;
    }
  return TRUE;
}

/* Runs penal with args and parses its JSON answer (exit 0 required). */
static JsonObject *
run_json (JsonParser        *parser,
          const char *const *args)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;

  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static JsonObject *
find_statute (JsonArray  *statutes,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (statutes); i++)
    {
      JsonObject *statute = json_array_get_object_element (statutes, i);
      if (g_strcmp0 (string_or_null (statute, "id"), id) == 0)
        return statute;
    }
  g_assert_not_reached ();
}

/* The versions of RSMo 567.030 as statutes/mo-567-030.xml declares them:
 * until 2016-12-31 (seed 004's article, inference); SB 491's text from
 * 2017-01-01, certainly until 2017-02-13 (Columbia Missourian, 13 February
 * 2017); the current text (HB 1706 (2024) prints it) by 2023-03-11 at the
 * latest (Missouri News Network, 11 March 2023). */
static void
test_list (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "list", "--format=json", NULL };
  const char *const text_args[] = { "list", NULL };
  g_auto (PenalTestRun) text = { 0 };
  JsonObject *root, *patronizing, *classes;
  JsonArray *versions;
  JsonObject *v;

  if (!have_binary ())
    return;
  root = run_json (parser, args);
  g_assert_cmpstr (string_or_null (root, "jurisdiction"), ==, "US-MO");
  patronizing = find_statute (json_object_get_array_member (root, "statutes"), "patronizing");
  g_assert_cmpstr (string_or_null (patronizing, "statute"), ==, "RSMo 567.030");
  g_assert_cmpstr (string_or_null (patronizing, "kind"), ==, "offense");
  versions = json_object_get_array_member (patronizing, "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 3);
  v = json_array_get_object_element (versions, 0);
  g_assert_cmpstr (string_or_null (v, "id"), ==, "mo-567.030-pre2017");
  g_assert_null (string_or_null (v, "from"));
  g_assert_cmpstr (string_or_null (v, "to"), ==, "2016-12-31");
  g_assert_cmpstr (string_or_null (v, "standing"), ==, "inference");
  v = json_array_get_object_element (versions, 1);
  g_assert_cmpstr (string_or_null (v, "from"), ==, "2017-01-01");
  g_assert_cmpstr (string_or_null (v, "to_earliest"), ==, "2017-02-13");
  g_assert_cmpstr (string_or_null (v, "to"), ==, "2023-03-10");
  v = json_array_get_object_element (versions, 2);
  g_assert_cmpstr (string_or_null (v, "from"), ==, "2017-02-14");
  g_assert_cmpstr (string_or_null (v, "from_latest"), ==, "2023-03-11");
  g_assert_null (string_or_null (v, "to"));
  g_assert_cmpstr (string_or_null (v, "standing"), ==, "verbatim");
  g_assert_nonnull (string_or_null (v, "uncertain"));
  classes = find_statute (json_object_get_array_member (root, "statutes"), "mo-classes");
  g_assert_cmpstr (string_or_null (classes, "kind"), ==, "penalties");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (classes, "versions")), ==, 2);

  penal_test_run (&text, NULL, "C", text_args);
  g_assert_cmpint (text.exit_code, ==, 0);
  penal_test_assert_contains (text.out, "RSMo 567.030: Patronizing prostitution (offense: patronizing)");
  penal_test_assert_contains (text.out, "mo-567.030-current: in force from 14 February 2017");
  penal_test_assert_contains (text.out, "standing: statute text");
}

/* RSMo 567.030 on 2024-01-01 (HB 1706 (2024) prints the text): 14 or
 * younger, class D felony (567.030.4); 15 to 17, class E felony; 18 or
 * older, class B misdemeanor (567.030.3).  RSMo 558.011.1(4), (5), (7) and
 * 558.002.1(1), (6): up to 7 years, 4 years, 6 months; fines up to
 * $10,000, $10,000, $1,000. */
static void
test_show (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) by_name = json_parser_new ();
  const char *const args[] = { "show", "567.030", "--date=2024-01-01", "--format=json", NULL };
  const char *const name_args[] = { "show", "patronizing", "--date=2024-01-01", "--format=json", NULL };
  struct { const char *citation; const char *range; const char *klass; const char *max; gint64 fine; } expected[] = {
    { "RSMo 567.030.4", "0–14", "felony-D", "P7Y", 10000 },
    { "RSMo 567.030.3", "15–17", "felony-E", "P4Y", 10000 },
    { "RSMo 567.030.3", "18+", "misdemeanor-B", "P6M", 1000 },
  };
  JsonObject *root, *shown, *text;
  JsonArray *versions, *subsections;
  guint seen = 0;
  g_autofree char *a = NULL, *b = NULL;

  if (!have_binary ())
    return;
  root = run_json (parser, args);
  g_assert_cmpstr (string_or_null (root, "statute"), ==, "RSMo 567.030");
  versions = json_object_get_array_member (root, "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 1);
  shown = json_array_get_object_element (versions, 0);
  g_assert_true (json_object_get_boolean_member (shown, "certainly_in_force"));
  text = json_object_get_object_member (shown, "text");
  g_assert_cmpstr (string_or_null (text, "language"), ==, "en");
  penal_test_assert_contains (string_or_null (text, "text"),
                              "class D felony if the individual who the person patronizes is fourteen years of age or younger");
  subsections = json_object_get_array_member (shown, "subsections");
  for (guint s = 0; s < json_array_get_length (subsections); s++)
    {
      JsonObject *subsection = json_array_get_object_element (subsections, s);
      JsonArray *rules = json_object_get_array_member (subsection, "rules");

      for (guint r = 0; r < json_array_get_length (rules); r++, seen++)
        {
          JsonObject *rule = json_array_get_object_element (rules, r);
          JsonObject *outcome = json_object_get_object_member (rule, "outcome");
          JsonObject *when = json_array_get_object_element (json_object_get_array_member (rule, "when"), 0);

          g_assert_cmpuint (seen, <, G_N_ELEMENTS (expected));
          g_assert_cmpstr (string_or_null (subsection, "citation"), ==, expected[seen].citation);
          g_assert_cmpstr (string_or_null (when, "range"), ==, expected[seen].range);
          g_assert_cmpstr (string_or_null (outcome, "class"), ==, expected[seen].klass);
          g_assert_cmpstr (string_or_null (outcome, "imprisonment_max"), ==, expected[seen].max);
          g_assert_cmpint (json_object_get_int_member (outcome, "fine_max_usd"), ==, expected[seen].fine);
        }
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (expected));

  /* The statute number and the offense name show the same thing. */
  run_json (by_name, name_args);
  a = json_to_string (json_parser_get_root (parser), FALSE);
  b = json_to_string (json_parser_get_root (by_name), FALSE);
  g_assert_cmpstr (a, ==, b);
}

static void
test_show_uncertain_and_textless (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const window[] = { "show", "567.030", "--date=2020-01-01", "--format=json", NULL };
  const char *const window_text[] = { "show", "567.030", "--date=2020-01-01", NULL };
  const char *const old_text[] = { "show", "567.030", "--date=2016-06-01", NULL };
  const char *const penalties[] = { "show", "558.011", "--date=2016-06-01", NULL };
  const char *const unknown[] = { "show", "999.999", NULL };
  g_auto (PenalTestRun) run1 = { 0 };
  g_auto (PenalTestRun) run2 = { 0 };
  g_auto (PenalTestRun) run3 = { 0 };
  g_auto (PenalTestRun) run4 = { 0 };
  JsonArray *versions;

  if (!have_binary ())
    return;
  /* 2020-01-01 lies in the window in which either text may have applied. */
  versions = json_object_get_array_member (run_json (parser, window), "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 2);
  for (guint v = 0; v < 2; v++)
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (versions, v),
                                                    "certainly_in_force"));
  penal_test_run (&run1, NULL, "C", window_text);
  penal_test_assert_contains (run1.out, "Which version was in force on 1 January 2020 is not established");
  penal_test_run (&run2, NULL, "C", old_text);
  penal_test_assert_contains (run2.out, "penal holds no statute text for this version.");
  /* RSMo 558.011 before 2017 (secondary sources in mo-penalties.xml):
   * class D felony, up to 4 years. */
  penal_test_run (&run3, NULL, "C", penalties);
  g_assert_cmpint (run3.exit_code, ==, 0);
  penal_test_assert_contains (run3.out, "class D felony, up to 4 years");
  penal_test_run (&run4, NULL, "C", unknown);
  g_assert_cmpint (run4.exit_code, ==, 64);
  penal_test_assert_contains (run4.err, "no statute “999.999”");
  penal_test_assert_contains (run4.err, "patronizing");
}

/* The tree's leaves agree with classify at both ends of every range. */
static void
test_tree (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "tree", "patronizing", "--date=2016-06-01", "--format=json", NULL };
  const char *const text_args[] = { "tree", "patronizing", "--date=2016-06-01", NULL };
  const char *const dot_args[] = { "tree", "patronizing", "--date=2016-06-01", "--format=dot", NULL };
  const char *const csv_args[] = { "tree", "patronizing", "--format=csv", NULL };
  g_auto (PenalTestRun) text = { 0 };
  g_auto (PenalTestRun) dot = { 0 };
  g_auto (PenalTestRun) csv = { 0 };
  g_autofree char *dot_path = NULL;
  JsonObject *tree;
  JsonArray *branches;

  if (!have_binary ())
    return;
  tree = json_object_get_object_member (json_array_get_object_element (
           json_object_get_array_member (run_json (parser, args), "versions"), 0), "tree");
  g_assert_cmpstr (string_or_null (tree, "fact"), ==, "victim_age");
  branches = json_object_get_array_member (tree, "branches");
  g_assert_cmpuint (json_array_get_length (branches), ==, 3);
  for (guint b = 0; b < json_array_get_length (branches); b++)
    {
      JsonObject *branch = json_array_get_object_element (branches, b);
      JsonObject *outcome = json_object_get_object_member (json_object_get_object_member (branch, "node"), "outcome");
      gint64 ends[] = { json_object_get_int_member (branch, "min"), json_object_get_int_member (branch, "max") };

      for (guint e = 0; e < 2; e++)
        {
          g_autoptr (JsonParser) one = json_parser_new ();
          g_autofree char *age = g_strdup_printf ("victim_age=%" G_GINT64_FORMAT, ends[e]);
          const char *const classify[] = { "classify", "--format=json", "offense=patronizing", age,
                                           "offense_date=2016-06-01", NULL };
          JsonObject *answer = run_json (one, classify);

          g_assert_cmpstr (string_or_null (answer, "class"), ==, string_or_null (outcome, "class"));
          g_assert_cmpstr (string_or_null (answer, "citation"), ==, string_or_null (outcome, "citation"));
        }
    }

  /* The seed 004 article, before 2017: 15 to 17, class A misdemeanor. */
  penal_test_run (&text, NULL, "C", text_args);
  penal_test_assert_contains (text.out, "    15–17 → class A misdemeanor [RSMo 567.030.3]\n");
  penal_test_run (&dot, NULL, "C", dot_args);
  g_assert_true (g_str_has_prefix (dot.out, "digraph \"patronizing\" {\n"));
  g_assert_true (g_str_has_suffix (dot.out, "}\n"));
  penal_test_assert_contains (dot.out, "[label=\"0–14\"]");
  penal_test_assert_contains (dot.out, "label=\"class D felony\\nRSMo 567.030.4\"");
  dot_path = g_find_program_in_path ("dot");
  if (dot_path != NULL)
    {
      g_autofree char *command = g_strdup_printf ("sh -c '%s tree patronizing --format=dot | dot -Tsvg >/dev/null'",
                                                  g_getenv ("PENAL_BINARY"));
      int status = -1;
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  penal_test_run (&csv, NULL, "C", csv_args);
  g_assert_cmpint (csv.exit_code, ==, 64);
}

/* Before 2017 against 2025 (sources as above, and 558.011 / 560.011 before
 * 2017): every age tier changed; the open window is flagged.  Prostitution
 * 2023 against 2025: the same text and table, nothing changed. */
static void
test_diff (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[] = { "diff", "patronizing", "--from", "2016-12-31", "--to", "2025-01-01", "--format=json", NULL };
  const char *const same[] = { "diff", "prostitution", "--from", "2023-01-01", "--to", "2025-01-01", NULL };
  const char *const no_to[] = { "diff", "patronizing", "--from", "2016-12-31", NULL };
  const char *const bad_date[] = { "diff", "patronizing", "--from", "2016-13-01", "--to", "2025-01-01", NULL };
  const char *const program[] = { "diff", "kc-oar", "--from", "2016-01-01", "--to", "2025-01-01", NULL };
  const char *before[] = { "felony-D", "misdemeanor-A", "misdemeanor-B" };
  const char *after[] = { "felony-D", "felony-E", "misdemeanor-B" };
  g_auto (PenalTestRun) run1 = { 0 };
  g_auto (PenalTestRun) run2 = { 0 };
  g_auto (PenalTestRun) run3 = { 0 };
  g_auto (PenalTestRun) run4 = { 0 };
  JsonObject *root;
  JsonArray *regions;

  if (!have_binary ())
    return;
  root = run_json (parser, args);
  g_assert_true (json_object_get_boolean_member (root, "changed"));
  regions = json_object_get_array_member (root, "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, 3);
  for (guint r = 0; r < 3; r++)
    {
      JsonObject *region = json_array_get_object_element (regions, r);
      JsonObject *b = json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (region, "before"), 0), "outcome");
      JsonObject *a = json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (region, "after"), 0), "outcome");

      g_assert_true (json_object_get_boolean_member (region, "changed"));
      g_assert_cmpstr (string_or_null (b, "class"), ==, before[r]);
      g_assert_cmpstr (string_or_null (a, "class"), ==, after[r]);
    }
  /* 558.011.1(4): class D felony up to 4 years before 2017, 7 years after. */
  g_assert_cmpstr (string_or_null (json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (regions, 0), "before"), 0), "outcome"), "imprisonment_max"), ==, "P4Y");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "open_windows")), >, 0);

  penal_test_run (&run1, NULL, "C", same);
  g_assert_cmpint (run1.exit_code, ==, 0);
  penal_test_assert_contains (run1.out, "Nothing changed between 1 January 2023 and 1 January 2025");
  penal_test_run (&run2, NULL, "C", no_to);
  g_assert_cmpint (run2.exit_code, ==, 64);
  penal_test_run (&run3, NULL, "C", bad_date);
  g_assert_cmpint (run3.exit_code, ==, 64);
  penal_test_assert_contains (run3.err, "--from");
  penal_test_run (&run4, NULL, "C", program);
  g_assert_cmpint (run4.exit_code, ==, 64);
  penal_test_assert_contains (run4.err, "not an offense");
}

static void
test_what_if (void)
{
  g_autoptr (JsonParser) ages = json_parser_new ();
  g_autoptr (JsonParser) dates = json_parser_new ();
  g_autoptr (JsonParser) priors = json_parser_new ();
  const char *const age_args[] = { "what-if", "offense=patronizing", "offense_date=2024-01-01", "--vary", "victim_age", "--format=json", NULL };
  const char *const date_args[] = { "what-if", "offense=patronizing", "victim_age=16", "--vary", "offense_date", "--format=json", NULL };
  const char *const prior_args[] = { "what-if", "offense=patronizing", "victim_age=30", "offense_date=2024-01-01",
                                     "--vary", "prior_prostitution_offenses", "--format=json", NULL };
  const char *const errors[][6] = {
    { "what-if", "offense=patronizing", NULL },
    { "what-if", "offense=patronizing", "--vary", "colour", NULL },
    { "what-if", "offense=patronizing", "victim_age=16", "--vary", "victim_age", NULL },
    { "what-if", "offense=patronizing", "--vary", "knew_hiv", NULL },
  };
  /* Sources as in test_show. */
  const gint64 bounds[][2] = { { 0, 14 }, { 15, 17 }, { 18, 120 } };
  const char *classes[] = { "felony-D", "felony-E", "misdemeanor-B" };
  /* The versions' dates as in test_list. */
  const char *from[] = { NULL, "2017-01-01", "2017-02-14", "2023-03-11" };
  const char *to[] = { "2016-12-31", "2017-02-13", "2023-03-10", NULL };
  JsonArray *ranges;

  if (!have_binary ())
    return;
  ranges = json_object_get_array_member (run_json (ages, age_args), "ranges");
  g_assert_cmpuint (json_array_get_length (ranges), ==, 3);
  for (guint r = 0; r < 3; r++)
    {
      JsonObject *range = json_array_get_object_element (ranges, r);
      g_assert_cmpint (json_object_get_int_member (range, "min"), ==, bounds[r][0]);
      g_assert_cmpint (json_object_get_int_member (range, "max"), ==, bounds[r][1]);
      g_assert_cmpstr (string_or_null (range, "class"), ==, classes[r]);
    }

  ranges = json_object_get_array_member (run_json (dates, date_args), "ranges");
  g_assert_cmpuint (json_array_get_length (ranges), ==, 4);
  for (guint r = 0; r < 4; r++)
    {
      JsonObject *range = json_array_get_object_element (ranges, r);
      g_assert_cmpstr (string_or_null (range, "from"), ==, from[r]);
      g_assert_cmpstr (string_or_null (range, "to"), ==, to[r]);
    }
  g_assert_cmpstr (string_or_null (json_array_get_object_element (ranges, 2), "status"), ==, "ambiguous");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (ranges, 2),
                                                                         "candidate_versions")), ==, 2);

  /* Kansas City's programs take first-time offenders only (seed 004);
   * RSMo 567.110: two or more prior findings make a persistent offender,
   * a class E felony (mo-567-110.xml). */
  ranges = json_object_get_array_member (run_json (priors, prior_args), "ranges");
  g_assert_cmpuint (json_array_get_length (ranges), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (ranges, 0), "diversion_eligible"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (ranges, 1), "diversion_eligible"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (ranges, 2), "min"), ==, 2);
  g_assert_cmpstr (string_or_null (json_array_get_object_element (json_object_get_array_member (
                     json_array_get_object_element (ranges, 2), "enhancements"), 0), "class"), ==, "felony-E");

  for (guint e = 0; e < G_N_ELEMENTS (errors); e++)
    {
      g_auto (PenalTestRun) run = { 0 };
      penal_test_run (&run, NULL, "C", errors[e]);
      g_assert_cmpint (run.exit_code, ==, 64);
      g_assert_cmpstr (run.out, ==, "");
      penal_test_assert_contains (run.err, "penal: ");
    }
}

static void
test_spanish (void)
{
  const char *const args[] = { "tree", "patronizing", "--date=2024-01-01", NULL };
  const char *const diff[] = { "diff", "prostitution", "--from", "2023-01-01", "--to", "2025-01-01", NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) run2 = { 0 };

  if (!have_binary ())
    return;
  penal_test_run (&run, "es", "C.UTF-8", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains (run.out, "0–14 → delito grave de clase D [RSMo 567.030.4]");
  penal_test_assert_contains (run.out, "vigente el 1 de enero de 2024");
  penal_test_run (&run2, "es", "C.UTF-8", diff);
  penal_test_assert_contains (run2.out, "Nada cambió entre el 1 de enero de 2023 y el 1 de enero de 2025");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/explore/list", test_list);
  g_test_add_func ("/explore/show", test_show);
  g_test_add_func ("/explore/show/uncertain-textless-penalties-unknown", test_show_uncertain_and_textless);
  g_test_add_func ("/explore/tree", test_tree);
  g_test_add_func ("/explore/diff", test_diff);
  g_test_add_func ("/explore/what-if", test_what_if);
  g_test_add_func ("/explore/spanish", test_spanish);
  return g_test_run ();
}
