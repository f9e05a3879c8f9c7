#!/bin/bash
# bench/run.sh [OUTDIR] — khabar next to its peers on Reuters-21578 and urdu-news-ha405.
#
#  1. builds khabar (Release, tests off) through bench/peers/khabar.sh check (not timed)
#  2. converts the dumps to the peers' canonical JSONL (cached in OUTDIR/corpora):
#       reuters21578.tar.gz -> reuters.jsonl (../shared/peers/tools/convert_reuters.py)
#       urdu-news-ha405/*.csv -> urdu-ha405.jsonl (bench/tools/ha405_to_jsonl.py)
#  3. runs ../shared/peers/run.sh on each JSONL with khabar + the peers (index build, query
#     latency in-process and process-per-query, checks, top-10 agreement)
#  4. times `khabar index` on the original dump files themselves (wall, CPU, peak RSS, size,
#     docs/s, MB/s of input) and compares the direct index with the JSONL one (articles by id,
#     match counts of the query set)
#  5. writes OUTDIR/report.md (machine info, khabar summary, all tables)
#
# Environment (all optional):
#   NQ_REUTERS / NQ_URDU  base queries per corpus (each dated one also gets a date-range variant)
#                         default 200 / 100
#   SEED 42   WARMUP 1    query generator seed, warm-up passes (see peers README)
#   CORPORA_TO_RUN        "reuters urdu" (default) or one of them
#   PEER_ENGINES          default "sqlite-fts5 sqlite-fts5-porter xapian-omega lucenepp ripgrep spawn-floor"
#   DIRECT_THREADS        `khabar index --threads` values for step 4, default "0 1" (0 = khabar's default)
#   KHABAR_REV            build this git revision (e.g. HEAD: the last commit, without the work tree's
#                         uncommitted edits; bench/ is taken from the work tree) instead of the work tree
#   KHABAR_BUILD          build directory, default $PEERS_BUILD/khabar (PEERS_BUILD default /tmp/peers-build),
#                         $PEERS_BUILD/khabar-REV with KHABAR_REV
#   KHABAR_BIN, BENCH_QUERIES_BIN   use these binaries instead of building
#   SHARED                the shared/ directory, default ../shared next to the repository
# Needs: bash, coreutils, GNU time, tar, python3 (stdlib), the peers' packages, cmake + g++ for khabar.
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH/.." && pwd)
[[ ${1:-} == -h || ${1:-} == --help || $# -gt 1 ]] && { sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 2; }
SHARED=${SHARED:-$(cd "$REPO/../shared" && pwd)}
PEERS=$SHARED/peers
CORPORA=$SHARED/corpora
OUT=${1:-/tmp/khabar-bench}
NQ_REUTERS=${NQ_REUTERS:-200} NQ_URDU=${NQ_URDU:-100}
export SEED=${SEED:-42} WARMUP=${WARMUP:-1}
CORPORA_TO_RUN=${CORPORA_TO_RUN:-"reuters urdu"}
PEER_ENGINES=${PEER_ENGINES:-"sqlite-fts5 sqlite-fts5-porter xapian-omega lucenepp ripgrep spawn-floor"}
DIRECT_THREADS=${DIRECT_THREADS:-"0 1"}
export PEERS_BUILD=${PEERS_BUILD:-/tmp/peers-build}
SRC_DESC="work tree $REPO"
if [[ -n ${KHABAR_REV:-} && -z ${KHABAR_BIN:-} ]]; then
  # a clean source tree of that commit (+ the work tree's bench/), extracted only when it changed;
  # git archive keeps commit-time mtimes, so an unchanged tree does not rebuild
  full=$(git -C "$REPO" rev-parse --verify "$KHABAR_REV^{commit}")
  export KHABAR_SRC=$PEERS_BUILD/khabar-src-${full:0:12}
  if [[ ! -f $KHABAR_SRC/.khabar-rev ]]; then
    rm -rf "$KHABAR_SRC"; mkdir -p "$KHABAR_SRC"
    git -C "$REPO" archive "$full" | tar -x -C "$KHABAR_SRC"
    echo "$full" > "$KHABAR_SRC/.khabar-rev"
  fi
  mkdir -p "$KHABAR_SRC/bench"; cp -rp "$BENCH/." "$KHABAR_SRC/bench/"
  export KHABAR_BUILD=${KHABAR_BUILD:-$PEERS_BUILD/khabar-${full:0:12}}
  SRC_DESC="commit $full (clean tree; bench/ from the work tree)"
fi
[[ -z ${KHABAR_BIN:-} ]] && export KHABAR_BUILD=${KHABAR_BUILD:-$PEERS_BUILD/khabar}
export PY=${PY:-/usr/bin/python3}
ADAPTER=$BENCH/peers/khabar.sh
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "need GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
[[ -x $PEERS/run.sh ]] || { echo "peers harness not found: $PEERS/run.sh (set SHARED)" >&2; exit 1; }
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
t_start=$(date +%s)

mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
mkdir -p "$OUT/corpora" "$OUT/direct"

# 1. build ---------------------------------------------------------------------------------------
log "building khabar (Release) into ${KHABAR_BUILD:-$(dirname "$KHABAR_BIN")}"
"$ADAPTER" check > "$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
KHABAR=${KHABAR_BIN:-$KHABAR_BUILD/cli/khabar}
BQ=${BENCH_QUERIES_BIN:-${KHABAR_BUILD:-$(dirname "$KHABAR")/..}/bench/bench_queries}
[[ -z ${BENCH_QUERIES_BIN:-} && -n ${KHABAR_BIN:-} ]] && BQ=$(dirname "$KHABAR")/../bench/bench_queries

# machine info (key<TAB>value) ----------------------------------------------------------------------
{
  printf 'cpu\t%s\n' "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  printf 'cores\t%s (nproc), %s\n' "$(nproc)" "$(lscpu | sed -n 's/^Thread(s) per core: */threads per core /p' | head -1)"
  printf 'ram\t%s\n' "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  printf 'kernel\t%s\n' "$(uname -sr)"
  printf 'os\t%s\n' "$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-?}")"
  printf 'compiler\t%s\n' "$(c++ --version 2>/dev/null | head -1)"
  printf 'khabar\t%s\n' "$("$KHABAR" --version)"
  if [[ -n ${KHABAR_BIN:-} ]]; then
    printf 'commit\t%s\n' "prebuilt $KHABAR_BIN (work tree at $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo ?))"
  elif [[ -n ${KHABAR_REV:-} ]]; then
    printf 'commit\t%s\n' "$SRC_DESC"
  else
    rev=$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo unknown)
    dirty=$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " + uncommitted changes in the work tree" || true)
    printf 'commit\t%s%s\n' "$rev" "$dirty"
  fi
  printf 'date\t%s\n' "$(date -u +%FT%TZ)"
  printf 'load\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at start)"
  printf 'settings\tSEED=%s WARMUP=%s NQ_REUTERS=%s NQ_URDU=%s DIRECT_THREADS="%s"\n' \
    "$SEED" "$WARMUP" "$NQ_REUTERS" "$NQ_URDU" "$DIRECT_THREADS"
} > "$OUT/machine.tsv"

