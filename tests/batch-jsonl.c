/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch-jsonl.c: `penal batch` reading and writing JSON Lines on the real
 * binary: the rows written, the same answers as from CSV, lines that hold
 * no object or two, escaped NULs, overlong lines, values read as written
 * and members given twice. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-batch.h"
#include "penal-test-register.h"

/* ------------------------------------------------------------------ */
/* JSON Lines                                                           */

static const char jsonl_input[]
    = "{\"offense\":\"patronizing\",\"victim_age\":30,\"offense_date\":\"2024-"
      "01-01\"}\n"
      "{\"offense\":\"patronizing\",\"victim_age\":\n"
      "[1,2]\n"
      "\"patronizing\"\n"
      "\n"
      "{\"offense\":\"patronizing\",\"colour\":\"red\",\"victim_age\":30,"
      "\"offense_date\":\"2024-01-01\"}\n"
      "{\"offense\":\"patronizing\",\"victim_age\":\"14\",\"offense_date\":"
      "\"2024-01-01\"}\n"
      "{\"offense\":\"patronizing\",\"victim_age\":30,\"offense_date\":\"2024-"
      "01-01\",\"knew_hiv\":null}\r\n"
      "{\"offense\":\"patronizing\",\"victim_age\":3\0"
      "0,\"offense_date\":\"2024-01-01\"}\n"
      "{}\n"
      "{\"offense\":\"patronizing\",\"victim_age\":\"abc\",\"offense_date\":"
      "\"2024-01-01\"}\n"
      "{\"victim_age\":16,\"offense\":\"patronizing\",\"offense_date\":\"2024-"
      "01-01\"}";

static void
test_jsonl (gconstpointer data)
{
  gboolean ignore_unknown = GPOINTER_TO_INT (data);
  /* The rows expected, NULL for the blank line; a row ending in … is
   * matched up to it (json-glib's messages differ between versions). */
  const char *expected[] = {
    JSON_ROW "1" ADULT_2024_JSON,
    JSON_ROW "2,\"status\":\"error\",\"message\":\"not a JSON object: …",
    JSON_ROW "3" ERROR_JSON ("not a JSON object"),
    JSON_ROW "4" ERROR_JSON ("not a JSON object"),
    NULL,
    ignore_unknown ? JSON_ROW "6" ADULT_2024_JSON
                   : JSON_ROW
        "6" ERROR_JSON (
            "unknown member “colour”; the members penal reads are offense, "
            "offense_date, victim_age, knew_hiv, prior_prostitution_offenses, "
            "defendant_age, charge_code (or give --ignore-unknown)"),
    JSON_ROW "7" CHILD_2024_JSON,
    JSON_ROW "8" ADULT_2024_JSON,
    JSON_ROW "9" ERROR_JSON ("the line contains a NUL byte"),
    /* {} is a row whose cells are all empty: skipped, and counted. */
    NULL,
    JSON_ROW "11" ERROR_JSON (
        "victim_age: “abc” is not valid; give a whole number from 0 to 120"),
    JSON_ROW "12" TEEN_2024_JSON,
  };
  const char *options[] = { "--input-format=jsonl", "--format=jsonl",
                            ignore_unknown ? "--ignore-unknown" : NULL, NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;
  guint row = 0;

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, jsonl_input, sizeof jsonl_input - 1);
  lines = split_lines (run.out);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      const char *cut;

      if (expected[i] == NULL)
        continue;
      g_assert_nonnull (lines[row]);
      cut = g_strrstr (expected[i], "…");
      if (cut != NULL)
        g_assert_true (strncmp (lines[row], expected[i], cut - expected[i])
                       == 0);
      else
        g_assert_cmpstr (lines[row], ==, expected[i]);
      /* Every row is one JSON object. */
      json_parser_load_from_data (parser, lines[row], -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      row++;
    }
  g_assert_cmpstr (lines[row], ==, "");
  g_assert_null (lines[row + 1]);
  assert_summary (&run, TRUE, 1, ignore_unknown ? "colour" : NULL);
  g_assert_cmpint (run.exit_code, ==, 65);
}

/* The same caseload in CSV and in JSON Lines gives the same output, in
 * either output format.  The JSON Lines file starts with a blank line, so
 * that its rows are on the same lines as the CSV's. */
