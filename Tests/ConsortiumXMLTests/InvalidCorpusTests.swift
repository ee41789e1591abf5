import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

/// One row of `Corpus/invalid/expectations.tsv`: a broken file and the diagnostic it must produce.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    let file: String
    let placedAt: String
    let reportedIn: String
    let line: Int
    let column: Int
    let code: String

    var testDescription: String { "\(file) → \(code)" }

    static let all: [InvalidCase] = {
        let manifest = TestLibrary.corpus.appendingPathComponent("invalid/expectations.tsv")
        let text = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t").map(String.init)
            let position = fields[3].split(separator: ":").map { Int($0)! }
            return InvalidCase(
                file: fields[0], placedAt: fields[1], reportedIn: fields[2], line: position[0],
                column: position[1], code: fields[4])
        }
    }()
}

// Tests change the process's working directory (paths display relative to the library), so they run one at a time.
@Suite(.serialized)
struct InvalidCorpusTests {
    @Test func theManifestListsEveryCorpusFile() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: TestLibrary.corpus.appendingPathComponent("invalid").path
        )
        .filter { $0.hasSuffix(".xml") }
        #expect(Set(files) == Set(InvalidCase.all.map(\.file)))
        #expect(InvalidCase.all.count >= 50)
    }

    @Test func theValidLibraryHasNoDiagnostics() {
        let library = try! TestLibrary()
        defer { library.remove() }
        let outcome = library.load()
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.library.agencies.count == 3)
        #expect(outcome.library.campaigns.count == 1)
        #expect(outcome.library.scenarios.count == 1)
    }

    @Test(arguments: InvalidCase.all)
    func eachBrokenFileGivesItsDiagnosticAtItsPlace(_ invalid: InvalidCase) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let bytes = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/\(invalid.file)"))
        try library.write(bytes, at: invalid.placedAt)

        var outcome: LoadOutcome?
        let elapsed = threadCPUTime { outcome = library.load() }
        let diagnostics = outcome!.diagnostics

        let match = diagnostics.first { diagnostic in
            diagnostic.code == invalid.code && diagnostic.location.file == invalid.reportedIn
                && (invalid.line == 0 || diagnostic.location.line == invalid.line)
                && (invalid.column == 0 || diagnostic.location.column == invalid.column)
        }
        #expect(
            match != nil,
            "expected \(invalid.code) at \(invalid.reportedIn):\(invalid.line):\(invalid.column), got:\n\(diagnostics.map(\.description).joined(separator: "\n"))"
        )
        if invalid.code != "need-by-early" {
            #expect(diagnostics.containsErrors)
        }
        // Every diagnostic names a file and a line, and says what to do.
        for diagnostic in diagnostics {
            #expect(diagnostic.location.line >= 1)
            #expect(!diagnostic.message.isEmpty)
            #expect(diagnostic.hint != nil, "no hint: \(diagnostic)")
        }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func hostileFilesNeverLeakTheFilesTheyReferTo() throws {
        // The DOCTYPE cases name /etc/passwd; nothing from it may reach the model or the messages.
        let library = try TestLibrary()
        defer { library.remove() }
        for name in ["doctype-file-entity.xml", "doctype-parameter-entity.xml", "xinclude.xml"] {
            let bytes = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/\(name)"))
            try library.write(bytes, at: "Missions/mini.xml")
            let outcome = library.load()
            let text = outcome.diagnostics.map(\.description).joined() + "\(outcome.library.campaigns)"
            #expect(!text.contains("root:x:0:0"), "\(name) leaked /etc/passwd")
            #expect(!text.contains("/bin/"), "\(name) leaked /etc/passwd")
        }
    }
}
