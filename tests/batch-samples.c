/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch-samples.c: `penal batch` on caseloads as prosecutors' tools write
 * them.  Three samples in tests/data, each compared byte for byte with its
 * expected output, with the summary standard error gives and the exit
 * status: an Excel CSV, a case-management system's export, and JSON Lines
 * as an API sends them.  Then a caseload by charge code with more distinct
 * codes than batch keeps, so that its table of codes is emptied while rows
 * are answered, and every row still gets its own code's answer. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

typedef struct
{
  const char *name;
  const char *input;    /* in tests/data */
  const char *expected; /* in tests/data: standard output, byte for byte */
  const char *options[6];
  const char *err; /* standard error, exactly */
  int exit_code;
} Sample;

/* 1. An Excel CSV, as Excel saves "CSV UTF-8" where the list separator is
 * a semicolon: a byte-order mark, semicolons, CRLF line ends, the headers
 * as a clerk typed them ("Case No", "Victim Age", "Offense Date"), offenses
 * capitalized, slashed dates month first (run with --date-order=mdy),
 * and the row of empty cells Excel leaves after the last one (skipped and
 * counted).  The case number is kept, and the output begins with a
 * byte-order mark (--bom) so that Excel reads its curly quotes.
 *
 * The figures, row by row (../shared/research/missouri-law.md, "RSMo
 * 567.030 Patronizing prostitution" and the two penalty tables, and
 * findings-2026-11-30.md, 1.1 and 1.3 for the versions' dates and the
 * Highway Patrol's codes):
 * - 2016-CR-0412, 16, 1 June 2016: the tiers of 28 August 2004, 15 to 17 is
 *   a class A misdemeanor (567.030.3); before 2017, up to 1 year (RSMo
 *   558.011.1(5)) and $1,000 (560.016, secondary); a minor patronized, so the
 *   hotline and Veronica's Voice and no diversion; code 567.030-003Y200440.
 * - 2017-CR-0107, 14, 15 March 2017: SB 491's tiers (1 January 2017 to
 *   27 August 2018), 14 or younger is a class E felony (567.030.4); from
 *   2017, up to 4 years or 1 year in the county jail (558.011.1(5),
 *   558.011.2) and $10,000 (558.002.1(1)); code 567.030-001Y201740.
 * - 2018-CR-0933, 17, 4 September 2018: the tiers of 28 August 2018, 15 to
 *   17 is a class E felony (567.030.3, verbatim); code 567.030-003Y201840.
 * - 2019-CR-0220, 35, 22 February 2019: a class B misdemeanor (567.030.3),
 *   up to 6 months (558.011.1(7)) and $1,000 (558.002.1(3)); no minor, but
 *   prior offenses not given, so diversion is not answered.
 * - 2024-CR-1187, 12, 9 January 2024: a class D felony (567.030.4), up to
 *   7 years or 1 year in the county jail (558.011.1(4), 558.011.2) and
 *   $10,000.
 * - 2024-CR-1201, "13/1/2024": no month 13, so an error row.
 * - 2004-CR-0077, 15, 27 August 2004: the last day of the 1979 version, a
 *   class B misdemeanor whatever the age (Patrol code 21020,
 *   567.030-999Y195040); the pre-2017 table is held as in force from
 *   28 August 2004 at the latest, so no figures (statutes/mo-penalties.xml,
 *   its era's from-latest). */
static const Sample excel = {
  "excel",
  "batch-excel.csv",
  "batch-excel.expected",
  { "--date-order=mdy", "--keep=Case No", "--bom", NULL },
  "penal: 7 rows: 6 decided, 1 error; 1 empty row skipped\n"
  "penal: 1 of 7 rows could not be classified; see the rows with status "
  "error\n",
  65,
};

