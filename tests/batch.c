/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.c: `penal batch` on the real binary: RFC 4180's corners with the
 * exact rows written, bad rows that never stop, shift or drop the others,
 * agreement with `penal classify` over a grid of cases, header errors, JSON
 * Lines in and out, a file against standard input, and the formats batch
 * refuses. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "penal-test-run.h"

#define HEADER                                                                 \
  "line,status,offense,statute,offense_date,offense_date_assumed,version,"     \
  "class,citation,imprisonment_min,imprisonment_min_months,imprisonment_max,"  \
  "imprisonment_max_months,life,county_jail_max,county_jail_max_months,fine_"  \
  "max_usd,penalty_established,enhancement,enhancement_class,enhancement_"     \
  "raises_exposure,protection,protection_applies,court_discretion,referral,"   \
  "diversion_eligible,charge_code,message,notes\n"

/* An error row's cells after its line, up to the message: every column of
 * an answer is empty. */
#define ERROR_CELLS ",error,,,,,,,,,,,,,,,,,,,,,,,,,,"

/* The answers the tests expect, everything after the line number, for
 * patronizing on 2024-01-01.  research/missouri-law.md, "RSMo 567.030
 * Patronizing prostitution", text in force in 2024 (verbatim, printed as
 * existing law by HB 1706 (2024)), and "From 2017-01-01" (RSMo 558.011 and
 * 558.002, verbatim); the subsections are the ones penal cites.  The date
 * is after the span in which the version of 567.030 in force is not
 * established, so the answers are decided, under the version in force
 * from 28 August 2018.  The charge codes are the Highway Patrol's for
 * each tier from 28 August 2020 (statutes/mshp-charge-codes.tsv, the
 * table of 5 August 2021: 567.030-001Y202040 "14 YRS AND YOUNGER" class D
 * felony, -003Y202040 "> 14 YRS < 18 YRS" class E felony, -004Y202040 "18
 * YEARS OF AGE OR OLDER" class B misdemeanor).  The referrals are those
 * statutes/referrals.xml gives when a minor was patronized (the National
 * Human Trafficking Hotline and Veronica's Voice). */

/* An adult patronized: class B misdemeanor (567.030.3); up to 6 months
 * (558.011.1(7)); fine up to $1,000 (558.002.1(3)).  Diversion is not
 * answered: prior_prostitution_offenses is not given. */
#define ADULT_2024                                                             \
  ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,"        \
  "misdemeanor-B,RSMo 567.030.3,,,P6M,6,false,,,1000,true,,,,,,,,,567.030-"    \
  "004Y202040,,\n"

/* A person patronized aged 15 to 17: class E felony (567.030.3); up to 4
 * years (558.011.1(5)) or up to 1 year in the county jail (558.011.2); fine
 * up to $10,000 (558.002.1(1)).  Never diversion: a minor was involved
 * (seed 004; KCTV5, 22 February 2019). */
#define TEEN_2024_LINE                                                         \
  ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,felony-" \
  "E,RSMo 567.030.3,,,P4Y,48,false,P1Y,12,10000,true,,,,,,,nhth; veronicas-"   \
  "voice,false,567.030-003Y202040,,"
#define TEEN_2024 TEEN_2024_LINE "\n"

/* A person patronized aged 14 or younger: class D felony (567.030.4); up to
 * 7 years (558.011.1(4)) or up to 1 year in the county jail (558.011.2);
 * fine up to $10,000 (558.002.1(1)).  Never diversion, as above. */
#define CHILD_2024                                                             \
  ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,felony-" \
  "D,RSMo 567.030.4,,,P7Y,84,false,P1Y,12,10000,true,,,,,,,nhth; veronicas-"   \
  "voice,false,567.030-001Y202040,,\n"

/* How every JSON Lines row begins: its format, then its line number. */
#define JSON_ROW "{\"format_version\":2,\"line\":"

/* The same three answers as JSON Lines rows, after the line number. */
#define ANSWER_JSON_HEAD(klass, citation)                                      \
  ",\"status\":\"decided\",\"offense\":\"patronizing\",\"statute\":\"RSMo "    \
  "567.030\",\"offense_date\":\"2024-01-01\",\"offense_date_assumed\":false,"  \
  "\"version\":\"mo-567.030-2018\",\"class\":\"" klass                         \
  "\",\"citation\":\"" citation                                                \
  "\",\"imprisonment_min\":null,\"imprisonment_min_months\":null,"
