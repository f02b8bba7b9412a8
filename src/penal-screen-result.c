/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-screen-result.c: the interview's result in plain words: in short
 * (class, term and fine, whether diversion is open, what was not known),
 * then the full answer; or, when nobody knows the offense date, one line
 * for each period in which the law differs.
 *
 * Periods are the offense's (penal_offense_period_starts), evaluated at one
 * day each; neighbours whose summaries are the same are merged, so the
 * reader sees only the dates at which the answer changes.  The JSON result
 * is the same object as classify's, with "unknown", or one such object per
 * period. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-render.h"
#include "penal-screen-private.h"

static GPtrArray *
unknown_facts (const PenalScreen *screen)
{
  GPtrArray *facts = g_ptr_array_new ();

  for (guint f = 0; f < screen->model->facts->len; f++)
    if (screen->unknown[f])
      g_ptr_array_add (facts, g_ptr_array_index (screen->model->facts, f));
  return facts;
}

static char *
period_text (GArray *starts, guint i)
{
  gint64 start = g_array_index (starts, gint64, i);
  gboolean last = i + 1 >= starts->len;
  g_autofree char *from
      = start != PENAL_DATE_OPEN_START ? penal_date_to_display (start) : NULL;
  g_autofree char *to
      = !last
            ? penal_date_to_display (g_array_index (starts, gint64, i + 1) - 1)
            : NULL;

  if (from == NULL && to == NULL)
    return g_strdup (_ ("on any date"));
  if (from == NULL)
    return g_strdup_printf (_ ("until %s"), to);
  if (to == NULL)
    return g_strdup_printf (_ ("from %s on"), from);
  return g_strdup_printf (_ ("from %s to %s"), from, to);
}

typedef struct
{
  gint64 from; /* PENAL_DATE_OPEN_START when open */
  gint64 to;   /* PENAL_DATE_OPEN_END when open */
  char *summary;
  PenalOutcome *outcome;
} Period;

static void
period_clear (Period *period)
{
  g_free (period->summary);
  penal_outcome_free (period->outcome);
}

/* The result for each period of the offense date, neighbours with the
 * same result merged. */
static GArray *
evaluate_periods (const PenalModel *model, const PenalFacts *facts,
                  const PenalOffense *offense, GError **error)
{
  g_autoptr (GArray) starts = penal_offense_period_starts (offense);
  g_autoptr (GArray) periods = g_array_new (FALSE, TRUE, sizeof (Period));

  g_array_set_clear_func (periods, (GDestroyNotify)period_clear);
  for (guint i = 0; i < starts->len; i++)
    {
      Period period = { 0 };

      period.outcome = penal_evaluate (
          model, facts, penal_screen_period_sample (starts, i), error);
      if (period.outcome == NULL)
        return NULL;
      {
        /* The period's own sentences: the date is what varies, so its
         * warnings are left out. */
        g_autoptr (GPtrArray) lines
            = penal_outcome_summary (period.outcome, FALSE);
        g_ptr_array_add (lines, NULL);
        period.summary = g_strjoinv (" ", (char **)lines->pdata);
      }
      period.from = g_array_index (starts, gint64, i);
      period.to = i + 1 < starts->len
                      ? g_array_index (starts, gint64, i + 1) - 1
                      : PENAL_DATE_OPEN_END;
      if (periods->len > 0)
        {
          Period *previous = &g_array_index (periods, Period, periods->len - 1);
          if (g_str_equal (previous->summary, period.summary))
            {
              previous->to = period.to;
              period_clear (&period);
              continue;
            }
        }
      g_array_append_val (periods, period);
    }
  return g_steal_pointer (&periods);
}

