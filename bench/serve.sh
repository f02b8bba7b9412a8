#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# serve.sh: penal serve's /api/v1/classify under load, beside a peer a team
# might build instead, in the same run, over the same loopback connections.
#
#   - penal serve on 127.0.0.1, and the peer: the same RSMo 567.030 tables
#     exported as DMN 1.1 and evaluated by the npm engine
#     @hbtgmbh/dmn-eval-js behind Node's own http server
#     (bench/peer/serve.js);
#   - both with the same number of workers, WORKERS (default: the number of
#     processors): penal's threads (PENAL_SERVE_THREADS), the peer's Node
#     processes (PEER_WORKERS; node:cluster's primary only hands out the
#     connections).  Nothing is pinned to a processor: the servers, wrk
#     (the load) and whatever else runs on the machine share them all;
#   - and, as a ceiling, libsoup alone (bench/soup-alone.c, built here):
#     penal's answer to the request, its very bytes, from memory, with the
#     same workers and nothing else, so penal's rate is also given as a
#     share of what libsoup itself answers on this machine in this run;
#   - first, penal and the peer must agree on the class for every age 0-120
#     on two offense dates (one on each side of the 2017 revision);
#   - then wrk sends the same request (bench/serve.lua) to each, one server
#     at a time, at 1, 16 and 64 connections, in ROUNDS rounds (default 5)
#     of DURATION seconds (default 4) each, the servers taking turns, so
#     that what else the machine does weighs on them alike: requests per
#     second and p50/p99 latency, each server's processor time per
#     request, and how much of the machine's processors other work took
#     meanwhile (neither the server nor wrk); each figure is the median of
#     the rounds;
#   - then REQUESTS (default 1,000,000) more to penal serve at 64
#     connections, with its resident memory read before and after;
#   - last, a different case on every request (bench/serve-cases.lua) to
#     penal and the peer at 64 connections, in rounds as above: penal's
#     cache answers none, and fills (its memory is read once more).
#
# Usage: [WORKERS=N] [ROUNDS=N] bench/serve.sh [DURATION [REQUESTS]].  Installs wrk,
# nodejs, npm, gcc and libsoup-3.0-dev from Debian when run as root, and
# the engine from npm.  The last line is for scripts.  Only 127.0.0.1 is
# ever sent a request.
# shellcheck disable=SC2046 # measure's figures are split into words
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-4}
rounds=${ROUNDS:-5}
requests=${2:-1000000}
workers=${WORKERS:-$(nproc)}
penal=$top/src/penal
work=$(mktemp -d)
penal_pid=
peer_pid=
alone_pid=
cleanup () {
  for pid in $penal_pid $peer_pid $alone_pid; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

need=
for tool in wrk node npm curl cc pkg-config; do
  command -v $tool >/dev/null || need="$need $tool"
done
pkg-config --exists libsoup-3.0 2>/dev/null || need="$need libsoup-3.0-dev"
if [ -n "$need" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      wrk nodejs npm curl gcc pkg-config libsoup-3.0-dev >/dev/null
  else
    echo "bench: needs$need (apt-get install wrk nodejs npm curl gcc pkg-config libsoup-3.0-dev)" >&2
    exit 1
  fi
fi
[ -x "$penal" ] || { echo "bench: build penal first (tools/setup.sh)" >&2; exit 1; }
(cd "$top/bench/peer" && npm install --no-audit --no-fund --silent >/dev/null 2>&1)
# shellcheck disable=SC2046
cc -O2 -o "$work/soup-alone" "$top/bench/soup-alone.c" \
  $(pkg-config --cflags --libs libsoup-3.0)

# Three free ports on loopback, from the kernel.
free_port () {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}
penal_port=$(free_port)
peer_port=$(free_port)
while [ "$peer_port" = "$penal_port" ]; do peer_port=$(free_port); done
alone_port=$(free_port)
while [ "$alone_port" = "$penal_port" ] || [ "$alone_port" = "$peer_port" ]; do
  alone_port=$(free_port)
done

PENAL_SERVE_THREADS=$workers "$penal" serve --listen=127.0.0.1:"$penal_port" 2>/dev/null &
penal_pid=$!
"$penal" export --format=dmn --dmn-version=1.1 --date=2016-06-01 patronizing > "$work/pre2017.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2017-01-01 patronizing > "$work/2017.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2024-01-01 patronizing > "$work/current.dmn"
# The versions' dates as `penal list` gives them (2017-02-14 to 2023-03-10
# is the window in which the version in force is not established).
PEER_WORKERS=$workers node "$top/bench/peer/serve.js" "$peer_port" \
  "-:2016-12-31:$work/pre2017.dmn" "2017-01-01:2023-03-10:$work/2017.dmn" \
  "2017-02-14:-:$work/current.dmn" &
peer_pid=$!

wait_up () {
  i=0
  until curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
      -d '{}' "http://127.0.0.1:$1/api/v1/classify"; do
    i=$((i + 1))
    [ $i -lt 300 ] || { echo "bench: the server on port $1 did not start" >&2; exit 1; }
    sleep 0.1
  done
}
wait_up "$penal_port"
wait_up "$peer_port"

# libsoup alone answers with penal's answer to bench/serve.lua's request.
curl -s -o "$work/answer.json" -X POST -H 'Content-Type: application/json' \
  -d "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$top/bench/serve.lua")" \
  "http://127.0.0.1:$penal_port/api/v1/classify"
"$work/soup-alone" "$alone_port" "$workers" "$work/answer.json" &
alone_pid=$!
wait_up "$alone_port"

class_of () {
  curl -s -X POST -H 'Content-Type: application/json' -d "$2" \
    "http://127.0.0.1:$1/api/v1/classify" \
    | sed -n 's/^ *"class" *: *"\{0,1\}\([^",]*\)"\{0,1\},\{0,1\}$/\1/p; s/^{"class":"\([^"]*\)"}$/\1/p' | head -1
}
agree=0
disagree=0
for date in 2016-06-01 2024-01-01; do
  for age in $(seq 0 120); do
    body="{\"offense\": \"patronizing\", \"victim_age\": $age, \"offense_date\": \"$date\"}"
    a=$(class_of "$penal_port" "$body")
    b=$(class_of "$peer_port" "$body")
    if [ -n "$a" ] && [ "$a" = "$b" ]; then
      agree=$((agree + 1))
    else
      disagree=$((disagree + 1))
      [ $disagree -gt 5 ] || echo "bench: age $age on $date: penal $a, peer $b" >&2
    fi
  done
done
echo "bench: agreement on the class: agree=$agree disagree=$disagree"
[ "$disagree" -eq 0 ] || exit 1

# Processor time in clock ticks: of the processes PID... with all their
# threads and child processes (the peer's workers); and of the whole
# machine, busy.
cpu_ticks () {
  for pid in "$@"; do
    echo "$pid"
    cat "/proc/$pid/task/$pid/children" 2>/dev/null || true
  done | tr ' ' '\n' | while read -r pid; do
    [ -z "$pid" ] || awk '{ print $14 + $15 }' "/proc/$pid/stat"
  done | awk '{ s += $1 } END { print s + 0 }'
}
machine_busy_ticks () {
  awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# wrk's figures for the server on PORT (process PID), with CONNECTIONS and
# the request SCRIPT: requests/s; p50 and p99 in ms; the server's
# processor time per request in microseconds; and the share of the
# machine's processors, in %, that other work took meanwhile.
measure () {
  port=$1 connections=$2 script=$3 pid=$4
  server_before=$(cpu_ticks "$pid")
  busy_before=$(machine_busy_ticks)
  # wrk's own processor time: its shell's children's, fields 16 and 17 of
  # the shell's stat once wrk is done.
  sh -c 'wrk -t1 -c"$1" -d"$2s" --latency -s "$3" "$4" > "$5" 2>&1
         awk "{ print \$16 + \$17 }" "/proc/$$/stat" > "$5.ticks"' \
    sh "$connections" "$duration" "$script" \
    "http://127.0.0.1:$port/api/v1/classify" "$work/wrk.txt"
  busy_after=$(machine_busy_ticks)
  server_after=$(cpu_ticks "$pid")
  rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk.txt")
  count=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  errors=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.txt")
  [ -z "$errors" ] || { echo "bench: $errors requests failed" >&2; exit 1; }
  processor=$(awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" \
    -v seconds="$duration" -v n="$count" -v wrk="$(cat "$work/wrk.txt.ticks")" \
    -v server="$((server_after - server_before))" \
    -v busy="$((busy_after - busy_before))" \
    'BEGIN { others = 100 * (busy - server - wrk) / (hz * seconds * cores);
             printf "%.1f %.0f", server * 1e6 / hz / n, others < 0 ? 0 : others }')
  echo "$rate $(to_ms "$p50") $(to_ms "$p99") $processor"
}
to_ms () {
  case $1 in
    *us) echo "$1" | awk '{ printf "%.3f", $1 / 1000 }' ;;
    *ms) echo "$1" | awk '{ printf "%.3f", $1 + 0 }' ;;
    *s) echo "$1" | awk '{ printf "%.3f", $1 * 1000 }' ;;
    *) echo "$1" ;;
  esac
}
rss_kb () {
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}
ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'
}

