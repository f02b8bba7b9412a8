#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# memcheck-penal.sh: src/penal under valgrind memcheck, for tools/memcheck.sh.
# Exit 99 on any memory error or definitely-lost block; otherwise penal's own
# exit status.  Standard input, output and error pass through untouched.
top=$(cd "$(dirname "$0")/.." && pwd)
exec valgrind --quiet --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite --show-leak-kinds=definite \
  --suppressions="$top/tests/valgrind.supp" \
  --log-file="$top/tests/memcheck-penal-%p.log" "$top/src/penal" "$@"
