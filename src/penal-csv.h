/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-csv.h: an RFC 4180 reader that is pushed bytes and hands over one
 * record at a time, each with the line it starts on. */
#pragma once

#include <glib.h>

#include "penal.h"

G_BEGIN_DECLS

/* A record longer than this (PENAL_BATCH_MAX_RECORD_LENGTH, in penal.h) is
 * handed over with a problem; the fields of a record with a problem mean
 * nothing. */
#define PENAL_CSV_MAX_RECORD_LENGTH PENAL_BATCH_MAX_RECORD_LENGTH

typedef struct _PenalCsvReader PenalCsvReader;
typedef struct _PenalCsvRecord PenalCsvRecord;

/* Called with each record that is not a blank line.  Returning FALSE stops
 * the reader; error is then passed on as it is. */
typedef gboolean (*PenalCsvRecordFunc) (const PenalCsvRecord *record,
                                        gpointer user_data, GError **error);

PenalCsvReader *penal_csv_reader_new (PenalCsvRecordFunc func,
                                      gpointer user_data);
void penal_csv_reader_set_delimiter (PenalCsvReader *reader, char delimiter);
void penal_csv_reader_free (PenalCsvReader *reader);
gboolean penal_csv_reader_feed (PenalCsvReader *reader, const char *data,
                                gsize length, GError **error);
gboolean penal_csv_reader_finish (PenalCsvReader *reader, GError **error);

char penal_csv_sniff_delimiter (const char *data, gsize length);
gboolean penal_csv_header_line_complete (const char *data, gsize length);

guint64 penal_csv_record_get_line (const PenalCsvRecord *record);
const char *penal_csv_record_get_problem (const PenalCsvRecord *record);
guint penal_csv_record_get_n_fields (const PenalCsvRecord *record);
void penal_csv_record_get_field (const PenalCsvRecord *record, guint i,
                                 const char **out_text, gsize *out_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalCsvReader, penal_csv_reader_free)

G_END_DECLS
