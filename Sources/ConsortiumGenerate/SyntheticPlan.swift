import ConsortiumRandom

/// The structure of a synthetic library, decided before any text is written: agencies with budgets,
/// designs, standards and vehicles; a campaign's elements, contracts, missions, launches and risks.
///
/// Every figure is drawn from `settings.seed` through one `RandomStream`, in a fixed order, so the same
/// settings give the same plan. Numbers are kept as integers (days, kilograms, thousandths) so that the
/// rendered text never depends on floating-point formatting.
public struct SyntheticPlan: Sendable {
    /// Launches per mission: the schema's maximum.
    public static let maxLaunchesPerMission = 50
    /// Payloads per launch; 10 of at most 3 t each fit the smallest synthetic capacity (32 t to Mars).
    public static let maxPayloadsPerLaunch = 10
    /// Needs per objective: the schema's maximum.
    static let maxNeedsPerObjective = 100
    /// Docks per mission: the schema's maximum.
    static let maxDocksPerMission = 50

    public let settings: GeneratorSettings
    public internal(set) var agencies: [Agency] = []
    public internal(set) var standards: [Standard] = []
    public internal(set) var elements: [Element] = []
    public internal(set) var contracts: [Contract] = []
    public internal(set) var missions: [Mission] = []
    public internal(set) var risks: [Risk] = []

    /// An agency or launch provider.
    public struct Agency: Sendable {
        public var id: String
        /// national-agency, intergovernmental or commercial.
        public var kind: String
        /// Budget per fiscal year, MUSD.
        public var budgetMUSD: Int
        public var maxConcurrent: Int
        /// Growth factors in hundredths: cost median and P90, schedule median and P90.
        public var growth: (costMedian: Int, costP90: Int, scheduleMedian: Int, scheduleP90: Int)
        public var designs: [Design] = []
        public var vehicles: [Vehicle] = []
        /// Elements this agency contributes.
        public var elementCount = 0
    }

    /// A shared interface standard, published by `owner`.
    public struct Standard: Sendable {
        public var id: String
        public var owner: Int
        public var function: String
        public var published: Bool
    }

    /// An element design: three phases with three-point durations (days) and costs (MUSD).
    public struct Design: Sendable {
        public var id: String
        public var kind: String
        public var massKg: Int
        /// Reliability in thousandths.
        public var reliability: Int
        /// Standing army in hundredths of MUSD per month.
        public var standingArmy: Int
        public var phases: [Phase]

        /// Sum of the phases' minimum durations: the fastest possible development.
        var minimumDays: Int { phases.reduce(0) { $0 + $1.days.min } }
        /// Sum of the phases' maximum durations.
        var maximumDays: Int { phases.reduce(0) { $0 + $1.days.max } }
    }

    /// One development phase.
    public struct Phase: Sendable {
        public var name: String
        public var days: (min: Int, likely: Int, max: Int)
        public var cost: (min: Int, likely: Int, max: Int)
    }

    /// A launch vehicle with its flight record.
    public struct Vehicle: Sendable {
        public var id: String
        public var successes: Int
        public var attempts: Int
        public var priceMUSD: Int
        public var tliKg: Int
        public var tmiKg: Int
        public var minDaysBetween: Int
    }

    /// An element instance: which agency builds which of its designs, from which day of the campaign.
    public struct Element: Sendable {
        public var id: String
        public var agency: Int
        public var design: Int
        public var startDay: Int
        /// Progress at the campaign start, in percent.
        public var progress: Int
        public var mission: Int
    }

    /// An interface contract: `element`'s agency delivers it to `counterpart`'s agency.
    public struct Contract: Sendable {
        public var id: String
        public var element: Int
        public var counterpart: Int
        public var standard: Int
        public var needByDay: Int
        public var verificationDays: Int
        public var penaltyMUSD: Int
        public var returnKind: String
        public var returnMUSD: Int
    }

    /// A mission with its launches, docks and objectives.
    public struct Mission: Sendable {
        public var id: String
        public var mars: Bool
        public var after: Int?
        public var startDay: Int
        public var durationDays: Int
        public var launches: [Launch] = []
        public var docks: [(element: Int, target: Int, contract: Int)] = []
        public var objectives: [[Int]] = []
    }

    /// A launch: a vehicle (agency, index) carrying payload elements.
    public struct Launch: Sendable {
        public var id: String
        public var vehicle: (agency: Int, index: Int)
        public var payload: [Int]
        public var earliestDay: Int
    }

    /// A risk-register entry on one phase of one element.
    public struct Risk: Sendable {
        public var id: String
        public var element: Int
        public var phase: String
        /// Probability in thousandths.
        public var probability: Int
        public var impactDays: Int
        public var impactMUSD: Int
    }

    /// Plans the library for `settings`, which must have no `problem`.
    public init(_ settings: GeneratorSettings) {
        precondition(settings.problem == nil, settings.problem ?? "")
        self.settings = settings
        var random = Draws(seed: settings.seed)
        planAgencies(&random)
        planElements(&random)
        planMissions(&random)
        planRisks(&random)
        sizeBudgets()
    }
}

/// The generator's random numbers: uniform integers and choices from one seeded stream.
struct Draws {
    private var stream: RandomStream

    init(seed: UInt64) {
        stream = RandomStream(key: StreamKey(seed: seed, trial: 0, entity: 0, purpose: 0x6765_6E65))
    }

    /// A uniform integer in `range` (the modulo bias is below 2^-40 for the ranges used here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(stream.next() % UInt64(range.count))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// One of `items`, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
