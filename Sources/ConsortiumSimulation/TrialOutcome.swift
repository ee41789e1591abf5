public import ConsortiumModel

/// What one trial produced: dates, objectives, element fates, contract performance and costs.
///
/// Days are from the campaign start; `nil` means it did not happen within the horizon.
public struct TrialOutcome: Sendable {
    public struct MissionOutcome: Sendable, Hashable {
        public var firstLaunchDay: Double?
        public var lastArrivalDay: Double?
        /// The last arrival plus the mission's duration, when every launch arrived.
        public var completionDay: Double?
    }

    public struct ObjectiveOutcome: Sendable, Hashable {
        public var achieved: Bool
        /// When it completed: every element it needs in place, plus its completion days (the return to
        /// Earth); for a lost objective, when its binding element was in place, if it was.
        public var day: Double?
        public var cause: LossCause?
        /// The needed element that came last (achieved) or the first one lost (not achieved).
        public var bindingElement: Int?
        /// What the binding element of a lost objective waited for, when a dock or a missing launch kept
        /// it from getting in place.
        public var wait: ObjectiveWait? = nil
        /// When a lost objective was lost, if that happened before the end: the day its element was
        /// cancelled (a withdrawal, a cancellation) rather than the end of the trial.
        public var lostDay: Double? = nil
    }

    public struct ElementOutcome: Sendable, Hashable {
        public var deliveredDay: Double?
        public var launchedDay: Double?
        /// When it reached its destination.
        public var arrivedDay: Double? = nil
        public var inPlaceDay: Double?
        public var works: Bool
        public var cause: LossCause?
        public var stretchedDays: Double
        /// The agency that paid at the end (differs from the plan after a withdrawal or reassignment).
        public var agency: Int
    }

    public struct ContractOutcome: Sendable, Hashable {
        /// Delivery minus need-by, in days (positive when late).
        public var lateDays: Double?
        public var verifications: Int
    }

    public var trial: UInt64
    public var endDay: Double
    public var reachedHorizon: Bool
    public var events: Int
    public var missions: [MissionOutcome]
    public var objectives: [ObjectiveOutcome]
    public var elements: [ElementOutcome]
    public var contracts: [ContractOutcome]
    public var launchAttempts: [Int]
    /// Whether each element lay on the critical path of its mission (see `CampaignTrial.criticalElements`).
    public var critical: [Bool]
    public var ledger: Ledger
    /// What held each launch that had not flown, when the trial stopped at the horizon (empty otherwise).
    public var blockers: [Blocker] = []
    /// The day each of the campaign's programmatic hazards struck in this trial (nil: not before the horizon).
    public var hazardDays: [Double?] = []
    /// The day each agency withdrew in this trial (nil: it stayed).
    public var withdrawalDays: [Double?] = []
    /// How many crews were lost (in launch failures their abort did not survive, or with their element in
    /// operation).
    public var crewLosses: Int = 0
    /// The day the campaign was cancelled after a loss of crew, if it was.
    public var cancelledDay: Double? = nil
    /// Whether that cancellation came from the review after a loss of crew (not from a cancellation hazard).
    public var cancelledAfterCrewLoss = false
    /// Per agency, when the campaign gives any agency a funding line: the peak use of its line (the largest
    /// over fiscal years of spending over the line; NaN without a line), and whether the line bound
    /// (development funded below full pace, or a launch deferred for money). Empty with no line at all.
    public var linePeakUse: [Double] = []
    public var lineBound: [Bool] = []
    /// The day the plan's milestone was met and the campaign's spending up to it (nil: not met, or no
    /// milestone).
    public var milestoneDay: Double? = nil
    public var milestoneCost: Double? = nil
}

