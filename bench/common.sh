# SPDX-License-Identifier: GPL-3.0-or-later
# bench/common.sh: what penal's benchmark scripts share, sourced by
# bench/run.sh and bench/audit.sh once they know $top: their start,
# installing the Debian packages they need (when run as root), timing a
# command as the best of N runs, and the arithmetic of their reports.

# The start of a run: $rows from the script's argument (default 1000000),
# $penal, the one built in this tree, and $work, a scratch directory
# removed on exit.
bench_start () {
  rows=${1:-1000000}
  penal="$top/src/penal"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}

# Installs the packages named (Debian's), or says which to install.
bench_install () {
  if [ -z "$1" ]; then return 0; fi
  if [ "$(id -u)" = 0 ]; then
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $1 >/dev/null
  else
    echo "bench: please install:$1" >&2
    exit 1
  fi
}

# The best of N wall-clock times, in seconds, of a shell command: the
# machine may be shared.
best_of () {
  best=""
  i=0
  while [ "$i" -lt "$1" ]; do
    start=$(date +%s%N)
    sh -c "$2" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    t=$(( end - start ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    i=$((i + 1))
  done
  awk -v ns="$best" 'BEGIN { printf "%.4f", ns / 1e9 }'
}
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
per_s () { awk -v n="$1" -v t="$2" 'BEGIN { printf "%d", n / t }'; }
