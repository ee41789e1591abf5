/// When a running cost (a fixed programme cost, a common cost) starts or stops, written in a campaign
/// file as `start`, `end`, `launch:ID`, `arrival:ID` or a date `YYYY-MM-DD`.
///
/// Programme costs start and end with events, not with calendar dates fixed in the file: SLS sustaining
/// runs until its last flight, whenever that is; Gateway operations start when it arrives.
public enum CostEvent: Sendable, Hashable, CustomStringConvertible {
    /// The campaign's start (a cost is never booked before its status date).
    case start
    /// The campaign's end: its last mission's end (its last arrival plus its duration), its cancellation,
    /// or the horizon.
    case end
    case date(CivilDate)
    /// As a start: the launch's first attempt. As a stop: the end of its flight (its payload's arrival), or
    /// its being given up.
    case launch(Reference<LaunchTag>)
    /// The element is in place at its destination.
    case arrival(Reference<ElementTag>)

    /// Parses the file's text, with `location` for the references; nil when the text is none of the forms.
    public init?(text: String, at location: SourceLocation) {
        switch text {
        case "start": self = .start
        case "end": self = .end
        default:
            if text.hasPrefix("launch:") {
                self = .launch(Reference(Identifier(String(text.dropFirst(7))), at: location))
            } else if text.hasPrefix("arrival:") {
                self = .arrival(Reference(Identifier(String(text.dropFirst(8))), at: location))
            } else if let date = CivilDate(iso: text) {
                self = .date(date)
            } else {
                return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .start: "start"
        case .end: "end"
        case .date(let date): date.description
        case .launch(let launch): "launch:\(launch.id)"
        case .arrival(let element): "arrival:\(element.id)"
        }
    }
}

/// A programme's fixed cost per year, paid by one agency while the programme runs (SLS, Orion and ground
/// systems sustaining; a programme office), from one event to another (NASA Cost Estimating Handbook:
/// the time-dependent costs of a programme run for as long as it does).
public struct FixedCost: Sendable, Hashable {
    public var id: String
    public var name: String
    public var agency: Reference<AgencyTag>
    public var musdPerYear: Double
    public var from: CostEvent
    public var until: CostEvent
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: String, name: String, agency: Reference<AgencyTag>, musdPerYear: Double, from: CostEvent,
        until: CostEvent, provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.agency = agency
        self.musdPerYear = musdPerYear
        self.from = from
        self.until = until
        self.provenance = provenance
        self.location = location
    }
}
