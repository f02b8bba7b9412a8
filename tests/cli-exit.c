/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-exit.c: the real penal binary's exit codes, each with its message
 * and nothing on standard output: bad command lines (64), broken or
 * missing statutes (65, 66), a failed write of the answer (74); input it
 * echoes, escaped; and its help and --version. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

typedef struct
{
  const char *name;
  const char *args[8];
  int exit_code;
  const char *message; /* part of the one-line error */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "unknown-fact",
    { "classify", "offense=patronizing", "victim_agee=3", NULL },
    64,
    "penal: unknown fact “victim_agee”" },
  { "malformed-number",
    { "classify", "offense=patronizing", "victim_age=abc", NULL },
    64,
    "penal: victim_age: “abc” is not valid; give a whole number from 0 to "
    "120" },
  { "negative-age",
    { "classify", "offense=patronizing", "victim_age=-3", NULL },
    64,
    "penal: victim_age: “-3” is out of range; give a whole number from 0 to "
    "120" },
  { "huge-number",
    { "classify", "offense=patronizing", "victim_age=99999999999999999999999",
      NULL },
    64,
    "penal: victim_age: “99999999999999999999999” is out of range" },
  { "impossible-date",
    { "classify", "offense=patronizing", "offense_date=2016-02-30", NULL },
    64,
    "penal: offense_date: “2016-02-30” is not valid; give a calendar date "
    "written YYYY-MM-DD" },
  { "bad-boolean",
    { "classify", "offense=prostitution", "knew_hiv=maybe", NULL },
    64,
    "penal: knew_hiv: “maybe” is not valid; give yes or no" },
  { "unknown-offense",
    { "classify", "offense=murder", NULL },
    64,
    "penal: offense: “murder” is not valid; give one of prostitution, "
    "patronizing" },
  { "not-applicable",
    { "classify", "offense=patronizing", "knew_hiv=yes", NULL },
    64,
    "penal: knew_hiv: does not apply to the offense patronizing" },
  { "given-twice",
    { "classify", "offense=patronizing", "victim_age=3", "victim_age=4", NULL },
    64,
    "penal: victim_age: given more than once" },
  { "not-an-assignment",
    { "classify", "offense=patronizing", "sixteen", NULL },
    64,
    "penal: “sixteen” is not a fact; write NAME=VALUE" },
  { "unknown-format",
    { "--format=xml", "classify", "offense=patronizing", NULL },
    64,
    "penal: --format: unknown format “xml”; use text or json" },
  { "unknown-command",
    { "judge", NULL },
    64,
    "penal: unknown command “judge”" },
  { "unknown-option",
    { "classify", "--frobnicate", NULL },
    64,
    "penal: classify: unknown option --frobnicate (try penal help classify)" },
  /* An option of another command is refused, never silently ignored. */
  { "foreign-option",
    { "classify", "offense=patronizing", "--vary", "victim_age", NULL },
    64,
    "penal: classify: unknown option --vary (try penal help classify)" },
  { "date-option",
    { "classify", "--date=2016-06-01", "offense=patronizing", NULL },
    64,
    "penal: classify: unknown option --date; give the offense date as "
    "offense_date=YYYY-MM-DD "
    "(try penal help classify)" },
  { "help-unknown-command",
    { "help", "judge", NULL },
    64,
    "penal: unknown command “judge” (try penal help)" },
  { "no-command", { NULL }, 64, "Usage:" },
  { "missing-statutes",
    { "classify", "--statutes", "/nonexistent/penal-statutes",
      "offense=patronizing", NULL },
    66,
    "penal: /nonexistent/penal-statutes: no such statute file or directory" },
  { "overlong-value",
    { "classify", "offense=patronizing",
      "victim_age="
      "111111111111111111111111111111111111111111111111111111111111111111111111"
      "1111",
      NULL },
    64,
    "penal: victim_age: “1111111111111111111111111111111111111111…” is not "
    "valid" },
  { "invalid-utf8-value",
    { "classify", "offense=pat\xff\xferonizing", NULL },
    64,
    "penal: offense: “pat" },
  { "invalid-utf8-name",
    { "classify", "offense=patronizing", "vict\xffim_age=3", NULL },
    64,
    "penal: unknown fact “vict" },
  { "control-characters",
    { "classify", "offense=patronizing", "victim_age=1\x1b[2J", NULL },
    64,
    "penal: victim_age: “1\\u001B[2J” is not valid" },
  { "screen-bad-prefill",
    { "screen", "victim_age=old", NULL },
    64,
    "penal: victim_age: “old” is not valid" },
  /* Echoed input never prints a character that acts on a terminal: a
   * bidi override (U+202E), a C1 control (U+009B, the CSI), a byte order
   * mark; each is shown escaped. */
  { "echo-unknown-command",
    { "\u202Enosuch", NULL },
    64,
    "penal: unknown command “\\u202Enosuch” (try penal help)\n" },
  { "echo-unknown-option",
    { "classify", "--fo\u202Eo", NULL },
    64,
    "penal: classify: unknown option --fo\\u202Eo (try penal help classify)" },
  { "echo-fact-value",
    { "classify", "offense=patronizing", "victim_age=\uFEFF3\u202E", NULL },
    64,
    "penal: victim_age: “\\uFEFF3\\u202E” is not valid" },
  { "echo-statutes-path",
    { "classify", "--statutes", "/nonexistent/\u202Ex.xml",
      "offense=patronizing", NULL },
    66,
    "penal: /nonexistent/\\u202Ex.xml: no such statute file or directory" },
  { "echo-batch-file",
    { "batch", "/nonexistent/\u202Ex.csv", NULL },
    66,
    "penal: /nonexistent/\\u202Ex.csv: cannot open: No such file" },
  { "verify-facts",
    { "verify", "offense=patronizing", NULL },
    64,
    "penal: verify takes statute files, not facts: “offense=patronizing”" },
  { "verify-missing-file",
    { "verify", "/nonexistent/penal.xml", NULL },
    66,
    "penal: /nonexistent/penal.xml: no such statute file or directory" },
};

