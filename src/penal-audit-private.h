/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-audit-private.h: what penal audit's parts share: one check's
 * answer as written (penal-audit-run.c) and the findings kept for the HTML
 * report (penal-audit-html.c).  Inside the library only. */
#pragma once

#include <glib.h>

#include "penal-audit.h"
#include "penal-rows.h"

G_BEGIN_DECLS

/* The findings cap per kind that the report lists; it counts them all. */
#define PENAL_AUDIT_REPORT_LIMIT 200

/* One check as written, shared by every row of its code, class and
 * period, and by the report. */
typedef struct
{
  gint refs;
  PenalAuditResult *result;
  char *code; /* as checked, or NULL */
  PenalAuditKind first;
  gboolean attention; /* a finding other than ok and cannot-check */
  char *csv;          /* the cells from charge_code to message */
  gsize csv_length;
  char *json; /* the members from charge_code to code_in_force */
} PenalAuditAnswer;

G_GNUC_INTERNAL PenalAuditAnswer *
penal_audit_answer_new (PenalAuditResult *result, const char *code,
                        gboolean json_out);
G_GNUC_INTERNAL PenalAuditAnswer *
penal_audit_answer_ref (PenalAuditAnswer *answer);
G_GNUC_INTERNAL void penal_audit_answer_unref (PenalAuditAnswer *answer);
G_GNUC_INTERNAL const char *penal_audit_outcome_to_code (guint outcome);

G_GNUC_INTERNAL void penal_audit_set_max_entries (guint n);
G_GNUC_INTERNAL PenalAuditReport *
penal_audit_report_new (const PenalModel *model);
G_GNUC_INTERNAL void penal_audit_report_free (PenalAuditReport *report);
G_GNUC_INTERNAL void penal_audit_report_add (PenalAuditReport *report,
                                             const PenalRow *row,
                                             PenalRowReader *reader,
                                             const char *date_text,
                                             PenalAuditAnswer *answer);

G_END_DECLS
