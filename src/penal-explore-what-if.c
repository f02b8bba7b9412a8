/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore-what-if.c: penal what-if: how the outcome moves as one
 * fact moves across its domain, the others held as given.
 *
 * The varied fact is evaluated at one sample in each interval into which
 * the rules cut it (penal-regions.c), and neighbouring intervals whose
 * outcomes are equal are merged into one range; each range is
 * penal_evaluate's answer, never a recomputation. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-explore.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal-render.h"
#include "penal-tree.h"

/* ------------------------------------------------------------------ */
/* what-if                                                              */

/* The programs of one kind that matter in a row, in brief: those that
 * apply (or may), with the answer (under answer_member) as true or null. */
static void
add_program_rows (JsonBuilder *builder, GPtrArray *programs,
                  const char *answer_member)
{
  json_builder_begin_array (builder);
  for (guint p = 0; p < programs->len; p++)
    {
      const PenalOutcome *screened = g_ptr_array_index (programs, p);
      PenalAnswer answer = penal_program_answer (screened);
      const PenalRule *rule
          = screened->status == PENAL_STATUS_DECIDED ? screened->rule : NULL;

      if (answer == PENAL_ANSWER_NO)
        continue;
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", screened->offense->id);
      penal_json_add_string_or_null (
          builder, "title", penal_statute_text (screened->offense->title));
      json_builder_set_member_name (builder, answer_member);
      if (answer == PENAL_ANSWER_UNKNOWN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, TRUE);
      penal_json_add_string_or_null (builder, "citation",
                                     rule != NULL ? rule->citation : NULL);
      penal_explore_add_cites (builder, rule);
      penal_json_add_not_if_charged (builder, screened);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* An enhancement's row, written only if it may be charged. */
static void
add_chargeable_enhancement (JsonBuilder *builder, const PenalOutcome *enhanced)
{
  const PenalRule *enhanced_rule;

  if (!penal_enhancement_may_be_charged (enhanced, &enhanced_rule))
    return;
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", enhanced->offense->id);
  penal_json_add_string_or_null (builder, "title",
                                 penal_statute_text (enhanced->offense->title));
  penal_json_add_string_or_null (builder, "statute",
                                 enhanced->offense->statute);
  penal_json_add_string_or_null (builder, "status",
                                 penal_status_to_code (enhanced->status));
  penal_json_add_string_or_null (builder, "class",
                                 penal_rule_class_code (enhanced_rule));
  penal_json_add_string_or_null (builder, "citation",
                                 enhanced_rule != NULL ? enhanced_rule->citation
                                                       : NULL);
  penal_explore_add_cites (builder, enhanced_rule);
  penal_json_add_raises_exposure (builder, enhanced);
  json_builder_end_object (builder);
}

static void
add_outcome_summary (JsonBuilder *builder, const PenalOutcome *outcome)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);
  g_autoptr (GPtrArray) protections
      = penal_outcome_programs_of (outcome, PENAL_PROGRAM_PROTECTION);
  g_autoptr (GPtrArray) court_discretion
      = penal_outcome_programs_of (outcome, PENAL_PROGRAM_COURT_DISCRETION);
  const PenalRule *rule
      = outcome->status == PENAL_STATUS_DECIDED ? outcome->rule : NULL;
  const PenalClassPenalty *p = rule != NULL ? outcome->penalty : NULL;
  const char *klass = penal_rule_class_code (rule);

  penal_json_add_string_or_null (builder, "status",
                                 penal_status_to_code (outcome->status));
  penal_json_add_string_or_null (builder, "class", klass);
  penal_json_add_string_or_null (builder, "citation",
                                 rule != NULL ? rule->citation : NULL);
  penal_explore_add_cites (builder, rule);
  penal_json_add_string_or_null (
      builder, "version", rule != NULL ? outcome->version->dated.id : NULL);
  penal_json_add_penalty_fields (builder, p);
  penal_json_add_penalty_established (builder, outcome);
  /* Why not: the table in force is uncertain, or none is held. */
  penal_json_add_string_or_null (
      builder, "penalty_state",
      klass == NULL                                       ? NULL
      : outcome->penalty_state == PENAL_PENALTY_HELD      ? "held"
      : outcome->penalty_state == PENAL_PENALTY_UNCERTAIN ? "uncertain"
                                                          : "not-held");
  json_builder_set_member_name (builder, "diversion_eligible");
  if (diversion->eligible == PENAL_ANSWER_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder,
                                    diversion->eligible == PENAL_ANSWER_YES);
  json_builder_set_member_name (builder, "needs");
  json_builder_begin_array (builder);
  for (guint i = 0;
       outcome->status == PENAL_STATUS_NEEDS_FACTS && i < outcome->missing->len;
       i++)
    json_builder_add_string_value (
        builder,
        ((PenalFactDecl *)g_ptr_array_index (outcome->missing, i))->name);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "candidate_versions");
  json_builder_begin_array (builder);
  for (guint i = 0; outcome->status == PENAL_STATUS_AMBIGUOUS
                    && i < outcome->candidates->len;
       i++)
    {
      const PenalOutcome *candidate
          = g_ptr_array_index (outcome->candidates, i);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "version",
                                     candidate->version->dated.id);
      penal_json_add_string_or_null (builder, "class",
                                     penal_rule_class_code (candidate->rule));
      penal_json_add_string_or_null (builder, "citation",
                                     candidate->rule->citation);
      penal_explore_add_cites (builder, candidate->rule);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Enhancements that may be charged, e.g. a persistent offender. */
  json_builder_set_member_name (builder, "enhancements");
  json_builder_begin_array (builder);
  for (guint e = 0; e < outcome->enhancements->len; e++)
    add_chargeable_enhancement (builder,
                                g_ptr_array_index (outcome->enhancements, e));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "protections");
  add_program_rows (builder, protections, "applies");
  json_builder_set_member_name (builder, "court_discretion");
  add_program_rows (builder, court_discretion, "available");
  json_builder_set_member_name (builder, "referrals");
  json_builder_begin_array (builder);
  for (guint r = 0; r < diversion->resources->len; r++)
    {
      const PenalResource *resource
          = g_ptr_array_index (diversion->resources, r);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", resource->id);
      penal_json_add_string_or_null (builder, "title",
                                     penal_statute_text (resource->title));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The values at which the outcome may change as the varied fact moves,
 * each the start of a run of values: the first value of each region into
 * which the offense's, its enhancements' and its programs' rules cut the
 * fact, or every period start of the offense for the offense date. */
static GArray *
sample_values (const PenalFactDecl *decl, const PenalOffense *offense,
               guint vary)
{
  GArray *values;

  if (vary == PENAL_FACT_OFFENSE_DATE)
    return penal_offense_period_starts (offense);
  values = penal_regions_new (decl->min, decl->max);
  penal_regions_add_offense (values, offense, vary, decl->min, decl->max);
  penal_regions_finish (values);
  return values;
}

JsonNode *
penal_explore_what_if (const PenalModel *model, const PenalFacts *given,
                       gint64 offense_date, guint vary, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  const PenalFactDecl *decl = g_ptr_array_index (model->facts, vary);
  const PenalOffense *offense;
  g_autoptr (GArray) values = NULL;
  gint64 index;

  for (guint f = 0; f < model->facts->len; f++)
    {
      gint64 value;
      if (f != vary && penal_facts_get (given, f, &value))
        penal_facts_set_value (facts, f, value);
    }
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE, &index))
    {
      g_set_error (
          error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
          _ ("what-if: name the offense, for example offense=patronizing"));
      return NULL;
    }
  offense = g_ptr_array_index (model->offenses, index);
  values = sample_values (decl, offense, vary);

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_explore_add_offense (builder, "offense", offense);
  penal_json_add_string_or_null (builder, "vary", decl->name);
  penal_json_add_string_or_null (builder, "label",
                                 penal_statute_text (decl->label));
  if (vary == PENAL_FACT_OFFENSE_DATE)
    penal_json_add_string_or_null (builder, "offense_date", NULL);
  else
    penal_explore_add_date (builder, "offense_date", offense_date);
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_object (builder);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    {
      gint64 value;
      const PenalFactDecl *other = g_ptr_array_index (model->facts, f);
      if (f == vary || !penal_facts_get (facts, f, &value))
        continue;
      {
        g_autofree char *text = penal_range_to_text (other, value, value);
        penal_json_add_string_or_null (builder, other->name, text);
      }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "ranges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    {
      gint64 value = g_array_index (values, gint64, i);
      gint64 date = vary == PENAL_FACT_OFFENSE_DATE ? value : offense_date;
      gint64 hi;
      g_autoptr (PenalOutcome) outcome = NULL;
      g_autoptr (JsonBuilder) entry = json_builder_new ();
      g_autofree char *range = NULL;
      guint next = i + 1;

      penal_facts_set_value (facts, vary, value);
      outcome = penal_evaluate (model, facts, date, error);
      if (outcome == NULL)
        return NULL;
      json_builder_begin_object (entry);
      add_outcome_summary (entry, outcome);
      json_builder_end_object (entry);

      /* Extend the run while the next values give the same answer, every
       * part of it compared (penal_outcome_equal). */
      while (next < values->len)
        {
          g_autoptr (PenalOutcome) following = NULL;
          gint64 next_value = g_array_index (values, gint64, next);

          penal_facts_set_value (facts, vary, next_value);
          following = penal_evaluate (
              model, facts,
              vary == PENAL_FACT_OFFENSE_DATE ? next_value : offense_date,
              error);
          if (following == NULL)
            return NULL;
          if (!penal_outcome_equal (outcome, following))
            break;
          next++;
        }
      if (vary == PENAL_FACT_OFFENSE_DATE)
        hi = next < values->len ? g_array_index (values, gint64, next) - 1
                                : PENAL_DATE_OPEN_END;
      else
        hi = penal_regions_last (values, next - 1, decl->max);
      range = penal_range_to_text (decl, value, hi);

      json_builder_begin_object (builder);
      if (vary == PENAL_FACT_OFFENSE_DATE)
        {
          penal_explore_add_date (builder, "from", value);
          penal_explore_add_date (builder, "to", hi);
        }
      else
        {
          penal_explore_add_int (builder, "min", value);
          penal_explore_add_int (builder, "max", hi);
        }
      penal_json_add_string_or_null (builder, "range", range);
      {
        g_autoptr (JsonNode) node = json_builder_get_root (entry);
        JsonObject *object = json_node_get_object (node);
        GList *members = json_object_get_members (object);
        for (GList *m = members; m != NULL; m = m->next)
          {
            json_builder_set_member_name (builder, m->data);
            json_builder_add_value (
                builder,
                json_node_copy (json_object_get_member (object, m->data)));
          }
        g_list_free (members);
      }
      json_builder_end_object (builder);
      i = next - 1;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A row's protections or court routes, as "; <what>: <title>
 * [<citation>]", what being if_yes or, for an unknown answer, if_unknown
 * (left out when NULL). */
static void
append_program_rows (GString *line, JsonObject *range, const char *member,
                     const char *answer_member, const char *if_yes,
                     const char *if_unknown)
{
  JsonArray *rows = json_object_get_array_member (range, member);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonNode *answer = json_object_get_member (row, answer_member);
      gboolean known = answer != NULL && !JSON_NODE_HOLDS_NULL (answer);
      g_autofree char *cited = penal_explore_citation_text (row);

      if (!known && if_unknown == NULL)
        continue;
      g_string_append_printf (
          line, "; %s: %s [%s]", known ? if_yes : if_unknown,
          penal_explore_member_string (row, "title"), cited);
    }
}

