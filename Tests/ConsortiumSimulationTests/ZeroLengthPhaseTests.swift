import ConsortiumModel
import ConsortiumSimulation
import Testing

/// A phase of zero days (buying finished hardware) costs what it says, booked the day it happens.
struct ZeroLengthPhaseTests {
    /// A design of the given (days, MUSD) phases, all degenerate three-point estimates.
    static func design(_ id: String, phases: [(days: Double, cost: Double)]) -> String {
        let body = phases.enumerated().map { k, phase in
            """
            <phase name="p\(k)"><duration-days min="\(phase.days)" likely="\(phase.days)" max="\(phase.days)"/>
            <cost-musd min="\(phase.cost)" likely="\(phase.cost)" max="\(phase.cost)"/></phase>
            """
        }
        return """
            <design id="\(id)" name="Design \(id)" kind="habitat" mass-kg="1000" reliability="1">
            \(body.joined(separator: "\n"))
            </design>
            """
    }

    static func outcome(_ phases: [(days: Double, cost: Double)]) throws -> (SimulationPlan, TrialOutcome) {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: design("bought", phases: phases), vehicles: Fixture.vehicle("rocket", price: 100))
        fixture.missions["c"] = Fixture.oneLaunch([("hw-1", "bought", "a")])
        let plan = try fixture.plan("c")
        return (plan, try runTrial(plan))
    }

    /// The ledger's invariants: its totals are the sums of its entries, category by category, and the
    /// grand total is the sum over categories.
    static func expectBalanced(_ ledger: Ledger, agency a: Int) {
        for category in CostCategory.allCases {
            let entries = ledger.entries.filter { $0.agency == a && $0.category == category }.map(\.amountMUSD)
            #expect(abs(entries.reduce(0, +) - ledger.total(agency: a, category: category)) < 1e-9, "\(category)")
        }
        let byCategory = CostCategory.allCases.map { ledger.total(agency: a, category: $0) }.reduce(0, +)
        #expect(abs(ledger.grandTotal - byCategory) < 1e-9)
    }

    /// Hand-computed: one element whose only phase takes 0 days and costs 500 MUSD, on a 100-MUSD launch
    /// (no integration cost in the deterministic assumptions). It is bought on day 0 and flies on day 0:
    /// development 500, launch 100, total 600, all in FY2026 (the campaign starts 2026-01-01).
    @Test func buyingFinishedHardwareCostsItsPrice() throws {
        let (plan, outcome) = try Self.outcome([(0, 500)])
        let a = try #require(plan.agencies.firstIndex { $0.id == "a" })
        #expect(outcome.ledger.total(agency: a, category: .development) == 500)
        #expect(outcome.ledger.total(agency: a, category: .launch) == 100)
        #expect(outcome.ledger.grandTotal == 600)
        let development = outcome.ledger.entries.filter { $0.category == .development }
        #expect(development.map(\.amountMUSD) == [500])
        #expect(development.first?.element == 0)
        #expect(development.first?.fiscalYear == 2026)
        #expect(outcome.elements[0].deliveredDay == 0)
        #expect(outcome.objectives[0].achieved)
        Self.expectBalanced(outcome.ledger, agency: a)
    }

    /// A 100-day, 100-MUSD build followed by a 0-day, 500-MUSD purchase: 600 MUSD of development, delivered
    /// on day 100 (the purchase adds no time).
    @Test func aZeroLengthPhaseAfterAnotherAddsItsCostAndNoTime() throws {
        let (plan, outcome) = try Self.outcome([(100, 100), (0, 500)])
        let a = try #require(plan.agencies.firstIndex { $0.id == "a" })
        #expect(abs(outcome.ledger.total(agency: a, category: .development) - 600) < 1e-9)
        #expect(outcome.elements[0].deliveredDay == 100)
        Self.expectBalanced(outcome.ledger, agency: a)
    }
}
