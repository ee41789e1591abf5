public import ConsortiumModel
public import ConsortiumSimulation

/// The quantiles planners budget with, in days (dates) or MUSD (costs); `nil` where the quantile falls
/// among trials in which the thing never happened.
public struct Quantiles: Sendable, Equatable {
    public var mean: Double?
    public var p10: Double?
    public var p50: Double?
    public var p70: Double?
    public var p80: Double?
    public var p90: Double?

    init(_ histogram: Histogram, mean: Double?) {
        self.mean = mean
        p10 = histogram.quantile(0.1)
        p50 = histogram.quantile(0.5)
        p70 = histogram.quantile(0.7)
        p80 = histogram.quantile(0.8)
        p90 = histogram.quantile(0.9)
    }

    public var all: [Double?] { [p10, p50, p70, p80, p90] }
}

/// A probability estimated from trials, with its 95 % Wilson score interval.
public struct Proportion: Sendable, Equatable {
    public var successes: Int
    public var trials: Int
    public var value: Double { trials > 0 ? Double(successes) / Double(trials) : 0 }
    public var interval: (low: Double, high: Double) { Statistics.wilson(successes: successes, trials: trials) }

    public static func == (a: Proportion, b: Proportion) -> Bool {
        a.successes == b.successes && a.trials == b.trials
    }
}

/// Everything a Monte Carlo run found, derived from the streamed aggregate.
public struct MonteCarloResult: Sendable {
    public let plan: SimulationPlan
    public let settings: MonteCarloOptions
    public let totals: TrialAccumulator

    public var trials: Int { totals.trials }

    /// How an agency's funding line fared: the share of trials in which it bound (development funded
    /// below full pace, or a launch deferred for money), and its peak use (spending over line in its
    /// heaviest fiscal year): the median and the largest over trials.
    public struct FundingLineUse: Sendable {
        public var agency: Int
        public var bound: Proportion
        public var peakMedian: Double?
        public var peakMax: Double
    }

    /// Per agency the campaign gives a funding line, how it fared (empty when none has a line).
    public var fundingLines: [FundingLineUse] {
        plan.agencies.indices.compactMap { a in
            guard plan.agencies[a].hasLine else { return nil }
            return FundingLineUse(
                agency: a, bound: Proportion(successes: totals.lineBoundTrials[a], trials: trials),
                peakMedian: totals.linePeak[a].quantile(0.5), peakMax: totals.lineMaxPeak[a])
        }
    }

    // MARK: Schedule

    /// Days from the start to each mission's completion.
    public func missionCompletion(_ m: Int) -> Quantiles {
        Quantiles(totals.missionCompletion[m], mean: Self.mean(of: totals.missionCompletion[m]))
    }

    /// Days from the start until every objective is achieved (never, when one is lost).
    public var completion: Quantiles { Quantiles(totals.completion, mean: Self.mean(of: totals.completion)) }

    /// The probability that every objective is achieved by the target date.
    public var meetsTargetDate: Proportion { Proportion(successes: totals.meetsDate, trials: trials) }

    /// Days to each objective's achievement (lost trials count as never).
    public func objectiveDay(_ o: Int) -> Quantiles {
        Quantiles(totals.objectiveDay[o], mean: Self.mean(of: totals.objectiveDay[o]))
    }

    /// Probability that objective `o` is achieved by its own target date.
    public func objectiveOnTime(_ o: Int) -> Proportion {
        Proportion(successes: totals.objectiveOnTime[o], trials: trials)
    }

    /// The mean day every objective is achieved (over trials that achieve them all), with its moments.
    public var completionMoments: Statistics.RunningMoments { totals.completionMoments }

    /// The mean total cost with its moments.
    public var costMoments: Statistics.RunningMoments { totals.costMoments }

    /// The probability that every objective is achieved.
    public var allObjectives: Proportion {
        Proportion(successes: totals.completion.count - totals.completion.missing, trials: trials)
    }

