/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch-code.c: batch's charge_code column: a row answered by the
 * Highway Patrol's code it gives, for any offense.
 *
 * A caseload holds every kind of charge, and each carries its code.  The
 * code is resolved once for each way a row writes it (the code with or
 * without its modifier digits, a family, a legacy five-digit code), and is
 * answered as penal lookup answers it (penal-lookup.c): the class the table
 * gives on the offense date and the penalty range that class carries, or
 * why penal gives none.  The answer can change only where a code of the
 * entry starts or ends or a penalty era begins, so it is cached for the
 * period between two such days, and rows by charge code cost what rows by
 * facts cost.  A code of a statute penal holds in full (RSMo 567.020,
 * 567.030) is answered by its facts when they are given, classify's whole
 * answer; when they are not, by its class, saying which facts would give
 * the complete answer. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-batch-private.h"
#include "penal-render.h"
#include "penal-string.h"

/* Codes written longer than this are not codes. */
#define MAX_CODE_LENGTH 40

/* An entry, in one block: what every row reads first (the code as
 * written, the days on which its answer may change and the answers given
 * so far), then the rest, then the days themselves. */
struct _BatchCode
{
  char typed[MAX_CODE_LENGTH + 2]; /* the code as the rows write it */
  guint8 length;                   /* its length */
  guint n_starts;
  /* The answer of each period between the days of starts, once given:
   * by_period[p] holds from starts[p - 1] (starts[0] is the open start). */
  BatchAnswer **by_period;

  GPtrArray *rows; /* PenalChargeCode: the code, or those of a legacy code
                      or a family */
  char modifier;   /* '0' to '3' as written, or 0 */
  char *problem;   /* the cell names no code: why */
  gint offense;    /* the offense of the code's statute, if penal holds it
                      in full, or -1 */
  gint held;       /* that offense, when the code is the offense itself
                      (no attempt, accessory or conspiracy), or -1 */
  char *held_note; /* which facts give the complete answer */
  BatchAnswer *undated;
  gint64 starts[]; /* n_starts days, then n_starts + 1 answers */
};

static void
code_free (BatchCode *code)
{
  for (guint p = 0; p <= code->n_starts; p++)
    penal_batch_answer_free (code->by_period[p]);
  g_clear_pointer (&code->rows, g_ptr_array_unref);
  g_free (code->problem);
  g_free (code->held_note);
  penal_batch_answer_free (code->undated);
  g_free (code);
}

static void
add_day (GArray *starts, gint64 day)
{
  if (day > PENAL_DATE_OPEN_START && day < PENAL_DATE_OPEN_END)
    g_array_append_val (starts, day);
}

static gint
compare_days (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* The days on which a code of the entry, or the penalty it carries, may
 * change: each code's start and the day after its end, and each penalty
 * era's start, the day its start is established and the day after its
 * end.  The codes in force on a date, and the family's codes shown
 * instead, are the same between two of them. */
static GArray *
change_days (Batch *batch, GPtrArray *rows)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  const PenalPenalties *penalties = penal_lookup_class_table (batch->model);
  gint64 open = PENAL_DATE_OPEN_START;

  g_array_append_val (starts, open);
  for (guint r = 0; r < rows->len; r++)
    {
      const PenalChargeCode *row = g_ptr_array_index (rows, r);
      g_autoptr (GPtrArray) family
          = penal_charges_family (batch->charges, row->family);

      for (guint f = 0; f < family->len; f++)
        {
          const PenalChargeCode *other = g_ptr_array_index (family, f);

          add_day (starts, other->from);
          if (other->to < PENAL_DATE_OPEN_END)
            add_day (starts, other->to + 1);
        }
    }
  for (guint e = 0; penalties != NULL && e < penalties->eras->len; e++)
    {
      const PenalEra *era = g_ptr_array_index (penalties->eras, e);

      add_day (starts, era->dated.effective.from);
      add_day (starts, era->dated.effective.from_latest);
      if (era->dated.effective.to < PENAL_DATE_OPEN_END)
        add_day (starts, era->dated.effective.to + 1);
    }
  g_array_sort (starts, compare_days);
  for (guint i = 1; i < starts->len;)
    if (g_array_index (starts, gint64, i)
        == g_array_index (starts, gint64, i - 1))
      g_array_remove_index (starts, i);
    else
      i++;
  return starts;
}

