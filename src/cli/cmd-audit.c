/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-audit.c: penal audit [FILE | -]: check a caseload of recorded
 * charges against the law on each offense date, one output row per input
 * row, in order, as a stream; a summary on standard error and, with
 * --report, a one-page HTML report. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PenalAuditCounts, penal_audit_counts_clear)

static PenalCliCaseload raw;
static char *report_name;

static const GOptionEntry entries[]
    = { PENAL_CLI_INPUT_FORMAT_OPTION (raw),
        PENAL_CLI_KEEP_OPTION (raw),
        { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report_name,
          N_ ("Also write a one-page HTML report of the findings, grouped by "
              "kind, to FILE"),
          N_ ("FILE") },
        PENAL_CLI_DELIMITER_OPTION (raw),
        PENAL_CLI_DATE_ORDER_OPTION (raw),
        PENAL_CLI_IGNORE_UNKNOWN_OPTION (raw),
        PENAL_CLI_BOM_OPTION (raw),
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "audit",
  N_ ("[FILE | -]"),
  N_ ("Check recorded charges against the law on each offense date."),
  N_ ("Each row of the caseload is a charge as it was recorded: its "
      "offense_date, and a charge_code, a charged_class, or both; for an "
      "offense penal holds in full, also the offense and its facts. The "
      "input is read as penal batch reads it: CSV whose header names the "
      "columns in any case and spacing (Charged Class is charged_class), or "
      "JSON Lines with --input-format=jsonl; standard input when no FILE or "
      "- is given. A class is read as penal writes it (felony-D) or as "
      "people type it (Class D Felony, D felony, M-A). A code is the "
      "Patrol's full code, with or without its modifier digits, or a "
      "legacy five-digit code, checked as the code it stands for.\n\n"
      "Each row gives one output row, numbered by the line its record "
      "starts on, with its findings, most serious first: ok (the code was in "
      "force and the class is the law's); code-not-in-force (not in force "
      "on the offense date; the code in force then is named); "
      "code-class-mismatch (the code's class in the Patrol's table is not "
      "the class recorded); class-mismatch (the law on the offense date "
      "gives another class); enhancement-cannot-raise (an enhancement "
      "recorded against an offense already as severe); cannot-check, and "
      "why (an unknown or unclassified code, facts missing, no version "
      "held); or error (the row could not be read; every problem is named). "
      "Every finding carries the citation and the basis (statute-text, "
      "official-record, secondary, inference, open) of what decided it. "
      "The law comes from the facts when the row gives them; else from the "
      "rule of a statute penal holds that carries the code; else from the "
      "Patrol's class for the code's family in force on the date.\n\n"
      "Standard error ends with the rows by finding and how many need "
      "attention. With --report=FILE.html, a one-page HTML report (no "
      "script, printable) lists the findings by kind with their counts.\n\n"
      "Exit status: 0 every row that could be checked agrees with the law; "
      "1 some row needs attention; 65 some row could not be read (this "
      "comes before 1); 73 the report could not be written; otherwise as "
      "for every command."),
  N_ ("csv (default), jsonl"),
  N_ ("Write csv (the default) or jsonl"),
  "  penal audit charges.csv > findings.csv\n"
  "  penal audit --keep=case_id --report=audit.html charges.csv > "
  "findings.csv\n"
  "  penal audit --date-order=mdy --keep='Case No' --bom excel.csv > "
  "findings.csv\n"
  "  penal audit --input-format=jsonl --format=jsonl - < charges.jsonl\n",
  PENAL_COMMAND_LISTS_FACTS,
  entries,
};

static PenalExit
write_report (const PenalAuditCounts *counts, const char *input_name)
{
  g_autofree char *html = penal_audit_report_html (counts, input_name);
  g_autoptr (GError) error = NULL;

  if (!g_file_set_contents (report_name, html, -1, &error))
    {
      g_autofree char *shown = penal_escape_untrusted (report_name);
      g_autofree char *message = g_strdup_printf (
          _ ("%s: cannot write the report: %s"), shown, error->message);

      penal_cli_print_error (message);
      return PENAL_EXIT_CANTCREAT;
    }
  return PENAL_EXIT_OK;
}

/* The report goes to a file: standard output holds the rows. */
static gboolean
check_report (int argc, char **argv, GError **error)
{
  if (report_name == NULL
      || (report_name[0] != '\0' && !g_str_equal (report_name, "-")))
    return TRUE;
  penal_cli_set_usage (
      error, "%s",
      _ ("--report: give a file name; standard output holds the rows"));
  return FALSE;
}

/* The rows checked, the summary, then the report; the exit status says
 * whether any row needs attention. */
static PenalExit
check_rows (PenalModel *model, const PenalBatchOptions *options, FILE *in,
            const char *input_name)
{
  g_auto (PenalAuditCounts) counts = { 0 };
  g_autoptr (GError) error = NULL;
  PenalExit status, wrote;

  if (!penal_audit_run (model, options, in, input_name, stdout, &counts,
                        &error))
    return penal_cli_fail (error);
  status = penal_cli_caseload_end ("audit", penal_audit_summary (&counts),
                                   counts.rows, counts.errors);
  if (status == PENAL_EXIT_OK && counts.attention > 0)
    status = PENAL_EXIT_FINDINGS;
  wrote = report_name != NULL ? write_report (&counts, input_name)
                              : PENAL_EXIT_OK;
  return wrote != PENAL_EXIT_OK ? wrote : status;
}

PenalExit
penal_cmd_audit (int argc, char **argv)
{
  return penal_cli_caseload_main (&help, &raw, argc, argv, check_report,
                                  check_rows);
}