static void
test_error_exit (gconstpointer data)
{
  const ErrorCase *c = data;
  g_auto (PenalTestRun) run = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", c->args);
  g_assert_cmpint (run.exit_code, ==, c->exit_code);
  g_assert_cmpstr (run.out, ==, "");
  penal_test_assert_contains (run.err, c->message);
}

/* An unknown --format echoes the value escaped: here U+009B, the C1
 * control that starts a terminal's escape sequence.  GOption reads a value
 * in the locale's character set, so the locale is UTF-8. */
static void
test_echo_unknown_format (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[] = { "classify",
                               "--format=\xc2\x9b"
                               "31m",
                               "offense=patronizing", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C.UTF-8", args);
  g_assert_cmpint (run.exit_code, ==, 64);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "penal: --format: unknown format “\\u009B31m”; use text "
                   "or json\n");
}

/* Text from a statute file reaches every view escaped where it would act
 * on a terminal (tests/data/valid-bidi.xml: a bidi override, a C1 control
 * and a byte order mark in a rule's explanation and a title). */
static void
test_statute_text_escaped (void)
{
  g_autofree char *fixture
      = g_test_build_filename (G_TEST_DIST, "data", "valid-bidi.xml", NULL);
  const char *const formats[] = { "--format=text", "--format=json" };

  if (!penal_test_have_binary ())
    return;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto (PenalTestRun) run = { 0 };
      const char *const args[] = { "classify",
                                   "--statutes",
                                   fixture,
                                   formats[f],
                                   "offense=test-offense",
                                   "person_age=30",
                                   "offense_date=2024-01-01",
                                   NULL };

      penal_test_run (&run, NULL, "C.UTF-8", args);
      g_assert_cmpint (run.exit_code, ==, 0);
      penal_test_assert_lacks (run.out, "\u202E");
      penal_test_assert_lacks (run.out, "\xc2\x9b");
      penal_test_assert_lacks (run.out, "\uFEFF");
      /* JSON escapes the backslash once more. */
      penal_test_assert_contains (run.out, f == 0
                                               ? "eighteen\\u202E or older"
                                               : "eighteen\\\\u202E or older");
      penal_test_assert_contains (run.out, "u009B31m");
    }
}

