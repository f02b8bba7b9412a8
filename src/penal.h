/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal.h: the one public header of libpenal, for the commands and the
 * server.
 *
 * Every type is opaque: a command holds a PenalModel, a PenalFacts, a
 * PenalOutcome or a PenalScreen and asks the library for what it needs.
 * Fact values are numbered (0 is "offense", 1 is "offense_date"; the rest
 * follow the statute files), dates are Julian day numbers, and every answer
 * a command prints is rendered by the library, text (translated) or JSON
 * (stable codes).  Ownership: a returned char * or object is (transfer
 * full) unless said otherwise; a const char * is (transfer none). */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PenalModel PenalModel;
typedef struct _PenalFacts PenalFacts;
typedef struct _PenalOutcome PenalOutcome;
typedef struct _PenalScreen PenalScreen;
typedef struct _PenalCharges PenalCharges;

/* The version of the shape of every JSON object penal writes (each answer,
 * report, batch row and API response names it as "format_version"; the
 * JSON Schemas in doc/schema/ describe this version).  2 since bases
 * replaced standings and charge codes, penalty states and "no-version"
 * came in. */
#define PENAL_JSON_FORMAT_VERSION 2

/* How a report is written: prose in the reader's language, JSON with
 * stable codes, or (decision trees) Graphviz DOT. */
typedef enum
{
  PENAL_FORMAT_TEXT,
  PENAL_FORMAT_JSON,
  PENAL_FORMAT_DOT,
} PenalFormat;

/* The statute model --------------------------------------------------- */

#define PENAL_MODEL_ERROR (penal_model_error_quark ())

/* Errors found while loading statute files.  Every message starts with
 * FILE:LINE: so the reader can go straight to the problem. */
typedef enum
{
  PENAL_MODEL_ERROR_NOT_FOUND, /* a file or directory is missing */
  PENAL_MODEL_ERROR_IO,        /* it could not be read */
  PENAL_MODEL_ERROR_TOO_LARGE, /* over the size cap */
  PENAL_MODEL_ERROR_ENCODING,  /* not UTF-8 */
  PENAL_MODEL_ERROR_MALFORMED, /* not well-formed XML */
  PENAL_MODEL_ERROR_FORBIDDEN, /* a DOCTYPE, entity or other refused
                                  construct */
  PENAL_MODEL_ERROR_SCHEMA,    /* does not follow statutes/penal.rng */
  PENAL_MODEL_ERROR_INVALID,   /* a reference, date or value is wrong */
  PENAL_MODEL_ERROR_UNSOUND,   /* a rule table has a gap or an overlap */
  PENAL_MODEL_ERROR_FAILED,
} PenalModelError;

/* Limits.  Everything penal reads is bounded, so no statute file and no
 * caseload can make it run out of time or memory; past a limit the input
 * is refused with a message naming it.  README.md, "Limits", lists them.
 *
 * A statute file larger than this is refused before it is parsed; one
 * set of statutes (a directory, or the files given) may hold this many
 * files and this many bytes in all. */
#define PENAL_MODEL_MAX_FILE_SIZE (1024 * 1024)
#define PENAL_MODEL_MAX_FILES 64
#define PENAL_MODEL_MAX_SET_SIZE (4 * 1024 * 1024)
/* The decision trees of one load (every version of every statute) may
 * have this many nodes, shared subtrees counted once, and compiling them
 * and proving the declared severity orders may take this many steps. */
#define PENAL_MODEL_MAX_TREE_NODES 200000
#define PENAL_MODEL_MAX_PROOF_STEPS 20000000
/* A report (penal tree, penal diff) shows at most this many leaves or
 * regions; a statute whose tree or changes are larger loads, but is not
 * drawn. */
#define PENAL_REPORT_MAX_ROWS 10000
/* A caseload's record (a CSV record, its quotes, commas and line ends
 * counted, or a JSON line) may have this many bytes, and a CSV record this
 * many fields; a longer one is an error row. */
#define PENAL_BATCH_MAX_RECORD_LENGTH (64 * 1024)
#define PENAL_BATCH_MAX_FIELDS 1024

#define PENAL_FACT_OFFENSE 0
#define PENAL_FACT_OFFENSE_DATE 1

GQuark penal_model_error_quark (void);

PenalModel *penal_model_load (const char *statutes, GError **error);
PenalModel *penal_model_load_bundled (GError **error);
PenalModel *penal_model_load_directory (const char *directory, GError **error);
PenalModel *penal_model_load_files (const char *const *paths, GError **error);
PenalModel *penal_model_load_from_data (const char *name, const char *data,
                                        gsize length, GError **error);
