import ConsortiumModel
import ConsortiumSimulation
import Foundation
import Testing

/// A programmatic hazard in a campaign with a status date is drawn from the status date: what happened
/// before it is the record, and a hazard that had struck would be in it. The campaign starts on 2026-01-01
/// (day 0); the status date 2026-07-01 is day 181.
struct HazardStatusDateTests {
    static let statusDay: Double = 181

    /// A 1000-day depot started on 2026-01-01 with a cancellation hazard of 1 a year. Drawn from the campaign
    /// start, it would strike before the status date in 1 - exp(-181 / 365.25) = 39 % of trials; drawn from
    /// the status date it never does, and it strikes within a year after it with probability
    /// 1 - exp(-1) = 0.6321 (binomial standard error over 2000 trials sqrt(0.6321 x 0.3679 / 2000) = 0.0108;
    /// the tolerance is 4 of them).
    @Test func aHazardNeverStrikesBeforeTheStatusDate() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("depot", days: 1000), vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="depot-1" design="depot" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="depot-1"/></launch>
                  <objective id="o" name="O"><needs element="depot-1"/></objective>
                </mission>
                <hazard kind="cancellation" per-year="1" estimate="true"/>
                <status date="2026-07-01"/>
                """)
        let plan = try fixture.plan("c")
        var runner = TrialRunner(plan: plan, seed: 11)
        let trials = 2000
        var before = 0
        var withinAYear = 0
        for t in 0..<trials {
            let outcome = try runner.run(trial: UInt64(t))
            guard let day = outcome.hazardDays[0] else { continue }
            if day < Self.statusDay { before += 1 }
            if day < Self.statusDay + 365.25 { withinAYear += 1 }
            if let lost = outcome.objectives[0].lostDay { #expect(lost >= Self.statusDay) }
        }
        #expect(before == 0)
        let expected = 1 - exp(-1.0)
        let share = Double(withinAYear) / Double(trials)
        #expect(abs(share - expected) < 4 * (expected * (1 - expected) / Double(trials)).squareRoot())
    }
}
