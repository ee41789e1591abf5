/// An agency or a commercial provider: budget, growth tendency, policies, standards, designs and vehicles.
///
/// Read from one file in `Agencies/`. Money is in millions of US dollars (MUSD) unless a field
/// says otherwise; durations are in days.
public struct Agency: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case nationalAgency = "national-agency"
        case intergovernmental
        case commercial
    }

    public var id: AgencyID
    public var name: String
    public var kind: Kind
    public var country: String?
    public var description: String?
    public var sources: [SourceCitation] = []
    public var memberships: [Membership] = []
    public var budget: Budget?
    public var growth: Growth?
    public var restrictions: [Restriction] = []
    public var exportRegimes: [String] = []
    public var capabilities: [Capability] = []
    public var standards: [Standard] = []
    public var designs: [Design] = []
    public var vehicles: [Vehicle] = []
    public var location: SourceLocation

    public init(id: AgencyID, name: String, kind: Kind, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.location = location
    }
}

/// Membership of a cooperation framework (Artemis Accords, ILRS, the ISS partnership...).
public struct Membership: Sendable, Hashable {
    public var group: String
    public var since: CivilDate?
    public var provenance: Provenance

    public init(group: String, since: CivilDate?, provenance: Provenance) {
        self.group = group
        self.since = since
        self.provenance = provenance
    }
}

/// What an agency can put into exploration per fiscal year.
public struct Budget: Sendable, Hashable {
    /// One fiscal year's amount, in millions of the budget's currency.
    public struct Year: Sendable, Hashable {
        public var fiscalYear: Int
        public var amountMillions: Double
        public var location: SourceLocation

        public init(fiscalYear: Int, amountMillions: Double, location: SourceLocation) {
            self.fiscalYear = fiscalYear
            self.amountMillions = amountMillions
            self.location = location
        }
    }

    public var currency: String
    public var usdPerUnit: Double
    public var baseYear: Int
    /// The month (1-12) in which the fiscal year starts; fiscal year N starts in month M of year N-1
    /// when M > 1 (the US convention: FY2026 starts 2025-10-01).
    public var fiscalYearStartMonth: Int
    public var maxConcurrentDevelopments: Int
    public var years: [Year]
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        currency: String, usdPerUnit: Double, baseYear: Int, fiscalYearStartMonth: Int,
        maxConcurrentDevelopments: Int, years: [Year], provenance: Provenance, location: SourceLocation
    ) {
        self.currency = currency
        self.usdPerUnit = usdPerUnit
        self.baseYear = baseYear
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.maxConcurrentDevelopments = maxConcurrentDevelopments
        self.years = years
        self.provenance = provenance
        self.location = location
    }

    /// The budget of fiscal year `fy` in MUSD; years after the last listed one repeat it,
    /// years before the first repeat the first.
    public func musd(fiscalYear fy: Int) -> Double {
        guard let first = years.first else { return 0 }
        var amount = first.amountMillions
        for year in years where year.fiscalYear <= fy { amount = year.amountMillions }
        return amount * usdPerUnit
    }
}

/// Lognormal growth factors drawn once per trial for all of an agency's developments.
public struct Growth: Sendable, Hashable {
    public var costMedian: Double
    public var costP90: Double
    public var scheduleMedian: Double
    public var scheduleP90: Double
    public var provenance: Provenance
    public var location: SourceLocation

    public init(
        costMedian: Double, costP90: Double, scheduleMedian: Double, scheduleP90: Double,
        provenance: Provenance, location: SourceLocation
    ) {
        self.costMedian = costMedian
        self.costP90 = costP90
        self.scheduleMedian = scheduleMedian
        self.scheduleP90 = scheduleP90
        self.provenance = provenance
        self.location = location
    }
}

/// A party this agency may not cooperate with bilaterally (e.g. the Wolf Amendment).
public struct Restriction: Sendable, Hashable {
    public var party: Reference<AgencyTag>
    public var reason: String
    public var provenance: Provenance

    public init(party: Reference<AgencyTag>, reason: String, provenance: Provenance) {
        self.party = party
        self.reason = reason
        self.provenance = provenance
    }
}

/// What an agency could build alone: an element kind, with factors on cost and duration.
public struct Capability: Sendable, Hashable {
    public var kind: ElementKind
    public var costFactor: Double
    public var scheduleFactor: Double
    public var provenance: Provenance

    public init(kind: ElementKind, costFactor: Double, scheduleFactor: Double, provenance: Provenance) {
        self.kind = kind
        self.costFactor = costFactor
        self.scheduleFactor = scheduleFactor
        self.provenance = provenance
    }
}
