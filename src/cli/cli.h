/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h: what the command files of the penal command line share.
 *
 * Each command is a file of its own (cmd-NAME.c) with its own options, a
 * PenalCommandHelp that says what it does, and a run function that main.c
 * calls with the arguments after the command name.  The global options
 * (--statutes, --lang, --version) are parsed with each command's own, so
 * they work before and after its name.  Everything written on standard
 * output goes through penal_cli_write(), which reports a failed write;
 * every error becomes an exit code in penal_cli_exit_for_error(). */
#pragma once

#include <glib.h>

#include "penal.h"

G_BEGIN_DECLS

/* The process exit codes: the sysexits.h values, so scripts can tell a bad
 * command line from bad statute data from a missing file. */
typedef enum
{
  PENAL_EXIT_OK = 0,         /* an answer was printed (decided or not) */
  PENAL_EXIT_FINDINGS = 1,   /* (audit) a finding needs attention */
  PENAL_EXIT_USAGE = 64,     /* bad option, command, fact or value */
  PENAL_EXIT_DATAERR = 65,   /* a statute file is malformed or unsound, or
                                (batch) a row could not be classified */
  PENAL_EXIT_NOINPUT = 66,   /* a statute or input file is missing */
  PENAL_EXIT_SOFTWARE = 70,  /* an internal error: a bug in penal */
  PENAL_EXIT_CANTCREAT = 73, /* (audit) the report cannot be written */
  PENAL_EXIT_IOERR = 74,     /* writing the answer failed */
} PenalExit;

#define PENAL_CLI_ERROR (penal_cli_error_quark ())

/* The command line's own errors, each with its exit code. */
typedef enum
{
  PENAL_CLI_ERROR_USAGE,   /* 64 */
  PENAL_CLI_ERROR_NOINPUT, /* 66 */
  PENAL_CLI_ERROR_IO,      /* 74 */
} PenalCliError;

/* The options of the commands that read a caseload, for their
 * GOptionEntry[], each set in the command's PenalCliCaseload. */
#define PENAL_CLI_INPUT_FORMAT_OPTION(raw)                                     \
  {                                                                            \
    "input-format", 0, 0, G_OPTION_ARG_STRING, &(raw).input_format_name,       \
        N_ ("Read csv (the default) or jsonl"), N_ ("FORMAT")                  \
  }
#define PENAL_CLI_KEEP_OPTION(raw)                                             \
  {                                                                            \
    "keep", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &(raw).keep_lists,              \
        N_ ("Copy these input columns (a case id, say) to the front of "       \
            "every output row"),                                               \
        N_ ("COLUMN[,COLUMN…]")                                                \
  }
#define PENAL_CLI_DELIMITER_OPTION(raw)                                        \
  {                                                                            \
    "delimiter", 'd', 0, G_OPTION_ARG_STRING, &(raw).delimiter_name,           \
        N_ ("Read CSV fields separated by , or ; or tab (default: whichever "  \
            "the header line uses)"),                                          \
        N_ ("CHAR")                                                            \
  }
#define PENAL_CLI_DATE_ORDER_OPTION(raw)                                       \
  {                                                                            \
    "date-order", 0, 0, G_OPTION_ARG_STRING, &(raw).date_order_name,           \
        N_ ("Read slashed dates as mdy (6/1/2016 is 1 June) or dmy "           \
            "(6/1/2016 is 6 January); without it they are refused"),           \
        N_ ("ORDER")                                                           \
  }
#define PENAL_CLI_IGNORE_UNKNOWN_OPTION(raw)                                   \
  {                                                                            \
    "ignore-unknown", 0, 0, G_OPTION_ARG_NONE, &(raw).ignore_unknown,          \
        N_ ("Skip columns (or JSON members) penal does not read instead of "   \
            "refusing them; standard error names them"),                       \
        NULL                                                                   \
  }
#define PENAL_CLI_BOM_OPTION(raw)                                              \
  {                                                                            \
    "bom", 0, 0, G_OPTION_ARG_NONE, &(raw).bom,                                \
        N_ ("Begin CSV output with a byte-order mark, so that Excel reads "    \
            "it as UTF-8"),                                                    \
        NULL                                                                   \
  }

/* What a command takes besides its own GOptionEntry[]. */
typedef enum
{
  PENAL_COMMAND_LISTS_FACTS = 1 << 0, /* facts: list them from the statutes */
  PENAL_COMMAND_TAKES_DATE = 1 << 1,  /* --date, the version in force
                                         (penal_cli_check_date()) */
} PenalCommandFlags;

/* What `penal help NAME` and `penal NAME --help` print, and the options
 * penal_cli_parse() reads for the command: its own, --format when it
 * says what --format writes, and --date when it takes one. */
