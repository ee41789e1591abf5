import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Testing

/// Funding lines that bind: hand-computed cases on one agency "a" whose fiscal year is the calendar year
/// (FY2026 has 365 days from the campaign start, 2026-01-01). hab-1 is built in 100 days for 100 MUSD
/// (no standing army) and flies on a rocket of the given price.
struct FundingLineTests {
    static func plan(
        line: Double, unspent: String = "carry-over", shortFirst: String, price: Double
    ) throws
        -> SimulationPlan
    {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100, cost: 100), vehicles: Fixture.vehicle("rocket", price: price)
        )
        fixture.missions["c"] = Fixture.oneLaunch(
            [("hab-1", "hab", "a")],
            funding: Fixture.funding("a", perYear: line, unspent: unspent, shortFirst: shortFirst))
        return try fixture.plan("c")
    }

    /// A line of 150 MUSD a year is spread over the year's 365 days: hab-1's 100 MUSD of work is funded at
    /// 150/365 MUSD a day, so it takes 100 / (150/365) = 243.3 days (full pace: 100), and leaves 50 MUSD of
    /// FY2026, short of the 100-MUSD launch. Under short-first="launches" the launch waits for FY2027 (day
    /// 365), when 50 + 150 = 200 can pay it; under "development" it flies on delivery and the line runs
    /// 50 MUSD into deficit, which carries into FY2027.
    @Test func aLaunchTheLineCannotPayWaitsForTheNextFiscalYear() throws {
        let delivered = 100 / (150.0 / 365)
        let waits = try runTrial(try Self.plan(line: 150, shortFirst: "launches", price: 100), trace: true)
        #expect(abs((waits.elements[0].deliveredDay ?? 0) - delivered) < 1e-6)
        #expect(waits.elements[0].launchedDay == 365)
        #expect(waits.lineBound == [true])
        let flies = try runTrial(try Self.plan(line: 150, shortFirst: "development", price: 100))
        #expect(abs((flies.elements[0].launchedDay ?? 0) - delivered) < 1e-6)
    }

    /// The same with a 160-MUSD launch: with carry-over FY2027 holds 50 + 150 = 200 and the launch flies on
    /// day 365; with lapse the 50 are lost, each year holds 150 < 160, and the launch never flies: the
    /// objective is lost to budget exhaustion.
    @Test func carryOverPaysWhatALapsingLineNeverCan() throws {
        let carried = try runTrial(try Self.plan(line: 150, unspent: "carry-over", shortFirst: "launches", price: 160))
        #expect(carried.elements[0].launchedDay == 365)
        #expect(carried.objectives[0].achieved)
        let lapsed = try runTrial(try Self.plan(line: 150, unspent: "lapse", shortFirst: "launches", price: 160))
        #expect(lapsed.elements[0].launchedDay == nil)
        #expect(!lapsed.objectives[0].achieved)
        #expect(lapsed.objectives[0].cause == .budgetExhaustion)
    }

    /// A line of 1,000 MUSD a year never binds: FY2026 spends 100 (development) + 100 (launch) = 200, a
    /// peak use of exactly 20 %, and the report says a cut to 20 % changes nothing.
    @Test func aLineThatNeverBindsIsReportedWithItsPeakUse() throws {
        let plan = try Self.plan(line: 1000, shortFirst: "development", price: 100)
        let outcome = try runTrial(plan)
        #expect(outcome.lineBound == [false])
        #expect(abs(outcome.linePeakUse[0] - 0.2) < 1e-12)
        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 20, seed: 1, threads: 1))
        let line = try #require(result.fundingLines.first)
        #expect(line.bound.successes == 0)
        #expect(abs(line.peakMax - 0.2) < 1e-12)
        let text = MonteCarloReport(result).render()
        #expect(text.contains("a never limited spending: peak use at most 20.0 % of its line"), "\(text)")
    }

    /// A line cut to nothing from the start: nothing is funded, and the objective is lost to budget
    /// exhaustion, not to the horizon.
    @Test func aLineOfZeroExhaustsTheBudget() throws {
        let outcome = try runTrial(try Self.plan(line: 0, shortFirst: "development", price: 100))
        #expect(outcome.elements[0].deliveredDay == nil)
        #expect(outcome.objectives[0].cause == .budgetExhaustion)
    }

    /// A factor of 80 is read as 80 times the line, not 80 %: refused with the likely mistake named; 0 to 2
    /// are accepted.
    @Test func aBudgetFactorOutsideZeroToTwoIsRefusedWithTheLikelyMistake() {
        let problem = Override.budgetFactorProblem(80)
        #expect(problem?.contains("80 times the funding line, not 80 %") == true)
        #expect(problem?.contains("0.8") == true)
        #expect(Override.budgetFactorProblem(-0.1) != nil)
        for ok in [0.0, 0.8, 1.0, 2.0] { #expect(Override.budgetFactorProblem(ok) == nil) }
    }

    /// Spending never exceeds what the line makes available under short-first="launches": each fiscal year's
    /// spending is at most its line plus what carried into it.
    @Test func spendingStaysWithinTheLineUnderTheLaunchRule() throws {
        let outcome = try runTrial(try Self.plan(line: 150, shortFirst: "launches", price: 100))
        var carried = 0.0
        for y in 0..<outcome.ledger.yearCount {
            let fiscalYear = outcome.ledger.firstFiscalYear + y
            guard fiscalYear >= 2026 else { continue }
            let spent = CostCategory.allCases.filter { !$0.isTransfer }.reduce(0.0) {
                $0 + outcome.ledger.total(agency: 0, category: $1, yearIndex: y)
            }
            #expect(spent <= 150 + carried + 1e-9, "FY\(fiscalYear): \(spent)")
            carried += 150 - spent
        }
    }

    /// Hand-computed: a line of 365 MUSD a year (1 MUSD a day in FY2026) and a common cost of 0.5 MUSD a day
    /// from the start, which "a" pays alone. The common cost runs as the trial does, so it is paid from the
    /// line first and hab-1's 100 MUSD of work gets 0.5 MUSD a day: delivered on day 200, not 100. (Common
    /// costs were booked when the trial ended, so they never bound.) The common cost is booked by fiscal
    /// year as it runs: 0.5 a day to the campaign's end, the launch on day 200.
    @Test func aCommonCostIsPaidFromTheLineAsItRuns() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100, cost: 100), vehicles: Fixture.vehicle("rocket", price: 0))
        let sharing = """
            <cost-sharing policy="who-builds-pays">
              <common-cost id="office" name="Office" musd-per-year="182.625" from="start" to="end"/>
            </cost-sharing>
            """
        fixture.missions["c"] = Fixture.oneLaunch(
            [("hab-1", "hab", "a")], funding: sharing + Fixture.funding("a", perYear: 365))
        let outcome = try runTrial(try fixture.plan("c"))
        let delivered = try #require(outcome.elements[0].deliveredDay)
        #expect(abs(delivered - 200) < 1e-6, "delivered on day \(delivered)")
        #expect(abs(outcome.ledger.total(agency: 0, category: .common) - 100) < 1e-6)
        #expect(outcome.lineBound == [true])
    }

    /// Hand-computed, on a line of 365 MUSD a year (FY2026: 365 days): sat-1 (built in 10 days for nothing)
    /// operates from day 10 at 0.5 MUSD a day; hab-1 (100 days, 100 MUSD) starts on day 59. By then 24.5 MUSD
    /// of operations is spent, so the line gives (365 - 24.5) / 306 MUSD a day for the rest of the year.
    /// Development first: hab-1 gets that less the 0.5 of operations, 0.6127 of full pace. Operations first:
    /// they go unfunded while hab-1 is built, at full pace in 100 days (day 159), and the campaign ends then.
    @Test func operationsGoUnfundedFirstUnderShortFirstOperations() throws {
        func run(_ shortFirst: String) throws -> (TrialOutcome, [TraceEntry]) {
            var fixture = Fixture()
            let sat = """
                <design id="sat" name="Sat" kind="orbiter" mass-kg="10" reliability="1" operations-musd-per-year="182.625">
                  <phase name="build"><duration-days min="10" likely="10" max="10"/><cost-musd min="0" likely="0" max="0"/></phase>
                </design>
                """
            fixture.agencies["a"] = Fixture.agency(
                "a", designs: sat + Fixture.design("hab", days: 100, cost: 100),
                vehicles: Fixture.vehicle("rocket", price: 0))
            fixture.missions["c"] = Fixture.campaign(
                "c",
                body: Fixture.funding("a", perYear: 365, shortFirst: shortFirst) + """
                    <element id="sat-1" design="sat" agency="a" start="2026-01-01"/>
                    <element id="hab-1" design="hab" agency="a" start="2026-03-01"/>
                    <mission id="m1" name="M1" body="moon" transit-days="0" duration-days="0">
                      <launch id="l1" vehicle="rocket" destination="tli"><payload element="sat-1"/></launch>
                      <objective id="o1" name="O1"><needs element="sat-1"/></objective>
                    </mission>
                    <mission id="m2" name="M2" body="moon" transit-days="0" duration-days="0">
                      <launch id="l2" vehicle="rocket" destination="tli"><payload element="hab-1"/></launch>
                      <objective id="o2" name="O2"><needs element="hab-1"/></objective>
                    </mission>
                    """)
            var runner = TrialRunner(plan: try fixture.plan("c"), seed: 1, recordsTrace: true, keepsLedgerEntries: true)
            let outcome = try runner.run(trial: 0)
            return (outcome, runner.trace)
        }
        let stretched = 59 + 100 / ((365 - 24.5) / 306 - 0.5)
        let (development, _) = try run("development")
        #expect(abs((development.elements[1].deliveredDay ?? 0) - stretched) < 1e-6)
        #expect(abs(development.ledger.total(agency: 0, category: .operations) - 0.5 * (stretched - 10)) < 1e-6)
        let (operations, trace) = try run("operations")
        #expect(abs((operations.elements[1].deliveredDay ?? 0) - 159) < 1e-6)
        #expect(abs(operations.ledger.total(agency: 0, category: .operations) - 24.5) < 1e-6)
        #expect(operations.lineBound == [true])
        #expect(trace.filter { $0.kind == .operationsCut }.count == 2, "stopped, then paid again")
    }
}
