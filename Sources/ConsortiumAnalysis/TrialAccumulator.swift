public import ConsortiumModel
public import ConsortiumSimulation
import Foundation

extension CostSharing.Policy {
    /// A short label for tables and charts: "who builds pays", "fixed shares", "equal shares".
    public var label: String {
        switch self {
        case .whoBuildsPays: "who builds pays"
        case .fixedShares: "fixed shares"
        case .equal: "equal shares"
        }
    }

    /// The policy's position in `allCases`, to index per-policy sums.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}

/// The streaming aggregate of a set of trials: histograms, counts and sums that merge exactly.
///
/// Kept per trial only for the first `sampleSize` trials: the trial number, completion day and total cost
/// (24 bytes), for rank correlations and the representative trial. The sampled trials' input percentiles
/// are not kept: they are recomputed from the seed when the drivers are read (`TrialDraws.percentile`).
public struct TrialAccumulator: Sendable {
    let agencyCount: Int
    let yearCount: Int
    let categoryCount = CostCategory.allCases.count
    let targetDay: Double?
    let targetBudget: Double?
    let sampleSize: Int

    public internal(set) var trials = 0
    public internal(set) var events = 0
    public internal(set) var horizonReached = 0
    /// The most events one trial handled (each trial stops at the plan's event limit at most).
    public internal(set) var maxEvents = 0
    /// How many trials stopped at the horizon with each launch held by each reason (days left out).
    public internal(set) var blockers: [Blocker: Int] = [:]
    /// How many trials ran out of events before the horizon with an objective lost as stalled (nothing left
    /// could happen).
    public internal(set) var stalled = 0
    /// How many trials lost each objective while its element waited for a dock or a missing launch.
    public internal(set) var waits: [LostObjectiveWait: Int] = [:]
    /// How many trials lost at least one crew, and how many ended with the campaign cancelled.
    public internal(set) var crewLossTrials = 0
    public internal(set) var cancelledTrials = 0
    /// Trials cancelled by the review after a loss of crew (a part of `cancelledTrials`).
    public internal(set) var crewLossCancelledTrials = 0
    /// Lost objectives by cause and the element the loss is attributed to, per objective.
    var attributedLosses: [[AttributedLoss: Int]]
    /// Days to each mission's completion (missing: not completed).
    var missionCompletion: [Histogram]
    /// Day each objective was achieved (missing: lost).
    var objectiveDay: [Histogram]
    var objectiveAchieved: [Int]
    var objectiveOnTime: [Int]
    /// Lost objectives by cause, `[objective][LossCause index]`.
    var lossCauses: [[Int]]
    /// Days until every objective is achieved (missing: some objective was lost).
    var completion: Histogram
    var totalCost = Histogram(.relative)
    /// Exact moments of the total cost and of the completion day (over completed trials), for tests of
    /// differences between runs.
    var costMoments = Statistics.RunningMoments()
    var completionMoments = Statistics.RunningMoments()
    /// Each agency's spending (every category but the transfers) and its net contribution (spending plus in
    /// kind given, less in kind earned and money received).
    var agencySpent: [Histogram]
    var agencyNet: [Histogram]
    /// Sums over trials of the agreed value of the returns in kind each agency gave and earned.
    var inKindGivenSums: [Double]
    var inKindEarnedSums: [Double]
    /// Sums over trials of each agency's bookings per category, `[agency * categories + category]`.
    var categorySums: [Double]
    /// Sums and histograms of each agency's spending (transfers left out) per ledger year,
    /// `[agency * years + year]`.
    var yearSums: [Double]
    var yearCost: [Histogram]
    /// Sums over trials of each agency's share of common costs under each policy, `[policy index][agency]`.
    var commonUnder: [[Double]]
    var meetsDate = 0
    var meetsBudget = 0
    var meetsBoth = 0
    /// The key milestone: when it was met and the spending up to it (NPR 7120.5's JCL).
    var milestone = MilestoneTally()
    /// (completion, total cost) jointly, and per agency (its elements in place, its cost).
    var joint: JointHistogram
    var agencyJoint: [JointHistogram]
    /// Trials in which each element lay on its mission's critical path.
    var critical: [Int]
    /// The sample: trial numbers, completion days (+infinity when never), total costs.
    /// Per agency with a funding line: trials in which it bound, its largest peak use, and the histogram
    /// of its peak use (spending over line in its heaviest fiscal year).
    var lineBoundTrials: [Int]
    var lineMaxPeak: [Double]
    var linePeak: [Histogram]
    var sampleTrials: [Int] = []
    var sampleCompletion: [Double] = []
    var sampleCost: [Double] = []

