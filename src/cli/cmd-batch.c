/* cmd-batch.c: penal batch [FILE | -]: classify a caseload, one output row
 * per input row, in order, as a stream. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli.h"

static char *format_name;
static char *input_format_name;
static gboolean ignore_unknown;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
          N_ ("Write csv (the default) or jsonl"), N_ ("FORMAT") },
        { "input-format", 0, 0, G_OPTION_ARG_STRING, &input_format_name,
          N_ ("Read csv (the default) or jsonl"), N_ ("FORMAT") },
        { "ignore-unknown", 0, 0, G_OPTION_ARG_NONE, &ignore_unknown,
          N_ ("Skip columns (or JSON members) that name no fact instead of "
              "refusing them"),
          NULL },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "batch",
  N_ ("[FILE | -]"),
  N_ ("Classify a caseload: one output row per input row, in order."),
  N_ ("The input is a CSV file (RFC 4180) with a header row naming the facts, "
      "or JSON Lines with --input-format=jsonl; standard input when no FILE "
      "or - is given. Each output row carries the line its input row starts "
      "on; a bad row becomes an error row and never stops, shifts or drops "
      "another."),
  N_ ("csv (default), jsonl"),
  "  penal batch cases.csv > answers.csv\n"
  "  penal batch --input-format=jsonl --format=jsonl - < cases.jsonl\n",
  TRUE,
  entries,
};

static PenalExit
report_errors (const PenalBatchCounts *counts)
{
  g_autofree char *errors
      = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->errors);
  g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->rows);
  g_autofree char *message
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s of %s row could not be classified; "
                                      "see the rows with status error",
                                      "%s of %s rows could not be classified; "
                                      "see the rows with status error",
                                      (gulong)MIN (counts->rows, G_MAXULONG)),
                         errors, rows);

  penal_cli_print_error (message);
  return PENAL_EXIT_DATAERR;
}

PenalExit
penal_cmd_batch (int argc, char **argv)
{
  static const char *const formats[] = { "csv", "jsonl", NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  PenalBatchCounts counts;
  PenalExit status;
  g_autofree char *name = g_strdup ("-");
  FILE *in = stdin;
  int input_format, output_format;
  gboolean ok;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!penal_cli_format (format_name, formats, &output_format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      return penal_cli_usage (
          _ ("--format: unknown format “%s” for batch; use csv or jsonl"),
          shown);
    }
  if (!penal_cli_format (input_format_name, formats, &input_format))
    {
      g_autofree char *shown = penal_quote_untrusted (input_format_name);

      return penal_cli_usage (
          _ ("--input-format: unknown format “%s”; use csv or jsonl"), shown);
    }
  if (argc > 2)
    return penal_cli_usage (
        "%s", _ ("batch reads one file (or - for standard input)"));
  if (argc == 2 && !g_str_equal (argv[1], "-"))
    {
      /* The name as every message shows it. */
      g_free (name);
      name = penal_escape_untrusted (argv[1]);
      in = fopen (argv[1], "rb");
      if (in == NULL)
        {
          g_set_error (&error, PENAL_CLI_ERROR, PENAL_CLI_ERROR_NOINPUT,
                       _ ("%s: cannot open: %s"), name, g_strerror (errno));
          return penal_cli_fail (error);
        }
    }

  model = penal_cli_load_model (&error);
  if (model == NULL)
    {
      if (in != stdin)
        fclose (in);
      return penal_cli_fail (error);
    }

  setvbuf (stdout, NULL, _IOFBF, 1 << 20);
  ok = penal_batch_run (model, input_format, output_format, ignore_unknown,
                        penal_date_today (), in, name, stdout, &counts, &error);
  if (in != stdin)
    fclose (in);
  if (!ok)
    return penal_cli_fail (error);
  if (counts.errors > 0)
    return report_errors (&counts);
  return PENAL_EXIT_OK;
}
