#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/run.sh [ROWS]: penal's benchmark.  Generates ROWS synthetic cases
# (default 1000000) from a fixed seed, then measures, side by side in this
# one run and over the same file:
#   - `penal batch` (CSV in, CSV out): cases per second and peak memory;
#   - `cat > /dev/null` (merely reading the file) and
#     `mawk -F, '{print $1","$3}'` (merely splitting fields and writing a
#     little), as floors, with penal's time as a ratio to each;
#   - the startup of a one-case `penal classify` (load, validate and compile
#     every bundled statute) against `xmllint --noout` over the same files;
#   - a peer: the patronizing decision table, exported by penal as DMN 1.1,
#     evaluated by the npm package @hbtgmbh/dmn-eval-js over the same cases,
#     checking that both agree on every case.
# Each timing is the best of 3 runs, as the machine may be shared.  The last
# line is a summary a script can read.  Missing Debian packages (mawk, time,
# libxml2-utils, nodejs, npm) are installed when run as root; the peer's npm
# package goes into bench/peer/node_modules.  Nothing else uses the network.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
penal="$top/src/penal"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=""
command -v mawk >/dev/null || need="$need mawk"
[ -x /usr/bin/time ] || need="$need time"
command -v xmllint >/dev/null || need="$need libxml2-utils"
command -v node >/dev/null || need="$need nodejs"
command -v npm >/dev/null || need="$need npm"
if [ -n "$need" ]; then
  if [ "$(id -u)" = 0 ]; then
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
  else
    echo "bench: please install:$need" >&2
    exit 1
  fi
fi
[ -x "$penal" ] || "$top/tools/setup.sh"

# The best of 3 wall-clock times, in seconds, of a shell command.
best_of_3 () {
  best=""
  for _ in 1 2 3; do
    start=$(date +%s%N)
    sh -c "$1" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    t=$(( end - start ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  awk -v ns="$best" 'BEGIN { printf "%.4f", ns / 1e9 }'
}
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "bench: generating $rows cases (seed 42)"
mawk -v n="$rows" -v seed=42 -f "$top/bench/generate.awk" > "$work/cases.csv"
size=$(wc -c < "$work/cases.csv")

t_cat=$(best_of_3 "cat '$work/cases.csv' > /dev/null")
t_awk=$(best_of_3 "mawk -F, '{print \$1\",\"\$3}' '$work/cases.csv' > /dev/null")
t_penal=$(best_of_3 "'$penal' batch '$work/cases.csv' > /dev/null")
"$penal" batch "$work/cases.csv" > "$work/penal.csv" 2>/dev/null || true
rss=$(/usr/bin/time -f %M "$penal" batch "$work/cases.csv" 2>&1 >/dev/null | tail -1)
out_rows=$(( $(wc -l < "$work/penal.csv") - 1 ))
[ "$out_rows" -eq "$rows" ] || { echo "bench: penal wrote $out_rows rows for $rows" >&2; exit 1; }
cases_per_s=$(awk -v n="$rows" -v t="$t_penal" 'BEGIN { printf "%d", n / t }')

# Startup: 20 one-case runs against 20 xmllint runs over the same files.
statutes=$(ls "$top"/statutes/*.xml | grep -v gresource)
loop20 () { printf 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do %s; done' "$1"; }
t_start=$(best_of_3 "$(loop20 "'$penal' classify offense=patronizing victim_age=30 offense_date=2024-01-01")")
# shellcheck disable=SC2086
t_xmllint=$(best_of_3 "$(loop20 "xmllint --noout $(echo $statutes)")")

# The peer.
peer="peer_cases=0 peer_cases_per_s=0 agree=0 disagree=0"
(cd "$top/bench/peer" && npm install --no-audit --no-fund --silent >/dev/null 2>&1)
"$penal" export --format=dmn --dmn-version=1.1 --date=2016-06-01 patronizing > "$work/pre2017.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2017-01-01 patronizing > "$work/2017.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2024-01-01 patronizing > "$work/current.dmn"
# The windows of statutes/mo-567-030.xml: the 2017 version may have been
# in force until 2023-03-10, the current one from 2017-02-14.
peer=$(node "$top/bench/peer/peer.js" "$work/cases.csv" "$work/penal.csv" \
  "-:2016-12-31:$work/pre2017.dmn" "2017-01-01:2023-03-10:$work/2017.dmn" \
  "2017-02-14:-:$work/current.dmn")
peer_rate=$(echo "$peer" | sed -n 's/.*peer_cases_per_s=\([0-9]*\).*/\1/p')
peer_cases=$(echo "$peer" | sed -n 's/.*peer_cases=\([0-9]*\).*/\1/p')
# penal's rate over the same rows the peer evaluated is its overall rate.
peer_ratio=$(ratio "$cases_per_s" "$peer_rate")

echo "bench: $rows cases, $size bytes, on $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "bench: penal batch ${t_penal}s ($cases_per_s cases/s), peak RSS ${rss} KB"
echo "bench: cat ${t_cat}s, mawk split ${t_awk}s"
echo "bench: 20 x penal classify ${t_start}s, 20 x xmllint --noout ${t_xmllint}s"
echo "bench: peer: $peer_cases patronizing cases at $peer_rate cases/s; $(echo "$peer" | sed 's/.* \(agree=.*\)/\1/')"
echo "cases=$rows penal_cases_per_s=$cases_per_s awk_ratio=$(ratio "$t_penal" "$t_awk") cat_ratio=$(ratio "$t_penal" "$t_cat") startup_ratio=$(ratio "$t_start" "$t_xmllint") peer_ratio=$peer_ratio peak_rss_kb=$rss"
