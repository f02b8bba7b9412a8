#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# completion.sh: data/bash-completion/penal, sourced in bash, completes what
# penal itself says: its commands, a command's options and their values,
# facts as NAME= and their values, statute, offense and program ids, and
# the facts of the statutes --statutes names.  Output is TAP; skipped, with
# the reason, without bash.
if [ -z "${BASH_VERSION:-}" ]; then
  if ! command -v bash > /dev/null 2>&1; then
    echo "1..0 # SKIP bash is not installed"
    exit 0
  fi
  exec bash "$0" "$@"
fi
set -u
if [ -n "${PENAL_MEMCHECK:-}" ]; then
  echo "1..0 # SKIP under valgrind: this checks what bash offers, not memory"
  exit 0
fi
penal=${PENAL_BINARY:-./src/penal}
srcdir=${srcdir:-.}
. "$srcdir/tests/tap.sh"
# shellcheck source=../data/bash-completion/penal
. "$srcdir/data/bash-completion/penal"

# What bash would offer for a command line typed up to its end: the
# replies, sorted, on one line.
complete_line () {
  COMP_LINE=$1
  COMP_POINT=${#COMP_LINE}
  COMP_WORDS=()
  COMP_CWORD=0
  COMPREPLY=()
  _penal
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

# check LINE EXPECTED: the replies are exactly EXPECTED (sorted, spaced).
check () {
  local got
  got=$(complete_line "$1")
  [ "$got" = "$2" ] || echo "# \"$1\" completed to \"$got\", not \"$2\""
  result "$([ "$got" = "$2" ]; echo $?)" "\"${1#"$penal"}\" completes to \"$2\""
}

commands=$(LC_ALL=C LANGUAGE= "$penal" --help | sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | { cat; echo help; } | sort | tr '\n' ' ' | sed 's/ $//')
echo "1..25"

check "$penal " "$commands"
check "$penal cl" "classify"
check "$penal help wh" "what-if"
check "$penal classify --fo" "--format="
check "$penal classify --format=" "json text"
check "$penal classify --format j" "json"
check "$penal classify -f " "json text"
check "$penal tree --format=" "dot json text"
check "$penal batch --input-format=" "csv jsonl"
check "$penal export --dmn-version=" "1.1 1.3"
check "$penal --lang=" "en es"
check "$penal classify off" "offense= offense_date="
check "$penal classify offense=" "patronizing prostitution"
check "$penal classify offense=patronizing knew_hiv=y" "yes"
check "$penal classify victim_age=" ""
check "$penal what-if offense=patronizing --vary vic" "victim_age"
check "$penal show kc-" "kc-johnz-school kc-oar"
check "$penal tree pat" "patronizing"
check "$penal diff " "patronizing prostitution"
check "$penal lookup 21027 off" "offense_date="
check "$penal classify --statutes $srcdir/tests/data/valid-uncertain-window.xml per" "person_age="
check "$penal --statutes $srcdir/tests/data/valid-uncertain-window.xml classify offense=" "test-offense"
check "$penal batch $srcdir/tests/data/charges-bad-d" "$srcdir/tests/data/charges-bad-date.tsv"
check "$penal classify --bogus" ""

# Where "=" does not break words, bash replaces the whole word.
COMP_WORDBREAKS=${COMP_WORDBREAKS//=/}
check "$penal classify offense=pat" "offense=patronizing"
exit $failed