/* The offense of a statute penal holds in full, or -1. */
static gint
held_offense (Batch *batch, const PenalChargeCode *row)
{
  const PenalOffense *held
      = penal_lookup_held_statute (batch->model, row->code);

  for (guint o = 0; held != NULL && o < batch->model->offenses->len; o++)
    if (g_ptr_array_index (batch->model->offenses, o) == held)
      return (gint)o;
  return -1;
}

/* What the cell names: one code, the codes of a legacy code, or those of a
 * family; a statute, or anything else, is not a code. */
static BatchCode *
resolve (Batch *batch, const char *typed, gsize length)
{
  BatchCode found_code = { 0 };
  BatchCode *code = &found_code;
  g_autofree char *upper = g_ascii_strup (typed, -1);
  g_autofree char *shown = penal_quote_untrusted (typed);
  g_autofree char *found = NULL;
  g_autoptr (GArray) starts = NULL;
  gboolean family = FALSE;

  code->held = code->offense = -1;
  code->rows = g_ptr_array_new ();
  if (strlen (upper) == 5 && strspn (upper, "0123456789") == 5)
    {
      for (guint i = 0; i < penal_charges_get_n_codes (batch->charges); i++)
        {
          const PenalChargeCode *row
              = penal_charges_get_row (batch->charges, i);
          if (row->legacy != NULL && g_str_equal (row->legacy, upper))
            g_ptr_array_add (code->rows, (gpointer)row);
        }
    }
  else if (strlen (upper) <= MAX_CODE_LENGTH
           && penal_lookup_split_code (upper, &found, &code->modifier, &family))
    {
      if (family)
        {
          g_ptr_array_unref (code->rows);
          code->rows = penal_charges_family (batch->charges, found);
        }
      else if (penal_charges_find (batch->charges, found) != NULL)
        g_ptr_array_add (code->rows,
                         (gpointer)penal_charges_find (batch->charges, found));
    }
  else
    code->problem = g_strdup_printf (
        _ ("charge_code: “%s” is not a charge code; give one as the Patrol "
           "writes it (567.030-003Y201840, with or without its modifier "
           "digits), a family (567.030-003) or a legacy code (21027)"),
        shown);
  if (code->problem == NULL && code->rows->len == 0)
    {
      g_autofree char *edition = penal_date_to_display (
          penal_charges_get_edition_day (batch->charges));

      code->problem = g_strdup_printf (
          _ ("charge_code: the Highway Patrol's table (edition of %s) has no "
             "charge code “%s”"),
          edition, shown);
    }
  if (code->problem == NULL)
    {
      starts = change_days (batch, code->rows);
      /* An attempt, accessory or conspiracy is not the offense itself:
       * its facts do not answer it. */
      code->offense = held_offense (batch, g_ptr_array_index (code->rows, 0));
      if (code->modifier < '1' || code->modifier > '3')
        code->held = code->offense;
    }
  if (code->held >= 0)
    {
      const PenalOffense *offense
          = g_ptr_array_index (batch->model->offenses, code->held);
      GString *facts = g_string_new (NULL);

      for (guint f = 0; f < offense->facts_read->len; f++)
        {
          guint fact = g_array_index (offense->facts_read, guint, f);

          if (fact == PENAL_FACT_OFFENSE || fact == PENAL_FACT_OFFENSE_DATE)
            continue;
          g_string_append_printf (facts, "%s%s", facts->len > 0 ? ", " : "",
                                  ((const PenalFactDecl *)g_ptr_array_index (
                                       batch->model->facts, fact))
                                      ->name);
        }
      code->held_note = g_strdup_printf (
          _ ("penal holds %s in full: give its facts (%s) for the complete "
             "answer."),
          offense->statute, facts->str);
      g_string_free (facts, TRUE);
    }

  /* The block: the entry, its days and room for their answers. */
  code->n_starts = starts != NULL ? starts->len : 0;
  code = g_malloc0 (sizeof (BatchCode) + sizeof (gint64) * code->n_starts
                    + sizeof (BatchAnswer *) * (code->n_starts + 1));
  *code = found_code;
  memcpy (code->typed, typed, length);
  code->length = (guint8)length;
  if (starts != NULL)
    memcpy (code->starts, starts->data, sizeof (gint64) * starts->len);
  code->by_period = (BatchAnswer **)(code->starts + code->n_starts);
  return code;
}