void penal_model_free (PenalModel *model);

const char *penal_model_get_jurisdiction (const PenalModel *model);

/* The Missouri State Highway Patrol's charge-code table, as converted by
 * tools/mshp-charge-codes: the bundled edition when path is NULL.  A
 * statute's outcomes carry the code in force on the offense date from the
 * table its model was loaded with. */
PenalCharges *penal_charges_load (const char *path, GError **error);
void penal_charges_free (PenalCharges *charges);
const char *penal_charges_get_edition (const PenalCharges *charges);
const char *penal_charges_get_title (const PenalCharges *charges);
guint penal_charges_get_n_codes (const PenalCharges *charges);
PenalModel *penal_model_load_with_charges (const char *statutes,
                                           const char *charge_codes,
                                           GError **error);
guint penal_model_get_n_facts (const PenalModel *model);
const char *penal_model_get_fact_name (const PenalModel *model, guint fact);
const char *penal_model_get_fact_label (const PenalModel *model, guint fact);
char *penal_model_describe_fact_values (const PenalModel *model, guint fact);

/* The facts of one case ------------------------------------------------ */

#define PENAL_FACTS_ERROR (penal_facts_error_quark ())

typedef enum
{
  PENAL_FACTS_ERROR_SYNTAX, /* not NAME=VALUE */
  PENAL_FACTS_ERROR_UNKNOWN_FACT,
  PENAL_FACTS_ERROR_INVALID_VALUE,  /* not a number, date, yes/no, ... */
  PENAL_FACTS_ERROR_OUT_OF_DOMAIN,  /* well-formed but outside the domain */
  PENAL_FACTS_ERROR_DUPLICATE,      /* the same fact given twice */
  PENAL_FACTS_ERROR_NOT_APPLICABLE, /* the offense does not read this fact */
  PENAL_FACTS_ERROR_FAILED,
} PenalFactsError;

GQuark penal_facts_error_quark (void);
PenalFacts *penal_facts_new (const PenalModel *model);
void penal_facts_free (PenalFacts *facts);
PenalFacts *penal_facts_copy (const PenalFacts *facts);
gboolean penal_facts_parse_assignment (PenalFacts *facts,
                                       const char *assignment, GError **error);
gboolean penal_facts_check_applicable (const PenalFacts *facts, GError **error);
gboolean penal_facts_get (const PenalFacts *facts, guint index,
                          gint64 *out_value);

/* How a slashed date (6/1/2016) in a caseload is read: not at all, month
 * first (as in the United States) or day first (as in much of Latin
 * America and Europe). */
typedef enum
{
  PENAL_DATE_ORDER_NONE,
  PENAL_DATE_ORDER_MDY,
  PENAL_DATE_ORDER_DMY,
} PenalDateOrder;

char *penal_quote_untrusted (const char *text);
char *penal_escape_untrusted (const char *text);
gboolean penal_date_parse (const char *text, gint64 *out_julian);
char *penal_date_to_iso (gint64 julian);
char *penal_date_to_display (gint64 julian);
gint64 penal_date_today (void);

/* One answer ---------------------------------------------------------- */

/* The complete answer for a case: on the offense date among the facts, or
 * today's when none is given (the answer then says it was assumed). */
PenalOutcome *penal_answer (const PenalModel *model, const PenalFacts *facts,
                            GError **error);
/* The answer on a date the caller chose, given or sampled. */
PenalOutcome *penal_evaluate (const PenalModel *model, const PenalFacts *facts,
                              gint64 offense_date, GError **error);
void penal_outcome_free (PenalOutcome *outcome);
gboolean penal_outcome_equal (const PenalOutcome *a, const PenalOutcome *b);
char *penal_render_text (const PenalModel *model, const PenalOutcome *outcome);
char *penal_render_json_string (const PenalModel *model,
                                const PenalOutcome *outcome, gboolean pretty);
char *penal_classify (const PenalModel *model, const PenalFacts *facts,
                      PenalFormat format, GError **error);
PenalFacts *penal_facts_new_from_json (const PenalModel *model,
                                       const char *json, gsize length,
                                       GError **error);

/* The screening interview: an engine with no input or output of its own.
 * Ask penal_screen_next_fact() for the question, give the person's words
 * to penal_screen_answer(); a front end that keeps no state replays the
 * answers given so far with penal_screen_replay(). */

/* The answer that means "I don't know", in any language. */
#define PENAL_SCREEN_DONT_KNOW "?"

/* How a question is answered, so a front end can offer the right field. */
typedef enum
{
  PENAL_QUESTION_NUMBER,
  PENAL_QUESTION_YES_NO,
  PENAL_QUESTION_CHOICE,
  PENAL_QUESTION_DATE,
} PenalQuestionKind;

