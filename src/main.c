/* main.c: the penal command line: options, dispatch and exit codes.  All
 * the work is done by libpenal. */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "penal-batch.h"
#include "penal-exit.h"
#include "penal-explore.h"
#include "penal-export.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-screen.h"
#include "penal-verify.h"

#include <unistd.h>

typedef enum
{
  FORMAT_DEFAULT,
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_JSONL,
  FORMAT_DOT,
} OutputFormat;

typedef struct
{
  char         *statutes;
  char         *format_name;
  OutputFormat  format;
  char         *lang;
  gboolean      version;
  char         *input_format_name;
  gboolean      ignore_unknown;
  char         *date;
  char         *dmn_version;
  char         *from;
  char         *to;
  char         *vary;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->statutes, g_free);
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->lang, g_free);
  g_clear_pointer (&options->input_format_name, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->dmn_version, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->vary, g_free);
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

/* Classifies every row of a CSV or JSON Lines file (or standard input),
 * one output row per input row, in order. */
static PenalExit
run_batch (const Options *options,
           int            argc,
           char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GError) error = NULL;
  PenalBatchFormat input_format = PENAL_BATCH_CSV;
  PenalBatchCounts counts;
  PenalExit status = PENAL_EXIT_OK;
  const char *name = "-";
  FILE *in = stdin;
  gboolean ok;

  if (options->input_format_name != NULL && g_str_equal (options->input_format_name, "jsonl"))
    input_format = PENAL_BATCH_JSONL;
  else if (options->input_format_name != NULL && !g_str_equal (options->input_format_name, "csv"))
    {
      g_autofree char *message = g_strdup_printf (_("--input-format: unknown format “%s”; use csv or jsonl"),
                                                  options->input_format_name);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  if (argc > 1)
    {
      print_error (_("batch reads one file (or - for standard input)"));
      return PENAL_EXIT_USAGE;
    }
  if (argc == 1 && !g_str_equal (argv[0], "-"))
    {
      name = argv[0];
      in = fopen (name, "rb");
      if (in == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("%s: cannot open: %s"), name, g_strerror (errno));
          print_error (message);
          return PENAL_EXIT_NOINPUT;
        }
    }

  model = load_model (options, &status);
  if (model == NULL)
    {
      if (in != stdin)
        fclose (in);
      return status;
    }

  setvbuf (stdout, NULL, _IOFBF, 1 << 20);
  ok = penal_batch_run (model, input_format,
                        options->format == FORMAT_JSONL ? PENAL_BATCH_JSONL : PENAL_BATCH_CSV,
                        options->ignore_unknown, penal_date_today (), in,
                        name, stdout, &counts, &error);
  if (in != stdin)
    fclose (in);
  if (!ok)
    {
      print_error (error->message);
      return g_error_matches (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER)
               ? PENAL_EXIT_USAGE : PENAL_EXIT_IOERR;
    }
  if (counts.errors > 0)
    {
      g_autofree char *errors = g_strdup_printf ("%" G_GUINT64_FORMAT, counts.errors);
      g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, counts.rows);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s of %s row could not be classified; see the rows with status error",
                                      "%s of %s rows could not be classified; see the rows with status error",
                                      (gulong) MIN (counts.rows, G_MAXULONG)),
                         errors, rows);
      print_error (message);
      return PENAL_EXIT_DATAERR;
    }
  return PENAL_EXIT_OK;
}

/* Writes one offense's rule table, as in force on --date, as a DMN
 * decision table. */
