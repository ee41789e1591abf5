/// A what-if: a campaign, the changes to play out on it, and the Monte Carlo settings.
public struct Scenario: Sendable, Hashable {
    public var id: ScenarioID
    public var name: String
    public var campaign: Reference<CampaignTag>
    public var description: String?
    public var sources: [SourceCitation] = []
    public var monteCarlo: MonteCarloSettings?
    public var overrides: [Override] = []
    public var location: SourceLocation

    public init(id: ScenarioID, name: String, campaign: Reference<CampaignTag>, location: SourceLocation) {
        self.id = id
        self.name = name
        self.campaign = campaign
        self.location = location
    }
}

/// How many trials to run, with which seed, and the targets to measure confidence against.
public struct MonteCarloSettings: Sendable, Hashable {
    public var trials: Int
    public var seed: UInt64
    public var targetDate: CivilDate?
    public var targetBudgetMUSD: Double?
    public var horizon: CivilDate?

    public init(trials: Int, seed: UInt64, targetDate: CivilDate?, targetBudgetMUSD: Double?, horizon: CivilDate?) {
        self.trials = trials
        self.seed = seed
        self.targetDate = targetDate
        self.targetBudgetMUSD = targetBudgetMUSD
        self.horizon = horizon
    }
}

/// One change a scenario makes to its campaign.
public struct Override: Sendable, Hashable {
    /// Why a budget factor cannot be right (nil when it can): a factor multiplies a funding line, so it
    /// lies between 0 (the line cut to nothing) and 2 (doubled); 80 is most likely meant as 80 %.
    public static func budgetFactorProblem(_ factor: Double) -> String? {
        guard factor.isFinite, factor < 0 || factor > 2 else { return nil }
        if factor > 2, factor <= 200 {
            let percent = factor.rounded() == factor ? String(Int(factor)) : String(factor)
            return
                "a budget factor of \(percent) is \(percent) times the funding line, not \(percent) %; write \(factor / 100) for \(percent) % of it (factors run from 0 to 2)"
        }
        return "a budget factor must lie from 0 (the line cut to nothing) to 2 (doubled), not \(factor)"
    }

    public enum Change: Sendable, Hashable {
        /// The agency withdraws on a date; its unfinished elements move to the replacement, or are cancelled.
        case withdraw(
            agency: Reference<AgencyTag>, date: CivilDate, replacement: Reference<AgencyTag>?, transferDays: Double)
        /// The agency's budget is multiplied by `factor` from a date.
        case budgetChange(agency: Reference<AgencyTag>, factor: Double, from: CivilDate)
        /// The element's development takes `days` longer.
        case delay(element: Reference<ElementTag>, days: Double)
        /// The launch's attempt number `attempt` fails.
        case launchFailure(launch: Reference<LaunchTag>, attempt: Int)
        /// The vehicle is grounded for `days` from a date; optionally a new stand-down after failures.
        case ground(vehicle: Reference<VehicleTag>, days: Double, from: CivilDate, standDownDays: Double?)
        /// The contract moves to another provider.
        case reassign(contract: Reference<ContractTag>, provider: Reference<AgencyTag>)
        /// From a date, the launch flies on another vehicle (a re-manifest decided by the programme).
        case substitute(launch: Reference<LaunchTag>, vehicle: Reference<VehicleTag>, from: CivilDate)
        /// The campaign's hazards of `kind` (all kinds when nil) have their yearly rates multiplied by
        /// `factor` (0 turns them off).
        case scaleHazards(kind: Hazard.Kind?, factor: Double)
    }

    public var change: Change
    public var location: SourceLocation

    public init(_ change: Change, location: SourceLocation) {
        self.change = change
        self.location = location
    }
}
