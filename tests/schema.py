# SPDX-License-Identifier: GPL-3.0-or-later
"""schema.py: every JSON penal writes is valid against its JSON Schema.

Run by tests/schema.sh, which skips it where python3-jsonschema is missing.
Each schema in doc/schema/ must be a valid draft 2020-12 schema; then the
real binary is run over a broad set of cases (every offense on the first
day of each of its versions, every status, an assumed and a future date,
minors and persistent offenders, the interview with and without a date,
every exploring command on every statute, what-if varying each fact and the
date, lookups, searches, two charge-code tables, batch and audit rows, and each answer
of the API from a running `penal serve`), and each output is validated
against the schema for it.  The cases must reach every status, warning,
kind and state the schemas list; and outputs made wrong on purpose must
fail, so the schemas are known to refuse what penal does not write.  Output
is TAP.  How outputs are run and validated is in schema_check.py; the API's
answers are checked in schema_api.py.

usage: schema.py PENAL SRCDIR WORKDIR
"""

import copy
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import schema_api
from schema_check import (
    PENAL,
    SRCDIR,
    WORK,
    check,
    every_schema_used,
    finish,
    output,
    reached,
    refused,
    result,
    run,
    window,
)

# ------------------------------------------------------------------
# What the statutes hold, asked of penal itself

listing = check("list.schema.json", "list --format=json")[0]
check("list.schema.json", window("list --format=json"))
statutes = [s for s in listing["statutes"] if s["kind"] != "penalties"]
penalty_tables = [s for s in listing["statutes"] if s["kind"] == "penalties"]
offenses = [s for s in statutes if s["kind"] == "offense"]
help_text = run(["help", "classify"]).stdout.decode()
facts_section = help_text.split("Facts, from the statutes loaded:\n", 1)[1]
facts = re.findall(r"^  ([a-z_]+)=", facts_section.split("\n\n", 1)[0], re.MULTILINE)

check("verify.schema.json", "verify --format=json")
check("verify.schema.json", window("verify --format=json"))

# ------------------------------------------------------------------
# classify: every offense on the first day of each of its versions, with
# nothing but the date (needs-facts) and with every fact given.

FULL = {
    "patronizing": "victim_age=30 prior_prostitution_offenses=0",
    "prostitution": "knew_hiv=no prior_prostitution_offenses=0 defendant_age=30",
}
for offense in offenses:
    for version in offense["versions"]:
        base = "classify --format=json offense=%s offense_date=%s" % (
            offense["id"],
            version["from"] or "1970-01-01",
        )
        check("classify.schema.json", base)
        check("classify.schema.json", base + " " + FULL.get(offense["id"], ""))

CLASSIFY = [
    # A child, a teenager and an adult patronized, before and after 2017.
    "offense=patronizing victim_age=14 offense_date=2016-06-01",
    "offense=patronizing victim_age=16 offense_date=2024-01-01",
    "offense=patronizing victim_age=30 offense_date=2024-01-01 "
    "prior_prostitution_offenses=0",
    # Persistent offenders: the enhancement raising the class, or not.
    "offense=patronizing victim_age=30 offense_date=2016-06-01 "
    "prior_prostitution_offenses=2",
    "offense=patronizing victim_age=10 offense_date=2024-01-01 "
    "prior_prostitution_offenses=5",
    "offense=prostitution knew_hiv=no offense_date=2019-01-15 "
    "prior_prostitution_offenses=3",
    # Knowledge of HIV; minors charged under each protection of the years;
    # the treatment route.
    "offense=prostitution knew_hiv=yes offense_date=2024-01-01",
    "offense=prostitution knew_hiv=no defendant_age=16 offense_date=2010-01-01",
    "offense=prostitution knew_hiv=no defendant_age=16 offense_date=2018-09-01",
    "offense=prostitution knew_hiv=no defendant_age=16 offense_date=2020-01-01",
    "offense=prostitution knew_hiv=no defendant_age=16 offense_date=2023-01-01",
    "offense=prostitution knew_hiv=no defendant_age=30 offense_date=2023-01-01 "
    "prior_prostitution_offenses=0",
    # Needs facts: the age, the offense itself, the enhancement's fact.
    "offense=patronizing offense_date=2024-01-01",
    "offense_date=2024-01-01",
    "victim_age=3",
    "offense=patronizing victim_age=30 offense_date=2016-06-01",
    # No version; a class without figures (the era's start is not
    # established, or no table is held); an assumed and a future date.
    "offense=patronizing victim_age=30 offense_date=1970-01-01",
    "offense=patronizing victim_age=30 offense_date=2000-01-01",
    "offense=prostitution knew_hiv=no offense_date=1985-01-01",
    "offense=patronizing victim_age=30",
    "offense=prostitution knew_hiv=no defendant_age=16",
    "offense=patronizing victim_age=16 offense_date=2099-01-01",
]
for facts_given in CLASSIFY:
    check("classify.schema.json", "classify --format=json " + facts_given)
