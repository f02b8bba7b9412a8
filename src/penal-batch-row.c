/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-batch-row.c: penal batch's output: the header, each answer's row
 * as CSV or as one JSON object, and error rows.
 *
 * A row is the columns a spreadsheet can sort and filter: the offense date
 * used, the version, the class, each term as ISO 8601 and in whole
 * months, the fine, each enhancement's class and whether charging it
 * raises the exposure, the protections, routes of the court, referrals,
 * diversion, the charge code, and notes.  They are read off the answer the
 * library computed (penal_evaluate, or a charge code's lookup) into a
 * RowParts (penal-batch-parts.c), and written from it by one function, so
 * CSV and JSON Lines say the same; with --full a JSON Lines row is
 * classify's whole answer instead.  In CSV a cell never starts with =, +, -, @,
 * a tab or a CR, so a spreadsheet never reads text from the input as a formula.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-batch-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-rows-run.h"
#include "penal-string.h"

/* The CSV columns after the kept ones, in order. */
static const char *const columns[] = {
  "line",
  "status",
  "offense",
  "statute",
  "offense_date",
  "offense_date_assumed",
  "version",
  "class",
  "citation",
  "imprisonment_min",
  "imprisonment_min_months",
  "imprisonment_max",
  "imprisonment_max_months",
  "life",
  "county_jail_max",
  "county_jail_max_months",
  "fine_max_usd",
  "penalty_established",
  "enhancement",
  "enhancement_class",
  "enhancement_raises_exposure",
  "protection",
  "protection_applies",
  "court_discretion",
  "referral",
  "diversion_eligible",
  "charge_code",
  "message",
  "notes",
};

static const char *const status_codes[BATCH_N_STATUSES] = {
  "decided",   "needs-facts", "ambiguous", "no-version",   "unclassified",
  "ordinance", "modified",    "no-class",  "not-in-force", "error",
};

const char *
penal_batch_status_to_code (BatchStatus status)
{
  g_return_val_if_fail (status < BATCH_N_STATUSES, NULL);
  return status_codes[status];
}

/* ------------------------------------------------------------------ */
/* Cells                                                                */

static const char *
answer_word (PenalAnswer answer)
{
  return answer == PENAL_ANSWER_YES  ? "true"
         : answer == PENAL_ANSWER_NO ? "false"
                                     : NULL;
}

/* A term in whole months, or NULL: a term of days is not whole months. */
static char *
months (const PenalDuration *duration)
{
  if (duration->iso == NULL || duration->unit == 'D')
    return NULL;
  return g_strdup_printf ("%u", duration->unit == 'Y' ? duration->amount * 12
                                                      : duration->amount);
}

/* Writes a row's cells into out in the row's format: each call adds one
 * member (JSON) or one cell (CSV), a comma before it. */
typedef struct
{
  GString *out;
  gboolean json;
} Cells;

static void
cell_text (Cells *cells, const char *member, const char *text)
{
  g_string_append_c (cells->out, ',');
  if (!cells->json)
    {
      if (text != NULL)
        penal_row_append_csv_cell (cells->out, text, -1);
      return;
    }
  g_string_append_printf (cells->out, "\"%s\":", member);
  if (text == NULL)
    g_string_append (cells->out, "null");
  else
    penal_row_append_json_string (cells->out, text, -1);
}

/* A number, a boolean word or null: bare in JSON. */
static void
cell_bare (Cells *cells, const char *member, const char *text)
{
  g_string_append_c (cells->out, ',');
  if (cells->json)
    g_string_append_printf (cells->out, "\"%s\":%s", member,
                            text != NULL ? text : "null");
  else if (text != NULL)
    g_string_append (cells->out, text);
}

static void
cell_answer (Cells *cells, const char *member, PenalAnswer answer)
{
  cell_bare (cells, member, answer_word (answer));
}

/* A list column of CSV: the items' field joined by "; ". */
static void
csv_list (Cells *cells, GArray *items, int field)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);
      const char *text = field == 0   ? item->id
                         : field == 1 ? item->text
                                      : answer_word (item->answer);

      if (i > 0)
        g_string_append (joined, "; ");
      if (text != NULL)
        g_string_append (joined, text);
    }
  g_string_append_c (cells->out, ',');
  penal_row_append_csv_cell (cells->out, joined->str, (gssize)joined->len);
  g_string_free (joined, TRUE);
}

