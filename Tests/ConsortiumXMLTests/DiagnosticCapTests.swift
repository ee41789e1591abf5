import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

/// A file the schema accepts can still make the semantic checks find millions of problems; like the schema
/// errors, the first 100 of a file are shown and one `[too-many-errors]` line counts the rest.
struct DiagnosticCapTests {
    /// The test corpus's agencies (alpha, beta, gamma), as in-memory files.
    static let agencies: [(path: String, bytes: [UInt8])] = ["alpha", "beta", "gamma"].map { name in
        let url = TestLibrary.corpus.appendingPathComponent("valid/Agencies/\(name).xml")
        return ("Agencies/\(name).xml", Array((try? Data(contentsOf: url)) ?? Data()))
    }

    static let path = "Missions/hostile.xml"

    /// A campaign whose element `i` (on line `i + 3`) is `element(i)`, with one valid mission after them.
    func campaign(elements count: Int, _ element: (Int) -> String, after: String = "") -> [UInt8] {
        let head =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<campaign id="h" name="H" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
        let mission =
            #"<mission id="m0" name="m" body="moon" transit-days="5" duration-days="20"\#(after)>"#
            + #"<launch id="l0" vehicle="heavy" destination="tli"><payload element="e0"/></launch>"#
            + #"<objective id="o0" name="o"><needs element="e0"/></objective></mission>"# + "\n"
        return Array((head + (0..<count).map { element($0) + "\n" }.joined() + mission + "</campaign>\n").utf8)
    }

    func load(_ mission: [UInt8]) -> (diagnostics: [Diagnostic], cpu: Duration) {
        var outcome: LoadOutcome?
        let cpu = threadCPUTime { outcome = LibraryLoader().load(contents: Self.agencies + [(Self.path, mission)]) }
        return (outcome!.diagnostics.filter { $0.location.file == Self.path }, cpu)
    }

    @Test func theFirstHundredSemanticErrorsOfAFileAreShownAndTheRestCounted() {
        // 300 elements, each naming an agency that does not exist: 300 unknown references, e1 to e299 after e0.
        let mission = campaign(elements: 300) {
            #"<element id="e\#($0)" design="capsule" agency="nobody\#($0)" start="2026-01-01"/>"#
        }
        let (diagnostics, _) = load(mission)
        let unknown = diagnostics.filter { $0.code == "unknown-reference" }
        #expect(unknown.count == 100, "\(diagnostics.count) diagnostics")
        // The first hundred in file order: the elements on lines 3 to 102.
        #expect(unknown.map(\.location.line) == Array(3...102))
        #expect(unknown.first?.message == "unknown agency 'nobody0'")
        let summary = diagnostics.filter { $0.code == "too-many-errors" }
        #expect(summary.count == 1)
        #expect(summary.first?.severity == .error)
        #expect(summary.first?.location.line == 103, "at the first problem not shown")
        #expect(summary.first?.message.hasPrefix("200 more errors ") == true, "\(summary.first?.message ?? "")")
        #expect(diagnostics.count == 101)
    }

    @Test func aHundredProblemsAreAllShownWithoutASummary() {
        let mission = campaign(elements: 100) {
            #"<element id="e\#($0)" design="capsule" agency="nobody\#($0)" start="2026-01-01"/>"#
        }
        let (diagnostics, _) = load(mission)
        #expect(diagnostics.filter { $0.code == "unknown-reference" }.count == 100)
        #expect(!diagnostics.contains { $0.code == "too-many-errors" })
    }

    @Test func problemsOfDifferentChecksAreShownInFileOrder() {
        // Duplicate ids are checked before agencies are resolved, but come later in the file here: the shown
        // hundred are still the first hundred lines' problems (150 unknown agencies, then 150 duplicates).
        let mission = campaign(elements: 300) { i in
            i < 150
                ? #"<element id="e\#(i)" design="capsule" agency="nobody\#(i)" start="2026-01-01"/>"#
                : #"<element id="e0" design="capsule" agency="alpha" start="2026-01-01"/>"#
        }
        let (diagnostics, _) = load(mission)
        let shown = diagnostics.filter { $0.code != "too-many-errors" }
        #expect(shown.count == 100)
        #expect(shown.allSatisfy { $0.code == "unknown-reference" })
        #expect(shown.map(\.location.line) == Array(3...102))
        #expect(diagnostics.last?.message.hasPrefix("200 more errors ") == true)
    }

    @Test func warningsPastTheCapAreSummarizedInAWarning() {
        // Three missions, each launching its own element f0, f1 or f2 and needing the same 100 elements that no
        // launch carries: 300 never-launched warnings.
        let needs = (1...100).map { #"<needs element="e\#($0)"/>"# }.joined()
        let missions = (0..<3).map { m in
            #"<mission id="x\#(m)" name="m" body="moon" transit-days="5" duration-days="20">"#
                + #"<launch id="lx\#(m)" vehicle="heavy" destination="tli"><payload element="f\#(m)"/></launch>"#
                + #"<objective id="ox\#(m)" name="o">\#(needs)</objective></mission>"#
        }
        let elements = ((0...100).map { "e\($0)" } + (0..<3).map { "f\($0)" }).map {
            #"<element id="\#($0)" design="capsule" agency="alpha" start="2026-01-01"/>"#
        }
        let text =
            #"<?xml version="1.0"?>"# + "\n"
            + #"<campaign id="h" name="H" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
            + (elements + missions).joined(separator: "\n") + "\n</campaign>\n"
        let (diagnostics, _) = load(Array(text.utf8))
        #expect(diagnostics.filter { $0.code == "never-launched" }.count == 100)
        let summary = diagnostics.first { $0.code == "too-many-errors" }
        #expect(summary?.severity == .warning, "only warnings were left out: the file stays valid")
        #expect(summary?.message.hasPrefix("200 more warnings ") == true, "\(summary?.message ?? "")")
        #expect(!diagnostics.containsErrors)
    }

    @Test func nineThousandUnknownReferencesInOneAttributeAreCheckedInUnderASecond() {
        // One `after` list at the value limit (64 KiB) of unknown mission ids, about 9,000 of them; the CPU bound
        // is loose for a debug build (the release build checks a 16 MiB file of 2 million in a fraction of it).
        let ids = (0..<9_000).map { "z\($0)" }.joined(separator: " ")
        let (diagnostics, cpu) = load(campaign(elements: 1, { _ in "" }, after: #" after="\#(ids)""#))
        #expect(diagnostics.filter { $0.code == "unknown-reference" }.count == 100)
        let summary = diagnostics.first { $0.code == "too-many-errors" }
        // 9,000 unknown missions and e0, unknown twice (the campaign has no element): 9,002, 100 shown.
        #expect(summary?.message.hasPrefix("8902 more errors ") == true, "\(diagnostics.prefix(3))")
        #expect(cpu < .seconds(1), "took \(cpu)")
    }
}
