/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-list.c: penal list: every statute, enhancement, program and penalty
 * table, with its versions and the dates each was in force. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static const PenalCommandHelp help = {
  "list",
  NULL,
  N_ ("Every statute and penalty table, with its versions, the dates each was "
      "in force, and the basis of what penal holds."),
  N_ ("Standing says how sure each figure is: statute text, secondary "
      "source, inference or open. An uncertain boundary between two versions "
      "is shown as the window in which it falls."),
  N_ ("text (default), json"),
  N_ ("Write the list as text (the default) or json"),
  "  penal list\n"
  "  penal list --format=json\n",
  0,
  NULL,
};

static gboolean
check_no_arguments (int argc, char **argv, GError **error)
{
  g_autofree char *shown = NULL;

  if (argc < 2)
    return TRUE;
  shown = penal_quote_untrusted (argv[1]);
  penal_cli_set_usage (
      error,
      _ ("list takes no arguments, but was given “%s” (try penal show %s)"),
      shown, shown);
  return FALSE;
}

static char *
list (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  return penal_list_report (model, format);
}

PenalExit
penal_cmd_list (int argc, char **argv)
{
  return penal_cli_run (&help, argc, argv, check_no_arguments, list);
}
