public import ConsortiumEngine
public import ConsortiumSimulation

/// A difference (variant minus base) estimated from paired trials, with its 95 % confidence interval
/// (normal approximation: mean +- 1.96 standard errors of the paired differences).
public struct Difference: Sendable, Equatable {
    public var moments: Statistics.RunningMoments

    public var mean: Double { moments.mean }
    public var count: Int { moments.count }
    public var interval: (low: Double, high: Double) {
        let half = 1.959963984540054 * (moments.count > 1 ? moments.standardError : .infinity)
        return (mean - half, mean + half)
    }

    /// Whether the interval excludes zero: the change is statistically meaningful at 95 %.
    public var isSignificant: Bool {
        let (low, high) = interval
        return low > 0 || high < 0
    }
}

/// Two related plans (a base and a variant, e.g. a what-if) run trial by trial with common random numbers:
/// trial k of both draws the same inputs for the same entities, so the paired difference measures the
/// change, not the noise.
public struct PairedResult: Sendable {
    public let base: MonteCarloResult
    public let variant: MonteCarloResult
    /// Days every objective is achieved, over trials in which both achieve them all.
    public let completion: Difference
    /// Whether every objective is achieved (1 or 0 per trial).
    public let allObjectives: Difference
    /// Total cost, MUSD, over all trials.
    public let totalCost: Difference
    /// Spending per agency (plan index of the base; transfers left out), MUSD.
    public let agencySpent: [Difference]
    /// Success of each objective (1 or 0 per trial): the difference of success probabilities.
    public let objectiveSuccess: [Difference]
    /// End of each mission, days, over trials in which both complete it.
    public let missionCompletion: [Difference]
}

extension MonteCarlo {
    /// Runs `base` and `variant` over the same trials with the same seed and pairs their outcomes.
    ///
    /// - Precondition: the variant has the same agencies, missions and objectives as the base (overrides
    ///   change values, not the structure).
    public static func runPaired(
        base: SimulationPlan, variant: SimulationPlan, _ settings: MonteCarloOptions,
        progress: ((Int) -> Void)? = nil
    ) throws(SimulationError) -> PairedResult {
        precondition(
            base.objectives.count == variant.objectives.count && base.missions.count == variant.missions.count
                && base.agencies.count <= variant.agencies.count, "a paired run needs plans of the same structure")
        var total = PairedBlock(base: base, variant: variant, settings: settings)
        try forEachBlock(settings, blockSize: MonteCarlo.blockSize(elements: base.elements.count), progress: progress) {
            (trials: Range<Int>, _: PairedBlock?) -> Result<PairedBlock, SimulationError> in
            var first = TrialRunner(plan: base, seed: settings.seed)
            var second = TrialRunner(plan: variant, seed: settings.seed)
            var block = PairedBlock(base: base, variant: variant, settings: settings)
            for trial in trials {
                do throws(SimulationError) {
                    let a = try first.run(trial: UInt64(trial))
                    block.base.add(a)
                    let b = try second.run(trial: UInt64(trial))
                    block.variant.add(b)
                    block.addDifferences(a, b)
                } catch {
                    return .failure(error)
                }
            }
            return .success(block)
        } merge: { (block: inout PairedBlock) -> Bool in
            total.merge(block)
            return false
        }
        return PairedResult(
            base: MonteCarloResult(plan: base, settings: settings, totals: total.base),
            variant: MonteCarloResult(plan: variant, settings: settings, totals: total.variant),
            completion: Difference(moments: total.completion), allObjectives: Difference(moments: total.all),
            totalCost: Difference(moments: total.totalCost),
            agencySpent: total.agencySpent.map { Difference(moments: $0) },
            objectiveSuccess: total.objectives.map { Difference(moments: $0) },
            missionCompletion: total.missions.map { Difference(moments: $0) })
    }
}

/// The aggregates of a block of paired trials.
struct PairedBlock: Sendable {
    var base: TrialAccumulator
    var variant: TrialAccumulator
    var completion = Statistics.RunningMoments()
    var all = Statistics.RunningMoments()
    var totalCost = Statistics.RunningMoments()
    var agencySpent: [Statistics.RunningMoments]
    var objectives: [Statistics.RunningMoments]
    var missions: [Statistics.RunningMoments]

    init(base: SimulationPlan, variant: SimulationPlan, settings: MonteCarloOptions) {
        self.base = TrialAccumulator(plan: base, settings: settings)
        self.variant = TrialAccumulator(plan: variant, settings: settings)
        agencySpent = Array(repeating: Statistics.RunningMoments(), count: base.agencies.count)
        objectives = Array(repeating: Statistics.RunningMoments(), count: base.objectives.count)
        missions = Array(repeating: Statistics.RunningMoments(), count: base.missions.count)
    }

    mutating func addDifferences(_ a: TrialOutcome, _ b: TrialOutcome) {
        let x = TrialAccumulator.campaignEnd(a)
        let y = TrialAccumulator.campaignEnd(b)
        if let x, let y { completion.add(y - x) }
        all.add((y == nil ? 0 : 1) - (x == nil ? 0 : 1))
        totalCost.add(b.ledger.grandTotal - a.ledger.grandTotal)
        for i in agencySpent.indices { agencySpent[i].add(b.ledger.spent(agency: i) - a.ledger.spent(agency: i)) }
        for o in objectives.indices {
            objectives[o].add((b.objectives[o].achieved ? 1 : 0) - (a.objectives[o].achieved ? 1 : 0))
        }
        for m in missions.indices {
            if let x = a.missions[m].completionDay, let y = b.missions[m].completionDay { missions[m].add(y - x) }
        }
    }

    mutating func merge(_ other: PairedBlock) {
        base.merge(other.base)
        variant.merge(other.variant)
        completion.merge(other.completion)
        all.merge(other.all)
        totalCost.merge(other.totalCost)
        for i in agencySpent.indices { agencySpent[i].merge(other.agencySpent[i]) }
        for o in objectives.indices { objectives[o].merge(other.objectives[o]) }
        for m in missions.indices { missions[m].merge(other.missions[m]) }
    }
}
