/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit.c: tests one recorded charge checked against the law on its
 * offense date (penal-audit.c): one case per finding, around every
 * version boundary penal holds.
 *
 * Codes and their dates are the Missouri State Highway Patrol's
 * (research/mshp/ChargeCodeCSV2021-8-5.csv, edition of 5 August 2021, as
 * statutes/mshp-charge-codes.tsv holds it): 567.030-999Y195040 (21020,
 * class B misdemeanor) until 2004-08-27; 567.030-001Y200440 (21022, 14 or
 * younger, class D felony) 2004-08-28 to 2016-12-31, 567.030-001Y201740
 * (class E felony) 2017-01-01 to 2018-08-27, 567.030-001Y201840 (class D
 * felony) 2018-08-28 to 2020-08-27; 567.030-003Y200440 (21027, 15 to 17,
 * class A misdemeanor) 2004-08-28 to 2018-08-27, 567.030-003Y201840 (class
 * E felony) from 2018-08-28; 567.030-002Y202040 (persistent offender,
 * class E felony) from 2020-08-28; 567.030-004Y202040 (18 or older, class
 * B misdemeanor) from 2020-08-28.  The classes of the law are those of
 * statutes/mo-567-030.xml and mo-567-110.xml (RSMo 567.030.3-.4 and
 * 567.110, with their sources there). */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "penal-audit.h"
#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-test-case.h"

static PenalModel *model;

typedef struct
{
  const char *name;
  const char *date;
  const char *code;     /* NULL: none recorded */
  const char *recorded; /* as typed, NULL: none */
  const char *facts[4]; /* NAME=VALUE, NULL-terminated */
  const char *findings; /* the kinds, ", "-separated, most serious first */
  const char *law;      /* the law's class code, or NULL */
  const char *says;     /* a phrase the first finding's message holds */
} AuditCase;

static const AuditCase cases[] = {
  /* 28 August 2018: the 15-to-17 tier became a class E felony. */
  { "tier-15-17/2018-08-27",
    "2018-08-27",
    "567.030-003Y200440",
    "M-A",
    { NULL },
    "ok",
    "misdemeanor-A",
    "agrees" },
  { "tier-15-17/2018-08-28",
    "2018-08-28",
    "567.030-003Y200440",
    "M-A",
    { NULL },
    "code-not-in-force, class-mismatch",
    "felony-E",
    "the code of 567.030-003 in force then is 567.030-003Y201840 (class E "
    "felony)" },
  { "tier-15-17/2018-08-28/new-code",
    "2018-08-28",
    "567.030-003Y201840",
    "Class E Felony",
    { NULL },
    "ok",
    "felony-E",
    "agrees" },
  { "tier-15-17/2018-08-28/typed-by-hand",
    "2018-08-28",
    "567.030-003Y201840",
    "Class A Misdemeanor",
    { NULL },
    "code-class-mismatch, class-mismatch",
    "felony-E",
    "is a class E felony in the Patrol's table" },
  /* 1 January 2017 (SB 491): 14 or younger became a class E felony. */
  { "tier-14/2016-12-31",
    "2016-12-31",
    "567.030-001Y200440",
    "D felony",
    { NULL },
    "ok",
    "felony-D",
    "agrees" },
  { "tier-14/2017-01-01",
    "2017-01-01",
    "567.030-001Y200440",
    "D felony",
    { NULL },
    "code-not-in-force, class-mismatch",
    "felony-E",
    "567.030-001Y201740 (class E felony)" },
  { "tier-14/2017-01-01/facts",
    "2017-01-01",
    NULL,
    "felony-D",
    { "offense=patronizing", "victim_age=12", NULL },
    "class-mismatch",
    "felony-E",
    "the law makes it a class E felony" },
  /* 28 August 2004: the single class B misdemeanor code ended. */
  { "before-tiers/2004-08-27",
    "2004-08-27",
    "567.030-999Y195040",
    "misdemeanor-B",
    { NULL },
    "ok",
    "misdemeanor-B",
    "agrees" },
  { "before-tiers/2004-08-28",
    "2004-08-28",
    "567.030-999Y195040",
    "misdemeanor-B",
    { NULL },
    "code-not-in-force, cannot-check",
    NULL,
    "no code of 567.030-999 was in force then" },
  /* A persistent offender charged against a class D felony. */
  { "persistent/base-d-felony",
    "2024-03-01",
    "567.030-002Y202040",
    NULL,
    { "offense=patronizing", "victim_age=12", "prior_prostitution_offenses=2",
      NULL },
    "enhancement-cannot-raise",
    "felony-E",
    "does not raise the exposure" },
  { "persistent/base-b-misdemeanor",
    "2024-03-01",
    "567.030-002Y202040",
    "Felony E",
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=2",
      NULL },
    "ok",
    "felony-E",
    "agrees" },
  { "persistent/one-prior",
    "2024-03-01",
    "567.030-002Y202040",
    NULL,
    { "offense=patronizing", "victim_age=30", "prior_prostitution_offenses=1",
      NULL },
    "class-mismatch",
    "misdemeanor-B",
    "the facts do not support it" },
  /* The facts lead to another tier's code. */
  { "facts/other-tier",
    "2024-03-01",
    "567.030-004Y202040",
    NULL,
    { "offense=patronizing", "victim_age=16", NULL },
    "class-mismatch",
    "felony-E",
    "coded under 567.030-003, not under 567.030-004" },
  /* What cannot be checked, and why. */
  { "cannot/unknown-code",
    "2024-03-01",
    "999.999-999Y202040",
    "D felony",
    { NULL },
    "cannot-check",
    NULL,
    "is not in the Patrol's table" },
  { "cannot/facts-missing",
    "2024-03-01",
    NULL,
    "D felony",
    { "offense=patronizing", NULL },
    "cannot-check",
    NULL,
    "does not give: age in years of the individual patronized" },
  { "cannot/no-version",
    "1970-01-01",
    NULL,
    "misdemeanor-B",
    { "offense=patronizing", "victim_age=30", NULL },
    "cannot-check",
    NULL,
    "penal holds no version of RSMo 567.030" },
  { "cannot/nothing",
    "2024-03-01",
    NULL,
    "misdemeanor-B",
    { NULL },
    "cannot-check",
    NULL,
    "neither a charge code" },
};