/* The code of the entry for the date: the one code, or the one in force
 * then; NULL with a problem when none or several are. */
static const PenalChargeCode *
code_on (Batch *batch, const BatchCode *code, const char *typed, gint64 date)
{
  g_autoptr (GPtrArray) in_force = g_ptr_array_new ();
  g_autofree char *shown = NULL;
  g_autofree char *day = NULL;

  if (code->rows->len == 1)
    return g_ptr_array_index (code->rows, 0);
  for (guint r = 0; r < code->rows->len; r++)
    {
      const PenalChargeCode *row = g_ptr_array_index (code->rows, r);

      if (row->from <= date && date <= row->to)
        g_ptr_array_add (in_force, (gpointer)row);
    }
  if (in_force->len == 1)
    return g_ptr_array_index (in_force, 0);
  shown = penal_quote_untrusted (typed);
  day = penal_date_to_display (date);
  if (in_force->len == 0)
    g_ptr_array_add (batch->row->problems,
                     g_strdup_printf (_ ("charge_code: no code of “%s” was in "
                                         "force on %s; give the full code"),
                                      shown, day));
  else
    {
      GString *list = g_string_new (NULL);

      for (guint r = 0; r < in_force->len; r++)
        g_string_append_printf (
            list, "%s%s", r > 0 ? ", " : "",
            ((const PenalChargeCode *)g_ptr_array_index (in_force, r))->code);
      g_ptr_array_add (
          batch->row->problems,
          g_strdup_printf (_ ("charge_code: “%s” names %u codes in force on "
                              "%s (%s); give the full code"),
                           shown, in_force->len, day, list->str));
      g_string_free (list, TRUE);
    }
  return NULL;
}

static BatchStatus
status_of (PenalLookupStatus status)
{
  switch (status)
    {
    case PENAL_LOOKUP_DECIDED:
      return BATCH_DECIDED;
    case PENAL_LOOKUP_UNCLASSIFIED:
      return BATCH_UNCLASSIFIED;
    case PENAL_LOOKUP_ORDINANCE:
      return BATCH_ORDINANCE;
    case PENAL_LOOKUP_MODIFIED:
      return BATCH_MODIFIED;
    case PENAL_LOOKUP_NOT_IN_FORCE:
      return BATCH_NOT_IN_FORCE;
    case PENAL_LOOKUP_NO_CLASS:
    default:
      return BATCH_NO_CLASS;
    }
}

