/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-charges.h: the Missouri State Highway Patrol's charge-code table,
 * as converted by tools/mshp-charge-codes (penal-charges.c). */
#pragma once

#include <glib.h>

#include "penal-class.h"
#include "penal.h"

G_BEGIN_DECLS

/* A table larger than this is refused before it is read: the Patrol's
 * whole table of 2021 (8,301 codes) converts to 1.1 MiB. */
#define PENAL_CHARGES_MAX_FILE_SIZE (16 * 1024 * 1024)

/* One row of the table.  Strings point into the table, which owns them;
 * absent values are NULL (strings) or 0 (single letters). */
typedef struct
{
  const char *code;      /* "567.030-003Y201840" */
  const char *family;    /* "567.030-003": the statute and its sequence */
  const char *legacy;    /* the five-digit code used before 2016, or NULL */
  char type;             /* F felony, M misdemeanor, I infraction,
                            L local ordinance, U unknown (the layout's) */
  char klass;            /* A to E, U unclassified, N none, or 0 */
  gint64 from;           /* Julian days, inclusive; open ends as in the */
  gint64 to;             /* model (PENAL_DATE_OPEN_START / _END) */
  gboolean fingerprints; /* "reportable": fingerprints must be taken */
  gboolean dna_at_arrest;
  char registration;     /* 'Y', 'N', or 0 when the table does not say */
  char modifiers[5];     /* not applicable, attempt, accessory,
                            conspiracy: 'Y' or 'N' each */
  const char *case_type; /* the courts' case type code, or NULL */
  const char *ncic;      /* NCIC category, or NULL */
  const char *statute;   /* as the table writes it, "567030", or NULL */
  const char *description;
  int line; /* in the table file */
} PenalChargeCode;

G_GNUC_INTERNAL PenalCharges *penal_charges_load_data (const char *name,
                                                       const char *data,
                                                       gsize length,
                                                       GError **error);
G_GNUC_INTERNAL const char *
penal_charges_get_name (const PenalCharges *charges);
G_GNUC_INTERNAL gint64
penal_charges_get_edition_day (const PenalCharges *charges);
G_GNUC_INTERNAL const char *
penal_charges_get_registration_source (const PenalCharges *charges);
G_GNUC_INTERNAL const PenalChargeCode *
penal_charges_find (const PenalCharges *charges, const char *code);
G_GNUC_INTERNAL const PenalChargeCode *
penal_charges_get_row (const PenalCharges *charges, guint index);
G_GNUC_INTERNAL gboolean penal_charges_has_family (const PenalCharges *charges,
                                                   const char *family);
G_GNUC_INTERNAL GPtrArray *penal_charges_family (const PenalCharges *charges,
                                                 const char *family);
G_GNUC_INTERNAL const char *penal_charge_type_code (char type);
G_GNUC_INTERNAL const char *penal_charge_type_text (char type);
G_GNUC_INTERNAL char *penal_charge_period_text (const PenalChargeCode *row);
G_GNUC_INTERNAL gboolean penal_charge_code_class (const PenalChargeCode *row,
                                                  PenalClass *out);
G_GNUC_INTERNAL GPtrArray *penal_charges_in_force (const PenalCharges *charges,
                                                   const char *family,
                                                   gint64 date);

G_END_DECLS
