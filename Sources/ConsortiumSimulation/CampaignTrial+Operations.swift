import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

/// The concept of operations: launches held on the ground until what they meet is in place, refuelling
/// by tanker flights, and the time an element can wait in space.
extension CampaignTrial {
    /// Tanker flight k of a launch draws its stand-down as attempt `tankerAttemptOffset + k` of that launch.
    static let tankerAttemptOffset = 1 << 20

    /// The random purpose of a launch's tanker-flight stream (1: launch attempts and verifications; 2:
    /// element operation and docking draws).
    static let tankerPurpose: UInt64 = 5

    /// A launch is integrated and its missions' predecessors are done: it flies when what it meets is in
    /// place and its refuelling is complete; until then it is held on the ground.
    mutating func release(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        if let waited = operationsBlocker(l) {
            heldOnGround.append(Int32(l))
            note(
                time, .heldOnGround, launch: l,
                "\(plan.launches[l].id) held on the ground: waits for \(plan.elements[waited].id) in place")
            return
        }
        if let other = readyWithBlocker(l) {
            heldOnGround.append(Int32(l))
            note(
                time, .heldOnGround, launch: l,
                "\(plan.launches[l].id) held on the ground: waits for \(plan.launches[other].id) ready to fly")
            return
        }
        proceed(l, at: time, scheduler: &scheduler)
    }

    /// Nothing holds the launch any more: refuel first when it needs tankers, else book the flight.
    private mutating func proceed(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        // A launch ready with others flies no earlier than they could: it arrives when they can first fly.
        let transit = plan.launches[l].transitDays ?? plan.missions[plan.launches[l].mission].transitDays
        for o in plan.launches[l].readyWith where launches[o].launchedDay.isNaN && !launches[o].done {
            launchNotBefore[l] = max(launchNotBefore[l], nextFlightDay(o, from: time) - transit)
        }
        if let refuelling = plan.launches[l].refuelling, !launches[l].fillComplete {
            guard !launches[l].refuelling else { return }
            let v = refuelling.vehicle
            if tankerOwner[v] >= 0, tankerOwner[v] != l {
                if !tankerQueue[v].contains(Int32(l)) {
                    tankerQueue[v].append(Int32(l))
                    note(
                        time, .heldOnGround, launch: l,
                        "\(plan.launches[l].id) held on the ground: its tankers wait for the fill of \(plan.launches[tankerOwner[v]].id)"
                    )
                }
                return
            }
            tankerOwner[v] = l
            launches[l].refuelling = true
            note(
                time, .launchScheduled, launch: l,
                "\(plan.launches[l].id) starts refuelling: \(refuelling.flights) tanker flights of \(plan.vehicles[refuelling.vehicle].id) within \(DecimalText.whole(refuelling.withinDays)) days"
            )
            // The fill is timed to end when the launch can first fly after it (its window, its vehicle), so
            // that the propellant does not boil off while the launch waits.
            let fillDays = Double(refuelling.flights - 1) * plan.vehicles[v].minGapDays
            let start = max(time, nextFlightDay(l, from: time + fillDays) - fillDays)
            scheduleTanker(l, from: start, scheduler: &scheduler)
            return
        }
        scheduleLaunch(l, from: time, scheduler: &scheduler)
    }

    /// The first element launch `l` must have in place before it flies and does not yet (nil: none).
    func operationsBlocker(_ l: Int) -> Int? {
        plan.launches[l].requires.first { !isInPlace($0) }
    }

    /// The first launch that launch `l` must see ready to fly (or flown) and does not yet (nil: none).
    ///
    /// Ready means integrated and held by nothing but `l`'s own payload: a lander waits on the ground while
    /// its crew's stack waits for the outpost's habitat, so that it does not spend its time in space first.
    func readyWithBlocker(_ l: Int) -> Int? {
        plan.launches[l].readyWith.first { o in
            guard !launches[o].done, launches[o].launchedDay.isNaN else { return false }
            guard launches[o].ready else { return true }
            let own = plan.launches[l].payload
            return plan.launches[o].requires.contains { !own.contains($0) && !isInPlace($0) }
        }
    }

    /// Whether element `e` is in place now and works: it got in place, was not lost since (time in space),
    /// and did not fail on arrival or in docking. A crew does not fly to a dead lander.
    func isInPlace(_ e: Int) -> Bool {
        !elements[e].inPlaceDay.isNaN && elements[e].status != .lost && elements[e].works
    }

