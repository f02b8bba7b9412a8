/* penal-explore.c: the statutes made visible for students.
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
find_in (GPtrArray  *statutes,
         const char *name,
         gboolean    by_number)
{
  for (guint i = 0; i < statutes->len; i++)
    {
      const PenalOffense *statute = g_ptr_array_index (statutes, i);

      if (!by_number && g_str_equal (statute->id, name))
        return statute;
      if (by_number && g_ascii_strcasecmp (bare_number (statute->statute), bare_number (name)) == 0)
        return statute;
    }
  return NULL;
}

gboolean
penal_explore_find (const PenalModel *model,
                    const char       *name,
                    PenalFound       *out_found)
{
  GPtrArray *kinds[] = { model->offenses, model->enhancements, model->programs };

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
      for (guint e = 0; e < penalties->eras->len && out_found->penalties == NULL; e++)
        {
          const PenalEra *era = g_ptr_array_index (penalties->eras, e);
          const char *at = strstr (era->title, cited);

          /* "RSMo 558.011" but not "RSMo 558.0111". */
          if (at != NULL && !g_ascii_isdigit (at[strlen (cited)]) && at[strlen (cited)] != '.')
            out_found->penalties = penalties;
        }
      if (out_found->penalties != NULL)
        return TRUE;
    }
  return FALSE;
}

/* What the reader may name, for an error message. */
char *
penal_explore_names (const PenalModel *model)
{
  GPtrArray *kinds[] = { model->offenses, model->enhancements, model->programs };
  GString *out = g_string_new (NULL);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k]->len; i++)
      {
        const PenalOffense *statute = g_ptr_array_index (kinds[k], i);
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", statute->id);
      }
  for (guint i = 0; i < model->penalties->len; i++)
    g_string_append_printf (out, ", %s", ((PenalPenalties *) g_ptr_array_index (model->penalties, i))->id);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Shared pieces                                                        */

static void
add_date (JsonBuilder *builder,
          const char  *member,
          gint64       day)
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

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_effective (JsonBuilder          *builder,
               const PenalEffective *effective)
{
  add_date (builder, "from", effective->from);
  add_date (builder, "from_latest", effective->from_latest);
  add_date (builder, "to_earliest", effective->to_earliest);
  add_date (builder, "to", effective->to);
}

static const char *
kind_code (const PenalOffense *statute)
{
  if (statute->is_enhancement)
    return "enhancement";
  if (!statute->is_program)
    return "offense";
  switch (statute->program_kind)
    {
    case PENAL_PROGRAM_DIVERSION:
      return "diversion";
    case PENAL_PROGRAM_COURT_DISCRETION:
      return "court-discretion";
    case PENAL_PROGRAM_PROTECTION:
      return "protection";
    case PENAL_PROGRAM_REFERRAL:
    default:
      return "referral";
    }
}

static const char *
kind_text (const char *code)
{
  if (g_strcmp0 (code, "offense") == 0)
    return _("offense");
  if (g_strcmp0 (code, "enhancement") == 0)
    return _("enhancement");
  if (g_strcmp0 (code, "diversion") == 0)
    return _("diversion program");
  if (g_strcmp0 (code, "court-discretion") == 0)
    return _("at the court's discretion");
  if (g_strcmp0 (code, "protection") == 0)
    return _("protection in the statute");
  if (g_strcmp0 (code, "referral") == 0)
    return _("referral");
  return _("penalty table");
}

static void
add_version_object (JsonBuilder        *builder,
                    const PenalVersion *version)
{
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", version->id);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (version->title));
  add_effective (builder, &version->effective);
  penal_json_add_string_or_null (builder, "standing", version->standing);
  penal_json_add_string_or_null (builder, "uncertain", penal_statute_text (version->uncertain));
  json_builder_end_object (builder);
}

static void
add_era_object (JsonBuilder    *builder,
                const PenalEra *era)
{
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", era->id);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (era->title));
  add_effective (builder, &era->effective);
  penal_json_add_string_or_null (builder, "standing", era->standing);
  penal_json_add_string_or_null (builder, "uncertain", NULL);
  json_builder_end_object (builder);
}

/* The versions that may have been in force on date. */
static GPtrArray *
versions_on (const PenalOffense *statute,
             gint64              date)
{
  GPtrArray *versions = g_ptr_array_new ();

  for (guint v = 0; v < statute->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (statute->versions, v);
      if (penal_effective_may_cover (&version->effective, date))
        g_ptr_array_add (versions, (gpointer) version);
    }
  return versions;
}

static const char *
rule_kind_code (const PenalRule *rule)
{
  switch (rule->kind)
    {
    case PENAL_RULE_CLASS:
      return "class";
    case PENAL_RULE_NOT_APPLICABLE:
      return "not-applicable";
    case PENAL_RULE_ELIGIBLE:
      return "eligible";
    case PENAL_RULE_NOT_ELIGIBLE:
      return "not-eligible";
    case PENAL_RULE_APPLIES:
      return "applies";
    case PENAL_RULE_OPEN:
    default:
      return "open";
    }
}

/* A rule's outcome and, for a class, the penalty of the era in force on
 * date: {"kind", "class", "citation", "imprisonment_min",
 * "imprisonment_max", "life", "county_jail_max", "fine_max_usd",
 * "penalty_citation", "era"}. */
static void
add_rule_outcome (JsonBuilder         *builder,
                  const PenalOffense  *statute,
                  const PenalRule     *rule,
                  gint64               date)
{
  const PenalEra *era = penal_penalties_era_for (statute->penalties, date);
  const PenalClassPenalty *p = NULL;

  if (rule->kind == PENAL_RULE_CLASS && era != NULL)
    p = era->classes[rule->klass];
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "kind", rule_kind_code (rule));
  penal_json_add_string_or_null (builder, "class",
                                 rule->kind == PENAL_RULE_CLASS ? penal_class_to_code (rule->klass) : NULL);
  penal_json_add_string_or_null (builder, "citation", rule->citation);
  penal_json_add_string_or_null (builder, "standing", rule->standing);
  penal_json_add_penalty_fields (builder, p);
  penal_json_add_string_or_null (builder, "penalty_citation", p != NULL ? p->imprisonment_citation : NULL);
  penal_json_add_string_or_null (builder, "era", p != NULL ? era->id : NULL);
  json_builder_end_object (builder);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

static char *
iso_to_display (const char *iso)
{
  gint64 day;

  if (iso == NULL || !penal_date_parse (iso, &day))
    return NULL;
  return penal_date_to_display (day);
}

static char *
duration_text (const char *iso)
{
  PenalDuration duration = { 0 };
  gsize length;

  if (iso == NULL)
    return NULL;
  /* The output code is "P" + amount + unit; read it back for prose. */
  length = strlen (iso);
  duration.iso = (char *) iso;
  duration.unit = iso[length - 1];
  duration.amount = (guint) g_ascii_strtoull (iso + 1, NULL, 10);
  return penal_duration_to_text (&duration);
}

/* A rule outcome object in words: "class E felony, up to 4 years,
 * fine up to $10,000", or "eligible". */
