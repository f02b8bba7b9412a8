/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-link.c: the model's references resolved, and what loading proves
 * about it: versions in sequence, a penalty for every class, compiled and
 * complete decision trees, declared severity orders.
 *
 * The loader builds each element on its own; this file ties them together
 * once every file is read: an offense to its penalty table, enhancements
 * and programs to the offenses they apply to, and each offense to every
 * fact that it, its enhancements and its programs read.  Then every
 * version is compiled into a decision tree, which proves its rules
 * complete, free of overlap and each reachable.  A failure names FILE:LINE
 * and stops the load: no answer is ever given from an unsound model. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-tree.h"

gboolean
penal_link_check_versions (PenalOffense *offense, GError **error)
{
  for (guint i = 1; i < offense->versions->len; i++)
    {
      PenalVersion *prev = g_ptr_array_index (offense->versions, i - 1);
      PenalVersion *next = g_ptr_array_index (offense->versions, i);

      if (prev->dated.effective.to == PENAL_DATE_OPEN_END)
        {
          g_set_error (
              error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
              _ ("%s:%d: version %s cannot follow version %s, which has no end "
                 "date: versions may neither overlap nor leave a gap"),
              next->dated.file, next->dated.line, next->dated.id,
              prev->dated.id);
          return FALSE;
        }
      /* Where the boundary is certain both pairs of dates coincide; where
       * it is uncertain, both versions must declare the same window. */
      if (next->dated.effective.from != prev->dated.effective.to_earliest + 1
          || next->dated.effective.from_latest != prev->dated.effective.to + 1)
        {
          g_autofree char *day = penal_date_to_iso (MIN (
              prev->dated.effective.to_earliest + 1, PENAL_DATE_OPEN_END - 1));
          g_set_error (
              error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
              _ ("%s:%d: version %s must start the day after version %s ends "
                 "(%s), and an uncertain change of version must be declared "
                 "alike on both: versions may neither overlap nor leave a gap"),
              next->dated.file, next->dated.line, next->dated.id,
              prev->dated.id, day);
          return FALSE;
        }
    }

  for (guint i = 0; i < offense->versions->len; i++)
    {
      PenalVersion *version = g_ptr_array_index (offense->versions, i);

      if (version->dated.effective.from != version->dated.effective.from_latest
          && version->dated.uncertain == NULL)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                       _ ("%s:%d: version %s has an uncertain start date but "
                          "no <uncertain> element saying why"),
                       version->dated.file, version->dated.line,
                       version->dated.id);
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_fact_read (PenalOffense *offense, guint fact)
{
  for (guint i = 0; i < offense->facts_read->len; i++)
    if (g_array_index (offense->facts_read, guint, i) == fact)
      return;
  g_array_append_val (offense->facts_read, fact);
}

static void
collect_facts_read (PenalOffense *target, PenalOffense *statute)
{
  for (guint v = 0; v < statute->versions->len; v++)
    {
      PenalVersion *version = g_ptr_array_index (statute->versions, v);
      for (guint r = 0; r < version->rules->len; r++)
        {
          PenalRule *rule = g_ptr_array_index (version->rules, r);
          for (guint c = 0; c < rule->conditions->len; c++)
            add_fact_read (
                target,
                g_array_index (rule->conditions, PenalCondition, c).fact);
        }
    }
}

/* Every class a version can give must have a penalty in every era the
 * version may overlap, or an answer would have a class and no term.  A
 * version may begin before the earliest era: penal then holds no penalty
 * table for those dates, and an answer says so. */
static gboolean
check_penalties_cover (PenalOffense *statute, PenalPenalties *penalties,
                       GError **error)
{
  for (guint v = 0; v < statute->versions->len; v++)
    {
      PenalVersion *version = g_ptr_array_index (statute->versions, v);

      for (guint e = 0; e < penalties->eras->len; e++)
        {
          PenalEra *era = g_ptr_array_index (penalties->eras, e);

          if (era->dated.effective.to < version->dated.effective.from
              || era->dated.effective.from > version->dated.effective.to)
            continue;
          for (guint r = 0; r < version->rules->len; r++)
            {
              PenalRule *rule = g_ptr_array_index (version->rules, r);
              if (rule->kind == PENAL_RULE_CLASS
                  && era->classes[rule->klass] == NULL)
                {
                  g_set_error (
                      error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                      _ ("%s:%d: class %s has no penalty in era %s (%s:%d), "
                         "which this version overlaps"),
                      rule->file, rule->line, penal_class_to_code (rule->klass),
                      era->dated.id, era->dated.file, era->dated.line);
                  return FALSE;
                }
            }
        }
      /* Eras follow each other day by day, so the version is covered
       * from the first era's start on once the last era ends late enough;
       * before the first era, penal holds no table, and says so. */
      {
        PenalEra *first = g_ptr_array_index (penalties->eras, 0);
        PenalEra *last
            = g_ptr_array_index (penalties->eras, penalties->eras->len - 1);

        if (last->dated.effective.to < version->dated.effective.to
            && version->dated.effective.to >= first->dated.effective.from)
          {
            g_autofree char *day = penal_date_to_iso (MAX (
                last->dated.effective.to + 1, version->dated.effective.from));
            g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                         _ ("%s:%d: version %s covers %s, but no era of "
                            "penalty table %s does, so a case on that date "
                            "would have a class and no penalty"),
                         version->dated.file, version->dated.line,
                         version->dated.id, day, penalties->id);
            return FALSE;
          }
      }
    }
  return TRUE;
}

