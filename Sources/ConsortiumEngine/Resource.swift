/// A pool of `capacity` identical slots with a strict first-in, first-out queue of waiting entities.
///
/// The common use is `request(_:)` (granted now, or queued) and `release()` (hands the freed slot to the
/// head of the queue). Strict FIFO means a request is never granted ahead of an entity already waiting, even
/// if a slot happens to be free at that moment.
///
/// For models that must reproduce an engine where a released slot is handed over by a *later* event
/// (SimPy's `Release` event), the two halves are also available separately: `enqueue(_:)` with
/// `grantHead()`, and `vacate()` with `grantHead()`.
public struct Resource: Sendable {
    /// The number of slots.
    public let capacity: Int

    /// The number of slots currently held.
    public private(set) var inUse: Int

    /// Entities waiting for a slot, in the order they asked.
    public private(set) var waiting: WaitQueue

    /// Creates a resource with all `capacity` slots free.
    ///
    /// - Precondition: `capacity > 0`.
    public init(capacity: Int) {
        precondition(capacity > 0, "a resource needs at least one slot, not \(capacity)")
        self.capacity = capacity
        self.inUse = 0
        self.waiting = WaitQueue(capacity: 8)
    }

    /// The number of free slots.
    @inlinable
    public var available: Int { capacity - inUse }

    /// Asks for a slot for `id`: granted at once if a slot is free and nobody waits, otherwise queued.
    ///
    /// - Returns: `true` if the slot was granted now; `false` if `id` was queued.
    /// - Complexity: Amortized O(1).
    public mutating func request(_ id: Int32) -> Bool {
        if waiting.isEmpty && inUse < capacity {
            inUse += 1
            return true
        }
        waiting.append(id)
        return false
    }

    /// Frees a slot and hands it to the head of the queue, if anyone waits.
    ///
    /// - Returns: The entity that now holds the freed slot, or `nil` if the slot stays free.
    /// - Precondition: A slot is held.
    /// - Complexity: O(1).
    public mutating func release() -> Int32? {
        precondition(inUse > 0, "release of a resource with no slot held")
        if let next = waiting.popFirst() { return next }
        inUse -= 1
        return nil
    }

    /// Queues `id` at the back without trying to grant; follow with `grantHead()`.
    ///
    /// - Complexity: Amortized O(1).
    public mutating func enqueue(_ id: Int32) {
        waiting.append(id)
    }

    /// Frees a slot without handing it over; follow (now or later) with `grantHead()`.
    ///
    /// - Precondition: A slot is held.
    /// - Complexity: O(1).
    public mutating func vacate() {
        precondition(inUse > 0, "vacate of a resource with no slot held")
        inUse -= 1
    }

    /// Grants a free slot to the head of the queue, if a slot is free and anyone waits.
    ///
    /// - Returns: The entity granted a slot, or `nil`.
    /// - Complexity: O(1).
    public mutating func grantHead() -> Int32? {
        guard inUse < capacity, let head = waiting.popFirst() else { return nil }
        inUse += 1
        return head
    }

    /// Frees every slot and empties the queue, keeping storage.
    public mutating func reset() {
        inUse = 0
        waiting.removeAll()
    }
}
