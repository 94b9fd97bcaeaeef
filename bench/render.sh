#!/usr/bin/env bash
# Benchmark: `rapportverk skapa` of the national report, end to end as a whole process.
# Prints the median of repeated runs and the peak memory. Not a test: run by hand.
#   bash bench/render.sh [ANTAL]   (default 20 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
cmake --build build --target process_bench >/dev/null
runs=${1:-20}
out=$(mktemp -d)
echo "rapportverk skapa uppfoljning-nationell data/nationell-2019 ($(nproc) kärnor)"
build/bench/process_bench "$runs" build/rapportverk skapa uppfoljning-nationell data/nationell-2019 -o "$out/r.pdf"
echo "rapportverk skapa bilaga data/nationell-2019"
build/bench/process_bench "$runs" build/rapportverk skapa bilaga data/nationell-2019 -o "$out/b.pdf"
echo "rapportverk kontrollera data/nationell-2019"
build/bench/process_bench "$runs" build/rapportverk kontrollera data/nationell-2019
rm -rf "$out"
