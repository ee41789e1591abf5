import ConsortiumEngine
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

    /// Blocks of uneven cost (later blocks are quicker) still merge in order on 1, 2 and 5 threads, and the
    /// ranges cover every trial once.
    @Test(arguments: [1, 2, 5])
    func blocksMergeInOrder(threads: Int) throws {
        var merged: [Range<Int>] = []
        let settings = MonteCarloOptions(trials: 103, seed: 1, threads: threads)
        try MonteCarlo.forEachBlock(settings, blockSize: 4, progress: nil) {
            (trials: Range<Int>) -> Result<Range<Int>, SimulationError> in
            var spin = 0
            for _ in 0..<((30 - trials.lowerBound / 4) * 2_000) { spin &+= 1 }
            return .success(spin >= 0 ? trials : 0..<0)
        } merge: {
            merged.append($0)
        }
        #expect(merged.count == 26)
        #expect(merged.first == 0..<4 && merged.last == 100..<103)
        #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }

    /// The error of the lowest failing block is the one reported, though later blocks fail first in time;
    /// nothing after it is merged.
    @Test(arguments: [1, 2, 4])
    func theLowestFailingBlockIsReported(threads: Int) {
        var merged = 0
        let settings = MonteCarloOptions(trials: 200, seed: 1, threads: threads)
        #expect(throws: SimulationError.self) {
            try MonteCarlo.forEachBlock(settings, blockSize: 10, progress: nil) {
                (trials: Range<Int>) -> Result<Int, SimulationError> in
                if trials.lowerBound >= 60 { return .failure(.interrupted(trialsDone: trials.lowerBound)) }
                var spin = 0
                for _ in 0..<50_000 { spin &+= 1 }
                return .success(spin >= 0 ? trials.count : 0)
            } merge: {
                merged += $0
            }
        }
        do {
            try MonteCarlo.forEachBlock(settings, blockSize: 10, progress: nil) {
                (trials: Range<Int>) -> Result<Int, SimulationError> in
                trials.lowerBound >= 60 ? .failure(.interrupted(trialsDone: trials.lowerBound)) : .success(0)
            } merge: { _ in
            }
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
