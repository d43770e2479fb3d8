#!/usr/bin/env bash
# Benchmark `charter generate` (all surfaces) on a synthetic workspace.
#
#   scripts/bench-generate.sh [--size 10000] [--runs 5] [--seed 1] [--no-build]
#
# Builds the release CLI (CHARTER_BIN overrides), writes the workspace with
# scripts/synth_workspace.py under ${TMPDIR:-/tmp}/charter-bench/ (reused when its manifest
# matches), then runs `charter generate docs openapi jsonschema typescript mcp` --runs times
# into a fresh folder each time, plus --runs `--check` runs. CHARTER_TIMINGS=1 makes the CLI
# report how long loading+validation and generation took (wall and CPU time). Prints a Markdown table: median
# wall time of the whole command, of load+validate, of generation, of `--check`, the number
# of files, and the machine's load average (other work on the machine slows every figure).
set -euo pipefail
die() { echo "bench-generate: $*" >&2; exit 2; }
SIZE=10000; RUNS=5; SEED=1; BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --size) SIZE="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-generate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
SURFACES=(docs openapi jsonschema typescript mcp)
: >"$WORK/runs"; : >"$WORK/checks"
for ((i = 0; i < RUNS; i++)); do
    rm -rf "$WORK/out"
    t0="$(date +%s.%N)"
    CHARTER_TIMINGS=1 "$BIN" generate "${SURFACES[@]}" -C "$WS" --out "$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; die "generate failed"; }
    t1="$(date +%s.%N)"
    timing="$(sed -n 's/^timings: load+validate \([0-9]*\) ms, generate \([0-9]*\) ms; cpu load+validate \([0-9]*\) ms, generate \([0-9]*\) ms$/\1 \2 \3 \4/p' "$WORK/err")"
    echo "$t0 $t1 $timing" >>"$WORK/runs"
    echo "== run $((i + 1)): $(tail -n 1 "$WORK/err")" >&2
done
FILES="$(find "$WORK/out" -type f | wc -l | tr -d ' ')"
for ((i = 0; i < RUNS; i++)); do
    t0="$(date +%s.%N)"
    "$BIN" generate "${SURFACES[@]}" -C "$WS" --out "$WORK/out" --check 2>/dev/null || die "--check found drift right after generating"
    t1="$(date +%s.%N)"
    echo "$t0 $t1" >>"$WORK/checks"
done
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/runs" "$WORK/checks" "$SIZE" "$FILES" "$RUNS" "$LOAD" "$(nproc)" <<'PY'
import statistics, sys
runs, checks, size, files, n, load, cpus = sys.argv[1:]
rows = [l.split() for l in open(runs) if l.strip()]
wall = statistics.median(float(r[1]) - float(r[0]) for r in rows)
lv = statistics.median(int(r[2]) for r in rows) / 1000
gen = statistics.median(int(r[3]) for r in rows) / 1000
lv_cpu = statistics.median(int(r[4]) for r in rows) / 1000
gen_cpu = statistics.median(int(r[5]) for r in rows) / 1000
chk = statistics.median(float(b) - float(a) for a, b in (l.split() for l in open(checks) if l.strip()))
print(f"`charter generate docs openapi jsonschema typescript mcp`, median of {n} runs; {cpus} CPUs, load average {load}")
print()
print("| contracts | files written | whole command (wall) | load + validate (wall / CPU) | generate (wall / CPU) | `--check` (wall) |")
print("|---:|---:|---:|---:|---:|---:|")
print(f"| {size} | {files} | {wall:.2f} s | {lv:.2f} s / {lv_cpu:.2f} s | {gen:.2f} s / {gen_cpu:.2f} s | {chk:.2f} s |")
PY
