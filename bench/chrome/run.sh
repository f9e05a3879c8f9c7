#!/usr/bin/env bash
# The chrome bench (issue 13 item 6): generate the labelled set, index it with khabar, score it.
#   bench/chrome/run.sh OUTDIR [KHABAR_BIN]
# KHABAR_BIN defaults to build/cli/khabar of this work tree. SHARED (default: ../shared next to
# the repository, else /work/shared) holds the corpora. RUNS (3): index runs per mode for the
# cost figure. JOBS (2): search processes at a time. SET=fresh ... fresh37: the
# later sets (fresh.py ... fresh37.py); their reports show no page-level examples of their test
# sites. ONLY=dev: generate the set, then keep only its dev sites (khabar never reads the test
# pages). Writes OUTDIR/report.md (see README.md).
set -euo pipefail
if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=$1
khabar=${2:-$repo/build/cli/khabar}
shared=${SHARED:-$repo/../shared}
[[ -d $shared/corpora ]] || shared=/work/shared
[[ -x $khabar ]] || { echo "run.sh: no khabar binary at $khabar (build it first)" >&2; exit 2; }
[[ -d $shared/corpora/article-extraction ]] || { echo "run.sh: no corpora in $shared" >&2; exit 2; }
mkdir -p "$out"
start=$(date +%s)
set_name=${SET:-main}
only=()
[[ -n ${ONLY:-} ]] && only=(--only "$ONLY")
python3 "$here/gen.py" "$out" --shared "$shared" --set "$set_name" "${only[@]}"
blind=()
[[ $set_name == fresh* ]] && blind=(--blind-test)
commit=${KHABAR_COMMIT:-}
if [[ -z $commit && $khabar == "$repo"/* ]]; then
  commit=$(git -C "$repo" rev-parse --short HEAD)
  git -C "$repo" diff --quiet HEAD -- . ':!bench/chrome' || commit="$commit + uncommitted changes"
fi
KHABAR_COMMIT=$commit python3 "$here/evaluate.py" "$out" "$khabar" --runs "${RUNS:-3}" --jobs "${JOBS:-2}" "${blind[@]}"
echo "run.sh: $(( $(date +%s) - start )) s; report: $out/report.md" >&2
