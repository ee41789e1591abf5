import ConsortiumModel

extension ModelDecoder {
    /// The scenario described by a `<scenario>` root, or nil when its identity is unusable.
    func scenario(_ root: XMLElement) -> Scenario? {
        guard let id: ScenarioID = self.id(root), let name = string(root, "name"),
            let campaign: Reference<CampaignTag> = reference(root, "campaign")
        else { return nil }
        var scenario = Scenario(id: id, name: name, campaign: campaign, location: root.location)
        scenario.description = description(root)
        scenario.sources = sources(root)
        scenario.monteCarlo = root.child("monte-carlo").flatMap { node in
            guard let trials = int(node, "trials"), let seed = uint64(node, "seed")
            else { return nil }
            return MonteCarloSettings(
                trials: trials, seed: seed, targetDate: date(node, "target-date"),
                targetBudgetMUSD: double(node, "target-budget-musd"), horizon: date(node, "horizon"))
        }
        scenario.overrides = root.children.compactMap(override)
        return scenario
    }

    private func override(_ node: XMLElement) -> Override? {
        let change: Override.Change?
        switch node.name {
        case "withdraw":
            change = zip3(reference(node, "agency"), date(node, "date"), double(node, "transfer-days", default: 365))
                .map { .withdraw(agency: $0, date: $1, replacement: reference(node, "replacement"), transferDays: $2) }
        case "budget-change":
            change = zip3(reference(node, "agency"), double(node, "factor"), date(node, "from"))
                .map { .budgetChange(agency: $0, factor: $1, from: $2) }
        case "delay":
            change = zip2(reference(node, "element"), double(node, "days")).map { .delay(element: $0, days: $1) }
        case "launch-failure":
            change = zip2(reference(node, "launch"), int(node, "attempt", default: 1))
                .map { .launchFailure(launch: $0, attempt: $1) }
        case "ground":
            change = zip3(reference(node, "vehicle"), double(node, "days"), date(node, "from"))
                .map { .ground(vehicle: $0, days: $1, from: $2, standDownDays: double(node, "stand-down-days")) }
        case "reassign":
            change = zip2(reference(node, "contract"), reference(node, "provider"))
                .map { .reassign(contract: $0, provider: $1) }
        case "substitute":
            change = zip3(reference(node, "launch"), reference(node, "vehicle"), date(node, "from"))
                .map { .substitute(launch: $0, vehicle: $1, from: $2) }
        case "hazards":
            let kind: Hazard.Kind? = enumeration(node, "kind")
            change = double(node, "factor").map { .scaleHazards(kind: kind, factor: $0) }
        default:
            change = nil
        }
        return change.map { Override($0, location: node.location) }
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

private func zip3<A, B, C>(_ a: A?, _ b: B?, _ c: C?) -> (A, B, C)? {
    guard let a, let b, let c else { return nil }
    return (a, b, c)
}