/* 2. A case-management system's export: every column it has, most of
 * which penal does not read (skipped with --ignore-unknown, and named once
 * on standard error), the case id kept, prostitution and patronizing rows
 * with their facts, rows with only a Highway Patrol charge code of other
 * statutes, empty cells, "Y"/"N" for booleans, a value with spaces around
 * it, dates with a time of midnight, a row with two bad values (both
 * reported), and the row of empty cells an export ends with (skipped and
 * counted).  A patronizing row gives knew_hiv, which 567.030 does not read:
 * a note, not an error.
 *
 * The figures, row by row (sources as above; the charge codes' classes
 * and dates are the Patrol's table of 5 August 2021,
 * statutes/mshp-charge-codes.tsv, an official record):
 * - CS-16-0101, prostitution on 1 June 2016 (its code given too): a class
 *   B misdemeanor (567.020, the version of 2002), before 2017 up to 6
 *   months (558.011.1(6)) and $500 (560.016, secondary); the treatment route of
 * 567.020.4 listed, whether it applied then not established.
 * - CS-23-0102, prostitution knowing of HIV, 10 March 2023: a class B
 *   felony (567.020.2, verbatim), 5 to 15 years (558.011.1(2)), no fine
 *   for the class (558.002.1); no treatment route (567.020.4 excludes it).
 * - CS-23-0103, a 16-year-old charged, 1 January 2023: a class B
 *   misdemeanor, up to 6 months and $1,000; the protection of 567.020.5
 *   (from 28 August 2022, verbatim) applies; the hotline and Veronica's
 *   Voice.
 * - CS-19-0104, patronizing an adult, a first offense, 22 February 2019:
 *   a class B misdemeanor; Johnz School open (KCTV5, 22 February 2019, and
 *   seed 004: a first-time offender, no minor); knew_hiv and defendant_age
 *   noted as not read.
 * - CS-18-0105, patronizing a 15-year-old (" 15 "), two priors, 28 August
 *   2018: the first day of the 2018 tiers, a class E felony; the
 *   persistent offender enhancement (567.110, verbatim) is a class E
 *   felony too, so charging it does not raise the exposure.
 * - CS-21-0106 needs victim_age; CS-22-0107 needs the offense date, which
 *   batch never takes to be today.
 * - CS-19-0108, 570.030-029Y201723 (stealing, class A felony from 2017 to
 *   27 August 2020), 1 May 2019: 10 to 30 years or life (558.011.1(1)),
 *   the range of the class, which the statute may narrow.
 * - CS-15-0109, 577.010-005Y197554 (DWI, class B misdemeanor until 2016),
 *   14 November 2015: up to 6 months and $500.
 * - CS-21-0110, 579.015-001Y202035 (possession, class D felony from
 *   28 August 2020), 30 September 2021: up to 7 years or 1 year in the
 *   county jail, $10,000.
 * - CS-22-0111, an ordinance code: municipal penalties are not held.
 * - CS-21-0112, 105.555-001N202026, class U: the statute sets the penalty.
 * - CS-19-0113, 567.030-003Y201840 without facts: its class, class E
 *   felony, saying which facts give the complete answer; CS-19-0114, the
 *   same code with victim_age 16: classify's answer.
 * - CS-16-0115, 579.015-001Y201735 on 1 May 2016: not yet in force (from
 *   1 January 2017).
 * - CS-20-0116: victim_age "UNK" and 30 February 2020, both reported. */
static const Sample case_system = {
  "case-system",
  "batch-case-system.csv",
  "batch-case-system.expected",
  { "--keep=case_id", "--ignore-unknown", NULL },
  "penal: 16 rows: 10 decided, 2 needs-facts, 1 unclassified, 1 ordinance, "
  "1 not-in-force, 1 error; 1 empty row skipped\n"
  "penal: columns ignored: defendant, court, charge_description, "
  "disposition\n"
  "penal: 1 of 16 rows could not be classified; see the rows with status "
  "error\n",
  65,
};

