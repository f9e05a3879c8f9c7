#!/bin/bash
# bench/tools/cleaning_cost.sh OUTDIR DUMP... — what chrome cleaning costs `khabar index`.
# For each DUMP and each khabar binary of KHABAR_BINS (default: build/cli/khabar of this tree;
# several, space-separated, to compare builds under the same load): `khabar index --overwrite
# --db OUTDIR/db DUMP` (default: cleaning) and the same with --keep-chrome, RUNS rounds (default
# 9) under GNU time. A round runs every binary in both modes, default first in even rounds and
# --keep-chrome first in odd ones (ABBA), so that a drift of the machine's load falls on both.
# Prints one markdown row per DUMP, binary and mode: median wall and CPU (user + sys) with their
# min-max, median peak RSS, and the 1-minute load average before the runs (median, min-max);
# the default rows add cleaning's cost as the median over the rounds of default / --keep-chrome
# of the same round (wall, CPU), which cancels the load that both runs of a round share, and as
# the ratio of the medians. Every run's figures are in OUTDIR/DUMPNAME-N-MODE.times ("wall user
# sys rss_kib load1"). Then exports each binary's cleaned index (`khabar export`, sorted) to
# OUTDIR/export-DUMPNAME-N.jsonl (N: the binary's place in KHABAR_BINS) and says whether they are
# identical.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1; shift
read -r -a bins <<< "${KHABAR_BINS:-$here/../../build/cli/khabar}"
runs=${RUNS:-9}
mkdir -p "$out"
median() { sort -g | awk '{a[NR]=$1} END {print NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
range() { sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.2f-%.2f", lo, hi}'; }
index() {  # BIN DUMP LOG [FLAG]: one timed run, "wall user sys rss load1" appended to LOG.times
  local rc=0 load
  rm -rf "$out/db"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
    "$1" index --overwrite --db "$out/db" ${4:-} "$2" 2> "$3.log" || rc=$?
  (( rc <= 1 )) || { echo "khabar index $2 failed ($rc)" >&2; exit 1; }  # 1: records skipped
  echo "$(tail -1 "$out/time") $load" >> "$3.times"
}
# Median over the rounds of (default / keep - 1) in %, of column COL (1 wall, 2 user + sys).
paired() {
  paste "$1" "$2" | awk -v col="$3" '{
    d = col == 1 ? $1 : $2 + $3; k = col == 1 ? $6 : $7 + $8; print (d / k - 1) * 100 }' | median
}
echo "| dump | binary | mode | wall s, median (min-max) | CPU s, median (min-max) | peak RSS MiB | load1 before, median (min-max) | cost: median of round ratios, wall / CPU | cost: ratio of medians, wall / CPU |"
echo "|---|---|---|---:|---:|---:|---|---:|---:|"
for dump in "$@"; do
  name=$(basename "$dump")
  [[ $name == pages ]] && name=$(basename "$(dirname "$dump")")-pages  # bench/chrome/gen.py sets
  for b in "${!bins[@]}"; do : > "$out/$name-$b-chrome.times"; : > "$out/$name-$b-keep.times"; done
  for ((i = 0; i < runs; i++)); do
    for b in "${!bins[@]}"; do
      if ((i % 2 == 0)); then
        index "${bins[$b]}" "$dump" "$out/$name-$b-chrome"
        index "${bins[$b]}" "$dump" "$out/$name-$b-keep" --keep-chrome
      else
        index "${bins[$b]}" "$dump" "$out/$name-$b-keep" --keep-chrome
        index "${bins[$b]}" "$dump" "$out/$name-$b-chrome"
      fi
    done
  done
  for b in "${!bins[@]}"; do
    c=$out/$name-$b-chrome.times k=$out/$name-$b-keep.times
    for mode in chrome keep; do
      t=$out/$name-$b-$mode.times
      wall=$(awk '{print $1}' "$t" | median) wr=$(awk '{print $1}' "$t" | range)
      cpu=$(awk '{print $2 + $3}' "$t" | median) cr=$(awk '{print $2 + $3}' "$t" | range)
      rss=$(awk '{print $4 / 1024}' "$t" | median)
      load=$(awk '{print $5}' "$t" | median) lr=$(awk '{print $5}' "$t" | range)
      if [[ $mode == keep ]]; then
        label=--keep-chrome cost='' ratio=''
      else
        label=default
        cost=$(printf '%+.1f %% / %+.1f %%' "$(paired "$c" "$k" 1)" "$(paired "$c" "$k" 2)")
        kw=$(awk '{print $1}' "$k" | median) kc=$(awk '{print $2 + $3}' "$k" | median)
        ratio=$(awk -v a="$wall" -v b="$kw" -v c="$cpu" -v d="$kc" \
          'BEGIN {printf "%+.1f %% / %+.1f %%", (a / b - 1) * 100, (c / d - 1) * 100}')
      fi
      printf '| %s | %s | %s | %.2f (%s) | %.2f (%s) | %.0f | %.2f (%s) | %s | %s |\n' "$name" "$b" \
        "$label" "$wall" "$wr" "$cpu" "$cr" "$rss" "$load" "$lr" "$cost" "$ratio"
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
