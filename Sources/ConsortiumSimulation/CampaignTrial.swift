public import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

/// One trial of a campaign as a state machine on the kernel: development, funding, contracts, launches,
/// operations and programme events, with every cost booked in a ledger.
///
/// Storage is sized from the plan once and reused by `reset(trial:)`, so a Monte Carlo worker runs
/// trial after trial without reallocating.
public struct CampaignTrial: SimulationModel {
    public let plan: SimulationPlan
    public let seed: UInt64
    public private(set) var trial: UInt64 = 0
    public internal(set) var draws = TrialDraws()
    public internal(set) var ledger: Ledger
    let recorder = TraceRecorder()
    /// The story of the current trial, when tracing.
    public var trace: [TraceEntry] { recorder.entries }
    public let recordsTrace: Bool

    var elements: [ElementState]
    var launches: [LaunchState]
    var slots: [Resource]
    /// Elements under development, per agency.
    var developing: [[Int32]]
    /// Funding multiplier per agency from budget changes and withdrawals.
    var budgetFactor: [Double]
    var withdrawn: [Bool]
    /// Per agency: the day it withdrew (infinity while it takes part).
    var withdrawnDay: [Double]
    /// Per vehicle: retired by a hazard.
    var retired: [Bool]
    /// The day the programme was cancelled (infinity while it runs).
    var cancelledDay: Double = .infinity
    /// Per hazard: the day it strikes in this trial (infinity: never).
    var hazardDay: [Double]
    /// Per contract: the day its pending verification or rework ends (an earlier event is stale).
    var contractDueDay: [Double]
    /// Whether an agency's next fiscal-year event is scheduled (only while it has developments).
    var fiscalEventPending: [Bool]
    /// Contracts by delivered element and by counterpart element.
    let contractsByElement: [[Int32]]
    let contractsByCounterpart: [[Int32]]
    /// Register risks by element, in register order (so a phase's impacts add up in the same order).
    let risksByElement: [[Int32]]
    var contractState: [ContractStatus]
    /// Per launch: not before this day (a vehicle substituted after a withdrawal).
    var launchNotBefore: [Double]
    /// Per vehicle: the earliest day the next launch may fly, and stand-downs after failures.
    var vehicleFree: [Double]
    /// Flights each vehicle has flown (its record before the campaign plus this trial's attempts, tanker
    /// flights included): the flight number that picks its early or mature reliability.
    var vehicleFlights: [Int]
    /// Per vehicle: the intervals it stands down after its failures in this trial.
    var standDowns: [[ClosedRange<Double>]]
    /// Per contract: how many verifications it took.
    var verificationAttempts: [Int]
    /// Per mission: launches not yet arrived or lost; launches waiting for the missions they come after.
    var missionOpenLaunches: [Int]
    var launchesWaitingForMissions: [Int32]
    /// Scratch lists for `closeLaunch`, kept so that a trial reuses their storage.
    var waitingScratch: [Int32] = []
    var stillWaitingScratch: [Int32] = []
    /// Docks waiting for their target to arrive, per target element.
    var pendingDocks: [[SimulationPlan.DockPlan]]
    var launchRandom: [RandomStream]
    var contractRandom: [RandomStream]
    /// Whether the trial is setting up the status actuals: trace lines are marked as actuals and dockings
    /// before the status date draw nothing.
    var notingActuals = false
    /// Loss of crew (see `CampaignTrial+Crew.swift`): no crewed launch flies before this day (a stand-down),
    /// and how many crews were lost.
    var crewedNotBefore: Double = -.infinity
    var crewLosses = 0
    /// Whether the campaign was cancelled by the review after a loss of crew.
    var cancelledAfterCrewLoss = false
    /// Concept of operations: launches held on the ground until what they meet is in place, elements
    /// whose time in space is counting, objectives by needed element, and each launch's tanker draws.
    var heldOnGround: [Int32] = []
    /// Whether `stopWorkForLostObjectives` is under way (it drops elements, which calls back).
    var stoppingWork = false
    /// Whether an element was lost since `stopWorkForLostObjectives` last looked (only then can an objective
    /// have become lost), and its scratch: per objective, the needed element it is lost on (-1: not lost).
    var lossesPending = false
    var objectiveLossRoot: [Int32] = []
    var waitingInSpace: [Int32] = []
    let objectivesByElement: [[Int32]]
    var tankerRandom: [RandomStream] = []
    /// Per vehicle: the launch whose fill its tanker flights serve now (-1: none), and the launches
    /// queued for it, in the order they asked (one depot is filled at a time).
    var tankerOwner: [Int]
    var tankerQueue: [[Int32]]
    /// Per agency: the running costs other than development (fixed programme costs, operations, storage),
    /// which its funding line must cover before development, and the day they are booked to.
    var running: [[RunningCost]]
    var runningSince: [Double]
    /// Per fixed cost, then per common cost: the day it started and stopped in this trial (NaN: not yet).
    var costStartDay: [Double]
    var costStopDay: [Double]
    let costTriggersByLaunch: [[Int32]]
    let costTriggersByArrival: [[Int32]]
    /// Funding lines (see `CampaignTrial+Funding.swift`), per agency: whether the campaign gives it one,
    /// whether it is open in this trial, its balance (MUSD) and the ledger year that balance is for, whether
    /// it bound (development below full pace, or a launch deferred), whether a lump payment or receipt
    /// since the last event calls for a new share of its development, and the launches waiting for its money.
    let hasLine: [Bool]
    var lineOpen: [Bool]
    var balance: [Double]
    var lineYear: [Int]
    var lineBound: [Bool]
    var lineDirty: [Bool]
    var linesDirty = false
    var deferredLaunches: [[Int32]]
    var deferScratch: [Int32] = []
    /// Per launch: waiting for its payer's money (`short-first="launches"`).
    var awaitingFunds: [Bool]
    /// Per agency under `short-first="operations"`: whether its elements' operations are unfunded now (the
    /// line cannot also fund development at full pace).
    var operationsCut: [Bool] = []
    /// The days the plan's milestone was met in this trial so far and the spending to each (a later entry
    /// when a loss and a rebuild moved it), and the day an objective milestone is next due.
    var milestoneSnapshots: [(day: Double, cost: Double)] = []
    var milestonePendingDay: Double = .nan

