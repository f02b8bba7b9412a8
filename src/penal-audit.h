/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-audit.h: one recorded charge checked against the law on its
 * offense date (penal-audit.c). */
#pragma once

#include <glib.h>

#include "penal-charges.h"
#include "penal-outcome.h"

G_BEGIN_DECLS

/* What a check finds; the codes are part of penal's output. */
typedef enum
{
  PENAL_AUDIT_OK,
  PENAL_AUDIT_CODE_NOT_IN_FORCE,        /* the code was not in force then */
  PENAL_AUDIT_CODE_CLASS_MISMATCH,      /* the code's own class is not the
                                           recorded class */
  PENAL_AUDIT_CLASS_MISMATCH,           /* the law gives another class */
  PENAL_AUDIT_ENHANCEMENT_CANNOT_RAISE, /* an enhancement recorded against
                                           a base class as severe or more */
  PENAL_AUDIT_CANNOT_CHECK,             /* and why */
  PENAL_AUDIT_N_KINDS
} PenalAuditKind;

typedef struct
{
  PenalAuditKind kind;
  char *message;    /* translated, one sentence or two */
  char *citation;   /* what decided it: a subsection or a source */
  PenalBasis basis; /* how that is known */
  gboolean has_basis;
} PenalAuditFinding;

/* The result of one check: every finding, most serious first (an "ok"
 * alone when there is none), and what the law says on the date. */
typedef struct
{
  GPtrArray *findings;         /* PenalAuditFinding */
  const PenalChargeCode *code; /* the recorded code, or NULL */
  GPtrArray *in_force;         /* PenalChargeCode: the codes of its
                                  family in force on the date */
  gboolean has_recorded;       /* a class was recorded */
  PenalClass recorded;
  gboolean has_law_class; /* what the law says on the date */
  PenalClass law_class;
  char *law_citation;
  PenalBasis law_basis;
} PenalAuditResult;

G_GNUC_INTERNAL PenalAuditResult *penal_audit_check (const PenalModel *model,
                                                     const char *code,
                                                     const PenalClass *recorded,
                                                     const PenalFacts *facts,
                                                     gint64 date);
G_GNUC_INTERNAL gboolean penal_audit_family_held (const PenalModel *model,
                                                  const char *family);
G_GNUC_INTERNAL PenalAuditResult *
penal_audit_result_cannot_check (const char *why);
G_GNUC_INTERNAL PenalAuditResult *
penal_audit_check_cited (const PenalModel *model, const char *table,
                         const char *code, const PenalClass *recorded,
                         const PenalFacts *facts, gint64 date);
G_GNUC_INTERNAL PenalAuditResult *
penal_audit_law (const PenalModel *model, const char *table, const char *code,
                 const PenalFacts *facts, gint64 date);
G_GNUC_INTERNAL PenalAuditResult *
penal_audit_result_copy (const PenalAuditResult *law);
G_GNUC_INTERNAL void penal_audit_judge (PenalAuditResult *result,
                                        const char *table,
                                        const PenalClass *recorded);
G_GNUC_INTERNAL void penal_audit_judge_named (PenalAuditResult *result,
                                              const char *table,
                                              const PenalClass *recorded,
                                              char *const *names);
G_GNUC_INTERNAL void penal_audit_result_free (PenalAuditResult *result);
G_GNUC_INTERNAL const char *penal_audit_kind_to_code (PenalAuditKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalAuditResult, penal_audit_result_free)

G_END_DECLS
