/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-tree.c: penal tree STATUTE: the decision tree in force on --date. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *date_text;

static const GOptionEntry entries[]
    = { PENAL_CLI_DATE_OPTION (date_text), G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "tree",
  N_ ("STATUTE"),
  N_ ("The decision tree in force on --date, as an indented tree, as Graphviz "
      "DOT or as JSON."),
  N_ ("Each leaf names the rule that decides every case reaching it, with its "
      "outcome and citation. Render DOT with dot -Tsvg."),
  N_ ("text (default), dot, json"),
  N_ ("Write the tree as text (the default), dot or json"),
  "  penal tree patronizing --date=2024-01-01\n"
  "  penal tree patronizing --format=dot | dot -Tsvg > 567.030.svg\n",
  FALSE,
  entries,
};

PenalExit
penal_cmd_tree (int argc, char **argv)
{
  static const char *const formats[] = { "text", "dot", "json", NULL };
  static const PenalFormat as_format[]
      = { PENAL_FORMAT_TEXT, PENAL_FORMAT_DOT, PENAL_FORMAT_JSON };
  g_autoptr (PenalModel) model = NULL;
  const char *format_name;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  int format;
  gint64 date;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  format_name = penal_cli_format_name ();
  if (!penal_cli_format (format_name, formats, &format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      return penal_cli_usage (
          _ ("--format: unknown format “%s” for tree; use text, dot or json"),
          shown);
    }
  date = penal_cli_date_or_today ("--date", date_text, &error);
  if (date < 0)
    return penal_cli_fail (error);
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  if (!penal_cli_name_one ("tree", argc, &error))
    return penal_cli_fail (error);
  answer = penal_tree_report (model, argv[1], date, as_format[format], &error);
  return penal_cli_finish (answer, error);
}
