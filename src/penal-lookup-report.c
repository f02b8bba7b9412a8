/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-lookup-report.c: penal lookup's answer for the codes a query
 * names (penal-lookup.c finds and evaluates them): each code's steps with
 * their citations, as text and as JSON; and --search, the codes whose
 * description holds every word asked for. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-date.h"
#include "penal-explore.h"
#include "penal-lookup.h"
#include "penal-render.h"

/* ------------------------------------------------------------------ */
/* Words and codes                                                      */

static const char *
modifier_text (char modifier)
{
  switch (modifier)
    {
    case '1':
      return _ ("an attempt");
    case '2':
      return _ ("an accessory");
    case '3':
      return _ ("a conspiracy");
    default:
      return NULL;
    }
}

/* A class's range is what the penalty table authorizes for the class; the
 * statute that defines the offense may set its own (murder in the first
 * degree, mandatory minimum terms, no probation), and penal holds only the
 * statutes it holds in full. */
static char *
class_caveat (const PenalLookupCode *code)
{
  return g_strdup_printf (
      _ ("These are the terms and fines the penalty table authorizes for a "
         "%s. The statute that defines the offense may set its own, such as a "
         "minimum term, a bar on probation or a heavier sentence, and penal "
         "does not hold it: read it before relying on this range."),
      penal_class_to_name (code->klass));
}

/* (transfer full) Why penal gives no penalty for the code, in a sentence
 * that does not name the date (batch keeps it for every day on which it
 * holds), or NULL when it gives one. */
char *
penal_lookup_code_reason (const PenalLookupCode *code)
{
  switch (code->status)
    {
    case PENAL_LOOKUP_UNCLASSIFIED:
      return g_strdup (_ ("The code is unclassified: the statute itself sets "
                          "its penalty, and penal does not hold that "
                          "statute."));
    case PENAL_LOOKUP_ORDINANCE:
      return g_strdup (_ ("A municipal ordinance: each city sets its own "
                          "penalties, and penal holds none of them."));
    case PENAL_LOOKUP_MODIFIED:
      return g_strdup_printf (_ ("The modifier marks %s: penal does not hold "
                                 "the law that sets its penalty, so it gives "
                                 "none."),
                              modifier_text (code->modifier));
    case PENAL_LOOKUP_NO_CLASS:
      return g_strdup (_ ("The table gives no class penal knows, so "
                          "penal gives no term or fine."));
    case PENAL_LOOKUP_NOT_IN_FORCE:
      {
        g_autofree char *period = penal_charge_period_text (code->row);
        GString *instead = g_string_new (NULL);
        char *reason;

        for (guint i = 0; i < code->instead->len; i++)
          g_string_append_printf (
              instead, "%s%s", i > 0 ? ", " : "",
              ((const PenalChargeCode *)g_ptr_array_index (code->instead, i))
                  ->code);
        reason
            = code->instead->len > 0
                  ? g_strdup_printf (_ ("Not in force on the offense date: "
                                        "the table has it %s. The code of "
                                        "this family in force then: %s."),
                                     period, instead->str)
                  : g_strdup_printf (_ ("Not in force on the offense date: "
                                        "the table has it %s, and no code of "
                                        "this family in force then."),
                                     period);
        g_string_free (instead, TRUE);
        return reason;
      }
    case PENAL_LOOKUP_DECIDED:
    default:
      return NULL;
    }
}

