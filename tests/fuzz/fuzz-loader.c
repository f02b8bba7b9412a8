/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-loader.c: a libFuzzer harness for the statute loader: bytes are one
 * statute file; whatever loads (and so was proved sound) is evaluated and
 * rendered for a spread of cases, to reach the tree walk and the
 * renderers with data nobody wrote by hand.  Built with clang's
 * -fsanitize=fuzzer by tools/fuzz.sh; replayed over its corpus as an
 * ordinary test by fuzz-replay.c. */
#include "config.h"

#include <stdint.h>

#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
evaluate_everywhere (const PenalModel *model)
{
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  const gint64 dates[] = { 2440000, 2457754, 2460000, 2469000 };

  for (guint o = 0; o < model->offenses->len; o++)
    for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
      for (guint pick = 0; pick < 3; pick++)
        {
          g_autoptr (PenalOutcome) outcome = NULL;
          g_autoptr (GError) error = NULL;

          penal_facts_clear (facts);
          penal_facts_set_value (facts, PENAL_FACT_OFFENSE, o);
          /* pick 0: no other facts; 1: each at its minimum; 2: maximum. */
          for (guint f = PENAL_FACT_OFFENSE_DATE + 1;
               pick > 0 && f < model->facts->len; f++)
            {
              const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
              gint64 max = decl->type == PENAL_FACT_TYPE_BOOLEAN ? 1
                           : decl->type == PENAL_FACT_TYPE_ENUM
                               ? (gint64)g_strv_length (decl->values) - 1
                               : decl->max;
              gint64 min
                  = decl->type == PENAL_FACT_TYPE_INTEGER ? decl->min : 0;
              penal_facts_set_value (facts, f, pick == 1 ? min : max);
            }
          outcome = penal_evaluate (model, facts, dates[d], &error);
          if (outcome != NULL)
            {
              g_autofree char *text = penal_render_text (model, outcome);
              g_autofree char *json
                  = penal_render_json_string (model, outcome, FALSE);
            }
        }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = penal_model_load_from_data (
      "fuzz.xml", (const char *)data, size, &error);

  if (model == NULL)
    {
      /* Every refusal is a located, typed error, never a crash. */
      g_assert_true (error != NULL && error->domain == PENAL_MODEL_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml:"));
      return 0;
    }
  evaluate_everywhere (model);
  return 0;
}
