#!/usr/bin/env bash
# Quick start, part 2: install what is missing, build khabar with warnings as errors and run every
# test. `scripts/test.sh --sanitize` does the same with AddressSanitizer + UBSan.
# Tests that need ../shared (real corpora) print SKIPPED where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_packages "${KHABAR_BUILD_PACKAGES[@]}" "${KHABAR_TEST_PACKAGES[@]}" \
  "${KHABAR_BROWSER_PACKAGES[@]}"
# tests/browser: playwright-core as package-lock.json pins it (it downloads no browser; the test
# drives Debian's /usr/bin/chromium). Without npm the browser test says SKIPPED.
if command -v npm >/dev/null; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
build=build-test
flags=(-DCMAKE_BUILD_TYPE=Release -DKHABAR_WERROR=ON)
if [[ ${1:-} == --sanitize ]]; then
  build=build-asan
  # No -Werror here: sanitizer instrumentation makes GCC 12 report false maybe-uninitialized
  # warnings inside libstdc++ (std::regex); the Release build above keeps -Werror.
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHABAR_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$build" "${flags[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