check(
    "classify.schema.json",
    "--lang=es classify --format=json offense=prostitution knew_hiv=no "
    "defendant_age=16 offense_date=2023-01-01",
)
# The uncertain window of the fictional statute: candidates that disagree
# (ambiguous), that agree (decided, the version uncertain), that need a
# fact; and dates on either side.
for facts_given in (
    "person_age=10 offense_date=2020-01-01",
    "person_age=30 offense_date=2020-01-01",
    "offense_date=2020-01-01",
    "person_age=16 offense_date=2017-01-15",
    "person_age=16 offense_date=2024-01-01",
    "person_age=16 offense_date=2010-01-01",
):
    check(
        "classify.schema.json",
        window("classify --format=json offense=test-offense " + facts_given),
    )

# ------------------------------------------------------------------
# screen: with a date (classify's answer plus "unknown"), without one (the
# periods), with no offense, and in the uncertain window; prefilled facts
# as arguments, the answers on standard input.

SCREEN = [
    ("", "2\n2019-01-15\n30\n0\n"),
    ("offense=patronizing offense_date=2024-01-01", "?\n0\n"),
    ("offense=patronizing offense_date=2024-01-01", "16\n?\n"),
    ("offense=prostitution offense_date=2023-01-01", "no\n16\n"),
    ("offense=patronizing", "?\n30\n0\n"),
    ("offense=patronizing", "?\n?\n?\n"),
    ("offense=prostitution", "?\nyes\n"),
    ("", "?\n"),
    ("", ""),
]
for prefilled, answers in SCREEN:
    check(
        "screen.schema.json",
        "screen --format=json " + prefilled,
        stdin=answers,
        label="penal screen %s with answers %r" % (prefilled, answers),
    )
for prefilled, answers in (
    ("", "?\n?\n"),
    ("offense_date=2020-01-01", "10\n"),
    ("offense_date=2020-01-01", "30\n"),
):
    check(
        "screen.schema.json",
        window("screen --format=json offense=test-offense " + prefilled),
        stdin=answers,
        label="penal screen (uncertain window) %s with answers %r" % (prefilled, answers),
    )

# ------------------------------------------------------------------
# show, tree and diff on every statute; show on every penalty table.

for statute in statutes:
    name = statute["id"]
    for date in ("1990-01-01", "2016-06-01", "2024-01-01"):
        check("show.schema.json", "show %s --date=%s --format=json" % (name, date))
    for date in ("2016-06-01", "2024-01-01"):
        check("tree.schema.json", "tree %s --date=%s --format=json" % (name, date))
    for dates in (
        ("2016-01-01", "2025-01-01"),
        ("2016-12-31", "2017-01-01"),
        ("1970-01-01", "2024-01-01"),
    ):
        check("diff.schema.json", "diff %s --from %s --to %s --format=json"
              % ((name,) + dates))
for table in penalty_tables:
    for date in ("1990-01-01", "2000-01-01", "2016-06-01", "2024-01-01"):
        check("show.schema.json", "show %s --date=%s --format=json" % (table["id"], date))
check("show.schema.json", "show 558.011 --date=2024-01-01 --format=json")
check("show.schema.json", "--lang=es show 567.030 --date=2024-01-01 --format=json")
for command in ("show", "tree"):
    check(
        command + ".schema.json",
        window(command + " test-offense --date=2020-01-01 --format=json"),
    )
check(
    "diff.schema.json",
    window("diff test-offense --from 2016-01-01 --to 2024-01-01 --format=json"),
)

# ------------------------------------------------------------------
# what-if: each fact an offense depends on varied on two dates (and with
# nothing else given, so that ranges need facts), and the date varied.