#define REFERRALS_JSON                                                         \
  "[{\"id\":\"nhth\",\"title\":\"National Human Trafficking "                  \
  "Hotline\"},{\"id\""                                                         \
  ":\"veronicas-voice\",\"title\":\"Veronica's Voice, Kansas City\"}]"
#define ADULT_2024_JSON                                                        \
  ANSWER_JSON_HEAD ("misdemeanor-B", "RSMo 567.030.3")                         \
  "\"imprisonment_max\":\"P6M\",\"imprisonment_max_months\":6,\"life\":false," \
  "\"county_jail_max\":null,\"county_jail_max_months\":null,\"fine_max_usd\":" \
  "1000,\"penalty_established\":true,\"enhancements\":[],\"protections\":[],"  \
  "\"court_discretion\":[],\"referrals\":[],\"diversion_eligible\":null,"      \
  "\"charge_codes\":[\"567.030-004Y202040\"],\"message\":null,\"notes\":[]}"
#define TEEN_2024_JSON                                                         \
  ANSWER_JSON_HEAD ("felony-E", "RSMo 567.030.3")                              \
  "\"imprisonment_max\":\"P4Y\",\"imprisonment_max_months\":48,\"life\":"      \
  "false,\"county_jail_max\":\"P1Y\",\"county_jail_max_months\":12,\"fine_"    \
  "max_usd\":10000,\"penalty_established\":true,\"enhancements\":[],"          \
  "\"protections\":[],\"court_discretion\":[],\"referrals\":" REFERRALS_JSON   \
  ",\"diversion_eligible\":false,\"charge_codes\":[\"567.030-003Y202040\"],"   \
  "\"message\":null,\"notes\":[]}"
#define CHILD_2024_JSON                                                        \
  ANSWER_JSON_HEAD ("felony-D", "RSMo 567.030.4")                              \
  "\"imprisonment_max\":\"P7Y\",\"imprisonment_max_months\":84,\"life\":"      \
  "false,\"county_jail_max\":\"P1Y\",\"county_jail_max_months\":12,\"fine_"    \
  "max_usd\":10000,\"penalty_established\":true,\"enhancements\":[],"          \
  "\"protections\":[],\"court_discretion\":[],\"referrals\":" REFERRALS_JSON   \
  ",\"diversion_eligible\":false,\"charge_codes\":[\"567.030-001Y202040\"],"   \
  "\"message\":null,\"notes\":[]}"

/* A JSON Lines error row after its line number, with its one problem. */
#define ERROR_JSON(problem)                                                    \
  ",\"status\":\"error\",\"message\":\"" problem "\",\"problems\":[\"" problem \
  "\"]}"

/* What standard error says after a batch: the rows by status, in the order
 * the summary names them, as the expected output gives them, then the
 * empty rows skipped and the columns ignored, and the error rows' count. */
static char *
expected_stderr (const char *output, gboolean json, guint empty,
                 const char *ignored)
{
  static const char *const statuses[]
      = { "decided",      "needs-facts", "ambiguous", "no-version",
          "unclassified", "ordinance",   "modified",  "no-class",
          "not-in-force", "error" };
  guint counts[G_N_ELEMENTS (statuses)] = { 0 };
  guint rows = 0;
  GString *err = g_string_new (NULL);
  GString *list = g_string_new (NULL);
  const char *line = output;

  if (!json && *line != '\0')
    line = strchr (line, '\n') + 1; /* the header */
  for (; *line != '\0'; line = strchr (line, '\n') + 1)
    {
      const char *status;
      gsize length;

      if (json)
        {
          status = strstr (line, "\"status\":\"") + strlen ("\"status\":\"");
          length = strcspn (status, "\"");
        }
      else
        {
          status = strchr (line, ',') + 1;
          length = strcspn (status, ",");
        }
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        if (strlen (statuses[s]) == length
            && strncmp (status, statuses[s], length) == 0)
          counts[s]++;
      rows++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    if (counts[s] > 0)
      g_string_append_printf (list, "%s%u %s", list->len > 0 ? ", " : "",
                              counts[s], statuses[s]);
  g_string_append_printf (err, "penal: %u %s: %s", rows,
                          rows == 1 ? "row" : "rows",
                          list->len > 0 ? list->str : "-");
  if (empty > 0)
    g_string_append_printf (err, "; %u empty %s skipped", empty,
                            empty == 1 ? "row" : "rows");
  g_string_append_c (err, '\n');
  if (ignored != NULL)
    g_string_append_printf (err, "penal: columns ignored: %s\n", ignored);
  if (counts[G_N_ELEMENTS (statuses) - 1] > 0)
    g_string_append_printf (err,
                            "penal: %u of %u %s could not be classified; see "
                            "the rows with status error\n",
                            counts[G_N_ELEMENTS (statuses) - 1], rows,
                            rows == 1 ? "row" : "rows");
  g_string_free (list, TRUE);
  return g_string_free (err, FALSE);
}

/* Runs `penal batch [OPTIONS] -` on LENGTH bytes of INPUT, in the C
 * locale. */
static void
run_batch (PenalTestRun *run, const char *const *options, const char *input,
           gsize length)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "batch");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)options[i]);
  g_ptr_array_add (args, (gpointer) "-");
  g_ptr_array_add (args, NULL);
  penal_test_run_input (run, NULL, "C", (const char *const *)args->pdata, input,
                        length);
}