    /// Whether element `e` can no longer be in place and working: lost or cancelled, or failed on arrival
    /// or in docking with no rebuild coming (a rebuild clears its cause), with a cause.
    func neverInPlace(_ e: Int) -> Bool {
        elements[e].cause != nil
            && (elements[e].status == .lost || elements[e].status == .cancelled
                || (elements[e].status == .arrived && !elements[e].works))
    }

    /// Something got in place or was lost: held launches whose needs are met fly (or refuel), those whose
    /// needs can never be met are cancelled, and elements whose wait in space is over stop counting.
    mutating func operationsChanged(at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        var i = 0
        while i < heldOnGround.count {
            let l = Int(heldOnGround[i])
            if launches[l].done {
                heldOnGround.remove(at: i)
                continue
            }
            if let blocker = operationsBlocker(l) {
                guard neverInPlace(blocker) else {
                    i += 1
                    continue
                }
                heldOnGround.remove(at: i)
                let cause = elements[blocker].cause ?? .elementFailure
                note(
                    time, .cancelled, launch: l,
                    "\(plan.launches[l].id) will not fly: \(plan.elements[blocker].id), which it meets, was lost (\(cause.rawValue))"
                )
                for p in plan.launches[l].payload where elements[p].cause == nil {
                    elements[p].lossRoot = Int32(blocker)
                }
                loseLaunch(l, cause: cause, status: .cancelled, at: time, scheduler: &scheduler)
            } else if readyWithBlocker(l) != nil {
                i += 1
                continue
            } else {
                heldOnGround.remove(at: i)
                note(
                    time, .integrated, launch: l,
                    "\(plan.launches[l].id) released: everything it meets is in place")
                proceed(l, at: time, scheduler: &scheduler)
            }
            // The list may have changed under the call: scan it again from the start.
            i = 0
        }
        var k = 0
        while k < waitingInSpace.count {
            let e = Int(waitingInSpace[k])
            if !elements[e].spaceArmed || waitIsOver(e) {
                elements[e].spaceArmed = false
                elements[e].spaceGeneration &+= 1
                waitingInSpace.remove(at: k)
            } else {
                k += 1
            }
        }
        // After the held launches: a crew launch whose lander is lost says so, and what is left is stopped.
        if lossesPending, !stoppingWork { stopWorkForLostObjectives(at: time, scheduler: &scheduler) }
    }

    /// Work stops on an element not yet launched once every objective it serves is lost (a needed element
    /// lost with no rebuild coming): nobody builds and flies an orbiter to collect samples whose ascent
    /// vehicle is gone. It is dropped (its development stops, its launch flies what still serves an
    /// objective), and the loss is put on the element that caused it.
    ///
    /// It runs only after a loss (`lossesPending`), in time linear in the objectives' needs: each objective's
    /// lost element is found once, then each element's objectives are looked up.
    mutating func stopWorkForLostObjectives(at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        stoppingWork = true
        defer { stoppingWork = false }
        while lossesPending {
            lossesPending = false
            // Plain loops: a method reference or a closure here captured (copied) the whole trial each call.
            for o in plan.objectives.indices {
                objectiveLossRoot[o] = -1
                for e in plan.objectives[o].needs where neverInPlace(e) {
                    objectiveLossRoot[o] = Int32(e)
                    break
                }
            }
            for e in plan.elements.indices
            where elements[e].cause == nil && elements[e].launchedDay.isNaN && !objectivesByElement[e].isEmpty {
                var allLost = true
                for raw in objectivesByElement[e] where objectiveLossRoot[Int(raw)] < 0 {
                    allLost = false
                    break
                }
                guard allLost else { continue }
                let root = Int(objectiveLossRoot[Int(objectivesByElement[e][0])])
                guard let cause = elements[root].cause else { continue }
                note(
                    time, .cancelled, element: e,
                    "\(plan.elements[e].id) is stopped: every objective it serves is lost (\(cause.rawValue) of \(plan.elements[root].id))"
                )
                elements[e].lossRoot = Int32(root)
                drop(e, cause: cause, at: time, scheduler: &scheduler)
            }
        }
    }

    // MARK: Time in space

    /// The element has arrived: when its design limits its time in space, the clock starts.
    mutating func startTimeInSpace(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let limit = plan.elements[e].maxDaysInSpace
        guard limit.isFinite else { return }
        elements[e].spaceArmed = true
        elements[e].spaceGeneration &+= 1
        waitingInSpace.append(Int32(e))
        scheduler.schedule(
            .spaceLimit(element: Int32(e), generation: elements[e].spaceGeneration), at: time + limit)
    }

