/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-screen.c: the guided screening interview for clinic volunteers.
 *
 * The interview keeps a PenalFacts and, per fact, whether the person said
 * "I don't know".  The next question is found by walking, in order, the
 * decision trees that could decide the answer: the offense's, then its
 * enhancements', then its programs', for every version in force on the
 * offense date.  The walk follows known facts, explores every branch of a
 * fact nobody knows, and stops at the first fact that is neither: that is
 * the only question whose answer can still change the result.  When the
 * walk finds nothing the interview is over.  If the offense date itself is
 * not known, the walk covers one date in each period in which any version
 * or penalty table differs, and the result is given period by period.
 *
 * The engine reads and writes nothing: a front end asks for the next
 * question, hands over the person's words and prints what it is given
 * (src/cli/cmd-screen.c at a terminal; a web form replays the answers it
 * carries with penal_screen_replay()).  The answers given are kept in
 * order, so the last can be taken back. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-diversion.h"
#include "penal-interview.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-screen-private.h"
#include "penal-text.h"
#include "penal-tree.h"
#include "penal.h"

PenalScreen *
penal_screen_new (const PenalModel *model)
{
  PenalScreen *screen;

  g_return_val_if_fail (model != NULL, NULL);

  screen = g_new0 (PenalScreen, 1);
  screen->model = model;
  screen->facts = penal_facts_new (model);
  screen->unknown = g_new0 (gboolean, model->facts->len);
  screen->answered = g_array_new (FALSE, FALSE, sizeof (guint));
  return screen;
}

void
penal_screen_free (PenalScreen *screen)
{
  if (screen == NULL)
    return;
  penal_facts_free (screen->facts);
  g_free (screen->unknown);
  g_array_unref (screen->answered);
  g_free (screen);
}

/* The declaration of fact, which the caller has checked the statutes
 * declare. */
static const PenalFactDecl *
declared (PenalScreen *screen, guint fact)
{
  return g_ptr_array_index (screen->model->facts, fact);
}

/* A fact given on the command line; NAME=? means "I don't know". */
gboolean
penal_screen_prefill (PenalScreen *screen, const char *assignment,
                      GError **error)
{
  const char *equals;

  g_return_val_if_fail (screen != NULL && assignment != NULL, FALSE);

  equals = strchr (assignment, '=');
  if (equals != NULL && g_str_equal (equals + 1, PENAL_SCREEN_DONT_KNOW))
    {
      g_autofree char *name = g_strndup (assignment, equals - assignment);
      guint index;

      if (penal_model_lookup_fact (screen->model, name, &index) != NULL)
        {
          screen->unknown[index] = TRUE;
          return TRUE;
        }
    }
  return penal_facts_parse_assignment (screen->facts, assignment, error);
}

const PenalOffense *
penal_screen_chosen_offense (const PenalScreen *screen)
{
  gint64 index;

  if (!penal_facts_get (screen->facts, PENAL_FACT_OFFENSE, &index))
    return NULL;
  return g_ptr_array_index (screen->model->offenses, index);
}

/* One day inside period i, to evaluate it by. */
gint64
penal_screen_period_sample (GArray *starts, guint i)
{
  gint64 start = g_array_index (starts, gint64, i);

  if (start != PENAL_DATE_OPEN_START)
    return start;
  if (i + 1 < starts->len)
    return g_array_index (starts, gint64, i + 1) - 1;
  return penal_date_today ();
}

/* The offense dates the answer may depend on: the one given, or one per
 * period when nobody knows it. */
static GArray *
candidate_dates (const PenalScreen *screen, const PenalOffense *offense)
{
  gint64 date;
  GArray *dates;

  if (penal_facts_get (screen->facts, PENAL_FACT_OFFENSE_DATE, &date))
    {
      dates = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (dates, date);
      return dates;
    }
  {
    g_autoptr (GArray) starts = penal_offense_period_starts (offense);
    dates = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < starts->len; i++)
      {
        gint64 sample = penal_screen_period_sample (starts, i);
        g_array_append_val (dates, sample);
      }
  }
  return dates;
}

static gint
next_fact_in (const PenalScreen *screen, const PenalOffense *statute,
              GArray *dates)
{
  for (guint d = 0; d < dates->len; d++)
    for (guint v = 0; v < statute->versions->len; v++)
      {
        const PenalVersion *version = g_ptr_array_index (statute->versions, v);
        gint fact;

        if (!penal_effective_may_cover (&version->dated.effective,
                                        g_array_index (dates, gint64, d)))
          continue;
        fact = penal_tree_next_fact (version->tree, screen->facts,
                                     screen->unknown);
        if (fact >= 0)
          return fact;
      }
  return -1;
}

