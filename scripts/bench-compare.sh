#!/usr/bin/env bash
# Side-by-side speed of the SimPy peer campaign model (../shared/bench/campaign_simpy.py) and our kernel's
# reimplementation (consortium-bench campaign), plus the raw event-loop microbenchmark (microbench.py simpy vs
# consortium-bench micro). Every figure is the median of $REPS runs; runs of the two engines are interleaved
# so that drift in the machine's load affects both alike, and each ratio is also given as the median of the
# per-repetition ratios ("paired"), which a drift between repetitions does not move.
#
# Usage: scripts/bench-compare.sh
# Environment:
#   REPS=5                  repetitions per measurement (median reported)
#   SCRATCH=/tmp/build-bench   SwiftPM scratch path of the release build
#   NO_BUILD=1              reuse an existing release build
#   BENCH_DIR=...           the folder holding campaign_simpy.py and microbench.py (default ../shared/bench)
#   PYTHON=python3          the interpreter that runs SimPy
#   NO_PIP=1                do not try `pip install simpy==4.1.2` when SimPy is missing
#   QUICK=1                 one tenth of the trial and event counts, for a smoke run
#   CC=clang                the C compiler for scripts/hold-floor.c, the microbenchmark's bare-C floor (skipped
#                           when no compiler is found)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="${SCRATCH:-/tmp/build-bench}"
BENCH_DIR="${BENCH_DIR:-$(cd "$REPO/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
PYTHON="${PYTHON:-python3}"
REPS="${REPS:-5}"
SCALE=1
[[ "${QUICK:-0}" == 1 ]] && SCALE=10

# Workloads: elements agencies simpy-trials our-trials (each run takes a few seconds on a 2-core VM).
CAMPAIGNS=(
    "60 6 2000 100000"
    "600 60 200 10000"
    "6000 600 12 1000"
)
# Microbenchmark: procs simpy-total our-total (total holds; each process does total / procs).
MICROS=(
    "10 2000000 20000000"
    "1000 2000000 20000000"
    "100000 1000000 10000000"
)

# --- helpers ---------------------------------------------------------------------------------------------
# The median of the numbers on stdin, one per line.
median() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# The number after "<label>" in the output on stdin, commas removed (e.g. `value 'trials/second:'`).
value() { grep -m1 -- "$1" | sed -E "s#.*$1 *([-0-9.,]+).*#\\1#; s/,//g"; }
# Float arithmetic.
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
# Thousands separators for a number (integer part).
human() { awk -v x="$1" 'BEGIN {
    if (x == "nan" || x == "") { print "n/a"; exit }
    if (x >= 1e6) printf "%.2f M", x / 1e6; else if (x >= 1e4) printf "%.1f k", x / 1e3; else printf "%.2f", x }'; }
ratio() { [[ "$2" == nan || -z "$2" ]] && echo "n/a" || calc "$1 / $2" 1; }
# The median of the per-repetition ratios of two equally long lists ("a1 a2 ..." over "b1 b2 ..."): each pair
# ran seconds apart, so a drift of the shared machine's speed affects both terms of a ratio alike.
paired() {
    [[ -z "$2" ]] && { echo "n/a"; return; }
    paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | awk '$2 > 0 { print $1 / $2 }' | median |
        awk -v d="${3:-1}" '{ printf "%.*f", d, $1 }'
}

# --- environment -----------------------------------------------------------------------------------------
echo "== machine"
echo "cpus: $(nproc)   model: $(lscpu | sed -n 's/^Model name: *//p' | head -1)   memory: $(free -h | awk '/^Mem:/ { print $2 }')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
swift --version 2>&1 | head -1

HAVE_SIMPY=1
if ! "$PYTHON" -c "import simpy" 2>/dev/null; then
    if [[ "${NO_PIP:-0}" != 1 ]]; then
        echo "SimPy missing; trying: $PYTHON -m pip install simpy==4.1.2"
        "$PYTHON" -m pip install --quiet simpy==4.1.2 >/dev/null 2>&1 || true
    fi
    if ! "$PYTHON" -c "import simpy" 2>/dev/null; then
        HAVE_SIMPY=0
        echo "SimPy is NOT installable/importable with $PYTHON: SimPy columns and ratios are reported as n/a."
    fi
fi
[[ $HAVE_SIMPY == 1 ]] && echo "$("$PYTHON" -c 'import simpy, sys; print("simpy", simpy.__version__, " python", sys.version.split()[0])')"
echo "repetitions per figure: $REPS (median)"

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    echo "== building: swift build -c release --product consortium-bench --scratch-path $SCRATCH"
    (cd "$REPO" && swift build -c release --product consortium-bench --scratch-path "$SCRATCH" 2>&1 | tail -1)
