public import ConsortiumAnalysis
import ConsortiumModel
public import ConsortiumSimulation

/// One self-contained HTML page (no scripts, fonts or images from anywhere) with SVG charts, for a
/// projector or a printer: S-curves, cost per agency under each sharing rule, yearly spending against
/// budget caps, risk drivers, criticality, the Gantt chart of a representative trial, and provenance.
public struct HTMLReport {
    /// An input file and its fingerprint, so a reader can tell whether a result matches their files.
    public struct Provenance: Sendable {
        public var path: String
        public var fingerprint: String
        public init(path: String, fingerprint: String) {
            self.path = path
            self.fingerprint = fingerprint
        }
    }

    public let result: MonteCarloResult
    /// The trial closest to the median completion, replayed, for the Gantt chart.
    public let story: TrialOutcome?
    public let inputs: [Provenance]
    public let version: String

    public init(_ result: MonteCarloResult, story: TrialOutcome?, inputs: [Provenance], version: String) {
        self.result = result
        self.story = story
        self.inputs = inputs
        self.version = version
    }

    /// Okabe & Ito's palette, distinguishable with the common forms of colour blindness.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    var plan: SimulationPlan { result.plan }

    public func render() -> String {
        var body = "<h1>\(escape(plan.campaignName))</h1>\n"
        body += "<p class=\"lead\">\(Format.grouped(result.trials)) trials, seed \(result.settings.seed)"
        if let scenario = plan.scenarioID { body += ", scenario <code>\(escape(scenario.rawValue))</code>" }
        body += ". Dates are when things happen; money is in millions of US dollars (MUSD).</p>\n"
        body += section("When: schedule confidence", scheduleChart() + scheduleTable())
        body += section("How much: cost confidence", costChart())
        body += section("Who pays: cost per agency under each sharing rule", sharingChart())
        body += section("What each agency spent, gave and received", transfers())
        body += section("Spending per fiscal year against each agency's funding line", yearChart())
        body += section("What drives it: rank correlation of each uncertain input", tornado())
        body += section("Where it hurts: criticality of each element", criticality())
        if let story {
            body += section("One trial as a story (the trial closest to the median completion)", gantt(story))
        }
        body += section("Inputs and provenance", provenance())
        return Self.page(title: plan.campaignName, body: body, version: version)
    }

