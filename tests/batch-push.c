/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch-push.c: a batch fed its input a piece at a time (penal_batch_new,
 * _feed, _finish: how penal serve answers POST /api/v1/batch as the body
 * arrives) answers exactly as penal_batch_run() over the whole input:
 * the same bytes out, the same counts, the same refusal, whatever the size
 * of the pieces and wherever they split a line, a quoted field, a UTF-8
 * character, a CRLF or the byte order mark.  The inputs are the three
 * caseload samples of tests/data and inputs made here for the corners. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penal-test-register.h"
#include "penal.h"

static PenalModel *model;

typedef struct
{
  char *out;
  gboolean ok;
  char *error; /* NULL when ok */
  PenalBatchCounts counts;
} Result;

static void
result_clear (Result *result)
{
  free (result->out);
  g_free (result->error);
  penal_batch_counts_clear (&result->counts);
}

static FILE *
open_output (Result *result, size_t *length)
{
  FILE *out = open_memstream (&result->out, length);

  g_assert_nonnull (out);
  return out;
}

/* The whole input at once, as `penal batch FILE` reads it. */
static void
run_whole (const PenalBatchOptions *options, const char *input, gsize length,
           Result *result)
{
  g_autoptr (GError) error = NULL;
  size_t out_length = 0;
  FILE *out = open_output (result, &out_length);
  /* fmemopen refuses a buffer of no bytes; /dev/null is an empty input. */
  FILE *in = length > 0 ? fmemopen ((void *)input, length, "r")
                        : fopen ("/dev/null", "r");

  g_assert_nonnull (in);
  result->ok = penal_batch_run (model, options, in, "input", out,
                                &result->counts, &error);
  result->error = error != NULL ? g_strdup (error->message) : NULL;
  fclose (in);
  fclose (out);
}

/* The input in pieces: sizes[i % n_sizes] bytes at a time. */
static void
run_pushed (const PenalBatchOptions *options, const char *input, gsize length,
            const gsize *sizes, gsize n_sizes, Result *result)
{
  g_autoptr (GError) error = NULL;
  size_t out_length = 0;
  FILE *out = open_output (result, &out_length);
  PenalBatch *batch = penal_batch_new (model, options, "input", out);
  gboolean fed = TRUE;
  gsize at = 0;

  for (gsize i = 0; at < length; i++)
    {
      gsize n = MIN (sizes[i % n_sizes], length - at);

      fed = penal_batch_feed (batch, input + at, n, &error);
      at += n;
      if (!fed)
        break;
    }
  if (fed)
    result->ok = penal_batch_finish (batch, &result->counts, &error);
  result->error = error != NULL ? g_strdup (error->message) : NULL;
  penal_batch_free (batch);
  fclose (out);
}

static void
assert_same (const Result *whole, const Result *pushed)
{
  g_assert_cmpstr (pushed->error, ==, whole->error);
  g_assert_cmpint (pushed->ok, ==, whole->ok);
  g_assert_cmpstr (pushed->out, ==, whole->out);
  if (!whole->ok)
    return;
  g_assert_cmpuint (pushed->counts.rows, ==, whole->counts.rows);
  g_assert_cmpuint (pushed->counts.empty, ==, whole->counts.empty);
  for (guint s = 0; s < PENAL_BATCH_N_STATUSES; s++)
    g_assert_cmpuint (pushed->counts.by_status[s], ==,
                      whole->counts.by_status[s]);
  g_assert_cmpuint (
      whole->counts.ignored != NULL ? g_strv_length (whole->counts.ignored) : 0,
      ==,
      pushed->counts.ignored != NULL ? g_strv_length (pushed->counts.ignored)
                                     : 0);
}

/* The input in pieces of SIZES answers as WHOLE, the input at once. */
static void
check_pushed (const PenalBatchOptions *options, const char *input, gsize length,
              const gsize *sizes, gsize n_sizes, const Result *whole)
{
  Result pushed = { 0 };

  run_pushed (options, input, length, sizes, n_sizes, &pushed);
  assert_same (whole, &pushed);
  result_clear (&pushed);
}

/* Pieces of one byte, of a few bytes, of sizes that move every boundary,
 * the whole input as one piece, and pieces of random sizes. */
static void
check_input (const PenalBatchOptions *options, const char *input, gsize length)
{
  static const gsize fixed[][3] = {
    { 1, 1, 1 }, { 2, 2, 2 }, { 3, 5, 7 }, { 64, 1, 13 }, { 4096, 3, 1 }
  };
  Result whole = { 0 };
  gsize all = MAX (length, 1);

  run_whole (options, input, length, &whole);
  for (gsize f = 0; f < G_N_ELEMENTS (fixed); f++)
    check_pushed (options, input, length, fixed[f], 3, &whole);
  check_pushed (options, input, length, &all, 1, &whole);
  for (guint r = 0; r < 8; r++)
    {
      gsize sizes[16];

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        sizes[i] = (gsize)g_test_rand_int_range (1, 200);
      check_pushed (options, input, length, sizes, G_N_ELEMENTS (sizes),
                    &whole);
    }
  result_clear (&whole);
}

static void
check_file (const PenalBatchOptions *options, const char *name)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *input = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &input, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  check_input (options, input, length);
}

/* A caseload sample of tests/data and how it is read and answered. */
typedef struct
{
  const char *name;
  const char *file;
  PenalBatchOptions options;
  gboolean also_full; /* checked again with classify's whole answer */
} Sample;

