/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch.c: classify a caseload, one output row per input row, as a
 * stream.
 *
 * Rows come from the row reader (penal-batch-input.c: CSV or JSON Lines as
 * exports write them); each is answered by its facts, here, or by its
 * charge code (penal-batch-code.c), and written by penal-batch-row.c.  A
 * row is answered exactly as `penal classify` answers the same facts, with
 * three differences a caseload needs: a row with no offense date needs
 * that fact (it is never answered as of today), a fact the offense does
 * not read is ignored with a note in the row (classify refuses it), and
 * every problem of a bad row is reported, not only the first.  Memory
 * stays flat: only the current record is held.
 *
 * Answering is made cheap by a cache.  Over each offense the facts it
 * reads are cut into regions at every bound any of its rules tests (its
 * own, its enhancements' and its programs'), and the offense date into the
 * periods in which no version or penalty era changes; every case in the
 * same offense, period and regions, on the same side of today, gets the
 * same answer, so the answer's columns are computed once, by the ordinary
 * evaluator, and reused.  What differs from row to row is never cached:
 * the line, the cells kept (--keep), the offense date, and the notes of
 * facts ignored.  An answer whose words name the date itself (a date in
 * the future, or before any version held) is not cached, and --full, whose
 * answer names every fact given, is cached by the exact facts.  Values are
 * parsed by a fast path that accepts exactly a subset of what
 * penal_facts_set accepts (and enum values in any case); anything else
 * goes through penal_facts_set itself, so a value is refused with the
 * same message as in classify. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-batch-private.h"
#include "penal-date.h"
#include "penal-facts.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-render.h"
#include "penal-rows-run.h"

G_DEFINE_QUARK (penal - batch - error - quark, penal_batch_error)

/* ------------------------------------------------------------------ */
/* Preparing the regions                                                */

static void
prepare_offense (const PenalModel *model, const PenalOffense *offense,
                 guint index, OffensePrep *prep)
{
  prep->starts = penal_offense_period_starts (offense);
  prep->reads = g_new0 (gboolean, model->facts->len);
  prep->ignored_notes = g_new0 (char *, model->facts->len + 1);
  prep->cacheable = index < 64 && offense->facts_read->len <= MAX_KEY_FACTS
                    && prep->starts->len < 256;
  for (guint i = 0; i < offense->facts_read->len; i++)
    prep->reads[g_array_index (offense->facts_read, guint, i)] = TRUE;
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    if (!prep->reads[f])
      prep->ignored_notes[f] = g_strdup_printf (
          _ ("%s ignored: the offense %s does not depend on it."),
          ((const PenalFactDecl *)g_ptr_array_index (model->facts, f))->name,
          offense->id);

  for (guint i = 0; i < offense->facts_read->len && prep->cacheable; i++)
    {
      guint fact = g_array_index (offense->facts_read, guint, i);
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, fact);
      GArray *cuts = penal_regions_new (decl->min, decl->max);

      penal_regions_add_offense (cuts, offense, fact, decl->min, decl->max);
      penal_regions_finish (cuts);
      prep->key_facts[prep->n_key_facts] = fact;
      prep->cuts[prep->n_key_facts++] = cuts;
      /* Region 0 is "not given"; regions 1..cuts+1 must fit in 8 bits. */
      if (cuts->len + 2 > 255)
        prep->cacheable = FALSE;
    }
}

static void
prep_clear (OffensePrep *prep, guint n_facts)
{
  g_clear_pointer (&prep->starts, g_array_unref);
  for (guint i = 0; i < prep->n_key_facts; i++)
    g_clear_pointer (&prep->cuts[i], g_array_unref);
  g_clear_pointer (&prep->reads, g_free);
  for (guint f = 0; f < n_facts; f++)
    g_free (prep->ignored_notes[f]);
  g_clear_pointer (&prep->ignored_notes, g_free);
  g_clear_pointer (&prep->undated, penal_batch_answer_free);
}

/* ------------------------------------------------------------------ */
/* Fast value parsing: a strict subset of penal_facts_set               */

