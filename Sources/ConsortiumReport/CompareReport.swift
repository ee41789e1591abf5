public import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation

/// Cooperation architectures side by side, one column each, and a verdict per criterion (never one
/// blended score).
public struct CompareReport {
    public let architectures: [ArchitectureResult]

    public init(_ architectures: [ArchitectureResult]) { self.architectures = architectures }

    var results: [MonteCarloResult] { architectures.map(\.result) }

    public func render() -> String {
        guard let first = results.first else { return "" }
        var text = "Comparing \(architectures.count) architectures: \(Format.grouped(first.trials)) trials each, "
        text += "seed \(first.settings.seed)"
        if let day = first.settings.targetDay { text += ", target date \(first.plan.date(ofDay: day))" }
        if let budget = first.settings.targetBudgetMUSD { text += ", target budget \(Format.musd(budget)) MUSD" }
        text += "\n\n"
        text += table().render()
        text += "\nVerdicts (best per criterion; 'clear' when it differs from the runner-up at 95 %)\n"
        text += verdicts()
        if architectures.contains(where: { $0.cooperation != nil }) { text += "\n" + cooperation() }
        // A safety net for any file-derived text not escaped where it was interpolated.
        return TerminalText.escapedKeepingLines(text)
    }

    func header() -> [String] {
        [""] + results.map { $0.plan.campaignID.rawValue }
    }

    func table() -> TextTable {
        var table = TextTable(headers: header())
        func add(_ name: String, _ cell: (ArchitectureResult) -> String) {
            table.add([name] + architectures.map(cell))
        }
        add("architecture") { $0.architecture }
        let objectives = orderedObjectives()
        for id in objectives {
            add("\(id): P(success)") { arch in
                index(of: id, in: arch).map { Format.percent(arch.result.objectiveSuccess($0).value) } ?? "-"
            }
            add("\(id): P50 date") { arch in
                index(of: id, in: arch).map { date(arch.result.objectiveDay($0).p50, arch) } ?? "-"
            }
            add("\(id): P80 date") { arch in
                index(of: id, in: arch).map { date(arch.result.objectiveDay($0).p80, arch) } ?? "-"
            }
        }
        add("all objectives: P(success)") { Format.percent($0.result.allObjectives.value) }
        add("total cost P50, MUSD") { musd($0.result.totalCost.p50) }
        add("total cost P80, MUSD") { musd($0.result.totalCost.p80) }
        let agencies = orderedAgencies()
        for id in agencies {
            add("\(id) spent P50 / P80") { arch in
                guard let a = arch.result.plan.agencies.firstIndex(where: { $0.id.rawValue == id }),
                    arch.result.activeAgencies.contains(a)
                else { return "-" }
                let q = arch.result.agencySpent(a)
                return "\(musd(q.p50)) / \(musd(q.p80))"
            }
        }
        if results.contains(where: { $0.settings.targetDay != nil || $0.settings.targetBudgetMUSD != nil }) {
            add("JCL at the targets") { Format.percent($0.result.jointConfidence.value) }
        }
        add("agencies") { "\($0.complexity.agencies)" }
        add("interface contracts") { "\($0.complexity.contracts)" }
        add("distinct standards") { "\($0.complexity.standards)" }
        add("cross-bloc contracts") { "\($0.complexity.crossBlocContracts)" }
        add("worst partner to lose") { arch in
            guard let worst = arch.worstPartner else { return "none" }
            return arch.result.plan.agencies[worst.agency].id.rawValue
        }
        add("  its delay, days (mean)") { arch in
            guard let worst = arch.worstPartner, worst.delay.count > 0 else { return "-" }
            return Format.grouped(rounding: worst.delay.mean)
        }
        add("  its cost change, MUSD") { arch in
            arch.worstPartner.map { Format.musd($0.cost.mean) } ?? "-"
        }
        add("  P(all objectives) change") { arch in
            arch.worstPartner.map { Format.fixed($0.success.mean * 100, 1) + " pts" } ?? "-"
        }
        return table
    }