    /// An element's wait is over when it is in place and what comes to it (elements docking to it, the
    /// payload of launches after its own) is in place: the crew has come to the lander. When nothing comes
    /// to it, when every objective needing it has all its elements in place (the orbiter has come for the
    /// samples). A wait that can no longer end that way (what it waits for was lost) is moot: over.
    func waitIsOver(_ e: Int) -> Bool {
        // Already failed for another cause (on arrival, or its dock target lost): the wait is moot.
        if elements[e].cause != nil { return true }
        guard !elements[e].inPlaceDay.isNaN else { return false }
        let metBy = plan.elements[e].metBy
        if !metBy.isEmpty {
            return metBy.allSatisfy { isInPlace($0) || neverInPlace($0) }
        }
        for raw in objectivesByElement[e] {
            let needs = plan.objectives[Int(raw)].needs
            if needs.contains(where: neverInPlace) { continue }
            if needs.contains(where: { !isInPlace($0) }) { return false }
        }
        return true
    }

    /// The element waited at its destination as long as its design allows: it is lost.
    mutating func exceedTimeInSpace(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        elements[e].spaceArmed = false
        let waitedFor: String
        if let comer = plan.elements[e].metBy.first(where: { !isInPlace($0) }), !elements[e].inPlaceDay.isNaN {
            waitedFor = "waited for \(plan.elements[comer].id)"
        } else if elements[e].inPlaceDay.isNaN, let dock = dockOf(e) {
            pendingDocks[dock.target].removeAll { $0.element == e }
            waitedFor = "waited to dock with \(plan.elements[dock.target].id)"
        } else if let o = objectivesByElement[e].first(where: { o in
            plan.objectives[Int(o)].needs.contains { elements[$0].inPlaceDay.isNaN }
        }), let missing = plan.objectives[Int(o)].needs.first(where: { elements[$0].inPlaceDay.isNaN }) {
            waitedFor = "waited for \(plan.elements[missing].id)"
        } else {
            waitedFor = "waited"
        }
        elements[e].status = .lost
        elements[e].works = false
        elements[e].cause = elements[e].cause ?? .timeInSpaceExceeded
        lossesPending = true
        if elements[e].causeDay.isNaN { elements[e].causeDay = time }
        note(
            time, .timeInSpaceExceeded, element: e,
            "\(plan.elements[e].id) lost: time in space exceeded (\(waitedFor) \(DecimalText.whole(plan.elements[e].maxDaysInSpace)) days, its design's limit)"
        )
        failPendingDocks(on: e, at: time)
        operationsChanged(at: time, scheduler: &scheduler)
    }

    // MARK: Refuelling

    /// Books the next tanker flight of launch `l`'s refuelling: the tanker vehicle free (its minimum gap)
    /// and not grounded; tankers fly to low Earth orbit, outside the mission's windows.
    mutating func scheduleTanker(_ l: Int, from time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard let refuelling = plan.launches[l].refuelling else { return }
        let v = refuelling.vehicle
        var day = time
        for _ in 0..<10_000 {
            day = max(day, vehicleFree[v])
            guard let grounded = groundedInterval(v, at: day) else { break }
            day = grounded.upperBound
        }
        vehicleFree[v] = day + plan.vehicles[v].minGapDays
        launches[l].tankerGeneration &+= 1
        scheduler.schedule(.tankerFlight(launch: Int32(l), generation: launches[l].tankerGeneration), at: day)
    }

