import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// A small library written from XML snippets into a temporary folder, loaded and compiled into a plan.
///
/// Designs default to degenerate three-point estimates (min = likely = max) and agencies to no growth
/// spread, so a trial is deterministic and its dates can be computed by hand.
struct Fixture {
    var agencies: [String: String] = [:]
    var missions: [String: String] = [:]
    /// An assumptions file (`Assumptions/model.xml`) to write into the library, if any.
    var assumptionsFile: String?

    /// An agency file body. `budget` is MUSD per year (nil: no cap).
    /// `growth` replaces the agency's `<growth>` (none by default: every factor is 1).
    static func agency(
        _ id: String, budget: Double? = nil, concurrent: Int = 5, extra: String = "", designs: String = "",
        vehicles: String = "",
        growth: String = #"<growth cost-median="1" cost-p90="1" schedule-median="1" schedule-p90="1"/>"#
    ) -> String {
        let budgetXML =
            budget.map {
                """
                <budget currency="USD" usd-per-unit="1" base-year="2026" fiscal-year-start-month="1" max-concurrent-developments="\(concurrent)">
                  <year fy="2020" amount-m="\($0)"/>
                </budget>
                """
            } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <agency id="\(id)" name="Agency \(id)" kind="national-agency">
              \(budgetXML)
              \(growth)
              \(extra)
              \(designs)
              \(vehicles)
            </agency>
            """
    }

    /// A design with one phase of fixed duration and cost (or three-point ranges when given).
    static func design(
        _ id: String, days: Double, cost: Double = 100, armyPerMonth: Double = 0, mass: Double = 1000,
        interfaces: String = "", range: (Double, Double, Double)? = nil, costRange: (Double, Double, Double)? = nil,
        reliability: Double = 1, kind: String = "habitat"
    ) -> String {
        let (low, likely, high) = range ?? (days, days, days)
        let (costLow, costLikely, costHigh) = costRange ?? (cost, cost, cost)
        return """
            <design id="\(id)" name="Design \(id)" kind="\(kind)" mass-kg="\(mass)" reliability="\(reliability)" standing-army-musd-per-month="\(armyPerMonth)">
              <phase name="build">
                <duration-days min="\(low)" likely="\(likely)" max="\(high)"/>
                <cost-musd min="\(costLow)" likely="\(costLikely)" max="\(costHigh)"/>
              </phase>
              \(interfaces)
            </design>
            """
    }

    /// A vehicle that essentially never fails (a flight record of 10^8 successes), unless a record is given.
    /// Its reference class `test` has a uniform Beta(1, 1) prior in `ModelAssumptions.deterministic`, and
    /// `heritage` names a parent vehicle whose record counts with `weight`.
    static func vehicle(
        _ id: String, price: Double = 100, gap: Double = 0, successes: Int = 100_000_000,
        attempts: Int = 100_000_000, referenceClass: String = "test", heritage: String? = nil, weight: Double = 0
    ) -> String {
        let parent = heritage.map { #" heritage="\#($0)" heritage-weight="\#(weight)""# } ?? ""
        return """
            <vehicle id="\(id)" name="Vehicle \(id)" successes="\(successes)" attempts="\(attempts)" price-musd="\(price)" min-days-between-launches="\(gap)" reference-class="\(referenceClass)"\(parent)>
              <capacity destination="tli" kg="100000"/>
              <capacity destination="tmi" kg="100000"/>
            </vehicle>
            """
    }

    /// A campaign file body starting 2026-01-01.
    static func campaign(_ id: String, body: String, lead: String = "a") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <campaign id="\(id)" name="Campaign \(id)" lead="\(lead)" architecture="lead-agency" start="2026-01-01">
        \(body)
        </campaign>
        """
    }

    /// Two elements of one agency (hab 100 days, module 200 days) joined by a contract on a published
    /// standard (30 days of verification, need-by 2026-06-01), launched together: the hand-computed chain.
    static func chain() -> Fixture {
        var fixture = Fixture()
        let interfaces = #"<provides standard="std" revision="a"/>"#
        fixture.agencies["a"] = agency(
            "a",
            extra: """
                <standard id="std" name="Shared standard" function="docking" published="true"><revision id="a"/></standard>
                """,
            designs: design("hab", days: 100, interfaces: interfaces)
                + design("module", days: 200, interfaces: interfaces),
            vehicles: vehicle("rocket"))
        fixture.missions["c"] = campaign(
            "c",
            body: """
                <element id="hab-1" design="hab" agency="a" start="2026-01-01"/>
                <element id="module-1" design="module" agency="a" start="2026-01-01"/>
                <contract id="k" provider="a" consumer="a" element="module-1" counterpart="hab-1" standard="std"
                          revision="a" need-by="2026-06-01" verification-days="30"/>
                <mission id="m" name="M" body="moon" transit-days="5" duration-days="10">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="hab-1"/><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="hab-1"/><needs element="module-1"/></objective>
                </mission>
                """)
        return fixture
    }

