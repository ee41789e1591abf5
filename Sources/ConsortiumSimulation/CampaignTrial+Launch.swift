import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// Integration is done: fly when the missions this one comes after are in place.
    mutating func finishIntegration(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard !launches[l].done else { return }
        note(time, .integrated, launch: l, "launch \(plan.launches[l].id) is integrated and ready")
        launches[l].ready = true
        if predecessorsDone(of: plan.launches[l].mission) {
            release(l, at: time, scheduler: &scheduler)
        } else {
            launchesWaitingForMissions.append(Int32(l))
        }
        operationsChanged(at: time, scheduler: &scheduler)
    }

    func predecessorsDone(of mission: Int) -> Bool {
        plan.missions[mission].after.allSatisfy { missionOpenLaunches[$0] == 0 }
    }

    /// Books the next possible flight: inside a launch window, with the vehicle free and not grounded.
    ///
    /// The vehicle is reserved at once (its next free day moves on by its minimum gap), so launches
    /// sharing a vehicle fly in the order they became ready.
    mutating func scheduleLaunch(_ l: Int, from time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        // A cancelled launch is never booked; one without a vehicle waits for its substitution.
        guard !launches[l].done, launchNotBefore[l] != .infinity else { return }
        let launch = plan.launches[l]
        let v = launches[l].vehicle
        let day = nextFlightDay(l, from: time)
        vehicleFree[v] = day + plan.vehicles[v].minGapDays
        launches[l].generation &+= 1
        launches[l].scheduledDay = day
        let waited = day - time
        note(
            time, .launchScheduled, launch: l,
            "launch \(launch.id) on \(plan.vehicles[v].id) booked for \(plan.date(ofDay: day))"
                + (waited >= 1 ? " (\(DecimalText.whole(waited)) days for window and vehicle)" : ""))
        scheduler.schedule(.launchAttempt(launch: Int32(l), generation: launches[l].generation), at: day)
    }

    /// The first day at or after `time` that launch `l` could fly: not before its earliest date, inside a
    /// launch window, with its vehicle free and not grounded (nothing is reserved).
    func nextFlightDay(_ l: Int, from time: Double) -> Double {
        let launch = plan.launches[l]
        let v = launches[l].vehicle
        var day = max(time, launch.earliestDay, launchNotBefore[l])
        // A crewed launch waits out the stand-down after a loss of crew.
        if isCrewed(l) { day = max(day, crewedNotBefore) }
        for _ in 0..<10_000 {
            day = max(day, vehicleFree[v])
            if let grounded = groundedInterval(v, at: day) {
                day = grounded.upperBound
                continue
            }
            let window = nextWindow(plan.missions[launch.mission].windows, from: day)
            if window == day { break }
            day = window
        }
        return day
    }

    /// A scenario grounding or a stand-down after a failure that covers `day`.
    func groundedInterval(_ v: Int, at day: Double) -> ClosedRange<Double>? {
        for interval in plan.vehicles[v].groundings where interval.contains(day) && interval.upperBound > day {
            return interval
        }
        for interval in standDowns[v] where interval.contains(day) && interval.upperBound > day { return interval }
        return nil
    }

    /// The first day at or after `day` inside a launch window (any day when the mission has none).
    ///
    /// Window k opens at `reference + k * period` and stays open `width` days; a stack ready one day
    /// after a window closes waits for the next opening, a full period later for Mars (779.9 days).
    func nextWindow(_ windows: SimulationPlan.WindowPlan?, from day: Double) -> Double {
        guard let windows, windows.periodDays > 0 else { return day }
        let k = ((day - windows.referenceDay) / windows.periodDays).rounded(.down)
        let opens = windows.referenceDay + k * windows.periodDays
        if day <= opens + windows.widthDays { return max(day, opens) }
        return opens + windows.periodDays
    }

    /// A launch attempt: the vehicle flies (paid per attempt) and succeeds with its reliability this trial
    /// (drawn once per trial from its posterior, so a failure earlier in the trial makes the next flight's
    /// success less likely, as the posterior predictive says); a failure grounds it for a stand-down.
    mutating func attemptLaunch(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let launch = plan.launches[l]
        let v = launches[l].vehicle
        // A launch ended by the campaign's cancellation never flies.
        if launches[l].done { return }
        if groundedInterval(v, at: time) != nil || (time < crewedNotBefore && isCrewed(l)) {
            // A failure grounded the vehicle (or a loss of crew stood crewed flights down) after this flight
            // was booked: book again.
            scheduleLaunch(l, from: time, scheduler: &scheduler)
            return
        }
        if propellantExpired(l, at: time, scheduler: &scheduler) || holdsAtAttempt(l, at: time, scheduler: &scheduler) {
            return
        }
        if hasLine[payerOfLaunch(l)], defersForFunds(l, at: time, scheduler: &scheduler) { return }
        launches[l].attempts += 1
        if launches[l].attempts == 1 { runningCostsAtFirstAttempt(of: l, at: time) }
        for p in launch.payload where plan.elements[p].storagePerDay > 0 {
            stopRunning(.storage, of: p, at: time, scheduler: &scheduler)
        }
        let payer = payerOfLaunch(l)
        charge(
            plan.vehicles[v].priceMUSD, agency: payer, element: launch.payload.first ?? -1,
            fiscalYear: plan.agencies[payer].calendar.fiscalYear(ofDay: time), category: .launch)
        let forced = launch.forcedFailures.contains(launches[l].attempts)
        let success = !forced && launchRandom[l].nextUnit() < reliability(of: v)
        vehicleFlights[v] += 1
        vehicleFree[v] = max(vehicleFree[v], time + plan.vehicles[v].minGapDays)
        if success {
            launches[l].launchedDay = time
            launches[l].inFlight = true
            for p in launch.payload where !isDropped(p) && elements[p].status != .arrived {
                elements[p].status = .launched
                elements[p].launchedDay = time
            }
            note(time, .launched, launch: l, "\(plan.vehicles[v].id) launches \(launch.id) (\(payloadNames(l)))")
            let transit = launch.transitDays ?? plan.missions[launch.mission].transitDays
            scheduler.schedule(.arrival(launch: Int32(l)), at: time + transit)
            return
        }
        let standDown = groundAfterFailure(v, launch: l, attempt: launches[l].attempts, at: time)
        note(
            time, .launchFailed, launch: l,
            "\(plan.vehicles[v].id) fails launching \(launch.id)\(forced ? " (forced by the scenario)" : ""); grounded \(DecimalText.whole(standDown.rounded(.towardZero))) days"
        )
        if isCrewed(l), crewedLaunchFailed(l, at: time, scheduler: &scheduler) { return }
        // Nobody rebuilds for a withdrawn agency that left no heir: that element is lost.
        if launch.rebuildOnFailure {
            for p in launch.payload where !isDropped(p) && withdrawn[elements[p].agency] {
                elements[p].cause = .partnerWithdrawal
                drop(p, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
            }
        }
        if launch.rebuildOnFailure, !launches[l].done {
            launches[l].integrated = false
            launches[l].scheduledDay = .nan
            launches[l].ready = false
            for p in launch.payload where !isDropped(p) && elements[p].status != .arrived {
                elements[p].isRebuild = true
                elements[p].status = .notStarted
                beginPhase(p, phase: plan.elements[p].phases.count)
                requestSlot(p, at: time, scheduler: &scheduler)
            }
        } else {
            loseLaunch(l, cause: .launchFailure, at: time, scheduler: &scheduler)
        }
    }

    /// The vehicle's reliability for its next flight in this trial: drawn once per trial from its early
    /// posterior while the flight's number (its flights before the campaign plus those of this trial, tanker
    /// flights included) is within its class's early window, and from its mature posterior after (README,
    /// "Launch reliability").
    func reliability(of v: Int) -> Double {
        vehicleFlights[v] < plan.vehicles[v].earlyFlights
            ? draws.vehicleReliability[v] : draws.vehicleMatureReliability[v]
    }

    /// Flight `attempt` of launch `l` on vehicle `v` failed (a payload launch, or one of its tanker flights):
    /// the vehicle stands down for a real return-to-flight duration drawn from the record (or a scenario's
    /// forced one). Returns the stand-down in days.
    mutating func groundAfterFailure(_ v: Int, launch l: Int, attempt: Int, at time: Double) -> Double {
        let standDown = plan.vehicles[v].forcedStandDownDays ?? standDownDraw(l, vehicle: v, attempt: attempt)
        standDowns[v].append(time...(time + standDown))
        vehicleFree[v] = max(vehicleFree[v], time + standDown)
        return standDown
    }

    /// The launch will never deliver its payload: its elements are lost and its mission moves on.
    ///
    /// `status` overrides the payload's final status (a launch held on the ground whose target was lost is
    /// cancelled, its payload never having flown).
    mutating func loseLaunch(
        _ l: Int, cause: LossCause, status: ElementStatus? = nil, at time: Double,
        scheduler: inout Scheduler<CampaignEvent>
    ) {
        guard !launches[l].done else { return }
        launches[l].done = true
        launches[l].lost = true
        // A booked attempt goes stale: a cancelled launch never flies.
        launches[l].generation &+= 1
        for p in plan.launches[l].payload where elements[p].cause == nil && elements[p].status != .arrived {
            // Work on the rest of the payload stops: nobody builds for a launch that will not fly.
            switch elements[p].status {
            case .queued, .developing, .transferring:
                stopDevelopment(p, at: time, scheduler: &scheduler)
                note(time, .cancelled, element: p, "\(plan.elements[p].id) is stopped: its launch will not fly")
            case .notStarted:
                note(time, .cancelled, element: p, "\(plan.elements[p].id) will not start: its launch will not fly")
            default:
                break
            }
            elements[p].status = status ?? (cause == .launchFailure ? .lost : .cancelled)
            elements[p].cause = cause
            elements[p].causeDay = time
            lossesPending = true
            failPendingDocks(on: p, at: time)
        }
        closeLaunch(l, at: time, scheduler: &scheduler)
        operationsChanged(at: time, scheduler: &scheduler)
    }

    /// The payload arrives: each element works or not over the mission, and docks where it docks.
    mutating func arrive(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let launch = plan.launches[l]
        guard !launches[l].done else { return }
        launches[l].arrivedDay = time
        launches[l].done = true
        launches[l].inFlight = false
        // Elements that arrived on an earlier flight of this launch (before a rebuild) stay as they are.
        for p in launch.payload where elements[p].status == .launched {
            elements[p].status = .arrived
            elements[p].arrivedDay = time
            elements[p].works =
                !plan.elements[p].forcedLosses.contains(elements[p].lossRebuilds + 1)
                && operationalDraw(p) < plan.elements[p].reliability
            if !elements[p].works {
                elements[p].cause = .elementFailure
                lossesPending = true
                elements[p].firstLoss = elements[p].firstLoss ?? .elementFailure
            }
        }
        note(time, .arrived, launch: l, "\(launch.id) arrives (\(payloadNames(l)))")
        for p in launch.payload where elements[p].status == .arrived && elements[p].arrivedDay == time {
            startTimeInSpace(p, at: time, scheduler: &scheduler)
        }
        for p in launch.payload where elements[p].status == .arrived && elements[p].arrivedDay == time {
            // Only a crew vehicle has its crew aboard on arrival: a crewed lander arrives uncrewed, held for its
            // crew, and its failure found then is a lost element, not a lost crew.
            if !elements[p].works, ridesWithCrew(p), crewedElementFailed(p, at: time, scheduler: &scheduler) {
                elements[p].status = .lost
                elements[p].inPlaceDay = time
                failPendingDocks(on: p, at: time)
                continue
            }
            if !elements[p].works, rebuildsAfterLoss(p) {
                rebuildAfterLoss(p, at: time, scheduler: &scheduler)
                continue
            }
            if let dock = plan.missions[launch.mission].docks.first(where: { $0.element == p }) {
                tryDock(dock, at: time, scheduler: &scheduler)
            } else {
                elements[p].inPlaceDay = time
                completeDocks(waitingOn: p, at: time, scheduler: &scheduler)
            }
        }
        if launches[l].done {
            closeLaunch(l, at: time, scheduler: &scheduler)
        } else {
            // A rebuild opened the launch again during this arrival: the arrival's close and the reopening
            // cancel out, and the mission stays open for the new flight.
            missionOpenLaunches[launch.mission] -= 1
        }
        operationsChanged(at: time, scheduler: &scheduler)
    }

    /// Docks `dock.element` to its target if the target is in place, or waits for it.
    mutating func tryDock(_ dock: SimulationPlan.DockPlan, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let target = elements[dock.target]
        // A target lost after it got in place (its time in space ran out) is no place to dock.
        if !target.inPlaceDay.isNaN && target.status != .lost {
            // A docking before the status date is an actual: it happened, and draws nothing.
            if !notingActuals && dockingDraw(dock.element) < dock.failureProbability {
                elements[dock.element].cause = elements[dock.element].cause ?? .elementFailure
                elements[dock.element].firstLoss = elements[dock.element].firstLoss ?? .elementFailure
                elements[dock.element].works = false
                lossesPending = true
                note(
                    time, .dockingFailed, element: dock.element,
                    "\(plan.elements[dock.element].id) fails to dock to \(plan.elements[dock.target].id)")
                if elements[dock.element].cause == .elementFailure, rebuildsAfterLoss(dock.element) {
                    rebuildAfterLoss(dock.element, at: time, scheduler: &scheduler)
                    return
                }
            } else {
                note(
                    time, .docked, element: dock.element,
                    "\(plan.elements[dock.element].id) docks to \(plan.elements[dock.target].id)")
            }
            elements[dock.element].inPlaceDay = time
            completeDocks(waitingOn: dock.element, at: time, scheduler: &scheduler)
        } else if target.cause != nil && (target.status == .lost || target.status == .cancelled) {
            if elements[dock.element].cause == nil { elements[dock.element].lossRoot = Int32(dock.target) }
            elements[dock.element].cause = elements[dock.element].cause ?? target.cause
            lossesPending = true
            failPendingDocks(on: dock.element, at: time)
        } else {
            pendingDocks[dock.target].append(dock)
        }
    }

    mutating func completeDocks(
        waitingOn target: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        runningCostsAtArrival(of: target, at: time, scheduler: &scheduler)
        guard !pendingDocks[target].isEmpty else { return }
        let waiting = pendingDocks[target]
        pendingDocks[target].removeAll(keepingCapacity: true)
        for dock in waiting { tryDock(dock, at: time, scheduler: &scheduler) }
    }

    mutating func failPendingDocks(on target: Int, at time: Double) {
        guard !pendingDocks[target].isEmpty else { return }
        let waiting = pendingDocks[target]
        pendingDocks[target].removeAll(keepingCapacity: true)
        for dock in waiting {
            if elements[dock.element].cause == nil { elements[dock.element].lossRoot = Int32(target) }
            elements[dock.element].cause = elements[dock.element].cause ?? elements[target].cause
            lossesPending = true
            failPendingDocks(on: dock.element, at: time)
        }
    }

    /// A launch of the mission is over (arrived or lost); when all are, waiting missions may fly.
    mutating func closeLaunch(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        runningCostsAtLaunchEnd(of: l, at: time)
        let mission = plan.launches[l].mission
        missionOpenLaunches[mission] -= 1
        if missionOpenLaunches[mission] == 0, !missionOpenLaunches.contains(where: { $0 > 0 }) {
            runningCostsAtCampaignEnd(at: time)
        }
        guard missionOpenLaunches[mission] == 0, !launchesWaitingForMissions.isEmpty else { return }
        // Scratch buffers kept across trials: the waiting list is swapped out rather than copied.
        swap(&waitingScratch, &launchesWaitingForMissions)
        launchesWaitingForMissions.removeAll(keepingCapacity: true)
        stillWaitingScratch.removeAll(keepingCapacity: true)
        for raw in waitingScratch {
            if predecessorsDone(of: plan.launches[Int(raw)].mission) {
                launches[Int(raw)].heldBy = mission
                release(Int(raw), at: time, scheduler: &scheduler)
            } else {
                stillWaitingScratch.append(raw)
            }
        }
        launchesWaitingForMissions.append(contentsOf: stillWaitingScratch)
        waitingScratch.removeAll(keepingCapacity: true)
    }

    func payloadNames(_ l: Int) -> String {
        guard recordsTrace else { return "" }
        return plan.launches[l].payload.filter { !isDropped($0) }.map { plan.elements[$0].id.rawValue }
            .joined(separator: ", ")
    }
}
