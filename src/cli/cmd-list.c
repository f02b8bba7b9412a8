/* cmd-list.c: penal list: every statute, enhancement, program and penalty
 * table, with its versions and the dates each was in force. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *format_name;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
          N_ ("Write the list as text (the default) or json"), N_ ("FORMAT") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "list",
  NULL,
  N_ ("Every statute and penalty table, with its versions, the dates each was "
      "in force, and the basis of what penal holds."),
  N_ ("Standing says how sure each figure is: statute text, secondary "
      "source, inference or open. An uncertain boundary between two versions "
      "is shown as the window in which it falls."),
  N_ ("text (default), json"),
  "  penal list\n"
  "  penal list --format=json\n",
  FALSE,
  entries,
};

PenalExit
penal_cmd_list (int argc, char **argv)
{
  static const char *const formats[] = { "text", "json", NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  int format;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!penal_cli_format (format_name, formats, &format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      return penal_cli_usage (
          _ ("--format: unknown format “%s”; use text or json"), shown);
    }
  if (argc > 1)
    {
      g_autofree char *shown = penal_quote_untrusted (argv[1]);
      return penal_cli_usage (
          _ ("list takes no arguments, but was given “%s” (try penal show %s)"),
          shown, shown);
    }
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  answer = penal_list_report (model, format);
  return penal_cli_write (answer);
}