/* A broken statute file: 65, located FILE:LINE, nothing on stdout. */
static void
test_broken_statutes (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-cli-XXXXXX", &error);
  g_autofree char *file = NULL;
  g_autofree char *expected = NULL;
  const char *args[]
      = { "classify", "--statutes", NULL, "offense=patronizing", NULL };

  g_assert_no_error (error);
  if (!penal_test_have_binary ())
    return;
  file = g_build_filename (dir, "broken.xml", NULL);
  g_file_set_contents (
      file, "<?xml version=\"1.0\"?>\n<statutes format=\"1\">\n<fact\n", -1,
      &error);
  g_assert_no_error (error);
  args[2] = dir;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("penal: %s:", file);
  g_assert_true (g_str_has_prefix (run.err, expected));
  penal_test_assert_contains (run.err, "not well-formed XML");
  g_remove (file);
  g_rmdir (dir);
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  const char *const args[] = { "--help", NULL };

  if (!penal_test_have_binary ())
    return;
  out = penal_test_run_text (NULL, "C", args);
  penal_test_assert_contains_each (
      out, "  classify    the class, term, fine, diversion and citations",
      "  what-if     how the outcome moves", "--statutes",
      "penal classify offense=patronizing victim_age=14 "
      "offense_date=2016-06-01",
      NULL);
  penal_test_assert_lacks (out, "--vary");
}

/* penal help, penal --help and penal help with no command are the same
 * general help; penal alone prints it on standard error, as a usage
 * error. */
static void
test_help_general (void)
{
  g_auto (PenalTestRun) help = { 0 };
  g_auto (PenalTestRun) option = { 0 };
  g_auto (PenalTestRun) alone = { 0 };
  const char *const help_args[] = { "help", NULL };
  const char *const option_args[] = { "--help", NULL };
  const char *const alone_args[] = { NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&help, NULL, "C", help_args);
  penal_test_run (&option, NULL, "C", option_args);
  penal_test_run (&alone, NULL, "C", alone_args);
  g_assert_cmpint (help.exit_code, ==, 0);
  g_assert_cmpstr (help.out, ==, option.out);
  g_assert_cmpint (alone.exit_code, ==, 64);
  g_assert_cmpstr (alone.out, ==, "");
  g_assert_cmpstr (alone.err, ==, help.out);
}

/* penal help classify and penal classify --help print classify's own help:
 * its options, formats, examples and the facts of the statutes loaded. */
static void
test_help_command (void)
{
  g_auto (PenalTestRun) help = { 0 };
  g_auto (PenalTestRun) option = { 0 };
  const char *const help_args[] = { "help", "classify", NULL };
  const char *const option_args[] = { "classify", "--help", NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&help, NULL, "C", help_args);
  penal_test_run (&option, NULL, "C", option_args);
  g_assert_cmpint (help.exit_code, ==, 0);
  g_assert_cmpstr (help.out, ==, option.out);
  penal_test_assert_contains_each (
      help.out, "penal classify [OPTION…] FACT=VALUE…", "--format=FORMAT",
      "Formats (--format): text (default), json.",
      "  victim_age=0-120\n      age in years of the individual patronized\n",
      "  offense=prostitution|patronizing\n",
      "penal classify --format=json offense=prostitution knew_hiv=yes", NULL);
  penal_test_assert_lacks (help.out, "--vary");
  penal_test_assert_lacks (help.out, "--input-format");
}

/* The facts in help come from the statutes loaded, not from the program;
 * when they do not load, the help is given without them and says why. */
static void
test_help_facts_from_statutes (void)
{
  static const char *const files[]
      = { "facts.xml", "mo-penalties.xml", "mo-567-020.xml" };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) missing = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-cli-XXXXXX", &error);
  const char *args[] = { "help", "what-if", "--statutes", dir, NULL };
  const char *missing_args[] = { "screen", "--help", "--statutes",
                                 "/nonexistent/penal-statutes", NULL };

  g_assert_no_error (error);
  if (!penal_test_have_binary ())
    return;
  /* The facts, the penalty tables and RSMo 567.020 only: one offense. */
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from
          = g_build_filename (g_getenv ("PENAL_STATUTES"), files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *text = NULL;

      g_file_get_contents (from, &text, NULL, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, text, -1, &error);
      g_assert_no_error (error);
    }
  penal_test_run (&run, NULL, "C", args);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_remove (to);
    }
  g_rmdir (dir);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains (run.out, "  offense=prostitution\n");

  penal_test_run (&missing, NULL, "C", missing_args);
  g_assert_cmpint (missing.exit_code, ==, 0);
  penal_test_assert_contains (
      missing.out, "The facts cannot be listed: /nonexistent/penal-statutes:");
  penal_test_assert_contains (missing.out,
                              "penal screen [OPTION…] [FACT=VALUE…]");
}

