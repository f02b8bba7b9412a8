#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# man.sh: the manual page, doc/penal.1, follows the program: every command
# `penal --help` lists has its SYNOPSIS line and its own COMMANDS entry,
# every fact `penal help classify` lists is under FACTS, every global
# option is under OPTIONS, and the page is of this version.  A page shipped
# in a tarball is checked the same way.  Output is TAP.
set -u
penal=${PENAL_BINARY:-./src/penal}
srcdir=${srcdir:-.}
page=doc/penal.1
[ -f "$page" ] || page=$srcdir/doc/penal.1

# English help, as the page was made from.
LC_ALL=C
LANGUAGE=
export LC_ALL LANGUAGE

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$penal" --help > "$tmp/general"
"$penal" help classify > "$tmp/classify"
sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$tmp/general" > "$tmp/commands"
sed -n '/^Options:$/,/^$/s/^ *\(-[a-zA-Z], \)\{0,1\}--\([a-z-]*\).*/\2/p' "$tmp/general" > "$tmp/options"
sed -n '/^Facts, from the statutes loaded:$/,/^$/s/^  \([a-z_]*\)=.*/\1/p' "$tmp/classify" > "$tmp/facts"

echo "1..$(($(wc -l < "$tmp/commands") + 4))"
. "$srcdir/tests/tap.sh"
# A name as the page writes it: hyphens as \-.
roff () {
  printf '%s' "$1" | sed 's/-/\\\\-/g'
}
# The lines of one section of the page (.SH NAME up to the next .SH).
section () {
  awk -v name="$1" '/^\.SH / { inside = ($0 == ".SH " name || $0 == ".SH \"" name "\"") ; next } inside' "$page"
}

[ -s "$page" ] && [ -s "$tmp/commands" ] && [ -s "$tmp/facts" ]
result $? "the page ($page) and the help's commands and facts are there"

version=$("$penal" --version | head -n 1)
grep -q "^\.TH PENAL \"1\" \"[^\"]*\" \"$version\"" "$page"
result $? "the page is of $version"

section SYNOPSIS > "$tmp/synopsis"
section COMMANDS > "$tmp/commands-section"
while read -r command; do
  status=0
  grep -q "^\\\\fBpenal $(roff "$command")\\\\fR" "$tmp/synopsis" \
    || { echo "# no SYNOPSIS line for penal $command"; status=1; }
  grep -q "^\.SS \"penal $command\"$" "$tmp/commands-section" \
    || { echo "# no COMMANDS entry for penal $command"; status=1; }
  result $status "penal $command is in the SYNOPSIS and under COMMANDS"
done < "$tmp/commands"

section FACTS > "$tmp/facts-section"
status=0
while read -r fact; do
  grep -q "^\\\\fB$fact\\\\fR=" "$tmp/facts-section" || { echo "# $fact is not under FACTS"; status=1; }
done < "$tmp/facts"
result $status "every fact of penal help classify is under FACTS"

section OPTIONS > "$tmp/options-section"
status=0
while read -r option; do
  grep -q "\\\\fB\\\\-\\\\-$(roff "$option")\\\\fR" "$tmp/options-section" \
    || { echo "# --$option is not under OPTIONS"; status=1; }
done < "$tmp/options"
result $status "every global option is under OPTIONS"
exit $failed