/* text split at each newline, as g_strsplit (text, "\n", -1) splits it.
 * Outputs here run to millions of bytes, and under AddressSanitizer
 * g_strsplit's strstr measures what is left of the text at each line, so
 * the lines are found by hand. */
static GStrv
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *start = text;

  for (const char *p = text;; p++)
    if (*p == '\n' || *p == '\0')
      {
        g_ptr_array_add (lines, g_strndup (start, (gsize)(p - start)));
        if (*p == '\0')
          break;
        start = p + 1;
      }
  g_ptr_array_add (lines, NULL);
  return (GStrv)g_ptr_array_free (lines, FALSE);
}

/* Fails unless ACTUAL is EXPECTED exactly; compared line by line first,
 * so that a failure shows the first line that differs, not two whole
 * outputs. */
static void
assert_same_lines (const char *actual, const char *expected)
{
  g_auto (GStrv) got = split_lines (actual);
  g_auto (GStrv) wanted = split_lines (expected);
  guint n_got = g_strv_length (got), n_wanted = g_strv_length (wanted);

  for (guint i = 0; i < MIN (n_got, n_wanted); i++)
    g_assert_cmpstr (got[i], ==, wanted[i]);
  g_assert_cmpuint (n_got, ==, n_wanted);
}

/* Fails unless run's standard error is the summary of its own rows. */
static void
assert_summary (const PenalTestRun *run, gboolean json, guint empty,
                const char *ignored)
{
  g_autofree char *err = expected_stderr (run->out, json, empty, ignored);

  g_assert_cmpstr (run->err, ==, err);
}

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
  { "plain", NULL,
    "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,"
    "14,2024-01-01\n"
    "patronizing,16,2024-01-01\n",
    HEADER "2" ADULT_2024 "3" CHILD_2024 "4" TEEN_2024, 0, 0, NULL, NULL },
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
  assert_same_lines (run.out, c->expected);
  g_assert_cmpstr (run.err, ==, err);
  g_assert_cmpint (run.exit_code, ==, c->exit_code);
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

  run_batch (&run, options, input->str, input->len);
  assert_same_lines (run.out, expected->str);
  err = expected_stderr (expected->str, FALSE, 0, "note");
  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpstr (run.err, ==, err);
  g_assert_cmpint (run.exit_code, ==, 65);
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
  run_batch (&run, NULL, input->str, input->len);
  assert_same_lines (run.out, expected->str);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  err = expected_stderr (expected->str, FALSE, 0, NULL);
  g_assert_cmpstr (run.err, ==, err);
  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpint (run.exit_code, ==, 65);

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
      assert_same_lines (
          run.out, HEADER
          "2" ADULT_2024
          "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,the row is longer than 64 KiB,\n");
      g_assert_cmpstr (run.err, ==,
                       "penal: 2 rows: 1 decided, 1 error\n"
                       "penal: columns ignored: note\n"
                       "penal: 1 of 2 rows could not be classified; see the "
                       "rows with status error\n");
      g_assert_cmpint (run.exit_code, ==, 65);
    }
}

/* ------------------------------------------------------------------ */
/* Agreement with penal classify                                        */

static const char *const fact_columns[] = {
  "offense",  "victim_age",    "offense_date", "prior_prostitution_offenses",
  "knew_hiv", "defendant_age",
};

typedef struct
{
  char *values[G_N_ELEMENTS (fact_columns)]; /* NULL: not given */
} FactRow;

static void
fact_row_free (FactRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_columns); i++)
    g_free (row->values[i]);
  g_free (row);
}

