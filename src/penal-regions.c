/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-regions.c: a fact's domain split at every bound the rules test, so
 * that the outcome is the same for every value inside a piece.
 *
 * One concept used four times: the decision-tree compiler splits the range
 * a path has left of a fact; penal batch caches answers by region; penal
 * diff compares two dates region by region; penal what-if evaluates one
 * sample per region.  A condition "fact in [a, b]" contributes the cuts a
 * and b + 1 where they fall strictly inside the range, so each region lies
 * wholly inside or wholly outside every condition added. */
#include "config.h"

#include "penal-regions.h"

static gint
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* (transfer full) The one region [lo, hi], ready to be cut. */
GArray *
penal_regions_new (gint64 lo, gint64 hi)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (lo <= hi, cuts);
  g_array_append_val (cuts, lo);
  return cuts;
}

/* Cuts [lo, hi] at the bounds of one condition. */
void
penal_regions_add_condition (GArray *cuts, const PenalCondition *condition,
                             gint64 lo, gint64 hi)
{
  gint64 after = condition->hi + 1;

  if (condition->lo > lo && condition->lo <= hi)
    g_array_append_val (cuts, condition->lo);
  if (condition->hi < hi && condition->hi >= lo)
    g_array_append_val (cuts, after);
}

/* Cuts [lo, hi] at the bounds of every condition on fact in rules
 * (PenalRule).  Call penal_regions_finish() once all are added. */
void
penal_regions_add_rules (GArray *cuts, GPtrArray *rules, guint fact, gint64 lo,
                         gint64 hi)
{
  for (guint r = 0; r < rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (rules, r);

      for (guint c = 0; c < rule->conditions->len; c++)
        {
          const PenalCondition *condition
              = &g_array_index (rule->conditions, PenalCondition, c);

          if (condition->fact == fact)
            penal_regions_add_condition (cuts, condition, lo, hi);
        }
    }
}

/* The rules of every version of statute. */
void
penal_regions_add_statute (GArray *cuts, const PenalOffense *statute,
                           guint fact, gint64 lo, gint64 hi)
{
  for (guint v = 0; v < statute->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (statute->versions, v);

      penal_regions_add_rules (cuts, version->rules, fact, lo, hi);
    }
}

/* Everything that decides an answer for offense: its own rules, its
 * enhancements' and its programs'. */
void
penal_regions_add_offense (GArray *cuts, const PenalOffense *offense,
                           guint fact, gint64 lo, gint64 hi)
{
  penal_regions_add_statute (cuts, offense, fact, lo, hi);
  for (guint e = 0; e < offense->enhancements->len; e++)
    penal_regions_add_statute (
        cuts, g_ptr_array_index (offense->enhancements, e), fact, lo, hi);
  for (guint p = 0; p < offense->programs->len; p++)
    penal_regions_add_statute (cuts, g_ptr_array_index (offense->programs, p),
                               fact, lo, hi);
}

/* Sorts the cuts and drops repeats. */
void
penal_regions_finish (GArray *cuts)
{
  guint kept = 0;

  g_array_sort (cuts, compare_int64);
  for (guint k = 0; k < cuts->len; k++)
    if (kept == 0
        || g_array_index (cuts, gint64, k)
               != g_array_index (cuts, gint64, kept - 1))
      g_array_index (cuts, gint64, kept++) = g_array_index (cuts, gint64, k);
  g_array_set_size (cuts, kept);
}

/* The number of cuts at or below value: the region of value, counting
 * from 1, or 0 for a value below the range. */
guint
penal_regions_find (GArray *cuts, gint64 value)
{
  guint lo = 0, hi = cuts->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (cuts, gint64, mid) <= value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The last value of region (counting from 0) of a range that ends at hi. */
gint64
penal_regions_last (GArray *cuts, guint region, gint64 hi)
{
  return region + 1 < cuts->len ? g_array_index (cuts, gint64, region + 1) - 1
                                : hi;
}