static PenalExit
run_export (const Options *options,
            int            argc,
            char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autofree char *answer = NULL;
  g_autoptr (GPtrArray) versions = g_ptr_array_new ();
  const PenalOffense *offense;
  PenalDmnVersion dmn_version = PENAL_DMN_1_3;
  PenalExit status = PENAL_EXIT_OK;
  gint64 date = penal_date_today ();

  if (options->dmn_version != NULL && g_str_equal (options->dmn_version, "1.1"))
    dmn_version = PENAL_DMN_1_1;
  else if (options->dmn_version != NULL && !g_str_equal (options->dmn_version, "1.3"))
    {
      print_error (_("--dmn-version: give 1.3 or 1.1"));
      return PENAL_EXIT_USAGE;
    }
  if (options->date != NULL && !penal_date_parse (options->date, &date))
    {
      g_autofree char *shown = penal_quote_untrusted (options->date);
      g_autofree char *message = g_strdup_printf (_("--date: “%s” is not valid; give a calendar date written YYYY-MM-DD"),
                                                  shown);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  if (argc != 1)
    {
      print_error (_("export: name one offense, for example: penal export --format=dmn patronizing"));
      return PENAL_EXIT_USAGE;
    }

  model = load_model (options, &status);
  if (model == NULL)
    return status;
  offense = penal_model_lookup_offense (model, argv[0]);
  if (offense == NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (argv[0]);
      g_autofree char *list = g_strjoinv (", ", ((PenalFactDecl *) g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE))->values);
      g_autofree char *message = g_strdup_printf (_("export: unknown offense “%s”; give one of %s"), shown, list);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  for (guint v = 0; v < offense->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (offense->versions, v);
      if (penal_effective_may_cover (&version->effective, date))
        g_ptr_array_add (versions, (gpointer) version);
    }
  if (versions->len != 1)
    {
      g_autofree char *iso = penal_date_to_iso (date);
      g_autofree char *message = versions->len == 0
        ? g_strdup_printf (_("export: no version of %s covers %s"), offense->statute, iso)
        : g_strdup_printf (_("export: which version of %s was in force on %s is not established; give a --date outside the uncertain window"),
                           offense->statute, iso);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  answer = penal_export_dmn (model, offense, g_ptr_array_index (versions, 0), dmn_version);
  return write_answer (answer);
}

/* --date, --from or --to as a Julian day; today when not given. */
static gboolean
parse_date_option (const char *option,
                   const char *text,
                   gint64     *out_day)
{
  if (text == NULL)
    {
      *out_day = penal_date_today ();
      return TRUE;
    }
  if (!penal_date_parse (text, out_day))
    {
      g_autofree char *shown = penal_quote_untrusted (text);
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not valid; give a calendar date written YYYY-MM-DD"),
                                                  option, shown);
      print_error (message);
      return FALSE;
    }
  return TRUE;
}

/* Writes a JSON answer, or its text rendering. */
static PenalExit
write_explored (const Options *options,
                JsonNode      *root,
                char        *(*render) (JsonNode *))
{
  g_autofree char *answer = NULL;

  if (options->format == FORMAT_JSON)
    {
      g_autofree char *json = penal_json_to_string (root, TRUE);
      answer = g_strconcat (json, "\n", NULL);
    }
  else
    answer = render (root);
  return write_answer (answer);
}

/* Finds the one statute a command names, or says what may be named. */
static gboolean
find_statute (const PenalModel *model,
              const char       *command,
              int               argc,
              char            **argv,
              gboolean          offenses_only,
              PenalFound       *found)
{
  g_autofree char *names = NULL;
  g_autofree char *message = NULL;

  if (argc == 1 && penal_explore_find (model, argv[0], found)
      && (!offenses_only || (found->statute != NULL && !found->statute->is_enhancement
                             && !found->statute->is_program)))
    return TRUE;
  if (argc == 1 && !offenses_only && found->penalties == NULL && found->statute == NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (argv[0]);
      names = penal_explore_names (model);
      message = g_strdup_printf (_("%s: no statute “%s”; give a statute number such as 567.030, or one of %s"),
                                 command, shown, names);
    }
  else if (argc == 1 && offenses_only)
    {
      g_autofree char *shown = penal_quote_untrusted (argv[0]);
      names = g_strjoinv (", ", ((PenalFactDecl *) g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE))->values);
      message = g_strdup_printf (_("%s: “%s” is not an offense; give one of %s, or its statute number"),
                                 command, shown, names);
    }
  else
    message = g_strdup_printf (_("%s: name one statute, for example: penal %s patronizing"), command, command);
  print_error (message);
  return FALSE;
}