/* Adds a case: OFFENSE, VICTIM_AGE, OFFENSE_DATE, PRIOR, KNEW_HIV,
 * DEFENDANT_AGE, each NULL when not given. */
static void
add_fact_row (GPtrArray *rows, const char *offense, const char *victim_age,
              const char *offense_date, const char *prior, const char *knew_hiv,
              const char *defendant_age)
{
  FactRow *row = g_new0 (FactRow, 1);
  const char *values[]
      = { offense, victim_age, offense_date, prior, knew_hiv, defendant_age };

  for (guint i = 0; i < G_N_ELEMENTS (fact_columns); i++)
    row->values[i] = g_strdup (values[i]);
  g_ptr_array_add (rows, row);
}

/* The member PATH ("fine.max_usd") of a classify answer, or NULL when it
 * or the object holding it is null. */
static JsonNode *
answer_member (JsonObject *answer, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", 2);
  JsonNode *node;

  g_assert_true (json_object_has_member (answer, parts[0]));
  node = json_object_get_member (answer, parts[0]);
  if (parts[1] != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      return answer_member (json_node_get_object (node), parts[1]);
    }
  return JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

/* Runs `penal classify --format=json` on the facts; a fact the offense
 * does not read (classify refuses it, naming it) is left out and named in
 * *ignored, as batch leaves it out with a note. */
static void
classify_as_batch (PenalTestRun *one, const FactRow *facts, GString *ignored)
{
  gboolean left_out[G_N_ELEMENTS (fact_columns)] = { FALSE };

  for (;;)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      gboolean retry = FALSE;

      g_ptr_array_add (args, g_strdup ("classify"));
      g_ptr_array_add (args, g_strdup ("--format=json"));
      for (guint c = 0; c < G_N_ELEMENTS (fact_columns); c++)
        if (facts->values[c] != NULL && !left_out[c])
          {
            /* Batch trims values and reads a choice in any case. */
            g_autofree char *value = g_strstrip (g_strdup (facts->values[c]));

            if (c == 0)
              {
                g_autofree char *lower = g_ascii_strdown (value, -1);

                if (g_str_equal (lower, "patronizing")
                    || g_str_equal (lower, "prostitution"))
                  g_free (value), value = g_steal_pointer (&lower);
              }
            g_ptr_array_add (args,
                             g_strdup_printf ("%s=%s", fact_columns[c], value));
          }
      g_ptr_array_add (args, NULL);
      penal_test_run (one, NULL, "C", (const char *const *)args->pdata);
      for (guint c = 0; one->exit_code == 64 && c < G_N_ELEMENTS (fact_columns);
           c++)
        {
          g_autofree char *refusal = g_strdup_printf (
              "penal: %s: does not apply to the offense", fact_columns[c]);

          if (g_str_has_prefix (one->err, refusal))
            {
              left_out[c] = retry = TRUE;
              g_string_append_printf (ignored, "%s;", fact_columns[c]);
            }
        }
      if (!retry)
        return;
      penal_test_run_clear (one);
    }
}

/* Runs the rows through `penal batch --format=jsonl`, with and without
 * --full, and each through `penal classify --format=json` with the same
 * facts: batch's row says what classify's answer says, its --full row is
 * classify's answer, and a value classify refuses makes an error row with
 * classify's message among its problems.  Two differences are batch's
 * own: a row with no offense date needs it, and a fact the offense does
 * not read is left out with a note. */