/* (transfer full): the steps of one code's answer, each with its citation. */
static GPtrArray *
code_trace (const PenalModel *model, const PenalCharges *charges,
            const PenalLookupCode *code, gint64 date)
{
  GPtrArray *trace
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_trace_step_free);
  const PenalChargeCode *row = code->row;
  g_autofree char *citation = penal_charges_citation (charges);
  g_autofree char *period = penal_charge_period_text (row);
  g_autofree char *day = penal_date_to_display (date);
  g_autofree char *statute = penal_lookup_statute_citation (row);
  /* The class as the charging papers name it too, as in classify. */
  g_autofree char *klass = code->has_class
                               ? penal_class_to_name_with_english (code->klass)
                               : g_strdup (penal_charge_type_text (row->type));

  penal_trace_add_step (
      trace, citation,
      penal_with_basis (
          g_strdup_printf (_ ("The table gives it as a %s."), klass),
          PENAL_BASIS_OFFICIAL_RECORD));
  if (code->in_force)
    penal_trace_add_stepf (trace, citation, _ ("In force %s, so on %s."),
                           period, day);
  else
    {
      GString *instead = g_string_new (NULL);

      for (guint i = 0; i < code->instead->len; i++)
        g_string_append_printf (
            instead, "%s%s", i > 0 ? ", " : "",
            ((const PenalChargeCode *)g_ptr_array_index (code->instead, i))
                ->code);
      if (code->instead->len > 0)
        penal_trace_add_stepf (trace, citation,
                               _ ("Not in force on %s: the table has it %s. "
                                  "The code of this family in force then: "
                                  "%s."),
                               day, period, instead->str);
      else
        penal_trace_add_stepf (trace, citation,
                               _ ("Not in force on %s: the table has it %s, "
                                  "and no code of this family in force then."),
                               day, period);
      g_string_free (instead, TRUE);
    }

  switch (code->status)
    {
    case PENAL_LOOKUP_DECIDED:
      if (code->penalty_state == PENAL_PENALTY_HELD && code->penalty == NULL)
        penal_trace_add_stepf (trace, NULL,
                               _ ("The penalty table in force on %s has no %s, "
                                  "so penal gives no term or fine."),
                               day, penal_class_to_name (code->klass));
      else
        penal_trace_add_penalty (trace, code->penalty_state, code->era,
                                 code->penalty, date);
      if (code->penalty != NULL)
        penal_trace_add_stepf (trace, NULL, _ ("Penalties from %s."),
                               penal_statute_text (code->era->dated.title));
      if (code->penalty != NULL && code->held == NULL)
        penal_trace_add_step (trace, statute, class_caveat (code));
      break;
    case PENAL_LOOKUP_UNCLASSIFIED:
      penal_trace_add_step (trace, statute, penal_lookup_code_reason (code));
      break;
    case PENAL_LOOKUP_NOT_IN_FORCE:
      penal_trace_add_step (
          trace, NULL,
          g_strdup (_ ("So penal gives no term or fine for it on that "
                       "date: look up the code in force then.")));
      break;
    case PENAL_LOOKUP_NO_CLASS:
      penal_trace_add_step (trace, citation, penal_lookup_code_reason (code));
      break;
    case PENAL_LOOKUP_ORDINANCE:
    case PENAL_LOOKUP_MODIFIED:
    default:
      penal_trace_add_step (trace, NULL, penal_lookup_code_reason (code));
      break;
    }

  {
    g_autofree char *flags = penal_charge_code_text (row);
    penal_trace_add_step (
        trace, citation,
        penal_with_basis (g_strdup_printf (_ ("Charge code: %s."), flags),
                          PENAL_BASIS_OFFICIAL_RECORD));
  }
  if (code->held != NULL)
    {
      GString *facts = g_string_new (NULL);

      for (guint f = 0; f < code->held->facts_read->len; f++)
        {
          guint index = g_array_index (code->held->facts_read, guint, f);
          g_string_append_printf (
              facts, " %s=…",
              ((PenalFactDecl *)g_ptr_array_index (model->facts, index))->name);
        }
      g_autofree char *iso = penal_date_to_iso (date);

      penal_trace_add_stepf (trace, code->held->statute,
                             _ ("penal holds %s in full: for the complete "
                                "answer, with what the facts change, run penal "
                                "classify offense=%s offense_date=%s%s"),
                             code->held->statute, code->held->id, iso,
                             facts->str);
      g_string_free (facts, TRUE);
    }
  if (date > penal_charges_get_edition_day (charges))
    penal_trace_add_step (
        trace, citation,
        g_strdup (_ ("The date is after this edition of the table: the code "
                     "is as of the edition, and a later edition may "
                     "differ.")));
  return trace;
}

/* ------------------------------------------------------------------ */
/* The answer                                                           */

