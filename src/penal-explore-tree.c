/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore-tree.c: penal tree: a version's compiled decision tree as
 * data, as an indented tree and as Graphviz DOT.
 *
 * The JSON object mirrors PenalTreeNode: an inner node names the fact it
 * tests and has one branch per range of its values; a leaf names its rule
 * and the outcome under the penalty era of the date asked about.  The text
 * and DOT views are both rendered from that object. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-explore.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-tree.h"

/* ------------------------------------------------------------------ */
/* tree                                                                 */

static void
add_tree_node (JsonBuilder *builder, const PenalModel *model,
               const PenalOffense *statute, const PenalTreeNode *node,
               gint64 date)
{
  json_builder_begin_object (builder);
  if (node->fact < 0)
    {
      json_builder_set_member_name (builder, "outcome");
      penal_explore_add_rule_outcome (builder, statute, node->rule, date);
      penal_explore_add_int (builder, "line", node->rule->line);
    }
  else
    {
      const PenalFactDecl *decl
          = g_ptr_array_index (model->facts, (guint)node->fact);

      penal_json_add_string_or_null (builder, "fact", decl->name);
      penal_json_add_string_or_null (builder, "label",
                                     penal_statute_text (decl->label));
      json_builder_set_member_name (builder, "branches");
      json_builder_begin_array (builder);
      for (guint b = 0; b < node->n_branches; b++)
        {
          const PenalTreeBranch *branch = &node->branches[b];
          g_autofree char *range
              = penal_range_to_text (decl, branch->lo, branch->hi);

          json_builder_begin_object (builder);
          penal_explore_add_int (builder, "min", branch->lo);
          penal_explore_add_int (builder, "max", branch->hi);
          penal_json_add_string_or_null (builder, "range", range);
          json_builder_set_member_name (builder, "node");
          add_tree_node (builder, model, statute, branch->child, date);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

JsonNode *
penal_explore_tree (const PenalModel *model, const PenalOffense *statute,
                    gint64 date)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) versions = penal_explore_versions_on (statute, date);

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_explore_add_offense (builder, "id", statute);
  penal_explore_add_date (builder, "date", date);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      penal_explore_add_dated_object (builder, &version->dated);
      penal_explore_add_bool (builder, "certainly_in_force",
                              versions->len == 1);
      json_builder_set_member_name (builder, "tree");
      add_tree_node (builder, model, statute, version->tree, date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
leaf_text (JsonObject *node)
{
  JsonObject *outcome = json_object_get_object_member (node, "outcome");
  const char *kind = penal_explore_member_string (outcome, "kind");
  PenalClass klass;

  if (g_strcmp0 (kind, "class") == 0
      && penal_class_from_code (penal_explore_member_string (outcome, "class"),
                                &klass))
    return g_strdup (penal_class_to_name (klass));
  return penal_explore_outcome_object_text (outcome);
}

static void
append_tree_text (GString *out, JsonObject *node, guint depth)
{
  JsonArray *branches = json_object_get_array_member (node, "branches");

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append_printf (out, "%s (%s)\n",
                          penal_explore_member_string (node, "fact"),
                          penal_explore_member_string (node, "label"));
  for (guint b = 0; b < json_array_get_length (branches); b++)
    {
      JsonObject *branch = json_array_get_object_element (branches, b);
      JsonObject *child = json_object_get_object_member (branch, "node");

      for (guint i = 0; i <= depth; i++)
        g_string_append (out, "  ");
      if (json_object_has_member (child, "outcome"))
        {
          g_autofree char *leaf = leaf_text (child);
          g_autofree char *cited = penal_explore_citation_text (
              json_object_get_object_member (child, "outcome"));
          g_string_append_printf (out, "%s → %s [%s]\n",
                                  penal_explore_member_string (branch, "range"),
                                  leaf, cited);
        }
      else
        {
          g_string_append_printf (
              out, "%s:\n", penal_explore_member_string (branch, "range"));
          append_tree_text (out, child, depth + 2);
        }
    }
}

static void
append_tree_heading (GString *out, JsonObject *root, JsonObject *entry,
                     const char *date)
{
  JsonObject *version = json_object_get_object_member (entry, "version");

  /* TRANSLATORS: "<title> (<statute>), <version title>, in force on <date>:"
     or "... may have been in force on <date>:". */
  g_string_append_printf (
      out,
      json_object_get_boolean_member (entry, "certainly_in_force")
          ? _ ("%s (%s), %s, in force on %s:\n")
          : _ ("%s (%s), %s, which may have been in force on %s:\n"),
      penal_explore_member_string (root, "title"),
      penal_statute_text (penal_explore_member_string (root, "statute")),
      penal_explore_member_string (version, "title"), date);
}

char *
penal_explore_tree_text (JsonNode *tree)
{
  JsonObject *root = json_node_get_object (tree);
  JsonArray *versions = json_object_get_array_member (root, "versions");
  g_autofree char *date = penal_explore_member_date (root, "date");
  GString *out = g_string_new (NULL);

  if (json_array_get_length (versions) == 0)
    g_string_append_printf (
        out, _ ("No version of %s is in force on %s.\n"),
        penal_statute_text (penal_explore_member_string (root, "statute")),
        date);
  for (guint v = 0; v < json_array_get_length (versions); v++)
    {
      JsonObject *entry = json_array_get_object_element (versions, v);
      JsonObject *node = json_object_get_object_member (entry, "tree");

      if (v > 0)
        g_string_append_c (out, '\n');
      append_tree_heading (out, root, entry, date);
      if (json_object_has_member (node, "outcome"))
        {
          g_autofree char *leaf = leaf_text (node);
          g_autofree char *cited = penal_explore_citation_text (
              json_object_get_object_member (node, "outcome"));
          g_string_append_printf (out, _ ("  in every case → %s [%s]\n"), leaf,
                                  cited);
        }
      else
        append_tree_text (out, node, 1);
    }
  return g_string_free (out, FALSE);
}

/* A DOT string literal: quotes and backslashes escaped, new lines as \n. */
static void
append_dot_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static guint
append_dot_node (GString *out, JsonObject *node, guint *next_id)
{
  guint id = (*next_id)++;

  if (json_object_has_member (node, "outcome"))
    {
      g_autofree char *leaf = leaf_text (node);
      g_autofree char *cited = penal_explore_citation_text (
          json_object_get_object_member (node, "outcome"));
      g_autofree char *label = g_strdup_printf ("%s\n%s", leaf, cited);
      g_string_append_printf (out,
                              "    n%u [shape=box, style=rounded, label=", id);
      append_dot_string (out, label);
      g_string_append (out, "];\n");
    }
  else
    {
      JsonArray *branches = json_object_get_array_member (node, "branches");
      g_autofree char *label = g_strdup_printf (
          "%s\n(%s)", penal_explore_member_string (node, "fact"),
          penal_explore_member_string (node, "label"));

      g_string_append_printf (out, "    n%u [shape=ellipse, label=", id);
      append_dot_string (out, label);
      g_string_append (out, "];\n");
      for (guint b = 0; b < json_array_get_length (branches); b++)
        {
          JsonObject *branch = json_array_get_object_element (branches, b);
          guint child = append_dot_node (
              out, json_object_get_object_member (branch, "node"), next_id);

          g_string_append_printf (out, "    n%u -> n%u [label=", id, child);
          append_dot_string (out,
                             penal_explore_member_string (branch, "range"));
          g_string_append (out, "];\n");
        }
    }
  return id;
}

char *
penal_explore_tree_dot (JsonNode *tree)
{
  JsonObject *root = json_node_get_object (tree);
  JsonArray *versions = json_object_get_array_member (root, "versions");
  g_autofree char *date = penal_explore_member_date (root, "date");
  GString *out = g_string_new (NULL);
  guint next_id = 0;

  g_string_append (out, "digraph ");
  append_dot_string (out, penal_explore_member_string (root, "id"));
  g_string_append (out, " {\n  node [fontname=\"sans-serif\"];\n  edge "
                        "[fontname=\"sans-serif\"];\n");
  for (guint v = 0; v < json_array_get_length (versions); v++)
    {
      JsonObject *entry = json_array_get_object_element (versions, v);
      JsonObject *version = json_object_get_object_member (entry, "version");
      GString *heading = g_string_new (NULL);

      /* A short heading: the statute, its version's title wrapped, and
       * the date. */
      g_string_append_printf (
          heading, "%s (%s)\n", penal_explore_member_string (root, "title"),
          penal_statute_text (penal_explore_member_string (root, "statute")));
      penal_append_wrapped (
          heading, penal_explore_member_string (version, "title"), 0, 0, 60);
      g_string_append_printf (
          heading,
          json_object_get_boolean_member (entry, "certainly_in_force")
              ? _ ("in force on %s")
              : _ ("may have been in force on %s"),
          date);
      g_string_append_printf (out, "  subgraph cluster_%u {\n    label=", v);
      append_dot_string (out, heading->str);
      g_string_append (out, ";\n");
      g_string_free (heading, TRUE);
      append_dot_node (out, json_object_get_object_member (entry, "tree"),
                       &next_id);
      g_string_append (out, "  }\n");
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}
