/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the penal command line: locale, the global options, a table of
 * commands, and dispatch.  Each command is a file of its own (cmd-*.c);
 * all the work is done by libpenal. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const PenalCommand commands[] = {
  { "classify", penal_cmd_classify,
    N_ ("the class, term, fine, diversion and citations for one case") },
  { "screen", penal_cmd_screen,
    N_ ("a guided interview that asks only what the answer still depends on") },
  { "batch", penal_cmd_batch,
    N_ ("classify a caseload: one output row per CSV or JSON Lines row") },
  { "audit", penal_cmd_audit,
    N_ ("check recorded charge codes and classes against the law on each "
        "offense date") },
  { "verify", penal_cmd_verify,
    N_ ("prove the statutes sound and report what was proved") },
  { "list", penal_cmd_list,
    N_ ("every statute and penalty table, with its versions and their dates") },
  { "show", penal_cmd_show, N_ ("one statute as in force on a date") },
  { "tree", penal_cmd_tree,
    N_ ("an offense's decision tree, as text, Graphviz DOT or JSON") },
  { "diff", penal_cmd_diff,
    N_ ("what changed for an offense between two dates") },
  { "what-if", penal_cmd_what_if,
    N_ ("how the outcome moves as one fact moves across its domain") },
  { "export", penal_cmd_export, N_ ("an offense's decision table as DMN XML") },
  { "lookup", penal_cmd_lookup,
    N_ ("any Missouri charge code: its class on a date and its penalty "
        "range") },
  { "serve", penal_cmd_serve,
    N_ ("the interview in a browser, and a JSON API, on this machine") },
};

/* --lang must act before any message is translated, including --help, so
 * it is picked out of the arguments before the options are parsed.  It
 * works through LANGUAGE, which gettext honours only when the locale is not
 * "C".  When the C locale is merely the default (no locale variable set), a
 * reader who asks for a language with --lang or LANGUAGE gets it: the locale
 * becomes C.UTF-8, which every Debian system has.  An explicit LC_ALL=C
 * still means untranslated output, unless --lang says otherwise.
 *
 * Only the languages penal ships reach gettext, where a language's name
 * becomes part of a path and a translation is used as a format: --lang
 * naming another is refused (64, reported once messages can be
 * translated), an entry of LANGUAGE or a locale penal does not speak is
 * skipped, and a catalog whose translations do not fit their messages is
 * not used, with a warning in *out_warnings.  Returns the --lang refused,
 * or NULL. */
static const char *
setup_language (int argc, char **argv, const char *localedir,
                GPtrArray *out_warnings)
{
  const char *lang = NULL;
  const char *refused = NULL;
  const char *messages;
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *wanted = NULL;
  g_autoptr (GStrvBuilder) usable = g_strv_builder_new ();
  g_auto (GStrv) languages = NULL;
  g_auto (GStrv) kept = NULL;
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
    {
      if (penal_language_is_shipped (lang))
        wanted = penal_language_filter (lang);
      else
        refused = lang;
    }

  /* Only the categories penal uses: the character set, and the messages.
   * Dates, numbers and money are written by penal itself, and loading
   * the other categories would cost more than classifying a case. */
  setlocale (LC_CTYPE, "");
  messages = setlocale (LC_MESSAGES, "");
  if (wanted == NULL)
    wanted = penal_language_filter (g_getenv ("LANGUAGE"));
  if (wanted == NULL)
    wanted = penal_language_from_locale (messages);

  /* Each language's catalog is checked before gettext reads any. */
  languages = g_strsplit (wanted != NULL ? wanted : "C", ":", -1);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      if (g_str_equal (languages[i], "C")
          || penal_language_check_catalog (localedir, languages[i], &error))
        g_strv_builder_add (usable, languages[i]);
      else
        g_ptr_array_add (out_warnings, g_strdup (error->message));
    }
  kept = g_strv_builder_end (usable);
  g_free (wanted);
  wanted = kept[0] != NULL ? g_strjoinv (":", kept) : g_strdup ("C");
  /* Set even to "C", so that gettext never takes a language from the
   * locale's name on its own. */
  g_setenv ("LANGUAGE", wanted, TRUE);

  explicit_c = lc_all != NULL
               && (g_str_equal (lc_all, "C") || g_str_equal (lc_all, "POSIX"));
  if (!g_str_equal (wanted, "C") && (lang != NULL || !explicit_c)
      && (messages == NULL || g_str_equal (messages, "C")
          || g_str_equal (messages, "POSIX")))
    {
      setlocale (LC_CTYPE, "C.UTF-8");
      setlocale (LC_MESSAGES, "C.UTF-8");
    }
  return refused;
}

