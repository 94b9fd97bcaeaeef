#!/usr/bin/env bash
# README command (1): installs what is missing, builds, and runs the main job on the
# bundled data sets: checks each one, writes statistics, renders every bundled document
# and exports the appendix tables into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
rv=build/rapportverk
mkdir -p output

step() { printf '\n== %s\n' "$*"; }

for set in data/*/; do
  name=$(basename "$set")
  # data/kalkylblad/ holds the example spreadsheets for `importera`, not a data set.
  compgen -G "$set*.yaml" >/dev/null || continue
  # data/X-illustration/ adds illustrative questions to data/X/ and is read with it.
  sets=("$set")
  [[ $name == *-illustration ]] && sets=("data/${name%-illustration}/" "$set")
  step "kontrollera ${sets[*]}"
  # kontrollera writes nothing on errors; keep its report only when the data is valid.
  if ! $rv kontrollera "${sets[@]}" >"output/$name-kontroll.txt" 2>&1; then
    cat "output/$name-kontroll.txt" >&2
    rm -f "output/$name-kontroll.txt"
    exit 2
  fi
  cat "output/$name-kontroll.txt"
done

step "statistik data/nationell-2019"
$rv statistik data/nationell-2019 2>/dev/null | tee output/nationell-2019-statistik.txt
$rv statistik --format csv data/nationell-2019 2>/dev/null >output/nationell-2019-statistik.csv

step "fördela data/stockholm-2022/fordelning.yaml"
$rv fördela data/stockholm-2022/fordelning.yaml | tee output/stockholm-2022-fordelning.txt
$rv fördela --format csv data/stockholm-2022/fordelning.yaml >output/stockholm-2022-fordelning.csv

step "skapa dokumenten"
$rv skapa uppfoljning-nationell data/nationell-2019 -o output/uppfoljning-nationell-2019.pdf
$rv skapa bilaga data/nationell-2019 -o output/bilagor-2019.pdf
$rv skapa uppfoljning-stad data/stockholm-2017 -o output/uppfoljning-stad-2017.pdf
$rv skapa fordelning-beslut data/stockholm-2022 -o output/fordelning-beslut-2022.pdf
# The same memo template for a made-up small municipality (data/exempelby-2024).
$rv skapa fordelning-beslut data/exempelby-2024 -o output/fordelning-beslut-exempelby-2024.pdf
$rv skapa fordelningsnyckel data/nationell-2019 -o output/fordelningsnyckel-kommuner-2019.pdf
$rv skapa uppfoljning-analys data/nationell-2019 -o output/uppfoljning-analys-2019.pdf
# The same with an illustrative own question whose answers are in a file of their own.
$rv skapa uppfoljning-analys data/nationell-2019 data/nationell-2019-illustration \
  -o output/uppfoljning-analys-illustration-2019.pdf
$rv skapa anvisningar-rekvisition data/nationell-2019 -o output/anvisningar-kommuner-2019.pdf
$rv skapa anvisningar-rekvisition data/nationell-2019 -p grupp=regioner \
  -o output/anvisningar-regioner-2019.pdf
# The same documents as web pages (docs/html.md): the national report and the memo.
$rv skapa uppfoljning-nationell data/nationell-2019 -o output/uppfoljning-nationell-2019.html
$rv skapa fordelning-beslut data/stockholm-2022 -o output/fordelning-beslut-2022.html
# … and as Word documents to edit and file (docs/docx.md).
$rv skapa uppfoljning-nationell data/nationell-2019 -o output/uppfoljning-nationell-2019.docx
$rv skapa fordelning-beslut data/stockholm-2022 -o output/fordelning-beslut-2022.docx

step "ett brev per mottagare"
$rv skapa aterbetalning data/nationell-2019 --per-mottagare -o output/aterbetalning-2019
$rv skapa besked-fordelning data/nationell-2019 --per-mottagare --urval "grupp = kommuner" \
  -o output/besked-kommuner-2019

step "exportera bilagetabellerna"
for t in bilaga1 bilaga2 bilaga3; do
  $rv exportera bilaga data/nationell-2019 --tabell "$t" -o "output/$t-2019.csv"
  $rv exportera bilaga data/nationell-2019 --tabell "$t" -o "output/$t-2019.xlsx"
done

printf '\nResultaten finns i output/:\n'
ls -1 output | grep -v '^\.' | sed 's/^/  /'