typedef struct
{
  const char *name;          /* as typed: "classify" */
  const char *arguments;     /* N_(): "FACT=VALUE…", after [OPTION…] */
  const char *summary;       /* N_(): one sentence */
  const char *description;   /* N_(): a paragraph, or NULL */
  const char *formats;       /* N_(): the --format values, or NULL */
  const char *format_option; /* N_(): what --format writes, or NULL when
                                the command takes no --format */
  const char *examples;      /* command lines, never translated */
  PenalCommandFlags flags;
  const GOptionEntry *entries;
} PenalCommandHelp;

typedef PenalExit (*PenalCommandRun) (int argc, char **argv);

/* The two halves of a command that penal_cli_run() runs: its arguments
 * checked before the statutes are loaded (FALSE with error set), and the
 * answer made from the statutes (NULL with error set). */
typedef gboolean (*PenalCommandCheck) (int argc, char **argv, GError **error);
typedef char *(*PenalCommandAnswer) (PenalModel *model, int argc, char **argv,
                                     int format, GError **error);

/* A row of main.c's command table. */
typedef struct
{
  const char *name;
  PenalCommandRun run;
  const char *summary; /* N_() */
} PenalCommand;

/* What the command line gave a command that reads a caseload
 * (cli-caseload.c); each command points its own option entries here. */
typedef struct
{
  char *input_format_name;
  gboolean ignore_unknown;
  char **keep_lists;
  char *delimiter_name;
  char *date_order_name;
  gboolean full;
  gboolean bom;
} PenalCliCaseload;

/* What a command that reads a caseload does with it, once its options
 * are read, the input opened and the statutes loaded: the rows run
 * through and the summary said (penal_cli_caseload_end()). */
typedef PenalExit (*PenalCliCaseloadRun) (PenalModel *model,
                                          const PenalBatchOptions *options,
                                          FILE *in, const char *input_name);

GQuark penal_cli_error_quark (void);

gboolean penal_cli_parse (const PenalCommandHelp *help, int *argc, char ***argv,
                          PenalExit *out_exit);
gboolean penal_cli_parse_text_or_json (const PenalCommandHelp *help, int *argc,
                                       char ***argv, int *out_format,
                                       PenalExit *out_exit);
PenalExit penal_cli_answer (int argc, char **argv, int format,
                            PenalCommandCheck check, PenalCommandAnswer answer);
PenalExit penal_cli_run (const PenalCommandHelp *help, int argc, char **argv,
                         PenalCommandCheck check, PenalCommandAnswer answer);
gboolean penal_cli_parse_globals (int *argc, char ***argv, gboolean *out_help,
                                  PenalExit *out_exit);
char *penal_cli_general_help (const PenalCommand *commands, gsize n_commands);
gboolean penal_cli_read_facts (PenalFacts *facts, int argc, char **argv,
                               GError **error);
PenalExit penal_cli_finish (const char *answer, const GError *error);
PenalModel *penal_cli_load_model (GError **error);
const char *penal_cli_statutes (void);
const char *penal_cli_charge_codes (void);
const char *penal_cli_format_name (void);
gboolean penal_cli_check_date (int argc, char **argv, GError **error);
gint64 penal_cli_date (void);
gboolean penal_cli_format (const char *given, const char *const *accepted,
                           int *out_index);
gint64 penal_cli_date_or_today (const char *option, const char *text,
                                GError **error);

gboolean penal_cli_write_stream (FILE *stream, const char *text,
                                 int *out_errno);
PenalExit penal_cli_write (const char *text);
void penal_cli_print_error (const char *message);
PenalExit penal_cli_exit_for_error (const GError *error);
PenalExit penal_cli_fail (const GError *error);
gboolean penal_cli_name_one (const char *command, int argc, GError **error);
PenalExit penal_cli_usage (const char *format, ...) G_GNUC_PRINTF (1, 2);
void penal_cli_set_usage (GError **error, const char *format, ...)
    G_GNUC_PRINTF (2, 3);

/* The commands, one file each. */
PenalExit penal_cmd_classify (int argc, char **argv);
PenalExit penal_cmd_screen (int argc, char **argv);
PenalExit penal_cmd_batch (int argc, char **argv);
PenalExit penal_cmd_audit (int argc, char **argv);
PenalExit penal_cli_caseload_main (const PenalCommandHelp *help,
                                   const PenalCliCaseload *raw, int argc,
                                   char **argv, PenalCommandCheck check,
                                   PenalCliCaseloadRun run);
PenalExit penal_cli_caseload_end (const char *command, char *summary,
                                  guint64 rows, guint64 errors);
PenalExit penal_cmd_verify (int argc, char **argv);
PenalExit penal_cmd_list (int argc, char **argv);
PenalExit penal_cmd_show (int argc, char **argv);
PenalExit penal_cmd_tree (int argc, char **argv);
PenalExit penal_cmd_diff (int argc, char **argv);
PenalExit penal_cmd_what_if (int argc, char **argv);
PenalExit penal_cmd_export (int argc, char **argv);
PenalExit penal_cmd_lookup (int argc, char **argv);
PenalExit penal_cmd_serve (int argc, char **argv);

G_END_DECLS
