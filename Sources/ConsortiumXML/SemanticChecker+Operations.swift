import ConsortiumModel

extension SemanticChecker {
    /// A mission's concept of operations: each launch's `after-launches` names other launches of the same
    /// mission, without a cycle; a refuelling names a known vehicle.
    mutating func checkOperations(_ mission: Mission) {
        let launchIDs = mission.launches.map(\.id.rawValue)
        let known = Set(launchIDs)
        var edges: [String: [String]] = [:]
        for launch in mission.launches {
            for reference in launch.readyWith where !known.contains(reference.id.rawValue) {
                unknown(reference, "launch", among: launchIDs)
            }
            for reference in launch.afterLaunches {
                guard known.contains(reference.id.rawValue) else {
                    unknown(reference, "launch", among: launchIDs)
                    continue
                }
                edges[launch.id.rawValue, default: []].append(reference.id.rawValue)
            }
            if let refuelling = launch.refuelling, let tanker = vehicle(refuelling.vehicle),
                Double(refuelling.flights - 1) * tanker.minDaysBetweenLaunches > refuelling.withinDays
            {
                warning(
                    refuelling.location, "refuelling-too-slow",
                    "\(refuelling.flights) tanker flights of '\(tanker.id)', \(DecimalText.whole(tanker.minDaysBetweenLaunches)) days apart, cannot all fly within \(DecimalText.whole(refuelling.withinDays)) days: the fill never completes",
                    hint: "raise within-days, or use fewer flights or a vehicle with a shorter gap between launches")
            }
        }
        if let cycle = CycleFinder.firstCycle(nodes: launchIDs, edges: edges),
            let launch = mission.launches.first(where: { $0.id.rawValue == cycle[0] })
        {
            error(
                launch.location, "dependency-cycle",
                "launches of mission '\(mission.id)' wait for each other in a cycle: \(CycleFinder.describe(cycle, joinedBy: " after "))",
                hint: "remove one of the 'after-launches' references")
        }
    }
}
