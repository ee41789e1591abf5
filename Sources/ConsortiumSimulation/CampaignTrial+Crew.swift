import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

/// Random purposes of the crew and loss rules, one per decision (README, "Loss of crew and losses of
/// elements"). Each stream is keyed by (seed, trial, the launch's or element's stable hash, purpose).
enum CrewPurpose {
    /// Whether the abort system saves the crew of a failed crewed launch (plus the attempt number).
    static let abort: UInt64 = 0x4352_4142_0000_0000
    /// Whether a crew survives its element's failure in operation (plus the rebuild count).
    static let survival: UInt64 = 0x4352_5356_0000_0000
    /// Which historical stand-down follows a loss of crew.
    static let standDown: UInt64 = 0x4352_5344
    /// Whether the campaign is cancelled at the end of the stand-down.
    static let cancellation: UInt64 = 0x4352_434E
    /// The operational and docking draws of a rebuilt element (plus the rebuild count).
    static let rebuiltElement: UInt64 = 0x5242_4C44_0000_0000
}

extension CampaignTrial {
    /// Whether the launch carries a crew this time: a crewed crew vehicle (Orion, Mengzhou) among the payload
    /// still to fly.
    ///
    /// Crews launch in their crew vehicle: crewed landers, ascent vehicles and habitats launch uncrewed and
    /// take their crew on in space (Starship HLS, Blue Moon and Lanyue meet theirs in lunar orbit).
    func isCrewed(_ l: Int) -> Bool {
        plan.launches[l].payload.contains { ridesWithCrew($0) && elements[$0].status != .arrived }
    }

    /// Whether element `e` carries its crew at launch.
    func ridesWithCrew(_ e: Int) -> Bool {
        plan.elements[e].crewed && plan.elements[e].kind == .crewVehicle
    }

    /// A stream for one crew or loss decision about the entity with stable hash `entity`.
    func decisionStream(_ entity: UInt64, _ purpose: UInt64) -> RandomStream {
        RandomStream(key: StreamKey(seed: seed, trial: trial, entity: entity, purpose: purpose))
    }

    /// A crewed launch failed: the abort system saves the crew with the stated probability (the launch then
    /// follows its on-failure policy); otherwise the crew is lost. Returns whether the crew was lost.
    mutating func crewedLaunchFailed(_ l: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) -> Bool {
        let launch = plan.launches[l]
        var stream = decisionStream(launch.streamID, CrewPurpose.abort &+ UInt64(launches[l].attempts))
        if stream.nextUnit() < plan.assumptions.launchAbortSuccessProbability {
            note(time, .launchFailed, launch: l, "the abort system of \(launch.id) brings its crew home")
            return false
        }
        note(time, .lossOfCrew, launch: l, "LOSS OF CREW: the crew of \(launch.id) is lost in the launch failure")
        launches[l].done = true
        launches[l].lost = true
        launches[l].integrated = false
        for p in launch.payload where elements[p].status != .arrived && elements[p].cause == nil {
            elements[p].status = .lost
            elements[p].cause = ridesWithCrew(p) ? .lossOfCrew : .launchFailure
            lossesPending = true
            elements[p].firstLoss = elements[p].cause
            failPendingDocks(on: p, at: time)
        }
        closeLaunch(l, at: time, scheduler: &scheduler)
        standDownAfterCrewLoss(entity: launch.streamID, at: time, scheduler: &scheduler)
        return true
    }

    /// A crewed element failed in operation: its crew survives with the stated probability. Returns whether
    /// the crew was lost (the element is then lost with `loss of crew`, never rebuilt).
    mutating func crewedElementFailed(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) -> Bool {
        let element = plan.elements[e]
        var stream = decisionStream(element.streamID, CrewPurpose.survival &+ UInt64(elements[e].lossRebuilds))
        if stream.nextUnit() < plan.assumptions.crewSurvivalInOperationProbability {
            note(time, .arrived, element: e, "\(element.id) fails in operation; its crew comes home")
            return false
        }
        elements[e].cause = .lossOfCrew
        lossesPending = true
        elements[e].firstLoss = .lossOfCrew
        note(time, .lossOfCrew, element: e, "LOSS OF CREW: \(element.id) fails in operation with its crew")
        standDownAfterCrewLoss(entity: element.streamID, at: time, scheduler: &scheduler)
        return true
    }

