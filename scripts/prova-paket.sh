#!/usr/bin/env bash
# Installs the Debian package on a clean Debian 12 (a minimal debootstrap chroot) with
# `apt-get install ./rapportverk_*.deb`, and makes every document scripts/run.sh makes
# with the installed program from the installed example data: each must be byte for byte
# the build folder's. Needs root and the network (Debian's archive); not part of the test
# suite, which checks the package from the outside (tests/install/package_test.cpp).
#
#   bash scripts/prova-paket.sh            # builds the package first (cpack in build/)
#   bash scripts/prova-paket.sh x.deb      # a package built before
set -euo pipefail
cd "$(dirname "$0")/.."
RV_EXTRA_PACKAGES=debootstrap bash scripts/install-deps.sh
work=$(mktemp -d /tmp/rv-prova-paket.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  deb=$(realpath "$1")
else
  bash scripts/build.sh
  (cd build && cpack -G DEB -B "$work/paket" >/dev/null)
  deb=$(ls "$work"/paket/rapportverk_*.deb)
fi

echo "== ett rent Debian 12 i $work/rot"
debootstrap --variant=minbase bookworm "$work/rot" http://deb.debian.org/debian >"$work/debootstrap.log" ||
  { tail -20 "$work/debootstrap.log" >&2; exit 1; }
cp "$deb" "$work/rot/root/"
cp /etc/resolv.conf "$work/rot/etc/resolv.conf" 2>/dev/null || true

# The documents, as run.sh makes them: its `$rv skapa` lines, continuation lines joined.
commands=$(awk '/^\$rv skapa/ { c = $0; while (c ~ /\\$/) { getline n; sub(/\\$/, "", c); c = c n }
                sub(/^\$rv /, "", c); print c }' scripts/run.sh)
{
  echo 'set -e'
  echo 'export DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 RAPPORTVERK_CACHE=0'
  echo 'cd /root'
  echo 'apt-get update -qq'
  echo "apt-get install -y -qq --no-install-recommends ./$(basename "$deb") >/root/apt.log"
  echo 'rapportverk --version'
  echo 'mkdir -p /root/arbete && cd /root/arbete && ln -s /usr/share/doc/rapportverk/data data'
  while IFS= read -r c; do echo "rapportverk $c >/dev/null"; done <<<"$commands"
} >"$work/rot/root/prova.sh"

echo "== apt-get install ./$(basename "$deb") och dokumenten i chrooten"
unshare -m sh -c "mount -t proc proc '$work/rot/proc' && mount --bind /dev '$work/rot/dev' &&
                  chroot '$work/rot' sh /root/prova.sh"

echo "== samma dokument ur byggmappen"
mkdir -p "$work/bygg" && ln -s "$PWD/data" "$work/bygg/data"
rv=$PWD/build/rapportverk
(cd "$work/bygg" && while IFS= read -r c; do eval "RAPPORTVERK_CACHE=0 '$rv' $c" >/dev/null 2>&1; done <<<"$commands")

echo "== jämför"
if diff -r "$work/bygg/output" "$work/rot/root/arbete/output" >/dev/null; then
  echo "Alla $(find "$work/bygg/output" -type f | wc -l) filer är byte för byte desamma."
else
  diff -rq "$work/bygg/output" "$work/rot/root/arbete/output" | head -20 >&2
  exit 1
fi