    public init(plan: SimulationPlan, seed: UInt64, recordsTrace: Bool = false, keepsLedgerEntries: Bool = false) {
        self.plan = plan
        self.seed = seed
        self.recordsTrace = recordsTrace
        ledger = Ledger(
            agencyCount: plan.agencies.count, firstFiscalYear: plan.firstFiscalYear,
            yearCount: plan.fiscalYearCount, keepsEntries: keepsLedgerEntries)
        elements = Array(repeating: ElementState(), count: plan.elements.count)
        launches = Array(repeating: LaunchState(), count: plan.launches.count)
        slots = plan.agencies.map { Resource(capacity: max(1, $0.maxConcurrent)) }
        developing = Array(repeating: [], count: plan.agencies.count)
        budgetFactor = Array(repeating: 1, count: plan.agencies.count)
        withdrawn = Array(repeating: false, count: plan.agencies.count)
        withdrawnDay = Array(repeating: .infinity, count: plan.agencies.count)
        retired = Array(repeating: false, count: plan.vehicles.count)
        hazardDay = Array(repeating: .infinity, count: plan.hazards.count)
        contractDueDay = Array(repeating: 0, count: plan.contracts.count)
        fiscalEventPending = Array(repeating: false, count: plan.agencies.count)
        var byElement = Array(repeating: [Int32](), count: plan.elements.count)
        var byCounterpart = byElement
        for (c, contract) in plan.contracts.enumerated() {
            byElement[contract.element].append(Int32(c))
            byCounterpart[contract.counterpart].append(Int32(c))
        }
        contractsByElement = byElement
        contractsByCounterpart = byCounterpart
        var risks = Array(repeating: [Int32](), count: plan.elements.count)
        for (r, risk) in plan.risks.enumerated() { risks[risk.element].append(Int32(r)) }
        risksByElement = risks
        var objectivesOf = Array(repeating: [Int32](), count: plan.elements.count)
        for (o, objective) in plan.objectives.enumerated() {
            for e in objective.needs where objectivesOf[e].last != Int32(o) { objectivesOf[e].append(Int32(o)) }
        }
        objectivesByElement = objectivesOf
        objectiveLossRoot = Array(repeating: -1, count: plan.objectives.count)
        tankerOwner = Array(repeating: -1, count: plan.vehicles.count)
        tankerQueue = Array(repeating: [], count: plan.vehicles.count)
        running = Array(repeating: [], count: plan.agencies.count)
        runningSince = Array(repeating: 0, count: plan.agencies.count)
        costStartDay = Array(repeating: .nan, count: plan.fixedCosts.count + plan.commonCosts.count)
        costStopDay = costStartDay
        (costTriggersByLaunch, costTriggersByArrival) = Self.costTriggerIndex(plan)
        hasLine = plan.agencies.map(\.hasLine)
        lineOpen = Array(repeating: false, count: plan.agencies.count)
        balance = Array(repeating: 0, count: plan.agencies.count)
        lineYear = Array(repeating: 0, count: plan.agencies.count)
        lineBound = Array(repeating: false, count: plan.agencies.count)
        operationsCut = Array(repeating: false, count: plan.agencies.count)
        lineDirty = Array(repeating: false, count: plan.agencies.count)
        deferredLaunches = Array(repeating: [], count: plan.agencies.count)
        awaitingFunds = Array(repeating: false, count: plan.launches.count)
        contractState = Array(repeating: .waiting, count: plan.contracts.count)
        launchNotBefore = Array(repeating: -.infinity, count: plan.launches.count)
        vehicleFree = Array(repeating: -.infinity, count: plan.vehicles.count)
        vehicleFlights = plan.vehicles.map(\.flightsBefore)
        standDowns = Array(repeating: [], count: plan.vehicles.count)
        verificationAttempts = Array(repeating: 0, count: plan.contracts.count)
        missionOpenLaunches = plan.missions.map(\.launches.count)
        launchesWaitingForMissions = []
        pendingDocks = Array(repeating: [], count: plan.elements.count)
        launchRandom = []
        contractRandom = []
    }