/* Adds an enhancement or a program to each offense it applies to, with
 * the facts it reads; an enhancement must find its classes in each
 * offense's penalty table. */
static gboolean
attach_to_offenses (PenalModel *model, PenalOffense *statute, GError **error)
{
  for (guint a = 0; statute->applies_to[a] != NULL; a++)
    {
      PenalOffense *offense = (PenalOffense *)penal_model_lookup_offense (
          model, statute->applies_to[a]);
      if (offense == NULL)
        {
          if (statute->is_enhancement)
            g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                         _ ("%s:%d: enhancement %s applies to “%s”, which is "
                            "not an offense"),
                         statute->file, statute->line, statute->id,
                         statute->applies_to[a]);
          else
            g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                         _ ("%s:%d: program %s applies to “%s”, which is not "
                            "an offense"),
                         statute->file, statute->line, statute->id,
                         statute->applies_to[a]);
          return FALSE;
        }
      g_ptr_array_add (statute->is_enhancement ? offense->enhancements
                                               : offense->programs,
                       statute);
      collect_facts_read (offense, statute);
      if (statute->is_enhancement
          && !check_penalties_cover (statute, offense->penalties, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
penal_link_model (PenalModel *model, const char *last_file, int last_line,
                  GError **error)
{
  PenalFactDecl *offense_fact
      = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  PenalTreeBudget budget = { 0, 0 };

  /* Reported at the root of the last file read: that is where an
   * <offense> would be missing. */
  if (model->offenses->len == 0)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                   "%s:%d: %s", last_file, last_line,
                   _ ("the statute files define no offense"));
      return FALSE;
    }

  for (guint i = 0; i < model->offenses->len; i++)
    {
      PenalOffense *offense = g_ptr_array_index (model->offenses, i);

      g_strv_builder_add (ids, offense->id);
      offense->penalties
          = penal_model_named (model, "penalties", offense->penalties_id);
      if (offense->penalties == NULL)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                       _ ("%s:%d: offense %s refers to penalty table “%s”, "
                          "which no file declares"),
                       offense->file, offense->line, offense->id,
                       offense->penalties_id);
          return FALSE;
        }
      collect_facts_read (offense, offense);
    }
  g_strfreev (offense_fact->values);
  offense_fact->values = g_strv_builder_end (ids);
  offense_fact->max = (gint64)model->offenses->len - 1;

  for (guint i = 0; i < model->enhancements->len; i++)
    if (!attach_to_offenses (model, g_ptr_array_index (model->enhancements, i),
                             error))
      return FALSE;
  for (guint i = 0; i < model->programs->len; i++)
    if (!attach_to_offenses (model, g_ptr_array_index (model->programs, i),
                             error))
      return FALSE;

  if (!penal_link_references (model, error))
    return FALSE;

  /* Compile last, when every fact's domain is final. */
  for (guint list = 0; list < 3; list++)
    {
      GPtrArray *statutes = list == 0   ? model->offenses
                            : list == 1 ? model->enhancements
                                        : model->programs;
      for (guint i = 0; i < statutes->len; i++)
        {
          PenalOffense *statute = g_ptr_array_index (statutes, i);

          if (!statute->is_enhancement && !statute->is_program
              && !check_penalties_cover (statute, statute->penalties, error))
            return FALSE;
          for (guint v = 0; v < statute->versions->len; v++)
            {
              PenalVersion *version = g_ptr_array_index (statute->versions, v);
              version->tree
                  = penal_tree_compile (model, version, &budget, error);
              if (version->tree == NULL)
                return FALSE;
              for (guint m = 0; m < statute->monotone->len; m++)
                {
                  const PenalMonotone *monotone
                      = &g_array_index (statute->monotone, PenalMonotone, m);
                  if (!penal_tree_check_monotone (
                          model, version, monotone->fact, monotone->decreasing,
                          monotone->line, &budget, error))
                    return FALSE;
                }
            }
        }
    }
  return TRUE;
}
