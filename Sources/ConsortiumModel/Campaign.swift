/// A campaign of one or more missions, read from one file in `Missions/`.
///
/// It says which element instances each agency contributes, the interface contracts between
/// them, each mission's launches, windows and objectives, a risk register, and how common
/// costs are shared.
public struct Campaign: Sendable, Hashable {
    public enum Architecture: String, Sendable, CaseIterable {
        case leadAgency = "lead-agency"
        case twoBlocs = "two-blocs"
        case integratedBarter = "integrated-barter"
        case parallelNational = "parallel-national"
        case bilateral
        case national
    }

    public var id: CampaignID
    public var name: String
    public var lead: Reference<AgencyTag>
    public var architecture: Architecture
    public var start: CivilDate
    public var description: String?
    /// The key milestone for joint confidence: an objective's or a launch's id (`key-milestone`).
    public var keyMilestone: String?
    public var keyMilestoneLocation: SourceLocation?
    public var sources: [SourceCitation] = []
    public var costSharing: CostSharing?
    /// Programme costs per year, each paid by one agency from one event to another.
    public var fixedCosts: [FixedCost] = []
    /// The funding line each agency puts into the campaign (at most one per agency; an agency without one
    /// is unconstrained).
    public var funding: [FundingLine] = []
    public var elements: [ElementInstance] = []
    public var contracts: [Contract] = []
    public var missions: [Mission] = []
    public var risks: [Risk] = []
    /// Programmatic hazards: a partner's exit, the campaign's cancellation, a vehicle's retirement.
    public var hazards: [Hazard] = []
    /// What is known on a status date (the actuals trials start from), when the file gives one.
    public var status: CampaignStatus?
    /// Changes to the library's model assumptions for this campaign (`<assume .../>`).
    public var assumptions: [AssumptionOverride] = []
    public var location: SourceLocation

    public init(
        id: CampaignID, name: String, lead: Reference<AgencyTag>, architecture: Architecture, start: CivilDate,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.lead = lead
        self.architecture = architecture
        self.start = start
        self.location = location
    }
}

/// How common costs are split between agencies.
public struct CostSharing: Sendable, Hashable {
    public enum Policy: String, Sendable, CaseIterable {
        case whoBuildsPays = "who-builds-pays"
        case fixedShares = "fixed-shares"
        case equal
    }

    public struct Share: Sendable, Hashable {
        public var agency: Reference<AgencyTag>
        public var percent: Double
        public var location: SourceLocation

        public init(agency: Reference<AgencyTag>, percent: Double, location: SourceLocation) {
            self.agency = agency
            self.percent = percent
            self.location = location
        }
    }

    /// A cost shared by the partners (operations of common infrastructure), per year over a period.
    public struct CommonCost: Sendable, Hashable {
        public var id: String
        public var name: String
        public var musdPerYear: Double
        public var from: CostEvent
        public var to: CostEvent
        public var provenance: Provenance
        public var location: SourceLocation

        public init(
            id: String, name: String, musdPerYear: Double, from: CostEvent, to: CostEvent, provenance: Provenance,
            location: SourceLocation
        ) {
            self.id = id
            self.name = name
            self.musdPerYear = musdPerYear
            self.from = from
            self.to = to
            self.provenance = provenance
            self.location = location
        }
    }

    public var policy: Policy
    public var shares: [Share]
    public var commonCosts: [CommonCost]
    public var location: SourceLocation

    public init(policy: Policy, shares: [Share], commonCosts: [CommonCost], location: SourceLocation) {
        self.policy = policy
        self.shares = shares
        self.commonCosts = commonCosts
        self.location = location
    }
}

/// One element built for the campaign: a design, the agency that contributes and pays for it.
public struct ElementInstance: Sendable, Hashable {
    /// How the agency buys the element from its builder.
    public enum Pricing: String, Sendable, CaseIterable {
        /// The agency pays what it costs: the builder's cost growth is the agency's.
        case costPlus = "cost-plus"
        /// The builder absorbs cost growth up to a share of the price (`fixed-price-overrun-absorbed`).
        case fixedPrice = "fixed-price"
    }

    public var id: ElementID
    public var design: Reference<DesignTag>
    public var agency: Reference<AgencyTag>
    public var start: CivilDate
    /// Fraction of the development already done at `start`, or at the campaign's status date when it has
    /// one and the element started before it.
    public var progress: Double
    public var pricing: Pricing = .costPlus
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: ElementID, design: Reference<DesignTag>, agency: Reference<AgencyTag>, start: CivilDate, progress: Double,
        provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.design = design
        self.agency = agency
        self.start = start
        self.progress = progress
        self.provenance = provenance
        self.location = location
    }
}

