/* penal-render.c: an outcome as prose (translated) or as JSON (stable codes).
 *
 * Both renderings are built from the same trace: a list of steps, each a
 * sentence and the citation that supports it.  Sentences written in the
 * statute files are English and go through gettext here, in the program's
 * text domain, so translators see them in po/ like any other message; quoted
 * statute text is never translated. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-render.h"

static void
trace_step_free (PenalTraceStep *step)
{
  g_free (step->citation);
  g_free (step->text);
  g_free (step);
}

/* Statute sentences are translated through the program's domain; an empty
 * string stays empty rather than returning the PO header. */
const char *
penal_statute_text (const char *english)
{
  if (english == NULL || english[0] == '\0')
    return english;
  return g_dgettext (GETTEXT_PACKAGE, english);
}

const char *
penal_standing_to_text (const char *standing)
{
  if (g_strcmp0 (standing, "verbatim") == 0)
    /* TRANSLATORS: standing of a legal figure: quoted from the statute. */
    return _("statute text");
  if (g_strcmp0 (standing, "secondary") == 0)
    /* TRANSLATORS: standing: stated by a treatise, news story or city code. */
    return _("secondary source");
  if (g_strcmp0 (standing, "inference") == 0)
    /* TRANSLATORS: standing: reasoned, not stated by any source. */
    return _("inference");
  /* TRANSLATORS: standing: nobody has established it. */
  return _("not established");
}

char *
penal_duration_to_text (const PenalDuration *duration)
{
  switch (duration->unit)
    {
    case 'Y':
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", duration->amount),
                              duration->amount);
    case 'M':
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", duration->amount),
                              duration->amount);
    case 'D':
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", duration->amount),
                              duration->amount);
    }
}

char *
penal_usd_to_text (gint64 usd)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, usd);
  /* TRANSLATORS: the separator between groups of three digits in amounts of
     money, for example "," in English and "." in Spanish. */
  const char *separator = C_("thousands separator", ",");
  g_autoptr (GString) grouped = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (grouped, separator);
      g_string_append_c (grouped, digits[i]);
    }
  /* TRANSLATORS: an amount in US dollars; %s is the number. */
  return g_strdup_printf (_("$%s"), grouped->str);
}

static void
add_step (GPtrArray  *trace,
          const char *citation,
          char       *text)
{
  PenalTraceStep *step = g_new0 (PenalTraceStep, 1);

  step->citation = g_strdup (citation);
  step->text = text;
  g_ptr_array_add (trace, step);
}

/* (transfer full): text, followed by how it is known unless it is quoted
 * statute text.  Takes text. */
char *
penal_with_standing (char       *text,
                     const char *standing)
{
  char *with;

  if (g_strcmp0 (standing, "verbatim") == 0)
    return text;
  /* TRANSLATORS: a sentence, then how its figure is known, e.g.
     "Fine: up to $500. (standing: secondary source)". */
  with = g_strdup_printf (_("%s (standing: %s)"), text, penal_standing_to_text (standing));
  g_free (text);
  return with;
}

/* A step whose figure is not quoted statute text says how it is known. */
static void
add_step_with_standing (GPtrArray  *trace,
                        const char *citation,
                        const char *standing,
                        char       *text)
{
  add_step (trace, citation, penal_with_standing (text, standing));
}

char *
penal_imprisonment_text (const PenalClassPenalty *p)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (p->imprisonment_max.iso == NULL && !p->life)
    return g_strdup (_("Imprisonment: none is authorized."));
  if (p->imprisonment_max.iso != NULL)
    max = penal_duration_to_text (&p->imprisonment_max);
  if (p->imprisonment_min.iso != NULL)
    {
      min = penal_duration_to_text (&p->imprisonment_min);
      if (p->life)
        /* TRANSLATORS: for example "from 10 years to 30 years, or life imprisonment". */
        return g_strdup_printf (_("Imprisonment: from %s to %s, or life imprisonment."), min, max);
      return g_strdup_printf (_("Imprisonment: from %s to %s."), min, max);
    }
  if (p->life)
    return g_strdup_printf (_("Imprisonment: up to %s, or life imprisonment."), max);
  return g_strdup_printf (_("Imprisonment: up to %s."), max);
}

