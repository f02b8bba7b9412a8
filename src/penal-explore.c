/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-explore.c: the statutes made visible for students: finding a
 * statute by name, the pieces every exploring command shares, and each
 * command's report, as penal.h offers it.
 *
 * Each command builds one JSON object, which is its --format=json answer
 * (stable codes, English data as loaded, translated titles), and its text
 * answer is rendered from that same object, so the two cannot disagree.
 * Everything here reads the loaded model; nothing is computed that the
 * evaluator does not also compute: a region's class is the rule the
 * version's decision tree reaches, and a what-if range is penal_evaluate's
 * answer at every value in it. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-explore.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-tree.h"

/* ------------------------------------------------------------------ */
/* Finding a statute                                                    */

/* "RSMo 567.030" and "567.030" name the same statute. */
static const char *
bare_number (const char *name)
{
  if (g_ascii_strncasecmp (name, "RSMo ", 5) == 0)
    return name + 5;
  return name;
}

static const PenalOffense *
find_in (GPtrArray *statutes, const char *name, gboolean by_number)
{
  for (guint i = 0; i < statutes->len; i++)
    {
      const PenalOffense *statute = g_ptr_array_index (statutes, i);

      if (!by_number && g_str_equal (statute->id, name))
        return statute;
      if (by_number
          && g_ascii_strcasecmp (bare_number (statute->statute),
                                 bare_number (name))
                 == 0)
        return statute;
    }
  return NULL;
}

gboolean
penal_explore_find (const PenalModel *model, const char *name,
                    PenalFound *out_found)
{
  GPtrArray *kinds[]
      = { model->offenses, model->enhancements, model->programs };

  out_found->statute = NULL;
  out_found->penalties = NULL;
  for (guint by_number = 0; by_number < 2; by_number++)
    for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
      if ((out_found->statute = find_in (kinds[k], name, by_number)) != NULL)
        return TRUE;

  for (guint i = 0; i < model->penalties->len; i++)
    {
      const PenalPenalties *penalties = g_ptr_array_index (model->penalties, i);
      g_autofree char *cited = g_strconcat ("RSMo ", bare_number (name), NULL);

      if (g_str_equal (penalties->id, name))
        out_found->penalties = penalties;
      for (guint e = 0;
           e < penalties->eras->len && out_found->penalties == NULL; e++)
        {
          const PenalEra *era = g_ptr_array_index (penalties->eras, e);
          const char *at = strstr (era->dated.title, cited);

          /* "RSMo 558.011" but not "RSMo 558.0111". */
          if (at != NULL && !g_ascii_isdigit (at[strlen (cited)])
              && at[strlen (cited)] != '.')
            out_found->penalties = penalties;
        }
      if (out_found->penalties != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The offenses, enhancements and programs by id, for an error message. */
char *
penal_explore_names_of_statutes (const PenalModel *model)
{
  GPtrArray *kinds[]
      = { model->offenses, model->enhancements, model->programs };
  GString *out = g_string_new (NULL);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k]->len; i++)
      {
        const PenalOffense *statute = g_ptr_array_index (kinds[k], i);
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "",
                                statute->id);
      }
  return g_string_free (out, FALSE);
}

/* What the reader may name, for an error message. */
char *
penal_explore_names (const PenalModel *model)
{
  GString *out = g_string_new (NULL);
  g_autofree char *statutes = penal_explore_names_of_statutes (model);

  g_string_append (out, statutes);
  for (guint i = 0; i < model->penalties->len; i++)
    g_string_append_printf (
        out, ", %s",
        ((PenalPenalties *)g_ptr_array_index (model->penalties, i))->id);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Shared pieces                                                        */

void
penal_explore_add_date (JsonBuilder *builder, const char *member, gint64 day)
{
  json_builder_set_member_name (builder, member);
  if (day <= PENAL_DATE_OPEN_START || day >= PENAL_DATE_OPEN_END)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *iso = penal_date_to_iso (day);
      json_builder_add_string_value (builder, iso);
    }
}