    func verdicts() -> String {
        var text = ""
        func verdict(
            _ criterion: String, lowerIsBetter: Bool, value: (ArchitectureResult) -> Double?,
            differ: (ArchitectureResult, ArchitectureResult) -> Bool, format: (Double) -> String
        ) {
            let ranked = architectures.compactMap { arch in value(arch).map { (arch, $0) } }
                .sorted { lowerIsBetter ? $0.1 < $1.1 : $0.1 > $1.1 }
            guard let best = ranked.first else {
                text += "  \(criterion): no architecture gets there\n"
                return
            }
            text += "  \(criterion): \(best.0.result.plan.campaignID) (\(format(best.1)))"
            if ranked.count > 1 {
                let second = ranked[1]
                let clear = differ(best.0, second.0)
                text += clear ? ", clear of" : ", not clearly better than"
                text += " \(second.0.result.plan.campaignID) (\(format(second.1)))"
            }
            text += "\n"
        }
        verdict(
            "earliest completion (mean day every objective is achieved)", lowerIsBetter: true,
            value: { $0.result.completionMoments.count > 0 ? $0.result.completionMoments.mean : nil },
            differ: { ArchitectureComparison.differ($0.result.completionMoments, $1.result.completionMoments) },
            format: { day in self.results[0].plan.date(ofDay: day).description })
        verdict(
            "most likely to achieve every objective", lowerIsBetter: false,
            value: { $0.result.allObjectives.value },
            differ: { ArchitectureComparison.differ($0.result.allObjectives, $1.result.allObjectives) },
            format: Format.percent)
        verdict(
            "lowest mean total cost", lowerIsBetter: true, value: { $0.result.costMoments.mean },
            differ: { ArchitectureComparison.differ($0.result.costMoments, $1.result.costMoments) },
            format: { Format.musd($0) + " MUSD" })
        if results.contains(where: { $0.settings.targetDay != nil || $0.settings.targetBudgetMUSD != nil }) {
            verdict(
                "highest JCL at the targets", lowerIsBetter: false, value: { $0.result.jointConfidence.value },
                differ: { ArchitectureComparison.differ($0.result.jointConfidence, $1.result.jointConfidence) },
                format: Format.percent)
        }
        verdict(
            "simplest (fewest interface contracts)", lowerIsBetter: true, value: { Double($0.complexity.contracts) },
            differ: { $0.complexity.contracts != $1.complexity.contracts }, format: { DecimalText.whole($0) })
        verdict(
            "most resilient (smallest delay when its worst partner leaves)", lowerIsBetter: true,
            value: { arch in arch.worstPartner.map { $0.delay.count > 0 ? $0.delay.mean : 0 } ?? 0 },
            differ: { a, b in
                guard let x = a.worstPartner?.delay.moments, let y = b.worstPartner?.delay.moments else {
                    return (a.worstPartner == nil) != (b.worstPartner == nil)
                }
                return ArchitectureComparison.differ(x, y)
            },
            format: { Format.grouped(rounding: $0) + " days" })
        return text
    }

    func cooperation() -> String {
        var text = "Benefit of cooperation: each agency's mean cost in the architecture against going alone, MUSD\n"
        for arch in architectures {
            guard let game = arch.cooperation else { continue }
            text += "  \(arch.result.plan.campaignID)\n"
            var table = TextTable(headers: ["agency", "alone", "in it", "benefit", "Shapley fair cost"])
            for (i, a) in game.players.enumerated() {
                let inIt = arch.result.meanCost(agency: a)
                table.add([
                    arch.result.plan.agencies[a].id.rawValue, Format.musd(game.aloneCost[i]), Format.musd(inIt),
                    Format.musd(game.aloneCost[i] - inIt), Format.musd(game.fairCost[i]),
                ])
            }
            text += table.render(indent: 4)
        }
        return text
    }

