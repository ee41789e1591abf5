import ConsortiumRandom
import Testing

@testable import ConsortiumEngine

/// Misuse traps with a message instead of corrupting a run. Each check runs in a child process (an exit test).
@Suite struct PreconditionTests {
    @Test func schedulingInThePastTraps() async {
        await #expect(processExitsWith: .failure) {
            var scheduler = Scheduler<Int>(start: 5)
            scheduler.schedule(1, at: 4.999)
        }
        await #expect(processExitsWith: .failure) {
            var scheduler = Scheduler<Int>()
            scheduler.schedule(1, at: .nan)
        }
    }

    @Test func aNegativeDelayTraps() async {
        await #expect(processExitsWith: .failure) {
            var scheduler = Scheduler<Int>()
            scheduler.schedule(1, after: -1e-9)
        }
    }

    /// A time of NaN would sort before every other and never come due: it is refused wherever it could arise.
    @Test func aNaNTimeTraps() async {
        await #expect(processExitsWith: .failure) {
            var scheduler = Scheduler<Int>(start: -.infinity)
            scheduler.schedule(1, after: .infinity)  // -inf + inf
        }
        await #expect(processExitsWith: .failure) {
            var scheduler = Scheduler<Int>()
            scheduler.schedule(1, after: .nan)
        }
        await #expect(processExitsWith: .failure) {
            _ = Scheduler<Int>(start: .nan)
        }
        await #expect(processExitsWith: .failure) {
            var scheduler = Scheduler<Int>()
            scheduler.reset(start: .nan)
        }
    }

    @Test func resourceMisuseTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Resource(capacity: 0)
        }
        await #expect(processExitsWith: .failure) {
            var resource = Resource(capacity: 1)
            _ = resource.release()
        }
        await #expect(processExitsWith: .failure) {
            var resource = Resource(capacity: 2)
            resource.vacate()
        }
    }

    @Test func entityQueueMisuseTraps() async {
        await #expect(processExitsWith: .failure) {
            var queues = EntityQueues(entities: 4, queues: 2)
            queues.append(1, to: 0)
            queues.append(1, to: 1)
        }
        await #expect(processExitsWith: .failure) {
            var queues = EntityQueues(entities: 4, queues: 2)
            queues.append(1, to: 2)
        }
        await #expect(processExitsWith: .failure) {
            var queues = EntityQueues(entities: 4, queues: 2)
            queues.append(4, to: 0)
        }
    }

    @Test func invalidDistributionParametersTrap() async {
        await #expect(processExitsWith: .failure) { _ = Beta(alpha: 0, beta: 1) }
        await #expect(processExitsWith: .failure) { _ = Triangular(low: 1, mode: 3, high: 2) }
        await #expect(processExitsWith: .failure) { _ = LogNormal(median: 10, p90: 10) }
        await #expect(processExitsWith: .failure) { _ = DiscreteChoice(weights: [0, 0]) }
        await #expect(processExitsWith: .failure) { _ = SplitMix64(seed: 1, trial: 1 << 20, entity: 0) }
    }
}

/// The structural checks behind `CONSORTIUM_INVARIANTS`, which this test target defines in debug builds.
@Suite struct InvariantTests {
    #if CONSORTIUM_INVARIANTS
        @Test func aHealthyQueuePassesItsChecks() {
            var scheduler = Scheduler<Int>()
            for id in 0..<50 { scheduler.schedule(id, at: Double(id % 9)) }
            for _ in 0..<20 { _ = scheduler.popNext() }
            for id in 50..<60 { scheduler.schedule(id, after: 0) }
            scheduler.checkInvariants()
        }

        @Test func brokenHeapOrderIsCaught() async {
            await #expect(processExitsWith: .failure) {
                var scheduler = Scheduler<Int>()
                for id in 0..<10 { scheduler.schedule(id, at: Double(10 - id)) }
                let times = scheduler.storage.times
                let last = scheduler.storage.heapCount - 1
                (times[0], times[last]) = (times[last], times[0])
                scheduler.checkInvariants()
            }
        }

        @Test func aHeapEntryAtTheClockIsCaught() async {
            await #expect(processExitsWith: .failure) {
                var scheduler = Scheduler<Int>()
                scheduler.schedule(1, at: 2)
                scheduler._now = 2
                scheduler.checkInvariants()
            }
        }
    #endif
}
