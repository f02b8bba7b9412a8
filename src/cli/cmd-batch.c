/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-batch.c: penal batch [FILE | -]: classify a caseload, one output row
 * per input row, in order, as a stream. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PenalBatchCounts, penal_batch_counts_clear)

static PenalCliCaseload raw;

static const GOptionEntry entries[]
    = { PENAL_CLI_INPUT_FORMAT_OPTION (raw),
        PENAL_CLI_KEEP_OPTION (raw),
        PENAL_CLI_DELIMITER_OPTION (raw),
        PENAL_CLI_DATE_ORDER_OPTION (raw),
        PENAL_CLI_IGNORE_UNKNOWN_OPTION (raw),
        { "full", 0, 0, G_OPTION_ARG_NONE, &raw.full,
          N_ ("With --format=jsonl, write the complete answer on each row, "
              "as penal classify --format=json gives it"),
          NULL },
        PENAL_CLI_BOM_OPTION (raw),
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
  N_ ("Write csv (the default) or jsonl"),
  "  penal batch cases.csv > answers.csv\n"
  "  penal batch --keep=case_id --bom export.csv > answers.csv\n"
  "  penal batch --date-order=mdy --ignore-unknown --keep='Case ID' "
  "excel.csv\n"
  "  penal batch --delimiter=tab --keep=docket codes.tsv > answers.csv\n"
  "  penal batch --input-format=jsonl --format=jsonl --full - < cases.jsonl\n",
  PENAL_COMMAND_LISTS_FACTS,
  entries,
};

/* The rows classified, then the summary. */
static PenalExit
classify_rows (PenalModel *model, const PenalBatchOptions *options, FILE *in,
               const char *input_name)
{
  g_auto (PenalBatchCounts) counts = { 0 };
  g_autoptr (GError) error = NULL;

  if (!penal_batch_run (model, options, in, input_name, stdout, &counts,
                        &error))
    return penal_cli_fail (error);
  return penal_cli_caseload_end ("batch", penal_batch_summary (&counts),
                                 counts.rows, counts.errors);
}

PenalExit
penal_cmd_batch (int argc, char **argv)
{
  return penal_cli_caseload_main (&help, &raw, argc, argv, NULL, classify_rows);
}
