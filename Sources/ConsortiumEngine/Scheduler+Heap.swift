/// The 4-ary min-heap under `Scheduler`, ordered by time alone, kept in `EventStorage`'s parallel buffers.
///
/// A 4-ary heap is shallower than a binary heap (log4 n levels). The sift loops read only the 64-bit time keys
/// and move the 4-byte pool slots alongside; entries never move. Four sibling keys fill one aligned 32-byte
/// half of a cache line (see `EventStorage`), and the smallest of them is chosen without a branch: two pairs,
/// then the pairs' winners, each choice a select on the values already loaded. Time slots past the last entry hold a sentinel
/// (`UInt64.max`), so every parent has four children to compare and the loop has no case for a short last
/// family. Sifting moves a *hole* instead of swapping.
///
/// Sifting down is *bottom-up* (Floyd; Wegener's bottom-up heapsort): the hole first runs down the path of
/// smallest children to a leaf, moving each up one level, without comparing them with the entry being placed;
/// the entry then climbs back up from that leaf to its place. A replaced top or a moved last entry belongs
/// near the bottom (three quarters of a 4-ary heap's slots are leaves), so the climb is short, and the
/// descent saves one comparison and one unpredictable branch per level.
///
/// Entries of equal time sit in the heap in no particular order; `Scheduler` sorts them by key when their
/// instant comes (see `Scheduler.popNext`).
extension EventStorage {
    /// Adds an entry due at time key `time`, in the first free pool place.
    ///
    /// - Complexity: O(log n).
    @inlinable
    @inline(never)
    func push(_ time: UInt64, _ entry: QueueEntry<Event>) {
        if heapCount == heapCapacity { growHeap() }
        let hole = heapCount
        let slot = slots[hole]
        heapCount &+= 1
        (pool + Int(slot)).initialize(to: entry)
        Self.siftUp(times, slots, placing: time, slot, into: hole, notAbove: 0)
    }

    /// Replaces the top (already handed out, still initialized) with a new entry, in the top's pool place.
    ///
    /// The first level of the sift-down was chosen when the top was handed out (`smallestChild`; see
    /// `Scheduler.popNext`), so it is done off this call's chain of dependent loads.
    /// - Precondition: The heap is not empty, and `smallestChild` is the index of the top's smallest child
    ///   (1...4; a sentinel's when the top has none).
    /// - Complexity: O(log n).
    @inlinable
    @inline(never)
    func replaceTop(_ time: UInt64, _ entry: QueueEntry<Event>, smallestChild: Int) {
        let slot = slots[0]
        (pool + Int(slot)).pointee = entry
        var hole = 0
        if smallestChild < heapCount {
            times[0] = times[smallestChild]
            slots[0] = slots[smallestChild]
            hole = smallestChild
        }
        Self.siftDown(times, slots, count: heapCount, placing: time, slot, from: hole, notAbove: 0)
    }

    /// Removes the entry at heap index `index` and returns it.
    ///
    /// - Precondition: `index` is below the heap's count.
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    func take(at index: Int) -> QueueEntry<Event> {
        let last = heapCount &- 1
        let freed = slots[index]
        let taken = (pool + Int(freed)).move()
        heapCount = last
        let time = times[last]
        let slot = slots[last]
        times[last] = .max
        slots[last] = freed
        guard index < last else { return taken }
        if index > 0 && time < times[(index &- 1) >> 2] {
            Self.siftUp(times, slots, placing: time, slot, into: index, notAbove: 0)
        } else {
            Self.siftDown(times, slots, count: last, placing: time, slot, from: index, notAbove: index)
        }
        return taken
    }

    /// Places a time and slot at the hole `index` after moving the hole up past every parent due later,
    /// stopping at index `top`.
    @inlinable
    static func siftUp(
        _ times: UnsafeMutablePointer<UInt64>, _ slots: UnsafeMutablePointer<UInt32>,
        placing time: UInt64, _ slot: UInt32, into index: Int, notAbove top: Int
    ) {
        var hole = index
        while hole > top {
            let parent = (hole &- 1) >> 2
            guard time < times[parent] else { break }
            times[hole] = times[parent]
            slots[hole] = slots[parent]
            hole = parent
        }
        times[hole] = time
        slots[hole] = slot
    }

    /// Places a time and slot in a heap of `count` entries whose hole is at `start`, in the subtree of `top`:
    /// the hole descends along the smallest children to a leaf, then the entry climbs back to its place, not
    /// above `top` (bottom-up; see the type's note).
    @inlinable
    static func siftDown(
        _ times: UnsafeMutablePointer<UInt64>, _ slots: UnsafeMutablePointer<UInt32>, count: Int,
        placing time: UInt64, _ slot: UInt32, from start: Int, notAbove top: Int
    ) {
        var hole = start
        var first = hole &* 4 &+ 1
        while first < count {
            let (smallest, best) = smallestChild(times, first: first)
            times[hole] = smallest
            slots[hole] = slots[best]
            hole = best
            first = hole &* 4 &+ 1
        }
        siftUp(times, slots, placing: time, slot, into: hole, notAbove: top)
    }

    /// The smallest of the four children from index `first` and its index: two pairs, then the pairs'
    /// winners, by selects (no branch); missing children are sentinels (`.max`), ties go to the leftmost.
    @inlinable
    @inline(__always)
    static func smallestChild(_ times: UnsafeMutablePointer<UInt64>, first: Int) -> (time: UInt64, index: Int) {
        let children = times + first
        let pair0 = children[0]
        let pair1 = children[2]
        let left = TimeKey.less(children[1], pair0)
        let right = TimeKey.less(children[3], pair1)
        let leftTime = left == 1 ? children[1] : pair0
        let rightTime = right == 1 ? children[3] : pair1
        let rightWins = TimeKey.less(rightTime, leftTime)
        return (rightWins == 1 ? rightTime : leftTime, first &+ (rightWins == 1 ? 2 &+ right : left))
    }
}
