public import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation

/// The statistics of a Monte Carlo run for people: schedule and cost confidence, success, joint
/// confidence, risk drivers and cost sharing, each as a table with its units.
public struct MonteCarloReport {
    public let result: MonteCarloResult
    public let cooperation: CooperationAnalysis?

    public init(_ result: MonteCarloResult, cooperation: CooperationAnalysis? = nil) {
        self.result = result
        self.cooperation = cooperation
    }

    var plan: SimulationPlan { result.plan }

    public func render() -> String {
        let settings = result.settings
        var text = TerminalText.escaped(plan.campaignName)
        if let scenario = plan.scenarioID { text += " (scenario \(scenario))" }
        text += ": \(Format.grouped(result.trials)) trials, seed \(settings.seed)\n"
        var targets: [String] = []
        if let day = settings.targetDay { targets.append("every objective achieved by \(date(day))") }
        if let budget = settings.targetBudgetMUSD { targets.append("total cost at most \(Format.musd(budget)) MUSD") }
        if !targets.isEmpty { text += "Targets: " + targets.joined(separator: ", ") + "\n" }
        text += "\nSchedule: end of each mission (last arrival plus its duration) and of the campaign (every objective "
        text += "achieved); '-' where the quantile falls among trials that never got there\n"
        text += scheduleTable().render()
        text += "\nObjectives: probability of success (95 % Wilson interval) and why they are lost\n"
        text += objectiveTable().render()
        if result.hasCrew { text += CrewText.lossOfCrew(result) + "\n" }
        text += "\nCost per agency: spending only, MUSD (what each agency paid from its own money: its elements, "
        text += "launches, operations, fixed and common costs, cash and penalties it paid; barter and money "
        text += "received are not spending)\n"
        text += costTable().render()
        text += "\nTransfers and net contribution per agency, mean MUSD (returns valued by the agreements; net = "
        text += "spent + in kind given - in kind earned - received; the nets sum to the campaign's cost)\n"
        text += transferTable().render()
        text += "\nSpending per fiscal year, MUSD: mean / P80\n" + yearTable().render()
        text += "\n" + FundingLineText.section(result)
        text += "\n" + milestoneConfidence()
        text += "\n" + jointConfidence()
        text += "\nRisk drivers: criticality (share of trials on the critical path)\n" + criticalityTable().render()
        text += "\nRisk drivers: rank correlation of each uncertain input with completion and cost\n"
        let drivers = result.drivers
        text += driverTable(drivers).render() + driverSentences(drivers)
        text += "\n" + costSharing()
        if let cooperation { text += "\n" + cooperationSection(cooperation) }
        if result.totals.horizonReached > 0 { text += "\n" + horizonSection() }
        if result.totals.stalled > 0 || !result.totals.waits.isEmpty { text += "\n" + waitSection() }
        if let trial = result.representativeTrial, result.completion.p50 != nil {
            text += "\nThe trial closest to the median completion is trial \(trial): replay it as a story with "
            text += "`consortium simulate FILE --trials 1 --seed \(settings.seed) --trial \(trial)`.\n"
        }
        // A safety net for any file-derived text not escaped where it was interpolated.
        return TerminalText.escapedKeepingLines(text)
    }

    /// The trials that stopped at the horizon, what held their launches, and the event bound.
    func horizonSection() -> String {
        let totals = result.totals
        var text =
            "\(Format.percent(Double(totals.horizonReached) / Double(result.trials))) of trials reached the "
            + "horizon (\(date(plan.horizonDays))) with work unfinished.\n"
        // Most frequent first; ties by launch, then by the text, so that the order never depends on the
        // dictionary's (per-process, randomly seeded) iteration order.
        let held = totals.blockers.map { (count: $0.value, launch: $0.key.launch, text: $0.key.text(in: plan)) }
            .sorted { ($1.count, $0.launch, $0.text) < ($0.count, $1.launch, $1.text) }
        if !held.isEmpty {
            text += "What held their launches (share of all trials):\n"
            for blocker in held.prefix(12) {
                text += "  \(Format.percent(Double(blocker.count) / Double(result.trials)))  \(blocker.text)\n"
            }
            if held.count > 12 { text += "  ... and \(held.count - 12) more\n" }
        }
        text +=
            "The longest trial handled \(Format.grouped(totals.maxEvents)) events (a trial stops at "
            + "\(Format.grouped(plan.assumptions.eventLimit)) at most).\n"
        return text
    }

