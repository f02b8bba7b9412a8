/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-audit.c: penal audit [FILE | -]: check a caseload of recorded
 * charges against the law on each offense date, one output row per input
 * row, in order, as a stream; a summary on standard error and, with
 * --report, a one-page HTML report. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static PenalCliCaseload raw;
static char *report_name;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &raw.format_name,
          N_ ("Write csv (the default) or jsonl"), N_ ("FORMAT") },
        { "input-format", 0, 0, G_OPTION_ARG_STRING, &raw.input_format_name,
          N_ ("Read csv (the default) or jsonl"), N_ ("FORMAT") },
        { "keep", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &raw.keep_lists,
          N_ ("Copy these input columns (a case id, say) to the front of "
              "every output row"),
          N_ ("COLUMN[,COLUMN…]") },
        { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report_name,
          N_ ("Also write a one-page HTML report of the findings, grouped by "
              "kind, to FILE"),
          N_ ("FILE") },
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
        { "bom", 0, 0, G_OPTION_ARG_NONE, &raw.bom,
          N_ ("Begin CSV output with a byte-order mark, so that Excel reads "
              "it as UTF-8"),
          NULL },
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
  "  penal audit charges.csv > findings.csv\n"
  "  penal audit --keep=case_id --report=audit.html charges.csv > "
  "findings.csv\n"
  "  penal audit --date-order=mdy --keep='Case No' --bom excel.csv > "
  "findings.csv\n"
  "  penal audit --input-format=jsonl --format=jsonl - < charges.jsonl\n",
  TRUE,
  entries,
};

/* The summary, a line at a time, then what the exit status says. */
static PenalExit
report_counts (const PenalAuditCounts *counts)
{
  g_autofree char *summary = penal_audit_summary (counts);

  penal_cli_print_summary (summary);
  if (counts->errors > 0)
    {
      g_autofree char *errors
          = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->errors);
      g_autofree char *rows
          = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->rows);
      g_autofree char *message = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "%s of %s row could not be checked; "
                       "see the rows with finding error",
                       "%s of %s rows could not be checked; "
                       "see the rows with finding error",
                       (gulong)MIN (counts->rows, G_MAXULONG)),
          errors, rows);

      penal_cli_print_error (message);
      return PENAL_EXIT_DATAERR;
    }
  return counts->attention > 0 ? PENAL_EXIT_FINDINGS : PENAL_EXIT_OK;
}

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

PenalExit
penal_cmd_audit (int argc, char **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  PenalAuditOptions options;
  PenalAuditCounts counts;
  PenalExit status, wrote;
  g_autofree char *name = NULL;
  FILE *in;
  gboolean ok;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!penal_cli_caseload_options (&raw, "audit", &options, keep, &status))
    return status;
  if (report_name != NULL
      && (report_name[0] == '\0' || g_str_equal (report_name, "-")))
    return penal_cli_usage (
        "%s", _ ("--report: give a file name; standard output holds the "
                 "rows"));
  if (!penal_cli_open_caseload ("audit", argc, argv, &in, &name, &model,
                                &status))
    return status;
  ok = penal_audit_run (model, &options, in, name, stdout, &counts, &error);
  penal_cli_close_caseload (in);
  if (!ok)
    {
      penal_audit_counts_clear (&counts);
      return penal_cli_fail (error);
    }
  status = report_counts (&counts);
  wrote = report_name != NULL ? write_report (&counts, name) : PENAL_EXIT_OK;
  penal_audit_counts_clear (&counts);
  return wrote != PENAL_EXIT_OK ? wrote : status;
}
