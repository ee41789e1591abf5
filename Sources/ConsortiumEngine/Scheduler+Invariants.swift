/// Structural checks of `Scheduler`, compiled only with `CONSORTIUM_INVARIANTS` (debug builds and tests).
extension Scheduler {
    /// Traps if the heap order, the lane order or the clock invariant is broken.
    ///
    /// Checked: no heap entry is due before its parent; the slots after the last hold sentinels; every heap
    /// entry but a consumed top (which is due now) is due after the clock, so the lane, sorted by key, holds
    /// the whole current instant; sequence numbers are below `nextSequence`.
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
                precondition(queue.times[parent] <= queue.times[index], "heap order broken at index \(index)")
            }
            for index in queue.heapCount..<queue.heapCount + 4 {
                precondition(queue.times[index] == .max, "no sentinel after the heap's last entry, at \(index)")
            }
            for index in 0..<queue.heapCount {
                let time = TimeKey.time(queue.times[index])
                if index == 0 && heapTopConsumed {
                    precondition(time == _now, "the consumed top at \(time) is not at the clock \(_now)")
                } else {
                    precondition(time > _now, "heap entry at \(time) is not after the clock \(_now)")
                }
                precondition(
                    queue.entry(at: index).pointee.key & mask < nextSequence, "sequence number from the future")
            }
            var placeUsed = [Bool](repeating: false, count: queue.heapCapacity)
            for index in 0..<queue.heapCapacity {
                let place = Int(queue.slots[index])
                precondition(place < queue.heapCapacity && !placeUsed[place], "slots are not a permutation")
                placeUsed[place] = true
            }
            precondition(
                0 <= queue.laneHead && queue.laneHead <= queue.laneCount && queue.laneCount <= queue.laneCapacity,
                "lane head \(queue.laneHead), end \(queue.laneCount), capacity \(queue.laneCapacity)")
            for index in queue.laneHead..<queue.laneCount {
                precondition(queue.lane[index].key & mask < nextSequence, "sequence number from the future")
                if index > queue.laneHead {
                    precondition(queue.lane[index - 1].key < queue.lane[index].key, "lane out of order")
                }
            }
        #endif
    }
}