/* The global options work before and after the command name. */
static void
test_global_options_anywhere (void)
{
  g_auto (PenalTestRun) before = { 0 };
  g_auto (PenalTestRun) after = { 0 };
  const char *const before_args[] = { "--statutes",
                                      g_getenv ("PENAL_STATUTES"),
                                      "classify",
                                      "offense=patronizing",
                                      "victim_age=30",
                                      "offense_date=2024-01-01",
                                      NULL };
  const char *const after_args[] = { "classify",
                                     "offense=patronizing",
                                     "victim_age=30",
                                     "offense_date=2024-01-01",
                                     "--statutes",
                                     g_getenv ("PENAL_STATUTES"),
                                     NULL };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&before, NULL, "C", before_args);
  penal_test_run (&after, NULL, "C", after_args);
  g_assert_cmpint (before.exit_code, ==, 0);
  g_assert_cmpstr (before.out, ==, after.out);
  penal_test_assert_contains (before.out, "class B misdemeanor");
}

/* Every command writes through a checked writer: with standard output on
 * a full device, closed, or a pipe nobody reads (SIGPIPE ignored), penal
 * exits 74 with one line saying why, never a crash or a silent 0.  Batch
 * writes more than its 64 KiB output buffer, so a failure in the middle of
 * the rows is seen as well as one at the end.  "@CSV" and "@JSONL" stand
 * for the caseload files made in main(). */
typedef struct
{
  const char *name;
  const char *args[8];
} FullCase;

static const FullCase full_cases[] = {
  { "classify",
    { "classify", "offense=patronizing", "victim_age=30",
      "offense_date=2024-01-01", NULL } },
  { "screen",
    { "screen", "offense=patronizing", "offense_date=2024-01-01",
      "victim_age=30", "prior_prostitution_offenses=0", NULL } },
  { "batch-csv", { "batch", "@CSV", NULL } },
  { "batch-csv-to-jsonl", { "batch", "--format=jsonl", "@CSV", NULL } },
  { "batch-jsonl", { "batch", "--input-format=jsonl", "@JSONL", NULL } },
  { "batch-jsonl-to-jsonl",
    { "batch", "--input-format=jsonl", "--format=jsonl", "@JSONL", NULL } },
  { "audit-csv", { "audit", "@CSV", NULL } },
  { "audit-jsonl",
    { "audit", "--input-format=jsonl", "--format=jsonl", "@JSONL", NULL } },
  { "verify", { "verify", NULL } },
  { "list", { "list", NULL } },
  { "show", { "show", "567.030", "--date=2016-06-01", NULL } },
  { "tree", { "tree", "patronizing", "--date=2024-01-01", NULL } },
  { "diff",
    { "diff", "patronizing", "--from=2016-06-01", "--to=2024-01-01", NULL } },
  { "what-if",
    { "what-if", "offense=patronizing", "offense_date=2024-01-01", "--vary",
      "victim_age", NULL } },
  { "export",
    { "export", "--format=dmn", "--date=2024-01-01", "patronizing", NULL } },
  { "help", { "--help", NULL } },
  { "help-command", { "help", "classify", NULL } },
  { "command-help", { "tree", "--help", NULL } },
  { "version", { "--version", NULL } },
};

typedef struct
{
  PenalTestStdout how;
  const char *name;
  const char *reason; /* strerror in the C locale */
} FullWay;

static const FullWay full_ways[] = {
  { PENAL_TEST_STDOUT_FULL, "full", "No space left on device" },
  { PENAL_TEST_STDOUT_CLOSED, "closed", "Bad file descriptor" },
  { PENAL_TEST_STDOUT_BROKEN_PIPE, "broken-pipe", "Broken pipe" },
};

typedef struct
{
  const FullCase *command;
  const FullWay *way;
} FullTest;

static char *caseload_csv;
static char *caseload_jsonl;

