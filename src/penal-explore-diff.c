/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore-diff.c: penal diff: what changed for an offense, an
 * enhancement or a program between two dates, region by region of the
 * facts it reads; for an offense, the same for each of its parts.
 *
 * The regions are those of penal-regions.c: every combination of the
 * intervals into which the rules of both versions cut each fact, so the
 * outcome is constant inside each.  Per region, the JSON object holds each
 * side's outcome (per candidate version in an uncertain window) and
 * whether it changed: the class, a figure of its penalty, or a program's
 * words where it applies.  The text is rendered from that object, never
 * from its serialization. */
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
/* diff                                                                 */

/* One region of the facts the compared versions read: an interval of each
 * such fact. */
typedef struct
{
  GArray *facts; /* guint */
  GArray *lo;    /* gint64, per fact */
  GArray *hi;
} Regions;

/* The intervals one fact is cut into by every rule of the versions. */
static GArray *
fact_cuts (const PenalFactDecl *decl, guint fact, GPtrArray *versions)
{
  GArray *cuts = penal_regions_new (decl->min, decl->max);

  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);

      penal_regions_add_rules (cuts, version->rules, fact, decl->min,
                               decl->max);
    }
  penal_regions_finish (cuts);
  return cuts;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static gboolean
version_reads (const PenalVersion *version, guint fact)
{
  for (guint r = 0; r < version->rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (version->rules, r);
      for (guint c = 0; c < rule->conditions->len; c++)
        if (g_array_index (rule->conditions, PenalCondition, c).fact == fact)
          return TRUE;
    }
  return FALSE;
}

/* What one side of a diff gives in one region: per candidate version, the
 * outcome object, and in out_signature what "changed" compares.  Penalty
 * figures come from penalties (the offense's, or for an enhancement the offense
 * it enhances; none for a program). */
static JsonNode *
side_in_region (const PenalOffense *statute, const PenalPenalties *penalties,
                GPtrArray *versions, PenalFacts *facts, gint64 date,
                char **out_signature)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) signatures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) signature = g_string_new (NULL);
  PenalOffense with_penalties = *statute;

  with_penalties.penalties = (PenalPenalties *)penalties;
  json_builder_begin_array (builder);
  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);
      const PenalRule *rule = penal_tree_evaluate (version->tree, facts, NULL);
      const PenalEra *era = penal_penalties_era_for (penalties, date);
      const PenalClassPenalty *p = NULL;

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "version", version->dated.id);
      json_builder_set_member_name (builder, "outcome");
      penal_explore_add_rule_outcome (builder, &with_penalties, rule, date);
      json_builder_end_object (builder);
      if (rule->kind == PENAL_RULE_CLASS && era != NULL)
        p = era->classes[rule->klass];
      /* What "changed" means: the class, or any figure of its penalty;
       * for a program that applies, is open or is not established, also
       * its citation and its words (an affirmative defense and a bar to
       * prosecution both "apply"), as penal_outcome_equal compares them. */
      gboolean worded = statute->is_program
                        && rule->kind != PENAL_RULE_NOT_ELIGIBLE
                        && rule->kind != PENAL_RULE_NOT_APPLICABLE;

      g_ptr_array_add (
          signatures,
          g_strdup_printf (
              "%s/%s/%s/%s/%d/%s/%" G_GINT64_FORMAT "/%s/%s/%s;",
              penal_rule_kind_to_code (rule->kind),
              rule->kind == PENAL_RULE_CLASS ? penal_class_to_code (rule->klass)
                                             : "",
              p != NULL && p->imprisonment_min.iso != NULL
                  ? p->imprisonment_min.iso
                  : "",
              p != NULL && p->imprisonment_max.iso != NULL
                  ? p->imprisonment_max.iso
                  : "",
              p != NULL && p->life,
              p != NULL && p->county_jail_max.iso != NULL
                  ? p->county_jail_max.iso
                  : "",
              p != NULL ? p->fine_max_usd : -1,
              worded && rule->citation != NULL ? rule->citation : "",
              worded && rule->cites != NULL ? rule->cites->id : "",
              worded && rule->explain != NULL ? rule->explain : ""));
    }
  json_builder_end_array (builder);
  /* Candidate versions that agree count once: two versions that give the
   * same answer are the same answer. */
  g_ptr_array_sort (signatures, (GCompareFunc)compare_strings);
  for (guint i = 0; i < signatures->len; i++)
    if (i == 0
        || !g_str_equal (g_ptr_array_index (signatures, i),
                         g_ptr_array_index (signatures, i - 1)))
      g_string_append (signature, g_ptr_array_index (signatures, i));
  *out_signature = g_strdup (signature->str);
  return json_builder_get_root (builder);
}

