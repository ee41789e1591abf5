/// The event queue and virtual clock of a discrete-event simulation.
///
/// Events are handled in `(time, priority, insertion sequence)` order, so events of the same instant run in a
/// fully determined order: by priority, then in the order they were scheduled (SimPy's `eid`, NIO's task id).
///
/// Storage is in two parts (`EventStorage`): a 4-ary min-heap of the events of later instants, ordered by time
/// alone (one 64-bit compare per choice), and the *lane*: the events of the current instant, kept sorted by
/// priority and sequence. An event scheduled for the current instant joins the lane, in O(1) when it ranks
/// after the lane's last (always, at equal priority), so zero-delay events (grants, releases, signals) never
/// touch the heap. When the lane is empty, the next instant is the heap's top: if the top has no other event
/// of its time (the common case, seen in one comparison with its four children) it is handed out directly;
/// otherwise every event of that instant moves from the heap to the lane, which sorts them by key.
///
/// Popping from the heap is lazy: `popNext()` hands out the top and only marks it consumed. If the handler then
/// schedules an event for a later instant (a process holding for a while: the common case), the new event
/// *replaces* the consumed top with one (bottom-up) sift-down, instead of a sift-down to remove the top and a
/// sift-up to add the new event. Otherwise the top is removed before the next pop.
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

    /// With a consumed top, the index of its smallest child (chosen by `popNext`, used by `replaceTop`).
    @usableFromInline
    var consumedTopChild: Int

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
        precondition(!start.isNaN, "the clock cannot start at NaN")
        _now = start + 0.0  // -0 becomes +0, as in time keys
        storage = EventStorage(capacity: capacity)
        heapTopConsumed = false
        consumedTopChild = 0
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
    /// - Complexity: O(1) for an event of the current instant (ranked after the instant's last, as every
    ///   event of equal priority is), O(log n) otherwise.
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) -> EventHandle {
        precondition(time >= _now, "cannot schedule an event at \(time): the clock is already at \(_now)")
        let sequence = nextSequence
        nextSequence &+= 1
        let entry = QueueEntry(key: UInt64(priority.rawValue) << 56 | sequence, event)
        // The heap operations stay out of line, so that a zero-delay event costs the lane's few stores.
        if time == _now {
            storage.laneInsert(entry)
        } else if heapTopConsumed {
            heapTopConsumed = false
            storage.replaceTop(TimeKey.make(time), entry, smallestChild: consumedTopChild)
        } else {
            storage.push(TimeKey.make(time), entry)
        }
        #if CONSORTIUM_INVARIANTS
            checkInvariants()
        #endif
        return EventHandle(sequence: sequence)
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
    /// - Complexity: O(1), or O(k) when k events share the next instant and none has been handled yet.
    @inlinable
    public func peek() -> ScheduledEvent<Event>? {
        if storage.laneHead != storage.laneCount {
            return ScheduledEvent(time: _now, entry: storage.lane[storage.laneHead])
        }
        guard let index = heapMinimumIndex() else { return nil }
        return ScheduledEvent(time: TimeKey.time(storage.times[index]), entry: storage.entry(at: index).pointee)
    }

    /// Removes the next event if its time is not after `limit`, and advances the clock to its time.
    ///
    /// The clock is set *before* the caller handles the event, so a handler always sees `now == time`.
    /// - Complexity: O(1) for an event of the lane, O(log n) for an event of the heap; O(k log n) when the
    ///   next instant's k events move from the heap to the lane.
    @inlinable
    @inline(__always)
    public mutating func popNext(notAfter limit: Double = .infinity) -> ScheduledEvent<Event>? {
        if heapTopConsumed {
            heapTopConsumed = false
            storage.take(at: 0)
        }
        if storage.laneHead != storage.laneCount {
            guard _now <= limit else { return nil }
            return popLane()
        }
        guard storage.heapCount > 0 else { return nil }
        let top = storage.times[0]
        let time = TimeKey.time(top)
        guard time <= limit else { return nil }
        _now = time
        // The top's smallest child: if it is due at the same time, the instant has several events and the heap
        // holds them in no particular order; else it is where the replacing entry's sift-down begins.
        let child = EventStorage<Event>.smallestChild(storage.times, first: 1)
        if child.time == top {
            storage.openInstant(top)
            return popLane()
        }
        heapTopConsumed = true
        consumedTopChild = child.index
        #if CONSORTIUM_INVARIANTS
            checkInvariants()
        #endif
        return ScheduledEvent(time: time, entry: storage.entry(at: 0).pointee)
    }

    /// Removes and returns the lane's first entry.
    ///
    /// - Precondition: The lane is not empty.
    @inlinable
    @inline(__always)
    mutating func popLane() -> ScheduledEvent<Event> {
        let entry = (storage.lane + storage.laneHead).move()
        storage.laneHead &+= 1
        #if CONSORTIUM_INVARIANTS
            checkInvariants()
        #endif
        return ScheduledEvent(time: _now, entry: entry)
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
            storage.take(at: 0)
        }
        let mask = ScheduledEvent<Event>.sequenceMask
        let queue = storage
        let lane = queue.lane
        if let index = (queue.laneHead..<queue.laneCount).first(where: { lane[$0].key & mask == handle.sequence }) {
            (lane + index).deinitialize(count: 1)
            (lane + index).moveInitialize(from: lane + index + 1, count: queue.laneCount &- index &- 1)
            queue.laneCount &-= 1
            return true
        }
        let inHeap = (0..<queue.heapCount).first { queue.entry(at: $0).pointee.key & mask == handle.sequence }
        guard let index = inHeap else { return false }
        queue.take(at: index)
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
        precondition(!start.isNaN, "the clock cannot start at NaN")
        _now = start + 0.0  // -0 becomes +0, as in time keys
    }

    /// The number of entries in the heap, not counting a consumed top.
    @inlinable
    var heapCount: Int { storage.heapCount &- (heapTopConsumed ? 1 : 0) }

    /// The index of the heap's next entry: the smallest key among the entries of the earliest time, not
    /// counting a consumed top; `nil` if there is none.
    ///
    /// The entries of the earliest time hang from the top as one subtree (each one's parent is due no later,
    /// so at the same time, or is the consumed top), which is searched when the top has a twin or is consumed.
    /// - Complexity: O(1) without ties, O(k) for k entries sharing the earliest time.
    @inlinable
    func heapMinimumIndex() -> Int? {
        let times = storage.times
        let smallestChild = EventStorage<Event>.smallestChild(times, first: 1).time
        if !heapTopConsumed {
            guard storage.heapCount > 0 else { return nil }
            if smallestChild != times[0] { return 0 }
        }
        let earliest = heapTopConsumed ? smallestChild : times[0]
        guard earliest != .max else { return nil }
        var best: Int?
        var pending = [0]
        while let node = pending.popLast() {
            if node != 0 || !heapTopConsumed {
                guard times[node] == earliest else { continue }
                if best.map({ storage.entry(at: node).pointee.key < storage.entry(at: $0).pointee.key }) ?? true {
                    best = node
                }
            }
            let first = node &* 4 &+ 1
            if first < storage.heapCount {
                pending.append(contentsOf: first..<Swift.min(first &+ 4, storage.heapCount))
            }
        }
        return best
    }

    /// A scheduler with the same clock, pending events and sequence counter, and storage of its own.
    ///
    /// - Complexity: O(n).
    public func copy() -> Scheduler {
        Scheduler(
            now: _now, storage: storage.copy(), heapTopConsumed: heapTopConsumed, consumedTopChild: consumedTopChild,
            nextSequence: nextSequence,
            stopRequested: stopRequested)
    }

    /// A scheduler made of the given parts (for `copy()`).
    init(
        now: Double, storage: EventStorage<Event>, heapTopConsumed: Bool, consumedTopChild: Int, nextSequence: UInt64,
        stopRequested: Bool
    ) {
        _now = now
        self.storage = storage
        self.heapTopConsumed = heapTopConsumed
        self.consumedTopChild = consumedTopChild
        self.nextSequence = nextSequence
        self.stopRequested = stopRequested
    }
}

extension Scheduler: Sendable where Event: Sendable {}
