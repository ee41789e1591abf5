import ConsortiumEngine
import ConsortiumModel

/// Funding lines (`<funding>` in a campaign): each agency with a line has a balance, refilled at the start
/// of each of its fiscal years by the year's line times its budget factor (plus last year's leftover when
/// unspent money carries over; a deficit always carries). Every spending booking debits it, cash and
/// penalties received credit it, barter and sunk cost touch it not. Development's variable work is funded
/// from what is left (see `fundingFraction`); under `short-first="launches"` a launch the balance cannot
/// pay waits. An agency without a line is unconstrained.
extension CampaignTrial {
    /// Opens each line on the trial's first day: the balance is the rest of that fiscal year's line, in
    /// proportion to the days of the year left.
    mutating func openLines(at day: Double) {
        for a in plan.agencies.indices {
            lineOpen[a] = false
            lineYear[a] = 0
            balance[a] = 0
            lineBound[a] = false
            operationsCut[a] = false
            lineDirty[a] = false
            deferredLaunches[a].removeAll(keepingCapacity: true)
            guard hasLine[a] else { continue }
            let calendar = plan.agencies[a].calendar
            let y = yearIndex(calendar.fiscalYear(ofDay: day))
            lineYear[a] = y
            lineOpen[a] = true
            balance[a] = plan.agencies[a].lineByYear[y] * yearFractionLeft(a, at: day)
        }
        linesDirty = false
        for l in awaitingFunds.indices { awaitingFunds[l] = false }
    }

    /// The ledger year index of fiscal year `fy`, clamped to the ledger's range.
    func yearIndex(_ fy: Int) -> Int {
        min(max(fy - plan.firstFiscalYear, 0), plan.fiscalYearCount - 1)
    }

    /// The share of the agency's fiscal year containing `day` still ahead of it (1 at the year's start).
    func yearFractionLeft(_ a: Int, at day: Double) -> Double {
        let calendar = plan.agencies[a].calendar
        let k = calendar.fiscalYear(ofDay: day) - calendar.firstYear
        guard k >= 0, k + 1 < calendar.boundaries.count else { return 1 }
        let length = calendar.boundaries[k + 1] - calendar.boundaries[k]
        return length > 0 ? min(1, max(0, (calendar.boundaries[k + 1] - day) / length)) : 1
    }

    /// Days left in the agency's fiscal year at `day` (a year's length past the calendar's table).
    func daysLeftInYear(_ a: Int, at day: Double) -> Double {
        let next = plan.agencies[a].calendar.nextBoundary(after: day)
        return next.isFinite ? max(next - day, 1e-9) : 365.25
    }

    /// Brings the agency's balance to fiscal year `fy`: each new year adds its line times the budget factor
    /// to what carries (the leftover with carry-over, only a deficit with lapse).
    mutating func rollLine(_ a: Int, toFiscalYear fy: Int) {
        let target = yearIndex(fy)
        guard lineOpen[a], lineYear[a] < target else { return }
        let carries = plan.agencies[a].carriesOver
        while lineYear[a] < target {
            lineYear[a] += 1
            let leftover = carries ? balance[a] : min(balance[a], 0)
            balance[a] = leftover + plan.agencies[a].lineByYear[lineYear[a]] * budgetFactor[a]
        }
    }

    /// Debits (or, for money received, credits) the agency's line with a booking; lump payments mark the
    /// line for a new share of its development once the current event is handled.
    mutating func debitLine(_ amount: Double, agency a: Int, fiscalYear: Int, category: CostCategory) {
        guard lineOpen[a], category != .barter, category != .sunk else { return }
        rollLine(a, toFiscalYear: fiscalYear)
        balance[a] -= amount
        // Development and running costs are paid as rates the share already counts; a lump payment or a
        // receipt changes what is left for the rest of the year.
        switch category {
        case .development, .fixed, .operations, .storage, .common: break
        default:
            lineDirty[a] = true
            linesDirty = true
        }
    }

    /// Sets the agency's budget factor from `time`: its line for the rest of this fiscal year changes in
    /// proportion to the days left, and later years take the new factor.
    mutating func setBudgetFactor(_ a: Int, to factor: Double, at time: Double) {
        if lineOpen[a] {
            rollLine(a, toFiscalYear: plan.agencies[a].calendar.fiscalYear(ofDay: time))
            balance[a] +=
                plan.agencies[a].lineByYear[lineYear[a]] * (factor - budgetFactor[a]) * yearFractionLeft(a, at: time)
            lineDirty[a] = true
            linesDirty = true
        }
        budgetFactor[a] = factor
    }

    /// The MUSD a day the agency can give development's variable work now: what is left of its line spread
    /// over the days left in the fiscal year, less its standing armies and running costs.
    func lineRate(_ a: Int, at time: Double, standingArmies: Double) -> Double {
        max(0, balance[a]) / daysLeftInYear(a, at: time) - runningRate(a, at: time) - standingArmies
    }

