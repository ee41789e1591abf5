/// The 4-ary min-heap under `Scheduler`.
///
/// A 4-ary heap is shallower than a binary heap (log4 n levels). The heap is kept as two parallel buffers: the
/// 128-bit orders, which the sift loops read, and the events, which they only move. Four sibling orders fill
/// 64 bytes, and the smallest of them is chosen by two rounds of branch-free comparisons (`EventOrder.less`
/// turned into index arithmetic), so a random event time costs no mispredicted branch per level; only the
/// test "does the moved entry stop here?" branches, and it is taken once per sift. Sifting moves a *hole*
/// (an uninitialized slot) instead of swapping entries.
extension Scheduler {
    /// The number of entries in the heap, not counting a consumed top.
    @inlinable
    var heapCount: Int { storage.heapCount &- (heapTopConsumed ? 1 : 0) }

    /// The index of the smallest entry not yet consumed, or `nil` if there is none.
    ///
    /// With a consumed top, the next smallest entry is the smallest of the top's children.
    /// - Complexity: O(1).
    @inlinable
    func heapMinimumIndex() -> Int? {
        let orders = storage.orders
        guard heapTopConsumed else { return storage.heapCount == 0 ? nil : 0 }
        let end = Swift.min(5, storage.heapCount)
        guard end > 1 else { return nil }
        return (1..<end).min { orders[$0] < orders[$1] }
    }

    /// Adds an event with its order to the heap.
    ///
    /// - Precondition: The storage is uniquely referenced.
    /// - Complexity: O(log n).
    @inlinable
    func heapPush(_ order: UInt128, _ event: Event) {
        if storage.heapCount == storage.heapCapacity { storage.growHeap() }
        let hole = storage.heapCount
        storage.heapCount &+= 1
        Self.siftUp(storage.orders, storage.events, placing: order, event, into: hole)
    }

    /// Replaces the top (already handed out) with a new entry.
    ///
    /// - Precondition: The storage is uniquely referenced and the heap not empty; `order` is above the top's,
    ///   as the order of any event scheduled after the top was popped is.
    /// - Complexity: O(log n).
    @inlinable
    func heapReplaceTop(_ order: UInt128, _ event: Event) {
        storage.events.deinitialize(count: 1)
        Self.siftDown(storage.orders, storage.events, count: storage.heapCount, placing: order, event, into: 0)
    }

    /// Removes the top.
    ///
    /// - Precondition: The storage is uniquely referenced and the heap not empty.
    /// - Complexity: O(log n).
    @inlinable
    func heapRemoveTop() {
        heapRemove(at: 0)
    }

    /// Removes the entry at `index`.
    ///
    /// - Precondition: The storage is uniquely referenced; `index` is below the heap's count.
    /// - Complexity: O(log n).
    @inlinable
    func heapRemove(at index: Int) {
        let last = storage.heapCount &- 1
        (storage.events + index).deinitialize(count: 1)
        storage.heapCount = last
        guard index < last else { return }
        let order = storage.orders[last]
        let event = (storage.events + last).move()
        if index > 0 && order < storage.orders[(index &- 1) >> 2] {
            Self.siftUp(storage.orders, storage.events, placing: order, event, into: index)
        } else {
            Self.siftDown(storage.orders, storage.events, count: last, placing: order, event, into: index)
        }
    }

    /// Places an entry at the hole `index` after moving the hole up past every parent the entry precedes.
    @inlinable
    static func siftUp(
        _ orders: UnsafeMutablePointer<UInt128>, _ events: UnsafeMutablePointer<Event>,
        placing order: UInt128, _ event: Event, into index: Int
    ) {
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            guard order < orders[parent] else { break }
            orders[hole] = orders[parent]
            (events + hole).moveInitialize(from: events + parent, count: 1)
            hole = parent
        }
        orders[hole] = order
        (events + hole).initialize(to: event)
    }

    /// Places an entry at the hole `index` after moving the hole down past every child that precedes the entry.
    @inlinable
    static func siftDown(
        _ orders: UnsafeMutablePointer<UInt128>, _ events: UnsafeMutablePointer<Event>, count: Int,
        placing order: UInt128, _ event: Event, into index: Int
    ) {
        var hole = index
        while true {
            let first = hole &* 4 &+ 1
            let best: Int
            if first &+ 3 < count {
                // Two pairs, then the pairs' winners: index arithmetic, no branch.
                let left = first &+ EventOrder.less(orders[first &+ 1], orders[first])
                let right = first &+ 2 &+ EventOrder.less(orders[first &+ 3], orders[first &+ 2])
                best = left &+ (right &- left) &* EventOrder.less(orders[right], orders[left])
            } else if first < count {
                var smallest = first
                var child = first &+ 1
                while child < count {
                    smallest &+= (child &- smallest) &* EventOrder.less(orders[child], orders[smallest])
                    child &+= 1
                }
                best = smallest
            } else {
                break
            }
            guard orders[best] < order else { break }
            orders[hole] = orders[best]
            (events + hole).moveInitialize(from: events + best, count: 1)
            hole = best
        }
        orders[hole] = order
        (events + hole).initialize(to: event)
    }
}
