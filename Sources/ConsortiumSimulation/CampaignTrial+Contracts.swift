import ConsortiumEngine
import ConsortiumModel
import ConsortiumRandom

/// Where an interface contract stands.
enum ContractStatus: UInt8 {
    case waiting, verifying, reworking, verified
    /// Never to be verified: the element providing it was lost or cancelled before it flew.
    case void
}

extension CampaignTrial {
    /// The element is delivered: book late-delivery penalties and barter, start verifications, and see
    /// whether its launch can be integrated.
    mutating func deliver(_ e: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let first = elements[e].firstDeliveredDay.isNaN
        elements[e].status = .delivered
        elements[e].deliveredDay = time
        if first { elements[e].firstDeliveredDay = time }
        if elements[e].isRebuild {
            note(
                time, .delivered, element: e,
                "\(plan.agencies[elements[e].agency].id) delivers the rebuilt \(plan.elements[e].id)")
        } else if contractsByElement[e].isEmpty {
            note(
                time, .delivered, element: e, "\(plan.agencies[elements[e].agency].id) delivers \(plan.elements[e].id)")
        }
        for raw in contractsByElement[e] {
            let c = Int(raw)
            if first { settle(c, deliveredAt: time) }
            startVerification(c, at: time, scheduler: &scheduler)
        }
        for raw in contractsByCounterpart[e] { startVerification(Int(raw), at: time, scheduler: &scheduler) }
        if plan.elements[e].launch != nil {
            startRunning(
                .storage, of: e, rate: plan.elements[e].storagePerDay, at: max(time, plan.actuals.statusDay),
                scheduler: &scheduler)
        }
        if let launch = plan.elements[e].launch {
            integrateIfReady(launch, trigger: e, at: time, scheduler: &scheduler)
        }
    }

    /// Books the contract's returns (barter, or cash when paid in money) and any late-delivery penalty, at
    /// first delivery.
    ///
    /// A cash return is spending for the consumer (`cash`) and money received for the provider
    /// (`received`); a penalty is spending for the late provider (`penalties`) and money received for the
    /// consumer; a return in kind (seats, flights, offsets, access, data) is `barter`, + for the consumer that
    /// gives it and - for the provider that earns it. Values are the agreement's (`value-musd`,
    /// `penalty-musd-per-month`), not the cost of what was delivered; each booking is matched by an opposite
    /// one, so the campaign's total is the same as if nothing had changed hands. A delivery before
    /// the status date (an actual) books nothing: that value moved in the past, like the spending before the
    /// status date, which only a stated `<spent>` books.
    mutating func settle(_ c: Int, deliveredAt time: Double) {
        let contract = plan.contracts[c]
        let provider = elements[contract.element].agency
        let consumer = contract.consumer
        let providerYear = plan.agencies[provider].calendar.fiscalYear(ofDay: time)
        let consumerYear = plan.agencies[consumer].calendar.fiscalYear(ofDay: time)
        let lateDays = time - contract.needByDay
        // The story's text is built only when tracing: a Monte Carlo trial allocates no strings.
        var detail =
            recordsTrace
            ? "\(plan.agencies[provider].id) delivers \(plan.elements[contract.element].id) to \(plan.agencies[consumer].id) (contract \(contract.id))"
            : ""
        let books = !notingActuals
        if lateDays > 0 {
            let penalty = books ? contract.penaltyPerMonth * lateDays / 30.436875 : 0
            charge(
                penalty, agency: provider, element: contract.element, fiscalYear: providerYear, category: .penalties)
            charge(
                -penalty, agency: consumer, element: contract.element, fiscalYear: consumerYear, category: .received)
            if recordsTrace { detail += ", \(DecimalText.whole(lateDays)) days after need-by" }
        } else if recordsTrace {
            detail += ", \(DecimalText.whole(-lateDays)) days before need-by"
        }
        for entry in contract.returns where books {
            // A cash return is a payment; everything else (seats, flights, access, data, offsets) is barter.
            // Cash is the consumer's spending and the provider's receipt; barter is a transfer on both sides.
            let cash = entry.kind == .cash
            charge(
                -entry.valueMUSD, agency: provider, element: contract.element, fiscalYear: providerYear,
                category: cash ? .received : .barter)
            charge(
                entry.valueMUSD, agency: consumer, element: contract.element, fiscalYear: consumerYear,
                category: cash ? .cash : .barter)
        }
        note(time, .delivered, element: contract.element, detail)
    }

