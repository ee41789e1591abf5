import ConsortiumEngine

/// The milestone of the joint confidence level: the day it is met in a trial and the spending up to it.
///
/// NPR 7120.5's JCL is the probability of meeting a cost and a date for a stated milestone. Its cost is the
/// campaign's spending to that day (every agency, every category, transfers netting to zero), read without
/// booking anything: the ledger holds what is booked, and between two events every rate (development,
/// standing armies, running costs, common costs among them) is constant, so the spending to any day since the last event
/// is the booked total plus those rates times the days.
extension CampaignTrial {
    /// Notes the milestone after each event: a launch milestone when its launch has flown; an objective
    /// milestone when all its needed elements are in place, on the day its completion days later (an event
    /// is scheduled for a later day).
    mutating func trackMilestone(at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        // The kind alone, read in place: copying the milestone (its id) or an objective plan (its arrays) at
        // every event cost retains.
        guard let kind = plan.milestone?.kind else { return }
        switch kind {
        case .launch(let l):
            let day = launches[l].launchedDay
            if !day.isNaN, milestoneSnapshots.last?.day != day { milestoneSnapshots.append((day, costToDate(time))) }
        case .objective(let o):
            var last = -Double.infinity
            for e in plan.objectives[o].needs {
                let day = elements[e].inPlaceDay
                if day.isNaN { return }
                last = max(last, day)
            }
            let day = (last.isFinite ? last : 0) + plan.objectives[o].completionDays
            guard day != milestonePendingDay else { return }
            milestonePendingDay = day
            if day <= time {
                milestoneSnapshots.append((day, costToDate(time)))
            } else {
                scheduler.schedule(.milestone, at: day)
            }
        }
    }

    /// The campaign's spending up to `time` (no earlier than the last event): what the ledger holds plus
    /// what has run since and is not yet booked.
    func costToDate(_ time: Double) -> Double {
        var total = ledger.grandTotal
        for a in plan.agencies.indices {
            for raw in developing[a] {
                let state = elements[Int(raw)]
                let days = time - state.lastUpdate
                if days > 0 { total += (state.variableRate * max(0, state.funding) + state.fixedRate) * days }
            }
            let since = runningSince[a]
            for cost in running[a] where !(operationsCut[a] && cost.category == .operations) {
                let days = min(cost.end, time) - max(cost.start, since)
                if days > 0 { total += cost.rate * days }
            }
        }
        return total
    }

    /// The milestone's day and the spending up to it in the finished trial, given the judged objectives;
    /// nil when the milestone was not met (or the plan has none).
    func milestoneOutcome(_ objectives: [TrialOutcome.ObjectiveOutcome]) -> (day: Double, cost: Double)? {
        guard let milestone = plan.milestone else { return nil }
        let met: Double?
        switch milestone.kind {
        case .launch(let l): met = launches[l].launchedDay.nanAsNil
        case .objective(let o): met = objectives[o].achieved ? objectives[o].day : nil
        }
        guard let day = met else { return nil }
        // The spending noted on that day; a milestone met as stated before the status date has only the
        // spending stated before it (the first note).
        let noted = milestoneSnapshots.last { abs($0.day - day) < 1e-9 } ?? milestoneSnapshots.first
        return (day, noted?.cost ?? ledger.grandTotal)
    }
}
