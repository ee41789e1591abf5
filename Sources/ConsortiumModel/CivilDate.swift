/// A calendar date (proleptic Gregorian, no time zone), as written in the files: `2027-03-14`.
///
/// Dates convert to a day number (days since 1970-01-01) for arithmetic; the simulation measures
/// time in days from the campaign start. The conversions are Howard Hinnant's `days_from_civil`
/// and `civil_from_days` algorithms (exact for all dates we accept).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date if `year-month-day` names a real calendar day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a day number (days since 1970-01-01).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or for a day that does not exist.
    public init?(iso text: some StringProtocol) {
        // The form the schemas allow, digits in place, read from the bytes: splitting into substrings took a
        // tenth of the time of loading a file of 100,000 elements.
        var digits: (year: Int, month: Int, day: Int, count: Int) = (0, 0, 0, 0)
        var isPlain = text.utf8.count == 10
        if isPlain {
            for (position, byte) in text.utf8.enumerated() {
                if position == 4 || position == 7 {
                    isPlain = isPlain && byte == UInt8(ascii: "-")
                    continue
                }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    isPlain = false
                    break
                }
                let value = Int(byte - UInt8(ascii: "0"))
                switch position {
                case 0..<4: digits.year = digits.year * 10 + value
                case 5..<7: digits.month = digits.month * 10 + value
                default: digits.day = digits.day * 10 + value
                }
            }
        }
        if isPlain {
            self.init(year: digits.year, month: digits.month, day: digits.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other`.
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
