import ConsortiumModel

extension PlanBuilder {
    /// Applies a scenario's overrides to the plan.
    mutating func apply(
        _ scenario: Scenario, to plan: inout SimulationPlan, years: ClosedRange<Int>,
        element: (Reference<ElementTag>) throws -> Int
    ) throws {
        for override in scenario.overrides {
            switch override.change {
            case .withdraw(let who, let date, let replacement, let transferDays):
                plan.withdrawals.append(
                    SimulationPlan.WithdrawalPlan(
                        agency: try agency(who.id, years: years), day: day(date),
                        replacement: try replacement.map { try agency($0.id, years: years) },
                        transferDays: transferDays))
            case .budgetChange(let who, let factor, let from):
                plan.budgetChanges.append(
                    SimulationPlan.BudgetChangePlan(
                        agency: try agency(who.id, years: years), factor: factor,
                        day: day(from)))
            case .delay(let reference, let days):
                plan.elements[try element(reference)].forcedDelayDays += days
            case .launchFailure(let reference, let attempt):
                guard let index = plan.launches.firstIndex(where: { $0.id == reference.id }) else {
                    throw PlanError(message: "unknown launch '\(reference.id)'")
                }
                plan.launches[index].forcedFailures.append(attempt)
            case .ground(let reference, let days, let from, let standDown):
                let index = try vehicle(reference.id, years: years)
                let start = day(from)
                vehicles[index].groundings.append(start...(start + days))
                if let standDown { vehicles[index].forcedStandDownDays = standDown }
            case .reassign(let reference, let provider):
                guard let index = plan.contracts.firstIndex(where: { $0.id == reference.id }) else {
                    throw PlanError(message: "unknown contract '\(reference.id)'")
                }
                let newProvider = try agency(provider.id, years: years)
                plan.contracts[index].provider = newProvider
                plan.elements[plan.contracts[index].element].agency = newProvider
            case .substitute(let reference, let vehicleReference, let from):
                guard let index = plan.launches.firstIndex(where: { $0.id == reference.id }) else {
                    throw PlanError(message: "unknown launch '\(reference.id)'")
                }
                plan.substitutions.append(
                    SimulationPlan.SubstitutionPlan(
                        launch: index, vehicle: try vehicle(vehicleReference.id, years: years), day: day(from)))
            case .scaleHazards(let kind, let factor):
                for h in plan.hazards.indices where kind == nil || plan.hazards[h].kind == kind {
                    plan.hazards[h].perYear *= factor
                }
            }
        }
    }
}
