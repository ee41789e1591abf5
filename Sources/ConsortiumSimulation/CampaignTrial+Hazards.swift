import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// The random purpose of a hazard's time (one stream per hazard and trial).
    static let hazardPurpose: UInt64 = 41

    /// Draws each hazard's day in this trial and schedules those before the horizon.
    ///
    /// A hazard with a constant yearly rate r strikes after an exponential time from the status date (the
    /// campaign start without one): day = status day - ln(1 - u) / r x 365.25 for a uniform u from the
    /// hazard's own stream, so it strikes within the first year with probability 1 - exp(-r). Nothing
    /// before the status date is drawn: a hazard that had struck would be in the record. A rate of zero
    /// never strikes.
    mutating func scheduleHazards(scheduler: inout Scheduler<CampaignEvent>) {
        for (h, hazard) in plan.hazards.enumerated() {
            hazardDay[h] = .infinity
            guard hazard.perYear > 0, hazard.perYear.isFinite else { continue }
            var stream = RandomStream(
                key: StreamKey(seed: seed, trial: trial, entity: hazard.streamID, purpose: Self.hazardPurpose))
            let day = plan.actuals.statusDay + Exponential(rate: hazard.perYear).quantile(stream.nextUnit()) * 365.25
            hazardDay[h] = day
            if day < plan.horizonDays {
                scheduler.schedule(.hazard(index: Int32(h)), at: max(0, day), priority: .urgent)
            }
        }
    }

    /// A hazard strikes: a partner exits (a withdrawal to its taker), the campaign is cancelled, or a
    /// vehicle is retired.
    mutating func strike(_ h: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let hazard = plan.hazards[h]
        guard time < cancelledDay else { return }
        switch hazard.kind {
        case .partnerExit:
            // A partner that has already left (a scenario's withdrawal, another hazard) cannot exit again.
            guard let agency = hazard.agency, !withdrawn[agency] else {
                hazardDay[h] = .infinity
                return
            }
            note(time, .withdrawal, agency: agency, "hazard strikes: \(hazard.label)")
            withdraw(
                SimulationPlan.WithdrawalPlan(
                    agency: agency, day: time, replacement: hazard.taker, transferDays: hazard.transferDays),
                at: time, scheduler: &scheduler)
        case .cancellation:
            cancelProgramme(at: time, scheduler: &scheduler)
        case .vehicleRetirement:
            guard let v = hazard.vehicle, !retired[v] else { return }
            retired[v] = true
            note(time, .withdrawal, agency: plan.vehicles[v].owner, "\(plan.vehicles[v].id) is retired")
            for l in plan.launches.indices
            where launches[l].vehicle == v && !launches[l].done && launches[l].launchedDay.isNaN {
                substituteVehicle(
                    l, replacement: nil, at: time, after: 0, cause: .vehicleRetired, scheduler: &scheduler)
            }
        }
    }

    /// The campaign is cancelled: every launch that has not flown is cancelled, every element not yet
    /// launched ends (its development stops), and common costs end on the day. What is already flying
    /// carries on.
    mutating func cancelProgramme(at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard cancelledDay == .infinity else { return }
        cancelledDay = time
        stopAllRunning(of: nil, at: time)
        note(time, .programmeCancelled, agency: leadAgency, "the programme is cancelled")
        for l in plan.launches.indices where !launches[l].done && launches[l].launchedDay.isNaN {
            loseLaunch(l, cause: .programmeCancelled, at: time, scheduler: &scheduler)
        }
        for e in plan.elements.indices where elements[e].launchedDay.isNaN && elements[e].cause == nil {
            drop(e, cause: .programmeCancelled, at: time, scheduler: &scheduler)
        }
        for a in plan.agencies.indices { setBudgetFactor(a, to: 0, at: time) }
    }
}
