import ConsortiumModel

extension ModelDecoder {
    /// The campaign described by a `<campaign>` root, or nil when its identity is unusable.
    func campaign(_ root: XMLElement) -> Campaign? {
        guard let id: CampaignID = self.id(root), let name = string(root, "name"),
            let lead: Reference<AgencyTag> = reference(root, "lead"),
            let architecture: Campaign.Architecture = enumeration(root, "architecture"),
            let start = date(root, "start")
        else { return nil }
        var campaign = Campaign(
            id: id, name: name, lead: lead, architecture: architecture, start: start,
            location: root.location)
        campaign.description = description(root)
        if let milestone = string(root, "key-milestone") {
            campaign.keyMilestone = milestone
            campaign.keyMilestoneLocation = root.location(of: "key-milestone")
        }
        campaign.sources = sources(root)
        campaign.costSharing = root.child("cost-sharing").flatMap(costSharing)
        campaign.fixedCosts = root.children("fixed-cost").compactMap(fixedCost)
        campaign.funding = root.children("funding").compactMap(fundingLine)
        campaign.elements = root.children("element").compactMap(element)
        campaign.contracts = root.children("contract").compactMap(contract)
        campaign.missions = root.children("mission").compactMap(mission)
        campaign.risks = root.children("risk").compactMap(risk)
        campaign.hazards = root.children("hazard").compactMap(hazard)
        campaign.status = root.child("status").flatMap(status)
        campaign.assumptions = root.children("assume").compactMap(assume)
        return campaign
    }

    private func costSharing(_ node: XMLElement) -> CostSharing? {
        guard let policy: CostSharing.Policy = enumeration(node, "policy") else { return nil }
        let shares = node.children("share").compactMap { share -> CostSharing.Share? in
            guard let agency: Reference<AgencyTag> = reference(share, "agency"), let percent = double(share, "percent")
            else { return nil }
            return CostSharing.Share(agency: agency, percent: percent, location: share.location(of: "percent"))
        }
        let costs = node.children("common-cost").compactMap { cost -> CostSharing.CommonCost? in
            guard let id = string(cost, "id"), let name = string(cost, "name"),
                let perYear = double(cost, "musd-per-year"), let from = costEvent(cost, "from"),
                let to = costEvent(cost, "to")
            else { return nil }
            return CostSharing.CommonCost(
                id: id, name: name, musdPerYear: perYear, from: from, to: to,
                provenance: provenance(cost), location: cost.location)
        }
        return CostSharing(policy: policy, shares: shares, commonCosts: costs, location: node.location)
    }

    private func fixedCost(_ node: XMLElement) -> FixedCost? {
        guard let id = string(node, "id"), let name = string(node, "name"),
            let agency: Reference<AgencyTag> = reference(node, "agency"),
            let perYear = double(node, "musd-per-year"), let from = costEvent(node, "from"),
            let until = costEvent(node, "until")
        else { return nil }
        return FixedCost(
            id: id, name: name, agency: agency, musdPerYear: perYear, from: from, until: until,
            provenance: provenance(node), location: node.location)
    }

    /// A `CostEvent` attribute, its references located at the attribute.
    private func costEvent(_ node: XMLElement, _ name: String) -> CostEvent? {
        guard let attribute = node.attribute(name) else { return nil }
        return value(node, name, default: nil, as: "start, end, launch:ID, arrival:ID or a date YYYY-MM-DD") {
            CostEvent(text: $0.trimmingWhitespace, at: attribute.location)
        }
    }

    private func fundingLine(_ node: XMLElement) -> FundingLine? {
        guard let agency: Reference<AgencyTag> = reference(node, "agency"),
            let unspent: FundingLine.Unspent = enumeration(node, "unspent", default: .carryOver),
            let shortFirst: FundingLine.ShortFirst = enumeration(node, "short-first", default: .development)
        else { return nil }
        let years = node.children("year").compactMap { year -> FundingLine.Year? in
            guard let fy = int(year, "fy"), let amount = double(year, "amount-m") else { return nil }
            return FundingLine.Year(
                fiscalYear: fy, amountMUSD: amount, provenance: provenance(year), location: year.location)
        }
        return FundingLine(
            agency: agency, unspent: unspent, shortFirst: shortFirst, years: years, provenance: provenance(node),
            location: node.location, shortFirstLocation: node.location(of: "short-first"))
    }

    private func element(_ node: XMLElement) -> ElementInstance? {
        guard let id: ElementID = self.id(node), let design: Reference<DesignTag> = reference(node, "design"),
            let agency: Reference<AgencyTag> = reference(node, "agency"), let start = date(node, "start"),
            let progress = double(node, "progress", default: 0),
            let pricing: ElementInstance.Pricing = enumeration(node, "pricing", default: .costPlus)
        else { return nil }
        var instance = ElementInstance(
            id: id, design: design, agency: agency, start: start, progress: progress,
            provenance: provenance(node), location: node.location)
        instance.pricing = pricing
        return instance
    }

