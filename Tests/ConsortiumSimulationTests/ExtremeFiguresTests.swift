import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import ConsortiumXML
import Foundation
import Testing

/// A library whose figures all sit at the schemas' extremes simulates, and every renderer prints it.
///
/// Every amount is the schemas' maximum (10^9), every duration the longest (10^5 days) or zero, every count
/// 10^8, growth at the edges the schema and checker allow (factors 0.5 and 5, spreads of 3), and a
/// replacement agency's cost factor of 10^9: costs pass 2^63 MUSD, where the money formatter used to trap.
struct ExtremeFiguresTests {
    static let amount = "\(ValueLimits.maximumAmount)"
    static let days = "\(ValueLimits.maximumDays)"
    static let count = "\(ValueLimits.maximumCount)"

    static func design(_ id: String, duration: (String, String, String)) -> String {
        let phases = (0..<10).map { k in
            """
            <phase name="p\(k)"><duration-days min="\(duration.0)" likely="\(duration.1)" max="\(duration.2)"/>
            <cost-musd min="\(amount)" likely="\(amount)" max="\(amount)"/></phase>
            """
        }
        return """
            <design id="\(id)" name="Design \(id)" kind="habitat" mass-kg="\(amount)" reliability="1"
                    standing-army-musd-per-month="\(amount)">
              \(phases.joined(separator: "\n"))
              <provides standard="std" revision="r"/><requires standard="std" revision="r"/>
            </design>
            """
    }

