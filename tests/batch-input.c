/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch-input.c: what `penal batch` refuses before it answers a row, on
 * the real binary: header errors, input it cannot read, a file named
 * against standard input, and the formats batch refuses. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "penal-test-batch.h"
#include "penal-test-register.h"

/* ------------------------------------------------------------------ */
/* Header errors                                                        */

typedef struct
{
  const char *name;
  const char *option;
  const char *input;
  const char *err; /* standard error starts with this */
  gsize length;    /* of input, when it holds a NUL; 0: strlen */
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "unknown-column", NULL, "offense,victim_age,colour\npatronizing,30,red\n",
    "penal: -:1: unknown column “colour”; the columns penal reads are "
    "offense, offense_date, victim_age, knew_hiv, prior_prostitution_offenses, "
    "defendant_age, charge_code (give --ignore-unknown to skip the others, or "
    "--keep to copy one to each row)\n",
    0 },
  { "unknown-column-after-blank-lines", NULL,
    "\n\noffense,colour\npatronizing,red\n",
    "penal: -:3: unknown column “colour”;", 0 },
  /* A header is matched ignoring case, spaces, - and _: these are one
   * column, twice. */
  { "repeated-column-spelled-otherwise", NULL,
    "offense,Victim Age,victim-age\npatronizing,30,30\n",
    "penal: -:1: column “victim-age” appears twice; give each column once\n",
    0 },
  { "repeated-column", NULL,
    "offense,victim_age,victim_age\npatronizing,30,30\n",
    "penal: -:1: column “victim_age” appears twice; give each column once\n",
    0 },
  /* --ignore-unknown skips what names no fact, never a repeated fact. */
  { "repeated-column-ignore-unknown", "--ignore-unknown",
    "offense,victim_age,offense,colour\n",
    "penal: -:1: column “offense” appears twice; give each column once\n", 0 },
  { "keep-missing", "--keep=case_id",
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\n",
    "penal: -:1: --keep: the header has no column “case_id”\n", 0 },
  { "keep-twice", "--keep=Case ID",
    "case_id,offense,CASE-ID\nA1,patronizing,A1\n",
    "penal: -:1: column “CASE-ID” appears twice; give each column once\n", 0 },
  { "empty-input", NULL, "",
    "penal: -: no header row: the first row must name the columns, for "
    "example offense,victim_age,offense_date\n",
    0 },
  { "blank-lines-only", NULL, "\n\r\n\r", "penal: -: no header row:", 0 },
  { "bom-only", NULL, "\xef\xbb\xbf", "penal: -: no header row:", 0 },
  /* A NUL would cut the name short: "offense\0x" is not offense. */
  { "nul-in-header", NULL, "offense\0x,victim_age\npatronizing,30\n",
    "penal: -:1: column 1 of the header holds a NUL byte\n",
    sizeof ("offense\0x,victim_age\npatronizing,30\n") - 1 },
  /* The byte cap counts the commas: a header of them is refused, even
   * where the columns it names would be ignored. */
  { "header-of-commas", "--ignore-unknown", NULL,
    "penal: -:1: the row is longer than 64 KiB\n", 0 },
  { "unterminated-quote-in-header", NULL,
    "offense,\"victim_age\npatronizing,30\n",
    "penal: -:1: the quote opened on line 1 is never closed: the input ends "
    "inside it\n",
    0 },
};

static void
test_header_case (gconstpointer data)
{
  const HeaderCase *c = data;
  g_auto (PenalTestRun) run = { 0 };
  const char *options[] = { c->option, NULL };

  if (!penal_test_have_binary ())
    return;
  if (c->input != NULL)
    run_batch (&run, options, c->input,
               c->length > 0 ? c->length : strlen (c->input));
  else
    {
      /* 100 M commas took 791 MB as a header with --ignore-unknown. */
      g_autofree char *commas = g_malloc (10 * 1024 * 1024 + 16);

      memset (commas, ',', 10 * 1024 * 1024);
      strcpy (commas + 10 * 1024 * 1024, "\npatronizing\n");
      run_batch (&run, options, commas, strlen (commas));
    }
  g_assert_cmpint (run.exit_code, ==, 64);
  if (!g_str_has_prefix (run.err, c->err))
    g_assert_cmpstr (run.err, ==, c->err);
  /* One message, no summary of rows and no row: no row was read.  Not
   * even the output's header, or `penal batch x.csv > out.csv` would leave
   * a file that looks like an answer. */
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_cmpuint (strcspn (run.err, "\n"), ==, strlen (run.err) - 1);
  g_assert_cmpstr (run.out, ==, "");
}

