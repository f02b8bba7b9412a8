/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-batch.c: penal batch [FILE | -]: classify a caseload, one output row
 * per input row, in order, as a stream. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static PenalCliCaseload raw;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &raw.format_name,
          N_ ("Write csv (the default) or jsonl"), N_ ("FORMAT") },
        { "input-format", 0, 0, G_OPTION_ARG_STRING, &raw.input_format_name,
          N_ ("Read csv (the default) or jsonl"), N_ ("FORMAT") },
        { "keep", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &raw.keep_lists,
          N_ ("Copy these input columns (a case id, say) to the front of "
              "every output row"),
          N_ ("COLUMN[,COLUMN…]") },
        { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &raw.delimiter_name,
          N_ ("Read CSV fields separated by , or ; or tab (default: whichever "
              "the header line uses)"),
          N_ ("CHAR") },
        { "date-order", 0, 0, G_OPTION_ARG_STRING, &raw.date_order_name,
          N_ ("Read slashed dates as mdy (6/1/2016 is 1 June) or dmy "
              "(6/1/2016 is 6 January); without it they are refused"),
          N_ ("ORDER") },
        { "ignore-unknown", 0, 0, G_OPTION_ARG_NONE, &raw.ignore_unknown,
          N_ ("Skip columns (or JSON members) penal does not read instead of "
              "refusing them; standard error names them"),
          NULL },
        { "full", 0, 0, G_OPTION_ARG_NONE, &raw.full,
          N_ ("With --format=jsonl, write the complete answer on each row, "
              "as penal classify --format=json gives it"),
          NULL },
        { "bom", 0, 0, G_OPTION_ARG_NONE, &raw.bom,
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

  penal_cli_print_summary (summary);
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

PenalExit
penal_cmd_batch (int argc, char **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  PenalBatchOptions options;
  PenalBatchCounts counts;
  PenalExit status;
  g_autofree char *name = NULL;
  FILE *in;
  gboolean ok;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!penal_cli_caseload_options (&raw, "batch", &options, keep, &status))
    return status;
  if (!penal_cli_open_caseload ("batch", argc, argv, &in, &name, &model,
                                &status))
    return status;
  ok = penal_batch_run (model, &options, in, name, stdout, &counts, &error);
  penal_cli_close_caseload (in);
  if (!ok)
    {
      penal_batch_counts_clear (&counts);
      return penal_cli_fail (error);
    }
  status = report (&counts);
  penal_batch_counts_clear (&counts);
  return status;
}
