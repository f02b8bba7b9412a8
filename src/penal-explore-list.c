/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore-list.c: penal list: every statute, enhancement, program
 * and penalty table, with its versions and the dates each was in force.
 *
 * One JSON object holds the list (stable codes, dates as ISO text, null for
 * an open end); the text is rendered from that object, so the two agree. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-explore.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-tree.h"

/* ------------------------------------------------------------------ */
/* list                                                                 */

static void
add_statute_summary (JsonBuilder *builder, const PenalOffense *statute)
{
  json_builder_begin_object (builder);
  penal_explore_add_names (builder, statute->id,
                           penal_explore_kind_code (statute), statute->statute,
                           statute->title);
  penal_explore_add_versions (builder, statute->versions);
  json_builder_end_object (builder);
}

JsonNode *
penal_explore_list (const PenalModel *model)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GPtrArray *kinds[]
      = { model->offenses, model->enhancements, model->programs };

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_json_add_string_or_null (builder, "jurisdiction", model->jurisdiction);
  json_builder_set_member_name (builder, "statutes");
  json_builder_begin_array (builder);
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k]->len; i++)
      add_statute_summary (builder, g_ptr_array_index (kinds[k], i));
  for (guint i = 0; i < model->penalties->len; i++)
    {
      const PenalPenalties *penalties = g_ptr_array_index (model->penalties, i);

      json_builder_begin_object (builder);
      penal_explore_add_names (builder, penalties->id, "penalties", NULL,
                               penalties->title);
      json_builder_set_member_name (builder, "versions");
      json_builder_begin_array (builder);
      for (guint e = 0; e < penalties->eras->len; e++)
        {
          const PenalEra *era = g_ptr_array_index (penalties->eras, e);
          penal_explore_add_dated_object (builder, &era->dated);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
penal_explore_append_version_line (GString *out, JsonObject *version,
                                   const char *indent, gboolean with_open)
{
  g_autofree char *when = penal_explore_effective_text (version);

  g_string_append_printf (out, "%s%s\n", indent,
                          penal_explore_member_string (version, "title"));
  /* TRANSLATORS: "<version id>: in force <dates>; basis: <basis>". */
  g_string_append_printf (out, _ ("%s  %s: in force %s; basis: %s\n"), indent,
                          penal_explore_member_string (version, "id"), when,
                          penal_basis_code_to_text (
                              penal_explore_member_string (version, "basis")));
  if (with_open && penal_explore_member_string (version, "uncertain") != NULL)
    {
      g_autofree char *prefix = g_strdup_printf (_ ("%s  Open: "), indent);
      g_string_append (out, prefix);
      penal_append_wrapped (
          out, penal_explore_member_string (version, "uncertain"),
          (guint)g_utf8_strlen (prefix, -1), (guint)strlen (indent) + 4, 78);
    }
}

char *
penal_explore_list_text (JsonNode *list)
{
  JsonObject *root = json_node_get_object (list);
  JsonArray *statutes = json_object_get_array_member (root, "statutes");
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _ ("Statutes of %s and their versions:\n"),
                          penal_explore_member_string (root, "jurisdiction"));
  for (guint i = 0; i < json_array_get_length (statutes); i++)
    {
      JsonObject *statute = json_array_get_object_element (statutes, i);
      JsonArray *versions = json_object_get_array_member (statute, "versions");
      const char *number = penal_statute_text (
          penal_explore_member_string (statute, "statute"));

      g_string_append_c (out, '\n');
      if (number != NULL)
        /* TRANSLATORS: "<statute> <title> (<kind>: <id>)". */
        g_string_append_printf (
            out, _ ("%s: %s (%s: %s)\n"), number,
            penal_explore_member_string (statute, "title"),
            penal_explore_kind_text (
                penal_explore_member_string (statute, "kind")),
            penal_explore_member_string (statute, "id"));
      else
        g_string_append_printf (
            out, _ ("%s (%s: %s)\n"),
            penal_explore_member_string (statute, "title"),
            penal_explore_kind_text (
                penal_explore_member_string (statute, "kind")),
            penal_explore_member_string (statute, "id"));
      for (guint v = 0; v < json_array_get_length (versions); v++)
        penal_explore_append_version_line (
            out, json_array_get_object_element (versions, v), "  ", TRUE);
    }
  return g_string_free (out, FALSE);
}
