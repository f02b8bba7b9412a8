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

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal.h"
#include "penal-csv.h"
#include "penal-diversion.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-render.h"

G_DEFINE_QUARK (penal-batch-error-quark, penal_batch_error)

#define READ_BLOCK (1024 * 1024)
/* Answers kept; the cache is emptied when it grows past this. */
#define MAX_CACHED 65536
/* Facts per offense that fit the cache key, 8 bits each. */
#define MAX_KEY_FACTS 6

typedef struct
{
  GArray *starts;                 /* gint64: period starts */
  guint   n_key_facts;
  guint   key_facts[MAX_KEY_FACTS];
  GArray *cuts[MAX_KEY_FACTS];    /* gint64: first value of each region */
  gboolean cacheable;
  gboolean *reads;                /* per fact: the offense reads it */
} OffensePrep;

typedef struct
{
  const PenalModel *model;
  PenalBatchFormat  output_format;
  gboolean          ignore_unknown;
  gint64            default_date;
  OffensePrep      *preps;        /* per offense */
  GHashTable       *cache;        /* guint64 key -> char *answer text */
  FILE             *out;
  GString          *line;         /* the output row being built */
  PenalBatchCounts *counts;
  gboolean          write_failed;
  /* Per row: the value given for each fact, or none. */
  const char      **values;
  gsize            *lengths;
  /* CSV: the column of each fact, -1 for an ignored column. */
  GArray           *columns;
} Batch;

/* ------------------------------------------------------------------ */
/* Preparing the regions                                                */

static void
prepare_offense (const PenalModel   *model,
                 const PenalOffense *offense,
                 OffensePrep        *prep)
{
  prep->starts = penal_offense_period_starts (offense);
  prep->reads = g_new0 (gboolean, model->facts->len);
  prep->cacheable = offense->facts_read->len <= MAX_KEY_FACTS && prep->starts->len < 256;
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
fast_integer (const char *text,
              gsize       length,
              gint64     *out)
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
fast_date (const char *text,
           gsize       length,
           gint64     *out)
{
  static const int days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gint64 y, m, d, era, yoe, doy, doe;

  if (length != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
      return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return FALSE;
  if (d > days_in_month[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
    return FALSE;
  /* Days from the civil date (H. Hinnant's algorithm), then to GDate's
   * Julian day numbers, in which 1 January of year 1 is day 1. */
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *out = era * 146097 + doe - 719468 + 719163;
  return TRUE;
}

static gboolean
word_is (const char *text,
         gsize       length,
         const char *word)
{
  return strlen (word) == length && g_ascii_strncasecmp (text, word, length) == 0;
}

static gboolean
fast_value (const PenalFactDecl *decl,
            const char          *text,
            gsize                length,
            gint64              *out)
{
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_INTEGER:
      return fast_integer (text, length, out) && *out >= decl->min && *out <= decl->max;
    case PENAL_FACT_TYPE_DATE:
      return fast_date (text, length, out);
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
        if (strlen (decl->values[i]) == length && memcmp (decl->values[i], text, length) == 0)
          return (*out = i, TRUE);
      return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Output                                                               */

static void
append_csv_field (GString    *out,
                  const char *text)
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

static const char *const csv_header =
  "line,status,offense,class,citation,imprisonment_min,imprisonment_max,life,"
  "county_jail_max,fine_max_usd,diversion_eligible,message\n";

/* The needs-facts and ambiguous answers in a word or two, for the message
 * column: which facts are missing, or which classes the candidates give. */
static char *
outcome_message (const PenalOutcome *outcome)
{
  GString *text = g_string_new (NULL);

  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    {
      g_string_append (text, _("needs:"));
      for (guint i = 0; i < outcome->missing->len; i++)
        g_string_append_printf (text, " %s", ((PenalFactDecl *) g_ptr_array_index (outcome->missing, i))->name);
    }
  else if (outcome->status == PENAL_STATUS_AMBIGUOUS)
    {
      g_string_append (text, _("the version in force is not established; candidates:"));
      for (guint i = 0; i < outcome->candidates->len; i++)
        {
          const PenalOutcome *candidate = g_ptr_array_index (outcome->candidates, i);
          g_string_append_printf (text, " %s %s (%s)", candidate->version->id,
                                  candidate->rule->kind == PENAL_RULE_CLASS
                                    ? penal_class_to_code (candidate->rule->klass) : "open",
                                  candidate->rule->citation);
        }
    }
  return g_string_free (text, FALSE);
}

/* The answer's columns, everything after the line number. */
static char *
answer_text (const Batch        *batch,
             const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);
  gboolean decided = outcome->status == PENAL_STATUS_DECIDED;
  const PenalRule *rule = decided ? outcome->rule : NULL;
  const PenalClassPenalty *p = outcome->penalty;
  g_autofree char *message = outcome_message (outcome);
  const char *klass = rule != NULL && rule->kind == PENAL_RULE_CLASS
                        ? penal_class_to_code (rule->klass) : NULL;
  const char *eligible = diversion->eligible == PENAL_ANSWER_YES ? "true"
                         : diversion->eligible == PENAL_ANSWER_NO ? "false" : NULL;

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
      penal_json_add_string_or_null (builder, "status", penal_status_to_code (outcome->status));
      penal_json_add_string_or_null (builder, "offense", outcome->offense->id);
      penal_json_add_string_or_null (builder, "class", klass);
      penal_json_add_string_or_null (builder, "citation", rule != NULL ? rule->citation : NULL);
      penal_json_add_penalty_fields (builder, p);
      json_builder_set_member_name (builder, "diversion_eligible");
      if (eligible == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, diversion->eligible == PENAL_ANSWER_YES);
      penal_json_add_string_or_null (builder, "message", message[0] != '\0' ? message : NULL);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json = penal_json_to_string (root, FALSE);
      /* Drop the opening brace: the line number goes first. */
      return g_strconcat (",", json + 1, "\n", NULL);
    }
}

/* Rows are written in blocks: one fwrite per row costs more than the
 * row. */
static void
flush_line (Batch *batch)
{
  if (batch->line->len < 64 * 1024)
    return;
  if (fwrite (batch->line->str, 1, batch->line->len, batch->out) != batch->line->len)
    batch->write_failed = TRUE;
  g_string_truncate (batch->line, 0);
}

static void
start_line (Batch   *batch,
            guint64  line)
{
  char digits[24];
  char *p = digits + sizeof digits;

  *--p = '\0';
  do
    *--p = (char) ('0' + line % 10);
  while ((line /= 10) > 0);
  if (batch->output_format == PENAL_BATCH_JSONL)
    g_string_append (batch->line, "{\"line\":");
  g_string_append (batch->line, p);
}

static void
write_error_row (Batch      *batch,
                 guint64     line,
                 const char *message)
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
      g_string_append_printf (batch->line, ",\"status\":\"error\",\"message\":%s}\n", quoted);
    }
  flush_line (batch);
}

/* ------------------------------------------------------------------ */
/* One row                                                              */

/* The answer for facts that penal_facts_set accepted, evaluated the
 * ordinary way; NULL with a message if evaluation refuses them. */
static char *
evaluate_facts (Batch       *batch,
                PenalFacts  *facts,
                char       **out_message)
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
      *out_message = g_strdup (_("offense: not given; every row needs one"));
      return NULL;
    }
  return answer_text (batch, outcome);
}

