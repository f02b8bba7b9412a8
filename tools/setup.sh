#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# setup.sh: install what penal needs to build on Debian, then configure and
# build it in this checkout.  Safe to run again.
set -e
cd "$(dirname "$0")/.."

packages=$(grep -v '^#' tools/debian-packages | tr '\n' ' ')
missing=
for p in $packages; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup.sh: installing Debian packages:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

if [ ! -f Makefile ]; then
  ./autogen.sh
fi
make -j"$(nproc)"
