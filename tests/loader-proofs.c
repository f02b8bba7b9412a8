/* SPDX-License-Identifier: GPL-3.0-or-later */
/* loader-proofs.c: what a statute file may cost to load: a family of rule
 * tables whose decision tree, built naively, is the product of the
 * domains loads in seconds and answers as its rules say; a broken severity
 * order is refused at once, naming the rules; and past the work any statute
 * needs, a file is refused with FILE:LINE, not compiled for minutes. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-test-case.h"
#include "penal.h"

/* A child that loads one file gets this long before it counts as hung:
 * far more than any statute file needs (tests/loader.c). */
#define SUBPROCESS_TIMEOUT_USEC (10 * G_USEC_PER_SEC)

/* ------------------------------------------------------------------ */
/* Rule tables whose decision tree is the product of the domains       */

/* The classes of the family below, by rule: the rule for fact i and value
 * v gives classes[(i + v) % 6]; in the monotone variant the rules for the
 * last fact give a more severe class for a higher value, the rest the
 * mildest. */
static const char *const product_classes[]
    = { "felony-A", "felony-B", "felony-C",
        "felony-D", "felony-E", "misdemeanor-A" };

static const char *
product_class (guint k, guint i, guint v, gboolean monotone, gboolean broken)
{
  if (v == 0)
    return "misdemeanor-A";
  if (!monotone)
    return product_classes[(i + v) % 6];
  if (i != k)
    return "misdemeanor-A";
  /* felony-C, B, A for 1, 2, 3; broken: 3 gives the mildest felony. */
  return broken && v == 3 ? "felony-E" : product_classes[3 - v];
}

/* A schema-valid statute file with k integer facts f1..fk of domain 0-3
 * and 3k + 1 rules: for each fact fi and value v of 1-3, a rule that tests
 * fi for v and every later fact for 0, and one that tests all for 0.  The
 * rules decide every case exactly once, but a compiler that copies the
 * rules not testing the fact it splits into every branch builds 4^k
 * leaves (k = 12: 13 KB, 16.7 million leaves, 37 s and 1.5 GB).  With
 * monotone, f_k is declared increasing, and a check that compares pairs
 * of leaves takes minutes from k = 9 (8.7 KB).  *out_version_line is the
 * line of the <version>. */
static char *
rule_product_statute (guint k, gboolean monotone, gboolean broken,
                      int *out_version_line)
{
  GString *out = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<statutes format=\"2\" jurisdiction=\"US-ZZ\">\n"
      "<source id=\"s\" citation=\"Test Code 1\" basis=\"statute-text\">A "
      "made-up statute for penal's loader tests.</source>\n");
  int line = 4;

  for (guint i = 1; i <= k; i++, line++)
    g_string_append_printf (out,
                            "<fact name=\"f%u\" type=\"integer\" min=\"0\" "
                            "max=\"3\"><label>fact %u</label></fact>\n",
                            i, i);
  g_string_append (out, "<penalties id=\"p\"><title>Classes</title><era "
                        "id=\"e\" basis=\"statute-text\" sources=\"s\">"
                        "<title>All dates</title>\n");
  line++;
  for (guint c = 0; c < G_N_ELEMENTS (product_classes); c++, line++)
    g_string_append_printf (
        out,
        "<class code=\"%s\"><imprisonment max=\"P1Y\" citation=\"Test Code "
        "2\" basis=\"statute-text\"/><fine max-usd=\"1\" citation=\"Test "
        "Code 3\" basis=\"statute-text\"/></class>\n",
        product_classes[c]);
  g_string_append (out, "</era></penalties>\n<offense id=\"o\" "
                        "statute=\"Test Code 1\" penalties=\"p\"><title>A "
                        "test offense</title>\n");
  line += 2;
  if (monotone)
    {
      g_string_append_printf (
          out, "<monotone fact=\"f%u\" direction=\"increasing\"/>\n", k);
      line++;
    }
  g_string_append (out, "<version id=\"v\" basis=\"statute-text\" "
                        "sources=\"s\"><title>The only version</title>\n");
  *out_version_line = line;
  for (guint i = 0; i <= k; i++)
    for (guint v = i == 0 ? 0 : 1; v <= (i == 0 ? 0 : 3u); v++)
      {
        g_string_append_printf (out,
                                "<rule class=\"%s\" citation=\"Test Code "
                                "1.%u\" basis=\"statute-text\">",
                                product_class (k, i, v, monotone, broken), i);
        if (i > 0)
          g_string_append_printf (
              out, "<when fact=\"f%u\" min=\"%u\" max=\"%u\"/>", i, v, v);
        for (guint j = MAX (i + 1, 1); j <= k; j++)
          g_string_append_printf (
              out, "<when fact=\"f%u\" min=\"0\" max=\"0\"/>", j);
        g_string_append (out, "<explain>A case.</explain></rule>\n");
      }
  g_string_append (out, "</version></offense></statutes>\n");
  return g_string_free (out, FALSE);
}