WHAT_IF_GIVEN = {
    "patronizing": "victim_age=30 prior_prostitution_offenses=0",
    "prostitution": "knew_hiv=no defendant_age=16",
}
for offense in offenses:
    varied = 0
    for fact in facts:
        if fact == "offense":
            continue
        given = [
            g
            for g in WHAT_IF_GIVEN.get(offense["id"], "").split()
            if not g.startswith(fact + "=")
        ]
        if fact == "offense_date":
            dates = [[]]
        else:
            dates = [["offense_date=2016-06-01"], ["offense_date=2024-01-01"]]
        for date in dates:
            args = ["what-if", "offense=" + offense["id"]] + given + date
            args += ["--vary", fact, "--format=json"]
            completed = run(args)
            if completed.returncode == 64 and b"does not depend on" in completed.stderr:
                break
            varied += 1
            check("what-if.schema.json", args)
        else:
            if fact != "offense_date":
                check(
                    "what-if.schema.json",
                    "what-if offense=%s offense_date=2024-01-01 --vary %s --format=json"
                    % (offense["id"], fact),
                )
    result(varied >= 2, "what-if varied at least two facts of %s" % offense["id"])
check(
    "what-if.schema.json",
    window("what-if offense=test-offense offense_date=2020-01-01 --vary person_age "
           "--format=json"),
)
check(
    "what-if.schema.json",
    window("what-if offense=test-offense --vary offense_date --format=json"),
)

# ------------------------------------------------------------------
# lookup: a code, its family, a legacy code, a statute, a code with each
# modifier, a code not in force, unclassified, an ordinance, a type with
# no class, a class penal holds only as a class (murder); and searches.

LOOKUP = [
    "567.030-003Y201840 offense_date=2019-05-01",
    "567.030-003Y20184005.0 offense_date=2019-05-01",
    "567.030-003Y20184005.1 offense_date=2019-05-01",
    "567.030-003Y20184005.3 offense_date=2019-05-01",
    "567.030-003 offense_date=2010-05-01",
    "21027 offense_date=2010-05-01",
    "567.030 offense_date=2019-05-01",
    "567.020 offense_date=2024-01-01",
    "567.020 offense_date=1990-01-01",
    "567.020-001Y197740 offense_date=2024-01-01",
    "567.030-001Y200440 offense_date=2000-01-01",
    "105.470-001N196573 offense_date=2000-01-01",
    "ORD252.0-009N202162 offense_date=2022-01-01",
    "ADMIN.0-001N201473 offense_date=2020-01-01",
    "142.869-001N199961 offense_date=2010-01-01",
    "565.020-001Y198409 offense_date=2010-01-01",
    "565.020-001 offense_date=2010-01-01",
    "567.030-003Y201840",
]
for query in LOOKUP:
    check("lookup.schema.json", "lookup %s --format=json" % query)
check(
    "lookup.schema.json",
    "--lang=es lookup 565.020-001Y198409 offense_date=2010-01-01 --format=json",
)
for words in ("patronizing prostitution", "MURDER", "no such words at all"):
    check("lookup-search.schema.json", ["lookup", "--search", words, "--format=json"])

# Two editions of the charge-code table: the bundled one, and a newer one
# made from it with one code of each kind of change.
table = os.path.join(SRCDIR, "statutes", "mshp-charge-codes.tsv")
newer = os.path.join(WORK, "newer.tsv")
CHANGES = {
    "edition": (1, "2022-08-05"),
    "105.452-002Y202073": (3, "A"),  # reclassified
    "105.453-001Y201673": (5, "2017-01-31"),  # redated
    "567.020-001Y202040": (5, "2022-08-27"),  # retired
}
with open(table, encoding="utf-8") as f, open(newer, "w", encoding="utf-8") as out:
    for row in f.read().splitlines():
        fields = row.split("\t")
        if fields[0] == "105.452-001Y199973":
            continue  # dropped
        if fields[0] in CHANGES:
            column, value = CHANGES[fields[0]]
            fields[column] = value
        out.write("\t".join(fields) + "\n")
    # Added, last, as the table is sorted by code.
    added = "ZZZ.0-001N202299 - M A 2022-08-28 - N N - YNNN M 99 - ADDED"
    out.write(added.replace(" ", "\t") + "\n")
