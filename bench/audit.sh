#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/audit.sh [ROWS]: penal audit's benchmark.  Generates ROWS recorded
# charges (default 1000000) from a fixed seed (bench/generate-audit.awk:
# codes of every kind from the bundled Highway Patrol table, dates around
# their periods, classes typed as people type them), then measures, side
# by side in this one run and over the same file:
#   - `penal audit --keep=case_id` (CSV in, CSV out): rows per second and
#     peak memory;
#   - `mawk -F, '{print $1","$3}'` (merely splitting fields and writing a
#     little) as a floor, with penal's time as a ratio to it;
#   - `penal batch --keep=case_id` over the same rows (the class of each code
#     on its date, no finding), as the reference among penal's own commands.
# Each timing is the best of 3 runs, as the machine may be shared.  The last
# line is a summary a script can read, with the goal (2,000,000 rows/s) and
# whether this run met it.  Needs mawk and GNU time (installed when run as
# root).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
penal="$top/src/penal"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=""
command -v mawk >/dev/null || need="$need mawk"
[ -x /usr/bin/time ] || need="$need time"
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
rate () { awk -v n="$1" -v t="$2" 'BEGIN { printf "%d", n / t }'; }

echo "bench: generating $rows recorded charges (seed 42)"
mawk -v n="$rows" -v seed=42 -f "$top/bench/generate-audit.awk" \
  "$top/statutes/mshp-charge-codes.tsv" > "$work/charges.csv"

t_awk=$(best_of_3 "mawk -F, '{print \$1\",\"\$3}' '$work/charges.csv' > /dev/null")
t_audit=$(best_of_3 "'$penal' audit --keep=case_id '$work/charges.csv' > /dev/null")
t_batch=$(best_of_3 "'$penal' batch --keep=case_id --ignore-unknown '$work/charges.csv' > /dev/null")
"$penal" audit --keep=case_id "$work/charges.csv" > "$work/findings.csv" 2> "$work/summary" || true
out_rows=$(( $(wc -l < "$work/findings.csv") - 1 ))
[ "$out_rows" -eq "$rows" ] || { echo "bench: penal audit wrote $out_rows rows for $rows" >&2; exit 1; }
rss=$(/usr/bin/time -f %M "$penal" audit --keep=case_id "$work/charges.csv" 2>&1 >/dev/null | tail -1)
audit_rate=$(rate "$rows" "$t_audit")
goal=2000000
met=no
[ "$audit_rate" -ge "$goal" ] && met=yes

echo "bench: $rows rows on $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "bench: penal audit ${t_audit}s ($audit_rate rows/s), peak RSS ${rss} KB"
echo "bench: $(head -1 "$work/summary")"
echo "bench: penal batch (by code) ${t_batch}s ($(rate "$rows" "$t_batch") rows/s); mawk split ${t_awk}s"
echo "audit_rows=$rows audit_rows_per_s=$audit_rate audit_awk_ratio=$(ratio "$t_audit" "$t_awk") audit_batch_ratio=$(ratio "$t_audit" "$t_batch") peak_rss_kb=$rss goal_rows_per_s=$goal goal_met=$met"
