import ConsortiumModel

extension SemanticChecker {
    /// A campaign's funding lines: known agencies, one line per agency, each fiscal year once, amounts that
    /// are money, and a shortfall rule the simulation implements.
    mutating func checkFunding(_ campaign: Campaign) {
        var seen: [AgencyID: SourceLocation] = [:]
        for line in campaign.funding {
            _ = agency(line.agency)
            if let earlier = seen[line.agency.id] {
                error(
                    line.location, "duplicate-funding",
                    "agency '\(line.agency.id)' has a second funding line in this campaign",
                    hint: "its line is already given at \(earlier); merge the <year> entries into one <funding>")
            } else {
                seen[line.agency.id] = line.location
            }
            var years: [Int: SourceLocation] = [:]
            for year in line.years {
                if let earlier = years[year.fiscalYear] {
                    error(
                        year.location, "duplicate-id",
                        "fiscal year \(year.fiscalYear) appears twice in the funding line of '\(line.agency.id)'",
                        hint: "it is already given at \(earlier); keep one <year fy=\"\(year.fiscalYear)\"> per year")
                } else {
                    years[year.fiscalYear] = year.location
                }
                if !(year.amountMUSD >= 0) || !year.amountMUSD.isFinite {
                    error(
                        year.location, "impossible-value",
                        "the funding line of '\(line.agency.id)' in FY\(year.fiscalYear) is \(year.amountMUSD) MUSD",
                        hint: "a funding line is a non-negative amount of MUSD; write 0 for a year with no money")
                }
            }
        }
    }
}
