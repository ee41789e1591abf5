import ConsortiumModel

extension SemanticChecker {
    mutating func check(_ scenario: Scenario) {
        guard let campaign = library.campaign(scenario.campaign.id) else {
            if !trustUnknownCampaigns {
                let campaigns = library.campaigns
                unknown(scenario.campaign, "campaign", among: campaigns.map(\.id.rawValue))
            }
            return
        }
        let elementIDs = campaign.elements.map(\.id.rawValue)
        if let settings = scenario.monteCarlo {
            for date in [settings.targetDate, settings.horizon].compactMap({ $0 }) where date <= campaign.start {
                error(
                    scenario.location, "dates-out-of-order",
                    "monte-carlo date \(date) is not after the campaign start \(campaign.start)",
                    hint: "targets and the horizon must come after the campaign starts")
            }
        }
        for override in scenario.overrides {
            switch override.change {
            case .withdraw(let who, let date, let replacement, _):
                _ = agency(who)
                if let replacement {
                    if replacement.id == who.id {
                        error(
                            replacement.location, "impossible-value", "an agency cannot replace itself",
                            hint: "name another agency as replacement, or none to cancel its elements")
                    } else {
                        _ = agency(replacement)
                    }
                }
                if date < campaign.start {
                    warning(
                        override.location, "dates-out-of-order",
                        "withdrawal on \(date) is before the campaign starts (\(campaign.start))",
                        hint: "the agency then never takes part; remove it from the campaign instead")
                }
            case .budgetChange(let who, let factor, _):
                _ = agency(who)
                if let problem = Override.budgetFactorProblem(factor) {
                    error(
                        override.location, "impossible-value", problem,
                        hint: "a factor of 0.8 is a 20 % cut, 1.2 a 20 % rise")
                }
                if !campaign.funding.contains(where: { $0.agency.id == who.id }) {
                    warning(
                        override.location, "no-funding-line",
                        "campaign '\(campaign.id)' gives '\(who.id)' no funding line, so this budget change has no effect",
                        hint: "add a <funding agency=\"\(who.id)\"> line to the campaign")
                }
            case .delay(let element, _):
                if !elementIDs.contains(element.id.rawValue) { unknown(element, "element", among: elementIDs) }
            case .launchFailure(let launch, _):
                let launches = campaign.missions.flatMap(\.launches).map(\.id.rawValue)
                if !launches.contains(launch.id.rawValue) { unknown(launch, "launch", among: launches) }
            case .ground(let vehicle, _, _, _):
                _ = self.vehicle(vehicle)
            case .reassign(let contractRef, let provider):
                let contracts = campaign.contracts.map(\.id.rawValue)
                guard let contract = campaign.contracts.first(where: { $0.id == contractRef.id }) else {
                    unknown(contractRef, "contract", among: contracts)
                    continue
                }
                if let newProvider = agency(provider), let consumer = library.agency(contract.consumer.id) {
                    checkPolicy(newProvider, consumer, at: provider.location)
                }
            case .substitute(let launchRef, let vehicleRef, let from):
                let launches = campaign.missions.flatMap(\.launches)
                guard let launch = launches.first(where: { $0.id == launchRef.id }) else {
                    unknown(launchRef, "launch", among: launches.map(\.id.rawValue))
                    continue
                }
                if let vehicle = self.vehicle(vehicleRef) {
                    let masses = Dictionary(
                        campaign.elements.map { ($0.id, library.design($0.design.id)?.massKg ?? 0) },
                        uniquingKeysWith: { first, _ in first })
                    let mass = launch.payload.reduce(0) { $0 + (masses[$1.id] ?? 0) }
                    if (vehicle.capacityKg[launch.destination] ?? 0) < mass {
                        error(
                            vehicleRef.location, "payload-over-capacity",
                            "vehicle '\(vehicle.id)' cannot carry the \(Int(mass)) kg payload of launch '\(launch.id)' to \(launch.destination.rawValue)",
                            hint: "substitute a vehicle with the capacity")
                    }
                }
                if from < campaign.start {
                    warning(
                        override.location, "dates-out-of-order",
                        "substitution on \(from) is before the campaign starts (\(campaign.start))",
                        hint: "change the launch's vehicle in the campaign instead")
                }
            case .scaleHazards(let kind, let factor):
                if factor < 0 || !factor.isFinite {
                    error(
                        override.location, "impossible-value", "a hazard factor must be a number of 0 or more",
                        hint: "0 turns the hazards off, 2 doubles their rates")
                } else if !campaign.hazards.contains(where: { kind == nil || $0.kind == kind }) {
                    warning(
                        override.location, "impossible-value",
                        "campaign '\(campaign.id)' has no \(kind?.rawValue ?? "programmatic") hazard to scale",
                        hint: "add <hazard> elements to the campaign, or drop this override")
                }
            }
        }
    }
}
