/* penal-lookup.c: any Missouri charge code, its class on a date and the
 * penalty range that class carries, from the Highway Patrol's table and
 * the penalty tables penal holds.
 *
 * A query names a code as the Patrol writes it, with or without its
 * modifier digits (567.030-003Y201840, 567.030-003Y20184005.1), a family
 * (567.030-003: the code in force on the date), a legacy five-digit code
 * (21027), or a statute (567.030: its codes in force on the date).  Each
 * code found becomes one PenalLookupCode: the table's row, whether it was in
 * force on the date (and which codes of its family were, if not), its class
 * in penal's codes, and the penalty of that class from the penalty table in
 * force on the date, or why penal gives none (an unclassified code, whose
 * penalty the statute itself sets; a municipal ordinance; a modifier for an
 * attempt, accessory or conspiracy; a date with no table).  Text and JSON
 * are rendered from these, never recomputed.  --search lists the codes whose
 * description holds every word asked for. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-charges.h"
#include "penal-date.h"
#include "penal-explore.h"
#include "penal-outcome.h"
#include "penal-render.h"

/* Why a code's penalty is, or is not, given. */
typedef enum
{
  LOOKUP_DECIDED,      /* a class, and its penalty (which may be open) */
  LOOKUP_UNCLASSIFIED, /* class U: the statute itself sets the penalty */
  LOOKUP_ORDINANCE,    /* a municipal ordinance */
  LOOKUP_MODIFIED,     /* an attempt, accessory or conspiracy */
  LOOKUP_NO_CLASS,     /* the table gives no class penal knows */
  LOOKUP_NOT_IN_FORCE, /* not the code for an offense on the date */
} LookupStatus;

typedef struct
{
  const PenalChargeCode *row;
  char modifier;      /* '0' to '3' as typed, or 0 */
  gboolean in_force;  /* on the offense date */
  GPtrArray *instead; /* PenalChargeCode of the family in force then */
  LookupStatus status;
  gboolean has_class;
  PenalClass klass;
  PenalPenaltyState penalty_state;
  const PenalEra *era;
  const PenalClassPenalty *penalty;
  const PenalOffense *held; /* the statute, when penal holds it in full */
} LookupCode;

static void
lookup_code_free (LookupCode *code)
{
  g_clear_pointer (&code->instead, g_ptr_array_unref);
  g_free (code);
}

/* "567.030" from "567.030-003Y201840": the statute part of a code, or NULL
 * when the code is not a statute's (ordinances, administrative codes). */
static char *
code_statute (const char *code)
{
  const char *hyphen = strchr (code, '-');

  if (hyphen == NULL || !g_ascii_isdigit (code[0]))
    return NULL;
  return g_strndup (code, (gsize)(hyphen - code));
}

static const PenalOffense *
held_statute (const PenalModel *model, const char *code)
{
  g_autofree char *number = code_statute (code);
  g_autofree char *statute = NULL;

  if (number == NULL)
    return NULL;
  statute = g_strconcat ("RSMo ", number, NULL);
  for (guint i = 0; i < model->offenses->len; i++)
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, i);
      if (g_str_equal (offense->statute, statute))
        return offense;
    }
  return NULL;
}

static LookupCode *
evaluate_code (const PenalModel *model, const PenalCharges *charges,
               const PenalPenalties *penalties, const PenalChargeCode *row,
               char modifier, gint64 date)
{
  LookupCode *code = g_new0 (LookupCode, 1);

  code->row = row;
  code->modifier = modifier;
  code->in_force = row->from <= date && date <= row->to;
  code->instead = code->in_force
                      ? g_ptr_array_new ()
                      : penal_charges_in_force (charges, row->family, date);
  code->held = held_statute (model, row->code);
  code->has_class = penal_charge_code_class (row, &code->klass);
  code->penalty_state = PENAL_PENALTY_NOT_HELD;
  if (!code->in_force)
    code->status = LOOKUP_NOT_IN_FORCE;
  else if (row->type == 'L')
    code->status = LOOKUP_ORDINANCE;
  else if (row->klass == 'U')
    code->status = LOOKUP_UNCLASSIFIED;
  else if (!code->has_class)
    code->status = LOOKUP_NO_CLASS;
  else if (modifier >= '1' && modifier <= '3')
    code->status = LOOKUP_MODIFIED;
  else
    code->status = LOOKUP_DECIDED;

  if (code->status != LOOKUP_DECIDED || penalties == NULL)
    return code;
  for (guint e = 0; e < penalties->eras->len; e++)
    {
      const PenalEra *era = g_ptr_array_index (penalties->eras, e);

      if (date < era->effective.from || date > era->effective.to)
        continue;
      code->era = era;
      code->penalty_state = date >= era->effective.from_latest
                                ? PENAL_PENALTY_HELD
                                : PENAL_PENALTY_UNCERTAIN;
      if (code->penalty_state == PENAL_PENALTY_HELD)
        code->penalty = era->classes[code->klass];
    }
  return code;
}

