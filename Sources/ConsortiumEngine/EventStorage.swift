/// A pending event with its rank among the events of its instant.
@usableFromInline
struct QueueEntry<Event> {
    /// Priority in the top 8 bits, insertion sequence in the low 56 bits (as in `ScheduledEvent.key`).
    @usableFromInline
    var key: UInt64

    /// The event.
    @usableFromInline
    var event: Event

    @inlinable
    init(key: UInt64, _ event: Event) {
        self.key = key
        self.event = event
    }
}

/// The memory under `Scheduler`: a heap of later events and the *lane* of the current instant's events.
///
/// The heap is two parallel buffers in heap order, the time keys and the *slots*, which name where each
/// entry (key and event) lives in a third buffer, the pool. Sifting moves a time key and a 4-byte slot per
/// level; an entry stays where it was put until it leaves the queue. Slots past `heapCount` list the free pool
/// places, so `slots` is always a permutation of `0..<heapCapacity`: a push takes the free place at
/// `slots[heapCount]`, and a removal leaves its place at the end of the heap.
///
/// One class instance holds every buffer and belongs to one non-copyable `Scheduler`, so no operation needs a
/// copy-on-write check, and resetting the lane is a store, not an array operation. The heap's time keys are
/// placed so that each family of four siblings fills one aligned 32-byte half of a cache line.
///
/// The properties opt out of dynamic exclusivity checks (`@exclusivity(unchecked)`): they are reached only
/// through the owning scheduler's `mutating` methods, which the compiler already checks statically.
///
/// Initialization state, which every operation preserves:
/// - the pool places `slots[0..<heapCount]` are initialized (a consumed top stays initialized until replaced
///   or removed), the others are not;
/// - every time slot from `heapCount` to the end of the buffer (`heapCapacity` plus `padding`) holds the
///   sentinel `UInt64.max`, which no time's key equals, so every parent has four children to compare and the
///   sift-down needs no special case for a last parent with fewer than four;
/// - lane slots `laneHead..<laneCount` are initialized; consumed lane slots were moved out.
@usableFromInline
final class EventStorage<Event> {
    /// The heap's time keys (see `TimeKey`).
    @usableFromInline @exclusivity(unchecked)
    var times: UnsafeMutablePointer<UInt64>

    /// The heap's pool places, `pool[slots[i]]` due at `times[i]`; past `heapCount`, the free places.
    @usableFromInline @exclusivity(unchecked)
    var slots: UnsafeMutablePointer<UInt32>

    /// The heap's entries, by pool place.
    @usableFromInline @exclusivity(unchecked)
    var pool: UnsafeMutablePointer<QueueEntry<Event>>

    /// Initialized heap slots.
    @usableFromInline @exclusivity(unchecked)
    var heapCount: Int

    /// Allocated heap slots.
    @usableFromInline @exclusivity(unchecked)
    var heapCapacity: Int

    /// The lane: entries of the current instant, ascending by key.
    @usableFromInline @exclusivity(unchecked)
    var lane: UnsafeMutablePointer<QueueEntry<Event>>

    /// Index of the lane's first pending entry.
    @usableFromInline @exclusivity(unchecked)
    var laneHead: Int

    /// One past the lane's last pending entry.
    @usableFromInline @exclusivity(unchecked)
    var laneCount: Int

    /// Allocated lane slots.
    @usableFromInline @exclusivity(unchecked)
    var laneCapacity: Int

    /// Creates empty buffers with room for `capacity` heap entries and a smaller lane.
    @usableFromInline
    init(capacity: Int) {
        precondition(capacity < Int(UInt32.max), "more pending events than a scheduler can hold")
        heapCapacity = Swift.max(capacity, 16)
        times = Self.allocateTimes(capacity: heapCapacity)
        slots = .allocate(capacity: heapCapacity)
        for place in 0..<heapCapacity { slots[place] = UInt32(truncatingIfNeeded: place) }
        pool = .allocate(capacity: heapCapacity)
        heapCount = 0
        laneCapacity = Swift.max(Swift.min(capacity, 64), 16)
        lane = .allocate(capacity: laneCapacity)
        laneHead = 0
        laneCount = 0
    }

    deinit {
        removeAll()
        Self.deallocateTimes(times)
        slots.deallocate()
        pool.deallocate()
        lane.deallocate()
    }

    /// The entry at heap index `index`.
    @inlinable
    @inline(__always)
    func entry(at index: Int) -> UnsafeMutablePointer<QueueEntry<Event>> {
        pool + Int(slots[index])
    }

    /// A copy with the same pending entries (for `Scheduler.copy()`).
    @usableFromInline
    func copy() -> EventStorage {
        let copy = EventStorage(capacity: heapCapacity)
        copy.reserveLane(laneCapacity)
        copy.times.update(from: times, count: heapCount)
        copy.slots.update(from: slots, count: heapCapacity)
        for index in 0..<heapCount { (copy.pool + Int(slots[index])).initialize(to: entry(at: index).pointee) }
        copy.heapCount = heapCount
        let pending = laneCount &- laneHead
        copy.lane.initialize(from: lane + laneHead, count: pending)
        copy.laneCount = pending
        return copy
    }

    /// Deinitializes every entry, keeping the buffers.
    @usableFromInline
    func removeAll() {
        for index in 0..<heapCount { entry(at: index).deinitialize(count: 1) }
        times.update(repeating: .max, count: heapCount)
        heapCount = 0
        (lane + laneHead).deinitialize(count: laneCount &- laneHead)
        laneHead = 0
        laneCount = 0
    }