    /// A tanker flight: paid at the vehicle's price, it succeeds with the vehicle's reliability this trial;
    /// a failure grounds the vehicle like any failure. When the fill is complete the payload launch is
    /// booked; a fill not complete within the limit (boil-off) is lost and starts again.
    mutating func flyTanker(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard let refuelling = plan.launches[l].refuelling else { return }
        let v = refuelling.vehicle
        guard !launches[l].done else {
            // Lost or cancelled while refuelling: its tankers serve the next fill.
            launches[l].refuelling = false
            if tankerOwner[v] == l { releaseTankers(v, at: time, scheduler: &scheduler) }
            return
        }
        if groundedInterval(v, at: time) != nil {
            scheduleTanker(l, from: time, scheduler: &scheduler)
            return
        }
        launches[l].tankerFlights += 1
        let payer = payerOfLaunch(l)
        charge(
            plan.vehicles[v].priceMUSD, agency: payer, element: plan.launches[l].payload.first ?? -1,
            fiscalYear: plan.agencies[payer].calendar.fiscalYear(ofDay: time), category: .launch)
        vehicleFree[v] = max(vehicleFree[v], time + plan.vehicles[v].minGapDays)
        let reliability = reliability(of: v)
        vehicleFlights[v] += 1
        guard tankerRandom[l].nextUnit() < reliability else {
            // Tanker flights draw their stand-downs apart from the payload launch's own attempts.
            let standDown = groundAfterFailure(
                v, launch: l, attempt: Self.tankerAttemptOffset + launches[l].tankerFlights, at: time)
            note(
                time, .tankerFailed, launch: l,
                "tanker flight \(launches[l].tankerFlights) of \(plan.vehicles[v].id) for \(plan.launches[l].id) fails; grounded \(DecimalText.whole(standDown.rounded(.towardZero))) days"
            )
            scheduleTanker(l, from: time, scheduler: &scheduler)
            return
        }
        if launches[l].fill > 0, time - launches[l].fillStartDay > refuelling.withinDays {
            dropFill(l, at: time)
        }
        if launches[l].fill == 0 { launches[l].fillStartDay = time }
        launches[l].fill += 1
        note(
            time, .tankerLaunched, launch: l,
            "tanker flight \(launches[l].tankerFlights) of \(plan.vehicles[v].id) for \(plan.launches[l].id): fill \(launches[l].fill) of \(refuelling.flights)"
        )
        guard launches[l].fill >= refuelling.flights else {
            scheduleTanker(l, from: time, scheduler: &scheduler)
            return
        }
        launches[l].fillComplete = true
        launches[l].refuelling = false
        releaseTankers(v, at: time, scheduler: &scheduler)
        note(
            time, .refuelled, launch: l,
            "\(plan.launches[l].id) refuelled after \(launches[l].tankerFlights) tanker flights; it must fly by \(plan.date(ofDay: launches[l].fillStartDay + refuelling.withinDays))"
        )
        scheduleLaunch(l, from: time, scheduler: &scheduler)
    }

    /// At the booked attempt, what the launch meets may no longer be in place (lost since it was booked:
    /// its time in space ran out while the launch waited for its vehicle): the flight is called off and
    /// the launch is held again (or cancelled, by `operationsChanged`, when that can never be in place).
    /// Returns whether the launch was held.
    mutating func holdsAtAttempt(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) -> Bool {
        guard let blocker = operationsBlocker(l) else { return false }
        launches[l].generation &+= 1
        launches[l].scheduledDay = .nan
        heldOnGround.append(Int32(l))
        note(
            time, .heldOnGround, launch: l,
            "\(plan.launches[l].id) held on the ground: \(plan.elements[blocker].id) is no longer in place")
        operationsChanged(at: time, scheduler: &scheduler)
        return true
    }

    /// The propellant loaded for launch `l` boiled off before it could fly: the fill starts again, and the
    /// booked flight waits for it. Returns whether that happened.
    mutating func propellantExpired(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) -> Bool {
        guard let refuelling = plan.launches[l].refuelling, launches[l].fillComplete,
            time - launches[l].fillStartDay > refuelling.withinDays
        else { return false }
        dropFill(l, at: time)
        launches[l].fillComplete = false
        launches[l].generation &+= 1
        proceed(l, at: time, scheduler: &scheduler)
        return true
    }

    /// The fill served by vehicle `v`'s tankers is complete: the next launch queued for them begins its own.
    private mutating func releaseTankers(_ v: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        tankerOwner[v] = -1
        while !tankerQueue[v].isEmpty {
            let next = Int(tankerQueue[v].removeFirst())
            guard !launches[next].done else { continue }
            proceed(next, at: time, scheduler: &scheduler)
            return
        }
    }

    private mutating func dropFill(_ l: Int, at time: Double) {
        let within = plan.launches[l].refuelling?.withinDays ?? 0
        note(
            time, .propellantLost, launch: l,
            "\(plan.launches[l].id): the propellant of \(launches[l].fill) tanker flights is lost (not all loaded within \(DecimalText.whole(within)) days); the fill starts again"
        )
        launches[l].fill = 0
        launches[l].fillStartDay = .nan
    }
}