    // MARK: Helpers

    func orderedObjectives() -> [String] {
        var seen: [String] = []
        for result in results {
            for objective in result.plan.objectives where !seen.contains(objective.id.rawValue) {
                seen.append(objective.id.rawValue)
            }
        }
        return seen
    }

    func orderedAgencies() -> [String] {
        var seen: [String] = []
        for result in results {
            for a in result.activeAgencies where !seen.contains(result.plan.agencies[a].id.rawValue) {
                seen.append(result.plan.agencies[a].id.rawValue)
            }
        }
        return seen
    }

    func index(of objective: String, in arch: ArchitectureResult) -> Int? {
        arch.result.plan.objectives.firstIndex { $0.id.rawValue == objective }
    }

    func date(_ day: Double?, _ arch: ArchitectureResult) -> String {
        day.map { arch.result.plan.date(ofDay: $0).description } ?? "-"
    }

    func musd(_ value: Double?) -> String { value.map(Format.musd) ?? "-" }
}

extension CompareReport {
    /// The comparison as one self-contained HTML page: the side-by-side table, the verdicts, and a bar
    /// chart per criterion (one bar per architecture, in the same colour across charts).
    public func html(version: String) -> String {
        guard let first = results.first else { return "" }
        let table = self.table()
        var body = "<h1>Comparing \(architectures.count) cooperation architectures</h1>\n"
        body += "<p class=\"lead\">\(Format.grouped(first.trials)) trials each, seed \(first.settings.seed). "
        body += "Money in millions of US dollars (MUSD).</p>\n<section><h2>Side by side</h2>\n<table>"
        body += "<tr>" + table.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in table.rows { body += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        body += "</table>\n</section>\n<section><h2>Verdicts</h2>\n<ul>\n"
        for line in verdicts().split(separator: "\n") {
            body += "<li>\(escape(String(line.drop { $0 == " " })))</li>\n"
        }
        body += "</ul>\n<p class=\"lead\">'clear' means the difference with the runner-up is significant at 95 %.</p>\n"
        body += "</section>\n"
        func colour(_ i: Int) -> String { HTMLReport.palette[i % HTMLReport.palette.count] }
        func chart(
            _ title: String, unit: String, format: @escaping (Double) -> String, value: (ArchitectureResult) -> Double?
        )
            -> String
        {
            let rows = architectures.enumerated().compactMap { i, arch in
                value(arch).map { (arch.result.plan.campaignID.rawValue, $0, colour(i)) }
            }
            guard !rows.isEmpty else { return "" }
            let top = rows.map(\.1).max() ?? 1
            return "<section><h2>\(escape(title))</h2>\n"
                + SVGChart.horizontalBars(rows: rows, unit: unit, maximum: top, format: format) + "</section>\n"
        }
        body += chart("Probability of achieving every objective", unit: "probability", format: Format.percent) {
            $0.result.allObjectives.value
        }
        body += chart("Mean total cost", unit: "MUSD", format: Format.musd) { $0.result.costMoments.mean }
        body += chart(
            "Mean time until every objective is achieved (trials that achieve them all)", unit: "years from the start",
            format: { Format.fixed($0, 1) + " years" }
        ) { arch in
            arch.result.completionMoments.count > 0 ? arch.result.completionMoments.mean / 365.25 : nil
        }
        body += chart("Interface contracts", unit: "contracts", format: { DecimalText.whole($0) }) {
            Double($0.complexity.contracts)
        }
        body += chart(
            "Delay when the worst partner withdraws (mean, trials that finish both ways)", unit: "days",
            format: { Format.grouped(rounding: $0) }
        ) { arch in
            arch.worstPartner.map { $0.delay.count > 0 ? max(0, $0.delay.mean) : 0 }
        }
        return HTMLReport.page(title: "Architecture comparison", body: body, version: version)
    }
}