static void
test_case (gconstpointer data)
{
  const AuditCase *c = data;
  g_autoptr (PenalFacts) facts = NULL;
  g_autoptr (PenalAuditResult) result = NULL;
  g_autoptr (GString) kinds = g_string_new (NULL);
  PenalClass recorded;
  const PenalAuditFinding *first;

  if (c->facts[0] != NULL)
    {
      facts = penal_facts_new (model);
      for (guint i = 0; c->facts[i] != NULL; i++)
        {
          g_autoptr (GError) error = NULL;
          penal_facts_parse_assignment (facts, c->facts[i], &error);
          g_assert_no_error (error);
        }
    }
  if (c->recorded != NULL)
    g_assert_true (penal_class_parse_typed (c->recorded, &recorded));
  result = penal_audit_check (model, c->code,
                              c->recorded != NULL ? &recorded : NULL, facts,
                              penal_test_parse_date (c->date));
  for (guint i = 0; i < result->findings->len; i++)
    {
      const PenalAuditFinding *finding
          = g_ptr_array_index (result->findings, i);
      g_string_append_printf (kinds, "%s%s", i > 0 ? ", " : "",
                              penal_audit_kind_to_code (finding->kind));
    }
  g_assert_cmpstr (kinds->str, ==, c->findings);
  g_assert_cmpstr (
      result->has_law_class ? penal_class_to_code (result->law_class) : NULL,
      ==, c->law);
  for (guint i = 0; i < result->findings->len; i++)
    g_test_message ("%s", ((const PenalAuditFinding *)g_ptr_array_index (
                               result->findings, i))
                              ->message);
  first = g_ptr_array_index (result->findings, 0);
  if (strstr (first->message, c->says) == NULL)
    g_error ("“%s” not in “%s”", c->says, first->message);
  /* Every finding but "cannot-check" names what decided it. */
  for (guint i = 0; i < result->findings->len; i++)
    {
      const PenalAuditFinding *finding
          = g_ptr_array_index (result->findings, i);
      if (finding->kind != PENAL_AUDIT_CANNOT_CHECK
          && finding->kind != PENAL_AUDIT_OK)
        {
          g_assert_nonnull (finding->citation);
          g_assert_true (finding->has_basis);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (PenalModel) loaded = NULL;

  g_test_init (&argc, &argv, NULL);
  model = loaded = penal_test_load_statutes ();

  PENAL_TEST_ADD_CASES ("/audit", cases, test_case);
  return g_test_run ();
}
