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
  g_autoptr (PenalOutcome) outcome = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  gint64 offense_date;
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
  if (!penal_cli_read_facts (facts, argc, argv, &error))
    return penal_cli_fail (error);
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &offense_date))
    offense_date = penal_date_today ();
  outcome = penal_evaluate (model, facts, offense_date, &error);
  if (outcome == NULL)
    return penal_cli_fail (error);
  if (format == PENAL_FORMAT_JSON)
    {
      g_autofree char *json = penal_render_json_string (model, outcome, TRUE);
      answer = g_strconcat (json, "\n", NULL);
    }
  else
    answer = penal_render_text (model, outcome);
  return penal_cli_write (answer);
}