static void
assert_agrees_with_classify (GPtrArray *rows)
{
  /* batch's row member, and where classify says the same. */
  static const struct
  {
    const char *row;
    const char *answer;
  } members[] = {
    { "status", "status" },
    { "offense", "offense" },
    { "statute", "statute" },
    { "offense_date", "offense_date" },
    { "version", "version.id" },
    { "class", "class" },
    { "citation", "citation" },
    { "imprisonment_min", "imprisonment.min" },
    { "imprisonment_max", "imprisonment.max" },
    { "life", "imprisonment.life" },
    { "county_jail_max", "imprisonment.county_jail_alternative" },
    { "fine_max_usd", "fine.max_usd" },
    { "penalty_established", "penalty_established" },
    { "diversion_eligible", "diversion.eligible" },
  };
  g_autoptr (GString) input = g_string_new (NULL);
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) full = { 0 };
  const char *options[] = { "--format=jsonl", NULL };
  const char *full_options[] = { "--format=jsonl", "--full", NULL };
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) full_lines = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (fact_columns); c++)
    g_string_append_printf (input, "%s%s", c > 0 ? "," : "", fact_columns[c]);
  g_string_append_c (input, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      FactRow *row = g_ptr_array_index (rows, i);
      for (guint c = 0; c < G_N_ELEMENTS (fact_columns); c++)
        g_string_append_printf (input, "%s%s", c > 0 ? "," : "",
                                row->values[c] != NULL ? row->values[c] : "");
      g_string_append_c (input, '\n');
    }
  run_batch (&run, options, input->str, input->len);
  run_batch (&full, full_options, input->str, input->len);
  g_assert_true (run.exit_code == 0 || run.exit_code == 65);
  g_assert_cmpint (full.exit_code, ==, run.exit_code);
  lines = split_lines (run.out);
  full_lines = split_lines (full.out);
  g_assert_cmpuint (g_strv_length (lines), ==, rows->len + 1);
  g_assert_cmpuint (g_strv_length (full_lines), ==, rows->len + 1);
  g_assert_cmpstr (lines[rows->len], ==, "");

  for (guint i = 0; i < rows->len; i++)
    {
      FactRow *facts = g_ptr_array_index (rows, i);
      g_autoptr (JsonParser) row_parser = json_parser_new ();
      g_autoptr (JsonParser) full_parser = json_parser_new ();
      g_autoptr (GString) ignored = g_string_new (NULL);
      g_auto (PenalTestRun) one = { 0 };
      JsonObject *row = penal_test_parse_object (row_parser, lines[i]);
      JsonObject *full_row
          = penal_test_parse_object (full_parser, full_lines[i]);
      JsonArray *notes;

      g_assert_cmpint (json_object_get_int_member (row, "line"), ==, i + 2);
      g_assert_cmpint (json_object_get_int_member (full_row, "line"), ==,
                       i + 2);
      classify_as_batch (&one, facts, ignored);

      if (one.exit_code == 64)
        {
          /* classify refused a value: batch gives an error row with
           * classify's message among its problems. */
          g_autofree char *message
              = g_strndup (one.err, strcspn (one.err, "\n"));
          JsonArray *problems;
          gboolean found = FALSE;

          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==,
                           "error");
          g_assert_cmpstr (full_lines[i], ==, lines[i]);
          problems = json_object_get_array_member (row, "problems");
          for (guint p = 0; p < json_array_get_length (problems); p++)
            found |= g_str_equal (json_array_get_string_element (problems, p),
                                  message + strlen ("penal: "));
          if (!found)
            g_error ("line %u: classify says “%s”, batch %s", i + 2, message,
                     lines[i]);
          continue;
        }
      g_assert_cmpint (one.exit_code, ==, 0);
      /* Each fact left out is named in a note. */
      notes = json_object_get_array_member (row, "notes");
      {
        g_autoptr (GString) noted = g_string_new (NULL);

        for (guint n = 0; n < json_array_get_length (notes); n++)
          {
            const char *note = json_array_get_string_element (notes, n);

            if (strstr (note, " ignored: ") != NULL)
              g_string_append_printf (noted, "%.*s;", (int)strcspn (note, " "),
                                      note);
          }
        g_assert_cmpstr (noted->str, ==, ignored->str);
      }
      if (facts->values[2] == NULL)
        {
          /* No offense date: never today's. */
          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==,
                           "needs-facts");
          g_assert_cmpstr (json_object_get_string_member (row, "message"), ==,
                           "needs: offense_date");
          g_assert_true (json_object_get_null_member (row, "offense_date"));
          g_assert_cmpstr (json_object_get_string_member (full_row, "status"),
                           ==, "needs-facts");
          g_assert_true (json_object_has_member (full_row, "periods"));
          continue;
        }
      {
        g_autoptr (JsonParser) one_parser = json_parser_new ();
        JsonObject *answer = penal_test_parse_object (one_parser, one.out);
        g_autoptr (JsonNode) stripped = NULL;
        g_autofree char *full_text = NULL;
        g_autofree char *answer_text = NULL;

        for (guint m = 0; m < G_N_ELEMENTS (members); m++)
          {
            JsonNode *got = json_object_get_member (row, members[m].row);
            JsonNode *wanted = answer_member (answer, members[m].answer);
            g_autofree char *got_text = NULL;
            g_autofree char *wanted_text = NULL;

            g_assert_nonnull (got);
            got_text = json_to_string (got, FALSE);
            wanted_text = wanted != NULL ? json_to_string (wanted, FALSE)
                                         : g_strdup ("null");
            if (!g_str_equal (got_text, wanted_text))
              g_error ("line %u, %s: batch says %s, classify says %s (%s)",
                       i + 2, members[m].row, got_text, wanted_text, lines[i]);
          }
        /* The --full row is classify's answer, with the row's line and
         * notes. */
        json_object_remove_member (full_row, "line");
        json_object_remove_member (full_row, "notes");
        stripped = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (stripped, full_row);
        full_text = json_to_string (stripped, FALSE);
        answer_text = json_to_string (json_parser_get_root (one_parser), FALSE);
        g_assert_cmpstr (full_text, ==, answer_text);
      }
    }
}

