/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen.c: tests the screening interview on the real binary: which
 * questions it asks and in what order, how it takes bad answers and "I
 * don't know", facts given up front, Spanish, and one run in a real
 * pseudo-terminal typed as a person would. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

/* The questions, as statutes/facts.xml and src/penal-screen.c word them. */
#define Q_OFFENSE "What is the person charged with?"
#define Q_DATE "On what date did the offense happen?"
#define Q_VICTIM_AGE                                                           \
  "How old was the person who was paid, or offered payment, for sex?"
#define Q_KNEW_HIV                                                             \
  "Before the act, did the person charged know that he or she had HIV?"
#define Q_PRIORS                                                               \
  "How many times before has the person been found guilty of a "               \
  "prostitution-related offense"
#define Q_DEFENDANT_AGE                                                        \
  "How old was the person charged on the day of the offense?"

/* penal screen with no facts given. */
static const char *const screen_args[] = { "screen", NULL };

/* Screens with INPUT into run; every interview here ends well (exit 0). */
static void
screen (PenalTestRun *run, const char *language, const char *const *args,
        const char *input)
{
  penal_test_run_input (run, language, NULL, args, input, strlen (input));
  g_assert_cmpint (run->exit_code, ==, 0);
}

/* Asserts that the interview asked exactly these questions, each once, in
 * this order (NULL-terminated), and no others. */
static void
assert_questions (const char *err, const char *const *questions)
{
  const char *at = err;
  guint n = 0;

  for (; questions[n] != NULL; n++)
    {
      const char *found = strstr (at, questions[n]);
      if (found == NULL)
        g_error (
            "question %u, “%s”, was not asked after the previous ones in:\n%s",
            n + 1, questions[n], err);
      g_assert_cmpuint (penal_test_count (err, questions[n]), ==, 1);
      at = found + strlen (questions[n]);
    }
  /* Every question ends in one "> " prompt. */
  g_assert_cmpuint (penal_test_count (err, "\n> "), ==, n);
}

/* Screens with ANSWERS into run, which must end well having asked
 * exactly QUESTIONS, in order. */
static void
screen_asking (PenalTestRun *run, const char *const *args, const char *answers,
               const char *const *questions)
{
  screen (run, NULL, args, answers);
  assert_questions (run->err, questions);
}

static void
test_patronizing_adult (void)
{
  const char *questions[] = { Q_OFFENSE, Q_DATE, Q_VICTIM_AGE, Q_PRIORS, NULL };
  g_auto (PenalTestRun) run = { 0 };

  screen_asking (&run, screen_args, "2\n2019-01-15\n30\n0\n", questions);
  penal_test_assert_lacks (run.err, Q_KNEW_HIV);
  penal_test_assert_lacks (run.err, Q_DEFENDANT_AGE);
  /* RSMo 567.030.3 (in force by 2024): an adult patronized is a class B
   * misdemeanor; seed 004 and KCTV5 2019: first-time offender, no minor,
   * so Johnz School is open. */
  penal_test_assert_contains (
      run.out,
      "Patronizing prostitution: class B misdemeanor [RSMo 567.030.3].");
  penal_test_assert_contains (run.out, "  Diversion: open.\n");
  /* Questions never reach standard output. */
  penal_test_assert_lacks (run.out, Q_OFFENSE);
  penal_test_assert_lacks (run.out, "> ");
}

static void
test_patronizing_minor (void)
{
  const char *questions[] = { Q_OFFENSE, Q_DATE, Q_VICTIM_AGE, Q_PRIORS, NULL };
  g_auto (PenalTestRun) run = { 0 };

  screen_asking (&run, screen_args, "2\n2019-01-15\n15\n0\n", questions);
  /* RSMo 567.030.3 (2024 text): 15 to 17 is a class E felony; no diversion
   * when a minor was involved (seed 004); the hotline from seed 001. */
  penal_test_assert_contains_each (
      run.out, "class E felony [RSMo 567.030.3]", "  Diversion: not open.\n",
      "National Human Trafficking Hotline, 1-888-373-7888", NULL);
}