    /// The trials whose event queue ran dry before the horizon, and what lost objectives waited for.
    func waitSection() -> String {
        let totals = result.totals
        var text = ""
        if totals.stalled > 0 {
            text +=
                "\(Format.percent(Double(totals.stalled) / Double(result.trials))) of trials ran out of events before the "
                + "horizon with objectives lost as '\(LossCause.stalled.rawValue)': nothing could happen after.\n"
        }
        // Most frequent first; ties by objective, then by the text (never the dictionary's order).
        let waits = totals.waits.map {
            (count: $0.value, objective: $0.key.objective, text: $0.key.wait.text(in: plan))
        }
        .sorted { ($1.count, $0.objective, $0.text) < ($0.count, $1.objective, $1.text) }
        if !waits.isEmpty {
            text += "What lost objectives waited for (share of all trials):\n"
            for wait in waits.prefix(12) {
                let objective = plan.objectives[wait.objective].id
                text +=
                    "  \(Format.percent(Double(wait.count) / Double(result.trials)))  objective \(objective): \(wait.text)\n"
            }
            if waits.count > 12 { text += "  ... and \(waits.count - 12) more\n" }
        }
        return text
    }

    func date(_ day: Double?) -> String {
        day.map { plan.date(ofDay: $0).description } ?? "-"
    }

    func scheduleTable() -> TextTable {
        var table = TextTable(headers: ["mission", "mean", "P10", "P50", "P70", "P80", "P90"])
        for (m, mission) in plan.missions.enumerated() {
            let q = result.missionCompletion(m)
            table.add([mission.id.rawValue, date(q.mean)] + q.all.map(date))
        }
        let q = result.completion
        table.add(["all objectives", date(q.mean)] + q.all.map(date))
        if result.settings.targetDay != nil {
            table.add(["P(all by target)", interval(result.meetsTargetDate), "", "", "", "", ""])
        }
        return table
    }

    func interval(_ p: Proportion) -> String {
        let (low, high) = p.interval
        return "\(Format.percent(p.value)) [\(Format.fixed(low * 100, 1))-\(Format.fixed(high * 100, 1))]"
    }

    func objectiveTable() -> TextTable {
        var table = TextTable(
            headers: ["objective", "achieved", "by its target", "P50 date", "P80 date", "lost because"],
            alignments: [.left, .right, .right, .right, .right, .left])
        for (o, objective) in plan.objectives.enumerated() {
            let q = result.objectiveDay(o)
            table.add([
                objective.id.rawValue, interval(result.objectiveSuccess(o)),
                objective.targetDay == nil ? "-" : Format.percent(result.objectiveOnTime(o).value),
                date(q.p50), date(q.p80), CrewText.losses(result, objective: o),
            ])
        }
        return table
    }

    func costTable() -> TextTable {
        var table = TextTable(headers: ["agency", "mean", "P10", "P50", "P70", "P80", "P90"])
        func musd(_ x: Double?) -> String { x.map(Format.musd) ?? "-" }
        var spent = 0.0
        for a in result.activeAgencies {
            let q = result.agencySpent(a)
            spent += q.mean ?? 0
            table.add([plan.agencies[a].id.rawValue, musd(q.mean)] + q.all.map(musd))
        }
        table.add(["all agencies", musd(spent), "", "", "", "", ""])
        return table
    }

    /// Per agency: mean spent, in kind earned and given, money received, and net contribution.
    func transferTable() -> TextTable {
        var table = TextTable(headers: [
            "agency", "spent", "in kind earned", "in kind given", "received", "net", "net P10", "net P90",
        ])
        func musd(_ x: Double?) -> String { x.map(Format.musd) ?? "-" }
        var sums = [Double](repeating: 0, count: 5)
        for a in result.activeAgencies {
            let net = result.agencyNet(a)
            let values = [
                result.meanSpent(agency: a), result.meanInKindEarned(agency: a), result.meanInKindGiven(agency: a),
                result.meanReceived(agency: a), net.mean ?? 0,
            ]
            for (i, v) in values.enumerated() { sums[i] += v }
            table.add([plan.agencies[a].id.rawValue] + values.map(Format.musd) + [musd(net.p10), musd(net.p90)])
        }
        let q = result.totalCost
        table.add(["total"] + sums.map(Format.musd) + [musd(q.p10), musd(q.p90)])
        return table
    }

    func yearTable() -> TextTable {
        let agencies = result.activeAgencies
        var table = TextTable(headers: ["fiscal year"] + agencies.map { plan.agencies[$0].id.rawValue })
        guard let years = result.activeYears else { return table }
        for y in years {
            let cells = agencies.map { a in
                let (mean, p80) = result.yearCost(agency: a, year: y)
                return mean == 0 && p80 == 0 ? "-" : "\(Format.musd(mean)) / \(Format.musd(p80))"
            }
            table.add(["FY\(plan.firstFiscalYear + y)"] + cells)
        }
        return table
    }