    /// The page around a report's sections: one inline style sheet, nothing loaded from anywhere.
    static func page(title: String, body: String, version: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) - Consortium report</title>
        <style>
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
               max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; font-size: 16px; }
        h1 { font-size: 1.8em; margin-bottom: 0.2em; } h2 { font-size: 1.3em; margin-top: 2em;
             border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; }
        .lead { color: #555; } svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
        th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #ddd; text-align: right; }
        th:first-child, td:first-child { text-align: left; } code { font-size: 0.9em; }
        section { page-break-inside: avoid; }
        @media print { body { max-width: none; font-size: 12px; } }
        </style></head>
        <body>
        \(body)
        <footer><p class="lead">Made by Consortium \(escape(version)).</p></footer>
        </body></html>

        """
    }

    // MARK: Sections

    func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(escape(title))</h2>\n\(content)</section>\n"
    }

    func date(_ day: Double?) -> String { day.map { plan.date(ofDay: $0).description } ?? "never" }

    func scheduleChart() -> String {
        var series: [(String, [(Double, Double)])] = [("every objective achieved", result.completionCurve)]
        for (m, mission) in plan.missions.enumerated().prefix(7) {
            series.append((mission.id.rawValue, result.missionCurve(m)))
        }
        let q = result.completion
        var marks: [(Double, String)] = [q.p50, q.p70, q.p80].enumerated().compactMap { i, day in
            day.map { ($0, ["P50", "P70", "P80"][i]) }
        }
        if let target = result.settings.targetDay { marks.append((target, "target")) }
        return SVGChart.sCurve(
            series: series, marks: marks, xLabel: "date (year)", xFormat: { plan.date(ofDay: $0).description },
            yearTicks: { yearTicks($0) })
    }

    func yearTicks(_ range: ClosedRange<Double>) -> [(Double, String)] {
        let first = plan.date(ofDay: range.lowerBound).year
        let last = plan.date(ofDay: range.upperBound).year
        let step = max(1, (last - first) / 8)
        return stride(from: first, through: last + 1, by: step).compactMap { year in
            guard let date = CivilDate(year: year, month: 1, day: 1) else { return nil }
            let day = plan.day(of: date)
            return range.contains(day) ? (day, "\(year)") : nil
        }
    }

    func scheduleTable() -> String {
        var rows = ""
        if result.hasCrew {
            rows += "<p>\(escape(CrewText.lossOfCrew(result)))</p>\n"
        }
        rows +=
            "<table><tr><th>objective</th><th>P(achieved)</th><th>P50</th><th>P80</th><th>target</th>"
            + "<th>lost because</th></tr>\n"
        for (o, objective) in plan.objectives.enumerated() {
            let q = result.objectiveDay(o)
            rows += "<tr><td>\(escape(objective.id.rawValue))</td>"
            rows += "<td>\(Format.percent(result.objectiveSuccess(o).value))</td><td>\(date(q.p50))</td>"
            rows += "<td>\(date(q.p80))</td><td>\(objective.targetDay.map { date($0) } ?? "-")</td>"
            rows += "<td>\(escape(CrewText.losses(result, objective: o)))</td></tr>\n"
        }
        return rows + "</table>\n"
    }

    func costChart() -> String {
        let q = result.totalCost
        var marks: [(Double, String)] = [q.p50, q.p70, q.p80].enumerated().compactMap { i, value in
            value.map { ($0, ["P50", "P70", "P80"][i]) }
        }
        if let budget = result.settings.targetBudgetMUSD { marks.append((budget, "budget")) }
        return SVGChart.sCurve(
            series: [("total cost", result.costCurve)], marks: marks, xLabel: "total cost (MUSD)",
            yLabel: "probability the cost is at most this", xFormat: Format.musd, yearTicks: nil)
    }

    func sharingChart() -> String {
        var bars: [(String, [Double])] = []
        for rule in CostSharing.Policy.allCases {
            if let rows = result.sharingTable(rule) { bars.append((rule.label, rows.map(\.total))) }
        }
        bars.append(("net, with barter", result.barterTable.map(\.total)))
        let names = result.activeAgencies.map { plan.agencies[$0].id.rawValue }
        return SVGChart.stackedBars(bars: bars, segments: names, unit: "MUSD (mean)")
    }

    func transfers() -> String {
        let report = MonteCarloReport(result)
        return "<p class=\"lead\">Spending, MUSD: what each agency paid from its own money.</p>\n"
            + report.costTable().html()
            + "<p class=\"lead\">Transfers and net contribution, mean MUSD: returns valued by the agreements; net = "
            + "spent + in kind given - in kind earned - received; the nets sum to the campaign's cost.</p>\n"
            + report.transferTable().html()
    }

    func yearChart() -> String {
        guard let years = result.activeYears else { return "<p>No spending.</p>" }
        var series: [(String, [(Double, Double)])] = []
        var caps: [(String, [(Double, Double)])] = []
        for a in result.activeAgencies.prefix(8) {
            let id = plan.agencies[a].id.rawValue
            series.append(
                (id, years.map { (Double(plan.firstFiscalYear + $0), result.yearCost(agency: a, year: $0).mean) }))
            let cap = years.compactMap { y -> (Double, Double)? in
                let line = plan.agencies[a].lineByYear
                return y < line.count ? (Double(plan.firstFiscalYear + y), line[y]) : nil
            }
            if !cap.isEmpty { caps.append((id, cap)) }
        }
        return SVGChart.lines(series: series, dashed: caps, xLabel: "fiscal year", yLabel: "MUSD per year")
            + "<p class=\"lead\">Solid: mean spending on this campaign (transfers left out); dashed: the funding "
            + "line the campaign gives the agency (before a scenario's or --budget's change; with carry-over, unspent "
            + "money adds to later years).</p>\n"
    }

    func tornado() -> String {
        let drivers = result.drivers.prefix(12)
        guard !drivers.isEmpty else { return "<p>No uncertain inputs varied.</p>" }
        return SVGChart.tornado(
            rows: drivers.map { ($0.name, $0.scheduleCorrelation, $0.costCorrelation) },
            legend: ("with completion date", "with total cost"))
            + "<p class=\"lead\">Spearman rank correlation over the first "
            + "\(Format.grouped(min(result.trials, result.settings.sampleSize))) trials. A high input always "
            + "means worse: longer, costlier, more growth, a less reliable vehicle, a risk that strikes.</p>\n"
    }

    func criticality() -> String {
        var rows: [(String, Double, String)] = []
        for (e, element) in plan.elements.enumerated() where result.criticality(e) > 0 {
            rows.append((element.id.rawValue, result.criticality(e), colour(element.agency)))
        }
        rows.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard !rows.isEmpty else { return "<p>No element was ever critical.</p>" }
        return SVGChart.horizontalBars(
            rows: Array(rows.prefix(15)), unit: "share of trials on the critical path (bars coloured by agency)")
    }

    func colour(_ agency: Int) -> String {
        let index = result.activeAgencies.firstIndex(of: agency) ?? agency
        return Self.palette[index % Self.palette.count]
    }

    func gantt(_ outcome: TrialOutcome) -> String {
        var lanes: [SVGChart.Lane] = []
        for (e, element) in plan.elements.enumerated() {
            let fate = outcome.elements[e]
            let end = fate.deliveredDay ?? outcome.endDay
            lanes.append(
                SVGChart.Lane(
                    label: element.id.rawValue, agency: plan.agencies[fate.agency].id.rawValue,
                    colour: colour(fate.agency), start: element.startDay, end: max(element.startDay, end),
                    launch: fate.launchedDay, inPlace: fate.inPlaceDay, critical: outcome.critical[e],
                    lost: !fate.works))
        }
        var arrows: [(from: Int, to: Int, day: Double)] = []
        for contract in plan.contracts {
            if let day = outcome.elements[contract.element].deliveredDay {
                arrows.append((contract.element, contract.counterpart, day))
            }
        }
        // Windows of missions that launch in windows a month apart or more (Mars: every 779.9 days); monthly
        // lunar windows would fill the chart, so they are named in the caption instead.
        var windows: [(start: Double, width: Double)] = []
        for mission in plan.missions {
            guard let w = mission.windows, w.periodDays >= 100 else { continue }
            var start = w.referenceDay
            while start > 0 { start -= w.periodDays }
            while start < outcome.endDay {
                if start >= 0 { windows.append((start, w.widthDays)) }
                start += w.periodDays
            }
        }
        return SVGChart.gantt(
            lanes: lanes, arrows: arrows, ticks: { yearTicks($0) }, horizon: outcome.endDay, windows: windows)
            + "<p class=\"lead\">Bars: development, start to delivery, coloured by the paying agency; thick "
            + "outline: on the critical path; ▲ launch, ● in place, ✕ lost; pale bands: launch windows of "
            + "missions with windows far apart (lunar windows, every 29.5 days, are not drawn); arrows: interface contracts "
            + "(delivery to the counterpart). Replay it with <code>consortium simulate FILE --trials 1 --seed "
            + "\(result.settings.seed) --trial \(outcome.trial)</code>.</p>\n"
    }

    func provenance() -> String {
        var text = "<table><tr><th>input file</th><th>FNV-1a 64 fingerprint</th></tr>\n"
        for input in inputs {
            text += "<tr><td><code>\(escape(input.path))</code></td><td><code>\(input.fingerprint)</code></td></tr>\n"
        }
        text += "</table>\n<p>Seed \(result.settings.seed), \(Format.grouped(result.trials)) trials, "
        text += "Consortium \(escape(version)). The same files, seed and trial count give the same report, "
        text += "whatever the number of threads.</p>\n"
        return text
    }
}

/// Escapes text for HTML and SVG: markup characters as entities, and control and bidirectional characters
/// as a visible `<U+202E>` (`TerminalText.escaped`), so that an override in a name cannot reorder the text
/// around it in a browser.
func escape(_ text: String) -> String {
    TerminalText.escaped(text).xmlEscaped
}

/// FNV-1a (64-bit) of a file's bytes, in hex: a fingerprint that tells two versions of an input apart.
public func fingerprint(_ bytes: [UInt8]) -> String {
    let digits = String(StableHash.of(bytes: bytes), radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
