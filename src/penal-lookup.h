/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-lookup.h: any charge code of the Highway Patrol's table, its class
 * on a date and the penalty range that class carries (penal-lookup.c), for
 * penal lookup (penal-lookup-report.c) and batch's charge_code column. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-charges.h"
#include "penal-outcome.h"

G_BEGIN_DECLS

/* Why a code's penalty is, or is not, given; the codes are part of
 * penal's output (penal_lookup_status_to_code). */
typedef enum
{
  PENAL_LOOKUP_DECIDED,      /* a class, and its penalty (which may be
                                open) */
  PENAL_LOOKUP_UNCLASSIFIED, /* class U: the statute itself sets the
                                penalty */
  PENAL_LOOKUP_ORDINANCE,    /* a municipal ordinance */
  PENAL_LOOKUP_MODIFIED,     /* an attempt, accessory or conspiracy */
  PENAL_LOOKUP_NO_CLASS,     /* the table gives no class penal knows */
  PENAL_LOOKUP_NOT_IN_FORCE, /* not the code for an offense on the date */
} PenalLookupStatus;

/* One code on one date.  Pointers point into the table and the model,
 * which must outlive it. */
typedef struct
{
  const PenalChargeCode *row;
  char modifier;      /* '0' to '3' as typed, or 0 */
  gboolean in_force;  /* on the offense date */
  GPtrArray *instead; /* PenalChargeCode of the family in force then */
  PenalLookupStatus status;
  gboolean has_class;
  PenalClass klass;
  PenalPenaltyState penalty_state;
  const PenalEra *era;
  const PenalClassPenalty *penalty;
  const PenalOffense *held; /* the statute, when penal holds it in full */
} PenalLookupCode;

G_GNUC_INTERNAL const PenalCharges *
penal_lookup_charges (const PenalModel *model, PenalCharges **out_loaded,
                      GError **error);
G_GNUC_INTERNAL const PenalPenalties *
penal_lookup_class_table (const PenalModel *model);
G_GNUC_INTERNAL GPtrArray *
penal_lookup_find_rows (const PenalCharges *charges, const char *query,
                        gint64 date, char *out_modifier, GError **error);
G_GNUC_INTERNAL gboolean penal_lookup_split_code (const char *query,
                                                  char **out_code,
                                                  char *out_modifier,
                                                  gboolean *out_family);
G_GNUC_INTERNAL PenalLookupCode *
penal_lookup_code_new (const PenalModel *model, const PenalCharges *charges,
                       const PenalPenalties *penalties,
                       const PenalChargeCode *row, char modifier, gint64 date);
G_GNUC_INTERNAL void penal_lookup_code_free (PenalLookupCode *code);
G_GNUC_INTERNAL const char *
penal_lookup_status_to_code (PenalLookupStatus status);
G_GNUC_INTERNAL char *
penal_lookup_statute_citation (const PenalChargeCode *row);
G_GNUC_INTERNAL const PenalOffense *
penal_lookup_held_statute (const PenalModel *model, const char *code);
G_GNUC_INTERNAL char *penal_lookup_code_reason (const PenalLookupCode *code);
G_GNUC_INTERNAL JsonNode *
penal_lookup_report_json (const PenalModel *model, const PenalCharges *charges,
                          const char *query, gint64 date, GPtrArray *codes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalLookupCode, penal_lookup_code_free)

G_END_DECLS
