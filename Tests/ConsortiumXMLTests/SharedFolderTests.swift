import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

@testable import ConsortiumCLI

/// A library shared by a class: one person's broken copy in `Missions/` must not stop everyone else's runs.
/// A run loads what its campaign needs; a broken file it does not need is one warning naming the file.
@Suite(.serialized)
struct SharedFolderTests {
    /// Three ways a copy of mini.xml gets broken: a schema error, a reference typo, XML that does not parse.
    static let typos: [(name: String, from: String, to: String)] = [
        ("schema", #"architecture="lead-agency""#, #"architecture="lead-agncy""#),
        ("reference", #"lead="alpha""#, #"lead="alpah""#),
        ("xml", #"<mission id="mini-1""#, #"<mission id="mini-1"#),
    ]

    /// mini.xml with its campaign id replaced by `id` and `from` replaced by `to`.
    static func copyOfMini(_ library: TestLibrary, id: String, replacing from: String, with to: String) throws -> Data {
        let text = try String(contentsOf: library.root.appendingPathComponent("Missions/mini.xml"), encoding: .utf8)
        #expect(text.contains(from))
        return Data(
            text.replacingOccurrences(of: #"<campaign id="mini""#, with: #"<campaign id="\#(id)""#)
                .replacingOccurrences(of: from, with: to).utf8)
    }

    func path(_ library: TestLibrary, _ relative: String) -> String {
        library.root.appendingPathComponent(relative).path
    }

    /// Before: the schema and XML typos made every run in the folder exit 65 (`library-file-unreadable`), and
    /// the reference typo was not mentioned at all.
    @Test(arguments: typos.map(\.name))
    func aBrokenCopyInMissionsIsAWarningForEveryoneElse(_ typo: String) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let (_, from, to) = Self.typos.first { $0.name == typo }!
        try library.write(
            Self.copyOfMini(library, id: "mini-6", replacing: from, with: to), at: "Missions/6-typo.xml")
        for request in ["Missions/mini.xml", "Missions/mini-cut.xml"] {
            let outcome = library.load([request])
            #expect(!outcome.diagnostics.containsErrors, "\(request): \(outcome.diagnostics)")
            let named = outcome.diagnostics.filter { $0.location.file == "Missions/6-typo.xml" }
            #expect(named.count == 1, "\(named)")
            #expect(named.first?.severity == .warning && named.first?.code == "library-file-skipped")
            #expect(named.first?.message.contains("consortium validate Missions/6-typo.xml") == true)
            #expect(named.first?.hint == nil, "one line: the message says how to see the errors")
        }
        let mini = path(library, "Missions/mini.xml")
        let cut = path(library, "Missions/mini-cut.xml")
        #expect(ConsortiumCommand.run(arguments: ["simulate", mini]) == 0)
        #expect(ConsortiumCommand.run(arguments: ["simulate", cut, "--trials", "1"]) == 0)
        #expect(ConsortiumCommand.run(arguments: ["whatif", mini, "--delay", "capsule-1=30d", "--trials", "10"]) == 0)
        #expect(
            ConsortiumCommand.run(arguments: ["compare", mini, cut, "--trials", "10", "--coalition-trials", "0"]) == 0)
        // The broken file itself, asked about, is reported in full.
        let own = library.load(["Missions/6-typo.xml"])
        #expect(own.diagnostics.contains { $0.severity == .error && $0.location.file == "Missions/6-typo.xml" })
        #expect(!own.diagnostics.contains { $0.code == "library-file-skipped" })
        #expect(ConsortiumCommand.run(arguments: ["validate", path(library, "Missions/6-typo.xml")]) == 65)
    }

    /// A broken agency file that the campaign uses still stops the run, with its own errors.
    @Test func aBrokenAgencyFileTheCampaignUsesStillBlocks() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let beta = try String(contentsOf: library.root.appendingPathComponent("Agencies/beta.xml"), encoding: .utf8)
        try library.write(
            Data(beta.replacingOccurrences(of: #"kind="intergovernmental""#, with: #"kind="intergov""#).utf8),
            at: "Agencies/beta.xml")
        let outcome = library.load(["Missions/mini.xml"])
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.location.file == "Agencies/beta.xml" })
        #expect(ConsortiumCommand.run(arguments: ["simulate", path(library, "Missions/mini.xml")]) == 65)
    }

    /// An agency file that cannot be parsed might define anything a campaign refers to: still an error.
    @Test func anUnparseableAgencyFileStillBlocks() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(Data(#"<agency id="zeta""#.utf8), at: "Agencies/zeta.xml")
        let outcome = library.load(["Missions/mini.xml"])
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.location.file == "Agencies/zeta.xml" })
        #expect(ConsortiumCommand.run(arguments: ["simulate", path(library, "Missions/mini.xml")]) == 65)
    }