char *
penal_fine_text (const PenalClassPenalty *p)
{
  g_autofree char *max = NULL;

  if (p->fine_max_usd < 0)
    return g_strdup (_("Fine: none is authorized for this class."));
  max = penal_usd_to_text (p->fine_max_usd);
  return g_strdup_printf (_("Fine: up to %s."), max);
}

static char *
gain_text (const PenalClassPenalty *p)
{
  if (p->gain_cap_usd >= 0)
    {
      g_autofree char *cap = penal_usd_to_text (p->gain_cap_usd);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Instead of that fine, the court may fine up to %u time the offender's gain from the offense, at most %s.",
                                           "Instead of that fine, the court may fine up to %u times the offender's gain from the offense, at most %s.",
                                           p->gain_multiple),
                              p->gain_multiple, cap);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Instead of that fine, the court may fine up to %u time the offender's gain from the offense.",
                                       "Instead of that fine, the court may fine up to %u times the offender's gain from the offense.",
                                       p->gain_multiple),
                          p->gain_multiple);
}

static void
add_decided_steps (GPtrArray          *trace,
                   const PenalOutcome *outcome)
{
  const PenalRule *rule = outcome->rule;
  const PenalClassPenalty *p = outcome->penalty;

  switch (rule->kind)
    {
    case PENAL_RULE_CLASS:
      add_step_with_standing (trace, rule->citation, rule->standing,
                /* TRANSLATORS: %s is an explanation sentence, then the class name. */
                g_strdup_printf (_("%s So the offense is a %s."),
                                 penal_statute_text (rule->explain),
                                 penal_class_to_name (rule->klass)));
      break;
    case PENAL_RULE_NOT_APPLICABLE:
      add_step (trace, rule->citation,
                g_strdup_printf (_("%s So this does not apply."),
                                 penal_statute_text (rule->explain)));
      return;
    case PENAL_RULE_OPEN:
    default:
      add_step (trace, rule->citation,
                g_strdup_printf (_("%s The class is not established, so penal cannot give one."),
                                 penal_statute_text (rule->explain)));
      return;
    }

  if (p == NULL)
    return;
  add_step_with_standing (trace, p->imprisonment_citation, p->imprisonment_standing,
                          penal_imprisonment_text (p));
  if (p->county_jail_max.iso != NULL)
    {
      g_autofree char *jail = penal_duration_to_text (&p->county_jail_max);
      add_step_with_standing (trace, p->county_jail_citation, p->county_jail_standing,
                g_strdup_printf (_("Instead, the court may imprison for a special term of up to %s in the county jail."),
                                 jail));
    }
  add_step_with_standing (trace, p->fine_citation, p->fine_standing, penal_fine_text (p));
  if (p->gain_multiple > 0)
    add_step_with_standing (trace, p->gain_citation, p->gain_standing, gain_text (p));
  for (guint i = 0; i < p->notes->len; i++)
    {
      const PenalNote *note = g_ptr_array_index (p->notes, i);
      add_step (trace, note->citation, g_strdup (penal_statute_text (note->text)));
    }
}

static void
add_version_step (GPtrArray          *trace,
                  const PenalOutcome *outcome,
                  const PenalVersion *version)
{
  g_autofree char *date = penal_date_to_display (outcome->offense_date);

  add_step (trace, outcome->offense->statute,
            /* TRANSLATORS: "<version title> applies to an offense committed on
               <date> (standing: <statute text|secondary source|inference|not
               established>)." */
            g_strdup_printf (_("%s applies to an offense committed on %s (standing: %s)."),
                             penal_statute_text (version->title), date,
                             penal_standing_to_text (version->standing)));
}

