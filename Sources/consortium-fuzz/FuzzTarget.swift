import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// The fuzz target: any bytes, as one more file of a small valid library, go through the loader (parse, XSD,
/// decoding), the semantic checker and, when they define a valid campaign or scenario, the plan compiler and
/// one trial.
///
/// Built with `scripts/fuzz.sh` (`-sanitize=fuzzer,address -D CONSORTIUM_FUZZING`), `LLVMFuzzerTestOneInput`
/// is libFuzzer's entry point. In a normal build the target is a replay tool instead:
/// `consortium-fuzz FILE...` runs each file through the same code and prints `ok FILE`, so a crash found
/// by the fuzzer can be reproduced without the sanitizer toolchain. See FUZZING.md.
enum FuzzTarget {
    /// Where the input is placed in the library.
    static let inputPath = "Missions/fuzz.xml"

    /// The library every input joins: `Tests/ConsortiumXMLTests/Corpus/valid`, read once (three agencies,
    /// one campaign, one scenario), so that references in an input can resolve and be checked.
    static let library: [(path: String, bytes: [UInt8])] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/ConsortiumXMLTests/Corpus/valid")
        let names = [
            "Agencies/alpha.xml", "Agencies/beta.xml", "Agencies/gamma.xml", "Missions/mini.xml",
            "Missions/mini-cut.xml",
        ]
        return names.map { name in
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else {
                fatalError("consortium-fuzz: cannot read the seed library file \(root.path)/\(name)")
            }
            return (path: name, bytes: [UInt8](data))
        }
    }()

    /// Small enough that one input never takes long: a trial of a valid bundled campaign handles a few
    /// thousand events.
    static let assumptions: ModelAssumptions = {
        var assumptions = ModelAssumptions.standard
        assumptions.eventLimit = 200_000
        return assumptions
    }()

    /// Runs `bytes` through loading, checking, plan compilation and one trial. Errors are expected results;
    /// only a crash, a hang or a sanitizer report is a finding.
    static func exercise(_ bytes: [UInt8]) {
        let outcome = LibraryLoader().load(contents: library + [(path: inputPath, bytes: bytes)])
        guard !outcome.diagnostics.containsErrors else { return }
        let library = outcome.library
        var targets: [(Campaign, Scenario?)] = library.campaigns.filter { $0.location.file == inputPath }.map {
            ($0, nil)
        }
        for scenario in library.scenarios where scenario.location.file == inputPath {
            if let campaign = library.campaign(scenario.campaign.id) { targets.append((campaign, scenario)) }
        }
        for (campaign, scenario) in targets {
            guard
                let plan = try? SimulationPlan(
                    library: library, campaign: campaign, scenario: scenario, assumptions: assumptions)
            else { continue }
            var runner = TrialRunner(plan: plan, seed: 1)
            _ = try? runner.run(trial: 0)
        }
    }
}

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.exercise(Array(UnsafeBufferPointer(start: data, count: size)))
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
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
            replay(CommandLine.arguments.dropFirst())
        #endif
    }

    /// Replays inputs (fuzzer findings, corpus files) through the fuzz target without the sanitizer toolchain.
    static func replay(_ paths: ArraySlice<String>) {
        if paths.isEmpty {
            FileHandle.standardError.write(
                Data("usage: consortium-fuzz FILE...  (replays inputs; scripts/fuzz.sh builds the fuzzer)\n".utf8))
            exit(64)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
                exit(66)
            }
            FuzzTarget.exercise([UInt8](data))
            print("ok \(path)")
        }
    }
}
