import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// Partners and programmes as they really end: withdrawals that stop all work, cancelled launches that
/// never fly, re-manifests, alternates, substitutions and programmatic hazards. Each test states the
/// arithmetic its expectation comes from. Days count from 2026-01-01 (2027-01-01 is day 365).
struct PartnerProgrammeTests {
    static let standards = """
        <standard id="std" name="Shared standard" function="docking" published="true"><revision id="a"/></standard>
        <standard id="custom" name="Bespoke interface" function="docking" published="false"><revision id="a"/></standard>
        """

    static func scenario(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <scenario id="s" name="What if" campaign="c">
        \(body)
        </scenario>
        """
    }

    static func index(_ plan: SimulationPlan, element id: String) throws -> Int {
        try #require(plan.elements.firstIndex { $0.id.rawValue == id })
    }

    static func index(_ plan: SimulationPlan, agency id: String) throws -> Int {
        try #require(plan.agencies.firstIndex { $0.id.rawValue == id })
    }

    static func index(_ plan: SimulationPlan, launch id: String) throws -> Int {
        try #require(plan.launches.firstIndex { $0.id.rawValue == id })
    }

    /// a builds a 100-day habitat for a launch on b's rocket; b builds nothing.
    static func onPartnerRocket(launchExtra: String = "", more: String = "") -> Fixture {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Fixture.design("hab", days: 100) + Fixture.design("depot", days: 1000)
                + Fixture.design("probe", days: 10),
            vehicles: Fixture.vehicle("rocket-a", price: 70))
        fixture.agencies["b"] = Fixture.agency("b", vehicles: Fixture.vehicle("rocket-b", price: 100))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                \(more.isEmpty ? "" : #"<element id="depot-1" design="depot" agency="a" start="2026-01-01"/><element id="probe-1" design="probe" agency="a" start="2026-01-01"/>"#)
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket-b" destination="tli"><payload element="hab-1"/>\(launchExtra)</launch>
                  \(more.isEmpty ? "" : #"<launch id="l2" vehicle="rocket-a" destination="tli"><payload element="depot-1"/></launch>"#)
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                  \(more.isEmpty ? "" : #"<objective id="o2" name="O2"><needs element="depot-1"/></objective>"#)
                </mission>
                \(more)
                """)
        return fixture
    }

    /// The habitat is delivered on day 100 and integrated for 90 days (to day 190). b, the rocket's owner,
    /// withdraws on day 150 (2026-05-31) with nobody to take over: the launch is cancelled in integration
    /// and never flies: no attempt, no launch price (the old code still flew it on day 190 and booked 100).
    @Test func aWithdrawalDuringIntegrationLeavesNoLaunchThatFlies() throws {
        var fixture = Self.onPartnerRocket()
        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2026-05-31"/>"#)
        var assumptions = ModelAssumptions.deterministic
        assumptions.integrationDays = 90
        let plan = try fixture.plan("c", scenario: "s", assumptions: assumptions)
        let outcome = try runTrial(plan)
        #expect(outcome.launchAttempts[0] == 0)
        #expect(outcome.elements[0].launchedDay == nil)
        let a = try Self.index(plan, agency: "a")
        #expect(outcome.ledger.total(agency: a, category: .launch) == 0)
        #expect(!outcome.objectives[0].achieved && outcome.objectives[0].cause == .partnerWithdrawal)
        // The loss is dated at the withdrawal, not at the end of the trial.
        #expect(outcome.objectives[0].lostDay == 150)
    }

    /// Mission m has two launches: l (habitat, on b's rocket) and l2 (a 1000-day depot on a's rocket);
    /// mission n comes after m and carries a 10-day probe. b withdraws on day 150 while l is integrated:
    /// l is cancelled and closes m once, so n still waits for l2, which launches on day 1090 (1000 + 90
    /// days of integration) and arrives on day 1095: the probe flies on day 1095. The old code flew the
    /// cancelled launch on day 190 and closed m a second time, releasing the probe on day 195.
    @Test func aCancelledLaunchNeverFliesAndClosesItsMissionOnce() throws {
        var fixture = Self.onPartnerRocket(
            more: """
                <mission id="n" name="N" body="moon" after="m" transit-days="5" duration-days="0">
                  <launch id="l3" vehicle="rocket-a" destination="tli"><payload element="probe-1"/></launch>
                  <objective id="o3" name="O3"><needs element="probe-1"/></objective>
                </mission>
                """)
        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2026-05-31"/>"#)
        var assumptions = ModelAssumptions.deterministic
        assumptions.integrationDays = 90
        let plan = try fixture.plan("c", scenario: "s", assumptions: assumptions)
        let outcome = try runTrial(plan)
        let probe = try Self.index(plan, element: "probe-1")
        let depot = try Self.index(plan, element: "depot-1")
        #expect(outcome.launchAttempts[try Self.index(plan, launch: "l")] == 0)
        #expect(outcome.elements[depot].inPlaceDay == 1095)
        #expect(outcome.elements[probe].launchedDay == 1095)
    }

    /// b's 200-day, 100 MUSD module is delivered to a on day 200, a's 250-day habitat on day 250; the bespoke
    /// interface always fails verification (probability 1): verified 250-310, reworked by b 310-340 (booked
    /// in FY2026), verified again from day 340. b withdraws on 2027-01-01 (day 365) with no replacement:
    /// the module stays with its consumer a, the verification restarts 20 days later, and every later
    /// rework is a's. b books nothing in FY2027 or later; the old code booked b's rework on day 400.
    @Test func aWithdrawalStopsTheLeaversRework() throws {
        var fixture = Fixture()
        let interfaces = #"<provides standard="custom" revision="a"/>"#
        fixture.agencies["a"] = Fixture.agency(
            "a", extra: Self.standards, designs: Fixture.design("hab", days: 250, interfaces: interfaces),
            vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency(
            "b", designs: Fixture.design("module", days: 200, interfaces: interfaces))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="module-1" design="module" agency="b" start="2026-01-01"/>
                <contract id="k" provider="b" consumer="a" element="module-1" counterpart="hab-1" standard="custom"
                          revision="a" need-by="2027-06-01" verification-days="60"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="module-1"/></objective>
                </mission>
                """)
        fixture.missions["s"] = Self.scenario(
            #"<monte-carlo trials="1" seed="1" horizon="2031-01-01"/><withdraw agency="b" date="2027-01-01" transfer-days="20"/>"#
        )
        var assumptions = ModelAssumptions.deterministic
        assumptions.reworkProbabilityBespoke = 1
        let plan = try fixture.plan("c", scenario: "s", assumptions: assumptions)
        let outcome = try runTrial(plan)
        let a = try Self.index(plan, agency: "a")
        let b = try Self.index(plan, agency: "b")
        let from2027 = 2027 - outcome.ledger.firstFiscalYear
        var after = 0.0
        for year in from2027..<outcome.ledger.yearCount {
            for category in CostCategory.allCases {
                after += outcome.ledger.total(agency: b, category: category, yearIndex: year)
            }
        }
        #expect(after == 0, "b booked \(after) MUSD after it left")
        // b paid its 100 MUSD development (the fixture's cost) and one rework (15 % of 100): 115 in all.
        #expect(abs(outcome.ledger.total(agency: b) - 115) < 1e-9)
        // a carries the reworks after the withdrawal.
        #expect(outcome.ledger.total(agency: a, category: .integration) > 0)
        #expect(outcome.elements[try Self.index(plan, element: "module-1")].agency == a)
    }

    /// b's 100-day module (100 MUSD) is delivered on day 100; a's 300-day habitat on day 300, when the
    /// launch flies and fails (forced). b withdrew on day 200 with no replacement: the delivered module
    /// stays, and its rebuild (half the development: 50 days) is the lead a's, in parallel with the
    /// habitat's (150 days): the second attempt flies on day 450 and arrives on day 455. b pays only its
    /// 100 MUSD. The old code left the rebuild with b at zero funding, and the trial never finished.
    @Test func aWithdrawalStopsTheLeaversRebuild() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 300, cost: 300),
            vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("module", days: 100, cost: 100))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a"), ("module-1", "module", "b")], transit: 5)
        fixture.missions["s"] = Self.scenario(
            #"<withdraw agency="b" date="2026-07-20"/><launch-failure launch="l" attempt="1"/>"#)
        var assumptions = ModelAssumptions.deterministic
        assumptions.launchFailureStandDownDays = [0]
        let plan = try fixture.plan("c", scenario: "s", assumptions: assumptions)
        let outcome = try runTrial(plan)
        let b = try Self.index(plan, agency: "b")
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 455)
        #expect(abs(outcome.ledger.total(agency: b) - 100) < 1e-9)
        #expect(outcome.elements[try Self.index(plan, element: "module-1")].agency == 0)
        #expect(!outcome.reachedHorizon)
    }

    /// b's 400-day module is half built on day 200, when b withdraws to a (transfer 10 days). By default
    /// (`takeover-restarts` 1) a starts a new build from the first phase: 400 days from day 210, delivered on
    /// day 610. With `takeover-restarts` 0 a taker that declares the module's kind resumes the remaining 200
    /// days (day 410), and one that does not still builds anew (day 610). Before, every taker resumed, so
    /// losing a partner could even make the element earlier.
    @Test(arguments: [(true, 1, 610.0), (true, 0, 410.0), (false, 0, 610.0), (false, 1, 610.0)])
    func aTakerStartsANewBuild(capable: Bool, restarts: Int, delivered: Double) throws {
        var fixture = Fixture()
        let capability = capable ? #"<capability kind="habitat" cost-factor="1" schedule-factor="1"/>"# : ""
        fixture.agencies["a"] = Fixture.agency("a", extra: capability, vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("module", days: 400))
        fixture.missions["c"] = Fixture.oneLaunch([("module-1", "module", "b")], transit: 5)
        fixture.missions["s"] = Self.scenario(
            #"<withdraw agency="b" date="2026-07-20" replacement="a" transfer-days="10"/>"#)
        var assumptions = ModelAssumptions.deterministic
        assumptions.takeoverRestarts = restarts
        let plan = try fixture.plan("c", scenario: "s", assumptions: assumptions)
        #expect(plan.withdrawals.first?.day == 200)
        let outcome = try runTrial(plan)
        #expect(outcome.elements[0].deliveredDay == delivered)
        #expect(outcome.objectives[0].achieved)
    }

    /// b's module passes to a on b's withdrawal (day 30); a has no money (a zero funding line), so the trial stops at
    /// its horizon with the module not ready: the blocker names a, which builds it then, not b. It named b.
    @Test func aBlockerNamesTheAgencyBuildingTheElementAtTheHorizon() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("module", days: 400))
        fixture.missions["c"] = Fixture.oneLaunch(
            [("module-1", "module", "b")], transit: 5, funding: Fixture.funding("a", perYear: 0))
        fixture.missions["s"] = Self.scenario(
            #"<monte-carlo trials="1" seed="1" horizon="2030-01-01"/><withdraw agency="b" date="2026-01-31" replacement="a" transfer-days="10"/>"#
        )
        let plan = try fixture.plan("c", scenario: "s")
        let outcome = try runTrial(plan)
        #expect(outcome.reachedHorizon)
        let texts = outcome.blockers.map { $0.text(in: plan) }
        #expect(texts.contains { $0.contains("element module-1 (a) is not ready") }, "\(texts)")
        #expect(!texts.contains { $0.contains("(b)") }, "\(texts)")
    }

    /// A 365.25 MUSD/year (1 MUSD/day) common cost over 2026-2027 (730 days), fixed shares a 60 %, b 40 %.
    /// b leaves on 2027-01-01 (day 365): b pays 0.4 x 365 = 146; a pays 0.6 x 365 + 365 = 584.
    @Test func theLeaverPaysNoCommonCostAfterItLeaves() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b")
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <cost-sharing policy="fixed-shares">
                  <share agency="a" percent="60"/><share agency="b" percent="40"/>
                  <common-cost id="ops" name="Ops" musd-per-year="365.25" from="2026-01-01" to="2028-01-01"/>
                </cost-sharing>
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                </mission>
                """)
        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2027-01-01"/>"#)
        let plan = try fixture.plan("c", scenario: "s")
        let outcome = try runTrial(plan)
        let a = try Self.index(plan, agency: "a")
        let b = try Self.index(plan, agency: "b")
        #expect(abs(outcome.ledger.total(agency: b, category: .common) - 146) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: a, category: .common) - 584) < 1e-9)
        // Without the withdrawal b pays 40 % of 730.
        let base = try runTrial(try fixture.plan("c"))
        #expect(abs(base.ledger.total(agency: b, category: .common) - 292) < 1e-9)
    }

    /// a's 100-day habitat (objective o) and b's 300-day module (objective o2, alone) share a launch. b
    /// leaves on day 50 with no replacement: the module is cancelled, and the habitat flies alone on day
    /// 100 (it still serves o). The old code cancelled the whole launch.
    @Test func aCancelledCoManifestedModuleLeavesTheRestFlying() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("module", days: 300))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="module-1" design="module" agency="b" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                  <objective id="o2" name="O2"><needs element="module-1"/></objective>
                </mission>
                """)
        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2026-02-20"/>"#)
        let plan = try fixture.plan("c", scenario: "s")
        let outcome = try runTrial(plan)
        #expect(outcome.elements[0].launchedDay == 100)
        #expect(outcome.objectives[0].achieved && outcome.objectives[0].day == 105)
        #expect(!outcome.objectives[1].achieved && outcome.objectives[1].cause == .partnerWithdrawal)
        #expect(outcome.objectives[1].lostDay == 50)
    }

    /// The habitat's launch is on b's rocket with a's rocket as alternate. b leaves on day 50: the launch
    /// moves to rocket-a, not before 50 + 200 days of re-manifest = day 250, and pays rocket-a's 70.
    @Test func anAlternateVehicleIsUsedAfterTheOwnersWithdrawal() throws {
        var fixture = Self.onPartnerRocket(launchExtra: #"<alternate vehicle="rocket-a"/>"#)
        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2026-02-20"/>"#)
        var assumptions = ModelAssumptions.deterministic
        assumptions.remanifestDays = 200
        let plan = try fixture.plan("c", scenario: "s", assumptions: assumptions)
        let outcome = try runTrial(plan)
        #expect(outcome.elements[0].launchedDay == 250)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.ledger.total(agency: 0, category: .launch) == 70)
    }

    /// No alternate, but the scenario substitutes rocket-a from day 100 (2026-04-11): the launch that lost
    /// its vehicle on day 50 waits for it, then flies no earlier than 100 + 200 = day 300. Without the
    /// substitution it is cancelled.
    @Test func aScenarioSubstitutionMovesTheLaunch() throws {
        var fixture = Self.onPartnerRocket()
        fixture.missions["s"] = Self.scenario(
            #"<withdraw agency="b" date="2026-02-20"/><substitute launch="l" vehicle="rocket-a" from="2026-04-11"/>"#)
        var assumptions = ModelAssumptions.deterministic
        assumptions.remanifestDays = 200
        let outcome = try runTrial(try fixture.plan("c", scenario: "s", assumptions: assumptions))
        #expect(outcome.elements[0].launchedDay == 300)
        #expect(outcome.ledger.total(agency: 0, category: .launch) == 70)

        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2026-02-20"/>"#)
        let cancelled = try runTrial(try fixture.plan("c", scenario: "s", assumptions: assumptions))
        #expect(cancelled.elements[0].launchedDay == nil)
        #expect(cancelled.objectives[0].cause == .partnerWithdrawal)
    }

    /// A cancellation hazard of 0.3 a year strikes within the first year with probability 1 - exp(-0.3) =
    /// 0.2592. Over 2000 trials the share has a binomial standard error of sqrt(0.2592 x 0.7408 / 2000) =
    /// 0.0098; the tolerance is 4 of them. A trial cancelled before the 1000-day depot is in place loses
    /// its objective as "programme cancelled".
    @Test func aHazardStrikesWithinAYearInOneMinusExpMinusRateOfTrials() throws {
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
                <hazard kind="cancellation" per-year="0.3" estimate="true"/>
                """)
        let plan = try fixture.plan("c")
        var runner = TrialRunner(plan: plan, seed: 7)
        let trials = 2000
        var withinAYear = 0
        for t in 0..<trials {
            let outcome = try runner.run(trial: UInt64(t))
            let day = outcome.hazardDays[0]
            if let day, day < 365.25 { withinAYear += 1 }
            if let day, day < 1000 {
                #expect(outcome.objectives[0].cause == .programmeCancelled)
                #expect(outcome.objectives[0].lostDay == day)
                #expect(outcome.launchAttempts[0] == 0)
            } else {
                #expect(outcome.objectives[0].achieved)
            }
        }
        let expected = 1 - exp(-0.3)
        let share = Double(withinAYear) / Double(trials)
        #expect(abs(share - expected) < 4 * (expected * (1 - expected) / Double(trials)).squareRoot())

        // The scenario's <hazards factor="0"/> (what `whatif --hazards off` adds) turns it off.
        fixture.missions["s"] = Self.scenario(#"<hazards factor="0"/>"#)
        let off = try fixture.plan("c", scenario: "s")
        #expect(off.hazards[0].perYear == 0)
        var quiet = TrialRunner(plan: off, seed: 7)
        for t in 0..<200 {
            let outcome = try quiet.run(trial: UInt64(t))
            #expect(outcome.hazardDays[0] == nil && outcome.objectives[0].achieved)
        }
        // x2 doubles the rate.
        fixture.missions["s"] = Self.scenario(#"<hazards kind="cancellation" factor="2"/>"#)
        #expect(try fixture.plan("c", scenario: "s").hazards[0].perYear == 0.6)
    }

    /// a's 100-day habitat and b's 3000-day module on one launch; b has a partner-exit hazard of 1 a year,
    /// with r as its taker (transfer 30 days).
    static func exitHazardFixture() -> Fixture {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("module", days: 3000))
        fixture.agencies["r"] = Fixture.agency("r")
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="module-1" design="module" agency="b" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="module-1"/></objective>
                </mission>
                <hazard kind="partner-exit" agency="b" taker="r" per-year="1" transfer-days="30" estimate="true"/>
                """)
        return fixture
    }

    /// A partner-exit hazard is played as a withdrawal to its taker: with a certain-looking rate (1 a
    /// year) b leaves at the drawn day and r takes over its undelivered module.
    @Test func aPartnerExitHazardIsAWithdrawalToItsTaker() throws {
        let fixture = Self.exitHazardFixture()
        let plan = try fixture.plan("c")
        let b = try Self.index(plan, agency: "b")
        let r = try Self.index(plan, agency: "r")
        var runner = TrialRunner(plan: plan, seed: 3)
        for t in 0..<50 {
            let outcome = try runner.run(trial: UInt64(t))
            guard let day = outcome.hazardDays[0], day < 3000 else { continue }
            #expect(outcome.withdrawalDays[b] == day)
            #expect(outcome.elements[1].agency == r)
        }
    }

    /// A partner that left by a scenario's withdrawal (day 30) cannot exit again by its hazard: no trial
    /// prints a second exit, and the hazard is not counted as having struck after the withdrawal. Before, the
    /// hazard's line "hazard strikes" came years after the partner had gone.
    @Test func aPartnerThatLeftDoesNotExitAgain() throws {
        var fixture = Self.exitHazardFixture()
        fixture.missions["s"] = Self.scenario(#"<withdraw agency="b" date="2026-01-31" replacement="r"/>"#)
        let plan = try fixture.plan("c", scenario: "s")
        var runner = TrialRunner(plan: plan, seed: 3, recordsTrace: true)
        var late = 0
        for t in 0..<50 {
            let outcome = try runner.run(trial: UInt64(t))
            let exits = runner.trace.filter { $0.kind == .withdrawal && $0.detail.hasPrefix("hazard strikes") }
            #expect(exits.allSatisfy { $0.day <= 30 }, "trial \(t): \(exits.map(\.day))")
            if let day = outcome.hazardDays[0] {
                #expect(day <= 30)
            } else {
                late += 1
            }
        }
        // With a rate of 1 a year, most hazard days fall after day 30: the check is not vacuous.
        #expect(late > 40)
    }
}
