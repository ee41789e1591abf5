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
            holdCrewsForTheirObjectives(mission, indices, launches: &launches, elements: elements)
        }
    }

    /// A launch carrying a crew in its crew vehicle also waits on the ground for every other element that an
    /// objective needing that crew vehicle needs, when another launch of the mission carries it: the crew of
    /// an outpost flies once its habitat, power and rover are there, not to wait in space for them. A
    /// launch that itself waits for this one (its `after-launches` or `ready-with`) is left out, so that
    /// nothing waits for itself.
    private func holdCrewsForTheirObjectives(
        _ mission: Mission, _ indices: [Int], launches: inout [SimulationPlan.LaunchPlan],
        elements: [SimulationPlan.ElementPlan]
    ) {
        var index: [ElementID: Int] = [:]
        for (e, element) in elements.enumerated() { index[element.id] = e }
        for l in indices {
            let crew = launches[l].payload.filter { elements[$0].crewed && elements[$0].kind == .crewVehicle }
            guard !crew.isEmpty else { continue }
            var needed: Set<Int> = []
            for objective in mission.objectives {
                let needs = objective.needs.compactMap { index[$0.id] }
                guard needs.contains(where: crew.contains) else { continue }
                needed.formUnion(needs)
            }
            let own = Set(launches[l].payload)
            for other in indices where other != l {
                let waitsForThis =
                    launches[other].readyWith.contains(l) || launches[other].requires.contains(where: own.contains)
                guard !waitsForThis else { continue }
                for p in launches[other].payload
                where needed.contains(p) && !own.contains(p) && !launches[l].requires.contains(p) {
                    launches[l].requires.append(p)
                }
            }
        }
    }
}
