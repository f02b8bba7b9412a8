/* SPDX-License-Identifier: GPL-3.0-or-later */
/* surfaces.c: one answer, many views.  Over a grid of every fact's
 * boundary values (the first and last value of each region the rules cut
 * its domain into) times every period start of the offense (the days on
 * which a version or a penalty table begins), each case is asked of every
 * surface: classify's JSON, the interview's "In short", the what-if row
 * that holds the case (varying the date and each fact in turn) and a batch
 * row.  All must report the same class, enhancements, protections and
 * diversion; classify's and the interview's "In short" must be the same
 * sentences.  The expected values are classify's own, so this test checks
 * that no surface recomputes or drops a part; the legal figures themselves
 * are checked, with their sources, in legal.c, answer.c and diversion.c. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-regions.h"
#include "penal.h"

static PenalModel *model;

/* One case: a value per fact read, or unset. */
typedef struct
{
  const PenalOffense *offense;
  gint64 date;
  GArray *facts;  /* guint, the facts read */
  GArray *values; /* gint64, per fact read */
} Case;

static char *
value_text (const PenalFactDecl *fact, gint64 value)
{
  switch (fact->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup (value ? "yes" : "no");
    case PENAL_FACT_TYPE_ENUM:
      return g_strdup (fact->values[value]);
    case PENAL_FACT_TYPE_DATE:
      return penal_date_to_iso (value);
    case PENAL_FACT_TYPE_INTEGER:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

/* The case as NAME=VALUE assignments, leaving out skip (a fact index, or
 * G_MAXUINT). */
static GPtrArray *
assignments (const Case *c, guint skip)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (out, g_strdup_printf ("offense=%s", c->offense->id));
  if (skip != PENAL_FACT_OFFENSE_DATE)
    {
      g_autofree char *iso = penal_date_to_iso (c->date);
      g_ptr_array_add (out, g_strdup_printf ("offense_date=%s", iso));
    }
  for (guint i = 0; i < c->facts->len; i++)
    {
      guint f = g_array_index (c->facts, guint, i);
      const PenalFactDecl *fact = g_ptr_array_index (model->facts, f);
      g_autofree char *text = NULL;

      if (f == skip)
        continue;
      text = value_text (fact, g_array_index (c->values, gint64, i));
      g_ptr_array_add (out, g_strdup_printf ("%s=%s", fact->name, text));
    }
  return out;
}

static PenalFacts *
facts_of (const Case *c, guint skip)
{
  g_autoptr (GPtrArray) list = assignments (c, skip);
  PenalFacts *facts = penal_facts_new (model);

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr (GError) error = NULL;
      penal_facts_parse_assignment (facts, g_ptr_array_index (list, i), &error);
      g_assert_no_error (error);
    }
  return facts;
}

