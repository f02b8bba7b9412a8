/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch-classify.c: `penal batch` on the real binary agrees with `penal
 * classify` over a grid of cases and over spellings of values. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-test-batch.h"
#include "penal-test-register.h"

/* ------------------------------------------------------------------ */
/* Agreement with penal classify                                        */

static const char *const fact_columns[] = {
  "offense",  "victim_age",    "offense_date", "prior_prostitution_offenses",
  "knew_hiv", "defendant_age",
};

typedef struct
{
  char *values[G_N_ELEMENTS (fact_columns)]; /* NULL: not given */
} FactRow;

static void
fact_row_free (FactRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_columns); i++)
    g_free (row->values[i]);
  g_free (row);
}

/* Adds a case: OFFENSE, VICTIM_AGE, OFFENSE_DATE, PRIOR, KNEW_HIV,
 * DEFENDANT_AGE, each NULL when not given. */
static void
add_fact_row (GPtrArray *rows, const char *offense, const char *victim_age,
              const char *offense_date, const char *prior, const char *knew_hiv,
              const char *defendant_age)
{
  FactRow *row = g_new0 (FactRow, 1);
  const char *values[]
      = { offense, victim_age, offense_date, prior, knew_hiv, defendant_age };

  for (guint i = 0; i < G_N_ELEMENTS (fact_columns); i++)
    row->values[i] = g_strdup (values[i]);
  g_ptr_array_add (rows, row);
}

/* The member PATH ("fine.max_usd") of a classify answer, or NULL when it
 * or the object holding it is null. */
static JsonNode *
answer_member (JsonObject *answer, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", 2);
  JsonNode *node;

  g_assert_true (json_object_has_member (answer, parts[0]));
  node = json_object_get_member (answer, parts[0]);
  if (parts[1] != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      return answer_member (json_node_get_object (node), parts[1]);
    }
  return JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

/* Runs `penal classify --format=json` on the facts; a fact the offense
 * does not read (classify refuses it, naming it) is left out and named in
 * *ignored, as batch leaves it out with a note. */
static void
classify_as_batch (PenalTestRun *one, const FactRow *facts, GString *ignored)
{
  gboolean left_out[G_N_ELEMENTS (fact_columns)] = { FALSE };

  for (;;)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      gboolean retry = FALSE;

      g_ptr_array_add (args, g_strdup ("classify"));
      g_ptr_array_add (args, g_strdup ("--format=json"));
      for (guint c = 0; c < G_N_ELEMENTS (fact_columns); c++)
        if (facts->values[c] != NULL && !left_out[c])
          {
            /* Batch trims values and reads a choice in any case. */
            g_autofree char *value = g_strstrip (g_strdup (facts->values[c]));

            if (c == 0)
              {
                g_autofree char *lower = g_ascii_strdown (value, -1);

                if (g_str_equal (lower, "patronizing")
                    || g_str_equal (lower, "prostitution"))
                  g_free (value), value = g_steal_pointer (&lower);
              }
            g_ptr_array_add (args,
                             g_strdup_printf ("%s=%s", fact_columns[c], value));
          }
      g_ptr_array_add (args, NULL);
      penal_test_run (one, NULL, "C", (const char *const *)args->pdata);
      for (guint c = 0; one->exit_code == 64 && c < G_N_ELEMENTS (fact_columns);
           c++)
        {
          g_autofree char *refusal = g_strdup_printf (
              "penal: %s: does not apply to the offense", fact_columns[c]);

          if (g_str_has_prefix (one->err, refusal))
            {
              left_out[c] = retry = TRUE;
              g_string_append_printf (ignored, "%s;", fact_columns[c]);
            }
        }
      if (!retry)
        return;
      penal_test_run_clear (one);
    }
}

/* Runs the rows through `penal batch --format=jsonl`, with and without
 * --full, and each through `penal classify --format=json` with the same
 * facts: batch's row says what classify's answer says, its --full row is
 * classify's answer, and a value classify refuses makes an error row with
 * classify's message among its problems.  Two differences are batch's
 * own: a row with no offense date needs it, and a fact the offense does
 * not read is left out with a note. */
