/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-rows-private.h: the row reader's state and the helpers its two
 * formats share (penal-batch-input.c, CSV; penal-batch-jsonl.c, JSON
 * Lines).  Inside the library only. */
#pragma once

#include <json-glib/json-glib.h>

#include "penal-csv.h"
#include "penal-rows.h"

G_BEGIN_DECLS

#define READ_BLOCK (1024 * 1024)

struct _PenalRowReader
{
  PenalBatchFormat format;
  char *input_name;
  char delimiter; /* 0: found from the header line */
  gboolean ignore_unknown;
  PenalDateOrder date_order;

  GPtrArray *names;         /* char *: the columns the caller reads */
  GHashTable *name_keys;    /* key -> index + 1 */
  GPtrArray *keep;          /* char *: the columns to keep, as asked for */
  GHashTable *keep_keys;    /* key -> index + 1 */
  GPtrArray *kept_names;    /* char *: as the header writes them */
  GPtrArray *ignored;       /* char *: columns skipped, as written */
  GHashTable *ignored_keys; /* key */
  guint64 empty;

  PenalRow row;
  PenalRowFunc func;
  gpointer user_data;
  gboolean stopped;

  /* CSV: per field of the header, the column read (-1: none), the column
   * kept (-1: none), and whether it has a name. */
  GArray *field_column;
  GArray *field_kept;
  GArray *field_named;
  gboolean have_header;
  GError *header_error;

  /* Pushed input (penal_row_reader_feed): the input's first bytes, held
   * until its first line (or a block) is in, since the first line tells
   * the delimiter and the first bytes the encoding. */
  GString *head;
  gboolean started;
  gboolean failed; /* an error ended the reading: feed no more */
  guint64 bytes;   /* read, all told */
  PenalCsvReader *csv;

  /* JSON Lines. */
  JsonParser *parser;
  GHashTable *seen; /* per line: the keys given */
  GString *text;    /* the line being read */
  gboolean too_long;
  guint64 line;
};

/* A cell without the spaces around it; inline, as it runs for every cell
 * of every row. */
static inline void
penal_row_trim (const char **text, gsize *length)
{
  while (*length > 0 && g_ascii_isspace (**text))
    (*text)++, (*length)--;
  while (*length > 0 && g_ascii_isspace ((*text)[*length - 1]))
    (*length)--;
}

G_GNUC_INTERNAL void penal_row_start (PenalRowReader *reader, guint64 line);
G_GNUC_INTERNAL void penal_row_problem (PenalRowReader *reader, char *problem);
G_GNUC_INTERNAL void penal_row_hand_over_unreadable (PenalRowReader *reader,
                                                     guint64 line,
                                                     char *problem);
G_GNUC_INTERNAL void penal_row_set_cell (PenalRowReader *reader, gint column,
                                         gint kept, const char *name,
                                         const char *text, gsize length);
G_GNUC_INTERNAL void penal_row_hand_over (PenalRowReader *reader);
G_GNUC_INTERNAL char *penal_row_names_text (PenalRowReader *reader);
G_GNUC_INTERNAL void penal_row_note_ignored (PenalRowReader *reader,
                                             const char *name, const char *key);
G_GNUC_INTERNAL void penal_row_jsonl_feed (PenalRowReader *reader,
                                           const char *data, gsize n);
G_GNUC_INTERNAL gboolean penal_row_jsonl_finish (PenalRowReader *reader,
                                                 GError **error);

G_END_DECLS
