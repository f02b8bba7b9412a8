/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-show.c: penal show STATUTE: one statute as in force on --date. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static const PenalCommandHelp help = {
  "show",
  N_ ("STATUTE"),
  N_ ("One statute as in force on --date: its title, its text (English only), "
      "its subsections and the outcome each gives, sources and open "
      "questions."),
  N_ ("STATUTE is a statute number (567.030, or RSMo 567.030), an offense, "
      "enhancement or program name (patronizing, kc-oar), or a penalty "
      "statute (558.011)."),
  N_ ("text (default), json"),
  N_ ("Write the statute as text (the default) or json"),
  "  penal show 567.030 --date=2016-06-01\n"
  "  penal show kc-oar\n"
  "  penal show 558.011 --format=json\n",
  PENAL_COMMAND_TAKES_DATE,
  NULL,
};

static char *
show (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  if (!penal_cli_name_one ("show", argc, error))
    return NULL;
  return penal_show_report (model, argv[1], penal_cli_date (), format, error);
}

PenalExit
penal_cmd_show (int argc, char **argv)
{
  return penal_cli_run (&help, argc, argv, penal_cli_check_date, show);
}