    static func agency(
        _ id: String, growth: (Double, Double, Double, Double), budget: Bool, extra: String = ""
    )
        -> String
    {
        let budgetXML =
            budget
            ? """
            <budget currency="XX" usd-per-unit="\(amount)" base-year="2200" fiscal-year-start-month="12"
                    max-concurrent-developments="\(count)">
              <year fy="1950" amount-m="\(amount)"/><year fy="2200" amount-m="\(amount)"/>
            </budget>
            """ : ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <agency id="\(id)" name="Agency \(id)" kind="national-agency">
              \(budgetXML)
              <growth cost-median="\(growth.0)" cost-p90="\(growth.1)" schedule-median="\(growth.2)" schedule-p90="\(growth.3)"/>
              <capability kind="habitat" cost-factor="\(amount)" schedule-factor="\(amount)"/>
              \(extra)
            </agency>
            """
    }

    static var files: [(path: String, bytes: [UInt8])] {
        let low = ValueLimits.growthFactorRange.lowerBound
        let high = ValueLimits.growthFactorRange.upperBound
        let spread = ValueLimits.maximumGrowthSpread
        let vehicles = ["rocket": ("100000000", "0"), "heavy": ("0", days)].sorted { $0.key < $1.key }.map {
            """
            <vehicle id="\($0.key)" name="Vehicle \($0.key)" successes="\($0.value.0)" attempts="\(count)"
                     price-musd="\(amount)" min-days-between-launches="\($0.value.1)" reference-class="test">
              <capacity destination="tli" kg="\(amount)"/><capacity destination="tmi" kg="\(amount)"/>
            </vehicle>
            """
        }
        let a = agency(
            "a", growth: (high / spread, high, low, low * spread), budget: true,
            extra: #"<standard id="std" name="Std" function="docking" published="true"><revision id="r"/></standard>"#
                + design("quick", duration: ("0", "0", "0")) + design("mid", duration: ("0", "1", "1"))
                + design("big", duration: ("0", days, days)) + vehicles.joined())
        let b = agency("b", growth: (high, high, high, high), budget: false)
        let returns = ["crew-seat", "flight", "cash", "common-cost-offset", "surface-access", "data"].map {
            #"<return kind="\#($0)" count="\#(count)" value-musd="\#(amount)"/>"#
        }.joined()
        let campaign = """
            <?xml version="1.0" encoding="UTF-8"?>
            <campaign id="ext" name="Extremes" lead="a" architecture="lead-agency" start="2026-01-01">
              <cost-sharing policy="fixed-shares">
                <share agency="a" percent="50"/><share agency="b" percent="50"/>
                <common-cost id="cc1" name="Ops 1" musd-per-year="\(amount)" from="1950-01-01" to="2200-12-31"/>
                <common-cost id="cc2" name="Ops 2" musd-per-year="\(amount)" from="2026-01-01" to="2200-12-31"/>
              </cost-sharing>
              <element id="q1" design="quick" agency="a" start="2026-01-01"/>
              <element id="q2" design="quick" agency="b" start="2026-01-01"/>
              <element id="m1" design="mid" agency="a" start="2027-01-01"/>
              <element id="m2" design="mid" agency="b" start="2026-01-01"/>
              <element id="g1" design="big" agency="a" start="2026-01-01"/>
              <element id="g2" design="big" agency="b" start="2026-01-01" progress="1"/>
              <contract id="k1" provider="b" consumer="a" element="q2" counterpart="q1" standard="std" revision="r"
                        need-by="1950-01-01" verification-days="0" penalty-musd-per-month="\(amount)">\(returns)</contract>
              <contract id="k2" provider="a" consumer="b" element="m1" counterpart="m2" standard="std" revision="r"
                        need-by="2200-12-31" verification-days="1" penalty-musd-per-month="\(amount)">\(returns)</contract>
              <contract id="k3" provider="b" consumer="a" element="g2" counterpart="g1" standard="std" revision="r"
                        need-by="1950-01-01" verification-days="\(days)" penalty-musd-per-month="\(amount)"/>
              <mission id="fast" name="Fast" body="moon" transit-days="0" duration-days="\(days)">
                <windows kind="lunar" reference="1950-01-01" period-days="\(days)" width-days="\(days)"/>
                <launch id="l1" vehicle="rocket" destination="tli" earliest="1950-01-01" rebuild-fraction="1">
                  <payload element="q1"/></launch>
                <launch id="l2" vehicle="rocket" destination="tli"><payload element="q2"/></launch>
                <dock element="q2" target="q1" contract="k1"/>
                <objective id="o1" name="Quick pair" target="2200-12-31"><needs element="q1"/><needs element="q2"/></objective>
              </mission>
              <mission id="mids" name="Mids" body="mars" transit-days="1" duration-days="0" after="fast">
                <windows kind="mars" reference="1950-01-01" period-days="0.000001" width-days="0"/>
                <launch id="l3" vehicle="rocket" destination="tmi" on-failure="lose" rebuild-fraction="0">
                  <payload element="m1"/></launch>
                <launch id="l4" vehicle="rocket" destination="tmi"><payload element="m2"/></launch>
                <objective id="o2" name="Mid pair" target="1950-01-01"><needs element="m1"/><needs element="m2"/></objective>
              </mission>
              <mission id="slow" name="Slow" body="mars" transit-days="\(days)" duration-days="\(days)">
                <windows kind="mars" reference="2200-12-31" period-days="\(days)" width-days="0"/>
                <launch id="l5" vehicle="heavy" destination="tmi"><payload element="g1"/></launch>
                <launch id="l6" vehicle="heavy" destination="tmi" earliest="2200-12-31"><payload element="g2"/></launch>
                <dock element="g2" target="g1" contract="k3"/>
                <objective id="o3" name="Never" target="2026-01-01"><needs element="g1"/><needs element="g2"/></objective>
              </mission>
              <risk id="r1" element="g1" probability="1" impact-days="\(days)" impact-musd="\(amount)"/>
              <risk id="r2" element="q1" phase="p0" probability="0.5" impact-days="0" impact-musd="\(amount)"/>
              <risk id="r3" element="m1" phase="p9" probability="1" impact-days="0" impact-musd="\(amount)"/>
            </campaign>
            """
        let scenario = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scenario id="ext-s" name="Extremes what-if" campaign="ext">
              <monte-carlo trials="\(count)" seed="\(count)" target-date="2200-12-31"
                           target-budget-musd="\(amount)" horizon="2200-12-31"/>
              <withdraw agency="a" date="2026-06-01" replacement="b" transfer-days="0"/>
              <budget-change agency="b" factor="2" from="1950-01-01"/>
              <delay element="g1" days="\(days)"/>
              <launch-failure launch="l1" attempt="\(count)"/>
              <ground vehicle="heavy" days="\(days)" from="2200-12-31" stand-down-days="\(days)"/>
              <reassign contract="k2" provider="b"/>
            </scenario>
            """
        return [
            ("Agencies/a.xml", a), ("Agencies/b.xml", b), ("Missions/ext.xml", campaign),
            ("Missions/ext-s.xml", scenario),
        ].map { ($0.0, Array($0.1.utf8)) }
    }

