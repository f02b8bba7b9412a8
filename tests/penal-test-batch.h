/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-batch.h: what the tests of `penal batch` share: the rows it
 * writes for the cases they use, each with its sources, running it on
 * bytes of input, and comparing its output and summary with what is
 * expected. */
#pragma once

#include <glib.h>

#include "penal-test-run.h"

G_BEGIN_DECLS

#define HEADER                                                                 \
  "line,status,offense,statute,offense_date,offense_date_assumed,version,"     \
  "class,citation,imprisonment_min,imprisonment_min_months,imprisonment_max,"  \
  "imprisonment_max_months,life,county_jail_max,county_jail_max_months,fine_"  \
  "max_usd,penalty_established,enhancement,enhancement_class,enhancement_"     \
  "raises_exposure,protection,protection_applies,court_discretion,referral,"   \
  "diversion_eligible,charge_code,message,notes\n"

/* The answers the tests expect, everything after the line number, for
 * patronizing on 2024-01-01.  research/missouri-law.md, "RSMo 567.030
 * Patronizing prostitution", text in force in 2024 (verbatim, printed as
 * existing law by HB 1706 (2024)), and "From 2017-01-01" (RSMo 558.011 and
 * 558.002, verbatim); the subsections are the ones penal cites.  The date
 * is after the span in which the version of 567.030 in force is not
 * established, so the answers are decided, under the version in force
 * from 28 August 2018.  The charge codes are the Highway Patrol's for
 * each tier from 28 August 2020 (statutes/mshp-charge-codes.tsv, the
 * table of 5 August 2021: 567.030-001Y202040 "14 YRS AND YOUNGER" class D
 * felony, -003Y202040 "> 14 YRS < 18 YRS" class E felony, -004Y202040 "18
 * YEARS OF AGE OR OLDER" class B misdemeanor).  The referrals are those
 * statutes/referrals.xml gives when a minor was patronized (the National
 * Human Trafficking Hotline and Veronica's Voice). */

/* An adult patronized: class B misdemeanor (567.030.3); up to 6 months
 * (558.011.1(7)); fine up to $1,000 (558.002.1(3)).  Diversion is not
 * answered: prior_prostitution_offenses is not given. */
#define ADULT_2024                                                             \
  ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,"        \
  "misdemeanor-B,RSMo 567.030.3,,,P6M,6,false,,,1000,true,,,,,,,,,567.030-"    \
  "004Y202040,,\n"

/* A person patronized aged 15 to 17: class E felony (567.030.3); up to 4
 * years (558.011.1(5)) or up to 1 year in the county jail (558.011.2); fine
 * up to $10,000 (558.002.1(1)).  Never diversion: a minor was involved
 * (seed 004; KCTV5, 22 February 2019). */
#define TEEN_2024_LINE                                                         \
  ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,felony-" \
  "E,RSMo 567.030.3,,,P4Y,48,false,P1Y,12,10000,true,,,,,,,nhth; veronicas-"   \
  "voice,false,567.030-003Y202040,,"
#define TEEN_2024 TEEN_2024_LINE "\n"

/* A person patronized aged 14 or younger: class D felony (567.030.4); up to
 * 7 years (558.011.1(4)) or up to 1 year in the county jail (558.011.2);
 * fine up to $10,000 (558.002.1(1)).  Never diversion, as above. */
#define CHILD_2024                                                             \
  ",decided,patronizing,RSMo 567.030,2024-01-01,false,mo-567.030-2018,felony-" \
  "D,RSMo 567.030.4,,,P7Y,84,false,P1Y,12,10000,true,,,,,,,nhth; veronicas-"   \
  "voice,false,567.030-001Y202040,,\n"

/* How every JSON Lines row begins: its format, then its line number. */
#define JSON_ROW "{\"format_version\":2,\"line\":"

