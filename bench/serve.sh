#!/bin/sh
# serve.sh: penal serve's /api/v1/classify under load, beside a peer a team
# might build instead, in the same run, over the same loopback connections.
#
#   - penal serve on 127.0.0.1, and the peer: the same RSMo 567.030 tables
#     exported as DMN 1.1 and evaluated by the npm engine
#     @hbtgmbh/dmn-eval-js behind Node's own http server
#     (bench/peer/serve.js, one process per processor);
#   - first, both must agree on the class for every age 0-120 on three
#     offense dates (one per version of the statute);
#   - then wrk sends the same request (bench/serve.lua) to each, one server
#     at a time, at 1, 16 and 64 connections for DURATION seconds (default
#     10): requests per second and p50/p99 latency;
#   - then REQUESTS (default 1,000,000) more to penal serve at 64
#     connections, with its resident memory read before and after.
#
# Usage: bench/serve.sh [DURATION [REQUESTS]].  Installs wrk, nodejs and
# npm from Debian when run as root, and the engine from npm.  The last line
# is for scripts.  Only 127.0.0.1 is ever sent a request.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-10}
requests=${2:-1000000}
penal=$top/src/penal
work=$(mktemp -d)
penal_pid=
peer_pid=
cleanup () {
  [ -z "$penal_pid" ] || kill "$penal_pid" 2>/dev/null || true
  [ -z "$peer_pid" ] || kill "$peer_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need=
for tool in wrk node npm curl; do
  command -v $tool >/dev/null || need="$need $tool"
done
if [ -n "$need" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      wrk nodejs npm curl >/dev/null
  else
    echo "bench: needs$need (apt-get install wrk nodejs npm curl)" >&2
    exit 1
  fi
fi
[ -x "$penal" ] || { echo "bench: build penal first (tools/setup.sh)" >&2; exit 1; }
(cd "$top/bench/peer" && npm install --no-audit --no-fund --silent >/dev/null 2>&1)

# Two free ports on loopback, from the kernel.
free_port () {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}
penal_port=$(free_port)
peer_port=$(free_port)
while [ "$peer_port" = "$penal_port" ]; do peer_port=$(free_port); done

"$penal" serve --listen=127.0.0.1:"$penal_port" 2>/dev/null &
penal_pid=$!
"$penal" export --format=dmn --dmn-version=1.1 --date=2016-06-01 patronizing > "$work/pre2017.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2017-01-01 patronizing > "$work/2017.dmn"
"$penal" export --format=dmn --dmn-version=1.1 --date=2024-01-01 patronizing > "$work/current.dmn"
# The versions' dates as `penal list` gives them (2017-02-14 to 2023-03-10
# is the window in which the version in force is not established).
node "$top/bench/peer/serve.js" "$peer_port" \
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

# wrk's figures: requests/s, p50 and p99 in ms.
measure () {
  wrk -t1 -c"$2" -d"${duration}s" --latency -s "$top/bench/serve.lua" \
    "http://127.0.0.1:$1/api/v1/classify" > "$work/wrk.txt" 2>&1
  rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  errors=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.txt")
  [ -z "$errors" ] || { echo "bench: $errors requests failed" >&2; exit 1; }
  echo "$rate $(to_ms "$p50") $(to_ms "$p99")"
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

summary=
for connections in 1 16 64; do
  set -- $(measure "$penal_port" "$connections")
  penal_rate=$1 penal_p50=$2 penal_p99=$3
  set -- $(measure "$peer_port" "$connections")
  peer_rate=$1 peer_p50=$2 peer_p99=$3
  echo "bench: $connections connections: penal $penal_rate req/s (p50 $penal_p50 ms, p99 $penal_p99 ms); peer $peer_rate req/s (p50 $peer_p50 ms, p99 $peer_p99 ms); ratio $(ratio "$penal_rate" "$peer_rate")"
  summary="$summary c${connections}_rps=$penal_rate c${connections}_p99_ms=$penal_p99 c${connections}_peer_rps=$peer_rate c${connections}_ratio=$(ratio "$penal_rate" "$peer_rate")"
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
echo "bench:$summary rss_before_kb=$before rss_after_kb=$after rss_max_kb=$highest long_requests=$done_requests"
