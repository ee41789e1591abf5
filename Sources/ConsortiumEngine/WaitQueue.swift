/// A first-in, first-out queue of entity ids, stored in a growable ring buffer.
///
/// Used by `Resource` and `Signal` to hold waiting entities. `removeAll()` keeps the storage, so a queue is
/// reused across Monte Carlo trials without allocating.
public struct WaitQueue: Sendable {
    /// Ring storage; its count is zero or a power of two.
    @usableFromInline
    var storage: ContiguousArray<Int32>

    /// Index of the first element.
    @usableFromInline
    var head: Int

    /// The number of queued ids (stored; `count` reads it).
    @usableFromInline
    var _count: Int

    /// The number of queued ids.
    @inlinable
    public var count: Int { _count }

    /// Creates an empty queue with room for `capacity` ids.
    public init(capacity: Int = 0) {
        storage = ContiguousArray(repeating: 0, count: capacity > 0 ? Self.roundUpToPowerOfTwo(capacity) : 0)
        head = 0
        _count = 0
    }

    /// Whether the queue is empty.
    @inlinable
    public var isEmpty: Bool { _count == 0 }

    /// The id at the front, if any.
    @inlinable
    public var first: Int32? { _count == 0 ? nil : storage[head] }

    /// Adds `id` at the back.
    ///
    /// - Complexity: Amortized O(1).
    @inlinable
    public mutating func append(_ id: Int32) {
        if _count == storage.count { grow() }
        storage[(head &+ _count) & (storage.count &- 1)] = id
        _count &+= 1
    }

    /// Removes and returns the id at the front, if any.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func popFirst() -> Int32? {
        guard _count > 0 else { return nil }
        let id = storage[head]
        head = (head &+ 1) & (storage.count &- 1)
        _count &-= 1
        return id
    }

    /// Empties the queue, keeping its storage.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func removeAll() {
        head = 0
        _count = 0
    }

    /// The queued ids, front to back.
    ///
    /// - Complexity: O(n).
    public var elements: [Int32] {
        (0..<count).map { storage[(head + $0) & (storage.count - 1)] }
    }

    /// Doubles the storage, unrolling the ring to start at index 0.
    @usableFromInline
    mutating func grow() {
        var bigger = ContiguousArray<Int32>(repeating: 0, count: Swift.max(8, storage.count * 2))
        for offset in 0..<count {
            bigger[offset] = storage[(head + offset) & (storage.count - 1)]
        }
        storage = bigger
        head = 0
    }

    private static func roundUpToPowerOfTwo(_ value: Int) -> Int {
        var result = 1
        while result < value { result <<= 1 }
        return result
    }
}
