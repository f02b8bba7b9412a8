/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore-tree.c: penal tree on the real binary: its JSON checked against
 * the statute files and against `penal classify`, its text and DOT forms
 * (and what Graphviz makes of them), Spanish, and its usage errors. */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-explore.h"
#include "penal-test-register.h"
#include "penal-test-run.h"

/* ------------------------------------------------------------------ */
/* tree                                                                 */

/* In a tree's JSON, the outcome of the first branch of a node, and of the
 * first version's tree. */
#define FIRST_BRANCH "branches/0/node/outcome"
#define FIRST_LEAF "versions/0/tree/" FIRST_BRANCH

/* The text tree of the version in force on 2016-06-01; figures as in
 * rules_2004. */
static void
test_tree_text (void)
{
  const char *const args[]
      = { "tree", "patronizing", "--date=2016-06-01", NULL };
  g_autofree char *out = NULL;

  if (!penal_test_have_binary ())
    return;
  out = penal_test_run_text (NULL, "C", args);
  g_assert_true (g_str_has_prefix (
      out, "Patronizing prostitution (RSMo 567.030), RSMo 567.030 with the age "
           "tiers of 28 August 2004, until SB 491"));
  penal_test_assert_contains (out, ", in force on 1 June 2016:\n");
  g_assert_true (g_str_has_suffix (
      out, "  victim_age (age in years of the individual patronized)\n"
           "    0–14 → class D felony [RSMo 567.030.4]\n"
           "    15–17 → class A misdemeanor [RSMo 567.030.3]\n"
           "    18+ → class B misdemeanor [RSMo 567.030.3]\n"));
}

/* Braces outside DOT string literals balance and never go below zero. */
static void
assert_dot_braces_balance (const char *dot)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (const char *p = dot; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '{')
        depth++;
      else if (*p == '}')
        {
          depth--;
          g_assert_cmpint (depth, >=, 0);
        }
    }
  g_assert_false (in_string);
  g_assert_cmpint (depth, ==, 0);
}

/* The DOT leaf whose label is "<class name>\n<citation>", and the edge
 * into it labelled with the age range. */
static void
assert_dot_leaf (const char *dot, const char *klass, const char *citation,
                 const char *range)
{
  g_autofree char *label = g_strdup_printf (
      " [shape=box, style=rounded, label=\"%s\\n%s\"];\n", klass, citation);
  const char *at = strstr (dot, label);
  const char *line;
  g_autofree char *node = NULL;
  g_autofree char *edge = NULL;

  if (at == NULL)
    g_error ("no leaf %s in:\n%s", label, dot);
  for (line = at; line > dot && line[-1] != '\n'; line--)
    ;
  while (*line == ' ')
    line++;
  node = g_strndup (line, (gsize)(at - line));
  g_assert_true (g_str_has_prefix (node, "n"));
  g_assert_cmpuint (penal_test_count (dot, label), ==, 1);
  edge = g_strdup_printf (" -> %s [label=\"%s\"];\n", node, range);
  penal_test_assert_contains (dot, edge);
}

static void
test_tree_dot (void)
{
  const char *const args[]
      = { "tree", "patronizing", "--date=2016-06-01", "--format=dot", NULL };
  g_auto (GStrv) window = window_args ("tree", "--format=dot");
  g_autofree char *dot = NULL;
  g_autofree char *both = NULL;

  if (!penal_test_have_binary ())
    return;
  dot = penal_test_run_text (NULL, "C", args);
  g_assert_true (g_str_has_prefix (dot, "digraph \"patronizing\" {\n"));
  g_assert_true (g_str_has_suffix (dot, "}\n"));
  assert_dot_braces_balance (dot);
  /* One leaf per rule of mo-567.030-2004, one decision node. */
  g_assert_cmpuint (penal_test_count (dot, "shape=box"), ==, 3);
  g_assert_cmpuint (penal_test_count (dot, "shape=ellipse"), ==, 1);
  g_assert_cmpuint (penal_test_count (dot, " -> "), ==, 3);
  g_assert_cmpuint (penal_test_count (dot, "subgraph cluster_"), ==, 1);
  /* Figures as in rules_2004. */
  assert_dot_leaf (dot, "class D felony", "RSMo 567.030.4", "0–14");
  assert_dot_leaf (dot, "class A misdemeanor", "RSMo 567.030.3", "15–17");
  assert_dot_leaf (dot, "class B misdemeanor", "RSMo 567.030.3", "18+");
  penal_test_assert_contains (
      dot,
      "label=\"victim_age\\n(age in years of the individual patronized)\"");
  penal_test_assert_contains (dot, "\\nin force on 1 June 2016\";\n");

  /* In an uncertain window (tests/data/valid-uncertain-window.xml) each
   * candidate version is its own cluster. */
  both = penal_test_run_text (NULL, "C", (const char *const *)window);
  assert_dot_braces_balance (both);
  g_assert_cmpuint (penal_test_count (both, "subgraph cluster_"), ==, 2);
  g_assert_cmpuint (penal_test_count (both, "shape=box"), ==, 6);
  g_assert_cmpuint (
      penal_test_count (both, "may have been in force on 1 January 2020\";\n"),
      ==, 2);
  assert_dot_leaf (both, "class E felony", "Test Code 900.030.4", "0–14");
  assert_dot_leaf (both, "class D felony", "Test Code 900.030.4", "0–14");
}

