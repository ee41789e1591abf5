import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// An objective whose element waits for a dock that can never complete is lost with what it waited for,
/// and a trial whose event queue runs dry is not reported as having reached its horizon.
struct DockWaitTests {
    /// Agency "a" builds hab-1 (100 days) and gw-1 (`targetDays`); agency "b" builds spare-1 (50 days), which
    /// no launch carries. Mission "m" launches hab-1 on "l-hab" and gw-1 on "l-gw" (transit 5 days); hab-1
    /// docks to gw-1; objective "o" needs hab-1. With `targetAgency` "b", gw-1 is built by "b".
    static func plan(targetDays: Double, targetAgency: String = "a") throws -> SimulationPlan {
        var fixture = Fixture()
        let hab = Fixture.design("hab", days: 100)
        let gw = Fixture.design("gw", days: targetDays)
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: hab + (targetAgency == "a" ? gw : ""), vehicles: Fixture.vehicle("rocket"))
        fixture.agencies["b"] = Fixture.agency(
            "b", designs: Fixture.design("spare", days: 50) + (targetAgency == "b" ? gw : ""))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="gw-1" design="gw" agency="\(targetAgency)" start="2026-01-01"/>
                <element id="spare-1" design="spare" agency="b" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-hab" vehicle="rocket" destination="tli"><payload element="hab-1"/></launch>
                  <launch id="l-gw" vehicle="rocket" destination="tli" on-failure="lose"><payload element="gw-1"/></launch>
                  <dock element="hab-1" target="gw-1"/>
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                </mission>
                """)
        return try fixture.plan("c")
    }

    static func index(_ plan: SimulationPlan, _ id: String) throws -> Int {
        try #require(plan.elements.firstIndex { $0.id == ElementID(id) })
    }

    /// gw-1 is lost on its first launch (forced), before hab-1 arrives (gw-1 in 50 days, launched at once)
    /// or after it has arrived and waits (gw-1 in 300 days; hab-1 arrives on day 105).
    @Test(arguments: [50.0, 300.0])
    func aTargetLostOnLaunchIsNamedAsWhatTheDockWaitedFor(targetDays: Double) throws {
        var plan = try Self.plan(targetDays: targetDays)
        let gwLaunch = try #require(plan.launches.firstIndex { $0.id == LaunchID("l-gw") })
        plan.launches[gwLaunch].forcedFailures = [1]
        let hab = try Self.index(plan, "hab-1")
        let gw = try Self.index(plan, "gw-1")
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        let objective = outcome.objectives[0]
        #expect(!objective.achieved)
        #expect(objective.cause == .launchFailure)
        #expect(objective.bindingElement == hab)
        #expect(
            objective.wait
                == .dock(element: hab, target: gw, fate: .lost(element: gw, launch: gwLaunch, cause: .launchFailure)))
        let story = TrialReport(plan: plan, outcome: outcome, trace: runner.trace, seed: 1).render()
        #expect(
            story.contains(
                "objective o: hab-1 waited to dock with gw-1, which was lost with launch l-gw (launch failure)"),
            "\(story)")
        #expect(!story.contains("horizon reached"))
    }

    /// gw-1 (agency b, 1000 days) is cancelled when b withdraws on day 200 with no replacement; hab-1 arrived
    /// on day 105 and waits to dock with it. The wait must fail then, not run on until the queue is dry.
    @Test func aTargetCancelledByAWithdrawalEndsTheDockThatWaitedForIt() throws {
        var plan = try Self.plan(targetDays: 1_000, targetAgency: "b")
        let b = try #require(plan.agencies.firstIndex { $0.id == AgencyID("b") })
        plan.withdrawals = [.init(agency: b, day: 200, replacement: nil, transferDays: 0)]
        let hab = try Self.index(plan, "hab-1")
        let gw = try Self.index(plan, "gw-1")
        let gwLaunch = try #require(plan.launches.firstIndex { $0.id == LaunchID("l-gw") })
        let outcome = try runTrial(plan)
        #expect(outcome.elements[hab].inPlaceDay == nil)
        let objective = outcome.objectives[0]
        #expect(objective.cause == .partnerWithdrawal)
        #expect(
            objective.wait
                == .dock(
                    element: hab, target: gw, fate: .lost(element: gw, launch: gwLaunch, cause: .partnerWithdrawal)))
        #expect(outcome.elements[hab].cause == .partnerWithdrawal)
        #expect(
            objective.wait?.text(in: plan)
                == "hab-1 waited to dock with gw-1, which was cancelled when its agency withdrew")
    }

    enum Broken: String, CaseIterable, Sendable {
        case selfDock, cycle, targetNeverLaunched, neededNeverLaunched
    }

    /// A hand-built plan with a dock that cannot complete (what `validate` refuses in files): the queue runs
    /// dry long before the horizon and the objective is lost as stalled, naming what it waited for.
    @Test(arguments: Broken.allCases)
    func aDockThatCannotCompleteStallsTheTrialAndSaysWhy(_ broken: Broken) throws {
        var plan = try Self.plan(targetDays: 50)
        let hab = try Self.index(plan, "hab-1")
        let gw = try Self.index(plan, "gw-1")
        let spare = try Self.index(plan, "spare-1")
        let expected: ObjectiveWait
        let text: String
        switch broken {
        case .selfDock:
            plan.missions[0].docks[0].target = hab
            expected = .dock(element: hab, target: hab, fate: .cycle)
            text = "hab-1 waited to dock with itself"
        case .cycle:
            var back = plan.missions[0].docks[0]
            back.element = gw
            back.target = hab
            plan.missions[0].docks.append(back)
            expected = .dock(element: hab, target: gw, fate: .cycle)
            text = "hab-1 waited to dock with gw-1, which waits, through docks, for hab-1 itself (a cycle)"
        case .targetNeverLaunched:
            plan.missions[0].docks[0].target = spare
            expected = .dock(element: hab, target: spare, fate: .neverLaunched(element: spare))
            text = "hab-1 waited to dock with spare-1, which no launch carries"
        case .neededNeverLaunched:
            plan.objectives[0].needs = [spare]
            expected = .neverLaunched(element: spare)
            text = "spare-1 is carried by no launch"
        }
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        // hab-1 is delivered on day 100 and launched at once: it arrives on day 105. The last event is the
        // fiscal-year rebalance scheduled at the start for the agencies' first year end, 2027-01-01 (day 365).
        #expect(!outcome.reachedHorizon)
        #expect(outcome.endDay == 365)
        #expect(outcome.endDay < plan.horizonDays - 3_650)
        let objective = outcome.objectives[0]
        #expect(!objective.achieved)
        #expect(objective.cause == .stalled)
        #expect(objective.wait == expected)

        let story = TrialReport(plan: plan, outcome: outcome, trace: runner.trace, seed: 1).render()
        #expect(story.contains("objective o: \(text)\n"), "\(story)")
        #expect(story.contains("The event queue ran dry on 2027-01-01, before the horizon"), "\(story)")
        #expect(!story.contains("horizon reached"))
        #expect(!story.contains("The trial reached its horizon"))
        let lost = try #require(runner.trace.first { $0.kind == .objectiveLost })
        #expect(lost.day == 365)
        #expect(lost.detail.contains("lost (stalled: \(text); nothing could happen after this day)"), "\(lost.detail)")

        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 40, seed: 1, threads: 2))
        #expect(result.totals.horizonReached == 0)
        #expect(result.totals.stalled == 40)
        #expect(result.lossCauses(0).map(\.cause) == [.stalled])
        let report = MonteCarloReport(result).render()
        // The loss names the element it is attributed to.
        #expect(report.contains(/stalled \([a-z0-9-]+\) 100\.0 %/), "\(report)")
        #expect(!report.contains("horizon reached"))
        #expect(report.contains("100.0 % of trials ran out of events before the horizon"), "\(report)")
        #expect(report.contains("100.0 %  objective o: \(text)\n"), "\(report)")
    }

    /// The machine outputs name the cause too: JSON (valid against its schema, whose list of causes is the
    /// simulation's) and CSV.
    @Test func stalledTrialsAreCountedAsStalledInJSONAndCSV() throws {
        var plan = try Self.plan(targetDays: 50)
        plan.missions[0].docks[0].target = try Self.index(plan, "hab-1")
        let document = ResultDocument(
            try MonteCarlo.run(plan, MonteCarloOptions(trials: 20, seed: 1, threads: 2)), version: "test")
        let json = try #require(try JSONSerialization.jsonObject(with: try document.json()) as? [String: Any])
        #expect(SchemaCheck.problems(json, try ResultDocumentTests.schema()).isEmpty)
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        let causes = try #require(objectives.first?["lossCauses"] as? [String: Double])
        #expect(causes == ["stalled": 1])
        #expect(String(decoding: try document.csv(), as: UTF8.self).contains("objective_lost,o,stalled,1"))

        let schema = try #require(try ResultDocumentTests.schema() as? [String: Any])
        let names = try #require(Self.lossCauseNames(in: schema))
        #expect(names == LossCause.allCases.map(\.rawValue))
        var broken = json
        var first = objectives[0]
        first["lossCauses"] = ["queue ran dry": 1]
        broken["objectives"] = [first]
        #expect(SchemaCheck.problems(broken, schema).contains { $0.contains("queue ran dry") })
    }

    /// The `propertyNames` enum of the first `lossCauses` object found in `schema`.
    static func lossCauseNames(in schema: Any) -> [String]? {
        if let object = schema as? [String: Any] {
            if let causes = object["lossCauses"] as? [String: Any],
                let names = (causes["propertyNames"] as? [String: Any])?["enum"] as? [String]
            {
                return names
            }
            for value in object.values { if let found = lossCauseNames(in: value) { return found } }
        } else if let array = schema as? [Any] {
            for value in array { if let found = lossCauseNames(in: value) { return found } }
        }
        return nil
    }
}
