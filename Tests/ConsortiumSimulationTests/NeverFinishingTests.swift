import ConsortiumAnalysis
import ConsortiumEngine
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// Scenarios that can never finish end at the horizon with what blocked them, or at the event limit with
/// an error; neither hangs.
struct NeverFinishingTests {
    static let here = SourceLocation(file: "<test>", line: 0, column: 0)

    /// The bundled workshop campaign with `changes` as a scenario's overrides.
    static func plan(_ changes: [Override.Change]) throws -> SimulationPlan {
        let library = Bundled.library
        let campaign = try #require(library.campaign(CampaignID("ws-partner")))
        var scenario = Scenario(
            id: ScenarioID("stuck"), name: "Stuck", campaign: Reference(campaign.id, at: here), location: here)
        scenario.overrides = changes.map { Override($0, location: here) }
        return try SimulationPlan(
            library: library, campaign: campaign, scenario: scenario,
            assumptions: try #require(Bundled.assumptions(campaign)))
    }

    @Test func aVehicleGroundedForeverStopsAtTheHorizonNamingTheVehicle() throws {
        let plan = try Self.plan([
            .ground(
                vehicle: Reference(VehicleID("starship"), at: Self.here), days: 36_500,
                from: CivilDate(iso: "2026-01-01")!, standDownDays: nil)
        ])
        var runner = TrialRunner(plan: plan, seed: 1)
        let outcome = try runner.run(trial: 0)
        #expect(outcome.reachedHorizon)
        #expect(outcome.endDay == plan.horizonDays)
        let starship = try #require(plan.vehicles.firstIndex { $0.id == VehicleID("starship") })
        let cargo = try #require(plan.launches.firstIndex { $0.id == LaunchID("ws-cargo") })
        let blocker = try #require(outcome.blockers.first { $0.launch == cargo })
        #expect(blocker.reason == .vehicleGrounded(vehicle: starship))
        #expect(blocker.text(in: plan).hasPrefix("launch ws-cargo: vehicle starship is grounded until 2125-"))
        let text = TrialReport(plan: plan, outcome: outcome, trace: [], seed: 1).render()
        #expect(text.contains("What was still waiting:\n  launch ws-cargo: vehicle starship is grounded until"))
        #expect(text.contains("events (a trial stops at 5,000,000 at most)"))

        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 300, seed: 1, threads: 2))
        #expect(result.totals.horizonReached == 300)
        let report = MonteCarloReport(result).render()
        #expect(report.contains("100.0 % of trials reached the horizon"))
        #expect(report.contains("100.0 %  launch ws-cargo: vehicle starship is grounded\n"), "\(report)")
        #expect(report.contains("The longest trial handled"))
    }

    @Test func aBudgetOfZeroStopsAtTheHorizonNamingTheUnfundedElement() throws {
        let from = CivilDate(iso: "2026-01-01")!
        let plan = try Self.plan(
            ["nasa", "esa"].map { .budgetChange(agency: Reference(AgencyID($0), at: Self.here), factor: 0, from: from) }
        )
        var runner = TrialRunner(plan: plan, seed: 1)
        let outcome = try runner.run(trial: 0)
        #expect(outcome.reachedHorizon)
        #expect(!outcome.blockers.isEmpty)
        for blocker in outcome.blockers {
            guard case .elementNotReady(_, _, let unfunded, _) = blocker.reason else {
                Issue.record("unexpected blocker \(blocker.text(in: plan))")
                continue
            }
            #expect(unfunded, "\(blocker.text(in: plan))")
        }
        #expect(outcome.objectives.allSatisfy { !$0.achieved && $0.cause == .budgetExhaustion })
    }

    @Test func theEventLimitStopsARunWithAnError() throws {
        var plan = try Self.plan([])
        plan.assumptions.eventLimit = 20
        var runner = TrialRunner(plan: plan, seed: 1)
        #expect {
            _ = try runner.run(trial: 0)
        } throws: { error in
            guard case .eventLimitExceeded(let limit, _, _)? = error as? SimulationError else { return false }
            return limit == 20
        }
        #expect(throws: SimulationError.self) {
            _ = try MonteCarlo.run(plan, MonteCarloOptions(trials: 100, seed: 1, threads: 2))
        }
    }

    @Test func aRequestedStopEndsAMonteCarloRunWithoutAResult() throws {
        let plan = try Self.plan([])
        let stop = StopFlag()
        stop.request()
        #expect {
            _ = try MonteCarlo.run(plan, MonteCarloOptions(trials: 1_000, seed: 1, threads: 2, stop: stop))
        } throws: { error in
            guard case .interrupted(let done)? = error as? SimulationError else { return false }
            return done == 0
        }
        let unstopped = try MonteCarlo.run(plan, MonteCarloOptions(trials: 300, seed: 1, threads: 2, stop: StopFlag()))
        #expect(unstopped.trials == 300)
    }
}
