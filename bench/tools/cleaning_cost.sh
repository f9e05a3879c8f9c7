#!/bin/bash
# bench/tools/cleaning_cost.sh OUTDIR DUMP... — what chrome cleaning costs `khabar index`.
# For each DUMP and each khabar binary of KHABAR_BINS (default: build/cli/khabar of this tree;
# several, space-separated, to compare builds under the same load): `khabar index --overwrite
# --db OUTDIR/db DUMP`, and the same with --keep-chrome, RUNS times each (default 5), the runs of
# every binary and mode interleaved, under GNU time. Prints one markdown row per DUMP, binary and
# mode: median wall, median CPU (user + sys), median peak RSS, and the summary's first-pass line.
# Then exports each binary's cleaned index (`khabar export`, sorted) to
# OUTDIR/export-DUMPNAME-N.jsonl (N: the binary's place in KHABAR_BINS) and says whether they are
# identical.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1; shift
read -r -a bins <<< "${KHABAR_BINS:-$here/../../build/cli/khabar}"
runs=${RUNS:-5}
mkdir -p "$out"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
index() {  # BIN DUMP LOG [FLAG]: one timed run, its GNU time line appended to LOG.times
  local rc=0
  rm -rf "$out/db"
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
    "$1" index --overwrite --db "$out/db" ${4:-} "$2" 2> "$3.log" || rc=$?
  (( rc <= 1 )) || { echo "khabar index $2 failed ($rc)" >&2; exit 1; }  # 1: records skipped
  tail -1 "$out/time" >> "$3.times"
}
echo "| dump | binary | mode | wall s | CPU s | peak RSS MiB | first pass (summary) | load at end |"
echo "|---|---|---|---:|---:|---:|---|---|"
for dump in "$@"; do
  name=$(basename "$dump")
  for b in "${!bins[@]}"; do : > "$out/$name-$b-chrome.times"; : > "$out/$name-$b-keep.times"; done
  for ((i = 0; i < runs; i++)); do
    for b in "${!bins[@]}"; do
      index "${bins[$b]}" "$dump" "$out/$name-$b-chrome"
      index "${bins[$b]}" "$dump" "$out/$name-$b-keep" --keep-chrome
    done
  done
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  for b in "${!bins[@]}"; do
    for mode in chrome keep; do
      t=$out/$name-$b-$mode.times
      wall=$(awk '{print $1}' "$t" | median)
      cpu=$(awk '{print $2 + $3}' "$t" | median)
      rss=$(awk '{print $4 / 1024}' "$t" | median)
      line=$(grep -o 'first pass [^)]*)' "$out/$name-$b-$mode.log" || echo '(none: --keep-chrome)')
      label=$([[ $mode == keep ]] && echo --keep-chrome || echo default)
      printf '| %s | %s | %s | %.2f | %.2f | %.0f | %s | %s |\n' "$name" "$b" "$label" "$wall" \
        "$cpu" "$rss" "$line" "$load"
    done
  done
  for b in "${!bins[@]}"; do
    "${bins[$b]}" index --overwrite --db "$out/db" "$dump" 2> /dev/null || (( $? <= 1 ))
    "${bins[$b]}" export --db "$out/db" | sort > "$out/export-$name-$b.jsonl"
    if cmp -s "$out/export-$name-0.jsonl" "$out/export-$name-$b.jsonl"; then
      echo "$name: binary $b: export identical to binary 0's ($(wc -l < "$out/export-$name-$b.jsonl") articles)" >&2
    else
      echo "$name: binary $b: export DIFFERS from binary 0's" >&2
    fi
  done
done