/* 3. JSON Lines as a case system's API sends them: one object per line,
 * members in its own order, numbers as numbers (or as strings), booleans as
 * true/false, null for a fact not known, an id kept, a charge code alone,
 * and a number that is not whole (an error row, never rounded).
 *
 * The figures (sources as above):
 * - API-7781, 17, 3 May 2024: a class E felony, up to 4 years or 1 year in
 *   the county jail, $10,000; a minor, so referrals and no diversion.
 * - API-7782, 42, a first offense, 9 April 2016: a class B misdemeanor,
 *   before 2017 up to 6 months and $500; Johnz School and OAR described
 *   then (seed 004, about 2016), so diversion is open.
 * - API-7783, prostitution, three priors, 15 June 2017: a class B
 *   misdemeanor, up to 6 months and $1,000; the persistent offender
 *   enhancement, a class E felony (567.110), raises the exposure and, if
 *   charged, closes the treatment route (567.020.4 covers only the class B
 *   misdemeanor).
 * - API-7784, prostitution, knew_hiv null, 17 years old, 1 October 2020:
 *   needs knew_hiv; the protection of a minor from 28 August 2019 (HB 397,
 *   as the House's summary describes it) applies whatever the class.
 * - API-7785, 565.050-002Y202013 (assault in the first degree or attempt,
 *   class B felony from 28 August 2020), 24 December 2022: 5 to 15 years.
 * - API-7786, victim_age 16.5: an error row.
 * - API-7787, "30" and "0" as strings, 14 March 2025: a class B
 *   misdemeanor; whether Johnz School or OAR ran then is not established,
 *   so diversion is not answered. */
static const Sample api = {
  "api-jsonl",
  "batch-api.jsonl",
  "batch-api.expected",
  { "--input-format=jsonl", "--format=jsonl", "--keep=case_id", NULL },
  "penal: 7 rows: 5 decided, 1 needs-facts, 1 error\n"
  "penal: 1 of 7 rows could not be classified; see the rows with status "
  "error\n",
  65,
};

/* Fails unless actual is expected, byte for byte; line by line first, so
 * that a failure shows the first line that differs. */
static void
assert_same_bytes (const char *actual, const char *expected, gsize length)
{
  g_auto (GStrv) got = g_strsplit (actual, "\n", -1);
  g_auto (GStrv) wanted = g_strsplit (expected, "\n", -1);

  for (guint i = 0; got[i] != NULL && wanted[i] != NULL; i++)
    g_assert_cmpstr (got[i], ==, wanted[i]);
  g_assert_cmpuint (strlen (actual), ==, length);
  g_assert_cmpint (memcmp (actual, expected, length), ==, 0);
}

/* Runs batch on the sample, given as a file or on standard input, and
 * checks its output byte for byte, its standard error and its status. */
static void
check_sample (const Sample *sample, gboolean from_stdin)
{
  g_autofree char *input_path
      = g_test_build_filename (G_TEST_DIST, "data", sample->input, NULL);
  g_autofree char *expected_path
      = g_test_build_filename (G_TEST_DIST, "data", sample->expected, NULL);
  g_autofree char *input = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (PenalTestRun) run = { 0 };
  gsize input_length = 0, length;

  g_file_get_contents (expected_path, &expected, &length, &error);
  g_assert_no_error (error);
  g_ptr_array_add (args, (gpointer) "batch");
  for (guint i = 0; sample->options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)sample->options[i]);
  g_ptr_array_add (args, from_stdin ? (gpointer) "-" : input_path);
  g_ptr_array_add (args, NULL);
  if (from_stdin)
    {
      g_file_get_contents (input_path, &input, &input_length, &error);
      g_assert_no_error (error);
    }
  penal_test_run_input (&run, NULL, "C", (const char *const *)args->pdata,
                        from_stdin ? input : "", input_length);

  assert_same_bytes (run.out, expected, length);
  g_assert_cmpstr (run.err, ==, sample->err);
  g_assert_cmpint (run.exit_code, ==, sample->exit_code);
}

/* The sample given as a file, as a prosecutor runs it. */
static void
test_sample (gconstpointer data)
{
  if (penal_test_have_binary ())
    check_sample (data, FALSE);
}

/* The same sample on standard input gives the same bytes. */
static void
test_sample_stdin (gconstpointer data)
{
  if (penal_test_have_binary ())
    check_sample (data, TRUE);
}

/* ------------------------------------------------------------------ */
/* More codes than batch keeps                                          */

/* Rows of distinct codes no table has, more than the 65,536 entries batch
 * keeps, with a code of the table every seventh row: the table of codes is
 * emptied on the way, entries and answers, and each row must still get its
 * own answer.  The stealing code is a class A felony from 2017 to
 * 27 August 2020, the possession code a class D felony from 28 August 2020
 * (the Patrol's table of 5 August 2021); their rows are compared with a
 * run of those two codes alone. */
