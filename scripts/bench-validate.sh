#!/usr/bin/env bash
# Benchmark `charter validate` on synthetic workspaces of several sizes.
#
#   scripts/bench-validate.sh [--sizes 1000,10000,50000] [--runs 5] [--seed 1] [--no-build]
#
# 1. builds the CLI: cargo build --release -p charter-cli  (binary target/release/charter;
#    set CHARTER_BIN to use another binary, --no-build to skip the build)
# 2. writes workspaces with scripts/synth_workspace.py under ${TMPDIR:-/tmp}/charter-bench/
#    (a workspace is reused when its manifest matches the size, seed and generator version)
# 3. for each size: one checked run (must exit 0), then the median wall time of --runs runs
#    (hyperfine when installed, else a bash loop with `date +%s.%N`), and the peak RSS of one
#    run under /usr/bin/time -v (Debian package `time`; falls back to getrusage via python3)
# 4. prints a Markdown table on stdout: contracts | files | median wall time | peak RSS
#
# Progress goes to stderr. Exit status: 0 when every size validated cleanly, 1 when some
# `charter validate` run exited non-zero (the row is still measured and flagged), 2 on a
# usage or setup error.
set -euo pipefail

usage() {
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
    echo "bench-validate: $*" >&2
    exit 2
}

SIZES="1000,10000,50000"
RUNS=5
SEED=1
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) [ $# -ge 2 ] || die "--sizes needs a value"; SIZES="$2"; shift 2 ;;
        --sizes=*) SIZES="${1#*=}"; shift ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a value"; RUNS="$2"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --seed) [ $# -ge 2 ] || die "--seed needs a value"; SEED="$2"; shift 2 ;;
        --seed=*) SEED="${1#*=}"; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--sizes must be a comma-separated list of numbers, got '$SIZES'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number, got '$RUNS'"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "--seed must be a number, got '$SEED'"
command -v python3 >/dev/null || die "python3 is required (it writes the workspaces)"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN="$ROOT/scripts/synth_workspace.py"
BENCH_DIR="${TMPDIR:-/tmp}/charter-bench"
BIN="${CHARTER_BIN:-$ROOT/target/release/charter}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-validate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# ---- 1. build
if [ "$BUILD" = 1 ] && [ -z "${CHARTER_BIN:-}" ]; then
    echo "== cargo build --release -p charter-cli" >&2
    (cd "$ROOT" && cargo build --release -p charter-cli) >&2 || die "cargo build failed"
fi
[ -x "$BIN" ] || die "no charter binary at $BIN (build it, or set CHARTER_BIN)"

# ---- 2. workspaces
gen_version="$(sed -n 's/^GENERATOR_VERSION = \([0-9]*\).*/\1/p' "$GEN")"
manifest_matches() { # DIR N
    python3 - "$1/.synth-manifest.json" "$2" "$SEED" "$gen_version" <<'PY' 2>/dev/null
import json, sys
path, n, seed, ver = sys.argv[1:]
m = json.load(open(path))
ok = m.get("n") == int(n) and m.get("seed") == int(seed) and str(m.get("generatorVersion")) == ver
sys.exit(0 if ok else 1)
PY
}

mkdir -p "$BENCH_DIR"
IFS=, read -r -a sizes <<<"$SIZES"
for n in "${sizes[@]}"; do
    dir="$BENCH_DIR/ws-$n-seed$SEED"
    if [ -f "$dir/charter.toml" ] && manifest_matches "$dir" "$n"; then
        echo "== reusing $dir" >&2
    else
        echo "== generating $n contracts in $dir" >&2
        rm -rf "$dir"
        python3 "$GEN" "$n" "$dir" --seed "$SEED" >&2 || die "workspace generation failed for $n"
    fi
done

# ---- 3. measure
fmt_time() { # seconds -> "412 ms" / "1.23 s"
    python3 -c 'import sys; s = float(sys.argv[1]); print(f"{s*1000:.0f} ms" if s < 1 else f"{s:.2f} s")' "$1"
}

