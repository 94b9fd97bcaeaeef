#!/usr/bin/env bash
# Benchmark: `skapa … --per-mottagare` against one process per recipient. The 76 repayment
# letters of 2019 (urval "oförbrukat > 0") and the 290 municipal notices, as one batch
# (median of repeated runs, wall time) and as one `skapa` per recipient for the same
# letters (one sequential pass, wall time). Not a test: run by hand.
#   bash bench/batch.sh [ANTAL]   (default 5 runs of each batch)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target rapportverk >/dev/null
runs=${1:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rv=build/rapportverk
now() { date +%s.%N; }

median_batch() {  # mall urval
  local times=()
  for _ in $(seq "$runs"); do
    rm -rf "$out/b"
    local t0; t0=$(now)
    $rv skapa "$1" data/nationell-2019 --per-mottagare --urval "$2" -o "$out/b" >/dev/null 2>&1
    times+=("$(echo "$(now) - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

one_per_process() {  # mall urval: each recipient of the batch's manifest, one process each
  rm -rf "$out/b" "$out/p"
  $rv skapa "$1" data/nationell-2019 --per-mottagare --urval "$2" -o "$out/b" >/dev/null 2>&1
  mkdir -p "$out/p"
  # Names may hold commas and quotes: the manifest's first field, read as CSV.
  python3 -c 'import csv,sys; [print(r["mottagare"]) for r in csv.DictReader(open(sys.argv[1]))]' \
    "$out/b/förteckning.csv" >"$out/names"
  local n; n=$(wc -l <"$out/names")
  local t0; t0=$(now)
  while IFS= read -r name; do
    # The condition language has no escapes: a name is quoted with the quote it lacks.
    if [[ $name == *\"* ]]; then cond="namn = '$name'"; else cond="namn = \"$name\""; fi
    $rv skapa "$1" data/nationell-2019 --per-mottagare --urval "$cond" -o "$out/p" >/dev/null 2>&1
  done <"$out/names"
  echo "$n $(echo "$(now) - $t0" | bc)"
}

echo "$(nproc) kärnor"
for job in "aterbetalning|oförbrukat > 0" "besked-fordelning|grupp = kommuner"; do
  mall=${job%%|*} urval=${job#*|}
  echo "== $mall --urval \"$urval\""
  echo "en körning (median av $runs): $(median_batch "$mall" "$urval") s"
  read -r n t < <(one_per_process "$mall" "$urval")
  echo "en process per mottagare ($n st.): $t s"
done