static void
test_prostitution (void)
{
  const char *questions[]
      = { Q_OFFENSE, Q_DATE, Q_KNEW_HIV, Q_PRIORS, Q_DEFENDANT_AGE, NULL };
  g_auto (PenalTestRun) run = { 0 };

  screen_asking (&run, screen_args, "1\n2019-01-15\nno\n0\n30\n", questions);
  /* A prostitution case never asks the age of a person patronized. */
  penal_test_assert_lacks (run.err, Q_VICTIM_AGE);
  /* RSMo 567.020.2: class B misdemeanor without knowledge of HIV; 567.020.4:
   * the court's treatment route, which is not diversion. */
  penal_test_assert_contains_each (
      run.out, "Prostitution: class B misdemeanor [RSMo 567.020.2].",
      "  Diversion: not open.\n", "[RSMo 567.020.4]", NULL);
}

static void
test_stops_when_decided (void)
{
  const char *questions[]
      = { Q_OFFENSE, Q_DATE, Q_KNEW_HIV, Q_PRIORS, Q_DEFENDANT_AGE, NULL };
  g_auto (PenalTestRun) run = { 0 };

  /* Extra lines after the last question are never read as answers. */
  screen_asking (&run, screen_args, "1\n2019-01-15\nyes\n0\n40\n12\nyes\n",
                 questions);
  /* RSMo 567.020.2: with knowledge of HIV, a class B felony. */
  penal_test_assert_contains (run.out,
                              "Prostitution: class B felony [RSMo 567.020.2].");
}

static void
test_prefilled (void)
{
  const char *args[]
      = { "screen", "offense=patronizing", "offense_date=2019-01-15", NULL };
  const char *questions[] = { Q_VICTIM_AGE, Q_PRIORS, NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) full = { 0 };
  const char *full_args[] = { "screen", NULL };

  screen_asking (&run, args, "30\n0\n", questions);
  penal_test_assert_lacks (run.err, Q_OFFENSE);
  penal_test_assert_lacks (run.err, Q_DATE);

  /* The same case answered in full gives the same result. */
  screen (&full, NULL, full_args, "2\n2019-01-15\n30\n0\n");
  g_assert_cmpstr (run.out, ==, full.out);
}

static void
test_prefilled_all (void)
{
  const char *args[] = {
    "screen",        "offense=patronizing",           "offense_date=2019-01-15",
    "victim_age=30", "prior_prostitution_offenses=2", NULL
  };
  g_auto (PenalTestRun) run = { 0 };

  screen (&run, NULL, args, "");
  g_assert_cmpuint (penal_test_count (run.err, "> "), ==, 0);
  /* RSMo 567.110: two prior findings of guilt make a persistent offender;
   * not a first-time offender, so no diversion. */
  penal_test_assert_contains (run.out, "  Diversion: not open.\n");
}

static void
test_bad_answer_asked_again (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) clean = { 0 };

  screen (&run, NULL, screen_args,
          "7\n2\n2024-13-01\n2019-01-15\nthirty\n-3\n30\n0\n");
  penal_test_assert_contains_each (
      run.err,
      "That answer was not understood: “7” is not one "
      "of the choices; give a number from 1 to 2.",
      /* Plain words, and no fact names such as victim_age. */
      "That answer was not understood: “2024-13-01” is not a date; "
      "write it as YYYY-MM-DD",
      "That answer was not understood: “thirty” is not a number",
      "That answer was not understood: “-3” "
      "is too large or too small",
      NULL);
  penal_test_assert_lacks (run.err, "victim_age");
  penal_test_assert_lacks (run.err, "offense_date");
  /* Each question is put once; after a bad answer only the allowed answers
   * are repeated, and nothing answered before is lost. */
  g_assert_cmpuint (penal_test_count (run.err, Q_VICTIM_AGE), ==, 1);
  g_assert_cmpuint (
      penal_test_count (run.err, "Answer with a whole number from 0 to 120"),
      ==, 3);
  screen (&clean, NULL, screen_args, "2\n2019-01-15\n30\n0\n");
  g_assert_cmpstr (run.out, ==, clean.out);
}