    init(plan: SimulationPlan, settings: MonteCarloOptions) {
        agencyCount = plan.agencies.count
        yearCount = plan.fiscalYearCount
        targetDay = settings.targetDay
        targetBudget = settings.targetBudgetMUSD
        sampleSize = settings.sampleSize
        missionCompletion = Array(repeating: Histogram(.days), count: plan.missions.count)
        objectiveDay = Array(repeating: Histogram(.days), count: plan.objectives.count)
        objectiveAchieved = Array(repeating: 0, count: plan.objectives.count)
        objectiveOnTime = Array(repeating: 0, count: plan.objectives.count)
        lossCauses = Array(
            repeating: Array(repeating: 0, count: LossCause.allCases.count), count: plan.objectives.count)
        attributedLosses = Array(repeating: [:], count: plan.objectives.count)
        completion = Histogram(.days)
        agencySpent = Array(repeating: Histogram(.relative), count: plan.agencies.count)
        agencyNet = Array(repeating: Histogram(.relative), count: plan.agencies.count)
        inKindGivenSums = Array(repeating: 0, count: plan.agencies.count)
        inKindEarnedSums = Array(repeating: 0, count: plan.agencies.count)
        categorySums = Array(repeating: 0, count: plan.agencies.count * CostCategory.allCases.count)
        yearSums = Array(repeating: 0, count: plan.agencies.count * plan.fiscalYearCount)
        yearCost = Array(repeating: Histogram(.percent), count: plan.agencies.count * plan.fiscalYearCount)
        commonUnder = Array(
            repeating: Array(repeating: 0, count: plan.agencies.count), count: CostSharing.Policy.allCases.count)
        joint = JointHistogram()
        agencyJoint = Array(repeating: JointHistogram(), count: plan.agencies.count)
        critical = Array(repeating: 0, count: plan.elements.count)
        lineBoundTrials = Array(repeating: 0, count: plan.agencies.count)
        lineMaxPeak = Array(repeating: 0, count: plan.agencies.count)
        linePeak = Array(repeating: Histogram(.relative), count: plan.agencies.count)
        self.plan = plan
        elementsOf = plan.agencies.indices.map { a in plan.elements.indices.filter { plan.elements[$0].agency == a } }
        yearScratch = Array(repeating: 0, count: plan.fiscalYearCount)
    }

    /// Empties the accumulator to the state `init` leaves it in, keeping the storage its histograms and arrays
    /// grew, so a worker can reuse it for its next block without allocating again.
    mutating func reset() {
        trials = 0
        events = 0
        horizonReached = 0
        maxEvents = 0
        blockers.removeAll(keepingCapacity: true)
        stalled = 0
        waits.removeAll(keepingCapacity: true)
        crewLossTrials = 0
        cancelledTrials = 0
        crewLossCancelledTrials = 0
        for o in attributedLosses.indices { attributedLosses[o].removeAll(keepingCapacity: true) }
        for m in missionCompletion.indices { missionCompletion[m].reset() }
        for o in objectiveDay.indices { objectiveDay[o].reset() }
        for o in objectiveAchieved.indices { objectiveAchieved[o] = 0 }
        for o in objectiveOnTime.indices { objectiveOnTime[o] = 0 }
        for o in lossCauses.indices {
            for c in lossCauses[o].indices { lossCauses[o][c] = 0 }
        }
        completion.reset()
        totalCost.reset()
        costMoments = Statistics.RunningMoments()
        completionMoments = Statistics.RunningMoments()
        for a in agencySpent.indices {
            agencySpent[a].reset()
            agencyNet[a].reset()
            inKindGivenSums[a] = 0
            inKindEarnedSums[a] = 0
        }
        for i in categorySums.indices { categorySums[i] = 0 }
        for i in yearSums.indices { yearSums[i] = 0 }
        for i in yearCost.indices { yearCost[i].reset() }
        for p in commonUnder.indices {
            for a in commonUnder[p].indices { commonUnder[p][a] = 0 }
        }
        meetsDate = 0
        meetsBudget = 0
        meetsBoth = 0
        joint.reset()
        milestone = MilestoneTally()
        for a in agencyJoint.indices { agencyJoint[a].reset() }
        for e in critical.indices { critical[e] = 0 }
        for a in lineBoundTrials.indices {
            lineBoundTrials[a] = 0
            lineMaxPeak[a] = 0
            linePeak[a].reset()
        }
        sampleTrials.removeAll(keepingCapacity: true)
        sampleCompletion.removeAll(keepingCapacity: true)
        sampleCost.removeAll(keepingCapacity: true)
    }

