import Foundation
import Testing

/// The fuzz targets in a normal build (`consortium-fuzz [--target NAME] FILE...`, the replay tool): every kept
/// finding replays cleanly through its target, and valid inputs reach every renderer through each target.
@Suite struct FuzzReplayTests {
    /// The `consortium-fuzz` binary next to the test bundle (`swift build --build-tests` builds both).
    static let program: String = {
        let bundle = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0] : "/nonexistent/bundle"
        let products = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("consortium-fuzz").path,
            ExecutableTests.repository.appendingPathComponent(".build/debug/consortium-fuzz").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    /// Every renderer the pipeline calls, as the replay tool names them.
    static let renderers = [
        "CompareDocument.csv", "CompareDocument.json", "CompareReport", "CompareReport.html", "HTMLReport",
        "MonteCarloReport+cooperation", "ResultDocument.csv", "ResultDocument.json", "TrialReport",
        "WhatIfDocument.csv", "WhatIfDocument.json", "WhatIfReport", "trace CSV", "trace JSONL",
    ]

    struct Replay {
        let status: Int32
        let signaled: Bool
        let output: String
        let error: String
    }

    static func replay(_ arguments: [String]) throws -> Replay {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CONSORTIUM_FUZZ_TARGET"] = nil
        process.environment = environment
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("consortium-fuzz-out-\(UUID().uuidString)")
        let err = folder.appendingPathComponent("consortium-fuzz-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Replay(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            error: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Each input the fuzzer found replays through the target its name gives (`agency-...`, `library-...`,
    /// otherwise `mission`) and ends normally.
    @Test(arguments: ExecutableTests.fuzzFindings)
    func everyFuzzFindingReplaysThroughItsTarget(_ name: String) throws {
        let path = TestLibrary.corpus.appendingPathComponent("fuzz-regressions/\(name)").path
        let result = try Self.replay([path])
        #expect(!result.signaled && result.status == 0, "status \(result.status): \(result.error)")
        #expect(result.output.hasPrefix("ok \(path) ("), "\(result.output)")
    }

    /// Valid inputs reach every renderer through each target: the test library's lead agency through the
    /// agency target, a scenario seed through the scenario target, and the whole test library as one input
    /// cut at `%% PATH` lines through the library target (so the separator really cuts files: uncut, the
    /// input would not even parse).
    @Test func validInputsReachEveryRenderer() throws {
        let valid = TestLibrary.corpus.appendingPathComponent("valid")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bundle = Data()
        for name in ["Agencies/alpha.xml", "Agencies/beta.xml", "Agencies/gamma.xml", "Missions/mini.xml"] {
            bundle +=
                Data("%% \(name)\n".utf8) + (try Data(contentsOf: valid.appendingPathComponent(name))) + Data("\n".utf8)
        }
        let library = folder.appendingPathComponent("test-library")
        try bundle.write(to: library)
        let cases = [
            ("agency", valid.appendingPathComponent("Agencies/alpha.xml").path),
            (
                "scenario",
                ExecutableTests.repository.appendingPathComponent("Fuzz/seeds/scenario/every-override.xml").path
            ),
            ("library", library.path),
        ]
        for (target, path) in cases {
            let result = try Self.replay(["--target", target, path])
            #expect(result.status == 0, "\(target): \(result.error)")
            let reached = result.output.split(separator: ";").last.map { $0.dropFirst(" rendered: ".count).dropLast(2) }
            let names = reached.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            for renderer in Self.renderers where renderer != "MonteCarloReport+cooperation" || target != "scenario" {
                #expect(names.contains(renderer), "\(target) did not reach \(renderer): \(result.output)")
            }
        }
    }

    /// The path target's seeds (Fuzz/seeds/path) replay with the outcome their files ask for, each worked out by
    /// hand from the rules (a read file or a path inside `Agencies/`/`Missions/` without `--force` is refused;
    /// a device or FIFO is written in place; `-` is a descriptor), and the target's invariants hold on each.
    @Test(arguments: [
        ("new-file.txt", "OutputPath written"),
        ("inside-missions.txt", "OutputPath refused"),
        ("inside-missions-forced.txt", "OutputPath written"),
        ("read-file-forced.txt", "OutputPath refused"),
        ("hard-link-to-input.txt", "OutputPath refused"),
        ("link-to-input.txt", "OutputPath refused"),
        ("link-to-library-folder.txt", "OutputPath refused"),
        ("dotdot-to-input.txt", "OutputPath refused"),
        ("link-loop.txt", "OutputPath refused"),
        ("link-to-fifo.txt", "OutputPath in place"),
        ("link-to-dev-null.txt", "OutputPath in place"),
        ("stdout.txt", "OutputPath descriptor"),
        ("not-a-folder.txt", "OutputPath write failed"),
        ("link-up.txt", "OutputPath written"),
    ])
    func pathSeedsReachTheirOutcome(_ name: String, _ outcome: String) throws {
        let path = ExecutableTests.repository.appendingPathComponent("Fuzz/seeds/path/\(name)").path
        let result = try Self.replay(["--target", "path", path])
        #expect(!result.signaled && result.status == 0, "status \(result.status): \(result.error)")
        #expect(result.output.contains(outcome), "\(result.output)")
        if outcome != "OutputPath refused" { #expect(!result.output.contains("OutputPath refused")) }
    }
}
