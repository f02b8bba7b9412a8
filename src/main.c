/* main.c: the penal command line: options, dispatch and exit codes.  All
 * the work is done by libpenal. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "penal-exit.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-screen.h"
#include "penal-verify.h"

#include <unistd.h>

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
} OutputFormat;

typedef struct
{
  char         *statutes;
  char         *format_name;
  OutputFormat  format;
  char         *lang;
  gboolean      version;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->statutes, g_free);
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->lang, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Messages are UTF-8 and are written as they are, like the answer on
 * standard output: g_printerr would turn every non-ASCII character into "?"
 * in the C locale. */
static void
print_error (const char *message)
{
  fprintf (stderr, "penal: %s\n", message);
}

static PenalExit
exit_for_model_error (const GError *error)
{
  if (g_error_matches (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_NOT_FOUND))
    return PENAL_EXIT_NOINPUT;
  if (g_error_matches (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_IO))
    return PENAL_EXIT_NOINPUT;
  if (g_error_matches (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_FAILED))
    return PENAL_EXIT_SOFTWARE;
  return PENAL_EXIT_DATAERR;
}

static PenalModel *
load_model (const Options *options,
            PenalExit     *out_exit)
{
  g_autoptr (GError) error = NULL;
  PenalModel *model;

  if (options->statutes == NULL)
    model = penal_model_load_bundled (&error);
  else if (g_file_test (options->statutes, G_FILE_TEST_IS_DIR))
    model = penal_model_load_directory (options->statutes, &error);
  else
    {
      const char *paths[] = { options->statutes, NULL };
      model = penal_model_load_files (paths, &error);
    }
  if (model == NULL)
    {
      print_error (error->message);
      *out_exit = exit_for_model_error (error);
    }
  return model;
}

static gboolean
write_stdout (const char *text)
{
  gsize length = strlen (text);

  return fwrite (text, 1, length, stdout) == length && fflush (stdout) == 0;
}

/* Writes the whole answer, or says it could not. */
static PenalExit
write_answer (const char *answer)
{
  if (!write_stdout (answer))
    {
      print_error (_("cannot write the answer to standard output"));
      return PENAL_EXIT_IOERR;
    }
  return PENAL_EXIT_OK;
}

static PenalExit
run_classify (const Options *options,
              int            argc,
              char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalFacts) facts = NULL;
  g_autoptr (PenalOutcome) outcome = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status = PENAL_EXIT_OK;
  gint64 offense_date;

  model = load_model (options, &status);
  if (model == NULL)
    return status;

  facts = penal_facts_new (model);
  for (int i = 0; i < argc; i++)
    if (!penal_facts_parse_assignment (facts, argv[i], &error))
      {
        print_error (error->message);
        return PENAL_EXIT_USAGE;
      }
  if (!penal_facts_check_applicable (facts, &error))
    {
      print_error (error->message);
      return PENAL_EXIT_USAGE;
    }
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &offense_date))
    offense_date = penal_date_today ();

  outcome = penal_evaluate (model, facts, offense_date, &error);
  if (outcome == NULL)
    {
      print_error (error->message);
      return PENAL_EXIT_USAGE;
    }

  if (options->format == FORMAT_JSON)
    {
      g_autofree char *json = penal_render_json_string (model, outcome, TRUE);
      answer = g_strconcat (json, "\n", NULL);
    }
  else
    answer = penal_render_text (model, outcome);

  return write_answer (answer);
}

static PenalExit
run_screen (const Options *options,
            int            argc,
            char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalScreen) screen = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalExit status = PENAL_EXIT_OK;

  model = load_model (options, &status);
  if (model == NULL)
    return status;

  screen = penal_screen_new (model);
  for (int i = 0; i < argc; i++)
    if (!penal_screen_prefill (screen, argv[i], &error))
      {
        print_error (error->message);
        return PENAL_EXIT_USAGE;
      }

  /* Questions go to standard error, so standard output carries the result
   * only, whether answers come from a person or from a pipe. */
  penal_screen_interview (screen, stdin, stderr, isatty (STDIN_FILENO) && isatty (STDERR_FILENO));

  if (options->format == FORMAT_JSON)
    {
      g_autofree char *json = penal_screen_result_json (screen, &error);
      answer = json != NULL ? g_strconcat (json, "\n", NULL) : NULL;
    }
  else
    answer = penal_screen_result_text (screen, &error);
  if (answer == NULL)
    {
      print_error (error->message);
      return PENAL_EXIT_USAGE;
    }
  return write_answer (answer);
}

/* Loads the statutes (the bundled ones, --statutes, or the files named),
 * which proves them sound, and reports what was proved and how long it
 * took. */
static PenalExit
run_verify (const Options *options,
            int            argc,
            char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  PenalVerifyCounts counts;
  PenalExit status = PENAL_EXIT_OK;
  gint64 start;
  double milliseconds;

  if (argc > 0 && options->statutes != NULL)
    {
      print_error (_("verify: give statute files or --statutes, not both"));
      return PENAL_EXIT_USAGE;
    }
  for (int i = 0; i < argc; i++)
    if (strchr (argv[i], '=') != NULL && !g_file_test (argv[i], G_FILE_TEST_EXISTS))
      {
        g_autofree char *message = g_strdup_printf (_("verify takes statute files, not facts: “%s”"), argv[i]);
        print_error (message);
        return PENAL_EXIT_USAGE;
      }

  start = g_get_monotonic_time ();
  if (argc > 0)
    {
      model = penal_model_load_files ((const char * const *) argv, &error);
      if (model == NULL)
        {
          print_error (error->message);
          return exit_for_model_error (error);
        }
    }
  else
    {
      model = load_model (options, &status);
      if (model == NULL)
        return status;
    }
  milliseconds = (double) (g_get_monotonic_time () - start) / 1000.0;
  penal_verify_count (model, &counts);

  if (options->format == FORMAT_JSON)
    {
      g_autoptr (JsonNode) root = penal_verify_json (&counts, milliseconds);
      g_autofree char *json = penal_json_to_string (root, TRUE);
      answer = g_strconcat (json, "\n", NULL);
    }
  else
    answer = penal_verify_text (&counts, milliseconds);
  return write_answer (answer);
}

