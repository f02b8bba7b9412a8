/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-lookup.c: penal lookup CODE [offense_date=YYYY-MM-DD]: any Missouri
 * charge code, its class on the date and the penalty range that class
 * carries; --search WORDS lists the codes whose description holds them. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli.h"

static char *search;

static const GOptionEntry entries[]
    = { { "search", 0, 0, G_OPTION_ARG_STRING, &search,
          N_ ("List the codes whose description holds every one of WORDS, "
              "with their periods"),
          N_ ("WORDS") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "lookup",
  N_ ("CODE [offense_date=YYYY-MM-DD]"),
  N_ ("A Missouri charge code's class on the offense date, and the "
      "imprisonment and fine that class carries, with their citations."),
  N_ ("CODE is a Highway Patrol charge code, with or without its modifier "
      "digits (567.030-003Y201840, 567.030-003Y20184005.0), a family "
      "(567.030-003: the code in force on the date), a legacy five-digit "
      "code (21027), or a statute (567.030: its codes in force on the date). "
      "The date defaults to today. An unclassified code's penalty is set by "
      "its statute, and an ordinance's by its city: penal says so and gives "
      "none. The table is the edition bundled with penal, or the one "
      "--charge-codes names."),
  N_ ("text (default), json"),
  N_ ("Write the answer as text (the default) or json"),
  "  penal lookup 567.030-003Y201840 offense_date=2019-05-01\n"
  "  penal lookup 21027 offense_date=2010-01-01\n"
  "  penal lookup 570.030-014 --format=json\n"
  "  penal lookup --search 'patronizing prostitution'\n",
  0,
  entries,
};

static const char *code;
static gint64 date = -1;

/* The charge code and offense_date among the arguments, once each. */
static gboolean
read_arguments (int argc, char **argv, GError **error)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "offense_date="))
        {
          const char *text = argv[i] + strlen ("offense_date=");

          if (date >= 0)
            {
              penal_cli_set_usage (error, "%s",
                                   _ ("lookup: offense_date is given twice"));
              return FALSE;
            }
          date = penal_cli_date_or_today ("offense_date", text, error);
          if (date < 0)
            return FALSE;
        }
      else if (strchr (argv[i], '=') != NULL)
        {
          g_autofree char *shown = penal_quote_untrusted (argv[i]);

          penal_cli_set_usage (
              error,
              _ ("lookup takes a charge code and offense_date, not “%s”; for "
                 "the facts of a case use penal classify"),
              shown);
          return FALSE;
        }
      else if (code != NULL)
        {
          penal_cli_set_usage (
              error, "%s",
              _ ("lookup: give one charge code, for example: penal lookup "
                 "567.030-003Y201840"));
          return FALSE;
        }
      else
        code = argv[i];
    }
  if ((code == NULL) == (search == NULL))
    {
      penal_cli_set_usage (
          error, "%s", _ ("lookup: give one charge code, or --search WORDS"));
      return FALSE;
    }
  if (date < 0)
    date = penal_date_today ();
  return TRUE;
}

static char *
lookup (PenalModel *model, int argc, char **argv, int format, GError **error)
{
  if (search != NULL)
    return penal_lookup_search_report (model, search, format, error);
  return penal_lookup_report (model, code, date, format, error);
}

PenalExit
penal_cmd_lookup (int argc, char **argv)
{
  return penal_cli_run (&help, argc, argv, read_arguments, lookup);
}