/* The slow path: every value through penal_facts_set, for the exact
 * message of classify, or the answer if the fast parser was merely too
 * strict. */
static void
process_row_slowly (Batch   *batch,
                    guint64  line)
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
          message = g_strdup_printf (_("%s: the value contains a NUL byte"), decl->name);
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
      write_error_row (batch, line, message);
      return;
    }
  start_line (batch, line);
  g_string_append (batch->line, answer);
  flush_line (batch);
}

static void
process_row (Batch   *batch,
             guint64  line)
{
  const PenalModel *model = batch->model;
  const PenalFactDecl *offense_decl = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE);
  const PenalFactDecl *date_decl = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE_DATE);
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

  key = (guint64) offense | (guint64) penal_regions_find (prep->starts, date) << 8;
  for (guint i = 0; i < prep->n_key_facts; i++)
    {
      guint fact = prep->key_facts[i];
      guint64 region = 0;

      if (batch->values[fact] != NULL)
        {
          if (!fast_value (g_ptr_array_index (model->facts, fact), batch->values[fact],
                           batch->lengths[fact], &value))
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
              && fast_value (g_ptr_array_index (model->facts, fact), batch->values[fact],
                             batch->lengths[fact], &value))
            penal_facts_set_value (facts, fact, value);
        }
      computed = evaluate_facts (batch, facts, &message);
      if (computed == NULL)
        {
          write_error_row (batch, line, message);
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
/* CSV                                                                  */

typedef struct
{
  Batch      *batch;
  const char *input_name;
  gboolean    have_header;
} CsvInput;

static gboolean
read_header (Batch                *batch,
             const PenalCsvRecord *record,
             const char           *input_name,
             GError              **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint line = (guint) penal_csv_record_get_line (record);

  g_array_set_size (batch->columns, 0);
  for (guint i = 0; i < penal_csv_record_get_n_fields (record); i++)
    {
      const char *text;
      gsize length;
      g_autofree char *name = NULL;
      guint fact;
      gint column = -1;

      penal_csv_record_get_field (record, i, &text, &length);
      name = g_strndup (text, length);
      if (penal_model_lookup_fact (batch->model, name, &fact) != NULL)
        {
          if (!g_hash_table_add (seen, GUINT_TO_POINTER (fact + 1)))
            {
              g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                           _("%s:%u: column “%s” appears twice"),
                           input_name, line, name);
              return FALSE;
            }
          column = (gint) fact;
        }
      else if (!batch->ignore_unknown)
        {
          g_autofree char *shown = penal_quote_untrusted (name);
          g_autoptr (GString) known = g_string_new (NULL);

          for (guint f = 0; f < batch->model->facts->len; f++)
            g_string_append_printf (known, "%s%s", f > 0 ? ", " : "",
                                    ((PenalFactDecl *) g_ptr_array_index (batch->model->facts, f))->name);
          g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                       _("%s:%u: unknown column “%s”; the columns are facts: %s (or give --ignore-unknown)"),
                       input_name, line, shown, known->str);
          return FALSE;
        }
      g_array_append_val (batch->columns, column);
    }
  return TRUE;
}