/* ------------------------------------------------------------------ */
/* Finding the codes a query names                                     */

static gboolean
all_digits (const char *text, gsize length)
{
  return strlen (text) == length && strspn (text, "0123456789") == length;
}

static gboolean
starts_with_digits (const char *text, gsize length)
{
  return strspn (text, "0123456789") >= length;
}

/* A full code, or a family, in the Patrol's shape; modifier digits after
 * the code ("05.1") are split off into out_modifier. */
static gboolean
split_code (const char *query, char **out_code, char *out_modifier,
            gboolean *out_family)
{
  const char *hyphen = strchr (query, '-');
  gsize length = strlen (query);

  *out_modifier = 0;
  *out_family = FALSE;
  if (hyphen == NULL || hyphen == query)
    return FALSE;
  for (const char *p = query; p < hyphen; p++)
    if (!g_ascii_isalnum (*p) && *p != '.')
      return FALSE;
  if (strlen (hyphen) == 4 && all_digits (hyphen + 1, 3))
    {
      *out_family = TRUE;
      *out_code = g_strdup (query);
      return TRUE;
    }
  if (strlen (hyphen) < 11 || !starts_with_digits (hyphen + 1, 3)
      || (hyphen[4] != 'Y' && hyphen[4] != 'N')
      || !starts_with_digits (hyphen + 5, 6))
    return FALSE;
  *out_code = g_strndup (query, (gsize)(hyphen + 11 - query));
  if (length == (gsize)(hyphen + 11 - query))
    return TRUE;
  /* NCIC modifier (two digits), a point, the state modifier (one). */
  if (strlen (hyphen + 11) == 4 && g_ascii_isdigit (hyphen[11])
      && g_ascii_isdigit (hyphen[12]) && hyphen[13] == '.' && hyphen[14] >= '0'
      && hyphen[14] <= '3')
    {
      *out_modifier = hyphen[14];
      return TRUE;
    }
  g_clear_pointer (out_code, g_free);
  return FALSE;
}

/* (transfer container): the rows a query names, and out_modifier. */
static GPtrArray *
find_rows (const PenalCharges *charges, const char *query, gint64 date,
           char *out_modifier, GError **error)
{
  g_autofree char *upper = g_ascii_strup (query, -1);
  g_autofree char *code = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  gboolean family;
  g_autofree char *shown = penal_quote_untrusted (query);

  *out_modifier = 0;
  g_strstrip (upper);
  if (all_digits (upper, 5))
    {
      for (guint i = 0; i < penal_charges_get_n_codes (charges); i++)
        {
          const PenalChargeCode *row = penal_charges_get_row (charges, i);
          if (row->legacy != NULL && g_str_equal (row->legacy, upper))
            g_ptr_array_add (rows, (gpointer)row);
        }
    }
  else if (split_code (upper, &code, out_modifier, &family))
    {
      if (family)
        {
          g_autoptr (GPtrArray) in_force
              = penal_charges_in_force (charges, code, date);
          g_ptr_array_unref (rows);
          rows = in_force->len > 0 ? g_steal_pointer (&in_force)
                                   : penal_charges_family (charges, code);
        }
      else if (penal_charges_find (charges, code) != NULL)
        g_ptr_array_add (rows, (gpointer)penal_charges_find (charges, code));
    }
  else if (strchr (upper, '.') != NULL
           && strspn (upper, "0123456789.") == strlen (upper))
    {
      g_autofree char *prefix = g_strconcat (upper, "-", NULL);

      /* A statute: its codes in force on the date. */
      for (guint i = 0; i < penal_charges_get_n_codes (charges); i++)
        {
          const PenalChargeCode *row = penal_charges_get_row (charges, i);
          if (g_str_has_prefix (row->code, prefix) && row->from <= date
              && date <= row->to)
            g_ptr_array_add (rows, (gpointer)row);
        }
    }
  else
    {
      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("lookup: “%s” is not a charge code; give one as the "
                      "Patrol writes it (567.030-003Y201840, with or without "
                      "its modifier digits), a family (567.030-003), a legacy "
                      "code (21027) or a statute (567.030), or use --search"),
                   shown);
      return NULL;
    }
  if (rows->len == 0)
    {
      g_autofree char *edition
          = penal_date_to_display (penal_charges_get_edition_day (charges));
      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("lookup: the Highway Patrol's table (edition of %s) has "
                      "no charge code “%s”"),
                   edition, shown);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------------ */
