#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/fuzz.sh [SECONDS|--fixed]: builds penal's libFuzzer harnesses
# (tests/fuzz/fuzz-*.c) with clang, -fsanitize=fuzzer,address,undefined, and
# runs each for SECONDS (default 60) on a scratch copy of its seed corpus
# (tests/fuzz/corpus-*), so the corpus in the repository never changes.
# With --fixed, each runs a fixed number of inputs from a fixed seed
# instead: the same inputs on every machine, however fast or loaded, so a
# result can be reproduced (CI runs this; explore with SECONDS).
# Needs a configured, built tree (tools/setup.sh) and clang.  Prints one
# summary line per harness: fuzz: NAME runs=N seconds=S.  A crash, leak or
# undefined behaviour stops the harness, saves the input under fuzz-build/,
# and makes the script fail.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
# Inputs per harness with --fixed: about 30 s each on a 2-core machine.
fixed_runs () {
  case $1 in
    loader) echo 1000000 ;;
    facts) echo 20000 ;;
    csv) echo 30000 ;;
    batch) echo 80000 ;;
  esac
}
out=${FUZZ_BUILD:-$top/fuzz-build}
modules="glib-2.0 gio-2.0 libxml-2.0 json-glib-1.0"

command -v clang >/dev/null || { echo "fuzz: clang is not installed (apt-get install clang)" >&2; exit 1; }
[ -f "$top/config.h" ] || { echo "fuzz: run tools/setup.sh first (no config.h)" >&2; exit 1; }
make -C "$top" src/penal-resources.c >/dev/null

mkdir -p "$out"
sources=$(ls "$top"/src/penal-*.c)
for name in loader facts csv batch; do
  # shellcheck disable=SC2086
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DHAVE_CONFIG_H -I"$top" -I"$top/src" $(pkg-config --cflags $modules) \
    "$top/tests/fuzz/fuzz-$name.c" $sources \
    -o "$out/fuzz-$name" $(pkg-config --libs $modules)
  rm -rf "$out/corpus-$name"
  cp -r "$top/tests/fuzz/corpus-$name" "$out/corpus-$name"
  start=$(date +%s)
  if [ "$seconds" = --fixed ]; then
    limit="-runs=$(fixed_runs "$name") -seed=1"
  else
    limit="-max_total_time=$seconds"
  fi
  # shellcheck disable=SC2086
  if ! (cd "$out" && PENAL_LOCALEDIR=/nonexistent ./"fuzz-$name" $limit \
          -max_len=65536 -timeout=10 -print_final_stats=1 "corpus-$name" \
          > "fuzz-$name.log" 2>&1); then
    tail -40 "$out/fuzz-$name.log" >&2
    echo "fuzz: $name FAILED; the input is saved in $out" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz-$name.log")
  echo "fuzz: $name runs=$runs seconds=$(( $(date +%s) - start ))"
done
