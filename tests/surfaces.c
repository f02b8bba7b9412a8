/* SPDX-License-Identifier: GPL-3.0-or-later */
/* surfaces.c: one answer, many views.  Over a grid of every fact's
 * boundary values (the first and last value of each region the rules cut
 * its domain into) times every period start of the offense (the days on
 * which a version or a penalty table begins), each case is asked of every
 * surface: classify's JSON, the interview's "In short", the what-if row
 * that holds the case (varying the date and each fact in turn), and its
 * batch row: the whole grid is one caseload, written as CSV, as JSON Lines
 * and as JSON Lines --full, so that batch's cache of answers by region is
 * put to every boundary too.  All must report the same class, enhancements,
 * protections and diversion; classify's and the interview's "In short" must be
 * the same sentences.  The expected values are classify's own, so this test
 * checks that no surface recomputes or drops a part; the legal figures
 * themselves are checked, with their sources, in legal.c, answer.c and
 * diversion.c. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-csv.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-test-register.h"
#include "penal-tree-private.h"
#include "penal.h"

static PenalModel *model;

/* One case: a value per fact read, or unset. */
typedef struct
{
  const PenalOffense *offense;
  gint64 date;
  GArray *facts;  /* guint, the facts read */
  GArray *values; /* gint64, per fact read */
} Case;

/* The case as NAME=VALUE assignments, leaving out skip (a fact index, or
 * G_MAXUINT); each value written as the decision tree writes it, which the
 * facts parser reads back. */
static GPtrArray *
assignments (const Case *c, guint skip)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (out, g_strdup_printf ("offense=%s", c->offense->id));
  if (skip != PENAL_FACT_OFFENSE_DATE)
    {
      g_autofree char *iso = penal_date_to_iso (c->date);
      g_ptr_array_add (out, g_strdup_printf ("offense_date=%s", iso));
    }
  for (guint i = 0; i < c->facts->len; i++)
    {
      guint f = g_array_index (c->facts, guint, i);
      const PenalFactDecl *fact = g_ptr_array_index (model->facts, f);
      g_autofree char *text = NULL;

      if (f == skip)
        continue;
      text = penal_tree_describe_value (fact,
                                        g_array_index (c->values, gint64, i));
      g_ptr_array_add (out, g_strdup_printf ("%s=%s", fact->name, text));
    }
  return out;
}

static PenalFacts *
facts_of (const Case *c, guint skip)
{
  g_autoptr (GPtrArray) list = assignments (c, skip);
  PenalFacts *facts = penal_facts_new (model);

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr (GError) error = NULL;
      penal_facts_parse_assignment (facts, g_ptr_array_index (list, i), &error);
      g_assert_no_error (error);
    }
  return facts;
}