    // MARK: Success

    public func objectiveSuccess(_ o: Int) -> Proportion {
        Proportion(successes: totals.objectiveAchieved[o], trials: trials)
    }

    /// Why objective `o` was lost, most frequent first, as (cause, share of all trials).
    public func lossCauses(_ o: Int) -> [(cause: LossCause, probability: Double)] {
        LossCause.allCases.enumerated().compactMap { i, cause in
            let n = totals.lossCauses[o][i]
            return n > 0 ? (cause, Double(n) / Double(trials)) : nil
        }.sorted { $0.probability > $1.probability }
    }

    /// Why objective `o` was lost and the element each loss is attributed to, most frequent first (then by
    /// cause and element, for a stable order), as shares of all trials.
    public func attributedLosses(_ o: Int) -> [(loss: AttributedLoss, probability: Double)] {
        totals.attributedLosses[o].map { ($0.key, Double($0.value) / Double(trials)) }.sorted {
            if $0.probability != $1.probability { return $0.probability > $1.probability }
            let a = LossCause.allCases.firstIndex(of: $0.loss.cause)!
            let b = LossCause.allCases.firstIndex(of: $1.loss.cause)!
            return a != b ? a < b : ($0.loss.element ?? -1) < ($1.loss.element ?? -1)
        }
    }

    /// The text of a loss attributed to its element: "element failure (art3-hls)".
    public func text(_ loss: AttributedLoss) -> String {
        loss.cause.rawValue + (loss.element.map { " (\(plan.elements[$0].id))" } ?? "")
    }

    /// The probability that a trial loses at least one crew (README, "Loss of crew and losses of elements").
    public var lossOfCrew: Proportion { Proportion(successes: totals.crewLossTrials, trials: trials) }

    /// The probability that the campaign is cancelled, by a cancellation hazard or after a loss of crew.
    public var programmeCancelled: Proportion { Proportion(successes: totals.cancelledTrials, trials: trials) }

    /// The probability that the campaign is cancelled by the review after a loss of crew.
    public var cancelledAfterLossOfCrew: Proportion {
        Proportion(successes: totals.crewLossCancelledTrials, trials: trials)
    }

    /// Whether any element of the plan carries a crew.
    public var hasCrew: Bool { plan.elements.contains(where: \.crewed) }

    // MARK: Cost

    public var totalCost: Quantiles {
        Quantiles(totals.totalCost, mean: totals.categorySums.reduce(0, +) / Double(trials))
    }

    /// What agency `a` spent from its own money (every category but the transfers): never negative.
    public func agencySpent(_ a: Int) -> Quantiles {
        Quantiles(totals.agencySpent[a], mean: meanSpent(agency: a))
    }

    /// Agency `a`'s net contribution: spent + in kind given - in kind earned - received. The agencies' nets
    /// sum to the campaign's cost in every trial.
    public func agencyNet(_ a: Int) -> Quantiles {
        Quantiles(totals.agencyNet[a], mean: meanCost(agency: a))
    }

    /// Mean spending of agency `a`: every category but the transfers.
    public func meanSpent(agency a: Int) -> Double {
        CostCategory.allCases.reduce(0.0) { $1.isTransfer ? $0 : $0 + meanCost(agency: a, category: $1) }
    }

    /// The mean agreed value of the returns in kind agency `a` gave (for elements others delivered to it).
    public func meanInKindGiven(agency a: Int) -> Double { totals.inKindGivenSums[a] / Double(trials) }

    /// The mean agreed value of the returns in kind agency `a` earned (for elements it delivered).
    public func meanInKindEarned(agency a: Int) -> Double { totals.inKindEarnedSums[a] / Double(trials) }

    /// The mean cash and penalties paid to agency `a`.
    public func meanReceived(agency a: Int) -> Double { -meanCost(agency: a, category: .received) }

