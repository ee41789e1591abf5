#!/usr/bin/env bash
# Hostile shapes (issue 17): every file of scripts/hostile-shapes.py, at just under the 16 MiB default size
# limit, must be refused or loaded by `consortium validate` in under 1 s of processor time (user + system) in a
# release build. Prints one row per file: exit status, the first diagnostic code, CPU seconds, peak resident
# memory and that memory over the file size; exits 1 if any file takes 1 s or more. Then the memory of
# realistic generated campaigns (`consortium generate`), loaded with raised limits. Figures go to BENCHMARKS.md.
#
#   scripts/bench-hostile.sh                  # build, generate, measure (a few minutes on two busy cores)
#   NO_BUILD=1 SIZE=1000000 ONLY=a,b scripts/bench-hostile.sh   # reuse the build, smaller files, some shapes
#   REALISTIC=0 scripts/bench-hostile.sh      # skip the generated campaigns
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build}
DATA=${DATA:-/tmp/consortium-hostile}
SIZE=${SIZE:-$(((16 << 20) - 4096))}
LIMIT=${LIMIT:-1.0}
REALISTIC=${REALISTIC:-1}
if [ -z "${NO_BUILD:-}" ]; then swift build -c release --scratch-path "$SCRATCH" --product consortium 2>&1 | tail -1; fi
BIN="$SCRATCH/release/consortium"

echo "== machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%FT%TZ)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$DATA/shapes" "$DATA/flat" && mkdir -p "$DATA/shapes"
python3 scripts/hostile-shapes.py "$DATA/flat" --size "$SIZE" ${ONLY:+--only "$ONLY"} 2>/dev/null
# Each shape in a library of its own, with the test corpus's agencies, so that its references resolve.
for file in "$DATA"/flat/*.xml; do
    lib="$DATA/shapes/$(basename "$file" .xml)"
    mkdir -p "$lib/Missions" && cp -r Tests/ConsortiumXMLTests/Corpus/valid/Agencies "$lib/"
    mv "$file" "$lib/Missions/"
done

# run FILE ARGS...: prints "status code cpu-seconds peak-KiB" for `consortium validate ARGS FILE`.
run() {
    local file=$1 status=0
    shift
    /usr/bin/time -o "$DATA/time" -f "%U %S %M" "$BIN" validate "$@" "$file" >/dev/null 2>"$DATA/err" || status=$?
    local user sys kib code
    read -r user sys kib < <(tail -1 "$DATA/time")
    code=$(grep -o '\[[a-z-]*\]$' "$DATA/err" | head -1 | tr -d '[]' || true)
    echo "$status ${code:--} $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}') $kib"
}

slow=0
printf '%-28s %10s %4s %-20s %6s %9s %7s\n' shape bytes exit "first code" "CPU s" "peak MiB" "x size"
for file in "$DATA"/shapes/*/Missions/*.xml; do
    bytes=$(stat -c %s "$file")
    read -r status code cpu kib < <(run "$file")
    flag=""
    if awk -v c="$cpu" -v l="$LIMIT" 'BEGIN {exit !(c >= l)}'; then flag="  SLOW"; slow=1; fi
    printf '%-28s %10d %4s %-20s %6s %9.1f %7.1f%s\n' "$(basename "$file" .xml)" "$bytes" "$status" "$code" "$cpu" \
        "$(awk -v k="$kib" 'BEGIN {print k / 1024}')" "$(awk -v k="$kib" -v b="$bytes" 'BEGIN {print k * 1024 / b}')" \
        "$flag"
done

if [ "$REALISTIC" = 1 ]; then
    echo "== realistic campaigns: consortium generate --agencies 100 --elements N --missions N/100, validated with"
    echo "   raised limits (--max-file-size 256 --max-elements 10000000); peak memory of the whole run"
    printf '%-28s %10s %4s %-20s %6s %9s %7s\n' campaign "file bytes" exit "first code" "CPU s" "peak MiB" "x size"
    for e in 10000 50000 100000 200000; do
        dir="$DATA/generated-$e"
        [ -d "$dir" ] || "$BIN" generate --agencies 100 --elements "$e" --missions $((e / 100)) --seed 1 \
            --out "$dir" >/dev/null 2>&1
        file=$(ls -S "$dir"/Missions/*.xml | head -1)
        bytes=$(stat -c %s "$file")
        read -r status code cpu kib < <(run "$file" --max-file-size 256 --max-elements 10000000)
        printf '%-28s %10d %4s %-20s %6s %9.1f %7.1f\n' "$e elements" "$bytes" "$status" "$code" "$cpu" \
            "$(awk -v k="$kib" 'BEGIN {print k / 1024}')" "$(awk -v k="$kib" -v b="$bytes" 'BEGIN {print k * 1024 / b}')"
    done
fi
[ "$slow" = 0 ] || { echo "some shapes took $LIMIT s of CPU or more"; exit 1; }
echo "every shape refused or loaded in under $LIMIT s of CPU"
