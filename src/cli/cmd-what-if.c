/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-what-if.c: penal what-if FACT=VALUE… --vary FACT: how the outcome
 * moves as one fact moves across its domain. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *vary;

static const GOptionEntry entries[]
    = { { "vary", 0, 0, G_OPTION_ARG_STRING, &vary,
          N_ ("The fact that moves across its domain, for example victim_age "
              "or offense_date"),
          N_ ("FACT") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "what-if",
  N_ ("FACT=VALUE… --vary FACT"),
  N_ ("How the outcome moves as the fact named by --vary moves across its "
      "domain, as ranges, with the class and maximum term of each."),
  N_ ("The other facts stay as given. Varying offense_date walks through the "
      "versions of the statute and its penalty tables; each range also says "
      "whether an enhancement may be charged and whether diversion is open."),
  N_ ("text (default), json"),
  N_ ("Write the outcomes as text (the default) or json"),
  "  penal what-if offense=patronizing offense_date=2024-01-01 --vary "
  "victim_age\n"
  "  penal what-if offense=patronizing victim_age=30 --vary offense_date\n",
  PENAL_COMMAND_LISTS_FACTS,
  entries,
};

static gboolean
check_vary (int argc, char **argv, GError **error)
{
  if (vary != NULL)
    return TRUE;
  penal_cli_set_usage (
      error, "%s",
      _ ("what-if: say which fact to vary, for example: penal what-if "
         "offense=patronizing --vary victim_age"));
  return FALSE;
}

static char *
what_if (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  g_autoptr (PenalFacts) facts = penal_facts_new (model);

  if (!penal_what_if_check_vary (model, vary, error)
      || !penal_cli_read_facts (facts, argc, argv, error))
    return NULL;
  return penal_what_if_report (model, facts, vary, format, error);
}

PenalExit
penal_cmd_what_if (int argc, char **argv)
{
  return penal_cli_run (&help, argc, argv, check_vary, what_if);
}
