import ConsortiumModel
import ConsortiumSimulation
import Testing

/// The cost-loaded schedule: time-dependent costs run for as long as what they pay for does (a slipped
/// phase, a programme between two events, hardware waiting on the ground, an element in operation).
/// Rates are chosen as 1 MUSD a day (30.4375 MUSD a month, 365.25 MUSD a year) so costs equal days.
struct CostLoadedScheduleTests {
    /// One agency "a" with `designs` and a 100-MUSD rocket; campaign "c" of `body`.
    static func plan(designs: String, body: String) throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency("a", designs: designs, vehicles: Fixture.vehicle("rocket", price: 100))
        fixture.missions["c"] = Fixture.campaign("c", body: body)
        return try fixture.plan("c")
    }

    static func mission(transit: Double = 5, duration: Double = 10, earliest: String? = nil) -> String {
        let notBefore = earliest.map { #" earliest="\#($0)""# } ?? ""
        return """
            <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
            <mission id="m" name="M" body="moon" transit-days="\(transit)" duration-days="\(duration)">
              <launch id="l" vehicle="rocket" destination="tli"\(notBefore)><payload element="hab-1"/></launch>
              <objective id="o" name="O"><needs element="hab-1"/></objective>
            </mission>
            """
    }

    /// Hand-computed: a phase planned at 100 days and 100 MUSD, drawn between 100 and 200 days, with a
    /// standing army of 1 MUSD a day. Delivered on day T, it costs 100 + (T - 100): the days beyond the
    /// likely duration cost the army. (Before the cost-loaded schedule it cost 100 whatever its length.)
    @Test func aPhaseThatRunsLongerCostsItsStandingArmyForTheExtraDays() throws {
        let design = Fixture.design("hab", days: 100, cost: 100, armyPerMonth: 30.4375, range: (100, 100, 200))
        let plan = try Self.plan(designs: design, body: Self.mission())
        var slipped = 0
        for trial in 0..<8 {
            let outcome = try runTrial(plan, trial: UInt64(trial))
            let delivered = try #require(outcome.elements[0].deliveredDay)
            if delivered > 101 { slipped += 1 }
            let development = outcome.ledger.total(agency: 0, category: .development)
            #expect(abs(development - (100 + (delivered - 100))) < 1e-6, "trial \(trial): day \(delivered)")
        }
        #expect(slipped > 0, "some trial should draw a phase longer than its likely 100 days")
    }

    /// A phase drawn shorter than planned costs less: planned 100 days, drawn 50 to 100, army 1 MUSD a day.
    @Test func aPhaseThatRunsShorterSavesItsStandingArmy() throws {
        let design = Fixture.design("hab", days: 100, cost: 100, armyPerMonth: 30.4375, range: (50, 100, 100))
        let outcome = try runTrial(try Self.plan(designs: design, body: Self.mission()), trial: 3)
        let delivered = try #require(outcome.elements[0].deliveredDay)
        #expect(delivered < 100)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - delivered) < 1e-6)
    }

    /// Hand-computed: hab-1 is built in 100 days and launched on day 100; it arrives on day 105 (5 days of
    /// transit) and its mission lasts 10 days (the campaign ends on day 115). Three fixed costs of
    /// 1 MUSD a day: from the start to the launch's end (its arrival) costs 105; from the launch to the
    /// arrival, 5; from the arrival to the campaign's end, 10. A fourth tied to a launch that never happens
    /// ("l2" is not flown: its payload is never built) never starts.
    @Test func fixedCostsStartAndStopWithEvents() throws {
        let body =
            """
            <fixed-cost id="sustaining" name="Sustaining" agency="a" musd-per-year="365.25" from="start" until="launch:l"/>
            <fixed-cost id="flight" name="Flight" agency="a" musd-per-year="365.25" from="launch:l" until="arrival:hab-1"/>
            <fixed-cost id="ops" name="Ops" agency="a" musd-per-year="365.25" from="arrival:hab-1" until="end"/>
            """ + Self.mission()
        let plan = try Self.plan(designs: Fixture.design("hab", days: 100, cost: 100), body: body)
        let outcome = try runTrial(plan)
        let fixed = outcome.ledger.entries.filter { $0.category == .fixed }
        #expect(abs(fixed.map(\.amountMUSD).reduce(0, +) - 120) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: 0, category: .fixed) - 120) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - 100) < 1e-9)
    }

    /// Hand-computed: hab-1 is delivered on day 100 but its launch may not fly before 2026-07-20 (day 200):
    /// it waits 100 days at a storage cost of 1 MUSD a day, then stops costing storage when it flies.
    @Test func hardwareWaitingForItsLaunchCostsStorage() throws {
        let design = """
            <design id="hab" name="Hab" kind="habitat" mass-kg="1000" reliability="1" storage-musd-per-month="30.4375">
              <phase name="build"><duration-days min="100" likely="100" max="100"/><cost-musd min="100" likely="100" max="100"/></phase>
            </design>
            """
        let plan = try Self.plan(designs: design, body: Self.mission(earliest: "2026-07-20"))
        let outcome = try runTrial(plan)
        #expect(outcome.elements[0].deliveredDay == 100)
        #expect(abs(outcome.ledger.total(agency: 0, category: .storage) - 100) < 1e-9)
    }

    /// Hand-computed: hab-1 arrives on day 105 and operates to the campaign's end (its mission's 10 days
    /// later: the last mission's end) at 1 MUSD a day; a
    /// common cost of 1 MUSD a day from its arrival to the campaign's end adds 10 more, all to agency a.
    @Test func operationsRunFromArrivalToTheCampaignsEnd() throws {
        let design = """
            <design id="hab" name="Hab" kind="habitat" mass-kg="1000" reliability="1" operations-musd-per-year="365.25">
              <phase name="build"><duration-days min="100" likely="100" max="100"/><cost-musd min="100" likely="100" max="100"/></phase>
            </design>
            """
        let body =
            """
            <cost-sharing policy="who-builds-pays">
              <common-cost id="gw" name="Ops" musd-per-year="365.25" from="arrival:hab-1" to="end"/>
            </cost-sharing>
            """ + Self.mission()
        let outcome = try runTrial(try Self.plan(designs: design, body: body))
        #expect(abs(outcome.ledger.total(agency: 0, category: .operations) - 10) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: 0, category: .common) - 10) < 1e-9)
    }

    /// A design without a standing army takes the assumptions' time-dependent share of each phase's likely
    /// cost: at share 0.5, a 100-day, 100-MUSD phase has an army of 0.5 MUSD a day, so drawn at T days it
    /// costs 100 + 0.5 (T - 100).
    @Test func theTimeDependentShareAppliesWhereADesignStatesNoArmy() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100, cost: 100, range: (100, 100, 200)),
            vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.campaign("c", body: Self.mission())
        var assumptions = ModelAssumptions.deterministic
        assumptions.timeDependentShare = 0.5
        let plan = try fixture.plan("c", assumptions: assumptions)
        let outcome = try runTrial(plan, trial: 1)
        let delivered = try #require(outcome.elements[0].deliveredDay)
        #expect(delivered > 100)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - (100 + 0.5 * (delivered - 100))) < 1e-6)
    }
}