extension CampaignTrial {
    /// Closes the trial at `end`: books spending up to then and common costs, and judges objectives.
    public mutating func finish(at end: Double, reachedHorizon: Bool, events: Int) -> TrialOutcome {
        // Running costs first: they run to the campaign's end, which can be before the last (fiscal) event.
        let stop = campaignEnd(lastEvent: end, reachedHorizon: reachedHorizon)
        closeRunningCosts(campaignEnd: stop)
        for agency in plan.agencies.indices { accrue(agency, to: end) }
        let missions = plan.missions.map { mission -> TrialOutcome.MissionOutcome in
            // First launch and last arrival in one pass, without an array per mission.
            var firstLaunch: Double?
            var lastArrival: Double?
            var arrivedCount = 0
            for l in mission.launches {
                if let day = launches[l].launchedDay.nanAsNil, firstLaunch.map({ day < $0 }) ?? true {
                    firstLaunch = day
                }
                if let day = launches[l].arrivedDay.nanAsNil {
                    arrivedCount += 1
                    if lastArrival.map({ $0 < day }) ?? true { lastArrival = day }
                }
            }
            let allArrived = arrivedCount == mission.launches.count && arrivedCount > 0
            return TrialOutcome.MissionOutcome(
                firstLaunchDay: firstLaunch, lastArrivalDay: lastArrival,
                completionDay: allArrived ? lastArrival! + mission.durationDays : nil)
        }
        let objectives = plan.objectives.indices.map { o in
            achievedAsStated(o) ?? judge(plan.objectives[o], reachedHorizon: reachedHorizon)
        }
        if recordsTrace {
            for (o, outcome) in objectives.enumerated() {
                let objective = plan.objectives[o]
                if outcome.achieved, let day = outcome.day {
                    notingActuals = plan.actuals.hasStatus && !plan.actuals.achievedDay[o].isNaN
                    note(day, .objectiveAchieved, agency: nil, "objective \(objective.id) achieved: \(objective.name)")
                    notingActuals = false
                } else {
                    let wait = outcome.wait.map { ": \($0.text(in: plan))" } ?? ""
                    // The element lost, unless the wait's text already names it.
                    let element =
                        outcome.wait == nil ? outcome.bindingElement.map { " (\(plan.elements[$0].id))" } ?? "" : ""
                    let after = outcome.cause == .stalled ? "; nothing could happen after this day" : ""
                    note(
                        outcome.day ?? outcome.lostDay ?? end, .objectiveLost, agency: nil,
                        "objective \(objective.id) lost (\(outcome.cause?.rawValue ?? "unknown")\(element)\(wait)\(after)): \(objective.name)"
                    )
                }
            }
            recorder.entries.sort {
                ($0.day, $0.kind == .objectiveAchieved ? 1 : 0) < ($1.day, $1.kind == .objectiveAchieved ? 1 : 0)
            }
        }
        var outcome = TrialOutcome(
            trial: trial, endDay: end, reachedHorizon: reachedHorizon, events: events, missions: missions,
            objectives: objectives,
            elements: elements.map {
                TrialOutcome.ElementOutcome(
                    deliveredDay: $0.firstDeliveredDay.nanAsNil, launchedDay: $0.launchedDay.nanAsNil,
                    arrivedDay: $0.arrivedDay.nanAsNil, inPlaceDay: $0.inPlaceDay.nanAsNil, works: $0.works,
                    cause: $0.cause,
                    stretchedDays: $0.stretchedDays, agency: $0.agency)
            },
            contracts: plan.contracts.indices.map { c in
                let delivered = elements[plan.contracts[c].element].firstDeliveredDay
                return TrialOutcome.ContractOutcome(
                    lateDays: delivered.isNaN ? nil : delivered - plan.contracts[c].needByDay,
                    verifications: verificationAttempts[c])
            },
            launchAttempts: launches.map(\.attempts), critical: criticalElements(), ledger: ledger)
        if reachedHorizon { outcome.blockers = blockers(at: end) }
        if !plan.hazards.isEmpty { outcome.hazardDays = hazardDay.map { $0 <= end ? $0 : nil } }
        if !plan.withdrawals.isEmpty || !plan.hazards.isEmpty {
            outcome.withdrawalDays = withdrawnDay.map { $0.isFinite ? $0 : nil }
        }
        outcome.crewLosses = crewLosses
        outcome.cancelledDay = cancelledDay.isFinite ? cancelledDay : nil
        outcome.cancelledAfterCrewLoss = cancelledAfterCrewLoss
        if let (day, cost) = milestoneOutcome(objectives) {
            outcome.milestoneDay = day
            outcome.milestoneCost = cost
        }
        if hasLine.contains(true) {
            outcome.linePeakUse = peakLineUse(from: max(0, plan.actuals.statusDay))
            outcome.lineBound = lineBound
        }
        return outcome
    }

