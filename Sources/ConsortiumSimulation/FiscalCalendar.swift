public import ConsortiumModel

/// Fiscal years of one agency, as days from the campaign start.
///
/// An agency whose fiscal year starts in month M > 1 names the year by the calendar year in which it
/// ends (the US convention: FY2026 runs from 2025-10-01 to 2026-09-30); with M = 1 it is the calendar year.
public struct FiscalCalendar: Sendable, Hashable {
    public let startMonth: Int
    /// The day (from the campaign start) on which fiscal year `firstYear + k` begins, for k in 0...
    public let boundaries: [Double]
    public let firstYear: Int

    public init(startMonth: Int, campaignStart: CivilDate, years: ClosedRange<Int>) {
        self.startMonth = startMonth
        firstYear = years.lowerBound
        boundaries = years.map { fy in
            let calendarYear = startMonth == 1 ? fy : fy - 1
            let begins = CivilDate(year: calendarYear, month: startMonth, day: 1)!
            return Double(campaignStart.days(to: begins))
        }
    }

    /// The fiscal year that contains `day`.
    public func fiscalYear(ofDay day: Double) -> Int {
        var low = 0
        var high = boundaries.count - 1
        if day < boundaries[0] { return firstYear - 1 }
        while low < high {
            let mid = (low + high + 1) / 2
            if boundaries[mid] <= day { low = mid } else { high = mid - 1 }
        }
        return firstYear + low
    }

    /// The day the fiscal year after the one containing `day` begins (infinity past the table).
    public func nextBoundary(after day: Double) -> Double {
        let index = fiscalYear(ofDay: day) - firstYear + 1
        return index >= 0 && index < boundaries.count ? boundaries[index] : .infinity
    }
}
