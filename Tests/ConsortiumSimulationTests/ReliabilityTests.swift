import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation
import Testing

/// Launch reliability from a reference class with heritage, stand-downs from the record, and the model's
/// assumptions as a library file that campaigns and the command line can change. Every expectation is
/// computed by hand in the comment above it.
struct ReliabilityTests {
    /// Records 3/4 and 1/4: pooled m = 1/2; S = 4 (1/4)^2 + 4 (1/4)^2 = 1/2, S / (m(1-m)) = 2; k = 2, N = 8,
    /// sum n^2 / N = 4, so rho = (2 - 1) / (8 - 4 - 1) = 1/3, alpha + beta = 1/rho - 1 = 2: Beta(1, 1).
    @Test func aTinyReferenceClassFitsByTheMethodOfMoments() throws {
        let prior = try BetaPrior.fitted(to: [(3, 4), (1, 4)]).get()
        #expect(abs(prior.alpha - 1) < 1e-12 && abs(prior.beta - 1) < 1e-12, "\(prior)")
    }

    /// Records 2/4 and 2/4 spread less than binomial noise (S = 0, rho < 0): rho is set to 1/(N+1) = 1/9, so
    /// alpha + beta = 8 (the class weighs as its eight pooled flights): Beta(4, 4).
    @Test func aClassWithNoExtraSpreadWeighsAsItsPooledFlights() throws {
        let prior = try BetaPrior.fitted(to: [(2, 4), (2, 4)]).get()
        #expect(abs(prior.alpha - 4) < 1e-12 && abs(prior.beta - 4) < 1e-12, "\(prior)")
        #expect(throws: BetaPrior.FitProblem.self) { try BetaPrior.fitted(to: [(4, 4), (5, 5)]).get() }
        #expect(throws: BetaPrior.FitProblem.self) { try BetaPrior.fitted(to: [(1, 4)]).get() }
    }

    /// An assumptions file whose class `tiny` holds the records 3/4 and 1/4 (prior Beta(1, 1), above).
    static var tinyClassFile: String {
        ModelAssumptions.bundledText.replacingOccurrences(
            of: "  <reference-class id=\"new-provider\"",
            with: """
                  <reference-class id="tiny" name="Tiny">
                    <vehicle name="A" successes="3" attempts="4" estimate="true"/>
                    <vehicle name="B" successes="1" attempts="4" estimate="true"/>
                  </reference-class>
                  <reference-class id="new-provider"
                """)
    }

    /// With prior Beta(1, 1): a 0/0 vehicle stays Beta(1, 1) (mean 1/2, P10 0.1: uniform); a 2/2 vehicle is
    /// Beta(3, 1) (mean 3/4; its CDF is x^3, so P10 = 0.1^(1/3) = 0.464159); a 2/2 vehicle whose heritage
    /// parent flew 8 of 10, at weight 0.5, is Beta(1 + 2 + 4, 1 + 0 + 1) = Beta(7, 2) (mean 7/9).
    @Test func posteriorsOfNewFlownAndDerivedVehicles() throws {
        var fixture = Fixture()
        fixture.assumptionsFile = Self.tinyClassFile
        fixture.agencies["a"] = Fixture.agency(
            "a",
            vehicles: Fixture.vehicle("new", successes: 0, attempts: 0, referenceClass: "tiny")
                + Fixture.vehicle("flown", successes: 2, attempts: 2, referenceClass: "tiny")
                + Fixture.vehicle("parent", successes: 8, attempts: 10, referenceClass: "tiny")
                + Fixture.vehicle(
                    "derived", successes: 2, attempts: 2, referenceClass: "tiny", heritage: "parent", weight: 0.5))
        let library = try fixture.load()
        let assumptions = try #require(ModelAssumptions.resolve(library.assumptions).assumptions)
        func posterior(_ id: String) throws -> BetaPrior {
            let vehicle = try #require(library.vehicle(VehicleID(id)))
            return try #require(VehicleReliability(vehicle, library: library, assumptions: assumptions)).posterior
        }
        let new = try posterior("new")
        #expect(abs(new.alpha - 1) < 1e-12 && abs(new.beta - 1) < 1e-12)
        #expect(abs(new.mean - 0.5) < 1e-12 && abs(new.quantile(0.1) - 0.1) < 1e-9)
        let flown = try posterior("flown")
        #expect(abs(flown.alpha - 3) < 1e-12 && abs(flown.beta - 1) < 1e-12)
        #expect(abs(flown.mean - 0.75) < 1e-12 && abs(flown.quantile(0.1) - 0.464_158_883) < 1e-8)
        let derived = try posterior("derived")
        #expect(abs(derived.alpha - 7) < 1e-12 && abs(derived.beta - 2) < 1e-12)
        #expect(abs(derived.mean - 7.0 / 9.0) < 1e-12)
    }

