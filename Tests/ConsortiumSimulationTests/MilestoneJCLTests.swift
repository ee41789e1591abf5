import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation
import Foundation
import Testing

/// NPR 7120.5's joint confidence level: the probability of meeting a stated milestone by a date with the
/// spending up to it within a budget.
struct MilestoneJCLTests {
    /// Agency "a" builds x (triangular 50/100/150 days) and y (100/150/200 days), each paying a standing
    /// army of 1 MUSD a day and nothing else, so each costs its drawn duration; they fly together on launch
    /// "l" (price 10) as soon as both are built. After the launch a programme cost of 1 MUSD a day runs to the
    /// campaign's end (a 100-day mission): spending after the milestone, which its JCL must leave out.
    static func plan(milestone: String = "l") throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Fixture.design("x", days: 100, cost: 100, armyPerMonth: 30.4375, range: (50, 100, 150))
                + Fixture.design("y", days: 150, cost: 150, armyPerMonth: 30.4375, range: (100, 150, 200)),
            vehicles: Fixture.vehicle("rocket", price: 10))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <fixed-cost id="ops" name="Ops" agency="a" musd-per-year="365.25" from="launch:l" until="end"/>
                <element id="x-1" design="x" agency="a" start="2026-01-01"/>
                <element id="y-1" design="y" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="0" duration-days="100">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="x-1"/><payload element="y-1"/></launch>
                  <objective id="o" name="O"><needs element="x-1"/><needs element="y-1"/></objective>
                </mission>
                """)
        var plan = try fixture.plan("c")
        plan.milestone = plan.milestone(named: milestone)
        return plan
    }

    /// The CDF of the triangular distribution (low, mode, high).
    static func triangularCDF(_ x: Double, _ low: Double, _ mode: Double, _ high: Double) -> Double {
        if x <= low { return 0 }
        if x >= high { return 1 }
        if x <= mode { return (x - low) * (x - low) / ((high - low) * (mode - low)) }
        return 1 - (high - x) * (high - x) / ((high - low) * (high - mode))
    }

    /// Each trial: the launch flies on day max(T1, T2) and the spending to it is T1 + T2 + 10 (both armies and
    /// the launch), without the 100 MUSD of programme cost after it.
    @Test func theSpendingToTheMilestoneIsWhatRanUntilThatDay() throws {
        let plan = try Self.plan()
        for trial in 0..<10 {
            let outcome = try runTrial(plan, trial: UInt64(trial))
            let t1 = try #require(outcome.elements[0].deliveredDay)
            let t2 = try #require(outcome.elements[1].deliveredDay)
            let day = try #require(outcome.milestoneDay)
            let cost = try #require(outcome.milestoneCost)
            #expect(abs(day - max(t1, t2)) < 1e-9)
            #expect(abs(cost - (t1 + t2 + 10)) < 1e-6, "trial \(trial): \(cost) against \(t1 + t2 + 10)")
            #expect(abs(outcome.ledger.grandTotal - (cost + 100)) < 1e-6)
        }
        // The objective as milestone: the same day (no completion days) and the same spending.
        let objective = try Self.plan(milestone: "o")
        let outcome = try runTrial(objective, trial: 3)
        let launch = try runTrial(plan, trial: 3)
        #expect(outcome.milestoneDay == launch.milestoneDay && outcome.milestoneCost == launch.milestoneCost)
    }

    /// Hand-built bivariate case: JCL(d = day 160, b = 250 MUSD) = P(max(T1, T2) <= 160 and T1 + T2 + 10 <=
    /// 250) = integral over t1 <= 160 of f1(t1) F2(min(160, 240 - t1)), computed here by quadrature from the
    /// two triangular distributions alone (0.3457; 0.3463 by a 2,000,000-draw check in Python). The simulated JCL over 4,000 trials lies within three
    /// standard errors (0.023). The date alone is P(T1 <= 160) P(T2 <= 160).
    @Test func theJCLOfAHandBuiltBivariateCaseMatchesItsIntegral() throws {
        let (d, b) = (160.0, 250.0)
        let steps = 200_000
        var expected = 0.0
        var previous = 0.0
        for i in 1...steps {
            let t1 = 50 + 100 * Double(i) / Double(steps)
            let cdf = Self.triangularCDF(t1, 50, 100, 150)
            let mid = t1 - 50 / Double(steps)
            if mid <= d { expected += (cdf - previous) * Self.triangularCDF(min(d, b - 10 - mid), 100, 150, 200) }
            previous = cdf
        }
        let dateOnly = Self.triangularCDF(d, 50, 100, 150) * Self.triangularCDF(d, 100, 150, 200)
        let trials = 4000
        let result = try MonteCarlo.run(
            try Self.plan(), MonteCarloOptions(trials: trials, seed: 7, threads: 2, targetDay: d, targetBudgetMUSD: b))
        let confidence = try #require(result.milestone)
        let tolerance = 3 * (expected * (1 - expected) / Double(trials)).squareRoot()
        #expect(abs(expected - 0.3457) < 0.001, "quadrature \(expected)")
        #expect(abs(confidence.joint.value - expected) < tolerance, "JCL \(confidence.joint.value) against \(expected)")
        #expect(
            abs(confidence.meetsTargetDate.value - dateOnly) < 3
                * (dateOnly * (1 - dateOnly) / Double(trials)).squareRoot())
        #expect(confidence.met.value == 1)
        // The whole campaign's JCL at the same targets counts the 100 MUSD after the launch and the mission's
        // 100 days: a different, lower figure.
        #expect(result.jointConfidence.value < confidence.joint.value)
        #expect(!confidence.frontier.isEmpty)
    }

    /// A key milestone that names nothing is an error at its attribute, with the likely id.
    @Test func aKeyMilestoneNamingNothingIsRefusedWithAHint() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("x", days: 10), vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.oneLaunch([("x-1", "x", "a")])
            .replacingOccurrences(of: #"start="2026-01-01">"#, with: #"start="2026-01-01" key-milestone="oo">"#)
        #expect(fixture.missions["c"]!.contains("key-milestone"))
        do {
            _ = try fixture.load()
            Issue.record("a key-milestone naming nothing was accepted")
        } catch let error as FixtureError {
            let diagnostic = try #require(error.diagnostics.first { $0.message.contains("key-milestone 'oo'") })
            #expect(diagnostic.hint?.contains("'o'") == true, "\(diagnostic)")
        }
    }
}
