/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-audit-run.c: penal audit over a caseload of recorded charges, one
 * output row per input row, in order, as a stream.
 *
 * Rows come from the row reader batch uses (penal-rows.h: CSV or JSON
 * Lines as exports write them, --keep, every problem of a row); each row
 * gives an offense date and what was recorded (a charge_code, a
 * charged_class, and for an offense penal holds in full, its facts), and
 * gets the findings of penal_audit_check (penal-audit.c).
 *
 * Checking is made cheap as batch's answering is: a row that gives no
 * facts is checked by its code and recorded class alone, and that check
 * gives the same findings for every date of a period in which neither a
 * statute penal holds changes version nor a code of the code's family
 * begins or ends (a finding's words never name the date).  So each pair
 * of code and class as written is resolved once, its periods found once,
 * and each period's row checked and written once; what differs from row to
 * row (the line, the kept cells, the date, the notes) is written around
 * it.  A row with facts is checked on its own.  Findings that need
 * attention are kept, up to a cap per kind, for the HTML report
 * (penal-audit-html.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-audit-private.h"
#include "penal-date.h"
#include "penal-facts.h"
#include "penal-kinds.h"
#include "penal-lookup.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-render.h"
#include "penal-rows-run.h"
#include "penal-string.h"

/* Pairs of code and class resolved, and the ways rows write them; each
 * emptied, with what it points to, when it grows past this. */
#define MAX_ENTRIES 65536
static guint max_entries = MAX_ENTRIES;

/* The CSV columns after the kept ones. */
static const char *const columns[] = {
  "line",    "offense_date",  "charge_code", "charged_class",
  "finding", "findings",      "law_class",   "citation",
  "basis",   "code_in_force", "message",     "notes",
};

/* What the law says of one code, whatever class is recorded: its
 * periods, and the class-independent part of its check in each
 * (penal_audit_law), shared by the entries of every class. */
typedef struct
{
  gint refs;
  GArray *starts; /* gint64: the periods' first days */
  PenalAuditResult **by_period;
} CodeLaw;

/* A code and a recorded class as rows write them, resolved. */
typedef struct
{
  char *code;    /* the code checked (modifier digits cut off), or NULL */
  char *shown;   /* the code as the row gives it, upper case, or NULL */
  char *why_not; /* a code that cannot be checked: why */
  char *legacy;  /* a legacy code's note: the code it stands for */
  gboolean has_recorded;
  PenalClass recorded;
  char *problem;            /* the cells cannot be read: an error row */
  const PenalOffense *held; /* the code's statute, held in full */
  CodeLaw *law;             /* the code's, or NULL */
  GArray *starts;           /* gint64: the periods' first days */
  PenalAuditAnswer **by_period;
} Entry;

typedef struct
{
  const PenalModel *model;
  PenalAuditOptions options;
  PenalRowReader *reader;
  guint code_column, class_column;
  GArray *model_starts;
  GHashTable *entries; /* code as written, class as read -> Entry */
  GHashTable *laws;    /* code -> CodeLaw */
  GHashTable *raw;     /* code and class as written -> Entry, not owned */
  GString *raw_key;
  GString *key;
  GHashTable *classes; /* class as typed -> its PenalClass + 1, or 0 */
  GString *typed;
  char *table;      /* the Patrol's table, as every finding cites it */
  GPtrArray *notes; /* char *: the notes of the row being checked */
  char *class_names[PENAL_N_CLASSES]; /* as findings name them */
  char **unread_notes; /* per fact: the note when a code's row gives it */
  FILE *out;
  GString *line;
  PenalAuditCounts *counts;
  gboolean header_written;
  gboolean write_failed;
  int write_errno;
} Audit;

/* (transfer full) The answer for a check's result, which it takes. */
static PenalAuditAnswer *
answer_new (Audit *audit, PenalAuditResult *result, const char *code)
{
  return penal_audit_answer_new (
      result, code, audit->options.output_format == PENAL_BATCH_JSONL);
}

/* ------------------------------------------------------------------ */
/* Entries: a code and a class as written, resolved once                */

static void
code_law_unref (CodeLaw *law)
{
  if (law == NULL || --law->refs > 0)
    return;
  for (guint p = 0; p < law->starts->len; p++)
    if (law->by_period[p] != NULL)
      penal_audit_result_free (law->by_period[p]);
  g_free (law->by_period);
  g_array_unref (law->starts);
  g_free (law);
}

static GArray *code_starts (Audit *audit, const char *code);

/* (transfer full) The law of a code, found once per run. */
static CodeLaw *
code_law_for (Audit *audit, const char *code)
{
  CodeLaw *law = g_hash_table_lookup (audit->laws, code);

  if (law == NULL)
    {
      law = g_new0 (CodeLaw, 1);
      law->refs = 1;
      law->starts = code_starts (audit, code);
      law->by_period = g_new0 (PenalAuditResult *, law->starts->len);
      g_hash_table_insert (audit->laws, g_strdup (code), law);
    }
  law->refs++;
  return law;
}

static void
entry_free (Entry *entry)
{
  g_free (entry->code);
  g_free (entry->shown);
  g_free (entry->why_not);
  g_free (entry->legacy);
  g_free (entry->problem);
  for (guint p = 0; entry->by_period != NULL && p < entry->starts->len; p++)
    penal_audit_answer_unref (entry->by_period[p]);
  g_free (entry->by_period);
  g_clear_pointer (&entry->starts, g_array_unref);
  code_law_unref (entry->law);
  g_free (entry);
}

/* The periods of a code: the first and the day after the last day of
 * every code of its family, and the statutes' versions when one of them
 * carries the family. */
static GArray *
code_starts (Audit *audit, const char *code)
{
  const PenalChargeCode *row
      = code != NULL ? penal_charges_find (audit->model->charges, code) : NULL;
  GArray *starts;
  g_autoptr (GPtrArray) family = NULL;
  gint64 open = PENAL_DATE_OPEN_START;

  if (row != NULL && !penal_audit_family_held (audit->model, row->family))
    {
      starts = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (starts, open);
    }
  else
    starts = g_array_copy (audit->model_starts);
  if (row == NULL)
    return starts;
  family = penal_charges_family (audit->model->charges, row->family);
  for (guint i = 0; i < family->len; i++)
    {
      const PenalChargeCode *member = g_ptr_array_index (family, i);
      gint64 after = member->to + 1;

      g_array_append_val (starts, member->from);
      g_array_append_val (starts, after);
    }
  penal_regions_finish (starts);
  return starts;
}

/* The code cell: a full code, with or without its modifier digits, or a
 * legacy code (the one code it stands for).  A family cannot be checked:
 * it names no one charge. */
static void
resolve_code (Entry *entry, const PenalCharges *charges, const char *text,
              gsize length)
{
  g_autofree char *typed = g_strndup (text, length);
  g_autofree char *shown = penal_quote_untrusted (typed);
  g_autofree char *code = NULL;
  char modifier = 0;
  gboolean family = FALSE;

  entry->shown = g_ascii_strup (typed, -1);
  if (length == 5 && strspn (entry->shown, "0123456789") == 5)
    {
      /* A legacy code that stands for one code of the table is checked as
       * that code, and the row says so; one that stands for several (a
       * table given with --charge-codes may have such) is not guessed. */
      const char *stands_for = NULL;

      for (guint i = 0; i < penal_charges_get_n_codes (charges); i++)
        {
          const PenalChargeCode *found = penal_charges_get_row (charges, i);

          if (found->legacy == NULL
              || !g_str_equal (found->legacy, entry->shown)
              || (stands_for != NULL && g_str_equal (stands_for, found->code)))
            continue;
          if (stands_for != NULL)
            {
              entry->why_not = g_strdup_printf (
                  _ ("The legacy code %s stands for several codes of the "
                     "Patrol's table (%s, %s); give the code itself."),
                  shown, stands_for, found->code);
              return;
            }
          stands_for = found->code;
        }
      if (stands_for != NULL)
        {
          entry->code = g_strdup (stands_for);
          entry->legacy = g_strdup_printf (
              _ ("%s is the legacy code of %s, checked as that code."),
              entry->shown, stands_for);
        }
      else
        entry->why_not = g_strdup_printf (
            _ ("The Patrol's table has no legacy code %s."), shown);
    }
  else if (length > 64
           || !penal_lookup_split_code (entry->shown, &code, &modifier,
                                        &family))
    entry->problem = g_strdup_printf (
        _ ("charge_code: “%s” is not a charge code; give it as the Patrol "
           "writes it, for example 567.030-003Y201840"),
        shown);
  else if (family)
    entry->why_not = g_strdup_printf (
        _ ("%s is a family of codes: the audit checks a charge's full "
           "code."),
        shown);
  else if (modifier >= '1' && modifier <= '3')
    entry->why_not = g_strdup_printf (
        _ ("The code %s marks an attempt, an accessory or a conspiracy: "
           "penal does not hold the law that sets its class."),
        shown);
  else
    entry->code = g_steal_pointer (&code);
}

static Entry *
entry_new (Audit *audit, const PenalRow *row)
{
  Entry *entry = g_new0 (Entry, 1);
  const char *code = row->cells[audit->code_column];
  const char *klass = row->cells[audit->class_column];

  if (code != NULL)
    resolve_code (entry, audit->model->charges, code,
                  row->lengths[audit->code_column]);
  if (klass != NULL)
    {
      g_autofree char *typed
          = g_strndup (klass, row->lengths[audit->class_column]);

      entry->has_recorded = penal_class_parse_typed (typed, &entry->recorded);
      if (!entry->has_recorded)
        {
          g_autofree char *shown = penal_quote_untrusted (typed);
          char *problem = g_strdup_printf (
              _ ("charged_class: “%s” is not a class penal reads; write it "
                 "as felony-D, Class D Felony, D felony or M-A"),
              shown);

          if (entry->problem != NULL)
            {
              char *both = g_strconcat (entry->problem, " | ", problem, NULL);
              g_free (problem);
              problem = both;
            }
          g_free (entry->problem);
          entry->problem = problem;
        }
    }
  if (entry->code != NULL)
    entry->held = penal_lookup_held_statute (audit->model, entry->code);
  if (entry->code != NULL)
    {
      entry->law = code_law_for (audit, entry->code);
      entry->starts = g_array_ref (entry->law->starts);
    }
  else
    entry->starts = code_starts (audit, NULL);
  entry->by_period = g_new0 (PenalAuditAnswer *, entry->starts->len);
  return entry;
}

/* How many pairs of code and class a run keeps (MAX_ENTRIES; 0 restores
 * it), so that a test can see the tables emptied many times over. */
void
penal_audit_set_max_entries (guint n)
{
  max_entries = n > 0 ? n : MAX_ENTRIES;
}

static guint
raw_hash (gconstpointer key)
{
  return penal_bytes_hash (key, strlen (key));
}

/* The entry for the row's code and class as written. */
static Entry *
entry_for (Audit *audit, const PenalRow *row)
{
  const char *code = row->cells[audit->code_column];
  const char *klass = row->cells[audit->class_column];
  Entry *entry;

  /* The cells as written find their entry in one look: a byte no cell
   * holds apart from a NUL keeps code and class apart. */
  g_string_truncate (audit->raw_key, 0);
  if (code != NULL)
    penal_string_append (audit->raw_key, code,
                         row->lengths[audit->code_column]);
  penal_string_append (audit->raw_key, "\x1f", 1);
  if (klass != NULL)
    penal_string_append (audit->raw_key, klass,
                         row->lengths[audit->class_column]);
  entry = g_hash_table_lookup (audit->raw, audit->raw_key->str);
  if (entry != NULL)
    return entry;
  if (g_hash_table_size (audit->raw) >= 4 * max_entries
      || g_hash_table_size (audit->entries) >= max_entries)
    {
      g_hash_table_remove_all (audit->raw);
      g_hash_table_remove_all (audit->entries);
      g_hash_table_remove_all (audit->laws);
    }

  g_string_truncate (audit->key, 0);
  if (code != NULL)
    g_string_append_len (audit->key, code,
                         (gssize)row->lengths[audit->code_column]);
  /* A byte no cell holds apart from a NUL: code and class stay apart.
   * The class goes in as read, so that the ways of typing one class
   * share an entry; one penal cannot read, as typed. */
  g_string_append_c (audit->key, '\x1f');
  if (klass != NULL)
    {
      gpointer value;

      g_string_truncate (audit->typed, 0);
      g_string_append_len (audit->typed, klass,
                           (gssize)row->lengths[audit->class_column]);
      if (!g_hash_table_lookup_extended (audit->classes, audit->typed->str,
                                         NULL, &value))
        {
          PenalClass read;

          if (g_hash_table_size (audit->classes) >= 4096)
            g_hash_table_remove_all (audit->classes);
          value = GINT_TO_POINTER (
              penal_class_parse_typed (audit->typed->str, &read) ? read + 1
                                                                 : 0);
          g_hash_table_insert (audit->classes, g_strdup (audit->typed->str),
                               value);
        }
      if (GPOINTER_TO_INT (value) > 0)
        g_string_append_c (audit->key, (char)('A' + GPOINTER_TO_INT (value)));
      else
        {
          g_string_append_c (audit->key, '!');
          g_string_append (audit->key, audit->typed->str);
        }
    }
  entry = g_hash_table_lookup (audit->entries, audit->key->str);
  if (entry == NULL)
    {
      entry = entry_new (audit, row);
      g_hash_table_insert (audit->entries, g_strdup (audit->key->str), entry);
    }
  g_hash_table_insert (audit->raw, g_strdup (audit->raw_key->str), entry);
  return entry;
}

/* The period of the entry's the date falls in. */
static guint
period_of (const Entry *entry, gint64 date)
{
  guint low = 0, high = entry->starts->len;

  /* The last start on or before the date; the first is open. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (entry->starts, gint64, middle) <= date)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* (transfer full) The check of the entry's code and class alone in the
 * period given: the code's law for the period, found once for every
 * class, judged for the entry's. */
static PenalAuditAnswer *
check_entry (Audit *audit, const Entry *entry, guint period, gint64 date)
{
  const PenalClass *recorded = entry->has_recorded ? &entry->recorded : NULL;
  PenalAuditResult *result;

  if (entry->why_not != NULL)
    {
      result = penal_audit_result_cannot_check (entry->why_not);
      /* The class recorded is written back, as for any row. */
      result->has_recorded = recorded != NULL;
      if (recorded != NULL)
        result->recorded = *recorded;
      return answer_new (audit, result, entry->shown);
    }
  if (entry->law == NULL)
    return answer_new (audit,
                       penal_audit_check_cited (audit->model, audit->table,
                                                NULL, recorded, NULL, date),
                       NULL);
  if (entry->law->by_period[period] == NULL)
    entry->law->by_period[period]
        = penal_audit_law (audit->model, audit->table, entry->code, NULL, date);
  result = penal_audit_result_copy (entry->law->by_period[period]);
  penal_audit_judge_named (result, audit->table, recorded, audit->class_names);
  return answer_new (audit, result, entry->code);
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

static void
write_header (Audit *audit)
{
  if (!audit->header_written)
    penal_rows_append_header (audit->line, audit->reader, &audit->options,
                              columns, G_N_ELEMENTS (columns));
  audit->header_written = TRUE;
}

static void
end_row (Audit *audit)
{
  penal_rows_end_row (audit->out, audit->line, &audit->write_failed,
                      &audit->write_errno);
}

static void
write_error_row (Audit *audit, const PenalRow *row)
{
  gboolean json = audit->options.output_format == PENAL_BATCH_JSONL;

  audit->counts->rows++;
  audit->counts->errors++;
  audit->counts->by_outcome[PENAL_AUDIT_N_KINDS]++;
  write_header (audit);
  penal_row_append_start (audit->line, audit->reader, row, json);
  g_string_append (audit->line, json ? ",\"finding\":\"error\",\"message\":"
                                     : ",,,,error,error,,,,,");
  penal_rows_append_error_end (audit->line, row, json);
  end_row (audit);
}

static void
write_answer (Audit *audit, const PenalRow *row, const char *date_text,
              gint64 date, PenalAuditAnswer *answer, GPtrArray *notes)
{
  gboolean json = audit->options.output_format == PENAL_BATCH_JSONL;
  char iso[16];

  if (date_text == NULL)
    {
      g_autofree char *text = penal_date_to_iso (date);

      g_strlcpy (iso, text, sizeof iso);
      date_text = iso;
    }
  audit->counts->rows++;
  audit->counts->by_outcome[answer->first]++;
  audit->counts->attention += answer->attention;
  write_header (audit);
  penal_row_append_start (audit->line, audit->reader, row, json);
  if (json)
    g_string_append (audit->line, ",\"offense_date\":\"");
  else
    penal_string_append (audit->line, ",", 1);
  penal_string_append (audit->line, date_text, 10);
  if (json)
    {
      g_string_append_c (audit->line, '"');
      g_string_append (audit->line, answer->json);
      g_string_append (audit->line, ",\"notes\":[");
      for (guint i = 0; i < notes->len; i++)
        {
          if (i > 0)
            g_string_append_c (audit->line, ',');
          penal_row_append_json_string (audit->line,
                                        g_ptr_array_index (notes, i), -1);
        }
      g_string_append (audit->line, "]}\n");
    }
  else
    {
      penal_string_append (audit->line, answer->csv, answer->csv_length);
      penal_string_append (audit->line, ",", 1);
      if (notes->len > 0)
        {
          g_autoptr (GString) joined = g_string_new (NULL);

          for (guint i = 0; i < notes->len; i++)
            g_string_append_printf (joined, "%s%s", i > 0 ? " | " : "",
                                    (char *)g_ptr_array_index (notes, i));
          penal_row_append_csv_cell (audit->line, joined->str,
                                     (gssize)joined->len);
        }
      penal_string_append (audit->line, "\n", 1);
    }
  if (answer->first != PENAL_AUDIT_OK)
    penal_audit_report_add (audit->counts->report, row, audit->reader,
                            date_text, answer);
  end_row (audit);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                 */

/* The row's facts, when it gives the offense (or the code of a statute
 * held in full, with facts): NULL when it gives none, or with a problem
 * added to the row.  Facts its offense does not read are left out, with a
 * note. */
static PenalFacts *
row_facts (Audit *audit, PenalRow *row, const Entry *entry, GPtrArray *notes)
{
  const PenalModel *model = audit->model;
  g_autoptr (PenalFacts) facts = NULL;
  const PenalOffense *offense = NULL;
  gboolean any = FALSE;
  gint64 index;

  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    any |= row->cells[f] != NULL;
  /* The common case, a code and a class alone, costs nothing here. */
  if (!any && row->cells[PENAL_FACT_OFFENSE] == NULL)
    return NULL;
  facts = penal_facts_new (model);
  if (row->cells[PENAL_FACT_OFFENSE] != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = g_strndup (row->cells[PENAL_FACT_OFFENSE],
                                         row->lengths[PENAL_FACT_OFFENSE]);

      if (!penal_facts_set (facts, "offense", text, &error))
        {
          g_ptr_array_add (row->problems, g_strdup (error->message));
          return NULL;
        }
    }
  else if (entry->held != NULL && any)
    for (guint o = 0; o < model->offenses->len; o++)
      if (g_ptr_array_index (model->offenses, o) == entry->held)
        penal_facts_set_value (facts, PENAL_FACT_OFFENSE, o);
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE, &index))
    {
      for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
        if (row->cells[f] != NULL)
          g_ptr_array_add (notes, g_strdup (audit->unread_notes[f]));
      return NULL;
    }
  offense = g_ptr_array_index (model->offenses, index);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      gboolean reads = FALSE;
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      if (row->cells[f] == NULL)
        continue;
      for (guint r = 0; r < offense->facts_read->len; r++)
        reads |= g_array_index (offense->facts_read, guint, r) == f;
      if (!reads)
        {
          g_ptr_array_add (notes,
                           g_strdup_printf (_ ("%s ignored: the offense %s "
                                               "does not depend on it."),
                                            decl->name, offense->id));
          continue;
        }
      text = g_strndup (row->cells[f], row->lengths[f]);
      if (!penal_facts_set (facts, decl->name, text, &error))
        g_ptr_array_add (row->problems, g_strdup (error->message));
    }
  return g_steal_pointer (&facts);
}

static gboolean
take_row (PenalRow *row, gpointer user_data)
{
  Audit *audit = user_data;
  GPtrArray *notes = audit->notes;
  g_autoptr (PenalFacts) facts = NULL;
  const char *date_text = row->cells[PENAL_FACT_OFFENSE_DATE];
  gsize date_length = row->lengths[PENAL_FACT_OFFENSE_DATE];
  gint64 date = 0;
  Entry *entry;
  PenalAuditAnswer *answer;

  g_ptr_array_set_size (notes, 0);
  if (row->unreadable)
    {
      write_error_row (audit, row);
      return !audit->write_failed;
    }
  if (date_text == NULL)
    g_ptr_array_add (row->problems,
                     g_strdup (_ ("offense_date: not given; every row needs "
                                  "the date of the offense")));
  else if (!penal_date_parse_fast (date_text, date_length, &date))
    {
      char *problem = NULL;

      if (!penal_row_reader_parse_date (audit->reader, "offense_date",
                                        date_text, date_length, &date,
                                        &problem))
        g_ptr_array_add (row->problems, problem);
      date_text = NULL;
    }
  else if (date_length != 10)
    date_text = NULL;
  entry = entry_for (audit, row);
  if (entry->problem != NULL)
    g_ptr_array_add (row->problems, g_strdup (entry->problem));
  if (entry->legacy != NULL)
    g_ptr_array_add (notes, g_strdup (entry->legacy));
  facts = row_facts (audit, row, entry, notes);
  /* Checked by its facts, a row whose code names no one charge still
   * says why its code was not checked. */
  if (facts != NULL && entry->why_not != NULL)
    g_ptr_array_add (notes, g_strdup (entry->why_not));
  if (row->problems->len > 0)
    {
      write_error_row (audit, row);
      return !audit->write_failed;
    }
  if (facts != NULL)
    answer = answer_new (
        audit,
        penal_audit_check_cited (audit->model, audit->table, entry->code,
                                 entry->has_recorded ? &entry->recorded : NULL,
                                 facts, date),
        entry->code != NULL ? entry->code : entry->shown);
  else
    {
      guint period = period_of (entry, date);

      if (entry->by_period[period] == NULL)
        entry->by_period[period] = check_entry (audit, entry, period, date);
      answer = penal_audit_answer_ref (entry->by_period[period]);
    }
  write_answer (audit, row, date_text, date, answer, notes);
  penal_audit_answer_unref (answer);
  return !audit->write_failed;
}

/* ------------------------------------------------------------------ */

gboolean
penal_audit_run (const PenalModel *model, const PenalAuditOptions *options,
                 FILE *in, const char *input_name, FILE *out,
                 PenalAuditCounts *counts, GError **error)
{
  Audit audit = { 0 };
  gboolean ok;

  g_return_val_if_fail (model != NULL && options != NULL && in != NULL
                            && out != NULL && counts != NULL,
                        FALSE);

  memset (counts, 0, sizeof *counts);
  counts->report = penal_audit_report_new (model);
  audit.model = model;
  audit.options = *options;
  audit.out = out;
  audit.counts = counts;
  audit.line = g_string_sized_new (256);
  audit.key = g_string_new (NULL);
  audit.typed = g_string_new (NULL);
  audit.classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  audit.table = penal_charges_citation (model->charges);
  audit.notes = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < PENAL_N_CLASSES; c++)
    audit.class_names[c] = penal_class_to_name_with_english (c);
  audit.model_starts = penal_model_period_starts (model);
  audit.entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)entry_free);
  audit.raw = g_hash_table_new_full (raw_hash, g_str_equal, g_free, NULL);
  audit.raw_key = g_string_new (NULL);
  audit.laws = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)code_law_unref);
  audit.unread_notes = g_new0 (char *, model->facts->len + 1);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    audit.unread_notes[f] = g_strdup_printf (
        _ ("%s ignored: without the offense, the charge is checked by its "
           "code, whose class does not depend on it."),
        ((const PenalFactDecl *)g_ptr_array_index (model->facts, f))->name);

  audit.reader = penal_rows_reader_new (model, options, input_name);
  audit.code_column = penal_row_reader_add_column (audit.reader, "charge_code");
  audit.class_column
      = penal_row_reader_add_column (audit.reader, "charged_class");

  ok = penal_row_reader_read (audit.reader, in, take_row, &audit, error);
  if (ok)
    write_header (&audit);
  if (!penal_rows_flush (out, audit.line, &audit.write_failed,
                         &audit.write_errno))
    {
      g_clear_error (error);
      g_set_error (error, PENAL_BATCH_ERROR, PENAL_BATCH_ERROR_IO,
                   _ ("cannot write the findings to standard output: %s"),
                   g_strerror (audit.write_errno));
      ok = FALSE;
    }
  penal_rows_reader_counts (audit.reader, &counts->empty, &counts->ignored);

  penal_row_reader_free (audit.reader);
  g_hash_table_unref (audit.raw);
  g_string_free (audit.raw_key, TRUE);
  g_hash_table_unref (audit.entries);
  g_hash_table_unref (audit.laws);
  g_array_unref (audit.model_starts);
  for (guint f = 0; f < model->facts->len; f++)
    g_free (audit.unread_notes[f]);
  g_free (audit.unread_notes);
  g_string_free (audit.key, TRUE);
  g_string_free (audit.typed, TRUE);
  g_hash_table_unref (audit.classes);
  g_free (audit.table);
  g_ptr_array_unref (audit.notes);
  for (guint c = 0; c < PENAL_N_CLASSES; c++)
    g_free (audit.class_names[c]);
  g_string_free (audit.line, TRUE);
  return ok;
}

void
penal_audit_counts_clear (PenalAuditCounts *counts)
{
  g_clear_pointer (&counts->ignored, g_strfreev);
  g_clear_pointer (&counts->report, penal_audit_report_free);
}