/* The same three answers as JSON Lines rows, after the line number. */
#define ANSWER_JSON_HEAD(klass, citation)                                      \
  ",\"status\":\"decided\",\"offense\":\"patronizing\",\"statute\":\"RSMo "    \
  "567.030\",\"offense_date\":\"2024-01-01\",\"offense_date_assumed\":false,"  \
  "\"version\":\"mo-567.030-2018\",\"class\":\"" klass                         \
  "\",\"citation\":\"" citation                                                \
  "\",\"imprisonment_min\":null,\"imprisonment_min_months\":null,"
#define REFERRALS_JSON                                                         \
  "[{\"id\":\"nhth\",\"title\":\"National Human Trafficking "                  \
  "Hotline\"},{\"id\""                                                         \
  ":\"veronicas-voice\",\"title\":\"Veronica's Voice, Kansas City\"}]"
#define ADULT_2024_JSON                                                        \
  ANSWER_JSON_HEAD ("misdemeanor-B", "RSMo 567.030.3")                         \
  "\"imprisonment_max\":\"P6M\",\"imprisonment_max_months\":6,\"life\":false," \
  "\"county_jail_max\":null,\"county_jail_max_months\":null,\"fine_max_usd\":" \
  "1000,\"penalty_established\":true,\"enhancements\":[],\"protections\":[],"  \
  "\"court_discretion\":[],\"referrals\":[],\"diversion_eligible\":null,"      \
  "\"charge_codes\":[\"567.030-004Y202040\"],\"message\":null,\"notes\":[]}"
#define TEEN_2024_JSON                                                         \
  ANSWER_JSON_HEAD ("felony-E", "RSMo 567.030.3")                              \
  "\"imprisonment_max\":\"P4Y\",\"imprisonment_max_months\":48,\"life\":"      \
  "false,\"county_jail_max\":\"P1Y\",\"county_jail_max_months\":12,\"fine_"    \
  "max_usd\":10000,\"penalty_established\":true,\"enhancements\":[],"          \
  "\"protections\":[],\"court_discretion\":[],\"referrals\":" REFERRALS_JSON   \
  ",\"diversion_eligible\":false,\"charge_codes\":[\"567.030-003Y202040\"],"   \
  "\"message\":null,\"notes\":[]}"
#define CHILD_2024_JSON                                                        \
  ANSWER_JSON_HEAD ("felony-D", "RSMo 567.030.4")                              \
  "\"imprisonment_max\":\"P7Y\",\"imprisonment_max_months\":84,\"life\":"      \
  "false,\"county_jail_max\":\"P1Y\",\"county_jail_max_months\":12,\"fine_"    \
  "max_usd\":10000,\"penalty_established\":true,\"enhancements\":[],"          \
  "\"protections\":[],\"court_discretion\":[],\"referrals\":" REFERRALS_JSON   \
  ",\"diversion_eligible\":false,\"charge_codes\":[\"567.030-001Y202040\"],"   \
  "\"message\":null,\"notes\":[]}"

/* A JSON Lines error row after its line number, with its one problem. */
#define ERROR_JSON(problem)                                                    \
  ",\"status\":\"error\",\"message\":\"" problem "\",\"problems\":[\"" problem \
  "\"]}"

/* A plain caseload of three rows, and what batch writes for it. */
#define PLAIN_CSV                                                              \
  "offense,victim_age,offense_date\npatronizing,30,2024-01-01\npatronizing,"   \
  "14,2024-01-01\n"                                                            \
  "patronizing,16,2024-01-01\n"
#define PLAIN_CSV_ROWS HEADER "2" ADULT_2024 "3" CHILD_2024 "4" TEEN_2024

char *expected_stderr (const char *output, gboolean json, guint empty,
                       const char *ignored);
void run_batch (PenalTestRun *run, const char *const *options,
                const char *input, gsize length);
GStrv split_lines (const char *text);
void assert_same_lines (const char *actual, const char *expected);
void assert_summary (const PenalTestRun *run, gboolean json, guint empty,
                     const char *ignored);
void assert_output (const PenalTestRun *run, const char *out, const char *err,
                    int exit_code);

G_END_DECLS