/* Words and codes                                                      */

static const char *
status_code (LookupStatus status)
{
  switch (status)
    {
    case LOOKUP_DECIDED:
      return "decided";
    case LOOKUP_UNCLASSIFIED:
      return "unclassified";
    case LOOKUP_ORDINANCE:
      return "ordinance";
    case LOOKUP_MODIFIED:
      return "modified";
    case LOOKUP_NOT_IN_FORCE:
      return "not-in-force";
    case LOOKUP_NO_CLASS:
    default:
      return "no-class";
    }
}

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

/* The statute a code belongs to, as penal cites statutes: "RSMo 567.030". */
static char *
statute_citation (const PenalChargeCode *row)
{
  g_autofree char *number = code_statute (row->code);

  return number != NULL ? g_strconcat ("RSMo ", number, NULL) : NULL;
}

/* A class's range is what the penalty table authorizes for the class; the
 * statute that defines the offense may set its own (murder in the first
 * degree, mandatory minimum terms, no probation), and penal holds only the
 * statutes it holds in full. */
static char *
class_caveat (const LookupCode *code)
{
  return g_strdup_printf (
      _ ("These are the terms and fines the penalty table authorizes for a "
         "%s. The statute that defines the offense may set its own, such as a "
         "minimum term, a bar on probation or a heavier sentence, and penal "
         "does not hold it: read it before relying on this range."),
      penal_class_to_name (code->klass));
}

