/* batch.c: `penal batch` on the real binary: RFC 4180's corners with the
 * exact rows written, bad rows that never stop, shift or drop the others,
 * agreement with `penal classify` over a grid of cases, header errors, JSON
 * Lines in and out, and a file against standard input. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "penal-test-run.h"

#define HEADER "line,status,offense,class,citation,imprisonment_min,imprisonment_max,life,county_jail_max,fine_max_usd,diversion_eligible,message\n"

/* research/missouri-law.md, "From 2017-01-01" and RSMo 567.030.3 (printed
 * by HB 1706 (2024)): patronizing an adult is a class B misdemeanor; RSMo
 * 558.011.1(7): up to 6 months; RSMo 558.002.1(6): fine up to $1,000. The
 * diversion answer is null: prior_prostitution_offenses is not given. */
#define ADULT_2024 ",decided,patronizing,misdemeanor-B,RSMo 567.030.3,,P6M,false,,1000,,\n"

/* The same sources: a person patronized aged 14 or younger, class D felony
 * (567.030.4), up to 7 years (558.011.1(4)), fine up to $10,000
 * (558.002.1(1)); never diversion (a minor was involved). */
#define CHILD_2024 ",decided,patronizing,felony-D,RSMo 567.030.4,,P7Y,false,P1Y,10000,false,\n"

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

static void
run_batch (PenalTestRun      *run,
           const char *const *options,
           const char        *input,
           gsize              length)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "batch");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) options[i]);
  g_ptr_array_add (args, (gpointer) "-");
  g_ptr_array_add (args, NULL);
  penal_test_run_input (run, NULL, "C", (const char *const *) args->pdata, input, length);
}

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
  int         exit_code;
} CsvCase;

static const CsvCase csv_cases[] = {
  { "plain",
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,14,2024-01-01\n",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0 },
  { "quoted-fields",
    "\"offense\",\"victim_age\",\"offense_date\"\n\"patronizing\",\"30\",\"2024-01-01\"\n",
    HEADER "2" ADULT_2024, 0 },
  /* An embedded newline: the next record starts on line 4, not 3. */
  { "embedded-newline",
    "offense,victim_age,offense_date\n\"patronizing\n\",30,2024-01-01\npatronizing,30,2024-01-01\n",
    HEADER "2,error,,,,,,,,,,\"offense: “patronizing?” is not valid; give one of prostitution, patronizing\"\n"
    "4" ADULT_2024, 65 },
  { "embedded-comma-and-quote",
    "offense,victim_age,offense_date\npatronizing,\"3,0\",2024-01-01\npatronizing,\"\"\"30\"\"\",2024-01-01\npatronizing,30,2024-01-01\n",
    HEADER "2,error,,,,,,,,,,\"victim_age: “3,0” is not valid; give a whole number from 0 to 120\"\n"
    "3,error,,,,,,,,,,\"victim_age: “\"\"30\"\"” is not valid; give a whole number from 0 to 120\"\n"
    "4" ADULT_2024, 65 },
  { "crlf",
    "offense,victim_age,offense_date\r\npatronizing,30,2024-01-01\r\npatronizing,14,2024-01-01\r\n",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0 },
  { "lone-cr",
    "offense,victim_age,offense_date\rpatronizing,30,2024-01-01\rpatronizing,14,2024-01-01\r",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0 },
  { "bom",
    "\xef\xbb\xbfoffense,victim_age,offense_date\npatronizing,30,2024-01-01\n",
    HEADER "2" ADULT_2024, 0 },
  { "no-final-newline",
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,14,2024-01-01",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0 },
  /* Blank lines are skipped but still counted. */
  { "blank-lines",
    "offense,victim_age,offense_date\n\npatronizing,30,2024-01-01\n\n\npatronizing,14,2024-01-01\n",
    HEADER "3" ADULT_2024 "6" CHILD_2024, 0 },
  { "unterminated-quote",
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,\"14,2024-01-01\n",
    NULL, 65 },
  /* Bad rows between good ones: wrong field counts, a bad number, an
   * unknown offense, an out-of-domain age, a fact the offense does not
   * read; the good rows around them are unchanged. */
  { "bad-rows-between-good",
    "offense,victim_age,offense_date,knew_hiv\n"
    "patronizing,30,2024-01-01,\n"
    "patronizing,30\n"
    "patronizing,30,2024-01-01,,extra\n"
    "patronizing,abc,2024-01-01,\n"
    "burglary,30,2024-01-01,\n"
    "patronizing,121,2024-01-01,\n"
    "patronizing,30,2024-01-01,yes\n"
    "patronizing,14,2024-01-01,\n",
    NULL, 65 },
};

static void
test_csv_case (gconstpointer data)
{
  const CsvCase *c = data;
  g_auto (PenalTestRun) run = { 0 };

  if (!have_binary ())
    return;
  run_batch (&run, NULL, c->input, strlen (c->input));
  g_assert_cmpint (run.exit_code, ==, c->exit_code);
  if (c->expected != NULL)
    g_assert_cmpstr (run.out, ==, c->expected);
  if (c->exit_code == 65)
    penal_test_assert_contains (run.err, "could not be classified");
  else
    g_assert_cmpstr (run.err, ==, "");
}

/* One output line per record, numbered by the line the record starts on. */
static void
test_unterminated_quote (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *input = csv_cases[9].input;
  g_auto (GStrv) lines = NULL;

  if (!have_binary ())
    return;
  run_batch (&run, NULL, input, strlen (input));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], "2,decided,patronizing,misdemeanor-B,"));
  g_assert_true (g_str_has_prefix (lines[2], "3,error,"));
  penal_test_assert_contains (lines[2], "quote");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_bad_rows_between_good (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *input = csv_cases[10].input;
  g_auto (GStrv) lines = NULL;
  const char *prefixes[] = { "2,decided,patronizing,misdemeanor-B,", "3,error,", "4,error,",
                             "5,error,", "6,error,", "7,error,", "8,error,", "9,decided,patronizing,felony-D," };

  if (!have_binary ())
    return;
  run_batch (&run, NULL, input, strlen (input));
  g_assert_cmpint (run.exit_code, ==, 65);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (prefixes) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    g_assert_true (g_str_has_prefix (lines[i + 1], prefixes[i]));
  penal_test_assert_contains (lines[2], "fields");
  penal_test_assert_contains (lines[3], "fields");
  penal_test_assert_contains (lines[4], "abc");
  penal_test_assert_contains (lines[5], "burglary");
  penal_test_assert_contains (lines[6], "121");
  penal_test_assert_contains (lines[7], "knew_hiv");
  penal_test_assert_contains (run.err, "6 of 8 rows could not be classified");
}

