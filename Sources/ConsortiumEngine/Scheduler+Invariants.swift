/// Structural checks of `Scheduler`, compiled only with `CONSORTIUM_INVARIANTS` (debug builds and tests).
extension Scheduler {
    /// Traps if the heap order, the lane order or the clock invariant is broken.
    ///
    /// Checked: every heap entry is preceded by its parent; the slots after the last hold sentinels; the lane
    /// is sorted and holds only events of the current instant; no pending event lies before the clock;
    /// sequence numbers are below `nextSequence`.
    /// - Complexity: O(n).
    @usableFromInline
    func checkInvariants() {
        #if CONSORTIUM_INVARIANTS
            let mask = ScheduledEvent<Event>.sequenceMask
            let queue = storage
            precondition(queue.heapCount <= queue.heapCapacity, "heap count past its capacity")
            precondition(!heapTopConsumed || queue.heapCount > 0, "a consumed top in an empty heap")
            for index in 1..<Swift.max(1, queue.heapCount) {
                let parent = (index - 1) / 4
                precondition(queue.orders[parent] < queue.orders[index], "heap order broken at index \(index)")
            }
            for index in queue.heapCount..<queue.heapCount + 3 {
                precondition(queue.orders[index] == .max, "no sentinel after the heap's last entry, at \(index)")
            }
            for index in 0..<queue.heapCount {
                let time = EventOrder.time(queue.orders[index])
                precondition(time >= _now, "heap entry at \(time) is before the clock \(_now)")
                precondition(
                    EventOrder.key(queue.orders[index]) & mask < nextSequence, "sequence number from the future")
            }
            precondition(
                0 <= queue.laneHead && queue.laneHead <= queue.laneCount && queue.laneCount <= queue.laneCapacity,
                "lane head \(queue.laneHead), end \(queue.laneCount), capacity \(queue.laneCapacity)")
            for index in queue.laneHead..<queue.laneCount {
                let time = EventOrder.time(queue.laneOrders[index])
                precondition(time == _now, "lane entry at \(time) is not at the clock \(_now)")
                if index > queue.laneHead {
                    precondition(queue.laneOrders[index - 1] < queue.laneOrders[index], "lane out of order")
                }
            }
        #endif
    }
}
