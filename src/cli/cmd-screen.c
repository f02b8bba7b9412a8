/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-screen.c: penal screen [FACT=VALUE…]: the screening interview at a
 * terminal or over a pipe.
 *
 * The interview itself is libpenal's PenalScreen engine, which reads and
 * writes nothing; this file is its terminal: questions and anything said
 * about answers go to standard error, answers are read from standard input
 * one line at a time, and the result goes to standard output, so answers
 * can be piped in and the result piped out.  At a terminal the line is
 * edited with libedit (arrow keys move in the answer instead of typing
 * escape codes into it), and before the result a recap lists every answer
 * with the chance to change any of them.  "back" or "<" returns to the
 * previous question, at a terminal or in a pipe. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "cli.h"

/* Longer answers cannot be meaningful; the rest of the line is dropped. */
#define MAX_ANSWER_LENGTH 256

static const PenalCommandHelp help = {
  "screen",
  N_ ("[FACT=VALUE…]"),
  N_ ("A guided interview: asks only the questions the answer still depends "
      "on, one at a time, then gives the result in plain words."),
  N_ ("Answer ? when you don't know, and back (or <) to return to the "
      "previous question. At a terminal, a recap before the result lets you "
      "change any answer. Facts given on the command line are not asked. "
      "Questions go to standard error, so answers can be piped in, one per "
      "line; if the input ends early, the result uses the answers given so "
      "far."),
  N_ ("text (default), json"),
  N_ ("Write the result as text (the default) or json"),
  "  penal screen\n"
  "  penal screen --lang=es offense=patronizing\n"
  "  printf '2024-05-01\\n30\\n0\\n' | penal screen offense=patronizing\n",
  PENAL_COMMAND_LISTS_FACTS,
  NULL,
};

typedef enum
{
  LINE_OK,
  LINE_EOF,
  LINE_BAD,
} LineStatus;

/* Reads one line without trusting it: a NUL byte or an overlong line is
 * reported, not silently cut. */
