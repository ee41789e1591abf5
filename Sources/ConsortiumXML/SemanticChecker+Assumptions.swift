import ConsortiumModel

extension SemanticChecker {
    /// The assumptions file's own consistency, and the vehicles' references into it (class, heritage).
    ///
    /// Which parameter names exist, and their ranges, is the simulation's table; `ModelAssumptions` checks those.
    mutating func checkAssumptions() {
        for location in extraAssumptionFiles {
            error(
                location, "duplicate-assumptions",
                "the library has more than one assumptions file; a run uses one set of assumptions",
                hint: "keep one file in Assumptions/ (model.xml); state a campaign's changes with <assume .../>")
        }
        if let set = library.assumptions { check(set) }
        for agency in library.agencies {
            for vehicle in agency.vehicles { checkReliabilityInputs(vehicle) }
        }
    }

    private mutating func check(_ set: AssumptionSet) {
        let known = Set(set.sources.map(\.id))
        func cite(_ provenance: Provenance, at location: SourceLocation) {
            if provenance.sources.isEmpty && !provenance.isEstimate {
                error(
                    location, "missing-source", "this figure cites no source and is not marked as an estimate",
                    hint: "add source=\"id\" naming a <source> of this file, or estimate=\"true\" if it is ours")
            }
            for id in provenance.sources where !known.contains(id) {
                unknown(
                    id, at: location, "unknown source '\(id)'", among: Array(known).sorted(), kind: "source")
            }
        }
        checkUnique(set.parameters, kind: "parameter", id: \.name, at: \.location)
        for parameter in set.parameters { cite(parameter.provenance, at: parameter.location) }
        checkUnique(set.referenceClasses, kind: "reference class", id: \.id, at: \.location)
        for referenceClass in set.referenceClasses {
            for record in referenceClass.records {
                cite(record.provenance, at: record.location)
                if record.successes > record.attempts {
                    error(
                        record.location, "impossible-value",
                        "'\(record.name)' has \(record.successes) successes in \(record.attempts) attempts",
                        hint: "successes count the attempts that reached orbit, so they cannot exceed attempts")
                }
                switch (record.matureSuccesses, record.matureAttempts) {
                case (nil, nil): break
                case (let s?, let n?) where s > n:
                    error(
                        record.location, "impossible-value",
                        "'\(record.name)' has \(s) mature successes in \(n) mature attempts",
                        hint: "mature-successes count the later attempts that reached orbit")
                case (_?, _?):
                    if referenceClass.earlyFlights == nil {
                        error(
                            record.location, "missing-early-window",
                            "'\(record.name)' gives later flights, but class '\(referenceClass.id)' states no early-flights",
                            hint:
                                "add early-flights=\"N\" to the <reference-class>: the number of first flights its records cover"
                        )
                    }
                default:
                    error(
                        record.location, "incomplete-record",
                        "'\(record.name)' gives only one of mature-successes and mature-attempts",
                        hint: "give both, or neither")
                }
            }
        }
        checkUnique(set.standDownRecords, kind: "stand-down record", id: \.id, at: \.location)
        for record in set.standDownRecords {
            for event in record.events {
                cite(event.provenance, at: event.location)
                if event.days <= 0 {
                    error(
                        event.location, "dates-out-of-order",
                        "'\(event.event)' returned to flight on \(event.returned), not after its failure on \(event.failed)",
                        hint: "`returned` is the date of the next flight after the failure")
                }
            }
        }
    }

    /// A vehicle's reference class must be in the assumptions file, and its heritage another known vehicle.
    private mutating func checkReliabilityInputs(_ vehicle: Vehicle) {
        if let set = library.assumptions, set.referenceClass(vehicle.referenceClass.id.rawValue) == nil {
            unknown(
                vehicle.referenceClass, "reference class", among: set.referenceClasses.map(\.id))
        }
        if let heritage = vehicle.heritage {
            if heritage.id == vehicle.id {
                error(
                    heritage.location, "impossible-value", "vehicle '\(vehicle.id)' names itself as its heritage",
                    hint: "heritage names the vehicle this one derives from (Falcon Heavy: falcon-9)")
            } else if let parent = self.vehicle(heritage), parent.heritage?.id == vehicle.id {
                error(
                    heritage.location, "heritage-cycle",
                    "vehicles '\(vehicle.id)' and '\(parent.id)' name each other as heritage",
                    hint: "heritage runs from a derivative to the vehicle it derives from, one way")
            }
        } else if vehicle.heritageWeight > 0 {
            error(
                vehicle.location, "impossible-value",
                "vehicle '\(vehicle.id)' gives a heritage-weight but no heritage vehicle",
                hint: "add heritage=\"vehicle-id\" or remove heritage-weight")
        }
    }
}
