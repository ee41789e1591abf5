import ConsortiumEngine
import ConsortiumModel

/// A cost paid per day while something runs: a programme's fixed cost, an element's operations after its
/// arrival, its storage while it waits to launch.
struct RunningCost {
    var rate: Double
    /// The element it is booked to (-1: none).
    var element: Int32
    /// What it is: a fixed cost's index, or the element's index for operations and storage.
    var key: Int32
    var category: CostCategory
    /// Booked from `start` to `end` (infinity: until it is stopped or the trial ends).
    var start: Double
    var end: Double
}

extension CampaignTrial {
    /// Index of `plan.fixedCosts` entries by the launch and the element whose events start or stop them.
    static func costTriggerIndex(_ plan: SimulationPlan) -> (byLaunch: [[Int32]], byArrival: [[Int32]]) {
        var byLaunch = Array(repeating: [Int32](), count: plan.launches.count)
        var byArrival = Array(repeating: [Int32](), count: plan.elements.count)
        for (i, cost) in plan.fixedCosts.enumerated() {
            for trigger in [cost.from, cost.until] {
                switch trigger {
                case .launch(let l) where byLaunch[l].last != Int32(i): byLaunch[l].append(Int32(i))
                case .arrival(let e) where byArrival[e].last != Int32(i): byArrival[e].append(Int32(i))
                default: break
                }
            }
        }
        for (i, cost) in plan.commonCosts.enumerated() {
            let index = Int32(plan.fixedCosts.count + i)
            for trigger in [cost.from, cost.to] {
                switch trigger {
                case .launch(let l) where byLaunch[l].last != index: byLaunch[l].append(index)
                case .arrival(let e) where byArrival[e].last != index: byArrival[e].append(index)
                default: break
                }
            }
        }
        return (byLaunch, byArrival)
    }

    /// Sets up the trial's running costs: fixed costs that start at the start or on a date are booked from
    /// then (never before the status date); the rest wait for their events.
    mutating func resetRunningCosts() {
        let first = plan.actuals.statusDay
        for a in running.indices {
            running[a].removeAll(keepingCapacity: true)
            runningSince[a] = first
        }
        for i in costStartDay.indices {
            costStartDay[i] = .nan
            costStopDay[i] = .nan
        }
        for (i, cost) in plan.fixedCosts.enumerated() {
            let stop: Double =
                switch cost.until {
                case .day(let day): day
                default: .infinity
                }
            switch cost.from {
            case .start: startFixedCost(i, at: first, until: stop)
            case .day(let day): startFixedCost(i, at: max(first, day), until: stop)
            default: break
            }
        }
        for (c, cost) in plan.commonCosts.enumerated() {
            let index = plan.fixedCosts.count + c
            if case .day(let day) = cost.to { costStopDay[index] = day }
            switch cost.from {
            case .start: startCommonCost(c, at: first)
            case .day(let day): startCommonCost(c, at: max(first, day))
            default: break
            }
        }
    }

    /// Starts common cost `c` at `time` (no earlier than the status date): each partner's share runs as a
    /// running cost of its own, charged to its funding line as it accrues. Shares follow the campaign's
    /// policy: fixed shares as declared; equal among the agencies contributing elements; who builds pays in
    /// proportion to each contributing agency's development spending so far (equally when none has spent
    /// yet). Partners that withdrew pay nothing; nothing starts after the programme is cancelled.
    mutating func startCommonCost(_ c: Int, at time: Double) {
        let index = plan.fixedCosts.count + c
        guard costStartDay[index].isNaN else { return }
        costStartDay[index] = time
        splitCommonCost(c, from: time)
    }

