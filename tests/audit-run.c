/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit-run.c: penal audit over a caseload, as a prosecutor's office runs
 * it: the findings of every kind through the command, the rows of one
 * code and class on both sides of every change penal holds in one run
 * (so a period's check reused for another would show), the typed class
 * spellings, --keep, JSON Lines, the summary, the exit status, and the HTML
 * report.  And, over thousands of generated rows, that every row the
 * command writes says what penal_audit_check says of it alone.
 *
 * The classes and periods are the Highway Patrol's charge-code table
 * (statutes/mshp-charge-codes.tsv, edition of 5 August 2021) and RSMo
 * 567.030 and 567.110 as statutes/mo-567-030.xml and mo-567-110.xml hold
 * them, with their sources there. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penal-audit-private.h"
#include "penal-class.h"
#include "penal-date.h"
#include "penal-model-private.h"
#include "penal-test-case.h"
#include "penal-test-run.h"
#include "penal.h"

/* One row per line of expected output: the CSV cells after the kept one. */
static const char *const caseload
    = "Case No,Offense Date,Charge Code,Charged Class,Offense,Victim Age,"
      "Prior Prostitution Offenses\n"
      /* 567.030-001Y200440: class D felony, 2004-08-28 to 2016-12-31;
         567.030-001Y201740 (class E felony) from 2017-01-01.  The later
         date first, so a check of one period cannot serve the other. */
      "c1,2017-01-01,567.030-001Y200440,Class D Felony,,,\n"
      "c2,2016-12-31,567.030-001Y200440,Class D Felony,,,\n"
      /* 567.030-001Y201740 ends 2018-08-27; from 2018-08-28 the tier is a
         class D felony again (RSMo 567.030 as amended in 2018). */
      "c3,2018-08-28,567.030-001Y201740,felony-E,,,\n"
      "c4,2018-08-27,567.030-001Y201740,felony-E,,,\n"
      /* 567.030-999Y195040: one class B misdemeanor until 2004-08-27; no
         code of its family after. */
      "c5,2004-08-28,567.030-999Y195040,M-B,,,\n"
      "c6,2004-08-27,567.030-999Y195040,M-B,,,\n"
      /* 567.030-003Y201840 is a class E felony in the table. */
      "c7,2019-01-01,567.030-003Y201840,Class A Misdemeanor,,,\n"
      /* Patronizing a 12-year-old is a class D felony (567.030.4), so the
         567.110 persistent-offender class E felony cannot raise it. */
      "c8,2024-03-01,567.030-002Y202040,,patronizing,12,2\n"
      /* 105.470-001N196573: class U, the statute sets the penalty. */
      "c9,2000-01-01,105.470-001N196573,M-A,,,\n"
      /* The facts decide: 16 years old in 2024 is a class E felony. */
      "c10,2024-05-01,,felony-E,patronizing,16,\n"
      "c11,2024-05-01,567.030-003,,,,\n"
      "c12,,567.030-003Y201840,felony-E,,,\n"
      "c13,2024-05-01,567.030-003Y202040,Class Q,,,\n"
      "c14,6/1/2024,567.030-003Y202040,E felony,,,\n"
      /* Facts alone: nothing recorded to hold against the law. */
      "c15,2024-05-01,,,patronizing,16,\n"
      /* 21027, the legacy code of 567.030-003Y200440 (class A
         misdemeanor, 2004-08-28 to 2018-08-27): checked as that code. */
      "c16,2010-06-01,21027,M-A,,,\n"
      "c17,2019-06-01,21027,M-A,,,\n"
      "c18,2010-06-01,99999,M-A,,,\n"
      /* A family of codes with the facts: checked by the facts, and the
         row says why the code was not. */
      "c19,2024-05-01,567.030-003,felony-E,patronizing,16,\n";

static const char *const expected[] = {
  "c1,2,2017-01-01,567.030-001Y200440,felony-D,code-not-in-force,"
  "code-not-in-force;class-mismatch,felony-E,",
  "c2,3,2016-12-31,567.030-001Y200440,felony-D,ok,ok,felony-D,",
  "c3,4,2018-08-28,567.030-001Y201740,felony-E,code-not-in-force,"
  "code-not-in-force;class-mismatch,felony-D,",
  "c4,5,2018-08-27,567.030-001Y201740,felony-E,ok,ok,felony-E,",
  "c5,6,2004-08-28,567.030-999Y195040,misdemeanor-B,code-not-in-force,"
  "code-not-in-force;",
  "c6,7,2004-08-27,567.030-999Y195040,misdemeanor-B,ok,ok,misdemeanor-B,",
  "c7,8,2019-01-01,567.030-003Y201840,misdemeanor-A,code-class-mismatch,"
  "code-class-mismatch;class-mismatch,felony-E,",
  "c8,9,2024-03-01,567.030-002Y202040,,enhancement-cannot-raise,"
  "enhancement-cannot-raise,",
  "c9,10,2000-01-01,105.470-001N196573,misdemeanor-A,cannot-check,",
  "c10,11,2024-05-01,,felony-E,ok,ok,felony-E,RSMo 567.030.3,statute-text,",
  "c11,12,2024-05-01,567.030-003,,cannot-check,cannot-check,,,,,"
  "567.030-003 is a family of codes",
  "c12,13,,,,error,error,,,,,offense_date: not given",
  "c13,14,,,,error,error,,,,,\"charged_class: “Class Q” is not a class",
  "c14,15,,,,error,error,,,,,",
  "c15,16,2024-05-01,,,cannot-check,cannot-check,felony-E,RSMo 567.030.3,"
  "statute-text,,The record gives neither a charge code nor a class to "
  "check; the law makes it a class E felony.,",
  "c16,17,2010-06-01,567.030-003Y200440,misdemeanor-A,ok,ok,misdemeanor-A,",
  "c17,18,2019-06-01,567.030-003Y200440,misdemeanor-A,code-not-in-force,"
  "code-not-in-force;class-mismatch,felony-E,",
  "c18,19,2010-06-01,99999,misdemeanor-A,cannot-check,cannot-check,,,,,"
  "The Patrol's table has no legacy code 99999.,",
  "c19,20,2024-05-01,567.030-003,felony-E,ok,ok,felony-E,RSMo 567.030.3,"
  "statute-text,,The record agrees with the law on the offense date.,"
  "567.030-003 is a family of codes: the audit checks a charge's full code.",
};

static void
test_findings (void)
{
  const char *const args[] = { "audit", "--keep=case no", "-", NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  penal_test_run_input (&run, NULL, "C", args, caseload, strlen (caseload));
  g_test_message ("%s%s", run.out, run.err);
  /* Rows that cannot be read come before findings in the exit status. */
  g_assert_cmpint (run.exit_code, ==, 65);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "Case No,line,offense_date,charge_code,charged_class,"
                   "finding,findings,law_class,citation,basis,code_in_force,"
                   "message,notes");
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_str_has_prefix (lines[i + 1], expected[i]))
      g_error ("row %u: “%s” does not start “%s”", i + 1, lines[i + 1],
               expected[i]);
  /* The code in force then is named, and where none is, that is said. */
  penal_test_assert_contains (lines[1], ",567.030-001Y201740,");
  penal_test_assert_contains (lines[5], "no code of 567.030-999 was in force");
  /* Every finding cites: the Patrol's table, or the statute. */
  penal_test_assert_contains (lines[1], "Highway Patrol charge codes");
  penal_test_assert_contains (lines[8], "RSMo 567.110");
  /* A legacy code says which code it was checked as. */
  penal_test_assert_contains (lines[16], "21027 is the legacy code of "
                                         "567.030-003Y200440");
  /* A slashed date is never guessed. */
  penal_test_assert_contains (lines[14], "--date-order");
  g_assert_cmpstr (run.err, ==,
                   "penal: 19 rows: 6 ok, 4 code-not-in-force, 1 "
                   "code-class-mismatch, 1 enhancement-cannot-raise, 4 "
                   "cannot-check, 3 error; 6 need attention\n"
                   "penal: 3 of 19 rows could not be checked; see the rows "
                   "with finding error\n");
}

