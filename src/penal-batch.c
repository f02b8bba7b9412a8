/* penal-batch.c: classify a caseload, one output row per input row, as a
 * stream.
 *
 * Input is read in large blocks and split by a small RFC 4180 state machine
 * (quoted fields with "" escapes, embedded commas and newlines, CRLF, a
 * leading UTF-8 BOM), or one JSON object per line.  Memory stays flat: only
 * the current record is held.
 *
 * Classifying is made cheap by a cache.  Over each offense the facts it
 * reads are cut into regions at every bound any of its rules tests (its
 * own, its enhancements' and its programs'), and the offense date into the
 * periods in which no version or penalty era changes; every case in the
 * same offense, period and regions gets the same answer, so the answer's
 * output text is computed once, by the ordinary evaluator and renderers,
 * and reused.  Values are parsed by a fast path that accepts exactly a
 * subset of what penal_facts_set accepts; anything else goes through
 * penal_facts_set itself, so a row is answered, or refused with the same
 * message, exactly as `penal classify` would. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-batch-private.h"
#include "penal-diversion.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-render.h"
#include "penal.h"

G_DEFINE_QUARK (penal - batch - error - quark, penal_batch_error)

/* ------------------------------------------------------------------ */
/* Preparing the regions                                                */

static void
prepare_offense (const PenalModel *model, const PenalOffense *offense,
                 OffensePrep *prep)
{
  prep->starts = penal_offense_period_starts (offense);
  prep->reads = g_new0 (gboolean, model->facts->len);
  prep->cacheable
      = offense->facts_read->len <= MAX_KEY_FACTS && prep->starts->len < 256;
  for (guint i = 0; i < offense->facts_read->len; i++)
    prep->reads[g_array_index (offense->facts_read, guint, i)] = TRUE;

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
prep_clear (OffensePrep *prep)
{
  g_clear_pointer (&prep->starts, g_array_unref);
  for (guint i = 0; i < prep->n_key_facts; i++)
    g_clear_pointer (&prep->cuts[i], g_array_unref);
  g_clear_pointer (&prep->reads, g_free);
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
        if (strlen (decl->values[i]) == length
            && memcmp (decl->values[i], text, length) == 0)
          return (*out = i, TRUE);
      return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Output                                                               */

static void
append_csv_field (GString *out, const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static const char *const csv_header
    = "line,status,offense,class,citation,imprisonment_min,imprisonment_max,"
      "life,"
      "county_jail_max,fine_max_usd,diversion_eligible,message\n";

/* The needs-facts and ambiguous answers in a word or two, for the message
 * column: which facts are missing, or which classes the candidates give. */
static char *
outcome_message (const PenalOutcome *outcome)
{
  GString *text = g_string_new (NULL);

  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    {
      g_string_append (text, _ ("needs:"));
      for (guint i = 0; i < outcome->missing->len; i++)
        g_string_append_printf (
            text, " %s",
            ((PenalFactDecl *)g_ptr_array_index (outcome->missing, i))->name);
    }
  else if (outcome->status == PENAL_STATUS_AMBIGUOUS)
    {
      g_string_append (
          text, _ ("the version in force is not established; candidates:"));
      for (guint i = 0; i < outcome->candidates->len; i++)
        {
          const PenalOutcome *candidate
              = g_ptr_array_index (outcome->candidates, i);
          g_string_append_printf (
              text, " %s %s (%s)", candidate->version->id,
              candidate->rule->kind == PENAL_RULE_CLASS
                  ? penal_class_to_code (candidate->rule->klass)
                  : "open",
              candidate->rule->citation);
        }
    }
  return g_string_free (text, FALSE);
}

/* The answer's columns, everything after the line number. */
static char *
answer_text (const Batch *batch, const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);
  gboolean decided = outcome->status == PENAL_STATUS_DECIDED;
  const PenalRule *rule = decided ? outcome->rule : NULL;
  const PenalClassPenalty *p = outcome->penalty;
  g_autofree char *message = outcome_message (outcome);
  const char *klass = rule != NULL && rule->kind == PENAL_RULE_CLASS
                          ? penal_class_to_code (rule->klass)
                          : NULL;
  const char *eligible = diversion->eligible == PENAL_ANSWER_YES  ? "true"
                         : diversion->eligible == PENAL_ANSWER_NO ? "false"
                                                                  : NULL;

  if (batch->output_format == PENAL_BATCH_CSV)
    {
      GString *out = g_string_new (NULL);

      g_string_append_c (out, ',');
      append_csv_field (out, penal_status_to_code (outcome->status));
      g_string_append_c (out, ',');
      append_csv_field (out, outcome->offense->id);
      g_string_append_c (out, ',');
      append_csv_field (out, klass);
      g_string_append_c (out, ',');
      append_csv_field (out, rule != NULL ? rule->citation : NULL);
      g_string_append_c (out, ',');
      append_csv_field (out, p != NULL ? p->imprisonment_min.iso : NULL);
      g_string_append_c (out, ',');
      append_csv_field (out, p != NULL ? p->imprisonment_max.iso : NULL);
      g_string_append_c (out, ',');
      append_csv_field (out, p != NULL ? (p->life ? "true" : "false") : NULL);
      g_string_append_c (out, ',');
      append_csv_field (out, p != NULL ? p->county_jail_max.iso : NULL);
      g_string_append_c (out, ',');
      if (p != NULL && p->fine_max_usd >= 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, p->fine_max_usd);
      g_string_append_c (out, ',');
      append_csv_field (out, eligible);
      g_string_append_c (out, ',');
      append_csv_field (out, message);
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }
  else
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "status",
                                     penal_status_to_code (outcome->status));
      penal_json_add_string_or_null (builder, "offense", outcome->offense->id);
      penal_json_add_string_or_null (builder, "class", klass);
      penal_json_add_string_or_null (builder, "citation",
                                     rule != NULL ? rule->citation : NULL);
      penal_json_add_penalty_fields (builder, p);
      json_builder_set_member_name (builder, "diversion_eligible");
      if (eligible == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, diversion->eligible
                                                     == PENAL_ANSWER_YES);
      penal_json_add_string_or_null (builder, "message",
                                     message[0] != '\0' ? message : NULL);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json = penal_json_to_string (root, FALSE);
      /* Drop the opening brace: the line number goes first. */
      return g_strconcat (",", json + 1, "\n", NULL);
    }
}

