/// The kind of an element: what it is for.
public enum ElementKind: String, Sendable, CaseIterable, Hashable {
    case crewVehicle = "crew-vehicle"
    case habitat
    case serviceModule = "service-module"
    case lander
    case ascentVehicle = "ascent-vehicle"
    case rover
    case roboticArm = "robotic-arm"
    case powerPropulsion = "power-propulsion"
    case logistics
    case orbiter
    case sampleContainer = "sample-container"
    case airlock
    case communications
    case surfacePower = "surface-power"
    case sciencePayload = "science-payload"
    case returnVehicle = "return-vehicle"
}

/// What an interface carries.
public enum InterfaceFunction: String, Sendable, CaseIterable, Hashable {
    case docking, berthing, power, data, comms, avionics, robotics, thermal, eclss, rendezvous, navigation,
        mechanical
}

/// An interface standard (published, like IDSS, or a bespoke interface definition) and its revisions.
public struct Standard: Sendable, Hashable {
    public var id: StandardID
    public var name: String
    public var function: InterfaceFunction
    public var isPublished: Bool
    public var revisions: [String]
    public var owner: AgencyID
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: StandardID, name: String, function: InterfaceFunction, isPublished: Bool, revisions: [String],
        owner: AgencyID, provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.function = function
        self.isPublished = isPublished
        self.revisions = revisions
        self.owner = owner
        self.provenance = provenance
        self.location = location
    }
}

/// One interface a design provides or requires: a standard at a revision.
public struct Interface: Sendable, Hashable {
    public var standard: Reference<StandardTag>
    public var revision: String
    public var parameters: String?

    public init(standard: Reference<StandardTag>, revision: String, parameters: String?) {
        self.standard = standard
        self.revision = revision
        self.parameters = parameters
    }
}

/// One development phase of a design, with three-point duration and cost.
public struct Phase: Sendable, Hashable {
    public var name: String
    public var durationDays: ThreePoint
    public var costMUSD: ThreePoint
    public var location: SourceLocation

    public init(name: String, durationDays: ThreePoint, costMUSD: ThreePoint, location: SourceLocation) {
        self.name = name
        self.durationDays = durationDays
        self.costMUSD = costMUSD
        self.location = location
    }
}

/// An element design an agency can build.
public struct Design: Sendable, Hashable {
    public var id: DesignID
    public var name: String
    public var kind: ElementKind
    /// The agency whose catalog holds the design: it builds it.
    public var owner: AgencyID
    public var massKg: Double
    /// Probability that the element works throughout its mission.
    public var reliability: Double
    /// Fixed cost per month while in development (the standing army), MUSD.
    public var standingArmyMUSDPerMonth: Double
    /// Operations cost per year from its arrival to the campaign's end (MUSD), paid by its agency.
    public var operationsMUSDPerYear: Double = 0
    /// Cost per month while it is delivered and waits to launch (MUSD); nil: the assumptions' share of
    /// its standing army.
    public var storageMUSDPerMonth: Double?
    /// Whether the element carries a crew (a crewed launch is held on the ground until what it meets is
    /// in place; a crewed loss is a loss of crew).
    public var crewed = false
    /// How many days the element can wait at its destination before it is in place and its job there is
    /// done (crewed endurance, cryogenic boil-off, surface survival); nil when it can wait indefinitely.
    public var maxDaysInSpace: Double?
    public var prime: Reference<AgencyTag>?
    public var exportControl: String?
    public var description: String?
    public var phases: [Phase] = []
    public var provides: [Interface] = []
    public var requires: [Interface] = []
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: DesignID, name: String, kind: ElementKind, owner: AgencyID, massKg: Double, reliability: Double,
        standingArmyMUSDPerMonth: Double, provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.owner = owner
        self.massKg = massKg
        self.reliability = reliability
        self.standingArmyMUSDPerMonth = standingArmyMUSDPerMonth
        self.provenance = provenance
        self.location = location
    }

    /// Every interface the design declares, provided or required.
    public func declares(_ standard: StandardID) -> [Interface] {
        (provides + requires).filter { $0.standard.id == standard }
    }
}

/// Where a launch sends its payload.
public enum Destination: String, Sendable, CaseIterable, Hashable {
    case leo, gto, tli, nrho
    case lunarSurface = "lunar-surface"
    case tmi
}

/// A launch service: flight record, price, capacity, cadence and stand-down after failure.
public struct Vehicle: Sendable, Hashable {
    public var id: VehicleID
    public var name: String
    public var owner: AgencyID
    public var successes: Int
    public var attempts: Int
    public var priceMUSD: Double
    public var minDaysBetweenLaunches: Double
    /// The reference class (in the assumptions file) whose early flight records give the prior.
    public var referenceClass: Reference<ReferenceClassTag>
    /// The vehicle whose record also informs this one (a derivative's parent), and the weight of that record.
    public var heritage: Reference<VehicleTag>?
    public var heritageWeight: Double
    /// The numbers (1-based, in flight order) of the attempts that failed (`failed-flights`), which split the
    /// record into early and later flights; nil: the failures are spread evenly over the record.
    public var failedFlights: [Int]? = nil
    public var capacityKg: [Destination: Double]
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: VehicleID, name: String, owner: AgencyID, successes: Int, attempts: Int, priceMUSD: Double,
        minDaysBetweenLaunches: Double, referenceClass: Reference<ReferenceClassTag>,
        heritage: Reference<VehicleTag>? = nil, heritageWeight: Double = 0, capacityKg: [Destination: Double],
        provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.successes = successes
        self.attempts = attempts
        self.priceMUSD = priceMUSD
        self.minDaysBetweenLaunches = minDaysBetweenLaunches
        self.referenceClass = referenceClass
        self.heritage = heritage
        self.heritageWeight = heritageWeight
        self.capacityKg = capacityKg
        self.provenance = provenance
        self.location = location
    }
}
