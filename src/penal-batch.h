/* penal-batch.h: classify a caseload, one output row per input row, as a
 * stream. */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "penal-model.h"

G_BEGIN_DECLS

#define PENAL_BATCH_ERROR (penal_batch_error_quark ())

/* Errors that stop a batch before any row is classified, or while writing.
 * A bad row is never one of these: it becomes an error row. */
typedef enum
{
  PENAL_BATCH_ERROR_HEADER,   /* missing, unknown or repeated column */
  PENAL_BATCH_ERROR_IO,       /* reading or writing failed */
  PENAL_BATCH_ERROR_FAILED,
} PenalBatchError;

typedef enum
{
  PENAL_BATCH_CSV,
  PENAL_BATCH_JSONL,
} PenalBatchFormat;

typedef struct
{
  guint64 rows;
  guint64 errors;
} PenalBatchCounts;

GQuark   penal_batch_error_quark (void);

gboolean penal_batch_run (const PenalModel *model,
                          PenalBatchFormat  input_format,
                          PenalBatchFormat  output_format,
                          gboolean          ignore_unknown,
                          gint64            default_date,
                          FILE             *in,
                          const char       *input_name,
                          FILE             *out,
                          PenalBatchCounts *counts,
                          GError          **error);

G_END_DECLS