fi
OURS="$SCRATCH/release/consortium-bench"
[[ -x "$OURS" ]] || { echo "no release binary at $OURS" >&2; exit 1; }

# Sanity: the binary being timed reproduces the golden dump.
golden="$BENCH_DIR/golden_E60_A6_T200_seed1.txt"
if [[ -f "$golden" ]]; then
    strip() { grep -v -e '^simpy ' -e '^consortium-engine' -e '^wall time' -e '^events/second' -e '^trials/second'; }
    if diff -q <(strip <"$golden") <("$OURS" campaign --elements 60 --agencies 6 --trials 200 --seed 1 --dump | strip) \
        >/dev/null; then
        echo "golden check: our dump equals golden_E60_A6_T200_seed1.txt"
    else
        echo "golden check: OUR DUMP DIFFERS FROM THE GOLDEN FILE (timings below compare different models)"
    fi
fi

# --- campaign ---------------------------------------------------------------------------------------------
echo
echo "== campaign model, single-threaded side by side (trials/s, median of $REPS)"
declare -A TPS_PY TPS_1 TPS_2 EPS_PY EPS_1 PAIR_PY PAIR_2
for workload in "${CAMPAIGNS[@]}"; do
    read -r e a tpy tours <<<"$workload"
    tpy=$((tpy / SCALE > 0 ? tpy / SCALE : 1))
    tours=$((tours / SCALE))
    py_t=() py_e=() one_t=() one_e=() two_t=()
    for ((rep = 1; rep <= REPS; rep++)); do
        if [[ $HAVE_SIMPY == 1 ]]; then
            out="$("$PYTHON" "$BENCH_DIR/campaign_simpy.py" --elements "$e" --agencies "$a" --trials "$tpy" --seed 1)"
            py_t+=("$(value 'trials/second:' <<<"$out")")
            py_e+=("$(value 'events/second:' <<<"$out")")
        fi
        out="$("$OURS" campaign --elements "$e" --agencies "$a" --trials "$tours" --seed 1 --threads 1)"
        one_t+=("$(value 'trials/second:' <<<"$out")")
        one_e+=("$(value 'events/second:' <<<"$out")")
        out="$("$OURS" campaign --elements "$e" --agencies "$a" --trials "$tours" --seed 1 --threads 2)"
        two_t+=("$(value 'trials/second:' <<<"$out")")
    done
    TPS_PY[$e]="$(printf '%s\n' "${py_t[@]}" | grep . | median)"
    EPS_PY[$e]="$(printf '%s\n' "${py_e[@]}" | grep . | median)"
    TPS_1[$e]="$(printf '%s\n' "${one_t[@]}" | median)"
    EPS_1[$e]="$(printf '%s\n' "${one_e[@]}" | median)"
    TPS_2[$e]="$(printf '%s\n' "${two_t[@]}" | median)"
    PAIR_PY[$e]="$(paired "${one_t[*]}" "${py_t[*]:-}" 1)"
    PAIR_2[$e]="$(paired "${two_t[*]}" "${one_t[*]}" 2)"
    printf 'E=%-5s A=%-4s  SimPy T=%-5s %12s trials/s (%s ev/s)   ours T=%-6s %12s trials/s (%s ev/s)   ours/SimPy %sx (paired %sx)   threads 2: %s trials/s (%sx, paired %sx)\n' \
        "$e" "$a" "$tpy" "$(human "${TPS_PY[$e]}")" "$(human "${EPS_PY[$e]}")" "$tours" "$(human "${TPS_1[$e]}")" \
        "$(human "${EPS_1[$e]}")" "$(ratio "${TPS_1[$e]}" "${TPS_PY[$e]}")" "${PAIR_PY[$e]}" "$(human "${TPS_2[$e]}")" \
        "$(calc "${TPS_2[$e]} / ${TPS_1[$e]}" 2)" "${PAIR_2[$e]}"
    echo "    runs  SimPy: ${py_t[*]:-n/a}"
    echo "    runs  ours1: ${one_t[*]}"
    echo "    runs  ours2: ${two_t[*]}"
done

# --- microbenchmark ---------------------------------------------------------------------------------------
echo
echo "== raw event loop (N processes holding U(0,1); events/s, median of $REPS)"
# The floor: the same hold loop on a bare 4-ary heap in C (scripts/hold-floor.c), run beside ours, so that the
# machine's speed at the moment is measured too.
FLOOR=""
CC="${CC:-$(command -v clang || command -v cc || true)}"
if [[ -n "$CC" ]] && "$CC" -O3 -o "$SCRATCH/hold-floor" "$REPO/scripts/hold-floor.c" 2>/dev/null; then
    FLOOR="$SCRATCH/hold-floor"