/* A list member of JSON: objects of id and the members named. */
static void
json_list (Cells *cells, const char *member, GArray *items,
           const char *text_member, const char *answer_member)
{
  g_string_append_printf (cells->out, ",\"%s\":[", member);
  for (guint i = 0; i < items->len; i++)
    {
      const RowItem *item = &g_array_index (items, RowItem, i);

      g_string_append (cells->out, i > 0 ? ",{\"id\":" : "{\"id\":");
      penal_row_append_json_string (cells->out, item->id, -1);
      if (text_member != NULL)
        {
          g_string_append_printf (cells->out, ",\"%s\":", text_member);
          if (item->text != NULL)
            penal_row_append_json_string (cells->out, item->text, -1);
          else
            g_string_append (cells->out, "null");
        }
      if (answer_member != NULL)
        {
          const char *word = answer_word (item->answer);
          g_string_append_printf (cells->out, ",\"%s\":%s", answer_member,
                                  word != NULL ? word : "null");
        }
      if (g_str_equal (member, "court_discretion"))
        {
          g_string_append (cells->out, ",\"not_if_charged\":[");
          for (guint e = 0; item->not_if != NULL && e < item->not_if->len; e++)
            {
              if (e > 0)
                g_string_append_c (cells->out, ',');
              penal_row_append_json_string (
                  cells->out, g_ptr_array_index (item->not_if, e), -1);
            }
          g_string_append_c (cells->out, ']');
        }
      g_string_append_c (cells->out, '}');
    }
  g_string_append_c (cells->out, ']');
}

/* Notes as one CSV cell (sentences joined by a space) or as a JSON array's
 * elements. */
static void
append_notes (GString *out, gboolean json, GPtrArray *notes, GPtrArray *more)
{
  GPtrArray *lists[] = { notes, more };
  GString *joined = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const char *note = g_ptr_array_index (lists[l], i);

        if (json)
          {
            if (!first)
              g_string_append_c (out, ',');
            penal_row_append_json_string (out, note, -1);
          }
        else
          g_string_append_printf (joined, "%s%s", first ? "" : " ", note);
        first = FALSE;
      }
  if (!json)
    penal_row_append_csv_cell (out, joined->str, (gssize)joined->len);
  g_string_free (joined, TRUE);
}

/* ------------------------------------------------------------------ */
/* Answers                                                              */

/* An answer and its text in one block: a caseload's rows draw on
 * thousands of answers at random, and each is then read in one go.  tail
 * and notes_end may be NULL (--full). */
static BatchAnswer *
answer_alloc (BatchStatus status, const GString *head, const GString *tail,
              const GString *notes_end)
{
  gsize size = sizeof (BatchAnswer) + head->len + 1
               + (tail != NULL ? tail->len + notes_end->len + 2 : 0);
  BatchAnswer *answer = g_malloc0 (size);
  char *text = (char *)(answer + 1);

  answer->status = status;
  answer->head = memcpy (text, head->str, head->len + 1);
  answer->head_length = head->len;
  if (tail == NULL)
    return answer;
  text += head->len + 1;
  answer->tail = memcpy (text, tail->str, tail->len + 1);
  answer->tail_length = tail->len;
  text += tail->len + 1;
  answer->notes_end = memcpy (text, notes_end->str, notes_end->len + 1);
  answer->notes_end_length = notes_end->len;
  return answer;
}

/* The columns after the line (and the kept cells): head through the
 * statute, tail from the version to the message; the notes apart. */