void
penal_explore_add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
penal_explore_add_bool (JsonBuilder *builder, const char *member,
                        gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
penal_explore_add_effective (JsonBuilder *builder,
                             const PenalEffective *effective)
{
  penal_explore_add_date (builder, "from", effective->from);
  penal_explore_add_date (builder, "from_latest", effective->from_latest);
  penal_explore_add_date (builder, "to_earliest", effective->to_earliest);
  penal_explore_add_date (builder, "to", effective->to);
}

const char *
penal_explore_kind_code (const PenalOffense *statute)
{
  if (statute->is_enhancement)
    return "enhancement";
  if (!statute->is_program)
    return "offense";
  return penal_program_kind_to_code (statute->program_kind);
}

/* The members that name a statute or a penalty table, as list and show
 * give them: its id, kind, statute number and title (translated). */
void
penal_explore_add_names (JsonBuilder *builder, const char *id, const char *kind,
                         const char *statute, const char *title)
{
  penal_json_add_string_or_null (builder, "id", id);
  penal_json_add_string_or_null (builder, "kind", kind);
  penal_json_add_string_or_null (builder, "statute", statute);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (title));
}

/* The members that name an offense at the head of a report: its id (under
 * id_member), statute number and title (translated). */
void
penal_explore_add_offense (JsonBuilder *builder, const char *id_member,
                           const PenalOffense *offense)
{
  penal_json_add_string_or_null (builder, id_member, offense->id);
  penal_json_add_string_or_null (builder, "statute", offense->statute);
  penal_json_add_string_or_null (builder, "title",
                                 penal_statute_text (offense->title));
}

const char *
penal_explore_kind_text (const char *code)
{
  PenalProgramKind kind;

  if (g_strcmp0 (code, "offense") == 0)
    return _ ("offense");
  if (g_strcmp0 (code, "enhancement") == 0)
    return _ ("enhancement");
  if (code != NULL && penal_program_kind_from_code (code, &kind))
    return penal_program_kind_to_text (kind);
  return _ ("penalty table");
}

/* A statute's version and a penalty table's era are listed alike: what
 * it is, when it was in force, and how sure that is. */
void
penal_explore_add_dated_object (JsonBuilder *builder, const PenalDated *dated)
{
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", dated->id);
  penal_json_add_string_or_null (builder, "title",
                                 penal_statute_text (dated->title));
  penal_explore_add_effective (builder, &dated->effective);
  penal_json_add_string_or_null (builder, "basis",
                                 penal_basis_to_code (dated->basis));
  penal_json_add_string_or_null (builder, "uncertain",
                                 penal_statute_text (dated->uncertain));
  json_builder_end_object (builder);
}

/* The member "versions": a list of a statute's versions (PenalVersion). */
void
penal_explore_add_versions (JsonBuilder *builder, GPtrArray *versions)
{
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);
      penal_explore_add_dated_object (builder, &version->dated);
    }
  json_builder_end_array (builder);
}

/* The versions that may have been in force on date. */
GPtrArray *
penal_explore_versions_on (const PenalOffense *statute, gint64 date)
{
  GPtrArray *versions = g_ptr_array_new ();

  for (guint v = 0; v < statute->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (statute->versions, v);
      if (penal_effective_may_cover (&version->dated.effective, date))
        g_ptr_array_add (versions, (gpointer)version);
    }
  return versions;
}

/* A rule's outcome and, for a class, the penalty of the era in force on
 * date: {"kind", "class", "citation", "imprisonment_min",
 * "imprisonment_max", "life", "county_jail_max", "fine_max_usd",
 * "penalty_citation", "era"}. */
void
penal_explore_add_rule_outcome (JsonBuilder *builder,
                                const PenalOffense *statute,
                                const PenalRule *rule, gint64 date)
{
  const PenalEra *era = penal_penalties_era_for (statute->penalties, date);
  const PenalClassPenalty *p = NULL;

  /* Figures only where the era is certainly in force on the date. */
  if (rule->kind == PENAL_RULE_CLASS && era != NULL
      && date >= era->dated.effective.from_latest)
    p = era->classes[rule->klass];
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "kind",
                                 penal_rule_kind_to_code (rule->kind));
  penal_json_add_string_or_null (builder, "class",
                                 penal_rule_class_code (rule));
  penal_json_add_string_or_null (builder, "citation", rule->citation);
  penal_explore_add_cites (builder, rule);
  penal_json_add_string_or_null (builder, "basis",
                                 penal_basis_to_code (rule->basis));
  penal_json_add_penalty_fields (builder, p);
  penal_json_add_string_or_null (builder, "penalty_citation",
                                 p != NULL ? p->imprisonment_citation : NULL);
  penal_json_add_string_or_null (builder, "era",
                                 p != NULL ? era->dated.id : NULL);
  json_builder_end_object (builder);
}