static void
process_csv_record (Batch                *batch,
                    const PenalCsvRecord *record)
{
  guint64 line = penal_csv_record_get_line (record);
  guint n_fields = penal_csv_record_get_n_fields (record);

  if (penal_csv_record_get_problem (record) != NULL)
    {
      batch->counts->rows++;
      write_error_row (batch, line, penal_csv_record_get_problem (record));
      return;
    }
  if (n_fields != batch->columns->len)
    {
      g_autofree char *message =
        g_strdup_printf (_("the row has %u fields, but the header has %u"),
                         n_fields, batch->columns->len);
      batch->counts->rows++;
      write_error_row (batch, line, message);
      return;
    }
  for (guint f = 0; f < batch->model->facts->len; f++)
    batch->values[f] = NULL;
  for (guint i = 0; i < n_fields; i++)
    {
      gint fact = g_array_index (batch->columns, gint, i);
      const char *text;
      gsize length;

      if (fact < 0)
        continue;
      penal_csv_record_get_field (record, i, &text, &length);
      /* An empty cell is a fact not given. */
      if (length == 0)
        continue;
      batch->values[fact] = text;
      batch->lengths[fact] = length;
    }
  process_row (batch, line);
}

/* Each record the reader hands over: the header, then the rows. */
static gboolean
take_csv_record (const PenalCsvRecord *record,
                 gpointer              user_data,
                 GError              **error)
{
  CsvInput *input = user_data;

  if (input->have_header)
    {
      process_csv_record (input->batch, record);
      return TRUE;
    }
  if (penal_csv_record_get_problem (record) != NULL)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   "%s:%u: %s", input->input_name, (guint) penal_csv_record_get_line (record),
                   penal_csv_record_get_problem (record));
      return FALSE;
    }
  if (!read_header (input->batch, record, input->input_name, error))
    return FALSE;
  input->have_header = TRUE;
  return TRUE;
}

static gboolean
run_csv (Batch       *batch,
         FILE        *in,
         const char  *input_name,
         GError     **error)
{
  g_autofree char *block = g_malloc (READ_BLOCK);
  CsvInput input = { batch, input_name, FALSE };
  g_autoptr (PenalCsvReader) reader = penal_csv_reader_new (take_csv_record, &input);
  gboolean ok = TRUE;
  gsize n;

  while (ok && (n = fread (block, 1, READ_BLOCK, in)) > 0)
    ok = penal_csv_reader_feed (reader, block, n, error) && !batch->write_failed;
  if (ok && ferror (in))
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _("%s: reading failed"), input_name);
      ok = FALSE;
    }
  if (ok)
    ok = penal_csv_reader_finish (reader, error);
  if (ok && !input.have_header)
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_HEADER,
                   _("%s: no header row: the first row must name the facts, for example offense,victim_age,offense_date"),
                   input_name);
      ok = FALSE;
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* JSON Lines                                                           */

static char *
json_value_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "yes" : "no");
    default:
      /* A fractional number is never a valid fact value. */
      return g_strdup_printf ("%g", json_node_get_double (node));
    }
}

/* What json-glib lets pass on one line but a caseload must not: a second
 * value after the object (json-glib reads the first and ignores the rest,
 * which would lose a case), and an escaped NUL in a string (the value
 * would be cut at it).  NULL if the line is sound. */
