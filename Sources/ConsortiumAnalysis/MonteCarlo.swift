public import ConsortiumEngine
public import ConsortiumSimulation
import Dispatch
import Foundation

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

    /// Cuts `settings.trials` into blocks of `blockSize`, runs `work` on each block on `settings.threads`
    /// workers, and hands the results to `merge` on the calling thread in block order.
    ///
    /// When `merge` returns `true`, it has emptied the block (as `work` would build it afresh), and the block
    /// is handed back to `work` for a later block, so its storage is reused instead of allocated again.
    ///
    /// Workers take the next block as soon as they finish one (through an atomic counter), and the calling
    /// thread merges each block as soon as it and every block before it are done, so no worker waits for
    /// a round to finish or for a merge. A worker runs at most `4 × threads` blocks ahead of the merge,
    /// which bounds the results held at once. On the first failure in block order, the workers stop taking
    /// blocks, and the call returns only after every worker has finished.
    static func forEachBlock<Block: Sendable>(
        _ settings: MonteCarloOptions, blockSize: Int, progress: ((Int) -> Void)?,
        work: @escaping @Sendable (Range<Int>, Block?) -> Result<Block, SimulationError>,
        merge: (inout Block) -> Bool
    ) throws(SimulationError) {
        precondition(settings.trials > 0, "a Monte Carlo run needs at least one trial")
        precondition(blockSize > 0, "blocks need at least one trial")
        let trials = settings.trials
        let blockCount = (trials + blockSize - 1) / blockSize
        let threads = max(1, min(settings.threads, blockCount))
        let stop = settings.stop
        if threads == 1 {
            var recycled: Block?
            for b in 0..<blockCount {
                let start = b * blockSize
                if stop?.isRequested == true { throw .interrupted(trialsDone: start) }
                switch work(start..<min(trials, start + blockSize), recycled.take()) {
                case .success(var block):
                    if merge(&block) { recycled = block }
                case .failure(let error): throw error
                }
                progress?(min(trials, start + blockSize))
            }
            return
        }
        let slots = BlockSlots<Block>(count: blockCount, window: threads * 4)
        let group = DispatchGroup()
        // Threads of their own, not the shared Dispatch pool: the calling thread blocks while it waits for
        // blocks, which must not starve the pool that runs the workers (Swift concurrency shares it).
        for _ in 0..<threads {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                while let b = slots.claim() {
                    let start = b * blockSize
                    if stop?.isRequested == true {
                        slots.store(b, .failure(.interrupted(trialsDone: start)))
                    } else {
                        slots.store(b, work(start..<min(trials, start + blockSize), slots.recycled()))
                    }
                }
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        for b in 0..<blockCount {
            switch slots.take(b) {
            case .success(var block):
                if merge(&block) { slots.recycle(block) }
                progress?(min(trials, (b + 1) * blockSize))
            case .failure(let error):
                slots.abandon()
                group.wait()
                throw error
            }
        }
        group.wait()
    }
}

/// Per-block results: workers claim block numbers in order, at most `window` ahead of the merge, and store
/// each result once; the merging thread takes them in block order, waiting for each to be stored.
private final class BlockSlots<Block>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Result<Block, SimulationError>?]
    private let window: Int
    private var nextClaim = 0
    private var taken = 0
    private var abandoned = false
    private var spares: [Block] = []

    init(count: Int, window: Int) {
        results = Array(repeating: nil, count: count)
        self.window = window
    }

    /// The next block to run, waiting while `window` blocks are claimed but not yet taken; `nil` when every
    /// block is claimed or the run was abandoned.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !abandoned, nextClaim < results.count, nextClaim >= taken + window { condition.wait() }
        guard !abandoned, nextClaim < results.count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Stores block `b`'s result and wakes the merging thread.
    func store(_ b: Int, _ result: Result<Block, SimulationError>) {
        condition.lock()
        results[b] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for block `b`'s result and removes it, freeing a place in the window.
    func take(_ b: Int) -> Result<Block, SimulationError> {
        condition.lock()
        defer { condition.unlock() }
        while results[b] == nil { condition.wait() }
        let result = results[b]!
        results[b] = nil
        taken = b + 1
        condition.broadcast()
        return result
    }

    /// A block emptied by the merge, for a worker to reuse, if any.
    func recycled() -> Block? {
        condition.lock()
        defer { condition.unlock() }
        return spares.popLast()
    }

    /// Keeps an emptied block for reuse.
    func recycle(_ block: Block) {
        condition.lock()
        spares.append(block)
        condition.unlock()
    }

    /// Stops handing out blocks and wakes the workers waiting for a place.
    func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}