    /// The elements on each mission's critical path in this trial.
    ///
    /// The path is traced back from the mission's last launch: the payload element that became ready
    /// last; when that was an interface verification, the later-delivered of the contract's two
    /// elements; and when the launch waited for an earlier mission, that mission's path in turn.
    func criticalElements() -> [Bool] {
        var critical = [Bool](repeating: false, count: elements.count)
        var visited = [Bool](repeating: false, count: plan.missions.count)
        for m in plan.missions.indices { markCritical(m, &critical, &visited) }
        return critical
    }

    private func markCritical(_ mission: Int, _ critical: inout [Bool], _ visited: inout [Bool]) {
        var next: Int? = mission
        while let m = next, !visited[m] {
            visited[m] = true
            next = nil
            let lastLaunch = plan.missions[m].launches.max { a, b in
                launchEnd(a) < launchEnd(b)
            }
            guard let l = lastLaunch else { continue }
            let state = launches[l]
            if state.bindingElement >= 0 {
                var e = state.bindingElement
                if state.bindingContract >= 0 {
                    let provider = plan.contracts[state.bindingContract].element
                    if elements[provider].firstDeliveredDay > elements[e].firstDeliveredDay { e = provider }
                }
                critical[e] = true
            }
            if state.heldBy >= 0 { next = state.heldBy }
        }
    }

    private func launchEnd(_ l: Int) -> Double {
        let state = launches[l]
        if !state.arrivedDay.isNaN { return state.arrivedDay }
        if !state.launchedDay.isNaN { return state.launchedDay }
        return state.scheduledDay.isNaN ? -.infinity : state.scheduledDay
    }

    /// An objective achieved by the status actuals: achieved on its stated day in every trial.
    func achievedAsStated(_ o: Int) -> TrialOutcome.ObjectiveOutcome? {
        guard plan.actuals.hasStatus, !plan.actuals.achievedDay[o].isNaN else { return nil }
        let binding = plan.objectives[o].needs.max { elements[$0].inPlaceDay < elements[$1].inPlaceDay }
        return .init(achieved: true, day: plan.actuals.achievedDay[o], cause: nil, bindingElement: binding)
    }

    /// An objective succeeds when every element it needs is in place and works; it is dated at the event
    /// that completes it, its completion days after the last of them is in place. With `on-loss="lose"` it
    /// fails on the first loss of a needed element even when another objective had that element rebuilt.
    /// The element at the root of `e`'s loss: following what each was lost because of (at most as many
    /// steps as there are elements, so a cycle cannot hang).
    func lossRoot(of e: Int) -> Int {
        var root = e
        for _ in elements.indices {
            let next = Int(elements[root].lossRoot)
            guard next >= 0, next != root else { break }
            root = next
        }
        return root
    }

    func judge(_ objective: SimulationPlan.ObjectivePlan, reachedHorizon: Bool) -> TrialOutcome.ObjectiveOutcome {
        var day = -Double.infinity
        var binding: Int?
        if objective.onLoss == .lose {
            for e in objective.needs {
                guard let loss = elements[e].firstLoss, elements[e].cause == nil else { continue }
                return .init(achieved: false, day: elements[e].inPlaceDay.nanAsNil, cause: loss, bindingElement: e)
            }
        }
        for e in objective.needs {
            let state = elements[e]
            if let cause = state.cause ?? (state.works ? nil : .elementFailure) {
                // Put on the element whose loss caused this one's (a crew launch cancelled because its lander
                // was lost is the lander's loss), dated when that happened; an element that waited in space
                // for its target keeps the loss, with the wait that names the target's fate.
                let waited = wait(of: e)
                let root = waited == nil ? lossRoot(of: e) : e
                let lostDay = [state.causeDay, elements[root].causeDay].filter { !$0.isNaN }.min() ?? .nan
                return .init(
                    achieved: false, day: state.inPlaceDay.nanAsNil, cause: cause, bindingElement: root,
                    wait: waited ?? wait(of: root), lostDay: lostDay.nanAsNil)
            }
            guard !state.inPlaceDay.isNaN else {
                let held = holdingElement(objective.needs, first: e)
                return .init(
                    achieved: false, day: nil, cause: stuckCause(held, reachedHorizon: reachedHorizon),
                    bindingElement: held, wait: wait(of: held))
            }
            if state.inPlaceDay > day {
                day = state.inPlaceDay
                binding = e
            }
        }
        return .init(
            achieved: true, day: (day.isFinite ? day : 0) + objective.completionDays, cause: nil,
            bindingElement: binding)
    }