/* The fact to ask about next, or -1 when no answer can change the result. */
gint
penal_screen_next_fact (PenalScreen *screen)
{
  const PenalOffense *offense;
  g_autoptr (GArray) dates = NULL;
  gint fact;

  g_return_val_if_fail (screen != NULL, -1);

  offense = penal_screen_chosen_offense (screen);
  if (offense == NULL)
    return screen->unknown[PENAL_FACT_OFFENSE] ? -1 : PENAL_FACT_OFFENSE;
  if (!penal_facts_get (screen->facts, PENAL_FACT_OFFENSE_DATE, NULL)
      && !screen->unknown[PENAL_FACT_OFFENSE_DATE])
    return PENAL_FACT_OFFENSE_DATE;

  dates = candidate_dates (screen, offense);
  fact = next_fact_in (screen, offense, dates);
  for (guint e = 0; fact < 0 && e < offense->enhancements->len; e++)
    fact = next_fact_in (screen, g_ptr_array_index (offense->enhancements, e),
                         dates);
  for (guint p = 0; fact < 0 && p < offense->programs->len; p++)
    fact = next_fact_in (screen, g_ptr_array_index (offense->programs, p),
                         dates);
  return fact;
}

/* The question alone, in one sentence, without the choices. */
char *
penal_screen_question_title (PenalScreen *screen, guint fact)
{
  const PenalFactDecl *decl;

  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        NULL);

  decl = declared (screen, fact);
  if (fact == PENAL_FACT_OFFENSE)
    return g_strdup (_ ("What is the person charged with?"));
  if (fact == PENAL_FACT_OFFENSE_DATE)
    return g_strdup (_ ("On what date did the offense happen?"));
  if (decl->question != NULL)
    return g_strdup (penal_statute_text (decl->question));
  /* TRANSLATORS: the question for a fact that has no question of its own;
     %s is the fact's description, e.g. "age in years of the person". */
  return g_strdup_printf (_ ("What is the %s?"),
                          penal_statute_text (decl->label));
}

/* The question as a terminal shows it: the sentence, then the choices
 * numbered from 1. */
char *
penal_screen_question (PenalScreen *screen, guint fact)
{
  GString *out;

  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        NULL);

  out = g_string_new (NULL);
  {
    g_autofree char *title = penal_screen_question_title (screen, fact);
    g_string_append (out, title);
  }
  for (guint i = 0; i < penal_screen_get_n_choices (screen, fact); i++)
    {
      g_autofree char *label = penal_screen_choice_label (screen, fact, i);
      const char *description
          = penal_screen_choice_description (screen, fact, i);

      g_string_append_printf (out, "\n  %u  %s", i + 1, label);
      if (description != NULL)
        g_string_append_printf (out, ": %s", description);
    }
  return g_string_free (out, FALSE);
}

/* The choices of a question that has them (0 for the others). */
guint
penal_screen_get_n_choices (PenalScreen *screen, guint fact)
{
  const PenalFactDecl *decl;

  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len, 0);

  decl = declared (screen, fact);
  if (decl->type != PENAL_FACT_TYPE_ENUM)
    return 0;
  return g_strv_length (decl->values);
}

/* The value a front end sends back for choice i, as penal_screen_answer()
 * takes it. */
const char *
penal_screen_choice_value (PenalScreen *screen, guint fact, guint i)
{
  const PenalFactDecl *decl;

  g_return_val_if_fail (i < penal_screen_get_n_choices (screen, fact), NULL);

  decl = declared (screen, fact);
  return decl->values[i];
}

/* Choice i in plain words: an offense's title and statute. */
char *
penal_screen_choice_label (PenalScreen *screen, guint fact, guint i)
{
  g_return_val_if_fail (i < penal_screen_get_n_choices (screen, fact), NULL);

  if (fact == PENAL_FACT_OFFENSE && i < screen->model->offenses->len)
    {
      const PenalOffense *offense
          = g_ptr_array_index (screen->model->offenses, i);
      return g_strdup_printf ("%s (%s)", penal_statute_text (offense->title),
                              offense->statute);
    }
  return g_strdup (penal_screen_choice_value (screen, fact, i));
}