static void
add_bool (JsonBuilder *builder, const char *member, gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_code_json (JsonBuilder *builder, const PenalModel *model,
               const PenalCharges *charges, const PenalLookupCode *code,
               gint64 date)
{
  const PenalChargeCode *row = code->row;
  g_autoptr (GPtrArray) trace = code_trace (model, charges, code, date);
  g_autofree char *statute = penal_lookup_statute_citation (row);
  char letter[2] = { row->klass, '\0' };

  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "code", row->code);
  penal_json_add_string_or_null (builder, "family", row->family);
  penal_json_add_string_or_null (builder, "legacy", row->legacy);
  penal_json_add_string_or_null (builder, "description", row->description);
  penal_json_add_string_or_null (builder, "statute", statute);
  penal_json_add_string_or_null (builder, "type",
                                 penal_charge_type_code (row->type));
  penal_json_add_string_or_null (builder, "class_letter",
                                 row->klass != 0 ? letter : NULL);
  penal_json_add_date_or_null (builder, "from", row->from,
                               PENAL_DATE_OPEN_START);
  penal_json_add_date_or_null (builder, "to", row->to, PENAL_DATE_OPEN_END);
  add_bool (builder, "in_force", code->in_force);
  json_builder_set_member_name (builder, "in_force_instead");
  json_builder_begin_array (builder);
  for (guint i = 0; i < code->instead->len; i++)
    json_builder_add_string_value (
        builder,
        ((const PenalChargeCode *)g_ptr_array_index (code->instead, i))->code);
  json_builder_end_array (builder);
  penal_json_add_string_or_null (builder, "status",
                                 penal_lookup_status_to_code (code->status));
  penal_json_add_string_or_null (
      builder, "class",
      code->has_class ? penal_class_to_code (code->klass) : NULL);
  penal_json_add_string_or_null (
      builder, "basis", penal_basis_to_code (PENAL_BASIS_OFFICIAL_RECORD));
  penal_json_add_string_or_null (builder, "modifier",
                                 code->modifier == '1'   ? "attempt"
                                 : code->modifier == '2' ? "accessory"
                                 : code->modifier == '3' ? "conspiracy"
                                                         : NULL);
  penal_json_add_penalty (builder, code->penalty);
  json_builder_set_member_name (builder, "penalty_established");
  if (code->status != PENAL_LOOKUP_DECIDED)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder,
                                    code->penalty_state == PENAL_PENALTY_HELD);
  penal_json_add_string_or_null (
      builder, "era", code->era != NULL ? code->era->dated.id : NULL);
  /* Whether the figures are the offense's own (its statute held in full)
   * or only its class's. */
  penal_json_add_string_or_null (builder, "penalty_scope",
                                 code->penalty == NULL ? NULL
                                 : code->held != NULL  ? "statute"
                                                       : "class");
  {
    g_autofree char *caveat = code->penalty != NULL && code->held == NULL
                                  ? class_caveat (code)
                                  : NULL;
    penal_json_add_string_or_null (builder, "caveat", caveat);
  }
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_object (builder);
  add_bool (builder, "fingerprints", row->fingerprints);
  add_bool (builder, "dna_at_arrest", row->dna_at_arrest);
  json_builder_set_member_name (builder, "sex_offender_registration");
  if (row->registration == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, row->registration == 'Y');
  penal_json_add_string_or_null (builder, "case_type", row->case_type);
  add_bool (builder, "attempt", row->modifiers[1] == 'Y');
  add_bool (builder, "accessory", row->modifiers[2] == 'Y');
  add_bool (builder, "conspiracy", row->modifiers[3] == 'Y');
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "held_statute");
  if (code->held == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "offense", code->held->id);
      penal_json_add_string_or_null (builder, "statute", code->held->statute);
      json_builder_set_member_name (builder, "facts");
      json_builder_begin_array (builder);
      for (guint f = 0; f < code->held->facts_read->len; f++)
        json_builder_add_string_value (
            builder, ((PenalFactDecl *)g_ptr_array_index (
                          model->facts,
                          g_array_index (code->held->facts_read, guint, f)))
                         ->name);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  penal_json_add_trace (builder, trace);
  json_builder_end_object (builder);
}

static void
append_code_text (GString *out, const PenalModel *model,
                  const PenalCharges *charges, const PenalLookupCode *code,
                  gint64 date)
{
  g_autoptr (GPtrArray) trace = code_trace (model, charges, code, date);
  g_autofree char *statute = penal_lookup_statute_citation (code->row);

  if (statute != NULL)
    g_string_append_printf (out, "%s (%s): %s\n", code->row->code, statute,
                            code->row->description);
  else
    g_string_append_printf (out, "%s: %s\n", code->row->code,
                            code->row->description);
  for (guint i = 0; i < trace->len; i++)
    {
      const PenalTraceStep *step = g_ptr_array_index (trace, i);
      g_autofree char *line
          = step->citation != NULL
                ? g_strdup_printf ("%s [%s]", step->text, step->citation)
                : g_strdup (step->text);

      g_string_append (out, "  ");
      penal_append_wrapped (out, line, 2, 4, 78);
    }
}

/* The answer of penal lookup --format=json for the codes found for
 * query on date. */