/* "cites": for a rule no statute supports, the source it cites, as the
 * statute file gives it ({"id", "label", "date"}: the label in English, the
 * date a year or YYYY-MM-DD), so a text view can name it in the reader's
 * language; null for a rule citing a statute. */
void
penal_explore_add_cites (JsonBuilder *builder, const PenalRule *rule)
{
  const PenalSource *source = rule != NULL ? rule->cites : NULL;

  if (!penal_json_begin_object_or_null (builder, "cites", source != NULL))
    return;
  penal_json_add_string_or_null (builder, "id", source->id);
  penal_json_add_string_or_null (builder, "label", source->label);
  penal_json_add_string_or_null (builder, "date", source->date);
  json_builder_end_object (builder);
}

/* (transfer full): the citation of an object carrying "citation" and
 * "cites", as text views show it: the cited source's label and date in
 * the reader's language, or the statute citation as written. */
char *
penal_explore_citation_text (JsonObject *object)
{
  JsonNode *cites = json_object_get_member (object, "cites");

  if (cites != NULL && JSON_NODE_HOLDS_OBJECT (cites))
    {
      JsonObject *source = json_node_get_object (cites);
      const char *label = penal_explore_member_string (source, "label");

      if (label != NULL)
        return penal_source_label_text (
            label, penal_explore_member_string (source, "date"));
    }
  return g_strdup (penal_explore_member_string (object, "citation"));
}

const char *
penal_explore_member_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

/* The date an object's member holds (ISO), as the reader's language writes
 * it; NULL where the member is null or not a date. */
char *
penal_explore_member_date (JsonObject *object, const char *member)
{
  const char *iso = penal_explore_member_string (object, member);
  gint64 day;

  if (iso == NULL || !penal_date_parse (iso, &day))
    return NULL;
  return penal_date_to_display (day);
}

/* The output code is "P" + amount + unit; read it back for prose. */
static PenalDuration
duration_from_iso (const char *iso)
{
  PenalDuration duration = { 0 };

  duration.iso = (char *)iso;
  duration.unit = iso[strlen (iso) - 1];
  duration.amount = (guint)g_ascii_strtoull (iso + 1, NULL, 10);
  return duration;
}

char *
penal_explore_duration_text (const char *iso)
{
  PenalDuration duration;

  if (iso == NULL)
    return NULL;
  duration = duration_from_iso (iso);
  return penal_duration_to_text (&duration);
}

/* (transfer full): "5 to 15 years" from "P5Y" and "P15Y". */
char *
penal_explore_duration_range_text (const char *min_iso, const char *max_iso)
{
  PenalDuration min, max;

  g_return_val_if_fail (min_iso != NULL && max_iso != NULL, NULL);
  min = duration_from_iso (min_iso);
  max = duration_from_iso (max_iso);
  return penal_duration_range_to_text (&min, &max);
}

/* A rule outcome object in words: "class E felony, up to 4 years,
 * fine up to $10,000", or "eligible". */
