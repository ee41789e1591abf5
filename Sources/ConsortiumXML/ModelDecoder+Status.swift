import ConsortiumModel

extension ModelDecoder {
    /// The actuals of a campaign's `<status>`, or nil when its date is unusable.
    func status(_ node: XMLElement) -> CampaignStatus? {
        guard let date = date(node, "date") else { return nil }
        var status = CampaignStatus(date: date, provenance: provenance(node), location: node.location)
        status.delivered = node.children("delivered").compactMap { actual in
            guard let element: Reference<ElementTag> = reference(actual, "element"),
                let date = self.date(actual, "date")
            else { return nil }
            return CampaignStatus.Delivered(
                element: element, date: date, provenance: provenance(actual), location: actual.location)
        }
        status.phasesDone = node.children("phase-done").compactMap { actual in
            guard let element: Reference<ElementTag> = reference(actual, "element"),
                let phase = string(actual, "phase"), let date = self.date(actual, "date")
            else { return nil }
            return CampaignStatus.PhaseDone(
                element: element, phase: phase.trimmingWhitespace, date: date, provenance: provenance(actual),
                location: actual.location)
        }
        status.flown = node.children("flown").compactMap { actual in
            guard let launch: Reference<LaunchTag> = reference(actual, "launch"), let date = self.date(actual, "date"),
                let outcome: CampaignStatus.Flown.Outcome = enumeration(actual, "outcome")
            else { return nil }
            return CampaignStatus.Flown(
                launch: launch, date: date, outcome: outcome, provenance: provenance(actual),
                location: actual.location)
        }
        status.arrived = node.children("arrived").compactMap { actual in
            guard let launch: Reference<LaunchTag> = reference(actual, "launch"), let date = self.date(actual, "date")
            else { return nil }
            return CampaignStatus.Arrived(
                launch: launch, date: date, provenance: provenance(actual), location: actual.location)
        }
        status.achieved = node.children("achieved").compactMap { actual in
            guard let objective: Reference<ObjectiveTag> = reference(actual, "objective"),
                let date = self.date(actual, "date")
            else { return nil }
            return CampaignStatus.Achieved(
                objective: objective, date: date, provenance: provenance(actual), location: actual.location)
        }
        status.spent = node.children("spent").compactMap { actual in
            guard let agency: Reference<AgencyTag> = reference(actual, "agency"),
                let year = int(actual, "fiscal-year"), let musd = double(actual, "musd")
            else { return nil }
            return CampaignStatus.Spent(
                agency: agency, element: reference(actual, "element"), fiscalYear: year, musd: musd,
                provenance: provenance(actual), location: actual.location)
        }
        return status
    }
}
