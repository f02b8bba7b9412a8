/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-export.c: penal export --format=dmn OFFENSE: one offense's rule table,
 * as in force on --date, as a DMN decision table for other tools. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *dmn_version_name;

static const GOptionEntry entries[]
    = { { "dmn-version", 0, 0, G_OPTION_ARG_STRING, &dmn_version_name,
          N_ ("DMN 1.3 (default) or 1.1"), N_ ("VERSION") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "export",
  N_ ("--format=dmn OFFENSE"),
  N_ ("The offense's decision table as DMN XML, for other decision-table "
      "tools."),
  N_ ("The table is the version in force on --date, with hit policy UNIQUE; a "
      "date on which the version in force is not established is refused."),
  N_ ("dmn"),
  N_ ("The format to export: dmn (required)"),
  "  penal export --format=dmn patronizing > 567.030.dmn\n"
  "  penal export --format=dmn --date=2016-06-01 --dmn-version=1.1 "
  "patronizing\n",
  PENAL_COMMAND_TAKES_DATE,
  entries,
};

/* --date, and the one offense exported. */
static gboolean
check_arguments (int argc, char **argv, GError **error)
{
  if (!penal_cli_check_date (argc, argv, error))
    return FALSE;
  if (argc == 2)
    return TRUE;
  penal_cli_set_usage (error, "%s",
                       _ ("export: name one offense, for example: "
                          "penal export --format=dmn patronizing"));
  return FALSE;
}

/* The format is DMN; what varies is its version, 1.3 (0) or 1.1 (1). */
static char *export(PenalModel *model, int argc, char **argv, int dmn_version,
                    GError **error)
{
  return penal_export_dmn (model, argv[1], penal_cli_date (), dmn_version,
                           error);
}

PenalExit
penal_cmd_export (int argc, char **argv)
{
  static const char *const formats[] = { "dmn", NULL };
  static const char *const dmn_versions[] = { "1.3", "1.1", NULL };
  const char *format_name;
  PenalExit status;
  int format, dmn_version;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  format_name = penal_cli_format_name ();
  if (format_name == NULL || !penal_cli_format (format_name, formats, &format))
    return penal_cli_usage ("%s", _ ("export: give --format=dmn"));
  if (!penal_cli_format (dmn_version_name, dmn_versions, &dmn_version))
    return penal_cli_usage ("%s", _ ("--dmn-version: give 1.3 or 1.1"));
  return penal_cli_answer (argc, argv, dmn_version, check_arguments, export);
}