    /// The JCL of NPR 7120.5: a stated milestone met by a date with the spending up to it within a budget.
    func milestoneConfidence() -> String {
        let level = Format.percent(result.settings.frontierLevel)
        guard let confidence = result.milestone else {
            return "Joint confidence at a milestone (JCL, NASA NPR 7120.5 budgets at 70 %): the campaign names no "
                + "key-milestone; give --milestone ID (an objective or a launch)\n"
        }
        let milestone = confidence.milestone
        let what =
            switch milestone.kind {
            case .objective: "objective \(milestone.id) achieved"
            case .launch: "launch \(milestone.id) flown"
            }
        var text = "Joint confidence at the key milestone (JCL, NASA NPR 7120.5 budgets at 70 %): \(what); its cost is "
        text += "the campaign's spending up to that day (every agency, transfers netted), not the whole campaign's\n"
        text += "  P(met) \(interval(confidence.met))   date P50 \(date(confidence.day.p50))  P70 "
        text += "\(date(confidence.day.p70))  P80 \(date(confidence.day.p80))\n"
        text += "  spending to it where met, MUSD: P50 \(confidence.cost.p50.map(Format.musd) ?? "-")  P70 "
        text += "\(confidence.cost.p70.map(Format.musd) ?? "-")  P80 \(confidence.cost.p80.map(Format.musd) ?? "-")\n"
        let settings = result.settings
        if settings.targetDay != nil || settings.targetBudgetMUSD != nil {
            text += "  at the targets: P(date) \(interval(confidence.meetsTargetDate))  P(budget) "
            text += "\(interval(confidence.meetsTargetBudget))  JCL \(interval(confidence.joint))\n"
        }
        if confidence.frontier.isEmpty {
            text += "  No date reaches \(level) joint confidence for \(milestone.id) within the horizon.\n"
        } else {
            text += "  The \(level) frontier: \(milestone.id) by ... with spending to it of ... MUSD\n"
            var table = TextTable(headers: ["met by", "budget, MUSD"])
            for point in thinned(confidence.frontier) { table.add([date(point.day), Format.musd(point.budgetMUSD)]) }
            text += table.render(indent: 4)
        }
        return text
    }

    func jointConfidence() -> String {
        let settings = result.settings
        let level = Format.percent(settings.frontierLevel)
        var text =
            "Joint confidence over every objective (all achieved by a date within a budget for the whole campaign)\n"
        if settings.targetDay != nil || settings.targetBudgetMUSD != nil {
            text += "  P(date) \(interval(result.meetsTargetDate))  P(budget) \(interval(result.meetsTargetBudget))"
            text += "  JCL \(interval(result.jointConfidence))\n"
        } else {
            text += "  (give --target-date and --target-budget for the JCL at a target)\n"
        }
        let frontier = result.frontier
        if frontier.isEmpty {
            text += "  No completion date reaches \(level) joint confidence within the horizon.\n"
        } else {
            text += "  The \(level) frontier: every objective achieved by ... with a budget of ... MUSD\n"
            var table = TextTable(headers: ["achieved by", "budget, MUSD"])
            for point in thinned(frontier) { table.add([date(point.day), Format.musd(point.budgetMUSD)]) }
            text += table.render(indent: 4)
        }
        var table = TextTable(headers: ["agency", "earliest date", "its budget", "by the target date"])
        for a in result.activeAgencies {
            let points = result.frontier(agency: a)
            guard let first = points.first else {
                table.add([plan.agencies[a].id.rawValue, "not reachable", "-", "-"])
                continue
            }
            var byTarget = "-"
            if let target = settings.targetDay {
                byTarget =
                    points.last { $0.day <= target + MonteCarloResult.frontierMonthDays }.map {
                        Format.musd($0.budgetMUSD)
                    }
                    ?? "not reachable"
            }
            table.add([plan.agencies[a].id.rawValue, date(first.day), Format.musd(first.budgetMUSD), byTarget])
        }
        text += "  Per agency, for its own elements in place and its own cost at \(level) joint confidence (MUSD):\n"
        text += table.render(indent: 4)
        return text
    }

    /// At most about a dozen frontier points, evenly spread, always keeping the first and last.
    func thinned(_ points: [(day: Double, budgetMUSD: Double)]) -> [(day: Double, budgetMUSD: Double)] {
        guard points.count > 12 else { return points }
        let step = Double(points.count - 1) / 11
        return (0...11).map { points[Int((Double($0) * step).rounded())] }
    }

    func criticalityTable() -> TextTable {
        var table = TextTable(headers: ["element", "agency", "criticality"])
        var ranked: [(element: Int, index: Double)] = []
        for e in plan.elements.indices where result.criticality(e) > 0 { ranked.append((e, result.criticality(e))) }
        ranked.sort { a, b in a.index != b.index ? a.index > b.index : a.element < b.element }
        for (e, index) in ranked.prefix(12) {
            table.add([
                plan.elements[e].id.rawValue, plan.agencies[plan.elements[e].agency].id.rawValue, Format.percent(index),
            ])
        }
        return table
    }