# 2. corpora (JSONL, cached; rebuilt when the dump or the converter is newer) -----------------------
fresh() { local f=$1; shift; [[ -s $f ]] || return 1; for d in "$@"; do [[ $f -nt $d ]] || return 1; done; }
REUTERS_DUMP=$CORPORA/reuters21578.tar.gz
URDU_DUMP=$CORPORA/urdu-news-ha405
if [[ " $CORPORA_TO_RUN " == *" reuters "* ]] &&
   ! fresh "$OUT/corpora/reuters.jsonl" "$REUTERS_DUMP" "$PEERS/tools/convert_reuters.py"; then
  log "converting $REUTERS_DUMP"
  tmp=$(mktemp -d); tar -xzf "$REUTERS_DUMP" -C "$tmp"
  mapfile -t sgm < <(find "$tmp" -name 'reut2-*.sgm' | sort)
  "$PY" "$PEERS/tools/convert_reuters.py" "${sgm[@]}" > "$OUT/corpora/reuters.jsonl.tmp"
  mv "$OUT/corpora/reuters.jsonl.tmp" "$OUT/corpora/reuters.jsonl"; rm -rf "$tmp"
fi
if [[ " $CORPORA_TO_RUN " == *" urdu "* ]] &&
   ! fresh "$OUT/corpora/urdu-ha405.jsonl" "$URDU_DUMP"/*.csv "$BENCH/tools/ha405_to_jsonl.py"; then
  log "converting $URDU_DUMP"
  "$PY" "$BENCH/tools/ha405_to_jsonl.py" "$URDU_DUMP" > "$OUT/corpora/urdu-ha405.jsonl.tmp"
  mv "$OUT/corpora/urdu-ha405.jsonl.tmp" "$OUT/corpora/urdu-ha405.jsonl"
fi

# 3. peers harness, one run per corpus -----------------------------------------------------------
# A copy of shared/ may have turned the harness' alias symlinks (sqlite-fts5-porter.sh -> sqlite-fts5.sh,
# xapian-py.sh -> xapian-omega.sh) into plain one-line files: rebuild them as symlinks in a shadow
# engines directory (the adapters find their helpers next to themselves and pick their variant by name).
engines=()
for e in $PEER_ENGINES; do
  a=$PEERS/engines/$e.sh
  if [[ -f $a && ! -x $a && ! -L $a && $(wc -l < "$a") -le 1 && -x $PEERS/engines/$(cat "$a") ]]; then
    shadow=$OUT/engines; mkdir -p "$shadow"
    for f in "$PEERS"/engines/*; do [[ -e $shadow/${f##*/} ]] || ln -s "$f" "$shadow/${f##*/}"; done
    rm -f "$shadow/$e.sh"; ln -s "$PEERS/engines/$(cat "$a")" "$shadow/$e.sh"
    log "peer $e: $a is not a symlink (copied as text); using $shadow/$e.sh"
    engines+=("$shadow/$e.sh")
  else
    engines+=("$e")
  fi
