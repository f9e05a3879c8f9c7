#!/bin/bash
# bench/relevance/run.sh [OUTDIR] — khabar and the peers on judged query sets; prints the tables.
# See bench/relevance/README.md. Knobs (environment):
#   ENGINES   "khabar sqlite-fts5 sqlite-fts5-porter xapian-omega lucenepp ripgrep" (unavailable
#             peers are skipped with a note); every peer runs in two modes: as typed (AND) and +or
#   CORPORA   "cacm reuters bbc ha405 ufn";  SPLITS "dev test";  DEV_SEED (42), TEST_SEED (1042)
#   N         known items per corpus, type and split (300)
#   DEPTH     hits asked of every engine (100);  JOBS parallel processes (2)
#   KHABAR_BIN  a built khabar (else bench/peers/khabar.sh check builds one into $PEERS_BUILD/khabar)
#   KHABAR_REV  build this git revision instead of the work tree (e.g. HEAD: the last commit without
#             uncommitted edits), from a clean `git archive` in $PEERS_BUILD/khabar-src-<commit>
#   REUSE_KHABAR=1  keep khabar indexes from an earlier run (peer indexes are always reused
#             while newer than their corpus);  SHARED (the shared/ dir);  PY (/usr/bin/python3)
#   KEEP_RUNS "ENGINE ..."  reuse these engines' query runs from an earlier run in OUTDIR (a peer's
#             runs do not depend on khabar: re-rank khabar alone with KEEP_RUNS="sqlite-fts5 ...")
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${1:-/tmp/khabar-relevance}
SHARED=${SHARED:-$(cd "$REPO/../shared" && pwd)}
PY=${PY:-/usr/bin/python3}
ENGINES=${ENGINES:-"khabar sqlite-fts5 sqlite-fts5-porter xapian-omega lucenepp ripgrep"}
CORPORA=${CORPORA:-"cacm reuters bbc ha405 ufn"}
DEV_SEED=${DEV_SEED:-42} TEST_SEED=${TEST_SEED:-1042} N=${N:-300} DEPTH=${DEPTH:-100} JOBS=${JOBS:-2}
SPLITS=${SPLITS:-"dev test"}
export PEERS_BUILD=${PEERS_BUILD:-/tmp/peers-build}
mkdir -p "$OUT"/{index,runs,bin,engines,logs}
OUT=$(cd "$OUT" && pwd)
t0=$SECONDS
log() { printf '[%4ds] %s\n' $((SECONDS - t0)) "$*" >&2; }

