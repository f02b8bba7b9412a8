/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-verify.c: what loading proved about a set of statute files.
 *
 * Every check `penal verify` reports runs on every load (penal-loader.c and
 * penal-tree.c), so no answer is ever given from an unsound table: the
 * schema; completeness and no overlap, proved while each rule table is
 * compiled into a decision tree; no unreachable rule; versions that neither
 * overlap nor leave a gap except where an uncertainty is declared; every
 * reference resolved (facts, sources, penalty tables, a penalty for every
 * class in every era it is used, resources); and each declared severity
 * order.  A failure stops the load with FILE:LINE and a concrete case.  This
 * module only counts what was proved, for the report. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-model-private.h"
#include "penal-render.h"
#include "penal-tree.h"
#include "penal-verify.h"

static void
count_statutes (GPtrArray *statutes, PenalVerifyCounts *counts)
{
  for (guint i = 0; i < statutes->len; i++)
    {
      const PenalOffense *statute = g_ptr_array_index (statutes, i);

      counts->versions += statute->versions->len;
      counts->monotone += statute->monotone->len;
      if (statute->monotone->len > 0)
        counts->monotone_versions += statute->versions->len;
      for (guint v = 0; v < statute->versions->len; v++)
        {
          const PenalVersion *version
              = g_ptr_array_index (statute->versions, v);
          counts->rules += version->rules->len;
          /* Shared subtrees make paths many; the count stops at the
           * largest a guint holds. */
          counts->leaves = (guint)MIN (
              (guint64)counts->leaves
                  + MIN (penal_tree_count_leaves (version->tree), G_MAXUINT),
              G_MAXUINT);
          if (version->dated.effective.from
              != version->dated.effective.from_latest)
            counts->uncertain_changes++;
        }
    }
}

void
penal_verify_count (const PenalModel *model, PenalVerifyCounts *counts)
{
  g_return_if_fail (model != NULL && counts != NULL);

  memset (counts, 0, sizeof *counts);
  counts->offenses = model->offenses->len;
  counts->enhancements = model->enhancements->len;
  counts->programs = model->programs->len;
  count_statutes (model->offenses, counts);
  count_statutes (model->enhancements, counts);
  count_statutes (model->programs, counts);
  for (guint p = 0; p < model->penalties->len; p++)
    counts->eras += ((PenalPenalties *)g_ptr_array_index (model->penalties, p))
                        ->eras->len;
}

/* A count in words, e.g. "1 rule" or "36 rules"; po/Makevars makes
 * xgettext extract its two strings as a plural pair. */
#define NCOUNT(n, one, many)                                                   \
  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, one, many, n), n)

char *
penal_verify_text (const PenalVerifyCounts *counts, double milliseconds)
{
  GString *out = g_string_new (NULL);
  g_autofree char *offenses
      = NCOUNT (counts->offenses, "%u offense", "%u offenses");
  g_autofree char *enhancements
      = NCOUNT (counts->enhancements, "%u enhancement", "%u enhancements");
  g_autofree char *programs
      = NCOUNT (counts->programs, "%u program", "%u programs");
  g_autofree char *versions
      = NCOUNT (counts->versions, "%u version", "%u versions");
  g_autofree char *rules = NCOUNT (counts->rules, "%u rule", "%u rules");
  g_autofree char *eras
      = NCOUNT (counts->eras, "%u penalty era", "%u penalty eras");
  g_autofree char *regions = NCOUNT (counts->leaves, "%u region of the facts",
                                     "%u regions of the facts");
  g_autofree char *uncertain = NCOUNT (
      counts->uncertain_changes, "%u uncertain change", "%u uncertain changes");
  g_autofree char *orders
      = NCOUNT (counts->monotone, "%u declared order", "%u declared orders");
  g_autofree char *covered
      = NCOUNT (counts->monotone_versions, "%u version", "%u versions");

  /* TRANSLATORS: "Sound: 2 offenses, 1 enhancement and 6 programs; 16
     versions, 36 rules, 2 penalty eras." */
  g_string_append_printf (out, _ ("Sound: %s, %s and %s; %s, %s, %s.\n"),
                          offenses, enhancements, programs, versions, rules,
                          eras);
  g_string_append_printf (out,
                          _ ("  complete: every combination of the facts each "
                             "table reads reaches an outcome (%s)\n"),
                          regions);
  g_string_append (out,
                   _ ("  no overlap: no two rules decide the same case\n"));
  g_string_append (
      out, _ ("  no unreachable rule: every rule decides at least one case\n"));
  g_string_append_printf (
      out,
      _ ("  versions: effective dates neither overlap nor leave a gap, except "
         "where an uncertain change is declared (%s)\n"),
      uncertain);
  g_string_append (
      out, _ ("  references: every fact, source, penalty table and resource is "
              "declared; every class has a penalty in every era it is used in; "
              "every rule, penalty and version has a citation and a source\n"));
  g_string_append_printf (
      out,
      _ ("  monotone severity: %s, holding in every version it covers (%s)\n"),
      orders, covered);
  g_string_append_printf (out, _ ("Loaded and verified in %.1f ms.\n"),
                          milliseconds);
  return g_string_free (out, FALSE);
}

JsonNode *
penal_verify_json (const PenalVerifyCounts *counts, double milliseconds)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const struct
  {
    const char *name;
    guint value;
  } members[] = {
    { "offenses", counts->offenses },
    { "enhancements", counts->enhancements },
    { "programs", counts->programs },
    { "versions", counts->versions },
    { "rules", counts->rules },
    { "regions", counts->leaves },
    { "penalty_eras", counts->eras },
    { "uncertain_changes", counts->uncertain_changes },
    { "monotone_orders", counts->monotone },
  };

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "sound");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].name);
      json_builder_add_int_value (builder, members[i].value);
    }
  json_builder_set_member_name (builder, "milliseconds");
  json_builder_add_double_value (builder, milliseconds);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What loading proved, and how long it took, as text or JSON. */
char *
penal_verify_report (const PenalModel *model, double milliseconds,
                     PenalFormat format)
{
  g_autoptr (JsonNode) root = NULL;
  PenalVerifyCounts counts;

  penal_verify_count (model, &counts);
  if (format != PENAL_FORMAT_JSON)
    return penal_verify_text (&counts, milliseconds);
  root = penal_verify_json (&counts, milliseconds);
  return penal_json_report (root);
}