/* With --ignore-unknown, columns that name no fact are skipped: the
 * answers are those of the same rows without them. */
static void
test_header_ignore_unknown (void)
{
  g_auto (PenalTestRun) with = { 0 };
  const char *options[] = { "--ignore-unknown", NULL };
  const char *input = "colour,offense,victim_age,,offense_date,colour\n"
                      "red,patronizing,30,x,2024-01-01,blue\n"
                      "\"1,2\",patronizing,14,,2024-01-01,\n";

  if (!penal_test_have_binary ())
    return;
  run_batch (&with, options, input, strlen (input));
  assert_output (&with, HEADER "2" ADULT_2024 "3" CHILD_2024,
                 "penal: 2 rows: 2 decided\n"
                 "penal: columns ignored: colour, column 4, which has no "
                 "name\n",
                 0);
}

/* ------------------------------------------------------------------ */
/* Input that is refused: nothing but the error                         */

typedef struct
{
  const char *name;
  const char *format; /* --input-format */
  const char *input;  /* NULL: standard input is closed */
  gsize length;
  int exit_code;
  const char *err;
} RefusedInput;

#define BYTES(text) text, sizeof (text) - 1

static const RefusedInput refused_inputs[] = {
  { "closed-stdin-csv", "csv", NULL, 0, 74,
    "penal: -: reading failed: Bad file descriptor\n" },
  { "closed-stdin-jsonl", "jsonl", NULL, 0, 74,
    "penal: -: reading failed: Bad file descriptor\n" },
  { "empty-jsonl", "jsonl", BYTES (""), 64,
    "penal: -: the input is empty; give one JSON object of facts per line\n" },
  { "utf16le-bom", "csv", BYTES ("\xff\xfeo\0f\0f\0"), 65,
    "penal: -: the input is UTF-16; save it as UTF-8\n" },
  { "utf16be-bom", "jsonl", BYTES ("\xfe\xff\0{\0\"\0o"), 65,
    "penal: -: the input is UTF-16; save it as UTF-8\n" },
  { "utf16le", "csv", BYTES ("o\0f\0f\0e\0n\0s\0e\0"), 65,
    "penal: -: the input is UTF-16; save it as UTF-8\n" },
  { "utf16be", "jsonl", BYTES ("\0{\0\"\0o\0f"), 65,
    "penal: -: the input is UTF-16; save it as UTF-8\n" },
};

static void
test_input_refused (gconstpointer data)
{
  const RefusedInput *c = data;
  g_auto (PenalTestRun) run = { 0 };
  g_autofree char *option = g_strconcat ("--input-format=", c->format, NULL);
  const char *args[] = { "batch", option, "-", NULL };

  if (!penal_test_have_binary ())
    return;
  if (c->input == NULL)
    penal_test_run_without_stdin (&run, args);
  else
    penal_test_run_input (&run, NULL, "C", args, c->input, c->length);
  assert_output (&run, "", c->err, c->exit_code);
}

/* A directory named as the caseload: reading fails, and says why. */
static void
test_input_directory (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-batch-XXXXXX", &error);
  g_autofree char *expected = NULL;
  const char *args[] = { "batch", dir, NULL };

  g_assert_no_error (error);
  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_rmdir (dir);
  expected
      = g_strdup_printf ("penal: %s: reading failed: Is a directory\n", dir);
  assert_output (&run, "", expected, 74);
}

/* ------------------------------------------------------------------ */
/* A file or standard input                                             */

