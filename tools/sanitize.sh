#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/sanitize.sh [DIR]: builds a clean copy of the source tree (what
# `make dist` would ship) in DIR (default: a new temporary directory) with
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs the whole test
# suite there.  Needs a configured tree (tools/setup.sh).  Any
# sanitizer report aborts the program that made it, so a test fails.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"

# po/ writes its part of distdir relative to the top, so make it there.
rm -rf "$top/penal-sanitize"
make -s -C "$top" distdir distdir=penal-sanitize >/dev/null
rm -rf "$dir/penal"
mv "$top/penal-sanitize" "$dir/penal"
cd "$dir/penal"
./configure -q CFLAGS="$flags" LDFLAGS="-fsanitize=address,undefined"
make -s -j"$(nproc)" >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions="$dir/penal/tests/lsan.supp":print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  G_SLICE=always-malloc make -s check
echo "sanitize: make check passed with ASan and UBSan in $dir/penal"