PenalScreen *penal_screen_new (const PenalModel *model);
void penal_screen_free (PenalScreen *screen);
gboolean penal_screen_prefill (PenalScreen *screen, const char *assignment,
                               GError **error);
GPtrArray *penal_screen_drop_unread (PenalScreen *screen);
gint penal_screen_next_fact (PenalScreen *screen);
char *penal_screen_question (PenalScreen *screen, guint fact);
char *penal_screen_question_title (PenalScreen *screen, guint fact);
guint penal_screen_get_n_choices (PenalScreen *screen, guint fact);
const char *penal_screen_choice_value (PenalScreen *screen, guint fact,
                                       guint i);
char *penal_screen_choice_label (PenalScreen *screen, guint fact, guint i);
const char *penal_screen_choice_description (PenalScreen *screen, guint fact,
                                             guint i);
const char *penal_screen_help (PenalScreen *screen, guint fact);
char *penal_screen_allowed (PenalScreen *screen, guint fact);
PenalQuestionKind penal_screen_question_kind (PenalScreen *screen, guint fact);
gboolean penal_screen_answer (PenalScreen *screen, guint fact,
                              const char *answer, GError **error);
gboolean penal_screen_back (PenalScreen *screen);
gboolean penal_screen_means_back (const char *line);
guint penal_screen_get_n_answers (PenalScreen *screen);
guint penal_screen_get_answer_fact (PenalScreen *screen, guint i);
char *penal_screen_answer_value (PenalScreen *screen, guint fact);
char *penal_screen_answer_text (PenalScreen *screen, guint fact);
gboolean penal_screen_replay (PenalScreen *screen, const char *const *answers,
                              GError **error);
char *penal_screen_result_text (PenalScreen *screen, GError **error);
char *penal_screen_result_json (PenalScreen *screen, GError **error);
char *penal_screen_result_html (PenalScreen *screen, GError **error);

/* A caseload ----------------------------------------------------------- */

#define PENAL_BATCH_ERROR (penal_batch_error_quark ())

/* Errors that stop a batch before any row is classified, or while writing.
 * A bad row is never one of these: it becomes an error row. */
typedef enum
{
  PENAL_BATCH_ERROR_HEADER,   /* missing, unknown or repeated column, or
                                 no input at all */
  PENAL_BATCH_ERROR_IO,       /* reading or writing failed */
  PENAL_BATCH_ERROR_ENCODING, /* the input is not UTF-8 (UTF-16) */
  PENAL_BATCH_ERROR_FAILED,
} PenalBatchError;

typedef enum
{
  PENAL_BATCH_CSV,
  PENAL_BATCH_JSONL,
} PenalBatchFormat;

/* How a caseload is read and answered. */
typedef struct
{
  PenalBatchFormat input_format;
  PenalBatchFormat output_format;
  gboolean ignore_unknown;   /* skip columns that name nothing penal reads */
  gboolean full;             /* JSON Lines: classify's whole answer a row */
  gboolean bom;              /* CSV: a UTF-8 byte order mark first (Excel) */
  char delimiter;            /* CSV input: ',', ';' or '\t'; 0 to find it
                                from the header line */
  PenalDateOrder date_order; /* how a slashed date is read, if at all */
  const char *const *keep;   /* columns copied to every row, or NULL */
} PenalBatchOptions;

/* How many rows of each status penal_batch_summary() can name. */
#define PENAL_BATCH_N_STATUSES 16

typedef struct
{
  guint64 rows;   /* rows written, error rows among them */
  guint64 errors; /* error rows */
  guint64 empty;  /* rows skipped: every cell was empty */
  guint64 by_status[PENAL_BATCH_N_STATUSES];
  char **ignored; /* columns skipped (ignore_unknown), or NULL */
} PenalBatchCounts;

GQuark penal_batch_error_quark (void);
gboolean penal_batch_run (const PenalModel *model,
                          const PenalBatchOptions *options, FILE *in,
                          const char *input_name, FILE *out,
                          PenalBatchCounts *counts, GError **error);
void penal_batch_counts_clear (PenalBatchCounts *counts);

/* A batch fed its input a piece at a time (penal-batch.c). */
typedef struct _PenalBatch PenalBatch;

PenalBatch *penal_batch_new (const PenalModel *model,
                             const PenalBatchOptions *options,
                             const char *input_name, FILE *out);
gboolean penal_batch_feed (PenalBatch *batch, const char *data, gsize length,
                           GError **error);
gboolean penal_batch_finish (PenalBatch *batch, PenalBatchCounts *counts,
                             GError **error);
