import ConsortiumModel
import ConsortiumRandom
import ConsortiumSimulation
import ConsortiumXML
import Foundation
import Testing

/// Reliability growth: a vehicle's flights within its class's early window fly at the early posterior's
/// reliability, later ones at the mature posterior's (README, "Launch reliability and stand-downs"). Every
/// expectation is computed by hand in the comment above it.
struct ReliabilityGrowthTests {
    /// A class `tiny` with early window 2, early records 3/4 and 1/4 (Beta(1, 1), see ReliabilityTests) and
    /// later records 9/10 and 5/10.
    static var tinyClassFile: String {
        ModelAssumptions.bundledText.replacingOccurrences(
            of: "  <reference-class id=\"new-provider\"",
            with: """
                  <reference-class id="tiny" name="Tiny" early-flights="2">
                    <vehicle name="A" successes="3" attempts="4" mature-successes="9" mature-attempts="10" estimate="true"/>
                    <vehicle name="B" successes="1" attempts="4" mature-successes="5" mature-attempts="10" estimate="true"/>
                  </reference-class>
                  <reference-class id="new-provider"
                """)
    }

    /// Later records 9/10 and 5/10: m = 14/20 = 0.7, S = 10 (0.2)^2 + 10 (0.2)^2 = 0.8, m(1-m) = 0.21,
    /// k = 2, N = 20, sum n^2 / N = 10: rho = (0.8/0.21 - 1) / (20 - 10 - 1) = (59/21) / 9 = 59/189, so
    /// alpha + beta = 189/59 - 1 = 130/59: alpha = 0.7 * 130/59 = 91/59, beta = 39/59. The early prior stays
    /// Beta(1, 1) and the window 2.
    @Test func theMaturePriorIsFittedToTheLaterRecordsByTheMethodOfMoments() throws {
        var fixture = Fixture()
        fixture.assumptionsFile = Self.tinyClassFile
        let library = try fixture.load()
        let assumptions = try #require(ModelAssumptions.resolve(library.assumptions).assumptions)
        let mature = try #require(assumptions.referenceClassMaturePriors["tiny"])
        #expect(abs(mature.alpha - 91.0 / 59.0) < 1e-12 && abs(mature.beta - 39.0 / 59.0) < 1e-12, "\(mature)")
        let early = try #require(assumptions.referenceClassPriors["tiny"])
        #expect(abs(early.alpha - 1) < 1e-12 && abs(early.beta - 1) < 1e-12)
        #expect(assumptions.referenceClassEarlyFlights["tiny"] == 2)
    }

    /// On class `tiny` (window 2; early Beta(1, 1), mature Beta(91/59, 39/59)): a vehicle with failed flights
    /// "1 4" of 4 (successes 2 and 3) adds 1 success and 1 failure to each: early Beta(2, 2), mature
    /// Beta(91/59 + 1, 39/59 + 1); its next flight is flight 5. Without the list its 2 failures are spread
    /// evenly (1 in each half): the same posteriors. A 0/0 derivative of it at weight 0.5 adds 0.5 of each
    /// half (early Beta(1.5, 1.5)) and has flown round(0.5 * 4) = 2 flights: its next is flight 3, mature.
    @Test func theRecordIsSplitAtTheEarlyWindow() throws {
        var fixture = Fixture()
        fixture.assumptionsFile = Self.tinyClassFile
        let listed = Fixture.vehicle("listed", successes: 2, attempts: 4, referenceClass: "tiny")
            .replacingOccurrences(of: "<vehicle id=\"listed\"", with: "<vehicle id=\"listed\" failed-flights=\"1 4\"")
        fixture.agencies["a"] = Fixture.agency(
            "a",
            vehicles: listed + Fixture.vehicle("spread", successes: 2, attempts: 4, referenceClass: "tiny")
                + Fixture.vehicle(
                    "derived", successes: 0, attempts: 0, referenceClass: "tiny", heritage: "listed", weight: 0.5))
        let library = try fixture.load()
        let assumptions = try #require(ModelAssumptions.resolve(library.assumptions).assumptions)
        func reliability(_ id: String) throws -> VehicleReliability {
            let vehicle = try #require(library.vehicle(VehicleID(id)))
            return try #require(VehicleReliability(vehicle, library: library, assumptions: assumptions))
        }
        for id in ["listed", "spread"] {
            let r = try reliability(id)
            #expect(abs(r.posterior.alpha - 2) < 1e-12 && abs(r.posterior.beta - 2) < 1e-12, "\(id)")
            let mature = try #require(r.maturePosterior)
            #expect(abs(mature.alpha - (91.0 / 59.0 + 1)) < 1e-12 && abs(mature.beta - (39.0 / 59.0 + 1)) < 1e-12)
            #expect(r.flightsBefore == 4 && r.earlyFlights == 2)
        }
        let derived = try reliability("derived")
        #expect(abs(derived.posterior.alpha - 1.5) < 1e-12 && abs(derived.posterior.beta - 1.5) < 1e-12)
        #expect(derived.flightsBefore == 2)
    }

