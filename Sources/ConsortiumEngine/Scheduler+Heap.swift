/// The 4-ary min-heap under `Scheduler`.
///
/// A 4-ary heap is shallower than a binary heap (log4 n levels) and its four children share one or two cache
/// lines, which suits a queue popped as often as it is pushed. Sifting moves a *hole* instead of swapping, and
/// runs inside `withUnsafeMutableBufferPointer` so the loops carry no bounds checks.
extension Scheduler {
    /// Adds `entry` to the heap.
    ///
    /// - Complexity: O(log n).
    @inlinable
    mutating func heapPush(_ entry: ScheduledEvent<Event>) {
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { buffer in
            Self.siftUp(buffer, from: buffer.count &- 1)
        }
    }

    /// Removes and returns the smallest entry.
    ///
    /// - Precondition: The heap is not empty.
    /// - Complexity: O(log n).
    @inlinable
    mutating func heapPopMin() -> ScheduledEvent<Event> {
        let last = heap.removeLast()
        if heap.isEmpty { return last }
        return heap.withUnsafeMutableBufferPointer { buffer in
            let top = buffer[0]
            Self.siftDown(buffer, placing: last, from: 0)
            return top
        }
    }

    /// Removes the entry at `index`.
    ///
    /// - Complexity: O(log n).
    @usableFromInline
    mutating func heapRemove(at index: Int) {
        let last = heap.removeLast()
        guard index < heap.count else { return }
        heap.withUnsafeMutableBufferPointer { buffer in
            if index > 0 && last.precedes(buffer[(index &- 1) / 4]) {
                buffer[index] = last
                Self.siftUp(buffer, from: index)
            } else {
                Self.siftDown(buffer, placing: last, from: index)
            }
        }
    }

    /// Moves the entry at `index` up until its parent precedes it.
    @inlinable
    static func siftUp(_ buffer: UnsafeMutableBufferPointer<ScheduledEvent<Event>>, from index: Int) {
        let entry = buffer[index]
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            guard entry.precedes(buffer[parent]) else { break }
            buffer[hole] = buffer[parent]
            hole = parent
        }
        buffer[hole] = entry
    }

    /// Places `entry` at `index` and moves it down until it precedes all its children.
    @inlinable
    static func siftDown(
        _ buffer: UnsafeMutableBufferPointer<ScheduledEvent<Event>>, placing entry: ScheduledEvent<Event>,
        from index: Int
    ) {
        let count = buffer.count
        var hole = index
        while true {
            let first = hole &* 4 &+ 1
            if first >= count { break }
            var best = first
            let end = Swift.min(first &+ 4, count)
            var child = first &+ 1
            while child < end {
                if buffer[child].precedes(buffer[best]) { best = child }
                child &+= 1
            }
            guard buffer[best].precedes(entry) else { break }
            buffer[hole] = buffer[best]
            hole = best
        }
        buffer[hole] = entry
    }
}
