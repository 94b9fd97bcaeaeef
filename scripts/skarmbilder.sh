#!/usr/bin/env bash
# Pictures of the web page and the Word file to look at (docs/html.md, docs/docx.md): the
# national report's summary and first chart as HTML at phone and desktop width (headless
# Chromium), and the memo's first pages as DOCX laid out by LibreOffice. Into
# output/skarmbilder/. Needs what scripts/install-deps.sh installs.
#   bash scripts/skarmbilder.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
out=output/skarmbilder
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rv=build/rapportverk

$rv skapa uppfoljning-nationell data/nationell-2019 -o "$tmp/rapport.html" >/dev/null
node tools/axe/screenshots.mjs "$tmp/rapport.html" "$out" sammanfattning diagram1
for i in "$out"/sammanfattning-*.png "$out"/diagram1-*.png; do mv "$i" "$out/html-$(basename "$i")"; done

$rv skapa fordelning-beslut data/stockholm-2022 -o "$tmp/tjansteutlatande.docx" >/dev/null
HOME="$tmp" soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo" \
  --convert-to pdf --outdir "$tmp" "$tmp/tjansteutlatande.docx" >/dev/null 2>&1
pdftoppm -png -r 80 -f 1 -l 2 "$tmp/tjansteutlatande.pdf" "$out/docx-tjansteutlatande-sida"
ls -1 "$out"
