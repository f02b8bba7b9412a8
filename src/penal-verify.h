/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-verify.h: what loading proved about a set of statute files, for
 * `penal verify`. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal.h"

G_BEGIN_DECLS

/* Counts over a model that loaded, so passed every check. */
typedef struct
{
  guint offenses;
  guint enhancements;
  guint programs;
  guint versions;
  guint uncertain_changes; /* versions with an uncertain start */
  guint rules;
  guint leaves; /* decision-tree leaves: regions of the facts */
  guint eras;
  guint monotone;          /* declared severity orders */
  guint monotone_versions; /* versions they were proved on */
} PenalVerifyCounts;

void penal_verify_count (const PenalModel *model, PenalVerifyCounts *counts);
char *penal_verify_text (const PenalVerifyCounts *counts, double milliseconds);
JsonNode *penal_verify_json (const PenalVerifyCounts *counts,
                             double milliseconds);

G_END_DECLS
