/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-verify.c: penal verify [FILE…]: load the statutes, which proves them
 * sound, and report what was proved and how long it took. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli.h"

static const PenalCommandHelp help = {
  "verify",
  N_ ("[FILE…]"),
  N_ ("Prove the statutes sound and report what was proved."),
  N_ ("Every case gets exactly one answer, no rule is unreachable, versions "
      "leave no gap, every reference resolves, and declared severity orders "
      "hold: for the bundled statutes, those --statutes names, or the FILEs "
      "given. The same proofs run on every load, so no answer is ever given "
      "from an unsound table."),
  N_ ("text (default), json"),
  N_ ("Write the report as text (the default) or json"),
  "  penal verify\n"
  "  penal verify --statutes ./my-statutes\n"
  "  penal verify --format=json statutes/mo-567-030.xml statutes/facts.xml\n",
  0,
  NULL,
};

PenalExit
penal_cmd_verify (int argc, char **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status;
  gint64 start;
  int format;

  if (!penal_cli_parse_text_or_json (&help, &argc, &argv, &format, &status))
    return status;
  if (argc > 1 && penal_cli_statutes () != NULL)
    return penal_cli_usage (
        "%s", _ ("verify: give statute files or --statutes, not both"));
  for (int i = 1; i < argc; i++)
    if (strchr (argv[i], '=') != NULL
        && !g_file_test (argv[i], G_FILE_TEST_EXISTS))
      {
        g_autofree char *shown = penal_quote_untrusted (argv[i]);

        return penal_cli_usage (
            _ ("verify takes statute files, not facts: “%s”"), shown);
      }

  start = g_get_monotonic_time ();
  if (argc > 1)
    model = penal_model_load_files ((const char *const *)argv + 1, &error);
  else
    model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  answer = penal_verify_report (
      model, (double)(g_get_monotonic_time () - start) / 1000.0, format);
  return penal_cli_write (answer);
}