    /// Starts verifying the contract's interface once both of its elements are delivered.
    mutating func startVerification(_ c: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let contract = plan.contracts[c]
        guard contractState[c] == .waiting || contractState[c] == .reworking,
            elements[contract.element].status.isDelivered, elements[contract.counterpart].status.isDelivered
        else { return }
        contractState[c] = .verifying
        verificationAttempts[c] += 1
        contractDueDay[c] = time + contract.verificationDays
        scheduler.schedule(.verificationEnd(contract: Int32(c)), at: contractDueDay[c])
    }

    /// A verification ends: the interface passes, or fails and goes back to the provider for rework.
    mutating func finishVerification(_ c: Int, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        let contract = plan.contracts[c]
        if contractRandom[c].nextUnit() < contract.reworkProbability {
            let e = contract.element
            let provider = elements[e].agency
            // A withdrawn provider that left no heir cannot rework it: the element is lost.
            if withdrawn[provider] {
                contractState[c] = .void
                note(
                    time, .cancelled, element: e,
                    "interface \(contract.id) fails verification; \(plan.elements[e].id) is lost: \(plan.agencies[provider].id) has withdrawn"
                )
                drop(e, cause: .partnerWithdrawal, at: time, scheduler: &scheduler)
                return
            }
            contractState[c] = .reworking
            contractDueDay[c] = time + bookRework(c, at: time)
            note(
                time, .reworkNeeded, element: e,
                "interface \(contract.id) fails verification; \(plan.agencies[provider].id) reworks \(plan.elements[e].id)"
            )
            scheduler.schedule(.reworkEnd(contract: Int32(c)), at: contractDueDay[c])
            return
        }
        contractState[c] = .verified
        let counterpart = contract.counterpart
        elements[counterpart].unverifiedContracts -= 1
        note(time, .verified, element: counterpart, "interface \(contract.id) verified")
        if let launch = plan.elements[counterpart].launch {
            integrateIfReady(launch, trigger: counterpart, contract: c, at: time, scheduler: &scheduler)
        }
    }

    /// Books the rework of contract `c`'s element to the agency answering for it now (a fraction of its
    /// last phase's cost, at its cost factor) and returns the rework's duration in days.
    mutating func bookRework(_ c: Int, at time: Double) -> Double {
        let e = plan.contracts[c].element
        let last = max(0, plan.elements[e].phases.count - 1)
        let (days, cost) = plan.elements[e].phases.isEmpty ? (0, 0) : phaseParameters(e, phase: last)
        let fraction = plan.assumptions.reworkFraction
        let provider = elements[e].agency
        charge(
            cost * fraction * elements[e].costFactor, agency: provider, element: e,
            fiscalYear: plan.agencies[provider].calendar.fiscalYear(ofDay: time), category: .integration)
        return days * fraction
    }

    /// Starts integrating a launch stack when every payload element is delivered with verified interfaces.
    mutating func integrateIfReady(
        _ l: Int, trigger: Int, contract: Int = -1, at time: Double, scheduler: inout Scheduler<CampaignEvent>
    ) {
        guard !launches[l].integrated, !launches[l].done else { return }
        // A payload element that arrived on an earlier flight of this launch (before a rebuild) stays behind.
        for p in plan.launches[l].payload
        where !isDropped(p) && elements[p].status != .arrived
            && (elements[p].status != .delivered || elements[p].unverifiedContracts > 0)
        {
            return
        }
        launches[l].integrated = true
        launches[l].bindingElement = trigger
        launches[l].bindingContract = contract
        let payer = payerOfLaunch(l)
        let price = plan.vehicles[launches[l].vehicle].priceMUSD
        charge(
            price * plan.assumptions.integrationCostFraction, agency: payer,
            element: plan.launches[l].payload.first(where: { !isDropped($0) }) ?? plan.launches[l].payload[0],
            fiscalYear: plan.agencies[payer].calendar.fiscalYear(ofDay: time), category: .integration)
        note(time, .integrationStarted, launch: l, "integration of launch \(plan.launches[l].id) begins")
        scheduler.schedule(.integrationEnd(launch: Int32(l)), at: time + plan.assumptions.integrationDays)
    }

    /// The agency that buys a launch: the one paying for its first payload element.
    func payerOfLaunch(_ l: Int) -> Int {
        (plan.launches[l].payload.first(where: { !isDropped($0) }) ?? plan.launches[l].payload.first)
            .map { elements[$0].agency } ?? plan.vehicles[launches[l].vehicle].owner ?? 0
    }
}

extension ElementStatus {
    /// Delivered and still on the ground or beyond (not lost or cancelled).
    var isDelivered: Bool { self == .delivered || self == .launched || self == .arrived }
}