static const char *
commands_summary (void)
{
  return _("Commands:\n"
           "  classify FACT=VALUE…   the class, term, fine, diversion and citations\n"
           "                         for one case\n"
           "  screen [FACT=VALUE…]   a guided interview: asks only the questions the\n"
           "                         answer still depends on, one at a time, then\n"
           "                         gives the result in plain words; answer ? when\n"
           "                         you don't know; questions go to standard error,\n"
           "                         so answers can be piped in, one per line\n"
           "  verify [FILE…]         prove the statutes sound: every case gets exactly\n"
           "                         one answer, no rule is unreachable, versions\n"
           "                         leave no gap, every reference resolves, declared\n"
           "                         severity orders hold (the bundled statutes, or\n"
           "                         --statutes, or the FILEs given)\n"
           "\n"
           "Facts (classify: offense_date defaults to today):\n"
           "  offense=prostitution|patronizing   offense_date=YYYY-MM-DD\n"
           "  victim_age=N   knew_hiv=yes|no   prior_prostitution_offenses=N\n"
           "  defendant_age=N\n"
           "\n"
           "Examples:\n"
           "  penal classify offense=patronizing victim_age=14 offense_date=2016-06-01\n"
           "  penal classify --format=json offense=prostitution knew_hiv=yes\n"
           "  penal classify --statutes ./my-statutes offense=patronizing victim_age=30\n"
           "  penal screen\n"
           "  penal screen --lang=es offense=patronizing\n"
           "  printf '2024-05-01\\n30\\n0\\n' | penal screen offense=patronizing\n"
           "  penal verify --statutes ./my-statutes\n"
           "\n"
           "Exit status: 0 an answer was given (decided, needs-facts or ambiguous);\n"
           "64 bad command line or fact; 65 bad statute file; 66 statute file missing;\n"
           "70 internal error; 74 output error.");
}

/* --lang must act before any message is translated, including --help, so
 * it is picked out of the arguments before the options are parsed.  It
 * works through LANGUAGE, which gettext honours only when the locale is not
 * "C".  When the C locale is merely the default (no locale variable set), a
 * reader who asks for a language with --lang or LANGUAGE gets it: the locale
 * becomes C.UTF-8, which every Debian system has.  An explicit LC_ALL=C
 * still means untranslated output, unless --lang says otherwise. */
static void
setup_language (int    argc,
                char **argv)
{
  const char *lang = NULL;
  const char *messages;
  const char *language;
  const char *lc_all = g_getenv ("LC_ALL");
  gboolean explicit_c;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
      else if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        lang = argv[i + 1];
    }
  if (lang != NULL && lang[0] != '\0')
    g_setenv ("LANGUAGE", lang, TRUE);

  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  language = g_getenv ("LANGUAGE");
  explicit_c = lc_all != NULL && (g_str_equal (lc_all, "C") || g_str_equal (lc_all, "POSIX"));
  if (language != NULL && language[0] != '\0'
      && (lang != NULL || !explicit_c)
      && (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_ALL, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  g_auto (Options) options = { NULL, NULL, FORMAT_TEXT, NULL, FALSE };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "statutes", 's', 0, G_OPTION_ARG_FILENAME, &options.statutes,
      N_("Read statutes from DIR (every *.xml in it) or one FILE instead of the bundled ones"),
      N_("DIR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format_name,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      N_("Answer in LANG (for example es or en) instead of the locale's language"),
      N_("LANG") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the program version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  PenalExit status;

  setup_language (argc, argv);
  /* PENAL_LOCALEDIR lets the tests use catalogs built in the source tree
   * before anything is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PENAL_LOCALEDIR") != NULL
                                   ? g_getenv ("PENAL_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [FACT=VALUE…]"));
  g_option_context_set_summary (context,
                                _("Classify a charge under the bundled statutes: the class, the authorized\n"
                                  "imprisonment and fine, and whether diversion is open, each cited to the\n"
                                  "statute subsection and version that decided it."));
  g_option_context_set_description (context, commands_summary ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s (try penal --help)"), error->message);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  argc = (int) g_strv_length (args);

  if (options.version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return PENAL_EXIT_OK;
    }

  if (options.format_name == NULL || g_str_equal (options.format_name, "text"))
    options.format = FORMAT_TEXT;
  else if (g_str_equal (options.format_name, "json"))
    options.format = FORMAT_JSON;
  else
    {
      g_autofree char *message = g_strdup_printf (_("--format: unknown format “%s”; use text or json"),
                                                  options.format_name);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fputs (help, stderr);
      return PENAL_EXIT_USAGE;
    }

  if (g_str_equal (args[1], "classify"))
    status = run_classify (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "screen"))
    status = run_screen (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "verify"))
    status = run_verify (&options, argc - 2, args + 2);
  else
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s” (try penal --help)"),
                                                  args[1]);
      print_error (message);
      status = PENAL_EXIT_USAGE;
    }

  return status;
}