/* How every JSON Lines row begins, an answer or an error: its format, then
 * the line its record starts on. */
#define JSONL_ROW_START                                                        \
  "{\"format_version\":" G_STRINGIFY (PENAL_JSON_FORMAT_VERSION) ",\"line\":"

/* Rows are written in blocks: one fwrite per row costs more than the
 * row. */
static void
write_rows (Batch *batch)
{
  if (batch->write_failed || batch->line->len == 0)
    return;
  errno = 0;
  if (fwrite (batch->line->str, 1, batch->line->len, batch->out)
      != batch->line->len)
    {
      batch->write_failed = TRUE;
      batch->write_errno = errno != 0 ? errno : EIO;
    }
  g_string_truncate (batch->line, 0);
}

static void
flush_line (Batch *batch)
{
  if (batch->line->len >= 64 * 1024)
    write_rows (batch);
}

/* The CSV header goes before the first row, not before the input is
 * read: if the input is refused, nothing but the error appears, and
 * `penal batch x.csv > out.csv` leaves no file that looks like an
 * answer. */
static void
write_header (Batch *batch)
{
  if (batch->header_written)
    return;
  batch->header_written = TRUE;
  if (batch->output_format == PENAL_BATCH_CSV)
    g_string_append (batch->line, csv_header);
}

static void
start_line (Batch *batch, guint64 line)
{
  char digits[24];
  char *p = digits + sizeof digits;

  write_header (batch);

  *--p = '\0';
  do
    *--p = (char)('0' + line % 10);
  while ((line /= 10) > 0);
  if (batch->output_format == PENAL_BATCH_JSONL)
    g_string_append (batch->line, JSONL_ROW_START);
  g_string_append (batch->line, p);
}