static void
test_hostile_answers (void)
{
  const char *args[]
      = { "screen", "offense=patronizing", "offense_date=2019-01-15", NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GString) input = g_string_new (NULL);

  g_string_append_len (input, "3\0000\n", 4); /* an embedded NUL */
  g_string_append (input, "\xff\xfe\n");      /* not UTF-8 */
  for (guint i = 0; i < 10000; i++)           /* overlong */
    g_string_append_c (input, '9');
  g_string_append (input, "\n99999999999999999999999\n"); /* beyond 64 bits */
  g_string_append (input, "\u202E3\xc2\x9b\n"); /* a bidi override, a C1 */
  g_string_append (input, "30\n0\n");

  penal_test_run_input (&run, NULL, NULL, args, input->str, input->len);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains_each (run.err, "the answer contains a NUL byte",
                                   "the answer is not valid UTF-8 text",
                                   "the answer is longer than 256 bytes",
                                   "is too large or too small",
                                   /* Echoed escaped, never raw. */
                                   "“\\u202E3\\u009B” is not a number", NULL);
  penal_test_assert_lacks (run.err, "\u202E");
  penal_test_assert_contains (run.out, "class B misdemeanor [RSMo 567.030.3]");
}

static void
test_dont_know (void)
{
  const char *questions[] = { Q_OFFENSE, Q_DATE, Q_VICTIM_AGE, Q_PRIORS, NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) words = { 0 };

  screen (&run, NULL, screen_args, "2\n2019-01-15\n?\n0\n");
  /* Not knowing the age still leaves the prior offenses to ask: they
   * decide diversion for an adult and the 567.110 enhancement. */
  assert_questions (run.err, questions);
  penal_test_assert_contains_each (
      run.out, "Not known: age in years of the individual patronized.",
      /* RSMo 567.030.3 and .4, text in force by 2024: what each age leads to,
       * in the words the volunteer read, never a fact's id. */
      "age in years of the individual patronized: 0–14 → class D "
      "felony [RSMo 567.030.4]",
      "age in years of the individual patronized: 15–17 → class E "
      "felony [RSMo 567.030.3]",
      "age in years of the individual patronized: 18+ → class B "
      "misdemeanor [RSMo 567.030.3]",
      "age in years of the individual patronized: 18+ → eligible",
      "The answer depends on something not known: "
      "age in years of the individual patronized.",
      "  Diversion: cannot tell yet.\n", NULL);
  penal_test_assert_lacks (run.out, "victim_age");
  penal_test_assert_lacks (run.out, "which was not given");

  /* "I don't know" in words works like "?". */
  screen (&words, NULL, screen_args, "2\n2019-01-15\nI don't know\n0\n");
  g_assert_cmpstr (words.out, ==, run.out);
}

/* Screens with ANSWERS into run, which must print what screening with
 * REFERENCE, the same answers written otherwise, prints, and understand
 * every answer. */
static void
screen_as (PenalTestRun *run, const char *const *args, const char *answers,
           const char *reference)
{
  g_auto (PenalTestRun) expected = { 0 };

  screen (&expected, NULL, args, reference);
  screen (run, NULL, args, answers);
  g_assert_cmpstr (run->out, ==, expected.out);
  penal_test_assert_lacks (run->err, "not understood");
}

/* Every spelling of "I don't know" in data/interview.xml, as typed:
 * capitals, a curly apostrophe, a full stop, and Spanish in English. */
static const char *const dont_know_spellings[]
    = { "not sure", "idk",   "I don’t know", "I DON'T KNOW.",
        "no sé",    "No se", "unknown" };

static void
test_dont_know_spellings (gconstpointer data)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autofree char *input
      = g_strdup_printf ("2\n2024-05-01\n%s\n0\n", (const char *)data);

  screen_as (&run, screen_args, input, "2\n2024-05-01\n?\n0\n");
}

