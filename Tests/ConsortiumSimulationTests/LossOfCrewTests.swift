import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// Loss of crew and losses of elements (README, "Loss of crew and losses of elements"), on small campaigns
/// computed by hand. Designs take fixed days, integration takes none, vehicles never fail unless forced.
@Suite struct LossOfCrewTests {
    /// Agency "a": a crewed capsule (100 days), a later capsule (150 days), cargo (200 days) and a probe
    /// (100 days); three vehicles that never fail unless forced (stand-down 365 days each).
    static func fixture(onLoss: String = "lose") -> Fixture {
        var fixture = Fixture()
        let capsule = { (id: String, days: Double) in
            """
            <design id="\(id)" name="Design \(id)" kind="crew-vehicle" mass-kg="1000" reliability="1" crewed="true">
              <phase name="build">
                <duration-days min="\(days)" likely="\(days)" max="\(days)"/>
                <cost-musd min="100" likely="100" max="100"/>
              </phase>
            </design>
            """
        }
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: capsule("capsule", 100) + capsule("capsule-late", 150) + Fixture.design("cargo", days: 200)
                + Fixture.design("probe", days: 100),
            vehicles: Fixture.vehicle("rocket") + Fixture.vehicle("rocket2") + Fixture.vehicle("rocket3"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="crew-1" design="capsule" agency="a" start="2026-01-01"/>
                <element id="crew-2" design="capsule-late" agency="a" start="2026-01-01"/>
                <element id="cargo-1" design="cargo" agency="a" start="2026-01-01"/>
                <element id="probe-1" design="probe" agency="a" start="2026-01-01"/>
                <mission id="m1" name="First crew" body="moon" transit-days="0" duration-days="0">
                  <launch id="l1" vehicle="rocket" destination="tli"><payload element="crew-1"/></launch>
                  <objective id="o1" name="First crew flies"><needs element="crew-1"/></objective>
                </mission>
                <mission id="m2" name="Second crew" body="moon" transit-days="0" duration-days="0">
                  <launch id="l2" vehicle="rocket2" destination="tli"><payload element="crew-2"/></launch>
                  <objective id="o2" name="Second crew flies"><needs element="crew-2"/></objective>
                </mission>
                <mission id="m3" name="Cargo" body="moon" transit-days="0" duration-days="0">
                  <launch id="l3" vehicle="rocket3" destination="tli"><payload element="cargo-1"/></launch>
                  <objective id="o3" name="Cargo delivered"><needs element="cargo-1"/></objective>
                </mission>
                <mission id="m4" name="Probe" body="moon" transit-days="10" duration-days="0">
                  <launch id="l4" vehicle="rocket" destination="tli" earliest="2027-06-01"><payload element="probe-1"/></launch>
                  <objective id="o4" name="Probe works" on-loss="\(onLoss)"><needs element="probe-1"/></objective>
                </mission>
                """)
        return fixture
    }

    /// The plan with the first crew's launch forced to fail on its first attempt, and the crew assumptions
    /// given (one stand-down of 500 days).
    static func plan(abort: Double = 0, cancellation: Double = 0, onLoss: String = "lose") throws -> SimulationPlan {
        var assumptions = ModelAssumptions.deterministic
        assumptions.launchAbortSuccessProbability = abort
        assumptions.cancellationAfterCrewLossProbability = cancellation
        assumptions.crewLossStandDownDays = [500]
        var plan = try fixture(onLoss: onLoss).plan("c", assumptions: assumptions)
        plan.launches[0].forcedFailures = [1]
        return plan
    }

    /// Regression: the crewed capsule's launch fails on day 100 and its abort fails (probability 0): the crew
    /// is lost. The launch's on-failure policy (rebuild) does not apply: one attempt, the objective is lost
    /// with "loss of crew". Before the rule the capsule was rebuilt (50 days) and flew again (day 516, see
    /// `anAbortThatAlwaysWorksMeansNoLossOfCrew`), achieving o1 as if no crew had been lost.
    @Test func aCrewedLaunchFailureIsALossOfCrewNotARebuild() throws {
        let plan = try Self.plan()
        #expect(plan.elements[0].crewed)
        let outcome = try runTrial(plan, trace: true)
        #expect(outcome.crewLosses == 1)
        #expect(outcome.launchAttempts[0] == 1)
        #expect(outcome.elements[0].cause == .lossOfCrew)
        #expect(!outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].cause == .lossOfCrew)
        #expect(outcome.objectives[0].bindingElement == 0)
        #expect(outcome.missions[0].lastArrivalDay == nil)
    }

    /// The stand-down: no crewed launch before day 100 + 500 = 600. The second capsule is ready on day 150
    /// and flies on day 600; the uncrewed cargo, ready on day 200, flies on day 200 meanwhile.
    @Test func aLossOfCrewStandsCrewedLaunchesDownButNotUncrewedOnes() throws {
        let outcome = try runTrial(try Self.plan())
        #expect(outcome.elements[1].launchedDay == 600)
        #expect(outcome.objectives[1].achieved)
        #expect(outcome.objectives[1].day == 600)
        #expect(outcome.elements[2].launchedDay == 200)
        #expect(outcome.objectives[2].day == 200)
        #expect(outcome.cancelledDay == nil)
    }

    /// Cancellation probability 1: on day 600, at the end of the stand-down, the campaign is cancelled. The
    /// second crew never flies (programme cancelled); the cargo, flown on day 200, stays achieved; the probe
    /// (ready on day 100, booked for 2027-06-01 = day 516) flew before it.
    @Test func cancellationProbabilityOneEndsTheCampaign() throws {
        let outcome = try runTrial(try Self.plan(cancellation: 1), trace: true)
        #expect(outcome.cancelledDay == 600)
        #expect(outcome.elements[1].launchedDay == nil)
        #expect(outcome.elements[1].cause == .programmeCancelled)
        #expect(outcome.objectives[1].cause == .programmeCancelled)
        #expect(outcome.objectives[2].achieved)
        #expect(outcome.objectives[3].achieved)
        #expect(outcome.objectives[3].day == 526)
    }

    /// An element not yet flown when the campaign is cancelled ends with it: the probe, held to 2027-06-01,
    /// is cancelled when the stand-down is shortened to 300 days (cancellation on day 400).
    @Test func aCancellationEndsEveryUnfinishedElementAndItsObjective() throws {
        var plan = try Self.plan(cancellation: 1)
        plan.assumptions.crewLossStandDownDays = [300]
        let outcome = try runTrial(plan)
        #expect(outcome.cancelledDay == 400)
        #expect(outcome.elements[3].launchedDay == nil)
        #expect(outcome.objectives[3].cause == .programmeCancelled)
        #expect(outcome.objectives[3].bindingElement == 3)
        // The cargo flew on day 200, before the cancellation.
        #expect(outcome.objectives[2].achieved)
    }

    /// Abort success 1: the crew comes home; the capsule is rebuilt by its launch's policy (half of 100
    /// days: delivered on day 150) and flies after the vehicle's stand-down (day 100 + 365 = 465) and after
    /// the probe, which booked the same rocket on day 100 for day 516 (launches sharing a vehicle fly in the
    /// order they became ready; no minimum gap): on day 516.
    @Test func anAbortThatAlwaysWorksMeansNoLossOfCrew() throws {
        let outcome = try runTrial(try Self.plan(abort: 1))
        #expect(outcome.crewLosses == 0)
        #expect(outcome.launchAttempts[0] == 2)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 516)
        // No stand-down of crewed flights: the second crew flies when ready, on day 150.
        #expect(outcome.elements[1].launchedDay == 150)
    }

    /// Every trial loses its first crew (abort 0): 40 of 40. The 95 % Wilson interval of 40/40 is
    /// [1 / (1 + z²/40), 1] = [0.912378, 1] (z = 1.959964, z² = 3.841459).
    @Test func theMonteCarloResultCountsLossOfCrewTrialsWithTheirWilsonInterval() throws {
        let result = try MonteCarlo.run(try Self.plan(), MonteCarloOptions(trials: 40, seed: 1, threads: 2))
        #expect(result.lossOfCrew.successes == 40)
        #expect(result.lossOfCrew.trials == 40)
        let (low, high) = result.lossOfCrew.interval
        #expect(abs(low - 0.912378) < 1e-6)
        #expect(high == 1)
        #expect(result.programmeCancelled.successes == 0)
        let text = MonteCarloReport(result).render()
        #expect(text.contains("Loss of crew: 100.0 % [91.2-100.0] of trials"), "\(text)")
        #expect(text.contains("loss of crew (crew-1) 100.0 %"), "\(text)")
    }

    /// A crewed lander launches and arrives uncrewed (its crew comes later in its crew vehicle): its failure
    /// found on arrival loses the lander, not a crew, even when no crew would survive a failure in operation.
    /// The model counted it as a loss of crew, with a stand-down, for a crew that had not launched.
    @Test func aCrewedLanderFailingOnArrivalIsNotALossOfCrew() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: """
                <design id="lander" name="Lander" kind="lander" mass-kg="1000" reliability="0" crewed="true">
                  <phase name="build">
                    <duration-days min="100" likely="100" max="100"/>
                    <cost-musd min="100" likely="100" max="100"/>
                  </phase>
                </design>
                """, vehicles: Fixture.vehicle("rocket"))
        fixture.missions["c"] = Fixture.oneLaunch([("lander-1", "lander", "a")], transit: 5)
        var assumptions = ModelAssumptions.deterministic
        assumptions.crewSurvivalInOperationProbability = 0
        let plan = try fixture.plan("c", assumptions: assumptions)
        #expect(plan.elements[0].crewed)
        let outcome = try runTrial(plan)
        #expect(outcome.crewLosses == 0)
        #expect(outcome.elements[0].cause == .elementFailure)
        #expect(outcome.objectives[0].cause == .elementFailure)
    }

    /// Cancellations are counted apart by what caused them. With the review after a loss of crew cancelling
    /// for certain, 40 of 40 trials are cancelled after a loss of crew; with a cancellation hazard striking
    /// on the first day (a rate of 10^6 a year), 40 of 40 are cancelled and none after a loss of crew (no crew
    /// flies). The report said "cancelled after a loss of crew" for every cancellation.
    @Test func aHazardCancellationIsNotReportedAsOneAfterALossOfCrew() throws {
        let options = MonteCarloOptions(trials: 40, seed: 1, threads: 2)
        let review = try MonteCarlo.run(try Self.plan(cancellation: 1), options)
        #expect(review.programmeCancelled.successes == 40)
        #expect(review.cancelledAfterLossOfCrew.successes == 40)
        var plan = try Self.plan(cancellation: 1)
        plan.hazards.append(
            SimulationPlan.HazardPlan(
                kind: .cancellation, perYear: 1e6, agency: nil, taker: nil, vehicle: nil, transferDays: 0,
                label: "cancellation", streamID: 1))
        let hazard = try MonteCarlo.run(plan, options)
        #expect(hazard.lossOfCrew.successes == 0)
        #expect(hazard.programmeCancelled.successes == 40)
        #expect(hazard.cancelledAfterLossOfCrew.successes == 0)
        let text = MonteCarloReport(hazard).render()
        #expect(
            text.contains("campaign cancelled: 100.0 % [91.2-100.0], after a loss of crew: 0.0 % [0.0-8.8]"), "\(text)")
    }

    /// Abort 0.5: each trial loses its crew or not; the count is the trials whose outcome says so, and the
    /// interval is Wilson's formula for that count, written out here.
    @Test func aMixedLossOfCrewCountMatchesTheWilsonFormula() throws {
        let plan = try Self.plan(abort: 0.5)
        let n = 200
        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: n, seed: 7, threads: 2))
        var losses = 0
        for trial in 0..<n where try runTrial(plan, seed: 7, trial: UInt64(trial)).crewLosses > 0 { losses += 1 }
        #expect(result.lossOfCrew.successes == losses)
        #expect(losses > 60 && losses < 140)
        let z = 1.959963984540054
        let p = Double(losses) / Double(n)
        let centre = (p + z * z / (2 * Double(n))) / (1 + z * z / Double(n))
        let half = z / (1 + z * z / Double(n)) * (p * (1 - p) / Double(n) + z * z / (4 * Double(n * n))).squareRoot()
        let (low, high) = result.lossOfCrew.interval
        #expect(abs(low - (centre - half)) < 1e-12)
        #expect(abs(high - (centre + half)) < 1e-12)
    }

    /// The probe is lost on arrival (forced: its first unit fails). With `on-loss="rebuild"` it is rebuilt
    /// (half its 100 days) and flown again: launched on day 516 (2027-06-01), lost on arrival on day 526,
    /// rebuilt by day 576, flown on day 576 and in place on day 586.
    @Test func anElementLostInOperationWithRebuildFliesAgain() throws {
        var plan = try Self.plan(onLoss: "rebuild")
        plan.elements[3].forcedLosses = [1]
        #expect(plan.objectives[3].onLoss == .rebuild)
        let outcome = try runTrial(plan, trace: true)
        #expect(outcome.launchAttempts[3] == 2)
        #expect(outcome.objectives[3].achieved)
        #expect(outcome.objectives[3].day == 586)
        #expect(outcome.missions[3].lastArrivalDay == 586)
    }

    /// With `on-loss="lose"` the objective fails on day 526, naming the probe; every output names it.
    @Test func anElementLostWithLoseFailsTheObjectiveNamingTheElement() throws {
        var plan = try Self.plan()
        plan.elements[3].forcedLosses = [1]
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        #expect(outcome.launchAttempts[3] == 1)
        #expect(!outcome.objectives[3].achieved)
        #expect(outcome.objectives[3].cause == .elementFailure)
        #expect(outcome.objectives[3].bindingElement == 3)
        #expect(outcome.objectives[3].day == 526)
        let lost = try #require(runner.trace.first { $0.kind == .objectiveLost && $0.detail.contains("o4") })
        #expect(lost.detail.contains("lost (element failure (probe-1))"), "\(lost.detail)")
        let story = TrialReport(plan: plan, outcome: outcome, trace: runner.trace, seed: 1).render()
        #expect(story.contains("element failure (probe-1)"), "\(story)")
        #expect(story.contains("LOSS OF CREW: 1 crew lost in this trial"), "\(story)")

        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 20, seed: 1, threads: 2))
        let losses = result.attributedLosses(3)
        #expect(losses.count == 1)
        #expect(losses.first?.loss == AttributedLoss(cause: .elementFailure, element: 3))
        #expect(losses.first?.probability == 1)
        #expect(MonteCarloReport(result).render().contains("element failure (probe-1) 100.0 %"))
        let document = ResultDocument(result, version: "test")
        let json = String(decoding: try document.json(), as: UTF8.self)
        #expect(json.contains(#""element" : "probe-1""#), "\(json)")
        let csv = String(decoding: try document.csv(), as: UTF8.self)
        #expect(csv.contains("objective_lost_by_element,o4,element failure (probe-1),1.0,fraction"), "\(csv)")
        #expect(csv.contains("loss_of_crew,c,probability,1.0,fraction"), "\(csv)")
    }

    /// A crewed element failing in operation loses its crew when its crew does not survive (probability 0):
    /// the second capsule, forced to fail on arrival, is lost with "loss of crew" and is not rebuilt.
    @Test func aCrewedElementFailingInOperationCanLoseItsCrew() throws {
        var plan = try Self.plan(abort: 1)
        plan.assumptions.crewSurvivalInOperationProbability = 0
        plan.elements[1].forcedLosses = [1]
        let outcome = try runTrial(plan)
        #expect(outcome.crewLosses == 1)
        #expect(outcome.objectives[1].cause == .lossOfCrew)
        #expect(outcome.launchAttempts[1] == 1)
    }
}
