import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation

/// The report's paragraph on funding lines: for each agency with a line, how often it bound and its peak
/// use, so a user knows whether a cut below that level changes anything; agencies without a line are named
/// as unconstrained.
enum FundingLineText {
    static func section(_ result: MonteCarloResult) -> String {
        let lines = result.fundingLines
        let plan = result.plan
        guard !lines.isEmpty else {
            return "Funding lines: none in this campaign; no agency's spending is limited (give <funding> lines).\n"
        }
        var text = "Funding lines: peak use is spending over the line in the heaviest fiscal year\n"
        for line in lines {
            let id = plan.agencies[line.agency].id
            let median = line.peakMedian.map(Format.percent) ?? "-"
            if line.bound.successes == 0 {
                text += "  \(id) never limited spending: peak use at most \(Format.percent(line.peakMax)) of its line"
                text += " (P50 \(median)), so a cut to \(Format.percent(line.peakMax)) of it changes nothing\n"
            } else {
                text += "  \(id) bound in \(Format.percent(line.bound.value)) of trials (development slowed or a launch"
                text += " waited for money); peak use P50 \(median), at most \(Format.percent(line.peakMax))\n"
            }
        }
        let unconstrained = result.activeAgencies.filter { !plan.agencies[$0].hasLine }.map {
            plan.agencies[$0].id.rawValue
        }
        if !unconstrained.isEmpty {
            text += "  no funding line (unconstrained): \(unconstrained.joined(separator: ", "))\n"
        }
        return text
    }
}