static char *
case_name (const Case *c)
{
  g_autoptr (GPtrArray) list = assignments (c, G_MAXUINT);

  g_ptr_array_add (list, NULL);
  return g_strjoinv (" ", (char **)list->pdata);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
string_or_null (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

/* "true", "false" or "null": a boolean member as words, for comparing. */
static const char *
boolean_text (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  return json_node_get_boolean (node) ? "true" : "false";
}

/* The enhancements that may be charged, as "id=class/raises;…", from the
 * enhancements of classify's JSON or of a what-if or batch row. */
static char *
enhancements_text (JsonArray *enhancements)
{
  GString *list = g_string_new (NULL);

  for (guint e = 0; e < json_array_get_length (enhancements); e++)
    {
      JsonObject *enhanced = json_array_get_object_element (enhancements, e);
      const char *klass = string_or_null (enhanced, "class");

      if (klass == NULL)
        continue;
      g_string_append_printf (list, "%s=%s/%s;",
                              string_or_null (enhanced, "id"), klass,
                              boolean_text (enhanced, "raises_exposure"));
    }
  return g_string_free (list, FALSE);
}

/* The protections as "id=applies;…", leaving out those that do not apply
 * where the list holds them too (classify's does; a row's lists only those
 * that apply or may). */
static char *
protections_text (JsonArray *protections, gboolean only_applying)
{
  GString *list = g_string_new (NULL);

  for (guint p = 0; p < json_array_get_length (protections); p++)
    {
      JsonObject *protection = json_array_get_object_element (protections, p);
      const char *applies = boolean_text (protection, "applies");

      if (only_applying && g_str_equal (applies, "false"))
        continue;
      g_string_append_printf (list, "%s=%s;", string_or_null (protection, "id"),
                              applies);
    }
  return g_string_free (list, FALSE);
}

/* The parts every surface must agree on, from classify's JSON. */
typedef struct
{
  char *klass;
  char *enhancements; /* "id=class/raises;…" for those that may be charged */
  char *protections;  /* "id=true;…" for those that apply or may */
  char *diversion;    /* "true", "false" or "null" */
} Parts;

static void
parts_clear (Parts *parts)
{
  g_free (parts->klass);
  g_free (parts->enhancements);
  g_free (parts->protections);
  g_free (parts->diversion);
}

/* The class and the enhancements, which classify's JSON and a row give in
 * the same members. */
static Parts
parts_with_class (JsonObject *object)
{
  Parts parts = { 0 };

  parts.klass = g_strdup (string_or_null (object, "class"));
  parts.enhancements = enhancements_text (
      json_object_get_array_member (object, "enhancements"));
  return parts;
}

static Parts
parts_of_classify (JsonObject *root)
{
  Parts parts = parts_with_class (root);
  JsonNode *diversion = json_object_get_member (root, "diversion");

  if (diversion != NULL && JSON_NODE_HOLDS_OBJECT (diversion))
    {
      JsonObject *object = json_node_get_object (diversion);

      parts.protections = protections_text (
          json_object_get_array_member (object, "protections"), TRUE);
      parts.diversion = g_strdup (boolean_text (object, "eligible"));
    }
  else
    {
      parts.protections = g_strdup ("");
      parts.diversion = g_strdup ("null");
    }
  return parts;
}

/* A what-if row (or a batch row) lists enhancements and protections in the
 * same members. */
static Parts
parts_of_row (JsonObject *row)
{
  Parts parts = parts_with_class (row);

  parts.protections = protections_text (
      json_object_get_array_member (row, "protections"), FALSE);
  parts.diversion = g_strdup (boolean_text (row, "diversion_eligible"));
  return parts;
}

static void
assert_same_parts (const Parts *expected, const Parts *got, const char *where,
                   const char *name)
{
  if (g_strcmp0 (expected->klass, got->klass) != 0
      || g_strcmp0 (expected->enhancements, got->enhancements) != 0
      || g_strcmp0 (expected->protections, got->protections) != 0
      || g_strcmp0 (expected->diversion, got->diversion) != 0)
    g_error ("%s disagrees with classify for %s:\n"
             "  class %s / %s\n  enhancements %s / %s\n"
             "  protections %s / %s\n  diversion %s / %s",
             where, name, expected->klass, got->klass, expected->enhancements,
             got->enhancements, expected->protections, got->protections,
             expected->diversion, got->diversion);
}

/* classify's "In short" lines, from its text. */
static char *
in_short_block (const char *text)
{
  const char *start = strstr (text, "In short:\n");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("In short:\n");
  end = start;
  while (g_str_has_prefix (end, "  "))
    end = strchr (end, '\n') + 1;
  return g_strndup (start, end - start);
}

static void
check_screen (const Case *c, const char *classify_text, const char *name)
{
  g_autoptr (PenalScreen) screen = penal_screen_new (model);
  g_autoptr (GPtrArray) list = assignments (c, G_MAXUINT);
  g_autoptr (GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *expected = in_short_block (classify_text);
  g_autofree char *got = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      penal_screen_prefill (screen, g_ptr_array_index (list, i), &error);
      g_assert_no_error (error);
    }
  result = penal_screen_result_text (screen, &error);
  g_assert_no_error (error);
  got = in_short_block (result);
  if (!g_str_equal (expected, got))
    g_error ("the interview's In short differs from classify's for %s:\n"
             "%s---\n%s",
             name, expected, got);
}

/* The what-if row holding the case, varying fact. */
static void
check_what_if (const Case *c, guint vary, gint64 value, const Parts *expected,
               const char *name)
{
  g_autoptr (PenalFacts) facts = facts_of (c, vary);
  const PenalFactDecl *decl = g_ptr_array_index (model->facts, vary);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = penal_what_if_report (model, facts, decl->name,
                                                PENAL_FORMAT_JSON, &error);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *ranges;

  g_assert_no_error (error);
  root = parse (json);
  ranges = json_object_get_array_member (json_node_get_object (root), "ranges");
  for (guint r = 0; r < json_array_get_length (ranges); r++)
    {
      JsonObject *row = json_array_get_object_element (ranges, r);
      gboolean holds;

      if (vary == PENAL_FACT_OFFENSE_DATE)
        {
          const char *from = string_or_null (row, "from");
          const char *to = string_or_null (row, "to");
          gint64 lo = PENAL_DATE_OPEN_START, hi = PENAL_DATE_OPEN_END;

          if (from != NULL)
            g_assert_true (penal_date_parse (from, &lo));
          if (to != NULL)
            g_assert_true (penal_date_parse (to, &hi));
          holds = lo <= value && value <= hi;
        }
      else
        holds = json_object_get_int_member (row, "min") <= value
                && value <= json_object_get_int_member (row, "max");
      if (holds)
        {
          g_autofree char *where
              = g_strdup_printf ("what-if --vary=%s", decl->name);
          Parts got = parts_of_row (row);

          assert_same_parts (expected, &got, where, name);
          parts_clear (&got);
          return;
        }
    }
  g_error ("no what-if row holds %s varying %s", name, decl->name);
}

/* The grid as one caseload: a row of CSV and a line of JSON Lines per
 * case, with the case's name and what classify answered. */
typedef struct
{
  GString *csv;
  GString *jsonl;
  GPtrArray *names;    /* char * */
  GPtrArray *expected; /* Parts * */
} Caseload;

static void
parts_free (Parts *parts)
{
  parts_clear (parts);
  g_free (parts);
}

static void
caseload_init (Caseload *caseload, const Case *c)
{
  caseload->csv = g_string_new ("offense,offense_date");
  caseload->jsonl = g_string_new (NULL);
  caseload->names = g_ptr_array_new_with_free_func (g_free);
  caseload->expected
      = g_ptr_array_new_with_free_func ((GDestroyNotify)parts_free);
  for (guint i = 0; i < c->facts->len; i++)
    g_string_append_printf (
        caseload->csv, ",%s",
        ((const PenalFactDecl *)g_ptr_array_index (
             model->facts, g_array_index (c->facts, guint, i)))
            ->name);
  g_string_append_c (caseload->csv, '\n');
}

static void
caseload_clear (Caseload *caseload)
{
  g_string_free (caseload->csv, TRUE);
  g_string_free (caseload->jsonl, TRUE);
  g_ptr_array_unref (caseload->names);
  g_ptr_array_unref (caseload->expected);
}

/* The case as a row of each format, its values as the command line
 * writes them, and what classify answered for it. */
static void
caseload_add (Caseload *caseload, const Case *c, const Parts *expected)
{
  g_autofree char *iso = penal_date_to_iso (c->date);
  Parts *copy = g_new0 (Parts, 1);

  g_string_append_printf (caseload->csv, "%s,%s", c->offense->id, iso);
  g_string_append_printf (caseload->jsonl,
                          "{\"offense\":\"%s\",\"offense_date\":\"%s\"",
                          c->offense->id, iso);
  for (guint i = 0; i < c->facts->len; i++)
    {
      const PenalFactDecl *fact = g_ptr_array_index (
          model->facts, g_array_index (c->facts, guint, i));
      g_autofree char *text = penal_tree_describe_value (
          fact, g_array_index (c->values, gint64, i));

      g_string_append_printf (caseload->csv, ",%s", text);
      g_string_append_printf (caseload->jsonl, ",\"%s\":\"%s\"", fact->name,
                              text);
    }
  g_string_append_c (caseload->csv, '\n');
  g_string_append (caseload->jsonl, "}\n");
  g_ptr_array_add (caseload->names, case_name (c));
  copy->klass = g_strdup (expected->klass);
  copy->enhancements = g_strdup (expected->enhancements);
  copy->protections = g_strdup (expected->protections);
  copy->diversion = g_strdup (expected->diversion);
  g_ptr_array_add (caseload->expected, copy);
}

static void
check_case (const Case *c, Caseload *caseload)
{

  g_autoptr (PenalFacts) facts = facts_of (c, G_MAXUINT);
  g_autofree char *name = case_name (c);
  g_autoptr (GError) error = NULL;
  g_autofree char *json
      = penal_classify (model, facts, PENAL_FORMAT_JSON, &error);
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  Parts expected;

  g_assert_no_error (error);
  text = penal_classify (model, facts, PENAL_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  root = parse (json);
  expected = parts_of_classify (json_node_get_object (root));

  check_screen (c, text, name);
  check_what_if (c, PENAL_FACT_OFFENSE_DATE, c->date, &expected, name);
  for (guint i = 0; i < c->facts->len; i++)
    check_what_if (c, g_array_index (c->facts, guint, i),
                   g_array_index (c->values, gint64, i), &expected, name);
  caseload_add (caseload, c, &expected);
  parts_clear (&expected);
}

/* ------------------------------------------------------------------ */
/* Batch                                                                */

/* (transfer full) What penal batch writes for input with options; no row
 * of the grid is an error. */
static char *
run_batch (const char *input, const PenalBatchOptions *options)
{
  FILE *in = fmemopen ((void *)input, strlen (input), "r");
  char *written = NULL;
  size_t length = 0;
  FILE *out = open_memstream (&written, &length);
  PenalBatchCounts counts;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (in);
  g_assert_nonnull (out);
  g_assert_true (
      penal_batch_run (model, options, in, "grid", out, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.errors, ==, 0);
  penal_batch_counts_clear (&counts);
  fclose (in);
  g_assert_cmpint (fclose (out), ==, 0);
  return written;
}

/* Each record of batch's CSV output, as a GStrv. */
static gboolean
take_record (const PenalCsvRecord *record, gpointer user_data, GError **error)
{
  GPtrArray *records = user_data;
  GPtrArray *fields = g_ptr_array_new ();

  g_assert_null (penal_csv_record_get_problem (record));
  for (guint i = 0; i < penal_csv_record_get_n_fields (record); i++)
    {
      const char *text;
      gsize length;

      penal_csv_record_get_field (record, i, &text, &length);
      g_ptr_array_add (fields, g_strndup (text, length));
    }
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (records, g_ptr_array_free (fields, FALSE));
  return TRUE;
}

/* A CSV row's cell by its column's name. */
static const char *
cell (char **header, char **row, const char *column)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], column))
      return row[i];
  g_error ("batch wrote no column %s", column);
}

