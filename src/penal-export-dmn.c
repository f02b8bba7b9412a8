/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-export-dmn.c: a statute version's rule table as a standard DMN decision
 * table, so it opens in DMN tools and other engines can check penal.
 *
 * One <decision> with one <decisionTable>, hit policy UNIQUE (penal proves
 * its tables have no overlap and no gap).  Each fact the rules read is an
 * input column; each rule a row whose input entries are S-FEEL unary tests
 * ("<= 14", "[15..17]", ">= 18", "true", "\"patronizing\"", "-" for any);
 * the outputs are the class code and the citation.  Each of those facts is
 * also an <inputData> of its own, which the decision requires through an
 * <informationRequirement>, as a decision requirements graph states what a
 * decision reads.  DMN 1.3 by default; DMN 1.1 on request, for engines that
 * read only that. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-model-private.h"
#include "penal-render.h"
#include "penal.h"

static const char *
outcome_code (const PenalRule *rule)
{
  switch (rule->kind)
    {
    case PENAL_RULE_CLASS:
      return penal_class_to_code (rule->klass);
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

/* The FEEL type of a fact.  FEEL has one numeric type, number, in DMN 1.1
 * as in 1.3 ("integer" is not a FEEL type, and the engine
 * tests/dmn-agree.sh runs does not need it). */
static const char *
type_ref (const PenalFactDecl *decl)
{
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_INTEGER:
      return "number";
    case PENAL_FACT_TYPE_BOOLEAN:
      return "boolean";
    case PENAL_FACT_TYPE_DATE:
      return "date";
    case PENAL_FACT_TYPE_ENUM:
    default:
      return "string";
    }
}

/* Element content: only &, < and > need escaping there, so a FEEL string's
 * quotes stay quotes for the people who read the table. */
static void
append_content (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

/* text as a FEEL string literal: inside the quotes a quote or a backslash
 * is escaped with a backslash, or a citation that holds one would end the
 * string early, or change it. */
static char *
feel_string (const char *text)
{
  GString *literal = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (literal, '\\');
      g_string_append_c (literal, *p);
    }
  g_string_append_c (literal, '"');
  return g_string_free (literal, FALSE);
}

/* The S-FEEL unary test for one condition, or "-" when the rule does not
 * narrow the fact. */
static char *
unary_test (const PenalFactDecl *decl, const PenalCondition *condition)
{
  if (condition == NULL
      || (condition->lo <= decl->min && condition->hi >= decl->max
          && decl->type == PENAL_FACT_TYPE_INTEGER))
    return g_strdup ("-");
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup (condition->lo ? "true" : "false");
    case PENAL_FACT_TYPE_ENUM:
      return feel_string (decl->values[condition->lo]);
    case PENAL_FACT_TYPE_INTEGER:
    default:
      if (condition->lo == condition->hi)
        return g_strdup_printf ("%" G_GINT64_FORMAT, condition->lo);
      if (condition->lo <= decl->min)
        return g_strdup_printf ("<= %" G_GINT64_FORMAT, condition->hi);
      if (condition->hi >= decl->max)
        return g_strdup_printf (">= %" G_GINT64_FORMAT, condition->lo);
      return g_strdup_printf ("[%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT "]",
                              condition->lo, condition->hi);
    }
}

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* The decision's requirement of one input column's fact. */
static void
append_requirement (GString *out, const PenalFactDecl *decl)
{
  g_string_append_printf (
      out,
      "    <informationRequirement id=\"requirement_%s\">"
      "<requiredInput href=\"#fact_%s\"/></informationRequirement>\n",
      decl->name, decl->name);
}

/* The decision table's clause for one input column. */
static void
append_input_clause (GString *out, const PenalFactDecl *decl)
{
  g_string_append_printf (out,
                          "      <input id=\"input_%s\" label=\"%s\">\n"
                          "        <inputExpression id=\"expression_%s\" "
                          "typeRef=\"%s\"><text>%s</text></inputExpression>\n"
                          "      </input>\n",
                          decl->name, decl->name, decl->name, type_ref (decl),
                          decl->name);
}

/* One input column's fact as an <inputData> of its own. */
static void
append_input_data (GString *out, const PenalFactDecl *decl)
{
  g_string_append_printf (
      out,
      "  <inputData id=\"fact_%s\" name=\"%s\">\n"
      "    <variable id=\"fact_%s_variable\" name=\"%s\" typeRef=\"%s\"/>\n"
      "  </inputData>\n",
      decl->name, decl->name, decl->name, decl->name, type_ref (decl));
}

/* One element per input column, in the columns' order, made by append. */
static void
append_per_input (GString *out, const PenalModel *model, GArray *inputs,
                  void (*append) (GString *out, const PenalFactDecl *decl))
{
  for (guint i = 0; i < inputs->len; i++)
    append (out,
            g_ptr_array_index (model->facts, g_array_index (inputs, guint, i)));
}

