public import ConsortiumModel

/// A campaign (with a scenario's changes applied) compiled into flat arrays indexed by integers.
///
/// Built once, immutable, shared by every trial and thread. Times are days from the campaign start;
/// money is MUSD. Every entity keeps its id for output and its stable hash for random streams.
public struct SimulationPlan: Sendable {
    public struct AgencyPlan: Sendable {
        public var id: AgencyID
        public var name: String
        /// The agency's whole exploration budget in MUSD per fiscal year, indexed by `fiscalYear -
        /// firstFiscalYear` (shown for context; it no longer caps a campaign: its funding line does).
        public var budgetByYear: [Double]
        public var calendar: FiscalCalendar
        /// The campaign's funding line for the agency in MUSD per fiscal year, indexed like `budgetByYear`;
        /// empty when the campaign gives it none (it is then unconstrained).
        public var lineByYear: [Double] = []
        /// Whether money left at a fiscal year's end stays available (`unspent="carry-over"`).
        public var carriesOver = true
        /// What gives way first when the line is short.
        public var shortFirst: FundingLine.ShortFirst = .development
        /// Whether the campaign gives the agency a funding line.
        public var hasLine: Bool { !lineByYear.isEmpty }
        public var maxConcurrent: Int
        public var costGrowth: (median: Double, p90: Double)
        public var scheduleGrowth: (median: Double, p90: Double)
        /// The cost factor at which the agency could build each kind of element it declares it can build.
        public var capabilities: [ElementKind: Double]
        /// The schedule factor for the same kinds.
        public var scheduleFactors: [ElementKind: Double] = [:]
        public var streamID: UInt64
    }

    public struct PhasePlan: Sendable {
        public var name: String
        public var duration: ThreePoint
        public var cost: ThreePoint
    }

    public struct ElementPlan: Sendable {
        public var id: ElementID
        public var name: String
        public var kind: ElementKind
        public var design: DesignID
        /// The agency that contributes and pays at the start (a withdrawal or reassignment can change it).
        public var agency: Int
        /// The agency that builds it (its design's prime, or the agency whose catalog holds the design), whose
        /// growth it draws; the paying agency when the builder is not in the library.
        public var builder: Int
        /// Whether the agency buys it at a fixed price: the builder then pays cost growth up to the
        /// assumptions' `fixed-price-overrun-absorbed` share of the price.
        public var fixedPrice: Bool = false
        public var phases: [PhasePlan]
        public var standingArmyPerDay: Double
        public var startDay: Double
        public var progress: Double
        public var reliability: Double
        public var massKg: Double
        /// Extra days of development forced by a scenario.
        public var forcedDelayDays: Double
        /// The launch that carries the element, if any.
        public var launch: Int?
        public var streamID: UInt64
        /// Whether it carries a crew (its design's `crewed`): its launch is held on the ground until what it
        /// meets is in place, and a crewed loss is a loss of crew.
        public var crewed: Bool = false
        /// Units (1: the first, 2: its first rebuild after a loss) forced to fail on arrival, as a scenario's
        /// forced launch failures do for launches.
        public var forcedLosses: [Int] = []
        /// Days it can wait at its destination before it is in place and its job is done (`.infinity`: no limit).
        public var maxDaysInSpace: Double = .infinity
        /// The elements that come to it: those docking to it, and the payload of launches that fly after
        /// its launch (`after-launches`). Its wait in space ends when they are in place.
        public var metBy: [Int] = []
        /// MUSD a day of operations from its arrival to the campaign's end, and of storage while it is
        /// delivered and waits to launch.
        public var operationsPerDay: Double = 0
        public var storagePerDay: Double = 0
    }

    public struct ContractPlan: Sendable {
        public var id: ContractID
        /// The delivered element and the consumer's element it is integrated with.
        public var element: Int
        public var counterpart: Int
        public var provider: Int
        public var consumer: Int
        public var needByDay: Double
        public var verificationDays: Double
        public var reworkProbability: Double
        public var dockingFailure: Double
        public var penaltyPerMonth: Double
        public var isPublishedStandard: Bool
        public var returns: [Contract.Return]
        public var streamID: UInt64
    }