/* Answers written otherwise than the reference that gives the same
 * result. */
typedef struct
{
  const char *name;
  const char *const *args;
  const char *answers;
  const char *reference;
} WrittenOtherwise;

static const char *const prostitution_2024[]
    = { "screen", "offense=prostitution", "offense_date=2024-05-01", NULL };

static const WrittenOtherwise written_otherwise[] = {
  /* "sí" is yes, in English as in Spanish. */
  { "yes-spellings", prostitution_2024, "Sí\n30\n0\n", "yes\n30\n0\n" },
  /* A byte-order mark at the start of piped answers (Windows editors write
   * one) is not part of the first answer, and derails nothing after it. */
  { "byte-order-mark", screen_args,
    "\xEF\xBB\xBF"
    "2\n2024-05-01\n30\n0\n",
    "2\n2024-05-01\n30\n0\n" },
};

static void
test_written_otherwise (gconstpointer data)
{
  const WrittenOtherwise *row = data;
  g_auto (PenalTestRun) run = { 0 };

  screen_as (&run, row->args, row->answers, row->reference);
}

/* "back" and "<" return to the previous question, whose answer can then
 * be given again; at the first question there is nothing to go back to. */
static void
test_back (void)
{
  g_auto (PenalTestRun) run = { 0 };

  screen_as (&run, screen_args, "<\n2\n2024-05-01\n30\nback\n16\n0\n",
             "2\n2024-05-01\n16\n0\n");
  penal_test_assert_contains (run.err, "This is the first question");
  g_assert_cmpuint (penal_test_count (run.err, Q_VICTIM_AGE), ==, 2);
}

static void
test_date_unknown (void)
{
  const char *args[] = { "screen", "offense=patronizing", NULL };
  g_auto (PenalTestRun) run = { 0 };

  screen (&run, NULL, args, "?\n15\n0\n");
  /* The answer by period of the offense date
   * (../shared/research/findings-2026-11-30.md, section 1): one class B
   * misdemeanor until the tiers of 2004-08-28; 15 to 17 a class A
   * misdemeanor until 2018-08-27, a class E felony from 2018-08-28; no
   * version before the code of 1977 took effect on 1 January 1979. */
  penal_test_assert_contains_each (
      run.out, "The offense date is not known.",
      "  - until 31 December 1978: Patronizing "
      "prostitution: penal holds no version of the "
      "statute in force then.",
      "  - from 28 August 2004 to 31 December 2016: Patronizing "
      "prostitution: class A misdemeanor [RSMo 567.030.3]. "
      "Imprisonment: up to 1 year. Fine: up to $1,000.",
      "  - from 1 January 2017 to 27 August 2018: Patronizing "
      "prostitution: class A misdemeanor [RSMo 567.030.3].",
      "  - from 28 August 2018 on: Patronizing "
      "prostitution: class E felony [RSMo 567.030.3].",
      NULL);
  penal_test_assert_lacks (run.out, "not settled");
}

static void
test_end_of_input (void)
{
  g_auto (PenalTestRun) run = { 0 };

  screen (&run, NULL, screen_args, "2\n2019-01-15\n");
  penal_test_assert_contains (
      run.err, "No more answers: the result uses the answers given so far.");
  penal_test_assert_contains (run.out, "More facts are needed.");
}

static void
test_json_same_as_classify (void)
{
  const char *args[] = { "screen", "--format=json", NULL };
  const char *classify_args[] = { "classify",
                                  "--format=json",
                                  "offense=patronizing",
                                  "offense_date=2019-01-15",
                                  "victim_age=30",
                                  "prior_prostitution_offenses=0",
                                  NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) classify = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) classify_parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *classify_root, *diversion;

  screen (&run, NULL, args, "2\n2019-01-15\n30\n0\n");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  penal_test_run (&classify, NULL, NULL, classify_args);
  json_parser_load_from_data (classify_parser, classify.out, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  classify_root = json_node_get_object (json_parser_get_root (classify_parser));
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "unknown")),
      ==, 0);
  json_object_remove_member (root, "unknown");
  g_assert_true (json_node_equal (json_parser_get_root (parser),
                                  json_parser_get_root (classify_parser)));
  (void)classify_root;
  diversion = json_object_get_object_member (root, "diversion");
  g_assert_true (json_object_get_boolean_member (diversion, "eligible"));
}

