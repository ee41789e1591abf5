import ConsortiumModel

extension SemanticChecker {
    /// Reports docks that can never complete.
    ///
    /// A dock is attempted when its element arrives on a launch of the dock's mission, and completes when
    /// its target is in place (arrived, and docked where it docks itself). So a dock never completes when
    /// the element docks to itself, when no launch carries the target, or when docks wait for each other in
    /// a cycle; and it is never attempted when no launch of its mission carries the element, or when the
    /// element already docks elsewhere in that mission. In the simulation each of these leaves the element
    /// waiting until nothing else can happen.
    ///
    /// - Complexity: O(launches + payloads + docks): each element makes at most one dock, so the docks form
    ///   a graph of out-degree one whose cycles are found in one walk.
    mutating func checkDocks(_ campaign: Campaign, in scope: CampaignScope) {
        var carrier: [ElementID: (mission: MissionID, launch: LaunchID)] = [:]
        for mission in campaign.missions {
            for launch in mission.launches {
                for payload in launch.payload where carrier[payload.id] == nil {
                    carrier[payload.id] = (mission.id, launch.id)
                }
            }
        }
        // The dock each element makes, as the simulation uses it: the first in the mission that carries it.
        var made: [ElementID: Dock] = [:]
        var order: [ElementID] = []
        for mission in campaign.missions {
            for dock in mission.docks {
                // Unknown elements are reported where the references are resolved.
                guard scope.contains(dock.element.id), scope.contains(dock.target.id) else { continue }
                let element = dock.element.id
                guard let carried = carrier[element] else {
                    error(
                        dock.element.location, "dock-element-never-launched",
                        "element '\(element)' docks to '\(dock.target.id)', but no launch carries it",
                        hint: "add '\(element)' to a launch's payload in mission '\(mission.id)', or remove the dock")
                    continue
                }
                guard carried.mission == mission.id else {
                    error(
                        dock.element.location, "dock-element-not-in-mission",
                        "element '\(element)' docks in mission '\(mission.id)', but it rides launch '\(carried.launch)' of mission '\(carried.mission)'; the dock is never attempted",
                        hint: "move the <dock> into mission '\(carried.mission)'")
                    continue
                }
                if let earlier = made[element] {
                    error(
                        dock.location, "duplicate-dock",
                        "element '\(element)' already docks to '\(earlier.target.id)' (at \(earlier.location)); this dock is never attempted",
                        hint: "an element docks to one target: remove one of the docks")
                    continue
                }
                made[element] = dock
                order.append(element)
                if dock.target.id == element {
                    error(
                        dock.target.location, "dock-self", "element '\(element)' docks to itself, so it never docks",
                        hint: "dock it to another element, or remove the dock")
                } else if carrier[dock.target.id] == nil {
                    error(
                        dock.target.location, "dock-target-never-launched",
                        "element '\(element)' docks to '\(dock.target.id)', which no launch carries, so it never docks",
                        hint:
                            "add '\(dock.target.id)' to a launch's payload, or dock '\(element)' to an element that flies"
                    )
                }
            }
        }
        reportDockCycles(made, order: order)
    }

    /// Reports each cycle of docks (two or more elements, each waiting for the next to be in place) once,
    /// at the dock of its first element in file order.
    private mutating func reportDockCycles(_ made: [ElementID: Dock], order: [ElementID]) {
        var state: [ElementID: Int] = [:]  // walk number that reached it
        for (walk, start) in order.enumerated() where state[start] == nil {
            var path: [ElementID] = []
            var node = start
            while state[node] == nil, let dock = made[node] {
                state[node] = walk
                path.append(node)
                node = dock.target.id
            }
            // A cycle when this walk came back to a node it visited (a self-dock is reported on its own).
            guard state[node] == walk, let first = path.firstIndex(of: node), path.count - first >= 2 else {
                continue
            }
            let cycle = Array(path[first...])
            let head = cycle.min { made[$0]!.location < made[$1]!.location }!
            let rotated = Array(cycle.drop { $0 != head } + cycle.prefix { $0 != head })
            let text = CycleFinder.describe((rotated + [head]).map(\.rawValue), joinedBy: " docks to ")
            error(
                made[head]!.location, "dock-cycle",
                "docks wait for each other in a cycle through \(cycle.count) elements, so none of them docks: \(text)",
                hint: "one element of the cycle must dock to something already in place: remove or retarget one dock")
        }
    }
}
