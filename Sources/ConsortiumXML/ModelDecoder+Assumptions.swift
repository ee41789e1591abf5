import ConsortiumModel

extension ModelDecoder {
    /// The model's assumptions described by an `<assumptions>` root.
    func assumptions(_ root: XMLElement) -> AssumptionSet {
        var set = AssumptionSet(location: root.location)
        set.sources = sources(root)
        set.parameters = root.children("parameter").compactMap { node in
            guard let name = string(node, "name"), let value = double(node, "value") else { return nil }
            return AssumptionSet.Parameter(
                name: name.trimmingWhitespace, value: value, provenance: provenance(node),
                location: node.location(of: "name"))
        }
        set.referenceClasses = root.children("reference-class").compactMap { node in
            guard let id = string(node, "id"), let name = string(node, "name") else { return nil }
            let records = node.children("vehicle").compactMap { entry -> AssumptionSet.FlightRecord? in
                guard let vehicle = string(entry, "name"), let successes = int(entry, "successes"),
                    let attempts = int(entry, "attempts")
                else { return nil }
                var record = AssumptionSet.FlightRecord(
                    name: vehicle, successes: successes, attempts: attempts, provenance: provenance(entry),
                    location: entry.location)
                record.matureSuccesses = int(entry, "mature-successes")
                record.matureAttempts = int(entry, "mature-attempts")
                return record
            }
            var referenceClass = AssumptionSet.ReferenceClass(
                id: id.trimmingWhitespace, name: name, records: records, location: node.location)
            referenceClass.earlyFlights = int(node, "early-flights")
            return referenceClass
        }
        set.standDownRecords = root.children("stand-downs").compactMap { node in
            guard let id = string(node, "id"), let name = string(node, "name") else { return nil }
            let events = node.children("stand-down").compactMap { entry -> AssumptionSet.StandDown? in
                guard let event = string(entry, "event"), let failed = date(entry, "failed"),
                    let returned = date(entry, "returned")
                else { return nil }
                var standDown = AssumptionSet.StandDown(
                    event: event, failed: failed, returned: returned, provenance: provenance(entry),
                    location: entry.location)
                standDown.provider = string(entry, "provider")?.trimmingWhitespace
                return standDown
            }
            return AssumptionSet.StandDownRecord(
                id: id.trimmingWhitespace, name: name, events: events, location: node.location)
        }
        return set
    }

    /// A campaign's `<assume parameter="..." value="..."/>`.
    func assume(_ node: XMLElement) -> AssumptionOverride? {
        guard let name = string(node, "parameter"), let value = double(node, "value") else { return nil }
        return AssumptionOverride(
            name: name.trimmingWhitespace, value: value, provenance: provenance(node),
            location: node.location(of: "parameter"))
    }
}