BatchAnswer *
penal_batch_answer_new (Batch *batch, RowParts *parts)
{
  BatchAnswer *answer;
  g_autoptr (GString) head = NULL;
  g_autoptr (GString) tail = NULL;
  g_autoptr (GString) end = g_string_new (NULL);
  GPtrArray *notes;
  gboolean json = batch->options.output_format == PENAL_BATCH_JSONL;
  const PenalClassPenalty *p = parts->penalty;
  Cells cells = { g_string_new (NULL), json };

  cell_text (&cells, "status", status_codes[parts->status]);
  cell_text (&cells, "offense", parts->offense);
  cell_text (&cells, "statute", parts->statute);
  head = cells.out;

  cells.out = g_string_new (NULL);
  cell_text (&cells, "version", parts->version);
  cell_text (&cells, "class", parts->klass);
  cell_text (&cells, "citation", parts->citation);
  {
    const PenalDuration *terms[] = { p != NULL ? &p->imprisonment_min : NULL,
                                     p != NULL ? &p->imprisonment_max : NULL };
    const char *names[] = { "imprisonment_min", "imprisonment_max" };

    for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
      {
        g_autofree char *member = g_strconcat (names[t], "_months", NULL);
        g_autofree char *in_months
            = terms[t] != NULL ? months (terms[t]) : NULL;

        cell_text (&cells, names[t], terms[t] != NULL ? terms[t]->iso : NULL);
        cell_bare (&cells, member, in_months);
      }
  }
  cell_bare (&cells, "life", p != NULL ? (p->life ? "true" : "false") : NULL);
  {
    g_autofree char *in_months
        = p != NULL ? months (&p->county_jail_max) : NULL;
    g_autofree char *fine
        = p != NULL && p->fine_max_usd >= 0
              ? g_strdup_printf ("%" G_GINT64_FORMAT, p->fine_max_usd)
              : NULL;

    cell_text (&cells, "county_jail_max",
               p != NULL ? p->county_jail_max.iso : NULL);
    cell_bare (&cells, "county_jail_max_months", in_months);
    cell_bare (&cells, "fine_max_usd", fine);
  }
  cell_answer (&cells, "penalty_established", parts->penalty_established);
  if (json)
    {
      json_list (&cells, "enhancements", parts->enhancements, "class",
                 "raises_exposure");
      json_list (&cells, "protections", parts->protections, NULL, "applies");
      json_list (&cells, "court_discretion", parts->routes, NULL, "available");
      json_list (&cells, "referrals", parts->referrals, "title", NULL);
      cell_answer (&cells, "diversion_eligible", parts->diversion);
      g_string_append (cells.out, ",\"charge_codes\":[");
      for (guint c = 0; c < parts->charge_codes->len; c++)
        {
          if (c > 0)
            g_string_append_c (cells.out, ',');
          penal_row_append_json_string (
              cells.out, g_ptr_array_index (parts->charge_codes, c), -1);
        }
      g_string_append_c (cells.out, ']');
      cell_text (&cells, "message", parts->message);
      g_string_append (cells.out, ",\"notes\":[");
    }
  else
    {
      g_autofree char *codes = NULL;

      csv_list (&cells, parts->enhancements, 0);
      csv_list (&cells, parts->enhancements, 1);
      csv_list (&cells, parts->enhancements, 2);
      csv_list (&cells, parts->protections, 0);
      csv_list (&cells, parts->protections, 2);
      csv_list (&cells, parts->routes, 0);
      csv_list (&cells, parts->referrals, 0);
      cell_answer (&cells, "diversion_eligible", parts->diversion);
      g_ptr_array_add (parts->charge_codes, NULL);
      codes = g_strjoinv ("; ", (char **)parts->charge_codes->pdata);
      g_ptr_array_set_size (parts->charge_codes, parts->charge_codes->len - 1);
      cell_text (&cells, "charge_code", codes[0] != '\0' ? codes : NULL);
      cell_text (&cells, "message", parts->message);
      g_string_append_c (cells.out, ',');
    }
  tail = cells.out;
  notes = g_steal_pointer (&parts->notes);
  parts->notes = g_ptr_array_new_with_free_func (g_free);
  append_notes (end, json, notes, NULL);
  g_string_append (end, json ? "]}\n" : "\n");
  answer = answer_alloc (parts->status, head, tail, end);
  answer->family = parts->family;
  answer->notes = notes;
  return answer;
}

/* --full: the complete answer (an object whose first member is
 * format_version), written after the row's line, kept cells and notes. */
BatchAnswer *
penal_batch_full_answer (Batch *batch, JsonNode *object, BatchStatus status,
                         GPtrArray *notes)
{
  BatchAnswer *answer;
  g_autofree char *json = penal_json_to_string (object, FALSE);
  const char *first
      = "{\"format_version\":" G_STRINGIFY (PENAL_JSON_FORMAT_VERSION) ",";
  g_autoptr (GString) head = NULL;

  (void)batch;
  g_assert (g_str_has_prefix (json, first));
  head = g_string_new (json + strlen (first));
  g_string_append_c (head, '\n');
  answer = answer_alloc (status, head, NULL, NULL);
  answer->notes = notes != NULL ? g_ptr_array_ref (notes)
                                : g_ptr_array_new_with_free_func (g_free);
  return answer;
}