diff = check("charge-codes-diff.schema.json",
             ["diff", "--charge-codes", table, newer, "--format=json"])
result(
    bool(diff)
    and all(
        len(diff[0][kind]) == 1
        for kind in ("added", "dropped", "retired", "reclassified", "redated")
    ),
    "the two tables differ by one code of each kind",
)
check("charge-codes-diff.schema.json",
      ["diff", "--charge-codes", table, table, "--format=json"])

# ------------------------------------------------------------------
# batch: JSON Lines rows of every status and error rows, from CSV and from
# JSON Lines.

CSV = """\
offense,victim_age,knew_hiv,prior_prostitution_offenses,defendant_age,offense_date
patronizing,14,,,,2016-06-01
patronizing,16,,0,,2024-01-01
patronizing,30,,0,,2024-01-01
patronizing,30,,2,,2016-06-01
patronizing,,,,,2024-01-01
patronizing,30,,,,1970-01-01
patronizing,30,,,,2000-01-01
patronizing,30,,,,
prostitution,,yes,,,2024-01-01
prostitution,,no,0,16,2023-01-01
prostitution,,,,,2024-01-01
patronizing,abc,,,,2024-01-01
,30,,,,2024-01-01
patronizing,30,maybe,,,2024-01-01
"""
JSONL = """\
{"offense": "patronizing", "victim_age": 30, "offense_date": "2024-01-01"}
{"offense": "prostitution", "knew_hiv": true, "offense_date": "2024-01-01"}
{"offense": "patronizing"}
[1, 2]
not json
{"offense": "patronizing", "victim_age": "x"}
"""
WINDOW_CSV = """\
offense,person_age,offense_date
test-offense,10,2020-01-01
test-offense,30,2020-01-01
test-offense,,2020-01-01
"""
# A case system's export: a case id kept, spaced headers, charge codes of
# every kind (a statute penal holds, with and without its facts; one it
# does not; unclassified, an ordinance, an attempt, one not in force then,
# one with no date), facts an offense does not read, and bad rows.
CODES_CSV = """\
Case ID,Charge Code,Offense,Victim Age,Offense Date,Knew HIV,Prior Prostitution Offenses,Defendant Age
A-1,567.030-003Y201840,,16,2019-05-01,,,
A-2,567.030-003Y201840,,,2019-05-01,,,
A-3,565.020-001Y202009,,,2021-05-01,no,,
A-4,565.020-001Y202009,,,2019-05-01,,,
A-5,567.030-003Y20184005.1,,,2019-05-01,,,
A-6,565.020-001Y202009,,,,,,
A-7,not-a-code,,,2019-05-01,,,
A-8,,patronizing,30,2019-05-01,no,,
A-9,,prostitution,,,,,
A-10,,patronizing,12,2024-01-01,,2,
A-11,,patronizing,30,2019-02-22,,0,
A-12,,prostitution,,2023-01-01,no,0,30
"""
# Codes of a class U and of an ordinance, from the table itself.
table = os.path.join(SRCDIR, "statutes", "mshp-charge-codes.tsv")
with open(table, encoding="utf-8") as f:
    rows = [r for r in (line.rstrip("\n").split("\t") for line in f) if len(r) >= 14]
unclassified = next(r[0] for r in rows if r[3] == "U" and r[5] == "-")
ordinance = next(
    (r[0] for r in rows if r[2] == "L" and r[5] == "-"), None
)
for code in (unclassified, ordinance):
    if code is not None:
        CODES_CSV += "X,%s,,,2021-05-01,,,\n" % code
KEEP = ["--keep=Case ID", "--ignore-unknown"]
check("batch-row.schema.json", "batch --format=jsonl -", CSV, 65, True)
check("batch-row.schema.json", "batch --format=jsonl --full -", CSV, 65, True)
check("batch-row.schema.json", ["batch", "--format=jsonl"] + KEEP + ["-"],
      CODES_CSV, 65, True)
check("batch-row.schema.json", ["batch", "--format=jsonl", "--full"] + KEEP
      + ["-"], CODES_CSV, 65, True)
