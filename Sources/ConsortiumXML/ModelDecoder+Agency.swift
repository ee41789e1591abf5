import ConsortiumModel

extension ModelDecoder {
    /// The agency described by an `<agency>` root, or nil when its identity is unusable.
    func agency(_ root: XMLElement) -> Agency? {
        guard let id: AgencyID = self.id(root), let name = string(root, "name"),
            let kind: Agency.Kind = enumeration(root, "kind")
        else { return nil }
        var agency = Agency(id: id, name: name, kind: kind, location: root.location)
        agency.country = string(root, "country")
        agency.description = description(root)
        agency.sources = sources(root)
        agency.memberships = root.children("membership").compactMap { node in
            string(node, "group").map {
                Membership(group: $0, since: date(node, "since"), provenance: provenance(node))
            }
        }
        agency.budget = root.child("budget").flatMap(budget)
        agency.growth = root.child("growth").flatMap(growth)
        agency.restrictions = root.children("no-cooperation-with").compactMap { node in
            guard let party: Reference<AgencyTag> = reference(node, "party") else { return nil }
            return Restriction(party: party, reason: string(node, "reason") ?? "", provenance: provenance(node))
        }
        agency.exportRegimes = root.children("export-regime").compactMap { string($0, "name") }
        agency.capabilities = root.children("capability").compactMap { node in
            guard let kind: ElementKind = enumeration(node, "kind"), let cost = double(node, "cost-factor"),
                let schedule = double(node, "schedule-factor")
            else { return nil }
            return Capability(kind: kind, costFactor: cost, scheduleFactor: schedule, provenance: provenance(node))
        }
        agency.standards = root.children("standard").compactMap { standard($0, owner: id) }
        agency.designs = root.children("design").compactMap { design($0, owner: id) }
        agency.vehicles = root.children("vehicle").compactMap { vehicle($0, owner: id) }
        return agency
    }

    private func budget(_ node: XMLElement) -> Budget? {
        guard let currency = string(node, "currency"), let rate = double(node, "usd-per-unit"),
            let base = int(node, "base-year"), let month = int(node, "fiscal-year-start-month"),
            let concurrent = int(node, "max-concurrent-developments")
        else { return nil }
        let years = node.children("year").compactMap { year -> Budget.Year? in
            guard let fy = int(year, "fy"), let amount = double(year, "amount-m") else { return nil }
            return Budget.Year(fiscalYear: fy, amountMillions: amount, location: year.location)
        }
        return Budget(
            currency: currency, usdPerUnit: rate, baseYear: base, fiscalYearStartMonth: month,
            maxConcurrentDevelopments: concurrent, years: years, provenance: provenance(node), location: node.location)
    }

    private func growth(_ node: XMLElement) -> Growth? {
        guard let costMedian = double(node, "cost-median"), let costP90 = double(node, "cost-p90"),
            let scheduleMedian = double(node, "schedule-median"), let scheduleP90 = double(node, "schedule-p90")
        else { return nil }
        return Growth(
            costMedian: costMedian, costP90: costP90, scheduleMedian: scheduleMedian,
            scheduleP90: scheduleP90, provenance: provenance(node), location: node.location)
    }

    private func standard(_ node: XMLElement, owner: AgencyID) -> Standard? {
        guard let id: StandardID = self.id(node), let name = string(node, "name"),
            let function: InterfaceFunction = enumeration(node, "function")
        else { return nil }
        return Standard(
            id: id, name: name, function: function, isPublished: bool(node, "published", default: false),
            revisions: node.children("revision").compactMap { string($0, "id") }, owner: owner,
            provenance: provenance(node), location: node.location)
    }

    private func interface(_ node: XMLElement) -> Interface? {
        guard let standard: Reference<StandardTag> = reference(node, "standard"),
            let revision = string(node, "revision")
        else { return nil }
        return Interface(standard: standard, revision: revision, parameters: string(node, "parameters"))
    }

    private func design(_ node: XMLElement, owner: AgencyID) -> Design? {
        guard let id: DesignID = self.id(node), let name = string(node, "name"),
            let kind: ElementKind = enumeration(node, "kind"), let mass = double(node, "mass-kg"),
            let reliability = double(node, "reliability"),
            let army = double(node, "standing-army-musd-per-month", default: 0)
        else { return nil }
        var design = Design(
            id: id, name: name, kind: kind, owner: owner, massKg: mass, reliability: reliability,
            standingArmyMUSDPerMonth: army, provenance: provenance(node), location: node.location)
        design.operationsMUSDPerYear = double(node, "operations-musd-per-year", default: 0) ?? 0
        design.storageMUSDPerMonth = double(node, "storage-musd-per-month")
        design.crewed = bool(node, "crewed", default: false)
        design.maxDaysInSpace = double(node, "max-days-in-space")
        design.prime = reference(node, "prime")
        design.exportControl = string(node, "export-control")
        design.description = description(node)
        design.phases = node.children("phase").compactMap { phase in
            guard let name = string(phase, "name"), let duration = threePoint(phase.child("duration-days")),
                let cost = threePoint(phase.child("cost-musd"))
            else { return nil }
            return Phase(name: name, durationDays: duration, costMUSD: cost, location: phase.location)
        }
        design.provides = node.children("provides").compactMap(interface)
        design.requires = node.children("requires").compactMap(interface)
        return design
    }

    private func vehicle(_ node: XMLElement, owner: AgencyID) -> Vehicle? {
        guard let id: VehicleID = self.id(node), let name = string(node, "name"),
            let successes = int(node, "successes"), let attempts = int(node, "attempts"),
            let price = double(node, "price-musd"), let cadence = double(node, "min-days-between-launches"),
            let referenceClass: Reference<ReferenceClassTag> = reference(node, "reference-class"),
            let weight = double(node, "heritage-weight", default: 0)
        else { return nil }
        var capacity: [Destination: Double] = [:]
        for entry in node.children("capacity") {
            if let destination: Destination = enumeration(entry, "destination"), let kg = double(entry, "kg") {
                capacity[destination] = kg
            }
        }
        var vehicle = Vehicle(
            id: id, name: name, owner: owner, successes: successes, attempts: attempts, priceMUSD: price,
            minDaysBetweenLaunches: cadence, referenceClass: referenceClass, heritage: reference(node, "heritage"),
            heritageWeight: weight, capacityKg: capacity,
            provenance: provenance(node), location: node.location)
        if let text = string(node, "failed-flights") {
            vehicle.failedFlights = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .compactMap { Int($0) }
        }
        return vehicle
    }
}
