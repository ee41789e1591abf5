public import ConsortiumEngine
public import ConsortiumSimulation
import Dispatch

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
/// Trials are cut into fixed blocks of `blockSize`; each block is accumulated by one worker in trial order,
/// and blocks are merged in block order. Neither depends on the thread count, and each trial owns its
/// random streams (keyed by seed, trial and entity), so the result is the same, to the bit, on 1 or 64
/// threads. Memory holds one accumulator per block in flight plus the sample, not one record per trial.
public enum MonteCarlo {
    /// Trials per block: large enough to amortize a worker's setup, small enough to balance the load.
    public static let blockSize = 250

    /// Runs `settings.trials` trials of `plan`; `progress` is called on the calling thread with the number
    /// of trials done so far, after each round of blocks.
    ///
    /// - Throws: the `SimulationError` of the lowest-numbered trial that failed (an event-limit breach or a
    ///   failing handler), so that the error too does not depend on the thread count; `.interrupted` when
    ///   `settings.stop` was requested before the last block.
    public static func run(
        _ plan: SimulationPlan, _ settings: MonteCarloOptions, progress: ((Int) -> Void)? = nil
    ) throws(SimulationError) -> MonteCarloResult {
        var total = TrialAccumulator(plan: plan, settings: settings)
        total.reserveSample(for: 0..<settings.trials)
        try forEachBlock(settings, progress: progress) {
            (trials: Range<Int>) -> Result<TrialAccumulator, SimulationError> in
            var runner = TrialRunner(plan: plan, seed: settings.seed)
            var accumulator = TrialAccumulator(plan: plan, settings: settings)
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
        } merge: {
            total.merge($0)
        }
        return MonteCarloResult(plan: plan, settings: settings, totals: total)
    }

    /// Cuts `settings.trials` into blocks, runs `work` on each block on `settings.threads` workers, and
    /// hands the results to `merge` on the calling thread in block order.
    ///
    /// Blocks run in rounds of four per thread, so at most that many block results are held at once.
    static func forEachBlock<Block: Sendable>(
        _ settings: MonteCarloOptions, progress: ((Int) -> Void)?,
        work: @escaping @Sendable (Range<Int>) -> Result<Block, SimulationError>,
        merge: (Block) -> Void
    ) throws(SimulationError) {
        precondition(settings.trials > 0, "a Monte Carlo run needs at least one trial")
        let threads = max(1, settings.threads)
        let trials = settings.trials
        let blockCount = (trials + blockSize - 1) / blockSize
        let blocksPerRound = threads * 4
        let stop = settings.stop
        var nextBlock = 0
        while nextBlock < blockCount {
            if stop?.isRequested == true { throw .interrupted(trialsDone: min(trials, nextBlock * blockSize)) }
            let first = nextBlock
            let count = min(blocksPerRound, blockCount - first)
            let slots = BlockSlots<Block>(count: count)
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { worker in
                var b = worker
                while b < count {
                    let start = (first + b) * blockSize
                    if stop?.isRequested == true {
                        slots.store(b, .failure(.interrupted(trialsDone: first * blockSize)))
                    } else {
                        slots.store(b, work(start..<min(trials, start + blockSize)))
                    }
                    b += threads
                }
            }
            for b in 0..<count {
                switch slots.take(b) {
                case .success(let block): merge(block)
                case .failure(let error): throw error
                }
            }
            nextBlock += count
            progress?(min(trials, nextBlock * blockSize))
        }
    }
}

/// Per-block results written by workers, each slot by exactly one worker, read after all have finished.
private final class BlockSlots<Block>: @unchecked Sendable {
    private let results: UnsafeMutablePointer<Result<Block, SimulationError>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        results = .allocate(capacity: count)
        results.initialize(repeating: nil, count: count)
    }

    deinit {
        results.deinitialize(count: count)
        results.deallocate()
    }

    /// Stores block `b`'s result. Workers write disjoint slots; `concurrentPerform` returns only after all
    /// have finished, which orders these writes before `take`.
    func store(_ b: Int, _ result: Result<Block, SimulationError>) {
        precondition(b < count)
        results[b] = result
    }

    func take(_ b: Int) -> Result<Block, SimulationError> {
        guard let result = results[b] else { preconditionFailure("block \(b) was not run") }
        results[b] = nil
        return result
    }
}