static void
add_side (JsonBuilder *builder, const char *member,
          const PenalPenalties *penalties, GPtrArray *versions, gint64 date)
{
  const PenalEra *era = penal_penalties_era_for (penalties, date);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  penal_explore_add_date (builder, "date", date);
  penal_explore_add_versions (builder, versions);
  json_builder_set_member_name (builder, "penalties");
  if (era != NULL)
    penal_explore_add_dated_object (builder, &era->dated);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

typedef struct
{
  gint64 *lo; /* per fact read */
  gint64 *hi;
  JsonNode *before; /* arrays, per candidate version */
  JsonNode *after;
  gboolean changed;
} Region;

static void
region_free (Region *region)
{
  g_free (region->lo);
  g_free (region->hi);
  g_clear_pointer (&region->before, json_node_unref);
  g_clear_pointer (&region->after, json_node_unref);
  g_free (region);
}

/* The penalty table an enhancement is punished by: that of the first
 * offense it applies to. */
static const PenalPenalties *
penalties_of (const PenalModel *model, const PenalOffense *statute)
{
  const PenalOffense *offense;

  if (statute->is_program)
    return NULL;
  if (!statute->is_enhancement || statute->applies_to == NULL
      || statute->applies_to[0] == NULL)
    return statute->penalties;
  offense = penal_model_lookup_offense (model, statute->applies_to[0]);
  return offense != NULL ? offense->penalties : NULL;
}

/* One statute's diff: its versions on each date, and every region of the
 * facts they read; the answer's own object (top_level) names its format. */
static JsonNode *
diff_statute (const PenalModel *model, const PenalOffense *offense, gint64 from,
              gint64 to, gboolean top_level, GError **error)
{
  const PenalPenalties *penalties = penalties_of (model, offense);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) before = penal_explore_versions_on (offense, from);
  g_autoptr (GPtrArray) after = penal_explore_versions_on (offense, to);
  g_autoptr (GPtrArray) both = g_ptr_array_new ();
  g_autoptr (GArray) facts_read = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) cuts
      = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr (GPtrArray) regions
      = g_ptr_array_new_with_free_func ((GDestroyNotify)region_free);
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  g_autofree guint *at = NULL;
  gboolean any_changed = FALSE;
  guint n, offense_index = 0;

  g_ptr_array_extend (both, before, NULL, NULL);
  g_ptr_array_extend (both, after, NULL, NULL);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    for (guint v = 0; v < both->len; v++)
      if (version_reads (g_ptr_array_index (both, v), f))
        {
          g_array_append_val (facts_read, f);
          g_ptr_array_add (
              cuts, fact_cuts (g_ptr_array_index (model->facts, f), f, both));
          break;
        }
  n = facts_read->len;

  /* Every combination is evaluated, so their number is bounded first:
   * rules over many facts can cut them into more than anyone can read. */
  {
    guint64 combinations = 1;

    for (guint i = 0; i < n; i++)
      combinations
          = MIN (combinations * ((GArray *)g_ptr_array_index (cuts, i))->len,
                 (guint64)PENAL_REPORT_MAX_ROWS + 1);
    if (combinations > PENAL_REPORT_MAX_ROWS)
      {
        g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_TOO_LARGE,
                     _ ("diff: the rules of %s cut its facts into more than "
                        "%d combinations, more than a report can show; "
                        "try penal what-if, which moves one fact at a time"),
                     offense->id, PENAL_REPORT_MAX_ROWS);
        return NULL;
      }
  }

  json_builder_begin_object (builder);
  if (top_level)
    penal_json_add_format_version (builder);
  penal_explore_add_offense (builder, "id", offense);
  penal_json_add_string_or_null (builder, "kind",
                                 penal_explore_kind_code (offense));
  add_side (builder, "before", penalties, before, from);
  add_side (builder, "after", penalties, after, to);

  /* Every combination of the facts' intervals, the last fact fastest. */
  if (g_ptr_array_find (model->offenses, offense, &offense_index))
    penal_facts_set_value (facts, PENAL_FACT_OFFENSE, offense_index);
  at = g_new0 (guint, n + 1);
  while (before->len > 0 && after->len > 0)
    {
      Region *region = g_new0 (Region, 1);
      g_autofree char *sig_before = NULL, *sig_after = NULL;
      guint i;

      region->lo = g_new (gint64, n + 1);
      region->hi = g_new (gint64, n + 1);
      for (i = 0; i < n; i++)
        {
          GArray *c = g_ptr_array_index (cuts, i);
          const PenalFactDecl *decl = g_ptr_array_index (
              model->facts, g_array_index (facts_read, guint, i));

          region->lo[i] = g_array_index (c, gint64, at[i]);
          region->hi[i] = at[i] + 1 < c->len
                              ? g_array_index (c, gint64, at[i] + 1) - 1
                              : decl->max;
          penal_facts_set_value (facts, g_array_index (facts_read, guint, i),
                                 region->lo[i]);
        }
      region->before = side_in_region (offense, penalties, before, facts, from,
                                       &sig_before);
      region->after
          = side_in_region (offense, penalties, after, facts, to, &sig_after);
      region->changed = g_strcmp0 (sig_before, sig_after) != 0;

      /* Merged into the previous region when only the last fact moved on
       * and nothing else differs. */
      if (regions->len > 0)
        {
          Region *previous = g_ptr_array_index (regions, regions->len - 1);
          gboolean same = n > 0
                          && json_node_equal (previous->before, region->before)
                          && json_node_equal (previous->after, region->after)
                          && previous->hi[n - 1] + 1 == region->lo[n - 1];
          for (i = 0; same && i + 1 < n; i++)
            same = previous->lo[i] == region->lo[i]
                   && previous->hi[i] == region->hi[i];
          if (same)
            {
              previous->hi[n - 1] = region->hi[n - 1];
              region_free (region);
              region = NULL;
            }
        }
      if (region != NULL)
        g_ptr_array_add (regions, region);

      for (i = n; i > 0; i--)
        {
          if (++at[i - 1] < ((GArray *)g_ptr_array_index (cuts, i - 1))->len)
            break;
          at[i - 1] = 0;
        }
      if (i == 0)
        break;
    }

  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint r = 0; r < regions->len; r++)
    {
      Region *region = g_ptr_array_index (regions, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "when");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          const PenalFactDecl *decl = g_ptr_array_index (
              model->facts, g_array_index (facts_read, guint, i));
          g_autofree char *range
              = penal_range_to_text (decl, region->lo[i], region->hi[i]);

          json_builder_begin_object (builder);
          penal_json_add_string_or_null (builder, "fact", decl->name);
          penal_explore_add_int (builder, "min", region->lo[i]);
          penal_explore_add_int (builder, "max", region->hi[i]);
          penal_json_add_string_or_null (builder, "range", range);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "before");
      json_builder_add_value (builder, g_steal_pointer (&region->before));
      json_builder_set_member_name (builder, "after");
      json_builder_add_value (builder, g_steal_pointer (&region->after));
      penal_explore_add_bool (builder, "changed", region->changed);
      json_builder_end_object (builder);
      any_changed |= region->changed;
    }
  json_builder_end_array (builder);
  penal_explore_add_bool (builder, "changed", any_changed);

  /* The open amendment windows: a version boundary that is not established
   * and lies between the two dates (or at either). */
  json_builder_set_member_name (builder, "open_windows");
  json_builder_begin_array (builder);
  for (guint v = 0; v < offense->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (offense->versions, v);
      const PenalEffective *e = &version->dated.effective;
      gint64 lo = MIN (from, to), hi = MAX (from, to);
      gboolean start_open
          = e->from != e->from_latest && e->from <= hi && e->from_latest >= lo;
      gboolean end_open
          = e->to != e->to_earliest && e->to_earliest <= hi && e->to >= lo;

      if (!start_open && !end_open)
        continue;
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "version", version->dated.id);
      penal_json_add_string_or_null (builder, "boundary",
                                     start_open ? "start" : "end");
      penal_explore_add_date (builder, "between",
                              start_open ? e->from : e->to_earliest);
      penal_explore_add_date (builder, "and",
                              start_open ? e->from_latest : e->to);
      penal_json_add_string_or_null (
          builder, "reason", penal_statute_text (version->dated.uncertain));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What changed for an offense, an enhancement or a program between two
 * dates.  For an offense, "parts" holds the same comparison for each
 * enhancement and program it has, so a change in any part of the answer
 * (a persistent offender's class, a protection's words) is seen:
 * "changed" is the offense's own, "answer_changed" true when any part
 * changed. */
