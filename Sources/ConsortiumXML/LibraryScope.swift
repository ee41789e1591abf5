import ConsortiumModel

/// Which files of a library a request needs: the files asked for, the campaign a scenario names, and the
/// agency files that define what they refer to (agencies, designs, vehicles, standards), transitively.
///
/// A file whose contents are unknown (it did not parse, or could not be read) might define anything: one in
/// `Agencies/` is always needed, and one elsewhere is needed when some reference resolves nowhere else. A
/// needed file with errors of its own may refer to more than its decoded part shows, so it needs every
/// agency file. Two files defining one id a request uses are both needed, so that the duplicate is reported.
struct LibraryScope {
    /// What one file defines and refers to.
    struct Facts {
        var kind: FileKind?
        /// Whether the file parsed into a tree (its contents are known).
        var known: Bool
        /// Whether the file has parse or schema errors (its decoded part may be incomplete).
        var broken: Bool
        /// Whether the file is in the library's `Agencies/` folder.
        var inAgencies: Bool
        /// Agency-file ids: every `id` attribute of an agency file (agency, designs, vehicles, standards, ...).
        var defines: Set<String> = []
        /// The campaign id a mission file defines.
        var campaign: String?
        /// Agency-file ids the file refers to.
        var references: [String] = []
        /// The campaign a scenario file refers to.
        var campaignReference: String?
    }

    let facts: [Facts]

    /// The indices of the files `requested` needs (the requested ones included), and the ids that resolved
    /// nowhere.
    func needed(by requested: [Int]) -> (files: Set<Int>, unresolved: [String]) {
        var definers: [String: [Int]] = [:]
        var campaigns: [String: [Int]] = [:]
        for (index, fact) in facts.enumerated() {
            for id in fact.defines { definers[id, default: []].append(index) }
            if let id = fact.campaign { campaigns[id, default: []].append(index) }
        }
        var needed = Set(requested)
        var queue = requested
        var unresolved: [String] = []
        var everyAgency = false
        func need(_ index: Int) {
            if needed.insert(index).inserted { queue.append(index) }
        }
        repeat {
            while let index = queue.popLast() {
                let fact = facts[index]
                if !fact.known || fact.broken { everyAgency = true }
                for id in fact.references {
                    if let files = definers[id] { files.forEach(need) } else { unresolved.append(id) }
                }
                if let id = fact.campaignReference {
                    if let files = campaigns[id] { files.forEach(need) } else { unresolved.append(id) }
                }
            }
            // Then what might define anything: unknown files, and every agency file when references are unknown.
            for (index, fact) in facts.enumerated() where !fact.known && (fact.inAgencies || !unresolved.isEmpty) {
                need(index)
            }
            if everyAgency { for (index, fact) in facts.enumerated() where fact.kind == .agency { need(index) } }
        } while !queue.isEmpty
        return (needed, Array(Set(unresolved)).sorted())
    }
}

extension LibraryScope.Facts {
    /// The facts of a parsed file, with its decoded contents.
    init(
        _ document: ParsedDocument, inAgencies: Bool, agency: Agency?, campaign: Campaign?, scenario: Scenario?
    ) {
        self.init(
            kind: document.kind, known: document.root != nil || !document.diagnostics.containsErrors,
            broken: document.diagnostics.containsErrors,
            inAgencies: inAgencies)
        guard let root = document.root else { return }
        switch document.kind {
        case .agency:
            var ids = Set<String>()
            var stack = [root]
            while let element = stack.popLast() {
                if let id = element.attribute("id") { ids.insert(id.value.trimmingWhitespace) }
                stack += element.children
            }
            defines = ids
        case .mission:
            self.campaign = root.attribute("id")?.value.trimmingWhitespace
        case .scenario, .assumptions, nil:
            break
        }
        if let agency { references += agency.references }
        if let campaign { references += campaign.references }
        if let scenario {
            references += scenario.references
            campaignReference = scenario.campaign.id.rawValue
        }
    }
}

extension Agency {
    /// The ids of other agency-file items this agency refers to.
    var references: [String] {
        var ids = restrictions.map(\.party.id.rawValue)
        for vehicle in vehicles { ids += vehicle.heritage.map { [$0.id.rawValue] } ?? [] }
        for design in designs {
            if let prime = design.prime { ids.append(prime.id.rawValue) }
            ids += (design.provides + design.requires).map(\.standard.id.rawValue)
        }
        return ids
    }
}

extension Campaign {
    /// The ids of agency-file items (agencies, designs, vehicles, standards) this campaign refers to.
    var references: [String] {
        var ids = [lead.id.rawValue]
        ids += costSharing?.shares.map(\.agency.id.rawValue) ?? []
        ids += funding.map(\.agency.id.rawValue)
        for element in elements { ids += [element.agency.id.rawValue, element.design.id.rawValue] }
        for contract in contracts {
            ids += [contract.provider.id.rawValue, contract.consumer.id.rawValue, contract.standard.id.rawValue]
        }
        ids += missions.flatMap(\.launches).map(\.vehicle.id.rawValue)
        ids += missions.flatMap(\.launches).flatMap(\.alternates).map(\.id.rawValue)
        for hazard in hazards {
            ids += [hazard.agency, hazard.taker].compactMap { $0?.id.rawValue }
            if let vehicle = hazard.vehicle { ids.append(vehicle.id.rawValue) }
        }
        return ids
    }
}

extension Scenario {
    /// The ids of agency-file items this scenario's overrides refer to (its replacement agencies among them).
    var references: [String] {
        overrides.flatMap { override -> [String] in
            switch override.change {
            case .withdraw(let agency, _, let replacement, _):
                return [agency.id.rawValue] + (replacement.map { [$0.id.rawValue] } ?? [])
            case .budgetChange(let agency, _, _): return [agency.id.rawValue]
            case .ground(let vehicle, _, _, _): return [vehicle.id.rawValue]
            case .reassign(_, let provider): return [provider.id.rawValue]
            case .substitute(_, let vehicle, _): return [vehicle.id.rawValue]
            case .delay, .launchFailure, .scaleHazards: return []
            }
        }
    }
}