/* Lists the statutes and their versions. */
static PenalExit
run_list (const Options *options,
          int            argc,
          char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (JsonNode) root = NULL;
  PenalExit status = PENAL_EXIT_OK;

  if (argc > 0)
    {
      g_autofree char *shown = penal_quote_untrusted (argv[0]);
      g_autofree char *message = g_strdup_printf (_("list takes no arguments, but was given “%s” (try penal show %s)"),
                                                  shown, shown);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  model = load_model (options, &status);
  if (model == NULL)
    return status;
  root = penal_explore_list (model);
  return write_explored (options, root, penal_explore_list_text);
}

/* One statute as in force on --date: text, subsections and outcomes,
 * sources, open questions. */
static PenalExit
run_show (const Options *options,
          int            argc,
          char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (JsonNode) root = NULL;
  PenalExit status = PENAL_EXIT_OK;
  PenalFound found;
  gint64 date;

  if (!parse_date_option ("--date", options->date, &date))
    return PENAL_EXIT_USAGE;
  model = load_model (options, &status);
  if (model == NULL)
    return status;
  if (!find_statute (model, "show", argc, argv, FALSE, &found))
    return PENAL_EXIT_USAGE;
  root = penal_explore_show (model, &found, date);
  return write_explored (options, root, penal_explore_show_text);
}

/* The decision tree of a statute's version in force on --date. */
static PenalExit
run_tree (const Options *options,
          int            argc,
          char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (JsonNode) root = NULL;
  PenalExit status = PENAL_EXIT_OK;
  PenalFound found;
  gint64 date;

  if (!parse_date_option ("--date", options->date, &date))
    return PENAL_EXIT_USAGE;
  model = load_model (options, &status);
  if (model == NULL)
    return status;
  if (!find_statute (model, "tree", argc, argv, FALSE, &found))
    return PENAL_EXIT_USAGE;
  if (found.statute == NULL)
    {
      print_error (_("tree: a penalty table has no decision tree; try penal show"));
      return PENAL_EXIT_USAGE;
    }
  root = penal_explore_tree (model, found.statute, date);
  return write_explored (options, root,
                         options->format == FORMAT_DOT ? penal_explore_tree_dot : penal_explore_tree_text);
}

/* What changed for an offense between --from and --to. */
static PenalExit
run_diff (const Options *options,
          int            argc,
          char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (JsonNode) root = NULL;
  PenalExit status = PENAL_EXIT_OK;
  PenalFound found;
  gint64 from, to;

  if (options->from == NULL || options->to == NULL)
    {
      print_error (_("diff: give both dates, for example: penal diff patronizing --from 2016-12-31 --to 2025-01-01"));
      return PENAL_EXIT_USAGE;
    }
  if (!parse_date_option ("--from", options->from, &from)
      || !parse_date_option ("--to", options->to, &to))
    return PENAL_EXIT_USAGE;
  model = load_model (options, &status);
  if (model == NULL)
    return status;
  if (!find_statute (model, "diff", argc, argv, TRUE, &found))
    return PENAL_EXIT_USAGE;
  root = penal_explore_diff (model, found.statute, from, to);
  return write_explored (options, root, penal_explore_diff_text);
}

/* How the outcome moves as one fact (--vary) moves across its domain. */
static PenalExit
run_what_if (const Options *options,
             int            argc,
             char         **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalFacts) facts = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  PenalExit status = PENAL_EXIT_OK;
  guint vary;
  gint64 offense_date, value;

  if (options->vary == NULL)
    {
      print_error (_("what-if: say which fact to vary, for example: penal what-if offense=patronizing --vary victim_age"));
      return PENAL_EXIT_USAGE;
    }
  model = load_model (options, &status);
  if (model == NULL)
    return status;
  if (penal_model_lookup_fact (model, options->vary, &vary) == NULL || vary == PENAL_FACT_OFFENSE)
    {
      g_autofree char *shown = penal_quote_untrusted (options->vary);
      GString *names = g_string_new (NULL);
      g_autofree char *list = NULL;
      g_autofree char *message = NULL;

      for (guint f = PENAL_FACT_OFFENSE_DATE; f < model->facts->len; f++)
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                                ((PenalFactDecl *) g_ptr_array_index (model->facts, f))->name);
      list = g_string_free (names, FALSE);
      message = g_strdup_printf (_("--vary: “%s” is not a fact that can vary; give one of %s"), shown, list);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  facts = penal_facts_new (model);
  for (int i = 0; i < argc; i++)
    if (!penal_facts_parse_assignment (facts, argv[i], &error))
      {
        print_error (error->message);
        return PENAL_EXIT_USAGE;
      }
  if (penal_facts_get (facts, vary, &value))
    {
      g_autofree char *message = g_strdup_printf (_("what-if: %s is given and also varied; leave out %s=…"),
                                                  options->vary, options->vary);
      print_error (message);
      return PENAL_EXIT_USAGE;
    }
  if (!penal_facts_check_applicable (facts, &error))
    {
      print_error (error->message);
      return PENAL_EXIT_USAGE;
    }
  if (vary != PENAL_FACT_OFFENSE_DATE && penal_facts_get (facts, PENAL_FACT_OFFENSE, &value))
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, value);
      gboolean read = FALSE;

      for (guint j = 0; j < offense->facts_read->len; j++)
        read |= g_array_index (offense->facts_read, guint, j) == vary;
      if (!read)
        {
          g_autofree char *message = g_strdup_printf (_("what-if: %s does not depend on %s, so varying it changes nothing"),
                                                      offense->statute, options->vary);
          print_error (message);
          return PENAL_EXIT_USAGE;
        }
    }
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &offense_date))
    offense_date = penal_date_today ();
  root = penal_explore_what_if (model, facts, offense_date, vary, &error);
  if (root == NULL)
    {
      print_error (error->message);
      return PENAL_EXIT_USAGE;
    }
  return write_explored (options, root, penal_explore_what_if_text);
}