done
for c in $CORPORA_TO_RUN; do
  case $c in
    reuters) jsonl=$OUT/corpora/reuters.jsonl nq=$NQ_REUTERS ;;
    urdu)    jsonl=$OUT/corpora/urdu-ha405.jsonl nq=$NQ_URDU ;;
    *) echo "unknown corpus '$c' (reuters, urdu)" >&2; exit 2 ;;
  esac
  log "peers on $c ($nq base queries)"
  ENGINES="$ADAPTER ${engines[*]}" NQ=$nq "$PEERS/run.sh" "$jsonl" "$OUT/$c" > "$OUT/$c.peers.log"
done

# 4. khabar index on the original dumps ---------------------------------------------------------
# direct.tsv: corpus threads wall user sys maxrss_kb index_bytes docs input_bytes raw_bytes rc
: > "$OUT/direct/direct.tsv"
for c in $CORPORA_TO_RUN; do
  case $c in
    reuters) input=$REUTERS_DUMP; raw=$(tar -xzOf "$input" | wc -c) ;;
    urdu)    input=$URDU_DUMP; raw=$(cat "$input"/*.csv | wc -c) ;;
  esac
  in_bytes=$(du -sbL "$input" | cut -f1)
  cat "$input" > /dev/null 2>&1 || cat "$input"/* > /dev/null   # page-cache the input
  for th in $DIRECT_THREADS; do
    db=$OUT/direct/$c-t$th.db; rm -rf "$db"; sync
    topt=(); [[ $th != 0 ]] && topt=(--threads "$th")
    log "khabar index $input (threads ${th/#0/default})"
    rc=0; $TIME -f '%e\t%U\t%S\t%M' -o "$OUT/direct/$c-t$th.time" \
      "$KHABAR" index --db "$db" -q ${topt[@]+"${topt[@]}"} "$input" > "$OUT/direct/$c-t$th.log" 2>&1 || rc=$?
    sync
    docs=$("$PY" -c 'import sys, xapian; print(xapian.Database(sys.argv[1]).get_doccount())' "$db" 2>/dev/null || echo 0)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$th" "$(tail -1 "$OUT/direct/$c-t$th.time")" \
      "$(du -sbL "$db" | cut -f1)" "$docs" "$in_bytes" "$raw" "$rc" >> "$OUT/direct/direct.tsv"
  done
  # the direct index against the JSONL one: same articles (by id), same match counts?
  first=$(set -- $DIRECT_THREADS; echo "$1")
  if [[ -d $OUT/$c/index/khabar ]]; then
    "$PY" "$BENCH/tools/compare_dbs.py" "$OUT/direct/$c-t$first.db" "$OUT/$c/index/khabar" --show 3 --khabar "$KHABAR" \
      > "$OUT/direct/$c.compare.txt" 2>&1 || true
  fi
  if [[ -x $BQ && -s $OUT/$c/queries.tsv ]]; then
    "$BQ" "$OUT/direct/$c-t$first.db" "$OUT/$c/queries.tsv" "$OUT/direct/$c.hits.tsv" "$OUT/direct/$c.lat.tsv" \
      2>> "$OUT/direct/$c-t$first.log" || log "bench_queries on the direct $c index failed"
  fi
done

# 5. report ---------------------------------------------------------------------------------------
printf 'load_end\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at the end; $(( $(date +%s) - t_start )) s after the start)" >> "$OUT/machine.tsv"
"$PY" "$BENCH/tools/make_report.py" "$OUT" $CORPORA_TO_RUN
log "done in $(( $(date +%s) - t_start )) s: $OUT/report.md"
cat "$OUT/report.md"
