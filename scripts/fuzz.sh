#!/usr/bin/env bash
# Builds the libFuzzer target (loader, semantic checker, plan compiler, one trial) and runs it.
#
#   scripts/fuzz.sh [SECONDS]      fuzz for SECONDS (default 60), then print libFuzzer's final statistics
#
# Environment: FUZZ_SCRATCH (build folder, default .build/fuzz), FUZZ_CORPUS (the growing corpus, default
# .build/fuzz-corpus), FUZZ_JOBS (parallel fuzzing processes, default 1), FUZZ_NICE (nice level, default 19).
# Crashes, timeouts and out-of-memory inputs are written to .build/fuzz-findings/; keep each one as a
# regression test in Tests/ConsortiumXMLTests/Corpus/fuzz-regressions/. See FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
scratch="${FUZZ_SCRATCH:-.build/fuzz}"
corpus="${FUZZ_CORPUS:-.build/fuzz-corpus}"
findings=".build/fuzz-findings"
jobs="${FUZZ_JOBS:-1}"
niceness="${FUZZ_NICE:-19}"

if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh [SECONDS]   (SECONDS: a whole number of seconds, at least 1)" >&2
    exit 64
fi

# Requirements: a Swift toolchain with libFuzzer and AddressSanitizer (swift.org's Linux toolchains have both;
# Xcode's toolchain has no libFuzzer), and libxml2's headers.
if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH; install a Swift 6.1+ toolchain from swift.org" >&2
    exit 69
fi
if ! pkg-config --exists libxml-2.0 2>/dev/null; then
    echo "error: libxml2's headers are missing; run: sudo apt-get install -y libxml2-dev pkg-config" >&2
    exit 69
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
cat >"$probe/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
EOF
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" \
    >"$probe/log" 2>&1; then
    echo "error: this Swift toolchain cannot build a libFuzzer target (swiftc -sanitize=fuzzer,address failed):" >&2
    grep -m 5 "error" "$probe/log" >&2 || tail -5 "$probe/log" >&2
    echo "Use a swift.org toolchain on Linux (e.g. the swift:6.1 Docker image); Xcode's lacks libFuzzer." >&2
    exit 69
fi

echo "building consortium-fuzz with -sanitize=fuzzer,address in $scratch ..." >&2
nice -n "$niceness" swift build -c release --product consortium-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCONSORTIUM_FUZZING
binary="$(swift build -c release --product consortium-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCONSORTIUM_FUZZING --show-bin-path)/consortium-fuzz"

# Seeds: every bundled file, the test library, the hostile corpus and the kept regressions. libFuzzer reads
# these folders and writes new inputs only to the first one, the corpus.
mkdir -p "$corpus" "$findings"
seeds=(Agencies Missions Tests/ConsortiumXMLTests/Corpus)

echo "fuzzing for $seconds s (corpus $corpus, findings $findings) ..." >&2
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi   # logs go to fuzz-N.log
status=0
nice -n "$niceness" "$binary" "$corpus" "${seeds[@]}" \
    -dict=Fuzz/xml.dict -max_len=65536 -rss_limit_mb=2048 -timeout=10 -max_total_time="$seconds" \
    ${parallel[@]+"${parallel[@]}"} -print_final_stats=1 -artifact_prefix="$findings/" || status=$?
if [ "$status" -ne 0 ]; then
    echo "the fuzzer stopped with status $status; the input that did it is in $findings/" >&2
    echo "reproduce it without the sanitizer: swift run consortium-fuzz $findings/<file>" >&2
fi
echo "corpus: $(find "$corpus" -type f | wc -l) inputs, $(du -sh "$corpus" | cut -f1)" >&2
exit "$status"
