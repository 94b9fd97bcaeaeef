#!/usr/bin/env bash
# Benchmark: does checking and rendering grow linearly with the number of recipients?
# Builds data sets of 50 000, 100 000 and 200 000 recipients (the national 2019 data set
# with its 290 municipalities replaced by generated ones, answers and quotes left out),
# then times `kontrollera` and `skapa bilaga -p grupp=kommuner` with the data-set cache
# off, and prints CPU time (user + sys) per recipient. Linear growth shows as a constant
# time per recipient. Not a test: run by hand.
#   bash bench/scaling.sh [ANTAL ...]   (default 50000 100000 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
rv=$PWD/build/rapportverk
[ -x "$rv" ] || { echo "bygg först: cmake --build build --target rapportverk" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000 100000 200000)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export RAPPORTVERK_CACHE=0

make_data() {  # make_data N DIR
  local n=$1 dir=$2
  mkdir -p "$dir"
  for f in bidrag dokument regioner ideella lansstyrelser-nck; do
    cp "data/nationell-2019/$f.yaml" "$dir/"
  done
  python3 - "$n" "$dir/kommuner.yaml" <<'EOF'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", encoding="utf-8") as f:
    f.write("grupper:\n  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner,"
            " bestämd_plural: kommunerna, sätt: rekvisition, ordning: 1}\n"
            "mottagare:\n  kommuner:\n")
    for i in range(n):
        key = 100000 + (i * 7919) % 900000
        unspent = (i * 104729) % (key // 4)
        f.write(f"    - {{namn: Kommun nummer {i:06d}, fördelningsnyckel: {key}, "
                f"rekvirerat: {key}, oförbrukat: {unspent}}}\n")
EOF
}

# CPU seconds (user + sys) and wall seconds of one command, output discarded.
cpu_time() {
  /usr/bin/time -f "%U %S %e" "$@" >/dev/null 2>"$out/time" || true
  tail -1 "$out/time" | awk '{printf "%.2f %.2f\n", $1 + $2, $3}'
}

printf "%-9s %-18s %10s %10s %18s\n" mottagare kommando "cpu (s)" "vägg (s)" "µs cpu/mottagare"
for n in "${sizes[@]}"; do
  make_data "$n" "$out/d$n"
  read -r cpu wall < <(cpu_time "$rv" kontrollera "$out/d$n")
  printf "%-9s %-18s %10s %10s %18.1f\n" "$n" kontrollera "$cpu" "$wall" \
    "$(echo "$cpu * 1000000 / $n" | bc -l)"
  read -r cpu wall < <(cpu_time "$rv" skapa bilaga "$out/d$n" -p grupp=kommuner -o "$out/b.pdf")
  [ -s "$out/b.pdf" ] || { echo "skapa bilaga misslyckades för $n mottagare" >&2; exit 1; }
  printf "%-9s %-18s %10s %10s %18.1f\n" "$n" "skapa bilaga" "$cpu" "$wall" \
    "$(echo "$cpu * 1000000 / $n" | bc -l)"
  rm -f "$out/b.pdf"
done