static char *
outcome_object_text (JsonObject *outcome)
{
  const char *kind = member_string (outcome, "kind");
  const char *code = member_string (outcome, "class");
  g_autoptr (GString) out = g_string_new (NULL);
  PenalClass klass;

  if (g_strcmp0 (kind, "class") == 0 && code != NULL && penal_class_from_code (code, &klass))
    {
      const char *max = member_string (outcome, "imprisonment_max");
      JsonNode *life = json_object_get_member (outcome, "life");
      JsonNode *fine = json_object_get_member (outcome, "fine_max_usd");

      const char *min = member_string (outcome, "imprisonment_min");

      g_string_append (out, penal_class_to_name (klass));
      if (max != NULL && min != NULL)
        {
          g_autofree char *low = duration_text (min);
          g_autofree char *high = duration_text (max);
          /* TRANSLATORS: ", from <term> to <term>", after a class name. */
          g_string_append_printf (out, _(", from %s to %s"), low, high);
        }
      else if (max != NULL)
        {
          g_autofree char *term = duration_text (max);
          /* TRANSLATORS: ", up to <term>", after a class name. */
          g_string_append_printf (out, _(", up to %s"), term);
        }
      if (life != NULL && !JSON_NODE_HOLDS_NULL (life) && json_node_get_boolean (life))
        g_string_append (out, _(", or life imprisonment"));
      if (fine != NULL && !JSON_NODE_HOLDS_NULL (fine))
        {
          g_autofree char *usd = penal_usd_to_text (json_node_get_int (fine));
          g_string_append_printf (out, _(", fine up to %s"), usd);
        }
      return g_strdup (out->str);
    }
  if (g_strcmp0 (kind, "eligible") == 0)
    return g_strdup (_("eligible, or the route is open"));
  if (g_strcmp0 (kind, "not-eligible") == 0)
    return g_strdup (_("not eligible"));
  if (g_strcmp0 (kind, "applies") == 0)
    return g_strdup (_("applies"));
  if (g_strcmp0 (kind, "not-applicable") == 0)
    return g_strdup (_("does not apply"));
  return g_strdup (_("not established"));
}

static char *
effective_text (JsonObject *version)
{
  g_autofree char *from = iso_to_display (member_string (version, "from"));
  g_autofree char *to = iso_to_display (member_string (version, "to"));
  g_autofree char *from_latest = iso_to_display (member_string (version, "from_latest"));
  g_autofree char *to_earliest = iso_to_display (member_string (version, "to_earliest"));
  GString *out = g_string_new (NULL);

  if (from == NULL && to == NULL)
    g_string_append (out, _("at every date"));
  else if (from == NULL)
    g_string_append_printf (out, _("until %s"), to);
  else if (to == NULL)
    g_string_append_printf (out, _("from %s"), from);
  else
    g_string_append_printf (out, _("from %s to %s"), from, to);
  if (from_latest != NULL && g_strcmp0 (from_latest, from) != 0)
    g_string_append_printf (out, _(" (its first day is between %s and %s)"), from, from_latest);
  if (to_earliest != NULL && g_strcmp0 (to_earliest, to) != 0)
    g_string_append_printf (out, _(" (its last day is between %s and %s)"), to_earliest, to);
  return g_string_free (out, FALSE);
}

static char *
to_string (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  return penal_json_to_string (root, FALSE);
}

/* ------------------------------------------------------------------ */
/* list                                                                 */

static void
add_statute_summary (JsonBuilder        *builder,
                     const PenalOffense *statute)
{
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", statute->id);
  penal_json_add_string_or_null (builder, "kind", kind_code (statute));
  penal_json_add_string_or_null (builder, "statute", statute->statute);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (statute->title));
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint v = 0; v < statute->versions->len; v++)
    add_version_object (builder, g_ptr_array_index (statute->versions, v));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
penal_explore_list (const PenalModel *model)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GPtrArray *kinds[] = { model->offenses, model->enhancements, model->programs };

  json_builder_begin_object (builder);
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
      penal_json_add_string_or_null (builder, "id", penalties->id);
      penal_json_add_string_or_null (builder, "kind", "penalties");
      penal_json_add_string_or_null (builder, "statute", NULL);
      penal_json_add_string_or_null (builder, "title", penal_statute_text (penalties->title));
      json_builder_set_member_name (builder, "versions");
      json_builder_begin_array (builder);
      for (guint e = 0; e < penalties->eras->len; e++)
        add_era_object (builder, g_ptr_array_index (penalties->eras, e));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_version_line (GString    *out,
                     JsonObject *version,
                     const char *indent,
                     gboolean    with_open)
{
  g_autofree char *when = effective_text (version);

  g_string_append_printf (out, "%s%s\n", indent, member_string (version, "title"));
  /* TRANSLATORS: "<version id>: in force <dates> (standing: <standing>)". */
  g_string_append_printf (out, _("%s  %s: in force %s; standing: %s\n"), indent,
                          member_string (version, "id"), when,
                          penal_standing_to_text (member_string (version, "standing")));
  if (with_open && member_string (version, "uncertain") != NULL)
    {
      g_autofree char *prefix = g_strdup_printf (_("%s  Open: "), indent);
      g_string_append (out, prefix);
      penal_append_wrapped (out, member_string (version, "uncertain"),
                            (guint) g_utf8_strlen (prefix, -1), (guint) strlen (indent) + 4, 78);
    }
}

