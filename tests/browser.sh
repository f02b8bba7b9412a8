#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# browser.sh: the web interview in a real browser: headless Chromium
# driven by Selenium (tests/browser.py) against `penal serve` on
# 127.0.0.1.  Speaks TAP; skipped, with the reason, where Chromium,
# chromedriver or Python's selenium is missing.  With PENAL_SCREENSHOTS=DIR
# it also saves the README's screenshots there.
set -u
binary=${PENAL_BINARY:?PENAL_BINARY is set by make check}
srcdir=${G_TEST_SRCDIR:?G_TEST_SRCDIR is set by make check}
python=/usr/bin/python3

skip () {
  echo "1..0 # SKIP $1"
  exit 0
}
[ -x "$python" ] || skip "no /usr/bin/python3"
"$python" -c 'import selenium' 2>/dev/null \
  || skip "python3-selenium is not installed (apt-get install python3-selenium)"
command -v chromium >/dev/null 2>&1 \
  || skip "chromium is not installed (apt-get install chromium)"
command -v chromedriver >/dev/null 2>&1 \
  || skip "chromedriver is not installed (apt-get install chromium-driver)"

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
"$binary" serve --listen=127.0.0.1:0 2> "$work/serve.log" &
server=$!
# The server says its port once it listens; only a hang reaches 600 polls.
port=
i=0
while [ -z "$port" ] && [ $i -lt 600 ]; do
  port=$(sed -n 's/.*(port \([0-9][0-9]*\)).*/\1/p' "$work/serve.log")
  kill -0 "$server" 2>/dev/null || break
  [ -n "$port" ] || sleep 0.1
  i=$((i + 1))
done
[ -n "$port" ] || { echo "1..1"; echo "not ok 1 - penal serve did not start"; \
  sed 's/^/# /' "$work/serve.log"; exit 1; }

"$python" "$srcdir/browser.py" "http://127.0.0.1:$port" "$work"
status=$?
# No fact may reach the server's log.
for fact in 2024-05-01 2016-06-01 patronizing prostitution; do
  if grep -q -- "$fact" "$work/serve.log"; then
    echo "# the server's log holds a fact: $fact"
    status=1
  fi
done
exit $status
