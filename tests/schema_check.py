# SPDX-License-Identifier: GPL-3.0-or-later
"""schema_check.py: what tests/schema.py checks penal's JSON with: TAP
output, the schemas of doc/schema/ loaded and checked, penal run and what
it writes validated, and the record of the values each member took, to
prove the cases reach every code the schemas list.

Imported by schema.py, whose arguments (PENAL SRCDIR WORKDIR) it reads.
"""

import json
import os
import subprocess
import sys

import jsonschema
from jsonschema import Draft202012Validator

PENAL, SRCDIR, WORK = sys.argv[1:4]
SCHEMAS = os.path.join(SRCDIR, "doc", "schema")
WINDOW = os.path.join(SRCDIR, "tests", "data", "valid-uncertain-window.xml")
ENV = dict(os.environ, LC_ALL="C", LANGUAGE="")
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# ------------------------------------------------------------------
# TAP

counter = 0
failed = False


def result(ok, text, diagnostics=()):
    global counter, failed
    counter += 1
    for line in diagnostics:
        print("# " + line)
    print(("ok" if ok else "not ok") + " %d - %s" % (counter, text))
    failed |= not ok


# ------------------------------------------------------------------
# The schemas, each under its $id (its file name), so that their
# relative $refs resolve among themselves.

store = {}
invalid = set()
for name in sorted(os.listdir(SCHEMAS)):
    if not name.endswith(".schema.json"):
        continue
    with open(os.path.join(SCHEMAS, name), encoding="utf-8") as f:
        schema = json.load(f)
    problems = []
    try:
        Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        problems.append(str(error.message))
    if schema.get("$schema") != DRAFT:
        problems.append("$schema is not draft 2020-12")
    if schema.get("$id") != name:
        problems.append("$id is not the file's name")
    result(not problems, "%s is a valid draft 2020-12 schema" % name, problems)
    store[name] = schema
    if problems:
        invalid.add(name)


def validator(name):
    """A validator for the schema in file name that resolves $refs in
    store, through referencing where jsonschema has it (4.18 on), through
    RefResolver before (Debian 12 has 4.10)."""
    schema = store[name]
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError:
        resolver = jsonschema.RefResolver(base_uri=name, referrer=schema, store=store)
        return Draft202012Validator(
            schema, resolver=resolver, format_checker=jsonschema.FormatChecker()
        )
    registry = Registry().with_resources(
        (uri, Resource.from_contents(s, default_specification=DRAFT202012))
        for uri, s in store.items()
    )
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


validators = {name: validator(name) for name in store}
# The schemas an output was checked against, and the values each member
# took there, to prove the cases reach every code the schemas list.
used = set()
seen = {}


def note_values(schema, value, member=None):
    if isinstance(value, dict):
        for key, item in value.items():
            note_values(schema, item, key)
    elif isinstance(value, list):
        for item in value:
            note_values(schema, item, member)
    elif member is not None:
        seen.setdefault(schema, {}).setdefault(member, set()).add(value)


def validate(schema, label, text, lines=False):
    """Validates text, one JSON document or (lines) one per line, against
    schema, as one test; returns the documents."""
    used.add(schema)
    label = "%s: valid against %s" % (label, schema)
    try:
        if lines:
            docs = [json.loads(line) for line in text.splitlines()]
        else:
            docs = [json.loads(text)]
    except ValueError as error:
        result(False, label, ["not JSON: %s" % error])
        return []
    if schema in invalid:
        result(False, label, ["%s is not a valid schema" % schema])
        return docs
    problems = []
    for doc in docs:
        note_values(schema, doc)
        errors = sorted(
            validators[schema].iter_errors(doc), key=lambda e: list(e.absolute_path)
        )
        for error in errors[:8]:
            where = "/".join(str(p) for p in error.absolute_path) or "(top)"
            problems.append("%s: %s" % (where, error.message[:300]))
    result(bool(docs) and not problems, label, problems)
    return docs


# ------------------------------------------------------------------
# Running penal


def run(args, stdin=""):
    return subprocess.run(
        [PENAL] + args,
        input=stdin.encode(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        timeout=120,
    )


def check(schema, args, stdin="", exit_code=0, lines=False, label=None):
    """Runs penal with args (a list, or words in a string) and validates
    what it wrote against schema."""
    if isinstance(args, str):
        args = args.split()
    label = label or "penal " + " ".join(args)
    completed = run(args, stdin)
    if completed.returncode != exit_code:
        err = completed.stderr.decode()[:500]
        result(False, label, ["exit %d: %s" % (completed.returncode, err)])
        return []
    return validate(schema, label, completed.stdout.decode(), lines)


def window(args):
    """args, against the fictional statute with an uncertain window."""
    return ["--statutes", WINDOW] + args.split()


def output(args, stdin=""):
    """What penal writes for args (words in a string), read as JSON."""
    return json.loads(run(args.split(), stdin).stdout.decode())


def reached(schema, member, values):
    """One test: the outputs checked against schema gave member each of
    values."""
    missing = set(values) - seen.get(schema, {}).get(member, set())
    result(
        not missing,
        "the outputs checked against %s give %s each of %s"
        % (schema, member, ", ".join(map(str, values))),
        ["never seen: %s" % ", ".join(sorted(map(str, missing)))] if missing else [],
    )


def every_schema_used():
    """One test: every schema but the common definitions validated an
    output."""
    unused = sorted(set(store) - used - {"common.schema.json"})
    result(not unused, "every schema validated an output", unused)


def refused(schema, doc, what):
    """One test: schema refuses doc, an output made wrong in one way."""
    result(
        schema not in invalid
        and any(True for _ in validators[schema].iter_errors(doc)),
        "%s refuses %s" % (schema, what),
    )


def finish():
    """Prints the TAP plan and exits, failing if any test failed."""
    print("1..%d" % counter)
    sys.exit(1 if failed else 0)