void
penal_batch_write_error_row (Batch *batch, guint64 line, const char *message)
{
  batch->counts->errors++;
  start_line (batch, line);
  if (batch->output_format == PENAL_BATCH_CSV)
    {
      g_string_append (batch->line, ",error,,,,,,,,,,");
      append_csv_field (batch->line, message);
      g_string_append_c (batch->line, '\n');
    }
  else
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autofree char *quoted = NULL;

      json_node_set_string (node, message);
      quoted = penal_json_to_string (node, FALSE);
      g_string_append_printf (
          batch->line, ",\"status\":\"error\",\"message\":%s}\n", quoted);
    }
  flush_line (batch);
}

/* ------------------------------------------------------------------ */
/* One row                                                              */

/* The answer for facts that penal_facts_set accepted, evaluated the
 * ordinary way; NULL with a message if evaluation refuses them. */
static char *
evaluate_facts (Batch *batch, PenalFacts *facts, char **out_message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalOutcome) outcome = NULL;
  gint64 date;

  if (!penal_facts_check_applicable (facts, &error))
    {
      *out_message = g_strdup (error->message);
      return NULL;
    }
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &date))
    date = batch->default_date;
  outcome = penal_evaluate (batch->model, facts, date, &error);
  if (outcome == NULL)
    {
      *out_message = g_strdup (error->message);
      return NULL;
    }
  if (outcome->offense == NULL)
    {
      *out_message = g_strdup (_ ("offense: not given; every row needs one"));
      return NULL;
    }
  return answer_text (batch, outcome);
}

/* The slow path: every value through penal_facts_set, for the exact
 * message of classify, or the answer if the fast parser was merely too
 * strict. */
static void
process_row_slowly (Batch *batch, guint64 line)
{
  g_autoptr (PenalFacts) facts = penal_facts_new (batch->model);
  g_autofree char *message = NULL;
  g_autofree char *answer = NULL;

  for (guint f = 0; f < batch->model->facts->len; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (batch->model->facts, f);
      g_autoptr (GError) error = NULL;
      g_autofree char *value = NULL;

      if (batch->values[f] == NULL)
        continue;
      if (memchr (batch->values[f], '\0', batch->lengths[f]) != NULL)
        {
          message = g_strdup_printf (_ ("%s: the value contains a NUL byte"),
                                     decl->name);
          break;
        }
      value = g_strndup (batch->values[f], batch->lengths[f]);
      if (!penal_facts_set (facts, decl->name, value, &error))
        {
          message = g_strdup (error->message);
          break;
        }
    }
  if (message == NULL)
    answer = evaluate_facts (batch, facts, &message);
  if (answer == NULL)
    {
      penal_batch_write_error_row (batch, line, message);
      return;
    }
  start_line (batch, line);
  g_string_append (batch->line, answer);
  flush_line (batch);
}

