/* SPDX-License-Identifier: GPL-3.0-or-later */
/* answer.c: tests the answer as a whole: the inputs as given and assumed,
 * the warnings, what charging an enhancement would do to the exposure, a
 * court's route limited to one class, and "In short", in the library and
 * in classify's text and JSON. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "penal-diversion.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-outcome.h"
#include "penal-render.h"
#include "penal-test-case.h"
#include "penal-test-run.h"

static PenalModel *model;

static const PenalOutcome *
find_part (GPtrArray *parts, const char *id)
{
  for (guint i = 0; i < parts->len; i++)
    {
      const PenalOutcome *part = g_ptr_array_index (parts, i);
      if (g_str_equal (part->offense->id, id))
        return part;
    }
  g_error ("no part %s in the answer", id);
  return NULL;
}

/* Exposure --------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *facts[6];
  const char *offense_date;
  const char *base_class; /* NULL: not decided */
  PenalExposure exposure;
} ExposureCase;

/* Classes: RSMo 567.020.2 (class B misdemeanor; class B felony knowing of
 * HIV, from 28 August 2002), 567.030.2-.4 as in force from 28 August 2018
 * (adult: class B misdemeanor; 15 to 17: class E felony; 14 or younger:
 * class D felony) and with the tiers of 2004 (14 or younger: class D
 * felony), 567.110 (a persistent offender, two or more prior findings of
 * guilt under 567.010: class D felony from 1997 to 2016, class E felony
 * from 2017; the Patrol's codes 567.020-002 and 567.030-002).  Terms: RSMo
 * 558.011.1 (class D felony 7 years from 2017, class E 4 years). */
static const ExposureCase exposure_cases[] = {
  { "patronizing-12-persistent",
    { "offense=patronizing", "victim_age=12", "prior_prostitution_offenses=2",
      NULL },
    "2024-03-01",
    "felony-D",
    PENAL_EXPOSURE_SAME },
  { "patronizing-16-persistent",
    { "offense=patronizing", "victim_age=16", "prior_prostitution_offenses=3",
      NULL },
    "2024-03-01",
    "felony-E",
    PENAL_EXPOSURE_SAME },
  { "patronizing-adult-persistent",
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=2",
      NULL },
    "2024-03-01",
    "misdemeanor-B",
    PENAL_EXPOSURE_RAISES },
  { "prostitution-persistent",
    { "offense=prostitution", "knew_hiv=no", "defendant_age=30",
      "prior_prostitution_offenses=2", NULL },
    "2024-03-01",
    "misdemeanor-B",
    PENAL_EXPOSURE_RAISES },
  { "prostitution-hiv-persistent",
    { "offense=prostitution", "knew_hiv=yes", "defendant_age=30",
      "prior_prostitution_offenses=2", NULL },
    "2024-03-01",
    "felony-B",
    PENAL_EXPOSURE_SAME },
  { "prostitution-persistent-2010",
    { "offense=prostitution", "knew_hiv=no", "defendant_age=30",
      "prior_prostitution_offenses=2", NULL },
    "2010-06-01",
    "misdemeanor-B",
    PENAL_EXPOSURE_RAISES },
  { "patronizing-12-persistent-2010",
    { "offense=patronizing", "victim_age=12", "prior_prostitution_offenses=2",
      NULL },
    "2010-06-01",
    "felony-D",
    PENAL_EXPOSURE_SAME },
  { "patronizing-age-unknown-persistent",
    { "offense=patronizing", "prior_prostitution_offenses=2", NULL },
    "2024-03-01",
    NULL,
    PENAL_EXPOSURE_UNKNOWN },
  { "patronizing-adult-one-prior",
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=1",
      NULL },
    "2024-03-01",
    "misdemeanor-B",
    PENAL_EXPOSURE_NONE },
};

static void
test_exposure (gconstpointer data)
{
  const ExposureCase *c = data;
  g_autoptr (PenalOutcome) outcome
      = penal_test_evaluate_on (model, c->offense_date, c->facts);
  const PenalOutcome *enhanced
      = find_part (outcome->enhancements, "persistent-offender");

  if (c->base_class != NULL)
    {
      g_assert_cmpint (outcome->status, ==, PENAL_STATUS_DECIDED);
      g_assert_cmpstr (penal_class_to_code (outcome->rule->klass), ==,
                       c->base_class);
    }
  else
    g_assert_cmpint (outcome->status, !=, PENAL_STATUS_DECIDED);
  g_assert_cmpstr (penal_exposure_to_code (enhanced->exposure), ==,
                   penal_exposure_to_code (c->exposure));
  /* The base outcome has no exposure of its own. */
  g_assert_cmpint (outcome->exposure, ==, PENAL_EXPOSURE_NONE);
}

