/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-export.c: penal export --format=dmn OFFENSE: one offense's rule table,
 * as in force on --date, as a DMN decision table for other tools. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *date_text;
static char *dmn_version_name;

static const GOptionEntry entries[]
    = { PENAL_CLI_DATE_OPTION (date_text),
        { "dmn-version", 0, 0, G_OPTION_ARG_STRING, &dmn_version_name,
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
  FALSE,
  entries,
};

PenalExit
penal_cmd_export (int argc, char **argv)
{
  static const char *const formats[] = { "dmn", NULL };
  static const char *const dmn_versions[] = { "1.3", "1.1", NULL };
  g_autoptr (PenalModel) model = NULL;
  const char *format_name;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  int format, dmn_version;
  gint64 date;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  format_name = penal_cli_format_name ();
  if (format_name == NULL || !penal_cli_format (format_name, formats, &format))
    return penal_cli_usage ("%s", _ ("export: give --format=dmn"));
  if (!penal_cli_format (dmn_version_name, dmn_versions, &dmn_version))
    return penal_cli_usage ("%s", _ ("--dmn-version: give 1.3 or 1.1"));
  date = penal_cli_date_or_today ("--date", date_text, &error);
  if (date < 0)
    return penal_cli_fail (error);
  if (argc != 2)
    return penal_cli_usage ("%s", _ ("export: name one offense, for example: "
                                     "penal export --format=dmn patronizing"));
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  answer = penal_export_dmn (model, argv[1], date, dmn_version, &error);
  return penal_cli_finish (answer, error);
}