/* (transfer full): an array of PenalTraceStep. */
GPtrArray *
penal_outcome_trace (const PenalOutcome *outcome)
{
  GPtrArray *trace = g_ptr_array_new_with_free_func ((GDestroyNotify) trace_step_free);

  g_return_val_if_fail (outcome != NULL, trace);

  if (outcome->offense == NULL)
    return trace;

  if (outcome->status == PENAL_STATUS_DECIDED)
    {
      add_version_step (trace, outcome, outcome->version);
      if (outcome->version_uncertain)
        add_step (trace, outcome->offense->statute,
                  g_strdup_printf (_("Which version was in force on that date is not established: %s Every candidate version gives the same answer here."),
                                   penal_statute_text (outcome->reason)));
      add_decided_steps (trace, outcome);
      if (outcome->era != NULL && outcome->penalty != NULL)
        add_step (trace, NULL,
                  g_strdup_printf (_("Penalties from %s."),
                                   penal_statute_text (outcome->era->title)));
    }
  else if (outcome->status == PENAL_STATUS_AMBIGUOUS)
    add_step (trace, outcome->offense->statute,
              g_strdup_printf (_("More than one version of %s may have been in force on that date, and they give different answers: %s"),
                               outcome->offense->statute,
                               penal_statute_text (outcome->reason)));
  else
    for (guint i = 0; i < outcome->missing->len; i++)
      {
        const PenalFactDecl *fact = g_ptr_array_index (outcome->missing, i);
        add_step (trace, outcome->offense->statute,
                  g_strdup_printf (_("The answer depends on %s (%s), which was not given."),
                                   fact->name, penal_statute_text (fact->label)));
      }
  return trace;
}

static char *
fact_value_text (const PenalFactDecl *fact,
                 gint64               value)
{
  switch (fact->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup (value ? "yes" : "no");  /* typed values: never translated */
    case PENAL_FACT_TYPE_ENUM:
      return g_strdup (fact->values[value]);
    case PENAL_FACT_TYPE_DATE:
      return penal_date_to_iso (value);
    case PENAL_FACT_TYPE_INTEGER:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

/* The flat penalty members of batch rows and the student commands:
 * imprisonment_min, imprisonment_max, life, county_jail_max, fine_max_usd,
 * all null when p is NULL. */
void
penal_json_add_penalty_fields (JsonBuilder             *builder,
                               const PenalClassPenalty *p)
{
  penal_json_add_string_or_null (builder, "imprisonment_min", p != NULL ? p->imprisonment_min.iso : NULL);
  penal_json_add_string_or_null (builder, "imprisonment_max", p != NULL ? p->imprisonment_max.iso : NULL);
  json_builder_set_member_name (builder, "life");
  if (p != NULL)
    json_builder_add_boolean_value (builder, p->life);
  else
    json_builder_add_null_value (builder);
  penal_json_add_string_or_null (builder, "county_jail_max", p != NULL ? p->county_jail_max.iso : NULL);
  json_builder_set_member_name (builder, "fine_max_usd");
  if (p != NULL && p->fine_max_usd >= 0)
    json_builder_add_int_value (builder, p->fine_max_usd);
  else
    json_builder_add_null_value (builder);
}

/* A range of a fact's values in a few characters: "15", "15–17", "18+"
 * (up to the top of the domain), "yes"; for dates, ISO dates. */
char *
penal_range_to_text (const PenalFactDecl *fact,
                     gint64               lo,
                     gint64               hi)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (fact->type == PENAL_FACT_TYPE_DATE)
    {
      /* ISO 8601 intervals, ".." for an open end. */
      if (lo <= PENAL_DATE_OPEN_START && hi >= PENAL_DATE_OPEN_END)
        return g_strdup ("..");
      if (lo <= PENAL_DATE_OPEN_START)
        return g_strconcat ("..", high = penal_date_to_iso (hi), NULL);
      if (hi >= PENAL_DATE_OPEN_END)
        return g_strconcat (low = penal_date_to_iso (lo), "..", NULL);
      if (lo != hi)
        {
          low = penal_date_to_iso (lo);
          high = penal_date_to_iso (hi);
          return g_strconcat (low, "..", high, NULL);
        }
    }
  low = fact_value_text (fact, lo);
  if (lo == hi)
    return g_steal_pointer (&low);
  if (fact->type == PENAL_FACT_TYPE_INTEGER && hi == fact->max && lo > fact->min)
    return g_strconcat (low, "+", NULL);
  high = fact_value_text (fact, hi);
  return g_strdup_printf ("%s–%s", low, high);
}

char *
penal_possibility_to_text (const PenalPossibility *possibility)
{
  g_autofree char *lo = fact_value_text (possibility->fact, possibility->lo);
  g_autofree char *hi = NULL;

  if (possibility->lo == possibility->hi)
    return g_strdup_printf ("%s=%s", possibility->fact->name, lo);
  hi = fact_value_text (possibility->fact, possibility->hi);
  return g_strdup_printf ("%s=%s–%s", possibility->fact->name, lo, hi);
}

/* Appends text wrapped into lines of at most width columns, every line
 * after the first indented by indent columns (the first continues from
 * column first_column). */
void
penal_append_wrapped (GString    *out,
                      const char *text,
                      guint       first_column,
                      guint       indent,
                      guint       width)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint column = first_column;
  gboolean line_empty = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = (guint) g_utf8_strlen (words[i], -1);

      if (words[i][0] == '\0')
        continue;
      if (!line_empty && column + 1 + length > width)
        {
          g_string_append_c (out, '\n');
          for (guint c = 0; c < indent; c++)
            g_string_append_c (out, ' ');
          column = indent;
          line_empty = TRUE;
        }
      else if (!line_empty)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += length;
      line_empty = FALSE;
    }
  g_string_append_c (out, '\n');
}