    /// No `nan` or `inf` in a rendered text.
    static func expectFinite(_ text: String, _ what: String) {
        let words = text.split { !$0.isLetter }
        #expect(!words.contains("nan") && !words.contains("inf"), "\(what) prints a non-finite number")
        #expect(!text.isEmpty, "\(what) is empty")
    }

    static func expectValidJSON(_ data: Data, schema: String, _ what: String) throws {
        let json = try JSONSerialization.jsonObject(with: data)
        let problems = SchemaCheck.problems(json, try ResultDocumentTests.schema(schema))
        #expect(problems.isEmpty, "\(what): \(problems.prefix(5))")
    }

    @Test func aLibraryAtTheSchemaExtremesSimulatesAndEveryRendererPrintsIt() throws {
        let outcome = LibraryLoader().load(contents: Self.files)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let library = outcome.library
        let campaign = try #require(library.campaign(CampaignID("ext")))
        let scenario = try #require(library.scenario(ScenarioID("ext-s")))
        // Every launch failure stands its vehicle down for the longest duration a file may give.
        var assumptions = ModelAssumptions.fixture
        assumptions.launchFailureStandDownDays = [Double(ValueLimits.maximumDays)]
        let base = try SimulationPlan(library: library, campaign: campaign, assumptions: assumptions)
        let variant = try SimulationPlan(
            library: library, campaign: campaign, scenario: scenario, assumptions: assumptions)
        let options = MonteCarloOptions(
            trials: 400, seed: UInt64(ValueLimits.maximumCount), threads: 2,
            targetDay: base.day(of: CivilDate(iso: "2200-12-31")!),
            targetBudgetMUSD: ValueLimits.maximumTargetBudgetMUSD)

        for plan in [base, variant] {
            let result = try MonteCarlo.run(plan, options)
            let cooperation = try Cooperation.analyze(plan, trials: 20, seed: 1, threads: 2)
            var runner = TrialRunner(plan: plan, seed: 1)
            let story = try runner.run(trial: UInt64(result.representativeTrial ?? 0))
            let name = plan.scenarioID == nil ? "campaign" : "scenario"
            Self.expectFinite(MonteCarloReport(result, cooperation: cooperation).render(), "\(name) table")
            Self.expectFinite(
                HTMLReport(result, story: story, inputs: [], version: "test").render(), "\(name) HTML report")
            let document = ResultDocument(result, version: "test")
            try Self.expectValidJSON(try document.json(), schema: "result.schema.json", "\(name) JSON")
            Self.expectFinite(String(decoding: try document.csv(), as: UTF8.self), "\(name) CSV")
        }
        // The regime this test is for: the scenario's replacement builds at a cost factor of 10^9.
        let costly = try MonteCarlo.run(variant, options)
        #expect(costly.costMoments.mean > 0x1p63)
        // ... and the table prints them with all their digits: 22 or more, in groups of three.
        let table = MonteCarloReport(costly).render()
        #expect(table.contains(/[1-9][0-9]{0,2}(,[0-9]{3}){7}/))

        let paired = try MonteCarlo.runPaired(base: base, variant: variant, options)
        Self.expectFinite(WhatIfReport(paired, changes: ["(scenario ext-s)"]).render(), "what-if table")
        let whatIf = WhatIfDocument(paired, changes: [])
        try Self.expectValidJSON(try whatIf.json(), schema: "whatif.schema.json", "what-if JSON")
        Self.expectFinite(String(decoding: try whatIf.csv(), as: UTF8.self), "what-if CSV")

        let architectures = try [base, variant].map { plan in
            try ArchitectureComparison.evaluate(
                plan, lead: 0, complexity: Complexity(agencies: 2, contracts: 3, standards: 1, crossBlocContracts: 0),
                options: MonteCarloOptions(trials: 100, seed: 1, threads: 2, targetBudgetMUSD: 1e9),
                coalitionTrials: 10)
        }
        Self.expectFinite(CompareReport(architectures).render(), "compare table")
        Self.expectFinite(CompareReport(architectures).html(version: "test"), "compare HTML")
        let compare = CompareDocument(architectures, version: "test")
        try Self.expectValidJSON(try compare.json(), schema: "compare.schema.json", "compare JSON")
        Self.expectFinite(String(decoding: try compare.csv(), as: UTF8.self), "compare CSV")
    }
}