JsonNode *
penal_explore_diff (const PenalModel *model, const PenalOffense *statute,
                    gint64 from, gint64 to, GError **error)
{
  JsonNode *root = diff_statute (model, statute, from, to, TRUE, error);
  JsonObject *object;
  gboolean changed;
  JsonArray *parts;
  GPtrArray *kinds[2];

  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  changed = json_object_get_boolean_member (object, "changed");
  if (statute->is_enhancement || statute->is_program)
    return root;
  kinds[0] = statute->enhancements;
  kinds[1] = statute->programs;
  parts = json_array_new ();
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k]->len; i++)
      {
        JsonNode *part = diff_statute (model, g_ptr_array_index (kinds[k], i),
                                       from, to, FALSE, error);

        if (part == NULL)
          {
            json_array_unref (parts);
            json_node_unref (root);
            return NULL;
          }
        changed |= json_object_get_boolean_member (json_node_get_object (part),
                                                   "changed");
        json_array_add_element (parts, part);
      }
  json_object_set_array_member (object, "parts", parts);
  json_object_set_boolean_member (object, "answer_changed", changed);
  return root;
}

static void
append_side_text (GString *out, const char *label, JsonArray *side)
{
  for (guint i = 0; i < json_array_get_length (side); i++)
    {
      JsonObject *entry = json_array_get_object_element (side, i);
      JsonObject *outcome = json_object_get_object_member (entry, "outcome");
      g_autofree char *text = penal_explore_outcome_object_text (outcome);
      g_autofree char *cited = penal_explore_citation_text (outcome);
      const char *penalty
          = penal_explore_member_string (outcome, "penalty_citation");

      if (json_array_get_length (side) > 1)
        g_string_append_printf (out, "    %s (%s): %s [%s%s%s]\n", label,
                                penal_explore_member_string (entry, "version"),
                                text, cited, penalty != NULL ? "; " : "",
                                penalty != NULL ? penalty : "");
      else
        g_string_append_printf (out, "    %s: %s [%s%s%s]\n", label, text,
                                cited, penalty != NULL ? "; " : "",
                                penalty != NULL ? penalty : "");
    }
}

