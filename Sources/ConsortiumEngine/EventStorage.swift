/// The memory under `Scheduler`: a heap and a same-instant lane, each as two parallel buffers (orders, events).
///
/// One class instance holds every buffer and belongs to one non-copyable `Scheduler`, so no operation needs a
/// copy-on-write check, and resetting the lane is a store, not an array operation. The heap's orders are
/// placed so that each family of four siblings fills one 64-byte cache line.
///
/// The properties opt out of dynamic exclusivity checks (`@exclusivity(unchecked)`): they are reached only
/// through the owning scheduler's `mutating` methods, which the compiler already checks statically.
///
/// Initialization state, which every operation preserves:
/// - heap slots `0..<heapCount` are initialized (a consumed top stays initialized until replaced or removed);
/// - every order slot from `heapCount` to the end of the buffer (`heapCapacity` plus `padding`) holds the
///   sentinel `UInt128.max`, which no event's order equals, so every parent has four children to compare
///   and the sift-down needs no special case for a last parent with fewer than four;
/// - lane slots `laneHead..<laneCount` are initialized; consumed lane slots were moved out.
@usableFromInline
final class EventStorage<Event> {
    /// The heap's orders (see `EventOrder`).
    @usableFromInline @exclusivity(unchecked)
    var orders: UnsafeMutablePointer<UInt128>

    /// The heap's events, `events[i]` belonging to `orders[i]`.
    @usableFromInline @exclusivity(unchecked)
    var events: UnsafeMutablePointer<Event>

    /// Initialized heap slots.
    @usableFromInline @exclusivity(unchecked)
    var heapCount: Int

    /// Allocated heap slots.
    @usableFromInline @exclusivity(unchecked)
    var heapCapacity: Int

    /// The lane's orders, ascending.
    @usableFromInline @exclusivity(unchecked)
    var laneOrders: UnsafeMutablePointer<UInt128>

    /// The lane's events.
    @usableFromInline @exclusivity(unchecked)
    var laneEvents: UnsafeMutablePointer<Event>

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
        heapCapacity = Swift.max(capacity, 16)
        orders = Self.allocateOrders(capacity: heapCapacity)
        events = .allocate(capacity: heapCapacity)
        heapCount = 0
        laneCapacity = Swift.max(Swift.min(capacity, 64), 16)
        laneOrders = .allocate(capacity: laneCapacity)
        laneEvents = .allocate(capacity: laneCapacity)
        laneHead = 0
        laneCount = 0
    }

    deinit {
        removeAll()
        Self.deallocateOrders(orders)
        events.deallocate()
        laneOrders.deallocate()
        laneEvents.deallocate()
    }

    /// A copy with the same pending entries (for `Scheduler.copy()`).
    @usableFromInline
    func copy() -> EventStorage {
        let copy = EventStorage(capacity: heapCapacity)
        copy.reserveLane(laneCapacity)
        copy.orders.update(from: orders, count: heapCount)
        copy.events.initialize(from: events, count: heapCount)
        copy.heapCount = heapCount
        let pending = laneCount &- laneHead
        copy.laneOrders.initialize(from: laneOrders + laneHead, count: pending)
        copy.laneEvents.initialize(from: laneEvents + laneHead, count: pending)
        copy.laneCount = pending
        return copy
    }

    /// Deinitializes every entry, keeping the buffers.
    @usableFromInline
    func removeAll() {
        events.deinitialize(count: heapCount)
        orders.update(repeating: .max, count: heapCount)
        heapCount = 0
        (laneEvents + laneHead).deinitialize(count: laneCount &- laneHead)
        laneHead = 0
        laneCount = 0
    }

    /// Doubles the heap's buffers.
    @usableFromInline
    func growHeap() {
        let capacity = heapCapacity &* 2
        let newOrders = Self.allocateOrders(capacity: capacity)
        let newEvents = UnsafeMutablePointer<Event>.allocate(capacity: capacity)
        newOrders.update(from: orders, count: heapCount)
        newEvents.moveInitialize(from: events, count: heapCount)
        Self.deallocateOrders(orders)
        events.deallocate()
        orders = newOrders
        events = newEvents
        heapCapacity = capacity
    }

    /// Allocates `capacity` heap orders placed so that each group of four siblings (indices 4i+1 ... 4i+4, 64
    /// bytes) fills exactly one cache line: a sift reads one line per level instead of two.
    @usableFromInline
    static func allocateOrders(capacity: Int) -> UnsafeMutablePointer<UInt128> {
        let slots = capacity + padding
        let raw = UnsafeMutableRawPointer.allocate(byteCount: ordersOffset + slots * 16, alignment: 64)
        let orders = (raw + ordersOffset).bindMemory(to: UInt128.self, capacity: slots)
        orders.initialize(repeating: .max, count: slots)
        return orders
    }

    /// Sentinel order slots past the capacity: the children of the last parent reach at most three past it.
    @usableFromInline
    static var padding: Int { 4 }

    /// Bytes from the 64-byte aligned allocation to order 0, so that order 1 starts a cache line.
    @usableFromInline
    static var ordersOffset: Int { 64 - 16 }

    /// Frees what `allocateOrders(capacity:)` allocated.
    @usableFromInline
    static func deallocateOrders(_ orders: UnsafeMutablePointer<UInt128>) {
        (UnsafeMutableRawPointer(orders) - ordersOffset).deallocate()
    }

    /// Whether an entry of the current instant with order `order` can join the lane: the lane is empty or
    /// its last entry precedes `order` (so the lane stays sorted).
    @inlinable
    @inline(__always)
    func laneAccepts(_ order: UInt128) -> Bool {
        laneHead == laneCount || laneOrders[laneCount &- 1] < order
    }

    /// Appends an entry to the lane.
    ///
    /// - Precondition: `laneAccepts(order)`.
    @inlinable
    @inline(__always)
    func laneAppend(_ order: UInt128, _ event: Event) {
        if laneCount == laneCapacity { makeLaneRoom() }
        laneOrders[laneCount] = order
        (laneEvents + laneCount).initialize(to: event)
        laneCount &+= 1
    }

    /// Makes room for one more lane entry: compacts consumed slots away if that frees at least half of the
    /// lane, or grows it (so appends stay amortized O(1)).
    @usableFromInline
    func makeLaneRoom() {
        let pending = laneCount &- laneHead
        if pending <= laneCapacity / 2 {
            laneOrders.moveInitialize(from: laneOrders + laneHead, count: pending)
            laneEvents.moveInitialize(from: laneEvents + laneHead, count: pending)
            laneHead = 0
            laneCount = pending
        } else {
            reserveLane(laneCapacity &* 2)
        }
    }

    /// Grows the lane's buffers to at least `capacity` slots.
    @usableFromInline
    func reserveLane(_ capacity: Int) {
        guard capacity > laneCapacity else { return }
        let newOrders = UnsafeMutablePointer<UInt128>.allocate(capacity: capacity)
        let newEvents = UnsafeMutablePointer<Event>.allocate(capacity: capacity)
        let pending = laneCount &- laneHead
        newOrders.moveInitialize(from: laneOrders + laneHead, count: pending)
        newEvents.moveInitialize(from: laneEvents + laneHead, count: pending)
        laneOrders.deallocate()
        laneEvents.deallocate()
        laneOrders = newOrders
        laneEvents = newEvents
        laneHead = 0
        laneCount = pending
        laneCapacity = capacity
    }
}

// The buffers are reached only through a `Scheduler`, which copies them before any mutation of shared storage.
extension EventStorage: @unchecked Sendable where Event: Sendable {}