    /// Mean bookings of agency `a` in `category` (all categories when nil: its net contribution).
    public func meanCost(agency a: Int, category: CostCategory? = nil) -> Double {
        let k = CostCategory.allCases.count
        let sum = CostCategory.allCases.reduce(0.0) { sum, c in
            category == nil || category == c ? sum + totals.categorySums[a * k + c.rawValue] : sum
        }
        return sum / Double(trials)
    }

    /// The agencies that spend or receive anything on average, in plan order.
    public var activeAgencies: [Int] {
        plan.agencies.indices.filter { a in
            CostCategory.allCases.contains { meanCost(agency: a, category: $0) != 0 }
        }
    }

    /// Agency `a`'s spending in ledger year `y` (fiscal year `plan.firstFiscalYear + y`): mean and P80.
    public func yearCost(agency a: Int, year y: Int) -> (mean: Double, p80: Double) {
        let i = a * plan.fiscalYearCount + y
        return (totals.yearSums[i] / Double(trials), totals.yearCost[i].quantile(0.8) ?? 0)
    }

    /// The ledger years in which anyone spends anything on average.
    public var activeYears: ClosedRange<Int>? {
        let years = (0..<plan.fiscalYearCount).filter { y in
            plan.agencies.indices.contains { totals.yearSums[$0 * plan.fiscalYearCount + y] != 0 }
        }
        guard let first = years.first, let last = years.last else { return nil }
        return first...last
    }

    // MARK: Joint confidence

    /// The probability of meeting both the target date and the target budget (either missing: not tested).
    public var jointConfidence: Proportion { Proportion(successes: totals.meetsBoth, trials: trials) }

    public var meetsTargetBudget: Proportion { Proportion(successes: totals.meetsBudget, trials: trials) }

    /// (completion day, budget) pairs on the frontier of `settings.frontierLevel` joint confidence: for
    /// each month in which it changes, the smallest budget that with completion by then reaches the level.
    public var frontier: [(day: Double, budgetMUSD: Double)] { Self.frontier(totals.joint, settings.frontierLevel) }

    /// The frontier for agency `a`'s own elements and own cost.
    public func frontier(agency a: Int) -> [(day: Double, budgetMUSD: Double)] {
        Self.frontier(totals.agencyJoint[a], settings.frontierLevel)
    }

    static func frontier(_ joint: JointHistogram, _ level: Double) -> [(day: Double, budgetMUSD: Double)] {
        var points: [(day: Double, budgetMUSD: Double)] = []
        for (month, budget) in joint.budgetsByMonth(level: level) {
            guard let budget else { continue }
            if let last = points.last, last.budgetMUSD <= budget { continue }
            points.append((Double(month + 1) * JointHistogram.monthDays, budget))
        }
        return points
    }

    /// The key milestone's joint confidence (NPR 7120.5): when it is met, the campaign's spending up to it,
    /// and the probability of meeting it by the target date within the target budget; nil when the plan
    /// names no milestone.
    public struct MilestoneConfidence: Sendable {
        public var milestone: Milestone
        /// Days to the milestone over all trials (never, where it was not met).
        public var day: Quantiles
        /// The spending up to it, over the trials that met it.
        public var cost: Quantiles
        public var met: Proportion
        public var meetsTargetDate: Proportion
        public var meetsTargetBudget: Proportion
        /// Met by the target date within the target budget (over all trials).
        public var joint: Proportion
        /// The (date, budget) pairs reaching the frontier level jointly.
        public var frontier: [(day: Double, budgetMUSD: Double)]
    }

    public var milestone: MilestoneConfidence? {
        guard let milestone = plan.milestone else { return nil }
        let tally = totals.milestone
        return MilestoneConfidence(
            milestone: milestone, day: Quantiles(tally.day, mean: nil), cost: Quantiles(tally.cost, mean: nil),
            met: Proportion(successes: tally.met, trials: trials),
            meetsTargetDate: Proportion(successes: tally.meetsDate, trials: trials),
            meetsTargetBudget: Proportion(successes: tally.meetsBudget, trials: trials),
            joint: Proportion(successes: tally.meetsBoth, trials: trials),
            frontier: Self.frontier(tally.joint, settings.frontierLevel))
    }

