/* penal-test-case.c: evaluate one case against a loaded model, in tests. */
#include "config.h"

#include <stdarg.h>

#include "penal-facts.h"
#include "penal-test-case.h"

gint64
penal_test_parse_date (const char *text)
{
  gint64 julian = 0;

  g_assert_true (penal_date_parse (text, &julian));
  return julian;
}

/* Evaluates a case given as NAME, VALUE pairs ending with NULL; every fact
 * must be valid and read by the offense. */
PenalOutcome *
penal_test_evaluate_case (const PenalModel *model, const char *offense_date,
                          ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  PenalOutcome *outcome;
  const char *name;
  va_list args;

  va_start (args, offense_date);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      penal_facts_set (facts, name, value, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  penal_facts_check_applicable (facts, &error);
  g_assert_no_error (error);
  outcome = penal_evaluate (model, facts, penal_test_parse_date (offense_date),
                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  return outcome;
}