/* The items of a CSV list cell ("a; b"); an item may be empty (null). */
static char **
items_of (const char *text)
{
  return text[0] == '\0' ? g_new0 (char *, 1) : g_strsplit (text, "; ", -1);
}

static const char *
item (char **items, guint i)
{
  return i < g_strv_length (items) ? items[i] : "";
}

/* The parts a CSV row gives, read as parts_of_row reads a JSON row: an
 * empty cell or item is null, and an enhancement without a class is left
 * out. */
static Parts
parts_of_csv (char **header, char **row)
{
  Parts parts = { 0 };
  g_auto (GStrv) ids = items_of (cell (header, row, "enhancement"));
  g_auto (GStrv) classes = items_of (cell (header, row, "enhancement_class"));
  g_auto (GStrv) raises
      = items_of (cell (header, row, "enhancement_raises_exposure"));
  g_auto (GStrv) protections = items_of (cell (header, row, "protection"));
  g_auto (GStrv) applies = items_of (cell (header, row, "protection_applies"));
  const char *klass = cell (header, row, "class");
  const char *diversion = cell (header, row, "diversion_eligible");
  GString *list = g_string_new (NULL);

  parts.klass = klass[0] != '\0' ? g_strdup (klass) : NULL;
  for (guint e = 0; ids[e] != NULL; e++)
    if (item (classes, e)[0] != '\0')
      g_string_append_printf (list, "%s=%s/%s;", ids[e], item (classes, e),
                              item (raises, e)[0] != '\0' ? item (raises, e)
                                                          : "null");
  parts.enhancements = g_string_free (list, FALSE);
  list = g_string_new (NULL);
  for (guint p = 0; protections[p] != NULL; p++)
    g_string_append_printf (list, "%s=%s;", protections[p],
                            item (applies, p)[0] != '\0' ? item (applies, p)
                                                         : "null");
  parts.protections = g_string_free (list, FALSE);
  parts.diversion = g_strdup (diversion[0] != '\0' ? diversion : "null");
  return parts;
}

