import ConsortiumModel
import ConsortiumSimulation
import Testing

/// Hand-computed scenarios: each test states the arithmetic its expectation comes from.
struct CampaignRuleTests {
    static let dock = """
        <standard id="std" name="Shared standard" function="docking" published="true"><revision id="a"/></standard>
        <standard id="custom" name="Bespoke interface" function="docking" published="false"><revision id="a"/></standard>
        """

    /// Two elements, a contract between them, one launch: completion equals the critical path.
    @Test func aDeterministicChainCompletesOnItsCriticalPath() throws {
        let fixture = Fixture.chain()
        var assumptions = ModelAssumptions.deterministic
        assumptions.integrationDays = 40
        let outcome = try runTrial(try fixture.plan("c", assumptions: assumptions))
        // hab-1 is delivered on day 100, module-1 on day 200; the interface is verified 30 days later (230);
        // integration takes 40 (270); no windows, so it launches at once; transit 5 days: in place on day 275.
        #expect(outcome.elements[0].deliveredDay == 100)
        #expect(outcome.elements[1].deliveredDay == 200)
        #expect(outcome.elements[0].launchedDay == 270)
        #expect(outcome.objectives[0].achieved)
        let expected: Double = 200 + 30 + 40 + 5
        #expect(outcome.objectives[0].day == expected)
        #expect(outcome.missions[0].completionDay == expected + 10)
        let lateDays: Double = 200 - 151  // need-by 2026-06-01 is day 151
        #expect(outcome.contracts[0].lateDays == lateDays)
    }

    /// One phase of 100 days and 100 MUSD with a standing army of 0.3 MUSD/day, under a funding line of
    /// 0.65 MUSD/day (237.25 MUSD in the 365 days of FY2026): the variable part (100 - 0.3 * 100 = 70 MUSD, 0.7/day) is funded at
    /// (0.65 - 0.3) / 0.7 = 50 %, so the phase takes 200 days and costs 70 + 0.3 * 200 = 130 MUSD.
    @Test func aBudgetCapStretchesADevelopmentAndRaisesItsCost() throws {
        var fixture = Fixture()
        let armyPerMonth = 0.3 * 365.25 / 12
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100, cost: 100, armyPerMonth: armyPerMonth),
            vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.oneLaunch(
            [("hab-1", "hab", "a")], funding: Fixture.funding("a", perYear: 0.65 * 365))
        let outcome = try runTrial(try fixture.plan("c"))
        let delivered = try #require(outcome.elements[0].deliveredDay)
        #expect(abs(delivered - 200) < 1e-6)
        let development = outcome.ledger.total(agency: 0, category: .development)
        #expect(abs(development - 130) < 1e-6)
        #expect(abs(outcome.elements[0].stretchedDays - 200) < 1e-6)