/* The description under the options in --help.  Each command is its own
 * message, so a new command leaves the others' translations standing. */
typedef struct
{
  const char *usage;   /* command names and option names stay as typed */
  const char *text;
} CommandHelp;

static const CommandHelp command_help[] = {
  { N_("classify FACT=VALUE…"),
    N_("the class, term, fine, diversion and citations for one case") },
  { N_("screen [FACT=VALUE…]"),
    N_("a guided interview: asks only the questions the answer still depends "
       "on, one at a time, then gives the result in plain words; answer ? "
       "when you don't know; questions go to standard error, so answers can "
       "be piped in, one per line") },
  { N_("batch [FILE | -]"),
    N_("classify a caseload: a CSV file with a header row naming the facts "
       "(or JSON Lines with --input-format=jsonl), one output row per input "
       "row, in order, with its line number; a bad row becomes an error row "
       "and never stops the others") },
  { N_("verify [FILE…]"),
    N_("prove the statutes sound: every case gets exactly one answer, no rule "
       "is unreachable, versions leave no gap, every reference resolves, "
       "declared severity orders hold (the bundled statutes, or --statutes, "
       "or the FILEs given)") },
  { N_("list"),
    N_("every statute and penalty table, with its versions, the dates each "
       "was in force, and the standing of what penal holds (statute text, "
       "secondary source, inference or open)") },
  { N_("show STATUTE"),
    N_("one statute (567.030, or an offense or program name) as in force on "
       "--date: its title, its text (English only), its subsections and the "
       "outcome each gives, sources and open questions") },
  { N_("tree OFFENSE"),
    N_("the decision tree in force on --date, as an indented tree, or as "
       "Graphviz DOT with --format=dot (render it with dot -Tsvg)") },
  { N_("diff OFFENSE"),
    N_("what changed between --from and --to: for each range of the facts, "
       "the class, term and fine before and after, with both citations; "
       "flags a window in which the version in force is not established") },
  { N_("what-if FACT=VALUE…"),
    N_("how the outcome moves as the fact named by --vary moves across its "
       "domain, as ranges, with the class and maximum term of each") },
  { N_("export --format=dmn OFFENSE"),
    N_("the offense's decision table as DMN XML, for other decision-table "
       "tools (the version in force on --date)") },
};