/* Bytes no caseload should hold: a NUL, invalid UTF-8, an overlong value. */
static void
test_hostile_bytes (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GString) input = g_string_new ("offense,victim_age,offense_date\n");
  g_auto (GStrv) lines = NULL;

  if (!have_binary ())
    return;
  {
    static const char with_nul[] = "patronizing,3\0" "0,2024-01-01\n";
    g_string_append_len (input, with_nul, sizeof with_nul - 1);
  }
  g_string_append (input, "patronizing,\xff\xfe,2024-01-01\n");
  g_string_append (input, "patronizing,");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (input, '9');
  g_string_append (input, ",2024-01-01\n");
  g_string_append (input, "patronizing,30,2024-01-01\n");
  run_batch (&run, NULL, input->str, input->len);
  g_assert_cmpint (run.exit_code, ==, 65);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[1], "2,error,"));
  penal_test_assert_contains (lines[1], "NUL");
  g_assert_true (g_str_has_prefix (lines[2], "3,error,"));
  /* Invalid UTF-8 is shown as U+FFFD, so the output stays UTF-8. */
  penal_test_assert_contains (lines[2], "\xef\xbf\xbd");
  g_assert_true (g_str_has_prefix (lines[3], "4,error,"));
  penal_test_assert_contains (lines[3], "64 KiB");
  g_assert_true (g_str_has_prefix (lines[4], "5,decided,patronizing,misdemeanor-B,"));
  /* The overlong value is not echoed whole. */
  g_assert_cmpuint (strlen (lines[3]), <, 2000);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
}