# --- engines: local copies of the peers' adapters (shared/ may store the porter/xapian-py
# symlinks as plain files naming their target; recreate them as real symlinks)
for f in "$SHARED"/peers/engines/*; do
  b=$(basename "$f")
  if [[ $b == *.sh && ! -x $f ]] && head -c 2 "$f" | grep -qv '#!'; then
    ln -sfn "$(tr -d '\n' < "$f")" "$OUT/engines/$b"
  else
    ln -sfn "$f" "$OUT/engines/$b"
  fi
done
ln -sfn "$REPO/bench/peers/khabar.sh" "$OUT/engines/khabar.sh"
# (|| true: on a clean tree grep finds nothing, and set -e would end the script here silently)
DESC="work tree $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' + uncommitted edits' || true)"
if [[ -z ${KHABAR_BIN:-} ]]; then
  if [[ -n ${KHABAR_REV:-} ]]; then   # same scheme as bench/run.sh
    full=$(git -C "$REPO" rev-parse --verify "$KHABAR_REV^{commit}")
    export KHABAR_SRC=$PEERS_BUILD/khabar-src-${full:0:12}
    if [[ ! -f $KHABAR_SRC/.khabar-rev ]]; then
      rm -rf "$KHABAR_SRC"; mkdir -p "$KHABAR_SRC"
      git -C "$REPO" archive "$full" | tar -x -C "$KHABAR_SRC"
      echo "$full" > "$KHABAR_SRC/.khabar-rev"
    fi
    export KHABAR_BUILD=${KHABAR_BUILD:-$PEERS_BUILD/khabar-${full:0:12}}
    DESC="commit ${full:0:12} (clean tree)"
  fi
  export KHABAR_BUILD=${KHABAR_BUILD:-$PEERS_BUILD/khabar}
  log "building khabar ($DESC) into $KHABAR_BUILD"
  bash "$REPO/bench/peers/khabar.sh" check
  KHABAR_BIN=$KHABAR_BUILD/cli/khabar
else
  DESC="$KHABAR_BIN"
fi
export KHABAR_BIN
active=()
for e in $ENGINES; do
  if [[ ! -e $OUT/engines/$e.sh ]]; then log "skip $e: no adapter"; continue; fi
  if ! PY=$PY bash "$OUT/engines/$e.sh" check >"$OUT/logs/$e.check.log" 2>&1; then
    log "skip $e: check failed (see logs/$e.check.log)"; continue
  fi
  if [[ $e == lucenepp ]]; then
    # shellcheck disable=SC2046
    if ! g++ -O2 -std=c++17 $(pkg-config --cflags liblucene++ liblucene++-contrib) -o "$OUT/bin/lucene_rank" \
         "$HERE/lucene_rank.cpp" $(pkg-config --libs liblucene++ liblucene++-contrib) 2>"$OUT/logs/lucene_rank.build.log"; then
      log "skip lucenepp: lucene_rank did not build"; continue
    fi
  fi
  active+=("$e")
  echo "$e	$(PY=$PY bash "$OUT/engines/$e.sh" describe 2>/dev/null | head -1)" >> "$OUT/logs/describe.tmp"
done
mv "$OUT/logs/describe.tmp" "$OUT/engines.tsv"
log "engines: ${active[*]}"

# --- corpora and sets (corpora cached in OUT/corpora, rebuilt when make_sets.py changes)
# shellcheck disable=SC2086
"$PY" "$HERE/make_sets.py" corpora --shared "$SHARED" --out "$OUT" --dev-seed "$DEV_SEED" \
  --test-seed "$TEST_SEED" --n "$N" \
  --corpora $CORPORA 2> >(tee "$OUT/logs/make_sets.log" >&2)
log "sets ready"

# --- indexes
: > "$OUT/index.tsv"
for c in $CORPORA; do
  corpus=$OUT/corpora/$c.jsonl
  for e in "${active[@]}"; do
    idx=$OUT/index/$c.$e
    if [[ -d $idx && $idx -nt $corpus && ( $e != khabar || ${REUSE_KHABAR:-0} == 1 ) ]]; then
      continue
    fi
    rm -rf "$idx"
    s=$SECONDS
    rc=0
    PY=$PY bash "$OUT/engines/$e.sh" index "$corpus" "$idx" >"$OUT/logs/index.$c.$e.log" 2>&1 || rc=$?
    # khabar exits 1 when it skipped a record (reported in the log): the index is usable
    if [[ $rc -ne 0 && ! ( $e == khabar && $rc -eq 1 ) ]]; then
      log "index $c with $e FAILED (rc $rc, logs/index.$c.$e.log)"; rm -rf "$idx"; continue
    fi
    touch "$idx"
    printf '%s\t%s\t%d\n' "$c" "$e" $((SECONDS - s)) >> "$OUT/index.tsv"
    log "indexed $c with $e ($((SECONDS - s)) s)"
  done
done

# --- queries: every peer as typed (AND) and with the words OR-ed (+or); khabar as a user runs
# it, and +or on CACM (the long questions) for reference
for split in $SPLITS; do
  mkdir -p "$OUT/runs/$split"
  for e in "${active[@]}"; do
    [[ " ${KEEP_RUNS:-} " == *" $e "* ]] || rm -f "$OUT/runs/$split"/*."$e".run "$OUT/runs/$split"/*."$e"+or.run \
      "$OUT/runs/$split"/*."$e".copies
  done
  while IFS=$'\t' read -r set corpus lang kind judged; do
    for e in "${active[@]}"; do
      idx=$OUT/index/$corpus.$e
      [[ -d $idx ]] || continue
      [[ " ${KEEP_RUNS:-} " == *" $e "* && -s $OUT/runs/$split/$set.$e.run ]] && continue
      modes=and,or
      [[ $e == khabar && $corpus != cacm ]] && modes=and
      "$PY" "$HERE/rank.py" "$e" "$idx" "$OUT/sets/$split/$set.tsv" "$OUT/runs/$split" --modes "$modes" \
        --depth "$DEPTH" --jobs "$JOBS" --khabar "$KHABAR_BIN" --peers "$OUT/engines" \
        --lucene-rank "$OUT/bin/lucene_rank" 2>>"$OUT/logs/rank.$e.log" \
        || log "queries $split/$set with $e FAILED (logs/rank.$e.log)"
    done
    log "ran $split/$set"
  done < "$OUT/sets/$split/index.tsv"
done

# --- report
"$PY" "$HERE/evaluate.py" "$OUT" --engines "${active[*]}" --splits "$(echo $SPLITS | tr ' ' '\n' | sort -r | tr '\n' ' ')"
{
  echo
  echo "Engines:"
  sed 's/^/- /; s/\t/: /' "$OUT/engines.tsv"
  echo
  echo "Settings: dev seed $DEV_SEED, test seed $TEST_SEED, $N known items per corpus, type and split, depth $DEPTH; $("$KHABAR_BIN" --version 2>/dev/null) built from $DESC${KHABAR_RANKING:+, KHABAR_RANKING=$KHABAR_RANKING}; $(nproc) cores; total $((SECONDS - t0)) s"
} | tee -a "$OUT/relevance.md"
