/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.c: how `penal batch` reads CSV, on the real binary: RFC 4180's
 * corners with the exact rows written, records across the blocks it reads,
 * bad rows that never stop, shift or drop the others, quotes left open and
 * records of commas (batch-classify.c, batch-jsonl.c and batch-input.c
 * have the rest of batch). */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "penal-test-batch.h"
#include "penal-test-register.h"

/* ------------------------------------------------------------------ */
/* RFC 4180's corners                                                   */

typedef struct
{
  const char *name;
  const char *option; /* one option for batch, or NULL */
  const char *input;
  const char *expected; /* the whole standard output */
  int exit_code;
  guint empty;         /* rows skipped: every cell empty */
  const char *ignored; /* the columns --ignore-unknown skipped, as standard
                          error names them */
  const char *bug;     /* a known bug: the test is skipped */
} CsvCase;

static const CsvCase csv_cases[] = {
  { "plain", NULL, PLAIN_CSV, PLAIN_CSV_ROWS, 0, 0, NULL, NULL },
  { "header-only", NULL, "offense,victim_age,offense_date\n", HEADER, 0, 0,
    NULL, NULL },
  { "quoted-fields", NULL,
    "\"offense\",\"victim_age\",\"offense_date\"\n\"patronizing\",\"30\","
    "\"2024-01-01\"\n",
    HEADER "2" ADULT_2024, 0, 0, NULL, NULL },
  /* "" inside quotes is one quote: in a column penal ignores it must not
   * end the field; in a fact it is part of the value, which the message
   * shows and the output escapes again. */
  { "escaped-quotes", "--ignore-unknown",
    "offense,victim_age,offense_date,note\n"
    "\"patronizing\",\"30\",\"2024-01-01\",\"say \"\"hi\"\", twice\"\n"
    "patronizing,\"3\"\"0\",2024-01-01,\"\"\"\"\n"
    "patronizing,14,2024-01-01,\"\"\"\"\"\"\n",
    HEADER "2" ADULT_2024
           "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,\"victim_age: “3\"\"0” is not "
           "valid; give a whole number from 0 to 120\",\n"
           "4" CHILD_2024,
    65, 0, "note", NULL },
  { "embedded-comma", "--ignore-unknown",
    "offense,victim_age,offense_date,note\n"
    "patronizing,30,2024-01-01,\"one, two, three\"\n"
    "patronizing,\"3,0\",2024-01-01,\n"
    "patronizing,14,2024-01-01,\",\"\n",
    HEADER "2" ADULT_2024
           "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,\"victim_age: “3,0” is not valid; "
           "give a whole number from 0 to 120\",\n"
           "4" CHILD_2024,
    65, 0, "note", NULL },
  /* A record with newlines inside quotes spans lines: the next record
   * starts on the line after its last.  A value is trimmed of the line
   * end inside its quotes as of spaces. */
  { "quoted-newline", "--ignore-unknown",
    "offense,victim_age,offense_date,note\n"
    "patronizing,30,2024-01-01,\"first\nsecond\nthird\"\n"
    "patronizing,14,2024-01-01,\n"
    "\"patronizing\n\",16,2024-01-01,\n"
    "patronizing,16,2024-01-01,\"\n\"\n"
    "patronizing,30,2024-01-01,\n",
    HEADER "2" ADULT_2024 "5" CHILD_2024 "6" TEEN_2024 "8" TEEN_2024
           "10" ADULT_2024,
    0, 0, "note", NULL },
  /* CRLF inside quotes is one line end. */
  { "quoted-crlf", "--ignore-unknown",
    "offense,victim_age,offense_date,note\r\n"
    "patronizing,30,2024-01-01,\"first\r\nsecond\"\r\n"
    "patronizing,14,2024-01-01,\r\n",
    HEADER "2" ADULT_2024 "4" CHILD_2024, 0, 0, "note", NULL },
  /* penal takes a lone CR for a line end between records, so it must
   * count one inside quotes too: the second record starts on line 4. */
  { "quoted-lone-cr", "--ignore-unknown",
    "offense,victim_age,offense_date,note\r"
    "patronizing,30,2024-01-01,\"first\rsecond\"\r"
    "patronizing,14,2024-01-01,\r",
    HEADER "2" ADULT_2024 "4" CHILD_2024, 0, 0, "note",
    "penal batch does not count a lone CR inside a quoted field as a line end, "
    "though it counts one between records: the record after it is numbered a "
    "line too early" },
  { "crlf", NULL,
    "offense,victim_age,offense_date\r\npatronizing,30,2024-01-"
    "01\r\npatronizing,14,2024-01-01\r\n",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0, 0, NULL, NULL },
  { "lone-cr", NULL,
    "offense,victim_age,offense_date\rpatronizing,30,2024-01-01\rpatronizing,"
    "14,2024-01-01\r",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0, 0, NULL, NULL },
  /* CRLF, CR and LF in one file, and a blank CRLF line. */
  { "mixed-line-ends", NULL,
    "offense,victim_age,offense_date\r\npatronizing,30,2024-01-01\rpatronizing,"
    "14,2024-01-01\n"
    "\r\npatronizing,16,2024-01-01",
    HEADER "2" ADULT_2024 "3" CHILD_2024 "5" TEEN_2024, 0, 0, NULL, NULL },
  { "bom", NULL,
    "\xef\xbb\xbfoffense,victim_age,offense_date\npatronizing,30,2024-01-01\n",
    HEADER "2" ADULT_2024, 0, 0, NULL, NULL },
  { "bom-quoted-header-crlf", NULL,
    "\xef\xbb\xbf\"offense\",victim_age,offense_date\r\npatronizing,30,2024-01-"
    "01\r\n",
    HEADER "2" ADULT_2024, 0, 0, NULL, NULL },
  { "no-final-newline", NULL,
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,"
    "14,2024-01-01",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0, 0, NULL, NULL },
  { "no-final-newline-quoted", NULL,
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,"
    "14,\"2024-01-01\"",
    HEADER "2" ADULT_2024 "3" CHILD_2024, 0, 0, NULL, NULL },
  /* Blank lines are skipped but still counted. */
  { "blank-lines", NULL,
    "offense,victim_age,offense_date\n\npatronizing,30,2024-01-"
    "01\n\n\npatronizing,14,2024-01-01\n\n",
    HEADER "3" ADULT_2024 "6" CHILD_2024, 0, 0, NULL, NULL },
  { "blank-lines-before-header", NULL,
    "\n\r\noffense,victim_age,offense_date\npatronizing,30,2024-01-01\n",
    HEADER "4" ADULT_2024, 0, 0, NULL, NULL },
  /* A quote left open would swallow the rest of the input into one
   * record: it is an error row at the line it starts on, naming the line
   * the quote opened on, and reading goes on at the next line. */
  { "unterminated-quote", NULL,
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,"
    "\"14,2024-01-01\n"
    "patronizing,16,2024-01-01\n",
    HEADER "2" ADULT_2024 "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,the quote opened "
           "on line 3 is never closed: the "
           "input ends inside it,\n"
           "4" TEEN_2024,
    65, 0, NULL, NULL },
  { "stray-quotes", NULL,
    "offense,victim_age,offense_date\npatro\"nizing,30,2024-01-"
    "01\n\"patronizing\"x,30,2024-01-01\n"
    "patronizing,14,2024-01-01\n",
    HEADER "2,error,,,,,,,,,,,,,,,,,,,,,,,,,,a quote inside an unquoted field; "
           "quote the whole "
           "field and double the quote,\n"
           "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,text after the closing quote of a "
           "field,\n"
           "4" CHILD_2024,
    65, 0, NULL, NULL },
  /* "" alone on a line is a record of one empty field, not a blank line:
   * a row whose cells are all empty, skipped and counted. */
  { "quoted-empty-record", NULL,
    "offense,victim_age,offense_date\n\"\"\npatronizing,30,2024-01-01\n",
    HEADER "3" ADULT_2024, 0, 1, NULL, NULL },
  /* Exports end with rows of delimiters, and pad cells with spaces: such
   * rows are skipped, and counted, whatever their number of fields. */
  { "empty-rows", NULL,
    "offense,victim_age,offense_date\n,,\npatronizing,30,2024-01-01\n"
    " , ,\t\n,,,,,\n\"\",\" \",\n",
    HEADER "3" ADULT_2024, 0, 4, NULL, NULL },
};