/* Graphviz accepts the DOT penal writes. */
static void
test_tree_dot_renders (void)
{
  const char *dates[] = { "--date=2016-06-01", "--date=2020-01-01" };
  g_autofree char *dot_program = NULL;

  if (!penal_test_have_binary ())
    return;
  dot_program = g_find_program_in_path ("dot");
  if (dot_program == NULL)
    {
      g_test_skip ("Graphviz dot is not on PATH");
      return;
    }
  for (gsize d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      const char *const args[]
          = { "tree", "patronizing", dates[d], "--format=dot", NULL };
      const char *const argv[] = { dot_program, "-Tsvg", NULL };
      g_autofree char *dot = penal_test_run_text (NULL, "C", args);
      g_autoptr (GSubprocessLauncher) launcher = NULL;
      g_autoptr (GSubprocess) process = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *svg = NULL;
      g_autofree char *err = NULL;
      g_autofree char *dot_path
          = penal_test_write_temporary (dot, strlen (dot));

      /* From a file, so dot stopping early can never kill this test. */
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                            | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_subprocess_launcher_set_stdin_file_path (launcher, dot_path);
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &svg, &err, &error);
      g_assert_no_error (error);
      g_unlink (dot_path);
      g_assert_true (g_subprocess_get_if_exited (process));
      if (g_subprocess_get_exit_status (process) != 0)
        g_error ("dot -Tsvg refused:\n%s\n%s", err, dot);
      g_assert_cmpstr (err, ==, "");
      penal_test_assert_contains (svg, "<svg");
      penal_test_assert_contains (svg, "RSMo 567.030.4");
    }
}

/* The JSON tree's leaves agree with `penal classify` at the ages on both
 * sides of every boundary the statute draws (14|15, 17|18) and at the ends
 * of the domain (0 and 120, statutes/facts.xml), on a date under each
 * certain version; the branches cover every age once. */
static void
test_tree_agrees_with_classify (void)
{
  const char *dates[] = { "2016-06-01", "2024-01-01" };
  const char *version_ids[] = { "mo-567.030-2004", "mo-567.030-2018" };
  const ExpectedRule *expected[] = { rules_2004, rules_2018 };
  const char *eras[] = { "mo-classes-pre2017", "mo-classes-2017" };
  const gint64 ages[] = { 0, 14, 15, 17, 18, 120 };

  if (!penal_test_have_binary ())
    return;
  for (gsize d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autofree char *date = g_strdup_printf ("--date=%s", dates[d]);
      const char *const args[] = { "tree", "patronizing", date, NULL };
      JsonObject *root = explore_json (parser, args);
      JsonArray *versions = json_object_get_array_member (root, "versions");
      JsonObject *entry, *tree;
      JsonArray *branches;

      g_assert_cmpstr (penal_test_string_or_null (root, "id"), ==,
                       "patronizing");
      g_assert_cmpstr (penal_test_string_or_null (root, "date"), ==, dates[d]);
      g_assert_cmpuint (json_array_get_length (versions), ==, 1);
      entry = penal_test_object_at (versions, 0);
      assert_shown_version (entry, version_ids[d], TRUE);
      tree = json_object_get_object_member (entry, "tree");
      g_assert_cmpstr (penal_test_string_or_null (tree, "fact"), ==,
                       "victim_age");
      branches = json_object_get_array_member (tree, "branches");
      g_assert_cmpuint (json_array_get_length (branches), ==, 3);
      for (guint b = 0; b < 3; b++)
        {
          JsonObject *branch = penal_test_object_at (branches, b);

          assert_tier (branch, &expected[d][b]);
          assert_outcome (
              json_object_get_object_member (
                  json_object_get_object_member (branch, "node"), "outcome"),
              &expected[d][b], eras[d]);
        }

      for (gsize a = 0; a < G_N_ELEMENTS (ages); a++)
        {
          g_autoptr (JsonParser) one = json_parser_new ();
          JsonObject *answer = classify_patronizing (one, ages[a], dates[d]);
          JsonObject *leaf = NULL;

          for (guint b = 0; b < 3; b++)
            {
              JsonObject *branch = penal_test_object_at (branches, b);
              if (json_object_get_int_member (branch, "min") <= ages[a]
                  && ages[a] <= json_object_get_int_member (branch, "max"))
                leaf = json_object_get_object_member (
                    json_object_get_object_member (branch, "node"), "outcome");
            }
          g_assert_nonnull (leaf);
          g_assert_cmpstr (penal_test_string_or_null (answer, "status"), ==,
                           "decided");
          g_assert_cmpstr (penal_test_string_or_null (answer, "class"), ==,
                           penal_test_string_or_null (leaf, "class"));
          g_assert_cmpstr (penal_test_string_or_null (answer, "citation"), ==,
                           penal_test_string_or_null (leaf, "citation"));
          g_assert_cmpstr (
              penal_test_string_or_null (
                  json_object_get_object_member (answer, "version"), "id"),
              ==, version_ids[d]);
          g_assert_cmpstr (
              penal_test_string_or_null (
                  json_object_get_object_member (answer, "imprisonment"),
                  "max"),
              ==, penal_test_string_or_null (leaf, "imprisonment_max"));
          g_assert_cmpint (
              json_object_get_int_member (
                  json_object_get_object_member (answer, "fine"), "max_usd"),
              ==, json_object_get_int_member (leaf, "fine_max_usd"));
        }
    }
}

