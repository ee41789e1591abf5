import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

extension CampaignTrial {
    /// An agency withdraws: all of its work stops on the day.
    ///
    /// - Its undelivered elements (not started, queued, in development or in a rebuild) move to the
    ///   replacement after the transfer delay, at the replacement's cost and schedule factors for the kind,
    ///   or are lost (cancelled) when there is none; a launch left without them flies the rest of its
    ///   payload if the rest still serves an objective (see `drop(_:cause:at:scheduler:)`).
    /// - Its delivered elements stay where they are (with their consumer) and fly; any later work on them
    ///   (a rework after a failed verification, a rebuild after a launch failure) is done by their heir:
    ///   the replacement, else the consumer they were delivered to, else the lead agency. With no heir the
    ///   work cannot be done and the element is lost when it is needed.
    /// - Rework it was doing passes to the heir, who starts it over after the transfer delay (and pays for
    ///   it); an interface verification one of its elements was in restarts after the transfer delay.
    /// - Launches on its vehicles move to an alternate, wait for a scenario's substitution, move to the
    ///   replacement's cheapest vehicle that can carry them, or are cancelled.
    mutating func withdraw(
        _ withdrawal: SimulationPlan.WithdrawalPlan, at time: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        let agency = withdrawal.agency
        guard !withdrawn[agency], time < cancelledDay else { return }
        stopAllRunning(of: agency, at: time)
        withdrawn[agency] = true
        withdrawnDay[agency] = time
        resplitCommonCosts(at: time)
        setBudgetFactor(agency, to: 0, at: time)
        let replacement = withdrawal.replacement.flatMap { withdrawn[$0] ? nil : $0 }
        let target = replacement.map { plan.agencies[$0].id.rawValue } ?? "nobody"
        note(
            time, .withdrawal, agency: agency,
            "\(plan.agencies[agency].id) withdraws; its unfinished work goes to \(target)")
        passOnInterfaceWork(of: agency, replacement: replacement, at: time, after: withdrawal.transferDays, &scheduler)
        for e in plan.elements.indices where elements[e].agency == agency {
            switch elements[e].status {
            case .notStarted, .queued, .developing, .transferring:
                if let index = developing[agency].firstIndex(of: Int32(e)) { developing[agency].remove(at: index) }
                releaseSlot(of: e, at: time, scheduler: &scheduler)
                if let replacement {
                    moveElement(e, to: replacement, at: time, after: withdrawal.transferDays, scheduler: &scheduler)
                } else {
                    elements[e].generation &+= 1
                    note(time, .cancelled, element: e, "\(plan.elements[e].id) is cancelled")
                    drop(e, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
                }
            case .delivered, .launched, .arrived:
                if let heir = heir(of: e, replacement: replacement, leaving: agency) {
                    elements[e].agency = heir
                    elements[e].costFactor = plan.agencies[heir].capabilities[plan.elements[e].kind] ?? 1
                    if recordsTrace, elements[e].status == .delivered {
                        note(
                            time, .transferred, element: e,
                            "\(plan.elements[e].id) stays delivered; \(plan.agencies[heir].id) answers for it now")
                    }
                }
            default:
                break
            }
        }
        for l in plan.launches.indices
        where !launches[l].done && launches[l].launchedDay.isNaN && plan.vehicles[launches[l].vehicle].owner == agency {
            substituteVehicle(
                l, replacement: replacement, at: time, after: withdrawal.transferDays, cause: .partnerWithdrawal,
                scheduler: &scheduler)
        }
        rebalance(agency, at: time, scheduler: &scheduler)
    }

    /// Who answers for a leaving agency's delivered element: the replacement, else the consumer it was
    /// delivered to, else the lead agency (nil when they too have left).
    func heir(of e: Int, replacement: Int?, leaving agency: Int) -> Int? {
        if let replacement { return replacement }
        for raw in contractsByElement[e] {
            let consumer = plan.contracts[Int(raw)].consumer
            if consumer != agency, !withdrawn[consumer] { return consumer }
        }
        return leadAgency != agency && !withdrawn[leadAgency] ? leadAgency : nil
    }

    /// The campaign's lead agency (index 0: the plan adds it first).
    var leadAgency: Int { 0 }

    /// Interface work the leaving agency was doing stops: its rework passes to the element's heir, who
    /// starts it over after the transfer delay (and pays for it), or the element is lost when there is no
    /// heir; a verification one of its elements was in restarts after the transfer delay.
    private mutating func passOnInterfaceWork(
        of agency: Int, replacement: Int?, at time: Double, after days: Double,
        _ scheduler: inout Scheduler<CampaignEvent>
    ) {
        for c in plan.contracts.indices {
            let contract = plan.contracts[c]
            let provided = contract.element
            switch contractState[c] {
            // An element still in development (a rebuild) holds the leaver's slot: the loop over the leaver's
            // elements releases it and moves or drops the element, so its rework is not passed on here.
            case .reworking where elements[provided].agency == agency && elements[provided].status.isDelivered:
                guard let heir = heir(of: provided, replacement: replacement, leaving: agency) else {
                    contractState[c] = .void
                    note(
                        time, .cancelled, element: provided,
                        "\(plan.elements[provided].id) is lost: nobody can rework interface \(contract.id)")
                    drop(provided, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
                    continue
                }
                elements[provided].agency = heir
                elements[provided].costFactor = plan.agencies[heir].capabilities[plan.elements[provided].kind] ?? 1
                let reworkDays = bookRework(c, at: time)
                contractDueDay[c] = time + days + reworkDays
                note(
                    time, .reworkNeeded, element: provided,
                    "\(plan.agencies[heir].id) takes over the rework of interface \(contract.id)")
                scheduler.schedule(.reworkEnd(contract: Int32(c)), at: contractDueDay[c])
            case .verifying
            where elements[provided].agency == agency || elements[contract.counterpart].agency == agency:
                contractDueDay[c] = time + days + contract.verificationDays
                scheduler.schedule(.verificationEnd(contract: Int32(c)), at: contractDueDay[c])
            default:
                break
            }
        }
    }

    private mutating func moveElement(
        _ e: Int, to replacement: Int, at time: Double, after days: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        let started = elements[e].status != .notStarted
        // The leaver's design and hardware do not pass: the taker starts a new build from the first phase
        // (ExoMars 2022: ESA had a new lander built rather than take over the Russian one, ESA press release
        // 24-2024; Chandrayaan-2: ISRO built its own lander after Roscosmos left). With the assumption
        // `takeover-restarts` at 0 a taker that declares the kind resumes the work where the leaver was.
        let capable =
            plan.assumptions.takeoverRestarts == 0
            && plan.agencies[replacement].capabilities[plan.elements[e].kind] != nil
        elements[e].agency = replacement
        elements[e].costFactor = plan.agencies[replacement].capabilities[plan.elements[e].kind] ?? 1
        elements[e].scheduleFactor = plan.agencies[replacement].scheduleFactors[plan.elements[e].kind] ?? 1
        elements[e].startsOver = !capable
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
        // Rates follow the replacement's cost factor from now on; a new build starts at the first phase.
        if started, capable { rescaleRates(e) }
        if started, !capable { beginPhase(e, phase: 0) }
        note(
            time, .transferred, element: e,
            capable
                ? "\(plan.elements[e].id) moves to \(plan.agencies[replacement].id) (ready to resume in \(DecimalText.whole(days.rounded(.towardZero))) days)"
                : "\(plan.elements[e].id) moves to \(plan.agencies[replacement].id): a new build from the first phase in \(DecimalText.whole(days.rounded(.towardZero))) days"
        )
    }

    /// Recomputes the current phase's rates for the element's (new) cost and schedule factors, keeping the
    /// share of the phase already done.
    private mutating func rescaleRates(_ e: Int) {
        let share = elements[e].phaseDays > 0 ? min(1, elements[e].remainingDays / elements[e].phaseDays) : 1
        beginPhase(e, phase: elements[e].phase)
        elements[e].remainingDays = elements[e].phaseDays * share
    }
}