static gboolean
fast_integer (const char *text, gsize length, gint64 *out)
{
  gsize i = 0;
  gboolean negative = FALSE;
  gint64 value = 0;

  if (length > 0 && text[0] == '-')
    negative = TRUE, i = 1;
  if (i == length || length - i > 18)
    return FALSE;
  for (; i < length; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = negative ? -value : value;
  return TRUE;
}

static gboolean
word_is (const char *text, gsize length, const char *word)
{
  return strlen (word) == length
         && g_ascii_strncasecmp (text, word, length) == 0;
}

/* An enum value is read in any case: exports write "Patronizing". */
static gboolean
fast_value (const PenalFactDecl *decl, const char *text, gsize length,
            gint64 *out)
{
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_INTEGER:
      return fast_integer (text, length, out) && *out >= decl->min
             && *out <= decl->max;
    case PENAL_FACT_TYPE_DATE:
      return penal_date_parse_fast (text, length, out);
    case PENAL_FACT_TYPE_BOOLEAN:
      if (word_is (text, length, "yes") || word_is (text, length, "true")
          || word_is (text, length, "1") || word_is (text, length, "y"))
        return (*out = 1, TRUE);
      if (word_is (text, length, "no") || word_is (text, length, "false")
          || word_is (text, length, "0") || word_is (text, length, "n"))
        return (*out = 0, TRUE);
      return FALSE;
    case PENAL_FACT_TYPE_ENUM:
    default:
      for (guint i = 0; decl->values[i] != NULL; i++)
        if (word_is (text, length, decl->values[i]))
          return (*out = i, TRUE);
      return FALSE;
    }
}

/* Each cell of a fact as a value, or a problem; every problem of the row
 * is reported. */
static void
read_values (Batch *batch)
{
  const PenalModel *model = batch->model;
  PenalRow *row = batch->row;

  for (guint f = 0; f < model->facts->len; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      const char *text = row->cells[f];
      gsize length = row->lengths[f];
      char *problem = NULL;

      batch->known[f] = FALSE;
      if (text == NULL)
        continue;
      if (fast_value (decl, text, length, &batch->values[f]))
        {
          batch->known[f] = TRUE;
          if (decl->type == PENAL_FACT_TYPE_DATE)
            batch->date_text = text;
          continue;
        }
      if (decl->type == PENAL_FACT_TYPE_DATE)
        batch->known[f]
            = penal_row_reader_parse_date (batch->reader, decl->name, text,
                                           length, &batch->values[f], &problem);
      else
        {
          g_autoptr (PenalFacts) facts = penal_facts_new (model);
          g_autoptr (GError) error = NULL;
          g_autofree char *value = g_strndup (text, length);

          batch->known[f] = penal_facts_set (facts, decl->name, value, &error)
                            && penal_facts_get (facts, f, &batch->values[f]);
          if (!batch->known[f])
            problem = g_strdup (error->message);
        }
      if (problem != NULL)
        g_ptr_array_add (row->problems, problem);
    }
}

/* (transfer full) The row's facts, as read. */
PenalFacts *
penal_batch_row_facts (Batch *batch)
{
  PenalFacts *facts = penal_facts_new (batch->model);

  for (guint f = 0; f < batch->model->facts->len; f++)
    if (batch->known[f])
      penal_facts_set_value (facts, f, batch->values[f]);
  return facts;
}

/* A fact the offense does not read is left out, with a note in the row:
 * a full export gives every column on every row, so a patronizing row may
 * well say knew_hiv=no.  (classify refuses it: one case typed by hand is
 * most likely a mistake.) */
void
penal_batch_ignore_unread (Batch *batch, guint offense)
{
  const OffensePrep *prep = &batch->preps[offense];

  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < batch->model->facts->len; f++)
    if (batch->known[f] && !prep->reads[f])
      {
        batch->known[f] = FALSE;
        g_ptr_array_add (batch->row_notes, prep->ignored_notes[f]);
      }
}

/* ------------------------------------------------------------------ */
/* The caches                                                           */

/* --full and charge codes: answers by the exact key. */
BatchAnswer *
penal_batch_exact_lookup (Batch *batch, const void *key, gsize length)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (key, length);

  return g_hash_table_lookup (batch->exact, bytes);
}

void
penal_batch_exact_insert (Batch *batch, const void *key, gsize length,
                          BatchAnswer *answer)
{
  if (g_hash_table_size (batch->exact) >= MAX_CACHED)
    g_hash_table_remove_all (batch->exact);
  g_hash_table_insert (batch->exact, g_bytes_new (key, length), answer);
}

/* The exact key of the facts read: offense, date and every fact. */
static GString *
exact_key (Batch *batch, char kind)
{
  GString *key = g_string_new (NULL);

  g_string_append_c (key, kind);
  for (guint f = 0; f < batch->model->facts->len; f++)
    {
      g_string_append_c (key, batch->known[f] ? 1 : 0);
      if (batch->known[f])
        g_string_append_len (key, (const char *)&batch->values[f],
                             sizeof (gint64));
    }
  return key;
}

/* An answer is kept for its class of cases unless its words name the date
 * itself. */
