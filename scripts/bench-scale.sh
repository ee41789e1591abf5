#!/usr/bin/env bash
# Performance at scale (issue 9): load time, Monte Carlo throughput, peak memory and allocations per trial,
# on release builds, with generated libraries (`consortium generate`). Figures go to BENCHMARKS.md §3.
#
#   scripts/bench-scale.sh              # everything (about 15 minutes on two busy cores; the 1M-trial run is most of it)
#   REPS=3 scripts/bench-scale.sh       # fewer repetitions (default 5)
#   ONLY=load|simulate|memory|alloc     # one part; NO_BUILD=1 reuses the build; MILLION=0 skips the 1M-trial run
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-/tmp/build-wt9-release}
DATA=${DATA:-/tmp/consortium-scale}
REPS=${REPS:-5}
ONLY=${ONLY:-all}
MILLION=${MILLION:-1}
if [ -z "${NO_BUILD:-}" ]; then swift build -c release --scratch-path "$SCRATCH" 2>&1 | tail -1; fi
BIN="$SCRATCH/release"

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
spread() { sort -g | awk '{v[NR]=$1} END {printf "%s-%s", v[1], v[NR]}'; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
part() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }

echo "== machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%FT%TZ)"
load

# Libraries: 100 agencies with 1k/10k/100k elements (100 per mission) for loading; 10 elements per agency
# and 100 per mission for simulating, so that the campaign's structure is the same at every size.
generate() {  # name agencies elements missions
    [ -d "$DATA/$1" ] || "$BIN/consortium" generate --agencies "$2" --elements "$3" --missions "$4" --seed 1 \
        --out "$DATA/$1" >/dev/null
}
for e in 1000 10000 100000; do generate "load-$e" 100 "$e" $((e / 100)); done
for e in 100 1000 10000; do generate "sim-$e" $((e / 10)) "$e" $((e / 100)); done

if part load; then
    echo "== load: parse + XSD + decode + semantic checks (consortium-bench load; median of $REPS)"
    for e in 1000 10000 100000; do
        "$BIN/consortium" validate --werror --max-file-size 64 --max-elements 1000000 "$DATA/load-$e" >/dev/null || { echo "load-$e does not validate"; exit 1; }
        "$BIN/consortium-bench" load "$DATA/load-$e" --repeats "$REPS" | sed "s/^/  $e elements: /"
    done
    load
fi

if part simulate; then
    echo "== simulate: trials/s of MonteCarlo.run (consortium-bench montecarlo; median of $REPS, 1 and 2 threads interleaved)"
    # campaign file, trials per run (a few seconds each at one thread)
    set -- "Missions/artemis.xml 4000" "$DATA/sim-100/Missions/*.xml 2000" "$DATA/sim-1000/Missions/*.xml 200" \
        "$DATA/sim-10000/Missions/*.xml 16"
    for workload in "$@"; do
        read -r pattern trials <<<"$workload"
        file=$(ls $pattern)
        one=(); two=(); elements=0
        for _ in $(seq "$REPS"); do
            for t in 1 2; do
                out=$("$BIN/consortium-bench" montecarlo "$file" --trials "$trials" --threads "$t")
                rate=$(echo "$out" | sed -n 's/.*trials\/second: \([0-9,.]*\).*/\1/p' | tr -d ,)
                elements=$(echo "$out" | sed -n 's/.*elements=\([0-9]*\).*/\1/p')
                if [ "$t" = 1 ]; then one+=("$rate"); else two+=("$rate"); fi
            done
        done
        m1=$(printf '%s\n' "${one[@]}" | median); m2=$(printf '%s\n' "${two[@]}" | median)
        printf '  %-40s elements=%-6s trials=%-5s 1 thread %s/s (%s)  2 threads %s/s (%s)  ratio %.2f  ns/element/trial %.0f\n' \
            "$(basename "$file")" "$elements" "$trials" "$m1" "$(printf '%s\n' "${one[@]}" | spread)" \
            "$m2" "$(printf '%s\n' "${two[@]}" | spread)" "$(echo "$m2 / $m1" | bc -l)" \
            "$(echo "1000000000 / ($m1 * $elements)" | bc -l)"
    done
    load
fi

if part memory; then
    echo "== memory: peak resident set (/usr/bin/time -f %M), simulate Missions/artemis.xml --coalition-trials 0 --threads 2"
    for trials in 1000 100000 1000000; do
        reps=$REPS
        [ "$trials" = 100000 ] && reps=1
        if [ "$trials" = 1000000 ]; then [ "$MILLION" = 1 ] || continue; reps=1; fi
        kb=(); secs=()
        for _ in $(seq "$reps"); do
            r=$( { /usr/bin/time -f "%M %e" "$BIN/consortium" simulate Missions/artemis.xml --trials "$trials" \
                --coalition-trials 0 --threads 2 >/dev/null; } 2>&1 | tail -1)
            kb+=("${r% *}"); secs+=("${r#* }")
        done
        echo "  $trials trials: peak RSS $(printf '%s\n' "${kb[@]}" | median) KB (runs: ${kb[*]}), wall $(printf '%s\n' "${secs[@]}" | median) s"
        load
    done
fi

if part alloc; then
    echo "== allocations per trial: valgrind memcheck 'total heap usage', (allocs at 2N - allocs at N) / N, --threads 1"
    allocs() {
        valgrind --tool=memcheck "$BIN/consortium" simulate "$1" --trials "$2" --coalition-trials 0 --threads 1 2>&1 \
            >/dev/null | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
    }
    set -- "Missions/artemis.xml 1000" "$DATA/sim-100/Missions/*.xml 500" "$DATA/sim-1000/Missions/*.xml 100"
    for workload in "$@"; do
        read -r pattern n <<<"$workload"
        file=$(ls $pattern)
        a=$(allocs "$file" "$n"); b=$(allocs "$file" $((2 * n)))
        echo "  $(basename "$file"): $n trials $a allocs, $((2 * n)) trials $b allocs: $(( (b - a) / n )) per trial"
    done
    load
fi
