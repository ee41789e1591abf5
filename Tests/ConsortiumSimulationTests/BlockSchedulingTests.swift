import ConsortiumEngine
import Synchronization
import Testing

@testable import ConsortiumAnalysis

/// How trials are cut into blocks and how blocks reach the merge: in block order, whatever the thread count.
@Suite struct BlockSchedulingTests {
    @Test func blocksShrinkForLargePlansButNeverDependOnThreads() {
        #expect(MonteCarlo.blockSize(elements: 25) == 250)
        #expect(MonteCarlo.blockSize(elements: 100) == 250)
        #expect(MonteCarlo.blockSize(elements: 1_000) == 25)
        #expect(MonteCarlo.blockSize(elements: 10_000) == 8)
        #expect(MonteCarlo.blockSize(elements: 0) == 250)
    }

    /// Blocks of uneven cost (later blocks are quicker) still merge in order on 1, 2 and 5 threads, the
    /// ranges cover every trial once, and emptied blocks come back to the workers for reuse.
    @Test(arguments: [1, 2, 5])
    func blocksMergeInOrderAndAreReused(threads: Int) throws {
        var merged: [Int] = []
        let reused = Atomic<Int>(0)
        let settings = MonteCarloOptions(trials: 103, seed: 1, threads: threads)
        try MonteCarlo.forEachBlock(settings, blockSize: 4, progress: nil) {
            (trials: Range<Int>, recycled: [Int]?) -> Result<[Int], SimulationError> in
            if let recycled {
                reused.add(1, ordering: .relaxed)
                guard recycled.isEmpty else { return .failure(.interrupted(trialsDone: -1)) }
            }
            var block = recycled ?? []
            var spin = 0
            for _ in 0..<((30 - trials.lowerBound / 4) * 2_000) { spin &+= 1 }
            block.append(contentsOf: spin >= 0 ? Array(trials) : [])
            return .success(block)
        } merge: { (block: inout [Int]) -> Bool in
            merged.append(contentsOf: block)
            block.removeAll(keepingCapacity: true)
            return true
        }
        #expect(merged == Array(0..<103))
        #expect(reused.load(ordering: .relaxed) > 0, "26 blocks with at most 4 per thread in flight reuse storage")
    }

    /// The error of the lowest failing block is the one reported, though later blocks fail first in time;
    /// nothing after it is merged.
    @Test(arguments: [1, 2, 4])
    func theLowestFailingBlockIsReported(threads: Int) {
        var merged = 0
        let settings = MonteCarloOptions(trials: 200, seed: 1, threads: threads)
        do {
            try MonteCarlo.forEachBlock(settings, blockSize: 10, progress: nil) {
                (trials: Range<Int>, _: Int?) -> Result<Int, SimulationError> in
                if trials.lowerBound >= 60 { return .failure(.interrupted(trialsDone: trials.lowerBound)) }
                var spin = 0
                for _ in 0..<(50_000 - trials.lowerBound * 500) { spin &+= 1 }
                return .success(spin >= 0 ? trials.count : 0)
            } merge: { (block: inout Int) -> Bool in
                merged += block
                return false
            }
            Issue.record("no error was thrown")
        } catch {
            guard case .interrupted(let done) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(done == 60)
        }
        #expect(merged == 60)
    }
}