static void
append_trace (GString   *out,
              GPtrArray *trace)
{
  for (guint i = 0; i < trace->len; i++)
    {
      const PenalTraceStep *step = g_ptr_array_index (trace, i);
      if (step->citation != NULL)
        g_string_append_printf (out, "  %s [%s]\n", step->text, step->citation);
      else
        g_string_append_printf (out, "  %s\n", step->text);
    }
}

static void
append_enhancements (GString            *out,
                     const PenalOutcome *outcome)
{
  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *enhanced = g_ptr_array_index (outcome->enhancements, e);
      const PenalOffense *statute = enhanced->offense;

      g_string_append_printf (out, _("%s (%s): %s\n"),
                              penal_statute_text (statute->title), statute->statute,
                              penal_statute_text (statute->condition));
      if (enhanced->status == PENAL_STATUS_DECIDED
          && enhanced->rule->kind == PENAL_RULE_NOT_APPLICABLE)
        {
          g_string_append_printf (out, "  %s [%s]\n",
                                  penal_statute_text (enhanced->rule->explain),
                                  enhanced->rule->citation);
          continue;
        }
      {
        g_autoptr (GPtrArray) trace = penal_outcome_trace (enhanced);
        append_trace (out, trace);
      }
    }
}

static void
append_possibilities (GString            *out,
                      const PenalOutcome *outcome)
{
  for (guint i = 0; i < outcome->possible->len; i++)
    {
      const PenalPossibility *p = &g_array_index (outcome->possible, PenalPossibility, i);
      g_autofree char *range = penal_possibility_to_text (p);
      g_autofree char *prefix = p->version != NULL
        ? g_strdup_printf ("%s: ", penal_statute_text (p->version->title))
        : g_strdup ("");

      if (p->rule != NULL && p->rule->kind == PENAL_RULE_CLASS)
        g_string_append_printf (out, "  - %s%s → %s [%s]\n", prefix, range,
                                penal_class_to_name (p->rule->klass), p->rule->citation);
      else
        /* TRANSLATORS: a range of a fact that leads to further questions. */
        g_string_append_printf (out, _("  - %s%s → depends on further facts\n"), prefix, range);
    }
}

