/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-diff.c: penal diff OFFENSE --from DATE --to DATE: what changed for an
 * offense between two dates. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *from_text;
static char *to_text;

static const GOptionEntry entries[]
    = { { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
          N_ ("The earlier date compared (YYYY-MM-DD)"), N_ ("DATE") },
        { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
          N_ ("The later date compared (YYYY-MM-DD)"), N_ ("DATE") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "diff",
  N_ ("OFFENSE | --charge-codes OLD NEW"),
  N_ ("What changed between --from and --to: for each range of the facts, the "
      "class, term and fine before and after, with both citations."),
  N_ ("Says plainly when nothing changed, and flags a window in which the "
      "version in force is not established. With --charge-codes OLD NEW it "
      "compares two editions of the Highway Patrol's charge-code table "
      "instead: the codes added, dropped, retired, reclassified or "
      "redated."),
  N_ ("text (default), json"),
  N_ ("Write the changes as text (the default) or json"),
  "  penal diff patronizing --from 2016-12-31 --to 2025-01-01\n"
  "  penal diff --charge-codes mshp-2021-08-05.tsv mshp-2022-08-05.tsv\n",
  0,
  entries,
};

static gint64 from, to;

/* Both dates, each a calendar date. */
static gboolean
check_dates (int argc, char **argv, GError **error)
{
  if (from_text == NULL || to_text == NULL)
    {
      penal_cli_set_usage (
          error, "%s",
          _ ("diff: give both dates, for example: penal diff patronizing "
             "--from 2016-12-31 --to 2025-01-01"));
      return FALSE;
    }
  return (from = penal_cli_date_or_today ("--from", from_text, error)) >= 0
         && (to = penal_cli_date_or_today ("--to", to_text, error)) >= 0;
}

static char *
diff (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  if (!penal_cli_name_one ("diff", argc, error))
    return NULL;
  return penal_diff_report (model, argv[1], from, to, format, error);
}

/* penal diff --charge-codes OLD NEW: two editions of the table, OLD taken
 * by the global option and NEW as the one argument; no statute is read. */
static PenalExit
diff_editions (int argc, char **argv, int format)
{
  g_autoptr (PenalCharges) older = NULL;
  g_autoptr (PenalCharges) newer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;

  if (argc != 2 || from_text != NULL || to_text != NULL)
    return penal_cli_usage (
        "%s", _ ("diff: to compare two editions of the charge-code table, "
                 "give penal diff --charge-codes OLD NEW"));
  older = penal_charges_load (penal_cli_charge_codes (), &error);
  if (older == NULL)
    return penal_cli_fail (error);
  newer = penal_charges_load (argv[1], &error);
  if (newer == NULL)
    return penal_cli_fail (error);
  answer = penal_charges_diff_report (older, newer, format);
  return penal_cli_finish (answer, NULL);
}

PenalExit
penal_cmd_diff (int argc, char **argv)
{
  PenalExit status;
  int format;

  if (!penal_cli_parse_text_or_json (&help, &argc, &argv, &format, &status))
    return status;
  if (penal_cli_charge_codes () != NULL)
    return diff_editions (argc, argv, format);
  return penal_cli_answer (argc, argv, format, check_dates, diff);
}
