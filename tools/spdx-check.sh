#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/spdx-check.sh [FILE…]: lists, one a line, the files that lack an
# "SPDX-License-Identifier:" line in their first ten lines, and exits 1 if
# there is any (0 if none).  Without arguments it checks every file of the
# checkout that can hold a comment: what git tracks, or, outside a git
# checkout (an unpacked tarball), every file.  Left out are the files that
# cannot hold one or whose licence is stated elsewhere: the licence texts,
# JSON, TSV, Markdown, SVG and PNG, catalogs and po/LINGUAS (a bare list
# that configure reads), the test fixtures and fuzz
# corpora (read byte for byte by the tests), the OMG's DMN schemas
# (tests/dmn/xsd/README), and debian/ (debian/copyright).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

candidates () {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files
  else
    find . -type f ! -path './.git/*' | sed 's|^\./||' | LC_ALL=C sort
  fi
}

exempt () {
  case $1 in
    COPYING | */COPYING | *.json | *.tsv | *.md | *.svg | *.png | *.po \
      | *.pot | po/LINGUAS | tests/data/* | tests/fuzz/corpus-*/* \
      | tests/dmn/xsd/* \
      | debian/*) return 0 ;;
  esac
  return 1
}

missing=0
check () {
  if ! head -n 10 "$1" | grep -q 'SPDX-License-Identifier: *[^ ]'; then
    echo "$1"
    missing=$((missing + 1))
  fi
}

if [ $# -gt 0 ]; then
  for f in "$@"; do check "$f"; done
else
  # A file, not a pipe: check() must count in this shell.
  list=$(mktemp)
  trap 'rm -f "$list"' EXIT
  candidates > "$list"
  while IFS= read -r f; do
    [ -f "$f" ] || continue
    exempt "$f" || check "$f"
  done < "$list"
fi
[ "$missing" -eq 0 ]