    /// The bundled library: SLS Block 1B (0/0) gets Block 1's 2/2 (both in the five-flight early window) at
    /// weight 0.5 on the experienced-provider prior, so its early posterior adds exactly 1 success to that
    /// prior and its mature one nothing. Falcon Heavy (11/11) adds its first 5 successes and 0.1 of Falcon 9's
    /// first 5 flights, whose 3 failures in 464 are spread evenly (0.1 * 15/464 failures) to the early prior,
    /// and its other 6 and 0.1 of Falcon 9's other 459 flights (0.1 * 3 * 459/464 failures) to the mature one.
    @Test func bundledDerivativesCarryTheirHeritage() throws {
        let library = Bundled.library
        let assumptions = try #require(ModelAssumptions.resolve(library.assumptions).assumptions)
        let prior = try #require(assumptions.referenceClassPriors["experienced-provider"])
        let block1bVehicle = try #require(library.vehicle(VehicleID("sls-block1b")))
        let heavyVehicle = try #require(library.vehicle(VehicleID("falcon-heavy")))
        let block1b = try #require(VehicleReliability(block1bVehicle, library: library, assumptions: assumptions))
        let mature = try #require(assumptions.referenceClassMaturePriors["experienced-provider"])
        #expect(abs(block1b.posterior.alpha - (prior.alpha + 1)) < 1e-9 && block1b.posterior.beta == prior.beta)
        #expect(block1b.maturePosterior == mature)
        let heavy = try #require(VehicleReliability(heavyVehicle, library: library, assumptions: assumptions))
        #expect(abs(heavy.posterior.alpha - (prior.alpha + 5 + 0.1 * (5 - 15.0 / 464))) < 1e-9)
        #expect(abs(heavy.posterior.beta - (prior.beta + 0.1 * 15.0 / 464)) < 1e-9)
        let heavyMature = try #require(heavy.maturePosterior)
        #expect(abs(heavyMature.alpha - (mature.alpha + 6 + 0.1 * (459 - 3 * 459.0 / 464))) < 1e-9)
        #expect(abs(heavyMature.beta - (mature.beta + 0.1 * 3 * 459.0 / 464)) < 1e-9)
    }