static gboolean
date_free (const PenalOutcome *outcome)
{
  for (guint w = 0; outcome->warnings != NULL && w < outcome->warnings->len;
       w++)
    {
      PenalWarning warning = g_array_index (outcome->warnings, PenalWarning, w);

      if (warning != PENAL_WARNING_VERSION_UNSURE)
        return FALSE;
    }
  return TRUE;
}

/* The class of cases of a dated row: offense, the date's period and side
 * of today, and the region of each fact the offense reads. */
static guint64
region_key (Batch *batch, const OffensePrep *prep, guint offense, gint64 date)
{
  guint64 key = (guint64)offense | (guint64)(date > batch->today) << 6
                | (guint64)penal_regions_find (prep->starts, date) << 8;

  for (guint i = 0; i < prep->n_key_facts; i++)
    {
      guint fact = prep->key_facts[i];
      guint64 region = 0;

      if (batch->known[fact])
        region = penal_regions_find (prep->cuts[i], batch->values[fact]) + 1;
      key |= region << (16 + 8 * i);
    }
  return key;
}

/* ------------------------------------------------------------------ */
/* Answering a row by its facts                                         */

static BatchAnswer *
evaluate (Batch *batch, const PenalOffense *offense, gint64 date,
          gboolean *out_keep)
{
  g_autoptr (PenalFacts) facts = penal_batch_row_facts (batch);
  g_autoptr (PenalOutcome) outcome = NULL;

  *out_keep = TRUE;
  if (date < 0)
    {
      /* No offense date: the complete answer is one for each period. */
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GError) error = NULL;

      node = penal_render_json_undated (batch->model, facts, offense, NULL,
                                        &error);
      g_assert_no_error (error);
      return penal_batch_full_answer (batch, node, BATCH_NEEDS_FACTS, NULL);
    }
  outcome = penal_evaluate_on (batch->model, facts, date, batch->today);
  if (batch->options.full)
    {
      g_autoptr (JsonNode) node = penal_render_json (batch->model, outcome);
      BatchAnswer *answer = penal_batch_full_answer (
          batch, node, penal_batch_status_of (outcome->status), NULL);

      answer->family = outcome->status == PENAL_STATUS_DECIDED
                           ? outcome->charge_family
                           : NULL;
      return answer;
    }
  {
    RowParts parts;
    BatchAnswer *answer;

    penal_batch_parts_from_outcome (batch, outcome, &parts);
    answer = penal_batch_answer_new (batch, &parts);
    penal_batch_parts_clear (&parts);
    *out_keep = date_free (outcome);
    return answer;
  }
}

/* A row with no offense date: the fact it needs, never today's date. */
static BatchAnswer *
undated_answer (Batch *batch, guint index)
{
  OffensePrep *prep = &batch->preps[index];
  const PenalOffense *offense
      = g_ptr_array_index (batch->model->offenses, index);
  RowParts parts;

  if (prep->undated != NULL)
    return prep->undated;
  penal_batch_parts_init (&parts, BATCH_NEEDS_FACTS);
  parts.offense = offense->id;
  parts.statute = g_strdup (offense->statute);
  parts.message = g_strdup_printf ("%s %s", _ ("needs:"), "offense_date");
  prep->undated = penal_batch_answer_new (batch, &parts);
  penal_batch_parts_clear (&parts);
  return prep->undated;
}

/* (transfer none, or full when *out_owned) The answer for the row's
 * facts, the offense index among them, on date (-1: none), from the
 * caches when its class of cases was answered before. */
BatchAnswer *
penal_batch_facts_answer (Batch *batch, guint index, gint64 date,
                          gboolean *out_owned)
{
  const PenalOffense *offense
      = g_ptr_array_index (batch->model->offenses, index);
  const OffensePrep *prep = &batch->preps[index];
  BatchAnswer *answer;
  gboolean keep;

  *out_owned = FALSE;
  if (date < 0 && !batch->options.full)
    return undated_answer (batch, index);
  if (batch->options.full)
    {
      g_autoptr (GString) key = exact_key (batch, 'F');

      answer = penal_batch_exact_lookup (batch, key->str, key->len);
      if (answer == NULL)
        {
          answer = evaluate (batch, offense, date, &keep);
          penal_batch_exact_insert (batch, key->str, key->len, answer);
        }
      return answer;
    }
  if (!prep->cacheable)
    {
      *out_owned = TRUE;
      return evaluate (batch, offense, date, &keep);
    }
  {
    guint64 key = region_key (batch, prep, index, date);
    guint64 *stored;

    answer = g_hash_table_lookup (batch->cache, &key);
    if (answer != NULL)
      return answer;
    answer = evaluate (batch, offense, date, &keep);
    if (!keep)
      {
        *out_owned = TRUE;
        return answer;
      }
    if (g_hash_table_size (batch->cache) >= MAX_CACHED)
      g_hash_table_remove_all (batch->cache);
    stored = g_new (guint64, 1);
    *stored = key;
    g_hash_table_insert (batch->cache, stored, answer);
    return answer;
  }
}

