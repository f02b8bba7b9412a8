#!/bin/sh
# run-test.sh: runs one GTest binary so that it speaks TAP to automake; under
# valgrind memcheck when PENAL_MEMCHECK is set (tools/memcheck.sh).
if [ -n "${PENAL_MEMCHECK:-}" ]; then
  exec valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite "$@" --tap -k
fi
exec "$@" --tap -k