/* Without an offense date, one classify object per period, inside an
 * object that names its format as every JSON answer does. */
static void
test_json_periods (void)
{
  const char *args[]
      = { "screen", "--format=json", "offense=patronizing", NULL };
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *periods;

  screen (&run, NULL, args, "?\n30\n0\n");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "needs-facts");
  periods = json_object_get_array_member (root, "periods");
  g_assert_cmpuint (json_array_get_length (periods), >, 1);
  for (guint i = 0; i < json_array_get_length (periods); i++)
    {
      JsonObject *outcome = json_object_get_object_member (
          json_array_get_object_element (periods, i), "outcome");
      g_assert_cmpint (json_object_get_int_member (outcome, "format_version"),
                       ==, 2);
    }
}

static void
test_spanish (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) english = { 0 };

  screen (&run, "es", screen_args, "2\n2019-01-15\nno sé\n0\n");
  screen (&english, NULL, screen_args, "2\n2019-01-15\n?\n0\n");
  /* Four questions, all in Spanish. */
  g_assert_cmpuint (penal_test_count (run.err, "\n> "), ==, 4);
  penal_test_assert_lacks (run.err, Q_OFFENSE);
  penal_test_assert_lacks (run.err, Q_VICTIM_AGE);
  penal_test_assert_contains (run.err, "¿");
  penal_test_assert_contains (run.err, "o ? si no lo sabe");
  /* "no sé" is "I don't know": the same missing fact as in English. */
  penal_test_assert_contains (
      run.out, "edad en años de la persona a quien se pagó por sexo: 0–14 → "
               "delito mayor de clase D [RSMo 567.030.4]");
  penal_test_assert_lacks (run.out, "victim_age");
  penal_test_assert_lacks (run.out, "Diversion");
  g_assert_cmpstr (run.out, !=, english.out);
}

/* ------------------------------------------------------------------ */
/* A real terminal                                                      */

typedef struct
{
  int master;
  GString *screen; /* everything the terminal showed */
} Terminal;

/* Reads from the terminal until text appears after offset, or the program
 * ends; returns whether it appeared. */
static gboolean
wait_for (Terminal *term, gsize offset, const char *text)
{
  gint64 deadline = g_get_monotonic_time ()
                    + 120 * G_USEC_PER_SEC; /* only a hang ends here */

  while (strstr (term->screen->str + offset, text) == NULL)
    {
      struct pollfd pfd = { term->master, POLLIN, 0 };
      char buffer[4096];
      ssize_t n;

      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (poll (&pfd, 1, 200) <= 0)
        continue;
      n = read (term->master, buffer, sizeof buffer);
      if (n <= 0)
        return strstr (term->screen->str + offset, text) != NULL;
      g_string_append_len (term->screen, buffer, n);
    }
  return TRUE;
}

/* Types an answer a key at a time, then Enter, like a person. */
static void
type (Terminal *term, const char *answer)
{
  for (const char *p = answer; *p != '\0'; p++)
    {
      g_assert_cmpint (write (term->master, p, 1), ==, 1);
      g_usleep (2000);
    }
  g_assert_cmpint (write (term->master, "\r", 1), ==, 1);
}

/* Left arrow, as a terminal sends it. */
#define KEY_LEFT "\033[D"