static void
test_csv_case (gconstpointer data)
{
  const CsvCase *c = data;
  g_auto (PenalTestRun) run = { 0 };
  const char *options[] = { c->option, NULL };
  g_autofree char *err = NULL;

  if (!penal_test_have_binary ())
    return;
  err = expected_stderr (c->expected, FALSE, c->empty, c->ignored);
  run_batch (&run, options, c->input, strlen (c->input));
  assert_output (&run, c->expected, err, c->exit_code);
}

/* ------------------------------------------------------------------ */
/* Records across the blocks penal reads                                */

typedef enum
{
  SPLIT_CRLF,          /* CR | LF ending a record */
  SPLIT_ESCAPED_QUOTE, /* " | " inside a quoted field */
  SPLIT_QUOTED_CRLF,   /* CR | LF inside a quoted field */
} SplitKind;

/* penal reads its input in blocks (1 MiB today, READ_BLOCK in
 * src/penal-batch.c); the parser's state must carry over from one to the
 * next.  Puts the split at the end of every power of two from 4 KiB to
 * 1 MiB, so any of those block sizes is covered. */
static void
test_block_boundaries (gconstpointer data)
{
  SplitKind kind = GPOINTER_TO_INT (data);
  /* The rows in between cycle through four answers, so that a dropped,
   * repeated or reordered row shows. */
  const char *ages[] = { "30", "14", "16", "x" };
  const char *answers[]
      = { ADULT_2024, CHILD_2024, TEEN_2024,
          ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “x” is not valid; "
          "give a whole number from 0 to 120,\n" };
  const char *options[] = { "--ignore-unknown", NULL };
  g_autoptr (GString) input
      = g_string_new ("offense,victim_age,offense_date,note\r\n");
  g_autoptr (GString) expected = g_string_new (HEADER);
  g_autofree char *err = NULL;
  g_auto (PenalTestRun) run = { 0 };
  guint64 line = 2, rows = 0, errors = 0;

  if (!penal_test_have_binary ())
    return;
  for (gsize split = 4096; split <= 1024 * 1024; split *= 2)
    {
      const char *prefix = "patronizing,30,2024-01-01,";
      gsize pad;

      while (input->len + 200 < split)
        {
          guint k = rows % G_N_ELEMENTS (ages);
          g_string_append_printf (input, "patronizing,%s,2024-01-01,n\r\n",
                                  ages[k]);
          g_string_append_printf (expected, "%" G_GUINT64_FORMAT "%s", line++,
                                  answers[k]);
          errors += k == 3;
          rows++;
        }
      /* One record with its special bytes at split - 1 and split. */
      g_string_append (input, prefix);
      if (kind == SPLIT_CRLF)
        {
          pad = split - 1 - input->len;
          for (gsize i = 0; i < pad; i++)
            g_string_append_c (input, 'n');
          g_string_append (input, "\r\n");
        }
      else
        {
          g_string_append_c (input, '"');
          pad = split - 1 - input->len;
          for (gsize i = 0; i < pad; i++)
            g_string_append_c (input, 'n');
          g_string_append (input, kind == SPLIT_ESCAPED_QUOTE ? "\"\"n\"\r\n"
                                                              : "\r\nn\"\r\n");
        }
      g_assert_cmpint (input->str[split - 1], ==,
                       kind == SPLIT_ESCAPED_QUOTE ? '"' : '\r');
      g_string_append_printf (expected, "%" G_GUINT64_FORMAT "%s", line,
                              ADULT_2024);
      line += kind == SPLIT_QUOTED_CRLF ? 2 : 1;
      rows++;
    }
  g_string_append (input, "patronizing,14,2024-01-01,n");
  g_string_append_printf (expected, "%" G_GUINT64_FORMAT "%s", line,
                          CHILD_2024);
  rows++;

  g_assert_cmpuint (errors, >, 0);
  run_batch (&run, options, input->str, input->len);
  err = expected_stderr (expected->str, FALSE, 0, "note");
  assert_output (&run, expected->str, err, 65);
}

