/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore-show.c: penal show: one statute, or one penalty table, as
 * in force on a date.
 *
 * The JSON object carries the version in force (or every candidate in an
 * uncertain window), its text as quoted (English only), its subsections
 * with the outcome each gives under that date's penalty era, its sources
 * and its open questions; the text is rendered from that object. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-explore.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-tree.h"

/* ------------------------------------------------------------------ */
/* show                                                                 */

static void
add_conditions (JsonBuilder *builder, const PenalModel *model,
                const PenalRule *rule)
{
  json_builder_set_member_name (builder, "when");
  json_builder_begin_array (builder);
  for (guint c = 0; c < rule->conditions->len; c++)
    {
      const PenalCondition *condition
          = &g_array_index (rule->conditions, PenalCondition, c);
      const PenalFactDecl *decl
          = g_ptr_array_index (model->facts, condition->fact);
      g_autofree char *range
          = penal_range_to_text (decl, condition->lo, condition->hi);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "fact", decl->name);
      penal_explore_add_int (builder, "min", condition->lo);
      penal_explore_add_int (builder, "max", condition->hi);
      penal_json_add_string_or_null (builder, "range", range);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sources (JsonBuilder *builder, GPtrArray *sources)
{
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint s = 0; sources != NULL && s < sources->len; s++)
    {
      const PenalSource *source = g_ptr_array_index (sources, s);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", source->id);
      penal_json_add_string_or_null (builder, "citation", source->citation);
      penal_json_add_string_or_null (builder, "url", source->url);
      penal_json_add_string_or_null (builder, "date", source->date);
      penal_json_add_string_or_null (builder, "basis",
                                     penal_basis_to_code (source->basis));
      penal_json_add_string_or_null (builder, "description",
                                     source->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The label a rule's citation names in the text held, or NULL: "3" for
 * "RSMo 567.030.3", "" for the whole section. */
static const char *
cited_label (const char *statute, const char *citation)
{
  if (statute == NULL || citation == NULL
      || !g_str_has_prefix (citation, statute))
    return NULL;
  citation += strlen (statute);
  if (citation[0] == '\0')
    return citation;
  return citation[0] == '.' ? citation + 1 : NULL;
}

static void
add_rule_entry (JsonBuilder *builder, const PenalModel *model,
                const PenalOffense *statute, const PenalRule *rule, gint64 date)
{
  json_builder_begin_object (builder);
  add_conditions (builder, model, rule);
  penal_json_add_string_or_null (builder, "explain",
                                 penal_statute_text (rule->explain));
  penal_explore_add_int (builder, "line", rule->line);
  json_builder_set_member_name (builder, "outcome");
  penal_explore_add_rule_outcome (builder, statute, rule, date);
  json_builder_end_object (builder);
}

/* Does the rule's citation land on this subsection of the text? */
static gboolean
rule_on_subsection (const char *section, const PenalRule *rule,
                    const PenalSubsection *subsection)
{
  const char *label = cited_label (section, rule->citation);

  if (label == NULL)
    return FALSE;
  return subsection->label != NULL ? g_str_equal (label, subsection->label)
                                   : label[0] == '\0';
}

static gboolean
same_citation (gconstpointer a, gconstpointer b)
{
  return g_str_equal (((const PenalRule *)a)->citation,
                      ((const PenalRule *)b)->citation);
}

/* A subsection's citation: the section's, with the subsection's label. */
static char *
subsection_citation (const char *section, const PenalSubsection *subsection)
{
  return subsection->label != NULL
             ? g_strdup_printf ("%s.%s", section, subsection->label)
             : g_strdup (section);
}

/* Opens the object of one subsection, up to its "rules" array, which the
 * caller fills and closes: its citation, the source its rules cite where
 * penal holds no text for it (cites), its label and its words. */
static void
begin_subsection (JsonBuilder *builder, const char *citation,
                  const PenalRule *cites, const char *label, const char *text)
{
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "citation", citation);
  penal_explore_add_cites (builder, cites);
  penal_json_add_string_or_null (builder, "label", label);
  penal_json_add_string_or_null (builder, "text", text);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
}

/* The subsections of a version: each subsection of the text held, with
 * the words it says and the rules that cite it, Catala-style; then the
 * rules whose citations land on no text penal holds, grouped by citation
 * in the order they first appear. */
static void
add_subsections (JsonBuilder *builder, const PenalModel *model,
                 const PenalOffense *statute, const PenalVersion *version,
                 gint64 date)
{
  g_autoptr (GPtrArray) citations = g_ptr_array_new ();
  g_autoptr (GPtrArray) placed = g_ptr_array_new ();
  const char *section = NULL;

  json_builder_set_member_name (builder, "subsections");
  json_builder_begin_array (builder);
  if (version->dated.text != NULL)
    {
      section = version->dated.text->statute != NULL
                    ? version->dated.text->statute
                    : statute->statute;
      for (guint t = 0; t < version->dated.text->subsections->len; t++)
        {
          const PenalSubsection *subsection
              = g_ptr_array_index (version->dated.text->subsections, t);
          g_autofree char *citation = subsection_citation (section, subsection);

          begin_subsection (builder, citation, NULL, subsection->label,
                            subsection->text);
          for (guint r = 0; r < version->rules->len; r++)
            {
              const PenalRule *rule = g_ptr_array_index (version->rules, r);
              if (!rule_on_subsection (section, rule, subsection))
                continue;
              add_rule_entry (builder, model, statute, rule, date);
              g_ptr_array_add (placed, (gpointer)rule);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
    }

  /* Grouped by citation; the first rule of each group stands for it, and
   * names the source it cites, if any (the citation includes the source's
   * date, so one citation is one source). */
  for (guint r = 0; r < version->rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (version->rules, r);
      if (!g_ptr_array_find (placed, rule, NULL)
          && !g_ptr_array_find_with_equal_func (citations, rule, same_citation,
                                                NULL))
        g_ptr_array_add (citations, (gpointer)rule);
    }
  for (guint c = 0; c < citations->len; c++)
    {
      const PenalRule *first = g_ptr_array_index (citations, c);

      begin_subsection (builder, first->citation, first, NULL, NULL);
      for (guint r = 0; r < version->rules->len; r++)
        {
          const PenalRule *rule = g_ptr_array_index (version->rules, r);

          if (g_ptr_array_find (placed, rule, NULL)
              || !same_citation (rule, first))
            continue;
          add_rule_entry (builder, model, statute, rule, date);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_notes (JsonBuilder *builder, GPtrArray *notes)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint n = 0; notes != NULL && n < notes->len; n++)
    json_builder_add_string_value (
        builder, penal_statute_text (g_ptr_array_index (notes, n)));
  json_builder_end_array (builder);
}

static void
add_text_object (JsonBuilder *builder, const PenalText *text,
                 const char *section)
{
  if (!penal_json_begin_object_or_null (builder, "text", text != NULL))
    return;
  penal_json_add_string_or_null (builder, "language", "en");
  penal_json_add_string_or_null (builder, "statute", section);
  penal_json_add_string_or_null (builder, "basis",
                                 penal_basis_to_code (text->basis));
  json_builder_end_object (builder);
}

static void
add_shown_version (JsonBuilder *builder, const PenalModel *model,
                   const PenalOffense *statute, const PenalVersion *version,
                   gint64 date, gboolean certain)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  penal_explore_add_dated_object (builder, &version->dated);
  penal_explore_add_bool (builder, "certainly_in_force", certain);
  add_text_object (builder, version->dated.text,
                   version->dated.text != NULL
                           && version->dated.text->statute != NULL
                       ? version->dated.text->statute
                       : statute->statute);
  add_subsections (builder, model, statute, version, date);
  add_notes (builder, version->dated.notes);
  add_sources (builder, version->dated.sources);
  json_builder_end_object (builder);
}

static void
add_penalties_shown (JsonBuilder *builder, const PenalPenalties *penalties,
                     gint64 date)
{
  const PenalEra *era = penal_penalties_era_for (penalties, date);

  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  if (era != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      penal_explore_add_dated_object (builder, &era->dated);
      penal_explore_add_bool (builder, "certainly_in_force",
                              date >= era->dated.effective.from_latest);
      add_text_object (builder, era->dated.text,
                       era->dated.text != NULL ? era->dated.text->statute
                                               : NULL);
      add_notes (builder, era->dated.notes);
      json_builder_set_member_name (builder, "subsections");
      json_builder_begin_array (builder);
      for (guint t = 0;
           era->dated.text != NULL && t < era->dated.text->subsections->len;
           t++)
        {
          const PenalSubsection *subsection
              = g_ptr_array_index (era->dated.text->subsections, t);
          g_autofree char *citation
              = subsection_citation (era->dated.text->statute, subsection);

          /* A penalty table's subsections hold no rules of an offense. */
          begin_subsection (builder, citation, NULL, subsection->label,
                            subsection->text);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "classes");
      json_builder_begin_array (builder);
      for (guint k = 0; k < PENAL_N_CLASSES; k++)
        {
          const PenalClassPenalty *p = era->classes[k];

          if (p == NULL)
            continue;
          json_builder_begin_object (builder);
          penal_json_add_string_or_null (builder, "class",
                                         penal_class_to_code (k));
          penal_json_add_string_or_null (builder, "imprisonment_min",
                                         p->imprisonment_min.iso);
          penal_json_add_string_or_null (builder, "imprisonment_max",
                                         p->imprisonment_max.iso);
          penal_explore_add_bool (builder, "life", p->life);
          penal_json_add_string_or_null (builder, "imprisonment_citation",
                                         p->imprisonment_citation);
          penal_json_add_string_or_null (builder, "county_jail_max",
                                         p->county_jail_max.iso);
          json_builder_set_member_name (builder, "fine_max_usd");
          if (p->fine_max_usd >= 0)
            json_builder_add_int_value (builder, p->fine_max_usd);
          else
            json_builder_add_null_value (builder);
          penal_json_add_string_or_null (builder, "fine_citation",
                                         p->fine_citation);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_sources (builder, era->dated.sources);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
penal_explore_show (const PenalModel *model, const PenalFound *found,
                    gint64 date)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const PenalOffense *statute = found->statute;

  json_builder_begin_object (builder);
  penal_json_add_format_version (builder);
  penal_explore_add_date (builder, "date", date);
  if (statute == NULL)
    {
      penal_explore_add_names (builder, found->penalties->id, "penalties", NULL,
                               found->penalties->title);
      penal_json_add_string_or_null (builder, "description", NULL);
      add_penalties_shown (builder, found->penalties, date);
      json_builder_set_member_name (builder, "open_questions");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return json_builder_get_root (builder);
    }

  {
    g_autoptr (GPtrArray) versions = penal_explore_versions_on (statute, date);

    penal_explore_add_names (builder, statute->id,
                             penal_explore_kind_code (statute),
                             statute->statute, statute->title);
    penal_json_add_string_or_null (builder, "description",
                                   penal_statute_text (statute->description));
    json_builder_set_member_name (builder, "versions");
    json_builder_begin_array (builder);
    for (guint v = 0; v < versions->len; v++)
      add_shown_version (builder, model, statute,
                         g_ptr_array_index (versions, v), date,
                         versions->len == 1);
    json_builder_end_array (builder);

    /* Open questions: every uncertainty the statute's versions declare,
     * and what no source establishes about a program. */
    json_builder_set_member_name (builder, "open_questions");
    json_builder_begin_array (builder);
    for (guint v = 0; v < statute->versions->len; v++)
      {
        const PenalVersion *version = g_ptr_array_index (statute->versions, v);
        if (version->dated.uncertain != NULL)
          json_builder_add_string_value (
              builder, penal_statute_text (version->dated.uncertain));
      }
    if (statute->caveat != NULL)
      json_builder_add_string_value (builder,
                                     penal_statute_text (statute->caveat));
    json_builder_end_array (builder);
  }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_sources_text (GString *out, JsonArray *sources)
{
  if (json_array_get_length (sources) == 0)
    return;
  g_string_append (out, _ ("  Sources:\n"));
  for (guint s = 0; s < json_array_get_length (sources); s++)
    {
      JsonObject *source = json_array_get_object_element (sources, s);
      const char *url = penal_explore_member_string (source, "url");

      g_string_append_printf (
          out, "    %s (%s)\n",
          penal_explore_member_string (source, "citation"),
          penal_basis_code_to_text (
              penal_explore_member_string (source, "basis")));
      if (url != NULL)
        g_string_append_printf (out, "      %s\n", url);
    }
}

static void
append_classes_text (GString *out, JsonArray *classes)
{
  g_string_append (out, _ ("  Classes:\n"));
  for (guint k = 0; k < json_array_get_length (classes); k++)
    {
      JsonObject *entry = json_array_get_object_element (classes, k);
      g_autofree char *text = NULL;

      /* The same words as a rule's outcome: read it as one. */
      json_object_set_string_member (entry, "kind", "class");
      text = penal_explore_outcome_object_text (entry);
      g_string_append_printf (
          out, "    %s [%s]\n", text,
          penal_explore_member_string (entry, "imprisonment_citation"));
      json_object_remove_member (entry, "kind");
    }
}

static void
append_notes_text (GString *out, JsonArray *notes)
{
  for (guint n = 0; notes != NULL && n < json_array_get_length (notes); n++)
    {
      g_string_append (out, "  ");
      penal_append_wrapped (out, json_array_get_string_element (notes, n), 2, 2,
                            78);
    }
}

static void
append_rule_text (GString *out, JsonObject *rule)
{
  JsonArray *when = json_object_get_array_member (rule, "when");
  JsonObject *outcome = json_object_get_object_member (rule, "outcome");
  g_autofree char *decides = penal_explore_outcome_object_text (outcome);
  const char *basis = penal_explore_member_string (outcome, "basis");
  GString *line = g_string_new ("      ");

  for (guint c = 0; c < json_array_get_length (when); c++)
    {
      JsonObject *condition = json_array_get_object_element (when, c);
      g_string_append_printf (line, "%s%s %s", c > 0 ? ", " : "",
                              penal_explore_member_string (condition, "fact"),
                              penal_explore_member_string (condition, "range"));
    }
  if (json_array_get_length (when) == 0)
    g_string_append (line, _ ("in every case"));
  g_string_append_printf (line, " → %s", decides);
  if (g_strcmp0 (basis, "statute-text") != 0)
    /* TRANSLATORS: after a rule's outcome: how well founded it is. */
    g_string_append_printf (line, _ (" (basis: %s)"),
                            penal_basis_code_to_text (basis));
  g_string_append_len (out, line->str, (gssize)line->len);
  g_string_append_c (out, '\n');
  g_string_free (line, TRUE);
  if (penal_explore_member_string (rule, "explain") != NULL)
    {
      g_string_append (out, "        ");
      penal_append_wrapped (out, penal_explore_member_string (rule, "explain"),
                            8, 8, 78);
    }
}

/* Each subsection: its citation, the words penal holds (quoted, in
 * English), then what each rule citing it decides. */
static void
append_subsections_text (GString *out, JsonArray *subsections)
{
  for (guint s = 0; s < json_array_get_length (subsections); s++)
    {
      JsonObject *subsection = json_array_get_object_element (subsections, s);
      JsonArray *rules = json_object_get_array_member (subsection, "rules");
      const char *words = penal_explore_member_string (subsection, "text");
      g_autofree char *cited = penal_explore_citation_text (subsection);

      g_string_append_printf (out, "    %s\n", cited);
      if (words != NULL)
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", words);
          g_string_append (out, "      ");
          penal_append_wrapped (out, quoted, 6, 6, 78);
        }
      for (guint r = 0; r < json_array_get_length (rules); r++)
        append_rule_text (out, json_array_get_object_element (rules, r));
    }
}

char *
penal_explore_show_text (JsonNode *show)
{
  JsonObject *root = json_node_get_object (show);
  JsonArray *versions = json_object_get_array_member (root, "versions");
  JsonArray *open = json_object_get_array_member (root, "open_questions");
  g_autofree char *date = penal_explore_member_date (root, "date");
  const char *number
      = penal_statute_text (penal_explore_member_string (root, "statute"));
  GString *out = g_string_new (NULL);

  if (number != NULL)
    g_string_append_printf (out, "%s: %s\n", number,
                            penal_explore_member_string (root, "title"));
  else
    g_string_append_printf (out, "%s\n",
                            penal_explore_member_string (root, "title"));
  if (penal_explore_member_string (root, "description") != NULL)
    penal_append_wrapped (
        out, penal_explore_member_string (root, "description"), 0, 0, 78);

  if (json_array_get_length (versions) == 0)
    g_string_append_printf (out, _ ("\nNo version is in force on %s.\n"), date);
  if (json_array_get_length (versions) > 1)
    g_string_append_printf (out,
                            _ ("\nWhich version was in force on %s is not "
                               "established; each candidate follows.\n"),
                            date);
  for (guint v = 0; v < json_array_get_length (versions); v++)
    {
      JsonObject *shown = json_array_get_object_element (versions, v);
      JsonObject *version = json_object_get_object_member (shown, "version");
      JsonObject *text = json_object_get_member (shown, "text") != NULL
                                 && !JSON_NODE_HOLDS_NULL (
                                     json_object_get_member (shown, "text"))
                             ? json_object_get_object_member (shown, "text")
                             : NULL;

      g_string_append_c (out, '\n');
      if (json_object_get_boolean_member (shown, "certainly_in_force"))
        g_string_append_printf (out, _ ("In force on %s:\n"), date);
      else
        g_string_append_printf (out, _ ("May have been in force on %s:\n"),
                                date);
      penal_explore_append_version_line (out, version, "  ", FALSE);

      if (json_object_has_member (shown, "classes"))
        append_classes_text (out,
                             json_object_get_array_member (shown, "classes"));
      append_notes_text (out, json_object_get_array_member (shown, "notes"));
      if (text != NULL)
        g_string_append_printf (
            out,
            _ ("  Statute text of %s (English only; basis: %s), each "
               "subsection with what it decides:\n"),
            penal_explore_member_string (text, "statute"),
            penal_basis_code_to_text (
                penal_explore_member_string (text, "basis")));
      else if (!json_object_has_member (shown, "classes"))
        g_string_append (
            out, _ ("  penal holds no statute text for this version; the "
                    "outcome each citation gives:\n"));
      append_subsections_text (
          out, json_object_get_array_member (shown, "subsections"));
      append_sources_text (out,
                           json_object_get_array_member (shown, "sources"));
    }

  if (json_array_get_length (open) > 0)
    {
      g_string_append (out, _ ("\nOpen questions:\n"));
      for (guint i = 0; i < json_array_get_length (open); i++)
        {
          g_string_append (out, "  - ");
          penal_append_wrapped (out, json_array_get_string_element (open, i), 4,
                                4, 78);
        }
    }
  return g_string_free (out, FALSE);
}
