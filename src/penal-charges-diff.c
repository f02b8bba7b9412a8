/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-charges-diff.c: penal diff --charge-codes OLD NEW: what changed
 * between two editions of the Highway Patrol's charge-code table, code by
 * code: added, dropped, retired (given an end date), reclassified (another
 * type or class) and redated. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "penal-charges.h"
#include "penal-date.h"
#include "penal-json.h"
#include "penal-text.h"

typedef enum
{
  CHANGE_ADDED,
  CHANGE_DROPPED,
  CHANGE_RETIRED,
  CHANGE_RECLASSIFIED,
  CHANGE_REDATED,
  N_CHANGES
} ChangeKind;

static const char *const change_codes[N_CHANGES]
    = { "added", "dropped", "retired", "reclassified", "redated" };

static const char *
change_heading (ChangeKind kind)
{
  switch (kind)
    {
    case CHANGE_ADDED:
      return _ ("Added (in the newer edition only):");
    case CHANGE_DROPPED:
      return _ ("Dropped (in the older edition only):");
    case CHANGE_RETIRED:
      return _ ("Retired (given an end date):");
    case CHANGE_RECLASSIFIED:
      return _ ("Reclassified (another type or class):");
    case CHANGE_REDATED:
    default:
      return _ ("Redated (other dates):");
    }
}

static char *
row_summary (const PenalChargeCode *row)
{
  g_autofree char *period = penal_charge_period_text (row);
  PenalClass klass;

  return g_strdup_printf ("%s, %s: %s",
                          penal_charge_code_class (row, &klass)
                              ? penal_class_to_name (klass)
                              : penal_charge_type_text (row->type),
                          period, row->description);
}

/* A code as one edition has it, under member: its type, class letter and
 * the dates it was in force; nothing where that edition lacks it. */
static void
add_edition_row (JsonBuilder *builder, const char *member,
                 const PenalChargeCode *row)
{
  if (row == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  penal_json_add_charge_type (builder, row);
  penal_json_add_charge_period (builder, row);
  json_builder_end_object (builder);
}

char *
penal_charges_diff_report (const PenalCharges *older, const PenalCharges *newer,
                           PenalFormat format)
{
  GPtrArray *changes[N_CHANGES];
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GString *out = g_string_new (NULL);
  g_autofree char *from
      = penal_date_to_display (penal_charges_get_edition_day (older));
  g_autofree char *to
      = penal_date_to_display (penal_charges_get_edition_day (newer));
  guint total = 0;

  /* Pairs (older row, newer row); one is NULL for added and dropped. */
  for (guint k = 0; k < N_CHANGES; k++)
    changes[k] = g_ptr_array_new ();
  for (guint i = 0; i < penal_charges_get_n_codes (newer); i++)
    {
      const PenalChargeCode *row = penal_charges_get_row (newer, i);
      const PenalChargeCode *was = penal_charges_find (older, row->code);
      int kind = -1;

      if (was == NULL)
        kind = CHANGE_ADDED;
      else if (was->type != row->type || was->klass != row->klass)
        kind = CHANGE_RECLASSIFIED;
      else if (was->to == PENAL_DATE_OPEN_END && row->to != PENAL_DATE_OPEN_END)
        kind = CHANGE_RETIRED;
      else if (was->from != row->from || was->to != row->to)
        kind = CHANGE_REDATED;
      if (kind < 0)
        continue;
      g_ptr_array_add (changes[kind], (gpointer)was);
      g_ptr_array_add (changes[kind], (gpointer)row);
    }
  for (guint i = 0; i < penal_charges_get_n_codes (older); i++)
    {
      const PenalChargeCode *row = penal_charges_get_row (older, i);
      if (penal_charges_find (newer, row->code) == NULL)
        {
          g_ptr_array_add (changes[CHANGE_DROPPED], (gpointer)row);
          g_ptr_array_add (changes[CHANGE_DROPPED], NULL);
        }
    }

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_json_add_string_or_null (builder, "older",
                                 penal_charges_get_edition (older));
  penal_json_add_string_or_null (builder, "newer",
                                 penal_charges_get_edition (newer));
  g_string_append_printf (out,
                          _ ("Highway Patrol charge codes: the edition of %s "
                             "compared with the edition of %s\n"),
                          from, to);
  for (guint k = 0; k < N_CHANGES; k++)
    {
      json_builder_set_member_name (builder, change_codes[k]);
      json_builder_begin_array (builder);
      if (changes[k]->len > 0)
        g_string_append_printf (out, "\n%s\n", change_heading (k));
      for (guint i = 0; i + 1 < changes[k]->len; i += 2)
        {
          const PenalChargeCode *was = g_ptr_array_index (changes[k], i);
          const PenalChargeCode *now = g_ptr_array_index (changes[k], i + 1);
          const PenalChargeCode *any = now != NULL ? now : was;

          json_builder_begin_object (builder);
          penal_json_add_string_or_null (builder, "code", any->code);
          penal_json_add_string_or_null (builder, "description",
                                         any->description);
          add_edition_row (builder, "before", was);
          add_edition_row (builder, "after", now);
          json_builder_end_object (builder);

          if (was != NULL && now != NULL)
            {
              g_autofree char *before = row_summary (was);
              g_autofree char *after = row_summary (now);
              g_string_append_printf (out, "  %s\n    %s %s\n    %s %s\n",
                                      any->code, _ ("before:"), before,
                                      _ ("after:"), after);
            }
          else
            {
              g_autofree char *summary = row_summary (any);
              g_string_append_printf (out, "  %s  %s\n", any->code, summary);
            }
          total++;
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  if (total == 0)
    g_string_append (out, _ ("\nNo code was added, dropped, retired, "
                             "reclassified or redated.\n"));
  for (guint k = 0; k < N_CHANGES; k++)
    g_ptr_array_unref (changes[k]);
  return penal_json_report_or_text (builder, out, format);
}