/* What choice i means, in a sentence, or NULL. */
const char *
penal_screen_choice_description (PenalScreen *screen, guint fact, guint i)
{
  g_return_val_if_fail (i < penal_screen_get_n_choices (screen, fact), NULL);

  if (fact == PENAL_FACT_OFFENSE && i < screen->model->offenses->len)
    {
      const PenalOffense *offense
          = g_ptr_array_index (screen->model->offenses, i);
      if (offense->description != NULL)
        return penal_statute_text (offense->description);
    }
  return NULL;
}

/* "What does this mean?" for a question, in plain words, or NULL. */
const char *
penal_screen_help (PenalScreen *screen, guint fact)
{
  const PenalFactDecl *decl;

  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        NULL);

  decl = g_ptr_array_index (screen->model->facts, fact);
  return decl->help != NULL ? penal_statute_text (decl->help) : NULL;
}

char *
penal_screen_allowed (PenalScreen *screen, guint fact)
{
  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        NULL);

  switch (declared (screen, fact)->type)
    {
    case PENAL_FACT_TYPE_INTEGER:
      {
        const PenalFactDecl *decl = declared (screen, fact);
        g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, decl->min);
        g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, decl->max);
        return g_strdup_printf (_ ("Answer with a whole number from %s to %s, "
                                   "or ? if you don't know."),
                                min, max);
      }
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup (_ ("Answer yes or no, or ? if you don't know."));
    case PENAL_FACT_TYPE_ENUM:
      return g_strdup (_ ("Answer with the number of one of the choices, or ? "
                          "if you don't know."));
    case PENAL_FACT_TYPE_DATE:
    default:
      return g_strdup (_ ("Answer with a date written YYYY-MM-DD, for example "
                          "2024-03-15, or ? if you don't know."));
    }
}

/* The answered facts, each once, the latest last. */
static void
remember_answer (PenalScreen *screen, guint fact)
{
  for (guint i = 0; i < screen->answered->len; i++)
    if (g_array_index (screen->answered, guint, i) == fact)
      {
        g_array_remove_index (screen->answered, i);
        break;
      }
  g_array_append_val (screen->answered, fact);
}

/* How the question for fact is answered. */
PenalQuestionKind
penal_screen_question_kind (PenalScreen *screen, guint fact)
{
  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        PENAL_QUESTION_NUMBER);

  switch (declared (screen, fact)->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      return PENAL_QUESTION_YES_NO;
    case PENAL_FACT_TYPE_ENUM:
      return PENAL_QUESTION_CHOICE;
    case PENAL_FACT_TYPE_DATE:
      return PENAL_QUESTION_DATE;
    case PENAL_FACT_TYPE_INTEGER:
    default:
      return PENAL_QUESTION_NUMBER;
    }
}

/* A whole number in the fact's domain, or a message in plain words. */
static gboolean
parse_number (const PenalFactDecl *decl, const char *trimmed, const char *shown,
              gint64 *out_value, GError **error)
{
  g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, decl->min);
  g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, decl->max);
  g_autoptr (GError) number_error = NULL;

  if (g_ascii_string_to_signed (trimmed, 10, decl->min, decl->max, out_value,
                                &number_error))
    return TRUE;
  if (g_error_matches (number_error, G_NUMBER_PARSER_ERROR,
                       G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_OUT_OF_DOMAIN,
                 /* TRANSLATORS: an answer in the interview: a number outside
                    the range, e.g. "“130” is too large or too small; give a
                    whole number from 0 to 120". */
                 _ ("“%s” is too large or too small; give a whole number from "
                    "%s to %s"),
                 shown, min, max);
  else
    g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_INVALID_VALUE,
                 _ ("“%s” is not a number; give a whole number from %s to %s, "
                    "written with digits"),
                 shown, min, max);
  return FALSE;
}

/* The person's words as the engine compares them: without a byte-order
 * mark (a pipe from a Windows editor starts with one) or surrounding
 * spaces.  (transfer full) */
static char *
trim_answer (const char *answer)
{
  if (g_str_has_prefix (answer, "\xEF\xBB\xBF"))
    answer += 3;
  return g_strstrip (g_strdup (answer));
}