/* Warnings and the date ---------------------------------------------- */

static gboolean
has_warning (const PenalOutcome *outcome, PenalWarning warning)
{
  for (guint i = 0; outcome->warnings != NULL && i < outcome->warnings->len;
       i++)
    if (g_array_index (outcome->warnings, PenalWarning, i) == warning)
      return TRUE;
  return FALSE;
}

static void
test_date_assumed (void)
{
  const char *const given[] = { "offense=patronizing", "victim_age=30", NULL };
  const char *const dated[] = { "offense=patronizing", "victim_age=30",
                                "offense_date=2016-06-01", NULL };
  g_autoptr (PenalFacts) facts = penal_test_facts_of (model, given);
  g_autoptr (PenalFacts) dated_facts = penal_test_facts_of (model, dated);
  g_autoptr (PenalOutcome) outcome = penal_answer (model, facts, NULL);
  g_autoptr (PenalOutcome) dated_outcome
      = penal_answer (model, dated_facts, NULL);
  gint64 value;

  /* No date: today's, and the answer says so first. */
  g_assert_false (outcome->date_given);
  g_assert_nonnull (outcome->warnings);
  g_assert_cmpint (g_array_index (outcome->warnings, PenalWarning, 0), ==,
                   PENAL_WARNING_DATE_ASSUMED);
  g_assert_false (
      penal_facts_get (outcome->given, PENAL_FACT_OFFENSE_DATE, &value));
  g_assert_true (outcome->offense_date >= penal_date_today () - 1);

  g_assert_true (dated_outcome->date_given);
  g_assert_false (has_warning (dated_outcome, PENAL_WARNING_DATE_ASSUMED));
  g_assert_true (
      penal_facts_get (dated_outcome->given, PENAL_FACT_OFFENSE_DATE, &value));
  g_assert_cmpint (value, ==, penal_test_parse_date ("2016-06-01"));
  g_assert_cmpint (dated_outcome->offense_date, ==, value);
}

static void
test_date_future (void)
{
  const char *const given[] = { "offense=patronizing", "victim_age=30", NULL };
  g_autoptr (PenalFacts) facts = penal_test_facts_of (model, given);
  gint64 today = penal_test_parse_date ("2026-11-30");
  g_autoptr (PenalOutcome) tomorrow
      = penal_evaluate_on (model, facts, today + 1, today);
  g_autoptr (PenalOutcome) same_day
      = penal_evaluate_on (model, facts, today, today);

  g_assert_true (has_warning (tomorrow, PENAL_WARNING_DATE_FUTURE));
  g_assert_false (has_warning (same_day, PENAL_WARNING_DATE_FUTURE));
  /* A future date is still answered, under the latest version held. */
  g_assert_cmpint (tomorrow->status, ==, PENAL_STATUS_DECIDED);
}

/* RSMo 567.030 as enacted in the criminal code of 1977 took effect on 1
 * January 1979 (research/findings-2026-11-30.md): the earliest version
 * penal holds. */
static void
test_before_held (void)
{
  const char *const given[] = { "offense=patronizing", "victim_age=30", NULL };
  g_autoptr (PenalFacts) facts = penal_test_facts_of (model, given);
  gint64 today = penal_test_parse_date ("2026-11-30");
  g_autoptr (PenalOutcome) before = penal_evaluate_on (
      model, facts, penal_test_parse_date ("1978-12-31"), today);
  g_autoptr (PenalOutcome) first = penal_evaluate_on (
      model, facts, penal_test_parse_date ("1979-01-01"), today);

  g_assert_cmpint (before->status, ==, PENAL_STATUS_NO_VERSION);
  g_assert_true (has_warning (before, PENAL_WARNING_BEFORE_HELD));
  g_assert_cmpint (first->status, ==, PENAL_STATUS_DECIDED);
  g_assert_null (first->warnings);
}

/* "In short" ------------------------------------------------------------ */

static char *
summary_of (const PenalOutcome *outcome)
{
  g_autoptr (GPtrArray) lines = penal_outcome_summary (outcome, TRUE);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}