static char *
case_name (const Case *c)
{
  g_autoptr (GPtrArray) list = assignments (c, G_MAXUINT);

  g_ptr_array_add (list, NULL);
  return g_strjoinv (" ", (char **)list->pdata);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
string_or_null (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

/* "true", "false" or "null": a boolean member as words, for comparing. */
static const char *
boolean_text (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  return json_node_get_boolean (node) ? "true" : "false";
}

/* The parts every surface must agree on, from classify's JSON. */
typedef struct
{
  char *klass;
  char *enhancements; /* "id=class/raises;…" for those that may be charged */
  char *protections;  /* "id=true;…" for those that apply or may */
  char *diversion;    /* "true", "false" or "null" */
} Parts;

static void
parts_clear (Parts *parts)
{
  g_free (parts->klass);
  g_free (parts->enhancements);
  g_free (parts->protections);
  g_free (parts->diversion);
}

static Parts
parts_of_classify (JsonObject *root)
{
  Parts parts = { 0 };
  JsonArray *enhancements = json_object_get_array_member (root, "enhancements");
  JsonNode *diversion = json_object_get_member (root, "diversion");
  GString *list = g_string_new (NULL);

  parts.klass = g_strdup (string_or_null (root, "class"));
  for (guint e = 0; e < json_array_get_length (enhancements); e++)
    {
      JsonObject *enhanced = json_array_get_object_element (enhancements, e);
      const char *klass = string_or_null (enhanced, "class");

      if (klass == NULL)
        continue;
      g_string_append_printf (list, "%s=%s/%s;",
                              string_or_null (enhanced, "id"), klass,
                              boolean_text (enhanced, "raises_exposure"));
    }
  parts.enhancements = g_string_free (list, FALSE);
  list = g_string_new (NULL);
  if (diversion != NULL && JSON_NODE_HOLDS_OBJECT (diversion))
    {
      JsonObject *object = json_node_get_object (diversion);
      JsonArray *protections
          = json_object_get_array_member (object, "protections");

      for (guint p = 0; p < json_array_get_length (protections); p++)
        {
          JsonObject *protection
              = json_array_get_object_element (protections, p);
          const char *applies = boolean_text (protection, "applies");

          if (g_str_equal (applies, "false"))
            continue;
          g_string_append_printf (list, "%s=%s;",
                                  string_or_null (protection, "id"), applies);
        }
      parts.diversion = g_strdup (boolean_text (object, "eligible"));
    }
  else
    parts.diversion = g_strdup ("null");
  parts.protections = g_string_free (list, FALSE);
  return parts;
}

/* A what-if row (or a batch row) lists enhancements and protections in the
 * same members. */
static Parts
parts_of_row (JsonObject *row)
{
  Parts parts = { 0 };
  JsonArray *enhancements = json_object_get_array_member (row, "enhancements");
  JsonArray *protections = json_object_get_array_member (row, "protections");
  GString *list = g_string_new (NULL);

  parts.klass = g_strdup (string_or_null (row, "class"));
  for (guint e = 0; e < json_array_get_length (enhancements); e++)
    {
      JsonObject *enhanced = json_array_get_object_element (enhancements, e);
      const char *klass = string_or_null (enhanced, "class");

      if (klass == NULL)
        continue;
      g_string_append_printf (list, "%s=%s/%s;",
                              string_or_null (enhanced, "id"), klass,
                              boolean_text (enhanced, "raises_exposure"));
    }
  parts.enhancements = g_string_free (list, FALSE);
  list = g_string_new (NULL);
  for (guint p = 0; p < json_array_get_length (protections); p++)
    {
      JsonObject *protection = json_array_get_object_element (protections, p);
      g_string_append_printf (list, "%s=%s;", string_or_null (protection, "id"),
                              boolean_text (protection, "applies"));
    }
  parts.protections = g_string_free (list, FALSE);
  parts.diversion = g_strdup (boolean_text (row, "diversion_eligible"));
  return parts;
}

static void
assert_same_parts (const Parts *expected, const Parts *got, const char *where,
                   const char *name)
{
  if (g_strcmp0 (expected->klass, got->klass) != 0
      || g_strcmp0 (expected->enhancements, got->enhancements) != 0
      || g_strcmp0 (expected->protections, got->protections) != 0
      || g_strcmp0 (expected->diversion, got->diversion) != 0)
    g_error ("%s disagrees with classify for %s:\n"
             "  class %s / %s\n  enhancements %s / %s\n"
             "  protections %s / %s\n  diversion %s / %s",
             where, name, expected->klass, got->klass, expected->enhancements,
             got->enhancements, expected->protections, got->protections,
             expected->diversion, got->diversion);
}

/* classify's "In short" lines, from its text. */
static char *
in_short_block (const char *text)
{
  const char *start = strstr (text, "In short:\n");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("In short:\n");
  end = start;
  while (g_str_has_prefix (end, "  "))
    end = strchr (end, '\n') + 1;
  return g_strndup (start, end - start);
}

static void
check_screen (const Case *c, const char *classify_text, const char *name)
{
  g_autoptr (PenalScreen) screen = penal_screen_new (model);
  g_autoptr (GPtrArray) list = assignments (c, G_MAXUINT);
  g_autoptr (GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *expected = in_short_block (classify_text);
  g_autofree char *got = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      penal_screen_prefill (screen, g_ptr_array_index (list, i), &error);
      g_assert_no_error (error);
    }
  result = penal_screen_result_text (screen, &error);
  g_assert_no_error (error);
  got = in_short_block (result);
  if (!g_str_equal (expected, got))
    g_error ("the interview's In short differs from classify's for %s:\n"
             "%s---\n%s",
             name, expected, got);
}

/* The what-if row holding the case, varying fact. */
static void
check_what_if (const Case *c, guint vary, gint64 value, const Parts *expected,
               const char *name)
{
  g_autoptr (PenalFacts) facts = facts_of (c, vary);
  const PenalFactDecl *decl = g_ptr_array_index (model->facts, vary);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = penal_what_if_report (model, facts, decl->name,
                                                PENAL_FORMAT_JSON, &error);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *ranges;

  g_assert_no_error (error);
  root = parse (json);
  ranges = json_object_get_array_member (json_node_get_object (root), "ranges");
  for (guint r = 0; r < json_array_get_length (ranges); r++)
    {
      JsonObject *row = json_array_get_object_element (ranges, r);
      gboolean holds;

      if (vary == PENAL_FACT_OFFENSE_DATE)
        {
          const char *from = string_or_null (row, "from");
          const char *to = string_or_null (row, "to");
          gint64 lo = PENAL_DATE_OPEN_START, hi = PENAL_DATE_OPEN_END;

          if (from != NULL)
            g_assert_true (penal_date_parse (from, &lo));
          if (to != NULL)
            g_assert_true (penal_date_parse (to, &hi));
          holds = lo <= value && value <= hi;
        }
      else
        holds = json_object_get_int_member (row, "min") <= value
                && value <= json_object_get_int_member (row, "max");
      if (holds)
        {
          g_autofree char *where
              = g_strdup_printf ("what-if --vary=%s", decl->name);
          Parts got = parts_of_row (row);

          assert_same_parts (expected, &got, where, name);
          parts_clear (&got);
          return;
        }
    }
  g_error ("no what-if row holds %s varying %s", name, decl->name);
}

static void
check_case (const Case *c)
{
  g_autoptr (PenalFacts) facts = facts_of (c, G_MAXUINT);
  g_autofree char *name = case_name (c);
  g_autoptr (GError) error = NULL;
  g_autofree char *json
      = penal_classify (model, facts, PENAL_FORMAT_JSON, &error);
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  Parts expected;

  g_assert_no_error (error);
  text = penal_classify (model, facts, PENAL_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  root = parse (json);
  expected = parts_of_classify (json_node_get_object (root));

  check_screen (c, text, name);
  check_what_if (c, PENAL_FACT_OFFENSE_DATE, c->date, &expected, name);
  for (guint i = 0; i < c->facts->len; i++)
    check_what_if (c, g_array_index (c->facts, guint, i),
                   g_array_index (c->values, gint64, i), &expected, name);
  parts_clear (&expected);
}

/* The boundary values of each fact the offense reads, and every
 * combination of them on every period start. */
static void
test_grid (gconstpointer data)
{
  const PenalOffense *offense = data;
  g_autoptr (GArray) starts = penal_offense_period_starts (offense);
  g_autoptr (GPtrArray) samples
      = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  Case c = { offense, 0, g_array_new (FALSE, FALSE, sizeof (guint)),
             g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autofree guint *at = NULL;
  guint n, cases = 0;

  for (guint i = 0; i < offense->facts_read->len; i++)
    {
      guint f = g_array_index (offense->facts_read, guint, i);
      const PenalFactDecl *decl = g_ptr_array_index (model->facts, f);
      g_autoptr (GArray) cuts = NULL;
      GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (f == PENAL_FACT_OFFENSE || f == PENAL_FACT_OFFENSE_DATE)
        continue;
      cuts = penal_regions_new (decl->min, decl->max);
      penal_regions_add_offense (cuts, offense, f, decl->min, decl->max);
      penal_regions_finish (cuts);
      for (guint r = 0; r < cuts->len; r++)
        {
          gint64 lo = g_array_index (cuts, gint64, r);
          gint64 hi = penal_regions_last (cuts, r, decl->max);

          g_array_append_val (values, lo);
          if (hi != lo)
            g_array_append_val (values, hi);
        }
      g_array_append_val (c.facts, f);
      g_ptr_array_add (samples, values);
    }
  n = c.facts->len;
  g_array_set_size (c.values, n);
  at = g_new0 (guint, n + 1);

  for (guint s = 0; s < starts->len; s++)
    {
      gint64 start = g_array_index (starts, gint64, s);

      /* The open start: a day long before the first version. */
      c.date = start == PENAL_DATE_OPEN_START ? start + 2400000 : start;
      memset (at, 0, sizeof (guint) * (n + 1));
      for (;;)
        {
          guint i;

          for (i = 0; i < n; i++)
            g_array_index (c.values, gint64, i) = g_array_index (
                (GArray *)g_ptr_array_index (samples, i), gint64, at[i]);
          check_case (&c);
          cases++;
          for (i = n; i > 0; i--)
            {
              if (++at[i - 1]
                  < ((GArray *)g_ptr_array_index (samples, i - 1))->len)
                break;
              at[i - 1] = 0;
            }
          if (i == 0)
            break;
        }
    }
  g_test_message ("%u cases of %s agree on every surface", cases, offense->id);
  g_assert_cmpuint (cases, >=, starts->len * 4);
  g_array_unref (c.facts);
  g_array_unref (c.values);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) loaded = NULL;
  const char *statutes;

  g_test_init (&argc, &argv, NULL);

  statutes = g_getenv ("PENAL_STATUTES");
  if (statutes != NULL)
    loaded = penal_model_load_directory (statutes, &error);
  else
    loaded = penal_model_load_bundled (&error);
  g_assert_no_error (error);
  model = loaded;

  for (guint o = 0; o < model->offenses->len; o++)
    {
      const PenalOffense *offense = g_ptr_array_index (model->offenses, o);
      g_autofree char *path
          = g_strdup_printf ("/surfaces/grid/%s", offense->id);
      g_test_add_data_func (path, offense, test_grid);
    }
  return g_test_run ();
}