gboolean
penal_screen_answer (PenalScreen *screen, guint fact, const char *answer,
                     GError **error)
{
  const PenalFactDecl *decl;
  g_autofree char *trimmed = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *shown = NULL;
  gint64 value = 0;

  g_return_val_if_fail (screen != NULL && answer != NULL, FALSE);
  g_return_val_if_fail (fact < screen->model->facts->len, FALSE);

  decl = declared (screen, fact);
  if (!g_utf8_validate (answer, -1, NULL))
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_INVALID_VALUE,
                   _ ("the answer is not valid UTF-8 text"));
      return FALSE;
    }
  trimmed = trim_answer (answer);
  normalized = penal_interview_normalize (trimmed);
  shown = penal_quote_untrusted (trimmed);

  if (trimmed[0] == '\0')
    {
      g_set_error (error, PENAL_FACTS_ERROR, PENAL_FACTS_ERROR_INVALID_VALUE,
                   _ ("no answer was given"));
      return FALSE;
    }
  if (penal_interview_means (normalized, PENAL_INTERVIEW_DONT_KNOW))
    {
      penal_facts_unset (screen->facts, fact);
      screen->unknown[fact] = TRUE;
      remember_answer (screen, fact);
      return TRUE;
    }

  switch (decl->type)
    {
    case PENAL_FACT_TYPE_BOOLEAN:
      if (penal_interview_means (normalized, PENAL_INTERVIEW_YES))
        value = 1;
      else if (penal_interview_means (normalized, PENAL_INTERVIEW_NO))
        value = 0;
      else
        {
          g_set_error (error, PENAL_FACTS_ERROR,
                       PENAL_FACTS_ERROR_INVALID_VALUE,
                       _ ("“%s” is neither yes nor no"), shown);
          return FALSE;
        }
      break;
    case PENAL_FACT_TYPE_ENUM:
      {
        guint64 number = 0;
        guint n = g_strv_length (decl->values);
        gint chosen = -1;

        if (g_ascii_string_to_unsigned (trimmed, 10, 1, n, &number, NULL))
          chosen = (gint)number - 1;
        for (guint i = 0; i < n && chosen < 0; i++)
          if (g_str_equal (normalized, decl->values[i]))
            chosen = (gint)i;
        if (chosen < 0)
          {
            g_set_error (error, PENAL_FACTS_ERROR,
                         PENAL_FACTS_ERROR_INVALID_VALUE,
                         _ ("“%s” is not one of the choices; give a number "
                            "from 1 to %u"),
                         shown, n);
            return FALSE;
          }
        value = chosen;
      }
      break;
    case PENAL_FACT_TYPE_DATE:
      if (!penal_date_parse (trimmed, &value))
        {
          g_set_error (error, PENAL_FACTS_ERROR,
                       PENAL_FACTS_ERROR_INVALID_VALUE,
                       _ ("“%s” is not a date; write it as YYYY-MM-DD, for "
                          "example 2024-03-15"),
                       shown);
          return FALSE;
        }
      break;
    case PENAL_FACT_TYPE_INTEGER:
    default:
      if (!parse_number (decl, trimmed, shown, &value, error))
        return FALSE;
      break;
    }
  penal_facts_set_value (screen->facts, fact, value);
  screen->unknown[fact] = FALSE;
  remember_answer (screen, fact);
  return TRUE;
}

/* Facts given up front that the chosen offense never reads cannot change
 * its answer; they are dropped.  Returns a note to the person for each,
 * (transfer full), each ending with a new line. */
GPtrArray *
penal_screen_drop_unread (PenalScreen *screen)
{
  const PenalOffense *offense;
  GPtrArray *notes;

  g_return_val_if_fail (screen != NULL, NULL);

  notes = g_ptr_array_new_with_free_func (g_free);
  offense = penal_screen_chosen_offense (screen);
  if (offense == NULL)
    return notes;
  for (guint f = PENAL_FACT_OFFENSE_DATE + 1; f < screen->model->facts->len;
       f++)
    {
      gboolean read = FALSE;

      if (!penal_facts_get (screen->facts, f, NULL) && !screen->unknown[f])
        continue;
      for (guint j = 0; j < offense->facts_read->len && !read; j++)
        read = g_array_index (offense->facts_read, guint, j) == f;
      if (!read)
        {
          const PenalFactDecl *decl
              = g_ptr_array_index (screen->model->facts, f);
          g_ptr_array_add (
              notes,
              g_strdup_printf (
                  /* TRANSLATORS: the first %s describes a fact, e.g. "age in
                     years of the individual patronized"; the second is an
                     offense, e.g. "Prostitution". */
                  _ ("(What was given about the %s does not matter for %s; it "
                     "is left out.)\n"),
                  penal_statute_text (decl->label),
                  penal_statute_text (offense->title)));
          penal_facts_unset (screen->facts, f);
          screen->unknown[f] = FALSE;
        }
    }
  return notes;
}

