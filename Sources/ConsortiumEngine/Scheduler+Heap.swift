/// The 4-ary min-heap under `Scheduler`.
///
/// A 4-ary heap is shallower than a binary heap (log4 n levels). The heap is kept as two parallel arrays: the
/// 128-bit orders, which the sift loops read, and the events, which they only move. Four sibling orders fill
/// 64 bytes, and the smallest of them is chosen by two rounds of branch-free comparisons (`EventOrder.less`
/// turned into index arithmetic), so a random event time costs no mispredicted branch per level; only the
/// test "does the moved entry stop here?" branches, and it is taken once per sift. Sifting moves a *hole*
/// instead of swapping, inside `withUnsafeMutableBufferPointer`, so the loops carry no bounds checks.
extension Scheduler {
    /// Adds an event with its order to the heap.
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func heapPush(_ order: UInt128, _ event: Event) {
        heapOrders.append(order)
        heapEvents.append(event)
        withHeap { orders, events in
            Self.siftUp(orders, events, placing: order, event, from: orders.count &- 1)
        }
    }

    /// The number of entries in the heap, not counting a consumed top.
    @inlinable
    var heapCount: Int { heapOrders.count &- (heapTopConsumed ? 1 : 0) }

    /// The index of the smallest entry not yet consumed, or `nil` if there is none.
    ///
    /// With a consumed top, the next smallest entry is the smallest of the top's children.
    /// - Complexity: O(1).
    @inlinable
    func heapMinimumIndex() -> Int? {
        guard heapTopConsumed else { return heapOrders.isEmpty ? nil : 0 }
        let end = Swift.min(5, heapOrders.count)
        guard end > 1 else { return nil }
        return (1..<end).min { heapOrders[$0] < heapOrders[$1] }
    }

    /// Replaces the top (already handed out) with a new entry.
    ///
    /// - Precondition: `order` is above the top's order, as any event scheduled after the top was popped is.
    /// - Complexity: O(log n).
    @inlinable
    mutating func heapReplaceTop(_ order: UInt128, _ event: Event) {
        withHeap { orders, events in
            Self.siftDown(orders, events, placing: order, event, from: 0)
        }
    }

    /// Removes the top.
    ///
    /// - Precondition: The heap is not empty.
    /// - Complexity: O(log n).
    @inlinable
    mutating func heapRemoveTop() {
        let lastOrder = heapOrders.removeLast()
        let lastEvent = heapEvents.removeLast()
        if heapOrders.isEmpty { return }
        withHeap { orders, events in
            Self.siftDown(orders, events, placing: lastOrder, lastEvent, from: 0)
        }
    }

    /// Removes the entry at `index`.
    ///
    /// - Complexity: O(log n).
    @usableFromInline
    mutating func heapRemove(at index: Int) {
        let lastOrder = heapOrders.removeLast()
        let lastEvent = heapEvents.removeLast()
        guard index < heapOrders.count else { return }
        withHeap { orders, events in
            if index > 0 && lastOrder < orders[(index &- 1) >> 2] {
                Self.siftUp(orders, events, placing: lastOrder, lastEvent, from: index)
            } else {
                Self.siftDown(orders, events, placing: lastOrder, lastEvent, from: index)
            }
        }
    }

    /// Calls `body` with unchecked views of the heap's two arrays.
    @inlinable
    @inline(__always)
    mutating func withHeap<Result>(
        _ body: (UnsafeMutableBufferPointer<UInt128>, UnsafeMutableBufferPointer<Event>) -> Result
    ) -> Result {
        heapOrders.withUnsafeMutableBufferPointer { orders in
            heapEvents.withUnsafeMutableBufferPointer { events in body(orders, events) }
        }
    }

    /// Places an entry at `index` (a hole) and moves it up until its parent precedes it.
    @inlinable
    static func siftUp(
        _ orders: UnsafeMutableBufferPointer<UInt128>, _ events: UnsafeMutableBufferPointer<Event>,
        placing order: UInt128, _ event: Event, from index: Int
    ) {
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            guard order < orders[parent] else { break }
            orders[hole] = orders[parent]
            events[hole] = events[parent]
            hole = parent
        }
        orders[hole] = order
        events[hole] = event
    }

    /// Places an entry at `index` (a hole) and moves it down until it precedes all its children.
    @inlinable
    static func siftDown(
        _ orders: UnsafeMutableBufferPointer<UInt128>, _ events: UnsafeMutableBufferPointer<Event>,
        placing order: UInt128, _ event: Event, from index: Int
    ) {
        let count = orders.count
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
            events[hole] = events[best]
            hole = best
        }
        orders[hole] = order
        events[hole] = event
    }
}
