#!/usr/bin/env bash
# ctest test_browser: tests/browser/e2e.mjs in Debian's chromium (headless) with playwright-core.
# Prints SKIPPED and exits 77 (ctest: skipped, never passed) when chromium, node or the npm
# packages are missing: `apt-get install chromium` and `npm ci` in tests/browser (scripts/test.sh
# does both).
# run.sh KHABAR_BIN SOURCE_DIR WORK_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x $chromium ]]; then
  echo "SKIPPED test_browser: no chromium at $chromium (apt-get install chromium)"; exit 77
fi
if ! command -v node >/dev/null; then
  echo "SKIPPED test_browser: no node (Node.js) on PATH"; exit 77
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "SKIPPED test_browser: playwright-core needs Node.js 20 or later; this is $(node --version) (Debian 12 has 18)"; exit 77
fi
if [[ ! -d $here/node_modules/playwright-core ]]; then
  echo "SKIPPED test_browser: no $here/node_modules (npm ci in tests/browser)"; exit 77
fi
export CHROMIUM="$chromium" SHOTS="${SHOTS:-$3/screenshots}"
exec node "$here/e2e.mjs" "$1" "$2" "$3"
