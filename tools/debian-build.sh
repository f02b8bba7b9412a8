#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/debian-build.sh [DIR]: builds the Debian package from the files git
# tracks, in DIR (default: a new temporary directory), with
# `dpkg-buildpackage -us -uc -b`, which runs the whole test suite without
# the network, then runs lintian on the result and fails on any error tag.
# Installs what that needs (the Build-Depends, lintian) when run as root;
# otherwise they must be there.  The checkout itself is left as it is.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
cd "$top"

if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends dpkg-dev lintian >/dev/null
  apt-get build-dep -y -qq ./ >/dev/null
fi

# What git tracks, as it is in the working tree: no build products, and
# nothing of the checkout is cleaned or changed by the build.
version=$(dpkg-parsechangelog -S Version)
tree=$dir/penal-${version%-*}
rm -rf "$tree"
mkdir -p "$tree"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$tree"

# PENAL_TEST_NPM would let a test reach the npm registry; a package build
# has no network.
(cd "$tree" && env -u PENAL_TEST_NPM dpkg-buildpackage -us -uc -b)
changes=$(ls "$dir"/penal_"$version"_*.changes)
echo "debian-build: lintian $changes"
lintian --display-info --fail-on error "$changes"
echo "debian-build: built $(cd "$dir" && ls -- *.deb | tr "\n" " ")in $dir, no lintian error"
