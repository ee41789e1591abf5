import CSV
public import Foundation

extension ResultDocument {
    /// The document as tidy CSV (RFC 4180): one row per metric, entity and statistic, with its unit, so it
    /// loads straight into a data frame or a spreadsheet pivot table.
    ///
    /// Columns: `metric, entity, statistic, value, unit`. Dates are ISO 8601; empty values are quantiles
    /// that fall among trials that never got there.
    public func csv() throws -> Data {
        try TidyCSV.encode([TidyCSV.header] + tidyRows())
    }

    /// The rows of `csv()`, without the header.
    func tidyRows() -> [[String]] {
        var rows: [[String]] = []
        func add(_ metric: String, _ entity: String, _ statistic: String, _ value: String?, _ unit: String) {
            rows.append([metric, entity, statistic, value ?? "", unit])
        }
        let number = TidyCSV.number
        func dates(_ metric: String, _ entity: String, _ q: DateQuantiles) {
            for (name, value) in q.named { add(metric, entity, name, value, "date") }
        }
        func money(_ metric: String, _ entity: String, _ q: MoneyQuantiles) {
            for (name, value) in q.named { add(metric, entity, name, number(value), "MUSD") }
        }
        func probability(_ metric: String, _ entity: String, _ p: Probability?) {
            guard let p else { return }
            add(metric, entity, "probability", number(p.value), "fraction")
            add(metric, entity, "ci95_low", number(p.low), "fraction")
            add(metric, entity, "ci95_high", number(p.high), "fraction")
        }
        let name = input.scenario ?? input.campaign
        probability("all_objectives", name, campaign.allObjectives)
        dates("campaign_done", name, campaign.done)
        money("total_cost", name, campaign.costMUSD)
        probability("meets_target_date", name, campaign.meetsTargetDate)
        probability("meets_target_budget", name, campaign.meetsTargetBudget)
        probability("joint_confidence", name, campaign.jointConfidence)
        probability("loss_of_crew", name, campaign.lossOfCrew)
        probability("programme_cancelled", name, campaign.programmeCancelled)
        probability("cancelled_after_loss_of_crew", name, campaign.cancelledAfterLossOfCrew)
        for point in campaign.frontier {
            add("jcl_frontier_budget", point.date, "level_\(campaign.frontierLevel)", number(point.budgetMUSD), "MUSD")
        }
        if let milestone = campaign.milestone {
            probability("milestone_met", milestone.id, milestone.met)
            dates("milestone_day", milestone.id, milestone.day)
            money("milestone_cost", milestone.id, milestone.costToMilestoneMUSD)
            probability("milestone_meets_target_date", milestone.id, milestone.meetsTargetDate)
            probability("milestone_meets_target_budget", milestone.id, milestone.meetsTargetBudget)
            probability("milestone_joint_confidence", milestone.id, milestone.jointConfidence)
            for point in milestone.frontier {
                add(
                    "milestone_jcl_frontier_budget", "\(milestone.id) \(point.date)", "level_\(campaign.frontierLevel)",
                    number(point.budgetMUSD), "MUSD")
            }
        }
        for mission in missions { dates("mission_end", mission.id, mission.end) }
        for objective in objectives {
            probability("objective_success", objective.id, objective.success)
            add("objective_on_time", objective.id, "probability", number(objective.onTime), "fraction")
            dates("objective_achieved", objective.id, objective.achieved)
            for (cause, p) in objective.lossCauses.sorted(by: { $0.key < $1.key }) {
                add("objective_lost", objective.id, cause, number(p), "fraction")
            }
            // The same losses attributed to their element: statistic "cause (element)".
            for loss in objective.losses {
                let statistic = loss.cause + (loss.element.map { " (\($0))" } ?? "")
                add("objective_lost_by_element", objective.id, statistic, number(loss.probability), "fraction")
            }
        }
        for agency in agencies {
            money("agency_spent", agency.id, agency.spentMUSD)
            money("agency_net", agency.id, agency.netMUSD)
            add("agency_transfers", agency.id, "in_kind_given", number(agency.transfersMUSD.inKindGiven), "MUSD")
            add("agency_transfers", agency.id, "in_kind_earned", number(agency.transfersMUSD.inKindEarned), "MUSD")
            add("agency_transfers", agency.id, "received", number(agency.transfersMUSD.received), "MUSD")
            for (category, value) in agency.byCategoryMUSD.sorted(by: { $0.key < $1.key }) {
                add("agency_cost_by_category", agency.id, category, number(value), "MUSD")
            }
            for year in agency.byFiscalYear {
                add("agency_cost_fy\(year.fiscalYear)", agency.id, "mean", number(year.meanMUSD), "MUSD")
                add("agency_cost_fy\(year.fiscalYear)", agency.id, "p80", number(year.p80MUSD), "MUSD")
            }
            if let line = agency.fundingLine {
                add("funding_line", agency.id, "bound_share", number(line.boundShare), "fraction")
                if let p50 = line.peakUseP50 { add("funding_line", agency.id, "peak_use_p50", number(p50), "fraction") }
                add("funding_line", agency.id, "peak_use_max", number(line.peakUseMax), "fraction")
            }
        }
        for driver in drivers {
            add("driver_rank_correlation", driver.input, "with_completion", number(driver.scheduleCorrelation), "rho")
            add("driver_rank_correlation", driver.input, "with_cost", number(driver.costCorrelation), "rho")
        }
        for element in criticality { add("criticality", element.element, "index", number(element.index), "fraction") }
        for (rule, table) in costSharing.sorted(by: { $0.key < $1.key }) {
            for row in table {
                add("cost_share_\(rule)", row.agency, "builds", number(row.buildsMUSD), "MUSD")
                add("cost_share_\(rule)", row.agency, "common", number(row.commonMUSD), "MUSD")
                add("cost_share_\(rule)", row.agency, "barter", number(row.barterMUSD), "MUSD")
                add("cost_share_\(rule)", row.agency, "cash", number(row.cashMUSD), "MUSD")
                add("cost_share_\(rule)", row.agency, "penalties", number(row.penaltiesMUSD), "MUSD")
                add("cost_share_\(rule)", row.agency, "received", number(row.receivedMUSD), "MUSD")
                add("cost_share_\(rule)", row.agency, "total", number(row.totalMUSD), "MUSD")
            }
        }
        return rows
    }
}

/// Writes tidy rows as RFC 4180 CSV (CRLF line ends, quoting where needed) with CSV.swift.
enum TidyCSV {
    static let header = ["metric", "entity", "statistic", "value", "unit"]

    static func encode(_ rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return Data() }
        data.append(contentsOf: Array("\r\n".utf8))
        return data
    }

    static func number(_ x: Double?) -> String? { x.map { "\($0)" } }
}