    /// Books common cost `c` from `time` to its stop among the partners still in, by the policy's weights now.
    private mutating func splitCommonCost(_ c: Int, from time: Double) {
        let index = plan.fixedCosts.count + c
        let stop = costStopDay[index].isNaN ? .infinity : costStopDay[index]
        guard time < cancelledDay, stop > time else { return }
        for a in plan.agencies.indices where plan.costSharing == .whoBuildsPays { accrue(a, to: time) }
        let builders = plan.elements.map(\.agency) + elements.map(\.agency)
        var weights = plan.commonCostWeights(plan.costSharing, ledger: ledger, builders: builders)
        for a in weights.indices where withdrawn[a] { weights[a] = 0 }
        if plan.costSharing == .whoBuildsPays, weights.allSatisfy({ $0 == 0 }) {
            for a in builders where !withdrawn[a] { weights[a] = 1 }
        }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return }
        let start = max(time, plan.actuals.statusDay)
        for (a, weight) in weights.enumerated() where weight > 0 {
            accrue(a, to: time)
            running[a].append(
                RunningCost(
                    rate: plan.commonCosts[c].musdPerDay * weight / sum, element: -1, key: Int32(index),
                    category: .common, start: start, end: stop))
        }
    }

    /// Stops common cost `c` at `time` for every partner.
    private mutating func stopCommonCost(_ c: Int, at time: Double) {
        let index = plan.fixedCosts.count + c
        guard costStopDay[index].isNaN else { return }
        costStopDay[index] = time
        endCommonShares(index, at: time)
    }

    private mutating func endCommonShares(_ index: Int, at time: Double) {
        for a in running.indices where running[a].contains(where: { $0.key == Int32(index) && $0.category == .common })
        {
            accrue(a, to: time)
            for i in running[a].indices where running[a][i].key == Int32(index) && running[a][i].category == .common {
                running[a][i].end = min(running[a][i].end, time)
            }
        }
    }

    /// A partner left: every common cost running is split again among those still in (the ISS model: a
    /// leaving partner stops paying its share of common systems operations, and the others carry it).
    mutating func resplitCommonCosts(at time: Double) {
        for c in plan.commonCosts.indices {
            let index = plan.fixedCosts.count + c
            guard !costStartDay[index].isNaN, costStopDay[index].isNaN || costStopDay[index] > time else { continue }
            endCommonShares(index, at: time)
            splitCommonCost(c, from: time)
        }
    }

    private mutating func startFixedCost(_ i: Int, at time: Double, until stop: Double) {
        guard costStartDay[i].isNaN, stop > time else { return }
        costStartDay[i] = time
        let cost = plan.fixedCosts[i]
        guard !withdrawn[cost.agency], time < cancelledDay else { return }
        running[cost.agency].append(
            RunningCost(
                rate: cost.musdPerDay, element: -1, key: Int32(i), category: .fixed, start: time, end: stop))
    }

    /// The MUSD a day of `agency`'s running costs at `time` (what its funding line pays before development).
    func runningRate(_ agency: Int, at time: Double) -> Double {
        var rate = 0.0
        let cut = operationsCut[agency]
        for cost in running[agency] where cost.start <= time && time < cost.end {
            if cut && cost.category == .operations { continue }
            rate += cost.rate
        }
        return rate
    }

    /// The MUSD a day of `agency`'s operations at `time` (paid or not).
    func operationsRate(_ agency: Int, at time: Double) -> Double {
        var rate = 0.0
        for cost in running[agency] where cost.category == .operations && cost.start <= time && time < cost.end {
            rate += cost.rate
        }
        return rate
    }

    /// Books `agency`'s running costs up to `time` and forgets those that ended.
    ///
    /// A Monte Carlo trial keeps no ledger entries, so when the span lies in one fiscal year (as it does but
    /// at the year's boundary, where the fiscal-year event accrues) the costs are summed by category and
    /// booked once per category: accruing runs at every rebalance, and booking each cost apart was a
    /// quarter of a trial's instructions.
    mutating func accrueRunning(_ agency: Int, to time: Double) {
        guard !running[agency].isEmpty, time > runningSince[agency] else { return }
        let since = runningSince[agency]
        let calendar = plan.agencies[agency].calendar
        let year = calendar.fiscalYear(ofDay: since)
        let index = year - calendar.firstYear + 1
        let boundary = index >= 0 && index < calendar.boundaries.count ? calendar.boundaries[index] : .infinity
        let cut = operationsCut[agency]
        if ledger.keepsEntries || time > boundary {
            for cost in running[agency] where !(cut && cost.category == .operations) {
                chargeSpan(cost, from: max(cost.start, since), to: min(cost.end, time), agency: agency)
            }
        } else {
            var fixed = 0.0
            var operations = 0.0
            var storage = 0.0
            var common = 0.0
            for cost in running[agency] {
                let span = min(cost.end, time) - max(cost.start, since)
                guard span > 0 else { continue }
                switch cost.category {
                case .fixed: fixed += cost.rate * span
                case .operations: if !cut { operations += cost.rate * span }
                case .common: common += cost.rate * span
                default: storage += cost.rate * span
                }
            }
            charge(common, agency: agency, element: -1, fiscalYear: year, category: .common)
            charge(fixed, agency: agency, element: -1, fiscalYear: year, category: .fixed)
            charge(operations, agency: agency, element: -1, fiscalYear: year, category: .operations)
            charge(storage, agency: agency, element: -1, fiscalYear: year, category: .storage)
        }
        runningSince[agency] = time
        running[agency].removeAll { $0.end <= time }
    }

    /// The campaign's end in this trial: when every launch is over (arrived or given up), its last
    /// mission's end (the last arrival plus its mission's duration); else the horizon when the trial got
    /// there, or its last event `end`; its cancellation when earlier.
    func campaignEnd(lastEvent end: Double, reachedHorizon: Bool) -> Double {
        var last = -Double.infinity
        var allDone = true
        for (l, launch) in plan.launches.enumerated() {
            if !launches[l].done { allDone = false }
            if !launches[l].arrivedDay.isNaN {
                last = max(last, launches[l].arrivedDay + plan.missions[launch.mission].durationDays)
            }
        }
        let stop = allDone && last.isFinite ? last : (reachedHorizon ? plan.horizonDays : end)
        return min(stop, plan.horizonDays, cancelledDay)
    }

    /// Closes the trial's running costs: a cost with a known end (operations over a mission's duration, a
    /// fixed cost until a date) runs to it, and the rest to `campaignEnd`, all within the horizon.
    mutating func closeRunningCosts(campaignEnd: Double) {
        for a in running.indices where !running[a].isEmpty {
            let since = runningSince[a]
            for cost in running[a] {
                let stop = min(cost.end.isFinite ? cost.end : campaignEnd, plan.horizonDays)
                chargeSpan(cost, from: max(cost.start, since), to: stop, agency: a)
            }
            running[a].removeAll(keepingCapacity: true)
        }
    }

    /// Books `cost` from `from` to `to`, split at `agency`'s fiscal-year boundaries.
    ///
    /// The fiscal year is looked up once and then stepped: a long span (operations over decades) costs one
    /// booking per year, not a search per year.
    private mutating func chargeSpan(_ cost: RunningCost, from: Double, to: Double, agency: Int) {
        guard to > from else { return }
        var year = plan.agencies[agency].calendar.fiscalYear(ofDay: from)
        let first = plan.agencies[agency].calendar.firstYear
        let count = plan.agencies[agency].calendar.boundaries.count
        var day = from
        while day < to {
            let index = year - first + 1
            let boundary = index >= 0 && index < count ? plan.agencies[agency].calendar.boundaries[index] : .infinity
            let end = min(to, boundary)
            charge(
                cost.rate * (end - day), agency: agency, element: Int(cost.element), fiscalYear: year,
                category: cost.category)
            day = end
            year += 1
        }
    }

    /// Starts a running cost of element `e` (storage or operations) for its agency now.
    mutating func startRunning(
        _ category: CostCategory, of e: Int, rate: Double, at time: Double, until stop: Double = .infinity,
        scheduler: inout Scheduler<CampaignEvent>
    ) {
        guard rate > 0, time < cancelledDay else { return }
        let agency = elements[e].agency
        guard !withdrawn[agency] else { return }
        accrue(agency, to: time)
        running[agency].append(
            RunningCost(rate: rate, element: Int32(e), key: Int32(e), category: category, start: time, end: stop))
        rebalance(agency, at: time, scheduler: &scheduler)
    }

    /// Stops element `e`'s running cost in `category` (storage or operations), if it runs.
    mutating func stopRunning(
        _ category: CostCategory, of e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        for a in running.indices where running[a].contains(where: { $0.key == Int32(e) && $0.category == category }) {
            accrue(a, to: time)
            if let i = running[a].firstIndex(where: { $0.key == Int32(e) && $0.category == category }) {
                running[a][i].end = min(running[a][i].end, time)
            }
            rebalance(a, at: time, scheduler: &scheduler)
            return
        }
    }

    /// Ends every running cost of `agency` (every agency when nil) now: a withdrawal, a cancellation.
    mutating func stopAllRunning(of agency: Int?, at time: Double) {
        for a in running.indices where agency == nil || agency == a {
            accrue(a, to: time)
            for i in running[a].indices { running[a][i].end = min(running[a][i].end, time) }
            running[a].removeAll { $0.end <= time }
        }
    }

    /// Launch `l` makes its first attempt: the costs that start with it start.
    mutating func runningCostsAtFirstAttempt(of l: Int, at time: Double) {
        for raw in costTriggersByLaunch[l] {
            let i = Int(raw)
            if i < plan.fixedCosts.count {
                if case .launch(l) = plan.fixedCosts[i].from { startFixedCost(i, at: time, until: .infinity) }
            } else if case .launch(l) = plan.commonCosts[i - plan.fixedCosts.count].from {
                startCommonCost(i - plan.fixedCosts.count, at: time)
            }
        }
    }

    /// Every launch is over: the campaign ends with its last mission, so the costs that run to its end
    /// stop then (the fiscal-year events after it book none of them).
    mutating func runningCostsAtCampaignEnd(at time: Double) {
        let stop = campaignEnd(lastEvent: time, reachedHorizon: false)
        for a in running.indices {
            for i in running[a].indices where running[a][i].end == .infinity { running[a][i].end = max(time, stop) }
        }
    }

    /// Launch `l` is over (it flew, or was given up): the costs that stop with it stop.
    mutating func runningCostsAtLaunchEnd(of l: Int, at time: Double) {
        for raw in costTriggersByLaunch[l] {
            let i = Int(raw)
            if i < plan.fixedCosts.count {
                if case .launch(l) = plan.fixedCosts[i].until { stopFixedCost(i, at: time) }
            } else if case .launch(l) = plan.commonCosts[i - plan.fixedCosts.count].to {
                stopCommonCost(i - plan.fixedCosts.count, at: time)
            }
        }
    }

    /// Element `e` is in place: its operations start (when it works; they run to the campaign's end, as a
    /// station module's or a rover's do, or until the programme is cancelled), and the costs tied to its arrival
    /// start or stop. An arrival stated before the status date counts from the status date.
    mutating func runningCostsAtArrival(of e: Int, at when: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let time = max(when, plan.actuals.statusDay)
        let element = plan.elements[e]
        if element.operationsPerDay > 0, elements[e].works, elements[e].cause == nil {
            startRunning(.operations, of: e, rate: element.operationsPerDay, at: time, scheduler: &scheduler)
        }
        for raw in costTriggersByArrival[e] {
            let i = Int(raw)
            if i < plan.fixedCosts.count {
                let cost = plan.fixedCosts[i]
                if case .arrival(e) = cost.from { startFixedCost(i, at: time, until: .infinity) }
                if case .arrival(e) = cost.until { stopFixedCost(i, at: time) }
            } else {
                let cost = plan.commonCosts[i - plan.fixedCosts.count]
                if case .arrival(e) = cost.from { startCommonCost(i - plan.fixedCosts.count, at: time) }
                if case .arrival(e) = cost.to { stopCommonCost(i - plan.fixedCosts.count, at: time) }
            }
        }
    }

    private mutating func stopFixedCost(_ i: Int, at time: Double) {
        guard costStopDay[i].isNaN else { return }
        costStopDay[i] = time
        let agency = plan.fixedCosts[i].agency
        accrue(agency, to: time)
        if let k = running[agency].firstIndex(where: { $0.key == Int32(i) && $0.category == .fixed }) {
            running[agency][k].end = min(running[agency][k].end, time)
        }
    }
}
