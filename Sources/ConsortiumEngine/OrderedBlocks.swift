import Dispatch
import Foundation

/// Runs the blocks of a range of independent items (the trials of a Monte Carlo) on several threads and hands
/// their results to the caller in block order, so what the caller builds does not depend on the thread count.
///
/// Workers take the next block as soon as they finish one, and the calling thread merges each block as soon as
/// it and every block before it are done: no rounds, no barrier. A worker runs at most `4 × threads` blocks
/// ahead of the merge, which bounds the results held at once. When the merge hands a block back (returns
/// `true`, having emptied it), a worker reuses it for a later block instead of building one afresh. On the
/// first failure in block order, workers stop taking blocks and the call returns once every worker has
/// finished. Workers are threads of their own, not the shared Dispatch pool: the calling thread blocks while it
/// waits, which must not starve the pool the workers would run on (Swift concurrency shares it).
public enum OrderedBlocks {
    /// Runs `work` on the blocks of `0..<count` and `merge` on their results, in block order.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - blockSize: Items per block (the last block may be shorter).
    ///   - threads: Worker threads; with one, everything runs on the calling thread.
    ///   - work: Runs one block, given its items and, if any, an emptied block to reuse.
    ///   - merge: Takes one block's result (with its items) on the calling thread; returns `true` when it has
    ///     emptied the block for reuse.
    /// - Throws: The failure of the lowest-numbered block that failed.
    public static func run<Block: Sendable, Failure: Error>(
        count: Int, blockSize: Int, threads: Int,
        work: @escaping @Sendable (Range<Int>, Block?) -> Result<Block, Failure>,
        merge: (Range<Int>, inout Block) -> Bool
    ) throws(Failure) {
        precondition(count >= 0 && blockSize > 0, "bad block layout: \(count) items in blocks of \(blockSize)")
        let blockCount = (count + blockSize - 1) / blockSize
        @Sendable func items(_ b: Int) -> Range<Int> { (b * blockSize)..<min(count, (b + 1) * blockSize) }
        let workers = max(1, min(threads, blockCount))
        if workers == 1 {
            var spare: Block?
            for b in 0..<blockCount {
                var block = try work(items(b), spare.take()).get()
                if merge(items(b), &block) { spare = block }
            }
            return
        }
        let slots = BlockSlots<Block, Failure>(count: blockCount, window: workers * 4)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                while let b = slots.claim() { slots.store(b, work(items(b), slots.spare())) }
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        defer { group.wait() }
        for b in 0..<blockCount {
            switch slots.take(b) {
            case .success(var block):
                if merge(items(b), &block) { slots.keepSpare(block) }
            case .failure(let error):
                slots.abandon()
                throw error
            }
        }
    }
}

/// Per-block results: workers claim block numbers in order, at most `window` ahead of the merge, and store
/// each result once; the merging thread takes them in block order, waiting for each to be stored.
private final class BlockSlots<Block, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Result<Block, Failure>?]
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
    func store(_ b: Int, _ result: Result<Block, Failure>) {
        condition.lock()
        results[b] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for block `b`'s result and removes it, freeing a place in the window.
    func take(_ b: Int) -> Result<Block, Failure> {
        condition.lock()
        defer { condition.unlock() }
        while results[b] == nil { condition.wait() }
        let result = results[b]!
        results[b] = nil
        taken = b + 1
        condition.broadcast()
        return result
    }

    /// An emptied block for a worker to reuse, if any.
    func spare() -> Block? {
        condition.lock()
        defer { condition.unlock() }
        return spares.popLast()
    }

    /// Keeps an emptied block for reuse.
    func keepSpare(_ block: Block) {
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
