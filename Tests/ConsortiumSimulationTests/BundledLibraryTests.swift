import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation
import Testing

/// The library shipped in `Agencies/` and `Missions/`, loaded once.
enum Bundled {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let outcome = LibraryLoader().load([root.path])
    static var library: Library { outcome.library }

    /// The bundled assumptions with `campaign`'s own changes.
    static func assumptions(_ campaign: Campaign) -> ModelAssumptions? {
        ModelAssumptions.resolve(library.assumptions, overrides: campaign.assumptions).assumptions
    }

    /// Every campaign and every scenario, as (name, plan).
    static let plans: [(String, SimulationPlan)] = {
        var plans: [(String, SimulationPlan)] = []
        for campaign in library.campaigns {
            if let assumptions = assumptions(campaign),
                let plan = try? SimulationPlan(library: library, campaign: campaign, assumptions: assumptions)
            {
                plans.append((campaign.id.rawValue, plan))
            }
        }
        for scenario in library.scenarios {
            if let campaign = library.campaign(scenario.campaign.id), let assumptions = assumptions(campaign),
                let plan = try? SimulationPlan(
                    library: library, campaign: campaign, scenario: scenario, assumptions: assumptions)
            {
                plans.append((scenario.id.rawValue, plan))
            }
        }
        return plans
    }()
}

struct BundledLibraryTests {
    @Test func everyBundledFileValidates() {
        let errors = Bundled.outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        // The library is really there: the eight agencies and eight providers, the campaigns and the
        // three what-if scenarios the README names.
        #expect(Bundled.library.agencies.count >= 16)
        #expect(Bundled.library.campaigns.count >= 10)
        #expect(Bundled.library.scenarios.count >= 3)
    }

    @Test func everyCampaignAndScenarioCompilesToAPlan() {
        #expect(Bundled.plans.count == Bundled.library.campaigns.count + Bundled.library.scenarios.count)
    }

    /// Every campaign and scenario runs to an outcome; the ledger's totals equal the sum of its entries;
    /// barter nets to zero across agencies, and the cash and penalties paid equal the money received (they
    /// move value, they don't create it).
    @Test func everyBundledRunConservesItsLedger() throws {
        for (name, plan) in Bundled.plans {
            var runner = TrialRunner(plan: plan, seed: 2026, keepsLedgerEntries: true)
            for trial in 0..<10 {
                let outcome = try runner.run(trial: UInt64(trial))
                let ledger = outcome.ledger
                let fromEntries = ledger.entries.reduce(0) { $0 + $1.amountMUSD }
                #expect(
                    abs(fromEntries - ledger.grandTotal) <= 1e-9 * max(1, abs(fromEntries)), "\(name) trial \(trial)")
                for categories in [[CostCategory.barter], [.cash, .penalties, .received]] {
                    let net = (0..<ledger.agencyCount).reduce(0) { sum, a in
                        categories.reduce(sum) { $0 + ledger.total(agency: a, category: $1) }
                    }
                    #expect(abs(net) < 1e-6, "\(name) trial \(trial): \(categories) net to \(net)")
                }
                #expect(outcome.objectives.count == plan.objectives.count)
            }
        }
    }

    /// The same seed gives the same trial, and any trial replayed alone equals the same trial in a sequence.
    @Test func bundledTrialsReplayExactly() throws {
        for (name, plan) in Bundled.plans {
            var sequence = TrialRunner(plan: plan, seed: 7, recordsTrace: true)
            var outcomes: [String] = []
            var traces: [[TraceEntry]] = []
            for trial in 0..<4 {
                outcomes.append(fingerprint(try sequence.run(trial: UInt64(trial))))
                traces.append(sequence.trace)
            }
            var alone = TrialRunner(plan: plan, seed: 7, recordsTrace: true)
            #expect(fingerprint(try alone.run(trial: 3)) == outcomes[3], "\(name)")
            #expect(alone.trace == traces[3], "\(name)")
        }
    }
}

/// Every number of an outcome, as text, for exact comparison.
func fingerprint(_ outcome: TrialOutcome) -> String {
    "\(outcome.endDay) \(outcome.missions) \(outcome.objectives) \(outcome.elements) \(outcome.contracts) \(outcome.ledger.totals)"
}
