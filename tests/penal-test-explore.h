/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-explore.h: what the tests of the exploring commands share:
 * the figures of RSMo 567.030 they check, each table with its sources, the
 * checks of a rule's outcome, subsections and version against them, and
 * `penal classify` to compare with. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One age tier of RSMo 567.030: the subsection that draws it and its
 * victim_age range. */
typedef struct
{
  const char *citation;
  gint64 min;
  gint64 max;
  const char *range;
} ExpectedTier;

/* One rule of RSMo 567.030 and the penalty of its class in one era. */
typedef struct
{
  const ExpectedTier *tier;
  const char *klass;
  const char *imprisonment_max;
  const char *county_jail_max; /* NULL: none */
  gint64 fine_max_usd;
  const char *penalty_citation;
} ExpectedRule;

/* A version of a statute, or an era of a penalty table, as list, show and
 * diff give it. */
typedef struct
{
  const char *id;
  const char *from;
  const char *from_latest;
  const char *to_earliest;
  const char *to;
  const char *basis;
} ExpectedVersion;

/* Each with its sources in penal-test-explore.c. */
extern const ExpectedTier age_tiers[3];
extern const ExpectedRule rules_2004[3];
extern const ExpectedRule sb491_rules[3];
extern const ExpectedRule rules_2018[3];
extern const ExpectedVersion patronizing_versions[4];

JsonObject *explore_json (JsonParser *parser, const char *const *args);
GStrv window_args (const char *command, const char *format);
JsonArray *window_versions (JsonParser *parser, const char *const *args);
JsonObject *classify_json (JsonParser *parser, const char *const *facts);
JsonObject *classify_patronizing (JsonParser *parser, gint64 victim_age,
                                  const char *date);
void assert_tier (JsonObject *object, const ExpectedRule *expected);
void assert_shown_version (JsonObject *entry, const char *id,
                           gboolean certainly_in_force);
void assert_outcome (JsonObject *outcome, const ExpectedRule *expected,
                     const char *era);
void assert_subsections (JsonObject *shown, const ExpectedRule expected[3],
                         const char *era);
void assert_version (JsonObject *version, const ExpectedVersion *expected);
void assert_hiv_felony (JsonObject *outcome);

G_END_DECLS