/* A standard descriptor that was closed (penal >&-) is held on /dev/null
 * opened the wrong way round: writing the answer then fails with EBADF and
 * is reported (74), where otherwise the next file penal opened would take
 * the descriptor's number, and a statute file or a caseload would be
 * where the answer went. */
static void
hold_standard_descriptors (void)
{
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
    if (fcntl (fd, F_GETFD) < 0 && errno == EBADF)
      {
        int held = open ("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);

        if (held >= 0 && held != fd)
          {
            dup2 (held, fd);
            close (held);
          }
      }
}

/* Where the message catalogs are.  PENAL_LOCALEDIR, when set, wins.  A
 * penal that runs from its build tree (the directory above src/penal
 * holds config.status) reads the catalogs make staged there in locale/,
 * as a relocatable program finds its data from where it runs, so the
 * languages work before make install; an installed penal reads LOCALEDIR. */
static char *
find_localedir (void)
{
  const char *dir = g_getenv ("PENAL_LOCALEDIR");
  g_autofree char *program = NULL;

  if (dir != NULL && dir[0] != '\0')
    return g_strdup (dir);
  program = g_file_read_link ("/proc/self/exe", NULL);
  if (program != NULL)
    {
      g_autofree char *bindir = g_path_get_dirname (program);
      g_autofree char *top = g_path_get_dirname (bindir);
      g_autofree char *status = g_build_filename (top, "config.status", NULL);

      if (g_file_test (status, G_FILE_TEST_IS_REGULAR))
        return g_build_filename (top, "locale", NULL);
    }
  return g_strdup (LOCALEDIR);
}

/* Whether gettext finds a catalog for language in localedir: under the
 * name as given, or, as gettext also looks, without its territory, codeset
 * and modifier (es_MX.UTF-8 falls back to es). */
static gboolean
has_catalog (const char *localedir, const char *language)
{
  g_autofree char *base = g_strndup (language, strcspn (language, "_.@"));
  g_autofree char *full = g_build_filename (localedir, language, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *bare = g_build_filename (localedir, base, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (full, G_FILE_TEST_IS_REGULAR)
         || g_file_test (bare, G_FILE_TEST_IS_REGULAR);
}

/* A reader who asks for a language (--lang or LANGUAGE) penal finds no
 * catalog for would get English without a word: say so, once.  Not when
 * gettext ignores LANGUAGE (the C locale), nor when English comes in the
 * list before any language without a catalog is passed over, nor when a
 * later language of the list has a catalog: those are the reader's own
 * choices. */
static void
warn_missing_catalog (const char *localedir)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  g_auto (GStrv) wanted = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  const char *missing = NULL;

  if (language == NULL || messages == NULL || g_str_equal (messages, "C")
      || g_str_equal (messages, "POSIX"))
    return;
  wanted = g_strsplit (language, ":", -1);
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      const char *name = wanted[i];
      gsize base = strcspn (name, "_.@");

      if (name[0] == '\0')
        continue;
      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX")
          || (base == 2 && g_str_has_prefix (name, "en"))
          || has_catalog (localedir, name))
        return;
      if (missing == NULL)
        missing = name;
    }
  if (missing == NULL)
    return;
  shown = penal_quote_untrusted (missing);
  message = g_strdup_printf (
      _ ("no catalog for the language “%s” in %s, so the answer is in "
         "English (make install puts penal’s catalogs there; "
         "PENAL_LOCALEDIR names another directory)"),
      shown, localedir);
  penal_cli_print_error (message);
}

