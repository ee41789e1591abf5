import ConsortiumModel

extension SemanticChecker {
    mutating func check(_ campaign: Campaign) {
        _ = agency(campaign.lead)
        checkUnique(campaign.elements, kind: "element", id: \.id.rawValue, at: \.location)
        checkUnique(campaign.contracts, kind: "contract", id: \.id.rawValue, at: \.location)
        checkUnique(campaign.missions, kind: "mission", id: \.id.rawValue, at: \.location)
        checkUnique(campaign.missions.flatMap(\.launches), kind: "launch", id: \.id.rawValue, at: \.location)
        checkUnique(campaign.missions.flatMap(\.objectives), kind: "objective", id: \.id.rawValue, at: \.location)
        checkUnique(campaign.risks, kind: "risk", id: \.id.rawValue, at: \.location)

        // Indices rather than copies of the elements and designs: a dictionary of 100,000 such values spent
        // most of its time growing.
        var index: [ElementID: Int] = [:]
        index.reserveCapacity(campaign.elements.count)
        var designs: [Design?] = []
        designs.reserveCapacity(campaign.elements.count)
        for (position, instance) in campaign.elements.enumerated() {
            if index[instance.id] == nil {
                index[instance.id] = position
                designs.append(checkElement(instance))
            } else {
                designs.append(nil)
            }
        }
        let scope = CampaignScope(campaign: campaign, index: index, designs: designs)
        if let sharing = campaign.costSharing { check(sharing, in: scope) }
        for cost in campaign.fixedCosts {
            _ = agency(cost.agency)
            checkCostEvents(cost.from, cost.until, what: "fixed cost '\(cost.id)'", at: cost.location, in: scope)
        }
        checkFunding(campaign)
        if let milestone = campaign.keyMilestone {
            let candidates =
                campaign.missions.flatMap { $0.objectives.map(\.id.rawValue) + $0.launches.map(\.id.rawValue) }
            if !candidates.contains(milestone) {
                unknown(
                    milestone, at: campaign.keyMilestoneLocation ?? campaign.location,
                    "key-milestone '\(milestone)' names no objective or launch of the campaign",
                    among: candidates, kind: "objective or launch")
            }
        }
        for contract in campaign.contracts { check(contract, in: scope) }
        checkContractCycles(campaign)
        checkMissions(campaign, in: scope)
        checkHazards(campaign)
        checkStatus(campaign, in: scope)
        for risk in campaign.risks {
            guard let design = scope.element(risk.element, checker: &self)?.design, let phase = risk.phase else {
                continue
            }
            if !design.phases.contains(where: { $0.name == phase }) {
                unknown(
                    phase, at: risk.location, "design '\(design.id)' has no phase '\(phase)'",
                    among: design.phases.map(\.name), kind: "phase")
            }
        }
    }

    /// Resolves the element's agency and design and checks export control; returns the design.
    private mutating func checkElement(_ instance: ElementInstance) -> Design? {
        let payer = agency(instance.agency)
        guard let design = design(instance.design) else { return nil }
        if let payer, let regime = design.exportControl, payer.id != design.owner, !payer.exportRegimes.contains(regime)
        {
            error(
                instance.agency.location, "policy-violation",
                "design '\(design.id)' is export-controlled (\(regime)) and '\(payer.id)' is outside that regime",
                hint:
                    "give the element to an agency that declares <export-regime name=\"\(regime)\"/>, or use another design"
            )
        }
        return design
    }

    private mutating func check(_ sharing: CostSharing, in scope: CampaignScope) {
        for share in sharing.shares { _ = agency(share.agency) }
        if sharing.policy == .fixedShares {
            let total = sharing.shares.reduce(0) { $0 + $1.percent }
            if abs(total - 100) > 0.05 {
                error(
                    sharing.location, "impossible-value",
                    "fixed shares add up to \(total.formatted2) %, not 100 %",
                    hint: "adjust the <share> percentages so they sum to 100")
            }
        }
        for cost in sharing.commonCosts {
            checkCostEvents(cost.from, cost.to, what: "common cost '\(cost.id)'", at: cost.location, in: scope)
        }
    }

    /// A running cost's start and stop: known launches and elements, and dates in order.
    private mutating func checkCostEvents(
        _ from: CostEvent, _ until: CostEvent, what: String, at location: SourceLocation, in scope: CampaignScope
    ) {
        let launchIDs = scope.campaign.missions.flatMap { $0.launches.map(\.id.rawValue) }
        for event in [from, until] {
            switch event {
            case .launch(let reference) where !launchIDs.contains(reference.id.rawValue):
                unknown(reference, "launch", among: launchIDs)
            case .arrival(let reference): _ = scope.element(reference, checker: &self)
            default: break
            }
        }
        if case .date(let start) = from, case .date(let stop) = until, stop < start {
            error(
                location, "dates-out-of-order", "\(what) ends (\(stop)) before it starts (\(start))",
                hint: "swap the two dates")
        }
        if case .end = from {
            error(
                location, "impossible-value", "\(what) starts at the campaign's end, so it is never paid",
                hint: "start it with `start`, a launch (launch:ID), an arrival (arrival:ID) or a date")
        }
        if case .start = until {
            error(
                location, "impossible-value", "\(what) stops at the campaign's start, so it is never paid",
                hint: "stop it with `end`, a launch (launch:ID), an arrival (arrival:ID) or a date")
        }
    }

