import ConsortiumModel

extension SemanticChecker {
    mutating func checkMissions(_ campaign: Campaign, in scope: CampaignScope) {
        let missionIDs = Set(campaign.missions.map(\.id))
        // Sets, not searches per reference: a campaign of 100,000 elements must check in linear time.
        let contractIDs = Set(campaign.contracts.map(\.id))
        var carried = Set<ElementID>()
        for mission in campaign.missions {
            for launch in mission.launches { carried.formUnion(launch.payload.lazy.map(\.id)) }
        }
        var launchedBy: [ElementID: LaunchID] = [:]
        var afterEdges: [String: [String]] = [:]
        for mission in campaign.missions {
            for reference in mission.after {
                // An unknown mission waits for nothing, so it is on no cycle: no edge to it.
                guard missionIDs.contains(reference.id) else {
                    unknown(reference, "mission", among: campaign.missions.map(\.id.rawValue))
                    continue
                }
                afterEdges[mission.id.rawValue, default: []].append(reference.id.rawValue)
            }
            checkWindows(mission)
            for launch in mission.launches {
                checkLaunch(launch, in: scope, launchedBy: &launchedBy)
            }
            checkOperations(mission)
            for dock in mission.docks {
                _ = scope.element(dock.element, checker: &self)
                _ = scope.element(dock.target, checker: &self)
                if let contract = dock.contract, !contractIDs.contains(contract.id) {
                    unknown(contract, "contract", among: campaign.contracts.map(\.id.rawValue))
                }
            }
            for objective in mission.objectives {
                for need in objective.needs where scope.element(need, checker: &self) != nil {
                    if !carried.contains(need.id) {
                        warning(
                            need.location, "never-launched",
                            "objective '\(objective.id)' needs element '\(need.id)', which no launch carries",
                            hint: "add the element to a launch's payload, or the objective can never be achieved")
                    }
                }
            }
        }
        checkDocks(campaign, in: scope)
        if let cycle = CycleFinder.firstCycle(nodes: campaign.missions.map(\.id.rawValue), edges: afterEdges),
            let mission = campaign.missions.first(where: { $0.id.rawValue == cycle[0] })
        {
            error(
                mission.location, "dependency-cycle",
                "missions wait for each other in a cycle through \(cycle.count - 1) mission\(cycle.count == 2 ? "" : "s"): \(CycleFinder.describe(cycle, joinedBy: " after "))",
                hint: "remove one of the 'after' references")
        }
    }

    private mutating func checkWindows(_ mission: Mission) {
        switch (mission.body, mission.windows?.kind) {
        case (.mars, .mars?), (.moon, .lunar?), (.moon, nil):
            break
        case (.mars, nil):
            error(
                mission.location, "missing-mars-window", "Mars mission '\(mission.id)' has no launch windows",
                hint: "add <windows kind=\"mars\" reference=\"2028-12-01\" period-days=\"779.9\" width-days=\"30\"/>")
        case (.mars, .lunar?), (.moon, .mars?):
            error(
                mission.windows!.location, "wrong-window-kind",
                "\(mission.body.rawValue) mission '\(mission.id)' has \(mission.windows!.kind.rawValue) windows",
                hint: "use kind=\"\(mission.body == .mars ? "mars" : "lunar")\"")
        }
        if let windows = mission.windows, windows.widthDays > windows.periodDays {
            warning(
                windows.location, "window-wider-than-period",
                "windows open \(windows.widthDays) days every \(windows.periodDays) days, so they are always open",
                hint: "make width-days smaller than period-days")
        }
    }

    private mutating func checkLaunch(
        _ launch: Launch, in scope: CampaignScope, launchedBy: inout [ElementID: LaunchID]
    ) {
        var mass = 0.0
        for payload in launch.payload {
            guard let element = scope.element(payload, checker: &self) else { continue }
            if let other = launchedBy[payload.id] {
                error(
                    payload.location, "duplicate-launch", "element '\(payload.id)' is already launched by '\(other)'",
                    hint: "each element rides exactly one launch")
            }
            launchedBy[payload.id] = launch.id
            mass += element.design?.massKg ?? 0
        }
        checkAlternates(launch, payloadMassKg: mass)
        guard let vehicle = vehicle(launch.vehicle) else { return }
        guard let capacity = vehicle.capacityKg[launch.destination] else {
            let known = vehicle.capacityKg.keys.map(\.rawValue).sorted().joined(separator: ", ")
            error(
                launch.location, "payload-over-capacity",
                "vehicle '\(vehicle.id)' has no stated capacity to \(launch.destination.rawValue)",
                hint: "it can reach: \(known.isEmpty ? "nothing stated" : known)")
            return
        }
        if mass > capacity {
            error(
                launch.location, "payload-over-capacity",
                "payload of launch '\(launch.id)' is \(Int(mass)) kg, over the \(Int(capacity)) kg that '\(vehicle.id)' carries to \(launch.destination.rawValue)",
                hint: "split the payload over two launches or choose a larger vehicle")
        }
    }
}