/* Both offenses over victim ages, offense dates on either side of each
 * version and penalty change (2016-12-31 / 2017-01-01; 2019-08-28 falls
 * where the version in force is not established), and prior offenses
 * where diversion reads them. */
static void
test_classify_grid (void)
{
  static const char *const all_ages[] = { "0",  "11", "12", "13", "14", "15",
                                          "16", "17", "18", "19", "40", "120" };
  static const char *const some_ages[] = { "0", "14", "15", "17", "18", "120" };
  static const char *const dates[] = { "2010-06-01", "2016-12-31", "2017-01-01",
                                       "2019-08-28", "2025-01-01" };
  static const char *const priors[] = { NULL, "0", "1", "2" };
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)fact_row_free);
  guint n = 0;

  if (!penal_test_have_binary ())
    return;
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      /* Every age at the dates that change the classes; the ages at the
       * tiers' edges elsewhere. */
      gboolean all = d == 1 || d == 2 || d == 4;
      guint n_ages = all ? G_N_ELEMENTS (all_ages) : G_N_ELEMENTS (some_ages);

      for (guint a = 0; a < n_ages; a++, n++)
        add_fact_row (rows, "patronizing", all ? all_ages[a] : some_ages[a],
                      dates[d], priors[n % G_N_ELEMENTS (priors)], NULL, NULL);
      for (guint h = 0; h < 2; h++, n++)
        add_fact_row (rows, "prostitution", NULL, dates[d],
                      priors[n % G_N_ELEMENTS (priors)], h ? "yes" : "no",
                      d % 2 ? "16" : NULL);
    }
  /* Missing facts: needs-facts answers. */
  add_fact_row (rows, "patronizing", NULL, "2025-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "prostitution", NULL, "2010-06-01", NULL, NULL, "40");
  assert_agrees_with_classify (rows);
}

/* Spellings of values that batch's fast path might read differently from
 * classify: each is answered, or refused, exactly as classify does. */
static void
test_classify_spellings (void)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)fact_row_free);

  if (!penal_test_have_binary ())
    return;
  add_fact_row (rows, "patronizing", "030", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "+16", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "-0", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", " 30", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30.0", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "-1", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "99999999999999999999", "2024-01-01", NULL,
                NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", "00", NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", "1000", NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-02-29", "0", NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2023-02-29", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "0001-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-1-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "20240101", NULL, NULL, NULL);
  add_fact_row (rows, "Patronizing", "30", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "Y", NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "TRUE", NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "0", NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "on", NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", NULL, "yes", NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", NULL, NULL, "40");
  assert_agrees_with_classify (rows);
}

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
  assert_same_lines (with.out, HEADER "2" ADULT_2024 "3" CHILD_2024);
  g_assert_cmpstr (with.err, ==,
                   "penal: 2 rows: 2 decided\n"
                   "penal: columns ignored: colour, column 4, which has no "
                   "name\n");
  g_assert_cmpint (with.exit_code, ==, 0);
}

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

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  penal_test_assert_lacks (run.err, "CRITICAL");
  if (strstr (run.out, "\"line\":2") != NULL)
    {
      assert_same_lines (run.out, JSON_ROW
                         "1" ADULT_2024_JSON "\n" JSON_ROW "2" ERROR_JSON (
                             "not a JSON object") "\n" JSON_ROW
                                                  "3" CHILD_2024_JSON "\n");
      assert_summary (&run, TRUE, 0, NULL);
      g_assert_cmpint (run.exit_code, ==, 65);
    }
  else
    {
      assert_same_lines (run.out, JSON_ROW "1" ADULT_2024_JSON "\n" JSON_ROW
                                           "3" CHILD_2024_JSON "\n");
      assert_summary (&run, TRUE, 0, NULL);
      g_assert_cmpint (run.exit_code, ==, 0);
    }
}

