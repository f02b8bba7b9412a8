/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-facts.c: a libFuzzer harness for facts from the outside world: each
 * line of the input is tried as a NAME=VALUE assignment (as on the command
 * line and in batch rows) and as an interview answer to every question;
 * whatever is accepted is evaluated and rendered.  Built with clang's
 * -fsanitize=fuzzer by tools/fuzz.sh; replayed over its corpus as an
 * ordinary test by fuzz-replay.c. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PenalModel *model;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (PenalFacts) facts = NULL;
  g_autoptr (PenalScreen) screen = NULL;
  g_autofree char *text
      = g_strndup ((const char *)data, size); /* stops at a NUL */
  g_auto (GStrv) lines = NULL;

  if (model == NULL)
    {
      g_autoptr (GError) error = NULL;
      model = penal_model_load_bundled (&error);
      g_assert_no_error (error);
    }
  facts = penal_facts_new (model);
  screen = penal_screen_new (model);
  lines = g_strsplit (text, "\n", 64);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      gint next;

      if (!penal_facts_parse_assignment (facts, lines[i], &error))
        g_assert_true (error != NULL && error->domain == PENAL_FACTS_ERROR);
      g_clear_error (&error);
      next = penal_screen_next_fact (screen);
      if (next >= 0
          && !penal_screen_answer (screen, (guint)next, lines[i], &error))
        g_assert_true (error != NULL && error->domain == PENAL_FACTS_ERROR);
    }

  {
    g_autoptr (GError) error = NULL;
    gint64 date = 2460000;
    g_autoptr (PenalOutcome) outcome = NULL;

    penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &date);
    if (penal_facts_check_applicable (facts, &error))
      {
        outcome = penal_evaluate (model, facts, date, &error);
        if (outcome != NULL)
          {
            g_autofree char *out = penal_render_text (model, outcome);
            g_autofree char *json
                = penal_render_json_string (model, outcome, FALSE);
          }
      }
  }
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *result = penal_screen_result_text (screen, &error);
    g_autofree char *json = penal_screen_result_json (screen, &error);
  }
  return 0;
}
