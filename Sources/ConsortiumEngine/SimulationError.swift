/// Why a simulation run stopped abnormally.
///
/// Errors carry structure (the event, the time, the cause); `description` renders them as text for the edge.
public enum SimulationError: Error, CustomStringConvertible {
    /// A handler threw while handling `event` at `time`.
    case handlerFailed(event: any SimulationEvent, time: Double, underlying: any Error)

    /// The run handled `limit` events and another one, `nextEvent` at `time`, was due.
    case eventLimitExceeded(limit: Int, time: Double, nextEvent: any SimulationEvent)

    /// A run of many trials was asked to stop (Ctrl-C) after about `trialsDone` trials; it has no result.
    case interrupted(trialsDone: Int)

    /// A one-line message naming what went wrong, the event, the entity and the simulated time.
    public var description: String {
        switch self {
        case .handlerFailed(let event, let time, let underlying):
            return "handling \(event)\(Self.entityText(event)) at t=\(time) failed: \(underlying)"
        case .eventLimitExceeded(let limit, let time, let nextEvent):
            return "event limit of \(limit) exceeded at t=\(time); next event \(nextEvent)\(Self.entityText(nextEvent))"
        case .interrupted(let trialsDone):
            return "interrupted after about \(trialsDone) trials"
        }
    }

    private static func entityText(_ event: any SimulationEvent) -> String {
        event.entity.map { " (entity \($0))" } ?? ""
    }
}

/// How a simulation run ended normally.
public enum RunOutcome: Equatable, Sendable {
    /// The next event lies after the horizon; the clock was advanced to the horizon.
    case horizonReached(at: Double)
    /// No event is pending.
    case queueExhausted(at: Double)
    /// A handler called `Scheduler.stop()`.
    case stopped(at: Double)
}