    /// The length of a month on the joint-confidence frontier, in days (frontier dates are month ends).
    public static let frontierMonthDays = JointHistogram.monthDays

    // MARK: Risk drivers

    /// The share of trials in which element `e` lay on its mission's critical path.
    public func criticality(_ e: Int) -> Double { Double(totals.critical[e]) / Double(trials) }

    /// One uncertain input's rank correlation with the completion date and with the total cost, over the
    /// sample, and the median shift between the sample's top and bottom quarters of that input.
    public struct Driver: Sendable {
        public var name: String
        public var scheduleCorrelation: Double
        public var costCorrelation: Double
        /// Median completion (days) of trials with the input in its top quarter minus bottom quarter.
        public var scheduleShiftDays: Double
        /// Median total cost (MUSD) of trials with the input in its top quarter minus bottom quarter.
        public var costShiftMUSD: Double
    }

    /// Every uncertain input's correlations (the data of a tornado chart), strongest first by
    /// max(|schedule|, |cost|). Inputs that never vary in the sample are left out.
    ///
    /// Computed on each call (a rank sort per input over the sample): read it once per report. The
    /// sampled trials' inputs are redrawn here from their own streams, one input at a time, rounded to
    /// `Float` as the sample always kept them, so no per-trial input is held while the trials run.
    public var drivers: [Driver] {
        let names = InputCatalog.names(plan)
        let n = totals.sampleTrials.count
        guard n >= 3 else { return [] }
        let width = names.count
        // The outputs are ranked once; each input is ranked and correlated with them (Spearman's rho is
        // Pearson's correlation of the ranks).
        let completionRanks = Statistics.ranks(totals.sampleCompletion)
        let costRanks = Statistics.ranks(totals.sampleCost)
        var result: [Driver] = []
        for i in 0..<width {
            let x = totals.sampleTrials.map { trial in
                Double(Float(TrialDraws.percentile(plan, seed: settings.seed, trial: UInt64(trial), input: i)))
            }
            guard let first = x.first, x.contains(where: { $0 != first }) else { continue }
            let xRanks = Statistics.ranks(x)
            let schedule = Statistics.pearson(xRanks, completionRanks)
            let cost = Statistics.pearson(xRanks, costRanks)
            let low = x.indices.filter { x[$0] < 0.25 }
            let high = x.indices.filter { x[$0] >= 0.75 }
            func shift(_ y: [Double]) -> Double {
                let lowMedian = Statistics.quantile(sorted: low.map { y[$0] }.sorted(), 0.5)
                let highMedian = Statistics.quantile(sorted: high.map { y[$0] }.sorted(), 0.5)
                let difference = highMedian - lowMedian
                return difference.isFinite ? difference : .nan
            }
            result.append(
                Driver(
                    name: names[i], scheduleCorrelation: schedule.isNaN ? 0 : schedule,
                    costCorrelation: cost.isNaN ? 0 : cost, scheduleShiftDays: shift(totals.sampleCompletion),
                    costShiftMUSD: shift(totals.sampleCost)))
        }
        return result.sorted {
            let a = max(abs($0.scheduleCorrelation), abs($0.costCorrelation))
            let b = max(abs($1.scheduleCorrelation), abs($1.costCorrelation))
            return a != b ? a > b : $0.name < $1.name
        }
    }

