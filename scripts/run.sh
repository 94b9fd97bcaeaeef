#!/usr/bin/env bash
# README command (1): installs what is missing, builds, and runs the main job on the
# bundled data sets: checks every data set and writes the results into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
rv=build/rapportverk
mkdir -p output

status=0
for set in data/*/; do
  name=$(basename "$set")
  echo "== $name"
  if ! $rv kontrollera "$set" >"output/$name-kontroll.txt" 2>&1; then
    echo "fel i $set:" >&2
    cat "output/$name-kontroll.txt" >&2
    rm -f "output/$name-kontroll.txt"
    status=2
    continue
  fi
  cat "output/$name-kontroll.txt"
  if $rv statistik "$set" >"output/$name-statistik.txt" 2>/dev/null; then
    $rv statistik --format csv "$set" >"output/$name-statistik.csv"
  else
    rm -f "output/$name-statistik.txt"
  fi
done
echo "Resultaten finns i output/:"
ls -1 output | sed 's/^/  /'
exit $status
