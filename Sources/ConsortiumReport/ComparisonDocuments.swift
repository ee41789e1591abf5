public import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation
public import Foundation

/// A difference with its 95 % interval, for tools.
struct DifferenceValue: Encodable {
    var mean: Double?
    var low: Double?
    var high: Double?
    var significant: Bool
    var pairs: Int

    init(_ difference: Difference) {
        let finite = difference.count > 1 && difference.mean.isFinite
        let (low, high) = difference.interval
        mean = finite ? difference.mean : nil
        self.low = finite && low.isFinite ? low : nil
        self.high = finite && high.isFinite ? high : nil
        significant = finite && difference.isSignificant
        pairs = difference.count
    }
}

/// A what-if for tools: the variant minus the base, paired trial by trial (`schemaVersion` 2: agencies'
/// spending, transfers left out, replaced their net cost in version 1).
public struct WhatIfDocument: Encodable {
    var schemaVersion = 2
    var kind = "whatif"
    var campaign: String
    var scenario: String?
    var changes: [String]
    var seed: UInt64
    var trials: Int
    var completionDays: DifferenceValue
    var allObjectives: DifferenceValue
    var totalCostMUSD: DifferenceValue
    var agencySpentMUSD: [String: DifferenceValue]
    var objectiveSuccess: [String: DifferenceValue]
    var missionEndDays: [String: DifferenceValue]

    public init(_ result: PairedResult, changes: [String]) {
        let plan = result.base.plan
        campaign = plan.campaignID.rawValue
        scenario = plan.scenarioID?.rawValue
        self.changes = changes
        seed = result.base.settings.seed
        trials = result.base.trials
        completionDays = DifferenceValue(result.completion)
        allObjectives = DifferenceValue(result.allObjectives)
        totalCostMUSD = DifferenceValue(result.totalCost)
        var agencies: [String: DifferenceValue] = [:]
        for a in result.base.activeAgencies {
            agencies[plan.agencies[a].id.rawValue] = DifferenceValue(result.agencySpent[a])
        }
        agencySpentMUSD = agencies
        objectiveSuccess = Dictionary(
            uniqueKeysWithValues: plan.objectives.enumerated().map {
                ($1.id.rawValue, DifferenceValue(result.objectiveSuccess[$0]))
            })
        missionEndDays = Dictionary(
            uniqueKeysWithValues: plan.missions.enumerated().map {
                ($1.id.rawValue, DifferenceValue(result.missionCompletion[$0]))
            })
    }

    public func json() throws -> Data { try encodeSorted(self) }

    /// Tidy CSV: metric `change_*`, entity, statistic (mean, ci95_low, ci95_high, significant, pairs).
    public func csv() throws -> Data {
        var rows = [TidyCSV.header]
        func add(_ metric: String, _ entity: String, _ d: DifferenceValue, _ unit: String) {
            rows.append([metric, entity, "mean", TidyCSV.number(d.mean) ?? "", unit])
            rows.append([metric, entity, "ci95_low", TidyCSV.number(d.low) ?? "", unit])
            rows.append([metric, entity, "ci95_high", TidyCSV.number(d.high) ?? "", unit])
            rows.append([metric, entity, "significant", d.significant ? "1" : "0", "bool"])
            rows.append([metric, entity, "pairs", "\(d.pairs)", "trials"])
        }
        let name = scenario ?? campaign
        add("change_completion", name, completionDays, "days")
        add("change_all_objectives", name, allObjectives, "fraction")
        add("change_total_cost", name, totalCostMUSD, "MUSD")
        for (id, d) in agencySpentMUSD.sorted(by: { $0.key < $1.key }) { add("change_agency_spent", id, d, "MUSD") }
        for (id, d) in objectiveSuccess.sorted(by: { $0.key < $1.key }) {
            add("change_objective_success", id, d, "fraction")
        }
        for (id, d) in missionEndDays.sorted(by: { $0.key < $1.key }) { add("change_mission_end", id, d, "days") }
        return try TidyCSV.encode(rows)
    }
}