/* In an uncertain window (as test_show_window) both candidate trees are
 * given, neither as certainly in force. */
static void
test_tree_window (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) args = window_args ("tree", NULL);
  const char *youngest[] = { "felony-E", "felony-D" };
  g_autofree char *out = NULL;
  JsonArray *versions;

  if (!penal_test_have_binary ())
    return;
  versions = window_versions (parser, (const char *const *)args);
  for (guint v = 0; v < 2; v++)
    {
      JsonObject *entry = penal_test_object_at (versions, v);
      JsonArray *branches = json_object_get_array_member (
          json_object_get_object_member (entry, "tree"), "branches");

      g_assert_cmpuint (json_array_get_length (branches), ==, 3);
      g_assert_cmpstr (
          penal_test_string_or_null (
              penal_test_object_path (entry, "tree/" FIRST_BRANCH), "class"),
          ==, youngest[v]);
    }
  out = penal_test_run_text (NULL, "C", (const char *const *)args);
  g_assert_cmpuint (
      penal_test_count (out,
                        ", which may have been in force on 1 January 2020:\n"),
      ==, 2);
  penal_test_assert_contains (
      out, "    0–14 → class E felony [Test Code 900.030.4]\n");
  penal_test_assert_contains (
      out, "    0–14 → class D felony [Test Code 900.030.4]\n");
}

/* Johnz School's rules cite KCTV5 of 22 February 2019, no statute
 * (research/missouri-law.md, "Diversion (Kansas City)"): the tree names
 * the source by its label and date as every date is written, and its JSON
 * keeps the citation as written with the source it cites. */
static void
test_tree_cited_source (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const args[]
      = { "tree", "kc-johnz-school", "--date=2018-01-01", NULL };
  const char *const show_args[]
      = { "show", "kc-oar", "--date=2016-06-01", NULL };
  g_autofree char *out = NULL;
  g_autofree char *show = NULL;
  JsonObject *outcome, *cites;

  if (!penal_test_have_binary ())
    return;
  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains (
      out, "    0–17 → not eligible [KCTV5, 22 February 2019]\n");
  penal_test_assert_lacks (out, "2019-02-22");
  show = penal_test_run_text (NULL, "C", show_args);
  penal_test_assert_contains (show, "\n    Article on the OAR program, 2016\n");

  outcome = penal_test_object_path (explore_json (parser, args), FIRST_LEAF);
  g_assert_cmpstr (penal_test_string_or_null (outcome, "citation"), ==,
                   "KCTV5, on Veronica's Voice and Johnz School, 2019-02-22");
  cites = json_object_get_object_member (outcome, "cites");
  g_assert_nonnull (cites);
  g_assert_cmpstr (penal_test_string_or_null (cites, "id"), ==, "kctv5-2019");
  g_assert_cmpstr (penal_test_string_or_null (cites, "label"), ==, "KCTV5");
  g_assert_cmpstr (penal_test_string_or_null (cites, "date"), ==, "2019-02-22");
}

