/// The 4-ary min-heap under `Scheduler`, kept in `EventStorage`'s parallel buffers.
///
/// A 4-ary heap is shallower than a binary heap (log4 n levels). The sift loops read only the 128-bit orders
/// and move the events alongside. Four sibling orders fill one 64-byte cache line (see `EventStorage`), and
/// the smallest of them is chosen without a branch: two pairs, then the pairs' winners, each choice a select
/// on the values already loaded. Order slots past the last entry hold a sentinel (`UInt128.max`), so every
/// parent has four children to compare and the loop has no case for a short last family. Sifting moves a
/// *hole* (an uninitialized slot) instead of swapping entries.
///
/// Sifting down is *bottom-up* (Floyd; Wegener's bottom-up heapsort): the hole first runs down the path of
/// smallest children to a leaf, moving each up one level, without comparing them with the entry being placed;
/// the entry then climbs back up from that leaf to its place. A replaced top or a moved last entry belongs
/// near the bottom (three quarters of a 4-ary heap's slots are leaves), so the climb is short, and the
/// descent saves one comparison and one unpredictable branch per level.
extension EventStorage {
    /// Adds an entry.
    ///
    /// - Complexity: O(log n).
    @inlinable
    func push(_ order: UInt128, _ event: Event) {
        if heapCount == heapCapacity { growHeap() }
        let hole = heapCount
        heapCount &+= 1
        Self.siftUp(orders, events, placing: order, event, into: hole, notAbove: 0)
    }

    /// Replaces the top (already handed out, still initialized) with a new entry.
    ///
    /// - Precondition: The heap is not empty.
    /// - Complexity: O(log n).
    @inlinable
    func replaceTop(_ order: UInt128, _ event: Event) {
        events.deinitialize(count: 1)
        Self.siftDown(orders, events, count: heapCount, placing: order, event, into: 0)
    }

    /// Removes the entry at `index`.
    ///
    /// - Precondition: `index` is below the heap's count.
    /// - Complexity: O(log n).
    @inlinable
    func remove(at index: Int) {
        let last = heapCount &- 1
        (events + index).deinitialize(count: 1)
        heapCount = last
        let order = orders[last]
        orders[last] = .max
        guard index < last else { return }
        let event = (events + last).move()
        if index > 0 && order < orders[(index &- 1) >> 2] {
            Self.siftUp(orders, events, placing: order, event, into: index, notAbove: 0)
        } else {
            Self.siftDown(orders, events, count: last, placing: order, event, into: index)
        }
    }

    /// Moves the entry at `from` into the hole at `to` (leaving the hole at `from`).
    @inlinable
    @inline(__always)
    static func move(
        _ orders: UnsafeMutablePointer<UInt128>, _ events: UnsafeMutablePointer<Event>, from: Int, to: Int
    ) {
        orders[to] = orders[from]
        (events + to).initialize(to: (events + from).move())
    }

    /// Places an entry at the hole `index` after moving the hole up past every parent the entry precedes,
    /// stopping at index `top`.
    @inlinable
    static func siftUp(
        _ orders: UnsafeMutablePointer<UInt128>, _ events: UnsafeMutablePointer<Event>,
        placing order: UInt128, _ event: Event, into index: Int, notAbove top: Int
    ) {
        var hole = index
        while hole > top {
            let parent = (hole &- 1) >> 2
            guard order < orders[parent] else { break }
            move(orders, events, from: parent, to: hole)
            hole = parent
        }
        orders[hole] = order
        (events + hole).initialize(to: event)
    }

    /// Places an entry at the hole `index` of a heap of `count` slots: the hole descends along the smallest
    /// children to a leaf, then the entry climbs back to its place (bottom-up; see the type's note).
    @inlinable
    static func siftDown(
        _ orders: UnsafeMutablePointer<UInt128>, _ events: UnsafeMutablePointer<Event>, count: Int,
        placing order: UInt128, _ event: Event, into index: Int
    ) {
        var hole = index
        var first = hole &* 4 &+ 1
        // Two pairs of children, then the pairs' winners, by selects; missing children are sentinels (`.max`).
        while first < count {
            let children = orders + first
            let pair0 = children[0]
            let pair1 = children[2]
            let left = EventOrder.less(children[1], pair0)
            let right = EventOrder.less(children[3], pair1)
            let leftOrder = left == 1 ? children[1] : pair0
            let rightOrder = right == 1 ? children[3] : pair1
            let rightWins = EventOrder.less(rightOrder, leftOrder)
            let best = first &+ (rightWins == 1 ? 2 &+ right : left)
            orders[hole] = rightWins == 1 ? rightOrder : leftOrder
            (events + hole).initialize(to: (events + best).move())
            hole = best
            first = hole &* 4 &+ 1
        }
        siftUp(orders, events, placing: order, event, into: hole, notAbove: index)
    }
}