static const PenalCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* Where the command name is: the first word that is not an option, nor
 * the value of a global option written apart (--statutes DIR), nor a word
 * that follows an option of a command when a command name comes later
 * (--format json classify).  -1 when there is none. */
static int
find_command_word (int argc, char **argv)
{
  int first = -1;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--statutes") || g_str_equal (arg, "-s")
          || g_str_equal (arg, "--charge-codes") || g_str_equal (arg, "--lang"))
        {
          i++;
          continue;
        }
      if (arg[0] == '-' && arg[1] != '\0')
        continue;
      if (g_str_equal (arg, "help") || find_command (arg) != NULL)
        return i;
      if (first < 0)
        first = i;
    }
  return first;
}

/* argv without the word at index i. */
static char **
without_word (int argc, char **argv, int i, const char *added)
{
  GPtrArray *args = g_ptr_array_new ();

  for (int j = 0; j < argc; j++)
    if (j != i)
      g_ptr_array_add (args, argv[j]);
  if (added != NULL)
    g_ptr_array_add (args, (gpointer)added);
  g_ptr_array_add (args, NULL);
  return (char **)g_ptr_array_free (args, FALSE);
}

static PenalExit
run_command (const PenalCommand *command, int argc, char **argv, int word,
             const char *added)
{
  g_autofree char **args = without_word (argc, argv, word, added);

  return command->run ((int)g_strv_length (args), args);
}

static PenalExit
unknown_command (const char *name)
{
  g_autofree char *shown = penal_quote_untrusted (name);

  return penal_cli_usage (_ ("unknown command “%s” (try penal help)"), shown);
}

/* penal help [COMMAND [ARGUMENT…]]: the general help, or COMMAND's. */
static PenalExit
run_help (int argc, char **argv, int word)
{
  g_autofree char **args = without_word (argc, argv, word, NULL);
  int n = (int)g_strv_length (args);
  int next = find_command_word (n, args);
  const PenalCommand *command;

  if (next < 0)
    {
      g_autofree char *help
          = penal_cli_general_help (commands, G_N_ELEMENTS (commands));
      return penal_cli_write (help);
    }
  command = find_command (args[next]);
  if (command == NULL)
    return unknown_command (args[next]);
  return run_command (command, n, args, next, "--help");
}

int
main (int argc, char **argv)
{
  const PenalCommand *command;
  g_autofree char *localedir = find_localedir ();
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  const char *refused;
  int word;

  hold_standard_descriptors ();
  refused = setup_language (argc, argv, localedir, warnings);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  for (guint i = 0; i < warnings->len; i++)
    penal_cli_print_error (g_ptr_array_index (warnings, i));
  warn_missing_catalog (localedir);
  if (refused != NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (refused);
      g_autofree char *names = penal_language_names ();

      return penal_cli_usage (
          _ ("--lang: “%s” is not a language penal answers in; give one of %s"),
          shown, names);
    }

  word = find_command_word (argc, argv);
  if (word < 0)
    {
      g_autofree char *help = NULL;
      g_autofree char **args = without_word (argc, argv, -1, NULL);
      PenalExit status;
      gboolean asked = FALSE;

      argc = (int)g_strv_length (args);
      if (!penal_cli_parse_globals (&argc, &args, &asked, &status))
        return status;
      help = penal_cli_general_help (commands, G_N_ELEMENTS (commands));
      if (asked)
        return penal_cli_write (help);
      /* No command: the help is the error message. */
      fputs (help, stderr);
      return PENAL_EXIT_USAGE;
    }
  if (g_str_equal (argv[word], "help"))
    return run_help (argc, argv, word);
  command = find_command (argv[word]);
  if (command == NULL)
    return unknown_command (argv[word]);
  return run_command (command, argc, argv, word, NULL);
}
