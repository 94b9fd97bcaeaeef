#!/usr/bin/env bash
# Granskar PDF-filer med Apache PDFBox Preflight (PDF/A-1b), från Debians paket
# libpdfbox2-java (scripts/install-deps.sh installerar det):
#   scripts/preflight.sh fil.pdf [fil.pdf …]
# Skriver PDFBox:s omdöme per fil och avslutar med 0 bara om alla filer är giltiga PDF/A-1b.
# Skapa dokumentet med --pdfa 1a (standard är PDF/A-2a, som Preflight inte granskar).
set -uo pipefail
if [ $# -eq 0 ]; then
  echo "användning: scripts/preflight.sh fil.pdf [fil.pdf …]" >&2
  exit 2
fi
J=/usr/share/java
cp=""
for jar in pdfbox2 preflight xmpbox fontbox2 commons-logging javax.activation jaxb-api; do
  if [ ! -f "$J/$jar.jar" ]; then
    echo "fel: $J/$jar.jar saknas; kör scripts/install-deps.sh" >&2
    exit 2
  fi
  cp="$cp${cp:+:}$J/$jar.jar"
done
if ! command -v java >/dev/null 2>&1; then
  echo "fel: java saknas; kör scripts/install-deps.sh" >&2
  exit 2
fi
status=0
for f in "$@"; do
  # Java reads file names in the locale's charset: UTF-8, or names with å, ä, ö fail to open.
  out=$(LC_ALL=C.UTF-8 java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b "$f" 2>&1)
  echo "$out"
  grep -q "is a valid PDF/A-1b file" <<<"$out" || status=1
done
exit $status
