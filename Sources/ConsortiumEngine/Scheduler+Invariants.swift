/// Structural checks of `Scheduler`, compiled only with `CONSORTIUM_INVARIANTS` (debug builds and tests).
extension Scheduler {
    /// Traps if the heap order, the lane order or the clock invariant is broken.
    ///
    /// Checked: every heap entry is preceded by its parent; the lane is sorted and holds only events of the
    /// current instant; no pending event lies before the clock; sequence numbers are below `nextSequence`.
    /// - Complexity: O(n).
    @usableFromInline
    func checkInvariants() {
        #if CONSORTIUM_INVARIANTS
            let mask = ScheduledEvent<Event>.sequenceMask
            precondition(heapOrders.count == heapEvents.count, "heap arrays of different lengths")
            for index in heapOrders.indices.dropFirst() {
                let parent = (index - 1) / 4
                precondition(heapOrders[parent] < heapOrders[index], "heap order broken at index \(index)")
            }
            for order in heapOrders {
                let time = EventOrder.time(order)
                precondition(time >= _now, "heap entry at \(time) is before the clock \(_now)")
                precondition(EventOrder.key(order) & mask < nextSequence, "sequence number from the future")
            }
            precondition(laneHead <= lane.count, "lane head \(laneHead) past lane end \(lane.count)")
            let pending = lane[laneHead...]
            for entry in pending {
                let time = EventOrder.time(entry.order)
                precondition(time == _now, "lane entry at \(time) is not at the clock \(_now)")
            }
            for (earlier, later) in zip(pending, pending.dropFirst()) {
                precondition(earlier.order < later.order, "lane out of order")
            }
        #endif
    }
}
