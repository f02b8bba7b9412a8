/* cmd-classify.c: penal classify FACT=VALUE…: the answer for one case.
 *
 * The facts are parsed and checked against the loaded statutes, the case is
 * evaluated on its offense date (today when not given), and the one answer
 * is written as text or JSON. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *format_name;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
          N_ ("Write the answer as text (the default) or json"),
          N_ ("FORMAT") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "classify",
  N_ ("FACT=VALUE…"),
  N_ ("The class, term, fine, diversion and citations for one case."),
  N_ ("Each part of the answer cites the statute subsection and version that "
      "decided it. A fact the answer depends on that is not given makes the "
      "answer needs-facts, with what each range of its values leads to; "
      "offense_date defaults to today."),
  N_ ("text (default), json"),
  "  penal classify offense=patronizing victim_age=14 offense_date=2016-06-01\n"
  "  penal classify --format=json offense=prostitution knew_hiv=yes\n"
  "  penal classify --statutes ./my-statutes offense=patronizing "
  "victim_age=30\n",
  TRUE,
  entries,
};

PenalExit
penal_cmd_classify (int argc, char **argv)
{
  static const char *const formats[] = { "text", "json", NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalFacts) facts = NULL;
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
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  facts = penal_facts_new (model);
  for (int i = 1; i < argc; i++)
    if (!penal_facts_parse_assignment (facts, argv[i], &error))
      return penal_cli_fail (error);
  answer = penal_classify (model, facts, format, &error);
  return penal_cli_finish (answer, error);
}