    /// Why an element never got in place: a lost dependency, a budget at zero, time ran out (the trial
    /// reached its horizon), or nothing was left that could happen (the event queue ran dry before it).
    /// The needed element that holds an objective none of whose elements was lost, when `first` is the
    /// first not in place: one still to be delivered (the rebuilt platform, not the rover waiting with it
    /// for the launch), else the one its launch waits for on the ground (the lander still refuelling, not
    /// the crew held for it), else `first`.
    func holdingElement(_ needs: [Int], first: Int) -> Int {
        let waiting = needs.filter { elements[$0].inPlaceDay.isNaN && elements[$0].cause == nil }
        if let undelivered = waiting.first(where: { !elements[$0].status.isDelivered }) { return undelivered }
        var held = first
        for _ in elements.indices {
            guard let l = plan.elements[held].launch,
                let next = plan.launches[l].requires.first(where: { elements[$0].inPlaceDay.isNaN && $0 != held })
            else { break }
            held = next
        }
        return held
    }

    func stuckCause(_ e: Int, reachedHorizon: Bool) -> LossCause {
        for raw in contractsByCounterpart[e] {
            let provided = plan.contracts[Int(raw)].element
            if let cause = elements[provided].cause { return cause }
        }
        let agency = elements[e].agency
        if withdrawn[agency] { return .partnerWithdrawal }
        if elements[e].status == .developing && elements[e].funding <= 0
            || (hasLine[agency] && budgetFactor[agency] <= 0)
        {
            return .budgetExhaustion
        }
        // The line could not fund what remains before the horizon: its development was still slowed by the
        // line at the end, or its launch waited for money.
        if hasLine[agency], elements[e].status == .developing, elements[e].funding < 1 { return .budgetExhaustion }
        if let l = plan.elements[e].launch, awaitingFunds[l] { return .budgetExhaustion }
        return reachedHorizon ? .horizonReached : .stalled
    }
}

extension SimulationPlan {
    /// Each agency's weight in the split of common costs under `policy` (weights need not sum to 1):
    /// its development spending in `ledger` (who builds pays), its declared share (fixed shares), or 1 for
    /// every agency among `builders`, the agencies contributing the elements (equal shares). Who builds pays
    /// also counts only `builders`: a fixed-price contractor pays its absorbed overrun, not common costs.
    ///
    /// `builders` is an array, not any sequence: called across modules, an unspecialized generic sequence
    /// cost an allocation per element on every trial.
    public func commonCostWeights(_ policy: CostSharing.Policy, ledger: Ledger, builders: [Int]) -> [Double] {
        var weights = [Double](repeating: 0, count: agencies.count)
        switch policy {
        case .fixedShares:
            for (agency, share) in fixedShares { weights[agency] = share }
        case .equal:
            for agency in builders { weights[agency] = 1 }
        case .whoBuildsPays:
            // Only the agencies contributing elements: a fixed-price contractor's absorbed overrun is
            // development it paid, but it is no partner in the campaign's common costs.
            for a in builders where weights[a] == 0 {
                weights[a] = max(0, ledger.total(agency: a, category: .development))
            }
        }
        return weights
    }
}

extension Double {
    /// `nil` for NaN, the value otherwise.
    var nanAsNil: Double? { isNaN ? nil : self }
}