fi
declare -A MEPS_PY MEPS_1 MEPS_BEST MEPS_FLOOR PAIR_FLOOR
for workload in "${MICROS[@]}"; do
    read -r n totpy totours <<<"$workload"
    totpy=$((totpy / SCALE))
    totours=$((totours / SCALE))
    py=() ours=() floor=()
    for ((rep = 1; rep <= REPS; rep++)); do
        if [[ $HAVE_SIMPY == 1 ]]; then
            out="$("$PYTHON" "$BENCH_DIR/microbench.py" simpy --procs "$n" --total "$totpy" --seed 1)"
            py+=("$(value 'events/second:' <<<"$out")")
        fi
        out="$("$OURS" micro --procs "$n" --total "$totours" --seed 1)"
        ours+=("$(value 'events/second:' <<<"$out")")
        if [[ -n "$FLOOR" ]]; then
            floor+=("$("$FLOOR" "$n" "$totours" | value 'events/second:')")
        fi
    done
    MEPS_PY[$n]="$(printf '%s\n' "${py[@]}" | grep . | median)"
    MEPS_1[$n]="$(printf '%s\n' "${ours[@]}" | median)"
    MEPS_BEST[$n]="$(printf '%s\n' "${ours[@]}" | sort -g | tail -1)"
    printf 'N=%-7s SimPy %12s events/s   ours %12s events/s   ours/SimPy %sx\n' "$n" "$(human "${MEPS_PY[$n]}")" \
        "$(human "${MEPS_1[$n]}")" "$(ratio "${MEPS_1[$n]}" "${MEPS_PY[$n]}")"
    if [[ -n "$FLOOR" ]]; then
        MEPS_FLOOR[$n]="$(printf '%s\n' "${floor[@]}" | median)"
        PAIR_FLOOR[$n]="$(paired "${ours[*]}" "${floor[*]}" 2)"
        printf '          bare-C floor %12s events/s   ours/floor %sx (paired %sx)\n' "$(human "${MEPS_FLOOR[$n]}")" \
            "$(calc "${MEPS_1[$n]} / ${MEPS_FLOOR[$n]}" 2)" "${PAIR_FLOOR[$n]}"
    fi
    echo "    runs  SimPy: ${py[*]:-n/a}"
    echo "    runs  ours:  ${ours[*]}"
    [[ -n "$FLOOR" ]] && echo "    runs  floor: ${floor[*]}"
done

# --- targets ----------------------------------------------------------------------------------------------
verdict() { awk "BEGIN { exit !($1) }" && echo "MET" || echo "MISSED"; }
echo
echo "== targets"
for workload in "${CAMPAIGNS[@]}"; do
    read -r e _ <<<"$workload"
    if [[ $HAVE_SIMPY == 1 ]]; then
        r="$(calc "${TPS_1[$e]} / ${TPS_PY[$e]}" 1)"
        echo "ours >= 100x SimPy at E=$e: ${r}x  $(verdict "$r >= 100")   (median of paired ratios: ${PAIR_PY[$e]}x  $(verdict "${PAIR_PY[$e]} >= 100"))"
    else
        echo "ours >= 100x SimPy at E=$e: n/a (no SimPy)"
    fi
done
# Cost per element per trial: 1 / (trials/s * E).
cpe="$(calc "(${TPS_1[60]} * 60) / (${TPS_1[6000]} * 6000)" 2)"
echo "cost per element E=6000 vs E=60 (<= 1.3x): ${cpe}x  (E=60: $(calc "1e9 / (${TPS_1[60]} * 60)" 0) ns, E=6000:" \
    "$(calc "1e9 / (${TPS_1[6000]} * 6000)" 0) ns per element per trial)  $(verdict "$cpe <= 1.3")"
if [[ $HAVE_SIMPY == 1 ]]; then
    echo "    (SimPy for reference: $(calc "(${TPS_PY[60]} * 60) / (${TPS_PY[6000]} * 6000)" 2)x)"
fi
for workload in "${CAMPAIGNS[@]}"; do
    read -r e _ <<<"$workload"
    s="$(calc "${TPS_2[$e]} / ${TPS_1[$e]}" 2)"
    echo "--threads 2 >= 1.9x single at E=$e: ${s}x  $(verdict "$s >= 1.9")   (median of paired ratios: ${PAIR_2[$e]}x  $(verdict "${PAIR_2[$e]} >= 1.9"))"
done
m="$(calc "${MEPS_1[1000]} / 1e6" 2)"
echo "microbench >= 30 M events/s at N=1000: $m M  $(verdict "$m >= 30")   (best run: $(calc "${MEPS_BEST[1000]} / 1e6" 2) M)"
if [[ -n "$FLOOR" ]]; then
    echo "    (bare-C floor in the same minutes: $(calc "${MEPS_FLOOR[1000]} / 1e6" 2) M; ours/floor paired ${PAIR_FLOOR[1000]}x)"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
