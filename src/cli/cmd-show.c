/* cmd-show.c: penal show STATUTE: one statute as in force on --date. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"

static char *format_name;
static char *date_text;

static const GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
          N_ ("Write the statute as text (the default) or json"),
          N_ ("FORMAT") },
        { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
          N_ ("The version in force on DATE (YYYY-MM-DD; default today)"),
          N_ ("DATE") },
        G_OPTION_ENTRY_NULL };

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
  "  penal show 567.030 --date=2016-06-01\n"
  "  penal show kc-oar\n"
  "  penal show 558.011 --format=json\n",
  FALSE,
  entries,
};

PenalExit
penal_cmd_show (int argc, char **argv)
{
  static const char *const formats[] = { "text", "json", NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  int format;
  gint64 date;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (!penal_cli_format (format_name, formats, &format))
    {
      g_autofree char *shown = penal_quote_untrusted (format_name);

      return penal_cli_usage (
          _ ("--format: unknown format “%s”; use text or json"), shown);
    }
  date = penal_cli_date_or_today ("--date", date_text, &error);
  if (date < 0)
    return penal_cli_fail (error);
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  if (argc != 2)
    return penal_cli_name_one ("show");
  answer = penal_show_report (model, argv[1], date, format, &error);
  return penal_cli_finish (answer, error);
}