char *
penal_explore_list_text (JsonNode *list)
{
  JsonObject *root = json_node_get_object (list);
  JsonArray *statutes = json_object_get_array_member (root, "statutes");
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Statutes of %s and their versions:\n"),
                          member_string (root, "jurisdiction"));
  for (guint i = 0; i < json_array_get_length (statutes); i++)
    {
      JsonObject *statute = json_array_get_object_element (statutes, i);
      JsonArray *versions = json_object_get_array_member (statute, "versions");
      const char *number = member_string (statute, "statute");

      g_string_append_c (out, '\n');
      if (number != NULL)
        /* TRANSLATORS: "<statute> <title> (<kind>: <id>)". */
        g_string_append_printf (out, _("%s: %s (%s: %s)\n"), number,
                                member_string (statute, "title"),
                                kind_text (member_string (statute, "kind")),
                                member_string (statute, "id"));
      else
        g_string_append_printf (out, _("%s (%s: %s)\n"), member_string (statute, "title"),
                                kind_text (member_string (statute, "kind")),
                                member_string (statute, "id"));
      for (guint v = 0; v < json_array_get_length (versions); v++)
        append_version_line (out, json_array_get_object_element (versions, v), "  ", TRUE);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* show                                                                 */

static void
add_conditions (JsonBuilder      *builder,
                const PenalModel *model,
                const PenalRule  *rule)
{
  json_builder_set_member_name (builder, "when");
  json_builder_begin_array (builder);
  for (guint c = 0; c < rule->conditions->len; c++)
    {
      const PenalCondition *condition = &g_array_index (rule->conditions, PenalCondition, c);
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, condition->fact);
      g_autofree char *range = penal_range_to_text (decl, condition->lo, condition->hi);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "fact", decl->name);
      add_int (builder, "min", condition->lo);
      add_int (builder, "max", condition->hi);
      penal_json_add_string_or_null (builder, "range", range);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sources (JsonBuilder *builder,
             GPtrArray   *sources)
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
      penal_json_add_string_or_null (builder, "standing", source->standing);
      penal_json_add_string_or_null (builder, "description", source->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The subsections of a version: its rules grouped by citation, in the
 * order the citations first appear. */
static void
add_subsections (JsonBuilder        *builder,
                 const PenalModel   *model,
                 const PenalOffense *statute,
                 const PenalVersion *version,
                 gint64              date)
{
  g_autoptr (GPtrArray) citations = g_ptr_array_new ();

  for (guint r = 0; r < version->rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (version->rules, r);
      if (!g_ptr_array_find_with_equal_func (citations, rule->citation, g_str_equal, NULL))
        g_ptr_array_add (citations, rule->citation);
    }
  json_builder_set_member_name (builder, "subsections");
  json_builder_begin_array (builder);
  for (guint c = 0; c < citations->len; c++)
    {
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "citation", g_ptr_array_index (citations, c));
      json_builder_set_member_name (builder, "rules");
      json_builder_begin_array (builder);
      for (guint r = 0; r < version->rules->len; r++)
        {
          const PenalRule *rule = g_ptr_array_index (version->rules, r);

          if (!g_str_equal (rule->citation, g_ptr_array_index (citations, c)))
            continue;
          json_builder_begin_object (builder);
          add_conditions (builder, model, rule);
          penal_json_add_string_or_null (builder, "explain", penal_statute_text (rule->explain));
          add_int (builder, "line", rule->line);
          json_builder_set_member_name (builder, "outcome");
          add_rule_outcome (builder, statute, rule, date);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_shown_version (JsonBuilder        *builder,
                   const PenalModel   *model,
                   const PenalOffense *statute,
                   const PenalVersion *version,
                   gint64              date,
                   gboolean            certain)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  add_version_object (builder, version);
  add_bool (builder, "certainly_in_force", certain);
  json_builder_set_member_name (builder, "text");
  if (version->text == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "language", "en");
      penal_json_add_string_or_null (builder, "standing", version->text_standing);
      penal_json_add_string_or_null (builder, "text", version->text);
      json_builder_end_object (builder);
    }
  add_subsections (builder, model, statute, version, date);
  add_sources (builder, version->sources);
  json_builder_end_object (builder);
}

static void
add_penalties_shown (JsonBuilder          *builder,
                     const PenalPenalties *penalties,
                     gint64                date)
{
  const PenalEra *era = penal_penalties_era_for (penalties, date);

  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  if (era != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      add_era_object (builder, era);
      add_bool (builder, "certainly_in_force", TRUE);
      json_builder_set_member_name (builder, "text");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "classes");
      json_builder_begin_array (builder);
      for (guint k = 0; k < PENAL_N_CLASSES; k++)
        {
          const PenalClassPenalty *p = era->classes[k];

          if (p == NULL)
            continue;
          json_builder_begin_object (builder);
          penal_json_add_string_or_null (builder, "class", penal_class_to_code (k));
          penal_json_add_string_or_null (builder, "imprisonment_min", p->imprisonment_min.iso);
          penal_json_add_string_or_null (builder, "imprisonment_max", p->imprisonment_max.iso);
          add_bool (builder, "life", p->life);
          penal_json_add_string_or_null (builder, "imprisonment_citation", p->imprisonment_citation);
          penal_json_add_string_or_null (builder, "county_jail_max", p->county_jail_max.iso);
          json_builder_set_member_name (builder, "fine_max_usd");
          if (p->fine_max_usd >= 0)
            json_builder_add_int_value (builder, p->fine_max_usd);
          else
            json_builder_add_null_value (builder);
          penal_json_add_string_or_null (builder, "fine_citation", p->fine_citation);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_sources (builder, era->sources);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
penal_explore_show (const PenalModel *model,
                    const PenalFound *found,
                    gint64            date)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const PenalOffense *statute = found->statute;

  json_builder_begin_object (builder);
  add_date (builder, "date", date);
  if (statute == NULL)
    {
      penal_json_add_string_or_null (builder, "id", found->penalties->id);
      penal_json_add_string_or_null (builder, "kind", "penalties");
      penal_json_add_string_or_null (builder, "statute", NULL);
      penal_json_add_string_or_null (builder, "title", penal_statute_text (found->penalties->title));
      penal_json_add_string_or_null (builder, "description", NULL);
      add_penalties_shown (builder, found->penalties, date);
      json_builder_set_member_name (builder, "open_questions");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return json_builder_get_root (builder);
    }

  {
    g_autoptr (GPtrArray) versions = versions_on (statute, date);

    penal_json_add_string_or_null (builder, "id", statute->id);
    penal_json_add_string_or_null (builder, "kind", kind_code (statute));
    penal_json_add_string_or_null (builder, "statute", statute->statute);
    penal_json_add_string_or_null (builder, "title", penal_statute_text (statute->title));
    penal_json_add_string_or_null (builder, "description", penal_statute_text (statute->description));
    json_builder_set_member_name (builder, "versions");
    json_builder_begin_array (builder);
    for (guint v = 0; v < versions->len; v++)
      add_shown_version (builder, model, statute, g_ptr_array_index (versions, v), date,
                         versions->len == 1);
    json_builder_end_array (builder);

    /* Open questions: every uncertainty the statute's versions declare,
     * and what no source establishes about a program. */
    json_builder_set_member_name (builder, "open_questions");
    json_builder_begin_array (builder);
    for (guint v = 0; v < statute->versions->len; v++)
      {
        const PenalVersion *version = g_ptr_array_index (statute->versions, v);
        if (version->uncertain != NULL)
          json_builder_add_string_value (builder, penal_statute_text (version->uncertain));
      }
    if (statute->caveat != NULL)
      json_builder_add_string_value (builder, penal_statute_text (statute->caveat));
    json_builder_end_array (builder);
  }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_sources_text (GString   *out,
                     JsonArray *sources)
{
  if (json_array_get_length (sources) == 0)
    return;
  g_string_append (out, _("  Sources:\n"));
  for (guint s = 0; s < json_array_get_length (sources); s++)
    {
      JsonObject *source = json_array_get_object_element (sources, s);
      const char *url = member_string (source, "url");

      g_string_append_printf (out, "    %s (%s)\n", member_string (source, "citation"),
                              penal_standing_to_text (member_string (source, "standing")));
      if (url != NULL)
        g_string_append_printf (out, "      %s\n", url);
    }
}

static void
append_classes_text (GString   *out,
                     JsonArray *classes)
{
  g_string_append (out, _("  Classes:\n"));
  for (guint k = 0; k < json_array_get_length (classes); k++)
    {
      JsonObject *entry = json_array_get_object_element (classes, k);
      g_autofree char *text = NULL;

      /* The same words as a rule's outcome: read it as one. */
      json_object_set_string_member (entry, "kind", "class");
      text = outcome_object_text (entry);
      g_string_append_printf (out, "    %s [%s]\n", text,
                              member_string (entry, "imprisonment_citation"));
      json_object_remove_member (entry, "kind");
    }
}

char *
penal_explore_show_text (JsonNode *show)
{
  JsonObject *root = json_node_get_object (show);
  JsonArray *versions = json_object_get_array_member (root, "versions");
  JsonArray *open = json_object_get_array_member (root, "open_questions");
  g_autofree char *date = iso_to_display (member_string (root, "date"));
  const char *number = member_string (root, "statute");
  GString *out = g_string_new (NULL);

  if (number != NULL)
    g_string_append_printf (out, "%s: %s\n", number, member_string (root, "title"));
  else
    g_string_append_printf (out, "%s\n", member_string (root, "title"));
  if (member_string (root, "description") != NULL)
    penal_append_wrapped (out, member_string (root, "description"), 0, 0, 78);

  if (json_array_get_length (versions) == 0)
    g_string_append_printf (out, _("\nNo version is in force on %s.\n"), date);
  if (json_array_get_length (versions) > 1)
    g_string_append_printf (out, _("\nWhich version was in force on %s is not established; each candidate follows.\n"),
                            date);
  for (guint v = 0; v < json_array_get_length (versions); v++)
    {
      JsonObject *shown = json_array_get_object_element (versions, v);
      JsonObject *version = json_object_get_object_member (shown, "version");
      JsonObject *text = json_object_get_member (shown, "text") != NULL
                         && !JSON_NODE_HOLDS_NULL (json_object_get_member (shown, "text"))
                         ? json_object_get_object_member (shown, "text") : NULL;

      g_string_append_c (out, '\n');
      if (json_object_get_boolean_member (shown, "certainly_in_force"))
        g_string_append_printf (out, _("In force on %s:\n"), date);
      else
        g_string_append_printf (out, _("May have been in force on %s:\n"), date);
      append_version_line (out, version, "  ", FALSE);

      if (json_object_has_member (shown, "classes"))
        append_classes_text (out, json_object_get_array_member (shown, "classes"));
      else if (text != NULL)
        {
          g_string_append_printf (out, _("  Statute text (English only; standing: %s):\n"),
                                  penal_standing_to_text (member_string (text, "standing")));
          g_string_append (out, "    ");
          penal_append_wrapped (out, member_string (text, "text"), 4, 4, 78);
        }
      else
        g_string_append (out, _("  penal holds no statute text for this version.\n"));

      if (json_object_has_member (shown, "subsections"))
        {
          JsonArray *subsections = json_object_get_array_member (shown, "subsections");

          g_string_append (out, _("  Subsections and the outcome each gives:\n"));
          for (guint s = 0; s < json_array_get_length (subsections); s++)
            {
              JsonObject *subsection = json_array_get_object_element (subsections, s);
              JsonArray *rules = json_object_get_array_member (subsection, "rules");

              g_string_append_printf (out, "    %s\n", member_string (subsection, "citation"));
              for (guint r = 0; r < json_array_get_length (rules); r++)
                {
                  JsonObject *rule = json_array_get_object_element (rules, r);
                  JsonArray *when = json_object_get_array_member (rule, "when");
                  g_autofree char *outcome = outcome_object_text (json_object_get_object_member (rule, "outcome"));
                  GString *line = g_string_new ("      ");

                  for (guint c = 0; c < json_array_get_length (when); c++)
                    {
                      JsonObject *condition = json_array_get_object_element (when, c);
                      g_string_append_printf (line, "%s%s %s", c > 0 ? ", " : "",
                                              member_string (condition, "fact"),
                                              member_string (condition, "range"));
                    }
                  if (json_array_get_length (when) == 0)
                    g_string_append (line, _("in every case"));
                  g_string_append_printf (line, " → %s", outcome);
                  g_string_append_len (out, line->str, (gssize) line->len);
                  g_string_append_c (out, '\n');
                  g_string_free (line, TRUE);
                  if (member_string (rule, "explain") != NULL)
                    {
                      g_string_append (out, "        ");
                      penal_append_wrapped (out, member_string (rule, "explain"), 8, 8, 78);
                    }
                }
            }
        }
      append_sources_text (out, json_object_get_array_member (shown, "sources"));
    }

  if (json_array_get_length (open) > 0)
    {
      g_string_append (out, _("\nOpen questions:\n"));
      for (guint i = 0; i < json_array_get_length (open); i++)
        {
          g_string_append (out, "  - ");
          penal_append_wrapped (out, json_array_get_string_element (open, i), 4, 4, 78);
        }
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* tree                                                                 */

static void
add_tree_node (JsonBuilder         *builder,
               const PenalModel    *model,
               const PenalOffense  *statute,
               const PenalTreeNode *node,
               gint64               date)
{
  json_builder_begin_object (builder);
  if (node->fact < 0)
    {
      json_builder_set_member_name (builder, "outcome");
      add_rule_outcome (builder, statute, node->rule, date);
      add_int (builder, "line", node->rule->line);
    }
  else
    {
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, (guint) node->fact);

      penal_json_add_string_or_null (builder, "fact", decl->name);
      penal_json_add_string_or_null (builder, "label", penal_statute_text (decl->label));
      json_builder_set_member_name (builder, "branches");
      json_builder_begin_array (builder);
      for (guint b = 0; b < node->n_branches; b++)
        {
          const PenalTreeBranch *branch = &node->branches[b];
          g_autofree char *range = penal_range_to_text (decl, branch->lo, branch->hi);

          json_builder_begin_object (builder);
          add_int (builder, "min", branch->lo);
          add_int (builder, "max", branch->hi);
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
penal_explore_tree (const PenalModel   *model,
                    const PenalOffense *statute,
                    gint64              date)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) versions = versions_on (statute, date);

  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", statute->id);
  penal_json_add_string_or_null (builder, "statute", statute->statute);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (statute->title));
  add_date (builder, "date", date);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      add_version_object (builder, version);
      add_bool (builder, "certainly_in_force", versions->len == 1);
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
  const char *kind = member_string (outcome, "kind");
  PenalClass klass;

  if (g_strcmp0 (kind, "class") == 0 && penal_class_from_code (member_string (outcome, "class"), &klass))
    return g_strdup (penal_class_to_name (klass));
  return outcome_object_text (outcome);
}

static void
append_tree_text (GString    *out,
                  JsonObject *node,
                  guint       depth)
{
  JsonArray *branches = json_object_get_array_member (node, "branches");

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append_printf (out, "%s (%s)\n", member_string (node, "fact"), member_string (node, "label"));
  for (guint b = 0; b < json_array_get_length (branches); b++)
    {
      JsonObject *branch = json_array_get_object_element (branches, b);
      JsonObject *child = json_object_get_object_member (branch, "node");

      for (guint i = 0; i <= depth; i++)
        g_string_append (out, "  ");
      if (json_object_has_member (child, "outcome"))
        {
          g_autofree char *leaf = leaf_text (child);
          g_string_append_printf (out, "%s → %s [%s]\n", member_string (branch, "range"), leaf,
                                  member_string (json_object_get_object_member (child, "outcome"), "citation"));
        }
      else
        {
          g_string_append_printf (out, "%s:\n", member_string (branch, "range"));
          append_tree_text (out, child, depth + 2);
        }
    }
}

static void
append_tree_heading (GString    *out,
                     JsonObject *root,
                     JsonObject *entry,
                     const char *date)
{
  JsonObject *version = json_object_get_object_member (entry, "version");

  /* TRANSLATORS: "<title> (<statute>), <version title>, in force on <date>:"
     or "... may have been in force on <date>:". */
  g_string_append_printf (out, json_object_get_boolean_member (entry, "certainly_in_force")
                                 ? _("%s (%s), %s, in force on %s:\n")
                                 : _("%s (%s), %s, which may have been in force on %s:\n"),
                          member_string (root, "title"), member_string (root, "statute"),
                          member_string (version, "title"), date);
}

char *
penal_explore_tree_text (JsonNode *tree)
{
  JsonObject *root = json_node_get_object (tree);
  JsonArray *versions = json_object_get_array_member (root, "versions");
  g_autofree char *date = iso_to_display (member_string (root, "date"));
  GString *out = g_string_new (NULL);

  if (json_array_get_length (versions) == 0)
    g_string_append_printf (out, _("No version of %s is in force on %s.\n"),
                            member_string (root, "statute"), date);
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
          g_string_append_printf (out, _("  in every case → %s [%s]\n"), leaf,
                                  member_string (json_object_get_object_member (node, "outcome"), "citation"));
        }
      else
        append_tree_text (out, node, 1);
    }
  return g_string_free (out, FALSE);
}

/* A DOT string literal: quotes and backslashes escaped, new lines as \n. */
static void
append_dot_string (GString    *out,
                   const char *text)
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
append_dot_node (GString    *out,
                 JsonObject *node,
                 guint      *next_id)
{
  guint id = (*next_id)++;

  if (json_object_has_member (node, "outcome"))
    {
      g_autofree char *leaf = leaf_text (node);
      g_autofree char *label = g_strdup_printf ("%s\n%s", leaf,
                                                member_string (json_object_get_object_member (node, "outcome"), "citation"));
      g_string_append_printf (out, "    n%u [shape=box, style=rounded, label=", id);
      append_dot_string (out, label);
      g_string_append (out, "];\n");
    }
  else
    {
      JsonArray *branches = json_object_get_array_member (node, "branches");
      g_autofree char *label = g_strdup_printf ("%s\n(%s)", member_string (node, "fact"),
                                                member_string (node, "label"));

      g_string_append_printf (out, "    n%u [shape=ellipse, label=", id);
      append_dot_string (out, label);
      g_string_append (out, "];\n");
      for (guint b = 0; b < json_array_get_length (branches); b++)
        {
          JsonObject *branch = json_array_get_object_element (branches, b);
          guint child = append_dot_node (out, json_object_get_object_member (branch, "node"), next_id);

          g_string_append_printf (out, "    n%u -> n%u [label=", id, child);
          append_dot_string (out, member_string (branch, "range"));
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
  g_autofree char *date = iso_to_display (member_string (root, "date"));
  GString *out = g_string_new (NULL);
  guint next_id = 0;

  g_string_append (out, "digraph ");
  append_dot_string (out, member_string (root, "id"));
  g_string_append (out, " {\n  node [fontname=\"sans-serif\"];\n  edge [fontname=\"sans-serif\"];\n");
  for (guint v = 0; v < json_array_get_length (versions); v++)
    {
      JsonObject *entry = json_array_get_object_element (versions, v);
      JsonObject *version = json_object_get_object_member (entry, "version");
      GString *heading = g_string_new (NULL);

      /* A short heading: the statute, its version's title wrapped, and
       * the date. */
      g_string_append_printf (heading, "%s (%s)\n", member_string (root, "title"),
                              member_string (root, "statute"));
      penal_append_wrapped (heading, member_string (version, "title"), 0, 0, 60);
      g_string_append_printf (heading, json_object_get_boolean_member (entry, "certainly_in_force")
                                         ? _("in force on %s") : _("may have been in force on %s"),
                              date);
      g_string_append_printf (out, "  subgraph cluster_%u {\n    label=", v);
      append_dot_string (out, heading->str);
      g_string_append (out, ";\n");
      g_string_free (heading, TRUE);
      append_dot_node (out, json_object_get_object_member (entry, "tree"), &next_id);
      g_string_append (out, "  }\n");
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* diff                                                                 */

/* One region of the facts the compared versions read: an interval of each
 * such fact. */
typedef struct
{
  GArray *facts;   /* guint */
  GArray *lo;      /* gint64, per fact */
  GArray *hi;
} Regions;

static void
add_cut (GArray *cuts,
         gint64  value)
{
  for (guint i = 0; i < cuts->len; i++)
    if (g_array_index (cuts, gint64, i) == value)
      return;
  g_array_append_val (cuts, value);
}

static gint
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* The intervals one fact is cut into by every rule of the versions. */
static GArray *
fact_cuts (const PenalFactDecl *decl,
           guint                fact,
           GPtrArray           *versions)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (gint64));

  add_cut (cuts, decl->min);
  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);

      for (guint r = 0; r < version->rules->len; r++)
        {
          const PenalRule *rule = g_ptr_array_index (version->rules, r);

          for (guint c = 0; c < rule->conditions->len; c++)
            {
              const PenalCondition *condition = &g_array_index (rule->conditions, PenalCondition, c);
              if (condition->fact != fact)
                continue;
              if (condition->lo > decl->min)
                add_cut (cuts, condition->lo);
              if (condition->hi < decl->max)
                add_cut (cuts, condition->hi + 1);
            }
        }
    }
  g_array_sort (cuts, compare_days);
  return cuts;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
version_reads (const PenalVersion *version,
               guint               fact)
{
  for (guint r = 0; r < version->rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (version->rules, r);
      for (guint c = 0; c < rule->conditions->len; c++)
        if (g_array_index (rule->conditions, PenalCondition, c).fact == fact)
          return TRUE;
    }
  return FALSE;
}

/* What one side of a diff gives in one region: per candidate version, the
 * outcome object; the rendering is compared as a string. */
static char *
side_in_region (const PenalOffense *offense,
                GPtrArray          *versions,
                PenalFacts         *facts,
                gint64              date,
                char              **out_signature)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) signatures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) signature = g_string_new (NULL);

  json_builder_begin_array (builder);
  for (guint v = 0; v < versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (versions, v);
      const PenalRule *rule = penal_tree_evaluate (version->tree, facts, NULL);
      const PenalEra *era = penal_penalties_era_for (offense->penalties, date);
      const PenalClassPenalty *p = NULL;

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "version", version->id);
      json_builder_set_member_name (builder, "outcome");
      add_rule_outcome (builder, offense, rule, date);
      json_builder_end_object (builder);
      if (rule->kind == PENAL_RULE_CLASS && era != NULL)
        p = era->classes[rule->klass];
      /* What "changed" means: the class, or any figure of its penalty. */
      g_ptr_array_add (signatures, g_strdup_printf ("%s/%s/%s/%s/%d/%s/%" G_GINT64_FORMAT ";",
                              rule_kind_code (rule),
                              rule->kind == PENAL_RULE_CLASS ? penal_class_to_code (rule->klass) : "",
                              p != NULL && p->imprisonment_min.iso != NULL ? p->imprisonment_min.iso : "",
                              p != NULL && p->imprisonment_max.iso != NULL ? p->imprisonment_max.iso : "",
                              p != NULL && p->life,
                              p != NULL && p->county_jail_max.iso != NULL ? p->county_jail_max.iso : "",
                              p != NULL ? p->fine_max_usd : -1));
    }
  json_builder_end_array (builder);
  /* Candidate versions that agree count once: two versions that give the
   * same answer are the same answer. */
  g_ptr_array_sort (signatures, (GCompareFunc) compare_strings);
  for (guint i = 0; i < signatures->len; i++)
    if (i == 0 || !g_str_equal (g_ptr_array_index (signatures, i), g_ptr_array_index (signatures, i - 1)))
      g_string_append (signature, g_ptr_array_index (signatures, i));
  *out_signature = g_strdup (signature->str);
  return to_string (builder);
}