void
penal_batch_process_row (Batch *batch, guint64 line)
{
  const PenalModel *model = batch->model;
  const PenalFactDecl *offense_decl
      = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE);
  const PenalFactDecl *date_decl
      = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE_DATE);
  const OffensePrep *prep;
  gint64 offense, date, value;
  guint64 key;
  const char *answer;

  batch->counts->rows++;
  if (batch->values[PENAL_FACT_OFFENSE] == NULL
      || !fast_value (offense_decl, batch->values[PENAL_FACT_OFFENSE],
                      batch->lengths[PENAL_FACT_OFFENSE], &offense))
    {
      process_row_slowly (batch, line);
      return;
    }
  prep = &batch->preps[offense];
  if (batch->values[PENAL_FACT_OFFENSE_DATE] == NULL)
    date = batch->default_date;
  else if (!fast_value (date_decl, batch->values[PENAL_FACT_OFFENSE_DATE],
                        batch->lengths[PENAL_FACT_OFFENSE_DATE], &date))
    {
      process_row_slowly (batch, line);
      return;
    }
  if (!prep->cacheable)
    {
      process_row_slowly (batch, line);
      return;
    }

  /* A fact the offense does not read is an error, as in classify. */
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    if (batch->values[f] != NULL && !prep->reads[f])
      {
        process_row_slowly (batch, line);
        return;
      }

  key = (guint64)offense
        | (guint64)penal_regions_find (prep->starts, date) << 8;
  for (guint i = 0; i < prep->n_key_facts; i++)
    {
      guint fact = prep->key_facts[i];
      guint64 region = 0;

      if (batch->values[fact] != NULL)
        {
          if (!fast_value (g_ptr_array_index (model->facts, fact),
                           batch->values[fact], batch->lengths[fact], &value))
            {
              process_row_slowly (batch, line);
              return;
            }
          region = penal_regions_find (prep->cuts[i], value) + 1;
        }
      key |= region << (16 + 8 * i);
    }

  answer = g_hash_table_lookup (batch->cache, &key);
  if (answer == NULL)
    {
      g_autoptr (PenalFacts) facts = penal_facts_new (model);
      g_autofree char *message = NULL;
      char *computed;
      guint64 *stored;

      penal_facts_set_value (facts, PENAL_FACT_OFFENSE, offense);
      if (batch->values[PENAL_FACT_OFFENSE_DATE] != NULL)
        penal_facts_set_value (facts, PENAL_FACT_OFFENSE_DATE, date);
      for (guint i = 0; i < prep->n_key_facts; i++)
        {
          guint fact = prep->key_facts[i];
          if (batch->values[fact] != NULL
              && fast_value (g_ptr_array_index (model->facts, fact),
                             batch->values[fact], batch->lengths[fact], &value))
            penal_facts_set_value (facts, fact, value);
        }
      computed = evaluate_facts (batch, facts, &message);
      if (computed == NULL)
        {
          penal_batch_write_error_row (batch, line, message);
          return;
        }
      if (g_hash_table_size (batch->cache) >= MAX_CACHED)
        g_hash_table_remove_all (batch->cache);
      stored = g_new (guint64, 1);
      *stored = key;
      g_hash_table_insert (batch->cache, stored, computed);
      answer = computed;
    }
  start_line (batch, line);
  g_string_append (batch->line, answer);
  flush_line (batch);
}

/* ------------------------------------------------------------------ */

gboolean
penal_batch_run (const PenalModel *model, PenalBatchFormat input_format,
                 PenalBatchFormat output_format, gboolean ignore_unknown,
                 gint64 default_date, FILE *in, const char *input_name,
                 FILE *out, PenalBatchCounts *counts, GError **error)
{
  Batch batch = { 0 };
  gboolean ok;

  g_return_val_if_fail (
      model != NULL && in != NULL && out != NULL && counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  batch.model = model;
  batch.output_format = output_format;
  batch.ignore_unknown = ignore_unknown;
  batch.default_date = default_date;
  batch.out = out;
  batch.counts = counts;
  batch.line = g_string_sized_new (256);
  batch.values = g_new0 (const char *, model->facts->len);
  batch.lengths = g_new0 (gsize, model->facts->len);
  batch.columns = g_array_new (FALSE, FALSE, sizeof (gint));
  batch.cache
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  batch.preps = g_new0 (OffensePrep, model->offenses->len);
  for (guint o = 0; o < model->offenses->len; o++)
    prepare_offense (model, g_ptr_array_index (model->offenses, o),
                     &batch.preps[o]);

  ok = input_format == PENAL_BATCH_CSV
           ? penal_batch_run_csv (&batch, in, input_name, error)
           : penal_batch_run_jsonl (&batch, in, input_name, error);
  /* A header row and no case: the answer is the header alone. */
  if (ok)
    write_header (&batch);
  write_rows (&batch);
  errno = 0;
  if (!batch.write_failed && fflush (out) != 0)
    {
      batch.write_failed = TRUE;
      batch.write_errno = errno != 0 ? errno : EIO;
    }
  /* A failed write stops the reading too, and is what went wrong. */
  if (batch.write_failed)
    {
      g_clear_error (error);
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _ ("cannot write the answers to standard output: %s"),
                   g_strerror (batch.write_errno));
      ok = FALSE;
    }

  for (guint o = 0; o < model->offenses->len; o++)
    prep_clear (&batch.preps[o]);
  g_free (batch.preps);
  g_hash_table_unref (batch.cache);
  g_array_unref (batch.columns);
  g_free (batch.values);
  g_free (batch.lengths);
  g_string_free (batch.line, TRUE);
  return ok;
}
