/// Many first-in, first-out queues of entity ids in one store, for models in which an entity waits in at most
/// one queue at a time (an element waits for a slot, or for a dependency, or for a launch window, never two).
///
/// Each queue is a singly linked list threaded through one `next` entry per entity, so appending and popping
/// are a few loads and stores with no allocation, and the whole store is three buffers however many queues
/// there are (a `Resource` or a `Signal` each holds a growable buffer of its own). The store is non-copyable:
/// it owns its memory outright, so it needs no copy-on-write check per operation.
///
/// ```swift
/// var queues = EntityQueues(entities: 60, queues: 6)
/// queues.append(7, to: 2)
/// queues.append(3, to: 2)
/// queues.popFirst(of: 2)   // 7
/// ```
public struct EntityQueues: ~Copyable {
    /// `next[e]`: the entity after `e` in its queue, `end` if `e` is last, `notQueued` if `e` waits nowhere.
    @usableFromInline
    let next: UnsafeMutablePointer<Int32>

    /// Each queue's first entity, or `end`.
    @usableFromInline
    let heads: UnsafeMutablePointer<Int32>

    /// Each queue's last entity, or `end`.
    @usableFromInline
    let tails: UnsafeMutablePointer<Int32>

    /// The number of entities, ids `0..<entityCount`.
    public let entityCount: Int

    /// The number of queues, indices `0..<queueCount`.
    public let queueCount: Int

    /// The link of a last entity and the head of an empty queue.
    @usableFromInline
    static var end: Int32 { -1 }

    /// The link of an entity in no queue.
    @usableFromInline
    static var notQueued: Int32 { -2 }

    /// Creates `queues` empty queues for entities `0..<entities`.
    public init(entities: Int, queues: Int) {
        precondition(entities >= 0 && entities < Int(Int32.max) && queues >= 0, "bad queue store size")
        entityCount = entities
        queueCount = queues
        next = .allocate(capacity: Swift.max(entities, 1))
        heads = .allocate(capacity: Swift.max(queues, 1))
        tails = .allocate(capacity: Swift.max(queues, 1))
        next.initialize(repeating: Self.notQueued, count: entities)
        heads.initialize(repeating: Self.end, count: queues)
        tails.initialize(repeating: Self.end, count: queues)
    }

    deinit {
        next.deallocate()
        heads.deallocate()
        tails.deallocate()
    }

    /// Whether `queue` is empty.
    @inlinable
    public func isEmpty(_ queue: Int) -> Bool {
        precondition(UInt(bitPattern: queue) < UInt(bitPattern: queueCount), "no queue \(queue)")
        return heads[queue] == Self.end
    }

    /// Appends `entity` at the back of `queue`.
    ///
    /// - Precondition: `entity` waits in no queue.
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public mutating func append(_ entity: Int32, to queue: Int) {
        precondition(UInt(bitPattern: queue) < UInt(bitPattern: queueCount), "no queue \(queue)")
        precondition(UInt32(bitPattern: entity) < UInt32(truncatingIfNeeded: entityCount), "no entity \(entity)")
        precondition(next[Int(entity)] == Self.notQueued, "entity \(entity) already waits in a queue")
        next[Int(entity)] = Self.end
        let tail = tails[queue]
        if tail == Self.end { heads[queue] = entity } else { next[Int(tail)] = entity }
        tails[queue] = entity
    }

    /// Removes and returns the entity at the front of `queue`, or `nil` if it is empty.
    ///
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public mutating func popFirst(of queue: Int) -> Int32? {
        precondition(UInt(bitPattern: queue) < UInt(bitPattern: queueCount), "no queue \(queue)")
        let head = heads[queue]
        guard head != Self.end else { return nil }
        let following = next[Int(head)]
        heads[queue] = following
        if following == Self.end { tails[queue] = Self.end }
        next[Int(head)] = Self.notQueued
        return head
    }

    /// Exchanges the contents of queues `first` and `second`.
    ///
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public mutating func swapQueues(_ first: Int, _ second: Int) {
        precondition(
            UInt(bitPattern: first) < UInt(bitPattern: queueCount)
                && UInt(bitPattern: second) < UInt(bitPattern: queueCount), "no queue \(first) or \(second)")
        (heads[first], heads[second]) = (heads[second], heads[first])
        (tails[first], tails[second]) = (tails[second], tails[first])
    }

    /// Empties every queue.
    ///
    /// - Complexity: O(entities + queues).
    public mutating func removeAll() {
        next.update(repeating: Self.notQueued, count: entityCount)
        heads.update(repeating: Self.end, count: queueCount)
        tails.update(repeating: Self.end, count: queueCount)
    }

    /// The entities in `queue`, front first.
    ///
    /// - Complexity: O(length of the queue).
    public func entities(in queue: Int) -> [Int32] {
        precondition(UInt(bitPattern: queue) < UInt(bitPattern: queueCount), "no queue \(queue)")
        var result: [Int32] = []
        var entity = heads[queue]
        while entity != Self.end {
            result.append(entity)
            entity = next[Int(entity)]
        }
        return result
    }
}

// The buffers are owned by this one non-copyable value.
extension EntityQueues: @unchecked Sendable {}
