#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-test.sh: runs one GTest binary so that it speaks TAP to automake; under
# valgrind memcheck when PENAL_MEMCHECK is set (tools/memcheck.sh).  Known
# leaks of the libraries below penal (tests/valgrind.supp, tests/lsan.supp)
# are not reported as penal's.
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${PENAL_MEMCHECK:-}" ]; then
  exec valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --suppressions="$here/valgrind.supp" "$@" --tap -k
fi
# The server's tests (serve, serve-pages) need whole stacks for
# LeakSanitizer's suppression to see libsoup: GLib has no frame pointers
# for the fast unwinder.
case ${ASAN_OPTIONS:-}:$1 in
  ?*:*serve | ?*:*serve-*) ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0
    export ASAN_OPTIONS ;;
esac
exec "$@" --tap -k
