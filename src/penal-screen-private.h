/* penal-screen-private.h: the interview's state, shared by the engine
 * (penal-screen.c) and the result (penal-screen-result.c).  Inside the
 * library only. */
#pragma once

#include <glib.h>

#include "penal-facts.h"
#include "penal-model-private.h"

G_BEGIN_DECLS

struct _PenalScreen
{
  const PenalModel *model;
  PenalFacts *facts;
  gboolean *unknown; /* per fact: the person did not know */
  GArray *answered;  /* guint facts, in the order answered */
};

G_GNUC_INTERNAL const PenalOffense *
penal_screen_chosen_offense (const PenalScreen *screen);
G_GNUC_INTERNAL gint64 penal_screen_period_sample (GArray *starts, guint i);

G_END_DECLS
