/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-regions.h: a fact's domain split at the bounds the rules test. */
#pragma once

#include <glib.h>

#include "penal-model-private.h"

G_BEGIN_DECLS

/* The regions of a fact's range [lo, hi]: a sorted GArray of gint64 holding
 * the first value of each region, cuts[0] == lo; region k runs from cuts[k]
 * to cuts[k + 1] - 1, the last one to hi.  Inside a region every condition
 * on the fact of the rules added holds for all values or for none. */
G_GNUC_INTERNAL GArray *penal_regions_new (gint64 lo, gint64 hi);
G_GNUC_INTERNAL void
penal_regions_add_condition (GArray *cuts, const PenalCondition *condition,
                             gint64 lo, gint64 hi);
G_GNUC_INTERNAL void penal_regions_add_rules (GArray *cuts, GPtrArray *rules,
                                              guint fact, gint64 lo, gint64 hi);
G_GNUC_INTERNAL void penal_regions_add_statute (GArray *cuts,
                                                const PenalOffense *statute,
                                                guint fact, gint64 lo,
                                                gint64 hi);
G_GNUC_INTERNAL void penal_regions_add_offense (GArray *cuts,
                                                const PenalOffense *offense,
                                                guint fact, gint64 lo,
                                                gint64 hi);
G_GNUC_INTERNAL void penal_regions_finish (GArray *cuts);
G_GNUC_INTERNAL guint penal_regions_find (GArray *cuts, gint64 value);
G_GNUC_INTERNAL gint64 penal_regions_last (GArray *cuts, guint region,
                                           gint64 hi);

G_END_DECLS
