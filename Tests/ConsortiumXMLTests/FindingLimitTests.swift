import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

/// Semantic findings are capped per file like schema errors: a hostile file cannot make millions of them.
extension InvalidCorpusTests {
    /// The test campaign with `count` more elements, each naming an agency that does not exist.
    static func miniWithUnknownAgencies(_ count: Int) throws -> Data {
        let url = TestLibrary.corpus.appendingPathComponent("valid/Missions/mini.xml")
        var text = try String(contentsOf: url, encoding: .utf8)
        let anchor = try #require(text.range(of: #"  <element id="capsule-1""#))
        let extra = (0..<count).map {
            #"  <element id="x\#($0)" design="capsule" agency="nobody\#($0)" start="2026-01-01"/>"# + "\n"
        }
        text.insert(contentsOf: extra.joined(), at: anchor.lowerBound)
        return Data(text.utf8)
    }

    @Test func theFirstHundredFindingsOfAFileAreShownAndTheRestCounted() throws {
        let (outcome, _) = try load(Self.miniWithUnknownAgencies(150), at: "Missions/mini.xml")
        let unknown = outcome.diagnostics.filter { $0.code == "unknown-reference" }
        #expect(unknown.count == 100, "\(unknown.count) unknown-reference findings")
        let summary = try #require(outcome.diagnostics.first { $0.code == "too-many-errors" })
        #expect(summary.message == "50 more problems from here on are not shown (the first 100 are)")
        // The 101st element is on line 110: ten lines of the file come before the first inserted one.
        #expect(summary.location.file == "Missions/mini.xml")
        #expect(summary.location.line == 110, "\(summary.location)")
    }

    @Test func fiftyThousandUnknownReferencesAreCheckedQuickly() throws {
        let (outcome, elapsed) = try load(Self.miniWithUnknownAgencies(50_000), at: "Missions/mini.xml")
        #expect(outcome.diagnostics.count < 200, "\(outcome.diagnostics.count) diagnostics")
        #expect(outcome.diagnostics.contains { $0.code == "too-many-errors" })
        // Debug build, CPU time of the loading thread; 50,000 unknown agencies took over 5 s before the cap.
        #expect(elapsed < .seconds(3), "took \(elapsed)")
    }
}