static const char *
json_line_problem (const char *text,
                   gsize       length)
{
  gsize i = 0;
  int depth = 0;
  gboolean in_string = FALSE;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  if (i == length || (text[i] != '{' && text[i] != '['))
    return NULL;   /* the parser's own message is better */
  for (; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (text[i + 1] == 'u' && i + 5 < length && memcmp (text + i + 2, "0000", 4) == 0)
                return _("a string holds an escaped NUL (\\u0000)");
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        {
          for (i++; i < length; i++)
            if (!g_ascii_isspace (text[i]))
              return _("more than one JSON value on the line; give one object per line");
          return NULL;
        }
    }
  return NULL;
}

static void
process_json_line (Batch       *batch,
                   JsonParser  *parser,
                   const char  *text,
                   gsize        length,
                   guint64      line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (memchr (text, '\0', length) != NULL)
    {
      batch->counts->rows++;
      write_error_row (batch, line, _("the line contains a NUL byte"));
      return;
    }
  {
    gsize i = 0;

    /* A line of spaces is blank, like an empty one. */
    while (i < length && g_ascii_isspace (text[i]))
      i++;
    if (i == length)
      return;
  }
  if (json_line_problem (text, length) != NULL)
    {
      batch->counts->rows++;
      write_error_row (batch, line, json_line_problem (text, length));
      return;
    }
  if (!json_parser_load_from_data (parser, text, (gssize) length, &error)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_autofree char *message = error != NULL
        ? g_strdup_printf (_("not a JSON object: %s"), error->message)
        : g_strdup (_("not a JSON object"));
      batch->counts->rows++;
      write_error_row (batch, line, message);
      return;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint f = 0; f < batch->model->facts->len; f++)
    batch->values[f] = NULL;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      guint fact;
      char *value;

      if (penal_model_lookup_fact (batch->model, name, &fact) == NULL)
        {
          g_autofree char *shown = NULL;
          g_autofree char *message = NULL;

          if (batch->ignore_unknown)
            continue;
          shown = penal_quote_untrusted (name);
          message = g_strdup_printf (_("unknown fact “%s” (or give --ignore-unknown)"), shown);
          batch->counts->rows++;
          write_error_row (batch, line, message);
          return;
        }
      value = json_value_text (member);
      if (value == NULL)
        continue;
      g_ptr_array_add (owned, value);
      batch->values[fact] = value;
      batch->lengths[fact] = strlen (value);
    }
  process_row (batch, line);
}

static gboolean
run_jsonl (Batch       *batch,
           FILE        *in,
           const char  *input_name,
           GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GString) text = g_string_new (NULL);
  guint64 line = 0;
  gboolean too_long = FALSE;
  int c;

  do
    {
      c = getc (in);
      if (c != EOF && c != '\n')
        {
          if (text->len <= PENAL_CSV_MAX_RECORD_LENGTH)
            g_string_append_c (text, (char) c);
          else
            too_long = TRUE;
          continue;
        }
      if (c == EOF && text->len == 0 && !too_long)
        break;
      line++;
      if (text->len > 0 && text->str[text->len - 1] == '\r')
        g_string_truncate (text, text->len - 1);
      if (too_long)
        {
          batch->counts->rows++;
          write_error_row (batch, line, _("the row is longer than 64 KiB"));
        }
      else if (text->len > 0)
        process_json_line (batch, parser, text->str, text->len, line);
      g_string_truncate (text, 0);
      too_long = FALSE;
    }
  while (c != EOF && !batch->write_failed);

  if (ferror (in))
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _("%s: reading failed"), input_name);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */

gboolean
penal_batch_run (const PenalModel *model,
                 PenalBatchFormat  input_format,
                 PenalBatchFormat  output_format,
                 gboolean          ignore_unknown,
                 gint64            default_date,
                 FILE             *in,
                 const char       *input_name,
                 FILE             *out,
                 PenalBatchCounts *counts,
                 GError          **error)
{
  Batch batch = { 0 };
  gboolean ok;

  g_return_val_if_fail (model != NULL && in != NULL && out != NULL && counts != NULL, FALSE);

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
  batch.cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  batch.preps = g_new0 (OffensePrep, model->offenses->len);
  for (guint o = 0; o < model->offenses->len; o++)
    prepare_offense (model, g_ptr_array_index (model->offenses, o), &batch.preps[o]);

  if (output_format == PENAL_BATCH_CSV)
    g_string_append (batch.line, csv_header);
  flush_line (&batch);

  ok = input_format == PENAL_BATCH_CSV ? run_csv (&batch, in, input_name, error)
                                       : run_jsonl (&batch, in, input_name, error);
  if (batch.line->len > 0
      && fwrite (batch.line->str, 1, batch.line->len, out) != batch.line->len)
    batch.write_failed = TRUE;
  if (ok && (batch.write_failed || fflush (out) != 0))
    {
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _("cannot write the answers to standard output"));
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