    // The plan is needed while adding trials; it is shared (copy-on-write), not copied.
    let plan: SimulationPlan
    /// The elements each agency builds in the plan, by agency index.
    let elementsOf: [[Int]]
    /// Per-year totals of one agency in the trial being added (reused, never read across trials).
    var yearScratch: [Double]
    /// The agency building each element in the trial being added (reused, never read across trials).
    var builderScratch: [Int] = []

    /// Adds one trial's outcome.
    mutating func add(_ outcome: TrialOutcome) {
        trials += 1
        events += outcome.events
        maxEvents = max(maxEvents, outcome.events)
        if outcome.crewLosses > 0 { crewLossTrials += 1 }
        if outcome.cancelledDay != nil { cancelledTrials += 1 }
        if outcome.cancelledAfterCrewLoss { crewLossCancelledTrials += 1 }
        if outcome.reachedHorizon {
            horizonReached += 1
            for var blocker in outcome.blockers {
                blocker.day = nil
                blockers[blocker, default: 0] += 1
            }
        }
        for (m, mission) in outcome.missions.enumerated() { missionCompletion[m].add(mission.completionDay) }
        let end = Self.campaignEnd(outcome)
        completion.add(end)
        if let end { completionMoments.add(end) }
        addObjectives(outcome)
        let ledger = outcome.ledger
        let total = ledger.grandTotal
        totalCost.add(total)
        costMoments.add(total)
        addAgencies(outcome)
        addCommonCostRules(ledger, outcome)
        let onTime = end.map { day in targetDay.map { day <= $0 } ?? true } ?? false
        let inBudget = targetBudget.map { total <= $0 } ?? true
        if onTime { meetsDate += 1 }
        if inBudget { meetsBudget += 1 }
        if onTime && inBudget { meetsBoth += 1 }
        joint.add(day: end, cost: total)
        milestone.add(
            day: outcome.milestoneDay, cost: outcome.milestoneCost, targetDay: targetDay, targetBudget: targetBudget)
        for (e, isCritical) in outcome.critical.enumerated() where isCritical { critical[e] += 1 }
        for (a, peak) in outcome.linePeakUse.enumerated() where !peak.isNaN {
            linePeak[a].add(peak)
            lineMaxPeak[a] = max(lineMaxPeak[a], peak)
            if outcome.lineBound[a] { lineBoundTrials[a] += 1 }
        }
        // The sample is trials 0..<sampleSize (blocks merge in trial order); later blocks keep none.
        if outcome.trial < UInt64(sampleSize), sampleTrials.count < sampleSize {
            sampleTrials.append(Int(outcome.trial))
            sampleCompletion.append(end ?? .infinity)
            sampleCost.append(total)
        }
    }

    /// Reserves exact room for the sampled trials among `trials`, so the sample is allocated once at its
    /// final size instead of growing by doubling (which holds up to twice the rows during a copy).
    mutating func reserveSample(for trials: Range<Int>) {
        let rows = max(0, min(trials.upperBound, sampleSize) - trials.lowerBound)
        guard rows > 0 else { return }
        sampleTrials.reserveCapacity(rows)
        sampleCompletion.reserveCapacity(rows)
        sampleCost.reserveCapacity(rows)
    }

    /// The day the campaign is done: when its last objective is achieved; never (nil) if any is lost.
    static func campaignEnd(_ outcome: TrialOutcome) -> Double? {
        var end = 0.0
        for objective in outcome.objectives {
            guard objective.achieved, let day = objective.day else { return nil }
            end = max(end, day)
        }
        return end
    }