/* ------------------------------------------------------------------ */
/* Bad rows between good ones                                           */

typedef struct
{
  const char *record; /* the bytes of the record, without its line end */
  gsize length;
  const char *answer; /* the row written, after the line number */
} MixedRow;

#define RECORD(text) text, sizeof (text) - 1

/* Each good row must be answered as it would be alone; each bad one is an
 * error row on its own line, saying what is wrong. */
static const MixedRow mixed_rows[] = {
  { RECORD ("patronizing,30,2024-01-01,"), ADULT_2024 },
  { RECORD ("patronizing,abc,2024-01-01,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “abc” is not valid; give a "
    "whole number from "
    "0 to 120,\n" },
  { RECORD ("patronizing,14,2024-01-01,"), CHILD_2024 },
  { RECORD ("burglary,30,2024-01-01,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,\"offense: “burglary” is not valid; give "
    "one of "
    "prostitution, patronizing\",\n" },
  { RECORD ("patronizing,30,2024-01-01,,extra"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,\"the row has 5 fields, but the header "
    "has 4\",\n" },
  { RECORD ("patronizing,16,2024-01-01,"), TEEN_2024 },
  { RECORD ("patronizing,30"), ",error,,,,,,,,,,,,,,,,,,,,,,,,,,\"the row has "
                               "2 fields, but the header has 4\",\n" },
  { RECORD ("patronizing,\xff\xfe,2024-01-01,"),
    /* Invalid UTF-8 is shown as U+FFFD, so the output stays UTF-8. */
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “\xef\xbf\xbd\xef\xbf\xbd” is "
    "not valid; give "
    "a whole number from 0 to 120,\n" },
  { RECORD ("patronizing,3\0"
            "0,2024-01-01,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: the value contains a NUL "
    "byte,\n" },
  { RECORD ("\0patronizing,30,2024-01-01,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,offense: the value contains a NUL "
    "byte,\n" },
  { NULL, 0,
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,the row is longer than 64 KiB,\n" }, /* an
                                                                             overlong
                                                                             value
                                                                           */
  { RECORD ("patronizing,121,2024-01-01,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,victim_age: “121” is out of range; give a "
    "whole number "
    "from 0 to 120,\n" },
  { RECORD ("patronizing,30,2023-02-29,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,offense_date: “2023-02-29” is not valid; "
    "give a calendar "
    "date written YYYY-MM-DD,\n" },
  /* A fact the offense does not depend on is left out, with a note. */
  { RECORD ("patronizing,30,2024-01-01,yes"),
    ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,"
    "misdemeanor-B,RSMo 567.030.3,,,P6M,6,false,,,1000,true,,,,,,,,,567.030-"
    "004Y202040,,knew_hiv ignored: the offense patronizing does not depend on "
    "it.\n" },
  { RECORD (",30,2024-01-01,"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,\"offense: not "
    "given; every row needs one, or a "
    "charge_code\",\n" },
  /* Every problem of a row, not only the first. */
  { RECORD ("patronising,-1,2024-13-01,maybe"),
    ",error,,,,,,,,,,,,,,,,,,,,,,,,,,\"offense: “patronising” is not valid; "
    "give one of prostitution, patronizing | offense_date: “2024-13-01” is "
    "not valid; give a calendar date written YYYY-MM-DD | victim_age: “-1” is "
    "out of range; give a whole number from 0 to 120 | knew_hiv: “maybe” is "
    "not valid; give yes or no (also true/false, 1/0)\",\n" },
  { RECORD ("patronizing,30,2024-01-01,"), ADULT_2024 },
};

/* The record of mixed_rows[i], with the overlong one made up. */
static void
append_mixed_record (GString *input, guint i)
{
  if (mixed_rows[i].record != NULL)
    g_string_append_len (input, mixed_rows[i].record,
                         (gssize)mixed_rows[i].length);
  else
    {
      g_string_append (input, "patronizing,");
      for (guint k = 0; k < 100000; k++)
        g_string_append_c (input, '9');
      g_string_append (input, ",2024-01-01,");
    }
}

static void
test_bad_rows_between_good (void)
{
  g_autoptr (GString) input
      = g_string_new ("offense,victim_age,offense_date,knew_hiv\n");
  g_autoptr (GString) expected = g_string_new (HEADER);
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;
  guint errors = 0;
  g_autofree char *err = NULL;

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (mixed_rows); i++)
    {
      append_mixed_record (input, i);
      g_string_append_c (input, '\n');
      g_string_append_printf (expected, "%u%s", i + 2, mixed_rows[i].answer);
      errors += g_str_has_prefix (mixed_rows[i].answer, ",error,");
    }
  g_assert_cmpuint (errors, >, 0);
  run_batch (&run, NULL, input->str, input->len);
  err = expected_stderr (expected->str, FALSE, 0, NULL);
  assert_output (&run, expected->str, err, 65);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));

  /* Each row, alone, gets the answer it got among the others. */
  lines = split_lines (run.out);
  for (guint i = 0; i < G_N_ELEMENTS (mixed_rows); i++)
    {
      g_autoptr (GString) one
          = g_string_new ("offense,victim_age,offense_date,knew_hiv\n");
      g_auto (PenalTestRun) alone = { 0 };
      g_autofree char *wanted = NULL;

      append_mixed_record (one, i);
      run_batch (&alone, NULL, one->str, one->len);
      wanted = g_strdup_printf (HEADER "2%s\n", strchr (lines[i + 1], ','));
      g_assert_cmpstr (alone.out, ==, wanted);
      g_assert_cmpint (alone.exit_code, ==,
                       g_str_has_prefix (mixed_rows[i].answer, ",error,") ? 65
                                                                          : 0);
    }
}

/* The 64 KiB limit holds for the last record too, with or without a line
 * end after it: the same record must not be refused with one and answered
 * without. */
static void
test_overlong_last_record (void)
{
  const char *options[] = { "--ignore-unknown", NULL };

  if (!penal_test_have_binary ())
    return;
  for (guint with_newline = 0; with_newline < 2; with_newline++)
    {
      g_autoptr (GString) input
          = g_string_new ("offense,victim_age,offense_date,note\n"
                          "patronizing,30,2024-01-01,n\n"
                          "patronizing,30,2024-01-01,");
      g_auto (PenalTestRun) run = { 0 };

      for (guint k = 0; k < 100000; k++)
        g_string_append_c (input, 'n');
      if (with_newline)
        g_string_append_c (input, '\n');
      run_batch (&run, options, input->str, input->len);
      assert_output (
          &run,
          HEADER
          "2" ADULT_2024
          "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,the row is longer than 64 KiB,\n",
          "penal: 2 rows: 1 decided, 1 error\n"
          "penal: columns ignored: note\n"
          "penal: 1 of 2 rows could not be classified; see the rows with "
          "status error\n",
          65);
    }
}

/* ------------------------------------------------------------------ */
/* Quotes left open, and records of commas                             */

/* Runs batch on HEAD, a header and ROWS_BEFORE records, followed by
 * COPIES copies of the line LINE.  Checks that it writes the header, one
 * row for each record, and for each copy its line number followed by
 * ROW_AFTER: the rest of the whole row or, unless WHOLE, of how it starts.
 * Returns the rows. */
static GStrv
run_copies (PenalTestRun *run, const char *head, guint rows_before,
            const char *line, guint copies, const char *row_after,
            gboolean whole)
{
  g_autoptr (GString) input = g_string_new (head);
  GStrv lines;

  for (guint i = 0; i < copies; i++)
    g_string_append (input, line);
  run_batch (run, NULL, input->str, input->len);
  g_assert_true (g_str_has_prefix (run->out, HEADER));
  lines = split_lines (run->out);
  /* The header, the rows, and the empty last piece. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + rows_before + copies + 1);
  for (guint i = 0; i < copies; i++)
    {
      guint at = 1 + rows_before + i;
      g_autofree char *expected = g_strdup_printf ("%u%s", at + 1, row_after);

      if (whole)
        g_assert_cmpstr (lines[at], ==, expected);
      else
        g_assert_true (g_str_has_prefix (lines[at], expected));
    }
  return lines;
}

/* A quote left open on line 3 of a 100,002-row caseload swallowed every
 * later row (two rows out, and "longer than 64 KiB"): now line 3 is one
 * error row naming the quote, and every later line has its own row. */
static void
test_unclosed_quote_every_later_row (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  lines = run_copies (&run,
                      "offense,victim_age,offense_date\n"
                      "patronizing,16,2024-01-01\n"
                      "patronizing,\"16,2024-01-01\n",
                      2, "patronizing,16,2024-01-01\n", 100000, TEEN_2024_LINE,
                      TRUE);
  g_assert_cmpstr (lines[1], ==, "2" TEEN_2024_LINE);
  g_assert_cmpstr (
      lines[2], ==,
      "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,the quote opened on line 3 is not "
      "closed within 64 KiB,");
  g_assert_cmpstr (run.err, ==,
                   "penal: 100002 rows: 100001 decided, 1 error\n"
                   "penal: 1 of 100002 rows could not be classified; see the "
                   "rows with status error\n");
  g_assert_cmpint (run.exit_code, ==, 65);
}

/* Every line of this input leaves a quote open into the next, so read as
 * RFC 4180 says each starts a record that never ends.  Each line is an
 * error row of its own, and the reader reads each byte a bounded number of
 * times: 200,000 lines take well under the seconds a reader that went
 * back over the 64 KiB after each line would take. */
static void
test_unclosed_quote_on_every_line (void)
{
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  g_strfreev (run_copies (&run, "offense,victim_age\n", 0, "x\",\"\n", 200000,
                          ",error,,,,,,,,,,,,,,,,,,,,,,,,,,", FALSE));
  assert_summary (&run, FALSE, 0, NULL);
  g_assert_cmpint (run.exit_code, ==, 65);
}

/* The cap counts a record's commas too, and its fields are capped: a row
 * of 100,000 commas is an error row, not 100,001 fields held; one of 1,100
 * fields is refused for its fields. */
static void
test_rows_of_commas (void)
{
  g_autoptr (GString) input
      = g_string_new ("offense,victim_age,offense_date\n");
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (input, ',');
  g_string_append (input, "\n");
  for (guint i = 0; i < 1100; i++)
    g_string_append_c (input, ',');
  g_string_append (input, "\npatronizing,14,2024-01-01\n");
  run_batch (&run, NULL, input->str, input->len);
  assert_same_lines (
      run.out,
      HEADER "2,error,,,,,,,,,,,,,,,,,,,,,,,,,,the row is longer than 64 KiB,\n"
             "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,the row has more than 1024 "
             "fields,\n"
             "4" CHILD_2024);
  assert_summary (&run, FALSE, 0, NULL);
  g_assert_cmpint (run.exit_code, ==, 65);
}

static const PenalTestDataFunc block_boundary_tests[] = {
  { "/batch/csv/block-boundary/crlf", GINT_TO_POINTER (SPLIT_CRLF),
    test_block_boundaries },
  { "/batch/csv/block-boundary/escaped-quote",
    GINT_TO_POINTER (SPLIT_ESCAPED_QUOTE), test_block_boundaries },
  { "/batch/csv/block-boundary/quoted-crlf",
    GINT_TO_POINTER (SPLIT_QUOTED_CRLF), test_block_boundaries },
};

static const PenalTestFunc tests[] = {
  { "/batch/rows/bad-between-good", test_bad_rows_between_good },
  { "/batch/rows/overlong-last-record", test_overlong_last_record },
  { "/batch/csv/unclosed-quote/every-later-row",
    test_unclosed_quote_every_later_row },
  { "/batch/csv/unclosed-quote/on-every-line",
    test_unclosed_quote_on_every_line },
  { "/batch/csv/rows-of-commas", test_rows_of_commas },
};

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PENAL_TEST_ADD_CASES ("/batch/csv", csv_cases, test_csv_case);
  PENAL_TEST_ADD_DATA_FUNCS (block_boundary_tests);
  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