/* A line is one JSON object: two cases run together on one line (a lost
 * line end) are an error row, not the first case with the second
 * dropped. */
static void
test_jsonl_two_values_on_a_line (void)
{
  const char *options[] = { "--input-format=jsonl", "--format=jsonl", NULL };
  const char *input = "{\"offense\":\"patronizing\",\"victim_age\":30,"
                      "\"offense_date\":\"2024-01-01\"}"
                      "{\"offense\":\"patronizing\",\"victim_age\":14,"
                      "\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":14,"
                      "\"offense_date\":\"2024-01-01\"} [1]\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":16,"
                      "\"offense_date\":\"2024-01-01\"}\n";
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], JSON_ROW
                                   "1,\"status\":\"error\",\"message\":\""));
  g_assert_true (g_str_has_prefix (lines[1], JSON_ROW
                                   "2,\"status\":\"error\",\"message\":\""));
  g_assert_cmpstr (lines[2], ==, JSON_ROW "3" TEEN_2024_JSON);
  assert_summary (&run, TRUE, 0, NULL);
  g_assert_cmpint (run.exit_code, ==, 65);
}

/* A NUL written as \u0000 inside a JSON string is refused as a NUL byte
 * is in CSV, never cut off there: "3\u00000" is not 3, and
 * "patronizing\u0000burglary" is not patronizing. */
static void
test_jsonl_escaped_nul (void)
{
  const char *options[] = { "--input-format=jsonl", "--format=jsonl", NULL };
  const char *input = "{\"offense\":\"patronizing\",\"victim_age\":"
                      "\"3\\u00000\",\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\\u0000burglary\",\"victim_"
                      "age\":30,\"offense_date\":\"2024-01-01\"}\n"
                      "{\"offense\":\"patronizing\",\"victim_age\":16,"
                      "\"offense_date\":\"2024-01-01\"}\n";
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], JSON_ROW
                                   "1,\"status\":\"error\",\"message\":"));
  penal_test_assert_contains (lines[0], "escaped NUL");
  g_assert_true (g_str_has_prefix (lines[1], JSON_ROW
                                   "2,\"status\":\"error\",\"message\":"));
  penal_test_assert_contains (lines[1], "escaped NUL");
  g_assert_cmpstr (lines[2], ==, JSON_ROW "3" TEEN_2024_JSON);
  g_assert_cmpint (run.exit_code, ==, 65);
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
/* Quotes left open, and records of commas                             */

/* A quote left open on line 3 of a 100,002-row caseload swallowed every
 * later row (two rows out, and "longer than 64 KiB"): now line 3 is one
 * error row naming the quote, and every later line has its own row. */
