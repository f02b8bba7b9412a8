#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po-check.sh: fails when po/penal.pot is stale against the sources, when
# po/POTFILES.in misses a file with translatable strings, or when a catalog
# in po/LINGUAS is incomplete, fuzzy or fails msgfmt --check.  Speaks TAP.
set -u
top=${PENAL_TOP_SRCDIR:?PENAL_TOP_SRCDIR is set by make check}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
result () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

langs=$(grep -v '^#' "$top/po/LINGUAS" | tr -s ' \n' '  ')
echo "1..$((3 + 2 * $(echo $langs | wc -w)))"

# The xgettext options come from po/Makevars, the single place they live.
options=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$top/po/Makevars" \
          | sed -e 's/^XGETTEXT_OPTIONS *= *//' -e 's/\\$//' | tr '\n' ' ')
# The messages only: the header entry (up to the first blank line) holds
# dates and names that differ between runs.
normalize () {
  msgcat --no-location --no-wrap --sort-output "$1" | sed '1,/^$/d'
}
# shellcheck disable=SC2086
(cd "$top/po" && GETTEXTDATADIRS="$top/po" xgettext --default-domain=penal \
   --directory="$top" --files-from=POTFILES.in $options -o "$tmp/fresh.pot") \
  > "$tmp/xgettext.log" 2>&1
normalize "$tmp/fresh.pot" > "$tmp/fresh.txt" 2>/dev/null
normalize "$top/po/penal.pot" > "$tmp/committed.txt" 2>/dev/null
if diff -u "$tmp/committed.txt" "$tmp/fresh.txt" > "$tmp/pot.diff"; then
  result 0 "po/penal.pot is up to date"
else
  sed 's/^/# /' "$tmp/pot.diff" | head -40
  echo "# run: make -C po penal.pot-update"
  result 1 "po/penal.pot is up to date"
fi

# Every source file that marks strings, and every statute file, is listed.
missing=
for f in "$top"/src/*.c "$top"/src/cli/*.c "$top"/src/serve/*.c; do
  rel=${f#"$top"/}
  if grep -q -E '(^|[^A-Za-z_])(N?C?_|g_dngettext|g_dpgettext2) \(' "$f" \
     && ! grep -q -x "$rel" "$top/po/POTFILES.in"; then
    missing="$missing $rel"
  fi
done
for f in "$top"/statutes/*.xml "$top"/data/*.xml; do
  rel=${f#"$top"/}
  case $rel in *.gresource.xml) continue ;; esac
  grep -q -x "$rel" "$top/po/POTFILES.in" || missing="$missing $rel"
done
if [ -z "$missing" ]; then
  result 0 "po/POTFILES.in lists every file with translatable strings"
else
  echo "# not in po/POTFILES.in:$missing"
  result 1 "po/POTFILES.in lists every file with translatable strings"
fi

# Every file POTFILES.in lists exists.
absent=
for f in $(grep -v '^#' "$top/po/POTFILES.in"); do
  [ -f "$top/$f" ] || absent="$absent $f"
done
[ -z "$absent" ] || echo "# listed but absent:$absent"
result "$([ -z "$absent" ]; echo $?)" "every file in po/POTFILES.in exists"

for lang in $langs; do
  po="$top/po/$lang.po"
  msgfmt --check -o /dev/null "$po" > "$tmp/check.log" 2>&1
  status=$?
  sed 's/^/# /' "$tmp/check.log"
  result $status "po/$lang.po passes msgfmt --check"

  # Against the fresh template, so a new string counts as untranslated.
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/fresh.pot" 2>/dev/null
  stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "# $lang: $stats"
  case $stats in
    *untranslated*|*fuzzy*) result 1 "po/$lang.po translates every message, none fuzzy" ;;
    *) result 0 "po/$lang.po translates every message, none fuzzy" ;;
  esac
done
exit $failed
