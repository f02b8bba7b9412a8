/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mshp.c: penal's classes and charge codes against every row the Missouri
 * State Highway Patrol's charge-code table (edition of 5 August 2021) has
 * for RSMo 567.020 and 567.030.
 *
 * tests/data/mshp-567-2021-08-05.csv holds those rows byte for byte (see
 * tests/data/mshp-567-2021-08-05.txt).  For each row whose period reaches
 * past 28 August 2004 (the Patrol's dates before are not reliable; the
 * issue that asked for this test draws the line there), on the first, the
 * middle and the last day of its period between 2004-08-28 and the
 * edition's date, penal must give the row's class and the row's code for the
 * case the row describes. */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "penal-charges.h"
#include "penal-class.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-test-case.h"

static PenalModel *model;

/* The case each of the Patrol's families describes, in its own words
 * ("PATRONIZING PROSTITUTION - > 14 YRS < 18 YRS"): the offense, the facts,
 * and whether the code is the persistent-offender enhancement's (567.110,
 * which the Patrol codes under the offense enhanced). */
typedef struct
{
  const char *family;
  const char *offense;
  const char *fact;
  const char *value;
  gboolean persistent;
} FamilyCase;

static const FamilyCase families[] = {
  { "567.020-001", "prostitution", "knew_hiv", "no", FALSE },
  { "567.020-002", "prostitution", "knew_hiv", "no", TRUE },
  { "567.020-003", "prostitution", "knew_hiv", "yes", FALSE },
  { "567.030-001", "patronizing", "victim_age", "14", FALSE },
  { "567.030-002", "patronizing", "victim_age", "30", TRUE },
  { "567.030-003", "patronizing", "victim_age", "16", FALSE },
  { "567.030-004", "patronizing", "victim_age", "18", FALSE },
  { "567.030-999", "patronizing", "victim_age", "16", FALSE },
};

/* One row of the Patrol's table.  The row owns its fields as split from
 * the line; type, klass and code point into them. */
typedef struct
{
  GStrv fields;
  const char *type;
  const char *klass;
  const char *code;
  gint64 from;
  gint64 to;
} Row;