static void
test_unclosed_quote_every_later_row (void)
{
  const guint rows = 100000;
  g_autoptr (GString) input = g_string_new ("offense,victim_age,offense_date\n"
                                            "patronizing,16,2024-01-01\n"
                                            "patronizing,\"16,2024-01-01\n");
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; i < rows; i++)
    g_string_append (input, "patronizing,16,2024-01-01\n");
  run_batch (&run, NULL, input->str, input->len);
  lines = split_lines (run.out);
  /* The header, rows for lines 2 to 100,003, and the empty last piece. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 + rows + 1);
  g_assert_cmpstr (lines[1], ==, "2" TEEN_2024_LINE);
  g_assert_cmpstr (
      lines[2], ==,
      "3,error,,,,,,,,,,,,,,,,,,,,,,,,,,the quote opened on line 3 is not "
      "closed within 64 KiB,");
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u" TEEN_2024_LINE, i + 4);
      g_assert_cmpstr (lines[3 + i], ==, expected);
    }
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
  const guint rows = 200000;
  g_autoptr (GString) input = g_string_new ("offense,victim_age\n");
  g_auto (PenalTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;
  g_autofree char *err = NULL;

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; i < rows; i++)
    g_string_append (input, "x\",\"\n");
  run_batch (&run, NULL, input->str, input->len);
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + rows + 1);
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *start
          = g_strdup_printf ("%u,error,,,,,,,,,,,,,,,,,,,,,,,,,,", i + 2);
      g_assert_true (g_str_has_prefix (lines[1 + i], start));
    }
  err = g_strdup_printf ("penal: %u rows: %u error\n"
                         "penal: %u of %u rows could not be classified; see "
                         "the rows with status error\n",
                         rows, rows, rows, rows);
  g_assert_cmpstr (run.err, ==, err);
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
  run_batch (&run, options, input->str, input->len);
  assert_same_lines (run.out, expected->str);
  err = expected_stderr (expected->str, FALSE, 0, NULL);
  g_assert_cmpstr (run.err, ==, err);
  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpint (run.exit_code, ==, 65);
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
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, c->err);
  g_assert_cmpint (run.exit_code, ==, c->exit_code);
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
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpint (run.exit_code, ==, 74);
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
  const char *csv = csv_cases[0].input;
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
    assert_same_lines (from_file.out, csv_cases[0].expected);
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
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "penal: /nonexistent/caseload.csv: cannot open: No such "
                   "file or directory\n");
  g_assert_cmpint (run.exit_code, ==, 66);
}

static void
test_two_files (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *args[] = { "batch", "-", "-", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "penal: batch reads one file (or - for standard input)\n");
  g_assert_cmpint (run.exit_code, ==, 64);
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
  const char *input = csv_cases[0].input;

  if (!penal_test_have_binary ())
    return;
  run_batch (&run, options, input, strlen (input));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, c->err);
  g_assert_cmpint (run.exit_code, ==, 64);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/batch/csv/%s", csv_cases[i].name);
      g_test_add_data_func (path, &csv_cases[i], test_csv_case);
    }
  g_test_add_data_func ("/batch/csv/block-boundary/crlf",
                        GINT_TO_POINTER (SPLIT_CRLF), test_block_boundaries);
  g_test_add_data_func ("/batch/csv/block-boundary/escaped-quote",
                        GINT_TO_POINTER (SPLIT_ESCAPED_QUOTE),
                        test_block_boundaries);
  g_test_add_data_func ("/batch/csv/block-boundary/quoted-crlf",
                        GINT_TO_POINTER (SPLIT_QUOTED_CRLF),
                        test_block_boundaries);
  g_test_add_func ("/batch/rows/bad-between-good", test_bad_rows_between_good);
  g_test_add_func ("/batch/rows/overlong-last-record",
                   test_overlong_last_record);
  g_test_add_func ("/batch/classify/grid", test_classify_grid);
  g_test_add_func ("/batch/classify/spellings", test_classify_spellings);
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/batch/header/%s", header_cases[i].name);
      g_test_add_data_func (path, &header_cases[i], test_header_case);
    }
  g_test_add_func ("/batch/header/ignore-unknown", test_header_ignore_unknown);
  g_test_add_data_func ("/batch/jsonl/rows", GINT_TO_POINTER (FALSE),
                        test_jsonl);
  g_test_add_data_func ("/batch/jsonl/rows-ignore-unknown",
                        GINT_TO_POINTER (TRUE), test_jsonl);
  g_test_add_func ("/batch/jsonl/same-as-csv", test_jsonl_same_as_csv);
  g_test_add_func ("/batch/jsonl/whitespace-line", test_jsonl_whitespace_line);
  g_test_add_func ("/batch/jsonl/two-values-on-a-line",
                   test_jsonl_two_values_on_a_line);
  g_test_add_func ("/batch/jsonl/escaped-nul", test_jsonl_escaped_nul);
  g_test_add_func ("/batch/jsonl/overlong-line", test_jsonl_overlong_line);
  g_test_add_func ("/batch/csv/unclosed-quote/every-later-row",
                   test_unclosed_quote_every_later_row);
  g_test_add_func ("/batch/csv/unclosed-quote/on-every-line",
                   test_unclosed_quote_on_every_line);
  g_test_add_func ("/batch/csv/rows-of-commas", test_rows_of_commas);
  g_test_add_func ("/batch/jsonl/values-as-written",
                   test_jsonl_values_as_written);
  g_test_add_func ("/batch/jsonl/duplicate-member",
                   test_jsonl_duplicate_member);
  for (guint i = 0; i < G_N_ELEMENTS (refused_inputs); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/batch/input/refused/%s", refused_inputs[i].name);
      g_test_add_data_func (path, &refused_inputs[i], test_input_refused);
    }
  g_test_add_func ("/batch/input/refused/directory", test_input_directory);
  g_test_add_func ("/batch/input/file-and-stdin", test_file_and_stdin);
  g_test_add_func ("/batch/input/file-header-error", test_file_header_error);
  g_test_add_func ("/batch/input/missing-file", test_file_missing);
  g_test_add_func ("/batch/input/two-files", test_two_files);
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/batch/format-refused/%s",
                                               format_cases[i].option + 2);
      g_test_add_data_func (path, &format_cases[i], test_format_refused);
    }
  return g_test_run ();
}