    private mutating func check(_ contract: Contract, in scope: CampaignScope) {
        let provider = agency(contract.provider)
        let consumer = agency(contract.consumer)
        let element = scope.element(contract.element, checker: &self)
        let counterpart = scope.element(contract.counterpart, checker: &self)
        if let element, element.instance.agency.id != contract.provider.id {
            error(
                contract.provider.location, "contract-party-mismatch",
                "provider '\(contract.provider.id)' does not contribute element '\(element.instance.id)' (\(element.instance.agency.id) does)",
                hint: "the provider must be the agency of the delivered element")
        }
        if let counterpart, counterpart.instance.agency.id != contract.consumer.id {
            error(
                contract.consumer.location, "contract-party-mismatch",
                "consumer '\(contract.consumer.id)' does not contribute element '\(counterpart.instance.id)' (\(counterpart.instance.agency.id) does)",
                hint: "the consumer must be the agency of the counterpart element")
        }
        if let provider, let consumer { checkPolicy(provider, consumer, at: contract.location) }
        if let consumer, let design = element?.design, let regime = design.exportControl, consumer.id != design.owner,
            !consumer.exportRegimes.contains(regime)
        {
            error(
                contract.consumer.location, "policy-violation",
                "design '\(design.id)' is export-controlled (\(regime)) and consumer '\(consumer.id)' is outside that regime",
                hint:
                    "the consumer must declare <export-regime name=\"\(regime)\"/>, or the element must use another design"
            )
        }
        guard let standard = standard(contract.standard) else { return }
        if !standard.revisions.contains(contract.revision) {
            unknown(
                contract.revision, at: contract.location,
                "standard '\(standard.id)' has no revision '\(contract.revision)'",
                among: standard.revisions, kind: "revision")
            return
        }
        guard let element, let counterpart, let left = element.design, let right = counterpart.design else { return }
        checkInterface(
            contract, standard: standard, provided: (element.instance.id, left),
            consumed: (counterpart.instance.id, right))
        if let earliest = scope.earliestDelivery(of: element.instance, design: left), earliest > contract.needBy {
            warning(
                contract.location, "need-by-early",
                "need-by \(contract.needBy) is before the earliest possible delivery of '\(element.instance.id)' (\(earliest))",
                hint:
                    "even with every phase at its minimum the element cannot be delivered in time; move need-by or the start date"
            )
        }
    }

    private mutating func checkInterface(
        _ contract: Contract, standard: Standard, provided: (ElementID, Design), consumed: (ElementID, Design)
    ) {
        var anyProvides = false
        for (element, design) in [provided, consumed] {
            let declared = design.declares(standard.id)
            if declared.isEmpty {
                error(
                    contract.standard.location, "interface-incompatible",
                    "design '\(design.id)' of element '\(element)' does not declare standard '\(standard.id)'",
                    hint:
                        "add <provides standard=\"\(standard.id)\" revision=\"\(contract.revision)\"/> to the design, or contract another standard"
                )
            } else if !declared.contains(where: { $0.revision == contract.revision }) {
                let revisions = declared.map(\.revision).joined(separator: ", ")
                error(
                    contract.location, "interface-incompatible",
                    "'\(element)' builds to \(standard.id) revision \(revisions), but the contract needs revision \(contract.revision)",
                    hint: "align the contract's revision with both designs")
            }
            anyProvides = anyProvides || design.provides.contains { $0.standard.id == standard.id }
        }
        if !anyProvides {
            error(
                contract.location, "interface-incompatible",
                "neither '\(provided.0)' nor '\(consumed.0)' provides \(standard.id); both only require it",
                hint: "one side must provide the interface")
        }
    }

    mutating func checkPolicy(_ a: Agency, _ b: Agency, at location: SourceLocation) {
        for (from, to) in [(a, b), (b, a)] {
            if let rule = from.restrictions.first(where: { $0.party.id == to.id }) {
                error(
                    location, "policy-violation",
                    "'\(from.id)' may not cooperate bilaterally with '\(to.id)': \(rule.reason)",
                    hint: "remove the contract or give it to a party without this restriction")
            }
        }
    }

    private mutating func checkContractCycles(_ campaign: Campaign) {
        var edges: [String: [String]] = [:]
        for contract in campaign.contracts {
            edges[contract.counterpart.id.rawValue, default: []].append(contract.element.id.rawValue)
        }
        if let cycle = CycleFinder.firstCycle(nodes: campaign.elements.map(\.id.rawValue), edges: edges),
            let first = campaign.contracts.first(where: { $0.counterpart.id.rawValue == cycle[0] })
        {
            error(
                first.location, "dependency-cycle",
                "contracts form a dependency cycle through \(cycle.count - 1) element\(cycle.count == 2 ? "" : "s"): \(CycleFinder.describe(cycle, joinedBy: " waits for "))",
                hint: "an element cannot wait, through contracts, for its own delivery; break one contract")
        }
    }
}

extension Double {
    /// The shortest text for a number in a message: `900` rather than `900.0`.
    var plain: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }

    /// Two decimals, for messages.
    var formatted2: String {
        let scaled = (self * 100).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
