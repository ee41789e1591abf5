import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

/// The fourth file kind: the model's assumptions (`Assumptions/model.xml`), checked with located errors, always
/// in a run's scope, and changed per run with `--assume`.
@Suite(.serialized)
struct AssumptionsFileTests {
    /// Replaces `old` with `new` in `relativePath` of `library` (the text must be there).
    func edit(_ library: TestLibrary, _ relativePath: String, _ old: String, _ new: String) throws {
        let url = library.root.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(relativePath) holds no '\(old)'")
        try library.write(Data(text.replacingOccurrences(of: old, with: new).utf8), at: relativePath)
    }

    /// The line (1-based) of the first line of `relativePath` containing `text`.
    func line(_ library: TestLibrary, _ relativePath: String, containing text: String) throws -> Int {
        let url = library.root.appendingPathComponent(relativePath)
        let lines = try String(contentsOf: url, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func theLoaderReadsTheAssumptionsFolder() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let outcome = library.load()
        #expect(!outcome.diagnostics.containsErrors, "\(outcome.diagnostics)")
        let set = try #require(outcome.library.assumptions)
        #expect(set.parameters.contains { $0.name == "rework-probability-bespoke" && $0.value == 0.2 })
        #expect(set.referenceClass("experienced-provider") != nil)
        #expect(set.standDownRecords.map(\.id) == ["launch-failure-stand-downs", "crew-loss-stand-downs"])
    }

    /// A misspelt parameter: `validate` exits 65 with the error at its line and the right name suggested.
    @Test func aMisspeltParameterIsAnErrorAtItsLine() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try edit(library, "Assumptions/model.xml", #"name="rework-fraction""#, #"name="rework-fractoin""#)
        let line = try line(library, "Assumptions/model.xml", containing: "rework-fractoin")
        let result = try Executable.run(["validate", library.root.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("Assumptions/model.xml:\(line):"), "\(result.standardError)")
        #expect(result.standardError.contains("[unknown-parameter]"))
        #expect(result.standardError.contains("did you mean 'rework-fraction'"))
        #expect(result.standardError.contains("[missing-parameter]"))
    }

    /// A vehicle naming a class the file lacks, a stand-down that returns before it failed, and a figure with
    /// neither a source nor an estimate mark: each an error at its place.
    @Test func referencesAndDatesAreChecked() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try edit(
            library, "Agencies/alpha.xml", #"reference-class="experienced-provider""#,
            #"reference-class="experienced-providr""#)
        try edit(library, "Assumptions/model.xml", #"returned="2015-12-22""#, #"returned="2015-01-22""#)
        try edit(
            library, "Assumptions/model.xml", #"value="0.15" source="gao-24-106767" estimate="true""#,
            #"value="0.15""#)
        let outcome = library.load()
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        let unknown = try #require(errors.first { $0.message.contains("experienced-providr") })
        #expect(unknown.location.file.hasSuffix("Agencies/alpha.xml"))
        #expect(unknown.hint?.contains("did you mean 'experienced-provider'") == true)
        #expect(errors.contains { $0.code == "dates-out-of-order" && $0.message.contains("CRS-7") })
        #expect(errors.contains { $0.code == "missing-source" && $0.location.file.hasSuffix("Assumptions/model.xml") })
    }

    /// `--assume` with an unknown name or a value out of range is a usage error naming the known parameters.
    @Test func aBadAssumeIsAUsageError() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let campaign = library.root.appendingPathComponent("Missions/mini.xml").path
        let unknown = try Executable.run(["simulate", campaign, "--assume", "bogus=1"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("rework-probability-bespoke"), "\(unknown.standardError)")
        let range = try Executable.run(["simulate", campaign, "--assume", "rework-probability-bespoke=2"])
        #expect(range.status == 64)
        #expect(range.standardError.contains("from 0 to 1"), "\(range.standardError)")
        let good = try Executable.run(["simulate", campaign, "--assume", "rework-probability-bespoke=0.1"])
        #expect(good.status == 0, "\(good.standardError)")
    }

    /// A library without its assumptions cannot run, and says what is missing.
    @Test func aRunNeedsTheAssumptions() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try FileManager.default.removeItem(at: library.root.appendingPathComponent("Assumptions"))
        let result = try Executable.run(["simulate", library.root.appendingPathComponent("Missions/mini.xml").path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("[no-assumptions]"), "\(result.standardError)")
    }

    @Test func theSchemaAndTheVehicleListAreThere() throws {
        let schema = try Executable.run(["schema", "assumptions"])
        #expect(schema.status == 0 && schema.standardOutput.contains(#"<xs:element name="assumptions">"#))
        let library = try TestLibrary()
        defer { library.remove() }
        let list = try Executable.run(["list", "vehicles", library.root.path])
        #expect(list.status == 0, "\(list.standardError)")
        // The corpus's heavy launcher: 9 of 10 on the experienced-provider prior.
        let row = try #require(list.standardOutput.split(separator: "\n").first { $0.contains("heavy ") })
        #expect(row.contains("9/10") && row.contains("experienced-provider") && row.contains("Beta("), "\(row)")
    }
}
