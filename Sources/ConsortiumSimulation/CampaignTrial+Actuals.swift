import ConsortiumEngine
import ConsortiumModel

extension CampaignTrial {
    /// Sets up the campaign's status actuals at the start of a trial, before anything is scheduled.
    ///
    /// Everything dated before the status date is taken as given and draws nothing: spending is booked as
    /// sunk cost, delivered elements are delivered on their day (their contracts settled then), flown
    /// launches fly on their day with their outcome (a failure grounds the vehicle for its stand-down
    /// from that day), and a payload whose arrival falls on or before the status date is in place and
    /// working, docked where it docks. The trace prints these lines as actuals. What follows from them is
    /// scheduled from the status date: verifying interfaces of delivered elements whose launch has not
    /// flown, integrating launches whose payload is all delivered, rebuilding the payload of a failed
    /// launch, and arrivals after the status date (which draw, as any arrival, whether the payload works).
    mutating func applyActuals(scheduler: inout Scheduler<CampaignEvent>) {
        let actuals = plan.actuals
        guard actuals.hasStatus else { return }
        let statusDay = actuals.statusDay
        notingActuals = true
        for spend in actuals.spending {
            charge(
                spend.musd, agency: spend.agency, element: spend.element, fiscalYear: spend.fiscalYear,
                category: .sunk)
        }
        for e in plan.elements.indices where !actuals.deliveredDay[e].isNaN {
            let day = actuals.deliveredDay[e]
            elements[e].status = .delivered
            elements[e].deliveredDay = day
            elements[e].firstDeliveredDay = day
            if contractsByElement[e].isEmpty {
                note(
                    day, .delivered, element: e,
                    "\(plan.agencies[elements[e].agency].id) delivers \(plan.elements[e].id)")
            }
            for raw in contractsByElement[e] { settle(Int(raw), deliveredAt: day) }
        }
        // An interface between two delivered elements was verified if either flew: nobody flies an
        // unverified stack.
        for c in plan.contracts.indices {
            let contract = plan.contracts[c]
            guard elements[contract.element].status.isDelivered, elements[contract.counterpart].status.isDelivered,
                flew(contract.element) || flew(contract.counterpart)
            else { continue }
            contractState[c] = .verified
            verificationAttempts[c] = 1
            elements[contract.counterpart].unverifiedContracts -= 1
        }
        for l in actuals.flightOrder {
            guard let flight = actuals.flights[l] else { continue }
            fly(l, flight, statusDay: statusDay, scheduler: &scheduler)
        }
        notingActuals = false
        // What follows from the actuals happens from the status date on.
        for c in plan.contracts.indices where contractState[c] == .waiting {
            startVerification(c, at: statusDay, scheduler: &scheduler)
        }
        for l in plan.launches.indices {
            if let flight = actuals.flights[l], !flight.success, plan.launches[l].rebuildOnFailure {
                for p in plan.launches[l].payload {
                    elements[p].isRebuild = true
                    elements[p].status = .notStarted
                    beginPhase(p, phase: plan.elements[p].phases.count)
                    requestSlot(p, at: statusDay, scheduler: &scheduler)
                }
            } else if actuals.flights[l] == nil, let last = plan.launches[l].payload.last {
                integrateIfReady(l, trigger: last, at: statusDay, scheduler: &scheduler)
            }
        }
    }

    /// Whether the launch that carries `e` flew by the status date.
    private func flew(_ e: Int) -> Bool {
        plan.elements[e].launch.map { plan.actuals.flights[$0] != nil } ?? false
    }

    /// Launch `l` flew as stated: its vehicle is busy (and after a failure, stood down) from that day.
    private mutating func fly(
        _ l: Int, _ flight: SimulationPlan.ActualsPlan.Flight, statusDay: Double,
        scheduler: inout Scheduler<CampaignEvent>
    ) {
        let launch = plan.launches[l]
        let v = launches[l].vehicle
        launches[l].attempts += 1
        launches[l].integrated = true
        launches[l].scheduledDay = flight.day
        vehicleFree[v] = max(vehicleFree[v], flight.day + plan.vehicles[v].minGapDays)
        guard flight.success else {
            let standDown =
                plan.vehicles[v].forcedStandDownDays ?? standDownDraw(l, vehicle: v, attempt: launches[l].attempts)
            standDowns[v].append(flight.day...(flight.day + standDown))
            vehicleFree[v] = max(vehicleFree[v], flight.day + standDown)
            note(
                flight.day, .launchFailed, launch: l,
                "\(plan.vehicles[v].id) failed launching \(launch.id); grounded \(DecimalText.whole(standDown.rounded(.towardZero))) days"
            )
            if launch.rebuildOnFailure {
                launches[l].integrated = false
            } else {
                loseLaunch(l, cause: .launchFailure, at: flight.day, scheduler: &scheduler)
            }
            return
        }
        launches[l].launchedDay = flight.day
        for p in launch.payload {
            elements[p].status = .launched
            elements[p].launchedDay = flight.day
        }
        note(flight.day, .launched, launch: l, "\(plan.vehicles[v].id) launches \(launch.id) (\(payloadNames(l)))")
        let arrival = plan.actuals.arrival(of: l, in: plan) ?? flight.day
        if arrival <= statusDay {
            arriveAsStated(l, at: arrival, scheduler: &scheduler)
        } else {
            scheduler.schedule(.arrival(launch: Int32(l)), at: arrival)
        }
    }

    /// The payload of launch `l` arrived on or before the status date: it is in place and works.
    private mutating func arriveAsStated(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let launch = plan.launches[l]
        launches[l].arrivedDay = time
        launches[l].done = true
        for p in launch.payload {
            elements[p].status = .arrived
            elements[p].arrivedDay = time
            elements[p].works = true
        }
        note(time, .arrived, launch: l, "\(launch.id) arrives (\(payloadNames(l)))")
        for p in launch.payload {
            if let dock = plan.missions[launch.mission].docks.first(where: { $0.element == p }) {
                tryDock(dock, at: time, scheduler: &scheduler)
            } else {
                elements[p].inPlaceDay = time
                completeDocks(waitingOn: p, at: time, scheduler: &scheduler)
            }
        }
        closeLaunch(l, at: time, scheduler: &scheduler)
    }
}
