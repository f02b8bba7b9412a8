#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# dmn-standard.sh: penal's DMN export as the OMG standard reads it.  The
# DMN 1.3 table of every offense, under each of its versions, is valid
# against the OMG's DMN 1.3 schema (tests/dmn/xsd, whose source
# tests/dmn/xsd/README names); every input column is an <inputData> of its
# own, with its FEEL type, that the decision requires through an
# <informationRequirement>; numbers are FEEL's number in 1.3 and 1.1 alike.
# Output is TAP; skipped, with the reason, without xmllint.
set -u
penal=${PENAL_BINARY:-./src/penal}
srcdir=${srcdir:-.}
xsd=$srcdir/tests/dmn/xsd/DMN13.xsd

if ! command -v xmllint >/dev/null 2>&1; then
  echo "1..0 # SKIP xmllint is not installed (apt-get install libxml2-utils to run it)"
  exit 0
fi

work=tests/dmn-standard-work
rm -rf "$work"
mkdir -p "$work"
. "$srcdir/tests/tap.sh"
# The value of an XPath expression over a table; elements by local name,
# since DMN tables put everything in a default namespace.
xpath () {
  xmllint --xpath "$2" "$1" 2>/dev/null
}
el () {
  echo "*[local-name()=\"$1\"]"
}

# Every offense, on the first day of each of its versions, from penal's own
# list (json-glib's layout: a statute's members at six spaces, its
# versions' at ten).
"$penal" list --format=json > "$work/list.json"
awk -F'"' '/^      "id" :/ { id = $4 } /^      "kind" :/ { kind = $4 }
  /^          "from_latest" :/ && kind == "offense" { print id, $4 }' \
  "$work/list.json" > "$work/tables"
echo "1..$(($(wc -l < "$work/tables") + 4))"

[ -s "$work/tables" ]
result $? "penal list names the offenses and their versions"

while read -r offense date; do
  table=$work/$offense-$date.dmn
  status=0
  if ! "$penal" export --format=dmn --date="$date" "$offense" > "$table" < /dev/null; then
    echo "# penal export failed"
    status=1
  elif ! xmllint --noout --schema "$xsd" "$table" > "$work/xmllint.log" 2>&1; then
    sed 's/^# //; s/^/# /' "$work/xmllint.log"
    status=1
  fi
  # A version with one rule for every case (567.030 before 2004) has none.
  inputs=$(xpath "$table" "count(//$(el input))")
  i=1
  while [ "$i" -le "${inputs:-0}" ]; do
    input="(//$(el input))[$i]/$(el inputExpression)"
    name=$(xpath "$table" "string($input/$(el text))")
    type=$(xpath "$table" "string($input/@typeRef)")
    data="//$(el definitions)/$(el inputData)[@name=\"$name\"]"
    id=$(xpath "$table" "string($data/@id)")
    if [ "$(xpath "$table" "count($data)")" != 1 ]; then
      echo "# $name: not one <inputData> of that name"
      status=1
    elif [ "$(xpath "$table" "string($data/$(el variable)[@name=\"$name\"]/@typeRef)")" != "$type" ]; then
      echo "# $name: the <inputData>'s variable is not named and typed as the column ($type)"
      status=1
    elif [ "$(xpath "$table" "count(//$(el decision)/$(el informationRequirement)/$(el requiredInput)[@href=\"#$id\"])")" != 1 ]; then
      echo "# $name: the decision does not require <inputData id=\"$id\">"
      status=1
    fi
    i=$((i + 1))
  done
  if grep -q 'typeRef="integer"' "$table"; then
    echo "# typeRef=\"integer\" is no FEEL type"
    status=1
  fi
  result $status "$offense on $date: DMN 1.3, valid, each input its own <inputData>"
done < "$work/tables"

# The schema is really applied: a table with a hit policy DMN lacks fails.
sed 's/hitPolicy="UNIQUE"/hitPolicy="SOMETIMES"/' "$work/$(head -n 1 "$work/tables" | tr ' ' -).dmn" > "$work/broken.dmn"
! xmllint --noout --schema "$xsd" "$work/broken.dmn" > /dev/null 2>&1
result $? "the DMN 1.3 schema refuses a hit policy DMN does not have"

# DMN 1.3 is the default form; the 1.1 form types numbers as FEEL does too.
"$penal" export --format=dmn --date=2024-01-01 patronizing > "$work/default.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2024-01-01 patronizing > "$work/1.1.dmn"
status=0
grep -q 'xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"' "$work/default.dmn" || status=1
grep -q 'xmlns="http://www.omg.org/spec/DMN/20151101/dmn.xsd"' "$work/1.1.dmn" || status=1
grep -q 'typeRef="number"' "$work/1.1.dmn" || status=1
grep -q 'typeRef="integer"' "$work/1.1.dmn" && status=1
result $status "DMN 1.3 by default; 1.1 on request, with FEEL's number"

# A date where the version in force is not established is refused (the
# fictional statute of tests/data/valid-uncertain-window.xml).
status=0
if "$penal" export --statutes "$srcdir/tests/data/valid-uncertain-window.xml" --format=dmn \
     --date=2020-01-01 test-offense > /dev/null 2> "$work/window.err"; then
  echo "# export in the uncertain window should be refused"
  status=1
elif ! grep -q 2020-01-01 "$work/window.err"; then
  echo "# the refusal does not name the date"
  status=1
fi
result $status "an uncertain date is refused, naming it"
exit $failed
