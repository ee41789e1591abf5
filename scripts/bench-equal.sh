#!/usr/bin/env bash
# Checks that the Swift campaign model (consortium-bench campaign) reproduces the SimPy peer model
# (../shared/bench/campaign_simpy.py) exactly: every --dump line (completion, cost, events of each trial)
# and the summary lines, over a grid of sizes, seeds, window periods and horizons.
#
# Usage: scripts/bench-equal.sh [--quick]
# Environment: SCRATCH (default /tmp/build-bench), BENCH_DIR (default ../shared/bench relative to the repo),
#              PYTHON (default python3), NO_BUILD=1 to reuse an existing release build.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="${SCRATCH:-/tmp/build-bench}"
BENCH_DIR="${BENCH_DIR:-$(cd "$REPO/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
PYTHON="${PYTHON:-python3}"
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1

if ! "$PYTHON" -c "import simpy" 2>/dev/null; then
    echo "bench-equal: SimPy is not importable by $PYTHON (try: pip install simpy==4.1.2); nothing compared." >&2
    exit 2
fi

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    (cd "$REPO" && swift build -c release --product consortium-bench --scratch-path "$SCRATCH" >&2)
fi
OURS="$SCRATCH/release/consortium-bench"

# Lines that must agree: per-trial dumps, the parameter line and the statistics; not banners or timings.
comparable() { grep -v -e '^simpy ' -e '^consortium-engine' -e '^wall time' -e '^events/second' -e '^trials/second'; }

# Each case: elements agencies trials seed window-period horizon
CASES=(
    "60 6 200 1 30 20000"
    "60 6 300 7 30 20000"
    "60 6 200 42 17.5 20000"
    "60 6 200 3 45 20000"
    "60 6 100 5 0.1 20000"
    "60 6 100 9 30 2400"
    "60 6 100 9 30 2100"
    "60 6 50 11 33.3 2000"
    "0 6 5 1 30 20000"
    "1 1 50 2 30 20000"
    "2 1 50 2 30 20000"
    "3 1 50 2 30 20000"
    "7 2 100 4 10 20000"
    "60 1 50 2 30 20000"
    "60 60 50 2 30 20000"
    "100 7 100 123456789 30 20000"
    "600 60 20 1 30 20000"
    "600 6 10 8 30 20000"
    "600 6 10 8 30 15000"
    "6000 600 3 1 30 20000"
)
if [[ $QUICK == 1 ]]; then CASES=("${CASES[@]:0:8}"); fi

failures=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for case in "${CASES[@]}"; do
    read -r e a t s p h <<<"$case"
    args=(--elements "$e" --agencies "$a" --trials "$t" --seed "$s" --window-period "$p" --horizon "$h" --dump)
    "$PYTHON" "$BENCH_DIR/campaign_simpy.py" "${args[@]}" | comparable >"$tmp/simpy.txt"
    "$OURS" campaign "${args[@]}" | comparable >"$tmp/ours.txt"
    if diff -q "$tmp/simpy.txt" "$tmp/ours.txt" >/dev/null; then
        printf 'same    E=%-5s A=%-4s T=%-4s seed=%-10s P=%-5s H=%-6s  %s\n' "$e" "$a" "$t" "$s" "$p" "$h" \
            "$(grep '^completion day' "$tmp/ours.txt")"
    else
        failures=$((failures + 1))
        printf 'DIFFER  E=%-5s A=%-4s T=%-4s seed=%-10s P=%-5s H=%-6s\n' "$e" "$a" "$t" "$s" "$p" "$h"
        diff "$tmp/simpy.txt" "$tmp/ours.txt" | head -8 | sed 's/^/    /'
    fi
done
echo "bench-equal: ${#CASES[@]} cases, $failures differing"
[[ $failures == 0 ]]
