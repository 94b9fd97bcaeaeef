#!/usr/bin/env bash
# Skriver om exempelkalkylbladen i data/kalkylblad/ ur projektets egna data, med
# rapportverk exportera (testet tests/cli/workflow_test.cpp kontrollerar att de stämmer).
set -euo pipefail
cd "$(dirname "$0")/.."
rv=${RV_BINARY:-build/rapportverk}
export RAPPORTVERK_CACHE=0
# Litet: datasetet data/exempel:s kommuner som CSV för svenska Excel.
"$rv" exportera bilaga data/exempel -t bilaga1 --excel -o data/kalkylblad/exempel-kommuner.csv
# Stort: Bilaga 1 för 2019 (290 kommuner) som Excel-arbetsbok.
"$rv" exportera bilaga data/nationell-2019 -t bilaga1 -o data/kalkylblad/kommuner-2019.xlsx