/* A row without a charge code: answered by its facts, as classify answers
 * them. */
static void
answer_facts (Batch *batch)
{
  BatchAnswer *answer;
  gint64 date = -1;
  guint index;
  gboolean owned;

  if (!batch->known[PENAL_FACT_OFFENSE] && batch->row->problems->len == 0)
    g_ptr_array_add (batch->row->problems,
                     g_strdup (_ ("offense: not given; every row needs one, or "
                                  "a charge_code")));
  if (batch->row->problems->len > 0)
    {
      penal_batch_write_error_row (batch);
      return;
    }
  index = (guint)batch->values[PENAL_FACT_OFFENSE];
  penal_batch_ignore_unread (batch, index);
  if (batch->known[PENAL_FACT_OFFENSE_DATE])
    date = batch->values[PENAL_FACT_OFFENSE_DATE];
  answer = penal_batch_facts_answer (batch, index, date, &owned);
  penal_batch_write_answer (batch, answer, date);
  if (owned)
    penal_batch_answer_free (answer);
}

/* Each row the reader hands over. */
static gboolean
take_row (PenalRow *row, gpointer user_data)
{
  Batch *batch = user_data;

  batch->row = row;
  batch->date_text = NULL;
  g_ptr_array_set_size (batch->row_notes, 0);
  g_ptr_array_set_size (batch->row_owned, 0);
  if (row->unreadable)
    penal_batch_write_error_row (batch);
  else
    {
      read_values (batch);
      if (row->cells[batch->charge_column] != NULL)
        penal_batch_answer_code (batch);
      else
        answer_facts (batch);
    }
  return !batch->write_failed;
}

/* ------------------------------------------------------------------ */

static void
batch_init (Batch *batch, const PenalModel *model,
            const PenalBatchOptions *options, const char *input_name, FILE *out,
            PenalBatchCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  batch->model = model;
  batch->options = *options;
  batch->input_name = input_name;
  batch->today = penal_date_today ();
  batch->out = out;
  batch->counts = counts;
  batch->line = g_string_sized_new (256);
  batch->values = g_new0 (gint64, model->facts->len);
  batch->known = g_new0 (gboolean, model->facts->len);
  batch->row_notes = g_ptr_array_new ();
  batch->row_owned = g_ptr_array_new_with_free_func (g_free);
  batch->code_notes = g_new0 (char *, model->facts->len + 1);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    batch->code_notes[f] = g_strdup_printf (
        _ ("%s ignored: the charge code is answered by its class, which does "
           "not depend on it."),
        ((const PenalFactDecl *)g_ptr_array_index (model->facts, f))->name);
  batch->cache
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                               (GDestroyNotify)penal_batch_answer_free);
  batch->exact = g_hash_table_new_full (
      g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref,
      (GDestroyNotify)penal_batch_answer_free);
  batch->codes = penal_batch_codes_new ();
  batch->preps = g_new0 (OffensePrep, model->offenses->len);
  for (guint o = 0; o < model->offenses->len; o++)
    prepare_offense (model, g_ptr_array_index (model->offenses, o), o,
                     &batch->preps[o]);

  batch->reader = penal_rows_reader_new (model, options, input_name);
  batch->charge_column
      = penal_row_reader_add_column (batch->reader, "charge_code");
}

/* The input has been read (ok), or refused: the rows still held go out,
 * and the counts are filled in.  A failed write is what went wrong. */
static gboolean
batch_end (Batch *batch, gboolean ok, GError **error)
{
  /* A header row and no case: the answer is the header alone. */
  if (ok)
    penal_batch_write_header (batch);
  /* A failed write stops the reading too, and is what went wrong. */
  if (!penal_rows_flush (batch->out, batch->line, &batch->write_failed,
                         &batch->write_errno))
    {
      g_clear_error (error);
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _ ("cannot write the answers to standard output: %s"),
                   g_strerror (batch->write_errno));
      ok = FALSE;
    }
  penal_rows_reader_counts (batch->reader, &batch->counts->empty,
                            &batch->counts->ignored);
  return ok;
}

