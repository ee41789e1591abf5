/// The event queue and virtual clock of a discrete-event simulation.
///
/// Events are handled in `(time, priority, insertion sequence)` order, so events of the same instant run in a
/// fully determined order: by priority, then in the order they were scheduled (SimPy's `eid`, NIO's task id).
///
/// Each pending event's place in that order is one 128-bit integer (`EventOrder`). Storage is a 4-ary min-heap
/// kept as two parallel buffers, the orders and the events (`EventStorage`), plus a *same-instant lane*: an
/// event scheduled for the current instant whose order is above the lane's last is appended to a FIFO instead
/// of the heap.
/// The lane is always sorted, and `popNext()` takes the smaller of the lane head and the heap top, so the order
/// is exactly the heap order while zero-delay events (grants, releases, signals) cost O(1).
///
/// Popping from the heap is lazy: `popNext()` hands out the top and only marks it consumed. If the handler then
/// schedules an event for a later instant (a process holding for a while: the common case), the new event
/// *replaces* the consumed top with one (bottom-up) sift-down, instead of a sift-down to remove the top and a
/// sift-up to add the new event. Otherwise the top is removed before the next pop. The order of events is
/// unchanged.
///
/// `reset()` empties the queue but keeps its capacity, so a Monte Carlo loop reuses storage across trials and
/// the steady state allocates nothing per event.
///
/// A scheduler is *non-copyable*: it owns its pending events, as a file descriptor owns its file, so a copy is
/// never made by accident (`copy()` makes one on purpose). Owning its storage outright, it needs no
/// copy-on-write check on each operation (with copy-on-write, the two uniqueness checks per event, runtime
/// calls, were 8 % of the campaign benchmark's time).
public struct Scheduler<Event>: ~Copyable {
    /// The current simulated time; set to an event's time before the event is handled.
    @usableFromInline
    var _now: Double

    /// The heap and the lane (see `EventStorage`), owned by this scheduler alone.
    @usableFromInline
    var storage: EventStorage<Event>

    /// Whether the heap's top was already handed out by `popNext()` and awaits replacement or removal.
    @usableFromInline
    var heapTopConsumed: Bool

    /// The insertion sequence number given to the next scheduled event.
    @usableFromInline
    var nextSequence: UInt64

    /// Set by `stop()`; read and cleared by the simulator's run loop.
    @usableFromInline
    var stopRequested: Bool

    /// Creates an empty queue with the clock at `start`.
    ///
    /// - Parameters:
    ///   - start: The initial simulated time.
    ///   - capacity: Storage reserved up front for pending events.
    public init(start: Double = 0, capacity: Int = 0) {
        _now = start
        storage = EventStorage(capacity: capacity)
        heapTopConsumed = false
        nextSequence = 0
        stopRequested = false
    }

    /// The current simulated time.
    @inlinable
    public var now: Double { _now }

    /// The number of pending events.
    @inlinable
    public var count: Int { heapCount + storage.laneCount - storage.laneHead }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { heapCount == 0 && storage.laneHead == storage.laneCount }

    /// Asks the running simulator to return after the event being handled.
    @inlinable
    public mutating func stop() { stopRequested = true }

