public import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation

/// A what-if for people: base and variant side by side, and each difference with its 95 % interval.
public struct WhatIfReport {
    public let result: PairedResult
    public let changes: [String]

    public init(_ result: PairedResult, changes: [String]) {
        self.result = result
        self.changes = changes
    }

    public func render() -> String {
        let base = result.base
        let plan = base.plan
        var text = TerminalText.escaped(plan.campaignName)
        if let scenario = plan.scenarioID { text += " (scenario \(scenario))" }
        text += ": what if \(changes.joined(separator: " "))\n"
        text += "\(Format.grouped(base.trials)) paired trials, seed \(base.settings.seed), the same random draws "
        text += "in both runs; differences are variant minus base with a 95 % confidence interval (* = significant)\n"

        text += "\nSchedule, days (over trials in which both runs got there)\n"
        var schedule = TextTable(headers: ["", "base P50", "what-if P50", "mean change", "95 % interval", "sig."])
        for (m, mission) in plan.missions.enumerated() {
            schedule.add(
                row(
                    mission.id.rawValue, date(base.missionCompletion(m).p50),
                    date(result.variant.missionCompletion(m).p50), result.missionCompletion[m], days))
        }
        schedule.add(
            row(
                "all objectives", date(base.completion.p50), date(result.variant.completion.p50), result.completion,
                days))
        text += schedule.render()

        text += "\nObjectives: probability of success, percentage points\n"
        var objectives = TextTable(headers: ["", "base", "what-if", "change", "95 % interval", "sig."])
        for (o, objective) in plan.objectives.enumerated() {
            objectives.add(
                row(
                    objective.id.rawValue, Format.percent(base.objectiveSuccess(o).value),
                    Format.percent(result.variant.objectiveSuccess(o).value), result.objectiveSuccess[o], points))
        }
        text += objectives.render()

        text += "\nCost, mean MUSD (each agency's own spending, transfers left out; the total is the campaign's cost)\n"
        var cost = TextTable(headers: ["", "base", "what-if", "change", "95 % interval", "sig."])
        for a in base.activeAgencies {
            cost.add(
                row(
                    plan.agencies[a].id.rawValue, Format.musd(base.meanSpent(agency: a)),
                    Format.musd(result.variant.meanSpent(agency: a)), result.agencySpent[a], Format.musd))
        }
        cost.add(
            row(
                "total", Format.musd(base.totalCost.mean ?? 0), Format.musd(result.variant.totalCost.mean ?? 0),
                result.totalCost, Format.musd))
        text += cost.render()
        if base.settings.targetDay != nil || base.settings.targetBudgetMUSD != nil {
            text += "\nJoint confidence at the scenario's targets: base \(Format.percent(base.jointConfidence.value)), "
            text += "what-if \(Format.percent(result.variant.jointConfidence.value))\n"
        }
        // A safety net for any file-derived text not escaped where it was interpolated.
        return TerminalText.escapedKeepingLines(text)
    }

    func date(_ day: Double?) -> String {
        day.map { result.base.plan.date(ofDay: $0).description } ?? "-"
    }

    func days(_ x: Double) -> String {
        (x > 0 ? "+" : "") + Format.grouped(rounding: x)
    }

    func points(_ x: Double) -> String {
        (x > 0 ? "+" : "") + Format.fixed(x * 100, 1)
    }

    func row(
        _ name: String, _ base: String, _ variant: String, _ difference: Difference, _ format: (Double) -> String
    ) -> [String] {
        guard difference.count > 1 else { return [name, base, variant, "-", "-", ""] }
        let (low, high) = difference.interval
        return [
            name, base, variant, format(difference.mean), "\(format(low)) to \(format(high))",
            difference.isSignificant ? "*" : "",
        ]
    }
}
