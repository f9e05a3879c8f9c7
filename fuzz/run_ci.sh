#!/usr/bin/env bash
# Build khabar's libFuzzer targets with clang and run each one briefly on its seed corpus.
# Fails (exit 1) when a target crashes, leaks, times out, runs out of memory, breaks an invariant
# or a saved regression input (fuzz/regressions/<target>/*) fails again.
#
#   bash fuzz/run_ci.sh                     # every target, 15 s each, two at a time
#   FUZZ_SECONDS=600 bash fuzz/run_ci.sh fuzz_dates fuzz_query   # some targets, longer
#
# Environment: BUILD_DIR (default build-fuzz in the repository), FUZZ_SECONDS (15), FUZZ_JOBS (2),
# FUZZ_OUT (where logs, new corpus entries and crash artifacts go; default a temporary directory).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-fuzz}"
SECS="${FUZZ_SECONDS:-15}"
JOBS="${FUZZ_JOBS:-2}"
OUT="${FUZZ_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/khabar-fuzz-ci.XXXXXX")}"
mkdir -p "$OUT"

# shellcheck source=../scripts/packages.sh
source "$ROOT/scripts/packages.sh"
install_packages "${KHABAR_BUILD_PACKAGES[@]}" "${KHABAR_FUZZ_PACKAGES[@]}"

echo "fuzz: configuring and building in $BUILD_DIR"
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD_DIR" -DKHABAR_FUZZ=ON -DKHABAR_SANITIZE=ON \
    -DKHABAR_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$OUT/configure.log" 2>&1 ||
    { cat "$OUT/configure.log"; exit 2; }
cmake --build "$BUILD_DIR" --target fuzz -j"$JOBS" >"$OUT/build.log" 2>&1 ||
    { tail -50 "$OUT/build.log"; exit 2; }

if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for src in "$ROOT"/fuzz/fuzz_*.cc; do targets+=("$(basename "$src" .cc)"); done
fi

# Leaks are findings too; ICU/Xapian caches that live to exit are not reported by LSan.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {
    local t="$1" bin="$BUILD_DIR/fuzz/$1" dir="$OUT/$1"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    # 1. saved regressions: each must run cleanly
    local status=0
    local regs=("$ROOT/fuzz/regressions/$t"/*)
    if [ -e "${regs[0]}" ]; then
        local r
        for r in "${regs[@]}"; do  # one process per input: a crash stops only its own check
            if ! "$bin" -rss_limit_mb=2048 -timeout=30 "$r" >>"$dir/regressions.log" 2>&1; then
                echo "FAIL $t: regression $(basename "$r") fails again (see $dir/regressions.log)"
                status=1
            fi
        done
    fi
    # 2. a short fuzzing run from the seed corpus (new inputs go to $dir/corpus, not the repo)
    local seeds="$ROOT/fuzz/corpus/$t"
    [ -d "$seeds" ] || seeds=""
    if "$bin" -max_total_time="$SECS" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" "$dir/corpus" $seeds >"$dir/fuzz.log" 2>&1; then
        local stats
        stats="$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$dir/fuzz.log" |
                 sed 's/stat:://' | tr '\n' ' ')"
        local cov
        cov="$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$dir/fuzz.log" | tail -1)"
        echo "ok   $t: $stats$cov"
        return $status
    else
        echo "FAIL $t: see $dir/fuzz.log; artifacts:" "$dir"/artifacts/*
        grep -E 'ERROR|INVARIANT|SUMMARY|deadly|timeout|out-of-memory' "$dir/fuzz.log" | head -5
        return 1
    fi
}

echo "fuzz: ${#targets[@]} targets, ${SECS}s each, $JOBS at a time; output in $OUT"
failed=0
pids=()
names=()
for t in "${targets[@]}"; do
    [ -x "$BUILD_DIR/fuzz/$t" ] || { echo "FAIL $t: not built"; failed=1; continue; }
    run_one "$t" &
    pids+=($!)
    names+=("$t")
    if [ "${#pids[@]}" -ge "$JOBS" ]; then
        wait "${pids[0]}" || failed=1
        pids=("${pids[@]:1}")
        names=("${names[@]:1}")
    fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done

if [ "$failed" -ne 0 ]; then
    echo "fuzz: FAILED (logs in $OUT)"
    exit 1
fi
echo "fuzz: all targets ran without a finding"
