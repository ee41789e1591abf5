import ConsortiumModel
public import ConsortiumSimulation

/// The story of one trial for people: a dated timeline, then key dates, objectives and cost per agency.
public struct TrialReport {
    public let plan: SimulationPlan
    public let outcome: TrialOutcome
    public let trace: [TraceEntry]
    public let seed: UInt64

    public init(plan: SimulationPlan, outcome: TrialOutcome, trace: [TraceEntry], seed: UInt64) {
        self.plan = plan
        self.outcome = outcome
        self.trace = trace
        self.seed = seed
    }

    public func render() -> String {
        var text = TerminalText.escaped(plan.campaignName)
        if let scenario = plan.scenarioID { text += " (scenario \(scenario))" }
        text += ": trial \(outcome.trial), seed \(seed)\n\nTimeline\n"
        for entry in trace where entry.kind != .queued && entry.kind != .launchScheduled {
            text += "  \(plan.date(ofDay: entry.day))  \(TerminalText.escaped(entry.detail))\n"
        }
        if outcome.crewLosses > 0 {
            text += "\nLOSS OF CREW: \(outcome.crewLosses) crew\(outcome.crewLosses == 1 ? "" : "s") lost in this trial"
            text += outcome.cancelledDay.map { "; the campaign was cancelled on \(plan.date(ofDay: $0))" } ?? ""
            text += "\n"
        }
        text += "\nMissions\n" + missionTable().render()
        text += "\nObjectives\n" + objectiveTable().render()
        text += waits()
        text +=
            "\nCost by agency, MUSD (spent: every category but barter and received, the agency's own money; net: "
            + "spent plus barter given less barter earned and money received; the nets sum to the campaign's cost)\n"
            + costTable().render()
        if !outcome.reachedHorizon, outcome.objectives.contains(where: { $0.cause == .stalled }) {
            text +=
                "\nThe event queue ran dry on \(plan.date(ofDay: outcome.endDay)), before the horizon "
                + "(\(plan.date(ofDay: plan.horizonDays))): nothing could happen after, and the objectives lost as "
                + "'\(LossCause.stalled.rawValue)' waited for what is listed above.\n"
        }
        if outcome.reachedHorizon {
            text +=
                "\nThe trial reached its horizon (\(plan.date(ofDay: plan.horizonDays))) before everything was done.\n"
            text +=
                "It handled \(Format.grouped(outcome.events)) events (a trial stops at "
                + "\(Format.grouped(plan.assumptions.eventLimit)) at most).\n"
            if !outcome.blockers.isEmpty {
                text += "What was still waiting:\n"
                for blocker in outcome.blockers { text += "  \(blocker.text(in: plan))\n" }
            }
        }
        // A safety net for any file-derived text not escaped where it was interpolated.
        return TerminalText.escapedKeepingLines(text)
    }

    /// What each lost objective waited for, when a dock or a missing launch kept it from its elements.
    func waits() -> String {
        var text = ""
        for (o, result) in outcome.objectives.enumerated() {
            guard let wait = result.wait else { continue }
            text += "  objective \(plan.objectives[o].id): \(wait.text(in: plan))\n"
        }
        return text.isEmpty ? "" : "What the lost objectives waited for:\n" + text
    }

    func date(_ day: Double?) -> String {
        day.map { plan.date(ofDay: $0).description } ?? "-"
    }

    func missionTable() -> TextTable {
        var table = TextTable(headers: ["mission", "first launch", "last arrival", "complete"])
        for (m, mission) in plan.missions.enumerated() {
            let result = outcome.missions[m]
            table.add([
                mission.id.rawValue, date(result.firstLaunchDay), date(result.lastArrivalDay),
                date(result.completionDay),
            ])
        }
        return table
    }

    func objectiveTable() -> TextTable {
        var table = TextTable(
            headers: ["objective", "result", "date", "target", "why"], alignments: [.left, .left, .left, .left, .left])
        for (o, objective) in plan.objectives.enumerated() {
            let result = outcome.objectives[o]
            let why: String
            if let cause = result.cause {
                let element = result.bindingElement.map { " (\(plan.elements[$0].id))" } ?? ""
                why = cause.rawValue + element
            } else {
                why = result.bindingElement.map { "last in place: \(plan.elements[$0].id)" } ?? ""
            }
            table.add([
                objective.id.rawValue, result.achieved ? "achieved" : "lost", date(result.day),
                date(objective.targetDay), why,
            ])
        }
        return table
    }

    func costTable() -> TextTable {
        let categories = CostCategory.allCases
        var table = TextTable(headers: ["agency"] + categories.map(\.description) + ["spent", "net"])
        var columnTotals = [Double](repeating: 0, count: categories.count + 2)
        for (a, agency) in plan.agencies.enumerated() {
            let values = categories.map { outcome.ledger.total(agency: a, category: $0) }
            guard values.contains(where: { $0 != 0 }) else { continue }
            let row = values + [outcome.ledger.spent(agency: a), outcome.ledger.netContribution(agency: a)]
            for (i, value) in row.enumerated() { columnTotals[i] += value }
            table.add([agency.id.rawValue] + row.map(Format.musd))
        }
        table.add(["total"] + columnTotals.map(Format.musd))
        return table
    }
}