static void
row_free (Row *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

/* The Patrol's CSV: commas, descriptions in double quotes, no doubled
 * quotes in these rows. */
static GStrv
split_csv (const char *line)
{
  g_autoptr (GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr (GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }
  g_strv_builder_add (fields, field->str);
  return g_strv_builder_end (fields);
}

static gint64
patrol_date (const char *yyyymmdd)
{
  g_autofree char *iso = NULL;

  if (g_str_equal (yyyymmdd, "99991231"))
    return G_MAXINT32;
  iso = g_strdup_printf ("%.4s-%.2s-%.2s", yyyymmdd, yyyymmdd + 4,
                         yyyymmdd + 6);
  return penal_test_parse_date (iso);
}

static GPtrArray *
read_rows (void)
{
  g_autofree char *path = g_test_build_filename (
      G_TEST_DIST, "data", "mshp-567-2021-08-05.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Row *row;

      if (lines[i][0] == '\0')
        continue;
      row = g_new0 (Row, 1);
      row->fields = split_csv (lines[i]);
      /* The layout has 20 fields: type is the 2nd, class the 3rd, the
       * dates the 4th and 5th, the charge code the 19th. */
      g_assert_cmpuint (g_strv_length (row->fields), ==, 20);
      row->type = row->fields[1];
      row->klass = row->fields[2];
      row->from = patrol_date (row->fields[3]);
      row->to = patrol_date (row->fields[4]);
      row->code = row->fields[18];
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static const FamilyCase *
family_of (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_has_prefix (code, families[i].family))
      return &families[i];
  return NULL;
}

static void
check_day (const Row *row, const FamilyCase *c, gint64 day)
{
  g_autofree char *date = penal_date_to_iso (day);
  g_autoptr (PenalOutcome) outcome = penal_test_evaluate_case (
      model, date, "offense", c->offense, c->fact, c->value,
      "prior_prostitution_offenses", c->persistent ? "2" : "0", NULL);
  const PenalOutcome *coded = outcome;
  const PenalChargeCode *code;
  g_autofree char *expected_class = NULL;

  if (c->persistent)
    {
      g_assert_cmpuint (outcome->enhancements->len, ==, 1);
      coded = g_ptr_array_index (outcome->enhancements, 0);
    }
  expected_class = g_strdup_printf (
      "%s-%s", g_str_equal (row->type, "F") ? "felony" : "misdemeanor",
      row->klass);
  if (coded->status != PENAL_STATUS_DECIDED
      || coded->rule->kind != PENAL_RULE_CLASS
      || !g_str_equal (penal_class_to_code (coded->rule->klass),
                       expected_class))
    g_error ("%s on %s: the Patrol says %s, penal %s", row->code, date,
             expected_class,
             coded->status == PENAL_STATUS_DECIDED
                     && coded->rule->kind == PENAL_RULE_CLASS
                 ? penal_class_to_code (coded->rule->klass)
                 : penal_status_to_code (coded->status));
  g_assert_nonnull (coded->charge_codes);
  if (coded->charge_codes->len != 1)
    g_error ("%s on %s: penal finds %u codes in force", row->code, date,
             coded->charge_codes->len);
  code = g_ptr_array_index (coded->charge_codes, 0);
  g_assert_cmpstr (code->code, ==, row->code);
}

static void
test_rows (void)
{
  g_autoptr (GPtrArray) rows = read_rows ();
  gint64 first = penal_test_parse_date ("2004-08-28");
  gint64 edition = penal_test_parse_date ("2021-08-05");
  guint checked = 0, rows_used = 0;

  /* Every row of 567.020 and 567.030 in the edition. */
  g_assert_cmpuint (rows->len, ==, 20);
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = g_ptr_array_index (rows, r);
      const FamilyCase *c = family_of (row->code);
      gint64 from = MAX (row->from, first);
      gint64 to = MIN (row->to, edition);
      gint64 days[3];

      g_assert_nonnull (c);
      if (from > to)
        continue;
      days[0] = from;
      days[1] = from + (to - from) / 2;
      days[2] = to;
      for (guint d = 0; d < G_N_ELEMENTS (days); d++, checked++)
        check_day (row, c, days[d]);
      rows_used++;
    }
  /* 19 rows reach past 2004-08-28; only 21020 (patronizing, one tier)
   * ends before it. */
  g_assert_cmpuint (rows_used, ==, 19);
  g_assert_cmpuint (checked, ==, 57);
}

/* The single tier before 2004 is coded 567.030-999Y195040 (legacy 21020)
 * from 1979 on too, though the Patrol dates it from 1950. */
static void
test_single_tier_code (void)
{
  g_autoptr (PenalOutcome) outcome = penal_test_evaluate_case (
      model, "2004-08-27", "offense", "patronizing", "victim_age", "16", NULL);
  const PenalChargeCode *code;

  g_assert_cmpuint (outcome->charge_codes->len, ==, 1);
  code = g_ptr_array_index (outcome->charge_codes, 0);
  g_assert_cmpstr (code->code, ==, "567.030-999Y195040");
  g_assert_cmpstr (code->legacy, ==, "21020");
}

/* The flags the Patrol's August 2021 manual prints for patronizing a minor
 * (pages 83-84): sex-offender registration and DNA at arrest; the CSV has
 * no registration column, so older codes say the table does not give it. */
static void
test_registration_flags (void)
{
  g_autoptr (PenalOutcome) now = penal_test_evaluate_case (
      model, "2021-01-01", "offense", "patronizing", "victim_age", "16", NULL);
  g_autoptr (PenalOutcome) then = penal_test_evaluate_case (
      model, "2019-01-01", "offense", "patronizing", "victim_age", "16", NULL);
  const PenalChargeCode *code;

  code = g_ptr_array_index (now->charge_codes, 0);
  g_assert_cmpstr (code->code, ==, "567.030-003Y202040");
  g_assert_cmpint (code->registration, ==, 'Y');
  g_assert_true (code->dna_at_arrest);
  g_assert_true (code->fingerprints);
  code = g_ptr_array_index (then->charge_codes, 0);
  g_assert_cmpstr (code->code, ==, "567.030-003Y201840");
  g_assert_cmpint (code->registration, ==, 0);
}

static const PenalTestFunc tests[] = {
  { "/mshp/567/every-row", test_rows },
  { "/mshp/567/single-tier-before-2004", test_single_tier_code },
  { "/mshp/567/registration-flags", test_registration_flags },
};

int
main (int argc, char *argv[])
{
  g_autoptr (PenalModel) loaded = NULL;

  g_test_init (&argc, &argv, NULL);
  model = loaded = penal_test_load_bundled ();

  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
