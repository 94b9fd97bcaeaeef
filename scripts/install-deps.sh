#!/usr/bin/env bash
# Installs the Debian packages rapportverk needs to build, test and check its output.
# Non-interactive and idempotent: only missing packages are installed.
set -euo pipefail

packages=(
  cmake g++ make pkg-config clang-format
  libhpdf-dev libdeflate-dev libyaml-cpp-dev libicu-dev libcli11-dev libfmt-dev
  libhyphen-dev hyphen-sv
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev
  catch2
  poppler-utils qpdf python3
  icc-profiles-free  # the sRGB profile of PDF/A's output intent, compiled in
  # The Debian package and its test (cmake/install.cmake, tests/install/): Depends from
  # dpkg-shlibdeps, checked with lintian; the man pages opened with man.
  dpkg-dev lintian man-db
  # Apache PDFBox Preflight, the PDF/A validator the test suite runs (scripts/preflight.sh)
  default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
  # The browser axe-core checks the HTML documents in (tests/html, tools/axe/check.mjs)
  chromium
  # The word processor that opens every DOCX and converts it to PDF and text (tests/docx)
  libreoffice-writer-nogui
)
# Extra packages a script needs beyond these (scripts/fuzz.sh: clang).
# shellcheck disable=SC2206
packages+=(${RV_EXTRA_PACKAGES:-})

# npm for the Nu Html Checker below: Debian's package, unless an npm is already there (a
# NodeSource nodejs brings its own, which Debian's npm would conflict with).
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installerar saknade paket: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "fel: paketen måste installeras som root: ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The HTML checks of tests/html, from npm at the versions pinned in tools/<name>/
# package-lock.json, into tools/<name>/node_modules (not in git): the Nu Html Checker
# (vnu-jar, run with Debian's Java) and axe-core with puppeteer-core (run in Debian's
# chromium). Install scripts are not run: vnu-jar's would fetch a Java runtime of its own.
root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in vnu:vnu-jar/build/dist/vnu.jar axe:axe-core/axe.min.js axe:puppeteer-core/package.json; do
  dir="$root/tools/${tool%%:*}"
  if [ ! -f "$dir/node_modules/${tool#*:}" ]; then
    echo "Installerar npm-paketen i $dir"
    npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
done
