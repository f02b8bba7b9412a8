#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/format-check.sh: fails if clang-format (with the repository's
# .clang-format) would change any C file under src/ or tests/.  Generated
# files (src/penal-resources.c) are not checked.  Run `clang-format -i` on
# the files it names to fix them.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
command -v clang-format >/dev/null || { echo "format-check: clang-format is not installed (apt-get install clang-format)" >&2; exit 1; }
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' | grep -v '^src/penal-resources\.c$')
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
echo "format-check: $(echo "$files" | wc -l) files follow .clang-format"
