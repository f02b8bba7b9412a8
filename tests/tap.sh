# SPDX-License-Identifier: GPL-3.0-or-later
# tap.sh: sourced by the shell tests to speak TAP.  `result STATUS TEXT`
# prints test number n as ok when STATUS is 0, else as not ok, and then
# sets failed=1; the test ends with `exit $failed`.
n=0
failed=0
result () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