/* The row's answer by its code on the date, as penal lookup gives it. */
static BatchAnswer *
code_answer (Batch *batch, const BatchCode *entry, const PenalChargeCode *row,
             const char *typed, gint64 date)
{
  g_autoptr (PenalLookupCode) code = penal_lookup_code_new (
      batch->model, batch->charges, penal_lookup_class_table (batch->model),
      row, entry->modifier, date);
  RowParts parts;
  BatchAnswer *answer;

  if (batch->options.full)
    {
      g_autoptr (GPtrArray) codes = g_ptr_array_new ();
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (codes, code);
      node = penal_lookup_report_json (batch->model, batch->charges, typed,
                                       date, codes);
      if (entry->held_note != NULL)
        g_ptr_array_add (notes, g_strdup (entry->held_note));
      return penal_batch_full_answer (batch, node, status_of (code->status),
                                      notes);
    }
  penal_batch_parts_init (&parts, status_of (code->status));
  parts.offense
      = code->held != NULL ? ((const PenalOffense *)code->held)->id : NULL;
  parts.statute = penal_lookup_statute_citation (row);
  g_ptr_array_add (parts.charge_codes, (gpointer)row->code);
  parts.message = penal_lookup_code_reason (code);
  if (code->status == PENAL_LOOKUP_DECIDED)
    {
      parts.klass = penal_class_to_code (code->klass);
      parts.citation = penal_charges_citation (batch->charges);
      parts.penalty = code->penalty;
      parts.penalty_established = code->penalty_state == PENAL_PENALTY_HELD
                                      ? PENAL_ANSWER_YES
                                      : PENAL_ANSWER_NO;
      if (code->penalty_state == PENAL_PENALTY_UNCERTAIN)
        g_ptr_array_add (parts.notes, g_strdup (penal_statute_text (
                                          code->era->dated.uncertain)));
      else if (code->penalty_state != PENAL_PENALTY_HELD)
        g_ptr_array_add (
            parts.notes,
            g_strdup (_ ("penal holds no penalty table for that date")));
      else if (code->penalty == NULL)
        g_ptr_array_add (
            parts.notes,
            g_strdup_printf (_ ("The penalty table in force then has no %s, "
                                "so penal gives no term or fine."),
                             penal_class_to_name (code->klass)));
      else if (code->held == NULL)
        g_ptr_array_add (
            parts.notes,
            g_strdup (_ ("The range is the one the penalty table gives the "
                         "class; the statute that defines the offense may set "
                         "its own, and penal does not hold it.")));
    }
  if (entry->held_note != NULL)
    g_ptr_array_add (parts.notes, g_strdup (entry->held_note));
  answer = penal_batch_answer_new (batch, &parts);
  penal_batch_parts_clear (&parts);
  return answer;
}

/* ------------------------------------------------------------------ */
/* The codes as rows write them                                         */

/* An open-addressed table from the code as written to its entry: a
 * caseload draws on thousands of codes at random, and a slot of a hash
 * and a pointer keeps the table small enough to stay in the processor's
 * cache, where a GHashTable reaches each key through two more pointers.
 * At most half full; emptied, entries and their answers, when it would
 * hold more than MAX_CACHED codes or they keep more than MAX_CACHED
 * answers. */
typedef struct
{
  guint32 hash;
  BatchCode *code; /* NULL: the slot is free */
} CodeSlot;

struct _BatchCodes
{
  CodeSlot *slots;
  guint size; /* a power of two, or 0 */
  guint used;
};

BatchCodes *
penal_batch_codes_new (void)
{
  return g_new0 (BatchCodes, 1);
}

static void
codes_empty (BatchCodes *codes)
{
  for (guint i = 0; i < codes->size; i++)
    g_clear_pointer (&codes->slots[i].code, code_free);
  codes->used = 0;
}

void
penal_batch_codes_free (BatchCodes *codes)
{
  if (codes == NULL)
    return;
  codes_empty (codes);
  g_free (codes->slots);
  g_free (codes);
}

static void
codes_insert (BatchCodes *codes, guint32 hash, BatchCode *code)
{
  guint i = hash & (codes->size - 1);

  while (codes->slots[i].code != NULL)
    i = (i + 1) & (codes->size - 1);
  codes->slots[i].hash = hash;
  codes->slots[i].code = code;
  codes->used++;
}