void penal_batch_free (PenalBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalBatch, penal_batch_free)
char *penal_batch_summary (const PenalBatchCounts *counts);

/* Auditing a caseload ---------------------------------------------------- */

/* How a caseload of recorded charges is read and written: as batch reads
 * and writes (input_format, output_format, ignore_unknown, bom,
 * delimiter, date_order and keep as in PenalBatchOptions). */
typedef PenalBatchOptions PenalAuditOptions;

/* Rows by their first finding: ok, code-not-in-force, code-class-mismatch,
 * class-mismatch, enhancement-cannot-raise, cannot-check, then error. */
#define PENAL_AUDIT_N_OUTCOMES 7

typedef struct _PenalAuditReport PenalAuditReport;

typedef struct
{
  guint64 rows;      /* rows written, error rows among them */
  guint64 errors;    /* error rows */
  guint64 attention; /* rows with a finding that needs attention */
  guint64 empty;     /* rows skipped: every cell was empty */
  guint64 by_outcome[PENAL_AUDIT_N_OUTCOMES];
  char **ignored;           /* columns skipped (ignore_unknown), or NULL */
  PenalAuditReport *report; /* the findings for penal_audit_report_html */
} PenalAuditCounts;

gboolean penal_audit_run (const PenalModel *model,
                          const PenalAuditOptions *options, FILE *in,
                          const char *input_name, FILE *out,
                          PenalAuditCounts *counts, GError **error);
void penal_audit_counts_clear (PenalAuditCounts *counts);
char *penal_audit_summary (const PenalAuditCounts *counts);
char *penal_audit_report_html (const PenalAuditCounts *counts,
                               const char *input_name);

/* Reports on the statutes themselves ------------------------------------ */

#define PENAL_QUERY_ERROR (penal_query_error_quark ())

/* A report asked for something the statutes do not hold: an unknown
 * statute or offense, a fact that cannot vary, a date on which the version
 * in force is not established. */
typedef enum
{
  PENAL_QUERY_ERROR_INVALID,
  PENAL_QUERY_ERROR_TOO_LARGE, /* more than PENAL_REPORT_MAX_ROWS to show */
  PENAL_QUERY_ERROR_FAILED,
} PenalQueryError;

typedef enum
{
  PENAL_DMN_1_3,
  PENAL_DMN_1_1,
} PenalDmnVersion;

GQuark penal_query_error_quark (void);
char *penal_verify_report (const PenalModel *model, double milliseconds,
                           PenalFormat format);
char *penal_list_report (const PenalModel *model, PenalFormat format);
char *penal_show_report (const PenalModel *model, const char *name, gint64 date,
                         PenalFormat format, GError **error);
char *penal_tree_report (const PenalModel *model, const char *name, gint64 date,
                         PenalFormat format, GError **error);
char *penal_diff_report (const PenalModel *model, const char *name, gint64 from,
                         gint64 to, PenalFormat format, GError **error);
gboolean penal_what_if_check_vary (const PenalModel *model, const char *vary,
                                   GError **error);
char *penal_what_if_report (const PenalModel *model, const PenalFacts *facts,
                            const char *vary, PenalFormat format,
                            GError **error);
char *penal_lookup_report (const PenalModel *model, const char *query,
                           gint64 date, PenalFormat format, GError **error);
char *penal_lookup_search_report (const PenalModel *model, const char *words,
                                  PenalFormat format, GError **error);
char *penal_charges_diff_report (const PenalCharges *older,
                                 const PenalCharges *newer, PenalFormat format);
char *penal_export_dmn (const PenalModel *model, const char *offense,
                        gint64 date, PenalDmnVersion dmn_version,
                        GError **error);

/* Languages ------------------------------------------------------------ */

#define PENAL_LANGUAGE_ERROR (penal_language_error_quark ())

typedef enum
{
  PENAL_LANGUAGE_ERROR_CATALOG, /* a catalog that must not be used */
  PENAL_LANGUAGE_ERROR_FAILED,
} PenalLanguageError;

GQuark penal_language_error_quark (void);
gboolean penal_language_is_shipped (const char *language);
char *penal_language_names (void);
char *penal_language_filter (const char *requested);
char *penal_language_from_locale (const char *locale);
gboolean penal_language_check_catalog (const char *localedir,
                                       const char *language, GError **error);

/* Text ----------------------------------------------------------------- */

void penal_append_wrapped (GString *out, const char *text, guint first_column,
                           guint indent, guint width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalModel, penal_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalFacts, penal_facts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalOutcome, penal_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalScreen, penal_screen_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalCharges, penal_charges_free)

G_END_DECLS