/* Takes back the last answer given: that question is asked again.
 * Returns FALSE when no answer is left to take back (facts given up front
 * are not answers). */
gboolean
penal_screen_back (PenalScreen *screen)
{
  guint fact;

  g_return_val_if_fail (screen != NULL, FALSE);

  if (screen->answered->len == 0)
    return FALSE;
  fact = g_array_index (screen->answered, guint, screen->answered->len - 1);
  g_array_set_size (screen->answered, screen->answered->len - 1);
  penal_facts_unset (screen->facts, fact);
  screen->unknown[fact] = FALSE;
  return TRUE;
}

/* Gives each answer, in order, to the question then asked: what a front end
 * that keeps no state does with the answers it carried.  Answers left over
 * when the interview is over are ignored.  Stops at the first answer not
 * understood, with its number (from 1) in the error. */
gboolean
penal_screen_replay (PenalScreen *screen, const char *const *answers,
                     GError **error)
{
  g_return_val_if_fail (screen != NULL && answers != NULL, FALSE);

  for (guint i = 0; answers[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) notes = penal_screen_drop_unread (screen);
      gint fact = penal_screen_next_fact (screen);

      if (fact < 0)
        return TRUE;
      if (!penal_screen_answer (screen, (guint)fact, answers[i], error))
        {
          g_prefix_error (error, _ ("answer %u: "), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* The answers given, in the order given: a recap lists them, and a front
 * end that keeps no state carries them. */
guint
penal_screen_get_n_answers (PenalScreen *screen)
{
  g_return_val_if_fail (screen != NULL, 0);

  return screen->answered->len;
}

guint
penal_screen_get_answer_fact (PenalScreen *screen, guint i)
{
  g_return_val_if_fail (screen != NULL && i < screen->answered->len, 0);

  return g_array_index (screen->answered, guint, i);
}

/* The answer given to fact: FALSE when none was; otherwise *out_value,
 * or *out_unknown when the person did not know. */
static gboolean
given_answer (PenalScreen *screen, guint fact, gboolean *out_unknown,
              gint64 *out_value)
{
  *out_unknown = screen->unknown[fact];
  return *out_unknown || penal_facts_get (screen->facts, fact, out_value);
}

/* The answer given to fact, NULL when none was: in_words, as a recap shows
 * it ("I don't know", Yes, a choice's label, a date in words); otherwise
 * as penal_screen_answer() takes it back ("?", yes or no, a choice's
 * value, an ISO date or a number). */
static char *
answer_of (PenalScreen *screen, guint fact, gboolean in_words)
{
  const PenalFactDecl *decl = declared (screen, fact);
  gboolean unknown;
  gint64 value;

  if (!given_answer (screen, fact, &unknown, &value))
    return NULL;
  if (unknown)
    return g_strdup (in_words ? _ ("I don't know") : PENAL_SCREEN_DONT_KNOW);
  if (in_words && decl->type == PENAL_FACT_TYPE_BOOLEAN)
    return g_strdup (value ? _ ("Yes") : _ ("No"));
  if (in_words && decl->type == PENAL_FACT_TYPE_ENUM)
    return penal_screen_choice_label (screen, fact, (guint)value);
  if (in_words && decl->type == PENAL_FACT_TYPE_DATE)
    return penal_date_to_display (value);
  return penal_range_to_text (decl, value, value);
}

/* The answer to fact as penal_screen_answer() takes it back; NULL when it
 * was not answered. */
char *
penal_screen_answer_value (PenalScreen *screen, guint fact)
{
  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        NULL);

  return answer_of (screen, fact, FALSE);
}

/* The answer to fact in plain words, for a recap; NULL when it was not
 * answered. */
char *
penal_screen_answer_text (PenalScreen *screen, guint fact)
{
  g_return_val_if_fail (screen != NULL && fact < screen->model->facts->len,
                        NULL);

  return answer_of (screen, fact, TRUE);
}

/* Does the person's line ask to go back to the previous question ("back",
 * "<", or a translation)? */
gboolean
penal_screen_means_back (const char *line)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (line != NULL, FALSE);

  trimmed = trim_answer (line);
  normalized = penal_interview_normalize (trimmed);
  return g_str_equal (normalized, "<")
         || penal_interview_means (normalized, PENAL_INTERVIEW_BACK);
}