char *
penal_explore_outcome_object_text (JsonObject *outcome)
{
  const char *kind = penal_explore_member_string (outcome, "kind");
  const char *code = penal_explore_member_string (outcome, "class");
  g_autoptr (GString) out = g_string_new (NULL);
  PenalClass klass;

  if (g_strcmp0 (kind, "class") == 0 && code != NULL
      && penal_class_from_code (code, &klass))
    {
      const char *max
          = penal_explore_member_string (outcome, "imprisonment_max");
      JsonNode *life = json_object_get_member (outcome, "life");
      JsonNode *fine = json_object_get_member (outcome, "fine_max_usd");

      const char *min
          = penal_explore_member_string (outcome, "imprisonment_min");

      g_string_append (out, penal_class_to_name (klass));
      if (max != NULL && min != NULL)
        {
          g_autofree char *range = penal_explore_duration_range_text (min, max);
          /* TRANSLATORS: ", from <range of terms>", after a class name:
             ", from 5 to 15 years". */
          g_string_append_printf (out, _ (", from %s"), range);
        }
      else if (max != NULL)
        {
          g_autofree char *term = penal_explore_duration_text (max);
          /* TRANSLATORS: ", up to <term>", after a class name. */
          g_string_append_printf (out, _ (", up to %s"), term);
        }
      if (life != NULL && !JSON_NODE_HOLDS_NULL (life)
          && json_node_get_boolean (life))
        g_string_append (out, _ (", or life imprisonment"));
      if (fine != NULL && !JSON_NODE_HOLDS_NULL (fine))
        {
          g_autofree char *usd = penal_usd_to_text (json_node_get_int (fine));
          g_string_append_printf (out, _ (", fine up to %s"), usd);
        }
      return g_strdup (out->str);
    }
  if (g_strcmp0 (kind, "eligible") == 0)
    return g_strdup (_ ("eligible, or the route is open"));
  if (g_strcmp0 (kind, "not-eligible") == 0)
    return g_strdup (_ ("not eligible"));
  if (g_strcmp0 (kind, "applies") == 0)
    return g_strdup (_ ("applies"));
  if (g_strcmp0 (kind, "not-applicable") == 0)
    return g_strdup (_ ("does not apply"));
  return g_strdup (_ ("not established"));
}

char *
penal_explore_effective_text (JsonObject *version)
{
  g_autofree char *from = penal_explore_member_date (version, "from");
  g_autofree char *to = penal_explore_member_date (version, "to");
  g_autofree char *from_latest
      = penal_explore_member_date (version, "from_latest");
  g_autofree char *to_earliest
      = penal_explore_member_date (version, "to_earliest");
  GString *out = g_string_new (NULL);

  if (from == NULL && to == NULL)
    g_string_append (out, _ ("at every date"));
  else if (from == NULL)
    g_string_append_printf (out, _ ("until %s"), to);
  else if (to == NULL)
    g_string_append_printf (out, _ ("from %s"), from);
  else
    g_string_append_printf (out, _ ("from %s to %s"), from, to);
  if (from_latest != NULL && g_strcmp0 (from_latest, from) != 0)
    g_string_append_printf (out, _ (" (its first day is between %s and %s)"),
                            from, from_latest);
  if (to_earliest != NULL && g_strcmp0 (to_earliest, to) != 0)
    g_string_append_printf (out, _ (" (its last day is between %s and %s)"),
                            to_earliest, to);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Reports                                                              */

/* A JSON object as a report: JSON as it is, or the text rendered from it. */
static char *
report (JsonNode *root, PenalFormat format, char *(*render) (JsonNode *))
{
  return format == PENAL_FORMAT_JSON ? penal_json_report (root) : render (root);
}

/* The one statute a command names, or an error saying what may be named. */
static gboolean
lookup (const PenalModel *model, const char *command, const char *name,
        gboolean offenses_only, PenalFound *found, GError **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *names = NULL;

  if (penal_explore_find (model, name, found)
      && (!offenses_only
          || (found->statute != NULL && !found->statute->is_enhancement
              && !found->statute->is_program)))
    return TRUE;
  shown = penal_quote_untrusted (name);
  if (offenses_only)
    {
      names = penal_model_offense_names (model);
      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("%s: “%s” is not an offense; give one of %s, or its "
                      "statute number"),
                   command, shown, names);
      return FALSE;
    }
  names = penal_explore_names (model);
  g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
               _ ("%s: no statute “%s”; give a statute number such as 567.030, "
                  "or one of %s"),
               command, shown, names);
  return FALSE;
}

char *
penal_list_report (const PenalModel *model, PenalFormat format)
{
  g_autoptr (JsonNode) root = penal_explore_list (model);

  return report (root, format, penal_explore_list_text);
}

char *
penal_show_report (const PenalModel *model, const char *name, gint64 date,
                   PenalFormat format, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  PenalFound found;

  if (!lookup (model, "show", name, FALSE, &found, error))
    return NULL;
  root = penal_explore_show (model, &found, date);
  return report (root, format, penal_explore_show_text);
}