    private mutating func addObjectives(_ outcome: TrialOutcome) {
        var stalls = false
        defer { if stalls && !outcome.reachedHorizon { stalled += 1 } }
        for (o, objective) in outcome.objectives.enumerated() {
            if objective.achieved {
                objectiveAchieved[o] += 1
                objectiveDay[o].add(objective.day)
                if let day = objective.day, let target = plan.objectives[o].targetDay, day <= target {
                    objectiveOnTime[o] += 1
                }
            } else {
                objectiveDay[o].add(nil)
                let cause = objective.cause ?? .horizonReached
                lossCauses[o][LossCause.allCases.firstIndex(of: cause)!] += 1
                attributedLosses[o][AttributedLoss(cause: cause, element: objective.bindingElement), default: 0] += 1
                stalls = stalls || cause == .stalled
                if let wait = objective.wait { waits[LostObjectiveWait(objective: o, wait: wait), default: 0] += 1 }
            }
        }
    }

    private mutating func addAgencies(_ outcome: TrialOutcome) {
        let ledger = outcome.ledger
        // The cells read in place, `[(agency * categories + category) * years + year]` (Ledger's layout): a
        // call per cell across modules was a tenth of a trial.
        let cells = ledger.totals
        precondition(cells.count == agencyCount * categoryCount * yearCount, "ledger and accumulator disagree")
        for a in 0..<agencyCount {
            // One pass over the agency's ledger cells gives both its category totals and its year totals.
            var agencyTotal = 0.0
            var spent = 0.0
            for y in 0..<yearCount { yearScratch[y] = 0 }
            for c in CostCategory.allCases {
                let transfer = c.isTransfer
                var categoryTotal = 0.0
                let base = (a * categoryCount + c.rawValue) * yearCount
                for y in 0..<yearCount {
                    let value = cells[base + y]
                    categoryTotal += value
                    if !transfer { yearScratch[y] += value }
                }
                categorySums[a * categoryCount + c.rawValue] += categoryTotal
                agencyTotal += categoryTotal
                if !transfer { spent += categoryTotal }
            }
            agencySpent[a].add(spent)
            agencyNet[a].add(agencyTotal)
            inKindGivenSums[a] += ledger.inKindGiven[a]
            inKindEarnedSums[a] += ledger.inKindEarned[a]
            for y in 0..<yearCount {
                yearSums[a * yearCount + y] += yearScratch[y]
                yearCost[a * yearCount + y].add(yearScratch[y])
            }
            // The agency's own schedule: the day its last element was in place, if all of them work.
            var ready: Double? = nil
            let owned = elementsOf[a]
            for e in owned {
                let fate = outcome.elements[e]
                if fate.works, let day = fate.inPlaceDay {
                    ready = max(ready ?? 0, day)
                } else {
                    ready = nil
                    break
                }
            }
            if !owned.isEmpty { agencyJoint[a].add(day: ready, cost: spent) }
        }
    }

    /// Splits the trial's common costs under every rule, for the side-by-side cost-sharing tables.
    private mutating func addCommonCostRules(_ ledger: Ledger, _ outcome: TrialOutcome) {
        var common = 0.0
        for a in 0..<agencyCount { common += ledger.total(agency: a, category: .common) }
        guard common != 0 else { return }
        // The builders in a buffer reused across trials: a lazy map here cost an allocation per element.
        builderScratch.removeAll(keepingCapacity: true)
        for element in outcome.elements { builderScratch.append(element.agency) }
        for policy in CostSharing.Policy.allCases {
            let weights = plan.commonCostWeights(policy, ledger: ledger, builders: builderScratch)
            let sum = weights.reduce(0, +)
            guard sum > 0 else { continue }
            for a in 0..<agencyCount { commonUnder[policy.index][a] += common * weights[a] / sum }
        }
    }

