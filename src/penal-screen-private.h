/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-screen-private.h: the interview's state, shared by the engine
 * (penal-screen.c) and the result (penal-screen-result.c).  Inside the
 * library only. */
#pragma once

#include <glib.h>

#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"

G_BEGIN_DECLS

struct _PenalScreen
{
  const PenalModel *model;
  PenalFacts *facts;
  gboolean *unknown; /* per fact: the person did not know */
  GArray *answered;  /* guint facts, in the order answered */
};

/* The interview's result, in parts (penal-screen-result.c), laid out as
 * text there and as HTML in penal-html.c. */
typedef struct
{
  char *heading;         /* translated, ends with a new line */
  gboolean by_period;    /* the summary is one line per period of the date */
  GPtrArray *summary;    /* char *: the "in short" lines */
  char *closing;         /* translated, ends with a new line; or NULL */
  PenalOutcome *outcome; /* the full answer, or NULL when by period */
} PenalScreenResult;

G_GNUC_INTERNAL PenalScreenResult *penal_screen_result_new (PenalScreen *screen,
                                                            GError **error);
G_GNUC_INTERNAL void penal_screen_result_free (PenalScreenResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalScreenResult, penal_screen_result_free)

G_GNUC_INTERNAL const PenalOffense *
penal_screen_chosen_offense (const PenalScreen *screen);
G_GNUC_INTERNAL gint64 penal_screen_period_sample (GArray *starts, guint i);

G_END_DECLS
