import ConsortiumModel
import ConsortiumSimulation
import Foundation
import Testing

@testable import ConsortiumXML

/// Every whole number a schema accepts fits the model's `Int`, and the decoder reports any value it cannot
/// convert instead of dropping its element.
struct IntegerLimitTests {
    static func agency(concurrent: String = "2", growth: String = Self.plainGrowth) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <agency id="a" name="Agency a" kind="national-agency">
          <budget currency="USD" usd-per-unit="1" base-year="2026" fiscal-year-start-month="1"
                  max-concurrent-developments="\(concurrent)">
            <year fy="2020" amount-m="100"/>
          </budget>
          \(growth)
          <design id="hab" name="Hab" kind="habitat" mass-kg="1000" reliability="1">
            <phase name="build"><duration-days min="100" likely="100" max="100"/>
              <cost-musd min="100" likely="100" max="100"/></phase>
          </design>
          \(Fixture.vehicle("rocket"))
        </agency>
        """
    }

    static let plainGrowth = #"<growth cost-median="1" cost-p90="1" schedule-median="1" schedule-p90="1"/>"#

    static func load(_ agency: String, mission: String = Fixture.oneLaunch([("hab-1", "hab", "a")])) -> LoadOutcome {
        LibraryLoader().load(contents: [
            ("Agencies/a.xml", Array(agency.utf8)), ("Missions/c.xml", Array(mission.utf8)),
        ])
    }

    /// The 1-based line and column where `needle` starts in `text`.
    static func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: needle))
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].count + 1)
    }

    static func errors(_ outcome: LoadOutcome) -> [Diagnostic] {
        outcome.diagnostics.filter { $0.severity == .error }
    }

    /// `max-concurrent-developments="99999999999999999999"` passed the XSD (an unbounded positiveInteger)
    /// but no `Int` holds it: the whole <budget> was dropped without a word, and the agency built at full
    /// speed. It is now a schema error at the attribute.
    @Test func anIntegerNoIntHoldsIsALocatedError() throws {
        let text = Self.agency(concurrent: "99999999999999999999")
        let errors = Self.errors(Self.load(text))
        let at = try Self.position(of: "max-concurrent-developments=", in: text)
        let error = try #require(errors.first, "the 20-digit value was accepted")
        #expect(error.location.file == "Agencies/a.xml")
        #expect(error.location.line == at.line && error.location.column == at.column, "\(error)")
        #expect(error.message.contains("max-concurrent-developments"))
    }

    /// The largest value the schema allows loads, keeps its budget, and simulates.
    @Test func anIntegerAtTheMaximumLoadsAndSimulates() throws {
        let outcome = Self.load(
            Self.agency(concurrent: "\(ValueLimits.maximumCount)"),
            mission: Fixture.oneLaunch([("hab-1", "hab", "a")], funding: Fixture.funding("a", perYear: 100)))
        #expect(Self.errors(outcome).isEmpty, "\(Self.errors(outcome))")
        let library = outcome.library
        #expect(library.agency(AgencyID("a"))?.budget?.maxConcurrentDevelopments == ValueLimits.maximumCount)
        let plan = try SimulationPlan(
            library: library, campaign: try #require(library.campaign(CampaignID("c"))), assumptions: .deterministic)
        let trial = try runTrial(plan)
        // A 100 MUSD/year funding line stretches the 100 MUSD, 100-day build to 365.25 days (full pace: 100 days).
        #expect((trial.elements[0].deliveredDay ?? 0) > 100)
    }

    /// Every integer attribute of the three schemas has a maximum.
    @Test func everyIntegerTypeOfTheSchemasIsBounded() {
        for kind in FileKind.allCases {
            let text = kind.schemaText
            for base in ["xs:integer", "xs:positiveInteger", "xs:nonNegativeInteger", "xs:int", "xs:long"] {
                for use in text.ranges(of: "type=\"\(base)\"") {
                    Issue.record("\(kind): an attribute of type \(base) has no maximum at \(use)")
                }
                for restriction in text.ranges(of: "<xs:restriction base=\"\(base)\">") {
                    let rest = text[restriction.upperBound...]
                    let end = rest.range(of: "</xs:restriction>")!.lowerBound
                    #expect(rest[..<end].contains("maxInclusive"), "\(kind): a restriction of \(base) has no maximum")
                }
            }
        }
    }

    /// The decoder never returns "nothing" silently: a value it cannot convert is an error at the attribute.
    @Test func theDecoderReportsAValueItCannotHold() throws {
        let text = Self.agency(concurrent: "99999999999999999999")
        let tree = try #require(SafeParser.parse(bytes: Array(text.utf8), path: "Agencies/a.xml").root)
        let decoder = ModelDecoder()
        let agency = try #require(decoder.agency(tree))
        #expect(agency.budget == nil)
        let problem = try #require(decoder.problems.diagnostics.first)
        let at = try Self.position(of: "max-concurrent-developments=", in: text)
        #expect(problem.severity == .error && problem.code == "unreadable-value")
        #expect(problem.location.line == at.line && problem.location.column == at.column)
    }
}
