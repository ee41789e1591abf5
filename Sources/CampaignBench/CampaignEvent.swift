public import ConsortiumEngine

/// The events of the campaign model, one case per kind of event SimPy processes in the peer model.
///
/// The mapping is one to one, so the number of events handled equals SimPy's count of processed events, and
/// events are created in the same order, so ties at an instant resolve as in SimPy.
public enum CampaignEvent: SimulationEvent, Equatable {
    /// An element's process starts (SimPy's `Initialize`, urgent, at day 0).
    case elementStarted(Int32)
    /// The window process starts (`Initialize`).
    case windowsStarted
    /// An element's slot request is granted (the `Request` event).
    case slotGranted(Int32)
    /// An element's development or rebuild hold ends (a `Timeout`).
    case holdEnded(Int32)
    /// An agency's released slot can be handed over (the `Release` event).
    case slotReleased(agency: Int32)
    /// An element's first development is complete (`delivered[i].succeed()`).
    case delivered(Int32)
    /// An element's 30-day integration ends (a `Timeout`).
    case integrated(Int32)
    /// The window process wakes at a multiple of the window period (a `Timeout`).
    case windowTick
    /// The window that just ticked opens for every element waiting on it (`window.succeed()`).
    case windowOpened
    /// An element's process ends after its launch (the `Process` event).
    case elementFinished(Int32)
    /// The last element launched (`all_done.succeed()`).
    case allLaunched
    /// The horizon timeout.
    case horizon
    /// The stop condition (`any_of([all_done, horizon])`) is processed; the run ends.
    case stop

    /// The element (or, for a release, the agency) the event concerns.
    public var entity: Int? {
        switch self {
        case .elementStarted(let id), .slotGranted(let id), .holdEnded(let id), .delivered(let id),
            .integrated(let id), .elementFinished(let id), .slotReleased(let id):
            return Int(id)
        case .windowsStarted, .windowTick, .windowOpened, .allLaunched, .horizon, .stop:
            return nil
        }
    }

    /// The case name and its id.
    public var description: String {
        switch self {
        case .elementStarted(let id): return "elementStarted(\(id))"
        case .windowsStarted: return "windowsStarted"
        case .slotGranted(let id): return "slotGranted(\(id))"
        case .holdEnded(let id): return "holdEnded(\(id))"
        case .slotReleased(let agency): return "slotReleased(agency: \(agency))"
        case .delivered(let id): return "delivered(\(id))"
        case .integrated(let id): return "integrated(\(id))"
        case .windowTick: return "windowTick"
        case .windowOpened: return "windowOpened"
        case .elementFinished(let id): return "elementFinished(\(id))"
        case .allLaunched: return "allLaunched"
        case .horizon: return "horizon"
        case .stop: return "stop"
        }
    }
}