check(
    "batch-row.schema.json",
    "batch --input-format=jsonl --format=jsonl -",
    JSONL,
    65,
    True,
)
check(
    "batch-row.schema.json",
    "batch --input-format=jsonl --format=jsonl --full --keep=case -",
    JSONL,
    65,
    True,
)
# The samples of tests/batch-samples.c, as JSON Lines, short and --full.
SAMPLES = (
    ("batch-excel.csv", ["--date-order=mdy", "--keep=Case No"]),
    ("batch-case-system.csv", ["--keep=case_id", "--ignore-unknown"]),
    ("batch-api.jsonl", ["--input-format=jsonl", "--keep=case_id"]),
)
for sample, options in SAMPLES:
    path = os.path.join(SRCDIR, "tests", "data", sample)
    for full in ([], ["--full"]):
        check("batch-row.schema.json",
              ["batch", "--format=jsonl"] + full + options + [path], "", 65, True)
check("batch-row.schema.json", window("batch --format=jsonl -"), WINDOW_CSV, 0, True)
check("batch-row.schema.json", window("batch --format=jsonl --full -"), WINDOW_CSV,
      0, True)
# audit: every finding, an error row, kept cells, JSON Lines in and out.
AUDIT_CSV = """\
Case ID,offense_date,charge_code,charged_class,offense,victim_age,prior_prostitution_offenses
a1,2019-01-01,567.030-003Y201840,felony-E,,,
a2,2019-03-01,567.030-003Y200440,Class A Misdemeanor,,,
a3,2019-01-01,567.030-003Y201840,M-A,,,
a4,2024-03-01,567.030-002Y202040,,patronizing,12,2
a5,2000-01-01,105.470-001N196573,,,,
a6,2024-05-01,567.030-003,,,,
a7,2024-05-01,,felony-E,patronizing,16,
a8,,567.030-003Y201840,felony-E,,,
a9,2024-05-01,567.030-003Y201840,Class Q,,,
"""
check("audit-row.schema.json", "audit --format=jsonl --keep=case_id -", AUDIT_CSV,
      65, True)
check("audit-row.schema.json", "audit --format=jsonl --ignore-unknown -", AUDIT_CSV,
      65, True)
check("audit-row.schema.json", "audit --input-format=jsonl --format=jsonl -",
      '{"offense_date":"2019-01-01","charge_code":"567.030-003Y201840",'
      '"charged_class":"felony-E"}\n', 0, True)

# ------------------------------------------------------------------
# The API, from a running server.

schema_api.check_answers(JSONL)

# ------------------------------------------------------------------
# The cases reach every code: each status, warning, kind and state.

STATUSES = ("decided", "needs-facts", "ambiguous", "no-version")
ANSWERS = (True, False, None)
reached("classify.schema.json", "status", STATUSES)
reached(
    "classify.schema.json",
    "code",
    ("offense-date-assumed", "offense-date-in-future", "before-earliest-version",
     "version-uncertain"),
)
for member in ("penalty_established", "applies", "raises_exposure", "eligible",
               "available"):
    reached("classify.schema.json", member, ANSWERS)
reached("screen.schema.json", "status", STATUSES)
reached(
    "batch-row.schema.json",
    "status",
    STATUSES + ("error", "unclassified", "ordinance", "modified", "not-in-force"),
)
for member in ("raises_exposure", "penalty_established", "diversion_eligible"):
    reached("batch-row.schema.json", member, ANSWERS)
for member in ("applies", "available"):
    reached("batch-row.schema.json", member, (True, None))
reached(
    "audit-row.schema.json",
    "kind",
    ("ok", "code-not-in-force", "code-class-mismatch", "class-mismatch",
     "enhancement-cannot-raise", "cannot-check"),
)
reached("audit-row.schema.json", "finding", ("ok", "code-not-in-force", "error"))
reached(
    "show.schema.json",
    "kind",
    ("offense", "enhancement", "diversion", "court-discretion", "protection",
     "referral", "penalties", "class", "not-applicable", "open", "eligible",
     "not-eligible", "applies"),
)
reached("diff.schema.json", "boundary", ("start", "end"))
reached("what-if.schema.json", "status", STATUSES)
reached("what-if.schema.json", "penalty_state", ("held", "uncertain", "not-held", None))
reached(
    "lookup.schema.json",
    "status",
    ("decided", "unclassified", "ordinance", "modified", "no-class", "not-in-force"),
)
reached("lookup.schema.json", "penalty_scope", ("class", "statute", None))
reached(
    "lookup.schema.json",
    "type",
    ("felony", "misdemeanor", "infraction", "ordinance", "other"),
)
reached("api-error.schema.json", "status", (400, 404, 405, 413, 415, 421, 431))
every_schema_used()

