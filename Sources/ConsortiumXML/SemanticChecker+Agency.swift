import ConsortiumModel

extension SemanticChecker {
    mutating func check(_ agency: Agency) {
        if let budget = agency.budget {
            var previous: Int?
            for year in budget.years {
                if let previous, year.fiscalYear <= previous {
                    error(
                        year.location, "dates-out-of-order",
                        "fiscal year \(year.fiscalYear) comes after \(previous); budget years must be listed in increasing order",
                        hint: "sort the <year> entries and remove duplicates")
                }
                previous = year.fiscalYear
            }
        }
        if let growth = agency.growth {
            if growth.costP90 < growth.costMedian || growth.scheduleP90 < growth.scheduleMedian {
                error(
                    growth.location, "impossible-value",
                    "a growth factor's P90 is below its median (cost \(growth.costMedian)/\(growth.costP90), schedule \(growth.scheduleMedian)/\(growth.scheduleP90))",
                    hint: "the P90 of a lognormal is at least its median; swap the values")
            }
            checkSpread(growth.costMedian, growth.costP90, "cost", at: growth.location)
            checkSpread(growth.scheduleMedian, growth.scheduleP90, "schedule", at: growth.location)
        }
        for restriction in agency.restrictions {
            if restriction.party.id == agency.id {
                error(
                    restriction.party.location, "impossible-value", "an agency cannot restrict cooperation with itself",
                    hint: "remove this <no-cooperation-with> entry")
            } else {
                _ = self.agency(restriction.party)
            }
        }
        for standard in agency.standards {
            checkUnique(
                standard.revisions, kind: "revision of \(standard.id)", id: { $0 }, at: { _ in standard.location })
        }
        for design in agency.designs { check(design) }
        for vehicle in agency.vehicles where vehicle.successes > vehicle.attempts {
            error(
                vehicle.location, "impossible-value",
                "vehicle '\(vehicle.id)' has \(vehicle.successes) successes in \(vehicle.attempts) attempts",
                hint: "successes cannot exceed attempts")
        }
        for vehicle in agency.vehicles {
            guard let failed = vehicle.failedFlights else { continue }
            let failures = max(0, vehicle.attempts - vehicle.successes)
            if Set(failed).count != failed.count || failed.contains(where: { $0 < 1 || $0 > vehicle.attempts })
                || failed.count != failures
            {
                error(
                    vehicle.location, "impossible-value",
                    "vehicle '\(vehicle.id)' lists failed flights \(failed.map(String.init).joined(separator: " ")), "
                        + "not \(failures) distinct flight numbers from 1 to \(vehicle.attempts)",
                    hint: "failed-flights names each failed attempt once, by its number in flight order")
            }
        }
    }

    /// Reports a growth factor whose P90 is more than `ValueLimits.maximumGrowthSpread` times its median.
    private mutating func checkSpread(_ median: Double, _ p90: Double, _ what: String, at location: SourceLocation) {
        let limit = ValueLimits.maximumGrowthSpread
        guard p90 > median * limit else { return }
        error(
            location, "impossible-value",
            "the \(what) growth P90 \(p90.plain) is \((((p90 / median) * 100).rounded() / 100).plain) times its median \(median.plain), "
                + "over the \(limit.plain) allowed",
            hint: "real programmes' growth factors sit between 1.0 and 2.0 (GAO's assessments of NASA's major "
                + "projects); the bundled agencies' P90 is 1.2 to 1.7 times the median")
    }

    private mutating func check(_ design: Design) {
        checkUnique(design.phases, kind: "phase of design \(design.id)", id: \.name, at: \.location)
        for phase in design.phases {
            checkOrdered(phase.durationDays, "the duration of phase '\(phase.name)'", at: phase.location)
            checkOrdered(phase.costMUSD, "the cost of phase '\(phase.name)'", at: phase.location)
        }
        if let prime = design.prime { _ = agency(prime) }
        for interface in design.provides + design.requires {
            guard let standard = standard(interface.standard) else { continue }
            if !standard.revisions.contains(interface.revision) {
                unknown(
                    interface.revision, at: interface.standard.location,
                    "standard '\(standard.id)' has no revision '\(interface.revision)'",
                    among: standard.revisions, kind: "revision")
            }
        }
    }
}