void
penal_batch_answer_free (BatchAnswer *answer)
{
  if (answer == NULL)
    return;
  g_clear_pointer (&answer->notes, g_ptr_array_unref);
  g_free (answer);
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

static void
flush_line (Batch *batch)
{
  penal_rows_end_row (batch->out, batch->line, &batch->write_failed,
                      &batch->write_errno);
}

/* The CSV header goes before the first row, not before the input is
 * read: if the input is refused, nothing but the error appears, and
 * `penal batch x.csv > out.csv` leaves no file that looks like an
 * answer.  The byte order mark (--bom) goes with it. */
void
penal_batch_write_header (Batch *batch)
{
  if (!batch->header_written)
    penal_rows_append_header (batch->line, batch->reader, &batch->options,
                              columns, G_N_ELEMENTS (columns));
  batch->header_written = TRUE;
}

/* A row's start: the kept cells and the line (CSV), or the object's
 * first members (JSON). */
static void
start_row (Batch *batch)
{
  penal_batch_write_header (batch);
  penal_row_append_start (batch->line, batch->reader, batch->row,
                          batch->options.output_format == PENAL_BATCH_JSONL);
}

/* The row's problems, every one, as the message. */
void
penal_batch_write_error_row (Batch *batch)
{
  batch->counts->rows++;
  batch->counts->errors++;
  batch->counts->by_status[BATCH_ERROR]++;
  start_row (batch);
  if (batch->options.output_format == PENAL_BATCH_CSV)
    {
      g_string_append (batch->line, ",error");
      /* The columns from offense to charge_code are empty. */
      for (guint c = 2; c + 2 < G_N_ELEMENTS (columns); c++)
        g_string_append_c (batch->line, ',');
      g_string_append_c (batch->line, ',');
    }
  else
    g_string_append (batch->line, ",\"status\":\"error\",\"message\":");
  penal_rows_append_error_end (batch->line, batch->row,
                               batch->options.output_format
                                   == PENAL_BATCH_JSONL);
  flush_line (batch);
}

/* The offense date's two cells: the date used (-1: none) and whether it
 * was assumed, which in batch it never is. */
static void
append_date (Batch *batch, gint64 date)
{
  gboolean json = batch->options.output_format == PENAL_BATCH_JSONL;
  g_autofree char *iso = NULL;
  const char *text = batch->date_text;

  if (date >= 0 && text == NULL)
    text = iso = penal_date_to_iso (date);
  if (json)
    {
      if (date < 0)
        g_string_append (batch->line, ",\"offense_date\":null");
      else
        {
          g_string_append (batch->line, ",\"offense_date\":\"");
          g_string_append_len (batch->line, text, 10);
          g_string_append_c (batch->line, '"');
        }
      g_string_append (batch->line, ",\"offense_date_assumed\":false");
      return;
    }
  penal_string_append (batch->line, ",", 1);
  if (date >= 0)
    penal_string_append (batch->line, text, 10);
  penal_string_append (batch->line, ",false", 6);
}

/* Writes a row from its answer: the row's own start and date, and its own
 * notes after the answer's. */
void
penal_batch_write_answer (Batch *batch, const BatchAnswer *answer, gint64 date)
{
  gboolean json = batch->options.output_format == PENAL_BATCH_JSONL;
  gboolean more = batch->row_notes->len > 0;

  batch->counts->rows++;
  batch->counts->by_status[answer->status]++;
  start_row (batch);
  if (answer->tail == NULL)
    {
      /* --full */
      g_string_append (batch->line, ",\"notes\":[");
      append_notes (batch->line, TRUE, answer->notes, batch->row_notes);
      g_string_append (batch->line, "],");
      penal_string_append (batch->line, answer->head, answer->head_length);
      flush_line (batch);
      return;
    }
  penal_string_append (batch->line, answer->head, answer->head_length);
  append_date (batch, date);
  penal_string_append (batch->line, answer->tail, answer->tail_length);
  if (!more)
    penal_string_append (batch->line, answer->notes_end,
                         answer->notes_end_length);
  else
    {
      append_notes (batch->line, json, answer->notes, batch->row_notes);
      g_string_append (batch->line, json ? "]}\n" : "\n");
    }
  flush_line (batch);
}