/* Spanish (po/es.po): "class D felony" is "delito mayor de clase D",
 * "class A misdemeanor" "delito menor de clase A", "class B misdemeanor"
 * "delito menor de clase B", "in force on %s" "vigente el %s", "Patronizing
 * prostitution" "Pagar por prostitución"; codes, citations and fact names
 * stay as they are.  Classes as in rules_2004. */
static void
test_tree_spanish (void)
{
  const char *const args[]
      = { "tree", "patronizing", "--date=2016-06-01", NULL };
  const char *const lang_dot[]
      = { "--lang=es",         "tree",         "patronizing",
          "--date=2016-06-01", "--format=dot", NULL };
  const char *const json_args[]
      = { "tree", "patronizing", "--date=2016-06-01", "--format=json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *dot = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *outcome;

  if (!penal_test_have_catalogs ())
    return;
  out = penal_test_run_text ("es", "C.UTF-8", args);
  g_assert_true (
      g_str_has_prefix (out, "Pagar por prostitución (RSMo 567.030), "));
  penal_test_assert_contains (out, ", vigente el 1 de junio de 2016:\n");
  penal_test_assert_contains (
      out,
      "  victim_age (edad en años de la persona a quien se pagó por sexo)\n");
  penal_test_assert_contains (
      out, "    0–14 → delito mayor de clase D [RSMo 567.030.4]\n");
  penal_test_assert_contains (
      out, "    15–17 → delito menor de clase A [RSMo 567.030.3]\n");
  penal_test_assert_contains (
      out, "    18+ → delito menor de clase B [RSMo 567.030.3]\n");
  penal_test_assert_lacks (out, "felony");
  penal_test_assert_lacks (out, "misdemeanor");

  /* --lang=es overrides LC_ALL=C. */
  dot = penal_test_run_text (NULL, "C", lang_dot);
  g_assert_true (g_str_has_prefix (dot, "digraph \"patronizing\" {\n"));
  assert_dot_braces_balance (dot);
  assert_dot_leaf (dot, "delito mayor de clase D", "RSMo 567.030.4", "0–14");
  assert_dot_leaf (dot, "delito menor de clase A", "RSMo 567.030.3", "15–17");
  assert_dot_leaf (dot, "delito menor de clase B", "RSMo 567.030.3", "18+");
  penal_test_assert_contains (dot, "\\nvigente el 1 de junio de 2016\";\n");
  penal_test_assert_lacks (dot, "felony");

  /* JSON: titles translated, codes not. */
  json = penal_test_run_text ("es", "C.UTF-8", json_args);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (penal_test_string_or_null (root, "title"), ==,
                   "Pagar por prostitución");
  g_assert_cmpstr (penal_test_string_or_null (root, "id"), ==, "patronizing");
  outcome = penal_test_object_path (root, FIRST_LEAF);
  g_assert_cmpstr (penal_test_string_or_null (outcome, "class"), ==,
                   "felony-D");
  g_assert_cmpstr (penal_test_string_or_null (outcome, "citation"), ==,
                   "RSMo 567.030.4");
}

static void
test_tree_errors (void)
{
  const char *const csv[] = { "tree", "patronizing", "--format=csv", NULL };
  const char *const jsonl[] = { "tree", "patronizing", "--format=jsonl", NULL };
  const char *const table[] = { "tree", "558.011", NULL };
  const char *const unknown[] = { "tree", "567.999", NULL };
  const char *const none[] = { "tree", NULL };
  const char *const bad_date[]
      = { "tree", "patronizing", "--date=2016-6-1", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_assert_usage_error (
      csv, "--format: unknown format “csv” for tree; use text, dot or json");
  penal_test_assert_usage_error (
      jsonl,
      "--format: unknown format “jsonl” for tree; use text, dot or json");
  penal_test_assert_usage_error (
      table, "tree: a penalty table has no decision tree; try penal show");
  penal_test_assert_usage_error (unknown, "tree: no statute “567.999”");
  penal_test_assert_usage_error (
      none, "tree: name one statute, for example: penal tree patronizing");
  penal_test_assert_usage_error (bad_date, "--date: “2016-6-1” is not valid");
}

static const PenalTestFunc tests[] = {
  { "/explore/tree/text", test_tree_text },
  { "/explore/tree/dot", test_tree_dot },
  { "/explore/tree/dot-renders", test_tree_dot_renders },
  { "/explore/tree/agrees-with-classify", test_tree_agrees_with_classify },
  { "/explore/tree/window", test_tree_window },
  { "/explore/tree/cited-source", test_tree_cited_source },
  { "/explore/tree/spanish", test_tree_spanish },
  { "/explore/tree/errors", test_tree_errors },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