/* RSMo 567.020.5 as in force from 28 August 2022: a person under eighteen
 * is not certified as an adult or adjudicated a delinquent for prostitution
 * and is a victim of abuse, to be reported.  The protection comes first,
 * the referral is named, and the treatment route of 567.020.4, which
 * follows a finding of guilt, is not offered. */
static void
test_summary_minor (void)
{
  const char *const given[]
      = { "offense=prostitution", "knew_hiv=no", "defendant_age=16",
          "prior_prostitution_offenses=0", NULL };
  g_autoptr (PenalOutcome) outcome
      = penal_test_evaluate_on (model, "2024-03-01", given);
  g_autoptr (GPtrArray) lines = penal_outcome_summary (outcome, TRUE);
  g_autofree char *text = summary_of (outcome);

  g_assert_cmpuint (lines->len, >=, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0),
                                   "Protection of a person under eighteen "
                                   "charged with prostitution: applies."));
  penal_test_assert_contains (g_ptr_array_index (lines, 0), "[RSMo 567.020.5]");
  penal_test_assert_contains (
      text, "Prostitution: class B misdemeanor [RSMo 567.020.2].");
  penal_test_assert_contains (text,
                              "Refer the person to: National Human Trafficking "
                              "Hotline, 1-888-373-7888");
  penal_test_assert_lacks (text, "The court may allow");
  penal_test_assert_lacks (text, "Persistent prostitution offender");
}

/* A persistent offender charged with prostitution: the class E felony of
 * RSMo 567.110 raises the exposure above the class B misdemeanor, and the
 * plea withdrawal of 567.020.4 covers the class B misdemeanor only. */
static void
test_summary_persistent (void)
{
  const char *const given[]
      = { "offense=prostitution", "knew_hiv=no", "defendant_age=30",
          "prior_prostitution_offenses=2", NULL };
  g_autoptr (PenalOutcome) outcome
      = penal_test_evaluate_on (model, "2024-03-01", given);
  g_autofree char *text = summary_of (outcome);

  penal_test_assert_contains (
      text, "Persistent prostitution offender (RSMo 567.110): "
            "if charged, a class E felony [RSMo 567.110], more "
            "serious than the offense's own class. "
            "Imprisonment: up to 4 years.");
  penal_test_assert_contains (
      text, "The court may allow: Treatment program, then "
            "withdrawal of the plea [RSMo 567.020.4], but only "
            "for the class B misdemeanor: not if the charge is "
            "brought under RSMo 567.110");
  penal_test_assert_lacks (text, "Protection");
}

/* Patronizing a twelve-year-old (RSMo 567.030.4, class D felony, up to 7
 * years) by a persistent offender (567.110, class E felony, up to 4
 * years): charging the enhancement would not raise the exposure, and the
 * answer says so instead of reading like a downgrade. */
static void
test_summary_no_raise (void)
{
  const char *const given[] = { "offense=patronizing", "victim_age=12",
                                "prior_prostitution_offenses=2", NULL };
  g_autoptr (PenalOutcome) outcome
      = penal_test_evaluate_on (model, "2024-03-01", given);
  g_autofree char *text = summary_of (outcome);
  g_autofree char *full = penal_render_text (model, outcome);
  const char *in_short = strstr (full, "\nIn short:\n");
  const char *class_line = strstr (full, "\nClass: ");

  penal_test_assert_contains (
      text, "Patronizing prostitution: class D felony "
            "[RSMo 567.030.4].\nImprisonment: up to 7 years.");
  penal_test_assert_contains (
      text, "no more serious than the offense's own class, so "
            "charging it would not raise the penalty.");
  penal_test_assert_lacks (text, "So the offense is a class E felony");
  /* The text: heading, In short, details, then the closing line. */
  g_assert_nonnull (in_short);
  g_assert_nonnull (class_line);
  g_assert_true (in_short < class_line);
  g_assert_true (strchr (full, '\n') == in_short);
  g_assert_true (g_str_has_suffix (full, "penal is a checking aid, not legal "
                                         "advice: read the cited text.\n"));
}

/* JSON ------------------------------------------------------------------ */

/* The answer's JSON for the facts GIVEN (NAME=VALUE, NULL-terminated),
 * read by PARSER; the answer itself in *OUTCOME. */
static JsonObject *
answer_json (JsonParser *parser, const char *const *given,
             PenalOutcome **outcome)
{
  g_autoptr (PenalFacts) facts = penal_test_facts_of (model, given);

  *outcome = penal_answer (model, facts, NULL);
  return penal_test_outcome_json (parser, model, *outcome);
}

