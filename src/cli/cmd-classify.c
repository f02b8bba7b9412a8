/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-classify.c: penal classify FACT=VALUE…: the answer for one case.
 *
 * The facts are parsed and checked against the loaded statutes, the case is
 * evaluated on its offense date (today when not given), and the one answer
 * is written as text or JSON. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static const PenalCommandHelp help = {
  "classify",
  N_ ("FACT=VALUE…"),
  N_ ("The class, term, fine, diversion and citations for one case."),
  N_ ("Each part of the answer cites the statute subsection and version that "
      "decided it. A fact the answer depends on that is not given makes the "
      "answer needs-facts, with what each range of its values leads to; "
      "offense_date defaults to today."),
  N_ ("text (default), json"),
  N_ ("Write the answer as text (the default) or json"),
  "  penal classify offense=patronizing victim_age=14 offense_date=2016-06-01\n"
  "  penal classify --format=json offense=prostitution knew_hiv=yes\n"
  "  penal classify --statutes ./my-statutes offense=patronizing "
  "victim_age=30\n",
  PENAL_COMMAND_LISTS_FACTS,
  NULL,
};

static char *
classify (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  g_autoptr (PenalFacts) facts = penal_facts_new (model);

  for (int i = 1; i < argc; i++)
    if (!penal_facts_parse_assignment (facts, argv[i], error))
      return NULL;
  return penal_classify (model, facts, format, error);
}

PenalExit
penal_cmd_classify (int argc, char **argv)
{
  return penal_cli_run (&help, argc, argv, NULL, classify);
}