/* The exit status: 0 when every row that could be checked is ok, even
 * with rows that cannot be checked; 1 when one needs attention. */
static void
test_exit_status (void)
{
  const char *const args[] = { "audit", NULL };
  const char *ok = "offense_date,charge_code,charged_class\n"
                   "2019-01-01,567.030-003Y201840,felony-E\n"
                   "2000-01-01,105.470-001N196573,\n";
  const char *attention = "offense_date,charge_code,charged_class\n"
                          "2019-01-01,567.030-003Y201840,felony-E\n"
                          "2019-01-01,567.030-003Y200440,M-A\n";
  g_auto (PenalTestRun) first = { 0 };
  g_auto (PenalTestRun) second = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run_input (&first, NULL, "C", args, ok, strlen (ok));
  g_assert_cmpint (first.exit_code, ==, 0);
  g_assert_cmpstr (first.err, ==,
                   "penal: 2 rows: 1 ok, 1 cannot-check; 0 need attention\n");
  penal_test_run_input (&second, NULL, "C", args, attention,
                        strlen (attention));
  g_assert_cmpint (second.exit_code, ==, 1);
  penal_test_assert_contains (second.err, "1 needs attention");
}

/* The class as people type it, and what is refused. */
static void
test_typed_classes (void)
{
  const char *const args[] = { "audit", "--format=jsonl", NULL };
  static const char *const accepted[][2] = {
    { "felony-E", "felony-E" },
    { "Class E Felony", "felony-E" },
    { "E felony", "felony-E" },
    { "class e felony", "felony-E" },
    { "M-A", "misdemeanor-A" },
    { "Class A Misdemeanor", "misdemeanor-A" },
    { "A misdemeanor", "misdemeanor-A" },
  };
  static const char *const refused[] = { "felony", "Class Q", "E", "F-Z" };
  g_autoptr (GString) input = g_string_new ("offense_date,charged_class,"
                                            "charge_code\n");
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_string_append_printf (input, "2019-01-01,%s,567.030-003Y201840\n",
                            accepted[i][0]);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_string_append_printf (input, "2019-01-01,%s,567.030-003Y201840\n",
                            refused[i]);
  penal_test_run_input (&run, NULL, "C", args, input->str, input->len);
  g_assert_cmpint (run.exit_code, ==, 65);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      JsonObject *row = penal_test_parse_object (parser, lines[i]);

      g_assert_cmpstr (json_object_get_string_member (row, "charged_class"), ==,
                       accepted[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      JsonObject *row = penal_test_parse_object (
          parser, lines[G_N_ELEMENTS (accepted) + i]);

      g_assert_cmpstr (json_object_get_string_member (row, "finding"), ==,
                       "error");
      penal_test_assert_contains (
          json_object_get_string_member (row, "message"), "charged_class");
    }
}

/* JSON Lines in and out: each finding with its citation and basis, the
 * law, the code in force, and the kept cells. */
static void
test_jsonl (void)
{
  const char *const args[] = { "audit", "--input-format=jsonl",
                               "--format=jsonl", "--keep=case", NULL };
  const char *input = "{\"case\":\"k-1\",\"offense_date\":\"2018-08-28\","
                      "\"charge_code\":\"567.030-003Y200440\","
                      "\"charged_class\":\"M-A\"}\n";
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *row, *law, *finding;
  JsonArray *findings, *in_force;

  if (!penal_test_have_binary ())
    return;
  penal_test_run_input (&run, NULL, "C", args, input, strlen (input));
  g_assert_cmpint (run.exit_code, ==, 1);
  row = penal_test_parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (row, "format_version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "line"), ==, 1);
  g_assert_cmpstr (penal_test_string_or_null (
                       json_object_get_object_member (row, "kept"), "case"),
                   ==, "k-1");
  g_assert_cmpstr (json_object_get_string_member (row, "finding"), ==,
                   "code-not-in-force");
  findings = json_object_get_array_member (row, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 2);
  finding = penal_test_object_at (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (finding, "kind"), ==,
                   "class-mismatch");
  /* RSMo 567.030.3 as amended in 2018: 15 to 17, a class E felony. */
  g_assert_cmpstr (json_object_get_string_member (finding, "citation"), ==,
                   "RSMo 567.030.3");
  law = json_object_get_object_member (row, "law");
  g_assert_cmpstr (json_object_get_string_member (law, "class"), ==,
                   "felony-E");
  in_force = json_object_get_array_member (row, "code_in_force");
  g_assert_cmpuint (json_array_get_length (in_force), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (in_force, 0), ==,
                   "567.030-003Y201840");
}

/* The report: one page, no script, counts by kind, every text escaped. */
static void
test_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("penal-audit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "audit.html", NULL);
  g_autofree char *option = g_strconcat ("--report=", path, NULL);
  const char *const args[] = { "audit", "--keep=case", option, NULL };
  const char *input = "case,offense_date,charge_code,charged_class\n"
                      "<script>alert(1)</script>,2018-08-28,"
                      "567.030-003Y200440,M-A\n"
                      "ok-1,2019-01-01,567.030-003Y201840,felony-E\n";
  g_auto (PenalTestRun) run = { 0 };
  g_autofree char *html = NULL;

  if (!penal_test_have_binary ())
    return;
  penal_test_run_input (&run, NULL, "C", args, input, strlen (input));
  g_assert_cmpint (run.exit_code, ==, 1);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  penal_test_assert_lacks (html, "<script");
  penal_test_assert_contains (html, "&lt;script&gt;");
  penal_test_assert_contains (html, "<section id=\"code-not-in-force\">");
  penal_test_assert_contains (html,
                              "Code not in force on the offense date (1)");
  penal_test_assert_contains (html, "Recorded class is not the law&apos;s (1)");
  penal_test_assert_contains (html, "@media print");
  /* A code is never broken at its hyphen. */
  penal_test_assert_contains (html,
                              "<td class=\"code\">567.030-003Y200440</td>");
  /* The row that agrees is counted, not listed. */
  penal_test_assert_lacks (html, "ok-1");
  g_unlink (path);
  g_rmdir (dir);
}

/* A report that cannot be written: 73, and the rows are still written. */
static void
test_report_unwritable (void)
{
  const char *const args[]
      = { "audit", "--report=/nonexistent/dir/audit.html", NULL };
  const char *input = "offense_date,charge_code\n2019-01-01,"
                      "567.030-003Y201840\n";
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run_input (&run, NULL, "C", args, input, strlen (input));
  g_assert_cmpint (run.exit_code, ==, 73);
  penal_test_assert_contains (run.out, ",ok,");
  penal_test_assert_contains (run.err, "cannot write the report");
}

static void
test_usage (void)
{
  const char *const full[] = { "audit", "--full", NULL };
  const char *const dash[] = { "audit", "--report=-", NULL };
  const char *const format[] = { "audit", "--format=xml", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_assert_usage_error (full, "--full");
  penal_test_assert_usage_error (dash, "--report");
  penal_test_assert_usage_error (format, "for audit");
}

/* Runs penal_audit_run over a caseload held in memory, writing JSON
 * Lines; returns what it wrote (free () it) and fills counts. */
static char *
audit_jsonl (const PenalModel *model, const char *input, gsize length,
             PenalAuditCounts *counts)
{
  PenalAuditOptions options = { .output_format = PENAL_BATCH_JSONL };
  g_autoptr (GError) error = NULL;
  char *output = NULL;
  size_t output_length = 0;
  FILE *in = fmemopen ((void *)input, length, "rb");
  FILE *out = open_memstream (&output, &output_length);

  g_assert_true (
      penal_audit_run (model, &options, in, "-", out, counts, &error));
  g_assert_no_error (error);
  fclose (in);
  fclose (out);
  return output;
}

/* Thousands of generated rows, codes of every kind on dates around their
 * periods, through penal_audit_run in one go: each row says what
 * penal_audit_check says of that row alone. */
static void
test_agrees_with_check (void)
{
  g_autoptr (PenalModel) model = penal_test_load_bundled ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261130);
  g_autoptr (GString) input = g_string_new ("offense_date,charge_code,"
                                            "charged_class\n");
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GArray) dates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) classes = g_array_new (FALSE, FALSE, sizeof (gint));
  guint n_codes = penal_charges_get_n_codes (model->charges);
  PenalAuditCounts counts;
  g_autoptr (JsonParser) parser = json_parser_new ();
  char *output;
  g_auto (GStrv) lines = NULL;
  gint64 first_day;

  g_assert_true (penal_date_parse ("1990-01-01", &first_day));
  for (guint i = 0; i < 4000; i++)
    {
      /* Half the rows from a few codes, so their checks are reused. */
      guint index = i % 2 == 0
                        ? g_rand_int_range (rand, 0, 40) * 97 % n_codes
                        : (guint)g_rand_int_range (rand, 0, (gint)n_codes);
      const PenalChargeCode *row
          = penal_charges_get_row (model->charges, index);
      gint64 from = MAX (row->from, first_day);
      gint64 date = from + g_rand_int_range (rand, -400, 400);
      gint klass = g_rand_int_range (rand, -1, PENAL_N_CLASSES);
      g_autofree char *iso = penal_date_to_iso (date);

      g_ptr_array_add (rows, (gpointer)row);
      g_array_append_val (dates, date);
      g_array_append_val (classes, klass);
      g_string_append_printf (input, "%s,%s,%s\n", iso, row->code,
                              klass >= 0 ? penal_class_to_code (klass) : "");
    }
  output = audit_jsonl (model, input->str, input->len, &counts);
  /* With a run keeping only a dozen pairs of code and class, its tables
   * are emptied hundreds of times on the way: the rows are the same. */
  {
    PenalAuditCounts small_counts;
    char *small;

    penal_audit_set_max_entries (12);
    small = audit_jsonl (model, input->str, input->len, &small_counts);
    penal_audit_set_max_entries (0);
    g_assert_cmpstr (small, ==, output);
    penal_audit_counts_clear (&small_counts);
    free (small);
  }
  g_assert_cmpuint (counts.rows, ==, rows->len);
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; i < rows->len; i++)
    {
      const PenalChargeCode *row = g_ptr_array_index (rows, i);
      gint klass = g_array_index (classes, gint, i);
      PenalClass recorded = klass;
      g_autoptr (PenalAuditResult) alone
          = penal_audit_check (model, row->code, klass >= 0 ? &recorded : NULL,
                               NULL, g_array_index (dates, gint64, i));
      JsonObject *written = penal_test_parse_object (parser, lines[i]);
      JsonArray *findings = json_object_get_array_member (written, "findings");

      g_assert_cmpuint (json_array_get_length (findings), ==,
                        alone->findings->len);
      for (guint f = 0; f < alone->findings->len; f++)
        {
          const PenalAuditFinding *finding
              = g_ptr_array_index (alone->findings, f);
          JsonObject *said = penal_test_object_at (findings, f);

          g_assert_cmpstr (json_object_get_string_member (said, "kind"), ==,
                           penal_audit_kind_to_code (finding->kind));
          g_assert_cmpstr (json_object_get_string_member (said, "message"), ==,
                           finding->message);
        }
    }
  penal_audit_counts_clear (&counts);
  free (output);
}

