/// The rank of an event among the events scheduled for the same instant; lower values are handled first.
///
/// Events are ordered by `(time, priority, sequence)`. Two priorities are predefined, mirroring SimPy's
/// `URGENT` and `NORMAL`; any other raw value may be used for finer ranking.
public struct EventPriority: RawRepresentable, Hashable, Comparable, Sendable {
    /// The raw rank; 0 is handled first.
    public var rawValue: UInt8

    /// Creates a priority from its raw rank.
    @inlinable
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Handled before every `normal` event of the same instant (SimPy's `URGENT`).
    @inlinable
    public static var urgent: EventPriority { EventPriority(rawValue: 0) }

    /// The default priority (SimPy's `NORMAL`).
    @inlinable
    public static var normal: EventPriority { EventPriority(rawValue: 1) }

    @inlinable
    public static func < (lhs: EventPriority, rhs: EventPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A ticket naming one scheduled event, used to cancel it.
///
/// The handle is the event's insertion sequence number, which is unique within a run of a scheduler
/// (until `reset()`).
public struct EventHandle: Hashable, Sendable {
    /// The insertion sequence number of the event.
    public let sequence: UInt64

    @inlinable
    init(sequence: UInt64) { self.sequence = sequence }
}

/// One entry of the event queue: when, in which rank, and what.
public struct ScheduledEvent<Event> {
    /// The simulated time at which the event is handled.
    public let time: Double

    /// Priority in the top 8 bits, insertion sequence in the low 56 bits; compared as one integer.
    @usableFromInline
    let key: UInt64

    /// The event itself.
    public let event: Event

    @inlinable
    init(time: Double, key: UInt64, event: Event) {
        self.time = time
        self.key = key
        self.event = event
    }

    /// The rank of the event among the events of its instant.
    @inlinable
    public var priority: EventPriority { EventPriority(rawValue: UInt8(truncatingIfNeeded: key >> 56)) }

    /// The handle that names this event.
    @inlinable
    public var handle: EventHandle { EventHandle(sequence: key & ScheduledEvent.sequenceMask) }

    /// Mask of the insertion-sequence bits of `key`.
    @usableFromInline
    static var sequenceMask: UInt64 { (1 << 56) - 1 }

    /// The entry of a pending event due at `time`.
    @inlinable
    init(time: Double, entry: QueueEntry<Event>) {
        self.init(time: time, key: entry.key, event: entry.event)
    }
}

extension ScheduledEvent: Sendable where Event: Sendable {}