/* The class penal gives the case f<i>=v with every other fact 0 (i = 0:
 * all 0). */
static char *
product_case_class (const PenalModel *model, guint k, guint i, guint v)
{
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (PenalOutcome) outcome = NULL;
  JsonObject *root;

  g_ptr_array_add (facts, g_strdup ("offense=o"));
  for (guint j = 1; j <= k; j++)
    g_ptr_array_add (facts, g_strdup_printf ("f%u=%u", j, j == i ? v : 0));
  g_ptr_array_add (facts, NULL);
  outcome = penal_test_evaluate_on (model, "2024-01-01",
                                    (const char *const *)facts->pdata);
  root = penal_test_outcome_json (parser, model, outcome);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                   "decided");
  return g_strdup (json_object_get_string_member (root, "class"));
}

/* In the parent, runs the test again in a child given
 * SUBPROCESS_TIMEOUT_USEC and requires that it pass; returns TRUE in the
 * child, which does the work. */
static gboolean
in_timed_child (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT_USEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* Loads the statute of rule_product_statute() as "product.xml". */
static PenalModel *
load_product (guint k, gboolean monotone, gboolean broken,
              int *out_version_line, GError **error)
{
  g_autofree char *contents
      = rule_product_statute (k, monotone, broken, out_version_line);

  g_assert_cmpuint (strlen (contents), <=, PENAL_MODEL_MAX_FILE_SIZE);
  return penal_model_load_from_data ("product.xml", contents, strlen (contents),
                                     error);
}

typedef struct
{
  guint k;
  gboolean monotone;
} ProductCase;

static const ProductCase product_cases[] = {
  { 4, FALSE },  { 8, FALSE }, { 12, FALSE }, { 16, FALSE }, { 24, FALSE },
  { 48, FALSE }, { 8, TRUE },  { 9, TRUE },   { 12, TRUE },  { 48, TRUE },
};

/* Each file of the family loads, in a child given SUBPROCESS_TIMEOUT_USEC
 * (before the compiler shared equal subtrees, k = 12 took 37 s), and
 * answers as its rules say. */
static void
test_rule_product (gconstpointer data)
{
  const ProductCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  int version_line;

  if (!in_timed_child ())
    return;
  model = load_product (c->k, c->monotone, FALSE, &version_line, &error);
  g_assert_no_error (error);
  for (guint i = 0; i <= c->k; i++)
    for (guint v = i == 0 ? 0 : 1; v <= (i == 0 ? 0 : 3u); v++)
      {
        g_autofree char *klass = product_case_class (model, c->k, i, v);
        g_assert_cmpstr (klass, ==,
                         product_class (c->k, i, v, c->monotone, FALSE));
      }
}

/* The same shape with the declared order broken at f_k = 3 is refused,
 * quickly, naming the two rules. */
static void
test_rule_product_monotone_broken (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  g_autofree char *expected = NULL;
  const guint k = 9;
  int version_line;

  if (!in_timed_child ())
    return;
  model = load_product (k, TRUE, TRUE, &version_line, &error);
  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_UNSOUND);
  /* The rules for f9 = 2 and f9 = 3 are the last two; the date is the
   * day the test runs, the version being in force throughout. */
  expected = g_strdup_printf (
      "product.xml:%d: f9=2 gives felony-B (line %d) but f9=3 gives the "
      "milder felony-E (line %d), offense_date=",
      version_line + 3 * k + 1, version_line + 3 * k, version_line + 3 * k + 1);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_free (expected);
  expected = g_strdup_printf ("; line %d declares that a higher f9 never "
                              "gives a milder class",
                              version_line - 1);
  g_assert_true (g_str_has_suffix (error->message, expected));
}

/* Past the work any statute needs, a file is refused, not compiled for
 * minutes: FILE:LINE of the version, its id, and what was too large. */
static void
test_proof_too_large (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  g_autofree char *expected = NULL;
  int version_line;

  if (!in_timed_child ())
    return;
  model = load_product (130, FALSE, FALSE, &version_line, &error);
  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE);
  expected = g_strdup_printf (
      "product.xml:%d: version v is too large to prove sound: its rules take "
      "more than %d steps to check, penal's limit; test fewer facts in each "
      "rule, or split the table",
      version_line, PENAL_MODEL_MAX_PROOF_STEPS);
  g_assert_cmpstr (error->message, ==, expected);
}

static const PenalTestFunc tests[] = {
  { "/loader/limits/rule-product-monotone-broken",
    test_rule_product_monotone_broken },
  { "/loader/limits/proof-too-large", test_proof_too_large },
};

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (product_cases); i++)
    penal_test_add_case (&product_cases[i], test_rule_product,
                         "/loader/limits/rule-product%s/%u",
                         product_cases[i].monotone ? "-monotone" : "",
                         product_cases[i].k);
  PENAL_TEST_ADD_FUNCS (tests);

  return g_test_run ();
}