    /// Schedules `event` at the absolute time `time`.
    ///
    /// - Precondition: `time` is not before `now` (and is not NaN).
    /// - Returns: A handle that can cancel the event.
    /// - Complexity: O(1) for an event of the current instant, O(log n) otherwise.
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) -> EventHandle {
        precondition(time >= _now, "cannot schedule an event at \(time): the clock is already at \(_now)")
        let sequence = nextSequence
        nextSequence &+= 1
        let order = EventOrder.make(time: time, key: UInt64(priority.rawValue) << 56 | sequence)
        if time == _now && storage.laneAccepts(order) {
            storage.laneAppend(order, event)
        } else {
            heapInsert(order, event)
        }
        #if CONSORTIUM_INVARIANTS
            checkInvariants()
        #endif
        return EventHandle(sequence: sequence)
    }

    /// Adds an entry to the heap: in place of a consumed top (one sift-down), or as a new entry.
    ///
    /// Kept out of line, so that `schedule` inlines to the lane's few stores for a zero-delay event.
    @inlinable
    @inline(never)
    mutating func heapInsert(_ order: UInt128, _ event: Event) {
        if heapTopConsumed {
            heapTopConsumed = false
            storage.replaceTop(order, event)
        } else {
            storage.push(order, event)
        }
    }

    /// Schedules `event` after `delay` units of simulated time.
    ///
    /// The event time is computed as `now + delay`, exactly as SimPy does.
    /// - Precondition: `delay` is not negative.
    /// - Complexity: O(1) for a zero delay, O(log n) otherwise.
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func schedule(
        _ event: Event, after delay: Double, priority: EventPriority = .normal
    ) -> EventHandle {
        precondition(delay >= 0, "negative delay \(delay)")
        return schedule(event, at: _now + delay, priority: priority)
    }

    /// The next event to be handled, without removing it.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func peek() -> ScheduledEvent<Event>? {
        let top = heapMinimumIndex()
        if laneGoesFirst(heapTop: top) {
            return ScheduledEvent(
                order: storage.laneOrders[storage.laneHead], event: storage.laneEvents[storage.laneHead])
        }
        guard let top else { return nil }
        return ScheduledEvent(order: storage.orders[top], event: storage.events[top])
    }

    /// Whether the lane's head is handled before the heap's smallest pending entry, at index `heapTop`.
    @inlinable
    func laneGoesFirst(heapTop: Int?) -> Bool {
        guard storage.laneHead < storage.laneCount else { return false }
        guard let heapTop else { return true }
        return storage.laneOrders[storage.laneHead] < storage.orders[heapTop]
    }

    /// Removes the next event if its time is not after `limit`, and advances the clock to its time.
    ///
    /// The clock is set *before* the caller handles the event, so a handler always sees `now == time`.
    /// - Complexity: O(1) for an event of the lane, O(log n) for an event of the heap.
    @inlinable
    public mutating func popNext(notAfter limit: Double = .infinity) -> ScheduledEvent<Event>? {
        if heapTopConsumed {
            heapTopConsumed = false
            storage.remove(at: 0)
        }
        let next: ScheduledEvent<Event>
        if laneGoesFirst(heapTop: storage.heapCount == 0 ? nil : 0) {
            guard _now <= limit else { return nil }
            next = ScheduledEvent(
                order: storage.laneOrders[storage.laneHead], event: (storage.laneEvents + storage.laneHead).move())
            storage.laneHead &+= 1
        } else {
            guard storage.heapCount > 0, EventOrder.time(storage.orders[0]) <= limit else { return nil }
            next = ScheduledEvent(order: storage.orders[0], event: storage.events[0])
            heapTopConsumed = true
        }
        _now = next.time
        #if CONSORTIUM_INVARIANTS
            checkInvariants()
        #endif
        return next
    }

    /// Cancels a pending event.
    ///
    /// Cancellation is rare in the models this kernel serves, so the queue keeps no index from handle to slot:
    /// the hot path pays nothing and the answer is exact.
    /// - Returns: `true` if the event was pending and is now removed; `false` if it already ran or was cancelled.
    /// - Complexity: O(n) to find the event, then O(log n) to restore heap order.
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        defer {
            #if CONSORTIUM_INVARIANTS
                checkInvariants()
            #endif
        }
        if heapTopConsumed {
            heapTopConsumed = false
            storage.remove(at: 0)
        }
        let mask = ScheduledEvent<Event>.sequenceMask
        if let index = (storage.laneHead..<storage.laneCount).first(where: {
            EventOrder.key(storage.laneOrders[$0]) & mask == handle.sequence
        }) {
            let after = storage.laneCount &- index &- 1
            (storage.laneEvents + index).deinitialize(count: 1)
            (storage.laneOrders + index).moveInitialize(from: storage.laneOrders + index + 1, count: after)
            (storage.laneEvents + index).moveInitialize(from: storage.laneEvents + index + 1, count: after)
            storage.laneCount &-= 1
            return true
        }
        guard
            let index = (0..<storage.heapCount).first(where: {
                EventOrder.key(storage.orders[$0]) & mask == handle.sequence
            })
        else { return false }
        storage.remove(at: index)
        return true
    }

    /// Empties the queue and sets the clock to `start`, keeping storage for reuse.
    ///
    /// - Complexity: O(n) for non-trivial event types, O(1) otherwise.
    public mutating func reset(start: Double = 0) {
        storage.removeAll()
        heapTopConsumed = false
        nextSequence = 0
        stopRequested = false
        _now = start
    }

    /// The number of entries in the heap, not counting a consumed top.
    @inlinable
    var heapCount: Int { storage.heapCount &- (heapTopConsumed ? 1 : 0) }

    /// The index of the smallest heap entry not yet consumed, or `nil` if there is none.
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

    /// A scheduler with the same clock, pending events and sequence counter, and storage of its own.
    ///
    /// - Complexity: O(n).
    public func copy() -> Scheduler {
        Scheduler(
            now: _now, storage: storage.copy(), heapTopConsumed: heapTopConsumed, nextSequence: nextSequence,
            stopRequested: stopRequested)
    }

    /// A scheduler made of the given parts (for `copy()`).
    init(now: Double, storage: EventStorage<Event>, heapTopConsumed: Bool, nextSequence: UInt64, stopRequested: Bool) {
        _now = now
        self.storage = storage
        self.heapTopConsumed = heapTopConsumed
        self.nextSequence = nextSequence
        self.stopRequested = stopRequested
    }
}

extension Scheduler: Sendable where Event: Sendable {}