static const char *const excel_keep[] = { "Case No", NULL };

static const Sample samples[] = {
  /* As tests/batch-samples.c runs it: --date-order=mdy --keep --bom. */
  { "excel",
    "batch-excel.csv",
    { .input_format = PENAL_BATCH_CSV,
      .output_format = PENAL_BATCH_CSV,
      .date_order = PENAL_DATE_ORDER_MDY,
      .keep = excel_keep,
      .bom = TRUE },
    FALSE },
  { "case-system",
    "batch-case-system.csv",
    { .input_format = PENAL_BATCH_CSV,
      .output_format = PENAL_BATCH_JSONL,
      .ignore_unknown = TRUE },
    FALSE },
  { "api-jsonl",
    "batch-api.jsonl",
    { .input_format = PENAL_BATCH_JSONL, .output_format = PENAL_BATCH_JSONL },
    TRUE },
};

static void
test_sample (gconstpointer data)
{
  const Sample *sample = data;
  PenalBatchOptions options = sample->options;

  check_file (&options, sample->file);
  if (!sample->also_full)
    return;
  options.full = TRUE;
  check_file (&options, sample->file);
}

/* Inputs made for the corners of reading in pieces. */
static void
test_corners (void)
{
  static const struct
  {
    PenalBatchFormat format;
    const char *input;
    gsize length; /* 0: the input's strlen */
  } inputs[] = {
    /* A byte order mark, then CRLF line ends. */
    { PENAL_BATCH_JSONL,
      "\xEF\xBB\xBF{\"offense\":\"patronizing\","
      "\"victim_age\":\"16\",\"offense_date\":"
      "\"2016-06-01\"}\r\n{\"offense\":\"prostitution\"}",
      0 },
    /* A quoted field with a line end inside, and a name of two bytes
     * a character. */
    { PENAL_BATCH_CSV,
      "offense,victim_age,offense_date,Número\r\n"
      "patronizing,14,2017-03-15,\"a\r\nb\"\r\n"
      "\"patronizing\",\"16\",2016-06-01,é\n",
      0 },
    /* A header whose quoted name runs over a line end, with tabs after
     * it: the delimiter is found from the whole first record, however
     * the pieces cut it. */
    { PENAL_BATCH_CSV,
      "offense,\"victim\n_age\"\t\t\toffense_date\n"
      "patronizing,15,2018-08-28\n",
      0 },
    /* UTF-16 whose first character is a line end. */
    { PENAL_BATCH_CSV, "\n\0a\0", sizeof "\n\0a\0" - 1 },
    /* Semicolons, found from the header line. */
    { PENAL_BATCH_CSV,
      "offense;victim_age;offense_date\n"
      "patronizing;15;2018-08-28\n",
      0 },
    /* A quote left open runs to the end. */
    { PENAL_BATCH_CSV, "offense,victim_age\n\"patronizing,14\nx,1\n", 0 },
    /* A header and no row; a header with no line end. */
    { PENAL_BATCH_CSV, "offense,victim_age,offense_date\n", 0 },
    { PENAL_BATCH_CSV, "offense,victim_age,offense_date", 0 },
    /* Refused: an unknown column; UTF-16; nothing but a byte order mark
     * (CSV: no header); no bytes at all. */
    { PENAL_BATCH_CSV, "offense,nonsense\npatronizing,1\n", 0 },
    { PENAL_BATCH_CSV, "o\0f\0f\0\n\0", sizeof "o\0f\0f\0\n\0" - 1 },
    { PENAL_BATCH_CSV, "\xEF\xBB\xBF", 0 },
    { PENAL_BATCH_JSONL, "", 0 },
    /* JSON Lines: a bad line, an empty line, a line of NUL. */
    { PENAL_BATCH_JSONL, "{\"offense\":\n\n{\"offense\":\"prostitution\"}\n",
      0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      PenalBatchOptions options = { 0 };
      gsize length
          = inputs[i].length != 0 ? inputs[i].length : strlen (inputs[i].input);

      g_test_message ("input %" G_GSIZE_FORMAT, i);
      options.input_format = inputs[i].format;
      options.output_format = PENAL_BATCH_JSONL;
      check_input (&options, inputs[i].input, length);
    }
}

/* A line longer than a row may be (64 KiB), split over many pieces, is
 * one error row, and the rows around it are answered. */
static void
test_long_line (void)
{
  GString *input = g_string_new ("{\"offense\":\"prostitution\"}\n"
                                 "{\"offense\":\"");
  PenalBatchOptions options = { 0 };

  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (input, 'x');
  g_string_append (input, "\"}\n{\"offense\":\"patronizing\"}\n");
  options.input_format = PENAL_BATCH_JSONL;
  options.output_format = PENAL_BATCH_CSV;
  check_input (&options, input->str, input->len);
  g_string_free (input, TRUE);
}

static const PenalTestFunc tests[] = {
  { "/batch-push/corners", test_corners },
  { "/batch-push/long-line", test_long_line },
};

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  model = penal_model_load_bundled (&error);
  g_assert_no_error (error);

  PENAL_TEST_ADD_CASES ("/batch-push", samples, test_sample);
  PENAL_TEST_ADD_FUNCS (tests);
  status = g_test_run ();
  penal_model_free (model);
  return status;
}
