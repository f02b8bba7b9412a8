#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# schema.sh: every JSON penal writes is valid against its JSON Schema in
# doc/schema/ (tests/schema.py runs the cases).  Speaks TAP; skipped, with
# the reason, where Python's jsonschema (Debian's python3-jsonschema, 4.0
# or later for draft 2020-12) is missing, and under valgrind, where it
# would check the shape of JSON, not memory.
set -u
penal=${PENAL_BINARY:-./src/penal}
top=${PENAL_TOP_SRCDIR:-${srcdir:-.}}
python=/usr/bin/python3

skip () {
  echo "1..0 # SKIP $1"
  exit 0
}
[ -z "${PENAL_MEMCHECK:-}" ] \
  || skip "under valgrind: this checks the shape of penal's JSON, not memory"
[ -x "$python" ] || skip "no /usr/bin/python3"
"$python" -c 'from jsonschema import Draft202012Validator' 2>/dev/null \
  || skip "python3-jsonschema (4.0 or later) is not installed (apt-get install python3-jsonschema)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" "$top/tests/schema.py" "$penal" "$top" "$work"
