import ConsortiumModel
import ConsortiumSimulation
import Foundation
import Testing

/// A coalition of the cooperation game buys an outsider's element for cash: the outsider is no partner,
/// so its partner-exit hazard no longer applies (as its scenario withdrawals do not).
struct CoalitionHazardTests {
    /// a and b each build a module for one launch; the one objective needs both. b may leave (1 a year, no
    /// taker). The coalition {a} buys b's module for cash: its plan keeps the cancellation hazard and drops
    /// b's exit, so no trial loses the objective to a withdrawal. (Before the fix the outsider's exit still
    /// struck; in the bundled outpost-integrated-barter campaign, CSA's exit in a coalition without CSA
    /// stopped the run on a development-slot precondition.)
    @Test func aCoalitionDropsTheExitHazardOfAnOutsider() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 400), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("rover", days: 300))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="rover-1" design="rover" agency="b" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="rover-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="rover-1"/></objective>
                </mission>
                <hazard kind="partner-exit" agency="b" per-year="1" estimate="true"/>
                <hazard kind="cancellation" per-year="0.01" estimate="true"/>
                """)
        let plan = try fixture.plan("c")
        let a = try #require(plan.agencies.firstIndex { $0.id.rawValue == "a" })
        #expect(plan.hazards.count == 2)
        let alone = plan.coalition([a], outsidePremium: 1.5)
        #expect(alone.hazards.map(\.kind) == [.cancellation])
        var runner = TrialRunner(plan: alone, seed: 5)
        for t in 0..<200 {
            let outcome = try runner.run(trial: UInt64(t))
            #expect(outcome.objectives[0].cause != .partnerWithdrawal)
        }
    }

    /// Every coalition of the bundled integrated-barter campaign plays 200 trials. Regression: in the
    /// coalition {CSA} (CSA builds JAXA's rover too), trial 18 rebuilds the rover while its interface is in
    /// rework; CSA's exit then handed the rework, and the rover with it, to NASA while the rover still held
    /// CSA's development slot, and releasing it at NASA trapped on the slot precondition. A rebuild's rework
    /// now stays with the element, which the withdrawal releases and drops (or moves) like any unfinished work.
    @Test func everyCoalitionOfTheIntegratedBarterCampaignRuns() throws {
        let (_, plan) = try #require(Bundled.plans.first { $0.0 == "outpost-integrated-barter" })
        let players = plan.payingAgencies
        for mask in 1..<(1 << players.count) {
            let members = players.indices.filter { mask & (1 << $0) != 0 }.map { players[$0] }
            var runner = TrialRunner(plan: plan.coalition(members, outsidePremium: 1.5), seed: 1)
            for t in 0..<200 { _ = try runner.run(trial: UInt64(t)) }
        }
    }
}