# ------------------------------------------------------------------
# The schemas refuse what penal does not write: each real output, made
# wrong in one way, must fail.

decided = output(
    "classify --format=json offense=patronizing victim_age=30 "
    "offense_date=2016-06-01 prior_prostitution_offenses=2"
)
BROKEN = [
    ("a member it does not define", lambda d: d.update(extra=1)),
    ("a missing format_version", lambda d: d.pop("format_version")),
    ("another format_version", lambda d: d.update(format_version=3)),
    ("a class code it does not have", lambda d: d.update({"class": "felony-F"})),
    ("a term that is not an ISO 8601 duration",
     lambda d: d["imprisonment"].update(max="4 years")),
    ("a date that is not YYYY-MM-DD", lambda d: d.update(offense_date="1/6/2016")),
    ("a basis code it does not have", lambda d: d.update(basis="standing")),
    ("null where a decided answer has a citation", lambda d: d.update(citation=None)),
    ("a status with the members of another", lambda d: d.update(status="ambiguous")),
    ("a fine in cents", lambda d: d["fine"].update(max_usd=5000.5)),
    ("an unknown warning code",
     lambda d: d["warnings"].append({"code": "beware", "message": "x"})),
    ("a member an enhancement does not have",
     lambda d: d["enhancements"][0].update(extra=1)),
    ("a program without its reason",
     lambda d: d["diversion"]["programs"][0].pop("reason")),
    ("a screen member in classify's answer", lambda d: d.update(unknown=[])),
]
for what, spoil in BROKEN:
    doc = copy.deepcopy(decided)
    spoil(doc)
    refused("classify.schema.json", doc, what)
refused("screen.schema.json", decided, "classify's answer without \"unknown\"")

row = json.loads(run(["batch", "--format=jsonl", "-"], CSV).stdout.decode().splitlines()[0])
refused("batch-row.schema.json", dict(row, status="error"),
        "an error row with an answer's members")
refused("batch-row.schema.json", {k: v for k, v in row.items() if k != "line"},
        "a row without its line")
refused("batch-row.schema.json", dict(row, offense_date_assumed=True),
        "a row whose date batch assumed")
refused("batch-row.schema.json", dict(row, imprisonment_max_months=6.5),
        "a term in part of a month")
refused("batch-row.schema.json", dict(row, status="guessed"),
        "a status it does not have")
full_row = json.loads(
    run(["batch", "--format=jsonl", "--full", "-"], CSV).stdout.decode().splitlines()[0]
)
refused("batch-row.schema.json", {k: v for k, v in full_row.items() if k != "notes"},
        "a --full row without its notes")
refused("batch-row.schema.json", dict(full_row, unknown=[]),
        "a --full row with screen's unknown")
audit_row = json.loads(
    run(["audit", "--format=jsonl", "-"],
        "offense_date,charge_code,charged_class\n"
        "2019-03-01,567.030-003Y200440,M-A\n").stdout.decode())
refused("audit-row.schema.json", dict(audit_row, finding="wrong"),
        "a finding it does not have")
refused("audit-row.schema.json", {k: v for k, v in audit_row.items() if k != "law"},
        "a checked row without the law")
refused("audit-row.schema.json", dict(audit_row, charged_class="Class A Misdemeanor"),
        "a class as typed rather than as penal writes it")
doc = output("list --format=json")
doc["statutes"][0]["kind"] = "statute"
refused("list.schema.json", doc, "a statute kind it does not have")
doc = output("show 567.030 --date=2024-01-01 --format=json")
ruled = [s for s in doc["versions"][0]["subsections"] if s["rules"]]
ruled[0]["rules"][0]["outcome"]["kind"] = "maybe"
refused("show.schema.json", doc, "a rule kind it does not have")
doc = output("what-if offense=patronizing offense_date=2024-01-01 --vary victim_age "
             "--format=json")
doc["ranges"][0]["from"] = doc["ranges"][0].pop("min")
refused("what-if.schema.json", doc, "a range of values given as a period")
doc = output("lookup 21027 offense_date=2010-05-01 --format=json")
doc["codes"][0]["status"] = "guessed"
refused("lookup.schema.json", doc, "a lookup status it does not have")
finish()