char *
penal_tree_report (const PenalModel *model, const char *name, gint64 date,
                   PenalFormat format, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  PenalFound found;

  if (!lookup (model, "tree", name, FALSE, &found, error))
    return NULL;
  if (found.statute == NULL)
    {
      g_set_error (
          error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
          _ ("tree: a penalty table has no decision tree; try penal show"));
      return NULL;
    }
  {
    g_autoptr (GPtrArray) versions
        = penal_explore_versions_on (found.statute, date);
    guint64 leaves = 0;

    for (guint v = 0; v < versions->len; v++)
      leaves += penal_tree_count_leaves (
          ((const PenalVersion *)g_ptr_array_index (versions, v))->tree);
    /* Shared subtrees keep a tree small in memory whose paths, drawn
     * one by one, would be more than anyone can read. */
    if (leaves > PENAL_REPORT_MAX_ROWS)
      {
        g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_TOO_LARGE,
                     _ ("tree: the decision tree of %s has more than %d "
                        "leaves, more than a report can show; try penal "
                        "what-if, which moves one fact at a time"),
                     found.statute->id, PENAL_REPORT_MAX_ROWS);
        return NULL;
      }
  }
  root = penal_explore_tree (model, found.statute, date);
  return report (root, format,
                 format == PENAL_FORMAT_DOT ? penal_explore_tree_dot
                                            : penal_explore_tree_text);
}

char *
penal_diff_report (const PenalModel *model, const char *name, gint64 from,
                   gint64 to, PenalFormat format, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  PenalFound found;

  if (from > to)
    {
      g_autofree char *from_text = penal_date_to_iso (from);
      g_autofree char *to_text = penal_date_to_iso (to);

      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("diff: --from %s is later than --to %s; give the "
                      "earlier date as --from"),
                   from_text, to_text);
      return NULL;
    }
  if (!lookup (model, "diff", name, FALSE, &found, error))
    return NULL;
  if (found.statute == NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (name);
      g_autofree char *names = penal_explore_names_of_statutes (model);

      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("diff: “%s” is a penalty table; diff compares an "
                      "offense, an enhancement or a program: give one of %s"),
                   shown, names);
      return NULL;
    }
  root = penal_explore_diff (model, found.statute, from, to, error);
  if (root == NULL)
    return NULL;
  return report (root, format, penal_explore_diff_text);
}

/* Is vary a fact that what-if can move: any fact but the offense? */
gboolean
penal_what_if_check_vary (const PenalModel *model, const char *vary,
                          GError **error)
{
  g_autofree char *shown = NULL;
  GString *names;
  guint fact;

  if (penal_model_lookup_fact (model, vary, &fact) != NULL
      && fact != PENAL_FACT_OFFENSE)
    return TRUE;
  shown = penal_quote_untrusted (vary);
  names = g_string_new (NULL);
  for (guint f = PENAL_FACT_OFFENSE_DATE; f < model->facts->len; f++)
    g_string_append_printf (
        names, "%s%s", names->len > 0 ? ", " : "",
        ((PenalFactDecl *)g_ptr_array_index (model->facts, f))->name);
  g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
               _ ("--vary: “%s” is not a fact that can vary; give one of %s"),
               shown, names->str);
  g_string_free (names, TRUE);
  return FALSE;
}

char *
penal_what_if_report (const PenalModel *model, const PenalFacts *facts,
                      const char *vary, PenalFormat format, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  gint64 offense_date, value;
  guint fact;

  if (!penal_what_if_check_vary (model, vary, error))
    return NULL;
  penal_model_lookup_fact (model, vary, &fact);
  if (penal_facts_get (facts, fact, &value))
    {
      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("what-if: %s is given and also varied; leave out %s=…"),
                   vary, vary);
      return NULL;
    }
  if (fact != PENAL_FACT_OFFENSE_DATE
      && penal_facts_get (facts, PENAL_FACT_OFFENSE, &value))
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, value);
      gboolean read = FALSE;

      for (guint j = 0; j < offense->facts_read->len; j++)
        read |= g_array_index (offense->facts_read, guint, j) == fact;
      if (!read)
        {
          g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                       _ ("what-if: %s does not depend on %s, so varying it "
                          "changes nothing"),
                       offense->statute, vary);
          return NULL;
        }
    }
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE_DATE, &offense_date))
    offense_date = penal_date_today ();
  root = penal_explore_what_if (model, facts, offense_date, fact, error);
  if (root == NULL)
    return NULL;
  return report (root, format, penal_explore_what_if_text);
}