    /// After an event: every line that took a lump payment or a receipt shares its development again, and
    /// retries launches that wait for money.
    mutating func settleLines(at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        linesDirty = false
        for a in lineDirty.indices where lineDirty[a] {
            lineDirty[a] = false
            retryDeferredLaunches(a, at: time, scheduler: &scheduler)
            rebalance(a, at: time, scheduler: &scheduler)
        }
    }

    /// Under `short-first="launches"`: whether launch `l` must wait because its payer's line cannot pay its
    /// price now without taking what full-pace development and running costs need for the rest of the year.
    /// A launch that waits is re-tried at the payer's next fiscal year or when money comes in.
    mutating func defersForFunds(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) -> Bool {
        let payer = payerOfLaunch(l)
        guard lineOpen[payer], plan.agencies[payer].shortFirst == .launches else { return false }
        accrue(payer, to: time)
        rollLine(payer, toFiscalYear: plan.agencies[payer].calendar.fiscalYear(ofDay: time))
        let price = plan.vehicles[launches[l].vehicle].priceMUSD
        if canPay(price, agency: payer, at: time) { return false }
        awaitingFunds[l] = true
        lineBound[payer] = true
        deferredLaunches[payer].append(Int32(l))
        launches[l].generation &+= 1
        launches[l].scheduledDay = .nan
        note(
            time, .launchDeferred, launch: l,
            "launch \(plan.launches[l].id) waits for money: \(plan.agencies[payer].id)'s line has \(DecimalText.whole(max(0, balance[payer]))) MUSD left this year, short of the \(DecimalText.whole(price)) MUSD price after what its development needs"
        )
        scheduleFiscalEvent(payer, after: time, scheduler: &scheduler)
        return true
    }

    /// Whether the agency's balance covers `price` on top of what full-pace development and running costs
    /// need until the fiscal year ends.
    func canPay(_ price: Double, agency a: Int, at time: Double) -> Bool {
        var perDay = runningRate(a, at: time)
        for raw in developing[a] {
            perDay += (elements[Int(raw)].variableRate + elements[Int(raw)].fixedRate) * payerShare(Int(raw))
        }
        let committed = perDay * daysLeftInYear(a, at: time)
        return balance[a] - committed >= price - 1e-9 * max(1, price)
    }

    /// Books again the launches waiting for the agency's money that its balance can now pay, in the order
    /// they began to wait.
    mutating func retryDeferredLaunches(_ a: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard !deferredLaunches[a].isEmpty else { return }
        accrue(a, to: time)
        rollLine(a, toFiscalYear: plan.agencies[a].calendar.fiscalYear(ofDay: time))
        deferScratch.removeAll(keepingCapacity: true)
        swap(&deferScratch, &deferredLaunches[a])
        var committed = 0.0
        for raw in deferScratch {
            let l = Int(raw)
            guard awaitingFunds[l], !launches[l].done else {
                awaitingFunds[l] = false
                continue
            }
            let price = plan.vehicles[launches[l].vehicle].priceMUSD
            if payerOfLaunch(l) == a, canPay(price + committed, agency: a, at: time) {
                committed += price
                awaitingFunds[l] = false
                note(time, .launchDeferred, launch: l, "launch \(plan.launches[l].id) is funded and books again")
                scheduleLaunch(l, from: time, scheduler: &scheduler)
            } else {
                deferredLaunches[a].append(raw)
            }
        }
    }

    /// Schedules the agency's next fiscal-year event, unless one is pending.
    mutating func scheduleFiscalEvent(_ a: Int, after time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard !fiscalEventPending[a] else { return }
        let next = plan.agencies[a].calendar.nextBoundary(after: time)
        guard next.isFinite else { return }
        fiscalEventPending[a] = true
        scheduler.schedule(.fiscalYear(agency: Int32(a)), at: next, priority: .urgent)
    }

    /// Whether the agency needs its fiscal-year events: it develops, or it has a line and something waits
    /// for or draws on it (a deferred launch, running costs).
    func needsFiscalEvents(_ a: Int) -> Bool {
        !developing[a].isEmpty || (lineOpen[a] && (!deferredLaunches[a].isEmpty || !running[a].isEmpty))
    }

    /// Per agency, the peak use of its line in this trial: the largest over its fiscal years of the year's
    /// spending (every category but transfers and sunk cost) over the year's line as stated (the first
    /// year counted for the part of it the trial covers; years whose line is 0 are left out). NaN for an
    /// agency without a line.
    func peakLineUse(from day: Double) -> [Double] {
        plan.agencies.indices.map { a in
            guard hasLine[a] else { return .nan }
            let calendar = plan.agencies[a].calendar
            let first = yearIndex(calendar.fiscalYear(ofDay: day))
            let firstShare = yearFractionLeft(a, at: day)
            var peak = 0.0
            for y in first..<plan.fiscalYearCount {
                let line = plan.agencies[a].lineByYear[y] * (y == first ? firstShare : 1)
                var spent = 0.0
                for category in CostCategory.allCases where !category.isTransfer && category != .sunk {
                    spent += ledger.total(agency: a, category: category, yearIndex: y)
                }
                if line > 0 { peak = max(peak, spent / line) }
            }
            return peak
        }
    }
}
