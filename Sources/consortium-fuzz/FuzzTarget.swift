import ConsortiumModel
import ConsortiumXML
import Foundation

/// The fuzz targets: any bytes, placed in a small valid library as the chosen target says (a mission or
/// scenario file, the lead agency, a whole library), go through the loader (parse, XSD, decoding) and the
/// semantic checker; every campaign and scenario that then loads without errors goes through the plan
/// compiler, one trial, a small Monte Carlo run and every renderer (`FuzzPipeline`).
///
/// Built with `scripts/fuzz.sh` (`-sanitize=fuzzer,address -D CONSORTIUM_FUZZING`), `LLVMFuzzerTestOneInput`
/// is libFuzzer's entry point and `CONSORTIUM_FUZZ_TARGET` names the target (default `mission`). In a normal
/// build the program is a replay tool instead: `consortium-fuzz [--target NAME] FILE...` runs each file
/// through the same code and prints `ok FILE`, so a finding can be reproduced without the sanitizer
/// toolchain. See FUZZING.md.
enum FuzzTarget {
    /// The target of the fuzzing run, from `CONSORTIUM_FUZZ_TARGET`.
    static let selected: FuzzTargetKind = {
        let name = ProcessInfo.processInfo.environment["CONSORTIUM_FUZZ_TARGET"] ?? "mission"
        guard let target = FuzzTargetKind(rawValue: name) else {
            let names = FuzzTargetKind.allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("consortium-fuzz: unknown CONSORTIUM_FUZZ_TARGET '\(name)'; the targets are \(names)")
        }
        return target
    }()

    /// Runs `bytes` through `target`. Errors are expected results; only a crash, a hang, a sanitizer report or
    /// a failed output check (`Oracle`) is a finding.
    static func exercise(_ bytes: [UInt8], as target: FuzzTargetKind) {
        if target == .path { return FuzzPath.exercise(bytes) }
        var (files, runs) = FuzzInputs.placement(bytes, for: target)
        var outcome = LibraryLoader().load(contents: files)
        // A mutation anywhere in a library of many files usually breaks one of them: leave out the files with
        // errors and load the rest again (up to three times: a file may have referred to a broken one), as a
        // user would move broken files out of the folder.
        var reloads = 0
        while target == .library, outcome.diagnostics.containsErrors, reloads < 3 {
            let broken = Set(outcome.diagnostics.filter { $0.severity == .error }.map(\.location.file))
            files.removeAll { broken.contains($0.path) }
            guard !files.isEmpty else { return }
            outcome = LibraryLoader().load(contents: files)
            reloads += 1
        }
        guard !outcome.diagnostics.containsErrors else { return }
        let library = outcome.library
        func played(_ location: SourceLocation) -> Bool { runs?.contains(location.file) ?? true }
        var targets: [(Campaign, Scenario?)] = library.campaigns.filter { played($0.location) }.map { ($0, nil) }
        for scenario in library.scenarios where played(scenario.location) {
            if let campaign = library.campaign(scenario.campaign.id) { targets.append((campaign, scenario)) }
        }
        for (campaign, scenario) in targets.prefix(FuzzInputs.maxRuns) {
            FuzzPipeline.run(library: library, campaign: campaign, scenario: scenario, files: files)
        }
    }
}

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.exercise(Array(UnsafeBufferPointer(start: data, count: size)), as: FuzzTarget.selected)
    return 0
}

#if CONSORTIUM_FUZZING
    /// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links). SwiftPM makes the executable's `main` the
    /// module's entry point, so libFuzzer's own `main` is not used: ours hands the arguments to the driver.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// Runs libFuzzer (the fuzzing build) or replays input files (a normal build).
@main
enum FuzzMain {
    static func main() {
        #if CONSORTIUM_FUZZING
            _ = FuzzTarget.selected  // an unknown target name stops here, before fuzzing starts
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static let usage = """
        usage: consortium-fuzz [--target NAME] FILE...
          replays inputs through a fuzz target (scripts/fuzz.sh builds the fuzzer); without --target, the
          target is CONSORTIUM_FUZZ_TARGET if set, else the file name's prefix (agency-, scenario-, library-,
          shape-, path-), else mission. Targets: \(FuzzTargetKind.allCases.map(\.rawValue).joined(separator: ", "))

        """

    /// Replays inputs (fuzzer findings, corpus files) through a fuzz target without the sanitizer toolchain.
    static func replay(_ arguments: [String]) {
        var paths = arguments
        var chosen = ProcessInfo.processInfo.environment["CONSORTIUM_FUZZ_TARGET"].flatMap(FuzzTargetKind.init)
        if paths.first == "--target" {
            guard paths.count >= 2, let target = FuzzTargetKind(rawValue: paths[1]) else { fail(usage, 64) }
            chosen = target
            paths.removeFirst(2)
        }
        if paths.isEmpty { fail(usage, 64) }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                fail("error: cannot read \(path)\n", 66)
            }
            let target = chosen ?? FuzzTargetKind.inferred(fromFileName: URL(fileURLWithPath: path).lastPathComponent)
            FuzzPipeline.rendered = [:]
            FuzzTarget.exercise([UInt8](data), as: target)
            let reached = FuzzPipeline.rendered.keys.sorted().joined(separator: ", ")
            print("ok \(path) (\(target.rawValue)\(reached.isEmpty ? "" : "; rendered: \(reached)"))")
        }
    }

    static func fail(_ message: String, _ status: Int32) -> Never {
        FileHandle.standardError.write(Data(message.utf8))
        exit(status)
    }
}
