#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/memcheck.sh: runs the whole test suite under valgrind memcheck: every
# test binary, and every run of src/penal the tests make.  Any memory error
# or definitely-lost block makes valgrind exit 99, which fails the test that
# saw it.  Needs a built tree (tools/setup.sh) and valgrind.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }

wrapper="$top/tests/memcheck-penal.sh"
export PENAL_MEMCHECK=1 PENAL_TEST_BINARY="$wrapper" G_SLICE=always-malloc G_DEBUG=gc-friendly
rm -f "$top"/tests/memcheck-penal-*.log
make -C "$top" check
runs=$(ls "$top"/tests/memcheck-penal-*.log 2>/dev/null | wc -l)
echo "memcheck: make check passed under valgrind: every test binary and $runs runs of src/penal, 0 errors, 0 definitely lost"
