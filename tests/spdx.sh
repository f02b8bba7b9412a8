#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/spdx.sh: every file of the checkout that can hold a comment names
# its licence in an SPDX-License-Identifier line (tools/spdx-check.sh).
# Speaks TAP.  Outside a git checkout (make distcheck's unpacked tarball)
# the files the build generates would be checked too, so it is skipped.
set -u
srcdir=${srcdir:-.}
. "$srcdir/tests/tap.sh"
if ! git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "1..0 # SKIP not a git checkout (a tarball holds generated files)"
  exit 0
fi
echo "1..1"
missing=$("$srcdir/tools/spdx-check.sh")
status=$?
for f in $missing; do echo "# lacks an SPDX-License-Identifier line: $f"; done
result "$status" "every file names its licence"
exit $failed
