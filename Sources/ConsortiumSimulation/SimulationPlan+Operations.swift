import ConsortiumModel

extension PlanBuilder {
    /// Fills each launch's `requires`: the elements that must be in place before it flies.
    ///
    /// They are the payload of the launches it names in `after-launches`, and, for a launch carrying a
    /// crewed element, every element its payload docks to through the docks of the mission, followed
    /// transitively (Orion docks to the lander, which docks to Gateway: both must be in place before the
    /// crew leaves the ground). The launch's own payload is never required of it.
    func resolveOperations(
        _ campaign: Campaign, launches: inout [SimulationPlan.LaunchPlan], missions: [SimulationPlan.MissionPlan],
        elements: inout [SimulationPlan.ElementPlan]
    ) {
        for mission in missions {
            for dock in mission.docks where !elements[dock.target].metBy.contains(dock.element) {
                elements[dock.target].metBy.append(dock.element)
            }
        }
        var dockTarget = [Int?](repeating: nil, count: elements.count)
        for (e, element) in elements.enumerated() {
            guard let l = element.launch else { continue }
            dockTarget[e] = missions[launches[l].mission].docks.first { $0.element == e }?.target
        }
        for (m, mission) in campaign.missions.enumerated() {
            let indices = missions[m].launches
            var byID: [LaunchID: Int] = [:]
            for (k, launch) in mission.launches.enumerated() where k < indices.count { byID[launch.id] = indices[k] }
            for (k, launch) in mission.launches.enumerated() where k < indices.count {
                let l = indices[k]
                let own = Set(launches[l].payload)
                var required: [Int] = []
                var seen = own
                for reference in launch.afterLaunches {
                    guard let other = byID[reference.id], other != l else { continue }
                    for p in launches[other].payload where seen.insert(p).inserted { required.append(p) }
                    for p in launches[other].payload {
                        for q in launches[l].payload where !elements[p].metBy.contains(q) {
                            elements[p].metBy.append(q)
                        }
                    }
                }
                if launches[l].payload.contains(where: { elements[$0].crewed }) {
                    for p in launches[l].payload {
                        var visited: Set<Int> = [p]
                        var next = dockTarget[p]
                        while let t = next, visited.insert(t).inserted {
                            if seen.insert(t).inserted { required.append(t) }
                            next = dockTarget[t]
                        }
                    }
                }
                launches[l].requires = required
                launches[l].readyWith = launch.readyWith.compactMap { byID[$0.id] }.filter { $0 != l }
            }
        }
    }
}