# The medians of measure's figures over the rounds in FILE, one round a
# line.
medians () {
  for column in 1 2 3 4 5; do
    awk -v c="$column" '{ print $c }' "$1" | sort -g \
      | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
  done | tr '\n' ' '
}

# ROUNDS rounds at CONNECTIONS with SCRIPT, the servers named after them
# (penal, peer, alone) taking turns; the medians in $work/NAME.medians.
rounds_of () {
  connections=$1 script=$2
  shift 2
  for name in "$@"; do : > "$work/$name.rounds"; done
  round=0
  while [ $round -lt "$rounds" ]; do
    # Each round of distinct cases starts further on (bench/serve-cases.lua).
    CASES_FROM=$((round * 200000))
    export CASES_FROM
    for name in "$@"; do
      eval "port=\$${name}_port pid=\$${name}_pid"
      measure "$port" "$connections" "$script" "$pid" >> "$work/$name.rounds" \
        && [ "$(wc -w < "$work/$name.rounds")" -eq $((5 * (round + 1))) ] \
        || exit 1
    done
    round=$((round + 1))
  done
  for name in "$@"; do medians "$work/$name.rounds" > "$work/$name.medians"; done
}

echo "bench: $workers workers each, on $(nproc) processors shared with wrk and anything else running; nothing pinned; medians of $rounds rounds of $duration s, the servers taking turns"
summary=" workers=$workers"
for connections in 1 16 64; do
  rounds_of "$connections" "$top/bench/serve.lua" penal peer alone
  set -- $(cat "$work/penal.medians")
  penal_rate=$1 penal_p50=$2 penal_p99=$3 penal_us=$4 penal_others=$5
  set -- $(cat "$work/peer.medians")
  peer_rate=$1 peer_p50=$2 peer_p99=$3 peer_us=$4 peer_others=$5
  set -- $(cat "$work/alone.medians")
  alone_rate=$1 alone_p50=$2 alone_p99=$3 alone_us=$4 alone_others=$5
  echo "bench: $connections connections: penal $penal_rate req/s (p50 $penal_p50 ms, p99 $penal_p99 ms); peer $peer_rate req/s (p50 $peer_p50 ms, p99 $peer_p99 ms); ratio $(ratio "$penal_rate" "$peer_rate")"
  echo "bench:   libsoup alone $alone_rate req/s (p50 $alone_p50 ms, p99 $alone_p99 ms), penal $(ratio "$penal_rate" "$alone_rate") of it; processor time per request: penal $penal_us us, peer $peer_us us, libsoup alone $alone_us us; other work took $penal_others%, $peer_others%, $alone_others% of the processors"
  summary="$summary c${connections}_rps=$penal_rate c${connections}_p99_ms=$penal_p99 c${connections}_peer_rps=$peer_rate c${connections}_ratio=$(ratio "$penal_rate" "$peer_rate") c${connections}_alone_rps=$alone_rate c${connections}_penal_us=$penal_us c${connections}_peer_us=$peer_us c${connections}_others_pct=$penal_others"