    /// A campaign's `<funding>` line for `agency`: `perYear` MUSD in every fiscal year (stated from 2020).
    static func funding(
        _ agency: String, perYear: Double, unspent: String = "carry-over", shortFirst: String = "development"
    ) -> String {
        """
        <funding agency="\(agency)" unspent="\(unspent)" short-first="\(shortFirst)"><year fy="2020" amount-m="\(perYear)"/></funding>
        """
    }

    /// Campaign "c": the given elements (id, design, agency), all starting 2026-01-01, launched together on
    /// vehicle "rocket" (launch "l") in mission "m", whose one objective "o" needs all of them; `funding`
    /// (`Fixture.funding` lines) comes before the elements.
    static func oneLaunch(
        _ elements: [(id: String, design: String, agency: String)], transit: Double = 0, duration: Double = 0,
        funding: String = ""
    ) -> String {
        let instances = elements.map {
            #"<element id="\#($0.id)" design="\#($0.design)" agency="\#($0.agency)" start="2026-01-01"/>"#
        }
        let payload = elements.map { #"<payload element="\#($0.id)"/>"# }.joined()
        let needs = elements.map { #"<needs element="\#($0.id)"/>"# }.joined()
        return campaign(
            "c",
            body: funding + instances.joined(separator: "\n") + """

                <mission id="m" name="M" body="moon" transit-days="\(transit)" duration-days="\(duration)">
                  <launch id="l" vehicle="rocket" destination="tli">\(payload)</launch>
                  <objective id="o" name="O">\(needs)</objective>
                </mission>
                """)
    }

    /// Writes the files, loads them and returns the library; fails the test on any error diagnostic.
    func load() throws -> Library {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, files) in [("Agencies", agencies), ("Missions", missions)] {
            let dir = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent("\(name).xml")) }
        }
        if let assumptionsFile {
            let dir = root.appendingPathComponent("Assumptions")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(assumptionsFile.utf8).write(to: dir.appendingPathComponent("model.xml"))
        }
        let outcome = LibraryLoader().load([root.path])
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw FixtureError(diagnostics: errors) }
        return outcome.library
    }

    /// The plan of the campaign (and scenario) with the given ids.
    func plan(
        _ campaign: String, scenario: String? = nil, assumptions: ModelAssumptions = .deterministic
    ) throws
        -> SimulationPlan
    {
        let library = try load()
        return try SimulationPlan(
            library: library, campaign: library.campaign(CampaignID(campaign))!,
            scenario: scenario.flatMap { library.scenario(ScenarioID($0)) }, assumptions: assumptions)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension ModelAssumptions {
    /// The text of the bundled assumptions file.
    static let bundledText: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Assumptions/model.xml"), encoding: .utf8)) ?? ""
    }()

    /// The library's bundled assumptions (`Assumptions/model.xml`), read once.
    static let bundled: ModelAssumptions = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let outcome = LibraryLoader().load([root.appendingPathComponent("Assumptions/model.xml").path])
        guard let assumptions = ModelAssumptions.resolve(outcome.library.assumptions).assumptions else {
            fatalError("the bundled Assumptions/model.xml does not resolve: \(outcome.diagnostics)")
        }
        return assumptions
    }()

    /// The bundled assumptions, with the fixtures' reference class `test` (a uniform Beta(1, 1) prior).
    static var fixture: ModelAssumptions {
        var assumptions = bundled
        assumptions.referenceClassPriors["test"] = BetaPrior(alpha: 1, beta: 1)
        return assumptions
    }

    /// The bundled assumptions with no rework, no integration time or cost, no docking failures, and no
    /// time-dependent cost or storage beyond the standing army a design states, so dates and costs follow
    /// from inputs alone; vehicles of reference class `test` start from a uniform Beta(1, 1), and a launch
    /// failure grounds its vehicle for 365 days.
    static var deterministic: ModelAssumptions {
        var assumptions = fixture
        assumptions.launchFailureStandDownDays = [365]
        assumptions.reworkProbabilityPublished = 0
        assumptions.reworkProbabilityBespoke = 0
        assumptions.integrationDays = 0
        assumptions.integrationCostFraction = 0
        assumptions.dockingFailurePublished = 0
        assumptions.dockingFailureBespoke = 0
        assumptions.timeDependentShare = 0
        assumptions.storageShareOfStandingArmy = 0
        return assumptions
    }
}

/// Runs trial `trial` of `plan` with `seed`.
func runTrial(_ plan: SimulationPlan, seed: UInt64 = 1, trial: UInt64 = 0, trace: Bool = false) throws -> TrialOutcome {
    var runner = TrialRunner(plan: plan, seed: seed, recordsTrace: trace, keepsLedgerEntries: true)
    return try runner.run(trial: trial)
}
