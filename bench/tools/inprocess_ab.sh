#!/usr/bin/env bash
# Instructions of the timed part of bench_queries (one Searcher::search per query: match, totals,
# stored records, snippets) for two bench_queries binaries on the same database, per query
# (valgrind callgrind, repeatable on a loaded machine, unlike wall time).
#
#   bench/tools/inprocess_ab.sh QUERIES.tsv OLD_BENCH_QUERIES NEW_BENCH_QUERIES DB [NEW_DB] > out.tsv
#
# NEW_DB (default DB): the database the new binary searches, when it is a new format of DB.
#
# QUERIES.tsv: ../shared/peers/tools/make_queries.py output (qid, query, from, to). Output: qid
# kind old new (instructions), then a summary on stderr per kind (plain, date): medians, and the
# median, best and worst of new/old per query.
set -euo pipefail
queries=$1 old=$2 new=$3 db=$4 new_db=${5:-$4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for side in old new; do
  mkdir "$tmp/$side"
  side_db=$db
  [ "$side" = new ] && side_db=$new_db
  valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$tmp/$side/cg" \
    "${!side}" "$side_db" "$queries" /dev/null /dev/null 2>/dev/null
  # one dump per query: "Trigger: Client Request: QID" and "totals: N"
  awk '/^desc: Trigger: Client Request:/ {q = $5} /^totals:/ && q != "" {print q "\t" $2; q = ""}' \
    "$tmp/$side"/cg.* > "$tmp/$side.tsv"
done
python3 - "$queries" "$tmp/old.tsv" "$tmp/new.tsv" <<'PY'
import statistics, sys
rows = [l.rstrip('\n').split('\t') + ['', ''] for l in open(sys.argv[1]) if l.strip()]
kind = {r[0]: 'date' if r[2] or r[3] else 'plain' for r in rows}
old, new = ({q: int(n) for q, n in (l.split() for l in open(f))} for f in sys.argv[2:4])
for q in kind:
    print(f"{q}\t{kind[q]}\t{old[q]}\t{new[q]}")
for k in ('plain', 'date'):
    qs = [q for q in kind if kind[q] == k]
    if not qs: continue
    o = [old[q] for q in qs]; n = [new[q] for q in qs]; r = [new[q] / old[q] for q in qs]
    print(f"{k} ({len(qs)}): median old {statistics.median(o) / 1e6:.2f} M, new "
          f"{statistics.median(n) / 1e6:.2f} M; new/old per query: median "
          f"{statistics.median(r):.3f}, best {min(r):.3f}, worst {max(r):.3f}", file=sys.stderr)
PY