/// A comparison of architectures for tools: one full result document per architecture plus complexity,
/// resilience and going-alone figures (`schemaVersion` 1).
public struct CompareDocument: Encodable {
    struct Architecture: Encodable {
        var architecture: String
        var result: ResultDocument
        var agencies: Int
        var contracts: Int
        var standards: Int
        var crossBlocContracts: Int
        var worstPartner: String?
        var worstPartnerDelayDays: DifferenceValue?
        var worstPartnerCostMUSD: DifferenceValue?
        var aloneCostMUSD: [String: Double]?
        var fairCostMUSD: [String: Double]?
    }

    var schemaVersion = 1
    var kind = "compare"
    var architectures: [Architecture]

    public init(_ results: [ArchitectureResult], version: String) {
        architectures = results.map { arch in
            let plan = arch.result.plan
            let worst = arch.worstPartner
            var alone: [String: Double]?
            var fair: [String: Double]?
            if let game = arch.cooperation {
                alone = Dictionary(
                    uniqueKeysWithValues: zip(game.players.map { plan.agencies[$0].id.rawValue }, game.aloneCost))
                fair = Dictionary(
                    uniqueKeysWithValues: zip(game.players.map { plan.agencies[$0].id.rawValue }, game.fairCost))
            }
            return Architecture(
                architecture: arch.architecture, result: ResultDocument(arch.result, version: version),
                agencies: arch.complexity.agencies, contracts: arch.complexity.contracts,
                standards: arch.complexity.standards, crossBlocContracts: arch.complexity.crossBlocContracts,
                worstPartner: worst.map { plan.agencies[$0.agency].id.rawValue },
                worstPartnerDelayDays: worst.map { DifferenceValue($0.delay) },
                worstPartnerCostMUSD: worst.map { DifferenceValue($0.cost) }, aloneCostMUSD: alone, fairCostMUSD: fair)
        }
    }

    public func json() throws -> Data { try encodeSorted(self) }

    /// Tidy CSV: each architecture's result rows with the architecture as a prefix of the metric's entity,
    /// plus its complexity and resilience rows.
    public func csv() throws -> Data {
        var rows = [TidyCSV.header]
        for arch in architectures {
            let id = arch.result.input.scenario ?? arch.result.input.campaign
            for (metric, value) in [
                ("agencies", arch.agencies), ("contracts", arch.contracts), ("standards", arch.standards),
                ("cross_bloc_contracts", arch.crossBlocContracts),
            ] {
                rows.append(["complexity", id, metric, "\(value)", "count"])
            }
            if let worst = arch.worstPartner, let delay = arch.worstPartnerDelayDays,
                let cost = arch.worstPartnerCostMUSD
            {
                rows.append(["worst_partner", id, worst, TidyCSV.number(delay.mean) ?? "", "days"])
                rows.append(["worst_partner_cost", id, worst, TidyCSV.number(cost.mean) ?? "", "MUSD"])
            }
            for (agency, cost) in (arch.fairCostMUSD ?? [:]).sorted(by: { $0.key < $1.key }) {
                rows.append(["shapley_fair_cost", "\(id)/\(agency)", "mean", "\(cost)", "MUSD"])
            }
            for var row in arch.result.tidyRows() {
                row[1] = "\(id)/\(row[1])"
                rows.append(row)
            }
        }
        return try TidyCSV.encode(rows)
    }
}

/// JSON with sorted keys and a final newline; non-finite numbers are an error.
func encodeSorted(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .throw
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
}

/// A result that tools can read: JSON (sorted keys, versioned) and tidy CSV.
public protocol MachineReadable {
    func json() throws -> Data
    func csv() throws -> Data
}

extension ResultDocument: MachineReadable {}
extension WhatIfDocument: MachineReadable {}
extension CompareDocument: MachineReadable {}