/* Room for one more code: the table doubled, or emptied at the caps. */
static void
codes_make_room (Batch *batch)
{
  BatchCodes *codes = batch->codes;
  CodeSlot *old = codes->slots;
  guint old_size = codes->size;

  if (codes->used >= MAX_CACHED || batch->code_answers >= MAX_CACHED)
    {
      codes_empty (codes);
      batch->code_answers = 0;
      return;
    }
  if ((codes->used + 1) * 2 <= codes->size)
    return;
  codes->size = MAX (codes->size * 2, 1024);
  codes->slots = g_new0 (CodeSlot, codes->size);
  codes->used = 0;
  for (guint i = 0; i < old_size; i++)
    if (old[i].code != NULL)
      codes_insert (codes, old[i].hash, old[i].code);
  g_free (old);
}

/* The entry for the code the row gives, resolved once. */
static BatchCode *
entry_for (Batch *batch, const char *text, gsize length)
{
  BatchCodes *codes = batch->codes;
  char typed[MAX_CODE_LENGTH + 2];
  guint32 hash;
  BatchCode *code;

  if (batch->charges == NULL)
    {
      g_autoptr (GError) error = NULL;

      batch->charges
          = penal_lookup_charges (batch->model, &batch->loaded_charges, &error);
      g_assert_no_error (error);
    }
  /* A longer cell is no code; its first bytes say so. */
  length = MIN (length, MAX_CODE_LENGTH + 1);
  hash = penal_bytes_hash (text, length);
  for (guint i = hash & (codes->size - 1); codes->size > 0;
       i = (i + 1) & (codes->size - 1))
    {
      code = codes->slots[i].code;
      if (code == NULL)
        break;
      if (codes->slots[i].hash == hash && code->length == length
          && memcmp (code->typed, text, length) == 0)
        return code;
    }
  codes_make_room (batch);
  memcpy (typed, text, length);
  typed[length] = '\0';
  code = resolve (batch, typed, length);
  codes_insert (codes, hash, code);
  return code;
}

/* A fact a code of a statute penal does not hold cannot use: a note. */
static void
ignore_facts (Batch *batch)
{
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < batch->model->facts->len; f++)
    if (batch->known[f])
      {
        batch->known[f] = FALSE;
        g_ptr_array_add (batch->row_notes, batch->code_notes[f]);
      }
}

/* The answer by the code alone on a date; NULL, with the row's problem,
 * when the entry names no code or several in force then. */
static BatchAnswer *
dated_code_answer (Batch *batch, BatchCode *entry, gint64 date)
{
  const PenalChargeCode *chosen;
  BatchAnswer *answer;
  guint period;

  if (batch->options.full)
    {
      /* The complete answer names the day itself: kept by the code as
       * written and the day, never by the entry, which may be dropped. */
      gsize length = strlen (entry->typed);
      g_autofree char *key = g_malloc (1 + sizeof (gint64) + length);

      key[0] = 'C';
      memcpy (key + 1, &date, sizeof (gint64));
      memcpy (key + 1 + sizeof (gint64), entry->typed, length);
      answer
          = penal_batch_exact_lookup (batch, key, 1 + sizeof (gint64) + length);
      if (answer != NULL)
        return answer;
      chosen = code_on (batch, entry, entry->typed, date);
      if (chosen == NULL)
        return NULL;
      answer = code_answer (batch, entry, chosen, entry->typed, date);
      penal_batch_exact_insert (batch, key, 1 + sizeof (gint64) + length,
                                answer);
      return answer;
    }
  /* The same codes are in force, and the same penalty era, all through a
   * period of the entry's change days. */
  {
    guint lo = 0, hi = entry->n_starts;

    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;

        if (entry->starts[mid] <= date)
          lo = mid + 1;
        else
          hi = mid;
      }
    period = lo;
  }
  if (entry->by_period[period] != NULL)
    return entry->by_period[period];
  chosen = code_on (batch, entry, entry->typed, date);
  if (chosen == NULL)
    return NULL;
  answer = code_answer (batch, entry, chosen, entry->typed, date);
  entry->by_period[period] = answer;
  batch->code_answers++;
  return answer;
}

