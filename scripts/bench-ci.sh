#!/usr/bin/env bash
# Benchmark `charter ci --base` on two 10,000-contract workspaces.
#
#   scripts/bench-ci.sh [--contracts 10000] [--runs 5] [--seed 1] [--no-build]
#
# 1. builds the CLI: cargo build --release -p charter-cli (set CHARTER_BIN to use another
#    binary, --no-build to skip the build)
# 2. writes the base workspace with `python3 scripts/synth_workspace.py N DIR --seed S` under
#    ${TMPDIR:-/tmp}/charter-bench/ (reused when its manifest matches), and a modified copy:
#    every 40th YAML file gets an enum value added, every 40th a REST method changed (half of
#    those with a major version bump), every 40th a tighter maxLength, and every 400th file is
#    deleted (removed contracts)
# 3. times `charter ci HEAD --base BASE --format json`: one checked run, a warm-up, then the
#    median wall time and median CPU time (user+sys) of --runs runs, and the peak RSS
# 4. prints a Markdown table row on stdout
#
# Exit status: 0 when measured, 2 on a usage or setup error. (`charter ci` itself exits 1 on
# these workspaces: the modified copy has breaking changes by design.)
set -euo pipefail

die() { echo "bench-ci: $*" >&2; exit 2; }

N=10000
RUNS=5
SEED=1
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --contracts) [ $# -ge 2 ] || die "--contracts needs a value"; N="$2"; shift 2 ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a value"; RUNS="$2"; shift 2 ;;
        --seed) [ $# -ge 2 ] || die "--seed needs a value"; SEED="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1" ;;
    esac
done
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "--contracts must be a positive number"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
command -v python3 >/dev/null || die "python3 is required"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN="$ROOT/scripts/synth_workspace.py"
BENCH_DIR="${TMPDIR:-/tmp}/charter-bench-ci"
BIN="${CHARTER_BIN:-$ROOT/target/release/charter}"
BASE="$BENCH_DIR/ws-$N-seed$SEED"
HEAD="$BENCH_DIR/ws-$N-seed$SEED-modified"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-ci.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [ "$BUILD" = 1 ] && [ -z "${CHARTER_BIN:-}" ]; then
    echo "== cargo build --release -p charter-cli" >&2
    (cd "$ROOT" && cargo build --release -p charter-cli) >&2 || die "cargo build failed"
fi
[ -x "$BIN" ] || die "no charter binary at $BIN"

mkdir -p "$BENCH_DIR"
gen_version="$(sed -n 's/^GENERATOR_VERSION = \([0-9]*\).*/\1/p' "$GEN")"
if ! python3 - "$BASE/.synth-manifest.json" "$N" "$SEED" "$gen_version" <<'PY' 2>/dev/null; then
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if (m.get("n"), m.get("seed"), str(m.get("generatorVersion"))) == (int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]) else 1)
PY
    echo "== generating $N contracts in $BASE" >&2
    rm -rf "$BASE"
    python3 "$GEN" "$N" "$BASE" --seed "$SEED" >&2 || die "workspace generation failed"
fi

echo "== modified copy in $HEAD" >&2
rm -rf "$HEAD"
cp -r "$BASE" "$HEAD"
python3 - "$HEAD" <<'PY' >&2
import os, re, sys
root = os.path.join(sys.argv[1], "contracts")
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".yaml"))
counts = {"enum": 0, "method": 0, "bump": 0, "maxLength": 0, "deleted": 0}
rotate = {"GET": "POST", "POST": "PUT", "PUT": "PATCH", "PATCH": "POST", "DELETE": "POST"}
for i, path in enumerate(files):
    if i % 400 == 399:
        os.remove(path); counts["deleted"] += 1; continue
    text = open(path, encoding="utf-8").read()
    new = text
    if i % 40 == 0:
        new = re.sub(r"enum: \[([^\]]+)\]", lambda m: "enum: [" + m.group(1) + ", zz_added]", new, count=1)
        counts["enum"] += new != text
    elif i % 40 == 10:
        new = re.sub(r"method: (GET|POST|PUT|PATCH|DELETE)", lambda m: "method: " + rotate[m.group(1)], new, count=1)
        if new != text:
            counts["method"] += 1
            if i % 80 == 10:
                new = re.sub(r"(\n  version: )'?(\d+)\.\d+\.\d+'?", lambda m: f"{m.group(1)}{int(m.group(2)) + 1}.0.0", new, count=1)
                counts["bump"] += 1
    elif i % 40 == 20:
        new = re.sub(r"maxLength: (\d+)", lambda m: f"maxLength: {max(1, int(m.group(1)) // 2)}", new, count=1)
        counts["maxLength"] += new != text
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
print("modified:", counts)
PY

cmd=("$BIN" ci "$HEAD" --base "$BASE" --format json)
echo "== checked run" >&2
set +e
"${cmd[@]}" >"$WORK/report.json" 2>"$WORK/stderr"
rc=$?
set -e
[ "$rc" -le 1 ] || { cat "$WORK/stderr" >&2; die "charter ci exited $rc"; }
summary="$(python3 - "$WORK/report.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(f"{s['contracts']} contracts; {s['breaking']} breaking, {s['nonBreaking']} non-breaking, "
      f"{s['changeInfos']} info changes; {s['bumpsRequired']} bumps required; "
      f"{s['errors']} errors, {s['warnings']} warnings")
PY
)"
echo "== $summary" >&2

echo "== $RUNS timed runs" >&2
read -r wall cpu rss < <(python3 - "$RUNS" "${cmd[@]}" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up (page cache)
walls, cpus = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    walls.append(time.perf_counter() - t0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{statistics.median(walls):.2f} {statistics.median(cpus):.2f} {rss / 1024:.0f}")
PY
)
load="$(cut -d' ' -f1 /proc/loadavg)"
echo
echo "\`charter ci HEAD --base BASE --format json\`, median of $RUNS runs (python loop, wall and user+sys CPU); $(nproc) CPUs; load average $load at the end; seed $SEED"
echo
echo "| contracts (each side) | median wall time | median CPU (user+sys) | peak RSS | result |"
echo "|---:|---:|---:|---:|---|"
echo "| $N | $wall s | $cpu s | $rss MiB | $summary |"
