/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c: option parsing, help, the checked writer and exit codes, shared
 * by every command of the penal command line.
 *
 * The global options live here, in one place, and are added to every
 * command's own GOptionEntry[], so `penal --lang=es classify` and `penal
 * classify --lang=es` mean the same.  GOption's own --help is turned off:
 * help is written by penal_cli_write(), like every answer, so a failed
 * write is an error (74), and the options are checked by name first, so an
 * option that belongs to another command is refused (64) with a word on
 * what to do instead. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

G_DEFINE_QUARK (penal - cli - error - quark, penal_cli_error)

/* The year --version names in the copyright line: the year of the latest
 * release, changed by hand when one is made in a new year. */
#define PENAL_COPYRIGHT_YEAR 2026

typedef struct
{
  char *statutes;
  char *charge_codes;
  char *lang;
  gboolean version;
  gboolean help;
} GlobalOptions;

static GlobalOptions globals;

/* --format, every command's first option but serve's; its description
 * is the command's, from its PenalCommandHelp. */
static char *format_name;

static const GOptionEntry format_entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, NULL,
          N_ ("FORMAT") },
        G_OPTION_ENTRY_NULL };

/* --date, the version in force, for the commands that take it, and the
 * day it names once penal_cli_check_date() has read it. */
static char *date_text;
static gint64 date_day = -1;

static const GOptionEntry date_entries[]
    = { { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
          N_ ("The version in force on DATE (YYYY-MM-DD; default today)"),
          N_ ("DATE") },
        G_OPTION_ENTRY_NULL };

static const GOptionEntry global_entries[]
    = { { "statutes", 's', 0, G_OPTION_ARG_FILENAME, &globals.statutes,
          N_ ("Read statutes from DIR (every *.xml in it) or one FILE instead "
              "of the bundled ones"),
          N_ ("DIR") },
        { "charge-codes", 0, 0, G_OPTION_ARG_FILENAME, &globals.charge_codes,
          N_ ("Look charge codes up in FILE, a Highway Patrol table converted "
              "by tools/mshp-charge-codes, instead of the bundled edition"),
          N_ ("FILE") },
        { "lang", 0, 0, G_OPTION_ARG_STRING, &globals.lang,
          N_ ("Answer in LANG (for example es or en) instead of the locale's "
              "language"),
          N_ ("LANG") },
        { "version", 0, 0, G_OPTION_ARG_NONE, &globals.version,
          N_ ("Print the program version and exit"), NULL },
        { "help", 'h', 0, G_OPTION_ARG_NONE, &globals.help,
          N_ ("Show this help and exit"), NULL },
        G_OPTION_ENTRY_NULL };

/* Messages are UTF-8 and are written as they are, like the answer on
 * standard output: g_printerr would turn every non-ASCII character into "?"
 * in the C locale. */
void
penal_cli_print_error (const char *message)
{
  fprintf (stderr, "penal: %s\n", message);
}

/* Writes text and flushes it; on failure returns FALSE with *out_errno
 * saying why (ENOSPC on a full disk, EPIPE on a closed pipe, EBADF on a
 * closed descriptor). */
gboolean
penal_cli_write_stream (FILE *stream, const char *text, int *out_errno)
{
  gsize length = strlen (text);

  errno = 0;
  if (fwrite (text, 1, length, stream) == length && fflush (stream) == 0)
    return TRUE;
  *out_errno = errno != 0 ? errno : EIO;
  return FALSE;
}

/* Writes the whole answer, or says it could not, and why. */
PenalExit
penal_cli_write (const char *text)
{
  int saved = 0;

  if (!penal_cli_write_stream (stdout, text, &saved))
    {
      /* TRANSLATORS: %s says why, e.g. "No space left on device". */
      g_autofree char *message = g_strdup_printf (
          _ ("cannot write the answer to standard output: %s"),
          g_strerror (saved));
      penal_cli_print_error (message);
      return PENAL_EXIT_IOERR;
    }
  return PENAL_EXIT_OK;
}

/* The one place an error becomes an exit code: the first row of its
 * domain that names its code, or names none (-1); an error of any other
 * domain is a bug in penal. */
PenalExit
penal_cli_exit_for_error (const GError *error)
{
  static const struct
  {
    GQuark (*domain) (void);
    gint code;
    PenalExit exit;
  } exits[] = {
    { penal_cli_error_quark, PENAL_CLI_ERROR_USAGE, PENAL_EXIT_USAGE },
    { penal_cli_error_quark, PENAL_CLI_ERROR_NOINPUT, PENAL_EXIT_NOINPUT },
    { penal_cli_error_quark, -1, PENAL_EXIT_IOERR },
    { penal_model_error_quark, PENAL_MODEL_ERROR_NOT_FOUND,
      PENAL_EXIT_NOINPUT },
    { penal_model_error_quark, PENAL_MODEL_ERROR_IO, PENAL_EXIT_NOINPUT },
    { penal_model_error_quark, PENAL_MODEL_ERROR_FAILED, PENAL_EXIT_SOFTWARE },
    { penal_model_error_quark, -1, PENAL_EXIT_DATAERR },
    { penal_batch_error_quark, PENAL_BATCH_ERROR_HEADER, PENAL_EXIT_USAGE },
    { penal_batch_error_quark, PENAL_BATCH_ERROR_ENCODING, PENAL_EXIT_DATAERR },
    { penal_batch_error_quark, -1, PENAL_EXIT_IOERR },
    { penal_query_error_quark, PENAL_QUERY_ERROR_TOO_LARGE,
      PENAL_EXIT_DATAERR },
    { penal_query_error_quark, -1, PENAL_EXIT_USAGE },
    { penal_facts_error_quark, -1, PENAL_EXIT_USAGE },
    { g_option_error_quark, -1, PENAL_EXIT_USAGE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (exits); i++)
    if (error->domain == exits[i].domain ()
        && (exits[i].code == -1 || exits[i].code == error->code))
      return exits[i].exit;
  return PENAL_EXIT_SOFTWARE;
}

PenalExit
penal_cli_fail (const GError *error)
{
  penal_cli_print_error (error->message);
  return penal_cli_exit_for_error (error);
}

/* Reports a bad command line: the message, then exit 64. */
PenalExit
penal_cli_usage (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  penal_cli_print_error (message);
  return PENAL_EXIT_USAGE;
}

/* The same as an error, for a step that reports through GError: the
 * message, then exit 64, once penal_cli_fail() is given it. */
void
penal_cli_set_usage (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error,
                     g_error_new_valist (PENAL_CLI_ERROR, PENAL_CLI_ERROR_USAGE,
                                         format, args));
  va_end (args);
}

const char *
penal_cli_statutes (void)
{
  return globals.statutes;
}

const char *
penal_cli_charge_codes (void)
{
  return globals.charge_codes;
}

/* The --format given, or NULL. */
const char *
penal_cli_format_name (void)
{
  return format_name;
}

/* Reads --date, as a command that takes it checks its arguments (a
 * PenalCommandCheck): FALSE with a usage error when it is not a calendar
 * date. */
gboolean
penal_cli_check_date (int argc, char **argv, GError **error)
{
  date_day = penal_cli_date_or_today ("--date", date_text, error);
  return date_day >= 0;
}

/* The day --date names, or today, once penal_cli_check_date() has read
 * it. */
gint64
penal_cli_date (void)
{
  return date_day;
}

/* The bundled statutes, or those --statutes names, with the charge-code
 * table --charge-codes names, or the bundled one. */
PenalModel *
penal_cli_load_model (GError **error)
{
  return penal_model_load_with_charges (globals.statutes, globals.charge_codes,
                                        error);
}

/* Reads FACT=VALUE arguments into facts, and checks that each applies. */
gboolean
penal_cli_read_facts (PenalFacts *facts, int argc, char **argv, GError **error)
{
  for (int i = 1; i < argc; i++)
    if (!penal_facts_parse_assignment (facts, argv[i], error))
      return FALSE;
  return penal_facts_check_applicable (facts, error);
}

/* Is one statute named, as a command that explores one statute needs?
 * FALSE with a usage error when none is, or several are. */
gboolean
penal_cli_name_one (const char *command, int argc, GError **error)
{
  if (argc == 2)
    return TRUE;
  penal_cli_set_usage (
      error, _ ("%s: name one statute, for example: penal %s patronizing"),
      command, command);
  return FALSE;
}

/* The end every command shares: the answer written, or the error that
 * stopped it reported. */
PenalExit
penal_cli_finish (const char *answer, const GError *error)
{
  if (answer == NULL)
    return penal_cli_fail (error);
  return penal_cli_write (answer);
}

/* Which of the accepted names was given: the first when none was. */
gboolean
penal_cli_format (const char *given, const char *const *accepted,
                  int *out_index)
{
  *out_index = 0;
  if (given == NULL)
    return TRUE;
  for (int i = 0; accepted[i] != NULL; i++)
    if (g_str_equal (given, accepted[i]))
      {
        *out_index = i;
        return TRUE;
      }
  return FALSE;
}

/* --date, --from or --to as a Julian day; today when not given; -1 with an
 * error when it is not a calendar date. */
gint64
penal_cli_date_or_today (const char *option, const char *text, GError **error)
{
  g_autofree char *shown = NULL;
  gint64 day;

  if (text == NULL)
    return penal_date_today ();
  if (penal_date_parse (text, &day))
    return day;
  shown = penal_quote_untrusted (text);
  g_set_error (
      error, PENAL_CLI_ERROR, PENAL_CLI_ERROR_USAGE,
      _ ("%s: “%s” is not valid; give a calendar date written YYYY-MM-DD"),
      option, shown);
  return -1;
}

/* ------------------------------------------------------------------ */
/* Help                                                                 */

static void
append_facts (GString *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = penal_cli_load_model (&error);

  if (model == NULL)
    {
      /* TRANSLATORS: %s says why the statutes did not load. */
      g_string_append_printf (out, _ ("The facts cannot be listed: %s"),
                              error->message);
      g_string_append (out, "\n\n");
      return;
    }
  g_string_append (out, _ ("Facts, from the statutes loaded:"));
  g_string_append_c (out, '\n');
  for (guint f = 0; f < penal_model_get_n_facts (model); f++)
    {
      g_autofree char *values = penal_model_describe_fact_values (model, f);
      g_autofree char *line = g_strdup_printf (
          "%s=%s", penal_model_get_fact_name (model, f), values);

      g_string_append_printf (out, "  %s\n      ", line);
      penal_append_wrapped (out, penal_model_get_fact_label (model, f), 6, 6,
                            78);
    }
  g_string_append_c (out, '\n');
}

static void
append_exit_status (GString *out)
{
  g_string_append (
      out, _ ("Exit status: 0 an answer was given (decided, needs-facts or "
              "ambiguous);\n"
              "64 bad command line or fact; 65 bad statute file, or (batch) "
              "some row\n"
              "could not be classified; 66 statute or input file missing;\n"
              "70 internal error; 74 output error."));
  g_string_append_c (out, '\n');
  /* TRANSLATORS: %s is the address bug reports go to. */
  g_string_append_printf (out, _ ("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static char *
command_description (const PenalCommandHelp *help)
{
  GString *out = g_string_new (NULL);

  if (help->description != NULL)
    {
      /* Paragraphs are separated by a blank line, each wrapped. */
      g_auto (GStrv) paragraphs
          = g_strsplit (_ (help->description), "\n\n", -1);

      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          penal_append_wrapped (out, paragraphs[p], 0, 0, 78);
          g_string_append_c (out, '\n');
        }
    }
  if (help->formats != NULL)
    {
      /* TRANSLATORS: %s lists the values --format takes. */
      g_autofree char *formats
          = g_strdup_printf (_ ("Formats (--format): %s."), _ (help->formats));
      penal_append_wrapped (out, formats, 0, 2, 78);
      g_string_append_c (out, '\n');
    }
  if ((help->flags & PENAL_COMMAND_LISTS_FACTS) != 0)
    append_facts (out);
  if (help->examples != NULL)
    {
      g_string_append (out, _ ("Examples:"));
      g_string_append_printf (out, "\n%s\n", help->examples);
    }
  append_exit_status (out);
  return g_string_free (out, FALSE);
}

/* The general help, as `penal help`, `penal --help` and `penal` alone give
 * it: the commands with their summaries and the global options. */
char *
penal_cli_general_help (const PenalCommand *commands, gsize n_commands)
{
  g_autoptr (GOptionContext) context = NULL;
  GString *out = g_string_new (_ ("Commands:"));

  g_string_append_c (out, '\n');
  for (gsize i = 0; i < n_commands; i++)
    {
      guint used = 2 + (guint)strlen (commands[i].name);

      g_string_append_printf (out, "  %s", commands[i].name);
      for (; used < 14; used++)
        g_string_append_c (out, ' ');
      penal_append_wrapped (out, _ (commands[i].summary), 14, 14, 78);
    }
  g_string_append_c (out, '\n');
  penal_append_wrapped (
      out,
      _ ("“penal help COMMAND” (or “penal COMMAND --help”) gives a command’s "
         "own options, formats, facts and examples."),
      0, 0, 78);
  g_string_append_c (out, '\n');
  g_string_append (out, _ ("Examples:"));
  g_string_append (out, "\n"
                        "  penal classify offense=patronizing victim_age=14 "
                        "offense_date=2016-06-01\n"
                        "  penal screen --lang=es\n"
                        "  penal help classify\n\n");
  append_exit_status (out);

  context = g_option_context_new (_ ("COMMAND [ARGUMENT…]"));
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (
      context, _ ("Classify a charge under the bundled statutes: the class, "
                  "the authorized\n"
                  "imprisonment and fine, and whether diversion is open, each "
                  "cited to the\n"
                  "statute subsection and version that decided it."));
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_description (context, out->str);
  g_string_free (out, TRUE);
  g_set_prgname ("penal");
  return g_option_context_get_help (context, TRUE, NULL);
}

/* Parses the global options alone: the command line has no command. */
gboolean
penal_cli_parse_globals (int *argc, char ***argv, gboolean *out_help,
                         PenalExit *out_exit)
{
  static const PenalCommandHelp none
      = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL };

  if (!penal_cli_parse (&none, argc, argv, out_exit))
    return FALSE;
  *out_help = globals.help;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                              */

static const GOptionEntry *
find_entry (const GOptionEntry *entries, const char *long_name, gsize length,
            char short_name)
{
  for (gsize i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    if (long_name != NULL
            ? strlen (entries[i].long_name) == length
                  && strncmp (entries[i].long_name, long_name, length) == 0
            : entries[i].short_name == short_name)
      return &entries[i];
  return NULL;
}

static const GOptionEntry *
find_option (const PenalCommandHelp *help, const char *long_name, gsize length,
             char short_name)
{
  const GOptionEntry *entry = NULL;

  if (help->format_option != NULL)
    entry = find_entry (format_entries, long_name, length, short_name);
  if (entry == NULL && (help->flags & PENAL_COMMAND_TAKES_DATE) != 0)
    entry = find_entry (date_entries, long_name, length, short_name);
  if (entry == NULL)
    entry = find_entry (help->entries, long_name, length, short_name);
  if (entry == NULL)
    entry = find_entry (global_entries, long_name, length, short_name);
  return entry;
}

/* The first option that is neither the command's nor global, or NULL. */
static char *
unknown_option (const PenalCommandHelp *help, char **args)
{
  for (guint i = 1; args[i] != NULL; i++)
    {
      const char *arg = args[i];
      const GOptionEntry *entry;

      if (g_str_equal (arg, "--"))
        return NULL;
      if (g_str_has_prefix (arg, "--"))
        {
          const char *equals = strchr (arg, '=');
          gsize length
              = equals != NULL ? (gsize)(equals - arg - 2) : strlen (arg + 2);

          entry = find_option (help, arg + 2, length, 0);
          if (entry == NULL)
            return g_strndup (arg, length + 2);
          if (entry->arg != G_OPTION_ARG_NONE && equals == NULL
              && args[i + 1] != NULL)
            i++;
          continue;
        }
      if (arg[0] != '-' || arg[1] == '\0')
        continue;
      for (const char *c = arg + 1; *c != '\0'; c++)
        {
          entry = find_option (help, NULL, 0, *c);
          if (entry == NULL)
            return g_strdup_printf ("-%c", *c);
          if (entry->arg != G_OPTION_ARG_NONE)
            {
              if (c[1] == '\0' && args[i + 1] != NULL)
                i++;
              break;
            }
        }
    }
  return NULL;
}

static PenalExit
refuse_unknown (const PenalCommandHelp *help, const char *given)
{
  g_autofree char *option = penal_escape_untrusted (given);

  /* A date is a fact of the case for the commands that take facts. */
  if ((help->flags & PENAL_COMMAND_LISTS_FACTS) != 0
      && (g_str_equal (option, "--date")
          || g_str_has_prefix (option, "--offense")))
    return penal_cli_usage (
        _ ("%s: unknown option %s; give the offense date as "
           "offense_date=YYYY-MM-DD (try penal help %s)"),
        help->name, option, help->name);
  if (help->name == NULL)
    return penal_cli_usage (_ ("unknown option %s (try penal help)"), option);
  return penal_cli_usage (_ ("%s: unknown option %s (try penal help %s)"),
                          help->name, option, help->name);
}

/* What --version prints, in the GNU form: the name and version, the
 * copyright, the licence and the absence of warranty. */
static char *
version_text (void)
{
  GString *out = g_string_new (PACKAGE_NAME " " PACKAGE_VERSION "\n");

  /* TRANSLATORS: %d is the year.  Keep "(C)" as it is: it stands for the
   * copyright sign in plain ASCII. */
  g_string_append_printf (out, _ ("Copyright (C) %d the penal authors"),
                          PENAL_COPYRIGHT_YEAR);
  g_string_append_c (out, '\n');
  /* TRANSLATORS: keep the licence's name "GNU GPL", "GPLv3+" and the
   * address as they are. */
  g_string_append (
      out, _ ("License GPLv3+: GNU GPL version 3 or later "
              "<https://gnu.org/licenses/gpl.html>.\n"
              "This is free software: you are free to change and "
              "redistribute it.\n"
              "There is NO WARRANTY, to the extent permitted by law.\n"));
  return g_string_free (out, FALSE);
}

/* Parses a command's own options and the global ones out of argv.  Returns
 * TRUE when the command should run; otherwise *out_exit says how penal
 * ends: help or the version was written, or the options were refused. */
gboolean
penal_cli_parse (const PenalCommandHelp *help, int *argc, char ***argv,
                 PenalExit *out_exit)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *unknown = unknown_option (help, *argv);
  GOptionEntry format[G_N_ELEMENTS (format_entries)];

  if (unknown != NULL)
    {
      *out_exit = refuse_unknown (help, unknown);
      return FALSE;
    }
  context = g_option_context_new (help->arguments != NULL ? _ (help->arguments)
                                                          : NULL);
  g_option_context_set_help_enabled (context, FALSE);
  memcpy (format, format_entries, sizeof format);
  format[0].description = help->format_option;
  if (help->format_option != NULL)
    g_option_context_add_main_entries (context, format, GETTEXT_PACKAGE);
  if ((help->flags & PENAL_COMMAND_TAKES_DATE) != 0)
    g_option_context_add_main_entries (context, date_entries, GETTEXT_PACKAGE);
  if (help->entries != NULL)
    g_option_context_add_main_entries (context, help->entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* GOption's messages may quote what was typed. */
      g_autofree char *message = penal_escape_untrusted (error->message);

      g_free (error->message);
      error->message = g_steal_pointer (&message);
      *out_exit
          = help->name != NULL
                ? penal_cli_usage (_ ("%s: %s (try penal help %s)"), help->name,
                                   error->message, help->name)
                : penal_cli_usage (_ ("%s (try penal help)"), error->message);
      return FALSE;
    }
  if (globals.version)
    {
      g_autofree char *text = version_text ();

      *out_exit = penal_cli_write (text);
      return FALSE;
    }
  if (globals.help && help->name != NULL)
    {
      g_autofree char *description = command_description (help);
      g_autofree char *prgname = g_strconcat ("penal ", help->name, NULL);
      g_autofree char *text = NULL;

      g_option_context_set_summary (context, _ (help->summary));
      g_option_context_set_description (context, description);
      g_set_prgname (prgname);
      text = g_option_context_get_help (context, TRUE, NULL);
      *out_exit = penal_cli_write (text);
      return FALSE;
    }
  return TRUE;
}

/* penal_cli_parse(), then the command's --format, which must be text (the
 * default) or json, as most commands write. */
gboolean
penal_cli_parse_text_or_json (const PenalCommandHelp *help, int *argc,
                              char ***argv, int *out_format,
                              PenalExit *out_exit)
{
  static const char *const formats[] = { "text", "json", NULL };
  g_autofree char *shown = NULL;

  g_return_val_if_fail (help->format_option != NULL, FALSE);
  if (!penal_cli_parse (help, argc, argv, out_exit))
    return FALSE;
  if (penal_cli_format (format_name, formats, out_format))
    return TRUE;
  shown = penal_quote_untrusted (format_name);
  *out_exit = penal_cli_usage (
      _ ("--format: unknown format “%s”; use text or json"), shown);
  return FALSE;
}

/* The rest of a command, once its command line is parsed and its
 * --format read: its arguments checked (check may be NULL), the statutes
 * loaded and the answer written, or the error that stopped it
 * reported. */
PenalExit
penal_cli_answer (int argc, char **argv, int format, PenalCommandCheck check,
                  PenalCommandAnswer answer)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (check != NULL && !check (argc, argv, &error))
    return penal_cli_fail (error);
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  text = answer (model, argc, argv, format, &error);
  return penal_cli_finish (text, error);
}

/* Runs a command the way most run: its command line parsed, --format text
 * or json, then penal_cli_answer(). */
PenalExit
penal_cli_run (const PenalCommandHelp *help, int argc, char **argv,
               PenalCommandCheck check, PenalCommandAnswer answer)
{
  PenalExit status;
  int format;

  if (!penal_cli_parse_text_or_json (help, &argc, &argv, &format, &status))
    return status;
  return penal_cli_answer (argc, argv, format, check, answer);
}