/// An interface contract: `provider` delivers `element` to `consumer` for integration with `counterpart`.
public struct Contract: Sendable, Hashable {
    /// What the provider receives in return.
    public struct Return: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable {
            case crewSeat = "crew-seat"
            case flight
            case cash
            case commonCostOffset = "common-cost-offset"
            case surfaceAccess = "surface-access"
            case data
        }

        public var kind: Kind
        public var count: Int
        public var valueMUSD: Double
        public var note: String?
        public var provenance: Provenance

        public init(kind: Kind, count: Int, valueMUSD: Double, note: String?, provenance: Provenance) {
            self.kind = kind
            self.count = count
            self.valueMUSD = valueMUSD
            self.note = note
            self.provenance = provenance
        }
    }

    public var id: ContractID
    public var provider: Reference<AgencyTag>
    public var consumer: Reference<AgencyTag>
    public var element: Reference<ElementTag>
    public var counterpart: Reference<ElementTag>
    public var standard: Reference<StandardTag>
    public var revision: String
    public var needBy: CivilDate
    public var verificationDays: Double
    public var penaltyMUSDPerMonth: Double
    public var returns: [Return]
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        id: ContractID, provider: Reference<AgencyTag>, consumer: Reference<AgencyTag>,
        element: Reference<ElementTag>, counterpart: Reference<ElementTag>, standard: Reference<StandardTag>,
        revision: String, needBy: CivilDate, verificationDays: Double, penaltyMUSDPerMonth: Double,
        returns: [Return], provenance: Provenance, location: SourceLocation
    ) {
        self.id = id
        self.provider = provider
        self.consumer = consumer
        self.element = element
        self.counterpart = counterpart
        self.standard = standard
        self.revision = revision
        self.needBy = needBy
        self.verificationDays = verificationDays
        self.penaltyMUSDPerMonth = penaltyMUSDPerMonth
        self.returns = returns
        self.provenance = provenance
        self.location = location
    }
}

/// A discrete risk from the register: with `probability` per trial it strikes an element.
public struct Risk: Sendable, Hashable {
    public var id: RiskID
    public var element: Reference<ElementTag>
    public var phase: String?
    public var probability: Double
    public var impactDays: Double
    public var impactMUSD: Double
    public var description: String?
    public var location: SourceLocation

    public init(
        id: RiskID, element: Reference<ElementTag>, phase: String?, probability: Double, impactDays: Double,
        impactMUSD: Double, description: String?, location: SourceLocation
    ) {
        self.id = id
        self.element = element
        self.phase = phase
        self.probability = probability
        self.impactDays = impactDays
        self.impactMUSD = impactMUSD
        self.description = description
        self.location = location
    }
}

/// A programmatic hazard: an event that ends part or all of a campaign early, at a yearly rate.
///
/// Each trial draws the hazard's time from an exponential distribution with the yearly rate (a
/// constant hazard); when it comes before the horizon, it is played as a withdrawal, a cancellation or a
/// vehicle's retirement.
public struct Hazard: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `agency` leaves the campaign; its unfinished work passes to `taker`, or is lost.
        case partnerExit = "partner-exit"
        /// The whole campaign is cancelled: every unfinished element and objective ends.
        case cancellation
        /// `vehicle` stops flying; its launches move to their alternates, or are lost.
        case vehicleRetirement = "vehicle-retirement"
    }

    public var kind: Kind
    public var perYear: Double
    public var agency: Reference<AgencyTag>?
    public var taker: Reference<AgencyTag>?
    public var vehicle: Reference<VehicleTag>?
    /// Days before the taker resumes a leaving partner's unfinished work.
    public var transferDays: Double
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        kind: Kind, perYear: Double, agency: Reference<AgencyTag>?, taker: Reference<AgencyTag>?,
        vehicle: Reference<VehicleTag>?, transferDays: Double, provenance: Provenance, location: SourceLocation
    ) {
        self.kind = kind
        self.perYear = perYear
        self.agency = agency
        self.taker = taker
        self.vehicle = vehicle
        self.transferDays = transferDays
        self.provenance = provenance
        self.location = location
    }

    /// A short name for reports and traces: "partner-exit roscosmos", "cancellation".
    public var label: String {
        switch kind {
        case .partnerExit: "partner-exit \(agency?.id.rawValue ?? "?")"
        case .cancellation: "cancellation"
        case .vehicleRetirement: "vehicle-retirement \(vehicle?.id.rawValue ?? "?")"
        }
    }
}