    func driverTable(_ drivers: [MonteCarloResult.Driver]) -> TextTable {
        var table = TextTable(headers: ["input", "with completion", "with cost"])
        for driver in drivers.prefix(12) {
            table.add([
                driver.name, Format.fixed(driver.scheduleCorrelation, 2), Format.fixed(driver.costCorrelation, 2),
            ])
        }
        return table
    }

    func driverSentences(_ drivers: [MonteCarloResult.Driver]) -> String {
        var text = ""
        for driver in drivers.prefix(3) {
            var parts: [String] = []
            if driver.scheduleShiftDays.isFinite && driver.scheduleShiftDays != 0 {
                parts.append(
                    "finish \(Format.grouped(rounding: abs(driver.scheduleShiftDays))) days "
                        + (driver.scheduleShiftDays > 0 ? "later" : "earlier"))
            }
            if driver.costShiftMUSD.isFinite && abs(driver.costShiftMUSD) >= 0.5 {
                parts.append(
                    "cost \(Format.musd(abs(driver.costShiftMUSD))) MUSD "
                        + (driver.costShiftMUSD > 0 ? "more" : "less"))
            }
            guard !parts.isEmpty else { continue }
            text += "  - \(driver.name): trials with it in its worst quarter \(parts.joined(separator: " and ")) "
            text += "(median) than trials with it in its best quarter.\n"
        }
        return text
    }

    func costSharing() -> String {
        var text = "Cost sharing, mean MUSD per agency (each table sums to the campaign's mean cost)\n"
        for rule in CostSharing.Policy.allCases {
            guard let rows = result.sharingTable(rule) else {
                text += "  Common costs by \(rule.label): the campaign declares no fixed shares.\n"
                continue
            }
            text += "  Common costs split by \(rule.label)\n" + shareTable(rows, netBalance: false).render(indent: 4)
        }
        text += "  Under the campaign's policy (\(plan.costSharing.rawValue)), with barter (given less earned), cash "
        text += "and late penalties paid, and money received: net contribution\n"
        text += shareTable(result.barterTable, netBalance: true).render(indent: 4)
        return text
    }

    func shareTable(_ rows: [MonteCarloResult.ShareRow], netBalance: Bool) -> TextTable {
        let transfers = netBalance ? ["barter", "cash paid", "penalties paid", "received"] : []
        var table = TextTable(headers: ["agency", "builds", "common"] + transfers + ["total", "share"])
        let total = rows.reduce(0) { $0 + $1.total }
        var sums = [Double](repeating: 0, count: 3 + transfers.count)
        for row in rows {
            var values = [row.builds, row.common]
            if netBalance { values += [row.barter, row.cash, row.penalties, -row.received] }
            values.append(row.total)
            for (i, v) in values.enumerated() { sums[i] += v }
            table.add(
                [plan.agencies[row.agency].id.rawValue] + values.map(Format.musd)
                    + [total != 0 ? Format.percent(row.total / total) : "-"])
        }
        table.add(["total"] + sums.map(Format.musd) + [Format.percent(1)])
        return table
    }
}

extension MonteCarloReport {
    func cooperationSection(_ game: CooperationAnalysis) -> String {
        var text =
            "Cooperation: each agency going alone (building what it can at its declared cost factors, buying the "
        text += "rest at \(Format.fixed(Cooperation.outsidePremium, 2))x) against the coalition; "
        text += "\(Format.grouped(game.trials)) trials per coalition, the same random draws for each\n"
        var table = TextTable(headers: [
            "agency", "alone: cost", "alone: P50 done", "alone: P(all)", "coalition: its cost", "coalition: P50 done",
            "Shapley savings", "fair cost",
        ])
        let together = date(result.completion.p50)
        for (i, a) in game.players.enumerated() {
            var shapley = Format.musd(game.shapley[i])
            if !game.exact { shapley += " +- \(Format.musd(2 * game.standardErrors[i]))" }
            table.add([
                plan.agencies[a].id.rawValue, Format.musd(game.aloneCost[i]), date(game.aloneCompletion[i]),
                Format.percent(game.aloneSuccess[i]), Format.musd(result.meanCost(agency: a)), together, shapley,
                Format.musd(game.fairCost[i]),
            ])
        }
        table.add([
            "total", Format.musd(game.aloneCost.reduce(0, +)), "", "", Format.musd(result.totalCost.mean ?? 0), "",
            Format.musd(game.savings), Format.musd(game.fairCost.reduce(0, +)),
        ])
        text += table.render()
        text +=
            "  Shapley values are \(game.exact ? "exact" : "estimated from sampled orders (+- 2 standard errors)"); "
        text += "fair costs (alone cost minus Shapley savings) sum to the coalition's cost over the same trials, "
        text += "\(Format.musd(game.grandCost)) MUSD.\n"
        return text
    }
}