static void
add_side (JsonBuilder        *builder,
          const char         *member,
          const PenalOffense *offense,
          GPtrArray          *versions,
          gint64              date)
{
  const PenalEra *era = penal_penalties_era_for (offense->penalties, date);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_date (builder, "date", date);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint v = 0; v < versions->len; v++)
    add_version_object (builder, g_ptr_array_index (versions, v));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "penalties");
  if (era != NULL)
    add_era_object (builder, era);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_parsed (JsonBuilder *builder,
            const char  *member,
            const char  *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (builder, member);
  if (json_parser_load_from_data (parser, json, -1, NULL))
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_null_value (builder);
}

typedef struct
{
  gint64 *lo;          /* per fact read */
  gint64 *hi;
  char   *before;      /* JSON arrays, per candidate version */
  char   *after;
  char   *signature;   /* before and after, as compared for merging */
  gboolean changed;
} Region;

static void
region_free (Region *region)
{
  g_free (region->lo);
  g_free (region->hi);
  g_free (region->before);
  g_free (region->after);
  g_free (region->signature);
  g_free (region);
}

JsonNode *
penal_explore_diff (const PenalModel   *model,
                    const PenalOffense *offense,
                    gint64              from,
                    gint64              to)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) before = versions_on (offense, from);
  g_autoptr (GPtrArray) after = versions_on (offense, to);
  g_autoptr (GPtrArray) both = g_ptr_array_new ();
  g_autoptr (GArray) facts_read = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) cuts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  g_autofree guint *at = NULL;
  gboolean any_changed = FALSE;
  guint n, offense_index = 0;

  g_ptr_array_extend (both, before, NULL, NULL);
  g_ptr_array_extend (both, after, NULL, NULL);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    for (guint v = 0; v < both->len; v++)
      if (version_reads (g_ptr_array_index (both, v), f))
        {
          g_array_append_val (facts_read, f);
          g_ptr_array_add (cuts, fact_cuts (g_ptr_array_index (model->facts, f), f, both));
          break;
        }
  n = facts_read->len;

  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", offense->id);
  penal_json_add_string_or_null (builder, "statute", offense->statute);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (offense->title));
  add_side (builder, "before", offense, before, from);
  add_side (builder, "after", offense, after, to);

  /* Every combination of the facts' intervals, the last fact fastest. */
  g_ptr_array_find (model->offenses, offense, &offense_index);
  penal_facts_set_value (facts, PENAL_FACT_OFFENSE, offense_index);
  at = g_new0 (guint, n + 1);
  while (before->len > 0 && after->len > 0)
    {
      Region *region = g_new0 (Region, 1);
      g_autofree char *sig_before = NULL, *sig_after = NULL;
      guint i;

      region->lo = g_new (gint64, n + 1);
      region->hi = g_new (gint64, n + 1);
      for (i = 0; i < n; i++)
        {
          GArray *c = g_ptr_array_index (cuts, i);
          const PenalFactDecl *decl = g_ptr_array_index (model->facts, g_array_index (facts_read, guint, i));

          region->lo[i] = g_array_index (c, gint64, at[i]);
          region->hi[i] = at[i] + 1 < c->len ? g_array_index (c, gint64, at[i] + 1) - 1 : decl->max;
          penal_facts_set_value (facts, g_array_index (facts_read, guint, i), region->lo[i]);
        }
      region->before = side_in_region (offense, before, facts, from, &sig_before);
      region->after = side_in_region (offense, after, facts, to, &sig_after);
      region->signature = g_strconcat (region->before, "|", region->after, NULL);
      region->changed = g_strcmp0 (sig_before, sig_after) != 0;

      /* Merged into the previous region when only the last fact moved on
       * and nothing else differs. */
      if (regions->len > 0)
        {
          Region *previous = g_ptr_array_index (regions, regions->len - 1);
          gboolean same = n > 0 && g_str_equal (previous->signature, region->signature)
                          && previous->hi[n - 1] + 1 == region->lo[n - 1];
          for (i = 0; same && i + 1 < n; i++)
            same = previous->lo[i] == region->lo[i] && previous->hi[i] == region->hi[i];
          if (same)
            {
              previous->hi[n - 1] = region->hi[n - 1];
              region_free (region);
              region = NULL;
            }
        }
      if (region != NULL)
        g_ptr_array_add (regions, region);

      for (i = n; i > 0; i--)
        {
          if (++at[i - 1] < ((GArray *) g_ptr_array_index (cuts, i - 1))->len)
            break;
          at[i - 1] = 0;
        }
      if (i == 0)
        break;
    }

  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint r = 0; r < regions->len; r++)
    {
      Region *region = g_ptr_array_index (regions, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "when");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          const PenalFactDecl *decl = g_ptr_array_index (model->facts, g_array_index (facts_read, guint, i));
          g_autofree char *range = penal_range_to_text (decl, region->lo[i], region->hi[i]);

          json_builder_begin_object (builder);
          penal_json_add_string_or_null (builder, "fact", decl->name);
          add_int (builder, "min", region->lo[i]);
          add_int (builder, "max", region->hi[i]);
          penal_json_add_string_or_null (builder, "range", range);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_parsed (builder, "before", region->before);
      add_parsed (builder, "after", region->after);
      add_bool (builder, "changed", region->changed);
      json_builder_end_object (builder);
      any_changed |= region->changed;
    }
  json_builder_end_array (builder);
  add_bool (builder, "changed", any_changed);

  /* The open amendment windows: a version boundary that is not established
   * and lies between the two dates (or at either). */
  json_builder_set_member_name (builder, "open_windows");
  json_builder_begin_array (builder);
  for (guint v = 0; v < offense->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (offense->versions, v);
      const PenalEffective *e = &version->effective;
      gint64 lo = MIN (from, to), hi = MAX (from, to);
      gboolean start_open = e->from != e->from_latest && e->from <= hi && e->from_latest >= lo;
      gboolean end_open = e->to != e->to_earliest && e->to_earliest <= hi && e->to >= lo;

      if (!start_open && !end_open)
        continue;
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "version", version->id);
      penal_json_add_string_or_null (builder, "boundary", start_open ? "start" : "end");
      add_date (builder, "between", start_open ? e->from : e->to_earliest);
      add_date (builder, "and", start_open ? e->from_latest : e->to);
      penal_json_add_string_or_null (builder, "reason", penal_statute_text (version->uncertain));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_side_text (GString    *out,
                  const char *label,
                  JsonArray  *side)
{
  for (guint i = 0; i < json_array_get_length (side); i++)
    {
      JsonObject *entry = json_array_get_object_element (side, i);
      JsonObject *outcome = json_object_get_object_member (entry, "outcome");
      g_autofree char *text = outcome_object_text (outcome);
      const char *penalty = member_string (outcome, "penalty_citation");

      if (json_array_get_length (side) > 1)
        g_string_append_printf (out, "    %s (%s): %s [%s%s%s]\n", label, member_string (entry, "version"),
                                text, member_string (outcome, "citation"),
                                penalty != NULL ? "; " : "", penalty != NULL ? penalty : "");
      else
        g_string_append_printf (out, "    %s: %s [%s%s%s]\n", label, text, member_string (outcome, "citation"),
                                penalty != NULL ? "; " : "", penalty != NULL ? penalty : "");
    }
}