#define CODES_ROWS 80000

/* The next line of text, cut off at its newline, which must be there.
 * Under AddressSanitizer g_strsplit's strstr measures what is left of the
 * text at each line, which over megabytes takes minutes, so each line is
 * found by its length. */
static const char *
next_line (char **cursor, const char *end)
{
  char *line = *cursor;
  char *newline = memchr (line, '\n', (gsize)(end - line));

  g_assert_nonnull (newline);
  *newline = '\0';
  *cursor = newline + 1;
  return line;
}

/* A CSV row of one kept cell without that cell and its line number. */
static const char *
after_line (const char *row)
{
  return strchr (strchr (row, ',') + 1, ',') + 1;
}

static void
test_codes_past_the_cache (void)
{
  static const char *const codes[]
      = { "570.030-029Y201723", "579.015-001Y202035" };
  static const char *const dates[] = { "2019-05-01", "2021-09-30" };
  GString *input = g_string_new ("case_id,charge_code,offense_date\n");
  GString *reference = g_string_new ("case_id,charge_code,offense_date\n");
  const char *const options[] = { "batch", "--keep=case_id", "-", NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) alone = { 0 };
  g_auto (GStrv) answers = NULL;
  char *cursor;
  const char *end;
  guint known = 0;

  if (!penal_test_have_binary ())
    {
      g_string_free (input, TRUE);
      g_string_free (reference, TRUE);
      return;
    }
  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    g_string_append_printf (reference, "R,%s,%s\n", codes[c], dates[c]);
  for (guint i = 0; i < CODES_ROWS; i++)
    if (i % 7 == 0)
      g_string_append_printf (input, "K%u,%s,%s\n", i, codes[i / 7 % 2],
                              dates[i / 7 % 2]);
    else
      /* Chapters 900 and later hold no statute, so no code. */
      g_string_append_printf (input, "K%u,9%02u.%03u-001Y201840,2019-05-01\n",
                              i, i / 1000, i % 1000);
  penal_test_run_input (&alone, NULL, "C", options, reference->str,
                        reference->len);
  g_assert_cmpint (alone.exit_code, ==, 0);
  penal_test_run_input (&run, NULL, "C", options, input->str, input->len);
  g_assert_cmpint (run.exit_code, ==, 65);

  /* The reference's rows after their line number. */
  answers = g_strsplit (alone.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (answers), ==, 4);
  cursor = run.out;
  end = run.out + strlen (run.out);
  g_assert_cmpstr (next_line (&cursor, end), ==, answers[0]);
  for (guint i = 0; i < CODES_ROWS; i++)
    {
      g_autofree char *start = g_strdup_printf ("K%u,%u,", i, i + 2);
      const char *row = next_line (&cursor, end);

      g_assert_true (g_str_has_prefix (row, start));
      row += strlen (start);
      if (i % 7 == 0)
        {
          g_assert_cmpstr (row, ==, after_line (answers[1 + i / 7 % 2]));
          known++;
        }
      else
        {
          g_autofree char *code
              = g_strdup_printf ("9%02u.%03u-001Y201840", i / 1000, i % 1000);

          g_assert_true (g_str_has_prefix (row, "error,"));
          penal_test_assert_contains (row, code);
        }
    }
  g_assert_true (cursor == end);
  g_assert_cmpuint (known, ==, (CODES_ROWS + 6) / 7);
  g_string_free (input, TRUE);
  g_string_free (reference, TRUE);
}

static const PenalTestFunc tests[] = {
  { "/batch/codes/more-than-kept", test_codes_past_the_cache },
};

int
main (int argc, char *argv[])
{
  static const Sample *const samples[] = { &excel, &case_system, &api };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      penal_test_add_case (samples[i], test_sample, "/batch/sample/%s",
                           samples[i]->name);
      penal_test_add_case (samples[i], test_sample_stdin,
                           "/batch/sample/%s/stdin", samples[i]->name);
    }
  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