/* (transfer full): the steps of one code's answer, each with its citation. */
static GPtrArray *
code_trace (const PenalModel *model, const PenalCharges *charges,
            const LookupCode *code, gint64 date)
{
  GPtrArray *trace
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_trace_step_free);
  const PenalChargeCode *row = code->row;
  g_autofree char *citation = penal_charges_citation (charges);
  g_autofree char *period = penal_charge_period_text (row);
  g_autofree char *day = penal_date_to_display (date);
  g_autofree char *statute = statute_citation (row);
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
    penal_trace_add_step (
        trace, citation,
        g_strdup_printf (_ ("In force %s, so on %s."), period, day));
  else
    {
      GString *instead = g_string_new (NULL);

      for (guint i = 0; i < code->instead->len; i++)
        g_string_append_printf (
            instead, "%s%s", i > 0 ? ", " : "",
            ((const PenalChargeCode *)g_ptr_array_index (code->instead, i))
                ->code);
      if (code->instead->len > 0)
        penal_trace_add_step (
            trace, citation,
            g_strdup_printf (_ ("Not in force on %s: the table has it %s. "
                                "The code of this family in force then: "
                                "%s."),
                             day, period, instead->str));
      else
        penal_trace_add_step (
            trace, citation,
            g_strdup_printf (_ ("Not in force on %s: the table has it %s, "
                                "and no code of this family in force then."),
                             day, period));
      g_string_free (instead, TRUE);
    }

  switch (code->status)
    {
    case LOOKUP_DECIDED:
      if (code->penalty_state == PENAL_PENALTY_HELD && code->penalty == NULL)
        penal_trace_add_step (
            trace, NULL,
            g_strdup_printf (_ ("The penalty table in force on %s has no %s, "
                                "so penal gives no term or fine."),
                             day, penal_class_to_name (code->klass)));
      else
        penal_trace_add_penalty (trace, code->penalty_state, code->era,
                                 code->penalty, date);
      if (code->penalty != NULL)
        penal_trace_add_step (
            trace, NULL,
            g_strdup_printf (_ ("Penalties from %s."),
                             penal_statute_text (code->era->title)));
      if (code->penalty != NULL && code->held == NULL)
        penal_trace_add_step (trace, statute, class_caveat (code));
      break;
    case LOOKUP_UNCLASSIFIED:
      penal_trace_add_step (
          trace, statute,
          g_strdup (_ ("The code is unclassified: the statute itself sets "
                       "its penalty, and penal does not hold that "
                       "statute.")));
      break;
    case LOOKUP_ORDINANCE:
      penal_trace_add_step (
          trace, NULL,
          g_strdup (_ ("A municipal ordinance: each city sets its own "
                       "penalties, and penal holds none of them.")));
      break;
    case LOOKUP_MODIFIED:
      penal_trace_add_step (
          trace, NULL,
          g_strdup_printf (_ ("The modifier marks %s: penal does not hold "
                              "the law that sets its penalty, so it gives "
                              "none."),
                           modifier_text (code->modifier)));
      break;
    case LOOKUP_NOT_IN_FORCE:
      penal_trace_add_step (
          trace, NULL,
          g_strdup (_ ("So penal gives no term or fine for it on that "
                       "date: look up the code in force then.")));
      break;
    case LOOKUP_NO_CLASS:
    default:
      penal_trace_add_step (
          trace, citation,
          g_strdup (_ ("The table gives no class penal knows, so "
                       "penal gives no term or fine.")));
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

      penal_trace_add_step (
          trace, code->held->statute,
          g_strdup_printf (_ ("penal holds %s in full: for the complete "
                              "answer, with what the facts change, run penal "
                              "classify offense=%s offense_date=%s%s"),
                           code->held->statute, code->held->id, iso,
                           facts->str));
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
               const PenalCharges *charges, const LookupCode *code, gint64 date)
{
  const PenalChargeCode *row = code->row;
  g_autoptr (GPtrArray) trace = code_trace (model, charges, code, date);
  g_autofree char *statute = statute_citation (row);

  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "code", row->code);
  penal_json_add_string_or_null (builder, "family", row->family);
  penal_json_add_string_or_null (builder, "legacy", row->legacy);
  penal_json_add_string_or_null (builder, "description", row->description);
  penal_json_add_string_or_null (builder, "statute", statute);
  penal_json_add_charge_type (builder, row);
  penal_json_add_charge_period (builder, row);
  add_bool (builder, "in_force", code->in_force);
  json_builder_set_member_name (builder, "in_force_instead");
  json_builder_begin_array (builder);
  for (guint i = 0; i < code->instead->len; i++)
    json_builder_add_string_value (
        builder,
        ((const PenalChargeCode *)g_ptr_array_index (code->instead, i))->code);
  json_builder_end_array (builder);
  penal_json_add_string_or_null (builder, "status", status_code (code->status));
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
  if (code->status != LOOKUP_DECIDED)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder,
                                    code->penalty_state == PENAL_PENALTY_HELD);
  penal_json_add_string_or_null (builder, "era",
                                 code->era != NULL ? code->era->id : NULL);
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
                  const PenalCharges *charges, const LookupCode *code,
                  gint64 date)
{
  g_autoptr (GPtrArray) trace = code_trace (model, charges, code, date);
  g_autofree char *statute = statute_citation (code->row);

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

/* The table the model's rules were checked against, or the bundled one. */
static PenalCharges *
charges_of (const PenalModel *model, GError **error)
{
  if (model->charges != NULL)
    return NULL; /* the caller uses model->charges */
  return penal_charges_load (NULL, error);
}

/* The penalty table charge codes are read against: the one the offenses
 * use (Missouri's classes). */
static const PenalPenalties *
class_table (const PenalModel *model)
{
  for (guint i = 0; i < model->offenses->len; i++)
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, i);
      if (offense->penalties != NULL)
        return offense->penalties;
    }
  return NULL;
}

char *
penal_lookup_report (const PenalModel *model, const char *query, gint64 date,
                     PenalFormat format, GError **error)
{
  g_autoptr (PenalCharges) loaded = NULL;
  const PenalCharges *charges;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) codes
      = g_ptr_array_new_with_free_func ((GDestroyNotify)lookup_code_free);
  char modifier = 0;

  g_return_val_if_fail (model != NULL && query != NULL, NULL);

  loaded = charges_of (model, error);
  charges = loaded != NULL ? loaded : model->charges;
  if (charges == NULL)
    return NULL;
  rows = find_rows (charges, query, date, &modifier, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (codes, evaluate_code (model, charges, class_table (model),
                                           g_ptr_array_index (rows, i),
                                           modifier, date));

  if (format == PENAL_FORMAT_JSON)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

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
        add_code_json (builder, model, charges, g_ptr_array_index (codes, i),
                       date);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
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

  loaded = charges_of (model, error);
  charges = loaded != NULL ? loaded : model->charges;
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

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "code", row->code);
      penal_json_add_string_or_null (builder, "legacy", row->legacy);
      penal_json_add_string_or_null (builder, "description", row->description);
      penal_json_add_charge_type (builder, row);
      penal_json_add_string_or_null (
          builder, "class", has_class ? penal_class_to_code (klass) : NULL);
      penal_json_add_charge_period (builder, row);
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