    /// An agency file with an error that defines nothing the campaign uses is a warning; a good agency file the
    /// campaign does not use is still there for a what-if's replacement.
    @Test func anAgencyFileTheCampaignDoesNotUseIsAWarning() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let gamma = try String(contentsOf: library.root.appendingPathComponent("Agencies/gamma.xml"), encoding: .utf8)
        func renamed(_ id: String) -> String {
            gamma.replacingOccurrences(of: #"id="gamma""#, with: #"id="\#(id)""#)
                .replacingOccurrences(of: #"id="lander""#, with: #"id="\#(id)-lander""#)
        }
        try library.write(
            Data(renamed("zeta").replacingOccurrences(of: #"kind="lander""#, with: #"kind="landr""#).utf8),
            at: "Agencies/zeta.xml")
        try library.write(Data(renamed("delta").utf8), at: "Agencies/delta.xml")
        let outcome = library.load(["Missions/mini.xml"])
        #expect(!outcome.diagnostics.containsErrors, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.map(\.code) == ["library-file-skipped"])
        #expect(outcome.diagnostics.first?.location.file == "Agencies/zeta.xml")
        #expect(outcome.library.agency(AgencyID("zeta")) == nil, "a broken file's contents are left out")
        let mini = path(library, "Missions/mini.xml")
        #expect(ConsortiumCommand.run(arguments: ["simulate", mini]) == 0)
        #expect(
            ConsortiumCommand.run(arguments: ["whatif", mini, "--withdraw", "beta@2027-01-01:delta", "--trials", "10"])
                == 0)
    }

    /// A broken copy that keeps the campaign id a scenario names makes that campaign ambiguous: the scenario is
    /// refused (duplicate id), while the original campaign file still runs.
    @Test func aBrokenCopyWithTheScenariosCampaignIdBlocksOnlyTheScenario() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let (_, from, to) = Self.typos[0]
        try library.write(Self.copyOfMini(library, id: "mini", replacing: from, with: to), at: "Missions/6-typo.xml")
        let scenario = library.load(["Missions/mini-cut.xml"])
        #expect(scenario.diagnostics.contains { $0.code == "duplicate-id" && $0.severity == .error })
        #expect(scenario.diagnostics.contains { $0.location.file == "Missions/6-typo.xml" && $0.severity == .error })
        #expect(ConsortiumCommand.run(arguments: ["simulate", path(library, "Missions/mini-cut.xml")]) == 65)
        #expect(!library.load(["Missions/mini.xml"]).diagnostics.containsErrors)
        #expect(ConsortiumCommand.run(arguments: ["simulate", path(library, "Missions/mini.xml")]) == 0)
    }

    /// A file that does not parse might be the campaign a scenario names when no other file defines it.
    @Test func anUnparseableFileBlocksAScenarioWhoseCampaignIsNowhereElse() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try FileManager.default.removeItem(at: library.root.appendingPathComponent("Missions/mini.xml"))
        try library.write(Data(#"<campaign id="mini""#.utf8), at: "Missions/6-typo.xml")
        let outcome = library.load(["Missions/mini-cut.xml"])
        #expect(
            outcome.diagnostics.contains {
                $0.severity == .error && $0.location.file == "Missions/6-typo.xml"
                    && $0.code == "library-file-unreadable"
            }, "\(outcome.diagnostics)")
        #expect(ConsortiumCommand.run(arguments: ["simulate", path(library, "Missions/mini-cut.xml")]) == 65)
    }

    /// `validate FILE` names a broken file it was not asked about, as a warning (an error with `--werror`).
    @Test func validateNamesABrokenFileItWasNotAskedAbout() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = path(library, "Missions/mini.xml")
        try library.write(Data("<campaign id=\"x\"".utf8), at: "Missions/broken.xml")
        #expect(library.load(["Missions/mini.xml"]).diagnostics.map(\.code) == ["library-file-skipped"])
        #expect(ConsortiumCommand.run(arguments: ["validate", mini]) == 0)
        #expect(ConsortiumCommand.run(arguments: ["validate", "--werror", mini]) == 65)
        #expect(ConsortiumCommand.run(arguments: ["validate", library.root.path]) == 65)
    }

    /// `compare` of two files of one library with a broken copy in it prints the copy's warning once, not
    /// once per file it loads.
    @Test func compareNamesABrokenCopyOnce() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(Data("<campaign id=\"x\"".utf8), at: "Missions/broken.xml")
        let result = try Executable.run([
            "compare", path(library, "Missions/mini.xml"), path(library, "Missions/mini-cut.xml"), "--trials", "10",
            "--coalition-trials", "0",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains("[library-file-skipped]") }
        #expect(warnings.count == 1, "\(result.standardError)")
    }
}
