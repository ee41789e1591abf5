import ArgumentParser
import ConsortiumCLI
import ConsortiumGenerate
import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation
import Testing

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `settings`' library below this folder and returns the generated files.
    @discardableResult
    func write(_ settings: GeneratorSettings) throws -> [GeneratedFile] {
        let files = SyntheticPlan(settings).files(version: "test")
        for file in files {
            let target = url.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: target)
        }
        // The model's assumptions come from the bundled library (as `consortium generate` copies them).
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assumptions")
        try? FileManager.default.copyItem(at: bundled, to: url.appendingPathComponent("Assumptions"))
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite(.serialized)
struct GenerateTests {
    /// (agencies, elements, missions): the smallest library, small and medium ones, and one with a full mission.
    static let sizes: [(Int, Int, Int)] = [(2, 1, 1), (5, 60, 2), (12, 700, 3), (40, 2_000, 4), (3, 500, 1)]

    @Test(arguments: sizes)
    func generatedLibraryLoadsWithoutAnyDiagnostic(_ size: (Int, Int, Int)) throws {
        let (agencies, elements, missions) = size
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let settings = GeneratorSettings(agencies: agencies, elements: elements, missions: missions, seed: 11)
        try folder.write(settings)
        // The real loader: XSD validation, decoding and every semantic check, warnings included.
        let outcome = LibraryLoader().load([folder.url.path])
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.prefix(5))")
        #expect(outcome.library.agencies.count == agencies)
        #expect(outcome.library.campaigns.count == 1)
        let campaign = try #require(outcome.library.campaigns.first)
        #expect(campaign.elements.count == elements)
        #expect(campaign.missions.count == missions)
        #expect(campaign.missions.flatMap(\.launches).flatMap(\.payload).count == elements)
        // Every contract links two different agencies, through a standard some other agency may publish.
        for contract in campaign.contracts { #expect(contract.provider.id != contract.consumer.id) }
        if missions >= 2 {
            #expect(campaign.missions.contains { $0.body == .mars && $0.windows?.kind == .mars })
            #expect(campaign.missions.contains { $0.body == .moon })
        }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        let settings = GeneratorSettings(agencies: 7, elements: 300, missions: 5, seed: 42)
        let first = SyntheticPlan(settings).files(version: "test")
        let again = SyntheticPlan(settings).files(version: "test")
        #expect(first == again)
        var other = settings
        other.seed = 43
        let different = SyntheticPlan(other).files(version: "test")
        #expect(first.map(\.path).dropLast() == different.map(\.path).dropLast())
        #expect(first.last?.text != different.last?.text)
        #expect(first.first?.text != different.first?.text)
    }

    @Test func everyFileIsMarkedSyntheticWithItsCommand() {
        let settings = GeneratorSettings(agencies: 3, elements: 10, missions: 2, seed: 5)
        for file in SyntheticPlan(settings).files(version: "test") {
            #expect(file.text.contains("SYNTHETIC"))
            #expect(file.text.contains(settings.commandLine))
            // A comment may not contain "--"; the command line (with its options) must sit outside comments.
            let comment = file.text.split(separator: "-->").first ?? ""
            #expect(!comment.dropFirst(file.text.hasPrefix("<?xml") ? 4 : 0).contains("--agencies"))
        }
    }

    @Test func generatedCampaignSimulates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(GeneratorSettings(agencies: 9, elements: 150, missions: 4, seed: 3))
        let outcome = LibraryLoader().load([folder.url.path])
        #expect(outcome.diagnostics.isEmpty)
        let campaign = try #require(outcome.library.campaigns.first)
        let assumptions = try #require(ModelAssumptions.resolve(outcome.library.assumptions).assumptions)
        let plan = try SimulationPlan(
            library: outcome.library, campaign: campaign, scenario: nil, assumptions: assumptions)
        var runner = TrialRunner(plan: plan, seed: 1)
        for trial in 0..<5 {
            let result = try runner.run(trial: UInt64(trial))
            // Money is spent on every element's development in every trial.
            let spent = plan.agencies.indices.reduce(0) { $0 + result.ledger.total(agency: $1) }
            #expect(spent > 0)
            #expect(result.elements.count == 150)
        }
    }

    @Test func badArgumentsExit64() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.url.appendingPathComponent("lib").path
        #expect(ConsortiumCommand.run(arguments: ["generate", "--agencies", "1", "--out", out]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["generate", "--elements", "0", "--out", out]) == 64)
        #expect(
            ConsortiumCommand.run(arguments: ["generate", "--elements", "3", "--missions", "4", "--out", out]) == 64)
        #expect(
            ConsortiumCommand.run(arguments: ["generate", "--elements", "1001", "--missions", "2", "--out", out]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["generate", "--elements", "10"]) == 64)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func refusesANonEmptyFolderOrALibraryFolderUnlessForced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.url.appendingPathComponent("lib").path
        let arguments = ["generate", "--agencies", "3", "--elements", "20", "--missions", "2", "--out", out]
        #expect(ConsortiumCommand.run(arguments: arguments) == 0)
        #expect(ConsortiumCommand.run(arguments: arguments) == 64)
        #expect(ConsortiumCommand.run(arguments: arguments + ["--force"]) == 0)
        let inside = folder.url.appendingPathComponent("Missions/new").path
        let insideArguments = ["generate", "--agencies", "2", "--elements", "2", "--missions", "1", "--out", inside]
        #expect(ConsortiumCommand.run(arguments: insideArguments) == 64)
        #expect(ConsortiumCommand.run(arguments: insideArguments + ["--force"]) == 0)
        #expect(LibraryLoader().load([out]).diagnostics.isEmpty)
    }
}

/// Locations stay exact in files of hundreds of thousands of lines, past libxml2's 65,535-line counter.
@Suite struct LargeFileLocationTests {
    @Test func anErrorPastLine65535IsReportedAtItsLineAndColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let files = try folder.write(GeneratorSettings(agencies: 3, elements: 40, missions: 1, seed: 2))
        let campaign = try #require(files.last)
        // 70,000 lines of comments (one holding a decoy start tag) before the campaign's first element, whose
        // design is then misspelled.
        var lines = campaign.text.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("  <element ") })
        let padding = ["  <!-- <element id=\"decoy\" design=\"x\"/> -->"] + Array(repeating: "", count: 70_000)
        lines.insert(contentsOf: padding, at: first)
        let target = first + padding.count
        let design = try #require(lines[target].range(of: "design=\"")).upperBound
        let designValue = lines[target][design...].prefix { $0 != "\"" }
        lines[target] = lines[target].replacingOccurrences(of: "design=\"\(designValue)\"", with: "design=\"nope\"")
        let column = try #require(lines[target].range(of: "design=")).lowerBound.utf16Offset(in: lines[target]) + 1
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.url.appendingPathComponent(campaign.path))
        let outcome = LibraryLoader().load([folder.url.path])
        let unknown = try #require(outcome.diagnostics.first { $0.message.contains("'nope'") })
        #expect(unknown.location.line == target + 1)
        #expect(unknown.location.column == column)
        #expect(outcome.diagnostics.count == 1, "\(outcome.diagnostics)")
    }
}
