/// One mission of a campaign: its windows, launches, dockings and objectives.
public struct Mission: Sendable, Hashable {
    public enum Body: String, Sendable, CaseIterable {
        case moon, mars
    }

    public var id: MissionID
    public var name: String
    public var body: Body
    /// Missions whose infrastructure this one needs in place first.
    public var after: [Reference<MissionTag>]
    public var transitDays: Double
    public var durationDays: Double
    public var description: String?
    public var windows: LaunchWindows?
    public var launches: [Launch] = []
    public var docks: [Dock] = []
    public var objectives: [Objective] = []
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: MissionID, name: String, body: Body, after: [Reference<MissionTag>], transitDays: Double,
        durationDays: Double, provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.body = body
        self.after = after
        self.transitDays = transitDays
        self.durationDays = durationDays
        self.provenance = provenance
        self.location = location
    }
}

/// Launch opportunities: a window opens every `periodDays` from `reference` and stays open `widthDays`.
public struct LaunchWindows: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case lunar, mars
    }

    public var kind: Kind
    public var reference: CivilDate
    public var periodDays: Double
    public var widthDays: Double
    public var location: SourceLocation

    public init(kind: Kind, reference: CivilDate, periodDays: Double, widthDays: Double, location: SourceLocation) {
        self.kind = kind
        self.reference = reference
        self.periodDays = periodDays
        self.widthDays = widthDays
        self.location = location
    }
}

/// One launch: which elements ride which vehicle to which destination.
public struct Launch: Sendable, Hashable {
    public enum FailurePolicy: String, Sendable, CaseIterable {
        case rebuild, lose
    }

    public var id: LaunchID
    public var vehicle: Reference<VehicleTag>
    public var destination: Destination
    public var earliest: CivilDate?
    public var onFailure: FailurePolicy
    /// Fraction of the original duration and cost a rebuild takes.
    public var rebuildFraction: Double
    public var payload: [Reference<ElementTag>]
    /// Vehicles the payload may move to, in order of preference, when its vehicle is lost (its owner
    /// withdraws or it is retired).
    public var alternates: [Reference<VehicleTag>] = []
    /// Launches of the same mission whose payload must be in place (arrived, and docked where it docks)
    /// before this one flies: the concept of operations.
    public var afterLaunches: [Reference<LaunchTag>] = []
    /// Launches of the same mission that must be integrated and ready to fly before this one flies (a
    /// lander is not launched to wait in space before its crew's stack is ready on the ground).
    public var readyWith: [Reference<LaunchTag>] = []
    /// Days from launch to arrival at the destination; nil: the destination's default (near Earth, from
    /// the model assumptions; deep space, the mission's transit days).
    public var transitDays: Double?
    /// Tanker flights that must fill the departure stage before the payload launch flies.
    public var refuelling: Refuelling?
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: LaunchID, vehicle: Reference<VehicleTag>, destination: Destination, earliest: CivilDate?,
        onFailure: FailurePolicy, rebuildFraction: Double, payload: [Reference<ElementTag>], provenance: Provenance,
        location: SourceLocation
    ) {
        self.id = id
        self.vehicle = vehicle
        self.destination = destination
        self.earliest = earliest
        self.onFailure = onFailure
        self.rebuildFraction = rebuildFraction
        self.payload = payload
        self.provenance = provenance
        self.location = location
    }
}

/// Propellant loading before departure: `flights` successful tanker flights of `vehicle`, all within
/// `withinDays` of the first of them (boil-off), before the payload launch flies.
public struct Refuelling: Sendable, Hashable {
    public var vehicle: Reference<VehicleTag>
    public var flights: Int
    public var withinDays: Double
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        vehicle: Reference<VehicleTag>, flights: Int, withinDays: Double, provenance: Provenance,
        location: SourceLocation
    ) {
        self.vehicle = vehicle
        self.flights = flights
        self.withinDays = withinDays
        self.provenance = provenance
        self.location = location
    }
}

/// After arrival, `element` docks or berths to `target` through the interface of `contract`.
public struct Dock: Sendable, Hashable {
    public var element: Reference<ElementTag>
    public var target: Reference<ElementTag>
    public var contract: Reference<ContractTag>?
    public var location: SourceLocation

    public init(
        element: Reference<ElementTag>, target: Reference<ElementTag>, contract: Reference<ContractTag>?,
        location: SourceLocation
    ) {
        self.element = element
        self.target = target
        self.contract = contract
        self.location = location
    }
}

/// An objective: achieved when every element it needs has arrived and works.
public struct Objective: Sendable, Hashable {
    /// What follows when an element the objective needs is lost on arrival, in docking or in operation.
    public enum LossPolicy: String, Sendable, CaseIterable {
        /// The element is rebuilt and flown again on a new launch of the same vehicle.
        case rebuild
        /// The objective fails.
        case lose
    }

    public var id: ObjectiveID
    public var name: String
    public var target: CivilDate?
    public var needs: [Reference<ElementTag>]
    /// What follows the loss of a needed element (default: lose).
    public var onLoss: LossPolicy = .lose
    /// Days from the moment its last needed element is in place to the event that completes it (the
    /// crew's landing on Earth, the samples' arrival on Earth).
    public var completionDays: Double = 0
    public var location: SourceLocation

    public init(
        id: ObjectiveID, name: String, target: CivilDate?, needs: [Reference<ElementTag>], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.target = target
        self.needs = needs
        self.location = location
    }
}