char *
penal_render_text (const PenalModel   *model,
                   const PenalOutcome *outcome)
{
  GString *out = g_string_new (NULL);
  g_autofree char *date = penal_date_to_display (outcome->offense_date);
  g_autoptr (GPtrArray) trace = penal_outcome_trace (outcome);

  if (outcome->offense == NULL)
    {
      g_string_append (out, _("Which offense? Give offense=… with one of:\n"));
      for (guint i = 0; i < model->offenses->len; i++)
        {
          const PenalOffense *offense = g_ptr_array_index (model->offenses, i);
          g_string_append_printf (out, "  - offense=%s: %s (%s)\n", offense->id,
                                  penal_statute_text (offense->title), offense->statute);
        }
      return g_string_free (out, FALSE);
    }

  /* TRANSLATORS: "<offense title> (<statute>), offense committed on <date>". */
  g_string_append_printf (out, _("%s (%s), offense committed on %s:\n"),
                          penal_statute_text (outcome->offense->title),
                          outcome->offense->statute, date);

  switch (outcome->status)
    {
    case PENAL_STATUS_DECIDED:
      g_string_append_printf (out, _("Class: %s [%s]\n"),
                              penal_class_to_name (outcome->rule->klass),
                              outcome->rule->citation);
      append_trace (out, trace);
      break;
    case PENAL_STATUS_NEEDS_FACTS:
      g_string_append (out, _("More facts are needed.\n"));
      append_trace (out, trace);
      g_string_append (out, _("Where each answer leads:\n"));
      append_possibilities (out, outcome);
      break;
    case PENAL_STATUS_AMBIGUOUS:
      g_string_append (out, _("Ambiguous: the answer depends on a date no source has established.\n"));
      append_trace (out, trace);
      for (guint c = 0; c < outcome->candidates->len; c++)
        {
          const PenalOutcome *candidate = g_ptr_array_index (outcome->candidates, c);
          g_autoptr (GPtrArray) candidate_trace = penal_outcome_trace (candidate);

          g_string_append_printf (out, _("If %s applies — %s [%s]:\n"),
                                  penal_statute_text (candidate->version->title),
                                  penal_class_to_name (candidate->rule->klass),
                                  candidate->rule->citation);
          append_trace (out, candidate_trace);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  append_enhancements (out, outcome);
  penal_diversion_append_text (out, outcome);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static void
add_date_or_null (JsonBuilder *builder,
                  const char  *member,
                  gint64       julian,
                  gint64       open_value)
{
  json_builder_set_member_name (builder, member);
  if (julian == open_value)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *iso = penal_date_to_iso (julian);
      json_builder_add_string_value (builder, iso);
    }
}

void
penal_json_add_string_or_null (JsonBuilder *builder,
                               const char  *member,
                               const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_usd_or_null (JsonBuilder *builder,
                 const char  *member,
                 gint64       usd)
{
  json_builder_set_member_name (builder, member);
  if (usd < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, usd);
}

static void
add_version (JsonBuilder        *builder,
             const PenalVersion *version,
             gboolean            uncertain)
{
  json_builder_set_member_name (builder, "version");
  if (version == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  penal_json_add_string_or_null (builder, "id", version->id);
  penal_json_add_string_or_null (builder, "title", penal_statute_text (version->title));
  add_date_or_null (builder, "from", version->effective.from, PENAL_DATE_OPEN_START);
  add_date_or_null (builder, "to", version->effective.to, PENAL_DATE_OPEN_END);
  if (version->effective.from_latest != version->effective.from)
    add_date_or_null (builder, "from_latest", version->effective.from_latest, -1);
  if (version->effective.to_earliest != version->effective.to)
    add_date_or_null (builder, "to_earliest", version->effective.to_earliest, -1);
  penal_json_add_string_or_null (builder, "standing", version->standing);
  json_builder_set_member_name (builder, "uncertain");
  json_builder_add_boolean_value (builder, uncertain);
  json_builder_end_object (builder);
}

static void
add_penalty (JsonBuilder             *builder,
             const PenalClassPenalty *p)
{
  json_builder_set_member_name (builder, "imprisonment");
  if (p == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "min", p->imprisonment_min.iso);
      penal_json_add_string_or_null (builder, "max", p->imprisonment_max.iso);
      json_builder_set_member_name (builder, "life");
      json_builder_add_boolean_value (builder, p->life);
      penal_json_add_string_or_null (builder, "county_jail_alternative", p->county_jail_max.iso);
      penal_json_add_string_or_null (builder, "citation", p->imprisonment_citation);
      penal_json_add_string_or_null (builder, "county_jail_citation", p->county_jail_citation);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "fine");
  if (p == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_usd_or_null (builder, "max_usd", p->fine_max_usd);
      penal_json_add_string_or_null (builder, "citation", p->fine_citation);
      json_builder_set_member_name (builder, "gain_alternative");
      if (p->gain_multiple == 0)
        json_builder_add_null_value (builder);
      else
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "multiple");
          json_builder_add_int_value (builder, p->gain_multiple);
          add_usd_or_null (builder, "cap_usd", p->gain_cap_usd);
          penal_json_add_string_or_null (builder, "citation", p->gain_citation);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
}

static void
add_trace (JsonBuilder        *builder,
           const PenalOutcome *outcome)
{
  g_autoptr (GPtrArray) trace = penal_outcome_trace (outcome);

  json_builder_set_member_name (builder, "trace");
  json_builder_begin_array (builder);
  for (guint i = 0; i < trace->len; i++)
    {
      const PenalTraceStep *step = g_ptr_array_index (trace, i);
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "citation", step->citation);
      penal_json_add_string_or_null (builder, "text", step->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sources_of (JsonBuilder *builder,
                GHashTable  *seen,
                GPtrArray   *sources)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PenalSource *source = g_ptr_array_index (sources, i);
      if (!g_hash_table_add (seen, source->id))
        continue;
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "citation", source->citation);
      penal_json_add_string_or_null (builder, "url", source->url);
      penal_json_add_string_or_null (builder, "standing", source->standing);
      json_builder_end_object (builder);
    }
}

static void
add_sources (JsonBuilder        *builder,
             const PenalOutcome *outcome)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  if (outcome->version != NULL)
    add_sources_of (builder, seen, outcome->version->sources);
  for (guint c = 0; c < outcome->candidates->len; c++)
    add_sources_of (builder, seen,
                    ((PenalOutcome *) g_ptr_array_index (outcome->candidates, c))->version->sources);
  if (outcome->era != NULL)
    add_sources_of (builder, seen, outcome->era->sources);
  json_builder_end_array (builder);
}

static void add_outcome_members (JsonBuilder        *builder,
                                 const PenalModel   *model,
                                 const PenalOutcome *outcome,
                                 gboolean            top_level);

static void
add_possible (JsonBuilder        *builder,
              const PenalOutcome *outcome)
{
  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->missing->len; i++)
    json_builder_add_string_value (builder,
                                   ((PenalFactDecl *) g_ptr_array_index (outcome->missing, i))->name);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "possible");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->possible->len; i++)
    {
      const PenalPossibility *p = &g_array_index (outcome->possible, PenalPossibility, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "when");
      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "fact", p->fact->name);
      if (p->fact->type == PENAL_FACT_TYPE_INTEGER)
        {
          json_builder_set_member_name (builder, "min");
          json_builder_add_int_value (builder, p->lo);
          json_builder_set_member_name (builder, "max");
          json_builder_add_int_value (builder, p->hi);
        }
      else
        {
          g_autofree char *value = p->fact->type == PENAL_FACT_TYPE_BOOLEAN
            ? g_strdup (p->lo ? "yes" : "no")
            : p->fact->type == PENAL_FACT_TYPE_ENUM ? g_strdup (p->fact->values[p->lo])
            : penal_date_to_iso (p->lo);
          penal_json_add_string_or_null (builder, "value", value);
        }
      json_builder_end_object (builder);
      penal_json_add_string_or_null (builder, "class",
                          p->rule != NULL && p->rule->kind == PENAL_RULE_CLASS
                            ? penal_class_to_code (p->rule->klass) : NULL);
      penal_json_add_string_or_null (builder, "citation", p->rule != NULL ? p->rule->citation : NULL);
      if (p->version != NULL)
        penal_json_add_string_or_null (builder, "version", p->version->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_outcome_members (JsonBuilder        *builder,
                     const PenalModel   *model,
                     const PenalOutcome *outcome,
                     gboolean            top_level)
{
  gboolean decided = outcome->status == PENAL_STATUS_DECIDED;
  const PenalRule *rule = decided ? outcome->rule : NULL;

  penal_json_add_string_or_null (builder, "status", penal_status_to_code (outcome->status));
  if (top_level)
    {
      penal_json_add_string_or_null (builder, "jurisdiction", model->jurisdiction);
      penal_json_add_string_or_null (builder, "offense",
                          outcome->offense != NULL ? outcome->offense->id : NULL);
      add_date_or_null (builder, "offense_date", outcome->offense_date, -1);
    }
  penal_json_add_string_or_null (builder, "statute",
                      outcome->offense != NULL ? outcome->offense->statute : NULL);
  penal_json_add_string_or_null (builder, "citation", rule != NULL ? rule->citation : NULL);
  add_version (builder, outcome->candidates->len > 0 && !decided ? NULL : outcome->version,
               outcome->version_uncertain);
  penal_json_add_string_or_null (builder, "class",
                      rule != NULL && rule->kind == PENAL_RULE_CLASS
                        ? penal_class_to_code (rule->klass) : NULL);
  add_penalty (builder, outcome->penalty);
  add_trace (builder, outcome);
  add_sources (builder, outcome);

  if (outcome->status == PENAL_STATUS_NEEDS_FACTS)
    add_possible (builder, outcome);
  if (outcome->candidates->len > 0)
    {
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      for (guint c = 0; c < outcome->candidates->len; c++)
        {
          json_builder_begin_object (builder);
          add_outcome_members (builder, model, g_ptr_array_index (outcome->candidates, c), FALSE);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      penal_json_add_string_or_null (builder, "reason", penal_statute_text (outcome->reason));
    }
}

JsonNode *
penal_render_json (const PenalModel   *model,
                   const PenalOutcome *outcome)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *explanation = penal_render_text (model, outcome);

  json_builder_begin_object (builder);
  add_outcome_members (builder, model, outcome, TRUE);

  json_builder_set_member_name (builder, "enhancements");
  json_builder_begin_array (builder);
  for (guint e = 0; e < outcome->enhancements->len; e++)
    {
      const PenalOutcome *enhanced = g_ptr_array_index (outcome->enhancements, e);
      const PenalRule *rule = enhanced->status == PENAL_STATUS_DECIDED ? enhanced->rule : NULL;

      json_builder_begin_object (builder);
      penal_json_add_string_or_null (builder, "id", enhanced->offense->id);
      penal_json_add_string_or_null (builder, "title", penal_statute_text (enhanced->offense->title));
      penal_json_add_string_or_null (builder, "condition", penal_statute_text (enhanced->offense->condition));
      json_builder_set_member_name (builder, "applies");
      if (rule == NULL || rule->kind == PENAL_RULE_OPEN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, rule->kind == PENAL_RULE_CLASS);
      add_outcome_members (builder, model, enhanced, FALSE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "diversion");
  if (outcome->offense == NULL)
    json_builder_add_null_value (builder);
  else
    penal_diversion_add_json (builder, outcome);

  penal_json_add_string_or_null (builder, "explanation", explanation);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* (transfer full): the node as JSON text, indented by two spaces when
 * pretty. */
char *
penal_json_to_string (JsonNode *root,
                      gboolean  pretty)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

char *
penal_render_json_string (const PenalModel   *model,
                          const PenalOutcome *outcome,
                          gboolean            pretty)
{
  g_autoptr (JsonNode) root = penal_render_json (model, outcome);

  return penal_json_to_string (root, pretty);
}