    /// Prepares trial `trial`: draws its inputs, clears state, and schedules its first events.
    public mutating func reset(trial: UInt64, scheduler: inout Scheduler<CampaignEvent>) {
        self.trial = trial
        draws.draw(plan, seed: seed, trial: trial)
        ledger.reset()
        recorder.entries.removeAll(keepingCapacity: true)
        for e in elements.indices {
            elements[e] = ElementState()
            elements[e].agency = plan.elements[e].agency
            pendingDocks[e].removeAll(keepingCapacity: true)
        }
        for c in plan.contracts.indices {
            contractState[c] = .waiting
            contractDueDay[c] = 0
            verificationAttempts[c] = 0
            elements[plan.contracts[c].counterpart].unverifiedContracts += 1
        }
        for l in launches.indices {
            launches[l] = LaunchState()
            launches[l].vehicle = plan.launches[l].vehicle
            launchNotBefore[l] = -.infinity
        }
        for a in slots.indices {
            slots[a].reset()
            developing[a].removeAll(keepingCapacity: true)
            budgetFactor[a] = 1
            withdrawn[a] = false
            withdrawnDay[a] = .infinity
            fiscalEventPending[a] = false
        }
        for v in vehicleFree.indices {
            vehicleFree[v] = -.infinity
            vehicleFlights[v] = plan.vehicles[v].flightsBefore
            retired[v] = false
            standDowns[v].removeAll(keepingCapacity: true)
        }
        cancelledDay = .infinity
        milestoneSnapshots.removeAll(keepingCapacity: true)
        milestonePendingDay = .nan
        crewedNotBefore = -.infinity
        crewLosses = 0
        cancelledAfterCrewLoss = false
        lossesPending = false
        for m in plan.missions.indices { missionOpenLaunches[m] = plan.missions[m].launches.count }
        launchesWaitingForMissions.removeAll(keepingCapacity: true)
        heldOnGround.removeAll(keepingCapacity: true)
        for v in tankerOwner.indices {
            tankerOwner[v] = -1
            tankerQueue[v].removeAll(keepingCapacity: true)
        }
        waitingInSpace.removeAll(keepingCapacity: true)
        tankerRandom = plan.launches.map {
            RandomStream(key: StreamKey(seed: seed, trial: trial, entity: $0.streamID, purpose: Self.tankerPurpose))
        }
        launchRandom = plan.launches.map {
            RandomStream(key: StreamKey(seed: seed, trial: trial, entity: $0.streamID, purpose: 1))
        }
        contractRandom = plan.contracts.map {
            RandomStream(key: StreamKey(seed: seed, trial: trial, entity: $0.streamID, purpose: 1))
        }

        // Nothing is scheduled before the status date (day 0 without one): the actuals cover the past.
        let statusDay = plan.actuals.statusDay
        resetRunningCosts()
        openLines(at: max(0, statusDay))
        applyActuals(scheduler: &scheduler)
        for e in plan.elements.indices where elements[e].status == .notStarted && !elements[e].isRebuild {
            scheduler.schedule(.start(element: Int32(e)), at: max(statusDay, plan.elements[e].startDay))
        }
        for (i, change) in plan.budgetChanges.enumerated() {
            scheduler.schedule(.budgetChange(index: Int32(i)), at: max(statusDay, change.day), priority: .urgent)
        }
        for (i, withdrawal) in plan.withdrawals.enumerated() {
            scheduler.schedule(.withdrawal(index: Int32(i)), at: max(statusDay, withdrawal.day), priority: .urgent)
        }
        for (i, substitution) in plan.substitutions.enumerated() {
            scheduler.schedule(.substitution(index: Int32(i)), at: max(0, substitution.day), priority: .urgent)
        }
        scheduleHazards(scheduler: &scheduler)
    }

