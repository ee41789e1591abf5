import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// Whether payload element `p` has left its launch (cancelled or lost before flying).
    func isDropped(_ p: Int) -> Bool {
        elements[p].launchedDay.isNaN && (elements[p].status == .cancelled || elements[p].status == .lost)
    }

    /// The mass of the payload still manifested on launch `l`, kg.
    func manifestedMass(_ l: Int) -> Double {
        var mass = 0.0
        for p in plan.launches[l].payload where !isDropped(p) { mass += plan.elements[p].massKg }
        return mass
    }

    /// Ends element `e` before it flies, with `cause`, and re-manifests its launch.
    ///
    /// The element's development stops, what waits to dock with it never will, and the interfaces it
    /// provides are void (nothing is left to verify them against). Its launch then flies the rest of its
    /// payload, unless what is left cannot serve an objective: an element whose every objective also needs
    /// an element already lost, or that docks to one, stays on the ground as well (ESA kept and stored the
    /// Rosalind Franklin rover when the Russian platform it was to land on was gone, 2022). When nothing
    /// useful is left, the launch is cancelled.
    mutating func drop(_ e: Int, cause: LossCause, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard elements[e].launchedDay.isNaN, elements[e].status != .cancelled, elements[e].status != .lost
        else { return }
        switch elements[e].status {
        case .queued, .developing, .transferring: stopDevelopment(e, at: time, scheduler: &scheduler)
        default: elements[e].generation &+= 1
        }
        if plan.elements[e].storagePerDay > 0 { stopRunning(.storage, of: e, at: time, scheduler: &scheduler) }
        elements[e].status = .cancelled
        elements[e].cause = elements[e].cause ?? cause
        lossesPending = true
        elements[e].causeDay = time
        failPendingDocks(on: e, at: time)
        voidInterfaces(providedBy: e, at: time, scheduler: &scheduler)
        guard let l = plan.elements[e].launch, !launches[l].done, launches[l].launchedDay.isNaN else { return }
        remanifest(l, cause: cause, at: time, scheduler: &scheduler)
    }

    /// Launch `l` lost part of its payload: ground what no longer serves an objective, cancel the launch
    /// when nothing is left, or see whether the rest is now ready to integrate.
    mutating func remanifest(_ l: Int, cause: LossCause, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        var useful = false
        for p in plan.launches[l].payload where !isDropped(p) {
            if servesAnObjective(p) {
                useful = true
            } else {
                note(
                    time, .cancelled, element: p,
                    "\(plan.elements[p].id) stays on the ground: what it serves is lost")
                drop(p, cause: cause, at: time, scheduler: &scheduler)
                if launches[l].done { return }
            }
        }
        guard !launches[l].done else { return }
        guard useful else {
            note(time, .cancelled, launch: l, "launch \(plan.launches[l].id) is cancelled: nothing left to fly")
            loseLaunch(l, cause: cause, at: time, scheduler: &scheduler)
            return
        }
        if recordsTrace {
            note(time, .transferred, launch: l, "launch \(plan.launches[l].id) now carries \(payloadNames(l))")
        }
        if let first = plan.launches[l].payload.first(where: { !isDropped($0) }) {
            integrateIfReady(l, trigger: first, at: time, scheduler: &scheduler)
        }
    }

    /// Whether `p` still serves an objective: some objective needing it needs nothing already lost, and it
    /// does not dock to a lost element. An element no objective needs serves the campaign as planned.
    func servesAnObjective(_ p: Int) -> Bool {
        let mission = plan.missions[plan.launches[plan.elements[p].launch ?? 0].mission]
        if let dock = mission.docks.first(where: { $0.element == p }), elements[dock.target].cause != nil,
            elements[dock.target].inPlaceDay.isNaN
        {
            return false
        }
        var needed = false
        for objective in plan.objectives where objective.needs.contains(p) {
            needed = true
            if objective.needs.allSatisfy({ elements[$0].cause == nil }) { return true }
        }
        return !needed
    }

    /// The interfaces `e` provides will never be verified: the counterpart no longer waits for them.
    mutating func voidInterfaces(providedBy e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        for raw in contractsByElement[e] {
            let c = Int(raw)
            guard contractState[c] != .verified, contractState[c] != .void else { continue }
            contractState[c] = .void
            let counterpart = plan.contracts[c].counterpart
            elements[counterpart].unverifiedContracts -= 1
            if let launch = plan.elements[counterpart].launch, elements[counterpart].status == .delivered {
                integrateIfReady(launch, trigger: counterpart, at: time, scheduler: &scheduler)
            }
        }
    }

    /// Launch `l` lost its vehicle (its owner withdrew, or it was retired): it moves to its first available
    /// alternate after the re-manifest delay; or waits for a scenario's substitution still to come; or moves
    /// to the replacement agency's cheapest vehicle that can carry it after the transfer delay; or is
    /// cancelled.
    mutating func substituteVehicle(
        _ l: Int, replacement: Int?, at time: Double, after days: Double, cause: LossCause,
        scheduler: inout Scheduler<CampaignEvent>
    ) {
        let launch = plan.launches[l]
        let mass = manifestedMass(l)
        if let alternate = launch.alternates.first(where: { canCarry($0, l, mass) }) {
            moveLaunch(l, to: alternate, notBefore: time + plan.assumptions.remanifestDays, at: time, &scheduler)
            return
        }
        if let substitution = plan.substitutions.first(where: { $0.launch == l && $0.day >= time }) {
            launches[l].generation &+= 1
            launches[l].scheduledDay = .nan
            launchNotBefore[l] = .infinity
            note(
                time, .transferred, launch: l,
                "launch \(launch.id) loses its vehicle; it waits for \(plan.vehicles[substitution.vehicle].id) from \(plan.date(ofDay: substitution.day))"
            )
            return
        }
        let candidates = plan.vehicles.indices.filter { v in
            replacement != nil && plan.vehicles[v].owner == replacement && canCarry(v, l, mass)
        }
        guard let best = candidates.min(by: { plan.vehicles[$0].priceMUSD < plan.vehicles[$1].priceMUSD }) else {
            note(time, .cancelled, launch: l, "launch \(launch.id) loses its vehicle and is cancelled")
            loseLaunch(l, cause: cause, at: time, scheduler: &scheduler)
            return
        }
        moveLaunch(l, to: best, notBefore: time + days, at: time, &scheduler)
    }

    /// Whether vehicle `v` can take launch `l` now: flying (not retired, its owner still in), with the
    /// capacity to the destination.
    func canCarry(_ v: Int, _ l: Int, _ mass: Double) -> Bool {
        !retired[v] && !(plan.vehicles[v].owner.map { withdrawn[$0] } ?? false)
            && (plan.vehicles[v].capacityKg[plan.launches[l].destination] ?? 0) >= mass
    }

    /// Moves launch `l` to vehicle `v`, flying no earlier than `notBefore`; a booked attempt goes stale.
    mutating func moveLaunch(
        _ l: Int, to v: Int, notBefore: Double, at time: Double, _ scheduler: inout Scheduler<CampaignEvent>
    ) {
        let wasBooked = !launches[l].scheduledDay.isNaN || launchNotBefore[l] == .infinity
        launches[l].vehicle = v
        launches[l].generation &+= 1
        launches[l].scheduledDay = .nan
        launchNotBefore[l] = notBefore
        note(
            time, .transferred, launch: l,
            "launch \(plan.launches[l].id) moves to \(plan.vehicles[v].id) (not before \(plan.date(ofDay: notBefore)))")
        if launches[l].integrated, wasBooked { scheduleLaunch(l, from: time, scheduler: &scheduler) }
    }

    /// A scenario's substitution takes effect: the launch, if it has not flown, moves to the new vehicle.
    mutating func substitute(_ s: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let substitution = plan.substitutions[s]
        let l = substitution.launch
        guard !launches[l].done, launches[l].launchedDay.isNaN, time < cancelledDay else { return }
        guard canCarry(substitution.vehicle, l, manifestedMass(l)) else {
            note(
                time, .cancelled, launch: l,
                "launch \(plan.launches[l].id) cannot move to \(plan.vehicles[substitution.vehicle].id)")
            if launchNotBefore[l] == .infinity {
                loseLaunch(l, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
            }
            return
        }
        moveLaunch(
            l, to: substitution.vehicle, notBefore: time + plan.assumptions.remanifestDays, at: time, &scheduler)
    }
}