/* The grid's caseload through penal batch, in one run of each format:
 * each CSV row, JSON Lines row and --full row must report what classify
 * answered for its case. */
static void
check_batch (const Caseload *caseload)
{
  PenalBatchOptions options = { 0 };
  g_autofree char *csv = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *full = NULL;
  g_autoptr (GPtrArray) records
      = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr (PenalCsvReader) reader
      = penal_csv_reader_new (take_record, records);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) rows = NULL;
  g_auto (GStrv) full_rows = NULL;
  guint n = caseload->names->len;

  csv = run_batch (caseload->csv->str, &options);
  options.input_format = PENAL_BATCH_JSONL;
  options.output_format = PENAL_BATCH_JSONL;
  jsonl = run_batch (caseload->jsonl->str, &options);
  options.full = TRUE;
  full = run_batch (caseload->jsonl->str, &options);

  penal_csv_reader_feed (reader, csv, strlen (csv), &error);
  g_assert_no_error (error);
  penal_csv_reader_finish (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, n + 1);
  rows = g_strsplit (jsonl, "\n", -1);
  full_rows = g_strsplit (full, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, n + 1);
  g_assert_cmpuint (g_strv_length (full_rows), ==, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const Parts *expected = g_ptr_array_index (caseload->expected, i);
      const char *name = g_ptr_array_index (caseload->names, i);
      g_autoptr (JsonNode) row = parse (rows[i]);
      g_autoptr (JsonNode) full_row = parse (full_rows[i]);
      Parts got = parts_of_csv (g_ptr_array_index (records, 0),
                                g_ptr_array_index (records, i + 1));

      assert_same_parts (expected, &got, "a batch CSV row", name);
      parts_clear (&got);
      got = parts_of_row (json_node_get_object (row));
      assert_same_parts (expected, &got, "a batch JSON Lines row", name);
      parts_clear (&got);
      got = parts_of_classify (json_node_get_object (full_row));
      assert_same_parts (expected, &got, "a batch --full row", name);
      parts_clear (&got);
    }
}

