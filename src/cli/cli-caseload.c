/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-caseload.c: what the commands that read a caseload (penal batch,
 * penal audit) do alike: their options, read one way (formats, --keep,
 * --delimiter, --date-order, --ignore-unknown, --full and --bom), the
 * input opened, and the summary at the end. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The options as penal_batch_run and penal_audit_run take them, from what
 * the command line gave; FALSE, having said why, on a bad one. */
static gboolean
caseload_options (const PenalCliCaseload *raw, const char *command,
                  PenalBatchOptions *options, GPtrArray *keep,
                  PenalExit *status)
{
  static const char *const formats[] = { "csv", "jsonl", NULL };
  static const char *const orders[] = { "mdy", "dmy", NULL };
  const char *format_name = penal_cli_format_name ();
  int input_format, output_format, order = -1;

  memset (options, 0, sizeof *options);
  if (!penal_cli_format (format_name, formats, &output_format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      *status = penal_cli_usage (
          _ ("--format: unknown format “%s” for %s; use csv or jsonl"), shown,
          command);
      return FALSE;
    }
  if (!penal_cli_format (raw->input_format_name, formats, &input_format))
    {
      g_autofree char *shown = penal_quote_untrusted (raw->input_format_name);

      *status = penal_cli_usage (
          _ ("--input-format: unknown format “%s”; use csv or jsonl"), shown);
      return FALSE;
    }
  if (raw->date_order_name != NULL
      && !penal_cli_format (raw->date_order_name, orders, &order))
    {
      g_autofree char *shown = penal_quote_untrusted (raw->date_order_name);

      *status = penal_cli_usage (
          _ ("--date-order: unknown order “%s”; use mdy (month first) or "
             "dmy (day first)"),
          shown);
      return FALSE;
    }
  options->input_format = input_format;
  options->output_format = output_format;
  options->date_order = raw->date_order_name == NULL ? PENAL_DATE_ORDER_NONE
                        : order == 0                 ? PENAL_DATE_ORDER_MDY
                                                     : PENAL_DATE_ORDER_DMY;
  options->ignore_unknown = raw->ignore_unknown;
  options->full = raw->full;
  options->bom = raw->bom;
  if (raw->delimiter_name != NULL)
    {
      if (g_str_equal (raw->delimiter_name, ",")
          || g_str_equal (raw->delimiter_name, "comma"))
        options->delimiter = ',';
      else if (g_str_equal (raw->delimiter_name, ";")
               || g_str_equal (raw->delimiter_name, "semicolon"))
        options->delimiter = ';';
      else if (g_str_equal (raw->delimiter_name, "\t")
               || g_str_equal (raw->delimiter_name, "tab"))
        options->delimiter = '\t';
      else
        {
          g_autofree char *shown = penal_quote_untrusted (raw->delimiter_name);

          *status = penal_cli_usage (
              _ ("--delimiter: “%s” is not one penal reads; use , or ; or "
                 "tab"),
              shown);
          return FALSE;
        }
    }
  if (raw->full && output_format != PENAL_BATCH_JSONL)
    {
      *status = penal_cli_usage (
          "%s", _ ("--full: give --format=jsonl too; a CSV row cannot hold "
                   "the complete answer"));
      return FALSE;
    }
  if (raw->bom && output_format != PENAL_BATCH_CSV)
    {
      *status = penal_cli_usage (
          "%s", _ ("--bom: only CSV output begins with a byte-order mark"));
      return FALSE;
    }
  if (raw->delimiter_name != NULL && input_format != PENAL_BATCH_CSV)
    {
      *status = penal_cli_usage (
          "%s", _ ("--delimiter: only CSV input has a delimiter"));
      return FALSE;
    }
  for (guint i = 0; raw->keep_lists != NULL && raw->keep_lists[i] != NULL; i++)
    {
      g_auto (GStrv) names = g_strsplit (raw->keep_lists[i], ",", -1);

      for (guint n = 0; names[n] != NULL; n++)
        {
          g_strstrip (names[n]);
          if (names[n][0] != '\0')
            g_ptr_array_add (keep, g_strdup (names[n]));
        }
    }
  g_ptr_array_add (keep, NULL);
  options->keep = (const char *const *)keep->pdata;
  return TRUE;
}

static void
close_caseload (FILE *in)
{
  if (in != NULL && in != stdin)
    fclose (in);
}

/* The caseload a command reads (FILE; - or nothing for standard input),
 * opened, and the statutes loaded; FALSE, having said why, when either
 * fails.  *out_name is the input's name as every message shows it. */
static gboolean
open_caseload (const char *command, int argc, char **argv, FILE **out_in,
               char **out_name, PenalModel **out_model, PenalExit *status)
{
  g_autoptr (GError) error = NULL;

  *out_in = stdin;
  *out_name = g_strdup ("-");
  *out_model = NULL;
  if (argc > 2)
    {
      *status = penal_cli_usage (
          _ ("%s reads one file (or - for standard input)"), command);
      return FALSE;
    }
  if (argc == 2 && !g_str_equal (argv[1], "-"))
    {
      g_free (*out_name);
      *out_name = penal_escape_untrusted (argv[1]);
      *out_in = fopen (argv[1], "rb");
      if (*out_in == NULL)
        {
          g_set_error (&error, PENAL_CLI_ERROR, PENAL_CLI_ERROR_NOINPUT,
                       _ ("%s: cannot open: %s"), *out_name,
                       g_strerror (errno));
          *status = penal_cli_fail (error);
          return FALSE;
        }
    }
  *out_model = penal_cli_load_model (&error);
  if (*out_model == NULL)
    {
      close_caseload (*out_in);
      *status = penal_cli_fail (error);
      return FALSE;
    }
  /* Rows go out in blocks. */
  setvbuf (stdout, NULL, _IOFBF, 1 << 20);
  return TRUE;
}

/* Runs a command that reads a caseload: its command line parsed, the
 * options read, its own checked (check may be NULL), the input opened
 * and the statutes loaded, then the rows run through by run. */
PenalExit
penal_cli_caseload_main (const PenalCommandHelp *help,
                         const PenalCliCaseload *raw, int argc, char **argv,
                         PenalCommandCheck check, PenalCliCaseloadRun run)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  PenalBatchOptions options;
  PenalExit status;
  FILE *in;

  if (!penal_cli_parse (help, &argc, &argv, &status))
    return status;
  if (!caseload_options (raw, help->name, &options, keep, &status))
    return status;
  if (check != NULL && !check (argc, argv, &error))
    return penal_cli_fail (error);
  if (!open_caseload (help->name, argc, argv, &in, &name, &model, &status))
    return status;
  status = run (model, &options, in, name);
  close_caseload (in);
  return status;
}