    /// After a loss of crew no crewed launch flies for a stand-down drawn from the historical ones; at its
    /// end the programme is reviewed (`reviewAfterCrewLoss`).
    mutating func standDownAfterCrewLoss(entity: UInt64, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        crewLosses += 1
        let options = plan.assumptions.crewLossStandDownDays
        var days = 0.0
        if !options.isEmpty {
            var stream = decisionStream(entity, CrewPurpose.standDown)
            let pick = min(options.count - 1, Int(stream.nextUnit() * Double(options.count)))
            days = max(0, options[pick])
        }
        crewedNotBefore = max(crewedNotBefore, time + days)
        note(
            time, .lossOfCrew, agency: nil,
            "crewed flights stand down \(DecimalText.whole(days)) days, to \(plan.date(ofDay: time + days))")
        scheduler.schedule(.crewLossReview(entity: entity), at: time + days, priority: .urgent)
    }

    /// The stand-down after a loss of crew ends: the campaign is cancelled with the stated probability, or
    /// carries on.
    mutating func reviewAfterCrewLoss(entity: UInt64, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard cancelledDay == .infinity else { return }
        var stream = decisionStream(entity, CrewPurpose.cancellation)
        if stream.nextUnit() < plan.assumptions.cancellationAfterCrewLossProbability {
            cancelledAfterCrewLoss = true
            cancelProgramme(at: time, scheduler: &scheduler)
        } else {
            note(time, .lossOfCrew, agency: nil, "the review after the loss of crew lets the campaign carry on")
        }
    }

    /// Whether an objective needing `e` asks for it to be rebuilt after a loss, with rebuilds left.
    func rebuildsAfterLoss(_ e: Int) -> Bool {
        guard elements[e].lossRebuilds < plan.assumptions.lossRebuildLimit, cancelledDay == .infinity,
            plan.elements[e].launch != nil
        else { return false }
        return plan.objectives.contains { $0.onLoss == .rebuild && $0.needs.contains(e) }
    }

    /// The element's operational draw: the trial's draw for the first unit, a fresh one for each rebuild.
    func operationalDraw(_ e: Int) -> Double {
        guard elements[e].lossRebuilds > 0 else { return draws.operationalDraw[e] }
        var stream = decisionStream(
            plan.elements[e].streamID, CrewPurpose.rebuiltElement &+ UInt64(elements[e].lossRebuilds))
        return stream.nextUnit()
    }

    /// The element's docking draw, as `operationalDraw`.
    func dockingDraw(_ e: Int) -> Double {
        guard elements[e].lossRebuilds > 0 else { return draws.dockingDraw[e] }
        var stream = decisionStream(
            plan.elements[e].streamID, CrewPurpose.rebuiltElement &+ UInt64(elements[e].lossRebuilds))
        _ = stream.nextUnit()
        return stream.nextUnit()
    }

    /// An element lost on arrival or in docking is rebuilt (its launch's rebuild fraction of its development)
    /// and flown again on a new launch of its launch's vehicle: its launch is open again.
    mutating func rebuildAfterLoss(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        guard let l = plan.elements[e].launch else { return }
        elements[e].lossRebuilds += 1
        elements[e].works = true
        elements[e].cause = nil
        elements[e].inPlaceDay = .nan
        elements[e].arrivedDay = .nan
        elements[e].isRebuild = true
        elements[e].status = .notStarted
        note(
            time, .rebuildAfterLoss, element: e,
            "\(plan.elements[e].id) is lost (\(LossCause.elementFailure.rawValue)); it is rebuilt to fly again")
        if launches[l].done {
            launches[l].done = false
            missionOpenLaunches[plan.launches[l].mission] += 1
        }
        launches[l].integrated = false
        beginPhase(e, phase: plan.elements[e].phases.count)
        requestSlot(e, at: time, scheduler: &scheduler)
    }
}