/* A legacy code a table gives to more than one code is not checked as
 * any of them: the Patrol's table, with 21027 given also to
 * 567.030-003Y201840 (made up here; the Patrol gives that code none). */
static void
test_legacy_of_several (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "statutes",
                                                 "mshp-charge-codes.tsv", NULL);
  g_autofree char *table = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-audit-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "charges.tsv", NULL);
  g_autoptr (GString) edited = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  static const char input[] = "offense_date,charge_code,charged_class\n"
                              "2019-06-01,21027,felony-E\n";
  PenalAuditCounts counts;
  char *output;

  g_assert_true (g_file_get_contents (path, &table, NULL, NULL));
  edited = g_string_new (table);
  g_assert_cmpuint (g_string_replace (edited, "567.030-003Y201840\t-\t",
                                      "567.030-003Y201840\t21027\t", 1),
                    ==, 1);
  g_assert_true (g_file_set_contents (copy, edited->str, -1, NULL));
  model = penal_model_load_with_charges (g_getenv ("PENAL_STATUTES"), copy,
                                         &error);
  g_assert_no_error (error);

  output = audit_jsonl (model, input, strlen (input), &counts);
  penal_test_assert_contains (output, "\"finding\":\"cannot-check\"");
  penal_test_assert_contains (
      output, "The legacy code 21027 stands for several codes of the "
              "Patrol's table (567.030-003Y200440, 567.030-003Y201840)");
  penal_audit_counts_clear (&counts);
  free (output);
  g_unlink (copy);
  g_rmdir (dir);
}

static const PenalTestFunc tests[] = {
  { "/audit-run/agrees-with-check", test_agrees_with_check },
  { "/audit-run/findings", test_findings },
  { "/audit-run/exit-status", test_exit_status },
  { "/audit-run/typed-classes", test_typed_classes },
  { "/audit-run/jsonl", test_jsonl },
  { "/audit-run/report", test_report },
  { "/audit-run/report-unwritable", test_report_unwritable },
  { "/audit-run/usage", test_usage },
  { "/audit-run/legacy-of-several", test_legacy_of_several },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