static char *
commands_summary (void)
{
  GString *out = g_string_new (_("Commands:"));

  g_string_append_c (out, '\n');
  for (gsize i = 0; i < G_N_ELEMENTS (command_help); i++)
    {
      const char *usage = _(command_help[i].usage);
      guint used = 2 + (guint) g_utf8_strlen (usage, -1);

      g_string_append_printf (out, "  %s", usage);
      if (used + 2 > 26)
        {
          g_string_append_c (out, '\n');
          used = 0;
        }
      for (; used < 25; used++)
        g_string_append_c (out, ' ');
      penal_append_wrapped (out, _(command_help[i].text), 25, 25, 78);
    }
  g_string_append_c (out, '\n');
  g_string_append (out,
                   _("Facts (classify: offense_date defaults to today):\n"
                     "  offense=prostitution|patronizing   offense_date=YYYY-MM-DD\n"
                     "  victim_age=N   knew_hiv=yes|no   prior_prostitution_offenses=N\n"
                     "  defendant_age=N\n"));
  g_string_append_c (out, '\n');
  g_string_append (out, _("Examples:"));
  g_string_append (out,
                   "\n"
                   "  penal classify offense=patronizing victim_age=14 offense_date=2016-06-01\n"
                   "  penal classify --format=json offense=prostitution knew_hiv=yes\n"
                   "  penal classify --statutes ./my-statutes offense=patronizing victim_age=30\n"
                   "  penal screen\n"
                   "  penal screen --lang=es offense=patronizing\n"
                   "  printf '2024-05-01\\n30\\n0\\n' | penal screen offense=patronizing\n"
                   "  penal batch cases.csv > answers.csv\n"
                   "  penal batch --input-format=jsonl --format=jsonl - < cases.jsonl\n"
                   "  penal verify --statutes ./my-statutes\n"
                   "  penal list\n"
                   "  penal show 567.030 --date=2016-06-01\n"
                   "  penal tree patronizing --format=dot | dot -Tsvg > 567.030.svg\n"
                   "  penal diff patronizing --from 2016-12-31 --to 2025-01-01\n"
                   "  penal what-if offense=patronizing offense_date=2024-01-01 --vary victim_age\n"
                   "  penal what-if offense=patronizing victim_age=30 --vary offense_date\n"
                   "  penal export --format=dmn --date=2016-06-01 patronizing > 567.030.dmn\n"
                   "\n");
  g_string_append (out,
                   _("Exit status: 0 an answer was given (decided, needs-facts or ambiguous);\n"
                     "64 bad command line or fact; 65 bad statute file, or (batch) some row\n"
                     "could not be classified; 66 statute or input file missing;\n"
                     "70 internal error; 74 output error."));
  return g_string_free (out, FALSE);
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

  /* Only the categories penal uses: the character set, and the messages.
   * Dates, numbers and money are written by penal itself, and loading
   * the other categories would cost more than classifying a case. */
  setlocale (LC_CTYPE, "");
  messages = setlocale (LC_MESSAGES, "");
  language = g_getenv ("LANGUAGE");
  explicit_c = lc_all != NULL && (g_str_equal (lc_all, "C") || g_str_equal (lc_all, "POSIX"));
  if (language != NULL && language[0] != '\0'
      && (lang != NULL || !explicit_c)
      && (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    {
      setlocale (LC_CTYPE, "C.UTF-8");
      setlocale (LC_MESSAGES, "C.UTF-8");
    }
}

int
main (int    argc,
      char **argv)
{
  g_auto (Options) options = { NULL, NULL, FORMAT_DEFAULT, NULL, FALSE, NULL, FALSE, NULL, NULL, NULL, NULL, NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "statutes", 's', 0, G_OPTION_ARG_FILENAME, &options.statutes,
      N_("Read statutes from DIR (every *.xml in it) or one FILE instead of the bundled ones"),
      N_("DIR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format_name,
      N_("Output format: text (default) or json; for batch, csv (default) or jsonl"),
      N_("FORMAT") },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &options.input_format_name,
      N_("batch: input format, csv (default) or jsonl"), N_("FORMAT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options.date,
      N_("show, tree, export: the version in force on DATE (YYYY-MM-DD; default today)"), N_("DATE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("diff: the earlier date compared (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("diff: the later date compared (YYYY-MM-DD)"), N_("DATE") },
    { "vary", 0, 0, G_OPTION_ARG_STRING, &options.vary,
      N_("what-if: the fact that moves across its domain, for example victim_age or offense_date"),
      N_("FACT") },
    { "dmn-version", 0, 0, G_OPTION_ARG_STRING, &options.dmn_version,
      N_("export: DMN 1.3 (default) or 1.1"), N_("VERSION") },
    { "ignore-unknown", 0, 0, G_OPTION_ARG_NONE, &options.ignore_unknown,
      N_("batch: skip columns (or JSON members) that name no fact instead of refusing them"),
      NULL },
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
  description = commands_summary ();
  g_option_context_set_description (context, description);
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

  if (options.format_name == NULL)
    options.format = FORMAT_DEFAULT;
  else if (g_str_equal (options.format_name, "text"))
    options.format = FORMAT_TEXT;
  else if (g_str_equal (options.format_name, "json"))
    options.format = FORMAT_JSON;
  else if (g_str_equal (options.format_name, "csv"))
    options.format = FORMAT_CSV;
  else if (g_str_equal (options.format_name, "jsonl"))
    options.format = FORMAT_JSONL;
  else if (g_str_equal (options.format_name, "dot"))
    options.format = FORMAT_DOT;
  else
    options.format = -1;
  {
    gboolean batch = argc >= 2 && g_str_equal (args[1], "batch");
    gboolean export = argc >= 2 && g_str_equal (args[1], "export");
    gboolean tree = argc >= 2 && g_str_equal (args[1], "tree");
    gboolean fits = export ? options.format_name != NULL && g_str_equal (options.format_name, "dmn")
                    : tree && options.format == FORMAT_DOT ? TRUE
                    : batch ? (options.format == FORMAT_DEFAULT || options.format == FORMAT_CSV
                             || options.format == FORMAT_JSONL)
                          : (options.format == FORMAT_DEFAULT || options.format == FORMAT_TEXT
                             || options.format == FORMAT_JSON);
    if (!fits)
      {
        g_autofree char *message = export
          ? g_strdup (_("export: give --format=dmn"))
          : batch
          ? g_strdup_printf (_("--format: unknown format “%s” for batch; use csv or jsonl"),
                             options.format_name)
          : tree
          ? g_strdup_printf (_("--format: unknown format “%s” for tree; use text, dot or json"),
                             options.format_name)
          : g_strdup_printf (_("--format: unknown format “%s”; use text or json"),
                             options.format_name);
        print_error (message);
        return PENAL_EXIT_USAGE;
      }
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
  else if (g_str_equal (args[1], "batch"))
    status = run_batch (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "export"))
    status = run_export (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "list"))
    status = run_list (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "show"))
    status = run_show (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "tree"))
    status = run_tree (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "diff"))
    status = run_diff (&options, argc - 2, args + 2);
  else if (g_str_equal (args[1], "what-if"))
    status = run_what_if (&options, argc - 2, args + 2);
  else
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s” (try penal --help)"),
                                                  args[1]);
      print_error (message);
      status = PENAL_EXIT_USAGE;
    }

  return status;
}
