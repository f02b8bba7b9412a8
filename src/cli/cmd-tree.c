/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-tree.c: penal tree STATUTE: the decision tree in force on --date. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

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
  PENAL_COMMAND_TAKES_DATE,
  NULL,
};

static char *
tree (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  static const PenalFormat as_format[]
      = { PENAL_FORMAT_TEXT, PENAL_FORMAT_DOT, PENAL_FORMAT_JSON };

  if (!penal_cli_name_one ("tree", argc, error))
    return NULL;
  return penal_tree_report (model, argv[1], penal_cli_date (),
                            as_format[format], error);
}

/* Text, DOT or JSON: not the text or JSON of penal_cli_run(). */
PenalExit
penal_cmd_tree (int argc, char **argv)
{
  static const char *const formats[] = { "text", "dot", "json", NULL };
  g_autofree char *shown = NULL;
  PenalExit status;
  int format;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (penal_cli_format (penal_cli_format_name (), formats, &format))
    return penal_cli_answer (argc, argv, format, penal_cli_check_date, tree);
  shown = penal_quote_untrusted (penal_cli_format_name ());
  return penal_cli_usage (
      _ ("--format: unknown format “%s” for tree; use text, dot or json"),
      shown);
}
