import ConsortiumModel

extension SemanticChecker {
    /// Checks a campaign's status actuals: each names a known element, phase, launch, objective or agency,
    /// is dated on or before the status date, and agrees with the others (a flown launch's payload was
    /// delivered before it flew, phases are done in the design's order, a vehicle's record counts the
    /// campaign's flights).
    mutating func checkStatus(_ campaign: Campaign, in scope: CampaignScope) {
        guard let status = campaign.status else { return }
        if status.date < campaign.start {
            error(
                status.location, "dates-out-of-order",
                "status date \(status.date) is before the campaign start \(campaign.start)",
                hint: "the status date is the day the actuals are known; it cannot precede the campaign")
        }
        checkUnique(status.delivered, kind: "delivered actual for element", id: \.element.id.rawValue, at: \.location)
        checkUnique(status.flown, kind: "flown actual for launch", id: \.launch.id.rawValue, at: \.location)
        checkUnique(status.arrived, kind: "arrived actual for launch", id: \.launch.id.rawValue, at: \.location)
        checkUnique(
            status.achieved, kind: "achieved actual for objective", id: \.objective.id.rawValue, at: \.location)

        var delivered: [ElementID: CivilDate] = [:]
        for actual in status.delivered {
            checkDated(actual.date, "element '\(actual.element.id)' delivered", at: actual.location, status: status)
            if scope.element(actual.element, checker: &self) != nil, delivered[actual.element.id] == nil {
                delivered[actual.element.id] = actual.date
            }
        }
        checkPhasesDone(status, in: scope)
        var launches: [LaunchID: Launch] = [:]
        for launch in campaign.missions.flatMap(\.launches) where launches[launch.id] == nil {
            launches[launch.id] = launch
        }
        let succeeded = checkFlown(status, launches: launches, delivered: delivered)
        for actual in status.arrived {
            checkDated(actual.date, "launch '\(actual.launch.id)' arrived", at: actual.location, status: status)
            guard launches[actual.launch.id] != nil else {
                unknown(actual.launch, "launch", among: campaign.missions.flatMap(\.launches).map(\.id.rawValue))
                continue
            }
            guard let flew = succeeded[actual.launch.id], flew <= actual.date else {
                error(
                    actual.location, "actual-inconsistent",
                    "launch '\(actual.launch.id)' arrived on \(actual.date), but no successful flight of it by then is stated",
                    hint:
                        "add <flown launch=\"\(actual.launch.id)\" date=\"...\" outcome=\"success\"/> on or before the arrival"
                )
                continue
            }
        }
        checkAchieved(campaign, status, launches: launches, succeeded: succeeded)
        for actual in status.spent {
            let agency = agency(actual.agency)
            if let element = actual.element { _ = scope.element(element, checker: &self) }
            let month = agency?.budget?.fiscalYearStartMonth ?? 1
            let begins = CivilDate(year: month == 1 ? actual.fiscalYear : actual.fiscalYear - 1, month: month, day: 1)
            if let begins, begins > status.date {
                error(
                    actual.location, "actual-after-status",
                    "spending in fiscal year \(actual.fiscalYear) (from \(begins)) is after the status date \(status.date)",
                    hint: "actual spending is booked up to the status date; the model estimates the rest")
            }
        }
    }

    /// Reports an actual dated after the status date.
    private mutating func checkDated(
        _ date: CivilDate, _ what: String, at location: SourceLocation, status: CampaignStatus
    ) {
        if date > status.date {
            error(
                location, "actual-after-status", "\(what) on \(date), after the status date \(status.date)",
                hint: "an actual is what happened by the status date: move the status date or drop the actual")
        }
    }

    /// Each element's phases done are a prefix of its design's phases, in order, with dates that do not go back.
    private mutating func checkPhasesDone(_ status: CampaignStatus, in scope: CampaignScope) {
        var byElement: [ElementID: [CampaignStatus.PhaseDone]] = [:]
        var order: [ElementID] = []
        for actual in status.phasesDone {
            checkDated(
                actual.date, "phase '\(actual.phase)' of element '\(actual.element.id)' done", at: actual.location,
                status: status)
            guard let found = scope.element(actual.element, checker: &self), let design = found.design else { continue }
            guard design.phases.contains(where: { $0.name == actual.phase }) else {
                unknown(
                    actual.phase, at: actual.location, "design '\(design.id)' has no phase '\(actual.phase)'",
                    among: design.phases.map(\.name), kind: "phase")
                continue
            }
            if byElement[actual.element.id] == nil { order.append(actual.element.id) }
            byElement[actual.element.id, default: []].append(actual)
        }
        for id in order {
            guard let actuals = byElement[id], let design = scope.element(actuals[0].element, checker: &self)?.design
            else { continue }
            let names = design.phases.map(\.name)
            let done = actuals.sorted { names.firstIndex(of: $0.phase)! < names.firstIndex(of: $1.phase)! }
            for (k, actual) in done.enumerated() {
                let position = names.firstIndex(of: actual.phase)!
                if position != k {
                    let missing = names[k]
                    error(
                        actual.location, position < k ? "duplicate-id" : "phase-out-of-order",
                        position < k
                            ? "phase '\(actual.phase)' of element '\(id)' is done twice"
                            : "phase '\(actual.phase)' of element '\(id)' is done, but its earlier phase '\(missing)' is not",
                        hint:
                            "list each phase done once, every phase up to the last one done, in the design's order (\(names.joined(separator: ", ")))"
                    )
                    break
                }
                if k > 0, actual.date < done[k - 1].date {
                    error(
                        actual.location, "phase-out-of-order",
                        "phase '\(actual.phase)' of element '\(id)' is done on \(actual.date), before its earlier phase '\(done[k - 1].phase)' (\(done[k - 1].date))",
                        hint: "phases finish in the design's order (\(names.joined(separator: ", "))); check the dates")
                    break
                }
            }
        }
    }