static void
test_jsonl_same_as_csv (void)
{
  const char *csv
      = "offense,victim_age,offense_date,prior_prostitution_offenses,knew_hiv\n"
        "patronizing,30,2024-01-01,0,\n"
        "patronizing,16,2019-08-28,,\n"
        "prostitution,,2010-06-01,,yes\n"
        "prostitution,,2010-06-01,,\n"
        "patronizing,abc,2024-01-01,,\n"
        "burglary,30,2024-01-01,,\n"
        "patronizing,14,2024-01-01,1,\n";
  const char *jsonl
      = "\n"
        "{\"offense\":\"patronizing\",\"victim_age\":30,\"offense_date\":"
        "\"2024-01-01\",\"prior_prostitution_offenses\":0}\n"
        "{\"offense\":\"patronizing\",\"victim_age\":16,\"offense_date\":"
        "\"2019-08-28\"}\n"
        "{\"offense\":\"prostitution\",\"offense_date\":\"2010-06-01\",\"knew_"
        "hiv\":true}\n"
        "{\"offense\":\"prostitution\",\"offense_date\":\"2010-06-01\"}\n"
        "{\"offense\":\"patronizing\",\"victim_age\":\"abc\",\"offense_date\":"
        "\"2024-01-01\"}\n"
        "{\"offense\":\"burglary\",\"victim_age\":30,\"offense_date\":\"2024-"
        "01-01\"}\n"
        "{\"offense\":\"patronizing\",\"victim_age\":14,\"offense_date\":"
        "\"2024-01-01\",\"prior_prostitution_offenses\":1}\n";
  const char *formats[] = { "--format=csv", "--format=jsonl" };

  if (!penal_test_have_binary ())
    return;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto (PenalTestRun) from_csv = { 0 };
      g_auto (PenalTestRun) from_jsonl = { 0 };
      const char *csv_options[] = { formats[f], NULL };
      const char *jsonl_options[]
          = { "--input-format=jsonl", formats[f], NULL };

      run_batch (&from_csv, csv_options, csv, strlen (csv));
      run_batch (&from_jsonl, jsonl_options, jsonl, strlen (jsonl));
      assert_same_lines (from_jsonl.out, from_csv.out);
      assert_summary (&from_jsonl, f == 1, 0, NULL);
      g_assert_cmpstr (from_csv.err, ==, from_jsonl.err);
      g_assert_cmpint (from_csv.exit_code, ==, 65);
      g_assert_cmpint (from_jsonl.exit_code, ==, 65);
      if (f == 0)
        g_assert_true (g_str_has_prefix (
            from_csv.out,
            HEADER "2,decided,patronizing,RSMo 567.030,2024-01-01,"));
    }
}

/* A line of spaces holds no JSON value.  Whether it is taken for a blank
 * line or for an error row, it must not make penal print a GLib critical
 * warning (json-glib gives no root node for it). */
static void
test_jsonl_whitespace_line (void)
{
  const char *options[] = { "--input-format=jsonl", "--format=jsonl", NULL };
  const char *input = "{\"offense\":\"patronizing\",\"victim_age\":30,"
                      "\"offense_date\":\"2024-01-01\"}\n"
                      "   \n"
                      "{\"offense\":\"patronizing\",\"victim_age\":14,"
                      "\"offense_date\":\"2024-01-01\"}\n";
  g_auto (PenalTestRun) run = { 0 };
  gboolean error_row;

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  penal_test_assert_lacks (run.err, "CRITICAL");
  error_row = strstr (run.out, "\"line\":2") != NULL;
  if (error_row)
    assert_same_lines (run.out, JSON_ROW
                       "1" ADULT_2024_JSON "\n" JSON_ROW
                       "2" ERROR_JSON ("not a JSON object") "\n" JSON_ROW
                                                            "3" CHILD_2024_JSON
                                                            "\n");
  else
    assert_same_lines (run.out, JSON_ROW "1" ADULT_2024_JSON "\n" JSON_ROW
                                         "3" CHILD_2024_JSON "\n");
  assert_summary (&run, TRUE, 0, NULL);
  g_assert_cmpint (run.exit_code, ==, error_row ? 65 : 0);
}

/* Runs INPUT, three JSON Lines, through batch with JSON Lines out: the
 * first two lines must be error rows, each on its own line, and the third
 * answered for a person patronized aged 16.  Returns the rows. */
