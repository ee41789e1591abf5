import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// The concept of operations: crewed launches held on the ground until what they meet is in place,
/// tanker flights before a departure, limits on the time an element waits in space, transit by
/// destination, and objectives dated at the event that completes them. Every date is computed by hand
/// from fixed durations (the fixture's designs are degenerate three-point estimates).
struct ConceptOfOperationsTests {
    /// A vehicle reaching every destination, that essentially never fails.
    static func vehicle(_ id: String, price: Double, gap: Double) -> String {
        """
        <vehicle id="\(id)" name="Vehicle \(id)" successes="100000000" attempts="100000000" price-musd="\(price)" min-days-between-launches="\(gap)" reference-class="test">
          <capacity destination="leo" kg="100000"/>
          <capacity destination="tli" kg="100000"/>
          <capacity destination="nrho" kg="100000"/>
        </vehicle>
        """
    }

    /// A fixture design with extra attributes (`crewed`, `max-days-in-space`).
    static func design(_ id: String, days: Double, kind: String, attributes: String) -> String {
        Fixture.design(id, days: days, kind: kind).replacingOccurrences(
            of: "<design id=\"\(id)\"", with: "<design id=\"\(id)\" \(attributes)")
    }

    /// Agency "a" builds lander-1 (`landerDays`) and capsule-1 (`capsuleDays`). Mission "m" (transit 5
    /// days, no windows) flies lander-1 on "rocket" (price 100, no gap) as launch "l-lander" to NRHO, and
    /// capsule-1 on "rocket" as "l-crew" to NRHO; capsule-1 docks to lander-1; objective "o" needs both.
    static func plan(
        landerDays: Double = 100, capsuleDays: Double = 50, capsule: String = #"crewed="true""#,
        lander: String = "", refuelling: String = "", objective: String = "",
        needs: String = #"<needs element="lander-1"/><needs element="capsule-1"/>"#
    ) throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: design("lander", days: landerDays, kind: "lander", attributes: lander)
                + design("capsule", days: capsuleDays, kind: "crew-vehicle", attributes: capsule),
            vehicles: vehicle("rocket", price: 100, gap: 0) + vehicle("tanker", price: 10, gap: 10))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <element id="capsule-1" design="capsule" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-lander" vehicle="rocket" destination="nrho"><payload element="lander-1"/>\(refuelling)</launch>
                  <launch id="l-crew" vehicle="rocket" destination="nrho"><payload element="capsule-1"/></launch>
                  <dock element="capsule-1" target="lander-1"/>
                  <objective id="o" name="O" \(objective)>\(needs)</objective>
                </mission>
                """)
        return try fixture.plan("c")
    }

    static func index(_ plan: SimulationPlan, _ id: String) throws -> Int {
        try #require(plan.elements.firstIndex { $0.id == ElementID(id) })
    }

    /// The lander is delivered on day 100 and needs 3 tanker flights (gap 10 days): they fly on days 100,
    /// 110 and 120; the lander launches on day 120 and is in place on day 125. The crewed capsule, ready
    /// on day 50, is held on the ground until then: it launches on day 125 and docks on day 130. The
    /// ledger holds 3 tanker flights at 10 and two launches at 100.
    @Test func aCrewedLaunchWaitsOnTheGroundForItsLanderAndTankers() throws {
        let plan = try Self.plan(
            refuelling: #"<refuelling vehicle="tanker" flights="3" within-days="100"/>"#)
        let outcome = try runTrial(plan, trace: true)
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        _ = try runner.run(trial: 0)
        let lander = try Self.index(plan, "lander-1")
        let capsule = try Self.index(plan, "capsule-1")
        #expect(outcome.elements[lander].launchedDay == 120)
        #expect(outcome.elements[lander].inPlaceDay == 125)
        #expect(outcome.elements[capsule].launchedDay == 125)
        #expect(outcome.elements[capsule].launchedDay == outcome.elements[lander].inPlaceDay)
        #expect(outcome.elements[capsule].inPlaceDay == 130)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 130)
        let tankers = runner.trace.filter { $0.kind == .tankerLaunched }.map(\.day)
        #expect(tankers == [100, 110, 120])
        #expect(outcome.ledger.total(agency: 0, category: .launch) == 3 * 10 + 2 * 100)
        let held = runner.trace.filter { $0.kind == .heldOnGround }
        #expect(held.count == 1)
        #expect(held.first?.day == 50)
        #expect(held.first?.detail == "l-crew held on the ground: waits for lander-1 in place")
    }

    /// Without `crewed`, the capsule is not held: it launches on day 50, arrives on day 55 and waits in
    /// NRHO for the lander (in place on day 105), docking then.
    @Test func anUncrewedLaunchIsNotHeld() throws {
        let outcome = try runTrial(try Self.plan(capsule: ""))
        let capsule = try Self.index(try Self.plan(capsule: ""), "capsule-1")
        #expect(outcome.elements[capsule].launchedDay == 50)
        #expect(outcome.elements[capsule].inPlaceDay == 105)
    }

    /// `after-launches` holds any launch, crewed or not, until the named launch's payload is in place.
    @Test func afterLaunchesHoldsALaunchUntilThatPayloadIsInPlace() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("cargo", days: 100) + Fixture.design("probe", days: 10),
            vehicles: Self.vehicle("rocket", price: 100, gap: 0))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="cargo-1" design="cargo" agency="a" start="2026-01-01"/>
                <element id="probe-1" design="probe" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-cargo" vehicle="rocket" destination="tli"><payload element="cargo-1"/></launch>
                  <launch id="l-probe" vehicle="rocket" destination="tli" after-launches="l-cargo"><payload element="probe-1"/></launch>
                  <objective id="o" name="O"><needs element="probe-1"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        let outcome = try runTrial(plan)
        // Cargo: delivered day 100, in place day 105; the probe (ready day 10) launches on day 105.
        #expect(outcome.elements[try Self.index(plan, "probe-1")].launchedDay == 105)
    }

    /// An uncrewed lander that can wait 30 days (boil-off) arrives on day 105; the capsule (not crewed,
    /// ready on day 300) would dock on day 305: the lander is lost on day 135 (time in space exceeded),
    /// and the objective fails with that cause.
    @Test func aWaitBeyondTheDesignsLimitLosesTheElement() throws {
        let plan = try Self.plan(capsuleDays: 300, capsule: "", lander: #"max-days-in-space="30""#)
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        let lander = try Self.index(plan, "lander-1")
        #expect(outcome.elements[lander].cause == .timeInSpaceExceeded)
        #expect(!outcome.elements[lander].works)
        #expect(outcome.objectives[0].achieved == false)
        #expect(outcome.objectives[0].cause == .timeInSpaceExceeded)
        let lost = runner.trace.filter { $0.kind == .timeInSpaceExceeded }
        #expect(lost.map(\.day) == [135])
        #expect(lost.first?.element == "lander-1")
    }

    /// The same with a crewed capsule: it is held on the ground (from day 300), and when the lander is
    /// found lost it never flies; no crew waits in space.
    @Test func aCrewedLaunchWhoseLanderIsLostNeverFlies() throws {
        let plan = try Self.plan(capsuleDays: 300, lander: #"max-days-in-space="30""#)
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        let capsule = try Self.index(plan, "capsule-1")
        let crewLaunch = try #require(plan.launches.firstIndex { $0.id == LaunchID("l-crew") })
        #expect(outcome.launchAttempts[crewLaunch] == 0)
        #expect(outcome.elements[capsule].launchedDay == nil)
        #expect(outcome.elements[capsule].cause == .timeInSpaceExceeded)
        #expect(outcome.objectives[0].cause == .timeInSpaceExceeded)
        // The capsule's work stops when the lander is lost (day 135): it serves only that objective.
        #expect(
            runner.trace.contains {
                $0.kind == .cancelled && $0.day == 135 && $0.detail.hasPrefix("capsule-1 is stopped: every objective")
            })
    }

    /// The same with the objective listing the capsule first: its loss is still put on the lander, whose time
    /// in space ran out on day 135 (the capsule only never flew because of it), and dated then. It was put on
    /// the capsule, the first needed element with a cause, and dated at the end of the trial.
    @Test func aLossIsPutOnTheElementWhoseLossCausedIt() throws {
        let plan = try Self.plan(
            capsuleDays: 300, lander: #"max-days-in-space="30""#,
            needs: #"<needs element="capsule-1"/><needs element="lander-1"/>"#)
        let outcome = try runTrial(plan)
        let lander = try Self.index(plan, "lander-1")
        #expect(outcome.objectives[0].cause == .timeInSpaceExceeded)
        #expect(outcome.objectives[0].bindingElement == lander)
        #expect(outcome.objectives[0].lostDay == 135)
    }

    /// An outpost: a lander (`landerDays`, extra design attributes `lander`) on launch "l-lander"
    /// (`landerLaunch` gives its vehicle and more), a crewed capsule (50 days, 11 days' endurance) on
    /// "rocket" docking to it, and a 200-day habitat on "heavy"; transit 5 days; the objective needs all three.
    static func outpostPlan(landerDays: Double, lander: String, landerLaunch: String) throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: design("lander", days: landerDays, kind: "lander", attributes: lander)
                + design(
                    "capsule", days: 50, kind: "crew-vehicle", attributes: #"crewed="true" max-days-in-space="11""#)
                + Fixture.design("hab", days: 200),
            vehicles: vehicle("rocket", price: 100, gap: 0) + vehicle("heavy", price: 100, gap: 0)
                + vehicle("third", price: 100, gap: 0))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <element id="capsule-1" design="capsule" agency="a" start="2026-01-01"/>
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-lander" \(landerLaunch) destination="nrho"><payload element="lander-1"/></launch>
                  <launch id="l-crew" vehicle="rocket" destination="nrho"><payload element="capsule-1"/></launch>
                  <launch id="l-hab" vehicle="heavy" destination="nrho"><payload element="hab-1"/></launch>
                  <dock element="capsule-1" target="lander-1"/>
                  <objective id="o" name="O"><needs element="capsule-1"/><needs element="lander-1"/><needs element="hab-1"/></objective>
                </mission>
                """)
        return try fixture.plan("c")
    }

    /// An outpost: the crew's objective also needs a habitat that another launch carries (ready on day 200,
    /// in place on day 205). The crewed capsule (ready on day 50, 11 days' endurance) docks to the lander
    /// (in place on day 105) but is held on the ground until the habitat is in place too: it launches on day
    /// 205 and docks on day 210, and the objective is achieved. It flew on day 105 and was lost waiting for
    /// the habitat on day 121.
    @Test func aCrewWaitsOnTheGroundForWhatItsObjectiveNeeds() throws {
        let plan = try Self.outpostPlan(landerDays: 100, lander: "", landerLaunch: #"vehicle="third""#)
        let outcome = try runTrial(plan)
        let capsule = try Self.index(plan, "capsule-1")
        #expect(outcome.elements[capsule].launchedDay == 205)
        #expect(outcome.elements[capsule].inPlaceDay == 210)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 210)
    }

    /// The outpost again, with a lander that can wait 30 days and flies `ready-with` the crew's launch: the
    /// crew's stack is ready on day 50 but held for the habitat (in place on day 205), so the lander waits on
    /// the ground too. It flies on day 205 and is in place on day 210; the crew then flies and docks on day
    /// 215. The lander flew when the crew's stack was integrated (day 50) and ran out of time on day 85.
    @Test func aLanderReadyWithAHeldCrewWaitsWithIt() throws {
        let plan = try Self.outpostPlan(
            landerDays: 50, lander: #"max-days-in-space="30""#, landerLaunch: #"vehicle="third" ready-with="l-crew""#)
        let outcome = try runTrial(plan)
        let lander = try Self.index(plan, "lander-1")
        let capsule = try Self.index(plan, "capsule-1")
        #expect(outcome.elements[lander].launchedDay == 205)
        #expect(outcome.elements[lander].inPlaceDay == 210)
        #expect(outcome.elements[capsule].inPlaceDay == 215)
        #expect(outcome.objectives[0].achieved)
    }

    /// The lander fails on arrival (reliability 0, day 105): the crewed capsule held for it never flies, and
    /// the objective is lost to the lander's failure. The capsule was released, flew and "docked" to the dead
    /// lander.
    @Test func aCrewDoesNotFlyToALanderThatFailedOnArrival() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Fixture.design("lander", days: 100, reliability: 0, kind: "lander")
                + Self.design("capsule", days: 50, kind: "crew-vehicle", attributes: #"crewed="true""#),
            vehicles: Self.vehicle("rocket", price: 100, gap: 0))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <element id="capsule-1" design="capsule" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-lander" vehicle="rocket" destination="nrho"><payload element="lander-1"/></launch>
                  <launch id="l-crew" vehicle="rocket" destination="nrho"><payload element="capsule-1"/></launch>
                  <dock element="capsule-1" target="lander-1"/>
                  <objective id="o" name="O"><needs element="capsule-1"/><needs element="lander-1"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        let outcome = try runTrial(plan)
        let capsule = try Self.index(plan, "capsule-1")
        let lander = try Self.index(plan, "lander-1")
        #expect(outcome.elements[capsule].launchedDay == nil)
        #expect(outcome.objectives[0].cause == .elementFailure)
        #expect(outcome.objectives[0].bindingElement == lander)
    }

    /// A crewed capsule that may wait 21 days docks the day it arrives (held on the ground): its limit
    /// event is cancelled, and a lander whose crew arrives within its limit is not lost.
    @Test func aWaitWithinTheLimitIsCancelledWhenTheElementDocks() throws {
        let plan = try Self.plan(
            capsule: #"crewed="true" max-days-in-space="21""#, lander: #"max-days-in-space="30""#)
        let outcome = try runTrial(plan)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.elements.allSatisfy { $0.cause == nil })
    }

    /// Fill with 2 tanker flights (days 100, 110, limit 30 days); the lander's launch on day 110 fails (forced)
    /// and grounds the rocket for 365 days, until day 475. The lander is rebuilt in the meantime; at its
    /// booked flight on day 475 the propellant (loaded from day 100) is lost: the fill starts again, timed
    /// to end when the rocket can fly (tankers on days 475 and 485), and the lander launches on day 485.
    /// Four tanker flights are paid, and three rocket flights (the failed one, the lander, the capsule).
    @Test func propellantNotUsedInTimeIsLostAndTheFillStartsAgain() throws {
        var plan = try Self.plan(
            capsule: "", refuelling: #"<refuelling vehicle="tanker" flights="2" within-days="30"/>"#)
        let landerLaunch = try #require(plan.launches.firstIndex { $0.id == LaunchID("l-lander") })
        plan.launches[landerLaunch].forcedFailures = [1]
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        #expect(runner.trace.filter { $0.kind == .tankerLaunched }.map(\.day) == [100, 110, 475, 485])
        #expect(runner.trace.filter { $0.kind == .propellantLost }.map(\.day) == [475])
        #expect(outcome.elements[try Self.index(plan, "lander-1")].launchedDay == 485)
        #expect(outcome.ledger.total(agency: 0, category: .launch) == 4 * 10 + 3 * 100)
    }

    /// A fill is timed to end when its launch can fly: with the rocket grounded (by the scenario) until day
    /// 200, the 2 tankers (gap 10) fly on days 190 and 200 and the lander on day 200, nothing boils off.
    @Test func aFillIsTimedToEndWhenItsLaunchCanFly() throws {
        var plan = try Self.plan(
            capsule: "", refuelling: #"<refuelling vehicle="tanker" flights="2" within-days="30"/>"#)
        let rocket = try #require(plan.vehicles.firstIndex { $0.id == VehicleID("rocket") })
        plan.vehicles[rocket].groundings = [100...200]
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        #expect(runner.trace.filter { $0.kind == .tankerLaunched }.map(\.day) == [190, 200])
        #expect(!runner.trace.contains { $0.kind == .propellantLost })
        #expect(outcome.elements[try Self.index(plan, "lander-1")].launchedDay == 200)
    }

    /// A tanker vehicle that always fails: each flight is paid and grounds it for its stand-down (365
    /// days), so the flights come on days 100, 465 and 830 (horizon 1000) and the lander never launches.
    @Test func aFailedTankerIsPaidAndGroundsTheVehicle() throws {
        var plan = try Self.plan(
            capsule: "", refuelling: #"<refuelling vehicle="tanker" flights="2" within-days="30"/>"#)
        plan.horizonDays = 1000
        let tanker = try #require(plan.vehicles.firstIndex { $0.id == VehicleID("tanker") })
        // A posterior with no success in 10^8 flights: it always fails.
        plan.vehicles[tanker].reliability = BetaPrior(alpha: 1, beta: 100_000_000)
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        let failed = runner.trace.filter { $0.kind == .tankerFailed }.map(\.day)
        #expect(failed == [100, 465, 830])
        #expect(outcome.elements[try Self.index(plan, "lander-1")].launchedDay == nil)
        #expect(outcome.ledger.total(agency: 0, category: .launch) == 3 * 10 + 100)
    }

    /// A launch to low Earth orbit arrives after the model's LEO transit (1 day), not the mission's 259
    /// days; a launch's own `transit-days` overrides both.
    @Test(arguments: [("", 1.0), (#"transit-days="3""#, 3.0)])
    func lowEarthOrbitTransitIsTheDestinationDefault(attribute: String, transit: Double) throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 100), vehicles: Self.vehicle("rocket", price: 100, gap: 0))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="mars" transit-days="259" duration-days="0">
                  <windows kind="mars" reference="2026-01-01" period-days="779.9" width-days="779.9"/>
                  <launch id="l" vehicle="rocket" destination="leo" \(attribute)><payload element="hab-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        #expect(plan.assumptions.leoTransitDays == 1)
        let outcome = try runTrial(plan)
        #expect(outcome.elements[0].launchedDay == 100)
        #expect(outcome.elements[0].inPlaceDay == 100 + transit)
    }

    /// An objective with `completion-days="6"` is dated 6 days after its last element is in place: the
    /// lander is in place on day 105, the crew launches then and docks on day 110, so day 116.
    @Test func anObjectiveIsDatedAtTheEventThatCompletesIt() throws {
        let outcome = try runTrial(try Self.plan(objective: #"completion-days="6""#))
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 116)
    }
}

extension ConceptOfOperationsTests {
    /// Two launches refuelled by the same tanker vehicle (gap 10 days) fill one depot at a time: lander-1
    /// (ready day 100) takes the tankers on days 100, 110 and 120; lander-2 (ready day 105) waits and fills
    /// on days 130, 140 and 150, so it launches on day 150 (rocket without gap).
    @Test func oneDepotIsFilledAtATime() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Self.design("lander", days: 100, kind: "lander", attributes: "")
                + Self.design("lander-b", days: 105, kind: "lander", attributes: ""),
            vehicles: Self.vehicle("rocket", price: 100, gap: 0) + Self.vehicle("tanker", price: 10, gap: 10))
        let refuel = #"<refuelling vehicle="tanker" flights="3" within-days="100"/>"#
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <element id="lander-2" design="lander-b" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-1" vehicle="rocket" destination="nrho"><payload element="lander-1"/>\(refuel)</launch>
                  <launch id="l-2" vehicle="rocket" destination="nrho"><payload element="lander-2"/>\(refuel)</launch>
                  <objective id="o" name="O"><needs element="lander-1"/><needs element="lander-2"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        #expect(runner.trace.filter { $0.kind == .tankerLaunched }.map(\.day) == [100, 110, 120, 130, 140, 150])
        #expect(outcome.elements[try Self.index(plan, "lander-1")].launchedDay == 120)
        #expect(outcome.elements[try Self.index(plan, "lander-2")].launchedDay == 150)
    }

    /// `ready-with`: the lander (ready day 100) waits on the ground until the crew's stack is ready (the
    /// capsule, 300 days): it launches on day 300 and is in place on day 305; the crew, held for it,
    /// launches on day 305 and docks on day 310. With a 30-day limit the lander is not lost.
    @Test func aLanderWaitsOnTheGroundForItsCrewsStack() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Self.design("lander", days: 100, kind: "lander", attributes: #"max-days-in-space="30""#)
                + Self.design("capsule", days: 300, kind: "crew-vehicle", attributes: #"crewed="true""#),
            vehicles: Self.vehicle("rocket", price: 100, gap: 0))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <element id="capsule-1" design="capsule" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-lander" vehicle="rocket" destination="nrho" ready-with="l-crew"><payload element="lander-1"/></launch>
                  <launch id="l-crew" vehicle="rocket" destination="nrho"><payload element="capsule-1"/></launch>
                  <dock element="capsule-1" target="lander-1"/>
                  <objective id="o" name="O"><needs element="lander-1"/><needs element="capsule-1"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        let outcome = try runTrial(plan)
        #expect(outcome.elements[try Self.index(plan, "lander-1")].launchedDay == 300)
        #expect(outcome.elements[try Self.index(plan, "capsule-1")].launchedDay == 305)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 310)
    }
}

extension ConceptOfOperationsTests {
    /// Regression (seen in trial 30 of the bundled Artemis campaign: an SLS flew to an HLS lost months
    /// before). The lander (30-day limit) is in place on day 105 and releases the crew, whose vehicle is
    /// grounded until day 200: the crew is booked for day 200 and the lander is lost on day 135. The capsule
    /// then serves only a lost objective: its launch is cancelled that day (before this rule, at the booked
    /// attempt on day 200); either way it never flies.
    @Test func aBookedCrewLaunchWhoseLanderExpiredDoesNotFly() throws {
        var plan = try Self.plan(lander: #"max-days-in-space="30""#)
        let crewLaunch = try #require(plan.launches.firstIndex { $0.id == LaunchID("l-crew") })
        // The crew flies on a vehicle of its own, grounded by the scenario from day 100 to day 200.
        var crewVehicle = plan.vehicles[plan.launches[crewLaunch].vehicle]
        crewVehicle.id = VehicleID("crew-rocket")
        crewVehicle.groundings = [100...200]
        plan.vehicles.append(crewVehicle)
        plan.launches[crewLaunch].vehicle = plan.vehicles.count - 1
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        let capsule = try Self.index(plan, "capsule-1")
        #expect(outcome.launchAttempts[crewLaunch] == 0)
        #expect(outcome.elements[capsule].launchedDay == nil)
        #expect(outcome.objectives[0].cause == .timeInSpaceExceeded)
        #expect(runner.trace.contains { $0.kind == .launchScheduled && $0.day == 105 && $0.detail.contains("l-crew") })
        #expect(
            runner.trace.contains {
                $0.kind == .cancelled && $0.day == 135 && $0.detail.hasPrefix("capsule-1 is stopped: every objective")
            })
    }
}

extension ConceptOfOperationsTests {
    /// Regression (seen in the bundled Artemis III: the HLS flew when the SLS stack was ready, but the SLS
    /// vehicle could not fly for 295 more days, and the HLS boiled off). As above, with the crew's vehicle
    /// grounded until day 400: the lander, ready with the crew on day 300, launches on day 395 so as to be
    /// in place on day 400, when the crew can fly; the crew docks on day 405 and nothing is lost.
    @Test func aLanderReadyWithItsCrewFliesWhenTheCrewCanFly() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            designs: Self.design("lander", days: 100, kind: "lander", attributes: #"max-days-in-space="30""#)
                + Self.design("capsule", days: 300, kind: "crew-vehicle", attributes: #"crewed="true""#),
            vehicles: Self.vehicle("rocket", price: 100, gap: 0) + Self.vehicle("crew-rocket", price: 100, gap: 0))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="lander-1" design="lander" agency="a" start="2026-01-01"/>
                <element id="capsule-1" design="capsule" agency="a" start="2026-01-01"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="0">
                  <launch id="l-lander" vehicle="rocket" destination="nrho" ready-with="l-crew"><payload element="lander-1"/></launch>
                  <launch id="l-crew" vehicle="crew-rocket" destination="nrho"><payload element="capsule-1"/></launch>
                  <dock element="capsule-1" target="lander-1"/>
                  <objective id="o" name="O"><needs element="lander-1"/><needs element="capsule-1"/></objective>
                </mission>
                """)
        var plan = try fixture.plan("c")
        let crewVehicle = try #require(plan.vehicles.firstIndex { $0.id == VehicleID("crew-rocket") })
        plan.vehicles[crewVehicle].groundings = [0...400]
        let outcome = try runTrial(plan)
        #expect(outcome.elements[try Self.index(plan, "lander-1")].launchedDay == 395)
        #expect(outcome.elements[try Self.index(plan, "capsule-1")].launchedDay == 400)
        #expect(outcome.objectives[0].achieved)
        #expect(outcome.objectives[0].day == 405)
    }
}