    /// Checks flown launches; returns the date of each successful one.
    private mutating func checkFlown(
        _ status: CampaignStatus, launches: [LaunchID: Launch], delivered: [ElementID: CivilDate]
    ) -> [LaunchID: CivilDate] {
        var succeeded: [LaunchID: CivilDate] = [:]
        var flights: [VehicleID: (successes: Int, failures: Int, location: SourceLocation)] = [:]
        var vehicleOrder: [VehicleID] = []
        for actual in status.flown {
            checkDated(actual.date, "launch '\(actual.launch.id)' flew", at: actual.location, status: status)
            guard let launch = launches[actual.launch.id] else {
                unknown(actual.launch, "launch", among: launches.keys.map(\.rawValue).sorted())
                continue
            }
            for payload in launch.payload {
                guard let date = delivered[payload.id], date <= actual.date else {
                    error(
                        actual.location, "actual-not-delivered",
                        "launch '\(launch.id)' flew on \(actual.date), but its payload '\(payload.id)' is not delivered by then",
                        hint: "add <delivered element=\"\(payload.id)\" date=\"...\"/> on or before the flight")
                    continue
                }
            }
            if actual.outcome == .success, succeeded[launch.id] == nil { succeeded[launch.id] = actual.date }
            if flights[launch.vehicle.id] == nil { vehicleOrder.append(launch.vehicle.id) }
            var count = flights[launch.vehicle.id] ?? (0, 0, actual.location)
            if actual.outcome == .success { count.successes += 1 } else { count.failures += 1 }
            flights[launch.vehicle.id] = count
        }
        for id in vehicleOrder {
            guard let count = flights[id], let vehicle = library.vehicle(id) else { continue }
            let failures = vehicle.attempts - vehicle.successes
            if count.successes > vehicle.successes || count.failures > failures {
                error(
                    count.location, "actual-not-in-record",
                    "this campaign's status has \(count.successes) successful and \(count.failures) failed flight(s) of '\(id)', but its record has \(vehicle.successes) successes in \(vehicle.attempts) attempts",
                    hint:
                        "a flown launch is part of the vehicle's flight record; update successes and attempts of '\(id)' in its agency file"
                )
            }
        }
        return succeeded
    }

    /// An achieved objective is dated on or before the status date, and every element it needs flew.
    private mutating func checkAchieved(
        _ campaign: Campaign, _ status: CampaignStatus, launches: [LaunchID: Launch],
        succeeded: [LaunchID: CivilDate]
    ) {
        var objectives: [ObjectiveID: Objective] = [:]
        var carrier: [ElementID: LaunchID] = [:]
        for mission in campaign.missions {
            for objective in mission.objectives where objectives[objective.id] == nil {
                objectives[objective.id] = objective
            }
            for launch in mission.launches {
                for payload in launch.payload where carrier[payload.id] == nil { carrier[payload.id] = launch.id }
            }
        }
        for actual in status.achieved {
            checkDated(
                actual.date, "objective '\(actual.objective.id)' achieved", at: actual.location, status: status)
            guard let objective = objectives[actual.objective.id] else {
                unknown(actual.objective, "objective", among: objectives.keys.map(\.rawValue).sorted())
                continue
            }
            for need in objective.needs {
                guard let launch = carrier[need.id], let flew = succeeded[launch], flew <= actual.date else {
                    error(
                        actual.location, "actual-inconsistent",
                        "objective '\(objective.id)' was achieved on \(actual.date), but the launch of its element '\(need.id)' is not stated as flown by then",
                        hint: "add a successful <flown> actual for the launch that carries '\(need.id)'")
                    break
                }
            }
        }
    }
}