/* The end of a run over a caseload: its summary (which it takes) on
 * standard error, a line at a time, then how many rows could not be
 * read, when some could not (65). */
PenalExit
penal_cli_caseload_end (const char *command, char *summary, guint64 rows,
                        guint64 errors)
{
  g_autofree char *text = summary;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *errors_text = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *message = NULL;
  gulong n = (gulong)MIN (rows, G_MAXULONG);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      penal_cli_print_error (lines[i]);
  if (errors == 0)
    return PENAL_EXIT_OK;
  errors_text = g_strdup_printf ("%" G_GUINT64_FORMAT, errors);
  rows_text = g_strdup_printf ("%" G_GUINT64_FORMAT, rows);
  /* An audit checks each row and names its finding; a batch classifies
   * it and names its status. */
  message = g_strdup_printf (
      g_str_equal (command, "audit")
          ? g_dngettext (GETTEXT_PACKAGE,
                         "%s of %s row could not be checked; "
                         "see the rows with finding error",
                         "%s of %s rows could not be checked; "
                         "see the rows with finding error",
                         n)
          : g_dngettext (GETTEXT_PACKAGE,
                         "%s of %s row could not be classified; "
                         "see the rows with status error",
                         "%s of %s rows could not be classified; "
                         "see the rows with status error",
                         n),
      errors_text, rows_text);
  penal_cli_print_error (message);
  return PENAL_EXIT_DATAERR;
}
