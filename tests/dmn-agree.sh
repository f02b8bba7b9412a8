#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# dmn-agree.sh: penal's DMN export, evaluated by an independent DMN engine
# (the npm package @hbtgmbh/dmn-eval-js), agrees with `penal classify` for
# every victim_age 0-120 under each version of RSMo 567.030 that is
# certainly in force on some day.  Output is TAP.  It installs the engine
# from the npm registry, so it runs only when PENAL_TEST_NPM=1 (.ci/run
# sets it): a build with no network, such as a Debian package's, skips it,
# as it does without node and npm or when npm cannot install the engine.
# tests/dmn-standard.sh checks the export against the DMN schema offline.
set -u
penal=${PENAL_BINARY:-./src/penal}
srcdir=${srcdir:-.}

if [ "${PENAL_TEST_NPM:-}" != 1 ]; then
  echo "1..0 # SKIP it installs a DMN engine from the npm registry: set PENAL_TEST_NPM=1 to run it"
  exit 0
fi

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

echo "1..1"
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
exit $status