    /// The sampled trial whose completion is closest to the median (the lowest-numbered on a tie): the
    /// trial to show as a story.
    public var representativeTrial: Int? {
        guard !totals.sampleTrials.isEmpty else { return nil }
        let median = completion.p50 ?? .infinity
        var best = 0
        for i in totals.sampleTrials.indices {
            let distance = abs(totals.sampleCompletion[i] - median)
            let bestDistance = abs(totals.sampleCompletion[best] - median)
            if distance < bestDistance || (distance.isNaN == false && bestDistance.isNaN) { best = i }
        }
        return totals.sampleTrials[best]
    }

    // MARK: Cost sharing

    /// One row of a cost-sharing table: what an agency pays on average, by part.
    public struct ShareRow: Sendable {
        public var agency: Int
        /// Development, integration, launch and operations of the elements it builds.
        public var builds: Double
        /// Its share of common costs under the rule of the table.
        public var common: Double
        /// Returns in kind given less those earned (agreed values), in the net-balance table only.
        public var barter: Double
        /// Cash it paid for contracts, in the net-balance table only.
        public var cash: Double = 0
        /// Late-delivery penalties it paid, in the net-balance table only.
        public var penalties: Double = 0
        /// Cash and penalties paid to it (a positive amount, subtracted), in the net-balance table only.
        public var received: Double = 0
        public var total: Double { builds + common + barter + cash + penalties - received }
    }

    /// The cost each agency bears when common costs are split by `rule`; rows sum to the campaign's mean
    /// total (barter and penalties net to zero and are shown only in `barterTable`). `nil` for fixed
    /// shares when the campaign declares none.
    public func sharingTable(_ rule: CostSharing.Policy) -> [ShareRow]? {
        if rule == .fixedShares && plan.fixedShares.isEmpty { return nil }
        return activeAgencies.map { a in
            ShareRow(
                agency: a, builds: builds(a), common: totals.commonUnder[rule.index][a] / Double(trials),
                barter: 0)
        }
    }

    /// The cost each agency bears under the campaign's own policy, with barter, cash and penalties: each
    /// agency's net contribution (spent + in kind given - in kind earned - received), returns valued at the
    /// agreement's rates.
    public var barterTable: [ShareRow] {
        activeAgencies.map { a in
            ShareRow(
                agency: a, builds: builds(a), common: meanCost(agency: a, category: .common),
                barter: meanCost(agency: a, category: .barter), cash: meanCost(agency: a, category: .cash),
                penalties: meanCost(agency: a, category: .penalties), received: meanReceived(agency: a))
        }
    }

    private func builds(_ a: Int) -> Double {
        [CostCategory.development, .integration, .launch, .operations, .storage, .fixed, .sunk].reduce(0) {
            $0 + meanCost(agency: a, category: $1)
        }
    }

    // MARK: Curves (S-curves for charts)

    /// Cumulative probability (over all trials, so it ends below 1 when some never got there) of a mission's
    /// end, by day.
    public func missionCurve(_ m: Int) -> [(value: Double, probability: Double)] {
        Self.cumulative(totals.missionCompletion[m])
    }

    /// Cumulative probability that every objective is achieved, by day.
    public var completionCurve: [(value: Double, probability: Double)] { Self.cumulative(totals.completion) }

    /// Cumulative probability of the total cost, by MUSD.
    public var costCurve: [(value: Double, probability: Double)] { Self.cumulative(totals.totalCost) }

    static func cumulative(_ histogram: Histogram) -> [(value: Double, probability: Double)] {
        guard histogram.count > 0 else { return [] }
        var seen = 0
        return histogram.sortedBuckets.map { bucket in
            seen += bucket.count
            return (bucket.value, Double(seen) / Double(histogram.count))
        }
    }

    // MARK: Helpers

    /// The mean of the non-missing values of a day histogram (exact to the day).
    static func mean(of histogram: Histogram) -> Double? {
        var sum = 0.0
        var n = 0
        for (value, count) in histogram.sortedBuckets {
            sum += value * Double(count)
            n += count
        }
        return n > 0 ? sum / Double(n) : nil
    }
}