    /// Two launches of one vehicle with posterior Beta(2, 2) (a 1/2 record on a Beta(1, 1) prior), the second
    /// after the first. A trial draws p once, so P(flight 2 succeeds | flight 1 failed) = E[p(1-p)] / E[1-p]
    /// = a / (a + b + 1) = 2/5, and after a success (a + 1) / (a + b + 1) = 3/5. Over 8000 trials about 4000
    /// condition each; 4 binomial standard errors of 2/5 over 4000 are 0.031, allowed with margin (0.04).
    @Test func aFailureUpdatesTheVehiclesChanceLikeTheBayesianPredictive() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("first", days: 10) + Fixture.design("second", days: 20),
            vehicles: Fixture.vehicle("rocket", successes: 1, attempts: 2))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: """
                <element id="one" design="first" agency="a" start="2026-01-01"/>
                <element id="two" design="second" agency="a" start="2026-01-01"/>
                <mission id="m1" name="M1" body="moon" transit-days="0" duration-days="0">
                  <launch id="l1" vehicle="rocket" destination="tli" on-failure="lose"><payload element="one"/></launch>
                  <objective id="o1" name="O1"><needs element="one"/></objective>
                </mission>
                <mission id="m2" name="M2" body="moon" transit-days="0" duration-days="0">
                  <launch id="l2" vehicle="rocket" destination="tli" on-failure="lose"><payload element="two"/></launch>
                  <objective id="o2" name="O2"><needs element="two"/></objective>
                </mission>
                """)
        let plan = try fixture.plan("c")
        var runner = TrialRunner(plan: plan, seed: 5)
        var afterFailure = (flights: 0, successes: 0)
        var afterSuccess = (flights: 0, successes: 0)
        for trial in 0..<8000 {
            let outcome = try runner.run(trial: UInt64(trial))
            let first = outcome.elements[0].launchedDay != nil
            let second = outcome.elements[1].launchedDay != nil
            if first {
                afterSuccess.flights += 1
                afterSuccess.successes += second ? 1 : 0
            } else {
                afterFailure.flights += 1
                afterFailure.successes += second ? 1 : 0
            }
        }
        let rateAfterFailure = Double(afterFailure.successes) / Double(afterFailure.flights)
        let rateAfterSuccess = Double(afterSuccess.successes) / Double(afterSuccess.flights)
        #expect(abs(rateAfterFailure - 0.4) < 0.04, "after a failure: \(rateAfterFailure) of \(afterFailure.flights)")
        #expect(abs(rateAfterSuccess - 0.6) < 0.04, "after a success: \(rateAfterSuccess) of \(afterSuccess.flights)")
    }

    /// A vehicle that always fails (0 of 10^8) and a payload rebuilt after each failure: every grounding in
    /// the trace is one of the record's durations (10, 35 or 200 days), and over many trials each appears.
    /// The vehicle never flies its payload in 3000 days (the rule it replaces, failure probability x 0.7 per
    /// failure, flew it after a few failures: 1 - 0.7^3 = 66 % after three).
    @Test func standDownsAreDrawnOnlyFromTheRecord() throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 10),
            vehicles: Fixture.vehicle("rocket", successes: 0, attempts: 100_000_000))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")])
        var assumptions = ModelAssumptions.deterministic
        assumptions.launchFailureStandDownDays = [10, 200, 35]
        assumptions.defaultHorizonDays = 3000
        let plan = try fixture.plan("c", assumptions: assumptions)
        var seen = Set<String>()
        for trial in 0..<20 {
            var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
            let outcome = try runner.run(trial: UInt64(trial))
            #expect(outcome.elements[0].launchedDay == nil && outcome.launchAttempts[0] > 5)
            for entry in runner.trace where entry.kind == .launchFailed {
                let days = try #require(entry.detail.split(separator: " ").dropLast().last.map(String.init))
                #expect(["10", "35", "200"].contains(days), "\(entry.detail)")
                seen.insert(days)
            }
        }
        #expect(seen == ["10", "35", "200"])
    }

    /// The record lists two returns to flight of the vehicle's owner "a" (10 and 20 days) and one of another
    /// provider (500 days). With `provider-stand-down-minimum` 2 every grounding of a's always-failing
    /// vehicle is 10 or 20 days; with 3, a's own record is too short and all three appear. (One pool for every
    /// vehicle grounded a Starship tanker for Vega C's two years.)
    @Test(arguments: [(2, ["10", "20"] as Set<String>), (3, ["10", "20", "500"] as Set<String>)])
    func aProvidersOwnReturnsToFlightAreItsStandDowns(minimum: Int, expected: Set<String>) throws {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("hab", days: 10),
            vehicles: Fixture.vehicle("rocket", successes: 0, attempts: 100_000_000))
        fixture.missions["c"] = Fixture.oneLaunch([("hab-1", "hab", "a")])
        var assumptions = ModelAssumptions.deterministic
        assumptions.launchFailureStandDownDays = [10, 500, 20]
        assumptions.launchFailureStandDownProviders = ["a", "b", "a"]
        assumptions.providerStandDownMinimum = minimum
        assumptions.defaultHorizonDays = 3000
        let plan = try fixture.plan("c", assumptions: assumptions)
        var seen = Set<String>()
        for trial in 0..<30 {
            var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
            _ = try runner.run(trial: UInt64(trial))
            for entry in runner.trace where entry.kind == .launchFailed {
                let days = try #require(entry.detail.split(separator: " ").dropLast().last.map(String.init))
                seen.insert(days)
            }
        }
        #expect(seen == expected)
    }

    /// A campaign whose one contract is on a bespoke interface: with rework-probability-bespoke 1 every trial
    /// reworks it (two verifications); with 0, none does.
    static func bespokeCampaign(assume: String = "") -> Fixture {
        var fixture = Fixture()
        let interfaces = #"<provides standard="custom" revision="a"/>"#
        fixture.agencies["a"] = Fixture.agency(
            "a",
            extra: """
                <standard id="custom" name="Bespoke" function="docking" published="false"><revision id="a"/></standard>
                """,
            designs: Fixture.design("hab", days: 100, interfaces: interfaces)
                + Fixture.design("module", days: 100, interfaces: interfaces),
            vehicles: Fixture.vehicle("rocket", referenceClass: "experienced-provider"))
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: assume + """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="module-1" design="module" agency="a" start="2026-01-01"/>
                <contract id="k" provider="a" consumer="a" element="module-1" counterpart="hab-1" standard="custom"
                          revision="a" need-by="2027-01-01" verification-days="30"/>
                <mission id="m" name="M" body="moon" transit-days="0" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/></objective>
                </mission>
                """)
        return fixture
    }

    /// How many of 200 trials rework the contract, with the library's assumptions changed by `overrides`.
    static func reworks(_ fixture: Fixture, commandLine: [String] = []) throws -> Int {
        let library = try fixture.load()
        let campaign = try #require(library.campaign(CampaignID("c")))
        let cli = try commandLine.map { try ModelAssumptions.commandLineOverride($0).get() }
        let assumptions = try #require(
            ModelAssumptions.resolve(library.assumptions, overrides: campaign.assumptions + cli).assumptions)
        let plan = try SimulationPlan(library: library, campaign: campaign, assumptions: assumptions)
        var runner = TrialRunner(plan: plan, seed: 3)
        var count = 0
        for trial in 0..<200 where try runner.run(trial: UInt64(trial)).contracts[0].verifications > 1 { count += 1 }
        return count
    }

    /// An instructor edits the library's file (the 20 % bespoke rework becomes 100 %, then 0 %): no rebuild.
    @Test func theLibrarysFileSetsTheReworkRate() throws {
        var fixture = Self.bespokeCampaign()
        let line = #"<parameter name="rework-probability-bespoke" value="0.20""#
        #expect(ModelAssumptions.bundledText.contains(line))
        fixture.assumptionsFile = ModelAssumptions.bundledText.replacingOccurrences(
            of: line, with: #"<parameter name="rework-probability-bespoke" value="1""#)
        #expect(try Self.reworks(fixture) == 200)
        fixture.assumptionsFile = ModelAssumptions.bundledText.replacingOccurrences(
            of: line, with: #"<parameter name="rework-probability-bespoke" value="0""#)
        #expect(try Self.reworks(fixture) == 0)
    }

    /// The campaign's <assume> replaces the library's 20 %, and --assume replaces the campaign's.
    @Test func aCampaignAndTheCommandLineOverrideTheReworkRate() throws {
        var fixture = Self.bespokeCampaign(
            assume: #"<assume parameter="rework-probability-bespoke" value="1" estimate="true"/>"#)
        fixture.assumptionsFile = ModelAssumptions.bundledText
        #expect(try Self.reworks(fixture) == 200)
        #expect(try Self.reworks(fixture, commandLine: ["rework-probability-bespoke=0"]) == 0)
    }

    /// A misspelt parameter is an error at its line, with the right name suggested; the one it should have
    /// been is then missing; a campaign's unknown <assume> is located in the campaign file.
    @Test func anUnknownParameterIsALocatedError() throws {
        var fixture = Self.bespokeCampaign(assume: #"<assume parameter="integration-dayz" value="3" estimate="true"/>"#)
        fixture.assumptionsFile = ModelAssumptions.bundledText.replacingOccurrences(
            of: #"name="rework-fraction""#, with: #"name="rework-fractoin""#)
        let line = try #require(
            fixture.assumptionsFile?.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.contains("rework-fractoin")
            })
        let library = try fixture.load()
        let campaign = try #require(library.campaign(CampaignID("c")))
        let diagnostics = ModelAssumptions.resolve(library.assumptions, overrides: campaign.assumptions).diagnostics
        let unknown = try #require(diagnostics.first { $0.message.contains("rework-fractoin") })
        #expect(unknown.code == "unknown-parameter" && unknown.location.line == line + 1)
        #expect(unknown.location.file.hasSuffix("Assumptions/model.xml"))
        #expect(unknown.hint?.contains("did you mean 'rework-fraction'") == true)
        #expect(diagnostics.contains { $0.code == "missing-parameter" && $0.message.contains("'rework-fraction'") })
        let assumed = try #require(diagnostics.first { $0.message.contains("integration-dayz") })
        #expect(assumed.location.file.hasSuffix("Missions/c.xml"))
        #expect(ModelAssumptions.resolve(library.assumptions, overrides: campaign.assumptions).assumptions == nil)
    }

    /// `--assume` text: a known name with a value in range is accepted; anything else says what is known.
    @Test func commandLineOverridesAreChecked() throws {
        let good = try ModelAssumptions.commandLineOverride("rework-probability-bespoke=0.1").get()
        #expect(good.name == "rework-probability-bespoke" && good.value == 0.1)
        for bad in ["bogus=1", "rework-probability-bespoke", "rework-probability-bespoke=2", "event-limit=1.5"] {
            guard case .failure(let problem) = ModelAssumptions.commandLineOverride(bad) else {
                Issue.record("'\(bad)' was accepted")
                continue
            }
            #expect(problem.message.contains("--assume"), "\(problem.message)")
        }
        let unknown = ModelAssumptions.commandLineOverride("bogus=1")
        if case .failure(let problem) = unknown { #expect(problem.message.contains("rework-probability-bespoke")) }
    }

    /// The bundled file gives every parameter and both records; the crew-loss record is Challenger
    /// (1986-01-28 to 1988-09-29: 975 days) and Columbia (2003-02-01 to 2005-07-26: 906 days).
    @Test func theBundledFileIsComplete() throws {
        let resolution = ModelAssumptions.resolve(Bundled.library.assumptions)
        #expect(resolution.diagnostics.isEmpty, "\(resolution.diagnostics)")
        let assumptions = try #require(resolution.assumptions)
        #expect(assumptions.crewLossStandDownDays == [975, 906])
        #expect(assumptions.reworkProbabilityBespoke == 0.2 && assumptions.reworkProbabilityPublished == 0.05)
        #expect(assumptions.launchFailureStandDownDays.count >= 10)
        #expect(assumptions.launchFailureStandDownDays.allSatisfy { $0 > 0 })
    }
}
