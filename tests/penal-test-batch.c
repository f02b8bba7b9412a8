/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-batch.c: running `penal batch` in the tests, and checking
 * what it writes. */
#include "config.h"

#include <string.h>

#include "penal-test-batch.h"

/* What standard error says after a batch: the rows by status, in the order
 * the summary names them, as the expected output gives them, then the
 * empty rows skipped and the columns ignored, and the error rows' count. */
char *
expected_stderr (const char *output, gboolean json, guint empty,
                 const char *ignored)
{
  static const char *const statuses[]
      = { "decided",      "needs-facts", "ambiguous", "no-version",
          "unclassified", "ordinance",   "modified",  "no-class",
          "not-in-force", "error" };
  guint counts[G_N_ELEMENTS (statuses)] = { 0 };
  guint rows = 0;
  GString *err = g_string_new (NULL);
  GString *list = g_string_new (NULL);
  const char *line = output;

  if (!json && *line != '\0')
    line = strchr (line, '\n') + 1; /* the header */
  for (; *line != '\0'; line = strchr (line, '\n') + 1)
    {
      const char *status;
      gsize length;

      if (json)
        {
          status = strstr (line, "\"status\":\"") + strlen ("\"status\":\"");
          length = strcspn (status, "\"");
        }
      else
        {
          status = strchr (line, ',') + 1;
          length = strcspn (status, ",");
        }
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        if (strlen (statuses[s]) == length
            && strncmp (status, statuses[s], length) == 0)
          counts[s]++;
      rows++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    if (counts[s] > 0)
      g_string_append_printf (list, "%s%u %s", list->len > 0 ? ", " : "",
                              counts[s], statuses[s]);
  g_string_append_printf (err, "penal: %u %s: %s", rows,
                          rows == 1 ? "row" : "rows",
                          list->len > 0 ? list->str : "-");
  if (empty > 0)
    g_string_append_printf (err, "; %u empty %s skipped", empty,
                            empty == 1 ? "row" : "rows");
  g_string_append_c (err, '\n');
  if (ignored != NULL)
    g_string_append_printf (err, "penal: columns ignored: %s\n", ignored);
  if (counts[G_N_ELEMENTS (statuses) - 1] > 0)
    g_string_append_printf (err,
                            "penal: %u of %u %s could not be classified; see "
                            "the rows with status error\n",
                            counts[G_N_ELEMENTS (statuses) - 1], rows,
                            rows == 1 ? "row" : "rows");
  g_string_free (list, TRUE);
  return g_string_free (err, FALSE);
}

/* Runs `penal batch [OPTIONS] -` on LENGTH bytes of INPUT, in the C
 * locale. */
void
run_batch (PenalTestRun *run, const char *const *options, const char *input,
           gsize length)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "batch");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)options[i]);
  g_ptr_array_add (args, (gpointer) "-");
  g_ptr_array_add (args, NULL);
  penal_test_run_input (run, NULL, "C", (const char *const *)args->pdata, input,
                        length);
}

/* text split at each newline, as g_strsplit (text, "\n", -1) splits it.
 * Outputs here run to millions of bytes, and under AddressSanitizer
 * g_strsplit's strstr measures what is left of the text at each line, so
 * the lines are found by hand. */
GStrv
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *start = text;

  for (const char *p = text;; p++)
    if (*p == '\n' || *p == '\0')
      {
        g_ptr_array_add (lines, g_strndup (start, (gsize)(p - start)));
        if (*p == '\0')
          break;
        start = p + 1;
      }
  g_ptr_array_add (lines, NULL);
  return (GStrv)g_ptr_array_free (lines, FALSE);
}

/* Fails unless ACTUAL is EXPECTED exactly; compared line by line first,
 * so that a failure shows the first line that differs, not two whole
 * outputs. */
void
assert_same_lines (const char *actual, const char *expected)
{
  g_auto (GStrv) got = split_lines (actual);
  g_auto (GStrv) wanted = split_lines (expected);
  guint n_got = g_strv_length (got), n_wanted = g_strv_length (wanted);

  for (guint i = 0; i < MIN (n_got, n_wanted); i++)
    g_assert_cmpstr (got[i], ==, wanted[i]);
  g_assert_cmpuint (n_got, ==, n_wanted);
}

/* Fails unless run's standard error is the summary of its own rows. */
void
assert_summary (const PenalTestRun *run, gboolean json, guint empty,
                const char *ignored)
{
  g_autofree char *err = expected_stderr (run->out, json, empty, ignored);

  g_assert_cmpstr (run->err, ==, err);
}

/* Fails unless run wrote OUT on standard output (compared line by line,
 * as assert_same_lines does), ERR on standard error, and exited with
 * EXIT_CODE. */
void
assert_output (const PenalTestRun *run, const char *out, const char *err,
               int exit_code)
{
  assert_same_lines (run->out, out);
  g_assert_cmpstr (run->err, ==, err);
  g_assert_cmpint (run->exit_code, ==, exit_code);
}
