import ConsortiumModel

extension SemanticChecker {
    /// Checks a campaign's programmatic hazards: each names what its kind needs, and nothing else.
    mutating func checkHazards(_ campaign: Campaign) {
        let partners = Set([campaign.lead.id] + campaign.elements.map(\.agency.id))
        for hazard in campaign.hazards {
            switch hazard.kind {
            case .partnerExit:
                guard let leaver = hazard.agency else {
                    error(
                        hazard.location, "impossible-value", "a partner-exit hazard needs an agency",
                        hint: "add agency=\"...\" naming the partner that may leave")
                    continue
                }
                if agency(leaver) != nil, !partners.contains(leaver.id) {
                    warning(
                        leaver.location, "impossible-value",
                        "agency '\(leaver.id)' contributes no element to campaign '\(campaign.id)'",
                        hint: "its exit changes nothing but its vehicles; name a contributing partner")
                }
                if let taker = hazard.taker {
                    if taker.id == leaver.id {
                        error(
                            taker.location, "impossible-value", "an agency cannot take over its own work",
                            hint: "name another agency as taker, or none to lose its unfinished elements")
                    } else {
                        _ = agency(taker)
                    }
                }
            case .cancellation:
                if hazard.agency != nil || hazard.taker != nil || hazard.vehicle != nil {
                    warning(
                        hazard.location, "impossible-value",
                        "a cancellation hazard ends the whole campaign; its agency, taker and vehicle are ignored",
                        hint: "remove them, or use kind=\"partner-exit\" or \"vehicle-retirement\"")
                }
            case .vehicleRetirement:
                guard let retired = hazard.vehicle else {
                    error(
                        hazard.location, "impossible-value", "a vehicle-retirement hazard needs a vehicle",
                        hint: "add vehicle=\"...\" naming the vehicle that may be retired")
                    continue
                }
                _ = vehicle(retired)
            }
        }
    }

    /// Checks a launch's alternate vehicles: each is known, reaches the destination and carries the payload.
    mutating func checkAlternates(_ launch: Launch, payloadMassKg mass: Double) {
        for alternate in launch.alternates {
            guard let vehicle = vehicle(alternate) else { continue }
            if alternate.id == launch.vehicle.id {
                warning(
                    alternate.location, "impossible-value",
                    "alternate '\(alternate.id)' is the launch's own vehicle",
                    hint: "list only other vehicles the payload could move to")
            }
            guard let capacity = vehicle.capacityKg[launch.destination], capacity >= mass else {
                error(
                    alternate.location, "payload-over-capacity",
                    "alternate '\(vehicle.id)' cannot carry the \(Int(mass)) kg payload of launch '\(launch.id)' to \(launch.destination.rawValue)",
                    hint: "choose an alternate with the capacity, or drop it")
                continue
            }
        }
    }
}
