/// What is known of a campaign on a status date: the actuals that trials take as given.
///
/// Trials start from `date`; nothing before it is drawn at random. Elements delivered are delivered,
/// phases done are done, launches flown are flown with their stated date and outcome, payloads that
/// arrived are in place, objectives achieved are achieved, and money spent is booked as sunk cost.
public struct CampaignStatus: Sendable, Hashable {
    /// An element delivered by its agency (development and test finished) on `date`.
    public struct Delivered: Sendable, Hashable {
        public var element: Reference<ElementTag>
        public var date: CivilDate
        public var provenance: Provenance
        public var location: SourceLocation

        public init(
            element: Reference<ElementTag>, date: CivilDate, provenance: Provenance, location: SourceLocation
        ) {
            self.element = element
            self.date = date
            self.provenance = provenance
            self.location = location
        }
    }

    /// A development phase of an element finished on `date` (every earlier phase is finished too).
    public struct PhaseDone: Sendable, Hashable {
        public var element: Reference<ElementTag>
        public var phase: String
        public var date: CivilDate
        public var provenance: Provenance
        public var location: SourceLocation

        public init(
            element: Reference<ElementTag>, phase: String, date: CivilDate, provenance: Provenance,
            location: SourceLocation
        ) {
            self.element = element
            self.phase = phase
            self.date = date
            self.provenance = provenance
            self.location = location
        }
    }

    /// A launch that flew on `date`, with its outcome.
    public struct Flown: Sendable, Hashable {
        public enum Outcome: String, Sendable, CaseIterable {
            case success, failure
        }

        public var launch: Reference<LaunchTag>
        public var date: CivilDate
        public var outcome: Outcome
        public var provenance: Provenance
        public var location: SourceLocation

        public init(
            launch: Reference<LaunchTag>, date: CivilDate, outcome: Outcome, provenance: Provenance,
            location: SourceLocation
        ) {
            self.launch = launch
            self.date = date
            self.outcome = outcome
            self.provenance = provenance
            self.location = location
        }
    }

    /// A flown launch's payload reached its destination on `date`.
    public struct Arrived: Sendable, Hashable {
        public var launch: Reference<LaunchTag>
        public var date: CivilDate
        public var provenance: Provenance
        public var location: SourceLocation

        public init(launch: Reference<LaunchTag>, date: CivilDate, provenance: Provenance, location: SourceLocation) {
            self.launch = launch
            self.date = date
            self.provenance = provenance
            self.location = location
        }
    }

    /// An objective achieved on `date`.
    public struct Achieved: Sendable, Hashable {
        public var objective: Reference<ObjectiveTag>
        public var date: CivilDate
        public var provenance: Provenance
        public var location: SourceLocation

        public init(
            objective: Reference<ObjectiveTag>, date: CivilDate, provenance: Provenance, location: SourceLocation
        ) {
            self.objective = objective
            self.date = date
            self.provenance = provenance
            self.location = location
        }
    }

    /// Money an agency spent on the campaign in one fiscal year before the status date (on one element,
    /// when `element` is given), booked as sunk cost.
    public struct Spent: Sendable, Hashable {
        public var agency: Reference<AgencyTag>
        public var element: Reference<ElementTag>?
        public var fiscalYear: Int
        public var musd: Double
        public var provenance: Provenance
        public var location: SourceLocation

        public init(
            agency: Reference<AgencyTag>, element: Reference<ElementTag>?, fiscalYear: Int, musd: Double,
            provenance: Provenance, location: SourceLocation
        ) {
            self.agency = agency
            self.element = element
            self.fiscalYear = fiscalYear
            self.musd = musd
            self.provenance = provenance
            self.location = location
        }
    }

    public var date: CivilDate
    public var provenance: Provenance
    public var delivered: [Delivered] = []
    public var phasesDone: [PhaseDone] = []
    public var flown: [Flown] = []
    public var arrived: [Arrived] = []
    public var achieved: [Achieved] = []
    public var spent: [Spent] = []
    public var location: SourceLocation

    public init(date: CivilDate, provenance: Provenance, location: SourceLocation) {
        self.date = date
        self.provenance = provenance
        self.location = location
    }
}
