#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/audit.sh [ROWS]: penal audit's benchmark.  Generates two caseloads
# of ROWS recorded charges each (default 1000000) from a fixed seed, then
# measures, side by side in this one run and over the same files:
#   - the goal: `penal audit --keep=case_id` over bench/'s caseload of
#     recorded codes (bench/generate-codes.awk, the one bench/run.sh times
#     batch by code over: a case id, a code, an offense date), in rows per
#     second, against 2,000,000, and against `penal batch` over the same
#     rows;
#   - a harder caseload with a class recorded beside each code
#     (bench/generate-audit.awk: classes typed as people type them, a tenth
#     of them wrong, dates around each code's period), where nearly every
#     pair of code and class must be checked on its own;
#   - `mawk -F, '{print $1","$3}'` (merely splitting fields and writing a
#     little) as a floor, with penal's time as a ratio to it.
# Each timing is the best of 3 runs, as the machine may be shared.  The last
# line is a summary a script can read, with the goal and whether this run
# met it.  Needs mawk and GNU time (installed when run as root).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/common.sh"
bench_start "$@"

need=""
command -v mawk >/dev/null || need="$need mawk"
[ -x /usr/bin/time ] || need="$need time"
bench_install "$need"
[ -x "$penal" ] || "$top/tools/setup.sh"

best_of_3 () { best_of 3 "$1"; }
rate () { per_s "$1" "$2"; }

echo "bench: generating $rows recorded codes and $rows recorded charges with classes (seed 42)"
mawk -v n="$rows" -v seed=42 -f "$top/bench/generate-codes.awk" \
  "$top/statutes/mshp-charge-codes.tsv" > "$work/codes.csv"
mawk -v n="$rows" -v seed=42 -f "$top/bench/generate-audit.awk" \
  "$top/statutes/mshp-charge-codes.tsv" > "$work/charges.csv"

t_awk=$(best_of_3 "mawk -F, '{print \$1\",\"\$3}' '$work/codes.csv' > /dev/null")
t_audit=$(best_of_3 "'$penal' audit --keep=case_id '$work/codes.csv' > /dev/null")
t_batch=$(best_of_3 "'$penal' batch --keep=case_id '$work/codes.csv' > /dev/null")
t_classes=$(best_of_3 "'$penal' audit --keep=case_id '$work/charges.csv' > /dev/null")
"$penal" audit --keep=case_id "$work/codes.csv" > "$work/findings.csv" 2> "$work/summary" || true
"$penal" audit --keep=case_id "$work/charges.csv" > /dev/null 2> "$work/summary-classes" || true
out_rows=$(( $(wc -l < "$work/findings.csv") - 1 ))
[ "$out_rows" -eq "$rows" ] || { echo "bench: penal audit wrote $out_rows rows for $rows" >&2; exit 1; }
rss=$(/usr/bin/time -f %M "$penal" audit --keep=case_id "$work/codes.csv" 2>&1 >/dev/null | tail -1)
rss_classes=$(/usr/bin/time -f %M "$penal" audit --keep=case_id "$work/charges.csv" 2>&1 >/dev/null | tail -1)
audit_rate=$(rate "$rows" "$t_audit")
classes_rate=$(rate "$rows" "$t_classes")
goal=2000000
met=no
[ "$audit_rate" -ge "$goal" ] && met=yes

echo "bench: $rows rows each, on $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "bench: recorded codes: penal audit ${t_audit}s ($audit_rate rows/s, goal $goal), peak RSS ${rss} KB; penal batch ${t_batch}s ($(rate "$rows" "$t_batch") rows/s); mawk split ${t_awk}s"
echo "bench:   $(head -1 "$work/summary")"
echo "bench: codes with recorded classes: penal audit ${t_classes}s ($classes_rate rows/s), peak RSS ${rss_classes} KB"
echo "bench:   $(head -1 "$work/summary-classes")"
echo "audit_rows=$rows audit_rows_per_s=$audit_rate goal_rows_per_s=$goal goal_met=$met audit_awk_ratio=$(ratio "$t_audit" "$t_awk") audit_batch_ratio=$(ratio "$t_audit" "$t_batch") classes_rows_per_s=$classes_rate peak_rss_kb=$rss classes_peak_rss_kb=$rss_classes"