static GStrv
run_two_refused_then_teen (const char *input)
{
  const char *options[] = { "--input-format=jsonl", "--format=jsonl", NULL };
  g_auto (PenalTestRun) run = { 0 };
  GStrv lines;

  run_batch (&run, options, input, strlen (input));
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *start = g_strdup_printf (
          JSON_ROW "%u,\"status\":\"error\",\"message\":\"", i + 1);

      g_assert_true (g_str_has_prefix (lines[i], start));
    }
  g_assert_cmpstr (lines[2], ==, JSON_ROW "3" TEEN_2024_JSON);
  assert_summary (&run, TRUE, 0, NULL);
  g_assert_cmpint (run.exit_code, ==, 65);
  return lines;
}

/* A line is one JSON object: two cases run together on one line (a lost
 * line end) are an error row, not the first case with the second
 * dropped. */
static void
test_jsonl_two_values_on_a_line (void)
{
  const char *input = "{\"offense\":\"patronizing\",\"victim_age\":30,"
                      "\"offense_date\":\"2024-01-01\"}"
                      "{\"offense\":\"patronizing\",\"victim_age\":14,"
                      "\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":14,"
                      "\"offense_date\":\"2024-01-01\"} [1]\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":16,"
                      "\"offense_date\":\"2024-01-01\"}\n";

  if (!penal_test_have_binary ())
    return;
  g_strfreev (run_two_refused_then_teen (input));
}

/* A NUL written as \u0000 inside a JSON string is refused as a NUL byte
 * is in CSV, never cut off there: "3\u00000" is not 3, and
 * "patronizing\u0000burglary" is not patronizing. */
static void
test_jsonl_escaped_nul (void)
{
  const char *input = "{\"offense\":\"patronizing\",\"victim_age\":"
                      "\"3\\u00000\",\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\\u0000burglary\",\"victim_"
                      "age\":30,\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":16,"
                      "\"offense_date\":\"2024-01-01\"}\n";
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  lines = run_two_refused_then_teen (input);
  penal_test_assert_contains (lines[0], "escaped NUL");
  penal_test_assert_contains (lines[1], "escaped NUL");
}

/* The 64 KiB limit holds in JSON Lines too, and the rows around an
 * overlong line keep their places. */
static void
test_jsonl_overlong_line (void)
{
  const char *options[] = { "--input-format=jsonl", NULL };
  g_autoptr (GString) input
      = g_string_new ("{\"offense\":\"patronizing\",\"victim_age\":30,"
                      "\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\",\"colour\":\"");
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  for (guint k = 0; k < 100000; k++)
    g_string_append_c (input, 'r');
  g_string_append (input, "\"}\n{\"offense\":\"patronizing\",\"victim_age\":14,"
                          "\"offense_date\":\"2024-01-01\"}\n");
  run_batch (&run, options, input->str, input->len);
  assert_same_lines (
      run.out,
      HEADER "1" ADULT_2024
             "2,error,,,,,,,,,,,,,,,,,,,,,,,,,,the row is longer than 64 KiB,\n"
             "3" CHILD_2024);
  assert_summary (&run, FALSE, 0, NULL);
  g_assert_cmpint (run.exit_code, ==, 65);
}

/* ------------------------------------------------------------------ */
/* JSON Lines values, read as written                                   */

typedef struct
{
  const char *value; /* victim_age's member value, as written */
  const char *row;   /* the row written, after the line number */
} JsonValueCase;

/* Numbers are read by the command line's rules from the text as written:
 * json-glib had made 17.9999999 18 (a class B misdemeanor where 17 gives a
 * class E felony), 14.9999999 15, taken 16.0 and 1e1, and quoted overflows
 * back as -1 or 9223372036854775807. */
