public import ConsortiumEngine
public import ConsortiumModel
public import ConsortiumSimulation

/// How intricate a cooperation architecture is: the numbers a programme office has to manage.
public struct Complexity: Sendable, Equatable {
    public var agencies: Int
    public var contracts: Int
    public var standards: Int
    /// Contracts between agencies that share no membership group (e.g. an Artemis Accords signatory and
    /// an ILRS partner): each needs export licences and political cover.
    public var crossBlocContracts: Int

    public init(agencies: Int, contracts: Int, standards: Int, crossBlocContracts: Int) {
        self.agencies = agencies
        self.contracts = contracts
        self.standards = standards
        self.crossBlocContracts = crossBlocContracts
    }
}

/// What losing one partner costs: the mean paired change in completion and cost when it withdraws at a
/// date during development and the lead agency takes over its unfinished work.
public struct PartnerStress: Sendable {
    public var agency: Int
    /// Change of the day every objective is achieved, over trials in which both runs achieve them.
    public var delay: Difference
    public var cost: Difference
    /// Change of the probability that every objective is achieved.
    public var success: Difference
}

/// One architecture's results for the side-by-side comparison.
public struct ArchitectureResult: Sendable {
    /// The campaign's architecture label (lead-agency, two-blocs, integrated-barter, parallel-national...).
    public var architecture = ""
    public var result: MonteCarloResult
    public var complexity: Complexity
    public var stress: [PartnerStress]
    public var cooperation: CooperationAnalysis?

    /// The partner whose withdrawal delays the campaign most (the mean delay; cost breaks ties).
    public var worstPartner: PartnerStress? {
        stress.max { a, b in
            let x = a.delay.count > 0 ? a.delay.mean : 0
            let y = b.delay.count > 0 ? b.delay.mean : 0
            return x != y ? x < y : a.cost.mean < b.cost.mean
        }
    }
}

public enum ArchitectureComparison {
    /// Fractions of the development period at which partners withdraw in the stress runs; each date gets
    /// an equal share of the trials, so the result is the average over a date uniform on the period.
    public static let withdrawalFractions = [0.1, 0.3, 0.5, 0.7, 0.9]

    /// Days a lead agency needs to take over a withdrawn partner's work (the scenario format's default).
    public static let transferDays = 365.0

    /// Runs the Monte Carlo of `plan`, its stress runs (one per partner) and, when `coalitionTrials` > 0,
    /// its cooperation game.
    public static func evaluate(
        _ plan: SimulationPlan, lead: Int?, complexity: Complexity, options: MonteCarloOptions, coalitionTrials: Int
    ) throws(SimulationError) -> ArchitectureResult {
        let result = try MonteCarlo.run(plan, options)
        var stress: [PartnerStress] = []
        // The development period: from the start to the median day every objective is achieved (or half
        // the horizon when fewer than half the trials achieve them all).
        let end = result.completion.p50 ?? plan.horizonDays / 2
        let perDate = max(2, options.trials / withdrawalFractions.count)
        for partner in plan.payingAgencies where partner != lead {
            var delay = Statistics.RunningMoments()
            var cost = Statistics.RunningMoments()
            var success = Statistics.RunningMoments()
            for fraction in withdrawalFractions {
                var variant = plan
                variant.withdrawals.append(
                    SimulationPlan.WithdrawalPlan(
                        agency: partner, day: (fraction * end).rounded(), replacement: lead,
                        transferDays: transferDays))
                var stressOptions = options
                stressOptions.trials = perDate
                stressOptions.sampleSize = 0
                let paired = try MonteCarlo.runPaired(base: plan, variant: variant, stressOptions)
                delay.merge(paired.completion.moments)
                cost.merge(paired.totalCost.moments)
                success.merge(paired.allObjectives.moments)
            }
            stress.append(
                PartnerStress(
                    agency: partner, delay: Difference(moments: delay), cost: Difference(moments: cost),
                    success: Difference(moments: success)))
        }
        let cooperation =
            coalitionTrials > 0
            ? try Cooperation.analyze(
                plan, trials: coalitionTrials, seed: options.seed, threads: options.threads, stop: options.stop)
            : nil
        return ArchitectureResult(result: result, complexity: complexity, stress: stress, cooperation: cooperation)
    }

    /// Whether two means differ at 95 % (a two-sided z test on independent runs, Welch's standard error).
    public static func differ(_ a: Statistics.RunningMoments, _ b: Statistics.RunningMoments) -> Bool {
        guard a.count > 1, b.count > 1 else { return false }
        let se = (a.variance / Double(a.count) + b.variance / Double(b.count)).squareRoot()
        guard se > 0 else { return a.mean != b.mean }
        return abs(a.mean - b.mean) / se > 1.959963984540054
    }

    /// Whether two proportions differ at 95 % (a two-proportion z test with the pooled standard error).
    public static func differ(_ a: Proportion, _ b: Proportion) -> Bool {
        guard a.trials > 0, b.trials > 0 else { return false }
        let pooled = Double(a.successes + b.successes) / Double(a.trials + b.trials)
        let se = (pooled * (1 - pooled) * (1 / Double(a.trials) + 1 / Double(b.trials))).squareRoot()
        guard se > 0 else { return a.value != b.value }
        return abs(a.value - b.value) / se > 1.959963984540054
    }
}

extension Complexity {
    /// The complexity of `campaign` as planned: paying agencies, contracts, distinct standards and
    /// contracts that cross blocs (membership groups).
    public init(campaign: Campaign, library: Library, plan: SimulationPlan) {
        func groups(_ id: AgencyID) -> Set<String> {
            Set(library.agency(id)?.memberships.map(\.group) ?? [])
        }
        var crossBloc = 0
        for contract in campaign.contracts where contract.provider.id != contract.consumer.id {
            let a = groups(contract.provider.id)
            let b = groups(contract.consumer.id)
            if !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b) { crossBloc += 1 }
        }
        self.init(
            agencies: plan.payingAgencies.count, contracts: campaign.contracts.count,
            standards: Set(campaign.contracts.map(\.standard.id)).count, crossBlocContracts: crossBloc)
    }
}