static void
batch_clear (Batch *batch)
{
  const PenalModel *model = batch->model;

  penal_row_reader_free (batch->reader);
  for (guint o = 0; o < model->offenses->len; o++)
    prep_clear (&batch->preps[o], model->facts->len);
  g_free (batch->preps);
  g_hash_table_unref (batch->cache);
  g_hash_table_unref (batch->exact);
  penal_batch_codes_free (batch->codes);
  g_clear_pointer (&batch->loaded_charges, penal_charges_free);
  g_free (batch->values);
  g_free (batch->known);
  g_ptr_array_unref (batch->row_notes);
  g_ptr_array_unref (batch->row_owned);
  for (guint f = 0; f < model->facts->len; f++)
    g_free (batch->code_notes[f]);
  g_free (batch->code_notes);
  g_string_free (batch->line, TRUE);
}

gboolean
penal_batch_run (const PenalModel *model, const PenalBatchOptions *options,
                 FILE *in, const char *input_name, FILE *out,
                 PenalBatchCounts *counts, GError **error)
{
  Batch batch = { 0 };
  gboolean ok;

  g_return_val_if_fail (model != NULL && options != NULL && in != NULL
                            && out != NULL && counts != NULL,
                        FALSE);

  batch_init (&batch, model, options, input_name, out, counts);
  ok = penal_row_reader_read (batch.reader, in, take_row, &batch, error);
  ok = batch_end (&batch, ok, error);
  batch_clear (&batch);
  return ok;
}

/* ------------------------------------------------------------------ */
/* A batch pushed a piece at a time                                     */

struct _PenalBatch
{
  Batch batch;
  PenalBatchCounts counts;
  gboolean ended;
};

/* (transfer full) A batch whose input comes in pieces (penal serve's, as
 * the request body arrives): the rows of each piece are answered as it
 * is fed, and written to out as penal_batch_run() writes them. */
PenalBatch *
penal_batch_new (const PenalModel *model, const PenalBatchOptions *options,
                 const char *input_name, FILE *out)
{
  PenalBatch *pushed;

  g_return_val_if_fail (model != NULL && options != NULL && out != NULL, NULL);

  pushed = g_new0 (PenalBatch, 1);
  batch_init (&pushed->batch, model, options, input_name, out, &pushed->counts);
  penal_row_reader_begin (pushed->batch.reader, take_row, &pushed->batch);
  return pushed;
}

/* Answers the rows that end in data.  FALSE with an error when the input
 * is refused or an answer cannot be written; then the batch reads no
 * more, and penal_batch_finish() says so again. */
gboolean
penal_batch_feed (PenalBatch *pushed, const char *data, gsize length,
                  GError **error)
{
  g_return_val_if_fail (pushed != NULL && !pushed->ended, FALSE);

  if (!penal_row_reader_feed (pushed->batch.reader, data, length, error))
    return FALSE;
  if (pushed->batch.write_failed)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _ ("cannot write the answers to standard output: %s"),
                   g_strerror (pushed->batch.write_errno));
      return FALSE;
    }
  return TRUE;
}

/* The input has ended: the last rows are answered and written, and
 * counts says what the batch did (clear it with
 * penal_batch_counts_clear()).  The same answer as penal_batch_run()
 * over the whole input. */
gboolean
penal_batch_finish (PenalBatch *pushed, PenalBatchCounts *counts,
                    GError **error)
{
  Batch *batch;
  gboolean ok;

  g_return_val_if_fail (pushed != NULL && !pushed->ended && counts != NULL,
                        FALSE);

  batch = &pushed->batch;
  pushed->ended = TRUE;
  ok = penal_row_reader_stopped (batch->reader)
       || penal_row_reader_finish (batch->reader, error);
  ok = batch_end (batch, ok, error);
  *counts = pushed->counts;
  memset (&pushed->counts, 0, sizeof pushed->counts);
  return ok;
}

void
penal_batch_free (PenalBatch *pushed)
{
  if (pushed == NULL)
    return;
  batch_clear (&pushed->batch);
  penal_batch_counts_clear (&pushed->counts);
  g_free (pushed);
}

void
penal_batch_counts_clear (PenalBatchCounts *counts)
{
  g_clear_pointer (&counts->ignored, g_strfreev);
}

static const char *
status_code (guint status)
{
  return penal_batch_status_to_code (status);
}

/* (transfer full) What a batch did, for standard error: the rows by
 * status, the empty rows skipped and the columns ignored, one line each
 * that has something to say. */
char *
penal_batch_summary (const PenalBatchCounts *counts)
{
  GString *out = g_string_new (NULL);

  penal_row_summary_start (out, counts->rows, counts->by_status,
                           BATCH_N_STATUSES, status_code);
  penal_row_summary_end (out, counts->empty, counts->ignored);
  return g_string_free (out, FALSE);
}