static void
append_diff_side_heading (GString *out, const char *label, JsonObject *side)
{
  JsonArray *versions = json_object_get_array_member (side, "versions");
  g_autofree char *date = penal_explore_member_date (side, "date");
  JsonNode *penalties = json_object_get_member (side, "penalties");

  g_string_append_printf (out, "%s (%s):\n", label, date);
  if (json_array_get_length (versions) == 0)
    g_string_append (out, _ ("  no version is in force\n"));
  for (guint v = 0; v < json_array_get_length (versions); v++)
    g_string_append_printf (
        out, "  %s\n",
        penal_explore_member_string (
            json_array_get_object_element (versions, v), "title"));
  if (json_array_get_length (versions) > 1)
    g_string_append (
        out, _ ("  (which of these was in force is not established)\n"));
  if (penalties != NULL && !JSON_NODE_HOLDS_NULL (penalties))
    g_string_append_printf (out, _ ("  penalties: %s\n"),
                            penal_explore_member_string (
                                json_node_get_object (penalties), "title"));
}

static void append_diff_text (GString *out, JsonObject *root);

char *
penal_explore_diff_text (JsonNode *diff)
{
  JsonObject *root = json_node_get_object (diff);
  JsonArray *parts = json_object_has_member (root, "parts")
                         ? json_object_get_array_member (root, "parts")
                         : NULL;
  GString *out = g_string_new (NULL);

  append_diff_text (out, root);
  /* The parts of the answer that changed in full; the others in a line. */
  for (guint p = 0; parts != NULL && p < json_array_get_length (parts); p++)
    {
      JsonObject *part = json_array_get_object_element (parts, p);

      g_string_append_c (out, '\n');
      if (json_object_get_boolean_member (part, "changed"))
        append_diff_text (out, part);
      else
        /* TRANSLATORS: "<title> (<statute>): nothing changed." */
        g_string_append_printf (out, _ ("%s (%s): nothing changed.\n"),
                                penal_explore_member_string (part, "title"),
                                penal_explore_member_string (part, "statute"));
    }
  return g_string_free (out, FALSE);
}

