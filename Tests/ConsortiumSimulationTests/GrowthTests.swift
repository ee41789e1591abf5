import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation
import Foundation
import Testing

/// Growth as the record shows it: drawn per element from its builder's distribution, correlated through a
/// Gaussian copula (within a builder and across the campaign), and under a fixed-price contract paid by the
/// builder up to a share of the price.
struct GrowthTests {
    static let spread = #"<growth cost-median="1.2" cost-p90="1.6" schedule-median="1.2" schedule-p90="1.6"/>"#

    /// Builder "a" builds x-1 and x-2, builder "b" builds y-1, each for its own account; with assumptions
    /// `assumptions`.
    static func threeElements(_ assumptions: ModelAssumptions) throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency(
            "a", designs: Fixture.design("x", days: 100), vehicles: Fixture.vehicle("rocket"), growth: spread)
        fixture.agencies["b"] = Fixture.agency("b", designs: Fixture.design("y", days: 100), growth: spread)
        fixture.missions["c"] = Fixture.oneLaunch([("x-1", "x", "a"), ("x-2", "x", "a"), ("y-1", "y", "b")])
        return try fixture.plan("c", assumptions: assumptions)
    }

    /// The rank correlation of two elements' cost growth over `trials` draws.
    static func spearman(_ plan: SimulationPlan, _ e1: Int, _ e2: Int, trials: Int) -> Double {
        var draws = TrialDraws()
        var x: [Double] = []
        var y: [Double] = []
        for trial in 0..<trials {
            draws.draw(plan, seed: 11, trial: UInt64(trial))
            x.append(draws.costGrowth[e1])
            y.append(draws.costGrowth[e2])
        }
        return Statistics.spearman(x, y)
    }

    /// A Gaussian copula with normal-scale correlation rho gives Spearman's (6 / pi) asin(rho / 2): 0.4826 for
    /// the builder's 0.5 and 0.2876 for the campaign's 0.3. Over 20,000 trials the estimate's standard error
    /// is about 0.006, so 0.02 is more than three of them. Before, one draw per agency moved both of a's
    /// elements in lock-step (Spearman 1) and b's independently of a's (0).
    @Test func theCopulasRankCorrelationMatchesItsParameter() throws {
        var assumptions = ModelAssumptions.deterministic
        assumptions.growthCorrelationBuilder = 0.5
        assumptions.growthCorrelationCampaign = 0.3
        let plan = try Self.threeElements(assumptions)
        let expected = { (rho: Double) in 6 / Double.pi * asin(rho / 2) }
        let within = Self.spearman(plan, 0, 1, trials: 20_000)
        let across = Self.spearman(plan, 0, 2, trials: 20_000)
        #expect(abs(within - expected(0.5)) < 0.02, "within a builder: \(within)")
        #expect(abs(across - expected(0.3)) < 0.02, "across builders: \(across)")

        assumptions.growthCorrelationBuilder = 0
        assumptions.growthCorrelationCampaign = 0
        let independent = try Self.threeElements(assumptions)
        #expect(abs(Self.spearman(independent, 0, 1, trials: 20_000)) < 0.02)
    }

    /// Each element draws its builder's growth: every factor lies on the builder's lognormal, median 1.2.
    @Test func eachElementDrawsItsBuildersGrowthAndTheCatalogNamesIt() throws {
        let plan = try Self.threeElements(.deterministic)
        var draws = TrialDraws()
        var factors: [Double] = []
        for trial in 0..<2001 {
            draws.draw(plan, seed: 3, trial: UInt64(trial))
            factors.append(draws.costGrowth[2])
            // The driver analysis recomputes each percentile from its input's streams alone.
            if trial < 5 {
                for input in 0..<InputCatalog.count(plan) {
                    let again = TrialDraws.percentile(plan, seed: 3, trial: UInt64(trial), input: input)
                    #expect(abs(again - draws.percentiles[input]) < 1e-12, "input \(input)")
                }
            }
        }
        factors.sort()
        #expect(abs(factors[1000] - 1.2) < 0.03, "median \(factors[1000])")
        #expect(abs(factors[1800] - 1.6) < 0.08, "P90 \(factors[1800])")
        let names = InputCatalog.names(plan)
        #expect(names.count == InputCatalog.count(plan))
        #expect(names.contains("y-1 cost growth") && names.contains("x-2 schedule growth"))
    }

    /// Agency "a" buys module-1 from contractor "k" (100 days, 100 MUSD; k's growth: cost factor `cost`,
    /// schedule factor 1.5, no spread) under `pricing`.
    static func bought(pricing: String, cost: Double, sharing: String = "") throws -> SimulationPlan {
        var fixture = Fixture()
        fixture.agencies["a"] = Fixture.agency("a", vehicles: Fixture.vehicle("rocket", price: 0))
        fixture.agencies["k"] = Fixture.agency(
            "k", designs: Fixture.design("module", days: 100, cost: 100),
            growth: #"<growth cost-median="\#(cost)" cost-p90="\#(cost)" schedule-median="1.5" schedule-p90="1.5"/>"#)
        fixture.missions["c"] = Fixture.campaign(
            "c",
            body: sharing + """
                <element id="module-1" design="module" agency="a" start="2026-01-01" pricing="\(pricing)"/>
                <mission id="m" name="M" body="moon" transit-days="0" duration-days="0">
                  <launch id="l" vehicle="rocket" destination="tli"><payload element="module-1"/></launch>
                  <objective id="o" name="O"><needs element="module-1"/></objective>
                </mission>
                """)
        return try fixture.plan("c")
    }

    /// Hand-computed, with the bundled 45 % absorbed: growth 1.6 makes the 100-MUSD module cost 160. Bought
    /// cost-plus, "a" pays 160; at a fixed price the contractor absorbs 45 and "a" pays 115. Growth 1.2 (20
    /// MUSD, under the 45 absorbed) stays wholly with the contractor. Schedule growth (1.5: 150 days) reaches
    /// "a" either way. Before, "k" never paid anything: the payer's own growth applied to what it bought.
    @Test func aFixedPriceContractorPaysItsOverrunUpToItsShare() throws {
        #expect(ModelAssumptions.deterministic.fixedPriceOverrunAbsorbed == 0.45)
        for (pricing, cost, payer, contractor) in [
            ("cost-plus", 1.6, 160.0, 0.0), ("fixed-price", 1.6, 115, 45), ("fixed-price", 1.2, 100, 20),
        ] {
            let plan = try Self.bought(pricing: pricing, cost: cost)
            let (a, k) = (0, 1)
            #expect(plan.agencies[k].id.rawValue == "k" && plan.elements[0].builder == k)
            let outcome = try runTrial(plan)
            #expect(abs((outcome.elements[0].deliveredDay ?? 0) - 150) < 1e-9, "\(pricing)")
            let development = { outcome.ledger.total(agency: $0, category: .development) }
            #expect(abs(development(a) - payer) < 1e-9, "\(pricing) \(cost): a pays \(development(a))")
            #expect(abs(development(k) - contractor) < 1e-9, "\(pricing) \(cost): k pays \(development(k))")
        }
    }

    /// Who builds pays splits common costs among the agencies contributing elements: the fixed-price
    /// contractor, who paid 45 MUSD of overrun (development), pays none of the 150 days x 1 MUSD of common
    /// cost. Before, its development spending made it a partner paying 45 / 160 of it.
    @Test func aFixedPriceContractorPaysNoCommonCosts() throws {
        let sharing = """
            <cost-sharing policy="who-builds-pays">
              <common-cost id="office" name="Office" musd-per-year="365.25" from="start" to="end"/>
            </cost-sharing>
            """
        let plan = try Self.bought(pricing: "fixed-price", cost: 1.6, sharing: sharing)
        let ledger = try runTrial(plan).ledger
        #expect(abs(ledger.total(agency: 1, category: .development) - 45) < 1e-9)
        #expect(ledger.total(agency: 1, category: .common) == 0)
        #expect(abs(ledger.total(agency: 0, category: .common) - 150) < 1e-9)
    }

    /// A campaign correlation above the builder's is refused where it is set.
    @Test func aCampaignCorrelationAboveTheBuildersIsRefused() throws {
        let text = ModelAssumptions.bundledText.replacingOccurrences(
            of: #"name="growth-correlation-campaign" value="0.3""#,
            with: #"name="growth-correlation-campaign" value="0.8""#)
        #expect(text != ModelAssumptions.bundledText)
        var fixture = Fixture()
        fixture.assumptionsFile = text
        let library = try fixture.load()
        let resolution = ModelAssumptions.resolve(library.assumptions)
        #expect(resolution.assumptions == nil)
        #expect(resolution.diagnostics.contains { $0.message.contains("exceeds growth-correlation-builder") })
    }
}
