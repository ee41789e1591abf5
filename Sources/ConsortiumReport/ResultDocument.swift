public import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation
public import Foundation

/// A Monte Carlo result for tools: the JSON document of `docs/result.schema.json` (schema version 1).
///
/// Keys are sorted, numbers are numbers, dates are ISO 8601 (`YYYY-MM-DD`), money is in MUSD. A quantile
/// that falls among trials that never got there is `null`.
public struct ResultDocument: Encodable, Sendable {
    public static let schemaVersion = 2

    struct Program: Encodable {
        var name = "consortium"
        var version: String
    }

    struct Input: Encodable {
        var campaign: String
        var scenario: String?
        var seed: UInt64
        var trials: Int
        var targetDate: String?
        var targetBudgetMUSD: Double?
    }

    /// Mean and quantiles of a date (ISO 8601 strings) or an amount (MUSD numbers).
    struct QuantileSet<Value: Encodable & Sendable>: Encodable, Sendable {
        var mean: Value?
        var p10: Value?
        var p50: Value?
        var p70: Value?
        var p80: Value?
        var p90: Value?

        init(_ q: Quantiles, _ convert: (Double) -> Value) {
            mean = q.mean.map(convert)
            p10 = q.p10.map(convert)
            p50 = q.p50.map(convert)
            p70 = q.p70.map(convert)
            p80 = q.p80.map(convert)
            p90 = q.p90.map(convert)
        }

        /// The statistics by name, in order, for tidy rows.
        var named: [(String, Value?)] {
            [("mean", mean), ("p10", p10), ("p50", p50), ("p70", p70), ("p80", p80), ("p90", p90)]
        }
    }

    typealias DateQuantiles = QuantileSet<String>
    typealias MoneyQuantiles = QuantileSet<Double>

    struct Probability: Encodable {
        var value: Double
        var low: Double
        var high: Double
    }

    struct Mission: Encodable {
        var id: String
        var end: DateQuantiles
    }

    struct Objective: Encodable {
        var id: String
        var name: String
        var success: Probability
        var target: String?
        var onTime: Double?
        var achieved: DateQuantiles
        /// Share of trials lost by each cause, all elements together.
        var lossCauses: [String: Double]
        /// The same, attributed to the element lost (or never in place), most frequent first.
        var losses: [Loss]
    }

    struct Loss: Encodable {
        var cause: String
        var element: String?
        var probability: Double
    }

    struct YearCost: Encodable {
        var fiscalYear: Int
        var meanMUSD: Double
        var p80MUSD: Double
    }

    struct Agency: Encodable {
        var id: String
        /// What the agency paid from its own money (every category but the transfers): never negative.
        var spentMUSD: MoneyQuantiles
        /// Its net contribution: spent + in kind given - in kind earned - received; the nets sum to the
        /// campaign's cost in every trial.
        var netMUSD: MoneyQuantiles
        /// Mean agreed values of the returns in kind it gave and earned, and of the cash and penalties paid
        /// to it.
        var transfersMUSD: Transfers
        var byCategoryMUSD: [String: Double]
        var byFiscalYear: [YearCost]
        /// Present when the campaign gives the agency a funding line.
        var fundingLine: FundingLineUse?
    }

    struct Transfers: Encodable {
        var inKindGiven: Double
        var inKindEarned: Double
        var received: Double
    }

    struct FundingLineUse: Encodable {
        var boundShare: Double
        var peakUseP50: Double?
        var peakUseMax: Double
    }

    struct FrontierPoint: Encodable {
        var date: String
        var budgetMUSD: Double
    }

