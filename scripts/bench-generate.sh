#!/usr/bin/env bash
# Benchmark `charter generate` (all surfaces) on a synthetic workspace.
#
#   scripts/bench-generate.sh [--size 10000] [--runs 5] [--seed 1] [--no-build] [--out-root DIR]
#
# Builds the release CLI (CHARTER_BIN overrides), writes the workspace with
# scripts/synth_workspace.py under ${TMPDIR:-/tmp}/charter-bench/ (reused when its manifest
# matches), then runs `charter generate docs openapi jsonschema typescript mcp` --runs times
# into a new folder each time, --runs times again into the first folder (nothing changes), and
# --runs `--check` runs. CHARTER_TIMINGS=1 makes the CLI report how long loading+validation
# and generation (with writing or comparing) took, wall and CPU. Prints a Markdown table of
# medians, the number and size of the files, and the machine's load average (other work on
# the machine slows every figure). Output folders go under --out-root (default: $TMPDIR or
# /tmp); `--out-root /dev/shm` measures Charter without the disk file system's own costs.
set -euo pipefail
die() { echo "bench-generate: $*" >&2; exit 2; }
SIZE=10000; RUNS=5; SEED=1; BUILD=1; OUT_ROOT="${TMPDIR:-/tmp}"
while [ $# -gt 0 ]; do
    case "$1" in
        --size) SIZE="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --out-root) OUT_ROOT="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1" ;;
    esac
done
[[ "$SIZE" =~ ^[0-9]+$ && "$RUNS" =~ ^[1-9][0-9]*$ && "$SEED" =~ ^[0-9]+$ ]] || die "numbers expected"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${CHARTER_BIN:-$ROOT/target/release/charter}"
if [ "$BUILD" = 1 ] && [ -z "${CHARTER_BIN:-}" ]; then
    (cd "$ROOT" && cargo build --release -q -p charter-cli) >&2 || die "cargo build failed"
fi
[ -x "$BIN" ] || die "no charter binary at $BIN"

WS="${TMPDIR:-/tmp}/charter-bench/ws-$SIZE-seed$SEED"
if ! python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(0 if (m["n"],m["seed"])==(int(sys.argv[2]),int(sys.argv[3])) else 1)' \
        "$WS/.synth-manifest.json" "$SIZE" "$SEED" 2>/dev/null; then
    echo "== writing $SIZE contracts to $WS" >&2
    rm -rf "$WS"; mkdir -p "$(dirname "$WS")"
    python3 "$ROOT/scripts/synth_workspace.py" "$SIZE" "$WS" --seed "$SEED" >&2
fi

[ -d "$OUT_ROOT" ] || die "no folder $OUT_ROOT"
WORK="$(mktemp -d "$OUT_ROOT/bench-generate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
SURFACES=(docs openapi jsonschema typescript mcp)
# One timed run: "$1" names the row, the rest are extra arguments. Appends
# "name wall load_ms gen_ms load_cpu_ms gen_cpu_ms" to $WORK/runs.
run() {
    local name="$1"; shift
    local t0 t1 timing
    t0="$(date +%s.%N)"
    CHARTER_TIMINGS=1 "$BIN" generate "${SURFACES[@]}" -C "$WS" "$@" 2>"$WORK/err" || { cat "$WORK/err" >&2; die "generate $name failed"; }
    t1="$(date +%s.%N)"
    timing="$(sed -n 's/^timings: load+validate \([0-9]*\) ms, [a-z+]* \([0-9]*\) ms; cpu load+validate \([0-9]*\) ms, [a-z+]* \([0-9]*\) ms$/\1 \2 \3 \4/p' "$WORK/err")"
    echo "$name $(python3 -c "print(f'{$t1 - $t0:.3f}')") $timing" >>"$WORK/runs"
    echo "== $name: $(tail -n 1 "$WORK/err")" >&2
}
: >"$WORK/runs"
# Every fresh run writes into a new folder, and none is deleted until the end: on ext4
# without a journal, creating files within about 6 minutes of deleting many is several times
# slower (the kernel skips every recently freed inode, one by one, for each new file), which
# would measure the benchmark's own clean-up rather than Charter. For the same reason, leave
# 6 minutes between two runs of this script (its clean-up deletes ~115,000 files).
for ((i = 0; i < RUNS; i++)); do
    run fresh --out "$WORK/out$i"
done
for ((i = 0; i < RUNS; i++)); do
    run regenerate --out "$WORK/out0"
done
for ((i = 0; i < RUNS; i++)); do
    run check --out "$WORK/out0" --check
done
FILES="$(find "$WORK/out0" -type f | wc -l | tr -d ' ')"
BYTES="$(du -sm "$WORK/out0" | cut -f1)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/runs" "$SIZE" "$FILES" "$BYTES" "$RUNS" "$LOAD" "$(nproc)" "$OUT_ROOT" <<'PY'
import statistics, sys
runs, size, files, mb, n, load, cpus, out_root = sys.argv[1:]
rows = [l.split() for l in open(runs) if l.strip()]
print(f"`charter generate docs openapi jsonschema typescript mcp` on {size} contracts ({files} files, {mb} MB), median of {n} runs; {cpus} CPUs, load average {load}; output under {out_root}")
print()
print("| run | whole command (wall) | load + validate (wall / CPU) | generate + write or compare (wall / CPU) |")
print("|---|---:|---:|---:|")
labels = {"fresh": "into a new folder", "regenerate": "again, nothing changed", "check": "`--check`"}
for name in ["fresh", "regenerate", "check"]:
    r = [x for x in rows if x[0] == name]
    med = lambda i, scale=1000: statistics.median(float(x[i]) for x in r) / scale
    print(f"| {labels[name]} | {med(1, 1):.2f} s | {med(2):.2f} s / {med(4):.2f} s | {med(3):.2f} s / {med(5):.2f} s |")
PY