static char *
write_temporary (const char *template, const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp (template, &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The same rows through a file named on the command line as through
 * standard input, in both input formats. */
static void
test_file_and_stdin (void)
{
  const char *csv = PLAIN_CSV;
  const char *jsonl = "{\"offense\":\"patronizing\",\"victim_age\":30,"
                      "\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":\"x\"}\n";
  g_autofree char *csv_path = NULL;
  g_autofree char *jsonl_path = NULL;

  if (!penal_test_have_binary ())
    return;
  csv_path = write_temporary ("penal-batch-XXXXXX.csv", csv);
  jsonl_path = write_temporary ("penal-batch-XXXXXX.jsonl", jsonl);
  {
    g_auto (PenalTestRun) from_file = { 0 };
    g_auto (PenalTestRun) from_stdin = { 0 };
    const char *args[] = { "batch", csv_path, NULL };

    penal_test_run (&from_file, NULL, "C", args);
    run_batch (&from_stdin, NULL, csv, strlen (csv));
    assert_same_lines (from_file.out, PLAIN_CSV_ROWS);
    g_assert_cmpstr (from_file.out, ==, from_stdin.out);
    assert_summary (&from_file, FALSE, 0, NULL);
    g_assert_cmpint (from_file.exit_code, ==, 0);
  }
  {
    g_auto (PenalTestRun) from_file = { 0 };
    g_auto (PenalTestRun) from_stdin = { 0 };
    const char *args[] = { "batch", "--input-format=jsonl", "--format=jsonl",
                           jsonl_path, NULL };
    const char *options[] = { "--input-format=jsonl", "--format=jsonl", NULL };

    penal_test_run (&from_file, NULL, "C", args);
    run_batch (&from_stdin, options, jsonl, strlen (jsonl));
    assert_same_lines (from_file.out, JSON_ROW
                       "1" ADULT_2024_JSON "\n" JSON_ROW "2" ERROR_JSON (
                           "victim_age: “x” is not valid; give a whole "
                           "number from 0 to 120") "\n");
    g_assert_cmpstr (from_file.out, ==, from_stdin.out);
    assert_summary (&from_file, TRUE, 0, NULL);
    g_assert_cmpint (from_file.exit_code, ==, 65);
  }
  g_unlink (csv_path);
  g_unlink (jsonl_path);
}

/* A header error in a named file is located in that file. */
static void
test_file_header_error (void)
{
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_auto (PenalTestRun) run = { 0 };
  const char *args[] = { "batch", NULL, NULL };

  if (!penal_test_have_binary ())
    return;
  path = write_temporary ("penal-batch-XXXXXX.csv",
                          "offense,victim_age,victim_age\n");
  args[1] = path;
  penal_test_run (&run, NULL, "C", args);
  g_unlink (path);
  err = g_strdup_printf ("penal: %s:1: column “victim_age” appears twice; "
                         "give each column once\n",
                         path);
  g_assert_cmpstr (run.err, ==, err);
  g_assert_cmpint (run.exit_code, ==, 64);
}

static void
test_file_missing (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *args[] = { "batch", "/nonexistent/caseload.csv", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  assert_output (&run, "",
                 "penal: /nonexistent/caseload.csv: cannot open: No such "
                 "file or directory\n",
                 66);
}

static void
test_two_files (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *args[] = { "batch", "-", "-", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  assert_output (&run, "",
                 "penal: batch reads one file (or - for standard input)\n", 64);
}

/* ------------------------------------------------------------------ */
/* Formats batch refuses                                                */

typedef struct
{
  const char *option;
  const char *err;
} FormatCase;

static const FormatCase format_cases[] = {
  { "--format=json",
    "penal: --format: unknown format “json” for batch; use csv or jsonl\n" },
  { "--format=text",
    "penal: --format: unknown format “text” for batch; use csv or jsonl\n" },
  { "--format=dot",
    "penal: --format: unknown format “dot” for batch; use csv or jsonl\n" },
  { "--input-format=json",
    "penal: --input-format: unknown format “json”; use csv or jsonl\n" },
};

static void
test_format_refused (gconstpointer data)
{
  const FormatCase *c = data;
  g_auto (PenalTestRun) run = { 0 };
  const char *options[] = { c->option, NULL };
  const char *input = PLAIN_CSV;

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  assert_output (&run, "", c->err, 64);
}

static const PenalTestFunc tests[] = {
  { "/batch/header/ignore-unknown", test_header_ignore_unknown },
  { "/batch/input/refused/directory", test_input_directory },
  { "/batch/input/file-and-stdin", test_file_and_stdin },
  { "/batch/input/file-header-error", test_file_header_error },
  { "/batch/input/missing-file", test_file_missing },
  { "/batch/input/two-files", test_two_files },
};

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PENAL_TEST_ADD_CASES ("/batch/header", header_cases, test_header_case);
  PENAL_TEST_ADD_CASES ("/batch/input/refused", refused_inputs,
                        test_input_refused);
  /* A format case is named for its option, without the leading "--". */
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    penal_test_add_case (&format_cases[i], test_format_refused,
                         "/batch/format-refused/%s",
                         format_cases[i].option + strlen ("--"));
  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