    /// Adds `other`, the aggregate of the trials that follow these ones.
    mutating func merge(_ other: TrialAccumulator) {
        trials += other.trials
        events += other.events
        horizonReached += other.horizonReached
        maxEvents = max(maxEvents, other.maxEvents)
        blockers.merge(other.blockers, uniquingKeysWith: +)
        stalled += other.stalled
        waits.merge(other.waits, uniquingKeysWith: +)
        crewLossTrials += other.crewLossTrials
        cancelledTrials += other.cancelledTrials
        crewLossCancelledTrials += other.crewLossCancelledTrials
        for o in attributedLosses.indices {
            attributedLosses[o].merge(other.attributedLosses[o], uniquingKeysWith: +)
        }
        for m in missionCompletion.indices { missionCompletion[m].merge(other.missionCompletion[m]) }
        for o in objectiveDay.indices {
            objectiveDay[o].merge(other.objectiveDay[o])
            objectiveAchieved[o] += other.objectiveAchieved[o]
            objectiveOnTime[o] += other.objectiveOnTime[o]
            for c in lossCauses[o].indices { lossCauses[o][c] += other.lossCauses[o][c] }
        }
        completion.merge(other.completion)
        totalCost.merge(other.totalCost)
        costMoments.merge(other.costMoments)
        completionMoments.merge(other.completionMoments)
        for a in agencySpent.indices {
            agencySpent[a].merge(other.agencySpent[a])
            agencyNet[a].merge(other.agencyNet[a])
            inKindGivenSums[a] += other.inKindGivenSums[a]
            inKindEarnedSums[a] += other.inKindEarnedSums[a]
            agencyJoint[a].merge(other.agencyJoint[a])
        }
        for i in categorySums.indices { categorySums[i] += other.categorySums[i] }
        for i in yearSums.indices {
            yearSums[i] += other.yearSums[i]
            yearCost[i].merge(other.yearCost[i])
        }
        for r in commonUnder.indices {
            for a in commonUnder[r].indices { commonUnder[r][a] += other.commonUnder[r][a] }
        }
        for a in lineBoundTrials.indices {
            lineBoundTrials[a] += other.lineBoundTrials[a]
            lineMaxPeak[a] = max(lineMaxPeak[a], other.lineMaxPeak[a])
            linePeak[a].merge(other.linePeak[a])
        }
        meetsDate += other.meetsDate
        meetsBudget += other.meetsBudget
        meetsBoth += other.meetsBoth
        joint.merge(other.joint)
        milestone.merge(other.milestone)
        for e in critical.indices { critical[e] += other.critical[e] }
        let room = max(0, sampleSize - sampleTrials.count)
        let taken = min(room, other.sampleTrials.count)
        sampleTrials.append(contentsOf: other.sampleTrials.prefix(taken))
        sampleCompletion.append(contentsOf: other.sampleCompletion.prefix(taken))
        sampleCost.append(contentsOf: other.sampleCost.prefix(taken))
    }
}

/// A milestone's outcomes over trials: its day (never, when not met), the spending up to it where met, both
/// jointly, and the trials meeting the targets.
struct MilestoneTally: Sendable {
    var day = Histogram(.days)
    var cost = Histogram(.relative)
    var joint = JointHistogram()
    var met = 0
    var meetsDate = 0
    var meetsBudget = 0
    var meetsBoth = 0

    /// Adds one trial: `day` nil when the milestone was not met. Without a target date every met trial is on
    /// time; without a target budget every trial is within it (as for the all-objectives JCL).
    mutating func add(day: Double?, cost spent: Double?, targetDay: Double?, targetBudget: Double?) {
        self.day.add(day)
        joint.add(day: day, cost: spent ?? .infinity)
        guard let day, let spent else { return }
        met += 1
        cost.add(spent)
        let onTime = targetDay.map { day <= $0 } ?? true
        let inBudget = targetBudget.map { spent <= $0 } ?? true
        if onTime { meetsDate += 1 }
        if inBudget { meetsBudget += 1 }
        if onTime && inBudget { meetsBoth += 1 }
    }

    mutating func merge(_ other: MilestoneTally) {
        day.merge(other.day)
        cost.merge(other.cost)
        joint.merge(other.joint)
        met += other.met
        meetsDate += other.meetsDate
        meetsBudget += other.meetsBudget
        meetsBoth += other.meetsBoth
    }
}

/// Counts of (completion month, cost bucket of 1 %) pairs: the joint distribution behind the JCL frontier.
///
/// Months of 30.4375 days and cost buckets of 1 % keep the table small (a few thousand cells) however many
/// trials it holds; budgets read from it are rounded up to the bucket's upper edge, so the frontier errs
/// on the safe side by at most 1 %.
struct JointHistogram: Sendable {
    static let monthDays = 30.4375
    static let logStep = Foundation.log(1.01)
    /// Counts per (month, cost bucket), in chunks of 16 consecutive cost buckets of one month stored inline
    /// (as `Histogram` does), so a full table takes about 6 bytes a cell instead of a 28-byte dictionary entry.
    private(set) var chunks: [Chunk: SIMD16<UInt32>] = [:]
    private(set) var count = 0