    private func contract(_ node: XMLElement) -> Contract? {
        guard let id: ContractID = self.id(node), let provider: Reference<AgencyTag> = reference(node, "provider"),
            let consumer: Reference<AgencyTag> = reference(node, "consumer"),
            let element: Reference<ElementTag> = reference(node, "element"),
            let counterpart: Reference<ElementTag> = reference(node, "counterpart"),
            let standard: Reference<StandardTag> = reference(node, "standard"),
            let revision = string(node, "revision"), let needBy = date(node, "need-by"),
            let verification = double(node, "verification-days"),
            let penalty = double(node, "penalty-musd-per-month", default: 0)
        else { return nil }
        let returns = node.children("return").compactMap { entry -> Contract.Return? in
            guard let kind: Contract.Return.Kind = enumeration(entry, "kind"),
                let count = int(entry, "count", default: 1),
                let value = double(entry, "value-musd")
            else { return nil }
            return Contract.Return(
                kind: kind, count: count, valueMUSD: value, note: string(entry, "note"),
                provenance: provenance(entry))
        }
        return Contract(
            id: id, provider: provider, consumer: consumer, element: element, counterpart: counterpart,
            standard: standard, revision: revision, needBy: needBy, verificationDays: verification,
            penaltyMUSDPerMonth: penalty, returns: returns, provenance: provenance(node), location: node.location)
    }

    private func mission(_ node: XMLElement) -> Mission? {
        guard let id: MissionID = self.id(node), let name = string(node, "name"),
            let body: Mission.Body = enumeration(node, "body"), let transit = double(node, "transit-days"),
            let duration = double(node, "duration-days")
        else { return nil }
        var mission = Mission(
            id: id, name: name, body: body, after: references(node, "after"), transitDays: transit,
            durationDays: duration, provenance: provenance(node), location: node.location)
        mission.description = description(node)
        mission.windows = node.child("windows").flatMap { windows in
            guard let kind: LaunchWindows.Kind = enumeration(windows, "kind"),
                let reference = date(windows, "reference"),
                let period = double(windows, "period-days"), let width = double(windows, "width-days")
            else { return nil }
            return LaunchWindows(
                kind: kind, reference: reference, periodDays: period, widthDays: width,
                location: windows.location)
        }
        mission.launches = node.children("launch").compactMap(launch)
        mission.docks = node.children("dock").compactMap { dock in
            guard let element: Reference<ElementTag> = reference(dock, "element"),
                let target: Reference<ElementTag> = reference(dock, "target")
            else { return nil }
            return Dock(
                element: element, target: target, contract: reference(dock, "contract"), location: dock.location)
        }
        mission.objectives = node.children("objective").compactMap { objective in
            guard let id: ObjectiveID = self.id(objective), let name = string(objective, "name") else { return nil }
            let needs: [Reference<ElementTag>] = objective.children("needs").compactMap { reference($0, "element") }
            guard let onLoss: Objective.LossPolicy = enumeration(objective, "on-loss", default: .lose) else {
                return nil
            }
            var decoded = Objective(
                id: id, name: name, target: date(objective, "target"), needs: needs,
                location: objective.location)
            decoded.onLoss = onLoss
            decoded.completionDays = double(objective, "completion-days", default: 0) ?? 0
            return decoded
        }
        return mission
    }

    private func launch(_ node: XMLElement) -> Launch? {
        guard let id: LaunchID = self.id(node), let vehicle: Reference<VehicleTag> = reference(node, "vehicle"),
            let destination: Destination = enumeration(node, "destination"),
            let onFailure: Launch.FailurePolicy = enumeration(node, "on-failure", default: .rebuild),
            let fraction = double(node, "rebuild-fraction", default: 0.5)
        else { return nil }
        let payload: [Reference<ElementTag>] = node.children("payload").compactMap { reference($0, "element") }
        var decoded = Launch(
            id: id, vehicle: vehicle, destination: destination, earliest: date(node, "earliest"),
            onFailure: onFailure, rebuildFraction: fraction, payload: payload, provenance: provenance(node),
            location: node.location)
        decoded.afterLaunches = references(node, "after-launches")
        decoded.readyWith = references(node, "ready-with")
        decoded.transitDays = double(node, "transit-days")
        decoded.refuelling = node.child("refuelling").flatMap { refuelling in
            guard let tanker: Reference<VehicleTag> = reference(refuelling, "vehicle"),
                let flights = int(refuelling, "flights"), let within = double(refuelling, "within-days")
            else { return nil }
            return Refuelling(
                vehicle: tanker, flights: flights, withinDays: within, provenance: provenance(refuelling),
                location: refuelling.location)
        }
        decoded.alternates = node.children("alternate").compactMap { reference($0, "vehicle") }
        return decoded
    }

    private func hazard(_ node: XMLElement) -> Hazard? {
        guard let kind: Hazard.Kind = enumeration(node, "kind"), let rate = double(node, "per-year"),
            let transfer = double(node, "transfer-days", default: 365)
        else { return nil }
        return Hazard(
            kind: kind, perYear: rate, agency: reference(node, "agency"), taker: reference(node, "taker"),
            vehicle: reference(node, "vehicle"), transferDays: transfer, provenance: provenance(node),
            location: node.location)
    }

    private func risk(_ node: XMLElement) -> Risk? {
        guard let id: RiskID = self.id(node), let element: Reference<ElementTag> = reference(node, "element"),
            let probability = double(node, "probability"), let days = double(node, "impact-days"),
            let money = double(node, "impact-musd")
        else { return nil }
        return Risk(
            id: id, element: element, phase: string(node, "phase"), probability: probability,
            impactDays: days, impactMUSD: money, description: description(node), location: node.location)
    }
}