static void
test_pseudo_terminal (void)
{
  Terminal term = { -1, g_string_new (NULL) };
  const char *binary = g_getenv ("PENAL_BINARY");
  /* The age is typed "0", left arrow, "3": line editing makes it 30, where
   * the arrow's escape code would once have become part of the answer.
   * "<" goes back from the priors question to the age, and the recap
   * changes the age (answer 3) from 30 to 16 before the result. */
  const char *answers[]
      = { "2",  "2024-05-01", "thirty", "0" KEY_LEFT "3", "<", "30", "0", "3",
          "16", "",           NULL };
  const char *waits[]
      = { Q_OFFENSE,    Q_DATE,
          Q_VICTIM_AGE, "not understood",
          Q_PRIORS,     Q_VICTIM_AGE,
          Q_PRIORS,     "type the number of an answer to change it",
          Q_VICTIM_AGE, "type the number of an answer to change it",
          NULL };
  gsize offset = 0;
  int status = 0;
  pid_t child;

  term.master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (term.master, >=, 0);
  g_assert_cmpint (grantpt (term.master), ==, 0);
  g_assert_cmpint (unlockpt (term.master), ==, 0);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      int slave;

      setsid ();
      slave = open (ptsname (term.master), O_RDWR);
      if (slave < 0)
        _exit (127);
      dup2 (slave, 0);
      dup2 (slave, 1);
      dup2 (slave, 2);
      close (term.master);
      unsetenv ("LANGUAGE");
      setenv ("LC_ALL", "C", 1);
      setenv ("TERM", "xterm", 1);
      execl (binary, binary, "screen", (char *)NULL);
      _exit (127);
    }

  /* The program sees a terminal: it greets the person first. */
  g_assert_true (
      wait_for (&term, 0, "Answer each question, then press Enter."));
  for (guint i = 0; answers[i] != NULL; i++)
    {
      if (!wait_for (&term, offset, waits[i])
          || !wait_for (&term, offset, "> "))
        g_error ("the terminal never showed “%s”; it shows:\n%s", waits[i],
                 term.screen->str);
      offset = term.screen->len;
      type (&term, answers[i]);
    }
  if (!wait_for (&term, offset, "Next steps:"))
    g_error ("no result on the terminal; it shows:\n%s", term.screen->str);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  close (term.master);

  /* The terminal echoed what was typed; the recap showed the answers; the
   * result, after it, is for the age as changed. */
  penal_test_assert_contains_each (
      term.screen->str, "thirty", "Your answers:", Q_VICTIM_AGE, "In short:",
      /* RSMo 567.030.3 (from 2017): an individual patronized aged 15 to 17
       * makes patronizing a class E felony. */
      "Patronizing prostitution: class E felony [RSMo 567.030.3].", NULL);
  g_assert_true (strstr (term.screen->str, "In short:")
                 > strstr (term.screen->str, "Your answers:"));
  g_string_free (term.screen, TRUE);
}

static const PenalTestFunc tests[] = {
  { "/screen/questions/patronizing-adult", test_patronizing_adult },
  { "/screen/questions/patronizing-minor", test_patronizing_minor },
  { "/screen/questions/prostitution", test_prostitution },
  { "/screen/questions/stops-when-decided", test_stops_when_decided },
  { "/screen/prefilled/some", test_prefilled },
  { "/screen/prefilled/all", test_prefilled_all },
  { "/screen/answers/bad-answer-asked-again", test_bad_answer_asked_again },
  { "/screen/answers/hostile", test_hostile_answers },
  { "/screen/answers/dont-know", test_dont_know },
  { "/screen/answers/back", test_back },
  { "/screen/answers/date-unknown", test_date_unknown },
  { "/screen/answers/end-of-input", test_end_of_input },
  { "/screen/json-same-as-classify", test_json_same_as_classify },
  { "/screen/json-periods", test_json_periods },
  { "/screen/spanish", test_spanish },
  { "/screen/pseudo-terminal", test_pseudo_terminal },
};

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  PENAL_TEST_ADD_FUNCS (tests);
  for (guint i = 0; i < G_N_ELEMENTS (dont_know_spellings); i++)
    penal_test_add_case (dont_know_spellings[i], test_dont_know_spellings,
                         "/screen/answers/dont-know-spelling/%u", i);
  PENAL_TEST_ADD_CASES ("/screen/answers", written_otherwise,
                        test_written_otherwise);
  return g_test_run ();
}