    /// A month and a run of 16 cost buckets starting at `costChunk * 16`.
    struct Chunk: Hashable, Sendable {
        var month: Int32
        var costChunk: Int32
    }

    /// The 1 % cost bucket of `x`: finite costs reach about ±71,400 (the log of the largest double over
    /// log 1.01); a non-finite one is clamped to the outermost bucket rather than trapping.
    static func costBucket(_ x: Double) -> Int32 {
        if abs(x) < 1 { return 0 }
        let k = Int32(Int(clamping: Foundation.log(abs(x)) / logStep, to: 0...100_000, rounding: .down)) + 1
        return x < 0 ? -k : k
    }

    /// The month (of 30.4375 days) holding `day`, clamped to what an `Int32` holds.
    static func month(ofDay day: Double) -> Int32 {
        Int32(Int(clamping: day / monthDays, to: Int(Int32.min)...Int(Int32.max), rounding: .down))
    }

    /// The upper edge of a cost bucket, in MUSD.
    static func upperEdge(_ k: Int32) -> Double {
        if k == 0 { return 1 }
        if k < 0 { return -Foundation.exp(Double(-k - 1) * logStep) }
        return Foundation.exp(Double(k) * logStep)
    }

    mutating func add(day: Double?, cost: Double) {
        count += 1
        guard let day, day.isFinite else { return }
        let bucket = Self.costBucket(cost)
        let chunk = Chunk(month: Self.month(ofDay: day), costChunk: bucket >> 4)
        chunks[chunk, default: .zero][Int(bucket & 15)] &+= 1
    }

    /// Empties the table, keeping its storage.
    mutating func reset() {
        chunks.removeAll(keepingCapacity: true)
        count = 0
    }

    mutating func merge(_ other: JointHistogram) {
        count += other.count
        for (chunk, counts) in other.chunks { chunks[chunk, default: .zero] &+= counts }
    }

    /// For each month holding a completion, in order, the smallest budget (MUSD) that, with completion by
    /// the end of that month, is met jointly in at least `level` of all trials; `nil` when no budget reaches
    /// it by then.
    ///
    /// One sweep over the months: each month's cells are added to running counts per cost bucket (dense over
    /// the buckets in use), and the budget is the first bucket at which the running total reaches the level.
    /// - Complexity: O(cells + months × cost buckets), where answering month by month from scratch was
    ///   O(months × cells).
    func budgetsByMonth(level: Double) -> [(month: Int32, budget: Double?)] {
        guard let lowest = chunks.keys.map(\.costChunk).min(), let highest = chunks.keys.map(\.costChunk).max()
        else { return [] }
        let base = Int(lowest) << 4
        var counts = [Int](repeating: 0, count: (Int(highest) - Int(lowest) + 1) << 4)
        let byMonth = Dictionary(grouping: chunks, by: \.key.month)
        let needed = Int((level * Double(count)).rounded(.up))
        var result: [(month: Int32, budget: Double?)] = []
        for month in byMonth.keys.sorted() {
            for (chunk, cells) in byMonth[month]! {
                let first = (Int(chunk.costChunk) << 4) - base
                for offset in 0..<16 { counts[first + offset] += Int(cells[offset]) }
            }
            var seen = 0
            var budget: Double?
            for (index, n) in counts.enumerated() where n > 0 {
                seen += n
                if seen >= needed {
                    budget = Self.upperEdge(Int32(index + base))
                    break
                }
            }
            result.append((month, budget))
        }
        return result
    }
}

/// Why an objective was lost and the element the loss is attributed to (the first needed element lost, or
/// the one that never got in place; `nil` when the objective needs none).
public struct AttributedLoss: Sendable, Hashable {
    public var cause: LossCause
    /// The element (plan index).
    public var element: Int?

    public init(cause: LossCause, element: Int?) {
        self.cause = cause
        self.element = element
    }
}

/// A lost objective and what its element waited for, counted over trials.
public struct LostObjectiveWait: Sendable, Hashable {
    /// The objective (plan index).
    public var objective: Int
    public var wait: ObjectiveWait
}
