/* penal-batch-private.h: what the two halves of penal batch share: the
 * batch being run, and how a row is answered.  Inside the library only. */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "penal-csv.h"
#include "penal-model-private.h"

G_BEGIN_DECLS

#define READ_BLOCK (1024 * 1024)
/* Answers kept; the cache is emptied when it grows past this. */
#define MAX_CACHED 65536
/* Facts per offense that fit the cache key, 8 bits each. */
#define MAX_KEY_FACTS 6

typedef struct
{
  GArray *starts; /* gint64: period starts */
  guint n_key_facts;
  guint key_facts[MAX_KEY_FACTS];
  GArray *cuts[MAX_KEY_FACTS]; /* gint64: first value of each region */
  gboolean cacheable;
  gboolean *reads; /* per fact: the offense reads it */
} OffensePrep;

typedef struct
{
  const PenalModel *model;
  PenalBatchFormat output_format;
  gboolean ignore_unknown;
  gint64 default_date;
  OffensePrep *preps; /* per offense */
  GHashTable *cache;  /* guint64 key -> char *answer text */
  FILE *out;
  GString *line; /* the output row being built */
  PenalBatchCounts *counts;
  gboolean header_written; /* the CSV output's header row */
  gboolean write_failed;
  int write_errno; /* why, once write_failed */
  /* Per row: the value given for each fact, or none. */
  const char **values;
  gsize *lengths;
  /* CSV: the column of each fact, -1 for an ignored column. */
  GArray *columns;
} Batch;

G_GNUC_INTERNAL void penal_batch_write_error_row (Batch *batch, guint64 line,
                                                  const char *message);
G_GNUC_INTERNAL void penal_batch_process_row (Batch *batch, guint64 line);
G_GNUC_INTERNAL gboolean penal_batch_run_csv (Batch *batch, FILE *in,
                                              const char *input_name,
                                              GError **error);
G_GNUC_INTERNAL gboolean penal_batch_run_jsonl (Batch *batch, FILE *in,
                                                const char *input_name,
                                                GError **error);

G_END_DECLS
