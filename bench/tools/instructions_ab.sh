#!/usr/bin/env bash
# Instructions (valgrind callgrind: repeatable on a loaded machine, unlike wall time) of one CLI
# search process per query, for two khabar binaries on the same database and for quest on omega's
# index of the same corpus, as the peers harness runs them (../shared/peers/engines).
#
#   bench/tools/instructions_ab.sh QUERIES.tsv OLD_KHABAR NEW_KHABAR KHABAR_DB OMEGA_DB [N] > out.tsv
#
# QUERIES.tsv: ../shared/peers/tools/make_queries.py output (qid, query, from, to); the first N
# (25) plain and N date-range queries are run. Output: qid kind query old new quest (instructions),
# then a summary on stderr (medians and the median of new/old per query).
set -euo pipefail
queries=$1 old=$2 new=$3 db=$4 omega=$5 n=${6:-25}
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
         awk '/I   refs/ {gsub(",", "", $4); print $4}'; }
np=0 nd=0
out=$(mktemp)
while IFS=$'\t' read -r qid q lo hi; do
  if [[ -z $lo ]]; then ((np >= n)) && continue; np=$((np + 1)); kind=plain
  else ((nd >= n)) && continue; nd=$((nd + 1)); kind=date; fi
  dates=() filt=""
  if [[ -n $lo ]]; then
    dates=(--since "$lo" --until "$hi")
    d=$lo  # quest: the range as day terms, as the omega adapter does
    while [[ ! $d > $hi ]]; do filt+=" d:${d//-/}"; d=$(date -u -d "$d + 1 day" +%F); done
  fi
  args=(search --db "$db" --json -n 10 --color never "${dates[@]}" "$q")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$qid" "$kind" "$q" "$(ir "$old" "${args[@]}")" \
    "$(ir "$new" "${args[@]}")" "$(ir quest -d "$omega" -m 10 -o and -b d:D "$q$filt")" | tee -a "$out"
done < "$queries"
python3 - "$out" >&2 <<'PY'
import statistics, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
for kind in ('plain', 'date'):
    r = [x for x in rows if x[1] == kind]
    if not r: continue
    o, n, q = ([int(x[i]) for x in r] for i in (3, 4, 5))
    med = lambda v: statistics.median(v) / 1e6
    print(f"{kind} ({len(r)}): median old {med(o):.2f} M, new {med(n):.2f} M, quest {med(q):.2f} M; "
          f"new/old per query: median {statistics.median(b / a for a, b in zip(o, n)):.3f}, "
          f"min {min(b / a for a, b in zip(o, n)):.3f}; new/quest {med(n) / med(q):.2f}")
PY
rm -f "$out"
