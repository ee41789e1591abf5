import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// An element's start date: set up its first unfinished phase and ask for a development slot.
    mutating func startElement(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard elements[e].status == .notStarted else { return }
        let element = plan.elements[e]
        // A taker that cannot build the kind starts a new build: the leaver's progress is not its own.
        let fresh = elements[e].startsOver
        // The phase durations on the stack (at most 10 phases): no allocation per element and trial.
        let (phase, skip) = withUnsafeTemporaryAllocation(of: Double.self, capacity: element.phases.count) {
            durations in
            var total = 0.0
            for k in durations.indices {
                durations[k] = phaseParameters(e, phase: k).days
                total += durations[k]
            }
            var skip = fresh ? 0 : element.progress * total
            var phase = 0
            // Phases done by the status actuals are done whatever their drawn durations; `progress` counts
            // them as part of the share done.
            let done =
                plan.actuals.phasesDone.isEmpty || fresh ? 0 : min(plan.actuals.phasesDone[e], durations.count)
            while phase < done {
                skip -= durations[phase]
                phase += 1
            }
            skip = max(0, skip)
            // A phase is done when the progress point is past it; a zero-length phase at the progress point
            // is not (progress 0 does not skip buying finished hardware), unless the element is complete.
            while phase < durations.count, skip >= durations[phase], skip > 0 || (element.progress >= 1 && !fresh) {
                skip -= durations[phase]
                phase += 1
            }
            return (phase, skip)
        }
        if phase == element.phases.count {
            note(time, .delivered, element: e, "\(element.id) was complete at the start")
            deliver(e, at: time, scheduler: &scheduler)
            return
        }
        beginPhase(e, phase: phase)
        elements[e].remainingDays = max(0, elements[e].remainingDays - skip)
        requestSlot(e, at: time, scheduler: &scheduler)
    }

    /// Duration (days) and cost (MUSD) of a phase this trial: drawn, times the element's growth factors
    /// (its builder's, correlated across elements; after a takeover, times the taker's schedule factor), plus register risks that strike
    /// it and, on the last phase, a scenario's forced delay.
    ///
    /// The cost is the phase's cost at its likely duration: the days beyond it (a longer draw, schedule
    /// growth, a risk's delay) cost the standing army on top, as every day the phase runs does (`beginPhase`).
    func phaseParameters(_ e: Int, phase k: Int) -> (days: Double, cost: Double) {
        let element = plan.elements[e]
        var days = draws.phaseDuration[e][k] * draws.scheduleGrowth[e] * elements[e].scheduleFactor
        var cost = draws.phaseCost[e][k] * draws.costGrowth[e]
        for raw in risksByElement[e] where plan.risks[Int(raw)].phase == k && draws.riskStrikes[Int(raw)] {
            let risk = plan.risks[Int(raw)]
            days += risk.impactDays
            cost += risk.impactMUSD
        }
        if k == element.phases.count - 1, element.forcedDelayDays > 0 { days += element.forcedDelayDays }
        return (days, cost)
    }

    /// Sets the rates of phase `k` (or of a rebuild, when `k` is the phase count).
    ///
    /// A cost-loaded schedule (NASA Cost Estimating Handbook v4.0, 2015, Appendix J): a phase of drawn
    /// cost `C` (its cost at its likely duration `L`) and drawn duration `T` splits into time-dependent
    /// cost, the standing army (`a` MUSD/day, paid every calendar day the phase runs), and time-independent
    /// work `C - a * L` (materials, contracts). At full funding it costs `C + a * (T - L)`: a phase that
    /// runs longer than planned costs more, so cost and schedule move together. Funding a fraction `f` of
    /// the time-independent rate stretches it to `T / f` days at `C + a * (T / f - L)`: a stretched
    /// schedule costs more too, the mechanism GAO cites for cost growth under constrained funding
    /// (GAO-09-306SP).
    mutating func beginPhase(_ e: Int, phase k: Int) {
        // Fields are read in place: copying the element's plan would retain each of its arrays.
        let phaseCount = plan.elements[e].phases.count
        var days: Double
        var cost: Double
        var likely: Double
        if k < phaseCount {
            (days, cost) = phaseParameters(e, phase: k)
            likely = plan.elements[e].phases[k].duration.likely
        } else {
            // A rebuild after a launch failure: a stated fraction of the whole development.
            let fraction = plan.elements[e].launch.map { plan.launches[$0].rebuildFraction } ?? 0.5
            days = 0
            cost = 0
            likely = 0
            for phase in 0..<phaseCount {
                let p = phaseParameters(e, phase: phase)
                days += p.days * fraction
                cost += p.cost * fraction
                likely += plan.elements[e].phases[phase].duration.likely * fraction
            }
        }
        let factor = elements[e].costFactor
        elements[e].phase = k
        // A design that states no standing army: the assumptions' share of the phase's likely cost is
        // time-dependent, spread over its likely duration (a zero-length purchase has none).
        var army = plan.elements[e].standingArmyPerDay
        if army == 0, likely > 0 {
            let phases = plan.elements[e].phases
            let likelyCost =
                k < phaseCount
                ? phases[k].cost.likely
                : phases.reduce(0) { $0 + $1.cost.likely } * (likely / phases.reduce(0) { $0 + $1.duration.likely })
            army = plan.assumptions.timeDependentShare * likelyCost / likely
        }
        elements[e].fixedRate = army * factor
        let variable = max(0, cost * factor - elements[e].fixedRate * likely)
        elements[e].variableRate = days > 0 ? variable / days : 0
        elements[e].lumpCost = days > 0 ? 0 : variable
        elements[e].remainingDays = days
        elements[e].phaseDays = days
        elements[e].generation &+= 1
    }

    /// The share of element `e`'s development its paying agency pays: all of it, unless it buys the element
    /// at a fixed price from another builder. Then the builder absorbs cost growth up to `s` of the price
    /// (`fixed-price-overrun-absorbed`) and the payer the rest: with growth factor `g`, the payer pays
    /// `(g - min(g - 1, s)) / g` of every development booking, the builder `min(g - 1, s) / g` (Boeing paid
    /// Starliner's overruns under its fixed price, README "Growth"). Schedule growth reaches the payer either way.
    func payerShare(_ e: Int) -> Double {
        guard plan.elements[e].fixedPrice, elements[e].agency != plan.elements[e].builder else { return 1 }
        let growth = draws.costGrowth[e]
        guard growth > 1 else { return 1 }
        return (growth - min(growth - 1, plan.assumptions.fixedPriceOverrunAbsorbed)) / growth
    }

    /// Books `amount` of element `e`'s development spent on `day`: the paying agency's share to `agency`, the
    /// rest (under a fixed price) to its builder.
    mutating func chargeDevelopment(_ amount: Double, of e: Int, agency: Int, on day: Double) {
        let share = payerShare(e)
        charge(
            amount * share, agency: agency, element: e,
            fiscalYear: plan.agencies[agency].calendar.fiscalYear(ofDay: day), category: .development)
        guard share < 1 else { return }
        let builder = plan.elements[e].builder
        charge(
            amount * (1 - share), agency: builder, element: e,
            fiscalYear: plan.agencies[builder].calendar.fiscalYear(ofDay: day), category: .development)
    }

    /// Queues the element for a development slot of its agency (strict FIFO) and starts it when granted.
    mutating func requestSlot(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let agency = elements[e].agency
        elements[e].status = .queued
        if slots[agency].request(Int32(e)) {
            beginDevelopment(e, at: time, scheduler: &scheduler)
        } else {
            note(
                time, .queued, element: e,
                "\(plan.elements[e].id) waits for a development slot at \(plan.agencies[agency].id)")
        }
    }

    mutating func beginDevelopment(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let agency = elements[e].agency
        elements[e].status = .developing
        elements[e].holdsSlot = true
        elements[e].lastUpdate = time
        elements[e].funding = -1  // forces a schedule at the rebalance below
        developing[agency].append(Int32(e))
        note(
            time, .developmentStarted, element: e,
            "\(plan.agencies[agency].id) starts \(elements[e].isRebuild ? "rebuilding" : "developing") \(plan.elements[e].id) (\(phaseName(e)))"
        )
        rebalance(agency, at: time, scheduler: &scheduler)
    }

    func phaseName(_ e: Int) -> String {
        let k = elements[e].phase
        return k < plan.elements[e].phases.count ? plan.elements[e].phases[k].name : "rebuild"
    }

    /// Books the spending of the agency's developing elements up to `time` and advances their work.
    mutating func accrue(_ agency: Int, to time: Double) {
        accrueRunning(agency, to: time)
        for raw in developing[agency] {
            let e = Int(raw)
            let dt = time - elements[e].lastUpdate
            guard dt > 0 else { continue }
            let state = elements[e]
            let funding = max(0, state.funding)
            let spend = (state.variableRate * funding + state.fixedRate) * dt
            chargeDevelopment(spend, of: e, agency: agency, on: state.lastUpdate)
            elements[e].remainingDays = max(0, state.remainingDays - funding * dt)
            if funding < 1 {
                elements[e].stretchedDays += dt
                if hasLine[agency] { lineBound[agency] = true }
            }
            elements[e].lastUpdate = time
        }
    }

    /// Shares what the agency's funding line can give development now between its developing elements.
    ///
    /// The line's balance is spread over the days left in the fiscal year (see `fundingFraction`).
    /// Standing armies and running costs are paid first; the rest funds variable work pro rata, up to full
    /// pace. Elements whose funding changed get a new completion event (older ones go stale by generation).
    mutating func rebalance(_ agency: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        accrue(agency, to: time)
        if lineOpen[agency] { rollLine(agency, toFiscalYear: plan.agencies[agency].calendar.fiscalYear(ofDay: time)) }
        if lineOpen[agency], plan.agencies[agency].shortFirst == .operations { cutOperationsIfShort(agency, at: time) }
        let funding = fundingFraction(agency, at: time)
        for raw in developing[agency] {
            let e = Int(raw)
            guard elements[e].funding != funding else { continue }
            elements[e].funding = funding
            elements[e].generation &+= 1
            let remaining = elements[e].remainingDays
            if remaining <= 0 {
                scheduler.schedule(.phaseEnd(element: raw, generation: elements[e].generation), at: time)
            } else if funding > 0 {
                scheduler.schedule(
                    .phaseEnd(element: raw, generation: elements[e].generation),
                    at: time + remaining / funding)
            }
        }
        if needsFiscalEvents(agency) { scheduleFiscalEvent(agency, after: time, scheduler: &scheduler) }
    }

    /// Under `short-first="operations"`: the agency's operations go unfunded while its line cannot also pay
    /// development at full pace (NASA's senior reviews end operating missions to fund new ones; the FY2026
    /// request proposed ending dozens), and are paid again when it can. The model does not stop an element
    /// whose operations are unfunded: the cut saves money, and the report says how often the line bound.
    mutating func cutOperationsIfShort(_ agency: Int, at time: Double) {
        let wasCut = operationsCut[agency]
        operationsCut[agency] = false
        let short = fundingFraction(agency, at: time) < 1 && operationsRate(agency, at: time) > 0
        operationsCut[agency] = short
        if short { lineBound[agency] = true }
        if short != wasCut {
            note(
                time, .operationsCut, agency: agency,
                short
                    ? "\(plan.agencies[agency].id) stops paying its operations: its line cannot also fund development at full pace"
                    : "\(plan.agencies[agency].id) pays its operations again")
        }
    }

    /// The fraction of full pace the agency can fund now: 1 without a funding line; with one, what is left of
    /// the line this fiscal year spread over its days left, less standing armies and running costs, over the
    /// variable rate of full pace (clamped to 0...1).
    func fundingFraction(_ agency: Int, at time: Double) -> Double {
        guard lineOpen[agency] else { return 1 }
        var fixed = 0.0
        var variable = 0.0
        for raw in developing[agency] {
            let share = payerShare(Int(raw))
            fixed += elements[Int(raw)].fixedRate * share
            variable += elements[Int(raw)].variableRate * share
        }
        guard variable > 0 else { return 1 }
        // `lineRate` takes the running costs off (they were taken off twice here, starving development).
        let available = lineRate(agency, at: time, standingArmies: fixed)
        guard available.isFinite else { return 1 }
        return min(1, max(0, available) / variable)
    }

    /// The current phase of `e` is done: start the next or deliver.
    mutating func finishPhase(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let agency = elements[e].agency
        accrue(agency, to: time)
        if elements[e].lumpCost > 0 {
            chargeDevelopment(elements[e].lumpCost, of: e, agency: agency, on: time)
            elements[e].lumpCost = 0
        }
        let next = elements[e].phase + 1
        if !elements[e].isRebuild, next < plan.elements[e].phases.count {
            note(time, .phaseDone, element: e, "\(plan.elements[e].id) finishes \(phaseName(e))")
            beginPhase(e, phase: next)
            elements[e].funding = -1
            rebalance(agency, at: time, scheduler: &scheduler)
            return
        }
        if let index = developing[agency].firstIndex(of: Int32(e)) { developing[agency].remove(at: index) }
        releaseSlot(of: e, at: time, scheduler: &scheduler)
        deliver(e, at: time, scheduler: &scheduler)
        rebalance(agency, at: time, scheduler: &scheduler)
    }

    /// Stops the element's development for good (it was cancelled or its launch was lost): its spending
    /// up to now is booked, it leaves the agency's developing set and its slot, pending phase ends go stale,
    /// and the agency's budget is shared again among the rest.
    mutating func stopDevelopment(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let agency = elements[e].agency
        accrue(agency, to: time)
        if let index = developing[agency].firstIndex(of: Int32(e)) { developing[agency].remove(at: index) }
        releaseSlot(of: e, at: time, scheduler: &scheduler)
        elements[e].generation &+= 1
        rebalance(agency, at: time, scheduler: &scheduler)
    }

    /// Frees the element's development slot and hands it to the next element still waiting for it.
    mutating func releaseSlot(of e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard elements[e].holdsSlot else { return }
        elements[e].holdsSlot = false
        let agency = elements[e].agency
        var granted = slots[agency].release()
        // Skip entries that left the queue (moved to another agency or cancelled): pass the slot on.
        while let next = granted, elements[Int(next)].status != .queued || elements[Int(next)].agency != agency {
            granted = slots[agency].release()
        }
        if let next = granted { beginDevelopment(Int(next), at: time, scheduler: &scheduler) }
    }
}
