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
    @inlinable
    public var inUse: Int { held }

    /// Entities waiting for a slot, in the order they asked.
    @inlinable
    public var waiting: WaitQueue { queue }

    /// Stored state behind `inUse` (the methods below are inlinable, so they reach it directly).
    @usableFromInline
    var held: Int

    /// Stored state behind `waiting`.
    @usableFromInline
    var queue: WaitQueue

    /// Creates a resource with all `capacity` slots free.
    ///
    /// - Precondition: `capacity > 0`.
    public init(capacity: Int) {
        precondition(capacity > 0, "a resource needs at least one slot, not \(capacity)")
        self.capacity = capacity
        self.held = 0
        self.queue = WaitQueue(capacity: 8)
    }

    /// The number of free slots.
    @inlinable
    public var available: Int { capacity - held }

    /// Asks for a slot for `id`: granted at once if a slot is free and nobody waits, otherwise queued.
    ///
    /// - Returns: `true` if the slot was granted now; `false` if `id` was queued.
    /// - Complexity: Amortized O(1).
    @inlinable
    public mutating func request(_ id: Int32) -> Bool {
        if queue.isEmpty && held < capacity {
            held += 1
            return true
        }
        queue.append(id)
        return false
    }

    /// Frees a slot and hands it to the head of the queue, if anyone waits.
    ///
    /// - Returns: The entity that now holds the freed slot, or `nil` if the slot stays free.
    /// - Precondition: A slot is held.
    /// - Complexity: O(1).
    @inlinable
    public mutating func release() -> Int32? {
        precondition(held > 0, "release of a resource with no slot held")
        if let next = queue.popFirst() { return next }
        held -= 1
        return nil
    }

    /// Queues `id` at the back without trying to grant; follow with `grantHead()`.
    ///
    /// - Complexity: Amortized O(1).
    @inlinable
    public mutating func enqueue(_ id: Int32) {
        queue.append(id)
    }

    /// Frees a slot without handing it over; follow (now or later) with `grantHead()`.
    ///
    /// - Precondition: A slot is held.
    /// - Complexity: O(1).
    @inlinable
    public mutating func vacate() {
        precondition(held > 0, "vacate of a resource with no slot held")
        held -= 1
    }

    /// Grants a free slot to the head of the queue, if a slot is free and anyone waits.
    ///
    /// - Returns: The entity granted a slot, or `nil`.
    /// - Complexity: O(1).
    @inlinable
    public mutating func grantHead() -> Int32? {
        guard held < capacity, let head = queue.popFirst() else { return nil }
        held += 1
        return head
    }

    /// Frees every slot and empties the queue, keeping storage.
    @inlinable
    public mutating func reset() {
        held = 0
        queue.removeAll()
    }
}
