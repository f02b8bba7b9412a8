/* cmd-screen.c: penal screen [FACT=VALUE…]: the screening interview at a
 * terminal or over a pipe.
 *
 * The interview itself is libpenal's PenalScreen engine, which reads and
 * writes nothing; this file is its terminal: questions and anything said
 * about answers go to standard error, answers are read from standard input
 * one line at a time, and the result goes to standard output, so answers
 * can be piped in and the result piped out. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"

/* Longer answers cannot be meaningful; the rest of the line is dropped. */
#define MAX_ANSWER_LENGTH 256

static char *format_name;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
          N_ ("Write the result as text (the default) or json"),
          N_ ("FORMAT") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "screen",
  N_ ("[FACT=VALUE…]"),
  N_ ("A guided interview: asks only the questions the answer still depends "
      "on, one at a time, then gives the result in plain words."),
  N_ ("Answer ? when you don't know. Facts given on the command line are not "
      "asked. Questions go to standard error, so answers can be piped in, one "
      "per line; if the input ends early, the result uses the answers given "
      "so far."),
  N_ ("text (default), json"),
  "  penal screen\n"
  "  penal screen --lang=es offense=patronizing\n"
  "  printf '2024-05-01\\n30\\n0\\n' | penal screen offense=patronizing\n",
  TRUE,
  entries,
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

/* Says which facts given up front were dropped, as the engine reports. */
static void
say_dropped (PenalScreen *screen, FILE *prompts)
{
  g_autoptr (GPtrArray) notes = penal_screen_drop_unread (screen);

  for (guint i = 0; i < notes->len; i++)
    fputs (g_ptr_array_index (notes, i), prompts);
}

/* Asks until nothing more can change the result.  Returns FALSE if the
 * input ended before the interview did. */
static gboolean
interview (PenalScreen *screen, FILE *in, FILE *prompts, gboolean interactive)
{
  if (interactive)
    fprintf (prompts, "%s\n\n",
             _ ("Answer each question, then press Enter. Type ? when you don't "
                "know."));
  for (;;)
    {
      g_autofree char *question = NULL;
      g_autofree char *allowed = NULL;
      gint fact;

      say_dropped (screen, prompts);
      fact = penal_screen_next_fact (screen);
      if (fact < 0)
        return TRUE;
      question = penal_screen_question (screen, (guint)fact);
      allowed = penal_screen_allowed (screen, (guint)fact);
      fprintf (prompts, "%s\n%s\n> ", question, allowed);
      fflush (prompts);

      for (;;)
        {
          g_autofree char *line = NULL;
          g_autofree char *problem = NULL;
          g_autoptr (GError) error = NULL;
          LineStatus status = read_answer (in, &line, &problem);

          if (status == LINE_EOF)
            {
              fprintf (prompts, "\n%s\n",
                       _ ("No more answers: the result uses the answers given "
                          "so far."));
              fflush (prompts);
              return FALSE;
            }
          if (status == LINE_OK
              && penal_screen_answer (screen, (guint)fact, line, &error))
            break;
          fprintf (prompts, _ ("That answer was not understood: %s.\n%s\n> "),
                   problem != NULL ? problem : error->message, allowed);
          fflush (prompts);
        }
      fputc ('\n', prompts);
    }
}

PenalExit
penal_cmd_screen (int argc, char **argv)
{
  static const char *const formats[] = { "text", "json", NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalScreen) screen = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  int format;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!penal_cli_format (format_name, formats, &format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      return penal_cli_usage (
          _ ("--format: unknown format “%s”; use text or json"), shown);
    }
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  screen = penal_screen_new (model);
  for (int i = 1; i < argc; i++)
    if (!penal_screen_prefill (screen, argv[i], &error))
      return penal_cli_fail (error);

  interview (screen, stdin, stderr,
             isatty (STDIN_FILENO) && isatty (STDERR_FILENO));

  if (format == PENAL_FORMAT_JSON)
    {
      g_autofree char *json = penal_screen_result_json (screen, &error);
      answer = json != NULL ? g_strconcat (json, "\n", NULL) : NULL;
    }
  else
    answer = penal_screen_result_text (screen, &error);
  return penal_cli_finish (answer, error);
}