done

# Memory over REQUESTS more requests at 64 connections, in rounds of 10 s,
# read after each round.
before=$(rss_kb "$penal_pid")
highest=$before
done_requests=0
while [ "$done_requests" -lt "$requests" ]; do
  wrk -t1 -c64 -d10s -s "$top/bench/serve.lua" \
    "http://127.0.0.1:$penal_port/api/v1/classify" > "$work/long.txt" 2>&1
  round=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/long.txt")
  [ "${round:-0}" -gt 0 ] || { echo "bench: a round answered nothing" >&2; exit 1; }
  done_requests=$((done_requests + round))
  now=$(rss_kb "$penal_pid")
  [ "$now" -le "$highest" ] || highest=$now
done
after=$(rss_kb "$penal_pid")
echo "bench: memory: $before KB before, $after KB after $done_requests more requests (at most $highest KB)"

# Last, a different case on every request: none is answered from the
# cache, which fills.
rounds_of 64 "$top/bench/serve-cases.lua" penal peer
set -- $(cat "$work/penal.medians")
penal_rate=$1 penal_p50=$2 penal_p99=$3 penal_us=$4 penal_others=$5
set -- $(cat "$work/peer.medians")
peer_rate=$1 peer_p50=$2 peer_p99=$3 peer_us=$4 peer_others=$5
echo "bench: 64 connections, a different case each request: penal $penal_rate req/s (p50 $penal_p50 ms, p99 $penal_p99 ms, $penal_us us each); peer $peer_rate req/s (p50 $peer_p50 ms, p99 $peer_p99 ms, $peer_us us each); ratio $(ratio "$penal_rate" "$peer_rate"); other work took $penal_others%, $peer_others%"
summary="$summary cases_rps=$penal_rate cases_peer_rps=$peer_rate cases_ratio=$(ratio "$penal_rate" "$peer_rate") cases_penal_us=$penal_us cases_peer_us=$peer_us rss_cases_kb=$(rss_kb "$penal_pid")"
echo "bench: memory with the cache of answers full: $(rss_kb "$penal_pid") KB"

echo "bench:$summary rss_before_kb=$before rss_after_kb=$after rss_max_kb=$highest long_requests=$done_requests"
