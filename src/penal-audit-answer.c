/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-audit-answer.c: one check of penal audit as written, shared by
 * every row of its code, class and period (penal-audit-run.c) and by the
 * report (penal-audit-html.c): its cells from charge_code to message for
 * CSV, or its members from charge_code to code_in_force for JSON Lines;
 * and what an audit did, for standard error. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-audit-private.h"
#include "penal-kinds.h"
#include "penal-rows-run.h"

/* ------------------------------------------------------------------ */
/* Answers                                                              */

PenalAuditAnswer *
penal_audit_answer_ref (PenalAuditAnswer *answer)
{
  answer->refs++;
  return answer;
}

void
penal_audit_answer_unref (PenalAuditAnswer *answer)
{
  if (answer == NULL || --answer->refs > 0)
    return;
  penal_audit_result_free (answer->result);
  g_free (answer->code);
  g_free (answer->csv);
  g_free (answer->json);
  g_free (answer);
}

static const char *
basis_code (const PenalAuditFinding *finding)
{
  return finding->has_basis ? penal_basis_to_code (finding->basis) : NULL;
}

/* The cells from charge_code to message (CSV), or the members from
 * charge_code to code_in_force (JSON), each with its comma before it. */
static void
render (PenalAuditAnswer *answer, gboolean json_out)
{
  const PenalAuditResult *result = answer->result;
  const PenalAuditFinding *first = g_ptr_array_index (result->findings, 0);
  const char *recorded
      = result->has_recorded ? penal_class_to_code (result->recorded) : NULL;
  const char *law
      = result->has_law_class ? penal_class_to_code (result->law_class) : NULL;
  gboolean stale = FALSE;
  guint seen = 0;
  GString *csv = g_string_new (NULL);
  GString *json = g_string_new (NULL);
  GString *kinds = g_string_new (NULL);
  GString *messages = g_string_new (NULL);
  GString *in_force = g_string_new (NULL);

  for (guint i = 0; i < result->findings->len; i++)
    {
      const PenalAuditFinding *finding
          = g_ptr_array_index (result->findings, i);
      const char *kind = penal_audit_kind_to_code (finding->kind);

      if ((seen & (1u << finding->kind)) == 0)
        {
          if (kinds->len > 0)
            g_string_append_c (kinds, ';');
          g_string_append (kinds, kind);
        }
      seen |= 1u << finding->kind;
      if (i > 0)
        g_string_append (messages, " | ");
      g_string_append (messages, finding->message);
      stale |= finding->kind == PENAL_AUDIT_CODE_NOT_IN_FORCE;
    }
  for (guint i = 0; stale && i < result->in_force->len; i++)
    {
      if (i > 0)
        g_string_append_c (in_force, ';');
      g_string_append (in_force, ((const PenalChargeCode *)g_ptr_array_index (
                                      result->in_force, i))
                                     ->code);
    }

  answer->first = first->kind;
  for (guint i = 0; i < result->findings->len; i++)
    {
      PenalAuditKind kind
          = ((const PenalAuditFinding *)g_ptr_array_index (result->findings, i))
                ->kind;
      answer->attention
          |= kind != PENAL_AUDIT_OK && kind != PENAL_AUDIT_CANNOT_CHECK;
    }
  if (json_out)
    goto json;
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, answer->code, -1);
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, recorded, -1);
  g_string_append_c (csv, ',');
  g_string_append (csv, penal_audit_kind_to_code (first->kind));
  g_string_append_c (csv, ',');
  g_string_append (csv, kinds->str);
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, law, -1);
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, first->citation, -1);
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, basis_code (first), -1);
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, in_force->str, -1);
  g_string_append_c (csv, ',');
  penal_row_append_csv_cell (csv, messages->str, -1);
  goto done;

json:
  g_string_append (json, ",\"charge_code\":");
  if (answer->code != NULL)
    penal_row_append_json_string (json, answer->code, -1);
  else
    g_string_append (json, "null");
  g_string_append (json, ",\"charged_class\":");
  if (recorded != NULL)
    g_string_append_printf (json, "\"%s\"", recorded);
  else
    g_string_append (json, "null");
  g_string_append_printf (json, ",\"finding\":\"%s\",\"findings\":[",
                          penal_audit_kind_to_code (first->kind));
  for (guint i = 0; i < result->findings->len; i++)
    {
      const PenalAuditFinding *finding
          = g_ptr_array_index (result->findings, i);

      g_string_append_printf (
          json, "%s{\"kind\":\"%s\",\"message\":", i > 0 ? "," : "",
          penal_audit_kind_to_code (finding->kind));
      penal_row_append_json_string (json, finding->message, -1);
      g_string_append (json, ",\"citation\":");
      if (finding->citation != NULL)
        penal_row_append_json_string (json, finding->citation, -1);
      else
        g_string_append (json, "null");
      if (basis_code (finding) != NULL)
        g_string_append_printf (json, ",\"basis\":\"%s\"}",
                                basis_code (finding));
      else
        g_string_append (json, ",\"basis\":null}");
    }
  g_string_append (json, "],\"law\":");
  if (law != NULL)
    {
      g_string_append_printf (json, "{\"class\":\"%s\",\"citation\":", law);
      if (result->law_citation != NULL)
        penal_row_append_json_string (json, result->law_citation, -1);
      else
        g_string_append (json, "null");
      g_string_append_printf (json, ",\"basis\":\"%s\"}",
                              penal_basis_to_code (result->law_basis));
    }
  else
    g_string_append (json, "null");
  g_string_append (json, ",\"code_in_force\":[");
  for (guint i = 0; stale && i < result->in_force->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      penal_row_append_json_string (
          json,
          ((const PenalChargeCode *)g_ptr_array_index (result->in_force, i))
              ->code,
          -1);
    }
  g_string_append_c (json, ']');

done:
  answer->csv_length = csv->len;
  answer->csv = g_string_free (csv, FALSE);
  answer->json = g_string_free (json, FALSE);
  g_string_free (kinds, TRUE);
  g_string_free (messages, TRUE);
  g_string_free (in_force, TRUE);
}

/* (transfer full) The answer for a check's result, which it takes,
 * written in the output's form (json_out: JSON Lines). */
PenalAuditAnswer *
penal_audit_answer_new (PenalAuditResult *result, const char *code,
                        gboolean json_out)
{
  PenalAuditAnswer *answer = g_new0 (PenalAuditAnswer, 1);

  answer->refs = 1;
  answer->result = result;
  answer->code = g_strdup (code);
  render (answer, json_out);
  return answer;
}

/* ------------------------------------------------------------------ */
/* The summary                                                          */

/* The code of an outcome of penal_audit_run: a finding's, or "error". */
const char *
penal_audit_outcome_to_code (guint outcome)
{
  return outcome < PENAL_AUDIT_N_KINDS ? penal_audit_kind_to_code (outcome)
                                       : "error";
}

/* (transfer full) What an audit did, for standard error: the rows by
 * their first finding and how many need attention; the empty rows
 * skipped; the columns ignored. */
char *
penal_audit_summary (const PenalAuditCounts *counts)
{
  GString *out = g_string_new (NULL);
  g_autofree char *attention
      = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->attention);

  penal_row_summary_start (out, counts->rows, counts->by_outcome,
                           PENAL_AUDIT_N_OUTCOMES, penal_audit_outcome_to_code);
  g_string_append (out, "; ");
  g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE, "%s needs attention", "%s need attention",
                   (gulong)MIN (counts->attention, G_MAXULONG)),
      attention);
  penal_row_summary_end (out, counts->empty, counts->ignored);
  return g_string_free (out, FALSE);
}
