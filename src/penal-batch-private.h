/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch-private.h: what the parts of penal batch share: the batch
 * being run, a row's parts, and an answer as written.  Inside the library
 * only. */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "penal-diversion.h"
#include "penal-lookup.h"
#include "penal-model-private.h"
#include "penal-rows.h"

G_BEGIN_DECLS

/* Answers kept; the cache is emptied when it grows past this. */
#define MAX_CACHED 65536
/* Facts per offense that fit the cache key, 8 bits each. */
#define MAX_KEY_FACTS 6

/* A row's status, as written, in the order the summary counts them. */
typedef enum
{
  BATCH_DECIDED,
  BATCH_NEEDS_FACTS,
  BATCH_AMBIGUOUS,
  BATCH_NO_VERSION,
  BATCH_UNCLASSIFIED, /* the statuses of a row answered by its charge code */
  BATCH_ORDINANCE,
  BATCH_MODIFIED,
  BATCH_NO_CLASS,
  BATCH_NOT_IN_FORCE,
  BATCH_ERROR,
  BATCH_N_STATUSES
} BatchStatus;

G_STATIC_ASSERT (BATCH_N_STATUSES <= PENAL_BATCH_N_STATUSES);

typedef struct _BatchAnswer BatchAnswer;

typedef struct
{
  GArray *starts; /* gint64: period starts */
  guint n_key_facts;
  guint key_facts[MAX_KEY_FACTS];
  GArray *cuts[MAX_KEY_FACTS]; /* gint64: first value of each region */
  gboolean cacheable;
  gboolean *reads;      /* per fact: the offense reads it */
  char **ignored_notes; /* per fact: the note when a row gives it */
  BatchAnswer *undated; /* the answer for a row with no offense date */
} OffensePrep;

/* One item of a row's list columns: an enhancement (id, class,
 * raises_exposure), a protection (id, applies), a route of the court (id,
 * available, the enhancements that close it) or a referral (id, title). */
typedef struct
{
  const char *id;
  const char *text; /* the class, or the title */
  PenalAnswer answer;
  GPtrArray *not_if; /* const char *: enhancement ids, or NULL */
} RowItem;

/* Everything a row says, from whichever answer: classify's, a charge
 * code's, or "give the offense date"; written as CSV or JSON Lines by one
 * function (penal_batch_answer_new). */
typedef struct
{
  BatchStatus status;
  const char *offense;
  char *statute;
  const char *version;
  const char *klass;
  char *citation;
  const PenalClassPenalty *penalty;
  PenalAnswer penalty_established;
  GArray *enhancements; /* RowItem */
  GArray *protections;
  GArray *routes;
  GArray *referrals;
  PenalAnswer diversion;
  GPtrArray *charge_codes; /* const char * */
  const char *family;      /* their family */
  char *message;
  GPtrArray *notes; /* char * */
} RowParts;

/* One answer as written, reused for every row whose case is of its
 * class: its columns from the status on (head), the offense date's two
 * cells go after head, then tail, then the notes: the answer's own
 * (notes), to which a row may add its own, and the cell as written with
 * the row's end when it adds none (notes_end).  With --full, head is the
 * whole complete answer after its first member, tail is NULL, and notes
 * the answer's own "notes" elements. */
struct _BatchAnswer
{
  BatchStatus status;
  char *head;
  char *tail;
  GPtrArray *notes; /* char * */
  char *notes_end;
  gsize head_length; /* written a row at a time: their lengths, once */
  gsize tail_length;
  gsize notes_end_length;
  const char *family; /* the charge-code family of the class decided */
};

/* A charge code as a row gives it, resolved once, and the table of them
 * (penal-batch-code.c). */
typedef struct _BatchCode BatchCode;
typedef struct _BatchCodes BatchCodes;

typedef struct
{
  const PenalModel *model;
  PenalBatchOptions options;
  const char *input_name;
  gint64 today;
  OffensePrep *preps; /* per offense */
  GHashTable *cache;  /* guint64 key -> BatchAnswer */
  GHashTable *exact;  /* GBytes key -> BatchAnswer: --full, codes */
  PenalRowReader *reader;
  guint charge_column; /* the reader's column after the facts */
  FILE *out;
  GString *line; /* the output rows being built */
  PenalBatchCounts *counts;
  gboolean header_written; /* the CSV output's header row */
  gboolean write_failed;
  int write_errno; /* why, once write_failed */

  /* The row being answered. */
  PenalRow *row;
  gint64 *values; /* per fact */
  gboolean *known;
  const char *date_text; /* the date as given, when it is YYYY-MM-DD */
  GPtrArray *row_notes;  /* const char *: the row's own notes */
  GPtrArray *row_owned;  /* char *: those made for the row alone */

  /* Charge codes. */
  const PenalCharges *charges;
  PenalCharges *loaded_charges;
  BatchCodes *codes;    /* code as written -> BatchCode */
  guint64 code_answers; /* answers the codes keep, all told */
  char **code_notes;    /* per fact: the note when a code's row gives it */
} Batch;

/* penal-batch-row.c: writing rows. */
G_GNUC_INTERNAL void penal_batch_write_header (Batch *batch);
G_GNUC_INTERNAL void penal_batch_write_error_row (Batch *batch);
G_GNUC_INTERNAL void
penal_batch_write_answer (Batch *batch, const BatchAnswer *answer, gint64 date);
G_GNUC_INTERNAL BatchAnswer *penal_batch_answer_new (Batch *batch,
                                                     RowParts *parts);
G_GNUC_INTERNAL BatchAnswer *penal_batch_full_answer (Batch *batch,
                                                      JsonNode *object,
                                                      BatchStatus status,
                                                      GPtrArray *notes);
G_GNUC_INTERNAL void penal_batch_answer_free (BatchAnswer *answer);
G_GNUC_INTERNAL void penal_batch_parts_init (RowParts *parts,
                                             BatchStatus status);
G_GNUC_INTERNAL void penal_batch_parts_clear (RowParts *parts);
G_GNUC_INTERNAL void
penal_batch_parts_from_outcome (Batch *batch, const PenalOutcome *outcome,
                                RowParts *parts);
G_GNUC_INTERNAL BatchStatus penal_batch_status_of (PenalStatus status);
G_GNUC_INTERNAL const char *penal_batch_status_to_code (BatchStatus status);

/* penal-batch.c: answering a row by its facts. */
G_GNUC_INTERNAL PenalFacts *penal_batch_row_facts (Batch *batch);
G_GNUC_INTERNAL BatchAnswer *penal_batch_facts_answer (Batch *batch,
                                                       guint index, gint64 date,
                                                       gboolean *out_owned);
G_GNUC_INTERNAL void penal_batch_ignore_unread (Batch *batch, guint offense);
G_GNUC_INTERNAL BatchAnswer *
penal_batch_exact_lookup (Batch *batch, const void *key, gsize length);
G_GNUC_INTERNAL void penal_batch_exact_insert (Batch *batch, const void *key,
                                               gsize length,
                                               BatchAnswer *answer);

/* penal-batch-code.c: answering a row by its charge code. */
G_GNUC_INTERNAL void penal_batch_answer_code (Batch *batch);
G_GNUC_INTERNAL BatchCodes *penal_batch_codes_new (void);
G_GNUC_INTERNAL void penal_batch_codes_free (BatchCodes *codes);

G_END_DECLS
