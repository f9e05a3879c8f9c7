#!/bin/bash
# bench/tools/cleaning_cost.sh OUTDIR DUMP... — what chrome cleaning costs `khabar index`.
# For each DUMP: `khabar index --overwrite --db OUTDIR/db DUMP` and the same with --keep-chrome,
# RUNS times each (default 5, interleaved), under GNU time. Prints one markdown row per DUMP and
# mode: median wall, median CPU (user + sys), median peak RSS, and the first pass's pages counted
# as the summary states them. Needs KHABAR_BIN (default: build/cli/khabar). Also writes
# OUTDIR/export-DUMPNAME.jsonl: `khabar export` of the cleaned index, sorted, for comparing builds.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1; shift
bin=${KHABAR_BIN:-$here/../../build/cli/khabar}
runs=${RUNS:-5}
mkdir -p "$out"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| dump | mode | wall s | CPU s | peak RSS MiB | summary: site chrome line | load |"
echo "|---|---|---:|---:|---:|---|---|"
for dump in "$@"; do
  name=$(basename "$dump")
  : > "$out/$name.chrome.times"; : > "$out/$name.keep.times"
  for ((i = 0; i < runs; i++)); do
    for mode in chrome keep; do
      flag=(); [[ $mode == keep ]] && flag=(--keep-chrome)
      rm -rf "$out/db"
      rc=0
      /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
        "$bin" index --overwrite --db "$out/db" "${flag[@]}" "$dump" 2> "$out/$name.$mode.log" || rc=$?
      (( rc <= 1 )) || { echo "khabar index $dump failed ($rc)" >&2; exit 1; }  # 1: records skipped
      tail -1 "$out/time" >> "$out/$name.$mode.times"
    done
  done
  "$bin" index --overwrite --db "$out/db" "$dump" 2> /dev/null || (( $? <= 1 ))
  "$bin" export --db "$out/db" | sort > "$out/export-$name.jsonl"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  for mode in chrome keep; do
    t=$out/$name.$mode.times
    wall=$(awk '{print $1}' "$t" | median)
    cpu=$(awk '{print $2 + $3}' "$t" | median)
    rss=$(awk '{print $4 / 1024}' "$t" | median)
    line=$(grep -o 'site chrome:.*' "$out/$name.$mode.log" || echo '(--keep-chrome)')
    label=$([[ $mode == keep ]] && echo --keep-chrome || echo default)
    printf '| %s | %s | %.2f | %.2f | %.0f | %s | %s |\n' "$name" "$label" "$wall" "$cpu" "$rss" \
      "$line" "$load"
  done
done