    struct Campaign: Encodable {
        var allObjectives: Probability
        var done: DateQuantiles
        var costMUSD: MoneyQuantiles
        var meetsTargetDate: Probability?
        var meetsTargetBudget: Probability?
        var jointConfidence: Probability?
        var frontierLevel: Double
        var frontier: [FrontierPoint]
        /// Trials losing at least one crew; trials ending with the campaign cancelled (by a cancellation
        /// hazard or after a loss of crew), and those cancelled after a loss of crew.
        var lossOfCrew: Probability
        var programmeCancelled: Probability
        var cancelledAfterLossOfCrew: Probability
        /// The key milestone's joint confidence (NPR 7120.5), when the run names one.
        var milestone: MilestoneJCL?
    }

    struct MilestoneJCL: Encodable {
        var id: String
        /// "objective" or "launch".
        var kind: String
        var met: Probability
        var day: DateQuantiles
        /// The campaign's spending up to the milestone, over the trials that met it.
        var costToMilestoneMUSD: MoneyQuantiles
        var meetsTargetDate: Probability?
        var meetsTargetBudget: Probability?
        var jointConfidence: Probability?
        var frontier: [FrontierPoint]
    }

    struct Driver: Encodable {
        var input: String
        var scheduleCorrelation: Double
        var costCorrelation: Double
    }

    struct Criticality: Encodable {
        var element: String
        var agency: String
        var index: Double
    }

    struct ShareRow: Encodable {
        var agency: String
        var buildsMUSD: Double
        var commonMUSD: Double
        var barterMUSD: Double
        var cashMUSD: Double
        var penaltiesMUSD: Double
        var receivedMUSD: Double
        var totalMUSD: Double
    }

    var schemaVersion = Self.schemaVersion
    var program: Program
    var input: Input
    var campaign: Campaign
    var missions: [Mission]
    var objectives: [Objective]
    var agencies: [Agency]
    var drivers: [Driver]
    var criticality: [Criticality]
    /// Cost-sharing tables by rule: "who-builds-pays", "fixed-shares" (when declared), "equal", and
    /// "net-balance" (the campaign's own policy with barter and penalties).
    var costSharing: [String: [ShareRow]]