/* A row with a charge code: by the code, or, for a statute penal holds in
 * full, by its facts when they are given. */
void
penal_batch_answer_code (Batch *batch)
{
  PenalRow *row = batch->row;
  BatchCode *entry = entry_for (batch, row->cells[batch->charge_column],
                                row->lengths[batch->charge_column]);
  BatchAnswer *answer;
  gboolean owned = FALSE;
  gint64 date = batch->known[PENAL_FACT_OFFENSE_DATE]
                    ? batch->values[PENAL_FACT_OFFENSE_DATE]
                    : -1;

  if (entry->problem != NULL)
    g_ptr_array_add (row->problems, g_strdup (entry->problem));
  else if (batch->known[PENAL_FACT_OFFENSE]
           && (gint)batch->values[PENAL_FACT_OFFENSE] != entry->offense)
    {
      const PenalOffense *offense = g_ptr_array_index (
          batch->model->offenses, batch->values[PENAL_FACT_OFFENSE]);
      g_autofree char *statute
          = penal_lookup_statute_citation (g_ptr_array_index (entry->rows, 0));

      g_ptr_array_add (
          row->problems,
          g_strdup_printf (
              _ ("charge_code: %s is a code of %s, not of the "
                 "offense %s (%s); give one or the other"),
              ((const PenalChargeCode *)g_ptr_array_index (entry->rows, 0))
                  ->code,
              statute != NULL ? statute : "?", offense->id, offense->statute));
    }
  if (row->problems->len > 0)
    {
      penal_batch_write_error_row (batch);
      return;
    }

  if (entry->held >= 0)
    {
      const PenalChargeCode *chosen = NULL;

      if (date >= 0)
        {
          chosen = code_on (batch, entry, entry->typed, date);
          if (chosen == NULL)
            {
              penal_batch_write_error_row (batch);
              return;
            }
        }
      batch->known[PENAL_FACT_OFFENSE] = TRUE;
      batch->values[PENAL_FACT_OFFENSE] = entry->held;
      penal_batch_ignore_unread (batch, (guint)entry->held);
      answer
          = penal_batch_facts_answer (batch, (guint)entry->held, date, &owned);
      if (date < 0 || answer->status != BATCH_NEEDS_FACTS)
        {
          if (answer->family != NULL && chosen != NULL
              && !g_str_equal (answer->family, chosen->family))
            {
              char *note = g_strdup_printf (
                  _ ("The facts lead to the charge codes of family %s, not to "
                     "%s, the code given."),
                  answer->family, chosen->code);

              g_ptr_array_add (batch->row_owned, note);
              g_ptr_array_add (batch->row_notes, note);
            }
          penal_batch_write_answer (batch, answer, date);
          if (owned)
            penal_batch_answer_free (answer);
          return;
        }
      if (owned)
        penal_batch_answer_free (answer);
    }
  else
    ignore_facts (batch);

  if (date < 0)
    {
      /* No offense date: the code cannot be answered. */
      if (entry->undated == NULL)
        {
          RowParts parts;

          penal_batch_parts_init (&parts, BATCH_NEEDS_FACTS);
          parts.statute = penal_lookup_statute_citation (
              g_ptr_array_index (entry->rows, 0));
          parts.message
              = g_strdup_printf ("%s %s", _ ("needs:"), "offense_date");
          entry->undated = penal_batch_answer_new (batch, &parts);
          penal_batch_parts_clear (&parts);
        }
      penal_batch_write_answer (batch, entry->undated, date);
      return;
    }
  answer = dated_code_answer (batch, entry, date);
  if (answer == NULL)
    penal_batch_write_error_row (batch);
  else
    penal_batch_write_answer (batch, answer, date);
}
