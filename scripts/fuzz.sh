#!/usr/bin/env bash
# Builds the libFuzzer targets (loader, checker, plan compiler, trials, Monte Carlo, every renderer) and runs one.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]   fuzz TARGET for SECONDS (default 60), then print the final statistics
#
# TARGET: mission (default), agency, scenario, library, shape, path, or all (SECONDS shared among the six). See
# FUZZING.md for what each does. Environment: FUZZ_SCRATCH (build folder, default .build/fuzz), FUZZ_CORPUS
# (the growing corpora, one folder per target, default .build/fuzz-corpus), FUZZ_JOBS (parallel fuzzing
# processes, default 1), FUZZ_NICE (nice level, default 19). Crashes, timeouts and out-of-memory inputs are
# written to .build/fuzz-findings/TARGET/, and the run's log to .build/fuzz-logs/; keep each finding as a
# regression test in Tests/ConsortiumXMLTests/Corpus/fuzz-regressions/ (named TARGET-...). See FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(mission agency scenario library shape path)
seconds="${1:-60}"
target="${2:-mission}"
scratch="${FUZZ_SCRATCH:-.build/fuzz}"
corpora="${FUZZ_CORPUS:-.build/fuzz-corpus}"
jobs="${FUZZ_JOBS:-1}"
niceness="${FUZZ_NICE:-19}"

usage="usage: scripts/fuzz.sh [SECONDS] [TARGET]   (SECONDS: a whole number, at least 1; TARGET: ${targets[*]} or all)"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "$usage" >&2
    exit 64
fi
if [ "$target" != all ] && ! [[ " ${targets[*]} " == *" $target "* ]]; then
    echo "$usage" >&2
    exit 64
fi

# Requirements: a Swift toolchain with libFuzzer and AddressSanitizer (swift.org's Linux toolchains have both;
# Xcode's toolchain has no libFuzzer), libxml2's headers, and python3 (the shape target's seed generator).
if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH; install a Swift 6.1+ toolchain from swift.org" >&2
    exit 69
