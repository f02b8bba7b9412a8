/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-facts.h: the facts of one case, parsed and checked against the
 * domains the statute files declare. */
#pragma once

#include <glib.h>

#include "penal-date.h"
#include "penal.h"

G_BEGIN_DECLS

void penal_facts_clear (PenalFacts *facts);
gboolean penal_facts_set (PenalFacts *facts, const char *name,
                          const char *value, GError **error);
void penal_facts_set_value (PenalFacts *facts, guint index, gint64 value);
void penal_facts_unset (PenalFacts *facts, guint index);

G_END_DECLS