static LineStatus
read_answer (FILE *in, char **out_line, char **out_problem)
{
  GString *line = g_string_new (NULL);
  gboolean has_nul = FALSE;
  int c;

  while ((c = getc (in)) != EOF && c != '\n')
    {
      if (c == '\0')
        has_nul = TRUE;
      else if (line->len <= MAX_ANSWER_LENGTH)
        g_string_append_c (line, (char)c);
    }
  if (c == EOF && line->len == 0 && !has_nul)
    {
      g_string_free (line, TRUE);
      return LINE_EOF;
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (has_nul)
    *out_problem = g_strdup (_ ("the answer contains a NUL byte"));
  else if (line->len > MAX_ANSWER_LENGTH)
    *out_problem = g_strdup_printf (_ ("the answer is longer than %d bytes"),
                                    MAX_ANSWER_LENGTH);
  if (*out_problem != NULL)
    {
      g_string_free (line, TRUE);
      return LINE_BAD;
    }
  *out_line = g_string_free (line, FALSE);
  return LINE_OK;
}

/* The same at a terminal, through libedit: the prompt is written to
 * standard error like every question. */
static LineStatus
read_answer_edited (char **out_line, char **out_problem)
{
  char *edited = readline ("> ");
  LineStatus status = LINE_OK;

  if (edited == NULL)
    return LINE_EOF;
  if (strlen (edited) > MAX_ANSWER_LENGTH)
    {
      *out_problem = g_strdup_printf (_ ("the answer is longer than %d bytes"),
                                      MAX_ANSWER_LENGTH);
      status = LINE_BAD;
    }
  else
    *out_line = g_strdup (edited);
  free (edited);
  return status;
}

typedef struct
{
  PenalScreen *screen;
  FILE *in;
  FILE *prompts;
  gboolean interactive;
} Terminal;

/* Shows the prompt and reads one line. */
static LineStatus
read_line (Terminal *term, char **out_line, char **out_problem)
{
  if (term->interactive)
    {
      fflush (term->prompts);
      return read_answer_edited (out_line, out_problem);
    }
  fputs ("> ", term->prompts);
  fflush (term->prompts);
  return read_answer (term->in, out_line, out_problem);
}

/* Says which facts given up front were dropped, as the engine reports. */
static void
say_dropped (PenalScreen *screen, FILE *prompts)
{
  g_autoptr (GPtrArray) notes = penal_screen_drop_unread (screen);

  for (guint i = 0; i < notes->len; i++)
    fputs (g_ptr_array_index (notes, i), prompts);
}

typedef enum
{
  ASKED_ANSWERED,
  ASKED_BACK,
  ASKED_EOF,
} Asked;

/* Asks one question until it is answered, or the person goes back. */
static Asked
ask (Terminal *term, guint fact)
{
  g_autofree char *question = penal_screen_question (term->screen, fact);
  g_autofree char *allowed = penal_screen_allowed (term->screen, fact);

  fprintf (term->prompts, "%s\n%s\n", question, allowed);
  for (;;)
    {
      g_autofree char *line = NULL;
      g_autofree char *problem = NULL;
      g_autoptr (GError) error = NULL;
      LineStatus status = read_line (term, &line, &problem);

      if (status == LINE_EOF)
        {
          fprintf (term->prompts, "\n%s\n",
                   _ ("No more answers: the result uses the answers given "
                      "so far."));
          fflush (term->prompts);
          return ASKED_EOF;
        }
      if (status == LINE_OK && penal_screen_means_back (line))
        {
          if (penal_screen_back (term->screen))
            {
              fputc ('\n', term->prompts);
              return ASKED_BACK;
            }
          fprintf (term->prompts, "%s\n%s\n",
                   _ ("This is the first question; there is none before it."),
                   allowed);
          continue;
        }
      if (status == LINE_OK
          && penal_screen_answer (term->screen, fact, line, &error))
        break;
      fprintf (term->prompts, _ ("That answer was not understood: %s.\n%s\n"),
               problem != NULL ? problem : error->message, allowed);
    }
  fputc ('\n', term->prompts);
  return ASKED_ANSWERED;
}

/* The answers so far, numbered, before the result.  Returns the fact to
 * ask again, -1 for the result, or -2 to go back. */
static gint
recap (Terminal *term)
{
  guint n = penal_screen_get_n_answers (term->screen);

  if (n == 0)
    return -1;
  fprintf (term->prompts, "%s\n", _ ("Your answers:"));
  for (guint i = 0; i < n; i++)
    {
      guint fact = penal_screen_get_answer_fact (term->screen, i);
      g_autofree char *question
          = penal_screen_question_title (term->screen, fact);
      g_autofree char *answer = penal_screen_answer_text (term->screen, fact);

      fprintf (term->prompts, "  %u  %s %s\n", i + 1, question, answer);
    }
  for (;;)
    {
      g_autofree char *line = NULL;
      g_autofree char *problem = NULL;
      guint64 chosen = 0;

      fprintf (term->prompts, "%s\n",
               _ ("Press Enter to see the result, or type the number of an "
                  "answer to change it."));
      if (read_line (term, &line, &problem) == LINE_EOF)
        return -1;
      if (line == NULL)
        continue;
      g_strstrip (line);
      if (line[0] == '\0')
        return -1;
      if (penal_screen_means_back (line))
        return -2;
      if (g_ascii_string_to_unsigned (line, 10, 1, n, &chosen, NULL))
        return (gint)penal_screen_get_answer_fact (term->screen,
                                                   (guint)chosen - 1);
    }
}

/* Asks until nothing more can change the result, then (at a terminal)
 * shows the recap.  Returns FALSE if the input ended before the interview
 * did. */
static gboolean
interview (Terminal *term)
{
  if (term->interactive)
    fprintf (term->prompts, "%s\n\n",
             _ ("Answer each question, then press Enter. Type ? when you don't "
                "know, and < to go back to the previous question."));
  for (;;)
    {
      gint fact;

      say_dropped (term->screen, term->prompts);
      fact = penal_screen_next_fact (term->screen);
      if (fact < 0 && term->interactive)
        {
          fact = recap (term);
          if (fact == -2)
            {
              penal_screen_back (term->screen);
              continue;
            }
          fputc ('\n', term->prompts);
        }
      if (fact < 0)
        return TRUE;
      if (ask (term, (guint)fact) == ASKED_EOF)
        return FALSE;
    }
}

/* The facts given up front, then the interview, then the result. */
static char *
screen_case (PenalModel *model, int argc, char **argv, int format,
             GError **error)
{
  g_autoptr (PenalScreen) screen = penal_screen_new (model);
  Terminal term = { screen, stdin, stderr,
                    isatty (STDIN_FILENO) && isatty (STDERR_FILENO) };
  g_autofree char *json = NULL;

  for (int i = 1; i < argc; i++)
    if (!penal_screen_prefill (screen, argv[i], error))
      return NULL;
  if (term.interactive)
    {
      rl_instream = stdin;
      rl_outstream = stderr;
    }
  interview (&term);
  if (format != PENAL_FORMAT_JSON)
    return penal_screen_result_text (screen, error);
  json = penal_screen_result_json (screen, error);
  return json != NULL ? g_strconcat (json, "\n", NULL) : NULL;
}

PenalExit
penal_cmd_screen (int argc, char **argv)
{
  return penal_cli_run (&help, argc, argv, NULL, screen_case);
}
