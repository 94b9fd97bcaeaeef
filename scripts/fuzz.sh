#!/usr/bin/env bash
# Fuzzar ett mål med libFuzzer: scripts/fuzz.sh <mål> <sekunder> [libFuzzer-flaggor …]
# Mål: data, fordelning, mall, markdown, utdata, import_csv, import_xlsx, urval (tests/fuzz/).
# Bygger i build-fuzz/ med clang,
# AddressSanitizer och UndefinedBehaviorSanitizer. Nya intressanta indata sparas i
# build-fuzz/korpus/<mål>/ (utgår från tests/fuzz/corpus/<mål>/); krascher i
# build-fuzz/krascher/<mål>/. Se docs/fuzzning.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "användning: scripts/fuzz.sh <mål> <sekunder> [libFuzzer-flaggor …]" >&2
  echo "mål: data fordelning mall markdown utdata import_csv import_xlsx urval" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
if [ ! -d "tests/fuzz/corpus/$target" ]; then
  echo "fel: okänt fuzzmål '$target' (finns: $(ls tests/fuzz/corpus | tr '\n' ' '))" >&2
  exit 2
fi
RV_EXTRA_PACKAGES="clang" bash scripts/install-deps.sh
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRV_FUZZ=ON \
    >/dev/null
else
  cmake -S . -B build-fuzz >/dev/null  # a target added since the folder was made
fi
cmake --build build-fuzz -j"$(nproc)" --target "fuzz_$target"
mkdir -p "build-fuzz/korpus/$target" "build-fuzz/krascher/$target"
export RAPPORTVERK_CACHE=0
# -rss_limit_mb and -timeout: a single input that takes over 10 s or 2 GB is a finding.
exec "build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="build-fuzz/krascher/$target/" "$@" \
  "build-fuzz/korpus/$target" "tests/fuzz/corpus/$target"
