/// An event type a simulation model handles: a small value, named in diagnostics.
///
/// Events should be plain values (an enum of cases carrying entity ids), so scheduling one allocates nothing.
public protocol SimulationEvent: Sendable, CustomStringConvertible {
    /// The entity the event concerns, if any; reported when handling the event fails.
    var entity: Int? { get }
}

/// A simulation written as a state machine driven by typed events.
///
/// The simulator pops the next event, sets the clock, and calls `handle(_:at:scheduler:)`, which updates the
/// model's state and schedules further events. No closure or existential is created per event.
///
/// A model may be non-copyable (`~Copyable`): it can then own fixed buffers outright (per-entity records,
/// `EntityQueues`) and mutate them without the copy-on-write check a growable array pays on every mutation.
public protocol SimulationModel: ~Copyable {
    /// The events this model schedules and handles.
    associatedtype Event: SimulationEvent

    /// Handles one event at simulated time `time` (equal to `scheduler.now`).
    ///
    /// Throwing stops the run: the simulator reports the event, its entity and the time with the error.
    mutating func handle(_ event: Event, at time: Double, scheduler: inout Scheduler<Event>) throws
}