fi
if ! pkg-config --exists libxml-2.0 2>/dev/null; then
    echo "error: libxml2's headers are missing; run: sudo apt-get install -y libxml2-dev pkg-config" >&2
    exit 69
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 is not on PATH (scripts/fuzz-shapes.py writes the shape target's seeds)" >&2
    exit 69
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
cat >"$probe/probe.swift" <<'PROBE'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
PROBE
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" \
    >"$probe/log" 2>&1; then
    echo "error: this Swift toolchain cannot build a libFuzzer target (swiftc -sanitize=fuzzer,address failed):" >&2
    grep -m 5 "error" "$probe/log" >&2 || tail -5 "$probe/log" >&2
    echo "Use a swift.org toolchain on Linux (e.g. the swift:6.1 Docker image); Xcode's lacks libFuzzer." >&2
    exit 69
fi

echo "building consortium-fuzz with -sanitize=fuzzer,address in $scratch ..." >&2
build=(swift build -c release --product consortium-fuzz --scratch-path "$scratch"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCONSORTIUM_FUZZING)
nice -n "$niceness" "${build[@]}"
binary="$("${build[@]}" --show-bin-path)/consortium-fuzz"

# Seeds, per target, written to .build/fuzz-seeds/TARGET (generated, so they follow the library's files).
valid=Tests/ConsortiumXMLTests/Corpus/valid
seeds_root=.build/fuzz-seeds
# A library as one input: each file after a line `%% PATH` (the library target's separator).
bundle() {
    local out="$1"
    shift
    : >"$out"
    local file
    for file in "$@"; do
        printf '%%%% %s\n' "${file#"$valid"/}" >>"$out"
        cat "$file" >>"$out"
        printf '\n' >>"$out"
    done
}
write_seeds() {
    local dir="$seeds_root/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    case "$1" in
    mission)
        # The test campaign under another id (the library holds `mini` already), and the bundled missions.
        sed 's/id="mini"/id="mini-fuzz"/' "$valid/Missions/mini.xml" >"$dir/mini-fuzz.xml"
        sed 's/id="mini-cut"/id="mini-cut-fuzz"/' "$valid/Missions/mini-cut.xml" >"$dir/mini-cut-fuzz.xml"
        echo Missions Agencies
        ;;
    agency)
        # The input replaces Agencies/alpha.xml; the other agencies give the fuzzer parts to splice in.
        cp "$valid"/Agencies/*.xml "$dir/"
        echo Agencies
        ;;
    scenario)
        cp Fuzz/seeds/scenario/*.xml "$dir/"
        sed 's/id="mini-cut"/id="mini-cut-fuzz"/' "$valid/Missions/mini-cut.xml" >"$dir/mini-cut-fuzz.xml"
        local file
        for file in Missions/*.xml; do   # the bundled scenarios, pointed at the test campaign
            if grep -q "<scenario" "$file"; then
                sed 's/campaign="[^"]*"/campaign="mini"/' "$file" >"$dir/bundled-$(basename "$file")"
            fi
        done
        ;;
    library)
        bundle "$dir/test-library" "$valid"/Agencies/*.xml "$valid"/Missions/*.xml
        bundle "$dir/bundled-library" Agencies/*.xml Missions/*.xml
        bundle "$dir/workshop" Agencies/*.xml Missions/workshop/*.xml
        bundle "$dir/exomars" Agencies/*.xml Missions/exomars*.xml
        bundle "$dir/test-and-exomars" "$valid"/Agencies/*.xml "$valid"/Missions/*.xml Agencies/*.xml \
            Missions/exomars*.xml
        ;;
    shape)
        python3 scripts/fuzz-shapes.py "$dir"
        echo Tests/ConsortiumXMLTests/Corpus/invalid
        ;;
    path)   # output-path specs (Sources/consortium-fuzz/PathSpec.swift), not XML
        cp Fuzz/seeds/path/*.txt "$dir"/
        ;;
    esac
}

fuzz() {
    local name="$1" time="$2" max_len=131072 dict=Fuzz/xml.dict
    case "$name" in
    library) max_len=1048576 ;;
    shape) max_len=2097152 ;;
    path) max_len=4096 dict=Fuzz/path.dict ;;
    esac
    local corpus="$corpora/$name" findings=".build/fuzz-findings/$name"
    local log=".build/fuzz-logs/$name-$(date -u +%Y%m%dT%H%M%SZ).log"
    mkdir -p "$corpus" "$findings" .build/fuzz-logs
    local extra
    extra="$(write_seeds "$name")"
    # libFuzzer reads every folder as seeds and writes new inputs only to the first one, the corpus.
    local seeds=("$seeds_root/$name")
    [ "$name" = path ] || seeds+=(Tests/ConsortiumXMLTests/Corpus/fuzz-regressions)
    local folder
    for folder in $extra; do seeds+=("$folder"); done
    echo "fuzzing $name for $time s (corpus $corpus, findings $findings, log $log) ..." >&2
    local parallel=()
    if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi   # logs go to fuzz-N.log
    local status tmp="${TMPDIR:-}"
    # The path target syncs a file and its folder on every write: keep its temporary folders on a tmpfs.
    if [ "$name" = path ] && [ -z "$tmp" ] && [ -w /dev/shm ]; then tmp=/dev/shm; fi
    set +e
    TMPDIR="${tmp:-/tmp}" CONSORTIUM_FUZZ_TARGET="$name" nice -n "$niceness" "$binary" "$corpus" "${seeds[@]}" \
        -dict="$dict" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 -max_total_time="$time" \
        ${parallel[@]+"${parallel[@]}"} -print_final_stats=1 -artifact_prefix="$findings/" 2>&1 | tee "$log" >&2
    status="${PIPESTATUS[0]}"
    set -e
    if [ "$status" -ne 0 ]; then
        echo "the $name fuzzer stopped with status $status; the input that did it is in $findings/" >&2
        echo "reproduce it without the sanitizer: swift run consortium-fuzz --target $name $findings/<file>" >&2
    fi
    echo "$name corpus: $(find "$corpus" -type f | wc -l) inputs, $(du -sh "$corpus" | cut -f1)" >&2
    return "$status"
}

if [ "$target" = all ]; then
    share=$((seconds / ${#targets[@]}))
    [ "$share" -ge 1 ] || share=1
    overall=0
    for name in "${targets[@]}"; do fuzz "$name" "$share" || overall=$?; done
    exit "$overall"
fi
fuzz "$target" "$seconds"