    /// Doubles the heap's buffers.
    @usableFromInline
    func growHeap() {
        let capacity = heapCapacity &* 2
        precondition(capacity < Int(UInt32.max), "more pending events than a scheduler can hold")
        let newTimes = Self.allocateTimes(capacity: capacity)
        let newSlots = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        let newPool = UnsafeMutablePointer<QueueEntry<Event>>.allocate(capacity: capacity)
        newTimes.update(from: times, count: heapCount)
        newSlots.update(from: slots, count: heapCapacity)
        for place in heapCapacity..<capacity { newSlots[place] = UInt32(truncatingIfNeeded: place) }
        for index in 0..<heapCount { (newPool + Int(slots[index])).moveInitialize(from: entry(at: index), count: 1) }
        Self.deallocateTimes(times)
        slots.deallocate()
        pool.deallocate()
        times = newTimes
        slots = newSlots
        pool = newPool
        heapCapacity = capacity
    }

    /// Allocates `capacity` heap time keys placed so that each group of four siblings (indices 4i+1 ... 4i+4,
    /// 32 bytes) fills one aligned half of a cache line: a sift reads one line per level, never two.
    @usableFromInline
    static func allocateTimes(capacity: Int) -> UnsafeMutablePointer<UInt64> {
        let slots = capacity + padding
        let raw = UnsafeMutableRawPointer.allocate(byteCount: timesOffset + slots * 8, alignment: 64)
        let times = (raw + timesOffset).bindMemory(to: UInt64.self, capacity: slots)
        times.initialize(repeating: .max, count: slots)
        return times
    }

    /// Sentinel time slots past the capacity: the children of the last parent reach at most three past it.
    @usableFromInline
    static var padding: Int { 4 }

    /// Bytes from the 64-byte aligned allocation to time 0, so that time 1 starts an aligned 32-byte half.
    @usableFromInline
    static var timesOffset: Int { 32 - 8 }

    /// Frees what `allocateTimes(capacity:)` allocated.
    @usableFromInline
    static func deallocateTimes(_ times: UnsafeMutablePointer<UInt64>) {
        (UnsafeMutableRawPointer(times) - timesOffset).deallocate()
    }

    /// Adds an entry to the lane, keeping it sorted: appended if its key follows the last (the common case:
    /// a later sequence number of the same or a lower-ranked priority), else inserted in place.
    @inlinable
    @inline(__always)
    func laneInsert(_ entry: QueueEntry<Event>) {
        if laneHead == laneCount || lane[laneCount &- 1].key < entry.key {
            laneAppend(entry)
        } else {
            laneInsertInPlace(entry)
        }
    }

    /// Appends an entry to the lane.
    ///
    /// - Precondition: It ranks after the lane's last, or the lane is sorted afterwards.
    @inlinable
    @inline(__always)
    func laneAppend(_ entry: QueueEntry<Event>) {
        if laneCount == laneCapacity { makeLaneRoom() }
        (lane + laneCount).initialize(to: entry)
        laneCount &+= 1
    }

    /// Moves every heap entry due at time key `time` to the empty lane, sorted by key (the heap orders them by
    /// time alone).
    ///
    /// - Precondition: The lane is empty and no heap entry is due before `time`.
    @inlinable
    @inline(never)
    func openInstant(_ time: UInt64) {
        laneHead = 0
        laneCount = 0
        while heapCount > 0 && times[0] == time { laneAppend(take(at: 0)) }
        var instant = UnsafeMutableBufferPointer(start: lane, count: laneCount)
        instant.sort { $0.key < $1.key }
    }

    /// Inserts an entry that precedes the lane's last (a higher priority than events already waiting): a
    /// binary search, then one block move of the entries ranked after it.
    @usableFromInline
    func laneInsertInPlace(_ entry: QueueEntry<Event>) {
        if laneCount == laneCapacity { makeLaneRoom() }
        // Binary search for the first entry ranked after the new one (keys are unique).
        var low = laneHead
        var high = laneCount
        while low < high {
            let middle = low &+ (high &- low) >> 1
            if lane[middle].key < entry.key { low = middle &+ 1 } else { high = middle }
        }
        let index = low
        (lane + index + 1).moveInitialize(from: lane + index, count: laneCount &- index)
        (lane + index).initialize(to: entry)
        laneCount &+= 1
    }

    /// Makes room for one more lane entry: compacts consumed slots away if that frees at least half of the
    /// lane, or grows it (so appends stay amortized O(1)).
    @usableFromInline
    func makeLaneRoom() {
        let pending = laneCount &- laneHead
        if pending <= laneCapacity / 2 {
            lane.moveInitialize(from: lane + laneHead, count: pending)
            laneHead = 0
            laneCount = pending
        } else {
            reserveLane(laneCapacity &* 2)
        }
    }

    /// Grows the lane's buffer to at least `capacity` slots.
    @usableFromInline
    func reserveLane(_ capacity: Int) {
        guard capacity > laneCapacity else { return }
        let newLane = UnsafeMutablePointer<QueueEntry<Event>>.allocate(capacity: capacity)
        let pending = laneCount &- laneHead
        newLane.moveInitialize(from: lane + laneHead, count: pending)
        lane.deallocate()
        lane = newLane
        laneHead = 0
        laneCount = pending
        laneCapacity = capacity
    }
}

// The buffers are reached only through the one `Scheduler` that owns them.
extension EventStorage: @unchecked Sendable where Event: Sendable {}
