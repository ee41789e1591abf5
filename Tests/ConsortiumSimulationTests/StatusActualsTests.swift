import ConsortiumModel
import ConsortiumSimulation
import Foundation
import Testing

/// A campaign's status date and actuals: history is data, not a random draw. Every campaign here starts on
/// 2026-01-01 (day 0); the status date 2026-07-01 is day 181.
struct StatusActualsTests {
    static let statusDay: Double = 181

    /// One element "cap-1" (100 days, 100 MUSD, degenerate unless `range`), delivered on 2026-03-01 (day 59),
    /// launched on 2026-04-01 (day 90) by a vehicle with a poor record (1 success in 2 attempts: a Beta(2, 2)
    /// reliability, 0.5 on average), transit 4 days; its objective achieved on 2026-04-11 (day 100).
    static func flownFixture(outcome: String = "success", onFailure: String = "rebuild") -> Fixture {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("cap", days: 100, range: (50, 100, 300)),
            vehicles: Fixture.vehicle("rocket", successes: 1, attempts: 2))
        let achieved = outcome == "success" ? #"<achieved objective="o" date="2026-04-11"/>"# : ""
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="cap-1" design="cap" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="4" duration-days="10">
                  <launch id="l" vehicle="rocket" destination="tli" on-failure="\(onFailure)"><payload element="cap-1"/></launch>
                  <objective id="o" name="O"><needs element="cap-1"/></objective>
                </mission>
                <status date="2026-07-01">
                  <delivered element="cap-1" date="2026-03-01"/>
                  <flown launch="l" date="2026-04-01" outcome="\(outcome)"/>
                  \(achieved)
                </status>
                """)
        return fixture
    }

    /// In 1,000 trials the flown launch flies on day 90 once, successfully, and its objective is achieved on
    /// day 100, although the vehicle's own reliability draw would lose about half of its flights.
    @Test func anActualLaunchBeforeTheStatusDateIsNeverRedrawn() throws {
        let plan = try Self.flownFixture().plan("c")
        var runner = TrialRunner(plan: plan, seed: 7)
        for trial in 0..<1_000 as Range<UInt64> {
            let outcome = try runner.run(trial: trial)
            #expect(outcome.launchAttempts == [1])
            #expect(outcome.elements[0].launchedDay == 90)
            #expect(outcome.elements[0].deliveredDay == 59)
            #expect(outcome.elements[0].inPlaceDay == 94)
            #expect(outcome.objectives[0].achieved)
            #expect(outcome.objectives[0].day == 100)
            #expect(outcome.ledger.grandTotal == 0)
            if outcome.launchAttempts != [1] || outcome.objectives[0].day != 100 { break }
        }
    }

    /// A flown failure of a launch whose payload is lost with it: lost in every trial, on its stated day.
    @Test func aFlownFailureIsAFailureInEveryTrial() throws {
        let plan = try Self.flownFixture(outcome: "failure", onFailure: "lose").plan("c")
        var runner = TrialRunner(plan: plan, seed: 7)
        for trial in 0..<200 as Range<UInt64> {
            let outcome = try runner.run(trial: trial)
            #expect(outcome.launchAttempts == [1])
            #expect(!outcome.objectives[0].achieved)
            #expect(outcome.objectives[0].cause == .launchFailure)
            #expect(outcome.elements[0].cause == .launchFailure)
        }
    }

    /// "mod-1" (200 days, 100 MUSD, ranges 100-400 days) is delivered on 2026-02-01 (day 31), before the
    /// status date; "hab-1" (100 days, 100 MUSD) started on 2026-01-01 with no actual and progress 0, so it
    /// resumes on the status date with all its work: delivered on day 181 + 100 = 281. The contract's need-by
    /// is 2026-06-01 (day 151): mod-1 is 31 - 151 = -120 days late, in every trial. Verification (30 days) ends
    /// on day 311, the launch flies then (no integration time), and arrives 5 days later: day 316.
    static func deliveredFixture() -> Fixture {
        var fixture = Fixture()
        let interfaces = #"<provides standard="std" revision="a"/>"#
        fixture.agencies["a"] = Fixture.agency(
            "a",
            extra: """
                <standard id="std" name="Shared standard" function="docking" published="true"><revision id="a"/></standard>
                """,
            designs: Fixture.design("hab", days: 100, interfaces: interfaces)
                + Fixture.design(
                    "module", days: 200, interfaces: interfaces, range: (100, 200, 400), costRange: (50, 100, 300)),
            vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="mod-1" design="module" agency="a" start="2026-01-01"/>
                <contract id="k" provider="a" consumer="a" element="mod-1" counterpart="hab-1" standard="std"
                          revision="a" need-by="2026-06-01" verification-days="30"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="10">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="mod-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="mod-1"/></objective>
                </mission>
                <status date="2026-07-01">
                  <delivered element="mod-1" date="2026-02-01"/>
                  <spent agency="a" element="mod-1" fiscal-year="2026" musd="80"/>
                </status>
                """)
        return fixture
    }

    @Test func anElementDeliveredBeforeTheStatusDateBooksNoDevelopmentAndIsNeverLate() throws {
        let plan = try Self.deliveredFixture().plan("c")
        var runner = TrialRunner(plan: plan, seed: 3, keepsLedgerEntries: true)
        for trial in 0..<200 as Range<UInt64> {
            let outcome = try runner.run(trial: trial)
            #expect(outcome.elements[1].deliveredDay == 31)
            #expect(outcome.contracts[0].lateDays == -120)
            let development = outcome.ledger.entries.filter { $0.element == 1 && $0.category == .development }
            #expect(development.isEmpty)
            // hab-1's 100 MUSD from the status date on, and mod-1's 80 MUSD spent, booked as sunk in FY2026.
            #expect(abs(outcome.ledger.total(agency: 0, category: .development) - 100) < 1e-9)
            #expect(outcome.ledger.total(agency: 0, category: .sunk) == 80)
            #expect(outcome.elements[0].deliveredDay == 281)
            #expect(outcome.objectives[0].day == 316)
        }
    }

    /// b delivers mod-1 to a on 2026-02-01, before the 2026-07-01 status date, 17 days after its need-by, for a
    /// 50 MUSD barter return: that value moved before the status date, like the spending before it, so the
    /// run books neither the barter nor the penalty (the story still says the delivery was late). Both were
    /// booked, in fiscal years before the status date.
    @Test func aContractSettledBeforeTheStatusDateBooksNothing() throws {
        var fixture = Fixture()
        let interfaces = #"<provides standard="std" revision="a"/>"#
        fixture.agencies["a"] = Fixture.agency(
            "a",
            extra: """
                <standard id="std" name="Shared standard" function="docking" published="true"><revision id="a"/></standard>
                """,
            designs: Fixture.design("hab", days: 100, interfaces: interfaces), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency(
            "b", designs: Fixture.design("module", days: 200, interfaces: interfaces))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="mod-1" design="module" agency="b" start="2026-01-01"/>
                <contract id="k" provider="b" consumer="a" element="mod-1" counterpart="hab-1" standard="std"
                          revision="a" need-by="2026-01-15" verification-days="30" penalty-musd-per-month="3">
                  <return kind="flight" value-musd="50"/>
                </contract>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="10">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="mod-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="mod-1"/></objective>
                </mission>
                <status date="2026-07-01">
                  <delivered element="mod-1" date="2026-02-01"/>
                </status>
                """)
        let plan = try fixture.plan("c")
        #expect(plan.contracts[0].returns.count == 1)
        var runner = TrialRunner(plan: plan, seed: 3, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        #expect(outcome.contracts[0].lateDays == 17)
        for a in plan.agencies.indices {
            #expect(outcome.ledger.total(agency: a, category: .barter) == 0)
            #expect(outcome.ledger.total(agency: a, category: .penalties) == 0)
        }
        #expect(runner.trace.contains { $0.isActual && $0.detail.contains("17 days after need-by") })
    }

    /// Every line of a traced trial is dated on or after the status date, except the actuals, which say so.
    @Test(arguments: [0, 1, 2] as [UInt64])
    func nothingIsScheduledBeforeTheStatusDate(trial: UInt64) throws {
        for fixture in [Self.deliveredFixture(), Self.flownFixture()] {
            let plan = try fixture.plan("c")
            var runner = TrialRunner(plan: plan, seed: 11, recordsTrace: true)
            _ = try runner.run(trial: trial)
            let trace = runner.trace
            #expect(trace.contains { $0.isActual })
            for entry in trace {
                if entry.isActual {
                    #expect(entry.detail.hasPrefix("actual: "), "\(entry)")
                } else {
                    #expect(entry.day >= Self.statusDay, "\(entry)")
                    #expect(!entry.detail.hasPrefix("actual: "), "\(entry)")
                }
            }
        }
    }

    /// A design of three phases: build 100 days / 10 MUSD, test 50 days / 20 MUSD, delivery 30 days / 30 MUSD.
    static func phasedFixture(progress: Double) -> Fixture {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: """
                <design id="probe" name="Probe" kind="orbiter" mass-kg="1000" reliability="1" standing-army-musd-per-month="0">
                  <phase name="build"><duration-days min="100" likely="100" max="100"/><cost-musd min="10" likely="10" max="10"/></phase>
                  <phase name="test"><duration-days min="50" likely="50" max="50"/><cost-musd min="20" likely="20" max="20"/></phase>
                  <phase name="delivery"><duration-days min="30" likely="30" max="30"/><cost-musd min="30" likely="30" max="30"/></phase>
                </design>
                """,
            vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="probe-1" design="probe" agency="a" start="2026-01-01" progress="\(progress)"/>
                <mission id="m" name="M" body="moon" transit-days="0" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="probe-1"/></launch>
                  <objective id="o" name="O"><needs element="probe-1"/></objective>
                </mission>
                <status date="2026-07-01">
                  <phase-done element="probe-1" phase="build" date="2026-04-10"/>
                </status>
                """)
        return fixture
    }

    /// With its build done, the probe resumes at its test phase on the status date: delivered on
    /// 181 + 50 + 30 = 261, at a cost of 20 + 30 = 50 MUSD. With progress 0.75 of its 180 days (135 days,
    /// of which the build's 100 are done) it is also 35 days into its test: 15 days of test left (6 MUSD of
    /// its 20) and the delivery, so delivered on 181 + 15 + 30 = 226 for 36 MUSD. Progress 0.5 (90 days) is
    /// less than the build done: it changes nothing.
    @Test(arguments: [(0.0, 261.0, 50.0), (0.5, 261.0, 50.0), (0.75, 226.0, 36.0)])
    func aPhaseDoneElementResumesAtTheNextPhase(progress: Double, delivered: Double, cost: Double) throws {
        let outcome = try runTrial(try Self.phasedFixture(progress: progress).plan("c"))
        let day = try #require(outcome.elements[0].deliveredDay)
        #expect(abs(day - delivered) < 1e-9)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - cost) < 1e-9)
    }

    /// Without a status, the same campaign starts at day 0 and books the whole development (60 MUSD, 180
    /// days): the status is what moves it.
    @Test func withoutAStatusTheElementStartsAtTheCampaignStart() throws {
        var fixture = Self.phasedFixture(progress: 0)
        fixture.missions["c"] = fixture.missions["c"]!.replacingOccurrences(
            of: #"<phase-done element="probe-1" phase="build" date="2026-04-10"/>"#, with: ""
        ).replacingOccurrences(of: #"<status date="2026-07-01">"#, with: "").replacingOccurrences(
            of: "</status>", with: "")
        let outcome = try runTrial(try fixture.plan("c"))
        #expect(outcome.elements[0].deliveredDay == 180)
        #expect(abs(outcome.ledger.total(agency: 0, category: .development) - 60) < 1e-9)
    }
}