static void
test_json_inputs (void)
{
  const char *const given[]
      = { "offense=prostitution", "knew_hiv=no", "defendant_age=30",
          "prior_prostitution_offenses=2", NULL };
  g_autoptr (PenalOutcome) outcome = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root = answer_json (parser, given, &outcome);
  JsonObject *inputs = json_object_get_object_member (root, "inputs");
  JsonObject *in_given = json_object_get_object_member (inputs, "given");
  JsonObject *assumed = json_object_get_object_member (inputs, "assumed");
  JsonArray *warnings = json_object_get_array_member (root, "warnings");
  JsonArray *enhancements = json_object_get_array_member (root, "enhancements");
  JsonObject *diversion = json_object_get_object_member (root, "diversion");
  JsonArray *routes
      = json_object_get_array_member (diversion, "court_discretion");
  JsonObject *route = json_array_get_object_element (routes, 0);
  g_autofree char *today = penal_date_to_iso (outcome->offense_date);

  g_assert_cmpstr (json_object_get_string_member (root, "penal_version"), ==,
                   PACKAGE_VERSION);
  /* Each fact as its type: a name, a boolean, numbers. */
  g_assert_cmpuint (json_object_get_size (in_given), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (in_given, "offense"), ==,
                   "prostitution");
  g_assert_false (json_object_get_boolean_member (in_given, "knew_hiv"));
  g_assert_cmpint (json_object_get_int_member (in_given, "defendant_age"), ==,
                   30);
  g_assert_cmpint (
      json_object_get_int_member (in_given, "prior_prostitution_offenses"), ==,
      2);
  g_assert_false (json_object_has_member (in_given, "offense_date"));
  g_assert_cmpstr (json_object_get_string_member (assumed, "offense_date"), ==,
                   today);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (warnings, 0), "code"),
                   ==, "offense-date-assumed");
  g_assert_true (json_object_get_boolean_member (
      json_array_get_object_element (enhancements, 0), "raises_exposure"));
  g_assert_cmpstr (json_object_get_string_member (route, "limited_to"), ==,
                   "misdemeanor-B");
  g_assert_cmpstr (
      json_array_get_string_element (
          json_object_get_array_member (route, "not_if_charged"), 0),
      ==, "persistent-offender");
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "in_short")),
      >=, 4);
}

/* With the date given, nothing is assumed and nothing warned; an
 * enhancement that cannot be charged has no exposure. */
static void
test_json_given_date (void)
{
  const char *const given[]
      = { "offense=patronizing", "victim_age=30", "offense_date=2016-06-01",
          "prior_prostitution_offenses=0", NULL };
  g_autoptr (PenalOutcome) outcome = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root = answer_json (parser, given, &outcome);
  JsonObject *inputs = json_object_get_object_member (root, "inputs");
  JsonArray *enhancements = json_object_get_array_member (root, "enhancements");

  g_assert_cmpstr (
      json_object_get_string_member (
          json_object_get_object_member (inputs, "given"), "offense_date"),
      ==, "2016-06-01");
  g_assert_cmpuint (
      json_object_get_size (json_object_get_object_member (inputs, "assumed")),
      ==, 0);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "warnings")),
      ==, 0);
  g_assert_true (json_object_get_null_member (
      json_array_get_object_element (enhancements, 0), "raises_exposure"));
}

static const PenalTestFunc tests[] = {
  { "/answer/date/assumed", test_date_assumed },
  { "/answer/date/future", test_date_future },
  { "/answer/date/before-held", test_before_held },
  { "/answer/in-short/minor-2024", test_summary_minor },
  { "/answer/in-short/persistent-2024", test_summary_persistent },
  { "/answer/in-short/no-raise-2024", test_summary_no_raise },
  { "/answer/json/inputs-assumed", test_json_inputs },
  { "/answer/json/inputs-given", test_json_given_date },
};

int
main (int argc, char *argv[])
{
  g_autoptr (PenalModel) loaded = NULL;

  g_test_init (&argc, &argv, NULL);
  model = loaded = penal_test_load_statutes ();

  for (guint i = 0; i < G_N_ELEMENTS (exposure_cases); i++)
    penal_test_add_case (&exposure_cases[i], test_exposure,
                         "/answer/exposure/%s/%s", exposure_cases[i].name,
                         exposure_cases[i].offense_date);
  PENAL_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