static void
append_diff_side_heading (GString    *out,
                          const char *label,
                          JsonObject *side)
{
  JsonArray *versions = json_object_get_array_member (side, "versions");
  g_autofree char *date = iso_to_display (member_string (side, "date"));
  JsonNode *penalties = json_object_get_member (side, "penalties");

  g_string_append_printf (out, "%s (%s):\n", label, date);
  if (json_array_get_length (versions) == 0)
    g_string_append (out, _("  no version is in force\n"));
  for (guint v = 0; v < json_array_get_length (versions); v++)
    g_string_append_printf (out, "  %s\n", member_string (json_array_get_object_element (versions, v), "title"));
  if (json_array_get_length (versions) > 1)
    g_string_append (out, _("  (which of these was in force is not established)\n"));
  if (penalties != NULL && !JSON_NODE_HOLDS_NULL (penalties))
    g_string_append_printf (out, _("  penalties: %s\n"), member_string (json_node_get_object (penalties), "title"));
}

char *
penal_explore_diff_text (JsonNode *diff)
{
  JsonObject *root = json_node_get_object (diff);
  JsonObject *before = json_object_get_object_member (root, "before");
  JsonObject *after = json_object_get_object_member (root, "after");
  JsonArray *regions = json_object_get_array_member (root, "regions");
  JsonArray *windows = json_object_get_array_member (root, "open_windows");
  g_autofree char *from = iso_to_display (member_string (before, "date"));
  g_autofree char *to = iso_to_display (member_string (after, "date"));
  GString *out = g_string_new (NULL);

  /* TRANSLATORS: "<title> (<statute>): <date> compared with <date>". */
  g_string_append_printf (out, _("%s (%s): %s compared with %s\n\n"),
                          member_string (root, "title"), member_string (root, "statute"), from, to);
  append_diff_side_heading (out, _("Before"), before);
  append_diff_side_heading (out, _("After"), after);
  g_string_append_c (out, '\n');

  if (json_array_get_length (regions) == 0)
    g_string_append (out, _("There is nothing to compare: no version is in force on one of the dates.\n"));
  else if (!json_object_get_boolean_member (root, "changed"))
    g_string_append_printf (out, _("Nothing changed between %s and %s: every case gets the same class, term and fine.\n"),
                            from, to);
  for (guint r = 0; r < json_array_get_length (regions); r++)
    {
      JsonObject *region = json_array_get_object_element (regions, r);
      JsonArray *when = json_object_get_array_member (region, "when");
      GString *where = g_string_new (NULL);

      for (guint c = 0; c < json_array_get_length (when); c++)
        {
          JsonObject *condition = json_array_get_object_element (when, c);
          g_string_append_printf (where, "%s%s %s", c > 0 ? ", " : "",
                                  member_string (condition, "fact"), member_string (condition, "range"));
        }
      if (where->len == 0)
        g_string_append (where, _("every case"));
      if (json_object_get_boolean_member (region, "changed"))
        {
          g_string_append_printf (out, _("%s: changed\n"), where->str);
          append_side_text (out, _("before"), json_object_get_array_member (region, "before"));
          append_side_text (out, _("after"), json_object_get_array_member (region, "after"));
        }
      else
        {
          g_string_append_printf (out, _("%s: unchanged\n"), where->str);
          append_side_text (out, _("before and after"), json_object_get_array_member (region, "after"));
        }
      g_string_free (where, TRUE);
    }

  for (guint w = 0; w < json_array_get_length (windows); w++)
    {
      JsonObject *window = json_array_get_object_element (windows, w);
      g_autofree char *between = iso_to_display (member_string (window, "between"));
      g_autofree char *and = iso_to_display (member_string (window, "and"));
      gboolean start = g_strcmp0 (member_string (window, "boundary"), "start") == 0;
      g_autofree char *line = g_strdup_printf (start
                                                 ? _("Open amendment window: the day %s took effect is not established; it was some day from %s to %s, so an offense in that window may fall under either version.")
                                                 : _("Open amendment window: the last day %s applied is not established; it was some day from %s to %s, so an offense in that window may fall under either version."),
                                               member_string (window, "version"), between, and);

      g_string_append_c (out, '\n');
      penal_append_wrapped (out, line, 0, 2, 78);
      if (member_string (window, "reason") != NULL)
        {
          g_string_append (out, "  ");
          penal_append_wrapped (out, member_string (window, "reason"), 2, 2, 78);
        }
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* what-if                                                              */

static void
add_outcome_summary (JsonBuilder        *builder,
                     const PenalOutcome *outcome,
                     GString            *signature)
{
  g_autoptr (PenalDiversion) diversion = penal_diversion_new (outcome);
  const PenalRule *rule = outcome->status == PENAL_STATUS_DECIDED ? outcome->rule : NULL;
  const PenalClassPenalty *p = rule != NULL ? outcome->penalty : NULL;
  const char *klass = rule != NULL && rule->kind == PENAL_RULE_CLASS ? penal_class_to_code (rule->klass) : NULL;
  const char *eligible = diversion->eligible == PENAL_ANSWER_YES ? "true"
                         : diversion->eligible == PENAL_ANSWER_NO ? "false" : "null";
  g_autoptr (GString) detail = g_string_new (NULL);

  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    for (guint i = 0; i < outcome->missing->len; i++)
      g_string_append_printf (detail, "%s%s", i > 0 ? " " : "",
                              ((PenalFactDecl *) g_ptr_array_index (outcome->missing, i))->name);
  else if (outcome->status == PENAL_STATUS_AMBIGUOUS)
    for (guint i = 0; i < outcome->candidates->len; i++)
      {
        const PenalOutcome *candidate = g_ptr_array_index (outcome->candidates, i);
        g_string_append_printf (detail, "%s%s=%s", i > 0 ? " " : "", candidate->version->id,
                                candidate->rule->kind == PENAL_RULE_CLASS
                                  ? penal_class_to_code (candidate->rule->klass) : "open");
      }

  penal_json_add_string_or_null (builder, "status", penal_status_to_code (outcome->status));
  penal_json_add_string_or_null (builder, "class", klass);
  penal_json_add_string_or_null (builder, "citation", rule != NULL ? rule->citation : NULL);
  penal_json_add_string_or_null (builder, "version", rule != NULL ? outcome->version->id : NULL);
  penal_json_add_penalty_fields (builder, p);
  json_builder_set_member_name (builder, "diversion_eligible");
  if (diversion->eligible == PENAL_ANSWER_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, diversion->eligible == PENAL_ANSWER_YES);
  json_builder_set_member_name (builder, "needs");
  json_builder_begin_array (builder);
  for (guint i = 0; outcome->status == PENAL_STATUS_NEEDS_FACTS && i < outcome->missing->len; i++)
    json_builder_add_string_value (builder, ((PenalFactDecl *) g_ptr_array_index (outcome->missing, i))->name);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "candidate_versions");
  json_builder_begin_array (builder);
  for (guint i = 0; outcome->status == PENAL_STATUS_AMBIGUOUS && i < outcome->candidates->len; i++)
    {
      const PenalOutcome *candidate = g_ptr_array_index (outcome->candidates, i);

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "version", candidate->version->id);
      penal_json_add_string_or_null (builder, "class", candidate->rule->kind == PENAL_RULE_CLASS
                                                         ? penal_class_to_code (candidate->rule->klass) : NULL);
      penal_json_add_string_or_null (builder, "citation", candidate->rule->citation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Enhancements that may be charged, e.g. a persistent offender. */
  json_builder_set_member_name (builder, "enhancements");
  json_builder_begin_array (builder);
  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *enhanced = g_ptr_array_index (outcome->enhancements, e);

      const char *enhanced_class;

      /* It may be charged: a class, or one no source establishes. */
      if (enhanced->status != PENAL_STATUS_DECIDED
          || (enhanced->rule->kind != PENAL_RULE_CLASS && enhanced->rule->kind != PENAL_RULE_OPEN))
        continue;
      enhanced_class = enhanced->rule->kind == PENAL_RULE_CLASS ? penal_class_to_code (enhanced->rule->klass) : NULL;
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", enhanced->offense->id);
      penal_json_add_string_or_null (builder, "title", penal_statute_text (enhanced->offense->title));
      penal_json_add_string_or_null (builder, "class", enhanced_class);
      penal_json_add_string_or_null (builder, "citation", enhanced->rule->citation);
      json_builder_end_object (builder);
      g_string_append_printf (detail, " +%s=%s", enhanced->offense->id,
                              enhanced_class != NULL ? enhanced_class : "open");
    }
  json_builder_end_array (builder);

  g_string_printf (signature, "%s|%s|%s|%s|%s|%s|%d|%" G_GINT64_FORMAT "|%s|%s",
                   penal_status_to_code (outcome->status), klass != NULL ? klass : "",
                   rule != NULL ? rule->citation : "",
                   rule != NULL ? outcome->version->id : "",
                   p != NULL && p->imprisonment_min.iso != NULL ? p->imprisonment_min.iso : "",
                   p != NULL && p->imprisonment_max.iso != NULL ? p->imprisonment_max.iso : "",
                   p != NULL && p->life, p != NULL ? p->fine_max_usd : -1, eligible, detail->str);
}

/* The values at which the outcome may change as the varied fact moves,
 * each the start of a run of values; outcomes are evaluated at every
 * value of an integer fact (domains are small), at every period start of
 * the offense for the offense date. */
static GArray *
sample_values (const PenalFactDecl *decl,
               const PenalOffense  *offense,
               guint                vary)
{
  GArray *values;

  if (vary == PENAL_FACT_OFFENSE_DATE)
    return penal_offense_period_starts (offense);
  values = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (decl->type == PENAL_FACT_TYPE_ENUM)
    {
      for (gint64 v = 0; decl->values[v] != NULL; v++)
        g_array_append_val (values, v);
      return values;
    }
  for (gint64 v = decl->min; v <= decl->max; v++)
    g_array_append_val (values, v);
  return values;
}

JsonNode *
penal_explore_what_if (const PenalModel  *model,
                       const PenalFacts  *given,
                       gint64             offense_date,
                       guint              vary,
                       GError           **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (PenalFacts) facts = penal_facts_new (model);
  const PenalFactDecl *decl = g_ptr_array_index (model->facts, vary);
  const PenalOffense *offense;
  g_autoptr (GArray) values = NULL;
  g_autoptr (GString) signature = g_string_new (NULL);
  gint64 index;

  for (guint f = 0; f < model->facts->len; f++)
    {
      gint64 value;
      if (f != vary && penal_facts_get (given, f, &value))
        penal_facts_set_value (facts, f, value);
    }
  if (!penal_facts_get (facts, PENAL_FACT_OFFENSE, &index))
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_FAILED,
                   _("what-if: name the offense, for example offense=patronizing"));
      return NULL;
    }
  offense = g_ptr_array_index (model->offenses, index);
  values = sample_values (decl, offense, vary);

  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "offense", offense->id);
  penal_json_add_string_or_null (builder, "statute", offense->statute);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (offense->title));
  penal_json_add_string_or_null (builder, "vary", decl->name);
  penal_json_add_string_or_null (builder, "label", penal_statute_text (decl->label));
  if (vary == PENAL_FACT_OFFENSE_DATE)
    penal_json_add_string_or_null (builder, "offense_date", NULL);
  else
    add_date (builder, "offense_date", offense_date);
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_object (builder);
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < model->facts->len; f++)
    {
      gint64 value;
      const PenalFactDecl *other = g_ptr_array_index (model->facts, f);
      if (f == vary || !penal_facts_get (facts, f, &value))
        continue;
      {
        g_autofree char *text = penal_range_to_text (other, value, value);
        penal_json_add_string_or_null (builder, other->name, text);
      }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "ranges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    {
      gint64 value = g_array_index (values, gint64, i);
      gint64 date = vary == PENAL_FACT_OFFENSE_DATE ? value : offense_date;
      gint64 hi;
      g_autoptr (PenalOutcome) outcome = NULL;
      g_autoptr (JsonBuilder) entry = json_builder_new ();
      g_autofree char *range = NULL;
      guint next = i + 1;

      penal_facts_set_value (facts, vary, value);
      outcome = penal_evaluate (model, facts, date, error);
      if (outcome == NULL)
        return NULL;
      json_builder_begin_object (entry);
      add_outcome_summary (entry, outcome, signature);
      json_builder_end_object (entry);

      /* Extend the run while the next values give the same outcome. */
      while (next < values->len)
        {
          g_autoptr (PenalOutcome) following = NULL;
          g_autoptr (JsonBuilder) scratch = json_builder_new ();
          g_autoptr (GString) next_signature = g_string_new (NULL);
          gint64 next_value = g_array_index (values, gint64, next);

          penal_facts_set_value (facts, vary, next_value);
          following = penal_evaluate (model, facts,
                                      vary == PENAL_FACT_OFFENSE_DATE ? next_value : offense_date, error);
          if (following == NULL)
            return NULL;
          json_builder_begin_object (scratch);
          add_outcome_summary (scratch, following, next_signature);
          json_builder_end_object (scratch);
          if (!g_string_equal (signature, next_signature))
            break;
          next++;
        }
      if (vary == PENAL_FACT_OFFENSE_DATE)
        hi = next < values->len ? g_array_index (values, gint64, next) - 1 : PENAL_DATE_OPEN_END;
      else
        hi = next < values->len ? g_array_index (values, gint64, next - 1) : decl->max;
      if (decl->type == PENAL_FACT_TYPE_ENUM || decl->type == PENAL_FACT_TYPE_BOOLEAN)
        hi = g_array_index (values, gint64, next - 1);
      range = penal_range_to_text (decl, value, hi);

      json_builder_begin_object (builder);
      if (vary == PENAL_FACT_OFFENSE_DATE)
        {
          add_date (builder, "from", value);
          add_date (builder, "to", hi);
        }
      else
        {
          add_int (builder, "min", value);
          add_int (builder, "max", hi);
        }
      penal_json_add_string_or_null (builder, "range", range);
      {
        g_autoptr (JsonNode) node = json_builder_get_root (entry);
        JsonObject *object = json_node_get_object (node);
        GList *members = json_object_get_members (object);
        for (GList *m = members; m != NULL; m = m->next)
          {
            json_builder_set_member_name (builder, m->data);
            json_builder_add_value (builder, json_node_copy (json_object_get_member (object, m->data)));
          }
        g_list_free (members);
      }
      json_builder_end_object (builder);
      i = next - 1;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
penal_explore_what_if_text (JsonNode *what_if)
{
  JsonObject *root = json_node_get_object (what_if);
  JsonArray *ranges = json_object_get_array_member (root, "ranges");
  JsonObject *given = json_object_get_object_member (root, "facts");
  g_autofree char *date = iso_to_display (member_string (root, "offense_date"));
  GList *members = json_object_get_members (given);
  GString *out = g_string_new (NULL);

  if (date != NULL)
    /* TRANSLATORS: "<title> (<statute>), offense committed on <date>, as
       <fact> (<fact label>) varies:". */
    g_string_append_printf (out, _("%s (%s), offense committed on %s, as %s (%s) varies:\n"),
                            member_string (root, "title"), member_string (root, "statute"), date,
                            member_string (root, "vary"), member_string (root, "label"));
  else
    g_string_append_printf (out, _("%s (%s), as the offense date varies:\n"),
                            member_string (root, "title"), member_string (root, "statute"));
  if (members != NULL)
    {
      g_string_append (out, _("  with"));
      for (GList *m = members; m != NULL; m = m->next)
        g_string_append_printf (out, " %s=%s", (char *) m->data, member_string (given, m->data));
      g_string_append_c (out, '\n');
    }
  g_list_free (members);

  for (guint r = 0; r < json_array_get_length (ranges); r++)
    {
      JsonObject *range = json_array_get_object_element (ranges, r);
      const char *status = member_string (range, "status");
      g_autoptr (GString) line = g_string_new (NULL);
      JsonNode *eligible = json_object_get_member (range, "diversion_eligible");
      PenalClass klass;

      g_string_append_printf (line, "  %s → ", member_string (range, "range"));
      if (g_strcmp0 (status, "needs-facts") == 0)
        {
          JsonArray *needs = json_object_get_array_member (range, "needs");
          GString *list = g_string_new (NULL);

          for (guint n = 0; n < json_array_get_length (needs); n++)
            g_string_append_printf (list, "%s%s", n > 0 ? ", " : "", json_array_get_string_element (needs, n));
          g_string_append_printf (line, _("needs more facts: %s"), list->str);
          g_string_free (list, TRUE);
        }
      else if (g_strcmp0 (status, "ambiguous") == 0)
        {
          JsonArray *candidates = json_object_get_array_member (range, "candidate_versions");
          GString *list = g_string_new (NULL);

          for (guint c = 0; c < json_array_get_length (candidates); c++)
            {
              JsonObject *candidate = json_array_get_object_element (candidates, c);
              PenalClass candidate_class;
              const char *name = penal_class_from_code (member_string (candidate, "class"), &candidate_class)
                                 ? penal_class_to_name (candidate_class) : _("not established");

              if (c > 0)
                g_string_append (list, _(" or "));
              g_string_append_printf (list, "%s (%s)", name, member_string (candidate, "version"));
            }
          g_string_append_printf (line, _("not established which version applies: %s"), list->str);
          g_string_free (list, TRUE);
        }
      else if (member_string (range, "class") != NULL
               && penal_class_from_code (member_string (range, "class"), &klass))
        {
          JsonNode *fine = json_object_get_member (range, "fine_max_usd");

          g_string_append (line, penal_class_to_name (klass));
          if (member_string (range, "imprisonment_max") != NULL && member_string (range, "imprisonment_min") != NULL)
            {
              g_autofree char *low = duration_text (member_string (range, "imprisonment_min"));
              g_autofree char *high = duration_text (member_string (range, "imprisonment_max"));
              g_string_append_printf (line, _(", from %s to %s"), low, high);
            }
          else if (member_string (range, "imprisonment_max") != NULL)
            {
              g_autofree char *term = duration_text (member_string (range, "imprisonment_max"));
              g_string_append_printf (line, _(", up to %s"), term);
            }
          if (json_object_get_boolean_member_with_default (range, "life", FALSE))
            g_string_append (line, _(", or life imprisonment"));
          if (fine != NULL && !JSON_NODE_HOLDS_NULL (fine))
            {
              g_autofree char *usd = penal_usd_to_text (json_node_get_int (fine));
              g_string_append_printf (line, _(", fine up to %s"), usd);
            }
          g_string_append_printf (line, " [%s]", member_string (range, "citation"));
        }
      else
        g_string_append_printf (line, _("no class established [%s]"), member_string (range, "citation"));
      {
        JsonArray *enhancements = json_object_get_array_member (range, "enhancements");
        for (guint e = 0; enhancements != NULL && e < json_array_get_length (enhancements); e++)
          {
            JsonObject *enhancement = json_array_get_object_element (enhancements, e);
            PenalClass enhanced;

            const char *code = member_string (enhancement, "class");

            /* TRANSLATORS: "; may be charged as <enhancement>: <class> [<citation>]". */
            g_string_append_printf (line, _("; may be charged as %s: %s [%s]"),
                                    member_string (enhancement, "title"),
                                    code != NULL && penal_class_from_code (code, &enhanced)
                                      ? penal_class_to_name (enhanced) : _("class not established"),
                                    member_string (enhancement, "citation"));
          }
      }
      if (eligible != NULL && !JSON_NODE_HOLDS_NULL (eligible))
        g_string_append (line, json_node_get_boolean (eligible) ? _("; diversion open") : _("; no diversion"));
      g_string_append_c (line, '\n');
      g_string_append (out, line->str);
    }
  return g_string_free (out, FALSE);
}