        // Without a funding line the same phase takes 100 days and costs its nominal 100 MUSD.
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")])
        let free = try runTrial(try fixture.plan("c"))
        #expect(free.elements[0].deliveredDay == 100)
        #expect(abs(free.ledger.total(agency: 0, category: .development) - 100) < 1e-6)
    }

    /// Mars windows open every 779.9 days from the reference for 30 days. Ready on day 29 (inside the
    /// first window) it launches at once; ready on day 31, one day after the window closed, it waits for
    /// the next opening on day 779.9.
    @Test(arguments: [(29.0, 29.0), (31.0, 779.9), (779.0, 779.9), (800.0, 800.0)])
    func aMarsStackMissingItsWindowWaitsOneSynodicPeriod(ready: Double, launch: Double) throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("lander", days: ready), vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="mars" transit-days="259" duration-days="0">
                  <windows kind="mars" reference="2026-01-01" period-days="779.9" width-days="30"/>
                  <launch id="l" vehicle="rocket" destination="tmi"><payload element="lander-1"/></launch>
                  <objective id="o" name="O"><needs element="lander-1"/></objective>
                </mission>
                """)
        let outcome = try runTrial(try fixture.plan("c"))
        #expect(outcome.elements[0].launchedDay == launch)
        #expect(outcome.elements[0].inPlaceDay == launch + 259)
    }

    /// The rover (10 days) is delivered at once; the platform it flies with takes 5,000 days, past the
    /// 1,000-day horizon. The objective lists the rover first, but what holds it is the platform: the loss
    /// is "horizon reached (platform-1)". It named the rover, which waited for the launch.
    @Test func theHorizonLossNamesTheElementThatHeldTheObjective() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("rover", days: 10) + Fixture.design("platform", days: 5000),
            vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.oneLaunch([("rover-1", "rover", "a"), ("platform-1", "platform", "a")])
        var assumptions = ModelAssumptions.deterministic
        assumptions.defaultHorizonDays = 1000
        let plan = try fixture.plan("c", assumptions: assumptions)
        let outcome = try runTrial(plan)
        #expect(outcome.reachedHorizon)
        #expect(outcome.objectives[0].cause == .horizonReached)
        #expect(outcome.objectives[0].bindingElement == 1)
    }

    /// A probe (10 days, 100 MUSD) flies first and fails on arrival on day 15 (reliability 0); the orbiter
    /// that was to work with it (500 days, 500 MUSD at 1 MUSD a day, its own launch) serves no other
    /// objective, so its work stops that day: it never flies and costs 15 MUSD (115 in all), and the loss is
    /// the probe's. It was built for 500 MUSD and
    /// flown for an objective already lost.
    @Test func workStopsOnAnElementWhoseEveryObjectiveIsLost() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Fixture.design("probe", days: 10, reliability: 0)
                + Fixture.design("orbiter", days: 500, cost: 500),
            vehicles: Fixture.vehicle("rocket") + Fixture.vehicle("heavy"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="probe-1" design="probe" agency="a" start="2026-01-01"/>
                <element id="orbiter-1" design="orbiter" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-probe" vehicle="rocket" destination="tli"><payload element="probe-1"/></launch>
                  <launch id="l-orbiter" vehicle="heavy" destination="tli"><payload element="orbiter-1"/></launch>
                  <objective id="o" name="O"><needs element="orbiter-1"/><needs element="probe-1"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        let outcome = try runTrial(plan)
        #expect(outcome.launchAttempts[1] == 0)
        #expect(outcome.elements[1].launchedDay == nil)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - (100 + 15)) < 1e-9)
        #expect(outcome.objectives[0].cause == .elementFailure)
        #expect(outcome.objectives[0].bindingElement == 0)
    }

    static func withdrawalFixture(replacement: String?) -> Fixture {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency("a", vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("rover", days: 100, cost: 100))
        fixture.agencies["r"] = Fixture.agency(
            "r", extra: #"<capability kind="habitat" cost-factor="1.5" schedule-factor="1"/>"#)
        fixture.missions["c"] = Fixture.oneLaunch([("rover-1", "rover", "b")])
        let attribute = replacement.map { #" replacement="\#($0)" transfer-days="20""# } ?? ""
        fixture.missions["s"] = """
            <scenario id="s" name="B leaves" campaign="c">
              <withdraw agency="b" date="2026-02-20"\(attribute)/>
            </scenario>
            """
        return fixture
    }

    /// B withdraws on day 50 of a 100-day, 100 MUSD development (1 MUSD/day); B pays 50 MUSD. R takes over
    /// after 20 days at its cost factor 1.5 for habitats. By default (`takeover-restarts` 1) R builds it anew:
    /// 100 days from day 70 to day 170, 100 * 1.5 = 150 MUSD. With `takeover-restarts` 0 it finishes the
    /// remaining 50 days, from day 70 to day 120, 50 * 1.5 = 75 MUSD.
    @Test(arguments: [(1, 170.0, 150.0), (0, 120.0, 75.0)])
    func aWithdrawalWithAReplacementMovesTheWorkAndItsCost(restarts: Int, delivered: Double, cost: Double) throws {
        var assumptions = ModelAssumptions.deterministic
        assumptions.takeoverRestarts = restarts
        let plan = try Self.withdrawalFixture(replacement: "r").plan("c", scenario: "s", assumptions: assumptions)
        let outcome = try runTrial(plan)
        let b = plan.agencies.firstIndex { $0.id == "b" }!
        let r = plan.agencies.firstIndex { $0.id == "r" }!
        #expect(outcome.elements[0].deliveredDay == delivered)
        #expect(outcome.elements[0].agency == r)
        #expect(abs(outcome.ledger.total(agency: b, category: .development) - 50) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: r, category: .development) - cost) < 1e-9)
        #expect(outcome.objectives[0].achieved)
    }

    @Test func aWithdrawalWithoutReplacementCancelsTheElementAndLosesTheObjective() throws {
        let plan = try Self.withdrawalFixture(replacement: nil).plan("c", scenario: "s")
        let outcome = try runTrial(plan)
        #expect(outcome.elements[0].deliveredDay == nil)
        #expect(outcome.elements[0].cause == .partnerWithdrawal)
        #expect(!outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].cause == .partnerWithdrawal)
        #expect(abs(outcome.ledger.total(agency: plan.agencies.firstIndex { $0.id == "b" }!) - 50) < 1e-9)
    }

    /// A forced failure of attempt 1 on day 100: the vehicle stands down 365 days (to day 465; the fixture's
    /// record of stand-downs holds only that duration); the payload
    /// is rebuilt at half its 100 days (done on day 150) and flies on the first day the vehicle is free, 465.
    /// The launch is paid twice and the rebuild costs half the 100 MUSD development.
    @Test func aForcedLaunchFailureIsFollowedByARebuildAndASecondLaunch() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100, cost: 100),
            vehicles: Fixture.vehicle("rocket", price: 300))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="3" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli" rebuild-fraction="0.5"><payload element="hab-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                </mission>
                """)
        fixture.missions["s"] =
            #"<scenario id="s" name="Failure" campaign="c"><launch-failure launch="l" attempt="1"/></scenario>"#
        let outcome = try runTrial(try fixture.plan("c", scenario: "s"))
        #expect(outcome.launchAttempts[0] == 2)
        #expect(outcome.elements[0].launchedDay == 465)
        #expect(outcome.elements[0].inPlaceDay == 468)
        #expect(outcome.objectives[0].achieved)
        #expect(abs(outcome.ledger.total(agency: 0, category: .launch) - 600) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - 150) < 1e-9)
    }

    /// Over many trials a contract built to a published standard is reworked about 5 % of the time and a
    /// bespoke one about 20 % (the model's stated rates). With n = 3000 trials the standard error of a
    /// proportion p is sqrt(p(1-p)/n): 0.004 at 5 %, 0.007 at 20 %; we allow 5 standard errors.
    @Test func aSharedStandardIsReworkedLessOftenThanABespokeInterface() throws {
        func reworkRate(standard: String) throws -> Double {
            var fixture = Fixture()
            let interfaces = #"<provides standard="\#(standard)" revision="a"/>"#
            fixture.agencies["a"] = Fixture.agency(
                "a", extra: Self.dock,
                designs: Fixture.design("hab", days: 100, interfaces: interfaces)
                    + Fixture.design("module", days: 100, interfaces: interfaces),
                vehicles: Fixture.vehicle("rocket"))
            fixture.missions["c"] = Fixture.campaign(
                "c",
                body: """
                    <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                    <element id="module-1" design="module" agency="a" start="2026-01-01"/>
                    <contract id="k" provider="a" consumer="a" element="module-1" counterpart="hab-1" standard="\(standard)"
                              revision="a" need-by="2027-01-01" verification-days="30"/>
                    <mission id="m" name="M" body="moon" transit-days="0" duration-days="0">
                      <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                      <objective id="o" name="O"><needs element="hab-1"/></objective>
                    </mission>
                    """)
            let plan = try fixture.plan("c", assumptions: .fixture)
            var runner = TrialRunner(plan: plan, seed: 42)
            var reworked = 0
            let trials = 3000
            for t in 0..<trials where try runner.run(trial: UInt64(t)).contracts[0].verifications > 1 { reworked += 1 }
            return Double(reworked) / Double(trials)
        }
        let published = try reworkRate(standard: "std")
        let bespoke = try reworkRate(standard: "custom")
        #expect(abs(published - 0.05) < 5 * 0.004, "published-standard rework rate \(published)")
        #expect(abs(bespoke - 0.20) < 5 * 0.0073, "bespoke rework rate \(bespoke)")
        #expect(published < bespoke)
    }

    /// b withdraws on day 50 with no replacement: its habitat is cancelled, so the launch that was to carry
    /// it with a's 400-day, 400 MUSD module will not fly, and a stops building the module there and then.
    /// a pays 50 days of a 1 MUSD/day phase (50 MUSD), not the whole 400.
    @Test func aLostLaunchStopsWorkOnTheRestOfItsPayload() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("module", days: 400, cost: 400), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("hab", days: 300, cost: 300))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "b"), ("module-1", "module", "a")])
        fixture.missions["s"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scenario id="s" name="b leaves" campaign="c">
              <withdraw agency="b" date="2026-02-20"/>
            </scenario>
            """
        let plan = try fixture.plan("c", scenario: "s")
        let outcome = try runTrial(plan)
        let a = try #require(plan.agencies.firstIndex { $0.id == "a" })
        #expect(abs(outcome.ledger.total(agency: a) - 50) < 1e-6, "a paid \(outcome.ledger.total(agency: a))")
        let module = try #require(plan.elements.firstIndex { $0.id == "module-1" })
        #expect(outcome.elements[module].deliveredDay == nil)
        #expect(!outcome.objectives[0].achieved && outcome.objectives[0].cause == .partnerWithdrawal)
    }
}