static void
test_full_stdout (gconstpointer data)
{
  const FullTest *t = data;
  g_auto (PenalTestRun) run = { 0 };
  const char *args[G_N_ELEMENTS (t->command->args)] = { NULL };
  g_autofree char *expected = NULL;

  if (!penal_test_have_binary ()
      || (t->way->how == PENAL_TEST_STDOUT_FULL
          && !g_file_test ("/dev/full", G_FILE_TEST_EXISTS)))
    return;
  /* Under tools/memcheck.sh penal runs inside valgrind, which opens its
   * log first: the log would take the closed descriptor. */
  if (t->way->how == PENAL_TEST_STDOUT_CLOSED
      && g_getenv ("PENAL_MEMCHECK") != NULL)
    {
      g_test_skip ("valgrind's log takes a closed standard output");
      return;
    }
  for (guint i = 0; t->command->args[i] != NULL; i++)
    args[i] = g_str_equal (t->command->args[i], "@CSV") ? caseload_csv
              : g_str_equal (t->command->args[i], "@JSONL")
                  ? caseload_jsonl
                  : t->command->args[i];
  penal_test_run_to (&run, args, t->way->how);
  g_assert_cmpint (run.exit_code, ==, 74);
  expected = g_strdup_printf (
      "penal: cannot write the %s to standard output: %s\n",
      g_str_equal (t->command->args[0], "batch")   ? "answers"
      : g_str_equal (t->command->args[0], "audit") ? "findings"
                                                   : "answer",
      t->way->reason);
  g_assert_cmpstr (run.err, ==, expected);
}

/* A caseload whose answers are well over 64 KiB, in both input formats. */
static void
make_caseloads (void)
{
  g_autoptr (GString) csv = g_string_new ("offense,victim_age,offense_date\n");
  g_autoptr (GString) jsonl = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_string_append_printf (csv, "patronizing,%u,2024-01-01\n", i % 121);
      g_string_append_printf (jsonl,
                              "{\"offense\":\"patronizing\",\"victim_age\":%u,"
                              "\"offense_date\":\"2024-01-01\"}\n",
                              i % 121);
    }
  caseload_csv = penal_test_write_temporary (csv->str, csv->len);
  caseload_jsonl = penal_test_write_temporary (jsonl->str, jsonl->len);
}

/* --version in the GNU form (GNU coding standards, "--version"): the name
 * and version, the copyright, the licence (COPYING) and no warranty. */
static void
test_version (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[] = { "--version", NULL };
  g_autofree char *expected = g_strdup_printf (
      "penal %s\n"
      "Copyright (C) 2026 the penal authors\n"
      "License GPLv3+: GNU GPL version 3 or later "
      "<https://gnu.org/licenses/gpl.html>.\n"
      "This is free software: you are free to change and redistribute it.\n"
      "There is NO WARRANTY, to the extent permitted by law.\n",
      PACKAGE_VERSION);

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

static const PenalTestFunc tests[] = {
  { "/cli/exit/broken-statutes", test_broken_statutes },
  { "/cli/exit/echo-unknown-format", test_echo_unknown_format },
  { "/cli/statute-text-escaped", test_statute_text_escaped },
  { "/cli/help", test_help },
  { "/cli/help/general", test_help_general },
  { "/cli/help/command", test_help_command },
  { "/cli/help/facts-from-statutes", test_help_facts_from_statutes },
  { "/cli/global-options-anywhere", test_global_options_anywhere },
  { "/cli/version", test_version },
};

/* Each command on each way standard output fails. */
static FullTest full_tests[G_N_ELEMENTS (full_ways)][G_N_ELEMENTS (full_cases)];

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  PENAL_TEST_ADD_FUNCS (tests);
  PENAL_TEST_ADD_CASES ("/cli/exit", error_cases, test_error_exit);
  make_caseloads ();
  for (guint w = 0; w < G_N_ELEMENTS (full_ways); w++)
    for (guint i = 0; i < G_N_ELEMENTS (full_cases); i++)
      {
        FullTest *t = &full_tests[w][i];

        t->command = &full_cases[i];
        t->way = &full_ways[w];
        penal_test_add_case (t, test_full_stdout,
                             "/cli/exit/stdout-fails/%s/%s", t->way->name,
                             t->command->name);
      }
  status = g_test_run ();
  g_unlink (caseload_csv);
  g_unlink (caseload_jsonl);
  g_free (caseload_csv);
  g_free (caseload_jsonl);
  return status;
}