char *
penal_explore_what_if_text (JsonNode *what_if)
{
  JsonObject *root = json_node_get_object (what_if);
  JsonArray *ranges = json_object_get_array_member (root, "ranges");
  JsonObject *given = json_object_get_object_member (root, "facts");
  g_autofree char *date = penal_explore_member_date (root, "offense_date");
  GList *members = json_object_get_members (given);
  GString *out = g_string_new (NULL);

  if (date != NULL)
    /* TRANSLATORS: "<title> (<statute>), offense committed on <date>, as
       <fact> (<fact label>) varies:". */
    g_string_append_printf (
        out, _ ("%s (%s), offense committed on %s, as %s (%s) varies:\n"),
        penal_explore_member_string (root, "title"),
        penal_explore_member_string (root, "statute"), date,
        penal_explore_member_string (root, "vary"),
        penal_explore_member_string (root, "label"));
  else
    g_string_append_printf (out, _ ("%s (%s), as the offense date varies:\n"),
                            penal_explore_member_string (root, "title"),
                            penal_explore_member_string (root, "statute"));
  if (members != NULL)
    {
      g_string_append (out, _ ("  with"));
      for (GList *m = members; m != NULL; m = m->next)
        g_string_append_printf (out, " %s=%s", (char *)m->data,
                                penal_explore_member_string (given, m->data));
      g_string_append_c (out, '\n');
    }
  g_list_free (members);

  for (guint r = 0; r < json_array_get_length (ranges); r++)
    {
      JsonObject *range = json_array_get_object_element (ranges, r);
      const char *status = penal_explore_member_string (range, "status");
      g_autoptr (GString) line = g_string_new (NULL);
      JsonNode *eligible = json_object_get_member (range, "diversion_eligible");
      g_autofree char *cited = penal_explore_citation_text (range);
      PenalClass klass;

      g_string_append_printf (line, "  %s → ",
                              penal_explore_member_string (range, "range"));
      if (g_strcmp0 (status, "needs-facts") == 0)
        {
          JsonArray *needs = json_object_get_array_member (range, "needs");
          GString *list = g_string_new (NULL);

          for (guint n = 0; n < json_array_get_length (needs); n++)
            g_string_append_printf (list, "%s%s", n > 0 ? ", " : "",
                                    json_array_get_string_element (needs, n));
          g_string_append_printf (line, _ ("needs more facts: %s"), list->str);
          g_string_free (list, TRUE);
        }
      else if (g_strcmp0 (status, "no-version") == 0)
        g_string_append (line, _ ("penal holds no version in force then"));
      else if (g_strcmp0 (status, "ambiguous") == 0)
        {
          JsonArray *candidates
              = json_object_get_array_member (range, "candidate_versions");
          GString *list = g_string_new (NULL);

          for (guint c = 0; c < json_array_get_length (candidates); c++)
            {
              JsonObject *candidate
                  = json_array_get_object_element (candidates, c);
              PenalClass candidate_class;
              const char *name
                  = penal_class_from_code (
                        penal_explore_member_string (candidate, "class"),
                        &candidate_class)
                        ? penal_class_to_name (candidate_class)
                        : _ ("not established");

              if (c > 0)
                g_string_append (list, _ (" or "));
              g_string_append_printf (
                  list, "%s (%s)", name,
                  penal_explore_member_string (candidate, "version"));
            }
          g_string_append_printf (
              line, _ ("not established which version applies: %s"), list->str);
          g_string_free (list, TRUE);
        }
      else if (penal_explore_member_string (range, "class") != NULL
               && penal_class_from_code (
                   penal_explore_member_string (range, "class"), &klass))
        {
          JsonNode *fine = json_object_get_member (range, "fine_max_usd");

          g_string_append (line, penal_class_to_name (klass));
          if (penal_explore_member_string (range, "imprisonment_max") != NULL
              && penal_explore_member_string (range, "imprisonment_min")
                     != NULL)
            {
              g_autofree char *terms = penal_explore_duration_range_text (
                  penal_explore_member_string (range, "imprisonment_min"),
                  penal_explore_member_string (range, "imprisonment_max"));
              g_string_append_printf (line, _ (", from %s"), terms);
            }
          else if (penal_explore_member_string (range, "imprisonment_max")
                   != NULL)
            {
              g_autofree char *term = penal_explore_duration_text (
                  penal_explore_member_string (range, "imprisonment_max"));
              g_string_append_printf (line, _ (", up to %s"), term);
            }
          if (json_object_get_boolean_member_with_default (range, "life",
                                                           FALSE))
            g_string_append (line, _ (", or life imprisonment"));
          if (fine != NULL && !JSON_NODE_HOLDS_NULL (fine))
            {
              g_autofree char *usd
                  = penal_usd_to_text (json_node_get_int (fine));
              g_string_append_printf (line, _ (", fine up to %s"), usd);
            }
          if (g_strcmp0 (penal_explore_member_string (range, "penalty_state"),
                         "uncertain")
              == 0)
            g_string_append (line, _ (", term and fine not established: "
                                      "which penalty table was in force is "
                                      "uncertain"));
          else if (!json_object_get_boolean_member_with_default (
                       range, "penalty_established", TRUE))
            g_string_append (line, _ (", term and fine not established"));
          g_string_append_printf (line, " [%s]", cited);
        }
      else
        g_string_append_printf (line, _ ("no class established [%s]"), cited);
      {
        JsonArray *enhancements
            = json_object_get_array_member (range, "enhancements");
        for (guint e = 0;
             enhancements != NULL && e < json_array_get_length (enhancements);
             e++)
          {
            JsonObject *enhancement
                = json_array_get_object_element (enhancements, e);
            PenalClass enhanced;
            g_autofree char *enhancement_cited
                = penal_explore_citation_text (enhancement);
            const char *code
                = penal_explore_member_string (enhancement, "class");

            if (g_strcmp0 (penal_explore_member_string (enhancement, "status"),
                           "no-version")
                == 0)
              {
                /* TRANSLATORS: "; <RSMo 567.110>: penal holds no version
                   in force then". */
                g_string_append_printf (
                    line, _ ("; %s: penal holds no version in force then"),
                    penal_explore_member_string (enhancement, "statute"));
                continue;
              }

            JsonNode *raises
                = json_object_get_member (enhancement, "raises_exposure");

            /* TRANSLATORS: "; may be charged as <enhancement>: <class>
             * [<citation>]". */
            g_string_append_printf (
                line, _ ("; may be charged as %s: %s [%s]"),
                penal_explore_member_string (enhancement, "title"),
                code != NULL && penal_class_from_code (code, &enhanced)
                    ? penal_class_to_name (enhanced)
                    : _ ("class not established"),
                enhancement_cited);
            if (raises != NULL && !JSON_NODE_HOLDS_NULL (raises)
                && !json_node_get_boolean (raises))
              g_string_append (line, _ (", which would not raise the "
                                        "penalty"));
          }
      }
      if (eligible != NULL && !JSON_NODE_HOLDS_NULL (eligible))
        g_string_append (line, json_node_get_boolean (eligible)
                                   ? _ ("; diversion open")
                                   : _ ("; no diversion"));
      append_program_rows (line, range, "protections", "applies",
                           _ ("protection applies"),
                           _ ("protection may apply"));
      append_program_rows (line, range, "court_discretion", "available",
                           _ ("the court may allow"), NULL);
      {
        JsonArray *referrals
            = json_object_get_array_member (range, "referrals");

        for (guint i = 0;
             referrals != NULL && i < json_array_get_length (referrals); i++)
          g_string_append_printf (
              line, i == 0 ? _ ("; refer to: %s") : ", %s",
              penal_explore_member_string (
                  json_array_get_object_element (referrals, i), "title"));
      }
      g_string_append_c (line, '\n');
      g_string_append (out, line->str);
    }
  return g_string_free (out, FALSE);
}
