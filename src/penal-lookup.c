/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-lookup.c: any Missouri charge code, its class on a date and the
 * penalty range that class carries, from the Highway Patrol's table and
 * the penalty tables penal holds.
 *
 * A query names a code as the Patrol writes it, with or without its
 * modifier digits (567.030-003Y201840, 567.030-003Y20184005.1), a family
 * (567.030-003: the code in force on the date), a legacy five-digit code
 * (21027), or a statute (567.030: its codes in force on the date).  Each
 * code found becomes one PenalLookupCode: the table's row, whether it was
 * in force on the date (and which codes of its family were, if not), its
 * class in penal's codes, and the penalty of that class from the penalty
 * table in force on the date, or why penal gives none (an unclassified
 * code, whose penalty the statute itself sets; a municipal ordinance; a
 * modifier for an attempt, accessory or conspiracy; a date with no table).
 * penal lookup's text and JSON (penal-lookup-report.c) and batch's
 * charge_code column are rendered from these, never recomputed. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-lookup.h"

void
penal_lookup_code_free (PenalLookupCode *code)
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

const PenalOffense *
penal_lookup_held_statute (const PenalModel *model, const char *code)
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

PenalLookupCode *
penal_lookup_code_new (const PenalModel *model, const PenalCharges *charges,
                       const PenalPenalties *penalties,
                       const PenalChargeCode *row, char modifier, gint64 date)
{
  PenalLookupCode *code = g_new0 (PenalLookupCode, 1);

  code->row = row;
  code->modifier = modifier;
  code->in_force = row->from <= date && date <= row->to;
  code->instead = code->in_force
                      ? g_ptr_array_new ()
                      : penal_charges_in_force (charges, row->family, date);
  code->held = penal_lookup_held_statute (model, row->code);
  code->has_class = penal_charge_code_class (row, &code->klass);
  code->penalty_state = PENAL_PENALTY_NOT_HELD;
  if (!code->in_force)
    code->status = PENAL_LOOKUP_NOT_IN_FORCE;
  else if (row->type == 'L')
    code->status = PENAL_LOOKUP_ORDINANCE;
  else if (row->klass == 'U')
    code->status = PENAL_LOOKUP_UNCLASSIFIED;
  else if (!code->has_class)
    code->status = PENAL_LOOKUP_NO_CLASS;
  else if (modifier >= '1' && modifier <= '3')
    code->status = PENAL_LOOKUP_MODIFIED;
  else
    code->status = PENAL_LOOKUP_DECIDED;

  if (code->status != PENAL_LOOKUP_DECIDED || penalties == NULL)
    return code;
  code->era = penal_penalties_era_on (penalties, date, &code->penalty_state);
  if (code->penalty_state == PENAL_PENALTY_HELD)
    code->penalty = code->era->classes[code->klass];
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
gboolean
penal_lookup_split_code (const char *query, char **out_code, char *out_modifier,
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
GPtrArray *
penal_lookup_find_rows (const PenalCharges *charges, const char *query,
                        gint64 date, char *out_modifier, GError **error)
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
  else if (penal_lookup_split_code (upper, &code, out_modifier, &family))
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

/* The statute a code belongs to, as penal cites statutes: "RSMo 567.030". */
char *
penal_lookup_statute_citation (const PenalChargeCode *row)
{
  g_autofree char *number = code_statute (row->code);

  return number != NULL ? g_strconcat ("RSMo ", number, NULL) : NULL;
}

const char *
penal_lookup_status_to_code (PenalLookupStatus status)
{
  switch (status)
    {
    case PENAL_LOOKUP_DECIDED:
      return "decided";
    case PENAL_LOOKUP_UNCLASSIFIED:
      return "unclassified";
    case PENAL_LOOKUP_ORDINANCE:
      return "ordinance";
    case PENAL_LOOKUP_MODIFIED:
      return "modified";
    case PENAL_LOOKUP_NOT_IN_FORCE:
      return "not-in-force";
    case PENAL_LOOKUP_NO_CLASS:
    default:
      return "no-class";
    }
}

/* The table the model's rules were checked against, or the bundled one,
 * loaded into *out_loaded (which the caller frees); NULL if it cannot be
 * loaded. */
const PenalCharges *
penal_lookup_charges (const PenalModel *model, PenalCharges **out_loaded,
                      GError **error)
{
  *out_loaded = NULL;
  if (model->charges != NULL)
    return model->charges;
  *out_loaded = penal_charges_load (NULL, error);
  return *out_loaded;
}

/* The penalty table charge codes are read against: the one the offenses
 * use (Missouri's classes). */
const PenalPenalties *
penal_lookup_class_table (const PenalModel *model)
{
  for (guint i = 0; i < model->offenses->len; i++)
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, i);
      if (offense->penalties != NULL)
        return offense->penalties;
    }
  return NULL;
}
