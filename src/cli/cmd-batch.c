/* cmd-batch.c: penal batch [FILE | -]: classify a caseload, one output row
 * per input row, in order, as a stream. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static char *format_name;
static char *input_format_name;
static gboolean ignore_unknown;
static char **keep_lists;
static char *delimiter_name;
static char *date_order_name;
static gboolean full;
static gboolean bom;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
          N_ ("Write csv (the default) or jsonl"), N_ ("FORMAT") },
        { "input-format", 0, 0, G_OPTION_ARG_STRING, &input_format_name,
          N_ ("Read csv (the default) or jsonl"), N_ ("FORMAT") },
        { "keep", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &keep_lists,
          N_ ("Copy these input columns (a case id, say) to the front of "
              "every output row"),
          N_ ("COLUMN[,COLUMN…]") },
        { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &delimiter_name,
          N_ ("Read CSV fields separated by , or ; or tab (default: whichever "
              "the header line uses)"),
          N_ ("CHAR") },
        { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order_name,
          N_ ("Read slashed dates as mdy (6/1/2016 is 1 June) or dmy "
              "(6/1/2016 is 6 January); without it they are refused"),
          N_ ("ORDER") },
        { "ignore-unknown", 0, 0, G_OPTION_ARG_NONE, &ignore_unknown,
          N_ ("Skip columns (or JSON members) penal does not read instead of "
              "refusing them; standard error names them"),
          NULL },
        { "full", 0, 0, G_OPTION_ARG_NONE, &full,
          N_ ("With --format=jsonl, write the complete answer on each row, "
              "as penal classify --format=json gives it"),
          NULL },
        { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
          N_ ("Begin CSV output with a byte-order mark, so that Excel reads "
              "it as UTF-8"),
          NULL },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "batch",
  N_ ("[FILE | -]"),
  N_ ("Classify a caseload: one output row per input row, in order."),
  N_ ("The input is CSV whose header row names the columns, or JSON Lines "
      "with --input-format=jsonl; standard input when no FILE or - is given. "
      "The columns are the facts below and charge_code, matched in any case "
      "and with or without spaces, - and _ (Victim Age is victim_age); other "
      "columns are refused unless --ignore-unknown or --keep names them. The "
      "delimiter (comma, semicolon or tab) is the one the header line uses "
      "unless --delimiter gives it. A byte-order mark, CRLF line ends and "
      "quoted fields are read as Excel writes them; cells are trimmed, "
      "choices are read in any case (Patronizing), and rows whose cells are "
      "all empty are skipped and counted.\n\n"
      "Dates are YYYY-MM-DD, or that with a time of 00:00. A slashed date "
      "such as 6/1/2016 is read only with --date-order, since it is 1 June "
      "in Missouri and 6 January in much of the world. A row with no offense "
      "date needs one (status needs-facts): it is never answered as of "
      "today.\n\n"
      "Each row gives one output row, numbered by the line its record starts "
      "on, with the offense date, version, class, citation, imprisonment as "
      "ISO 8601 and in whole months, county-jail alternative, fine, each "
      "enhancement's class and whether charging it raises the exposure, "
      "protections, routes of the court, referrals, diversion, charge code, "
      "message and notes. A row with a charge_code is answered by its code, "
      "for any offense, or by its facts when penal holds the code's statute "
      "in full and they are given. A fact the offense does not depend on is "
      "ignored, with a note. A bad row becomes an error row naming every "
      "problem, and never stops, shifts or drops another. Standard error "
      "ends with the rows by status, the empty rows skipped and the columns "
      "ignored.\n\n"
      "--format=jsonl writes each row as a JSON object; with --full, as the "
      "complete answer of penal classify --format=json (of penal lookup, for "
      "a charge code) with the row's line, kept cells and notes. No CSV cell "
      "begins with =, +, -, @ or a tab: such a cell gets a ' in front, so "
      "that a spreadsheet never runs input as a formula."),
  N_ ("csv (default), jsonl"),
  "  penal batch cases.csv > answers.csv\n"
  "  penal batch --keep=case_id --bom export.csv > answers.csv\n"
  "  penal batch --date-order=mdy --ignore-unknown --keep='Case ID' "
  "excel.csv\n"
  "  penal batch --delimiter=tab --keep=docket codes.tsv > answers.csv\n"
  "  penal batch --input-format=jsonl --format=jsonl --full - < cases.jsonl\n",
  TRUE,
  entries,
};

/* The summary, a line at a time, then the error rows' count. */
static PenalExit
report (const PenalBatchCounts *counts)
{
  g_autofree char *summary = penal_batch_summary (counts);
  g_auto (GStrv) lines = g_strsplit (summary, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      penal_cli_print_error (lines[i]);
  if (counts->errors > 0)
    {
      g_autofree char *errors
          = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->errors);
      g_autofree char *rows
          = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->rows);
      g_autofree char *message = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "%s of %s row could not be classified; "
                       "see the rows with status error",
                       "%s of %s rows could not be classified; "
                       "see the rows with status error",
                       (gulong)MIN (counts->rows, G_MAXULONG)),
          errors, rows);

      penal_cli_print_error (message);
      return PENAL_EXIT_DATAERR;
    }
  return PENAL_EXIT_OK;
}

