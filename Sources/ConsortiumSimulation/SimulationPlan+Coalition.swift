public import ConsortiumModel

extension SimulationPlan {
    /// The agencies that pay for at least one element, in plan order: the players of the cooperation game.
    public var payingAgencies: [Int] {
        Array(Set(elements.map(\.agency))).sorted()
    }

    /// The member of `members` that declares it can build elements of `kind` at the lowest cost factor
    /// (the lowest index on a tie), with its cost and schedule factors.
    public func builder(
        of kind: ElementKind, among members: [Int]
    ) -> (
        agency: Int, costFactor: Double, scheduleFactor: Double
    )? {
        var best: (agency: Int, costFactor: Double, scheduleFactor: Double)?
        for a in members.sorted() {
            guard let factor = agencies[a].capabilities[kind] else { continue }
            if best == nil || factor < best!.costFactor {
                best = (a, factor, agencies[a].scheduleFactors[kind] ?? 1)
            }
        }
        return best
    }

    /// The same campaign and objectives as the coalition `members` would run it on its own.
    ///
    /// Elements built by non-members move to the member that can build that kind of element at the lowest
    /// cost factor, their phases scaled by its cost and schedule factors, under its budget and growth.
    /// Where no member declares the capability, the coalition buys the element to order from its original
    /// builder for cash, at `outsidePremium` times its cost (no barter, no partnership). Contracts follow
    /// their elements' new builders; fixed shares of common costs are renormalized over the members (who
    /// builds pays when none of them has a share); withdrawals of non-members no longer apply, and nor do
    /// their partner-exit hazards (a coalition's outsider sells for cash: it is no partner that can leave).
    public func coalition(_ members: [Int], outsidePremium: Double) -> SimulationPlan {
        var plan = self
        let memberSet = Set(members)
        for e in plan.elements.indices where !memberSet.contains(elements[e].agency) {
            let costFactor: Double
            let scheduleFactor: Double
            if let builder = builder(of: elements[e].kind, among: members) {
                plan.elements[e].agency = builder.agency
                costFactor = builder.costFactor
                scheduleFactor = builder.scheduleFactor
            } else {
                costFactor = outsidePremium
                scheduleFactor = 1
            }
            plan.elements[e].phases = elements[e].phases.map { phase in
                var scaled = phase
                scaled.duration = phase.duration.scaled(by: scheduleFactor)
                scaled.cost = phase.cost.scaled(by: costFactor)
                return scaled
            }
            plan.elements[e].standingArmyPerDay = elements[e].standingArmyPerDay * costFactor
        }
        for c in plan.contracts.indices {
            plan.contracts[c].provider = plan.elements[contracts[c].element].agency
            plan.contracts[c].consumer = plan.elements[contracts[c].counterpart].agency
        }
        let shares = fixedShares.filter { memberSet.contains($0.key) }
        let total = shares.values.reduce(0, +)
        plan.fixedShares = total > 0 ? shares.mapValues { $0 / total } : [:]
        if plan.costSharing == .fixedShares && plan.fixedShares.isEmpty { plan.costSharing = .whoBuildsPays }
        plan.withdrawals = withdrawals.filter { memberSet.contains($0.agency) }
        plan.hazards = hazards.filter { $0.kind != .partnerExit || $0.agency.map(memberSet.contains) == true }
        return plan
    }
}

extension ThreePoint {
    /// Every point multiplied by `factor`.
    func scaled(by factor: Double) -> ThreePoint {
        ThreePoint(min: min * factor, likely: likely * factor, max: max * factor)
    }
}
