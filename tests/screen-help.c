/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen-help.c: the interview's "What does this mean?" texts are kept
 * with the facts: a fact's <help> in its statute file (the built-in
 * offense and offense_date have theirs in penal), so a statute set of
 * one's own (--statutes) brings its own help, and a fact without one has
 * none. */
#include "config.h"

#include <string.h>

#include "penal-test-register.h"
#include "penal.h"

static guint
fact_index (const PenalModel *model, const char *name)
{
  for (guint f = 0; f < penal_model_get_n_facts (model); f++)
    if (g_str_equal (penal_model_get_fact_name (model, f), name))
      return f;
  g_assert_not_reached ();
}

/* Every fact of the bundled statutes has its help, and the help of a
 * fact of statutes/facts.xml is the text written there. */
static void
test_bundled (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = penal_model_load_bundled (&error);
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  PenalScreen *screen;
  const char *help;

  g_assert_no_error (error);
  screen = penal_screen_new (model);
  for (guint f = 0; f < penal_model_get_n_facts (model); f++)
    {
      help = penal_screen_help (screen, f);
      g_assert_nonnull (help);
      g_assert_cmpuint (strlen (help), >, 40);
    }
  path = g_test_build_filename (G_TEST_DIST, "..", "statutes", "facts.xml",
                                NULL);
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  help = penal_screen_help (screen, fact_index (model, "victim_age"));
  g_assert_nonnull (strstr (xml, help));
  g_assert_true (g_str_has_prefix (help, "The age, on the day of the offense"));
  penal_screen_free (screen);
}

/* A statute file's own facts (tests/data/valid-minimal.xml, whose
 * person_age has no help, and the same with one): the help as written,
 * or none. */
static void
test_own_statutes (void)
{
  static const char label[] = "<label>age in years of the person</label>";
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "data", "valid-minimal.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *with_help = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) without = NULL;
  g_autoptr (PenalModel) with = NULL;
  PenalScreen *screen;
  char *at;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  without = penal_model_load_from_data ("valid-minimal.xml", xml, strlen (xml),
                                        &error);
  g_assert_no_error (error);
  at = strstr (xml, label);
  g_assert_nonnull (at);
  at += strlen (label);
  with_help
      = g_strdup_printf ("%.*s<help>Count whole years, on the day.</help>%s",
                         (int)(at - xml), xml, at);
  with = penal_model_load_from_data ("with-help.xml", with_help,
                                     strlen (with_help), &error);
  g_assert_no_error (error);

  screen = penal_screen_new (without);
  g_assert_null (
      penal_screen_help (screen, fact_index (without, "person_age")));
  /* The built-in facts keep theirs. */
  g_assert_nonnull (penal_screen_help (screen, PENAL_FACT_OFFENSE_DATE));
  penal_screen_free (screen);
  screen = penal_screen_new (with);
  g_assert_cmpstr (penal_screen_help (screen, fact_index (with, "person_age")),
                   ==, "Count whole years, on the day.");
  penal_screen_free (screen);
}

static const PenalTestFunc tests[] = {
  { "/screen-help/bundled", test_bundled },
  { "/screen-help/own-statutes", test_own_statutes },
};

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