/* The options as penal_batch_run takes them; FALSE, having said why, on a
 * bad one. */
static gboolean
read_options (PenalBatchOptions *options, GPtrArray *keep, PenalExit *status)
{
  static const char *const formats[] = { "csv", "jsonl", NULL };
  static const char *const orders[] = { "mdy", "dmy", NULL };
  int input_format, output_format, order = -1;

  memset (options, 0, sizeof *options);
  if (!penal_cli_format (format_name, formats, &output_format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      *status = penal_cli_usage (
          _ ("--format: unknown format “%s” for batch; use csv or jsonl"),
          shown);
      return FALSE;
    }
  if (!penal_cli_format (input_format_name, formats, &input_format))
    {
      g_autofree char *shown = penal_quote_untrusted (input_format_name);

      *status = penal_cli_usage (
          _ ("--input-format: unknown format “%s”; use csv or jsonl"), shown);
      return FALSE;
    }
  if (date_order_name != NULL
      && !penal_cli_format (date_order_name, orders, &order))
    {
      g_autofree char *shown = penal_quote_untrusted (date_order_name);

      *status = penal_cli_usage (
          _ ("--date-order: unknown order “%s”; use mdy (month first) or "
             "dmy (day first)"),
          shown);
      return FALSE;
    }
  options->input_format = input_format;
  options->output_format = output_format;
  options->date_order = date_order_name == NULL ? PENAL_DATE_ORDER_NONE
                        : order == 0            ? PENAL_DATE_ORDER_MDY
                                                : PENAL_DATE_ORDER_DMY;
  options->ignore_unknown = ignore_unknown;
  options->full = full;
  options->bom = bom;
  if (delimiter_name != NULL)
    {
      if (g_str_equal (delimiter_name, ",")
          || g_str_equal (delimiter_name, "comma"))
        options->delimiter = ',';
      else if (g_str_equal (delimiter_name, ";")
               || g_str_equal (delimiter_name, "semicolon"))
        options->delimiter = ';';
      else if (g_str_equal (delimiter_name, "\t")
               || g_str_equal (delimiter_name, "tab"))
        options->delimiter = '\t';
      else
        {
          g_autofree char *shown = penal_quote_untrusted (delimiter_name);

          *status = penal_cli_usage (
              _ ("--delimiter: “%s” is not one penal reads; use , or ; or "
                 "tab"),
              shown);
          return FALSE;
        }
    }
  if (full && output_format != PENAL_BATCH_JSONL)
    {
      *status = penal_cli_usage (
          "%s", _ ("--full: give --format=jsonl too; a CSV row cannot hold "
                   "the complete answer"));
      return FALSE;
    }
  if (bom && output_format != PENAL_BATCH_CSV)
    {
      *status = penal_cli_usage (
          "%s", _ ("--bom: only CSV output begins with a byte-order mark"));
      return FALSE;
    }
  if (delimiter_name != NULL && input_format != PENAL_BATCH_CSV)
    {
      *status = penal_cli_usage (
          "%s", _ ("--delimiter: only CSV input has a delimiter"));
      return FALSE;
    }
  for (guint i = 0; keep_lists != NULL && keep_lists[i] != NULL; i++)
    {
      g_auto (GStrv) names = g_strsplit (keep_lists[i], ",", -1);

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

PenalExit
penal_cmd_batch (int argc, char **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  PenalBatchOptions options;
  PenalBatchCounts counts;
  PenalExit status;
  g_autofree char *name = g_strdup ("-");
  FILE *in = stdin;
  gboolean ok;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!read_options (&options, keep, &status))
    return status;
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
  ok = penal_batch_run (model, &options, in, name, stdout, &counts, &error);
  if (in != stdin)
    fclose (in);
  if (!ok)
    {
      penal_batch_counts_clear (&counts);
      return penal_cli_fail (error);
    }
  status = report (&counts);
  penal_batch_counts_clear (&counts);
  return status;
}
