#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# man-commands.sh PENAL: writes on standard output the help2man include that
# makes penal.1 follow the program: a SYNOPSIS line and a COMMANDS entry for
# every command `PENAL --help` lists (from `PENAL help COMMAND`: its summary,
# description, own options, formats and examples), FACTS from the first
# command that lists them, and EXIT STATUS from the help's own sentence.  A
# command added to penal is in the next manual page without an edit here.
set -eu
penal=$1
# The English help, whatever the caller's locale; UTF-8 so that nothing is
# lost on the way (the Makefile turns every non-ASCII character into a
# roff escape).
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
unset PENAL_LOCALEDIR

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$penal" --help > "$tmp/general"
# The command names: the rows under "Commands:", up to the blank line.
sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$tmp/general" > "$tmp/commands"
[ -s "$tmp/commands" ] || { echo "man-commands.sh: $penal --help lists no command" >&2; exit 1; }
# The global options, listed once in OPTIONS, not under each command.
sed -n '/^Options:$/,/^$/s/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\2/p' "$tmp/general" > "$tmp/globals"
while read -r command; do
  "$penal" help "$command" > "$tmp/help-$command"
done < "$tmp/commands"

# roff: a backslash is \e, a leading dot or quote is guarded, and what is
# typed (code) has its hyphens as \- so that it can be copied.
awk -v globals="$tmp/globals" -v dir="$tmp" -v commands="$tmp/commands" '
function text(s) {
  gsub(/\\/, "\\e", s)
  if (s ~ /^[.'"'"']/) s = "\\&" s
  return s
}
function code(s) {
  s = text(s)
  gsub(/-/, "\\-", s)
  return s
}
BEGIN {
  while ((getline line < globals) > 0) global[line] = 1
  n = 0
  while ((getline line < commands) > 0) name[++n] = line

  print "[SYNOPSIS]"
  for (i = 1; i <= n; i++) {
    file = dir "/help-" name[i]
    while ((getline line < file) > 0)
      if (line ~ /^Usage:$/) {
        getline line < file
        sub(/^ *penal /, "", line)
        rest = line
        sub(/^[^ ]* */, "", rest)
        print "\\fBpenal " code(name[i]) "\\fR " code(rest)
        print ".br"
        break
      }
    close(file)
  }
  print "\\fBpenal help\\fR [\\fICOMMAND\\fR]"

  print ""
  print "[COMMANDS]"
  print "Each command has its own options, besides the global ones above;"
  print "\\fBpenal help\\fR \\fICOMMAND\\fR (or \\fBpenal\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR)"
  print "prints the same as this section, with the facts of the statutes loaded."
  for (i = 1; i <= n; i++) {
    file = dir "/help-" name[i]
    print ".SS \"penal " name[i] "\""
    # Paragraphs, separated by blank lines; the Usage, Facts and Exit status
    # ones are said elsewhere in the page.
    state = "between"
    while ((getline line < file) > 0) {
      if (line == "") {
        if (state == "examples") { print ".fi"; print ".RE" }
        state = "between"
        continue
      }
      if (state == "between") {
        if (line ~ /^(Usage:|Facts, from the statutes loaded:|Exit status:)/) { state = "skip"; continue }
        if (line ~ /^Options:$/) { state = "options"; continue }
        if (line ~ /^Examples:$/) {
          state = "examples"
          print ".PP"
          print "Examples:"
          print ".RS"
          print ".nf"
          continue
        }
        print ".PP"
        state = "paragraph"
      }
      if (state == "skip") continue
      if (state == "examples") {
        sub(/^  /, "", line)
        print code(line)
        continue
      }
      if (state == "options") {
        # "  -f, --format=FORMAT     Write ...": the option, then its text.
        sub(/^ */, "", line)
        option = line
        sub(/  .*/, "", option)
        words = substr(line, length(option) + 1)
        sub(/^ */, "", words)
        long = option
        sub(/^-[a-zA-Z], /, "", long)
        sub(/=.*/, "", long)
        if (long in global) continue
        print ".TP"
        print "\\fB" code(option) "\\fR"
        print text(words)
        continue
      }
      print text(line)
    }
    if (state == "examples") { print ".fi"; print ".RE" }
    close(file)
  }
}
' < /dev/null

# FACTS: "  name=values" then its label, indented six spaces.
for command in $(cat "$tmp/commands"); do
  if grep -q '^Facts, from the statutes loaded:$' "$tmp/help-$command"; then
    echo
    echo "[FACTS]"
    printf '%s\n' 'Facts are given as \fINAME\fR=\fIVALUE\fR, after the command. Those of the' \
      'bundled statutes (\fBpenal help classify\fR lists those of the statutes loaded):'
    sed -n '/^Facts, from the statutes loaded:$/,/^$/p' "$tmp/help-$command" \
      | awk 'NR > 1 && /^  [^ ]/ { sub(/^  /, ""); split($0, part, "="); gsub(/-/, "\\-", part[2]);
                                   print ".TP"; print "\\fB" part[1] "\\fR=\\fI" part[2] "\\fR"; next }
             /^      / { sub(/^ */, ""); print }'
    printf '%s\n' .PP 'A yes/no fact also accepts true/false and 1/0.'
    break
  fi
done

# EXIT STATUS: "Exit status: 0 an answer was given (...); 64 bad ...; ...".
echo
echo "[EXIT STATUS]"
sed -n '/^Exit status:/,/^$/p' "$tmp/general" | tr '\n' ' ' \
  | sed -e 's/^Exit status: *//' -e 's/\. *$//' | tr ';' '\n' | awk 1 \
  | sed -n 's/^ *\([0-9][0-9]*\) \(.*[^ ]\) *$/.TP\n.B \1\n\2/p'
