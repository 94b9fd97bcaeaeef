#!/usr/bin/env bash
# Benchmark: `rapportverk skapa` of the national report, end to end as a whole process,
# with the data-set cache warm (a re-render) and off (YAML parsed every time); the
# appendix document and `kontrollera` for comparison. Prints medians of repeated runs and
# peak memory, then one run's time per stage. Not a test: run by hand.
# The machine's speed is measured first and last (bench/host_speed.cpp): on a shared
# virtual machine it varies by a factor of two, and the figures with it.
#   bash bench/render.sh [ANTAL]   (default 20 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
cmake --build build --target process_bench host_speed >/dev/null
runs=${1:-20}
out=$(mktemp -d)
export RAPPORTVERK_CACHE="$out/cache"
rv=build/rapportverk
run() { build/bench/process_bench "$runs" "$@"; echo; }

build/bench/host_speed
echo
echo "== skapa uppfoljning-nationell data/nationell-2019 ($(nproc) kärnor), datacachen varm"
run $rv skapa uppfoljning-nationell data/nationell-2019 -o "$out/r.pdf"
echo "== samma utan datacache (YAML tolkas varje gång)"
RAPPORTVERK_CACHE=0 run $rv skapa uppfoljning-nationell data/nationell-2019 -o "$out/r.pdf"
echo "== samma som webbsida och som Word-fil (diagrammen ritas som bilder), datacachen varm"
run $rv skapa uppfoljning-nationell data/nationell-2019 -o "$out/r.html"
run $rv skapa uppfoljning-nationell data/nationell-2019 -o "$out/r.docx"
echo "== skapa bilaga data/nationell-2019, datacachen varm"
run $rv skapa bilaga data/nationell-2019 -o "$out/b.pdf"
echo "== kontrollera data/nationell-2019 utan datacache"
RAPPORTVERK_CACHE=0 run $rv kontrollera data/nationell-2019
echo "== tid per steg i en körning (varm cache)"
RAPPORTVERK_TIDER=1 $rv skapa uppfoljning-nationell data/nationell-2019 -o "$out/r.pdf" 2>&1 | grep '^tid'
echo
build/bench/host_speed
rm -rf "$out"