static void
assert_agrees_with_classify (GPtrArray *rows)
{
  /* batch's row member, and where classify says the same. */
  static const struct
  {
    const char *row;
    const char *answer;
  } members[] = {
    { "status", "status" },
    { "offense", "offense" },
    { "statute", "statute" },
    { "offense_date", "offense_date" },
    { "version", "version.id" },
    { "class", "class" },
    { "citation", "citation" },
    { "imprisonment_min", "imprisonment.min" },
    { "imprisonment_max", "imprisonment.max" },
    { "life", "imprisonment.life" },
    { "county_jail_max", "imprisonment.county_jail_alternative" },
    { "fine_max_usd", "fine.max_usd" },
    { "penalty_established", "penalty_established" },
    { "diversion_eligible", "diversion.eligible" },
  };
  g_autoptr (GString) input = g_string_new (NULL);
  g_auto (PenalTestRun) run = { 0 };
  g_auto (PenalTestRun) full = { 0 };
  const char *options[] = { "--format=jsonl", NULL };
  const char *full_options[] = { "--format=jsonl", "--full", NULL };
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) full_lines = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (fact_columns); c++)
    g_string_append_printf (input, "%s%s", c > 0 ? "," : "", fact_columns[c]);
  g_string_append_c (input, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      FactRow *row = g_ptr_array_index (rows, i);
      for (guint c = 0; c < G_N_ELEMENTS (fact_columns); c++)
        g_string_append_printf (input, "%s%s", c > 0 ? "," : "",
                                row->values[c] != NULL ? row->values[c] : "");
      g_string_append_c (input, '\n');
    }
  run_batch (&run, options, input->str, input->len);
  run_batch (&full, full_options, input->str, input->len);
  g_assert_true (run.exit_code == 0 || run.exit_code == 65);
  g_assert_cmpint (full.exit_code, ==, run.exit_code);
  lines = split_lines (run.out);
  full_lines = split_lines (full.out);
  g_assert_cmpuint (g_strv_length (lines), ==, rows->len + 1);
  g_assert_cmpuint (g_strv_length (full_lines), ==, rows->len + 1);
  g_assert_cmpstr (lines[rows->len], ==, "");

  for (guint i = 0; i < rows->len; i++)
    {
      FactRow *facts = g_ptr_array_index (rows, i);
      g_autoptr (JsonParser) row_parser = json_parser_new ();
      g_autoptr (JsonParser) full_parser = json_parser_new ();
      g_autoptr (GString) ignored = g_string_new (NULL);
      g_auto (PenalTestRun) one = { 0 };
      JsonObject *row = penal_test_parse_object (row_parser, lines[i]);
      JsonObject *full_row
          = penal_test_parse_object (full_parser, full_lines[i]);
      JsonArray *notes;

      g_assert_cmpint (json_object_get_int_member (row, "line"), ==, i + 2);
      g_assert_cmpint (json_object_get_int_member (full_row, "line"), ==,
                       i + 2);
      classify_as_batch (&one, facts, ignored);

      if (one.exit_code == 64)
        {
          /* classify refused a value: batch gives an error row with
           * classify's message among its problems. */
          g_autofree char *message
              = g_strndup (one.err, strcspn (one.err, "\n"));
          JsonArray *problems;
          gboolean found = FALSE;

          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==,
                           "error");
          g_assert_cmpstr (full_lines[i], ==, lines[i]);
          problems = json_object_get_array_member (row, "problems");
          for (guint p = 0; p < json_array_get_length (problems); p++)
            found |= g_str_equal (json_array_get_string_element (problems, p),
                                  message + strlen ("penal: "));
          if (!found)
            g_error ("line %u: classify says “%s”, batch %s", i + 2, message,
                     lines[i]);
          continue;
        }
      g_assert_cmpint (one.exit_code, ==, 0);
      /* Each fact left out is named in a note. */
      notes = json_object_get_array_member (row, "notes");
      {
        g_autoptr (GString) noted = g_string_new (NULL);

        for (guint n = 0; n < json_array_get_length (notes); n++)
          {
            const char *note = json_array_get_string_element (notes, n);

            if (strstr (note, " ignored: ") != NULL)
              g_string_append_printf (noted, "%.*s;", (int)strcspn (note, " "),
                                      note);
          }
        g_assert_cmpstr (noted->str, ==, ignored->str);
      }
      if (facts->values[2] == NULL)
        {
          /* No offense date: never today's. */
          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==,
                           "needs-facts");
          g_assert_cmpstr (json_object_get_string_member (row, "message"), ==,
                           "needs: offense_date");
          g_assert_true (json_object_get_null_member (row, "offense_date"));
          g_assert_cmpstr (json_object_get_string_member (full_row, "status"),
                           ==, "needs-facts");
          g_assert_true (json_object_has_member (full_row, "periods"));
          continue;
        }
      {
        g_autoptr (JsonParser) one_parser = json_parser_new ();
        JsonObject *answer = penal_test_parse_object (one_parser, one.out);
        g_autoptr (JsonNode) stripped = NULL;
        g_autofree char *full_text = NULL;
        g_autofree char *answer_text = NULL;

        for (guint m = 0; m < G_N_ELEMENTS (members); m++)
          {
            JsonNode *got = json_object_get_member (row, members[m].row);
            JsonNode *wanted = answer_member (answer, members[m].answer);
            g_autofree char *got_text = NULL;
            g_autofree char *wanted_text = NULL;

            g_assert_nonnull (got);
            got_text = json_to_string (got, FALSE);
            wanted_text = wanted != NULL ? json_to_string (wanted, FALSE)
                                         : g_strdup ("null");
            if (!g_str_equal (got_text, wanted_text))
              g_error ("line %u, %s: batch says %s, classify says %s (%s)",
                       i + 2, members[m].row, got_text, wanted_text, lines[i]);
          }
        /* The --full row is classify's answer, with the row's line and
         * notes. */
        json_object_remove_member (full_row, "line");
        json_object_remove_member (full_row, "notes");
        stripped = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (stripped, full_row);
        full_text = json_to_string (stripped, FALSE);
        answer_text = json_to_string (json_parser_get_root (one_parser), FALSE);
        g_assert_cmpstr (full_text, ==, answer_text);
      }
    }
}