static char *
period_range_text (const Period *period)
{
  g_autoptr (GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 after = period->to == PENAL_DATE_OPEN_END ? PENAL_DATE_OPEN_END
                                                   : period->to + 1;

  g_array_append_val (bounds, period->from);
  if (after != PENAL_DATE_OPEN_END)
    g_array_append_val (bounds, after);
  return period_text (bounds, 0);
}

void
penal_screen_result_free (PenalScreenResult *result)
{
  if (result == NULL)
    return;
  g_free (result->heading);
  g_ptr_array_unref (result->summary);
  g_free (result->closing);
  penal_outcome_free (result->outcome);
  g_free (result);
}

/* The result's parts, which the text and the HTML views lay out each in
 * its own way: a heading, the summary lines, a closing line, and the
 * outcome whose full answer follows.  (transfer full) */
PenalScreenResult *
penal_screen_result_new (PenalScreen *screen, GError **error)
{
  const PenalOffense *offense;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autoptr (PenalScreenResult) result = NULL;
  gint64 date;

  g_return_val_if_fail (screen != NULL, NULL);

  result = g_new0 (PenalScreenResult, 1);
  offense = penal_screen_chosen_offense (screen);
  unknown = unknown_facts (screen);
  result->summary = g_ptr_array_new_with_free_func (g_free);

  if (offense != NULL
      && !penal_facts_get (screen->facts, PENAL_FACT_OFFENSE_DATE, &date))
    {
      g_autoptr (GArray) periods
          = evaluate_periods (screen->model, screen->facts, offense, error);

      if (periods == NULL)
        return NULL;
      result->by_period = TRUE;
      result->heading = g_strdup (
          _ ("The offense date is not known. The result for each period:\n"));
      for (guint i = 0; i < periods->len; i++)
        {
          const Period *period = &g_array_index (periods, Period, i);
          g_autofree char *range = period_range_text (period);
          g_ptr_array_add (result->summary,
                           g_strdup_printf ("%s: %s", range, period->summary));
        }
      result->closing = g_strdup (_ ("Give the offense date for the full "
                                     "result, with its reasons and next "
                                     "steps.\n"));
      return g_steal_pointer (&result);
    }

  if (offense == NULL)
    date = penal_date_today ();
  result->outcome = penal_evaluate (screen->model, screen->facts, date, error);
  if (result->outcome == NULL)
    return NULL;
  /* A volunteer reads it: facts by what they mean, never by their ids. */
  penal_outcome_set_plain (result->outcome);
  if (offense == NULL)
    {
      result->heading = g_strdup (
          _ ("The charge is not known, so there is no result yet.\n"));
      return g_steal_pointer (&result);
    }

  result->heading = g_strdup (_ ("In short:\n"));
  {
    g_autoptr (GPtrArray) lines = penal_outcome_summary (result->outcome, TRUE);
    for (guint i = 0; i < lines->len; i++)
      g_ptr_array_add (result->summary,
                       g_steal_pointer (&g_ptr_array_index (lines, i)));
  }
  if (unknown->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      for (guint i = 0; i < unknown->len; i++)
        {
          const PenalFactDecl *fact = g_ptr_array_index (unknown, i);
          g_string_append_printf (names, "%s%s", i > 0 ? "; " : "",
                                  penal_statute_text (fact->label));
        }
      g_ptr_array_add (
          result->summary,
          g_strdup_printf (_ ("Not known: %s. Below is what each answer would "
                              "lead to."),
                           names->str));
    }
  return g_steal_pointer (&result);
}

char *
penal_screen_result_text (PenalScreen *screen, GError **error)
{
  g_autoptr (PenalScreenResult) result
      = penal_screen_result_new (screen, error);
  GString *out;

  if (result == NULL)
    return NULL;
  out = g_string_new (result->heading);
  for (guint i = 0; i < result->summary->len; i++)
    g_string_append_printf (out, result->by_period ? "  - %s\n" : "  %s\n",
                            (char *)g_ptr_array_index (result->summary, i));
  if (result->closing != NULL)
    g_string_append (out, result->closing);
  if (result->outcome != NULL)
    {
      g_autofree char *details
          = penal_render_details (screen->model, result->outcome);

      if (result->summary->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, details);
    }
  g_string_append_printf (out, "%s\n", penal_not_advice_text ());
  return g_string_free (out, FALSE);
}

static void
set_unknown_member (JsonObject *object, GPtrArray *unknown)
{
  JsonArray *names = json_array_new ();

  for (guint i = 0; i < unknown->len; i++)
    json_array_add_string_element (
        names, ((PenalFactDecl *)g_ptr_array_index (unknown, i))->name);
  json_object_set_array_member (object, "unknown", names);
}

/* The answer when the offense is known and its date is not: one classify
 * object per period in which the law differs, with "unknown" (the facts
 * answered "I don't know") when unknown is not NULL.  The interview's
 * result without a date, and a batch row's with --full. */
JsonNode *
penal_render_json_undated (const PenalModel *model, const PenalFacts *facts,
                           const PenalOffense *offense, GPtrArray *unknown,
                           GError **error)
{
  g_autoptr (GArray) periods = evaluate_periods (model, facts, offense, error);
  JsonNode *root;
  JsonObject *object;
  JsonArray *list, *missing;

  if (periods == NULL)
    return NULL;
  root = json_node_new (JSON_NODE_OBJECT);
  object = json_object_new ();
  json_node_take_object (root, object);
  json_object_set_int_member (object, "format_version",
                              PENAL_JSON_FORMAT_VERSION);
  json_object_set_string_member (object, "status", "needs-facts");
  json_object_set_string_member (object, "jurisdiction", model->jurisdiction);
  json_object_set_string_member (object, "offense", offense->id);
  json_object_set_null_member (object, "offense_date");
  missing = json_array_new ();
  json_array_add_string_element (missing, "offense_date");
  json_object_set_array_member (object, "missing", missing);
  if (unknown != NULL)
    set_unknown_member (object, unknown);
  list = json_array_new ();
  for (guint i = 0; i < periods->len; i++)
    {
      const Period *period = &g_array_index (periods, Period, i);
      JsonObject *entry = json_object_new ();
      g_autofree char *from = period->from != PENAL_DATE_OPEN_START
                                  ? penal_date_to_iso (period->from)
                                  : NULL;
      g_autofree char *to = period->to != PENAL_DATE_OPEN_END
                                ? penal_date_to_iso (period->to)
                                : NULL;

      if (from != NULL)
        json_object_set_string_member (entry, "from", from);
      else
        json_object_set_null_member (entry, "from");
      if (to != NULL)
        json_object_set_string_member (entry, "to", to);
      else
        json_object_set_null_member (entry, "to");
      json_object_set_member (entry, "outcome",
                              penal_render_json (model, period->outcome));
      json_array_add_object_element (list, entry);
    }
  json_object_set_array_member (object, "periods", list);
  return root;
}

/* The same object as classify, with "unknown": the facts answered "I don't
 * know".  Without an offense date, an object with one classify object per
 * period instead. */
char *
penal_screen_result_json (PenalScreen *screen, GError **error)
{
  const PenalOffense *offense;
  g_autoptr (GPtrArray) unknown = NULL;
  g_autoptr (JsonNode) root = NULL;
  gint64 date;

  g_return_val_if_fail (screen != NULL, NULL);

  offense = penal_screen_chosen_offense (screen);
  unknown = unknown_facts (screen);
  if (offense != NULL
      && !penal_facts_get (screen->facts, PENAL_FACT_OFFENSE_DATE, &date))
    {
      root = penal_render_json_undated (screen->model, screen->facts, offense,
                                        unknown, error);
      if (root == NULL)
        return NULL;
      return penal_json_to_string (root, TRUE);
    }

  if (offense == NULL)
    date = penal_date_today ();
  {
    g_autoptr (PenalOutcome) outcome
        = penal_evaluate (screen->model, screen->facts, date, error);
    if (outcome == NULL)
      return NULL;
    root = penal_render_json (screen->model, outcome);
    set_unknown_member (json_node_get_object (root), unknown);
  }
  return penal_json_to_string (root, TRUE);
}
