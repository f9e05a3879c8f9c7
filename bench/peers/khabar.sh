#!/bin/bash
# Peers adapter for khabar (protocol: ../shared/peers/README.md, "Plugging in an engine").
#   index : khabar index --db INDEXDIR -q CORPUS.jsonl (default threads = cores), then
#           khabar compact --db INDEXDIR (timed together; omega's adapter compacts too)
#   one   : mode `cli` = one `khabar search --json` process per query; its JSON Lines are turned
#           into the harness' hit lines by a small mawk program (the adapter's bash process execs
#           awk, khabar runs in a process substitution: 2 processes, no extra shell)
#   batch : bench_queries (bench/bench_queries.cc), one process, times parse + top-10 + snippets
# Binaries: $KHABAR_BIN and $BENCH_QUERIES_BIN if set, else $KHABAR_BUILD/{cli/khabar,
# bench/bench_queries}; KHABAR_BUILD defaults to $PEERS_BUILD/khabar (PEERS_BUILD default
# /tmp/peers-build), built by `check` (Release, tests off) from the repository this file is in
# (or $KHABAR_SRC). KHABAR_THREADS sets `khabar index --threads`.
set -euo pipefail
# Only parameter expansions up here: `one` is timed per query, so no $(...) forks on its path.
BUILD=${KHABAR_BUILD:-${PEERS_BUILD:-/tmp/peers-build}/khabar}
BIN=${KHABAR_BIN:-$BUILD/cli/khabar}
BQ=${BENCH_QUERIES_BIN:-}
if [[ -z $BQ ]]; then
  if [[ -n ${KHABAR_BIN:-} && -z ${KHABAR_BUILD:-} ]]; then BQ=${KHABAR_BIN%/*}/../bench/bench_queries
  else BQ=$BUILD/bench/bench_queries; fi
fi
src() { local here; here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd); SRC=${KHABAR_SRC:-$(cd "$here/../.." && pwd)}; }
cmd=${1:-}; shift || true
case "$cmd" in
  check)
    src
    if [[ -z ${KHABAR_BIN:-} ]]; then
      cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF >/dev/null
      cmake --build "$BUILD" -j"$(nproc)" --target khabar bench_queries >/dev/null
    fi
    [[ -x $BIN ]] || { echo "khabar binary not found: $BIN" >&2; exit 1; }
    [[ -x $BQ ]] || { echo "bench_queries not found: $BQ (caps drops batch)" >&2; }
    command -v mawk >/dev/null || command -v awk >/dev/null ;;
  describe)
    src
    if [[ -f $SRC/.khabar-rev ]]; then rev=$(cut -c1-7 "$SRC/.khabar-rev") dirty=" (clean export)"
    else
      rev=$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo unknown)
      dirty=$(git -C "$SRC" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo "+dirty" || true)
    fi
    echo "$("$BIN" --version | tr '\n' ' ')git $rev$dirty; index threads ${KHABAR_THREADS:-default}, compacted by khabar index itself (its default); NFKC+Urdu folds, MixedStem (STEM_SOME), BM25; AND of words; cli = khabar search --json | mawk" ;;
  caps)     if [[ -x $BQ ]]; then echo "batch daterange snippet rank"; else echo "daterange snippet rank"; fi ;;
  modes)    echo "cli" ;;
  index)    # index CORPUS.jsonl INDEXDIR: khabar index with its defaults, which end by compacting
    # the shards when the run wrote most of them (what a user gets with no extra command; omega's
    # adapter runs xapian-compact itself). Exit 1 = some records skipped.
    rm -rf "$2"
    rc=0
    "$BIN" index --db "$2" -q ${KHABAR_THREADS:+--threads "$KHABAR_THREADS"} "$1" || rc=$?
    exit "$rc" ;;
  batch)    exec "$BQ" "$1" "$2" "$3" "$4" ;;
  one)      # one MODE INDEXDIR QUERY FROM TO
    idx=$2 q=$3 lo=${4:-} hi=${5:-}
    args=(search --db "$idx" --json -n 10 --color never)
    [[ -n $lo ]] && args+=(--since "$lo")
    [[ -n $hi ]] && args+=(--until "$hi")
    # JSON Lines (keys sorted by nlohmann::json) -> `rank id score date snippet` + `#matches N`.
    # LC_ALL=C: highlight offsets are bytes. Exit 2 when khabar printed no summary (an error).
    LC_ALL=C exec awk '
      function jstr(s, key,    i, rest, out, c) {
        i = index(s, "\"" key "\":\"")
        if (!i) return ""
        rest = substr(s, i + length(key) + 4); out = ""
        while (match(rest, /[\\"]/)) {
          out = out substr(rest, 1, RSTART - 1)
          if (substr(rest, RSTART, 1) == "\"") return out
          c = substr(rest, RSTART + 1, 1)
          if (c == "u") { out = out " "; rest = substr(rest, RSTART + 6); continue }  # control char
          out = out (c ~ /[nrtbf]/ ? " " : c); rest = substr(rest, RSTART + 2)
        }
        return out rest
      }
      function jnum(s, key,    i, rest) {
        i = index(s, "\"" key "\":")
        if (!i) return ""
        rest = substr(s, i + length(key) + 3)
        return match(rest, /^-?[0-9][0-9.eE+-]*/) ? substr(rest, 1, RLENGTH) : ""
      }
      /^\{"data":/ && /"type":"hit"\}$/ {
        t = jstr($0, "text"); out = ""; pos = 0
        i = index($0, "\"highlights\":[")
        if (i && substr($0, i + 14, 1) != "]") {
          h = substr($0, i + 14); h = substr(h, 1, index(h, "]]"))
          n = split(h, v, /[^0-9]+/); k = 0
          for (j = 1; j <= n; j++) if (v[j] != "") a[++k] = v[j] + 0
          for (j = 1; j + 1 <= k; j += 2) {
            if (a[j] < pos || a[j + 1] > length(t)) continue
            out = out substr(t, pos + 1, a[j] - pos) "[" substr(t, a[j] + 1, a[j + 1] - a[j]) "]"
            pos = a[j + 1]
          }
        }
        out = out substr(t, pos + 1); gsub(/[\001-\040\177]+/, " ", out); sub(/^ /, "", out); sub(/ $/, "", out)
        print jnum($0, "rank") "\t" jstr($0, "id") "\t" jnum($0, "score") "\t" jstr($0, "date") "\t" out
        next
      }
      /"type":"summary"\}$/ {
        lo = jnum($0, "matches_lower"); up = jnum($0, "matches_upper")
        print "#matches\t" (lo == up ? lo : "~" jnum($0, "matches_estimated")); done = 1
      }
      END { if (!done) exit 2 }' < <(exec "$BIN" "${args[@]}" -- "$q") ;;
  *) echo "usage: $0 check|describe|caps|modes|index CORPUS IDX|batch IDX Q HITS LAT|one MODE IDX QUERY [FROM TO]" >&2; exit 2 ;;
esac