JsonNode *
penal_lookup_report_json (const PenalModel *model, const PenalCharges *charges,
                          const char *query, gint64 date, GPtrArray *codes)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_json_add_string_or_null (builder, "query", query);
  penal_json_add_date_or_null (builder, "offense_date", date, -1);
  penal_json_add_string_or_null (builder, "edition",
                                 penal_charges_get_edition (charges));
  penal_json_add_string_or_null (builder, "table",
                                 penal_charges_get_title (charges));
  json_builder_set_member_name (builder, "codes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < codes->len; i++)
    add_code_json (builder, model, charges, g_ptr_array_index (codes, i), date);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
penal_lookup_report (const PenalModel *model, const char *query, gint64 date,
                     PenalFormat format, GError **error)
{
  g_autoptr (PenalCharges) loaded = NULL;
  const PenalCharges *charges;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) codes
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_lookup_code_free);
  char modifier = 0;

  g_return_val_if_fail (model != NULL && query != NULL, NULL);

  charges = penal_lookup_charges (model, &loaded, error);
  if (charges == NULL)
    return NULL;
  rows = penal_lookup_find_rows (charges, query, date, &modifier, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (
        codes,
        penal_lookup_code_new (model, charges, penal_lookup_class_table (model),
                               g_ptr_array_index (rows, i), modifier, date));

  if (format == PENAL_FORMAT_JSON)
    {
      g_autoptr (JsonNode) root
          = penal_lookup_report_json (model, charges, query, date, codes);

      return penal_json_report (root);
    }
  {
    GString *out = g_string_new (NULL);
    g_autofree char *day = penal_date_to_display (date);

    if (codes->len > 1)
      g_string_append_printf (out, _ ("%u charge codes for “%s” on %s:\n\n"),
                              codes->len, query, day);
    for (guint i = 0; i < codes->len; i++)
      {
        if (i > 0)
          g_string_append_c (out, '\n');
        append_code_text (out, model, charges, g_ptr_array_index (codes, i),
                          date);
      }
    return g_string_free (out, FALSE);
  }
}

/* ------------------------------------------------------------------ */
/* Searching the table                                                  */

char *
penal_lookup_search_report (const PenalModel *model, const char *words,
                            PenalFormat format, GError **error)
{
  g_autoptr (PenalCharges) loaded = NULL;
  const PenalCharges *charges;
  g_autofree char *upper = g_utf8_strup (words, -1);
  g_auto (GStrv) terms = g_strsplit_set (upper, " \t", -1);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GString *out = g_string_new (NULL);

  charges = penal_lookup_charges (model, &loaded, error);
  if (charges == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  for (guint i = 0; i < penal_charges_get_n_codes (charges); i++)
    {
      const PenalChargeCode *row = penal_charges_get_row (charges, i);
      gboolean all = TRUE;
      guint asked = 0;

      for (guint t = 0; terms[t] != NULL && all; t++)
        {
          if (terms[t][0] == '\0')
            continue;
          asked++;
          all = strstr (row->description, terms[t]) != NULL
                || g_str_has_prefix (row->code, terms[t]);
        }
      if (all && asked > 0)
        g_ptr_array_add (found, (gpointer)row);
    }

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_json_add_string_or_null (builder, "search", words);
  penal_json_add_string_or_null (builder, "edition",
                                 penal_charges_get_edition (charges));
  json_builder_set_member_name (builder, "codes");
  json_builder_begin_array (builder);
  {
    g_autofree char *edition
        = penal_date_to_display (penal_charges_get_edition_day (charges));
    g_string_append_printf (
        out,
        g_dngettext (
            GETTEXT_PACKAGE, "%u charge code matches “%s” (edition of %s):\n",
            "%u charge codes match “%s” (edition of %s):\n", found->len),
        found->len, words, edition);
  }
  for (guint i = 0; i < found->len; i++)
    {
      const PenalChargeCode *row = g_ptr_array_index (found, i);
      g_autofree char *period = penal_charge_period_text (row);
      PenalClass klass;
      gboolean has_class = penal_charge_code_class (row, &klass);
      char letter[2] = { row->klass, '\0' };

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "code", row->code);
      penal_json_add_string_or_null (builder, "legacy", row->legacy);
      penal_json_add_string_or_null (builder, "description", row->description);
      penal_json_add_string_or_null (builder, "type",
                                     penal_charge_type_code (row->type));
      penal_json_add_string_or_null (builder, "class_letter",
                                     row->klass != 0 ? letter : NULL);
      penal_json_add_string_or_null (
          builder, "class", has_class ? penal_class_to_code (klass) : NULL);
      penal_json_add_date_or_null (builder, "from", row->from,
                                   PENAL_DATE_OPEN_START);
      penal_json_add_date_or_null (builder, "to", row->to, PENAL_DATE_OPEN_END);
      json_builder_end_object (builder);
      g_string_append_printf (out, "  %s  %s, %s: %s\n", row->code,
                              has_class ? penal_class_to_name (klass)
                                        : penal_charge_type_text (row->type),
                              period, row->description);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return penal_json_report_or_text (builder, out, format);
}
