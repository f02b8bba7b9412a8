#!/bin/sh
# dmn-agree.sh: penal's DMN export, evaluated by an independent DMN engine
# (the npm package @hbtgmbh/dmn-eval-js), agrees with `penal classify` for
# every victim_age 0-120 under each version of RSMo 567.030 that is
# certainly in force on some day.  Output is TAP; skipped, with the reason,
# without node and npm or when npm cannot install the engine.
set -u
penal=${PENAL_BINARY:-./src/penal}
srcdir=${srcdir:-.}

if [ -n "${PENAL_MEMCHECK:-}" ]; then
  echo "1..0 # SKIP under valgrind: this checks agreement, not memory, over 363 runs"
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "1..0 # SKIP node and npm are not installed (apt-get install nodejs npm to run it)"
  exit 0
fi

# The engine goes into the build tree; the source tree may be read-only.
work=tests/dmn-work
mkdir -p "$work"
cp "$srcdir/tests/dmn/package.json" "$srcdir/tests/dmn/agree.js" "$work/"
if [ ! -d "$work/node_modules/@hbtgmbh/dmn-eval-js" ]; then
  if ! (cd "$work" && npm install --no-audit --no-fund --silent >npm.log 2>&1); then
    echo "1..0 # SKIP npm could not install @hbtgmbh/dmn-eval-js (see $work/npm.log)"
    exit 0
  fi
fi

echo "1..3"
status=0
cases=0
# One day inside each version's certain range (statutes/mo-567-030.xml):
# the single tier before 2004, the tiers of 2004, SB 491's and those of 2018.
for date in 2000-01-01 2016-06-01 2017-01-15 2024-01-01; do
  table=$work/$date.dmn
  if ! "$penal" export --format=dmn --dmn-version=1.1 --date=$date patronizing > "$table"; then
    echo "Bail out! penal export failed for $date"
    exit 1
  fi
  node "$work/agree.js" "$table" > "$work/$date.engine" || { echo "Bail out! the DMN engine failed on $table"; exit 1; }
  : > "$work/$date.penal"
  age=0
  while [ $age -le 120 ]; do
    "$penal" classify --format=json offense=patronizing victim_age=$age offense_date=$date \
      | sed -n 's/^  "class" : "\(.*\)",$/\1/p; s/^  "citation" : "\(.*\)",$/\1/p' \
      | { read -r citation; read -r class; echo "$age ${class:-none} ${citation:-none}"; } >> "$work/$date.penal"
    age=$((age + 1))
    cases=$((cases + 1))
  done
  if ! diff -u "$work/$date.penal" "$work/$date.engine" > "$work/$date.diff"; then
    echo "# on $date penal (-) and the DMN engine (+) disagree:"
    sed 's/^/# /' "$work/$date.diff"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "ok 1 - $cases cases agree (4 versions x ages 0-120)"
else
  echo "not ok 1 - penal and the DMN engine agree on every case"
fi
failed=$status
status=0

# DMN 1.3 is the default form, and it is well-formed XML.
"$penal" export --format=dmn --date=2024-01-01 patronizing > "$work/default.dmn"
if ! grep -q 'xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"' "$work/default.dmn"; then
  echo "# the default export does not declare DMN 1.3"
  status=1
fi
if command -v xmllint >/dev/null 2>&1 && ! xmllint --noout "$work/default.dmn"; then
  echo "# the default export is not well-formed"
  status=1
fi
[ $status -eq 0 ] && echo "ok 2 - the default export is DMN 1.3, well-formed" \
  || echo "not ok 2 - the default export is DMN 1.3, well-formed"
[ $status -eq 0 ] || failed=1
status=0

# A date where the version in force is not established is refused (the
# fictional statute of tests/data/valid-uncertain-window.xml).
window_statute=$(dirname "$0")/data/valid-uncertain-window.xml
if "$penal" export --statutes "$window_statute" --format=dmn --date=2020-01-01 test-offense > /dev/null 2> "$work/window.err"; then
  echo "# export in the uncertain window should be refused"
  status=1
elif ! grep -q 2020-01-01 "$work/window.err"; then
  echo "# the refusal does not name the date"
  status=1
fi

[ $status -eq 0 ] && echo "ok 3 - an uncertain date is refused, naming it" \
  || echo "not ok 3 - an uncertain date is refused, naming it"
[ $status -eq 0 ] || failed=1
exit $failed