    public struct VehiclePlan: Sendable {
        public var id: VehicleID
        public var owner: Int?
        public var successes: Int
        public var failures: Int
        public var priceMUSD: Double
        public var minGapDays: Double
        /// The posterior each trial draws the vehicle's success probability from (see `VehicleReliability`).
        public var reliability: BetaPrior
        /// The posterior its flights after the class's early window draw from; nil: `reliability` for every
        /// flight.
        public var matureReliability: BetaPrior? = nil
        /// The last flight number (1-based, counting `flightsBefore`) that flies at `reliability`.
        public var earlyFlights: Int = .max
        /// Flights before the campaign (its record and weighted heritage): the first campaign flight is
        /// flight `flightsBefore + 1`.
        public var flightsBefore: Int = 0
        /// A scenario's stand-down after each failure, replacing the draw from the record of real ones.
        public var forcedStandDownDays: Double? = nil
        public var capacityKg: [Destination: Double]
        /// Scenario groundings: closed intervals of days when the vehicle cannot fly.
        public var groundings: [ClosedRange<Double>]
        public var streamID: UInt64
    }

    public struct LaunchPlan: Sendable {
        public var id: LaunchID
        public var mission: Int
        public var vehicle: Int
        public var destination: Destination
        public var payload: [Int]
        public var earliestDay: Double
        public var rebuildOnFailure: Bool
        public var rebuildFraction: Double
        /// Attempt numbers (1-based) a scenario forces to fail.
        public var forcedFailures: [Int]
        public var streamID: UInt64
        /// Vehicles the payload may move to, in order of preference, when its vehicle is lost.
        public var alternates: [Int] = []
        /// Days from launch to arrival; nil: the mission's transit days.
        public var transitDays: Double? = nil
        /// Elements that must be in place before the launch flies (held on the ground until then): the
        /// payload of its `after-launches`, and for a crewed launch what its payload docks to, transitively.
        public var requires: [Int] = []
        /// Launches that must be integrated and ready to fly (or flown) before it flies.
        public var readyWith: [Int] = []
        /// Tanker flights needed before it flies.
        public var refuelling: RefuellingPlan? = nil
    }

    /// A programmatic hazard: its time is drawn in each trial from an exponential with `perYear`.
    public struct HazardPlan: Sendable {
        public var kind: Hazard.Kind
        public var perYear: Double
        /// The leaving partner and its taker (partner exits), or the retired vehicle.
        public var agency: Int?
        public var taker: Int?
        public var vehicle: Int?
        public var transferDays: Double
        public var label: String
        public var streamID: UInt64

        public init(
            kind: Hazard.Kind, perYear: Double, agency: Int?, taker: Int?, vehicle: Int?, transferDays: Double,
            label: String, streamID: UInt64
        ) {
            self.kind = kind
            self.perYear = perYear
            self.agency = agency
            self.taker = taker
            self.vehicle = vehicle
            self.transferDays = transferDays
            self.label = label
            self.streamID = streamID
        }
    }

    /// A scenario's re-manifest: from `day`, `launch` flies on `vehicle`.
    public struct SubstitutionPlan: Sendable {
        public var launch: Int
        public var vehicle: Int
        public var day: Double
    }

    /// `flights` successful tanker flights of vehicle `vehicle`, all within `withinDays` of the first.
    public struct RefuellingPlan: Sendable {
        public var vehicle: Int
        public var flights: Int
        public var withinDays: Double
    }

    public struct WindowPlan: Sendable {
        public var kind: LaunchWindows.Kind
        public var referenceDay: Double
        public var periodDays: Double
        public var widthDays: Double
    }

    public struct DockPlan: Sendable {
        public var element: Int
        public var target: Int
        public var failureProbability: Double
    }

    public struct MissionPlan: Sendable {
        public var id: MissionID
        public var name: String
        public var body: Mission.Body
        public var after: [Int]
        public var transitDays: Double
        public var durationDays: Double
        public var windows: WindowPlan?
        public var launches: [Int]
        public var docks: [DockPlan]
        public var objectives: [Int]
    }

    public struct ObjectivePlan: Sendable {
        public var id: ObjectiveID
        public var name: String
        public var mission: Int
        public var needs: [Int]
        public var targetDay: Double?
        /// What follows the loss of a needed element on arrival, in docking or in operation.
        public var onLoss: Objective.LossPolicy = .lose
        /// Days from its last needed element in place to the event that completes it.
        public var completionDays: Double = 0
    }

    public struct RiskPlan: Sendable {
        public var id: RiskID
        public var element: Int
        /// The phase it strikes; the last phase when the register names none.
        public var phase: Int
        public var probability: Double
        public var impactDays: Double
        public var impactMUSD: Double
        public var streamID: UInt64
    }

    public struct WithdrawalPlan: Sendable {
        public var agency: Int
        public var day: Double
        public var replacement: Int?
        public var transferDays: Double

