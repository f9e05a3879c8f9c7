#!/usr/bin/env bash
# Quick start, part 1: install what is missing, build khabar (Release), index the bundled sample
# dump (testdata/sample-news.tar.gz: Reuters SGML + JSONL, Urdu CSV + JSONL) and run searches.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_packages "${KHABAR_BUILD_PACKAGES[@]}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
K=build/cli/khabar
DB=$(mktemp -d)/news.db
run() { printf '\n$ %s\n' "$*"; "$@" || true; }
run $K index --db "$DB" testdata/sample-news.tar.gz
run $K search --db "$DB" -n 3 cocoa
run $K search --db "$DB" -n 3 'shipping'
run $K search --db "$DB" -n 3 'وزيراعظم'
run $K search --db "$DB" -n 3 --since 1987-04 --until 1987-06 --sort newest oil
run $K search --db "$DB" --count '"oil prices"'
run $K stats --db "$DB"
printf '\nIn a browser: %s serve --db %s   (then open http://127.0.0.1:8080/)\n' "$K" "$DB"