static const JsonValueCase json_value_cases[] = {
  { "17.9999999",
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “17.9999999” is not valid; "
    "give a whole number from 0 to 120,\n" },
  { "14.9999999",
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “14.9999999” is not valid; "
    "give a whole number from 0 to 120,\n" },
  { "16.0", ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “16.0” is not valid; "
            "give a whole "
            "number from 0 to 120,\n" },
  { "1e1", ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “1e1” is not valid; "
           "give a whole "
           "number from 0 to 120,\n" },
  { "9223372036854775808", ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: "
                           "“9223372036854775808” is out of range; give "
                           "a whole number from 0 to 120,\n" },
  { "-9223372036854775809", ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: "
                            "“-9223372036854775809” is out of range; give "
                            "a whole number from 0 to 120,\n" },
  { "[1,2]", ",error,,,,,,,,,,,,,,,,,,,,,,,,,,\"victim_age: “[1,2]” is not "
             "valid; give a "
             "whole number from 0 to 120\",\n" },
  { "16", TEEN_2024 },
  { "\"16\"", TEEN_2024 },
  { "null", ",needs-facts,patronizing,RSMo 567.030,2024-01-01,false,mo-567."
            "030-2018,,,,,,,,,,,,,,,,,,,,,needs: victim_age,\n" },
};

static void
test_jsonl_values_as_written (void)
{
  const char *options[] = { "--input-format=jsonl", NULL };
  g_autoptr (GString) input = g_string_new (NULL);
  g_autoptr (GString) expected = g_string_new (HEADER);
  g_auto (PenalTestRun) run = { 0 };
  guint errors = 0;
  g_autofree char *err = NULL;

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (json_value_cases); i++)
    {
      g_string_append_printf (input,
                              "{\"offense\":\"patronizing\",\"victim_age\":%s,"
                              "\"offense_date\":\"2024-01-01\"}\n",
                              json_value_cases[i].value);
      g_string_append_printf (expected, "%u%s", i + 1, json_value_cases[i].row);
      errors += g_str_has_prefix (json_value_cases[i].row, ",error");
    }
  g_assert_cmpuint (errors, >, 0);
  run_batch (&run, options, input->str, input->len);
  err = expected_stderr (expected->str, FALSE, 0, NULL);
  assert_output (&run, expected->str, err, 65);
}

/* A member given twice is refused, as a repeated column or a fact given
 * twice on the command line is; json-glib kept the last silently.  The
 * names compare decoded: \u0061 is a. */
static void
test_jsonl_duplicate_member (void)
{
  const char *options[] = { "--input-format=jsonl", "--ignore-unknown", NULL };
  const char *input
      = "{\"offense\":\"patronizing\",\"victim_age\":30,\"victim_age\":3,"
        "\"offense_date\":\"2024-01-01\"}\n"
        "{\"offense\":\"patronizing\",\"victim_\\u0061ge\":30,\"victim_age\":3,"
        "\"offense_date\":\"2024-01-01\"}\n"
        "{\"offense\":\"patronizing\",\"victim_age\":16,\"colour\":1,"
        "\"colour\":2,\"offense_date\":\"2024-01-01\"}\n"
        "{\"offense\":\"patronizing\",\"Victim Age\":30,\"VICTIM-AGE\":3,"
        "\"offense_date\":\"2024-01-01\"}\n";
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  assert_same_lines (run.out, HEADER
                     "1,error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: given more "
                     "than once; give each fact once,\n"
                     "2,error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: given more "
                     "than once; give each fact once,\n"
                     "3" TEEN_2024
                     "4,error,,,,,,,,,,,,,,,,,,,,,,,,,,VICTIM-AGE: given more "
                     "than once; give each fact once,\n");
  assert_summary (&run, FALSE, 0, "colour");
  g_assert_cmpint (run.exit_code, ==, 65);
}

/* The data of test_jsonl: whether the run ignores unknown columns. */
static const PenalTestDataFunc data_tests[] = {
  { "/batch/jsonl/rows", GINT_TO_POINTER (FALSE), test_jsonl },
  { "/batch/jsonl/rows-ignore-unknown", GINT_TO_POINTER (TRUE), test_jsonl },
};

static const PenalTestFunc tests[] = {
  { "/batch/jsonl/same-as-csv", test_jsonl_same_as_csv },
  { "/batch/jsonl/whitespace-line", test_jsonl_whitespace_line },
  { "/batch/jsonl/two-values-on-a-line", test_jsonl_two_values_on_a_line },
  { "/batch/jsonl/escaped-nul", test_jsonl_escaped_nul },
  { "/batch/jsonl/overlong-line", test_jsonl_overlong_line },
  { "/batch/jsonl/values-as-written", test_jsonl_values_as_written },
  { "/batch/jsonl/duplicate-member", test_jsonl_duplicate_member },
};

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  PENAL_TEST_ADD_DATA_FUNCS (data_tests);
  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
