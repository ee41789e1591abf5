/// Runs a `SimulationModel` over a `Scheduler`: pops events in order, sets the clock, calls the handler.
///
/// The simulator owns the model and the queue as plain stored values, so the run loop is specialized for the
/// model's event type and makes no dynamic calls. Two guards stop a run that went wrong: an event-count limit
/// (an error) and a horizon (a normal outcome). Like its scheduler, a simulator is non-copyable; its model may
/// be either.
///
/// ```swift
/// var simulator = Simulator(model: Queueing(), eventLimit: 10_000_000)
/// simulator.scheduler.schedule(.arrival(0), at: 0)
/// let outcome = try simulator.run(until: 1_000)
/// ```
public struct Simulator<Model: SimulationModel & ~Copyable>: ~Copyable {
    /// The model's state.
    public var model: Model

    /// The event queue and clock.
    public var scheduler: Scheduler<Model.Event>

    /// The most events one simulator handles before `run` or `step` throws `eventLimitExceeded`.
    public var eventLimit: Int

    /// The number of events handled since creation or the last `reset`.
    @inlinable
    public var eventsHandled: Int { handledCount }

    /// Stored state behind `eventsHandled`.
    @usableFromInline
    var handledCount: Int

    /// Creates a simulator with an empty queue and the clock at zero.
    ///
    /// - Parameters:
    ///   - model: The model's initial state.
    ///   - eventLimit: The event-count guard; `Int.max` disables it.
    ///   - capacity: Storage reserved for pending events.
    public init(model: consuming Model, eventLimit: Int = .max, capacity: Int = 0) {
        self.model = model
        self.scheduler = Scheduler(capacity: capacity)
        self.eventLimit = eventLimit
        self.handledCount = 0
    }

    /// The current simulated time.
    @inlinable
    public var now: Double { scheduler.now }

    /// Handles the next event, if any.
    ///
    /// - Returns: `false` if no event was pending.
    /// - Throws: `SimulationError` if the handler throws or the event limit is reached.
    /// - Complexity: O(log n) plus the handler's cost.
    @inlinable
    @discardableResult
    public mutating func step() throws(SimulationError) -> Bool {
        try handleNext(notAfter: .infinity)
    }

    /// Handles events in order until the horizon, a stop request, or an empty queue.
    ///
    /// Events at exactly `horizon` are handled. When the next event lies after the horizon, the clock is
    /// advanced to the horizon and `.horizonReached` is returned: reaching the horizon is a normal outcome.
    /// - Throws: `SimulationError.eventLimitExceeded` when the event limit would be passed, or
    ///   `.handlerFailed` naming the event, its entity and the time when a handler throws.
    /// - Complexity: O(k log n) for k handled events, plus the handlers' cost.
    @inlinable
    public mutating func run(until horizon: Double = .infinity) throws(SimulationError) -> RunOutcome {
        scheduler.stopRequested = false
        while try handleNext(notAfter: horizon) {
            if scheduler.stopRequested {
                scheduler.stopRequested = false
                return .stopped(at: scheduler.now)
            }
        }
        if scheduler.isEmpty { return .queueExhausted(at: scheduler.now) }
        if scheduler.now < horizon { scheduler._now = horizon }
        return .horizonReached(at: scheduler.now)
    }

    /// Empties the queue, sets the clock to zero and the event count to zero, keeping storage.
    ///
    /// The model is left as it is; reset its state separately.
    public mutating func reset() {
        scheduler.reset()
        handledCount = 0
    }

    /// Pops and handles one event not after `limit`; returns `false` if there is none.
    @inlinable
    @inline(__always)
    mutating func handleNext(notAfter limit: Double) throws(SimulationError) -> Bool {
        if handledCount >= eventLimit, let next = scheduler.peek(), next.time <= limit {
            throw .eventLimitExceeded(limit: eventLimit, time: next.time, nextEvent: next.event)
        }
        guard let next = scheduler.popNext(notAfter: limit) else { return false }
        handledCount &+= 1
        do {
            try model.handle(next.event, at: next.time, scheduler: &scheduler)
        } catch {
            throw .handlerFailed(event: next.event, time: next.time, underlying: error)
        }
        return true
    }
}

extension Simulator: Sendable where Model: Sendable & ~Copyable {}