static void
test_header_errors (void)
{
  struct { const char *input; const char *message; const char *option; int exit_code; } cases[] = {
    { "offense,victim_age,colour\npatronizing,30,red\n", "colour", NULL, 64 },
    { "offense,victim_age,victim_age\npatronizing,30,30\n", "victim_age", NULL, 64 },
    { "", "no header row", NULL, 64 },
    { "offense,victim_age,colour,offense_date\npatronizing,30,red,2024-01-01\n", NULL, "--ignore-unknown", 0 },
  };

  if (!have_binary ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (PenalTestRun) run = { 0 };
      const char *options[] = { cases[i].option, NULL };

      run_batch (&run, options, cases[i].input, strlen (cases[i].input));
      g_assert_cmpint (run.exit_code, ==, cases[i].exit_code);
      if (cases[i].message != NULL)
        penal_test_assert_contains (run.err, cases[i].message);
      else
        g_assert_cmpstr (run.out, ==, HEADER "2" ADULT_2024);
    }
}

static void
test_jsonl (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *options[] = { "--input-format=jsonl", "--format=jsonl", NULL };
  const char *input =
    "{\"offense\":\"patronizing\",\"victim_age\":30,\"offense_date\":\"2024-01-01\"}\n"
    "{\"offense\":\"patronizing\",\"victim_age\":\n"
    "[1,2]\n"
    "\n"
    "{\"offense\":\"patronizing\",\"colour\":\"red\"}\n"
    "{\"offense\":\"patronizing\",\"victim_age\":\"14\",\"offense_date\":\"2024-01-01\"}\n";
  const char *statuses[] = { "decided", "error", "error", NULL, "error", "decided" };
  g_auto (GStrv) lines = NULL;
  guint row = 0;

  if (!have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  g_assert_cmpint (run.exit_code, ==, 65);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *object;

      if (statuses[i] == NULL)
        continue;   /* a blank line gives no row */
      g_assert_true (json_parser_load_from_data (parser, lines[row], -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (object, "line"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, statuses[i]);
      if (i == 0)
        /* As ADULT_2024. */
        g_assert_cmpstr (json_object_get_string_member (object, "class"), ==, "misdemeanor-B");
      if (i == 4)
        penal_test_assert_contains (json_object_get_string_member (object, "message"), "colour");
      if (i == 5)
        /* As CHILD_2024. */
        g_assert_cmpstr (json_object_get_string_member (object, "imprisonment_max"), ==, "P7Y");
      row++;
    }
}

/* The same rows through a file named on the command line as through
 * standard input; a missing file is exit 66. */
static void
test_file_and_stdin (void)
{
  g_auto (PenalTestRun) from_file = { 0 };
  g_auto (PenalTestRun) from_stdin = { 0 };
  g_auto (PenalTestRun) missing = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *input = csv_cases[0].input;
  const char *args[] = { "batch", NULL, NULL };
  const char *missing_args[] = { "batch", "/nonexistent/caseload.csv", NULL };
  int fd;

  if (!have_binary ())
    return;
  fd = g_file_open_tmp ("penal-batch-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (fd, input, strlen (input)), ==, (gssize) strlen (input));
  close (fd);
  args[1] = path;
  penal_test_run (&from_file, NULL, "C", args);
  run_batch (&from_stdin, NULL, input, strlen (input));
  g_unlink (path);
  g_assert_cmpint (from_file.exit_code, ==, 0);
  g_assert_cmpstr (from_file.out, ==, from_stdin.out);
  g_assert_cmpstr (from_file.out, ==, csv_cases[0].expected);

  penal_test_run (&missing, NULL, "C", missing_args);
  g_assert_cmpint (missing.exit_code, ==, 66);
  penal_test_assert_contains (missing.err, "/nonexistent/caseload.csv");
}

static void
test_wrong_format (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *options[] = { "--format=json", NULL };

  if (!have_binary ())
    return;
  run_batch (&run, options, "offense\n", 8);
  g_assert_cmpint (run.exit_code, ==, 64);
  penal_test_assert_contains (run.err, "csv or jsonl");
}

/* Every row of a grid agrees with `penal classify --format=json` for the
 * same facts: status, class, citation, maximum term, fine. */
static void
test_agrees_with_classify (void)
{
  const int ages[] = { 0, 14, 15, 17, 18, 120 };
  const char *dates[] = { "2016-06-01", "2017-01-01", "2019-08-28", "2025-01-01" };
  g_autoptr (GString) input = g_string_new ("offense,victim_age,offense_date,prior_prostitution_offenses,knew_hiv\n");
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto (PenalTestRun) run = { 0 };
  const char *options[] = { "--format=jsonl", NULL };
  g_auto (GStrv) lines = NULL;

  if (!have_binary ())
    return;
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      for (guint a = 0; a < G_N_ELEMENTS (ages); a++)
        {
          g_string_append_printf (input, "patronizing,%d,%s,0,\n", ages[a], dates[d]);
          g_autofree char *line = g_strdup_printf ("offense=patronizing victim_age=%d offense_date=%s prior_prostitution_offenses=0",
                                                   ages[a], dates[d]);
          g_ptr_array_add (facts, g_strsplit (line, " ", -1));
        }
      for (guint h = 0; h < 2; h++)
        {
          g_string_append_printf (input, "prostitution,,%s,1,%s\n", dates[d], h ? "yes" : "no");
          g_autofree char *line = g_strdup_printf ("offense=prostitution offense_date=%s prior_prostitution_offenses=1 knew_hiv=%s",
                                                   dates[d], h ? "yes" : "no");
          g_ptr_array_add (facts, g_strsplit (line, " ", -1));
        }
    }
  run_batch (&run, options, input->str, input->len);
  g_assert_cmpint (run.exit_code, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, facts->len + 1);
  for (guint i = 0; i < facts->len; i++)
    {
      g_autoptr (JsonParser) row_parser = json_parser_new ();
      g_autoptr (JsonParser) one_parser = json_parser_new ();
      g_auto (PenalTestRun) one = { 0 };
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      char **f = g_ptr_array_index (facts, i);
      JsonObject *row, *answer;
      const char *members[] = { "status", "class", "citation" };

      g_ptr_array_add (args, (gpointer) "classify");
      g_ptr_array_add (args, (gpointer) "--format=json");
      for (guint k = 0; f[k] != NULL; k++)
        g_ptr_array_add (args, f[k]);
      g_ptr_array_add (args, NULL);
      penal_test_run (&one, NULL, "C", (const char *const *) args->pdata);
      g_assert_cmpint (one.exit_code, ==, 0);
      g_assert_true (json_parser_load_from_data (row_parser, lines[i], -1, NULL));
      g_assert_true (json_parser_load_from_data (one_parser, one.out, -1, NULL));
      row = json_node_get_object (json_parser_get_root (row_parser));
      answer = json_node_get_object (json_parser_get_root (one_parser));
      g_assert_cmpint (json_object_get_int_member (row, "line"), ==, i + 2);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          JsonNode *a = json_object_get_member (row, members[m]);
          JsonNode *b = json_object_get_member (answer, members[m]);
          g_assert_nonnull (b);
          g_assert_cmpint (JSON_NODE_HOLDS_NULL (a), ==, JSON_NODE_HOLDS_NULL (b));
          if (!JSON_NODE_HOLDS_NULL (a))
            g_assert_cmpstr (json_node_get_string (a), ==, json_node_get_string (b));
        }
      if (g_str_equal (json_object_get_string_member (row, "status"), "decided"))
        {
          JsonObject *imprisonment = json_object_get_object_member (answer, "imprisonment");
          JsonObject *fine = json_object_get_object_member (answer, "fine");

          g_assert_cmpstr (json_object_get_string_member (row, "imprisonment_max"), ==,
                           json_object_get_string_member (imprisonment, "max"));
          g_assert_cmpint (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "fine_max_usd")), ==,
                           JSON_NODE_HOLDS_NULL (json_object_get_member (fine, "max_usd")));
          if (!JSON_NODE_HOLDS_NULL (json_object_get_member (fine, "max_usd")))
            g_assert_cmpint (json_object_get_int_member (row, "fine_max_usd"), ==,
                             json_object_get_int_member (fine, "max_usd"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/batch/csv/%s", csv_cases[i].name);
      g_test_add_data_func (path, &csv_cases[i], test_csv_case);
    }
  g_test_add_func ("/batch/csv/unterminated-quote-rows", test_unterminated_quote);
  g_test_add_func ("/batch/csv/bad-rows-between-good-rows", test_bad_rows_between_good);
  g_test_add_func ("/batch/csv/hostile-bytes", test_hostile_bytes);
  g_test_add_func ("/batch/header-errors", test_header_errors);
  g_test_add_func ("/batch/jsonl", test_jsonl);
  g_test_add_func ("/batch/file-and-stdin", test_file_and_stdin);
  g_test_add_func ("/batch/wrong-format", test_wrong_format);
  g_test_add_func ("/batch/agrees-with-classify", test_agrees_with_classify);
  return g_test_run ();
}
