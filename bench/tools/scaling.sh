#!/bin/bash
# bench/tools/scaling.sh CORPUS.jsonl OUTDIR [K...] — does khabar's cost grow linearly?
# For each K (default 1 2 4 8): K copies of the corpus with new ids (tools/replicate_jsonl.py; the
# vocabulary does not grow, a real archive's does), `khabar index` (default threads) under GNU
# time, then `khabar compact`. Writes OUTDIR/scaling.tsv and prints a markdown table: wall, CPU,
# peak RSS, sizes, and per article: wall µs, CPU µs, compacted bytes. Load average is recorded
# with each run (the machine is shared). Needs KHABAR_BIN (default: build/cli/khabar).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
corpus=$1 out=$2; shift 2
ks=("$@"); [[ ${#ks[@]} -gt 0 ]] || ks=(1 2 4 8)
bin=${KHABAR_BIN:-$here/../../build/cli/khabar}
mkdir -p "$out"
tsv=$out/scaling.tsv
printf 'k\tdocs\tjsonl_bytes\twall_s\tcpu_s\tmaxrss_kb\traw_bytes\tcompact_bytes\tcompact_s\tload_start\tload_end\n' > "$tsv"
for k in "${ks[@]}"; do
  j=$out/x$k.jsonl db=$out/x$k.db
  python3 "$here/replicate_jsonl.py" "$corpus" "$k" > "$j"
  cat "$j" > /dev/null
  rm -rf "$db"; sync
  l0=$(cut -d' ' -f1 /proc/loadavg)
  rc=0; /usr/bin/time -f '%e %U %S %M' -o "$out/x$k.time" "$bin" index --db "$db" -q "$j" || rc=$?
  (( rc <= 1 )) || { echo "khabar index failed ($rc)" >&2; exit 1; }
  sync
  raw=$(du -sb "$db" | cut -f1)
  t0=$(date +%s.%N)
  "$bin" compact --db "$db" 2> /dev/null
  t1=$(date +%s.%N)
  l1=$(cut -d' ' -f1 /proc/loadavg)
  read -r w u s m < <(tail -1 "$out/x$k.time")
  docs=$(wc -l < "$j")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\t%s\n' "$k" "$docs" "$(stat -c %s "$j")" "$w" \
    "$(echo "$u + $s" | bc)" "$m" "$raw" "$(du -sb "$db" | cut -f1)" "$(echo "$t1 - $t0" | bc)" \
    "$l0" "$l1" >> "$tsv"
  rm -f "$j"
done
python3 - "$tsv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
print('| copies | articles | JSONL MB | index wall s | CPU s | peak RSS MiB | compacted MB (×JSONL) | '
      'wall µs/article | CPU µs/article | compacted bytes/article | load (start-end) |')
print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
for r in rows:
    d = int(r['docs']); w = float(r['wall_s']); c = float(r['cpu_s'])
    cb = int(r['compact_bytes']); jb = int(r['jsonl_bytes'])
    print('| %s | %d | %.1f | %.1f | %.1f | %.0f | %.1f (%.2f) | %.0f | %.0f | %.0f | %s-%s |' % (
        r['k'], d, jb / 1e6, w, c, int(r['maxrss_kb']) / 1024, cb / 1e6, cb / jb, w / d * 1e6,
        c / d * 1e6, cb / d, r['load_start'], r['load_end']))
PY