/* Both offenses over victim ages, offense dates on either side of each
 * version and penalty change (2016-12-31 / 2017-01-01; 2019-08-28 falls
 * where the version in force is not established), and prior offenses
 * where diversion reads them. */
static void
test_classify_grid (void)
{
  static const char *const all_ages[] = { "0",  "11", "12", "13", "14", "15",
                                          "16", "17", "18", "19", "40", "120" };
  static const char *const some_ages[] = { "0", "14", "15", "17", "18", "120" };
  static const char *const dates[] = { "2010-06-01", "2016-12-31", "2017-01-01",
                                       "2019-08-28", "2025-01-01" };
  static const char *const priors[] = { NULL, "0", "1", "2" };
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)fact_row_free);
  guint n = 0;

  if (!penal_test_have_binary ())
    return;
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      /* Every age at the dates that change the classes; the ages at the
       * tiers' edges elsewhere. */
      gboolean all = d == 1 || d == 2 || d == 4;
      guint n_ages = all ? G_N_ELEMENTS (all_ages) : G_N_ELEMENTS (some_ages);

      for (guint a = 0; a < n_ages; a++, n++)
        add_fact_row (rows, "patronizing", all ? all_ages[a] : some_ages[a],
                      dates[d], priors[n % G_N_ELEMENTS (priors)], NULL, NULL);
      for (guint h = 0; h < 2; h++, n++)
        add_fact_row (rows, "prostitution", NULL, dates[d],
                      priors[n % G_N_ELEMENTS (priors)], h ? "yes" : "no",
                      d % 2 ? "16" : NULL);
    }
  /* Missing facts: needs-facts answers. */
  add_fact_row (rows, "patronizing", NULL, "2025-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "prostitution", NULL, "2010-06-01", NULL, NULL, "40");
  assert_agrees_with_classify (rows);
}

/* Spellings of values that batch's fast path might read differently from
 * classify: each is answered, or refused, exactly as classify does. */
static void
test_classify_spellings (void)
{
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)fact_row_free);

  if (!penal_test_have_binary ())
    return;
  add_fact_row (rows, "patronizing", "030", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "+16", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "-0", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", " 30", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30.0", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "-1", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "99999999999999999999", "2024-01-01", NULL,
                NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", "00", NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", "1000", NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-02-29", "0", NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2023-02-29", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "0001-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "2024-1-01", NULL, NULL, NULL);
  add_fact_row (rows, "patronizing", "30", "20240101", NULL, NULL, NULL);
  add_fact_row (rows, "Patronizing", "30", "2024-01-01", NULL, NULL, NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "Y", NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "TRUE", NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "0", NULL);
  add_fact_row (rows, "prostitution", NULL, "2024-01-01", NULL, "on", NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", NULL, "yes", NULL);
  add_fact_row (rows, "patronizing", "30", "2024-01-01", NULL, NULL, "40");
  assert_agrees_with_classify (rows);
}

static const PenalTestFunc tests[] = {
  { "/batch/classify/grid", test_classify_grid },
  { "/batch/classify/spellings", test_classify_spellings },
};

int
main (int argc, char *argv[])
{
  return penal_test_main (argc, argv, tests, G_N_ELEMENTS (tests));
}