    /// Books `amount` MUSD to `agency` for element `element` (-1: none) in its fiscal year `fiscalYear`.
    ///
    /// Every booking of a trial goes through here, so that the agency's funding line sees every payment
    /// and every receipt (transfers in kind, `barter`, touch no line).
    mutating func charge(_ amount: Double, agency: Int, element: Int, fiscalYear: Int, category: CostCategory) {
        guard amount != 0 else { return }
        ledger.book(amount, agency: agency, element: element, fiscalYear: fiscalYear, category: category)
        if hasLine[agency] { debitLine(amount, agency: agency, fiscalYear: fiscalYear, category: category) }
    }

    public mutating func handle(
        _ event: CampaignEvent, at time: Double, scheduler: inout Scheduler<CampaignEvent>
    )
        throws
    {
        switch event {
        case .start(let e): startElement(Int(e), at: time, scheduler: &scheduler)
        case .phaseEnd(let e, let generation):
            if elements[Int(e)].generation == generation, elements[Int(e)].status == .developing {
                finishPhase(Int(e), at: time, scheduler: &scheduler)
            }
        case .fiscalYear(let a):
            fiscalEventPending[Int(a)] = false
            retryDeferredLaunches(Int(a), at: time, scheduler: &scheduler)
            rebalance(Int(a), at: time, scheduler: &scheduler)
        case .budgetChange(let i):
            let change = plan.budgetChanges[Int(i)]
            accrue(change.agency, to: time)
            setBudgetFactor(change.agency, to: budgetFactor[change.agency] * change.factor, at: time)
            note(
                time, .budgetChange, agency: change.agency,
                hasLine[change.agency]
                    ? "funding line x\(change.factor) from now on"
                    : "budget x\(change.factor) from now on (no effect: the campaign gives \(plan.agencies[change.agency].id) no funding line)"
            )
            rebalance(change.agency, at: time, scheduler: &scheduler)
        case .withdrawal(let i): withdraw(plan.withdrawals[Int(i)], at: time, scheduler: &scheduler)
        case .transferDone(let e):
            // No transfer resumes work after the campaign is cancelled.
            if cancelledDay == .infinity { requestSlot(Int(e), at: time, scheduler: &scheduler) }
        case .verificationEnd(let c):
            if contractState[Int(c)] == .verifying, time >= contractDueDay[Int(c)] {
                finishVerification(Int(c), at: time, scheduler: &scheduler)
            }
        case .reworkEnd(let c):
            if contractState[Int(c)] == .reworking, time >= contractDueDay[Int(c)] {
                startVerification(Int(c), at: time, scheduler: &scheduler)
            }
        case .integrationEnd(let l): finishIntegration(Int(l), at: time, scheduler: &scheduler)
        case .launchAttempt(let l, let generation):
            // A launch cancelled after it was booked never flies.
            if launches[Int(l)].generation == generation, !launches[Int(l)].done {
                attemptLaunch(Int(l), at: time, scheduler: &scheduler)
            }
        case .arrival(let l): arrive(Int(l), at: time, scheduler: &scheduler)
        case .hazard(let h): strike(Int(h), at: time, scheduler: &scheduler)
        case .substitution(let s): substitute(Int(s), at: time, scheduler: &scheduler)
        case .crewLossReview(let entity): reviewAfterCrewLoss(entity: entity, at: time, scheduler: &scheduler)
        case .tankerFlight(let l, let generation):
            if launches[Int(l)].tankerGeneration == generation { flyTanker(Int(l), at: time, scheduler: &scheduler) }
        case .milestone:
            if milestonePendingDay == time { milestoneSnapshots.append((time, costToDate(time))) }
        case .spaceLimit(let e, let generation):
            if elements[Int(e)].spaceGeneration == generation, elements[Int(e)].spaceArmed {
                exceedTimeInSpace(Int(e), at: time, scheduler: &scheduler)
            }
        }
        if linesDirty { settleLines(at: time, scheduler: &scheduler) }
        if plan.milestone != nil { trackMilestone(at: time, scheduler: &scheduler) }
    }
}
