import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// An agency withdraws: its unfinished elements move to the replacement after the transfer delay (at
    /// the replacement's cost factor for the element's kind), or are cancelled; launches on its vehicles
    /// move to the replacement's cheapest vehicle that can carry them, or are cancelled.
    mutating func withdraw(
        _ withdrawal: SimulationPlan.WithdrawalPlan, at time: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        let agency = withdrawal.agency
        guard !withdrawn[agency] else { return }
        accrue(agency, to: time)
        withdrawn[agency] = true
        budgetFactor[agency] = 0
        let replacement = withdrawal.replacement
        let target = replacement.map { plan.agencies[$0].id.rawValue } ?? "nobody"
        note(
            time, .withdrawal, agency: agency,
            "\(plan.agencies[agency].id) withdraws; its unfinished work goes to \(target)")
        for e in plan.elements.indices where elements[e].agency == agency {
            switch elements[e].status {
            case .notStarted, .queued, .developing, .transferring:
                if let index = developing[agency].firstIndex(of: Int32(e)) { developing[agency].remove(at: index) }
                releaseSlot(of: e, at: time, scheduler: &scheduler)
                if let replacement {
                    moveElement(e, to: replacement, at: time, after: withdrawal.transferDays, scheduler: &scheduler)
                } else {
                    elements[e].status = .cancelled
                    elements[e].cause = .partnerWithdrawal
                    elements[e].generation &+= 1
                    note(time, .cancelled, element: e, "\(plan.elements[e].id) is cancelled")
                    // Elements already waiting to dock with it never will (its launch, lost next, skips
                    // payload that already has a cause).
                    failPendingDocks(on: e, at: time)
                    if let launch = plan.elements[e].launch {
                        loseLaunch(launch, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
                    }
                }
            default:
                break
            }
        }
        for l in plan.launches.indices where !launches[l].done && plan.vehicles[launches[l].vehicle].owner == agency {
            substituteVehicle(
                l, replacement: replacement, at: time, after: withdrawal.transferDays,
                scheduler: &scheduler)
        }
        rebalance(agency, at: time, scheduler: &scheduler)
    }

    private mutating func moveElement(
        _ e: Int, to replacement: Int, at time: Double, after days: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        let started = elements[e].status != .notStarted
        elements[e].agency = replacement
        elements[e].costFactor = plan.agencies[replacement].capabilities[plan.elements[e].kind] ?? 1
        elements[e].scheduleFactor = plan.agencies[replacement].scheduleFactors[plan.elements[e].kind] ?? 1
        elements[e].generation &+= 1
        elements[e].funding = -1
        if started {
            elements[e].status = .transferring
            scheduler.schedule(.transferDone(element: Int32(e)), at: time + days)
        } else {
            // Not started yet: it simply starts at the replacement, no earlier than the transfer allows.
            scheduler.schedule(.start(element: Int32(e)), at: max(time + days, plan.elements[e].startDay))
            elements[e].status = .notStarted
        }
        // Rates follow the replacement's cost factor from now on.
        if started { rescaleRates(e) }
        note(
            time, .transferred, element: e,
            "\(plan.elements[e].id) moves to \(plan.agencies[replacement].id) (ready to resume in \(DecimalText.whole(days.rounded(.towardZero))) days)"
        )
    }

    /// Recomputes the current phase's rates for the element's (new) cost and schedule factors, keeping the
    /// share of the phase already done.
    private mutating func rescaleRates(_ e: Int) {
        let share = elements[e].phaseDays > 0 ? min(1, elements[e].remainingDays / elements[e].phaseDays) : 1
        beginPhase(e, phase: elements[e].phase)
        elements[e].remainingDays = elements[e].phaseDays * share
    }

    private mutating func substituteVehicle(
        _ l: Int, replacement: Int?, at time: Double, after days: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        let launch = plan.launches[l]
        let mass = launch.payload.reduce(0) { $0 + plan.elements[$1].massKg }
        let candidates = plan.vehicles.indices.filter { v in
            plan.vehicles[v].owner == replacement && replacement != nil
                && (plan.vehicles[v].capacityKg[launch.destination] ?? 0) >= mass
        }
        guard let best = candidates.min(by: { plan.vehicles[$0].priceMUSD < plan.vehicles[$1].priceMUSD }) else {
            note(time, .cancelled, launch: l, "launch \(launch.id) loses its vehicle and is cancelled")
            loseLaunch(l, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
            return
        }
        launches[l].vehicle = best
        launchNotBefore[l] = time + days
        note(time, .transferred, launch: l, "launch \(launch.id) moves to \(plan.vehicles[best].id)")
        if launches[l].integrated, !launches[l].scheduledDay.isNaN {
            scheduleLaunch(l, from: time, scheduler: &scheduler)
        }
    }
}