static char *
dmn_table (const PenalModel *model, const PenalOffense *statute,
           const PenalVersion *version, PenalDmnVersion dmn_version)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr (GArray) inputs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *decision_name = NULL;

  /* The input columns: every fact the version's rules read, in order. */
  for (guint r = 0; r < version->rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (version->rules, r);
      for (guint c = 0; c < rule->conditions->len; c++)
        {
          guint fact = g_array_index (rule->conditions, PenalCondition, c).fact;
          gboolean seen = FALSE;
          for (guint i = 0; i < inputs->len && !seen; i++)
            seen = g_array_index (inputs, guint, i) == fact;
          if (!seen)
            g_array_append_val (inputs, fact);
        }
    }

  g_string_append_printf (out, "<!-- %s: %s, exported by penal %s. -->\n",
                          statute->statute, version->dated.id, PACKAGE_VERSION);
  g_string_append_printf (out,
                          "<definitions xmlns=\"%s\" id=\"penal-%s\" name=\"",
                          dmn_version == PENAL_DMN_1_1
                              ? "http://www.omg.org/spec/DMN/20151101/dmn.xsd"
                              : "https://www.omg.org/spec/DMN/20191111/MODEL/",
                          version->dated.id);
  append_escaped (out, penal_statute_text (version->dated.title));
  g_string_append (out, "\" namespace=\"https://penal.invalid/statutes\">\n");
  /* The decision's variable holds its result, under the decision's name. */
  decision_name = g_strdup_printf (
      "%s (%s)", penal_statute_text (statute->title), statute->statute);
  g_string_append_printf (out, "  <decision id=\"%s\" name=\"", statute->id);
  append_escaped (out, decision_name);
  g_string_append (out, "\">\n    <variable id=\"decision_variable\" name=\"");
  append_escaped (out, decision_name);
  g_string_append (out, "\"/>\n");
  append_per_input (out, model, inputs, append_requirement);
  g_string_append (out,
                   "    <decisionTable id=\"table\" hitPolicy=\"UNIQUE\">\n");
  append_per_input (out, model, inputs, append_input_clause);
  g_string_append (out,
                   "      <output id=\"output_class\" label=\"class\" "
                   "name=\"class\" typeRef=\"string\"/>\n"
                   "      <output id=\"output_citation\" label=\"citation\" "
                   "name=\"citation\" typeRef=\"string\"/>\n");

  for (guint r = 0; r < version->rules->len; r++)
    {
      const PenalRule *rule = g_ptr_array_index (version->rules, r);
      g_autofree char *citation = NULL;

      g_string_append_printf (out, "      <rule id=\"rule_%u\">\n", r + 1);
      g_string_append (out, "        <description>");
      append_escaped (out, penal_statute_text (rule->explain));
      g_string_append (out, "</description>\n");
      for (guint i = 0; i < inputs->len; i++)
        {
          guint fact = g_array_index (inputs, guint, i);
          const PenalCondition *condition = NULL;
          g_autofree char *test = NULL;

          for (guint c = 0; c < rule->conditions->len; c++)
            if (g_array_index (rule->conditions, PenalCondition, c).fact
                == fact)
              condition = &g_array_index (rule->conditions, PenalCondition, c);
          test = unary_test (g_ptr_array_index (model->facts, fact), condition);
          g_string_append_printf (
              out, "        <inputEntry id=\"rule_%u_input_%u\"><text>", r + 1,
              i + 1);
          append_content (out, test);
          g_string_append (out, "</text></inputEntry>\n");
        }
      g_string_append_printf (
          out,
          "        <outputEntry "
          "id=\"rule_%u_class\"><text>\"%s\"</text></outputEntry>\n",
          r + 1, outcome_code (rule));
      g_string_append_printf (
          out, "        <outputEntry id=\"rule_%u_citation\"><text>", r + 1);
      citation = feel_string (rule->citation);
      append_content (out, citation);
      g_string_append (out, "</text></outputEntry>\n      </rule>\n");
    }
  g_string_append (out, "    </decisionTable>\n  </decision>\n");
  append_per_input (out, model, inputs, append_input_data);
  g_string_append (out, "</definitions>\n");
  return g_string_free (out, FALSE);
}

/* The DMN table of the offense named, as in force on date; refused when no
 * version, or more than one, may have been in force then. */
char *
penal_export_dmn (const PenalModel *model, const char *name, gint64 date,
                  PenalDmnVersion dmn_version, GError **error)
{
  g_autoptr (GPtrArray) versions = g_ptr_array_new ();
  const PenalOffense *offense;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (model != NULL && name != NULL, NULL);

  offense = penal_model_lookup_offense (model, name);
  if (offense == NULL)
    {
      g_autofree char *shown = penal_quote_untrusted (name);
      g_autofree char *list = penal_model_offense_names (model);

      g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                   _ ("export: unknown offense “%s”; give one of %s"), shown,
                   list);
      return NULL;
    }
  for (guint v = 0; v < offense->versions->len; v++)
    {
      const PenalVersion *version = g_ptr_array_index (offense->versions, v);
      if (penal_effective_may_cover (&version->dated.effective, date))
        g_ptr_array_add (versions, (gpointer)version);
    }
  if (versions->len == 1)
    return dmn_table (model, offense, g_ptr_array_index (versions, 0),
                      dmn_version);
  iso = penal_date_to_iso (date);
  if (versions->len == 0)
    g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                 _ ("export: no version of %s covers %s"), offense->statute,
                 iso);
  else
    g_set_error (error, PENAL_QUERY_ERROR, PENAL_QUERY_ERROR_INVALID,
                 _ ("export: which version of %s was in force on %s is not "
                    "established; give a --date outside the uncertain window"),
                 offense->statute, iso);
  return NULL;
}