static void
append_diff_text (GString *out, JsonObject *root)
{
  JsonObject *before = json_object_get_object_member (root, "before");
  JsonObject *after = json_object_get_object_member (root, "after");
  JsonArray *regions = json_object_get_array_member (root, "regions");
  JsonArray *windows = json_object_get_array_member (root, "open_windows");
  g_autofree char *from = penal_explore_member_date (before, "date");
  g_autofree char *to = penal_explore_member_date (after, "date");
  gboolean offense
      = g_strcmp0 (penal_explore_member_string (root, "kind"), "offense") == 0;

  /* TRANSLATORS: "<title> (<statute>): <date> compared with <date>". */
  g_string_append_printf (out, _ ("%s (%s): %s compared with %s\n\n"),
                          penal_explore_member_string (root, "title"),
                          penal_explore_member_string (root, "statute"), from,
                          to);
  append_diff_side_heading (out, _ ("Before"), before);
  append_diff_side_heading (out, _ ("After"), after);
  g_string_append_c (out, '\n');

  if (json_array_get_length (regions) == 0)
    g_string_append (out, _ ("There is nothing to compare: no version is in "
                             "force on one of the dates.\n"));
  else if (!json_object_get_boolean_member (root, "changed") && offense
           && json_object_get_boolean_member_with_default (
               root, "answer_changed", FALSE))
    g_string_append_printf (out,
                            _ ("The class, term and fine did not change "
                               "between %s and %s; what else changed is "
                               "below.\n"),
                            from, to);
  else if (!json_object_get_boolean_member (root, "changed") && offense)
    g_string_append_printf (out,
                            _ ("Nothing changed between %s and %s: every case "
                               "gets the same class, term and fine.\n"),
                            from, to);
  else if (!json_object_get_boolean_member (root, "changed"))
    g_string_append_printf (out,
                            _ ("Nothing changed between %s and %s: every case "
                               "gets the same answer.\n"),
                            from, to);
  for (guint r = 0; r < json_array_get_length (regions); r++)
    {
      JsonObject *region = json_array_get_object_element (regions, r);
      JsonArray *when = json_object_get_array_member (region, "when");
      GString *where = g_string_new (NULL);

      for (guint c = 0; c < json_array_get_length (when); c++)
        {
          JsonObject *condition = json_array_get_object_element (when, c);
          g_string_append_printf (
              where, "%s%s %s", c > 0 ? ", " : "",
              penal_explore_member_string (condition, "fact"),
              penal_explore_member_string (condition, "range"));
        }
      if (where->len == 0)
        g_string_append (where, _ ("every case"));
      if (json_object_get_boolean_member (region, "changed"))
        {
          g_string_append_printf (out, _ ("%s: changed\n"), where->str);
          append_side_text (out, _ ("before"),
                            json_object_get_array_member (region, "before"));
          append_side_text (out, _ ("after"),
                            json_object_get_array_member (region, "after"));
        }
      else
        {
          g_string_append_printf (out, _ ("%s: unchanged\n"), where->str);
          append_side_text (out, _ ("before and after"),
                            json_object_get_array_member (region, "after"));
        }
      g_string_free (where, TRUE);
    }

  for (guint w = 0; w < json_array_get_length (windows); w++)
    {
      JsonObject *window = json_array_get_object_element (windows, w);
      g_autofree char *between = penal_explore_member_date (window, "between");
      g_autofree char *and = penal_explore_member_date (window, "and");
      gboolean start
          = g_strcmp0 (penal_explore_member_string (window, "boundary"),
                       "start")
            == 0;
      g_autofree char *line = g_strdup_printf (
          start ? _ ("Open amendment window: the day %s took effect is not "
                     "established; it was some day from %s to %s, so an "
                     "offense in that window may fall under either version.")
                : _ ("Open amendment window: the last day %s applied is not "
                     "established; it was some day from %s to %s, so an "
                     "offense in that window may fall under either version."),
          penal_explore_member_string (window, "version"), between, and);

      g_string_append_c (out, '\n');
      penal_append_wrapped (out, line, 0, 2, 78);
      if (penal_explore_member_string (window, "reason") != NULL)
        {
          g_string_append (out, "  ");
          penal_append_wrapped (
              out, penal_explore_member_string (window, "reason"), 2, 2, 78);
        }
    }
}
