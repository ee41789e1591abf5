public import ConsortiumEngine
public import ConsortiumSimulation

/// What to run: how many trials, from which seed, on how many threads, against which targets.
public struct MonteCarloOptions: Sendable {
    public var trials: Int
    public var seed: UInt64
    /// Worker threads. Results do not depend on it.
    public var threads: Int
    /// The target completion date of the campaign, in days from the plan's start.
    public var targetDay: Double?
    /// The target budget of the campaign (all agencies), MUSD.
    public var targetBudgetMUSD: Double?
    /// How many trials (the first ones) keep their inputs and outputs for rank correlations and for
    /// choosing a representative trial. Everything else is aggregated as it streams.
    public var sampleSize: Int
    /// The confidence level of the joint-confidence frontier (0.7: NASA NPR 7120.5's JCL policy level).
    public var frontierLevel: Double
    /// When set and requested, the run stops before its next block and throws `SimulationError.interrupted`.
    public var stop: StopFlag?

    public init(
        trials: Int, seed: UInt64, threads: Int = 1, targetDay: Double? = nil, targetBudgetMUSD: Double? = nil,
        sampleSize: Int = 20_000, frontierLevel: Double = 0.7, stop: StopFlag? = nil
    ) {
        self.trials = trials
        self.seed = seed
        self.threads = threads
        self.targetDay = targetDay
        self.targetBudgetMUSD = targetBudgetMUSD
        self.sampleSize = sampleSize
        self.frontierLevel = frontierLevel
        self.stop = stop
    }
}

/// Runs many trials of a plan in parallel and aggregates them as they stream.
///
/// Trials are cut into fixed blocks (`blockSize(elements:)`, which depends on the plan, never on the thread
/// count); each block is accumulated by one worker in trial order, and blocks are merged in block order on
/// the calling thread. Each trial owns its random streams (keyed by seed, trial and entity), so the result is
/// the same, to the bit, on 1 or 64 threads. Memory holds the blocks in flight (at most four per thread)
/// plus the sample, not one record per trial.
public enum MonteCarlo {
    /// Trials per block for plans of up to 100 elements: large enough to amortize a block's setup (its
    /// accumulator), small enough to balance the load.
    public static let blockSize = 250

    /// Trials per block for a plan of `elements` elements: 250 up to 100 elements, then fewer (at least 8),
    /// so that the few trials a large campaign is run for still make enough blocks to share among threads.
    public static func blockSize(elements: Int) -> Int {
        max(8, min(blockSize, 25_000 / max(1, elements)))
    }

    /// Runs `settings.trials` trials of `plan`; `progress` is called on the calling thread with the number
    /// of trials done so far, after each block is merged.
    ///
    /// - Throws: the `SimulationError` of the lowest-numbered trial that failed (an event-limit breach or a
    ///   failing handler), so that the error too does not depend on the thread count; `.interrupted` when
    ///   `settings.stop` was requested before the last block.
    public static func run(
        _ plan: SimulationPlan, _ settings: MonteCarloOptions, progress: ((Int) -> Void)? = nil
    ) throws(SimulationError) -> MonteCarloResult {
        var total = TrialAccumulator(plan: plan, settings: settings)
        total.reserveSample(for: 0..<settings.trials)
        try forEachBlock(settings, blockSize: blockSize(elements: plan.elements.count), progress: progress) {
            (trials: Range<Int>, recycled: TrialAccumulator?) -> Result<TrialAccumulator, SimulationError> in
            var runner = TrialRunner(plan: plan, seed: settings.seed)
            var accumulator = recycled ?? TrialAccumulator(plan: plan, settings: settings)
            accumulator.reserveSample(for: trials)
            for trial in trials {
                do throws(SimulationError) {
                    let outcome = try runner.run(trial: UInt64(trial))
                    accumulator.add(outcome)
                } catch {
                    return .failure(error)
                }
            }
            return .success(accumulator)
        } merge: { (block: inout TrialAccumulator) -> Bool in
            total.merge(block)
            block.reset()
            return true
        }
        return MonteCarloResult(plan: plan, settings: settings, totals: total)
    }

    /// Runs `work` on the blocks of `settings.trials` on `settings.threads` threads and `merge` on their
    /// results in block order (`OrderedBlocks`), checking `settings.stop` before each block and reporting
    /// `progress` after each merge.
    static func forEachBlock<Block: Sendable>(
        _ settings: MonteCarloOptions, blockSize: Int, progress: ((Int) -> Void)?,
        work: @escaping @Sendable (Range<Int>, Block?) -> Result<Block, SimulationError>,
        merge: (inout Block) -> Bool
    ) throws(SimulationError) {
        precondition(settings.trials > 0, "a Monte Carlo run needs at least one trial")
        let stop = settings.stop
        try OrderedBlocks.run(count: settings.trials, blockSize: blockSize, threads: settings.threads) {
            (trials: Range<Int>, spare: Block?) -> Result<Block, SimulationError> in
            if stop?.isRequested == true { return .failure(.interrupted(trialsDone: trials.lowerBound)) }
            return work(trials, spare)
        } merge: { (trials: Range<Int>, block: inout Block) -> Bool in
            let reuse = merge(&block)
            progress?(trials.upperBound)
            return reuse
        }
    }
}