        public init(agency: Int, day: Double, replacement: Int?, transferDays: Double) {
            self.agency = agency
            self.day = day
            self.replacement = replacement
            self.transferDays = transferDays
        }
    }

    public struct BudgetChangePlan: Sendable {
        public var agency: Int
        public var factor: Double
        public var day: Double
    }

    /// When a running cost starts or stops, resolved to indices (see `CostEvent`).
    public enum CostTrigger: Sendable, Equatable {
        case start, end
        case day(Double)
        case launch(Int)
        case arrival(Int)
    }

    public struct CommonCostPlan: Sendable {
        public var id: String
        public var name: String
        public var musdPerDay: Double
        public var from: CostTrigger
        public var to: CostTrigger
    }

    /// A programme's fixed cost, paid by `agency` from one trigger to another.
    public struct FixedCostPlan: Sendable {
        public var id: String
        public var name: String
        public var agency: Int
        public var musdPerDay: Double
        public var from: CostTrigger
        public var until: CostTrigger
    }

    public var campaignID: CampaignID
    public var campaignName: String
    public var scenarioID: ScenarioID?
    public var start: CivilDate
    public var horizonDays: Double
    public var assumptions: ModelAssumptions
    public var agencies: [AgencyPlan]
    public var elements: [ElementPlan]
    public var contracts: [ContractPlan]
    public var vehicles: [VehiclePlan]
    public var launches: [LaunchPlan]
    public var missions: [MissionPlan]
    public var objectives: [ObjectivePlan]
    public var risks: [RiskPlan]
    public var withdrawals: [WithdrawalPlan]
    public var budgetChanges: [BudgetChangePlan]
    public var costSharing: CostSharing.Policy
    /// Fixed shares (fractions summing to 1) by agency index, for the fixed-shares policy.
    public var fixedShares: [Int: Double]
    public var commonCosts: [CommonCostPlan]
    /// Programme costs per agency; then common costs: running costs started and stopped by events.
    public var fixedCosts: [FixedCostPlan] = []
    /// The campaign's programmatic hazards (rates scaled by the scenario).
    public var hazards: [HazardPlan] = []
    /// The scenario's vehicle substitutions.
    public var substitutions: [SubstitutionPlan] = []
    /// The first fiscal year any agency's ledger can hold; ledger years are indexed from it.
    public var firstFiscalYear: Int
    public var fiscalYearCount: Int
    /// The campaign's actuals on its status date (none without one).
    public var actuals = ActualsPlan()
    /// The milestone of the joint cost and schedule confidence (the campaign's `key-milestone`, or
    /// `--milestone`), if any.
    public var milestone: Milestone?

    /// The calendar date `day` days after the start.
    ///
    /// Days are clamped to a billion either way (some 2.7 million years), so a day beyond any horizon
    /// still names a date rather than trapping in the conversion to a whole number.
    public func date(ofDay day: Double) -> CivilDate {
        start.adding(days: Int(clamping: day, to: -Self.dateDayLimit...Self.dateDayLimit, rounding: .down))
    }

    /// The largest day count `date(ofDay:)` converts.
    static let dateDayLimit = 1_000_000_000

    /// Days from the start to `date`.
    public func day(of date: CivilDate) -> Double {
        Double(start.days(to: date))
    }
}

/// The milestone of a joint confidence level (NPR 7120.5): an objective achieved or a launch flown. Its JCL
/// counts the campaign's spending (every agency, transfers netted) up to the day it is met.
public struct Milestone: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case objective(Int)
        case launch(Int)
    }

    public var id: String
    public var kind: Kind
}

extension SimulationPlan {
    /// The milestone named `id` (an objective or a launch of the plan), or nil when it names neither.
    public func milestone(named id: String) -> Milestone? {
        if let o = objectives.firstIndex(where: { $0.id.rawValue == id }) {
            return Milestone(id: id, kind: .objective(o))
        }
        if let l = launches.firstIndex(where: { $0.id.rawValue == id }) { return Milestone(id: id, kind: .launch(l)) }
        return nil
    }

    /// The ids a milestone may name: every objective's, then every launch's.
    public var milestoneCandidates: [String] { objectives.map(\.id.rawValue) + launches.map(\.id.rawValue) }
}

extension SimulationPlan {
    /// The stream of the campaign's common growth factor (the same in every campaign: it is keyed by
    /// seed and trial, so a what-if draws the same common growth as its base).
    static let growthStream = StableHash.of("growth:campaign")

    var growthStreamID: UInt64 { Self.growthStream }
}