/* The boundary values of each fact the offense reads, and every
 * combination of them on every period start. */
static void
test_grid (gconstpointer data)
{
  const PenalOffense *offense = data;
  g_autoptr (GArray) starts = penal_offense_period_starts (offense);
  g_autoptr (GPtrArray) samples
      = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  Case c = { offense, 0, g_array_new (FALSE, FALSE, sizeof (guint)),
             g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autofree guint *at = NULL;
  Caseload caseload;
  guint n, cases = 0;

  for (guint i = 0; i < offense->facts_read->len; i++)
    {
      guint f = g_array_index (offense->facts_read, guint, i);
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      g_autoptr (GArray) cuts = NULL;
      GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (f == PENAL_FACT_OFFENSE || f == PENAL_FACT_OFFENSE_DATE)
        continue;
      cuts = penal_regions_new (decl->min, decl->max);
      penal_regions_add_offense (cuts, offense, f, decl->min, decl->max);
      penal_regions_finish (cuts);
      for (guint r = 0; r < cuts->len; r++)
        {
          gint64 lo = g_array_index (cuts, gint64, r);
          gint64 hi = penal_regions_last (cuts, r, decl->max);

          g_array_append_val (values, lo);
          if (hi != lo)
            g_array_append_val (values, hi);
        }
      g_array_append_val (c.facts, f);
      g_ptr_array_add (samples, values);
    }
  n = c.facts->len;
  g_array_set_size (c.values, n);
  caseload_init (&caseload, &c);
  at = g_new0 (guint, n + 1);

  for (guint s = 0; s < starts->len; s++)
    {
      gint64 start = g_array_index (starts, gint64, s);

      /* The open start: a day long before the first version (days count
       * from 1 January of year 1, so 1 January 1970, before the criminal
       * code of 1977 took effect). */
      c.date = start;
      if (start == PENAL_DATE_OPEN_START)
        g_assert_true (penal_date_parse ("1970-01-01", &c.date));
      memset (at, 0, sizeof (guint) * (n + 1));
      for (;;)
        {
          guint i;

          for (i = 0; i < n; i++)
            g_array_index (c.values, gint64, i) = g_array_index (
                (GArray *)g_ptr_array_index (samples, i), gint64, at[i]);
          check_case (&c, &caseload);
          cases++;
          for (i = n; i > 0; i--)
            {
              if (++at[i - 1]
                  < ((GArray *)g_ptr_array_index (samples, i - 1))->len)
                break;
              at[i - 1] = 0;
            }
          if (i == 0)
            break;
        }
    }
  check_batch (&caseload);
  caseload_clear (&caseload);
  g_test_message ("%u cases of %s agree on every surface", cases, offense->id);
  g_assert_cmpuint (cases, >=, starts->len * 4);
  g_array_unref (c.facts);
  g_array_unref (c.values);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) loaded = NULL;
  const char *statutes;

  g_test_init (&argc, &argv, NULL);

  statutes = g_getenv ("PENAL_STATUTES");
  if (statutes != NULL)
    loaded = penal_model_load_directory (statutes, &error);
  else
    loaded = penal_model_load_bundled (&error);
  g_assert_no_error (error);
  model = loaded;

  for (guint o = 0; o < model->offenses->len; o++)
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, o);

      penal_test_add_case (offense, test_grid, "/surfaces/grid/%s",
                           offense->id);
    }
  return g_test_run ();
}