    public init(_ result: MonteCarloResult, version: String) {
        let plan = result.plan
        let settings = result.settings
        func date(_ day: Double?) -> String? { day.map { plan.date(ofDay: $0).description } }
        func dates(_ q: Quantiles) -> DateQuantiles { DateQuantiles(q) { plan.date(ofDay: $0).description } }
        func money(_ q: Quantiles) -> MoneyQuantiles { MoneyQuantiles(q) { $0 } }
        func probability(_ p: Proportion) -> Probability {
            let (low, high) = p.interval
            return Probability(value: p.value, low: low, high: high)
        }
        program = Program(version: version)
        input = Input(
            campaign: plan.campaignID.rawValue, scenario: plan.scenarioID?.rawValue, seed: settings.seed,
            trials: result.trials, targetDate: date(settings.targetDay), targetBudgetMUSD: settings.targetBudgetMUSD)
        let targeted = settings.targetDay != nil || settings.targetBudgetMUSD != nil
        campaign = Campaign(
            allObjectives: probability(result.allObjectives), done: dates(result.completion),
            costMUSD: money(result.totalCost),
            meetsTargetDate: settings.targetDay == nil ? nil : probability(result.meetsTargetDate),
            meetsTargetBudget: settings.targetBudgetMUSD == nil ? nil : probability(result.meetsTargetBudget),
            jointConfidence: targeted ? probability(result.jointConfidence) : nil,
            frontierLevel: settings.frontierLevel,
            frontier: result.frontier.map { FrontierPoint(date: date($0.day)!, budgetMUSD: $0.budgetMUSD) },
            lossOfCrew: probability(result.lossOfCrew), programmeCancelled: probability(result.programmeCancelled),
            cancelledAfterLossOfCrew: probability(result.cancelledAfterLossOfCrew),
            milestone: result.milestone.map { m in
                let kind: String =
                    switch m.milestone.kind {
                    case .objective: "objective"
                    case .launch: "launch"
                    }
                return MilestoneJCL(
                    id: m.milestone.id, kind: kind, met: probability(m.met), day: dates(m.day),
                    costToMilestoneMUSD: money(m.cost),
                    meetsTargetDate: settings.targetDay == nil ? nil : probability(m.meetsTargetDate),
                    meetsTargetBudget: settings.targetBudgetMUSD == nil ? nil : probability(m.meetsTargetBudget),
                    jointConfidence: targeted ? probability(m.joint) : nil,
                    frontier: m.frontier.map { FrontierPoint(date: date($0.day)!, budgetMUSD: $0.budgetMUSD) })
            })
        missions = plan.missions.enumerated().map { m, mission in
            Mission(id: mission.id.rawValue, end: dates(result.missionCompletion(m)))
        }
        objectives = plan.objectives.enumerated().map { o, objective in
            var causes: [String: Double] = [:]
            for (cause, p) in result.lossCauses(o) { causes[cause.rawValue] = p }
            return Objective(
                id: objective.id.rawValue, name: objective.name, success: probability(result.objectiveSuccess(o)),
                target: date(objective.targetDay),
                onTime: objective.targetDay == nil ? nil : result.objectiveOnTime(o).value,
                achieved: dates(result.objectiveDay(o)), lossCauses: causes,
                losses: result.attributedLosses(o).map {
                    Loss(
                        cause: $0.loss.cause.rawValue, element: $0.loss.element.map { plan.elements[$0].id.rawValue },
                        probability: $0.probability)
                })
        }
        let years = result.activeYears.map(Array.init) ?? []
        agencies = result.activeAgencies.map { a in
            var categories: [String: Double] = [:]
            for c in CostCategory.allCases { categories[c.description] = result.meanCost(agency: a, category: c) }
            let line = result.fundingLines.first { $0.agency == a }.map {
                FundingLineUse(boundShare: $0.bound.value, peakUseP50: $0.peakMedian, peakUseMax: $0.peakMax)
            }
            return Agency(
                id: plan.agencies[a].id.rawValue, spentMUSD: money(result.agencySpent(a)),
                netMUSD: money(result.agencyNet(a)),
                transfersMUSD: Transfers(
                    inKindGiven: result.meanInKindGiven(agency: a), inKindEarned: result.meanInKindEarned(agency: a),
                    received: result.meanReceived(agency: a)),
                byCategoryMUSD: categories,
                byFiscalYear: years.map { y in
                    let (mean, p80) = result.yearCost(agency: a, year: y)
                    return YearCost(fiscalYear: plan.firstFiscalYear + y, meanMUSD: mean, p80MUSD: p80)
                }, fundingLine: line)
        }
        drivers = result.drivers.map {
            Driver(input: $0.name, scheduleCorrelation: $0.scheduleCorrelation, costCorrelation: $0.costCorrelation)
        }
        criticality = plan.elements.indices.map { e in
            Criticality(
                element: plan.elements[e].id.rawValue, agency: plan.agencies[plan.elements[e].agency].id.rawValue,
                index: result.criticality(e))
        }
        func rows(_ table: [MonteCarloResult.ShareRow]) -> [ShareRow] {
            table.map {
                ShareRow(
                    agency: plan.agencies[$0.agency].id.rawValue, buildsMUSD: $0.builds, commonMUSD: $0.common,
                    barterMUSD: $0.barter, cashMUSD: $0.cash, penaltiesMUSD: $0.penalties, receivedMUSD: $0.received,
                    totalMUSD: $0.total)
            }
        }
        var sharing: [String: [ShareRow]] = ["net-balance": rows(result.barterTable)]
        for rule in CostSharing.Policy.allCases {
            if let table = result.sharingTable(rule) { sharing[rule.rawValue] = rows(table) }
        }
        costSharing = sharing
    }

    /// The document as UTF-8 JSON with sorted keys, ending in a newline.
    public func json() throws -> Data { try encodeSorted(self) }
}
