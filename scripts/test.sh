#!/usr/bin/env bash
# README command (2): installs what is missing, builds, and runs the whole test suite twice:
# the Release build (build/), then a build with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (build-sanerare/), where any memory error, leak or undefined
# behaviour fails the test that caused it. `--snabb` skips the sanitizer run (for a quick
# check while editing; CI always runs both).
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=1
for arg in "$@"; do
  case "$arg" in
    --snabb) sanitizers=0 ;;
    *) echo "okänd flagga: $arg (finns: --snabb)" >&2; exit 2 ;;
  esac
done
bash scripts/install-deps.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
if [ "$sanitizers" = 1 ]; then
  echo "== Testsviten med AddressSanitizer + UndefinedBehaviorSanitizer (build-sanerare/) =="
  cmake -S . -B build-sanerare -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRV_SANITIZE=ON >/dev/null
  cmake --build build-sanerare -j"$(nproc)"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  (cd build-sanerare && ctest --output-on-failure -j"$(nproc)")
fi