    /// Failed flights that do not match the record are an error at the vehicle.
    @Test(arguments: ["1", "1 1", "1 5"])
    func failedFlightsMustMatchTheRecord(list: String) throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a",
            vehicles: Fixture.vehicle("rocket", successes: 2, attempts: 4)
                .replacingOccurrences(
                    of: "<vehicle id=\"rocket\"", with: "<vehicle id=\"rocket\" failed-flights=\"\(list)\""))
        #expect(throws: FixtureError.self) { try fixture.load() }
    }

    /// Class `grow`: its early prior never succeeds (Beta(1, 10^8)) and its mature one always does
    /// (Beta(10^8, 1)), window 5. Payload `hab-1` flies on vehicle "rocket" (record `attempts` of
    /// `attempts`, rebuilt after each failure, stand-down 365 days, build 10 days, horizon 4000 days).
    static func growingPlan(attempts: Int) throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 10),
            vehicles: Fixture.vehicle("rocket", successes: attempts, attempts: attempts, referenceClass: "grow"))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")])
        var assumptions = ModelAssumptions.deterministic
        assumptions.referenceClassPriors["grow"] = BetaPrior(alpha: 1, beta: 100_000_000)
        assumptions.referenceClassMaturePriors["grow"] = BetaPrior(alpha: 100_000_000, beta: 1)
        assumptions.referenceClassEarlyFlights["grow"] = 5
        assumptions.defaultHorizonDays = 4000
        return try fixture.plan("c", assumptions: assumptions)
    }

    /// A vehicle that has flown 5 flights is past its window: its 6th flight flies at the mature
    /// reliability and succeeds at once (one attempt, day 10). The early posterior adds its 5 successes:
    /// Beta(6, 10^8), still a certain failure, so this fails if the early reliability were used.
    @Test func aVehiclePastItsEarlyWindowFliesAtTheMatureReliability() throws {
        let plan = try Self.growingPlan(attempts: 5)
        for trial in 0..<20 {
            let outcome = try runTrial(plan, trial: UInt64(trial))
            #expect(outcome.launchAttempts[0] == 1 && outcome.elements[0].launchedDay == 10, "trial \(trial)")
        }
    }

    /// A vehicle with 3 flights flies its 4th and 5th within the window, at the early reliability: both
    /// fail (days 10 and 375, each grounding 365 days), and the 6th, mature, succeeds on day 740: three
    /// attempts. The count is per trial: every trial starts again from the record.
    @Test func aVehicleInItsEarlyWindowFliesAtTheEarlyReliability() throws {
        let plan = try Self.growingPlan(attempts: 3)
        var runner = TrialRunner(plan: plan, seed: 1)
        for trial in 0..<10 {
            let outcome = try runner.run(trial: UInt64(trial))
            #expect(outcome.launchAttempts[0] == 3, "trial \(trial)")
            #expect(outcome.elements[0].launchedDay == 740, "trial \(trial)")
        }
    }

    /// Tanker flights advance the count: a tanker whose first 2 flights are early (never succeed) and whose
    /// later ones always succeed fails on days 100 and 465 (365-day stand-downs), then fills on days 830 and
    /// 840 (gap 10), and the lander launches on day 840.
    @Test func tankerFlightsAdvanceTheFlightCount() throws {
        var plan = try ConceptOfOperationsTests.plan(
            capsule: "", refuelling: #"<refuelling vehicle="tanker" flights="2" within-days="30"/>"#)
        plan.horizonDays = 2000
        let tanker = try #require(plan.vehicles.firstIndex { $0.id == VehicleID("tanker") })
        plan.vehicles[tanker].reliability = BetaPrior(alpha: 1, beta: 100_000_000)
        plan.vehicles[tanker].matureReliability = BetaPrior(alpha: 100_000_000, beta: 1)
        plan.vehicles[tanker].earlyFlights = 2
        plan.vehicles[tanker].flightsBefore = 0
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        #expect(runner.trace.filter { $0.kind == .tankerFailed }.map(\.day) == [100, 465])
        #expect(runner.trace.filter { $0.kind == .tankerLaunched }.map(\.day) == [830, 840])
        #expect(outcome.elements[try ConceptOfOperationsTests.index(plan, "lander-1")].launchedDay == 840)
    }

    /// The mature reliability is the mature posterior's quantile at the early draw's CDF value (one percentile
    /// per vehicle), the percentile redraw gives the same value, and the same seed gives the same draws.
    @Test func theMatureDrawSharesTheEarlyDrawsPercentileAndIsDeterministic() throws {
        let plan = try #require(Bundled.plans.first { $0.0 == "artemis" }?.1)
        let v = try #require(plan.vehicles.firstIndex { $0.id == VehicleID("starship-tanker") })
        let mature = try #require(plan.vehicles[v].matureReliability)
        let input = InputCatalog.count(plan) - plan.risks.count - plan.vehicles.count + v
        var first = TrialDraws()
        var second = TrialDraws()
        for trial in UInt64(0)..<50 {
            first.draw(plan, seed: 7, trial: trial)
            second.draw(plan, seed: 7, trial: trial)
            #expect(first.vehicleMatureReliability == second.vehicleMatureReliability)
            let u = 1 - first.percentiles[input]
            let expected = Beta(alpha: mature.alpha, beta: mature.beta).quantile(u, tolerance: 1e-12)
            #expect(abs(first.vehicleMatureReliability[v] - expected) < 1e-12, "trial \(trial)")
            #expect(TrialDraws.percentile(plan, seed: 7, trial: trial, input: input) == first.percentiles[input])
        }
    }
}

/// The Newton quantile the trial uses for the mature draw agrees with the bisection quantile.
struct BetaNewtonQuantileTests {
    /// Posteriors from a coin toss to Falcon 9's (Beta(457.7, 3.3)) and an extreme one: within 1e-10 of the
    /// bisection's value (the Newton tolerance is 1e-12 in x; the bracket bounds the error).
    @Test(arguments: [(1.0, 1.0), (5.1, 3.1), (2.09, 0.13), (457.7, 3.3), (0.5, 0.5), (1e8, 1)])
    func newtonMatchesBisection(alpha: Double, beta: Double) {
        let distribution = Beta(alpha: alpha, beta: beta)
        for p in [1e-9, 0.001, 0.1, 0.37, 0.5, 0.9, 0.999, 1 - 1e-9] {
            let newton = distribution.quantile(p, tolerance: 1e-12)
            let bisection = distribution.quantile(p)
            #expect(abs(newton - bisection) < 1e-10, "Beta(\(alpha), \(beta)) at \(p): \(newton) vs \(bisection)")
        }
    }
}
