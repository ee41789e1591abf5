import ConsortiumRandom
import Testing

@testable import ConsortiumEngine

@Suite struct ResourceTests {
    @Test func grantsUpToCapacityThenQueues() {
        var resource = Resource(capacity: 2)
        #expect(resource.available == 2 && resource.inUse == 0)
        #expect(resource.request(1) == true)
        #expect(resource.request(2) == true)
        #expect(resource.request(3) == false)
        #expect(resource.request(4) == false)
        #expect(resource.inUse == 2 && resource.available == 0 && resource.waiting.elements == [3, 4])
    }

    @Test func releaseHandsTheSlotToTheLongestWaiter() {
        var resource = Resource(capacity: 2)
        for id: Int32 in 1...5 { _ = resource.request(id) }
        #expect(resource.release() == 3)
        #expect(resource.inUse == 2, "a handed-over slot stays in use")
        #expect(resource.release() == 4)
        #expect(resource.release() == 5)
        #expect(resource.release() == nil && resource.inUse == 1)
        #expect(resource.release() == nil && resource.inUse == 0 && resource.waiting.isEmpty)
    }

    /// Strict FIFO: a free slot is not given to a newcomer while someone waits.
    @Test func newcomersNeverOvertakeWaiters() {
        var resource = Resource(capacity: 1)
        #expect(resource.request(1) == true)
        #expect(resource.request(2) == false)
        resource.vacate()
        #expect(resource.inUse == 0 && resource.available == 1)
        #expect(resource.request(3) == false, "2 is waiting, so 3 queues even though a slot is free")
        #expect(resource.grantHead() == 2)
        #expect(resource.grantHead() == nil, "no slot is free")
        #expect(resource.release() == 3)
        #expect(resource.release() == nil && resource.inUse == 0)
        #expect(resource.grantHead() == nil, "nobody waits")
    }

    @Test func enqueueDefersTheGrant() {
        var resource = Resource(capacity: 3)
        resource.enqueue(8)
        resource.enqueue(9)
        #expect(resource.inUse == 0 && resource.waiting.elements == [8, 9])
        #expect(resource.grantHead() == 8)
        #expect(resource.grantHead() == 9)
        #expect(resource.inUse == 2 && resource.grantHead() == nil)
    }

    @Test func resetFreesEverything() {
        var resource = Resource(capacity: 1)
        _ = resource.request(1)
        _ = resource.request(2)
        resource.reset()
        #expect(resource.inUse == 0 && resource.waiting.isEmpty)
        #expect(resource.request(3) == true)
    }

    /// Random requests and releases against a reference (a counter and an array), over 30 seeds.
    @Test(arguments: 0..<30)
    func matchesAReferencePool(seed: UInt64) {
        var random = RandomStream(key: StreamKey(seed: seed, trial: 0, entity: 0, purpose: 78))
        let capacity = 1 + Int(random.next(upperBound: 4 as UInt64))
        var resource = Resource(capacity: capacity)
        var held = 0
        var queue: [Int32] = []
        var nextID: Int32 = 0
        for _ in 0..<2_000 {
            if random.next(upperBound: 2 as UInt64) == 0 {
                let granted = resource.request(nextID)
                #expect(granted == (held < capacity), "seed \(seed)")
                if granted { held += 1 } else { queue.append(nextID) }
                nextID += 1
            } else if held > 0 {
                let next = resource.release()
                #expect(next == queue.first, "seed \(seed)")
                if queue.isEmpty { held -= 1 } else { queue.removeFirst() }
            }
            #expect(resource.inUse == held && resource.waiting.elements == queue, "seed \(seed)")
        }
    }
}

@Suite struct WaitQueueTests {
    @Test func isFirstInFirstOutAcrossGrowthAndWrapAround() {
        var queue = WaitQueue(capacity: 3)
        #expect(queue.storage.count == 4, "capacity rounds up to a power of two")
        var reference: [Int32] = []
        var next: Int32 = 0
        // Push and pop in uneven bursts so the ring wraps before, during and after each growth.
        for round in 0..<40 {
            for _ in 0..<(round % 7 + 1) {
                queue.append(next)
                reference.append(next)
                next += 1
            }
            for _ in 0..<(round % 5) {
                #expect(queue.popFirst() == (reference.isEmpty ? nil : reference.removeFirst()))
            }
            #expect(queue.count == reference.count && queue.elements == reference && queue.first == reference.first)
        }
        while let id = queue.popFirst() { #expect(id == reference.removeFirst()) }
        #expect(reference.isEmpty && queue.isEmpty && queue.first == nil)
    }

    @Test func removeAllKeepsStorage() {
        var queue = WaitQueue()
        #expect(queue.storage.isEmpty && queue.popFirst() == nil)
        for id: Int32 in 0..<20 { queue.append(id) }
        let storage = queue.storage.count
        queue.removeAll()
        #expect(queue.isEmpty && queue.elements.isEmpty && queue.storage.count == storage)
        queue.append(5)
        #expect(queue.elements == [5])
    }
}