HAVE_HYPERFINE=0
if command -v hyperfine >/dev/null; then
    HAVE_HYPERFINE=1
    HF_SHELL=()
    if hyperfine --help 2>/dev/null | grep -q -- '--shell'; then HF_SHELL=(--shell=none); fi
fi
HAVE_GNU_TIME=0
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then HAVE_GNU_TIME=1; fi
if [ "$HAVE_GNU_TIME" = 0 ]; then
    echo "note: /usr/bin/time (GNU) not found, peak RSS comes from getrusage via python3;" \
         "install it with: apt-get install time" >&2
fi

median_wall() { # DIR EXTRA_HYPERFINE_FLAGS... -> seconds on stdout
    local dir="$1"; shift
    if [ "$HAVE_HYPERFINE" = 1 ]; then
        local cmd
        cmd="$(printf '%q validate %q' "$BIN" "$dir")"
        hyperfine "${HF_SHELL[@]}" "$@" --style basic --warmup 1 --runs "$RUNS" \
            --export-json "$WORK/hf.json" "$cmd" >&2
        python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/hf.json"
    else
        "$BIN" validate "$dir" >/dev/null 2>&1 || true # warm-up (page cache)
        local i t0 t1
        : >"$WORK/times"
        for ((i = 0; i < RUNS; i++)); do
            t0="$(date +%s.%N)"
            "$BIN" validate "$dir" >/dev/null 2>&1 || true
            t1="$(date +%s.%N)"
            echo "$t0 $t1" >>"$WORK/times"
        done
        python3 -c '
import statistics, sys
ts = [float(b) - float(a) for a, b in (l.split() for l in open(sys.argv[1]) if l.strip())]
print(statistics.median(ts))' "$WORK/times"
    fi
}

peak_rss_kb() { # DIR -> kilobytes on stdout
    local dir="$1"
    if [ "$HAVE_GNU_TIME" = 1 ]; then
        /usr/bin/time -v -o "$WORK/time.txt" "$BIN" validate "$dir" >/dev/null 2>&1 || true
        sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$WORK/time.txt"
    else
        python3 - "$BIN" "$dir" <<'PY'
import resource, subprocess, sys
subprocess.run([sys.argv[1], "validate", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # kilobytes on Linux
PY
    fi
}

rows=()
notes=()
status=0
for n in "${sizes[@]}"; do
    dir="$BENCH_DIR/ws-$n-seed$SEED"
    files="$(find "$dir/contracts" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.toml' \) | wc -l | tr -d ' ')"
    echo "== $n contracts ($files files): checked run" >&2
    set +e
    "$BIN" validate "$dir" >"$WORK/out-$n.log" 2>&1
    rc=$?
    set -e
    hf_flags=()
    flag=""
    if [ "$rc" != 0 ]; then
        status=1
        flag=" (exit $rc)"
        hf_flags=(-i)
        notes+=("- $n contracts: \`charter validate\` exited $rc; first lines of its output:")
        while IFS= read -r line; do notes+=("      $line"); done < <(head -n 5 "$WORK/out-$n.log")
        echo "warning: charter validate exited $rc on $dir; timing it anyway" >&2
        head -n 20 "$WORK/out-$n.log" >&2
    fi
    echo "== $n contracts: $RUNS timed runs" >&2
    wall="$(median_wall "$dir" "${hf_flags[@]}")"
    echo "== $n contracts: peak RSS" >&2
    rss="$(peak_rss_kb "$dir")"
    rss_h="$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1024:.1f} MiB")' "${rss:-0}")"
    rows+=("| $n | $files | $(fmt_time "$wall")$flag | $rss_h |")
done

# ---- 4. report
timer="hyperfine"
[ "$HAVE_HYPERFINE" = 1 ] || timer="bash loop (date +%s.%N)"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
echo
echo "\`charter validate\`, median of $RUNS runs ($timer), peak RSS from one run; $(nproc) CPUs${cpu:+, $cpu}; seed $SEED; workspaces in $BENCH_DIR"
echo
echo "| contracts | files | median wall time | peak RSS |"
echo "|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if [ "${#notes[@]}" -gt 0 ]; then
    echo
    printf '%s\n' "${notes[@]}"
fi
exit "$status"
