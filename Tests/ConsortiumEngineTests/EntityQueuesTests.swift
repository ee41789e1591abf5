import ConsortiumRandom
import Testing

@testable import ConsortiumEngine

@Suite struct EntityQueuesTests {
    @Test func eachQueueIsFirstInFirstOutAndIndependent() {
        var queues = EntityQueues(entities: 10, queues: 3)
        for (entity, queue) in [(4, 0), (1, 2), (7, 0), (0, 1), (9, 2), (2, 0)] {
            queues.append(Int32(entity), to: queue)
        }
        #expect(
            queues.entities(in: 0) == [4, 7, 2] && queues.entities(in: 1) == [0] && queues.entities(in: 2) == [1, 9])
        #expect(queues.popFirst(of: 0) == 4)
        #expect(queues.popFirst(of: 2) == 1)
        #expect(queues.popFirst(of: 0) == 7)
        #expect(queues.popFirst(of: 0) == 2)
        #expect(queues.popFirst(of: 0) == nil)
        #expect(queues.isEmpty(0) && !queues.isEmpty(1) && !queues.isEmpty(2))
        queues.append(4, to: 2)
        #expect(queues.entities(in: 2) == [9, 4], "a popped entity can wait again, at the back")
    }

    @Test func swapExchangesWholeQueuesAndRemoveAllEmptiesEvery() {
        var queues = EntityQueues(entities: 6, queues: 2)
        for entity: Int32 in [5, 3, 1] { queues.append(entity, to: 0) }
        queues.append(2, to: 1)
        queues.swapQueues(0, 1)
        #expect(queues.entities(in: 0) == [2] && queues.entities(in: 1) == [5, 3, 1])
        queues.append(0, to: 1)
        #expect(queues.popFirst(of: 1) == 5 && queues.entities(in: 1) == [3, 1, 0])
        queues.removeAll()
        #expect(queues.isEmpty(0) && queues.isEmpty(1))
        for entity: Int32 in 0..<6 { queues.append(entity, to: Int(entity) % 2) }
        #expect(queues.entities(in: 0) == [0, 2, 4] && queues.entities(in: 1) == [1, 3, 5])
    }

    /// Random appends, pops and swaps agree with arrays of arrays at every step (20,000 operations).
    @Test func agreesWithAReferenceModel() {
        var stream = SplitMix64(state: 2026)
        let entityCount = 40
        let queueCount = 5
        var queues = EntityQueues(entities: entityCount, queues: queueCount)
        var reference = Array(repeating: [Int32](), count: queueCount)
        var waiting = Set<Int32>()
        for _ in 0..<20_000 {
            let queue = Int(stream.next() % UInt64(queueCount))
            switch stream.next() % 5 {
            case 0, 1:
                let entity = Int32(stream.next() % UInt64(entityCount))
                guard !waiting.contains(entity) else { continue }
                queues.append(entity, to: queue)
                reference[queue].append(entity)
                waiting.insert(entity)
            case 2, 3:
                let popped = queues.popFirst(of: queue)
                #expect(popped == reference[queue].first)
                if let popped {
                    reference[queue].removeFirst()
                    waiting.remove(popped)
                }
            default:
                let other = Int(stream.next() % UInt64(queueCount))
                queues.swapQueues(queue, other)
                reference.swapAt(queue, other)
            }
        }
        for queue in 0..<queueCount { #expect(queues.entities(in: queue) == reference[queue]) }
    }
}
