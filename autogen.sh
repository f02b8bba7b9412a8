#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# autogen.sh: generate the configure script from a fresh checkout.
set -e
srcdir=$(dirname "$0")
test -n "$srcdir" || srcdir=.
cd "$srcdir"
mkdir -p build-aux m4
# The TAP driver that runs the GTest binaries ships with automake but is not
# copied by autoreconf, so take it from the installed automake.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
autoreconf --force --install --verbose
cd - >/dev/null
if test -z "$NOCONFIGURE"; then
  exec "$srcdir/configure" "$@"
fi
